/* test-demo.c: the demo mode: --demo, Try the Demo, one demo per user, and the Demo menu.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first test starts the app as `upgrade-cockpit --demo` would.  The
 * others follow one application through a newcomer's tour: Try the Demo
 * on the sign-in page, the screenshots of the README, a second launch
 * that brings the first forward,
 * skipping ahead until the upgrade backup reminder arrives and the backup
 * is removed, an upgrade made to fail, a reset, and signing out.  Every
 * change comes from the demo cockpit itself: the tests only use the
 * application's actions, as the menu does.
 */
#include "config.h"

#include <string.h>

#include "cockpit-activity-page.h"
#include "cockpit-application.h"
#include "cockpit-demo.h"
#include "cockpit-flow-diagram.h"
#include "cockpit-window-private.h"
#include "test-app-util.h"
#include "test-session-util.h"
#include "test-ui-util.h"

#define HOUR (G_GINT64_CONSTANT (3600))
#define DAY  (24 * HOUR)

static TestSession         session;
static CockpitApplication *app;
static guint               start_demo_count;

static CockpitSession *
current_session (void)
{
  return cockpit_application_get_session (app);
}

static CockpitDemo *
demo (void)
{
  return cockpit_application_get_demo_cockpit (app);
}

static gboolean
loaded (void)
{
  CockpitSession *s = current_session ();

  return s != NULL && cockpit_session_get_updated_at (s) != NULL &&
         g_list_model_get_n_items (cockpit_session_get_packages (s)) > 0;
}

static char *
demo_state_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "upgrade-cockpit", "demo-state.json", NULL);
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static CockpitEnvironment *
environment (const char             *package_id,
             CockpitEnvironmentKind  kind)
{
  CockpitPackage *package = cockpit_session_find_package (current_session (), package_id);

  g_assert_nonnull (package);
  return cockpit_package_get_environment (package, kind);
}

static gboolean
flow_says (const char *text)
{
  CockpitPackagePage *page = test_app_package_page (app);
  GtkWidget *flow = cockpit_package_page_get_flow_diagram (page);
  const char *description = cockpit_flow_diagram_get_description (COCKPIT_FLOW_DIAGRAM (flow));

  return description != NULL && strstr (description, text) != NULL;
}

/* Runs the Demo menu's "Skip Ahead" and waits for the refresh it starts. */
static void
skip_ahead (gint64 seconds)
{
  g_autoptr(GDateTime) before = g_date_time_ref (cockpit_session_get_updated_at (current_session ()));

  g_action_group_activate_action (G_ACTION_GROUP (app), "demo-skip-ahead", g_variant_new_int64 (seconds));
  WAIT_FOR (cockpit_session_get_updated_at (current_session ()) != NULL &&
            !g_date_time_equal (cockpit_session_get_updated_at (current_session ()), before));
}

/* upgrade-cockpit --demo: starts the built-in simulator and signs in. */
static gboolean
check_cb (gpointer user_data)
{
  CockpitApplication *application = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (application));
  CockpitSession *cockpit = cockpit_application_get_session (application);

  /* GTK is up once the application has started. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  if (active == NULL || cockpit == NULL ||
      g_list_model_get_n_items (cockpit_session_get_packages (cockpit)) == 0 ||
      g_list_model_get_n_items (cockpit_session_get_releases (cockpit)) == 0)
    return G_SOURCE_CONTINUE;

  g_assert_true (cockpit_application_get_demo (application));
  g_assert_cmpstr (gtk_window_get_title (active), ==, "Upgrade Cockpit");
  g_assert_cmpstr (cockpit_window_get_page_name (COCKPIT_WINDOW (active)), ==, "packages");

  /* The demo cockpit runs on loopback, never anywhere else. */
  g_assert_true (g_str_has_prefix (cockpit_client_get_base_url (cockpit_session_get_client (cockpit)),
                                   "http://127.0.0.1:"));

  gtk_window_set_default_size (active, 1280, 860);
  cockpit_test_wait_for_draw (GTK_WIDGET (active));
  cockpit_test_save_screenshot (GTK_WIDGET (active), "demo-overview");

  g_application_quit (G_APPLICATION (application));
  return G_SOURCE_REMOVE;
}

static void
test_command_line (void)
{
  CockpitApplication *application = cockpit_application_new ();
  char *argv[] = { (char *) "upgrade-cockpit", (char *) "--demo", NULL };
  g_autofree char *state = demo_state_path ();
  int status;

  g_timeout_add (50, check_cb, application);
  status = g_application_run (G_APPLICATION (application), 2, argv);

  g_assert_cmpint (status, ==, 0);
  /* Its state is kept in the user's data folder for the next run. */
  g_assert_true (g_file_test (state, G_FILE_TEST_EXISTS));
  g_object_unref (application);
  /* Its demo cockpit ended with it and let go of the state file. */
  {
    g_autoptr(CockpitSimulator) next = NULL;
    g_autoptr(GError) error = NULL;

    next = cockpit_simulator_new ("next", COCKPIT_SIM_SEED_DEMO, state, 1, FALSE, &error);
    g_assert_no_error (error);
  }
}

static void
start_demo_activated_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  start_demo_count++;
}

/* The sign-in page offers the demo; the button signs in to it. */
static void
test_try_the_demo (void)
{
  GtkWidget *button;
  GMenuModel *menu;

  g_autoptr(GError) error = NULL;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));
  g_signal_connect (g_action_map_lookup_action (G_ACTION_MAP (app), "start-demo"), "activate",
                    G_CALLBACK (start_demo_activated_cb), NULL);
  g_application_activate (G_APPLICATION (app));
  WAIT_FOR (gtk_application_get_active_window (GTK_APPLICATION (app)) != NULL);
  gtk_window_set_default_size (GTK_WINDOW (test_app_window (app)), 1000, 700);
  g_assert_cmpstr (cockpit_window_get_page_name (test_app_window (app)), ==, "sign-in");
  g_assert_false (cockpit_application_get_demo (app));

  button = find_action_button (GTK_WIDGET (test_app_window (app)), "app.start-demo");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (app)), "demo-sign-in");

  /* The Demo menu's actions do nothing outside the demo. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "demo-skip-ahead"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "demo-reset"));

  g_signal_emit_by_name (button, "clicked");
  WAIT_FOR (loaded ());
  g_assert_true (cockpit_application_get_demo (app));
  g_assert_cmpuint (start_demo_count, ==, 1);
  WAIT_FOR (g_strcmp0 (cockpit_window_get_page_name (test_app_window (app)), "packages") == 0);
  g_assert_true (g_str_has_prefix (cockpit_client_get_base_url (cockpit_session_get_client (current_session ())),
                                   "http://127.0.0.1:"));

  /* The main menu has its Demo section now, and the actions are on. */
  menu = cockpit_window_get_main_menu (test_app_window (app));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 3);
  {
    g_autofree char *label = NULL;

    g_assert_true (g_menu_model_get_item_attribute (menu, 1, G_MENU_ATTRIBUTE_LABEL, "s", &label));
    g_assert_cmpstr (label, ==, "Demo");
  }
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "demo-skip-ahead"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "demo-fail-next"));

  /* The menu as it opens, for a look at it.  Its popover is made then,
   * not with the window and again for the Demo section. */
  {
    GtkMenuButton *menu_button = test_app_window (app)->main_menu_button;
    GtkPopover *popover;

    g_assert_null (gtk_menu_button_get_popover (menu_button));
    gtk_menu_button_popup (menu_button);
    g_assert_true (gtk_menu_button_get_menu_model (menu_button) == menu);
    popover = gtk_menu_button_get_popover (menu_button);
    g_assert_nonnull (popover);
    WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (popover)));
    cockpit_test_save_screenshots (GTK_WIDGET (popover), "demo-menu");
    gtk_menu_button_popdown (menu_button);
  }
}

/* The overview of a package, with nothing running, draws nothing. */
static void
test_idle_no_frames (void)
{
  test_app_show_package (test_app_window (app), "acmeweb");
  g_assert_cmpuint (test_app_count_idle_frames (GTK_WIDGET (test_app_window (app)), 1000), ==, 0);
}

/* A second `upgrade-cockpit --demo` brings the running demo forward and
 * ends: one application, one simulator. */
static void
test_second_launch (void)
{
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GAsyncResult) waited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = g_strdup (cockpit_client_get_base_url (cockpit_session_get_client (current_session ())));
  CockpitSession *before = current_session ();
  const char *binary = g_getenv ("COCKPIT_APP");

  g_assert_nonnull (binary);
  second = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, binary, "--demo", NULL);
  g_assert_no_error (error);

  /* The second process calls this one: the main loop must run meanwhile. */
  g_subprocess_wait_async (second, NULL, test_app_store_result_cb, &waited);
  WAIT_FOR (waited != NULL);
  g_assert_true (g_subprocess_wait_finish (second, waited, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (second));
  g_assert_cmpint (g_subprocess_get_exit_status (second), ==, 0);
  WAIT_FOR (start_demo_count == 2);

  /* The same demo, the same session, one window. */
  g_assert_true (current_session () == before);
  g_assert_cmpstr (cockpit_client_get_base_url (cockpit_session_get_client (current_session ())), ==, base_url);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
}

/* Skipping ahead moves the demo cockpit's clock: Globex's upgrade backup
 * of Live (removed 30 hours after the seed) is reminded of a day later,
 * and is gone the day after. */
static void
test_skip_ahead (void)
{
  CockpitUpgradeBackup *backup;
  TestNotification *n;

  test_app_show_package (test_app_window (app), "globex");
  backup = cockpit_environment_get_upgrade_backup (environment ("globex", COCKPIT_ENVIRONMENT_KIND_LIVE));
  g_assert_nonnull (backup);
  g_assert_null (test_session_last_notification (&session, "backup-reminder-globex"));
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (app)), "demo-backup-before");

  skip_ahead (HOUR);
  g_assert_null (test_session_last_notification (&session, "backup-reminder-globex"));

  skip_ahead (DAY);
  WAIT_FOR (test_session_last_notification (&session, "backup-reminder-globex") != NULL);
  n = test_session_last_notification (&session, "backup-reminder-globex");
  g_assert_nonnull (strstr (test_notification_get (n, "title"), "Upgrade backup of Live removed in"));
  g_assert_nonnull (cockpit_environment_get_upgrade_backup (environment ("globex", COCKPIT_ENVIRONMENT_KIND_LIVE)));
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (app)), "demo-backup-reminded");

  skip_ahead (DAY);
  WAIT_FOR (cockpit_environment_get_upgrade_backup (environment ("globex", COCKPIT_ENVIRONMENT_KIND_LIVE)) == NULL);
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (app)), "demo-backup-gone");
}

/* "Make the Next Action Fail" arms the demo cockpit: the next upgrade
 * fails at verification, never switches traffic, and says so. */
static void
test_fail_next (void)
{
  CockpitActionTracker *tracker = cockpit_session_get_tracker (current_session ());
  CockpitEnvironment *integration;
  g_autoptr(GListStore) offered = NULL;
  g_autoptr(CockpitRelease) newest = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_version = NULL;
  TestNotification *n;
  guint before = session.notifications->len;

  test_app_show_package (test_app_window (app), "acmeweb");
  integration = environment ("acmeweb", COCKPIT_ENVIRONMENT_KIND_INTEGRATION);
  from_version = g_strdup (cockpit_environment_get_magnolia_version (integration));

  g_action_group_change_action_state (G_ACTION_GROUP (app), "demo-stage-speed", g_variant_new_string ("fast"));
  g_assert_true (cockpit_demo_get_fast (demo ()));
  g_assert_cmpfloat (cockpit_simulator_get_stage_seconds (cockpit_demo_get_simulator (demo ())), ==,
                     COCKPIT_DEMO_FAST_STAGE_SECONDS);
  g_action_group_activate_action (G_ACTION_GROUP (app), "demo-fail-next", g_variant_new_string ("verify_replica"));

  offered = cockpit_rules_offered_versions (integration, cockpit_session_get_releases (current_session ()));
  newest = g_list_model_get_item (G_LIST_MODEL (offered), 0);
  cockpit_action_tracker_start_async (tracker, integration, COCKPIT_ACTION_KIND_UPGRADE,
                                      cockpit_release_get_version (newest), NULL, NULL,
                                      test_app_store_result_cb, &result);
  WAIT_FOR (result != NULL);
  action = cockpit_action_tracker_start_finish (tracker, result, &error);
  g_assert_no_error (error);

  /* Fast stages: done in seconds, without touching the clock. */
  WAIT_FOR (test_session_last_notification (&session, "action-") != NULL && session.notifications->len > before);
  n = test_session_last_notification (&session, "action-");
  g_assert_cmpstr (test_notification_get (n, "title"), ==, "Upgrade of Integration failed");
  g_assert_cmpstr (test_notification_get (n, "priority"), ==, "high");

  WAIT_FOR (flow_says ("Failed"));
  g_assert_true (flow_says ("traffic not switched"));
  g_assert_true (flow_says ("Verify replica"));
  g_assert_cmpint (cockpit_action_get_status (action), ==, COCKPIT_ACTION_STATUS_FAILED);
  /* Integration still runs what it ran. */
  WAIT_FOR (g_strcmp0 (cockpit_environment_get_magnolia_version (environment ("acmeweb", COCKPIT_ENVIRONMENT_KIND_INTEGRATION)),
                       from_version) == 0);
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (app)), "demo-upgrade-failed");

  g_action_group_change_action_state (G_ACTION_GROUP (app), "demo-stage-speed", g_variant_new_string ("realistic"));
  g_assert_false (cockpit_demo_get_fast (demo ()));
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

/* Reset asks first; then the demo is back at its seed. */
static void
test_reset (void)
{
  CockpitSimulator *sim = cockpit_demo_get_simulator (demo ());
  g_autoptr(GDateTime) skipped = cockpit_simulator_get_now (sim);
  g_autoptr(GDateTime) now = NULL;
  AdwMessageDialog *dialog;

  g_assert_null (cockpit_environment_get_upgrade_backup (environment ("globex", COCKPIT_ENVIRONMENT_KIND_LIVE)));

  /* Cancel changes nothing. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "demo-reset", NULL);
  WAIT_FOR (find_dialog () != NULL);
  dialog = find_dialog ();
  cockpit_test_save_screenshots (GTK_WIDGET (dialog), "demo-reset-dialog");
  /* As a click on a response button does: the response, then closing. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_FOR (find_dialog () == NULL);
  g_assert_null (cockpit_environment_get_upgrade_backup (environment ("globex", COCKPIT_ENVIRONMENT_KIND_LIVE)));

  g_action_group_activate_action (G_ACTION_GROUP (app), "demo-reset", NULL);
  WAIT_FOR (find_dialog () != NULL);
  dialog = find_dialog ();
  adw_message_dialog_response (dialog, "reset");
  gtk_window_close (GTK_WINDOW (dialog));

  WAIT_FOR (loaded ());
  WAIT_FOR (cockpit_session_find_package (current_session (), "globex") != NULL &&
            cockpit_environment_get_upgrade_backup (environment ("globex", COCKPIT_ENVIRONMENT_KIND_LIVE)) != NULL);
  /* The clock is back to the real time: two days less than before. */
  now = cockpit_simulator_get_now (sim);
  g_assert_cmpint (g_date_time_difference (skipped, now), >, 2 * DAY * G_TIME_SPAN_SECOND - G_TIME_SPAN_HOUR);
  g_assert_true (cockpit_application_get_demo (app));
}

/* Scrolls the package page to its end, where the flow diagram is. */
static void
scroll_to_end (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  /* Twice: the first draw may still change the page's height. */
  for (guint i = 0; i < 2; i++)
    {
      cockpit_test_wait_for_draw (widget);
      gtk_adjustment_set_value (adjustment,
                                gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
    }
  cockpit_test_wait_for_draw (widget);
}

/* The screenshots of the README and the AppStream metainfo, at 1000×700,
 * from the real window on the demo cockpit.  build-aux/update-screenshots
 * copies them to docs/screenshots. */
static void
test_docs_screenshots (void)
{
  CockpitPackagePage *page = test_app_package_page (app);
  GtkWidget *flow = cockpit_package_page_get_flow_diagram (page);
  GtkWidget *activity;
  GtkWindow *wizard;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_set_default_size (GTK_WINDOW (test_app_window (app)), 1000, 700);

  /* 1. The overview of a package: its three environments. */
  test_app_show_package (test_app_window (app), "acmeweb");
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_window (app)));
  cockpit_test_save_screenshot (GTK_WIDGET (test_app_window (app)), "docs-overview");

  /* 2. The wizard, on its first page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test_app_window (app)), "win.upgrade-uat", NULL));
  wizard = cockpit_package_page_get_wizard (page);
  g_assert_nonnull (wizard);
  cockpit_test_wait_for_draw (GTK_WIDGET (wizard));
  cockpit_test_save_screenshot (GTK_WIDGET (wizard), "docs-wizard");
  gtk_window_destroy (wizard);

  /* 3. The upgrade backup card of a Live environment upgraded yesterday. */
  test_app_show_package (test_app_window (app), "globex");
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_window (app)));
  cockpit_test_save_screenshot (GTK_WIDGET (test_app_window (app)), "docs-upgrade-backup");

  /* 4. The activity log. */
  activity = cockpit_window_show_activity (test_app_window (app), TRUE);
  WAIT_FOR (g_list_model_get_n_items (cockpit_activity_page_get_entries (COCKPIT_ACTIVITY_PAGE (activity))) > 0 &&
            !cockpit_activity_page_get_loading (COCKPIT_ACTIVITY_PAGE (activity)));
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_window (app)));
  cockpit_test_save_screenshot (GTK_WIDGET (test_app_window (app)), "docs-activity-log");
  cockpit_window_show_activity (test_app_window (app), FALSE);

  /* 5. A running upgrade of UAT at its third stage, on the demo's clock. */
  test_app_show_package (test_app_window (app), "acmeweb");
  {
    CockpitEnvironment *uat = environment ("acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT);
    CockpitActionTracker *tracker = cockpit_session_get_tracker (current_session ());
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(CockpitAction) action = NULL;
    g_autoptr(GError) error = NULL;

    cockpit_action_tracker_start_async (tracker, uat, COCKPIT_ACTION_KIND_UPGRADE, "6.3.21", NULL, NULL,
                                        test_app_store_result_cb, &result);
    WAIT_FOR (result != NULL);
    action = cockpit_action_tracker_start_finish (tracker, result, &error);
    g_assert_no_error (error);
    /* The stages last 600 s here: half-way through the third one. */
    g_action_group_activate_action (G_ACTION_GROUP (app), "demo-skip-ahead", g_variant_new_int64 (1500));
    WAIT_FOR (flow_says ("Verify replica"));
  }
  scroll_to_end (flow);
  cockpit_test_save_screenshot (GTK_WIDGET (test_app_window (app)), "docs-upgrade-running");

  /* The tour goes on with the upgrade done. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "demo-skip-ahead", g_variant_new_int64 (3000));
  WAIT_FOR (g_list_model_get_n_items (cockpit_action_tracker_get_actions (cockpit_session_get_tracker (current_session ()))) == 0);
}

/* Signing out of the demo goes back to the sign-in page, stops the demo
 * cockpit and frees its state file for the next demo. */
static void
test_sign_out (void)
{
  g_autoptr(CockpitSimulator) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = demo_state_path ();

  /* While the demo runs, no other simulator may take its state. */
  other = cockpit_simulator_new ("other", COCKPIT_SIM_SEED_DEMO, state, 1, FALSE, &error);
  g_assert_error (error, COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE_IN_USE);
  g_clear_error (&error);
  /* The header says it is the demo, and no longer once it has ended. */
  g_assert_true (gtk_widget_get_visible (test_app_window (app)->demo_badge));

  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-out", NULL);
  WAIT_FOR (g_strcmp0 (cockpit_window_get_page_name (test_app_window (app)), "sign-in") == 0);
  g_assert_false (cockpit_application_get_demo (app));
  g_assert_false (gtk_widget_get_visible (test_app_window (app)->demo_badge));
  g_assert_null (current_session ());
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "demo-skip-ahead"));
  g_assert_cmpint (g_menu_model_get_n_items (cockpit_window_get_main_menu (test_app_window (app))), ==, 2);
  /* The menu opened once follows at once. */
  g_assert_true (gtk_menu_button_get_menu_model (test_app_window (app)->main_menu_button) ==
                 cockpit_window_get_main_menu (test_app_window (app)));

  other = cockpit_simulator_new ("other", COCKPIT_SIM_SEED_DEMO, state, 1, FALSE, &error);
  g_assert_no_error (error);

  /* While another simulator holds the demo's state, Try the Demo says so
   * in words and starts nothing. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "start-demo", NULL);
  WAIT_FOR (cockpit_window_get_sign_in_error (test_app_window (app)) != NULL);
  g_assert_nonnull (strstr (cockpit_window_get_sign_in_error (test_app_window (app)), "Another demo is already running"));
  g_assert_false (cockpit_application_get_demo (app));
  g_assert_null (current_session ());
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (app)), "demo-state-in-use");
  g_clear_object (&other);

  /* And the demo can be tried again. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "start-demo", NULL);
  WAIT_FOR (loaded ());
  g_assert_true (cockpit_application_get_demo (app));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);
  test_session_start (&session, FALSE);
  /* The demo's stages are long unless a test makes them fast. */
  g_setenv ("COCKPIT_DEMO_STAGE_SECONDS", "600", TRUE);

  g_test_add_func ("/cockpit/demo/command-line", test_command_line);
  g_test_add_func ("/cockpit/demo/try-the-demo", test_try_the_demo);
  g_test_add_func ("/cockpit/demo/idle-no-frames", test_idle_no_frames);
  g_test_add_func ("/cockpit/demo/docs-screenshots", test_docs_screenshots);
  g_test_add_func ("/cockpit/demo/second-launch", test_second_launch);
  g_test_add_func ("/cockpit/demo/skip-ahead", test_skip_ahead);
  g_test_add_func ("/cockpit/demo/fail-next", test_fail_next);
  g_test_add_func ("/cockpit/demo/reset", test_reset);
  g_test_add_func ("/cockpit/demo/sign-out", test_sign_out);

  /* The application of the tour; the command-line test runs its own
   * first, and releases the application's name when it ends. */
  app = cockpit_application_new ();

  result = g_test_run ();

  g_clear_object (&app);
  test_session_stop (&session);
  return result;
}
