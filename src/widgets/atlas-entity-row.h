/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-entity.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ENTITY_ROW (atlas_entity_row_get_type ())

G_DECLARE_FINAL_TYPE (AtlasEntityRow,
                      atlas_entity_row,
                      ATLAS,
                      ENTITY_ROW,
                      GtkListBoxRow)

GtkWidget *atlas_entity_row_new (AtlasEntity *entity);
AtlasEntity *atlas_entity_row_get_entity (AtlasEntityRow *self);

G_END_DECLS
