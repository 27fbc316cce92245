/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-figure"

#include "config.h"

/* One list of what can be exported, with the title, subtitle and source line
 * each export carries, so that the window and the command line make the same
 * file from the same renderer. */

#include "atlas-i18n.h"

#include <string.h>

#include "atlas-chart-layout.h"
#include "atlas-chart-renderer.h"
#include "atlas-csv.h"
#include "atlas-figure.h"
#include "atlas-format.h"
#include "atlas-timeline-renderer.h"

/* Returns: (element-type utf8) (transfer full): the ids, in menu order */
GPtrArray *
atlas_figure_list_ids (AtlasDataset *dataset)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), ids);

  g_ptr_array_add (ids, g_strdup (ATLAS_FIGURE_TIMELINE));
  for (guint i = 0; i < atlas_dataset_get_n_charts (dataset); i++)
    g_ptr_array_add (ids, g_strdup (atlas_dataset_get_chart (dataset, i)->id));
  return ids;
}

/* Returns: the title of figure @id, or NULL if @dataset has no such figure */
const char *
atlas_figure_get_title (AtlasDataset *dataset,
                        const char *id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  const AtlasChartSpec *chart;

  if (g_strcmp0 (id, ATLAS_FIGURE_TIMELINE) == 0)
    return _ ("Timeline");
  chart = atlas_dataset_lookup_chart (dataset, id);
  return chart ? chart->title : NULL;
}

/* The size an export of @id has unless asked otherwise: a slide for the
 * timeline, a smaller frame for a chart. */
void
atlas_figure_get_default_size (const char *id,
                               int *width,
                               int *height)
{
  gboolean timeline = g_strcmp0 (id, ATLAS_FIGURE_TIMELINE) == 0;

  *width = timeline ? 1920 : 1200;
  *height = timeline ? 1080 : 800;
}

/* "Source: Caixin, “Cover Story: …”, late 2025" */
char *
atlas_figure_dup_source_line (AtlasDataset *dataset)
{
  GListModel *sources = atlas_dataset_get_sources (dataset);
  guint n = g_list_model_get_n_items (sources);
  GString *line = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AtlasSource) source = g_list_model_get_item (sources, i);
      g_autofree char *credit = atlas_source_dup_credit (source);

      g_string_append_printf (line, "%s%s", i ? "; " : "", credit);
    }
  {
    /* Translators: the foot of an exported picture; %s names the sources */
    g_autofree char *sources_text = g_string_free (line, FALSE);

    return g_strdup_printf (ngettext ("Source: %s", "Sources: %s", n), sources_text);
  }
}

/* The publications of @dataset's sources, "Caixin", for an export's author. */
static char *
dup_publications (AtlasDataset *dataset)
{
  GListModel *sources = atlas_dataset_get_sources (dataset);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr (AtlasSource) source = g_list_model_get_item (sources, i);

      g_string_append_printf (names, "%s%s", i ? ", " : "", atlas_source_get_publication (source));
    }
  return g_string_free (names, FALSE);
}

/* At most this many bars or events are spelt out in an alt text. */
#define ALT_TEXT_ITEMS 40

/* Ends @text, a heading then @items, as one sentence the language's way:
 * the items joined by its separator, its full stop, and the count of those
 * left out. */
static char *
finish_alt_text (GString *text,
                 GPtrArray *items,
                 guint left_out)
{
  g_ptr_array_add (items, NULL);
  if (items->len > 1)
    {
      /* Translators: what separates the items of an alt text */
      g_autofree char *joined = g_strjoinv (_ ("; "), (char **) items->pdata);

      /* Translators: one sentence of an alt text's items, e.g. " Red Fruit,
       * 236 million (reported, September 2025); …." */
      g_string_append_printf (text, _ (" %s."), joined);
    }
  if (left_out > 0)
    /* Translators: the end of a long alt text */
    g_string_append_printf (text, _ (" And %u more."), left_out);
  return g_string_free (text, FALSE);
}

/* What figure @id shows, in words, for those who cannot see it: "Bar chart:
 * Revenue. Micro-drama industry size: China's micro-drama industry, 100
 * billion yuan (projected, soon); …". */
char *
atlas_figure_dup_alt_text (AtlasDataset *dataset,
                           const char *id)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  GString *text;
  guint n;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  if (g_strcmp0 (id, ATLAS_FIGURE_TIMELINE) == 0)
    {
      GListModel *events = atlas_dataset_get_events (dataset);

      n = g_list_model_get_n_items (events);
      text = g_string_new (NULL);
      /* Translators: the start of an exported timeline's alt text; %s is
       * the dataset's title, %u the number of events */
      g_string_append_printf (text,
                              ngettext ("Timeline: %s, %u event.", "Timeline: %s, %u events.", n),
                              atlas_dataset_get_title (dataset), n);
      for (guint i = 0; i < MIN (n, ALT_TEXT_ITEMS); i++)
        {
          g_autoptr (AtlasEvent) event = g_list_model_get_item (events, i);

          g_autofree char *date = atlas_fuzzy_date_dup_display (atlas_event_get_date (event));

          /* Translators: an event in an alt text or a citation: its title
           * and its date */
          g_ptr_array_add (items,
                           g_strdup_printf (_ ("%s (%s)"), atlas_event_get_title (event), date));
        }
    }
  else
    {
      g_autoptr (AtlasChartLayout) layout = NULL;

      if (atlas_dataset_lookup_chart (dataset, id) == NULL)
        return NULL;
      layout = atlas_chart_layout_new (dataset, id);
      n = atlas_chart_layout_get_n_bars (layout);
      text = g_string_new (NULL);
      /* Translators: the start of an exported chart's alt text */
      g_string_append_printf (text, _ ("Bar chart: %s."), atlas_figure_get_title (dataset, id));
      for (guint i = 0; i < MIN (n, ALT_TEXT_ITEMS); i++)
        {
          const AtlasChartBar *bar = atlas_chart_layout_get_bar (layout, i);
          g_autofree char *value = atlas_format_point (bar->point);
          g_autofree char *status = g_utf8_strdown (
              atlas_value_status_get_label (atlas_point_get_status (bar->point)), -1);

          /* Translators: one bar in an alt text: what it measures, whose,
           * the figure, its status and its date, e.g. "Monthly active
           * users: Red Fruit, 236 million people (reported, September 2025)" */
          g_ptr_array_add (items, g_strdup_printf (_ ("%s: %s, %s (%s, %s)"),
                                                   atlas_series_get_label (bar->series), bar->label,
                                                   value, status, bar->date));
        }
    }
  return finish_alt_text (text, items, n > ALT_TEXT_ITEMS ? n - ALT_TEXT_ITEMS : 0);
}

/* What an export of one figure needs: the frame's texts and the drawing. */
typedef struct
{
  AtlasDataset *dataset;
  const char *id;
  char *subtitle;
  char *source_line;
  char *alt_text;
  char *author;
  AtlasTextCache *texts;   /* the frame's and the content's, measured and drawn */
  AtlasChartLayout *chart; /* fitted to chart_width × chart_height at chart_scale */
  double chart_width;
  double chart_height;
  double chart_scale;
  AtlasExportOptions framed;
} Figure;

/* Lays the chart out for @width × @height, unless it already is. */
static void
figure_fit_chart (Figure *figure,
                  const AtlasStyle *style,
                  double width,
                  double height)
{
  if (width == figure->chart_width && height == figure->chart_height)
    return;
  figure->chart_scale = atlas_chart_fit (figure->chart, style, figure->texts, width, height);
  figure->chart_width = width;
  figure->chart_height = height;
}

static void
draw_figure (cairo_t *cr,
             const AtlasStyle *style,
             double width,
             double height,
             gpointer user_data)
{
  Figure *figure = user_data;

  if (figure->chart == NULL)
    {
      atlas_timeline_render_all (cr, atlas_dataset_get_events (figure->dataset), style,
                                 figure->texts, width, height);
      return;
    }
  figure_fit_chart (figure, style, width, height);
  atlas_chart_render_fitted (cr, figure->chart, style, figure->texts, figure->chart_scale);
}

static void
figure_clear (Figure *figure)
{
  g_clear_pointer (&figure->subtitle, g_free);
  g_clear_pointer (&figure->source_line, g_free);
  g_clear_pointer (&figure->alt_text, g_free);
  g_clear_pointer (&figure->author, g_free);
  g_clear_pointer (&figure->chart, atlas_chart_layout_free);
  g_clear_pointer (&figure->texts, atlas_text_cache_free);
}

static gboolean
figure_prepare (Figure *figure,
                AtlasDataset *dataset,
                const char *id,
                const AtlasExportOptions *options,
                GError **error)
{
  memset (figure, 0, sizeof *figure);
  figure->dataset = dataset;
  figure->id = id;
  figure->framed = *options;
  figure->source_line = atlas_figure_dup_source_line (dataset);
  figure->framed.source_line = figure->source_line;
  figure->alt_text = atlas_figure_dup_alt_text (dataset, id);
  figure->framed.description = figure->alt_text;
  figure->author = dup_publications (dataset);
  figure->framed.author = figure->author;
  figure->texts = atlas_text_cache_new_unhinted (options->format != ATLAS_EXPORT_PNG);
  atlas_text_cache_begin_frame (figure->texts, NULL, options->style);
  figure->framed.texts = figure->texts;

  if (g_strcmp0 (id, ATLAS_FIGURE_TIMELINE) == 0)
    {
      guint n = g_list_model_get_n_items (atlas_dataset_get_events (dataset));

      /* Translators: the subtitle of an exported timeline */
      figure->subtitle =
          g_strdup_printf (ngettext ("Timeline of %u event", "Timeline of %u events", n), n);
      figure->framed.title = atlas_dataset_get_title (dataset);
      figure->framed.subtitle = figure->subtitle;
      return TRUE;
    }
  else
    {
      const AtlasChartSpec *chart = atlas_dataset_lookup_chart (dataset, id);

      if (chart == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no figure has the id “%s”", id);
          figure_clear (figure);
          return FALSE;
        }
      figure->framed.title = chart->title;
      figure->framed.subtitle = chart->description;

      /* Shrunk so much that a row is under a pixel, the bars vanish: too
       * many for the size, which a blank picture would not tell. */
      {
        double content_width, content_height;

        figure->chart = atlas_chart_layout_new (dataset, id);
        atlas_export_get_content_size (&figure->framed, &content_width, &content_height);
        figure_fit_chart (figure, options->style, content_width, content_height);
        if (figure->chart_scale * ATLAS_CHART_ROW_HEIGHT < 1)
          {
            guint n_bars = atlas_chart_layout_get_n_bars (figure->chart);

            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         "the chart “%s” has %u bars, which at %d×%d would be under a pixel "
                         "high each: export it larger, or with fewer figures",
                         id, n_bars, options->width, options->height);
            figure_clear (figure);
            return FALSE;
          }
      }
      return TRUE;
    }
}

gboolean
atlas_figure_export (AtlasDataset *dataset,
                     const char *id,
                     GFile *file,
                     const AtlasExportOptions *options,
                     GCancellable *cancellable,
                     GError **error)
{
  Figure figure;
  gboolean ok;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (!figure_prepare (&figure, dataset, id, options, error))
    return FALSE;
  ok = atlas_export_write (file, &figure.framed, draw_figure, &figure, cancellable, error);
  figure_clear (&figure);
  return ok;
}

/* Returns: (transfer full) (nullable): the figure as a PNG, for the clipboard */
GBytes *
atlas_figure_to_png_bytes (AtlasDataset *dataset,
                           const char *id,
                           const AtlasExportOptions *options,
                           GError **error)
{
  Figure figure;
  GBytes *bytes;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  if (!figure_prepare (&figure, dataset, id, options, error))
    return NULL;
  bytes = atlas_export_to_png_bytes (&figure.framed, draw_figure, &figure, error);
  figure_clear (&figure);
  return bytes;
}

/* Returns: (transfer full) (nullable): the data of the figure as CSV */
char *
atlas_figure_dup_csv (AtlasDataset *dataset,
                      const char *id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  if (g_strcmp0 (id, ATLAS_FIGURE_TIMELINE) == 0)
    return atlas_csv_for_events (dataset);
  return atlas_csv_for_chart (dataset, id);
}
