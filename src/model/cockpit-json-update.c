/* cockpit-json-update.c: a fresh object copied into an old one, so that only what changed notifies.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-json-private.h"

static gboolean
same_identity (GObject *a,
               GObject *b)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (a), "id");
  g_autofree char *id_a = NULL;
  g_autofree char *id_b = NULL;

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;
  if (pspec == NULL || G_PARAM_SPEC_VALUE_TYPE (pspec) != G_TYPE_STRING)
    return TRUE;

  g_object_get (a, "id", &id_a, NULL);
  g_object_get (b, "id", &id_b, NULL);
  return g_strcmp0 (id_a, id_b) == 0;
}

static void
update_list (GListModel *target,
             GListModel *source)
{
  guint n = g_list_model_get_n_items (source);
  g_autoptr(GPtrArray) items = NULL;
  gboolean same = n == g_list_model_get_n_items (target);

  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (target, i);
      g_autoptr(GObject) b = g_list_model_get_item (source, i);
      same = same_identity (a, b);
    }

  if (same)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) a = g_list_model_get_item (target, i);
          g_autoptr(GObject) b = g_list_model_get_item (source, i);
          cockpit_json_update (a, b);
        }
      return;
    }

  g_return_if_fail (G_IS_LIST_STORE (target));

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (source, i));
  g_list_store_splice (G_LIST_STORE (target), 0, g_list_model_get_n_items (target),
                       items->pdata, items->len);
}

void
cockpit_json_update (gpointer target,
                     gpointer source)
{
  const FieldTable *table;

  g_return_if_fail (G_IS_OBJECT (target));
  g_return_if_fail (G_IS_OBJECT (source));
  g_return_if_fail (G_OBJECT_TYPE (target) == G_OBJECT_TYPE (source));

  if (target == source)
    return;

  table = _cockpit_json_lookup_table (G_OBJECT_TYPE (target));
  g_return_if_fail (table != NULL);

  g_object_freeze_notify (target);

  for (guint i = 0; i < table->n_fields; i++)
    {
      GParamSpec *pspec = table->pspecs[i];
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_auto(GValue) new_value = G_VALUE_INIT;
      g_auto(GValue) old_value = G_VALUE_INIT;

      g_value_init (&new_value, type);
      g_value_init (&old_value, type);
      g_object_get_property (source, pspec->name, &new_value);
      g_object_get_property (target, pspec->name, &old_value);

      if (g_type_is_a (type, G_TYPE_LIST_MODEL) &&
          g_value_get_object (&old_value) != NULL &&
          g_value_get_object (&new_value) != NULL)
        update_list (g_value_get_object (&old_value), g_value_get_object (&new_value));
      else if (G_TYPE_IS_OBJECT (type) &&
               g_value_get_object (&old_value) != NULL &&
               g_value_get_object (&new_value) != NULL &&
               same_identity (g_value_get_object (&old_value), g_value_get_object (&new_value)))
        cockpit_json_update (g_value_get_object (&old_value), g_value_get_object (&new_value));
      else
        g_object_set_property (target, pspec->name, &new_value);
    }

  g_object_thaw_notify (target);
}

gboolean
cockpit_set_string (char       **field,
                    const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

gboolean
cockpit_set_date_time (GDateTime **field,
                       GDateTime  *value)
{
  if (*field == value)
    return FALSE;
  if (*field != NULL && value != NULL && g_date_time_equal (*field, value))
    return FALSE;
  g_clear_pointer (field, g_date_time_unref);
  if (value != NULL)
    *field = g_date_time_ref (value);
  return TRUE;
}

gboolean
cockpit_set_object (gpointer field,
                    gpointer value)
{
  return g_set_object ((GObject **) field, value);
}

gboolean
cockpit_set_list (GListStore **field,
                  GListModel  *value,
                  GType        item_type)
{
  GListStore *store;

  if (value != NULL && *field != NULL && G_LIST_MODEL (*field) == value)
    return FALSE;

  if (value != NULL && G_IS_LIST_STORE (value) && g_list_model_get_item_type (value) == item_type)
    store = g_object_ref (G_LIST_STORE (value));
  else
    {
      store = g_list_store_new (item_type);
      for (guint i = 0; value != NULL && i < g_list_model_get_n_items (value); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (value, i);
          g_list_store_append (store, item);
        }
    }

  g_clear_object (field);
  *field = store;
  return TRUE;
}

gpointer
cockpit_list_find (GListModel *list,
                   const char *property,
                   int         value)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      int item_value;

      g_object_get (item, property, &item_value, NULL);
      if (item_value == value)
        return item;
    }
  return NULL;
}
