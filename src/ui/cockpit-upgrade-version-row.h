/* cockpit-upgrade-version-row.h: one version on the upgrade wizard's second page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cockpit-model.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_UPGRADE_VERSION_ROW (cockpit_upgrade_version_row_get_type ())

G_DECLARE_FINAL_TYPE (CockpitUpgradeVersionRow, cockpit_upgrade_version_row, COCKPIT, UPGRADE_VERSION_ROW, AdwActionRow)

GtkWidget      *cockpit_upgrade_version_row_new         (CockpitRelease           *release);
CockpitRelease *cockpit_upgrade_version_row_get_release (CockpitUpgradeVersionRow *self);
/* Puts the row's check box in the group of @group's: choosing one
 * version unchooses the others. */
void            cockpit_upgrade_version_row_set_group   (CockpitUpgradeVersionRow *self,
                                                         CockpitUpgradeVersionRow *group);
/* Whether the version is the one chosen ("active", notified). */
gboolean        cockpit_upgrade_version_row_get_active  (CockpitUpgradeVersionRow *self);
void            cockpit_upgrade_version_row_set_active  (CockpitUpgradeVersionRow *self,
                                                         gboolean                  active);

G_END_DECLS
