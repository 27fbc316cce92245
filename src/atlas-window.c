/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-window"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-chart.h"
#include "atlas-entity-detail.h"
#include "atlas-entity-row.h"
#include "atlas-event-detail.h"
#include "atlas-export-dialog.h"
#include "atlas-figure.h"
#include "atlas-file-chooser.h"
#include "atlas-loader.h"
#include "atlas-timeline.h"
#include "atlas-timeline-layout.h"
#include "atlas-window.h"

struct _AtlasWindow
{
  AdwApplicationWindow parent_instance;

  AtlasDataset *dataset;
  GSettings *settings;
  char *selected_id;
  char *needle;                 /* casefolded search text */
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GCancellable *loading;

  /* template children */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  AdwWindowTitle *window_title;
  AdwViewSwitcher *view_switcher;
  AdwViewStack *view_stack;
  GPtrArray *charts;            /* AtlasChart, one page each */
  GtkSearchEntry *search_entry;
  GtkStack *sidebar_stack;
  GtkListBox *entity_list;
  GtkStack *content_stack;
  AtlasEntityDetail *detail;
  AtlasEventDetail *event_detail;
  AtlasTimeline *timeline;
  GtkBox *legend_box;
  GtkRevealer *loading_bar;     /* "Loading…", with a Cancel button */
  GtkLabel *loading_label;
  GtkSpinner *loading_spinner;
};

G_DEFINE_FINAL_TYPE (AtlasWindow,
                     atlas_window,
                     ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_DATASET,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
filter_entity (gpointer item,
               gpointer user_data)
{
  AtlasWindow *self = user_data;

  return atlas_entity_matches (ATLAS_ENTITY (item), self->needle);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return atlas_entity_row_new (ATLAS_ENTITY (item));
}

/* A heading above the first row of each kind: "Platforms", "Regulators"… */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer user_data)
{
  AtlasEntityKind kind =
      atlas_entity_get_kind (atlas_entity_row_get_entity (ATLAS_ENTITY_ROW (row)));
  GtkWidget *header;

  if (before != NULL &&
      atlas_entity_get_kind (atlas_entity_row_get_entity (ATLAS_ENTITY_ROW (before))) == kind)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_list_box_row_get_header (row);
  if (header == NULL)
    {
      header = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_add_css_class (header, "sidebar-heading");
      gtk_widget_add_css_class (header, "heading");
      gtk_list_box_row_set_header (row, header);
    }
  gtk_label_set_label (GTK_LABEL (header), atlas_entity_kind_get_plural (kind));
}

static GtkListBoxRow *
find_row (AtlasWindow *self,
          const char *entity_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->entity_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AtlasEntity *entity;

      if (!ATLAS_IS_ENTITY_ROW (child))
        continue;
      entity = atlas_entity_row_get_entity (ATLAS_ENTITY_ROW (child));
      if (g_strcmp0 (atlas_entity_get_id (entity), entity_id) == 0)
        return GTK_LIST_BOX_ROW (child);
    }
  return NULL;
}

/* Keeps the list's highlighted row in step with the selected entity, without
 * re-entering on_row_selected. */
static void
sync_list_selection (AtlasWindow *self)
{
  GtkListBoxRow *row = self->selected_id ? find_row (self, self->selected_id) : NULL;

  if (row == gtk_list_box_get_selected_row (self->entity_list))
    return;
  if (row != NULL)
    gtk_list_box_select_row (self->entity_list, row);
  else
    gtk_list_box_unselect_all (self->entity_list);
}

static void
update_sidebar_page (AtlasWindow *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_stack_set_visible_child_name (self->sidebar_stack, empty ? "empty" : "list");
}

static void
show_entity (AtlasWindow *self,
             AtlasEntity *entity)
{
  g_free (self->selected_id);
  self->selected_id = entity ? g_strdup (atlas_entity_get_id (entity)) : NULL;

  atlas_entity_detail_show (self->detail, self->dataset, entity);
  gtk_stack_set_visible_child_name (self->content_stack, entity ? "detail" : "empty");
  atlas_timeline_set_highlight_entity (self->timeline, self->selected_id);
  for (guint i = 0; i < self->charts->len; i++)
    atlas_chart_set_highlight_entity (self->charts->pdata[i], self->selected_id);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "selected-entity",
                           self->selected_id ? self->selected_id : "");
}

static void
on_row_selected (GtkListBox *list,
                 GtkListBoxRow *row,
                 AtlasWindow *self)
{
  AtlasEntity *entity;

  /* Filtering removes rows, which unselects them: that is not a choice. */
  if (row == NULL)
    return;

  entity = atlas_entity_row_get_entity (ATLAS_ENTITY_ROW (row));
  if (g_strcmp0 (self->selected_id, atlas_entity_get_id (entity)) != 0)
    show_entity (self, entity);
}

static void
on_row_activated (GtkListBox *list,
                  GtkListBoxRow *row,
                  AtlasWindow *self)
{
  on_row_selected (list, row, self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_search_changed (GtkSearchEntry *entry,
                   AtlasWindow *self)
{
  g_free (self->needle);
  self->needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_sidebar_page (self);
  sync_list_selection (self);
}

static void
on_stop_search (GtkSearchEntry *entry,
                AtlasWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_entity_activated (GtkWidget *detail,
                     const char *entity_id,
                     AtlasWindow *self)
{
  atlas_window_select_entity (self, entity_id);
}

static void
show_event (AtlasWindow *self,
            AtlasEvent *event)
{
  atlas_event_detail_show (self->event_detail, self->dataset, event);
  gtk_stack_set_visible_child_name (self->content_stack, "event");
}

static void
on_timeline_event_activated (AtlasTimeline *timeline,
                             AtlasEvent *event,
                             AtlasWindow *self)
{
  show_event (self, event);
}

static void
on_detail_event_activated (AtlasEntityDetail *detail,
                           AtlasEvent *event,
                           AtlasWindow *self)
{
  atlas_timeline_set_selected_event (self->timeline, event);
  show_event (self, event);
}

/* A bar selects its entity, and on the timeline its event, when it has one. */
static void
on_chart_point_activated (AtlasChart *chart,
                          AtlasPoint *point,
                          AtlasWindow *self)
{
  AtlasEvent *event = atlas_dataset_lookup_event (self->dataset, atlas_point_get_event_id (point));

  for (guint i = 0; i < self->charts->len; i++)
    if (self->charts->pdata[i] != chart)
      atlas_chart_set_selected_point (self->charts->pdata[i], NULL);
  atlas_window_select_entity (self, atlas_point_get_entity_id (point));
  atlas_timeline_set_selected_event (self->timeline, event);
}

/* A page for each of the dataset's charts. */
static void
rebuild_charts (AtlasWindow *self)
{
  for (guint i = 0; i < self->charts->len; i++)
    {
      GtkWidget *page = gtk_widget_get_ancestor (self->charts->pdata[i], GTK_TYPE_SCROLLED_WINDOW);

      adw_view_stack_remove (self->view_stack, page);
    }
  g_ptr_array_set_size (self->charts, 0);

  for (guint i = 0; i < atlas_dataset_get_n_charts (self->dataset); i++)
    {
      const AtlasChartSpec *spec = atlas_dataset_get_chart (self->dataset, i);
      GtkWidget *chart = atlas_chart_new (self->dataset, spec->id);
      GtkWidget *scroller = gtk_scrolled_window_new ();
      AdwViewStackPage *page;

      gtk_widget_set_margin_start (chart, 18);
      gtk_widget_set_margin_end (chart, 18);
      gtk_widget_set_margin_top (chart, 12);
      gtk_widget_set_margin_bottom (chart, 12);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), chart);
      /* The chart scrolls its focused bar into view itself; the viewport
       * would scroll to the whole, taller, chart. */
      gtk_viewport_set_scroll_to_focus (
          GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))), FALSE);
      g_signal_connect_object (chart, "point-activated", G_CALLBACK (on_chart_point_activated),
                               self, 0);
      atlas_chart_set_highlight_entity (ATLAS_CHART (chart), self->selected_id);

      page = adw_view_stack_add_titled (self->view_stack, scroller, spec->id, spec->title);
      adw_view_stack_page_set_icon_name (page, "atlas-chart-symbolic");
      g_ptr_array_add (self->charts, chart);
    }
}

/* Selects @event on the timeline and shows it. */
void
atlas_window_select_event (AtlasWindow *self,
                           AtlasEvent *event)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (ATLAS_IS_EVENT (event));

  atlas_timeline_set_selected_event (self->timeline, event);
  show_event (self, event);
}

/* Selects @entity_id in the sidebar and shows it; clears a search that hides
 * it. FALSE if the dataset has no such entity. */
gboolean
atlas_window_select_entity (AtlasWindow *self,
                            const char *entity_id)
{
  AtlasEntity *entity;

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);

  entity = entity_id ? atlas_dataset_lookup_entity (self->dataset, entity_id) : NULL;
  if (entity == NULL)
    return FALSE;

  if (!atlas_entity_matches (entity, self->needle))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  show_entity (self, entity);
  sync_list_selection (self);
  return TRUE;
}

const char *
atlas_window_get_selected_id (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->selected_id;
}

AtlasDataset *
atlas_window_get_dataset (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->dataset;
}

/* What the loading thread makes of a file: the dataset, and its timeline
 * labels measured in the font the timeline had when the load began. */
typedef struct
{
  GFile *file;
  PangoFontDescription *font;
  double resolution;
  AtlasDataset *dataset;
  GArray *labels;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->font, pango_font_description_free);
  g_clear_object (&data->dataset);
  g_clear_pointer (&data->labels, g_array_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData,
                               load_data_free)

static void
set_dataset_full (AtlasWindow *self,
                  AtlasDataset *dataset,
                  LoadData *measured)
{
  g_autofree char *previous = NULL;

  if (!g_set_object (&self->dataset, dataset))
    return;

  previous = g_strdup (self->selected_id);
  if (previous == NULL && self->settings != NULL)
    previous = g_settings_get_string (self->settings, "selected-entity");

  adw_window_title_set_subtitle (self->window_title, atlas_dataset_get_title (dataset));
  if (measured != NULL)
    atlas_timeline_set_dataset_measured (self->timeline, dataset, measured->labels, measured->font,
                                         measured->resolution);
  else
    atlas_timeline_set_dataset (self->timeline, dataset);
  rebuild_charts (self);
  gtk_filter_list_model_set_model (self->filtered, atlas_dataset_get_entities (dataset));
  update_sidebar_page (self);

  g_clear_pointer (&self->selected_id, g_free);
  if (!atlas_window_select_entity (self, previous))
    show_entity (self, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

void
atlas_window_set_dataset (AtlasWindow *self,
                          AtlasDataset *dataset)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (ATLAS_IS_DATASET (dataset));

  set_dataset_full (self, dataset, NULL);
}

static void
end_loading (AtlasWindow *self)
{
  g_clear_object (&self->loading);
  gtk_revealer_set_reveal_child (self->loading_bar, FALSE);
  gtk_spinner_stop (self->loading_spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", FALSE);
}

static void
cancel_load_action (GtkWidget *widget,
                    const char *action_name,
                    GVariant *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  if (self->loading == NULL)
    return;
  g_cancellable_cancel (self->loading);
  end_loading (self);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_ ("Stopped loading; the dataset shown stays")));
}

static void
on_dataset_loaded (GObject *source,
                   GAsyncResult *result,
                   gpointer user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (source);
  g_autoptr (LoadData) data = NULL;
  g_autoptr (GError) error = NULL;

  data = g_task_propagate_pointer (G_TASK (result), &error);
  /* Cancelled: by the person, or by a newer load, which has its own toast. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end_loading (self);

  if (data == NULL)
    {
      atlas_show_error (GTK_WINDOW (self), _ ("Could Not Open Dataset"), error->message);
      return;
    }

  set_dataset_full (self, data->dataset, data);
  {
    /* Translators: shown after a dataset file was opened; %s is its title */
    g_autofree char *message =
        g_strdup_printf (_ ("Opened “%s”"), atlas_dataset_get_title (data->dataset));

    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  }
}

/* In a worker thread: reads and checks the file, then measures the
 * timeline's labels, the two steps that grow with the file. */
static void
load_in_thread (GTask *task,
                gpointer source,
                gpointer task_data,
                GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr (LoadData) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) dataset = NULL;
  PangoContext *context;

  dataset = atlas_dataset_load_file (data->file, cancellable, &error);
  if (dataset == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  /* The default font map is per thread, so this one is the thread's own. */
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (context, data->resolution);

  result = g_new0 (LoadData, 1);
  result->font = pango_font_description_copy (data->font);
  result->resolution = data->resolution;
  result->labels =
      atlas_timeline_measure_labels (atlas_dataset_get_events (dataset), context, data->font);
  g_object_unref (context);
  result->dataset = g_steal_pointer (&dataset);
  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) load_data_free);
}

/* Loads @file off the main thread; the current dataset stays if it fails. */
void
atlas_window_open_file (AtlasWindow *self,
                        GFile *file)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  end_loading (self);

  {
    g_autofree char *name = g_file_get_basename (file);
    /* Translators: shown while a dataset file loads; %s is its name */
    g_autofree char *title = g_strdup_printf (_ ("Loading “%s”…"), name);

    gtk_label_set_label (self->loading_label, title);
    gtk_spinner_start (self->loading_spinner);
    gtk_revealer_set_reveal_child (self->loading_bar, TRUE);
  }

  self->loading = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", TRUE);
  {
    g_autoptr (GTask) task = g_task_new (self, self->loading, on_dataset_loaded, NULL);
    LoadData *data = g_new0 (LoadData, 1);

    data->file = g_object_ref (file);
    data->font = atlas_timeline_dup_label_font (self->timeline, &data->resolution);
    g_task_set_source_tag (task, atlas_window_open_file);
    g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
    g_task_run_in_thread (task, load_in_thread);
  }
}

gboolean
atlas_window_is_loading (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  return self->loading != NULL;
}

static void
on_dataset_file_chosen (GFile *file,
                        gpointer user_data)
{
  if (file != NULL)
    atlas_window_open_file (user_data, file);
}

static void
open_action (GtkWidget *widget,
             const char *action_name,
             GVariant *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr (GtkFileFilter) json_filter = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all_filter = gtk_file_filter_new ();
  GtkFileFilter *filters[2] = { json_filter, all_filter };

  gtk_file_filter_set_name (json_filter, _ ("JSON Datasets"));
  gtk_file_filter_add_mime_type (json_filter, "application/json");
  gtk_file_filter_add_suffix (json_filter, "json");
  gtk_file_filter_set_name (all_filter, _ ("All Files"));
  gtk_file_filter_add_pattern (all_filter, "*");

  atlas_choose_file (GTK_WINDOW (self), FALSE, _ ("Open Dataset"), _ ("_Open"), NULL, filters, 2,
                     on_dataset_file_chosen, g_object_ref (self), g_object_unref);
}

static void
zoom_action (GtkWidget *widget,
             const char *action_name,
             GVariant *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  double center = gtk_widget_get_width (GTK_WIDGET (self->timeline)) / 2.0;

  if (g_str_equal (action_name, "win.zoom-in"))
    atlas_timeline_zoom (self->timeline, 1.5, center);
  else if (g_str_equal (action_name, "win.zoom-out"))
    atlas_timeline_zoom (self->timeline, 1 / 1.5, center);
  else
    atlas_timeline_zoom_to_fit (self->timeline);
}

static void
on_export_done (AtlasExportDialog *dialog,
                const char *message,
                AtlasWindow *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* The figure on screen: the timeline, or a chart. */
const char *
atlas_window_get_visible_figure (AtlasWindow *self)
{
  GtkWidget *page;

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  page = adw_view_stack_get_visible_child (self->view_stack);
  for (guint i = 0; i < self->charts->len; i++)
    if (gtk_widget_is_ancestor (self->charts->pdata[i], page))
      return atlas_chart_get_chart_id (self->charts->pdata[i]);
  return ATLAS_FIGURE_TIMELINE;
}

static void
export_action (GtkWidget *widget,
               const char *action_name,
               GVariant *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  AtlasExportDialog *dialog = atlas_export_dialog_new (GTK_WINDOW (self), self->dataset,
                                                       atlas_window_get_visible_figure (self));

  g_signal_connect_object (dialog, "done", G_CALLBACK (on_export_done), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the legend: a toggle per category, which shows or hides it ---- */

static void
draw_legend_dot (GtkDrawingArea *area,
                 cairo_t *cr,
                 int width,
                 int height,
                 gpointer user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (gtk_widget_get_root (GTK_WIDGET (area)));
  guint category = GPOINTER_TO_UINT (user_data);
  AtlasColor color = atlas_timeline_get_style (self->timeline)->categories[category];

  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
on_legend_toggled (GtkToggleButton *button,
                   AtlasWindow *self)
{
  guint category = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "atlas-category"));
  guint hidden = atlas_timeline_get_hidden_categories (self->timeline);

  if (gtk_toggle_button_get_active (button))
    hidden &= ~(1u << category);
  else
    hidden |= 1u << category;
  atlas_timeline_set_hidden_categories (self->timeline, hidden);
}

static void
on_hidden_categories_changed (AtlasWindow *self)
{
  guint hidden = atlas_timeline_get_hidden_categories (self->timeline);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->legend_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      guint category = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "atlas-category"));

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), (hidden & (1u << category)) == 0);
    }
}

static void
on_style_changed (AtlasWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->legend_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_queue_draw (gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (child))));
}

/* Narrow windows get the compact switcher: icons over labels. */
static void
on_folded_changed (AtlasWindow *self)
{
  adw_view_switcher_set_policy (self->view_switcher, adw_leaflet_get_folded (self->leaflet)
                                                         ? ADW_VIEW_SWITCHER_POLICY_NARROW
                                                         : ADW_VIEW_SWITCHER_POLICY_WIDE);
}

static void
build_legend (AtlasWindow *self)
{
  for (guint category = 0; category < ATLAS_N_CATEGORIES; category++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *dot = gtk_drawing_area_new ();
      const char *label = atlas_event_category_get_label (category);
      g_autofree char *tooltip = g_strdup_printf (_ ("Show or hide %s events"), label);

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (dot), 10);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (dot), 10);
      gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (dot), draw_legend_dot,
                                      GUINT_TO_POINTER (category), NULL);
      gtk_box_append (GTK_BOX (box), dot);
      gtk_box_append (GTK_BOX (box), gtk_label_new (label));
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "legend-item");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      g_object_set_data (G_OBJECT (button), "atlas-category", GUINT_TO_POINTER (category));
      g_signal_connect (button, "toggled", G_CALLBACK (on_legend_toggled), self);
      gtk_box_append (self->legend_box, button);
    }
}

static void
search_action (GtkWidget *widget,
               const char *action_name,
               GVariant *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget *widget,
             const char *action_name,
             GVariant *parameter)
{
  adw_leaflet_navigate (ATLAS_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
atlas_window_close_request (GtkWindow *window)
{
  AtlasWindow *self = ATLAS_WINDOW (window);
  int width, height;

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set (self->settings, "window-size", "(ii)", width, height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (atlas_window_parent_class)->close_request (window);
}

static void
atlas_window_constructed (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  G_OBJECT_CLASS (atlas_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    {
      int width, height;

      g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
      gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

static void
atlas_window_dispose (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_WINDOW);

  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->dataset);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (atlas_window_parent_class)->dispose (object);
}

static void
atlas_window_get_property (GObject *object,
                           guint prop_id,
                           GValue *value,
                           GParamSpec *pspec)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET: g_value_set_object (value, self->dataset); break;
    case PROP_SETTINGS: g_value_set_object (value, self->settings); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_window_set_property (GObject *object,
                           guint prop_id,
                           const GValue *value,
                           GParamSpec *pspec)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET: atlas_window_set_dataset (self, g_value_get_object (value)); break;
    case PROP_SETTINGS: self->settings = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_window_class_init (AtlasWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = atlas_window_constructed;
  object_class->dispose = atlas_window_dispose;
  object_class->get_property = atlas_window_get_property;
  object_class->set_property = atlas_window_set_property;
  window_class->close_request = atlas_window_close_request;

  properties[PROP_DATASET] =
      g_param_spec_object ("dataset", NULL, NULL, ATLAS_TYPE_DATASET,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Set before "dataset" (construct-only properties come first), so the last
   * selected entity can be restored. */
  properties[PROP_SETTINGS] =
      g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATLAS_TYPE_ENTITY_DETAIL);
  g_type_ensure (ATLAS_TYPE_EVENT_DETAIL);
  g_type_ensure (ATLAS_TYPE_TIMELINE);
  g_type_ensure (ATLAS_TYPE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/atlas-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, entity_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, detail);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, event_detail);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, legend_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, loading_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, loading_spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_entity_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_event_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_event_activated);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load_action);
}

static void
atlas_window_init (AtlasWindow *self)
{
  self->charts = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_entity, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  gtk_list_box_bind_model (self->entity_list, G_LIST_MODEL (self->filtered), create_row, self,
                           NULL);
  gtk_list_box_set_header_func (self->entity_list, update_header, self, NULL);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->entity_list));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", FALSE);
  build_legend (self);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_folded_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline, "notify::hidden-categories",
                           G_CALLBACK (on_hidden_categories_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
}

AtlasWindow *
atlas_window_new (GtkApplication *application,
                  AtlasDataset *dataset,
                  GSettings *settings)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (ATLAS_TYPE_WINDOW, "application", application, "settings", settings,
                       "dataset", dataset, NULL);
}
