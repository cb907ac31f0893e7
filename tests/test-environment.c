/* test-environment.c: one environment of a package, and its JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-model-util.h"

static const char *sample =
  "{\"id\": \"acmeweb-live\", \"package_id\": \"acmeweb\", \"kind\": \"live\", \"name\": \"Live\","
  " \"magnolia_version\": \"6.3.21\", \"bundle\": \"magnolia-dx-core-cloud-webapp-6.3.21\","
  " \"state\": \"backing_up\", \"url\": \"https://www.acme.example\", \"protected\": true,"
  " \"last_upgraded_at\": \"2026-11-26T09:42:00Z\","
  " \"upgrade_backup\": {\"from_version\": \"6.3.18\", \"to_version\": \"6.3.21\","
  "   \"created_at\": \"2026-11-26T09:30:00Z\", \"expires_at\": \"2026-11-28T09:30:00Z\","
  "   \"max_expires_at\": \"2026-12-01T09:30:00Z\", \"extended\": false},"
  " \"latest_manual_backup\": {\"id\": \"bak-7\", \"created_at\": \"2026-11-20T08:00:00Z\","
  "   \"magnolia_version\": \"6.3.18\"}}";

/* A torn-down environment stays listed, with no version, bundle or URL. */
static const char *torn_down_sample =
  "{\"id\": \"acmeweb-int\", \"package_id\": \"acmeweb\", \"kind\": \"integration\","
  " \"name\": \"Integration\", \"magnolia_version\": null, \"bundle\": null,"
  " \"state\": \"not_set_up\", \"url\": null, \"protected\": false,"
  " \"last_upgraded_at\": null, \"upgrade_backup\": null, \"latest_manual_backup\": null}";

static void
test_create (void)
{
  CockpitEnvironment *environment = cockpit_environment_new ();
  g_autoptr(CockpitUpgradeBackup) upgrade_backup = cockpit_upgrade_backup_new ();
  g_autoptr(CockpitBackup) backup = cockpit_backup_new ();

  g_assert_cmpint (cockpit_environment_get_kind (environment), ==, COCKPIT_ENVIRONMENT_KIND_NONE);
  g_assert_cmpint (cockpit_environment_get_state (environment), ==,
                   COCKPIT_ENVIRONMENT_STATE_RUNNING);
  g_assert_false (cockpit_environment_get_protected (environment));
  g_assert_null (cockpit_environment_get_upgrade_backup (environment));
  g_assert_null (cockpit_environment_get_latest_manual_backup (environment));

  cockpit_environment_set_id (environment, "acmeweb-live");
  cockpit_environment_set_kind (environment, COCKPIT_ENVIRONMENT_KIND_LIVE);
  cockpit_environment_set_upgrade_backup (environment, upgrade_backup);
  cockpit_environment_set_latest_manual_backup (environment, backup);
  g_assert_finalize_object (environment);

  /* The environment let go of its children. */
  g_assert_finalize_object (g_steal_pointer (&upgrade_backup));
  g_assert_finalize_object (g_steal_pointer (&backup));
}

static void
test_notify_string (void)
{
  g_autoptr(CockpitEnvironment) environment = cockpit_environment_new ();
  guint version_count, all_count;

  model_watch_notify (environment, "magnolia-version", &version_count);
  model_watch_all_notify (environment, &all_count);
  cockpit_environment_set_magnolia_version (environment, "6.3.18");
  cockpit_environment_set_magnolia_version (environment, "6.3.18");
  g_assert_cmpuint (version_count, ==, 1);
  cockpit_environment_set_magnolia_version (environment, "6.3.21");
  g_assert_cmpuint (version_count, ==, 2);
  /* A torn-down environment has no version. */
  cockpit_environment_set_magnolia_version (environment, NULL);
  g_assert_cmpuint (version_count, ==, 3);
  g_assert_cmpuint (all_count, ==, 3);
}

static void
test_notify_bool (void)
{
  g_autoptr(CockpitEnvironment) environment = cockpit_environment_new ();
  guint count;

  model_watch_notify (environment, "protected", &count);
  cockpit_environment_set_protected (environment, FALSE);
  g_assert_cmpuint (count, ==, 0);
  cockpit_environment_set_protected (environment, TRUE);
  cockpit_environment_set_protected (environment, TRUE);
  g_assert_cmpuint (count, ==, 1);
}

static void
test_notify_enum (void)
{
  g_autoptr(CockpitEnvironment) environment = cockpit_environment_new ();
  guint kind_count, state_count;

  model_watch_notify (environment, "kind", &kind_count);
  model_watch_notify (environment, "state", &state_count);
  cockpit_environment_set_kind (environment, COCKPIT_ENVIRONMENT_KIND_UAT);
  cockpit_environment_set_kind (environment, COCKPIT_ENVIRONMENT_KIND_UAT);
  g_assert_cmpuint (kind_count, ==, 1);
  cockpit_environment_set_state (environment, COCKPIT_ENVIRONMENT_STATE_UPGRADING);
  cockpit_environment_set_state (environment, COCKPIT_ENVIRONMENT_STATE_UPGRADING);
  g_assert_cmpuint (state_count, ==, 1);
  cockpit_environment_set_state (environment, COCKPIT_ENVIRONMENT_STATE_RUNNING);
  g_assert_cmpuint (state_count, ==, 2);
  g_assert_cmpuint (kind_count, ==, 1);
}

static void
test_notify_time (void)
{
  g_autoptr(CockpitEnvironment) environment = cockpit_environment_new ();
  g_autoptr(GDateTime) a = model_time ("2026-11-26T09:42:00Z");
  g_autoptr(GDateTime) a_again = model_time ("2026-11-26T09:42:00+00:00");
  guint count;

  model_watch_notify (environment, "last-upgraded-at", &count);
  cockpit_environment_set_last_upgraded_at (environment, a);
  cockpit_environment_set_last_upgraded_at (environment, a_again);
  g_assert_cmpuint (count, ==, 1);
  cockpit_environment_set_last_upgraded_at (environment, NULL);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_notify_object (void)
{
  g_autoptr(CockpitEnvironment) environment = cockpit_environment_new ();
  g_autoptr(CockpitUpgradeBackup) a = cockpit_upgrade_backup_new ();
  g_autoptr(CockpitUpgradeBackup) b = cockpit_upgrade_backup_new ();
  guint count;

  model_watch_notify (environment, "upgrade-backup", &count);
  cockpit_environment_set_upgrade_backup (environment, NULL);
  g_assert_cmpuint (count, ==, 0);
  cockpit_environment_set_upgrade_backup (environment, a);
  cockpit_environment_set_upgrade_backup (environment, a);
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (cockpit_environment_get_upgrade_backup (environment) == a);

  /* A change inside the backup is the backup's notify, not the environment's. */
  cockpit_upgrade_backup_set_extended (a, TRUE);
  g_assert_cmpuint (count, ==, 1);

  /* Another object is a change even when it holds the same values. */
  cockpit_upgrade_backup_set_extended (b, TRUE);
  cockpit_environment_set_upgrade_backup (environment, b);
  g_assert_cmpuint (count, ==, 2);
  cockpit_environment_set_upgrade_backup (environment, NULL);
  g_assert_cmpuint (count, ==, 3);
}

static void
test_notify_all (void)
{
  g_autoptr(CockpitEnvironment) environment = cockpit_environment_new ();

  model_assert_notify_all (environment);
}

static void
test_decode (void)
{
  g_autoptr(CockpitEnvironment) environment = model_decode (COCKPIT_TYPE_ENVIRONMENT, sample);
  CockpitUpgradeBackup *upgrade_backup;
  CockpitBackup *backup;

  g_assert_cmpstr (cockpit_environment_get_id (environment), ==, "acmeweb-live");
  g_assert_cmpstr (cockpit_environment_get_package_id (environment), ==, "acmeweb");
  g_assert_cmpint (cockpit_environment_get_kind (environment), ==, COCKPIT_ENVIRONMENT_KIND_LIVE);
  g_assert_cmpstr (cockpit_environment_get_name (environment), ==, "Live");
  g_assert_cmpstr (cockpit_environment_get_magnolia_version (environment), ==, "6.3.21");
  g_assert_cmpstr (cockpit_environment_get_bundle (environment), ==,
                   "magnolia-dx-core-cloud-webapp-6.3.21");
  g_assert_cmpint (cockpit_environment_get_state (environment), ==,
                   COCKPIT_ENVIRONMENT_STATE_BACKING_UP);
  g_assert_cmpstr (cockpit_environment_get_url (environment), ==, "https://www.acme.example");
  g_assert_true (cockpit_environment_get_protected (environment));
  model_assert_time (cockpit_environment_get_last_upgraded_at (environment), "2026-11-26T09:42:00Z");

  upgrade_backup = cockpit_environment_get_upgrade_backup (environment);
  g_assert_true (COCKPIT_IS_UPGRADE_BACKUP (upgrade_backup));
  g_assert_cmpstr (cockpit_upgrade_backup_get_from_version (upgrade_backup), ==, "6.3.18");
  g_assert_cmpstr (cockpit_upgrade_backup_get_to_version (upgrade_backup), ==, "6.3.21");
  model_assert_time (cockpit_upgrade_backup_get_created_at (upgrade_backup), "2026-11-26T09:30:00Z");
  model_assert_time (cockpit_upgrade_backup_get_expires_at (upgrade_backup), "2026-11-28T09:30:00Z");
  model_assert_time (cockpit_upgrade_backup_get_max_expires_at (upgrade_backup),
                     "2026-12-01T09:30:00Z");
  g_assert_false (cockpit_upgrade_backup_get_extended (upgrade_backup));

  backup = cockpit_environment_get_latest_manual_backup (environment);
  g_assert_true (COCKPIT_IS_BACKUP (backup));
  g_assert_cmpstr (cockpit_backup_get_id (backup), ==, "bak-7");
  model_assert_time (cockpit_backup_get_created_at (backup), "2026-11-20T08:00:00Z");
  g_assert_cmpstr (cockpit_backup_get_magnolia_version (backup), ==, "6.3.18");

  model_assert_same_members (environment, sample);
}

static void
test_decode_torn_down (void)
{
  g_autoptr(CockpitEnvironment) environment = model_decode (COCKPIT_TYPE_ENVIRONMENT,
                                                            torn_down_sample);

  g_assert_cmpint (cockpit_environment_get_kind (environment), ==,
                   COCKPIT_ENVIRONMENT_KIND_INTEGRATION);
  g_assert_cmpint (cockpit_environment_get_state (environment), ==,
                   COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP);
  g_assert_null (cockpit_environment_get_magnolia_version (environment));
  g_assert_null (cockpit_environment_get_bundle (environment));
  g_assert_null (cockpit_environment_get_url (environment));
  g_assert_null (cockpit_environment_get_last_upgraded_at (environment));
  g_assert_null (cockpit_environment_get_upgrade_backup (environment));
  g_assert_null (cockpit_environment_get_latest_manual_backup (environment));
  g_assert_false (cockpit_environment_get_protected (environment));
  model_assert_same_members (environment, torn_down_sample);
  model_assert_round_trip (environment);
}

static void
test_decode_kind_none (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitEnvironment) environment = NULL;
  JsonObject *json;

  /* "none" is the C sentinel, never a kind the contract names. */
  g_assert_true (json_parser_load_from_data (parser, sample, -1, NULL));
  json = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (json, "kind", "none");
  environment = cockpit_json_decode (COCKPIT_TYPE_ENVIRONMENT, json_parser_get_root (parser),
                                     &error);
  g_assert_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_UNKNOWN_VALUE);
  g_assert_nonnull (strstr (error->message, "kind"));
  g_assert_null (environment);
}

static void
test_round_trip (void)
{
  g_autoptr(CockpitEnvironment) environment = model_decode (COCKPIT_TYPE_ENVIRONMENT, sample);

  model_assert_round_trip (environment);
  cockpit_environment_set_upgrade_backup (environment, NULL);
  cockpit_environment_set_state (environment, COCKPIT_ENVIRONMENT_STATE_TEARING_DOWN);
  model_assert_round_trip (environment);
}

static void
test_nullable (void)
{
  static const char * const nullable[] = {
    "magnolia_version", "bundle", "url", "last_upgraded_at", "upgrade_backup",
    "latest_manual_backup", NULL
  };

  model_assert_nullable_members (COCKPIT_TYPE_ENVIRONMENT, sample, nullable);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/model/environment/create", test_create);
  g_test_add_func ("/cockpit/model/environment/notify/string", test_notify_string);
  g_test_add_func ("/cockpit/model/environment/notify/bool", test_notify_bool);
  g_test_add_func ("/cockpit/model/environment/notify/enum", test_notify_enum);
  g_test_add_func ("/cockpit/model/environment/notify/time", test_notify_time);
  g_test_add_func ("/cockpit/model/environment/notify/object", test_notify_object);
  g_test_add_func ("/cockpit/model/environment/notify/all", test_notify_all);
  g_test_add_func ("/cockpit/model/environment/decode", test_decode);
  g_test_add_func ("/cockpit/model/environment/decode-torn-down", test_decode_torn_down);
  g_test_add_func ("/cockpit/model/environment/decode-kind-none", test_decode_kind_none);
  g_test_add_func ("/cockpit/model/environment/round-trip", test_round_trip);
  g_test_add_func ("/cockpit/model/environment/nullable", test_nullable);

  return g_test_run ();
}
