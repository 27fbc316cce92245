/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-entity-detail"

#include "config.h"

/* What the dataset knows of one entity: its names, kind and summary, the
 * entities it relates to (rows that select them), its facts and figures with
 * the sentences they come from, and the events it takes part in. Rebuilt
 * whenever another entity is shown; an entity has a few dozen rows at most. */

#include <glib/gi18n.h>

#include "atlas-detail-rows.h"
#include "atlas-entity-detail.h"

struct _AtlasEntityDetail
{
  AdwBin parent_instance;

  AtlasDataset *dataset;
  AtlasEntity *entity;

  GtkScrolledWindow *scroller;
  GtkLabel *name_label;
  GtkLabel *name_zh_label;
  GtkLabel *kind_label;
  GtkLabel *summary_label;
  GtkBox *groups_box;
};

G_DEFINE_FINAL_TYPE (AtlasEntityDetail,
                     atlas_entity_detail,
                     ADW_TYPE_BIN)

enum
{
  ENTITY_ACTIVATED,
  EVENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
atlas_entity_detail_dispose (GObject *object)
{
  AtlasEntityDetail *self = ATLAS_ENTITY_DETAIL (object);

  /* AdwBin unparents its child, the template's root, itself. */
  g_clear_object (&self->dataset);
  g_clear_object (&self->entity);

  G_OBJECT_CLASS (atlas_entity_detail_parent_class)->dispose (object);
}

static void
atlas_entity_detail_class_init (AtlasEntityDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_entity_detail_dispose;

  /**
   * AtlasEntityDetail::entity-activated:
   * @entity_id: the related entity a person chose
   */
  signals[ENTITY_ACTIVATED] =
      g_signal_new ("entity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * AtlasEntityDetail::event-activated:
   * @event: one of the entity's events a person chose
   */
  signals[EVENT_ACTIVATED] =
      g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, ATLAS_TYPE_EVENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/atlas-entity-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasEntityDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, AtlasEntityDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasEntityDetail, name_zh_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasEntityDetail, kind_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasEntityDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasEntityDetail, groups_box);
}

static void
atlas_entity_detail_init (AtlasEntityDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atlas_entity_detail_new (void)
{
  return g_object_new (ATLAS_TYPE_ENTITY_DETAIL, NULL);
}

AtlasEntity *
atlas_entity_detail_get_entity (AtlasEntityDetail *self)
{
  g_return_val_if_fail (ATLAS_IS_ENTITY_DETAIL (self), NULL);
  return self->entity;
}

static void
on_relation_activated (AdwActionRow *row,
                       AtlasEntityDetail *self)
{
  const char *target_id = g_object_get_data (G_OBJECT (row), "atlas-entity-id");

  g_signal_emit (self, signals[ENTITY_ACTIVATED], 0, target_id);
}

static void
on_event_row_activated (AdwActionRow *row,
                        AtlasEntityDetail *self)
{
  g_signal_emit (self, signals[EVENT_ACTIVATED], 0,
                 g_object_get_data (G_OBJECT (row), "atlas-event"));
}

static void
add_relations (AtlasEntityDetail *self)
{
  guint n = atlas_entity_get_n_relations (self->entity);
  GtkWidget *group;

  if (n == 0)
    return;

  group = atlas_detail_group_new (self->groups_box, _ ("Related"));
  for (guint i = 0; i < n; i++)
    {
      const AtlasRelation *relation = atlas_entity_get_relation (self->entity, i);
      AtlasEntity *target = atlas_dataset_lookup_entity (self->dataset, relation->target_id);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (target == NULL)
        continue;
      if (relation->role != NULL)
        /* Translators: a relation and a role, e.g. "Works for · Director" */
        subtitle =
            g_strdup_printf (_ ("%s · %s"), atlas_relation_get_label (relation), relation->role);
      else
        subtitle = g_strdup (atlas_relation_get_label (relation));

      row = atlas_detail_link_row_new (atlas_entity_get_name (target), subtitle);
      g_object_set_data_full (G_OBJECT (row), "atlas-entity-id", g_strdup (relation->target_id),
                              g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_relation_activated), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
add_facts (AtlasEntityDetail *self)
{
  guint n = atlas_entity_get_n_facts (self->entity);
  GtkWidget *group;

  if (n == 0)
    return;

  group = atlas_detail_group_new (self->groups_box, _ ("Facts"));
  for (guint i = 0; i < n; i++)
    {
      const AtlasFact *fact = atlas_entity_get_fact (self->entity, i);
      g_autofree char *citation =
          atlas_detail_cite (self->dataset, fact->sentence, fact->source_id);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 atlas_detail_row_new (fact->text, citation));
    }
}

static void
add_figures (AtlasEntityDetail *self)
{
  g_autoptr (GPtrArray) points =
      atlas_dataset_list_points_for (self->dataset, atlas_entity_get_id (self->entity));
  GtkWidget *group;

  if (points->len == 0)
    return;

  group = atlas_detail_group_new (self->groups_box, _ ("Figures"));
  for (guint i = 0; i < points->len; i++)
    {
      AtlasPoint *point = g_ptr_array_index (points, i);
      g_autofree char *title = atlas_detail_figure_title (point);
      g_autofree char *subtitle = atlas_detail_figure_subtitle (self->dataset, point);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 atlas_detail_row_new (title, subtitle));
    }
}

static void
add_events (AtlasEntityDetail *self)
{
  g_autoptr (GPtrArray) events =
      atlas_dataset_list_events_for (self->dataset, atlas_entity_get_id (self->entity));
  GtkWidget *group;

  if (events->len == 0)
    return;

  group = atlas_detail_group_new (self->groups_box, _ ("Events"));
  for (guint i = 0; i < events->len; i++)
    {
      AtlasEvent *event = g_ptr_array_index (events, i);
      /* Translators: an event's date as the source words it, then its title */
      g_autofree char *title =
          g_strdup_printf (_ ("%s — %s"), atlas_fuzzy_date_get_text (atlas_event_get_date (event)),
                           atlas_event_get_title (event));
      g_autofree char *citation = atlas_detail_cite (
          self->dataset, atlas_event_get_sentence (event), atlas_event_get_source_id (event));
      GtkWidget *row = atlas_detail_link_row_new (title, citation);

      g_object_set_data_full (G_OBJECT (row), "atlas-event", g_object_ref (event), g_object_unref);
      g_signal_connect (row, "activated", G_CALLBACK (on_event_row_activated), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

/* Shows @entity of @dataset, or nothing when @entity is NULL. */
void
atlas_entity_detail_show (AtlasEntityDetail *self,
                          AtlasDataset *dataset,
                          AtlasEntity *entity)
{
  const char *name_zh;
  const char *summary;

  g_return_if_fail (ATLAS_IS_ENTITY_DETAIL (self));
  g_return_if_fail (ATLAS_IS_DATASET (dataset));
  g_return_if_fail (entity == NULL || ATLAS_IS_ENTITY (entity));

  g_set_object (&self->dataset, dataset);
  g_set_object (&self->entity, entity);
  atlas_detail_clear (self->groups_box);

  if (entity == NULL)
    return;

  name_zh = atlas_entity_get_name_zh (entity);
  summary = atlas_entity_get_summary (entity);
  gtk_label_set_label (self->name_label, atlas_entity_get_name (entity));
  gtk_label_set_label (self->name_zh_label, name_zh ? name_zh : "");
  gtk_widget_set_visible (GTK_WIDGET (self->name_zh_label), name_zh != NULL);
  gtk_label_set_label (self->kind_label,
                       atlas_entity_kind_get_label (atlas_entity_get_kind (entity)));
  gtk_label_set_label (self->summary_label, summary ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL);

  add_relations (self);
  add_facts (self);
  add_figures (self);
  add_events (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}
