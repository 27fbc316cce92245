/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "atlas-chart-layout.h"
#include "atlas-style.h"
#include "atlas-text-cache.h"

G_BEGIN_DECLS

typedef struct
{
  int selected;                  /* bar, or -1 */
  int focused;                   /* bar with the keyboard focus, or -1 */
  int hovered;                   /* bar under the pointer, or -1 */
  const char *highlight_entity;  /* its bars are lit, the others dimmed; or NULL */
  const char *highlight_event;   /* likewise for the figures of an event; or NULL */
  AtlasTextCache *texts;         /* or NULL */
} AtlasChartView;

void atlas_chart_render (cairo_t *cr,
                         const AtlasChartLayout *layout,
                         const AtlasStyle *style,
                         const AtlasChartView *view);
double atlas_chart_fit (AtlasChartLayout *layout,
                        const AtlasStyle *style,
                        AtlasTextCache *texts,
                        double width,
                        double height);
void atlas_chart_render_fitted (cairo_t *cr,
                                const AtlasChartLayout *layout,
                                const AtlasStyle *style,
                                AtlasTextCache *texts,
                                double scale);
void atlas_chart_render_all (cairo_t *cr,
                             AtlasDataset *dataset,
                             const char *chart_id,
                             const AtlasStyle *style,
                             double width,
                             double height);

G_END_DECLS
