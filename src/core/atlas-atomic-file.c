/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-atomic-file"

#include "config.h"

/* A file is written whole or not at all. The content goes to a new
 * temporary file beside the destination, which is renamed over it only once
 * complete (rename is atomic within a folder); on any failure the temporary
 * file is removed, and a file already at the destination is left as it was.
 * Errors name the destination, never the temporary file. */

#include "atlas-atomic-file.h"

/* A new file beside @file, which no one else has. */
static GFileOutputStream *
create_temporary (GFile *file,
                  GFile **temporary,
                  GCancellable *cancellable,
                  GError **error)
{
  g_autoptr (GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);

  if (parent == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, "not a file name");
      return NULL;
    }

  for (guint attempt = 0;; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", basename, g_random_int ());
      g_autoptr (GError) local_error = NULL;
      GFileOutputStream *stream;

      *temporary = g_file_get_child (parent, name);
      stream = g_file_create (*temporary, G_FILE_CREATE_NONE, cancellable, &local_error);
      if (stream != NULL)
        return stream;
      g_clear_object (temporary);
      if (attempt < 5 && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        continue;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
}

/* Says a failure to start of the folder: the temporary file is ours. */
static void
set_folder_error (GError **error,
                  GFile *file,
                  const char *name,
                  GError *cause)
{
  g_autoptr (GFile) parent = g_file_get_parent (file);
  g_autofree char *folder = parent ? g_file_get_parse_name (parent) : g_strdup ("/");

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s: the folder %s does not exist", name,
                 folder);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                 "%s: no permission to write in the folder %s", name, folder);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, "%s: %s is not a folder", name,
                 folder);
  else
    g_set_error (error, cause->domain, cause->code, "%s: cannot write in %s", name, folder);
}

gboolean
atlas_file_replace_atomically (GFile *file,
                               AtlasStreamWriter writer,
                               gpointer user_data,
                               GCancellable *cancellable,
                               GError **error)
{
  g_autoptr (GFileOutputStream) stream = NULL;
  g_autoptr (GFile) temporary = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (writer != NULL, FALSE);

  name = g_file_get_parse_name (file);

  stream = create_temporary (file, &temporary, cancellable, &local_error);
  if (stream == NULL)
    {
      set_folder_error (error, file, name, local_error);
      return FALSE;
    }

  ok = writer (G_OUTPUT_STREAM (stream), user_data, cancellable, &local_error) &&
       !g_cancellable_set_error_if_cancelled (cancellable, &local_error);
  /* Close before renaming: the data must be all there. */
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, ok ? &local_error : NULL))
    ok = FALSE;
  if (ok)
    ok = g_file_move (temporary, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                      NULL, NULL, NULL, &local_error);

  if (!ok)
    {
      g_file_delete (temporary, NULL, NULL);
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}
