/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-json"

#include "config.h"

/* The loader's JSON reader. json-glib built a GObject-backed tree with a
 * hash table an object: for a large file, half the loading time and four
 * times the file's size in memory. This reads the file in place into one
 * array of nodes: a string without escapes stays where it is in the buffer,
 * its closing quote made its end; one with escapes is decoded into @strings.
 * The reading is a loop with a stack of open containers, not a recursion, so
 * no nesting can exhaust the C stack; the depth is bounded all the same.
 *
 * Every problem is told with its line and column, counted in characters of
 * the file as it was: ending a string in place turns a quote into a NUL,
 * which counts as one character as the quote did. */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "atlas-error.h"
#include "atlas-json.h"

struct _AtlasJsonDocument
{
  char *buffer; /* the file, with its strings ended in place */
  AtlasJsonNode *nodes;
  GPtrArray *strings; /* blocks that decoded strings are in */
};

#define STRING_BLOCK (64 * 1024)

typedef struct
{
  guint32 node;     /* the container's index in @nodes */
  guint32 children; /* read so far */
} Open;

typedef struct
{
  const char *name;
  char *start;
  const char *end;
  char *p;
  guint max_depth;
  AtlasJsonNode *nodes;
  gsize n_nodes;
  gsize capacity;
  GPtrArray *strings;
  char *block; /* the free part of the last block of @strings */
  gsize block_left;
  GError **error;
} Reader;

/* ---- problems ---- */

static gboolean fail (Reader *r,
                      int code,
                      const char *at,
                      const char *format,
                      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (Reader *r,
      int code,
      const char *at,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  const char *line_start = r->start;
  guint line = 1, column = 1;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  for (const char *q = r->start; q < at; q++)
    if (*q == '\n')
      {
        line++;
        line_start = q + 1;
      }
  /* Characters are counted as their first bytes: what comes before @at
   * has been read, and is valid UTF-8. */
  for (const char *q = line_start; q < at; q++)
    column += ((guchar) *q & 0xC0) != 0x80;

  {
    /* A message may quote the file's bytes. */
    g_autofree char *valid = g_utf8_make_valid (message, -1);

    g_set_error (r->error, ATLAS_DATA_ERROR, code, "%s:%u:%u: %s", r->name, line, column, valid);
  }
  return FALSE;
}

/* Bytes that are not UTF-8, or a NUL, at @at. */
static gboolean
fail_encoding (Reader *r,
               const char *at)
{
  if (*at == '\0')
    return fail (r, ATLAS_DATA_ERROR_ENCODING, at, "%s",
                 _ ("contains a NUL byte; a dataset is UTF-8 JSON text"));
  return fail (r, ATLAS_DATA_ERROR_ENCODING, at,
               _ ("not valid UTF-8 (byte offset %lu); a dataset is UTF-8 JSON text"),
               (unsigned long) (at - r->start));
}

/* What is at @at, for "expected a value, found “x”": the end of the file,
 * a word, or one character. Undefined if it is not UTF-8. */
static char *
describe (Reader *r,
          const char *at)
{
  const char *end = at;

  if (at >= r->end)
    return g_strdup (_ ("the end of the file"));
  /* json-glib read comments: a file may have them from when it did. */
  if (*at == '/' && r->end - at >= 2 && (at[1] == '*' || at[1] == '/'))
    return g_strdup (_ ("a comment, which JSON does not have"));
  if (g_ascii_isalpha (*at))
    while (end < r->end && end - at < 32 && g_ascii_isalnum (*end))
      end++;
  else if ((guchar) *at < 0x20)
    return g_strdup_printf ("U+%04X", (guchar) *at);
  else
    end = g_utf8_next_char (at);
  {
    g_autofree char *what = g_strndup (at, MIN (end, r->end) - at);

    /* Translators: something found in a file, quoted: “true”, “;” */
    return g_strdup_printf (C_ ("found in a file", "“%s”"), what);
  }
}

/* "expected X, found Y" for what is at r->p: a NUL or bytes that are not
 * UTF-8 are said as such. */
static gboolean
fail_expected (Reader *r,
               const char *expected)
{
  g_autofree char *found = NULL;

  if (r->p < r->end && *r->p == '\0')
    return fail_encoding (r, r->p);
  if (r->p < r->end && (guchar) *r->p >= 0x80 &&
      g_utf8_get_char_validated (r->p, r->end - r->p) >= 0x110000)
    return fail_encoding (r, r->p);
  found = describe (r, r->p);
  /* Translators: a problem in a JSON file; the first %s is one of the
   * "expected" phrases, the second what was found instead */
  return fail (r, ATLAS_DATA_ERROR_SYNTAX, r->p, _ ("expected %s, found %s"), expected, found);
}

/* ---- reading ---- */

static inline void
skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
    r->p++;
}

static AtlasJsonNode *
add_node (Reader *r,
          AtlasJsonType type)
{
  AtlasJsonNode *node;

  if (r->n_nodes == r->capacity)
    {
      /* Large arrays are mapped, and grown by remapping: unused capacity
       * costs address space, not memory. */
      r->capacity = MAX (r->capacity * 2, 64);
      r->nodes = g_renew (AtlasJsonNode, r->nodes, r->capacity);
    }
  node = &r->nodes[r->n_nodes++];
  node->name = NULL;
  node->value.number = 0;
  node->length = 0;
  node->type = type;
  node->span = 1;
  return node;
}

/* Room for @size bytes of decoded string. */
static char *
string_room (Reader *r,
             gsize size)
{
  char *room;

  if (size > r->block_left)
    {
      gsize block = MAX (size, STRING_BLOCK);

      r->block = g_malloc (block);
      r->block_left = block;
      g_ptr_array_add (r->strings, r->block);
    }
  room = r->block;
  r->block += size;
  r->block_left -= size;
  return room;
}

/* The value of the four hex digits at @digits, which are known to be. */
static gunichar
hex4 (const char *digits)
{
  gunichar value = 0;

  for (int i = 0; i < 4; i++)
    value = value << 4 | (gunichar) g_ascii_xdigit_value (digits[i]);
  return value;
}

/* The four hex digits after the "\u" at @at, or -1. */
static int
read_hex4 (Reader *r,
           const char *at)
{
  if (r->end - at < 6)
    return -1;
  for (int i = 2; i < 6; i++)
    if (!g_ascii_isxdigit (at[i]))
      return -1;
  return (int) hex4 (at + 2);
}

/* Decodes the escapes of the string from @from to @to (its closing quote),
 * which are known to be well formed, into @out; returns the end. */
static char *
decode_escapes (const char *from,
                const char *to,
                char *out)
{
  const char *q = from;

  while (q < to)
    {
      const char *escape = memchr (q, '\\', to - q);
      gunichar c;

      if (escape == NULL)
        escape = to;
      memcpy (out, q, escape - q);
      out += escape - q;
      if (escape == to)
        break;
      switch (escape[1])
        {
        case 'b': *out++ = '\b'; break;
        case 'f': *out++ = '\f'; break;
        case 'n': *out++ = '\n'; break;
        case 'r': *out++ = '\r'; break;
        case 't': *out++ = '\t'; break;
        case 'u':
          c = hex4 (escape + 2);
          q = escape + 6;
          if (c >= 0xD800 && c < 0xDC00 && to - q >= 6 && q[0] == '\\' && q[1] == 'u')
            {
              gunichar low = hex4 (q + 2);

              if (low >= 0xDC00 && low < 0xE000)
                {
                  c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                  q += 6;
                }
            }
          if (c < 0x80)
            *out++ = (char) c;
          else if (c < 0x800)
            {
              *out++ = (char) (0xC0 | c >> 6);
              *out++ = (char) (0x80 | (c & 0x3F));
            }
          else if (c < 0x10000)
            {
              /* A lone surrogate is written as its three bytes, which are
               * not UTF-8: the loader says where. */
              *out++ = (char) (0xE0 | c >> 12);
              *out++ = (char) (0x80 | (c >> 6 & 0x3F));
              *out++ = (char) (0x80 | (c & 0x3F));
            }
          else
            {
              *out++ = (char) (0xF0 | c >> 18);
              *out++ = (char) (0x80 | (c >> 12 & 0x3F));
              *out++ = (char) (0x80 | (c >> 6 & 0x3F));
              *out++ = (char) (0x80 | (c & 0x3F));
            }
          continue;
        default: *out++ = escape[1]; break; /* " \ / */
        }
      q = escape + 2;
    }
  return out;
}

/* A string at r->p (its opening quote); on success r->p is past its end. */
static gboolean
read_string (Reader *r,
             const char **string,
             guint32 *length)
{
  char *from = r->p + 1;
  char *q = from;
  gboolean escapes = FALSE, ascii = TRUE;

  for (;;)
    {
      /* Through plain text first: it is most of a file. */
      while (q < r->end && (guchar) *q >= 0x20 && *q != '"' && *q != '\\')
        {
          ascii &= (guchar) *q < 0x80;
          q++;
        }
      if (q >= r->end)
        {
          r->p = q;
          return fail (r, ATLAS_DATA_ERROR_SYNTAX, from - 1, "%s",
                       _ ("this string is not closed before the end of the file"));
        }
      if (*q == '"')
        break;
      if (*q == '\\')
        {
          const char *escaped = q + 1;

          escapes = TRUE;
          if (escaped >= r->end)
            {
              q = (char *) escaped; /* not closed, as said above */
              continue;
            }
          if (*escaped != '\0' && strchr ("\"\\/bfnrt", *escaped) != NULL)
            {
              q += 2;
              continue;
            }
          if (*escaped == 'u')
            {
              int c = read_hex4 (r, q);

              if (c < 0)
                return fail (r, ATLAS_DATA_ERROR_SYNTAX, q, "%s",
                             _ ("\\u is followed by four hexadecimal digits, such as \\u00e9"));
              if (c == 0)
                return fail (r, ATLAS_DATA_ERROR_ENCODING, q, "%s",
                             _ ("a string contains the NUL character \\u0000"));
              q += 6;
              continue;
            }
          r->p = (char *) escaped;
          return fail_expected (r, _ ("an escape after the backslash: \\\" \\\\ \\/ \\b \\f "
                                      "\\n \\r \\t or \\uXXXX"));
        }
      /* A control character, raw. */
      if (*q == '\0')
        return fail_encoding (r, q);
      return fail (r, ATLAS_DATA_ERROR_SYNTAX, q,
                   _ ("a string holds the control character U+%04X; write it escaped, as "
                      "\\n, \\t or \\u%04X"),
                   (guint) (guchar) *q, (guint) (guchar) *q);
    }

  if (!ascii)
    {
      const char *invalid;

      if (!g_utf8_validate_len (from, q - from, &invalid))
        return fail_encoding (r, invalid);
    }

  if (!escapes)
    {
      *q = '\0';
      *string = from;
      *length = (guint32) (q - from);
    }
  else
    {
      char *out = string_room (r, (gsize) (q - from) + 1);
      char *out_end = decode_escapes (from, q, out);

      *out_end = '\0';
      *string = out;
      *length = (guint32) (out_end - out);
    }
  r->p = q + 1;
  return TRUE;
}

static const double powers_of_ten[] = {
  1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* A number at r->p, as RFC 8259 writes them. Up to 15 digits without an
 * exponent are exact as an integer over a power of ten, which a double
 * holds exactly, and so the quotient is correctly rounded; the rest goes to
 * g_ascii_strtod(). */
static gboolean
read_number (Reader *r,
             double *value)
{
  const char *start = r->p;
  const char *q = start;
  guint64 mantissa = 0;
  int digits = 0, fraction_digits = 0;
  gboolean negative = FALSE, exponent = FALSE;

  if (*q == '-')
    {
      negative = TRUE;
      q++;
    }
  if (q < r->end && *q == '0')
    {
      q++;
      digits = 1;
    }
  else if (q < r->end && *q >= '1' && *q <= '9')
    for (; q < r->end && g_ascii_isdigit (*q); q++, digits++)
      mantissa = mantissa * 10 + (guint64) (*q - '0');
  else
    goto malformed;

  if (q < r->end && *q == '.')
    {
      q++;
      if (q >= r->end || !g_ascii_isdigit (*q))
        goto malformed;
      for (; q < r->end && g_ascii_isdigit (*q); q++, fraction_digits++)
        mantissa = mantissa * 10 + (guint64) (*q - '0');
    }
  if (q < r->end && (*q == 'e' || *q == 'E'))
    {
      exponent = TRUE;
      q++;
      if (q < r->end && (*q == '+' || *q == '-'))
        q++;
      if (q >= r->end || !g_ascii_isdigit (*q))
        goto malformed;
      while (q < r->end && g_ascii_isdigit (*q))
        q++;
    }
  /* "01", "0x10", "1.5.3": one word, not a number and what follows. */
  if (q < r->end && (g_ascii_isalnum (*q) || *q == '.'))
    goto malformed;
  r->p = (char *) q;

  if (!exponent && digits + fraction_digits <= 15)
    *value = (double) mantissa / powers_of_ten[fraction_digits];
  else
    {
      char stack[64];
      gsize len = (gsize) (q - start);
      g_autofree char *heap = NULL;
      char *text = len < sizeof stack ? stack : (heap = g_malloc (len + 1));

      memcpy (text, start, len);
      text[len] = '\0';
      *value = g_ascii_strtod (text, NULL);
      /* Out of range reads as ±HUGE_VAL, or as zero for an underflow. */
      return TRUE;
    }
  if (negative)
    *value = -*value;
  return TRUE;

malformed:
  while (q < r->end && (g_ascii_isalnum (*q) || *q == '.' || *q == '+' || *q == '-'))
    q++;
  {
    g_autofree char *text = g_strndup (start, q - start);

    return fail (r, ATLAS_DATA_ERROR_SYNTAX, start,
                 _ ("“%s” is not a number as JSON writes them, such as 12, 0.5 or 1e9"), text);
  }
}

/* true, false or null at r->p. */
static gboolean
read_literal (Reader *r,
              AtlasJsonNode *node)
{
  static const struct
  {
    const char *word;
    gsize len;
    AtlasJsonType type;
    gboolean value;
  } literals[] = {
    { "true", 4, ATLAS_JSON_BOOLEAN, TRUE },
    { "false", 5, ATLAS_JSON_BOOLEAN, FALSE },
    { "null", 4, ATLAS_JSON_NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    if ((gsize) (r->end - r->p) >= literals[i].len &&
        memcmp (r->p, literals[i].word, literals[i].len) == 0 &&
        ((gsize) (r->end - r->p) == literals[i].len || !g_ascii_isalnum (r->p[literals[i].len])))
      {
        node->type = literals[i].type;
        node->value.boolean = literals[i].value;
        r->p += literals[i].len;
        return TRUE;
      }
  return fail_expected (r, _ ("a value (a string, a number, an object, an array, true, false "
                              "or null)"));
}

/* A member's name and its colon, at r->p. */
static gboolean
read_name (Reader *r,
           const char **name)
{
  guint32 length;

  if (r->p >= r->end || *r->p != '"')
    return fail_expected (r, _ ("a member's name, in double quotes"));
  if (!read_string (r, name, &length))
    return FALSE;
  skip_space (r);
  if (r->p >= r->end || *r->p != ':')
    return fail_expected (r, _ ("“:” after the member's name"));
  r->p++;
  return TRUE;
}

static gboolean
read_document (Reader *r)
{
  g_autofree Open *open = g_new (Open, r->max_depth);
  guint depth = 0;
  const char *name = NULL;

  skip_space (r);
  if (r->p >= r->end)
    {
      g_set_error (r->error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_SYNTAX, _ ("%s: the file is empty"),
                   r->name);
      return FALSE;
    }

  for (;;)
    {
      AtlasJsonNode *node;

      /* A value. */
      skip_space (r);
      if (r->p >= r->end)
        return fail_expected (r, _ ("a value"));
      node = add_node (r, ATLAS_JSON_NULL);
      node->name = g_steal_pointer (&name);
      switch (*r->p)
        {
        case '{':
        case '[':
          if (depth == r->max_depth)
            return fail (r, ATLAS_DATA_ERROR_TOO_DEEP, r->p, _ ("nested more than %u levels deep"),
                         r->max_depth);
          node->type = *r->p == '{' ? ATLAS_JSON_OBJECT : ATLAS_JSON_ARRAY;
          open[depth].node = (guint32) (r->n_nodes - 1);
          open[depth].children = 0;
          depth++;
          r->p++;
          skip_space (r);
          if (r->p < r->end && *r->p == (node->type == ATLAS_JSON_OBJECT ? '}' : ']'))
            break; /* empty: closed below */
          if (node->type == ATLAS_JSON_OBJECT && !read_name (r, &name))
            return FALSE;
          continue;
        case '"':
          node->type = ATLAS_JSON_STRING;
          if (!read_string (r, &node->value.string, &node->length))
            return FALSE;
          break;
        case '-':
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7':
        case '8':
        case '9':
          node->type = ATLAS_JSON_NUMBER;
          if (!read_number (r, &node->value.number))
            return FALSE;
          break;
        default:
          if (!read_literal (r, node))
            return FALSE;
          break;
        }

      /* What follows a value: a comma and the next, or the containers it
       * closes, for as many as close. */
      for (;;)
        {
          AtlasJsonNode *container;
          char close;

          if (depth == 0)
            {
              skip_space (r);
              if (r->p < r->end)
                return fail_expected (r, _ ("the end of the file after the top-level value"));
              return TRUE;
            }
          container = &r->nodes[open[depth - 1].node];
          close = container->type == ATLAS_JSON_OBJECT ? '}' : ']';
          skip_space (r);
          if (r->p < r->end && *r->p == close)
            {
              /* An empty container has just been opened: no child to count. */
              if ((gsize) open[depth - 1].node + 1 < r->n_nodes)
                open[depth - 1].children++;
              container->length = open[depth - 1].children;
              container->span = (guint32) (r->n_nodes - open[depth - 1].node);
              depth--;
              r->p++;
              continue;
            }
          if (r->p < r->end && *r->p == ',')
            {
              open[depth - 1].children++;
              r->p++;
              if (container->type == ATLAS_JSON_OBJECT)
                {
                  skip_space (r);
                  if (!read_name (r, &name))
                    return FALSE;
                }
              break;
            }
          return fail_expected (r, container->type == ATLAS_JSON_OBJECT
                                       ? _ ("“,” or “}” after the member")
                                       : _ ("“,” or “]” after the element"));
        }
    }
}

AtlasJsonDocument *
atlas_json_document_new (GBytes *bytes,
                         const char *name,
                         guint max_depth,
                         GError **error)
{
  g_autoptr (AtlasJsonDocument) document = g_new0 (AtlasJsonDocument, 1);
  Reader r = { 0 };
  gsize len;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (g_bytes_get_size (bytes) <= ATLAS_JSON_MAX_BYTES, NULL);
  g_return_val_if_fail (max_depth > 0, NULL);

  /* The file's own bytes when nothing else holds them, else a copy. */
  document->buffer = g_bytes_unref_to_data (bytes, &len);
  document->strings = g_ptr_array_new_with_free_func (g_free);

  r.name = name;
  r.start = document->buffer;
  r.end = document->buffer + len;
  /* A UTF-8 byte order mark is allowed and skipped. */
  if (len >= 3 && memcmp (r.start, "\xEF\xBB\xBF", 3) == 0)
    r.start += 3;
  r.p = r.start;
  r.max_depth = max_depth;
  r.strings = document->strings;
  r.error = error;
  /* A node for every 16 bytes is about what a dataset has. */
  r.capacity = MAX (len / 16, 64);
  r.nodes = g_new (AtlasJsonNode, r.capacity);

  if (!read_document (&r))
    {
      g_free (r.nodes);
      return NULL;
    }
  document->nodes = r.nodes;
  return g_steal_pointer (&document);
}

const AtlasJsonNode *
atlas_json_document_get_root (const AtlasJsonDocument *document)
{
  return document->nodes;
}

void
atlas_json_document_free (AtlasJsonDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->buffer);
  g_free (document->nodes);
  g_clear_pointer (&document->strings, g_ptr_array_unref);
  g_free (document);
}

/* The member called @name, the last of them if there are several, as
 * json-glib read them; or NULL. */
const AtlasJsonNode *
atlas_json_node_get_member (const AtlasJsonNode *object,
                            const char *name)
{
  const AtlasJsonNode *child, *found = NULL;
  guint32 i;

  if (object == NULL || object->type != ATLAS_JSON_OBJECT)
    return NULL;
  ATLAS_JSON_FOREACH (child, i, object)
    if (child->name[0] == name[0] && strcmp (child->name, name) == 0)
      found = child;
  return found;
}

/* What @node holds, for "expected a string, found an array". */
const char *
atlas_json_node_get_type_name (const AtlasJsonNode *node)
{
  switch (node == NULL ? ATLAS_JSON_NULL : (AtlasJsonType) node->type)
    {
    case ATLAS_JSON_OBJECT: return C_ ("JSON value", "an object");
    case ATLAS_JSON_ARRAY: return C_ ("JSON value", "an array");
    case ATLAS_JSON_STRING: return C_ ("JSON value", "a string");
    case ATLAS_JSON_BOOLEAN: return C_ ("JSON value", "a boolean");
    case ATLAS_JSON_NUMBER: return C_ ("JSON value", "a number");
    case ATLAS_JSON_NULL:
    default: return "null";
    }
}
