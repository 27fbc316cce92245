/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-timeline"

#include "config.h"

/* The timeline widget under Xvfb, driven through its own event controllers. */

#include <math.h>

#include "atlas-event-detail.h"
#include "atlas-loader.h"
#include "atlas-test-utils.h"
#include "atlas-timeline.h"
#include "atlas-ui-resources.h"
#include "atlas-window.h"

static AtlasDataset *dataset;

typedef struct
{
  GtkWindow *window;
  AtlasTimeline *timeline;
  AtlasEvent *activated;
} Fixture;

static void
on_activated (AtlasTimeline *timeline,
              AtlasEvent *event,
              Fixture *fixture)
{
  fixture->activated = event;
}

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
  g_signal_connect (fixture->timeline, "event-activated", G_CALLBACK (on_activated), fixture);
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

static gboolean
press_key (Fixture *fixture,
           guint keyval)
{
  GtkEventController *keys =
      atlas_test_find_controller (GTK_WIDGET (fixture->timeline), GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &handled);
  atlas_test_iterate ();
  return handled;
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
  g_assert_true (press_key (fixture, GDK_KEY_0));
  g_assert_cmpfloat_with_epsilon (atlas_timeline_get_px_per_day (fixture->timeline), ppd, 1e-9);
  g_assert_true (press_key (fixture, GDK_KEY_plus));
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
  g_assert_true (fixture->activated == event);

  /* A click on the label selects it too; a click on nothing changes nothing. */
  event = atlas_dataset_lookup_event (dataset, "cinema-boom");
  g_assert_true (atlas_timeline_get_event_position (fixture->timeline, event, &x, &y));
  click (fixture, x + 20, y + 18);
  g_assert_true (atlas_timeline_get_selected_event (fixture->timeline) == event);
  click (fixture, 5, 410);
  g_assert_true (atlas_timeline_get_selected_event (fixture->timeline) == event);
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

  g_assert_true (press_key (fixture, GDK_KEY_Home));
  g_assert_true (atlas_timeline_get_focused_event (fixture->timeline) == first);
  g_assert_true (press_key (fixture, GDK_KEY_Right));
  g_assert_true (atlas_timeline_get_focused_event (fixture->timeline) == second);
  g_assert_true (press_key (fixture, GDK_KEY_Left));
  g_assert_true (atlas_timeline_get_focused_event (fixture->timeline) == first);
  g_assert_true (press_key (fixture, GDK_KEY_Left));   /* stays at the first */
  g_assert_true (atlas_timeline_get_focused_event (fixture->timeline) == first);

  g_assert_true (press_key (fixture, GDK_KEY_Return));
  g_assert_true (fixture->activated == first);
  g_assert_true (atlas_timeline_get_selected_event (fixture->timeline) == first);

  g_assert_true (press_key (fixture, GDK_KEY_End));
  g_assert_true (atlas_timeline_get_focused_event (fixture->timeline) == last);

  g_assert_true (press_key (fixture, GDK_KEY_Escape));
  g_assert_null (atlas_timeline_get_selected_event (fixture->timeline));
  g_assert_null (atlas_timeline_get_focused_event (fixture->timeline));
  g_assert_false (press_key (fixture, GDK_KEY_Escape));

  /* Hidden categories are stepped over. */
  atlas_timeline_set_hidden_categories (fixture->timeline, 1u << atlas_event_get_category (second));
  press_key (fixture, GDK_KEY_Home);
  press_key (fixture, GDK_KEY_Right);
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

  /* …until Red Fruit is highlighted. */
  atlas_timeline_set_highlight_entity (fixture->timeline, "red-fruit");
  atlas_test_iterate ();
  g_assert_cmpstr (atlas_timeline_get_highlight_entity (fixture->timeline), ==, "red-fruit");
  event = atlas_dataset_lookup_event (dataset, "clean-up-campaign");  /* its first event, 2023 */
  g_assert_true (atlas_timeline_get_event_position (fixture->timeline, event, &x, &y));
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (x, <, 1000);
}

static void
test_window_links (void)
{
  AtlasWindow *window = atlas_window_new (NULL, dataset, NULL);
  AtlasTimeline *timeline = ATLAS_TIMELINE (
      gtk_widget_get_template_child (GTK_WIDGET (window), ATLAS_TYPE_WINDOW, "timeline"));
  AtlasEventDetail *detail = ATLAS_EVENT_DETAIL (
      gtk_widget_get_template_child (GTK_WIDGET (window), ATLAS_TYPE_WINDOW, "event_detail"));
  GtkStack *stack = GTK_STACK (
      gtk_widget_get_template_child (GTK_WIDGET (window), ATLAS_TYPE_WINDOW, "content_stack"));
  AtlasEvent *event = atlas_dataset_lookup_event (dataset, "red-fruit-suspension");

  gtk_window_present (GTK_WINDOW (window));
  atlas_test_iterate ();

  /* The sidebar's entity lights up its events. */
  atlas_window_select_entity (window, "red-fruit");
  g_assert_cmpstr (atlas_timeline_get_highlight_entity (timeline), ==, "red-fruit");

  /* An event chosen on the timeline shows its detail. */
  g_signal_emit_by_name (timeline, "event-activated", event);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "event");
  g_assert_true (atlas_event_detail_get_event (detail) == event);

  /* The detail's entity selects it in the sidebar. */
  g_signal_emit_by_name (detail, "entity-activated", "red-fruit");
  g_assert_cmpstr (atlas_window_get_selected_id (window), ==, "red-fruit");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "detail");

  /* And selecting an event from elsewhere selects it on the timeline. */
  atlas_window_select_event (window, event);
  g_assert_true (atlas_timeline_get_selected_event (timeline) == event);

  gtk_window_destroy (GTK_WINDOW (window));
  atlas_test_iterate ();
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
  g_test_add_func ("/timeline/window-links", test_window_links);

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
