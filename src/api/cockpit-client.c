/* cockpit-client.c: every call of the cockpit API, asynchronous, over libsoup.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One request goes through these steps, all on the caller's main context:
 * send → read the body in chunks (capped) → follow a same-origin redirect
 * ourselves → on a retryable failure wait and send again → decode the JSON
 * in a worker thread into model objects.  An overall deadline cancels the
 * whole call, so a server that drips bytes cannot hang it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "cockpit-client.h"
#include "cockpit-client-private.h"

#define DEFAULT_IO_TIMEOUT   30
#define DEFAULT_DEADLINE     60
#define DEFAULT_RETRY_FIRST  1000
#define DEFAULT_RETRY_MAX    20000
#define MAX_ATTEMPTS         3
#define MAX_REDIRECTS        5
#define READ_CHUNK           (64 * 1024)
/* An error answer of the contract is a few hundred bytes; a larger one is
 * not parsed on the main thread, and its status speaks for it. */
#define MAX_ERROR_BODY       (64 * 1024)
/* A Retry-After longer than a day means "not now" whatever the number. */
#define MAX_RETRY_AFTER_S    (24 * 3600)

G_DEFINE_QUARK (cockpit-client-error-quark, cockpit_client_error)

struct _CockpitClient
{
  GObject parent_instance;

  SoupSession *session;
  char        *base_url;   /* without a trailing "/" */
  char        *identity;
  char        *token;
  guint        deadline;
  guint        retry_first_ms;
  guint        retry_max_ms;
};

G_DEFINE_FINAL_TYPE (CockpitClient, cockpit_client, G_TYPE_OBJECT)

typedef enum {
  DECODE_NONE,
  DECODE_OBJECT,
  DECODE_LIST,
  DECODE_ACTIVITY,
} DecodeKind;

typedef struct {
  /* What to send */
  char               *method;
  char               *path;        /* with its query, for the debug log */
  GUri               *uri;
  GBytes             *body;
  char               *idempotency_key;

  /* What to make of the answer */
  DecodeKind          decode;
  GType               type;
  const char         *member;
  CockpitActionKind   action_kind;
  gboolean            is_action;
  CockpitEnvironment *environment;  /* for the wording of errors */

  /* Progress */
  guint               attempt;
  guint               redirects;
  SoupMessage        *message;
  GInputStream       *stream;
  GByteArray         *buffer;
  GCancellable       *cancellable;  /* ours: cancelled by the deadline or the caller */
  GCancellable       *caller_cancellable;
  gulong              caller_handler;
  guint               deadline_id;
  guint               retry_id;
  guint               retry_cancel_id;  /* ends the wait for a retry early */
  gboolean            timed_out;
} Request;

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

static void
cockpit_client_finalize (GObject *object)
{
  CockpitClient *self = (CockpitClient *) object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->identity, g_free);
  if (self->token != NULL)
    {
      /* Leave no copy of the token in freed memory. */
      memset (self->token, 0, strlen (self->token));
      g_clear_pointer (&self->token, g_free);
    }

  G_OBJECT_CLASS (cockpit_client_parent_class)->finalize (object);
}

static void
cockpit_client_class_init (CockpitClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cockpit_client_finalize;
}

static void
cockpit_client_init (CockpitClient *self)
{
  /* Redirects are followed by us (see handle_redirect), never by libsoup,
   * which may forward the Authorization header to another host. */
  self->session = soup_session_new_with_options ("timeout", DEFAULT_IO_TIMEOUT,
                                                 "idle-timeout", 60,
                                                 "user-agent", "upgrade-cockpit/" PACKAGE_VERSION " ",
                                                 NULL);
  self->deadline = DEFAULT_DEADLINE;
  self->retry_first_ms = DEFAULT_RETRY_FIRST;
  self->retry_max_ms = DEFAULT_RETRY_MAX;
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *bare = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  /* GUri keeps the brackets of an IPv6 literal off, but be lenient. */
  bare = g_strdup (host);
  if (bare[0] == '[')
    {
      memmove (bare, bare + 1, strlen (bare));
      if (bare[0] != '\0' && bare[strlen (bare) - 1] == ']')
        bare[strlen (bare) - 1] = '\0';
    }
  address = g_inet_address_new_from_string (bare);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

gboolean
cockpit_client_check_url (const char  *base_url,
                          GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (base_url != NULL)
    uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);

  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_INVALID_URL,
                   _("“%s” is not a cockpit address. Enter an address that starts with https://."),
                   base_url ? base_url : "");
      return FALSE;
    }

  if (g_uri_get_userinfo (uri) != NULL || g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_INVALID_URL,
                   _("The cockpit address must not contain a user name, a query or a fragment."));
      return FALSE;
    }

  if (g_ascii_strcasecmp (scheme, "http") == 0 && !host_is_loopback (g_uri_get_host (uri)))
    {
      g_set_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_INSECURE_URL,
                   _("The address uses http://, which would send the token unprotected. Use https:// for %s."),
                   g_uri_get_host (uri));
      return FALSE;
    }

  return TRUE;
}

CockpitClient *
cockpit_client_new (const char  *base_url,
                    const char  *token,
                    GError     **error)
{
  g_autoptr(CockpitClient) self = NULL;
  gsize len;

  g_return_val_if_fail (token != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!cockpit_client_check_url (base_url, error))
    return NULL;

  self = g_object_new (COCKPIT_TYPE_CLIENT, NULL);
  self->base_url = g_strdup (base_url);
  len = strlen (self->base_url);
  while (len > 0 && self->base_url[len - 1] == '/')
    self->base_url[--len] = '\0';
  self->token = g_strdup (token);

  return g_steal_pointer (&self);
}

const char *
cockpit_client_get_base_url (CockpitClient *self)
{
  g_return_val_if_fail (COCKPIT_IS_CLIENT (self), NULL);

  return self->base_url;
}

const char *
cockpit_client_get_identity (CockpitClient *self)
{
  g_return_val_if_fail (COCKPIT_IS_CLIENT (self), NULL);

  return self->identity != NULL ? self->identity : self->base_url;
}

void
cockpit_client_set_identity (CockpitClient *self,
                             const char    *identity)
{
  g_return_if_fail (COCKPIT_IS_CLIENT (self));

  g_free (self->identity);
  self->identity = g_strdup (identity);
}

void
cockpit_client_set_timeouts (CockpitClient *self,
                             guint          io_timeout_seconds,
                             guint          deadline_seconds)
{
  g_return_if_fail (COCKPIT_IS_CLIENT (self));

  g_object_set (self->session, "timeout", io_timeout_seconds, NULL);
  self->deadline = deadline_seconds;
}

void
cockpit_client_set_retry_delay (CockpitClient *self,
                                guint          first_delay_ms,
                                guint          max_delay_ms)
{
  g_return_if_fail (COCKPIT_IS_CLIENT (self));

  self->retry_first_ms = first_delay_ms;
  self->retry_max_ms = MAX (max_delay_ms, first_delay_ms);
}

void
cockpit_client_set_tls_database (CockpitClient *self,
                                 GTlsDatabase  *database)
{
  g_return_if_fail (COCKPIT_IS_CLIENT (self));

  soup_session_set_tls_database (self->session, database);
}

char *
cockpit_client_new_idempotency_key (void)
{
  return g_uuid_string_random ();
}

/* Errors in words ---------------------------------------------------------- */

static const char *
environment_label (Request *request)
{
  if (request->environment == NULL)
    return _("The environment");
  return cockpit_environment_kind_get_label (cockpit_environment_get_kind (request->environment));
}


static const struct {
  const char         *code;
  CockpitClientError  error;
} contract_codes[] = {
  { "unauthorized", COCKPIT_CLIENT_ERROR_UNAUTHORIZED },
  { "not_found", COCKPIT_CLIENT_ERROR_NOT_FOUND },
  { "bad_request", COCKPIT_CLIENT_ERROR_BAD_REQUEST },
  { "package_busy", COCKPIT_CLIENT_ERROR_PACKAGE_BUSY },
  { "maintenance", COCKPIT_CLIENT_ERROR_MAINTENANCE },
  { "environment_protected", COCKPIT_CLIENT_ERROR_ENVIRONMENT_PROTECTED },
  { "upgrade_backup_exists", COCKPIT_CLIENT_ERROR_UPGRADE_BACKUP_EXISTS },
  { "version_not_available", COCKPIT_CLIENT_ERROR_VERSION_NOT_AVAILABLE },
  { "no_upgrade_backup", COCKPIT_CLIENT_ERROR_NO_UPGRADE_BACKUP },
  { "extension_limit", COCKPIT_CLIENT_ERROR_EXTENSION_LIMIT },
  { "not_supported", COCKPIT_CLIENT_ERROR_NOT_SUPPORTED },
  { "idempotency_mismatch", COCKPIT_CLIENT_ERROR_IDEMPOTENCY_MISMATCH },
  { "payload_too_large", COCKPIT_CLIENT_ERROR_PAYLOAD_TOO_LARGE },
  { "rate_limited", COCKPIT_CLIENT_ERROR_RATE_LIMITED },
};

static CockpitClientError
error_from_status (guint status)
{
  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
    case SOUP_STATUS_FORBIDDEN:
      return COCKPIT_CLIENT_ERROR_UNAUTHORIZED;
    case SOUP_STATUS_NOT_FOUND:
      return COCKPIT_CLIENT_ERROR_NOT_FOUND;
    case SOUP_STATUS_BAD_REQUEST:
      return COCKPIT_CLIENT_ERROR_BAD_REQUEST;
    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:
      return COCKPIT_CLIENT_ERROR_PAYLOAD_TOO_LARGE;
    case 429:
      return COCKPIT_CLIENT_ERROR_RATE_LIMITED;
    default:
      if (status >= 500)
        return COCKPIT_CLIENT_ERROR_SERVER;
      return COCKPIT_CLIENT_ERROR_FAILED;
    }
}

/* The sentence for an error the cockpit answered with.  @server_message
 * is the cockpit's own text, used where it adds something. */
static char *
describe_error (Request            *request,
                CockpitClientError  code,
                const char         *server_message)
{
  switch (code)
    {
    case COCKPIT_CLIENT_ERROR_UNAUTHORIZED:
      return g_strdup (_("The cockpit did not accept the API token. Check the token, or create a new one in the cockpit, then sign in again."));
    case COCKPIT_CLIENT_ERROR_NOT_FOUND:
      return g_strdup (_("The cockpit does not know this package, environment or action. Reload, then try again."));
    case COCKPIT_CLIENT_ERROR_BAD_REQUEST:
      if (server_message != NULL && *server_message != '\0')
        return g_strdup_printf (_("The cockpit did not accept the request: %s"), server_message);
      return g_strdup (_("The cockpit did not accept the request. Reload, then try again."));
    case COCKPIT_CLIENT_ERROR_PACKAGE_BUSY:
      return g_strdup (_("Another action is running on this package. Wait until it has finished, then try again."));
    case COCKPIT_CLIENT_ERROR_MAINTENANCE:
      if (server_message != NULL && *server_message != '\0')
        return g_strdup_printf (_("The package is in maintenance and can only be viewed: %s"), server_message);
      return g_strdup (_("The package is in maintenance and can only be viewed. Try again when the maintenance has ended."));
    case COCKPIT_CLIENT_ERROR_ENVIRONMENT_PROTECTED:
      return g_strdup_printf (_("%s is protected, so it can't be changed. Ask the Cloud Helpdesk to lift the protection."),
                              environment_label (request));
    case COCKPIT_CLIENT_ERROR_UPGRADE_BACKUP_EXISTS:
      {
        CockpitUpgradeBackup *backup = request->environment ? cockpit_environment_get_upgrade_backup (request->environment) : NULL;
        g_autofree char *when = backup ? cockpit_format_date_time (cockpit_upgrade_backup_get_expires_at (backup), COCKPIT_DATE_SHORT) : NULL;
        gboolean teardown = request->is_action && request->action_kind == COCKPIT_ACTION_KIND_TEARDOWN;

        if (when != NULL && teardown)
          return g_strdup_printf (_("Live still has an upgrade backup. Delete it or wait until %s before tearing Live down."), when);
        if (when != NULL)
          return g_strdup_printf (_("Live still has an upgrade backup. Delete it or wait until %s before upgrading again."), when);
        if (teardown)
          return g_strdup (_("Live still has an upgrade backup. Delete it or wait until it is removed before tearing Live down."));
        return g_strdup (_("Live still has an upgrade backup. Delete it or wait until it is removed before upgrading again."));
      }
    case COCKPIT_CLIENT_ERROR_VERSION_NOT_AVAILABLE:
      return g_strdup_printf (_("This version can't be installed on %s. Reload the list of versions and pick another."),
                              environment_label (request));
    case COCKPIT_CLIENT_ERROR_NO_UPGRADE_BACKUP:
      return g_strdup (_("Live has no upgrade backup any more; it may have been removed automatically. Reload to see the current state."));
    case COCKPIT_CLIENT_ERROR_EXTENSION_LIMIT:
      return g_strdup (_("The upgrade backup can't be kept longer than 5 days after it was made. For a longer time, contact the Cloud Helpdesk."));
    case COCKPIT_CLIENT_ERROR_NOT_SUPPORTED:
      return g_strdup (_("Manual backups can be made of Live only."));
    case COCKPIT_CLIENT_ERROR_IDEMPOTENCY_MISMATCH:
      return g_strdup (_("The cockpit has seen this request before with other details, so it did nothing. Start the action again."));
    case COCKPIT_CLIENT_ERROR_PAYLOAD_TOO_LARGE:
      return g_strdup (_("The request was too large for the cockpit."));
    case COCKPIT_CLIENT_ERROR_RATE_LIMITED:
      return g_strdup (_("The cockpit is handling too many requests right now. Try again in a minute."));
    case COCKPIT_CLIENT_ERROR_SERVER:
      return g_strdup (_("The cockpit had an internal problem. Try again in a few minutes; if it keeps happening, contact the Cloud Helpdesk."));
    case COCKPIT_CLIENT_ERROR_FAILED:
    default:
      if (server_message != NULL && *server_message != '\0')
        return g_strdup_printf (_("The cockpit refused the request: %s"), server_message);
      return g_strdup (_("The cockpit refused the request."));
    }
}

static GError *
error_from_answer (Request *request,
                   guint    status,
                   GBytes  *body)
{
  g_autoptr(JsonNode) root = NULL;
  CockpitClientError code = error_from_status (status);
  const char *server_code = NULL;
  g_autofree char *server_message = NULL;
  g_autofree char *text = NULL;

  /* The error JSON is optional: a proxy in between may answer in HTML. */
  if (body != NULL && g_bytes_get_size (body) > 0 && g_bytes_get_size (body) <= MAX_ERROR_BODY)
    root = cockpit_json_parse (g_bytes_get_data (body, NULL), (gssize) g_bytes_get_size (body), NULL);

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonNode *error = json_object_get_member (json_node_get_object (root), "error");

      if (error != NULL && JSON_NODE_HOLDS_OBJECT (error))
        {
          JsonObject *object = json_node_get_object (error);
          JsonNode *code_node = json_object_get_member (object, "code");
          JsonNode *message_node = json_object_get_member (object, "message");

          if (code_node != NULL && JSON_NODE_HOLDS_VALUE (code_node) &&
              json_node_get_value_type (code_node) == G_TYPE_STRING)
            server_code = json_node_get_string (code_node);
          if (message_node != NULL && JSON_NODE_HOLDS_VALUE (message_node) &&
              json_node_get_value_type (message_node) == G_TYPE_STRING)
            server_message = cockpit_text_limit (json_node_get_string (message_node),
                                                 COCKPIT_TEXT_MAX_MESSAGE);
        }
    }

  for (guint i = 0; server_code != NULL && i < G_N_ELEMENTS (contract_codes); i++)
    if (g_strcmp0 (server_code, contract_codes[i].code) == 0)
      code = contract_codes[i].error;

  text = describe_error (request, code, server_message);
  return g_error_new_literal (COCKPIT_CLIENT_ERROR, code, text);
}

static GError *
error_from_transport (CockpitClient *self,
                      Request       *request,
                      const GError  *error)
{
  g_autofree char *host = g_strdup (g_uri_get_host (request->uri));

  if (request->timed_out)
    return g_error_new (COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_TIMED_OUT,
                        _("The cockpit at %s took too long to answer. Check your connection and try again."), host);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (error->domain == G_TLS_ERROR)
    return g_error_new (COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_TLS,
                        _("The connection to %s is not secure: its certificate could not be verified. Check the cockpit address; if it is right, ask your IT department about the certificate."),
                        host);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_TIMED_OUT,
                        _("The cockpit at %s took too long to answer. Check your connection and try again."), host);

  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new (COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_NETWORK,
                        _("%s could not be found. Check the cockpit address and your internet connection."), host);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
    return g_error_new (COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_NETWORK,
                        _("The connection to %s broke off before the answer was complete. Try again."), host);

  if (error->domain == SOUP_SESSION_ERROR)
    return g_error_new (COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_BAD_RESPONSE,
                        _("The server at %s did not answer like a cockpit. Check the cockpit address."), host);

  return g_error_new (COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_NETWORK,
                      _("The cockpit at %s can't be reached. Check your internet connection and try again."), host);
}

/* Sending ------------------------------------------------------------------ */

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

static void
decode_thread (GTask        *task,
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
      fail_or_retry (task, error_from_answer (request, status, body));
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
    /* Parse and decode off the main thread: lists can be large.  The
     * worker's task holds no reference to the client: the worker may drop
     * its task after the answer was delivered, and the last reference to
     * the client, and so its session, must never be dropped there. */
    GTask *decode = g_task_new (NULL, NULL, decoded_cb, task);

    g_task_set_source_tag (decode, decode_thread);
    g_task_set_task_data (decode, task, NULL);
    g_task_run_in_thread (decode, decode_thread);
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
  CockpitClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  GError *error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      fail_or_retry (task, error_from_transport (self, request, error));
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

          fail_or_retry (task, error_from_transport (self, request, broken));
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
  CockpitClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  GError *error = NULL;

  request->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (request->stream == NULL)
    {
      fail_or_retry (task, error_from_transport (self, request, error));
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

/* Starts a request.  @path is below the base URL and already escaped. */
static void
start_request (CockpitClient       *self,
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

static gpointer
finish_pointer (CockpitClient  *self,
                GAsyncResult   *result,
                gpointer        source_tag,
                GError        **error)
{
  g_return_val_if_fail (COCKPIT_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static char *
escape (const char *segment)
{
  return g_uri_escape_string (segment, NULL, FALSE);
}

static char *
environment_path (CockpitEnvironment *environment,
                  const char         *rest)
{
  g_autofree char *package = escape (cockpit_environment_get_package_id (environment));
  g_autofree char *id = escape (cockpit_environment_get_id (environment));

  return g_strdup_printf ("/api/v1/packages/%s/environments/%s%s", package, id, rest);
}

/* Reading calls ------------------------------------------------------------ */

void
cockpit_client_get_me_async (CockpitClient       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Request template = { .decode = DECODE_OBJECT, .type = COCKPIT_TYPE_USER };

  g_return_if_fail (COCKPIT_IS_CLIENT (self));

  start_request (self, "GET", "/api/v1/me", NULL, NULL, &template,
                 cancellable, callback, user_data, cockpit_client_get_me_async);
}

CockpitUser *
cockpit_client_get_me_finish (CockpitClient  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  return finish_pointer (self, result, cockpit_client_get_me_async, error);
}

void
cockpit_client_list_packages_async (CockpitClient       *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Request template = { .decode = DECODE_LIST, .type = COCKPIT_TYPE_PACKAGE, .member = "packages" };

  g_return_if_fail (COCKPIT_IS_CLIENT (self));

  start_request (self, "GET", "/api/v1/packages", NULL, NULL, &template,
                 cancellable, callback, user_data, cockpit_client_list_packages_async);
}

GListStore *
cockpit_client_list_packages_finish (CockpitClient  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  return finish_pointer (self, result, cockpit_client_list_packages_async, error);
}

void
cockpit_client_get_package_async (CockpitClient       *self,
                                  const char          *package_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Request template = { .decode = DECODE_OBJECT, .type = COCKPIT_TYPE_PACKAGE };
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (package_id != NULL);

  id = escape (package_id);
  path = g_strdup_printf ("/api/v1/packages/%s", id);
  start_request (self, "GET", path, NULL, NULL, &template,
                 cancellable, callback, user_data, cockpit_client_get_package_async);
}

CockpitPackage *
cockpit_client_get_package_finish (CockpitClient  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  return finish_pointer (self, result, cockpit_client_get_package_async, error);
}

void
cockpit_client_list_releases_async (CockpitClient       *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Request template = { .decode = DECODE_LIST, .type = COCKPIT_TYPE_RELEASE, .member = "releases" };

  g_return_if_fail (COCKPIT_IS_CLIENT (self));

  start_request (self, "GET", "/api/v1/releases", NULL, NULL, &template,
                 cancellable, callback, user_data, cockpit_client_list_releases_async);
}

GListStore *
cockpit_client_list_releases_finish (CockpitClient  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  return finish_pointer (self, result, cockpit_client_list_releases_async, error);
}

void
cockpit_client_list_available_versions_async (CockpitClient       *self,
                                              CockpitEnvironment  *environment,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  Request template = { .decode = DECODE_LIST, .type = COCKPIT_TYPE_RELEASE, .member = "versions",
                       .environment = environment };
  g_autofree char *path = NULL;

  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (environment));

  path = environment_path (environment, "/available-versions");
  start_request (self, "GET", path, NULL, NULL, &template,
                 cancellable, callback, user_data, cockpit_client_list_available_versions_async);
}

GListStore *
cockpit_client_list_available_versions_finish (CockpitClient  *self,
                                               GAsyncResult   *result,
                                               GError        **error)
{
  return finish_pointer (self, result, cockpit_client_list_available_versions_async, error);
}

void
cockpit_client_get_action_async (CockpitClient       *self,
                                 const char          *action_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Request template = { .decode = DECODE_OBJECT, .type = COCKPIT_TYPE_ACTION };
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (action_id != NULL);

  id = escape (action_id);
  path = g_strdup_printf ("/api/v1/actions/%s", id);
  start_request (self, "GET", path, NULL, NULL, &template,
                 cancellable, callback, user_data, cockpit_client_get_action_async);
}

CockpitAction *
cockpit_client_get_action_finish (CockpitClient  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  return finish_pointer (self, result, cockpit_client_get_action_async, error);
}

void
cockpit_client_list_actions_async (CockpitClient       *self,
                                   const char          *package_id,
                                   guint                limit,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Request template = { .decode = DECODE_LIST, .type = COCKPIT_TYPE_ACTION, .member = "actions" };
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (package_id != NULL);

  id = escape (package_id);
  if (limit > 0)
    path = g_strdup_printf ("/api/v1/packages/%s/actions?limit=%u", id, limit);
  else
    path = g_strdup_printf ("/api/v1/packages/%s/actions", id);
  start_request (self, "GET", path, NULL, NULL, &template,
                 cancellable, callback, user_data, cockpit_client_list_actions_async);
}

GListStore *
cockpit_client_list_actions_finish (CockpitClient  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  return finish_pointer (self, result, cockpit_client_list_actions_async, error);
}

static void
append_query (GString    *path,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  g_string_append_c (path, strchr (path->str, '?') ? '&' : '?');
  g_string_append_printf (path, "%s=%s", name, escaped);
}

void
cockpit_client_list_activity_async (CockpitClient              *self,
                                    const char                 *package_id,
                                    const CockpitActivityQuery *query,
                                    GCancellable               *cancellable,
                                    GAsyncReadyCallback         callback,
                                    gpointer                    user_data)
{
  Request template = { .decode = DECODE_ACTIVITY, .type = COCKPIT_TYPE_ACTIVITY_ENTRY, .member = "entries" };
  g_autofree char *id = NULL;
  g_autoptr(GString) path = NULL;

  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (package_id != NULL);

  id = escape (package_id);
  path = g_string_new (NULL);
  g_string_printf (path, "/api/v1/packages/%s/activity", id);
  if (query != NULL)
    {
      if (query->limit > 0)
        {
          char limit[16];
          g_snprintf (limit, sizeof limit, "%u", query->limit);
          append_query (path, "limit", limit);
        }
      if (query->before != NULL)
        append_query (path, "before", query->before);
      if (query->type >= 0)
        append_query (path, "type", cockpit_enum_to_string (COCKPIT_TYPE_ENTRY_TYPE, query->type));
      if (query->affects != COCKPIT_ENVIRONMENT_KIND_NONE)
        append_query (path, "affects", cockpit_enum_to_string (COCKPIT_TYPE_ENVIRONMENT_KIND, query->affects));
      if (query->query != NULL && *query->query != '\0')
        append_query (path, "q", query->query);
    }

  start_request (self, "GET", path->str, NULL, NULL, &template,
                 cancellable, callback, user_data, cockpit_client_list_activity_async);
}

GListStore *
cockpit_client_list_activity_finish (CockpitClient  *self,
                                     GAsyncResult   *result,
                                     char          **next_before,
                                     GError        **error)
{
  GListStore *entries = finish_pointer (self, result, cockpit_client_list_activity_async, error);

  if (next_before != NULL)
    *next_before = entries ? g_strdup (g_object_get_data (G_OBJECT (entries), "cockpit-next-before")) : NULL;
  return entries;
}

void
cockpit_client_list_notifications_async (CockpitClient       *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  Request template = { .decode = DECODE_LIST, .type = COCKPIT_TYPE_NOTIFICATION, .member = "notifications" };

  g_return_if_fail (COCKPIT_IS_CLIENT (self));

  start_request (self, "GET", "/api/v1/notifications", NULL, NULL, &template,
                 cancellable, callback, user_data, cockpit_client_list_notifications_async);
}

GListStore *
cockpit_client_list_notifications_finish (CockpitClient  *self,
                                          GAsyncResult   *result,
                                          GError        **error)
{
  return finish_pointer (self, result, cockpit_client_list_notifications_async, error);
}

static void
notification_request (CockpitClient       *self,
                      const char          *notification_id,
                      const char          *verb,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  Request template = { .decode = DECODE_NONE };
  g_autofree char *id = escape (notification_id);
  g_autofree char *path = g_strdup_printf ("/api/v1/notifications/%s/%s", id, verb);
  g_autofree char *key = cockpit_client_new_idempotency_key ();

  /* Marking read or archived twice does no harm, so a key made here is
   * enough to allow a retry. */
  start_request (self, "POST", path, NULL, key, &template,
                 cancellable, callback, user_data, cockpit_client_notification_finish);
}

void
cockpit_client_mark_notification_read_async (CockpitClient       *self,
                                             const char          *notification_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (notification_id != NULL);

  notification_request (self, notification_id, "read", cancellable, callback, user_data);
}

void
cockpit_client_archive_notification_async (CockpitClient       *self,
                                           const char          *notification_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (notification_id != NULL);

  notification_request (self, notification_id, "archive", cancellable, callback, user_data);
}

gboolean
cockpit_client_notification_finish (CockpitClient  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (COCKPIT_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Actions ------------------------------------------------------------------ */

static void
start_action (CockpitClient       *self,
              CockpitEnvironment  *environment,
              CockpitActionKind    kind,
              const char          *method,
              const char          *rest,
              JsonNode            *body,
              const char          *idempotency_key,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  Request template = { .decode = DECODE_OBJECT, .type = COCKPIT_TYPE_ACTION,
                       .environment = environment, .is_action = TRUE, .action_kind = kind };
  g_autofree char *path = environment_path (environment, rest);

  start_request (self, method, path, body, idempotency_key, &template,
                 cancellable, callback, user_data, cockpit_client_start_action_finish);
}

static JsonNode *
object_node (const char *member,
             const char *value)
{
  JsonObject *object = json_object_new ();
  JsonNode *node;

  if (member != NULL)
    json_object_set_string_member (object, member, value);
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

void
cockpit_client_upgrade_async (CockpitClient       *self,
                              CockpitEnvironment  *environment,
                              const char          *target_version,
                              const char          *idempotency_key,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (environment));
  g_return_if_fail (target_version != NULL);
  g_return_if_fail (idempotency_key != NULL);

  body = object_node ("target_version", target_version);
  start_action (self, environment, COCKPIT_ACTION_KIND_UPGRADE, "POST", "/upgrade", body,
                idempotency_key, cancellable, callback, user_data);
}

void
cockpit_client_extend_upgrade_backup_async (CockpitClient       *self,
                                            CockpitEnvironment  *environment,
                                            GDateTime           *expires_at,
                                            const char          *idempotency_key,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *when = NULL;

  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (environment));
  g_return_if_fail (idempotency_key != NULL);

  if (expires_at != NULL)
    when = cockpit_date_time_format (expires_at);
  body = object_node (when ? "expires_at" : NULL, when);
  start_action (self, environment, COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP, "POST",
                "/upgrade-backup/extend", body, idempotency_key, cancellable, callback, user_data);
}

void
cockpit_client_delete_upgrade_backup_async (CockpitClient       *self,
                                            CockpitEnvironment  *environment,
                                            const char          *idempotency_key,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (environment));
  g_return_if_fail (idempotency_key != NULL);

  start_action (self, environment, COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP, "DELETE",
                "/upgrade-backup", NULL, idempotency_key, cancellable, callback, user_data);
}

void
cockpit_client_restore_upgrade_backup_async (CockpitClient       *self,
                                             CockpitEnvironment  *environment,
                                             const char          *idempotency_key,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (environment));
  g_return_if_fail (idempotency_key != NULL);

  start_action (self, environment, COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP, "POST",
                "/upgrade-backup/restore", NULL, idempotency_key, cancellable, callback, user_data);
}

void
cockpit_client_create_backup_async (CockpitClient       *self,
                                    CockpitEnvironment  *environment,
                                    const char          *idempotency_key,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (environment));
  g_return_if_fail (idempotency_key != NULL);

  start_action (self, environment, COCKPIT_ACTION_KIND_CREATE_BACKUP, "POST",
                "/backups", NULL, idempotency_key, cancellable, callback, user_data);
}

void
cockpit_client_teardown_async (CockpitClient       *self,
                               CockpitEnvironment  *environment,
                               const char          *idempotency_key,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (environment));
  g_return_if_fail (idempotency_key != NULL);

  start_action (self, environment, COCKPIT_ACTION_KIND_TEARDOWN, "DELETE",
                "", NULL, idempotency_key, cancellable, callback, user_data);
}

CockpitAction *
cockpit_client_start_action_finish (CockpitClient  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  return finish_pointer (self, result, cockpit_client_start_action_finish, error);
}

gboolean
cockpit_client_error_is_rejection (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  if (error->domain != COCKPIT_CLIENT_ERROR)
    return FALSE;

  switch (error->code)
    {
    case COCKPIT_CLIENT_ERROR_NETWORK:
    case COCKPIT_CLIENT_ERROR_TIMED_OUT:
    case COCKPIT_CLIENT_ERROR_SERVER:
    case COCKPIT_CLIENT_ERROR_BAD_RESPONSE:
    case COCKPIT_CLIENT_ERROR_RESPONSE_TOO_LARGE:
    case COCKPIT_CLIENT_ERROR_FAILED:
      return FALSE;
    default:
      return TRUE;
    }
}

/* The steps of finish_answer(), fail_or_retry() and decode_thread(), in
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
      g_propagate_error (error, error_from_answer (&request, status, body));
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
      /* As decode_thread(): the parser's words (which may quote the
       * answer's bytes) are for the debug log, not for the message. */
      g_set_error_literal (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_BAD_RESPONSE,
                           _("The cockpit sent an answer this app does not understand. The cockpit may be newer than the app; check for an update."));
      return COCKPIT_CLIENT_OUTCOME_ERROR;
    }
  *result = decoded;
  return COCKPIT_CLIENT_OUTCOME_RESULT;
}
