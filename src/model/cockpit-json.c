/* cockpit-json.c: strict, table-driven JSON decoding of model objects, and their field tables.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cockpit-json-private.h"

static GQuark
field_table_quark (void)
{
  return g_quark_from_static_string ("cockpit-json-fields");
}

void
cockpit_json_class_install_fields (GObjectClass       *klass,
                                   const CockpitField *fields,
                                   guint               n_fields)
{
  FieldTable *table;

  g_return_if_fail (G_IS_OBJECT_CLASS (klass));
  g_return_if_fail (fields != NULL);

  /* Class data lives as long as the type, that is, for the whole process. */
  table = g_new0 (FieldTable, 1);
  table->fields = fields;
  table->n_fields = n_fields;
  table->members = g_new0 (char *, n_fields + 1);
  table->pspecs = g_new0 (GParamSpec *, n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      table->pspecs[i] = g_object_class_find_property (klass, fields[i].name);
      g_assert (table->pspecs[i] != NULL);
      table->members[i] = g_strdelimit (g_strdup (fields[i].name), "-", '_');
    }

  g_type_set_qdata (G_OBJECT_CLASS_TYPE (klass), field_table_quark (), table);
}

const FieldTable *
_cockpit_json_lookup_table (GType type)
{
  const FieldTable *table = NULL;

  /* Look at the class first: installing happens in class_init. */
  g_type_class_unref (g_type_class_ref (type));
  for (GType t = type; t != 0 && table == NULL; t = g_type_parent (t))
    table = g_type_get_qdata (t, field_table_quark ());
  return table;
}

/* Paths name a field for people: "environments[1].upgrade_backup". */

static void
path_push_member (GString    *path,
                  const char *member)
{
  if (path->len > 0)
    g_string_append_c (path, '.');
  g_string_append (path, member);
}

static const char *
path_or_root (GString *path)
{
  return path->len > 0 ? path->str : "(top level)";
}

static const char *
json_type_name (JsonNode *node)
{
  if (node == NULL)
    return "nothing";

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return "a string";
        case G_TYPE_BOOLEAN:
          return "a boolean";
        case G_TYPE_INT64:
        case G_TYPE_DOUBLE:
          return "a number";
        default:
          return "a value";
        }
    }
}

static gboolean
wrong_type (GString     *path,
            const char  *expected,
            JsonNode    *node,
            GError     **error)
{
  g_set_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_WRONG_TYPE,
               "“%s” should be %s but is %s",
               path_or_root (path), expected, json_type_name (node));
  return FALSE;
}

static gboolean
is_value_of (JsonNode *node,
             GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean decode_into (GObject   *object,
                             JsonNode  *node,
                             GString   *path,
                             GError   **error);

static GListStore *
decode_list (GType      item_type,
             JsonNode  *node,
             GString   *path,
             GError   **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      wrong_type (path, "an array", node, error);
      return NULL;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      gsize len = path->len;
      g_autoptr(GObject) item = g_object_new (item_type, NULL);

      g_string_append_printf (path, "[%u]", i);
      if (!decode_into (item, json_array_get_element (array, i), path, error))
        return NULL;
      g_string_truncate (path, len);
      g_ptr_array_add (items, g_steal_pointer (&item));
    }

  store = g_list_store_new (item_type);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return g_steal_pointer (&store);
}

/* A value quoted in an error message: short, since the message may be
 * logged, and the value comes from outside. */
static char *
quote_value (const char *text)
{
  return cockpit_text_limit (text, 64);
}

/* TRUE when every string in @node, a free-form JSON value, is short
 * enough to be an exact value. */
static gboolean
strings_are_short (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) names = json_object_get_members (object);

        for (GList *l = names; l != NULL; l = l->next)
          if (strlen (l->data) > COCKPIT_TEXT_MAX_EXACT ||
              !strings_are_short (json_object_get_member (object, l->data)))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          if (!strings_are_short (json_array_get_element (array, i)))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_VALUE:
      return json_node_get_value_type (node) != G_TYPE_STRING ||
             strlen (json_node_get_string (node)) <= COCKPIT_TEXT_MAX_EXACT;
    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

static gsize
text_limit_of (const CockpitField *field)
{
  if (field->flags & COCKPIT_FIELD_BODY)
    return COCKPIT_TEXT_MAX_BODY;
  if (field->flags & COCKPIT_FIELD_MESSAGE)
    return COCKPIT_TEXT_MAX_MESSAGE;
  return COCKPIT_TEXT_MAX_NAME;
}

/* Reads one field's JSON into @value, which is initialised to the
 * property's type. */
static gboolean
decode_value (const CockpitField  *field,
              GParamSpec          *pspec,
              JsonNode            *node,
              GValue              *value,
              GString             *path,
              GError             **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    {
      const char *text;

      if (!is_value_of (node, G_TYPE_STRING))
        return wrong_type (path, "a string", node, error);
      text = json_node_get_string (node);
      if (!(field->flags & COCKPIT_FIELD_EXACT))
        g_value_take_string (value, cockpit_text_limit (text, text_limit_of (field)));
      else if (strlen (text) <= COCKPIT_TEXT_MAX_EXACT)
        g_value_set_string (value, text);
      else
        {
          g_set_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_INVALID_VALUE,
                       "“%s” is longer than %d bytes", path->str, COCKPIT_TEXT_MAX_EXACT);
          return FALSE;
        }
    }
  else if (type == G_TYPE_STRV)
    {
      /* A list of exact values, such as a plan step's action ids. */
      JsonArray *array;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return wrong_type (path, "a list", node, error);
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          gsize length = path->len;

          g_string_append_printf (path, "[%u]", i);
          if (!is_value_of (item, G_TYPE_STRING))
            return wrong_type (path, "a string", item, error);
          if (strlen (json_node_get_string (item)) > COCKPIT_TEXT_MAX_EXACT)
            {
              g_set_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_INVALID_VALUE,
                           "“%s” is longer than %d bytes", path->str, COCKPIT_TEXT_MAX_EXACT);
              return FALSE;
            }
          g_string_truncate (path, length);
          g_strv_builder_add (builder, json_node_get_string (item));
        }
      g_value_take_boxed (value, g_strv_builder_end (builder));
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      if (!is_value_of (node, G_TYPE_BOOLEAN))
        return wrong_type (path, "true or false", node, error);
      g_value_set_boolean (value, json_node_get_boolean (node));
    }
  else if (type == G_TYPE_DOUBLE)
    {
      if (!is_value_of (node, G_TYPE_DOUBLE) && !is_value_of (node, G_TYPE_INT64))
        return wrong_type (path, "a number", node, error);
      g_value_set_double (value, json_node_get_double (node));
    }
  else if (type == G_TYPE_INT || type == G_TYPE_INT64 || type == G_TYPE_UINT)
    {
      gint64 number;

      if (!is_value_of (node, G_TYPE_INT64))
        return wrong_type (path, "a whole number", node, error);
      number = json_node_get_int (node);
      if (type == G_TYPE_INT64)
        g_value_set_int64 (value, number);
      else if (type == G_TYPE_INT && number >= G_MININT && number <= G_MAXINT)
        g_value_set_int (value, (int) number);
      else if (type == G_TYPE_UINT && number >= 0 && number <= G_MAXUINT)
        g_value_set_uint (value, (guint) number);
      else
        goto out_of_range;
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      g_autoptr(GDateTime) time = NULL;

      if (!is_value_of (node, G_TYPE_STRING))
        return wrong_type (path, "a time", node, error);
      time = cockpit_date_time_parse (json_node_get_string (node));
      if (time == NULL)
        {
          g_autofree char *quoted = quote_value (json_node_get_string (node));

          g_set_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_INVALID_VALUE,
                       "“%s” is not a time in RFC 3339 format: “%s”", path->str, quoted);
          return FALSE;
        }
      g_value_take_boxed (value, g_steal_pointer (&time));
    }
  else if (type == JSON_TYPE_NODE)
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return wrong_type (path, "an object", node, error);
      /* Free-form data such as an action's parameters holds exact values. */
      if (!strings_are_short (node))
        {
          g_set_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_INVALID_VALUE,
                       "“%s” holds a text longer than %d bytes", path->str, COCKPIT_TEXT_MAX_EXACT);
          return FALSE;
        }
      g_value_take_boxed (value, json_node_copy (node));
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      int number;

      if (!is_value_of (node, G_TYPE_STRING))
        return wrong_type (path, "a string", node, error);
      if (!cockpit_enum_from_string (type, json_node_get_string (node), &number))
        {
          g_autofree char *quoted = quote_value (json_node_get_string (node));

          g_set_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_UNKNOWN_VALUE,
                       "“%s” has an unknown value “%s”", path->str, quoted);
          return FALSE;
        }
      g_value_set_enum (value, number);
    }
  else if (g_type_is_a (type, G_TYPE_LIST_MODEL))
    {
      GListStore *store;

      g_assert (field->item_type != G_TYPE_INVALID);
      store = decode_list (field->item_type, node, path, error);
      if (store == NULL)
        return FALSE;
      g_value_take_object (value, store);
    }
  else if (G_TYPE_IS_OBJECT (type))
    {
      g_autoptr(GObject) child = g_object_new (type, NULL);

      if (!decode_into (child, node, path, error))
        return FALSE;
      g_value_set_object (value, child);
    }
  else
    g_assert_not_reached ();

  /* Numbers outside the property's range are errors, not clamped. */
  if (G_IS_PARAM_SPEC_DOUBLE (pspec) || G_IS_PARAM_SPEC_INT (pspec) ||
      G_IS_PARAM_SPEC_INT64 (pspec) || G_IS_PARAM_SPEC_UINT (pspec))
    {
      if (g_param_value_validate (pspec, value) ||
          (type == G_TYPE_DOUBLE && !isfinite (g_value_get_double (value))))
        goto out_of_range;
    }

  return TRUE;

out_of_range:
  g_set_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_INVALID_VALUE,
               "“%s” is out of range", path->str);
  return FALSE;
}

static gboolean
decode_into (GObject   *object,
             JsonNode  *node,
             GString   *path,
             GError   **error)
{
  const FieldTable *table = _cockpit_json_lookup_table (G_OBJECT_TYPE (object));
  JsonObject *json;

  g_assert (table != NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type (path, "an object", node, error);

  json = json_node_get_object (node);

  for (guint i = 0; i < table->n_fields; i++)
    {
      const CockpitField *field = &table->fields[i];
      GParamSpec *pspec = table->pspecs[i];
      JsonNode *member = json_object_get_member (json, table->members[i]);
      g_auto(GValue) value = G_VALUE_INIT;
      gsize len = path->len;

      path_push_member (path, table->members[i]);

      if (member == NULL || JSON_NODE_HOLDS_NULL (member))
        {
          if (!(field->flags & COCKPIT_FIELD_NULLABLE))
            {
              g_set_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_MISSING_FIELD,
                           member == NULL ? "“%s” is missing" : "“%s” must not be null",
                           path->str);
              return FALSE;
            }
        }
      else
        {
          g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
          if (!decode_value (field, pspec, member, &value, path, error))
            return FALSE;
          g_object_set_property (object, pspec->name, &value);
        }

      g_string_truncate (path, len);
    }

  return TRUE;
}

gpointer
cockpit_json_decode (GType      type,
                     JsonNode  *node,
                     GError   **error)
{
  g_autoptr(GObject) object = NULL;
  g_autoptr(GString) path = NULL;

  g_return_val_if_fail (G_TYPE_IS_OBJECT (type), NULL);
  g_return_val_if_fail (_cockpit_json_lookup_table (type) != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  object = g_object_new (type, NULL);
  path = g_string_new (NULL);
  if (!decode_into (object, node, path, error))
    return NULL;
  return g_steal_pointer (&object);
}

GListStore *
cockpit_json_decode_list (GType      item_type,
                          JsonNode  *node,
                          GError   **error)
{
  g_autoptr(GString) path = NULL;

  g_return_val_if_fail (_cockpit_json_lookup_table (item_type) != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_string_new (NULL);
  return decode_list (item_type, node, path, error);
}

GListStore *
cockpit_json_decode_member_list (GType        item_type,
                                 JsonNode    *node,
                                 const char  *member,
                                 GError     **error)
{
  g_autoptr(GString) path = NULL;
  JsonNode *array;

  g_return_val_if_fail (member != NULL, NULL);
  g_return_val_if_fail (_cockpit_json_lookup_table (item_type) != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_string_new (NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      wrong_type (path, "an object", node, error);
      return NULL;
    }

  array = json_object_get_member (json_node_get_object (node), member);
  g_string_append (path, member);
  if (array == NULL)
    {
      g_set_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_MISSING_FIELD,
                   "“%s” is missing", member);
      return NULL;
    }
  return decode_list (item_type, array, path, error);
}
