/* test-background.c: the app asks the desktop's Background portal to run, and start, with its window closed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fake Background portal on the test's private bus records each request
 * and answers as the test chooses; without it, the portal is missing.
 */
#include "config.h"

#include "cockpit-background.h"
#include "cockpit-preferences.h"
#include "test-app-util.h"
#include "test-portal-util.h"

#define TOKEN "background-token"
#define STAGE_SECONDS 600.0

static TestSession desktop;
static TestApp t;

/* Runs the main loop for @ms milliseconds. */
static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  WAIT_FOR (g_get_monotonic_time () >= end);
}

/* The @n-th switch under @root, depth first. */
static GtkWidget *
find_switch (GtkWidget *root,
             guint     *n)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_SWITCH (child) && (*n)-- == 0)
        return child;
      if ((found = find_switch (child, n)) != NULL)
        return found;
    }
  return NULL;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static CockpitBackgroundAnswer
ask (CockpitBackground  *background,
     gboolean            autostart,
     char              **explanation)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CockpitBackgroundAnswer answer;

  cockpit_background_request_async (background, NULL, "A reason in words.", autostart, NULL,
                                    store_result_cb, &result);
  WAIT_FOR (result != NULL);
  answer = cockpit_background_request_finish (background, result, explanation, &error);
  g_assert_no_error (error);
  return answer;
}

static gboolean
option_bool (GVariant   *options,
             const char *name)
{
  gboolean value = FALSE;

  g_assert_true (g_variant_lookup (options, name, "b", &value));
  return value;
}

/* The answers, and what the portal is told. */
static void
test_answers (void)
{
  g_autoptr(CockpitBackground) background = cockpit_background_new ();
  g_autofree char *missing = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *allowed = NULL;
  g_autofree const char **commandline = NULL;
  const char *reason = NULL;
  TestPortal portal = { 0 };
  GVariant *options;

  /* No portal on this bus: said so, in words. */
  g_assert_cmpint (ask (background, FALSE, &missing), ==, COCKPIT_BACKGROUND_UNAVAILABLE);
  g_test_message ("%s", missing);
  g_assert_nonnull (strstr (missing, "Background portal"));

  test_portal_start (&portal, &desktop, TEST_PORTAL_GRANT);
  g_assert_cmpint (ask (background, TRUE, &allowed), ==, COCKPIT_BACKGROUND_ALLOWED);
  g_assert_null (allowed);
  options = test_portal_last_request (&portal);
  g_assert_nonnull (options);
  g_assert_true (g_variant_lookup (options, "reason", "&s", &reason));
  g_assert_cmpstr (reason, ==, "A reason in words.");
  g_assert_true (option_bool (options, "autostart"));
  g_assert_true (g_variant_lookup (options, "commandline", "^a&s", &commandline));
  g_assert_cmpstr (commandline[0], ==, "upgrade-cockpit");
  g_assert_cmpstr (commandline[1], ==, "--gapplication-service");
  g_assert_null (commandline[2]);

  /* Turning the start at log-in off is a request without it. */
  g_assert_cmpint (ask (background, FALSE, NULL), ==, COCKPIT_BACKGROUND_ALLOWED);
  g_assert_false (option_bool (test_portal_last_request (&portal), "autostart"));

  portal.answer = TEST_PORTAL_DENY;
  g_assert_cmpint (ask (background, TRUE, &refused), ==, COCKPIT_BACKGROUND_REFUSED);
  g_test_message ("%s", refused);
  g_assert_nonnull (strstr (refused, "did not allow"));
  portal.answer = TEST_PORTAL_CLOSE;
  g_assert_cmpint (ask (background, TRUE, &closed), ==, COCKPIT_BACKGROUND_REFUSED);
  g_assert_cmpuint (portal.requests->len, ==, 4);

  test_portal_stop (&portal);
}

/* A manual backup of Live: an action that runs until the clock moves. */
static void
start_backup (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GError) error = NULL;
  CockpitPackage *package;

  WAIT_FOR (cockpit_session_find_package (t.session, "acmeweb") != NULL);
  package = cockpit_session_find_package (t.session, "acmeweb");
  cockpit_action_tracker_start_async (cockpit_session_get_tracker (t.session),
                                      cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_LIVE),
                                      COCKPIT_ACTION_KIND_CREATE_BACKUP, NULL, NULL, NULL, store_result_cb, &result);
  WAIT_FOR (result != NULL);
  action = cockpit_action_tracker_start_finish (cockpit_session_get_tracker (t.session), result, &error);
  g_assert_no_error (error);
}

static gboolean
notified (const char *id)
{
  for (guint i = 0; i < desktop.notifications->len; i++)
    if (g_str_equal (((TestNotification *) g_ptr_array_index (desktop.notifications, i))->id, id))
      return TRUE;
  return FALSE;
}

/* The window closed while an action runs: the desktop is asked, with the
 * person's choice about the start at log-in; allowed, the app says
 * nothing itself; refused, it says so. */
static void
test_window_closed (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  TestPortal portal = { 0 };
  const char *reason = NULL;
  guint before;
  GListModel *actions = cockpit_action_tracker_get_actions (cockpit_session_get_tracker (t.session));

  /* What the start announces is in before counting: the helpdesk's
   * critical notice comes after the packages, once the helpdesk loads. */
  WAIT_FOR (cockpit_helpdesk_get_loaded (cockpit_application_get_helpdesk (t.app)) &&
            test_session_last_notification (&desktop, "helpdesk-") != NULL);
  before = desktop.notifications->len;

  test_portal_start (&portal, &desktop, TEST_PORTAL_GRANT);
  start_backup ();

  g_settings_set_boolean (settings, "background-reminders", TRUE);
  cockpit_application_window_closed_while_busy (t.app);
  WAIT_FOR (portal.requests->len == 1);
  g_assert_true (g_variant_lookup (test_portal_last_request (&portal), "reason", "&s", &reason));
  g_test_message ("%s", reason);
  g_assert_nonnull (strstr (reason, "action is running"));
  /* Asking must not take back the start at log-in the person chose. */
  g_assert_true (option_bool (test_portal_last_request (&portal), "autostart"));

  /* Allowed: the desktop shows the app running; no notification of ours. */
  spin (300);
  g_assert_cmpuint (desktop.notifications->len, ==, before);

  /* Closing again while the same action runs asks nothing more. */
  cockpit_application_window_closed_while_busy (t.app);
  spin (300);
  g_assert_cmpuint (portal.requests->len, ==, 1);

  /* The action ends; the next one is asked about again. */
  cockpit_simulator_advance_clock (t.sim, 10 * STAGE_SECONDS);
  WAIT_FOR (g_list_model_get_n_items (actions) == 0);

  /* Refused: the app says it itself, and why. */
  g_settings_set_boolean (settings, "background-reminders", FALSE);
  portal.answer = TEST_PORTAL_DENY;
  start_backup ();
  cockpit_application_window_closed_while_busy (t.app);
  WAIT_FOR (notified ("background"));
  g_assert_cmpuint (portal.requests->len, ==, 2);
  g_assert_false (option_bool (test_portal_last_request (&portal), "autostart"));
  for (guint i = 0; i < desktop.notifications->len; i++)
    {
      TestNotification *n = g_ptr_array_index (desktop.notifications, i);

      if (g_str_equal (n->id, "background"))
        g_assert_nonnull (strstr (test_notification_get (n, "body"), "did not allow"));
    }

  cockpit_simulator_advance_clock (t.sim, 10 * STAGE_SECONDS);
  WAIT_FOR (g_list_model_get_n_items (actions) == 0);
  test_portal_stop (&portal);
}

/* The preference asks the desktop; a no turns the switch back, in words. */
static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(CockpitBackground) background = cockpit_background_new ();
  CockpitPreferences *preferences;
  TestPortal portal = { 0 };
  GtkSwitch *toggle;

  test_portal_start (&portal, &desktop, TEST_PORTAL_GRANT);
  g_settings_set_boolean (settings, "background-reminders", FALSE);

  preferences = cockpit_preferences_new (NULL, settings);
  cockpit_preferences_set_background (preferences, background);
  gtk_window_present (GTK_WINDOW (preferences));
  cockpit_test_wait_for_draw (GTK_WIDGET (preferences));
  {
    /* The reminder's switch, then this one. */
    guint n = 1;

    toggle = GTK_SWITCH (find_switch (GTK_WIDGET (preferences), &n));
  }
  g_assert_false (gtk_switch_get_active (toggle));

  gtk_switch_set_active (toggle, TRUE);
  WAIT_FOR (g_settings_get_boolean (settings, "background-reminders"));
  g_assert_cmpuint (portal.requests->len, ==, 1);
  g_assert_true (option_bool (test_portal_last_request (&portal), "autostart"));
  cockpit_test_save_screenshots (GTK_WIDGET (preferences), "preferences-background-on");

  gtk_switch_set_active (toggle, FALSE);
  WAIT_FOR (portal.requests->len == 2);
  WAIT_FOR (!g_settings_get_boolean (settings, "background-reminders"));
  g_assert_false (option_bool (test_portal_last_request (&portal), "autostart"));

  /* The desktop says no: the switch goes back off and the setting stays off. */
  portal.answer = TEST_PORTAL_DENY;
  gtk_switch_set_active (toggle, TRUE);
  WAIT_FOR (portal.requests->len == 3);
  WAIT_FOR (!gtk_switch_get_active (toggle));
  g_assert_false (g_settings_get_boolean (settings, "background-reminders"));
  {
    GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (toggle), ADW_TYPE_ACTION_ROW);

    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "did not allow"));
  }
  cockpit_test_save_screenshots (GTK_WIDGET (preferences), "preferences-background-refused");

  gtk_window_destroy (GTK_WINDOW (preferences));
  test_portal_stop (&portal);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  test_session_start (&desktop, FALSE);
  adw_init ();
  /* One application for the whole program, as in a person's session; the
   * portal needs its bus. */
  test_app_start (&t, &desktop, TOKEN, STAGE_SECONDS);

  g_test_add_func ("/cockpit/background/answers", test_answers);
  g_test_add_func ("/cockpit/background/window-closed", test_window_closed);
  g_test_add_func ("/cockpit/background/preferences", test_preferences);

  result = g_test_run ();
  test_app_stop (&t);
  test_session_stop (&desktop);
  return result;
}
