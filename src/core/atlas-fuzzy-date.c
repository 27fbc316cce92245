/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-fuzzy-date"

#include "config.h"

/* A date as a source states it: "early 2010s", "by 2022", "first eight months of
 * 2025", "Oct. 28, 2025". It is stored as an interval of whole days (GDate Julian
 * day numbers, both ends included), the unit it was stated in, how the interval
 * relates to what happened (a qualifier), whether its bounds are conventional
 * ("late September" is read as the 21st to the 30th), and the original wording,
 * which is what people see.
 *
 * The English parser below reads the wordings that sources use; a dataset can
 * also give the interval explicitly (see atlas-loader.c).
 */

#include <string.h>

/* Problems are told to the person, in the interface's language. */
#include <glib/gi18n-lib.h>

#include "atlas-error.h"
#include "atlas-fuzzy-date.h"
#include "atlas-names.h"

struct _AtlasFuzzyDate
{
  guint32 start;
  guint32 end;
  AtlasDatePrecision precision;
  AtlasDateQualifier qualifier;
  gboolean approximate;
  char *text;
};

G_DEFINE_BOXED_TYPE (AtlasFuzzyDate,
                     atlas_fuzzy_date,
                     atlas_fuzzy_date_copy,
                     atlas_fuzzy_date_free)

#define MIN_YEAR 1000
#define MAX_YEAR 9999

static const char *month_names[] = {
  "january", "february", "march",     "april",   "may",      "june",
  "july",    "august",   "september", "october", "november", "december",
};

static const char *number_words[] = {
  "zero",  "one",   "two",  "three", "four",   "five",   "six",
  "seven", "eight", "nine", "ten",   "eleven", "twelve",
};

/* The Julian day number (GDate's) of a valid date. */
guint32
atlas_date_julian (guint year,
                   guint month,
                   guint day)
{
  GDate date;

  g_return_val_if_fail (g_date_valid_dmy (day, month, year), 0);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static guint
days_in_month (guint year,
               guint month)
{
  return g_date_get_days_in_month (month, year);
}

/* The year, month and day of Julian day @day. */
void
atlas_date_dmy (guint32 day,
                guint *y,
                guint *m,
                guint *d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  *y = g_date_get_year (&date);
  *m = g_date_get_month (&date);
  *d = g_date_get_day (&date);
}

AtlasFuzzyDate *
atlas_fuzzy_date_new (guint32 start_day,
                      guint32 end_day,
                      AtlasDatePrecision precision,
                      AtlasDateQualifier qualifier,
                      gboolean approximate,
                      const char *text)
{
  AtlasFuzzyDate *self;

  g_return_val_if_fail (g_date_valid_julian (start_day), NULL);
  g_return_val_if_fail (g_date_valid_julian (end_day), NULL);
  g_return_val_if_fail (start_day <= end_day, NULL);
  g_return_val_if_fail (precision <= ATLAS_DATE_PRECISION_DECADE, NULL);
  g_return_val_if_fail (qualifier <= ATLAS_DATE_QUALIFIER_SINCE, NULL);

  self = g_new0 (AtlasFuzzyDate, 1);
  self->start = start_day;
  self->end = end_day;
  self->precision = precision;
  self->qualifier = qualifier;
  self->approximate = !!approximate;

  if (text != NULL && *text != '\0')
    self->text = g_strdup (text);
  else
    self->text = atlas_fuzzy_date_format_iso (self);

  return self;
}

AtlasFuzzyDate *
atlas_fuzzy_date_copy (const AtlasFuzzyDate *self)
{
  AtlasFuzzyDate *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->text = g_strdup (self->text);
  return copy;
}

void
atlas_fuzzy_date_free (AtlasFuzzyDate *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_free (self);
}

guint32
atlas_fuzzy_date_get_start (const AtlasFuzzyDate *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->start;
}

guint32
atlas_fuzzy_date_get_end (const AtlasFuzzyDate *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->end;
}

AtlasDatePrecision
atlas_fuzzy_date_get_precision (const AtlasFuzzyDate *self)
{
  g_return_val_if_fail (self != NULL, ATLAS_DATE_PRECISION_DAY);
  return self->precision;
}

AtlasDateQualifier
atlas_fuzzy_date_get_qualifier (const AtlasFuzzyDate *self)
{
  g_return_val_if_fail (self != NULL, ATLAS_DATE_QUALIFIER_NONE);
  return self->qualifier;
}

gboolean
atlas_fuzzy_date_is_approximate (const AtlasFuzzyDate *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->approximate || self->qualifier == ATLAS_DATE_QUALIFIER_ABOUT;
}

gboolean
atlas_fuzzy_date_is_start_open (const AtlasFuzzyDate *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->qualifier == ATLAS_DATE_QUALIFIER_BY ||
         self->qualifier == ATLAS_DATE_QUALIFIER_AS_OF;
}

gboolean
atlas_fuzzy_date_is_end_open (const AtlasFuzzyDate *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->qualifier == ATLAS_DATE_QUALIFIER_SINCE;
}

const char *
atlas_fuzzy_date_get_text (const AtlasFuzzyDate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}

static char *
format_at_precision (guint32 day,
                     AtlasDatePrecision precision)
{
  guint y, m, d;

  atlas_date_dmy (day, &y, &m, &d);
  switch (precision)
    {
    case ATLAS_DATE_PRECISION_DAY: return atlas_date_format_day (day);
    case ATLAS_DATE_PRECISION_MONTH: return g_strdup_printf ("%04u-%02u", y, m);
    case ATLAS_DATE_PRECISION_YEAR: return g_strdup_printf ("%04u", y);
    case ATLAS_DATE_PRECISION_DECADE: return g_strdup_printf ("%04us", y - y % 10);
    default: g_assert_not_reached ();
    }
}

/* "2025-09-18" */
char *
atlas_date_format_day (guint32 julian_day)
{
  guint y, m, d;

  g_return_val_if_fail (g_date_valid_julian (julian_day), NULL);

  atlas_date_dmy (julian_day, &y, &m, &d);
  return g_strdup_printf ("%04u-%02u-%02u", y, m, d);
}

/* A compact, unambiguous rendering of the interval, used where a dataset gives
 * no wording and in --check-data's summary: "2025-09", "2018/2020". */
char *
atlas_fuzzy_date_format_iso (const AtlasFuzzyDate *self)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  const char *prefix = "";

  g_return_val_if_fail (self != NULL, NULL);

  first = format_at_precision (self->start, self->precision);
  last = format_at_precision (self->end, self->precision);

  switch (self->qualifier)
    {
    case ATLAS_DATE_QUALIFIER_BY: prefix = "by "; break;
    case ATLAS_DATE_QUALIFIER_AS_OF: prefix = "as of "; break;
    case ATLAS_DATE_QUALIFIER_ABOUT: prefix = "about "; break;
    case ATLAS_DATE_QUALIFIER_SINCE: prefix = "since "; break;
    case ATLAS_DATE_QUALIFIER_NONE:
    default: break;
    }

  if (g_str_equal (first, last))
    return g_strdup_printf ("%s%s", prefix, first);
  return g_strdup_printf ("%s%s/%s", prefix, first, last);
}

/* Deterministic order: by first day, then last day, then finer precision first,
 * then qualifier, then wording. */
int
atlas_fuzzy_date_compare (const AtlasFuzzyDate *a,
                          const AtlasFuzzyDate *b)
{
  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  if (a->precision != b->precision)
    return a->precision < b->precision ? -1 : 1;
  if (a->qualifier != b->qualifier)
    return a->qualifier < b->qualifier ? -1 : 1;
  if (a->approximate != b->approximate)
    return a->approximate ? 1 : -1;
  return strcmp (a->text, b->text);
}

gboolean
atlas_fuzzy_date_equal (const AtlasFuzzyDate *a,
                        const AtlasFuzzyDate *b)
{
  return atlas_fuzzy_date_compare (a, b) == 0;
}

static const char *precision_names[] = { "day", "month", "year", "decade" };
static const char *qualifier_names[] = { "none", "by", "as-of", "about", "since" };

const char *
atlas_date_precision_to_string (AtlasDatePrecision precision)
{
  g_return_val_if_fail (precision < G_N_ELEMENTS (precision_names), NULL);
  return precision_names[precision];
}

gboolean
atlas_date_precision_from_string (const char *str,
                                  AtlasDatePrecision *precision)
{
  ATLAS_NAMES_FROM_STRING (precision_names, str, precision);
}

const char *
atlas_date_qualifier_to_string (AtlasDateQualifier qualifier)
{
  g_return_val_if_fail (qualifier < G_N_ELEMENTS (qualifier_names), NULL);
  return qualifier_names[qualifier];
}

gboolean
atlas_date_qualifier_from_string (const char *str,
                                  AtlasDateQualifier *qualifier)
{
  ATLAS_NAMES_FROM_STRING (qualifier_names, str, qualifier);
}

/* ---- ISO-like forms: "2025", "2025-09", "2025-09-18", "2010s" ---- */

static gboolean
all_digits (const char *s,
            gsize len)
{
  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

static guint
digits_value (const char *s,
              gsize len)
{
  guint v = 0;

  for (gsize i = 0; i < len; i++)
    v = v * 10 + (guint) (s[i] - '0');
  return v;
}

static gboolean
check_year (guint year,
            GError **error)
{
  if (year < MIN_YEAR || year > MAX_YEAR)
    {
      g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_DATE, _ ("year %u is outside %d–%d"),
                   year, MIN_YEAR, MAX_YEAR);
      return FALSE;
    }
  return TRUE;
}

gboolean
atlas_fuzzy_date_parse_iso (const char *iso,
                            guint32 *first_day,
                            guint32 *last_day,
                            AtlasDatePrecision *precision,
                            GError **error)
{
  gsize len;
  guint y, m, d;

  g_return_val_if_fail (iso != NULL, FALSE);
  g_return_val_if_fail (first_day != NULL && last_day != NULL && precision != NULL, FALSE);

  len = strlen (iso);

  if (len == 5 && all_digits (iso, 4) && iso[3] == '0' && iso[4] == 's')
    {
      y = digits_value (iso, 4);
      if (!check_year (y, error) || !check_year (y + 9, error))
        return FALSE;
      *first_day = atlas_date_julian (y, 1, 1);
      *last_day = atlas_date_julian (y + 9, 12, 31);
      *precision = ATLAS_DATE_PRECISION_DECADE;
      return TRUE;
    }

  if (len == 4 && all_digits (iso, 4))
    {
      y = digits_value (iso, 4);
      if (!check_year (y, error))
        return FALSE;
      *first_day = atlas_date_julian (y, 1, 1);
      *last_day = atlas_date_julian (y, 12, 31);
      *precision = ATLAS_DATE_PRECISION_YEAR;
      return TRUE;
    }

  if ((len == 7 || len == 10) && all_digits (iso, 4) && iso[4] == '-' && all_digits (iso + 5, 2))
    {
      y = digits_value (iso, 4);
      m = digits_value (iso + 5, 2);
      if (!check_year (y, error))
        return FALSE;
      if (m < 1 || m > 12)
        {
          g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_DATE,
                       _ ("“%s”: month %u is outside 1–12"), iso, m);
          return FALSE;
        }
      if (len == 7)
        {
          *first_day = atlas_date_julian (y, m, 1);
          *last_day = atlas_date_julian (y, m, days_in_month (y, m));
          *precision = ATLAS_DATE_PRECISION_MONTH;
          return TRUE;
        }
      if (iso[7] == '-' && all_digits (iso + 8, 2))
        {
          d = digits_value (iso + 8, 2);
          if (d < 1 || d > days_in_month (y, m))
            {
              g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_DATE,
                           _ ("“%s”: day %u does not exist in %04u-%02u"), iso, d, y, m);
              return FALSE;
            }
          *first_day = *last_day = atlas_date_julian (y, m, d);
          *precision = ATLAS_DATE_PRECISION_DAY;
          return TRUE;
        }
    }

  g_set_error (
      error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_DATE,
      _ ("“%s” is not a date; expected YYYY, YYYY-MM, YYYY-MM-DD or a decade such as 2010s"), iso);
  return FALSE;
}

/* ---- English wording ---- */

typedef struct
{
  guint32 start;
  guint32 end;
  AtlasDatePrecision precision;
  gboolean approximate;
} Period;

typedef enum
{
  PART_NONE,
  PART_EARLY,
  PART_MID,
  PART_LATE,
} Part;

/* Lower-case, dashes between years become a range marker "~", other dashes and
 * punctuation become spaces, abbreviation dots go. */
static char *
normalize (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (c == 0x2013 || c == 0x2014 || c == 0x2012 || c == 0x2212)
        g_string_append (out, " ~ ");
      else if (c == '-')
        {
          /* "2018-2020" is a range; "2025-09" and "mid-2024" are not. */
          gboolean prev_digit = out->len > 0 && g_ascii_isdigit (out->str[out->len - 1]);
          gboolean year_follows = all_digits (next, 4) && !g_ascii_isdigit (next[4]);
          gboolean prev_year = out->len >= 4 && all_digits (out->str + out->len - 4, 4) &&
                               (out->len == 4 || !g_ascii_isdigit (out->str[out->len - 5])) &&
                               (out->len == 4 || out->str[out->len - 5] != '-');

          if (prev_digit && year_follows && prev_year)
            g_string_append (out, " ~ ");
          else if (prev_digit)
            g_string_append_c (out, '-');
          /* A minus before a number ("-5000") stays, so that no year is
           * read from it: dates before year 1 are not ours to read. */
          else if (g_ascii_isdigit (*next) && (out->len == 0 || out->str[out->len - 1] == ' '))
            g_string_append_c (out, '-');
          else
            g_string_append_c (out, ' ');
        }
      else if (c == ',' || c == ':' || c == ';' || c == '(' || c == ')' || c == '.' ||
               c == 0x2019 || c == '\'')
        g_string_append_c (out, ' ');
      else if (c < 0x80)
        g_string_append_c (out, g_ascii_tolower ((char) c));
      else if (g_unichar_isspace (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_len (out, p, next - p);

      p = next;
    }

  return g_string_free (out, FALSE);
}

static int
month_from_word (const char *w)
{
  gsize len = strlen (w);

  if (len < 3)
    return 0;
  for (guint i = 0; i < 12; i++)
    {
      if (g_str_equal (w, month_names[i]))
        return (int) i + 1;
      /* "sept", "oct", "jan": a prefix of the name, at least three letters */
      if (len <= 4 && strncmp (month_names[i], w, len) == 0)
        return (int) i + 1;
    }
  return 0;
}

static int
number_from_word (const char *w)
{
  for (guint i = 1; i < G_N_ELEMENTS (number_words); i++)
    if (g_str_equal (w, number_words[i]))
      return (int) i;
  if (all_digits (w, strlen (w)) && strlen (w) <= 2)
    return (int) digits_value (w, strlen (w));
  return -1;
}

static gboolean
day_from_word (const char *w,
               guint *day)
{
  gsize len = strlen (w);
  gsize digits = 0;

  while (digits < len && g_ascii_isdigit (w[digits]))
    digits++;
  if (digits == 0 || digits > 2)
    return FALSE;
  if (digits != len && !(g_str_equal (w + digits, "st") || g_str_equal (w + digits, "nd") ||
                         g_str_equal (w + digits, "rd") || g_str_equal (w + digits, "th")))
    return FALSE;
  *day = digits_value (w, digits);
  return *day >= 1 && *day <= 31;
}

static gboolean
year_from_word (const char *w,
                guint *year)
{
  if (strlen (w) != 4 || !all_digits (w, 4))
    return FALSE;
  *year = digits_value (w, 4);
  return *year >= MIN_YEAR && *year <= MAX_YEAR;
}

static gboolean
period_set_ymd (Period *period,
                guint y,
                guint m,
                guint d)
{
  if (d < 1 || d > days_in_month (y, m))
    return FALSE;
  period->start = period->end = atlas_date_julian (y, m, d);
  period->precision = ATLAS_DATE_PRECISION_DAY;
  return TRUE;
}

static void
period_set_month (Period *period,
                  guint y,
                  guint m)
{
  period->start = atlas_date_julian (y, m, 1);
  period->end = atlas_date_julian (y, m, days_in_month (y, m));
  period->precision = ATLAS_DATE_PRECISION_MONTH;
}

static gboolean
apply_part (Period *period,
            Part part)
{
  guint y, m, d;

  if (part == PART_NONE)
    return TRUE;

  atlas_date_dmy (period->start, &y, &m, &d);
  period->approximate = TRUE;

  switch (period->precision)
    {
    case ATLAS_DATE_PRECISION_DECADE:
      /* early: years 0–3, mid: 4–6, late: 7–9 */
      if (part == PART_EARLY)
        period->end = atlas_date_julian (y + 3, 12, 31);
      else if (part == PART_MID)
        {
          period->start = atlas_date_julian (y + 4, 1, 1);
          period->end = atlas_date_julian (y + 6, 12, 31);
        }
      else
        period->start = atlas_date_julian (y + 7, 1, 1);
      return TRUE;

    case ATLAS_DATE_PRECISION_YEAR:
      /* early: January–April, mid: May–August, late: September–December */
      if (part == PART_EARLY)
        period->end = atlas_date_julian (y, 4, 30);
      else if (part == PART_MID)
        {
          period->start = atlas_date_julian (y, 5, 1);
          period->end = atlas_date_julian (y, 8, 31);
        }
      else
        period->start = atlas_date_julian (y, 9, 1);
      return TRUE;

    case ATLAS_DATE_PRECISION_MONTH:
      /* early: 1st–10th, mid: 11th–20th, late: 21st–end */
      if (part == PART_EARLY)
        period->end = atlas_date_julian (y, m, 10);
      else if (part == PART_MID)
        {
          period->start = atlas_date_julian (y, m, 11);
          period->end = atlas_date_julian (y, m, 20);
        }
      else
        period->start = atlas_date_julian (y, m, 21);
      return TRUE;

    case ATLAS_DATE_PRECISION_DAY:
    default: return FALSE;
    }
}

/* Why a period could not be read, when there is more to say than that: two
 * words that both narrow it ("late mid 2024"). */
typedef struct
{
  const char *first_part;
  const char *second_part;
  AtlasDatePrecision precision; /* of what they both narrow */
} Trouble;

static gboolean parse_base_period (char **words,
                                   guint n,
                                   Period *period);

static Part
part_from_word (const char *word)
{
  if (g_str_equal (word, "early"))
    return PART_EARLY;
  if (g_str_equal (word, "mid") || g_str_equal (word, "middle"))
    return PART_MID;
  if (g_str_equal (word, "late"))
    return PART_LATE;
  return PART_NONE;
}

/* One period, all of words[0..n): at most one of "early", "mid", "late"
 * (each may be followed by "of"), then a period without one. A second is a
 * contradiction or a repetition ("late mid 2024", "late late 2010s"),
 * refused with both words in @trouble. No recursion: the input decides no
 * depth. */
static gboolean
parse_period (char **words,
              guint n,
              Period *period,
              Trouble *trouble)
{
  Part part = PART_NONE;
  const char *part_word = NULL;

  memset (period, 0, sizeof *period);

  while (n > 0 && (g_str_equal (words[0], "the") || g_str_equal (words[0], "in")))
    {
      words++;
      n--;
    }

  while (n > 0 && part_from_word (words[0]) != PART_NONE)
    {
      if (part != PART_NONE)
        {
          /* Name the two, and what they narrow, if the rest can be read. */
          const char *second = words[0];

          while (n > 0 && (part_from_word (words[0]) != PART_NONE || g_str_equal (words[0], "of")))
            {
              words++;
              n--;
            }
          if (trouble != NULL && parse_base_period (words, n, period))
            {
              trouble->first_part = part_word;
              trouble->second_part = second;
              trouble->precision = period->precision;
            }
          return FALSE;
        }
      part = part_from_word (words[0]);
      part_word = words[0];
      words++;
      n--;
      if (n > 0 && g_str_equal (words[0], "of"))
        {
          words++;
          n--;
        }
    }

  if (!parse_base_period (words, n, period))
    return FALSE;
  return apply_part (period, part);
}

/* A period without "early", "mid" or "late". */
static gboolean
parse_base_period (char **words,
                   guint n,
                   Period *period)
{
  guint y, d;
  int m, count;

  memset (period, 0, sizeof *period);
  if (n == 0)
    return FALSE;

  /* "first eight months of 2025", "last three months of 2024",
   * "first half of 2025", "second half of 2025" */
  if (n == 4 && g_str_equal (words[2], "of") && year_from_word (words[3], &y))
    {
      if (g_str_equal (words[1], "half") &&
          (g_str_equal (words[0], "first") || g_str_equal (words[0], "second")))
        {
          gboolean first = g_str_equal (words[0], "first");

          period->start = first ? atlas_date_julian (y, 1, 1) : atlas_date_julian (y, 7, 1);
          period->end = first ? atlas_date_julian (y, 6, 30) : atlas_date_julian (y, 12, 31);
          period->precision = ATLAS_DATE_PRECISION_MONTH;
          return TRUE;
        }
    }
  if (n == 5 && g_str_equal (words[3], "of") && year_from_word (words[4], &y) &&
      (g_str_equal (words[2], "months") || g_str_equal (words[2], "month")) &&
      (count = number_from_word (words[1])) >= 1 && count <= 12)
    {
      if (g_str_equal (words[0], "first"))
        {
          period->start = atlas_date_julian (y, 1, 1);
          period->end = atlas_date_julian (y, (guint) count, days_in_month (y, (guint) count));
        }
      else if (g_str_equal (words[0], "last"))
        {
          period->start = atlas_date_julian (y, 13 - (guint) count, 1);
          period->end = atlas_date_julian (y, 12, 31);
        }
      else
        return FALSE;
      period->precision = ATLAS_DATE_PRECISION_MONTH;
      return TRUE;
    }

  if (n == 1)
    {
      guint32 first, last;
      AtlasDatePrecision precision;

      if (!atlas_fuzzy_date_parse_iso (words[0], &first, &last, &precision, NULL))
        return FALSE;
      period->start = first;
      period->end = last;
      period->precision = precision;
      return TRUE;
    }

  /* "september 2025", "oct 28 2025", "sept 18th 2025" */
  if ((m = month_from_word (words[0])) > 0)
    {
      if (n == 2 && year_from_word (words[1], &y))
        {
          period_set_month (period, y, (guint) m);
          return TRUE;
        }
      if (n == 3 && day_from_word (words[1], &d) && year_from_word (words[2], &y))
        return period_set_ymd (period, y, (guint) m, d);
      return FALSE;
    }

  /* "28 october 2025" */
  if (n == 3 && day_from_word (words[0], &d) && (m = month_from_word (words[1])) > 0 &&
      year_from_word (words[2], &y))
    return period_set_ymd (period, y, (guint) m, d);

  return FALSE;
}

static const char *
last_year_word (char **words,
                guint n)
{
  for (guint i = n; i > 0; i--)
    {
      guint y;

      if (year_from_word (words[i - 1], &y))
        return words[i - 1];
    }
  return NULL;
}

/* The left side of a range may borrow the right side's year: "July–September 2025". */
static gboolean
parse_range_start (char **words,
                   guint n,
                   char **right,
                   guint right_n,
                   Period *period,
                   Trouble *trouble)
{
  const char *year;
  g_autoptr (GPtrArray) with_year = NULL;

  if (parse_period (words, n, period, trouble))
    return TRUE;

  year = last_year_word (right, right_n);
  if (year == NULL)
    return FALSE;

  with_year = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (with_year, words[i]);
  g_ptr_array_add (with_year, (gpointer) year);

  return parse_period ((char **) with_year->pdata, with_year->len, period, trouble);
}

/* @text as a message quotes it: whole when short, its first words when not. */
static char *
quote_for_message (const char *text)
{
  const glong max = 60;
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, max);
  return g_strconcat (start, "…", NULL);
}

AtlasFuzzyDate *
atlas_fuzzy_date_parse (const char *text,
                        GError **error)
{
  g_autofree char *normal = NULL;
  g_autofree char *trimmed = NULL;
  g_auto (GStrv) split = NULL;
  g_autoptr (GPtrArray) words = NULL;
  g_autofree char *shown = NULL;
  AtlasDateQualifier qualifier = ATLAS_DATE_QUALIFIER_NONE;
  gboolean about = FALSE;
  gboolean between = FALSE;
  Period first, last;
  Trouble trouble = { NULL, NULL, ATLAS_DATE_PRECISION_DAY };
  guint i = 0, n, sep = 0;
  char **w;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_ENCODING,
                           _ ("date wording is not valid UTF-8"));
      return NULL;
    }

  shown = quote_for_message (text);
  normal = normalize (text);
  split = g_strsplit_set (normal, " \t\n", -1);
  words = g_ptr_array_new ();
  for (guint k = 0; split[k] != NULL; k++)
    if (*split[k] != '\0')
      g_ptr_array_add (words, split[k]);
  w = (char **) words->pdata;
  n = words->len;

  if (n == 0)
    {
      g_set_error_literal (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_DATE,
                           _ ("a date cannot be empty; write it like “2025” or “September 2025”"));
      return NULL;
    }
  /* A date is a few words: "between early September 2025 and late October
   * 2025" is eight. */
  if (n > ATLAS_DATE_MAX_WORDS)
    {
      g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_DATE,
                   _ ("a date of %u words is too long to be one; a date has at most %d"), n,
                   ATLAS_DATE_MAX_WORDS);
      return NULL;
    }

  /* Leading qualifiers: "by", "as of", "since", "from", "about", "around", "circa", "c." */
  for (gboolean more = TRUE; more && i < n;)
    {
      more = FALSE;
      if (g_str_equal (w[i], "by") && qualifier == ATLAS_DATE_QUALIFIER_NONE)
        {
          qualifier = ATLAS_DATE_QUALIFIER_BY;
          i++, more = TRUE;
        }
      else if (g_str_equal (w[i], "as") && i + 1 < n && g_str_equal (w[i + 1], "of") &&
               qualifier == ATLAS_DATE_QUALIFIER_NONE)
        {
          qualifier = ATLAS_DATE_QUALIFIER_AS_OF;
          i += 2, more = TRUE;
        }
      else if (g_str_equal (w[i], "since") && qualifier == ATLAS_DATE_QUALIFIER_NONE)
        {
          qualifier = ATLAS_DATE_QUALIFIER_SINCE;
          i++, more = TRUE;
        }
      else if (g_str_equal (w[i], "from") || g_str_equal (w[i], "in"))
        {
          i++, more = TRUE;
        }
      else if (g_str_equal (w[i], "between"))
        {
          between = TRUE;
          i++, more = TRUE;
        }
      else if (g_str_equal (w[i], "about") || g_str_equal (w[i], "around") ||
               g_str_equal (w[i], "circa") || g_str_equal (w[i], "c") ||
               g_str_equal (w[i], "approximately"))
        {
          about = TRUE;
          i++, more = TRUE;
        }
    }

  /* A range marker: "–", "to", "through", "until", or "and" after "between". */
  for (guint k = i; k < n; k++)
    if (g_str_equal (w[k], "~") || g_str_equal (w[k], "to") || g_str_equal (w[k], "through") ||
        g_str_equal (w[k], "until") || (between && g_str_equal (w[k], "and")))
      {
        sep = k;
        break;
      }

  if (sep > i)
    {
      if (!parse_period (w + sep + 1, n - sep - 1, &last, &trouble) ||
          !parse_range_start (w + i, sep - i, w + sep + 1, n - sep - 1, &first, &trouble))
        goto fail;
      if (first.start > last.end)
        {
          g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_DATE,
                       _ ("“%s”: the range ends before it starts"), shown);
          return NULL;
        }
      first.end = last.end;
      first.precision = MAX (first.precision, last.precision);
      first.approximate = first.approximate || last.approximate;
    }
  else if (!parse_period (w + i, n - i, &first, &trouble))
    goto fail;

  if (about)
    {
      if (qualifier != ATLAS_DATE_QUALIFIER_NONE)
        goto fail;
      qualifier = ATLAS_DATE_QUALIFIER_ABOUT;
    }

  /* Nothing above can invert a period; should a change of it do so, the
   * date is refused here rather than made. */
  if (first.start > first.end)
    goto fail;

  trimmed = g_strstrip (g_strdup (text));
  return atlas_fuzzy_date_new (first.start, first.end, first.precision, qualifier,
                               first.approximate, trimmed);

fail:
  if (trouble.second_part != NULL)
    {
      /* A whole sentence for each period narrowed. */
      switch (trouble.precision)
        {
        case ATLAS_DATE_PRECISION_DAY:
          g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_DATE,
                       _ ("“%s”: “%s” and “%s” both narrow the day; use one of early, mid and "
                          "late"),
                       shown, trouble.first_part, trouble.second_part);
          break;
        case ATLAS_DATE_PRECISION_MONTH:
          g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_DATE,
                       _ ("“%s”: “%s” and “%s” both narrow the month; use one of early, mid and "
                          "late"),
                       shown, trouble.first_part, trouble.second_part);
          break;
        case ATLAS_DATE_PRECISION_YEAR:
          g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_DATE,
                       _ ("“%s”: “%s” and “%s” both narrow the year; use one of early, mid and "
                          "late"),
                       shown, trouble.first_part, trouble.second_part);
          break;
        case ATLAS_DATE_PRECISION_DECADE:
        default:
          g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_DATE,
                       _ ("“%s”: “%s” and “%s” both narrow the decade; use one of early, mid and "
                          "late"),
                       shown, trouble.first_part, trouble.second_part);
          break;
        }
      return NULL;
    }
  g_set_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_DATE,
               _ ("cannot read “%s” as a date; write it like “2025”, “September 2025”, "
                  "“Oct. 28, 2025”, “late 2022”, “early 2010s”, “2018–2020”, “by 2022”, "
                  "“as of Oct. 1, 2025” or “first eight months of 2025”"),
               shown);
  return NULL;
}
