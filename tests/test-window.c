/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

/* The main window under Xvfb: the sidebar lists every entity, search filters
 * it, selecting shows the detail, relations select their target, state is
 * kept in GSettings, and a broken dataset file leaves the current one.
 *
 * And the one selection every view follows, from every direction: from the
 * sidebar, the timeline, a chart and a detail pane's links to all the others;
 * Escape clearing all; Back and Forward restoring what was selected. The
 * expected values are the bundled dataset's. */

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "atlas-chart.h"
#include "atlas-entity-detail.h"
#include "atlas-entity-row.h"
#include "atlas-event-detail.h"
#include "atlas-loader.h"
#include "atlas-loading-bar.h"
#include "atlas-sidebar.h"
#include "atlas-style.h"
#include "atlas-test-utils.h"
#include "atlas-timeline.h"
#include "atlas-ui-resources.h"
#include "atlas-window.h"

static AtlasDataset *dataset;

/* What a row's title or subtitle says, its markup (each run's language)
 * taken off. Returns a string owned by the test, freed at its end. */
static const char *
plain (const char *markup)
{
  static GPtrArray *kept;
  char *text = NULL;

  if (markup == NULL)
    return NULL;
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL));
  if (kept == NULL)
    kept = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (kept, text);
  return text;
}

static GtkWidget *
child (AtlasWindow *window,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window), ATLAS_TYPE_WINDOW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static GtkWidget *
sidebar_child (AtlasWindow *window,
               const char *name)
{
  GObject *object =
      gtk_widget_get_template_child (child (window, "sidebar"), ATLAS_TYPE_SIDEBAR, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

/* Chooses as a person would, through the window's actions. */
static void
choose (AtlasWindow *window,
        const char *action,
        const char *id)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, id ? "s" : NULL, id));
  atlas_test_iterate ();
}

/* The id of the selected entity (or the selected figure's), or NULL. */
static const char *
selected_entity (AtlasWindow *window)
{
  AtlasEntity *entity = atlas_selection_get_entity (atlas_window_get_selection (window));

  return entity ? atlas_entity_get_id (entity) : NULL;
}

/* The entity of the sidebar's selected row, or NULL. */
static const char *
sidebar_entity (AtlasWindow *window)
{
  GtkListBoxRow *row =
      gtk_list_box_get_selected_row (GTK_LIST_BOX (sidebar_child (window, "entity_list")));

  return row ? atlas_entity_get_id (atlas_entity_row_get_entity (ATLAS_ENTITY_ROW (row))) : NULL;
}

/* The page of the detail pane, or "none" when the pane is hidden, as it is
 * while nothing is selected. */
static const char *
detail_page (AtlasWindow *window)
{
  if (!gtk_widget_get_visible (child (window, "detail_pane")))
    return "none";
  return gtk_stack_get_visible_child_name (GTK_STACK (child (window, "content_stack")));
}

static guint
count_rows (AtlasWindow *window,
            guint *n_headers)
{
  GtkWidget *list = sidebar_child (window, "entity_list");
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

/* Appends to @out the pages' buttons of each switcher under @root, "|"
 * between switchers: "Timeline,Audiences|Timeline,Audiences". */
static void
append_switcher_buttons (GtkWidget *root,
                         GString *out)
{
  if (ADW_IS_VIEW_SWITCHER (root))
    {
      if (out->len > 0)
        g_string_append_c (out, '|');
      for (GtkWidget *b = gtk_widget_get_first_child (root); b != NULL;
           b = gtk_widget_get_next_sibling (b))
        {
          g_autofree char *label = NULL;

          g_object_get (b, "label", &label, NULL);
          if (b != gtk_widget_get_first_child (root))
            g_string_append_c (out, ',');
          g_string_append (out, label);
        }
      return;
    }
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    append_switcher_buttons (w, out);
}

/* The buttons of the switchers at the top of @window, its wide one and
 * its narrow one. */
static char *
switcher_buttons (AtlasWindow *window)
{
  GString *out = g_string_new (NULL);

  append_switcher_buttons (child (window, "switcher_title"), out);
  return g_string_free (out, FALSE);
}

/* The search results shown: how many of each kind (entities, events,
 * figures), as the result rows' actions say. */
static void
count_results (AtlasWindow *window,
               guint counts[3])
{
  GtkWidget *list = sidebar_child (window, "result_list");

  counts[0] = counts[1] = counts[2] = 0;
  for (GtkWidget *w = gtk_widget_get_first_child (list); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    {
      const char *action =
          GTK_IS_ACTIONABLE (w) ? gtk_actionable_get_action_name (GTK_ACTIONABLE (w)) : NULL;

      if (g_strcmp0 (action, "win.select-entity") == 0)
        counts[0]++;
      else if (g_strcmp0 (action, "win.select-event") == 0)
        counts[1]++;
      else if (g_strcmp0 (action, "win.select-figure") == 0)
        counts[2]++;
    }
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
  gtk_editable_set_text (GTK_EDITABLE (sidebar_child (window, "search_entry")), text);
  /* GtkSearchEntry delays search-changed; do not wait for it. */
  g_signal_emit_by_name (sidebar_child (window, "search_entry"), "search-changed");
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
  g_assert_cmpstr (detail_page (window), ==, "none");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Each row's name in the interface's font, English runs with their Latin
 * family (atlas_text_attributes()), though the row was made before it was
 * placed in the window: the same as a label in the window is given. */
static void
test_rows_take_their_font (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *font_name = NULL;
  AtlasWindow *window;
  guint rows = 0;

  g_object_get (settings, "gtk-font-name", &font_name, NULL);
  g_object_set (settings, "gtk-font-name", "DejaVu Serif 11", NULL);
  window = new_window (NULL);

  for (GtkWidget *w = gtk_widget_get_first_child (sidebar_child (window, "entity_list")); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *name;
      const PangoFontDescription *font;
      PangoAttrList *expected;

      if (!ATLAS_IS_ENTITY_ROW (w))
        continue;
      name = gtk_widget_get_first_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (w)));
      font = pango_context_get_font_description (gtk_widget_get_pango_context (name));
      g_assert_cmpstr (pango_font_description_get_family (font), ==, "DejaVu Serif");
      expected = atlas_text_attributes (gtk_label_get_label (GTK_LABEL (name)),
                                        pango_font_description_get_family (font));
      g_assert_true (pango_attr_list_equal (gtk_label_get_attributes (GTK_LABEL (name)), expected));
      pango_attr_list_unref (expected);
      rows++;
    }
  g_assert_cmpuint (rows, ==, 33);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_set (settings, "gtk-font-name", font_name, NULL);
}

static void run_frames (void);

typedef struct
{
  AtlasWindow *window;
  gboolean painted;
  guint rows;
  double foot; /* of the last row made, in the list's scrolled window */
  double height; /* of that scrolled window */
} FirstPaint;

static void
on_first_paint (GdkFrameClock *clock,
                FirstPaint *first)
{
  GtkWidget *list = sidebar_child (first->window, "entity_list");
  GtkWidget *scrolled = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (first->painted)
    return;
  first->painted = TRUE;
  first->rows = count_rows (first->window, NULL);
  g_assert_true (gtk_widget_compute_bounds (
      GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) first->rows - 1)),
      scrolled, &bounds));
  first->foot = bounds.origin.y + bounds.size.height;
  first->height = gtk_widget_get_height (scrolled);
}

/* The window's first frame, with its sidebar's rows then. */
static FirstPaint
paint_first_frame (AtlasWindow *window)
{
  FirstPaint first = { window };
  GdkFrameClock *clock;
  gulong handler;
  guint waited = 0;

  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "paint", G_CALLBACK (on_first_paint), &first);
  gtk_window_present (GTK_WINDOW (window));
  while (!first.painted && waited++ < 500)
    {
      g_usleep (10000);
      atlas_test_iterate ();
    }
  g_signal_handler_disconnect (clock, handler);
  g_assert_true (first.painted);
  return first;
}

/* The first frame shows the rows that fill the sidebar, made before the
 * others, which follow once it is painted; in a window taller than the
 * rows made first were counted for, the rest are there in that frame. */
static void
test_rows_fill_first_frame (void)
{
  AtlasWindow *window = atlas_window_new (NULL, dataset, NULL);
  FirstPaint first = paint_first_frame (window);

  g_assert_cmpuint (first.rows, <, 33);
  g_assert_cmpfloat (first.foot, >=, first.height);
  run_frames ();
  g_assert_cmpuint (count_rows (window, NULL), ==, 33);
  gtk_window_destroy (GTK_WINDOW (window));

  /* The rows counted for 200 pixels, five, in a window 990 high. */
  window = atlas_window_new (NULL, dataset, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 200);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (AtlasDataset) again = atlas_dataset_load_default (&error);

    g_assert_no_error (error);
    atlas_window_set_dataset (window, again);
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 990);
  first = paint_first_frame (window);
  g_assert_cmpfloat (first.height, >, 600);
  g_assert_cmpuint (first.rows, ==, 33);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* One search over everything: entities, events, figures and dates, in
 * groups; Enter or a click selects the result everywhere. */
static void
test_search_finds_everything (void)
{
  AtlasWindow *window = new_window (NULL);
  GtkStack *sidebar = GTK_STACK (sidebar_child (window, "sidebar_stack"));
  struct
  {
    const char *query;
    gboolean entities, events, figures;
  } cases[] = {
    { "suspended", FALSE, TRUE, FALSE }, { "late 2025", FALSE, TRUE, TRUE },
    { "红果", TRUE, FALSE, TRUE },       { "广电总局", TRUE, FALSE, FALSE },
    { "2024", FALSE, TRUE, TRUE },       { "hongguo", TRUE, FALSE, TRUE },
  };
  guint counts[3];

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      search (window, cases[i].query);
      count_results (window, counts);
      g_test_message ("%s: %u entities, %u events, %u figures", cases[i].query, counts[0],
                      counts[1], counts[2]);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar), ==, "results");
      g_assert_cmpint (counts[0] > 0, ==, cases[i].entities);
      g_assert_cmpint (counts[1] > 0, ==, cases[i].events);
      g_assert_cmpint (counts[2] > 0, ==, cases[i].figures);
    }

  /* Enter selects the first result. */
  search (window, "广电总局");
  g_signal_emit_by_name (sidebar_child (window, "search_entry"), "activate");
  atlas_test_iterate ();
  g_assert_cmpstr (selected_entity (window), ==, "nrta");

  /* A click on an event's row selects the event. */
  search (window, "suspended");
  {
    GtkListBox *list = GTK_LIST_BOX (sidebar_child (window, "result_list"));

    g_signal_emit_by_name (gtk_list_box_get_row_at_index (list, 0), "activate");
    atlas_test_iterate ();
    g_assert_cmpint (atlas_selection_get_kind (atlas_window_get_selection (window)), ==,
                     ATLAS_SELECTION_EVENT);
    g_assert_cmpstr (detail_page (window), ==, "event");
  }

  search (window, "no such thing");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar), ==, "empty");
  /* Its hint's Chinese date is marked as Chinese, as dataset text is. */
  {
    const char *hint =
        adw_status_page_get_description (ADW_STATUS_PAGE (sidebar_child (window, "empty_page")));

    g_assert_nonnull (strstr (hint, "<span lang=\"zh-cn\">年</span>"));
    g_assert_nonnull (strstr (hint, "<span lang=\"zh-cn\">月”</span>"));
  }

  search (window, "");
  g_assert_cmpuint (count_rows (window, NULL), ==, 33);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar), ==, "list");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The row under @root titled @title; or, with @prefix, whose title starts so. */
static GtkWidget *
find_row (GtkWidget *root,
          const char *title,
          gboolean prefix)
{
  if (ADW_IS_ACTION_ROW (root))
    {
      const char *text = plain (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)));

      if (text != NULL && (prefix ? g_str_has_prefix (text, title) : g_str_equal (text, title)))
        return root;
    }
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found = find_row (w, title, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_action_row (GtkWidget *root,
                 const char *title)
{
  return find_row (root, title, FALSE);
}

static void
test_selection_shows_detail (void)
{
  AtlasWindow *window = new_window (NULL);
  AtlasEntityDetail *detail = ATLAS_ENTITY_DETAIL (child (window, "detail"));
  GtkListBox *list = GTK_LIST_BOX (sidebar_child (window, "entity_list"));
  GtkListBoxRow *row;
  GtkWidget *figure, *relation;

  /* A click on a row: the list selects it. */
  row = gtk_list_box_get_row_at_index (list, 1);
  gtk_list_box_select_row (list, row);
  g_signal_emit_by_name (list, "row-activated", row);
  atlas_test_iterate ();
  g_assert_cmpstr (atlas_entity_get_id (atlas_entity_detail_get_entity (detail)), ==,
                   "hippo-theater");
  g_assert_cmpstr (detail_page (window), ==, "detail");

  choose (window, "win.select-entity", "red-fruit");
  g_assert_cmpstr (atlas_entity_get_id (atlas_entity_detail_get_entity (detail)), ==, "red-fruit");
  row = gtk_list_box_get_selected_row (list);
  g_assert_cmpstr (atlas_entity_get_id (atlas_entity_row_get_entity (ATLAS_ENTITY_ROW (row))), ==,
                   "red-fruit");

  /* The figure with its sentence. */
  figure = find_action_row (GTK_WIDGET (detail), "Monthly active users: 236 million people");
  g_assert_nonnull (figure);
  g_assert_nonnull (strstr (plain (adw_action_row_get_subtitle (ADW_ACTION_ROW (figure))),
                            "“In September, it had 236 million monthly active users, surpassing "
                            "Youku and Bilibili.” — Caixin"));
  g_assert_null (atlas_entity_detail_get_marked_row (detail));

  /* Its Chinese name is not the source's: the pane says so. */
  {
    GtkWidget *note = GTK_WIDGET (gtk_widget_get_template_child (
        GTK_WIDGET (detail), ATLAS_TYPE_ENTITY_DETAIL, "name_zh_note_label"));

    g_assert_true (gtk_widget_get_visible (note));
    choose (window, "win.select-entity", "le-li"); /* no Chinese name at all */
    g_assert_false (gtk_widget_get_visible (note));
    choose (window, "win.select-entity", "red-fruit");
  }

  /* A relation selects the related entity, here and in the sidebar. */
  relation = find_action_row (GTK_WIDGET (detail), "ByteDance");
  g_assert_nonnull (relation);
  gtk_widget_activate (relation);
  atlas_test_iterate ();
  g_assert_cmpstr (selected_entity (window), ==, "bytedance");
  row = gtk_list_box_get_selected_row (list);
  g_assert_cmpstr (atlas_entity_get_id (atlas_entity_row_get_entity (ATLAS_ENTITY_ROW (row))), ==,
                   "bytedance");

  /* Selecting elsewhere keeps the search and its results, for the next
   * result; the list, when the search is cleared, shows the selection. */
  search (window, "nrta");
  choose (window, "win.select-entity", "youku");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sidebar_child (window, "search_entry"))),
                   ==, "nrta");
  search (window, "");
  g_assert_cmpstr (sidebar_entity (window), ==, "youku");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Iterates until @widget is @taller (or shorter) than @height, for at most
 * two seconds: the new layout takes a frame or two. */
static int
wait_for_height (GtkWidget *widget,
                 int height,
                 gboolean taller)
{
  for (guint i = 0; i < 200; i++)
    {
      int now = gtk_widget_get_height (widget);

      if (taller ? now > height : now < height)
        return now;
      g_usleep (10000);
      atlas_test_iterate ();
    }
  return gtk_widget_get_height (widget);
}

/* With nothing selected the views have the height; the detail pane comes
 * with a selection and goes with it. */
static void
test_detail_pane_when_selected (void)
{
  AtlasWindow *window = new_window (NULL);
  GtkWidget *views = child (window, "view_stack");
  int before;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_cmpstr (detail_page (window), ==, "none");
  before = wait_for_height (views, 560, TRUE);
  g_assert_cmpint (before, >, 560);

  choose (window, "win.select-entity", "red-fruit");
  atlas_test_iterate ();
  g_assert_cmpstr (detail_page (window), ==, "detail");
  g_assert_cmpint (wait_for_height (views, before, FALSE), <, before);

  choose (window, "win.clear-selection", NULL);
  atlas_test_iterate ();
  g_assert_cmpstr (detail_page (window), ==, "none");
  g_assert_cmpint (wait_for_height (views, before - 1, TRUE), >=, before);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Narrow, the window shows the sidebar or the content, each whole; wide
 * again, both. The leaflet stayed half-folded at 800 × 700 while the view
 * switcher's width folded and unfolded it by turns. */
static void
test_narrow_folds_cleanly (void)
{
  AtlasWindow *window = new_window (NULL);
  AdwLeaflet *leaflet = ADW_LEAFLET (child (window, "leaflet"));
  GtkWidget *content = adw_leaflet_get_child_by_name (leaflet, "content");
  static const int widths[] = { 800, 560, 1100, 400, 800 };
  AdwViewSwitcherTitle *title = ADW_VIEW_SWITCHER_TITLE (child (window, "switcher_title"));
  AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (child (window, "switcher_bar"));
  gboolean narrow_seen = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      int minimum;

      gtk_window_set_default_size (GTK_WINDOW (window), widths[i], 700);
      for (guint j = 0; j < 20; j++)
        {
          g_usleep (10000);
          atlas_test_iterate ();
        }
      gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_test_message ("%d px: folded %d, content %d px, its minimum %d px", widths[i],
                      adw_leaflet_get_folded (leaflet), gtk_widget_get_width (content), minimum);
      g_assert_cmpint (adw_leaflet_get_folded (leaflet), ==, widths[i] < 700);
      /* Where the switcher at the top gives way to the title, the one at
       * the foot shows, with every page. */
      if (adw_view_switcher_title_get_title_visible (title))
        {
          g_assert_true (adw_view_switcher_bar_get_stack (bar) ==
                         ADW_VIEW_STACK (child (window, "view_stack")));
          g_assert_true (adw_view_switcher_bar_get_reveal (bar));
          narrow_seen = TRUE;
        }
      if (!adw_leaflet_get_folded (leaflet) || adw_leaflet_get_visible_child (leaflet) == content)
        g_assert_cmpint (gtk_widget_get_width (content), >=, minimum);
    }
  g_assert_true (narrow_seen);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
focus_inside (AtlasWindow *window,
              GtkWidget *ancestor)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

/* Tab goes search → sidebar (one stop, not its 33 rows) → view switcher →
 * timeline → detail. */
static void
test_tab_order (void)
{
  AtlasWindow *window = new_window (NULL);
  GtkWidget *list = sidebar_child (window, "entity_list");
  GtkWidget *switcher = child (window, "switcher_title");
  GtkWidget *timeline = child (window, "timeline");
  GtkEventController *keys = NULL;
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (list);
  gboolean handled = FALSE, seen_switcher = FALSE;
  guint steps = 0;

  /* Focus moves as the widgets are at once, not in the middle of a
   * transition that a busy machine draws late. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  atlas_test_iterate ();
  choose (window, "win.search", NULL);
  g_assert_true (focus_inside (window, sidebar_child (window, "search_entry")));

  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  g_assert_true (focus_inside (window, list));

  /* Tab in the list leaves it: the sidebar's key controller, in the
   * capture phase (the list has its own), says so. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && keys == NULL; i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        keys = controller;
    }
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_false (focus_inside (window, list));

  while (!focus_inside (window, timeline) && steps++ < 30)
    {
      seen_switcher = seen_switcher || focus_inside (window, switcher);
      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
    }
  g_test_message ("the timeline is %u Tabs after the sidebar", steps);
  g_assert_true (focus_inside (window, timeline));
  g_assert_true (seen_switcher);
  g_assert_cmpuint (steps, <, 25);

  /* With something selected, the detail comes after. */
  choose (window, "win.select-event", "management-act");
  /* The pane takes focus once it is shown: a frame or two. */
  for (guint i = 0; i < 500 && !(gtk_widget_get_mapped (child (window, "detail_pane")) &&
                                 gtk_widget_get_height (child (window, "detail_pane")) > 0);
       i++)
    {
      g_usleep (10000);
      atlas_test_iterate ();
    }
  atlas_test_iterate ();
  gtk_widget_grab_focus (timeline);
  steps = 0;
  while (!focus_inside (window, child (window, "detail_pane")) && steps++ < 30)
    gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
  g_test_message ("the detail is %u Tabs after the timeline", steps);
  g_assert_true (focus_inside (window, child (window, "detail_pane")));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

/* The first view tells the whole story: at 1280 × 800 every event of the
 * bundled dataset is shown as itself, no cluster, no label cut off; at the
 * default size, at least every event of 2024–2025, and no cluster of one. */
static void
test_first_view (void)
{
  static const struct
  {
    int width, height;
    gboolean all;
  } sizes[] = { { 1280, 800, TRUE }, { 1100, 720, FALSE } };
  guint32 recent = atlas_date_julian (2024, 1, 1);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      AtlasWindow *window = new_window (NULL);
      AtlasTimeline *timeline = ATLAS_TIMELINE (child (window, "timeline"));
      const AtlasTimelineLayout *layout = atlas_timeline_get_layout (timeline);
      g_autoptr (GPtrArray) items = g_ptr_array_new ();
      g_autoptr (GPtrArray) clusters = g_ptr_array_new ();
      guint n_events = atlas_timeline_layout_get_n_entries (layout), n_recent = 0, shown_recent = 0;
      int width;

      gtk_window_set_default_size (GTK_WINDOW (window), sizes[s].width, sizes[s].height);
      run_frames ();
      width = gtk_widget_get_width (GTK_WIDGET (timeline));
      /* The charts, on pages not shown, are not even built; asked for, one
       * is, and still does no layout while its page is hidden. */
      for (const char *const *id = (const char *const[]){ "users", "titles", "revenue", NULL };
           *id != NULL; id++)
        g_assert_null (adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (
            ADW_VIEW_STACK (child (window, "view_stack")), *id))));
      g_assert_false (
          atlas_chart_is_laid_out (ATLAS_CHART (atlas_window_get_chart (window, "revenue"))));
      atlas_timeline_layout_collect_visible (layout, -1e9, 1e9, items, clusters);
      g_test_message ("%d × %d: %u of %u events shown, %u clusters, timeline %d px wide",
                      sizes[s].width, sizes[s].height, items->len, n_events, clusters->len, width);

      for (guint i = 0; i < clusters->len; i++)
        g_assert_cmpuint (((AtlasTimelineCluster *) clusters->pdata[i])->count, >, 1);
      for (guint i = 0; i < items->len; i++)
        {
          const AtlasTimelineItem *item = items->pdata[i];
          AtlasEvent *event = atlas_timeline_layout_get_event (layout, item->entry);

          /* Its label whole, in the window. */
          g_assert_cmpfloat (item->label_x, >=, 0);
          g_assert_cmpfloat (item->label_x1, <=, width);
          shown_recent += atlas_fuzzy_date_get_start (atlas_event_get_date (event)) >= recent;
        }
      for (guint i = 0; i < n_events; i++)
        n_recent += atlas_fuzzy_date_get_start (atlas_event_get_date (
                        atlas_timeline_layout_get_event (layout, i))) >= recent;
      g_assert_cmpuint (n_recent, ==, 18);
      g_assert_cmpuint (shown_recent, ==, n_recent);
      if (sizes[s].all)
        {
          g_assert_cmpuint (items->len, ==, n_events);
          g_assert_cmpuint (clusters->len, ==, 0);
        }
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* With nothing selected, every panel of each bundled chart is in view at
 * 1280 × 800, without scrolling. */
static void
test_charts_fit (void)
{
  AtlasWindow *window = new_window (NULL);
  const char *charts[] = { "users", "titles", "revenue" };

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      GtkWidget *chart = atlas_window_get_chart (window, charts[i]);
      GtkAdjustment *adjustment;

      choose (window, "win.show-chart", charts[i]);
      run_frames ();
      adjustment = gtk_scrolled_window_get_vadjustment (
          GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (chart, GTK_TYPE_SCROLLED_WINDOW)));
      g_test_message ("%s: %.0f px of chart in %.0f px", charts[i],
                      gtk_adjustment_get_upper (adjustment),
                      gtk_adjustment_get_page_size (adjustment));
      g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), <=,
                         gtk_adjustment_get_page_size (adjustment) + 1);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_paint (GdkFrameClock *clock,
             guint *paints)
{
  (*paints)++;
}

/* Idle is idle: once start-up has settled, nobody touching it, the window
 * draws no frames (the search entry's blinking cursor kept it drawing 120
 * frames in two seconds). Start-up — overlay scrollbars fading out among
 * it — is given until two quiet seconds, at most 20 s on a slow
 * (sanitized) build; a window that never goes quiet fails all the same. */
static void
test_idle_is_idle (void)
{
  AtlasWindow *window = new_window (NULL);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  guint paints = 0, seen = 0;
  gulong handler;
  gint64 deadline, quiet_since, end;

  g_assert_true (focus_inside (window, child (window, "timeline")));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint), &paints);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  quiet_since = g_get_monotonic_time ();
  while (g_get_monotonic_time () < deadline &&
         g_get_monotonic_time () - quiet_since < 2 * G_USEC_PER_SEC)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
      if (paints != seen)
        seen = paints, quiet_since = g_get_monotonic_time ();
    }
  paints = 0;
  end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_signal_handler_disconnect (clock, handler);
  g_test_message ("%u frames in 2 s of idle", paints);
  g_assert_cmpuint (paints, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_state_is_kept (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  AtlasWindow *window = new_window (settings);
  int width, height;

  choose (window, "win.select-entity", "nrta");
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

  /* The split between views and detail, where the person leaves it (read
   * before the window is shown: a small window may then move it). */
  g_settings_set_int (settings, "views-height", 300);
  window = atlas_window_new (NULL, dataset, settings);
  g_assert_cmpint (gtk_paned_get_position (GTK_PANED (child (window, "paned"))), ==, 300);
  gtk_paned_set_position (GTK_PANED (child (window, "paned")), 320);
  g_assert_cmpint (g_settings_get_int (settings, "views-height"), ==, 320);
  gtk_window_present (GTK_WINDOW (window));
  atlas_test_iterate ();
  g_assert_cmpstr (selected_entity (window), ==, "nrta");
  g_assert_cmpstr (sidebar_entity (window), ==, "nrta");
  /* A restored selection is where the history starts. */
  g_assert_false (atlas_selection_can_go_back (atlas_window_get_selection (window)));
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

/* Time for a load's thread to run, and for what it returns to be taken
 * (or dropped, when it was stopped). */
static void
let_loads_run (void)
{
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_usleep (100000);
  atlas_test_iterate ();
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

  choose (window, "win.select-entity", "red-fruit");
  /* Every page has its button in both switchers, in order. */
  {
    g_autofree char *buttons = switcher_buttons (window);

    g_assert_cmpstr (buttons, ==,
                     "Timeline,Audiences,Title Output,Revenue|"
                     "Timeline,Audiences,Title Output,Revenue");
  }

  /* A broken file is told in the window, and the dataset stays. */
  g_file_set_contents (broken, "{\"format\": \"microdrama-atlas\", \"version\": \"9.0\"}", -1,
                       NULL);
  atlas_window_open_file (window, broken_file);
  wait_until (has_message_dialog, &body);
  g_assert_true (g_str_has_prefix (body, broken));
  g_assert_nonnull (strstr (body, "format version 9.0 is not supported"));
  g_assert_true (atlas_window_get_dataset (window) == dataset);
  g_assert_cmpstr (selected_entity (window), ==, "red-fruit");

  /* So is a date that once crashed the parser. */
  g_clear_pointer (&body, g_free);
  {
    g_autofree char *minimal_text = NULL;

    g_assert_true (g_file_get_contents (minimal, &minimal_text, NULL, NULL));
    g_assert_nonnull (strstr (minimal_text, "\"late September 2025\""));
    {
      g_autoptr (GString) text = g_string_new (minimal_text);

      g_string_replace (text, "\"late September 2025\"", "\"late mid middle Feb 2024\"", 1);
      g_file_set_contents (broken, text->str, -1, NULL);
    }
  }
  atlas_window_open_file (window, broken_file);
  wait_until (has_message_dialog, &body);
  g_assert_nonnull (strstr (body, "“late” and “mid” both narrow the month"));
  g_assert_true (atlas_window_get_dataset (window) == dataset);

  /* A good one replaces it, on the chart page shown. */
  choose (window, "win.show-chart", "users");
  g_assert_nonnull (atlas_window_get_chart (window, "revenue"));
  atlas_window_open_file (window, minimal_file);
  wait_until (dataset_changed, window);
  {
    AdwViewStack *views = ADW_VIEW_STACK (child (window, "view_stack"));
    GtkWidget *users = adw_view_stack_get_child_by_name (views, "users");
    g_autoptr (GtkSelectionModel) pages = adw_view_stack_get_pages (views);

    /* Its one chart, built again, for it; no page for the others. */
    g_assert_cmpstr (atlas_window_get_visible_figure (window), ==, "users");
    g_assert_nonnull (adw_bin_get_child (ADW_BIN (users)));
    g_assert_cmpstr (adw_view_stack_page_get_title (adw_view_stack_get_page (views, users)), ==,
                     "Audiences");
    g_assert_null (adw_view_stack_get_child_by_name (views, "revenue"));
    g_assert_null (atlas_window_get_chart (window, "revenue"));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, 2);
  }
  {
    g_autofree char *buttons = switcher_buttons (window);

    g_assert_cmpstr (buttons, ==, "Timeline,Audiences|Timeline,Audiences");
  }
  g_assert_cmpstr (atlas_dataset_get_title (atlas_window_get_dataset (window)), ==,
                   "Minimal dataset");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (
                       ADW_VIEW_SWITCHER_TITLE (child (window, "switcher_title"))),
                   ==, "Minimal dataset");
  atlas_test_iterate ();
  g_assert_cmpuint (count_rows (window, NULL), ==, 2);
  /* Red Fruit is not in it: nothing is selected. */
  g_assert_null (selected_entity (window));
  g_assert_cmpstr (detail_page (window), ==, "none");

  /* A load in progress can be stopped; the dataset shown stays. */
  {
    AtlasDataset *shown = atlas_window_get_dataset (window);

    atlas_window_open_file (window, minimal_file);
    g_assert_true (atlas_window_is_loading (window));
    g_assert_true (
        gtk_widget_activate_action (child (window, "loading_bar"), "loading.cancel", NULL));
    g_assert_false (atlas_window_is_loading (window));
    let_loads_run ();
    g_assert_true (atlas_window_get_dataset (window) == shown);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (broken);
  g_rmdir (dir);
}

/* A load asked for before the window is on screen (--data) starts once it
 * has painted its first frame; one stopped before that ends there. */
/* Whether the loading bar of window @data has closed and hidden itself. */
static gboolean
loading_bar_hidden (gpointer data)
{
  GtkWidget *bar = child (data, "loading_bar");

  return !gtk_widget_get_visible (
      GTK_WIDGET (gtk_widget_get_template_child (bar, ATLAS_TYPE_LOADING_BAR, "revealer")));
}

static void
test_open_before_shown (void)
{
  g_autofree char *minimal = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autoptr (GFile) minimal_file = g_file_new_for_path (minimal);
  AtlasWindow *window = atlas_window_new (NULL, dataset, NULL);

  atlas_window_open_file (window, minimal_file);
  g_assert_true (atlas_window_is_loading (window));
  let_loads_run ();
  /* Not on screen: still waiting, the dataset as it was. */
  g_assert_true (atlas_window_is_loading (window));
  g_assert_true (atlas_window_get_dataset (window) == dataset);

  gtk_window_present (GTK_WINDOW (window));
  wait_until (dataset_changed, window);
  g_assert_false (atlas_window_is_loading (window));
  /* Closed, the bar is hidden: a hidden revealer still measured it. */
  wait_until (loading_bar_hidden, window);
  g_assert_cmpstr (atlas_dataset_get_title (atlas_window_get_dataset (window)), ==,
                   "Minimal dataset");
  gtk_window_destroy (GTK_WINDOW (window));

  /* Stopped while it waits, and destroyed while it waits. */
  window = atlas_window_new (NULL, dataset, NULL);
  atlas_window_open_file (window, minimal_file);
  g_assert_true (
      gtk_widget_activate_action (child (window, "loading_bar"), "loading.cancel", NULL));
  g_assert_false (atlas_window_is_loading (window));
  gtk_window_present (GTK_WINDOW (window));
  let_loads_run ();
  g_assert_true (atlas_window_get_dataset (window) == dataset);
  atlas_window_open_file (window, minimal_file);
  gtk_window_destroy (GTK_WINDOW (window));
  window = atlas_window_new (NULL, dataset, NULL);
  atlas_window_open_file (window, minimal_file);
  gtk_window_destroy (GTK_WINDOW (window));
  let_loads_run ();
}

/* ---- one selection, every view ---- */

static AtlasTimeline *
timeline_of (AtlasWindow *window)
{
  return ATLAS_TIMELINE (child (window, "timeline"));
}

static AtlasChart *
chart_of (AtlasWindow *window,
          const char *chart_id)
{
  return ATLAS_CHART (atlas_window_get_chart (window, chart_id));
}

/* Runs the main loop for a few frames: what waits for a layout happens. */
static void
run_frames (void)
{
  for (guint i = 0; i < 10; i++)
    {
      g_usleep (20000);
      atlas_test_iterate ();
    }
}

/* Whether @event is drawn as itself (not in a cluster) inside the
 * timeline's visible width. */
static gboolean
event_in_view (AtlasWindow *window,
               const char *event_id)
{
  AtlasTimeline *timeline = timeline_of (window);
  double x, y;

  return atlas_timeline_get_event_position (
             timeline, atlas_dataset_lookup_event (dataset, event_id), &x, &y) &&
         x >= 0 && x < gtk_widget_get_width (GTK_WIDGET (timeline));
}

static AtlasWindow *
new_linked_window (void)
{
  AtlasWindow *window = atlas_window_new (NULL, dataset, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  run_frames ();
  return window;
}

/* What the first frame does not show is built when it is first asked for:
 * the shortcuts window, the switcher for narrow windows; nor does it load
 * what it does not need. */
static void
test_built_when_asked (void)
{
  AtlasWindow *window = new_window (NULL);
  GtkApplicationWindow *app_window = GTK_APPLICATION_WINDOW (window);
  g_autoptr (GtkCssProvider) style = gtk_css_provider_new ();
  GtkShortcutsWindow *shortcuts;

  /* The app's style, as the application loads it (its page buttons need it). */
  gtk_css_provider_load_from_resource (style, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_assert_null (gtk_application_window_get_help_overlay (app_window));
  /* Every icon so far came as a PNG (build-aux/encode-icons.sh): the SVG
   * library, 6 MB resident, is not loaded. */
  {
    g_autofree char *maps = NULL;

    g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
    g_assert_null (strstr (maps, "librsvg"));
  }
  /* Nor does the loading bar's spinner, shown from the first frame of a
   * window given a file to load (--data): it turns our own ring. */
  {
    g_autofree char *minimal = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
    g_autoptr (GFile) minimal_file = g_file_new_for_path (minimal);
    AtlasWindow *loading = atlas_window_new (NULL, dataset, NULL);
    g_autofree char *maps = NULL;

    atlas_window_open_file (loading, minimal_file);
    gtk_window_present (GTK_WINDOW (loading));
    run_frames ();
    g_assert_true (gtk_widget_get_mapped (child (loading, "loading_bar")));
    g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
    g_assert_null (strstr (maps, "librsvg"));
    gtk_window_destroy (GTK_WINDOW (loading));
    let_loads_run ();
  }
  /* At this width, the switcher at the top has room: the one at the foot
   * has no pages yet. */
  g_assert_false (adw_view_switcher_title_get_title_visible (
      ADW_VIEW_SWITCHER_TITLE (child (window, "switcher_title"))));
  g_assert_null (
      adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (child (window, "switcher_bar"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-shortcuts", NULL));
  atlas_test_iterate ();
  shortcuts = gtk_application_window_get_help_overlay (app_window);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (shortcuts)) == GTK_WINDOW (window));
  /* Asked again, the same window. */
  gtk_window_close (GTK_WINDOW (shortcuts));
  atlas_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-shortcuts", NULL));
  g_assert_true (gtk_application_window_get_help_overlay (app_window) == shortcuts);

  gtk_window_destroy (GTK_WINDOW (window));
  atlas_test_iterate ();
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (style));
}

/* Sidebar → timeline, charts, detail: Red Fruit's story. */
static void
test_entity_everywhere (void)
{
  AtlasWindow *window = new_linked_window ();
  GtkListBox *list = GTK_LIST_BOX (sidebar_child (window, "entity_list"));
  g_autoptr (GPtrArray) events = atlas_dataset_list_events_for (dataset, "red-fruit");
  GtkListBoxRow *row = NULL;

  /* A row chosen in the sidebar, as Enter or a click does; the arrow keys
   * (moving the list's selection) choose nothing yet. */
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, (int) i)) != NULL; i++)
    if (g_str_equal (atlas_entity_get_id (atlas_entity_row_get_entity (ATLAS_ENTITY_ROW (row))),
                     "red-fruit"))
      break;
  g_assert_nonnull (row);
  gtk_list_box_select_row (list, row);
  run_frames ();
  g_assert_null (selected_entity (window));
  g_signal_emit_by_name (list, "row-activated", row);
  run_frames ();

  g_assert_cmpstr (selected_entity (window), ==, "red-fruit");
  g_assert_cmpstr (detail_page (window), ==, "detail");
  g_assert_cmpstr (atlas_entity_get_id (atlas_entity_detail_get_entity (
                       ATLAS_ENTITY_DETAIL (child (window, "detail")))),
                   ==, "red-fruit");

  /* All five of its events, lit, each as itself and in view. */
  g_assert_cmpstr (atlas_timeline_get_highlight_entity (timeline_of (window)), ==, "red-fruit");
  g_assert_cmpuint (events->len, ==, 5);
  for (guint i = 0; i < events->len; i++)
    g_assert_true (event_in_view (window, atlas_event_get_id (events->pdata[i])));

  /* Every chart lights its figures: one of users, one of titles (the
   * removals), two of revenue (ad revenue this year and next). */
  g_assert_cmpuint (atlas_chart_count_lit (chart_of (window, "users")), ==, 1);
  g_assert_cmpuint (atlas_chart_count_lit (chart_of (window, "titles")), ==, 1);
  g_assert_cmpuint (atlas_chart_count_lit (chart_of (window, "revenue")), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  atlas_test_iterate ();
}

/* Timeline → charts, detail, sidebar: the box-office event lights its
 * ¥64.1 billion mark, and its detail leads to the chart and the figure. */
static void
test_event_everywhere (void)
{
  AtlasWindow *window = new_linked_window ();
  AtlasTimeline *timeline = timeline_of (window);
  AtlasEvent *event = atlas_dataset_lookup_event (dataset, "box-office-peak");
  AtlasPoint *mark = atlas_dataset_lookup_point (dataset, "box-office#0");
  GtkWidget *detail = child (window, "event_detail");
  GtkWidget *figure_row, *chart_row;
  double x, y;

  choose (window, "win.select-entity", "red-fruit");
  /* A click on the event, where the timeline draws it. */
  atlas_timeline_zoom_to_fit (timeline);
  run_frames ();
  g_assert_true (atlas_timeline_get_event_position (timeline, event, &x, &y));
  g_signal_emit_by_name (atlas_test_find_controller (GTK_WIDGET (timeline), GTK_TYPE_GESTURE_CLICK),
                         "released", 1, x + 3, y);
  run_frames ();

  g_assert_true (atlas_timeline_get_selected_event (timeline) == event);
  g_assert_cmpstr (detail_page (window), ==, "event");
  g_assert_true (atlas_event_detail_get_event (ATLAS_EVENT_DETAIL (detail)) == event);
  g_assert_null (sidebar_entity (window));
  g_assert_cmpuint (atlas_chart_count_lit (chart_of (window, "revenue")), ==, 1);
  g_assert_cmpuint (atlas_chart_count_lit (chart_of (window, "users")), ==, 0);

  /* Its figure, with value and status, and the chart one click away. */
  figure_row = find_row (detail, "Box office revenue: ¥64.1 billion", TRUE);
  g_assert_nonnull (figure_row);
  chart_row = find_action_row (detail, "Show on the Revenue chart");
  g_assert_nonnull (chart_row);
  gtk_widget_activate (chart_row);
  atlas_test_iterate ();
  g_assert_cmpstr (atlas_window_get_visible_figure (window), ==, "revenue");

  /* The figure's row selects the figure: the chart marks it, the timeline
   * keeps its event, the detail shows its entity with the row marked. */
  gtk_widget_activate (figure_row);
  run_frames ();
  g_assert_true (atlas_selection_get_figure (atlas_window_get_selection (window)) == mark);
  g_assert_true (atlas_chart_get_selected_point (chart_of (window, "revenue")) == mark);
  g_assert_true (atlas_timeline_get_selected_event (timeline) == event);
  g_assert_cmpstr (detail_page (window), ==, "detail");
  g_assert_cmpstr (sidebar_entity (window), ==, "cinema");
  g_assert_nonnull (
      atlas_entity_detail_get_marked_row (ATLAS_ENTITY_DETAIL (child (window, "detail"))));

  gtk_window_destroy (GTK_WINDOW (window));
  atlas_test_iterate ();
}

/* Chart → timeline, detail, sidebar: a bar's figure, its sentence in view. */
static void
test_figure_everywhere (void)
{
  AtlasWindow *window = new_linked_window ();
  AtlasChart *chart;
  AtlasPoint *mau = atlas_dataset_lookup_point (dataset, "monthly-active-users#0");
  AtlasEntityDetail *detail = ATLAS_ENTITY_DETAIL (child (window, "detail"));
  GtkWidget *row, *scroller;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double x, y;

  choose (window, "win.show-chart", "users");
  run_frames ();
  chart = chart_of (window, "users");
  g_assert_true (atlas_chart_get_point_position (chart, mau, &x, &y));
  g_signal_emit_by_name (atlas_test_find_controller (GTK_WIDGET (chart), GTK_TYPE_GESTURE_CLICK),
                         "released", 1, x, y);
  run_frames ();

  g_assert_true (atlas_chart_get_selected_point (chart) == mau);
  g_assert_cmpstr (atlas_event_get_id (atlas_timeline_get_selected_event (timeline_of (window))),
                   ==, "red-fruit-236-million");
  g_assert_true (event_in_view (window, "red-fruit-236-million"));
  g_assert_cmpstr (sidebar_entity (window), ==, "red-fruit");
  g_assert_cmpstr (detail_page (window), ==, "detail");

  /* The figure's row is marked, and all of it is in view: the sentence
   * without scrolling. */
  row = atlas_entity_detail_get_marked_row (detail);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "marked"));
  g_assert_nonnull (
      strstr (plain (adw_action_row_get_subtitle (ADW_ACTION_ROW (row))), "236 million"));
  scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_true (gtk_widget_compute_bounds (row, scroller, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                     gtk_adjustment_get_page_size (adjustment) + 1);

  /* Its citation, from the row's own button, on the clipboard as text. */
  {
    GdkContentProvider *content = NULL;
    GValue value = G_VALUE_INIT;

    choose (window, "win.copy-citation", "figure:monthly-active-users#0");
    content = gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (window)));
    g_assert_nonnull (content);
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
    g_assert_true (g_str_has_prefix (g_value_get_string (&value),
                                     "Red Fruit — Monthly active users: 236 million people"));
    g_value_unset (&value);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  atlas_test_iterate ();
}

/* A detail pane's link → every view: "December 2024 — Red Fruit suspended"
 * moves the timeline to it. */
static void
test_detail_link_everywhere (void)
{
  AtlasWindow *window = new_linked_window ();
  AtlasTimeline *timeline = timeline_of (window);
  GtkWidget *row;

  /* Zoomed in on the 2010s, far from it. */
  atlas_timeline_zoom (timeline, 30, 0);
  choose (window, "win.select-entity", "red-fruit");
  atlas_timeline_zoom (timeline, 30, 0);
  run_frames ();
  g_assert_false (event_in_view (window, "red-fruit-suspension") &&
                  event_in_view (window, "clean-up-campaign") &&
                  event_in_view (window, "le-li-forum"));

  row = find_action_row (child (window, "detail"),
                         "December 2024 — Red Fruit suspended for five days");
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  run_frames ();

  g_assert_cmpstr (atlas_event_get_id (atlas_timeline_get_selected_event (timeline)), ==,
                   "red-fruit-suspension");
  g_assert_true (event_in_view (window, "red-fruit-suspension"));
  g_assert_cmpstr (detail_page (window), ==, "event");
  g_assert_null (sidebar_entity (window));

  /* The event's entity, back from its detail. */
  row = find_action_row (child (window, "event_detail"), "Red Fruit");
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  run_frames ();
  g_assert_cmpstr (sidebar_entity (window), ==, "red-fruit");
  g_assert_cmpstr (detail_page (window), ==, "detail");

  gtk_window_destroy (GTK_WINDOW (window));
  atlas_test_iterate ();
}

/* Whether @widget has a shortcut whose trigger is @accelerator and whose
 * action is the action @name. */
static gboolean
has_binding (GtkWidget *widget,
             const char *accelerator,
             const char *name)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr (GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              GTK_IS_NAMED_ACTION (action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), name))
            return TRUE;
        }
    }
  return FALSE;
}

/* Escape, or a click on empty space, clears every view. */
static void
test_escape_clears_everywhere (void)
{
  AtlasWindow *window = new_linked_window ();
  AtlasTimeline *timeline = timeline_of (window);

  g_assert_true (has_binding (GTK_WIDGET (window), "Escape", "win.clear-selection"));

  choose (window, "win.select-figure", "box-office#0");
  g_assert_nonnull (atlas_timeline_get_selected_event (timeline));
  choose (window, "win.clear-selection", NULL);
  g_assert_null (sidebar_entity (window));
  g_assert_cmpstr (detail_page (window), ==, "none");
  g_assert_null (atlas_timeline_get_selected_event (timeline));
  g_assert_null (atlas_timeline_get_highlight_entity (timeline));
  g_assert_null (atlas_chart_get_selected_point (chart_of (window, "revenue")));
  g_assert_cmpuint (atlas_chart_count_lit (chart_of (window, "revenue")), ==, 0);

  choose (window, "win.select-entity", "red-fruit");
  g_assert_cmpuint (atlas_chart_count_lit (chart_of (window, "revenue")), ==, 2);
  choose (window, "win.clear-selection", NULL);
  g_assert_null (atlas_timeline_get_highlight_entity (timeline));
  g_assert_cmpuint (atlas_chart_count_lit (chart_of (window, "revenue")), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  atlas_test_iterate ();
}

/* Back and Forward restore what was selected, in every view. */
static void
test_back_and_forward (void)
{
  AtlasWindow *window = new_linked_window ();
  AtlasTimeline *timeline = timeline_of (window);

  g_assert_true (has_binding (GTK_WIDGET (window), "<Alt>Left", "win.go-back"));
  g_assert_true (has_binding (GTK_WIDGET (window), "<Alt>Right", "win.go-forward"));
  g_assert_false (atlas_selection_can_go_back (atlas_window_get_selection (window)));

  choose (window, "win.select-entity", "nrta");
  choose (window, "win.select-event", "red-fruit-suspension");
  choose (window, "win.select-figure", "box-office#0");

  choose (window, "win.go-back", NULL);
  g_assert_cmpstr (detail_page (window), ==, "event");
  g_assert_cmpstr (atlas_event_get_id (atlas_timeline_get_selected_event (timeline)), ==,
                   "red-fruit-suspension");
  g_assert_null (atlas_chart_get_selected_point (chart_of (window, "revenue")));

  choose (window, "win.go-back", NULL);
  g_assert_cmpstr (sidebar_entity (window), ==, "nrta");
  g_assert_cmpstr (atlas_timeline_get_highlight_entity (timeline), ==, "nrta");
  g_assert_null (atlas_timeline_get_selected_event (timeline));

  choose (window, "win.go-forward", NULL);
  choose (window, "win.go-forward", NULL);
  g_assert_true (atlas_chart_get_selected_point (chart_of (window, "revenue")) ==
                 atlas_dataset_lookup_point (dataset, "box-office#0"));
  g_assert_cmpstr (sidebar_entity (window), ==, "cinema");
  g_assert_false (atlas_selection_can_go_forward (atlas_window_get_selection (window)));

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
  /* The app's own icons, where the application puts them for its windows. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE "/icons");

  g_test_add_func ("/window/sidebar-lists-every-entity", test_sidebar_lists_every_entity);
  g_test_add_func ("/window/rows-fill-first-frame", test_rows_fill_first_frame);
  g_test_add_func ("/window/rows-take-their-font", test_rows_take_their_font);
  g_test_add_func ("/window/search-finds-everything", test_search_finds_everything);
  g_test_add_func ("/window/selection-shows-detail", test_selection_shows_detail);
  g_test_add_func ("/window/state-is-kept", test_state_is_kept);
  g_test_add_func ("/window/detail-pane-when-selected", test_detail_pane_when_selected);
  g_test_add_func ("/window/narrow-folds-cleanly", test_narrow_folds_cleanly);
  g_test_add_func ("/window/tab-order", test_tab_order);
  g_test_add_func ("/window/first-view", test_first_view);
  g_test_add_func ("/window/charts-fit", test_charts_fit);
  g_test_add_func ("/window/built-when-asked", test_built_when_asked);
  g_test_add_func ("/window/idle-is-idle", test_idle_is_idle);
  g_test_add_func ("/window/entity-everywhere", test_entity_everywhere);
  g_test_add_func ("/window/event-everywhere", test_event_everywhere);
  g_test_add_func ("/window/figure-everywhere", test_figure_everywhere);
  g_test_add_func ("/window/detail-link-everywhere", test_detail_link_everywhere);
  g_test_add_func ("/window/escape-clears-everywhere", test_escape_clears_everywhere);
  g_test_add_func ("/window/back-and-forward", test_back_and_forward);
  g_test_add_func ("/window/open-dataset", test_open_dataset);
  g_test_add_func ("/window/open-before-shown", test_open_before_shown);

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
