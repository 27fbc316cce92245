/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_SELECTION_NONE,
  ATLAS_SELECTION_ENTITY,
  ATLAS_SELECTION_EVENT,
  ATLAS_SELECTION_FIGURE,
} AtlasSelectionKind;

#define ATLAS_TYPE_SELECTION (atlas_selection_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSelection,
                      atlas_selection,
                      ATLAS,
                      SELECTION,
                      GObject)

AtlasSelection *atlas_selection_new (AtlasDataset *dataset);
AtlasDataset *atlas_selection_get_dataset (AtlasSelection *self);
void atlas_selection_set_dataset (AtlasSelection *self,
                                  AtlasDataset *dataset);

AtlasSelectionKind atlas_selection_get_kind (AtlasSelection *self);
AtlasEntity *atlas_selection_get_entity (AtlasSelection *self);
AtlasEvent *atlas_selection_get_event (AtlasSelection *self);
AtlasPoint *atlas_selection_get_figure (AtlasSelection *self);
const char *atlas_selection_get_highlight_entity_id (AtlasSelection *self);
const char *atlas_selection_get_event_id (AtlasSelection *self);

gboolean atlas_selection_select_entity (AtlasSelection *self,
                                        const char *entity_id);
gboolean atlas_selection_select_event (AtlasSelection *self,
                                       const char *event_id);
gboolean atlas_selection_select_figure (AtlasSelection *self,
                                        const char *figure_id);
void atlas_selection_start_at_entity (AtlasSelection *self,
                                      const char *entity_id);
void atlas_selection_clear (AtlasSelection *self);

gboolean atlas_selection_can_go_back (AtlasSelection *self);
gboolean atlas_selection_can_go_forward (AtlasSelection *self);
void atlas_selection_go_back (AtlasSelection *self);
void atlas_selection_go_forward (AtlasSelection *self);

G_END_DECLS
