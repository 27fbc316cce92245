/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-entity-row"

#include "config.h"

#include "atlas-widget-style.h"
#include "atlas-entity-row.h"

struct _AtlasEntityRow
{
  GtkListBoxRow parent_instance;

  AtlasEntity *entity;

  GtkLabel *name_label;
  GtkLabel *name_zh_label;
};

G_DEFINE_FINAL_TYPE (AtlasEntityRow,
                     atlas_entity_row,
                     GTK_TYPE_LIST_BOX_ROW)

enum
{
  PROP_0,
  PROP_ENTITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_entity_row_set_entity (AtlasEntityRow *self,
                             AtlasEntity *entity)
{
  const char *name = atlas_entity_get_display_name (entity);
  const char *other = atlas_entity_get_other_name (entity);
  g_autofree char *description = NULL;

  g_assert (self->entity == NULL);
  self->entity = g_object_ref (entity);

  atlas_label_set_text (self->name_label, name);
  atlas_label_set_text (self->name_zh_label, other);
  gtk_widget_set_visible (GTK_WIDGET (self->name_zh_label), other != NULL);

  /* A screen reader says "Red Fruit, 红果短剧, Platform". */
  description = g_strdup_printf ("%s%s%s, %s", name, other ? ", " : "", other ? other : "",
                                 atlas_entity_kind_get_label (atlas_entity_get_kind (entity)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

static void
atlas_entity_row_dispose (GObject *object)
{
  AtlasEntityRow *self = ATLAS_ENTITY_ROW (object);

  g_clear_object (&self->entity);

  G_OBJECT_CLASS (atlas_entity_row_parent_class)->dispose (object);
}

static void
atlas_entity_row_get_property (GObject *object,
                               guint prop_id,
                               GValue *value,
                               GParamSpec *pspec)
{
  AtlasEntityRow *self = ATLAS_ENTITY_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTITY: g_value_set_object (value, self->entity); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_entity_row_set_property (GObject *object,
                               guint prop_id,
                               const GValue *value,
                               GParamSpec *pspec)
{
  AtlasEntityRow *self = ATLAS_ENTITY_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTITY: atlas_entity_row_set_entity (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_entity_row_class_init (AtlasEntityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_entity_row_dispose;
  object_class->get_property = atlas_entity_row_get_property;
  object_class->set_property = atlas_entity_row_set_property;

  properties[PROP_ENTITY] =
      g_param_spec_object ("entity", NULL, NULL, ATLAS_TYPE_ENTITY,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/atlas-entity-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasEntityRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasEntityRow, name_zh_label);
}

static void
atlas_entity_row_init (AtlasEntityRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atlas_entity_row_new (AtlasEntity *entity)
{
  g_return_val_if_fail (ATLAS_IS_ENTITY (entity), NULL);
  return g_object_new (ATLAS_TYPE_ENTITY_ROW, "entity", entity, NULL);
}

AtlasEntity *
atlas_entity_row_get_entity (AtlasEntityRow *self)
{
  g_return_val_if_fail (ATLAS_IS_ENTITY_ROW (self), NULL);
  return self->entity;
}
