/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-locale"

#include "config.h"

/* Where the app's translations are, for bindtextdomain(): the window and
 * the command line alike speak the person's language from an installed
 * prefix, a relocated one, or the build tree. */

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "atlas-locale.h"

/* Whether @dir holds a translation of ours, in any language. */
static gboolean
has_translations (const char *dir)
{
  g_autoptr (GDir) languages = g_dir_open (dir, 0, NULL);
  const char *language;

  while (languages != NULL && (language = g_dir_read_name (languages)) != NULL)
    {
      g_autofree char *mo =
          g_build_filename (dir, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

      if (g_file_test (mo, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }
  return FALSE;
}

/* Where the translations are: the configured locale directory; or, when it
 * has none of ours — a --destdir install, a prefix moved elsewhere, the
 * build tree — the share/locale beside the executable, or the build
 * tree's po directory. */
char *
atlas_find_locale_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *bin = exe ? g_path_get_dirname (exe) : NULL;

  if (has_translations (LOCALEDIR) || bin == NULL)
    return g_strdup (LOCALEDIR);
  {
    g_autofree char *beside = g_build_filename (bin, "..", "share", "locale", NULL);

    if (has_translations (beside))
      return g_steal_pointer (&beside);
  }
  if (has_translations (BUILD_LOCALE_DIR))
    return g_strdup (BUILD_LOCALE_DIR);
  return g_strdup (LOCALEDIR);
}

/* Speaking another language than the interface's, in one thread: what an
 * export in English or Chinese, whatever the interface reads, draws with.
 *
 * The interface's language is gettext's, from the environment, for the
 * whole process. An export in another language must not change that under
 * the window's feet, so while a thread speaks a language of its own, the
 * messages of core/ and render/ (through atlas-i18n.h) come from that
 * language's catalogue, read here, and its numbers and dates from that
 * language's locale (uselocale()): the decimal mark, month names. English
 * is the untranslated text and needs no catalogue. */

typedef struct
{
  GMappedFile *file;
  const char *data;
  guint32 n;
  const guint32 *originals; /* n × (length, offset) */
  const guint32 *translations;
} Catalogue;

typedef struct
{
  const Catalogue *catalogue; /* NULL for English */
  gboolean chinese;
  locale_t locale;
  locale_t previous;
} Speaking;

static GPrivate speaking_key = G_PRIVATE_INIT (g_free);

#define MO_MAGIC 0x950412de

/* The catalogue at @path, checked so that no lookup reads outside it; NULL,
 * having said why, for one that is not a .mo file we can read. Plural
 * forms are not evaluated: the languages read this way have one. */
static Catalogue *
catalogue_open (const char *path,
                GError **error)
{
  g_autoptr (GMappedFile) file = g_mapped_file_new (path, FALSE, error);
  const guint32 *header;
  gsize size;
  Catalogue *self;

  if (file == NULL)
    return NULL;
  size = g_mapped_file_get_length (file);
  header = (const guint32 *) (gconstpointer) g_mapped_file_get_contents (file);
  if (size < 7 * sizeof (guint32) || header[0] != MO_MAGIC || header[2] > size / 16 ||
      header[3] % 4 != 0 || header[4] % 4 != 0 || header[3] > size - 8 * (gsize) header[2] ||
      header[4] > size - 8 * (gsize) header[2])
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   /* Translators: %s is a file name */
                   _ ("%s is not a message catalogue this program can read"), path);
      return NULL;
    }
  for (guint32 i = 0; i < 2 * header[2]; i++)
    {
      const guint32 *entry = (i < header[2] ? header + header[3] / 4 + 2 * i
                                            : header + header[4] / 4 + 2 * (i - header[2]));

      /* Each string, and the NUL after it, inside the file. */
      if (entry[1] > size || entry[0] >= size - entry[1] ||
          ((const char *) header)[entry[1] + entry[0]] != '\0')
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       _ ("%s is not a message catalogue this program can read"), path);
          return NULL;
        }
    }

  self = g_new0 (Catalogue, 1);
  self->data = (const char *) header;
  self->n = header[2];
  self->originals = header + header[3] / 4;
  self->translations = header + header[4] / 4;
  self->file = g_steal_pointer (&file);
  return self;
}

/* The translation of @msgid — with its plurals, NUL-separated, and
 * @length the whole — or NULL. The originals are sorted, as msgfmt writes
 * them; a plural entry's "msgid\0plural" compares as its msgid. */
static const char *
catalogue_lookup (const Catalogue *self,
                  const char *msgid,
                  guint32 *length)
{
  guint32 low = 0, high = self->n;

  while (low < high)
    {
      guint32 middle = low + (high - low) / 2;
      int order = strcmp (msgid, self->data + self->originals[2 * middle + 1]);

      if (order == 0)
        {
          *length = self->translations[2 * middle];
          return self->data + self->translations[2 * middle + 1];
        }
      if (order < 0)
        high = middle;
      else
        low = middle + 1;
    }
  return NULL;
}

/* The catalogue of @language, read once and kept. */
static const Catalogue *
catalogue_for (const char *language,
               GError **error)
{
  static GMutex lock;
  static GHashTable *catalogues;
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&lock);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  Catalogue *catalogue;

  if (catalogues == NULL)
    catalogues = g_hash_table_new (g_str_hash, g_str_equal);
  catalogue = g_hash_table_lookup (catalogues, language);
  if (catalogue != NULL)
    return catalogue;

  dir = atlas_find_locale_dir ();
  path = g_build_filename (dir, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  catalogue = catalogue_open (path, error);
  if (catalogue != NULL)
    g_hash_table_insert (catalogues, g_strdup (language), catalogue);
  return catalogue;
}

/* The languages a thread can speak besides the interface's. */
const char *const *
atlas_language_list (void)
{
  static const char *const languages[] = { "en", "zh_CN", NULL };

  return languages;
}

/* Makes the calling thread speak @language — "en" or "zh_CN" — until
 * atlas_language_end(): the messages, numbers and dates of core/ and
 * render/, and the texts of a dataset loaded meanwhile. FALSE, with
 * @error set, for a language there is no catalogue of. */
gboolean
atlas_language_begin (const char *language,
                      GError **error)
{
  static const char *const locales[][3] = {
    { "en", "en_US.UTF-8", "C.UTF-8" },
    { "zh_CN", "zh_CN.UTF-8", "C.UTF-8" },
  };
  const Catalogue *catalogue = NULL;
  Speaking *speaking;
  guint i;

  g_return_val_if_fail (language != NULL, FALSE);
  g_return_val_if_fail (g_private_get (&speaking_key) == NULL, FALSE);

  for (i = 0; i < G_N_ELEMENTS (locales); i++)
    if (g_str_equal (language, locales[i][0]))
      break;
  if (i == G_N_ELEMENTS (locales))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is a language code someone gave */
                   _ ("There is no language “%s”: the languages are en and zh_CN"), language);
      return FALSE;
    }
  if (i > 0 && (catalogue = catalogue_for (language, error)) == NULL)
    return FALSE;

  speaking = g_new0 (Speaking, 1);
  speaking->catalogue = catalogue;
  speaking->chinese = g_str_has_prefix (language, "zh");
  /* Numbers and dates as the language writes them: its own locale where
   * the system has it, else the neutral one (English marks, numeric
   * dates, which is what the Chinese formats use). */
  speaking->locale = newlocale (LC_NUMERIC_MASK | LC_TIME_MASK, locales[i][1], (locale_t) 0);
  if (speaking->locale == (locale_t) 0)
    speaking->locale = newlocale (LC_NUMERIC_MASK | LC_TIME_MASK, locales[i][2], (locale_t) 0);
  if (speaking->locale != (locale_t) 0)
    speaking->previous = uselocale (speaking->locale);
  g_private_set (&speaking_key, speaking);
  return TRUE;
}

/* Back to the interface's language. */
void
atlas_language_end (void)
{
  Speaking *speaking = g_private_get (&speaking_key);

  g_return_if_fail (speaking != NULL);

  if (speaking->locale != (locale_t) 0)
    {
      uselocale (speaking->previous);
      freelocale (speaking->locale);
    }
  g_private_replace (&speaking_key, NULL);
}

const char *
atlas_gettext (const char *msgid)
{
  Speaking *speaking = g_private_get (&speaking_key);
  const char *translation;
  guint32 length;

  if (speaking == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  if (speaking->catalogue == NULL ||
      (translation = catalogue_lookup (speaking->catalogue, msgid, &length)) == NULL)
    return msgid;
  return translation;
}

/* As g_dpgettext(): @msgctxtid is "context\004msgid", @msgidoffset where
 * the msgid starts, returned when there is no translation. */
const char *
atlas_pgettext (const char *msgctxtid,
                gsize msgidoffset)
{
  const char *translation;

  if (g_private_get (&speaking_key) == NULL)
    return g_dpgettext (GETTEXT_PACKAGE, msgctxtid, msgidoffset);
  translation = atlas_gettext (msgctxtid);
  return translation == msgctxtid ? msgctxtid + msgidoffset : translation;
}

const char *
atlas_ngettext (const char *msgid,
                const char *msgid_plural,
                gulong n)
{
  Speaking *speaking = g_private_get (&speaking_key);
  const char *translation;
  guint32 length;

  if (speaking == NULL)
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  if (speaking->catalogue == NULL ||
      (translation = catalogue_lookup (speaking->catalogue, msgid, &length)) == NULL)
    return n == 1 ? msgid : msgid_plural;
  /* One form: the Chinese of a catalogue read here has no other. */
  return translation;
}

/* Whether the calling thread reads a dataset's Chinese texts (its _zh
 * members and its entities' Chinese names): the language it speaks, or the
 * interface's as its translation says. */
gboolean
atlas_reads_chinese (void)
{
  Speaking *speaking = g_private_get (&speaking_key);

  if (speaking != NULL)
    return speaking->chinese;
  /* Translators: the language the dataset's texts are read in: "en" for
   * the English of the sources, "zh" for the Chinese of its _zh members
   * (docs/dataset-format.md). */
  return g_str_equal (C_ ("dataset language", "en"), "zh");
}
