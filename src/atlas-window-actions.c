/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-window"

#include "config.h"

/* The window's actions. Every way of selecting — a sidebar row, an event on
 * the timeline, a chart's bar, a row of a detail pane, the keyboard — comes
 * here as an action with the id as its target, and changes the one
 * AtlasSelection that the views follow:
 *
 *   win.select-entity  "red-fruit"
 *   win.select-event   "red-fruit-suspension"
 *   win.select-figure  "box-office#0"      (see atlas_point_dup_id())
 *   win.clear-selection                    Escape, a click on empty space
 *   win.go-back, win.go-forward            Alt+←/→, the mouse's side buttons
 *
 * and the rest of what the window does: open, export, search, show a chart,
 * zoom (the timeline's own actions, for the toolbar and the accelerators
 * that work wherever the focus is). */

#include <string.h>

#include <glib/gi18n.h>

#include "atlas-citation.h"
#include "atlas-export-dialog.h"
#include "atlas-file-chooser.h"
#include "atlas-window-private.h"

/* The mouse's back and forward side buttons. */
#define BUTTON_BACK 8
#define BUTTON_FORWARD 9

static void
select_action (GtkWidget *widget,
               const char *action_name,
               GVariant *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  gboolean found;

  if (g_str_equal (action_name, "win.select-entity"))
    found = atlas_selection_select_entity (self->selection, id);
  else if (g_str_equal (action_name, "win.select-event"))
    found = atlas_selection_select_event (self->selection, id);
  else
    found = atlas_selection_select_figure (self->selection, id);

  /* Only the dataset's own ids reach here; another is a bug, not input. */
  if (!found)
    g_warning ("%s: the dataset has nothing with the id “%s”", action_name, id);
}

static void
clear_selection_action (GtkWidget *widget,
                        const char *action_name,
                        GVariant *parameter)
{
  atlas_selection_clear (ATLAS_WINDOW (widget)->selection);
}

static void
history_action (GtkWidget *widget,
                const char *action_name,
                GVariant *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  if (g_str_equal (action_name, "win.go-back"))
    atlas_selection_go_back (self->selection);
  else
    atlas_selection_go_forward (self->selection);
}

static void
update_history_actions (AtlasWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back",
                                 atlas_selection_can_go_back (self->selection));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-forward",
                                 atlas_selection_can_go_forward (self->selection));
}

/* The mouse's side buttons walk the history, wherever the pointer is. */
static void
on_side_button_pressed (GtkGestureClick *gesture,
                        int n_press,
                        double x,
                        double y,
                        AtlasWindow *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button == BUTTON_BACK)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.go-back", NULL);
  else if (button == BUTTON_FORWARD)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.go-forward", NULL);
  else
    {
      /* Any other button is for the widget under the pointer. */
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Puts the citation of @target, "figure:ID" or "event:ID", on the
 * clipboard: the figure or event, the sentence it comes from, and its
 * source. */
static void
copy_citation (AtlasWindow *self,
               const char *target)
{
  g_autofree char *text = NULL;

  if (g_str_has_prefix (target, "figure:"))
    {
      AtlasPoint *point = atlas_dataset_lookup_point (self->dataset, target + strlen ("figure:"));

      if (point != NULL)
        text = atlas_citation_for_point (self->dataset, point);
    }
  else if (g_str_has_prefix (target, "event:"))
    {
      AtlasEvent *event = atlas_dataset_lookup_event (self->dataset, target + strlen ("event:"));

      if (event != NULL)
        text = atlas_citation_for_event (self->dataset, event);
    }
  if (text == NULL)
    {
      g_warning ("win.copy-citation: the dataset has nothing that is “%s”", target);
      return;
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  _atlas_window_toast (self, _ ("Copied the citation"));
}

static void
copy_citation_action (GtkWidget *widget,
                      const char *action_name,
                      GVariant *parameter)
{
  copy_citation (ATLAS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Ctrl+Shift+C: the citation of the selected figure or event. */
static void
copy_selected_citation_action (GtkWidget *widget,
                               const char *action_name,
                               GVariant *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  AtlasPoint *point = atlas_selection_get_figure (self->selection);
  AtlasEvent *event = atlas_selection_get_event (self->selection);
  g_autofree char *target = NULL;

  if (atlas_selection_get_kind (self->selection) == ATLAS_SELECTION_FIGURE && point != NULL)
    {
      g_autofree char *id = atlas_point_dup_id (point);

      target = g_strconcat ("figure:", id, NULL);
    }
  else if (event != NULL)
    target = g_strconcat ("event:", atlas_event_get_id (event), NULL);
  if (target == NULL)
    {
      _atlas_window_toast (self, _ ("Select a figure or an event to copy its citation"));
      return;
    }
  copy_citation (self, target);
}

/* Alt+1, Alt+2…: the timeline, then each chart, as the switcher orders them. */
static void
show_view_action (GtkWidget *widget,
                  const char *action_name,
                  GVariant *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr (GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);
  int index = g_variant_get_int32 (parameter);
  g_autoptr (AdwViewStackPage) page = NULL;

  if (index < 0 || (guint) index >= g_list_model_get_n_items (G_LIST_MODEL (pages)))
    return;
  page = g_list_model_get_item (G_LIST_MODEL (pages), (guint) index);
  adw_view_stack_set_visible_child (self->view_stack, adw_view_stack_page_get_child (page));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Shows the page of chart @parameter (or "timeline"). */
static void
show_chart_action (GtkWidget *widget,
                   const char *action_name,
                   GVariant *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, id) == NULL)
    {
      g_warning ("win.show-chart: no chart has the id “%s”", id);
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* The toolbar's zoom buttons and the window-wide accelerators, on the
 * timeline's own actions: one zoom step, the timeline's. */
static void
zoom_action (GtkWidget *widget,
             const char *action_name,
             GVariant *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  /* "win.zoom-in" → "timeline.zoom-in" */
  g_autofree char *name = g_strconcat ("timeline.", action_name + strlen ("win."), NULL);

  gtk_widget_activate_action (GTK_WIDGET (self->timeline), name, NULL);
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
on_export_done (AtlasExportDialog *dialog,
                const char *message,
                AtlasWindow *self)
{
  _atlas_window_toast (self, message);
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

static void
search_action (GtkWidget *widget,
               const char *action_name,
               GVariant *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  atlas_sidebar_focus_search (self->sidebar);
}

static void
show_sidebar_action (GtkWidget *widget,
                     const char *action_name,
                     GVariant *parameter)
{
  adw_leaflet_navigate (ATLAS_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The shortcuts window, built the first time it is asked for: GTK would
 * build it with every window (from gtk/help-overlay.ui), before the first
 * frame, for a window most people never open. */
static void
show_shortcuts_action (GtkWidget *widget,
                       const char *action_name,
                       GVariant *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *shortcuts = gtk_application_window_get_help_overlay (window);

  if (shortcuts == NULL)
    {
      g_autoptr (GtkBuilder) builder =
          gtk_builder_new_from_resource (RESOURCE_BASE "/atlas-shortcuts.ui");

      shortcuts = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, shortcuts);
    }
  gtk_window_present (GTK_WINDOW (shortcuts));
}

void
_atlas_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.select-entity", "s", select_action);
  gtk_widget_class_install_action (widget_class, "win.select-event", "s", select_action);
  gtk_widget_class_install_action (widget_class, "win.select-figure", "s", select_action);
  gtk_widget_class_install_action (widget_class, "win.clear-selection", NULL,
                                   clear_selection_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.go-forward", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.show-chart", "s", show_chart_action);
  gtk_widget_class_install_action (widget_class, "win.copy-citation", "s", copy_citation_action);
  gtk_widget_class_install_action (widget_class, "win.copy-selected-citation", NULL,
                                   copy_selected_citation_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "i", show_view_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-table", "show-table");
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_action);

  /* Keys that a focused widget (the search entry, say) may use first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.clear-selection",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.go-forward",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-selected-citation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.show-table",
                                       NULL);
  for (int i = 0; i < 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, "win.show-view",
                                         "i", i);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Forward, 0, "win.go-forward", NULL);
}

void
_atlas_window_init_actions (AtlasWindow *self)
{
  GtkGesture *side_buttons = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (side_buttons), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (side_buttons),
                                              GTK_PHASE_CAPTURE);
  g_signal_connect (side_buttons, "pressed", G_CALLBACK (on_side_button_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (side_buttons));

  g_signal_connect_object (self->selection, "notify::can-go-back",
                           G_CALLBACK (update_history_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::can-go-forward",
                           G_CALLBACK (update_history_actions), self, G_CONNECT_SWAPPED);
  update_history_actions (self);
}
