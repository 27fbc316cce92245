/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-launcher"

#include "config.h"

/* microdrama-atlas: the command line, without GTK.
 *
 * Checking a dataset, listing charts and exporting them need no display and
 * no toolkit, and scripts run them often, so this executable links only GLib,
 * json-glib, cairo and pango, and does that work itself (atlas-cli.c, from
 * handle-local-options, as the window's application does too). When the
 * options ask for the window, it replaces itself with microdrama-atlas-gui,
 * passing the same arguments: beside it in the build tree, or in libexec
 * once installed.
 */

#include <errno.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "atlas-cli.h"
#include "atlas-locale.h"

#define GUI_NAME "microdrama-atlas-gui"

static char **arguments;

static char *
find_gui (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *sibling = g_build_filename (dir, GUI_NAME, NULL);

      if (g_file_test (sibling, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&sibling);
    }
  return g_build_filename (LIBEXECDIR, GUI_NAME, NULL);
}

static int
on_handle_local_options (GApplication *application,
                         GVariantDict *options,
                         gpointer user_data)
{
  int status = atlas_cli_run (options);
  g_autofree char *gui = NULL;

  if (status >= 0)
    return status;

  gui = find_gui ();
  execv (gui, arguments);
  /* Translators: %s is a program's path, then why it could not start */
  g_printerr (_ ("%s: cannot start the window (%s): %s\n"), g_get_prgname (), gui,
              g_strerror (errno));
  return ATLAS_EXIT_DATA;
}

int
main (int argc,
      char *argv[])
{
  g_autoptr (GApplication) application = NULL;
  int status;

  setlocale (LC_ALL, "");
  atlas_cli_begin (argv);
  {
    g_autofree char *locale_dir = atlas_find_locale_dir ();

    bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  }
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Exit code 2 for a wrong option, as the window's application does. */
  if (atlas_cli_validate_args (atlas_cli_get_options (), atlas_cli_get_summary (), argv, &status))
    return status;

  arguments = argv;
  /* Never registered: it either finishes the work here or becomes the GUI. */
  application = g_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_application_add_main_option_entries (application, atlas_cli_get_options ());
  g_application_set_option_context_summary (application, atlas_cli_get_summary ());
  g_signal_connect (application, "handle-local-options", G_CALLBACK (on_handle_local_options),
                    NULL);
  return g_application_run (application, argc, argv);
}
