/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-dataset"

#include "config.h"

/* The bundled dataset: the figures of the source article, as it states them. */

#include <string.h>

#include "atlas-citation.h"
#include "atlas-loader.h"
#include "atlas-locale.h"

#include <json-glib/json-glib.h>

static AtlasDataset *dataset;

static AtlasPoint *
find_point (const char *series_id,
            const char *entity_id,
            double value)
{
  AtlasSeries *series = atlas_dataset_lookup_series (dataset, series_id);
  GListModel *points;

  g_assert_nonnull (series);
  points = atlas_series_get_points (series);
  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr (AtlasPoint) point = g_list_model_get_item (points, i);

      if (g_str_equal (atlas_point_get_entity_id (point), entity_id) &&
          atlas_point_get_value (point) == value)
        return point;
    }
  g_error ("no point %g for %s in %s", value, entity_id, series_id);
}

static void
test_counts (void)
{
  guint32 first, last;
  GDate date;

  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_entities (dataset)), ==, 33);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_events (dataset)), ==, 27);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_series (dataset)), ==, 16);
  g_assert_cmpuint (atlas_dataset_get_n_points (dataset), ==, 19);
  g_assert_cmpuint (atlas_dataset_get_n_charts (dataset), ==, 3);
  g_assert_cmpstr (atlas_dataset_get_chart (dataset, 0)->id, ==, "users");
  g_assert_cmpstr (atlas_dataset_get_chart (dataset, 1)->id, ==, "titles");
  g_assert_cmpstr (atlas_dataset_get_chart (dataset, 2)->id, ==, "revenue");

  g_assert_true (atlas_dataset_get_span (dataset, &first, &last));
  g_date_clear (&date, 1);
  g_date_set_julian (&date, first);
  g_assert_cmpint (g_date_get_year (&date), ==, 2010);
}

static void
test_red_fruit_users (void)
{
  AtlasPoint *point = find_point ("monthly-active-users", "red-fruit", 236e6);
  g_autoptr (AtlasSeries) series = atlas_point_dup_series (point);

  g_assert_cmpstr (atlas_series_get_label (series), ==, "Monthly active users");
  g_assert_cmpint (atlas_series_get_unit (series), ==, ATLAS_UNIT_PEOPLE);
  g_assert_cmpint (atlas_point_get_status (point), ==, ATLAS_VALUE_STATUS_REPORTED);
  g_assert_cmpint (atlas_point_get_qualifier (point), ==, ATLAS_VALUE_QUALIFIER_EXACT);
  g_assert_cmpstr (
      atlas_point_get_sentence (point), ==,
      "In September, it had 236 million monthly active users, surpassing Youku and Bilibili.");
  g_assert_cmpstr (atlas_fuzzy_date_get_text (atlas_point_get_date (point)), ==, "September 2025");
  g_assert_cmpstr (atlas_point_get_event_id (point), ==, "red-fruit-236-million");
  g_assert_cmpstr (atlas_point_get_source_id (point), ==, "caixin-2025");
}

static void
test_figures (void)
{
  struct
  {
    const char *series;
    const char *entity;
    double value;
    AtlasValueQualifier qualifier;
    AtlasValueStatus status;
  } figures[] = {
    { "monthly-active-users", "hippo-theater", 60e6, ATLAS_VALUE_QUALIFIER_OVER,
      ATLAS_VALUE_STATUS_REPORTED },
    { "user-base", "iqiyi", 130e6, ATLAS_VALUE_QUALIFIER_EXACT, ATLAS_VALUE_STATUS_REPORTED },
    { "regular-viewers", "micro-drama-market", 696e6, ATLAS_VALUE_QUALIFIER_OVER,
      ATLAS_VALUE_STATUS_REPORTED },
    { "short-video-daily-users", "short-video", 1e9, ATLAS_VALUE_QUALIFIER_OVER,
      ATLAS_VALUE_STATUS_REPORTED },
    { "short-video-penetration", "short-video", 97, ATLAS_VALUE_QUALIFIER_OVER,
      ATLAS_VALUE_STATUS_REPORTED },
    { "short-video-daily-minutes", "short-video", 42, ATLAS_VALUE_QUALIFIER_EXACT,
      ATLAS_VALUE_STATUS_REPORTED },
    { "short-video-daily-minutes", "short-video", 156, ATLAS_VALUE_QUALIFIER_EXACT,
      ATLAS_VALUE_STATUS_REPORTED },
    { "web-dramas-aired", "web-dramas", 379, ATLAS_VALUE_QUALIFIER_OVER,
      ATLAS_VALUE_STATUS_REPORTED },
    { "micro-drama-titles", "micro-drama-market", 37000, ATLAS_VALUE_QUALIFIER_NEARLY,
      ATLAS_VALUE_STATUS_REPORTED },
    { "yearly-output", "dianzhong", 1000, ATLAS_VALUE_QUALIFIER_EXACT,
      ATLAS_VALUE_STATUS_REPORTED },
    { "monthly-output", "deep-sea-fish", 80, ATLAS_VALUE_QUALIFIER_UP_TO,
      ATLAS_VALUE_STATUS_REPORTED },
    { "titles-removed", "red-fruit", 1193, ATLAS_VALUE_QUALIFIER_EXACT,
      ATLAS_VALUE_STATUS_REPORTED },
    { "industry-size", "micro-drama-market", 100e9, ATLAS_VALUE_QUALIFIER_EXACT,
      ATLAS_VALUE_STATUS_PROJECTED },
    { "red-fruit-ad-revenue", "red-fruit", 30e9, ATLAS_VALUE_QUALIFIER_OVER,
      ATLAS_VALUE_STATUS_REPORTED },
    { "red-fruit-ad-revenue", "red-fruit", 50e9, ATLAS_VALUE_QUALIFIER_EXACT,
      ATLAS_VALUE_STATUS_PROJECTED },
    { "box-office", "cinema", 64.1e9, ATLAS_VALUE_QUALIFIER_EXACT, ATLAS_VALUE_STATUS_REPORTED },
    { "output-value", "dianzhong", 10e9, ATLAS_VALUE_QUALIFIER_NEARLY,
      ATLAS_VALUE_STATUS_REPORTED },
    { "beijing-tax-pledge-companies", "beijing", 22, ATLAS_VALUE_QUALIFIER_EXACT,
      ATLAS_VALUE_STATUS_REPORTED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      AtlasPoint *point = find_point (figures[i].series, figures[i].entity, figures[i].value);

      g_test_message ("%s %s %g", figures[i].series, figures[i].entity, figures[i].value);
      g_assert_cmpint (atlas_point_get_qualifier (point), ==, figures[i].qualifier);
      g_assert_cmpint (atlas_point_get_status (point), ==, figures[i].status);
      g_assert_nonnull (atlas_point_get_sentence (point));
    }
}

/* "Its advertising revenue exceeded 30 billion yuan this year": kept as
 * written, with a note on the ambiguity. */
static void
test_ambiguity_noted (void)
{
  AtlasPoint *point = find_point ("red-fruit-ad-revenue", "red-fruit", 30e9);

  g_assert_cmpstr (atlas_fuzzy_date_get_text (atlas_point_get_date (point)), ==, "this year");
  g_assert_nonnull (atlas_point_get_note (point));
  g_assert_nonnull (strstr (atlas_point_get_note (point), "50 billion"));
}

static void
test_exchange_rate (void)
{
  const AtlasRate *rate = NULL;

  g_assert_true (atlas_dataset_get_rate (dataset, ATLAS_UNIT_CNY, ATLAS_UNIT_USD, &rate));
  g_assert_cmpfloat_with_epsilon (rate->rate, 0.1405, 1e-9);
  g_assert_nonnull (strstr (rate->sentence, "100-billion-yuan ($14.05 billion)"));
  g_assert_false (atlas_dataset_get_rate (dataset, ATLAS_UNIT_USD, ATLAS_UNIT_CNY, NULL));
}

static void
test_entities (void)
{
  AtlasEntity *red_fruit = atlas_dataset_lookup_entity (dataset, "red-fruit");
  AtlasEntity *nrta = atlas_dataset_lookup_entity (dataset, "nrta");
  gboolean operated_by_bytedance = FALSE;
  GListModel *entities = atlas_dataset_get_entities (dataset);
  const char *expected[] = {
    "bytedance",
    "red-fruit",
    "red-fruit-free-comics",
    "tencent-video",
    "iqiyi",
    "youku",
    "bilibili",
    "western-movie-group",
    "dianzhong",
    "hippo-theater",
    "jiuzhou",
    "deep-sea-fish",
    "april-alliance",
    "nrta",
    "cao-shumin",
    "han-dong",
    "le-li",
    "chen-ou",
    "zhengzhou",
    "jumei-center",
    "shenzhen",
    "linfen",
    "xian",
    "jiaxing",
    "beijing",
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_nonnull (atlas_dataset_lookup_entity (dataset, expected[i]));

  g_assert_cmpstr (atlas_entity_get_name_zh (red_fruit), ==, "红果短剧");
  g_assert_cmpint (atlas_entity_get_kind (nrta), ==, ATLAS_ENTITY_KIND_REGULATOR);
  g_assert_cmpstr (atlas_entity_get_aliases (red_fruit)[0], ==, "Hongguo");

  for (guint i = 0; i < atlas_entity_get_n_relations (red_fruit); i++)
    {
      const AtlasRelation *relation = atlas_entity_get_relation (red_fruit, i);

      if (relation->inverse && relation->kind == ATLAS_RELATION_OPERATES &&
          g_str_equal (relation->target_id, "bytedance"))
        operated_by_bytedance = TRUE;
    }
  g_assert_true (operated_by_bytedance);

  /* Sorted by kind, then name. */
  for (guint i = 1; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr (AtlasEntity) a = g_list_model_get_item (entities, i - 1);
      g_autoptr (AtlasEntity) b = g_list_model_get_item (entities, i);

      g_assert_cmpint (atlas_entity_get_kind (a), <=, atlas_entity_get_kind (b));
    }
}

static void
test_events_sorted (void)
{
  GListModel *events = atlas_dataset_get_events (dataset);
  guint n = g_list_model_get_n_items (events);
  g_autoptr (AtlasEvent) first = g_list_model_get_item (events, 0);
  g_autoptr (AtlasEvent) last = g_list_model_get_item (events, n - 1);

  g_assert_cmpstr (atlas_event_get_id (first), ==, "cinema-boom");
  g_assert_cmpstr (atlas_event_get_id (last), ==, "management-act");
  for (guint i = 1; i < n; i++)
    {
      g_autoptr (AtlasEvent) a = g_list_model_get_item (events, i - 1);
      g_autoptr (AtlasEvent) b = g_list_model_get_item (events, i);

      g_assert_cmpint (atlas_event_compare (a, b), <, 0);
    }
}

static void
test_events_for_entity (void)
{
  g_autoptr (GPtrArray) events = atlas_dataset_list_events_for (dataset, "red-fruit");
  g_autoptr (GPtrArray) points = atlas_dataset_list_points_for (dataset, "red-fruit");

  /* clean-up, suspension, removals, 236 million, payments (Le Li's forum
   * is his and the industry's: its sentence does not name Red Fruit) */
  g_assert_cmpuint (events->len, ==, 5);
  /* 236 million users, 1,193 removals, 30 and 50 billion yuan */
  g_assert_cmpuint (points->len, ==, 4);
}

/* What Copy Citation puts on the clipboard. */
static void
test_citations (void)
{
  AtlasPoint *point = atlas_dataset_lookup_point (dataset, "monthly-active-users#0");
  g_autofree char *figure = atlas_citation_for_point (dataset, point);
  g_autofree char *event = atlas_citation_for_event (
      dataset, atlas_dataset_lookup_event (dataset, "red-fruit-suspension"));

  g_assert_true (g_str_has_prefix (
      figure, "Red Fruit — Monthly active users: 236 million people (reported, September 2025)\n"
              "“In September, it had 236 million monthly active users"));
  g_assert_true (g_str_has_suffix (figure, "\nSource: Caixin, “Cover Story: China’s Micro-Dramas "
                                           "Steal the Show and Momentum Seems Unstoppable”, "
                                           "late 2025"));
  g_assert_true (g_str_has_prefix (event, "Red Fruit suspended for five days (December 2024)\n“"));
  g_assert_nonnull (strstr (event, "\nSource: Caixin"));
}

/* Whether @object, where it has @member, has its Chinese too. */
static void
assert_has_chinese (JsonObject *object,
                    const char *where,
                    const char *member)
{
  g_autofree char *zh = g_strconcat (member, "_zh", NULL);

  if (!json_object_has_member (object, member))
    return;
  if (!json_object_has_member (object, zh))
    g_error ("%s has %s but no %s", where, member, zh);
  g_assert_true (g_utf8_validate (json_object_get_string_member (object, zh), -1, NULL));
}

static void
assert_array_has_chinese (JsonObject *root,
                          const char *array,
                          const char *const *members)
{
  JsonArray *items = json_object_get_array_member (root, array);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_autofree char *where = g_strdup_printf ("%s[%u]", array, i);

      for (guint m = 0; members[m] != NULL; m++)
        assert_has_chinese (item, where, members[m]);
      if (json_object_has_member (item, "relations"))
        {
          JsonArray *relations = json_object_get_array_member (item, "relations");

          for (guint r = 0; r < json_array_get_length (relations); r++)
            assert_has_chinese (json_array_get_object_element (relations, r), where, "role");
        }
      if (json_object_has_member (item, "facts"))
        {
          JsonArray *facts = json_object_get_array_member (item, "facts");

          for (guint f = 0; f < json_array_get_length (facts); f++)
            {
              g_autofree char *fact_where = g_strdup_printf ("%s.facts[%u]", where, f);

              assert_has_chinese (json_array_get_object_element (facts, f), fact_where, "text");
            }
        }
    }
}

static gpointer
load_in_chinese (gpointer data)
{
  g_autoptr (GError) error = NULL;
  AtlasDataset *chinese;

  g_assert_true (atlas_language_begin ("zh_CN", &error));
  chinese = atlas_dataset_load_default (&error);
  g_assert_no_error (error);
  atlas_language_end ();
  return chinese;
}

/* Everything a reader reads has its Chinese in the bundled dataset, and a
 * Chinese reader gets it: summaries and facts too, with the names. */
static void
test_chinese_texts (void)
{
  static const char *const top[] = { "title", "description", NULL };
  static const char *const series[] = { "label", "description", NULL };
  static const char *const entities[] = { "summary", NULL };
  static const char *const events[] = { "title", "text", NULL };
  static const char *const sources[] = { "publication", NULL };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) chinese = NULL;
  g_autoptr (GBytes) bytes = NULL;
  AtlasEntity *red_fruit, *deep_sea_fish;
  JsonObject *root;

  bytes = g_resources_lookup_data (ATLAS_DEFAULT_DATASET_PATH, 0, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  for (guint m = 0; top[m] != NULL; m++)
    assert_has_chinese (root, "the dataset", top[m]);
  assert_array_has_chinese (root, "charts", top);
  assert_array_has_chinese (root, "series", series);
  assert_array_has_chinese (root, "entities", entities);
  assert_array_has_chinese (root, "events", events);
  assert_array_has_chinese (root, "sources", sources);

  chinese = g_thread_join (g_thread_new ("zh", load_in_chinese, NULL));
  red_fruit = atlas_dataset_lookup_entity (chinese, "red-fruit");
  g_assert_true (g_str_has_prefix (atlas_entity_get_summary (red_fruit), "字节跳动"));
  g_assert_true (g_str_has_prefix (atlas_entity_get_fact (red_fruit, 0)->text, "中文名红果"));
  /* The quotation stays the English it quotes. */
  g_assert_true (g_str_has_prefix (atlas_entity_get_fact (red_fruit, 0)->sentence, "Red Fruit"));
  /* A name the source gives only in English keeps it. */
  deep_sea_fish = atlas_dataset_lookup_entity (chinese, "deep-sea-fish");
  g_assert_null (atlas_entity_get_other_name (deep_sea_fish));
  g_assert_cmpstr (atlas_entity_get_display_name (deep_sea_fish), ==, "Deep Sea Fish");
}

/* Every list of the dataset, read once: each list, then each series'
 * points, in one array, NULL between lists. */
static GPtrArray *
read_lists (void)
{
  GListModel *lists[] = { atlas_dataset_get_sources (dataset), atlas_dataset_get_entities (dataset),
                          atlas_dataset_get_events (dataset), atlas_dataset_get_series (dataset) };
  GPtrArray *models = g_ptr_array_new ();
  GListModel *series = lists[G_N_ELEMENTS (lists) - 1];

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    g_ptr_array_add (models, lists[i]);
  for (guint i = 0; i < g_list_model_get_n_items (series); i++)
    {
      g_autoptr (AtlasSeries) one = g_list_model_get_item (series, i);

      g_ptr_array_add (models, atlas_series_get_points (one));
    }
  return models;
}

typedef struct
{
  GPtrArray *models;
  guint wrong; /* items not the ones read alone */
} Reader;

/* Reads every item of every list, forwards and back, as a view does, and
 * counts those that are not where they were. */
static gpointer
read_everything (gpointer data)
{
  Reader *reader = data;

  for (guint round = 0; round < 400; round++)
    for (guint m = 0; m < reader->models->len; m++)
      {
        GListModel *model = reader->models->pdata[m];
        guint n = g_list_model_get_n_items (model);

        for (guint k = 0; k < 2 * n; k++)
          {
            guint i = k < n ? k : 2 * n - 1 - k;
            g_autoptr (GObject) item = g_list_model_get_item (model, i);
            g_autoptr (GObject) again = g_list_model_get_item (model, i);

            if (item == NULL || item != again)
              reader->wrong++;
          }
      }
  return NULL;
}

/* Any number of threads may read a dataset at once: an export reads the
 * window's in a thread while the window draws it. GListStore may not be
 * read so: its get_item() keeps where it last was in the store, and two
 * readers were given each other's items, or none. */
static void
test_read_from_threads (void)
{
  g_autoptr (GPtrArray) models = read_lists ();
  Reader readers[3] = { { models, 0 }, { models, 0 }, { models, 0 } };
  GThread *threads[G_N_ELEMENTS (readers)];

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    threads[i] = g_thread_new ("reader", read_everything, &readers[i]);
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_thread_join (threads[i]);
      g_assert_cmpuint (readers[i].wrong, ==, 0);
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

  g_test_add_func ("/dataset/counts", test_counts);
  g_test_add_func ("/dataset/citations", test_citations);
  g_test_add_func ("/dataset/red-fruit-users", test_red_fruit_users);
  g_test_add_func ("/dataset/figures", test_figures);
  g_test_add_func ("/dataset/ambiguity-noted", test_ambiguity_noted);
  g_test_add_func ("/dataset/exchange-rate", test_exchange_rate);
  g_test_add_func ("/dataset/entities", test_entities);
  g_test_add_func ("/dataset/chinese-texts", test_chinese_texts);
  g_test_add_func ("/dataset/events-sorted", test_events_sorted);
  g_test_add_func ("/dataset/events-for-entity", test_events_for_entity);
  g_test_add_func ("/dataset/read-from-threads", test_read_from_threads);

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
