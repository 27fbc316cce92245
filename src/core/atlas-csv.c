/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-csv"

#include "config.h"

/* The data behind a chart or the timeline as CSV (RFC 4180: commas, CRLF,
 * fields quoted when they need it), one row a figure or an event, with the
 * source sentence, for spreadsheets. */

#include <string.h>

#include "atlas-atomic-file.h"
#include "atlas-csv.h"

static void
append_field (GString *csv,
              const char *value,
              gboolean last)
{
  if (value == NULL)
    value = "";

  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (csv, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (csv, '"');
          g_string_append_c (csv, *p);
        }
      g_string_append_c (csv, '"');
    }
  else
    g_string_append (csv, value);

  g_string_append (csv, last ? "\r\n" : ",");
}

static void
append_row (GString *csv,
            const char *const *fields,
            guint n)
{
  for (guint i = 0; i < n; i++)
    append_field (csv, fields[i], i + 1 == n);
}

static void
date_fields (const AtlasFuzzyDate *date,
             char **start,
             char **end)
{
  *start = date ? atlas_date_format_day (atlas_fuzzy_date_get_start (date)) : NULL;
  *end = date ? atlas_date_format_day (atlas_fuzzy_date_get_end (date)) : NULL;
}

/* Returns: the figures of chart @chart_id, or NULL if there is no such chart */
char *
atlas_csv_for_chart (AtlasDataset *dataset,
                     const char *chart_id)
{
  static const char *const header[] = {
    "chart",      "series",   "measure", "unit",      "per",    "entity_id", "entity", "date",
    "date_start", "date_end", "value",   "qualifier", "status", "sentence",  "source", "note",
  };
  GListModel *series_model;
  GString *csv;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  if (atlas_dataset_lookup_chart (dataset, chart_id) == NULL)
    return NULL;

  csv = g_string_new (NULL);
  append_row (csv, header, G_N_ELEMENTS (header));

  series_model = atlas_dataset_get_series (dataset);
  for (guint s = 0; s < g_list_model_get_n_items (series_model); s++)
    {
      g_autoptr (AtlasSeries) series = g_list_model_get_item (series_model, s);
      GListModel *points = atlas_series_get_points (series);

      if (g_strcmp0 (atlas_series_get_chart_id (series), chart_id) != 0)
        continue;

      for (guint p = 0; p < g_list_model_get_n_items (points); p++)
        {
          g_autoptr (AtlasPoint) point = g_list_model_get_item (points, p);
          AtlasEntity *entity =
              atlas_dataset_lookup_entity (dataset, atlas_point_get_entity_id (point));
          const AtlasFuzzyDate *date = atlas_point_get_date (point);
          g_autofree char *start = NULL;
          g_autofree char *end = NULL;
          char value[G_ASCII_DTOSTR_BUF_SIZE];
          const char *fields[G_N_ELEMENTS (header)];

          date_fields (date, &start, &end);
          g_ascii_formatd (value, sizeof value, "%.15g", atlas_point_get_value (point));
          fields[0] = chart_id;
          fields[1] = atlas_series_get_id (series);
          fields[2] = atlas_series_get_label (series);
          fields[3] = atlas_unit_to_string (atlas_series_get_unit (series));
          fields[4] = atlas_per_to_string (atlas_series_get_per (series));
          fields[5] = atlas_point_get_entity_id (point);
          fields[6] = entity ? atlas_entity_get_display_name (entity) : NULL;
          fields[7] = date ? atlas_fuzzy_date_get_text (date) : NULL;
          fields[8] = start;
          fields[9] = end;
          fields[10] = value;
          fields[11] = atlas_value_qualifier_to_string (atlas_point_get_qualifier (point));
          fields[12] = atlas_value_status_to_string (atlas_point_get_status (point));
          fields[13] = atlas_point_get_sentence (point);
          fields[14] = atlas_point_get_source_id (point);
          fields[15] = atlas_point_get_note (point);
          append_row (csv, fields, G_N_ELEMENTS (fields));
        }
    }

  return g_string_free (csv, FALSE);
}

/* Returns: every event, in date order */
char *
atlas_csv_for_events (AtlasDataset *dataset)
{
  static const char *const header[] = {
    "id",   "date",     "date_start", "date_end", "category", "title",
    "text", "entities", "sentence",   "source",   "note",
  };
  GListModel *events;
  GString *csv;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  csv = g_string_new (NULL);
  append_row (csv, header, G_N_ELEMENTS (header));

  events = atlas_dataset_get_events (dataset);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr (AtlasEvent) event = g_list_model_get_item (events, i);
      const AtlasFuzzyDate *date = atlas_event_get_date (event);
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      g_autofree char *entities = g_strjoinv (";", (char **) atlas_event_get_entity_ids (event));
      const char *fields[G_N_ELEMENTS (header)];

      date_fields (date, &start, &end);
      fields[0] = atlas_event_get_id (event);
      fields[1] = atlas_fuzzy_date_get_text (date);
      fields[2] = start;
      fields[3] = end;
      fields[4] = atlas_event_category_to_string (atlas_event_get_category (event));
      fields[5] = atlas_event_get_title (event);
      fields[6] = atlas_event_get_text (event);
      fields[7] = entities;
      fields[8] = atlas_event_get_sentence (event);
      fields[9] = atlas_event_get_source_id (event);
      fields[10] = atlas_event_get_note (event);
      append_row (csv, fields, G_N_ELEMENTS (fields));
    }

  return g_string_free (csv, FALSE);
}

static gboolean
write_text (GOutputStream *stream,
            gpointer data,
            GCancellable *cancellable,
            GError **error)
{
  const char *text = data;

  return g_output_stream_write_all (stream, text, strlen (text), NULL, cancellable, error);
}

gboolean
atlas_csv_write (GFile *file,
                 const char *csv,
                 GCancellable *cancellable,
                 GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (csv != NULL, FALSE);

  return atlas_file_replace_atomically (file, write_text, (gpointer) csv, cancellable, error);
}
