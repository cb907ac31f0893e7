/* cockpit-simulator.c: an HTTP server that plays a cockpit backend, for demos and tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each request is handled in this order: the token (401) and the body's
 * size (413) as soon as the headers are in; then everything due on the
 * simulated clock is carried out; then the route (404, 405), the
 * idempotency key, and the handler.  The state file is written before
 * the answer to any request that changed something.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <libsoup/soup.h>

#include "cockpit-json.h"
#include "cockpit-sim-document.h"
#include "cockpit-sim-engine.h"
#include "cockpit-sim-listener.h"
#include "cockpit-sim-recorder.h"
#include "cockpit-sim-seed.h"
#include "cockpit-sim-state.h"
#include "cockpit-simulator.h"
#include "cockpit-sim-private.h"

#define MAX_BODY_SIZE        (1024 * 1024)
#define DEFAULT_LIMIT        100
#define MAX_LIMIT            1000
#define IDEMPOTENCY_WINDOW   (24 * COCKPIT_SIM_HOUR)
#define MAX_KEY_LENGTH       255

struct _CockpitSimulator
{
  GObject          parent_instance;

  /* Settings */
  guint8           token_digest[32];
  char            *state_path;
  CockpitSimSeed   seed;
  gint64           stage_duration;
  gboolean         test_controls;

  /* Owned */
  CockpitSimState *state;
  SoupServer      *server;
  CockpitSimListener *listener;
  GMainContext    *context;
  GSource         *timer;
  char            *base_url;
  guint            port;
  gboolean         stopped;
  int              lock_fd;            /* holds "<state_path>.lock", or -1 */
};

G_DEFINE_FINAL_TYPE (CockpitSimulator, cockpit_simulator, G_TYPE_OBJECT)

G_DEFINE_QUARK (cockpit-sim-error-quark, cockpit_sim_error)

static const struct {
  guint       status;
  const char *code;
} error_codes[] = {
  [COCKPIT_SIM_ERROR_BAD_REQUEST] = { 400, "bad_request" },
  [COCKPIT_SIM_ERROR_UNAUTHORIZED] = { 401, "unauthorized" },
  [COCKPIT_SIM_ERROR_NOT_FOUND] = { 404, "not_found" },
  [COCKPIT_SIM_ERROR_NO_UPGRADE_BACKUP] = { 404, "no_upgrade_backup" },
  [COCKPIT_SIM_ERROR_METHOD_NOT_ALLOWED] = { 405, "method_not_allowed" },
  [COCKPIT_SIM_ERROR_MAINTENANCE] = { 409, "maintenance" },
  [COCKPIT_SIM_ERROR_PACKAGE_BUSY] = { 409, "package_busy" },
  [COCKPIT_SIM_ERROR_ENVIRONMENT_PROTECTED] = { 409, "environment_protected" },
  [COCKPIT_SIM_ERROR_UPGRADE_BACKUP_EXISTS] = { 409, "upgrade_backup_exists" },
  [COCKPIT_SIM_ERROR_PAYLOAD_TOO_LARGE] = { 413, "payload_too_large" },
  [COCKPIT_SIM_ERROR_VERSION_NOT_AVAILABLE] = { 422, "version_not_available" },
  [COCKPIT_SIM_ERROR_EXTENSION_LIMIT] = { 422, "extension_limit" },
  [COCKPIT_SIM_ERROR_NOT_SUPPORTED] = { 422, "not_supported" },
  [COCKPIT_SIM_ERROR_IDEMPOTENCY_MISMATCH] = { 422, "idempotency_mismatch" },
  [COCKPIT_SIM_ERROR_INTERNAL] = { 500, "internal_error" },
  [COCKPIT_SIM_ERROR_STATE_FILE] = { 500, "internal_error" },
  [COCKPIT_SIM_ERROR_STATE_FILE_IN_USE] = { 500, "internal_error" },
};

const char *
cockpit_sim_error_code_string (CockpitSimError code)
{
  if ((guint) code >= G_N_ELEMENTS (error_codes))
    return "internal_error";
  return error_codes[code].code;
}

guint
cockpit_sim_error_http_status (CockpitSimError code)
{
  if ((guint) code >= G_N_ELEMENTS (error_codes))
    return 500;
  return error_codes[code].status;
}

gboolean
cockpit_sim_seed_from_string (const char     *text,
                              CockpitSimSeed *seed)
{
  static const char *const names[] = { "demo", "large", "empty" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_strcmp0 (text, names[i]) == 0)
        {
          if (seed != NULL)
            *seed = (CockpitSimSeed) i;
          return TRUE;
        }
    }
  return FALSE;
}

/* The clock */

static gint64
get_now (CockpitSimulator *self)
{
  return g_get_real_time () + self->state->clock_offset;
}

/* Times that are recorded (an action's start) are whole seconds, as the
 * answers show them. */
static gint64
get_now_seconds (CockpitSimulator *self)
{
  gint64 now = get_now (self);

  return now - now % G_USEC_PER_SEC;
}

static gboolean save_state (CockpitSimulator  *self,
                            GError           **error);
static void     reschedule (CockpitSimulator  *self);

static gboolean
timer_cb (gpointer user_data)
{
  CockpitSimulator *self = user_data;

  g_clear_pointer (&self->timer, g_source_unref);
  if (cockpit_sim_engine_process_due (self->state, get_now (self)))
    {
      g_autoptr(GError) error = NULL;

      /* Nothing is lost when this fails: the events follow from the clock
       * and are carried out again after a restart. */
      if (!save_state (self, &error))
        g_debug ("Could not save the simulator state: %s", error->message);
    }
  reschedule (self);
  return G_SOURCE_REMOVE;
}

static void
reschedule (CockpitSimulator *self)
{
  gint64 next, delay;

  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }
  if (self->stopped)
    return;

  next = cockpit_sim_engine_next_due (self->state);
  if (next == G_MAXINT64)
    return;

  /* Rounded up so that the event is due when the timer fires; at most an
   * hour, so that a change of the system clock is caught up with. */
  delay = next - get_now (self);
  delay = delay <= 0 ? 0 : MIN ((delay + 999) / 1000, 3600 * 1000);
  self->timer = g_timeout_source_new ((guint) delay);
  g_source_set_callback (self->timer, timer_cb, self, NULL);
  g_source_attach (self->timer, self->context);
}

/* The state file */

static gboolean
save_state (CockpitSimulator  *self,
            GError           **error)
{
  g_autofree char *data = NULL;
  gsize length;

  if (self->state_path == NULL)
    return TRUE;

  data = cockpit_sim_state_serialize (self->state, &length);
  return g_file_set_contents_full (self->state_path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

/* Requests */

typedef struct {
  CockpitSimulator  *self;
  const char        *method;
  const char        *encoded_path; /* the path as sent, escapes and all */
  const char        *raw_query;    /* the query as sent, or NULL */
  SoupMessageHeaders *request_headers;
  SoupMessageHeaders *response_headers;
  const char        *args[2];      /* the path's variable parts */
  int                route_arg;
  GHashTable        *query;
  GBytes            *body;
  gint64             now;

  /* The answer */
  guint              status;
  char              *answer;       /* JSON text, or NULL for no body */
  char              *location;
  char              *allow;
  gboolean           changed;      /* the state must be saved first */
} Request;

static void
request_clear (Request *req)
{
  g_clear_pointer (&req->answer, g_free);
  g_clear_pointer (&req->location, g_free);
  g_clear_pointer (&req->allow, g_free);
  g_clear_pointer (&req->body, g_bytes_unref);
}

static void
reply_json (Request  *req,
            guint     status,
            JsonNode *node)
{
  g_autoptr(JsonNode) owned = node;

  req->status = status;
  g_clear_pointer (&req->answer, g_free);
  req->answer = json_to_string (owned, FALSE);
}

static void
reply_list (Request    *req,
            const char *member,
            JsonArray  *array)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_array_member (object, member, array);
  json_node_set_object (node, object);
  reply_json (req, SOUP_STATUS_OK, node);
}

static JsonNode *
error_node (CockpitSimError  code,
            const char      *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, cockpit_sim_error_code_string (code));
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
reply_error (Request         *req,
             CockpitSimError  code,
             const char      *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
reply_error (Request         *req,
             CockpitSimError  code,
             const char      *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  reply_json (req, cockpit_sim_error_http_status (code), error_node (code, message));
}

static void
reply_gerror (Request *req,
              GError  *error)
{
  if (error->domain == COCKPIT_SIM_ERROR)
    reply_error (req, error->code, "%s", error->message);
  else
    reply_error (req, COCKPIT_SIM_ERROR_INTERNAL, "%s", error->message);
}

/* Writes an error straight into a message, before its body is read. */
static void
set_message_error (SoupServerMessage *msg,
                   CockpitSimError    code,
                   const char        *message)
{
  g_autoptr(JsonNode) node = error_node (code, message);
  char *text = json_to_string (node, FALSE);

  soup_server_message_set_status (msg, cockpit_sim_error_http_status (code), NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text, strlen (text));
}

static const char *
query_get (Request    *req,
           const char *name)
{
  return req->query != NULL ? g_hash_table_lookup (req->query, name) : NULL;
}

static CockpitSimPackage *
lookup_package (Request *req)
{
  CockpitSimPackage *package = cockpit_sim_state_find_package (req->self->state, req->args[0]);

  if (package == NULL)
    reply_error (req, COCKPIT_SIM_ERROR_NOT_FOUND, "There is no package “%s”.", req->args[0]);
  return package;
}

static CockpitSimEnvironment *
lookup_environment (Request            *req,
                    CockpitSimPackage **package_out)
{
  CockpitSimPackage *package = lookup_package (req);
  CockpitSimEnvironment *env;

  if (package == NULL)
    return NULL;
  env = cockpit_sim_package_find_environment (package, req->args[1]);
  if (env == NULL)
    reply_error (req, COCKPIT_SIM_ERROR_NOT_FOUND, "The package “%s” has no environment “%s”.",
                 package->id, req->args[1]);
  *package_out = package;
  return env;
}

/* Parses "limit": a whole number from 1 to 1000, 100 when absent. */
static gboolean
parse_limit (Request *req,
             guint   *limit)
{
  const char *text = query_get (req, "limit");
  guint64 value;

  *limit = DEFAULT_LIMIT;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, MAX_LIMIT, &value, NULL))
    {
      reply_error (req, COCKPIT_SIM_ERROR_BAD_REQUEST,
                   "“limit” must be a whole number from 1 to %d.", MAX_LIMIT);
      return FALSE;
    }
  *limit = (guint) value;
  return TRUE;
}

/* Cursors are opaque to clients: base64 of a position in the list and a
 * hash of the list and filter they belong to. */
static char *
cursor_hash (const char *list,
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
static char *
cursor_encode (guint       position,
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
static gboolean
cursor_decode (Request    *req,
               const char *hash,
               guint       length,
               guint      *position)
{
  const char *cursor = query_get (req, "before");
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
      reply_error (req, COCKPIT_SIM_ERROR_BAD_REQUEST,
                   "The cursor “before” belongs to another list or filter; start again "
                   "without it.");
      return FALSE;
    }
  *position = (guint) value;
  return TRUE;

invalid:
  reply_error (req, COCKPIT_SIM_ERROR_BAD_REQUEST, "The cursor “before” is not valid.");
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
  reply_json (req, SOUP_STATUS_OK, json_builder_get_root (builder));
}

static void
handle_packages (Request *req)
{
  CockpitSimState *state = req->self->state;
  JsonArray *array = json_array_sized_new (state->packages->len);

  for (guint i = 0; i < state->packages->len; i++)
    json_array_add_element (array, cockpit_sim_package_to_json (g_ptr_array_index (state->packages, i),
                                                                req->now));
  reply_list (req, "packages", array);
}

static void
handle_package (Request *req)
{
  CockpitSimPackage *package = lookup_package (req);

  if (package != NULL)
    reply_json (req, SOUP_STATUS_OK, cockpit_sim_package_to_json (package, req->now));
}

static void
handle_releases (Request *req)
{
  CockpitSimState *state = req->self->state;
  JsonArray *array = json_array_sized_new (state->releases->len);

  for (guint i = 0; i < state->releases->len; i++)
    json_array_add_element (array, cockpit_sim_release_to_json (g_ptr_array_index (state->releases, i)));
  reply_list (req, "releases", array);
}

static void
handle_available_versions (Request *req)
{
  CockpitSimState *state = req->self->state;
  CockpitSimPackage *package = NULL;
  CockpitSimEnvironment *env = lookup_environment (req, &package);
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
  reply_list (req, "versions", array);
}

static void
handle_start_action (Request *req)
{
  CockpitSimulator *self = req->self;
  CockpitSimPackage *package = NULL;
  CockpitSimEnvironment *env = lookup_environment (req, &package);
  g_autoptr(GError) error = NULL;
  CockpitSimAction *action;

  if (env == NULL)
    return;

  action = cockpit_sim_engine_start (self->state, package, env, req->route_arg, req->body,
                                     get_now_seconds (self), self->stage_duration, &error);
  if (action == NULL)
    {
      reply_gerror (req, error);
      return;
    }

  req->changed = TRUE;
  req->location = g_strdup_printf ("/api/v1/actions/%s", action->id);
  reply_json (req, SOUP_STATUS_ACCEPTED, cockpit_sim_action_to_json (action, req->now));
}

static void
handle_action (Request *req)
{
  CockpitSimAction *action = g_hash_table_lookup (req->self->state->actions, req->args[0]);

  if (action == NULL)
    reply_error (req, COCKPIT_SIM_ERROR_NOT_FOUND, "There is no action “%s”.", req->args[0]);
  else
    reply_json (req, SOUP_STATUS_OK, cockpit_sim_action_to_json (action, req->now));
}

static void
reply_page (Request    *req,
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
  reply_json (req, SOUP_STATUS_OK, node);
}

static void
handle_package_actions (Request *req)
{
  CockpitSimPackage *package = lookup_package (req);
  g_autofree char *hash = NULL;
  g_autofree char *next = NULL;
  JsonArray *array;
  guint limit, position, i;

  if (package == NULL || !parse_limit (req, &limit))
    return;
  hash = cursor_hash ("actions", package->id, "");
  if (!cursor_decode (req, hash, package->actions->len, &position))
    return;

  array = json_array_new ();
  for (i = position; i > 0 && json_array_get_length (array) < limit; i--)
    json_array_add_element (array, cockpit_sim_action_to_json (g_ptr_array_index (package->actions, i - 1),
                                                               req->now));
  if (i > 0)
    next = cursor_encode (i, hash);
  reply_page (req, "actions", array, next);
}

static void
handle_activity (Request *req)
{
  CockpitSimPackage *package = lookup_package (req);
  const char *type_text = query_get (req, "type");
  const char *affects_text = query_get (req, "affects");
  const char *q = query_get (req, "q");
  g_autofree char *folded_q = NULL;
  g_autofree char *filter = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *next = NULL;
  int type = -1, affects = -1;
  JsonArray *array;
  guint limit, position, last = 0;
  gint64 i;

  if (package == NULL || !parse_limit (req, &limit))
    return;
  if (type_text != NULL && !cockpit_enum_from_string (COCKPIT_TYPE_ENTRY_TYPE, type_text, &type))
    {
      reply_error (req, COCKPIT_SIM_ERROR_BAD_REQUEST,
                   "“type” must be one of info, warning or error.");
      return;
    }
  if (affects_text != NULL &&
      !cockpit_enum_from_string (COCKPIT_TYPE_ENVIRONMENT_KIND, affects_text, &affects))
    {
      reply_error (req, COCKPIT_SIM_ERROR_BAD_REQUEST,
                   "“affects” must be one of live, uat or integration.");
      return;
    }
  if (q != NULL && *q != '\0')
    folded_q = g_utf8_casefold (q, -1);

  filter = g_strdup_printf ("type=%d\naffects=%d\nq=%s", type, affects, folded_q ? folded_q : "");
  hash = cursor_hash ("activity", package->id, filter);
  if (!cursor_decode (req, hash, package->activity->len, &position))
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
          next = cursor_encode (last, hash);
          break;
        }
      json_array_add_element (array, cockpit_sim_entry_to_json (package, entry));
      last = (guint) i;
    }
  reply_page (req, "entries", array, next);
}

static void
handle_notifications (Request *req)
{
  CockpitSimState *state = req->self->state;
  JsonArray *array = json_array_sized_new (state->notifications->len);

  for (guint i = 0; i < state->notifications->len; i++)
    json_array_add_element (array, cockpit_sim_notification_to_json (g_ptr_array_index (state->notifications, i)));
  reply_list (req, "notifications", array);
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
      reply_error (req, COCKPIT_SIM_ERROR_NOT_FOUND, "There is no notification “%s”.", req->args[0]);
      return;
    }
  body = cockpit_sim_engine_parse_body (req->body, FALSE, &error);
  if (error != NULL)
    {
      reply_gerror (req, error);
      return;
    }

  if (req->route_arg == 0)
    notification->read = TRUE;
  else
    notification->archived = TRUE;
  req->changed = TRUE;
  req->status = SOUP_STATUS_NO_CONTENT;
}

/* Test controls */

static void
reply_clock (Request *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *now = cockpit_sim_format_time (get_now (req->self));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "now");
  json_builder_add_string_value (builder, now);
  json_builder_set_member_name (builder, "offset_seconds");
  json_builder_add_int_value (builder, req->self->state->clock_offset / G_USEC_PER_SEC);
  json_builder_end_object (builder);
  reply_json (req, SOUP_STATUS_OK, json_builder_get_root (builder));
}

static void
handle_clock_get (Request *req)
{
  reply_clock (req);
}

static void
handle_clock_advance (Request *req)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *member;
  double seconds;

  body = cockpit_sim_engine_parse_body (req->body, TRUE, &error);
  if (body == NULL)
    {
      reply_gerror (req, error);
      return;
    }
  member = json_object_get_member (json_node_get_object (body), "advance_seconds");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      (json_node_get_value_type (member) != G_TYPE_INT64 &&
       json_node_get_value_type (member) != G_TYPE_DOUBLE) ||
      !isfinite (seconds = json_node_get_double (member)) ||
      seconds < 0 || seconds > 10.0 * 365 * 24 * 3600)
    {
      reply_error (req, COCKPIT_SIM_ERROR_BAD_REQUEST,
                   "“advance_seconds” must be a number of seconds from 0 to ten years; "
                   "the clock only goes forward.");
      return;
    }

  if (req->self->state->clock_offset + (gint64) (seconds * G_USEC_PER_SEC) > COCKPIT_SIM_MAX_CLOCK_OFFSET)
    {
      reply_error (req, COCKPIT_SIM_ERROR_BAD_REQUEST,
                   "The clock cannot go more than 1,000 years past the real time.");
      return;
    }
  req->self->state->clock_offset += (gint64) (seconds * G_USEC_PER_SEC);
  req->now = get_now (req->self);
  cockpit_sim_engine_process_due (req->self->state, req->now);
  req->changed = TRUE;
  reply_clock (req);
}

static void
handle_fail_next (Request *req)
{
  CockpitSimState *state = req->self->state;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  JsonNode *member;
  int stage;

  body = cockpit_sim_engine_parse_body (req->body, TRUE, &error);
  if (body == NULL)
    {
      reply_gerror (req, error);
      return;
    }
  member = json_object_get_member (json_node_get_object (body), "stage");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING ||
      !cockpit_enum_from_string (COCKPIT_TYPE_STAGE_NAME, json_node_get_string (member), &stage))
    {
      reply_error (req, COCKPIT_SIM_ERROR_BAD_REQUEST,
                   "“stage” must name a stage, such as “verify_replica”.");
      return;
    }

  g_array_append_val (state->fail_next, stage);
  req->changed = TRUE;
  array = json_array_new ();
  for (guint i = 0; i < state->fail_next->len; i++)
    json_array_add_string_element (array, cockpit_enum_to_string (COCKPIT_TYPE_STAGE_NAME,
                                                                  g_array_index (state->fail_next,
                                                                                 CockpitStageName, i)));
  reply_list (req, "fail_next", array);
}

static void
handle_maintenance (Request *req)
{
  CockpitSimPackage *package = lookup_package (req);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *member;

  if (package == NULL)
    return;
  body = cockpit_sim_engine_parse_body (req->body, TRUE, &error);
  if (body == NULL)
    {
      reply_gerror (req, error);
      return;
    }
  member = json_object_get_member (json_node_get_object (body), "message");
  if (member == NULL ||
      !(JSON_NODE_HOLDS_NULL (member) ||
        (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING &&
         *json_node_get_string (member) != '\0')))
    {
      reply_error (req, COCKPIT_SIM_ERROR_BAD_REQUEST,
                   "“message” must be a text that starts maintenance mode, or null to end it.");
      return;
    }

  g_free (package->maintenance_message);
  package->maintenance_message = JSON_NODE_HOLDS_NULL (member) ? NULL
                                                               : g_strdup (json_node_get_string (member));
  req->changed = TRUE;
  reply_json (req, SOUP_STATUS_OK, cockpit_sim_package_to_json (package, req->now));
}

/* Routing */

typedef void (*Handler) (Request *req);

typedef struct {
  const char *method;
  const char *pattern;       /* "*" matches one path segment */
  Handler     handler;
  int         arg;
  gboolean    test_control;
} Route;

#define ENV "/api/v1/packages/*/environments/*"

static const Route routes[] = {
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
  { "GET", "/_sim/clock", handle_clock_get, 0, TRUE },
  { "POST", "/_sim/clock", handle_clock_advance, 0, TRUE },
  { "POST", "/_sim/fail-next", handle_fail_next, 0, TRUE },
  { "POST", "/_sim/packages/*/maintenance", handle_maintenance, 0, TRUE },
};

#undef ENV

static gboolean
route_matches (const Route  *route,
               char        **segments,
               const char  **args)
{
  g_auto(GStrv) pattern = g_strsplit (route->pattern, "/", -1);
  guint n_args = 0;
  guint i;

  for (i = 0; pattern[i] != NULL && segments[i] != NULL; i++)
    {
      if (g_str_equal (pattern[i], "*"))
        {
          if (*segments[i] == '\0' || n_args == 2)
            return FALSE;
          args[n_args++] = segments[i];
        }
      else if (!g_str_equal (pattern[i], segments[i]))
        return FALSE;
    }
  return pattern[i] == NULL && segments[i] == NULL;
}

static char *
request_fingerprint (Request *req)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *query = req->raw_query;
  gsize length = 0;
  const guchar *data = req->body ? g_bytes_get_data (req->body, &length) : NULL;

  g_checksum_update (checksum, (const guchar *) req->method, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) req->encoded_path, -1);
  g_checksum_update (checksum, (const guchar *) "?", 1);
  if (query != NULL)
    g_checksum_update (checksum, (const guchar *) query, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  if (data != NULL)
    g_checksum_update (checksum, data, length);
  return g_strdup (g_checksum_get_string (checksum));
}

static void
purge_idempotency (CockpitSimulator *self,
                   gint64            now)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->state->idempotency);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CockpitSimIdempotencyRecord *record = value;

      if (record->at + IDEMPOTENCY_WINDOW <= now)
        g_hash_table_iter_remove (&iter);
    }
}

/* Runs a mutating request under its Idempotency-Key. */
static void
run_idempotent (Request     *req,
                const Route *route,
                const char  *key)
{
  CockpitSimulator *self = req->self;
  CockpitSimIdempotencyRecord *record;
  g_autofree char *fingerprint = NULL;

  if (*key == '\0' || strlen (key) > MAX_KEY_LENGTH)
    {
      reply_error (req, COCKPIT_SIM_ERROR_BAD_REQUEST,
                   "“Idempotency-Key” must have 1 to %d characters.", MAX_KEY_LENGTH);
      return;
    }

  purge_idempotency (self, req->now);
  fingerprint = request_fingerprint (req);
  record = g_hash_table_lookup (self->state->idempotency, key);
  if (record != NULL)
    {
      if (!g_str_equal (record->fingerprint, fingerprint))
        {
          reply_error (req, COCKPIT_SIM_ERROR_IDEMPOTENCY_MISMATCH,
                       "This Idempotency-Key was used for another request in the last 24 hours; "
                       "use a new key for a new request.");
          return;
        }
      req->status = record->status;
      req->answer = g_strdup (record->body);
      req->location = g_strdup (record->location);
      soup_message_headers_replace (req->response_headers, "Idempotency-Replayed", "true");
      return;
    }

  route->handler (req);

  /* Only accepted requests are recorded, so a rejected one can be sent
   * again with the same key once the reason has gone. */
  if (SOUP_STATUS_IS_SUCCESSFUL (req->status))
    {
      record = g_new0 (CockpitSimIdempotencyRecord, 1);
      record->key = g_strdup (key);
      record->fingerprint = g_steal_pointer (&fingerprint);
      record->at = req->now;
      record->status = req->status;
      record->location = g_strdup (req->location);
      record->body = g_strdup (req->answer);
      g_hash_table_replace (self->state->idempotency, record->key, record);
      req->changed = TRUE;
    }
}

/* The path's segments, each decoded on its own: libsoup hands handlers
 * the whole path decoded, where an escaped "/" inside an id ("acme%2Fweb")
 * would pass for a separator.  NULL when a segment does not decode to
 * printable UTF-8 without "/" — no route and no id has such a segment. */
static char **
split_path (const char *encoded)
{
  g_auto(GStrv) raw = g_strsplit (encoded, "/", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; raw[i] != NULL; i++)
    {
      g_autofree char *segment = g_uri_unescape_string (raw[i], "/");

      if (segment == NULL || strlen (segment) > 255 || !g_utf8_validate (segment, -1, NULL))
        return NULL;
      for (const char *p = segment; *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isprint (g_utf8_get_char (p)))
          return NULL;
      g_strv_builder_add (builder, segment);
    }
  return g_strv_builder_end (builder);
}

/* A path or a method as error messages quote it: valid UTF-8, and not
 * too long.  Both come as the client sent them, any bytes at all. */
static char *
quote_path (const char *path)
{
  g_autofree char *valid = g_utf8_make_valid (path, -1);
  g_autofree char *start = NULL;

  if (g_utf8_strlen (valid, -1) <= 120)
    return g_steal_pointer (&valid);
  start = g_utf8_substring (valid, 0, 120);
  return g_strconcat (start, "…", NULL);
}

static void
dispatch (Request *req)
{
  CockpitSimulator *self = req->self;
  const char *encoded = req->encoded_path;
  g_auto(GStrv) segments = split_path (encoded);
  g_autofree char *path = quote_path (encoded);
  g_autoptr(GPtrArray) allowed = g_ptr_array_new ();
  const char *method = req->method;
  const Route *found = NULL;

  /* HEAD is answered as GET; libsoup leaves out the body. */
  if (g_str_equal (method, "HEAD"))
    method = "GET";

  if (segments == NULL)
    {
      reply_error (req, COCKPIT_SIM_ERROR_NOT_FOUND, "There is nothing at “%s”.", path);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      const char *args[2] = { NULL, NULL };

      if (routes[i].test_control && !self->test_controls)
        continue;
      if (!route_matches (&routes[i], segments, args))
        continue;
      if (g_str_equal (routes[i].method, method))
        {
          found = &routes[i];
          req->args[0] = args[0];
          req->args[1] = args[1];
          req->route_arg = routes[i].arg;
          break;
        }
      if (!g_ptr_array_find_with_equal_func (allowed, routes[i].method, g_str_equal, NULL))
        g_ptr_array_add (allowed, (gpointer) routes[i].method);
    }

  if (found == NULL && allowed->len == 0)
    {
      reply_error (req, COCKPIT_SIM_ERROR_NOT_FOUND, "There is nothing at “%s”.", path);
      return;
    }
  if (found == NULL)
    {
      g_autofree char *quoted_method = quote_path (req->method);

      g_ptr_array_add (allowed, NULL);
      req->allow = g_strjoinv (", ", (char **) allowed->pdata);
      reply_error (req, COCKPIT_SIM_ERROR_METHOD_NOT_ALLOWED,
                   "“%s” does not take %s; it takes %s.", path, quoted_method, req->allow);
      return;
    }

  if (!found->test_control && !g_str_equal (method, "GET"))
    {
      const char *key = soup_message_headers_get_one (req->request_headers, "Idempotency-Key");

      if (key != NULL)
        {
          run_idempotent (req, found, key);
          return;
        }
    }
  found->handler (req);
}

/* The answer's headers other than its type; Idempotency-Replayed is set
 * by run_idempotent(). */
static void
set_answer_headers (Request *req)
{
  SoupMessageHeaders *headers = req->response_headers;

  if (req->location != NULL)
    soup_message_headers_replace (headers, "Location", req->location);
  if (req->allow != NULL)
    soup_message_headers_replace (headers, "Allow", req->allow);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
}

static void
send_answer (Request           *req,
             SoupServerMessage *msg)
{
  set_answer_headers (req);
  soup_server_message_set_status (msg, req->status, NULL);
  if (req->answer != NULL)
    {
      char *answer = g_steal_pointer (&req->answer);

      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                        answer, strlen (answer));
    }
}

/* Everything after the early checks: the clock, the body's size, the
 * route and its handler, and the save before the answer. */
static void
handle_request (Request *req)
{
  CockpitSimulator *self = req->self;
  gboolean due_changed;

  /* Behaviour depends on the clock only, not on when the timer fired. */
  req->now = get_now (self);
  due_changed = cockpit_sim_engine_process_due (self->state, req->now);

  if (g_bytes_get_size (req->body) > MAX_BODY_SIZE)
    reply_error (req, COCKPIT_SIM_ERROR_PAYLOAD_TOO_LARGE,
                 "The request body is larger than 1 MiB.");
  else
    dispatch (req);

  if (req->changed || due_changed)
    {
      g_autoptr(GError) error = NULL;

      if (!save_state (self, &error) && req->changed)
        {
          g_clear_pointer (&req->location, g_free);
          reply_error (req, COCKPIT_SIM_ERROR_INTERNAL,
                       "The simulator could not save its state, so the request may be lost "
                       "when it restarts: %s", error->message);
        }
    }
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  CockpitSimulator *self = user_data;
  Request req = { 0, };
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  GUri *uri = soup_server_message_get_uri (msg);

  req.self = self;
  req.method = soup_server_message_get_method (msg);
  req.encoded_path = uri != NULL ? g_uri_get_path (uri) : path;
  req.raw_query = uri != NULL ? g_uri_get_query (uri) : NULL;
  req.request_headers = soup_server_message_get_request_headers (msg);
  req.response_headers = soup_server_message_get_response_headers (msg);
  req.query = query;
  req.body = soup_message_body_flatten (body);

  handle_request (&req);
  send_answer (&req, msg);
  request_clear (&req);
  reschedule (self);
}

/* Too large a body is refused before it is read into memory; so is a
 * request without the token. */
static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  gsize *total = g_object_get_data (G_OBJECT (msg), "cockpit-sim-body-size");

  if (total == NULL || soup_server_message_get_status (msg) != 0)
    return;
  *total += g_bytes_get_size (chunk);
  if (*total > MAX_BODY_SIZE)
    {
      SoupMessageBody *body = soup_server_message_get_request_body (msg);

      soup_message_body_set_accumulate (body, FALSE);
      soup_message_body_truncate (body);
      set_message_error (msg, COCKPIT_SIM_ERROR_PAYLOAD_TOO_LARGE,
                         "The request body is larger than 1 MiB.");
    }
}

static gboolean
check_token (CockpitSimulator   *self,
             SoupMessageHeaders *headers)
{
  const char *header;
  g_autoptr(GChecksum) checksum = NULL;
  guint8 digest[32];
  gsize length = sizeof digest;
  guint8 diff = 0;

  header = soup_message_headers_get_one (headers, "Authorization");
  if (header == NULL)
    return FALSE;

  /* "Bearer TOKEN"; the scheme is case-insensitive (RFC 9110). */
  while (*header == ' ')
    header++;
  if (g_ascii_strncasecmp (header, "Bearer ", strlen ("Bearer ")) != 0)
    return FALSE;
  header += strlen ("Bearer ");
  while (*header == ' ')
    header++;

  /* Compared as SHA-256 digests, in constant time, so that neither the
   * token's length nor its content leaks through timing. */
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) header, -1);
  g_checksum_get_digest (checksum, digest, &length);
  for (guint i = 0; i < sizeof digest; i++)
    diff |= digest[i] ^ self->token_digest[i];
  return diff == 0;
}

/* The checks made as soon as the headers are in, before the body is
 * read: FALSE, with the error to answer, when the request is refused. */
static gboolean
check_headers (CockpitSimulator   *self,
               SoupMessageHeaders *headers,
               CockpitSimError    *code,
               const char        **message)
{
  if (!check_token (self, headers))
    {
      *code = COCKPIT_SIM_ERROR_UNAUTHORIZED;
      *message = "The request needs a valid token: send “Authorization: Bearer <token>”.";
      return FALSE;
    }

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > MAX_BODY_SIZE)
    {
      *code = COCKPIT_SIM_ERROR_PAYLOAD_TOO_LARGE;
      *message = "The request body is larger than 1 MiB.";
      return FALSE;
    }
  return TRUE;
}

static void
early_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  CockpitSimulator *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  CockpitSimError code;
  const char *message;

  if (!check_headers (self, headers, &code, &message))
    {
      soup_message_body_set_accumulate (body, FALSE);
      if (code == COCKPIT_SIM_ERROR_UNAUTHORIZED)
        soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                      "WWW-Authenticate", "Bearer");
      set_message_error (msg, code, message);
      return;
    }

  g_object_set_data_full (G_OBJECT (msg), "cockpit-sim-body-size", g_new0 (gsize, 1), g_free);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), NULL);
}

guint
cockpit_simulator_handle_request (CockpitSimulator   *self,
                                  const char         *method,
                                  const char         *path,
                                  const char         *query,
                                  SoupMessageHeaders *request_headers,
                                  GBytes             *body,
                                  SoupMessageHeaders *response_headers,
                                  char              **answer)
{
  g_autoptr(GHashTable) form = NULL;
  Request req = { 0, };
  CockpitSimError code;
  const char *message;
  guint status;

  g_return_val_if_fail (COCKPIT_IS_SIMULATOR (self), 0);
  g_return_val_if_fail (method != NULL && path != NULL && answer != NULL, 0);

  if (!check_headers (self, request_headers, &code, &message))
    {
      g_autoptr(JsonNode) node = error_node (code, message);

      if (code == COCKPIT_SIM_ERROR_UNAUTHORIZED)
        soup_message_headers_replace (response_headers, "WWW-Authenticate", "Bearer");
      *answer = json_to_string (node, FALSE);
      return cockpit_sim_error_http_status (code);
    }

  /* As libsoup's server hands its handlers the query. */
  if (query != NULL)
    form = soup_form_decode (query);

  req.self = self;
  req.method = method;
  req.encoded_path = path;
  req.raw_query = query;
  req.request_headers = request_headers;
  req.response_headers = response_headers;
  req.query = form;
  req.body = body != NULL ? g_bytes_ref (body) : g_bytes_new (NULL, 0);

  handle_request (&req);
  set_answer_headers (&req);
  status = req.status;
  *answer = g_steal_pointer (&req.answer);
  request_clear (&req);
  reschedule (self);
  return status;
}

/* GObject */

static void
cockpit_simulator_dispose (GObject *object)
{
  CockpitSimulator *self = COCKPIT_SIMULATOR (object);

  cockpit_simulator_stop (self);
  g_clear_object (&self->listener);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (cockpit_simulator_parent_class)->dispose (object);
}

static void
cockpit_simulator_finalize (GObject *object)
{
  CockpitSimulator *self = COCKPIT_SIMULATOR (object);

  g_clear_pointer (&self->state, cockpit_sim_state_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  /* Closing the descriptor releases the lock. */
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_free (self->state_path);
  g_free (self->base_url);

  G_OBJECT_CLASS (cockpit_simulator_parent_class)->finalize (object);
}

static void
cockpit_simulator_class_init (CockpitSimulatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cockpit_simulator_dispose;
  object_class->finalize = cockpit_simulator_finalize;
}

static void
cockpit_simulator_init (CockpitSimulator *self)
{
  self->lock_fd = -1;
}

/* Takes the lock of @path for this simulator.  flock() locks belong to the
 * open file, so a second simulator in the same process is refused too,
 * which fcntl() locks would not do.  The holder writes its process id into
 * the lock file, so the refusal can name it. */
static gboolean
lock_state_file (CockpitSimulator  *self,
                 const char        *path,
                 GError           **error)
{
  g_autofree char *lock_path = g_strconcat (path, ".lock", NULL);
  g_autofree char *pid = NULL;
  int fd;

  fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE,
                   "%s: %s", lock_path, g_strerror (saved_errno));
      return FALSE;
    }

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;
      char holder[32] = "";
      gssize n = read (fd, holder, sizeof holder - 1);

      close (fd);
      if (saved_errno != EWOULDBLOCK)
        {
          g_set_error (error, COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE,
                       "%s: %s", lock_path, g_strerror (saved_errno));
          return FALSE;
        }
      holder[MAX (n, 0)] = '\0';
      g_strstrip (holder);
      g_set_error (error, COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE_IN_USE,
                   "The state file %s is in use by another simulator (process %s); "
                   "stop that one first, or give this one a state file of its own.",
                   path, *holder != '\0' ? holder : "unknown");
      return FALSE;
    }

  pid = g_strdup_printf ("%d\n", (int) getpid ());
  if (ftruncate (fd, 0) != 0 || write (fd, pid, strlen (pid)) < 0)
    g_debug ("Could not write the process id into %s", lock_path);
  self->lock_fd = fd;
  return TRUE;
}

/* g_file_set_contents() writes "<path>.XXXXXX" and renames it over the
 * state file; a kill -9 between the two leaves it behind.  With the lock
 * held, any such file is stale. */
static void
remove_stale_temp_files (const char *path)
{
  g_autofree char *dir_name = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDir) dir = g_dir_open (dir_name, 0, NULL);
  gsize base_length = strlen (base);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean temp = strlen (name) == base_length + 7 &&
                      strncmp (name, base, base_length) == 0 &&
                      name[base_length] == '.';

      gboolean random_looking = FALSE;

      for (gsize i = base_length + 1; temp && name[i] != '\0'; i++)
        {
          temp = g_ascii_isalnum (name[i]);
          random_looking |= !g_ascii_islower (name[i]);
        }
      /* A word such as "backup" is somebody's copy, not ours (this keeps
       * about one stale file in 200, which the next save's rename
       * does not need anyway). */
      if (temp && random_looking)
        {
          g_autofree char *stale = g_build_filename (dir_name, name, NULL);

          if (g_unlink (stale) != 0)
            g_debug ("Could not remove %s: %s", stale, g_strerror (errno));
        }
    }
}

static CockpitSimState *
load_state (const char      *path,
            CockpitSimSeed   seed,
            gboolean        *created,
            GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  CockpitSimState *state;
  gsize length;

  *created = FALSE;
  if (path != NULL && g_file_get_contents (path, &data, &length, &local_error))
    {
      state = cockpit_sim_state_deserialize (data, length, error);
      if (state == NULL)
        g_prefix_error (error, "%s: ", path);
      return state;
    }
  if (local_error != NULL && !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_set_error (error, COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE,
                   "%s", local_error->message);
      return NULL;
    }

  state = cockpit_sim_state_new ();
  cockpit_sim_seed_fill (state, seed, g_get_real_time () / G_USEC_PER_SEC * G_USEC_PER_SEC);
  *created = TRUE;
  return state;
}

CockpitSimulator *
cockpit_simulator_new (const char      *token,
                       CockpitSimSeed   seed,
                       const char      *state_path,
                       double           stage_seconds,
                       gboolean         test_controls,
                       GError         **error)
{
  g_autoptr(CockpitSimulator) self = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  gsize length = sizeof self->token_digest;
  gboolean created;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (token == NULL || *token == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "The token must not be empty");
      return NULL;
    }
  if (!isfinite (stage_seconds) || stage_seconds < 0 || stage_seconds > 30 * 24 * 3600)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "The stage duration must be from 0 to 30 days");
      return NULL;
    }

  self = g_object_new (COCKPIT_TYPE_SIMULATOR, NULL);
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) token, -1);
  g_checksum_get_digest (checksum, self->token_digest, &length);
  self->state_path = g_strdup (state_path);
  self->seed = seed;
  self->stage_duration = (gint64) llround (stage_seconds * G_USEC_PER_SEC);
  self->test_controls = test_controls;
  self->context = g_main_context_ref_thread_default ();

  if (state_path != NULL && !lock_state_file (self, state_path, error))
    return NULL;
  if (state_path != NULL)
    remove_stale_temp_files (state_path);
  self->state = load_state (state_path, seed, &created, error);
  if (self->state == NULL)
    return NULL;

  /* Catch up with what fell due while the simulator was not running. */
  if ((cockpit_sim_engine_process_due (self->state, get_now (self)) || created) &&
      !save_state (self, error))
    return NULL;

  /* Raw paths: the router decodes each segment itself (see split_path()). */
  self->server = soup_server_new ("server-header", "cockpit-sim", "raw-paths", TRUE, NULL);
  soup_server_add_early_handler (self->server, NULL, early_cb, self, NULL);
  soup_server_add_handler (self->server, NULL, server_cb, self, NULL);
  cockpit_sim_document_serve (self->server);
  cockpit_sim_recorder_attach_from_environment (self->server);
  reschedule (self);

  return g_steal_pointer (&self);
}

gboolean
cockpit_simulator_listen (CockpitSimulator  *self,
                          const char        *address,
                          guint              port,
                          GError           **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autofree char *host = NULL;

  g_return_val_if_fail (COCKPIT_IS_SIMULATOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (!self->stopped, FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);

  if (address == NULL)
    address = "127.0.0.1";
  inet = g_inet_address_new_from_string (address);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not an IP address", address);
      return FALSE;
    }
  /* Our own accept loop, not soup_server_listen(): see cockpit-sim-listener.c. */
  self->listener = cockpit_sim_listener_new (self->server);
  if (!cockpit_sim_listener_listen (self->listener, inet, port, error))
    {
      g_clear_object (&self->listener);
      return FALSE;
    }
  self->port = cockpit_sim_listener_get_port (self->listener);

  host = g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6
         ? g_strdup_printf ("[%s]", address) : g_strdup (address);
  g_free (self->base_url);
  self->base_url = g_strdup_printf ("http://%s:%u", host, self->port);
  return TRUE;
}

const char *
cockpit_simulator_get_base_url (CockpitSimulator *self)
{
  g_return_val_if_fail (COCKPIT_IS_SIMULATOR (self), NULL);

  return self->base_url;
}

CockpitSimListener *
cockpit_simulator_get_listener (CockpitSimulator *self)
{
  g_return_val_if_fail (COCKPIT_IS_SIMULATOR (self), NULL);

  return self->listener;
}

guint
cockpit_simulator_get_port (CockpitSimulator *self)
{
  g_return_val_if_fail (COCKPIT_IS_SIMULATOR (self), 0);

  return self->port;
}

void
cockpit_simulator_advance_clock (CockpitSimulator *self,
                                 gint64            seconds)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (COCKPIT_IS_SIMULATOR (self));
  g_return_if_fail (seconds >= 0);

  /* Never further than a state file may hold (see cockpit-sim-state.h). */
  self->state->clock_offset = MIN (self->state->clock_offset + MIN (seconds, COCKPIT_SIM_MAX_CLOCK_OFFSET / G_USEC_PER_SEC) * G_USEC_PER_SEC,
                                   COCKPIT_SIM_MAX_CLOCK_OFFSET);
  cockpit_sim_engine_process_due (self->state, get_now (self));
  if (!save_state (self, &error))
    g_debug ("Could not save the simulator state: %s", error->message);
  reschedule (self);
}

GDateTime *
cockpit_simulator_get_now (CockpitSimulator *self)
{
  gint64 now;

  g_return_val_if_fail (COCKPIT_IS_SIMULATOR (self), NULL);

  now = get_now (self);
  return g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
}

double
cockpit_simulator_get_stage_seconds (CockpitSimulator *self)
{
  g_return_val_if_fail (COCKPIT_IS_SIMULATOR (self), 0);

  return (double) self->stage_duration / G_USEC_PER_SEC;
}

void
cockpit_simulator_set_stage_seconds (CockpitSimulator *self,
                                     double            seconds)
{
  g_return_if_fail (COCKPIT_IS_SIMULATOR (self));
  g_return_if_fail (isfinite (seconds) && seconds >= 0 && seconds <= 30 * 24 * 3600);

  self->stage_duration = (gint64) llround (seconds * G_USEC_PER_SEC);
}

void
cockpit_simulator_fail_next (CockpitSimulator *self,
                             CockpitStageName  stage)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (COCKPIT_IS_SIMULATOR (self));
  g_return_if_fail (stage != COCKPIT_STAGE_NONE);

  g_array_append_val (self->state->fail_next, stage);
  if (!save_state (self, &error))
    g_debug ("Could not save the simulator state: %s", error->message);
}

gboolean
cockpit_simulator_reset (CockpitSimulator  *self,
                         GError           **error)
{
  CockpitSimState *fresh;

  g_return_val_if_fail (COCKPIT_IS_SIMULATOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  fresh = cockpit_sim_state_new ();
  cockpit_sim_seed_fill (fresh, self->seed, g_get_real_time () / G_USEC_PER_SEC * G_USEC_PER_SEC);
  fresh->next_action = MAX (fresh->next_action, self->state->next_action);
  cockpit_sim_state_free (self->state);
  self->state = fresh;
  reschedule (self);
  return save_state (self, error);
}

void
cockpit_simulator_stop (CockpitSimulator *self)
{
  g_return_if_fail (COCKPIT_IS_SIMULATOR (self));

  self->stopped = TRUE;
  reschedule (self);
  if (self->listener != NULL)
    cockpit_sim_listener_stop (self->listener);
  if (self->server != NULL)
    soup_server_disconnect (self->server);
}

char *
cockpit_sim_read_token_file (const char  *path,
                             GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  /* The token goes into a header as it is: a NUL byte would cut it short
   * unseen, and a control character (a second line) could never be sent,
   * so the simulator would refuse every client. */
  if (memchr (contents, '\0', length) != NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "The token file holds a NUL byte; it must hold the token alone");
      return NULL;
    }
  g_strstrip (contents);
  for (const char *p = contents; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      {
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                     "The token file holds a control character or more than one line; "
                     "it must hold the token alone");
        return NULL;
      }
  return g_strdup (contents);
}
