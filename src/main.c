/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-main"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "atlas-application.h"
#include "atlas-locale.h"
#include "atlas-ui-resources.h"

int
main (int argc,
      char *argv[])
{
  g_autoptr (AtlasApplication) application = NULL;
  g_autofree char *locale_dir = NULL;

  /* The name people run, "microdrama-atlas", whether the launcher started
   * this or the desktop's menu did (data/meson.build): for messages, --help
   * and the window's class. */
  g_set_prgname (PROGRAM_NAME);
  setlocale (LC_ALL, "");
  locale_dir = atlas_find_locale_dir ();
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  atlas_ui_register_resource ();

  /* While this is the only thread: see atlas_application_new(). */
  application = atlas_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
