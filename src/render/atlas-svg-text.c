/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-svg-text"

#include "config.h"

/* The text of an SVG frame, kept as text.
 *
 * cairo's SVG surface writes text as glyph outlines: nothing in the file can
 * be edited, searched or read aloud. The renderers draw every text through
 * atlas_show_layout(), so a frame is described once: on a screen, a PNG or a
 * PDF the layout is shown as it is; on a cairo_t that an AtlasSvgText is
 * attached to, each line of it is kept instead — its words, where its
 * baseline starts in device pixels, its font, size, weight, colour and
 * language — and written as a <text> element once cairo has written the
 * shapes. A line that a clip would cut is left out: SVG text is not
 * clipped here. The list holds only text, so the texts come after the shapes in
 * the file: our layouts never draw a shape over a text. */

#include <math.h>
#include <pango/pangocairo.h>

#include "atlas-style.h"
#include "atlas-svg-text.h"

typedef struct
{
  char *text;
  char *family;
  double x;
  double y;
  double size; /* in device pixels */
  int weight;
  gboolean italic;
  const char *anchor;
  const char *language;
  double red, green, blue, alpha;
} Item;

struct _AtlasSvgText
{
  GArray *items;
};

static cairo_user_data_key_t svg_text_key;

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->text);
  g_free (item->family);
}

AtlasSvgText *
atlas_svg_text_new (void)
{
  AtlasSvgText *self = g_new0 (AtlasSvgText, 1);

  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);
  return self;
}

void
atlas_svg_text_free (AtlasSvgText *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->items);
  g_free (self);
}

/* From now on, text shown on @cr is kept by @self, not drawn. */
void
atlas_svg_text_attach (AtlasSvgText *self,
                       cairo_t *cr)
{
  g_return_if_fail (self != NULL);

  cairo_set_user_data (cr, &svg_text_key, self, NULL);
}

/* The words a line shows: its runs' text, with "…" where pango ellipsized. */
static char *
line_text (PangoLayout *layout,
           PangoLayoutLine *line)
{
  const char *text = pango_layout_get_text (layout);
  GString *out = g_string_new (NULL);

  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;

      if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
        g_string_append (out, "…");
      else
        g_string_append_len (out, text + run->item->offset, run->item->length);
    }
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static void
keep_layout (AtlasSvgText *self,
             cairo_t *cr,
             PangoLayout *layout)
{
  PangoContext *context = pango_layout_get_context (layout);
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  PangoAlignment alignment = pango_layout_get_alignment (layout);
  PangoLayoutIter *iter;
  cairo_matrix_t matrix;
  double clip_x1, clip_y1, clip_x2, clip_y2;
  double x0 = 0, y0 = 0, size, red = 0, green = 0, blue = 0, alpha = 1;

  if (font == NULL)
    font = pango_context_get_font_description (context);
  if (cairo_has_current_point (cr))
    cairo_get_current_point (cr, &x0, &y0);
  cairo_pattern_get_rgba (cairo_get_source (cr), &red, &green, &blue, &alpha);

  /* The size in device pixels: points at the layout's resolution, scaled
   * as @cr is. */
  size = pango_font_description_get_size (font) / (double) PANGO_SCALE;
  if (!pango_font_description_get_size_is_absolute (font))
    {
      double dpi = pango_cairo_context_get_resolution (context);

      size *= (dpi > 0 ? dpi : 96.0) / 72.0;
    }
  cairo_get_matrix (cr, &matrix);
  cairo_clip_extents (cr, &clip_x1, &clip_y1, &clip_x2, &clip_y2);
  size *= sqrt (fabs (matrix.xx * matrix.yy - matrix.xy * matrix.yx));

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      Item item = { 0 };

      item.text = line_text (layout, line);
      if (*item.text == '\0')
        {
          g_free (item.text);
          continue;
        }
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      item.x = x0 + logical.x / (double) PANGO_SCALE;
      /* A tick label past the edge of the timeline, for one. */
      if (item.x < clip_x1 - 0.5 || item.x + logical.width / (double) PANGO_SCALE > clip_x2 + 0.5 ||
          y0 + logical.y / (double) PANGO_SCALE < clip_y1 - 0.5 ||
          y0 + (logical.y + logical.height) / (double) PANGO_SCALE > clip_y2 + 0.5)
        {
          g_free (item.text);
          continue;
        }
      item.anchor = "start";
      if (alignment == PANGO_ALIGN_RIGHT)
        item.x += logical.width / (double) PANGO_SCALE, item.anchor = "end";
      else if (alignment == PANGO_ALIGN_CENTER)
        item.x += logical.width / 2.0 / PANGO_SCALE, item.anchor = "middle";
      item.y = y0 + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
      cairo_user_to_device (cr, &item.x, &item.y);
      item.family = g_strdup (pango_font_description_get_family (font));
      item.size = size;
      item.weight = pango_font_description_get_weight (font);
      item.italic = pango_font_description_get_style (font) != PANGO_STYLE_NORMAL;
      item.language = atlas_text_guess_language (item.text);
      item.red = red, item.green = green, item.blue = blue, item.alpha = alpha;
      g_array_append_val (self->items, item);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* Shows @layout with its top left at the current point of @cr, as
 * pango_cairo_show_layout() does, or keeps it as text for an SVG. */
void
atlas_show_layout (cairo_t *cr,
                   PangoLayout *layout)
{
  AtlasSvgText *self = cairo_get_user_data (cr, &svg_text_key);

  if (self != NULL)
    keep_layout (self, cr, layout);
  else
    pango_cairo_show_layout (cr, layout);
}

static void
append_number (GString *out,
               const char *name,
               double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, " %s=\"%s\"", name,
                          g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

/* @families, pango's "Cantarell,Noto Sans,Sans", as a CSS font-family
 * list ending in a generic family: "Cantarell, Noto Sans, sans-serif". */
static char *
css_families (const char *families)
{
  g_auto (GStrv) names = g_strsplit (families != NULL ? families : "", ",", -1);
  GString *out = g_string_new (NULL);
  const char *generic = "sans-serif";

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;
      char *name = g_strstrip (names[i]);

      if (*name == '\0')
        continue;
      if (g_ascii_strcasecmp (name, "sans") == 0 || g_ascii_strcasecmp (name, "sans-serif") == 0)
        continue;
      if (g_ascii_strcasecmp (name, "serif") == 0 || g_ascii_strcasecmp (name, "monospace") == 0)
        {
          generic = g_ascii_strcasecmp (name, "serif") == 0 ? "serif" : "monospace";
          continue;
        }
      escaped = g_markup_escape_text (name, -1);
      g_string_append_printf (out, "%s, ", escaped);
    }
  g_string_append (out, generic);
  return g_string_free (out, FALSE);
}

/* Appends the kept texts to @out as <text> elements, one a line. */
void
atlas_svg_text_write (AtlasSvgText *self,
                      GString *out)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      g_autofree char *family = css_families (item->family);
      g_autofree char *text = g_markup_escape_text (item->text, -1);

      g_string_append (out, "<text");
      append_number (out, "x", item->x);
      append_number (out, "y", item->y);
      g_string_append_printf (out, " font-family=\"%s\"", family);
      append_number (out, "font-size", item->size);
      if (item->weight != PANGO_WEIGHT_NORMAL)
        g_string_append_printf (out, " font-weight=\"%d\"", item->weight);
      if (item->italic)
        g_string_append (out, " font-style=\"italic\"");
      g_string_append_printf (out, " fill=\"#%02x%02x%02x\"", (int) round (item->red * 255),
                              (int) round (item->green * 255), (int) round (item->blue * 255));
      if (item->alpha < 1)
        append_number (out, "fill-opacity", item->alpha);
      if (g_strcmp0 (item->anchor, "start") != 0)
        g_string_append_printf (out, " text-anchor=\"%s\"", item->anchor);
      g_string_append_printf (out, " xml:lang=\"%s\" xml:space=\"preserve\">%s</text>\n",
                              item->language, text);
    }
}
