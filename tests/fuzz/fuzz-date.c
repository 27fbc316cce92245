/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-date"

#include "config.h"

/* libFuzzer target: any bytes as the wording of a date. Each must be read
 * as an interval that starts no later than it ends, or be refused with an
 * error of the loader's domain; anything else — a crash, a sanitizer report,
 * a critical warning, a refusal without an error — is a finding. The
 * dictionary (date.dict) holds the grammar's words, so that mutations make
 * wordings, not noise. Run by build-aux/hardening.sh beside the loader's. */

#include <stdint.h>

#include "atlas-error.h"
#include "atlas-fuzzy-date.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr (GError) error = NULL;
  AtlasFuzzyDate *date;
  static gboolean once;

  if (!once)
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      once = TRUE;
    }

  date = atlas_fuzzy_date_parse (text, &error);
  if (date == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == ATLAS_DATA_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
  else
    {
      g_assert_null (error);
      g_assert_cmpuint (atlas_fuzzy_date_get_start (date), <=, atlas_fuzzy_date_get_end (date));
      atlas_fuzzy_date_free (date);
    }
  return 0;
}
