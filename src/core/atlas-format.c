/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-format"

#include "config.h"

/* Numbers as a reader writes them: "236 million", "¥64.1 billion", "37,000
 * titles", "over 97%" — or, to a Chinese reader, "2.36亿", "641亿元",
 * "3.7万部". Each language counts large numbers its own way, so how is not
 * written here: the translation of a table of magnitudes says it ("the
 * largest first, a value and a format a magnitude"), English by thousands
 * of thousands, Chinese by 万 and 亿. The mantissa keeps at most two
 * decimals and drops trailing zeros, so the figure reads as the source
 * stated it; digits are grouped and the decimal mark is the locale's. */

#include <locale.h>
#include <math.h>
#include <string.h>

#include "atlas-i18n.h"

#include "atlas-format.h"

/* The locale's decimal mark and digit separator; in a locale that groups
 * no digits (C, POSIX), English's. */
static void
number_marks (const char **decimal,
              const char **thousands)
{
  const struct lconv *conv = localeconv ();

  *decimal = conv->decimal_point != NULL && *conv->decimal_point ? conv->decimal_point : ".";
  *thousands = conv->thousands_sep != NULL && *conv->thousands_sep ? conv->thousands_sep : ",";
}

static char *
format_grouped (double value)
{
  g_autofree char *digits = g_strdup_printf ("%.0f", floor (fabs (value) + 0.5));
  GString *out = g_string_new (value < 0 ? "-" : NULL);
  gsize len = strlen (digits);
  const char *decimal, *thousands;

  number_marks (&decimal, &thousands);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, thousands);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* Up to @decimals decimals, without trailing zeros: 64.1, 14.05, 100; the
 * whole part grouped (1,193) unless @ungrouped, as the mantissa of a
 * magnitude is (6000万). */
static char *
format_trimmed_full (double value,
                     int decimals,
                     gboolean ungrouped)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *decimal, *thousands;
  char *point, *end;

  g_ascii_formatd (buf, sizeof buf,
                   decimals <= 1   ? "%.1f"
                   : decimals == 2 ? "%.2f"
                                   : "%.3f",
                   value);
  point = strchr (buf, '.');
  if (point == NULL)
    return ungrouped ? g_strdup (buf) : format_grouped (value);
  end = buf + strlen (buf) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  number_marks (&decimal, &thousands);
  {
    g_autofree char *whole =
        ungrouped ? g_strdup_printf ("%.0f", trunc (value)) : format_grouped (trunc (value));

    if (point[0] == '\0' || point[1] == '\0')
      return g_steal_pointer (&whole);
    if (value < 0 && *whole != '-')
      return g_strconcat ("-", whole, decimal, point + 1, NULL);
    return g_strconcat (whole, decimal, point + 1, NULL);
  }
}

static char *
format_trimmed (double value,
                int decimals)
{
  return format_trimmed_full (value, decimals, FALSE);
}

/* @format with its "%s" replaced by @value: a translated format is not
 * given to printf. */
static char *
fill (const char *format,
      const char *value)
{
  const char *at = strstr (format, "%s");

  if (at == NULL)
    return g_strdup (format);
  return g_strdup_printf ("%.*s%s%s", (int) (at - format), format, value, at + 2);
}

/* @value by the largest magnitude of @table it reaches ("1000000000 %s
 * billion|1000000 %s million"), or NULL when it reaches none. */
static char *
format_by_magnitude (double value,
                     const char *table)
{
  g_auto (GStrv) entries = g_strsplit (table, "|", -1);

  for (guint i = 0; entries[i] != NULL; i++)
    {
      char *format = NULL;
      double magnitude = g_ascii_strtod (entries[i], &format);

      if (magnitude <= 0 || format == entries[i] || fabs (value) < magnitude)
        continue;
      while (*format == ' ')
        format++;
      {
        g_autofree char *mantissa = format_trimmed_full (value / magnitude, 2, TRUE);

        return fill (format, mantissa);
      }
    }
  return NULL;
}

/* How the language counts large numbers in words. */
static const char *
magnitudes (void)
{
  /* Translators: how your language counts large numbers in words: from the
   * largest, a magnitude and its format (%s is the number of them),
   * separated by "|". Chinese counts by 亿 and 万:
   * "100000000 %s亿|10000 %s万" (236 million is then 2.36亿, 37,000 3.7万).
   * Numbers under the smallest are written out: 37,000. */
  return C_ ("magnitudes", "1000000000 %s billion|1000000 %s million");
}

/* The same, short, for axes and bar ends. */
static const char *
compact_magnitudes (void)
{
  /* Translators: as "magnitudes", short, for axes and bar ends: "236 M".
   * Chinese: "100000000 %s亿|10000 %s万" */
  return C_ ("magnitudes", "1000000000 %s B|1000000 %s M");
}

char *
atlas_format_number (double value)
{
  char *counted;

  if (!isfinite (value))
    return g_strdup ("—");
  counted = format_by_magnitude (value, magnitudes ());
  if (counted != NULL)
    return counted;
  if (fabs (value) >= 1000 || value == floor (value))
    return format_grouped (value);
  return format_trimmed (value, 3);
}

/* The count ngettext chooses a plural form by: the value itself when it
 * is a whole number that fits, else one that reads as plural ("1.5
 * titles", "236 million people"). */
static gulong
plural_n (double value)
{
  if (value >= 0 && value < 1e6 && value == floor (value))
    return (gulong) value;
  return 1000000;
}

/* @value in @unit, without a rate: "236 million people", "¥64.1 billion". */
static char *
format_unit (double value,
             AtlasUnit unit)
{
  g_autofree char *number = atlas_format_number (value);

  switch (unit)
    {
    /* Translators: an amount of yuan, e.g. "¥64.1 billion"; Chinese "%s元" */
    case ATLAS_UNIT_CNY: return fill (C_ ("amount", "¥%s"), number);
    /* Translators: an amount of US dollars, e.g. "$14.05 billion"; Chinese "%s美元" */
    case ATLAS_UNIT_USD: return fill (C_ ("amount", "$%s"), number);
    case ATLAS_UNIT_PERCENT: return g_strdup_printf ("%s%%", number);
    case ATLAS_UNIT_PEOPLE:
      /* Translators: a number of people, e.g. "696 million people" */
      return fill (ngettext ("%s person", "%s people", plural_n (value)), number);
    case ATLAS_UNIT_TITLES:
      /* Translators: a number of drama titles, e.g. "37,000 titles" */
      return fill (ngettext ("%s title", "%s titles", plural_n (value)), number);
    case ATLAS_UNIT_MINUTES:
      /* Translators: a number of minutes, e.g. "156 minutes" */
      return fill (ngettext ("%s minute", "%s minutes", plural_n (value)), number);
    case ATLAS_UNIT_COUNT:
    default: return g_steal_pointer (&number);
    }
}

/* @quantity, perhaps qualified, at its rate: the rate wraps the whole, so
 * that a language can put it first ("每年超过379部"). */
static char *
apply_per (char *quantity,
           AtlasPer per)
{
  char *rate;

  switch (per)
    {
    case ATLAS_PER_DAY:
      /* Translators: a rate, e.g. "156 minutes a day" */
      rate = fill (_ ("%s a day"), quantity);
      break;
    case ATLAS_PER_MONTH: rate = fill (_ ("%s a month"), quantity); break;
    case ATLAS_PER_YEAR: rate = fill (_ ("%s a year"), quantity); break;
    case ATLAS_PER_NONE:
    default: return quantity;
    }
  g_free (quantity);
  return rate;
}

char *
atlas_format_quantity (double value,
                       AtlasUnit unit,
                       AtlasPer per)
{
  return apply_per (format_unit (value, unit), per);
}

const char *
atlas_format_qualifier_words (AtlasValueQualifier qualifier)
{
  switch (qualifier)
    {
    case ATLAS_VALUE_QUALIFIER_OVER: return _ ("over");
    case ATLAS_VALUE_QUALIFIER_NEARLY: return _ ("nearly");
    case ATLAS_VALUE_QUALIFIER_UP_TO: return _ ("up to");
    case ATLAS_VALUE_QUALIFIER_ABOUT: return _ ("about");
    case ATLAS_VALUE_QUALIFIER_EXACT:
    default: return NULL;
    }
}

char *
atlas_format_qualified (double value,
                        AtlasValueQualifier qualifier,
                        AtlasUnit unit,
                        AtlasPer per)
{
  g_autofree char *quantity = format_unit (value, unit);
  const char *words = atlas_format_qualifier_words (qualifier);

  if (words == NULL)
    return apply_per (g_steal_pointer (&quantity), per);
  /* Translators: a qualified figure, e.g. "over 236 million" */
  return apply_per (g_strdup_printf (C_ ("qualified figure", "%s %s"), words, quantity), per);
}

char *
atlas_format_point (AtlasPoint *point)
{
  g_autoptr (AtlasSeries) series = NULL;

  g_return_val_if_fail (ATLAS_IS_POINT (point), NULL);

  series = atlas_point_dup_series (point);
  return atlas_format_qualified (atlas_point_get_value (point), atlas_point_get_qualifier (point),
                                 series ? atlas_series_get_unit (series) : ATLAS_UNIT_COUNT,
                                 series ? atlas_series_get_per (series) : ATLAS_PER_NONE);
}

/* Short forms for axes and bar ends: "236 M", "¥100 B", "37,000", "97%",
 * "156 min". */
char *
atlas_format_compact (double value,
                      AtlasUnit unit)
{
  g_autofree char *number = NULL;

  if (!isfinite (value))
    return g_strdup ("—");

  number = format_by_magnitude (value, compact_magnitudes ());
  if (number == NULL)
    number = value == floor (value) ? format_grouped (value) : format_trimmed (value, 2);

  switch (unit)
    {
    /* Translators: a short amount of yuan, on an axis or a bar: "¥64.1 B" */
    case ATLAS_UNIT_CNY: return fill (C_ ("compact amount", "¥%s"), number);
    /* Translators: a short amount of US dollars: "$14.05 B" */
    case ATLAS_UNIT_USD: return fill (C_ ("compact amount", "$%s"), number);
    case ATLAS_UNIT_PERCENT: return g_strdup_printf ("%s%%", number);
    case ATLAS_UNIT_MINUTES:
      /* Translators: a compact number of minutes, e.g. "156 min" */
      return fill (_ ("%s min"), number);
    case ATLAS_UNIT_PEOPLE:
    case ATLAS_UNIT_TITLES:
    case ATLAS_UNIT_COUNT:
    default: return g_steal_pointer (&number);
    }
}

/* The sign a chart puts before a qualified value: ≥ for "over", ≈ for
 * "nearly" and "about", ≤ for "up to"; NULL for an exact one. */
const char *
atlas_format_qualifier_sign (AtlasValueQualifier qualifier)
{
  switch (qualifier)
    {
    case ATLAS_VALUE_QUALIFIER_OVER: return "≥";
    case ATLAS_VALUE_QUALIFIER_NEARLY: return "≈";
    case ATLAS_VALUE_QUALIFIER_ABOUT: return "~";
    case ATLAS_VALUE_QUALIFIER_UP_TO: return "≤";
    case ATLAS_VALUE_QUALIFIER_EXACT:
    default: return NULL;
    }
}

/* What an axis of values up to @max_value should run to, and its step: the
 * top is a round multiple of a step of 1, 2, 2.5 or 5 times a power of ten,
 * with about @target_ticks steps. */
AtlasNiceScale
atlas_nice_scale (double max_value,
                  guint target_ticks)
{
  AtlasNiceScale scale = { 1.0, 0.25, 4 };
  static const double steps[] = { 1, 2, 2.5, 5, 10 };
  double raw, magnitude, normalized, step = 1;

  g_return_val_if_fail (target_ticks > 0, scale);

  if (!isfinite (max_value) || max_value <= 0)
    return scale;

  raw = max_value / target_ticks;
  magnitude = pow (10, floor (log10 (raw)));
  normalized = raw / magnitude;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] >= normalized - 1e-9)
      {
        step = steps[i] * magnitude;
        break;
      }

  scale.step = step;
  scale.n_steps = (guint) ceil (max_value / step - 1e-9);
  scale.max = scale.n_steps * step;
  return scale;
}
