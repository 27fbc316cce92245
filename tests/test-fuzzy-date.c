/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-fuzzy-date"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "atlas-error.h"
#include "atlas-fuzzy-date.h"
#include "atlas-test-locale.h"

typedef struct
{
  const char *text;
  const char *start;
  const char *end;
  AtlasDatePrecision precision;
  AtlasDateQualifier qualifier;
  gboolean approximate;
} Case;

/* One case a line reads as a table. */
/* clang-format off */
static const Case cases[] = {
  { "early 2010s", "2010-01-01", "2013-12-31", ATLAS_DATE_PRECISION_DECADE, ATLAS_DATE_QUALIFIER_NONE, TRUE },
  { "late 2010s", "2017-01-01", "2019-12-31", ATLAS_DATE_PRECISION_DECADE, ATLAS_DATE_QUALIFIER_NONE, TRUE },
  { "the 1990s", "1990-01-01", "1999-12-31", ATLAS_DATE_PRECISION_DECADE, ATLAS_DATE_QUALIFIER_NONE, FALSE },
  { "2015", "2015-01-01", "2015-12-31", ATLAS_DATE_PRECISION_YEAR, ATLAS_DATE_QUALIFIER_NONE, FALSE },
  { "2018–2020", "2018-01-01", "2020-12-31", ATLAS_DATE_PRECISION_YEAR, ATLAS_DATE_QUALIFIER_NONE, FALSE },
  { "2018-2020", "2018-01-01", "2020-12-31", ATLAS_DATE_PRECISION_YEAR, ATLAS_DATE_QUALIFIER_NONE, FALSE },
  { "from 2018 to 2020", "2018-01-01", "2020-12-31", ATLAS_DATE_PRECISION_YEAR, ATLAS_DATE_QUALIFIER_NONE, FALSE },
  { "between 2018 and 2020", "2018-01-01", "2020-12-31", ATLAS_DATE_PRECISION_YEAR, ATLAS_DATE_QUALIFIER_NONE, FALSE },
  { "By 2019", "2019-01-01", "2019-12-31", ATLAS_DATE_PRECISION_YEAR, ATLAS_DATE_QUALIFIER_BY, FALSE },
  { "by 2022", "2022-01-01", "2022-12-31", ATLAS_DATE_PRECISION_YEAR, ATLAS_DATE_QUALIFIER_BY, FALSE },
  { "late 2022", "2022-09-01", "2022-12-31", ATLAS_DATE_PRECISION_YEAR, ATLAS_DATE_QUALIFIER_NONE, TRUE },
  { "mid-2024", "2024-05-01", "2024-08-31", ATLAS_DATE_PRECISION_YEAR, ATLAS_DATE_QUALIFIER_NONE, TRUE },
  { "July 2024", "2024-07-01", "2024-07-31", ATLAS_DATE_PRECISION_MONTH, ATLAS_DATE_QUALIFIER_NONE, FALSE },
  { "February 2024", "2024-02-01", "2024-02-29", ATLAS_DATE_PRECISION_MONTH, ATLAS_DATE_QUALIFIER_NONE, FALSE },
  { "First eight months of 2025", "2025-01-01", "2025-08-31", ATLAS_DATE_PRECISION_MONTH, ATLAS_DATE_QUALIFIER_NONE, FALSE },
  { "first 3 months of 2025", "2025-01-01", "2025-03-31", ATLAS_DATE_PRECISION_MONTH, ATLAS_DATE_QUALIFIER_NONE, FALSE },
  { "last three months of 2024", "2024-10-01", "2024-12-31", ATLAS_DATE_PRECISION_MONTH, ATLAS_DATE_QUALIFIER_NONE, FALSE },
  { "second half of 2025", "2025-07-01", "2025-12-31", ATLAS_DATE_PRECISION_MONTH, ATLAS_DATE_QUALIFIER_NONE, FALSE },
  { "By July 2025", "2025-07-01", "2025-07-31", ATLAS_DATE_PRECISION_MONTH, ATLAS_DATE_QUALIFIER_BY, FALSE },
  { "late September 2025", "2025-09-21", "2025-09-30", ATLAS_DATE_PRECISION_MONTH, ATLAS_DATE_QUALIFIER_NONE, TRUE },
  { "early Oct. 2025", "2025-10-01", "2025-10-10", ATLAS_DATE_PRECISION_MONTH, ATLAS_DATE_QUALIFIER_NONE, TRUE },
  { "Sept. 18, 2025", "2025-09-18", "2025-09-18", ATLAS_DATE_PRECISION_DAY, ATLAS_DATE_QUALIFIER_NONE, FALSE },
  { "Oct. 28, 2025", "2025-10-28", "2025-10-28", ATLAS_DATE_PRECISION_DAY, ATLAS_DATE_QUALIFIER_NONE, FALSE },
  { "28 October 2025", "2025-10-28", "2025-10-28", ATLAS_DATE_PRECISION_DAY, ATLAS_DATE_QUALIFIER_NONE, FALSE },
  { "As of Oct. 1, 2025", "2025-10-01", "2025-10-01", ATLAS_DATE_PRECISION_DAY, ATLAS_DATE_QUALIFIER_AS_OF, FALSE },
  { "since 2023", "2023-01-01", "2023-12-31", ATLAS_DATE_PRECISION_YEAR, ATLAS_DATE_QUALIFIER_SINCE, FALSE },
  { "about 2020", "2020-01-01", "2020-12-31", ATLAS_DATE_PRECISION_YEAR, ATLAS_DATE_QUALIFIER_ABOUT, FALSE },
  { "July–September 2025", "2025-07-01", "2025-09-30", ATLAS_DATE_PRECISION_MONTH, ATLAS_DATE_QUALIFIER_NONE, FALSE },
  { "2025-09-18", "2025-09-18", "2025-09-18", ATLAS_DATE_PRECISION_DAY, ATLAS_DATE_QUALIFIER_NONE, FALSE },
  { "2025-09", "2025-09-01", "2025-09-30", ATLAS_DATE_PRECISION_MONTH, ATLAS_DATE_QUALIFIER_NONE, FALSE },
};
/* clang-format on */

static void
test_parse_wordings (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (AtlasFuzzyDate) date = atlas_fuzzy_date_parse (cases[i].text, &error);
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_no_error (error);
      g_assert_nonnull (date);
      start = atlas_date_format_day (atlas_fuzzy_date_get_start (date));
      end = atlas_date_format_day (atlas_fuzzy_date_get_end (date));
      g_assert_cmpstr (start, ==, cases[i].start);
      g_assert_cmpstr (end, ==, cases[i].end);
      g_assert_cmpint (atlas_fuzzy_date_get_precision (date), ==, cases[i].precision);
      g_assert_cmpint (atlas_fuzzy_date_get_qualifier (date), ==, cases[i].qualifier);
      g_assert_cmpint (atlas_fuzzy_date_is_approximate (date), ==,
                       cases[i].approximate || cases[i].qualifier == ATLAS_DATE_QUALIFIER_ABOUT);
      /* The wording is kept as written, for display. */
      g_assert_cmpstr (atlas_fuzzy_date_get_text (date), ==, cases[i].text);
    }
}

static void
test_open_ends (void)
{
  g_autoptr (AtlasFuzzyDate) by = atlas_fuzzy_date_parse ("by 2022", NULL);
  g_autoptr (AtlasFuzzyDate) as_of = atlas_fuzzy_date_parse ("as of Oct. 1, 2025", NULL);
  g_autoptr (AtlasFuzzyDate) since = atlas_fuzzy_date_parse ("since 2023", NULL);
  g_autoptr (AtlasFuzzyDate) plain = atlas_fuzzy_date_parse ("2022", NULL);

  g_assert_true (atlas_fuzzy_date_is_start_open (by));
  g_assert_false (atlas_fuzzy_date_is_end_open (by));
  g_assert_true (atlas_fuzzy_date_is_start_open (as_of));
  g_assert_true (atlas_fuzzy_date_is_end_open (since));
  g_assert_false (atlas_fuzzy_date_is_start_open (since));
  g_assert_false (atlas_fuzzy_date_is_start_open (plain));
  g_assert_false (atlas_fuzzy_date_is_end_open (plain));
}

static void
test_refused (void)
{
  static const char *bad[] = {
    "",
    "soon",
    "this year",
    "2025-13",
    "Feb. 30, 2025",
    "late Oct. 28, 2025",
    "2020–2018",
    "first thirteen months of 2025",
    "999",
    "by about 2020",
    "September",
    "2025-02-30",
    "Octember 3, 2025",
    "early",
    "\xff\xfe",
    "   ",
    "\t\n",
    "late late",
    "of",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (AtlasFuzzyDate) date = atlas_fuzzy_date_parse (bad[i], &error);

      g_autofree char *printable = g_strescape (bad[i], NULL);

      g_test_message ("refusing “%s”", printable);
      g_assert_null (date);
      g_assert_nonnull (error);
      g_assert_true (error->domain == ATLAS_DATA_ERROR);
    }
}

/* Wordings that once crashed the parser: every one is refused, each with a
 * message that says why. */
static void
test_hostile (void)
{
  static const struct
  {
    const char *text;
    const char *says;
  } hostile[] = {
    { "late mid middle Feb 2024", "“late” and “mid” both narrow the month" },
    { "since late of mid 2010s", "“late” and “mid” both narrow the decade" },
    { "early mid early first half of 2025", "“early” and “mid” both narrow the month" },
    { "late late 2010s", "“late” and “late” both narrow the decade" },
    { "early late September 2025", "“early” and “late” both narrow the month" },
    { "mid early 2024 – late 2025", "“mid” and “early” both narrow the year" },
    { "", "cannot be empty" },
    { "   ", "cannot be empty" },
    { "2025 – 2020", "the range ends before it starts" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (AtlasFuzzyDate) date = atlas_fuzzy_date_parse (hostile[i].text, &error);

      g_test_message ("“%s” → %s", hostile[i].text, error ? error->message : "(read)");
      g_assert_null (date);
      g_assert_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_DATE);
      if (strstr (error->message, hostile[i].says) == NULL)
        g_error ("“%s” does not say “%s”", error->message, hostile[i].says);
    }

  /* A few hundred thousand repeated words: refused at once, by count,
   * quoted short. */
  {
    g_autoptr (GString) text = g_string_new (NULL);
    g_autoptr (GError) error = NULL;
    g_autoptr (AtlasFuzzyDate) date = NULL;

    for (guint i = 0; i < 300000; i++)
      g_string_append (text, "early ");
    g_string_append (text, "2025");
    date = atlas_fuzzy_date_parse (text->str, &error);
    g_assert_null (date);
    g_assert_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_DATE);
    g_assert_nonnull (strstr (error->message, "a date has at most 16"));
    g_assert_cmpuint (strlen (error->message), <, 400);
  }

  /* As many words as a date may have, all modifiers: refused, not deep. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (AtlasFuzzyDate) date =
        atlas_fuzzy_date_parse ("early early early early early early early early early early "
                                "early early early early early 2025",
                                &error);

    g_assert_null (date);
    g_assert_nonnull (strstr (error->message, "“early” and “early” both narrow the year"));
  }
}

static void
test_iso (void)
{
  guint32 first, last;
  AtlasDatePrecision precision;
  g_autoptr (GError) error = NULL;

  g_assert_true (atlas_fuzzy_date_parse_iso ("2010s", &first, &last, &precision, NULL));
  g_assert_cmpint (precision, ==, ATLAS_DATE_PRECISION_DECADE);
  g_assert_cmpint (last - first, ==, 3651);

  g_assert_false (atlas_fuzzy_date_parse_iso ("2025-02-29", &first, &last, &precision, &error));
  g_assert_error (error, ATLAS_DATA_ERROR, ATLAS_DATA_ERROR_DATE);
  g_assert_nonnull (strstr (error->message, "day 29"));
  g_clear_error (&error);

  g_assert_true (atlas_fuzzy_date_parse_iso ("2024-02-29", &first, &last, &precision, NULL));
  g_assert_false (atlas_fuzzy_date_parse_iso ("0999", &first, &last, &precision, &error));
  g_assert_nonnull (strstr (error->message, "outside"));
}

static int
compare_indirect (gconstpointer a,
                  gconstpointer b)
{
  return atlas_fuzzy_date_compare (*(AtlasFuzzyDate *const *) a, *(AtlasFuzzyDate *const *) b);
}

/* The wordings of the source article, shuffled, sort into one order. */
static void
test_order (void)
{
  static const char *expected[] = {
    "Early 2010s",
    "2015",
    "2018–2020",
    "By 2019",
    "2022",
    "By 2022",
    "late 2022",
    "2023",
    "2024",
    "By 2024",
    "July 2024",
    "December 2024",
    "First eight months of 2025",
    "February 2025",
    "May 2025",
    "By July 2025",
    "September 2025",
    "Sept. 18, 2025",
    "Late September 2025",
    "As of Oct. 1, 2025",
    "Late October 2025",
    "Oct. 28, 2025",
    "Oct. 29, 2025",
  };
  g_autoptr (GPtrArray) dates =
      g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_fuzzy_date_free);
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_ptr_array_add (dates, atlas_fuzzy_date_parse (expected[i], NULL));

  for (guint round = 0; round < 20; round++)
    {
      /* Fisher–Yates with a fixed seed */
      for (guint i = dates->len - 1; i > 0; i--)
        {
          guint j = (guint) g_rand_int_range (rand, 0, (gint32) i + 1);
          gpointer tmp = dates->pdata[i];

          dates->pdata[i] = dates->pdata[j];
          dates->pdata[j] = tmp;
        }
      g_ptr_array_sort (dates, compare_indirect);
      for (guint i = 0; i < dates->len; i++)
        g_assert_cmpstr (atlas_fuzzy_date_get_text (dates->pdata[i]), ==, expected[i]);
    }
}

static void
test_copy_and_names (void)
{
  g_autoptr (AtlasFuzzyDate) date = atlas_fuzzy_date_parse ("late September 2025", NULL);
  g_autoptr (AtlasFuzzyDate) copy = atlas_fuzzy_date_copy (date);
  g_autofree char *iso = atlas_fuzzy_date_format_iso (date);
  AtlasDateQualifier qualifier;
  AtlasDatePrecision precision;

  g_assert_true (atlas_fuzzy_date_equal (date, copy));
  g_assert_true (atlas_fuzzy_date_get_text (date) != atlas_fuzzy_date_get_text (copy));
  g_assert_cmpstr (iso, ==, "2025-09");

  g_assert_true (atlas_date_qualifier_from_string ("as-of", &qualifier));
  g_assert_cmpint (qualifier, ==, ATLAS_DATE_QUALIFIER_AS_OF);
  g_assert_false (atlas_date_qualifier_from_string ("maybe", &qualifier));
  g_assert_true (atlas_date_precision_from_string ("decade", &precision));
  g_assert_cmpstr (atlas_date_precision_to_string (precision), ==, "decade");
}

/* Dates written for a Chinese reader, from their interval, precision and
 * qualifier; for an English one, as the source words them. */
static void
test_display (void)
{
  static const char *displays[][2] = {
    { "September 2025", "2025年9月" },
    { "Oct. 28, 2025", "2025年10月28日" },
    { "Early 2010s", "2010年代初" },
    { "2018–2020", "2018–2020年" },
    { "By 2022", "截至2022年" },
    { "First eight months of 2025", "2025年前八个月" },
    { "Late September 2025", "2025年9月下旬" },
    { "late 2022", "2022年末" },
    { "2024", "2024年" },
    { "mid 2024", "2024年中" },
  };

  /* English: the source's own words. */
  for (guint i = 0; i < G_N_ELEMENTS (displays); i++)
    {
      g_autoptr (AtlasFuzzyDate) date = atlas_fuzzy_date_parse (displays[i][0], NULL);
      g_autofree char *shown = atlas_fuzzy_date_dup_display (date);

      g_assert_cmpstr (shown, ==, displays[i][0]);
    }

  if (!atlas_test_speak_chinese ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (displays); i++)
    {
      g_autoptr (AtlasFuzzyDate) date = atlas_fuzzy_date_parse (displays[i][0], NULL);
      g_autofree char *shown = atlas_fuzzy_date_dup_display (date);

      g_test_message ("%s → %s", displays[i][0], shown);
      g_assert_cmpstr (shown, ==, displays[i][1]);
    }
  {
    guint32 day = atlas_date_julian (2025, 10, 1);
    g_autoptr (AtlasFuzzyDate) since =
        atlas_fuzzy_date_new (day, day, ATLAS_DATE_PRECISION_DAY, ATLAS_DATE_QUALIFIER_SINCE, FALSE,
                              "As of Oct. 1, 2025");
    g_autofree char *shown = atlas_fuzzy_date_dup_display (since);

    g_assert_cmpstr (shown, ==, "自2025年10月1日起");
    /* The source's wording stays there, as written. */
    g_assert_cmpstr (atlas_fuzzy_date_get_text (since), ==, "As of Oct. 1, 2025");
  }
  atlas_test_speak_english ();
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fuzzy-date/parse-wordings", test_parse_wordings);
  g_test_add_func ("/fuzzy-date/open-ends", test_open_ends);
  g_test_add_func ("/fuzzy-date/refused", test_refused);
  g_test_add_func ("/fuzzy-date/hostile", test_hostile);
  g_test_add_func ("/fuzzy-date/iso", test_iso);
  g_test_add_func ("/fuzzy-date/order", test_order);
  g_test_add_func ("/fuzzy-date/copy-and-names", test_copy_and_names);
  g_test_add_func ("/fuzzy-date/display", test_display);

  return g_test_run ();
}
