/* test-fleet-model.c: the fleet's flat list of environments: its rows, what they say, and which change.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-fleet-util.h"

static void
test_flatten (Fixture       *f,
              gconstpointer  data)
{
  static const char *const ids[] = { "acme-live", "acme-uat", "acme-integration", "beta-live", "beta-uat" };
  GListModel *model = G_LIST_MODEL (f->model);

  g_assert_true (g_list_model_get_item_type (model) == COCKPIT_TYPE_FLEET_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (cockpit_environment_get_id (env_at (f, i)), ==, ids[i]);
  g_assert_null (g_list_model_get_item (model, G_N_ELEMENTS (ids)));
  g_assert_cmpstr (cockpit_fleet_row_get_package_name (row_at (f, 3)), ==, "Beta Shop");
  g_assert_cmpstr (cockpit_fleet_row_get_version (row_at (f, 0)), ==, "6.3.18");
  g_assert_true (cockpit_fleet_model_find (f->model, "beta-uat", NULL) == row_at (f, 4));
  g_assert_null (cockpit_fleet_model_find (f->model, "nope", NULL));
}

/* A change of one environment is one row, announced as (position, 1, 1)
 * with the same object; a change nothing shows is nothing. */
static void
test_one_row_changes (Fixture       *f,
                      gconstpointer  data)
{
  CockpitFleetRow *row = row_at (f, 4);
  guint row_changed = 0;
  static const guint expected[] = { 4, 1, 1 };

  g_signal_connect_swapped (row, "changed", G_CALLBACK (model_count_cb), &row_changed);
  cockpit_environment_set_magnolia_version (env_at (f, 4), "6.4.3");
  assert_changes (f, expected, 1);
  g_assert_cmpuint (row_changed, ==, 1);
  g_assert_true (row_at (f, 4) == row);
  g_assert_cmpstr (cockpit_fleet_row_get_version (row), ==, "6.4.3");

  /* The bundle and the URL are not shown. */
  cockpit_environment_set_bundle (env_at (f, 4), "magnolia-dx-core-cloud-webapp-6.4.3");
  cockpit_environment_set_url (env_at (f, 4), "https://beta.example");
  assert_changes (f, NULL, 0);
  g_assert_cmpuint (row_changed, ==, 1);

  /* A package's name is all its rows. */
  cockpit_package_set_name (cockpit_fleet_row_get_package (row), "Beta Store");
  {
    static const guint both[] = { 3, 1, 1, 4, 1, 1 };

    assert_changes (f, both, 2);
  }
}

static void
test_lts (Fixture       *f,
          gconstpointer  data)
{
  CockpitFleetRow *live = row_at (f, 0);

  g_assert_cmpint (cockpit_fleet_row_get_lts_state (live), ==, COCKPIT_LTS_DUE);
  g_assert_cmpint (cockpit_fleet_row_get_lts_days (live), ==, 10);
  model_assert_time (cockpit_fleet_row_get_lts_deadline (live), "2026-11-30T00:00:00Z");
  g_assert_cmpstr (cockpit_fleet_row_get_lts_version (live), ==, "6.3.21");
  g_assert_true (cockpit_fleet_row_get_attention (live) & COCKPIT_FLEET_ATTENTION_LTS);
  g_assert_cmpint (cockpit_fleet_row_get_lts_state (row_at (f, 1)), ==, COCKPIT_LTS_ON_TIME);
  g_assert_cmpint (cockpit_fleet_row_get_attention (row_at (f, 1)), ==, COCKPIT_FLEET_ATTENTION_NONE);
  g_assert_null (cockpit_fleet_row_get_lts_deadline (row_at (f, 1)));
}

/* The edges of "needs attention" for LTS: due in 15 days is not, 14 is;
 * overdue is. */
static void
test_lts_edges (Fixture       *f,
                gconstpointer  data)
{
  static const struct {
    const char *now;
    int         days;
    gboolean    attention;
  } cases[] = {
    { "2026-11-15T00:00:00Z", 15, FALSE },
    { "2026-11-15T00:00:01Z", 15, FALSE },
    { "2026-11-16T00:00:00Z", 14, TRUE },
    { "2026-11-29T23:59:59Z", 1, TRUE },
    { "2026-12-01T00:00:00Z", 1, TRUE },  /* overdue by a day */
  };
  CockpitFleetRow *live = row_at (f, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_clear_pointer (&f->now, g_date_time_unref);
      f->now = model_time (cases[i].now);
      cockpit_fleet_model_tick (f->model);
      g_assert_cmpint (cockpit_fleet_row_get_lts_days (live), ==, cases[i].days);
      g_assert_cmpint (!!(cockpit_fleet_row_get_attention (live) & COCKPIT_FLEET_ATTENTION_LTS), ==,
                       cases[i].attention);
    }
  g_assert_cmpint (cockpit_fleet_row_get_lts_state (live), ==, COCKPIT_LTS_OVERDUE);
}

/* An upgrade backup removed within 24 hours needs attention; the row
 * changes once a minute as the time left goes down, not more often. */
static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CockpitUpgradeBackup) backup = cockpit_upgrade_backup_new ();
  g_autoptr(GDateTime) created = model_time ("2026-11-19T12:00:00Z");
  g_autoptr(GDateTime) expires = g_date_time_add_seconds (f->now, 24 * 3600 + 90);
  g_autoptr(GDateTime) max = g_date_time_add_days (created, 5);
  CockpitFleetRow *beta_live = row_at (f, 3);
  static const guint one[] = { 3, 1, 1 };

  cockpit_upgrade_backup_set_from_version (backup, "6.3.18");
  cockpit_upgrade_backup_set_to_version (backup, "6.3.21");
  cockpit_upgrade_backup_set_created_at (backup, created);
  cockpit_upgrade_backup_set_expires_at (backup, expires);
  cockpit_upgrade_backup_set_max_expires_at (backup, max);
  g_assert_cmpint (cockpit_fleet_row_get_backup_time_left (beta_live), ==, -1);

  cockpit_environment_set_upgrade_backup (env_at (f, 3), backup);
  assert_changes (f, one, 1);
  g_assert_cmpint (cockpit_fleet_row_get_backup_time_left (beta_live), ==, 24 * G_TIME_SPAN_HOUR + G_TIME_SPAN_MINUTE);
  g_assert_true (cockpit_fleet_row_get_backup_removed_at (beta_live) == expires ||
                 g_date_time_equal (cockpit_fleet_row_get_backup_removed_at (beta_live), expires));
  g_assert_cmpint (cockpit_fleet_row_get_attention (beta_live), ==, COCKPIT_FLEET_ATTENTION_NONE);

  /* Twenty seconds: the same minute, nothing to announce. */
  {
    GDateTime *later = g_date_time_add_seconds (f->now, 20);

    g_date_time_unref (f->now);
    f->now = later;
    cockpit_fleet_model_tick (f->model);
    assert_changes (f, NULL, 0);
  }
  /* A minute more: 24 hours exactly, not yet under; a minute more again:
   * under 24 hours, and only that row changed each time. */
  for (guint i = 0; i < 2; i++)
    {
      GDateTime *later = g_date_time_add_seconds (f->now, 60);

      g_date_time_unref (f->now);
      f->now = later;
      cockpit_fleet_model_tick (f->model);
      assert_changes (f, one, 1);
      if (i == 0)
        g_assert_cmpint (cockpit_fleet_row_get_attention (beta_live), ==, COCKPIT_FLEET_ATTENTION_NONE);
    }
  g_assert_cmpint (cockpit_fleet_row_get_backup_time_left (beta_live), ==, 23 * G_TIME_SPAN_HOUR + 59 * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (cockpit_fleet_row_get_attention (beta_live), ==, COCKPIT_FLEET_ATTENTION_BACKUP);

  /* Extended in place: the row follows the backup object itself. */
  {
    g_autoptr(GDateTime) extended = g_date_time_add_days (f->now, 3);

    cockpit_upgrade_backup_set_expires_at (backup, extended);
    assert_changes (f, one, 1);
    g_assert_cmpint (cockpit_fleet_row_get_attention (beta_live), ==, COCKPIT_FLEET_ATTENTION_NONE);
  }
}

/* The running action shows on its environment's row only, with its
 * stage among the plan's; a failed last action needs attention until
 * another runs. */
static void
test_running_and_failed (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CockpitAction) running = action_new ("acme-uat", COCKPIT_ACTION_STATUS_RUNNING, COCKPIT_STAGE_VERIFY_REPLICA);
  g_autoptr(CockpitAction) failed = action_new ("acme-uat", COCKPIT_ACTION_STATUS_FAILED, COCKPIT_STAGE_VERIFY_REPLICA);
  CockpitPackage *acme = cockpit_fleet_row_get_package (row_at (f, 0));
  CockpitFleetRow *uat = row_at (f, 1);
  static const guint uat_changed[] = { 1, 1, 1 };

  cockpit_package_set_running_action (acme, running);
  assert_changes (f, uat_changed, 1);
  g_assert_true (cockpit_fleet_row_get_running (uat));
  g_assert_false (cockpit_fleet_row_get_running (row_at (f, 0)));
  g_assert_true (cockpit_fleet_row_get_action (uat) == running);
  g_assert_cmpint (cockpit_fleet_row_get_stage (uat), ==, COCKPIT_STAGE_VERIFY_REPLICA);
  g_assert_cmpuint (cockpit_fleet_row_get_stage_number (uat), ==, 3);
  g_assert_cmpuint (cockpit_fleet_row_get_n_stages (uat), ==, 5);

  /* The next stage, in place on the same object. */
  cockpit_action_set_stage (running, COCKPIT_STAGE_SWITCH_TRAFFIC);
  assert_changes (f, uat_changed, 1);
  g_assert_cmpuint (cockpit_fleet_row_get_stage_number (uat), ==, 4);
  /* Progress is not shown. */
  cockpit_action_set_progress (running, 0.7);
  assert_changes (f, NULL, 0);

  /* It ends: the tracker says it failed; while the package still lists
   * it as running, it is running. */
  cockpit_fleet_model_action_finished (f->model, failed);
  g_assert_false (cockpit_fleet_row_get_attention (uat) & COCKPIT_FLEET_ATTENTION_FAILED);
  g_array_set_size (f->changes, 0);
  cockpit_package_set_running_action (acme, NULL);
  assert_changes (f, uat_changed, 1);
  g_assert_false (cockpit_fleet_row_get_running (uat));
  g_assert_cmpint (cockpit_fleet_row_get_attention (uat), ==, COCKPIT_FLEET_ATTENTION_FAILED);
  g_assert_true (cockpit_fleet_row_get_last_action (uat) == failed);

  /* Another one on it: no longer "the last action failed". */
  cockpit_package_set_running_action (acme, running);
  g_assert_cmpint (cockpit_fleet_row_get_attention (uat), ==, COCKPIT_FLEET_ATTENTION_NONE);
}

static void
test_maintenance_and_state (Fixture       *f,
                            gconstpointer  data)
{
  CockpitPackage *beta = cockpit_fleet_row_get_package (row_at (f, 3));
  static const guint both[] = { 3, 1, 1, 4, 1, 1 };

  cockpit_package_set_status (beta, COCKPIT_PACKAGE_STATUS_MAINTENANCE);
  cockpit_package_set_maintenance_message (beta, "Moving data centre.");
  g_assert_true (cockpit_fleet_row_get_in_maintenance (row_at (f, 3)));
  g_assert_true (cockpit_fleet_row_get_in_maintenance (row_at (f, 4)));
  g_assert_false (cockpit_fleet_row_get_in_maintenance (row_at (f, 0)));
  g_assert_cmpuint (f->changes->len, >=, 6);
  g_array_set_size (f->changes, 0);

  cockpit_environment_set_state (env_at (f, 4), COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP);
  g_assert_cmpint (cockpit_fleet_row_get_state (row_at (f, 4)), ==, COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP);
  g_assert_null (cockpit_fleet_row_get_version (row_at (f, 4)));
  g_assert_cmpint (cockpit_fleet_row_get_lts_state (row_at (f, 4)), ==, COCKPIT_LTS_NOT_APPLICABLE);
  (void) both;
}

/* A package added, and an environment added to a package: the rows are
 * made again, the rows of environments that stay keep their objects. */
static void
test_rebuild (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CockpitPackage) gamma = package_new ("gamma", "Gamma", 1, "6.2.66");
  CockpitFleetRow *beta_uat = row_at (f, 4);
  CockpitPackage *beta = cockpit_fleet_row_get_package (beta_uat);
  g_autoptr(CockpitEnvironment) integration = environment_new ("beta", COCKPIT_ENVIRONMENT_KIND_INTEGRATION, "6.3.21");
  static const guint all[] = { 0, 5, 6 };
  static const guint seven[] = { 0, 6, 7 };

  g_list_store_append (f->packages, gamma);
  assert_changes (f, all, 1);
  g_assert_true (row_at (f, 4) == beta_uat);
  g_assert_cmpstr (cockpit_environment_get_id (env_at (f, 5)), ==, "gamma-live");

  g_list_store_append (G_LIST_STORE (cockpit_package_get_environments (beta)), integration);
  while (g_main_context_iteration (NULL, FALSE));
  assert_changes (f, seven, 1);
  g_assert_cmpstr (cockpit_environment_get_id (env_at (f, 5)), ==, "beta-integration");
  g_assert_true (row_at (f, 4) == beta_uat);

  /* The old watches are gone: a change of a kept row is still one change. */
  cockpit_environment_set_magnolia_version (env_at (f, 4), "6.4.3");
  {
    static const guint one[] = { 4, 1, 1 };

    assert_changes (f, one, 1);
  }
}


/* The package's active plan shows on each row with its step; the step
 * waiting for approval needs attention, and follows the plan in place. */
static void
test_plan (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(CockpitPlan) plan = waiting_plan_new ("acme");
  CockpitPackage *acme = cockpit_fleet_row_get_package (row_at (f, 0));
  CockpitFleetRow *live = row_at (f, 0), *uat = row_at (f, 1), *integration = row_at (f, 2);
  CockpitPlanStep *uat_step = cockpit_plan_get_step (plan, COCKPIT_ENVIRONMENT_KIND_UAT);
  static const guint acme_rows[] = { 0, 1, 1, 1, 1, 1, 2, 1, 1 };

  cockpit_package_set_active_plan (acme, plan);
  assert_changes (f, acme_rows, 3);
  g_assert_true (cockpit_fleet_row_get_plan (uat) == plan);
  g_assert_true (cockpit_fleet_row_get_plan_step (uat) == uat_step);
  g_assert_cmpint (cockpit_fleet_row_get_plan_step_status (uat), ==, COCKPIT_PLAN_STEP_STATUS_WAITING);
  g_assert_cmpint (cockpit_fleet_row_get_plan_step_status (integration), ==, COCKPIT_PLAN_STEP_STATUS_DONE);
  g_assert_true (cockpit_fleet_row_get_attention (uat) & COCKPIT_FLEET_ATTENTION_PLAN);
  g_assert_false (cockpit_fleet_row_get_attention (live) & COCKPIT_FLEET_ATTENTION_PLAN);
  g_assert_null (cockpit_fleet_row_get_plan (row_at (f, 3)));

  /* Approved: the step runs, in place. */
  cockpit_plan_step_set_status (uat_step, COCKPIT_PLAN_STEP_STATUS_RUNNING);
  cockpit_plan_set_status (plan, COCKPIT_PLAN_STATUS_RUNNING);
  g_assert_cmpint (cockpit_fleet_row_get_plan_step_status (uat), ==, COCKPIT_PLAN_STEP_STATUS_RUNNING);
  g_assert_false (cockpit_fleet_row_get_attention (uat) & COCKPIT_FLEET_ATTENTION_PLAN);
  g_array_set_size (f->changes, 0);

  /* A plan that ended is no longer shown. */
  cockpit_plan_set_status (plan, COCKPIT_PLAN_STATUS_SUCCEEDED);
  g_assert_null (cockpit_fleet_row_get_plan (uat));
  g_assert_null (cockpit_fleet_row_get_plan_step (uat));
  g_array_set_size (f->changes, 0);
  cockpit_package_set_active_plan (acme, NULL);
}

/* Each column's order on rows that differ in it. */
static void
test_compare_columns (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CockpitUpgradeBackup) backup = cockpit_upgrade_backup_new ();
  g_autoptr(GDateTime) created = model_time ("2026-11-20T00:00:00Z");
  g_autoptr(GDateTime) expires = model_time ("2026-11-21T06:00:00Z");
  g_autoptr(GDateTime) upgraded = model_time ("2026-11-01T00:00:00Z");
  g_autoptr(CockpitAction) running = action_new ("acme-uat", COCKPIT_ACTION_STATUS_RUNNING, COCKPIT_STAGE_DEPLOY_VERSION);
  CockpitFleetRow *acme_live = row_at (f, 0), *acme_uat = row_at (f, 1), *beta_live = row_at (f, 3);

  cockpit_upgrade_backup_set_created_at (backup, created);
  cockpit_upgrade_backup_set_expires_at (backup, expires);
  cockpit_environment_set_upgrade_backup (env_at (f, 3), backup);
  cockpit_environment_set_last_upgraded_at (env_at (f, 3), upgraded);
  cockpit_environment_set_state (env_at (f, 1), COCKPIT_ENVIRONMENT_STATE_UPGRADING);
  cockpit_package_set_running_action (cockpit_fleet_row_get_package (acme_uat), running);

  /* With a backup first, then none; an upgrade ever before never. */
  g_assert_cmpint (cockpit_fleet_row_compare (beta_live, acme_live, COCKPIT_FLEET_COLUMN_BACKUP), ==, -1);
  g_assert_cmpint (cockpit_fleet_row_compare (acme_live, beta_live, COCKPIT_FLEET_COLUMN_BACKUP), ==, 1);
  g_assert_cmpint (cockpit_fleet_row_compare (beta_live, acme_live, COCKPIT_FLEET_COLUMN_LAST_UPGRADE), ==, -1);
  g_assert_cmpint (cockpit_fleet_row_compare (acme_live, beta_live, COCKPIT_FLEET_COLUMN_LAST_UPGRADE), ==, 1);
  /* Running first. */
  g_assert_cmpint (cockpit_fleet_row_compare (acme_uat, acme_live, COCKPIT_FLEET_COLUMN_ACTION), ==, -1);
  g_assert_cmpint (cockpit_fleet_row_compare (acme_live, acme_uat, COCKPIT_FLEET_COLUMN_ACTION), ==, 1);
  /* Running before upgrading, the contract's order. */
  g_assert_cmpint (cockpit_fleet_row_compare (acme_live, acme_uat, COCKPIT_FLEET_COLUMN_STATE), ==, -1);
  g_assert_cmpint (cockpit_fleet_row_compare (acme_live, beta_live, COCKPIT_FLEET_COLUMN_STATE), ==, 0);
}

static void
test_compare (Fixture       *f,
              gconstpointer  data)
{
  /* acme-live 6.3.18 (LTS due), acme-uat 6.3.21, beta-live 6.3.21 */
  CockpitFleetRow *acme_live = row_at (f, 0), *acme_uat = row_at (f, 1), *beta_live = row_at (f, 3);

  g_assert_cmpint (cockpit_fleet_row_compare (acme_live, beta_live, COCKPIT_FLEET_COLUMN_PACKAGE), ==, -1);
  g_assert_cmpint (cockpit_fleet_row_compare (beta_live, acme_live, COCKPIT_FLEET_COLUMN_PACKAGE), ==, 1);
  g_assert_cmpint (cockpit_fleet_row_compare (acme_live, acme_uat, COCKPIT_FLEET_COLUMN_ENVIRONMENT), ==, -1);
  g_assert_cmpint (cockpit_fleet_row_compare (acme_live, beta_live, COCKPIT_FLEET_COLUMN_ENVIRONMENT), ==, 0);
  g_assert_cmpint (cockpit_fleet_row_compare (acme_live, acme_uat, COCKPIT_FLEET_COLUMN_VERSION), ==, -1);
  g_assert_cmpint (cockpit_fleet_row_compare (acme_live, acme_uat, COCKPIT_FLEET_COLUMN_LTS), ==, -1);
  g_assert_cmpint (cockpit_fleet_row_compare (acme_uat, beta_live, COCKPIT_FLEET_COLUMN_STATE), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cockpit/fleet-model/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("flatten", test_flatten);
  ADD ("one-row-changes", test_one_row_changes);
  ADD ("lts", test_lts);
  ADD ("lts-edges", test_lts_edges);
  ADD ("backup", test_backup);
  ADD ("running-and-failed", test_running_and_failed);
  ADD ("maintenance-and-state", test_maintenance_and_state);
  ADD ("rebuild", test_rebuild);
  ADD ("compare", test_compare);
  ADD ("compare-columns", test_compare_columns);
  ADD ("plan", test_plan);
#undef ADD

  return g_test_run ();
}
