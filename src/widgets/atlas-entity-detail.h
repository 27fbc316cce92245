/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ENTITY_DETAIL (atlas_entity_detail_get_type ())

G_DECLARE_FINAL_TYPE (AtlasEntityDetail,
                      atlas_entity_detail,
                      ATLAS,
                      ENTITY_DETAIL,
                      AdwBin)

GtkWidget *atlas_entity_detail_new (void);
void atlas_entity_detail_show (AtlasEntityDetail *self,
                               AtlasDataset *dataset,
                               AtlasEntity *entity);
AtlasEntity *atlas_entity_detail_get_entity (AtlasEntityDetail *self);

G_END_DECLS
