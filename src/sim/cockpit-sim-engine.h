/* cockpit-sim-engine.h: the rules of actions, and the simulated clock's events.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-sim-state.h"

G_BEGIN_DECLS

/* Sets @error in COCKPIT_SIM_ERROR and returns FALSE: "return
 * _cockpit_sim_set_error (...)" refuses a request in one line. */
gboolean _cockpit_sim_set_error (GError          **error,
                                 CockpitSimError   code,
                                 const char       *format,
                                 ...) G_GNUC_PRINTF (3, 4);

/* Checks a request to start an action of @kind on @env, in the contract's
 * order (404, 400, maintenance, package_busy, then the action's own codes),
 * and starts it at @now.  @body is the request body, possibly empty.
 * Returns the new action, owned by @state, or NULL with a COCKPIT_SIM_ERROR. */
CockpitSimAction *cockpit_sim_engine_start        (CockpitSimState       *state,
                                                   CockpitSimPackage     *package,
                                                   CockpitSimEnvironment *env,
                                                   CockpitActionKind      kind,
                                                   GBytes                *body,
                                                   gint64                 now,
                                                   gint64                 stage_duration,
                                                   GError               **error);

/* Carries out, in time order, every event due at or before @now: stage
 * ends and upgrade backup expiries.  Returns TRUE when the state changed. */
gboolean          cockpit_sim_engine_process_due  (CockpitSimState       *state,
                                                   gint64                 now);

/* The time of the next event, or G_MAXINT64 when nothing is pending. */
gint64            cockpit_sim_engine_next_due     (CockpitSimState       *state);

/* Parses a request body that must be a JSON object; an empty body is
 * NULL without an error when @required is FALSE. */
JsonNode         *cockpit_sim_engine_parse_body   (GBytes                *body,
                                                   gboolean               required,
                                                   GError               **error);

/* Whether @version is a known release newer than @env's version. */
gboolean          cockpit_sim_engine_is_available (CockpitSimState       *state,
                                                   CockpitSimEnvironment *env,
                                                   CockpitSimRelease     *release);

G_END_DECLS
