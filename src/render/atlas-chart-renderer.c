/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-chart-renderer"

#include "config.h"

/* Draws a chart layout onto any cairo context, for the widget and for every
 * export alike.
 *
 * How sure a figure is shows in its bar: reported is solid, projected is
 * hatched, estimated is outlined with a light fill. What the source says of
 * the number shows in its label (≥ over, ≈ nearly, ≤ up to), and an "over"
 * bar ends in a chevron, since the real figure goes further. A legend at the
 * top says all this.
 */

#include "atlas-i18n.h"
#include <math.h>

#include "atlas-chart-renderer.h"

static void
set_color (cairo_t *cr,
           AtlasColor color)
{
  atlas_set_source (cr, color);
}

static void
text_size (AtlasTextCache *texts,
           AtlasTextVariant variant,
           const char *text,
           int *width,
           int *height)
{
  pango_layout_get_pixel_size (atlas_text_cache_get (texts, variant, text), width, height);
}

/* Diagonal lines over a light fill: projected.
 *
 * The lines are 6 device pixels apart and 2 wide, whatever the scale: an
 * export of many bars is drawn scaled down as a whole, and lines spaced in
 * its own units would grow in number with the bars' count, making the
 * drawing quadratic. Spaced on the device, a bar costs what its area on the
 * page does. */
static void
fill_hatched (cairo_t *cr,
              AtlasColor color,
              double x,
              double y,
              double w,
              double h)
{
  double dx = 1, dy = 0, unit, step;

  cairo_user_to_device_distance (cr, &dx, &dy);
  unit = MAX (hypot (dx, dy), 1e-6); /* device pixels per unit */
  step = 6 / MIN (unit, 1.0);

  /* The fill and the lines keep to the bar by their geometry, not only by
   * the clip, which some programs drop when they take a PDF in: there, a
   * projected bar must still read as hatched, never as solid. */
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip_preserve (cr);
  set_color (cr, atlas_color_with_alpha (color, 0.22));
  cairo_fill (cr);
  set_color (cr, color);
  cairo_set_line_width (cr, 2 / MIN (unit, 1.0));
  for (double d = -h; d < w + h; d += step)
    {
      /* The line from (x + d, y + h) up to (x + d + h, y), cut to x..x+w. */
      double t0 = MAX (0.0, -d / h), t1 = MIN (1.0, (w - d) / h);

      if (t0 >= t1)
        continue;
      cairo_move_to (cr, x + d + t0 * h, y + h - t0 * h);
      cairo_line_to (cr, x + d + t1 * h, y + h - t1 * h);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  set_color (cr, color);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, x + 0.5, y + 0.5, MAX (w - 1, 0), h - 1);
  cairo_stroke (cr);
}

static void
draw_bar_shape (cairo_t *cr,
                AtlasValueStatus status,
                AtlasColor color,
                double x,
                double y,
                double w,
                double h)
{
  static const double dash[] = { 3, 2 };

  switch (status)
    {
    case ATLAS_VALUE_STATUS_PROJECTED: fill_hatched (cr, color, x, y, w, h); break;
    case ATLAS_VALUE_STATUS_ESTIMATED:
      set_color (cr, atlas_color_with_alpha (color, 0.25));
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);
      set_color (cr, color);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_rectangle (cr, x + 0.75, y + 0.75, MAX (w - 1.5, 0), h - 1.5);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    case ATLAS_VALUE_STATUS_REPORTED:
    default:
      set_color (cr, color);
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);
      break;
    }
}

static void
draw_legend (cairo_t *cr,
             const AtlasChartLayout *layout,
             const AtlasStyle *style,
             AtlasTextCache *texts)
{
  AtlasColor color = style->dim_foreground;
  double x = 0, y = 6;
  const struct
  {
    AtlasValueStatus status;
    const char *label;
  } statuses[] = {
    { ATLAS_VALUE_STATUS_REPORTED, N_ ("Reported") },
    { ATLAS_VALUE_STATUS_PROJECTED, N_ ("Projected") },
    { ATLAS_VALUE_STATUS_ESTIMATED, N_ ("Estimated") },
  };
  /* Translators: the chart legend's key to the signs before values */
  const char *signs = _ ("≥ over   ≈ nearly   ≤ up to");
  int w, h;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      if (!atlas_chart_layout_has_status (layout, statuses[i].status) &&
          statuses[i].status != ATLAS_VALUE_STATUS_REPORTED)
        continue;
      draw_bar_shape (cr, statuses[i].status, color, x, y + 3, 22, 12);
      set_color (cr, style->foreground);
      atlas_text_cache_draw (texts, cr, ATLAS_TEXT_SMALL, _ (statuses[i].label), x + 28, y + 1);
      text_size (texts, ATLAS_TEXT_SMALL, _ (statuses[i].label), &w, &h);
      x += 28 + w + 20;
    }

  set_color (cr, style->dim_foreground);
  atlas_text_cache_draw (texts, cr, ATLAS_TEXT_SMALL, signs, x + 8, y + 1);
}

static void
draw_panel_axis (cairo_t *cr,
                 const AtlasChartLayout *layout,
                 const AtlasStyle *style,
                 guint index,
                 AtlasTextCache *texts)
{
  const AtlasChartPanel *panel = atlas_chart_layout_get_panel (layout, index);
  double hairline = 1.0 / MAX (style->scale, 1.0);
  double tick_y = panel->y0 + 20;

  set_color (cr, style->dim_foreground);
  atlas_text_cache_draw (texts, cr, ATLAS_TEXT_SMALL_BOLD, panel->axis_title, 0, panel->y0);

  for (guint i = 0; i <= panel->scale.n_steps; i++)
    {
      double value = i * panel->scale.step;
      double x = round (atlas_chart_layout_value_to_x (layout, index, value));
      g_autofree char *label = atlas_format_compact (value, panel->unit);
      int w, h;

      /* Along the bars' rows only: never through a series' heading. */
      set_color (cr, i == 0 ? atlas_color_with_alpha (style->foreground, 0.5) : style->grid);
      for (guint b = 0; b < atlas_chart_layout_get_n_bars (layout); b++)
        {
          const AtlasChartBar *bar = atlas_chart_layout_get_bar (layout, b);

          if (bar->panel == index)
            cairo_rectangle (cr, x, bar->y, i == 0 ? 1 : hairline, ATLAS_CHART_ROW_HEIGHT);
        }
      cairo_fill (cr);

      text_size (texts, ATLAS_TEXT_SMALL, label, &w, &h);
      set_color (cr, style->dim_foreground);
      /* Centred on the tick, but never past the plot's ends */
      atlas_text_cache_draw (texts, cr, ATLAS_TEXT_SMALL, label,
                             CLAMP (x - w / 2.0, atlas_chart_layout_get_plot_x0 (layout) - w / 2.0,
                                    atlas_chart_layout_get_width (layout) - w),
                             tick_y);
    }
}

static void
draw_chevron (cairo_t *cr,
              AtlasColor color,
              double x,
              double y,
              double h)
{
  set_color (cr, color);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + h / 2, y + h / 2);
  cairo_line_to (cr, x, y + h);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* Whether @point is one the view lights up: a figure of the highlighted
 * entity, or of the highlighted event. */
static gboolean
is_lit (const AtlasChartView *view,
        AtlasPoint *point)
{
  return (view->highlight_entity != NULL &&
          g_strcmp0 (atlas_point_get_entity_id (point), view->highlight_entity) == 0) ||
         (view->highlight_event != NULL &&
          g_strcmp0 (atlas_point_get_event_id (point), view->highlight_event) == 0);
}

static void
draw_bar (cairo_t *cr,
          const AtlasChartLayout *layout,
          const AtlasStyle *style,
          const AtlasChartView *view,
          guint index,
          AtlasTextCache *texts)
{
  const AtlasChartBar *bar = atlas_chart_layout_get_bar (layout, index);
  const AtlasChartGroup *group = atlas_chart_layout_get_group (layout, bar->group);
  AtlasColor color = style->categories[(group->color + 1) % ATLAS_N_CATEGORIES];
  double x0 = atlas_chart_layout_get_plot_x0 (layout);
  double bar_y = bar->y + (ATLAS_CHART_ROW_HEIGHT - ATLAS_CHART_BAR_HEIGHT) / 2 - 2;
  gboolean lit = is_lit (view, bar->point);
  gboolean banded;
  gboolean dimmed = (view->highlight_entity != NULL || view->highlight_event != NULL) && !lit;
  double alpha = dimmed ? 0.3 : 1.0;
  double end = MAX (bar->x1, x0 + 2);
  int w, h;

  banded = (int) index == view->selected || (int) index == view->hovered ||
           (int) index == view->focused || lit;
  if (banded)
    {
      cairo_rectangle (cr, 0, bar->y + 1, atlas_chart_layout_get_width (layout),
                       ATLAS_CHART_ROW_HEIGHT - 2);
      set_color (
          cr, atlas_color_with_alpha (style->accent, (int) index == view->selected ? 0.16 : 0.07));
      cairo_fill (cr);
      if ((int) index == view->focused || (int) index == view->selected)
        {
          set_color (cr, style->accent);
          cairo_set_line_width (cr, (int) index == view->focused ? 2 : 1);
          cairo_rectangle (cr, 1, bar->y + 2, atlas_chart_layout_get_width (layout) - 2,
                           ATLAS_CHART_ROW_HEIGHT - 4);
          cairo_stroke (cr);
        }
    }

  /* Label: the entity, and when */
  set_color (cr, atlas_color_with_alpha (style->foreground, alpha));
  atlas_text_cache_draw_at_most (texts, cr, ATLAS_TEXT_BODY, bar->label, 8, bar->y + 2, x0 - 20);
  set_color (cr, atlas_color_with_alpha (style->dim_foreground, alpha));
  atlas_text_cache_draw_at_most (texts, cr, ATLAS_TEXT_SMALL, bar->date, 8, bar->y + 19, x0 - 20);

  draw_bar_shape (cr, atlas_point_get_status (bar->point), atlas_color_with_alpha (color, alpha),
                  x0, bar_y, end - x0, ATLAS_CHART_BAR_HEIGHT);
  if (atlas_point_get_qualifier (bar->point) == ATLAS_VALUE_QUALIFIER_OVER)
    {
      draw_chevron (cr, atlas_color_with_alpha (color, alpha), end + 2, bar_y,
                    ATLAS_CHART_BAR_HEIGHT);
      end += ATLAS_CHART_BAR_HEIGHT / 2 + 2;
    }

  /* Value at the end of the bar, and its second unit below, on a patch of
   * the background, so that no grid line runs through them (a row with a
   * band behind it has no line to hide, and keeps its band). */
  text_size (texts, ATLAS_TEXT_BODY, bar->value, &w, &h);
  if (!banded)
    {
      int sw = 0, sh = 0;

      if (bar->secondary != NULL)
        text_size (texts, ATLAS_TEXT_SMALL, bar->secondary, &sw, &sh);
      set_color (cr, atlas_get_paper (cr, style->background));
      cairo_rectangle (cr, end + 4,
                       bar_y + ATLAS_CHART_BAR_HEIGHT / 2 - h / 2.0 - (bar->secondary ? 6 : 0),
                       MAX (w, sw) + 4, h + (bar->secondary ? sh - 1 : 0));
      cairo_fill (cr);
    }
  set_color (cr, atlas_color_with_alpha (style->foreground, alpha));
  atlas_text_cache_draw (texts, cr, ATLAS_TEXT_BODY, bar->value, end + 6,
                         bar_y + ATLAS_CHART_BAR_HEIGHT / 2 - h / 2.0 - (bar->secondary ? 6 : 0));
  if (bar->secondary != NULL)
    {
      set_color (cr, atlas_color_with_alpha (style->dim_foreground, alpha));
      atlas_text_cache_draw (texts, cr, ATLAS_TEXT_SMALL, bar->secondary, end + 6,
                             bar_y + ATLAS_CHART_BAR_HEIGHT / 2 + h / 2.0 - 5);
    }
}

void
atlas_chart_render (cairo_t *cr,
                    const AtlasChartLayout *layout,
                    const AtlasStyle *style,
                    const AtlasChartView *view)
{
  g_autoptr (AtlasTextCache) own_texts = NULL;
  AtlasTextCache *texts = view->texts;

  g_return_if_fail (cr != NULL && layout != NULL && style != NULL && view != NULL);

  if (texts == NULL)
    texts = own_texts = atlas_text_cache_new ();
  atlas_text_cache_begin_frame (texts, cr, style);

  draw_legend (cr, layout, style, texts);

  for (guint p = 0; p < atlas_chart_layout_get_n_panels (layout); p++)
    draw_panel_axis (cr, layout, style, p, texts);

  for (guint g = 0; g < atlas_chart_layout_get_n_groups (layout); g++)
    {
      const AtlasChartGroup *group = atlas_chart_layout_get_group (layout, g);

      set_color (cr, style->foreground);
      atlas_text_cache_draw (texts, cr, ATLAS_TEXT_SMALL_BOLD, group->title, 0, group->y + 4);
      if (group->subtitle != NULL)
        {
          set_color (cr, style->dim_foreground);
          atlas_text_cache_draw (texts, cr, ATLAS_TEXT_SMALL, group->subtitle, 0, group->y + 19);
        }
    }

  for (guint i = 0; i < atlas_chart_layout_get_n_bars (layout); i++)
    draw_bar (cr, layout, style, view, i, texts);
}

/* Lays @layout out for an export, in the text of @texts (an unhinted
 * cache, begun): for @width, then scaled down as a whole if it needs more
 * height than @height, or spread out to fill it if it needs less. Returns
 * the scale, for atlas_chart_render_fitted(). */
double
atlas_chart_fit (AtlasChartLayout *layout,
                 const AtlasStyle *style,
                 AtlasTextCache *texts,
                 double width,
                 double height)
{
  double scale = 1.0;

  g_return_val_if_fail (layout != NULL && style != NULL, 1.0);

  for (guint round = 0; round < 4; round++)
    {
      atlas_chart_layout_update_in (layout, width / scale, texts);
      if (atlas_chart_layout_get_height (layout) * scale <= height + 0.5)
        break;
      scale = height / atlas_chart_layout_get_height (layout);
    }
  if (scale >= 1.0)
    atlas_chart_layout_spread (layout, height);
  return scale;
}

/* Draws @layout as atlas_chart_fit() fitted it, at @scale, with its texts. */
void
atlas_chart_render_fitted (cairo_t *cr,
                           const AtlasChartLayout *layout,
                           const AtlasStyle *style,
                           AtlasTextCache *texts,
                           double scale)
{
  AtlasChartView view = { .selected = -1, .focused = -1, .hovered = -1, .texts = texts };

  g_return_if_fail (cr != NULL && layout != NULL);

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  atlas_chart_render (cr, layout, style, &view);
  cairo_restore (cr);
}

/* Chart @chart_id of @dataset, fitted into @width × @height, as an export
 * draws it. */
void
atlas_chart_render_all (cairo_t *cr,
                        AtlasDataset *dataset,
                        const char *chart_id,
                        const AtlasStyle *style,
                        double width,
                        double height)
{
  g_autoptr (AtlasChartLayout) layout = atlas_chart_layout_new (dataset, chart_id);
  g_autoptr (AtlasTextCache) texts = atlas_text_cache_new_unhinted (FALSE);
  double scale;

  g_return_if_fail (layout != NULL);

  atlas_text_cache_begin_frame (texts, NULL, style);
  scale = atlas_chart_fit (layout, style, texts, width, height);
  atlas_chart_render_fitted (cr, layout, style, texts, scale);
}
