/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_SEARCH_ENTITY,
  ATLAS_SEARCH_EVENT,
  ATLAS_SEARCH_FIGURE,
} AtlasSearchKind;

/* A span of matched words, in bytes of the text it is in. */
typedef struct
{
  guint start;
  guint end;
} AtlasSearchSpan;

/* One thing a search found, with what to show of it. */
typedef struct
{
  AtlasSearchKind kind;
  char *id;          /* an entity's, an event's, or a figure's (SERIES#INDEX) */
  char *title;       /* the entity's name, the event's title, "Red Fruit: Monthly active users" */
  char *subtitle;    /* the Chinese name; the date as written; the value and its date */
  GArray *title_spans; /* of AtlasSearchSpan: the matched words in @title */
  GArray *subtitle_spans;
} AtlasSearchHit;

GPtrArray *atlas_search (AtlasDataset *dataset,
                         const char *query);
gboolean atlas_search_parse_date (const char *query,
                                  guint32 *first_day,
                                  guint32 *last_day);
void atlas_search_hit_free (AtlasSearchHit *hit);
char *atlas_search_fold (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSearchHit,
                               atlas_search_hit_free)

G_END_DECLS
