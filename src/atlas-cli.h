/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of the command line, which scripts rely on. */
#define ATLAS_EXIT_OK    0
#define ATLAS_EXIT_DATA  1   /* a data or I/O error */
#define ATLAS_EXIT_USAGE 2   /* a wrong option */

int      atlas_cli_check_data    (const char *path);
gboolean atlas_cli_validate_args (const GOptionEntry *entries,
                                  const char         *summary,
                                  char              **argv,
                                  int                *exit_status);

G_END_DECLS
