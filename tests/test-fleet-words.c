/* test-fleet-words.c: what a row of All Environments says, column by column, with no display.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cockpit-fleet-words.h"
#include "test-fleet-util.h"

static void
assert_words (CockpitFleetRow *row,
              guint            column,
              const char      *title,
              const char      *subtitle,
              gboolean         error)
{
  g_auto(CockpitFleetWords) words = { NULL, };

  cockpit_fleet_words_init (&words, row, column);
  g_assert_cmpstr (words.title, ==, title);
  if (subtitle != NULL && strstr (words.subtitle ? words.subtitle : "", subtitle) == NULL)
    g_error ("column %u: \"%s\" does not say \"%s\"", column, words.subtitle, subtitle);
  if (subtitle == NULL)
    g_assert_null (words.subtitle);
  g_assert_cmpint (words.error, ==, error);
}

/* An environment in order says so, and has nothing to say elsewhere:
 * a dash, said quietly by the cell. */
static void
test_in_order (Fixture       *f,
               gconstpointer  data)
{
  CockpitFleetRow *uat = row_at (f, 1);
  g_auto(CockpitFleetWords) package = { NULL, };

  cockpit_fleet_words_init (&package, uat, COCKPIT_FLEET_COLUMN_PACKAGE);
  g_assert_cmpstr (package.title, ==, "Acme Website");
  g_assert_null (package.tooltip);
  g_assert_false (package.icon);

  assert_words (uat, COCKPIT_FLEET_COLUMN_ENVIRONMENT, "UAT", NULL, FALSE);
  assert_words (uat, COCKPIT_FLEET_COLUMN_VERSION, "6.3.21", NULL, FALSE);
  assert_words (uat, COCKPIT_FLEET_COLUMN_LTS, "On the latest LTS", NULL, FALSE);
  assert_words (uat, COCKPIT_FLEET_COLUMN_BACKUP, "—", NULL, FALSE);
  assert_words (uat, COCKPIT_FLEET_COLUMN_ACTION, "—", NULL, FALSE);
  assert_words (uat, COCKPIT_FLEET_COLUMN_LAST_UPGRADE, "Never", NULL, FALSE);
  assert_words (uat, COCKPIT_FLEET_COLUMN_STATE, "Running", NULL, FALSE);
}

/* An LTS upgrade due within 14 days: the column says when, the package's
 * cell marks the row and its tooltip says why; overdue, it is a problem. */
static void
test_needs_attention (Fixture       *f,
                      gconstpointer  data)
{
  CockpitFleetRow *live = row_at (f, 0);
  g_auto(CockpitFleetWords) package = { NULL, };
  g_auto(CockpitFleetWords) two_line = { NULL, };

  assert_words (live, COCKPIT_FLEET_COLUMN_LTS, "LTS due in 10 days", "By ", FALSE);
  cockpit_fleet_words_init (&package, live, COCKPIT_FLEET_COLUMN_PACKAGE);
  g_assert_cmpstr (package.tooltip, ==, "LTS due in 10 days");
  g_assert_true (package.icon);

  /* The narrow list's row says it all in two lines. */
  cockpit_fleet_words_init (&two_line, live, COCKPIT_FLEET_TWO_LINE);
  g_assert_cmpstr (two_line.title, ==, "Acme Website · Live");
  g_assert_cmpstr (two_line.subtitle, ==, "6.3.18 · LTS due in 10 days");
  g_assert_true (two_line.icon);

  g_clear_pointer (&f->now, g_date_time_unref);
  f->now = model_time ("2026-12-01T00:00:00Z");
  cockpit_fleet_model_tick (f->model);
  assert_words (live, COCKPIT_FLEET_COLUMN_LTS, "LTS overdue by 1 day", "By ", TRUE);
}

/* A running action with its stage; once it failed, the row says so until
 * another runs. */
static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CockpitAction) running = action_new ("acme-uat", COCKPIT_ACTION_STATUS_RUNNING, COCKPIT_STAGE_VERIFY_REPLICA);
  g_autoptr(CockpitAction) failed = action_new ("acme-uat", COCKPIT_ACTION_STATUS_FAILED, COCKPIT_STAGE_VERIFY_REPLICA);
  CockpitPackage *acme = cockpit_fleet_row_get_package (row_at (f, 0));
  CockpitFleetRow *uat = row_at (f, 1);
  g_autoptr(JsonNode) params = cockpit_json_parse ("{\"target_version\": \"6.4.3\"}", -1, NULL);

  cockpit_action_set_params (running, params);
  cockpit_package_set_running_action (acme, running);
  assert_words (uat, COCKPIT_FLEET_COLUMN_ACTION, "Upgrading to 6.4.3", "stage 3 of 5", FALSE);

  cockpit_fleet_model_action_finished (f->model, failed);
  cockpit_package_set_running_action (acme, NULL);
  assert_words (uat, COCKPIT_FLEET_COLUMN_ACTION, "Last action failed", "Upgrade", TRUE);
}

/* An upgrade backup: the time left, and when it goes in the tooltip;
 * within 24 hours, a problem. */
static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CockpitUpgradeBackup) backup = cockpit_upgrade_backup_new ();
  g_autoptr(GDateTime) created = model_time ("2026-11-19T12:00:00Z");
  g_autoptr(GDateTime) expires = g_date_time_add_seconds (f->now, 20 * 3600);
  g_autoptr(GDateTime) max = g_date_time_add_days (created, 5);
  g_auto(CockpitFleetWords) words = { NULL, };

  cockpit_upgrade_backup_set_from_version (backup, "6.3.18");
  cockpit_upgrade_backup_set_to_version (backup, "6.3.21");
  cockpit_upgrade_backup_set_created_at (backup, created);
  cockpit_upgrade_backup_set_expires_at (backup, expires);
  cockpit_upgrade_backup_set_max_expires_at (backup, max);
  cockpit_environment_set_upgrade_backup (env_at (f, 3), backup);

  cockpit_fleet_words_init (&words, row_at (f, 3), COCKPIT_FLEET_COLUMN_BACKUP);
  g_assert_cmpstr (words.title, ==, "20 h 0 min left");
  g_assert_true (g_str_has_prefix (words.tooltip, "Removed on "));
  g_assert_true (words.error);
}

/* A plan's step where no action runs; maintenance under the state. */
static void
test_plan_and_maintenance (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CockpitPlan) plan = waiting_plan_new ("acme");
  CockpitPackage *acme = cockpit_fleet_row_get_package (row_at (f, 0));
  CockpitPackage *beta = cockpit_fleet_row_get_package (row_at (f, 3));

  cockpit_package_set_active_plan (acme, plan);
  assert_words (row_at (f, 1), COCKPIT_FLEET_COLUMN_ACTION, "Plan to 6.4.3", "Waiting for approval", FALSE);
  assert_words (row_at (f, 0), COCKPIT_FLEET_COLUMN_ACTION, "Plan to 6.4.3", "Waiting for its turn", FALSE);

  cockpit_package_set_status (beta, COCKPIT_PACKAGE_STATUS_MAINTENANCE);
  cockpit_package_set_maintenance_message (beta, "Moving data centre.");
  assert_words (row_at (f, 3), COCKPIT_FLEET_COLUMN_STATE, "Running", "In maintenance", FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cockpit/fleet-words/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("in-order", test_in_order);
  ADD ("needs-attention", test_needs_attention);
  ADD ("actions", test_actions);
  ADD ("backup", test_backup);
  ADD ("plan-and-maintenance", test_plan_and_maintenance);
#undef ADD

  return g_test_run ();
}
