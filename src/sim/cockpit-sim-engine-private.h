/* cockpit-sim-engine-private.h: what the starting of actions and the clock's events share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-sim-engine.h"

G_BEGIN_DECLS

#define UPGRADE_BACKUP_KEPT   (48 * COCKPIT_SIM_HOUR)
#define UPGRADE_BACKUP_MAX    (5 * COCKPIT_SIM_DAY)

/* Arms a stage that has just started when the fail-next control asked
 * for it: the stage then fails at its end.  Used for an action's first
 * stage when it starts and by the event loop for each later one. */
void _cockpit_sim_engine_arm_stage (CockpitSimState  *state,
                                    CockpitSimAction *action);

/* Starts an action of @kind (an upgrade to @target_version, or a
 * backup of Live) for an upgrade plan at @now, with the state's stage
 * duration, requested by @requested_by.  The caller has checked that it
 * may start. */
CockpitSimAction *_cockpit_sim_engine_start_for_plan (CockpitSimState       *state,
                                                      CockpitSimPackage     *package,
                                                      CockpitSimEnvironment *env,
                                                      CockpitActionKind      kind,
                                                      const char            *target_version,
                                                      const char            *requested_by,
                                                      gint64                 now);

G_END_DECLS
