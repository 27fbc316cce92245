/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ATLAS_TICK_DAY,
  ATLAS_TICK_MONTH,
  ATLAS_TICK_YEAR,
} AtlasTickUnit;

typedef struct
{
  double day;        /* Julian day at which the tick stands (its first moment) */
  gboolean major;    /* a boundary of the next larger unit: a new year, a new decade */
  char label[32];
} AtlasTick;

/* The spacing chosen for a zoom: every @step @unit (every 5 years, every 3 months). */
typedef struct
{
  AtlasTickUnit unit;
  guint step;
} AtlasTickSpacing;

AtlasTickSpacing atlas_time_ticks_spacing (double px_per_day,
                                           double min_px);
GArray *atlas_time_ticks (double first_day,
                          double last_day,
                          AtlasTickSpacing spacing);

G_END_DECLS
