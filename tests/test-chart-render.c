/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-chart-render"

#include "config.h"

/* The charts' layout, hit-testing and drawing, their CSV, and their exports,
 * without a display. */

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "atlas-chart-renderer.h"
#include "atlas-csv.h"
#include "atlas-figure.h"
#include "atlas-loader.h"
#include "atlas-svg-text.h"
#include "atlas-test-utils.h"

static AtlasDataset *dataset;
static AtlasStyle *style;

static AtlasChartLayout *
new_layout (const char *chart_id,
            double width)
{
  AtlasChartLayout *layout = atlas_chart_layout_new (dataset, chart_id);
  PangoContext *context = atlas_style_create_context (style);

  g_assert_nonnull (layout);
  atlas_chart_layout_update (layout, width, context, style->font);
  g_object_unref (context);
  return layout;
}

static int
find_bar (AtlasChartLayout *layout,
          const char *entity_id,
          double value)
{
  for (guint i = 0; i < atlas_chart_layout_get_n_bars (layout); i++)
    {
      const AtlasChartBar *bar = atlas_chart_layout_get_bar (layout, i);

      if (g_str_equal (atlas_point_get_entity_id (bar->point), entity_id) &&
          atlas_point_get_value (bar->point) == value)
        return (int) i;
    }
  g_assert_not_reached ();
}

static void
test_structure (void)
{
  g_autoptr (AtlasChartLayout) users = new_layout ("users", 1200);
  g_autoptr (AtlasChartLayout) revenue = new_layout ("revenue", 1200);
  g_autoptr (AtlasChartLayout) titles = new_layout ("titles", 1200);
  g_autoptr (AtlasChartLayout) none = atlas_chart_layout_new (dataset, "pies");
  const AtlasChartBar *bar;

  g_assert_null (none);

  /* Audiences: people, percent and minutes each on their own axis */
  g_assert_cmpuint (atlas_chart_layout_get_n_panels (users), ==, 3);
  g_assert_cmpint (atlas_chart_layout_get_panel (users, 0)->unit, ==, ATLAS_UNIT_PEOPLE);
  g_assert_cmpint (atlas_chart_layout_get_panel (users, 1)->unit, ==, ATLAS_UNIT_PERCENT);
  g_assert_cmpint (atlas_chart_layout_get_panel (users, 2)->unit, ==, ATLAS_UNIT_MINUTES);
  g_assert_cmpfloat (atlas_chart_layout_get_panel (users, 0)->scale.max, >=, 1e9);
  g_assert_cmpuint (atlas_chart_layout_get_n_bars (users), ==, 8);
  g_assert_cmpuint (atlas_chart_layout_get_n_groups (users), ==, 6);

  /* Each bar says what and when */
  bar = atlas_chart_layout_get_bar (users, find_bar (users, "red-fruit", 236e6));
  g_assert_cmpstr (bar->label, ==, "Red Fruit");
  g_assert_cmpstr (bar->date, ==, "September 2025");
  g_assert_cmpstr (bar->value, ==, "236 M");
  bar = atlas_chart_layout_get_bar (users, find_bar (users, "hippo-theater", 60e6));
  g_assert_cmpstr (bar->value, ==, "≥ 60 M");
  g_assert_cmpstr (bar->date, ==, "Date not stated");

  /* Revenue: yuan, with US dollars at the source's rate */
  bar = atlas_chart_layout_get_bar (revenue, find_bar (revenue, "micro-drama-market", 100e9));
  g_assert_cmpstr (bar->value, ==, "¥100 B");
  g_assert_cmpstr (bar->date, ==, "soon");
  g_assert_cmpstr (bar->secondary, ==, "$14.05 B");
  g_assert_true (atlas_chart_layout_has_status (revenue, ATLAS_VALUE_STATUS_PROJECTED));
  g_assert_false (atlas_chart_layout_has_status (users, ATLAS_VALUE_STATUS_PROJECTED));
  g_assert_cmpfloat (atlas_chart_layout_get_panel (revenue, 0)->scale.max, ==, 100e9);

  /* Titles: up to 80 a month */
  bar = atlas_chart_layout_get_bar (titles, find_bar (titles, "deep-sea-fish", 80));
  g_assert_cmpstr (bar->value, ==, "≤ 80");

  /* Bars grow with their values, on their own panel's scale */
  {
    const AtlasChartBar *red =
        atlas_chart_layout_get_bar (users, find_bar (users, "red-fruit", 236e6));
    const AtlasChartBar *viewers =
        atlas_chart_layout_get_bar (users, find_bar (users, "micro-drama-market", 696e6));
    double x0 = atlas_chart_layout_get_plot_x0 (users);

    g_assert_cmpfloat_with_epsilon ((viewers->x1 - x0) / (red->x1 - x0), 696.0 / 236.0, 1e-9);
  }
}

static void
test_rows_do_not_overlap (void)
{
  static const char *charts[] = { "users", "titles", "revenue" };

  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    for (double width = 400; width <= 2400; width += 500)
      {
        g_autoptr (AtlasChartLayout) layout = new_layout (charts[c], width);
        double last = 0;

        for (guint i = 0; i < atlas_chart_layout_get_n_bars (layout); i++)
          {
            const AtlasChartBar *bar = atlas_chart_layout_get_bar (layout, i);

            g_assert_cmpfloat (bar->y, >=, last);
            last = bar->y + ATLAS_CHART_ROW_HEIGHT;
            g_assert_cmpfloat (bar->x1, <=, atlas_chart_layout_get_plot_x1 (layout) + 1e-9);
          }
        g_assert_cmpfloat (atlas_chart_layout_get_height (layout), >=, last);
      }
}

static void
test_hit (void)
{
  g_autoptr (AtlasChartLayout) layout = new_layout ("revenue", 1200);

  for (guint i = 0; i < atlas_chart_layout_get_n_bars (layout); i++)
    {
      const AtlasChartBar *bar = atlas_chart_layout_get_bar (layout, i);

      g_assert_cmpint (atlas_chart_layout_hit (layout, 500, bar->y + 5), ==, (int) i);
      g_assert_cmpint (atlas_chart_layout_hit (layout, 20, bar->y + ATLAS_CHART_ROW_HEIGHT - 1), ==,
                       (int) i);
    }
  /* The legend, a heading, and outside are no bar */
  g_assert_cmpint (atlas_chart_layout_hit (layout, 500, 10), ==, -1);
  g_assert_cmpint (
      atlas_chart_layout_hit (layout, 500, atlas_chart_layout_get_group (layout, 0)->y + 5), ==,
      -1);
  g_assert_cmpint (atlas_chart_layout_hit (layout, -5, 300), ==, -1);
  g_assert_cmpint (atlas_chart_layout_hit (layout, 500, 1e6), ==, -1);
}

/* A reported bar is solid in its colour; a projected one is hatched: along
 * its middle, strong and light pixels alternate. */
static void
test_pixels (void)
{
  g_autoptr (AtlasChartLayout) layout = new_layout ("revenue", 1200);
  cairo_surface_t *surface = cairo_image_surface_create (
      CAIRO_FORMAT_RGB24, 1200, (int) atlas_chart_layout_get_height (layout));
  cairo_t *cr = cairo_create (surface);
  AtlasChartView view = { .selected = -1, .focused = -1, .hovered = -1 };
  const AtlasChartBar *reported =
      atlas_chart_layout_get_bar (layout, find_bar (layout, "cinema", 64.1e9));
  const AtlasChartBar *projected =
      atlas_chart_layout_get_bar (layout, find_bar (layout, "red-fruit", 50e9));
  double x0 = atlas_chart_layout_get_plot_x0 (layout);
  int y = (int) (reported->y + ATLAS_CHART_ROW_HEIGHT / 2 - 2);
  guint8 r, g, b;
  guint strong = 0, light = 0;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  atlas_chart_render (cr, layout, style, &view);
  cairo_surface_flush (surface);

  /* Solid: the same colour all along */
  {
    guint8 r0, g0, b0;

    atlas_test_pixel (surface, (int) x0 + 5, y, &r0, &g0, &b0, NULL);
    g_assert_true (r0 < 200 || g0 < 200 || b0 < 200);   /* not the white background */
    for (int x = (int) x0 + 5; x < (int) reported->x1 - 5; x += 7)
      {
        atlas_test_pixel (surface, x, y, &r, &g, &b, NULL);
        g_assert_cmpint (abs (r - r0) + abs (g - g0) + abs (b - b0), <, 10);
      }
  }

  /* Hatched */
  y = (int) (projected->y + ATLAS_CHART_ROW_HEIGHT / 2 - 2);
  for (int x = (int) x0 + 3; x < (int) projected->x1 - 3; x++)
    {
      atlas_test_pixel (surface, x, y, &r, &g, &b, NULL);
      if (r + g + b < 500)
        strong++;
      else
        light++;
    }
  g_assert_cmpuint (strong, >, 10);
  g_assert_cmpuint (light, >, 10);

  /* Nothing drawn past the end of a bar's row on the right */
  atlas_test_pixel (surface, 1195, y, &r, &g, &b, NULL);
  g_assert_cmpuint (r + g + b, >, 700);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_csv (void)
{
  g_autofree char *csv = atlas_csv_for_chart (dataset, "revenue");
  g_autofree char *events = atlas_csv_for_events (dataset);
  g_auto (GStrv) lines = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "revenue.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *written = NULL;

  g_assert_null (atlas_csv_for_chart (dataset, "pies"));

  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_true (
      g_str_has_prefix (lines[0], "chart,series,measure,unit,per,entity_id,entity,date,"));
  /* a header, five figures, and the empty string after the last CRLF */
  g_assert_cmpuint (g_strv_length (lines), ==, 7);
  g_assert_nonnull (
      strstr (csv, "revenue,industry-size,Micro-drama industry size,cny,none,micro-drama-market,"));
  g_assert_nonnull (strstr (csv, ",100000000000,exact,projected,"));
  /* Fields with commas and quotes are quoted, quotes doubled */
  g_assert_nonnull (strstr (csv, "\"Its advertising revenue exceeded 30 billion yuan this year, "
                                 "projected to hit 50 billion yuan in 2025.\""));
  g_assert_nonnull (
      strstr (csv, "(“fast approaching the 100-billion-yuan ($14.05 billion) mark”)"));

  g_assert_true (g_str_has_prefix (events, "id,date,date_start,date_end,category,title,"));
  g_assert_nonnull (strstr (events, "cinema-boom,Early 2010s,2010-01-01,2013-12-31,market,"));

  g_assert_true (atlas_csv_write (file, csv, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &written, NULL, NULL);
  g_assert_cmpstr (written, ==, csv);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_export_charts (void)
{
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autoptr (GPtrArray) ids = atlas_figure_list_ids (dataset);
  static const char *formats[] = { "png", "svg", "pdf" };

  g_assert_cmpuint (ids->len, ==, 4);
  g_assert_cmpstr (ids->pdata[1], ==, "users");

  for (guint i = 1; i < ids->len; i++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      {
        g_autofree char *name = g_strdup_printf ("%s.%s", (char *) ids->pdata[i], formats[f]);
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autoptr (GFile) file = g_file_new_for_path (path);
        g_autoptr (GError) error = NULL;
        AtlasExportOptions options = { 0, 1200, 800, 1.0, FALSE, style, NULL, NULL, NULL };

        g_assert_true (atlas_export_format_for_path (path, &options.format));
        g_assert_true (atlas_figure_export (dataset, ids->pdata[i], file, &options, NULL, &error));
        g_assert_no_error (error);
        g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
        g_unlink (path);
      }

  /* PNG with a transparent background: corners are clear; opaque: not. */
  {
    AtlasExportOptions options = { ATLAS_EXPORT_PNG, 400, 300, 1.0, TRUE, style, NULL, NULL, NULL };
    g_autoptr (GBytes) png = atlas_figure_to_png_bytes (dataset, "users", &options, NULL);
    g_autofree char *path = g_build_filename (dir, "clear.png", NULL);
    cairo_surface_t *image;

    g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL);
    image = cairo_image_surface_create_from_png (path);
    g_assert_cmpint (cairo_image_surface_get_format (image), ==, CAIRO_FORMAT_ARGB32);
    g_assert_cmpuint (*(guint32 *) cairo_image_surface_get_data (image) >> 24, ==, 0);
    cairo_surface_destroy (image);

    options.background = ATLAS_EXPORT_BACKGROUND_DEFAULT;
    g_bytes_unref (png);
    png = atlas_figure_to_png_bytes (dataset, "users", &options, NULL);
    g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL);
    image = cairo_image_surface_create_from_png (path);
    g_assert_cmpint (cairo_image_surface_get_format (image), ==, CAIRO_FORMAT_RGB24);
    cairo_surface_destroy (image);
    g_unlink (path);
  }

  g_rmdir (dir);
}

/* An SVG export is shapes and real text: a <text> for the title and for
 * every value label, each with its font and language, and no glyph
 * outlines (cairo drew 180 glyph symbols and 961 <use> before). */
static void
test_svg_text (void)
{
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "revenue.svg", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasChartLayout) layout = new_layout ("revenue", 1136);
  g_autofree char *svg = NULL;
  AtlasExportOptions options = { ATLAS_EXPORT_SVG, 1200, 800, 1.0, 0, style, NULL, NULL, NULL };

  g_assert_true (atlas_figure_export (dataset, "revenue", file, &options, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));

  g_assert_nonnull (strstr (svg, "font-weight=\"700\" fill=\"#2e2e2e\" xml:lang=\"en\" "
                                 "xml:space=\"preserve\">Revenue</text>"));
  g_assert_nonnull (strstr (svg, "font-family=\""));
  for (guint i = 0; i < atlas_chart_layout_get_n_bars (layout); i++)
    {
      const AtlasChartBar *bar = atlas_chart_layout_get_bar (layout, i);
      g_autofree char *value = g_markup_escape_text (bar->value, -1);
      g_autofree char *element = g_strdup_printf (">%s</text>", value);

      g_assert_nonnull (strstr (svg, element));
      if (bar->secondary != NULL)
        {
          g_free (element);
          element = g_strdup_printf (">%s</text>", bar->secondary);
          g_assert_nonnull (strstr (svg, element));
        }
    }
  g_assert_null (strstr (svg, "<symbol"));
  g_assert_null (strstr (svg, "<use"));
  g_assert_cmpstr (atlas_text_guess_language ("Red Fruit"), ==, "en");
  g_assert_cmpstr (atlas_text_guess_language ("红果短剧"), ==, "zh-CN");
  g_assert_cmpstr (atlas_text_guess_language ("NRTA (广电总局)"), ==, "zh-CN");

  g_unlink (path);
  g_rmdir (dir);
}

/* English text is shaped as English whatever the interface's language: in
 * a Chinese context, "China’s" took the CJK font's full-width apostrophe
 * ("China’ s"); its runs now carry their language. */
static void
test_text_languages (void)
{
  const char *text = "China’s micro-drama industry (中国微短剧)";
  PangoContext *context = atlas_style_create_context (style);
  /* The interface's font, left to fontconfig: for Chinese, a CJK one. */
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  g_autoptr (PangoLayout) zh = NULL;
  g_autoptr (PangoLayout) plain = NULL;
  g_autoptr (PangoLayout) en = NULL;
  int zh_width, plain_width, en_width;

  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  zh = pango_layout_new (context);
  plain = pango_layout_new (context);
  pango_layout_set_font_description (zh, font);
  pango_layout_set_font_description (plain, font);
  atlas_layout_set_text (zh, text);
  pango_layout_set_text (plain, text, -1);
  pango_layout_get_pixel_size (zh, &zh_width, NULL);
  pango_layout_get_pixel_size (plain, &plain_width, NULL);

  pango_context_set_language (context, pango_language_from_string ("en"));
  en = pango_layout_new (context);
  pango_layout_set_font_description (en, font);
  atlas_layout_set_text (en, text);
  pango_layout_get_pixel_size (en, &en_width, NULL);

  g_test_message ("in a Chinese context: %d px with languages, %d px without; %d px in English",
                  zh_width, plain_width, en_width);
  g_assert_cmpint (zh_width, ==, en_width);

  /* The runs: English in a Latin font before the generic "Sans" (which a
   * Chinese locale's fontconfig answers with a CJK font), Chinese as
   * Chinese. */
  {
    GSList *attrs = pango_attr_list_get_attributes (pango_layout_get_attributes (zh));
    gboolean english = FALSE, chinese = FALSE, family = FALSE;

    for (GSList *l = attrs; l != NULL; l = l->next)
      {
        PangoAttribute *attr = l->data;
        const char *covered = text + attr->start_index;

        if (attr->klass->type == PANGO_ATTR_LANGUAGE)
          {
            const char *language =
                pango_language_to_string (((PangoAttrLanguage *) (gpointer) attr)->value);

            if (g_str_has_prefix (covered, "China"))
              english = g_str_equal (language, "en");
            if (g_str_has_prefix (covered, "中国"))
              chinese = g_str_equal (language, "zh-cn");
          }
        if (attr->klass->type == PANGO_ATTR_FAMILY && g_str_has_prefix (covered, "China"))
          family = !g_str_has_prefix (((PangoAttrString *) (gpointer) attr)->value, "Sans");
      }
    g_slist_free_full (attrs, (GDestroyNotify) pango_attribute_destroy);
    g_assert_true (english);
    g_assert_true (chinese);
    g_assert_true (family);
  }
  g_object_unref (context);
}

/* An English run names the one family it is drawn in, when fontconfig
 * draws the style's families in the Latin family: pango lays out a sample
 * in a font's own family to work out its metrics, and text in the same
 * family shares that font list instead of making one of its own (an SVG
 * export made six lists for three fonts). */
static void
test_english_family (void)
{
  PangoContext *context = atlas_style_create_context (style);
  g_autoptr (PangoLayout) layout = pango_layout_new (context);
  PangoLayoutIter *iter;
  g_autofree char *named = NULL;
  g_autofree char *drawn = NULL;

  pango_layout_set_font_description (layout, style->font);
  atlas_layout_set_text (layout, "Revenue 中国");
  {
    GSList *attrs = pango_attr_list_get_attributes (pango_layout_get_attributes (layout));

    for (GSList *l = attrs; l != NULL; l = l->next)
      {
        PangoAttribute *attr = l->data;

        if (attr->klass->type == PANGO_ATTR_FAMILY && attr->start_index == 0)
          named = g_strdup (((PangoAttrString *) (gpointer) attr)->value);
      }
    g_slist_free_full (attrs, (GDestroyNotify) pango_attribute_destroy);
  }
  iter = pango_layout_get_iter (layout);
  {
    PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
    g_autoptr (PangoFontDescription) font = pango_font_describe (run->item->analysis.font);

    drawn = g_strdup (pango_font_description_get_family (font));
  }
  pango_layout_iter_free (iter);

  g_test_message ("English named “%s”, drawn in “%s”", named, drawn);
  g_assert_nonnull (named);
  /* Alone, or first of a list when it is not the Latin family (Cantarell). */
  g_assert_true (g_ascii_strcasecmp (named, drawn) == 0 ||
                 (g_str_has_prefix (named, drawn) && named[strlen (drawn)] == ','));
  g_object_unref (context);
}

/* Text of signs alone, "≈", is English, as AtlasTextWidths measures it:
 * in the English runs' language and family, so it shares their font list
 * rather than loading one of its own for the interface's language. */
static void
test_signs_alone (void)
{
  static const char *texts[] = { "≈", "— · —", "≥ 100" };
  PangoContext *context = atlas_style_create_context (style);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (PangoLayout) layout = pango_layout_new (context);
      GSList *attrs;
      const char *language = NULL;
      gboolean family = FALSE;

      pango_layout_set_font_description (layout, style->font);
      atlas_layout_set_text (layout, texts[i]);
      attrs = pango_attr_list_get_attributes (pango_layout_get_attributes (layout));
      for (GSList *l = attrs; l != NULL; l = l->next)
        {
          PangoAttribute *attr = l->data;

          if (attr->start_index != 0 || attr->end_index < strlen (texts[i]))
            continue;
          if (attr->klass->type == PANGO_ATTR_LANGUAGE)
            language = pango_language_to_string (((PangoAttrLanguage *) (gpointer) attr)->value);
          if (attr->klass->type == PANGO_ATTR_FAMILY)
            family = TRUE;
        }
      g_slist_free_full (attrs, (GDestroyNotify) pango_attribute_destroy);
      g_assert_cmpstr (language, ==, "en");
      g_assert_true (family);
    }
  g_object_unref (context);
}

/* A chart shorter than its export is spread down to fill it: no empty band
 * above the source line (Revenue left 200 px of one at 1200 × 800), with
 * headings kept with their bars and rows still apart. */
static void
test_spread (void)
{
  g_autoptr (AtlasChartLayout) layout = new_layout ("revenue", 1136);
  double natural = atlas_chart_layout_get_height (layout);

  atlas_chart_layout_spread (layout, natural + 100);
  g_assert_cmpfloat_with_epsilon (atlas_chart_layout_get_height (layout), natural + 100, 0.01);
  for (guint i = 0; i < atlas_chart_layout_get_n_bars (layout); i++)
    {
      const AtlasChartBar *bar = atlas_chart_layout_get_bar (layout, i);
      const AtlasChartGroup *group = atlas_chart_layout_get_group (layout, bar->group);
      const AtlasChartPanel *panel = atlas_chart_layout_get_panel (layout, bar->panel);

      g_assert_cmpfloat (bar->y, >=, group->y + ATLAS_CHART_GROUP_HEIGHT - 0.01);
      g_assert_cmpfloat (bar->y + ATLAS_CHART_ROW_HEIGHT, <=, panel->y1 + 0.01);
      g_assert_cmpfloat (panel->y0, <, group->y);
      if (i > 0)
        g_assert_cmpfloat (bar->y, >=,
                           atlas_chart_layout_get_bar (layout, i - 1)->y + ATLAS_CHART_ROW_HEIGHT);
    }
  /* Each gap grows by two rows at most: a chart of five bars on a tall page
   * keeps some of the page. */
  atlas_chart_layout_spread (layout, natural * 10);
  g_assert_cmpfloat (atlas_chart_layout_get_height (layout), <, natural * 3);

  /* The export: the last bar ends close to the source line. */
  {
    AtlasExportOptions options = { ATLAS_EXPORT_PNG, 1200, 800, 1.0, 0, style, NULL, NULL, NULL };
    g_autoptr (GBytes) png = atlas_figure_to_png_bytes (dataset, "revenue", &options, NULL);
    g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
    g_autofree char *path = g_build_filename (dir, "revenue.png", NULL);
    cairo_surface_t *image;
    const guint8 *data;
    int stride, blank = 0, longest = 0;

    g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL);
    image = cairo_image_surface_create_from_png (path);
    data = cairo_image_surface_get_data (image);
    stride = cairo_image_surface_get_stride (image);
    /* The longest run of blank rows between the legend and the foot. */
    for (int y = 120; y < 740; y++)
      {
        gboolean empty = TRUE;

        for (int x = 0; x < 1200 && empty; x++)
          empty = (*(const guint32 *) (data + (gsize) y * stride + (gsize) x * 4) & 0xffffff) ==
                  0xffffff;
        blank = empty ? blank + 1 : 0;
        longest = MAX (longest, blank);
      }
    g_test_message ("longest blank band: %d px", longest);
    g_assert_cmpint (longest, <, 100);
    cairo_surface_destroy (image);
    g_unlink (path);
    g_rmdir (dir);
  }
}

/* Cost follows the page, not the data: 5,000 projected (hatched) bars,
 * drawn scaled down into one export, finish in the suite's normal time
 * (1,000 took 1.3 s and 10,000 minutes, while the hatching grew with the
 * count). And a label a dataset makes long is cut short, not drawn over
 * the bars. */
static void
test_many_hatched_bars (void)
{
  g_autoptr (GString) json =
      g_string_new ("{\"format\": \"microdrama-atlas\", \"version\": \"1.1\", \"title\": \"Many\", "
                    "\"sources\": [{\"id\": \"s\", \"publication\": \"P\", \"title\": \"T\"}], "
                    "\"charts\": [{\"id\": \"c\", \"title\": \"C\"}], "
                    "\"entities\": [{\"id\": \"e\", \"kind\": \"company\", \"name\": \"");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) many = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  for (guint i = 0; i < 8; i++)
    g_string_append (json, "A very long company name ");
  g_string_append (json, "\"}], \"events\": [], \"series\": [{\"id\": \"s1\", \"chart\": \"c\", "
                         "\"label\": \"L\", \"unit\": \"count\", \"points\": [");
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (json,
                            "%s{\"entity\": \"e\", \"date\": \"2025\", \"value\": %u, "
                            "\"status\": \"projected\", \"source\": \"s\", \"sentence\": \"S.\"}",
                            i ? "," : "", 1000 + i);
  g_string_append (json, "]}]}");
  bytes = g_bytes_new (json->str, json->len);
  many = atlas_dataset_load_bytes (bytes, "many.json", &error);
  g_assert_no_error (error);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 800);
  cr = cairo_create (surface);
  atlas_chart_render_all (cr, many, "c", style, 1200, 800);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* Drawn into an export of that size, they would be too small to read:
   * the export says so rather than write a blank-looking picture. */
  {
    AtlasExportOptions options = { ATLAS_EXPORT_PNG, 1200, 800, 1.0, 0, style };
    g_autoptr (GBytes) png = NULL;
    g_autoptr (GError) export_error = NULL;

    png = atlas_figure_to_png_bytes (many, "c", &options, &export_error);
    g_assert_null (png);
    g_assert_error (export_error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_assert_nonnull (strstr (export_error->message,
                              "has 5000 bars, which at 1200×800 would be under a pixel high"));
  }
}

static double
luminance (AtlasColor c)
{
  double channel[3] = { c.red, c.green, c.blue };

  for (guint i = 0; i < 3; i++)
    channel[i] =
        channel[i] <= 0.03928 ? channel[i] / 12.92 : pow ((channel[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
}

/* Secondary text — dates, ticks, the source line — reads on a projector:
 * at least 4.5:1 against the export's background, in both themes. */
static void
test_contrast (void)
{
  for (guint dark = 0; dark <= 1; dark++)
    {
      g_autoptr (AtlasStyle) export_style = atlas_style_new (dark, FALSE);
      AtlasColor paper = dark ? export_style->background : (AtlasColor){ 1, 1, 1, 1 };
      AtlasColor text =
          atlas_color_mix (paper, export_style->dim_foreground, export_style->dim_foreground.alpha);
      double a = luminance (text), b = luminance (paper);
      double ratio = (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);

      g_test_message ("%s: %.2f:1", dark ? "dark" : "light", ratio);
      g_assert_cmpfloat (ratio, >=, 4.5);
    }
}

int
main (int argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dataset = atlas_dataset_load_default (&error);
  g_assert_no_error (error);
  style = atlas_style_new (FALSE, FALSE);

  g_test_add_func ("/chart-render/structure", test_structure);
  g_test_add_func ("/chart-render/rows-do-not-overlap", test_rows_do_not_overlap);
  g_test_add_func ("/chart-render/hit", test_hit);
  g_test_add_func ("/chart-render/pixels", test_pixels);
  g_test_add_func ("/chart-render/csv", test_csv);
  g_test_add_func ("/chart-render/export-charts", test_export_charts);
  g_test_add_func ("/chart-render/svg-text", test_svg_text);
  g_test_add_func ("/chart-render/spread", test_spread);
  g_test_add_func ("/chart-render/text-languages", test_text_languages);
  g_test_add_func ("/chart-render/english-family", test_english_family);
  g_test_add_func ("/chart-render/signs-alone", test_signs_alone);
  g_test_add_func ("/chart-render/many-hatched-bars", test_many_hatched_bars);
  g_test_add_func ("/chart-render/contrast", test_contrast);

  status = g_test_run ();
  atlas_style_free (style);
  g_clear_object (&dataset);
  return status;
}
