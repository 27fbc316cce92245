/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-timeline-renderer.h"

G_BEGIN_DECLS

#define ATLAS_TIMELINE_TILE_WIDTH 512

typedef struct _AtlasTimelineTiles AtlasTimelineTiles;

AtlasTimelineTiles *atlas_timeline_tiles_new (void);
void atlas_timeline_tiles_free (AtlasTimelineTiles *self);
void atlas_timeline_tiles_invalidate (AtlasTimelineTiles *self);
void atlas_timeline_tiles_render (AtlasTimelineTiles *self,
                                  cairo_t *cr,
                                  const AtlasTimelineLayout *layout,
                                  const AtlasStyle *style,
                                  const AtlasTimelineView *view);
guint atlas_timeline_tiles_get_n_drawn (AtlasTimelineTiles *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasTimelineTiles,
                               atlas_timeline_tiles_free)

G_END_DECLS
