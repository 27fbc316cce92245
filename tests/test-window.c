/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

/* The main window under Xvfb: the sidebar lists every entity, search filters
 * it, selecting shows the detail, relations select their target, state is
 * kept in GSettings, and a broken dataset file leaves the current one. */

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "atlas-entity-detail.h"
#include "atlas-entity-row.h"
#include "atlas-loader.h"
#include "atlas-test-utils.h"
#include "atlas-ui-resources.h"
#include "atlas-window.h"

static AtlasDataset *dataset;

static GtkWidget *
child (AtlasWindow *window,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window), ATLAS_TYPE_WINDOW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static guint
count_rows (AtlasWindow *window,
            guint *n_headers)
{
  GtkWidget *list = child (window, "entity_list");
  guint rows = 0;

  if (n_headers != NULL)
    *n_headers = 0;
  for (GtkWidget *w = gtk_widget_get_first_child (list); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (ATLAS_IS_ENTITY_ROW (w))
      {
        rows++;
        if (n_headers != NULL && gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (w)) != NULL)
          (*n_headers)++;
      }
  return rows;
}

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done returns TRUE, for at most ten seconds. */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer data)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add_seconds (10, timed_out, &expired);

  while (!done (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (expired);
  g_source_remove (id);
}

static AtlasWindow *
new_window (GSettings *settings)
{
  AtlasWindow *window = atlas_window_new (NULL, dataset, settings);

  gtk_window_present (GTK_WINDOW (window));
  atlas_test_iterate ();
  return window;
}

static void
search (AtlasWindow *window,
        const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (window, "search_entry")), text);
  /* GtkSearchEntry delays search-changed; do not wait for it. */
  g_signal_emit_by_name (child (window, "search_entry"), "search-changed");
  atlas_test_iterate ();
}

static void
test_sidebar_lists_every_entity (void)
{
  AtlasWindow *window = new_window (NULL);
  guint headers;

  g_assert_cmpuint (count_rows (window, &headers), ==, 33);
  /* platforms, companies, studios, broadcasters, regulators, people, hubs, markets */
  g_assert_cmpuint (headers, ==, 8);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (window, "content_stack"))),
                   ==, "empty");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search_filters (void)
{
  AtlasWindow *window = new_window (NULL);
  GtkStack *sidebar = GTK_STACK (child (window, "sidebar_stack"));

  search (window, "hongguo");
  g_assert_cmpuint (count_rows (window, NULL), ==, 1);

  search (window, "红果");
  g_assert_cmpuint (count_rows (window, NULL), ==, 1);

  search (window, "TENCENT");
  g_assert_cmpuint (count_rows (window, NULL), ==, 2);

  search (window, "no such thing");
  g_assert_cmpuint (count_rows (window, NULL), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar), ==, "empty");

  search (window, "");
  g_assert_cmpuint (count_rows (window, NULL), ==, 33);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar), ==, "list");

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_action_row (GtkWidget *root,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found = find_action_row (w, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_selection_shows_detail (void)
{
  AtlasWindow *window = new_window (NULL);
  AtlasEntityDetail *detail = ATLAS_ENTITY_DETAIL (child (window, "detail"));
  GtkListBox *list = GTK_LIST_BOX (child (window, "entity_list"));
  GtkListBoxRow *row;
  GtkWidget *figure, *relation;

  /* A click on a row: the list selects it. */
  search (window, "hippo");
  row = gtk_list_box_get_row_at_index (list, 0);
  gtk_list_box_select_row (list, row);
  g_signal_emit_by_name (list, "row-activated", row);
  atlas_test_iterate ();
  g_assert_cmpstr (atlas_entity_get_id (atlas_entity_detail_get_entity (detail)), ==,
                   "hippo-theater");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (window, "content_stack"))),
                   ==, "detail");
  search (window, "");

  g_assert_true (atlas_window_select_entity (window, "red-fruit"));
  atlas_test_iterate ();
  g_assert_cmpstr (atlas_entity_get_id (atlas_entity_detail_get_entity (detail)), ==, "red-fruit");
  row = gtk_list_box_get_selected_row (list);
  g_assert_cmpstr (atlas_entity_get_id (atlas_entity_row_get_entity (ATLAS_ENTITY_ROW (row))), ==,
                   "red-fruit");

  /* The figure with its sentence. */
  figure = find_action_row (GTK_WIDGET (detail), "Monthly active users: 236 million people");
  g_assert_nonnull (figure);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (figure)),
                            "“In September, it had 236 million monthly active users, surpassing "
                            "Youku and Bilibili.” — Caixin"));

  /* A relation selects the related entity, here and in the sidebar. */
  relation = find_action_row (GTK_WIDGET (detail), "ByteDance");
  g_assert_nonnull (relation);
  g_signal_emit_by_name (relation, "activated");
  atlas_test_iterate ();
  g_assert_cmpstr (atlas_window_get_selected_id (window), ==, "bytedance");
  row = gtk_list_box_get_selected_row (list);
  g_assert_cmpstr (atlas_entity_get_id (atlas_entity_row_get_entity (ATLAS_ENTITY_ROW (row))), ==,
                   "bytedance");

  /* Selecting an entity that a search hides clears the search. */
  search (window, "nrta");
  g_assert_true (atlas_window_select_entity (window, "youku"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (window, "search_entry"))), ==, "");
  g_assert_false (atlas_window_select_entity (window, "no-such-entity"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_state_is_kept (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  AtlasWindow *window = new_window (settings);
  int width, height;

  atlas_window_select_entity (window, "nrta");
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_close (GTK_WINDOW (window));
  atlas_test_iterate ();

  {
    g_autofree char *selected = g_settings_get_string (settings, "selected-entity");

    g_assert_cmpstr (selected, ==, "nrta");
  }
  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  window = new_window (settings);
  g_assert_cmpstr (atlas_window_get_selected_id (window), ==, "nrta");
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_message_dialog (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w))
        {
          *(char **) data = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (w)));
          gtk_window_destroy (w);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
dataset_changed (gpointer data)
{
  AtlasWindow *window = data;

  return atlas_window_get_dataset (window) != dataset;
}

static void
test_open_dataset (void)
{
  AtlasWindow *window = new_window (NULL);
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *minimal = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autoptr (GFile) broken_file = g_file_new_for_path (broken);
  g_autoptr (GFile) minimal_file = g_file_new_for_path (minimal);
  g_autofree char *body = NULL;

  atlas_window_select_entity (window, "red-fruit");

  /* A broken file is told in the window, and the dataset stays. */
  g_file_set_contents (broken, "{\"format\": \"microdrama-atlas\", \"version\": \"9.0\"}", -1,
                       NULL);
  atlas_window_open_file (window, broken_file);
  wait_until (has_message_dialog, &body);
  g_assert_true (g_str_has_prefix (body, broken));
  g_assert_nonnull (strstr (body, "format version 9.0 is not supported"));
  g_assert_true (atlas_window_get_dataset (window) == dataset);
  g_assert_cmpstr (atlas_window_get_selected_id (window), ==, "red-fruit");

  /* A good one replaces it. */
  atlas_window_open_file (window, minimal_file);
  wait_until (dataset_changed, window);
  g_assert_cmpstr (atlas_dataset_get_title (atlas_window_get_dataset (window)), ==,
                   "Minimal dataset");
  g_assert_cmpstr (
      adw_window_title_get_subtitle (ADW_WINDOW_TITLE (child (window, "window_title"))), ==,
      "Minimal dataset");
  atlas_test_iterate ();
  g_assert_cmpuint (count_rows (window, NULL), ==, 2);
  /* Red Fruit is not in it: nothing is selected. */
  g_assert_null (atlas_window_get_selected_id (window));

  /* A load in progress can be stopped; the dataset shown stays. */
  {
    AtlasDataset *shown = atlas_window_get_dataset (window);

    atlas_window_open_file (window, minimal_file);
    g_assert_true (atlas_window_is_loading (window));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-load", NULL);
    g_assert_false (atlas_window_is_loading (window));
    for (guint i = 0; i < 50; i++)
      g_main_context_iteration (NULL, FALSE);
    g_usleep (100000);
    atlas_test_iterate ();
    g_assert_true (atlas_window_get_dataset (window) == shown);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (broken);
  g_rmdir (dir);
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

  g_test_add_func ("/window/sidebar-lists-every-entity", test_sidebar_lists_every_entity);
  g_test_add_func ("/window/search-filters", test_search_filters);
  g_test_add_func ("/window/selection-shows-detail", test_selection_shows_detail);
  g_test_add_func ("/window/state-is-kept", test_state_is_kept);
  g_test_add_func ("/window/open-dataset", test_open_dataset);

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
