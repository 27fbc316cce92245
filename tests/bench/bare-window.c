/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reference for the window's start-up (build-aux/bench.sh): an empty
 * AdwApplicationWindow of the same size, and nothing else. With --text, a
 * header bar and one label of English and Chinese: what a window with any
 * text at all costs, its fonts loaded and drawn. */

#include <string.h>

#include <adwaita.h>

static gboolean with_text;

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  if (with_text)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *label = gtk_label_new ("Red Fruit reaches 236 million monthly users 红果短剧");

      gtk_widget_set_vexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
      gtk_box_append (GTK_BOX (box), label);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
    }
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc,
      char *argv[])
{
  g_autoptr (AdwApplication) app =
      adw_application_new ("io.github.microdrama.AtlasBareWindow", G_APPLICATION_NON_UNIQUE);

  if (argc > 1 && strcmp (argv[1], "--text") == 0)
    {
      with_text = TRUE;
      argv[1] = argv[0];
      argc--;
      argv++;
    }
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
