/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-format"

#include "config.h"

/* Numbers as a reader writes them: "236 million", "¥64.1 billion", "37,000
 * titles", "over 97%". Millions and billions keep at most three significant
 * figures' worth of decimals and drop trailing zeros, so the figure reads as
 * the source stated it. */

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "atlas-format.h"

static char *
format_grouped (double value)
{
  g_autofree char *digits = g_strdup_printf ("%.0f", floor (value + 0.5));
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* Up to @decimals decimals, without trailing zeros: 64.1, 14.05, 100 */
static char *
format_trimmed (double value,
                int decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buf, sizeof buf,
                   decimals == 1   ? "%.1f"
                   : decimals == 2 ? "%.2f"
                                   : "%.3f",
                   value);
  if (strchr (buf, '.') != NULL)
    {
      end = buf + strlen (buf) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  return g_strdup (buf);
}

char *
atlas_format_number (double value)
{
  g_autofree char *mantissa = NULL;

  if (!isfinite (value))
    return g_strdup ("—");

  if (value >= 1e9)
    {
      mantissa = format_trimmed (value / 1e9, 2);
      /* Translators: a number of billions, e.g. "64.1 billion" */
      return g_strdup_printf (_ ("%s billion"), mantissa);
    }
  if (value >= 1e6)
    {
      mantissa = format_trimmed (value / 1e6, 2);
      /* Translators: a number of millions, e.g. "236 million" */
      return g_strdup_printf (_ ("%s million"), mantissa);
    }
  if (value >= 1000 || value == floor (value))
    return format_grouped (value);
  return format_trimmed (value, 3);
}

char *
atlas_format_quantity (double value,
                       AtlasUnit unit,
                       AtlasPer per)
{
  g_autofree char *number = atlas_format_number (value);
  g_autofree char *quantity = NULL;

  switch (unit)
    {
    case ATLAS_UNIT_CNY: quantity = g_strdup_printf ("¥%s", number); break;
    case ATLAS_UNIT_USD: quantity = g_strdup_printf ("$%s", number); break;
    case ATLAS_UNIT_PERCENT: quantity = g_strdup_printf ("%s%%", number); break;
    case ATLAS_UNIT_PEOPLE:
      /* Translators: a number of people, e.g. "696 million people" */
      quantity = g_strdup_printf (_ ("%s people"), number);
      break;
    case ATLAS_UNIT_TITLES:
      /* Translators: a number of drama titles, e.g. "37,000 titles" */
      quantity = g_strdup_printf (_ ("%s titles"), number);
      break;
    case ATLAS_UNIT_MINUTES:
      /* Translators: a number of minutes, e.g. "156 minutes" */
      quantity = g_strdup_printf (_ ("%s minutes"), number);
      break;
    case ATLAS_UNIT_COUNT:
    default: quantity = g_steal_pointer (&number); break;
    }

  switch (per)
    {
    case ATLAS_PER_DAY:
      /* Translators: a rate, e.g. "156 minutes a day" */
      return g_strdup_printf (_ ("%s a day"), quantity);
    case ATLAS_PER_MONTH: return g_strdup_printf (_ ("%s a month"), quantity);
    case ATLAS_PER_YEAR: return g_strdup_printf (_ ("%s a year"), quantity);
    case ATLAS_PER_NONE:
    default: return g_steal_pointer (&quantity);
    }
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
  g_autofree char *quantity = atlas_format_quantity (value, unit, per);
  const char *words = atlas_format_qualifier_words (qualifier);

  if (words == NULL)
    return g_steal_pointer (&quantity);
  /* Translators: a qualified figure, e.g. "over 236 million" */
  return g_strdup_printf (C_ ("qualified figure", "%s %s"), words, quantity);
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

  if (fabs (value) >= 1e9)
    {
      g_autofree char *mantissa = format_trimmed (value / 1e9, 2);
      /* Translators: a compact number of billions, e.g. "64.1 B" */
      number = g_strdup_printf (_ ("%s B"), mantissa);
    }
  else if (fabs (value) >= 1e6)
    {
      g_autofree char *mantissa = format_trimmed (value / 1e6, 2);
      /* Translators: a compact number of millions, e.g. "236 M" */
      number = g_strdup_printf (_ ("%s M"), mantissa);
    }
  else if (value == floor (value))
    number = format_grouped (value);
  else
    number = format_trimmed (value, 2);

  switch (unit)
    {
    case ATLAS_UNIT_CNY: return g_strdup_printf ("¥%s", number);
    case ATLAS_UNIT_USD: return g_strdup_printf ("$%s", number);
    case ATLAS_UNIT_PERCENT: return g_strdup_printf ("%s%%", number);
    case ATLAS_UNIT_MINUTES:
      /* Translators: a compact number of minutes, e.g. "156 min" */
      return g_strdup_printf (_ ("%s min"), number);
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
