/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

void atlas_fonts_begin (void);
PangoFontMap *atlas_fonts_get_map (void);
FcConfig *atlas_fonts_get_config (void);

G_END_DECLS
