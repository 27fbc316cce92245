/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-style.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_LOADING_BAR (atlas_loading_bar_get_type ())

G_DECLARE_FINAL_TYPE (AtlasLoadingBar,
                      atlas_loading_bar,
                      ATLAS,
                      LOADING_BAR,
                      AdwBin)

void atlas_loading_bar_load (AtlasLoadingBar *self,
                             GFile *file,
                             const AtlasStyle *measure);
void atlas_loading_bar_cancel (AtlasLoadingBar *self);
gboolean atlas_loading_bar_is_loading (AtlasLoadingBar *self);

G_END_DECLS
