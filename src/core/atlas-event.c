/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-event"

#include "config.h"

#include <string.h>

#include "atlas-i18n.h"

#include "atlas-event.h"
#include "atlas-names.h"

struct _AtlasEvent
{
  GObject parent_instance;

  char *id;
  AtlasFuzzyDate *date;
  AtlasEventCategory category;
  char *title;
  char *text;
  GStrv entity_ids;
  char *sentence;
  char *source_id;
  char *note;
};

G_DEFINE_FINAL_TYPE (AtlasEvent,
                     atlas_event,
                     G_TYPE_OBJECT)

static const char *category_names[] = {
  "regulation", "platform", "production", "market", "technology", "people",
};

static void
atlas_event_finalize (GObject *object)
{
  AtlasEvent *self = ATLAS_EVENT (object);

  g_free (self->id);
  g_clear_pointer (&self->date, atlas_fuzzy_date_free);
  g_free (self->title);
  g_free (self->text);
  g_strfreev (self->entity_ids);
  g_free (self->sentence);
  g_free (self->source_id);
  g_free (self->note);

  G_OBJECT_CLASS (atlas_event_parent_class)->finalize (object);
}

static void
atlas_event_class_init (AtlasEventClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_event_finalize;
}

static void
atlas_event_init (AtlasEvent *self)
{
}

AtlasEvent *
atlas_event_new (const char *id,
                 const AtlasFuzzyDate *date,
                 AtlasEventCategory category,
                 const char *title,
                 const char *text,
                 const char *const *entity_ids,
                 const char *sentence,
                 const char *source_id,
                 const char *note)
{
  AtlasEvent *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (category < G_N_ELEMENTS (category_names), NULL);

  self = g_object_new (ATLAS_TYPE_EVENT, NULL);
  self->id = g_strdup (id);
  self->date = atlas_fuzzy_date_copy (date);
  self->category = category;
  self->title = g_strdup (title);
  self->text = g_strdup (text);
  self->entity_ids = entity_ids ? g_strdupv ((char **) entity_ids) : g_new0 (char *, 1);
  self->sentence = g_strdup (sentence);
  self->source_id = g_strdup (source_id);
  self->note = g_strdup (note);
  return self;
}

const char *
atlas_event_get_id (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);
  return self->id;
}

const AtlasFuzzyDate *
atlas_event_get_date (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);
  return self->date;
}

AtlasEventCategory
atlas_event_get_category (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), 0);
  return self->category;
}

const char *
atlas_event_get_title (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);
  return self->title;
}

const char *
atlas_event_get_text (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);
  return self->text;
}

const char *const *
atlas_event_get_entity_ids (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);
  return (const char *const *) self->entity_ids;
}

gboolean
atlas_event_involves (AtlasEvent *self,
                      const char *entity_id)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), FALSE);
  return entity_id != NULL && g_strv_contains ((const char *const *) self->entity_ids, entity_id);
}

const char *
atlas_event_get_sentence (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);
  return self->sentence;
}

const char *
atlas_event_get_source_id (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);
  return self->source_id;
}

const char *
atlas_event_get_note (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);
  return self->note;
}

/* By date, then id: a total order, so every view lists events the same way. */
int
atlas_event_compare (AtlasEvent *a,
                     AtlasEvent *b)
{
  int cmp = atlas_fuzzy_date_compare (a->date, b->date);

  return cmp != 0 ? cmp : strcmp (a->id, b->id);
}

const char *
atlas_event_category_to_string (AtlasEventCategory category)
{
  g_return_val_if_fail (category < G_N_ELEMENTS (category_names), NULL);
  return category_names[category];
}

gboolean
atlas_event_category_from_string (const char *str,
                                  AtlasEventCategory *category)
{
  ATLAS_NAMES_FROM_STRING (category_names, str, category);
}

const char *
atlas_event_category_get_label (AtlasEventCategory category)
{
  switch (category)
    {
    case ATLAS_EVENT_CATEGORY_REGULATION: return _ ("Regulation");
    case ATLAS_EVENT_CATEGORY_PLATFORM: return _ ("Platforms");
    case ATLAS_EVENT_CATEGORY_PRODUCTION: return _ ("Production");
    case ATLAS_EVENT_CATEGORY_MARKET: return _ ("Market");
    case ATLAS_EVENT_CATEGORY_TECHNOLOGY: return _ ("Technology");
    case ATLAS_EVENT_CATEGORY_PEOPLE: return _ ("People");
    default: g_return_val_if_reached (NULL);
    }
}
