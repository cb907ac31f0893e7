/* cockpit-sim-plans-private.h: upgrade plans (v1.1): what their rules, events, routes and file share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cockpit-sim-plans.c holds the rules of a request (create, approve,
 * cancel); cockpit-sim-plans-events.c what the clock and the ends of
 * actions make a plan do; cockpit-sim-plans-file.c the plans in the
 * state file; cockpit-sim-plans-handlers.c the routes.  A plan's data,
 * which plan is active and the Plan as JSON are the data's, below the
 * engine and the plans (cockpit-sim-state-private.h).
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cockpit-sim-state-private.h"

G_BEGIN_DECLS

/* Requests, in the contract's order of rejections; @now in whole
 * seconds, @by the person asking.  NULL or FALSE with a COCKPIT_SIM_ERROR. */
CockpitSimPlan *_cockpit_sim_plans_create         (CockpitSimState      *state,
                                                   CockpitSimPackage    *package,
                                                   GBytes               *body,
                                                   gint64                now,
                                                   const char           *by,
                                                   GError              **error);
gboolean        _cockpit_sim_plans_approve        (CockpitSimState      *state,
                                                   CockpitSimPackage    *package,
                                                   CockpitSimPlan       *plan,
                                                   gint64                now,
                                                   const char           *by,
                                                   GError              **error);
gboolean        _cockpit_sim_plans_cancel         (CockpitSimPackage    *package,
                                                   CockpitSimPlan       *plan,
                                                   gint64                now,
                                                   const char           *by,
                                                   GError              **error);

/* Events (cockpit-sim-plans-events.c).  The time of the package's next
 * plan event, or G_MAXINT64: a start_at, a soak gate, or a step that is
 * due and may start now that the package is free. */
gint64          _cockpit_sim_plans_next_due       (CockpitSimPackage    *package);
/* Carries out what is due for the package's active plan at @time. */
void            _cockpit_sim_plans_run_due        (CockpitSimState      *state,
                                                   CockpitSimPackage    *package,
                                                   gint64                time);
/* Called when @action has ended at @time, after its own activity entry. */
void            _cockpit_sim_plans_action_ended   (CockpitSimState      *state,
                                                   CockpitSimPackage    *package,
                                                   CockpitSimAction     *action,
                                                   gint64                time);
/* Makes the first step due at @time (a plan starting now, or its
 * start_at), by @by. */
void            _cockpit_sim_plans_start          (CockpitSimState      *state,
                                                   CockpitSimPackage    *package,
                                                   CockpitSimPlan       *plan,
                                                   gint64                time,
                                                   const char           *by);
/* An activity entry about a plan, at @time. */
void            _cockpit_sim_plans_add_entry      (CockpitSimPackage     *package,
                                                   CockpitEntryType       type,
                                                   CockpitEnvironmentKind affects,
                                                   gint64                 time,
                                                   const char            *by,
                                                   const char            *action_id,
                                                   const char            *format,
                                                   ...) G_GNUC_PRINTF (7, 8);

/* The demo seed's plans (cockpit-sim-seed-plans.c), once its packages
 * and their history are there: a scheduled Live upgrade of "hooli", and
 * a plan of "globex" waiting for the approval of UAT. */
void            _cockpit_sim_seed_plans           (CockpitSimState      *state,
                                                   gint64                now);

/* The state file (cockpit-sim-plans-file.c): the package's "plans". */
void            _cockpit_sim_plans_write          (JsonBuilder          *builder,
                                                   CockpitSimPackage    *package);
/* Reads the package's "plans", when there are any (older state files
 * have none). */
gboolean        _cockpit_sim_plans_read           (JsonObject           *object,
                                                   CockpitSimState      *state,
                                                   CockpitSimPackage    *package,
                                                   GError              **error);

G_END_DECLS
