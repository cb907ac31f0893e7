/* test-fleet-csv.c: the fleet as CSV: the header, each field, the order given, and the file.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "cockpit-fleet-csv.h"
#include "test-model-util.h"

#define HEADER "package_id,package,environment,magnolia_version,lts_status,lts_version,lts_deadline," \
               "upgrade_backup_removed_at,running_action,stage,plan_id,plan_step,last_upgraded_at,state," \
               "maintenance,needs_attention\r\n"

static CockpitFleetRow *
row_new (const char             *package_id,
         const char             *name,
         CockpitEnvironmentKind  kind,
         const char             *version)
{
  g_autoptr(CockpitPackage) package = cockpit_package_new ();
  g_autoptr(CockpitEnvironment) env = cockpit_environment_new ();
  g_autofree char *id = g_strdup_printf ("%s-%d", package_id, kind);

  cockpit_package_set_id (package, package_id);
  cockpit_package_set_name (package, name);
  cockpit_environment_set_id (env, id);
  cockpit_environment_set_kind (env, kind);
  cockpit_environment_set_magnolia_version (env, version);
  return cockpit_fleet_row_new (package, env);
}

static GListStore *
releases_new (void)
{
  GListStore *releases = g_list_store_new (COCKPIT_TYPE_RELEASE);
  g_autoptr(CockpitRelease) lts = cockpit_release_new (NULL, FALSE, NULL);
  g_autoptr(GDateTime) at = model_time ("2026-10-01T00:00:00Z");

  cockpit_release_set_version (lts, "6.3.21");
  cockpit_release_set_branch (lts, "6.3");
  cockpit_release_set_lts (lts, TRUE);
  cockpit_release_set_released_at (lts, at);
  g_list_store_append (releases, lts);
  return releases;
}

static char *
build (GListStore *rows)
{
  g_autoptr(GBytes) bytes = cockpit_fleet_csv_build (G_LIST_MODEL (rows));
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static void
test_empty (void)
{
  g_autoptr(GListStore) rows = g_list_store_new (COCKPIT_TYPE_FLEET_ROW);
  g_autofree char *csv = build (rows);

  g_assert_cmpstr (csv, ==, HEADER);
}

/* Every field of a row in a state that fills them all, in the order the
 * rows are given (the view's), not the model's. */
static void
test_fields (void)
{
  g_autoptr(GListStore) rows = g_list_store_new (COCKPIT_TYPE_FLEET_ROW);
  g_autoptr(GListStore) releases = releases_new ();
  g_autoptr(CockpitFleetRow) live = row_new ("acme", "Acme, \"the\" Website", COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18");
  g_autoptr(CockpitFleetRow) uat = row_new ("beta", "=HYPERLINK(\"x\")", COCKPIT_ENVIRONMENT_KIND_UAT, "6.3.21");
  g_autoptr(CockpitUpgradeBackup) backup = cockpit_upgrade_backup_new ();
  g_autoptr(CockpitAction) action = cockpit_action_new ();
  g_autoptr(GDateTime) now = model_time ("2026-11-20T12:00:00Z");
  g_autoptr(GDateTime) created = model_time ("2026-11-20T00:00:00Z");
  g_autoptr(GDateTime) expires = model_time ("2026-11-21T06:00:00Z");
  g_autoptr(GDateTime) upgraded = model_time ("2026-11-19T23:59:00Z");
  g_autofree char *csv = NULL;

  cockpit_upgrade_backup_set_created_at (backup, created);
  cockpit_upgrade_backup_set_expires_at (backup, expires);
  cockpit_environment_set_upgrade_backup (cockpit_fleet_row_get_environment (live), backup);
  cockpit_environment_set_last_upgraded_at (cockpit_fleet_row_get_environment (live), upgraded);
  cockpit_package_set_status (cockpit_fleet_row_get_package (uat), COCKPIT_PACKAGE_STATUS_MAINTENANCE);
  cockpit_package_set_maintenance_message (cockpit_fleet_row_get_package (uat), "Moving.");
  cockpit_action_set_environment_id (action, cockpit_environment_get_id (cockpit_fleet_row_get_environment (uat)));
  cockpit_action_set_kind (action, COCKPIT_ACTION_KIND_UPGRADE);
  cockpit_action_set_status (action, COCKPIT_ACTION_STATUS_RUNNING);
  cockpit_action_set_stage (action, COCKPIT_STAGE_DEPLOY_VERSION);
  cockpit_package_set_running_action (cockpit_fleet_row_get_package (uat), action);
  {
    g_autoptr(CockpitPlan) plan = cockpit_plan_new ();
    g_autoptr(GListStore) steps = g_list_store_new (COCKPIT_TYPE_PLAN_STEP);
    g_autoptr(CockpitPlanStep) step = cockpit_plan_step_new ();

    cockpit_plan_set_id (plan, "plan-1");
    cockpit_plan_set_target_version (plan, "6.4.3");
    cockpit_plan_set_gate (plan, COCKPIT_PLAN_GATE_APPROVAL);
    cockpit_plan_set_status (plan, COCKPIT_PLAN_STATUS_WAITING);
    cockpit_plan_step_set_environment (step, COCKPIT_ENVIRONMENT_KIND_LIVE);
    cockpit_plan_step_set_status (step, COCKPIT_PLAN_STEP_STATUS_WAITING);
    g_list_store_append (steps, step);
    cockpit_plan_set_steps (plan, G_LIST_MODEL (steps));
    cockpit_package_set_active_plan (cockpit_fleet_row_get_package (live), plan);
  }
  cockpit_fleet_row_update (live, G_LIST_MODEL (releases), now, NULL);
  cockpit_fleet_row_update (uat, G_LIST_MODEL (releases), now, NULL);

  g_list_store_append (rows, uat);
  g_list_store_append (rows, live);
  csv = build (rows);
  g_assert_cmpstr (csv, ==,
                   HEADER
                   "beta,\"'=HYPERLINK(\"\"x\"\")\",uat,6.3.21,on_time,6.3.21,,,upgrade,deploy_version,,,,running,true,\r\n"
                   "acme,\"Acme, \"\"the\"\" Website\",live,6.3.18,due,6.3.21,2026-11-30T00:00:00Z,"
                   "2026-11-21T06:00:00Z,,,plan-1,waiting,2026-11-19T23:59:00Z,running,false,lts;upgrade_backup;plan_approval\r\n");
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Written whole; a file that cannot be written is an error, and leaves
 * what was there. */
static void
test_write (void)
{
  g_autoptr(GListStore) rows = g_list_store_new (COCKPIT_TYPE_FLEET_ROW);
  g_autoptr(CockpitFleetRow) live = row_new ("acme", "Acme", COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fleet-csv-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "fleet.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "fleet.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (missing);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_list_store_append (rows, live);
  expected = cockpit_fleet_csv_build (G_LIST_MODEL (rows));

  cockpit_fleet_csv_write_async (G_LIST_MODEL (rows), file, NULL, written_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (cockpit_fleet_csv_write_finish (result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_clear_object (&result);

  cockpit_fleet_csv_write_async (G_LIST_MODEL (rows), bad, NULL, written_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (cockpit_fleet_csv_write_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/fleet-csv/empty", test_empty);
  g_test_add_func ("/cockpit/fleet-csv/fields", test_fields);
  g_test_add_func ("/cockpit/fleet-csv/write", test_write);

  return g_test_run ();
}
