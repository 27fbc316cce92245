/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The enums of the dataset format are written as lower-case names; each unit
 * keeps a table of them, indexed by value. */
static inline gboolean
atlas_names_lookup (const char *const *names,
                    guint n_names,
                    const char *str,
                    guint *value)
{
  for (guint i = 0; str != NULL && i < n_names; i++)
    if (g_str_equal (str, names[i]))
      {
        *value = i;
        return TRUE;
      }
  return FALSE;
}

#define ATLAS_NAMES_FROM_STRING(table, str, out)                                                   \
  G_STMT_START                                                                                     \
  {                                                                                                \
    guint value_;                                                                                  \
    if (!atlas_names_lookup ((table), G_N_ELEMENTS (table), (str), &value_))                       \
      return FALSE;                                                                                \
    *(out) = value_;                                                                               \
    return TRUE;                                                                                   \
  }                                                                                                \
  G_STMT_END

G_END_DECLS
