/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-file-chooser"

#include "config.h"

/* One way to ask for a file to open or save: GtkFileDialog where GTK has it
 * (4.10 and newer), GtkFileChooserNative on GTK 4.8. Both go through the
 * portal when there is one. And one way to tell of a failure. */

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-file-chooser.h"

typedef struct
{
  AtlasFileChosen callback;
  gpointer user_data;
  GDestroyNotify destroy;
  gboolean save;
} Request;

static void
request_finish (Request *request,
                GFile *file)
{
  request->callback (file, request->user_data);
  if (request->destroy != NULL)
    request->destroy (request->user_data);
  g_free (request);
}

#if GTK_CHECK_VERSION(4, 10, 0)

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static void
on_dialog_done (GObject *source,
                GAsyncResult *result,
                gpointer data)
{
  Request *request = data;
  g_autoptr (GFile) file = NULL;

  if (request->save)
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);
  else
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);
  request_finish (request, file);
}

void
atlas_choose_file (GtkWindow *parent,
                   gboolean save,
                   const char *title,
                   const char *accept_label,
                   const char *initial_name,
                   GtkFileFilter **filters,
                   guint n_filters,
                   AtlasFileChosen callback,
                   gpointer user_data,
                   GDestroyNotify destroy)
{
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr (GListStore) store = g_list_store_new (GTK_TYPE_FILE_FILTER);
  Request *request = g_new0 (Request, 1);

  request->callback = callback;
  request->user_data = user_data;
  request->destroy = destroy;
  request->save = save;

  for (guint i = 0; i < n_filters; i++)
    g_list_store_append (store, filters[i]);
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, accept_label);
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (store));
  if (n_filters > 0)
    gtk_file_dialog_set_default_filter (dialog, filters[0]);
  if (initial_name != NULL)
    gtk_file_dialog_set_initial_name (dialog, initial_name);

  if (save)
    gtk_file_dialog_save (dialog, parent, NULL, on_dialog_done, request);
  else
    gtk_file_dialog_open (dialog, parent, NULL, on_dialog_done, request);
}

G_GNUC_END_IGNORE_DEPRECATIONS

#else

static void
on_native_response (GtkNativeDialog *chooser,
                    int response,
                    Request *request)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  request_finish (request, file);
  g_object_unref (chooser);
}

void
atlas_choose_file (GtkWindow *parent,
                   gboolean save,
                   const char *title,
                   const char *accept_label,
                   const char *initial_name,
                   GtkFileFilter **filters,
                   guint n_filters,
                   AtlasFileChosen callback,
                   gpointer user_data,
                   GDestroyNotify destroy)
{
  GtkFileChooserNative *chooser;
  Request *request = g_new0 (Request, 1);

  request->callback = callback;
  request->user_data = user_data;
  request->destroy = destroy;
  request->save = save;

  chooser = gtk_file_chooser_native_new (
      title, parent, save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
      accept_label, _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  for (guint i = 0; i < n_filters; i++)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filters[i]);
  if (save && initial_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), initial_name);

  g_signal_connect (chooser, "response", G_CALLBACK (on_native_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

#endif

/* Tells, over @parent, what went wrong; @body is plain text. */
void
atlas_show_error (GtkWindow *parent,
                  const char *heading,
                  const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
}
