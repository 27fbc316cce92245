/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-export-dialog"

#include "config.h"

/* Exporting what is on screen — the timeline or a chart — as a picture for a
 * slide or a report: format, size, scale, colours and background, with a
 * preview of what will be written; or copying the picture to the clipboard;
 * or saving the figures behind it as CSV.
 *
 * The picture comes from atlas_figure_export(), as on the command line, with
 * the same light and dark styles, so window and command line make the same
 * file. Writing happens in a worker thread; a failure is told here, and the
 * dialog stays so the person can choose again.
 *
 * The picture can be in English or Chinese whatever the window's language:
 * it is drawn in a thread speaking that language (atlas_language_begin()),
 * from the dataset read in that language — the window's own when it is the
 * window's, else read again from the same file, in a thread, once.
 */

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-atomic-file.h"
#include "atlas-csv.h"
#include "atlas-export-dialog.h"
#include "atlas-figure.h"
#include "atlas-file-chooser.h"
#include "atlas-loader.h"
#include "atlas-locale.h"

enum
{
  LANGUAGE_EN,
  LANGUAGE_ZH_CN,
  N_LANGUAGES
};

struct _AtlasExportDialog
{
  AdwWindow parent_instance;

  AtlasDataset *dataset;
  char *figure_id;
  GCancellable *cancellable;

  /* The dataset read in each language of atlas_language_list(): the
   * window's in its own, the others as they are read. */
  AtlasDataset *in_language[N_LANGUAGES];
  GError *language_error[N_LANGUAGES];
  GCancellable *language_cancellable;

  AdwWindowTitle *window_title;
  GtkWidget *export_button;
  AdwComboRow *format_row;
  AdwComboRow *size_row;
  GtkWidget *width_row;
  GtkWidget *height_row;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  AdwComboRow *scale_row;
  AdwComboRow *theme_row;
  AdwComboRow *language_row;
  GtkWidget *transparent_row;
  GtkSwitch *transparent_switch;
  GtkLabel *alt_text_label;
  AdwPreferencesGroup *preview_group;
  GtkPicture *preview;
  GtkWidget *other_group;
  guint preview_source;
  char *alt_text;
};

G_DEFINE_FINAL_TYPE (AtlasExportDialog,
                     atlas_export_dialog,
                     ADW_TYPE_WINDOW)

enum
{
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  int width;
  int height;
} presets[] = {
  { 1200, 800 },
  { 1920, 1080 },
  { 1080, 1080 },
};

static const char *extensions[] = { "png", "svg", "pdf" };

static guint
chosen_language (AtlasExportDialog *self)
{
  return MIN (adw_combo_row_get_selected (self->language_row), N_LANGUAGES - 1);
}

static const char *
language_code (guint language)
{
  return atlas_language_list ()[language];
}

/* The dataset in the language chosen; NULL while it is read, or when it
 * could not be. */
static AtlasDataset *
chosen_dataset (AtlasExportDialog *self)
{
  return self->in_language[chosen_language (self)];
}

/* What the rows say. @options->style is left for the caller. */
void
atlas_export_dialog_get_options (AtlasExportDialog *self,
                                 AtlasExportOptions *options,
                                 gboolean *dark)
{
  guint size = adw_combo_row_get_selected (self->size_row);

  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));

  memset (options, 0, sizeof *options);
  options->format = (AtlasExportFormat) MIN (adw_combo_row_get_selected (self->format_row), 2);
  if (size < G_N_ELEMENTS (presets))
    {
      options->width = presets[size].width;
      options->height = presets[size].height;
    }
  else
    {
      options->width = gtk_spin_button_get_value_as_int (self->width_spin);
      options->height = gtk_spin_button_get_value_as_int (self->height_spin);
    }
  options->scale =
      options->format == ATLAS_EXPORT_PNG ? adw_combo_row_get_selected (self->scale_row) + 1 : 1;
  options->background = gtk_switch_get_active (self->transparent_switch)
                            ? ATLAS_EXPORT_BACKGROUND_TRANSPARENT
                            : ATLAS_EXPORT_BACKGROUND_DEFAULT;
  *dark = adw_combo_row_get_selected (self->theme_row) == 1;
}

#define PREVIEW_WIDTH 432.0

/* The picture as it will be written, small: the same frame, text and
 * colours at a fraction of a pixel a pixel. */
static gboolean
update_preview (gpointer data)
{
  AtlasExportDialog *self = data;
  g_autoptr (AtlasStyle) style = NULL;
  g_autoptr (GBytes) png = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;
  AtlasExportOptions options;
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double height;
  gboolean dark;

  self->preview_source = 0;
  if (chosen_dataset (self) == NULL)
    {
      const GError *failed = self->language_error[chosen_language (self)];

      gtk_widget_set_visible (GTK_WIDGET (self->preview), FALSE);
      adw_preferences_group_set_description (
          self->preview_group,
          failed != NULL ? failed->message : _ ("Reading the dataset in this language…"));
      return G_SOURCE_REMOVE;
    }
  atlas_export_dialog_get_options (self, &options, &dark);
  style = atlas_style_new (dark, FALSE);
  options.style = style;
  options.format = ATLAS_EXPORT_PNG;
  options.scale = PREVIEW_WIDTH * scale_factor / options.width;
  height = PREVIEW_WIDTH * options.height / options.width;
  if (height > PREVIEW_WIDTH * 0.75)
    options.scale *= PREVIEW_WIDTH * 0.75 / height, height = PREVIEW_WIDTH * 0.75;

  if (atlas_language_begin (language_code (chosen_language (self)), &error))
    {
      png = atlas_figure_to_png_bytes (chosen_dataset (self), self->figure_id, &options, &error);
      atlas_language_end ();
    }
  if (png != NULL)
    texture = gdk_texture_new_from_bytes (png, &error);
  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
  gtk_widget_set_size_request (GTK_WIDGET (self->preview),
                               (int) round (options.width * options.scale / scale_factor),
                               (int) round (height));
  gtk_widget_set_visible (GTK_WIDGET (self->preview), texture != NULL);
  /* What cannot be drawn is said where the picture would be. */
  adw_preferences_group_set_description (self->preview_group,
                                         texture != NULL ? NULL : error->message);
  return G_SOURCE_REMOVE;
}

static void
on_options_changed (AtlasExportDialog *self)
{
  gboolean png = adw_combo_row_get_selected (self->format_row) == ATLAS_EXPORT_PNG;
  gboolean custom = adw_combo_row_get_selected (self->size_row) >= G_N_ELEMENTS (presets);

  /* Scale is a PNG's; SVG and PDF scale themselves. Any format can be
   * transparent. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), png);
  gtk_widget_set_visible (self->width_row, custom);
  gtk_widget_set_visible (self->height_row, custom);

  /* Redrawn once the changes of one moment are in. */
  if (self->preview_source == 0 && self->dataset != NULL)
    self->preview_source = g_idle_add (update_preview, self);
}

typedef struct
{
  GFile *file; /* NULL for the bundled dataset */
  guint language;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_clear_object (&job->file);
  g_free (job);
}

static void
read_thread (GTask *task,
             gpointer source_object,
             gpointer task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  GError *error = NULL;
  AtlasDataset *dataset = NULL;

  if (atlas_language_begin (language_code (job->language), &error))
    {
      dataset = job->file != NULL ? atlas_dataset_load_file (job->file, cancellable, &error)
                                  : atlas_dataset_load_default (&error);
      atlas_language_end ();
    }
  if (dataset != NULL)
    g_task_return_pointer (task, dataset, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void refresh_language (AtlasExportDialog *self);

static void
on_read (GObject *source,
         GAsyncResult *result,
         gpointer user_data)
{
  g_autoptr (AtlasExportDialog) self = user_data;
  ReadJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  AtlasDataset *dataset = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_error_free (error);
      return;
    }
  g_clear_error (&self->language_error[job->language]);
  self->in_language[job->language] = dataset;
  self->language_error[job->language] = error;
  refresh_language (self);
}

/* The alt text, the preview and what can be done, for the language chosen:
 * its dataset read first, when it has not been. */
static void
refresh_language (AtlasExportDialog *self)
{
  guint language = chosen_language (self);
  AtlasDataset *dataset = chosen_dataset (self);

  if (dataset == NULL && self->language_error[language] == NULL)
    {
      GFile *file = atlas_dataset_get_file (self->dataset);
      ReadJob *job = g_new0 (ReadJob, 1);
      /* The dialog is the callback's, not the task's: a task's source
       * object can be released last in the worker thread, and a widget
       * must be finalized on the main one. */
      g_autoptr (GTask) task =
          g_task_new (NULL, self->language_cancellable, on_read, g_object_ref (self));

      job->file = file ? g_object_ref (file) : NULL;
      job->language = language;
      /* The same dataset, read once more in that language; marked so
       * that choosing again while it is read does not read it twice. */
      self->language_error[language] = g_error_new_literal (
          G_IO_ERROR, G_IO_ERROR_PENDING, _ ("Reading the dataset in this language…"));
      g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
      g_task_run_in_thread (task, read_thread);
    }

  gtk_widget_set_sensitive (self->export_button, dataset != NULL);
  gtk_widget_set_sensitive (self->other_group, dataset != NULL);
  if (dataset != NULL && atlas_language_begin (language_code (language), NULL))
    {
      g_free (self->alt_text);
      self->alt_text = atlas_figure_dup_alt_text (dataset, self->figure_id);
      atlas_language_end ();
      gtk_label_set_label (self->alt_text_label, self->alt_text);
      gtk_picture_set_alternative_text (self->preview, self->alt_text);
    }
  on_options_changed (self);
}

static void
on_language_changed (AtlasExportDialog *self)
{
  /* Before the dialog has its dataset, there is nothing to read. */
  if (self->dataset != NULL)
    refresh_language (self);
}

static void
finish (AtlasExportDialog *self,
        const char *message)
{
  g_signal_emit (self, signals[DONE], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

typedef struct
{
  AtlasDataset *dataset;
  char *figure_id;
  GFile *file;
  AtlasStyle *style;
  AtlasExportOptions options;
  guint language;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->dataset);
  g_free (job->figure_id);
  g_clear_object (&job->file);
  g_clear_pointer (&job->style, atlas_style_free);
  g_free (job);
}

static void
export_thread (GTask *task,
               gpointer source_object,
               gpointer task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  gboolean done;

  if (!atlas_language_begin (language_code (job->language), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  done = atlas_figure_export (job->dataset, job->figure_id, job->file, &job->options, cancellable,
                              &error);
  atlas_language_end ();
  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_exported (GObject *source,
             GAsyncResult *result,
             gpointer user_data)
{
  g_autoptr (AtlasExportDialog) self = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        atlas_show_error (GTK_WINDOW (self), _ ("Could Not Export"), error->message);
      return;
    }

  {
    g_autofree char *name = g_file_get_basename (job->file);
    /* Translators: %s is a file name */
    g_autofree char *message = g_strdup_printf (_ ("Exported “%s”"), name);

    finish (self, message);
  }
}

/* TRUE, having said so, when @file is the dataset itself: an export must
 * never replace what it draws. */
static gboolean
refuse_dataset_file (AtlasExportDialog *self,
                     GFile *file)
{
  GFile *dataset_file = atlas_dataset_get_file (self->dataset);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (dataset_file == NULL || !atlas_file_is_same (file, dataset_file))
    return FALSE;
  name = g_file_get_parse_name (file);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_ ("%s is the dataset being exported. Choose another file."), name);
  atlas_show_error (GTK_WINDOW (self), _ ("Could Not Export"), message);
  return TRUE;
}

/* Writes the picture to @file, in a worker thread; a file name without the
 * format's extension gets it. */
void
atlas_export_dialog_export_to (AtlasExportDialog *self,
                               GFile *file)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *path = NULL;
  ExportJob *job;
  AtlasExportFormat named;
  gboolean dark;

  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (chosen_dataset (self) != NULL);

  job = g_new0 (ExportJob, 1);
  atlas_export_dialog_get_options (self, &job->options, &dark);
  job->style = atlas_style_new (dark, FALSE);
  job->options.style = job->style;
  job->dataset = g_object_ref (chosen_dataset (self));
  job->language = chosen_language (self);
  job->figure_id = g_strdup (self->figure_id);

  path = g_file_get_parse_name (file);
  if (atlas_export_format_for_path (path, &named) && named == job->options.format)
    job->file = g_object_ref (file);
  else
    {
      g_autofree char *with_extension =
          g_strconcat (path, ".", extensions[job->options.format], NULL);

      job->file = g_file_parse_name (with_extension);
    }

  if (refuse_dataset_file (self, job->file))
    {
      export_job_free (job);
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  /* The dialog is the callback's, released on the main thread. */
  task = g_task_new (NULL, self->cancellable, on_exported, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_export_file_chosen (GFile *file,
                       gpointer user_data)
{
  if (file != NULL)
    atlas_export_dialog_export_to (user_data, file);
}

static GtkFileFilter *
filter_for (const char *name,
            const char *mime_type,
            const char *suffix)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  return filter;
}

static void
on_export_clicked (AtlasExportDialog *self)
{
  guint format = MIN (adw_combo_row_get_selected (self->format_row), 2);
  static const char *mime_types[] = { "image/png", "image/svg+xml", "application/pdf" };
  const char *names[] = { _ ("PNG Image"), _ ("SVG Image"), _ ("PDF Document") };
  g_autoptr (GtkFileFilter) filter =
      filter_for (names[format], mime_types[format], extensions[format]);
  g_autofree char *name = g_strdup_printf ("%s.%s", self->figure_id, extensions[format]);

  atlas_choose_file (GTK_WINDOW (self), TRUE, _ ("Export"), _ ("_Export"), name, &filter, 1,
                     on_export_file_chosen, g_object_ref (self), g_object_unref);
}

/* Puts the picture on the clipboard, as an image. */
gboolean
atlas_export_dialog_copy (AtlasExportDialog *self,
                          GError **error)
{
  g_autoptr (AtlasStyle) style = NULL;
  g_autoptr (GBytes) png = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  AtlasExportOptions options;
  gboolean dark;

  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (chosen_dataset (self) != NULL, FALSE);

  atlas_export_dialog_get_options (self, &options, &dark);
  style = atlas_style_new (dark, FALSE);
  options.style = style;
  options.format = ATLAS_EXPORT_PNG;

  if (!atlas_language_begin (language_code (chosen_language (self)), error))
    return FALSE;
  png = atlas_figure_to_png_bytes (chosen_dataset (self), self->figure_id, &options, error);
  atlas_language_end ();
  if (png == NULL)
    return FALSE;
  texture = gdk_texture_new_from_bytes (png, error);
  if (texture == NULL)
    return FALSE;
  /* The picture, and its alt text for what takes only text. */
  {
    g_autoptr (GdkContentProvider) image =
        gdk_content_provider_new_typed (GDK_TYPE_TEXTURE, texture);
    g_autoptr (GdkContentProvider) words =
        gdk_content_provider_new_typed (G_TYPE_STRING, self->alt_text);
    GdkContentProvider *both[2] = { g_steal_pointer (&image), g_steal_pointer (&words) };
    g_autoptr (GdkContentProvider) provider = gdk_content_provider_new_union (both, 2);

    gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
  }
  return TRUE;
}

static void
on_copy_activated (AtlasExportDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (!atlas_export_dialog_copy (self, &error))
    atlas_show_error (GTK_WINDOW (self), _ ("Could Not Copy"), error->message);
  else
    finish (self, _ ("Copied to the clipboard"));
}

/* Writes the figures behind the picture to @file, as CSV. */
void
atlas_export_dialog_export_csv_to (AtlasExportDialog *self,
                                   GFile *file)
{
  g_autofree char *csv = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (chosen_dataset (self) != NULL);

  /* The figures' labels and names in the language chosen; the values and
   * the source's words as they are. */
  if (atlas_language_begin (language_code (chosen_language (self)), &error))
    {
      csv = atlas_figure_dup_csv (chosen_dataset (self), self->figure_id);
      atlas_language_end ();
    }

  if (refuse_dataset_file (self, file))
    return;
  if (csv == NULL || !atlas_csv_write (file, csv, NULL, &error))
    {
      atlas_show_error (GTK_WINDOW (self), _ ("Could Not Export the Data"),
                        error ? error->message : "");
      return;
    }

  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *message = g_strdup_printf (_ ("Exported “%s”"), name);

    finish (self, message);
  }
}

static void
on_csv_file_chosen (GFile *file,
                    gpointer user_data)
{
  if (file != NULL)
    atlas_export_dialog_export_csv_to (user_data, file);
}

static void
on_csv_activated (AtlasExportDialog *self)
{
  g_autoptr (GtkFileFilter) filter = filter_for (_ ("CSV Spreadsheet"), "text/csv", "csv");
  g_autofree char *name = g_strdup_printf ("%s.csv", self->figure_id);

  atlas_choose_file (GTK_WINDOW (self), TRUE, _ ("Export Data as CSV"), _ ("_Export"), name,
                     &filter, 1, on_csv_file_chosen, g_object_ref (self), g_object_unref);
}

/* Copies the alt text, and says so on the button: the dialog stays, for the
 * export the alt text goes with. */
static void
on_copy_alt_text_clicked (AtlasExportDialog *self,
                          GtkButton *button)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->alt_text);
  gtk_button_set_label (button, _ ("Copied"));
}

static void
atlas_export_dialog_dispose (GObject *object)
{
  AtlasExportDialog *self = ATLAS_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_cancellable_cancel (self->language_cancellable);
  g_clear_object (&self->language_cancellable);
  for (guint i = 0; i < N_LANGUAGES; i++)
    {
      g_clear_object (&self->in_language[i]);
      g_clear_error (&self->language_error[i]);
    }
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->figure_id, g_free);
  g_clear_pointer (&self->alt_text, g_free);

  G_OBJECT_CLASS (atlas_export_dialog_parent_class)->dispose (object);
}

static void
atlas_export_dialog_class_init (AtlasExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_export_dialog_dispose;

  /**
   * AtlasExportDialog::done:
   * @message: what was done, for a toast
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/atlas-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, other_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, transparent_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, transparent_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_options_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_language_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_csv_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_alt_text_clicked);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, alt_text_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, preview);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atlas_export_dialog_init (AtlasExportDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->language_cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  on_options_changed (self);
}

/* A dialog to export figure @figure_id ("timeline", or a chart) of @dataset. */
AtlasExportDialog *
atlas_export_dialog_new (GtkWindow *parent,
                         AtlasDataset *dataset,
                         const char *figure_id)
{
  AtlasExportDialog *self;
  int width, height;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (atlas_figure_get_title (dataset, figure_id) != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->dataset = g_object_ref (dataset);
  self->figure_id = g_strdup (figure_id);
  /* The window's dataset is in the window's language: the language the
   * picture is in to start with. */
  {
    guint language = atlas_reads_chinese () ? LANGUAGE_ZH_CN : LANGUAGE_EN;

    self->in_language[language] = g_object_ref (dataset);
    adw_combo_row_set_selected (self->language_row, language);
    refresh_language (self);
  }
  adw_window_title_set_subtitle (self->window_title, atlas_figure_get_title (dataset, figure_id));

  /* Start from the figure's own size, and the colours the app shows. */
  atlas_figure_get_default_size (figure_id, &width, &height);
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (presets[i].width == width && presets[i].height == height)
      adw_combo_row_set_selected (self->size_row, i);
  adw_combo_row_set_selected (self->theme_row,
                              adw_style_manager_get_dark (adw_style_manager_get_default ()));
  on_options_changed (self);
  return self;
}
