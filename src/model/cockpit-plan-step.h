/* cockpit-plan-step.h: one environment of an upgrade plan, and where it stands.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cockpit-types.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_PLAN_STEP (cockpit_plan_step_get_type ())

G_DECLARE_FINAL_TYPE (CockpitPlanStep, cockpit_plan_step, COCKPIT, PLAN_STEP, GObject)

CockpitPlanStep        *cockpit_plan_step_new               (void);
/* The JSON member is "environment": the kind of environment the step upgrades. */
CockpitEnvironmentKind  cockpit_plan_step_get_environment   (CockpitPlanStep        *self);
void                    cockpit_plan_step_set_environment   (CockpitPlanStep        *self,
                                                             CockpitEnvironmentKind  environment);
CockpitPlanStepStatus   cockpit_plan_step_get_status        (CockpitPlanStep        *self);
void                    cockpit_plan_step_set_status        (CockpitPlanStep        *self,
                                                             CockpitPlanStepStatus   status);
/* The actions the step started, in order: for Live with "back up Live
 * first", the backup and then the upgrade.  Never NULL (empty instead). */
const char * const     *cockpit_plan_step_get_action_ids    (CockpitPlanStep        *self);
void                    cockpit_plan_step_set_action_ids    (CockpitPlanStep        *self,
                                                             const char * const     *action_ids);
/* The last of the action ids, or NULL. */
const char             *cockpit_plan_step_get_last_action_id (CockpitPlanStep       *self);
/* When a soak gate lets this step start; NULL for approval gates. */
GDateTime              *cockpit_plan_step_get_gate_opens_at (CockpitPlanStep        *self);
void                    cockpit_plan_step_set_gate_opens_at (CockpitPlanStep        *self,
                                                             GDateTime              *gate_opens_at);
const char             *cockpit_plan_step_get_approved_by   (CockpitPlanStep        *self);
void                    cockpit_plan_step_set_approved_by   (CockpitPlanStep        *self,
                                                             const char             *approved_by);

/* TRUE for done and skipped: the plan may go past it. */
gboolean                cockpit_plan_step_is_done           (CockpitPlanStep        *self);

G_END_DECLS
