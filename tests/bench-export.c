/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-export"

#include "config.h"

/* What a chart costs: one frame of the revenue chart (layout and drawing, as
 * the widget does on a resize), and an export to PNG (drawing and encoding, in
 * process). Then, whole processes: the command line's headless export beside
 * a program that only writes a blank opaque PNG of the same size, and
 * gnuplot's pngcairo drawing an equivalent chart, when gnuplot is installed.
 * Prints BENCH lines; medians. */

#include <stdlib.h>

#include <glib/gstdio.h>

#include "atlas-chart-renderer.h"
#include "atlas-figure.h"
#include "atlas-loader.h"

#define RUNS 21

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *times,
        guint n)
{
  qsort (times, n, sizeof times[0], compare_doubles);
  return times[n / 2];
}

static double
chart_frame_ms (AtlasDataset *dataset,
                const AtlasStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 900);
  PangoContext *context = atlas_style_create_context (style);
  g_autoptr (AtlasTextCache) texts = atlas_text_cache_new ();
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr (AtlasChartLayout) layout = atlas_chart_layout_new (dataset, "revenue");
      AtlasChartView view = { .selected = -1, .focused = -1, .hovered = -1, .texts = texts };
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();

      atlas_chart_layout_update (layout, 1200, context, style->font);
      atlas_chart_render (cr, layout, style, &view);
      cairo_surface_flush (surface);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
    }

  g_object_unref (context);
  cairo_surface_destroy (surface);
  return median (times, RUNS);
}

static double
export_png_ms (AtlasDataset *dataset,
               const AtlasStyle *style)
{
  AtlasExportOptions options = { ATLAS_EXPORT_PNG, 1200, 800, 1.0, FALSE, style, NULL, NULL, NULL };
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) png = NULL;
      gint64 start = g_get_monotonic_time ();

      png = atlas_figure_to_png_bytes (dataset, "revenue", &options, &error);
      g_assert_no_error (error);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  return median (times, RUNS);
}

/* The median wall time of running @argv. */
static double
process_ms (char **argv)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr (GError) error = NULL;
      int status = 0;
      gint64 start = g_get_monotonic_time ();

      if (!g_spawn_sync (NULL, argv, NULL,
                         G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                             G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, NULL))
        return -1;
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  return median (times, RUNS);
}

int
main (int argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) dataset = atlas_dataset_load_default (&error);
  g_autoptr (AtlasStyle) style = atlas_style_new (FALSE, FALSE);
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *ours = g_build_filename (dir, "revenue.png", NULL);
  g_autofree char *blank = g_build_filename (dir, "blank.png", NULL);
  g_autofree char *gnuplot_out = g_build_filename (dir, "gnuplot.png", NULL);
  g_autofree char *gnuplot_script = NULL;
  g_autofree char *gnuplot = g_find_program_in_path ("gnuplot");
  const char *exe = g_getenv ("ATLAS_EXE");
  const char *blank_exe = g_getenv ("ATLAS_BLANK_PNG");
  double export_process, blank_process;

  g_assert_no_error (error);

  g_print ("BENCH chart-frame-revenue %.2f ms\n", chart_frame_ms (dataset, style));
  g_print ("BENCH export-png-revenue-1200x800 %.2f ms\n", export_png_ms (dataset, style));

  if (exe != NULL && blank_exe != NULL)
    {
      char *export_argv[] = { (char *) exe, "--export-chart", "revenue", "--output", ours, NULL };
      char *blank_argv[] = { (char *) blank_exe, blank, NULL };

      export_process = process_ms (export_argv);
      blank_process = process_ms (blank_argv);
      g_print ("BENCH process-export-png-revenue-1200x800 %.1f ms\n", export_process);
      g_print ("BENCH process-blank-png-1200x800 %.1f ms\n", blank_process);
      g_print ("BENCH process-export-vs-blank %.2f ratio\n", export_process / blank_process);

      /* The same six bars, with labels and a title, as gnuplot draws them. */
      if (gnuplot != NULL)
        {
          char *gnuplot_argv[] = { gnuplot, NULL, NULL };
          double gnuplot_process;

          gnuplot_script = g_build_filename (dir, "revenue.gp", NULL);
          {
            g_autofree char *script = g_strdup_printf (
                "set terminal pngcairo size 1200,800\n"
                "set output '%s'\n"
                "set title 'Revenue'\n"
                "set style data histograms\n"
                "set style fill solid\n"
                "set yrange [0:*]\n"
                "$data << EOD\n"
                "\"Industry size\" 100\n\"Red Fruit ads\" 30\n\"Red Fruit ads 2025\" 50\n"
                "\"Box office\" 64.1\n\"Cinema club\" 100\n\"Output value\" 10\n"
                "EOD\n"
                "plot $data using 2:xtic(1) title 'billion yuan'\n",
                gnuplot_out);

            g_file_set_contents (gnuplot_script, script, -1, NULL);
          }
          gnuplot_argv[1] = gnuplot_script;
          gnuplot_process = process_ms (gnuplot_argv);
          if (gnuplot_process > 0)
            {
              g_print ("BENCH process-gnuplot-pngcairo-1200x800 %.1f ms\n", gnuplot_process);
              g_print ("BENCH process-export-vs-gnuplot %.2f ratio\n",
                       export_process / gnuplot_process);
            }
          g_unlink (gnuplot_script);
          g_unlink (gnuplot_out);
        }
    }

  g_unlink (ours);
  g_unlink (blank);
  g_rmdir (dir);
  return 0;
}
