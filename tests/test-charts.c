/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-charts"

#include "config.h"

/* The charts in the window and the export dialog, under Xvfb. */

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "atlas-chart.h"
#include "atlas-detail-rows.h"
#include "atlas-export-dialog.h"
#include "atlas-figure-table.h"
#include "atlas-loader.h"
#include "atlas-test-utils.h"
#include "atlas-timeline.h"
#include "atlas-tooltip.h"
#include "atlas-ui-resources.h"
#include "atlas-window.h"

static AtlasDataset *dataset;

static AtlasPoint *
find_point (const char *series_id,
            const char *entity_id)
{
  GListModel *points = atlas_series_get_points (atlas_dataset_lookup_series (dataset, series_id));

  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr (AtlasPoint) point = g_list_model_get_item (points, i);

      if (g_str_equal (atlas_point_get_entity_id (point), entity_id))
        return point;
    }
  g_assert_not_reached ();
}

static AtlasChart *
show_chart (AtlasWindow *window,
            const char *chart_id)
{
  AdwViewStack *stack = ADW_VIEW_STACK (
      gtk_widget_get_template_child (GTK_WIDGET (window), ATLAS_TYPE_WINDOW, "view_stack"));
  GtkWidget *page = adw_view_stack_get_child_by_name (stack, chart_id);

  g_assert_nonnull (page);
  adw_view_stack_set_visible_child (stack, page);
  for (guint i = 0; i < 200 && gtk_widget_get_height (page) < 100; i++)
    g_main_context_iteration (NULL, TRUE);
  atlas_test_iterate ();

  return ATLAS_CHART (atlas_window_get_chart (window, chart_id));
}

static void
test_chart_pages (void)
{
  AtlasWindow *window = atlas_window_new (NULL, dataset, NULL);
  AtlasTimeline *timeline = ATLAS_TIMELINE (
      gtk_widget_get_template_child (GTK_WIDGET (window), ATLAS_TYPE_WINDOW, "timeline"));
  AtlasChart *chart;
  AtlasPoint *red_fruit = find_point ("monthly-active-users", "red-fruit");
  AtlasSelection *selection = atlas_window_get_selection (window);
  double x, y;

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 900);
  gtk_window_present (GTK_WINDOW (window));
  atlas_test_iterate ();
  g_assert_cmpstr (atlas_window_get_visible_figure (window), ==, "timeline");

  chart = show_chart (window, "users");
  g_assert_cmpstr (atlas_window_get_visible_figure (window), ==, "users");
  g_assert_cmpstr (atlas_chart_get_chart_id (chart), ==, "users");

  /* Hovering a bar */
  g_assert_true (atlas_chart_get_point_position (chart, red_fruit, &x, &y));
  g_signal_emit_by_name (
      atlas_test_find_controller (GTK_WIDGET (chart), GTK_TYPE_EVENT_CONTROLLER_MOTION), "motion",
      x, y);
  g_assert_true (atlas_chart_get_hovered_point (chart) == red_fruit);

  /* A click selects the bar's entity in the sidebar, and its event */
  g_signal_emit_by_name (atlas_test_find_controller (GTK_WIDGET (chart), GTK_TYPE_GESTURE_CLICK),
                         "released", 1, x, y);
  atlas_test_iterate ();
  g_assert_true (atlas_chart_get_selected_point (chart) == red_fruit);
  g_assert_true (atlas_selection_get_figure (selection) == red_fruit);
  g_assert_cmpstr (atlas_entity_get_id (atlas_selection_get_entity (selection)), ==, "red-fruit");
  g_assert_cmpstr (atlas_event_get_id (atlas_timeline_get_selected_event (timeline)), ==,
                   "red-fruit-236-million");

  /* The keyboard: down to the next figure, Enter to choose it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.focus-step", "i", 1));
  g_assert_true (atlas_chart_get_focused_point (chart) ==
                 find_point ("monthly-active-users", "hippo-theater"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.activate-focused", NULL));
  atlas_test_iterate ();
  g_assert_cmpstr (atlas_entity_get_id (atlas_selection_get_entity (selection)), ==,
                   "hippo-theater");

  /* A click beside the bars clears the selection. */
  g_signal_emit_by_name (atlas_test_find_controller (GTK_WIDGET (chart), GTK_TYPE_GESTURE_CLICK),
                         "released", 1, 2.0, 2.0);
  atlas_test_iterate ();
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_NONE);
  g_assert_null (atlas_chart_get_selected_point (chart));

  /* Every chart of the dataset has a page */
  g_assert_cmpstr (atlas_chart_get_chart_id (show_chart (window, "revenue")), ==, "revenue");
  g_assert_cmpstr (atlas_window_get_visible_figure (window), ==, "revenue");
  g_assert_cmpstr (atlas_chart_get_chart_id (show_chart (window, "titles")), ==, "titles");

  gtk_window_destroy (GTK_WINDOW (window));
  atlas_test_iterate ();
}

static void
on_done (AtlasExportDialog *dialog,
         const char *message,
         char **out)
{
  *out = g_strdup (message);
}

static AtlasExportDialog *
new_dialog (const char *figure,
            char **message)
{
  AtlasExportDialog *dialog = atlas_export_dialog_new (NULL, dataset, figure);

  g_signal_connect (dialog, "done", G_CALLBACK (on_done), message);
  gtk_window_present (GTK_WINDOW (dialog));
  atlas_test_iterate ();
  return dialog;
}

static AdwComboRow *
row (AtlasExportDialog *dialog,
     const char *name)
{
  return ADW_COMBO_ROW (
      gtk_widget_get_template_child (GTK_WIDGET (dialog), ATLAS_TYPE_EXPORT_DIALOG, name));
}

static gboolean
message_arrived (char **message)
{
  return *message != NULL;
}

static void
test_export_dialog (void)
{
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *message = NULL;
  AtlasExportDialog *dialog;
  AtlasExportOptions options;
  gboolean dark;

  /* The figure's own size to start with; PDF has no scale nor transparency. */
  dialog = new_dialog ("revenue", &message);
  {
    GtkLabel *alt = GTK_LABEL (gtk_widget_get_template_child (
        GTK_WIDGET (dialog), ATLAS_TYPE_EXPORT_DIALOG, "alt_text_label"));

    /* The alt text every export carries, shown to be read and copied. */
    g_assert_true (g_str_has_prefix (gtk_label_get_label (alt), "Bar chart: Revenue. "));
    g_assert_nonnull (strstr (gtk_label_get_label (alt), "Red Fruit, over ¥30 billion"));
  }
  atlas_export_dialog_get_options (dialog, &options, &dark);
  g_assert_cmpint (options.format, ==, ATLAS_EXPORT_PNG);
  g_assert_cmpint (options.width, ==, 1200);
  g_assert_cmpint (options.height, ==, 800);
  g_assert_cmpfloat (options.scale, ==, 1);

  /* A preview of what will be written, following the options. */
  {
    GtkPicture *preview = GTK_PICTURE (
        gtk_widget_get_template_child (GTK_WIDGET (dialog), ATLAS_TYPE_EXPORT_DIALOG, "preview"));
    GdkPaintable *picture = gtk_picture_get_paintable (preview);

    g_assert_nonnull (picture);
    g_assert_cmpfloat_with_epsilon (gdk_paintable_get_intrinsic_aspect_ratio (picture), 1.5, 0.02);
    g_assert_true (g_str_has_prefix (gtk_picture_get_alternative_text (preview), "Bar chart"));

    adw_combo_row_set_selected (row (dialog, "scale_row"), 1);
    adw_combo_row_set_selected (row (dialog, "size_row"), 2);
    atlas_test_iterate ();
    picture = gtk_picture_get_paintable (preview);
    g_assert_cmpfloat_with_epsilon (gdk_paintable_get_intrinsic_aspect_ratio (picture), 1.0, 0.02);
  }
  atlas_export_dialog_get_options (dialog, &options, &dark);
  g_assert_cmpfloat (options.scale, ==, 2);
  g_assert_cmpint (options.width, ==, 1080);

  adw_combo_row_set_selected (row (dialog, "format_row"), ATLAS_EXPORT_PDF);
  atlas_export_dialog_get_options (dialog, &options, &dark);
  g_assert_cmpint (options.format, ==, ATLAS_EXPORT_PDF);
  g_assert_cmpfloat (options.scale, ==, 1);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (row (dialog, "scale_row"))));

  /* A name without the extension gets it; the dialog closes and says so. */
  {
    g_autofree char *path = g_build_filename (dir, "slide", NULL);
    g_autofree char *pdf = g_build_filename (dir, "slide.pdf", NULL);
    g_autoptr (GFile) file = g_file_new_for_path (path);
    g_autofree char *contents = NULL;

    atlas_export_dialog_export_to (dialog, file);
    while (!message_arrived (&message))
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpstr (message, ==, "Exported “slide.pdf”");
    g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
    g_unlink (pdf);
  }
  g_clear_pointer (&message, g_free);

  /* Never onto the dataset it draws: refused in the window, untouched. */
  {
    g_autofree char *bundled =
        g_test_build_filename (G_TEST_DIST, "..", "data", "microdrama.json", NULL);
    g_autofree char *path = g_build_filename (dir, "mine.png", NULL);
    g_autofree char *contents = NULL;
    g_autofree char *after = NULL;
    g_autoptr (GFile) file = g_file_new_for_path (path);
    g_autoptr (GError) error = NULL;
    g_autoptr (AtlasDataset) from_file = NULL;
    gboolean refused = FALSE;
    gsize length;

    g_assert_true (g_file_get_contents (bundled, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
    from_file = atlas_dataset_load_file (file, NULL, &error);
    g_assert_no_error (error);
    dialog = atlas_export_dialog_new (NULL, from_file, "revenue");
    g_signal_connect (dialog, "done", G_CALLBACK (on_done), &message);
    gtk_window_present (GTK_WINDOW (dialog));
    atlas_export_dialog_export_to (dialog, file);
    atlas_export_dialog_export_csv_to (dialog, file);
    atlas_test_iterate ();
    g_assert_null (message);
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (w) &&
              strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (w)),
                      "is the dataset being exported") != NULL)
            refused = TRUE;
        }
    }
    g_assert_true (refused);
    g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, contents);
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_unlink (path);
  }

  /* In Chinese from an English window: the dataset read again in Chinese,
   * in a thread, then the picture, its alt text and its words Chinese. */
  dialog = new_dialog ("revenue", &message);
  {
    GtkLabel *alt = GTK_LABEL (gtk_widget_get_template_child (
        GTK_WIDGET (dialog), ATLAS_TYPE_EXPORT_DIALOG, "alt_text_label"));
    GtkWidget *export_button = GTK_WIDGET (gtk_widget_get_template_child (
        GTK_WIDGET (dialog), ATLAS_TYPE_EXPORT_DIALOG, "export_button"));
    g_autofree char *path = g_build_filename (dir, "zh.svg", NULL);
    g_autofree char *csv_path = g_build_filename (dir, "zh.csv", NULL);
    g_autoptr (GFile) file = g_file_new_for_path (path);
    g_autoptr (GFile) csv_file = g_file_new_for_path (csv_path);
    g_autofree char *contents = NULL;

    g_assert_cmpuint (adw_combo_row_get_selected (row (dialog, "language_row")), ==, 0);
    adw_combo_row_set_selected (row (dialog, "format_row"), ATLAS_EXPORT_SVG);
    adw_combo_row_set_selected (row (dialog, "language_row"), 1);
    /* Nothing to export from until it is read. */
    g_assert_false (gtk_widget_get_sensitive (export_button));
    while (!gtk_widget_get_sensitive (export_button))
      g_main_context_iteration (NULL, TRUE);
    atlas_test_iterate ();
    g_assert_true (g_str_has_prefix (gtk_label_get_label (alt), "条形图"));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (
        gtk_widget_get_template_child (GTK_WIDGET (dialog), ATLAS_TYPE_EXPORT_DIALOG, "preview"))));

    atlas_export_dialog_export_csv_to (dialog, csv_file);
    g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "红果短剧"));
    g_clear_pointer (&contents, g_free);
    g_clear_pointer (&message, g_free);
    g_unlink (csv_path);

    dialog = new_dialog ("revenue", &message);
    adw_combo_row_set_selected (row (dialog, "format_row"), ATLAS_EXPORT_SVG);
    adw_combo_row_set_selected (row (dialog, "language_row"), 1);
    export_button = GTK_WIDGET (gtk_widget_get_template_child (
        GTK_WIDGET (dialog), ATLAS_TYPE_EXPORT_DIALOG, "export_button"));
    while (!gtk_widget_get_sensitive (export_button))
      g_main_context_iteration (NULL, TRUE);
    atlas_export_dialog_export_to (dialog, file);
    while (!message_arrived (&message))
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, ">收入"));
    g_assert_nonnull (strstr (contents, "亿元"));
    g_assert_nonnull (strstr (contents, "来源：财新"));
    g_assert_null (strstr (contents, "billion"));
    g_unlink (path);
    /* And the window's language is untouched. */
    g_assert_cmpstr (_ ("Export"), ==, "Export");
  }
  g_clear_pointer (&message, g_free);

  /* CSV of the figures */
  dialog = new_dialog ("users", &message);
  {
    g_autofree char *path = g_build_filename (dir, "users.csv", NULL);
    g_autoptr (GFile) file = g_file_new_for_path (path);
    g_autofree char *contents = NULL;

    atlas_export_dialog_export_csv_to (dialog, file);
    g_assert_cmpstr (message, ==, "Exported “users.csv”");
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "users,monthly-active-users,Monthly active "
                                        "users,people,none,red-fruit,Red Fruit,September 2025"));
    g_unlink (path);
  }
  g_clear_pointer (&message, g_free);

  /* The clipboard gets an image */
  dialog = new_dialog ("timeline", &message);
  {
    GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (dialog));
    g_autoptr (GError) error = NULL;

    g_assert_true (atlas_export_dialog_copy (dialog, &error));
    g_assert_no_error (error);
    g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard),
                                                      GDK_TYPE_TEXTURE));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  g_rmdir (dir);
}

/* Each figure as a table: one row per point of the chart, with the values
 * of the dataset, sortable, following the selection and choosing through
 * it; every row named with all it says, for a screen reader. */
static void
test_tables (void)
{
  AtlasWindow *window = atlas_window_new (NULL, dataset, NULL);
  GtkWidget *table = atlas_figure_table_new (dataset, "revenue");
  GtkWidget *events = atlas_figure_table_new (dataset, "timeline");
  AtlasSelection *selection = atlas_window_get_selection (window);
  GListModel *rows = atlas_figure_table_get_rows (ATLAS_FIGURE_TABLE (table));
  guint n_points = 0;
  gboolean found_cinema = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (atlas_dataset_get_series (dataset)); i++)
    {
      g_autoptr (AtlasSeries) series =
          g_list_model_get_item (atlas_dataset_get_series (dataset), i);

      if (g_strcmp0 (atlas_series_get_chart_id (series), "revenue") == 0)
        n_points += g_list_model_get_n_items (atlas_series_get_points (series));
    }
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_points);
  g_assert_cmpuint (n_points, ==, 5);
  g_assert_cmpuint (atlas_figure_table_get_n_columns (ATLAS_FIGURE_TABLE (table)), ==, 8);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (AtlasPoint) point = g_list_model_get_item (rows, i);
      g_autofree char *entity = atlas_figure_table_dup_cell (ATLAS_FIGURE_TABLE (table), i, 0);
      g_autofree char *number = atlas_figure_table_dup_cell (ATLAS_FIGURE_TABLE (table), i, 3);
      g_autofree char *sentence = atlas_figure_table_dup_cell (ATLAS_FIGURE_TABLE (table), i, 7);
      g_autofree char *name = atlas_figure_table_dup_row_name (ATLAS_FIGURE_TABLE (table), i);
      g_autofree char *digits = g_strdup_printf ("%.0f", atlas_point_get_value (point));
      GString *plain = g_string_new (NULL);

      /* The raw number, whatever the locale's digit grouping. */
      for (const char *c = number; *c != '\0'; c++)
        if (g_ascii_isdigit (*c))
          g_string_append_c (plain, *c);
      g_assert_cmpstr (plain->str, ==, digits);
      g_string_free (plain, TRUE);
      g_assert_cmpstr (sentence, ==, atlas_point_get_sentence (point));
      g_assert_true (g_str_has_prefix (name, entity));
      if (g_str_equal (atlas_point_get_entity_id (point), "cinema"))
        {
          found_cinema = TRUE;
          g_assert_cmpstr (name, ==,
                           "China’s cinema industry, Box office revenue, ¥64.1 billion a year, By "
                           "2019, Reported");
        }
    }
  g_assert_true (found_cinema);

  /* The timeline's: one row per event. */
  g_assert_cmpuint (
      g_list_model_get_n_items (atlas_figure_table_get_rows (ATLAS_FIGURE_TABLE (events))), ==,
      g_list_model_get_n_items (atlas_dataset_get_events (dataset)));

  /* The selected figure is the selected row. */
  g_object_ref_sink (table);
  atlas_figure_table_set_selection (ATLAS_FIGURE_TABLE (table), selection);
  g_assert_true (atlas_selection_select_figure (selection, "box-office#0"));
  {
    GtkSingleSelection *model = GTK_SINGLE_SELECTION (rows);
    AtlasPoint *selected = gtk_single_selection_get_selected_item (model);

    g_assert_nonnull (selected);
    g_assert_cmpstr (atlas_point_get_entity_id (selected), ==, "cinema");
    atlas_selection_clear (selection);
    g_assert_cmpuint (gtk_single_selection_get_selected (model), ==, GTK_INVALID_LIST_POSITION);
  }
  g_object_unref (table);
  g_object_ref_sink (events);
  g_object_unref (events);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The language of the run of @label's text that starts at @start. */
static const char *
run_language (GtkWidget *label,
              guint start)
{
  PangoAttrIterator *iter =
      pango_attr_list_get_iterator (gtk_label_get_attributes (GTK_LABEL (label)));
  const char *language = NULL;

  do
    {
      int from, to;

      pango_attr_iterator_range (iter, &from, &to);
      if ((guint) from <= start && start < (guint) to)
        {
          PangoAttrLanguage *attr =
              (PangoAttrLanguage *) pango_attr_iterator_get (iter, PANGO_ATTR_LANGUAGE);

          language = attr ? pango_language_to_string (attr->value) : NULL;
        }
    }
  while (language == NULL && pango_attr_iterator_next (iter));
  pango_attr_iterator_destroy (iter);
  return language;
}

/* A bar's or an event's tooltip is dataset text, each run in its language:
 * a Chinese name in Chinese glyphs in an English interface. */
static void
test_tooltip_runs (void)
{
  const char *title = "Red Fruit (红果短剧)";
  const char *body = "Bilibili, 哔哩哔哩";
  GtkWidget *box = g_object_ref_sink (atlas_detail_tooltip_new (title, body));
  GtkWidget *heading = gtk_widget_get_first_child (box);
  GtkWidget *text = gtk_widget_get_next_sibling (heading);

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (heading)), ==, title);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (text)), ==, body);
  g_assert_cmpstr (run_language (heading, 0), ==, "en");
  g_assert_cmpstr (run_language (heading, (guint) (strstr (title, "红") - title)), ==, "zh-cn");
  g_assert_cmpstr (run_language (text, (guint) (strstr (body, "哔") - body)), ==, "zh-cn");
  g_object_unref (box);
}

/* A tooltip given without GTK's tooltip-text (which asks an X server where
 * the pointer is, each time it is set): GTK asks for it, once it would
 * show it, by the one handler however often it is set; it is text or
 * markup, and none once cleared. */
static void
test_tooltip_set (void)
{
  GtkWidget *button = g_object_ref_sink (gtk_button_new ());
  guint query = g_signal_lookup ("query-tooltip", GTK_TYPE_WIDGET);
  gulong handler;

  atlas_widget_set_tooltip_text (button, "Zoom <in> & out");
  g_assert_true (gtk_widget_get_has_tooltip (button));
  g_assert_cmpstr (atlas_widget_get_tooltip_markup (button), ==, "Zoom &lt;in&gt; &amp; out");
  g_assert_null (gtk_widget_get_tooltip_text (button));
  atlas_widget_set_tooltip_markup (button, "<b>Zoom</b> in");
  g_assert_cmpstr (atlas_widget_get_tooltip_markup (button), ==, "<b>Zoom</b> in");

  g_test_expect_message ("atlas-tooltip", G_LOG_LEVEL_CRITICAL, "*not Pango markup*");
  atlas_widget_set_tooltip_markup (button, "<b>Zoom in");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (atlas_widget_get_tooltip_markup (button), ==, "<b>Zoom</b> in");

  atlas_widget_set_tooltip_text (button, "");
  g_assert_false (gtk_widget_get_has_tooltip (button));
  g_assert_null (atlas_widget_get_tooltip_markup (button));
  handler = g_signal_handler_find (button, G_SIGNAL_MATCH_ID, query, 0, NULL, NULL, NULL);
  g_assert_cmpuint (handler, !=, 0);
  g_signal_handler_disconnect (button, handler);
  g_assert_false (g_signal_has_handler_pending (button, query, 0, TRUE));
  g_object_unref (button);
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

  g_test_add_func ("/charts/chart-pages", test_chart_pages);
  g_test_add_func ("/charts/export-dialog", test_export_dialog);
  g_test_add_func ("/charts/tables", test_tables);
  g_test_add_func ("/charts/tooltip-runs", test_tooltip_runs);
  g_test_add_func ("/charts/tooltip-set", test_tooltip_set);

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
