/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-date-display"

#include "config.h"

/* A fuzzy date as a reader of the interface's language writes it.
 *
 * The date knows its interval, its precision and its qualifier, so it can
 * be written in any language: 2025年9月, 2025年10月28日, 2010年代初,
 * 2018–2020年, 截至2022年, 2025年前八个月, 2025年9月下旬, 自2025年10月1日起.
 * How is in the translation: the dates themselves through
 * g_date_time_format() patterns, the parts of a period, ranges and
 * qualifiers through formats with named places ({date}, {from}, {to},
 * {n}, {year}). A language whose translation keeps the "as written" style
 * — English — shows the source's own wording, which stays available
 * everywhere as atlas_fuzzy_date_get_text(). */

#include "atlas-i18n.h"
#include <string.h>

#include "atlas-fuzzy-date.h"

/* @format with each {name} replaced by its value. */
static char *
place (const char *format,
       const char *name,
       const char *value,
       const char *name2,
       const char *value2)
{
  GString *out = g_string_new (format);

  for (guint i = 0; i < 2; i++)
    {
      const char *key = i == 0 ? name : name2;
      const char *with = i == 0 ? value : value2;
      g_autofree char *token = NULL;
      char *at;

      if (key == NULL)
        continue;
      token = g_strdup_printf ("{%s}", key);
      while ((at = strstr (out->str, token)) != NULL)
        {
          gssize pos = at - out->str;

          g_string_erase (out, pos, (gssize) strlen (token));
          g_string_insert (out, pos, with);
        }
    }
  return g_string_free (out, FALSE);
}

/* @julian_day through the g_date_time_format() pattern @pattern. */
static char *
format_day (guint32 julian_day,
            const char *pattern)
{
  GDate date;
  g_autoptr (GDateTime) time = NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_day);
  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
  return time ? g_date_time_format (time, pattern) : g_strdup ("");
}

static guint
days_in_month (guint y,
               guint m)
{
  return g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y);
}

/* Translators: the formats of dates, g_date_time_format() patterns. */
static char *
a_day (guint32 day)
{
  /* Translators: a day, as a g_date_time_format() pattern: "Oct. 28, 2025";
   * Chinese "%Y年%-m月%-d日" */
  return format_day (day, C_ ("date format", "%b %-d, %Y"));
}

static char *
a_month (guint32 day)
{
  /* Translators: a month, as a g_date_time_format() pattern: "September
   * 2025"; Chinese "%Y年%-m月" */
  return format_day (day, C_ ("date format", "%B %Y"));
}

static char *
a_year (guint32 day)
{
  /* Translators: a year, as a g_date_time_format() pattern: "2025";
   * Chinese "%Y年" */
  return format_day (day, C_ ("date format", "%Y"));
}

/* The early, mid or late @part (0, 1, 2) of a @period written out: of a
 * year or a decade, or, @of_month, of a month (its ten-day thirds). */
static char *
a_part (const char *period,
        guint part,
        gboolean of_month)
{
  const char *formats[] = {
    /* Translators: the early part of a period, {date} is the period:
     * "early 2024"; Chinese "{date}初" (for a month: see below) */
    C_ ("date part", "early {date}"),
    /* Translators: "mid 2024"; Chinese "{date}中" */
    C_ ("date part", "mid {date}"),
    /* Translators: "late 2024"; Chinese "{date}末" */
    C_ ("date part", "late {date}"),
    /* Translators: the first ten days of a month, {date} is the month:
     * "early September 2025"; Chinese "{date}上旬" */
    C_ ("date part of a month", "early {date}"),
    /* Translators: the middle ten days: Chinese "{date}中旬" */
    C_ ("date part of a month", "mid {date}"),
    /* Translators: the last days of a month: Chinese "{date}下旬" */
    C_ ("date part of a month", "late {date}"),
  };

  return place (formats[(of_month ? 3 : 0) + part], "date", period, NULL, NULL);
}

static char *
a_range (const char *from,
         const char *to)
{
  /* Translators: from one date to another: "2018–2020"; for Chinese years
   * "{from}–{to}" with years written "2018年", or see "year range" */
  return place (C_ ("date range", "{from}–{to}"), "from", from, "to", to);
}

/* The interval of @self written out, without its qualifier. */
static char *
interval (const AtlasFuzzyDate *self)
{
  guint32 start = atlas_fuzzy_date_get_start (self), end = atlas_fuzzy_date_get_end (self);
  guint y1, m1, d1, y2, m2, d2;

  atlas_date_dmy (start, &y1, &m1, &d1);
  atlas_date_dmy (end, &y2, &m2, &d2);

  switch (atlas_fuzzy_date_get_precision (self))
    {
    case ATLAS_DATE_PRECISION_DAY:
      if (start == end)
        return a_day (start);
      {
        g_autofree char *from = a_day (start);
        g_autofree char *to = a_day (end);

        return a_range (from, to);
      }

    case ATLAS_DATE_PRECISION_MONTH:
      if (y1 == y2 && m1 == m2)
        {
          g_autofree char *month = a_month (start);
          guint last = days_in_month (y1, m1);

          if (d1 == 1 && d2 == last)
            return g_steal_pointer (&month);
          if (d1 == 1 && d2 == 10)
            return a_part (month, 0, TRUE);
          if (d1 == 11 && d2 == 20)
            return a_part (month, 1, TRUE);
          if (d1 == 21 && d2 == last)
            return a_part (month, 2, TRUE);
        }
      if (y1 == y2 && m1 == 1 && d1 == 1 && d2 == days_in_month (y2, m2))
        {
          g_autofree char *year = a_year (start);
          /* Translators: how many months, 1 to 12, as the count before
           * "months" is written, separated by "|"; Chinese
           * "一|两|三|四|五|六|七|八|九|十|十一|十二" */
          g_auto (GStrv) counts =
              g_strsplit (C_ ("month counts", "1|2|3|4|5|6|7|8|9|10|11|12"), "|", 12);
          g_autofree char *n =
              g_strv_length (counts) == 12 ? g_strdup (counts[m2 - 1]) : g_strdup_printf ("%u", m2);

          /* Translators: the first months of a year: "first 8 months of
           * 2025"; Chinese "{year}前{n}个月", 2025年前八个月 */
          return place (C_ ("date", "first {n} months of {year}"), "n", n, "year", year);
        }
      {
        g_autofree char *from = a_month (start);
        g_autofree char *to = a_month (end);

        return a_range (from, to);
      }

    case ATLAS_DATE_PRECISION_YEAR:
      {
        g_autofree char *year = a_year (start);
        gboolean whole = m1 == 1 && d1 == 1 && m2 == 12 && d2 == 31;

        if (y1 == y2 && whole)
          return g_steal_pointer (&year);
        if (y1 == y2 && m1 == 1 && d1 == 1 && m2 == 4 && d2 == 30)
          return a_part (year, 0, FALSE);
        if (y1 == y2 && m1 == 5 && d1 == 1 && m2 == 8 && d2 == 31)
          return a_part (year, 1, FALSE);
        if (y1 == y2 && m1 == 9 && d1 == 1 && m2 == 12 && d2 == 31)
          return a_part (year, 2, FALSE);
        if (whole)
          {
            g_autofree char *from = g_strdup_printf ("%u", y1);
            g_autofree char *to = g_strdup_printf ("%u", y2);

            /* Translators: a span of whole years: "2018–2020"; Chinese
             * "{from}–{to}年" */
            return place (C_ ("year range", "{from}–{to}"), "from", from, "to", to);
          }
        {
          g_autofree char *from = a_month (start);
          g_autofree char *to = a_month (end);

          return a_range (from, to);
        }
      }

    case ATLAS_DATE_PRECISION_DECADE:
    default:
      {
        guint decade = y1 - y1 % 10;
        g_autofree char *number = g_strdup_printf ("%u", decade);
        /* Translators: a decade: "2010s"; Chinese "{decade}年代" */
        g_autofree char *written = place (C_ ("date", "{decade}s"), "decade", number, NULL, NULL);

        if (y1 == decade && y2 == decade + 9)
          return g_steal_pointer (&written);
        if (y1 == decade && y2 == decade + 3)
          return a_part (written, 0, FALSE);
        if (y1 == decade + 4 && y2 == decade + 6)
          return a_part (written, 1, FALSE);
        if (y1 == decade + 7 && y2 == decade + 9)
          return a_part (written, 2, FALSE);
        {
          g_autofree char *from = g_strdup_printf ("%u", y1);
          g_autofree char *to = g_strdup_printf ("%u", y2);

          return place (C_ ("year range", "{from}–{to}"), "from", from, "to", to);
        }
      }
    }
}

/* Returns: (transfer full): @self as the interface's language writes a
 * date, or as the source words it where the translation says so. */
char *
atlas_fuzzy_date_dup_display (const AtlasFuzzyDate *self)
{
  g_autofree char *written = NULL;
  const char *format;

  g_return_val_if_fail (self != NULL, NULL);

  /* Translators: "as written" to show dates in the source's own wording
   * (English), "rendered" to write them from their interval with the date
   * formats here (Chinese). */
  if (!g_str_equal (C_ ("date style", "as written"), "rendered"))
    return g_strdup (atlas_fuzzy_date_get_text (self));

  written = interval (self);
  switch (atlas_fuzzy_date_get_qualifier (self))
    {
    /* Translators: "by 2022"; Chinese "截至{date}" */
    case ATLAS_DATE_QUALIFIER_BY: format = C_ ("date qualifier", "by {date}"); break;
    /* Translators: "as of 2025"; Chinese "截至{date}" */
    case ATLAS_DATE_QUALIFIER_AS_OF: format = C_ ("date qualifier", "as of {date}"); break;
    /* Translators: "since Oct. 1, 2025"; Chinese "自{date}起" */
    case ATLAS_DATE_QUALIFIER_SINCE: format = C_ ("date qualifier", "since {date}"); break;
    /* Translators: "about 2015"; Chinese "约{date}" */
    case ATLAS_DATE_QUALIFIER_ABOUT: format = C_ ("date qualifier", "about {date}"); break;
    case ATLAS_DATE_QUALIFIER_NONE:
    default: return g_steal_pointer (&written);
    }
  return place (format, "date", written, NULL, NULL);
}

/* Returns: (transfer full) (nullable): "As written: late September 2025"
 * where @self is displayed otherwise than the source words it, so that the
 * wording is never out of reach; NULL where the display is the wording. */
char *
atlas_fuzzy_date_dup_as_written (const AtlasFuzzyDate *self)
{
  g_autofree char *shown = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  shown = atlas_fuzzy_date_dup_display (self);
  if (g_str_equal (shown, atlas_fuzzy_date_get_text (self)))
    return NULL;
  /* Translators: a date in the source's own words, quoted as it is (in
   * English), e.g. "As written: late September 2025" */
  return g_strdup_printf (_ ("As written: %s"), atlas_fuzzy_date_get_text (self));
}
