/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-cli"

#include "config.h"

/* The command line: its options, the checking of their use, and all the
 * work that needs no window — --version, --check-data, --list-charts and
 * --export-chart. Both executables use it from handle-local-options: the lean
 * microdrama-atlas, which never loads GTK, and the window's
 * microdrama-atlas-gui, which it starts when a window is wanted. */

#include <glib/gi18n.h>
#include <locale.h>

#include "atlas-atomic-file.h"
#include "atlas-cli.h"
#include "atlas-figure.h"
#include "atlas-fonts.h"
#include "atlas-loader.h"
#include "atlas-locale.h"

/* Validates @path and prints a summary on stdout, or every problem on stderr. */
int
atlas_cli_check_data (const char *path)
{
  /* Kept to the end of the process: freeing a large model just before
   * exiting is work nobody waits for. */
  static AtlasDataset *dataset;
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (GError) error = NULL;
  guint32 first, last;

  dataset = atlas_dataset_load_file (file, NULL, &error);

  if (dataset == NULL)
    {
      g_printerr ("%s\n", error->message);
      return ATLAS_EXIT_DATA;
    }

  g_print (_ ("%s: a valid dataset, format %s %d.%d\n"), path, ATLAS_DATA_FORMAT,
           ATLAS_DATA_VERSION_MAJOR, ATLAS_DATA_VERSION_MINOR);
  g_print ("  %-10s %s\n", _ ("title:"), atlas_dataset_get_title (dataset));
  g_print ("  %-10s %u\n", _ ("sources:"),
           g_list_model_get_n_items (atlas_dataset_get_sources (dataset)));
  g_print ("  %-10s %u\n", _ ("entities:"),
           g_list_model_get_n_items (atlas_dataset_get_entities (dataset)));
  g_print ("  %-10s %u\n", _ ("events:"),
           g_list_model_get_n_items (atlas_dataset_get_events (dataset)));
  g_print ("  %-10s %u\n", _ ("series:"),
           g_list_model_get_n_items (atlas_dataset_get_series (dataset)));
  g_print ("  %-10s %u\n", _ ("points:"), atlas_dataset_get_n_points (dataset));
  g_print ("  %-10s %u\n", _ ("charts:"), atlas_dataset_get_n_charts (dataset));
  if (atlas_dataset_get_span (dataset, &first, &last))
    {
      g_autofree char *from = atlas_date_format_day (first);
      g_autofree char *to = atlas_date_format_day (last);

      g_print ("  %-10s %s – %s\n", _ ("span:"), from, to);
    }
  return ATLAS_EXIT_OK;
}

int
atlas_cli_list_charts (AtlasDataset *dataset)
{
  g_autoptr (GPtrArray) ids = atlas_figure_list_ids (dataset);

  for (guint i = 0; i < ids->len; i++)
    g_print ("%s\t%s\n", (const char *) ids->pdata[i],
             atlas_figure_get_title (dataset, ids->pdata[i]));
  return ATLAS_EXIT_OK;
}

static int
usage_error (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  g_printerr (_ ("Run “%s --help” to see the options.\n"), g_get_prgname ());
  return ATLAS_EXIT_USAGE;
}

/* Headless export: needs no display. */
int
atlas_cli_export_chart (AtlasDataset *dataset,
                        const AtlasCliExport *request)
{
  g_autoptr (GPtrArray) ids = atlas_figure_list_ids (dataset);
  g_autoptr (AtlasStyle) style = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  AtlasExportOptions options = { 0 };
  gboolean dark;

  if (atlas_figure_get_title (dataset, request->id) == NULL)
    {
      g_autofree char *accepted = NULL;
      g_autofree char *message = NULL;

      g_ptr_array_add (ids, NULL);
      accepted = g_strjoinv (", ", (char **) ids->pdata);
      /* Translators: %s is a chart id the user gave; the list follows */
      message =
          g_strdup_printf (_ ("unknown chart “%s”; the charts are: %s"), request->id, accepted);
      return usage_error (message);
    }
  if (request->output == NULL)
    return usage_error (_ ("--export-chart needs --output FILE"));
  if (!atlas_export_format_for_path (request->output, &options.format))
    {
      g_autofree char *message =
          g_strdup_printf (_ ("cannot tell the format of “%s”: the file name "
                              "must end in .png, .svg or .pdf"),
                           request->output);
      return usage_error (message);
    }
  if (request->width < ATLAS_EXPORT_MIN_SIZE || request->width > ATLAS_EXPORT_MAX_SIZE ||
      request->height < ATLAS_EXPORT_MIN_SIZE || request->height > ATLAS_EXPORT_MAX_SIZE)
    {
      g_autofree char *message = g_strdup_printf (
          _ ("the size %d×%d is not between %d and %d pixels "
             "each way"),
          request->width, request->height, ATLAS_EXPORT_MIN_SIZE, ATLAS_EXPORT_MAX_SIZE);
      return usage_error (message);
    }
  if (!(request->scale >= 0.5 && request->scale <= ATLAS_EXPORT_MAX_SCALE))
    {
      g_autofree char *message = g_strdup_printf (_ ("the scale %g is not between 0.5 and %g"),
                                                  request->scale, ATLAS_EXPORT_MAX_SCALE);
      return usage_error (message);
    }
  if (request->width * request->scale > ATLAS_EXPORT_MAX_SIZE * 2 ||
      request->height * request->scale > ATLAS_EXPORT_MAX_SIZE * 2)
    {
      g_autofree char *message = g_strdup_printf (
          _ ("the size times the scale, %.0f×%.0f, is more than %d pixels each way"),
          request->width * request->scale, request->height * request->scale,
          ATLAS_EXPORT_MAX_SIZE * 2);

      return usage_error (message);
    }
  if (g_strcmp0 (request->theme, "light") != 0 && g_strcmp0 (request->theme, "dark") != 0)
    {
      g_autofree char *message =
          g_strdup_printf (_ ("unknown theme “%s”; the themes are: light, dark"), request->theme);
      return usage_error (message);
    }

  if (request->scale_given && options.format != ATLAS_EXPORT_PNG)
    {
      g_autofree char *message = g_strdup_printf (
          _ ("--scale is for PNG exports; an %s has no pixels to scale, and is as sharp at any "
             "size"),
          atlas_export_format_to_string (options.format));

      return usage_error (message);
    }
  if (request->background == NULL)
    options.background = ATLAS_EXPORT_BACKGROUND_DEFAULT;
  else if (g_str_equal (request->background, "white"))
    options.background = ATLAS_EXPORT_BACKGROUND_WHITE;
  else if (g_str_equal (request->background, "theme"))
    options.background = ATLAS_EXPORT_BACKGROUND_THEME;
  else if (g_str_equal (request->background, "transparent"))
    options.background = ATLAS_EXPORT_BACKGROUND_TRANSPARENT;
  else
    {
      g_autofree char *message =
          g_strdup_printf (_ ("unknown background “%s”; the backgrounds are: white, theme, "
                              "transparent"),
                           request->background);

      return usage_error (message);
    }

  dark = g_str_equal (request->theme, "dark");
  style = atlas_style_new (dark, FALSE);
  options.width = request->width;
  options.height = request->height;
  options.scale = request->scale;
  options.style = style;

  file = g_file_new_for_commandline_arg (request->output);
  if (atlas_dataset_get_file (dataset) != NULL &&
      atlas_file_is_same (file, atlas_dataset_get_file (dataset)))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Translators: %s is a file name */
      g_printerr (_ ("%s: is the dataset being exported; export to another file\n"), name);
      return ATLAS_EXIT_USAGE;
    }
  atlas_file_remove_temporaries_on_signal ();
  if (!atlas_figure_export (dataset, request->id, file, &options, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return ATLAS_EXIT_DATA;
    }
  return ATLAS_EXIT_OK;
}

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_ ("Print the version and exit"), NULL },
  { "check-data", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("Check a dataset file: print a summary and exit 0, or its errors and exit 1"),
    N_ ("FILE") },
  { "data", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("Start with a dataset file instead of the bundled one"), N_ ("FILE") },
  { "list-charts", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_ ("List the charts that can be exported, one a line: ID, a tab, the title"), NULL },
  { "export-chart", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("Export a chart to --output, without opening a window"), N_ ("ID") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("The file to export to; its extension (.png, .svg, .pdf) gives the format"), N_ ("FILE") },
  /* Strings, read here: GApplication passes on no option whose value is
   * zero, so "--width 0" would be taken for no --width at all. */
  { "width", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("Width of the export (default 1920 for the timeline, 1200 for a chart)"), N_ ("PIXELS") },
  { "height", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("Height of the export (default 1080 for the timeline, 800 for a chart)"), N_ ("PIXELS") },
  { "scale", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("Pixels per point of a PNG export, 0.5 to 4 (default 1)"), N_ ("SCALE") },
  { "background", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("What the export is drawn on: white, theme (its window colour) or transparent (default: "
        "white for light, theme for dark)"),
    N_ ("BACKGROUND") },
  { "theme", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("Colours of the export: light or dark (default light)"), N_ ("THEME") },
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("Language of the export or the list: en or zh_CN (default: the interface's)"),
    N_ ("LANGUAGE") },
  { NULL }
};

/* Speaks @language from now on — the texts, numbers and dates of what is
 * exported or listed, and the dataset's texts loaded after — whatever the
 * interface's, which its messages keep; FALSE, having said why, for a
 * language it cannot. */
static gboolean
use_language (const char *language)
{
  g_autoptr (GError) error = NULL;

  if (atlas_language_begin (language, &error))
    return TRUE;
  g_printerr ("%s: %s\n", g_get_prgname (), error->message);
  return FALSE;
}

const GOptionEntry *
atlas_cli_get_options (void)
{
  return option_entries;
}

const char *
atlas_cli_get_summary (void)
{
  return _ (
      "Explore China’s micro-drama industry: platforms, regulators, studios, production hubs, "
      "events and figures, each with its source.");
}

/* Starts, before the options are parsed, what the work @argv asks for
 * waits on longest: for an export, the fonts (fontconfig reading its
 * configuration in a thread, atlas-fonts.c), which then go side by side
 * with parsing the options and loading the dataset.
 * A wrong option found later only leaves that thread unused. */
void
atlas_cli_begin (char **argv)
{
  for (int i = 1; argv[i] != NULL && strcmp (argv[i], "--") != 0; i++)
    if (strcmp (argv[i], "--export-chart") == 0 || g_str_has_prefix (argv[i], "--export-chart="))
      {
        atlas_fonts_begin ();
        return;
      }
}

static AtlasDataset *
load_dataset (GVariantDict *options,
              GError **error)
{
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "data", "^&ay", &path))
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);

      return atlas_dataset_load_file (file, NULL, error);
    }
  return atlas_dataset_load_default (error);
}

/* @text as a whole number of pixels, or FALSE having said why. */
static gboolean
read_size (const char *option,
           const char *text,
           int *value)
{
  gint64 number;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, ATLAS_EXPORT_MIN_SIZE, ATLAS_EXPORT_MAX_SIZE, &number,
                                 NULL))
    {
      /* Translators: an option, what was given, and the bounds, e.g.
       * "--width “0” is not a whole number of pixels from 200 to 10000" */
      g_printerr (_ ("%s: --%s “%s” is not a whole number of pixels from %d to %d\n"),
                  g_get_prgname (), option, text, ATLAS_EXPORT_MIN_SIZE, ATLAS_EXPORT_MAX_SIZE);
      return FALSE;
    }
  *value = (int) number;
  return TRUE;
}

static gboolean
read_scale (const char *text,
            double *value)
{
  char *end = NULL;
  double number;

  if (text == NULL)
    return TRUE;
  number = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !(number >= 0.5 && number <= ATLAS_EXPORT_MAX_SCALE))
    {
      /* Translators: what was given, and the bounds */
      g_printerr (_ ("%s: --scale “%s” is not a number from 0.5 to %g\n"), g_get_prgname (), text,
                  ATLAS_EXPORT_MAX_SCALE);
      return FALSE;
    }
  *value = number;
  return TRUE;
}

/* Does what the options ask that needs no window. Returns the exit code, or
 * -1 when they ask for the window. */
int
atlas_cli_run (GVariantDict *options)
{
  static const char *export_only[] = {
    "output", "width", "height", "scale", "background", "theme"
  };
  /* Kept to the end of the process, as atlas_cli_check_data() keeps its
   * own: freeing the model just before exiting is work nobody waits for. */
  static AtlasDataset *dataset;
  g_autoptr (GError) error = NULL;
  AtlasCliExport request = { NULL, NULL, 0, 0, 1.0, "light" };
  const char *path = NULL;
  gboolean exporting;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("microdrama-atlas %s\n", PACKAGE_VERSION);
      return ATLAS_EXIT_OK;
    }

  if (g_variant_dict_lookup (options, "check-data", "^&ay", &path))
    {
      static const char *others[] = { "export-chart", "list-charts", "data",  "output",
                                      "width",        "height",      "scale", "background",
                                      "theme",        "language" };

      for (guint i = 0; i < G_N_ELEMENTS (others); i++)
        if (g_variant_dict_contains (options, others[i]))
          {
            /* Translators: %s is another option, such as --export-chart */
            g_printerr (_ ("%s: --check-data goes alone, not with --%s\n"), g_get_prgname (),
                        others[i]);
            return ATLAS_EXIT_USAGE;
          }
      if (*path == '\0')
        {
          g_printerr (_ ("%s: --check-data needs the name of a file\n"), g_get_prgname ());
          return ATLAS_EXIT_USAGE;
        }
      return atlas_cli_check_data (path);
    }

  exporting = g_variant_dict_lookup (options, "export-chart", "&s", &request.id);
  if (!exporting)
    {
      for (guint i = 0; i < G_N_ELEMENTS (export_only); i++)
        if (g_variant_dict_contains (options, export_only[i]))
          {
            /* Translators: %s is an option such as --width */
            g_printerr (_ ("%s: --%s goes with --export-chart\n"), g_get_prgname (),
                        export_only[i]);
            return ATLAS_EXIT_USAGE;
          }
      if (!g_variant_dict_contains (options, "list-charts"))
        return -1;
    }

  {
    const char *language = NULL;

    if (g_variant_dict_lookup (options, "language", "&s", &language) && !use_language (language))
      return ATLAS_EXIT_USAGE;
  }

  if (exporting)
    atlas_fonts_begin ();
  dataset = load_dataset (options, &error);
  if (dataset == NULL)
    {
      g_printerr ("%s\n", error->message);
      return ATLAS_EXIT_DATA;
    }

  if (!exporting)
    return atlas_cli_list_charts (dataset);

  atlas_figure_get_default_size (request.id, &request.width, &request.height);
  g_variant_dict_lookup (options, "output", "^&ay", &request.output);
  {
    const char *width = NULL, *height = NULL, *scale = NULL;

    g_variant_dict_lookup (options, "width", "&s", &width);
    g_variant_dict_lookup (options, "height", "&s", &height);
    g_variant_dict_lookup (options, "scale", "&s", &scale);
    request.scale_given = scale != NULL;
    if (!read_size ("width", width, &request.width) ||
        !read_size ("height", height, &request.height) || !read_scale (scale, &request.scale))
      {
        g_printerr (_ ("Run “%s --help” to see the options.\n"), g_get_prgname ());
        return ATLAS_EXIT_USAGE;
      }
  }
  g_variant_dict_lookup (options, "theme", "&s", &request.theme);
  g_variant_dict_lookup (options, "background", "&s", &request.background);
  return atlas_cli_export_chart (dataset, &request);
}

typedef union
{
  gboolean flag;
  int integer;
  double number;
  char *string;
  char **strings;
} Slot;

static gboolean
wants_help (char **argv)
{
  for (guint i = 1; argv[i] != NULL; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "-?") ||
          g_str_has_prefix (argv[i], "--help"))
        return TRUE;
    }
  return FALSE;
}

/* GApplication reports an unknown or malformed option with exit code 1; our
 * scripts need 2 for usage errors and 1 for data errors. So the options are
 * parsed once here, into scratch storage, before GApplication parses them for
 * real. Returns TRUE and sets @exit_status when the command line is wrong. */
gboolean
atlas_cli_validate_args (const GOptionEntry *entries,
                         const char *summary,
                         char **argv,
                         int *exit_status)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree GOptionEntry *copy = NULL;
  g_autofree Slot *slots = NULL;
  g_auto (GStrv) remaining = NULL;
  g_auto (GStrv) args = NULL;
  gboolean failed = FALSE;
  guint n = 0;

  g_return_val_if_fail (entries != NULL, FALSE);
  g_return_val_if_fail (argv != NULL && argv[0] != NULL, FALSE);

  if (g_get_prgname () == NULL)
    {
      g_autofree char *name = g_path_get_basename (argv[0]);

      g_set_prgname (name);
    }

  /* --help is GApplication's to answer, with the summary it has. */
  if (wants_help (argv))
    return FALSE;

  /* An option given twice would be taken at its last: say so instead. */
  for (guint i = 0; entries[i].long_name != NULL; i++)
    {
      g_autofree char *flag = g_strconcat ("--", entries[i].long_name, NULL);
      g_autofree char *with_value = g_strconcat (flag, "=", NULL);
      guint seen = 0;

      for (guint a = 1; argv[a] != NULL && !g_str_equal (argv[a], "--"); a++)
        if (g_str_equal (argv[a], flag) || g_str_has_prefix (argv[a], with_value))
          seen++;
      if (seen > 1)
        {
          /* Translators: %s is an option, such as --data */
          g_printerr (_ ("%s: %s is given %u times; give it once\n"), g_get_prgname (), flag, seen);
          g_printerr (_ ("Run “%s --help” to see the options.\n"), g_get_prgname ());
          *exit_status = ATLAS_EXIT_USAGE;
          return TRUE;
        }
    }

  while (entries[n].long_name != NULL)
    n++;
  copy = g_new0 (GOptionEntry, n + 2);
  slots = g_new0 (Slot, n);
  for (guint i = 0; i < n; i++)
    {
      copy[i] = entries[i];
      copy[i].arg_data = &slots[i];
    }
  copy[n] =
      (GOptionEntry){ G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &remaining, NULL, NULL };

  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, copy, GETTEXT_PACKAGE);

  /* A copy, parsed with the strv variant, which frees what it takes out. */
  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      failed = TRUE;
    }
  else if (remaining != NULL && remaining[0] != NULL)
    {
      /* Translators: %s is an argument the program does not take */
      g_printerr (_ ("%s: unexpected argument “%s”\n"), g_get_prgname (), remaining[0]);
      failed = TRUE;
    }

  for (guint i = 0; i < n; i++)
    {
      if (entries[i].arg == G_OPTION_ARG_STRING || entries[i].arg == G_OPTION_ARG_FILENAME)
        g_free (slots[i].string);
      else if (entries[i].arg == G_OPTION_ARG_STRING_ARRAY ||
               entries[i].arg == G_OPTION_ARG_FILENAME_ARRAY)
        g_strfreev (slots[i].strings);
    }

  if (failed)
    {
      g_printerr (_ ("Run “%s --help” to see the options.\n"), g_get_prgname ());
      *exit_status = ATLAS_EXIT_USAGE;
    }
  return failed;
}
