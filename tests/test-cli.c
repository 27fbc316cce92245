/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

/* The command line, run as a user runs it: the real executable, no display. */

#include <signal.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cairo.h>
#include <glib/gstdio.h>

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run,
                                  run_clear)

static const char *run_language = "C";

static void
run (Run *result,
     ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) envp = g_get_environ ();
  g_autoptr (GError) error = NULL;
  int wait_status = 0;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("ATLAS_EXE"));
  va_start (args, result);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* None of these needs a display, so none is given. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "LANGUAGE", run_language, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL",
                           g_str_equal (run_language, "C") ? "C.UTF-8" : "zh_CN.UTF-8", TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &result->out,
                &result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", result->status, result->out, result->err);
}

static char *
bundled_dataset (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "microdrama.json", NULL);
}

/* Run from the build tree (no install), the command line speaks Chinese to
 * a Chinese reader: the translations are found beside it. */
static void
test_translations_found (void)
{
  g_auto (Run) r = { 0 };

  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("no zh_CN.UTF-8 locale: add it to /etc/locale.gen and run locale-gen");
      return;
    }
  setlocale (LC_ALL, "C.UTF-8");
  run_language = "zh_CN";
  run (&r, "--bogus", NULL);
  run_language = "C";
  g_assert_cmpint (r.status, ==, 2);
  /* Ours, not only GLib's "未知选项". */
  g_assert_nonnull (strstr (r.err, "查看选项。"));
}

/* An export in either language, whatever the interface's: a Chinese one
 * from an English interface holds the Chinese title, 亿 and a Chinese
 * date; an English one from a Chinese interface is English. Read back with
 * pdftotext, as a reader's search would. */
static void
test_export_language (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *dir = NULL;
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;

  if (pdftotext == NULL || setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("needs pdftotext (poppler-utils) and the zh_CN.UTF-8 locale");
      return;
    }
  setlocale (LC_ALL, "C.UTF-8");
  dir = g_dir_make_tmp (NULL, NULL);
  zh = g_build_filename (dir, "zh.pdf", NULL);
  en = g_build_filename (dir, "en.pdf", NULL);
  {
    g_auto (Run) r = { 0 };
    g_auto (Run) e = { 0 };
    g_auto (Run) bad = { 0 };

    /* cairo 1.16 loses 1.5 KB writing a CJK font into a PDF: under the
     * sanitizers, this export runs without leak detection (lsan.supp). */
    g_autofree char *asan = g_strdup (g_getenv ("ASAN_OPTIONS"));
    g_autofree char *quiet =
        g_strdup_printf ("%s%sdetect_leaks=0", asan ? asan : "", asan && *asan ? ":" : "");

    g_setenv ("ASAN_OPTIONS", quiet, TRUE);
    run (&r, "--export-chart", "revenue", "--output", zh, "--language", "zh_CN", NULL);
    if (asan != NULL)
      g_setenv ("ASAN_OPTIONS", asan, TRUE);
    else
      g_unsetenv ("ASAN_OPTIONS");
    g_assert_cmpint (r.status, ==, 0);
    run_language = "zh_CN";
    run (&e, "--export-chart", "revenue", "--output", en, "--language", "en", NULL);
    run_language = "C";
    g_assert_cmpint (e.status, ==, 0);
    run (&bad, "--list-charts", "--language", "fr", NULL);
    g_assert_cmpint (bad.status, ==, 2);
    g_assert_nonnull (strstr (bad.err, "the languages are en and zh_CN"));
  }
  for (guint i = 0; i < 2; i++)
    {
      const char *argv[] = { pdftotext, i == 0 ? zh : en, "-", NULL };
      g_autofree char *text = NULL;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                   NULL, &text, NULL, &status, NULL));
      if (i == 0)
        {
          g_assert_nonnull (strstr (text, "收入"));
          g_assert_nonnull (strstr (text, "亿元"));
          g_assert_nonnull (strstr (text, "截至2019年"));
          g_assert_nonnull (strstr (text, "来源：财新"));
        }
      else
        {
          g_assert_nonnull (strstr (text, "Revenue"));
          g_assert_nonnull (strstr (text, "¥64.1 B"));
          g_assert_nonnull (strstr (text, "By 2019"));
          g_assert_null (strstr (text, "亿"));
        }
    }
  g_unlink (zh);
  g_unlink (en);
  g_rmdir (dir);
}

static void
test_version (void)
{
  g_auto (Run) r = { 0 };

  run (&r, "--version", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "microdrama-atlas " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  g_auto (Run) r = { 0 };

  run (&r, "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--check-data=FILE"));
  g_assert_nonnull (strstr (r.out, "--data=FILE"));
}

/* Asked for the window with no display to show it on, it says so and ends
 * with an error, as any GTK program does, and does not crash. */
static void
test_window_without_display (void)
{
  g_auto (Run) r = { 0 };

  run (&r, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "cannot open display"));
  g_assert_null (strstr (r.err, "CRITICAL"));
}

static void
test_check_data_ok (void)
{
  g_autofree char *path = bundled_dataset ();
  g_auto (Run) r = { 0 };

  run (&r, "--check-data", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "a valid dataset"));
  g_assert_nonnull (strstr (r.out, "entities:  33\n"));
  g_assert_nonnull (strstr (r.out, "events:    27\n"));
  g_assert_nonnull (strstr (r.out, "series:    16\n"));
  g_assert_nonnull (strstr (r.out, "points:    19\n"));
  g_assert_nonnull (strstr (r.out, "span:      2010-01-01 – 2025-12-31\n"));
  g_assert_cmpstr (r.err, ==, "");
}

static void
test_check_data_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *invalid = g_build_filename (dir, "invalid.json", NULL);
  g_auto (Run) a = { 0 };
  g_auto (Run) b = { 0 };
  g_auto (Run) c = { 0 };
  g_auto (Run) d = { 0 };
  g_auto (Run) e = { 0 };

  g_file_set_contents (broken, "{\n  \"format\": ,\n}", -1, NULL);
  run (&a, "--check-data", broken, NULL);
  g_assert_cmpint (a.status, ==, 1);
  g_assert_true (g_str_has_prefix (a.err, broken));
  g_assert_nonnull (strstr (a.err, ":2:13: "));
  g_assert_cmpstr (a.out, ==, "");

  /* Every problem is printed, one a line. */
  g_file_set_contents (invalid,
                       "{\"format\": \"microdrama-atlas\", \"version\": \"1.0\", \"title\": \"t\","
                       " \"sources\": [], \"entities\": [{\"id\": \"x\", \"kind\": \"bank\"}],"
                       " \"events\": []}",
                       -1, NULL);
  run (&b, "--check-data", invalid, NULL);
  g_assert_cmpint (b.status, ==, 1);
  g_assert_nonnull (strstr (b.err, "sources: a dataset needs at least one source\n"));
  g_assert_nonnull (strstr (b.err, "entities[0].name: missing"));
  g_assert_nonnull (strstr (b.err, "entities[0].kind: unknown value “bank”"));

  run (&c, "--check-data", dir, NULL);
  g_assert_cmpint (c.status, ==, 1);
  g_assert_nonnull (strstr (c.err, "is a folder"));

  run (&d, "--check-data", "/dev/zero", NULL);
  g_assert_cmpint (d.status, ==, 1);

  /* --data with a window loads in the window, which says what is wrong
   * (test-window /window/open-dataset); --check-data says it here. */
  run (&e, "--check-data", broken, NULL);
  g_assert_cmpint (e.status, ==, 1);
  g_assert_true (g_str_has_prefix (e.err, broken));

  g_unlink (broken);
  g_unlink (invalid);
  g_rmdir (dir);
}

static void
test_usage_errors (void)
{
  const char *cases[][3] = {
    { "--no-such-option", NULL, "Unknown option --no-such-option" },
    { "--check-data", NULL, "Missing argument for --check-data" },
    { "stray-argument", NULL, "unexpected argument “stray-argument”" },
    { "--data", NULL, "Missing argument for --data" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Run) r = { 0 };

      run (&r, cases[i][0], cases[i][1], NULL);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_nonnull (strstr (r.err, cases[i][2]));
      g_assert_nonnull (strstr (r.err, "--help"));
    }
}

static void
test_list_charts (void)
{
  g_auto (Run) r = { 0 };

  run (&r, "--list-charts", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (
      r.out, ==, "timeline\tTimeline\nusers\tAudiences\ntitles\tTitle Output\nrevenue\tRevenue\n");
}

static void
test_export_chart (void)
{
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *png = g_build_filename (dir, "timeline.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "timeline.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "timeline.svg", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "x.png", NULL);
  g_auto (Run) a = { 0 };
  g_auto (Run) b = { 0 };
  g_auto (Run) c = { 0 };
  g_auto (Run) d = { 0 };
  cairo_surface_t *image;

  run (&a, "--export-chart", "timeline", "--output", png, "--width", "1200", "--height", "800",
       "--scale", "2", NULL);
  g_assert_cmpint (a.status, ==, 0);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 2400);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1600);
  cairo_surface_destroy (image);

  run (&b, "--export-chart", "timeline", "--output", pdf, "--theme", "dark", NULL);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  run (&c, "--export-chart", "revenue", "--output", svg, NULL);
  g_assert_cmpint (c.status, ==, 0);
  g_assert_true (g_file_test (svg, G_FILE_TEST_IS_REGULAR));

  /* A chart's default size is 1200×800 */
  {
    g_auto (Run) e = { 0 };

    g_unlink (png);
    run (&e, "--export-chart", "users", "--output", png, NULL);
    g_assert_cmpint (e.status, ==, 0);
    image = cairo_image_surface_create_from_png (png);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1200);
    g_assert_cmpint (cairo_image_surface_get_height (image), ==, 800);
    cairo_surface_destroy (image);
  }

  /* Unwritable: exit 1, nothing written */
  run (&d, "--export-chart", "timeline", "--output", missing, NULL);
  g_assert_cmpint (d.status, ==, 1);
  g_assert_true (g_str_has_prefix (d.err, missing));
  g_assert_nonnull (strstr (d.err, "does not exist"));

  g_unlink (png);
  g_unlink (pdf);
  g_unlink (svg);
  g_rmdir (dir);
}

static void
test_export_usage_errors (void)
{
  const char *cases[][9] = {
    { "--export-chart", "pie", "--output", "x.png", NULL, NULL, NULL,
      "unknown chart “pie”; the charts are: timeline, users, titles, revenue" },
    { "--export-chart", "timeline", NULL, NULL, NULL, NULL, NULL,
      "--export-chart needs --output FILE" },
    { "--export-chart", "timeline", "--output", "x.gif", NULL, NULL, NULL,
      "must end in .png, .svg or .pdf" },
    { "--export-chart", "timeline", "--output", "x.png", "--width", "10", NULL,
      "--width “10” is not a whole number of pixels from 200 to 10000" },
    { "--export-chart", "timeline", "--output", "x.png", "--height", "99999", NULL,
      "--height “99999” is not a whole number of pixels from 200 to 10000" },
    { "--export-chart", "timeline", "--output", "x.png", "--width", "0", NULL,
      "--width “0” is not a whole number" },
    { "--export-chart", "timeline", "--output", "x.png", "--height", "0", NULL,
      "--height “0” is not a whole number" },
    { "--export-chart", "timeline", "--output", "x.png", "--scale", "9", NULL,
      "--scale “9” is not a number from 0.5 to 4" },
    { "--export-chart", "timeline", "--output", "x.png", "--scale", "0", NULL,
      "--scale “0” is not a number from 0.5 to 4" },
    { "--export-chart", "timeline", "--output", "x.png", "--scale", "-0", NULL,
      "--scale “-0” is not a number" },
    { "--export-chart", "timeline", "--output", "x.png", "--scale", "4.0000001", NULL,
      "--scale “4.0000001” is not a number from 0.5 to 4" },
    { "--check-data", "x.json", "--export-chart", "timeline", NULL, NULL, NULL,
      "--check-data goes alone, not with --export-chart" },
    { "--check-data", "", NULL, NULL, NULL, NULL, NULL, "--check-data needs the name of a file" },
    { "--list-charts", "--data", "a.json", "--data", "b.json", NULL, NULL,
      "--data is given 2 times; give it once" },
    { "--export-chart", "timeline", "--output", "x.png", "--theme", "sepia", NULL,
      "unknown theme “sepia”; the themes are: light, dark" },
    { "--export-chart", "timeline", "--output", "x.png", "--width", "wide", NULL,
      "--width “wide” is not a whole number of pixels" },
    { "--width", "800", NULL, NULL, NULL, NULL, NULL, "--width goes with --export-chart" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Run) r = { 0 };

      run (&r, cases[i][0], cases[i][1], cases[i][2], cases[i][3], cases[i][4], cases[i][5],
           cases[i][6], NULL);
      g_assert_cmpint (r.status, ==, 2);
      if (strstr (r.err, cases[i][7]) == NULL)
        g_error ("“%s” does not say “%s”", r.err, cases[i][7]);
      g_assert_false (g_file_test ("x.png", G_FILE_TEST_EXISTS));
    }
}

/* The files a person has are never lost: not the dataset, not the mode of
 * a file replaced, not what a link points to, not a hard link's other
 * names; no temporary file outlives an export, however it ends. */
static void
test_export_keeps_files (void)
{
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *data = g_build_filename (dir, "mydata.png", NULL);
  g_autofree char *chart = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *through = g_build_filename (dir, "link.png", NULL);
  g_autofree char *other = g_build_filename (dir, "other-name.png", NULL);
  g_autofree char *bundled = bundled_dataset ();
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  GStatBuf info;
  gsize length;

  /* A dataset named .png, exported onto itself: refused, untouched. */
  {
    g_auto (Run) r = { 0 };

    g_assert_true (g_file_get_contents (bundled, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (data, contents, (gssize) length, NULL));
    run (&r, "--export-chart", "revenue", "--output", data, "--data", data, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "is the dataset being exported"));
    g_assert_true (g_file_get_contents (data, &before, NULL, NULL));
    g_assert_cmpstr (before, ==, contents);
    g_clear_pointer (&before, g_free);
  }

  /* Through a link to it, too. */
  {
    g_auto (Run) r = { 0 };

    g_assert_cmpint (symlink (data, through), ==, 0);
    run (&r, "--export-chart", "revenue", "--output", through, "--data", data, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_true (g_file_get_contents (data, &before, NULL, NULL));
    g_assert_cmpstr (before, ==, contents);
    g_clear_pointer (&before, g_free);
    g_unlink (through);
  }

  /* A private file replaced stays private. */
  {
    g_auto (Run) r = { 0 };

    g_assert_true (g_file_set_contents (chart, "old", -1, NULL));
    g_assert_cmpint (g_chmod (chart, 0600), ==, 0);
    run (&r, "--export-chart", "revenue", "--output", chart, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpint (g_stat (chart, &info), ==, 0);
    g_assert_cmpint (info.st_mode & 0777, ==, 0600);
    g_assert_cmpint (info.st_size, >, 1000);
    g_assert_cmpint (g_chmod (chart, 0640), ==, 0);
    run_clear (&r);
    run (&r, "--export-chart", "users", "--output", chart, NULL);
    g_assert_cmpint (g_stat (chart, &info), ==, 0);
    g_assert_cmpint (info.st_mode & 0777, ==, 0640);
  }

  /* A link is written through, and stays a link. */
  {
    g_auto (Run) r = { 0 };
    GStatBuf target_before;

    g_assert_cmpint (symlink ("chart.png", through), ==, 0);
    g_assert_cmpint (g_stat (chart, &target_before), ==, 0);
    run (&r, "--export-chart", "titles", "--output", through, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpint (g_lstat (through, &info), ==, 0);
    g_assert_true (S_ISLNK (info.st_mode));
    g_assert_cmpint (g_stat (chart, &info), ==, 0);
    g_assert_cmpint (info.st_mode & 0777, ==, 0640);
    g_unlink (through);
  }

  /* A file with another name (a hard link): refused, both kept. */
  {
    g_auto (Run) r = { 0 };

    g_assert_cmpint (link (chart, other), ==, 0);
    g_assert_true (g_file_get_contents (chart, &before, NULL, NULL));
    run (&r, "--export-chart", "revenue", "--output", chart, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "other hard links"));
    g_assert_cmpint (g_stat (other, &info), ==, 0);
    g_assert_cmpint (info.st_nlink, ==, 2);
    g_unlink (other);
    g_clear_pointer (&before, g_free);
  }

  /* A name as long as a name may be (255 bytes) exports. */
  {
    g_auto (Run) r = { 0 };
    g_autofree char *longest = g_strnfill (251, 'n');
    g_autofree char *name = g_strconcat (longest, ".png", NULL);
    g_autofree char *path = g_build_filename (dir, name, NULL);

    run (&r, "--export-chart", "revenue", "--output", path, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpint (g_stat (path, &info), ==, 0);
    g_unlink (path);
  }

  /* What a killed export left for this destination, the next removes. */
  {
    g_auto (Run) r = { 0 };
    g_autofree char *stale_name =
        g_strdup_printf (".atlas-%08x.%d.%08x.part", g_str_hash ("chart.png"), G_MAXINT - 1, 7);
    g_autofree char *stale = g_build_filename (dir, stale_name, NULL);

    g_assert_true (g_file_set_contents (stale, "half", -1, NULL));
    run (&r, "--export-chart", "revenue", "--output", chart, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  }

  /* Terminated half-way through a large export: no temporary file. */
  {
    g_autoptr (GError) error = NULL;
    const char *argv[] = { g_getenv ("ATLAS_EXE"),
                           "--export-chart",
                           "timeline",
                           "--output",
                           chart,
                           "--width",
                           "10000",
                           "--height",
                           "10000",
                           NULL };
    GPid pid;
    int status;
    g_autoptr (GDir) listing = NULL;
    const char *entry;

    g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                  &pid, &error));
    g_assert_no_error (error);
    g_usleep (G_USEC_PER_SEC / 2);
    kill (pid, SIGTERM);
    g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
    if (WIFSIGNALED (status))
      g_test_message ("the export was terminated half-way");
    else
      g_test_message ("the export finished before the signal (exit %d)", WEXITSTATUS (status));
    listing = g_dir_open (dir, 0, NULL);
    while ((entry = g_dir_read_name (listing)) != NULL)
      g_assert_false (g_str_has_suffix (entry, ".part"));
  }

  g_unlink (chart);
  g_unlink (data);
  g_rmdir (dir);
}

/* Whether @needle stands in the @size bytes of @data, NULs and all. */
static gboolean
bytes_contain (const char *data,
               gsize size,
               const char *needle)
{
  gsize n = strlen (needle);

  for (gsize at = 0; at + n <= size; at++)
    if (memcmp (data + at, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* The chunk @type of the PNG @data (its first), or NULL. */
static const guint8 *
png_chunk (const guint8 *data,
           gsize size,
           const char *type,
           guint32 *length)
{
  for (gsize at = 8; at + 12 <= size;)
    {
      guint32 n = (guint32) data[at] << 24 | (guint32) data[at + 1] << 16 |
                  (guint32) data[at + 2] << 8 | data[at + 3];

      if (memcmp (data + at + 4, type, 4) == 0)
        {
          *length = n;
          return data + at + 8;
        }
      at += 12 + (gsize) n;
    }
  return NULL;
}

/* Whether the PNG @data has a text chunk (tEXt or iTXt) with @keyword. */
static gboolean
png_has_text (const guint8 *data,
              gsize size,
              const char *keyword)
{
  for (gsize at = 8; at + 12 <= size;)
    {
      guint32 n = (guint32) data[at] << 24 | (guint32) data[at + 1] << 16 |
                  (guint32) data[at + 2] << 8 | data[at + 3];

      if ((memcmp (data + at + 4, "tEXt", 4) == 0 || memcmp (data + at + 4, "iTXt", 4) == 0) &&
          n > strlen (keyword) && memcmp (data + at + 8, keyword, strlen (keyword) + 1) == 0)
        return TRUE;
      at += 12 + (gsize) n;
    }
  return FALSE;
}

/* One physical size in every format, metadata in each, backgrounds as
 * asked: what a slide program needs of an export. */
static void
test_export_size_and_metadata (void)
{
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *png1 = g_build_filename (dir, "one.png", NULL);
  g_autofree char *png2 = g_build_filename (dir, "two.png", NULL);
  g_autofree char *clear = g_build_filename (dir, "clear.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *data = NULL;
  const guint8 *chunk;
  guint32 length;
  gsize size;

  {
    g_auto (Run) r1 = { 0 };
    g_auto (Run) r2 = { 0 };
    g_auto (Run) r3 = { 0 };
    g_auto (Run) r4 = { 0 };
    g_auto (Run) r5 = { 0 };

    run (&r1, "--export-chart", "revenue", "--output", png1, NULL);
    run (&r2, "--export-chart", "revenue", "--output", png2, "--scale", "2", NULL);
    run (&r3, "--export-chart", "revenue", "--output", clear, "--background", "transparent", NULL);
    run (&r4, "--export-chart", "revenue", "--output", svg, NULL);
    run (&r5, "--export-chart", "revenue", "--output", pdf, NULL);
    g_assert_cmpint (r1.status + r2.status + r3.status + r4.status + r5.status, ==, 0);
  }

  /* PNG: 96 dpi at 1×, 192 at 2×: the same 1200 × 800 CSS pixels. */
  g_assert_true (g_file_get_contents (png1, &data, &size, NULL));
  chunk = png_chunk ((const guint8 *) data, size, "pHYs", &length);
  g_assert_nonnull (chunk);
  g_assert_cmpuint ((guint32) chunk[0] << 24 | chunk[1] << 16 | chunk[2] << 8 | chunk[3], ==, 3780);
  g_assert_cmpuint (chunk[8], ==, 1); /* pixels a metre */
  g_assert_nonnull (png_chunk ((const guint8 *) data, size, "sRGB", &length));
  g_assert_true (png_has_text ((const guint8 *) data, size, "Title"));
  g_assert_true (png_has_text ((const guint8 *) data, size, "Description"));
  g_assert_true (png_has_text ((const guint8 *) data, size, "Software"));
  {
    cairo_surface_t *image = cairo_image_surface_create_from_png (png1);
    guint32 corner = *(const guint32 *) cairo_image_surface_get_data (image);

    /* A light export is on white. */
    g_assert_cmphex (corner & 0xffffff, ==, 0xffffff);
    cairo_surface_destroy (image);
  }
  g_clear_pointer (&data, g_free);

  g_assert_true (g_file_get_contents (png2, &data, &size, NULL));
  chunk = png_chunk ((const guint8 *) data, size, "IHDR", &length);
  g_assert_cmpuint ((guint32) chunk[0] << 24 | chunk[1] << 16 | chunk[2] << 8 | chunk[3], ==, 2400);
  chunk = png_chunk ((const guint8 *) data, size, "pHYs", &length);
  g_assert_cmpuint ((guint32) chunk[0] << 24 | chunk[1] << 16 | chunk[2] << 8 | chunk[3], ==, 7559);
  g_clear_pointer (&data, g_free);

  {
    cairo_surface_t *image = cairo_image_surface_create_from_png (clear);

    g_assert_cmpint (cairo_image_surface_get_format (image), ==, CAIRO_FORMAT_ARGB32);
    g_assert_cmpuint (*(const guint32 *) cairo_image_surface_get_data (image) >> 24, ==, 0);
    cairo_surface_destroy (image);
  }

  /* SVG: CSS pixels with a viewBox, a title and a description. */
  g_assert_true (g_file_get_contents (svg, &data, &size, NULL));
  g_assert_nonnull (strstr (data, "width=\"1200px\" height=\"800px\" viewBox=\"0 0 1200 800\""));
  g_assert_nonnull (strstr (data, "<title>Revenue</title>"));
  g_assert_nonnull (strstr (data, "<desc>Bar chart: Revenue."));
  g_assert_nonnull (strstr (data, "xml:space=\"preserve\">Revenue</text>"));
  g_assert_nonnull (strstr (data, "xml:space=\"preserve\">¥100 B</text>"));
  g_clear_pointer (&data, g_free);

  /* PDF: 0.75 pt a pixel, and the document info. */
  g_assert_true (g_file_get_contents (pdf, &data, &size, NULL));
  g_assert_true (bytes_contain (data, size, "/MediaBox [ 0 0 900 600 ]"));
  g_assert_true (bytes_contain (data, size, "/Title (Revenue)"));
  g_assert_true (bytes_contain (data, size, "/Author (Caixin)"));
  g_clear_pointer (&data, g_free);

  /* Vector formats have no scale; backgrounds are three. */
  {
    g_auto (Run) r = { 0 };
    g_auto (Run) b = { 0 };

    run (&r, "--export-chart", "revenue", "--output", svg, "--scale", "2", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "--scale is for PNG exports"));
    run (&b, "--export-chart", "revenue", "--output", svg, "--background", "pink", NULL);
    g_assert_cmpint (b.status, ==, 2);
    g_assert_nonnull (strstr (b.err, "the backgrounds are: white, theme, transparent"));
  }

  g_unlink (png1);
  g_unlink (png2);
  g_unlink (clear);
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* How many times, along row @y of @image between @x0 and @x1, a pixel
 * differs much from the one before: many for a hatched bar, none for a
 * solid one. */
static guint
transitions (cairo_surface_t *image,
             int y,
             int x0,
             int x1)
{
  const guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  guint n = 0;

  for (int x = x0 + 1; x < x1; x++)
    {
      const guint8 *a = data + (gsize) y * stride + (gsize) (x - 1) * 4;
      const guint8 *b = a + 4;

      if (ABS (a[0] - b[0]) > 64 || ABS (a[1] - b[1]) > 64 || ABS (a[2] - b[2]) > 64)
        n++;
    }
  return n;
}

/* A PDF or SVG export taken into LibreOffice, as a slide program takes it,
 * keeps its white background and its hatched (projected) bars: they came
 * out mauve and solid when the PDF leant on transparency and clip paths. */
static void
check_libreoffice_keeps (const char *soffice,
                         const char *dir,
                         const char *format,
                         cairo_surface_t *a,
                         int best_y,
                         guint best)
{
  g_autofree char *name = g_strdup_printf ("revenue.%s", format);
  g_autofree char *picture = g_build_filename (dir, name, NULL);
  g_autofree char *theirs = g_build_filename (dir, "revenue.png", NULL);
  g_autofree char *profile = g_strdup_printf ("-env:UserInstallation=file://%s/profile", dir);
  g_autoptr (GError) error = NULL;
  cairo_surface_t *b;

  {
    g_auto (Run) r = { 0 };

    run (&r, "--export-chart", "revenue", "--output", picture, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    const char *argv[] = { soffice, profile, "--headless", "--convert-to", "png", "--outdir",
                           dir,     picture, NULL };
    int status = 0;

    g_unlink (theirs);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                                 G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                 NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
  }

  b = cairo_image_surface_create_from_png (theirs);
  g_assert_cmpint (cairo_surface_status (b), ==, CAIRO_STATUS_SUCCESS);
  /* LibreOffice rounds an SVG's 1200 px up to 1201. */
  g_assert_cmpint (ABS (cairo_image_surface_get_width (b) - 1200), <=, 1);

  /* The background: white, as exported. */
  {
    guint32 corner = *(const guint32 *) cairo_image_surface_get_data (b);

    g_assert_cmphex (corner & 0xffffff, ==, 0xffffff);
  }

  /* The hatched bar of ours is hatched in LibreOffice's too. */
  {
    guint in_theirs = 0;

    for (int y = MAX (best_y - 2, 0); y <= best_y + 2; y++)
      in_theirs = MAX (in_theirs, transitions (b, y, 300, 1000));
    g_test_message ("%s: hatch transitions: ours %u, LibreOffice's %u", format, best, in_theirs);
    /* A solid bar has a transition or two, at its ends. LibreOffice's
     * smoothing takes some of the contrast out of thin orange lines on
     * their pale fill, so a hatch keeps a third of ours or more. */
    g_assert_cmpuint (in_theirs, >, MAX (40, best / 3));
  }
  cairo_surface_destroy (b);
}

static void
test_export_survives_libreoffice (void)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *dir = NULL;
  g_autofree char *ours = NULL;
  cairo_surface_t *a;
  guint best = 0;
  int best_y = 0;

  if (soffice == NULL)
    {
      g_test_skip ("soffice is not installed: apt install libreoffice-draw-nogui "
                   "(build-aux/setup.sh --test does)");
      return;
    }

  dir = g_dir_make_tmp (NULL, NULL);
  ours = g_build_filename (dir, "ours.png", NULL);
  {
    g_auto (Run) r = { 0 };

    run (&r, "--export-chart", "revenue", "--output", ours, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }

  /* The hatched bar: the row of ours with the most transitions is one. */
  a = cairo_image_surface_create_from_png (ours);
  for (int y = 0; y < cairo_image_surface_get_height (a); y++)
    {
      guint n = transitions (a, y, 300, 1000);

      if (n > best)
        best = n, best_y = y;
    }
  g_assert_cmpuint (best, >, 40);

  check_libreoffice_keeps (soffice, dir, "pdf", a, best_y, best);
  check_libreoffice_keeps (soffice, dir, "svg", a, best_y, best);

  cairo_surface_destroy (a);
  {
    const char *argv[] = { "rm", "-rf", dir, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/window-without-display", test_window_without_display);
  g_test_add_func ("/cli/check-data-ok", test_check_data_ok);
  g_test_add_func ("/cli/check-data-errors", test_check_data_errors);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/list-charts", test_list_charts);
  g_test_add_func ("/cli/export-chart", test_export_chart);
  g_test_add_func ("/cli/export-usage-errors", test_export_usage_errors);
  g_test_add_func ("/cli/export-keeps-files", test_export_keeps_files);
  g_test_add_func ("/cli/translations-found", test_translations_found);
  g_test_add_func ("/cli/export-language", test_export_language);
  g_test_add_func ("/cli/export-size-and-metadata", test_export_size_and_metadata);
  g_test_add_func ("/cli/export-survives-libreoffice", test_export_survives_libreoffice);

  return g_test_run ();
}
