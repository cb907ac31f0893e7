/* cockpit-json-encode.c: model objects written as the JSON of the contract, by their field tables.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-json-private.h"

static JsonNode *
encode_value (const CockpitField *field,
              const GValue       *value)
{
  GType type = G_VALUE_TYPE (value);
  JsonNode *node = json_node_new (JSON_NODE_NULL);

  if (type == G_TYPE_STRING)
    {
      if (g_value_get_string (value) != NULL)
        json_node_set_string (json_node_init (node, JSON_NODE_VALUE), g_value_get_string (value));
    }
  else if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);
      JsonArray *array = json_array_new ();

      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        json_array_add_string_element (array, strv[i]);
      json_node_take_array (json_node_init (node, JSON_NODE_ARRAY), array);
    }
  else if (type == G_TYPE_BOOLEAN)
    json_node_set_boolean (json_node_init (node, JSON_NODE_VALUE), g_value_get_boolean (value));
  else if (type == G_TYPE_DOUBLE)
    json_node_set_double (json_node_init (node, JSON_NODE_VALUE), g_value_get_double (value));
  else if (type == G_TYPE_INT)
    json_node_set_int (json_node_init (node, JSON_NODE_VALUE), g_value_get_int (value));
  else if (type == G_TYPE_UINT)
    json_node_set_int (json_node_init (node, JSON_NODE_VALUE), g_value_get_uint (value));
  else if (type == G_TYPE_INT64)
    json_node_set_int (json_node_init (node, JSON_NODE_VALUE), g_value_get_int64 (value));
  else if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *time = g_value_get_boxed (value);

      if (time != NULL)
        {
          g_autofree char *text = cockpit_date_time_format (time);
          json_node_set_string (json_node_init (node, JSON_NODE_VALUE), text);
        }
    }
  else if (type == JSON_TYPE_NODE)
    {
      if (g_value_get_boxed (value) != NULL)
        {
          json_node_unref (node);
          node = json_node_copy (g_value_get_boxed (value));
        }
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      const char *text = cockpit_enum_to_string (type, g_value_get_enum (value));

      if (text != NULL)
        json_node_set_string (json_node_init (node, JSON_NODE_VALUE), text);
    }
  else if (g_type_is_a (type, G_TYPE_LIST_MODEL))
    {
      if (g_value_get_object (value) != NULL)
        {
          json_node_unref (node);
          node = cockpit_json_encode_list (g_value_get_object (value));
        }
    }
  else if (G_TYPE_IS_OBJECT (type))
    {
      if (g_value_get_object (value) != NULL)
        {
          json_node_unref (node);
          node = cockpit_json_encode (g_value_get_object (value));
        }
    }
  else
    g_assert_not_reached ();

  return node;
}

JsonNode *
cockpit_json_encode (gpointer object)
{
  const FieldTable *table;
  JsonObject *json;
  JsonNode *node;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  table = _cockpit_json_lookup_table (G_OBJECT_TYPE (object));
  g_return_val_if_fail (table != NULL, NULL);

  json = json_object_new ();
  for (guint i = 0; i < table->n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (table->pspecs[i]));
      g_object_get_property (object, table->pspecs[i]->name, &value);
      json_object_set_member (json, table->members[i], encode_value (&table->fields[i], &value));
    }

  node = json_node_init_object (json_node_alloc (), json);
  json_object_unref (json);
  return node;
}

JsonNode *
cockpit_json_encode_list (GListModel *list)
{
  JsonArray *array;
  JsonNode *node;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (list), NULL);

  n = g_list_model_get_n_items (list);
  array = json_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      json_array_add_element (array, cockpit_json_encode (item));
    }

  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return node;
}
