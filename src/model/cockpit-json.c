/* cockpit-json.c: strict, table-driven JSON reading and writing of model objects.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cockpit-json.h"

typedef struct {
  const CockpitField *fields;
  char              **members;   /* JSON member names, "-" written as "_" */
  GParamSpec        **pspecs;
  guint               n_fields;
} FieldTable;

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

static const FieldTable *
lookup_table (GType type)
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

char *
cockpit_text_limit (const char *text,
                    gsize       max_chars)
{
  g_autofree char *valid = NULL;
  const char *end;
  gsize n;

  if (text == NULL)
    return NULL;

  /* Walking characters needs valid UTF-8: a broken sequence at the end
   * would otherwise step over the terminating NUL. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (end = text, n = 0; *end != '\0' && n < max_chars; n++)
    end = g_utf8_next_char (end);
  if (*end == '\0')
    return g_strdup (text);

  /* One character gives way to the ellipsis, so that the whole has
   * @max_chars characters. */
  if (max_chars > 0)
    end = g_utf8_prev_char (end);
  {
    GString *cut = g_string_new_len (text, end - text);

    g_string_append (cut, "…");
    return g_string_free (cut, FALSE);
  }
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
  const FieldTable *table = lookup_table (G_OBJECT_TYPE (object));
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
  g_return_val_if_fail (lookup_table (type) != NULL, NULL);
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

  g_return_val_if_fail (lookup_table (item_type) != NULL, NULL);
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
  g_return_val_if_fail (lookup_table (item_type) != NULL, NULL);
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

  table = lookup_table (G_OBJECT_TYPE (object));
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

/* Deeper than any answer of the contract, far below what json-glib's
 * recursive parser survives: it overflows the stack somewhere below a
 * hundred thousand open brackets, so one hostile answer could crash the app. */
#define MAX_DEPTH 128

/* TRUE when arrays and objects nest deeper than MAX_DEPTH, brackets in
 * strings aside.  Malformed text is left to the parser to report. */
static gboolean
nests_too_deep (const char *data,
                gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            return TRUE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return FALSE;
}

JsonNode *
cockpit_json_parse (const char  *data,
                    gssize       length,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";
  if (length < 0)
    length = (gssize) strlen (data);

  /* Embedded NULs are never valid JSON text. */
  if (memchr (data, '\0', (gsize) length) != NULL)
    {
      g_set_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_INVALID_JSON,
                   "The data is not valid JSON: it contains a NUL byte");
      return NULL;
    }

  if (nests_too_deep (data, (gsize) length))
    {
      g_set_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_INVALID_JSON,
                   "The data is not valid JSON: arrays and objects nest deeper than %d levels",
                   MAX_DEPTH);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_INVALID_JSON,
                   "The data is not valid JSON: %s", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_INVALID_JSON,
                   "The data is empty where JSON was expected");
      return NULL;
    }

  return json_node_ref (root);
}

char *
cockpit_json_to_string (JsonNode *node,
                        gboolean  pretty)
{
  g_return_val_if_fail (node != NULL, NULL);

  return json_to_string (node, pretty);
}

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

  table = lookup_table (G_OBJECT_TYPE (target));
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

static gboolean
digits_at (const char *text,
           gsize       start,
           gsize       count)
{
  for (gsize i = start; i < start + count; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

GDateTime *
cockpit_date_time_parse (const char *text)
{
  gsize len, i = 19;

  if (text == NULL)
    return NULL;

  /* RFC 3339: 2026-11-26T09:30:00[.123](Z|+01:00).  GLib's ISO 8601
   * parser accepts more forms than that (week dates, no seconds), so
   * check the shape first. */
  len = strlen (text);
  if (len < 20 ||
      !digits_at (text, 0, 4) || text[4] != '-' || !digits_at (text, 5, 2) || text[7] != '-' ||
      !digits_at (text, 8, 2) || (text[10] != 'T' && text[10] != 't') ||
      !digits_at (text, 11, 2) || text[13] != ':' || !digits_at (text, 14, 2) ||
      text[16] != ':' || !digits_at (text, 17, 2))
    return NULL;

  if (text[i] == '.')
    {
      i++;
      if (!g_ascii_isdigit (text[i]))
        return NULL;
      while (g_ascii_isdigit (text[i]))
        i++;
    }

  if (text[i] == 'Z' || text[i] == 'z')
    {
      if (text[i + 1] != '\0')
        return NULL;
    }
  else if (text[i] == '+' || text[i] == '-')
    {
      if (strlen (text + i) != 6 || !digits_at (text, i + 1, 2) || text[i + 3] != ':' ||
          !digits_at (text, i + 4, 2))
        return NULL;
    }
  else
    return NULL;

  {
    g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (text, NULL);
    g_autoptr(GDateTime) utc = time ? g_date_time_to_utc (time) : NULL;

    /* A time such as 0001-01-01T00:30:00+01:00 falls outside what
     * GDateTime holds once in UTC, and could not be written back. */
    if (utc == NULL)
      return NULL;
    return g_steal_pointer (&time);
  }
}

char *
cockpit_date_time_format (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  utc = g_date_time_to_utc (time);
  g_return_val_if_fail (utc != NULL, NULL);

  /* Not g_date_time_format(): its %Y does not pad years before 1000. */
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc));
}
