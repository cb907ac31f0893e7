/* cockpit-upgrade-wizard-install.c: what the upgrade wizard's Install does, and its last page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Install asks the action tracker for the upgrade, or for a backup of
 * Live with the upgrade to follow it; a refusal is said on the checklist,
 * a start on the last page, which then follows the upgrade to its end for
 * as long as the wizard stays open.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-async.h"
#include "cockpit-upgrade-wizard-private.h"

enum {
  ACTION_STARTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void install_done        (CockpitUpgradeWizard *self,
                                 CockpitAction        *action,
                                 gboolean              backup_first,
                                 const GError         *error);
static void chain_upgrade_began (CockpitUpgradeWizard *self,
                                 CockpitAction        *action);
static void chain_gave_up       (CockpitUpgradeWizard *self,
                                 const char           *message);

/* Backup first, then upgrade --------------------------------------------------
 *
 * With "Back up Live before upgrading", Install asks the tracker for a
 * backup of Live with the upgrade to follow it
 * (cockpit_action_tracker_start_backup_then_upgrade_async).  The tracker
 * journals both steps, so the upgrade follows the backup even when this
 * wizard, or the whole app, was closed meanwhile.  While the wizard is
 * open it listens to the tracker to say how the second step went.
 */

static gboolean
is_our_upgrade (CockpitUpgradeWizard *self,
                const char           *environment_id,
                CockpitActionKind     kind)
{
  return self->waiting_for_upgrade && self->environment != NULL &&
         kind == COCKPIT_ACTION_KIND_UPGRADE &&
         g_strcmp0 (environment_id, cockpit_environment_get_id (self->environment)) == 0;
}

static void
followup_started_cb (CockpitActionTracker *tracker,
                     CockpitAction        *action,
                     CockpitUpgradeWizard *self)
{
  if (!is_our_upgrade (self, cockpit_action_get_environment_id (action), cockpit_action_get_kind (action)))
    return;

  self->waiting_for_upgrade = FALSE;
  chain_upgrade_began (self, action);
}

static void
followup_not_started_cb (CockpitActionTracker *tracker,
                         const char           *package_id,
                         const char           *environment_id,
                         CockpitActionKind     kind,
                         const char           *message,
                         CockpitUpgradeWizard *self)
{
  if (!is_our_upgrade (self, environment_id, kind))
    return;

  self->waiting_for_upgrade = FALSE;
  chain_gave_up (self, message);
}

static void
backup_start_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CockpitUpgradeWizard) self = cockpit_weak_steal (user_data);
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GError) error = NULL;

  action = cockpit_action_tracker_start_finish (COCKPIT_ACTION_TRACKER (object), result, &error);
  if (self == NULL)
    return;

  /* Unless the cockpit refused the backup, the upgrade may still follow. */
  self->waiting_for_upgrade = action != NULL || !cockpit_client_error_is_rejection (error);
  install_done (self, action, TRUE, error);
}

static void
chain_start (CockpitUpgradeWizard *self)
{
  if (!self->followup_connected)
    {
      self->followup_connected = TRUE;
      g_signal_connect_object (self->tracker, "action-started", G_CALLBACK (followup_started_cb), self, 0);
      g_signal_connect_object (self->tracker, "action-not-started", G_CALLBACK (followup_not_started_cb), self, 0);
    }

  /* No cancellable: once asked for, both steps go on without us. */
  cockpit_action_tracker_start_backup_then_upgrade_async (self->tracker, self->environment,
                                                          cockpit_release_get_version (self->release),
                                                          NULL, backup_start_cb, cockpit_weak_new (self));
}

/* Installing ------------------------------------------------------------------ */

static void
set_started_page (CockpitUpgradeWizard *self,
                  const char           *icon_name,
                  const char           *title,
                  const char           *description)
{
  g_autofree char *escaped = g_markup_escape_text (description, -1);

  adw_status_page_set_icon_name (self->started_page, icon_name);
  adw_status_page_set_title (self->started_page, title);
  adw_status_page_set_description (self->started_page, escaped);
}

/* While the wizard stays open, its last page follows the upgrade to its
 * end (the tracker's "action-finished"), instead of saying "started" for
 * ever. */
static void
follow_upgrade (CockpitUpgradeWizard *self,
                CockpitAction        *action)
{
  g_free (self->upgrade_id);
  self->upgrade_id = g_strdup (cockpit_action_get_id (action));
  g_free (self->from_version);
  self->from_version = g_strdup (cockpit_environment_get_magnolia_version (self->environment));
}

static void
action_finished_cb (CockpitActionTracker *tracker,
                    CockpitAction        *action,
                    CockpitUpgradeWizard *self)
{
  const char *env;
  const char *target = cockpit_action_get_target_version (action);
  g_autofree char *description = NULL;

  if (self->upgrade_id == NULL || g_strcmp0 (cockpit_action_get_id (action), self->upgrade_id) != 0)
    return;

  env = _cockpit_upgrade_wizard_environment_label (self->environment);
  if (cockpit_action_get_status (action) == COCKPIT_ACTION_STATUS_SUCCEEDED)
    {
      /* Translators: "Live now runs Magnolia 6.3.21." */
      description = g_strdup_printf (_("%s now runs Magnolia %s."), env, target);
      set_started_page (self, "emblem-ok-symbolic", _("Upgrade Finished"), description);
    }
  else
    {
      CockpitActionError *error = cockpit_action_get_error (action);
      const char *why = error != NULL ? cockpit_action_error_get_message (error) : NULL;

      /* The cockpit's reason says what became of the environment; without
       * one, blue/green means traffic was never switched. */
      if (why != NULL && *why != '\0')
        description = g_strdup (why);
      else
        /* Translators: "Live stays on Magnolia 6.3.19." */
        description = g_strdup_printf (_("%s stays on Magnolia %s."), env, self->from_version);
      set_started_page (self, "dialog-error-symbolic", _("Upgrade Failed"), description);
    }
  g_clear_pointer (&self->upgrade_id, g_free);
}

static void
install_done (CockpitUpgradeWizard *self,
              CockpitAction        *action,
              gboolean              backup_first,
              const GError         *error)
{
  const char *target = cockpit_release_get_version (self->release);
  g_autofree char *description = NULL;

  self->installing = FALSE;
  gtk_spinner_set_spinning (self->install_spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->install_spinner), FALSE);

  if (action == NULL)
    {
      /* The error sits under the title, near the Install button. */
      _cockpit_upgrade_wizard_show_error (self, error->message);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->consequences_scroller), 0);
      _cockpit_upgrade_wizard_update_actions (self);
      return;
    }

  if (backup_first)
    {
      /* Translators: "Live is being backed up. The upgrade to 6.3.21 starts …" */
      description = g_strdup_printf (_("Live is being backed up. The upgrade to %s starts as soon as the backup has succeeded.\n\nYou can close this window. The backup and the upgrade go on in the background and you'll be notified when they end."),
                                     target);
      set_started_page (self, "emblem-ok-symbolic", _("Backup Started"), description);
    }
  else
    {
      /* Translators: "Live is being upgraded to 6.3.21." */
      description = g_strdup_printf (_("%s is being upgraded to %s.\n\nYou can close this window. The upgrade goes on in the background and you'll be notified when it ends."),
                                     _cockpit_upgrade_wizard_environment_label (self->environment), target);
      set_started_page (self, "emblem-ok-symbolic", _("Upgrade Started"), description);
      follow_upgrade (self, action);
    }

  gtk_stack_set_visible_child_name (self->stack, "started");
  g_signal_emit (self, signals[ACTION_STARTED], 0, action);
}

/* The chain started the upgrade after the backup, while we are open. */
static void
chain_upgrade_began (CockpitUpgradeWizard *self,
                     CockpitAction        *action)
{
  g_autofree char *description = NULL;

  /* Translators: "The backup of Live has succeeded and Live is being upgraded to 6.3.21." */
  description = g_strdup_printf (_("The backup of Live has succeeded and Live is being upgraded to %s.\n\nYou can close this window. The upgrade goes on in the background and you'll be notified when it ends."),
                                 cockpit_action_get_target_version (action));
  set_started_page (self, "emblem-ok-symbolic", _("Upgrade Started"), description);
  follow_upgrade (self, action);
  g_signal_emit (self, signals[ACTION_STARTED], 0, action);
}

static void
chain_gave_up (CockpitUpgradeWizard *self,
               const char           *message)
{
  set_started_page (self, "dialog-error-symbolic", _("Upgrade Not Started"), message);
}

static void
install_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CockpitUpgradeWizard) self = cockpit_weak_steal (user_data);
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GError) error = NULL;

  action = cockpit_action_tracker_start_finish (COCKPIT_ACTION_TRACKER (object), result, &error);

  /* Closed meanwhile: the tracker follows the action, and reports it. */
  if (self == NULL)
    return;

  install_done (self, action, FALSE, error);
}

static void
install_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CockpitUpgradeWizard *self = COCKPIT_UPGRADE_WIZARD (widget);

  /* The flag stops a second activation before the action is disabled. */
  if (self->installing || self->environment == NULL || self->release == NULL || !_cockpit_upgrade_wizard_all_checked (self))
    return;

  self->installing = TRUE;
  _cockpit_upgrade_wizard_show_error (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->install_spinner), TRUE);
  gtk_spinner_set_spinning (self->install_spinner, TRUE);
  _cockpit_upgrade_wizard_update_actions (self);

  if (_cockpit_upgrade_wizard_is_live (self->environment) && gtk_switch_get_active (self->backup_switch))
    {
      chain_start (self);
      return;
    }

  /* No cancellable: once asked for, the upgrade goes on without us. */
  cockpit_action_tracker_start_async (self->tracker, self->environment, COCKPIT_ACTION_KIND_UPGRADE,
                                      cockpit_release_get_version (self->release), NULL, NULL,
                                      install_cb, cockpit_weak_new (self));
}

void
_cockpit_upgrade_wizard_init_install (CockpitUpgradeWizard *self)
{
  g_signal_connect_object (self->tracker, "action-finished", G_CALLBACK (action_finished_cb), self, 0);
}

void
_cockpit_upgrade_wizard_class_init_install (GtkWidgetClass *widget_class)
{
  /**
   * CockpitUpgradeWizard::action-started:
   * The cockpit confirmed the action that Install asked for: the upgrade,
   * or the backup of Live that comes first, and then the upgrade that
   * follows it if the wizard is still open.
   *
   * Install is what emits it, so it is made here, with Install's action.
   */
  signals[ACTION_STARTED] =
    g_signal_new ("action-started", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, COCKPIT_TYPE_ACTION);

  gtk_widget_class_install_action (widget_class, "wizard.install", NULL, install_action);
}
