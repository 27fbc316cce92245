/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-dataset.h"
#include "atlas-selection.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CHART (atlas_chart_get_type ())

G_DECLARE_FINAL_TYPE (AtlasChart,
                      atlas_chart,
                      ATLAS,
                      CHART,
                      GtkWidget)

GtkWidget *atlas_chart_new (AtlasDataset *dataset,
                            const char *chart_id);
const char *atlas_chart_get_chart_id (AtlasChart *self);
gboolean atlas_chart_is_laid_out (AtlasChart *self);
AtlasSelection *atlas_chart_get_selection (AtlasChart *self);
void atlas_chart_set_selection (AtlasChart *self,
                                AtlasSelection *selection);
AtlasPoint *atlas_chart_get_selected_point (AtlasChart *self);
guint atlas_chart_count_lit (AtlasChart *self);
AtlasPoint *atlas_chart_get_focused_point (AtlasChart *self);
AtlasPoint *atlas_chart_get_hovered_point (AtlasChart *self);
AtlasPoint *atlas_chart_point_at (AtlasChart *self,
                                  double x,
                                  double y);
gboolean atlas_chart_get_point_position (AtlasChart *self,
                                         AtlasPoint *point,
                                         double *x,
                                         double *y);

G_END_DECLS
