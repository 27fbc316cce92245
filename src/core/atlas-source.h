/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "atlas-fuzzy-date.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SOURCE (atlas_source_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSource,
                      atlas_source,
                      ATLAS,
                      SOURCE,
                      GObject)

AtlasSource *atlas_source_new (const char *id,
                               const char *publication,
                               const char *title,
                               const AtlasFuzzyDate *date,
                               const char *url);
const char *atlas_source_get_id (AtlasSource *self);
const char *atlas_source_get_publication (AtlasSource *self);
const char *atlas_source_get_title (AtlasSource *self);
const AtlasFuzzyDate *atlas_source_get_date (AtlasSource *self);
const char *atlas_source_get_url (AtlasSource *self);
char *atlas_source_dup_credit (AtlasSource *self);

G_END_DECLS
