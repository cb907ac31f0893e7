/* cockpit-rules-plan.c: the rules of upgrade plans (contract v1.1) as pure functions.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cockpit-environment.h"
#include "cockpit-package.h"
#include "cockpit-plan.h"
#include "cockpit-rules-private.h"
#include "cockpit-version.h"

CockpitBlockReason
cockpit_rules_check_plan_environment (CockpitPackage      *package,
                                      CockpitEnvironment  *environment,
                                      const char          *target_version,
                                      GListModel          *offered,
                                      GDateTime           *now,
                                      char               **message)
{
  CockpitEnvironmentKind kind;
  CockpitUpgradeBackup *backup;
  const char *current;

  g_return_val_if_fail (COCKPIT_IS_PACKAGE (package), COCKPIT_BLOCK_NONE);
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (environment), COCKPIT_BLOCK_NONE);
  g_return_val_if_fail (offered == NULL || G_IS_LIST_MODEL (offered), COCKPIT_BLOCK_NONE);
  g_return_val_if_fail (now != NULL, COCKPIT_BLOCK_NONE);

  kind = cockpit_environment_get_kind (environment);

  if (cockpit_environment_get_state (environment) == COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP)
    return _cockpit_rules_block_not_set_up (environment, message);

  if (cockpit_environment_get_protected (environment))
    {
      _cockpit_rules_set_message (message, g_strdup_printf (_("%s is protected. Ask the Cloud Helpdesk to lift the protection before upgrading it."),
                                                            cockpit_environment_kind_get_label (kind)));
      return COCKPIT_BLOCK_PROTECTED;
    }

  backup = cockpit_rules_live_upgrade_backup (environment, now);
  if (backup != NULL)
    return _cockpit_rules_block_backup_exists (backup, _("upgraded again"), message);

  current = cockpit_environment_get_magnolia_version (environment);
  if (target_version != NULL && current != NULL &&
      cockpit_version_is_valid (target_version) && cockpit_version_is_valid (current) &&
      cockpit_version_compare_strings (current, target_version, NULL) >= 0)
    {
      /* Translators: "UAT already runs 6.3.21." */
      _cockpit_rules_set_message (message, g_strdup_printf (_("%s already runs %s."),
                                                            cockpit_environment_kind_get_label (kind),
                                                            current));
      return COCKPIT_BLOCK_NOTHING_NEWER;
    }

  if (target_version == NULL && offered != NULL && g_list_model_get_n_items (offered) == 0)
    {
      _cockpit_rules_set_message (message, g_strdup_printf (_("%s already runs the newest version available."),
                                                            cockpit_environment_kind_get_label (kind)));
      return COCKPIT_BLOCK_NOTHING_NEWER;
    }

  _cockpit_rules_set_message (message, NULL);
  return COCKPIT_BLOCK_NONE;
}

CockpitBlockReason
cockpit_rules_check_plan (CockpitPackage  *package,
                          GListModel      *releases,
                          GDateTime       *now,
                          char           **message)
{
  GListModel *environments;
  CockpitBlockReason reason;
  guint n;

  g_return_val_if_fail (COCKPIT_IS_PACKAGE (package), COCKPIT_BLOCK_NONE);
  g_return_val_if_fail (releases == NULL || G_IS_LIST_MODEL (releases), COCKPIT_BLOCK_NONE);
  g_return_val_if_fail (now != NULL, COCKPIT_BLOCK_NONE);

  /* A running action does not stop a plan from being made: its first
   * step waits until the package is free. */
  reason = cockpit_rules_check_package (package, FALSE, message);
  if (reason == COCKPIT_BLOCK_MAINTENANCE)
    return reason;
  if (message != NULL)
    g_clear_pointer (message, g_free);

  if (cockpit_package_get_active_plan (package) != NULL)
    {
      _cockpit_rules_set_message (message, g_strdup (_("This package already has an upgrade plan. Cancel it, or wait until it has ended.")));
      return COCKPIT_BLOCK_PLAN_EXISTS;
    }

  environments = cockpit_package_get_environments (package);
  n = g_list_model_get_n_items (environments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CockpitEnvironment) environment = g_list_model_get_item (environments, i);
      g_autoptr(GListStore) offered = NULL;

      /* Until the releases are known, "nothing newer" can't be judged. */
      if (releases != NULL && g_list_model_get_n_items (releases) > 0)
        offered = cockpit_rules_offered_versions (environment, releases);
      if (cockpit_rules_check_plan_environment (package, environment, NULL,
                                                offered ? G_LIST_MODEL (offered) : NULL,
                                                now, NULL) == COCKPIT_BLOCK_NONE)
        {
          _cockpit_rules_set_message (message, NULL);
          return COCKPIT_BLOCK_NONE;
        }
    }

  _cockpit_rules_set_message (message, g_strdup (_("No environment of this package can be upgraded now. Each environment's card says why.")));
  return n == 0 ? COCKPIT_BLOCK_NO_ENVIRONMENT : COCKPIT_BLOCK_NOTHING_NEWER;
}
