/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What atlas-window.c (the window, its views and the selection they follow)
 * and atlas-window-actions.c (every win.* action) share. */

#include "atlas-category-legend.h"
#include "atlas-entity-detail.h"
#include "atlas-event-detail.h"
#include "atlas-loading-bar.h"
#include "atlas-selection.h"
#include "atlas-sidebar.h"
#include "atlas-timeline.h"
#include "atlas-window.h"

G_BEGIN_DECLS

struct _AtlasWindow
{
  AdwApplicationWindow parent_instance;

  AtlasDataset *dataset;
  AtlasSelection *selection;
  GSettings *settings;
  GPtrArray *chart_pages; /* AdwBin, one view page each, with its "chart-id" */
  GPtrArray *charts; /* AtlasChart of the pages built so far */
  GPtrArray *figure_stacks; /* GtkStack of each figure's page: its "chart" and its "table" */
  gboolean show_table;
  guint trim_source; /* gives freed memory back, once the window is idle */

  /* template children */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;
  GtkMenuButton *menu_button;
  GMenuModel *primary_menu;
  GtkPaned *paned;
  GtkWidget *detail_pane;
  AdwViewStack *view_stack;
  AtlasSidebar *sidebar;
  GtkStack *content_stack;
  AtlasEntityDetail *detail;
  AtlasEventDetail *event_detail;
  AtlasTimeline *timeline;
  AtlasCategoryLegend *legend;
  AtlasLoadingBar *loading_bar;
  GtkStack *timeline_stack;
  AdwBin *timeline_table_bin;
};

void _atlas_window_class_add_actions (GtkWidgetClass *widget_class);
void _atlas_window_init_actions (AtlasWindow *self);
void _atlas_window_toast (AtlasWindow *self,
                          const char *message);

G_END_DECLS
