/* test-window-actions.c: every user action of the window, in every state the demo and the simulator's controls make, against the model's answer.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each state, every control of the window bound to a user action
 * ("win.upgrade-live", "win.delete-upgrade-backup", ...) must be enabled
 * exactly when CockpitAvailability, made here from the same package, the
 * same action tracker and the simulator's clock, allows it, and must say
 * the model's reason when it is not; and activating a disabled action
 * must do nothing.
 */
#include "config.h"

#include "cockpit-application.h"
#include "cockpit-widget-util.h"
#include "cockpit-window-private.h"
#include "test-app-util.h"
#include "test-session-util.h"

#define TOKEN "window-actions-test-token-51c2"
#define STAGE_SECONDS 60

static TestSession         session;
static TestApp             t;

static void
show_package (const char *id)
{
  test_app_show_package (test_app_window (t.app), id);
  test_app_refresh (&t);
}

static CockpitActionTracker *
tracker (void)
{
  return cockpit_session_get_tracker (t.session);
}

static guint
n_running (void)
{
  return g_list_model_get_n_items (cockpit_action_tracker_get_actions (tracker ()));
}

static CockpitEnvironment *
environment (const char             *package_id,
             CockpitEnvironmentKind  kind)
{
  return cockpit_package_get_environment (cockpit_session_find_package (t.session, package_id), kind);
}

/* Starts an action as the window's confirmations do, and waits until the
 * package lists it as running. */
static void
start (const char             *package_id,
       CockpitEnvironmentKind  kind,
       CockpitActionKind       action,
       const char             *target_version)
{
  cockpit_action_tracker_start_async (tracker (), environment (package_id, kind), action,
                                      target_version, NULL, NULL, NULL, NULL);
  WAIT_FOR (n_running () == 1);
  test_app_refresh (&t);
}

static void
finish (void)
{
  cockpit_simulator_advance_clock (t.sim, 6 * STAGE_SECONDS + 1);
  WAIT_FOR (n_running () == 0);
  test_app_refresh (&t);
}

static void
collect_controls (GtkWidget *root,
                  GPtrArray *controls)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_ACTIONABLE (child) && gtk_actionable_get_action_name (GTK_ACTIONABLE (child)) != NULL)
        g_ptr_array_add (controls, child);
      collect_controls (child, controls);
    }
}

/* The heart of the test: the window against the model, for @state. */
static void
check_state (const char *state,
             const char *package_id)
{
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();
  g_autoptr(CockpitAvailability) expected = NULL;
  g_autoptr(GDateTime) now = NULL;
  CockpitAvailability *shown;
  CockpitPackage *package;
  GListModel *releases = cockpit_session_get_releases (t.session);
  g_autofree char *screenshot = g_strdup_printf ("window-actions-%s", state);

  g_test_message ("state: %s (%s)", state, package_id);
  show_package (package_id);
  package = cockpit_session_find_package (t.session, package_id);
  now = cockpit_simulator_get_now (t.sim);
  expected = cockpit_availability_new (package, g_list_model_get_n_items (releases) > 0 ? releases : NULL,
                                       cockpit_action_tracker_is_busy (tracker (), package_id), now);

  /* The page shows the window's answer, which is the model's. */
  shown = cockpit_package_page_get_availability (test_app_package_page (t.app));
  g_assert_nonnull (shown);
  g_assert_true (cockpit_availability_get_package (shown) == package);

  collect_controls (GTK_WIDGET (test_app_window (t.app)), controls);
  for (guint a = 0; a < COCKPIT_N_USER_ACTIONS; a++)
    {
      g_autofree char *name = g_strconcat ("win.", cockpit_user_action_get_name (a), NULL);
      gboolean allowed = cockpit_availability_get_allowed (expected, a);
      const char *reason = cockpit_availability_get_reason (expected, a);
      guint found = 0;

      g_assert_cmpint (cockpit_availability_get_allowed (shown, a), ==, allowed);
      g_assert_cmpstr (cockpit_availability_get_reason (shown, a), ==, reason);

      for (guint i = 0; i < controls->len; i++)
        {
          GtkWidget *control = g_ptr_array_index (controls, i);

          if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (control)), name) != 0)
            continue;
          found++;
          if (gtk_widget_get_sensitive (control) != allowed)
            g_error ("%s: %s is %s, the model says %s (%s)", state, name,
                     allowed ? "off" : "on", allowed ? "allowed" : "not allowed", reason);
          /* The reason is shown where the control is. */
          if (!allowed && g_strcmp0 (cockpit_widget_get_tooltip_text (control), reason) != 0)
            g_error ("%s: %s (%s) says \"%s\", the model \"%s\"", state, name, G_OBJECT_TYPE_NAME (control),
                     cockpit_widget_get_tooltip_text (control), reason);
        }
      /* Every action has a control; "back up" is on Live's card only. */
      g_assert_cmpuint (found, >=, 1);

      /* A disabled action does nothing, however it is activated. */
      if (!allowed)
        {
          guint running = n_running ();

          gtk_widget_activate_action (GTK_WIDGET (test_app_package_page (t.app)), name, NULL);
          g_assert_null (cockpit_package_page_get_dialog (test_app_package_page (t.app)));
          g_assert_null (cockpit_package_page_get_wizard (test_app_package_page (t.app)));
          g_assert_cmpuint (n_running (), ==, running);
        }
    }

  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (t.app)), screenshot);
}

static void
test_seed_states (void)
{
  g_application_activate (G_APPLICATION (t.app));
  WAIT_FOR (gtk_application_get_active_window (GTK_APPLICATION (t.app)) != NULL);
  WAIT_FOR (g_list_model_get_n_items (cockpit_session_get_packages (t.session)) >= 4);
  WAIT_FOR (g_list_model_get_n_items (cockpit_session_get_releases (t.session)) > 0);
  gtk_window_set_default_size (GTK_WINDOW (test_app_window (t.app)), 1280, 1000);

  check_state ("idle", "acmeweb");
  check_state ("backup-extendable", "globex");
  check_state ("maintenance", "initech");
  /* Umbrella: Live protected, Integration torn down (not set up). */
  check_state ("protected-and-not-set-up", "umbrella");
}

typedef struct {
  const char             *state;
  const char             *package_id;
  CockpitEnvironmentKind  kind;
  CockpitActionKind       action;
  const char             *target_version;
  const char             *after;      /* the state once it has ended */
} RunningCase;

static void
test_running (void)
{
  /* In an order that goes through each state: an upgrade of Live makes
   * an upgrade backup, an extension makes it not extendable any more. */
  static const RunningCase cases[] = {
    { "upgrade-running", "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_UPGRADE, "6.3.19",
      "backup-after-upgrade" },
    { "extend-running", "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP, NULL,
      "backup-not-extendable" },
    { "delete-running", "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP, NULL,
      "backup-deleted" },
    { "restore-running", "globex", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP, NULL,
      "restored" },
    { "backup-running", "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_CREATE_BACKUP, NULL,
      "backed-up" },
    { "teardown-running", "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_ACTION_KIND_TEARDOWN, NULL,
      "torn-down" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      show_package (cases[i].package_id);
      start (cases[i].package_id, cases[i].kind, cases[i].action, cases[i].target_version);
      check_state (cases[i].state, cases[i].package_id);
      finish ();
      check_state (cases[i].after, cases[i].package_id);
    }

  /* The states the cases were meant to reach. */
  g_assert_cmpint (cockpit_environment_get_state (environment ("acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT)), ==,
                   COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP);
  g_assert_null (cockpit_environment_get_upgrade_backup (environment ("globex", COCKPIT_ENVIRONMENT_KIND_LIVE)));
}

static void
test_failed (void)
{
  show_package ("acmeweb");
  test_app_sim_control (t.sim, TOKEN, "/_sim/fail-next", "{\"stage\": \"verify_replica\"}");
  start ("acmeweb", COCKPIT_ENVIRONMENT_KIND_INTEGRATION, COCKPIT_ACTION_KIND_UPGRADE, "6.4.3");
  finish ();
  g_assert_cmpstr (cockpit_environment_get_magnolia_version (environment ("acmeweb", COCKPIT_ENVIRONMENT_KIND_INTEGRATION)),
                   ==, "6.3.21");
  check_state ("failed", "acmeweb");
}

static void
test_maintenance_control (void)
{
  test_app_sim_control (t.sim, TOKEN, "/_sim/packages/globex/maintenance",
                        "{\"message\": \"The database is being moved.\"}");
  check_state ("maintenance-set", "globex");
  g_assert_nonnull (strstr (cockpit_availability_get_reason (cockpit_package_page_get_availability (test_app_package_page (t.app)),
                                                             COCKPIT_USER_ACTION_UPGRADE_UAT),
                            "The database is being moved."));
  test_app_sim_control (t.sim, TOKEN, "/_sim/packages/globex/maintenance", "{\"message\": null}");
  check_state ("maintenance-ended", "globex");
}

/* The clock alone: past 48 hours the upgrade backup goes, and Live can
 * be upgraded again. */
static void
test_clock (void)
{
  show_package ("acmeweb");
  start ("acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_UPGRADE, "6.3.21");
  finish ();
  check_state ("backup-fresh", "acmeweb");
  g_assert_false (cockpit_availability_get_allowed (cockpit_package_page_get_availability (test_app_package_page (t.app)),
                                                    COCKPIT_USER_ACTION_UPGRADE_LIVE));
  cockpit_simulator_advance_clock (t.sim, 48 * 3600 + 60);
  check_state ("backup-expired", "acmeweb");
  g_assert_false (cockpit_availability_get_allowed (cockpit_package_page_get_availability (test_app_package_page (t.app)),
                                                    COCKPIT_USER_ACTION_DELETE_UPGRADE_BACKUP));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The tests follow each other as one story, in the order added. */
  test_app_start_story (&t, &session, TOKEN, STAGE_SECONDS);

  g_test_add_func ("/cockpit/window-actions/seed", test_seed_states);
  g_test_add_func ("/cockpit/window-actions/running", test_running);
  g_test_add_func ("/cockpit/window-actions/failed", test_failed);
  g_test_add_func ("/cockpit/window-actions/maintenance", test_maintenance_control);
  g_test_add_func ("/cockpit/window-actions/clock", test_clock);

  return test_app_run_story (&t, &session);
}
