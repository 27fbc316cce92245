/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-entity.h"
#include "atlas-event.h"
#include "atlas-series.h"
#include "atlas-source.h"

G_BEGIN_DECLS

typedef struct
{
  char *id;
  char *title;
  char *description;
} AtlasChartSpec;

typedef struct
{
  AtlasUnit from;
  AtlasUnit to;
  double rate;      /* one unit of @from is @rate of @to */
  char *sentence;
  char *source_id;
} AtlasRate;

#define ATLAS_TYPE_DATASET (atlas_dataset_get_type ())

G_DECLARE_FINAL_TYPE (AtlasDataset,
                      atlas_dataset,
                      ATLAS,
                      DATASET,
                      GObject)

AtlasDataset *atlas_dataset_new (const char *title,
                                 const char *description);
const char *atlas_dataset_get_title (AtlasDataset *self);
const char *atlas_dataset_get_description (AtlasDataset *self);

void atlas_dataset_add_source (AtlasDataset *self,
                               AtlasSource *source);
void atlas_dataset_add_chart (AtlasDataset *self,
                              const char *id,
                              const char *title,
                              const char *description);
void atlas_dataset_add_rate (AtlasDataset *self,
                             AtlasUnit from,
                             AtlasUnit to,
                             double rate,
                             const char *sentence,
                             const char *source_id);
void atlas_dataset_add_entity (AtlasDataset *self,
                               AtlasEntity *entity);
void atlas_dataset_add_event (AtlasDataset *self,
                              AtlasEvent *event);
void atlas_dataset_add_series (AtlasDataset *self,
                               AtlasSeries *series);
void atlas_dataset_seal (AtlasDataset *self);

GListModel *atlas_dataset_get_sources (AtlasDataset *self);
GListModel *atlas_dataset_get_entities (AtlasDataset *self);
GListModel *atlas_dataset_get_events (AtlasDataset *self);
GListModel *atlas_dataset_get_series (AtlasDataset *self);
guint atlas_dataset_get_n_charts (AtlasDataset *self);
const AtlasChartSpec *atlas_dataset_get_chart (AtlasDataset *self,
                                               guint index);
const AtlasChartSpec *atlas_dataset_lookup_chart (AtlasDataset *self,
                                                  const char *id);
gboolean atlas_dataset_get_rate (AtlasDataset *self,
                                 AtlasUnit from,
                                 AtlasUnit to,
                                 const AtlasRate **rate);
guint atlas_dataset_get_n_points (AtlasDataset *self);
gboolean atlas_dataset_get_span (AtlasDataset *self,
                                 guint32 *first_day,
                                 guint32 *last_day);

AtlasSource *atlas_dataset_lookup_source (AtlasDataset *self,
                                          const char *id);
AtlasEntity *atlas_dataset_lookup_entity (AtlasDataset *self,
                                          const char *id);
AtlasEvent *atlas_dataset_lookup_event (AtlasDataset *self,
                                        const char *id);
AtlasSeries *atlas_dataset_lookup_series (AtlasDataset *self,
                                          const char *id);
GFile *atlas_dataset_get_file (AtlasDataset *self);
void _atlas_dataset_set_file (AtlasDataset *self,
                              GFile *file);
AtlasPoint *atlas_dataset_lookup_point (AtlasDataset *self,
                                        const char *id);
GPtrArray *atlas_dataset_list_points_for (AtlasDataset *self,
                                          const char *entity_id);
GPtrArray *atlas_dataset_list_points_for_event (AtlasDataset *self,
                                                const char *event_id);
GPtrArray *atlas_dataset_list_events_for (AtlasDataset *self,
                                          const char *entity_id);

G_END_DECLS
