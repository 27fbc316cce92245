/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-point.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_UNIT_PEOPLE,
  ATLAS_UNIT_TITLES,
  ATLAS_UNIT_CNY,
  ATLAS_UNIT_USD,
  ATLAS_UNIT_MINUTES,
  ATLAS_UNIT_PERCENT,
  ATLAS_UNIT_COUNT,
} AtlasUnit;

typedef enum
{
  ATLAS_PER_NONE,
  ATLAS_PER_DAY,
  ATLAS_PER_MONTH,
  ATLAS_PER_YEAR,
} AtlasPer;

#define ATLAS_TYPE_SERIES (atlas_series_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSeries,
                      atlas_series,
                      ATLAS,
                      SERIES,
                      GObject)

AtlasSeries *atlas_series_new (const char *id,
                               const char *chart_id,
                               const char *label,
                               AtlasUnit unit,
                               AtlasPer per,
                               const char *description);
const char *atlas_series_get_id (AtlasSeries *self);
const char *atlas_series_get_chart_id (AtlasSeries *self);
const char *atlas_series_get_label (AtlasSeries *self);
AtlasUnit atlas_series_get_unit (AtlasSeries *self);
AtlasPer atlas_series_get_per (AtlasSeries *self);
const char *atlas_series_get_description (AtlasSeries *self);
void atlas_series_add_point (AtlasSeries *self,
                             AtlasPoint *point);
GListModel *atlas_series_get_points (AtlasSeries *self);

const char *atlas_unit_to_string (AtlasUnit unit);
gboolean atlas_unit_from_string (const char *str,
                                 AtlasUnit *unit);
const char *atlas_per_to_string (AtlasPer per);
gboolean atlas_per_from_string (const char *str,
                                AtlasPer *per);

G_END_DECLS
