/* cockpit-plan-options.h: the gate, the start, the backup of Live and the checklist of a plan, shared by both plan dialogs.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cockpit-model.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_PLAN_OPTIONS (cockpit_plan_options_get_type ())

G_DECLARE_FINAL_TYPE (CockpitPlanOptions, cockpit_plan_options, COCKPIT, PLAN_OPTIONS, GtkBox)

/* Signal "changed": any choice or tick changed (the dialog then updates
 * what depends on it).  Property "checklist-complete" (boolean, read
 * only): every item of the checklist is ticked. */

GtkWidget  *cockpit_plan_options_new                    (void);
/* Fills @request's gate, soak hours, start and backup of Live from the
 * choices; its version and environments are the dialog's.  The backup is
 * asked for only while Live is included (set_live_included). */
void        cockpit_plan_options_fill_request           (CockpitPlanOptions *self,
                                                         CockpitPlanRequest *request);
/* The start chosen, in UTC, or NULL for "now". */
GDateTime  *cockpit_plan_options_dup_start              (CockpitPlanOptions *self);
/* Sets the start date and time in local time, and chooses "At a date and time". */
void        cockpit_plan_options_set_start              (CockpitPlanOptions *self,
                                                         GDateTime          *start);
/* The date offered for a maintenance window: the day after @now, at 06:00 local time. */
void        cockpit_plan_options_set_default_day        (CockpitPlanOptions *self,
                                                         GDateTime          *now);
/* The gate is chosen only when a plan has several environments. */
void        cockpit_plan_options_set_show_gate          (CockpitPlanOptions *self,
                                                         gboolean            show_gate);
/* The backup of Live is offered only when Live is upgraded. */
void        cockpit_plan_options_set_live_included      (CockpitPlanOptions *self,
                                                         gboolean            live_included);
/* "What Happens": @summary, then how an environment is upgraded and what
 * becomes of the previous installation (NULL hides either). */
void        cockpit_plan_options_set_texts              (CockpitPlanOptions *self,
                                                         const char         *summary,
                                                         const char         *blue_green,
                                                         const char         *previous);
/* The checklist's first two items (the release notes, the testing); the
 * others are cockpit_upgrade_text_common_checks().  The ticks confirm
 * @confirmed_for (the choices, as a key): when it changes, every item must
 * be ticked again. */
void        cockpit_plan_options_set_checklist          (CockpitPlanOptions *self,
                                                         const char         *notes,
                                                         const char         *tested,
                                                         const char         *confirmed_for);
gboolean    cockpit_plan_options_get_checklist_complete (CockpitPlanOptions *self);

G_END_DECLS
