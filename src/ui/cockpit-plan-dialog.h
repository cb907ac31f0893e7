/* cockpit-plan-dialog.h: "Plan an Upgrade…": several environments, one version, gates and a start time.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cockpit-session.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_PLAN_DIALOG (cockpit_plan_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CockpitPlanDialog, cockpit_plan_dialog, COCKPIT, PLAN_DIALOG, AdwWindow)

/* Signal "plan-created" (CockpitPlan *): the cockpit accepted the plan;
 * the dialog closes itself after it. */

CockpitPlanDialog *cockpit_plan_dialog_new                 (GtkWindow         *parent,
                                                            CockpitSession    *session,
                                                            CockpitPackage    *package);
/* The one key every attempt of this dialog sends, so that a lost answer
 * sent again cannot make a second plan (tests). */
const char        *cockpit_plan_dialog_get_idempotency_key (CockpitPlanDialog *self);
/* Fills @request from the choices made; FALSE while they are not complete. */
gboolean           cockpit_plan_dialog_get_request         (CockpitPlanDialog  *self,
                                                            CockpitPlanRequest *request);
/* The gate, start, backup and checklist: a CockpitPlanOptions (tests). */
GtkWidget         *cockpit_plan_dialog_get_options         (CockpitPlanDialog *self);
/* The error shown now, or NULL (tests). */
const char        *cockpit_plan_dialog_get_error           (CockpitPlanDialog *self);
/* Sets the start date and time in local time, and chooses "At a date and time". */
void               cockpit_plan_dialog_set_start           (CockpitPlanDialog *self,
                                                            GDateTime         *start);

G_END_DECLS
