/* cockpit-sim-recorder.h: writes every request and answer a server exchanges into a JSON Lines file, for the conformance check.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* The environment variable that turns recording on: a folder, where each
 * recording server writes a file of its own. */
#define COCKPIT_SIM_RECORD_ENV "COCKPIT_SIM_RECORD"

/* Records every exchange @server finishes into @path, one JSON object a
 * line, appended: the method, the path and query as sent, the request
 * headers of the contract (Content-Type, Idempotency-Key, Accept; never
 * Authorization, only whether it was sent), the request body, the status,
 * the answer's headers of the contract and its body (JSON answers only;
 * none for HEAD, as none crossed the wire).  The file is opened at the
 * first exchange.  The recording lives as long as @server. */
void cockpit_sim_recorder_attach                  (SoupServer *server,
                                                   const char *path);
/* Does as cockpit_sim_recorder_attach() into a new file in the folder
 * that COCKPIT_SIM_RECORD names, and nothing when it is not set. */
void cockpit_sim_recorder_attach_from_environment (SoupServer *server);

/* One exchange as the recorder writes it, without the line's end. */
char *cockpit_sim_recorder_format (SoupServerMessage *msg);

G_END_DECLS
