/* cockpit-session-plans-private.h: the follower of the packages' upgrade plans, for the session.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The follower knows the session's client and packages list, not the
 * session: it tells what it sees by its signals, which the session emits
 * again as its own "plan-changed" and "plan-event", and asks for a
 * refresh by "refresh-due".
 */
#pragma once

#include "cockpit-session.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_SESSION_PLANS (cockpit_session_plans_get_type ())

G_DECLARE_FINAL_TYPE (CockpitSessionPlans, cockpit_session_plans, COCKPIT, SESSION_PLANS, GObject)

/* Signals:
 *   "plan-changed" (CockpitPackage *package)
 *   "plan-event" (CockpitPackage *package, CockpitPlan *plan, int event)
 *   "refresh-due" (): a plan moves on by itself about now, or a step runs. */
CockpitSessionPlans *_cockpit_session_plans_new       (CockpitClient       *client,
                                                       GListModel          *packages);
/* After the packages were merged with the cockpit's answer (not from
 * the cache): says what happened to each package's plan. */
void                 _cockpit_session_plans_refreshed (CockpitSessionPlans *self,
                                                       GDateTime           *now);
/* A plan call answered @plan: shown at once, without waiting for a refresh. */
void                 _cockpit_session_plans_answered  (CockpitSessionPlans *self,
                                                       CockpitPackage      *package,
                                                       CockpitPlan         *plan);
CockpitPlan         *_cockpit_session_plans_get       (CockpitSessionPlans *self,
                                                       CockpitPackage      *package);
CockpitPlan         *_cockpit_session_plans_find      (CockpitSessionPlans *self,
                                                       const char          *plan_id);

G_END_DECLS
