/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-timeline"

#include "config.h"

/* The timeline widget: every event of a dataset on a time axis, scrolled
 * horizontally (GtkScrollable, in a GtkScrolledWindow) and zoomed around the
 * pointer.
 *
 * It owns an AtlasTimelineLayout and keeps it current: label widths when the
 * data or the font change, lanes and clusters when the size, the zoom or the
 * shown categories change. snapshot() only hands the layout, the style and the
 * visible window to atlas_timeline_render(), which the exports use too.
 *
 * It follows an AtlasSelection: the selected entity's events are lit, placed
 * before the others (so that none waits in a cluster) and framed; the selected
 * event, or the event of the selected figure, is outlined and scrolled into
 * view. A click or Enter on an event, and a click on empty space, go through
 * the window's actions (win.select-event, win.clear-selection), never to the
 * selection directly, so that every way of selecting is one.
 *
 * Zoom and the keyboard are the widget's own actions (timeline.zoom-in, …),
 * bound to keys with gtk_widget_class_add_binding_action().
 *
 * The hadjustment is in canvas pixels: its upper bound is the width of the
 * whole span at the current zoom. Zooming changes that width and moves the
 * value so that the day under the anchor (the pointer, or the centre) stays.
 */

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "atlas-detail-rows.h"
#include "atlas-enums.h"
#include "atlas-format.h"
#include "atlas-selection.h"
#include "atlas-timeline.h"
#include "atlas-timeline-layout.h"
#include "atlas-timeline-renderer.h"
#include "atlas-timeline-tiles.h"
#include "atlas-widget-style.h"

#define MAX_PX_PER_DAY 120.0
#define ZOOM_STEP 1.25
#define DRAG_THRESHOLD 4.0
/* A selected entity's events are framed over at least this many days, so
 * that one event alone is not zoomed in on to the hour. */
#define MIN_FRAME_DAYS 120.0

struct _AtlasTimeline
{
  GtkWidget parent_instance;

  AtlasDataset *dataset;
  AtlasSelection *selection;
  GSignalGroup *selection_signals;
  AtlasTimelineLayout *layout;
  AtlasStyle *style;
  AtlasTimelineTiles *tiles;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;

  double px_per_day;
  gboolean passing;          /* placed anew since the last frame */
  gboolean fit;          /* the whole span fills the width, and follows it */
  int width;
  int height;

  int selected;          /* entry, or -1 */
  int focused;           /* entry, or -1 */
  char *highlight;
  AtlasEventCategoryFlags hidden;
  gboolean frame_pending; /* frame the selection once the widget has a size */

  double pointer_x;
  double drag_start_value;
  gboolean dragged;
  double pinch_px_per_day;
  double pinch_anchor;
};

static void atlas_timeline_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasTimeline,
                               atlas_timeline,
                               GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      atlas_timeline_scrollable_init))

enum
{
  PROP_0,
  PROP_SELECTION,
  PROP_SELECTED_EVENT,
  PROP_HIGHLIGHT_ENTITY,
  PROP_HIDDEN_CATEGORIES,
  PROP_PX_PER_DAY,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

static void
atlas_timeline_scrollable_init (GtkScrollableInterface *iface)
{
}

static double
fit_px_per_day (AtlasTimeline *self)
{
  double span = atlas_timeline_layout_scaled_days (
      self->layout, atlas_timeline_layout_get_first_day (self->layout),
      atlas_timeline_layout_get_last_day (self->layout));

  return MAX (self->width, 1) / MAX (span, 1.0);
}

static void
configure_adjustments (AtlasTimeline *self,
                       double value)
{
  double upper = MAX (atlas_timeline_layout_get_width (self->layout), self->width);

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, CLAMP (value, 0, MAX (0, upper - self->width)), 0,
                              upper, self->width * 0.1, self->width * 0.9, self->width);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment, 0, 0, self->height, self->height * 0.1,
                              self->height * 0.9, self->height);
}

static double
scroll_x (AtlasTimeline *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

/* Places the events at @px_per_day, keeping the day at @anchor_x (widget
 * coordinates) where it is. */
static void
relayout (AtlasTimeline *self,
          double px_per_day,
          double anchor_x)
{
  double anchor_day, min_px_per_day;

  if (self->dataset == NULL || self->width <= 0 || self->height <= 0)
    return;

  anchor_day = atlas_timeline_layout_x_to_day (self->layout, scroll_x (self) + anchor_x);
  min_px_per_day = fit_px_per_day (self);
  self->px_per_day = CLAMP (px_per_day, min_px_per_day, MAX_PX_PER_DAY);
  self->fit = self->px_per_day <= min_px_per_day * 1.0001;
  if (self->fit)
    self->px_per_day = min_px_per_day;

  atlas_timeline_layout_update_for_height (self->layout, self->px_per_day, self->height);
  /* A zoom step or a new size: the next may follow at once. */
  self->passing = TRUE;
  configure_adjustments (self,
                         atlas_timeline_layout_day_to_x (self->layout, anchor_day) - anchor_x);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PX_PER_DAY]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The colours and font of the theme, for the renderer. */
static void
update_style (AtlasTimeline *self)
{
  g_autoptr (AtlasStyle) style = atlas_style_new_for_widget (GTK_WIDGET (self));
  gboolean remeasure;

  remeasure = self->style == NULL || !atlas_style_measures_alike (self->style, style);

  g_clear_pointer (&self->style, atlas_style_free);
  self->style = g_steal_pointer (&style);
  atlas_timeline_tiles_invalidate (self->tiles);

  if (remeasure && self->dataset != NULL)
    {
      PangoContext *pango = atlas_style_create_context (self->style);

      atlas_timeline_layout_set_events (self->layout, atlas_dataset_get_events (self->dataset),
                                        pango, self->style->font);
      g_object_unref (pango);
      relayout (self, self->px_per_day, self->width / 2.0);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_accessible_description (AtlasTimeline *self)
{
  g_autofree char *description = NULL;

  if (self->focused >= 0)
    {
      AtlasEvent *event = atlas_timeline_layout_get_event (self->layout, (guint) self->focused);

      g_autofree char *date = atlas_fuzzy_date_dup_display (atlas_event_get_date (event));

      /* Translators: what a screen reader says of the focused event, e.g.
       * "Red Fruit suspended for five days, December 2024, Regulation" */
      description =
          g_strdup_printf (_ ("%s, %s, %s"), atlas_event_get_title (event), date,
                           atlas_event_category_get_label (atlas_event_get_category (event)));
    }
  else
    description = g_strdup (_ ("Use the left and right arrow keys to move between events"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
}

/* Scrolls so that @entry is in view, with some room on its left. */
static void
scroll_to_entry (AtlasTimeline *self,
                 int entry)
{
  double x0, x1, value;

  if (entry < 0 || self->hadjustment == NULL)
    return;
  atlas_timeline_layout_get_entry_extent (self->layout, (guint) entry, &x0, &x1);
  x1 = MAX (x1, x0 + atlas_timeline_layout_get_title_width (self->layout, (guint) entry));
  value = gtk_adjustment_get_value (self->hadjustment);

  if (x0 - 60 < value || x1 + 20 > value + self->width)
    gtk_adjustment_set_value (self->hadjustment, x0 - MIN (self->width * 0.25, 200));
}

static void
set_focused (AtlasTimeline *self,
             int entry)
{
  if (self->focused == entry)
    return;
  self->focused = entry;
  scroll_to_entry (self, entry);
  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
select_entry (AtlasTimeline *self,
              int entry)
{
  if (self->selected != entry)
    {
      self->selected = entry;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  if (entry >= 0)
    set_focused (self, entry);
}

/* A person chose @entry (-1: empty space): ask the window to select it. */
static void
activate_entry (AtlasTimeline *self,
                int entry)
{
  if (entry < 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.clear-selection", NULL);
  else
    gtk_widget_activate_action (
        GTK_WIDGET (self), "win.select-event", "s",
        atlas_event_get_id (atlas_timeline_layout_get_event (self->layout, (guint) entry)));
}

/* Frames the selected entity's events: if they are not all in view, zooms
 * out or in until their span fills most of the width, and scrolls there.
 * Their lanes come first (atlas_timeline_layout_set_priority()), so framed
 * they are all placed. */
static void
frame_entity (AtlasTimeline *self)
{
  double first = G_MAXDOUBLE, last = -G_MAXDOUBLE, view0, view1, x0, x1, middle, span;
  gboolean all_placed = TRUE;

  for (int entry = atlas_timeline_layout_step (self->layout, -1, 1); entry >= 0;
       entry = atlas_timeline_layout_step (self->layout, entry, 1))
    if (atlas_event_involves (atlas_timeline_layout_get_event (self->layout, (guint) entry),
                              self->highlight))
      {
        atlas_timeline_layout_get_entry_extent (self->layout, (guint) entry, &x0, &x1);
        x1 = MAX (x1, x0 + atlas_timeline_layout_get_title_width (self->layout, (guint) entry));
        first = MIN (first, atlas_timeline_layout_x_to_day (self->layout, x0));
        last = MAX (last, atlas_timeline_layout_x_to_day (self->layout, x1));
        all_placed &= atlas_timeline_layout_get_item (self->layout, (guint) entry) != NULL;
      }
  if (first > last)
    return;

  view0 = atlas_timeline_x_to_day (self, 0);
  view1 = atlas_timeline_x_to_day (self, self->width);
  if (all_placed && first >= view0 && last <= view1)
    return;

  span = MAX (last - first, MIN_FRAME_DAYS);
  middle = (first + last) / 2;
  if (atlas_timeline_layout_scaled_days (self->layout, middle - span / 2, middle + span / 2) *
          self->px_per_day >
      self->width * 0.9)
    atlas_timeline_zoom_to_days (self, middle - span / 2, middle + span / 2);
  else if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment,
                              atlas_timeline_layout_day_to_x (self->layout, middle) -
                                  self->width / 2.0);
}

/* Shows what the selection holds: lit entity, selected event, placed first
 * and brought into view. */
static void
follow_selection (AtlasTimeline *self)
{
  AtlasEvent *event = self->selection ? atlas_selection_get_event (self->selection) : NULL;
  const char *entity_id =
      self->selection ? atlas_selection_get_highlight_entity_id (self->selection) : NULL;
  int entry = event ? atlas_timeline_layout_find_entry (self->layout, event) : -1;

  if (entry >= 0 && !atlas_timeline_layout_is_shown (self->layout, (guint) entry))
    /* Show its category again, rather than select something invisible. */
    atlas_timeline_set_hidden_categories (self,
                                          self->hidden & ~(1u << atlas_event_get_category (event)));

  if (g_strcmp0 (self->highlight, entity_id) != 0)
    {
      g_free (self->highlight);
      self->highlight = g_strdup (entity_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT_ENTITY]);
    }
  select_entry (self, entry);
  atlas_timeline_layout_set_priority (self->layout, self->highlight, entry);
  relayout (self, self->px_per_day, self->width / 2.0);

  self->frame_pending = self->width <= 0;
  if (!self->frame_pending)
    {
      if (self->highlight != NULL)
        frame_entity (self);
      scroll_to_entry (self, entry);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- public ---- */

GtkWidget *
atlas_timeline_new (void)
{
  return g_object_new (ATLAS_TYPE_TIMELINE, NULL);
}

/* Shows @dataset. @prepared, when not NULL, is a layout with its events
 * set already, the labels measured in @measured's font (its resolution and
 * font options), for example in the thread that loaded it: if the widget
 * still measures alike, they are taken from it (leaving it without), and
 * measured here otherwise. */
void
atlas_timeline_set_dataset_measured (AtlasTimeline *self,
                                     AtlasDataset *dataset,
                                     AtlasTimelineLayout *prepared,
                                     const AtlasStyle *measured)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));
  g_return_if_fail (ATLAS_IS_DATASET (dataset));

  if (self->dataset == dataset)
    return;
  /* The style first, while there is no new dataset for it to measure the
   * labels of: they are measured once, below (or were, in a thread). */
  if (self->style == NULL)
    {
      g_clear_object (&self->dataset);
      update_style (self);
    }
  g_set_object (&self->dataset, dataset);

  self->selected = -1;
  self->focused = -1;
  self->fit = TRUE;

  if (prepared != NULL && measured != NULL && atlas_style_measures_alike (measured, self->style))
    atlas_timeline_layout_take_events (self->layout, prepared);
  else
    {
      PangoContext *pango = atlas_style_create_context (self->style);

      atlas_timeline_layout_set_events (self->layout, atlas_dataset_get_events (dataset), pango,
                                        self->style->font);
      g_object_unref (pango);
    }

  {
    g_autofree char *label = NULL;
    guint n = g_list_model_get_n_items (atlas_dataset_get_events (dataset));

    label = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "Timeline of %u event", "Timeline of %u events", n), n);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
    update_accessible_description (self);
  }

  relayout (self, 0, 0);
  /* A tooltip shown said what was under the pointer in the last dataset.
   * None is before the timeline is on screen, and asking where the
   * pointer is costs three round trips to an X server. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
  follow_selection (self);
}

void
atlas_timeline_set_dataset (AtlasTimeline *self,
                            AtlasDataset *dataset)
{
  atlas_timeline_set_dataset_measured (self, dataset, NULL, NULL);
}

/* A copy of the style the labels are measured in (its font, resolution
 * and font options): what atlas_timeline_set_dataset_measured() wants. */
AtlasStyle *
atlas_timeline_dup_label_style (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), NULL);

  if (self->style == NULL)
    update_style (self);
  return atlas_style_copy (self->style);
}

AtlasEvent *
atlas_timeline_get_selected_event (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), NULL);

  if (self->selected < 0)
    return NULL;
  return atlas_timeline_layout_get_event (self->layout, (guint) self->selected);
}

AtlasEvent *
atlas_timeline_get_focused_event (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), NULL);

  if (self->focused < 0)
    return NULL;
  return atlas_timeline_layout_get_event (self->layout, (guint) self->focused);
}

const char *
atlas_timeline_get_highlight_entity (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), NULL);
  return self->highlight;
}

AtlasSelection *
atlas_timeline_get_selection (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), NULL);
  return self->selection;
}

/* The selection to follow (NULL for none). */
void
atlas_timeline_set_selection (AtlasTimeline *self,
                              AtlasSelection *selection)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));
  g_return_if_fail (selection == NULL || ATLAS_IS_SELECTION (selection));

  if (!g_set_object (&self->selection, selection))
    return;
  g_signal_group_set_target (self->selection_signals, selection);
  follow_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

AtlasEventCategoryFlags
atlas_timeline_get_hidden_categories (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), 0);
  return self->hidden;
}

void
atlas_timeline_set_hidden_categories (AtlasTimeline *self,
                                      AtlasEventCategoryFlags hidden)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  if (self->hidden == hidden)
    return;
  self->hidden = hidden;
  atlas_timeline_layout_set_hidden (self->layout, hidden);

  if (self->selected >= 0 && !atlas_timeline_layout_is_shown (self->layout, (guint) self->selected))
    select_entry (self, -1);
  if (self->focused >= 0 && !atlas_timeline_layout_is_shown (self->layout, (guint) self->focused))
    set_focused (self, -1);

  relayout (self, self->px_per_day, self->width / 2.0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_CATEGORIES]);
}

/* Where each event is, as drawn: for the tests, and for what reads it. */
const AtlasTimelineLayout *
atlas_timeline_get_layout (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), NULL);
  return self->layout;
}

double
atlas_timeline_get_px_per_day (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), 0);
  return self->px_per_day;
}

/* Zooms by @factor, keeping the day at @anchor_x (widget coordinates) still. */
void
atlas_timeline_zoom (AtlasTimeline *self,
                     double factor,
                     double anchor_x)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));
  g_return_if_fail (factor > 0);

  relayout (self, self->px_per_day * factor, anchor_x);
}

void
atlas_timeline_zoom_to_fit (AtlasTimeline *self)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  relayout (self, 0, 0);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
}

/* Shows [@first_day, @last_day) across the width, with a little room. */
void
atlas_timeline_zoom_to_days (AtlasTimeline *self,
                             double first_day,
                             double last_day)
{
  double span = MAX (last_day - first_day, 1.0);
  double margin = span * 0.1;

  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  relayout (self,
            self->width / MAX (atlas_timeline_layout_scaled_days (self->layout, first_day - margin,
                                                                  last_day + margin),
                               1.0),
            0);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment,
                              atlas_timeline_layout_day_to_x (self->layout, first_day - margin));
}

double
atlas_timeline_x_to_day (AtlasTimeline *self,
                         double x)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), 0);
  return atlas_timeline_layout_x_to_day (self->layout, scroll_x (self) + x);
}

AtlasEvent *
atlas_timeline_event_at (AtlasTimeline *self,
                         double x,
                         double y)
{
  AtlasTimelineHit hit;

  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), NULL);

  if (atlas_timeline_layout_hit (self->layout, scroll_x (self) + x, y, &hit) &&
      hit.kind == ATLAS_TIMELINE_HIT_EVENT)
    return atlas_timeline_layout_get_event (self->layout, hit.entry);
  return NULL;
}

/* Where @event's bar starts, in widget coordinates; FALSE if it is not
 * placed (hidden, or in a cluster). */
gboolean
atlas_timeline_get_event_position (AtlasTimeline *self,
                                   AtlasEvent *event,
                                   double *x,
                                   double *y)
{
  int entry;
  const AtlasTimelineItem *item;

  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), FALSE);

  entry = atlas_timeline_layout_find_entry (self->layout, event);
  if (entry < 0 || (item = atlas_timeline_layout_get_item (self->layout, (guint) entry)) == NULL)
    return FALSE;
  *x = item->x0 - scroll_x (self);
  *y = atlas_timeline_layout_lane_y (item->lane) + ATLAS_TIMELINE_BAR_HEIGHT / 2;
  return TRUE;
}

const AtlasStyle *
atlas_timeline_get_style (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), NULL);

  if (self->style == NULL)
    update_style (self);
  return self->style;
}

/* ---- input ---- */

static void
on_motion (GtkEventControllerMotion *controller,
           double x,
           double y,
           AtlasTimeline *self)
{
  self->pointer_x = x;
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double dx,
           double dy,
           AtlasTimeline *self)
{
  GdkModifierType state =
      gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  if (state & GDK_CONTROL_MASK)
    {
      atlas_timeline_zoom (self, pow (ZOOM_STEP, -dy * (wheel ? 1.0 : 0.1)), self->pointer_x);
      return GDK_EVENT_STOP;
    }

  /* Time runs sideways: the vertical wheel and shift+wheel both pan it. */
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment,
                              gtk_adjustment_get_value (self->hadjustment) +
                                  (dx + dy) * (wheel ? self->width * 0.08 : 1.0));
  return GDK_EVENT_STOP;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double x,
               double y,
               AtlasTimeline *self)
{
  self->drag_start_value = scroll_x (self);
  self->dragged = FALSE;
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double offset_x,
                double offset_y,
                AtlasTimeline *self)
{
  if (!self->dragged && fabs (offset_x) < DRAG_THRESHOLD)
    return;
  if (!self->dragged)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  self->dragged = TRUE;
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, self->drag_start_value - offset_x);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double offset_x,
             double offset_y,
             AtlasTimeline *self)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
on_click_released (GtkGestureClick *gesture,
                   int n_press,
                   double x,
                   double y,
                   AtlasTimeline *self)
{
  AtlasTimelineHit hit;

  if (self->dragged)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (!atlas_timeline_layout_hit (self->layout, scroll_x (self) + x, y, &hit))
    activate_entry (self, -1);
  else if (hit.kind == ATLAS_TIMELINE_HIT_EVENT)
    activate_entry (self, (int) hit.entry);
  else if (hit.kind == ATLAS_TIMELINE_HIT_CLUSTER)
    atlas_timeline_zoom_to_days (self, hit.cluster->first_day, hit.cluster->last_day);
}

static void
on_pinch_begin (GtkGesture *gesture,
                GdkEventSequence *sequence,
                AtlasTimeline *self)
{
  double x = self->width / 2.0, y;

  gtk_gesture_get_bounding_box_center (gesture, &x, &y);
  self->pinch_px_per_day = self->px_per_day;
  self->pinch_anchor = x;
}

static void
on_pinch_scale_changed (GtkGestureZoom *gesture,
                        double scale,
                        AtlasTimeline *self)
{
  relayout (self, self->pinch_px_per_day * scale, self->pinch_anchor);
}

/* ---- actions, bound to keys in class_init ---- */

static void
zoom_action (GtkWidget *widget,
             const char *action_name,
             GVariant *parameter)
{
  AtlasTimeline *self = ATLAS_TIMELINE (widget);

  if (g_str_equal (action_name, "timeline.zoom-fit"))
    atlas_timeline_zoom_to_fit (self);
  else
    atlas_timeline_zoom (self,
                         g_str_equal (action_name, "timeline.zoom-in") ? ZOOM_STEP : 1 / ZOOM_STEP,
                         self->width / 2.0);
}

/* Moves the keyboard focus to the next (1) or previous (-1) event. */
static void
focus_step_action (GtkWidget *widget,
                   const char *action_name,
                   GVariant *parameter)
{
  AtlasTimeline *self = ATLAS_TIMELINE (widget);
  int next =
      atlas_timeline_layout_step (self->layout, self->focused, g_variant_get_int32 (parameter));

  if (next >= 0)
    set_focused (self, next);
}

/* Focuses the first (-1) or last (1) event, and scrolls to that end. */
static void
focus_end_action (GtkWidget *widget,
                  const char *action_name,
                  GVariant *parameter)
{
  AtlasTimeline *self = ATLAS_TIMELINE (widget);
  gboolean last = g_variant_get_int32 (parameter) > 0;

  set_focused (self, atlas_timeline_layout_step (self->layout, -1, last ? -1 : 1));
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment,
                              last ? gtk_adjustment_get_upper (self->hadjustment) : 0);
}

/* Pans by most of a page, to the right (1) or the left (-1). */
static void
page_action (GtkWidget *widget,
             const char *action_name,
             GVariant *parameter)
{
  AtlasTimeline *self = ATLAS_TIMELINE (widget);

  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, scroll_x (self) + g_variant_get_int32 (parameter) *
                                                                       self->width * 0.8);
}

static void
activate_focused_action (GtkWidget *widget,
                         const char *action_name,
                         GVariant *parameter)
{
  AtlasTimeline *self = ATLAS_TIMELINE (widget);

  if (self->focused >= 0)
    activate_entry (self, self->focused);
}

static gboolean
atlas_timeline_query_tooltip (GtkWidget *widget,
                              int x,
                              int y,
                              gboolean keyboard,
                              GtkTooltip *tooltip)
{
  AtlasTimeline *self = ATLAS_TIMELINE (widget);
  AtlasTimelineHit hit;
  AtlasEvent *event = NULL;
  g_autoptr (GString) text = NULL;
  const char *const *ids;

  if (keyboard)
    event = atlas_timeline_get_focused_event (self);
  else if (atlas_timeline_layout_hit (self->layout, scroll_x (self) + x, y, &hit))
    {
      if (hit.kind == ATLAS_TIMELINE_HIT_CLUSTER)
        {
          g_autofree char *markup = g_strdup_printf (
              g_dngettext (GETTEXT_PACKAGE, "%u more event here: click to zoom in",
                           "%u more events here: click to zoom in", hit.cluster->count),
              hit.cluster->count);
          gtk_tooltip_set_text (tooltip, markup);
          return TRUE;
        }
      event = atlas_timeline_layout_get_event (self->layout, hit.entry);
    }

  if (event == NULL)
    return FALSE;

  /* When and what kind, who, and the source's sentence. */
  text = g_string_new (NULL);
  {
    g_autofree char *date = atlas_fuzzy_date_dup_display (atlas_event_get_date (event));
    g_autofree char *as_written = atlas_fuzzy_date_dup_as_written (atlas_event_get_date (event));

    /* Translators: an event's date and its category, e.g. "September 2025 ·
     * Platforms" */
    g_string_append_printf (text, _ ("%s · %s"), date,
                            atlas_event_category_get_label (atlas_event_get_category (event)));
    if (as_written != NULL)
      g_string_append_printf (text, "\n%s", as_written);
  }
  ids = atlas_event_get_entity_ids (event);
  for (guint i = 0, n = 0; ids[i] != NULL && self->dataset != NULL; i++)
    {
      AtlasEntity *entity = atlas_dataset_lookup_entity (self->dataset, ids[i]);

      if (entity != NULL)
        g_string_append_printf (text, "%s%s", n++ == 0 ? "\n" : _ (", "),
                                atlas_entity_get_display_name (entity));
    }
  if (self->dataset != NULL)
    {
      g_autofree char *citation = atlas_detail_cite (
          self->dataset, atlas_event_get_sentence (event), atlas_event_get_source_id (event));

      g_string_append_printf (text, "\n%s", citation);
    }
  atlas_detail_set_tooltip (tooltip, atlas_event_get_title (event), text->str);
  return TRUE;
}

/* ---- GtkWidget ---- */

static void
atlas_timeline_measure (GtkWidget *widget,
                        GtkOrientation orientation,
                        int for_size,
                        int *minimum,
                        int *natural,
                        int *minimum_baseline,
                        int *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 900;
    }
  else
    {
      *minimum = (int) atlas_timeline_layout_lane_y (2) + ATLAS_TIMELINE_CLUSTER_HEIGHT;
      *natural = (int) atlas_timeline_layout_lane_y (7) + ATLAS_TIMELINE_CLUSTER_HEIGHT;
    }
}

static void
atlas_timeline_size_allocate (GtkWidget *widget,
                              int width,
                              int height,
                              int baseline)
{
  AtlasTimeline *self = ATLAS_TIMELINE (widget);
  gboolean was_fit = self->fit;

  if (width == self->width && height == self->height)
    return;

  self->width = width;
  self->height = height;
  relayout (self, was_fit ? 0 : self->px_per_day, 0);
  if (self->frame_pending)
    follow_selection (self);
}

static void
atlas_timeline_snapshot (GtkWidget *widget,
                         GtkSnapshot *snapshot)
{
  AtlasTimeline *self = ATLAS_TIMELINE (widget);
  AtlasTimelineView view = { 0 };
  cairo_t *cr;

  if (self->dataset == NULL || self->width <= 0 || self->height <= 0 || self->style == NULL)
    return;

  view.scroll_x = scroll_x (self);
  view.width = self->width;
  view.height = self->height;
  view.selected = self->selected;
  view.focused = gtk_widget_has_focus (widget) ? self->focused : -1;
  view.highlight_entity = self->highlight;
  view.show_marker = TRUE;
  view.passing = self->passing;
  self->passing = FALSE;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, self->width, self->height));
  atlas_timeline_tiles_render (self->tiles, cr, self->layout, self->style, &view);
  cairo_destroy (cr);
}

static void
atlas_timeline_css_changed (GtkWidget *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (atlas_timeline_parent_class)->css_changed (widget, change);
  update_style (ATLAS_TIMELINE (widget));
}

static void
atlas_timeline_system_setting_changed (GtkWidget *widget,
                                       GtkSystemSetting setting)
{
  GTK_WIDGET_CLASS (atlas_timeline_parent_class)->system_setting_changed (widget, setting);
  update_style (ATLAS_TIMELINE (widget));
}

static void
atlas_timeline_focus_changed (AtlasTimeline *self)
{
  /* Arriving by keyboard with nothing focused: start at the first event in view. */
  if (gtk_widget_has_focus (GTK_WIDGET (self)) && self->focused < 0 && self->dataset != NULL)
    {
      double day = atlas_timeline_x_to_day (self, 0);
      int entry;

      for (entry = atlas_timeline_layout_step (self->layout, -1, 1); entry >= 0;
           entry = atlas_timeline_layout_step (self->layout, entry, 1))
        {
          double x0, x1;

          atlas_timeline_layout_get_entry_extent (self->layout, (guint) entry, &x0, &x1);
          if (atlas_timeline_layout_x_to_day (self->layout, x1) >= day)
            break;
        }
      self->focused = entry;
      update_accessible_description (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- GtkScrollable ---- */

static void
set_adjustment (AtlasTimeline *self,
                GtkAdjustment **slot,
                GtkAdjustment *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, gtk_widget_queue_draw, self);
  g_clear_object (slot);
  *slot = g_object_ref_sink (adjustment ? adjustment : gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  g_signal_connect_swapped (*slot, "value-changed", G_CALLBACK (gtk_widget_queue_draw), self);
  configure_adjustments (self, gtk_adjustment_get_value (*slot));
}

static void
atlas_timeline_get_property (GObject *object,
                             guint prop_id,
                             GValue *value,
                             GParamSpec *pspec)
{
  AtlasTimeline *self = ATLAS_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SELECTION: g_value_set_object (value, self->selection); break;
    case PROP_SELECTED_EVENT:
      g_value_set_object (value, atlas_timeline_get_selected_event (self));
      break;
    case PROP_HIGHLIGHT_ENTITY: g_value_set_string (value, self->highlight); break;
    case PROP_HIDDEN_CATEGORIES: g_value_set_flags (value, self->hidden); break;
    case PROP_PX_PER_DAY: g_value_set_double (value, self->px_per_day); break;
    case PROP_HADJUSTMENT: g_value_set_object (value, self->hadjustment); break;
    case PROP_VADJUSTMENT: g_value_set_object (value, self->vadjustment); break;
    case PROP_HSCROLL_POLICY: g_value_set_enum (value, self->hscroll_policy); break;
    case PROP_VSCROLL_POLICY: g_value_set_enum (value, self->vscroll_policy); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_timeline_set_property (GObject *object,
                             guint prop_id,
                             const GValue *value,
                             GParamSpec *pspec)
{
  AtlasTimeline *self = ATLAS_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SELECTION: atlas_timeline_set_selection (self, g_value_get_object (value)); break;
    case PROP_HIDDEN_CATEGORIES:
      atlas_timeline_set_hidden_categories (self, g_value_get_flags (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY: self->hscroll_policy = g_value_get_enum (value); break;
    case PROP_VSCROLL_POLICY: self->vscroll_policy = g_value_get_enum (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_timeline_dispose (GObject *object)
{
  AtlasTimeline *self = ATLAS_TIMELINE (object);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, gtk_widget_queue_draw, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, gtk_widget_queue_draw, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->dataset);
  g_clear_object (&self->selection_signals);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (atlas_timeline_parent_class)->dispose (object);
}

static void
atlas_timeline_finalize (GObject *object)
{
  AtlasTimeline *self = ATLAS_TIMELINE (object);

  g_clear_pointer (&self->layout, atlas_timeline_layout_free);
  g_clear_pointer (&self->tiles, atlas_timeline_tiles_free);
  g_clear_pointer (&self->style, atlas_style_free);
  g_free (self->highlight);

  G_OBJECT_CLASS (atlas_timeline_parent_class)->finalize (object);
}

static void
atlas_timeline_class_init (AtlasTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_timeline_dispose;
  object_class->finalize = atlas_timeline_finalize;
  object_class->get_property = atlas_timeline_get_property;
  object_class->set_property = atlas_timeline_set_property;

  widget_class->measure = atlas_timeline_measure;
  widget_class->size_allocate = atlas_timeline_size_allocate;
  widget_class->snapshot = atlas_timeline_snapshot;
  widget_class->query_tooltip = atlas_timeline_query_tooltip;
  widget_class->css_changed = atlas_timeline_css_changed;
  widget_class->system_setting_changed = atlas_timeline_system_setting_changed;

  properties[PROP_SELECTION] =
      g_param_spec_object ("selection", NULL, NULL, ATLAS_TYPE_SELECTION,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the selection makes of the timeline, for those who watch it. */
  properties[PROP_SELECTED_EVENT] =
      g_param_spec_object ("selected-event", NULL, NULL, ATLAS_TYPE_EVENT,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGHLIGHT_ENTITY] =
      g_param_spec_string ("highlight-entity", NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIDDEN_CATEGORIES] =
      g_param_spec_flags ("hidden-categories", NULL, NULL, ATLAS_TYPE_EVENT_CATEGORY_FLAGS, 0,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PX_PER_DAY] =
      g_param_spec_double ("px-per-day", NULL, NULL, 0, G_MAXDOUBLE, 0,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.focus-step", "i", focus_step_action);
  gtk_widget_class_install_action (widget_class, "timeline.focus-end", "i", focus_end_action);
  gtk_widget_class_install_action (widget_class, "timeline.page", "i", page_action);
  gtk_widget_class_install_action (widget_class, "timeline.activate-focused", NULL,
                                   activate_focused_action);

  {
    static const struct
    {
      guint keyval;
      GdkModifierType modifiers;
      const char *action;
      int direction; /* the action's parameter, or 0 for none */
    } keys[] = {
      { GDK_KEY_plus, 0, "timeline.zoom-in", 0 },
      { GDK_KEY_equal, 0, "timeline.zoom-in", 0 },
      { GDK_KEY_KP_Add, 0, "timeline.zoom-in", 0 },
      { GDK_KEY_minus, 0, "timeline.zoom-out", 0 },
      { GDK_KEY_KP_Subtract, 0, "timeline.zoom-out", 0 },
      { GDK_KEY_0, 0, "timeline.zoom-fit", 0 },
      { GDK_KEY_KP_0, 0, "timeline.zoom-fit", 0 },
      { GDK_KEY_Left, 0, "timeline.focus-step", -1 },
      { GDK_KEY_KP_Left, 0, "timeline.focus-step", -1 },
      { GDK_KEY_Right, 0, "timeline.focus-step", 1 },
      { GDK_KEY_KP_Right, 0, "timeline.focus-step", 1 },
      { GDK_KEY_Left, GDK_CONTROL_MASK, "timeline.page", -1 },
      { GDK_KEY_Right, GDK_CONTROL_MASK, "timeline.page", 1 },
      { GDK_KEY_Home, 0, "timeline.focus-end", -1 },
      { GDK_KEY_KP_Home, 0, "timeline.focus-end", -1 },
      { GDK_KEY_End, 0, "timeline.focus-end", 1 },
      { GDK_KEY_KP_End, 0, "timeline.focus-end", 1 },
      { GDK_KEY_Return, 0, "timeline.activate-focused", 0 },
      { GDK_KEY_KP_Enter, 0, "timeline.activate-focused", 0 },
      { GDK_KEY_space, 0, "timeline.activate-focused", 0 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      if (keys[i].direction != 0)
        gtk_widget_class_add_binding_action (widget_class, keys[i].keyval, keys[i].modifiers,
                                             keys[i].action, "i", keys[i].direction);
      else
        gtk_widget_class_add_binding_action (widget_class, keys[i].keyval, keys[i].modifiers,
                                             keys[i].action, NULL);
  }

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
atlas_timeline_init (AtlasTimeline *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->layout = atlas_timeline_layout_new ();
  self->tiles = atlas_timeline_tiles_new ();
  self->selected = -1;
  self->focused = -1;
  self->fit = TRUE;
  self->px_per_day = 1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES |
                                                GTK_EVENT_CONTROLLER_SCROLL_KINETIC);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_pinch_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  self->selection_signals = g_signal_group_new (ATLAS_TYPE_SELECTION);
  g_signal_group_connect_object (self->selection_signals, "changed", G_CALLBACK (follow_selection),
                                 self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (atlas_timeline_focus_changed), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (atlas_timeline_focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
