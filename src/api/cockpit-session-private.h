/* cockpit-session-private.h: what the session's files share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From the bottom up, each file calling only those below it:
 * cockpit-session-plans.c follows the packages' upgrade plans,
 * cockpit-session.c is the object, its lists, refreshes and cache, and
 * cockpit-session-plan-calls.c the plan to show and the plan calls.
 */
#pragma once

#include "cockpit-session.h"
#include "cockpit-session-plans-private.h"

G_BEGIN_DECLS

/* NULL once the session is disposed. */
CockpitSessionPlans *_cockpit_session_get_plans        (CockpitSession *self);
/* TRUE while the cache waits to be written or is being written; tests
 * wait for it before they read the file. */
gboolean             _cockpit_session_get_saving_cache (CockpitSession *self);

G_END_DECLS
