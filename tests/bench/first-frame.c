/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Loaded with LD_PRELOAD by build-aux/bench.sh: ends the process at the
 * first frame painted for the first toplevel presented, so that the
 * process's wall time is its time to first frame — the same for the app
 * and for the bare window. With ATLAS_BENCH_LINGER_MS, it waits that long
 * after the frame first (for the resident size once up).
 *
 * It links nothing but libc and finds GTK's functions at run time: it is
 * preloaded into every process of the run, and the app's launcher, which
 * never loads GTK, would otherwise load all of it (ten milliseconds that
 * are the preload's, not the app's). */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <unistd.h>

#include <gtk/gtk.h>

typedef gulong (*ConnectFunc) (gpointer instance,
                               const char *signal,
                               GCallback handler,
                               gpointer data,
                               GClosureNotify destroy,
                               GConnectFlags flags);

static gboolean presented;

static gpointer
lookup (const char *name)
{
  gpointer symbol = dlsym (RTLD_DEFAULT, name);

  if (symbol == NULL)
    abort ();
  return symbol;
}

static gboolean
leave (gpointer data)
{
  _exit (0);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer data)
{
  const char *linger = getenv ("ATLAS_BENCH_LINGER_MS");
  guint (*timeout_add) (guint, GSourceFunc, gpointer) = lookup ("g_timeout_add");
  guint (*disconnect) (gpointer, GSignalMatchType, guint, GQuark, GClosure *, gpointer, gpointer) =
      lookup ("g_signal_handlers_disconnect_matched");

  disconnect (clock, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, (gpointer) on_after_paint, NULL);
  if (linger != NULL)
    timeout_add ((guint) atoi (linger), leave, NULL);
  else
    _exit (0);
}

static void
on_map (GtkWidget *widget,
        gpointer data)
{
  GdkFrameClock *(*get_frame_clock) (GtkWidget *) = lookup ("gtk_widget_get_frame_clock");
  ConnectFunc connect = lookup ("g_signal_connect_data");

  connect (get_frame_clock (widget), "after-paint", G_CALLBACK (on_after_paint), NULL, NULL, 0);
}

void
gtk_window_present (GtkWindow *window)
{
  static void (*real) (GtkWindow *window);

  if (real == NULL)
    real = (void (*) (GtkWindow *)) dlsym (RTLD_NEXT, "gtk_window_present");
  if (!presented)
    {
      ConnectFunc connect = lookup ("g_signal_connect_data");

      presented = TRUE;
      connect (window, "map", G_CALLBACK (on_map), NULL, NULL, 0);
    }
  real (window);
}
