/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-loader"

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "atlas-enums.h"
#include "atlas-error.h"
#include "atlas-loader.h"
#include "atlas-test-locale.h"

/* ---- helpers: the minimal dataset, edited at a path ---- */

static JsonNode *
load_minimal (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Sets (or with @value NULL, removes) the member at @path, "entities/0/kind". */
static void
edit (JsonNode *root,
      const char *path,
      JsonNode *value)
{
  g_auto (GStrv) parts = g_strsplit (path, "/", -1);
  JsonNode *node = root;
  guint n = g_strv_length (parts);

  for (guint i = 0; i + 1 < n; i++)
    {
      if (JSON_NODE_HOLDS_ARRAY (node))
        node = json_array_get_element (json_node_get_array (node), (guint) atoi (parts[i]));
      else
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      g_assert_nonnull (node);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint index = (guint) atoi (parts[n - 1]);

      if (value == NULL)
        json_array_remove_element (array, index);
      else if (index == json_array_get_length (array))
        json_array_add_element (array, value);
      else
        {
          /* replace: rebuild the array */
          g_autoptr (JsonArray) copy = json_array_new ();

          for (guint i = 0; i < json_array_get_length (array); i++)
            json_array_add_element (
                copy, i == index ? value : json_node_copy (json_array_get_element (array, i)));
          json_node_set_array (node, copy);
        }
    }
  else if (value == NULL)
    json_object_remove_member (json_node_get_object (node), parts[n - 1]);
  else
    json_object_set_member (json_node_get_object (node), parts[n - 1], value);
}

static JsonNode *
from_json (const char *text)
{
  g_autoptr (GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static AtlasDataset *
load_text (const char *text,
           gssize len,
           GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize) len);

  return atlas_dataset_load_bytes (bytes, "test.json", error);
}

static AtlasDataset *
load_node (JsonNode *root,
           GError **error)
{
  g_autofree char *text = json_to_string (root, TRUE);

  return load_text (text, -1, error);
}

/* Loads the minimal dataset with one edit; asserts it is refused with @code
 * and a message that contains @where. @value_json is spliced in as text, so
 * that it can be what json-glib would not write, such as 1e999. */
static void
assert_refused (const char *path,
                const char *value_json,
                int code,
                const char *where)
{
  static const char marker[] = "\"@@VALUE@@\"";
  g_autoptr (JsonNode) root = load_minimal ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) dataset = NULL;
  g_autoptr (GString) text = NULL;
  g_autofree char *serialized = NULL;

  edit (root, path, value_json ? json_node_init_string (json_node_alloc (), "@@VALUE@@") : NULL);
  serialized = json_to_string (root, TRUE);
  text = g_string_new (serialized);
  if (value_json != NULL)
    g_assert_cmpuint (g_string_replace (text, marker, value_json, 1), ==, 1);
  dataset = load_text (text->str, -1, &error);
  g_test_message ("%s = %s → %s", path, value_json ? value_json : "(removed)",
                  error ? error->message : "(accepted)");
  g_assert_null (dataset);
  g_assert_error (error, ATLAS_DATA_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "test.json"));
  if (strstr (error->message, where) == NULL)
    g_error ("“%s” does not say “%s”", error->message, where);
}

/* ---- tests ---- */

static void
test_minimal (void)
{
  g_autoptr (JsonNode) root = load_minimal ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) dataset = load_node (root, &error);
  g_autoptr (AtlasSeries) series = NULL;
  g_autoptr (AtlasPoint) point = NULL;
  AtlasEntity *beta;
  const AtlasRelation *relation;

  g_assert_no_error (error);
  g_assert_cmpstr (atlas_dataset_get_title (dataset), ==, "Minimal dataset");
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_entities (dataset)), ==, 2);
  g_assert_cmpuint (atlas_dataset_get_n_points (dataset), ==, 1);

  series = g_list_model_get_item (atlas_dataset_get_series (dataset), 0);
  point = g_list_model_get_item (atlas_series_get_points (series), 0);
  g_assert_cmpfloat (atlas_point_get_value (point), ==, 1000);
  g_assert_cmpint (atlas_point_get_qualifier (point), ==, ATLAS_VALUE_QUALIFIER_OVER);
  g_assert_cmpint (atlas_point_get_status (point), ==, ATLAS_VALUE_STATUS_REPORTED);
  g_assert_cmpstr (atlas_point_get_event_id (point), ==, "e1");

  /* The relation "a operates b" is also readable from b. */
  beta = atlas_dataset_lookup_entity (dataset, "b");
  g_assert_cmpuint (atlas_entity_get_n_relations (beta), ==, 1);
  relation = atlas_entity_get_relation (beta, 0);
  g_assert_true (relation->inverse);
  g_assert_cmpstr (relation->target_id, ==, "a");
  g_assert_cmpstr (atlas_relation_get_label (relation), ==, "Operated by");
}

static void
test_syntax (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) dataset = load_text ("{\n  \"format\": [1,\n  2,, ]\n}", -1, &error);

  g_assert_null (dataset);
  g_assert_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "test.json:3:5: "));
  g_assert_null (strstr (error->message, "<data>"));
}

static void
test_empty (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) dataset = load_text (" \n\t", -1, &error);

  g_assert_null (dataset);
  g_assert_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "empty"));
}

static void
test_encoding (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) dataset = NULL;

  dataset = load_text ("{\n \"title\": \"caf\xe9\"}", -1, &error);
  g_assert_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "test.json:2:15: not valid UTF-8"));
  g_clear_error (&error);

  dataset = load_text ("{\"a\": 1}\0{}", 11, &error);
  g_assert_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "NUL byte"));
  g_clear_error (&error);

  dataset = load_text ("{\"a\": \"x\\u0000y\"}", -1, &error);
  g_assert_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "\\u0000"));
  g_clear_error (&error);

  /* An escaped backslash before u0000 is not a NUL. */
  dataset = load_text ("{\"a\": \"x\\\\u0000y\"}", -1, &error);
  g_assert_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_FORMAT);
}

static void
test_bom (void)
{
  g_autoptr (JsonNode) root = load_minimal ();
  g_autofree char *text = json_to_string (root, FALSE);
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", text, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) dataset = load_text (with_bom, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
}

static void
test_too_deep (void)
{
  /* json-glib 1.6 overflows the stack around 75,000 levels; 200,000 here. */
  gsize depth = 200000;
  g_autofree char *text = g_malloc (depth * 2 + 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) dataset = NULL;

  memset (text, '[', depth);
  memset (text + depth, ']', depth);
  text[depth * 2] = '\0';

  dataset = load_text (text, -1, &error);
  g_assert_null (dataset);
  g_assert_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_TOO_DEEP);
  g_assert_true (g_str_has_prefix (error->message, "test.json:1:65: nested more than 64"));
  g_clear_error (&error);

  /* Brackets inside strings do not count. */
  {
    g_autoptr (JsonNode) root = load_minimal ();
    g_autofree char *deep_string = g_strnfill (4000, '[');

    edit (root, "description", json_node_init_string (json_node_alloc (), deep_string));
    g_clear_object (&dataset);
    dataset = load_node (root, &error);
    g_assert_no_error (error);
  }
}

static void
test_top_level (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) dataset = load_text ("[1, 2, 3]", -1, &error);

  g_assert_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "expected a JSON object, found an array"));
}

static void
test_format_and_version (void)
{
  assert_refused ("format", "\"something-else\"", ATLAS_DATA_ERROR_FORMAT,
                  "not a Micro-Drama Atlas dataset");
  assert_refused ("format", NULL, ATLAS_DATA_ERROR_FORMAT, "not a Micro-Drama Atlas dataset");
  assert_refused ("version", "\"2.0\"", ATLAS_DATA_ERROR_FORMAT, "version 2.0 is not supported");
  assert_refused ("version", "\"1\"", ATLAS_DATA_ERROR_FORMAT, "is not MAJOR.MINOR");
  assert_refused ("version", "\"1.x\"", ATLAS_DATA_ERROR_FORMAT, "is not MAJOR.MINOR");
  assert_refused ("version", "1.0", ATLAS_DATA_ERROR_FORMAT,
                  "version: must be a string such as \"1.1\", not a number");
  assert_refused ("version", NULL, ATLAS_DATA_ERROR_FORMAT, "version: missing");
}

/* What 1.1 adds: where a Chinese name comes from, and figures that no chart
 * draws. */
static void
test_version_1_1 (void)
{
  g_autoptr (JsonNode) root = load_minimal ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) dataset = NULL;

  edit (root, "version", from_json ("\"1.1\""));
  edit (root, "entities/0/name_zh_source", from_json ("\"outside\""));
  edit (root, "series/0/chart", NULL);
  dataset = load_node (root, &error);
  g_assert_no_error (error);
  g_assert_false (
      atlas_entity_get_name_zh_from_source (atlas_dataset_lookup_entity (dataset, "a")));
  g_assert_true (atlas_entity_get_name_zh_from_source (atlas_dataset_lookup_entity (dataset, "b")));
  g_assert_null (atlas_series_get_chart_id (atlas_dataset_lookup_series (dataset, "mau")));

  assert_refused ("entities/0/name_zh_source", "\"elsewhere\"", ATLAS_DATA_ERROR_INVALID,
                  "entities[0].name_zh_source: “elsewhere” is not where a name comes from");
  assert_refused ("entities/1/name_zh_source", "\"outside\"", ATLAS_DATA_ERROR_INVALID,
                  "entities[1].name_zh_source: there is no name_zh");
}

/* "As of" in its two readings: a state measured then (the wording alone:
 * the start is open), and a rule in force from then (written out with the
 * qualifier "since": the end is open). */
static void
test_as_of_readings (void)
{
  g_autoptr (JsonNode) root = load_minimal ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) dataset = NULL;
  const AtlasFuzzyDate *measured, *rule;

  edit (root, "events/0/date", from_json ("\"As of Oct. 1, 2025\""));
  edit (root, "series/0/points/0/date",
        from_json ("{\"text\": \"As of Oct. 1, 2025\", \"start\": \"2025-10-01\", "
                   "\"qualifier\": \"since\"}"));
  dataset = load_node (root, &error);
  g_assert_no_error (error);

  measured = atlas_event_get_date (atlas_dataset_lookup_event (dataset, "e1"));
  g_assert_cmpint (atlas_fuzzy_date_get_qualifier (measured), ==, ATLAS_DATE_QUALIFIER_AS_OF);
  g_assert_true (atlas_fuzzy_date_is_start_open (measured));
  g_assert_false (atlas_fuzzy_date_is_end_open (measured));

  {
    g_autoptr (AtlasPoint) point = g_list_model_get_item (
        atlas_series_get_points (atlas_dataset_lookup_series (dataset, "mau")), 0);

    rule = atlas_point_get_date (point);
    g_assert_cmpint (atlas_fuzzy_date_get_qualifier (rule), ==, ATLAS_DATE_QUALIFIER_SINCE);
    g_assert_false (atlas_fuzzy_date_is_start_open (rule));
    g_assert_true (atlas_fuzzy_date_is_end_open (rule));
    g_assert_cmpstr (atlas_fuzzy_date_get_text (rule), ==, "As of Oct. 1, 2025");
    g_assert_cmpuint (atlas_fuzzy_date_get_start (rule), ==, atlas_fuzzy_date_get_start (measured));
  }
}

static void
test_newer_minor (void)
{
  g_autoptr (JsonNode) root = load_minimal ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) dataset = NULL;

  /* A newer minor version may add members; this version reads what it knows. */
  edit (root, "version", from_json ("\"1.7\""));
  edit (root, "entities/0/colour", from_json ("\"red\""));
  dataset = load_node (root, &error);
  g_assert_no_error (error);

  /* In 1.0 itself, an unknown member is a mistake worth telling. */
  assert_refused ("entities/0/colour", "\"red\"", ATLAS_DATA_ERROR_INVALID,
                  "test.json: entities[0].colour: unknown member");
}

static void
test_meaning_errors (void)
{
  assert_refused ("title", NULL, ATLAS_DATA_ERROR_INVALID, "test.json: title: missing");
  assert_refused ("title", "\"  \"", ATLAS_DATA_ERROR_INVALID, "title: is empty");
  assert_refused ("sources", "[]", ATLAS_DATA_ERROR_INVALID,
                  "sources: a dataset needs at least one source");
  assert_refused ("sources", "{}", ATLAS_DATA_ERROR_INVALID,
                  "sources: expected an array, found an object");
  assert_refused ("entities/1/id", "\"a\"", ATLAS_DATA_ERROR_INVALID,
                  "entities[1].id: duplicate entity id “a”");
  assert_refused ("entities/1/id", "\"has space\"", ATLAS_DATA_ERROR_INVALID,
                  "entities[1].id: “has space” is not an id");
  assert_refused ("entities/0/kind", "\"bank\"", ATLAS_DATA_ERROR_INVALID,
                  "entities[0].kind: unknown value “bank”; expected one of: platform, company");
  assert_refused ("entities/0/name", "42", ATLAS_DATA_ERROR_INVALID,
                  "entities[0].name: expected a string, found a number");
  assert_refused ("entities/0/relations/0/target", "\"zz\"", ATLAS_DATA_ERROR_INVALID,
                  "entities[0].relations[0].target: no entity has the id “zz”");
  assert_refused ("entities/0/relations/0/type", "\"owns\"", ATLAS_DATA_ERROR_INVALID,
                  "entities[0].relations[0].type: unknown value");
  assert_refused ("entities/0/facts/0/source", "\"nope\"", ATLAS_DATA_ERROR_INVALID,
                  "entities[0].facts[0].source: no source has the id “nope”");
  assert_refused ("entities/0/aliases", "[1]", ATLAS_DATA_ERROR_INVALID,
                  "entities[0].aliases[0]: expected a string");
  assert_refused ("entities/1", "7", ATLAS_DATA_ERROR_INVALID,
                  "entities[1]: expected an object, found a number");
  assert_refused ("events/0/entities/1", "\"zz\"", ATLAS_DATA_ERROR_INVALID,
                  "events[0].entities[1]: no entity has the id “zz”");
  assert_refused ("events/0/source", "\"nope\"", ATLAS_DATA_ERROR_INVALID,
                  "events[0].source: no source has the id");
  assert_refused ("events/0/sentence", NULL, ATLAS_DATA_ERROR_INVALID,
                  "events[0].sentence: missing");
  assert_refused ("events/0/category", "\"sports\"", ATLAS_DATA_ERROR_INVALID,
                  "events[0].category: unknown value");
  assert_refused ("events/0/date", "\"soon\"", ATLAS_DATA_ERROR_INVALID,
                  "events[0].date: cannot read “soon” as a date");
  assert_refused ("events/0/date", "2025", ATLAS_DATA_ERROR_INVALID,
                  "events[0].date: expected a date");
  assert_refused ("events/0/date", "{\"start\": \"2025-13\"}", ATLAS_DATA_ERROR_INVALID,
                  "events[0].date.start: “2025-13”: month 13 is outside 1–12");
  assert_refused ("events/0/date", "{\"start\": \"2025-02-30\"}", ATLAS_DATA_ERROR_INVALID,
                  "events[0].date.start: “2025-02-30”: day 30 does not exist");
  assert_refused ("events/0/date", "{\"start\": \"2025\", \"end\": \"2024\"}",
                  ATLAS_DATA_ERROR_INVALID,
                  "events[0].date.end: ends (2024) before it starts (2025)");
  assert_refused ("events/0/date", "{\"start\": \"2025\", \"qualifier\": \"perhaps\"}",
                  ATLAS_DATA_ERROR_INVALID, "events[0].date.qualifier: unknown value");
  assert_refused ("events/0/date", "{\"text\": \"whenever\"}", ATLAS_DATA_ERROR_INVALID,
                  "events[0].date.text: cannot read");
  assert_refused ("events/0/date", "{\"start\": \"2025\", \"approximate\": 1}",
                  ATLAS_DATA_ERROR_INVALID, "events[0].date.approximate: expected true or false");
  assert_refused ("series/0/chart", "\"pies\"", ATLAS_DATA_ERROR_INVALID,
                  "series[0].chart: no chart has the id “pies”");
  assert_refused ("series/0/unit", "\"furlongs\"", ATLAS_DATA_ERROR_INVALID,
                  "series[0].unit: unknown value");
  assert_refused ("series/0/points/0/value", "-5", ATLAS_DATA_ERROR_INVALID,
                  "series[0].points[0].value: is negative (-5)");
  assert_refused ("series/0/points/0/value", "1e999", ATLAS_DATA_ERROR_INVALID,
                  "series[0].points[0].value: is too large to be a number");
  assert_refused ("series/0/points/0/value", "\"1000\"", ATLAS_DATA_ERROR_INVALID,
                  "series[0].points[0].value: expected a number, found a string");
  assert_refused ("series/0/points/0/value", NULL, ATLAS_DATA_ERROR_INVALID,
                  "series[0].points[0].value: missing");
  assert_refused ("series/0/points/0/qualifier", "\"roughly\"", ATLAS_DATA_ERROR_INVALID,
                  "series[0].points[0].qualifier: unknown value “roughly”; expected one of: exact, "
                  "over, nearly, up-to, about");
  assert_refused ("series/0/points/0/status", "\"rumoured\"", ATLAS_DATA_ERROR_INVALID,
                  "series[0].points[0].status: unknown value");
  assert_refused ("series/0/points/0/entity", "\"zz\"", ATLAS_DATA_ERROR_INVALID,
                  "series[0].points[0].entity: no entity has the id “zz”");
  assert_refused ("series/0/points/0/event", "\"zz\"", ATLAS_DATA_ERROR_INVALID,
                  "series[0].points[0].event: no event has the id “zz”");
  assert_refused ("series/0/points/0/date", "\"Octember 2025\"", ATLAS_DATA_ERROR_INVALID,
                  "series[0].points[0].date: cannot read");
  assert_refused ("exchange_rates",
                  "[{\"from\": \"cny\", \"to\": \"usd\", \"rate\": 0, \"source\": \"src\", "
                  "\"sentence\": \"s\"}]",
                  ATLAS_DATA_ERROR_INVALID,
                  "exchange_rates[0].rate: a rate must be more than zero");
  assert_refused ("charts/0/id", "\"\"", ATLAS_DATA_ERROR_INVALID, "charts[0].id: is empty");
}

static void
test_undated_point (void)
{
  g_autoptr (JsonNode) root = load_minimal ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) dataset = NULL;
  g_autoptr (AtlasSeries) series = NULL;
  g_autoptr (AtlasPoint) point = NULL;

  edit (root, "series/0/points/0/date", NULL);
  dataset = load_node (root, &error);
  g_assert_no_error (error);
  series = g_list_model_get_item (atlas_dataset_get_series (dataset), 0);
  point = g_list_model_get_item (atlas_series_get_points (series), 0);
  g_assert_null (atlas_point_get_date (point));
}

/* Every problem is told at once, not just the first. */
static void
test_all_problems (void)
{
  g_autoptr (JsonNode) root = load_minimal ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) dataset = NULL;
  g_auto (GStrv) lines = NULL;

  edit (root, "entities/0/kind", from_json ("\"bank\""));
  edit (root, "events/0/date", from_json ("\"soon\""));
  edit (root, "series/0/points/0/value", from_json ("-1"));
  dataset = load_node (root, &error);
  g_assert_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_INVALID);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_nonnull (strstr (lines[0], "entities[0].kind"));
  g_assert_nonnull (strstr (lines[1], "events[0].date"));
  g_assert_nonnull (strstr (lines[2], "series[0].points[0].value"));
}

static void
test_many_problems (void)
{
  g_autoptr (JsonNode) root = load_minimal ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) dataset = NULL;
  g_auto (GStrv) lines = NULL;

  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *path = g_strdup_printf ("entities/%u", 2 + i);

      edit (root, path, from_json ("{\"id\": \"a\", \"kind\": \"x\", \"name\": \"n\"}"));
    }
  dataset = load_node (root, &error);
  g_assert_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_INVALID);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, ATLAS_DATA_MAX_PROBLEMS + 1);
  g_assert_nonnull (strstr (lines[ATLAS_DATA_MAX_PROBLEMS], "… and 110 more problems"));
}

static char *
write_temp (const char *contents,
            gssize len)
{
  g_autoptr (GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp (NULL, &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

static AtlasDataset *
load_path (const char *path,
           GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);

  return atlas_dataset_load_file (file, NULL, error);
}

static void
test_hostile_files (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) dataset = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *huge = NULL;
  g_autofree char *garbage_path = NULL;
  int fd;

  dataset = load_path (missing, &error);
  g_assert_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, missing));
  g_assert_nonnull (strstr (error->message, "no such file"));
  g_clear_error (&error);

  dataset = load_path (dir, &error);
  g_assert_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_NOT_REGULAR);
  g_assert_nonnull (strstr (error->message, "is a folder"));
  g_clear_error (&error);

  dataset = load_path ("/dev/zero", &error);
  g_assert_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_NOT_REGULAR);
  g_assert_true (g_str_has_prefix (error->message, "/dev/zero: is not a regular file"));
  g_clear_error (&error);

  /* 400 MB, sparse: refused from its size, without reading it. */
  huge = g_build_filename (dir, "huge.json", NULL);
  fd = g_open (huge, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 400 * 1024 * 1024), ==, 0);
  close (fd);
  dataset = load_path (huge, &error);
  g_assert_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_TOO_LARGE);
  g_assert_nonnull (
      strstr (error->message, "the file is 419430400 bytes, more than the 67108864 (64 MB)"));
  g_clear_error (&error);
  g_unlink (huge);

  /* Binary garbage: random bytes, always refused cleanly. */
  {
    g_autoptr (GRand) rand = g_rand_new_with_seed (7);
    guint8 garbage[4096];

    for (guint round = 0; round < 50; round++)
      {
        for (guint i = 0; i < sizeof garbage; i++)
          garbage[i] = (guint8) g_rand_int_range (rand, 0, 256);
        g_free (garbage_path);
        garbage_path = write_temp ((const char *) garbage, sizeof garbage);
        dataset = load_path (garbage_path, &error);
        g_assert_null (dataset);
        g_assert_nonnull (error);
        g_assert_true (error->domain == ATLAS_DATA_ERROR);
        g_clear_error (&error);
        g_unlink (garbage_path);
      }
  }

  g_rmdir (dir);
}

static void
test_file_ok (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) dataset = load_path (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
}

static void
on_loaded (GObject *source,
           GAsyncResult *result,
           gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) cancelled_result = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) dataset = NULL;

  atlas_dataset_load_file_async (file, NULL, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  dataset = atlas_dataset_load_file_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_dataset_get_title (dataset), ==, "Minimal dataset");

  g_cancellable_cancel (cancellable);
  atlas_dataset_load_file_async (file, cancellable, on_loaded, &cancelled_result);
  while (cancelled_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&dataset);
  dataset = atlas_dataset_load_file_finish (cancelled_result, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The format's enums are written as the GEnum nicks; the to_string tables
 * must agree with them. */
#define ASSERT_NAMES_ARE_NICKS(type, to_string)                                                    \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autoptr (GEnumClass) klass_ = g_type_class_ref (type);                                       \
    for (guint v_ = 0; v_ < klass_->n_values; v_++)                                                \
      g_assert_cmpstr (to_string (klass_->values[v_].value), ==, klass_->values[v_].value_nick);   \
  }                                                                                                \
  G_STMT_END

/* The format's enums are written as the GEnum nicks, which the loader reads;
 * the to_string tables the rest of the code uses must agree with them. */
static void
test_enum_names (void)
{
  ASSERT_NAMES_ARE_NICKS (ATLAS_TYPE_ENTITY_KIND, atlas_entity_kind_to_string);
  ASSERT_NAMES_ARE_NICKS (ATLAS_TYPE_RELATION_KIND, atlas_relation_kind_to_string);
  ASSERT_NAMES_ARE_NICKS (ATLAS_TYPE_EVENT_CATEGORY, atlas_event_category_to_string);
  ASSERT_NAMES_ARE_NICKS (ATLAS_TYPE_VALUE_QUALIFIER, atlas_value_qualifier_to_string);
  ASSERT_NAMES_ARE_NICKS (ATLAS_TYPE_VALUE_STATUS, atlas_value_status_to_string);
  ASSERT_NAMES_ARE_NICKS (ATLAS_TYPE_UNIT, atlas_unit_to_string);
  ASSERT_NAMES_ARE_NICKS (ATLAS_TYPE_PER, atlas_per_to_string);
  ASSERT_NAMES_ARE_NICKS (ATLAS_TYPE_DATE_PRECISION, atlas_date_precision_to_string);
  ASSERT_NAMES_ARE_NICKS (ATLAS_TYPE_DATE_QUALIFIER, atlas_date_qualifier_to_string);
}

/* What text and figures may be: bounded, valid, honest. */
static void
test_bounds (void)
{
  g_autofree char *long_title = g_strnfill (201, 't');
  g_autofree char *long_title_json = g_strdup_printf ("\"%s\"", long_title);
  g_autoptr (GString) cjk_id = g_string_new ("\"");
  g_autoptr (GString) charts = g_string_new ("[");

  assert_refused ("title", long_title_json, ATLAS_DATA_ERROR_INVALID,
                  "title: is 201 characters long; a name, a title or a label has at most 200");
  assert_refused ("events/0/title", "\"a\\uffff\"", ATLAS_DATA_ERROR_INVALID,
                  "events[0].title: holds U+FFFF, a noncharacter");
  assert_refused ("events/0/title", "\"a\\ufdd0\"", ATLAS_DATA_ERROR_INVALID,
                  "holds U+FDD0, a noncharacter");
  assert_refused ("events/0/title", "\"a\\ud800b\"", ATLAS_DATA_ERROR_INVALID,
                  "events[0].title: is not valid UTF-8");
  assert_refused ("series/0/points/0/value", "1e16", ATLAS_DATA_ERROR_INVALID,
                  "value: is 1e+16, more than the 1e+15 a figure may be");
  assert_refused ("series/0/points/0/value", "1e308", ATLAS_DATA_ERROR_INVALID,
                  "more than the 1e+15");
  assert_refused ("series/0/points/0/value", "9223372036854775808", ATLAS_DATA_ERROR_INVALID,
                  "value: is 9.22337e+18, more than the 1e+15");
  assert_refused ("series/0/points/0/value", "1e400", ATLAS_DATA_ERROR_INVALID,
                  "value: is too large to be a number");
  assert_refused ("series/0/points/0/value", "5e-324", ATLAS_DATA_ERROR_INVALID,
                  "a figure other than zero is at least 1e-09");
  assert_refused ("events/0/date", "\"-5000\"", ATLAS_DATA_ERROR_INVALID,
                  "events[0].date: cannot read “-5000” as a date");
  assert_refused ("charts/0/id", "\"timeline\"", ATLAS_DATA_ERROR_INVALID,
                  "charts[0].id: “timeline” is the timeline's own id");

  for (guint i = 0; i < 65; i++)
    g_string_append_printf (charts, "%s{\"id\": \"c%u\", \"title\": \"C\"}", i ? "," : "", i);
  g_string_append (charts, "]");
  assert_refused ("charts", charts->str, ATLAS_DATA_ERROR_INVALID,
                  "charts: declares 65 charts; a dataset has at most 64");

  /* Ids count characters, as the format says: 200 Chinese ones are fine. */
  for (guint i = 0; i < 200; i++)
    g_string_append (cjk_id, "红");
  g_string_append (cjk_id, "\"");
  {
    g_autoptr (JsonNode) root = load_minimal ();
    g_autoptr (GError) error = NULL;
    g_autoptr (AtlasDataset) dataset = NULL;

    edit (root, "events/0/id", from_json (cjk_id->str));
    edit (root, "series/0/points/0/event", from_json (cjk_id->str));
    dataset = load_node (root, &error);
    g_assert_no_error (error);
  }
  g_string_insert (cjk_id, 1, "红");
  assert_refused ("events/0/id", cjk_id->str, ATLAS_DATA_ERROR_INVALID,
                  "events[0].id: is 201 characters long; an id has at most 200");
}

/* A Chinese reader is told what is wrong in Chinese: the validator's
 * messages, and the date grammar's, are translated. */
static void
test_chinese_messages (void)
{

  if (!atlas_test_speak_chinese ())
    return;

  assert_refused ("entities/1/id", "\"a\"", ATLAS_DATA_ERROR_INVALID,
                  "entities[1].id：实体 id“a”重复");
  assert_refused ("sources", "{}", ATLAS_DATA_ERROR_INVALID, "sources：应为数组，实为对象");
  assert_refused ("events/0/date", "\"late mid September 2025\"", ATLAS_DATA_ERROR_INVALID,
                  "都在限定这个月");
  assert_refused ("title", NULL, ATLAS_DATA_ERROR_INVALID, "title：缺失");

  atlas_test_speak_english ();
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/loader/minimal", test_minimal);
  g_test_add_func ("/loader/syntax", test_syntax);
  g_test_add_func ("/loader/empty", test_empty);
  g_test_add_func ("/loader/encoding", test_encoding);
  g_test_add_func ("/loader/bom", test_bom);
  g_test_add_func ("/loader/too-deep", test_too_deep);
  g_test_add_func ("/loader/top-level", test_top_level);
  g_test_add_func ("/loader/format-and-version", test_format_and_version);
  g_test_add_func ("/loader/newer-minor", test_newer_minor);
  g_test_add_func ("/loader/version-1.1", test_version_1_1);
  g_test_add_func ("/loader/as-of-readings", test_as_of_readings);
  g_test_add_func ("/loader/bounds", test_bounds);
  g_test_add_func ("/loader/meaning-errors", test_meaning_errors);
  g_test_add_func ("/loader/chinese-messages", test_chinese_messages);
  g_test_add_func ("/loader/undated-point", test_undated_point);
  g_test_add_func ("/loader/all-problems", test_all_problems);
  g_test_add_func ("/loader/many-problems", test_many_problems);
  g_test_add_func ("/loader/hostile-files", test_hostile_files);
  g_test_add_func ("/loader/file-ok", test_file_ok);
  g_test_add_func ("/loader/async", test_async);
  g_test_add_func ("/loader/enum-names", test_enum_names);

  return g_test_run ();
}
