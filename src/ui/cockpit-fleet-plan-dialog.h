/* cockpit-fleet-plan-dialog.h: "Plan an Upgrade…" for several packages of the fleet at once.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cockpit-session.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_FLEET_PLAN_DIALOG (cockpit_fleet_plan_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CockpitFleetPlanDialog, cockpit_fleet_plan_dialog, COCKPIT, FLEET_PLAN_DIALOG, AdwWindow)

/* What the dialog says of one package. */
typedef enum {
  COCKPIT_FLEET_PLAN_ALLOWED,   /* a plan will be asked for */
  COCKPIT_FLEET_PLAN_REFUSED,   /* the model's rules say no, before anything is sent */
  COCKPIT_FLEET_PLAN_SENDING,
  COCKPIT_FLEET_PLAN_CREATED,
  COCKPIT_FLEET_PLAN_FAILED,    /* the cockpit said no */
} CockpitFleetPlanState;

/* Signal "finished": every allowed package has had its answer. */

/* @packages: CockpitPackage, each once. */
CockpitFleetPlanDialog *cockpit_fleet_plan_dialog_new        (GtkWindow              *parent,
                                                              CockpitSession         *session,
                                                              GListModel             *packages);
/* The state of @package_id and the words shown for it (transfer none). */
CockpitFleetPlanState   cockpit_fleet_plan_dialog_get_state  (CockpitFleetPlanDialog *self,
                                                              const char             *package_id,
                                                              const char            **text);
/* The error shown above everything (a start that has passed), or NULL. */
const char             *cockpit_fleet_plan_dialog_get_error  (CockpitFleetPlanDialog *self);
/* The version chosen, or NULL when no version is offered for all. */
const char             *cockpit_fleet_plan_dialog_get_version (CockpitFleetPlanDialog *self);
/* The key sent with @package_id's plan (tests). */
const char             *cockpit_fleet_plan_dialog_get_idempotency_key (CockpitFleetPlanDialog *self,
                                                                       const char             *package_id);

G_END_DECLS
