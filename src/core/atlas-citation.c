/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-citation"

#include "config.h"

/* What "Copy Citation" puts on the clipboard: the figure or the event as
 * the dataset has it (for a figure, its qualifier, status and date), the
 * source's own sentence, and the source as precisely as it is known —
 * publication, title, date, and the address when there is one. Plain text,
 * to paste into a report or a newsroom's system. */

#include "atlas-i18n.h"

#include "atlas-citation.h"
#include "atlas-format.h"

/* "Source: Caixin, “Cover Story: …”, late 2025, https://…" */
static void
append_source (GString *text,
               AtlasDataset *dataset,
               const char *source_id)
{
  AtlasSource *source = atlas_dataset_lookup_source (dataset, source_id);
  g_autofree char *credit = NULL;

  if (source == NULL)
    return;
  credit = atlas_source_dup_credit (source);
  /* Translators: the last line of a citation; %s names the source */
  g_string_append_printf (text, _ ("\nSource: %s"), credit);
}

/* "Red Fruit — Monthly active users: 236 million people (reported,
 * September 2025)", the sentence in quotes, and the source. */
char *
atlas_citation_for_point (AtlasDataset *dataset,
                          AtlasPoint *point)
{
  g_autoptr (AtlasSeries) series = NULL;
  g_autofree char *value = NULL;
  g_autofree char *status = NULL;
  g_autofree char *display_date = NULL;
  AtlasEntity *entity;
  const AtlasFuzzyDate *date;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (ATLAS_IS_POINT (point), NULL);

  series = atlas_point_dup_series (point);
  entity = atlas_dataset_lookup_entity (dataset, atlas_point_get_entity_id (point));
  value = atlas_format_point (point);
  status = g_utf8_strdown (atlas_value_status_get_label (atlas_point_get_status (point)), -1);
  date = atlas_point_get_date (point);
  /* Translators: a figure in a citation: whose, what it measures, the
   * figure, its status and its date, e.g. "Red Fruit — Monthly active users:
   * 236 million people (reported, September 2025)" */
  display_date = date ? atlas_fuzzy_date_dup_display (date) : NULL;
  g_string_append_printf (text, _ ("%s — %s: %s (%s, %s)"),
                          entity ? atlas_entity_get_display_name (entity)
                                 : atlas_point_get_entity_id (point),
                          series ? atlas_series_get_label (series) : "", value, status,
                          date ? display_date : _ ("date not stated"));
  g_string_append_printf (text, "\n“%s”", atlas_point_get_sentence (point));
  append_source (text, dataset, atlas_point_get_source_id (point));
  return g_string_free (text, FALSE);
}

/* "Red Fruit suspended for five days (December 2024)", the sentence in
 * quotes, and the source. */
char *
atlas_citation_for_event (AtlasDataset *dataset,
                          AtlasEvent *event)
{
  GString *text;
  g_autofree char *date = NULL;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (ATLAS_IS_EVENT (event), NULL);

  text = g_string_new (NULL);
  date = atlas_fuzzy_date_dup_display (atlas_event_get_date (event));
  /* Translators: an event in a citation: its title and its date */
  g_string_append_printf (text, _ ("%s (%s)"), atlas_event_get_title (event), date);
  g_string_append_printf (text, "\n“%s”", atlas_event_get_sentence (event));
  append_source (text, dataset, atlas_event_get_source_id (event));
  return g_string_free (text, FALSE);
}
