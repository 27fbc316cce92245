/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-format"

#include "config.h"

#include "atlas-format.h"

static void
check (char       *formatted,
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
  check (atlas_format_qualified (236e6, ATLAS_VALUE_QUALIFIER_OVER, ATLAS_UNIT_PEOPLE, ATLAS_PER_NONE),
         "over 236 million people");
  check (atlas_format_qualified (37000, ATLAS_VALUE_QUALIFIER_NEARLY, ATLAS_UNIT_TITLES, ATLAS_PER_NONE),
         "nearly 37,000 titles");
  check (atlas_format_qualified (80, ATLAS_VALUE_QUALIFIER_UP_TO, ATLAS_UNIT_TITLES, ATLAS_PER_MONTH),
         "up to 80 titles a month");
  check (atlas_format_qualified (64.1e9, ATLAS_VALUE_QUALIFIER_EXACT, ATLAS_UNIT_CNY, ATLAS_PER_NONE),
         "¥64.1 billion");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/numbers", test_numbers);
  g_test_add_func ("/format/quantities", test_quantities);

  return g_test_run ();
}
