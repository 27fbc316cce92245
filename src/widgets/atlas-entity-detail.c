/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-entity-detail"

#include "config.h"

/* What the dataset knows of one entity: its names, kind and summary, the
 * entities it relates to, its facts and figures with the sentences they come
 * from, and the events it takes part in. Rebuilt whenever another entity is
 * shown; an entity has a few dozen rows at most.
 *
 * It follows an AtlasSelection: it shows the selected entity, or the entity
 * of the selected figure, with that figure's row marked and scrolled into
 * view. Relations, figures and events are rows with actions
 * (win.select-entity, …) and their ids as targets. */

#include <glib/gi18n.h>

#include "atlas-widget-style.h"
#include "atlas-detail-rows.h"
#include "atlas-entity-detail.h"
#include "atlas-selection.h"

struct _AtlasEntityDetail
{
  AdwBin parent_instance;

  AtlasSelection *selection;
  GSignalGroup *selection_signals;
  AtlasDataset *dataset;
  AtlasEntity *entity;
  GHashTable *figure_rows; /* AtlasPoint → its row */
  GtkWidget *marked_row;   /* the selected figure's, or NULL */

  GtkScrolledWindow *scroller;
  GtkLabel *name_label;
  GtkLabel *name_zh_label;
  GtkLabel *name_zh_note_label;
  GtkLabel *kind_label;
  GtkLabel *summary_label;
  GtkBox *groups_box;
};

G_DEFINE_FINAL_TYPE (AtlasEntityDetail,
                     atlas_entity_detail,
                     ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void atlas_entity_detail_follow_selection (AtlasEntityDetail *self);

static void
atlas_entity_detail_dispose (GObject *object)
{
  AtlasEntityDetail *self = ATLAS_ENTITY_DETAIL (object);

  /* AdwBin unparents its child, the template's root, itself. */
  g_clear_object (&self->selection_signals);
  g_clear_object (&self->selection);
  g_clear_object (&self->dataset);
  g_clear_object (&self->entity);
  g_clear_pointer (&self->figure_rows, g_hash_table_unref);
  self->marked_row = NULL;

  G_OBJECT_CLASS (atlas_entity_detail_parent_class)->dispose (object);
}

static void
atlas_entity_detail_get_property (GObject *object,
                                  guint prop_id,
                                  GValue *value,
                                  GParamSpec *pspec)
{
  AtlasEntityDetail *self = ATLAS_ENTITY_DETAIL (object);

  switch (prop_id)
    {
    case PROP_SELECTION: g_value_set_object (value, self->selection); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_entity_detail_set_property (GObject *object,
                                  guint prop_id,
                                  const GValue *value,
                                  GParamSpec *pspec)
{
  AtlasEntityDetail *self = ATLAS_ENTITY_DETAIL (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      atlas_entity_detail_set_selection (self, g_value_get_object (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_entity_detail_class_init (AtlasEntityDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_entity_detail_dispose;

  object_class->get_property = atlas_entity_detail_get_property;
  object_class->set_property = atlas_entity_detail_set_property;

  properties[PROP_SELECTION] =
      g_param_spec_object ("selection", NULL, NULL, ATLAS_TYPE_SELECTION,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/atlas-entity-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasEntityDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, AtlasEntityDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasEntityDetail, name_zh_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasEntityDetail, name_zh_note_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasEntityDetail, kind_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasEntityDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasEntityDetail, groups_box);
}

static void
atlas_entity_detail_init (AtlasEntityDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->figure_rows = g_hash_table_new (NULL, NULL);
  self->selection_signals = g_signal_group_new (ATLAS_TYPE_SELECTION);
  g_signal_group_connect_object (self->selection_signals, "changed",
                                 G_CALLBACK (atlas_entity_detail_follow_selection), self,
                                 G_CONNECT_SWAPPED);
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

      row = atlas_detail_link_row_new (atlas_entity_get_display_name (target), subtitle,
                                       "win.select-entity", relation->target_id);
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
      GtkWidget *row = atlas_detail_figure_row_new (self->dataset, point);

      g_hash_table_insert (self->figure_rows, point, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
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
      g_autofree char *date = atlas_fuzzy_date_dup_display (atlas_event_get_date (event));
      /* Translators: an event's date, then its title */
      g_autofree char *title = g_strdup_printf (_ ("%s — %s"), date, atlas_event_get_title (event));
      g_autofree char *citation = atlas_detail_cite (
          self->dataset, atlas_event_get_sentence (event), atlas_event_get_source_id (event));
      GtkWidget *row = atlas_detail_link_row_new (title, citation, "win.select-event",
                                                  atlas_event_get_id (event));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

/* Shows @entity of @dataset, or nothing when @entity is NULL. */
static void
show_entity (AtlasEntityDetail *self,
             AtlasDataset *dataset,
             AtlasEntity *entity)
{
  const char *other;
  const char *summary;

  g_set_object (&self->dataset, dataset);
  g_set_object (&self->entity, entity);
  g_hash_table_remove_all (self->figure_rows);
  self->marked_row = NULL;
  atlas_detail_clear (self->groups_box);

  if (entity == NULL)
    return;

  other = atlas_entity_get_other_name (entity);
  summary = atlas_entity_get_summary (entity);
  atlas_label_set_text (self->name_label, atlas_entity_get_display_name (entity));
  atlas_label_set_text (self->name_zh_label, other);
  gtk_widget_set_visible (GTK_WIDGET (self->name_zh_label), other != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->name_zh_note_label),
                          atlas_entity_get_name_zh (entity) != NULL &&
                              !atlas_entity_get_name_zh_from_source (entity));
  gtk_label_set_label (self->kind_label,
                       atlas_entity_kind_get_label (atlas_entity_get_kind (entity)));
  atlas_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL);

  add_relations (self);
  add_facts (self);
  add_figures (self);
  add_events (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* Shows the selected entity, or the selected figure's, rebuilding only for
 * another entity; marks the selected figure's row and scrolls to it. */
static void
atlas_entity_detail_follow_selection (AtlasEntityDetail *self)
{
  AtlasEntity *entity = atlas_selection_get_entity (self->selection);
  AtlasPoint *figure = atlas_selection_get_figure (self->selection);
  GtkWidget *row;

  if (entity != self->entity || atlas_selection_get_dataset (self->selection) != self->dataset)
    show_entity (self, atlas_selection_get_dataset (self->selection), entity);

  row = figure ? g_hash_table_lookup (self->figure_rows, figure) : NULL;
  if (row == self->marked_row)
    return;
  if (self->marked_row != NULL)
    gtk_widget_remove_css_class (self->marked_row, "marked");
  self->marked_row = row;
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "marked");
      atlas_detail_scroll_to (row);
    }
}

AtlasSelection *
atlas_entity_detail_get_selection (AtlasEntityDetail *self)
{
  g_return_val_if_fail (ATLAS_IS_ENTITY_DETAIL (self), NULL);
  return self->selection;
}

void
atlas_entity_detail_set_selection (AtlasEntityDetail *self,
                                   AtlasSelection *selection)
{
  g_return_if_fail (ATLAS_IS_ENTITY_DETAIL (self));
  g_return_if_fail (selection == NULL || ATLAS_IS_SELECTION (selection));

  if (!g_set_object (&self->selection, selection))
    return;
  g_signal_group_set_target (self->selection_signals, selection);
  if (selection != NULL)
    atlas_entity_detail_follow_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

/* The row of the selected figure, marked; or NULL. */
GtkWidget *
atlas_entity_detail_get_marked_row (AtlasEntityDetail *self)
{
  g_return_val_if_fail (ATLAS_IS_ENTITY_DETAIL (self), NULL);
  return self->marked_row;
}
