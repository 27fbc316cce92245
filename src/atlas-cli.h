/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-dataset.h"

G_BEGIN_DECLS

/* Exit codes of the command line, which scripts rely on. */
#define ATLAS_EXIT_OK 0
#define ATLAS_EXIT_DATA 1   /* a data or I/O error */
#define ATLAS_EXIT_USAGE 2   /* a wrong option */

typedef struct
{
  const char *id;
  const char *output;
  int width;
  int height;
  double scale;
  const char *theme;
  const char *background; /* "white", "theme", "transparent", or NULL: the default */
  gboolean scale_given;   /* --scale was on the command line: only PNG has one */
} AtlasCliExport;

const GOptionEntry *atlas_cli_get_options (void);
const char *atlas_cli_get_summary (void);
void atlas_cli_begin (char **argv);
int atlas_cli_run (GVariantDict *options);

int atlas_cli_check_data (const char *path);
int atlas_cli_list_charts (AtlasDataset *dataset);
int atlas_cli_export_chart (AtlasDataset *dataset,
                            const AtlasCliExport *request);
gboolean atlas_cli_validate_args (const GOptionEntry *entries,
                                  const char *summary,
                                  char **argv,
                                  int *exit_status);

G_END_DECLS
