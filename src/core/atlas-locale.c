/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-locale"

#include "config.h"

/* Where the app's translations are, for bindtextdomain(): the window and
 * the command line alike speak the person's language from an installed
 * prefix, a relocated one, or the build tree. */

#include "atlas-locale.h"

/* Whether @dir holds a translation of ours, in any language. */
static gboolean
has_translations (const char *dir)
{
  g_autoptr (GDir) languages = g_dir_open (dir, 0, NULL);
  const char *language;

  while (languages != NULL && (language = g_dir_read_name (languages)) != NULL)
    {
      g_autofree char *mo =
          g_build_filename (dir, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

      if (g_file_test (mo, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }
  return FALSE;
}

/* Where the translations are: the configured locale directory; or, when it
 * has none of ours — a --destdir install, a prefix moved elsewhere, the
 * build tree — the share/locale beside the executable, or the build
 * tree's po directory. */
char *
atlas_find_locale_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *bin = exe ? g_path_get_dirname (exe) : NULL;

  if (has_translations (LOCALEDIR) || bin == NULL)
    return g_strdup (LOCALEDIR);
  {
    g_autofree char *beside = g_build_filename (bin, "..", "share", "locale", NULL);

    if (has_translations (beside))
      return g_steal_pointer (&beside);
  }
  if (has_translations (BUILD_LOCALE_DIR))
    return g_strdup (BUILD_LOCALE_DIR);
  return g_strdup (LOCALEDIR);
}
