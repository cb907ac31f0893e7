/* test-model-util.h: helpers shared by the tests of the model types.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only, so that each test stays one executable built from one file.
 */
#pragma once

#include <string.h>

#include "cockpit-model.h"

/* Counts emissions into the guint that @user_data points to. */
static inline void
model_count_cb (gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* Connects a counter to "notify::@property" of @object. */
static inline gulong
model_watch_notify (gpointer    object,
                   const char *property,
                   guint      *counter)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  *counter = 0;
  return g_signal_connect_swapped (object, signal, G_CALLBACK (model_count_cb), counter);
}

/* Counts every "notify" of @object, whatever the property. */
static inline gulong
model_watch_all_notify (gpointer  object,
                       guint    *counter)
{
  *counter = 0;
  return g_signal_connect_swapped (object, "notify", G_CALLBACK (model_count_cb), counter);
}

static inline GDateTime *
model_time (const char *text)
{
  GDateTime *time = cockpit_date_time_parse (text);

  g_assert_nonnull (time);
  return time;
}

static inline void
model_assert_time (GDateTime  *time,
                  const char *expected)
{
  g_autofree char *text = NULL;

  g_assert_nonnull (time);
  text = cockpit_date_time_format (time);
  g_assert_cmpstr (text, ==, expected);
}

static inline JsonNode *
model_parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = cockpit_json_parse (text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* Decodes @text as @type and fails the test on any error. */
static inline gpointer
model_decode (GType       type,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = model_parse (text);
  gpointer object = cockpit_json_decode (type, node, &error);

  g_assert_no_error (error);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (object, type));
  return object;
}

/* Encodes @object, decodes the result and encodes again: both encodings
 * must be equal, and so must every JSON property of the two objects. */
static inline void
model_assert_round_trip (gpointer object)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) first = cockpit_json_encode (object);
  g_autoptr(GObject) copy = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autoptr(JsonNode) reparsed = NULL;
  g_autoptr(GObject) from_text = NULL;

  copy = cockpit_json_decode (G_OBJECT_TYPE (object), first, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  second = cockpit_json_encode (copy);

  first_text = cockpit_json_to_string (first, FALSE);
  second_text = cockpit_json_to_string (second, FALSE);
  g_assert_cmpstr (first_text, ==, second_text);
  g_assert_true (json_node_equal (first, second));

  /* Through text too, as the client and the simulator do. */
  reparsed = model_parse (first_text);
  from_text = cockpit_json_decode (G_OBJECT_TYPE (object), reparsed, &error);
  g_assert_no_error (error);
  g_clear_pointer (&second, json_node_unref);
  g_clear_pointer (&second_text, g_free);
  second = cockpit_json_encode (from_text);
  second_text = cockpit_json_to_string (second, FALSE);
  g_assert_cmpstr (first_text, ==, second_text);

  g_assert_finalize_object (g_steal_pointer (&copy));
  g_assert_finalize_object (g_steal_pointer (&from_text));
}

/* Fills @a and @b with two different values for @pspec, and @a_again
 * with a value equal to @a but not the same instance where that can be
 * told apart.  Returns FALSE for a type it does not know. */
static inline gboolean
model_values_for (GParamSpec *pspec,
                 GValue     *a,
                 GValue     *a_again,
                 GValue     *b)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (a, type);
  g_value_init (a_again, type);
  g_value_init (b, type);

  if (type == G_TYPE_STRING)
    {
      g_value_take_string (a, g_strdup ("first"));
      g_value_take_string (a_again, g_strdup ("first"));
      g_value_set_static_string (b, "second");
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      g_value_set_boolean (a, TRUE);
      g_value_set_boolean (a_again, TRUE);
      g_value_set_boolean (b, FALSE);
    }
  else if (type == G_TYPE_DOUBLE)
    {
      g_value_set_double (a, 0.25);
      g_value_set_double (a_again, 0.25);
      g_value_set_double (b, 0.75);
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      g_value_take_boxed (a, model_time ("2026-11-26T09:30:00Z"));
      /* The same instant written in another zone is the same value. */
      g_value_take_boxed (a_again, model_time ("2026-11-26T10:30:00+01:00"));
      g_value_take_boxed (b, model_time ("2026-11-27T09:30:00Z"));
    }
  else if (type == JSON_TYPE_NODE)
    {
      g_value_take_boxed (a, model_parse ("{\"target_version\": \"6.3.21\"}"));
      g_value_take_boxed (a_again, model_parse ("{\"target_version\": \"6.3.21\"}"));
      g_value_take_boxed (b, model_parse ("{\"target_version\": \"6.3.22\"}"));
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = g_type_class_ref (type);

      g_assert_cmpuint (klass->n_values, >=, 2);
      g_value_set_enum (a, klass->values[klass->n_values - 1].value);
      g_value_set_enum (a_again, klass->values[klass->n_values - 1].value);
      g_value_set_enum (b, klass->values[klass->n_values - 2].value);
      g_type_class_unref (klass);
    }
  else if (g_type_is_a (type, G_TYPE_LIST_MODEL))
    {
      /* Lists need items of the right type: each type's test checks them. */
      return FALSE;
    }
  else if (G_TYPE_IS_OBJECT (type))
    {
      g_autoptr(GObject) object = g_object_new (type, NULL);

      g_value_set_object (a, object);
      g_value_set_object (a_again, object);
      g_value_take_object (b, g_object_new (type, NULL));
    }
  else
    return FALSE;

  return TRUE;
}

/* For every writable property of @object: setting a new value notifies
 * exactly once, setting an equal value does not notify. */
static inline void
model_assert_notify_all (gpointer object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) a_again = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;
      guint count = 0;
      gulong id;

      g_assert_true (pspecs[i]->flags & G_PARAM_EXPLICIT_NOTIFY);
      if (!model_values_for (pspecs[i], &a, &a_again, &b))
        continue;

      g_test_message ("property %s", pspecs[i]->name);
      g_object_set_property (object, pspecs[i]->name, &b);
      id = model_watch_notify (object, pspecs[i]->name, &count);

      g_object_set_property (object, pspecs[i]->name, &a);
      g_assert_cmpuint (count, ==, 1);
      g_object_set_property (object, pspecs[i]->name, &a_again);
      g_assert_cmpuint (count, ==, 1);
      g_object_set_property (object, pspecs[i]->name, &a);
      g_assert_cmpuint (count, ==, 1);
      g_object_set_property (object, pspecs[i]->name, &b);
      g_assert_cmpuint (count, ==, 2);

      g_signal_handler_disconnect (object, id);
    }
}

/* Decodes @sample with each of its members first missing, then null:
 * members named in @nullable must decode to the property's default, all
 * others must fail with COCKPIT_MODEL_ERROR_MISSING_FIELD naming them. */
static inline void
model_assert_nullable_members (GType               type,
                              const char         *sample,
                              const char * const *nullable)
{
  g_autoptr(JsonNode) root = model_parse (sample);
  g_autoptr(GList) members = json_object_get_members (json_node_get_object (root));
  GObjectClass *klass = g_type_class_ref (type);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      gboolean is_nullable = g_strv_contains (nullable, name);
      g_autofree char *property = g_strdelimit (g_strdup (name), "_", '-');
      GParamSpec *pspec = g_object_class_find_property (klass, property);

      g_assert_nonnull (pspec);

      for (guint as_null = 0; as_null < 2; as_null++)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          g_autoptr(GError) error = NULL;
          g_autoptr(GObject) object = NULL;
          JsonObject *json;

          g_test_message ("member %s %s", name, as_null ? "null" : "missing");
          g_assert_true (json_parser_load_from_data (parser, sample, -1, NULL));
          json = json_node_get_object (json_parser_get_root (parser));
          if (as_null)
            json_object_set_null_member (json, name);
          else
            json_object_remove_member (json, name);

          object = cockpit_json_decode (type, json_parser_get_root (parser), &error);
          if (is_nullable)
            {
              g_auto(GValue) value = G_VALUE_INIT;

              g_assert_no_error (error);
              g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
              g_object_get_property (object, property, &value);
              g_assert_true (g_param_value_defaults (pspec, &value));
              model_assert_round_trip (object);
            }
          else
            {
              g_assert_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_MISSING_FIELD);
              g_assert_nonnull (strstr (error->message, name));
              g_assert_null (object);
            }
        }
    }

  g_type_class_unref (klass);
}

/* The JSON of @object has exactly the members of @sample: the sample is
 * complete, and the type writes nothing the contract does not have. */
static inline void
model_assert_same_members (gpointer    object,
                          const char *sample)
{
  g_autoptr(JsonNode) expected = model_parse (sample);
  g_autoptr(JsonNode) encoded = cockpit_json_encode (object);
  JsonObject *e = json_node_get_object (expected);
  JsonObject *o = json_node_get_object (encoded);
  g_autoptr(GList) members = json_object_get_members (e);

  g_assert_cmpuint (json_object_get_size (e), ==, json_object_get_size (o));
  for (GList *l = members; l != NULL; l = l->next)
    g_assert_true (json_object_has_member (o, l->data));
}

/* The object at @path in @root, such as "packages.0.environments.1"
 * (members and array indices, "" for @root itself); fails if there is
 * none. */
static inline JsonObject *
model_object_at (JsonNode   *root,
                 const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = root;

  for (guint i = 0; parts[i] != NULL && *parts[i] != '\0'; i++)
    {
      if (g_ascii_isdigit (parts[i][0]))
        {
          guint index = (guint) g_ascii_strtoull (parts[i], NULL, 10);

          g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
          g_assert_cmpuint (index, <, json_array_get_length (json_node_get_array (node)));
          node = json_array_get_element (json_node_get_array (node), index);
        }
      else
        {
          g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
          node = json_object_get_member (json_node_get_object (node), parts[i]);
          g_assert_nonnull (node);
        }
    }
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}
