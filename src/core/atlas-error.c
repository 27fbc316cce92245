/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-error"

#include "config.h"

#include "atlas-error.h"

G_DEFINE_QUARK (atlas - data - error - quark,
                atlas_data_error)
