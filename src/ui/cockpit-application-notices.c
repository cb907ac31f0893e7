/* cockpit-application-notices.c: what the application says on the desktop.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Desktop notifications of actions that ended or could not start, the
 * reminders of upgrade backups, new critical helpdesk notices and the
 * gates and ends of upgrade plans (with Approve from the notification).
 * They live in the application, not in a window, so that they are said
 * with every window closed.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-a11y.h"
#include "cockpit-application-private.h"
#include "cockpit-helpdesk-button.h"
#include "cockpit-window.h"

/* Notifications ---------------------------------------------------------------- */

static const char *
environment_label_of (CockpitApplication *self,
                      CockpitAction      *action,
                      CockpitPackage    **package_out)
{
  CockpitPackage *package = NULL;
  CockpitEnvironment *environment = NULL;

  if (self->session != NULL)
    package = cockpit_session_find_package (self->session, cockpit_action_get_package_id (action));
  if (package != NULL)
    environment = cockpit_package_find_environment (package, cockpit_action_get_environment_id (action));
  if (package_out != NULL)
    *package_out = package;

  return environment != NULL
    ? cockpit_environment_kind_get_label (cockpit_environment_get_kind (environment))
    : cockpit_action_get_environment_id (action);
}

void
cockpit_application_describe_action (CockpitApplication  *self,
                                     CockpitAction       *action,
                                     char               **title,
                                     char               **body)
{
  CockpitPackage *package = NULL;
  const char *env = environment_label_of (self, action, &package);
  const char *package_name = package ? cockpit_package_get_name (package) : cockpit_action_get_package_id (action);
  const char *version = cockpit_action_get_target_version (action);
  gboolean ok = cockpit_action_get_status (action) == COCKPIT_ACTION_STATUS_SUCCEEDED;
  CockpitActionError *error = cockpit_action_get_error (action);
  const char *reason = error ? cockpit_action_error_get_message (error) : _("The cockpit gave no reason.");

  switch (cockpit_action_get_kind (action))
    {
    case COCKPIT_ACTION_KIND_UPGRADE:
      *title = ok ? g_strdup_printf (_("%s upgraded to %s"), env, version ? version : "")
                  : g_strdup_printf (_("Upgrade of %s failed"), env);
      break;
    case COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP:
      *title = ok ? g_strdup (_("Upgrade backup extended"))
                  : g_strdup (_("Extending the upgrade backup failed"));
      break;
    case COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP:
      *title = ok ? g_strdup (_("Upgrade backup deleted"))
                  : g_strdup (_("Deleting the upgrade backup failed"));
      break;
    case COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP:
      *title = ok ? g_strdup_printf (_("%s restored from the upgrade backup"), env)
                  : g_strdup_printf (_("Restoring %s failed"), env);
      break;
    case COCKPIT_ACTION_KIND_CREATE_BACKUP:
      *title = ok ? g_strdup_printf (_("%s backed up"), env)
                  : g_strdup_printf (_("Backup of %s failed"), env);
      break;
    case COCKPIT_ACTION_KIND_TEARDOWN:
    default:
      *title = ok ? g_strdup_printf (_("%s torn down"), env)
                  : g_strdup_printf (_("Tearing down %s failed"), env);
      break;
    }

  if (!ok)
    *body = g_strdup_printf ("%s: %s", package_name, reason);
  else if (cockpit_action_get_kind (action) == COCKPIT_ACTION_KIND_UPGRADE &&
           cockpit_action_get_stage_by_name (action, COCKPIT_STAGE_KEEP_BACKUP) != NULL)
    *body = g_strdup_printf (_("%s: the previous installation is kept as an upgrade backup for 48 hours."), package_name);
  else
    *body = g_strdup_printf (_("%s: done."), package_name);
}

void
cockpit_application_notify_action (CockpitApplication *self,
                                   CockpitAction      *action)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *id = NULL;
  const char *package_id = cockpit_action_get_package_id (action);

  cockpit_application_describe_action (self, action, &title, &body);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  if (cockpit_action_get_status (action) == COCKPIT_ACTION_STATUS_FAILED)
    g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  /* A click opens the package; a button doing the same would only repeat it. */
  g_notification_set_default_action_and_target (notification, "app.open-package", "s", package_id);

  id = g_strdup_printf ("action-%s", cockpit_action_get_id (action));
  g_application_send_notification (G_APPLICATION (self), id, notification);
}

static void
_cockpit_application_action_finished_cb (CockpitActionTracker *tracker,
                                         CockpitAction        *action,
                                         CockpitApplication   *self)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GtkWindow *window;

  cockpit_application_notify_action (self, action);

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (COCKPIT_IS_WINDOW (window))
    {
      cockpit_application_describe_action (self, action, &title, &body);
      cockpit_window_show_toast (COCKPIT_WINDOW (window), title);
    }
}

static void
_cockpit_application_action_not_started_cb (CockpitActionTracker *tracker,
                                            const char           *package_id,
                                            const char           *environment_id,
                                            CockpitActionKind     kind,
                                            const char           *message,
                                            CockpitApplication   *self)
{
  g_autoptr(GNotification) notification = g_notification_new (_("An action was not started"));
  GtkWindow *window;

  g_notification_set_body (notification, message);
  g_notification_set_default_action_and_target (notification, "app.open-package", "s", package_id);
  g_application_send_notification (G_APPLICATION (self), NULL, notification);

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (COCKPIT_IS_WINDOW (window))
    cockpit_window_show_toast (COCKPIT_WINDOW (window), message);
}

/* The journal of followed actions was damaged and set aside: said once,
 * where the person will see it, with what to do. */
static void
_cockpit_application_journal_damaged_cb (CockpitActionTracker *tracker,
                                         const char           *message,
                                         const char           *aside_path,
                                         CockpitApplication   *self)
{
  g_autoptr(GNotification) notification = g_notification_new (_("Some followed actions could not be read"));
  GtkWindow *window;

  g_notification_set_body (notification, message);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_application_send_notification (G_APPLICATION (self), "journal-damaged", notification);

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (COCKPIT_IS_WINDOW (window))
    cockpit_window_show_toast (COCKPIT_WINDOW (window), _("Some followed actions could not be read; see the notification"));
}

/* While the tracker follows an action, the application stays alive. */
static void
_cockpit_application_actions_changed_cb (GListModel         *actions,
                                         guint               position,
                                         guint               removed,
                                         guint               added,
                                         CockpitApplication *self)
{
  gboolean running = g_list_model_get_n_items (actions) > 0;

  if (running && !self->held)
    {
      g_application_hold (G_APPLICATION (self));
      self->held = TRUE;
    }
  else if (!running && self->held)
    {
      self->held = FALSE;
      g_application_release (G_APPLICATION (self));
    }

  /* "Keeps running" is no longer true once nothing runs. */
  if (!running)
    self->asked_background = FALSE;
  if (!running && self->told_background)
    {
      g_application_withdraw_notification (G_APPLICATION (self), "background");
      self->told_background = FALSE;
    }
}

/* Upgrade backup reminders ----------------------------------------------------- */

/* "6 h", rounded to the hour; below an hour "42 min". */
static char *
format_time_left (GTimeSpan left)
{
  if (left >= G_TIME_SPAN_HOUR)
    {
      /* Translators: whole hours, as in "Upgrade backup of Live removed in 6 h" */
      return g_strdup_printf (_("%d h"), (int) ((left + G_TIME_SPAN_HOUR / 2) / G_TIME_SPAN_HOUR));
    }
  return cockpit_format_time_span (left);
}

static void
backup_remind_cb (CockpitBackupReminder *reminder,
                  CockpitPackage        *package,
                  CockpitEnvironment    *live,
                  CockpitUpgradeBackup  *backup,
                  CockpitApplication    *self)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GDateTime) now = self->clock ? self->clock (self->clock_data) : g_date_time_new_now_utc ();
  GDateTime *expires_at = cockpit_upgrade_backup_get_expires_at (backup);
  g_autofree char *left = format_time_left (g_date_time_difference (expires_at, now));
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *id = NULL;
  const char *package_id = cockpit_package_get_id (package);
  const char *from_version = cockpit_upgrade_backup_get_from_version (backup);
  gboolean can_extend = cockpit_rules_upgrade_backup_can_extend (backup, now);

  when = cockpit_format_date_time (expires_at, COCKPIT_DATE_SHORT);
  title = g_strdup_printf (_("Upgrade backup of %s removed in %s"),
                           cockpit_environment_kind_get_label (cockpit_environment_get_kind (live)), left);
  if (can_extend)
    body = g_strdup_printf (_("%s: the backup of %s is removed automatically on %s. "
                              "Extend it to keep the option to roll back."),
                            cockpit_package_get_name (package), from_version ? from_version : "", when);
  else
    body = g_strdup_printf (_("%s: the backup of %s is removed automatically on %s. "
                              "It cannot be extended any further; for longer, contact the Cloud Helpdesk."),
                            cockpit_package_get_name (package), from_version ? from_version : "", when);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.open-package", "s", package_id);
  /* A click opens the package; the one button does what a click does not. */
  if (can_extend)
    g_notification_add_button_with_target (notification, _("Extend to 5 Days"), "app.extend-backup", "s", package_id);

  id = g_strdup_printf ("backup-reminder-%s", package_id);
  g_application_send_notification (G_APPLICATION (self), id, notification);
  g_hash_table_add (self->reminded, g_strdup (package_id));
  _cockpit_application_update_service_hold (self);
}

/* A reminder that is no longer true goes: the backup was extended beyond
 * the reminder's hours, deleted, restored or removed. */
static void
withdraw_stale_reminders (CockpitApplication *self)
{
  g_autoptr(GDateTime) now = self->clock ? self->clock (self->clock_data) : g_date_time_new_now_utc ();
  guint hours = self->reminder ? cockpit_backup_reminder_get_hours (self->reminder) : 0;
  GHashTableIter iter;
  const char *package_id;

  g_hash_table_iter_init (&iter, self->reminded);
  while (g_hash_table_iter_next (&iter, (gpointer *) &package_id, NULL))
    {
      CockpitPackage *package = self->session ? cockpit_session_find_package (self->session, package_id) : NULL;
      CockpitEnvironment *live = package ? cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_LIVE) : NULL;
      CockpitUpgradeBackup *backup = live ? cockpit_environment_get_upgrade_backup (live) : NULL;
      g_autofree char *id = NULL;

      if (backup != NULL && hours > 0 &&
          g_date_time_difference (cockpit_upgrade_backup_get_expires_at (backup), now) <= (GTimeSpan) hours * G_TIME_SPAN_HOUR)
        continue;

      id = g_strdup_printf ("backup-reminder-%s", package_id);
      g_application_withdraw_notification (G_APPLICATION (self), id);
      g_hash_table_iter_remove (&iter);
    }
}

static void
session_updated_cb (CockpitApplication *self)
{
  if (self->reminder != NULL)
    cockpit_backup_reminder_check (self->reminder);
  withdraw_stale_reminders (self);
  _cockpit_application_update_service_hold (self);
}

static void
_cockpit_application_start_backup_reminder (CockpitApplication *self)
{
  g_assert (self->reminder == NULL);

  self->reminder = cockpit_backup_reminder_new (self->session, NULL);
  if (self->clock != NULL)
    cockpit_backup_reminder_set_clock (self->reminder, self->clock, self->clock_data, NULL);
  if (self->settings != NULL)
    g_settings_bind (self->settings, "backup-reminder-hours", self->reminder, "hours", G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->reminder, "remind", G_CALLBACK (backup_remind_cb), self, 0);
  g_signal_connect_object (self->session, "notify::updated-at", G_CALLBACK (session_updated_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
_cockpit_application_helpdesk_new_critical_cb (CockpitHelpdesk     *helpdesk,
                                               CockpitNotification *notification,
                                               CockpitApplication  *self)
{
  cockpit_helpdesk_notify_critical (G_APPLICATION (self), notification);
  g_hash_table_add (self->announced, g_strdup (cockpit_notification_get_id (notification)));
}

/* A notice read or archived (here or in the cockpit) is withdrawn from
 * the desktop: it asks for nothing any more. */
static void
_cockpit_application_withdraw_read_helpdesk (CockpitApplication *self)
{
  GHashTableIter iter;
  const char *id;

  if (self->helpdesk == NULL)
    return;

  g_hash_table_iter_init (&iter, self->announced);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    {
      CockpitNotification *notification = cockpit_helpdesk_find (self->helpdesk, id);
      g_autofree char *desktop_id = NULL;

      if (notification != NULL &&
          !cockpit_notification_get_read (notification) &&
          !cockpit_notification_get_archived (notification))
        continue;

      desktop_id = g_strdup_printf ("helpdesk-%s", id);
      g_application_withdraw_notification (G_APPLICATION (self), desktop_id);
      g_hash_table_iter_remove (&iter);
    }
}

/* Upgrade plans ---------------------------------------------------------------- */

static char *
plan_notification_id (CockpitPlan *plan)
{
  return g_strdup_printf ("plan-%s", cockpit_plan_get_id (plan));
}

/* One notification a plan, replaced as the plan moves on: the gate that
 * opened, then how the plan ended. */
static void
_cockpit_application_plan_event_cb (CockpitSession     *session,
                                    CockpitPackage     *package,
                                    CockpitPlan        *plan,
                                    CockpitPlanEvent    event,
                                    CockpitApplication *self)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *id = plan_notification_id (plan);
  CockpitPlanStep *step = cockpit_plan_get_current_step (plan);
  const char *env = step ? cockpit_environment_kind_get_label (cockpit_plan_step_get_environment (step)) : "";
  const char *name = cockpit_package_get_name (package);
  const char *version = cockpit_plan_get_target_version (plan);
  CockpitActionError *error = cockpit_plan_get_error (plan);
  GtkWindow *window;

  switch (event)
    {
    case COCKPIT_PLAN_EVENT_APPROVAL_NEEDED:
      step = cockpit_plan_get_step_awaiting_approval (plan);
      env = step ? cockpit_environment_kind_get_label (cockpit_plan_step_get_environment (step)) : env;
      /* Translators: "UAT of Globex Online Shop is ready for your approval" */
      title = g_strdup_printf (_("%s of %s is ready for your approval"), env, name);
      /* Translators: "The plan upgrades it to 6.4.3 once you approve. Test what was upgraded before, then approve." */
      body = g_strdup_printf (_("The plan upgrades it to %s once you approve. Test what was upgraded before, then approve."),
                              version);
      break;
    case COCKPIT_PLAN_EVENT_STEP_STARTED:
      /* Translators: "Upgrade of UAT of Globex Online Shop started" */
      title = g_strdup_printf (_("Upgrade of %s of %s started"), env, name);
      /* Translators: "The upgrade plan started it by itself, at its time: to 6.4.3." */
      body = g_strdup_printf (_("The upgrade plan started it by itself at its time, to %s. You will be notified when the plan ends."),
                              version);
      break;
    case COCKPIT_PLAN_EVENT_SUCCEEDED:
      /* Translators: "Upgrade plan of Globex Online Shop done" */
      title = g_strdup_printf (_("Upgrade plan of %s done"), name);
      body = g_strdup_printf (_("Every environment of the plan is on %s."), version);
      break;
    case COCKPIT_PLAN_EVENT_FAILED:
      /* Translators: "Upgrade plan of Globex Online Shop failed" */
      title = g_strdup_printf (_("Upgrade plan of %s failed"), name);
      /* Translators: "UAT: <the cockpit's message> Nothing after it was upgraded." */
      body = g_strdup_printf (_("%s: %s Nothing after it was upgraded."), env,
                              error ? cockpit_action_error_get_message (error) : _("The cockpit gave no reason."));
      break;
    case COCKPIT_PLAN_EVENT_CANCELLED:
    default:
      /* Translators: "Upgrade plan of Globex Online Shop cancelled" */
      title = g_strdup_printf (_("Upgrade plan of %s cancelled"), name);
      body = g_strdup (_("Nothing after the cancel was started. Environments already upgraded keep their new version."));
      break;
    }

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  if (event == COCKPIT_PLAN_EVENT_APPROVAL_NEEDED || event == COCKPIT_PLAN_EVENT_FAILED)
    g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.open-package", "s", cockpit_package_get_id (package));
  /* The approval works from the notification itself, window or not. */
  if (event == COCKPIT_PLAN_EVENT_APPROVAL_NEEDED)
    g_notification_add_button_with_target (notification, _("Approve"), "app.approve-plan", "s", cockpit_plan_get_id (plan));
  g_application_send_notification (G_APPLICATION (self), id, notification);
  if (event == COCKPIT_PLAN_EVENT_APPROVAL_NEEDED)
    g_hash_table_add (self->asking, g_strdup (cockpit_plan_get_id (plan)));
  else
    g_hash_table_remove (self->asking, cockpit_plan_get_id (plan));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (COCKPIT_IS_WINDOW (window) && event != COCKPIT_PLAN_EVENT_APPROVAL_NEEDED)
    cockpit_window_show_toast (COCKPIT_WINDOW (window), title);
}

/* A question answered elsewhere (the card's button, another computer) or
 * no longer asked (the plan was cancelled) leaves the desktop. */
static void
_cockpit_application_plan_changed_cb (CockpitSession     *session,
                                      CockpitPackage     *package,
                                      CockpitApplication *self)
{
  GHashTableIter iter;
  const char *plan_id;

  g_hash_table_iter_init (&iter, self->asking);
  while (g_hash_table_iter_next (&iter, (gpointer *) &plan_id, NULL))
    {
      CockpitPlan *plan = cockpit_session_find_plan (session, plan_id);
      g_autofree char *id = NULL;

      if (plan != NULL && cockpit_plan_get_step_awaiting_approval (plan) != NULL)
        continue;
      id = g_strdup_printf ("plan-%s", plan_id);
      g_application_withdraw_notification (G_APPLICATION (self), id);
      g_hash_table_iter_remove (&iter);
    }
  _cockpit_application_update_service_hold (self);
}

static void
approved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CockpitApplication) self = user_data;
  g_autoptr(CockpitPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  plan = cockpit_session_plan_finish (COCKPIT_SESSION (object), result, &error);
  g_application_release (G_APPLICATION (self));
  if (plan == NULL)
    {
      g_autoptr(GNotification) notification = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Said where the approval was asked for: the notification. */
      notification = g_notification_new (_("The approval was not sent"));
      g_notification_set_body (notification, error->message);
      g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
      g_application_send_notification (G_APPLICATION (self), "plan-approval-failed", notification);
      return;
    }

  /* The question has been answered. */
  id = plan_notification_id (plan);
  g_application_withdraw_notification (G_APPLICATION (self), id);
}

static void
_cockpit_application_approve_plan (CockpitApplication *self,
                                   const char         *plan_id)
{
  CockpitPlan *plan = cockpit_session_find_plan (self->session, plan_id);
  CockpitPackage *package = plan ? cockpit_session_find_package (self->session, cockpit_plan_get_package_id (plan)) : NULL;

  /* The same answer as the window's button, when the package is known;
   * else the cockpit decides (409 not_waiting). */
  if (package != NULL)
    {
      g_autoptr(GDateTime) now = cockpit_session_dup_now (self->session);
      GListModel *releases = cockpit_session_get_releases (self->session);
      gboolean busy = cockpit_action_tracker_is_busy (cockpit_session_get_tracker (self->session),
                                                      cockpit_package_get_id (package));
      g_autoptr(CockpitAvailability) availability =
        cockpit_availability_new (package, g_list_model_get_n_items (releases) > 0 ? releases : NULL, busy, now);

      if (!cockpit_availability_get_allowed (availability, COCKPIT_USER_ACTION_APPROVE_PLAN))
        {
          g_autoptr(GNotification) notification = g_notification_new (_("The approval was not sent"));

          g_notification_set_body (notification,
                                   cockpit_availability_get_reason (availability, COCKPIT_USER_ACTION_APPROVE_PLAN));
          g_application_send_notification (G_APPLICATION (self), "plan-approval-failed", notification);
          return;
        }
    }

  /* Started for the click alone, the app waits for the answer. */
  g_application_hold (G_APPLICATION (self));
  cockpit_session_approve_plan_async (self->session, plan_id, NULL, approved_cb, g_object_ref (self));
}

/* "Approve" on a gate's notification: no window is needed.  Started by
 * D-Bus for the click, the app approves once it has signed in. */
void
_cockpit_application_approve_plan_action_cb (GSimpleAction *action,
                                             GVariant      *parameter,
                                             gpointer      user_data)
{
  CockpitApplication *self = user_data;
  const char *plan_id = g_variant_get_string (parameter, NULL);

  if (self->session == NULL)
    {
      g_free (self->pending_approval);
      self->pending_approval = g_strdup (plan_id);
      _cockpit_application_start_signing_in (self);
      return;
    }
  _cockpit_application_approve_plan (self, plan_id);
}

/* Following the session -------------------------------------------------------- */

/* A new session (cockpit-application-session.c tells before it loads
 * anything): its actions, reminders, helpdesk notices and plans are
 * followed from the start. */
static void
session_changed_cb (CockpitApplication *self)
{
  CockpitActionTracker *tracker;

  if (self->session == NULL)
    return;

  _cockpit_application_start_backup_reminder (self);
  g_signal_connect_object (self->helpdesk, "new-critical", G_CALLBACK (_cockpit_application_helpdesk_new_critical_cb), self, 0);
  g_signal_connect_object (self->helpdesk, "notify::unread-critical", G_CALLBACK (_cockpit_application_withdraw_read_helpdesk),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cockpit_helpdesk_get_notifications (self->helpdesk), "items-changed",
                           G_CALLBACK (_cockpit_application_withdraw_read_helpdesk), self, G_CONNECT_SWAPPED);

  tracker = cockpit_session_get_tracker (self->session);
  g_signal_connect_object (tracker, "action-finished", G_CALLBACK (_cockpit_application_action_finished_cb), self, 0);
  g_signal_connect_object (tracker, "action-not-started", G_CALLBACK (_cockpit_application_action_not_started_cb), self, 0);
  g_signal_connect_object (tracker, "journal-damaged", G_CALLBACK (_cockpit_application_journal_damaged_cb), self, 0);
  g_signal_connect_object (cockpit_action_tracker_get_actions (tracker), "items-changed",
                           G_CALLBACK (_cockpit_application_actions_changed_cb), self, 0);

  g_signal_connect_object (self->session, "plan-event", G_CALLBACK (_cockpit_application_plan_event_cb), self, 0);
  g_signal_connect_object (self->session, "plan-changed", G_CALLBACK (_cockpit_application_plan_changed_cb), self, 0);
}

/* An approval asked from a notification before signing in goes once the
 * session has loaded what it knows of the plan. */
static void
session_ready_cb (CockpitApplication *self)
{
  g_autofree char *plan_id = g_steal_pointer (&self->pending_approval);

  if (plan_id != NULL && self->session != NULL)
    _cockpit_application_approve_plan (self, plan_id);
}

void
_cockpit_application_notices_init (CockpitApplication *self)
{
  g_signal_connect (self, "notify::session", G_CALLBACK (session_changed_cb), NULL);
  g_signal_connect (self, "session-ready", G_CALLBACK (session_ready_cb), NULL);
}
