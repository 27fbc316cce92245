/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-dataset.h"
#include "atlas-selection.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_FIGURE_TABLE (atlas_figure_table_get_type ())

G_DECLARE_FINAL_TYPE (AtlasFigureTable,
                      atlas_figure_table,
                      ATLAS,
                      FIGURE_TABLE,
                      GtkWidget)

GtkWidget *atlas_figure_table_new (AtlasDataset *dataset,
                                   const char *figure_id);
void atlas_figure_table_set_selection (AtlasFigureTable *self,
                                       AtlasSelection *selection);
GListModel *atlas_figure_table_get_rows (AtlasFigureTable *self);
char *atlas_figure_table_dup_cell (AtlasFigureTable *self,
                                   guint row,
                                   guint column);
char *atlas_figure_table_dup_row_name (AtlasFigureTable *self,
                                       guint row);
guint atlas_figure_table_get_n_columns (AtlasFigureTable *self);

G_END_DECLS
