/* cockpit-backup.h: a manual backup of an environment.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cockpit-types.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_BACKUP (cockpit_backup_get_type ())

G_DECLARE_FINAL_TYPE (CockpitBackup, cockpit_backup, COCKPIT, BACKUP, GObject)

CockpitBackup *cockpit_backup_new                  (void);
const char    *cockpit_backup_get_id               (CockpitBackup *self);
void           cockpit_backup_set_id               (CockpitBackup *self,
                                                    const char    *id);
GDateTime     *cockpit_backup_get_created_at       (CockpitBackup *self);
void           cockpit_backup_set_created_at       (CockpitBackup *self,
                                                    GDateTime     *created_at);
const char    *cockpit_backup_get_magnolia_version (CockpitBackup *self);
void           cockpit_backup_set_magnolia_version (CockpitBackup *self,
                                                    const char    *magnolia_version);

G_END_DECLS
