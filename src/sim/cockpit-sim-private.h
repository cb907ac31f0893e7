/* cockpit-sim-private.h: entry points into the simulator for its command, fuzzers and benchmarks.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "cockpit-simulator.h"

G_BEGIN_DECLS

/* Runs one request through the simulator as its server would, without a
 * connection: the checks on the headers (token, announced size), the
 * clock, the route, the idempotency key, the handler and the save.
 * @path is the path as sent (escapes and all), @query the query as sent
 * or NULL.  The answer's headers other than its type go into
 * @response_headers, its JSON text (or NULL for none) into @answer.
 * Returns the status. */
guint cockpit_simulator_handle_request (CockpitSimulator   *self,
                                        const char         *method,
                                        const char         *path,
                                        const char         *query,
                                        SoupMessageHeaders *request_headers,
                                        GBytes             *body,
                                        SoupMessageHeaders *response_headers,
                                        char              **answer);

/* Reads the token from the file `cockpit-sim --token-file` names: its
 * contents without the white space around them. */
char *cockpit_sim_read_token_file (const char  *path,
                                   GError     **error);

G_END_DECLS
