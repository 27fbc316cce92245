/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-format"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "atlas-format.h"
#include "atlas-fuzzy-date.h"
#include "atlas-loader.h"
#include "atlas-locale.h"
#include "atlas-test-locale.h"

static void
check (char *formatted,
       const char *expected)
{
  g_assert_cmpstr (formatted, ==, expected);
  g_free (formatted);
}

static void
test_numbers (void)
{
  check (atlas_format_number (236e6), "236 million");
  check (atlas_format_number (64.1e9), "64.1 billion");
  check (atlas_format_number (14.05e9), "14.05 billion");
  check (atlas_format_number (1e9), "1 billion");
  check (atlas_format_number (37000), "37,000");
  check (atlas_format_number (1193), "1,193");
  check (atlas_format_number (97), "97");
  check (atlas_format_number (0), "0");
  check (atlas_format_number (0.25), "0.25");
  check (atlas_format_number (999999), "999,999");
}

static void
test_quantities (void)
{
  check (atlas_format_quantity (100e9, ATLAS_UNIT_CNY, ATLAS_PER_NONE), "¥100 billion");
  check (atlas_format_quantity (14.05e9, ATLAS_UNIT_USD, ATLAS_PER_NONE), "$14.05 billion");
  check (atlas_format_quantity (97, ATLAS_UNIT_PERCENT, ATLAS_PER_NONE), "97%");
  check (atlas_format_quantity (156, ATLAS_UNIT_MINUTES, ATLAS_PER_DAY), "156 minutes a day");
  check (atlas_format_quantity (1000, ATLAS_UNIT_TITLES, ATLAS_PER_YEAR), "1,000 titles a year");
  check (atlas_format_quantity (80, ATLAS_UNIT_TITLES, ATLAS_PER_MONTH), "80 titles a month");
  check (atlas_format_quantity (22, ATLAS_UNIT_COUNT, ATLAS_PER_NONE), "22");
  /* Plural forms through ngettext: one title, one minute. */
  check (atlas_format_quantity (1, ATLAS_UNIT_TITLES, ATLAS_PER_NONE), "1 title");
  check (atlas_format_quantity (1, ATLAS_UNIT_MINUTES, ATLAS_PER_DAY), "1 minute a day");
  check (atlas_format_quantity (1e6, ATLAS_UNIT_PEOPLE, ATLAS_PER_NONE), "1 million people");
  check (
      atlas_format_qualified (236e6, ATLAS_VALUE_QUALIFIER_OVER, ATLAS_UNIT_PEOPLE, ATLAS_PER_NONE),
      "over 236 million people");
  check (atlas_format_qualified (37000, ATLAS_VALUE_QUALIFIER_NEARLY, ATLAS_UNIT_TITLES,
                                 ATLAS_PER_NONE),
         "nearly 37,000 titles");
  check (
      atlas_format_qualified (80, ATLAS_VALUE_QUALIFIER_UP_TO, ATLAS_UNIT_TITLES, ATLAS_PER_MONTH),
      "up to 80 titles a month");
  check (
      atlas_format_qualified (64.1e9, ATLAS_VALUE_QUALIFIER_EXACT, ATLAS_UNIT_CNY, ATLAS_PER_NONE),
      "¥64.1 billion");
}

static void
test_compact (void)
{
  check (atlas_format_compact (236e6, ATLAS_UNIT_PEOPLE), "236 M");
  check (atlas_format_compact (100e9, ATLAS_UNIT_CNY), "¥100 B");
  check (atlas_format_compact (14.05e9, ATLAS_UNIT_USD), "$14.05 B");
  check (atlas_format_compact (64.1e9, ATLAS_UNIT_CNY), "¥64.1 B");
  check (atlas_format_compact (37000, ATLAS_UNIT_TITLES), "37,000");
  check (atlas_format_compact (97, ATLAS_UNIT_PERCENT), "97%");
  check (atlas_format_compact (156, ATLAS_UNIT_MINUTES), "156 min");
  check (atlas_format_compact (0, ATLAS_UNIT_CNY), "¥0");
  check (atlas_format_compact (2.5, ATLAS_UNIT_COUNT), "2.5");
  g_assert_cmpstr (atlas_format_qualifier_sign (ATLAS_VALUE_QUALIFIER_OVER), ==, "≥");
  g_assert_cmpstr (atlas_format_qualifier_sign (ATLAS_VALUE_QUALIFIER_NEARLY), ==, "≈");
  g_assert_cmpstr (atlas_format_qualifier_sign (ATLAS_VALUE_QUALIFIER_UP_TO), ==, "≤");
  g_assert_null (atlas_format_qualifier_sign (ATLAS_VALUE_QUALIFIER_EXACT));
}

static void
test_nice_scale (void)
{
  AtlasNiceScale scale;

  /* 0–236 million: steps of 50 million, to 250 million */
  scale = atlas_nice_scale (236e6, 5);
  g_assert_cmpfloat (scale.step, ==, 50e6);
  g_assert_cmpfloat (scale.max, ==, 250e6);
  g_assert_cmpuint (scale.n_steps, ==, 5);

  /* 0–100 billion: steps of 20 billion, exactly to 100 billion */
  scale = atlas_nice_scale (100e9, 5);
  g_assert_cmpfloat (scale.step, ==, 20e9);
  g_assert_cmpfloat (scale.max, ==, 100e9);

  /* A round step of 2.5 */
  scale = atlas_nice_scale (1e9, 4);
  g_assert_cmpfloat (scale.step, ==, 250e6);
  g_assert_cmpfloat (scale.max, ==, 1e9);

  /* A single small value */
  scale = atlas_nice_scale (42, 5);
  g_assert_cmpfloat (scale.step, ==, 10);
  g_assert_cmpfloat (scale.max, ==, 50);

  /* All zero, or nothing sensible: an axis from 0 to 1 */
  scale = atlas_nice_scale (0, 5);
  g_assert_cmpfloat (scale.max, ==, 1);
  g_assert_cmpuint (scale.n_steps, ==, 4);
  scale = atlas_nice_scale (-3, 5);
  g_assert_cmpfloat (scale.max, ==, 1);

  /* The top is never below the value, and the steps reach it */
  for (double v = 0.7; v < 1e12; v *= 3.7)
    {
      scale = atlas_nice_scale (v, 6);
      g_assert_cmpfloat (scale.max, >=, v);
      g_assert_cmpfloat_with_epsilon (scale.n_steps * scale.step, scale.max, scale.max * 1e-9);
      g_assert_cmpuint (scale.n_steps, <=, 12);
    }
}

/* To a Chinese reader, numbers count by 万 and 亿, with Chinese units:
 * through the translation's table of magnitudes, not in code. */
static void
test_chinese (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) dataset = NULL;

  if (!atlas_test_speak_chinese ())
    return;

  check (atlas_format_number (236e6), "2.36亿");
  check (atlas_format_number (60e6), "6000万");
  check (atlas_format_number (37000), "3.7万");
  check (atlas_format_number (1193), "1,193");
  check (atlas_format_quantity (100e9, ATLAS_UNIT_CNY, ATLAS_PER_NONE), "1000亿元");
  check (
      atlas_format_qualified (379, ATLAS_VALUE_QUALIFIER_OVER, ATLAS_UNIT_TITLES, ATLAS_PER_YEAR),
      "每年超过379部");
  check (atlas_format_quantity (14.05e9, ATLAS_UNIT_USD, ATLAS_PER_NONE), "140.5亿美元");
  check (atlas_format_quantity (156, ATLAS_UNIT_MINUTES, ATLAS_PER_NONE), "156分钟");
  check (atlas_format_quantity (696e6, ATLAS_UNIT_PEOPLE, ATLAS_PER_NONE), "6.96亿人");
  check (atlas_format_qualified (30e9, ATLAS_VALUE_QUALIFIER_OVER, ATLAS_UNIT_CNY, ATLAS_PER_NONE),
         "超过300亿元");
  check (atlas_format_compact (236e6, ATLAS_UNIT_PEOPLE), "2.36亿");
  check (atlas_format_compact (5e9, ATLAS_UNIT_CNY), "50亿元");
  check (atlas_format_compact (156, ATLAS_UNIT_MINUTES), "156分钟");

  /* Every figure of the bundled dataset, in both languages; its texts,
   * read by a Chinese reader, in Chinese (its _zh members). */
  dataset = atlas_dataset_load_default (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_dataset_get_title (dataset), ==, "中国微短剧行业，2010年代—2025年");
  g_assert_cmpstr (
      atlas_event_get_title (atlas_dataset_lookup_event (dataset, "red-fruit-suspension")), ==,
      "红果被暂停五天");
  /* The source's sentence stays the English it quotes. */
  g_assert_true (g_str_has_prefix (
      atlas_event_get_sentence (atlas_dataset_lookup_event (dataset, "red-fruit-suspension")),
      "Red Fruit"));
  for (guint i = 0; i < g_list_model_get_n_items (atlas_dataset_get_series (dataset)); i++)
    {
      g_autoptr (AtlasSeries) series =
          g_list_model_get_item (atlas_dataset_get_series (dataset), i);
      GListModel *points = atlas_series_get_points (series);

      for (guint p = 0; p < g_list_model_get_n_items (points); p++)
        {
          g_autoptr (AtlasPoint) point = g_list_model_get_item (points, p);
          g_autofree char *zh = atlas_format_point (point);
          g_autofree char *en = NULL;

          atlas_test_speak_english ();
          en = atlas_format_point (point);
          atlas_test_speak_chinese ();
          g_test_message ("%s: %s | %s", atlas_series_get_id (series), en, zh);
          /* No English magnitude or unit is left in the Chinese. */
          g_assert_null (strstr (zh, "million"));
          g_assert_null (strstr (zh, "billion"));
          g_assert_null (strstr (zh, "people"));
          g_assert_null (strstr (zh, "titles"));
          g_assert_null (strstr (zh, "¥"));
        }
    }
  atlas_test_speak_english ();
}

typedef struct
{
  const char *language;
  char *number;
  char *date;
  char *title;
} Spoken;

static gpointer
speak (gpointer data)
{
  Spoken *spoken = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasFuzzyDate) date = atlas_fuzzy_date_parse ("September 2025", &error);
  g_autoptr (AtlasDataset) dataset = NULL;

  g_assert_no_error (error);
  g_assert_true (atlas_language_begin (spoken->language, &error));
  g_assert_no_error (error);
  spoken->number = atlas_format_quantity (236e6, ATLAS_UNIT_PEOPLE, ATLAS_PER_NONE);
  spoken->date = atlas_fuzzy_date_dup_display (date);
  dataset = atlas_dataset_load_default (&error);
  g_assert_no_error (error);
  spoken->title = g_strdup (atlas_dataset_get_title (dataset));
  atlas_language_end ();
  return NULL;
}

/* A thread that speaks another language than the interface's, as an
 * export in that language does: its numbers, dates and dataset texts are
 * that language's, and the rest of the process keeps the interface's. */
static void
test_spoken_language (void)
{
  Spoken zh = { "zh_CN" }, en = { "en" };
  g_autoptr (GError) error = NULL;
  GThread *thread;

  atlas_test_speak_english ();
  thread = g_thread_new ("zh", speak, &zh);
  /* Meanwhile, English here. */
  check (atlas_format_quantity (236e6, ATLAS_UNIT_PEOPLE, ATLAS_PER_NONE), "236 million people");
  g_thread_join (thread);
  check (zh.number, "2.36亿人");
  check (zh.date, "2025年9月");
  check (zh.title, "中国微短剧行业，2010年代—2025年");
  check (atlas_format_quantity (236e6, ATLAS_UNIT_PEOPLE, ATLAS_PER_NONE), "236 million people");

  g_assert_false (atlas_language_begin ("fr", &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);

  /* English from a Chinese interface. */
  if (!atlas_test_speak_chinese ())
    return;
  check (atlas_format_quantity (236e6, ATLAS_UNIT_PEOPLE, ATLAS_PER_NONE), "2.36亿人");
  g_thread_join (g_thread_new ("en", speak, &en));
  check (en.number, "236 million people");
  check (en.date, "September 2025");
  check (en.title, "China’s Micro-Drama Industry, 2010s–2025");
  atlas_test_speak_english ();
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/numbers", test_numbers);
  g_test_add_func ("/format/quantities", test_quantities);
  g_test_add_func ("/format/compact", test_compact);
  g_test_add_func ("/format/nice-scale", test_nice_scale);
  g_test_add_func ("/format/chinese", test_chinese);
  g_test_add_func ("/format/spoken-language", test_spoken_language);

  return g_test_run ();
}
