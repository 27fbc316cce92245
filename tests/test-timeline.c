/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-timeline"

#include "config.h"

/* The timeline widget under Xvfb, driven through its own event controllers. */

#include <math.h>

#include "atlas-loader.h"
#include "atlas-selection.h"
#include "atlas-timeline.h"
/* After GTK, for its widget helpers. */
#include "atlas-test-utils.h"
#include "atlas-ui-resources.h"

static AtlasDataset *dataset;

typedef struct
{
  GtkWindow *window;
  AtlasTimeline *timeline;
  AtlasSelection *selection;
} Fixture;

static void
fixture_set_up (Fixture *fixture,
                gconstpointer data)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->timeline = ATLAS_TIMELINE (atlas_timeline_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (fixture->timeline));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_window_set_child (fixture->window, scroller);
  gtk_window_set_default_size (fixture->window, 1000, 420);
  atlas_timeline_set_dataset (fixture->timeline, dataset);
  fixture->selection = atlas_selection_new (dataset);
  atlas_timeline_set_selection (fixture->timeline, fixture->selection);
  atlas_test_add_selection_actions (GTK_WIDGET (fixture->window), fixture->selection);
  gtk_window_present (fixture->window);

  /* Until it has its size */
  for (guint i = 0; i < 200 && gtk_widget_get_width (GTK_WIDGET (fixture->timeline)) < 900; i++)
    g_main_context_iteration (NULL, TRUE);
  atlas_test_iterate ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->timeline)), >=, 900);
}

static void
fixture_tear_down (Fixture *fixture,
                   gconstpointer data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->selection);
  atlas_test_iterate ();
}

static void
click (Fixture *fixture,
       double x,
       double y)
{
  GtkEventController *gesture =
      atlas_test_find_controller (GTK_WIDGET (fixture->timeline), GTK_TYPE_GESTURE_CLICK);

  g_signal_emit_by_name (gesture, "released", 1, x, y);
  atlas_test_iterate ();
}

/* What a key bound to @action does (class_init binds them). */
static void
act (Fixture *fixture,
     const char *action,
     int direction)
{
  if (direction != 0)
    g_assert_true (
        gtk_widget_activate_action (GTK_WIDGET (fixture->timeline), action, "i", direction));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->timeline), action, NULL));
  atlas_test_iterate ();
}

static void
test_zoom_keeps_pointer_day (Fixture *fixture,
                             gconstpointer data)
{
  double before = atlas_timeline_x_to_day (fixture->timeline, 300);
  double ppd = atlas_timeline_get_px_per_day (fixture->timeline);

  atlas_timeline_zoom (fixture->timeline, 2.0, 300);
  g_assert_cmpfloat_with_epsilon (atlas_timeline_get_px_per_day (fixture->timeline), ppd * 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (atlas_timeline_x_to_day (fixture->timeline, 300), before, 0.01);

  atlas_timeline_zoom (fixture->timeline, 8.0, 700);
  before = atlas_timeline_x_to_day (fixture->timeline, 120);
  atlas_timeline_zoom (fixture->timeline, 0.7, 120);
  g_assert_cmpfloat_with_epsilon (atlas_timeline_x_to_day (fixture->timeline, 120), before, 0.01);

  /* It never zooms out past the whole span. */
  atlas_timeline_zoom (fixture->timeline, 1e-6, 500);
  g_assert_cmpfloat_with_epsilon (atlas_timeline_get_px_per_day (fixture->timeline), ppd, 1e-9);

  /* The 0 key fits all, the + key zooms around the centre. */
  atlas_timeline_zoom (fixture->timeline, 3.0, 0);
  act (fixture, "timeline.zoom-fit", 0);
  g_assert_cmpfloat_with_epsilon (atlas_timeline_get_px_per_day (fixture->timeline), ppd, 1e-9);
  act (fixture, "timeline.zoom-in", 0);
  g_assert_cmpfloat_with_epsilon (atlas_timeline_get_px_per_day (fixture->timeline), ppd * 1.25,
                                  1e-9);
}

static void
test_click_selects_event (Fixture *fixture,
                          gconstpointer data)
{
  AtlasEvent *event = atlas_dataset_lookup_event (dataset, "web-drama-peak");
  double x, y;

  g_assert_true (atlas_timeline_get_event_position (fixture->timeline, event, &x, &y));
  click (fixture, x + 3, y);
  g_assert_true (atlas_timeline_get_selected_event (fixture->timeline) == event);
  g_assert_true (atlas_selection_get_event (fixture->selection) == event);

  /* A click on the label selects it too; a click on nothing clears. */
  event = atlas_dataset_lookup_event (dataset, "cinema-boom");
  g_assert_true (atlas_timeline_get_event_position (fixture->timeline, event, &x, &y));
  click (fixture, x + 20, y + 18);
  g_assert_true (atlas_timeline_get_selected_event (fixture->timeline) == event);
  click (fixture, 5, 410);
  g_assert_null (atlas_timeline_get_selected_event (fixture->timeline));
  g_assert_cmpint (atlas_selection_get_kind (fixture->selection), ==, ATLAS_SELECTION_NONE);
}

static void
test_keyboard_steps (Fixture *fixture,
                     gconstpointer data)
{
  GListModel *events = atlas_dataset_get_events (dataset);
  g_autoptr (AtlasEvent) first = g_list_model_get_item (events, 0);
  g_autoptr (AtlasEvent) second = g_list_model_get_item (events, 1);
  g_autoptr (AtlasEvent) last =
      g_list_model_get_item (events, g_list_model_get_n_items (events) - 1);

  act (fixture, "timeline.focus-end", -1); /* Home */
  g_assert_true (atlas_timeline_get_focused_event (fixture->timeline) == first);
  act (fixture, "timeline.focus-step", 1); /* → */
  g_assert_true (atlas_timeline_get_focused_event (fixture->timeline) == second);
  act (fixture, "timeline.focus-step", -1); /* ← */
  g_assert_true (atlas_timeline_get_focused_event (fixture->timeline) == first);
  act (fixture, "timeline.focus-step", -1); /* stays at the first */
  g_assert_true (atlas_timeline_get_focused_event (fixture->timeline) == first);

  act (fixture, "timeline.activate-focused", 0); /* Enter */
  g_assert_true (atlas_selection_get_event (fixture->selection) == first);
  g_assert_true (atlas_timeline_get_selected_event (fixture->timeline) == first);

  act (fixture, "timeline.focus-end", 1); /* End */
  g_assert_true (atlas_timeline_get_focused_event (fixture->timeline) == last);

  /* Zoom keys, one step: the timeline's own. */
  {
    double ppd = atlas_timeline_get_px_per_day (fixture->timeline);

    act (fixture, "timeline.zoom-in", 0);
    g_assert_cmpfloat_with_epsilon (atlas_timeline_get_px_per_day (fixture->timeline), ppd * 1.25,
                                    1e-9);
    act (fixture, "timeline.zoom-fit", 0);
    g_assert_cmpfloat_with_epsilon (atlas_timeline_get_px_per_day (fixture->timeline), ppd, 1e-9);
  }

  /* Hidden categories are stepped over. */
  atlas_timeline_set_hidden_categories (fixture->timeline, 1u << atlas_event_get_category (second));
  act (fixture, "timeline.focus-end", -1);
  act (fixture, "timeline.focus-step", 1);
  g_assert_true (atlas_timeline_get_focused_event (fixture->timeline) != second);
}

static void
test_highlight_scrolls (Fixture *fixture,
                        gconstpointer data)
{
  AtlasEvent *event = atlas_dataset_lookup_event (dataset, "red-fruit-suspension");
  double x, y;

  /* Zoomed in on the early 2010s, Red Fruit's first event is out of view… */
  atlas_timeline_zoom (fixture->timeline, 20, 0);
  g_assert_true (atlas_timeline_get_event_position (fixture->timeline, event, &x, &y) == FALSE ||
                 x > 1000 || x < 0);

  /* …until Red Fruit is selected: then all of its events are in view, each
   * in a lane of its own. */
  atlas_selection_select_entity (fixture->selection, "red-fruit");
  atlas_test_iterate ();
  g_assert_cmpstr (atlas_timeline_get_highlight_entity (fixture->timeline), ==, "red-fruit");
  {
    g_autoptr (GPtrArray) events = atlas_dataset_list_events_for (dataset, "red-fruit");

    g_assert_cmpuint (events->len, ==, 5);
    for (guint i = 0; i < events->len; i++)
      {
        g_assert_true (
            atlas_timeline_get_event_position (fixture->timeline, events->pdata[i], &x, &y));
        g_assert_cmpfloat (x, >=, 0);
        g_assert_cmpfloat (x, <, 1000);
      }
  }
}

/* As the loading bar's thread does: the labels measured in @data's style,
 * in the thread's own font map. */
static gpointer
measure_in_thread (gpointer data)
{
  const AtlasStyle *measure = data;
  g_autoptr (AtlasDataset) other = atlas_dataset_load_default (NULL);
  PangoContext *context = atlas_style_create_context (measure);
  AtlasTimelineLayout *layout = atlas_timeline_layout_new ();

  g_assert_nonnull (other);
  atlas_timeline_layout_set_events (layout, atlas_dataset_get_events (other), context,
                                    measure->font);
  g_object_set_data_full (G_OBJECT (context), "dataset", g_steal_pointer (&other), g_object_unref);
  g_object_set_data (G_OBJECT (context), "layout", layout);
  return context;
}

/* Labels measured in a thread are taken when they were measured in the
 * style the widget measures in, font options included, and measured again
 * otherwise: the thread measures as the widget draws. */
static void
test_takes_labels_measured_alike (Fixture *fixture,
                                  gconstpointer data)
{
  g_autoptr (AtlasStyle) measure = atlas_timeline_dup_label_style (fixture->timeline);
  g_autoptr (AtlasStyle) unlike = atlas_style_copy (measure);
  cairo_font_options_t *options = cairo_font_options_create ();

  g_assert_nonnull (measure->font_options);
  /* The widget's own, with what a raster target adds (see
   * atlas_raster_font_options()). */
  {
    const cairo_font_options_t *own = pango_cairo_context_get_font_options (
        gtk_widget_get_pango_context (GTK_WIDGET (fixture->timeline)));
    cairo_font_options_t *expected = cairo_font_options_copy (own);

    cairo_font_options_merge (expected, atlas_raster_font_options ());
    g_assert_true (cairo_font_options_equal (measure->font_options, expected));
    cairo_font_options_destroy (expected);
  }
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_ON);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_FULL);
  atlas_style_set_font_options (unlike, options);
  cairo_font_options_destroy (options);
  g_assert_true (atlas_style_measures_alike (measure, measure));
  g_assert_false (atlas_style_measures_alike (measure, unlike));

  for (guint round = 0; round < 2; round++)
    {
      AtlasStyle *style = round == 0 ? measure : unlike;
      g_autoptr (GThread) thread = g_thread_new ("measure", measure_in_thread, style);
      g_autoptr (GObject) context = g_thread_join (g_steal_pointer (&thread));
      AtlasDataset *other = g_object_get_data (context, "dataset");
      AtlasTimelineLayout *prepared = g_object_get_data (context, "layout");
      guint n = atlas_timeline_layout_get_n_entries (prepared);

      g_assert_cmpuint (n, >, 0);
      atlas_timeline_set_dataset_measured (fixture->timeline, other, prepared, style);
      g_assert_cmpuint (atlas_timeline_layout_get_n_entries (prepared), ==, round == 0 ? 0 : n);
      atlas_timeline_layout_free (prepared);
      atlas_test_iterate ();
      atlas_timeline_set_dataset (fixture->timeline, dataset);
    }
}

int
main (int argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  if (!atlas_test_init_gtk (&argc, &argv, atlas_ui_register_resource))
    return 77; /* meson: not run */

  dataset = atlas_dataset_load_default (&error);
  g_assert_no_error (error);

  g_test_add ("/timeline/zoom-keeps-pointer-day", Fixture, NULL, fixture_set_up,
              test_zoom_keeps_pointer_day, fixture_tear_down);
  g_test_add ("/timeline/click-selects-event", Fixture, NULL, fixture_set_up,
              test_click_selects_event, fixture_tear_down);
  g_test_add ("/timeline/keyboard-steps", Fixture, NULL, fixture_set_up, test_keyboard_steps,
              fixture_tear_down);
  g_test_add ("/timeline/highlight-scrolls", Fixture, NULL, fixture_set_up, test_highlight_scrolls,
              fixture_tear_down);
  g_test_add ("/timeline/takes-labels-measured-alike", Fixture, NULL, fixture_set_up,
              test_takes_labels_measured_alike, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
