/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  ATLAS_ENTITY_KIND_PLATFORM,
  ATLAS_ENTITY_KIND_COMPANY,
  ATLAS_ENTITY_KIND_STUDIO,
  ATLAS_ENTITY_KIND_BROADCASTER,
  ATLAS_ENTITY_KIND_REGULATOR,
  ATLAS_ENTITY_KIND_PERSON,
  ATLAS_ENTITY_KIND_HUB,
  ATLAS_ENTITY_KIND_MARKET,
} AtlasEntityKind;

typedef enum
{
  ATLAS_RELATION_OPERATES,
  ATLAS_RELATION_BACKS,
  ATLAS_RELATION_LOCATED_IN,
  ATLAS_RELATION_PARENT,
  ATLAS_RELATION_WORKS_FOR,
} AtlasRelationKind;

typedef struct
{
  AtlasRelationKind kind;
  char *target_id;
  char *role;       /* "Director", or NULL */
  gboolean inverse; /* the other side of a relation stated on the target */
} AtlasRelation;

typedef struct
{
  char *text;       /* what is known, in the dataset's words */
  char *sentence;   /* the source's sentence it rests on */
  char *source_id;
} AtlasFact;

#define ATLAS_TYPE_ENTITY (atlas_entity_get_type ())

G_DECLARE_FINAL_TYPE (AtlasEntity,
                      atlas_entity,
                      ATLAS,
                      ENTITY,
                      GObject)

AtlasEntity *atlas_entity_new (const char *id,
                               AtlasEntityKind kind,
                               const char *name,
                               const char *name_zh,
                               const char *summary);
const char *atlas_entity_get_id (AtlasEntity *self);
AtlasEntityKind atlas_entity_get_kind (AtlasEntity *self);
const char *atlas_entity_get_name (AtlasEntity *self);
const char *atlas_entity_get_name_zh (AtlasEntity *self);
const char *atlas_entity_get_display_name (AtlasEntity *self);
const char *atlas_entity_get_other_name (AtlasEntity *self);
gboolean atlas_entity_get_name_zh_from_source (AtlasEntity *self);
void atlas_entity_set_name_zh_from_source (AtlasEntity *self,
                                           gboolean from_source);
const char *atlas_entity_get_summary (AtlasEntity *self);
void atlas_entity_add_alias (AtlasEntity *self,
                             const char *alias);
const char *const *atlas_entity_get_aliases (AtlasEntity *self);
void atlas_entity_add_relation (AtlasEntity *self,
                                AtlasRelationKind kind,
                                const char *target_id,
                                const char *role,
                                gboolean inverse);
guint atlas_entity_get_n_relations (AtlasEntity *self);
const AtlasRelation *atlas_entity_get_relation (AtlasEntity *self,
                                                guint index);
void atlas_entity_add_fact (AtlasEntity *self,
                            const char *text,
                            const char *sentence,
                            const char *source_id);
guint atlas_entity_get_n_facts (AtlasEntity *self);
const AtlasFact *atlas_entity_get_fact (AtlasEntity *self,
                                        guint index);

const char *atlas_entity_kind_to_string (AtlasEntityKind kind);
gboolean atlas_entity_kind_from_string (const char *str,
                                        AtlasEntityKind *kind);
const char *atlas_entity_kind_get_label (AtlasEntityKind kind);
const char *atlas_entity_kind_get_plural (AtlasEntityKind kind);

const char *atlas_relation_kind_to_string (AtlasRelationKind kind);
gboolean atlas_relation_kind_from_string (const char *str,
                                          AtlasRelationKind *kind);
const char *atlas_relation_get_label (const AtlasRelation *relation);

G_END_DECLS
