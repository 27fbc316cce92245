/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

typedef struct _AtlasSvgText AtlasSvgText;

AtlasSvgText *atlas_svg_text_new (void);
void atlas_svg_text_free (AtlasSvgText *self);
void atlas_svg_text_attach (AtlasSvgText *self,
                            cairo_t *cr);
void atlas_svg_text_write (AtlasSvgText *self,
                           GString *out);

void atlas_show_layout (cairo_t *cr,
                        PangoLayout *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSvgText,
                               atlas_svg_text_free)

G_END_DECLS
