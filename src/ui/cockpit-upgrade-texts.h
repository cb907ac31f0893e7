/* cockpit-upgrade-texts.h: what an upgrade does and the checklist before it, shared by the wizard and the plan dialog.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The upgrade wizard (one environment, now) and the plan dialog (several
 * environments, later, with gates) say the same things about an upgrade:
 * the words live here once, so that both say them alike and translators
 * see each sentence once.
 */
#pragma once

#include "cockpit-model.h"

G_BEGIN_DECLS

/* The blue-green sentence: a replica of @env_label on @target is checked
 * before the traffic moves, else @env_label stays on @current. */
char       *cockpit_upgrade_text_blue_green     (const char             *env_label,
                                                 const char             *target,
                                                 const char             *current);
/* What becomes of the previous installation of an environment of @kind. */
const char *cockpit_upgrade_text_previous       (CockpitEnvironmentKind  kind);
/* The first item of the checklist: "I have read the release notes of 6.3.21". */
char       *cockpit_upgrade_text_read_notes     (const char             *target);
/* The item about testing, for an upgrade of one environment now: it
 * follows the recommended order, or acknowledges that it is not kept. */
char       *cockpit_upgrade_text_tested         (CockpitPackage         *package,
                                                 CockpitEnvironmentKind  kind,
                                                 const char             *target);
/* The item about testing when the recommended order is kept: for a plan
 * of several packages, whose environments are not all at one version. */
char       *cockpit_upgrade_text_tested_in_order (CockpitEnvironmentKind kind);
/* The item about testing for a plan of several environments: between
 * each, until the approval or for the soak time. */
char       *cockpit_upgrade_text_tested_between (CockpitPlanGate         gate,
                                                 guint                   soak_hours);
/* The items of the checklist that do not depend on the upgrade, in
 * order; translated.  NULL-terminated, static. */
const char * const *cockpit_upgrade_text_common_checks (void);

G_END_DECLS
