/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-text-cache"

#include "config.h"

/* Shaped text, kept from frame to frame. Shaping a label (pango and
 * harfbuzz) costs far more than painting it, and while a timeline scrolls
 * the same labels are drawn again and again: a frame shapes only what has
 * newly come into view. The cache is emptied when the font changes, and
 * when it grows past a bound, so memory follows what is on screen.
 *
 * An export's cache is set once, unhinted and untransformed, and never
 * follows the cairo_t it draws on: the text it measured is the text it
 * draws, at whatever scale the picture is drawn, with the same fonts. A
 * cache that followed each target would load every font again at the PDF's
 * 0.75 pt a pixel and again at a chart's fitted scale, and shape each text
 * once to measure it and again to draw it.
 */

#include <pango/pangocairo.h>

#include "atlas-fonts.h"
#include "atlas-svg-text.h"
#include "atlas-text-cache.h"

#define MAX_ENTRIES 4096

struct _AtlasTextCache
{
  PangoContext *context;
  PangoFontDescription *fonts[ATLAS_N_TEXT_VARIANTS];
  PangoFontDescription *base_font;
  double resolution;
  gboolean fixed;   /* an export's: set once, never from a cairo_t */
  GHashTable *layouts[ATLAS_N_TEXT_VARIANTS];   /* text → PangoLayout */
};

static const struct
{
  double factor;
  PangoWeight weight;
} variants[ATLAS_N_TEXT_VARIANTS] = {
  { 1.0, PANGO_WEIGHT_NORMAL },
  { 0.85, PANGO_WEIGHT_NORMAL },
  { 0.85, PANGO_WEIGHT_BOLD },
};

AtlasTextCache *
atlas_text_cache_new (void)
{
  AtlasTextCache *self = g_new0 (AtlasTextCache, 1);

  for (guint i = 0; i < ATLAS_N_TEXT_VARIANTS; i++)
    {
      self->layouts[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
    }
  return self;
}

/* A cache for exports: text laid out with metrics unhinted and no
 * transformation, drawn as laid out on any target at any scale. For a
 * @vector target the outlines are not hinted either: a PDF embeds the font
 * and an SVG names it, so hinting them would only cost FreeType's
 * autohinter its study of each face (a twentieth of an SVG export), and
 * the metrics, unhinted, are the same. */
AtlasTextCache *
atlas_text_cache_new_unhinted (gboolean vector)
{
  AtlasTextCache *self = atlas_text_cache_new ();
  cairo_font_options_t *options = cairo_font_options_create ();

  self->fixed = TRUE;
  self->context = pango_font_map_create_context (atlas_fonts_get_map ());
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  if (vector)
    cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  return self;
}

static void
clear_fonts (AtlasTextCache *self)
{
  for (guint i = 0; i < ATLAS_N_TEXT_VARIANTS; i++)
    {
      g_clear_pointer (&self->fonts[i], pango_font_description_free);
      g_hash_table_remove_all (self->layouts[i]);
    }
  g_clear_pointer (&self->base_font, pango_font_description_free);
}

void
atlas_text_cache_free (AtlasTextCache *self)
{
  if (self == NULL)
    return;
  clear_fonts (self);
  for (guint i = 0; i < ATLAS_N_TEXT_VARIANTS; i++)
    {
      g_hash_table_unref (self->layouts[i]);
    }
  g_clear_object (&self->context);
  g_free (self);
}

double
atlas_text_variant_factor (AtlasTextVariant variant)
{
  g_return_val_if_fail (variant < ATLAS_N_TEXT_VARIANTS, 1.0);
  return variants[variant].factor;
}

/* Lays text out with @options whatever @cr draws on, and in @cr's
 * transformation. The options are those the widget measured its text with:
 * drawing with the same, the text drawn is the text measured, and its fonts
 * are the ones loaded for measuring. Taking the target's instead, a
 * recording surface's (a frame drawn whole) or an image's (a tile), gave
 * each its own fonts, loaded again and hinted differently. */
static void
follow_style (AtlasTextCache *self,
              cairo_t *cr,
              const cairo_font_options_t *options)
{
  const cairo_font_options_t *current = pango_cairo_context_get_font_options (self->context);
  const PangoMatrix *matrix = pango_context_get_matrix (self->context);
  cairo_matrix_t m;

  if (current == NULL || !cairo_font_options_equal (current, options))
    pango_cairo_context_set_font_options (self->context, options);

  cairo_get_matrix (cr, &m);
  if (m.xx == 1.0 && m.yx == 0.0 && m.xy == 0.0 && m.yy == 1.0)
    {
      if (matrix != NULL)
        pango_context_set_matrix (self->context, NULL);
    }
  else if (matrix == NULL || matrix->xx != m.xx || matrix->yx != m.yx || matrix->xy != m.xy ||
           matrix->yy != m.yy)
    {
      PangoMatrix transform = { .xx = m.xx, .xy = m.xy, .yx = m.yx, .yy = m.yy };

      pango_context_set_matrix (self->context, &transform);
    }
}

/* Matches the cache to @style's font, and to its font options or else
 * @cr's; an unhinted cache only to the font, and takes a NULL @cr. */
void
atlas_text_cache_begin_frame (AtlasTextCache *self,
                              cairo_t *cr,
                              const AtlasStyle *style)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL || self->fixed);

  if (self->context == NULL)
    self->context = pango_font_map_create_context (atlas_fonts_get_map ());

  if (self->base_font == NULL || !pango_font_description_equal (self->base_font, style->font) ||
      self->resolution != style->resolution)
    {
      clear_fonts (self);
      self->base_font = pango_font_description_copy (style->font);
      self->resolution = style->resolution;
      pango_cairo_context_set_resolution (self->context, style->resolution);
      for (guint i = 0; i < ATLAS_N_TEXT_VARIANTS; i++)
        self->fonts[i] = atlas_font_scaled (style->font, variants[i].factor, variants[i].weight);
    }

  /* Hinting and antialiasing of the style, or else of this target;
   * layouts re-shape only if these differ from last time. */
  if (!self->fixed && style->font_options != NULL)
    follow_style (self, cr, style->font_options);
  else if (!self->fixed)
    pango_cairo_update_context (cr, self->context);
}

/* What the cache lays text out in, for measuring alongside it: after
 * atlas_text_cache_begin_frame(). */
PangoContext *
atlas_text_cache_get_context (AtlasTextCache *self)
{
  g_return_val_if_fail (self != NULL && self->context != NULL, NULL);
  return self->context;
}

/* A new layout in @variant's font, for a text laid out apart from the
 * cache (wrapped, say) in the fonts it has loaded: after
 * atlas_text_cache_begin_frame(). */
PangoLayout *
atlas_text_cache_new_layout (AtlasTextCache *self,
                             AtlasTextVariant variant)
{
  PangoLayout *layout;

  g_return_val_if_fail (self != NULL && self->context != NULL, NULL);
  g_return_val_if_fail (variant < ATLAS_N_TEXT_VARIANTS, NULL);

  layout = pango_layout_new (self->context);
  pango_layout_set_font_description (layout, self->fonts[variant]);
  return layout;
}

PangoLayout *
atlas_text_cache_get (AtlasTextCache *self,
                      AtlasTextVariant variant,
                      const char *text)
{
  GHashTable *table;
  PangoLayout *layout;

  g_return_val_if_fail (self != NULL && self->context != NULL, NULL);
  g_return_val_if_fail (variant < ATLAS_N_TEXT_VARIANTS, NULL);

  table = self->layouts[variant];
  layout = g_hash_table_lookup (table, text);
  if (layout != NULL)
    return layout;

  if (g_hash_table_size (table) >= MAX_ENTRIES)
    g_hash_table_remove_all (table);

  layout = atlas_text_cache_new_layout (self, variant);
  atlas_layout_set_text (layout, text);
  g_hash_table_insert (table, g_strdup (text), layout);
  return layout;
}

/* Draws @text with its top left at (@x, @y), in the current source of @cr. */
void
atlas_text_cache_draw (AtlasTextCache *self,
                       cairo_t *cr,
                       AtlasTextVariant variant,
                       const char *text,
                       double x,
                       double y)
{
  g_return_if_fail (self != NULL);

  cairo_move_to (cr, x, y);
  atlas_show_layout (cr, atlas_text_cache_get (self, variant, text));
}

/* Draws @text as atlas_text_cache_draw() does, ending in "…" if it is wider
 * than @max_width: a label a dataset makes long keeps out of what is beside
 * it. The rare ellipsized layout is made for the occasion. */
void
atlas_text_cache_draw_at_most (AtlasTextCache *self,
                               cairo_t *cr,
                               AtlasTextVariant variant,
                               const char *text,
                               double x,
                               double y,
                               double max_width)
{
  PangoLayout *layout;
  int width, height;

  g_return_if_fail (self != NULL);

  layout = atlas_text_cache_get (self, variant, text);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x, y);
  if (width <= max_width || max_width <= 0)
    {
      atlas_show_layout (cr, layout);
      return;
    }
  {
    g_autoptr (PangoLayout) shortened = pango_layout_copy (layout);

    pango_layout_set_width (shortened, (int) (max_width * PANGO_SCALE));
    pango_layout_set_ellipsize (shortened, PANGO_ELLIPSIZE_END);
    atlas_show_layout (cr, shortened);
  }
}
