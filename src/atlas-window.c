/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-window"

#include "config.h"

/* The main window: the sidebar of entities, the timeline and the charts in a
 * view stack, and the detail panes below them.
 *
 * The window owns the AtlasSelection and gives it to every view; each view
 * follows it on its own and none calls another. The window itself follows it
 * only for what is its own: which detail pane shows, and the entity kept in
 * GSettings for the next start. Every way of changing the selection is an
 * action, in atlas-window-actions.c; loading a file is the loading bar's. */

#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

#include <glib/gi18n.h>

#include "atlas-chart.h"
#include "atlas-figure.h"
#include "atlas-figure-table.h"
#include "atlas-file-chooser.h"
#include "atlas-tooltip.h"
#include "atlas-window-private.h"

G_DEFINE_FINAL_TYPE (AtlasWindow,
                     atlas_window,
                     ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_DATASET,
  PROP_SETTINGS,
  PROP_SHOW_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_atlas_window_toast (AtlasWindow *self,
                     const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* The detail pane of what is selected, below the views, which have the
 * height to themselves while nothing is; and the entity to start with next
 * time. */
static void
follow_selection (AtlasWindow *self)
{
  AtlasEntity *entity = atlas_selection_get_entity (self->selection);
  AtlasSelectionKind kind = atlas_selection_get_kind (self->selection);

  if (kind == ATLAS_SELECTION_EVENT)
    gtk_stack_set_visible_child_name (self->content_stack, "event");
  else if (kind != ATLAS_SELECTION_NONE)
    gtk_stack_set_visible_child_name (self->content_stack, "detail");
  gtk_widget_set_visible (self->detail_pane, kind != ATLAS_SELECTION_NONE);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "selected-entity",
                           entity ? atlas_entity_get_id (entity) : "");
}

/* The table of figure @id, following the selection. */
static GtkWidget *
new_table (AtlasWindow *self,
           const char *id)
{
  GtkWidget *table = atlas_figure_table_new (self->dataset, id);

  atlas_figure_table_set_selection (ATLAS_FIGURE_TABLE (table), self->selection);
  return table;
}

/* Each figure's page shows its chart, or its table. A table is made the
 * first time it is shown: the window starts, and takes a dataset, without
 * building four tables nobody has asked for. */
static void
show_tables (AtlasWindow *self)
{
  for (guint i = 0; i < self->figure_stacks->len; i++)
    {
      GtkStack *stack = self->figure_stacks->pdata[i];
      AdwBin *bin = ADW_BIN (gtk_stack_get_child_by_name (stack, "table"));

      if (self->show_table && adw_bin_get_child (bin) == NULL && self->dataset != NULL)
        adw_bin_set_child (bin, new_table (self, g_object_get_data (G_OBJECT (bin), "figure-id")));
      gtk_stack_set_visible_child_name (stack, self->show_table ? "table" : "chart");
    }
}

/* The page of chart @spec: the chart, or its table, with the Table toggle
 * over it. */
static GtkWidget *
new_chart_page (AtlasWindow *self,
                const AtlasChartSpec *spec)
{
  GtkWidget *chart = atlas_chart_new (self->dataset, spec->id);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *page = gtk_overlay_new ();
  GtkWidget *toggle = gtk_toggle_button_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *table_bin = adw_bin_new ();

  gtk_widget_set_margin_start (chart, 18);
  gtk_widget_set_margin_end (chart, 18);
  gtk_widget_set_margin_top (chart, 8);
  gtk_widget_set_margin_bottom (chart, 8);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), chart);
  /* The chart scrolls its focused bar into view itself; the viewport
   * would scroll to the whole, taller, chart. */
  gtk_viewport_set_scroll_to_focus (
      GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))), FALSE);
  atlas_chart_set_selection (ATLAS_CHART (chart), self->selection);

  /* The Table toggle floats at the top right, over the chart's legend
   * row, so the chart keeps the height. */
  gtk_button_set_icon_name (GTK_BUTTON (toggle), "x-office-spreadsheet-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (toggle), "win.show-table");
  atlas_widget_set_tooltip_text (toggle, _ ("Show as a Table"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Table"), -1);
  gtk_widget_set_halign (toggle, GTK_ALIGN_END);
  gtk_widget_set_valign (toggle, GTK_ALIGN_START);
  gtk_widget_set_margin_top (toggle, 6);
  gtk_widget_set_margin_end (toggle, 18);

  gtk_stack_add_named (GTK_STACK (stack), scroller, "chart");
  g_object_set_data_full (G_OBJECT (table_bin), "figure-id", g_strdup (spec->id), g_free);
  gtk_stack_add_named (GTK_STACK (stack), table_bin, "table");
  gtk_overlay_set_child (GTK_OVERLAY (page), stack);
  gtk_overlay_add_overlay (GTK_OVERLAY (page), toggle);

  g_ptr_array_add (self->figure_stacks, stack);
  g_ptr_array_add (self->charts, chart);
  return page;
}

/* Returns: (transfer none): the chart on page @bin, built now if it is the
 * first time it is needed. */
static GtkWidget *
ensure_chart (AtlasWindow *self,
              AdwBin *bin)
{
  const char *id = g_object_get_data (G_OBJECT (bin), "chart-id");

  if (adw_bin_get_child (bin) == NULL)
    {
      for (guint i = 0; i < atlas_dataset_get_n_charts (self->dataset); i++)
        {
          const AtlasChartSpec *spec = atlas_dataset_get_chart (self->dataset, i);

          if (g_str_equal (spec->id, id))
            adw_bin_set_child (bin, new_chart_page (self, spec));
        }
      show_tables (self);
    }
  for (guint i = 0; i < self->charts->len; i++)
    if (g_str_equal (atlas_chart_get_chart_id (self->charts->pdata[i]), id))
      return self->charts->pdata[i];
  g_return_val_if_reached (NULL);
}

/* A chart's page is built the first time it is shown: the first frame
 * shows the timeline, and needs none of them. */
static void
on_visible_page (AtlasWindow *self)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->view_stack);

  if (page != NULL && g_object_get_data (G_OBJECT (page), "chart-id") != NULL)
    ensure_chart (self, ADW_BIN (page));
}

/* A page for each of the dataset's charts, named by the chart's id. The
 * pages there are kept, emptied, for the new charts: each page is a button
 * in the switchers, made again if the page is. */
static void
rebuild_charts (AtlasWindow *self)
{
  guint n = atlas_dataset_get_n_charts (self->dataset);

  while (self->chart_pages->len > n)
    {
      adw_view_stack_remove (self->view_stack, g_ptr_array_steal_index (
                                                   self->chart_pages, self->chart_pages->len - 1));
    }
  g_ptr_array_set_size (self->charts, 0);
  /* The timeline's own stack, and no chart's. */
  g_ptr_array_set_size (self->figure_stacks, 1);
  /* Names are unique in a stack: none while pages take new ones. */
  for (guint i = 0; i < self->chart_pages->len; i++)
    adw_view_stack_page_set_name (
        adw_view_stack_get_page (self->view_stack, self->chart_pages->pdata[i]), NULL);

  for (guint i = 0; i < n; i++)
    {
      const AtlasChartSpec *spec = atlas_dataset_get_chart (self->dataset, i);
      AdwViewStackPage *view_page;
      GtkWidget *bin;

      if (i < self->chart_pages->len)
        {
          bin = self->chart_pages->pdata[i];
          adw_bin_set_child (ADW_BIN (bin), NULL);
          view_page = adw_view_stack_get_page (self->view_stack, bin);
          adw_view_stack_page_set_name (view_page, spec->id);
          adw_view_stack_page_set_title (view_page, spec->title);
        }
      else
        {
          bin = adw_bin_new ();
          view_page = adw_view_stack_add_titled (self->view_stack, bin, spec->id, spec->title);
          adw_view_stack_page_set_icon_name (view_page, "atlas-chart-symbolic");
          g_ptr_array_add (self->chart_pages, bin);
        }
      g_object_set_data_full (G_OBJECT (bin), "chart-id", g_strdup (spec->id), g_free);
    }
  /* A switcher makes all its buttons again for each page added to its
   * stack (libadwaita 1.2). Given the stack once it has its pages, the two
   * at the top make 8 buttons, not 20: the first frame takes 3% fewer
   * instructions. */
  if (adw_view_switcher_title_get_stack (self->switcher_title) == NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, self->view_stack);
  show_tables (self);
  on_visible_page (self);
}

/* ---- memory ---- */

/* Starting, and taking a dataset, free much more than they keep (a parse
 * tree, the dataset before); the C library keeps what was freed for later,
 * 7 MB of the window's 55 MB once up. It is given back when the window is
 * idle after its first frame and after each dataset. */
static gboolean
trim_freed_memory (gpointer data)
{
  AtlasWindow *self = data;

  self->trim_source = 0;
#ifdef HAVE_MALLOC_TRIM
  malloc_trim (0);
#endif
  return G_SOURCE_REMOVE;
}

static void
schedule_trim (AtlasWindow *self)
{
  if (self->trim_source == 0)
    self->trim_source = g_idle_add_full (G_PRIORITY_LOW, trim_freed_memory, self, NULL);
}

static void
on_first_paint (GdkFrameClock *clock,
                AtlasWindow *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, self);
  schedule_trim (self);
}

/* The main menu's popover is built when the menu first opens: the first
 * frame does not show it, and building its 38 widgets with the window cost
 * the start-up 2 to 4 ms. Called each time the menu opens or closes. */
static void
build_primary_menu (GtkMenuButton *button,
                    gpointer user_data)
{
  AtlasWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
on_map (AtlasWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_map, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (on_first_paint), self, 0);
}

/* Shows @dataset in every view. @prepared and @measured: the timeline's
 * layout with the events set already, and the style its labels were
 * measured in (or NULL). The entity selected before, or kept from the last
 * run, is selected again if the dataset has it. */
static void
set_dataset_full (AtlasWindow *self,
                  AtlasDataset *dataset,
                  AtlasTimelineLayout *prepared,
                  const AtlasStyle *measured)
{
  g_autofree char *previous = NULL;
  AtlasEntity *entity;

  if (!g_set_object (&self->dataset, dataset))
    return;

  entity = atlas_selection_get_entity (self->selection);
  if (entity != NULL)
    previous = g_strdup (atlas_entity_get_id (entity));
  else if (self->settings != NULL)
    previous = g_settings_get_string (self->settings, "selected-entity");

  adw_view_switcher_title_set_subtitle (self->switcher_title, atlas_dataset_get_title (dataset));
  atlas_timeline_set_dataset_measured (self->timeline, dataset, prepared, measured);
  atlas_selection_set_dataset (self->selection, dataset);
  adw_bin_set_child (self->timeline_table_bin, NULL);
  rebuild_charts (self);
  atlas_selection_start_at_entity (self->selection, previous);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    schedule_trim (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

AtlasDataset *
atlas_window_get_dataset (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->dataset;
}

void
atlas_window_set_dataset (AtlasWindow *self,
                          AtlasDataset *dataset)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (ATLAS_IS_DATASET (dataset));

  set_dataset_full (self, dataset, NULL, NULL);
}

/* What every view follows. */
AtlasSelection *
atlas_window_get_selection (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->selection;
}

/* ---- loading a file, in the loading bar's thread ---- */

static void
on_dataset_loaded (AtlasWindow *self,
                   AtlasDataset *dataset,
                   AtlasTimelineLayout *prepared,
                   const AtlasStyle *measured)
{
  /* Translators: shown after a dataset file was opened; %s is its title */
  g_autofree char *message = g_strdup_printf (_ ("Opened “%s”"), atlas_dataset_get_title (dataset));

  set_dataset_full (self, dataset, prepared, measured);
  _atlas_window_toast (self, message);
}

static void
on_dataset_failed (AtlasWindow *self,
                   GError *error)
{
  atlas_show_error (GTK_WINDOW (self), _ ("Could Not Open Dataset"), error->message);
}

static void
on_load_cancelled (AtlasWindow *self)
{
  _atlas_window_toast (self, _ ("Stopped loading; the dataset shown stays"));
}

/* Loads @file off the main thread; the current dataset stays if it fails. */
void
atlas_window_open_file (AtlasWindow *self,
                        GFile *file)
{
  g_autoptr (AtlasStyle) measure = NULL;

  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  measure = atlas_timeline_dup_label_style (self->timeline);
  atlas_loading_bar_load (self->loading_bar, file, measure);
}

gboolean
atlas_window_is_loading (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  return atlas_loading_bar_is_loading (self->loading_bar);
}

/* The figure on screen: the timeline, or a chart's id. */
const char *
atlas_window_get_visible_figure (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/* Returns: (transfer none) (nullable): the AtlasChart of chart @chart_id,
 * built now if its page has not been shown yet */
GtkWidget *
atlas_window_get_chart (AtlasWindow *self,
                        const char *chart_id)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  for (guint i = 0; i < self->chart_pages->len; i++)
    if (g_strcmp0 (g_object_get_data (self->chart_pages->pdata[i], "chart-id"), chart_id) == 0)
      return ensure_chart (self, self->chart_pages->pdata[i]);
  return NULL;
}

/* ---- layout ---- */

/* A row activated in a folded window: show what it selected. */
static void
on_sidebar_activated (AtlasWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* The switcher at the foot, for a window too narrow for the one at the
 * top, is given the pages when it is first shown: each page is a button in
 * every switcher, and most windows never need this one. */
static void
on_title_visible (AtlasWindow *self)
{
  if (adw_view_switcher_title_get_title_visible (self->switcher_title) &&
      adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
}

/* ---- GObject ---- */

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
      /* Where the person last put the split between views and detail. */
      g_settings_bind (self->settings, "views-height", self->paned, "position",
                       G_SETTINGS_BIND_DEFAULT);
      /* Tables or pictures, as the person left them. */
      g_settings_bind (self->settings, "show-table", self, "show-table", G_SETTINGS_BIND_DEFAULT);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

static void
atlas_window_dispose (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_WINDOW);
  g_clear_handle_id (&self->trim_source, g_source_remove);

  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->chart_pages, g_ptr_array_unref);
  g_clear_pointer (&self->figure_stacks, g_ptr_array_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->dataset);
  g_clear_object (&self->settings);

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
    case PROP_SHOW_TABLE: g_value_set_boolean (value, self->show_table); break;
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
    case PROP_SHOW_TABLE:
      if (self->show_table != g_value_get_boolean (value))
        {
          self->show_table = g_value_get_boolean (value);
          show_tables (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The tooltips of the template's buttons (and the menu button's, bound to
 * its member), given by atlas_widget_set_tooltip_text() rather than as
 * the template's tooltip-text: see atlas-tooltip.c. */
static const struct
{
  const char *id;
  const char *text;
} template_tooltips[] = {
  { "sidebar_button", N_ ("Show the Entities") },
  { "back_button", N_ ("Back to the Previous Selection") },
  { "forward_button", N_ ("Forward to the Next Selection") },
  { "export_button", N_ ("Export…") },
  { "table_toggle", N_ ("Show as a Table") },
  { "zoom_out_button", N_ ("Zoom Out") },
  { "zoom_fit_button", N_ ("Show All Years") },
  { "zoom_in_button", N_ ("Zoom In") },
  { "close_detail_button", N_ ("Close the Detail") },
};

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
  /* Every figure as its table instead of its chart: win.show-table. */
  properties[PROP_SHOW_TABLE] =
      g_param_spec_boolean ("show-table", NULL, NULL, FALSE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATLAS_TYPE_CATEGORY_LEGEND);
  g_type_ensure (ATLAS_TYPE_ENTITY_DETAIL);
  g_type_ensure (ATLAS_TYPE_EVENT_DETAIL);
  g_type_ensure (ATLAS_TYPE_LOADING_BAR);
  g_type_ensure (ATLAS_TYPE_SIDEBAR);
  g_type_ensure (ATLAS_TYPE_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/atlas-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, timeline_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, timeline_table_bin);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, detail);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, event_detail);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, legend);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, loading_bar);
  for (guint i = 0; i < G_N_ELEMENTS (template_tooltips); i++)
    gtk_widget_class_bind_template_child_full (widget_class, template_tooltips[i].id, FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_dataset_loaded);
  gtk_widget_class_bind_template_callback (widget_class, on_dataset_failed);
  gtk_widget_class_bind_template_callback (widget_class, on_load_cancelled);

  _atlas_window_class_add_actions (widget_class);
}

static void
atlas_window_init (AtlasWindow *self)
{
  self->charts = g_ptr_array_new ();
  self->chart_pages = g_ptr_array_new ();
  self->figure_stacks = g_ptr_array_new ();
  self->selection = atlas_selection_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (template_tooltips); i++)
    atlas_widget_set_tooltip_text (
        GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), ATLAS_TYPE_WINDOW,
                                                   template_tooltips[i].id)),
        _ (template_tooltips[i].text));
  atlas_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), _ ("Main Menu"));
  g_ptr_array_add (self->figure_stacks, self->timeline_stack);
  g_object_set_data (G_OBJECT (self->timeline_table_bin), "figure-id",
                     (gpointer) ATLAS_FIGURE_TIMELINE);

  /* Every view follows the one selection. */
  atlas_sidebar_set_selection (self->sidebar, self->selection);
  atlas_timeline_set_selection (self->timeline, self->selection);
  atlas_entity_detail_set_selection (self->detail, self->selection);
  atlas_event_detail_set_selection (self->event_detail, self->selection);
  g_signal_connect_object (self->selection, "changed", G_CALLBACK (follow_selection), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  gtk_menu_button_set_create_popup_func (self->menu_button, build_primary_menu, self, NULL);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (on_title_visible), self, G_CONNECT_SWAPPED);
  on_title_visible (self);
  g_signal_connect_object (self->view_stack, "notify::visible-child", G_CALLBACK (on_visible_page),
                           self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->legend, "hidden-categories", self->timeline, "hidden-categories",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  /* The keyboard starts on the timeline, the first view: the search entry
   * would take it otherwise, and its blinking cursor kept the window
   * drawing frames for seconds while nobody touched it. Ctrl+F is there. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->timeline));
  _atlas_window_init_actions (self);
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
