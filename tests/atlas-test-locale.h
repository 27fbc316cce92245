/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Switching a test process between the English and the Chinese interface,
 * with the translation built in the build tree. */

#include <locale.h>

#include <glib.h>
#include <glib/gi18n-lib.h>

/* The Chinese interface from now on; FALSE, with the test skipped, where
 * the system has no zh_CN.UTF-8 locale or the translation is not built. */
static inline gboolean
atlas_test_speak_chinese (void)
{
  g_autofree char *mo =
      g_build_filename (BUILD_LOCALE_DIR, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR) || setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("no zh_CN.UTF-8 locale or no built translation");
      return FALSE;
    }
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALE_DIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  setlocale (LC_ALL, "zh_CN.UTF-8");
  return TRUE;
}

/* Back to the untranslated, English, interface. */
static inline void
atlas_test_speak_english (void)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
}
