/* cockpit-availability.h: what a user can do with a package now, and why not.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one answer the window asks before it enables a button, a menu item
 * or a notification's button, and before a confirmation starts an
 * action.  It is made from the package, its environments, its running
 * action and the clock, by the rules of cockpit-rules.c, and does not
 * change once made: when any of those changes, make a new one.
 */
#pragma once

#include <gio/gio.h>

#include "cockpit-rules.h"
#include "cockpit-types.h"

G_BEGIN_DECLS

/* Every action a user can ask for on a package.  The name of each is
 * the name of its window action ("upgrade-live" is win.upgrade-live). */
typedef enum {
  COCKPIT_USER_ACTION_UPGRADE,                 /* the wizard, for any environment */
  COCKPIT_USER_ACTION_UPGRADE_INTEGRATION,
  COCKPIT_USER_ACTION_UPGRADE_UAT,
  COCKPIT_USER_ACTION_UPGRADE_LIVE,
  COCKPIT_USER_ACTION_BACK_UP_LIVE,
  COCKPIT_USER_ACTION_TEAR_DOWN_INTEGRATION,
  COCKPIT_USER_ACTION_TEAR_DOWN_UAT,
  COCKPIT_USER_ACTION_TEAR_DOWN_LIVE,
  COCKPIT_USER_ACTION_EXTEND_UPGRADE_BACKUP,
  COCKPIT_USER_ACTION_RESTORE_UPGRADE_BACKUP,
  COCKPIT_USER_ACTION_DELETE_UPGRADE_BACKUP,
  COCKPIT_USER_ACTION_PLAN_UPGRADE,            /* the plan dialog */
  COCKPIT_USER_ACTION_APPROVE_PLAN,            /* the step waiting for approval */
  COCKPIT_USER_ACTION_CANCEL_PLAN,
  COCKPIT_N_USER_ACTIONS
} CockpitUserAction;

#define COCKPIT_TYPE_AVAILABILITY (cockpit_availability_get_type ())

G_DECLARE_FINAL_TYPE (CockpitAvailability, cockpit_availability, COCKPIT, AVAILABILITY, GObject)

/* "upgrade-live", "restore-upgrade-backup", ... */
const char            *cockpit_user_action_get_name            (CockpitUserAction       action);
/* The user action of a name, or COCKPIT_N_USER_ACTIONS. */
CockpitUserAction      cockpit_user_action_from_name           (const char             *name);
/* The upgrade or tear-down of one kind of environment. */
CockpitUserAction      cockpit_user_action_upgrade_of          (CockpitEnvironmentKind  kind);
CockpitUserAction      cockpit_user_action_tear_down_of        (CockpitEnvironmentKind  kind);
/* The environment a user action is about; Live for the upgrade backup. */
CockpitEnvironmentKind cockpit_user_action_get_environment_kind (CockpitUserAction      action);

/* @releases: all releases, or NULL while not known (then "nothing newer"
 * is not judged).  @busy: TRUE when this app has started an action on
 * the package that the package data may not list yet; an action the
 * package lists as running counts without it. */
CockpitAvailability   *cockpit_availability_new                (CockpitPackage         *package,
                                                                GListModel             *releases,
                                                                gboolean                busy,
                                                                GDateTime              *now);
/* No package: nothing can be done, and there is nothing to say why. */
CockpitAvailability   *cockpit_availability_new_empty          (void);

CockpitPackage        *cockpit_availability_get_package        (CockpitAvailability    *self);
gboolean               cockpit_availability_get_allowed        (CockpitAvailability    *self,
                                                                CockpitUserAction       action);
CockpitBlockReason     cockpit_availability_get_block          (CockpitAvailability    *self,
                                                                CockpitUserAction       action);
/* Why @action is not allowed, in words; NULL when it is allowed. */
const char            *cockpit_availability_get_reason         (CockpitAvailability    *self,
                                                                CockpitUserAction       action);

G_END_DECLS
