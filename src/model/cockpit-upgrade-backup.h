/* cockpit-upgrade-backup.h: the copy of an environment kept after an upgrade.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cockpit-types.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_UPGRADE_BACKUP (cockpit_upgrade_backup_get_type ())

G_DECLARE_FINAL_TYPE (CockpitUpgradeBackup, cockpit_upgrade_backup, COCKPIT, UPGRADE_BACKUP, GObject)

CockpitUpgradeBackup *cockpit_upgrade_backup_new                (void);
const char           *cockpit_upgrade_backup_get_from_version   (CockpitUpgradeBackup *self);
void                  cockpit_upgrade_backup_set_from_version   (CockpitUpgradeBackup *self,
                                                                 const char           *from_version);
const char           *cockpit_upgrade_backup_get_to_version     (CockpitUpgradeBackup *self);
void                  cockpit_upgrade_backup_set_to_version     (CockpitUpgradeBackup *self,
                                                                 const char           *to_version);
GDateTime            *cockpit_upgrade_backup_get_created_at     (CockpitUpgradeBackup *self);
void                  cockpit_upgrade_backup_set_created_at     (CockpitUpgradeBackup *self,
                                                                 GDateTime            *created_at);
GDateTime            *cockpit_upgrade_backup_get_expires_at     (CockpitUpgradeBackup *self);
void                  cockpit_upgrade_backup_set_expires_at     (CockpitUpgradeBackup *self,
                                                                 GDateTime            *expires_at);
GDateTime            *cockpit_upgrade_backup_get_max_expires_at (CockpitUpgradeBackup *self);
void                  cockpit_upgrade_backup_set_max_expires_at (CockpitUpgradeBackup *self,
                                                                 GDateTime            *max_expires_at);
gboolean              cockpit_upgrade_backup_get_extended       (CockpitUpgradeBackup *self);
void                  cockpit_upgrade_backup_set_extended       (CockpitUpgradeBackup *self,
                                                                 gboolean              extended);

G_END_DECLS
