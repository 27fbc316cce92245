/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_ARRAY_MODEL (atlas_array_model_get_type ())

G_DECLARE_FINAL_TYPE (AtlasArrayModel,
                      atlas_array_model,
                      ATLAS,
                      ARRAY_MODEL,
                      GObject)

GListModel *atlas_array_model_new (GType item_type,
                                   GPtrArray *items);
void atlas_array_model_append (AtlasArrayModel *self,
                               gpointer item);
void atlas_array_model_sort (AtlasArrayModel *self,
                             GCompareDataFunc compare,
                             gpointer data);
gboolean atlas_array_model_find (AtlasArrayModel *self,
                                 gpointer item,
                                 guint *position);

G_END_DECLS
