/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-timeline-layout.h"

#include "atlas-dataset.h"
#include "atlas-selection.h"
#include "atlas-style.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_TIMELINE (atlas_timeline_get_type ())

G_DECLARE_FINAL_TYPE (AtlasTimeline,
                      atlas_timeline,
                      ATLAS,
                      TIMELINE,
                      GtkWidget)

GtkWidget *atlas_timeline_new (void);
void atlas_timeline_set_dataset (AtlasTimeline *self,
                                 AtlasDataset *dataset);
void atlas_timeline_set_dataset_measured (AtlasTimeline *self,
                                          AtlasDataset *dataset,
                                          AtlasTimelineLayout *prepared,
                                          const AtlasStyle *measured);
AtlasStyle *atlas_timeline_dup_label_style (AtlasTimeline *self);
AtlasSelection *atlas_timeline_get_selection (AtlasTimeline *self);
void atlas_timeline_set_selection (AtlasTimeline *self,
                                   AtlasSelection *selection);
AtlasEvent *atlas_timeline_get_selected_event (AtlasTimeline *self);
AtlasEvent *atlas_timeline_get_focused_event (AtlasTimeline *self);
const char *atlas_timeline_get_highlight_entity (AtlasTimeline *self);
AtlasEventCategoryFlags atlas_timeline_get_hidden_categories (AtlasTimeline *self);
void atlas_timeline_set_hidden_categories (AtlasTimeline *self,
                                           AtlasEventCategoryFlags hidden);
double atlas_timeline_get_px_per_day (AtlasTimeline *self);
void atlas_timeline_zoom (AtlasTimeline *self,
                          double factor,
                          double anchor_x);
void atlas_timeline_zoom_to_fit (AtlasTimeline *self);
void atlas_timeline_zoom_to_days (AtlasTimeline *self,
                                  double first_day,
                                  double last_day);
double atlas_timeline_x_to_day (AtlasTimeline *self,
                                double x);
AtlasEvent *atlas_timeline_event_at (AtlasTimeline *self,
                                     double x,
                                     double y);
gboolean atlas_timeline_get_event_position (AtlasTimeline *self,
                                            AtlasEvent *event,
                                            double *x,
                                            double *y);
const AtlasStyle *atlas_timeline_get_style (AtlasTimeline *self);
const AtlasTimelineLayout *atlas_timeline_get_layout (AtlasTimeline *self);

G_END_DECLS
