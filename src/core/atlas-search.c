/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-search"

#include "config.h"

/* One search over everything a dataset holds: entities by their names in
 * either language and their aliases, events by title, text and the wording
 * of their date, figures by their series and their entity — and dates:
 * a query that reads as a date ("2024", "late 2025", "September 2025",
 * "2025年9月") also finds every event and figure whose interval overlaps
 * it.
 *
 * Every word of the query must be found, in any of the fields; case,
 * curly quotes and dashes do not count. The hits come grouped — entities,
 * then events in time order, then figures — each with the spans of its
 * title and subtitle that matched, for highlighting. */

#include "atlas-i18n.h"
#include <string.h>

#include "atlas-format.h"
#include "atlas-search.h"

void
atlas_search_hit_free (AtlasSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->id);
  g_free (hit->title);
  g_free (hit->subtitle);
  g_array_unref (hit->title_spans);
  g_array_unref (hit->subtitle_spans);
  g_free (hit);
}

/* Appends @text to @out folded for matching — casefolded, with curly
 * quotes and dashes made plain — and, if @map is not NULL, for each byte
 * appended the offset in @text it came from, then the length of @text. */
static void
fold_into (const char *text,
           GString *out,
           GArray *map)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize before = out->len;
      guint offset = (guint) (p - text);

      if (c == 0x2018 || c == 0x2019)
        g_string_append_c (out, '\'');
      else if (c == 0x201c || c == 0x201d)
        g_string_append_c (out, '"');
      else if (c == 0x2013 || c == 0x2014)
        g_string_append_c (out, '-');
      else
        {
          g_autofree char *folded = g_utf8_casefold (p, g_utf8_next_char (p) - p);

          g_string_append (out, folded);
        }
      if (map != NULL)
        for (gsize i = before; i < out->len; i++)
          g_array_append_val (map, offset);
    }
  if (map != NULL)
    {
      guint end = (guint) strlen (text);

      g_array_append_val (map, end);
    }
}

/* @text folded as matching sees it. */
char *
atlas_search_fold (const char *text)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  fold_into (text, out, NULL);
  return g_string_free (out, FALSE);
}

/* Reads @query as a date, in English as the dataset words its dates
 * ("2024", "late 2025", "September 2025") or in Chinese ("2025年",
 * "2025年9月", "2025年9月28日"): the interval it covers. */
gboolean
atlas_search_parse_date (const char *query,
                         guint32 *first_day,
                         guint32 *last_day)
{
  g_autoptr (GRegex) chinese = NULL;
  g_autoptr (GMatchInfo) match = NULL;
  g_autoptr (AtlasFuzzyDate) date = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (query));

  if (*stripped == '\0' || (!g_ascii_isdigit (*stripped) && !g_ascii_isalpha (*stripped)))
    return FALSE;

  chinese = g_regex_new ("^(\\d{4})\\s*年\\s*(?:(\\d{1,2})\\s*月\\s*(?:(\\d{1,2})\\s*日)?)?$", 0, 0,
                         NULL);
  if (g_regex_match (chinese, stripped, 0, &match))
    {
      g_autofree char *year = g_match_info_fetch (match, 1);
      g_autofree char *month = g_match_info_fetch (match, 2);
      g_autofree char *day = g_match_info_fetch (match, 3);
      g_autofree char *iso = NULL;
      AtlasDatePrecision precision;

      if (month == NULL || *month == '\0')
        iso = g_strdup (year);
      else if (day == NULL || *day == '\0')
        iso = g_strdup_printf ("%s-%02d", year, atoi (month));
      else
        iso = g_strdup_printf ("%s-%02d-%02d", year, atoi (month), atoi (day));
      return atlas_fuzzy_date_parse_iso (iso, first_day, last_day, &precision, NULL);
    }

  date = atlas_fuzzy_date_parse (stripped, NULL);
  if (date == NULL)
    return FALSE;
  *first_day = atlas_fuzzy_date_get_start (date);
  *last_day = atlas_fuzzy_date_get_end (date);
  return TRUE;
}

typedef struct
{
  char **words;      /* the query's, folded */
  gboolean is_date;
  guint32 first_day;
  guint32 last_day;
} Query;

/* Adds to @spans every place in @text where a word of @query is. */
static gboolean
find_words (const Query *query,
            const char *text,
            GArray *spans,
            gboolean *found)
{
  g_autoptr (GString) folded = g_string_new (NULL);
  g_autoptr (GArray) map = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean any = FALSE;

  if (text == NULL)
    return FALSE;
  fold_into (text, folded, map);
  for (guint w = 0; query->words[w] != NULL; w++)
    {
      gsize length = strlen (query->words[w]);

      for (const char *at = strstr (folded->str, query->words[w]); at != NULL;
           at = strstr (at + length, query->words[w]))
        {
          gsize pos = (gsize) (at - folded->str);
          AtlasSearchSpan span = { g_array_index (map, guint, pos),
                                   g_array_index (map, guint, pos + length) };

          found[w] = TRUE;
          any = TRUE;
          if (spans != NULL)
            g_array_append_val (spans, span);
        }
    }
  return any;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const AtlasSearchSpan *x = a, *y = b;

  return x->start != y->start ? (x->start < y->start ? -1 : 1) : (int) y->end - (int) x->end;
}

/* @spans in order, those that overlap made one: a highlight is drawn once. */
static void
merge_spans (GArray *spans)
{
  guint n = 0;

  g_array_sort (spans, compare_spans);
  for (guint i = 0; i < spans->len; i++)
    {
      AtlasSearchSpan *span = &g_array_index (spans, AtlasSearchSpan, i);
      AtlasSearchSpan *last = n > 0 ? &g_array_index (spans, AtlasSearchSpan, n - 1) : NULL;

      if (last != NULL && span->start <= last->end)
        last->end = MAX (last->end, span->end);
      else
        g_array_index (spans, AtlasSearchSpan, n++) = *span;
    }
  g_array_set_size (spans, n);
}

static gboolean
all_found (const Query *query,
           const gboolean *found)
{
  for (guint w = 0; query->words[w] != NULL; w++)
    if (!found[w])
      return FALSE;
  return TRUE;
}

static gboolean
date_overlaps (const Query *query,
               const AtlasFuzzyDate *date)
{
  return query->is_date && date != NULL && atlas_fuzzy_date_get_start (date) <= query->last_day &&
         atlas_fuzzy_date_get_end (date) >= query->first_day;
}

static AtlasSearchHit *
hit_new (AtlasSearchKind kind,
         const char *id,
         const char *title,
         const char *subtitle)
{
  AtlasSearchHit *hit = g_new0 (AtlasSearchHit, 1);

  hit->kind = kind;
  hit->id = g_strdup (id);
  hit->title = g_strdup (title);
  hit->subtitle = g_strdup (subtitle);
  hit->title_spans = g_array_new (FALSE, FALSE, sizeof (AtlasSearchSpan));
  hit->subtitle_spans = g_array_new (FALSE, FALSE, sizeof (AtlasSearchSpan));
  return hit;
}

/* Keeps @hit in @hits if every word of @query is in its title, its
 * subtitle or one of @more (NULL-terminated), or its @date overlaps the
 * date the query is; frees it if not. */
static void
keep_if_found (GPtrArray *hits,
               AtlasSearchHit *hit,
               const Query *query,
               const AtlasFuzzyDate *date,
               const char *const *more)
{
  guint n_words = g_strv_length (query->words);
  g_autofree gboolean *found = g_new0 (gboolean, MAX (n_words, 1));

  find_words (query, hit->title, hit->title_spans, found);
  find_words (query, hit->subtitle, hit->subtitle_spans, found);
  for (guint i = 0; more != NULL && more[i] != NULL; i++)
    find_words (query, more[i], NULL, found);

  if (date_overlaps (query, date))
    {
      /* The whole date, as written, is what matched. */
      const char *text = atlas_fuzzy_date_get_text (date);
      const char *in = text != NULL && hit->subtitle ? strstr (hit->subtitle, text) : NULL;

      if (in != NULL)
        {
          AtlasSearchSpan span = { (guint) (in - hit->subtitle),
                                   (guint) (in - hit->subtitle + strlen (text)) };

          g_array_set_size (hit->subtitle_spans, 0);
          g_array_append_val (hit->subtitle_spans, span);
        }
      g_ptr_array_add (hits, hit);
      return;
    }
  if (n_words > 0 && all_found (query, found))
    {
      merge_spans (hit->title_spans);
      merge_spans (hit->subtitle_spans);
      g_ptr_array_add (hits, hit);
    }
  else
    atlas_search_hit_free (hit);
}

static void
search_entities (AtlasDataset *dataset,
                 const Query *query,
                 GPtrArray *hits)
{
  GListModel *entities = atlas_dataset_get_entities (dataset);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr (AtlasEntity) entity = g_list_model_get_item (entities, i);
      AtlasSearchHit *hit =
          hit_new (ATLAS_SEARCH_ENTITY, atlas_entity_get_id (entity),
                   atlas_entity_get_display_name (entity), atlas_entity_get_other_name (entity));

      keep_if_found (hits, hit, query, NULL, atlas_entity_get_aliases (entity));
    }
}

static void
search_events (AtlasDataset *dataset,
               const Query *query,
               GPtrArray *hits)
{
  GListModel *events = atlas_dataset_get_events (dataset);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr (AtlasEvent) event = g_list_model_get_item (events, i);
      const AtlasFuzzyDate *date = atlas_event_get_date (event);
      g_autofree char *shown = date ? atlas_fuzzy_date_dup_display (date) : NULL;
      /* The source's wording of the date finds the event too. */
      const char *more[] = { atlas_event_get_text (event),
                             date ? atlas_fuzzy_date_get_text (date) : NULL, NULL };
      AtlasSearchHit *hit = hit_new (ATLAS_SEARCH_EVENT, atlas_event_get_id (event),
                                     atlas_event_get_title (event), shown);

      keep_if_found (hits, hit, query, date, more);
    }
}

static void
search_figures (AtlasDataset *dataset,
                const Query *query,
                GPtrArray *hits)
{
  GListModel *all_series = atlas_dataset_get_series (dataset);

  for (guint s = 0; s < g_list_model_get_n_items (all_series); s++)
    {
      g_autoptr (AtlasSeries) series = g_list_model_get_item (all_series, s);
      GListModel *points = atlas_series_get_points (series);

      for (guint i = 0; i < g_list_model_get_n_items (points); i++)
        {
          g_autoptr (AtlasPoint) point = g_list_model_get_item (points, i);
          AtlasEntity *entity =
              atlas_dataset_lookup_entity (dataset, atlas_point_get_entity_id (point));
          const AtlasFuzzyDate *date = atlas_point_get_date (point);
          g_autofree char *id = atlas_point_dup_id (point);
          g_autofree char *value = atlas_format_point (point);
          /* Translators: a figure found by a search: the entity, then what
           * is measured, "Red Fruit: Monthly active users" */
          g_autofree char *title = g_strdup_printf (_ ("%s: %s"),
                                                    entity ? atlas_entity_get_display_name (entity)
                                                           : atlas_point_get_entity_id (point),
                                                    atlas_series_get_label (series));
          g_autofree char *shown = date ? atlas_fuzzy_date_dup_display (date) : NULL;
          /* Translators: a figure found by a search: its value, then its
           * date, "236 million · September 2025" */
          g_autofree char *subtitle =
              g_strdup_printf (_ ("%s · %s"), value, shown ? shown : _ ("Date not stated"));
          g_autoptr (GPtrArray) more = g_ptr_array_new ();

          /* The entity's other names find its figures too. */
          if (entity != NULL)
            {
              const char *const *aliases = atlas_entity_get_aliases (entity);

              g_ptr_array_add (more, (gpointer) atlas_entity_get_name_zh (entity));
              for (guint a = 0; aliases != NULL && aliases[a] != NULL; a++)
                g_ptr_array_add (more, (gpointer) aliases[a]);
            }
          g_ptr_array_remove (more, NULL);
          g_ptr_array_add (more, NULL);
          keep_if_found (hits, hit_new (ATLAS_SEARCH_FIGURE, id, title, subtitle), query, date,
                         (const char *const *) more->pdata);
        }
    }
}

/* Returns: (transfer full) (element-type AtlasSearchHit): what @dataset
 * holds that @query finds, grouped: entities, events, figures. */
GPtrArray *
atlas_search (AtlasDataset *dataset,
              const char *query)
{
  GPtrArray *hits = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_search_hit_free);
  g_autofree char *folded = NULL;
  Query q = { 0 };

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), hits);

  if (query == NULL)
    return hits;
  folded = atlas_search_fold (query);
  q.words = g_strsplit_set (g_strstrip (folded), " \t\n", -1);
  /* Empty words from doubled spaces match everywhere: drop them. */
  {
    guint n = 0;

    for (guint i = 0; q.words[i] != NULL; i++)
      if (*q.words[i] != '\0')
        q.words[n++] = q.words[i];
      else
        g_free (q.words[i]);
    q.words[n] = NULL;
    if (n == 0)
      {
        g_strfreev (q.words);
        return hits;
      }
  }
  q.is_date = atlas_search_parse_date (query, &q.first_day, &q.last_day);

  search_entities (dataset, &q, hits);
  search_events (dataset, &q, hits);
  search_figures (dataset, &q, hits);
  g_strfreev (q.words);
  return hits;
}
