/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-detail-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-detail-rows.h"
#include "atlas-format.h"
#include "atlas-tooltip.h"
#include "atlas-widget-style.h"

GtkWidget *
atlas_detail_row_new (const char *title,
                      const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  /* Dataset text, escaped, each run with its language. */
  g_autofree char *title_markup = atlas_widget_text_markup (row, title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    {
      g_autofree char *subtitle_markup = atlas_widget_text_markup (row, subtitle);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  return row;
}

/* A row that selects something when activated: @action_name ("win.select-
 * entity", …) with @target as its string parameter. */
GtkWidget *
atlas_detail_link_row_new (const char *title,
                           const char *subtitle,
                           const char *action_name,
                           const char *target)
{
  GtkWidget *row = atlas_detail_row_new (title, subtitle);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

/* A button that copies the citation of @target ("figure:ID", "event:ID"). */
GtkWidget *
atlas_detail_copy_citation_button_new (const char *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  atlas_widget_set_tooltip_text (button, _ ("Copy Citation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Copy Citation"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.copy-citation");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  return button;
}

/* A figure's row: its value and measure, when, its status and source;
 * activating it selects the figure. */
GtkWidget *
atlas_detail_figure_row_new (AtlasDataset *dataset,
                             AtlasPoint *point)
{
  g_autofree char *title = atlas_detail_figure_title (point);
  g_autofree char *subtitle = atlas_detail_figure_subtitle (dataset, point);
  g_autofree char *id = atlas_point_dup_id (point);
  GtkWidget *row = atlas_detail_link_row_new (title, subtitle, "win.select-figure", id);
  g_autofree char *target = g_strconcat ("figure:", id, NULL);

  gtk_widget_add_css_class (row, "figure-row");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), atlas_detail_copy_citation_button_new (target));
  return row;
}

/* Scrolls the scrolled window that holds @row so that all of the row is in
 * view, once the row has its size: tick callbacks run before the layout of
 * their frame, so a row made just now waits for the frame after. */
static gboolean
scroll_when_laid_out (GtkWidget *row,
                      GdkFrameClock *clock,
                      gpointer user_data)
{
  guint *ticks = user_data;
  GtkWidget *scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value, page;

  if (gtk_widget_get_height (row) == 0 && ++*ticks < 10)
    return G_SOURCE_CONTINUE;
  if (scroller == NULL ||
      (content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))) == NULL)
    return G_SOURCE_REMOVE;
  /* The viewport's own coordinates move with the scrolling; its child's do not. */
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (content == NULL || !gtk_widget_compute_bounds (row, content, &bounds))
    return G_SOURCE_REMOVE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y < value || bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (adjustment,
                              bounds.origin.y - MAX (12, (page - bounds.size.height) / 3));
  return G_SOURCE_REMOVE;
}

void
atlas_detail_scroll_to (GtkWidget *row)
{
  gtk_widget_add_tick_callback (row, scroll_when_laid_out, g_new0 (guint, 1), g_free);
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

/* A source's sentence, quoted as the source's own words: never shown as
 * if it were a translation of what it supports. */
char *
atlas_detail_quote (const char *sentence)
{
  /* Translators: a sentence quoted from the source, in its own language;
   * Chinese "原文：“%s”" */
  return g_strdup_printf (_ ("“%s”"), sentence);
}

/* "“In September, it had 236 million …” — Caixin" */
char *
atlas_detail_cite (AtlasDataset *dataset,
                   const char *sentence,
                   const char *source_id)
{
  AtlasSource *source = atlas_dataset_lookup_source (dataset, source_id);

  if (source == NULL)
    return atlas_detail_quote (sentence);
  /* Translators: a sentence quoted from the source, in its own language,
   * and the publication; Chinese "原文：“%s”——%s" */
  return g_strdup_printf (_ ("“%s” — %s"), sentence, atlas_source_get_publication (source));
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
  g_autofree char *shown = date ? atlas_fuzzy_date_dup_display (date) : NULL;

  /* Translators: when a figure is from and its status, e.g. "September 2025 · Reported" */
  g_string_append_printf (subtitle, _ ("%s · %s"), shown ? shown : _ ("Date not stated"),
                          atlas_value_status_get_label (atlas_point_get_status (point)));
  g_string_append_printf (subtitle, "\n%s", citation);
  if (atlas_point_get_note (point) != NULL)
    /* Translators: an editor's note on a figure */
    g_string_append_printf (subtitle, _ ("\nNote: %s"), atlas_point_get_note (point));
  return g_string_free (subtitle, FALSE);
}

/* A tooltip's content: @title in bold over @body, both wrapped at a
 * readable width (a tooltip's plain label ran off a 1280-pixel screen with
 * a long source sentence). Both are dataset text, each run in its
 * language: the Chinese names and sentences in Chinese glyphs in an
 * English interface. */
GtkWidget *
atlas_detail_tooltip_new (const char *title,
                          const char *body)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);

  atlas_label_set_text (GTK_LABEL (heading), title);
  atlas_label_set_text (GTK_LABEL (text), body);
  for (GtkWidget *label = heading; label != NULL; label = label == heading ? text : NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 56);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_add_css_class (heading, "heading");
  return box;
}

void
atlas_detail_set_tooltip (GtkTooltip *tooltip,
                          const char *title,
                          const char *body)
{
  gtk_tooltip_set_custom (tooltip, atlas_detail_tooltip_new (title, body));
}
