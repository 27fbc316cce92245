/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-timeline"

#include "config.h"

/* How long a timeline frame takes, for synthetic datasets of 1,000 and
 * 100,000 events, whole span in view and a one-month window in the densest
 * part; and how long laying out 100,000 events takes, whole and in its two
 * steps: measuring the labels (done in the loading thread when the window
 * opens a file) and placing them (done on the main thread). Prints BENCH
 * lines.
 *
 * The named frame figures are the widget's usual frame, drawn from its kept
 * tiles; the -cold figures draw a picture not drawn before, whole, as the
 * first frame after a change of selection or focus does; -zoom is a zoom
 * step's frame, drawn whole too, with the placement at the new zoom before
 * it; -scroll, the frames of a scroll (and the slowest of them, which draws
 * a tile coming into view). Placing is in two parts: the entries, once a
 * dataset, and the lanes, at each zoom. */

#include <stdlib.h>

#include "atlas-timeline-layout.h"
#include "atlas-timeline-renderer.h"
#include "atlas-timeline-tiles.h"

#define FRAME_WIDTH 1920
#define FRAME_HEIGHT 480
#define RUNS 25

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  return atlas_event_compare (*(AtlasEvent *const *) a, *(AtlasEvent *const *) b);
}

/* Most events crowd into 2024–2025, as in the real data; the rest spread
 * over 2010–2025. Days, months, years and open starts are mixed. */
static GListModel *
make_events (guint n)
{
  GListStore *store = g_list_store_new (ATLAS_TYPE_EVENT);
  g_autoptr (GRand) rand = g_rand_new_with_seed (2025);
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  guint32 dense_start = atlas_date_julian (2024, 1, 1),
          dense_end = atlas_date_julian (2025, 12, 31);
  guint32 all_start = atlas_date_julian (2010, 1, 1);

  for (guint i = 0; i < n; i++)
    {
      guint32 start =
          g_rand_double (rand) < 0.7
              ? (guint32) g_rand_int_range (rand, (gint32) dense_start, (gint32) dense_end)
              : (guint32) g_rand_int_range (rand, (gint32) all_start, (gint32) dense_end);
      double kind = g_rand_double (rand);
      g_autoptr (AtlasFuzzyDate) date = NULL;
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *title = g_strdup_printf ("Synthetic event number %u", i);
      GDate d;

      g_date_clear (&d, 1);
      g_date_set_julian (&d, start);
      if (kind < 0.5)
        date = atlas_fuzzy_date_new (start, start, ATLAS_DATE_PRECISION_DAY,
                                     ATLAS_DATE_QUALIFIER_NONE, FALSE, NULL);
      else if (kind < 0.8)
        {
          guint y = g_date_get_year (&d), m = g_date_get_month (&d);

          date = atlas_fuzzy_date_new (atlas_date_julian (y, m, 1),
                                       atlas_date_julian (y, m, g_date_get_days_in_month (m, y)),
                                       ATLAS_DATE_PRECISION_MONTH, ATLAS_DATE_QUALIFIER_NONE, FALSE,
                                       NULL);
        }
      else
        {
          guint y = g_date_get_year (&d);

          date = atlas_fuzzy_date_new (
              atlas_date_julian (y, 1, 1), atlas_date_julian (y, 12, 31), ATLAS_DATE_PRECISION_YEAR,
              kind < 0.95 ? ATLAS_DATE_QUALIFIER_NONE : ATLAS_DATE_QUALIFIER_BY, FALSE, NULL);
        }

      g_ptr_array_add (events, atlas_event_new (id, date, (AtlasEventCategory) (i % 6), title, NULL,
                                                NULL, "A sentence.", "src", NULL));
    }

  g_ptr_array_sort (events, compare_events);
  g_list_store_splice (store, 0, 0, events->pdata, events->len);
  return G_LIST_MODEL (store);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* One frame of @view drawn from @tiles onto @surface, as the widget does:
 * milliseconds. */
static double
frame_ms (AtlasTimelineTiles *tiles,
          cairo_surface_t *surface,
          AtlasTimelineLayout *layout,
          const AtlasStyle *style,
          const AtlasTimelineView *view)
{
  cairo_t *cr = cairo_create (surface);
  gint64 start;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  start = g_get_monotonic_time ();
  atlas_timeline_tiles_render (tiles, cr, layout, style, view);
  cairo_surface_flush (surface);
  cairo_destroy (cr);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Frames as the widget draws them: from tiles kept between frames (warm),
 * or of a picture not drawn before (cold, as after a change of selection),
 * drawn whole. */
static double
median_frame_ms (AtlasTimelineLayout *layout,
                 const AtlasStyle *style,
                 double scroll_x,
                 gboolean cold)
{
  cairo_surface_t *surface =
      cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_WIDTH, FRAME_HEIGHT);
  g_autoptr (AtlasTimelineTiles) tiles = atlas_timeline_tiles_new ();
  AtlasTimelineView view = { scroll_x, FRAME_WIDTH, FRAME_HEIGHT, -1, -1, NULL, TRUE, NULL };
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      if (cold)
        atlas_timeline_tiles_invalidate (tiles);
      times[i] = frame_ms (tiles, surface, layout, style, &view);
    }
  cairo_surface_destroy (surface);

  qsort (times, RUNS, sizeof times[0], compare_doubles);
  return times[RUNS / 2];
}

/* Frames of a scroll through the month view, 48 px a frame, as a wheel or
 * a drag gives them: from the kept tiles, drawing each one that comes into
 * view. The slowest of these frames is the one that draws a new tile. */
static void
scroll_frames_ms (AtlasTimelineLayout *layout,
                  const AtlasStyle *style,
                  double scroll_x,
                  double *median,
                  double *slowest)
{
  cairo_surface_t *surface =
      cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_WIDTH, FRAME_HEIGHT);
  g_autoptr (AtlasTimelineTiles) tiles = atlas_timeline_tiles_new ();
  AtlasTimelineView view = { scroll_x, FRAME_WIDTH, FRAME_HEIGHT, -1, -1, NULL, TRUE, NULL };
  double times[RUNS * 4];

  /* The first frame of the picture is drawn whole, the second draws every
   * tile in view: neither is a scroll's. */
  frame_ms (tiles, surface, layout, style, &view);
  frame_ms (tiles, surface, layout, style, &view);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      view.scroll_x += 48;
      times[i] = frame_ms (tiles, surface, layout, style, &view);
    }
  cairo_surface_destroy (surface);

  qsort (times, G_N_ELEMENTS (times), sizeof times[0], compare_doubles);
  *median = times[G_N_ELEMENTS (times) / 2];
  *slowest = times[G_N_ELEMENTS (times) - 1];
}

/* A zoom step's frame, as the widget makes it: the events placed at the
 * new zoom, then every tile in view drawn afresh. Steps of 1.25 in and out
 * around June 2025, from a week in view to a year. The medians of the
 * placing and of the drawing too, in @place and @draw. */
static double
median_zoom_frame_ms (AtlasTimelineLayout *layout,
                      const AtlasStyle *style,
                      double *place,
                      double *draw)
{
  cairo_surface_t *surface =
      cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_WIDTH, FRAME_HEIGHT);
  g_autoptr (AtlasTimelineTiles) tiles = atlas_timeline_tiles_new ();
  double px_per_day = FRAME_WIDTH / 7.0, step = 1 / 1.25;
  double times[RUNS], places[RUNS], draws[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      /* Passing, as the widget draws the frame after placing anew. */
      AtlasTimelineView view = { 0, FRAME_WIDTH, FRAME_HEIGHT, -1, -1, NULL, TRUE, NULL, TRUE };
      gint64 start;

      if (px_per_day * step < FRAME_WIDTH / 365.0 || px_per_day * step > FRAME_WIDTH / 7.0)
        step = 1 / step;
      px_per_day *= step;
      start = g_get_monotonic_time ();
      atlas_timeline_layout_update_for_height (layout, px_per_day, FRAME_HEIGHT);
      view.scroll_x = atlas_timeline_layout_day_to_x (layout, atlas_date_julian (2025, 6, 1));
      places[i] = (g_get_monotonic_time () - start) / 1000.0;
      draws[i] = frame_ms (tiles, surface, layout, style, &view);
      times[i] = places[i] + draws[i];
    }
  cairo_surface_destroy (surface);

  qsort (times, RUNS, sizeof times[0], compare_doubles);
  qsort (places, RUNS, sizeof places[0], compare_doubles);
  qsort (draws, RUNS, sizeof draws[0], compare_doubles);
  *place = places[RUNS / 2];
  *draw = draws[RUNS / 2];
  return times[RUNS / 2];
}

static void
bench (guint n,
       const AtlasStyle *style,
       gboolean report_layout)
{
  g_autoptr (GListModel) events = make_events (n);
  g_autoptr (AtlasTimelineLayout) layout = atlas_timeline_layout_new ();
  PangoContext *context = atlas_style_create_context (style);
  guint lanes = atlas_timeline_layout_lanes_for_height (FRAME_HEIGHT);
  double span, overview, detail, overview_cold, detail_cold, month_x, scroll, scroll_slowest;
  double zoom, zoom_place, zoom_draw;
  g_autoptr (GArray) labels = NULL;
  gint64 start, measured, prepared;

  start = g_get_monotonic_time ();
  labels = atlas_timeline_measure_labels (events, context, style->font);
  measured = g_get_monotonic_time ();
  atlas_timeline_layout_set_events_measured (layout, events, labels);
  prepared = g_get_monotonic_time ();
  span = atlas_timeline_layout_get_last_day (layout) - atlas_timeline_layout_get_first_day (layout);
  atlas_timeline_layout_update (layout, FRAME_WIDTH / span, lanes);
  if (report_layout)
    {
      gint64 end = g_get_monotonic_time ();

      g_print ("BENCH timeline-layout-%u %.1f ms\n", n, (end - start) / 1000.0);
      g_print ("BENCH timeline-layout-measure-%u %.1f ms\n", n, (measured - start) / 1000.0);
      g_print ("BENCH timeline-layout-place-%u %.1f ms\n", n, (end - measured) / 1000.0);
      g_print ("BENCH timeline-layout-place-entries-%u %.1f ms\n", n,
               (prepared - measured) / 1000.0);
      g_print ("BENCH timeline-layout-place-lanes-%u %.1f ms\n", n, (end - prepared) / 1000.0);
    }
  g_object_unref (context);

  /* The whole span */
  overview = median_frame_ms (layout, style, 0, FALSE);
  overview_cold = median_frame_ms (layout, style, 0, TRUE);

  /* One month, in the densest part: June 2025 */
  atlas_timeline_layout_update (layout, FRAME_WIDTH / 30.0, lanes);
  month_x = atlas_timeline_layout_day_to_x (layout, atlas_date_julian (2025, 6, 1));
  detail = median_frame_ms (layout, style, month_x, FALSE);
  detail_cold = median_frame_ms (layout, style, month_x, TRUE);
  if (g_getenv ("ATLAS_BENCH_VERBOSE"))
    {
      g_autoptr (GPtrArray) items = g_ptr_array_new ();
      g_autoptr (GPtrArray) clusters = g_ptr_array_new ();

      atlas_timeline_layout_collect_visible (layout, month_x, month_x + FRAME_WIDTH, items,
                                             clusters);
      g_printerr ("%u events, detail: %u items, %u clusters\n", n, items->len, clusters->len);
    }

  atlas_timeline_layout_update (layout, FRAME_WIDTH / 30.0, lanes);
  scroll_frames_ms (layout, style, month_x, &scroll, &scroll_slowest);
  zoom = median_zoom_frame_ms (layout, style, &zoom_place, &zoom_draw);

  g_print ("BENCH timeline-frame-overview-%u %.2f ms\n", n, overview);
  g_print ("BENCH timeline-frame-detail-%u %.2f ms\n", n, detail);
  g_print ("BENCH timeline-frame-overview-cold-%u %.2f ms\n", n, overview_cold);
  g_print ("BENCH timeline-frame-detail-cold-%u %.2f ms\n", n, detail_cold);
  g_print ("BENCH timeline-frame-zoom-%u %.2f ms\n", n, zoom);
  g_print ("BENCH timeline-frame-zoom-place-%u %.2f ms\n", n, zoom_place);
  g_print ("BENCH timeline-frame-zoom-draw-%u %.2f ms\n", n, zoom_draw);
  g_print ("BENCH timeline-frame-scroll-%u %.2f ms\n", n, scroll);
  g_print ("BENCH timeline-frame-scroll-slowest-%u %.2f ms\n", n, scroll_slowest);
}

int
main (int argc,
      char *argv[])
{
  g_autoptr (AtlasStyle) style = atlas_style_new (FALSE, FALSE);

  bench (1000, style, TRUE);
  bench (100000, style, TRUE);
  return 0;
}
