/* cockpit-availability.c: what a user can do with a package now, and why not.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cockpit-availability.h"
#include "cockpit-environment.h"
#include "cockpit-package.h"
#include "cockpit-plan.h"

struct _CockpitAvailability
{
  GObject parent_instance;

  /* Owned references */
  CockpitPackage     *package;

  /* The answer, one per user action */
  CockpitBlockReason  blocks[COCKPIT_N_USER_ACTIONS];
  char               *reasons[COCKPIT_N_USER_ACTIONS];
};

G_DEFINE_FINAL_TYPE (CockpitAvailability, cockpit_availability, G_TYPE_OBJECT)

static const char * const names[COCKPIT_N_USER_ACTIONS] = {
  [COCKPIT_USER_ACTION_UPGRADE] = "upgrade",
  [COCKPIT_USER_ACTION_UPGRADE_INTEGRATION] = "upgrade-integration",
  [COCKPIT_USER_ACTION_UPGRADE_UAT] = "upgrade-uat",
  [COCKPIT_USER_ACTION_UPGRADE_LIVE] = "upgrade-live",
  [COCKPIT_USER_ACTION_BACK_UP_LIVE] = "back-up-live",
  [COCKPIT_USER_ACTION_TEAR_DOWN_INTEGRATION] = "tear-down-integration",
  [COCKPIT_USER_ACTION_TEAR_DOWN_UAT] = "tear-down-uat",
  [COCKPIT_USER_ACTION_TEAR_DOWN_LIVE] = "tear-down-live",
  [COCKPIT_USER_ACTION_EXTEND_UPGRADE_BACKUP] = "extend-upgrade-backup",
  [COCKPIT_USER_ACTION_RESTORE_UPGRADE_BACKUP] = "restore-upgrade-backup",
  [COCKPIT_USER_ACTION_DELETE_UPGRADE_BACKUP] = "delete-upgrade-backup",
  [COCKPIT_USER_ACTION_PLAN_UPGRADE] = "plan-upgrade",
  [COCKPIT_USER_ACTION_APPROVE_PLAN] = "approve-plan",
  [COCKPIT_USER_ACTION_CANCEL_PLAN] = "cancel-plan",
};

const char *
cockpit_user_action_get_name (CockpitUserAction action)
{
  g_return_val_if_fail (action < COCKPIT_N_USER_ACTIONS, NULL);

  return names[action];
}

CockpitUserAction
cockpit_user_action_from_name (const char *name)
{
  for (guint i = 0; i < COCKPIT_N_USER_ACTIONS; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return i;
  return COCKPIT_N_USER_ACTIONS;
}

CockpitUserAction
cockpit_user_action_upgrade_of (CockpitEnvironmentKind kind)
{
  switch (kind)
    {
    case COCKPIT_ENVIRONMENT_KIND_INTEGRATION:
      return COCKPIT_USER_ACTION_UPGRADE_INTEGRATION;
    case COCKPIT_ENVIRONMENT_KIND_UAT:
      return COCKPIT_USER_ACTION_UPGRADE_UAT;
    case COCKPIT_ENVIRONMENT_KIND_LIVE:
      return COCKPIT_USER_ACTION_UPGRADE_LIVE;
    case COCKPIT_ENVIRONMENT_KIND_NONE:
    default:
      return COCKPIT_USER_ACTION_UPGRADE;
    }
}

CockpitUserAction
cockpit_user_action_tear_down_of (CockpitEnvironmentKind kind)
{
  switch (kind)
    {
    case COCKPIT_ENVIRONMENT_KIND_INTEGRATION:
      return COCKPIT_USER_ACTION_TEAR_DOWN_INTEGRATION;
    case COCKPIT_ENVIRONMENT_KIND_UAT:
      return COCKPIT_USER_ACTION_TEAR_DOWN_UAT;
    case COCKPIT_ENVIRONMENT_KIND_LIVE:
    case COCKPIT_ENVIRONMENT_KIND_NONE:
    default:
      return COCKPIT_USER_ACTION_TEAR_DOWN_LIVE;
    }
}

CockpitEnvironmentKind
cockpit_user_action_get_environment_kind (CockpitUserAction action)
{
  switch (action)
    {
    case COCKPIT_USER_ACTION_UPGRADE_INTEGRATION:
    case COCKPIT_USER_ACTION_TEAR_DOWN_INTEGRATION:
      return COCKPIT_ENVIRONMENT_KIND_INTEGRATION;
    case COCKPIT_USER_ACTION_UPGRADE_UAT:
    case COCKPIT_USER_ACTION_TEAR_DOWN_UAT:
      return COCKPIT_ENVIRONMENT_KIND_UAT;
    case COCKPIT_USER_ACTION_UPGRADE_LIVE:
    case COCKPIT_USER_ACTION_TEAR_DOWN_LIVE:
    case COCKPIT_USER_ACTION_BACK_UP_LIVE:
    case COCKPIT_USER_ACTION_EXTEND_UPGRADE_BACKUP:
    case COCKPIT_USER_ACTION_RESTORE_UPGRADE_BACKUP:
    case COCKPIT_USER_ACTION_DELETE_UPGRADE_BACKUP:
      return COCKPIT_ENVIRONMENT_KIND_LIVE;
    case COCKPIT_USER_ACTION_UPGRADE:
    case COCKPIT_USER_ACTION_PLAN_UPGRADE:
    case COCKPIT_USER_ACTION_APPROVE_PLAN:
    case COCKPIT_USER_ACTION_CANCEL_PLAN:
    case COCKPIT_N_USER_ACTIONS:
    default:
      return COCKPIT_ENVIRONMENT_KIND_NONE;
    }
}

/* One user action on one environment; the package-wide checks are done. */
static CockpitBlockReason
decide (CockpitUserAction    action,
        CockpitPackage      *package,
        CockpitEnvironment  *environment,
        GListModel          *releases,
        GDateTime           *now,
        char               **message)
{
  switch (action)
    {
    case COCKPIT_USER_ACTION_UPGRADE_INTEGRATION:
    case COCKPIT_USER_ACTION_UPGRADE_UAT:
    case COCKPIT_USER_ACTION_UPGRADE_LIVE:
      {
        g_autoptr(GListStore) offered = NULL;

        /* Until the releases are known, "nothing newer" can't be judged. */
        if (releases != NULL && g_list_model_get_n_items (releases) > 0)
          offered = cockpit_rules_offered_versions (environment, releases);
        return cockpit_rules_check_upgrade (package, environment, offered ? G_LIST_MODEL (offered) : NULL,
                                            now, message);
      }
    case COCKPIT_USER_ACTION_BACK_UP_LIVE:
      return cockpit_rules_check_manual_backup (package, environment, message);
    case COCKPIT_USER_ACTION_TEAR_DOWN_INTEGRATION:
    case COCKPIT_USER_ACTION_TEAR_DOWN_UAT:
    case COCKPIT_USER_ACTION_TEAR_DOWN_LIVE:
      return cockpit_rules_check_teardown (package, environment, now, message);
    case COCKPIT_USER_ACTION_EXTEND_UPGRADE_BACKUP:
      return cockpit_rules_check_extend (package, environment, now, message);
    case COCKPIT_USER_ACTION_RESTORE_UPGRADE_BACKUP:
    case COCKPIT_USER_ACTION_DELETE_UPGRADE_BACKUP:
      return cockpit_rules_check_upgrade_backup_action (package, environment, now, message);
    case COCKPIT_USER_ACTION_UPGRADE:
    case COCKPIT_USER_ACTION_PLAN_UPGRADE:
    case COCKPIT_USER_ACTION_APPROVE_PLAN:
    case COCKPIT_USER_ACTION_CANCEL_PLAN:
    case COCKPIT_N_USER_ACTIONS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_plan_action (CockpitUserAction action)
{
  return action == COCKPIT_USER_ACTION_PLAN_UPGRADE ||
         action == COCKPIT_USER_ACTION_APPROVE_PLAN ||
         action == COCKPIT_USER_ACTION_CANCEL_PLAN;
}

static void set_answer (CockpitAvailability *self,
                        CockpitUserAction    action,
                        CockpitBlockReason   block,
                        char                *reason);

/* Plans follow their own rules (contract v1.1): another running action
 * does not block them, and approve and cancel only need a plan in the
 * right state; maintenance does not stop a plan being approved or
 * cancelled either, as its steps wait for the maintenance to end. */
static void
decide_plan_actions (CockpitAvailability *self,
                     CockpitPackage      *package,
                     GListModel          *releases,
                     GDateTime           *now)
{
  CockpitPlan *plan = cockpit_package_get_active_plan (package);
  CockpitBlockReason block;
  char *reason = NULL;

  block = cockpit_rules_check_plan (package, releases, now, &reason);
  set_answer (self, COCKPIT_USER_ACTION_PLAN_UPGRADE, block, reason);

  if (plan == NULL)
    {
      set_answer (self, COCKPIT_USER_ACTION_APPROVE_PLAN, COCKPIT_BLOCK_NO_PLAN,
                  g_strdup (_("This package has no upgrade plan.")));
      set_answer (self, COCKPIT_USER_ACTION_CANCEL_PLAN, COCKPIT_BLOCK_NO_PLAN,
                  g_strdup (_("This package has no upgrade plan.")));
      return;
    }

  if (cockpit_plan_get_step_awaiting_approval (plan) != NULL)
    set_answer (self, COCKPIT_USER_ACTION_APPROVE_PLAN, COCKPIT_BLOCK_NONE, NULL);
  else
    set_answer (self, COCKPIT_USER_ACTION_APPROVE_PLAN, COCKPIT_BLOCK_NOT_WAITING,
                g_strdup (_("No environment of the plan is waiting for your approval.")));

  set_answer (self, COCKPIT_USER_ACTION_CANCEL_PLAN, COCKPIT_BLOCK_NONE, NULL);
}

static void
set_answer (CockpitAvailability *self,
            CockpitUserAction    action,
            CockpitBlockReason   block,
            char                *reason)
{
  self->blocks[action] = block;
  g_free (self->reasons[action]);
  self->reasons[action] = reason;
  if (block == COCKPIT_BLOCK_NONE)
    g_clear_pointer (&self->reasons[action], g_free);
}

CockpitAvailability *
cockpit_availability_new (CockpitPackage *package,
                          GListModel     *releases,
                          gboolean        busy,
                          GDateTime      *now)
{
  g_autoptr(CockpitAvailability) self = NULL;
  g_autofree char *package_reason = NULL;
  CockpitBlockReason package_block;
  gboolean any_upgrade = FALSE;

  g_return_val_if_fail (COCKPIT_IS_PACKAGE (package), NULL);
  g_return_val_if_fail (releases == NULL || G_IS_LIST_MODEL (releases), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (COCKPIT_TYPE_AVAILABILITY, NULL);
  self->package = g_object_ref (package);

  /* Maintenance and another action block everything, with one reason. */
  package_block = cockpit_rules_check_package (package, busy, &package_reason);

  for (guint i = 0; i < COCKPIT_N_USER_ACTIONS; i++)
    {
      CockpitEnvironmentKind kind = cockpit_user_action_get_environment_kind (i);
      CockpitEnvironment *environment;
      char *reason = NULL;
      CockpitBlockReason block;

      if (i == COCKPIT_USER_ACTION_UPGRADE || is_plan_action (i))
        continue;

      environment = cockpit_package_get_environment (package, kind);
      if (package_block != COCKPIT_BLOCK_NONE)
        {
          block = package_block;
          reason = g_strdup (package_reason);
        }
      else if (environment == NULL)
        {
          block = COCKPIT_BLOCK_NO_ENVIRONMENT;
          /* Translators: "This package has no UAT environment." */
          reason = g_strdup_printf (_("This package has no %s environment."),
                                    cockpit_environment_kind_get_label (kind));
        }
      else
        block = decide (i, package, environment, releases, now, &reason);

      set_answer (self, i, block, reason);
      if (block == COCKPIT_BLOCK_NONE &&
          (i == COCKPIT_USER_ACTION_UPGRADE_INTEGRATION || i == COCKPIT_USER_ACTION_UPGRADE_UAT ||
           i == COCKPIT_USER_ACTION_UPGRADE_LIVE))
        any_upgrade = TRUE;
    }

  /* The wizard opens when one environment at least can be upgraded; it
   * says for each of the others why not. */
  if (package_block != COCKPIT_BLOCK_NONE)
    set_answer (self, COCKPIT_USER_ACTION_UPGRADE, package_block, g_strdup (package_reason));
  else if (any_upgrade)
    set_answer (self, COCKPIT_USER_ACTION_UPGRADE, COCKPIT_BLOCK_NONE, NULL);
  else
    set_answer (self, COCKPIT_USER_ACTION_UPGRADE, COCKPIT_BLOCK_NOTHING_NEWER,
                g_strdup (_("No environment of this package can be upgraded now. Each environment's card says why.")));

  decide_plan_actions (self, package, releases, now);

  return g_steal_pointer (&self);
}

CockpitAvailability *
cockpit_availability_new_empty (void)
{
  CockpitAvailability *self = g_object_new (COCKPIT_TYPE_AVAILABILITY, NULL);

  for (guint i = 0; i < COCKPIT_N_USER_ACTIONS; i++)
    set_answer (self, i, COCKPIT_BLOCK_NO_ENVIRONMENT, g_strdup (_("Choose a package first.")));
  return self;
}

CockpitPackage *
cockpit_availability_get_package (CockpitAvailability *self)
{
  g_return_val_if_fail (COCKPIT_IS_AVAILABILITY (self), NULL);

  return self->package;
}

gboolean
cockpit_availability_get_allowed (CockpitAvailability *self,
                                  CockpitUserAction    action)
{
  g_return_val_if_fail (COCKPIT_IS_AVAILABILITY (self), FALSE);
  g_return_val_if_fail (action < COCKPIT_N_USER_ACTIONS, FALSE);

  return self->blocks[action] == COCKPIT_BLOCK_NONE;
}

CockpitBlockReason
cockpit_availability_get_block (CockpitAvailability *self,
                                CockpitUserAction    action)
{
  g_return_val_if_fail (COCKPIT_IS_AVAILABILITY (self), COCKPIT_BLOCK_NO_ENVIRONMENT);
  g_return_val_if_fail (action < COCKPIT_N_USER_ACTIONS, COCKPIT_BLOCK_NO_ENVIRONMENT);

  return self->blocks[action];
}

const char *
cockpit_availability_get_reason (CockpitAvailability *self,
                                 CockpitUserAction    action)
{
  g_return_val_if_fail (COCKPIT_IS_AVAILABILITY (self), NULL);
  g_return_val_if_fail (action < COCKPIT_N_USER_ACTIONS, NULL);

  return self->reasons[action];
}

static void
cockpit_availability_finalize (GObject *object)
{
  CockpitAvailability *self = COCKPIT_AVAILABILITY (object);

  g_clear_object (&self->package);
  for (guint i = 0; i < COCKPIT_N_USER_ACTIONS; i++)
    g_clear_pointer (&self->reasons[i], g_free);

  G_OBJECT_CLASS (cockpit_availability_parent_class)->finalize (object);
}

static void
cockpit_availability_class_init (CockpitAvailabilityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cockpit_availability_finalize;
}

static void
cockpit_availability_init (CockpitAvailability *self)
{
}
