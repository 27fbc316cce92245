/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-dataset.h"
#include "atlas-export.h"

G_BEGIN_DECLS

/* The pictures a dataset can be exported as, by id: "timeline". */
#define ATLAS_FIGURE_TIMELINE "timeline"

GPtrArray *atlas_figure_list_ids (AtlasDataset *dataset);
const char *atlas_figure_get_title (AtlasDataset *dataset,
                                    const char *id);
void atlas_figure_get_default_size (const char *id,
                                    int *width,
                                    int *height);
char *atlas_figure_dup_source_line (AtlasDataset *dataset);
char *atlas_figure_dup_alt_text (AtlasDataset *dataset,
                                 const char *id);
gboolean atlas_figure_export (AtlasDataset *dataset,
                              const char *id,
                              GFile *file,
                              const AtlasExportOptions *options,
                              GCancellable *cancellable,
                              GError **error);

GBytes *atlas_figure_to_png_bytes (AtlasDataset *dataset,
                                   const char *id,
                                   const AtlasExportOptions *options,
                                   GError **error);
char *atlas_figure_dup_csv (AtlasDataset *dataset,
                            const char *id);

G_END_DECLS
