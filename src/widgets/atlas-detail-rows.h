/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

/* Pieces the detail panes are built of. */
GtkWidget *atlas_detail_row_new (const char *title,
                                 const char *subtitle);
GtkWidget *atlas_detail_link_row_new (const char *title,
                                      const char *subtitle,
                                      const char *action_name,
                                      const char *target);
GtkWidget *atlas_detail_figure_row_new (AtlasDataset *dataset,
                                        AtlasPoint *point);
void atlas_detail_scroll_to (GtkWidget *row);
GtkWidget *atlas_detail_copy_citation_button_new (const char *target);
GtkWidget *atlas_detail_group_new (GtkBox *box,
                                   const char *title);
void atlas_detail_clear (GtkBox *box);
char *atlas_detail_quote (const char *sentence);
char *atlas_detail_cite (AtlasDataset *dataset,
                         const char *sentence,
                         const char *source_id);
char *atlas_detail_figure_title (AtlasPoint *point);
char *atlas_detail_figure_subtitle (AtlasDataset *dataset,
                                    AtlasPoint *point);
GtkWidget *atlas_detail_tooltip_new (const char *title,
                                     const char *body);
void atlas_detail_set_tooltip (GtkTooltip *tooltip,
                               const char *title,
                               const char *body);

G_END_DECLS
