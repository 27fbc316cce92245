/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-export"

#include "config.h"

/* Writes a drawing to PNG, SVG or PDF, framed for a slide or a report: a
 * title, a subtitle, the content, and the source line at the foot. Files are
 * written whole or not at all (atlas-atomic-file.c).
 *
 * Every format has one physical size: the width and height are CSS pixels
 * at 96 dpi, so a PDF page is 0.75 pt a pixel, an SVG says "px" and has a
 * viewBox, and a PNG is width × scale pixels with a pHYs of 96 × scale dpi.
 * The same chart at 1× and 2×, as SVG or PDF, lands in a slide at the same
 * size. Each carries its title, alt text, source and the app in its own
 * metadata: PNG text chunks, PDF document info, SVG <title> and <desc>. */

#include <cairo-pdf.h>
#include <math.h>
#include "atlas-i18n.h"
#include <png.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "atlas-atomic-file.h"
#include "atlas-export.h"
#include "atlas-svg-text.h"
#include "atlas-text-cache.h"

#define PADDING 32.0

gboolean
atlas_export_format_for_path (const char *path,
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
 * measures it; returns its height. It is laid out in a font of @texts and
 * drawn @scale times as large: every size the frame has is one the content
 * has too, scaled, and each size of font costs an export 3 ms to load. */
static double
show_text (cairo_t *cr,
           AtlasTextCache *texts,
           AtlasTextVariant variant,
           double scale,
           const char *text,
           AtlasColor color,
           double x,
           double y,
           double max_width,
           gboolean align_right)
{
  g_autoptr (PangoLayout) layout = atlas_text_cache_new_layout (texts, variant);
  PangoRectangle logical;

  atlas_layout_set_text (layout, text);
  pango_layout_set_width (layout, (int) (max_width / scale * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align_right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_get_extents (layout, NULL, &logical);

  if (cr != NULL)
    {
      cairo_save (cr);
      atlas_set_source (cr, color);
      cairo_translate (cr, x, y);
      cairo_scale (cr, scale, scale);
      cairo_move_to (cr, 0, 0);
      atlas_show_layout (cr, layout);
      cairo_restore (cr);
    }
  return ceil (logical.height * scale / PANGO_SCALE);
}

/* Where the content goes inside the frame: below the title and subtitle,
 * above the source line. Measured, and drawn on @cr unless it is NULL. The
 * title is the small bold text at twice its size, 1.7 of the body's; the
 * subtitle 1.05 of the body's. */
static void
frame_texts (cairo_t *cr,
             const AtlasExportOptions *options,
             AtlasTextCache *texts,
             double *content_top,
             double *content_bottom)
{
  const AtlasStyle *style = options->style;
  double w = options->width, h = options->height;
  double inner = w - 2 * PADDING;
  double top = PADDING, bottom;
  double credit_width = MIN (220.0, inner * 0.3);

  if (options->title != NULL)
    top += show_text (cr, texts, ATLAS_TEXT_SMALL_BOLD, 2.0, options->title, style->foreground,
                      PADDING, top, inner, FALSE) +
           4;
  if (options->subtitle != NULL)
    top += show_text (cr, texts, ATLAS_TEXT_BODY, 1.05, options->subtitle, style->dim_foreground,
                      PADDING, top, inner, FALSE);
  top += 16;

  /* The foot: the source on the left, the app on the right. */
  bottom = h - PADDING;
  if (options->source_line != NULL)
    {
      double source_width = inner - credit_width - 16;

      bottom -= show_text (NULL, texts, ATLAS_TEXT_SMALL, 1.0, options->source_line,
                           style->dim_foreground, 0, 0, source_width, FALSE);
      show_text (cr, texts, ATLAS_TEXT_SMALL, 1.0, options->source_line, style->dim_foreground,
                 PADDING, bottom, source_width, FALSE);
      show_text (cr, texts, ATLAS_TEXT_SMALL_BOLD, 1.0, _ ("Micro-Drama Atlas"),
                 style->dim_foreground, w - PADDING - credit_width, bottom, credit_width, TRUE);
      bottom -= 12;
    }
  *content_top = top;
  *content_bottom = bottom;
}

/* The text cache of @options, or a new one of @own, begun. */
static AtlasTextCache *
frame_text_cache (const AtlasExportOptions *options,
                  AtlasTextCache **own)
{
  AtlasTextCache *texts = options->texts;

  if (texts == NULL)
    texts = *own = atlas_text_cache_new_unhinted (options->format != ATLAS_EXPORT_PNG);
  atlas_text_cache_begin_frame (texts, NULL, options->style);
  return texts;
}

/* The size the content gets inside the frame of @options. */
void
atlas_export_get_content_size (const AtlasExportOptions *options,
                               double *width,
                               double *height)
{
  g_autoptr (AtlasTextCache) own = NULL;
  double top, bottom;

  frame_texts (NULL, options, frame_text_cache (options, &own), &top, &bottom);
  *width = options->width - 2 * PADDING;
  *height = MAX (bottom - top, 0);
}

/* The frame around the content, in logical pixels. */
void
atlas_export_draw_frame (cairo_t *cr,
                         const AtlasExportOptions *options,
                         AtlasExportDrawFunc draw,
                         gpointer user_data)
{
  const AtlasStyle *style = options->style;
  g_autoptr (AtlasTextCache) own = NULL;
  double top, bottom;

  /* On an opaque background, every colour is mixed onto it: the file
   * needs no transparency (atlas_set_paper()). */
  if (options->background != ATLAS_EXPORT_BACKGROUND_TRANSPARENT)
    {
      AtlasColor white = { 1, 1, 1, 1 };
      AtlasColor paper = style->background;

      if (options->background == ATLAS_EXPORT_BACKGROUND_WHITE ||
          (options->background == ATLAS_EXPORT_BACKGROUND_DEFAULT && !style->dark))
        paper = white;
      paper.alpha = 1;
      cairo_set_source_rgb (cr, paper.red, paper.green, paper.blue);
      cairo_paint (cr);
      atlas_set_paper (cr, paper);
    }

  frame_texts (cr, options, frame_text_cache (options, &own), &top, &bottom);
  if (bottom - top > 20)
    {
      cairo_save (cr);
      cairo_translate (cr, PADDING, top);
      draw (cr, style, options->width - 2 * PADDING, bottom - top, user_data);
      cairo_restore (cr);
    }
}

static cairo_status_t
write_to_stream (void *closure,
                 const unsigned char *data,
                 unsigned int length)
{
  GOutputStream *stream = closure;
  GError **error = g_object_get_data (G_OBJECT (stream), "atlas-error");

  if (*error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (stream, data, length, NULL, NULL, error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
png_write_to_stream (png_structp png,
                     png_bytep data,
                     png_size_t length)
{
  GOutputStream *stream = png_get_io_ptr (png);

  if (write_to_stream (stream, data, (unsigned int) length) != CAIRO_STATUS_SUCCESS)
    png_error (png, "write failed");
}

static void
png_flush_stream (png_structp png)
{
}

/* libpng's own handlers print "libpng error: …" to stderr; the export's
 * error, which names the file, is what the person is told. */
static void
png_on_error (png_structp png,
              png_const_charp message)
{
  png_longjmp (png, 1);
}

static void
png_on_warning (png_structp png,
                png_const_charp message)
{
}

/* Encodes @surface as PNG, fast: no row filter and light deflate suit the
 * flat colours of a chart, at a fifth of the time of cairo's own writer for
 * a file a little larger. Opaque pictures are RGB, transparent ones RGBA
 * (cairo's colours are premultiplied; PNG's are not). Written without
 * automatic cleanup, because libpng reports errors by longjmp. */
/* Adds @value as the PNG text chunk @key: tEXt when it is Latin-1, as that
 * chunk must be; iTXt (UTF-8) when it is not. */
static void
add_png_text (GArray *texts,
              GPtrArray *keep,
              const char *key,
              const char *value)
{
  png_text text = { 0 };
  char *latin1;

  if (value == NULL || *value == '\0')
    return;
  latin1 = g_convert (value, -1, "ISO-8859-1", "UTF-8", NULL, NULL, NULL);
  text.key = (png_charp) key;
  if (latin1 != NULL)
    {
      g_ptr_array_add (keep, latin1);
      text.compression = PNG_TEXT_COMPRESSION_NONE;
      text.text = latin1;
      text.text_length = strlen (latin1);
    }
  else
    {
      text.compression = PNG_ITXT_COMPRESSION_NONE;
      text.text = (png_charp) value;
      text.itxt_length = strlen (value);
      text.lang = (png_charp) "";
      text.lang_key = (png_charp) "";
    }
  g_array_append_val (texts, text);
}

static cairo_status_t
write_png (cairo_surface_t *surface,
           GOutputStream *stream,
           gboolean alpha,
           const AtlasExportOptions *options)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int channels = alpha ? 4 : 3;
  png_structp png;
  png_infop info;
  guint8 *volatile row = NULL;
  /* Freed on both ways out: libpng leaves by longjmp on an error. */
  GArray *volatile texts = g_array_new (FALSE, TRUE, sizeof (png_text));
  GPtrArray *volatile keep = g_ptr_array_new_with_free_func (g_free);

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, png_on_error, png_on_warning);
  if (png == NULL)
    {
      g_array_unref (texts);
      g_ptr_array_unref (keep);
      return CAIRO_STATUS_NO_MEMORY;
    }
  info = png_create_info_struct (png);
  if (info == NULL || setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      g_free (row);
      g_array_unref (texts);
      g_ptr_array_unref (keep);
      return CAIRO_STATUS_WRITE_ERROR;
    }

  png_set_write_fn (png, stream, png_write_to_stream, png_flush_stream);
  png_set_IHDR (png, info, (png_uint_32) width, (png_uint_32) height, 8,
                alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_compression_level (png, 1);
  /* Its physical size: 96 dpi at 1×, 192 at 2×, in pixels a metre. */
  {
    png_uint_32 per_metre = (png_uint_32) (96.0 * options->scale / 0.0254 + 0.5);

    png_set_pHYs (png, info, per_metre, per_metre, PNG_RESOLUTION_METER);
  }
  png_set_sRGB_gAMA_and_cHRM (png, info, PNG_sRGB_INTENT_PERCEPTUAL);
  add_png_text (texts, keep, "Title", options->title);
  add_png_text (texts, keep, "Description", options->description);
  add_png_text (texts, keep, "Source", options->source_line);
  add_png_text (texts, keep, "Author", options->author);
  add_png_text (texts, keep, "Software", "Micro-Drama Atlas " PACKAGE_VERSION);
  if (texts->len > 0)
    png_set_text (png, info, (png_textp) texts->data, (int) texts->len);
  png_write_info (png, info);

  row = g_malloc ((gsize) width * channels);
  for (int y = 0; y < height; y++)
    {
      const guint32 *pixels = (const guint32 *) (data + (gsize) y * stride);
      guint8 *out = row;

      for (int x = 0; x < width; x++)
        {
          guint32 p = pixels[x];
          guint a = p >> 24;
          guint r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

          if (alpha && a != 255 && a != 0)
            {
              r = (r * 255 + a / 2) / a;
              g = (g * 255 + a / 2) / a;
              b = (b * 255 + a / 2) / a;
            }
          *out++ = (guint8) r;
          *out++ = (guint8) g;
          *out++ = (guint8) b;
          if (alpha)
            *out++ = (guint8) a;
        }
      png_write_row (png, row);
    }

  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);
  g_free (row);
  g_array_unref (texts);
  g_ptr_array_unref (keep);
  return CAIRO_STATUS_SUCCESS;
}

/* @svg, cairo's shapes, with a <title> and a <desc> after its opening tag
 * and the kept @texts before its closing one. */
static GBytes *
svg_assemble (GBytes *svg,
              const AtlasExportOptions *options,
              AtlasSvgText *texts)
{
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);
  const char *open = g_strstr_len (data, (gssize) size, "<svg");
  const char *end = open ? memchr (open, '>', size - (gsize) (open - data)) : NULL;
  const char *close = g_strrstr_len (data, (gssize) size, "</svg>");
  GString *out;

  if (end == NULL || close == NULL || close < end)
    return g_bytes_ref (svg);
  out = g_string_sized_new (size + 4096);
  g_string_append_len (out, data, end + 1 - data);
  if (options->title != NULL)
    {
      g_autofree char *title = g_markup_escape_text (options->title, -1);

      g_string_append_printf (out, "\n<title>%s</title>", title);
    }
  if (options->description != NULL)
    {
      g_autofree char *desc = g_markup_escape_text (options->description, -1);

      g_string_append_printf (out, "\n<desc>%s</desc>", desc);
    }
  g_string_append_len (out, end + 1, close - (end + 1));
  atlas_svg_text_write (texts, out);
  g_string_append (out, close);
  return g_string_free_to_bytes (out);
}

static gboolean
render_to_stream (GOutputStream *stream,
                  const AtlasExportOptions *options,
                  AtlasExportDrawFunc draw,
                  gpointer user_data,
                  GError **error)
{
  GError *write_error = NULL;
  g_autoptr (GOutputStream) svg_buffer = NULL;
  g_autoptr (AtlasSvgText) texts = NULL;
  GOutputStream *target = stream;
  gboolean transparent = options->background == ATLAS_EXPORT_BACKGROUND_TRANSPARENT;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  /* The SVG is written whole to memory first: its title and its text go
   * in after. */
  if (options->format == ATLAS_EXPORT_SVG)
    target = svg_buffer = g_memory_output_stream_new_resizable ();
  g_object_set_data (G_OBJECT (target), "atlas-error", &write_error);

  switch (options->format)
    {
    case ATLAS_EXPORT_PNG:
      surface = cairo_image_surface_create (transparent ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                            (int) (options->width * options->scale),
                                            (int) (options->height * options->scale));
      cairo_surface_set_device_scale (surface, options->scale, options->scale);
      break;
    case ATLAS_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_stream, target, options->width,
                                                     options->height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case ATLAS_EXPORT_PDF:
    default:
      /* A CSS pixel is 0.75 pt: the page is as large as the PNG at 1×. */
      surface = cairo_pdf_surface_create_for_stream (write_to_stream, target, options->width * 0.75,
                                                     options->height * 0.75);
      if (options->title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, options->title);
      if (options->author != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, options->author);
      if (options->description != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, options->description);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                      "Micro-Drama Atlas " PACKAGE_VERSION);
      break;
    }

  cr = cairo_create (surface);
  if (options->format == ATLAS_EXPORT_PDF)
    cairo_scale (cr, 0.75, 0.75);
  if (options->format == ATLAS_EXPORT_SVG)
    {
      texts = atlas_svg_text_new ();
      atlas_svg_text_attach (texts, cr);
    }
  atlas_export_draw_frame (cr, options, draw, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && options->format == ATLAS_EXPORT_PNG)
    {
      cairo_surface_flush (surface);
      status = write_png (surface, stream, transparent, options);
    }
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  g_object_set_data (G_OBJECT (target), "atlas-error", NULL);

  if (svg_buffer != NULL && write_error == NULL && status == CAIRO_STATUS_SUCCESS &&
      g_output_stream_close (svg_buffer, NULL, &write_error))
    {
      g_autoptr (GBytes) svg =
          g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (svg_buffer));
      g_autoptr (GBytes) titled = svg_assemble (svg, options, texts);

      g_output_stream_write_all (stream, g_bytes_get_data (titled, NULL), g_bytes_get_size (titled),
                                 NULL, NULL, &write_error);
    }

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

typedef struct
{
  const AtlasExportOptions *options;
  AtlasExportDrawFunc draw;
  gpointer user_data;
} RenderJob;

static gboolean
write_picture (GOutputStream *stream,
               gpointer data,
               GCancellable *cancellable,
               GError **error)
{
  RenderJob *job = data;

  return render_to_stream (stream, job->options, job->draw, job->user_data, error);
}

/* Renders and writes @file whole, or leaves it as it was (atlas-atomic-file.c). */
gboolean
atlas_export_write (GFile *file,
                    const AtlasExportOptions *options,
                    AtlasExportDrawFunc draw,
                    gpointer user_data,
                    GCancellable *cancellable,
                    GError **error)
{
  RenderJob job = { options, draw, user_data };

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (options != NULL && options->style != NULL, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);

  return atlas_file_replace_atomically (file, write_picture, &job, cancellable, error);
}

/* The picture as PNG bytes, for the clipboard. */
GBytes *
atlas_export_to_png_bytes (const AtlasExportOptions *options,
                           AtlasExportDrawFunc draw,
                           gpointer user_data,
                           GError **error)
{
  g_autoptr (GOutputStream) stream = g_memory_output_stream_new_resizable ();
  AtlasExportOptions png = *options;

  png.format = ATLAS_EXPORT_PNG;
  if (!render_to_stream (stream, &png, draw, user_data, error) ||
      !g_output_stream_close (stream, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}
