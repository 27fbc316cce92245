/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-atomic-file"

#include "config.h"

/* A file is written whole or not at all, and nothing the person had is lost.
 *
 * The content goes to a new temporary file beside the destination, which is
 * renamed over it only once complete (rename is atomic within a folder); on
 * any failure the temporary file is removed, and a file already at the
 * destination is left as it was. Errors name the destination, never the
 * temporary file.
 *
 * What replacing must keep: a symbolic link is written through to its
 * target, as editors do, and stays a link; a replaced file keeps its mode,
 * and its owner and group where the process may set them; a file with other
 * hard links is not replaced (a rename would silently part it from them),
 * and the error says so.
 *
 * Temporary files are named ".atlas-HASH.PID.RANDOM.part", HASH being the
 * destination's name's: short whatever the name (a legal name gives a legal
 * temporary one), and recognisable, so that an export removes those that an
 * earlier one, killed with no chance to clean up, left for the same
 * destination. SIGINT, SIGTERM and SIGHUP remove the one being written
 * (atlas_file_remove_temporaries_on_signal()). */

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
/* Problems are told to the person, in the interface's language. */
#include <glib/gi18n-lib.h>

#include "atlas-atomic-file.h"

/* The temporary file being written, for the signal handler: one at a time
 * (another export's is removed by the next export to the same place). */
static char signal_temporary[4096];
static volatile sig_atomic_t signal_temporary_set;
G_LOCK_DEFINE_STATIC (signal_temporary);

static void
remember_temporary (GFile *temporary)
{
  const char *path = temporary ? g_file_peek_path (temporary) : NULL;

  G_LOCK (signal_temporary);
  signal_temporary_set = 0;
  if (path != NULL && strlen (path) < sizeof signal_temporary)
    {
      memcpy (signal_temporary, path, strlen (path) + 1);
      signal_temporary_set = 1;
    }
  G_UNLOCK (signal_temporary);
}

static void
on_fatal_signal (int number)
{
  if (signal_temporary_set)
    unlink (signal_temporary);
  signal (number, SIG_DFL);
  raise (number);
}

/* From now on, an interrupt or a termination removes the temporary file of
 * the export in progress before the process ends as the signal says. */
void
atlas_file_remove_temporaries_on_signal (void)
{
  static const int numbers[] = { SIGINT, SIGTERM, SIGHUP };
  struct sigaction action = { 0 };

  action.sa_handler = on_fatal_signal;
  sigemptyset (&action.sa_mask);
  action.sa_flags = SA_RESETHAND;
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    sigaction (numbers[i], &action, NULL);
}

/* Whether @a and @b are one file (the same device and inode, links
 * followed); FALSE when either does not exist. */
gboolean
atlas_file_is_same (GFile *a,
                    GFile *b)
{
  GStatBuf sa, sb;

  g_return_val_if_fail (G_IS_FILE (a), FALSE);
  g_return_val_if_fail (G_IS_FILE (b), FALSE);

  if (g_file_peek_path (a) == NULL || g_file_peek_path (b) == NULL)
    return g_file_equal (a, b);
  return g_stat (g_file_peek_path (a), &sa) == 0 && g_stat (g_file_peek_path (b), &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Where writing @file writes: through a symbolic link (or a chain of them)
 * to its target, even one that does not exist yet. */
static GFile *
resolve_destination (GFile *file)
{
  const char *path = g_file_peek_path (file);
  GFile *resolved = g_object_ref (file);

  /* A chain of links is followed a few steps, as the kernel would (40). */
  for (guint hops = 0; path != NULL && hops < 40; hops++)
    {
      GStatBuf info;
      g_autofree char *target = NULL;
      g_autoptr (GFile) parent = NULL;

      if (g_lstat (path, &info) != 0 || !S_ISLNK (info.st_mode))
        break;
      target = g_file_read_link (path, NULL);
      if (target == NULL)
        break;
      parent = g_file_get_parent (resolved);
      g_set_object (&resolved, g_file_resolve_relative_path (parent, target));
      path = g_file_peek_path (resolved);
    }
  return resolved;
}

/* Removes what earlier exports to @hash's destination left in @parent when
 * they were killed: temporary files of processes that no longer run. */
static void
remove_stale (GFile *parent,
              guint hash)
{
  g_autofree char *prefix = g_strdup_printf (".atlas-%08x.", hash);
  const char *folder = g_file_peek_path (parent);
  g_autoptr (GDir) dir = folder ? g_dir_open (folder, 0, NULL) : NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      guint64 pid;
      char *end;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".part"))
        continue;
      pid = g_ascii_strtoull (name + strlen (prefix), &end, 10);
      if (*end != '.' || pid == 0 || pid == (guint64) getpid () || pid > G_MAXINT)
        continue;
      if (kill ((pid_t) pid, 0) == 0 || errno != ESRCH)
        continue;
      {
        g_autofree char *stale = g_build_filename (folder, name, NULL);

        g_unlink (stale);
      }
    }
}

/* A new file beside @file, which no one else has. */
static GFileOutputStream *
create_temporary (GFile *file,
                  GFile **temporary,
                  GCancellable *cancellable,
                  GError **error)
{
  g_autoptr (GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);
  guint hash;

  if (parent == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, _ ("not a file name"));
      return NULL;
    }

  hash = g_str_hash (basename);
  remove_stale (parent, hash);

  for (guint attempt = 0;; attempt++)
    {
      g_autofree char *name =
          g_strdup_printf (".atlas-%08x.%d.%08x.part", hash, (int) getpid (), g_random_int ());
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
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _ ("%s: the folder %s does not exist"),
                 name, folder);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                 _ ("%s: no permission to write in the folder %s"), name, folder);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, _ ("%s: %s is not a folder"), name,
                 folder);
  else
    g_set_error (error, cause->domain, cause->code, _ ("%s: cannot write in %s"), name, folder);
}

/* What must hold of a file already at @path before it is replaced; on
 * success @existing says whether there is one, and @info what it is. */
static gboolean
check_existing (const char *path,
                const char *name,
                GStatBuf *info,
                gboolean *existing,
                GError **error)
{
  *existing = FALSE;
  if (path == NULL || g_stat (path, info) != 0)
    return TRUE;
  *existing = TRUE;
  if (!S_ISREG (info->st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _ ("%s: is not a regular file, and is left as it is"), name);
      return FALSE;
    }
  if (info->st_nlink > 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _ ("%s: the file has %u other hard links, which replacing it would part it "
                      "from; export under another name"),
                   name, (guint) info->st_nlink - 1);
      return FALSE;
    }
  return TRUE;
}

gboolean
atlas_file_replace_atomically (GFile *file,
                               AtlasStreamWriter writer,
                               gpointer user_data,
                               GCancellable *cancellable,
                               GError **error)
{
  g_autoptr (GFileOutputStream) stream = NULL;
  g_autoptr (GFile) destination = NULL;
  g_autoptr (GFile) temporary = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *path;
  GStatBuf existing_info;
  gboolean existing, ok;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (writer != NULL, FALSE);

  name = g_file_get_parse_name (file);
  destination = resolve_destination (file);
  path = g_file_peek_path (destination);
  if (!check_existing (path, name, &existing_info, &existing, error))
    return FALSE;

  stream = create_temporary (destination, &temporary, cancellable, &local_error);
  if (stream == NULL)
    {
      set_folder_error (error, destination, name, local_error);
      return FALSE;
    }
  remember_temporary (temporary);

  /* The mode first, before any data: a private file stays private. */
  if (existing && g_file_peek_path (temporary) != NULL)
    {
      const char *temporary_path = g_file_peek_path (temporary);

      g_chmod (temporary_path, existing_info.st_mode & 07777);
      /* The owner and group, where the process may set them (as root, or
       * a group it belongs to). */
      if (chown (temporary_path, existing_info.st_uid, existing_info.st_gid) != 0)
        /* Not the owner, then; the group, if the process is in it. */
        (void) !chown (temporary_path, (uid_t) -1, existing_info.st_gid);
    }

  ok = writer (G_OUTPUT_STREAM (stream), user_data, cancellable, &local_error) &&
       !g_cancellable_set_error_if_cancelled (cancellable, &local_error);
  /* Close before renaming: the data must be all there. */
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, ok ? &local_error : NULL))
    ok = FALSE;
  if (ok && path != NULL && g_file_peek_path (temporary) != NULL)
    {
      if (g_rename (g_file_peek_path (temporary), path) != 0)
        {
          int saved = errno;

          g_set_error (&local_error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _ ("cannot replace it: %s"), g_strerror (saved));
          ok = FALSE;
        }
    }
  else if (ok)
    ok = g_file_move (temporary, destination,
                      G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE, NULL, NULL, NULL,
                      &local_error);

  if (!ok)
    g_file_delete (temporary, NULL, NULL);
  remember_temporary (NULL);
  if (!ok)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}
