/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-fonts"

/* for pthread_attr_setaffinity_np() and sched_getcpu() */
#define _GNU_SOURCE
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
#include <pango/pangofc-fontmap.h>
#ifdef HAVE_PTHREAD_ATTR_SETAFFINITY_NP
#include <pthread.h>
#include <sched.h>
#endif

#include "atlas-fonts.h"

static GMutex lock;
static gboolean begun;
static GThread *loader;
static gboolean loaded;   /* the loader made its configuration current */
static PangoFontMap *made_map; /* and a font map for it, until a thread takes it */
#ifdef HAVE_PTHREAD_ATTR_SETAFFINITY_NP
static gboolean beside;   /* the loader was started on another CPU */
static pthread_t beside_loader;
static cpu_set_t allowed; /* the CPUs the process may run on */
static gint running;      /* the loader has begun */
#endif

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
      FcConfigBuildFonts (config) && FcConfigSetCurrent (config))
    {
      /* Read once the loader is joined. A font map starts a fontconfig
       * thread of pango's, which first waits for FcInit(): started here,
       * while the caller still waits for this one, it has found the
       * configuration loaded by the time the caller's first text asks it
       * for fonts, instead of holding that text up (0.2 to 0.3 ms, a
       * fortieth of an SVG export). */
      loaded = TRUE;
      made_map = pango_cairo_font_map_new ();
    }
  /* Otherwise pango's FcInit() loads it, as it always has. */
  if (config != NULL)
    FcConfigDestroy (config);
  return NULL;
}

#ifdef HAVE_PTHREAD_ATTR_SETAFFINITY_NP
static void *
load_config_beside (void *data)
{
  /* Running now: from here on it may go wherever the process may. */
  g_atomic_int_set (&running, TRUE);
  pthread_setaffinity_np (pthread_self (), sizeof allowed, &allowed);
  pthread_setname_np (pthread_self (), "atlas-fonts");
  return load_config (data);
}

/* Starts the loader on a CPU other than this thread's, if the process may
 * use one: FALSE if it cannot.
 *
 * Left to the scheduler, a new thread can be queued behind its creator on
 * the creator's CPU while another stands idle, and wait there for the
 * next tick (3 ms, seen on a two-CPU Linux 6.18 virtual machine) or until
 * the creator blocks: here, on the fonts, having parsed the options and
 * loaded the dataset. The configuration was then loaded after those, not
 * beside them. Started elsewhere, it begins within a tenth of a
 * millisecond, and a whole SVG export takes 6 to 7% less time. */
static gboolean
begin_beside (void)
{
  cpu_set_t others;
  pthread_attr_t attr;
  int here = sched_getcpu ();
  gboolean started;

  if (here < 0 || pthread_getaffinity_np (pthread_self (), sizeof allowed, &allowed) != 0)
    return FALSE;
  others = allowed;
  CPU_CLR (here, &others);
  if (CPU_COUNT (&others) == 0 || pthread_attr_init (&attr) != 0)
    return FALSE;
  started = pthread_attr_setaffinity_np (&attr, sizeof others, &others) == 0 &&
            pthread_create (&beside_loader, &attr, load_config_beside, NULL) == 0;
  pthread_attr_destroy (&attr);
  return started;
}
#endif

/* Starts loading fontconfig's configuration, side by side with what the
 * process does until its first text; once a process: a configuration made
 * current later would replace the one pango lays text out in. */
void
atlas_fonts_begin (void)
{
  g_mutex_lock (&lock);
  if (!begun && g_getenv ("FC_DEBUG") == NULL)
    {
#ifdef HAVE_PTHREAD_ATTR_SETAFFINITY_NP
      beside = begin_beside ();
      if (!beside)
#endif
        loader = g_thread_new ("atlas-fonts", load_config, NULL);
    }
  begun = TRUE;
  g_mutex_unlock (&lock);
}

/* The font map to lay text out with: pango's default for this thread, once
 * any configuration atlas_fonts_begin() started loading is loaded; for the
 * first thread to ask, the one made beside that configuration. */
PangoFontMap *
atlas_fonts_get_map (void)
{
  g_mutex_lock (&lock);
#ifdef HAVE_PTHREAD_ATTR_SETAFFINITY_NP
  if (beside)
    {
      /* Not begun yet, the other CPUs being busy: this one is about to
       * wait, so it may run here too. */
      if (!g_atomic_int_get (&running))
        pthread_setaffinity_np (beside_loader, sizeof allowed, &allowed);
      pthread_join (beside_loader, NULL);
      beside = FALSE;
    }
#endif
  if (loader != NULL)
    {
      g_thread_join (loader);
      loader = NULL;
    }
  if (made_map != NULL)
    {
      /* The first thread to lay text out takes it as its default. */
      pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (made_map));
      g_clear_object (&made_map);
    }
  g_mutex_unlock (&lock);
  return pango_cairo_font_map_get_default ();
}

/* The configuration text is laid out in, for questions to fontconfig: the
 * one atlas_fonts_begin() loaded, at once, or else pango's, once pango's
 * thread has loaded it. Asking pango for the loaded one would still wait
 * for that thread to start and find it loaded, a quarter of a millisecond
 * at the start of an export's text. */
FcConfig *
atlas_fonts_get_config (void)
{
  PangoFontMap *map = atlas_fonts_get_map ();

  if (loaded)
    return FcConfigGetCurrent ();
  return PANGO_IS_FC_FONT_MAP (map) ? pango_fc_font_map_get_config (PANGO_FC_FONT_MAP (map)) : NULL;
}
