/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The configuration atlas_fonts_begin() loads is fontconfig's own: every
 * pattern an export asks for sorts to the same fonts, in the same order,
 * as with the configuration FcInit() loads; and loading it leaves the
 * caller free to run where it could. */

/* for pthread_getaffinity_np() */
#define _GNU_SOURCE
#include "config.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>
#ifdef HAVE_PTHREAD_ATTR_SETAFFINITY_NP
#include <pthread.h>
#include <sched.h>
#endif

#include "atlas-fonts.h"

/* The files @config sorts for @name, one a line. */
static char *
sorted_files (FcConfig *config,
              const char *name)
{
  FcPattern *pattern = FcNameParse ((const FcChar8 *) name);
  GString *files = g_string_new (NULL);
  FcFontSet *fonts;
  FcResult result;

  FcConfigSubstitute (config, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  fonts = FcFontSort (config, pattern, FcFalse, NULL, &result);
  for (int i = 0; fonts != NULL && i < fonts->nfont; i++)
    {
      FcPattern *font = FcFontRenderPrepare (config, pattern, fonts->fonts[i]);
      FcChar8 *file = NULL;
      FcBool hinting = FcFalse;
      int style = -1;

      FcPatternGetString (font, FC_FILE, 0, &file);
      FcPatternGetBool (font, FC_HINTING, 0, &hinting);
      FcPatternGetInteger (font, FC_HINT_STYLE, 0, &style);
      g_string_append_printf (files, "%s hinting=%d hintstyle=%d\n", (const char *) file, hinting,
                              style);
      FcPatternDestroy (font);
    }
  if (fonts != NULL)
    FcFontSetDestroy (fonts);
  FcPatternDestroy (pattern);
  return g_string_free (files, FALSE);
}

/* How many configuration files @config read, parsed or only scanned. */
static guint
n_files (FcConfig *config)
{
  FcConfigFileInfoIter iter;
  guint n = 0;

  FcConfigFileInfoIterInit (config, &iter);
  do
    {
      FcChar8 *name = NULL, *description = NULL;
      FcBool enabled;

      if (FcConfigFileInfoIterGet (config, &iter, &name, &description, &enabled))
        n++;
      FcStrFree (name);
      FcStrFree (description);
    }
  while (FcConfigFileInfoIterNext (config, &iter));
  return n;
}

/* Another thread's font map, for that thread alone. */
static gpointer
other_map (gpointer data)
{
  (void) data;
  return g_object_ref (atlas_fonts_get_map ());
}

static void
test_same_as_fcinit (void)
{
  static const char *const names[] = {
    "sans-serif",
    "serif",
    "monospace",
    "Cantarell,Noto Sans,sans-serif:weight=700",
    "sans-serif:lang=zh-cn",
    "Noto Sans CJK SC:lang=zh-cn",
    "DejaVu Sans:size=9",
  };
  PangoFontMap *map;
  FcConfig *ours, *theirs;
#ifdef HAVE_PTHREAD_ATTR_SETAFFINITY_NP
  cpu_set_t before, after;

  g_assert_cmpint (pthread_getaffinity_np (pthread_self (), sizeof before, &before), ==, 0);
#endif

  atlas_fonts_begin ();
  map = atlas_fonts_get_map ();
#ifdef HAVE_PTHREAD_ATTR_SETAFFINITY_NP
  /* The loader started on another CPU; this thread kept all of its own. */
  g_assert_cmpint (pthread_getaffinity_np (pthread_self (), sizeof after, &after), ==, 0);
  g_assert_true (CPU_EQUAL (&before, &after));
#endif
  g_assert_true (PANGO_IS_FC_FONT_MAP (map));
  /* The font map made beside the configuration is this thread's default
   * now, and only this thread's; questions go to that configuration. */
  g_assert_true (atlas_fonts_get_map () == map);
  g_assert_true (pango_cairo_font_map_get_default () == map);
  {
    GThread *other = g_thread_new ("other", other_map, NULL);
    PangoFontMap *theirs_map = g_thread_join (other);

    g_assert_true (PANGO_IS_FC_FONT_MAP (theirs_map));
    g_assert_true (theirs_map != map);
    g_object_unref (theirs_map);
  }
  g_assert_true (atlas_fonts_get_config () == FcConfigGetCurrent ());
  g_assert_true (pango_fc_font_map_get_config (PANGO_FC_FONT_MAP (map)) == NULL ||
                 pango_fc_font_map_get_config (PANGO_FC_FONT_MAP (map)) == FcConfigGetCurrent ());
  ours = FcConfigReference (NULL);
  theirs = FcInitLoadConfigAndFonts ();
  g_assert_nonnull (theirs);
  /* Ours is the one that left the templates unread; with FC_DEBUG set,
   * FcInit() loaded it, templates and all. */
  if (g_getenv ("FC_DEBUG") != NULL)
    g_assert_cmpuint (n_files (ours), ==, n_files (theirs));
  else
    g_assert_cmpuint (n_files (ours), <, n_files (theirs));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *a = sorted_files (ours, names[i]);
      g_autofree char *b = sorted_files (theirs, names[i]);

      g_test_message ("%s: %zu bytes of fonts", names[i], strlen (a));
      g_assert_cmpuint (strlen (a), >, 0);
      g_assert_cmpstr (a, ==, b);
    }
  FcConfigDestroy (theirs);
  FcConfigDestroy (ours);
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fonts/same-as-fcinit", test_same_as_fcinit);
  return g_test_run ();
}
