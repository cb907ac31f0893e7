/* cockpit-sim-router.c: from the server to a handler: token, size, route, idempotency key, save.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each request is handled in this order: the token (401) and the body's
 * size (413) as soon as the headers are in; then everything due on the
 * simulated clock is carried out; then the route (404, 405), the
 * idempotency key, and the handler.  The state file is written before
 * the answer to any request that changed something.
 */
#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "cockpit-json.h"
#include "cockpit-sim-engine.h"
#include "cockpit-sim-private.h"
#include "cockpit-sim-request-private.h"

#define MAX_BODY_SIZE        (1024 * 1024)
#define IDEMPOTENCY_WINDOW   (24 * COCKPIT_SIM_HOUR)
#define MAX_KEY_LENGTH       255

/* Writes an error straight into a message, before its body is read. */
static void
set_message_error (SoupServerMessage *msg,
                   CockpitSimError    code,
                   const char        *message)
{
  g_autoptr(JsonNode) node = _cockpit_sim_error_node (code, message);
  char *text = json_to_string (node, FALSE);

  soup_server_message_set_status (msg, cockpit_sim_error_http_status (code), NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text, strlen (text));
}

/* The routes in the order they are tried. */
static const Route *const route_tables[] = {
  _cockpit_sim_contract_routes,
  _cockpit_sim_plan_routes,
  _cockpit_sim_control_routes,
};

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
      _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_BAD_REQUEST,
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
          _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_IDEMPOTENCY_MISMATCH,
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
      _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_NOT_FOUND, "There is nothing at “%s”.", path);
      return;
    }

  for (guint t = 0; found == NULL && t < G_N_ELEMENTS (route_tables); t++)
    for (const Route *route = route_tables[t]; route->method != NULL; route++)
      {
        const char *args[2] = { NULL, NULL };

        if (route->test_control && !self->test_controls)
          continue;
        if (!route_matches (route, segments, args))
          continue;
        if (g_str_equal (route->method, method))
          {
            found = route;
            req->args[0] = args[0];
            req->args[1] = args[1];
            req->route_arg = route->arg;
            break;
          }
        if (!g_ptr_array_find_with_equal_func (allowed, route->method, g_str_equal, NULL))
          g_ptr_array_add (allowed, (gpointer) route->method);
      }

  if (found == NULL && allowed->len == 0)
    {
      _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_NOT_FOUND, "There is nothing at “%s”.", path);
      return;
    }
  if (found == NULL)
    {
      g_autofree char *quoted_method = quote_path (req->method);

      g_ptr_array_add (allowed, NULL);
      req->allow = g_strjoinv (", ", (char **) allowed->pdata);
      _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_METHOD_NOT_ALLOWED,
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
  req->now = _cockpit_simulator_now (self);
  due_changed = cockpit_sim_engine_process_due (self->state, req->now);

  if (g_bytes_get_size (req->body) > MAX_BODY_SIZE)
    _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_PAYLOAD_TOO_LARGE,
                              "The request body is larger than 1 MiB.");
  else
    dispatch (req);

  if (req->changed || due_changed)
    {
      g_autoptr(GError) error = NULL;

      if (!_cockpit_simulator_save_state (self, &error) && req->changed)
        {
          g_clear_pointer (&req->location, g_free);
          _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_INTERNAL,
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
  _cockpit_sim_request_clear (&req);
  _cockpit_simulator_reschedule (self);
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
      g_autoptr(JsonNode) node = _cockpit_sim_error_node (code, message);

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
  _cockpit_sim_request_clear (&req);
  _cockpit_simulator_reschedule (self);
  return status;
}

/* Raw paths: the router decodes each segment itself (see split_path()). */
SoupServer *
_cockpit_sim_router_new_server (CockpitSimulator *self)
{
  SoupServer *server = soup_server_new ("server-header", "cockpit-sim", "raw-paths", TRUE, NULL);

  soup_server_add_early_handler (server, NULL, early_cb, self, NULL);
  soup_server_add_handler (server, NULL, server_cb, self, NULL);
  return server;
}
