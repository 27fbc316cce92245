/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-event.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CATEGORY_LEGEND (atlas_category_legend_get_type ())

G_DECLARE_FINAL_TYPE (AtlasCategoryLegend,
                      atlas_category_legend,
                      ATLAS,
                      CATEGORY_LEGEND,
                      GtkWidget)

GtkWidget *atlas_category_legend_new (void);
AtlasEventCategoryFlags atlas_category_legend_get_hidden_categories (AtlasCategoryLegend *self);
void atlas_category_legend_set_hidden_categories (AtlasCategoryLegend *self,
                                                  AtlasEventCategoryFlags hidden);

G_END_DECLS
