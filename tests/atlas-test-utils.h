/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers the tests share. */

#include <cairo.h>
#include <glib-object.h>

#ifdef GTK_MAJOR_VERSION
#include <adwaita.h>

/* Runs what the main loop has pending. */
static inline void
atlas_test_iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* The first event controller of @type on @widget: tests drive widgets
 * through their own controllers. */
static inline GtkEventController *
atlas_test_find_controller (GtkWidget *widget,
                            GType type)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  g_assert_not_reached ();
}

#ifdef ATLAS_TYPE_SELECTION
static void
atlas_test_on_select (GSimpleAction *action,
                      GVariant *parameter,
                      gpointer user_data)
{
  AtlasSelection *selection = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  const char *id = parameter ? g_variant_get_string (parameter, NULL) : NULL;

  if (g_str_equal (name, "select-entity"))
    g_assert_true (atlas_selection_select_entity (selection, id));
  else if (g_str_equal (name, "select-event"))
    g_assert_true (atlas_selection_select_event (selection, id));
  else if (g_str_equal (name, "select-figure"))
    g_assert_true (atlas_selection_select_figure (selection, id));
  else
    atlas_selection_clear (selection);
}

/* The window's selection actions, as a widget outside a window meets them:
 * win.select-entity and the others, on @selection, for @widget's children. */
static inline void
atlas_test_add_selection_actions (GtkWidget *widget,
                                  AtlasSelection *selection)
{
  static const char *names[] = { "select-entity", "select-event", "select-figure" };
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (GSimpleAction) action = g_simple_action_new (names[i], G_VARIANT_TYPE_STRING);

      g_signal_connect_object (action, "activate", G_CALLBACK (atlas_test_on_select), selection, 0);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    }
  {
    g_autoptr (GSimpleAction) action = g_simple_action_new ("clear-selection", NULL);

    g_signal_connect_object (action, "activate", G_CALLBACK (atlas_test_on_select), selection, 0);
    g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  }
  gtk_widget_insert_action_group (widget, "win", G_ACTION_GROUP (group));
}
#endif

/* GTK and libadwaita for a widget test, with the app's resources; FALSE when
 * there is no display (run it under xvfb-run), to return 77: meson's "not run". */
static inline gboolean
atlas_test_init_gtk (int *argc,
                     char ***argv,
                     void (*register_resources) (void))
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("%s needs a display: run it under xvfb-run\n", (*argv)[0]);
      return FALSE;
    }
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  register_resources ();
  return TRUE;
}
#endif

/* The colour at (@x, @y) of an image surface (premultiplied, as cairo
 * keeps it); @a may be NULL. */
static inline void
atlas_test_pixel (cairo_surface_t *surface,
                  int x,
                  int y,
                  guint8 *r,
                  guint8 *g,
                  guint8 *b,
                  guint8 *a)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);

  *r = (pixel >> 16) & 0xff;
  *g = (pixel >> 8) & 0xff;
  *b = pixel & 0xff;
  if (a != NULL)
    *a = pixel >> 24;
}
