/* cockpit-sim-listener.c: accepts the simulator's connections itself, so that no client can use them all up.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libsoup 3.2's server, left to listen by itself, keeps a descriptor for
 * every connection its peer closed (CLOSE-WAIT), never closes a
 * connection whose request never ends, and listens with a backlog of 10:
 * about a thousand clients, or one local process, make it stop accepting
 * for good.  So the simulator accepts connections here and hands each to
 * the server with soup_server_accept_iostream(), and this listener keeps
 * them within bounds:
 *
 * - a connection must send its request within the header timeout, and
 *   may then sit idle for the idle timeout, after which it is closed;
 * - at most max_connections are open: a new one closes the oldest that is
 *   not being answered, so that a flood cannot lock everyone else out;
 * - the backlog is deep, so bursts wait in the kernel, not at the door.
 *
 * A server that does not listen itself closes each connection after its
 * answer (HTTP/1.1 allows it; on loopback a new connection is cheap), so
 * no idle keep-alive connection piles up either.  The sweep that enforces
 * the timeouts runs only while connections are open: an idle simulator
 * wakes nobody.
 */
#include "config.h"

#include <sys/resource.h>

#include "cockpit-sim-listener.h"

#define DEFAULT_HEADER_TIMEOUT_MS 10000
#define DEFAULT_IDLE_TIMEOUT_MS    5000
/* While an answer is written to a client that does not read it. */
#define ANSWER_TIMEOUT_MS         30000
#define SWEEP_INTERVAL_MS           250
#define BACKLOG                    1024

typedef enum {
  CONN_WAITING,      /* for a request, or for the rest of its headers and body */
  CONN_ANSWERING,    /* the request is in; its answer is being written */
  CONN_IDLE,         /* answered; waiting for the next request */
} ConnState;

typedef struct {
  CockpitSimListener *self;      /* not owned */
  GSocketConnection  *connection; /* not owned: a weak reference */
  GSocket            *socket;     /* owned */
  ConnState           state;
  gint64              accepted_at;
  gint64              deadline;   /* monotonic time, µs */
} Conn;

struct _CockpitSimListener
{
  GObject          parent_instance;

  SoupServer      *server;         /* not owned: it owns us, in effect */
  GSocketService  *service;
  GHashTable      *conns;          /* GSocket → Conn, owned */
  GMainContext    *context;
  GSource         *sweep;
  GTlsCertificate *certificate;
  guint            port;
  guint            max_connections;
  gint64           header_timeout;
  gint64           idle_timeout;
  gboolean         stopped;
};

G_DEFINE_FINAL_TYPE (CockpitSimListener, cockpit_sim_listener, G_TYPE_OBJECT)

static void conn_closed_cb (gpointer  data,
                            GObject  *where_the_object_was);

static void
conn_free (Conn *conn)
{
  if (conn->connection != NULL)
    g_object_weak_unref (G_OBJECT (conn->connection), conn_closed_cb, conn);
  g_clear_object (&conn->socket);
  g_free (conn);
}

/* The server let go of the connection: it is closed. */
static void
conn_closed_cb (gpointer  data,
                GObject  *where_the_object_was)
{
  Conn *conn = data;

  conn->connection = NULL;
  g_hash_table_remove (conn->self->conns, conn->socket);
}

/* Closes the descriptor at once; the server notices at its next read or
 * write and lets go of the connection. */
static void
conn_close (Conn *conn)
{
  if (!g_socket_is_closed (conn->socket))
    {
      g_socket_shutdown (conn->socket, TRUE, TRUE, NULL);
      g_socket_close (conn->socket, NULL);
    }
  g_hash_table_remove (conn->self->conns, conn->socket);
}

static gboolean sweep_cb (gpointer user_data);

static void
ensure_sweep (CockpitSimListener *self)
{
  if (self->sweep != NULL || g_hash_table_size (self->conns) == 0)
    return;

  self->sweep = g_timeout_source_new (SWEEP_INTERVAL_MS);
  g_source_set_callback (self->sweep, sweep_cb, self, NULL);
  g_source_attach (self->sweep, self->context);
}

static gboolean
sweep_cb (gpointer user_data)
{
  CockpitSimListener *self = user_data;
  gint64 now = g_get_monotonic_time ();
  g_autoptr(GPtrArray) expired = g_ptr_array_new ();
  GHashTableIter iter;
  Conn *conn;

  g_hash_table_iter_init (&iter, self->conns);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &conn))
    if (now >= conn->deadline || g_socket_is_closed (conn->socket))
      g_ptr_array_add (expired, conn);

  for (guint i = 0; i < expired->len; i++)
    conn_close (g_ptr_array_index (expired, i));

  if (g_hash_table_size (self->conns) > 0)
    return G_SOURCE_CONTINUE;

  /* Nothing left to watch: no more wake-ups until the next connection. */
  g_clear_pointer (&self->sweep, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
conn_set_state (Conn      *conn,
                ConnState  state)
{
  CockpitSimListener *self = conn->self;
  gint64 timeout = state == CONN_WAITING ? self->header_timeout
                 : state == CONN_IDLE ? self->idle_timeout
                 : ANSWER_TIMEOUT_MS * 1000;

  conn->state = state;
  conn->deadline = g_get_monotonic_time () + timeout;
}

static Conn *
lookup (CockpitSimListener *self,
        SoupServerMessage  *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);

  return socket != NULL ? g_hash_table_lookup (self->conns, socket) : NULL;
}

static void
request_started_cb (SoupServer         *server,
                    SoupServerMessage  *msg,
                    CockpitSimListener *self)
{
  Conn *conn = lookup (self, msg);

  if (conn != NULL)
    conn_set_state (conn, CONN_WAITING);
}

static void
request_read_cb (SoupServer         *server,
                 SoupServerMessage  *msg,
                 CockpitSimListener *self)
{
  Conn *conn = lookup (self, msg);

  if (conn != NULL)
    conn_set_state (conn, CONN_ANSWERING);
}

static void
request_done_cb (SoupServer         *server,
                 SoupServerMessage  *msg,
                 CockpitSimListener *self)
{
  Conn *conn = lookup (self, msg);

  if (conn != NULL)
    conn_set_state (conn, CONN_IDLE);
}

/* Makes room for one more connection: the oldest one that is not being
 * answered goes.  Under a flood of connections that never send a request,
 * a client that does gets its answer before its turn to go comes. */
static void
make_room (CockpitSimListener *self)
{
  GHashTableIter iter;
  Conn *conn, *oldest = NULL;

  g_hash_table_iter_init (&iter, self->conns);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &conn))
    {
      if (conn->state == CONN_ANSWERING)
        continue;
      if (oldest == NULL || conn->accepted_at < oldest->accepted_at)
        oldest = conn;
    }
  if (oldest != NULL)
    conn_close (oldest);
}

static gboolean
incoming_cb (GSocketService     *service,
             GSocketConnection  *connection,
             GObject            *source_object,
             CockpitSimListener *self)
{
  g_autoptr(GSocketAddress) local = g_socket_connection_get_local_address (connection, NULL);
  g_autoptr(GSocketAddress) remote = g_socket_connection_get_remote_address (connection, NULL);
  g_autoptr(GError) error = NULL;
  GSocket *socket = g_socket_connection_get_socket (connection);
  Conn *conn;

  if (self->stopped)
    {
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      return TRUE;
    }

  while (g_hash_table_size (self->conns) >= self->max_connections)
    {
      guint before = g_hash_table_size (self->conns);

      make_room (self);
      if (g_hash_table_size (self->conns) == before)
        {
          /* Every connection is being answered: this one waits no turn. */
          g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
          return TRUE;
        }
    }

  conn = g_new0 (Conn, 1);
  conn->self = self;
  conn->connection = connection;
  conn->socket = g_object_ref (socket);
  conn->accepted_at = g_get_monotonic_time ();
  g_object_weak_ref (G_OBJECT (connection), conn_closed_cb, conn);
  g_hash_table_replace (self->conns, conn->socket, conn);
  conn_set_state (conn, CONN_WAITING);

  if (self->certificate != NULL)
    {
      g_autoptr(GIOStream) tls = g_tls_server_connection_new (G_IO_STREAM (connection), self->certificate, &error);

      if (tls == NULL || !soup_server_accept_iostream (self->server, tls, local, remote, &error))
        {
          g_debug ("The simulator could not take a TLS connection: %s", error->message);
          conn_close (conn);
          return TRUE;
        }
      ensure_sweep (self);
      return TRUE;
    }

  if (!soup_server_accept_iostream (self->server, G_IO_STREAM (connection), local, remote, &error))
    {
      g_debug ("The simulator could not take a connection: %s", error->message);
      conn_close (conn);
      return TRUE;
    }

  ensure_sweep (self);
  return TRUE;
}

CockpitSimListener *
cockpit_sim_listener_new (SoupServer *server)
{
  CockpitSimListener *self;

  g_return_val_if_fail (SOUP_IS_SERVER (server), NULL);

  self = g_object_new (COCKPIT_TYPE_SIM_LISTENER, NULL);
  self->server = server;
  g_signal_connect_object (server, "request-started", G_CALLBACK (request_started_cb), self, 0);
  g_signal_connect_object (server, "request-read", G_CALLBACK (request_read_cb), self, 0);
  g_signal_connect_object (server, "request-finished", G_CALLBACK (request_done_cb), self, 0);
  g_signal_connect_object (server, "request-aborted", G_CALLBACK (request_done_cb), self, 0);
  return self;
}

gboolean
cockpit_sim_listener_listen (CockpitSimListener  *self,
                             GInetAddress        *address,
                             guint                port,
                             GError             **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) wanted = NULL;
  g_autoptr(GSocketAddress) bound = NULL;

  g_return_val_if_fail (COCKPIT_IS_SIM_LISTENER (self), FALSE);
  g_return_val_if_fail (G_IS_INET_ADDRESS (address), FALSE);
  g_return_val_if_fail (self->service == NULL, FALSE);

  socket = g_socket_new (g_inet_address_get_family (address), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return FALSE;
  wanted = g_inet_socket_address_new (address, port);
  if (!g_socket_bind (socket, wanted, TRUE, error))
    return FALSE;
  g_socket_set_listen_backlog (socket, BACKLOG);
  if (!g_socket_listen (socket, error))
    return FALSE;

  bound = g_socket_get_local_address (socket, error);
  if (bound == NULL)
    return FALSE;
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  self->context = g_main_context_ref_thread_default ();
  self->service = g_socket_service_new ();
  if (!g_socket_listener_add_socket (G_SOCKET_LISTENER (self->service), socket, NULL, error))
    {
      g_clear_object (&self->service);
      return FALSE;
    }
  g_signal_connect_object (self->service, "incoming", G_CALLBACK (incoming_cb), self, 0);
  g_socket_service_start (self->service);
  return TRUE;
}

guint
cockpit_sim_listener_get_port (CockpitSimListener *self)
{
  g_return_val_if_fail (COCKPIT_IS_SIM_LISTENER (self), 0);

  return self->port;
}

void
cockpit_sim_listener_stop (CockpitSimListener *self)
{
  g_autoptr(GList) conns = NULL;

  g_return_if_fail (COCKPIT_IS_SIM_LISTENER (self));

  self->stopped = TRUE;
  if (self->service != NULL)
    {
      g_socket_service_stop (self->service);
      g_socket_listener_close (G_SOCKET_LISTENER (self->service));
    }
  conns = g_hash_table_get_values (self->conns);
  for (GList *l = conns; l != NULL; l = l->next)
    conn_close (l->data);
  if (self->sweep != NULL)
    {
      g_source_destroy (self->sweep);
      g_clear_pointer (&self->sweep, g_source_unref);
    }
}

void
cockpit_sim_listener_set_tls_certificate (CockpitSimListener *self,
                                          GTlsCertificate    *certificate)
{
  g_return_if_fail (COCKPIT_IS_SIM_LISTENER (self));

  g_set_object (&self->certificate, certificate);
}

guint
cockpit_sim_listener_get_n_connections (CockpitSimListener *self)
{
  g_return_val_if_fail (COCKPIT_IS_SIM_LISTENER (self), 0);

  return g_hash_table_size (self->conns);
}

guint
cockpit_sim_listener_get_max_connections (CockpitSimListener *self)
{
  g_return_val_if_fail (COCKPIT_IS_SIM_LISTENER (self), 0);

  return self->max_connections;
}

void
cockpit_sim_listener_set_limits (CockpitSimListener *self,
                                 guint               max_connections,
                                 guint               header_timeout_ms,
                                 guint               idle_timeout_ms)
{
  g_return_if_fail (COCKPIT_IS_SIM_LISTENER (self));
  g_return_if_fail (max_connections > 0);

  self->max_connections = max_connections;
  self->header_timeout = (gint64) header_timeout_ms * 1000;
  self->idle_timeout = (gint64) idle_timeout_ms * 1000;
}

static void
cockpit_sim_listener_dispose (GObject *object)
{
  CockpitSimListener *self = COCKPIT_SIM_LISTENER (object);

  cockpit_sim_listener_stop (self);
  g_clear_object (&self->service);
  g_clear_object (&self->certificate);

  G_OBJECT_CLASS (cockpit_sim_listener_parent_class)->dispose (object);
}

static void
cockpit_sim_listener_finalize (GObject *object)
{
  CockpitSimListener *self = COCKPIT_SIM_LISTENER (object);

  g_hash_table_unref (self->conns);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (cockpit_sim_listener_parent_class)->finalize (object);
}

static void
cockpit_sim_listener_class_init (CockpitSimListenerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cockpit_sim_listener_dispose;
  object_class->finalize = cockpit_sim_listener_finalize;
}

static void
cockpit_sim_listener_init (CockpitSimListener *self)
{
  struct rlimit limit;
  guint max = 512;

  /* Half of the descriptors left over, so that the process (the whole app,
   * in demo mode) keeps enough for its own files. */
  if (getrlimit (RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
    max = (guint) CLAMP (((gint64) limit.rlim_cur - 64) / 2, 8, 4096);

  self->conns = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) conn_free);
  self->max_connections = max;
  self->header_timeout = (gint64) DEFAULT_HEADER_TIMEOUT_MS * 1000;
  self->idle_timeout = (gint64) DEFAULT_IDLE_TIMEOUT_MS * 1000;
}
