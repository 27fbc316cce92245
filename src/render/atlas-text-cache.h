/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "atlas-style.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_TEXT_BODY,         /* the style's font */
  ATLAS_TEXT_SMALL,        /* 0.85 of it */
  ATLAS_TEXT_SMALL_BOLD,
  ATLAS_N_TEXT_VARIANTS
} AtlasTextVariant;

typedef struct _AtlasTextCache AtlasTextCache;

AtlasTextCache *atlas_text_cache_new (void);
AtlasTextCache *atlas_text_cache_new_unhinted (gboolean vector);
void atlas_text_cache_free (AtlasTextCache *self);
void atlas_text_cache_begin_frame (AtlasTextCache *self,
                                   cairo_t *cr,
                                   const AtlasStyle *style);
PangoContext *atlas_text_cache_get_context (AtlasTextCache *self);
PangoLayout *atlas_text_cache_new_layout (AtlasTextCache *self,
                                          AtlasTextVariant variant);
PangoLayout *atlas_text_cache_get (AtlasTextCache *self,
                                   AtlasTextVariant variant,
                                   const char *text);
void atlas_text_cache_draw (AtlasTextCache *self,
                            cairo_t *cr,
                            AtlasTextVariant variant,
                            const char *text,
                            double x,
                            double y);
void atlas_text_cache_draw_at_most (AtlasTextCache *self,
                                    cairo_t *cr,
                                    AtlasTextVariant variant,
                                    const char *text,
                                    double x,
                                    double y,
                                    double max_width);
double atlas_text_variant_factor (AtlasTextVariant variant);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasTextCache,
                               atlas_text_cache_free)

G_END_DECLS
