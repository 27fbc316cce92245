/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-selection"

#include "config.h"

/* What the person has selected — an entity, an event or a figure, or
 * nothing — which every view of the window follows: the sidebar, the
 * timeline, the charts and the detail panes. It is the one place that state
 * lives; views never tell each other.
 *
 * A selection is a kind and an id. A figure brings its entity and its event
 * (when it has one) along, so that every view has something to show for it.
 * Each change emits "changed" once, after the properties have been notified
 * together, and records the selection before it, so that Back and Forward
 * walk through what was selected as a browser walks through pages. */

#include "atlas-enums.h"
#include "atlas-selection.h"

#define MAX_HISTORY 100

typedef struct
{
  AtlasSelectionKind kind;
  char *id;
} State;

struct _AtlasSelection
{
  GObject parent_instance;

  AtlasDataset *dataset;
  State current;
  AtlasEntity *entity;
  AtlasEvent *event;
  AtlasPoint *figure;
  GArray *back;    /* State, the newest last */
  GArray *forward; /* State, the next last */
};

G_DEFINE_FINAL_TYPE (AtlasSelection,
                     atlas_selection,
                     G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DATASET,
  PROP_KIND,
  PROP_ENTITY,
  PROP_EVENT,
  PROP_FIGURE,
  PROP_CAN_GO_BACK,
  PROP_CAN_GO_FORWARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
state_clear (gpointer data)
{
  State *state = data;

  g_clear_pointer (&state->id, g_free);
}

static GArray *
history_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (State));

  g_array_set_clear_func (array, state_clear);
  return array;
}

static void
history_push (GArray *history,
              const State *state)
{
  State copy = { state->kind, g_strdup (state->id) };

  if (history->len == MAX_HISTORY)
    g_array_remove_index (history, 0);
  g_array_append_val (history, copy);
}

/* Resolves @kind and @id against the dataset into @entity, @event and
 * @figure (borrowed; the dataset keeps them); FALSE if the id is unknown. */
static gboolean
resolve (AtlasSelection *self,
         AtlasSelectionKind kind,
         const char *id,
         AtlasEntity **entity,
         AtlasEvent **event,
         AtlasPoint **figure)
{
  *entity = NULL;
  *event = NULL;
  *figure = NULL;

  if (kind == ATLAS_SELECTION_NONE)
    return TRUE;
  if (self->dataset == NULL || id == NULL)
    return FALSE;

  switch (kind)
    {
    case ATLAS_SELECTION_ENTITY:
      *entity = atlas_dataset_lookup_entity (self->dataset, id);
      return *entity != NULL;
    case ATLAS_SELECTION_EVENT:
      *event = atlas_dataset_lookup_event (self->dataset, id);
      return *event != NULL;
    case ATLAS_SELECTION_FIGURE:
      *figure = atlas_dataset_lookup_point (self->dataset, id);
      if (*figure == NULL)
        return FALSE;
      *entity = atlas_dataset_lookup_entity (self->dataset, atlas_point_get_entity_id (*figure));
      *event = atlas_dataset_lookup_event (self->dataset, atlas_point_get_event_id (*figure));
      return TRUE;
    case ATLAS_SELECTION_NONE:
    default: g_assert_not_reached ();
    }
}

/* How a state becomes current: as a new choice (the old one goes onto
 * Back, and Forward is forgotten), by stepping back or forward through the
 * history, or with no history at all (a new dataset). */
typedef enum
{
  STEP_CHOOSE,
  STEP_BACK,
  STEP_FORWARD,
  STEP_RESET,
} Step;

/* Makes (@kind, @id) current, notifying the properties together and then
 * emitting "changed" once; FALSE, changing nothing, if @id is unknown. */
static gboolean
apply (AtlasSelection *self,
       AtlasSelectionKind kind,
       const char *id,
       Step how)
{
  AtlasEntity *entity;
  AtlasEvent *event;
  AtlasPoint *figure;
  gboolean could_go_back = atlas_selection_can_go_back (self);
  gboolean could_go_forward = atlas_selection_can_go_forward (self);
  g_autofree char *new_id = g_strdup (id); /* @id may be a history entry */

  if (!resolve (self, kind, new_id, &entity, &event, &figure))
    return FALSE;
  if (kind == self->current.kind && g_strcmp0 (new_id, self->current.id) == 0 && how != STEP_RESET)
    return TRUE;

  switch (how)
    {
    case STEP_CHOOSE:
      history_push (self->back, &self->current);
      g_array_set_size (self->forward, 0);
      break;
    case STEP_BACK:
      g_array_set_size (self->back, self->back->len - 1);
      history_push (self->forward, &self->current);
      break;
    case STEP_FORWARD:
      g_array_set_size (self->forward, self->forward->len - 1);
      history_push (self->back, &self->current);
      break;
    case STEP_RESET:
    default:
      g_array_set_size (self->back, 0);
      g_array_set_size (self->forward, 0);
      break;
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (self->current.kind != kind)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  self->current.kind = kind;
  g_free (self->current.id);
  self->current.id = g_steal_pointer (&new_id);
  if (g_set_object (&self->entity, entity))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY]);
  if (g_set_object (&self->event, event))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
  if (g_set_object (&self->figure, figure))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE]);
  if (could_go_back != atlas_selection_can_go_back (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
  if (could_go_forward != atlas_selection_can_go_forward (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_FORWARD]);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
atlas_selection_dispose (GObject *object)
{
  AtlasSelection *self = ATLAS_SELECTION (object);

  g_clear_object (&self->entity);
  g_clear_object (&self->event);
  g_clear_object (&self->figure);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (atlas_selection_parent_class)->dispose (object);
}

static void
atlas_selection_finalize (GObject *object)
{
  AtlasSelection *self = ATLAS_SELECTION (object);

  state_clear (&self->current);
  g_array_unref (self->back);
  g_array_unref (self->forward);

  G_OBJECT_CLASS (atlas_selection_parent_class)->finalize (object);
}

static void
atlas_selection_get_property (GObject *object,
                              guint prop_id,
                              GValue *value,
                              GParamSpec *pspec)
{
  AtlasSelection *self = ATLAS_SELECTION (object);

  switch (prop_id)
    {
    case PROP_DATASET: g_value_set_object (value, self->dataset); break;
    case PROP_KIND: g_value_set_enum (value, self->current.kind); break;
    case PROP_ENTITY: g_value_set_object (value, self->entity); break;
    case PROP_EVENT: g_value_set_object (value, self->event); break;
    case PROP_FIGURE: g_value_set_object (value, self->figure); break;
    case PROP_CAN_GO_BACK: g_value_set_boolean (value, atlas_selection_can_go_back (self)); break;
    case PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, atlas_selection_can_go_forward (self));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_selection_set_property (GObject *object,
                              guint prop_id,
                              const GValue *value,
                              GParamSpec *pspec)
{
  AtlasSelection *self = ATLAS_SELECTION (object);

  switch (prop_id)
    {
    case PROP_DATASET: atlas_selection_set_dataset (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_selection_class_init (AtlasSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_selection_dispose;
  object_class->finalize = atlas_selection_finalize;
  object_class->get_property = atlas_selection_get_property;
  object_class->set_property = atlas_selection_set_property;

  properties[PROP_DATASET] =
      g_param_spec_object ("dataset", NULL, NULL, ATLAS_TYPE_DATASET,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
      g_param_spec_enum ("kind", NULL, NULL, ATLAS_TYPE_SELECTION_KIND, ATLAS_SELECTION_NONE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITY] = g_param_spec_object ("entity", NULL, NULL, ATLAS_TYPE_ENTITY,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT] = g_param_spec_object ("event", NULL, NULL, ATLAS_TYPE_EVENT,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIGURE] = g_param_spec_object ("figure", NULL, NULL, ATLAS_TYPE_POINT,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_GO_BACK] = g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_GO_FORWARD] = g_param_spec_boolean (
      "can-go-forward", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasSelection::changed:
   *
   * Emitted once for each change of what is selected, after the properties.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
atlas_selection_init (AtlasSelection *self)
{
  self->back = history_new ();
  self->forward = history_new ();
}

AtlasSelection *
atlas_selection_new (AtlasDataset *dataset)
{
  g_return_val_if_fail (dataset == NULL || ATLAS_IS_DATASET (dataset), NULL);

  return g_object_new (ATLAS_TYPE_SELECTION, "dataset", dataset, NULL);
}

AtlasDataset *
atlas_selection_get_dataset (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), NULL);
  return self->dataset;
}

/* Another dataset: what was selected, and the history, belong to the old
 * one, so both are cleared. */
void
atlas_selection_set_dataset (AtlasSelection *self,
                             AtlasDataset *dataset)
{
  g_return_if_fail (ATLAS_IS_SELECTION (self));
  g_return_if_fail (dataset == NULL || ATLAS_IS_DATASET (dataset));

  if (self->dataset == dataset)
    return;

  g_set_object (&self->dataset, dataset);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
  apply (self, ATLAS_SELECTION_NONE, NULL, STEP_RESET);
}

AtlasSelectionKind
atlas_selection_get_kind (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), ATLAS_SELECTION_NONE);
  return self->current.kind;
}

/* The selected entity, or the entity of the selected figure; NULL otherwise. */
AtlasEntity *
atlas_selection_get_entity (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), NULL);
  return self->entity;
}

/* The selected event, or the event of the selected figure; NULL otherwise. */
AtlasEvent *
atlas_selection_get_event (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), NULL);
  return self->event;
}

AtlasPoint *
atlas_selection_get_figure (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), NULL);
  return self->figure;
}

/* The entity whose events and figures the views light up: only when an
 * entity itself is selected (a figure lights up itself and its event). */
const char *
atlas_selection_get_highlight_entity_id (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), NULL);

  if (self->current.kind != ATLAS_SELECTION_ENTITY)
    return NULL;
  return self->current.id;
}

const char *
atlas_selection_get_event_id (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), NULL);
  return self->event ? atlas_event_get_id (self->event) : NULL;
}

/* FALSE, changing nothing, when the dataset has no such entity. */
gboolean
atlas_selection_select_entity (AtlasSelection *self,
                               const char *entity_id)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), FALSE);
  return apply (self, ATLAS_SELECTION_ENTITY, entity_id, STEP_CHOOSE);
}

gboolean
atlas_selection_select_event (AtlasSelection *self,
                              const char *event_id)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), FALSE);
  return apply (self, ATLAS_SELECTION_EVENT, event_id, STEP_CHOOSE);
}

/* @figure_id: as atlas_point_dup_id() gives it */
gboolean
atlas_selection_select_figure (AtlasSelection *self,
                               const char *figure_id)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), FALSE);
  return apply (self, ATLAS_SELECTION_FIGURE, figure_id, STEP_CHOOSE);
}

/* Selects @entity_id as where a session starts, with no history before it
 * (a window restoring the entity of its last run); with an unknown id or
 * NULL, selects nothing. */
void
atlas_selection_start_at_entity (AtlasSelection *self,
                                 const char *entity_id)
{
  g_return_if_fail (ATLAS_IS_SELECTION (self));

  if (!apply (self, ATLAS_SELECTION_ENTITY, entity_id, STEP_RESET))
    apply (self, ATLAS_SELECTION_NONE, NULL, STEP_RESET);
}

void
atlas_selection_clear (AtlasSelection *self)
{
  g_return_if_fail (ATLAS_IS_SELECTION (self));
  apply (self, ATLAS_SELECTION_NONE, NULL, STEP_CHOOSE);
}

gboolean
atlas_selection_can_go_back (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), FALSE);
  return self->back->len > 0;
}

gboolean
atlas_selection_can_go_forward (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), FALSE);
  return self->forward->len > 0;
}

/* Every state in the history resolved when it was current, and the dataset
 * has not changed since (a new one clears the history), so it resolves now. */
static void
step (AtlasSelection *self,
      GArray *from,
      Step how)
{
  const State *state;

  if (from->len == 0)
    return;
  state = &g_array_index (from, State, from->len - 1);
  if (!apply (self, state->kind, state->id, how))
    g_assert_not_reached ();
}

void
atlas_selection_go_back (AtlasSelection *self)
{
  g_return_if_fail (ATLAS_IS_SELECTION (self));
  step (self, self->back, STEP_BACK);
}

void
atlas_selection_go_forward (AtlasSelection *self)
{
  g_return_if_fail (ATLAS_IS_SELECTION (self));
  step (self, self->forward, STEP_FORWARD);
}
