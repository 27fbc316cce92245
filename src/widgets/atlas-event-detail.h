/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-dataset.h"
#include "atlas-selection.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_EVENT_DETAIL (atlas_event_detail_get_type ())

G_DECLARE_FINAL_TYPE (AtlasEventDetail,
                      atlas_event_detail,
                      ATLAS,
                      EVENT_DETAIL,
                      AdwBin)

AtlasSelection *atlas_event_detail_get_selection (AtlasEventDetail *self);
void atlas_event_detail_set_selection (AtlasEventDetail *self,
                                       AtlasSelection *selection);
AtlasEvent *atlas_event_detail_get_event (AtlasEventDetail *self);

G_END_DECLS
