/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "atlas-fuzzy-date.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_EVENT_CATEGORY_REGULATION,
  ATLAS_EVENT_CATEGORY_PLATFORM,
  ATLAS_EVENT_CATEGORY_PRODUCTION,
  ATLAS_EVENT_CATEGORY_MARKET,
  ATLAS_EVENT_CATEGORY_TECHNOLOGY,
  ATLAS_EVENT_CATEGORY_PEOPLE,
} AtlasEventCategory;

/* A set of categories: bit (1 << category) for each. */
typedef enum /*< flags >*/
{
  ATLAS_EVENT_CATEGORY_FLAGS_NONE = 0,
  ATLAS_EVENT_CATEGORY_FLAGS_REGULATION = 1 << ATLAS_EVENT_CATEGORY_REGULATION,
  ATLAS_EVENT_CATEGORY_FLAGS_PLATFORM = 1 << ATLAS_EVENT_CATEGORY_PLATFORM,
  ATLAS_EVENT_CATEGORY_FLAGS_PRODUCTION = 1 << ATLAS_EVENT_CATEGORY_PRODUCTION,
  ATLAS_EVENT_CATEGORY_FLAGS_MARKET = 1 << ATLAS_EVENT_CATEGORY_MARKET,
  ATLAS_EVENT_CATEGORY_FLAGS_TECHNOLOGY = 1 << ATLAS_EVENT_CATEGORY_TECHNOLOGY,
  ATLAS_EVENT_CATEGORY_FLAGS_PEOPLE = 1 << ATLAS_EVENT_CATEGORY_PEOPLE,
} AtlasEventCategoryFlags;

#define ATLAS_TYPE_EVENT (atlas_event_get_type ())

G_DECLARE_FINAL_TYPE (AtlasEvent,
                      atlas_event,
                      ATLAS,
                      EVENT,
                      GObject)

AtlasEvent *atlas_event_new (const char *id,
                             const AtlasFuzzyDate *date,
                             AtlasEventCategory category,
                             const char *title,
                             const char *text,
                             const char *const *entity_ids,
                             const char *sentence,
                             const char *source_id,
                             const char *note);
const char *atlas_event_get_id (AtlasEvent *self);
const AtlasFuzzyDate *atlas_event_get_date (AtlasEvent *self);
AtlasEventCategory atlas_event_get_category (AtlasEvent *self);
const char *atlas_event_get_title (AtlasEvent *self);
const char *atlas_event_get_text (AtlasEvent *self);
const char *const *atlas_event_get_entity_ids (AtlasEvent *self);
gboolean atlas_event_involves (AtlasEvent *self,
                               const char *entity_id);
const char *atlas_event_get_sentence (AtlasEvent *self);
const char *atlas_event_get_source_id (AtlasEvent *self);
const char *atlas_event_get_note (AtlasEvent *self);
int atlas_event_compare (AtlasEvent *a,
                         AtlasEvent *b);

const char *atlas_event_category_to_string (AtlasEventCategory category);
gboolean atlas_event_category_from_string (const char *str,
                                           AtlasEventCategory *category);
const char *atlas_event_category_get_label (AtlasEventCategory category);

G_END_DECLS
