/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_DATA_FORMAT "microdrama-atlas"
#define ATLAS_DATA_VERSION_MAJOR 1
#define ATLAS_DATA_VERSION_MINOR 1

/* Bounds on what a file may be: atlas-json.c reads without recursion, but
 * a model nested deeper than this has no meaning. */
#define ATLAS_DATA_MAX_BYTES (64 * 1024 * 1024)
#define ATLAS_DATA_MAX_DEPTH 64
#define ATLAS_DATA_MAX_PROBLEMS 50
/* What a dataset's text and figures may be (docs/dataset-format.md, Limits):
 * a name, title or label is a line, a summary or sentence a paragraph; a
 * figure is zero, or between a billionth and a quadrillion. */
#define ATLAS_DATA_MAX_SHORT_TEXT 200
#define ATLAS_DATA_MAX_LONG_TEXT 4000
#define ATLAS_DATA_MAX_VALUE 1e15
#define ATLAS_DATA_MIN_VALUE 1e-9
#define ATLAS_DATA_MAX_CHARTS 64

#define ATLAS_DEFAULT_DATASET_PATH RESOURCE_BASE "/dataset/microdrama.json"

AtlasDataset *atlas_dataset_load_bytes (GBytes *bytes,
                                        const char *name,
                                        GError **error);
AtlasDataset *atlas_dataset_load_file (GFile *file,
                                       GCancellable *cancellable,
                                       GError **error);
AtlasDataset *atlas_dataset_load_default (GError **error);
void atlas_dataset_load_file_async (GFile *file,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
AtlasDataset *atlas_dataset_load_file_finish (GAsyncResult *result,
                                              GError **error);

G_END_DECLS
