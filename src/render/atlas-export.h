/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "atlas-style.h"
#include "atlas-text-cache.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_EXPORT_PNG,
  ATLAS_EXPORT_SVG,
  ATLAS_EXPORT_PDF,
} AtlasExportFormat;

/* What the picture is drawn on. The default is what a slide wants: white
 * for a light picture, the dark theme's window colour for a dark one. */
typedef enum
{
  ATLAS_EXPORT_BACKGROUND_DEFAULT,
  ATLAS_EXPORT_BACKGROUND_TRANSPARENT,
  ATLAS_EXPORT_BACKGROUND_WHITE,
  ATLAS_EXPORT_BACKGROUND_THEME,
} AtlasExportBackground;

#define ATLAS_EXPORT_MIN_SIZE 200
#define ATLAS_EXPORT_MAX_SIZE 10000
#define ATLAS_EXPORT_MAX_SCALE 4.0

typedef struct
{
  AtlasExportFormat format;
  int width;               /* CSS pixels at 96 dpi, in every format */
  int height;
  double scale;            /* PNG pixels per CSS pixel; vector formats have none */
  AtlasExportBackground background;
  const AtlasStyle *style;
  const char *title;
  const char *subtitle;
  const char *source_line; /* "Source: …" at the foot */
  const char *description; /* alt text: what the picture shows, for the metadata */
  const char *author;      /* whose figures they are: the source, for the metadata */
  AtlasTextCache *texts;   /* an unhinted cache the frame's text is laid out in, shared
                            * with the content's; NULL: one of the export's own */
} AtlasExportOptions;

/* Draws the content into (0, 0, @width, @height) of @cr. */
typedef void (*AtlasExportDrawFunc) (cairo_t *cr,
                                     const AtlasStyle *style,
                                     double width,
                                     double height,
                                     gpointer user_data);

gboolean atlas_export_format_for_path (const char *path,
                                       AtlasExportFormat *format);
const char *atlas_export_format_to_string (AtlasExportFormat format);
void atlas_export_get_content_size (const AtlasExportOptions *options,
                                    double *width,
                                    double *height);
void atlas_export_draw_frame (cairo_t *cr,
                              const AtlasExportOptions *options,
                              AtlasExportDrawFunc draw,
                              gpointer user_data);
gboolean atlas_export_write (GFile *file,
                             const AtlasExportOptions *options,
                             AtlasExportDrawFunc draw,
                             gpointer user_data,
                             GCancellable *cancellable,
                             GError **error);

GBytes *atlas_export_to_png_bytes (const AtlasExportOptions *options,
                                   AtlasExportDrawFunc draw,
                                   gpointer user_data,
                                   GError **error);

G_END_DECLS
