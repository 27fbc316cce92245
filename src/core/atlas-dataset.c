/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-dataset"

#include "config.h"

/* The whole of a loaded dataset. Built by the loader (atlas-loader.c), then
 * sealed: sealing sorts entities (kind, name) and events (date, id), and adds
 * to each relation's target the inverse relation, so either side can show it.
 * After that it is read-only and shared by every view, and by any thread:
 * an export draws the window's dataset in a thread of its own. */

#include <stdlib.h>
#include <string.h>

#include "atlas-array-model.h"
#include "atlas-dataset.h"

struct _AtlasDataset
{
  GObject parent_instance;

  char *title;
  char *description;
  GFile *file; /* what it was read from, or NULL (the bundled one) */

  /* AtlasArrayModels, which any thread may read (see atlas-array-model.c) */
  AtlasArrayModel *sources;
  AtlasArrayModel *entities;
  GListModel *events;    /* of @new_events once sealed */
  GPtrArray *new_events; /* added before sealing, sorted into @events then */
  AtlasArrayModel *series;
  GArray *charts;   /* AtlasChartSpec */
  GArray *rates;    /* AtlasRate */

  GHashTable *source_by_id;
  GHashTable *entity_by_id;
  GHashTable *event_by_id;
  GHashTable *series_by_id;

  gboolean sealed;
};

G_DEFINE_FINAL_TYPE (AtlasDataset,
                     atlas_dataset,
                     G_TYPE_OBJECT)

static void
clear_chart (gpointer data)
{
  AtlasChartSpec *chart = data;

  g_free (chart->id);
  g_free (chart->title);
  g_free (chart->description);
}

static void
clear_rate (gpointer data)
{
  AtlasRate *rate = data;

  g_free (rate->sentence);
  g_free (rate->source_id);
}

static void
atlas_dataset_finalize (GObject *object)
{
  AtlasDataset *self = ATLAS_DATASET (object);

  g_free (self->title);
  g_free (self->description);
  g_clear_object (&self->file);
  g_clear_pointer (&self->source_by_id, g_hash_table_unref);
  g_clear_pointer (&self->entity_by_id, g_hash_table_unref);
  g_clear_pointer (&self->event_by_id, g_hash_table_unref);
  g_clear_pointer (&self->series_by_id, g_hash_table_unref);
  g_clear_object (&self->sources);
  g_clear_object (&self->entities);
  g_clear_object (&self->events);
  g_clear_pointer (&self->new_events, g_ptr_array_unref);
  g_clear_object (&self->series);
  g_clear_pointer (&self->charts, g_array_unref);
  g_clear_pointer (&self->rates, g_array_unref);

  G_OBJECT_CLASS (atlas_dataset_parent_class)->finalize (object);
}

static void
atlas_dataset_class_init (AtlasDatasetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_dataset_finalize;
}

static void
atlas_dataset_init (AtlasDataset *self)
{
  self->sources = ATLAS_ARRAY_MODEL (atlas_array_model_new (ATLAS_TYPE_SOURCE, NULL));
  self->entities = ATLAS_ARRAY_MODEL (atlas_array_model_new (ATLAS_TYPE_ENTITY, NULL));
  self->events = atlas_array_model_new (ATLAS_TYPE_EVENT, NULL);
  self->new_events = g_ptr_array_new_with_free_func (g_object_unref);
  self->series = ATLAS_ARRAY_MODEL (atlas_array_model_new (ATLAS_TYPE_SERIES, NULL));
  self->charts = g_array_new (FALSE, TRUE, sizeof (AtlasChartSpec));
  g_array_set_clear_func (self->charts, clear_chart);
  self->rates = g_array_new (FALSE, TRUE, sizeof (AtlasRate));
  g_array_set_clear_func (self->rates, clear_rate);

  /* Keys are owned by the objects, which the list stores keep alive. */
  self->source_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->entity_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->event_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->series_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

AtlasDataset *
atlas_dataset_new (const char *title,
                   const char *description)
{
  AtlasDataset *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_DATASET, NULL);
  self->title = g_strdup (title);
  self->description = g_strdup (description);
  return self;
}

const char *
atlas_dataset_get_title (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  return self->title;
}

const char *
atlas_dataset_get_description (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  return self->description;
}

/* The list keeps @item alive, and with it the id the table is keyed on. */
static void
add_item (AtlasArrayModel *list,
          GHashTable *by_id,
          const char *id,
          gpointer item)
{
  atlas_array_model_append (list, item);
  g_hash_table_insert (by_id, (gpointer) id, item);
}

void
atlas_dataset_add_source (AtlasDataset *self,
                          AtlasSource *source)
{
  g_return_if_fail (ATLAS_IS_DATASET (self));
  g_return_if_fail (!self->sealed);

  add_item (self->sources, self->source_by_id, atlas_source_get_id (source), source);
}

void
atlas_dataset_add_chart (AtlasDataset *self,
                         const char *id,
                         const char *title,
                         const char *description)
{
  AtlasChartSpec chart;

  g_return_if_fail (ATLAS_IS_DATASET (self));
  g_return_if_fail (!self->sealed);
  g_return_if_fail (id != NULL && title != NULL);

  chart.id = g_strdup (id);
  chart.title = g_strdup (title);
  chart.description = g_strdup (description);
  g_array_append_val (self->charts, chart);
}

void
atlas_dataset_add_rate (AtlasDataset *self,
                        AtlasUnit from,
                        AtlasUnit to,
                        double rate,
                        const char *sentence,
                        const char *source_id)
{
  AtlasRate r;

  g_return_if_fail (ATLAS_IS_DATASET (self));
  g_return_if_fail (!self->sealed);

  r.from = from;
  r.to = to;
  r.rate = rate;
  r.sentence = g_strdup (sentence);
  r.source_id = g_strdup (source_id);
  g_array_append_val (self->rates, r);
}

void
atlas_dataset_add_entity (AtlasDataset *self,
                          AtlasEntity *entity)
{
  g_return_if_fail (ATLAS_IS_DATASET (self));
  g_return_if_fail (!self->sealed);

  add_item (self->entities, self->entity_by_id, atlas_entity_get_id (entity), entity);
}

void
atlas_dataset_add_event (AtlasDataset *self,
                         AtlasEvent *event)
{
  g_return_if_fail (ATLAS_IS_DATASET (self));
  g_return_if_fail (!self->sealed);

  /* Kept aside until sealed, then sorted and put in the store at once:
   * appending and sorting the store item by item was a tenth of loading a
   * large file. */
  g_ptr_array_add (self->new_events, g_object_ref (event));
  g_hash_table_insert (self->event_by_id, (gpointer) atlas_event_get_id (event), event);
}

void
atlas_dataset_add_series (AtlasDataset *self,
                          AtlasSeries *series)
{
  g_return_if_fail (ATLAS_IS_DATASET (self));
  g_return_if_fail (!self->sealed);

  add_item (self->series, self->series_by_id, atlas_series_get_id (series), series);
}

static int
compare_entities (gconstpointer a,
                  gconstpointer b,
                  gpointer user_data)
{
  AtlasEntity *ea = (AtlasEntity *) a;
  AtlasEntity *eb = (AtlasEntity *) b;
  AtlasEntityKind ka = atlas_entity_get_kind (ea);
  AtlasEntityKind kb = atlas_entity_get_kind (eb);
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;
  int cmp;

  if (ka != kb)
    return ka < kb ? -1 : 1;
  /* "iQiyi" among the I's, whatever the locale's view of case */
  fa = g_utf8_casefold (atlas_entity_get_name (ea), -1);
  fb = g_utf8_casefold (atlas_entity_get_name (eb), -1);
  cmp = g_utf8_collate (fa, fb);
  return cmp != 0 ? cmp : g_strcmp0 (atlas_entity_get_id (ea), atlas_entity_get_id (eb));
}

/* An event with the first of what it sorts by, side by side in one array:
 * a sort that went to each event's date in turn spent its time waiting for
 * memory. */
typedef struct
{
  guint32 start;
  guint32 end;
  AtlasEvent *event;
} EventKey;

static int
compare_keys (const void *a,
              const void *b)
{
  const EventKey *ka = a, *kb = b;

  if (ka->start != kb->start)
    return ka->start < kb->start ? -1 : 1;
  if (ka->end != kb->end)
    return ka->end < kb->end ? -1 : 1;
  return atlas_event_compare (ka->event, kb->event);
}

/* Puts @events in atlas_event_compare() order, which has no ties (ids are
 * unique), so that any sort gives the one order. */
static void
sort_events (GPtrArray *events)
{
  g_autofree EventKey *keys = NULL;
  gboolean sorted = TRUE;

  if (events->len < 2)
    return;
  keys = g_new (EventKey, events->len);
  for (guint i = 0; i < events->len; i++)
    {
      const AtlasFuzzyDate *date = atlas_event_get_date (events->pdata[i]);

      keys[i] = (EventKey){ atlas_fuzzy_date_get_start (date), atlas_fuzzy_date_get_end (date),
                            events->pdata[i] };
      sorted = sorted && (i == 0 || compare_keys (&keys[i - 1], &keys[i]) < 0);
    }
  if (sorted)
    return;
  qsort (keys, events->len, sizeof (EventKey), compare_keys);
  for (guint i = 0; i < events->len; i++)
    events->pdata[i] = keys[i].event;
}

/* Sorts, and adds the inverse of every relation to its target. The loader has
 * checked that every target exists. */
void
atlas_dataset_seal (AtlasDataset *self)
{
  guint n;

  g_return_if_fail (ATLAS_IS_DATASET (self));
  g_return_if_fail (!self->sealed);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entities));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AtlasEntity) entity = g_list_model_get_item (G_LIST_MODEL (self->entities), i);
      guint n_relations = atlas_entity_get_n_relations (entity);

      for (guint r = 0; r < n_relations; r++)
        {
          const AtlasRelation *relation = atlas_entity_get_relation (entity, r);
          AtlasEntity *target;

          if (relation->inverse)
            continue;
          target = g_hash_table_lookup (self->entity_by_id, relation->target_id);
          g_return_if_fail (target != NULL);
          atlas_entity_add_relation (target, relation->kind, atlas_entity_get_id (entity),
                                     relation->role, TRUE);
        }
    }

  atlas_array_model_sort (self->entities, compare_entities, NULL);
  sort_events (self->new_events);
  g_object_unref (self->events);
  self->events = atlas_array_model_new (ATLAS_TYPE_EVENT, g_steal_pointer (&self->new_events));
  self->sealed = TRUE;
}

GListModel *
atlas_dataset_get_sources (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->sources);
}

/* Returns: (transfer none): entities, by kind then name */
GListModel *
atlas_dataset_get_entities (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->entities);
}

/* Returns: (transfer none): events, by date then id */
GListModel *
atlas_dataset_get_events (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  return self->events;
}

GListModel *
atlas_dataset_get_series (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->series);
}

guint
atlas_dataset_get_n_charts (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), 0);
  return self->charts->len;
}

const AtlasChartSpec *
atlas_dataset_get_chart (AtlasDataset *self,
                         guint index)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->charts->len, NULL);
  return &g_array_index (self->charts, AtlasChartSpec, index);
}

const AtlasChartSpec *
atlas_dataset_lookup_chart (AtlasDataset *self,
                            const char *id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  for (guint i = 0; id != NULL && i < self->charts->len; i++)
    {
      const AtlasChartSpec *chart = &g_array_index (self->charts, AtlasChartSpec, i);

      if (g_str_equal (chart->id, id))
        return chart;
    }
  return NULL;
}

gboolean
atlas_dataset_get_rate (AtlasDataset *self,
                        AtlasUnit from,
                        AtlasUnit to,
                        const AtlasRate **rate)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), FALSE);

  for (guint i = 0; i < self->rates->len; i++)
    {
      const AtlasRate *r = &g_array_index (self->rates, AtlasRate, i);

      if (r->from == from && r->to == to)
        {
          if (rate != NULL)
            *rate = r;
          return TRUE;
        }
    }
  return FALSE;
}

guint
atlas_dataset_get_n_points (AtlasDataset *self)
{
  guint n_series, total = 0;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), 0);

  n_series = g_list_model_get_n_items (G_LIST_MODEL (self->series));
  for (guint i = 0; i < n_series; i++)
    {
      g_autoptr (AtlasSeries) series = g_list_model_get_item (G_LIST_MODEL (self->series), i);

      total += g_list_model_get_n_items (atlas_series_get_points (series));
    }
  return total;
}

static void
widen_span (const AtlasFuzzyDate *date,
            guint32 *first,
            guint32 *last)
{
  if (date == NULL)
    return;
  *first = MIN (*first, atlas_fuzzy_date_get_start (date));
  *last = MAX (*last, atlas_fuzzy_date_get_end (date));
}

/* The days from the earliest event or figure to the latest. FALSE if nothing
 * in the dataset is dated. */
gboolean
atlas_dataset_get_span (AtlasDataset *self,
                        guint32 *first_day,
                        guint32 *last_day)
{
  guint32 first = G_MAXUINT32, last = 0;
  guint n;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), FALSE);

  n = g_list_model_get_n_items (self->events);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AtlasEvent) event = g_list_model_get_item (self->events, i);

      widen_span (atlas_event_get_date (event), &first, &last);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->series));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AtlasSeries) series = g_list_model_get_item (G_LIST_MODEL (self->series), i);
      GListModel *points = atlas_series_get_points (series);
      guint n_points = g_list_model_get_n_items (points);

      for (guint p = 0; p < n_points; p++)
        {
          g_autoptr (AtlasPoint) point = g_list_model_get_item (points, p);

          widen_span (atlas_point_get_date (point), &first, &last);
        }
    }

  if (first > last)
    return FALSE;
  if (first_day != NULL)
    *first_day = first;
  if (last_day != NULL)
    *last_day = last;
  return TRUE;
}

AtlasSource *
atlas_dataset_lookup_source (AtlasDataset *self,
                             const char *id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  return id ? g_hash_table_lookup (self->source_by_id, id) : NULL;
}

AtlasEntity *
atlas_dataset_lookup_entity (AtlasDataset *self,
                             const char *id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  return id ? g_hash_table_lookup (self->entity_by_id, id) : NULL;
}

AtlasEvent *
atlas_dataset_lookup_event (AtlasDataset *self,
                            const char *id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  return id ? g_hash_table_lookup (self->event_by_id, id) : NULL;
}

AtlasSeries *
atlas_dataset_lookup_series (AtlasDataset *self,
                             const char *id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  return id ? g_hash_table_lookup (self->series_by_id, id) : NULL;
}

/* The figure whose atlas_point_dup_id() is @id ("revenue-industry#0"), or NULL. */
/* The file the dataset was read from, or NULL: an export must not write
 * over it. */
GFile *
atlas_dataset_get_file (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  return self->file;
}

void
_atlas_dataset_set_file (AtlasDataset *self,
                         GFile *file)
{
  g_return_if_fail (ATLAS_IS_DATASET (self));
  g_set_object (&self->file, file);
}

AtlasPoint *
atlas_dataset_lookup_point (AtlasDataset *self,
                            const char *id)
{
  g_autofree char *series_id = NULL;
  const char *hash;
  AtlasSeries *series;
  guint64 index;
  AtlasPoint *point;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  if (id == NULL || (hash = strrchr (id, '#')) == NULL ||
      !g_ascii_string_to_unsigned (hash + 1, 10, 0, G_MAXUINT, &index, NULL))
    return NULL;
  series_id = g_strndup (id, (gsize) (hash - id));
  series = atlas_dataset_lookup_series (self, series_id);
  if (series == NULL)
    return NULL;
  point = g_list_model_get_item (atlas_series_get_points (series), (guint) index);
  /* The series keeps it alive: a borrowed pointer, as the other lookups give. */
  if (point != NULL)
    g_object_unref (point);
  return point;
}

/* The points for which @id_of returns @id, series by series. */
static GPtrArray *
list_points (AtlasDataset *self,
             const char *(*id_of) (AtlasPoint *),
             const char *id)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->series));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AtlasSeries) series = g_list_model_get_item (G_LIST_MODEL (self->series), i);
      GListModel *points = atlas_series_get_points (series);
      guint n_points = g_list_model_get_n_items (points);

      for (guint p = 0; p < n_points; p++)
        {
          AtlasPoint *point = g_list_model_get_item (points, p);

          if (g_strcmp0 (id_of (point), id) == 0)
            g_ptr_array_add (result, point);
          else
            g_object_unref (point);
        }
    }
  return result;
}

/* Returns: (transfer container) (element-type AtlasPoint): the figures about
 * @entity_id, series by series in the dataset's order */
GPtrArray *
atlas_dataset_list_points_for (AtlasDataset *self,
                               const char *entity_id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  g_return_val_if_fail (entity_id != NULL, NULL);

  return list_points (self, atlas_point_get_entity_id, entity_id);
}

/* Returns: (transfer container) (element-type AtlasPoint): the figures that
 * belong to @event_id */
GPtrArray *
atlas_dataset_list_points_for_event (AtlasDataset *self,
                                     const char *event_id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  g_return_val_if_fail (event_id != NULL, NULL);

  return list_points (self, atlas_point_get_event_id, event_id);
}

/* Returns: (transfer container) (element-type AtlasEvent): the events that
 * involve @entity_id, in date order */
GPtrArray *
atlas_dataset_list_events_for (AtlasDataset *self,
                               const char *entity_id)
{
  GPtrArray *result;
  guint n;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  g_return_val_if_fail (entity_id != NULL, NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (self->events);
  for (guint i = 0; i < n; i++)
    {
      AtlasEvent *event = g_list_model_get_item (self->events, i);

      if (atlas_event_involves (event, entity_id))
        g_ptr_array_add (result, event);
      else
        g_object_unref (event);
    }
  return result;
}
