/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-loader"

#include "config.h"

/* libFuzzer target: any bytes as a dataset file. Each input must load, or be
 * refused with an error of the loader's own domain; anything else — a crash,
 * a sanitizer report, a critical warning, a refusal without an error — is a
 * finding. Run by build-aux/hardening.sh; see the README to run it longer. */

#include <stdint.h>

#include "atlas-error.h"
#include "atlas-loader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (AtlasDataset) dataset = NULL;
  static gboolean once;

  if (!once)
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      once = TRUE;
    }

  dataset = atlas_dataset_load_bytes (bytes, "fuzz.json", &error);
  if (dataset == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == ATLAS_DATA_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.json"));
    }
  else
    {
      g_assert_null (error);
      /* What a loaded dataset offers must hold together. */
      atlas_dataset_get_span (dataset, NULL, NULL);
      atlas_dataset_get_n_points (dataset);
    }
  return 0;
}
