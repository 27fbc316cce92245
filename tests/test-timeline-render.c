/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-timeline-render"

#include "config.h"

/* The timeline's layout, ticks, hit-testing and drawing, and the exports,
 * without a display. */

#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "atlas-figure.h"
#include "atlas-loader.h"
#include "atlas-style.h"
#include "atlas-svg-text.h"
#include "atlas-test-utils.h"
#include "atlas-time-ticks.h"
#include "atlas-timeline-layout.h"
#include "atlas-timeline-renderer.h"
#include "atlas-timeline-tiles.h"

static AtlasDataset *dataset;
static AtlasStyle *style;

static AtlasTimelineLayout *
new_layout (double width,
            guint max_lanes,
            double *px_per_day)
{
  AtlasTimelineLayout *layout = atlas_timeline_layout_new ();
  PangoContext *context = atlas_style_create_context (style);
  double span;

  atlas_timeline_layout_set_events (layout, atlas_dataset_get_events (dataset), context,
                                    style->font);
  g_object_unref (context);
  span = atlas_timeline_layout_get_last_day (layout) - atlas_timeline_layout_get_first_day (layout);
  *px_per_day = width / span;
  atlas_timeline_layout_update (layout, *px_per_day, max_lanes);
  return layout;
}

static int
entry_of (AtlasTimelineLayout *layout,
          const char *event_id)
{
  return atlas_timeline_layout_find_entry (layout, atlas_dataset_lookup_event (dataset, event_id));
}

/* Lanes hold items that do not overlap, in x order, and every shown event
 * is placed or listed in exactly one cluster. */
static void
check_placement (AtlasTimelineLayout *layout,
                 guint max_lanes)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new ();
  g_autoptr (GPtrArray) clusters = g_ptr_array_new ();
  guint n_lanes = atlas_timeline_layout_get_n_lanes (layout);
  g_autofree double *lane_end = g_new0 (double, n_lanes);
  g_autofree guint *seen = g_new0 (guint, atlas_timeline_layout_get_n_entries (layout));
  guint clustered = 0;

  atlas_timeline_layout_collect_visible (layout, -1e9, 1e9, items, clusters);
  g_assert_cmpuint (n_lanes, <=, max_lanes);

  /* Items come lane by lane, in x order: each clears the one before. */
  for (guint i = 0; i < items->len; i++)
    {
      const AtlasTimelineItem *item = items->pdata[i];

      g_assert_cmpuint (item->lane, <, n_lanes);
      if (lane_end[item->lane] != 0)
        g_assert_cmpfloat (item->occupied_x0, >=, lane_end[item->lane]);
      lane_end[item->lane] = item->occupied_x1;
      g_assert_cmpfloat (item->x1, >, item->x0);
      g_assert_true (atlas_timeline_layout_get_item (layout, item->entry) == item);
      seen[item->entry]++;
    }

  /* Every event is placed or counted in a cluster, and the cluster lists it. */
  for (guint i = 0; i < clusters->len; i++)
    {
      const AtlasTimelineCluster *cluster = clusters->pdata[i];
      guint n;
      const guint *entries = atlas_timeline_layout_get_cluster_entries (layout, cluster, &n);

      g_assert_cmpuint (n, ==, cluster->count);
      for (guint j = 0; j < n; j++)
        {
          g_assert_null (atlas_timeline_layout_get_item (layout, entries[j]));
          seen[entries[j]]++;
        }
      clustered += cluster->count;
    }
  g_assert_cmpuint (clustered, ==, atlas_timeline_layout_get_n_clustered (layout));
  g_assert_cmpuint (items->len + clustered, ==, 27);
  for (guint i = 0; i < atlas_timeline_layout_get_n_entries (layout); i++)
    g_assert_cmpuint (seen[i], ==, 1);
}

static void
test_lanes_never_overlap (void)
{
  static const double widths[] = { 600, 1200, 1920, 5000, 40000 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint max_lanes = 1; max_lanes <= 64; max_lanes *= 4)
      {
        double ppd;
        g_autoptr (AtlasTimelineLayout) layout = new_layout (widths[w], max_lanes, &ppd);

        check_placement (layout, max_lanes);
        if (max_lanes >= 64)
          g_assert_cmpuint (atlas_timeline_layout_get_n_clustered (layout), ==, 0);

        /* With priority, the same holds. */
        atlas_timeline_layout_set_priority (layout, "red-fruit",
                                            entry_of (layout, "nrta-696-million"));
        atlas_timeline_layout_update (layout, ppd, max_lanes);
        check_placement (layout, max_lanes);
      }
}

static guint
count_placed (AtlasTimelineLayout *layout,
              const char *entity_id)
{
  guint placed = 0;

  for (guint i = 0; i < atlas_timeline_layout_get_n_entries (layout); i++)
    if (atlas_event_involves (atlas_timeline_layout_get_event (layout, i), entity_id) &&
        atlas_timeline_layout_get_item (layout, i) != NULL)
      placed++;
  return placed;
}

/* The events of the selected entity, and the selected event, get lanes
 * before the others: none of Red Fruit's five waits in a cluster. */
static void
test_priority_first (void)
{
  double ppd;
  g_autoptr (AtlasTimelineLayout) layout = new_layout (1100, 4, &ppd);
  int selected = entry_of (layout, "nrta-696-million");

  double first = G_MAXDOUBLE, last = -G_MAXDOUBLE;

  /* Framed on Red Fruit's events, as the timeline frames a selected
   * entity's, with a tenth of the span on either side. */
  for (guint i = 0; i < atlas_timeline_layout_get_n_entries (layout); i++)
    if (atlas_event_involves (atlas_timeline_layout_get_event (layout, i), "red-fruit"))
      {
        double x0, x1;

        atlas_timeline_layout_get_entry_extent (layout, i, &x0, &x1);
        first = MIN (first, atlas_timeline_layout_x_to_day (layout, x0));
        last = MAX (last, atlas_timeline_layout_x_to_day (layout, x1));
      }
  ppd = 1100 / ((last - first) * 1.2);
  atlas_timeline_layout_update (layout, ppd, 4);
  g_assert_cmpuint (count_placed (layout, "red-fruit"), <, 5);

  atlas_timeline_layout_set_priority (layout, "red-fruit", -1);
  atlas_timeline_layout_update (layout, ppd, 4);
  g_assert_cmpuint (count_placed (layout, "red-fruit"), ==, 5);

  /* The selected event too, even with a single lane. */
  g_assert_cmpint (selected, >=, 0);
  atlas_timeline_layout_set_priority (layout, NULL, selected);
  atlas_timeline_layout_update (layout, ppd, 1);
  g_assert_nonnull (atlas_timeline_layout_get_item (layout, (guint) selected));

  /* None again: as before. */
  atlas_timeline_layout_set_priority (layout, NULL, -1);
  atlas_timeline_layout_update (layout, ppd, 4);
  g_assert_cmpuint (count_placed (layout, "red-fruit"), <, 5);
}

/* Events set in another thread, labels measured with that thread's own
 * font map, as the window's loading thread does, then taken into the
 * widget's layout: they lay out as those set here, and the layout they came
 * from is left without. */
static gpointer
set_in_thread (gpointer data)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  AtlasTimelineLayout *layout = atlas_timeline_layout_new ();

  pango_cairo_context_set_resolution (context, style->resolution);
  atlas_timeline_layout_set_events (layout, atlas_dataset_get_events (dataset), context,
                                    style->font);
  g_object_unref (context);
  return layout;
}

static void
test_measured_in_thread (void)
{
  g_autoptr (GThread) thread = g_thread_new ("measure", set_in_thread, NULL);
  g_autoptr (AtlasTimelineLayout) prepared = g_thread_join (g_steal_pointer (&thread));
  g_autoptr (AtlasTimelineLayout) measured = atlas_timeline_layout_new ();
  double ppd;
  g_autoptr (AtlasTimelineLayout) here = new_layout (1920, 8, &ppd);
  g_autoptr (AtlasEvent) event = g_list_model_get_item (atlas_dataset_get_events (dataset), 20);

  g_assert_cmpuint (atlas_timeline_layout_get_n_entries (prepared), ==, 27);
  atlas_timeline_layout_take_events (measured, prepared);
  g_assert_cmpuint (atlas_timeline_layout_get_n_entries (prepared), ==, 0);
  atlas_timeline_layout_update (measured, ppd, 8);

  g_assert_cmpuint (atlas_timeline_layout_get_n_entries (measured), ==,
                    atlas_timeline_layout_get_n_entries (here));
  g_assert_cmpuint (atlas_timeline_layout_get_n_lanes (measured), ==,
                    atlas_timeline_layout_get_n_lanes (here));
  g_assert_cmpuint (atlas_timeline_layout_get_n_clustered (measured), ==,
                    atlas_timeline_layout_get_n_clustered (here));
  for (guint i = 0; i < atlas_timeline_layout_get_n_entries (here); i++)
    g_assert_cmpfloat (atlas_timeline_layout_get_title_width (measured, i), ==,
                       atlas_timeline_layout_get_title_width (here, i));
  g_assert_cmpint (atlas_timeline_layout_find_entry (measured, event), ==, 20);
  for (guint i = 0; i < atlas_timeline_layout_get_n_entries (here); i++)
    g_assert_cmpint (
        atlas_timeline_layout_find_entry (here, atlas_timeline_layout_get_event (here, i)), ==, i);
  g_assert_cmpfloat (atlas_timeline_layout_get_last_day (measured), ==,
                     atlas_timeline_layout_get_last_day (here));
}

/* Placing for a height is done again only when something it depends on has
 * changed: the views ask after every selection, and each pass over 100,000
 * events costs tens of milliseconds. */
static void
test_placed_once (void)
{
  double ppd;
  g_autoptr (AtlasTimelineLayout) layout = new_layout (1920, 8, &ppd);
  guint generation;

  atlas_timeline_layout_update_for_height (layout, ppd, 400);
  generation = atlas_timeline_layout_get_generation (layout);
  atlas_timeline_layout_update_for_height (layout, ppd, 400);
  atlas_timeline_layout_set_priority (layout, NULL, -1);
  atlas_timeline_layout_update_for_height (layout, ppd, 400);
  g_assert_cmpuint (atlas_timeline_layout_get_generation (layout), ==, generation);

  /* Each of what it depends on. */
  atlas_timeline_layout_update_for_height (layout, ppd, 300);
  g_assert_cmpuint (atlas_timeline_layout_get_generation (layout), >, generation);
  generation = atlas_timeline_layout_get_generation (layout);
  atlas_timeline_layout_update_for_height (layout, ppd * 2, 300);
  g_assert_cmpuint (atlas_timeline_layout_get_generation (layout), >, generation);
  generation = atlas_timeline_layout_get_generation (layout);
  atlas_timeline_layout_set_priority (layout, "red-fruit", -1);
  atlas_timeline_layout_update_for_height (layout, ppd * 2, 300);
  g_assert_cmpuint (atlas_timeline_layout_get_generation (layout), >, generation);
  g_assert_cmpuint (count_placed (layout, "red-fruit"), >, 0);
  generation = atlas_timeline_layout_get_generation (layout);
  atlas_timeline_layout_set_priority (layout, "red-fruit",
                                      entry_of (layout, "red-fruit-suspension"));
  atlas_timeline_layout_update_for_height (layout, ppd * 2, 300);
  g_assert_cmpuint (atlas_timeline_layout_get_generation (layout), >, generation);
  g_assert_nonnull (
      atlas_timeline_layout_get_item (layout, entry_of (layout, "red-fruit-suspension")));
  atlas_timeline_layout_set_hidden (layout, 1u << ATLAS_EVENT_CATEGORY_REGULATION);
  atlas_timeline_layout_update_for_height (layout, ppd * 2, 300);
  g_assert_false (atlas_timeline_layout_is_shown (layout, entry_of (layout, "nrta-directive")));
  g_assert_null (atlas_timeline_layout_get_item (layout, entry_of (layout, "nrta-directive")));

  /* In one lane 100 px wide, not all 27 can have a lane: placed as well
   * without the attempt. */
  atlas_timeline_layout_set_hidden (layout, 0);
  atlas_timeline_layout_set_priority (layout, NULL, -1);
  atlas_timeline_layout_update_for_height (layout,
                                           100 / (atlas_timeline_layout_get_last_day (layout) -
                                                  atlas_timeline_layout_get_first_day (layout)),
                                           100);
  g_assert_cmpuint (atlas_timeline_layout_get_n_clustered (layout), >, 0);
}

static void
test_hidden_categories (void)
{
  double ppd;
  g_autoptr (AtlasTimelineLayout) layout = new_layout (1920, 64, &ppd);
  g_autoptr (GPtrArray) items = g_ptr_array_new ();
  GListModel *events = atlas_dataset_get_events (dataset);
  guint regulation = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr (AtlasEvent) event = g_list_model_get_item (events, i);

      regulation += atlas_event_get_category (event) == ATLAS_EVENT_CATEGORY_REGULATION;
    }
  g_assert_cmpuint (regulation, ==, 9);

  atlas_timeline_layout_set_hidden (layout, 1u << ATLAS_EVENT_CATEGORY_REGULATION);
  atlas_timeline_layout_update (layout, ppd, 64);
  atlas_timeline_layout_collect_visible (layout, -1e9, 1e9, items, NULL);
  g_assert_cmpuint (items->len, ==, 27 - regulation);
  for (guint i = 0; i < items->len; i++)
    {
      AtlasEvent *event =
          atlas_timeline_layout_get_event (layout, ((AtlasTimelineItem *) items->pdata[i])->entry);

      g_assert_cmpint (atlas_event_get_category (event), !=, ATLAS_EVENT_CATEGORY_REGULATION);
    }

  /* Stepping skips them too. */
  for (int entry = atlas_timeline_layout_step (layout, -1, 1); entry >= 0;
       entry = atlas_timeline_layout_step (layout, entry, 1))
    g_assert_cmpint (
        atlas_event_get_category (atlas_timeline_layout_get_event (layout, (guint) entry)), !=,
        ATLAS_EVENT_CATEGORY_REGULATION);
}

static void
test_fuzzy_extents (void)
{
  double ppd;
  g_autoptr (AtlasTimelineLayout) layout = new_layout (20000, 64, &ppd);
  const AtlasTimelineItem *by_2022 =
      atlas_timeline_layout_get_item (layout, entry_of (layout, "short-video-billion"));
  const AtlasTimelineItem *late_september =
      atlas_timeline_layout_get_item (layout, entry_of (layout, "jumei-active"));
  const AtlasTimelineItem *early_2010s =
      atlas_timeline_layout_get_item (layout, entry_of (layout, "cinema-boom"));
  const AtlasTimelineItem *one_day =
      atlas_timeline_layout_get_item (layout, entry_of (layout, "production-framework"));

  /* "By 2022": the year 2022, with room kept for the fade of its open start. */
  g_assert_cmpfloat_with_epsilon (
      by_2022->x0, atlas_timeline_layout_day_to_x (layout, atlas_date_julian (2022, 1, 1)), 1e-6);
  g_assert_cmpfloat_with_epsilon (
      by_2022->x1, atlas_timeline_layout_day_to_x (layout, atlas_date_julian (2023, 1, 1)), 1e-6);
  g_assert_cmpfloat_with_epsilon (by_2022->occupied_x0, by_2022->x0 - ATLAS_TIMELINE_FADE_WIDTH,
                                  1e-6);

  /* "Late September 2025": the 21st to the 30th. */
  g_assert_cmpfloat_with_epsilon (
      late_september->x0, atlas_timeline_layout_day_to_x (layout, atlas_date_julian (2025, 9, 21)),
      1e-6);
  g_assert_cmpfloat_with_epsilon (
      late_september->x1, atlas_timeline_layout_day_to_x (layout, atlas_date_julian (2025, 10, 1)),
      1e-6);

  /* "Early 2010s": 2010 to 2013. */
  g_assert_cmpfloat_with_epsilon (
      early_2010s->x0, atlas_timeline_layout_day_to_x (layout, atlas_date_julian (2010, 1, 1)),
      1e-6);
  g_assert_cmpfloat_with_epsilon (
      early_2010s->x1, atlas_timeline_layout_day_to_x (layout, atlas_date_julian (2014, 1, 1)),
      1e-6);

  /* A day is at least a point wide. */
  g_assert_cmpfloat (one_day->x1 - one_day->x0, >=, ATLAS_TIMELINE_POINT_WIDTH);

  /* Labels that reach past the span widen the canvas. */
  g_assert_cmpfloat (
      atlas_timeline_layout_get_width (layout), >=,
      (atlas_timeline_layout_get_last_day (layout) - atlas_timeline_layout_get_first_day (layout)) *
          ppd);
}

static void
test_ticks (void)
{
  g_autoptr (GArray) years = NULL;
  g_autoptr (GArray) decades = NULL;
  g_autoptr (GArray) months = NULL;
  g_autoptr (GArray) days = NULL;
  AtlasTickSpacing spacing;

  /* Coarse: every year at 0.25 px/day needs 91 px; 80 px apart is enough */
  spacing = atlas_time_ticks_spacing (0.25, 80);
  g_assert_cmpint (spacing.unit, ==, ATLAS_TICK_YEAR);
  g_assert_cmpuint (spacing.step, ==, 1);
  years =
      atlas_time_ticks (atlas_date_julian (2014, 6, 1), atlas_date_julian (2018, 2, 1), spacing);
  g_assert_cmpuint (years->len, ==, 4);   /* 2015, 2016, 2017, 2018 */
  g_assert_cmpstr (g_array_index (years, AtlasTick, 0).label, ==, "2015");
  g_assert_cmpfloat (g_array_index (years, AtlasTick, 0).day, ==, atlas_date_julian (2015, 1, 1));
  g_assert_true (g_array_index (years, AtlasTick, 0).major);   /* a multiple of 5 */
  g_assert_false (g_array_index (years, AtlasTick, 1).major);

  spacing = atlas_time_ticks_spacing (0.01, 80);
  g_assert_cmpint (spacing.unit, ==, ATLAS_TICK_YEAR);
  g_assert_cmpuint (spacing.step, ==, 50);
  spacing.step = 10;
  decades =
      atlas_time_ticks (atlas_date_julian (1995, 1, 1), atlas_date_julian (2026, 1, 1), spacing);
  g_assert_cmpuint (decades->len, ==, 3);
  g_assert_cmpstr (g_array_index (decades, AtlasTick, 0).label, ==, "2000s");
  g_assert_cmpstr (g_array_index (decades, AtlasTick, 2).label, ==, "2020s");

  /* Fine: months, then days */
  spacing = atlas_time_ticks_spacing (3, 80);
  g_assert_cmpint (spacing.unit, ==, ATLAS_TICK_MONTH);
  g_assert_cmpuint (spacing.step, ==, 1);
  months =
      atlas_time_ticks (atlas_date_julian (2024, 11, 15), atlas_date_julian (2025, 3, 2), spacing);
  g_assert_cmpuint (months->len, ==, 4);
  g_assert_cmpstr (g_array_index (months, AtlasTick, 0).label, ==, "Dec");
  g_assert_cmpstr (g_array_index (months, AtlasTick, 1).label, ==, "2025");
  g_assert_true (g_array_index (months, AtlasTick, 1).major);
  for (guint i = 0; i < months->len; i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, (guint32) g_array_index (months, AtlasTick, i).day);
      g_assert_cmpuint (g_date_get_day (&date), ==, 1);
    }

  spacing = atlas_time_ticks_spacing (100, 80);
  g_assert_cmpint (spacing.unit, ==, ATLAS_TICK_DAY);
  g_assert_cmpuint (spacing.step, ==, 1);
  days =
      atlas_time_ticks (atlas_date_julian (2025, 9, 29), atlas_date_julian (2025, 10, 2), spacing);
  g_assert_cmpuint (days->len, ==, 4);
  g_assert_cmpstr (g_array_index (days, AtlasTick, 0).label, ==, "29");
  g_assert_cmpstr (g_array_index (days, AtlasTick, 2).label, ==, "Oct 2025");
}

static void
test_visible_only (void)
{
  double ppd;
  g_autoptr (AtlasTimelineLayout) layout = new_layout (20000, 64, &ppd);
  g_autoptr (GPtrArray) items = g_ptr_array_new ();
  double x0 = atlas_timeline_layout_day_to_x (layout, atlas_date_julian (2015, 1, 1));
  double x1 = atlas_timeline_layout_day_to_x (layout, atlas_date_julian (2016, 1, 1));

  atlas_timeline_layout_collect_visible (layout, x0, x1, items, NULL);
  /* The 2015 web dramas, and the early-2010s label reaching in, at most */
  g_assert_cmpuint (items->len, >=, 1);
  g_assert_cmpuint (items->len, <=, 2);
  for (guint i = 0; i < items->len; i++)
    {
      const AtlasTimelineItem *item = items->pdata[i];

      g_assert_cmpfloat (item->occupied_x1, >, x0);
      g_assert_cmpfloat (item->occupied_x0, <, x1);
    }
}

static void
test_hit (void)
{
  double ppd;
  g_autoptr (AtlasTimelineLayout) layout = new_layout (4000, 64, &ppd);
  g_autoptr (GPtrArray) items = g_ptr_array_new ();
  AtlasTimelineHit hit;

  atlas_timeline_layout_collect_visible (layout, -1e9, 1e9, items, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      const AtlasTimelineItem *item = items->pdata[i];
      double y = atlas_timeline_layout_lane_y (item->lane);

      /* On the bar, and on the label below it (right of the bar, or left of
       * it near the end) */
      g_assert_true (atlas_timeline_layout_hit (layout, item->x0 + 2, y + 4, &hit));
      g_assert_cmpint (hit.kind, ==, ATLAS_TIMELINE_HIT_EVENT);
      g_assert_cmpuint (hit.entry, ==, item->entry);
      g_assert_true (
          atlas_timeline_layout_hit (layout, (item->label_x + item->label_x1) / 2, y + 20, &hit));
      g_assert_cmpuint (hit.entry, ==, item->entry);
    }

  /* The axis and the space below the lanes are nothing. */
  g_assert_false (atlas_timeline_layout_hit (layout, 100, 5, &hit));
  g_assert_cmpint (hit.kind, ==, ATLAS_TIMELINE_HIT_NONE);
  g_assert_false (atlas_timeline_layout_hit (layout, 100, 5000, &hit));

  /* With one lane, the others gather in clusters, which can be hit. */
  atlas_timeline_layout_update (layout, ppd, 1);
  {
    g_autoptr (GPtrArray) clusters = g_ptr_array_new ();
    const AtlasTimelineCluster *cluster;

    atlas_timeline_layout_collect_visible (layout, -1e9, 1e9, NULL, clusters);
    g_assert_cmpuint (clusters->len, >, 0);
    cluster = clusters->pdata[0];
    g_assert_true (atlas_timeline_layout_hit (layout, cluster->x0 + 2,
                                              atlas_timeline_layout_cluster_y (layout) + 10, &hit));
    g_assert_cmpint (hit.kind, ==, ATLAS_TIMELINE_HIT_CLUSTER);
    g_assert_true (hit.cluster == cluster);
    g_assert_cmpfloat (cluster->first_day, <, cluster->last_day);
  }
}

/* A rendered image has the event's colour where its bar is. */
static void
test_pixels (void)
{
  double ppd;
  g_autoptr (AtlasTimelineLayout) layout = new_layout (1600, 64, &ppd);
  const AtlasTimelineItem *item =
      atlas_timeline_layout_get_item (layout, entry_of (layout, "web-drama-peak"));
  AtlasTimelineView view = { 0, 1600, 900, -1, -1, NULL, TRUE, NULL };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 900);
  cairo_t *cr = cairo_create (surface);
  AtlasColor market = style->categories[ATLAS_EVENT_CATEGORY_MARKET];
  int x = (int) ((item->x0 + item->x1) / 2);
  int y = (int) (atlas_timeline_layout_lane_y (item->lane) + ATLAS_TIMELINE_BAR_HEIGHT / 2);
  guint8 r, g, b, a;

  atlas_timeline_render (cr, layout, style, &view);
  cairo_surface_flush (surface);

  atlas_test_pixel (surface, x, y, &r, &g, &b, &a);
  g_assert_cmpuint (a, ==, 255);
  g_assert_cmpint (abs (r - (int) (market.red * 255)), <=, 2);
  g_assert_cmpint (abs (g - (int) (market.green * 255)), <=, 2);
  g_assert_cmpint (abs (b - (int) (market.blue * 255)), <=, 2);

  /* Below the lanes, far from any event: nothing drawn but perhaps a grid line */
  atlas_test_pixel (surface, x, 880, &r, &g, &b, &a);
  g_assert_cmpuint (a, <, 80);

  /* Dimmed when another entity is highlighted */
  view.highlight_entity = "nrta";
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  atlas_timeline_render (cr, layout, style, &view);
  cairo_surface_flush (surface);
  atlas_test_pixel (surface, x, y, &r, &g, &b, &a);
  g_assert_cmpuint (a, <, 100);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A cluster that holds lit events says so in the accent colour; one that
 * holds none stays grey. */
static void
test_cluster_shows_highlight (void)
{
  double ppd;
  g_autoptr (AtlasTimelineLayout) layout = new_layout (1600, 1, &ppd);
  g_autoptr (GPtrArray) clusters = g_ptr_array_new ();
  const AtlasTimelineCluster *holding = NULL;
  AtlasTimelineView view = { 0, 1600, 900, -1, -1, NULL, FALSE, NULL };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 900);
  guint8 plain[3], lit[3], a;
  int x, y;

  /* With one lane, Red Fruit's events wait in clusters. */
  atlas_timeline_layout_collect_visible (layout, -1e9, 1e9, NULL, clusters);
  for (guint i = 0; i < clusters->len && holding == NULL; i++)
    {
      guint n;
      const guint *entries =
          atlas_timeline_layout_get_cluster_entries (layout, clusters->pdata[i], &n);

      for (guint j = 0; j < n; j++)
        if (atlas_event_involves (atlas_timeline_layout_get_event (layout, entries[j]),
                                  "red-fruit"))
          holding = clusters->pdata[i];
    }
  g_assert_nonnull (holding);
  /* Inside the pill, left of its label. */
  x = (int) holding->x0 + 4;
  y = (int) (atlas_timeline_layout_cluster_y (layout) + ATLAS_TIMELINE_CLUSTER_HEIGHT / 2);

  for (guint pass = 0; pass < 2; pass++)
    {
      cairo_t *cr = cairo_create (surface);
      guint8 *rgb = pass == 0 ? plain : lit;

      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      view.highlight_entity = pass == 0 ? NULL : "red-fruit";
      atlas_timeline_render (cr, layout, style, &view);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      atlas_test_pixel (surface, x, y, &rgb[0], &rgb[1], &rgb[2], &a);
      g_assert_cmpuint (a, >, 0);
    }

  /* Lit, the pill takes the accent's hue: bluer than it was grey. */
  g_assert_cmpint (lit[2] - MAX (lit[0], lit[1]), >, plain[2] - MAX (plain[0], plain[1]) + 8);
  cairo_surface_destroy (surface);
}

/* How many pixels differ by more than @tolerance in a channel between
 * @tiled drawn by @tiles and @direct rendered whole. */
static guint
count_differences (AtlasTimelineLayout *layout,
                   AtlasTimelineTiles *tiles,
                   const AtlasTimelineView *tiled,
                   const AtlasTimelineView *direct,
                   int tolerance)
{
  int width = (int) direct->width, height = (int) direct->height;
  cairo_surface_t *a = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_surface_t *b = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr;
  guint differing = 0;

  cr = cairo_create (a);
  atlas_timeline_tiles_render (tiles, cr, layout, style, tiled);
  cairo_destroy (cr);
  cr = cairo_create (b);
  atlas_timeline_render (cr, layout, style, direct);
  cairo_destroy (cr);
  cairo_surface_flush (a);
  cairo_surface_flush (b);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 r1, g1, b1, a1, r2, g2, b2, a2;

        atlas_test_pixel (a, x, y, &r1, &g1, &b1, &a1);
        atlas_test_pixel (b, x, y, &r2, &g2, &b2, &a2);
        if (abs (r1 - r2) > tolerance || abs (g1 - g2) > tolerance || abs (b1 - b2) > tolerance ||
            abs (a1 - a2) > tolerance)
          differing++;
      }
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  return differing;
}

static void
render_tiled (AtlasTimelineLayout *layout,
              AtlasTimelineTiles *tiles,
              const AtlasTimelineView *view)
{
  cairo_surface_t *surface =
      cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) view->width, (int) view->height);
  cairo_t *cr = cairo_create (surface);

  atlas_timeline_tiles_render (tiles, cr, layout, style, view);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Tiles draw exactly what a direct render draws, wherever the view is:
 * antialiasing at tile seams may differ by a shade; the picture may not.
 * The view is drawn once before, for the first frame of a picture is
 * drawn whole, not from tiles. */
static guint
count_tile_differences (AtlasTimelineLayout *layout,
                        AtlasTimelineTiles *tiles,
                        const AtlasTimelineView *view)
{
  render_tiled (layout, tiles, view);
  return count_differences (layout, tiles, view, view, 40);
}

/* The font of the first run of @layout. */
static PangoFont *
first_font (PangoLayout *layout)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
  PangoGlyphItem *run = line->runs->data;

  return run->item->analysis.font;
}

/* A widget's text cache draws with the font options its text was measured
 * with, on whatever surface: the text drawn is the text measured, in the
 * fonts already loaded for measuring, on a tile (an image) as on a frame
 * drawn whole (a recording). */
static void
test_style_font_options (void)
{
  g_autoptr (AtlasStyle) widget_style = atlas_style_copy (style);
  cairo_font_options_t *options = cairo_font_options_create ();
  g_autoptr (GObject) measuring =
      G_OBJECT (pango_font_map_create_context (pango_cairo_font_map_get_default ()));
  g_autoptr (PangoLayout) measured = pango_layout_new (PANGO_CONTEXT (measuring));
  g_autoptr (PangoFontDescription) font = NULL;
  AtlasTextCache *texts = atlas_text_cache_new ();
  cairo_surface_t *targets[] = {
    cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64),
    cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL),
  };
  const char *text = "Red Fruit reaches 236 million monthly users";
  int measured_width;

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_ON);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  atlas_style_set_font_options (widget_style, options);
  pango_cairo_context_set_font_options (PANGO_CONTEXT (measuring), options);
  pango_cairo_context_set_resolution (PANGO_CONTEXT (measuring), widget_style->resolution);
  font = atlas_font_scaled (widget_style->font, 1.0, PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (measured, font);
  atlas_layout_set_text (measured, text);
  pango_layout_get_pixel_size (measured, &measured_width, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      cairo_t *cr = cairo_create (targets[i]);
      PangoLayout *drawn;
      int drawn_width;

      atlas_text_cache_begin_frame (texts, cr, widget_style);
      g_assert_true (cairo_font_options_equal (
          pango_cairo_context_get_font_options (atlas_text_cache_get_context (texts)), options));
      drawn = atlas_text_cache_get (texts, ATLAS_TEXT_BODY, text);
      pango_layout_get_pixel_size (drawn, &drawn_width, NULL);
      g_assert_cmpint (drawn_width, ==, measured_width);
      g_assert_true (first_font (drawn) == first_font (measured));
      atlas_text_cache_draw (texts, cr, ATLAS_TEXT_BODY, text, 0, 0);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (targets[i]);
    }

  atlas_text_cache_free (texts);
  cairo_font_options_destroy (options);
}

/* A widget's text is drawn on an image (a tile, a window's frame) through
 * the scaled font it was laid out in, once its options have the raster
 * target's merged in, as a widget's style has (atlas_style_new_for_widget()):
 * its glyphs are measured and loaded once, not again for a second scaled
 * font. The merge leaves the text's own hinting and antialiasing as they
 * were. */
static void
test_raster_font_options (void)
{
  g_autoptr (AtlasStyle) widget_style = atlas_style_copy (style);
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_font_options_t *expected;
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
  cairo_t *cr = cairo_create (target);
  AtlasTextCache *texts = atlas_text_cache_new ();
  cairo_scaled_font_t *laid_out;

  /* What GTK gives a widget's text: hinted, with unhinted metrics. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_MEDIUM);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  expected = cairo_font_options_copy (options);
  cairo_font_options_merge (options, atlas_raster_font_options ());
  g_assert_cmpint (cairo_font_options_get_hint_metrics (options), ==, CAIRO_HINT_METRICS_OFF);
  g_assert_cmpint (cairo_font_options_get_hint_style (options), ==, CAIRO_HINT_STYLE_MEDIUM);
  g_assert_cmpint (cairo_font_options_get_antialias (options), ==, CAIRO_ANTIALIAS_GRAY);
  g_assert_cmpint (cairo_font_options_get_subpixel_order (options), ==,
                   cairo_font_options_get_subpixel_order (expected));
  atlas_style_set_font_options (widget_style, options);

  atlas_text_cache_begin_frame (texts, cr, widget_style);
  laid_out = pango_cairo_font_get_scaled_font (
      PANGO_CAIRO_FONT (first_font (atlas_text_cache_get (texts, ATLAS_TEXT_BODY, "Red Fruit"))));
  g_assert_nonnull (laid_out);
  /* The scaled font cairo draws with on this target: the text's options
   * with the target's merged in. */
  cairo_set_scaled_font (cr, laid_out);
  g_assert_true (cairo_get_scaled_font (cr) == laid_out);

  atlas_text_cache_free (texts);
  cairo_destroy (cr);
  cairo_surface_destroy (target);
  cairo_font_options_destroy (expected);
  cairo_font_options_destroy (options);
}

static void
test_tiles_match (void)
{
  double ppd;
  g_autoptr (AtlasTimelineLayout) layout = new_layout (6000, 64, &ppd);
  g_autoptr (AtlasTimelineTiles) tiles = atlas_timeline_tiles_new ();
  static const double scrolls[] = { 0, 300, 1024, 2555 };
  gboolean seam_tested = FALSE;

  /* The first frame of a picture, and of one changed (here, the
   * selection), is drawn whole and keeps no tile: what follows it often
   * changes the picture again, as the window's first frame is followed by
   * one with the keyboard focus. The next frame of the same picture, at
   * any scroll, draws the tiles. */
  {
    AtlasTimelineView view = { 0, 1300, 600, 2, -1, "red-fruit", TRUE, NULL };

    g_assert_cmpuint (count_differences (layout, tiles, &view, &view, 0), ==, 0);
    view.selected = 3;
    g_assert_cmpuint (count_differences (layout, tiles, &view, &view, 0), ==, 0);
    g_assert_cmpuint (atlas_timeline_tiles_get_n_drawn (tiles), ==, 0);
    view.scroll_x = 10;
    render_tiled (layout, tiles, &view);
    /* Pixels 10 to 1309: the tiles from 0 to 1535. */
    g_assert_cmpuint (atlas_timeline_tiles_get_n_drawn (tiles), ==, 3);
  }

  for (guint i = 0; i < G_N_ELEMENTS (scrolls); i++)
    {
      AtlasTimelineView view = { scrolls[i], 1300, 600, 3, -1, "red-fruit", TRUE, NULL };
      guint drawn;

      g_assert_cmpuint (count_tile_differences (layout, tiles, &view), <, 1300 * 600 / 1000);

      /* Drawing the same view again reuses every tile. */
      drawn = atlas_timeline_tiles_get_n_drawn (tiles);
      render_tiled (layout, tiles, &view);
      g_assert_cmpuint (atlas_timeline_tiles_get_n_drawn (tiles), ==, drawn);
    }

  /* The "data as of" marker just right of a tile seam: both tiles agree on
   * which side of the line its label goes. */
  for (double width = 5000; !seam_tested; width += 37)
    {
      g_autoptr (AtlasTimelineLayout) seam_layout = new_layout (width, 64, &ppd);
      g_autoptr (AtlasTimelineTiles) seam_tiles = atlas_timeline_tiles_new ();
      double marker_x = atlas_timeline_layout_day_to_x (
          seam_layout, atlas_timeline_layout_get_latest_day (seam_layout));
      double in_tile = fmod (marker_x, ATLAS_TIMELINE_TILE_WIDTH);
      AtlasTimelineView view = { floor (marker_x - 650), 1300, 600, -1, -1, NULL, TRUE, NULL };

      if (in_tile < 20 || in_tile > 100)
        continue;
      g_assert_cmpuint (count_tile_differences (seam_layout, seam_tiles, &view), <,
                        1300 * 600 / 1000);
      seam_tested = TRUE;
    }

  /* A new zoom's passing frame draws the picture the tiles would, where
   * they would, and keeps none; the frame after it draws them. */
  for (guint i = 0; i < G_N_ELEMENTS (scrolls); i++)
    {
      guint drawn = atlas_timeline_tiles_get_n_drawn (tiles);
      AtlasTimelineView view = { scrolls[i] + 0.3, 1300, 600, -1, -1, NULL, TRUE, NULL, TRUE };
      AtlasTimelineView rounded = view;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1300, 600);
      cairo_t *cr = cairo_create (surface);

      atlas_timeline_layout_update (layout, ppd * (2 + i), 64);
      rounded.scroll_x = scrolls[i];
      rounded.passing = FALSE;
      /* Tiles are put on whole pixels: so is the passing frame. */
      g_assert_cmpuint (count_differences (layout, tiles, &view, &rounded, 0), ==, 0);
      g_assert_cmpuint (atlas_timeline_tiles_get_n_drawn (tiles), ==, drawn);
      view.passing = FALSE;
      atlas_timeline_tiles_render (tiles, cr, layout, style, &view);
      g_assert_cmpuint (atlas_timeline_tiles_get_n_drawn (tiles), >, drawn);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static char *
read_head (const char *path,
           gsize n)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_strndup (contents, MIN (n, length));
}

static guint
count_files (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_export_formats (void)
{
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  const char *names[] = { "timeline.png", "timeline.svg", "timeline.pdf" };
  const char *heads[] = { "\x89PNG", "<?xml", "%PDF" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (GError) error = NULL;
      g_autofree char *head = NULL;
      AtlasExportOptions options = { 0, 1200, 800, 2.0, FALSE, style, NULL, NULL, NULL };

      g_assert_true (atlas_export_format_for_path (path, &options.format));
      g_assert_true (
          atlas_figure_export (dataset, ATLAS_FIGURE_TIMELINE, file, &options, NULL, &error));
      g_assert_no_error (error);
      head = read_head (path, 5);
      g_assert_true (g_str_has_prefix (head, heads[i]));

      if (options.format == ATLAS_EXPORT_PNG)
        {
          cairo_surface_t *png = cairo_image_surface_create_from_png (path);

          g_assert_cmpint (cairo_image_surface_get_width (png), ==, 2400);
          g_assert_cmpint (cairo_image_surface_get_height (png), ==, 1600);
          cairo_surface_destroy (png);
        }
      g_unlink (path);
    }

  /* Only what was asked for is left: no temporary files. */
  g_assert_cmpuint (count_files (dir), ==, 0);
  g_rmdir (dir);
}

static void
test_export_atomic (void)
{
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "slide.png", NULL);
  g_autofree char *blocker = g_build_filename (dir, "folder.png", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) blocked = g_file_new_for_path (blocker);
  g_autoptr (GFile) missing = g_file_new_build_filename (dir, "no-such-folder", "x.png", NULL);
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *head = NULL;
  AtlasExportOptions options = { ATLAS_EXPORT_PNG, 400, 300, 1.0, FALSE, style, NULL, NULL, NULL };

  /* An existing file is replaced by a complete new one. */
  g_file_set_contents (path, "an old slide", -1, NULL);
  g_assert_true (
      atlas_figure_export (dataset, ATLAS_FIGURE_TIMELINE, file, &options, NULL, &error));
  head = read_head (path, 4);
  g_assert_cmpstr (head, ==, "\x89PNG");

  /* A failure leaves it as it was. */
  g_file_set_contents (path, "an old slide", -1, NULL);
  g_cancellable_cancel (cancelled);
  g_assert_false (
      atlas_figure_export (dataset, ATLAS_FIGURE_TIMELINE, file, &options, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_free (head);
  head = read_head (path, 100);
  g_assert_cmpstr (head, ==, "an old slide");

  /* A destination that cannot be replaced (a folder): written fully, then
   * refused at the rename, and the temporary file goes. */
  g_mkdir (blocker, 0700);
  g_assert_false (
      atlas_figure_export (dataset, ATLAS_FIGURE_TIMELINE, blocked, &options, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, blocker));
  g_clear_error (&error);
  g_assert_true (g_file_test (blocker, G_FILE_TEST_IS_DIR));

  /* A folder that does not exist is named as such. */
  g_assert_false (
      atlas_figure_export (dataset, ATLAS_FIGURE_TIMELINE, missing, &options, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "does not exist"));

  /* Nothing else is left in the folder. */
  g_assert_cmpuint (count_files (dir), ==, 2);
  g_unlink (path);
  g_rmdir (blocker);
  g_rmdir (dir);
}

/* A device that fills up half-way: the file-size limit makes writes past it
 * fail (EFBIG), as a full disk would. In a subprocess, as the limit is for
 * the whole process. */
static void
test_export_device_full (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      const char *target = g_getenv ("ATLAS_TEST_TARGET");
      g_autoptr (GFile) file = g_file_new_for_path (target);
      g_autoptr (GError) error = NULL;
      AtlasExportOptions options = {
        ATLAS_EXPORT_PNG, 1600, 1200, 2.0, FALSE, style, NULL, NULL, NULL
      };
      struct rlimit limit = { 20000, 20000 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (atlas_figure_export (dataset, "users", file, &options, NULL, &error));
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, target));
      g_printerr ("%s\n", error->message);
      return;
    }

  dir = g_dir_make_tmp (NULL, NULL);
  path = g_build_filename (dir, "slide.png", NULL);
  g_file_set_contents (path, "the slide from last week", -1, NULL);
  g_setenv ("ATLAS_TEST_TARGET", path, TRUE);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();

  /* The old file is whole, and nothing else is left. */
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "the slide from last week");
  }
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_unlink (path);
  g_rmdir (dir);
}

static void
cancel_while_drawing (cairo_t *cr,
                      const AtlasStyle *draw_style,
                      double width,
                      double height,
                      gpointer user_data)
{
  /* Half the picture drawn, then the person cancels */
  cairo_rectangle (cr, 0, 0, width / 2, height);
  cairo_fill (cr);
  g_cancellable_cancel (user_data);
}

static void
test_export_cancelled (void)
{
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  AtlasExportOptions options = {
    ATLAS_EXPORT_PDF, 800, 600, 1.0, FALSE, style, "Title", NULL, NULL
  };

  g_file_set_contents (path, "last week's chart", -1, NULL);
  g_assert_false (
      atlas_export_write (file, &options, cancel_while_drawing, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "last week's chart");
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_unlink (path);
  g_rmdir (dir);
}

/* Where writing cannot even start: a folder that is a file. */
static void
test_export_unwritable (void)
{
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *not_a_folder = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr (GFile) file = g_file_new_build_filename (not_a_folder, "chart.png", NULL);
  g_autoptr (GError) error = NULL;
  AtlasExportOptions options = { ATLAS_EXPORT_PNG, 400, 300, 1.0, FALSE, style, NULL, NULL, NULL };

  g_file_set_contents (not_a_folder, "notes", -1, NULL);
  g_assert_false (atlas_figure_export (dataset, "revenue", file, &options, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "is not a folder"));
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_unlink (not_a_folder);
  g_rmdir (dir);
}

/* The "data as of" pill covers no tick label, and no tick label is drawn
 * over another: the texts of the axis, kept as an SVG keeps them, measured
 * as drawn. At the widths of the timeline in a 1280 and an 1100 pixel
 * window, and of the export. */
static void
test_axis_labels_clear (void)
{
  static const double widths[] = { 994, 814, 1856 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      AtlasTimelineLayout *layout = atlas_timeline_layout_new ();
      PangoContext *context = atlas_style_create_context (style);
      cairo_surface_t *surface =
          cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) widths[w], 600);
      cairo_t *cr = cairo_create (surface);
      g_autoptr (AtlasSvgText) texts = atlas_svg_text_new ();
      g_autoptr (GString) svg = g_string_new (NULL);
      g_autoptr (GRegex) element =
          g_regex_new ("<text x=\"([0-9.-]+)\" y=\"([0-9.-]+)\"[^>]*>([^<]*)</text>", 0, 0, NULL);
      g_autoptr (GMatchInfo) match = NULL;
      g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (double) * 2);
      AtlasTimelineView view = { 0, widths[w], 600, -1, -1, NULL, TRUE, NULL };
      double pill[2] = { 0, 0 };
      gboolean found_pill = FALSE;

      atlas_timeline_layout_set_events (layout, atlas_dataset_get_events (dataset), context,
                                        style->font);
      atlas_timeline_layout_update_for_height (
          layout,
          widths[w] / atlas_timeline_layout_scaled_days (
                          layout, atlas_timeline_layout_get_first_day (layout),
                          atlas_timeline_layout_get_last_day (layout)),
          600);
      atlas_svg_text_attach (texts, cr);
      atlas_timeline_render (cr, layout, style, &view);
      atlas_svg_text_write (texts, svg);

      g_regex_match (element, svg->str, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *x = g_match_info_fetch (match, 1);
          g_autofree char *y = g_match_info_fetch (match, 2);
          g_autofree char *text = g_match_info_fetch (match, 3);
          gboolean is_pill = g_str_has_prefix (text, "Data as of");
          g_autoptr (PangoLayout) measure = atlas_style_create_layout (
              style, cr, 0.85, is_pill ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
          double span[2];

          if (g_ascii_strtod (y, NULL) > ATLAS_TIMELINE_AXIS_HEIGHT || g_str_equal (text, "≈"))
            continue;
          span[0] = g_ascii_strtod (x, NULL);
          span[1] = span[0] + atlas_text_width (measure, text);
          if (is_pill)
            {
              /* The pill is the text and 6 px either side. */
              pill[0] = span[0] - 6, pill[1] = span[1] + 6;
              found_pill = TRUE;
            }
          else
            g_array_append_vals (spans, span, 1);
        }
      g_assert_true (found_pill);
      g_assert_cmpuint (spans->len, >=, 4);
      for (guint i = 0; i < spans->len; i++)
        {
          const double *a = &g_array_index (spans, double, 2 * i);

          g_assert_true (a[1] <= pill[0] || a[0] >= pill[1]);
          if (i > 0)
            g_assert_cmpfloat (a[0], >=, (&g_array_index (spans, double, 2 * (i - 1)))[1]);
        }
      g_test_message ("%.0f px: %u tick labels, the pill at %.0f–%.0f", widths[w], spans->len,
                      pill[0], pill[1]);

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      g_object_unref (context);
      atlas_timeline_layout_free (layout);
    }
}

/* The cheap widths the timeline lays out by are never narrower than the
 * shaped text, so no label overlaps the next; and not much wider, so lanes
 * are not wasted: for every event's title and date, English and Chinese. */
static void
test_cheap_widths (void)
{
  g_autoptr (GObject) context =
      G_OBJECT (pango_font_map_create_context (pango_cairo_font_map_get_default ()));
  g_autoptr (PangoLayout) layout = pango_layout_new (PANGO_CONTEXT (context));
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  g_autoptr (AtlasTextWidths) widths = NULL;
  GListModel *events = atlas_dataset_get_events (dataset);
  const char *more[] = { "China’s micro-drama industry (中国微短剧)",
                         "红果短剧：月活2.36亿",
                         "“Micro-Drama Management Act” confirmed",
                         "AI加快“漫剧”制作",
                         "Jumei Vertical Screen Film Center开业",
                         "2025年10月下旬",
                         NULL };

  pango_layout_set_font_description (layout, font);
  widths = atlas_text_widths_new (layout);
  for (guint i = 0; i < g_list_model_get_n_items (events) * 2 + G_N_ELEMENTS (more) - 1; i++)
    {
      g_autoptr (AtlasEvent) event =
          i < g_list_model_get_n_items (events) * 2 ? g_list_model_get_item (events, i / 2) : NULL;
      const char *text = event == NULL ? more[i - g_list_model_get_n_items (events) * 2]
                         : i % 2       ? atlas_fuzzy_date_get_text (atlas_event_get_date (event))
                                       : atlas_event_get_title (event);
      double shaped = atlas_text_width (layout, text);
      double cheap = atlas_text_widths_measure (widths, text);

      g_test_message ("%s: shaped %.0f, cheap %.0f", text, shaped, cheap);
      g_assert_cmpfloat (cheap, >=, shaped);
      g_assert_cmpfloat (cheap, <=, shaped * 1.1 + 2);

      /* Each character alone is as wide as a layout of it makes it, and
       * a pixel for the rounding. */
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          g_autofree char *one = g_strndup (p, (gsize) (g_utf8_next_char (p) - p));

          g_assert_cmpfloat (atlas_text_widths_measure (widths, one), ==,
                             atlas_text_width (layout, one) + 1);
        }
    }
}

int
main (int argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dataset = atlas_dataset_load_default (&error);
  g_assert_no_error (error);
  style = atlas_style_new (FALSE, FALSE);

  g_test_add_func ("/timeline-render/lanes-never-overlap", test_lanes_never_overlap);
  g_test_add_func ("/timeline-render/priority-first", test_priority_first);
  g_test_add_func ("/timeline-render/measured-in-thread", test_measured_in_thread);
  g_test_add_func ("/timeline-render/placed-once", test_placed_once);
  g_test_add_func ("/timeline-render/cheap-widths", test_cheap_widths);
  g_test_add_func ("/timeline-render/hidden-categories", test_hidden_categories);
  g_test_add_func ("/timeline-render/fuzzy-extents", test_fuzzy_extents);
  g_test_add_func ("/timeline-render/ticks", test_ticks);
  g_test_add_func ("/timeline-render/visible-only", test_visible_only);
  g_test_add_func ("/timeline-render/hit", test_hit);
  g_test_add_func ("/timeline-render/axis-labels-clear", test_axis_labels_clear);
  g_test_add_func ("/timeline-render/pixels", test_pixels);
  g_test_add_func ("/timeline-render/cluster-shows-highlight", test_cluster_shows_highlight);
  g_test_add_func ("/timeline-render/tiles-match", test_tiles_match);
  g_test_add_func ("/timeline-render/style-font-options", test_style_font_options);
  g_test_add_func ("/timeline-render/raster-font-options", test_raster_font_options);
  g_test_add_func ("/timeline-render/export-formats", test_export_formats);
  g_test_add_func ("/timeline-render/export-atomic", test_export_atomic);
  g_test_add_func ("/timeline-render/export-device-full", test_export_device_full);
  g_test_add_func ("/timeline-render/export-cancelled", test_export_cancelled);
  g_test_add_func ("/timeline-render/export-unwritable", test_export_unwritable);

  status = g_test_run ();
  atlas_style_free (style);
  g_clear_object (&dataset);
  return status;
}
