/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "atlas-style.h"
#include "atlas-text-cache.h"
#include "atlas-timeline-layout.h"

G_BEGIN_DECLS

/* What part of the canvas to draw, and the state that colours it. */
typedef struct
{
  double scroll_x;               /* canvas x at the left edge */
  double width;
  double height;
  int selected;                  /* entry, or -1 */
  int focused;                   /* entry with the keyboard focus, or -1 */
  const char *highlight_entity;  /* events of other entities are dimmed; or NULL */
  gboolean show_marker;          /* "data as of" the latest event */
  AtlasTextCache *texts;         /* shaped text kept between frames; or NULL */
  gboolean passing;              /* a frame the next may not keep, such as a zoom step's */
} AtlasTimelineView;

void atlas_timeline_render (cairo_t *cr,
                            const AtlasTimelineLayout *layout,
                            const AtlasStyle *style,
                            const AtlasTimelineView *view);

void atlas_timeline_render_all (cairo_t *cr,
                                GListModel *events,
                                const AtlasStyle *style,
                                AtlasTextCache *texts,
                                double width,
                                double height);

G_END_DECLS
