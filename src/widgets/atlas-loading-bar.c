/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-loading-bar"

#include "config.h"

/* Loading a dataset file, and the bar that says so while it lasts, with a
 * button that stops it (loading.cancel).
 *
 * A worker thread reads and checks the file, then measures the timeline's
 * labels in the style given and sets its events in a layout: the steps that
 * grow with the file, all away from the main loop. The result comes back as
 * "loaded" (the dataset, that layout, and the style its labels were
 * measured in, for atlas_timeline_set_dataset_measured()), "failed"
 * (the error, which names
 * the file and the place), or nothing when stopped: "cancelled" is emitted
 * for a stop asked for, not for one load replaced by the next.
 *
 * A load asked for before the window is on screen (--data) starts once it
 * has painted its first frame: on two cores, the thread beside the start-up
 * slowed the first frame by a quarter. */

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "atlas-loader.h"
#include "atlas-loading-bar.h"
#include "atlas-timeline-layout.h"

struct _AtlasLoadingBar
{
  AdwBin parent_instance;

  GCancellable *loading;
  GTask *waiting;        /* a load to start once the window is painted */
  GdkFrameClock *clock;  /* whose after-paint starts it */
  gulong after_paint;

  GtkRevealer *revealer;
  GtkSpinner *spinner;
  GtkLabel *label;
};

G_DEFINE_FINAL_TYPE (AtlasLoadingBar,
                     atlas_loading_bar,
                     ADW_TYPE_BIN)

enum
{
  LOADED,
  FAILED,
  CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  GFile *file;
  AtlasStyle *style; /* its font, resolution and font options */
  AtlasDataset *dataset;
  AtlasTimelineLayout *layout;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->style, atlas_style_free);
  g_clear_object (&data->dataset);
  g_clear_pointer (&data->layout, atlas_timeline_layout_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData,
                               load_data_free)

static void load_in_thread (GTask *task,
                            gpointer source,
                            gpointer task_data,
                            GCancellable *cancellable);

static void
stop_waiting_for_paint (AtlasLoadingBar *self)
{
  if (self->clock != NULL)
    g_clear_signal_handler (&self->after_paint, self->clock);
  g_clear_object (&self->clock);
}

/* Runs the load that waited for the first frame, if any: at that frame,
 * or at once when it is replaced or stopped (it then ends as cancelled). */
static void
start_waiting (AtlasLoadingBar *self)
{
  g_autoptr (GTask) task = g_steal_pointer (&self->waiting);

  stop_waiting_for_paint (self);
  if (task != NULL)
    g_task_run_in_thread (task, load_in_thread);
}

static void
wait_for_paint (AtlasLoadingBar *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->waiting == NULL || self->clock != NULL || clock == NULL)
    return;
  self->clock = g_object_ref (clock);
  self->after_paint =
      g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (start_waiting), self);
}

/* Closed: hidden, so that nothing measures it until the next load. */
static void
on_child_revealed (AtlasLoadingBar *self)
{
  if (!gtk_revealer_get_reveal_child (self->revealer) &&
      !gtk_revealer_get_child_revealed (self->revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->revealer), FALSE);
}

static void
end_loading (AtlasLoadingBar *self)
{
  g_clear_object (&self->loading);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  /* Not open yet, it closes at once: no notify::child-revealed follows. */
  on_child_revealed (self);
  gtk_spinner_stop (self->spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "loading.cancel", FALSE);
}

/* In a worker thread: reads and checks the file, then measures the
 * timeline's labels and sets its events. */
static void
load_in_thread (GTask *task,
                gpointer source,
                gpointer task_data,
                GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr (LoadData) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) dataset = NULL;
  PangoContext *context;

  dataset = atlas_dataset_load_file (data->file, cancellable, &error);
  if (dataset == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  /* The default font map is per thread, so this one is the thread's own. */
  context = atlas_style_create_context (data->style);

  result = g_new0 (LoadData, 1);
  result->style = atlas_style_copy (data->style);
  result->layout = atlas_timeline_layout_new ();
  atlas_timeline_layout_set_events (result->layout, atlas_dataset_get_events (dataset), context,
                                    data->style->font);
  g_object_unref (context);
  result->dataset = g_steal_pointer (&dataset);
  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) load_data_free);
}

static void
on_loaded (GObject *source,
           GAsyncResult *result,
           gpointer user_data)
{
  g_autoptr (AtlasLoadingBar) self = user_data;
  g_autoptr (LoadData) data = NULL;
  g_autoptr (GError) error = NULL;

  data = g_task_propagate_pointer (G_TASK (result), &error);
  /* Cancelled: by the person (who was told), or by a newer load. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end_loading (self);

  if (data == NULL)
    g_signal_emit (self, signals[FAILED], 0, error);
  else
    g_signal_emit (self, signals[LOADED], 0, data->dataset, data->layout, data->style);
}

/* Loads @file off the main thread, measuring the timeline's labels in
 * @measure's font, at its resolution and with its font options; a load
 * still running is stopped first. */
void
atlas_loading_bar_load (AtlasLoadingBar *self,
                        GFile *file,
                        const AtlasStyle *measure)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  LoadData *data;

  g_return_if_fail (ATLAS_IS_LOADING_BAR (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (measure != NULL && measure->font != NULL);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  start_waiting (self);
  end_loading (self);

  name = g_file_get_basename (file);
  /* Translators: shown while a dataset file loads; %s is its name */
  title = g_strdup_printf (_ ("Loading “%s”…"), name);
  gtk_label_set_label (self->label, title);
  gtk_spinner_start (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->revealer), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);

  self->loading = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "loading.cancel", TRUE);

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->style = atlas_style_copy (measure);
  /* The bar is the callback's, not the task's: a task's source object can
   * be released last in the worker thread, and a widget must be finalized
   * on the main one. */
  task = g_task_new (NULL, self->loading, on_loaded, g_object_ref (self));
  g_task_set_source_tag (task, atlas_loading_bar_load);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    g_task_run_in_thread (task, load_in_thread);
  else
    self->waiting = g_steal_pointer (&task);
}

/* Stops the load in progress, if any; the dataset shown stays. */
void
atlas_loading_bar_cancel (AtlasLoadingBar *self)
{
  g_return_if_fail (ATLAS_IS_LOADING_BAR (self));

  if (self->loading == NULL)
    return;
  g_cancellable_cancel (self->loading);
  start_waiting (self);
  end_loading (self);
  g_signal_emit (self, signals[CANCELLED], 0);
}

gboolean
atlas_loading_bar_is_loading (AtlasLoadingBar *self)
{
  g_return_val_if_fail (ATLAS_IS_LOADING_BAR (self), FALSE);
  return self->loading != NULL;
}

static void
cancel_action (GtkWidget *widget,
               const char *action_name,
               GVariant *parameter)
{
  atlas_loading_bar_cancel (ATLAS_LOADING_BAR (widget));
}

static void
atlas_loading_bar_dispose (GObject *object)
{
  AtlasLoadingBar *self = ATLAS_LOADING_BAR (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  start_waiting (self);
  g_clear_object (&self->loading);

  G_OBJECT_CLASS (atlas_loading_bar_parent_class)->dispose (object);
}

static void
atlas_loading_bar_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (atlas_loading_bar_parent_class)->map (widget);
  wait_for_paint (ATLAS_LOADING_BAR (widget));
}

static void
atlas_loading_bar_unmap (GtkWidget *widget)
{
  /* Another frame clock may paint it when it is mapped again. */
  stop_waiting_for_paint (ATLAS_LOADING_BAR (widget));
  GTK_WIDGET_CLASS (atlas_loading_bar_parent_class)->unmap (widget);
}

static void
atlas_loading_bar_class_init (AtlasLoadingBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_loading_bar_dispose;
  widget_class->map = atlas_loading_bar_map;
  widget_class->unmap = atlas_loading_bar_unmap;

  /**
   * AtlasLoadingBar::loaded:
   * @dataset: the dataset read
   * @layout: (type gpointer): an AtlasTimelineLayout with its events set,
   *   the labels measured; the handler may take them
   *   (atlas_timeline_layout_take_events())
   * @style: (type gpointer): the AtlasStyle they were measured in: its
   *   font, resolution and font options
   */
  signals[LOADED] =
      g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 3, ATLAS_TYPE_DATASET, G_TYPE_POINTER, G_TYPE_POINTER);
  /**
   * AtlasLoadingBar::failed:
   * @error: why, naming the file and the place in it
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  /**
   * AtlasLoadingBar::cancelled:
   *
   * The person stopped the load.
   */
  signals[CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "loading.cancel", NULL, cancel_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/atlas-loading-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasLoadingBar, revealer);
  gtk_widget_class_bind_template_callback (widget_class, on_child_revealed);
  gtk_widget_class_bind_template_child (widget_class, AtlasLoadingBar, spinner);
  gtk_widget_class_bind_template_child (widget_class, AtlasLoadingBar, label);
}

static void
atlas_loading_bar_init (AtlasLoadingBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "loading.cancel", FALSE);
}
