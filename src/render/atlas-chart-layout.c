/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-chart-layout"

#include "config.h"

/* A chart of a dataset: its series, as horizontal bars.
 *
 * The series of one chart often measure different things (monthly users,
 * regular viewers, a share of internet users, minutes a day), so nothing is
 * drawn as if they were one line. Series of one unit share a panel and its
 * axis, so that like can be compared with like; each series is a group with
 * its own heading, and each figure is a bar labelled with its entity and its
 * date as the source words it. A figure without a date says so.
 *
 * new() gathers the text; update() places everything for a width, measuring
 * the labels once. Hit-testing is by row.
 */

#include "atlas-i18n.h"
#include <math.h>

#include "atlas-chart-layout.h"
#include "atlas-style.h"

struct _AtlasChartLayout
{
  char *id;
  char *title;
  char *description;
  GArray *bars;     /* AtlasChartBar */
  GArray *groups;   /* AtlasChartGroup */
  GArray *panels;   /* AtlasChartPanel */
  gboolean statuses[ATLAS_VALUE_STATUS_PROJECTED + 1];

  double width;
  double height;
  double plot_x0;
  double plot_x1;
};

static void
clear_bar (gpointer data)
{
  AtlasChartBar *bar = data;

  g_clear_object (&bar->point);
  g_clear_object (&bar->series);
  g_free (bar->label);
  g_free (bar->date);
  g_free (bar->value);
  g_free (bar->secondary);
}

static void
clear_group (gpointer data)
{
  AtlasChartGroup *group = data;

  g_clear_object (&group->series);
  g_free (group->title);
  g_free (group->subtitle);
}

static void
clear_panel (gpointer data)
{
  g_free (((AtlasChartPanel *) data)->axis_title);
}

static char *
axis_title (AtlasDataset *dataset,
            AtlasUnit unit)
{
  const AtlasRate *rate;

  switch (unit)
    {
    case ATLAS_UNIT_PEOPLE: return g_strdup (_ ("Number of people"));
    case ATLAS_UNIT_TITLES: return g_strdup (_ ("Number of titles"));
    case ATLAS_UNIT_MINUTES: return g_strdup (_ ("Minutes"));
    case ATLAS_UNIT_PERCENT: return g_strdup (_ ("Percent"));
    case ATLAS_UNIT_USD: return g_strdup (_ ("US dollars"));
    case ATLAS_UNIT_CNY:
      if (atlas_dataset_get_rate (dataset, ATLAS_UNIT_CNY, ATLAS_UNIT_USD, &rate))
        {
          g_autofree char *per_yuan = g_strdup_printf ("%.4g", rate->rate);

          /* Translators: an axis title; %s is the source's exchange rate, e.g. "0.1405" */
          return g_strdup_printf (
              _ ("Yuan (¥), with US dollars at the source’s rate of $%s a yuan"), per_yuan);
        }
      return g_strdup (_ ("Yuan (¥)"));
    case ATLAS_UNIT_COUNT:
    default: return g_strdup (_ ("Count"));
    }
}

static guint
panel_for_unit (AtlasChartLayout *self,
                AtlasDataset *dataset,
                AtlasUnit unit)
{
  AtlasChartPanel panel = { 0 };

  for (guint i = 0; i < self->panels->len; i++)
    if (g_array_index (self->panels, AtlasChartPanel, i).unit == unit)
      return i;

  panel.unit = unit;
  panel.axis_title = axis_title (dataset, unit);
  g_array_append_val (self->panels, panel);
  return self->panels->len - 1;
}

static char *
value_text (AtlasPoint *point,
            AtlasUnit unit)
{
  g_autofree char *compact = atlas_format_compact (atlas_point_get_value (point), unit);
  const char *sign = atlas_format_qualifier_sign (atlas_point_get_qualifier (point));

  return sign ? g_strdup_printf ("%s %s", sign, compact) : g_steal_pointer (&compact);
}

static int
compare_bars (gconstpointer a,
              gconstpointer b)
{
  const AtlasChartBar *x = a, *y = b;

  if (x->panel != y->panel)
    return x->panel < y->panel ? -1 : 1;
  return x->group < y->group ? -1 : x->group > y->group;
}

/* Returns: (nullable): the layout of chart @chart_id of @dataset, or NULL if
 * the dataset has no such chart */
AtlasChartLayout *
atlas_chart_layout_new (AtlasDataset *dataset,
                        const char *chart_id)
{
  const AtlasChartSpec *spec;
  AtlasChartLayout *self;
  GListModel *series_model;
  const AtlasRate *rate = NULL;
  gboolean has_rate;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  spec = atlas_dataset_lookup_chart (dataset, chart_id);
  if (spec == NULL)
    return NULL;

  self = g_new0 (AtlasChartLayout, 1);
  self->id = g_strdup (spec->id);
  self->title = g_strdup (spec->title);
  self->description = g_strdup (spec->description);
  self->bars = g_array_new (FALSE, TRUE, sizeof (AtlasChartBar));
  g_array_set_clear_func (self->bars, clear_bar);
  self->groups = g_array_new (FALSE, TRUE, sizeof (AtlasChartGroup));
  g_array_set_clear_func (self->groups, clear_group);
  self->panels = g_array_new (FALSE, TRUE, sizeof (AtlasChartPanel));
  g_array_set_clear_func (self->panels, clear_panel);
  has_rate = atlas_dataset_get_rate (dataset, ATLAS_UNIT_CNY, ATLAS_UNIT_USD, &rate);

  series_model = atlas_dataset_get_series (dataset);
  for (guint s = 0; s < g_list_model_get_n_items (series_model); s++)
    {
      g_autoptr (AtlasSeries) series = g_list_model_get_item (series_model, s);
      GListModel *points = atlas_series_get_points (series);
      AtlasUnit unit = atlas_series_get_unit (series);
      AtlasChartGroup group = { 0 };
      guint panel, group_index;

      if (g_strcmp0 (atlas_series_get_chart_id (series), chart_id) != 0 ||
          g_list_model_get_n_items (points) == 0)
        continue;

      panel = panel_for_unit (self, dataset, unit);
      group.series = g_object_ref (series);
      group.title = g_strdup (atlas_series_get_label (series));
      group.subtitle = g_strdup (atlas_series_get_description (series));
      group.color = self->groups->len;
      g_array_append_val (self->groups, group);
      group_index = self->groups->len - 1;

      for (guint p = 0; p < g_list_model_get_n_items (points); p++)
        {
          g_autoptr (AtlasPoint) point = g_list_model_get_item (points, p);
          AtlasEntity *entity =
              atlas_dataset_lookup_entity (dataset, atlas_point_get_entity_id (point));
          const AtlasFuzzyDate *date = atlas_point_get_date (point);
          AtlasChartBar bar = { 0 };

          bar.point = g_object_ref (point);
          bar.series = g_object_ref (series);
          /* Whose figure it is, by the name the reader reads. */
          bar.label = g_strdup (entity == NULL ? atlas_point_get_entity_id (point)
                                               : atlas_entity_get_display_name (entity));
          bar.date = date ? atlas_fuzzy_date_dup_display (date) : g_strdup (_ ("Date not stated"));
          bar.value = value_text (point, unit);
          if (unit == ATLAS_UNIT_CNY && has_rate)
            bar.secondary =
                atlas_format_compact (atlas_point_get_value (point) * rate->rate, ATLAS_UNIT_USD);
          bar.panel = panel;
          bar.group = group_index;
          self->statuses[atlas_point_get_status (point)] = TRUE;
          g_array_append_val (self->bars, bar);
        }
    }

  /* Panels in order of first appearance; bars by panel, keeping series order. */
  g_array_sort (self->bars, compare_bars);
  return self;
}

void
atlas_chart_layout_free (AtlasChartLayout *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->title);
  g_free (self->description);
  g_array_unref (self->bars);
  g_array_unref (self->groups);
  g_array_unref (self->panels);
  g_free (self);
}

/* The width of @text in the chart's body font, or with @small its small one. */
typedef double (*MeasureFunc) (gpointer data,
                               gboolean small,
                               const char *text);

typedef struct
{
  PangoLayout *body;
  PangoLayout *small;
} Layouts;

static double
measure_in_layouts (gpointer data,
                    gboolean small,
                    const char *text)
{
  Layouts *layouts = data;

  return atlas_text_width (small ? layouts->small : layouts->body, text);
}

static double
measure_in_cache (gpointer data,
                  gboolean small,
                  const char *text)
{
  int width;

  pango_layout_get_pixel_size (
      atlas_text_cache_get (data, small ? ATLAS_TEXT_SMALL : ATLAS_TEXT_BODY, text), &width, NULL);
  return width;
}

static void
update_measured (AtlasChartLayout *self,
                 double width,
                 MeasureFunc measure,
                 gpointer data)
{
  double label_width = 0, value_width = 0, y;
  guint last_group = G_MAXUINT;

  for (guint i = 0; i < self->bars->len; i++)
    {
      AtlasChartBar *bar = &g_array_index (self->bars, AtlasChartBar, i);
      double value = measure (data, FALSE, bar->value);

      label_width = MAX (label_width, measure (data, FALSE, bar->label));
      label_width = MAX (label_width, measure (data, TRUE, bar->date));
      if (bar->secondary != NULL)
        value = MAX (value, measure (data, TRUE, bar->secondary));
      value_width = MAX (value_width, value);
    }

  self->width = width;
  self->plot_x0 = CLAMP (label_width + 20, 120, MAX (120, width * 0.36));
  self->plot_x1 = MAX (self->plot_x0 + 60, width - value_width - 28);

  /* Top to bottom: the legend, then each panel: its axis, then each group:
   * its heading and its bars. */
  y = ATLAS_CHART_LEGEND_HEIGHT;
  for (guint p = 0; p < self->panels->len; p++)
    {
      AtlasChartPanel *panel = &g_array_index (self->panels, AtlasChartPanel, p);
      double max = 0;

      for (guint i = 0; i < self->bars->len; i++)
        {
          AtlasChartBar *bar = &g_array_index (self->bars, AtlasChartBar, i);

          if (bar->panel == p)
            max = MAX (max, atlas_point_get_value (bar->point));
        }
      panel->scale =
          atlas_nice_scale (max, MAX (2, (guint) ((self->plot_x1 - self->plot_x0) / 110)));

      if (p > 0)
        y += ATLAS_CHART_PANEL_GAP;
      panel->y0 = y;
      y += ATLAS_CHART_AXIS_HEIGHT;

      for (guint i = 0; i < self->bars->len; i++)
        {
          AtlasChartBar *bar = &g_array_index (self->bars, AtlasChartBar, i);

          if (bar->panel != p)
            continue;
          if (bar->group != last_group)
            {
              g_array_index (self->groups, AtlasChartGroup, bar->group).y = y;
              y += ATLAS_CHART_GROUP_HEIGHT;
              last_group = bar->group;
            }
          bar->y = y;
          bar->x1 = atlas_chart_layout_value_to_x (self, p, atlas_point_get_value (bar->point));
          y += ATLAS_CHART_ROW_HEIGHT;
        }
      panel->y1 = y;
    }

  self->height = y + 8;
}

/* Places everything for @width, with labels measured in @font. */
void
atlas_chart_layout_update (AtlasChartLayout *self,
                           double width,
                           PangoContext *context,
                           const PangoFontDescription *font)
{
  g_autoptr (PangoLayout) body = pango_layout_new (context);
  g_autoptr (PangoLayout) small = pango_layout_new (context);
  g_autoptr (PangoFontDescription) small_font = atlas_font_scaled (font, 0.85, PANGO_WEIGHT_NORMAL);
  Layouts layouts = { body, small };

  g_return_if_fail (self != NULL);

  pango_layout_set_font_description (body, font);
  pango_layout_set_font_description (small, small_font);
  update_measured (self, width, measure_in_layouts, &layouts);
}

/* Places everything for @width, with labels measured in the body and small
 * fonts of @texts (begun), which then draws them as measured: a text is
 * shaped once, however many widths an export tries. */
void
atlas_chart_layout_update_in (AtlasChartLayout *self,
                              double width,
                              AtlasTextCache *texts)
{
  g_return_if_fail (self != NULL && texts != NULL);

  update_measured (self, width, measure_in_cache, texts);
}

/* How much of a spread's extra space goes before bar @i: a whole share
 * before a group's heading or a panel's axis, half a share between two
 * bars of one group, none after an axis. */
static double
spread_weight (AtlasChartLayout *self,
               guint i)
{
  const AtlasChartBar *bar = &g_array_index (self->bars, AtlasChartBar, i);
  const AtlasChartBar *before;

  if (i == 0)
    return 0;
  before = &g_array_index (self->bars, AtlasChartBar, i - 1);
  if (before->panel != bar->panel)
    return 1;
  return before->group != bar->group ? 1 : 0.5;
}

/* Spreads a laid-out chart shorter than @height down to fill it, for an
 * export: groups and panels move apart, and bars within a group a little,
 * each gap growing by at most two rows' height; so a slide holds the chart
 * rather than an empty band above its source line. Headings stay with
 * their bars; text and bars keep their size. */
void
atlas_chart_layout_spread (AtlasChartLayout *self,
                           double height)
{
  double total = 0, unit, offset = 0;
  guint last_panel = 0, last_group = G_MAXUINT;

  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->bars->len; i++)
    total += spread_weight (self, i);
  if (total <= 0 || height <= self->height)
    return;
  unit = MIN ((height - self->height) / total, 2 * ATLAS_CHART_ROW_HEIGHT);

  for (guint i = 0; i < self->bars->len; i++)
    {
      AtlasChartBar *bar = &g_array_index (self->bars, AtlasChartBar, i);
      AtlasChartPanel *panel = &g_array_index (self->panels, AtlasChartPanel, bar->panel);

      offset += spread_weight (self, i) * unit;
      if (bar->panel != last_panel)
        {
          g_array_index (self->panels, AtlasChartPanel, last_panel).y1 += offset - unit;
          panel->y0 += offset;
          last_panel = bar->panel;
        }
      if (bar->group != last_group)
        {
          g_array_index (self->groups, AtlasChartGroup, bar->group).y += offset;
          last_group = bar->group;
        }
      bar->y += offset;
    }
  g_array_index (self->panels, AtlasChartPanel, last_panel).y1 += offset;
  self->height += offset;
}

const char *
atlas_chart_layout_get_id (const AtlasChartLayout *self)
{
  return self->id;
}

const char *
atlas_chart_layout_get_title (const AtlasChartLayout *self)
{
  return self->title;
}

const char *
atlas_chart_layout_get_description (const AtlasChartLayout *self)
{
  return self->description;
}

double
atlas_chart_layout_get_width (const AtlasChartLayout *self)
{
  return self->width;
}

double
atlas_chart_layout_get_height (const AtlasChartLayout *self)
{
  return self->height;
}

double
atlas_chart_layout_get_plot_x0 (const AtlasChartLayout *self)
{
  return self->plot_x0;
}

double
atlas_chart_layout_get_plot_x1 (const AtlasChartLayout *self)
{
  return self->plot_x1;
}

double
atlas_chart_layout_value_to_x (const AtlasChartLayout *self,
                               guint panel,
                               double value)
{
  const AtlasChartPanel *p = &g_array_index (self->panels, AtlasChartPanel, panel);

  return self->plot_x0 + (self->plot_x1 - self->plot_x0) * CLAMP (value / p->scale.max, 0, 1);
}

guint
atlas_chart_layout_get_n_bars (const AtlasChartLayout *self)
{
  return self->bars->len;
}

const AtlasChartBar *
atlas_chart_layout_get_bar (const AtlasChartLayout *self,
                            guint index)
{
  g_return_val_if_fail (index < self->bars->len, NULL);
  return &g_array_index (self->bars, AtlasChartBar, index);
}

guint
atlas_chart_layout_get_n_groups (const AtlasChartLayout *self)
{
  return self->groups->len;
}

const AtlasChartGroup *
atlas_chart_layout_get_group (const AtlasChartLayout *self,
                              guint index)
{
  g_return_val_if_fail (index < self->groups->len, NULL);
  return &g_array_index (self->groups, AtlasChartGroup, index);
}

guint
atlas_chart_layout_get_n_panels (const AtlasChartLayout *self)
{
  return self->panels->len;
}

const AtlasChartPanel *
atlas_chart_layout_get_panel (const AtlasChartLayout *self,
                              guint index)
{
  g_return_val_if_fail (index < self->panels->len, NULL);
  return &g_array_index (self->panels, AtlasChartPanel, index);
}

gboolean
atlas_chart_layout_has_status (const AtlasChartLayout *self,
                               AtlasValueStatus status)
{
  g_return_val_if_fail (status <= ATLAS_VALUE_STATUS_PROJECTED, FALSE);
  return self->statuses[status];
}

/* The bar whose row is at (@x, @y), or -1. A row is the whole width: its
 * label, its bar and its value. */
int
atlas_chart_layout_hit (const AtlasChartLayout *self,
                        double x,
                        double y)
{
  guint lo = 0, hi = self->bars->len;

  if (x < 0 || x >= self->width)
    return -1;

  /* Rows are sorted by y. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->bars, AtlasChartBar, mid).y + ATLAS_CHART_ROW_HEIGHT <= y)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < self->bars->len && y >= g_array_index (self->bars, AtlasChartBar, lo).y)
    return (int) lo;
  return -1;
}

int
atlas_chart_layout_find_point (const AtlasChartLayout *self,
                               AtlasPoint *point)
{
  for (guint i = 0; i < self->bars->len; i++)
    if (g_array_index (self->bars, AtlasChartBar, i).point == point)
      return (int) i;
  return -1;
}
