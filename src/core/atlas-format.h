/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "atlas-point.h"
#include "atlas-series.h"

G_BEGIN_DECLS

char *atlas_format_number      (double               value);
char *atlas_format_quantity    (double               value,
                                AtlasUnit            unit,
                                AtlasPer             per);
char *atlas_format_qualified   (double               value,
                                AtlasValueQualifier  qualifier,
                                AtlasUnit            unit,
                                AtlasPer             per);
char *atlas_format_point       (AtlasPoint          *point);
const char *atlas_format_qualifier_words (AtlasValueQualifier qualifier);

G_END_DECLS
