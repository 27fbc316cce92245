/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-array-model"

#include "config.h"

/* A list model that never changes: the items of an array, given once.
 *
 * A dataset's events are many and fixed once it is sealed. GListStore keeps
 * its items in a GSequence, a balanced tree: filling it with 100,000 events
 * cost a tenth of loading them, and each get_item() is a walk of the tree.
 * Here the items are the array itself, and get_item() an index. */

#include "atlas-array-model.h"

struct _AtlasArrayModel
{
  GObject parent_instance;

  GType item_type;
  GPtrArray *items;
};

static GType
atlas_array_model_get_item_type (GListModel *model)
{
  return ATLAS_ARRAY_MODEL (model)->item_type;
}

static guint
atlas_array_model_get_n_items (GListModel *model)
{
  return ATLAS_ARRAY_MODEL (model)->items->len;
}

static gpointer
atlas_array_model_get_item (GListModel *model,
                            guint position)
{
  AtlasArrayModel *self = ATLAS_ARRAY_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (self->items->pdata[position]);
}

static void
atlas_array_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_array_model_get_item_type;
  iface->get_n_items = atlas_array_model_get_n_items;
  iface->get_item = atlas_array_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasArrayModel,
                               atlas_array_model,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      atlas_array_model_list_model_init))

static void
atlas_array_model_finalize (GObject *object)
{
  AtlasArrayModel *self = ATLAS_ARRAY_MODEL (object);

  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (atlas_array_model_parent_class)->finalize (object);
}

static void
atlas_array_model_class_init (AtlasArrayModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_array_model_finalize;
}

static void
atlas_array_model_init (AtlasArrayModel *self)
{
}

/* @items: (transfer full) (element-type GObject): instances of @item_type,
 * each a reference that the model keeps, or NULL for none; not changed
 * after */
GListModel *
atlas_array_model_new (GType item_type,
                       GPtrArray *items)
{
  AtlasArrayModel *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);

  self = g_object_new (ATLAS_TYPE_ARRAY_MODEL, NULL);
  self->item_type = item_type;
  self->items = items != NULL ? items : g_ptr_array_new_with_free_func (g_object_unref);
  return G_LIST_MODEL (self);
}
