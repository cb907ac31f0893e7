/* cockpit-sim-proxy.c: a reverse proxy in front of another cockpit server, which records what crosses it for the conformance check.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `cockpit-sim --proxy-to URL --record FOLDER`: a backend's author points
 * the app at the proxy, uses it, and checks the recording with
 * build-aux/check-cockpit-api.py.  The proxy understands nothing of the
 * contract; it only passes things on.
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "cockpit-sim-listener.h"
#include "cockpit-sim-proxy.h"
#include "cockpit-sim-recorder.h"

struct _CockpitSimProxy
{
  GObject      parent_instance;

  /* Owned */
  GUri        *upstream;
  SoupServer  *server;
  CockpitSimListener *listener;
  SoupSession *session;
  char        *base_url;
};

G_DEFINE_FINAL_TYPE (CockpitSimProxy, cockpit_sim_proxy, G_TYPE_OBJECT)

/* RFC 9110 7.6.1: a proxy does not pass these on; the length and the
 * encoding are set again for the body as it is passed. */
static gboolean
is_hop_by_hop (const char *name)
{
  static const char * const names[] = {
    "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "TE",
    "Trailer", "Transfer-Encoding", "Upgrade", "Host", "Content-Length", "Content-Encoding",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
copy_headers (SoupMessageHeaders *from,
              SoupMessageHeaders *to)
{
  SoupMessageHeadersIter iter;
  const char *name, *value;

  soup_message_headers_iter_init (&iter, from);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    if (!is_hop_by_hop (name))
      soup_message_headers_append (to, name, value);
}

typedef struct {
  SoupServerMessage *msg;
  SoupMessage       *upstream;
} Forward;

static void
forward_free (Forward *forward)
{
  g_clear_object (&forward->msg);
  g_clear_object (&forward->upstream);
  g_free (forward);
}

static void
set_bad_gateway (SoupServerMessage *msg,
                 const char        *reason)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  /* Not an answer of the contract: the checker reports it, as it should. */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, "proxy_error");
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, reason);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  soup_server_message_set_status (msg, SOUP_STATUS_BAD_GATEWAY, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, text, strlen (text));
}

static void
forward_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Forward *forward = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);

  if (body == NULL)
    set_bad_gateway (forward->msg, error->message);
  else
    {
      SoupMessageHeaders *headers = soup_message_get_response_headers (forward->upstream);
      const char *content_type = soup_message_headers_get_one (headers, "Content-Type");
      gsize length = 0;
      const char *data = g_bytes_get_data (body, &length);

      copy_headers (headers, soup_server_message_get_response_headers (forward->msg));
      soup_server_message_set_status (forward->msg, soup_message_get_status (forward->upstream),
                                      soup_message_get_reason_phrase (forward->upstream));
      if (length > 0 || content_type != NULL)
        soup_server_message_set_response (forward->msg, content_type, SOUP_MEMORY_COPY, data, length);
    }
  soup_server_message_unpause (forward->msg);
  forward_free (forward);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  CockpitSimProxy *self = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  g_autoptr(GUri) target = NULL;
  g_autoptr(GBytes) body = NULL;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  Forward *forward;

  target = g_uri_build (G_URI_FLAGS_ENCODED,
                        g_uri_get_scheme (self->upstream), NULL,
                        g_uri_get_host (self->upstream), g_uri_get_port (self->upstream),
                        g_uri_get_path (uri), g_uri_get_query (uri), NULL);

  forward = g_new0 (Forward, 1);
  forward->msg = g_object_ref (msg);
  forward->upstream = soup_message_new_from_uri (soup_server_message_get_method (msg), target);
  /* The client sees the redirect and decides, as without the proxy. */
  soup_message_add_flags (forward->upstream, SOUP_MESSAGE_NO_REDIRECT);
  copy_headers (headers, soup_message_get_request_headers (forward->upstream));
  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (g_bytes_get_size (body) > 0)
    soup_message_set_request_body_from_bytes (forward->upstream,
                                              soup_message_headers_get_content_type (headers, NULL),
                                              body);

  soup_server_message_pause (msg);
  soup_session_send_and_read_async (self->session, forward->upstream, G_PRIORITY_DEFAULT, NULL,
                                    forward_cb, forward);
}

static void
cockpit_sim_proxy_finalize (GObject *object)
{
  CockpitSimProxy *self = COCKPIT_SIM_PROXY (object);

  if (self->listener != NULL)
    cockpit_sim_listener_stop (self->listener);
  g_clear_object (&self->listener);
  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_object (&self->session);
  g_clear_pointer (&self->upstream, g_uri_unref);
  g_clear_pointer (&self->base_url, g_free);

  G_OBJECT_CLASS (cockpit_sim_proxy_parent_class)->finalize (object);
}

static void
cockpit_sim_proxy_class_init (CockpitSimProxyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cockpit_sim_proxy_finalize;
}

static void
cockpit_sim_proxy_init (CockpitSimProxy *self)
{
}

CockpitSimProxy *
cockpit_sim_proxy_new (const char  *upstream,
                       GError     **error)
{
  g_autoptr(CockpitSimProxy) self = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  g_return_val_if_fail (upstream != NULL, NULL);

  uri = g_uri_parse (upstream, G_URI_FLAGS_ENCODED, error);
  if (uri == NULL)
    return NULL;
  scheme = g_uri_get_scheme (uri);
  if ((g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (*g_uri_get_path (uri) != '\0' && !g_str_equal (g_uri_get_path (uri), "/")))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "The server to pass requests to must be an http or https URL without a path: %s",
                   upstream);
      return NULL;
    }

  self = g_object_new (COCKPIT_TYPE_SIM_PROXY, NULL);
  self->upstream = g_steal_pointer (&uri);
  self->session = soup_session_new ();
  self->server = soup_server_new ("server-header", "cockpit-sim-proxy", "raw-paths", TRUE, NULL);
  soup_server_add_handler (self->server, NULL, server_cb, self, NULL);
  cockpit_sim_recorder_attach_from_environment (self->server);
  return g_steal_pointer (&self);
}

gboolean
cockpit_sim_proxy_listen (CockpitSimProxy  *self,
                          const char       *address,
                          guint             port,
                          GError          **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autofree char *host = NULL;

  g_return_val_if_fail (COCKPIT_IS_SIM_PROXY (self), FALSE);
  g_return_val_if_fail (self->listener == NULL, FALSE);

  inet = g_inet_address_new_from_string (address);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "Not an IP address: %s", address);
      return FALSE;
    }
  /* The simulator's own accept loop: libsoup 3.2's leaks every socket. */
  self->listener = cockpit_sim_listener_new (self->server);
  if (!cockpit_sim_listener_listen (self->listener, inet, port, error))
    {
      g_clear_object (&self->listener);
      return FALSE;
    }

  host = g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6 ? g_strdup_printf ("[%s]", address)
                                                                   : g_strdup (address);
  self->base_url = g_strdup_printf ("http://%s:%u", host, cockpit_sim_listener_get_port (self->listener));
  return TRUE;
}

const char *
cockpit_sim_proxy_get_base_url (CockpitSimProxy *self)
{
  g_return_val_if_fail (COCKPIT_IS_SIM_PROXY (self), NULL);

  return self->base_url;
}
