/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-dataset.h"
#include "atlas-selection.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_WINDOW (atlas_window_get_type ())

G_DECLARE_FINAL_TYPE (AtlasWindow,
                      atlas_window,
                      ATLAS,
                      WINDOW,
                      AdwApplicationWindow)

AtlasWindow *atlas_window_new (GtkApplication *application,
                               AtlasDataset *dataset,
                               GSettings *settings);
AtlasDataset *atlas_window_get_dataset (AtlasWindow *self);
void atlas_window_set_dataset (AtlasWindow *self,
                               AtlasDataset *dataset);
AtlasSelection *atlas_window_get_selection (AtlasWindow *self);
const char *atlas_window_get_visible_figure (AtlasWindow *self);
GtkWidget *atlas_window_get_chart (AtlasWindow *self,
                                   const char *chart_id);
gboolean atlas_window_is_loading (AtlasWindow *self);
void atlas_window_open_file (AtlasWindow *self,
                             GFile *file);

G_END_DECLS
