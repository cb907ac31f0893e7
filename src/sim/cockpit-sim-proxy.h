/* cockpit-sim-proxy.h: a reverse proxy in front of another cockpit server, which records what crosses it for the conformance check.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define COCKPIT_TYPE_SIM_PROXY (cockpit_sim_proxy_get_type ())

G_DECLARE_FINAL_TYPE (CockpitSimProxy, cockpit_sim_proxy, COCKPIT, SIM_PROXY, GObject)

/* Passes every request on to @upstream ("https://cockpit.example.com", no
 * path) and its answer back, unchanged but for the hop-by-hop headers;
 * redirects are passed back, not followed.  With COCKPIT_SIM_RECORD set,
 * every exchange is recorded as the simulator's are (never the token). */
CockpitSimProxy *cockpit_sim_proxy_new          (const char       *upstream,
                                                 GError          **error);
gboolean         cockpit_sim_proxy_listen       (CockpitSimProxy  *self,
                                                 const char       *address,
                                                 guint             port,
                                                 GError          **error);
/* "http://127.0.0.1:PORT" once listening. */
const char      *cockpit_sim_proxy_get_base_url (CockpitSimProxy  *self);

G_END_DECLS
