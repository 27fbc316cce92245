/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-search"

#include "config.h"

/* The search over everything, on the bundled dataset: which entities,
 * events and figures each query finds, by word or by date, and what of
 * them is highlighted. */

#include <string.h>

#include "atlas-loader.h"
#include "atlas-search.h"

static AtlasDataset *dataset;

static guint
count (GPtrArray *hits,
       AtlasSearchKind kind)
{
  guint n = 0;

  for (guint i = 0; i < hits->len; i++)
    n += ((AtlasSearchHit *) hits->pdata[i])->kind == kind;
  return n;
}

static AtlasSearchHit *
find (GPtrArray *hits,
      const char *id)
{
  for (guint i = 0; i < hits->len; i++)
    if (g_str_equal (((AtlasSearchHit *) hits->pdata[i])->id, id))
      return hits->pdata[i];
  return NULL;
}

/* The highlighted text of @hit's title, "|"-joined. */
static char *
highlighted (const char *text,
             GArray *spans)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      AtlasSearchSpan *span = &g_array_index (spans, AtlasSearchSpan, i);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_len (out, text + span->start, span->end - span->start);
    }
  return g_string_free (out, FALSE);
}

static void
test_words (void)
{
  g_autoptr (GPtrArray) suspended = atlas_search (dataset, "suspended");
  g_autoptr (GPtrArray) red = atlas_search (dataset, "红果");
  g_autoptr (GPtrArray) nrta = atlas_search (dataset, "广电总局");
  g_autoptr (GPtrArray) both = atlas_search (dataset, "red fruit MONTHLY");
  g_autoptr (GPtrArray) curly = atlas_search (dataset, "China's cinema");
  g_autoptr (GPtrArray) none = atlas_search (dataset, "no such words here");
  g_autoptr (GPtrArray) empty = atlas_search (dataset, "   ");
  AtlasSearchHit *hit;

  /* An event's words: its title says "suspended". */
  g_assert_cmpuint (count (suspended, ATLAS_SEARCH_EVENT), >=, 1);
  hit = find (suspended, "red-fruit-suspension");
  g_assert_nonnull (hit);
  {
    g_autofree char *marked = highlighted (hit->title, hit->title_spans);

    g_assert_cmpstr (marked, ==, "suspended");
  }

  /* A Chinese alias finds the entity and its figures. */
  g_assert_nonnull (find (red, "red-fruit"));
  g_assert_cmpuint (count (red, ATLAS_SEARCH_ENTITY), ==, 1);
  g_assert_cmpuint (count (red, ATLAS_SEARCH_FIGURE), >=, 3);
  hit = find (red, "red-fruit");
  {
    g_autofree char *marked = highlighted (hit->subtitle, hit->subtitle_spans);

    g_assert_cmpstr (marked, ==, "红果");
  }
  g_assert_nonnull (find (nrta, "nrta"));
  g_assert_cmpuint (count (nrta, ATLAS_SEARCH_ENTITY), ==, 1);

  /* Every word must be found, in any field, whatever its case. */
  g_assert_cmpuint (count (both, ATLAS_SEARCH_FIGURE), ==, 1);
  g_assert_cmpuint (count (both, ATLAS_SEARCH_ENTITY), ==, 0);
  g_assert_nonnull (find (both, "red-fruit-236-million"));
  hit = both->pdata[both->len - 1];
  g_assert_cmpint (hit->kind, ==, ATLAS_SEARCH_FIGURE);
  g_assert_cmpstr (hit->title, ==, "Red Fruit: Monthly active users");
  {
    g_autofree char *marked = highlighted (hit->title, hit->title_spans);

    g_assert_cmpstr (marked, ==, "Red|Fruit|Monthly");
  }

  /* A straight apostrophe finds a curly one. */
  g_assert_nonnull (find (curly, "cinema"));
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_dates (void)
{
  guint32 first, last;
  struct
  {
    const char *query;
    const char *event;     /* an event found */
    const char *not_event; /* and one not */
  } cases[] = {
    { "2024", "jumei-opens", "management-act" },
    { "late 2025", "management-act", "jumei-opens" },
    { "September 2025", "red-fruit-236-million", "management-act" },
    { "2025年9月", "red-fruit-236-million", "management-act" },
    { "2025年10月28日", "production-framework", "management-act" },
  };

  g_assert_true (atlas_search_parse_date ("2025年9月", &first, &last));
  g_assert_cmpuint (last - first, ==, 29);
  g_assert_true (atlas_search_parse_date ("September 2025", &first, &last));
  g_assert_cmpuint (last - first, ==, 29);
  g_assert_false (atlas_search_parse_date ("Red Fruit", &first, &last));
  g_assert_false (atlas_search_parse_date ("红果", &first, &last));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) hits = atlas_search (dataset, cases[i].query);

      g_test_message ("%s: %u entities, %u events, %u figures", cases[i].query,
                      count (hits, ATLAS_SEARCH_ENTITY), count (hits, ATLAS_SEARCH_EVENT),
                      count (hits, ATLAS_SEARCH_FIGURE));
      g_assert_nonnull (find (hits, cases[i].event));
      g_assert_null (find (hits, cases[i].not_event));
    }

  /* A figure by its date: Red Fruit's 236 million users, September 2025. */
  {
    g_autoptr (GPtrArray) hits = atlas_search (dataset, "September 2025");

    g_assert_cmpuint (count (hits, ATLAS_SEARCH_FIGURE), >=, 1);
  }
}

int
main (int argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  dataset = atlas_dataset_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/search/words", test_words);
  g_test_add_func ("/search/dates", test_dates);

  status = g_test_run ();
  g_object_unref (dataset);
  return status;
}
