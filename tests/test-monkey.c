/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-monkey"

#include "config.h"

/* A few thousand random inputs to the window — selections, searches, clicks,
 * keys, scrolls, drags and zooms on the timeline and the charts, page
 * switches, resizes, category filters and dataset reloads — driven through
 * the widgets' own controllers and actions, with every critical warning
 * fatal. Nothing may crash or warn. The seed is fixed; ATLAS_MONKEY_SEED and
 * ATLAS_MONKEY_STEPS explore further. */

#include "atlas-chart.h"
#include "atlas-loader.h"
#include "atlas-sidebar.h"
#include "atlas-test-utils.h"
#include "atlas-timeline.h"
#include "atlas-ui-resources.h"
#include "atlas-window.h"

static GObject *
child (AtlasWindow *window,
       const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (window), ATLAS_TYPE_WINDOW, name);
}

static GObject *
sidebar_child (AtlasWindow *window,
               const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (child (window, "sidebar")), ATLAS_TYPE_SIDEBAR,
                                        name);
}

static AtlasChart *
visible_chart (AtlasWindow *window)
{
  GtkWidget *chart = atlas_window_get_chart (window, atlas_window_get_visible_figure (window));

  return chart != NULL ? ATLAS_CHART (chart) : NULL;
}

/* What a key does: the action it is bound to, with a random direction for
 * those that take one. */
static void
press (GtkWidget *widget,
       const char *action,
       GRand *rand)
{
  if (g_str_has_suffix (action, "-step") || g_str_has_suffix (action, "-end") ||
      g_str_has_suffix (action, ".page"))
    gtk_widget_activate_action (widget, action, "i", g_rand_boolean (rand) ? 1 : -1);
  else
    gtk_widget_activate_action (widget, action, NULL);
}

static void
test_monkey (void)
{
  static const char *timeline_keys[] = {
    "timeline.focus-step",
    "timeline.focus-end",
    "timeline.page",
    "timeline.zoom-in",
    "timeline.zoom-out",
    "timeline.zoom-fit",
    "timeline.activate-focused",
    "win.clear-selection",
    "win.go-back",
    "win.go-forward",
  };
  static const char *chart_keys[] = {
    "chart.focus-step",    "chart.focus-end", "chart.activate-focused",
    "win.clear-selection", "win.go-back",     "win.go-forward",
  };
  static const char *searches[] = { "", "red", "红果", "NRTA", "zz", "iq", "x", "Tencent", "市场" };
  static const char *pages[] = { "timeline", "users", "titles", "revenue" };
  const char *seed_text = g_getenv ("ATLAS_MONKEY_SEED");
  const char *steps_text = g_getenv ("ATLAS_MONKEY_STEPS");
  /* Kinds of input to leave out, as numbers separated by commas: to narrow a failure down. */
  g_auto (GStrv) skip =
      g_strsplit (g_getenv ("ATLAS_MONKEY_SKIP") ? g_getenv ("ATLAS_MONKEY_SKIP") : "", ",", -1);
  guint32 seed = seed_text ? (guint32) g_ascii_strtoull (seed_text, NULL, 10) : 4242;
  guint steps = steps_text ? (guint) g_ascii_strtoull (steps_text, NULL, 10) : 3000;
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) bundled = atlas_dataset_load_default (&error);
  g_autofree char *minimal_path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autoptr (GFile) minimal_file = g_file_new_for_path (minimal_path);
  g_autoptr (AtlasDataset) minimal = atlas_dataset_load_file (minimal_file, NULL, &error);
  AtlasWindow *window;
  AtlasTimeline *timeline;

  g_assert_no_error (error);
  window = atlas_window_new (NULL, bundled, NULL);
  timeline = ATLAS_TIMELINE (child (window, "timeline"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  atlas_test_iterate ();

  for (guint step = 0; step < steps; step++)
    {
      AtlasDataset *dataset = atlas_window_get_dataset (window);
      GListModel *entities = atlas_dataset_get_entities (dataset);
      GListModel *events = atlas_dataset_get_events (dataset);
      AtlasChart *chart = visible_chart (window);
      double x = g_rand_double_range (rand, -20, 1400);
      double y = g_rand_double_range (rand, -20, 900);

      int kind = g_rand_int_range (rand, 0, 17);
      g_autofree char *kind_text = g_strdup_printf ("%d", kind);

      if (g_strv_contains ((const char *const *) skip, kind_text))
        continue;

      switch (kind)
        {
        case 0:
          {
            g_autoptr (AtlasEntity) entity = g_list_model_get_item (
                entities,
                (guint) g_rand_int_range (rand, 0, (gint32) g_list_model_get_n_items (entities)));

            gtk_widget_activate_action (GTK_WIDGET (window), "win.select-entity", "s",
                                        atlas_entity_get_id (entity));
            break;
          }
        case 1:
          gtk_editable_set_text (GTK_EDITABLE (sidebar_child (window, "search_entry")),
                                 searches[g_rand_int_range (rand, 0, G_N_ELEMENTS (searches))]);
          g_signal_emit_by_name (sidebar_child (window, "search_entry"), "search-changed");
          break;
        case 2: atlas_timeline_zoom (timeline, g_rand_double_range (rand, 0.2, 5), x); break;
        case 3:
          press (GTK_WIDGET (timeline),
                 timeline_keys[g_rand_int_range (rand, 0, G_N_ELEMENTS (timeline_keys))], rand);
          break;
        case 4:
          g_signal_emit_by_name (
              atlas_test_find_controller (GTK_WIDGET (timeline), GTK_TYPE_GESTURE_CLICK),
              "released", 1, x, y);
          break;
        case 5:
          {
            gboolean handled;

            g_signal_emit_by_name (atlas_test_find_controller (GTK_WIDGET (timeline),
                                                               GTK_TYPE_EVENT_CONTROLLER_SCROLL),
                                   "scroll", g_rand_double_range (rand, -5, 5),
                                   g_rand_double_range (rand, -5, 5), &handled);
            break;
          }
        case 6:
          {
            GtkEventController *drag =
                atlas_test_find_controller (GTK_WIDGET (timeline), GTK_TYPE_GESTURE_DRAG);

            g_signal_emit_by_name (drag, "drag-begin", x, y);
            g_signal_emit_by_name (drag, "drag-update", g_rand_double_range (rand, -3000, 3000),
                                   0.0);
            g_signal_emit_by_name (drag, "drag-end", 0.0, 0.0);
            break;
          }
        case 7:
          {
            const char *page = pages[g_rand_int_range (rand, 0, G_N_ELEMENTS (pages))];

            if (adw_view_stack_get_child_by_name (ADW_VIEW_STACK (child (window, "view_stack")),
                                                  page) != NULL)
              adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child (window, "view_stack")),
                                                     page);
            break;
          }
        case 8:
          if (chart != NULL)
            g_signal_emit_by_name (
                atlas_test_find_controller (GTK_WIDGET (chart), GTK_TYPE_GESTURE_CLICK), "released",
                1, x, y);
          break;
        case 9:
          if (chart != NULL)
            press (GTK_WIDGET (chart),
                   chart_keys[g_rand_int_range (rand, 0, G_N_ELEMENTS (chart_keys))], rand);
          break;
        case 10:
          if (chart != NULL)
            g_signal_emit_by_name (
                atlas_test_find_controller (GTK_WIDGET (chart), GTK_TYPE_EVENT_CONTROLLER_MOTION),
                "motion", x, y);
          break;
        case 11:
          gtk_window_set_default_size (GTK_WINDOW (window), g_rand_int_range (rand, 360, 1600),
                                       g_rand_int_range (rand, 400, 1000));
          break;
        case 12:
          atlas_timeline_set_hidden_categories (timeline, g_rand_int_range (rand, 0, 64));
          break;
        case 13:
          if (g_list_model_get_n_items (events) > 0)
            {
              g_autoptr (AtlasEvent) event = g_list_model_get_item (
                  events,
                  (guint) g_rand_int_range (rand, 0, (gint32) g_list_model_get_n_items (events)));

              gtk_widget_activate_action (GTK_WIDGET (window), "win.select-event", "s",
                                          atlas_event_get_id (event));
            }
          break;
        case 14:
          /* A dataset reload, now and then, while loading one from a file */
          if (g_rand_int_range (rand, 0, 10) == 0)
            atlas_window_set_dataset (window, g_rand_boolean (rand) ? bundled : minimal);
          else if (g_rand_int_range (rand, 0, 10) == 0)
            atlas_window_open_file (window, minimal_file);
          break;
        case 16:
          {
            /* A click on a sidebar row, as the list box reports it */
            GtkListBox *list = GTK_LIST_BOX (sidebar_child (window, "entity_list"));
            GtkListBoxRow *row =
                gtk_list_box_get_row_at_index (list, g_rand_int_range (rand, 0, 40));

            if (row != NULL)
              {
                gtk_list_box_select_row (list, row);
                g_signal_emit_by_name (list, "row-activated", row);
              }
            break;
          }
        default:
          gtk_widget_activate_action (GTK_WIDGET (window),
                                      g_rand_boolean (rand) ? "win.zoom-in" : "win.zoom-fit", NULL);
          break;
        }

      /* Let it lay out, draw and finish loads, every few steps. */
      if (step % 7 == 0)
        for (guint i = 0; i < 3; i++)
          g_main_context_iteration (NULL, FALSE);
    }

  atlas_test_iterate ();
  gtk_window_destroy (GTK_WINDOW (window));
  atlas_test_iterate ();
}

int
main (int argc,
      char *argv[])
{
  if (!atlas_test_init_gtk (&argc, &argv, atlas_ui_register_resource))
    return 77; /* meson: not run */

  g_test_add_func ("/monkey/random-inputs", test_monkey);
  return g_test_run ();
}
