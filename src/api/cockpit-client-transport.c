/* cockpit-client-transport.c: how one request is sent: deadline, retries, redirects, reading, decoding.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "cockpit-client-private.h"
#include "cockpit-client-request-private.h"

#define MAX_ATTEMPTS         3
#define MAX_REDIRECTS        5
#define READ_CHUNK           (64 * 1024)
/* A Retry-After longer than a day means "not now" whatever the number. */
#define MAX_RETRY_AFTER_S    (24 * 3600)

static void
request_free (Request *request)
{
  g_clear_handle_id (&request->deadline_id, g_source_remove);
  g_clear_handle_id (&request->retry_id, g_source_remove);
  g_clear_handle_id (&request->retry_cancel_id, g_source_remove);
  if (request->caller_handler != 0)
    g_cancellable_disconnect (request->caller_cancellable, request->caller_handler);
  g_clear_object (&request->caller_cancellable);
  g_clear_object (&request->cancellable);
  g_clear_object (&request->message);
  g_clear_object (&request->stream);
  g_clear_pointer (&request->buffer, g_byte_array_unref);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_clear_pointer (&request->uri, g_uri_unref);
  g_clear_object (&request->environment);
  g_free (request->method);
  g_free (request->path);
  g_free (request->idempotency_key);
  g_free (request);
}

static void send_attempt (GTask *task);

static gboolean
deadline_cb (gpointer user_data)
{
  Request *request = user_data;

  request->deadline_id = 0;
  request->timed_out = TRUE;
  g_cancellable_cancel (request->cancellable);
  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  Request *request = user_data;

  g_cancellable_cancel (request->cancellable);
}

static gboolean
is_retryable (Request            *request,
              CockpitClientError  code)
{
  /* A POST or DELETE is only sent again under the same idempotency key. */
  if (g_strcmp0 (request->method, "GET") != 0 && request->idempotency_key == NULL)
    return FALSE;

  return code == COCKPIT_CLIENT_ERROR_NETWORK ||
         code == COCKPIT_CLIENT_ERROR_SERVER ||
         code == COCKPIT_CLIENT_ERROR_RATE_LIMITED;
}

/* Retry-After: seconds or an HTTP date, in ms; -1 when absent or
 * unreadable.  Whatever the server sends, the result is at most a day:
 * a huge number must not overflow, and means "not now" all the same. */
static gint64
parse_retry_after (SoupMessageHeaders *headers)
{
  const char *value;
  gsize digits;

  value = soup_message_headers_get_one (headers, "Retry-After");
  if (value == NULL)
    return -1;

  /* delay-seconds = 1*DIGIT: no sign, no spaces, no fraction. */
  digits = strspn (value, "0123456789");
  if (digits > 0 && value[digits] == '\0')
    {
      guint64 seconds = MAX_RETRY_AFTER_S;

      /* Nine digits cannot overflow; more are more than a day anyway. */
      if (digits <= 9)
        seconds = MIN (g_ascii_strtoull (value, NULL, 10), MAX_RETRY_AFTER_S);
      return (gint64) seconds * 1000;
    }

  {
    g_autoptr(GDateTime) when = soup_date_time_new_from_http_string (value);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    GTimeSpan difference;

    if (when == NULL)
      return -1;
    /* Both lie within GDateTime's years 1 to 9999, so the difference in
     * µs cannot overflow. */
    difference = g_date_time_difference (when, now) / 1000;
    return CLAMP (difference, 0, (gint64) MAX_RETRY_AFTER_S * 1000);
  }
}

static gboolean
retry_cb (gpointer user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);

  request->retry_id = 0;
  g_clear_handle_id (&request->retry_cancel_id, g_source_remove);
  send_attempt (task);
  return G_SOURCE_REMOVE;
}

/* Cancelled, or out of time, while waiting to retry: the attempt goes at
 * once, so that it fails at once, not when the wait would have ended. */
static gboolean
retry_cancelled_cb (GCancellable *cancellable,
                    gpointer      user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);

  request->retry_cancel_id = 0;
  g_clear_handle_id (&request->retry_id, g_source_remove);
  send_attempt (task);
  return G_SOURCE_REMOVE;
}

/* Fails the task, or schedules another attempt when that may help. */
static void
fail_or_retry (GTask  *task,
               GError *error)
{
  CockpitClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  gint64 delay_ms;

  if (error->domain != COCKPIT_CLIENT_ERROR ||
      !is_retryable (request, error->code) ||
      request->attempt >= MAX_ATTEMPTS ||
      g_cancellable_is_cancelled (request->cancellable))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  delay_ms = request->message != NULL ? parse_retry_after (soup_message_get_response_headers (request->message)) : -1;
  if (delay_ms > (gint64) self->retry_max_ms)
    {
      /* Asking again before the cockpit said it is ready only earns
       * another refusal: give up and let the person try later. */
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  else if (delay_ms < 0)
    {
      /* Exponential back-off with jitter: half fixed, half random. */
      gint64 base = MIN ((gint64) self->retry_first_ms << (request->attempt - 1), (gint64) self->retry_max_ms);
      delay_ms = base / 2 + g_random_int_range (0, (gint32) (base / 2) + 1);
    }

  g_debug ("%s %s: attempt %u failed (%s), next in %" G_GINT64_FORMAT " ms",
           request->method, request->path, request->attempt, g_quark_to_string (error->domain), delay_ms);
  g_error_free (error);

  request->retry_id = g_timeout_add ((guint) delay_ms, retry_cb, task);
  {
    GSource *cancelled = g_cancellable_source_new (request->cancellable);

    g_source_set_callback (cancelled, G_SOURCE_FUNC (retry_cancelled_cb), task, NULL);
    request->retry_cancel_id = g_source_attach (cancelled, NULL);
    g_source_unref (cancelled);
  }
}

static int
port_of (GUri *uri)
{
  if (g_uri_get_port (uri) > 0)
    return g_uri_get_port (uri);
  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80;
}

static gboolean
same_origin (GUri *a,
             GUri *b)
{
  return g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0 &&
         g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0 &&
         port_of (a) == port_of (b);
}

/* Where a redirect from @from leads, or NULL when it may not be
 * followed: no Location, one that does not parse, or another origin. */
static GUri *
redirect_target (GUri               *from,
                 SoupMessageHeaders *headers)
{
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autoptr(GUri) target = NULL;

  if (location != NULL)
    target = g_uri_parse_relative (from, location, SOUP_HTTP_URI_FLAGS, NULL);
  if (target == NULL || !same_origin (from, target))
    return NULL;
  return g_steal_pointer (&target);
}

static gboolean
handle_redirect (GTask   *task,
                 guint    status)
{
  Request *request = g_task_get_task_data (task);
  g_autoptr(GUri) target = NULL;

  target = redirect_target (request->uri, soup_message_get_response_headers (request->message));
  if (target == NULL || request->redirects >= MAX_REDIRECTS)
    {
      g_task_return_new_error (task, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_REDIRECT_REFUSED,
                               _("The cockpit sent the request on to another address. To keep your token safe, it was not sent there. Check the cockpit address."));
      g_object_unref (task);
      return TRUE;
    }

  g_debug ("%s %s: redirected within the same cockpit", request->method, request->path);
  request->redirects++;
  g_uri_unref (request->uri);
  request->uri = g_steal_pointer (&target);
  if (status == SOUP_STATUS_SEE_OTHER)
    {
      g_free (request->method);
      request->method = g_strdup ("GET");
      g_clear_pointer (&request->body, g_bytes_unref);
    }
  send_attempt (task);
  return TRUE;
}

/* Parses and decodes a successful answer's body as the request expects
 * it.  The parser's and decoder's words are in @error, for the debug log. */
static gpointer
decode_answer (DecodeKind   decode,
               GType        type,
               const char  *member,
               GBytes      *body,
               GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  gpointer result = NULL;

  root = cockpit_json_parse (g_bytes_get_data (body, NULL), (gssize) g_bytes_get_size (body), error);
  if (root == NULL)
    return NULL;
  if (decode == DECODE_OBJECT)
    result = cockpit_json_decode (type, root, error);
  else
    result = cockpit_json_decode_member_list (type, root, member, error);

  if (result != NULL && decode == DECODE_ACTIVITY)
    {
      JsonNode *next = json_object_get_member (json_node_get_object (root), "next_before");

      /* The cursor goes into the next URL as it is: an exact value. */
      if (next != NULL && JSON_NODE_HOLDS_VALUE (next) && json_node_get_value_type (next) == G_TYPE_STRING &&
          strlen (json_node_get_string (next)) <= COCKPIT_TEXT_MAX_EXACT)
        g_object_set_data_full (result, "cockpit-next-before", g_strdup (json_node_get_string (next)), g_free);
      else if (next != NULL && !JSON_NODE_HOLDS_NULL (next))
        {
          g_clear_object (&result);
          g_set_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_WRONG_TYPE,
                       "“next_before” should be a string of at most %d bytes or null",
                       COCKPIT_TEXT_MAX_EXACT);
        }
    }
  return result;
}

/* The largest answer decoded on the main thread; see finish_answer(). */
#define DECODE_HERE_MAX (64 * 1024)

static void
decode_func (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GTask *outer = task_data;
  Request *request = g_task_get_task_data (outer);
  g_autoptr(GBytes) body = g_byte_array_free_to_bytes (g_steal_pointer (&request->buffer));
  g_autoptr(GError) error = NULL;
  gpointer result;

  result = decode_answer (request->decode, request->type, request->member, body, &error);
  if (result == NULL)
    {
      /* The parser's words are for developers, not for the message. */
      g_debug ("%s %s: the answer does not match the contract: %s",
               request->method, request->path, error->message);
      g_task_return_new_error (task, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_BAD_RESPONSE,
                               _("The cockpit sent an answer this app does not understand. The cockpit may be newer than the app; check for an update."));
      return;
    }

  g_task_return_pointer (task, result, g_object_unref);
}

static void
decoded_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *outer = user_data;
  GError *error = NULL;
  gpointer value;

  value = g_task_propagate_pointer (G_TASK (result), &error);
  if (value == NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_pointer (outer, value, g_object_unref);
  g_object_unref (outer);
}

static gboolean
is_json (SoupMessageHeaders *headers)
{
  const char *type = soup_message_headers_get_content_type (headers, NULL);

  return type != NULL &&
         (g_ascii_strcasecmp (type, "application/json") == 0 ||
          g_str_has_suffix (type, "+json"));
}

/* Keep cockpit_client_handle_answer() in step with this. */
static void
finish_answer (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  guint status = soup_message_get_status (request->message);

  g_debug ("%s %s: %u (%u bytes)", request->method, request->path, status, request->buffer->len);

  if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED)
    {
      handle_redirect (task, status);
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_autoptr(GBytes) body = g_bytes_new (request->buffer->data, request->buffer->len);
      fail_or_retry (task, _cockpit_client_error_from_answer (request, status, body));
      return;
    }

  if (request->decode == DECODE_NONE)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  if (!is_json (soup_message_get_response_headers (request->message)))
    {
      g_task_return_new_error (task, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_BAD_RESPONSE,
                               _("The server at %s did not answer like a cockpit. Check the cockpit address."),
                               g_uri_get_host (request->uri));
      g_object_unref (task);
      return;
    }

  {
    /* The worker's task holds no reference to the client: the worker may
     * drop its task after the answer was delivered, and the last
     * reference to the client, and so its session, must never be dropped
     * there. */
    GTask *decode = g_task_new (NULL, NULL, decoded_cb, task);

    g_task_set_source_tag (decode, decode_func);
    g_task_set_task_data (decode, task, NULL);

    /* A large list is parsed and decoded off the main thread.  A small
     * answer (a page of 100 activity entries is 32 KB, read in about a
     * millisecond) is decoded here and now: handing it to a worker left
     * the main loop idle meanwhile, so GTK drew a frame without the
     * answer and a second one with it, a whole window's drawing more
     * (docs/performance.md). */
    if (request->buffer->len <= DECODE_HERE_MAX)
      decode_func (decode, NULL, task, NULL);
    else
      g_task_run_in_thread (decode, decode_func);
    g_object_unref (decode);
  }
}

/* TRUE when the body ended before the Content-Length it announced.  Only
 * an answer sent as it is can be measured: a compressed one is checked by
 * its decompressor. */
static gboolean
answer_is_truncated (Request *request)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (request->message);
  const char *coding = soup_message_headers_get_one (headers, "Content-Encoding");

  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH)
    return FALSE;
  if (coding != NULL && g_ascii_strcasecmp (coding, "identity") != 0)
    return FALSE;
  return (goffset) request->buffer->len < soup_message_headers_get_content_length (headers);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  GError *error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      fail_or_retry (task, _cockpit_client_error_from_transport (request, error));
      g_error_free (error);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      g_clear_object (&request->stream);
      if (answer_is_truncated (request))
        {
          /* libsoup ends the body quietly when the connection closes
           * early; a cut-off answer must not pass for a whole one. */
          GError *broken = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT, "Connection terminated unexpectedly");

          fail_or_retry (task, _cockpit_client_error_from_transport (request, broken));
          g_error_free (broken);
          return;
        }
      finish_answer (task);
      return;
    }

  if (request->buffer->len + g_bytes_get_size (chunk) > COCKPIT_CLIENT_MAX_BODY)
    {
      g_cancellable_cancel (request->cancellable);
      g_task_return_new_error (task, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_RESPONSE_TOO_LARGE,
                               _("The cockpit's answer was larger than 16 MB, more than any answer should be. Check the cockpit address; if it is right, contact the Cloud Helpdesk."));
      g_object_unref (task);
      return;
    }

  g_byte_array_append (request->buffer, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  g_input_stream_read_bytes_async (request->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   request->cancellable, read_cb, task);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);
  GError *error = NULL;

  request->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (request->stream == NULL)
    {
      fail_or_retry (task, _cockpit_client_error_from_transport (request, error));
      g_error_free (error);
      return;
    }

  g_byte_array_set_size (request->buffer, 0);
  g_input_stream_read_bytes_async (request->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   request->cancellable, read_cb, task);
}

static void
send_attempt (GTask *task)
{
  CockpitClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  g_autofree char *authorization = NULL;

  request->attempt++;
  g_clear_object (&request->message);
  g_clear_object (&request->stream);

  request->message = soup_message_new_from_uri (request->method, request->uri);
  soup_message_add_flags (request->message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (request->message);

  authorization = g_strdup_printf ("Bearer %s", self->token);
  soup_message_headers_replace (headers, "Authorization", authorization);
  memset (authorization, 0, strlen (authorization));
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (request->idempotency_key != NULL)
    soup_message_headers_replace (headers, "Idempotency-Key", request->idempotency_key);
  if (request->body != NULL)
    soup_message_set_request_body_from_bytes (request->message, "application/json", request->body);

  g_debug ("%s %s: attempt %u", request->method, request->path, request->attempt);
  soup_session_send_async (self->session, request->message, G_PRIORITY_DEFAULT,
                           request->cancellable, sent_cb, task);
}

void
_cockpit_client_start_request (CockpitClient       *self,
                               const char          *method,
                               const char          *path,
                               JsonNode            *body,
                               const char          *idempotency_key,
                               Request             *template,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data,
                               gpointer             source_tag)
{
  GTask *task;
  Request *request;
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;

  request = g_new0 (Request, 1);
  *request = *template;
  request->method = g_strdup (method);
  request->path = g_strdup (path);
  request->idempotency_key = g_strdup (idempotency_key);
  request->buffer = g_byte_array_new ();
  request->cancellable = g_cancellable_new ();
  if (template->environment != NULL)
    request->environment = g_object_ref (template->environment);
  if (body != NULL)
    {
      g_autofree char *text = json_to_string (body, FALSE);
      gsize len = strlen (text);
      request->body = g_bytes_new_take (g_steal_pointer (&text), len);
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  url = g_strconcat (self->base_url, path, NULL);
  request->uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, &error);
  if (request->uri == NULL)
    {
      g_task_return_new_error (task, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_INVALID_URL,
                               _("The cockpit address is not valid."));
      g_object_unref (task);
      return;
    }

  if (cancellable != NULL)
    {
      request->caller_cancellable = g_object_ref (cancellable);
      request->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                       request, NULL);
    }
  if (self->deadline > 0)
    request->deadline_id = g_timeout_add_seconds (self->deadline, deadline_cb, request);

  send_attempt (task);
}

gpointer
_cockpit_client_finish_pointer (CockpitClient  *self,
                                GAsyncResult   *result,
                                gpointer        source_tag,
                                GError        **error)
{
  g_return_val_if_fail (COCKPIT_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The steps of finish_answer(), fail_or_retry() and decode_func(), in
 * their order, without a connection or a task. */
CockpitClientOutcome
cockpit_client_handle_answer (const char          *request_url,
                              const char          *method,
                              guint                status,
                              SoupMessageHeaders  *headers,
                              GBytes              *body,
                              CockpitClientExpect  expect,
                              GType                type,
                              const char          *member,
                              CockpitEnvironment  *environment,
                              int                  action_kind,
                              GUri               **redirect,
                              gint64              *retry_after_ms,
                              GObject            **result,
                              GError             **error)
{
  g_autoptr(GUri) uri = NULL;
  Request request = { 0, };
  g_autoptr(GError) decode_error = NULL;
  gpointer decoded;

  G_STATIC_ASSERT ((int) COCKPIT_CLIENT_EXPECT_ACTIVITY == (int) DECODE_ACTIVITY);
  g_return_val_if_fail (request_url != NULL && headers != NULL && body != NULL, COCKPIT_CLIENT_OUTCOME_ERROR);

  uri = g_uri_parse (request_url, SOUP_HTTP_URI_FLAGS, NULL);
  g_return_val_if_fail (uri != NULL, COCKPIT_CLIENT_OUTCOME_ERROR);

  request.method = (char *) method;
  request.uri = uri;
  request.decode = (DecodeKind) expect;
  request.type = type;
  request.member = member;
  request.environment = environment;
  request.is_action = action_kind >= 0;
  request.action_kind = action_kind >= 0 ? action_kind : 0;

  *redirect = NULL;
  *retry_after_ms = -1;
  *result = NULL;

  if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED)
    {
      *redirect = redirect_target (uri, headers);
      if (*redirect != NULL)
        return COCKPIT_CLIENT_OUTCOME_REDIRECT;
      g_set_error_literal (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_REDIRECT_REFUSED,
                           "redirect refused");
      return COCKPIT_CLIENT_OUTCOME_ERROR;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      *retry_after_ms = parse_retry_after (headers);
      g_propagate_error (error, _cockpit_client_error_from_answer (&request, status, body));
      return COCKPIT_CLIENT_OUTCOME_ERROR;
    }

  if (request.decode == DECODE_NONE)
    return COCKPIT_CLIENT_OUTCOME_RESULT;

  if (!is_json (headers))
    {
      g_set_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_BAD_RESPONSE,
                   _("The server at %s did not answer like a cockpit. Check the cockpit address."),
                   g_uri_get_host (uri));
      return COCKPIT_CLIENT_OUTCOME_ERROR;
    }

  decoded = decode_answer (request.decode, type, member, body, &decode_error);
  if (decoded == NULL)
    {
      /* As decode_func(): the parser's words (which may quote the
       * answer's bytes) are for the debug log, not for the message. */
      g_set_error_literal (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_BAD_RESPONSE,
                           _("The cockpit sent an answer this app does not understand. The cockpit may be newer than the app; check for an update."));
      return COCKPIT_CLIENT_OUTCOME_ERROR;
    }
  *result = decoded;
  return COCKPIT_CLIENT_OUTCOME_RESULT;
}
