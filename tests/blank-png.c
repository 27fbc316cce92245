/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The baseline for headless export: a program that only writes a blank,
 * opaque 1200×800 PNG with cairo, and exits. */

#include <cairo.h>

int
main (int argc,
      char *argv[])
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1200, 800);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  if (argc != 2)
    return 2;
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, argv[1]);
  cairo_surface_destroy (surface);
  return status == CAIRO_STATUS_SUCCESS ? 0 : 1;
}
