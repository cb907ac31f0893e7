/* cockpit-helpdesk-seen.c: the critical notifications already announced, kept per cockpit in a file.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each critical notification is announced once: the ids seen are kept
 * per cockpit in a small JSON file, so a restart announces nothing again.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "cockpit-helpdesk-list-private.h"

char *
_cockpit_helpdesk_default_state_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "upgrade-cockpit", "helpdesk-seen.json", NULL);
}

/* The file's object that maps each cockpit to the ids it has announced,
 * or NULL when there is no usable file. */
static JsonNode *
read_state_file (CockpitHelpdesk *self)
{
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonNode *cockpits;
  gsize length;

  if (!g_file_get_contents (self->state_path, &contents, &length, NULL))
    return NULL;
  root = cockpit_json_parse (contents, (gssize) length, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_debug ("Ignoring a damaged helpdesk state file");
      return NULL;
    }
  cockpits = json_object_get_member (json_node_get_object (root), "cockpits");
  if (cockpits == NULL || !JSON_NODE_HOLDS_OBJECT (cockpits))
    return NULL;
  return json_node_copy (cockpits);
}

static void
add_ids (GHashTable *set,
         JsonNode   *cockpits,
         const char *identity)
{
  JsonNode *ids;
  JsonArray *array;

  if (cockpits == NULL)
    return;
  ids = json_object_get_member (json_node_get_object (cockpits), identity);
  if (ids == NULL || !JSON_NODE_HOLDS_ARRAY (ids))
    return;
  array = json_node_get_array (ids);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_hash_table_add (set, g_strdup (json_node_get_string (element)));
    }
}

void
_cockpit_helpdesk_ensure_seen (CockpitHelpdesk *self)
{
  g_autoptr(JsonNode) cockpits = NULL;

  if (self->seen != NULL)
    return;
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cockpits = read_state_file (self);
  add_ids (self->seen, cockpits, cockpit_client_get_identity (self->client));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Writes the ids seen, atomically, keeping what another instance of the
 * app wrote for other cockpits (and for this one) meanwhile. */
void
_cockpit_helpdesk_save_seen (CockpitHelpdesk *self)
{
  g_autoptr(JsonNode) cockpits = read_state_file (self);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = g_path_get_dirname (self->state_path);
  const char *identity = cockpit_client_get_identity (self->client);
  GHashTableIter iter;
  gpointer id;

  add_ids (self->seen, cockpits, identity);
  ids = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->seen);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_ptr_array_add (ids, id);
  g_ptr_array_sort (ids, compare_strings);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "cockpits");
  json_builder_begin_object (builder);
  if (cockpits != NULL)
    {
      JsonObjectIter members;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&members, json_node_get_object (cockpits));
      while (json_object_iter_next (&members, &name, &value))
        if (g_strcmp0 (name, identity) != 0)
          {
            json_builder_set_member_name (builder, name);
            json_builder_add_value (builder, json_node_copy (value));
          }
    }
  json_builder_set_member_name (builder, identity);
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (ids, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (self->state_path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_debug ("Could not write the helpdesk state: %s", error ? error->message : g_strerror (errno));
}

guint
cockpit_helpdesk_reload_seen (CockpitHelpdesk *self)
{
  g_return_val_if_fail (COCKPIT_IS_HELPDESK (self), 0);

  g_clear_pointer (&self->seen, g_hash_table_unref);
  _cockpit_helpdesk_ensure_seen (self);
  return g_hash_table_size (self->seen);
}
