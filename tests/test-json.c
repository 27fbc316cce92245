/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-json"

#include "config.h"

/* The loader's JSON reader, against json-glib: every document json-glib
 * writes reads back as json-glib reads it, and what is not JSON is refused
 * with its line and column. */

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "atlas-error.h"
#include "atlas-json.h"

static AtlasJsonDocument *
parse (const char *text,
       gssize len,
       GError **error)
{
  if (len < 0)
    len = (gssize) strlen (text);
  return atlas_json_document_new (g_bytes_new (text, (gsize) len), "test.json", 64, error);
}

/* ---- against json-glib ---- */

static void
assert_same (const AtlasJsonNode *ours,
             JsonNode *theirs)
{
  switch (json_node_get_node_type (theirs))
    {
    case JSON_NODE_NULL: g_assert_cmpint (ours->type, ==, ATLAS_JSON_NULL); break;
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (theirs))
        {
        case G_TYPE_BOOLEAN:
          g_assert_cmpint (ours->type, ==, ATLAS_JSON_BOOLEAN);
          g_assert_cmpint (ours->value.boolean, ==, json_node_get_boolean (theirs));
          break;
        case G_TYPE_STRING:
          g_assert_cmpint (ours->type, ==, ATLAS_JSON_STRING);
          g_assert_cmpstr (ours->value.string, ==, json_node_get_string (theirs));
          g_assert_cmpuint (ours->length, ==, strlen (json_node_get_string (theirs)));
          break;
        case G_TYPE_INT64:
          g_assert_cmpint (ours->type, ==, ATLAS_JSON_NUMBER);
          g_assert_cmpfloat (ours->value.number, ==, (double) json_node_get_int (theirs));
          break;
        default:
          g_assert_cmpint (ours->type, ==, ATLAS_JSON_NUMBER);
          g_assert_cmpfloat (ours->value.number, ==, json_node_get_double (theirs));
          break;
        }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (theirs);
        const AtlasJsonNode *child;
        guint32 i;

        g_assert_cmpint (ours->type, ==, ATLAS_JSON_ARRAY);
        g_assert_cmpuint (ours->length, ==, json_array_get_length (array));
        ATLAS_JSON_FOREACH (child, i, ours)
          {
            g_assert_null (child->name);
            assert_same (child, json_array_get_element (array, i));
          }
        break;
      }
    case JSON_NODE_OBJECT:
    default:
      {
        JsonObject *object = json_node_get_object (theirs);
        const AtlasJsonNode *child;
        guint32 i;

        g_assert_cmpint (ours->type, ==, ATLAS_JSON_OBJECT);
        g_assert_cmpuint (ours->length, ==, json_object_get_size (object));
        ATLAS_JSON_FOREACH (child, i, ours)
          {
            g_assert_nonnull (child->name);
            g_assert_true (atlas_json_node_get_member (ours, child->name) == child);
            assert_same (child, json_object_get_member (object, child->name));
          }
        break;
      }
    }
}

static char *
random_text (void)
{
  /* Not U+001F, which json-glib 1.6 writes unescaped. */
  static const gunichar pool[] = { 'a',    'Z',    ' ',    '"',    '\\',    '/',
                                   '\n',   '\t',   0x01,   0x1E,   0x7F,    0xE9,
                                   0x7EA2, 0x679C, 0x2028, 0xFFFD, 0x1F600, 0x10FFFD };
  GString *text = g_string_new (NULL);
  int n = g_test_rand_int_range (0, 12);

  for (int i = 0; i < n; i++)
    g_string_append_unichar (text, pool[g_test_rand_int_range (0, G_N_ELEMENTS (pool))]);
  return g_string_free (text, FALSE);
}

static JsonNode *
random_node (int depth)
{
  int kind = g_test_rand_int_range (0, depth > 4 ? 5 : 7);

  switch (kind)
    {
    case 0: return json_node_init_null (json_node_alloc ());
    case 1: return json_node_init_boolean (json_node_alloc (), g_test_rand_bit ());
    case 2:
      {
        g_autofree char *text = random_text ();

        return json_node_init_string (json_node_alloc (), text);
      }
    case 3:
      return json_node_init_int (json_node_alloc (),
                                 (gint64) g_test_rand_int () * g_test_rand_int_range (1, 1 << 20));
    case 4:
      {
        /* Short decimals take the reader's own path, long ones strtod's. */
        double value = g_test_rand_bit () ? g_test_rand_int_range (-100000, 100000) / 100.0
                                          : g_test_rand_double_range (-1e30, 1e30) *
                                                pow (10, g_test_rand_int_range (-300, 0));

        return json_node_init_double (json_node_alloc (), value);
      }
    case 5:
      {
        JsonArray *array = json_array_new ();
        int n = g_test_rand_int_range (0, 6);
        JsonNode *node;

        for (int i = 0; i < n; i++)
          json_array_add_element (array, random_node (depth + 1));
        node = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
        return node;
      }
    default:
      {
        JsonObject *object = json_object_new ();
        int n = g_test_rand_int_range (0, 6);
        JsonNode *node;

        for (int i = 0; i < n; i++)
          {
            g_autofree char *name = random_text ();

            json_object_set_member (object, name, random_node (depth + 1));
          }
        node = json_node_init_object (json_node_alloc (), object);
        json_object_unref (object);
        return node;
      }
    }
}

static void
test_differential (void)
{
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr (JsonNode) root = random_node (0);
      g_autoptr (JsonGenerator) generator = json_generator_new ();
      g_autofree char *text = NULL;
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (AtlasJsonDocument) document = NULL;
      g_autoptr (GError) error = NULL;

      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, i % 2);
      text = json_generator_to_data (generator, NULL);

      g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
      document = parse (text, -1, &error);
      g_assert_no_error (error);
      assert_same (atlas_json_document_get_root (document), json_parser_get_root (parser));
    }
}

/* ---- what JSON writes ---- */

static void
test_escapes (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasJsonDocument) document = parse (
      "[\"\\u00e9\\u7EA2\\ud83d\\ude00\\n\\/\\\"\\\\\", \"x\\ud800y\", \"\\udc00\"]", -1, &error);
  const AtlasJsonNode *root;

  g_assert_no_error (error);
  root = atlas_json_document_get_root (document);
  g_assert_cmpuint (root->length, ==, 3);
  g_assert_cmpstr (root[1].value.string, ==, "é红😀\n/\"\\");
  /* A lone surrogate gives its three bytes, for the loader to refuse. */
  g_assert_cmpstr (root[2].value.string, ==, "x\xED\xA0\x80y");
  g_assert_cmpstr (root[3].value.string, ==, "\xED\xB0\x80");
}

static void
test_numbers (void)
{
  static const char *const numbers[] = {
    "0",
    "-0",
    "7",
    "-12",
    "12.5",
    "0.1",
    "0.3",
    "123456789012345",
    "1234567890123456789",
    "9007199254740993",
    "0.30000000000000004",
    "1e5",
    "1E-5",
    "-1.5e+3",
    "2.5E2",
    "1e400",
    "-1e400",
    "1e-400",
    "4.9e-324",
    "0.000001",
    "999999999999999.9",
    "1.7976931348623157e308",
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (AtlasJsonDocument) document = parse (numbers[i], -1, &error);
      const AtlasJsonNode *root;
      double expected = g_ascii_strtod (numbers[i], NULL);

      g_assert_no_error (error);
      root = atlas_json_document_get_root (document);
      g_assert_cmpint (root->type, ==, ATLAS_JSON_NUMBER);
      g_assert_true (memcmp (&root->value.number, &expected, sizeof expected) == 0 ||
                     root->value.number == expected);
      g_assert_cmpint (signbit (root->value.number), ==, signbit (expected));
    }
}

static void
test_members (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasJsonDocument) document =
      parse ("\xEF\xBB\xBF {\"a\": 1, \"b\": {\"c\": [[], {}, [null]]}, \"a\": true,"
             " \"\": \"empty\", \"n\": null, \"f\": false}",
             -1, &error);
  const AtlasJsonNode *root, *b, *c;

  g_assert_no_error (error);
  root = atlas_json_document_get_root (document);
  g_assert_cmpuint (root->length, ==, 6);
  /* The last of two members of one name, as json-glib read them. */
  g_assert_cmpint (atlas_json_node_get_member (root, "a")->type, ==, ATLAS_JSON_BOOLEAN);
  g_assert_cmpstr (atlas_json_node_get_member (root, "")->value.string, ==, "empty");
  g_assert_cmpint (atlas_json_node_get_member (root, "n")->type, ==, ATLAS_JSON_NULL);
  g_assert_false (atlas_json_node_get_member (root, "f")->value.boolean);
  g_assert_null (atlas_json_node_get_member (root, "z"));
  b = atlas_json_node_get_member (root, "b");
  c = atlas_json_node_get_member (b, "c");
  g_assert_cmpuint (c->length, ==, 3);
  g_assert_cmpuint (c->span, ==, 5);
  g_assert_cmpuint (b->span, ==, 6);
  g_assert_cmpuint (c[1].length, ==, 0);
  g_assert_cmpint (c[2].type, ==, ATLAS_JSON_OBJECT);
  g_assert_cmpuint (c[3].length, ==, 1);
  g_assert_cmpint (c[4].type, ==, ATLAS_JSON_NULL);
  g_assert_null (atlas_json_node_get_member (c, "x"));
}

/* ---- what is not JSON ---- */

static void
test_refused (void)
{
  static const struct
  {
    const char *text;
    gssize len;
    int code;
    const char *message;
  } cases[] = {
    { "", 0, ATLAS_DATA_ERROR_SYNTAX, "test.json: the file is empty" },
    { " \n\t", -1, ATLAS_DATA_ERROR_SYNTAX, "test.json: the file is empty" },
    { "{\n  \"format\": [1,\n  2,, ]\n}", -1, ATLAS_DATA_ERROR_SYNTAX,
      "test.json:3:5: expected a value (a string, a number, an object, an array, true, false or "
      "null), found “,”" },
    { "[1,]", -1, ATLAS_DATA_ERROR_SYNTAX, "test.json:1:4: expected a value" },
    { "{\"a\": 1,}", -1, ATLAS_DATA_ERROR_SYNTAX,
      "test.json:1:9: expected a member's name, in double quotes, found “}”" },
    { "{\"a\" 1}", -1, ATLAS_DATA_ERROR_SYNTAX,
      "test.json:1:6: expected “:” after the member's name, found “1”" },
    { "{\"a\": 1 \"b\": 2}", -1, ATLAS_DATA_ERROR_SYNTAX,
      "test.json:1:9: expected “,” or “}” after the member, found “\"”" },
    { "[1 2]", -1, ATLAS_DATA_ERROR_SYNTAX,
      "test.json:1:4: expected “,” or “]” after the element, found “2”" },
    { "[1", -1, ATLAS_DATA_ERROR_SYNTAX,
      "test.json:1:3: expected “,” or “]” after the element, found the end of the file" },
    { "{} {}", -1, ATLAS_DATA_ERROR_SYNTAX,
      "test.json:1:4: expected the end of the file after the top-level value, found “{”" },
    { "[True]", -1, ATLAS_DATA_ERROR_SYNTAX, "test.json:1:2: expected a value" },
    { "[truex]", -1, ATLAS_DATA_ERROR_SYNTAX, "found “truex”" },
    { "[nul]", -1, ATLAS_DATA_ERROR_SYNTAX, "found “nul”" },
    { "{\"a\": 1, /* why */ \"b\": 2}", -1, ATLAS_DATA_ERROR_SYNTAX,
      "test.json:1:10: expected a member's name, in double quotes, found a comment, which JSON "
      "does not have" },
    { "[1] // done", -1, ATLAS_DATA_ERROR_SYNTAX,
      "test.json:1:5: expected the end of the file after the top-level value, found a comment" },
    { "['a']", -1, ATLAS_DATA_ERROR_SYNTAX, "test.json:1:2: expected a value" },
    { "[\"红\",\n 红]", -1, ATLAS_DATA_ERROR_SYNTAX, "test.json:2:2: expected a value" },
    { "[\"红\", 01]", -1, ATLAS_DATA_ERROR_SYNTAX,
      "test.json:1:7: “01” is not a number as JSON writes them" },
    { "[-]", -1, ATLAS_DATA_ERROR_SYNTAX, "test.json:1:2: “-” is not a number" },
    { "[1.]", -1, ATLAS_DATA_ERROR_SYNTAX, "test.json:1:2: “1.” is not a number" },
    { "[.5]", -1, ATLAS_DATA_ERROR_SYNTAX, "test.json:1:2: expected a value" },
    { "[1e+]", -1, ATLAS_DATA_ERROR_SYNTAX, "test.json:1:2: “1e+” is not a number" },
    { "[+1]", -1, ATLAS_DATA_ERROR_SYNTAX, "test.json:1:2: expected a value" },
    { "[0x10]", -1, ATLAS_DATA_ERROR_SYNTAX, "test.json:1:2: “0x10” is not a number" },
    { "[\"abc", -1, ATLAS_DATA_ERROR_SYNTAX,
      "test.json:1:2: this string is not closed before the end of the file" },
    { "[\"abc\\", -1, ATLAS_DATA_ERROR_SYNTAX,
      "test.json:1:2: this string is not closed before the end of the file" },
    { "[\"a\nb\"]", -1, ATLAS_DATA_ERROR_SYNTAX,
      "test.json:1:4: a string holds the control character U+000A; write it escaped" },
    { "[\"a\\qb\"]", -1, ATLAS_DATA_ERROR_SYNTAX,
      "test.json:1:5: expected an escape after the backslash" },
    { "[\"a\\u12g4\"]", -1, ATLAS_DATA_ERROR_SYNTAX,
      "test.json:1:4: \\u is followed by four hexadecimal digits" },
    { "[\"a\\u00\"]", -1, ATLAS_DATA_ERROR_SYNTAX,
      "test.json:1:4: \\u is followed by four hexadecimal digits" },
    { "{\"x\": \"a\\u0000\"}", -1, ATLAS_DATA_ERROR_ENCODING,
      "test.json:1:9: a string contains the NUL character \\u0000" },
    { "{\"x\": \"a\0\"}", 11, ATLAS_DATA_ERROR_ENCODING, "test.json:1:9: contains a NUL byte" },
    { "{\"a\": 1}\0{}", 11, ATLAS_DATA_ERROR_ENCODING, "test.json:1:9: contains a NUL byte" },
    { "{\n \"title\": \"caf\xe9\"}", -1, ATLAS_DATA_ERROR_ENCODING,
      "test.json:2:15: not valid UTF-8 (byte offset 16)" },
    { "[1, \xff]", -1, ATLAS_DATA_ERROR_ENCODING, "test.json:1:5: not valid UTF-8" },
    { "[\"\xed\xa0\x80\"]", -1, ATLAS_DATA_ERROR_ENCODING, "test.json:1:3: not valid UTF-8" },
    { "{\"\xc3\": 1}", -1, ATLAS_DATA_ERROR_ENCODING, "test.json:1:3: not valid UTF-8" },
    /* A column counts characters, and a string read before still counts
     * as many as it had. */
    { "[\"红果\", \"ab\", x]", -1, ATLAS_DATA_ERROR_SYNTAX, "test.json:1:14: expected a value" },
    { "[\"\\n\\u7ea2\"\n,\n x]", -1, ATLAS_DATA_ERROR_SYNTAX, "test.json:3:2: expected a value" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (AtlasJsonDocument) document = parse (cases[i].text, cases[i].len, &error);

      g_test_message ("%u: %s", i, error ? error->message : "(read)");
      g_assert_null (document);
      g_assert_error (error, ATLAS_DATA_ERROR, cases[i].code);
      if (g_str_has_prefix (cases[i].message, "test.json"))
        g_assert_true (g_str_has_prefix (error->message, cases[i].message));
      else
        g_assert_nonnull (strstr (error->message, cases[i].message));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

static void
test_depth (void)
{
  for (guint depth = 63; depth <= 65; depth++)
    {
      g_autofree char *text = g_malloc (depth * 2 + 1);
      g_autoptr (GError) error = NULL;
      g_autoptr (AtlasJsonDocument) document = NULL;

      memset (text, '[', depth);
      memset (text + depth, ']', depth);
      text[depth * 2] = '\0';

      document = parse (text, -1, &error);
      if (depth <= 64)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (atlas_json_document_get_root (document)->span, ==, depth);
        }
      else
        {
          g_assert_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_TOO_DEEP);
          g_assert_true (g_str_has_prefix (error->message, "test.json:1:65: nested more than 64"));
        }
    }
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/differential", test_differential);
  g_test_add_func ("/json/escapes", test_escapes);
  g_test_add_func ("/json/numbers", test_numbers);
  g_test_add_func ("/json/members", test_members);
  g_test_add_func ("/json/refused", test_refused);
  g_test_add_func ("/json/depth", test_depth);

  return g_test_run ();
}
