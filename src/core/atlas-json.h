/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A JSON document (RFC 8259) read into one array of nodes, for the loader.
 *
 * The nodes are in document order, each container followed by its
 * descendants, so a child's next sibling is @span nodes on. A string is
 * NUL-terminated UTF-8, or the bytes an escaped lone surrogate (\ud800)
 * gives, which the loader refuses with the place they are at. Numbers are
 * doubles; one too large for a double is infinite. */

typedef enum
{
  ATLAS_JSON_NULL,
  ATLAS_JSON_BOOLEAN,
  ATLAS_JSON_NUMBER,
  ATLAS_JSON_STRING,
  ATLAS_JSON_ARRAY,
  ATLAS_JSON_OBJECT,
} AtlasJsonType;

typedef struct _AtlasJsonNode AtlasJsonNode;
struct _AtlasJsonNode
{
  const char *name; /* a member's name, or NULL */
  union
  {
    double number;
    const char *string;
    gboolean boolean;
  } value;
  guint32 length;   /* a string's bytes, or a container's children */
  guint32 type : 3; /* AtlasJsonType */
  guint32 span : 29; /* this node and its descendants */
};

/* What the node counts hold: a node takes at least two bytes of text. */
#define ATLAS_JSON_MAX_BYTES (256 * 1024 * 1024)

typedef struct _AtlasJsonDocument AtlasJsonDocument;

AtlasJsonDocument *atlas_json_document_new (GBytes *bytes,
                                            const char *name,
                                            guint max_depth,
                                            GError **error);
const AtlasJsonNode *atlas_json_document_get_root (const AtlasJsonDocument *document);
void atlas_json_document_free (AtlasJsonDocument *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasJsonDocument,
                               atlas_json_document_free)

const AtlasJsonNode *atlas_json_node_get_member (const AtlasJsonNode *object,
                                                 const char *name);
const char *atlas_json_node_get_type_name (const AtlasJsonNode *node);

/* Each child of @parent, which may be NULL, in turn, with its index @i. */
#define ATLAS_JSON_FOREACH(child, i, parent)                                                       \
  for ((child) = (parent) != NULL ? (parent) + 1 : NULL, (i) = 0;                                  \
       (parent) != NULL && (i) < (parent)->length; (child) += (child)->span, (i)++)

G_END_DECLS
