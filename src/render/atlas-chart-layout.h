/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "atlas-dataset.h"
#include "atlas-format.h"
#include "atlas-text-cache.h"

G_BEGIN_DECLS

#define ATLAS_CHART_LEGEND_HEIGHT 34.0
#define ATLAS_CHART_AXIS_HEIGHT 40.0
#define ATLAS_CHART_GROUP_HEIGHT 38.0
#define ATLAS_CHART_ROW_HEIGHT 36.0
#define ATLAS_CHART_BAR_HEIGHT 16.0
#define ATLAS_CHART_PANEL_GAP 22.0

/* One figure: a bar. */
typedef struct
{
  AtlasPoint *point;
  AtlasSeries *series;
  char *label;        /* the entity */
  char *date;         /* as the source words it */
  char *value;        /* "≥ 60 M", "¥100 B" */
  char *secondary;    /* "$14.05 B" for yuan, at the source's rate; or NULL */
  guint panel;
  guint group;
  double y;           /* top of its row */
  double x1;          /* where the bar ends; it starts at the plot's left */
} AtlasChartBar;

/* A series: the bars that measure one thing. */
typedef struct
{
  AtlasSeries *series;
  char *title;
  char *subtitle;
  guint color;        /* index into the style's palette */
  double y;
} AtlasChartGroup;

/* The bars of one unit, on one axis. */
typedef struct
{
  AtlasUnit unit;
  char *axis_title;
  AtlasNiceScale scale;
  double y0;          /* top of its axis */
  double y1;          /* end of its last row */
} AtlasChartPanel;

typedef struct _AtlasChartLayout AtlasChartLayout;

AtlasChartLayout *atlas_chart_layout_new (AtlasDataset *dataset,
                                          const char *chart_id);
void atlas_chart_layout_free (AtlasChartLayout *self);
void atlas_chart_layout_update (AtlasChartLayout *self,
                                double width,
                                PangoContext *context,
                                const PangoFontDescription *font);
void atlas_chart_layout_update_in (AtlasChartLayout *self,
                                   double width,
                                   AtlasTextCache *texts);
void atlas_chart_layout_spread (AtlasChartLayout *self,
                                double height);
const char *atlas_chart_layout_get_id (const AtlasChartLayout *self);
const char *atlas_chart_layout_get_title (const AtlasChartLayout *self);
const char *atlas_chart_layout_get_description (const AtlasChartLayout *self);
double atlas_chart_layout_get_width (const AtlasChartLayout *self);
double atlas_chart_layout_get_height (const AtlasChartLayout *self);
double atlas_chart_layout_get_plot_x0 (const AtlasChartLayout *self);
double atlas_chart_layout_get_plot_x1 (const AtlasChartLayout *self);
double atlas_chart_layout_value_to_x (const AtlasChartLayout *self,
                                      guint panel,
                                      double value);
guint atlas_chart_layout_get_n_bars (const AtlasChartLayout *self);
const AtlasChartBar *atlas_chart_layout_get_bar (const AtlasChartLayout *self,
                                                 guint index);
guint atlas_chart_layout_get_n_groups (const AtlasChartLayout *self);
const AtlasChartGroup *atlas_chart_layout_get_group (const AtlasChartLayout *self,
                                                     guint index);
guint atlas_chart_layout_get_n_panels (const AtlasChartLayout *self);
const AtlasChartPanel *atlas_chart_layout_get_panel (const AtlasChartLayout *self,
                                                     guint index);
gboolean atlas_chart_layout_has_status (const AtlasChartLayout *self,
                                        AtlasValueStatus status);
int atlas_chart_layout_hit (const AtlasChartLayout *self,
                            double x,
                            double y);
int atlas_chart_layout_find_point (const AtlasChartLayout *self,
                                   AtlasPoint *point);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasChartLayout,
                               atlas_chart_layout_free)

G_END_DECLS
