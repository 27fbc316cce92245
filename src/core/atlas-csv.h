/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-dataset.h"

G_BEGIN_DECLS

char *atlas_csv_for_chart (AtlasDataset *dataset,
                           const char *chart_id);
char *atlas_csv_for_events (AtlasDataset *dataset);
gboolean atlas_csv_write (GFile *file,
                          const char *csv,
                          GCancellable *cancellable,
                          GError **error);

G_END_DECLS
