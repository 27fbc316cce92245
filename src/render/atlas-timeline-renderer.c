/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-timeline-renderer"

#include "config.h"

/* Draws a timeline layout onto any cairo context: the widget's snapshot and
 * every export go through here, so screen and file show the same thing.
 *
 * A date is drawn as honestly as it is known: a day as a point, a month, a
 * year or a span as a bar over its whole interval. An open start ("by 2022")
 * fades in from the left over ATLAS_TIMELINE_FADE_WIDTH; conventional bounds
 * ("late September", "early 2010s") fade at both ends; an open end ("since")
 * fades out. The source's wording of the date is written under the title.
 */

#include <math.h>

#include "atlas-i18n.h"
#include <pango/pangocairo.h>

#include "atlas-text-cache.h"
#include "atlas-time-ticks.h"
#include "atlas-timeline-renderer.h"

#define TICK_MIN_SPACING 80.0

static void
set_color (cairo_t *cr,
           AtlasColor color)
{
  atlas_set_source (cr, color);
}

/* A gradient stop of @color at @alpha, mixed onto @cr's paper if it has one:
 * a fade that needs no transparency in a file. */
static void
add_stop (cairo_t *cr,
          cairo_pattern_t *pattern,
          double offset,
          AtlasColor color,
          double alpha)
{
  AtlasColor c = atlas_color_on (cr, atlas_color_with_alpha (color, alpha));

  cairo_pattern_add_color_stop_rgba (pattern, offset, c.red, c.green, c.blue, c.alpha);
}

static void
rounded_rect (cairo_t *cr,
              double x,
              double y,
              double w,
              double h,
              double r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The "data as of" pill: its text and where it goes in the axis band, in
 * canvas coordinates (so every tile draws its part of the same pill); FALSE
 * when there is no marker. */
static gboolean
marker_pill (const AtlasTimelineLayout *layout,
             AtlasTextCache *texts,
             char **label,
             double *pill_x,
             double *pill_width)
{
  double day = atlas_timeline_layout_get_latest_day (layout);
  g_autofree char *date = NULL;
  double content_x;
  int w, h;

  if (day <= 0)
    return FALSE;
  date = atlas_date_format_day ((guint32) day - 1);
  /* Translators: %s is the day the latest event ends, e.g. "2025-10-31" */
  *label = g_strdup_printf (_ ("Data as of %s"), date);
  pango_layout_get_pixel_size (atlas_text_cache_get (texts, ATLAS_TEXT_SMALL_BOLD, *label), &w, &h);
  content_x = round (atlas_timeline_layout_day_to_x (layout, day)) + 0.5;
  /* Left of the line, unless the timeline starts too close to it. */
  *pill_x = content_x - w - 14 >= 0 ? content_x - w - 14 : content_x + 2;
  *pill_width = w + 12;
  return TRUE;
}

static gboolean
in_break (const AtlasTimelineLayout *layout,
          double day)
{
  for (guint i = 0; i < atlas_timeline_layout_get_n_breaks (layout); i++)
    {
      const AtlasTimelineBreak *stretch = atlas_timeline_layout_get_break (layout, i);

      if (day > stretch->first_day && day < stretch->last_day)
        return TRUE;
    }
  return FALSE;
}

/* Where time is not to scale, the axis says so: a stretch drawn shorter is
 * shaded with "≈" in it, and the day from which time is drawn larger has
 * its factor beside its tick (see atlas-timeline-layout.c). */
static void
draw_breaks (cairo_t *cr,
             const AtlasTimelineLayout *layout,
             const AtlasStyle *style,
             const AtlasTimelineView *view,
             AtlasTextCache *texts)
{
  for (guint i = 0; i < atlas_timeline_layout_get_n_breaks (layout); i++)
    {
      const AtlasTimelineBreak *stretch = atlas_timeline_layout_get_break (layout, i);
      double x0 = atlas_timeline_layout_day_to_x (layout, stretch->first_day) - view->scroll_x;
      double x1 = atlas_timeline_layout_day_to_x (layout, stretch->last_day) - view->scroll_x;
      int w, h;

      if (x1 < -20 || x0 > view->width + 20)
        continue;
      set_color (cr, atlas_color_with_alpha (style->foreground, style->dark ? 0.10 : 0.07));
      cairo_rectangle (cr, x0, 0, MAX (x1 - x0, 2), ATLAS_TIMELINE_AXIS_HEIGHT);
      cairo_fill (cr);
      pango_layout_get_pixel_size (atlas_text_cache_get (texts, ATLAS_TEXT_SMALL_BOLD, "≈"), &w,
                                   &h);
      if (x1 - x0 < w + 6)
        continue;
      set_color (cr, style->dim_foreground);
      atlas_text_cache_draw (texts, cr, ATLAS_TEXT_SMALL_BOLD, "≈", (x0 + x1 - w) / 2,
                             ATLAS_TIMELINE_AXIS_HEIGHT - h - 1);
    }
}

static void
draw_axis (cairo_t *cr,
           const AtlasTimelineLayout *layout,
           const AtlasStyle *style,
           const AtlasTimelineView *view,
           AtlasTextCache *texts)
{
  double ppd = atlas_timeline_layout_get_px_per_day (layout);
  /* From a label's width to the left: a tick just out of view may have its
   * label in view (and a tile must draw the labels reaching into it). */
  double first = atlas_timeline_layout_x_to_day (layout, view->scroll_x - TICK_MIN_SPACING * 1.5);
  double last = atlas_timeline_layout_x_to_day (layout, view->scroll_x + view->width);
  double hairline = 1.0 / MAX (style->scale, 1.0);
  double focus_factor = 1, focus = atlas_timeline_layout_get_focus (layout, &focus_factor);
  g_autoptr (GArray) ticks = NULL;
  g_autofree char *pill_label = NULL;
  double pill_x = 0, pill_width = 0;
  gboolean pill =
      view->show_marker && marker_pill (layout, texts, &pill_label, &pill_x, &pill_width);

  /* Ticks at the scale of each part: before the latest two years, and in
   * them, drawn larger. */
  if (focus > 0 && first < focus)
    {
      ticks = atlas_time_ticks (first - 1, MIN (last + 401, focus - 1),
                                atlas_time_ticks_spacing (ppd, TICK_MIN_SPACING));
      if (last + 401 >= focus)
        {
          g_autoptr (GArray) larger = atlas_time_ticks (
              focus, last + 401, atlas_time_ticks_spacing (ppd * focus_factor, TICK_MIN_SPACING));

          g_array_append_vals (ticks, larger->data, larger->len);
        }
    }
  else
    ticks = atlas_time_ticks (
        first - 1, last + 401,
        atlas_time_ticks_spacing (focus > 0 ? ppd * focus_factor : ppd, TICK_MIN_SPACING));

  /* The axis band and its baseline */
  set_color (cr, atlas_color_with_alpha (style->foreground, style->dark ? 0.06 : 0.04));
  cairo_rectangle (cr, 0, 0, view->width, ATLAS_TIMELINE_AXIS_HEIGHT);
  cairo_fill (cr);
  set_color (cr, style->grid);
  cairo_rectangle (cr, 0, ATLAS_TIMELINE_AXIS_HEIGHT - hairline, view->width, hairline);
  cairo_fill (cr);
  draw_breaks (cr, layout, style, view, texts);

  for (guint i = 0; i < ticks->len; i++)
    {
      const AtlasTick *tick = &g_array_index (ticks, AtlasTick, i);
      double content_x = atlas_timeline_layout_day_to_x (layout, tick->day);
      double x = round (content_x - view->scroll_x);
      g_autofree char *label = NULL;
      int w;

      if (in_break (layout, tick->day) || x > view->width + 1)
        continue;
      set_color (cr, atlas_color_with_alpha (style->grid, tick->major ? 1.6 : 0.8));
      cairo_rectangle (cr, x, tick->major ? 0 : ATLAS_TIMELINE_AXIS_HEIGHT / 2, hairline,
                       view->height);
      cairo_fill (cr);

      /* Its label, if there is room before the next tick and the marker's
       * pill: decided by the ticks alone, so that every tile agrees. */
      label = tick->day == focus && focus_factor > 1
                  /* Translators: a year's tick from which time is drawn larger,
                   * e.g. "2024 (×5)" */
                  ? g_strdup_printf (_ ("%s (×%.0f)"), tick->label, focus_factor)
                  : g_strdup (tick->label);
      pango_layout_get_pixel_size (atlas_text_cache_get (texts, ATLAS_TEXT_SMALL, label), &w, NULL);
      if (i + 1 < ticks->len)
        {
          const AtlasTick *next = &g_array_index (ticks, AtlasTick, i + 1);

          if (atlas_timeline_layout_day_to_x (layout, next->day) - content_x < w + 8)
            continue;
        }
      if (pill && content_x + 4 + w + 4 > pill_x && content_x < pill_x + pill_width + 4)
        continue;
      set_color (cr, tick->major ? style->foreground : style->dim_foreground);
      atlas_text_cache_draw (texts, cr, ATLAS_TEXT_SMALL, label, x + 4, 7);
    }
}

static void
draw_marker (cairo_t *cr,
             const AtlasTimelineLayout *layout,
             const AtlasStyle *style,
             const AtlasTimelineView *view,
             AtlasTextCache *texts)
{
  double day = atlas_timeline_layout_get_latest_day (layout);
  PangoLayout *text;
  g_autofree char *label = NULL;
  double content_x, x;
  int w, h;
  static const double dash[] = { 4, 3 };

  if (!view->show_marker || day <= 0)
    return;
  content_x = atlas_timeline_layout_day_to_x (layout, day);
  x = round (content_x - view->scroll_x) + 0.5;
  if (x < -200 || x > view->width + 200)
    return;

  set_color (cr, style->accent);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_move_to (cr, x, ATLAS_TIMELINE_AXIS_HEIGHT);
  cairo_line_to (cr, x, view->height);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  {
    double px, pw;

    marker_pill (layout, texts, &label, &px, &pw);
    text = atlas_text_cache_get (texts, ATLAS_TEXT_SMALL_BOLD, label);
    pango_layout_get_pixel_size (text, &w, &h);
    px -= view->scroll_x;
    rounded_rect (cr, px, (ATLAS_TIMELINE_AXIS_HEIGHT - h - 6) / 2, pw, h + 6, (h + 6) / 2.0);
    set_color (cr, style->accent);
    cairo_fill (cr);
    set_color (cr, style->background);
    atlas_text_cache_draw (texts, cr, ATLAS_TEXT_SMALL_BOLD, label, px + 6,
                           (ATLAS_TIMELINE_AXIS_HEIGHT - h) / 2);
  }
}

/* The bar of a date, faded where the date is uncertain. */
static void
draw_bar (cairo_t *cr,
          const AtlasFuzzyDate *date,
          AtlasColor color,
          double x0,
          double x1,
          double y)
{
  double h = ATLAS_TIMELINE_BAR_HEIGHT;
  double w = x1 - x0;
  gboolean point = atlas_fuzzy_date_get_precision (date) == ATLAS_DATE_PRECISION_DAY &&
                   !atlas_fuzzy_date_is_start_open (date) && !atlas_fuzzy_date_is_end_open (date);
  cairo_pattern_t *pattern;

  if (point)
    {
      double cx = x0 + MIN (w, ATLAS_TIMELINE_POINT_WIDTH) / 2;

      /* A day is a point: a diamond */
      set_color (cr, color);
      cairo_move_to (cr, cx, y - 2);
      cairo_line_to (cr, cx + 6, y + h / 2);
      cairo_line_to (cr, cx, y + h + 2);
      cairo_line_to (cr, cx - 6, y + h / 2);
      cairo_close_path (cr);
      cairo_fill (cr);
      return;
    }

  if (atlas_fuzzy_date_is_start_open (date))
    {
      /* "by 2022": anywhere up to then — a thin lead-in fading from nothing */
      pattern = cairo_pattern_create_linear (x0 - ATLAS_TIMELINE_FADE_WIDTH, 0, x0, 0);
      add_stop (cr, pattern, 0, color, 0);
      add_stop (cr, pattern, 1, color, color.alpha * 0.7);
      cairo_set_source (cr, pattern);
      cairo_rectangle (cr, x0 - ATLAS_TIMELINE_FADE_WIDTH, y + h / 2 - 1.5,
                       ATLAS_TIMELINE_FADE_WIDTH, 3);
      cairo_fill (cr);
      cairo_pattern_destroy (pattern);
    }

  if (!atlas_fuzzy_date_is_approximate (date) && !atlas_fuzzy_date_is_start_open (date) &&
      !atlas_fuzzy_date_is_end_open (date))
    {
      /* Known bounds: a plain bar */
      set_color (cr, color);
      rounded_rect (cr, x0, y, MAX (w, 2), h, h / 2);
      cairo_fill (cr);
      return;
    }

  pattern = cairo_pattern_create_linear (x0, 0, x1, 0);
  {
    gboolean soft = atlas_fuzzy_date_is_approximate (date);
    double edge = w > 0 ? MIN (0.35, 24.0 / w) : 0;
    double a = color.alpha;

    add_stop (cr, pattern, 0, color,
              atlas_fuzzy_date_is_start_open (date) ? a * 0.7
              : soft                                ? a * 0.3
                                                    : a);
    add_stop (cr, pattern, edge, color, a);
    add_stop (cr, pattern, 1 - edge, color, a);
    add_stop (cr, pattern, 1, color, atlas_fuzzy_date_is_end_open (date) ? 0 : soft ? a * 0.3 : a);
  }
  cairo_set_source (cr, pattern);
  rounded_rect (cr, x0, y, MAX (w, 2), h, h / 2);
  cairo_fill (cr);
  cairo_pattern_destroy (pattern);
}

/* What a pass over the items in view draws of each, in the order one item
 * is drawn: see atlas_timeline_render(). */
typedef enum
{
  ITEM_SHAPES, /* the ring of the selected or focused one, and the bar */
  ITEM_TITLES,
  ITEM_DATES,
} ItemPart;

/* Whether @cr draws into a file that keeps text as text. */
static gboolean
is_vector (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS: return TRUE;
    default: return FALSE;
    }
}

static void
draw_item (cairo_t *cr,
           const AtlasTimelineLayout *layout,
           const AtlasStyle *style,
           const AtlasTimelineView *view,
           const AtlasTimelineItem *item,
           AtlasTextCache *texts,
           ItemPart part)
{
  AtlasEvent *event = atlas_timeline_layout_get_event (layout, item->entry);
  const AtlasFuzzyDate *date = atlas_event_get_date (event);
  AtlasColor color = style->categories[atlas_event_get_category (event)];
  double y = atlas_timeline_layout_lane_y (item->lane);
  double x0 = item->x0 - view->scroll_x;
  double x1 = item->x1 - view->scroll_x;
  double label_x = item->label_x - view->scroll_x;
  double label_end = item->label_x1 - view->scroll_x;
  gboolean selected = (int) item->entry == view->selected;
  gboolean dimmed =
      view->highlight_entity != NULL && !atlas_event_involves (event, view->highlight_entity);
  double alpha = dimmed ? 0.25 : 1.0;

  if (part == ITEM_TITLES)
    {
      set_color (cr, atlas_color_with_alpha (style->foreground, alpha));
      atlas_text_cache_draw (texts, cr, ATLAS_TEXT_BODY, atlas_event_get_title (event), label_x,
                             y + ATLAS_TIMELINE_BAR_HEIGHT);
      return;
    }
  if (part == ITEM_DATES)
    {
      g_autofree char *shown = atlas_fuzzy_date_dup_display (date);

      set_color (cr, atlas_color_with_alpha (style->dim_foreground, alpha));
      atlas_text_cache_draw (texts, cr, ATLAS_TEXT_SMALL, shown, label_x,
                             y + ATLAS_TIMELINE_BAR_HEIGHT + 15);
      return;
    }

  if (selected || (int) item->entry == view->focused)
    {
      double hx0 = MIN (x0, label_x) - 5;
      double hx1 = MAX (x1, label_end) + 5;

      rounded_rect (cr, hx0, y - 4, hx1 - hx0, ATLAS_TIMELINE_LANE_HEIGHT - 1, 6);
      if (selected)
        {
          set_color (cr, atlas_color_with_alpha (style->accent, 0.18));
          cairo_fill_preserve (cr);
        }
      set_color (cr, style->accent);
      cairo_set_line_width (cr, (int) item->entry == view->focused ? 2 : 1);
      cairo_stroke (cr);
    }

  draw_bar (cr, date, atlas_color_with_alpha (color, alpha), x0, x1, y);
}

/* How many of @cluster's events the view lights up: the selected one, and
 * those of the highlighted entity. */
static guint
count_highlighted (const AtlasTimelineLayout *layout,
                   const AtlasTimelineView *view,
                   const AtlasTimelineCluster *cluster)
{
  guint n, held = 0;
  const guint *entries = atlas_timeline_layout_get_cluster_entries (layout, cluster, &n);

  if (view->highlight_entity == NULL && view->selected < 0)
    return 0;
  for (guint i = 0; i < n; i++)
    if ((int) entries[i] == view->selected ||
        (view->highlight_entity != NULL &&
         atlas_event_involves (atlas_timeline_layout_get_event (layout, entries[i]),
                               view->highlight_entity)))
      held++;
  return held;
}

static void
draw_cluster (cairo_t *cr,
              const AtlasTimelineLayout *layout,
              const AtlasStyle *style,
              const AtlasTimelineView *view,
              const AtlasTimelineCluster *cluster,
              AtlasTextCache *texts)
{
  PangoLayout *text;
  double y = atlas_timeline_layout_cluster_y (layout) + 3;
  double x = cluster->x0 - view->scroll_x;
  double width = cluster->x1 - cluster->x0;
  guint held = count_highlighted (layout, view, cluster);
  AtlasColor color = held > 0 ? style->accent : style->foreground;
  char label[64];
  int w, h;

  if (held > 0)
    /* Translators: a cluster of events on the timeline that holds some of
     * the selected ones, e.g. "2 of +7" */
    g_snprintf (label, sizeof label, _ ("%u of +%u"), held, cluster->count);
  else
    g_snprintf (label, sizeof label, "+%u", cluster->count);
  text = atlas_text_cache_get (texts, ATLAS_TEXT_SMALL_BOLD, label);
  pango_layout_get_pixel_size (text, &w, &h);
  /* A longer label widens the pill around its middle. */
  if (w + 12 > width)
    {
      x -= (w + 12 - width) / 2;
      width = w + 12;
    }

  rounded_rect (cr, x, y, width, ATLAS_TIMELINE_CLUSTER_HEIGHT - 8, 11);
  set_color (cr, atlas_color_with_alpha (color, held > 0 ? 0.18 : 0.1));
  cairo_fill_preserve (cr);
  set_color (cr, atlas_color_with_alpha (color, held > 0 ? 1.0 : 0.3));
  cairo_set_line_width (cr, held > 0 ? 1.5 : 1);
  cairo_stroke (cr);

  set_color (cr, held > 0 ? style->accent : style->foreground);
  atlas_text_cache_draw (texts, cr, ATLAS_TEXT_SMALL_BOLD, label, x + (width - w) / 2,
                         y + (ATLAS_TIMELINE_CLUSTER_HEIGHT - 8 - h) / 2);
}

void
atlas_timeline_render (cairo_t *cr,
                       const AtlasTimelineLayout *layout,
                       const AtlasStyle *style,
                       const AtlasTimelineView *view)
{
  g_autoptr (AtlasTextCache) own_texts = NULL;
  AtlasTextCache *texts = view->texts;
  g_autoptr (GPtrArray) items = g_ptr_array_new ();
  g_autoptr (GPtrArray) clusters = g_ptr_array_new ();

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (view != NULL);

  if (texts == NULL)
    texts = own_texts = atlas_text_cache_new ();
  atlas_text_cache_begin_frame (texts, cr, style);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, view->width, view->height);
  cairo_clip (cr);

  draw_axis (cr, layout, style, view, texts);

  atlas_timeline_layout_collect_visible (layout, view->scroll_x, view->scroll_x + view->width,
                                         items, clusters);
  /* On screen and in a PNG, the text of one size together, after the
   * axis's of the same size: the first time a glyph is drawn at a size
   * other than the last one drawn, cairo sets its FreeType face to that
   * size, and a TrueType face then runs its size program again (DejaVu
   * Sans: a quarter of a million instructions). Title and date item after
   * item did it 28 times in the window's first frame. An item's text stays
   * within its lane, clear of the others' shapes, so the passes draw the
   * same picture. A vector file draws no glyphs, and keeps each event's
   * title and date together, in the order a reader takes them. */
  if (is_vector (cr))
    for (guint i = 0; i < items->len; i++)
      for (ItemPart part = ITEM_SHAPES; part <= ITEM_DATES; part++)
        draw_item (cr, layout, style, view, items->pdata[i], texts, part);
  else
    {
      static const ItemPart passes[] = { ITEM_SHAPES, ITEM_DATES, ITEM_TITLES };

      for (guint p = 0; p < G_N_ELEMENTS (passes); p++)
        for (guint i = 0; i < items->len; i++)
          draw_item (cr, layout, style, view, items->pdata[i], texts, passes[p]);
    }
  for (guint i = 0; i < clusters->len; i++)
    draw_cluster (cr, layout, style, view, clusters->pdata[i], texts);

  set_color (cr, style->accent);
  draw_marker (cr, layout, style, view, texts);

  cairo_restore (cr);
}

/* The whole timeline, every event over the full span, fitted into @width ×
 * @height: as many lanes as the events need, scaled down as a whole if they
 * need more height than there is. For exports: its text is laid out and
 * drawn in @texts, an unhinted cache, begun. */
void
atlas_timeline_render_all (cairo_t *cr,
                           GListModel *events,
                           const AtlasStyle *style,
                           AtlasTextCache *texts,
                           double width,
                           double height)
{
  g_autoptr (AtlasTimelineLayout) layout = atlas_timeline_layout_new ();
  AtlasTimelineView view = { .texts = texts };
  double scale = 1.0, span;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (events));
  g_return_if_fail (texts != NULL);

  atlas_timeline_layout_set_events (layout, events, atlas_text_cache_get_context (texts),
                                    style->font);
  span = atlas_timeline_layout_scaled_days (layout, atlas_timeline_layout_get_first_day (layout),
                                            atlas_timeline_layout_get_last_day (layout));

  /* Zoom out until the last labels fit the width, and shrink the whole
   * until the lanes fit the height; each changes the other, so a few rounds
   * settle it. */
  for (guint round = 0; round < 8; round++)
    {
      double room = width / scale - 12;   /* measured and drawn text may differ a little */
      double px_per_day = room / span;
      double overflow, needed;

      /* Labels keep their width as the zoom shrinks: narrow the span by
       * what still overflows, from the current zoom, until nothing does. */
      for (guint fit = 0; fit < 12; fit++)
        {
          atlas_timeline_layout_update (layout, px_per_day, 256);
          overflow = atlas_timeline_layout_get_width (layout) - room;
          if (overflow <= 0.5)
            break;
          px_per_day = MAX (px_per_day * 0.5, px_per_day - (overflow + 4) / span);
        }

      needed = atlas_timeline_layout_get_height (layout) + 28;
      if (needed * scale <= height && overflow <= 0.5)
        break;
      scale *= MIN (height / (needed * scale), overflow > 0.5 ? 0.9 : 1.0);
    }

  view.width = width / scale;
  view.height = height / scale;
  view.selected = -1;
  view.focused = -1;
  view.show_marker = TRUE;

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  atlas_timeline_render (cr, layout, style, &view);
  cairo_restore (cr);
}
