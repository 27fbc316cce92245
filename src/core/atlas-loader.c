/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-loader"

#include "config.h"

/* Reads a dataset file (format: docs/dataset-format.md) into an AtlasDataset.
 *
 * A dataset may come from anyone, so the file is bounded: it must be a
 * regular file of at most ATLAS_DATA_MAX_BYTES, and atlas-json.c reads it
 * as UTF-8 JSON without NUL characters, nested at most ATLAS_DATA_MAX_DEPTH
 * deep. Then one walk over the nodes builds the model and checks it,
 * collecting every problem (up to ATLAS_DATA_MAX_PROBLEMS) with its JSON path,
 * so that a person fixing a file sees all that is wrong at once. The nodes
 * are freed before the dataset is sealed.
 */

#include <errno.h>
#include <math.h>
#include <string.h>

/* Problems are told to the person, in the interface's language, whatever
 * language a thread draws in. */
#include <glib/gi18n-lib.h>

#include <glib/gstdio.h>

#include "atlas-data-resources.h"
#include "atlas-enums.h"
#include "atlas-error.h"
#include "atlas-json.h"
#include "atlas-loader.h"
#include "atlas-locale.h"

/* Where in the document a node is: a chain of frames on the C stack, turned
 * into "events[12].date.start" only when a problem is reported. */
typedef struct _Loc Loc;
struct _Loc
{
  const Loc *parent;
  const char *member; /* or NULL for an array element */
  int index;
};

#define LOC_MEMBER(parent_, name_) { (parent_), (name_), -1 }
#define LOC_INDEX(parent_, index_) { (parent_), NULL, (int) (index_) }

typedef struct
{
  const char *name;
  GPtrArray *problems;
  guint n_problems;
  gboolean strict;         /* unknown members are problems */
  AtlasDataset *dataset;
  /* Ids as declared, even by an object with other problems, so that one
   * mistake is reported once and not again by every reference to it. */
  GHashTable *source_ids;
  GHashTable *chart_ids;
  GHashTable *entity_ids;
  GHashTable *event_ids;
  gboolean chinese;        /* the interface reads Chinese: take the _zh texts */
  GHashTable *dates;       /* wording → AtlasFuzzyDate read from it: a file repeats them */
  GPtrArray *object_dates; /* AtlasFuzzyDate read from objects, which read_date() lends */
} Ctx;

static void
loc_append (GString *out,
            const Loc *loc)
{
  if (loc == NULL)
    return;
  loc_append (out, loc->parent);
  if (loc->member != NULL)
    {
      if (out->len > 0)
        g_string_append_c (out, '.');
      g_string_append (out, loc->member);
    }
  else if (loc->index >= 0)
    g_string_append_printf (out, "[%d]", loc->index);
}

static void problem (Ctx *ctx,
                     const Loc *loc,
                     const char *format,
                     ...) G_GNUC_PRINTF (3, 4);

static void
problem (Ctx *ctx,
         const Loc *loc,
         const char *format,
         ...)
{
  g_autoptr (GString) path = g_string_new (NULL);
  g_autofree char *message = NULL;
  va_list args;

  ctx->n_problems++;
  if (ctx->problems->len >= ATLAS_DATA_MAX_PROBLEMS)
    return;

  loc_append (path, loc);
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  {
    /* Member names and quoted values come from the file: the message is
     * made valid UTF-8 whatever they hold. */
    g_autofree char *line =
        /* Translators: a problem in a dataset: the file, where in it, and
         * what is wrong, "microdrama.json: events[3].date: is empty" */
        g_strdup_printf (_ ("%s: %s: %s"), ctx->name, path->len ? path->str : _ ("top level"),
                         message);

    g_ptr_array_add (ctx->problems, g_utf8_make_valid (line, -1));
  }
}

static const AtlasJsonNode *
as_object (Ctx *ctx,
           const AtlasJsonNode *node,
           const Loc *loc)
{
  if (node == NULL || node->type != ATLAS_JSON_OBJECT)
    {
      problem (ctx, loc, _ ("expected an object, found %s"), atlas_json_node_get_type_name (node));
      return NULL;
    }
  return node;
}

/* g_strv_contains(), first letter first: called for every member of a
 * large file. */
static gboolean
is_allowed (const char *const *allowed,
            const char *member)
{
  for (; *allowed != NULL; allowed++)
    if ((*allowed)[0] == member[0] && strcmp (*allowed, member) == 0)
      return TRUE;
  return FALSE;
}

static void
check_members (Ctx *ctx,
               const AtlasJsonNode *object,
               const Loc *loc,
               const char *const *allowed)
{
  const AtlasJsonNode *member;
  guint32 i;

  if (!ctx->strict)
    return;

  ATLAS_JSON_FOREACH (member, i, object)
    if (!is_allowed (allowed, member->name))
      {
        g_autofree char *list = g_strjoinv (", ", (char **) allowed);
        Loc here = LOC_MEMBER (loc, member->name);

        problem (ctx, &here, _ ("unknown member; expected one of: %s"), list);
      }
}

static gboolean
is_blank (const char *str)
{
  for (; *str; str++)
    if (!g_ascii_isspace (*str))
      return FALSE;
  return TRUE;
}

/* How long a member's text may be, and what to call it in a message: a
 * paragraph, an id or a reference to one, or a line. */
static glong
text_limit (const char *member,
            const char **kind)
{
  static const char *const paragraphs[] = { "summary",     "sentence", "note",
                                            "description", "text",     NULL };
  static const char *const ids[] = { "id", "entity", "source", "event", "target", "chart", NULL };
  g_autofree char *base = g_str_has_suffix (member, "_zh")
                              ? g_strndup (member, strlen (member) - strlen ("_zh"))
                              : g_strdup (member);

  member = base;
  if (g_strv_contains (paragraphs, member))
    {
      *kind = C_ ("text kind", "a summary, a text or a sentence");
      return ATLAS_DATA_MAX_LONG_TEXT;
    }
  if (g_strv_contains (ids, member))
    {
      *kind = C_ ("text kind", "an id");
      return 200;
    }
  *kind = C_ ("text kind", "a name, a title or a label");
  return ATLAS_DATA_MAX_SHORT_TEXT;
}

/* Text a reader is shown: valid UTF-8 (an escaped lone surrogate, such as
 * \ud800, is not), without noncharacters (U+FFFE, U+FDD0…), and no longer
 * than its kind of text may be. */
static gboolean
check_text (Ctx *ctx,
            const Loc *here,
            const char *member,
            const char *str)
{
  const char *kind;
  const char *ascii_end = str;
  glong limit, length = 0;

  /* Most text is ASCII: valid, without noncharacters, a character a byte. */
  while ((guchar) *ascii_end >= 0x01 && (guchar) *ascii_end < 0x80)
    ascii_end++;
  if (*ascii_end == '\0')
    length = ascii_end - str;
  else
    {
      if (!g_utf8_validate (str, -1, NULL))
        {
          problem (ctx, here,
                   _ ("is not valid UTF-8 (an escaped lone surrogate such as \\ud800?)"));
          return FALSE;
        }
      for (const char *p = str; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)
            {
              problem (ctx, here, _ ("holds U+%04X, a noncharacter, which text may not"), c);
              return FALSE;
            }
          length++;
        }
    }
  /* No kind of text is shorter than a line: only a longer one asks which. */
  if (length <= MIN (ATLAS_DATA_MAX_SHORT_TEXT, 200))
    return TRUE;
  limit = text_limit (member, &kind);
  if (length > limit)
    {
      problem (ctx, here, _ ("is %ld characters long; %s has at most %ld"), length, kind, limit);
      return FALSE;
    }
  return TRUE;
}

/* A string member. Absent or null gives NULL, silently unless @required. */
static const char *
get_string (Ctx *ctx,
            const AtlasJsonNode *object,
            const Loc *loc,
            const char *member,
            gboolean required)
{
  const AtlasJsonNode *node = atlas_json_node_get_member (object, member);
  Loc here = LOC_MEMBER (loc, member);
  const char *str;

  if (node == NULL || node->type == ATLAS_JSON_NULL)
    {
      if (required)
        problem (ctx, &here, _ ("missing; a string is required"));
      return NULL;
    }
  if (node->type != ATLAS_JSON_STRING)
    {
      problem (ctx, &here, _ ("expected a string, found %s"), atlas_json_node_get_type_name (node));
      return NULL;
    }
  str = node->value.string;
  if (required && is_blank (str))
    {
      problem (ctx, &here, _ ("is empty"));
      return NULL;
    }
  if (!check_text (ctx, &here, member, str))
    return NULL;
  return str;
}

static gboolean
get_number (Ctx *ctx,
            const AtlasJsonNode *object,
            const Loc *loc,
            const char *member,
            double *value)
{
  const AtlasJsonNode *node = atlas_json_node_get_member (object, member);
  Loc here = LOC_MEMBER (loc, member);

  if (node == NULL || node->type == ATLAS_JSON_NULL)
    {
      problem (ctx, &here, _ ("missing; a number is required"));
      return FALSE;
    }
  if (node->type != ATLAS_JSON_NUMBER)
    {
      problem (ctx, &here, _ ("expected a number, found %s"), atlas_json_node_get_type_name (node));
      return FALSE;
    }
  *value = node->value.number;
  if (!isfinite (*value))
    {
      problem (ctx, &here, _ ("is too large to be a number; a figure is at most %g"),
               ATLAS_DATA_MAX_VALUE);
      return FALSE;
    }
  if (*value < 0)
    {
      problem (ctx, &here, _ ("is negative (%g); figures are zero or more"), *value);
      return FALSE;
    }
  if (*value > ATLAS_DATA_MAX_VALUE)
    {
      problem (ctx, &here, _ ("is %g, more than the %g a figure may be"), *value,
               ATLAS_DATA_MAX_VALUE);
      return FALSE;
    }
  if (*value > 0 && *value < ATLAS_DATA_MIN_VALUE)
    {
      problem (ctx, &here, _ ("is %g; a figure other than zero is at least %g"), *value,
               ATLAS_DATA_MIN_VALUE);
      return FALSE;
    }
  return TRUE;
}

/* An array member; absent or null gives NULL, silently unless @required. */
static const AtlasJsonNode *
get_array (Ctx *ctx,
           const AtlasJsonNode *object,
           const Loc *loc,
           const char *member,
           gboolean required)
{
  const AtlasJsonNode *node = atlas_json_node_get_member (object, member);
  Loc here = LOC_MEMBER (loc, member);

  if (node == NULL || node->type == ATLAS_JSON_NULL)
    {
      if (required)
        problem (ctx, &here, _ ("missing; an array is required"));
      return NULL;
    }
  if (node->type != ATLAS_JSON_ARRAY)
    {
      problem (ctx, &here, _ ("expected an array, found %s"), atlas_json_node_get_type_name (node));
      return NULL;
    }
  return node;
}

/* An enum member written as its nick ("platform", "up-to"). */
static gboolean
get_enum (Ctx *ctx,
          const AtlasJsonNode *object,
          const Loc *loc,
          const char *member,
          GType enum_type,
          gboolean required,
          int *value)
{
  g_autoptr (GEnumClass) klass = NULL;
  const char *nick = get_string (ctx, object, loc, member, required);
  GEnumValue *enum_value;

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value_by_nick (klass, nick);
  if (enum_value == NULL)
    {
      g_autoptr (GString) accepted = g_string_new (NULL);
      Loc here = LOC_MEMBER (loc, member);

      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (accepted, "%s%s", i ? ", " : "", klass->values[i].value_nick);
      problem (ctx, &here, _ ("unknown value “%s”; expected one of: %s"), nick, accepted->str);
      return FALSE;
    }
  *value = enum_value->value;
  return TRUE;
}

static gboolean
is_valid_id (const char *id)
{
  guint chars = 0;

  /* Characters are counted as their first bytes: the text is valid UTF-8. */
  for (const char *p = id; *p; p++)
    {
      if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
        return FALSE;
      chars += ((guchar) *p & 0xC0) != 0x80;
    }
  return chars > 0 && chars <= 200;
}

/* A text a reader sees, in the language the interface reads (format 1.1):
 * for a Chinese reader MEMBER_zh where the dataset gives it, else MEMBER.
 * The translation is checked as the English is, whoever reads. */
static const char *
get_text (Ctx *ctx,
          const AtlasJsonNode *object,
          const Loc *loc,
          const char *member,
          gboolean required)
{
  const char *text = get_string (ctx, object, loc, member, required);
  char translated_member[64];
  const char *translated = NULL;
  gsize len = strlen (member);

  /* MEMBER_zh, without printf: a large file asks three times an event. */
  g_return_val_if_fail (len + sizeof "_zh" <= sizeof translated_member, text);
  memcpy (translated_member, member, len);
  memcpy (translated_member + len, "_zh", sizeof "_zh");
  if (atlas_json_node_get_member (object, translated_member) != NULL)
    translated = get_string (ctx, object, loc, translated_member, FALSE);
  if (ctx->chinese && translated != NULL && text != NULL && !is_blank (translated))
    return translated;
  return text;
}

typedef enum
{
  ID_OF_SOURCE,
  ID_OF_CHART,
  ID_OF_ENTITY,
  ID_OF_EVENT,
  ID_OF_SERIES,
} IdOf;

/* "duplicate entity id “a”", a whole sentence for each kind of id. */
static void
problem_duplicate (Ctx *ctx,
                   const Loc *here,
                   IdOf what,
                   const char *id)
{
  switch (what)
    {
    case ID_OF_SOURCE: problem (ctx, here, _ ("duplicate source id “%s”"), id); break;
    case ID_OF_CHART: problem (ctx, here, _ ("duplicate chart id “%s”"), id); break;
    case ID_OF_ENTITY: problem (ctx, here, _ ("duplicate entity id “%s”"), id); break;
    case ID_OF_EVENT: problem (ctx, here, _ ("duplicate event id “%s”"), id); break;
    case ID_OF_SERIES:
    default: problem (ctx, here, _ ("duplicate series id “%s”"), id); break;
    }
}

/* The id of @object, once in @seen. */
static const char *
get_id (Ctx *ctx,
        const AtlasJsonNode *object,
        const Loc *loc,
        GHashTable *seen,
        IdOf what)
{
  const char *id = get_string (ctx, object, loc, "id", TRUE);
  Loc here = LOC_MEMBER (loc, "id");

  if (id == NULL)
    return NULL;
  if (!is_valid_id (id))
    {
      problem (ctx, &here, _ ("“%s” is not an id: ids are 1–200 characters without spaces"), id);
      return NULL;
    }
  if (g_hash_table_contains (seen, id))
    {
      problem_duplicate (ctx, &here, what, id);
      return NULL;
    }
  g_hash_table_add (seen, (gpointer) id);
  return id;
}

static void
check_source_ref (Ctx *ctx,
                  const AtlasJsonNode *object,
                  const Loc *loc,
                  const char *source_id)
{
  Loc here = LOC_MEMBER (loc, "source");

  if (source_id != NULL && !g_hash_table_contains (ctx->source_ids, source_id))
    problem (ctx, &here, _ ("no source has the id “%s”"), source_id);
}

static void
check_entity_ref (Ctx *ctx,
                  const Loc *loc,
                  const char *entity_id)
{
  if (entity_id != NULL && !g_hash_table_contains (ctx->entity_ids, entity_id))
    problem (ctx, loc, _ ("no entity has the id “%s”"), entity_id);
}

/* ---- dates ---- */

static const AtlasFuzzyDate *
read_date (Ctx *ctx,
           const AtlasJsonNode *node,
           const Loc *loc)
{
  static const char *const members[] = { "text",      "start",       "end", "precision",
                                         "qualifier", "approximate", NULL };
  g_autoptr (GError) error = NULL;
  const AtlasJsonNode *object;
  const char *text, *start, *end;
  guint32 first, last, end_first, end_last;
  AtlasDatePrecision precision, end_precision;
  int explicit_precision, qualifier = ATLAS_DATE_QUALIFIER_NONE;
  gboolean approximate = FALSE;

  if (node != NULL && node->type == ATLAS_JSON_STRING)
    {
      const char *wording = node->value.string;
      AtlasFuzzyDate *date = g_hash_table_lookup (ctx->dates, wording);

      if (date != NULL)
        return date;
      date = atlas_fuzzy_date_parse (wording, &error);
      if (date == NULL)
        problem (ctx, loc, "%s", error->message);
      else
        g_hash_table_insert (ctx->dates, g_strdup (wording), date);
      return date;
    }

  if (node == NULL || node->type != ATLAS_JSON_OBJECT)
    {
      problem (ctx, loc,
               _ ("expected a date: a string such as “late September 2025” "
                  "or an object with “start”, found %s"),
               atlas_json_node_get_type_name (node));
      return NULL;
    }

  object = node;
  check_members (ctx, object, loc, members);
  text = get_string (ctx, object, loc, "text", FALSE);
  start = get_string (ctx, object, loc, "start", FALSE);

  if (start == NULL)
    {
      AtlasFuzzyDate *date;
      Loc here = LOC_MEMBER (loc, "text");

      if (text == NULL)
        {
          problem (ctx, loc, _ ("a date object needs “start” or a “text” to read"));
          return NULL;
        }
      date = atlas_fuzzy_date_parse (text, &error);
      if (date == NULL)
        problem (ctx, &here, "%s", error->message);
      else
        g_ptr_array_add (ctx->object_dates, date);
      return date;
    }

  {
    Loc here = LOC_MEMBER (loc, "start");

    if (!atlas_fuzzy_date_parse_iso (start, &first, &last, &precision, &error))
      {
        problem (ctx, &here, "%s", error->message);
        return NULL;
      }
  }

  end = get_string (ctx, object, loc, "end", FALSE);
  if (end != NULL)
    {
      Loc here = LOC_MEMBER (loc, "end");

      if (!atlas_fuzzy_date_parse_iso (end, &end_first, &end_last, &end_precision, &error))
        {
          problem (ctx, &here, "%s", error->message);
          return NULL;
        }
      if (end_last < first)
        {
          problem (ctx, &here, _ ("ends (%s) before it starts (%s)"), end, start);
          return NULL;
        }
      last = end_last;
      precision = MAX (precision, end_precision);
    }

  if (atlas_json_node_get_member (object, "precision") != NULL)
    {
      if (!get_enum (ctx, object, loc, "precision", ATLAS_TYPE_DATE_PRECISION, FALSE,
                     &explicit_precision))
        return NULL;
      precision = explicit_precision;
    }
  if (atlas_json_node_get_member (object, "qualifier") != NULL &&
      !get_enum (ctx, object, loc, "qualifier", ATLAS_TYPE_DATE_QUALIFIER, FALSE, &qualifier))
    return NULL;
  if (atlas_json_node_get_member (object, "approximate") != NULL)
    {
      const AtlasJsonNode *flag = atlas_json_node_get_member (object, "approximate");
      Loc here = LOC_MEMBER (loc, "approximate");

      if (flag->type != ATLAS_JSON_BOOLEAN)
        {
          problem (ctx, &here, _ ("expected true or false, found %s"),
                   atlas_json_node_get_type_name (flag));
          return NULL;
        }
      approximate = flag->value.boolean;
    }

  g_ptr_array_add (ctx->object_dates,
                   atlas_fuzzy_date_new (first, last, precision, qualifier, approximate, text));
  return g_ptr_array_index (ctx->object_dates, ctx->object_dates->len - 1);
}

/* ---- sections ---- */

static void
read_sources (Ctx *ctx,
              const AtlasJsonNode *root,
              const Loc *root_loc)
{
  static const char *const members[] = { "id",  "publication", "publication_zh", "title", "date",
                                         "url", NULL };
  Loc section = LOC_MEMBER (root_loc, "sources");
  const AtlasJsonNode *array = get_array (ctx, root, root_loc, "sources", TRUE);
  const AtlasJsonNode *element;
  guint32 i;

  if (array == NULL)
    return;
  if (array->length == 0)
    problem (ctx, &section, _ ("a dataset needs at least one source"));

  ATLAS_JSON_FOREACH (element, i, array)
    {
      Loc loc = LOC_INDEX (&section, i);
      const AtlasJsonNode *object = as_object (ctx, element, &loc);
      const AtlasFuzzyDate *date = NULL;
      g_autoptr (AtlasSource) source = NULL;
      const char *id, *publication, *title, *url;

      if (object == NULL)
        continue;
      check_members (ctx, object, &loc, members);
      id = get_id (ctx, object, &loc, ctx->source_ids, ID_OF_SOURCE);
      publication = get_text (ctx, object, &loc, "publication", TRUE);
      title = get_string (ctx, object, &loc, "title", TRUE);
      url = get_string (ctx, object, &loc, "url", FALSE);
      if (atlas_json_node_get_member (object, "date") != NULL)
        {
          Loc date_loc = LOC_MEMBER (&loc, "date");

          date = read_date (ctx, atlas_json_node_get_member (object, "date"), &date_loc);
        }
      if (id == NULL || publication == NULL || title == NULL)
        continue;

      source = atlas_source_new (id, publication, title, date, url);
      atlas_dataset_add_source (ctx->dataset, source);
    }
}

static void
read_charts (Ctx *ctx,
             const AtlasJsonNode *root,
             const Loc *root_loc)
{
  static const char *const members[] = { "id",          "title",          "title_zh",
                                         "description", "description_zh", NULL };
  Loc section = LOC_MEMBER (root_loc, "charts");
  const AtlasJsonNode *array = get_array (ctx, root, root_loc, "charts", FALSE);
  const AtlasJsonNode *element;
  guint32 i;

  /* Each chart is a page of the window: a few, not thousands. */
  if (array != NULL && array->length > ATLAS_DATA_MAX_CHARTS)
    {
      problem (ctx, &section, _ ("declares %u charts; a dataset has at most %d"), array->length,
               ATLAS_DATA_MAX_CHARTS);
      return;
    }

  ATLAS_JSON_FOREACH (element, i, array)
    {
      Loc loc = LOC_INDEX (&section, i);
      const AtlasJsonNode *object = as_object (ctx, element, &loc);
      const char *id, *title;

      if (object == NULL)
        continue;
      check_members (ctx, object, &loc, members);
      id = get_id (ctx, object, &loc, ctx->chart_ids, ID_OF_CHART);
      if (g_strcmp0 (id, "timeline") == 0)
        {
          Loc here = LOC_MEMBER (&loc, "id");

          problem (ctx, &here, _ ("“timeline” is the timeline's own id; give the chart another"));
          id = NULL;
        }
      title = get_text (ctx, object, &loc, "title", TRUE);
      if (id != NULL && title != NULL)
        atlas_dataset_add_chart (ctx->dataset, id, title,
                                 get_text (ctx, object, &loc, "description", FALSE));
    }
}

static void
read_rates (Ctx *ctx,
            const AtlasJsonNode *root,
            const Loc *root_loc)
{
  static const char *const members[] = { "from", "to", "rate", "source", "sentence", NULL };
  Loc section = LOC_MEMBER (root_loc, "exchange_rates");
  const AtlasJsonNode *array = get_array (ctx, root, root_loc, "exchange_rates", FALSE);
  const AtlasJsonNode *element;
  guint32 i;

  ATLAS_JSON_FOREACH (element, i, array)
    {
      Loc loc = LOC_INDEX (&section, i);
      const AtlasJsonNode *object = as_object (ctx, element, &loc);
      int from, to;
      double rate;
      gboolean ok;
      const char *source_id, *sentence;

      if (object == NULL)
        continue;
      check_members (ctx, object, &loc, members);
      ok = get_enum (ctx, object, &loc, "from", ATLAS_TYPE_UNIT, TRUE, &from);
      ok &= get_enum (ctx, object, &loc, "to", ATLAS_TYPE_UNIT, TRUE, &to);
      ok &= get_number (ctx, object, &loc, "rate", &rate);
      source_id = get_string (ctx, object, &loc, "source", TRUE);
      sentence = get_string (ctx, object, &loc, "sentence", TRUE);
      check_source_ref (ctx, object, &loc, source_id);
      if (ok && rate == 0)
        {
          Loc here = LOC_MEMBER (&loc, "rate");

          problem (ctx, &here, _ ("a rate must be more than zero"));
          ok = FALSE;
        }
      if (ok && source_id != NULL && sentence != NULL)
        atlas_dataset_add_rate (ctx->dataset, from, to, rate, sentence, source_id);
    }
}

static void
read_entity_lists (Ctx *ctx,
                   const AtlasJsonNode *object,
                   const Loc *loc,
                   AtlasEntity *entity)
{
  static const char *const relation_members[] = { "type", "target", "role", "role_zh", NULL };
  static const char *const fact_members[] = { "text", "text_zh", "sentence", "source", NULL };
  Loc aliases_loc = LOC_MEMBER (loc, "aliases");
  Loc relations_loc = LOC_MEMBER (loc, "relations");
  Loc facts_loc = LOC_MEMBER (loc, "facts");
  const AtlasJsonNode *aliases = get_array (ctx, object, loc, "aliases", FALSE);
  const AtlasJsonNode *relations = get_array (ctx, object, loc, "relations", FALSE);
  const AtlasJsonNode *facts = get_array (ctx, object, loc, "facts", FALSE);
  const AtlasJsonNode *node, *element;
  guint32 i;

  ATLAS_JSON_FOREACH (node, i, aliases)
    {
      Loc here = LOC_INDEX (&aliases_loc, i);

      if (node->type != ATLAS_JSON_STRING)
        problem (ctx, &here, _ ("expected a string, found %s"),
                 atlas_json_node_get_type_name (node));
      else if (entity != NULL)
        atlas_entity_add_alias (entity, node->value.string);
    }

  ATLAS_JSON_FOREACH (element, i, relations)
    {
      Loc here = LOC_INDEX (&relations_loc, i);
      const AtlasJsonNode *relation = as_object (ctx, element, &here);
      const char *target;
      int kind;

      if (relation == NULL)
        continue;
      check_members (ctx, relation, &here, relation_members);
      target = get_string (ctx, relation, &here, "target", TRUE);
      if (get_enum (ctx, relation, &here, "type", ATLAS_TYPE_RELATION_KIND, TRUE, &kind) &&
          target != NULL && entity != NULL)
        atlas_entity_add_relation (entity, kind, target,
                                   get_text (ctx, relation, &here, "role", FALSE), FALSE);
    }

  ATLAS_JSON_FOREACH (element, i, facts)
    {
      Loc here = LOC_INDEX (&facts_loc, i);
      const AtlasJsonNode *fact = as_object (ctx, element, &here);
      const char *text, *sentence, *source_id;

      if (fact == NULL)
        continue;
      check_members (ctx, fact, &here, fact_members);
      text = get_text (ctx, fact, &here, "text", TRUE);
      sentence = get_string (ctx, fact, &here, "sentence", TRUE);
      source_id = get_string (ctx, fact, &here, "source", TRUE);
      check_source_ref (ctx, fact, &here, source_id);
      if (text != NULL && sentence != NULL && entity != NULL)
        atlas_entity_add_fact (entity, text, sentence, source_id);
    }
}

/* Where the Chinese name comes from (1.1): "source", the sources cited, or
 * "outside" them (an official or usual name the source does not give). */
static void
read_name_zh_source (Ctx *ctx,
                     const AtlasJsonNode *object,
                     const Loc *loc,
                     AtlasEntity *entity)
{
  const char *from = get_string (ctx, object, loc, "name_zh_source", FALSE);
  Loc here = LOC_MEMBER (loc, "name_zh_source");

  if (from == NULL)
    return;
  if (!g_str_equal (from, "source") && !g_str_equal (from, "outside"))
    problem (ctx, &here,
             _ ("“%s” is not where a name comes from; expected one of: source, outside"), from);
  else if (get_string (ctx, object, loc, "name_zh", FALSE) == NULL)
    problem (ctx, &here, _ ("there is no name_zh to say this of"));
  else if (entity != NULL)
    atlas_entity_set_name_zh_from_source (entity, g_str_equal (from, "source"));
}

static void
read_entities (Ctx *ctx,
               const AtlasJsonNode *root,
               const Loc *root_loc)
{
  static const char *const members[] = {
    "id",         "kind",      "name",  "name_zh", "name_zh_source", "aliases", "summary",
    "summary_zh", "relations", "facts", NULL
  };
  Loc section = LOC_MEMBER (root_loc, "entities");
  const AtlasJsonNode *array = get_array (ctx, root, root_loc, "entities", TRUE);
  const AtlasJsonNode *node;
  guint32 i;

  ATLAS_JSON_FOREACH (node, i, array)
    {
      Loc loc = LOC_INDEX (&section, i);
      const AtlasJsonNode *object = as_object (ctx, node, &loc);
      g_autoptr (AtlasEntity) entity = NULL;
      const char *id, *name;
      int kind;
      gboolean has_kind;

      if (object == NULL)
        continue;
      check_members (ctx, object, &loc, members);
      id = get_id (ctx, object, &loc, ctx->entity_ids, ID_OF_ENTITY);
      name = get_string (ctx, object, &loc, "name", TRUE);
      has_kind = get_enum (ctx, object, &loc, "kind", ATLAS_TYPE_ENTITY_KIND, TRUE, &kind);
      if (id != NULL && name != NULL && has_kind)
        entity = atlas_entity_new (id, kind, name, get_string (ctx, object, &loc, "name_zh", FALSE),
                                   get_text (ctx, object, &loc, "summary", FALSE));
      read_name_zh_source (ctx, object, &loc, entity);
      read_entity_lists (ctx, object, &loc, entity);
      if (entity != NULL)
        atlas_dataset_add_entity (ctx->dataset, entity);
    }

  /* Relation targets, now that every entity is known. */
  ATLAS_JSON_FOREACH (node, i, array)
    {
      Loc loc = LOC_INDEX (&section, i);
      Loc relations_loc = LOC_MEMBER (&loc, "relations");
      const AtlasJsonNode *relations, *relation;
      guint32 r;

      if (node->type != ATLAS_JSON_OBJECT)
        continue;
      relations = atlas_json_node_get_member (node, "relations");
      if (relations == NULL || relations->type != ATLAS_JSON_ARRAY)
        continue;
      ATLAS_JSON_FOREACH (relation, r, relations)
        {
          Loc here = LOC_INDEX (&relations_loc, r);
          Loc target_loc = LOC_MEMBER (&here, "target");
          const AtlasJsonNode *target;

          if (relation->type != ATLAS_JSON_OBJECT)
            continue;
          target = atlas_json_node_get_member (relation, "target");
          if (target != NULL && target->type == ATLAS_JSON_STRING)
            check_entity_ref (ctx, &target_loc, target->value.string);
        }
    }
}

static GStrv
read_entity_refs (Ctx *ctx,
                  const AtlasJsonNode *object,
                  const Loc *loc)
{
  Loc refs_loc = LOC_MEMBER (loc, "entities");
  const AtlasJsonNode *array = get_array (ctx, object, loc, "entities", FALSE);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  const AtlasJsonNode *node;
  guint32 i;

  ATLAS_JSON_FOREACH (node, i, array)
    {
      Loc here = LOC_INDEX (&refs_loc, i);

      if (node->type != ATLAS_JSON_STRING)
        {
          problem (ctx, &here, _ ("expected an entity id, found %s"),
                   atlas_json_node_get_type_name (node));
          continue;
        }
      check_entity_ref (ctx, &here, node->value.string);
      g_strv_builder_add (builder, node->value.string);
    }
  return g_strv_builder_end (builder);
}

static void
read_events (Ctx *ctx,
             const AtlasJsonNode *root,
             const Loc *root_loc)
{
  static const char *const members[] = { "id",       "date",     "category", "title",
                                         "title_zh", "text",     "text_zh",  "entities",
                                         "source",   "sentence", "note",     NULL };
  Loc section = LOC_MEMBER (root_loc, "events");
  const AtlasJsonNode *array = get_array (ctx, root, root_loc, "events", TRUE);
  const AtlasJsonNode *element;
  guint32 i;

  ATLAS_JSON_FOREACH (element, i, array)
    {
      Loc loc = LOC_INDEX (&section, i);
      Loc date_loc = LOC_MEMBER (&loc, "date");
      const AtlasJsonNode *object = as_object (ctx, element, &loc);
      const AtlasFuzzyDate *date = NULL;
      g_autoptr (AtlasEvent) event = NULL;
      g_auto (GStrv) entity_ids = NULL;
      const char *id, *title, *source_id, *sentence;
      int category;
      gboolean has_category;

      if (object == NULL)
        continue;
      check_members (ctx, object, &loc, members);
      id = get_id (ctx, object, &loc, ctx->event_ids, ID_OF_EVENT);
      title = get_text (ctx, object, &loc, "title", TRUE);
      has_category =
          get_enum (ctx, object, &loc, "category", ATLAS_TYPE_EVENT_CATEGORY, TRUE, &category);
      date = read_date (ctx, atlas_json_node_get_member (object, "date"), &date_loc);
      source_id = get_string (ctx, object, &loc, "source", TRUE);
      sentence = get_string (ctx, object, &loc, "sentence", TRUE);
      check_source_ref (ctx, object, &loc, source_id);
      entity_ids = read_entity_refs (ctx, object, &loc);

      if (id == NULL || title == NULL || !has_category || date == NULL || sentence == NULL)
        continue;
      event =
          atlas_event_new (id, date, category, title, get_text (ctx, object, &loc, "text", FALSE),
                           (const char *const *) entity_ids, sentence, source_id,
                           get_string (ctx, object, &loc, "note", FALSE));
      atlas_dataset_add_event (ctx->dataset, event);
    }
}

static AtlasPoint *
read_point (Ctx *ctx,
            const AtlasJsonNode *object,
            const Loc *loc)
{
  static const char *const members[] = { "entity", "date",     "value", "qualifier", "status",
                                         "source", "sentence", "note",  "event",     NULL };
  Loc entity_loc = LOC_MEMBER (loc, "entity");
  Loc event_loc = LOC_MEMBER (loc, "event");
  Loc date_loc = LOC_MEMBER (loc, "date");
  const AtlasFuzzyDate *date = NULL;
  const char *entity_id, *source_id, *sentence, *event_id;
  const AtlasJsonNode *date_node;
  int qualifier = ATLAS_VALUE_QUALIFIER_EXACT, status = ATLAS_VALUE_STATUS_REPORTED;
  double value = 0;
  gboolean ok;

  check_members (ctx, object, loc, members);
  entity_id = get_string (ctx, object, loc, "entity", TRUE);
  check_entity_ref (ctx, &entity_loc, entity_id);
  ok = get_number (ctx, object, loc, "value", &value);
  if (atlas_json_node_get_member (object, "qualifier") != NULL)
    ok &= get_enum (ctx, object, loc, "qualifier", ATLAS_TYPE_VALUE_QUALIFIER, FALSE, &qualifier);
  if (atlas_json_node_get_member (object, "status") != NULL)
    ok &= get_enum (ctx, object, loc, "status", ATLAS_TYPE_VALUE_STATUS, FALSE, &status);
  source_id = get_string (ctx, object, loc, "source", TRUE);
  sentence = get_string (ctx, object, loc, "sentence", TRUE);
  check_source_ref (ctx, object, loc, source_id);
  event_id = get_string (ctx, object, loc, "event", FALSE);
  if (event_id != NULL && !g_hash_table_contains (ctx->event_ids, event_id))
    problem (ctx, &event_loc, _ ("no event has the id “%s”"), event_id);

  /* A figure the source gives without a date stays undated: null or absent. */
  date_node = atlas_json_node_get_member (object, "date");
  if (date_node != NULL && date_node->type != ATLAS_JSON_NULL)
    {
      date = read_date (ctx, date_node, &date_loc);
      ok &= date != NULL;
    }

  if (!ok || entity_id == NULL || sentence == NULL)
    return NULL;
  return atlas_point_new (entity_id, date, value, qualifier, status, sentence, source_id,
                          get_string (ctx, object, loc, "note", FALSE), event_id);
}

static void
read_series (Ctx *ctx,
             const AtlasJsonNode *root,
             const Loc *root_loc)
{
  static const char *const members[] = { "id",  "chart",       "label",          "label_zh", "unit",
                                         "per", "description", "description_zh", "points",   NULL };
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  Loc section = LOC_MEMBER (root_loc, "series");
  const AtlasJsonNode *array = get_array (ctx, root, root_loc, "series", FALSE);
  const AtlasJsonNode *element;
  guint32 i;

  ATLAS_JSON_FOREACH (element, i, array)
    {
      Loc loc = LOC_INDEX (&section, i);
      Loc points_loc = LOC_MEMBER (&loc, "points");
      Loc chart_loc = LOC_MEMBER (&loc, "chart");
      const AtlasJsonNode *object = as_object (ctx, element, &loc);
      g_autoptr (AtlasSeries) series = NULL;
      const char *id, *chart, *label;
      int unit, per = ATLAS_PER_NONE;
      gboolean ok;
      const AtlasJsonNode *points, *point_node;
      guint32 p;

      if (object == NULL)
        continue;
      check_members (ctx, object, &loc, members);
      id = get_id (ctx, object, &loc, seen, ID_OF_SERIES);
      /* A series with no chart is a figure that no chart draws: a count of
       * companies, say, shown with its entity. */
      chart = get_string (ctx, object, &loc, "chart", FALSE);
      label = get_text (ctx, object, &loc, "label", TRUE);
      ok = get_enum (ctx, object, &loc, "unit", ATLAS_TYPE_UNIT, TRUE, &unit);
      if (atlas_json_node_get_member (object, "per") != NULL)
        ok &= get_enum (ctx, object, &loc, "per", ATLAS_TYPE_PER, FALSE, &per);
      if (chart != NULL && !g_hash_table_contains (ctx->chart_ids, chart))
        problem (ctx, &chart_loc, _ ("no chart has the id “%s”"), chart);
      points = get_array (ctx, object, &loc, "points", TRUE);

      if (ok && id != NULL && label != NULL)
        series = atlas_series_new (id, chart, label, unit, per,
                                   get_text (ctx, object, &loc, "description", FALSE));

      ATLAS_JSON_FOREACH (point_node, p, points)
        {
          Loc point_loc = LOC_INDEX (&points_loc, p);
          const AtlasJsonNode *point_object = as_object (ctx, point_node, &point_loc);
          g_autoptr (AtlasPoint) point = NULL;

          if (point_object == NULL)
            continue;
          point = read_point (ctx, point_object, &point_loc);
          if (point != NULL && series != NULL)
            atlas_series_add_point (series, point);
        }

      if (series != NULL)
        atlas_dataset_add_series (ctx->dataset, series);
    }
}

/* "MAJOR.MINOR"; a major we do not know is refused, a newer minor is read
 * leniently (members it adds are ignored). */
static gboolean
read_header (Ctx *ctx,
             const AtlasJsonNode *root,
             GError **error)
{
  const AtlasJsonNode *format = atlas_json_node_get_member (root, "format");
  const AtlasJsonNode *version = atlas_json_node_get_member (root, "version");
  guint64 major = 0, minor = 0;
  const char *str;
  char *end = NULL;

  if (format == NULL || format->type != ATLAS_JSON_STRING ||
      !g_str_equal (format->value.string, ATLAS_DATA_FORMAT))
    {
      g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_FORMAT,
                   _ ("%s: format: not a Micro-Drama Atlas dataset (expected \"format\": \"%s\")"),
                   ctx->name, ATLAS_DATA_FORMAT);
      return FALSE;
    }

  if (version == NULL || version->type == ATLAS_JSON_NULL)
    {
      g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_FORMAT,
                   _ ("%s: version: missing; expected a string such as \"%d.%d\""), ctx->name,
                   ATLAS_DATA_VERSION_MAJOR, ATLAS_DATA_VERSION_MINOR);
      return FALSE;
    }
  if (version->type != ATLAS_JSON_STRING)
    {
      g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_FORMAT,
                   _ ("%s: version: must be a string such as \"%d.%d\", not %s"), ctx->name,
                   ATLAS_DATA_VERSION_MAJOR, ATLAS_DATA_VERSION_MINOR,
                   atlas_json_node_get_type_name (version));
      return FALSE;
    }

  str = version->value.string;
  if (!g_ascii_isdigit (*str) || !(major = g_ascii_strtoull (str, &end, 10), *end == '.') ||
      !g_ascii_isdigit (end[1]) || (minor = g_ascii_strtoull (end + 1, &end, 10), *end != '\0'))
    {
      g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_FORMAT,
                   _ ("%s: version: “%s” is not MAJOR.MINOR, such as \"%d.%d\""), ctx->name, str,
                   ATLAS_DATA_VERSION_MAJOR, ATLAS_DATA_VERSION_MINOR);
      return FALSE;
    }
  if (major != ATLAS_DATA_VERSION_MAJOR)
    {
      g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_FORMAT,
                   _ ("%s: version: format version %s is not supported; this version of "
                      "Micro-Drama Atlas reads %d.x"),
                   ctx->name, str, ATLAS_DATA_VERSION_MAJOR);
      return FALSE;
    }

  ctx->strict = minor <= ATLAS_DATA_VERSION_MINOR;
  return TRUE;
}

/* Builds the dataset from @document, which it frees before sealing it. */
static AtlasDataset *
build_dataset (AtlasJsonDocument *document,
               const char *name,
               GError **error)
{
  g_autoptr (AtlasJsonDocument) owned = document;
  const AtlasJsonNode *root = atlas_json_document_get_root (document);
  static const char *const members[] = { "format",   "version",     "title",
                                         "title_zh", "description", "description_zh",
                                         "sources",  "charts",      "exchange_rates",
                                         "entities", "events",      "series",
                                         NULL };
  g_autoptr (AtlasDataset) dataset = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) source_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) chart_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) entity_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) event_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) atlas_fuzzy_date_free);
  g_autoptr (GPtrArray) object_dates =
      g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_fuzzy_date_free);
  Ctx ctx = { name,      problems,   0,         TRUE,  NULL, source_ids,
              chart_ids, entity_ids, event_ids, FALSE, dates };
  const char *title;

  ctx.object_dates = object_dates;
  if (root->type != ATLAS_JSON_OBJECT)
    {
      g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_FORMAT,
                   _ ("%s: top level: expected a JSON object, found %s"), name,
                   atlas_json_node_get_type_name (root));
      return NULL;
    }
  if (!read_header (&ctx, root, error))
    return NULL;
  ctx.chinese = atlas_reads_chinese ();

  check_members (&ctx, root, NULL, members);
  title = get_text (&ctx, root, NULL, "title", TRUE);
  dataset =
      atlas_dataset_new (title ? title : "", get_text (&ctx, root, NULL, "description", FALSE));
  ctx.dataset = dataset;

  /* Order matters: each section refers only to sections read before it,
   * except relations, which read_entities() checks at its end. */
  read_sources (&ctx, root, NULL);
  read_charts (&ctx, root, NULL);
  read_rates (&ctx, root, NULL);
  read_entities (&ctx, root, NULL);
  read_events (&ctx, root, NULL);
  read_series (&ctx, root, NULL);
  /* The sets of ids hold the document's strings, and are not read again. */
  g_clear_pointer (&owned, atlas_json_document_free);

  if (ctx.n_problems > 0)
    {
      g_autoptr (GString) message = g_string_new (NULL);

      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (message, "%s%s", i ? "\n" : "",
                                (const char *) g_ptr_array_index (problems, i));
      if (ctx.n_problems > problems->len)
        g_string_append_printf (message,
                                /* Translators: %s is a file name */
                                ngettext ("\n%s: … and %u more problem",
                                          "\n%s: … and %u more problems",
                                          ctx.n_problems - problems->len),
                                name, ctx.n_problems - problems->len);
      g_set_error_literal (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_INVALID, message->str);
      return NULL;
    }

  atlas_dataset_seal (dataset);
  return g_steal_pointer (&dataset);
}

/* As atlas_dataset_load_bytes(), taking @bytes: they are read in place,
 * and freed with the nodes, before the model is sealed. */
static AtlasDataset *
load_bytes_owned (GBytes *bytes,
                  const char *name,
                  GError **error)
{
  g_autoptr (AtlasJsonDocument) document = NULL;

  if (g_bytes_get_size (bytes) > ATLAS_DATA_MAX_BYTES)
    {
      g_bytes_unref (bytes);
      g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_TOO_LARGE,
                   _ ("%s: the file is larger than the %d MB a dataset may have"), name,
                   ATLAS_DATA_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  G_STATIC_ASSERT (ATLAS_DATA_MAX_BYTES <= ATLAS_JSON_MAX_BYTES);
  document = atlas_json_document_new (bytes, name, ATLAS_DATA_MAX_DEPTH, error);
  if (document == NULL)
    return NULL;
  return build_dataset (g_steal_pointer (&document), name, error);
}

AtlasDataset *
atlas_dataset_load_bytes (GBytes *bytes,
                          const char *name,
                          GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_bytes_owned (g_bytes_ref (bytes), name, error);
}

static char *
file_display_name (GFile *file)
{
  return g_file_is_native (file) ? g_file_get_path (file) : g_file_get_uri (file);
}

AtlasDataset *
atlas_dataset_load_file (GFile *file,
                         GCancellable *cancellable,
                         GError **error)
{
  g_autofree char *name = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GByteArray) buffer = NULL;
  gsize total = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = file_display_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_IO, _ ("%s: no such file"), name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_IO,
                     _ ("%s: no permission to read it, or to enter the folder it is in"), name);
      else
        g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_IO, "%s: %s", name,
                     local_error->message);
      return NULL;
    }

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR: break;
    case G_FILE_TYPE_UNKNOWN:
      /* What GIO says of a file in a folder the process may not enter. */
      if (g_file_peek_path (file) != NULL && g_access (g_file_peek_path (file), R_OK) != 0 &&
          errno == EACCES)
        {
          g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_IO,
                       _ ("%s: no permission to read it, or to enter the folder it is in"), name);
          return NULL;
        }
      g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_NOT_REGULAR,
                   _ ("%s: is not a regular file (a device, pipe or socket)"), name);
      return NULL;
    case G_FILE_TYPE_DIRECTORY:
      g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_NOT_REGULAR,
                   _ ("%s: is a folder, not a dataset file"), name);
      return NULL;
    default:
      g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_NOT_REGULAR,
                   _ ("%s: is not a regular file (a device, pipe or socket)"), name);
      return NULL;
    }

  if (g_file_info_get_size (info) > ATLAS_DATA_MAX_BYTES)
    {
      /* In bytes: 64 MB and one byte rounds to "64.0 MB", larger than 64. */
      g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_TOO_LARGE,
                   _ ("%s: the file is %lld bytes, more than the %d (%d MB) a dataset may have"),
                   name, (long long) g_file_info_get_size (info), ATLAS_DATA_MAX_BYTES,
                   ATLAS_DATA_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_IO, "%s: %s", name,
                   local_error->message);
      return NULL;
    }

  /* Read at most one byte over the bound: the size from the query may be
   * stale, or the file may be growing. */
  buffer = g_byte_array_sized_new ((guint) g_file_info_get_size (info) + 1);
  for (;;)
    {
      guint8 chunk[65536];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, cancellable,
                                      &local_error);

      if (n < 0)
        {
          g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_IO, "%s: %s", name,
                       local_error->message);
          return NULL;
        }
      if (n == 0)
        break;
      total += (gsize) n;
      if (total > ATLAS_DATA_MAX_BYTES)
        {
          g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_TOO_LARGE,
                       _ ("%s: the file is larger than the %d MB a dataset may have"), name,
                       ATLAS_DATA_MAX_BYTES / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (buffer, chunk, (guint) n);
    }

  {
    AtlasDataset *dataset =
        load_bytes_owned (g_byte_array_free_to_bytes (g_steal_pointer (&buffer)), name, error);

    if (dataset != NULL)
      _atlas_dataset_set_file (dataset, file);
    return dataset;
  }
}

AtlasDataset *
atlas_dataset_load_default (GError **error)
{
  static gsize registered;
  g_autoptr (GBytes) bytes = NULL;

  if (g_once_init_enter (&registered))
    {
      atlas_data_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  bytes = g_resources_lookup_data (ATLAS_DEFAULT_DATASET_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  return atlas_dataset_load_bytes (bytes, "resource://" ATLAS_DEFAULT_DATASET_PATH, error);
}

static void
load_file_thread (GTask *task,
                  gpointer source_object,
                  gpointer task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  AtlasDataset *dataset = atlas_dataset_load_file (G_FILE (task_data), cancellable, &error);

  if (dataset == NULL)
    g_task_return_error (task, error);
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, dataset, g_object_unref);
  else
    g_object_unref (dataset);
}

/* Loads in a worker thread, so a large file never blocks the window. */
void
atlas_dataset_load_file_async (GFile *file,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_dataset_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_file_thread);
}

AtlasDataset *
atlas_dataset_load_file_finish (GAsyncResult *result,
                                GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
