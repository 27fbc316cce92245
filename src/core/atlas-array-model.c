/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-array-model"

#include "config.h"

/* A list model that never changes once it is shown: the items of an array,
 * given at once or appended, sorted, before anyone has the model. Appending
 * and sorting say nothing (no "items-changed"): they are for whoever builds
 * the model, the loader.
 *
 * So any number of threads may read it at once, as an export reads the
 * window's dataset in a thread while the window draws it. GListStore may
 * not be read so: its get_item() keeps in the store where it last was, and
 * two readers were given each other's items, or none.
 *
 * And it is cheap: a dataset's events are many. GListStore keeps its items
 * in a GSequence, a balanced tree: filling it with 100,000 events cost a
 * tenth of loading them, and each get_item() is a walk of the tree. Here
 * the items are the array itself, and get_item() an index. */

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

/* Adds @item (a reference is taken) at the end, for the model's builder:
 * see above. */
void
atlas_array_model_append (AtlasArrayModel *self,
                          gpointer item)
{
  g_return_if_fail (ATLAS_IS_ARRAY_MODEL (self));
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, self->item_type));

  g_ptr_array_add (self->items, g_object_ref (item));
}

typedef struct
{
  GCompareDataFunc compare;
  gpointer data;
} Order;

static int
compare_slots (gconstpointer a,
               gconstpointer b,
               gpointer data)
{
  const Order *order = data;

  return order->compare (*(gpointer const *) a, *(gpointer const *) b, order->data);
}

/* Puts the items in the order @compare gives them, which is called with
 * two items; items it finds equal keep their order. For the builder. */
void
atlas_array_model_sort (AtlasArrayModel *self,
                        GCompareDataFunc compare,
                        gpointer data)
{
  Order order = { compare, data };

  g_return_if_fail (ATLAS_IS_ARRAY_MODEL (self));
  g_return_if_fail (compare != NULL);

  g_ptr_array_sort_with_data (self->items, compare_slots, &order);
}

/* Whether @item is in the model, and where, the first time. */
gboolean
atlas_array_model_find (AtlasArrayModel *self,
                        gpointer item,
                        guint *position)
{
  g_return_val_if_fail (ATLAS_IS_ARRAY_MODEL (self), FALSE);

  return g_ptr_array_find (self->items, item, position);
}
