/* cockpit-environment.h: one environment of a package: Live, UAT or Integration.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cockpit-types.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_ENVIRONMENT (cockpit_environment_get_type ())

G_DECLARE_FINAL_TYPE (CockpitEnvironment, cockpit_environment, COCKPIT, ENVIRONMENT, GObject)

CockpitEnvironment      *cockpit_environment_new                      (void);
const char              *cockpit_environment_get_id                   (CockpitEnvironment      *self);
void                     cockpit_environment_set_id                   (CockpitEnvironment      *self,
                                                                       const char              *id);
const char              *cockpit_environment_get_package_id           (CockpitEnvironment      *self);
void                     cockpit_environment_set_package_id           (CockpitEnvironment      *self,
                                                                       const char              *package_id);
/* Never COCKPIT_ENVIRONMENT_KIND_NONE once decoded: JSON must name a kind. */
CockpitEnvironmentKind   cockpit_environment_get_kind                 (CockpitEnvironment      *self);
void                     cockpit_environment_set_kind                 (CockpitEnvironment      *self,
                                                                       CockpitEnvironmentKind   kind);
const char              *cockpit_environment_get_name                 (CockpitEnvironment      *self);
void                     cockpit_environment_set_name                 (CockpitEnvironment      *self,
                                                                       const char              *name);
const char              *cockpit_environment_get_magnolia_version     (CockpitEnvironment      *self);
void                     cockpit_environment_set_magnolia_version     (CockpitEnvironment      *self,
                                                                       const char              *magnolia_version);
const char              *cockpit_environment_get_bundle               (CockpitEnvironment      *self);
void                     cockpit_environment_set_bundle               (CockpitEnvironment      *self,
                                                                       const char              *bundle);
CockpitEnvironmentState  cockpit_environment_get_state                (CockpitEnvironment      *self);
void                     cockpit_environment_set_state                (CockpitEnvironment      *self,
                                                                       CockpitEnvironmentState  state);
const char              *cockpit_environment_get_url                  (CockpitEnvironment      *self);
void                     cockpit_environment_set_url                  (CockpitEnvironment      *self,
                                                                       const char              *url);
gboolean                 cockpit_environment_get_protected            (CockpitEnvironment      *self);
void                     cockpit_environment_set_protected            (CockpitEnvironment      *self,
                                                                       gboolean                 is_protected);
GDateTime               *cockpit_environment_get_last_upgraded_at     (CockpitEnvironment      *self);
void                     cockpit_environment_set_last_upgraded_at     (CockpitEnvironment      *self,
                                                                       GDateTime               *last_upgraded_at);
CockpitUpgradeBackup    *cockpit_environment_get_upgrade_backup       (CockpitEnvironment      *self);
void                     cockpit_environment_set_upgrade_backup       (CockpitEnvironment      *self,
                                                                       CockpitUpgradeBackup    *upgrade_backup);
CockpitBackup           *cockpit_environment_get_latest_manual_backup (CockpitEnvironment      *self);
void                     cockpit_environment_set_latest_manual_backup (CockpitEnvironment      *self,
                                                                       CockpitBackup           *latest_manual_backup);

G_END_DECLS
