/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-mutations"

#include "config.h"

/* The bundled dataset with random edits — keys dropped, values of the wrong
 * type, numbers negative, huge or fractional, ids duplicated, references left
 * dangling, strings emptied or megabytes long, dates impossible, and the
 * words of values edited with the date grammar's own words (repeated,
 * contradicting, emptied, blank, numbers too large). Each mutant
 * must load or be refused with a message that names the file and where;
 * never a crash. The seed is fixed, so a failure can be replayed; set
 * ATLAS_MUTATION_SEED and ATLAS_MUTATIONS to explore further. */

#include <string.h>

#include <json-glib/json-glib.h>

#include "atlas-error.h"
#include "atlas-loader.h"

/* The bundled dataset's text: each mutant is parsed from it afresh, since
 * json_node_copy() shares objects and arrays. */
static char *pristine;

/* Every node of @node's tree, with its parent (or NULL), depth first. */
typedef struct
{
  JsonNode *node;
  JsonNode *parent;
  char *member;   /* for an object's member */
  guint index;    /* for an array's element */
} Site;

static void
collect (JsonNode *node,
         JsonNode *parent,
         const char *member,
         guint index,
         GArray *sites)
{
  Site site = { node, parent, g_strdup (member), index };

  g_array_append_val (sites, site);

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *child;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &child))
        collect (child, node, name, 0, sites);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect (json_array_get_element (array, i), node, NULL, i, sites);
    }
}

static void
clear_site (gpointer data)
{
  g_free (((Site *) data)->member);
}

static void
replace (Site *site,
         JsonNode *value)
{
  if (site->parent == NULL)
    return;
  if (JSON_NODE_HOLDS_OBJECT (site->parent))
    json_object_set_member (json_node_get_object (site->parent), site->member, value);
  else
    {
      /* Arrays have no "set": replace element by element. */
      JsonArray *array = json_node_get_array (site->parent);
      g_autoptr (JsonArray) copy = json_array_new ();

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (copy, i == site->index
                                          ? json_node_ref (value)
                                          : json_node_copy (json_array_get_element (array, i)));
      json_node_unref (value);
      json_node_set_array (site->parent, copy);
    }
}

static void
remove_site (Site *site)
{
  if (site->parent == NULL)
    return;
  if (JSON_NODE_HOLDS_OBJECT (site->parent))
    json_object_remove_member (json_node_get_object (site->parent), site->member);
  else
    json_array_remove_element (json_node_get_array (site->parent), site->index);
}

static JsonNode *
string_node (const char *text)
{
  return json_node_init_string (json_node_alloc (), text);
}

static JsonNode *
double_node (double value)
{
  return json_node_init_double (json_node_alloc (), value);
}

/* The date grammar's words, which value edits put where they do harm. */
static const char *const grammar_words[] = {
  "early",  "mid",   "late", "first", "second", "last",    "half",  "of",   "by",
  "as",     "since", "from", "to",    "and",    "between", "about", "the",  "month",
  "months", "eight", "–",    "-",     "2025",   "2010s",   "Sept.", "Oct.", "99999999999999999999",
};

/* The words of @text edited: one of the grammar's put in, the first word
 * repeated, two modifiers in front, emptied or blanked, or a number made
 * too large. */
static char *
edit_words (const char *text,
            GRand *rand)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  guint n = g_strv_length (words);
  g_autoptr (GString) out = g_string_new (NULL);
  const char *word = grammar_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (grammar_words))];

  switch (g_rand_int_range (rand, 0, 5))
    {
    case 0:
      {
        guint at = (guint) g_rand_int_range (rand, 0, (gint32) n + 1);

        for (guint i = 0; i <= n; i++)
          {
            if (i == at)
              g_string_append_printf (out, "%s ", word);
            if (i < n)
              g_string_append_printf (out, "%s ", words[i]);
          }
        break;
      }
    case 1:
      for (guint i = 0, times = (guint) g_rand_int_range (rand, 2, 400); i < times; i++)
        g_string_append_printf (out, "%s ", n > 0 ? words[0] : word);
      g_string_append (out, text);
      break;
    case 2:
      g_string_printf (out, "%s %s %s", g_rand_boolean (rand) ? "late" : "early",
                       g_rand_boolean (rand) ? "mid" : "late", text);
      break;
    case 3:
      {
        static const char *const blanks[] = { "", " ", "   ", "\t", " \n " };

        g_string_assign (out, blanks[g_rand_int_range (rand, 0, G_N_ELEMENTS (blanks))]);
        break;
      }
    default:
      for (guint i = 0; i < n; i++)
        g_string_append_printf (out, "%s%s", i ? " " : "",
                                g_ascii_isdigit (words[i][0]) ? "99999999999999999999" : words[i]);
      break;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* One random edit of @root. Returns what it did, for the log. */
static const char *
mutate (JsonNode *root,
        GRand *rand)
{
  g_autoptr (GArray) sites = g_array_new (FALSE, FALSE, sizeof (Site));
  Site *site;
  const char *what;

  g_array_set_clear_func (sites, clear_site);
  collect (root, NULL, NULL, 0, sites);
  if (sites->len < 2)
    return "nothing left to edit";
  site = &g_array_index (sites, Site, g_rand_int_range (rand, 1, (gint32) sites->len));

  switch (g_rand_int_range (rand, 0, 15))
    {
    case 0:
      remove_site (site);
      what = "removed";
      break;
    case 1:
      replace (site, json_node_init_int (json_node_alloc (), g_rand_int_range (rand, -1000, 1000)));
      what = "an integer";
      break;
    case 2:
      replace (site, double_node (-g_rand_double_range (rand, 0, 1e12)));
      what = "a negative number";
      break;
    case 3:
      replace (site, double_node (g_rand_double_range (rand, 1e300, 1e308) * 10));
      what = "a huge number";
      break;
    case 4:
      replace (site, double_node (g_rand_double (rand)));
      what = "a fraction";
      break;
    case 5:
      replace (site, string_node (""));
      what = "an empty string";
      break;
    case 6:
      {
        g_autofree char *big = g_strnfill (2 * 1024 * 1024, 'x');

        replace (site, string_node (big));
        what = "a 2 MB string";
        break;
      }
    case 7:
      replace (site, json_node_init_null (json_node_alloc ()));
      what = "null";
      break;
    case 8:
      {
        JsonNode *node = json_node_new (JSON_NODE_OBJECT);

        json_node_take_object (node, json_object_new ());
        replace (site, node);
      }
      what = "an empty object";
      break;
    case 9:
      {
        JsonNode *node = json_node_new (JSON_NODE_ARRAY);

        json_node_take_array (node, json_array_new ());
        replace (site, node);
      }
      what = "an empty array";
      break;
    case 10:
      {
        static const char *dates[] = {
          "2025-13",
          "2025-02-30",
          "Octember 3, 2025",
          "soon",
          "late Oct. 28, 2025",
          "0999",
          "2020–2018",
          "first thirteen months of 2025",
          "by about 2020",
        };

        replace (site, string_node (dates[g_rand_int_range (rand, 0, G_N_ELEMENTS (dates))]));
        what = "an impossible date";
        break;
      }
    case 11:
      replace (site, string_node ("no-such-thing"));
      what = "a dangling reference";
      break;
    case 12:
      /* Copy an element of an array beside itself: duplicate ids */
      if (site->parent != NULL && JSON_NODE_HOLDS_ARRAY (site->parent))
        json_array_add_element (json_node_get_array (site->parent), json_node_copy (site->node));
      what = "a duplicate";
      break;
    case 13:
      /* The words of a string value; a date's, most often. */
      for (guint tries = 0; tries < 64; tries++)
        {
          Site *candidate =
              &g_array_index (sites, Site, g_rand_int_range (rand, 1, (gint32) sites->len));

          if (JSON_NODE_HOLDS_VALUE (candidate->node) &&
              json_node_get_value_type (candidate->node) == G_TYPE_STRING &&
              (site = candidate, g_strcmp0 (candidate->member, "date") == 0 || tries > 48))
            break;
        }
      if (JSON_NODE_HOLDS_VALUE (site->node) &&
          json_node_get_value_type (site->node) == G_TYPE_STRING)
        {
          g_autofree char *edited = edit_words (json_node_get_string (site->node), rand);

          replace (site, string_node (edited));
        }
      what = "a value's words";
      break;
    default:
      replace (site, json_node_init_boolean (json_node_alloc (), TRUE));
      what = "a boolean";
      break;
    }
  return what;
}

static void
test_mutants (void)
{
  const char *seed_text = g_getenv ("ATLAS_MUTATION_SEED");
  const char *count_text = g_getenv ("ATLAS_MUTATIONS");
  guint32 seed = seed_text ? (guint32) g_ascii_strtoull (seed_text, NULL, 10) : 20251124;
  guint count = count_text ? (guint) g_ascii_strtoull (count_text, NULL, 10) : 600;
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  guint accepted = 0, refused = 0;

  for (guint i = 0; i < count; i++)
    {
      g_autoptr (JsonNode) root = json_from_string (pristine, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (AtlasDataset) dataset = NULL;
      g_autoptr (GBytes) bytes = NULL;
      guint edits = (guint) g_rand_int_range (rand, 1, 4);
      const char *what = NULL;
      char *text;

      for (guint e = 0; e < edits; e++)
        what = mutate (root, rand);

      text = json_to_string (root, FALSE);
      bytes = g_bytes_new_take (text, strlen (text));
      dataset = atlas_dataset_load_bytes (bytes, "microdrama.json", &error);

      if (dataset != NULL)
        {
          g_assert_no_error (error);
          accepted++;
          continue;
        }

      refused++;
      if (error == NULL || error->domain != ATLAS_DATA_ERROR ||
          !g_str_has_prefix (error->message, "microdrama.json"))
        g_error ("mutant %u (seed %u, last edit: %s) refused without a proper message: %s", i, seed,
                 what, error ? error->message : "(none)");
    }

  g_test_message ("%u mutants: %u accepted, %u refused with a message", count, accepted, refused);
  g_assert_cmpuint (accepted + refused, ==, count);
  g_assert_cmpuint (refused, >, 0);
}

int
main (int argc,
      char *argv[])
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) check = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* The bundled dataset, as its JSON tree. */
  check = atlas_dataset_load_default (&error);
  g_assert_no_error (error);
  bytes =
      g_resources_lookup_data (ATLAS_DEFAULT_DATASET_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  pristine = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_test_add_func ("/mutations/mutants", test_mutants);

  status = g_test_run ();
  g_free (pristine);
  return status;
}
