/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-dataset.h"
#include "atlas-export.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_EXPORT_DIALOG (atlas_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AtlasExportDialog,
                      atlas_export_dialog,
                      ATLAS,
                      EXPORT_DIALOG,
                      AdwWindow)

AtlasExportDialog *atlas_export_dialog_new (GtkWindow *parent,
                                            AtlasDataset *dataset,
                                            const char *figure_id);
void atlas_export_dialog_get_options (AtlasExportDialog *self,
                                      AtlasExportOptions *options,
                                      gboolean *dark);
void atlas_export_dialog_export_to (AtlasExportDialog *self,
                                    GFile *file);
gboolean atlas_export_dialog_copy (AtlasExportDialog *self,
                                   GError **error);
void atlas_export_dialog_export_csv_to (AtlasExportDialog *self,
                                        GFile *file);

G_END_DECLS
