/* cockpit-upgrade-wizard-state.c: what the upgrade wizard's choices allow, and its actions enabled from it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page shown, whether the chosen environment can be upgraded now,
 * whether every tick of the checklist is set, and Back, Next and Install
 * enabled from them.  Every page of the wizard asks these after a change;
 * they only read the wizard's fields and widgets, and call no page, so
 * the pages (-choice.c, -checklist.c, -install.c) and the window
 * (cockpit-upgrade-wizard.c) all stand above this file.
 */
#include "config.h"

#include "cockpit-upgrade-wizard-private.h"

static GDateTime *
get_now (CockpitUpgradeWizard *self)
{
  return self->now != NULL ? g_date_time_ref (self->now) : g_date_time_new_now_utc ();
}

const char *
_cockpit_upgrade_wizard_get_page (CockpitUpgradeWizard *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  return name != NULL ? name : "";
}

/* Each page starts with the focus on its first choice (an environment,
 * a version, the backup switch, Close), not on Cancel. */
void
_cockpit_upgrade_wizard_focus_first_choice (CockpitUpgradeWizard *self)
{
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_child_focus (GTK_WIDGET (self->stack), GTK_DIR_TAB_FORWARD);
}

/* Whether @environment can be upgraded now, with the reason in words:
 * the model's one answer, with what this app itself has started. */
CockpitBlockReason
_cockpit_upgrade_wizard_check_environment (CockpitUpgradeWizard  *self,
                                           CockpitEnvironment    *environment,
                                           char                 **message)
{
  g_autoptr(GDateTime) now = get_now (self);
  g_autoptr(CockpitAvailability) availability = NULL;
  CockpitUserAction action = cockpit_user_action_upgrade_of (cockpit_environment_get_kind (environment));
  gboolean busy = cockpit_action_tracker_is_busy (self->tracker, cockpit_package_get_id (self->package));

  availability = cockpit_availability_new (self->package, self->releases, busy, now);
  *message = g_strdup (cockpit_availability_get_reason (availability, action));
  return cockpit_availability_get_block (availability, action);
}

gboolean
_cockpit_upgrade_wizard_all_checked (CockpitUpgradeWizard *self)
{
  return gtk_check_button_get_active (self->check_notes) &&
         gtk_check_button_get_active (self->check_tested) &&
         gtk_check_button_get_active (self->check_templates) &&
         gtk_check_button_get_active (self->check_definitions);
}

void
_cockpit_upgrade_wizard_update_actions (CockpitUpgradeWizard *self)
{
  const char *page = _cockpit_upgrade_wizard_get_page (self);
  gboolean on_versions = g_str_equal (page, "versions");
  gboolean on_consequences = g_str_equal (page, "consequences");
  gboolean allowed = FALSE;

  /* The template shows its first page before we have a tracker. */
  if (self->tracker == NULL)
    return;

  /* Install asks the model too; "nothing newer" is for the cockpit to
   * say, since it offered the version chosen. */
  if (self->environment != NULL)
    {
      g_autofree char *reason = NULL;
      CockpitBlockReason block = _cockpit_upgrade_wizard_check_environment (self, self->environment, &reason);

      allowed = block == COCKPIT_BLOCK_NONE || block == COCKPIT_BLOCK_NOTHING_NEWER;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back",
                                 (on_versions || on_consequences) && !self->installing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 on_versions && self->release != NULL &&
                                 g_strcmp0 (gtk_stack_get_visible_child_name (self->versions_stack), "list") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.install",
                                 on_consequences && !self->installing && allowed && _cockpit_upgrade_wizard_all_checked (self));
}
