/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-chart"

#include "config.h"

/* A chart of the dataset's series (atlas-chart-layout.c), as a widget: its
 * height follows its width, a bar is hovered, clicked or stepped to with the
 * arrow keys, and its tooltip gives the figure with its source. snapshot()
 * only draws; the layout is made when the data or the width change.
 *
 * It follows an AtlasSelection: the selected figure is outlined, and the
 * figures of the selected entity or event are lit, the others dimmed. A
 * click or Enter goes through the window's actions (win.select-figure, and
 * win.clear-selection for a click beside the bars). */

#include <math.h>

#include <glib/gi18n.h>

#include "atlas-chart.h"
#include "atlas-chart-layout.h"
#include "atlas-chart-renderer.h"
#include "atlas-detail-rows.h"
#include "atlas-selection.h"
#include "atlas-widget-style.h"

struct _AtlasChart
{
  GtkWidget parent_instance;

  AtlasDataset *dataset;
  AtlasSelection *selection;
  GSignalGroup *selection_signals;
  AtlasChartLayout *layout;
  AtlasStyle *style;
  AtlasTextCache *texts;
  double laid_out_width;

  int selected;
  int focused;
  int hovered;
  char *highlight;       /* entity whose figures are lit, or NULL */
  char *highlight_event; /* event whose figures are lit, or NULL */
};

G_DEFINE_FINAL_TYPE (AtlasChart,
                     atlas_chart,
                     GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ensure_layout (AtlasChart *self,
               double width)
{
  PangoContext *measuring;

  if (self->layout == NULL || self->style == NULL || width <= 0 || width == self->laid_out_width)
    return;
  /* In the fonts the bars' text is drawn in: the style's options. */
  measuring = atlas_style_create_context (self->style);
  atlas_chart_layout_update (self->layout, width, measuring, self->style->font);
  g_object_unref (measuring);
  self->laid_out_width = width;
}

static void
update_style (AtlasChart *self)
{
  g_clear_pointer (&self->style, atlas_style_free);
  self->style = atlas_style_new_for_widget (GTK_WIDGET (self));
  self->laid_out_width = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static char *
describe_point (AtlasChart *self,
                int index)
{
  const AtlasChartBar *bar = atlas_chart_layout_get_bar (self->layout, (guint) index);
  g_autofree char *value = atlas_format_point (bar->point);

  /* Translators: a chart bar for screen readers: entity, measure, value,
   * date, status, e.g. "Red Fruit, Monthly active users, 236 million people,
   * September 2025, Reported" */
  return g_strdup_printf (_ ("%s, %s, %s, %s, %s"), bar->label,
                          atlas_series_get_label (bar->series), value, bar->date,
                          atlas_value_status_get_label (atlas_point_get_status (bar->point)));
}

/* Scrolls the chart's scrolled window so that bar @index is in view. */
static void
scroll_to_bar (AtlasChart *self,
               int index)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport;
  GtkAdjustment *adjustment;
  const AtlasChartBar *bar;
  double x, top, value, page;

  if (scroller == NULL || index < 0 ||
      (viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))) == NULL)
    return;

  bar = atlas_chart_layout_get_bar (self->layout, (guint) index);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self), viewport, 0, bar->y, &x, &top))
    return;
  top += value;   /* in the content's coordinates */

  if (top < value)
    gtk_adjustment_set_value (adjustment, top - 8);
  else if (top + ATLAS_CHART_ROW_HEIGHT > value + page)
    gtk_adjustment_set_value (adjustment, top + ATLAS_CHART_ROW_HEIGHT - page + 8);
}

static void
set_focused (AtlasChart *self,
             int index)
{
  g_autofree char *description = NULL;

  self->focused = index;
  scroll_to_bar (self, index);
  description = index >= 0
                    ? describe_point (self, index)
                    : g_strdup (_ ("Use the up and down arrow keys to move between figures"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
select_index (AtlasChart *self,
              int index)
{
  self->selected = index;
  if (index >= 0)
    set_focused (self, index);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A person chose bar @index (-1: beside the bars): ask the window. */
static void
activate_index (AtlasChart *self,
                int index)
{
  g_autofree char *id = NULL;

  if (index < 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.clear-selection", NULL);
      return;
    }
  id = atlas_point_dup_id (atlas_chart_layout_get_bar (self->layout, (guint) index)->point);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.select-figure", "s", id);
}

static void
replace_string (char **slot,
                const char *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
}

static void
follow_selection (AtlasChart *self)
{
  AtlasSelection *selection = self->selection;
  AtlasPoint *figure = selection ? atlas_selection_get_figure (selection) : NULL;
  gboolean event_kind =
      selection != NULL && atlas_selection_get_kind (selection) == ATLAS_SELECTION_EVENT;

  replace_string (&self->highlight,
                  selection ? atlas_selection_get_highlight_entity_id (selection) : NULL);
  replace_string (&self->highlight_event,
                  event_kind ? atlas_selection_get_event_id (selection) : NULL);
  select_index (self, figure ? atlas_chart_layout_find_point (self->layout, figure) : -1);
}

GtkWidget *
atlas_chart_new (AtlasDataset *dataset,
                 const char *chart_id)
{
  AtlasChart *self;
  g_autofree char *label = NULL;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (atlas_dataset_lookup_chart (dataset, chart_id) != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_CHART, NULL);
  self->dataset = g_object_ref (dataset);
  self->layout = atlas_chart_layout_new (dataset, chart_id);

  label = g_strdup_printf ("%s. %s", atlas_chart_layout_get_title (self->layout),
                           atlas_chart_layout_get_description (self->layout)
                               ? atlas_chart_layout_get_description (self->layout)
                               : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  set_focused (self, -1);
  return GTK_WIDGET (self);
}

/* Whether the chart has been laid out: not until its page is shown. */
gboolean
atlas_chart_is_laid_out (AtlasChart *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART (self), FALSE);
  return self->laid_out_width > 0;
}

const char *
atlas_chart_get_chart_id (AtlasChart *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART (self), NULL);
  return atlas_chart_layout_get_id (self->layout);
}

AtlasPoint *
atlas_chart_get_selected_point (AtlasChart *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART (self), NULL);

  if (self->selected < 0)
    return NULL;
  return atlas_chart_layout_get_bar (self->layout, (guint) self->selected)->point;
}

AtlasSelection *
atlas_chart_get_selection (AtlasChart *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART (self), NULL);
  return self->selection;
}

/* The selection to follow (NULL for none). */
void
atlas_chart_set_selection (AtlasChart *self,
                           AtlasSelection *selection)
{
  g_return_if_fail (ATLAS_IS_CHART (self));
  g_return_if_fail (selection == NULL || ATLAS_IS_SELECTION (selection));

  if (!g_set_object (&self->selection, selection))
    return;
  g_signal_group_set_target (self->selection_signals, selection);
  follow_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

/* How many of its figures the selection lights up, for tests and for
 * screen readers. */
guint
atlas_chart_count_lit (AtlasChart *self)
{
  guint n = 0;

  g_return_val_if_fail (ATLAS_IS_CHART (self), 0);

  for (guint i = 0; i < atlas_chart_layout_get_n_bars (self->layout); i++)
    {
      AtlasPoint *point = atlas_chart_layout_get_bar (self->layout, i)->point;

      if ((self->highlight != NULL &&
           g_strcmp0 (atlas_point_get_entity_id (point), self->highlight) == 0) ||
          (self->highlight_event != NULL &&
           g_strcmp0 (atlas_point_get_event_id (point), self->highlight_event) == 0))
        n++;
    }
  return n;
}

AtlasPoint *
atlas_chart_get_focused_point (AtlasChart *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART (self), NULL);

  if (self->focused < 0)
    return NULL;
  return atlas_chart_layout_get_bar (self->layout, (guint) self->focused)->point;
}

/* The figure under the pointer, or NULL. */
AtlasPoint *
atlas_chart_get_hovered_point (AtlasChart *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART (self), NULL);

  if (self->hovered < 0)
    return NULL;
  return atlas_chart_layout_get_bar (self->layout, (guint) self->hovered)->point;
}

AtlasPoint *
atlas_chart_point_at (AtlasChart *self,
                      double x,
                      double y)
{
  int index;

  g_return_val_if_fail (ATLAS_IS_CHART (self), NULL);

  index = atlas_chart_layout_hit (self->layout, x, y);
  return index >= 0 ? atlas_chart_layout_get_bar (self->layout, (guint) index)->point : NULL;
}

/* The middle of @point's bar, in widget coordinates. */
gboolean
atlas_chart_get_point_position (AtlasChart *self,
                                AtlasPoint *point,
                                double *x,
                                double *y)
{
  int index;
  const AtlasChartBar *bar;

  g_return_val_if_fail (ATLAS_IS_CHART (self), FALSE);

  index = atlas_chart_layout_find_point (self->layout, point);
  if (index < 0)
    return FALSE;
  bar = atlas_chart_layout_get_bar (self->layout, (guint) index);
  *x = (atlas_chart_layout_get_plot_x0 (self->layout) + bar->x1) / 2;
  *y = bar->y + ATLAS_CHART_ROW_HEIGHT / 2;
  return TRUE;
}

/* ---- input ---- */

static void
on_motion (GtkEventControllerMotion *controller,
           double x,
           double y,
           AtlasChart *self)
{
  int index = atlas_chart_layout_hit (self->layout, x, y);

  if (index != self->hovered)
    {
      self->hovered = index;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), index >= 0 ? "pointer" : NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (GtkEventControllerMotion *controller,
          AtlasChart *self)
{
  self->hovered = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_click_released (GtkGestureClick *gesture,
                   int n_press,
                   double x,
                   double y,
                   AtlasChart *self)
{
  int index = atlas_chart_layout_hit (self->layout, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  activate_index (self, index);
}

/* ---- actions, bound to keys in class_init ---- */

/* Moves the keyboard focus to the next (1) or previous (-1) bar. */
static void
focus_step_action (GtkWidget *widget,
                   const char *action_name,
                   GVariant *parameter)
{
  AtlasChart *self = ATLAS_CHART (widget);
  int n = (int) atlas_chart_layout_get_n_bars (self->layout);
  int step = g_variant_get_int32 (parameter);

  if (n > 0)
    set_focused (self, self->focused < 0 ? 0 : CLAMP (self->focused + step, 0, n - 1));
}

/* Focuses the first (-1) or last (1) bar. */
static void
focus_end_action (GtkWidget *widget,
                  const char *action_name,
                  GVariant *parameter)
{
  AtlasChart *self = ATLAS_CHART (widget);
  int n = (int) atlas_chart_layout_get_n_bars (self->layout);

  if (n > 0)
    set_focused (self, g_variant_get_int32 (parameter) > 0 ? n - 1 : 0);
}

static void
activate_focused_action (GtkWidget *widget,
                         const char *action_name,
                         GVariant *parameter)
{
  AtlasChart *self = ATLAS_CHART (widget);

  if (self->focused >= 0)
    activate_index (self, self->focused);
}

static gboolean
atlas_chart_query_tooltip (GtkWidget *widget,
                           int x,
                           int y,
                           gboolean keyboard,
                           GtkTooltip *tooltip)
{
  AtlasChart *self = ATLAS_CHART (widget);
  int index = keyboard ? self->focused : atlas_chart_layout_hit (self->layout, x, y);
  const AtlasChartBar *bar;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *body = NULL;

  if (index < 0)
    return FALSE;

  bar = atlas_chart_layout_get_bar (self->layout, (guint) index);
  title = atlas_detail_figure_title (bar->point);
  subtitle = atlas_detail_figure_subtitle (self->dataset, bar->point);
  body = g_strdup_printf ("%s\n%s", title, subtitle);
  atlas_detail_set_tooltip (tooltip, bar->label, body);
  return TRUE;
}

/* ---- GtkWidget ---- */

static GtkSizeRequestMode
atlas_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Whether @widget is on a page that is shown: a stack hides the others
 * with child-visible, and still measures them. */
static gboolean
on_shown_page (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (!gtk_widget_get_child_visible (widget))
      return FALSE;
  return TRUE;
}

static void
atlas_chart_measure (GtkWidget *widget,
                     GtkOrientation orientation,
                     int for_size,
                     int *minimum,
                     int *natural,
                     int *minimum_baseline,
                     int *natural_baseline)
{
  AtlasChart *self = ATLAS_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 360;
      *natural = 900;
      return;
    }

  /* A chart nobody sees is not laid out, nor laid out again as the window
   * is resized: it is measured again, and laid out, when its page is
   * shown. Until then it keeps the height it had. */
  if (!on_shown_page (widget))
    {
      *minimum = *natural =
          self->laid_out_width > 0 ? (int) ceil (atlas_chart_layout_get_height (self->layout)) : 0;
      return;
    }
  if (self->style == NULL)
    update_style (self);
  ensure_layout (self, for_size > 0 ? for_size : 900);
  *minimum = *natural = (int) ceil (atlas_chart_layout_get_height (self->layout));
}

static void
atlas_chart_size_allocate (GtkWidget *widget,
                           int width,
                           int height,
                           int baseline)
{
  ensure_layout (ATLAS_CHART (widget), width);
}

static void
atlas_chart_snapshot (GtkWidget *widget,
                      GtkSnapshot *snapshot)
{
  AtlasChart *self = ATLAS_CHART (widget);
  AtlasChartView view = { .selected = self->selected,
                          .focused = -1,
                          .hovered = self->hovered,
                          .highlight_entity = self->highlight,
                          .highlight_event = self->highlight_event,
                          .texts = self->texts };
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->style == NULL || self->laid_out_width != width)
    return;
  if (gtk_widget_has_focus (widget))
    view.focused = self->focused;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  atlas_chart_render (cr, self->layout, self->style, &view);
  cairo_destroy (cr);
}

static void
atlas_chart_css_changed (GtkWidget *widget,
                         GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (atlas_chart_parent_class)->css_changed (widget, change);
  update_style (ATLAS_CHART (widget));
}

static void
atlas_chart_system_setting_changed (GtkWidget *widget,
                                    GtkSystemSetting setting)
{
  GTK_WIDGET_CLASS (atlas_chart_parent_class)->system_setting_changed (widget, setting);
  update_style (ATLAS_CHART (widget));
}

static void
atlas_chart_dispose (GObject *object)
{
  AtlasChart *self = ATLAS_CHART (object);

  g_clear_object (&self->dataset);
  g_clear_object (&self->selection_signals);
  g_clear_object (&self->selection);
  G_OBJECT_CLASS (atlas_chart_parent_class)->dispose (object);
}

static void
atlas_chart_get_property (GObject *object,
                          guint prop_id,
                          GValue *value,
                          GParamSpec *pspec)
{
  AtlasChart *self = ATLAS_CHART (object);

  switch (prop_id)
    {
    case PROP_SELECTION: g_value_set_object (value, self->selection); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_chart_set_property (GObject *object,
                          guint prop_id,
                          const GValue *value,
                          GParamSpec *pspec)
{
  AtlasChart *self = ATLAS_CHART (object);

  switch (prop_id)
    {
    case PROP_SELECTION: atlas_chart_set_selection (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_chart_finalize (GObject *object)
{
  AtlasChart *self = ATLAS_CHART (object);

  g_clear_pointer (&self->layout, atlas_chart_layout_free);
  g_clear_pointer (&self->style, atlas_style_free);
  g_clear_pointer (&self->texts, atlas_text_cache_free);
  g_free (self->highlight);
  g_free (self->highlight_event);

  G_OBJECT_CLASS (atlas_chart_parent_class)->finalize (object);
}

static void
atlas_chart_class_init (AtlasChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_chart_dispose;
  object_class->finalize = atlas_chart_finalize;
  object_class->get_property = atlas_chart_get_property;
  object_class->set_property = atlas_chart_set_property;

  widget_class->get_request_mode = atlas_chart_get_request_mode;
  widget_class->measure = atlas_chart_measure;
  widget_class->size_allocate = atlas_chart_size_allocate;
  widget_class->snapshot = atlas_chart_snapshot;
  widget_class->query_tooltip = atlas_chart_query_tooltip;
  widget_class->css_changed = atlas_chart_css_changed;
  widget_class->system_setting_changed = atlas_chart_system_setting_changed;

  properties[PROP_SELECTION] =
      g_param_spec_object ("selection", NULL, NULL, ATLAS_TYPE_SELECTION,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "chart.focus-step", "i", focus_step_action);
  gtk_widget_class_install_action (widget_class, "chart.focus-end", "i", focus_end_action);
  gtk_widget_class_install_action (widget_class, "chart.activate-focused", NULL,
                                   activate_focused_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "chart.focus-step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "chart.focus-step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "chart.focus-step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "chart.focus-step", "i",
                                       1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "chart.focus-end", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "chart.focus-end", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chart.activate-focused",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chart.activate-focused",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "chart.activate-focused",
                                       NULL);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
atlas_chart_init (AtlasChart *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->texts = atlas_text_cache_new ();
  self->selected = -1;
  self->focused = -1;
  self->hovered = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  self->selection_signals = g_signal_group_new (ATLAS_TYPE_SELECTION);
  g_signal_group_connect_object (self->selection_signals, "changed", G_CALLBACK (follow_selection),
                                 self, G_CONNECT_SWAPPED);
}
