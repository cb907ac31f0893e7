/* cockpit-upgrade-environment-row.h: one environment on the upgrade wizard's first page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cockpit-model.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_UPGRADE_ENVIRONMENT_ROW (cockpit_upgrade_environment_row_get_type ())

G_DECLARE_FINAL_TYPE (CockpitUpgradeEnvironmentRow, cockpit_upgrade_environment_row, COCKPIT, UPGRADE_ENVIRONMENT_ROW, AdwActionRow)

/* @reason: why @environment can't be upgraded now, in words; NULL when
 * it can. */
GtkWidget          *cockpit_upgrade_environment_row_new             (CockpitEnvironment           *environment,
                                                                     const char                   *reason);
CockpitEnvironment *cockpit_upgrade_environment_row_get_environment (CockpitUpgradeEnvironmentRow *self);
const char         *cockpit_upgrade_environment_row_get_reason      (CockpitUpgradeEnvironmentRow *self);

G_END_DECLS
