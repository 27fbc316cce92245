/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "atlas-point.h"
#include "atlas-series.h"

G_BEGIN_DECLS

typedef struct
{
  double max;      /* the top of the axis */
  double step;     /* between ticks */
  guint n_steps;
} AtlasNiceScale;

char *atlas_format_number (double value);
char *atlas_format_compact (double value,
                            AtlasUnit unit);
const char *atlas_format_qualifier_sign (AtlasValueQualifier qualifier);
AtlasNiceScale atlas_nice_scale (double max_value,
                                 guint target_ticks);
char *atlas_format_quantity (double value,
                             AtlasUnit unit,
                             AtlasPer per);
char *atlas_format_qualified (double value,
                              AtlasValueQualifier qualifier,
                              AtlasUnit unit,
                              AtlasPer per);
char *atlas_format_point (AtlasPoint *point);
const char *atlas_format_qualifier_words (AtlasValueQualifier qualifier);

G_END_DECLS
