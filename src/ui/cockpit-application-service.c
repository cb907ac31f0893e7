/* cockpit-application-service.c: the service at log-in, and going on in the background.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Started hidden at log-in (--gapplication-service), to send the reminders
 * of upgrade backups with no window open: the app stays while it signs
 * in, until the packages are first loaded, and while a reminder is still
 * to come; then it ends by itself (a running action holds it anyway).
 *
 * Opened by the person, the app holds itself while an action runs
 * (cockpit-application-notices.c); when its window is closed then, the
 * desktop is asked to let it run in the background, or the person is told.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-application-private.h"

/* How long the app started as a service stays once nothing needs it. */
#define SERVICE_LINGER_MS 10000

/* At log-in -------------------------------------------------------------------- */

/* Whether a plan will move on by the clock (a start time, a running
 * step, a soak gate): its next gate is to be told.  A plan that waits
 * for an approval has been told already. */
static gboolean
plan_to_follow (CockpitApplication *self)
{
  GListModel *packages;

  if (self->session == NULL)
    return FALSE;
  packages = cockpit_session_get_packages (self->session);
  for (guint i = 0; i < g_list_model_get_n_items (packages); i++)
    {
      g_autoptr(CockpitPackage) package = g_list_model_get_item (packages, i);
      CockpitPlan *plan = cockpit_package_get_active_plan (package);

      if (plan != NULL && cockpit_plan_get_step_awaiting_approval (plan) == NULL)
        return TRUE;
    }
  return FALSE;
}

void
_cockpit_application_update_service_hold (CockpitApplication *self)
{
  gboolean needed;

  if (!self->service)
    return;

  needed = self->busy ||
           (self->session != NULL && cockpit_session_get_updated_at (self->session) == NULL) ||
           (self->reminder != NULL && cockpit_backup_reminder_get_next_at (self->reminder) != NULL) ||
           plan_to_follow (self);
  if (needed && !self->service_held)
    {
      g_application_hold (G_APPLICATION (self));
      self->service_held = TRUE;
    }
  else if (!needed && self->service_held)
    {
      self->service_held = FALSE;
      g_application_release (G_APPLICATION (self));
    }
}

/* Started by D-Bus or at log-in: no window unless one is asked for, but
 * signed in at once, so that reminders and actions are followed. */
void
_cockpit_application_start_service (CockpitApplication *self)
{
  self->service = TRUE;
  g_application_set_inactivity_timeout (G_APPLICATION (self), SERVICE_LINGER_MS);
  /* Held while signing in by itself. */
  g_signal_connect (self, "notify::busy", G_CALLBACK (_cockpit_application_update_service_hold), NULL);
  _cockpit_application_start_signing_in (self);
  _cockpit_application_update_service_hold (self);
}

/* In the background ------------------------------------------------------------ */

static void
background_answer_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(CockpitApplication) self = user_data;
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GError) error = NULL;
  CockpitBackgroundAnswer answer;

  answer = cockpit_background_request_finish (COCKPIT_BACKGROUND (object), result, NULL, &error);
  if (error != NULL)
    return;
  /* The desktop shows the app among those running in the background:
   * nothing more to say.  Nothing to say either once the action ended. */
  if (answer == COCKPIT_BACKGROUND_ALLOWED || !self->held)
    return;

  /* No portal, or not allowed: the person is told by the app itself. */
  self->told_background = TRUE;
  notification = g_notification_new (_("Upgrade Cockpit keeps running"));
  if (answer == COCKPIT_BACKGROUND_REFUSED)
    g_notification_set_body (notification,
                             _("An action is still running. Your desktop did not allow running in the background, "
                               "so open Upgrade Cockpit again if it is closed: the action goes on at the cockpit."));
  else
    g_notification_set_body (notification, _("An action is still running. You will be notified when it ends."));
  /* No default action: clicking the notification activates the app,
   * which brings the window back with the progress. */
  g_application_send_notification (G_APPLICATION (self), "background", notification);
}

void
cockpit_application_window_closed_while_busy (CockpitApplication *self)
{
  if (self->told_background || self->asked_background)
    return;
  self->asked_background = TRUE;

  /* The desktop is asked first; the start at log-in the person chose in
   * the preferences goes with every question, or it would be taken back. */
  cockpit_background_request_async (self->background, NULL,
                                    _("An action is running on the cockpit; Upgrade Cockpit tells you when it ends."),
                                    g_settings_get_boolean (self->settings, "background-reminders"),
                                    self->background_cancellable, background_answer_cb, g_object_ref (self));
}
