/* test-reminder-notification.c: the upgrade backup reminder as the desktop shows it, under Xvfb.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application counts with the simulator's clock.  The demo seed's
 * globex has a Live upgrade backup with about 30 hours left; the test
 * moves the clock until 5 hours are left and reads what the fake
 * notification server was sent.
 */
#include "config.h"

#include <string.h>

#include "cockpit-application-private.h"
#include "cockpit-simulator.h"
#include "cockpit-window-private.h"
#include "test-app-util.h"

#define TOKEN "reminder-notification-token-3c9e"
#define STAGE_SECONDS 60

static TestSession         session;
static TestApp             t;

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;
  guint tick = g_timeout_add (10, cockpit_test_tick_cb, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

static gboolean
updated_since (GDateTime *before)
{
  GDateTime *now = cockpit_session_get_updated_at (t.session);

  return now != NULL && (before == NULL || !g_date_time_equal (now, before));
}

/* Refreshes the session and waits until the data is new. */
static void
refresh (void)
{
  g_autoptr(GDateTime) before = NULL;

  if (cockpit_session_get_updated_at (t.session) != NULL)
    before = g_date_time_ref (cockpit_session_get_updated_at (t.session));
  cockpit_session_refresh (t.session);
  WAIT_FOR (updated_since (before));
  /* Let the reminder's own planning run too. */
  spin (100);
}

static TestNotification *
find_reminder (void)
{
  for (guint i = 0; i < session.notifications->len; i++)
    {
      TestNotification *n = g_ptr_array_index (session.notifications, i);

      if (g_str_has_prefix (n->id, "backup-reminder-"))
        return n;
    }
  return NULL;
}

static void
assert_button (GVariant   *buttons,
               guint       index,
               const char *label,
               const char *action,
               const char *target)
{
  g_autoptr(GVariant) button = g_variant_get_child_value (buttons, index);
  g_autoptr(GVariant) value = NULL;
  const char *text = NULL;

  g_assert_true (g_variant_lookup (button, "label", "&s", &text));
  g_assert_cmpstr (text, ==, label);
  g_assert_true (g_variant_lookup (button, "action", "&s", &text));
  g_assert_cmpstr (text, ==, action);
  value = g_variant_lookup_value (button, "target", NULL);
  g_assert_nonnull (value);
  /* The target may come wrapped in a variant. */
  while (g_variant_is_of_type (value, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *inner = g_variant_get_variant (value);

      g_variant_unref (value);
      value = inner;
    }
  g_assert_cmpstr (g_variant_get_string (value, NULL), ==, target);
}

static CockpitUpgradeBackup *
globex_backup (void)
{
  CockpitPackage *package = cockpit_session_find_package (t.session, "globex");
  CockpitEnvironment *live;

  g_assert_nonnull (package);
  live = cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_LIVE);
  g_assert_nonnull (live);
  g_assert_nonnull (cockpit_environment_get_upgrade_backup (live));
  return cockpit_environment_get_upgrade_backup (live);
}

/* The hours come from the settings. */
static void
test_settings (void)
{
  GSettings *settings = cockpit_application_get_settings (t.app);
  CockpitBackupReminder *reminder = cockpit_application_get_backup_reminder (t.app);

  g_assert_nonnull (reminder);
  g_assert_cmpuint (cockpit_backup_reminder_get_hours (reminder), ==, 6);
  g_settings_set_int (settings, "backup-reminder-hours", 12);
  g_assert_cmpuint (cockpit_backup_reminder_get_hours (reminder), ==, 12);
  g_settings_set_int (settings, "backup-reminder-hours", 0);
  g_assert_cmpuint (cockpit_backup_reminder_get_hours (reminder), ==, 0);
  g_settings_reset (settings, "backup-reminder-hours");
  g_assert_cmpuint (cockpit_backup_reminder_get_hours (reminder), ==, 6);
}

/* At 30 hours left, nothing; at 5 hours left, one notification. */
static void
test_reminds_once (void)
{
  CockpitBackupReminder *reminder = cockpit_application_get_backup_reminder (t.app);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GVariant) buttons = NULL;
  g_autofree char *state = NULL;
  TestNotification *n;
  const char *text = NULL;
  GTimeSpan left;

  refresh ();
  g_assert_cmpuint (test_session_count_notifications (&session, "backup-reminder-"), ==, 0);
  g_assert_nonnull (cockpit_backup_reminder_get_next_at (reminder));

  now = cockpit_simulator_get_now (t.sim);
  left = g_date_time_difference (cockpit_upgrade_backup_get_expires_at (globex_backup ()), now);
  g_assert_cmpint (left, >, 24 * G_TIME_SPAN_HOUR);
  cockpit_simulator_advance_clock (t.sim, (left - 5 * G_TIME_SPAN_HOUR) / G_TIME_SPAN_SECOND);
  refresh ();
  WAIT_FOR (test_session_count_notifications (&session, "backup-reminder-") > 0);
  g_assert_cmpuint (test_session_count_notifications (&session, "backup-reminder-"), ==, 1);

  n = find_reminder ();
  g_assert_cmpstr (n->app_id, ==, APP_ID);
  g_assert_cmpstr (n->id, ==, "backup-reminder-globex");
  g_assert_cmpstr (test_notification_get (n, "title"), ==, "Upgrade backup of Live removed in 5 h");
  test_app_assert_contains (test_notification_get (n, "body"), "Globex Online Shop: the backup of 6.3.19 is removed automatically on ");
  test_app_assert_contains (test_notification_get (n, "body"), "Extend it to keep the option to roll back.");
  g_assert_true (g_variant_lookup (n->data, "default-action", "&s", &text));
  g_assert_cmpstr (text, ==, "app.open-package");

  buttons = g_variant_lookup_value (n->data, "buttons", G_VARIANT_TYPE ("aa{sv}"));
  g_assert_nonnull (buttons);
  /* A click opens the package; the one button does something else. */
  g_assert_cmpuint (g_variant_n_children (buttons), ==, 1);
  assert_button (buttons, 0, "Extend to 5 Days", "app.extend-backup", "globex");

  /* Once per backup: the next refreshes say nothing more. */
  refresh ();
  refresh ();
  g_assert_cmpuint (test_session_count_notifications (&session, "backup-reminder-"), ==, 1);

  state = g_build_filename (g_get_user_state_dir (), "upgrade-cockpit", "reminders.json", NULL);
  g_assert_true (g_file_test (state, G_FILE_TEST_IS_REGULAR));
}

/* The "Extend to 5 Days" button opens the package in a window. */
static void
test_extend_action (void)
{
  GtkWindow *window;
  CockpitPackage *shown;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (t.app), "extend-backup"));
  g_action_group_activate_action (G_ACTION_GROUP (t.app), "extend-backup", g_variant_new_string ("globex"));
  WAIT_FOR (gtk_application_get_active_window (GTK_APPLICATION (t.app)) != NULL);
  window = gtk_application_get_active_window (GTK_APPLICATION (t.app));
  g_assert_true (COCKPIT_IS_WINDOW (window));
  WAIT_FOR ((shown = cockpit_package_page_get_package (cockpit_window_get_package_page (COCKPIT_WINDOW (window)))) != NULL &&
            g_strcmp0 (cockpit_package_get_id (shown), "globex") == 0);
}

/* Once the backup is gone, its reminder is withdrawn: it is no longer true. */
static void
test_withdrawn_when_gone (void)
{
  g_autoptr(GDateTime) now = cockpit_simulator_get_now (t.sim);
  GTimeSpan left = g_date_time_difference (cockpit_upgrade_backup_get_expires_at (globex_backup ()), now);

  g_assert_false (g_ptr_array_find_with_equal_func (session.withdrawn, "backup-reminder-globex", g_str_equal, NULL));
  cockpit_simulator_advance_clock (t.sim, left / G_TIME_SPAN_SECOND + 60);
  refresh ();
  WAIT_FOR (g_ptr_array_find_with_equal_func (session.withdrawn, "backup-reminder-globex", g_str_equal, NULL));
}

/* Signing out drops the reminder. */
static void
test_sign_out (void)
{
  CockpitBackupReminder *reminder = cockpit_application_get_backup_reminder (t.app);

  g_object_add_weak_pointer (G_OBJECT (reminder), (gpointer *) &reminder);
  cockpit_application_set_session (t.app, NULL);
  g_assert_null (cockpit_application_get_backup_reminder (t.app));
  g_assert_null (reminder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The tests follow each other as one story, in the order added. */
  test_app_start_story (&t, &session, TOKEN, STAGE_SECONDS);

  g_test_add_func ("/cockpit/reminder-notification/settings", test_settings);
  g_test_add_func ("/cockpit/reminder-notification/reminds-once", test_reminds_once);
  g_test_add_func ("/cockpit/reminder-notification/extend-action", test_extend_action);
  g_test_add_func ("/cockpit/reminder-notification/withdrawn-when-gone", test_withdrawn_when_gone);
  g_test_add_func ("/cockpit/reminder-notification/sign-out", test_sign_out);

  return test_app_run_story (&t, &session);
}
