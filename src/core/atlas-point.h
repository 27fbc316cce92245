/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "atlas-fuzzy-date.h"

G_BEGIN_DECLS

/* How the stated number relates to the real one. */
typedef enum
{
  ATLAS_VALUE_QUALIFIER_EXACT,
  ATLAS_VALUE_QUALIFIER_OVER,   /* "over", "more than", "exceeded": ≥ */
  ATLAS_VALUE_QUALIFIER_NEARLY, /* "nearly", "nearing", "approaching": ≲ */
  ATLAS_VALUE_QUALIFIER_UP_TO,  /* "up to": ≤ */
  ATLAS_VALUE_QUALIFIER_ABOUT,  /* "about", "around": ≈ */
} AtlasValueQualifier;

typedef enum
{
  ATLAS_VALUE_STATUS_REPORTED,
  ATLAS_VALUE_STATUS_ESTIMATED,
  ATLAS_VALUE_STATUS_PROJECTED,
} AtlasValueStatus;

typedef struct _AtlasSeries AtlasSeries;

#define ATLAS_TYPE_POINT (atlas_point_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPoint,
                      atlas_point,
                      ATLAS,
                      POINT,
                      GObject)

AtlasPoint *atlas_point_new (const char *entity_id,
                             const AtlasFuzzyDate *date,
                             double value,
                             AtlasValueQualifier qualifier,
                             AtlasValueStatus status,
                             const char *sentence,
                             const char *source_id,
                             const char *note,
                             const char *event_id);
AtlasSeries *atlas_point_dup_series (AtlasPoint *self);
const char *atlas_point_get_entity_id (AtlasPoint *self);
const AtlasFuzzyDate *atlas_point_get_date (AtlasPoint *self);
double atlas_point_get_value (AtlasPoint *self);
AtlasValueQualifier atlas_point_get_qualifier (AtlasPoint *self);
AtlasValueStatus atlas_point_get_status (AtlasPoint *self);
const char *atlas_point_get_sentence (AtlasPoint *self);
const char *atlas_point_get_source_id (AtlasPoint *self);
const char *atlas_point_get_note (AtlasPoint *self);
const char *atlas_point_get_event_id (AtlasPoint *self);
char *atlas_point_dup_id (AtlasPoint *self);

void _atlas_point_set_series (AtlasPoint *self,
                              AtlasSeries *series);

const char *atlas_value_qualifier_to_string (AtlasValueQualifier qualifier);
gboolean atlas_value_qualifier_from_string (const char *str,
                                            AtlasValueQualifier *qualifier);
const char *atlas_value_status_to_string (AtlasValueStatus status);
gboolean atlas_value_status_from_string (const char *str,
                                         AtlasValueStatus *status);
const char *atlas_value_status_get_label (AtlasValueStatus status);

G_END_DECLS
