/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-source"

#include "config.h"

#include "atlas-i18n.h"
#include "atlas-source.h"

struct _AtlasSource
{
  GObject parent_instance;

  char *id;
  char *publication;
  char *title;
  AtlasFuzzyDate *date;
  char *url;
};

G_DEFINE_FINAL_TYPE (AtlasSource,
                     atlas_source,
                     G_TYPE_OBJECT)

static void
atlas_source_finalize (GObject *object)
{
  AtlasSource *self = ATLAS_SOURCE (object);

  g_free (self->id);
  g_free (self->publication);
  g_free (self->title);
  g_clear_pointer (&self->date, atlas_fuzzy_date_free);
  g_free (self->url);

  G_OBJECT_CLASS (atlas_source_parent_class)->finalize (object);
}

static void
atlas_source_class_init (AtlasSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_source_finalize;
}

static void
atlas_source_init (AtlasSource *self)
{
}

AtlasSource *
atlas_source_new (const char *id,
                  const char *publication,
                  const char *title,
                  const AtlasFuzzyDate *date,
                  const char *url)
{
  AtlasSource *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (publication != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_SOURCE, NULL);
  self->id = g_strdup (id);
  self->publication = g_strdup (publication);
  self->title = g_strdup (title);
  self->date = date ? atlas_fuzzy_date_copy (date) : NULL;
  self->url = g_strdup (url);
  return self;
}

const char *
atlas_source_get_id (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);
  return self->id;
}

const char *
atlas_source_get_publication (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);
  return self->publication;
}

const char *
atlas_source_get_title (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);
  return self->title;
}

const AtlasFuzzyDate *
atlas_source_get_date (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);
  return self->date;
}

const char *
atlas_source_get_url (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);
  return self->url;
}

/* "Caixin, “Cover Story: …”, late 2025" — the line a chart or a fact cites. */
char *
atlas_source_dup_credit (AtlasSource *self)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);

  /* The date as the reader's language writes it; the title is quoted. */
  if (self->date != NULL)
    date = atlas_fuzzy_date_dup_display (self->date);
  if (date != NULL && self->url != NULL)
    /* Translators: a source: the publication, the article's title as
     * published, its date and its address */
    return g_strdup_printf (_ ("%s, “%s”, %s, %s"), self->publication, self->title, date,
                            self->url);
  if (date != NULL)
    /* Translators: a source: the publication, the title and the date */
    return g_strdup_printf (_ ("%s, “%s”, %s"), self->publication, self->title, date);
  if (self->url != NULL)
    /* Translators: a source: the publication, the title and the address */
    return g_strdup_printf (C_ ("source without a date", "%s, “%s”, %s"), self->publication,
                            self->title, self->url);
  /* Translators: a source: the publication and the title */
  return g_strdup_printf (_ ("%s, “%s”"), self->publication, self->title);
}
