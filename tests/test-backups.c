/* test-backups.c: the upgrade backup card, its confirmations, manual backup and tear-down, against the simulator.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session counts with the simulator's clock, so that the countdown
 * can be checked across the 48 hour and 5 day edges by moving that clock.
 */
#include "config.h"

#include "cockpit-application.h"
#include "cockpit-backup-card.h"
#include "cockpit-environment-card.h"
#include "cockpit-widget-util.h"
#include "cockpit-window-private.h"
#include "test-app-util.h"
#include "test-session-util.h"

#define TOKEN "backups-test-token-77aa"
#define STAGE_SECONDS 60

static TestSession         session;
static TestApp             t;

static CockpitBackupCard *
backup_card (void)
{
  return COCKPIT_BACKUP_CARD (cockpit_package_page_get_backup_card (test_app_package_page (t.app)));
}

static CockpitEnvironment *
environment (const char             *package_id,
             CockpitEnvironmentKind  kind)
{
  return cockpit_package_get_environment (cockpit_session_find_package (t.session, package_id), kind);
}

static void
show_package (const char *id)
{
  test_app_show_package (test_app_window (t.app), id);
  cockpit_window_tick (test_app_window (t.app));
}

static guint
n_running (void)
{
  return g_list_model_get_n_items (cockpit_action_tracker_get_actions (cockpit_session_get_tracker (t.session)));
}

/* Answers the confirmation open now and waits for its action to end. */
static void
answer (const char *name,
        const char *response)
{
  AdwMessageDialog *dialog = cockpit_package_page_get_dialog (test_app_package_page (t.app));

  g_assert_nonnull (dialog);
  cockpit_test_save_screenshots (GTK_WIDGET (dialog), name);
  adw_message_dialog_response (dialog, response);
  if (g_strcmp0 (response, "confirm") != 0)
    return;

  WAIT_FOR (n_running () == 1);
  test_app_advance (&t, STAGE_SECONDS + 1);
  WAIT_FOR (n_running () == 0);
  test_app_refresh (&t);
}

/* The button of @root labelled @label, such as "_Delete…". */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

static char *
expected_countdown (void)
{
  g_autoptr(GDateTime) now = cockpit_simulator_get_now (t.sim);
  CockpitUpgradeBackup *backup = cockpit_rules_live_upgrade_backup (environment (cockpit_package_get_id (cockpit_package_page_get_package (test_app_package_page (t.app))),
                                                                                 COCKPIT_ENVIRONMENT_KIND_LIVE), now);

  g_assert_nonnull (backup);
  return cockpit_format_time_span (cockpit_rules_upgrade_backup_time_left (backup, now));
}

static void
upgrade_live (const char *package_id)
{
  CockpitEnvironment *live = environment (package_id, COCKPIT_ENVIRONMENT_KIND_LIVE);
  g_autoptr(GListStore) offered = cockpit_rules_offered_versions (live, cockpit_session_get_releases (t.session));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (offered));
  g_autoptr(CockpitRelease) next = NULL;

  /* The next version up, so that one package can be upgraded often. */
  g_assert_cmpuint (n, >, 0);
  next = g_list_model_get_item (G_LIST_MODEL (offered), n - 1);
  cockpit_action_tracker_start_async (cockpit_session_get_tracker (t.session), live, COCKPIT_ACTION_KIND_UPGRADE,
                                      cockpit_release_get_version (next), NULL, NULL, NULL, NULL);
  WAIT_FOR (n_running () == 1);
  test_app_advance (&t, 5 * STAGE_SECONDS + 1);
  WAIT_FOR (n_running () == 0);
  test_app_refresh (&t);
}

/* Moves the clock to a minute and a half before Live's upgrade backup is removed. */
static void
advance_to_last_minute (const char *package_id)
{
  CockpitUpgradeBackup *backup = cockpit_environment_get_upgrade_backup (environment (package_id, COCKPIT_ENVIRONMENT_KIND_LIVE));
  g_autoptr(GDateTime) now = cockpit_simulator_get_now (t.sim);
  GTimeSpan left;

  g_assert_nonnull (backup);
  left = g_date_time_difference (cockpit_upgrade_backup_get_expires_at (backup), now);
  /* 90 s, not 60: the simulated clock also moves with real time. */
  test_app_advance (&t, left / G_TIME_SPAN_SECOND - 90);
}

static void
test_card (void)
{
  g_autofree char *expected = NULL;

  g_application_activate (G_APPLICATION (t.app));
  WAIT_FOR (gtk_application_get_active_window (GTK_APPLICATION (t.app)) != NULL);
  WAIT_FOR (g_list_model_get_n_items (cockpit_session_get_packages (t.session)) >= 4);
  gtk_window_set_default_size (GTK_WINDOW (test_app_window (t.app)), 1280, 1000);

  /* The demo's Globex Live was upgraded 18 hours ago: 30 hours left. */
  show_package ("globex");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (backup_card ())));
  expected = expected_countdown ();
  g_assert_cmpstr (cockpit_backup_card_get_countdown (backup_card ()), ==, expected);
  g_assert_true (g_str_has_prefix (expected, "29 h") || g_str_has_prefix (expected, "30 h"));
  g_assert_true (cockpit_backup_card_get_can_extend (backup_card ()));
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (t.app)), "backup-card");

  /* Acme's Live has no upgrade backup: no card. */
  show_package ("acmeweb");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (backup_card ())));
}

static void
test_restore (void)
{
  GtkWidget *restore, *delete;
  AdwMessageDialog *dialog = NULL;

  show_package ("globex");
  restore = find_button (GTK_WIDGET (backup_card ()), "_Restore…");
  delete = find_button (GTK_WIDGET (backup_card ()), "_Delete…");
  g_assert_nonnull (restore);
  g_assert_nonnull (delete);
  g_assert_true (gtk_widget_is_sensitive (restore));
  g_assert_true (gtk_widget_is_sensitive (delete));

  /* Confirm Restore, then at once Delete: while the restore runs, Delete
   * (and Restore) are off, say why, and a click does nothing. */
  g_signal_emit_by_name (restore, "clicked");
  g_set_weak_pointer (&dialog, cockpit_package_page_get_dialog (test_app_package_page (t.app)));
  g_assert_nonnull (dialog);
  cockpit_test_save_screenshots (GTK_WIDGET (dialog), "dialog-restore");
  adw_message_dialog_response (dialog, "confirm");
  WAIT_FOR (n_running () == 1);
  g_assert_false (gtk_widget_is_sensitive (delete));
  g_assert_false (gtk_widget_is_sensitive (restore));
  g_assert_nonnull (strstr (cockpit_widget_get_tooltip_text (delete), "Another action is running"));
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (t.app)), "backup-card-busy");
  g_signal_emit_by_name (delete, "clicked");
  g_assert_true (cockpit_package_page_get_dialog (test_app_package_page (t.app)) == NULL ||
                 cockpit_package_page_get_dialog (test_app_package_page (t.app)) == dialog);
  g_clear_weak_pointer (&dialog);

  test_app_advance (&t, STAGE_SECONDS + 1);
  WAIT_FOR (n_running () == 0);
  test_app_refresh (&t);

  /* Live is back on the from-version and the backup is used up. */
  g_assert_cmpstr (cockpit_environment_get_magnolia_version (environment ("globex", COCKPIT_ENVIRONMENT_KIND_LIVE)), ==, "6.3.19");
  g_assert_null (cockpit_environment_get_upgrade_backup (environment ("globex", COCKPIT_ENVIRONMENT_KIND_LIVE)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (backup_card ())));
}

static void
test_expiry_48h (void)
{
  g_autofree char *countdown = NULL;

  show_package ("acmeweb");
  upgrade_live ("acmeweb");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (backup_card ())));
  countdown = expected_countdown ();
  g_assert_cmpstr (cockpit_backup_card_get_countdown (backup_card ()), ==, countdown);

  /* Kept 48 hours from its creation. */
  {
    CockpitUpgradeBackup *backup = cockpit_environment_get_upgrade_backup (environment ("acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE));
    g_assert_cmpint (g_date_time_difference (cockpit_upgrade_backup_get_expires_at (backup),
                                             cockpit_upgrade_backup_get_created_at (backup)), ==, 48 * G_TIME_SPAN_HOUR);
  }

  /* A minute before the 48 hours are up, then past them. */
  advance_to_last_minute ("acmeweb");
  g_assert_cmpstr (cockpit_backup_card_get_countdown (backup_card ()), ==, "1 min");
  test_app_advance (&t, 120);
  g_assert_null (cockpit_environment_get_upgrade_backup (environment ("acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (backup_card ())));
}

static void
test_extend_to_5_days (void)
{
  CockpitUpgradeBackup *backup;
  g_autoptr(GDateTime) limit = NULL;

  show_package ("acmeweb");
  upgrade_live ("acmeweb");
  gtk_widget_activate_action (GTK_WIDGET (test_app_package_page (t.app)), "win.extend-upgrade-backup", NULL);
  answer ("dialog-extend", "confirm");

  backup = cockpit_environment_get_upgrade_backup (environment ("acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE));
  g_assert_nonnull (backup);
  limit = cockpit_rules_upgrade_backup_limit (backup);
  g_assert_true (g_date_time_equal (cockpit_upgrade_backup_get_expires_at (backup), limit));
  g_assert_true (cockpit_upgrade_backup_get_extended (backup));
  g_assert_false (cockpit_backup_card_get_can_extend (backup_card ()));
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (t.app)), "backup-card-extended");

  /* Past 48 hours it is still there; it goes at 5 days. */
  test_app_advance (&t, 3 * 24 * 3600);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (backup_card ())));
  advance_to_last_minute ("acmeweb");
  g_assert_cmpstr (cockpit_backup_card_get_countdown (backup_card ()), ==, "1 min");
  test_app_advance (&t, 120);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (backup_card ())));
}

static void
test_delete (void)
{
  CockpitEnvironmentCard *live_card;

  show_package ("acmeweb");
  upgrade_live ("acmeweb");

  /* While the backup exists Live can't be torn down, and says why. */
  live_card = COCKPIT_ENVIRONMENT_CARD (cockpit_package_page_get_card (test_app_package_page (t.app), COCKPIT_ENVIRONMENT_KIND_LIVE));
  g_assert_nonnull (strstr (cockpit_environment_card_get_teardown_reason (live_card), "upgrade backup"));

  /* Cancel changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (test_app_package_page (t.app)), "win.delete-upgrade-backup", NULL);
  answer ("dialog-delete", "cancel");
  g_assert_nonnull (cockpit_environment_get_upgrade_backup (environment ("acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE)));

  /* A confirmation asks the rules again when it is answered: here the
   * backup was removed while the question was open. */
  gtk_widget_activate_action (GTK_WIDGET (test_app_package_page (t.app)), "win.delete-upgrade-backup", NULL);
  g_assert_nonnull (cockpit_package_page_get_dialog (test_app_package_page (t.app)));
  advance_to_last_minute ("acmeweb");
  test_app_advance (&t, 120);
  g_assert_null (cockpit_environment_get_upgrade_backup (environment ("acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE)));
  adw_message_dialog_response (cockpit_package_page_get_dialog (test_app_package_page (t.app)), "confirm");
  g_assert_cmpstr (cockpit_window_get_last_toast (test_app_window (t.app)), ==, "There is no upgrade backup of Live any more.");
  g_assert_cmpuint (n_running (), ==, 0);

  upgrade_live ("acmeweb");
  gtk_widget_activate_action (GTK_WIDGET (test_app_package_page (t.app)), "win.delete-upgrade-backup", NULL);
  answer ("dialog-delete", "confirm");
  g_assert_null (cockpit_environment_get_upgrade_backup (environment ("acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE)));
  live_card = COCKPIT_ENVIRONMENT_CARD (cockpit_package_page_get_card (test_app_package_page (t.app), COCKPIT_ENVIRONMENT_KIND_LIVE));
  g_assert_null (cockpit_environment_card_get_teardown_reason (live_card));
}

static void
test_manual_backup (void)
{
  CockpitBackup *before;
  g_autoptr(GDateTime) before_time = NULL;
  CockpitBackup *after;

  show_package ("acmeweb");
  before = cockpit_environment_get_latest_manual_backup (environment ("acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE));
  if (before != NULL)
    before_time = g_date_time_ref (cockpit_backup_get_created_at (before));

  gtk_widget_activate_action (GTK_WIDGET (cockpit_package_page_get_card (test_app_package_page (t.app), COCKPIT_ENVIRONMENT_KIND_LIVE)),
                              "win.back-up-live", NULL);
  answer ("dialog-manual-backup", "confirm");

  after = cockpit_environment_get_latest_manual_backup (environment ("acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE));
  g_assert_nonnull (after);
  if (before_time != NULL)
    g_assert_cmpint (g_date_time_compare (cockpit_backup_get_created_at (after), before_time), >, 0);
  g_assert_cmpstr (cockpit_backup_get_magnolia_version (after), ==,
                   cockpit_environment_get_magnolia_version (environment ("acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE)));
}

static void
test_teardown (void)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  CockpitEnvironmentCard *card;

  /* The blocked cases, each with its reason. */
  show_package ("umbrella");
  card = COCKPIT_ENVIRONMENT_CARD (cockpit_package_page_get_card (test_app_package_page (t.app), COCKPIT_ENVIRONMENT_KIND_LIVE));
  g_assert_nonnull (strstr (cockpit_environment_card_get_teardown_reason (card), "protected"));
  card = COCKPIT_ENVIRONMENT_CARD (cockpit_package_page_get_card (test_app_package_page (t.app), COCKPIT_ENVIRONMENT_KIND_INTEGRATION));
  g_assert_nonnull (strstr (cockpit_environment_card_get_teardown_reason (card), "not set up"));
  show_package ("initech");
  card = COCKPIT_ENVIRONMENT_CARD (cockpit_package_page_get_card (test_app_package_page (t.app), COCKPIT_ENVIRONMENT_KIND_UAT));
  g_assert_nonnull (strstr (cockpit_environment_card_get_teardown_reason (card), "maintenance"));

  /* The name must be typed before the button works. */
  show_package ("acmeweb");
  card = COCKPIT_ENVIRONMENT_CARD (cockpit_package_page_get_card (test_app_package_page (t.app), COCKPIT_ENVIRONMENT_KIND_UAT));
  g_assert_null (cockpit_environment_card_get_teardown_reason (card));
  gtk_widget_activate_action (GTK_WIDGET (card), "win.tear-down-uat", NULL);
  dialog = cockpit_package_page_get_dialog (test_app_package_page (t.app));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), "uat");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  cockpit_test_save_screenshots (GTK_WIDGET (dialog), "dialog-teardown-untyped");
  gtk_editable_set_text (GTK_EDITABLE (entry), "UAT");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  answer ("dialog-teardown", "confirm");

  g_assert_cmpint (cockpit_environment_get_state (environment ("acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT)), ==,
                   COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP);
  g_assert_null (cockpit_environment_get_magnolia_version (environment ("acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT)));
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (t.app)), "after-teardown");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The tests follow each other as one story, in the order added. */
  test_app_start_story (&t, &session, TOKEN, STAGE_SECONDS);

  g_test_add_func ("/cockpit/backups/card", test_card);
  g_test_add_func ("/cockpit/backups/restore", test_restore);
  g_test_add_func ("/cockpit/backups/expiry-48h", test_expiry_48h);
  g_test_add_func ("/cockpit/backups/extend-to-5-days", test_extend_to_5_days);
  g_test_add_func ("/cockpit/backups/delete", test_delete);
  g_test_add_func ("/cockpit/backups/manual-backup", test_manual_backup);
  g_test_add_func ("/cockpit/backups/teardown", test_teardown);

  return test_app_run_story (&t, &session);
}
