/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-point"

#include "config.h"

#include "atlas-array-model.h"
#include "atlas-i18n.h"

#include "atlas-point.h"
#include "atlas-names.h"
#include "atlas-series.h"

struct _AtlasPoint
{
  GObject parent_instance;

  GWeakRef series; /* the series owns its points */
  char *entity_id;
  AtlasFuzzyDate *date; /* NULL when the source gives no date */
  double value;
  AtlasValueQualifier qualifier;
  AtlasValueStatus status;
  char *sentence;
  char *source_id;
  char *note;
  char *event_id;
};

G_DEFINE_FINAL_TYPE (AtlasPoint,
                     atlas_point,
                     G_TYPE_OBJECT)

static const char *qualifier_names[] = { "exact", "over", "nearly", "up-to", "about" };
static const char *status_names[] = { "reported", "estimated", "projected" };

static void
atlas_point_finalize (GObject *object)
{
  AtlasPoint *self = ATLAS_POINT (object);

  g_weak_ref_clear (&self->series);
  g_free (self->entity_id);
  g_clear_pointer (&self->date, atlas_fuzzy_date_free);
  g_free (self->sentence);
  g_free (self->source_id);
  g_free (self->note);
  g_free (self->event_id);

  G_OBJECT_CLASS (atlas_point_parent_class)->finalize (object);
}

static void
atlas_point_class_init (AtlasPointClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_point_finalize;
}

static void
atlas_point_init (AtlasPoint *self)
{
  g_weak_ref_init (&self->series, NULL);
}

AtlasPoint *
atlas_point_new (const char *entity_id,
                 const AtlasFuzzyDate *date,
                 double value,
                 AtlasValueQualifier qualifier,
                 AtlasValueStatus status,
                 const char *sentence,
                 const char *source_id,
                 const char *note,
                 const char *event_id)
{
  AtlasPoint *self;

  g_return_val_if_fail (entity_id != NULL, NULL);
  g_return_val_if_fail (qualifier < G_N_ELEMENTS (qualifier_names), NULL);
  g_return_val_if_fail (status < G_N_ELEMENTS (status_names), NULL);

  self = g_object_new (ATLAS_TYPE_POINT, NULL);
  self->entity_id = g_strdup (entity_id);
  self->date = date ? atlas_fuzzy_date_copy (date) : NULL;
  self->value = value;
  self->qualifier = qualifier;
  self->status = status;
  self->sentence = g_strdup (sentence);
  self->source_id = g_strdup (source_id);
  self->note = g_strdup (note);
  self->event_id = g_strdup (event_id);
  return self;
}

void
_atlas_point_set_series (AtlasPoint *self,
                         AtlasSeries *series)
{
  g_weak_ref_set (&self->series, series);
}

/* Returns: (transfer full) (nullable): the figure's id, "SERIES#INDEX"
 * (series "revenue-industry", its first point: "revenue-industry#0"), by which
 * atlas_dataset_lookup_point() finds it again; NULL once the series is gone.
 * The index follows the last '#', so a series id may hold one too. */
char *
atlas_point_dup_id (AtlasPoint *self)
{
  g_autoptr (AtlasSeries) series = NULL;
  AtlasArrayModel *points;
  guint position;

  g_return_val_if_fail (ATLAS_IS_POINT (self), NULL);

  series = g_weak_ref_get (&self->series);
  if (series == NULL)
    return NULL;
  points = ATLAS_ARRAY_MODEL (atlas_series_get_points (series));
  if (!atlas_array_model_find (points, self, &position))
    return NULL;
  return g_strdup_printf ("%s#%u", atlas_series_get_id (series), position);
}

/* Returns: (transfer full) (nullable): the series, while it exists */
AtlasSeries *
atlas_point_dup_series (AtlasPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_POINT (self), NULL);
  return g_weak_ref_get (&self->series);
}

const char *
atlas_point_get_entity_id (AtlasPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_POINT (self), NULL);
  return self->entity_id;
}

const AtlasFuzzyDate *
atlas_point_get_date (AtlasPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_POINT (self), NULL);
  return self->date;
}

double
atlas_point_get_value (AtlasPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_POINT (self), 0.0);
  return self->value;
}

AtlasValueQualifier
atlas_point_get_qualifier (AtlasPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_POINT (self), 0);
  return self->qualifier;
}

AtlasValueStatus
atlas_point_get_status (AtlasPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_POINT (self), 0);
  return self->status;
}

const char *
atlas_point_get_sentence (AtlasPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_POINT (self), NULL);
  return self->sentence;
}

const char *
atlas_point_get_source_id (AtlasPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_POINT (self), NULL);
  return self->source_id;
}

const char *
atlas_point_get_note (AtlasPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_POINT (self), NULL);
  return self->note;
}

const char *
atlas_point_get_event_id (AtlasPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_POINT (self), NULL);
  return self->event_id;
}

const char *
atlas_value_qualifier_to_string (AtlasValueQualifier qualifier)
{
  g_return_val_if_fail (qualifier < G_N_ELEMENTS (qualifier_names), NULL);
  return qualifier_names[qualifier];
}

gboolean
atlas_value_qualifier_from_string (const char *str,
                                   AtlasValueQualifier *qualifier)
{
  ATLAS_NAMES_FROM_STRING (qualifier_names, str, qualifier);
}

const char *
atlas_value_status_to_string (AtlasValueStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
atlas_value_status_from_string (const char *str,
                                AtlasValueStatus *status)
{
  ATLAS_NAMES_FROM_STRING (status_names, str, status);
}

const char *
atlas_value_status_get_label (AtlasValueStatus status)
{
  switch (status)
    {
    case ATLAS_VALUE_STATUS_REPORTED: return _ ("Reported");
    case ATLAS_VALUE_STATUS_ESTIMATED: return _ ("Estimated");
    case ATLAS_VALUE_STATUS_PROJECTED: return _ ("Projected");
    default: g_return_val_if_reached (NULL);
    }
}
