/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "atlas-event.h"

G_BEGIN_DECLS

#define ATLAS_N_CATEGORIES (ATLAS_EVENT_CATEGORY_PEOPLE + 1)

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} AtlasColor;

/* What a renderer needs to know of the look: colours, font, and whether the
 * theme is dark or high-contrast. The widgets fill it from the GTK theme; the
 * command line from atlas_style_new(). Renderers draw in logical pixels; the
 * scale only chooses how thin a hairline may be. */
typedef struct
{
  AtlasColor foreground;
  AtlasColor dim_foreground;
  AtlasColor background;
  AtlasColor card;
  AtlasColor grid;
  AtlasColor accent;
  AtlasColor categories[ATLAS_N_CATEGORIES];
  PangoFontDescription *font;
  double resolution;   /* of the text, in dots per inch, as the layouts measured it */
  /* Hinting and antialiasing of the text, as the layouts measured it; NULL
   * to follow each target's. */
  cairo_font_options_t *font_options;
  double scale;
  gboolean dark;
  gboolean high_contrast;
} AtlasStyle;

AtlasStyle *atlas_style_new (gboolean dark,
                             gboolean high_contrast);
AtlasStyle *atlas_style_copy (const AtlasStyle *style);
void atlas_style_free (AtlasStyle *style);
void atlas_style_set_font (AtlasStyle *style,
                           const PangoFontDescription *font);
void atlas_style_set_font_options (AtlasStyle *style,
                                   const cairo_font_options_t *options);
const cairo_font_options_t *atlas_raster_font_options (void);
gboolean atlas_style_measures_alike (const AtlasStyle *a,
                                     const AtlasStyle *b);
PangoFontDescription *atlas_font_scaled (const PangoFontDescription *font,
                                         double factor,
                                         PangoWeight weight);
PangoLayout *atlas_style_create_layout (const AtlasStyle *style,
                                        cairo_t *cr,
                                        double size_factor,
                                        PangoWeight weight);
PangoContext *atlas_style_create_context (const AtlasStyle *style);
double atlas_text_width (PangoLayout *layout,
                         const char *text);

typedef struct _AtlasTextWidths AtlasTextWidths;
AtlasTextWidths *atlas_text_widths_new (PangoLayout *layout);
double atlas_text_widths_measure (AtlasTextWidths *self,
                                  const char *text);
void atlas_text_widths_free (AtlasTextWidths *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasTextWidths,
                               atlas_text_widths_free)
void atlas_layout_set_text (PangoLayout *layout,
                            const char *text);
PangoAttrList *atlas_text_attributes (const char *text,
                                      const char *families);
char *atlas_text_markup (const char *text,
                         const char *families);
const char *atlas_text_guess_language (const char *text);
AtlasColor atlas_color_with_alpha (AtlasColor color,
                                   double alpha);
void atlas_set_paper (cairo_t *cr,
                      AtlasColor paper);
AtlasColor atlas_get_paper (cairo_t *cr,
                            AtlasColor fallback);
AtlasColor atlas_color_on (cairo_t *cr,
                           AtlasColor color);
void atlas_set_source (cairo_t *cr,
                       AtlasColor color);
AtlasColor atlas_color_mix (AtlasColor a,
                            AtlasColor b,
                            double t);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasStyle,
                               atlas_style_free)

G_END_DECLS
