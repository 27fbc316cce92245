/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-application"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-application.h"
#include "atlas-cli.h"
#include "atlas-loader.h"
#include "atlas-window.h"

struct _AtlasApplication
{
  AdwApplication parent_instance;

  AtlasDataset *dataset;   /* what a new window shows */
  GFile *data_file;        /* --data: what it loads then */
  GSettings *settings;
  gboolean theme_set;      /* GTK_THEME is ours until startup */
};

G_DEFINE_FINAL_TYPE (AtlasApplication,
                     atlas_application,
                     ADW_TYPE_APPLICATION)

static gboolean
atlas_application_local_command_line (GApplication *application,
                                      char ***arguments,
                                      int *exit_status)
{
  if (atlas_cli_validate_args (atlas_cli_get_options (), atlas_cli_get_summary (), *arguments,
                               exit_status))
    return TRUE;

  return G_APPLICATION_CLASS (atlas_application_parent_class)
      ->local_command_line (application, arguments, exit_status);
}

/* Everything here runs before any display is opened. */
static int
atlas_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);
  g_autoptr (GError) error = NULL;
  const char *path = NULL;
  int status = atlas_cli_run (options);

  if (status >= 0)
    return status;

  /* The window, then: at once, with the bundled dataset. A --data file
   * loads after, in the loading bar's thread, as Open Dataset… does: the
   * window is there while it loads, and says what is wrong with it. */
  if (g_variant_dict_lookup (options, "data", "^&ay", &path))
    {
      self->data_file = g_file_new_for_commandline_arg (path);
      /* This process shows this file, even when another window is open. */
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }
  self->dataset = atlas_dataset_load_default (&error);

  if (self->dataset == NULL)
    {
      g_printerr ("%s\n", error->message);
      return ATLAS_EXIT_DATA;
    }
  return -1;
}

/* The installed schema, or when running from the build tree, the one compiled
 * there; with neither, the app runs without remembering its state. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchemaSource) build_source = NULL;
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL && g_file_test (BUILD_SCHEMA_DIR "/gschemas.compiled", G_FILE_TEST_EXISTS))
    {
      build_source =
          g_settings_schema_source_new_from_directory (BUILD_SCHEMA_DIR, source, FALSE, NULL);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, APP_ID, FALSE);
    }

  if (schema == NULL)
    {
      g_message ("GSettings schema %s is not installed; window state will not be kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
about_action (GSimpleAction *action,
              GVariant *parameter,
              gpointer user_data)
{
  static const char *developers[] = { "Micro-Drama Atlas contributors", NULL };
  AtlasApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AtlasDataset *dataset =
      ATLAS_IS_WINDOW (parent) ? atlas_window_get_dataset (ATLAS_WINDOW (parent)) : self->dataset;
  GListModel *sources = atlas_dataset_get_sources (dataset);
  g_autoptr (GString) credits = g_string_new (NULL);
  GtkWidget *about;

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr (AtlasSource) source = g_list_model_get_item (sources, i);
      g_autofree char *credit = atlas_source_dup_credit (source);

      g_string_append_printf (credits, "%s%s", i ? "\n" : "", credit);
    }

  about = g_object_new (
      ADW_TYPE_ABOUT_WINDOW, "transient-for", parent, "application-name", _ ("Micro-Drama Atlas"),
      "application-icon", APP_ID, "developer-name", _ ("Micro-Drama Atlas contributors"),
      "developers", developers, "version", PACKAGE_VERSION, "comments",
      _ ("Explore China’s micro-drama industry — the platforms, the "
         "regulator, the studios and production hubs — through its "
         "events and figures, each with the sentence of the source it "
         "comes from."),
      "license-type", GTK_LICENSE_GPL_3_0, "copyright", "© 2026 Micro-Drama Atlas contributors",
      "translator-credits", _ ("translator-credits"), NULL);
  /* Translators: the heading over the list of the dataset's sources */
  adw_about_window_add_legal_section (
      ADW_ABOUT_WINDOW (about), _ ("Data Sources"), credits->str, GTK_LICENSE_CUSTOM,
      _ ("Every figure and event in the dataset carries the sentence "
         "of the source it comes from. Figures are quoted as the "
         "source states them, with its qualifiers."));
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant *parameter,
             gpointer user_data)
{
  GApplication *application = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (application));

  /* Close windows properly, so each saves its state. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (application);
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = about_action },
  { .name = "quit", .activate = quit_action },
};

/* Reads the icon theme, in a thread: see atlas_application_startup(). */
static void
read_icon_theme (GTask *task,
                 gpointer source_object,
                 gpointer task_data,
                 GCancellable *cancellable)
{
  gtk_icon_theme_has_icon (source_object, "atlas-chart-symbolic");
  g_task_return_boolean (task, TRUE);
}

static void
atlas_application_startup (GApplication *application)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);
  static const struct
  {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.zoom-in", { "<Control>plus", NULL } },
    { "win.zoom-out", { "<Control>minus", NULL } },
    { "win.zoom-fit", { "<Control>0", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.show-shortcuts", { "<Control>question", NULL } },
  };

  /* GTK's own theme is never parsed: see atlas_application_new(). GTK
   * loads the theme GTK_THEME names when it makes the display's settings,
   * so they are made here, before the chain-up; libadwaita's start then
   * finds GTK_THEME unset, as the user left it, and styles the app with
   * its own stylesheet. gtk_init() is the chain-up's own: without a
   * display it says so and ends the process, as it did there (a failed
   * gtk_init_check() would leave GTK thinking itself set up). */
  if (self->theme_set)
    {
      gtk_init ();
      gtk_settings_get_default ();
      g_unsetenv ("GTK_THEME");
      self->theme_set = FALSE;
    }

  G_APPLICATION_CLASS (atlas_application_parent_class)->startup (application);

  /* Our icons and stylesheet, which GTK and libadwaita would have set up
   * from the resource base path: see atlas_application_new(). Adding our
   * icons drops the theme GTK has read in a thread since libadwaita added
   * its own (while libadwaita parsed its stylesheet): the first icon the
   * window draws would read it all again, on the main thread. It is read
   * again in a thread now, while the window is built; once set up, the
   * theme takes lookups from any thread, and one on the main thread waits
   * for this one. */
  if (gdk_display_get_default () != NULL)
    {
      GdkDisplay *display = gdk_display_get_default ();
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (display);
      g_autoptr (GtkCssProvider) style = gtk_css_provider_new ();
      g_autoptr (GTask) task = g_task_new (theme, NULL, NULL, NULL);

      gtk_icon_theme_add_resource_path (theme, RESOURCE_BASE "/icons");
      g_task_run_in_thread (task, read_icon_theme);
      gtk_css_provider_load_from_resource (style, RESOURCE_BASE "/style.css");
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (style),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);

  self->settings = create_settings ();
}

static void
atlas_application_activate (GApplication *application)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (atlas_window_new (GTK_APPLICATION (self), self->dataset, self->settings));
  gtk_window_present (window);
  if (self->data_file != NULL)
    {
      g_autoptr (GFile) file = g_steal_pointer (&self->data_file);

      atlas_window_open_file (ATLAS_WINDOW (window), file);
    }
}

static void
atlas_application_dispose (GObject *object)
{
  AtlasApplication *self = ATLAS_APPLICATION (object);

  g_clear_object (&self->dataset);
  g_clear_object (&self->data_file);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (atlas_application_parent_class)->dispose (object);
}

static void
atlas_application_class_init (AtlasApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = atlas_application_dispose;
  app_class->local_command_line = atlas_application_local_command_line;
  app_class->handle_local_options = atlas_application_handle_local_options;
  app_class->startup = atlas_application_startup;
  app_class->activate = atlas_application_activate;
}

static void
atlas_application_init (AtlasApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), atlas_cli_get_options ());
  g_application_set_option_context_summary (G_APPLICATION (self), atlas_cli_get_summary ());
}

/* Call it while the process has no other thread (main() does): it may set
 * GTK_THEME, which startup unsets before anything could be started with it.
 *
 * Starting up, GTK parses the theme the desktop names (GTK's Adwaita:
 * 80 million instructions, 15% of the main thread's work up to the first
 * frame), and libadwaita then replaces it with an empty one and its own
 * stylesheet: a libadwaita application is never drawn with it. Where the
 * user has not set GTK_THEME, it is set to that empty theme for GTK's
 * start, so that the other is not parsed only to be dropped. */
AtlasApplication *
atlas_application_new (void)
{
  AtlasApplication *self = g_object_new (ATLAS_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                                         G_APPLICATION_DEFAULT_FLAGS, NULL);

  /* None, so that GTK does not add our icons to the icon theme before
   * libadwaita adds its own: GTK starts reading the theme in a thread as
   * it adds the first, and libadwaita's start then waited for that read
   * to end, 4 to 11 ms on the main thread, only to drop what it had read.
   * Startup adds ours, and our stylesheet, once libadwaita is set up. */
  g_application_set_resource_base_path (G_APPLICATION (self), NULL);

  if (g_getenv ("GTK_THEME") == NULL)
    self->theme_set = g_setenv ("GTK_THEME", "Adwaita-empty", TRUE);
  return self;
}

GSettings *
atlas_application_get_settings (AtlasApplication *self)
{
  g_return_val_if_fail (ATLAS_IS_APPLICATION (self), NULL);
  return self->settings;
}
