/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-selection.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SIDEBAR (atlas_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSidebar,
                      atlas_sidebar,
                      ATLAS,
                      SIDEBAR,
                      AdwBin)

AtlasSelection *atlas_sidebar_get_selection (AtlasSidebar *self);
void atlas_sidebar_set_selection (AtlasSidebar *self,
                                  AtlasSelection *selection);
void atlas_sidebar_focus_search (AtlasSidebar *self);

G_END_DECLS
