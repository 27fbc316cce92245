/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Loaded with LD_PRELOAD by build-aux/bench.sh: ends the process at the
 * first frame painted for the first toplevel presented, so that the
 * process's wall time is its time to first frame — the same for the app
 * and for the bare window. With ATLAS_BENCH_LINGER_MS, it waits that long
 * after the frame first (for the resident size once up). */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <unistd.h>

#include <gtk/gtk.h>

static gboolean presented;

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
  const char *linger = g_getenv ("ATLAS_BENCH_LINGER_MS");

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, data);
  if (linger != NULL)
    g_timeout_add ((guint) atoi (linger), leave, NULL);
  else
    _exit (0);
}

static void
on_map (GtkWidget *widget,
        gpointer data)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (on_after_paint),
                    NULL);
}

void
gtk_window_present (GtkWindow *window)
{
  static void (*real) (GtkWindow *window);

  if (real == NULL)
    real = (void (*) (GtkWindow *)) dlsym (RTLD_NEXT, "gtk_window_present");
  if (!presented)
    {
      presented = TRUE;
      g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
    }
  real (window);
}
