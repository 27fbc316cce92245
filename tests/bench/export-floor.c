/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The floor of a headless export (build-aux/bench.sh): a blank 1200×800
 * canvas with one line of text through pango, written by the same cairo
 * encoder as the export — PNG, SVG or PDF by the file's extension. What no
 * export can be faster than. */

#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

int
main (int argc,
      char *argv[])
{
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoLayout *layout;
  PangoFontDescription *font;
  cairo_status_t status;
  const char *path;
  size_t length;

  if (argc != 2)
    return 2;
  path = argv[1];
  length = strlen (path);
  if (length > 4 && strcmp (path + length - 4, ".svg") == 0)
    surface = cairo_svg_surface_create (path, 1200, 800);
  else if (length > 4 && strcmp (path + length - 4, ".pdf") == 0)
    surface = cairo_pdf_surface_create (path, 1200 * 0.75, 800 * 0.75);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1200, 800);

  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string ("Sans Bold 17");
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, "Revenue", -1);
  cairo_move_to (cr, 32, 32);
  pango_cairo_show_layout (cr, layout);
  cairo_destroy (cr);

  if (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  return status == CAIRO_STATUS_SUCCESS ? 0 : 1;
}
