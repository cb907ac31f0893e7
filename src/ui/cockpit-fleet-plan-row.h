/* cockpit-fleet-plan-row.h: one package in the several-package "Plan an Upgrade…": its name, whether it is planned, and why.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cockpit-fleet-plan-dialog.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_FLEET_PLAN_ROW (cockpit_fleet_plan_row_get_type ())

G_DECLARE_FINAL_TYPE (CockpitFleetPlanRow, cockpit_fleet_plan_row, COCKPIT, FLEET_PLAN_ROW, GtkListBoxRow)

/* @text: what is planned, or the reason it is not, or the cockpit's answer. */
GtkWidget  *cockpit_fleet_plan_row_new            (const char            *name,
                                                   CockpitFleetPlanState  state,
                                                   const char            *text);
/* The words shown for the state ("Cannot be planned"; tests). */
const char *cockpit_fleet_plan_row_get_state_text (CockpitFleetPlanRow   *self);

G_END_DECLS
