/* cockpit-sim-handlers.c: the simulator's answers to the calls of the contract, and their routes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "cockpit-json.h"
#include "cockpit-sim-engine.h"
#include "cockpit-sim-request-private.h"

#define DEFAULT_LIMIT        100
#define MAX_LIMIT            1000

/* Parses "limit": a whole number from 1 to 1000, 100 when absent. */
gboolean
_cockpit_sim_parse_limit (Request *req,
                          guint   *limit)
{
  const char *text = _cockpit_sim_query_get (req, "limit");
  guint64 value;

  *limit = DEFAULT_LIMIT;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, MAX_LIMIT, &value, NULL))
    {
      _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_BAD_REQUEST,
                                "“limit” must be a whole number from 1 to %d.", MAX_LIMIT);
      return FALSE;
    }
  *limit = (guint) value;
  return TRUE;
}

/* Cursors are opaque to clients: base64 of a position in the list and a
 * hash of the list and filter they belong to. */
char *
_cockpit_sim_cursor_hash (const char *list,
                          const char *package_id,
                          const char *filter)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *hex = NULL;

  g_checksum_update (checksum, (const guchar *) list, strlen (list) + 1);
  g_checksum_update (checksum, (const guchar *) package_id, strlen (package_id) + 1);
  g_checksum_update (checksum, (const guchar *) filter, strlen (filter) + 1);
  hex = g_strdup (g_checksum_get_string (checksum));
  hex[16] = '\0';
  return g_steal_pointer (&hex);
}

/* URL-safe base64 without padding, so that a client may put the cursor
 * into a query string as it is. */
char *
_cockpit_sim_cursor_encode (guint       position,
                            const char *hash)
{
  g_autofree char *text = g_strdup_printf ("v1.%u.%s", position, hash);
  char *encoded = g_base64_encode ((const guchar *) text, strlen (text));

  g_strdelimit (encoded, "+", '-');
  g_strdelimit (encoded, "/", '_');
  g_strdelimit (encoded, "=", '\0');
  return encoded;
}

/* Reads "before"; the position is the list's length when it is absent. */
gboolean
_cockpit_sim_cursor_decode (Request    *req,
                            const char *hash,
                            guint       length,
                            guint      *position)
{
  const char *cursor = _cockpit_sim_query_get (req, "before");
  g_autoptr(GString) padded = NULL;
  g_autofree guchar *decoded = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;
  guint64 value;
  gsize size = 0;

  *position = length;
  if (cursor == NULL)
    return TRUE;

  padded = g_string_new (NULL);
  for (const char *p = cursor; *p; p++)
    {
      if (*p == '-')
        g_string_append_c (padded, '+');
      else if (*p == '_')
        g_string_append_c (padded, '/');
      else if (g_ascii_isalnum (*p))
        g_string_append_c (padded, *p);
      else
        goto invalid;
    }
  if (padded->len == 0 || padded->len % 4 == 1)
    goto invalid;
  while (padded->len % 4 != 0)
    g_string_append_c (padded, '=');

  decoded = g_base64_decode (padded->str, &size);
  text = g_strndup ((const char *) decoded, size);
  parts = g_strsplit (text, ".", -1);
  if (g_strv_length (parts) != 3 || g_strcmp0 (parts[0], "v1") != 0 ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, length, &value, NULL))
    goto invalid;
  if (g_strcmp0 (parts[2], hash) != 0)
    {
      _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_BAD_REQUEST,
                                "The cursor “before” belongs to another list or filter; start again "
                                "without it.");
      return FALSE;
    }
  *position = (guint) value;
  return TRUE;

invalid:
  _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_BAD_REQUEST, "The cursor “before” is not valid.");
  return FALSE;
}

/* Handlers of the contract */

static void
handle_me (Request *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, COCKPIT_SIM_USER_NAME);
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, COCKPIT_SIM_USER_EMAIL);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, cockpit_enum_to_string (COCKPIT_TYPE_ROLE, COCKPIT_ROLE_OWNER));
  json_builder_end_object (builder);
  _cockpit_sim_reply_json (req, SOUP_STATUS_OK, json_builder_get_root (builder));
}

static void
handle_packages (Request *req)
{
  CockpitSimState *state = req->self->state;
  JsonArray *array = json_array_sized_new (state->packages->len);

  for (guint i = 0; i < state->packages->len; i++)
    json_array_add_element (array, cockpit_sim_package_to_json (g_ptr_array_index (state->packages, i),
                                                                req->now));
  _cockpit_sim_reply_list (req, "packages", array);
}

static void
handle_package (Request *req)
{
  CockpitSimPackage *package = _cockpit_sim_lookup_package (req);

  if (package != NULL)
    _cockpit_sim_reply_json (req, SOUP_STATUS_OK, cockpit_sim_package_to_json (package, req->now));
}

static void
handle_releases (Request *req)
{
  CockpitSimState *state = req->self->state;
  JsonArray *array = json_array_sized_new (state->releases->len);

  for (guint i = 0; i < state->releases->len; i++)
    json_array_add_element (array, cockpit_sim_release_to_json (g_ptr_array_index (state->releases, i)));
  _cockpit_sim_reply_list (req, "releases", array);
}

static void
handle_available_versions (Request *req)
{
  CockpitSimState *state = req->self->state;
  CockpitSimPackage *package = NULL;
  CockpitSimEnvironment *env = _cockpit_sim_lookup_environment (req, &package);
  JsonArray *array;

  if (env == NULL)
    return;

  array = json_array_new ();
  for (guint i = 0; i < state->releases->len; i++)
    {
      CockpitSimRelease *release = g_ptr_array_index (state->releases, i);

      if (cockpit_sim_engine_is_available (state, env, release))
        json_array_add_element (array, cockpit_sim_release_to_json (release));
    }
  _cockpit_sim_reply_list (req, "versions", array);
}

static void
handle_start_action (Request *req)
{
  CockpitSimulator *self = req->self;
  CockpitSimPackage *package = NULL;
  CockpitSimEnvironment *env = _cockpit_sim_lookup_environment (req, &package);
  g_autoptr(GError) error = NULL;
  CockpitSimAction *action;

  if (env == NULL)
    return;

  action = cockpit_sim_engine_start (self->state, package, env, req->route_arg, req->body,
                                     _cockpit_simulator_now_seconds (self), self->stage_duration, &error);
  if (action == NULL)
    {
      _cockpit_sim_reply_gerror (req, error);
      return;
    }

  req->changed = TRUE;
  req->location = g_strdup_printf ("/api/v1/actions/%s", action->id);
  _cockpit_sim_reply_json (req, SOUP_STATUS_ACCEPTED, cockpit_sim_action_to_json (action, req->now));
}

static void
handle_action (Request *req)
{
  CockpitSimAction *action = g_hash_table_lookup (req->self->state->actions, req->args[0]);

  if (action == NULL)
    _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_NOT_FOUND, "There is no action “%s”.", req->args[0]);
  else
    _cockpit_sim_reply_json (req, SOUP_STATUS_OK, cockpit_sim_action_to_json (action, req->now));
}

void
_cockpit_sim_reply_page (Request    *req,
                         const char *member,
                         JsonArray  *array,
                         const char *next_before)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_array_member (object, member, array);
  if (next_before != NULL)
    json_object_set_string_member (object, "next_before", next_before);
  else
    json_object_set_null_member (object, "next_before");
  json_node_set_object (node, object);
  _cockpit_sim_reply_json (req, SOUP_STATUS_OK, node);
}

static void
handle_package_actions (Request *req)
{
  CockpitSimPackage *package = _cockpit_sim_lookup_package (req);
  g_autofree char *hash = NULL;
  g_autofree char *next = NULL;
  JsonArray *array;
  guint limit, position, i;

  if (package == NULL || !_cockpit_sim_parse_limit (req, &limit))
    return;
  hash = _cockpit_sim_cursor_hash ("actions", package->id, "");
  if (!_cockpit_sim_cursor_decode (req, hash, package->actions->len, &position))
    return;

  array = json_array_new ();
  for (i = position; i > 0 && json_array_get_length (array) < limit; i--)
    json_array_add_element (array, cockpit_sim_action_to_json (g_ptr_array_index (package->actions, i - 1),
                                                               req->now));
  if (i > 0)
    next = _cockpit_sim_cursor_encode (i, hash);
  _cockpit_sim_reply_page (req, "actions", array, next);
}

static void
handle_activity (Request *req)
{
  CockpitSimPackage *package = _cockpit_sim_lookup_package (req);
  const char *type_text = _cockpit_sim_query_get (req, "type");
  const char *affects_text = _cockpit_sim_query_get (req, "affects");
  const char *q = _cockpit_sim_query_get (req, "q");
  g_autofree char *folded_q = NULL;
  g_autofree char *filter = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *next = NULL;
  int type = -1, affects = -1;
  JsonArray *array;
  guint limit, position, last = 0;
  gint64 i;

  if (package == NULL || !_cockpit_sim_parse_limit (req, &limit))
    return;
  if (type_text != NULL && !cockpit_enum_from_string (COCKPIT_TYPE_ENTRY_TYPE, type_text, &type))
    {
      _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_BAD_REQUEST,
                                "“type” must be one of info, warning or error.");
      return;
    }
  if (affects_text != NULL &&
      !cockpit_enum_from_string (COCKPIT_TYPE_ENVIRONMENT_KIND, affects_text, &affects))
    {
      _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_BAD_REQUEST,
                                "“affects” must be one of live, uat or integration.");
      return;
    }
  if (q != NULL && *q != '\0')
    folded_q = g_utf8_casefold (q, -1);

  filter = g_strdup_printf ("type=%d\naffects=%d\nq=%s", type, affects, folded_q ? folded_q : "");
  hash = _cockpit_sim_cursor_hash ("activity", package->id, filter);
  if (!_cockpit_sim_cursor_decode (req, hash, package->activity->len, &position))
    return;

  array = json_array_new ();
  for (i = (gint64) position - 1; i >= 0; i--)
    {
      CockpitSimEntry *entry = g_ptr_array_index (package->activity, i);

      if ((type >= 0 && (int) entry->type != type) ||
          (affects >= 0 && (int) entry->affects != affects) ||
          (folded_q != NULL && strstr (cockpit_sim_entry_get_folded (entry), folded_q) == NULL))
        continue;

      /* One match more than the page: then there is a next page. */
      if (json_array_get_length (array) == limit)
        {
          next = _cockpit_sim_cursor_encode (last, hash);
          break;
        }
      json_array_add_element (array, cockpit_sim_entry_to_json (package, entry));
      last = (guint) i;
    }
  _cockpit_sim_reply_page (req, "entries", array, next);
}

static void
handle_notifications (Request *req)
{
  CockpitSimState *state = req->self->state;
  JsonArray *array = json_array_sized_new (state->notifications->len);

  for (guint i = 0; i < state->notifications->len; i++)
    json_array_add_element (array, cockpit_sim_notification_to_json (g_ptr_array_index (state->notifications, i)));
  _cockpit_sim_reply_list (req, "notifications", array);
}

static void
handle_notification_mark (Request *req)
{
  CockpitSimNotification *notification;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;

  notification = cockpit_sim_state_find_notification (req->self->state, req->args[0]);
  if (notification == NULL)
    {
      _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_NOT_FOUND, "There is no notification “%s”.", req->args[0]);
      return;
    }
  body = cockpit_sim_engine_parse_body (req->body, FALSE, &error);
  if (error != NULL)
    {
      _cockpit_sim_reply_gerror (req, error);
      return;
    }

  if (req->route_arg == 0)
    notification->read = TRUE;
  else
    notification->archived = TRUE;
  req->changed = TRUE;
  req->status = SOUP_STATUS_NO_CONTENT;
}

#define ENV "/api/v1/packages/*/environments/*"

const Route _cockpit_sim_contract_routes[] = {
  { "GET", "/api/v1/me", handle_me, 0, FALSE },
  { "GET", "/api/v1/packages", handle_packages, 0, FALSE },
  { "GET", "/api/v1/packages/*", handle_package, 0, FALSE },
  { "GET", ENV "/available-versions", handle_available_versions, 0, FALSE },
  { "POST", ENV "/upgrade", handle_start_action, COCKPIT_ACTION_KIND_UPGRADE, FALSE },
  { "POST", ENV "/upgrade-backup/extend", handle_start_action, COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP, FALSE },
  { "DELETE", ENV "/upgrade-backup", handle_start_action, COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP, FALSE },
  { "POST", ENV "/upgrade-backup/restore", handle_start_action, COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP, FALSE },
  { "POST", ENV "/backups", handle_start_action, COCKPIT_ACTION_KIND_CREATE_BACKUP, FALSE },
  { "DELETE", ENV, handle_start_action, COCKPIT_ACTION_KIND_TEARDOWN, FALSE },
  { "GET", "/api/v1/actions/*", handle_action, 0, FALSE },
  { "GET", "/api/v1/packages/*/actions", handle_package_actions, 0, FALSE },
  { "GET", "/api/v1/packages/*/activity", handle_activity, 0, FALSE },
  { "GET", "/api/v1/releases", handle_releases, 0, FALSE },
  { "GET", "/api/v1/notifications", handle_notifications, 0, FALSE },
  { "POST", "/api/v1/notifications/*/read", handle_notification_mark, 0, FALSE },
  { "POST", "/api/v1/notifications/*/archive", handle_notification_mark, 1, FALSE },
  { NULL },
};

#undef ENV
