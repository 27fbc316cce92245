/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reference for the window's start-up (build-aux/bench.sh): an empty
 * AdwApplicationWindow of the same size, and nothing else. */

#include <adwaita.h>

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc,
      char *argv[])
{
  g_autoptr (AdwApplication) app =
      adw_application_new ("io.github.microdrama.AtlasBareWindow", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
