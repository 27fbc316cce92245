/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-series"

#include "config.h"

#include "atlas-series.h"
#include "atlas-array-model.h"
#include "atlas-names.h"

struct _AtlasSeries
{
  GObject parent_instance;

  char *id;
  char *chart_id;
  char *label;
  AtlasUnit unit;
  AtlasPer per;
  char *description;
  AtlasArrayModel *points; /* which any thread may read */
};

G_DEFINE_FINAL_TYPE (AtlasSeries,
                     atlas_series,
                     G_TYPE_OBJECT)

static const char *unit_names[] = {
  "people", "titles", "cny", "usd", "minutes", "percent", "count"
};
static const char *per_names[] = { "none", "day", "month", "year" };

static void
atlas_series_finalize (GObject *object)
{
  AtlasSeries *self = ATLAS_SERIES (object);

  g_free (self->id);
  g_free (self->chart_id);
  g_free (self->label);
  g_free (self->description);
  g_clear_object (&self->points);

  G_OBJECT_CLASS (atlas_series_parent_class)->finalize (object);
}

static void
atlas_series_class_init (AtlasSeriesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_series_finalize;
}

static void
atlas_series_init (AtlasSeries *self)
{
  self->points = ATLAS_ARRAY_MODEL (atlas_array_model_new (ATLAS_TYPE_POINT, NULL));
}

AtlasSeries *
atlas_series_new (const char *id,
                  const char *chart_id,
                  const char *label,
                  AtlasUnit unit,
                  AtlasPer per,
                  const char *description)
{
  AtlasSeries *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (unit < G_N_ELEMENTS (unit_names), NULL);
  g_return_val_if_fail (per < G_N_ELEMENTS (per_names), NULL);

  self = g_object_new (ATLAS_TYPE_SERIES, NULL);
  self->id = g_strdup (id);
  self->chart_id = g_strdup (chart_id);
  self->label = g_strdup (label);
  self->unit = unit;
  self->per = per;
  self->description = g_strdup (description);
  return self;
}

const char *
atlas_series_get_id (AtlasSeries *self)
{
  g_return_val_if_fail (ATLAS_IS_SERIES (self), NULL);
  return self->id;
}

const char *
atlas_series_get_chart_id (AtlasSeries *self)
{
  g_return_val_if_fail (ATLAS_IS_SERIES (self), NULL);
  return self->chart_id;
}

const char *
atlas_series_get_label (AtlasSeries *self)
{
  g_return_val_if_fail (ATLAS_IS_SERIES (self), NULL);
  return self->label;
}

AtlasUnit
atlas_series_get_unit (AtlasSeries *self)
{
  g_return_val_if_fail (ATLAS_IS_SERIES (self), 0);
  return self->unit;
}

AtlasPer
atlas_series_get_per (AtlasSeries *self)
{
  g_return_val_if_fail (ATLAS_IS_SERIES (self), 0);
  return self->per;
}

const char *
atlas_series_get_description (AtlasSeries *self)
{
  g_return_val_if_fail (ATLAS_IS_SERIES (self), NULL);
  return self->description;
}

void
atlas_series_add_point (AtlasSeries *self,
                        AtlasPoint *point)
{
  g_return_if_fail (ATLAS_IS_SERIES (self));
  g_return_if_fail (ATLAS_IS_POINT (point));

  _atlas_point_set_series (point, self);
  atlas_array_model_append (self->points, point);
}

/* Returns: (transfer none): the points, in the dataset's order */
GListModel *
atlas_series_get_points (AtlasSeries *self)
{
  g_return_val_if_fail (ATLAS_IS_SERIES (self), NULL);
  return G_LIST_MODEL (self->points);
}

const char *
atlas_unit_to_string (AtlasUnit unit)
{
  g_return_val_if_fail (unit < G_N_ELEMENTS (unit_names), NULL);
  return unit_names[unit];
}

gboolean
atlas_unit_from_string (const char *str,
                        AtlasUnit *unit)
{
  ATLAS_NAMES_FROM_STRING (unit_names, str, unit);
}

const char *
atlas_per_to_string (AtlasPer per)
{
  g_return_val_if_fail (per < G_N_ELEMENTS (per_names), NULL);
  return per_names[per];
}

gboolean
atlas_per_from_string (const char *str,
                       AtlasPer *per)
{
  ATLAS_NAMES_FROM_STRING (per_names, str, per);
}
