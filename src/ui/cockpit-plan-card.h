/* cockpit-plan-card.h: the upgrade plan of a package, its steps, gates and buttons, on the package page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cockpit-session.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_PLAN_CARD (cockpit_plan_card_get_type ())

G_DECLARE_FINAL_TYPE (CockpitPlanCard, cockpit_plan_card, COCKPIT, PLAN_CARD, GtkWidget)

GtkWidget   *cockpit_plan_card_new          (void);
/* The plan the session shows for @package; the card hides itself when
 * there is none. */
void         cockpit_plan_card_set_package  (CockpitPlanCard *self,
                                             CockpitSession  *session,
                                             CockpitPackage  *package);
/* The plan shown, or NULL. */
CockpitPlan *cockpit_plan_card_get_plan     (CockpitPlanCard *self);
/* Shows the reasons of @availability on the approve and cancel buttons. */
void         cockpit_plan_card_set_availability (CockpitPlanCard     *self,
                                                 CockpitAvailability *availability);
/* Shows the plan again (the session changed it, the clock moved). */
void         cockpit_plan_card_update       (CockpitPlanCard *self);
/* What the card says of the plan as a whole, and of the step of @kind (tests). */
const char  *cockpit_plan_card_get_status_text (CockpitPlanCard        *self);
char        *cockpit_plan_card_dup_step_text   (CockpitPlanCard        *self,
                                                CockpitEnvironmentKind  kind);


G_END_DECLS
