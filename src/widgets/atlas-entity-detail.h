/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-dataset.h"
#include "atlas-selection.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ENTITY_DETAIL (atlas_entity_detail_get_type ())

G_DECLARE_FINAL_TYPE (AtlasEntityDetail,
                      atlas_entity_detail,
                      ATLAS,
                      ENTITY_DETAIL,
                      AdwBin)

GtkWidget *atlas_entity_detail_new (void);
AtlasSelection *atlas_entity_detail_get_selection (AtlasEntityDetail *self);
void atlas_entity_detail_set_selection (AtlasEntityDetail *self,
                                        AtlasSelection *selection);
AtlasEntity *atlas_entity_detail_get_entity (AtlasEntityDetail *self);
GtkWidget *atlas_entity_detail_get_marked_row (AtlasEntityDetail *self);

G_END_DECLS
