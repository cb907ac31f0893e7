/* cockpit-sim-engine-private.h: what the starting of actions and the clock's events share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-sim-engine.h"

G_BEGIN_DECLS

#define UPGRADE_BACKUP_KEPT   (48 * COCKPIT_SIM_HOUR)
#define UPGRADE_BACKUP_MAX    (5 * COCKPIT_SIM_DAY)

/* Arms a stage that has just started when the fail-next control asked
 * for it: the stage then fails at its end. */
void _cockpit_sim_engine_arm_stage (CockpitSimState  *state,
                                    CockpitSimAction *action);

G_END_DECLS
