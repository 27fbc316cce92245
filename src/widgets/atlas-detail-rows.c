/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-detail-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-detail-rows.h"
#include "atlas-format.h"

GtkWidget *
atlas_detail_row_new (const char *title,
                      const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Dataset text is plain text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  return row;
}

/* A row that goes somewhere when activated: the caller connects "activated". */
GtkWidget *
atlas_detail_link_row_new (const char *title,
                           const char *subtitle)
{
  GtkWidget *row = atlas_detail_row_new (title, subtitle);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

GtkWidget *
atlas_detail_group_new (GtkBox *box,
                        const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (box, group);
  return group;
}

void
atlas_detail_clear (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* "“In September, it had 236 million …” — Caixin" */
char *
atlas_detail_cite (AtlasDataset *dataset,
                   const char *sentence,
                   const char *source_id)
{
  AtlasSource *source = atlas_dataset_lookup_source (dataset, source_id);

  if (source == NULL)
    return g_strdup_printf ("“%s”", sentence);
  return g_strdup_printf ("“%s” — %s", sentence, atlas_source_get_publication (source));
}

/* "Monthly active users: 236 million people" */
char *
atlas_detail_figure_title (AtlasPoint *point)
{
  g_autoptr (AtlasSeries) series = atlas_point_dup_series (point);
  g_autofree char *value = atlas_format_point (point);

  /* Translators: a figure and what it measures, e.g. "Monthly active users: 236 million people" */
  return g_strdup_printf (_ ("%s: %s"), series ? atlas_series_get_label (series) : "", value);
}

/* When, its status, the sentence, and any note. */
char *
atlas_detail_figure_subtitle (AtlasDataset *dataset,
                              AtlasPoint *point)
{
  const AtlasFuzzyDate *date = atlas_point_get_date (point);
  g_autofree char *citation = atlas_detail_cite (dataset, atlas_point_get_sentence (point),
                                                 atlas_point_get_source_id (point));
  GString *subtitle = g_string_new (NULL);

  /* Translators: when a figure is from and its status, e.g. "September 2025 · Reported" */
  g_string_append_printf (subtitle, _ ("%s · %s"),
                          date ? atlas_fuzzy_date_get_text (date) : _ ("Date not stated"),
                          atlas_value_status_get_label (atlas_point_get_status (point)));
  g_string_append_printf (subtitle, "\n%s", citation);
  if (atlas_point_get_note (point) != NULL)
    /* Translators: an editor's note on a figure */
    g_string_append_printf (subtitle, _ ("\nNote: %s"), atlas_point_get_note (point));
  return g_string_free (subtitle, FALSE);
}
