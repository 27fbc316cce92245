/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-export"

#include "config.h"

/* Writes a drawing to PNG, SVG or PDF, framed for a slide or a report: a
 * title, a subtitle, the content, and the source line at the foot.
 *
 * A file is written whole or not at all. The picture goes to a new temporary
 * file beside the destination, which is renamed over it only once complete
 * (rename is atomic within a folder); on any failure the temporary file is
 * removed and an existing file at the destination is left as it was.
 */

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "atlas-export.h"

#define PADDING 32.0

gboolean
atlas_export_format_for_path (const char        *path,
                              AtlasExportFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    *format = ATLAS_EXPORT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = ATLAS_EXPORT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = ATLAS_EXPORT_PDF;
  else
    return FALSE;
  return TRUE;
}

const char *
atlas_export_format_to_string (AtlasExportFormat format)
{
  switch (format)
    {
    case ATLAS_EXPORT_PNG: return "PNG";
    case ATLAS_EXPORT_SVG: return "SVG";
    case ATLAS_EXPORT_PDF: return "PDF";
    default: g_return_val_if_reached (NULL);
    }
}

/* Draws @text wrapped to @max_width at (@x, @y), or with @cr NULL only
 * measures it; returns its height. */
static double
show_text (cairo_t          *cr,
           cairo_t          *measure_cr,
           const AtlasStyle *style,
           const char       *text,
           double            size_factor,
           PangoWeight       weight,
           AtlasColor        color,
           double            x,
           double            y,
           double            max_width,
           gboolean          align_right)
{
  g_autoptr(PangoLayout) layout = atlas_style_create_layout (style, measure_cr, size_factor, weight);
  int h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align_right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_get_pixel_size (layout, NULL, &h);

  if (cr != NULL)
    {
      cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  return h;
}

/* The frame around the content, in logical pixels. */
void
atlas_export_draw_frame (cairo_t                  *cr,
                         const AtlasExportOptions *options,
                         AtlasExportDrawFunc       draw,
                         gpointer                  user_data)
{
  const AtlasStyle *style = options->style;
  double w = options->width, h = options->height;
  double inner = w - 2 * PADDING;
  double top = PADDING, bottom;
  double credit_width = MIN (220.0, inner * 0.3);

  if (!options->transparent || options->format != ATLAS_EXPORT_PNG)
    {
      cairo_set_source_rgba (cr, style->background.red, style->background.green,
                             style->background.blue, 1.0);
      cairo_paint (cr);
    }

  if (options->title != NULL)
    top += show_text (cr, cr, style, options->title, 1.7, PANGO_WEIGHT_BOLD, style->foreground,
                      PADDING, top, inner, FALSE) + 4;
  if (options->subtitle != NULL)
    top += show_text (cr, cr, style, options->subtitle, 1.05, PANGO_WEIGHT_NORMAL,
                      style->dim_foreground, PADDING, top, inner, FALSE);
  top += 16;

  /* The foot: the source on the left, the app on the right. */
  bottom = h - PADDING;
  if (options->source_line != NULL)
    {
      double source_width = inner - credit_width - 16;

      bottom -= show_text (NULL, cr, style, options->source_line, 0.85, PANGO_WEIGHT_NORMAL,
                           style->dim_foreground, 0, 0, source_width, FALSE);
      show_text (cr, cr, style, options->source_line, 0.85, PANGO_WEIGHT_NORMAL, style->dim_foreground,
                 PADDING, bottom, source_width, FALSE);
      show_text (cr, cr, style, "Micro-Drama Atlas", 0.85, PANGO_WEIGHT_BOLD, style->dim_foreground,
                 w - PADDING - credit_width, bottom, credit_width, TRUE);
      bottom -= 12;
    }

  if (bottom - top > 20)
    {
      cairo_save (cr);
      cairo_translate (cr, PADDING, top);
      draw (cr, style, inner, bottom - top, user_data);
      cairo_restore (cr);
    }
}

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  GOutputStream *stream = closure;
  GError **error = g_object_get_data (G_OBJECT (stream), "atlas-error");

  if (*error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (stream, data, length, NULL, NULL, error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
render_to_stream (GOutputStream             *stream,
                  const AtlasExportOptions  *options,
                  AtlasExportDrawFunc        draw,
                  gpointer                   user_data,
                  GError                   **error)
{
  GError *write_error = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_object_set_data (G_OBJECT (stream), "atlas-error", &write_error);

  switch (options->format)
    {
    case ATLAS_EXPORT_PNG:
      surface = cairo_image_surface_create (options->transparent ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                            (int) (options->width * options->scale),
                                            (int) (options->height * options->scale));
      cairo_surface_set_device_scale (surface, options->scale, options->scale);
      break;
    case ATLAS_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_stream, stream, options->width,
                                                     options->height);
      break;
    case ATLAS_EXPORT_PDF:
    default:
      surface = cairo_pdf_surface_create_for_stream (write_to_stream, stream, options->width,
                                                     options->height);
      break;
    }

  cr = cairo_create (surface);
  atlas_export_draw_frame (cr, options, draw, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && options->format == ATLAS_EXPORT_PNG)
    {
      cairo_surface_flush (surface);
      status = cairo_surface_write_to_png_stream (surface, write_to_stream, stream);
    }
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  g_object_set_data (G_OBJECT (stream), "atlas-error", NULL);

  if (write_error != NULL)
    {
      g_propagate_error (error, write_error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not draw the picture: %s",
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* A new file beside @file, which no one else has. */
static GFileOutputStream *
create_temporary (GFile         *file,
                  GFile        **temporary,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);

  if (parent == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, "not a file name");
      return NULL;
    }

  for (guint attempt = 0;; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", basename, g_random_int ());
      g_autoptr(GError) local_error = NULL;
      GFileOutputStream *stream;

      *temporary = g_file_get_child (parent, name);
      stream = g_file_create (*temporary, G_FILE_CREATE_NONE, cancellable, &local_error);
      if (stream != NULL)
        return stream;
      g_clear_object (temporary);
      if (attempt < 5 && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        continue;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
}

gboolean
atlas_export_write (GFile                     *file,
                    const AtlasExportOptions  *options,
                    AtlasExportDrawFunc        draw,
                    gpointer                   user_data,
                    GCancellable              *cancellable,
                    GError                   **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GFile) temporary = NULL;
  g_autofree char *name = NULL;
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (options != NULL && options->style != NULL, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);

  name = g_file_get_parse_name (file);

  stream = create_temporary (file, &temporary, cancellable, &local_error);
  if (stream == NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent ? g_file_get_parse_name (parent) : g_strdup ("/");

      /* Say it of the folder: the temporary file is ours, not the user's. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s: the folder %s does not exist",
                     name, folder);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                     "%s: no permission to write in the folder %s", name, folder);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, "%s: %s is not a folder", name, folder);
      else
        g_set_error (error, local_error->domain, local_error->code, "%s: cannot write in %s",
                     name, folder);
      g_error_free (local_error);
      return FALSE;
    }

  ok = render_to_stream (G_OUTPUT_STREAM (stream), options, draw, user_data, &local_error) &&
       !g_cancellable_set_error_if_cancelled (cancellable, &local_error);
  /* Close before renaming: the data must be all there. */
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, ok ? &local_error : NULL))
    ok = FALSE;
  if (ok)
    ok = g_file_move (temporary, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                      NULL, NULL, NULL, &local_error);

  if (!ok)
    {
      g_file_delete (temporary, NULL, NULL);
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  return TRUE;
}
