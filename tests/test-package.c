/* test-package.c: a package with its environments, and its JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-model-util.h"

/* Upgrading UAT while Live keeps the backup of its last upgrade. */
static const char *sample =
  "{\"id\": \"acmeweb\", \"name\": \"Acme Corporation Website\", \"status\": \"maintenance\","
  " \"status_text\": \"Scheduled maintenance\","
  " \"maintenance_message\": \"The helpdesk is moving Live to a new cluster.\","
  " \"running_action\": {\"id\": \"act-44\", \"package_id\": \"acmeweb\","
  "   \"environment_id\": \"acmeweb-uat\", \"kind\": \"upgrade\","
  "   \"params\": {\"target_version\": \"6.3.21\"}, \"status\": \"running\","
  "   \"stage\": \"deploy_version\", \"stages\": ["
  "     {\"name\": \"create_replica\", \"status\": \"done\","
  "      \"started_at\": \"2026-11-26T11:00:00Z\", \"finished_at\": \"2026-11-26T11:02:00Z\"},"
  "     {\"name\": \"deploy_version\", \"status\": \"running\","
  "      \"started_at\": \"2026-11-26T11:02:00Z\", \"finished_at\": null},"
  "     {\"name\": \"verify_replica\", \"status\": \"pending\", \"started_at\": null, \"finished_at\": null},"
  "     {\"name\": \"switch_traffic\", \"status\": \"pending\", \"started_at\": null, \"finished_at\": null},"
  "     {\"name\": \"retire_old\", \"status\": \"pending\", \"started_at\": null, \"finished_at\": null}],"
  "   \"progress\": 0.3, \"requested_by\": \"Alex Example\","
  "   \"created_at\": \"2026-11-26T11:00:00Z\", \"finished_at\": null, \"error\": null},"
  " \"environments\": ["
  "  {\"id\": \"acmeweb-live\", \"package_id\": \"acmeweb\", \"kind\": \"live\", \"name\": \"Live\","
  "   \"magnolia_version\": \"6.3.21\", \"bundle\": \"magnolia-dx-core-cloud-webapp-6.3.21\","
  "   \"state\": \"running\", \"url\": \"https://www.acme.example\", \"protected\": true,"
  "   \"last_upgraded_at\": \"2026-11-26T09:42:00Z\","
  "   \"upgrade_backup\": {\"from_version\": \"6.3.18\", \"to_version\": \"6.3.21\","
  "     \"created_at\": \"2026-11-26T09:30:00Z\", \"expires_at\": \"2026-11-28T09:30:00Z\","
  "     \"max_expires_at\": \"2026-12-01T09:30:00Z\", \"extended\": false},"
  "   \"latest_manual_backup\": null},"
  "  {\"id\": \"acmeweb-uat\", \"package_id\": \"acmeweb\", \"kind\": \"uat\", \"name\": \"UAT\","
  "   \"magnolia_version\": \"6.3.18\", \"bundle\": \"magnolia-dx-core-cloud-webapp-6.3.18\","
  "   \"state\": \"upgrading\", \"url\": \"https://uat.acme.example\", \"protected\": false,"
  "   \"last_upgraded_at\": null, \"upgrade_backup\": null, \"latest_manual_backup\": null},"
  "  {\"id\": \"acmeweb-int\", \"package_id\": \"acmeweb\", \"kind\": \"integration\","
  "   \"name\": \"Integration\", \"magnolia_version\": null, \"bundle\": null,"
  "   \"state\": \"not_set_up\", \"url\": null, \"protected\": false,"
  "   \"last_upgraded_at\": null, \"upgrade_backup\": null, \"latest_manual_backup\": null}"
  " ], \"active_plan\": null}";

static CockpitEnvironment *
environment_new (const char             *id,
                 CockpitEnvironmentKind  kind)
{
  CockpitEnvironment *environment = cockpit_environment_new ();

  cockpit_environment_set_id (environment, id);
  cockpit_environment_set_kind (environment, kind);
  return environment;
}

static void
test_create (void)
{
  CockpitPackage *package = cockpit_package_new ();
  g_autoptr(CockpitAction) action = cockpit_action_new ();
  g_autoptr(CockpitEnvironment) live = environment_new ("p-live", COCKPIT_ENVIRONMENT_KIND_LIVE);
  GListModel *environments = cockpit_package_get_environments (package);

  g_assert_true (G_IS_LIST_STORE (environments));
  g_assert_true (g_list_model_get_item_type (environments) == COCKPIT_TYPE_ENVIRONMENT);
  g_assert_cmpuint (g_list_model_get_n_items (environments), ==, 0);
  g_assert_cmpint (cockpit_package_get_status (package), ==, COCKPIT_PACKAGE_STATUS_OK);
  g_assert_false (cockpit_package_is_in_maintenance (package));
  g_assert_null (cockpit_package_get_running_action (package));
  g_assert_null (cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_LIVE));

  cockpit_package_set_id (package, "p");
  cockpit_package_set_running_action (package, action);
  g_list_store_append (G_LIST_STORE (environments), live);
  g_assert_finalize_object (package);

  g_assert_finalize_object (g_steal_pointer (&live));
  g_assert_finalize_object (g_steal_pointer (&action));
}

static void
test_notify_string (void)
{
  g_autoptr(CockpitPackage) package = cockpit_package_new ();
  guint count;

  model_watch_notify (package, "maintenance-message", &count);
  cockpit_package_set_maintenance_message (package, NULL);
  g_assert_cmpuint (count, ==, 0);
  cockpit_package_set_maintenance_message (package, "Back at noon.");
  cockpit_package_set_maintenance_message (package, "Back at noon.");
  g_assert_cmpuint (count, ==, 1);
  cockpit_package_set_maintenance_message (package, NULL);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_notify_enum (void)
{
  g_autoptr(CockpitPackage) package = cockpit_package_new ();
  guint count;

  model_watch_notify (package, "status", &count);
  cockpit_package_set_status (package, COCKPIT_PACKAGE_STATUS_MAINTENANCE);
  cockpit_package_set_status (package, COCKPIT_PACKAGE_STATUS_MAINTENANCE);
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (cockpit_package_is_in_maintenance (package));
  cockpit_package_set_status (package, COCKPIT_PACKAGE_STATUS_OK);
  g_assert_cmpuint (count, ==, 2);
  g_assert_false (cockpit_package_is_in_maintenance (package));
}

static void
test_notify_object (void)
{
  g_autoptr(CockpitPackage) package = cockpit_package_new ();
  g_autoptr(CockpitAction) action = cockpit_action_new ();
  guint count;

  model_watch_notify (package, "running-action", &count);
  cockpit_package_set_running_action (package, action);
  cockpit_package_set_running_action (package, action);
  g_assert_cmpuint (count, ==, 1);
  cockpit_action_set_progress (action, 0.5);
  g_assert_cmpuint (count, ==, 1);
  cockpit_package_set_running_action (package, NULL);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_notify_list (void)
{
  g_autoptr(CockpitPackage) package = cockpit_package_new ();
  g_autoptr(GListStore) store = g_list_store_new (COCKPIT_TYPE_ENVIRONMENT);
  g_autoptr(CockpitEnvironment) uat = environment_new ("p-uat", COCKPIT_ENVIRONMENT_KIND_UAT);
  guint count, items_changed = 0;

  model_watch_notify (package, "environments", &count);
  g_list_store_append (store, uat);
  cockpit_package_set_environments (package, G_LIST_MODEL (store));
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (cockpit_package_get_environments (package) == G_LIST_MODEL (store));
  g_object_set (package, "environments", store, NULL);
  g_assert_cmpuint (count, ==, 1);

  /* Changing the items is the list's own signal, not a notify. */
  g_signal_connect_swapped (store, "items-changed", G_CALLBACK (model_count_cb), &items_changed);
  g_list_store_remove_all (store);
  g_assert_cmpuint (items_changed, ==, 1);
  g_assert_cmpuint (count, ==, 1);

  cockpit_package_set_environments (package, NULL);
  g_assert_cmpuint (count, ==, 2);
  g_assert_true (G_IS_LIST_STORE (cockpit_package_get_environments (package)));
  g_assert_true (cockpit_package_get_environments (package) != G_LIST_MODEL (store));
}

static void
test_notify_all (void)
{
  g_autoptr(CockpitPackage) package = cockpit_package_new ();

  model_assert_notify_all (package);
}

static void
test_decode (void)
{
  g_autoptr(CockpitPackage) package = model_decode (COCKPIT_TYPE_PACKAGE, sample);
  GListModel *environments = cockpit_package_get_environments (package);
  CockpitAction *action;
  CockpitEnvironment *live, *uat, *integration;
  CockpitStage *stage;

  g_assert_cmpstr (cockpit_package_get_id (package), ==, "acmeweb");
  g_assert_cmpstr (cockpit_package_get_name (package), ==, "Acme Corporation Website");
  g_assert_cmpint (cockpit_package_get_status (package), ==, COCKPIT_PACKAGE_STATUS_MAINTENANCE);
  g_assert_true (cockpit_package_is_in_maintenance (package));
  g_assert_cmpstr (cockpit_package_get_status_text (package), ==, "Scheduled maintenance");
  g_assert_cmpstr (cockpit_package_get_maintenance_message (package), ==,
                   "The helpdesk is moving Live to a new cluster.");

  action = cockpit_package_get_running_action (package);
  g_assert_true (COCKPIT_IS_ACTION (action));
  g_assert_cmpstr (cockpit_action_get_id (action), ==, "act-44");
  g_assert_cmpstr (cockpit_action_get_environment_id (action), ==, "acmeweb-uat");
  g_assert_true (cockpit_action_is_running (action));
  g_assert_cmpstr (cockpit_action_get_target_version (action), ==, "6.3.21");
  g_assert_cmpint (cockpit_action_get_stage (action), ==, COCKPIT_STAGE_DEPLOY_VERSION);
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_action_get_stages (action)), ==, 5);
  stage = cockpit_action_get_stage_by_name (action, COCKPIT_STAGE_RETIRE_OLD);
  g_assert_cmpint (cockpit_stage_get_status (stage), ==, COCKPIT_STAGE_STATUS_PENDING);

  g_assert_true (G_IS_LIST_STORE (environments));
  g_assert_cmpuint (g_list_model_get_n_items (environments), ==, 3);

  live = cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_LIVE);
  g_assert_cmpstr (cockpit_environment_get_id (live), ==, "acmeweb-live");
  g_assert_cmpstr (cockpit_environment_get_magnolia_version (live), ==, "6.3.21");
  g_assert_true (cockpit_environment_get_protected (live));
  g_assert_nonnull (cockpit_environment_get_upgrade_backup (live));
  g_assert_null (cockpit_environment_get_latest_manual_backup (live));

  uat = cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_UAT);
  g_assert_cmpstr (cockpit_environment_get_id (uat), ==, "acmeweb-uat");
  g_assert_cmpint (cockpit_environment_get_state (uat), ==, COCKPIT_ENVIRONMENT_STATE_UPGRADING);
  g_assert_cmpstr (cockpit_environment_get_url (uat), ==, "https://uat.acme.example");

  integration = cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_INTEGRATION);
  g_assert_cmpstr (cockpit_environment_get_name (integration), ==, "Integration");
  g_assert_cmpint (cockpit_environment_get_state (integration), ==,
                   COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP);
  g_assert_null (cockpit_environment_get_magnolia_version (integration));

  model_assert_same_members (package, sample);
}

static void
test_find (void)
{
  g_autoptr(CockpitPackage) package = model_decode (COCKPIT_TYPE_PACKAGE, sample);
  GListModel *environments = cockpit_package_get_environments (package);
  g_autoptr(CockpitEnvironment) first = g_list_model_get_item (environments, 0);

  g_assert_true (cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_LIVE) == first);
  g_assert_true (cockpit_package_find_environment (package, "acmeweb-live") == first);
  g_assert_true (cockpit_package_find_environment (package, "acmeweb-int") ==
                 cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_INTEGRATION));
  g_assert_null (cockpit_package_find_environment (package, "acmeweb"));
  g_assert_null (cockpit_package_find_environment (package, ""));
  g_assert_null (cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_NONE));

  /* A package without Integration. */
  g_list_store_remove (G_LIST_STORE (environments), 2);
  g_assert_null (cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_INTEGRATION));
  g_assert_null (cockpit_package_find_environment (package, "acmeweb-int"));
}

/* A package by id in a list of them, and where it is. */
static void
test_list_find (void)
{
  g_autoptr(CockpitPackage) first = model_decode (COCKPIT_TYPE_PACKAGE, sample);
  g_autoptr(CockpitPackage) second = model_decode (COCKPIT_TYPE_PACKAGE, sample);
  g_autoptr(GListStore) packages = g_list_store_new (COCKPIT_TYPE_PACKAGE);
  guint position = 99;

  cockpit_package_set_id (second, "globex");
  g_list_store_append (packages, first);
  g_list_store_append (packages, second);

  g_assert_true (cockpit_package_list_find (G_LIST_MODEL (packages), "globex", &position) == second);
  g_assert_cmpuint (position, ==, 1);
  g_assert_true (cockpit_package_list_find (G_LIST_MODEL (packages), cockpit_package_get_id (first), NULL) == first);
  position = 99;
  g_assert_null (cockpit_package_list_find (G_LIST_MODEL (packages), "initech", &position));
  g_assert_cmpuint (position, ==, 99);
  g_assert_null (cockpit_package_list_find (G_LIST_MODEL (packages), NULL, NULL));
}

static void
test_round_trip (void)
{
  g_autoptr(CockpitPackage) package = model_decode (COCKPIT_TYPE_PACKAGE, sample);

  model_assert_round_trip (package);
  cockpit_package_set_running_action (package, NULL);
  cockpit_package_set_status (package, COCKPIT_PACKAGE_STATUS_OK);
  cockpit_package_set_maintenance_message (package, NULL);
  model_assert_round_trip (package);
  cockpit_package_set_environments (package, NULL);
  model_assert_round_trip (package);
}

static void
test_nullable (void)
{
  static const char * const nullable[] = { "maintenance_message", "running_action", "active_plan", NULL };

  model_assert_nullable_members (COCKPIT_TYPE_PACKAGE, sample, nullable);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/model/package/create", test_create);
  g_test_add_func ("/cockpit/model/package/notify/string", test_notify_string);
  g_test_add_func ("/cockpit/model/package/notify/enum", test_notify_enum);
  g_test_add_func ("/cockpit/model/package/notify/object", test_notify_object);
  g_test_add_func ("/cockpit/model/package/notify/list", test_notify_list);
  g_test_add_func ("/cockpit/model/package/notify/all", test_notify_all);
  g_test_add_func ("/cockpit/model/package/decode", test_decode);
  g_test_add_func ("/cockpit/model/package/find", test_find);
  g_test_add_func ("/cockpit/model/package/list-find", test_list_find);
  g_test_add_func ("/cockpit/model/package/round-trip", test_round_trip);
  g_test_add_func ("/cockpit/model/package/nullable", test_nullable);

  return g_test_run ();
}
