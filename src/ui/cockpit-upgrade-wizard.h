/* cockpit-upgrade-wizard.h: the wizard that changes the Magnolia version of an environment.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cockpit-action-tracker.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_UPGRADE_WIZARD (cockpit_upgrade_wizard_get_type ())

G_DECLARE_FINAL_TYPE (CockpitUpgradeWizard, cockpit_upgrade_wizard, COCKPIT, UPGRADE_WIZARD, AdwWindow)

/* Signal "action-started" (CockpitAction *): the cockpit confirmed the
 * action that Install asked for.  With "Back up Live before upgrading",
 * that is the backup; the upgrade follows when the backup has succeeded,
 * started by a helper that the tracker keeps, even once the wizard is
 * closed.  If the upgrade cannot follow, the tracker's
 * "action-not-started" signal says why. */

/* @releases: all releases (GListModel of CockpitRelease) from GET /releases.
 * @now: NULL for the current time (tests pass the simulator's time). */
CockpitUpgradeWizard *cockpit_upgrade_wizard_new                (GtkWindow              *parent,
                                                                 CockpitActionTracker   *tracker,
                                                                 CockpitPackage         *package,
                                                                 GListModel             *releases,
                                                                 GDateTime              *now);
/* Jumps past the first page with @kind chosen, as when the wizard is
 * opened from an environment's card. */
void                  cockpit_upgrade_wizard_select_environment (CockpitUpgradeWizard   *self,
                                                                 CockpitEnvironmentKind  kind);

G_END_DECLS
