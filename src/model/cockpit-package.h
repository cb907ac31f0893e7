/* cockpit-package.h: a customer's project, with its environments and its running action.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cockpit-types.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_PACKAGE (cockpit_package_get_type ())

G_DECLARE_FINAL_TYPE (CockpitPackage, cockpit_package, COCKPIT, PACKAGE, GObject)

CockpitPackage       *cockpit_package_new                     (void);
const char           *cockpit_package_get_id                  (CockpitPackage         *self);
void                  cockpit_package_set_id                  (CockpitPackage         *self,
                                                               const char             *id);
const char           *cockpit_package_get_name                (CockpitPackage         *self);
void                  cockpit_package_set_name                (CockpitPackage         *self,
                                                               const char             *name);
CockpitPackageStatus  cockpit_package_get_status              (CockpitPackage         *self);
void                  cockpit_package_set_status              (CockpitPackage         *self,
                                                               CockpitPackageStatus    status);
const char           *cockpit_package_get_status_text         (CockpitPackage         *self);
void                  cockpit_package_set_status_text         (CockpitPackage         *self,
                                                               const char             *status_text);
const char           *cockpit_package_get_maintenance_message (CockpitPackage         *self);
void                  cockpit_package_set_maintenance_message (CockpitPackage         *self,
                                                               const char             *maintenance_message);
CockpitAction        *cockpit_package_get_running_action      (CockpitPackage         *self);
void                  cockpit_package_set_running_action      (CockpitPackage         *self,
                                                               CockpitAction          *running_action);
/* The plan that is scheduled, running or waiting (contract v1.1), or NULL. */
CockpitPlan          *cockpit_package_get_active_plan         (CockpitPackage         *self);
void                  cockpit_package_set_active_plan         (CockpitPackage         *self,
                                                               CockpitPlan            *active_plan);
/* Always a list of CockpitEnvironment, empty rather than NULL; setting a
 * list that is not a GListStore stores a copy of its items. */
GListModel           *cockpit_package_get_environments        (CockpitPackage         *self);
void                  cockpit_package_set_environments        (CockpitPackage         *self,
                                                               GListModel             *environments);

/* Transfer none; NULL when the package has no such environment. */
CockpitEnvironment   *cockpit_package_get_environment         (CockpitPackage         *self,
                                                               CockpitEnvironmentKind  kind);
CockpitEnvironment   *cockpit_package_find_environment        (CockpitPackage         *self,
                                                               const char             *id);
gboolean              cockpit_package_is_in_maintenance       (CockpitPackage         *self);

/* The package of @packages (a list of CockpitPackage) whose id is @id, and
 * its @position, or NULL.  Transfer none: the list keeps it alive. */
CockpitPackage       *cockpit_package_list_find               (GListModel             *packages,
                                                               const char             *id,
                                                               guint                  *position);

G_END_DECLS
