/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-application"

#include "config.h"

/* The application's start, in a process of its own for each case, as
 * main() starts it: GTK's own theme is skipped (atlas_application_new()),
 * yet libadwaita's stylesheet styles the app, and the environment is left
 * as the user gave it, for what the app starts later. */

#include "atlas-application.h"
#include "atlas-ui-resources.h"

/* The colour of a label with @css_class (or none) in the app's styles. */
static void
get_color (const char *css_class,
           GdkRGBA *color)
{
  GtkWidget *label = g_object_ref_sink (gtk_label_new ("Platform"));

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
#if GTK_CHECK_VERSION(4, 10, 0)
  gtk_widget_get_color (label, color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (label), color);
#endif
  g_object_unref (label);
}

/* A colour of libadwaita's stylesheet, which GTK's own theme lacks: the
 * accent class's, @accent_color, light. */
static void
assert_libadwaita_styles (void)
{
  GdkRGBA color;

  get_color ("accent", &color);
  g_assert_cmpint ((int) (color.red * 255 + 0.5), ==, 0x1c);
  g_assert_cmpint ((int) (color.green * 255 + 0.5), ==, 0x71);
  g_assert_cmpint ((int) (color.blue * 255 + 0.5), ==, 0xd8);
}

/* Our stylesheet and icons, which startup sets up itself (there is no
 * resource base path: see atlas_application_new()). With libadwaita's
 * stylesheet, a kind's label takes the accent colour, which a plain label
 * has not; with any theme, the icons the window shows and the app's own
 * are in the theme beside libadwaita's, and our icons' path is there
 * once. */
static void
assert_own_style (void)
{
  GdkRGBA plain, accent, kind;

  g_assert_null (g_application_get_resource_base_path (g_application_get_default ()));
  get_color (NULL, &plain);
  get_color ("accent", &accent);
  get_color ("kind-label", &kind);
  g_assert_true (gdk_rgba_equal (&kind, &accent));
  g_assert_false (gdk_rgba_equal (&kind, &plain));
}

static void
assert_own_icons (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_auto (GStrv) paths = gtk_icon_theme_get_resource_path (theme);
  guint ours = 0;

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    ours += g_str_has_prefix (paths[i], RESOURCE_BASE "/icons");
  g_assert_cmpuint (ours, ==, 1);
  g_assert_true (gtk_icon_theme_has_icon (theme, "atlas-chart-symbolic"));
  g_assert_true (gtk_icon_theme_has_icon (theme, "atlas-timeline-symbolic"));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, "adw-expander-arrow-symbolic"));
}

/* Checks the start once it is done, and ends the run before a window. */
static void
on_activate (GApplication *application,
             gpointer data)
{
  const char *expected = data;
  g_autofree char *theme_name = NULL;

  g_assert_cmpstr (g_getenv ("GTK_THEME"), ==, expected);
  if (expected == NULL)
    {
      g_object_get (gtk_settings_get_default (), "gtk-theme-name", &theme_name, NULL);
      g_assert_cmpstr (theme_name, ==, "Adwaita-empty");
      assert_libadwaita_styles ();
      assert_own_style ();
    }
  assert_own_icons ();
  g_signal_stop_emission_by_name (application, "activate");
  g_application_quit (application);
}

static void
start (const char *user_theme)
{
  g_autoptr (AtlasApplication) application = NULL;
  char *argv[] = { (char *) "microdrama-atlas", NULL };

  if (user_theme != NULL)
    g_setenv ("GTK_THEME", user_theme, TRUE);
  else
    g_unsetenv ("GTK_THEME");
  atlas_ui_register_resource ();
  application = atlas_application_new ();
  /* Not while it starts: GTK_THEME names the empty theme then. */
  if (user_theme == NULL)
    g_assert_cmpstr (g_getenv ("GTK_THEME"), ==, "Adwaita-empty");
  g_signal_connect (application, "activate", G_CALLBACK (on_activate), (gpointer) user_theme);
  g_assert_cmpint (g_application_run (G_APPLICATION (application), 1, argv), ==, 0);
}

static void
test_theme_skipped (void)
{
  if (g_test_subprocess ())
    {
      start (NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_user_theme_kept (void)
{
  if (g_test_subprocess ())
    {
      start ("Adwaita:dark");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int argc,
      char *argv[])
{
  /* GTK starts in each case's process, as main() starts it, not here. */
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    return 77; /* meson: not run */

  g_test_add_func ("/application/theme-skipped", test_theme_skipped);
  g_test_add_func ("/application/user-theme-kept", test_user_theme_kept);
  return g_test_run ();
}
