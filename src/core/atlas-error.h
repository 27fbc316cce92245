/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ATLAS_DATA_ERROR (atlas_data_error_quark ())

typedef enum
{
  ATLAS_DATA_ERROR_IO = 1,       /* missing, unreadable */
  ATLAS_DATA_ERROR_NOT_REGULAR,  /* a directory, a device, a pipe */
  ATLAS_DATA_ERROR_TOO_LARGE,    /* over the size bound */
  ATLAS_DATA_ERROR_ENCODING,     /* not UTF-8, NUL bytes */
  ATLAS_DATA_ERROR_TOO_DEEP,     /* nesting over the depth bound */
  ATLAS_DATA_ERROR_SYNTAX,       /* not JSON */
  ATLAS_DATA_ERROR_FORMAT,       /* not our format, or a major version we do not read */
  ATLAS_DATA_ERROR_INVALID,      /* JSON of our format whose content is wrong */
  ATLAS_DATA_ERROR_DATE,         /* a date that does not parse */
} AtlasDataError;

GQuark atlas_data_error_quark (void);

G_END_DECLS
