/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-fonts"

#include "config.h"

/* Loads fontconfig's configuration for an export, in a thread of its own,
 * in half the time fontconfig's own FcInit() takes.
 *
 * FcInit() parses the configuration (fonts.conf and all of conf.d) and
 * then parses every template in conf.avail as well, only to keep their
 * descriptions for fc-conflist: the templates are read as "scan only",
 * their rules and directories never used, yet they are half the time of
 * loading, and loading is a third of an export's. This loads what FcInit()
 * loads and applies, the same configuration to the rule, and leaves the
 * templates alone; pango then finds it current and uses it. Where FcInit()
 * would do more than that (a configuration that fails to parse, and its
 * fallback; one that names no cache directory; FC_DEBUG set) this leaves
 * it to FcInit(), which then says again what is wrong with a broken one.
 *
 * Only a process that has not touched fontconfig yet may begin this: the
 * command line calls it first thing, before the options are parsed. */

#include <fontconfig/fontconfig.h>

#include "atlas-fonts.h"

static GMutex lock;
static gboolean begun;
static GThread *loader;

static gboolean
has_cache_dirs (FcConfig *config)
{
  FcStrList *dirs = FcConfigGetCacheDirs (config);
  gboolean any = dirs != NULL && FcStrListNext (dirs) != NULL;

  if (dirs != NULL)
    FcStrListDone (dirs);
  return any;
}

static gpointer
load_config (gpointer data)
{
  FcConfig *config = FcConfigCreate ();

  (void) data;
  if (config != NULL && FcConfigParseAndLoad (config, NULL, FcFalse) && has_cache_dirs (config) &&
      FcConfigBuildFonts (config))
    FcConfigSetCurrent (config);
  /* Otherwise pango's FcInit() loads it, as it always has. */
  if (config != NULL)
    FcConfigDestroy (config);
  return NULL;
}

/* Starts loading fontconfig's configuration, side by side with what the
 * process does until its first text; once a process: a configuration made
 * current later would replace the one pango lays text out in. */
void
atlas_fonts_begin (void)
{
  g_mutex_lock (&lock);
  if (!begun && g_getenv ("FC_DEBUG") == NULL)
    loader = g_thread_new ("atlas-fonts", load_config, NULL);
  begun = TRUE;
  g_mutex_unlock (&lock);
}

/* The font map to lay text out with: pango's default for this thread, once
 * any configuration atlas_fonts_begin() started loading is loaded. */
PangoFontMap *
atlas_fonts_get_map (void)
{
  g_mutex_lock (&lock);
  if (loader != NULL)
    {
      g_thread_join (loader);
      loader = NULL;
    }
  g_mutex_unlock (&lock);
  return pango_cairo_font_map_get_default ();
}
