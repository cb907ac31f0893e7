/* cockpit-upgrade-texts.c: what an upgrade does and the checklist before it, shared by the wizard and the plan dialog.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-upgrade-texts.h"

char *
cockpit_upgrade_text_blue_green (const char *env_label,
                                 const char *target,
                                 const char *current)
{
  /* Translators: the environment, the target version, the environment, the environment, its current version */
  return g_strdup_printf (_("A replica of %s is created on %s and checked before traffic is switched to it, so your site keeps running during the upgrade. If the check fails, traffic is never switched and %s stays on %s."),
                          env_label, target, env_label, current != NULL ? current : "?");
}

const char *
cockpit_upgrade_text_previous (CockpitEnvironmentKind kind)
{
  if (kind == COCKPIT_ENVIRONMENT_KIND_LIVE)
    return _("The previous installation is kept as an upgrade backup for 48 hours. Until it is removed, Live can't be upgraded again or torn down. You can extend it to 5 days, delete it, or restore it to roll back.");
  return _("The previous installation is removed once traffic has been switched.");
}

char *
cockpit_upgrade_text_read_notes (const char *target)
{
  /* Translators: "I have read the release notes of 6.3.21" */
  return g_strdup_printf (_("I have read the release notes of %s"), target);
}

char *
cockpit_upgrade_text_tested (CockpitPackage         *package,
                             CockpitEnvironmentKind  kind,
                             const char             *target)
{
  CockpitOrderWarning warning;
  const char *env = cockpit_environment_kind_get_label (kind);

  warning = cockpit_rules_order_warning (package, kind, target, NULL);

  /* Integration is where testing begins, so it cannot have been tested
   * yet.  When an environment before this one is still behind, the test
   * the item asks for can't have happened: it then acknowledges that, in
   * those words. */
  if (warning != COCKPIT_ORDER_OK)
    {
      CockpitEnvironmentKind behind = warning == COCKPIT_ORDER_INTEGRATION_BEHIND
                                      ? COCKPIT_ENVIRONMENT_KIND_INTEGRATION : COCKPIT_ENVIRONMENT_KIND_UAT;
      CockpitEnvironment *lower = cockpit_package_get_environment (package, behind);

      /* Translators: "I know that UAT is still on 6.3.19, so this version has not been tested there, and I want to upgrade Live anyway" */
      return g_strdup_printf (_("I know that %s is still on %s, so this version has not been tested there, and I want to upgrade %s anyway"),
                              cockpit_environment_kind_get_label (behind),
                              cockpit_environment_get_magnolia_version (lower), env);
    }
  return cockpit_upgrade_text_tested_in_order (kind);
}

char *
cockpit_upgrade_text_tested_in_order (CockpitEnvironmentKind kind)
{
  if (kind == COCKPIT_ENVIRONMENT_KIND_INTEGRATION)
    return g_strdup (_("I will test this version on Integration before upgrading UAT and Live"));
  if (kind == COCKPIT_ENVIRONMENT_KIND_UAT)
    return g_strdup (_("I have tested this version on Integration"));
  return g_strdup (_("I have tested this version on Integration and UAT"));
}

char *
cockpit_upgrade_text_tested_between (CockpitPlanGate gate,
                                     guint           soak_hours)
{
  if (gate == COCKPIT_PLAN_GATE_APPROVAL)
    return g_strdup (_("I will test this version on each environment before I approve the next"));
  return g_strdup_printf (ngettext ("I will test this version on each environment within %u hour, before the next one starts by itself",
                                    "I will test this version on each environment within %u hours, before the next one starts by itself",
                                    soak_hours),
                          soak_hours);
}

const char * const *
cockpit_upgrade_text_common_checks (void)
{
  static const char *checks[3];

  /* Translated when asked, not when first built: the language may change
   * in tests. */
  checks[0] = _("I have checked templates and configuration");
  checks[1] = _("I have checked the Definitions app for deprecated definitions");
  checks[2] = NULL;
  return checks;
}
