/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <pango/pango.h>

#include "atlas-event.h"

G_BEGIN_DECLS

/* Geometry, in logical pixels. */
#define ATLAS_TIMELINE_AXIS_HEIGHT 30.0
#define ATLAS_TIMELINE_TOP_PADDING 6.0
#define ATLAS_TIMELINE_LANE_HEIGHT 38.0
#define ATLAS_TIMELINE_CLUSTER_HEIGHT 30.0
#define ATLAS_TIMELINE_BAR_HEIGHT 8.0
#define ATLAS_TIMELINE_POINT_WIDTH 10.0
#define ATLAS_TIMELINE_FADE_WIDTH 40.0
#define ATLAS_TIMELINE_LABEL_GAP 14.0
#define ATLAS_TIMELINE_CLUSTER_WIDTH 60.0

/* One event on the canvas. x grows with time; the canvas starts at
 * atlas_timeline_layout_get_first_day(). */
typedef struct
{
  guint entry;         /* index of the event, in date order */
  double x0;           /* the bar: where the stated interval starts… */
  double x1;           /* …and ends (at least a point's width) */
  double label_x;      /* where its title and date start… */
  double label_x1;     /* …and end: right of the bar, or left of it near the end */
  double occupied_x0;  /* the bar, its fade and its label: what lanes keep apart */
  double occupied_x1;
  guint lane;
} AtlasTimelineItem;

/* Events that did not fit in the lanes at this zoom, gathered by place. */
typedef struct
{
  double x0;
  double x1;
  double first_day;    /* the span of its events, to zoom to */
  double last_day;
  guint count;
  guint first;         /* its first entry in atlas_timeline_layout_get_cluster_entries() */
} AtlasTimelineCluster;

/* A stretch of time drawn compressed: a long gap between events. */
typedef struct
{
  double first_day;
  double last_day;
} AtlasTimelineBreak;

typedef enum
{
  ATLAS_TIMELINE_HIT_NONE,
  ATLAS_TIMELINE_HIT_EVENT,
  ATLAS_TIMELINE_HIT_CLUSTER,
} AtlasTimelineHitKind;

typedef struct
{
  AtlasTimelineHitKind kind;
  guint entry;                          /* for an event */
  const AtlasTimelineCluster *cluster;  /* for a cluster */
} AtlasTimelineHit;

/* The measured labels of one event, with what placing it needs of the
 * event, read in the same pass (in the loading thread, when a window opens a
 * file): placing then reads this array alone, not 100,000 objects. */
typedef struct
{
  AtlasEvent *event;    /* owned by the events model */
  double title_width;
  double label_width;   /* the wider of title and date wording */
  guint32 start;        /* Julian days, as atlas_fuzzy_date_get_start() */
  guint32 end;          /* and _get_end(): the last day, included */
  gboolean open_start;
  AtlasEventCategory category;
} AtlasTimelineLabel;

typedef struct _AtlasTimelineLayout AtlasTimelineLayout;

GArray *atlas_timeline_measure_labels (GListModel *events,
                                       PangoContext *context,
                                       const PangoFontDescription *font);

AtlasTimelineLayout *atlas_timeline_layout_new (void);
void atlas_timeline_layout_free (AtlasTimelineLayout *self);
void atlas_timeline_layout_set_events (AtlasTimelineLayout *self,
                                       GListModel *events,
                                       PangoContext *context,
                                       const PangoFontDescription *font);
void atlas_timeline_layout_take_events (AtlasTimelineLayout *self,
                                        AtlasTimelineLayout *from);
void atlas_timeline_layout_set_events_measured (AtlasTimelineLayout *self,
                                                GListModel *events,
                                                GArray *labels);
void atlas_timeline_layout_set_hidden (AtlasTimelineLayout *self,
                                       guint hidden_categories);
guint atlas_timeline_layout_get_hidden (AtlasTimelineLayout *self);
void atlas_timeline_layout_set_priority (AtlasTimelineLayout *self,
                                         const char *entity_id,
                                         int entry);
void atlas_timeline_layout_update (AtlasTimelineLayout *self,
                                   double px_per_day,
                                   guint max_lanes);
void atlas_timeline_layout_update_for_height (AtlasTimelineLayout *self,
                                              double px_per_day,
                                              double height);
guint atlas_timeline_layout_lanes_for_height (double height);

double atlas_timeline_layout_get_first_day (const AtlasTimelineLayout *self);
double atlas_timeline_layout_get_last_day (const AtlasTimelineLayout *self);
guint atlas_timeline_layout_get_generation (const AtlasTimelineLayout *self);
double atlas_timeline_layout_get_latest_day (const AtlasTimelineLayout *self);
double atlas_timeline_layout_get_px_per_day (const AtlasTimelineLayout *self);
double atlas_timeline_layout_get_width (const AtlasTimelineLayout *self);
double atlas_timeline_layout_get_height (const AtlasTimelineLayout *self);
double atlas_timeline_layout_day_to_x (const AtlasTimelineLayout *self,
                                       double day);
double atlas_timeline_layout_x_to_day (const AtlasTimelineLayout *self,
                                       double x);
double atlas_timeline_layout_scaled_days (const AtlasTimelineLayout *self,
                                          double first_day,
                                          double last_day);
double atlas_timeline_layout_get_focus (const AtlasTimelineLayout *self,
                                        double *factor);
guint atlas_timeline_layout_get_n_breaks (const AtlasTimelineLayout *self);
const AtlasTimelineBreak *atlas_timeline_layout_get_break (const AtlasTimelineLayout *self,
                                                           guint index);
double atlas_timeline_layout_lane_y (guint lane);
double atlas_timeline_layout_cluster_y (const AtlasTimelineLayout *self);

guint atlas_timeline_layout_get_n_entries (const AtlasTimelineLayout *self);
AtlasEvent *atlas_timeline_layout_get_event (const AtlasTimelineLayout *self,
                                             guint entry);
gboolean atlas_timeline_layout_get_entry_extent (const AtlasTimelineLayout *self,
                                                 guint entry,
                                                 double *x0,
                                                 double *x1);
double atlas_timeline_layout_get_title_width (const AtlasTimelineLayout *self,
                                              guint entry);
gboolean atlas_timeline_layout_is_shown (const AtlasTimelineLayout *self,
                                         guint entry);
const AtlasTimelineItem *atlas_timeline_layout_get_item (const AtlasTimelineLayout *self,
                                                         guint entry);
int atlas_timeline_layout_find_entry (const AtlasTimelineLayout *self,
                                      AtlasEvent *event);
int atlas_timeline_layout_step (const AtlasTimelineLayout *self,
                                int entry,
                                int direction);
guint atlas_timeline_layout_get_n_lanes (const AtlasTimelineLayout *self);
guint atlas_timeline_layout_get_n_clustered (const AtlasTimelineLayout *self);
const guint *atlas_timeline_layout_get_cluster_entries (const AtlasTimelineLayout *self,
                                                        const AtlasTimelineCluster *cluster,
                                                        guint *n_entries);

void atlas_timeline_layout_collect_visible (const AtlasTimelineLayout *self,
                                            double x0,
                                            double x1,
                                            GPtrArray *items,
                                            GPtrArray *clusters);
gboolean atlas_timeline_layout_hit (const AtlasTimelineLayout *self,
                                    double x,
                                    double y,
                                    AtlasTimelineHit *hit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasTimelineLayout,
                               atlas_timeline_layout_free)

G_END_DECLS
