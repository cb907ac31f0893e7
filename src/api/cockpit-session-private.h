/* cockpit-session-private.h: what the session's files share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cockpit-session.c is the object, its lists, refreshes and cache;
 * cockpit-session-plans.c follows the packages' upgrade plans.
 */
#pragma once

#include "cockpit-session.h"

G_BEGIN_DECLS

typedef struct _CockpitSessionPlans CockpitSessionPlans;

/* The session's signals, emitted by its parts. */
void                 _cockpit_session_emit_plan_changed (CockpitSession      *self,
                                                         CockpitPackage      *package);
void                 _cockpit_session_emit_plan_event   (CockpitSession      *self,
                                                         CockpitPackage      *package,
                                                         CockpitPlan         *plan,
                                                         CockpitPlanEvent     event);

/* NULL once the session is disposed. */
CockpitSessionPlans *_cockpit_session_get_plans         (CockpitSession      *self);

/* @session is not referenced: the plans live as long as it does. */
CockpitSessionPlans *_cockpit_session_plans_new         (CockpitSession      *session);
void                 _cockpit_session_plans_free        (CockpitSessionPlans *plans);
/* After the packages were merged with the cockpit's answer (not from
 * the cache): says what happened to each package's plan. */
void                 _cockpit_session_plans_refreshed   (CockpitSessionPlans *plans);
/* A plan call answered @plan: shown at once, without waiting for a refresh. */
void                 _cockpit_session_plans_answered    (CockpitSessionPlans *plans,
                                                         CockpitPackage      *package,
                                                         CockpitPlan         *plan);
CockpitPlan         *_cockpit_session_plans_get         (CockpitSessionPlans *plans,
                                                         CockpitPackage      *package);
CockpitPlan         *_cockpit_session_plans_find        (CockpitSessionPlans *plans,
                                                         const char          *plan_id);

G_END_DECLS
