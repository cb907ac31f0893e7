/* test-server-util.h: a test's own SoupServer on 127.0.0.1, served through the simulator's listener.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only.  libsoup 3.2's own soup_server_listen() leaks every socket
 * it accepts (LeakSanitizer sees it in the sanitizer run), so the tests'
 * fake cockpits are served the way the simulator is: through
 * CockpitSimListener, which accepts connections itself and hands them to
 * the server.  And a server that never answers, for what a slow cockpit
 * looks like.
 */
#pragma once

#include "cockpit-sim-listener.h"

/* Serves @server on a free port of 127.0.0.1, over TLS with
 * @certificate; returns "http(s)://127.0.0.1:PORT".  The listener lives
 * as long as the server. */
static inline char *
test_server_listen_local (SoupServer      *server,
                          GTlsCertificate *certificate)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GError) error = NULL;
  CockpitSimListener *listener = cockpit_sim_listener_new (server);

  cockpit_sim_listener_set_tls_certificate (listener, certificate);
  cockpit_sim_listener_listen (listener, loopback, 0, &error);
  g_assert_no_error (error);
  g_object_set_data_full (G_OBJECT (server), "test-listener", listener, g_object_unref);

  return g_strdup_printf ("%s://127.0.0.1:%u", certificate ? "https" : "http",
                          cockpit_sim_listener_get_port (listener));
}

static inline gboolean
test_server_hold_cb (GSocketService    *service,
                     GSocketConnection *connection,
                     GObject           *source,
                     GPtrArray         *held)
{
  /* Accepted, read from by no one, never answered. */
  g_ptr_array_add (held, g_object_ref (connection));
  return TRUE;
}

/* Makes @service listen on a free port and accept connections without
 * ever answering, keeping them in @held (of GSocketConnection); returns
 * "http://127.0.0.1:PORT".  The caller stops and closes @service. */
static inline char *
test_server_listen_silent (GSocketService *service,
                           GPtrArray      *held)
{
  g_autoptr(GError) error = NULL;
  guint16 port;

  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (test_server_hold_cb), held);
  g_socket_service_start (service);
  return g_strdup_printf ("http://127.0.0.1:%u", port);
}
