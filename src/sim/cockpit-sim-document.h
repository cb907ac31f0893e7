/* cockpit-sim-document.h: serves the contract, docs/cockpit-api.yaml, at /api/v1/openapi.yaml.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define COCKPIT_SIM_DOCUMENT_PATH "/api/v1/openapi.yaml"

/* The OpenAPI document the simulator serves, from its GResource. */
GBytes *cockpit_sim_document_get_bytes (void);

/* Adds the handlers of COCKPIT_SIM_DOCUMENT_PATH to @server: GET and HEAD
 * answer the document as application/yaml without asking for the token,
 * so that any tool can read it; other methods get 405 with "Allow: GET,
 * HEAD", and paths below it 404, both as the contract's JSON errors. */
void    cockpit_sim_document_serve     (SoupServer *server);

G_END_DECLS
