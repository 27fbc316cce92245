/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-chart"

#include "config.h"

/* A chart of the dataset's series (atlas-chart-layout.c), as a widget: its
 * height follows its width, a bar is hovered, clicked or stepped to with the
 * arrow keys, and its tooltip gives the figure with its source. snapshot()
 * only draws; the layout is made when the data or the width change. */

#include <math.h>

#include <glib/gi18n.h>

#include "atlas-chart.h"
#include "atlas-chart-layout.h"
#include "atlas-chart-renderer.h"
#include "atlas-detail-rows.h"
#include "atlas-widget-style.h"

struct _AtlasChart
{
  GtkWidget parent_instance;

  AtlasDataset *dataset;
  AtlasChartLayout *layout;
  AtlasStyle *style;
  AtlasTextCache *texts;
  double laid_out_width;

  int selected;
  int focused;
  int hovered;
  char *highlight;
};

G_DEFINE_FINAL_TYPE (AtlasChart,
                     atlas_chart,
                     GTK_TYPE_WIDGET)

enum
{
  POINT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ensure_layout (AtlasChart *self,
               double width)
{
  if (self->layout == NULL || self->style == NULL || width <= 0 || width == self->laid_out_width)
    return;
  atlas_chart_layout_update (self->layout, width, gtk_widget_get_pango_context (GTK_WIDGET (self)),
                             self->style->font);
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
              int index,
              gboolean activate)
{
  self->selected = index;
  if (index >= 0)
    set_focused (self, index);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (activate && index >= 0)
    g_signal_emit (self, signals[POINT_ACTIVATED], 0,
                   atlas_chart_layout_get_bar (self->layout, (guint) index)->point);
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

/* Selects @point's bar (NULL for none); emits nothing. */
void
atlas_chart_set_selected_point (AtlasChart *self,
                                AtlasPoint *point)
{
  g_return_if_fail (ATLAS_IS_CHART (self));
  select_index (self, point ? atlas_chart_layout_find_point (self->layout, point) : -1, FALSE);
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

void
atlas_chart_set_highlight_entity (AtlasChart *self,
                                  const char *entity_id)
{
  g_return_if_fail (ATLAS_IS_CHART (self));

  if (g_strcmp0 (self->highlight, entity_id) == 0)
    return;
  g_free (self->highlight);
  self->highlight = g_strdup (entity_id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
  if (index >= 0)
    select_index (self, index, TRUE);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint keyval,
                guint keycode,
                GdkModifierType state,
                AtlasChart *self)
{
  int n = (int) atlas_chart_layout_get_n_bars (self->layout);

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (n > 0)
        set_focused (self, self->focused < 0 ? 0 : MAX (0, self->focused - 1));
      return GDK_EVENT_STOP;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (n > 0)
        set_focused (self, self->focused < 0 ? 0 : MIN (n - 1, self->focused + 1));
      return GDK_EVENT_STOP;
    case GDK_KEY_Home:
      if (n > 0)
        set_focused (self, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_End:
      if (n > 0)
        set_focused (self, n - 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->focused < 0)
        return GDK_EVENT_PROPAGATE;
      select_index (self, self->focused, TRUE);
      return GDK_EVENT_STOP;
    case GDK_KEY_Escape:
      if (self->selected < 0 && self->focused < 0)
        return GDK_EVENT_PROPAGATE;
      select_index (self, -1, FALSE);
      set_focused (self, -1);
      return GDK_EVENT_STOP;
    default: return GDK_EVENT_PROPAGATE;
    }
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
  g_autofree char *markup = NULL;

  if (index < 0)
    return FALSE;

  bar = atlas_chart_layout_get_bar (self->layout, (guint) index);
  title = atlas_detail_figure_title (bar->point);
  subtitle = atlas_detail_figure_subtitle (self->dataset, bar->point);
  markup = g_markup_printf_escaped ("<b>%s</b>\n%s\n%s", bar->label, title, subtitle);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* ---- GtkWidget ---- */

static GtkSizeRequestMode
atlas_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
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
  G_OBJECT_CLASS (atlas_chart_parent_class)->dispose (object);
}

static void
atlas_chart_finalize (GObject *object)
{
  AtlasChart *self = ATLAS_CHART (object);

  g_clear_pointer (&self->layout, atlas_chart_layout_free);
  g_clear_pointer (&self->style, atlas_style_free);
  g_clear_pointer (&self->texts, atlas_text_cache_free);
  g_free (self->highlight);

  G_OBJECT_CLASS (atlas_chart_parent_class)->finalize (object);
}

static void
atlas_chart_class_init (AtlasChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_chart_dispose;
  object_class->finalize = atlas_chart_finalize;

  widget_class->get_request_mode = atlas_chart_get_request_mode;
  widget_class->measure = atlas_chart_measure;
  widget_class->size_allocate = atlas_chart_size_allocate;
  widget_class->snapshot = atlas_chart_snapshot;
  widget_class->query_tooltip = atlas_chart_query_tooltip;
  widget_class->css_changed = atlas_chart_css_changed;
  widget_class->system_setting_changed = atlas_chart_system_setting_changed;

  /**
   * AtlasChart::point-activated:
   * @point: the figure a person clicked, or chose with Enter
   */
  signals[POINT_ACTIVATED] =
      g_signal_new ("point-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, ATLAS_TYPE_POINT);

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

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
