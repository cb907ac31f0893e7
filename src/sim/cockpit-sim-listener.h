/* cockpit-sim-listener.h: accepts the simulator's connections itself, so that no client can use them all up.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define COCKPIT_TYPE_SIM_LISTENER (cockpit_sim_listener_get_type ())

G_DECLARE_FINAL_TYPE (CockpitSimListener, cockpit_sim_listener, COCKPIT, SIM_LISTENER, GObject)

/* Hands the connections it accepts to @server, which must not listen by
 * itself.  The listener follows every connection: one that has not sent
 * its request's headers within the header timeout, or that sits idle
 * longer than the idle timeout, is closed, and when as many connections
 * are open as allowed, the oldest that is not being answered makes room
 * for a new one. */
CockpitSimListener *cockpit_sim_listener_new           (SoupServer          *server);
/* Listens on @address and @port (0: a free one), with a deep backlog. */
gboolean            cockpit_sim_listener_listen        (CockpitSimListener  *self,
                                                        GInetAddress        *address,
                                                        guint                port,
                                                        GError             **error);
guint               cockpit_sim_listener_get_port      (CockpitSimListener  *self);
/* With a certificate, every connection is TLS (https); for tests. */
void                cockpit_sim_listener_set_tls_certificate (CockpitSimListener *self,
                                                              GTlsCertificate    *certificate);
/* Stops accepting and closes every connection. */
void                cockpit_sim_listener_stop          (CockpitSimListener  *self);

/* The connections open now. */
guint               cockpit_sim_listener_get_n_connections (CockpitSimListener *self);
guint               cockpit_sim_listener_get_max_connections (CockpitSimListener *self);
/* For tests: the limits, in connections and milliseconds. */
void                cockpit_sim_listener_set_limits    (CockpitSimListener  *self,
                                                        guint                max_connections,
                                                        guint                header_timeout_ms,
                                                        guint                idle_timeout_ms);

G_END_DECLS
