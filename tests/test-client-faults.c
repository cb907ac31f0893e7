/* test-client-faults.c: the cockpit client against servers that misbehave.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two kinds of bad server, both on 127.0.0.1 with a free port: a
 * SoupServer whose answers are wrong at the HTTP level (the first segment
 * of the path picks the fault), and a raw socket server in a thread of its
 * own for faults below HTTP (a reset connection, a body cut short, a body
 * that drips in byte by byte).
 */
#include "config.h"

#include <errno.h>
#include <libsoup/soup.h>
#include <sys/socket.h>

#include "test-api-util.h"
#include "test-server-util.h"

#define TOKEN "faults-token-6c1d0f2a"

static const char *user_json =
  "{\"name\": \"Alex Example\", \"email\": \"alex@example.com\", \"role\": \"owner\"}";

static const char *action_json =
  "{\"id\": \"act-1\", \"package_id\": \"acmeweb\", \"environment_id\": \"acmeweb-uat\","
  " \"kind\": \"upgrade\", \"params\": {\"target_version\": \"6.3.21\"},"
  " \"status\": \"running\", \"stage\": \"create_replica\","
  " \"stages\": [{\"name\": \"create_replica\", \"status\": \"running\","
  "   \"started_at\": \"2026-11-26T09:30:00Z\", \"finished_at\": null}],"
  " \"progress\": 0, \"requested_by\": \"Alex Example\","
  " \"created_at\": \"2026-11-26T09:30:00Z\", \"finished_at\": null, \"error\": null}";

static const char *environment_json =
  "{\"id\": \"acmeweb-uat\", \"package_id\": \"acmeweb\", \"kind\": \"uat\", \"name\": \"UAT\","
  " \"magnolia_version\": \"6.3.18\", \"bundle\": \"magnolia-dx-core-cloud-webapp-6.3.18\","
  " \"state\": \"running\", \"url\": \"https://uat.acme.example\", \"protected\": false,"
  " \"last_upgraded_at\": null, \"upgrade_backup\": null, \"latest_manual_backup\": null}";

/* The HTTP-level test server ---------------------------------------------- */

typedef struct {
  SoupServer *server;
  char       *base;            /* "http(s)://127.0.0.1:PORT" */
  guint       requests;
  GPtrArray  *paths;           /* of every request, in order */
  GPtrArray  *authorizations;  /* "" where there was none */
  GPtrArray  *keys;            /* Idempotency-Key, "" where there was none */
  char       *elsewhere;       /* where /away/ redirects to */
  const char *retry_after;     /* what /retry-after/ sends with its first 429 */
  gsize       message_length;  /* the characters of /long-message/'s message */
  GBytes     *bomb;
} TestServer;

static void
answer (SoupServerMessage *msg,
        guint              status,
        const char        *content_type,
        const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
answer_error (SoupServerMessage *msg,
              guint              status,
              const char        *code)
{
  g_autofree char *body = g_strdup_printf ("{\"error\": {\"code\": \"%s\", \"message\": \"Status %u says the server.\"}}",
                                           code, status);

  answer (msg, status, "application/json", body);
}

/* Compresses @length bytes of @data, or of spaces when @data is NULL, with gzip. */
static GBytes *
gzip_bytes (const char *data,
            gsize       length)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree char *spaces = NULL;
  char buffer[64 * 1024];
  gsize fed = 0;
  GConverterResult result;

  if (data == NULL)
    {
      /* Spaces are valid JSON padding, so only the size can stop them. */
      spaces = g_malloc (1024 * 1024);
      memset (spaces, ' ', 1024 * 1024);
    }

  do
    {
      g_autoptr(GError) error = NULL;
      gsize chunk = MIN (length - fed, (gsize) 1024 * 1024);
      gsize read = 0;
      gsize written = 0;

      result = g_converter_convert (G_CONVERTER (compressor), data ? data + fed : spaces, chunk,
                                    buffer, sizeof buffer,
                                    fed + chunk == length ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                    &read, &written, &error);
      g_assert_no_error (error);
      g_byte_array_append (out, (guint8 *) buffer, written);
      fed += read;
    }
  while (result != G_CONVERTER_FINISHED);

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* A correct answer to @path, after the fault segment. */
static void
answer_success (SoupServerMessage *msg,
                const char        *path)
{
  const char *method = soup_server_message_get_method (msg);

  if (strstr (path, "/notifications/") != NULL)
    soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
  else if (g_strcmp0 (method, "GET") != 0)
    {
      answer (msg, SOUP_STATUS_ACCEPTED, "application/json", action_json);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Location", "/api/v1/actions/act-1");
    }
  else if (g_str_has_suffix (path, "/me"))
    answer (msg, SOUP_STATUS_OK, "application/json", user_json);
  else
    answer_error (msg, SOUP_STATUS_NOT_FOUND, "not_found");
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  TestServer *self = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *authorization = soup_message_headers_get_one (request, "Authorization");
  const char *key = soup_message_headers_get_one (request, "Idempotency-Key");
  const char *rest = strchr (path + 1, '/');
  g_autofree char *fault = g_strndup (path + 1, rest ? (gsize) (rest - path - 1) : strlen (path + 1));

  self->requests++;
  g_ptr_array_add (self->paths, g_strdup (path));
  g_ptr_array_add (self->authorizations, g_strdup (authorization ? authorization : ""));
  g_ptr_array_add (self->keys, g_strdup (key ? key : ""));
  if (rest == NULL)
    rest = "/";

  if (g_str_equal (fault, "ok"))
    answer_success (msg, rest);
  else if (g_str_equal (fault, "api"))
    /* The second origin: requests come without a fault segment. */
    answer_success (msg, path);
  else if (g_str_equal (fault, "malformed"))
    answer (msg, SOUP_STATUS_OK, "application/json", "{\"name\": \"Alex Example\", \"email\": ");
  else if (g_str_equal (fault, "wrong-types"))
    answer (msg, SOUP_STATUS_OK, "application/json", "{\"name\": 5, \"email\": [], \"role\": \"owner\"}");
  else if (g_str_equal (fault, "html"))
    answer (msg, SOUP_STATUS_OK, "text/html", "<!DOCTYPE html><html><body>Welcome to our portal</body></html>");
  else if (g_str_equal (fault, "proxy-404"))
    answer (msg, SOUP_STATUS_NOT_FOUND, "text/html", "<html><body>404 Not Found</body></html>");
  else if (g_str_equal (fault, "big"))
    {
      gsize size = COCKPIT_CLIENT_MAX_BODY + 1024 * 1024;
      char *body = g_malloc (size);

      /* A valid JSON string, larger than any answer should be. */
      memset (body, 'a', size);
      memcpy (body, "{\"name\": \"", 10);
      memcpy (body + size - 2, "\"}", 2);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, body, size);
    }
  else if (g_str_equal (fault, "deep"))
    {
      gsize size = 1024 * 1024;
      char *body = g_malloc (size);

      /* Enough open brackets to overflow a recursive parser's stack. */
      memset (body, '[', size);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, body, size);
    }
  else if (g_str_equal (fault, "bomb"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_replace (response, "Content-Encoding", "gzip");
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (self->bomb, NULL), g_bytes_get_size (self->bomb));
    }
  else if (g_str_equal (fault, "gzip"))
    {
      g_autoptr(GBytes) packed = gzip_bytes (user_json, strlen (user_json));

      /* Larger packed than unpacked, as small answers are. */
      g_assert_cmpuint (g_bytes_get_size (packed), >, strlen (user_json));
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_replace (response, "Content-Encoding", "gzip");
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (packed, NULL), g_bytes_get_size (packed));
    }
  else if (g_str_equal (fault, "flaky"))
    {
      if (self->requests == 1)
        answer_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal_error");
      else
        answer_success (msg, rest);
    }
  else if (g_str_equal (fault, "broken"))
    answer_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "internal_error");
  else if (g_str_equal (fault, "busy") || g_str_equal (fault, "very-busy"))
    {
      if (self->requests == 1)
        {
          answer_error (msg, 429, "rate_limited");
          soup_message_headers_replace (response, "Retry-After", g_str_equal (fault, "busy") ? "1" : "3600");
        }
      else
        answer_success (msg, rest);
    }
  else if (g_str_equal (fault, "retry-after"))
    {
      if (self->requests == 1)
        {
          answer_error (msg, 429, "rate_limited");
          soup_message_headers_replace (response, "Retry-After", self->retry_after);
        }
      else
        answer_success (msg, rest);
    }
  else if (g_str_equal (fault, "long-message"))
    {
      static const char *pieces[] = { "a", "é", "€", "😀" };
      g_autoptr(GString) body = g_string_new ("{\"error\": {\"code\": \"bad_request\", \"message\": \"");

      /* Characters of one to four bytes, so that a cut by bytes would
       * land inside one. */
      for (gsize i = 0; i < self->message_length; i++)
        g_string_append (body, pieces[i % G_N_ELEMENTS (pieces)]);
      g_string_append (body, "\"}}");
      answer (msg, SOUP_STATUS_BAD_REQUEST, "application/json", body->str);
    }
  else if (g_str_equal (fault, "unavailable"))
    {
      /* Down for a while, and says so. */
      answer_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "internal_error");
      soup_message_headers_replace (response, "Retry-After", "10");
    }
  else if (g_str_equal (fault, "away"))
    {
      g_autofree char *target = g_strconcat (self->elsewhere, rest, NULL);

      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, target);
    }
  else if (g_str_equal (fault, "here"))
    {
      /* A relative Location: the same origin. */
      g_autofree char *target = g_strconcat ("/ok", rest, NULL);

      soup_server_message_set_status (msg, SOUP_STATUS_MOVED_PERMANENTLY, NULL);
      soup_message_headers_replace (response, "Location", target);
    }
  else if (g_str_equal (fault, "loop"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, path);
  else
    answer_error (msg, SOUP_STATUS_NOT_FOUND, "not_found");
}

static TestServer *
test_server_new_full (GTlsCertificate *certificate)
{
  TestServer *self = g_new0 (TestServer, 1);

  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, server_cb, self, NULL);
  self->base = test_server_listen_local (self->server, certificate);

  self->paths = g_ptr_array_new_with_free_func (g_free);
  self->authorizations = g_ptr_array_new_with_free_func (g_free);
  self->keys = g_ptr_array_new_with_free_func (g_free);
  return self;
}

static TestServer *
test_server_new (void)
{
  return test_server_new_full (NULL);
}

static void
test_server_free (TestServer *self)
{
  soup_server_disconnect (self->server);
  g_assert_finalize_object (self->server);
  g_free (self->base);
  g_free (self->elsewhere);
  g_ptr_array_unref (self->paths);
  g_ptr_array_unref (self->authorizations);
  g_ptr_array_unref (self->keys);
  g_clear_pointer (&self->bomb, g_bytes_unref);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestServer, test_server_free)

/* A client for the fault @fault of @server, with quick retries. */
static CockpitClient *
client_for (const char *base,
            const char *fault)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strconcat (base, fault ? "/" : "", fault, NULL);
  CockpitClient *client = cockpit_client_new (url, TOKEN, &error);

  g_assert_no_error (error);
  g_assert_nonnull (client);
  cockpit_client_set_retry_delay (client, 10, 50);
  return client;
}

/* Ends with the client: nothing may keep it alive once its calls ended. */
static void
client_free (CockpitClient *client)
{
  g_assert_finalize_object (client);
}

/* The raw socket server ----------------------------------------------------- */

typedef enum {
  RAW_RESET,     /* close the connection at once, with a reset */
  RAW_TRUNCATE,  /* promise 1000 bytes, send 20, close */
  RAW_DRIP,      /* promise a body, send it a byte every 200 ms */
} RawMode;

typedef struct {
  GSocketListener *listener;
  GCancellable    *cancellable;
  GThread         *thread;
  RawMode          mode;
  guint16          port;
  int              connections;  /* atomic */
  int              dripped;      /* atomic: bytes sent by RAW_DRIP */
} RawServer;

/* Reads the request up to its empty line; the body, if any, is ignored. */
static void
raw_read_request (GSocket      *socket,
                  GCancellable *cancellable)
{
  g_autoptr(GString) head = g_string_new (NULL);
  char buffer[1024];

  while (strstr (head->str, "\r\n\r\n") == NULL && head->len < 64 * 1024)
    {
      gssize n = g_socket_receive (socket, buffer, sizeof buffer, cancellable, NULL);

      if (n <= 0)
        return;
      g_string_append_len (head, buffer, n);
    }
}

static gboolean
raw_send (GSocket      *socket,
          const char   *data,
          gsize         length,
          GCancellable *cancellable)
{
  while (length > 0)
    {
      gssize n = g_socket_send (socket, data, length, cancellable, NULL);

      if (n <= 0)
        return FALSE;
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

static gpointer
raw_thread (gpointer user_data)
{
  RawServer *self = user_data;

  for (;;)
    {
      g_autoptr(GSocketConnection) connection = NULL;
      GSocket *socket;

      connection = g_socket_listener_accept (self->listener, NULL, self->cancellable, NULL);
      if (connection == NULL)
        break;
      g_atomic_int_inc (&self->connections);
      socket = g_socket_connection_get_socket (connection);
      g_socket_set_timeout (socket, 30);

      switch (self->mode)
        {
        case RAW_RESET:
          {
            /* SO_LINGER with a zero time: close() sends a RST. */
            struct linger linger = { 1, 0 };

            setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
          }
          break;

        case RAW_TRUNCATE:
          {
            const char *head =
              "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
              "Content-Length: 1000\r\nConnection: close\r\n\r\n"
              "{\"name\": \"Alex Exa";

            raw_read_request (socket, self->cancellable);
            raw_send (socket, head, strlen (head), self->cancellable);
          }
          break;

        case RAW_DRIP:
          {
            const char *head =
              "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
              "Content-Length: 1000\r\nConnection: close\r\n\r\n";

            raw_read_request (socket, self->cancellable);
            if (!raw_send (socket, head, strlen (head), self->cancellable))
              break;
            /* Spaces are valid JSON padding; stop when the client hung up. */
            for (guint i = 0; i < 1000 && !g_cancellable_is_cancelled (self->cancellable); i++)
              {
                if (!raw_send (socket, " ", 1, self->cancellable))
                  break;
                g_atomic_int_inc (&self->dripped);
                g_usleep (200 * 1000);
              }
          }
          break;

        default:
          g_assert_not_reached ();
        }

      g_socket_close (socket, NULL);
    }

  return NULL;
}

static RawServer *
raw_server_new (RawMode mode)
{
  RawServer *self = g_new0 (RawServer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  self->mode = mode;
  self->listener = g_socket_listener_new ();
  self->cancellable = g_cancellable_new ();
  g_socket_listener_add_address (self->listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &effective, &error);
  g_assert_no_error (error);
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  self->thread = g_thread_new ("raw-server", raw_thread, self);
  return self;
}

static char *
raw_server_base (RawServer *self)
{
  return g_strdup_printf ("http://127.0.0.1:%u", self->port);
}

static void
raw_server_free (RawServer *self)
{
  g_cancellable_cancel (self->cancellable);
  g_thread_join (self->thread);
  g_socket_listener_close (self->listener);
  g_object_unref (self->listener);
  g_object_unref (self->cancellable);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RawServer, raw_server_free)

/* Tests: one call against a server that misbehaves --------------------------- */

/* What a FaultCase expects when the call must succeed. */
#define ANSWERED (-1)

typedef struct _FaultCase FaultCase;

struct _FaultCase
{
  const char *path;
  const char *fault;        /* the HTTP test server's fault, or NULL for the raw server */
  RawMode     raw;          /* what the raw server does, when @fault is NULL */
  int         code;         /* the COCKPIT_CLIENT_ERROR of api_get_me(), or ANSWERED */
  guint       min_sent;     /* requests (raw server: connections) it saw; */
  guint       max_sent;     /* 0 and 0: not checked */
  guint       retry_first_ms, retry_max_ms;  /* 0, 0: the quick retries of client_for() */
  guint       io_timeout_s, deadline_s;      /* 0, 0: the client's defaults */
  double      min_seconds;  /* bounds of the call's duration, 0: not checked */
  double      max_seconds;
  void      (*prepare) (TestServer *server);
  /* Anything more: @server or @raw is NULL, @user or @error is. */
  void      (*check)   (TestServer   *server,
                        RawServer    *raw,
                        CockpitUser  *user,
                        const GError *error);
};

static void
prepare_bomb (TestServer *server)
{
  server->bomb = gzip_bytes (NULL, COCKPIT_CLIENT_MAX_BODY + 4 * 1024 * 1024);
  /* Small on the wire, huge once unpacked. */
  g_assert_cmpuint (g_bytes_get_size (server->bomb), <, 256 * 1024);
}

static void
prepare_huge_message (TestServer *server)
{
  /* 6 million characters of 1 to 4 bytes: 15 MB. */
  server->message_length = 6 * 1000 * 1000;
}

static void
check_email (TestServer   *server,
             RawServer    *raw,
             CockpitUser  *user,
             const GError *error)
{
  g_assert_cmpstr (cockpit_user_get_email (user), ==, "alex@example.com");
}

static void
check_name (TestServer   *server,
            RawServer    *raw,
            CockpitUser  *user,
            const GError *error)
{
  g_assert_cmpstr (cockpit_user_get_name (user), ==, "Alex Example");
}

static void
check_dripped (TestServer   *server,
               RawServer    *raw,
               CockpitUser  *user,
               const GError *error)
{
  /* The drip really got through: the I/O timeout alone never fired. */
  g_assert_cmpint (g_atomic_int_get (&raw->dripped), >=, 3);
}

static void
check_short_message (TestServer   *server,
                     RawServer    *raw,
                     CockpitUser  *user,
                     const GError *error)
{
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <=, COCKPIT_TEXT_MAX_MESSAGE + 200);
}

static void
check_same_origin (TestServer   *server,
                   RawServer    *raw,
                   CockpitUser  *user,
                   const GError *error)
{
  check_name (server, raw, user, error);
  g_assert_cmpstr (g_ptr_array_index (server->paths, 1), ==, "/ok/api/v1/me");
  /* Followed with the token, because it stays with the same cockpit. */
  g_assert_cmpstr (g_ptr_array_index (server->authorizations, 0), ==, "Bearer " TOKEN);
  g_assert_cmpstr (g_ptr_array_index (server->authorizations, 1), ==, "Bearer " TOKEN);
}

static const FaultCase fault_cases[] = {
  /* Answers that are not what they should be.  A garbled answer is not
   * sent for again. */
  { "/cockpit/client/faults/malformed-json", "malformed", 0, COCKPIT_CLIENT_ERROR_BAD_RESPONSE, 1, 1 },
  { "/cockpit/client/faults/wrong-types", "wrong-types", 0, COCKPIT_CLIENT_ERROR_BAD_RESPONSE },
  { "/cockpit/client/faults/wrong-content-type", "html", 0, COCKPIT_CLIENT_ERROR_BAD_RESPONSE, 1, 1 },
  /* A proxy's HTML error page still gives the right code. */
  { "/cockpit/client/faults/error-page", "proxy-404", 0, COCKPIT_CLIENT_ERROR_NOT_FOUND },
  { "/cockpit/client/faults/deep-nesting", "deep", 0, COCKPIT_CLIENT_ERROR_BAD_RESPONSE },
  { "/cockpit/client/faults/oversized", "big", 0, COCKPIT_CLIENT_ERROR_RESPONSE_TOO_LARGE, 1, 1 },
  /* Compressed answers are fine, even when packing made them larger. */
  { "/cockpit/client/faults/compressed", "gzip", 0, ANSWERED, .check = check_email },
  { "/cockpit/client/faults/decompression-bomb", "bomb", 0, COCKPIT_CLIENT_ERROR_RESPONSE_TOO_LARGE,
    .prepare = prepare_bomb },
  /* A 15 MB message over real HTTP, as one cockpit sent it: the error
   * comes at once, in a sentence of ordinary length. */
  { "/cockpit/client/faults/huge-error-message", "long-message", 0, COCKPIT_CLIENT_ERROR_BAD_REQUEST,
    .prepare = prepare_huge_message, .check = check_short_message },

  /* Connections that go wrong.  A GET may be sent again after a broken
   * answer, a few times at most. */
  { "/cockpit/client/faults/truncated-body", NULL, RAW_TRUNCATE, COCKPIT_CLIENT_ERROR_NETWORK, 2, 3 },
  { "/cockpit/client/faults/connection-reset", NULL, RAW_RESET, COCKPIT_CLIENT_ERROR_NETWORK, 2, G_MAXUINT },
  /* Each byte comes well within the I/O timeout; only the overall
   * deadline can end the call, and a call that ran out of time is not
   * started again. */
  { "/cockpit/client/faults/slow-drip", NULL, RAW_DRIP, COCKPIT_CLIENT_ERROR_TIMED_OUT, 1, 1,
    .io_timeout_s = 1, .deadline_s = 2, .min_seconds = 1.5, .max_seconds = 20.0, .check = check_dripped },

  /* Retries. */
  { "/cockpit/client/retry/get-after-500", "flaky", 0, ANSWERED, 2, 2, .check = check_name },
  { "/cockpit/client/retry/gives-up", "broken", 0, COCKPIT_CLIENT_ERROR_SERVER, 3, 3 },
  /* The server's Retry-After wins over the client's own short delay. */
  { "/cockpit/client/retry/retry-after", "busy", 0, ANSWERED, 2, 2,
    .retry_first_ms = 10, .retry_max_ms = 5000, .min_seconds = 0.95 },
  /* Asked to wait an hour: the client gives up rather than ask early. */
  { "/cockpit/client/retry/retry-after-too-long", "very-busy", 0, COCKPIT_CLIENT_ERROR_RATE_LIMITED, 1, 1 },
  /* The overall deadline also covers the waits between attempts. */
  { "/cockpit/client/retry/deadline-while-waiting", "unavailable", 0, COCKPIT_CLIENT_ERROR_TIMED_OUT, 1, 1,
    .retry_first_ms = 10, .retry_max_ms = 30000, .io_timeout_s = 5, .deadline_s = 2, .max_seconds = 8.0 },

  /* Redirects: a relative Location is the same origin; a loop ends. */
  { "/cockpit/client/redirect/same-origin", "here", 0, ANSWERED, 2, 2, .check = check_same_origin },
  { "/cockpit/client/redirect/loop", "loop", 0, COCKPIT_CLIENT_ERROR_REDIRECT_REFUSED, 1, 10 },
};

static void
test_fault_case (gconstpointer data)
{
  const FaultCase *c = data;
  g_autoptr(TestServer) server = NULL;
  g_autoptr(RawServer) raw = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitUser) user = NULL;
  g_autofree char *base = NULL;
  CockpitClient *client;
  gint64 start;
  double elapsed;
  guint sent;

  if (c->fault != NULL)
    {
      server = test_server_new ();
      base = g_strdup (server->base);
      if (c->prepare != NULL)
        c->prepare (server);
    }
  else
    {
      raw = raw_server_new (c->raw);
      base = raw_server_base (raw);
    }

  client = client_for (base, c->fault);
  if (c->retry_max_ms > 0)
    cockpit_client_set_retry_delay (client, c->retry_first_ms, c->retry_max_ms);
  if (c->deadline_s > 0)
    cockpit_client_set_timeouts (client, c->io_timeout_s, c->deadline_s);

  start = g_get_monotonic_time ();
  user = api_get_me (client, &error);
  elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  sent = server != NULL ? server->requests : (guint) g_atomic_int_get (&raw->connections);
  g_test_message ("the call ended after %.2f s and %u requests", elapsed, sent);

  if (c->code == ANSWERED)
    {
      g_assert_no_error (error);
      g_assert_nonnull (user);
    }
  else
    {
      g_assert_null (user);
      g_assert_error (error, COCKPIT_CLIENT_ERROR, c->code);
      api_assert_plain_message (error, TOKEN);
    }

  if (c->max_sent > 0)
    {
      g_assert_cmpuint (sent, >=, c->min_sent);
      g_assert_cmpuint (sent, <=, c->max_sent);
    }
  if (c->min_seconds > 0)
    g_assert_cmpfloat (elapsed, >=, c->min_seconds);
  if (c->max_seconds > 0)
    g_assert_cmpfloat (elapsed, <, c->max_seconds);
  if (c->check != NULL)
    c->check (server, raw, user, error);
  client_free (client);
}

/* Tests: calls that need more than one server or call ------------------------- */

static void
test_connection_refused (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitUser) user = NULL;
  g_autofree char *base = NULL;
  CockpitClient *client;

  /* A port that was free a moment ago and that nobody listens on. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  base = g_strdup_printf ("http://127.0.0.1:%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  client = client_for (base, NULL);
  user = api_get_me (client, &error);
  g_assert_null (user);
  g_assert_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_NETWORK);
  api_assert_plain_message (error, TOKEN);
  client_free (client);
}

static void
test_cancel_while_waiting (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  CockpitClient *client = client_for (server->base, "unavailable");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitUser) user = NULL;
  gint64 start;
  double elapsed;

  /* Told to come back in 10 s, and cancelled meanwhile: the call ends
   * now, not when the wait would have. */
  cockpit_client_set_retry_delay (client, 10, 30000);
  cockpit_client_get_me_async (client, cancellable, api_result_cb, &result);
  api_wait_until (api_counter_positive, &server->requests);
  api_spin (100);
  start = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  api_wait_result (&result);
  elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  user = cockpit_client_get_me_finish (client, result, &error);

  g_test_message ("ended %.2f s after the cancel", elapsed);
  g_assert_null (user);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (elapsed, <, 5.0);
  g_assert_cmpuint (server->requests, ==, 1);
  g_clear_object (&result);
  client_free (client);
}

static void
test_retry_post_with_key (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  CockpitClient *client = client_for (server->base, "busy");
  g_autoptr(CockpitEnvironment) environment = api_decode (COCKPIT_TYPE_ENVIRONMENT, environment_json);
  g_autofree char *key = cockpit_client_new_idempotency_key ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitAction) action = NULL;

  cockpit_client_set_retry_delay (client, 10, 5000);
  cockpit_client_upgrade_async (client, environment, "6.3.21", key, NULL, api_result_cb, &result);
  api_wait_result (&result);
  action = cockpit_client_start_action_finish (client, result, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cockpit_action_get_id (action), ==, "act-1");
  /* Sent twice, both times under the one key of the intent. */
  g_assert_cmpuint (server->requests, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (server->keys, 0), ==, key);
  g_assert_cmpstr (g_ptr_array_index (server->keys, 1), ==, key);
  g_assert_cmpstr (g_ptr_array_index (server->paths, 0), ==,
                   "/busy/api/v1/packages/acmeweb/environments/acmeweb-uat/upgrade");
  g_clear_object (&result);
  client_free (client);
}

static void
test_retry_notification_post (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  CockpitClient *client = client_for (server->base, "flaky");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  cockpit_client_mark_notification_read_async (client, "ntf-1", NULL, api_result_cb, &result);
  api_wait_result (&result);
  g_assert_true (cockpit_client_notification_finish (client, result, &error));
  g_assert_no_error (error);

  /* The client made a key of its own, so the POST could be sent again. */
  g_assert_cmpuint (server->requests, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (server->keys, 0), !=, "");
  g_assert_cmpstr (g_ptr_array_index (server->keys, 0), ==, g_ptr_array_index (server->keys, 1));
  g_clear_object (&result);
  client_free (client);
}

static void
test_post_without_key (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  CockpitClient *client = client_for (server->base, "flaky");
  g_autoptr(CockpitEnvironment) environment = api_decode (COCKPIT_TYPE_ENVIRONMENT, environment_json);
  g_autoptr(GAsyncResult) result = NULL;

  /* A mutating call without a key is a programming error: it is refused
   * before anything is sent, so it can never be sent twice. */
  if (g_test_undefined ())
    {
      g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*idempotency_key != NULL*");
      cockpit_client_upgrade_async (client, environment, "6.3.21", NULL, NULL, api_result_cb, &result);
      g_test_assert_expected_messages ();
      g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*idempotency_key != NULL*");
      cockpit_client_teardown_async (client, environment, NULL, NULL, api_result_cb, &result);
      g_test_assert_expected_messages ();
    }
  api_spin (300);
  g_assert_null (result);
  g_assert_cmpuint (server->requests, ==, 0);
  g_clear_object (&result);
  client_free (client);
}

static void
test_redirect_other_origin (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  g_autoptr(TestServer) other = test_server_new ();
  CockpitClient *client = client_for (server->base, "away");
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitUser) user = NULL;

  /* Another port of the same host is another origin. */
  server->elsewhere = g_strdup (other->base);
  user = api_get_me (client, &error);

  g_assert_null (user);
  g_assert_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_REDIRECT_REFUSED);
  api_assert_plain_message (error, TOKEN);
  g_assert_cmpuint (server->requests, ==, 1);
  g_assert_cmpuint (other->requests, ==, 0);
  client_free (client);
}

static void
test_redirect_other_host (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  g_autoptr(TestServer) other = test_server_new ();
  CockpitClient *client = client_for (server->base, "away");
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitUser) user = NULL;
  g_autofree char *port = g_strdup (strrchr (other->base, ':'));

  /* "localhost" is another host name than "127.0.0.1", even if both lead
   * to the same machine. */
  server->elsewhere = g_strconcat ("http://localhost", port, NULL);
  user = api_get_me (client, &error);

  g_assert_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_REDIRECT_REFUSED);
  g_assert_cmpuint (other->requests, ==, 0);
  client_free (client);
}

/* Tests: addresses and certificates --------------------------------------------- */

static void
test_insecure_url (void)
{
  static const struct {
    const char         *url;
    CockpitClientError  code;
  } cases[] = {
    { "http://example.com", COCKPIT_CLIENT_ERROR_INSECURE_URL },
    { "http://cockpit.example.com:8080/api", COCKPIT_CLIENT_ERROR_INSECURE_URL },
    { "http://10.0.0.1", COCKPIT_CLIENT_ERROR_INSECURE_URL },
    { "http://127.0.0.1.example.com", COCKPIT_CLIENT_ERROR_INSECURE_URL },
    { "ftp://example.com", COCKPIT_CLIENT_ERROR_INVALID_URL },
    { "example.com", COCKPIT_CLIENT_ERROR_INVALID_URL },
    { "", COCKPIT_CLIENT_ERROR_INVALID_URL },
    { "https://user:secret@example.com", COCKPIT_CLIENT_ERROR_INVALID_URL },
    { "https://example.com/?token=1", COCKPIT_CLIENT_ERROR_INVALID_URL },
  };
  static const char * const allowed[] = {
    "https://example.com", "http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:8080",
    "http://127.0.0.2", "https://cockpit.example.com/prefix/",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CockpitClient) client = cockpit_client_new (cases[i].url, TOKEN, &error);

      g_test_message ("%s", cases[i].url);
      g_assert_null (client);
      g_assert_error (error, COCKPIT_CLIENT_ERROR, (gint) cases[i].code);
      g_assert_null (strstr (error->message, TOKEN));
      g_assert_false (cockpit_client_check_url (cases[i].url, NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autoptr(GError) error = NULL;
      CockpitClient *client = cockpit_client_new (allowed[i], TOKEN, &error);

      g_test_message ("%s", allowed[i]);
      g_assert_no_error (error);
      g_assert_true (cockpit_client_check_url (allowed[i], NULL));
      client_free (client);
    }
}

/* Makes a self-signed certificate for 127.0.0.1 with openssl; NULL (and
 * the test skipped) when that cannot be done here. */
static GTlsCertificate *
make_certificate (const char  *dir,
                  char       **cert_path)
{
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  g_autoptr(GSubprocess) openssl = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *openssl_path = g_find_program_in_path ("openssl");
  GTlsCertificate *certificate;

  if (openssl_path == NULL)
    {
      g_test_skip ("openssl is not installed");
      return NULL;
    }
  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_skip ("GIO has no TLS backend (glib-networking)");
      return NULL;
    }

  openssl = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              openssl_path, "req", "-x509", "-newkey", "ec",
                              "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                              "-keyout", key, "-out", cert, "-days", "2",
                              "-subj", "/CN=127.0.0.1",
                              "-addext", "subjectAltName=IP:127.0.0.1",
                              "-addext", "basicConstraints=critical,CA:TRUE",
                              NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (openssl, NULL, &error);
  if (error != NULL)
    {
      g_autofree char *why = g_strdup_printf ("openssl could not make a certificate: %s", error->message);

      g_test_skip (why);
      return NULL;
    }

  certificate = g_tls_certificate_new_from_files (cert, key, &error);
  g_assert_no_error (error);
  *cert_path = g_steal_pointer (&cert);
  return certificate;
}

static void
test_tls_untrusted (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cockpit-tls-XXXXXX", &error);
  g_autofree char *cert_path = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(TestServer) server = NULL;
  g_autoptr(CockpitUser) user = NULL;
  CockpitClient *client;

  g_assert_no_error (error);
  certificate = make_certificate (dir, &cert_path);
  if (certificate == NULL)
    {
      api_remove_tree (dir);
      return;
    }

  server = test_server_new_full (certificate);
  g_assert_true (g_str_has_prefix (server->base, "https://"));

  client = client_for (server->base, "ok");
  user = api_get_me (client, &error);
  g_assert_null (user);
  g_assert_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_TLS);
  api_assert_plain_message (error, TOKEN);
  /* The request never got past the handshake. */
  g_assert_cmpuint (server->requests, ==, 0);
  client_free (client);
  g_clear_error (&error);

  /* Trusted once its certificate is in the client's database. */
  {
    g_autoptr(GTlsDatabase) database = g_tls_file_database_new (cert_path, &error);

    g_assert_no_error (error);
    client = client_for (server->base, "ok");
    cockpit_client_set_tls_database (client, database);
    user = api_get_me (client, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (cockpit_user_get_name (user), ==, "Alex Example");
    g_assert_cmpuint (server->requests, ==, 1);
    client_free (client);
  }

  api_remove_tree (dir);
}

/* Tests: cancelling ----------------------------------------------------------- */

static void
test_cancel (void)
{
  g_autoptr(RawServer) raw = raw_server_new (RAW_DRIP);
  g_autofree char *base = raw_server_base (raw);
  CockpitClient *client = client_for (base, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitUser) user = NULL;

  cockpit_client_get_me_async (client, cancellable, api_result_cb, &result);
  api_wait_until (api_counter_positive, &raw->dripped);
  g_cancellable_cancel (cancellable);
  api_wait_result (&result);
  user = cockpit_client_get_me_finish (client, result, &error);

  /* Cancelled by the caller: silent, and not retried. */
  g_assert_null (user);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_atomic_int_get (&raw->connections), ==, 1);
  g_clear_object (&result);
  client_free (client);
}

/* Tests: hostile texts and numbers ------------------------------------------------ */

static void
test_long_error_message (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  gsize lengths[] = { 40, COCKPIT_TEXT_MAX_MESSAGE, COCKPIT_TEXT_MAX_MESSAGE + 1, 10000 };

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      CockpitClient *client = client_for (server->base, "long-message");
      g_autoptr(GError) error = NULL;
      g_autoptr(CockpitUser) user = NULL;
      const char *text;

      server->message_length = lengths[i];
      user = api_get_me (client, &error);
      g_assert_null (user);
      g_assert_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_BAD_REQUEST);
      g_test_message ("%zu characters: %zu bytes in the message", lengths[i], strlen (error->message));

      /* The cockpit's own words follow ours, at most so many characters
       * of them, cut at a character boundary. */
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      text = strstr (error->message, ": ");
      g_assert_nonnull (text);
      text += 2;
      g_assert_cmpuint (g_utf8_strlen (text, -1), ==, MIN (lengths[i], COCKPIT_TEXT_MAX_MESSAGE));
      g_assert_true ((lengths[i] > COCKPIT_TEXT_MAX_MESSAGE) == g_str_has_suffix (text, "…"));
      g_assert_true (g_str_has_prefix (text, "aé€😀a"));
      client_free (client);
    }
}

typedef struct {
  const char *value;
  gboolean    gives_up;   /* TRUE: longer than the client waits, so no retry */
} RetryAfterCase;

static const RetryAfterCase retry_after_cases[] = {
  { "9223372036854775807", TRUE },
  { "9223372036854775808", TRUE },
  { "18446744073709551616", TRUE },
  { "99999999999999999999999999999999", TRUE },
  { "86401", TRUE },
  { "Fri, 31 Dec 9999 23:59:59 GMT", TRUE },
  /* Not a delay: the client's own back-off applies. */
  { "-9223372036854775808", FALSE },
  { "-1", FALSE },
  { "+1", FALSE },
  { "1e9", FALSE },
  { "0x7fffffff", FALSE },
  { "", FALSE },
  /* Long past: at once. */
  { "Mon, 01 Jan 0001 00:00:00 GMT", FALSE },
  { "0", FALSE },
};

/* Hostile Retry-After values never overflow (run under UBSan to see it)
 * and never make the client wait longer than it would. */
static void
test_retry_after_hostile (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (retry_after_cases); i++)
    {
      g_autoptr(TestServer) server = test_server_new ();
      CockpitClient *client = client_for (server->base, "retry-after");
      g_autoptr(GError) error = NULL;
      g_autoptr(CockpitUser) user = NULL;

      g_test_message ("Retry-After: %s", retry_after_cases[i].value);
      server->retry_after = retry_after_cases[i].value;
      cockpit_client_set_retry_delay (client, 10, 2000);
      user = api_get_me (client, &error);
      if (retry_after_cases[i].gives_up)
        {
          g_assert_null (user);
          g_assert_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_RATE_LIMITED);
          g_assert_cmpuint (server->requests, ==, 1);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_nonnull (user);
          g_assert_cmpuint (server->requests, ==, 2);
        }
      client_free (client);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fault_cases); i++)
    g_test_add_data_func (fault_cases[i].path, &fault_cases[i], test_fault_case);

  g_test_add_func ("/cockpit/client/faults/connection-refused", test_connection_refused);
  g_test_add_func ("/cockpit/client/faults/cancel", test_cancel);
  g_test_add_func ("/cockpit/client/retry/retry-after-hostile", test_retry_after_hostile);
  g_test_add_func ("/cockpit/client/faults/long-error-message", test_long_error_message);
  g_test_add_func ("/cockpit/client/retry/cancel-while-waiting", test_cancel_while_waiting);
  g_test_add_func ("/cockpit/client/retry/post-with-key", test_retry_post_with_key);
  g_test_add_func ("/cockpit/client/retry/notification-post", test_retry_notification_post);
  g_test_add_func ("/cockpit/client/retry/post-without-key", test_post_without_key);
  g_test_add_func ("/cockpit/client/redirect/other-origin", test_redirect_other_origin);
  g_test_add_func ("/cockpit/client/redirect/other-host", test_redirect_other_host);
  g_test_add_func ("/cockpit/client/url/insecure", test_insecure_url);
  g_test_add_func ("/cockpit/client/tls/untrusted", test_tls_untrusted);

  return g_test_run ();
}
