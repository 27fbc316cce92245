/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-entity"

#include "config.h"

#include <string.h>

#include "atlas-i18n.h"

#include "atlas-entity.h"
#include "atlas-names.h"
#include "atlas-enums.h"

struct _AtlasEntity
{
  GObject parent_instance;

  char *id;
  AtlasEntityKind kind;
  char *name;
  char *name_zh;
  gboolean name_zh_from_source;
  char *summary;
  GPtrArray *aliases;   /* NULL-terminated char* */
  GArray *relations;    /* AtlasRelation */
  GArray *facts;        /* AtlasFact */
};

G_DEFINE_FINAL_TYPE (AtlasEntity,
                     atlas_entity,
                     G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_NAME_ZH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *kind_names[] = {
  "platform", "company", "studio", "broadcaster", "regulator", "person", "hub", "market",
};

static const char *relation_names[] = {
  "operates", "backs", "located-in", "parent", "works-for",
};

static void
clear_relation (gpointer data)
{
  AtlasRelation *relation = data;

  g_free (relation->target_id);
  g_free (relation->role);
}

static void
clear_fact (gpointer data)
{
  AtlasFact *fact = data;

  g_free (fact->text);
  g_free (fact->sentence);
  g_free (fact->source_id);
}

static void
atlas_entity_finalize (GObject *object)
{
  AtlasEntity *self = ATLAS_ENTITY (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->name_zh);
  g_free (self->summary);
  g_clear_pointer (&self->aliases, g_ptr_array_unref);
  g_clear_pointer (&self->relations, g_array_unref);
  g_clear_pointer (&self->facts, g_array_unref);

  G_OBJECT_CLASS (atlas_entity_parent_class)->finalize (object);
}

static void
atlas_entity_get_property (GObject *object,
                           guint prop_id,
                           GValue *value,
                           GParamSpec *pspec)
{
  AtlasEntity *self = ATLAS_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_NAME_ZH: g_value_set_string (value, self->name_zh); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_entity_class_init (AtlasEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_entity_finalize;
  object_class->get_property = atlas_entity_get_property;

  properties[PROP_ID] =
      g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
      g_param_spec_enum ("kind", NULL, NULL, ATLAS_TYPE_ENTITY_KIND, ATLAS_ENTITY_KIND_PLATFORM,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
      g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME_ZH] =
      g_param_spec_string ("name-zh", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_entity_init (AtlasEntity *self)
{
  self->aliases = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->relations = g_array_new (FALSE, TRUE, sizeof (AtlasRelation));
  g_array_set_clear_func (self->relations, clear_relation);
  self->facts = g_array_new (FALSE, TRUE, sizeof (AtlasFact));
  g_array_set_clear_func (self->facts, clear_fact);
}

AtlasEntity *
atlas_entity_new (const char *id,
                  AtlasEntityKind kind,
                  const char *name,
                  const char *name_zh,
                  const char *summary)
{
  AtlasEntity *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);

  self = g_object_new (ATLAS_TYPE_ENTITY, NULL);
  self->id = g_strdup (id);
  self->kind = kind;
  self->name = g_strdup (name);
  self->name_zh = (name_zh && *name_zh) ? g_strdup (name_zh) : NULL;
  self->name_zh_from_source = TRUE;
  self->summary = g_strdup (summary);
  return self;
}

const char *
atlas_entity_get_id (AtlasEntity *self)
{
  g_return_val_if_fail (ATLAS_IS_ENTITY (self), NULL);
  return self->id;
}

AtlasEntityKind
atlas_entity_get_kind (AtlasEntity *self)
{
  g_return_val_if_fail (ATLAS_IS_ENTITY (self), 0);
  return self->kind;
}

const char *
atlas_entity_get_name (AtlasEntity *self)
{
  g_return_val_if_fail (ATLAS_IS_ENTITY (self), NULL);
  return self->name;
}

/* Whether the Chinese name is the sources' own (TRUE unless the dataset says
 * it comes from outside them). */
gboolean
atlas_entity_get_name_zh_from_source (AtlasEntity *self)
{
  g_return_val_if_fail (ATLAS_IS_ENTITY (self), TRUE);
  return self->name_zh_from_source;
}

void
atlas_entity_set_name_zh_from_source (AtlasEntity *self,
                                      gboolean from_source)
{
  g_return_if_fail (ATLAS_IS_ENTITY (self));
  self->name_zh_from_source = from_source;
}

const char *
atlas_entity_get_name_zh (AtlasEntity *self)
{
  g_return_val_if_fail (ATLAS_IS_ENTITY (self), NULL);
  return self->name_zh;
}

/* The name a reader of the language spoken reads first: the Chinese name
 * for a Chinese reader where there is one, else the name. */
const char *
atlas_entity_get_display_name (AtlasEntity *self)
{
  g_return_val_if_fail (ATLAS_IS_ENTITY (self), NULL);
  return self->name_zh != NULL && atlas_reads_chinese () ? self->name_zh : self->name;
}

/* The entity's name in the other language, shown beside the display name:
 * the English for a Chinese reader, the Chinese for others; NULL when
 * there is none. */
const char *
atlas_entity_get_other_name (AtlasEntity *self)
{
  g_return_val_if_fail (ATLAS_IS_ENTITY (self), NULL);
  if (self->name_zh == NULL)
    return NULL;
  return atlas_reads_chinese () ? self->name : self->name_zh;
}

const char *
atlas_entity_get_summary (AtlasEntity *self)
{
  g_return_val_if_fail (ATLAS_IS_ENTITY (self), NULL);
  return self->summary;
}

void
atlas_entity_add_alias (AtlasEntity *self,
                        const char *alias)
{
  g_return_if_fail (ATLAS_IS_ENTITY (self));
  g_return_if_fail (alias != NULL);

  g_ptr_array_add (self->aliases, g_strdup (alias));
}

const char *const *
atlas_entity_get_aliases (AtlasEntity *self)
{
  g_return_val_if_fail (ATLAS_IS_ENTITY (self), NULL);
  return (const char *const *) self->aliases->pdata;
}

void
atlas_entity_add_relation (AtlasEntity *self,
                           AtlasRelationKind kind,
                           const char *target_id,
                           const char *role,
                           gboolean inverse)
{
  AtlasRelation relation = { 0 };

  g_return_if_fail (ATLAS_IS_ENTITY (self));
  g_return_if_fail (target_id != NULL);

  relation.kind = kind;
  relation.target_id = g_strdup (target_id);
  relation.role = (role && *role) ? g_strdup (role) : NULL;
  relation.inverse = !!inverse;
  g_array_append_val (self->relations, relation);
}

guint
atlas_entity_get_n_relations (AtlasEntity *self)
{
  g_return_val_if_fail (ATLAS_IS_ENTITY (self), 0);
  return self->relations->len;
}

const AtlasRelation *
atlas_entity_get_relation (AtlasEntity *self,
                           guint index)
{
  g_return_val_if_fail (ATLAS_IS_ENTITY (self), NULL);
  g_return_val_if_fail (index < self->relations->len, NULL);
  return &g_array_index (self->relations, AtlasRelation, index);
}

void
atlas_entity_add_fact (AtlasEntity *self,
                       const char *text,
                       const char *sentence,
                       const char *source_id)
{
  AtlasFact fact = { 0 };

  g_return_if_fail (ATLAS_IS_ENTITY (self));
  g_return_if_fail (text != NULL && sentence != NULL);

  fact.text = g_strdup (text);
  fact.sentence = g_strdup (sentence);
  fact.source_id = g_strdup (source_id);
  g_array_append_val (self->facts, fact);
}

guint
atlas_entity_get_n_facts (AtlasEntity *self)
{
  g_return_val_if_fail (ATLAS_IS_ENTITY (self), 0);
  return self->facts->len;
}

const AtlasFact *
atlas_entity_get_fact (AtlasEntity *self,
                       guint index)
{
  g_return_val_if_fail (ATLAS_IS_ENTITY (self), NULL);
  g_return_val_if_fail (index < self->facts->len, NULL);
  return &g_array_index (self->facts, AtlasFact, index);
}

const char *
atlas_entity_kind_to_string (AtlasEntityKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
atlas_entity_kind_from_string (const char *str,
                               AtlasEntityKind *kind)
{
  ATLAS_NAMES_FROM_STRING (kind_names, str, kind);
}

const char *
atlas_entity_kind_get_label (AtlasEntityKind kind)
{
  switch (kind)
    {
    case ATLAS_ENTITY_KIND_PLATFORM: return _ ("Platform");
    case ATLAS_ENTITY_KIND_COMPANY: return _ ("Company");
    case ATLAS_ENTITY_KIND_STUDIO: return _ ("Studio");
    case ATLAS_ENTITY_KIND_BROADCASTER: return _ ("Broadcaster");
    case ATLAS_ENTITY_KIND_REGULATOR: return _ ("Regulator");
    case ATLAS_ENTITY_KIND_PERSON: return _ ("Person");
    case ATLAS_ENTITY_KIND_HUB: return _ ("Production Hub");
    case ATLAS_ENTITY_KIND_MARKET: return _ ("Market");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
atlas_entity_kind_get_plural (AtlasEntityKind kind)
{
  switch (kind)
    {
    case ATLAS_ENTITY_KIND_PLATFORM: return _ ("Platforms");
    case ATLAS_ENTITY_KIND_COMPANY: return _ ("Companies");
    case ATLAS_ENTITY_KIND_STUDIO: return _ ("Studios");
    case ATLAS_ENTITY_KIND_BROADCASTER: return _ ("Broadcasters");
    case ATLAS_ENTITY_KIND_REGULATOR: return _ ("Regulators");
    case ATLAS_ENTITY_KIND_PERSON: return _ ("People");
    case ATLAS_ENTITY_KIND_HUB: return _ ("Production Hubs");
    case ATLAS_ENTITY_KIND_MARKET: return _ ("Markets");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
atlas_relation_kind_to_string (AtlasRelationKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (relation_names), NULL);
  return relation_names[kind];
}

gboolean
atlas_relation_kind_from_string (const char *str,
                                 AtlasRelationKind *kind)
{
  ATLAS_NAMES_FROM_STRING (relation_names, str, kind);
}

/* How the relation reads from the entity that holds it: "Operates", "Operated by". */
const char *
atlas_relation_get_label (const AtlasRelation *relation)
{
  g_return_val_if_fail (relation != NULL, NULL);

  switch (relation->kind)
    {
    case ATLAS_RELATION_OPERATES: return relation->inverse ? _ ("Operated by") : _ ("Operates");
    case ATLAS_RELATION_BACKS: return relation->inverse ? _ ("Backed by") : _ ("Backs");
    case ATLAS_RELATION_LOCATED_IN: return relation->inverse ? _ ("Home to") : _ ("Located in");
    case ATLAS_RELATION_PARENT: return relation->inverse ? _ ("Parent of") : _ ("Part of");
    case ATLAS_RELATION_WORKS_FOR: return relation->inverse ? _ ("People") : _ ("Works for");
    default: g_return_val_if_reached (NULL);
    }
}
