/* test-client.c: every call of the cockpit client, and every error code, against the real simulator.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test gets a fresh simulator with the demo seed on 127.0.0.1:
 *   acmeweb   Live 6.3.18 (a manual backup), UAT 6.3.19, Integration 6.3.21
 *   globex    Live 6.3.21 with an upgrade backup from 6.3.19, UAT 6.3.21, Integration 6.4.3
 *   initech   in maintenance
 *   umbrella  Live protected, Integration torn down
 * Stages take a simulated minute; tests move the clock to end actions.
 */
#include "config.h"

#include "test-sim-util.h"

#define TOKEN "client-token-91e0b7c4d2"

/* Long enough to end any action, short of any upgrade backup's expiry. */
#define FINISH_SECONDS 600

static void
assert_error (const GError       *error,
              CockpitClientError  code)
{
  g_assert_error (error, COCKPIT_CLIENT_ERROR, (gint) code);
  api_assert_plain_message (error, TOKEN);
}

static void
finish_actions (SimFixture *f)
{
  cockpit_simulator_advance_clock (f->sim, FINISH_SECONDS);
}

/* Reading ------------------------------------------------------------------ */

static void
test_me (SimFixture    *f,
         gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitUser) user = NULL;

  cockpit_client_get_me_async (f->client, NULL, api_result_cb, &result);
  api_wait_result (&result);
  user = cockpit_client_get_me_finish (f->client, result, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cockpit_user_get_name (user), ==, "Alex Example");
  g_assert_cmpstr (cockpit_user_get_email (user), ==, "alex@example.com");
  g_assert_cmpint (cockpit_user_get_role (user), ==, COCKPIT_ROLE_OWNER);
}

static void
test_packages (SimFixture    *f,
               gconstpointer  data)
{
  static const char * const ids[] = { "acmeweb", "globex", "initech", "umbrella", "hooli" };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) packages = NULL;

  cockpit_client_list_packages_async (f->client, NULL, api_result_cb, &result);
  api_wait_result (&result);
  packages = cockpit_client_list_packages_finish (f->client, result, &error);

  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (packages)) == COCKPIT_TYPE_PACKAGE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (packages)), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(CockpitPackage) package = g_list_model_get_item (G_LIST_MODEL (packages), i);

      g_assert_cmpstr (cockpit_package_get_id (package), ==, ids[i]);
      g_assert_cmpuint (g_list_model_get_n_items (cockpit_package_get_environments (package)), ==, 3);
      g_assert_null (cockpit_package_get_running_action (package));
      g_assert_cmpint (cockpit_package_is_in_maintenance (package), ==, g_str_equal (ids[i], "initech"));
    }
}

static void
test_package (SimFixture    *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitPackage) package = sim_get_package (f->client, "acmeweb", &error);
  CockpitEnvironment *live, *uat, *integration;

  g_assert_no_error (error);
  g_assert_cmpstr (cockpit_package_get_name (package), ==, "Acme Corporation Website");
  g_assert_cmpint (cockpit_package_get_status (package), ==, COCKPIT_PACKAGE_STATUS_OK);

  live = cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_LIVE);
  uat = cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_UAT);
  integration = cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_INTEGRATION);
  g_assert_cmpstr (cockpit_environment_get_id (live), ==, "acmeweb-live");
  g_assert_cmpstr (cockpit_environment_get_package_id (live), ==, "acmeweb");
  g_assert_cmpstr (cockpit_environment_get_magnolia_version (live), ==, "6.3.18");
  g_assert_cmpstr (cockpit_environment_get_magnolia_version (uat), ==, "6.3.19");
  g_assert_cmpstr (cockpit_environment_get_magnolia_version (integration), ==, "6.3.21");
  g_assert_nonnull (cockpit_environment_get_latest_manual_backup (live));
  g_assert_null (cockpit_environment_get_upgrade_backup (live));
}

static void
test_releases (SimFixture    *f,
               gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) releases = NULL;
  guint n;

  cockpit_client_list_releases_async (f->client, NULL, api_result_cb, &result);
  api_wait_result (&result);
  releases = cockpit_client_list_releases_finish (f->client, result, &error);

  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (releases));
  g_assert_cmpuint (n, >, 50);
  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr(CockpitRelease) a = g_list_model_get_item (G_LIST_MODEL (releases), i);
      g_autoptr(CockpitRelease) b = g_list_model_get_item (G_LIST_MODEL (releases), i + 1);

      /* Highest version first. */
      g_assert_cmpint (cockpit_version_compare_strings (cockpit_release_get_version (a),
                                                        cockpit_release_get_version (b), NULL), >, 0);
    }
  {
    g_autoptr(CockpitRelease) first = g_list_model_get_item (G_LIST_MODEL (releases), 0);

    g_assert_cmpstr (cockpit_release_get_version (first), ==, "6.4.3");
    g_assert_false (cockpit_release_get_lts (first));
  }
}

static GListStore *
available_versions (SimFixture             *f,
                    const char             *package_id,
                    CockpitEnvironmentKind  kind,
                    GError                **error)
{
  g_autoptr(CockpitEnvironment) environment = sim_get_environment (f->client, package_id, kind);
  g_autoptr(GAsyncResult) result = NULL;

  cockpit_client_list_available_versions_async (f->client, environment, NULL, api_result_cb, &result);
  api_wait_result (&result);
  return cockpit_client_list_available_versions_finish (f->client, result, error);
}

static void
test_available_versions (SimFixture    *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) versions = available_versions (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE, &error);
  g_autoptr(GListStore) none = NULL;
  gboolean has_6_3_21 = FALSE;
  guint n;

  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (versions));
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CockpitRelease) release = g_list_model_get_item (G_LIST_MODEL (versions), i);
      const char *version = cockpit_release_get_version (release);

      /* Only newer than the environment's 6.3.18, highest first. */
      g_assert_cmpint (cockpit_version_compare_strings (version, "6.3.18", NULL), >, 0);
      if (i > 0)
        {
          g_autoptr(CockpitRelease) before = g_list_model_get_item (G_LIST_MODEL (versions), i - 1);

          g_assert_cmpint (cockpit_version_compare_strings (cockpit_release_get_version (before), version, NULL), >, 0);
        }
      has_6_3_21 |= g_str_equal (version, "6.3.21");
    }
  g_assert_true (has_6_3_21);

  /* Integration of globex runs the newest release: nothing to offer. */
  none = available_versions (f, "globex", COCKPIT_ENVIRONMENT_KIND_INTEGRATION, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (none)), ==, 0);
}

/* Actions -------------------------------------------------------------------- */

/* Starts @kind on @package_id's environment @env_kind and checks the
 * answer: a running action of the right kind, on the right environment. */
static CockpitAction *
start_ok (SimFixture             *f,
          const char             *package_id,
          CockpitEnvironmentKind  env_kind,
          CockpitActionKind       kind,
          const char             *target_version,
          GDateTime              *expires_at)
{
  g_autoptr(CockpitEnvironment) environment = sim_get_environment (f->client, package_id, env_kind);
  g_autoptr(GError) error = NULL;
  CockpitAction *action;

  action = sim_start_action (f->client, environment, kind, target_version, expires_at, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (action);
  g_assert_true (g_str_has_prefix (cockpit_action_get_id (action), "act-"));
  g_assert_cmpint (cockpit_action_get_kind (action), ==, kind);
  g_assert_cmpint (cockpit_action_get_status (action), ==, COCKPIT_ACTION_STATUS_RUNNING);
  g_assert_cmpstr (cockpit_action_get_package_id (action), ==, package_id);
  g_assert_cmpstr (cockpit_action_get_environment_id (action), ==, cockpit_environment_get_id (environment));
  g_assert_cmpstr (cockpit_action_get_requested_by (action), ==, "Alex Example");
  g_assert_null (cockpit_action_get_finished_at (action));
  g_assert_null (cockpit_action_get_error (action));
  return action;
}

/* Ends every running action and checks that @action succeeded. */
static void
finish_ok (SimFixture    *f,
           CockpitAction *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitAction) done = NULL;
  GListModel *stages;

  finish_actions (f);
  done = sim_get_action (f->client, cockpit_action_get_id (action), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cockpit_action_get_id (done), ==, cockpit_action_get_id (action));
  g_assert_cmpint (cockpit_action_get_status (done), ==, COCKPIT_ACTION_STATUS_SUCCEEDED);
  g_assert_cmpint (cockpit_action_get_stage (done), ==, COCKPIT_STAGE_NONE);
  g_assert_cmpfloat (cockpit_action_get_progress (done), ==, 1.0);
  g_assert_nonnull (cockpit_action_get_finished_at (done));
  g_assert_null (cockpit_action_get_error (done));

  stages = cockpit_action_get_stages (done);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CockpitStage) stage = g_list_model_get_item (stages, i);

      g_assert_cmpint (cockpit_stage_get_status (stage), ==, COCKPIT_STAGE_STATUS_DONE);
    }
}

static void
test_action_kinds (SimFixture    *f,
                   gconstpointer  data)
{
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(CockpitEnvironment) environment = NULL;
  GListModel *stages;

  /* Upgrade of UAT: five stages, retire_old last. */
  action = start_ok (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_ACTION_KIND_UPGRADE, "6.3.21", NULL);
  g_assert_cmpstr (cockpit_action_get_target_version (action), ==, "6.3.21");
  g_assert_cmpint (cockpit_action_get_stage (action), ==, COCKPIT_STAGE_CREATE_REPLICA);
  stages = cockpit_action_get_stages (action);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 5);
  {
    g_autoptr(CockpitStage) last = g_list_model_get_item (stages, 4);

    g_assert_cmpint (cockpit_stage_get_name (last), ==, COCKPIT_STAGE_RETIRE_OLD);
  }
  finish_ok (f, action);
  environment = sim_get_environment (f->client, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT);
  g_assert_cmpstr (cockpit_environment_get_magnolia_version (environment), ==, "6.3.21");
  g_assert_null (cockpit_environment_get_upgrade_backup (environment));
  g_clear_object (&environment);
  g_clear_object (&action);

  /* A manual backup of Live. */
  action = start_ok (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_CREATE_BACKUP, NULL, NULL);
  g_assert_cmpint (cockpit_action_get_stage (action), ==, COCKPIT_STAGE_CREATE_BACKUP);
  finish_ok (f, action);
  g_clear_object (&action);

  /* Tearing Integration down. */
  action = start_ok (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_INTEGRATION, COCKPIT_ACTION_KIND_TEARDOWN, NULL, NULL);
  g_assert_cmpint (cockpit_action_get_stage (action), ==, COCKPIT_STAGE_TEARDOWN);
  finish_ok (f, action);
  environment = sim_get_environment (f->client, "acmeweb", COCKPIT_ENVIRONMENT_KIND_INTEGRATION);
  g_assert_cmpint (cockpit_environment_get_state (environment), ==, COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP);
  g_assert_null (cockpit_environment_get_magnolia_version (environment));
  g_clear_object (&environment);
  g_clear_object (&action);

  /* Extending globex's upgrade backup to the longest possible. */
  action = start_ok (f, "globex", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP, NULL, NULL);
  g_assert_cmpint (cockpit_action_get_stage (action), ==, COCKPIT_STAGE_EXTEND_UPGRADE_BACKUP);
  finish_ok (f, action);
  environment = sim_get_environment (f->client, "globex", COCKPIT_ENVIRONMENT_KIND_LIVE);
  {
    CockpitUpgradeBackup *backup = cockpit_environment_get_upgrade_backup (environment);

    g_assert_nonnull (backup);
    g_assert_true (cockpit_upgrade_backup_get_extended (backup));
    g_assert_true (g_date_time_equal (cockpit_upgrade_backup_get_expires_at (backup),
                                      cockpit_upgrade_backup_get_max_expires_at (backup)));
  }
  g_clear_object (&environment);
  g_clear_object (&action);

  /* Deleting it. */
  action = start_ok (f, "globex", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP, NULL, NULL);
  finish_ok (f, action);
  environment = sim_get_environment (f->client, "globex", COCKPIT_ENVIRONMENT_KIND_LIVE);
  g_assert_null (cockpit_environment_get_upgrade_backup (environment));
  g_clear_object (&environment);
  g_clear_object (&action);

  /* Upgrading Live makes an upgrade backup; restoring it goes back. */
  action = start_ok (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_UPGRADE, "6.3.21", NULL);
  {
    g_autoptr(CockpitStage) last = g_list_model_get_item (cockpit_action_get_stages (action), 4);

    g_assert_cmpint (cockpit_stage_get_name (last), ==, COCKPIT_STAGE_KEEP_BACKUP);
  }
  finish_ok (f, action);
  environment = sim_get_environment (f->client, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE);
  g_assert_cmpstr (cockpit_environment_get_magnolia_version (environment), ==, "6.3.21");
  g_assert_nonnull (cockpit_environment_get_upgrade_backup (environment));
  g_assert_cmpstr (cockpit_upgrade_backup_get_from_version (cockpit_environment_get_upgrade_backup (environment)), ==, "6.3.18");
  g_clear_object (&environment);
  g_clear_object (&action);

  action = start_ok (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP, NULL, NULL);
  g_assert_cmpint (cockpit_action_get_stage (action), ==, COCKPIT_STAGE_RESTORE_UPGRADE_BACKUP);
  finish_ok (f, action);
  environment = sim_get_environment (f->client, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE);
  g_assert_cmpstr (cockpit_environment_get_magnolia_version (environment), ==, "6.3.18");
}

static void
test_extend_to_a_time (SimFixture    *f,
                       gconstpointer  data)
{
  g_autoptr(CockpitEnvironment) environment = sim_get_environment (f->client, "globex", COCKPIT_ENVIRONMENT_KIND_LIVE);
  CockpitUpgradeBackup *backup = cockpit_environment_get_upgrade_backup (environment);
  g_autoptr(GDateTime) wanted = g_date_time_add_hours (cockpit_upgrade_backup_get_expires_at (backup), 24);
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(CockpitEnvironment) after = NULL;
  g_autofree char *wanted_text = cockpit_date_time_format (wanted);
  JsonNode *params;

  action = start_ok (f, "globex", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP, NULL, wanted);
  params = cockpit_action_get_params (action);
  g_assert_nonnull (params);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (params), "expires_at"), ==, wanted_text);
  finish_ok (f, action);

  after = sim_get_environment (f->client, "globex", COCKPIT_ENVIRONMENT_KIND_LIVE);
  g_assert_true (g_date_time_equal (cockpit_upgrade_backup_get_expires_at (cockpit_environment_get_upgrade_backup (after)),
                                    wanted));
}

static void
test_get_action (SimFixture    *f,
                 gconstpointer  data)
{
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(CockpitAction) fetched = NULL;
  g_autoptr(CockpitAction) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) answer = NULL;
  guint status = 0;

  action = start_ok (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_ACTION_KIND_UPGRADE, "6.3.21", NULL);

  fetched = sim_get_action (f->client, cockpit_action_get_id (action), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cockpit_action_get_status (fetched), ==, COCKPIT_ACTION_STATUS_RUNNING);
  g_assert_cmpint (cockpit_action_get_stage (fetched), ==, COCKPIT_STAGE_CREATE_REPLICA);
  g_clear_object (&fetched);

  /* Two stages later, through the clock test control. */
  answer = sim_raw_request (f, "POST", "/_sim/clock", "{\"advance_seconds\": 121}", NULL, &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_OK);
  fetched = sim_get_action (f->client, cockpit_action_get_id (action), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cockpit_action_get_stage (fetched), ==, COCKPIT_STAGE_VERIFY_REPLICA);
  g_assert_cmpfloat (cockpit_action_get_progress (fetched), >, 0.0);
  g_assert_cmpfloat (cockpit_action_get_progress (fetched), <, 1.0);

  finish_ok (f, action);

  missing = sim_get_action (f->client, "act-does-not-exist", &error);
  g_assert_null (missing);
  assert_error (error, COCKPIT_CLIENT_ERROR_NOT_FOUND);
}

static void
test_list_actions (SimFixture    *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) before = sim_list_actions (f->client, "acmeweb", 0, &error);
  g_autoptr(GListStore) all = NULL;
  g_autoptr(GListStore) two = NULL;
  g_autoptr(GListStore) missing = NULL;
  const char *ids[3];
  guint n_before;

  g_assert_no_error (error);
  n_before = g_list_model_get_n_items (G_LIST_MODEL (before));

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CockpitAction) action = start_ok (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE,
                                                  COCKPIT_ACTION_KIND_CREATE_BACKUP, NULL, NULL);

      ids[i] = g_intern_string (cockpit_action_get_id (action));
      finish_actions (f);
    }

  all = sim_list_actions (f->client, "acmeweb", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, n_before + 3);

  /* Newest first, and the limit is kept. */
  two = sim_list_actions (f->client, "acmeweb", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (two)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CockpitAction) action = g_list_model_get_item (G_LIST_MODEL (two), i);

      g_assert_cmpstr (cockpit_action_get_id (action), ==, ids[2 - i]);
      g_assert_cmpint (cockpit_action_get_status (action), ==, COCKPIT_ACTION_STATUS_SUCCEEDED);
    }

  missing = sim_list_actions (f->client, "nobody", 0, &error);
  g_assert_null (missing);
  assert_error (error, COCKPIT_CLIENT_ERROR_NOT_FOUND);
}

/* The activity log --------------------------------------------------------------- */

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *h = haystack ? g_utf8_casefold (haystack, -1) : NULL;
  g_autofree char *n = g_utf8_casefold (needle, -1);

  return h != NULL && strstr (h, n) != NULL;
}

static void
test_activity (SimFixture    *f,
               gconstpointer  data)
{
  CockpitActivityQuery query = { .limit = 5, .type = -1, .affects = COCKPIT_ENVIRONMENT_KIND_NONE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) all = NULL;
  g_autoptr(GListStore) first = NULL;
  g_autoptr(GListStore) second = NULL;
  g_autofree char *next = NULL;
  g_autofree char *next2 = NULL;
  g_autofree char *end = NULL;
  g_autoptr(GDateTime) last_of_first = NULL;

  /* No query: the server's default page. */
  all = sim_list_activity (f->client, "acmeweb", NULL, &end, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 100);
  g_assert_nonnull (end);
  g_clear_pointer (&end, g_free);

  first = sim_list_activity (f->client, "acmeweb", &query, &next, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first)), ==, 5);
  g_assert_nonnull (next);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(CockpitActivityEntry) entry = g_list_model_get_item (G_LIST_MODEL (first), i);
      g_autoptr(CockpitActivityEntry) same = g_list_model_get_item (G_LIST_MODEL (all), i);

      g_assert_cmpstr (cockpit_activity_entry_get_id (entry), ==, cockpit_activity_entry_get_id (same));
      if (i == 4)
        last_of_first = g_date_time_ref (cockpit_activity_entry_get_at (entry));
    }

  /* The next page follows on, older. */
  query.before = next;
  second = sim_list_activity (f->client, "acmeweb", &query, &next2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second)), ==, 5);
  g_assert_nonnull (next2);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(CockpitActivityEntry) entry = g_list_model_get_item (G_LIST_MODEL (second), i);
      g_autoptr(CockpitActivityEntry) same = g_list_model_get_item (G_LIST_MODEL (all), 5 + i);

      g_assert_cmpstr (cockpit_activity_entry_get_id (entry), ==, cockpit_activity_entry_get_id (same));
      g_assert_cmpint (g_date_time_compare (cockpit_activity_entry_get_at (entry), last_of_first), <=, 0);
    }
}

static void
test_activity_filters (SimFixture    *f,
                       gconstpointer  data)
{
  static const struct {
    int                     type;
    CockpitEnvironmentKind  affects;
    const char             *q;
  } cases[] = {
    { COCKPIT_ENTRY_TYPE_ERROR, COCKPIT_ENVIRONMENT_KIND_NONE, NULL },
    { COCKPIT_ENTRY_TYPE_WARNING, COCKPIT_ENVIRONMENT_KIND_NONE, NULL },
    { -1, COCKPIT_ENVIRONMENT_KIND_UAT, NULL },
    { -1, COCKPIT_ENVIRONMENT_KIND_NONE, "BACKED UP" },
    { COCKPIT_ENTRY_TYPE_INFO, COCKPIT_ENVIRONMENT_KIND_LIVE, "upgraded" },
    { -1, COCKPIT_ENVIRONMENT_KIND_NONE, "6.3.19" },
    { -1, COCKPIT_ENVIRONMENT_KIND_NONE, "Ünïcode & ?=/ that matches nothing" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      CockpitActivityQuery query = { .limit = 1000, .type = cases[c].type,
                                     .affects = cases[c].affects, .query = cases[c].q };
      g_autoptr(GError) error = NULL;
      g_autoptr(GListStore) entries = NULL;
      g_autofree char *next = NULL;
      guint n;

      g_test_message ("type %d, affects %d, q %s", cases[c].type, cases[c].affects, cases[c].q);
      entries = sim_list_activity (f->client, "acmeweb", &query, &next, &error);
      g_assert_no_error (error);
      n = g_list_model_get_n_items (G_LIST_MODEL (entries));
      if (c + 1 < G_N_ELEMENTS (cases))
        g_assert_cmpuint (n, >, 0);
      else
        g_assert_cmpuint (n, ==, 0);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CockpitActivityEntry) entry = g_list_model_get_item (G_LIST_MODEL (entries), i);

          if (cases[c].type >= 0)
            g_assert_cmpint (cockpit_activity_entry_get_entry_type (entry), ==, cases[c].type);
          if (cases[c].affects != COCKPIT_ENVIRONMENT_KIND_NONE)
            g_assert_cmpint (cockpit_activity_entry_get_affects (entry), ==, cases[c].affects);
          if (cases[c].q != NULL)
            g_assert_true (contains_folded (cockpit_activity_entry_get_activity (entry), cases[c].q) ||
                           contains_folded (cockpit_activity_entry_get_by (entry), cases[c].q) ||
                           contains_folded (cockpit_activity_entry_get_bundle (entry), cases[c].q));
        }
    }
}

static void
test_activity_end (SimFixture    *f,
                   gconstpointer  data)
{
  CockpitActivityQuery query = { .limit = 1, .type = -1, .affects = COCKPIT_ENVIRONMENT_KIND_INTEGRATION,
                                 .query = "torn down" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) entries = NULL;
  g_autofree char *sentinel = g_strdup ("not touched");
  char *next = sentinel;

  /* Exactly one match: a full page and no next one. */
  entries = sim_list_activity (f->client, "umbrella", &query, &next, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, 1);
  g_assert_null (next);
}

static void
test_activity_cursor_misuse (SimFixture    *f,
                             gconstpointer  data)
{
  CockpitActivityQuery query = { .limit = 2, .type = COCKPIT_ENTRY_TYPE_INFO,
                                 .affects = COCKPIT_ENVIRONMENT_KIND_NONE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) entries = NULL;
  g_autofree char *next = NULL;
  g_autofree char *ignored = NULL;

  entries = sim_list_activity (f->client, "acmeweb", &query, &next, &error);
  g_assert_no_error (error);
  g_assert_nonnull (next);
  g_clear_object (&entries);

  /* The cursor of one filter used with another. */
  query.before = next;
  query.type = COCKPIT_ENTRY_TYPE_ERROR;
  entries = sim_list_activity (f->client, "acmeweb", &query, &ignored, &error);
  g_assert_null (entries);
  g_assert_null (ignored);
  assert_error (error, COCKPIT_CLIENT_ERROR_BAD_REQUEST);
  g_clear_error (&error);

  /* ... with another package. */
  query.type = COCKPIT_ENTRY_TYPE_INFO;
  entries = sim_list_activity (f->client, "globex", &query, NULL, &error);
  g_assert_null (entries);
  assert_error (error, COCKPIT_CLIENT_ERROR_BAD_REQUEST);
  g_clear_error (&error);

  /* A made-up cursor, with characters that need escaping. */
  query.before = "not a cursor&type=info";
  entries = sim_list_activity (f->client, "acmeweb", &query, NULL, &error);
  g_assert_null (entries);
  assert_error (error, COCKPIT_CLIENT_ERROR_BAD_REQUEST);
  g_clear_error (&error);

  /* The same cursor with its own filter still works. */
  query.before = next;
  entries = sim_list_activity (f->client, "acmeweb", &query, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, 2);
}

static void
test_activity_after_action (SimFixture    *f,
                            gconstpointer  data)
{
  CockpitActivityQuery query = { .limit = 1, .type = -1, .affects = COCKPIT_ENVIRONMENT_KIND_NONE };
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GListStore) entries = NULL;
  g_autoptr(CockpitActivityEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  action = start_ok (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_ACTION_KIND_UPGRADE, "6.3.21", NULL);
  finish_ok (f, action);

  /* A finished action writes one entry, newest of all. */
  entries = sim_list_activity (f->client, "acmeweb", &query, NULL, &error);
  g_assert_no_error (error);
  entry = g_list_model_get_item (G_LIST_MODEL (entries), 0);
  g_assert_cmpstr (cockpit_activity_entry_get_action_id (entry), ==, cockpit_action_get_id (action));
  g_assert_cmpint (cockpit_activity_entry_get_entry_type (entry), ==, COCKPIT_ENTRY_TYPE_INFO);
  g_assert_cmpint (cockpit_activity_entry_get_affects (entry), ==, COCKPIT_ENVIRONMENT_KIND_UAT);
  g_assert_cmpstr (cockpit_activity_entry_get_by (entry), ==, "Alex Example");
}

/* Notifications ----------------------------------------------------------------- */

static GListStore *
list_notifications (SimFixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListStore *notifications;

  cockpit_client_list_notifications_async (f->client, NULL, api_result_cb, &result);
  api_wait_result (&result);
  notifications = cockpit_client_list_notifications_finish (f->client, result, &error);
  g_assert_no_error (error);
  return notifications;
}

static CockpitNotification *
find_notification (GListStore *notifications,
                   const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (notifications)); i++)
    {
      g_autoptr(CockpitNotification) notification = g_list_model_get_item (G_LIST_MODEL (notifications), i);

      if (g_strcmp0 (cockpit_notification_get_id (notification), id) == 0)
        return notification;
    }
  return NULL;
}

static gboolean
mark_notification (SimFixture  *f,
                   const char  *id,
                   gboolean     archive,
                   GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  if (archive)
    cockpit_client_archive_notification_async (f->client, id, NULL, api_result_cb, &result);
  else
    cockpit_client_mark_notification_read_async (f->client, id, NULL, api_result_cb, &result);
  api_wait_result (&result);
  return cockpit_client_notification_finish (f->client, result, error);
}

static void
test_notifications (SimFixture    *f,
                    gconstpointer  data)
{
  g_autoptr(GListStore) notifications = list_notifications (f);
  g_autoptr(GListStore) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  CockpitNotification *notification;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (notifications)), ==, 6);
  for (guint i = 0; i < 6 && id == NULL; i++)
    {
      g_autoptr(CockpitNotification) item = g_list_model_get_item (G_LIST_MODEL (notifications), i);

      if (!cockpit_notification_get_read (item) && !cockpit_notification_get_archived (item))
        id = g_strdup (cockpit_notification_get_id (item));
    }
  g_assert_nonnull (id);

  g_assert_true (mark_notification (f, id, FALSE, &error));
  g_assert_no_error (error);
  after = list_notifications (f);
  notification = find_notification (after, id);
  g_assert_true (cockpit_notification_get_read (notification));
  g_assert_false (cockpit_notification_get_archived (notification));
  g_clear_object (&after);

  /* Marking again does no harm. */
  g_assert_true (mark_notification (f, id, FALSE, &error));
  g_assert_no_error (error);

  g_assert_true (mark_notification (f, id, TRUE, &error));
  g_assert_no_error (error);
  after = list_notifications (f);
  notification = find_notification (after, id);
  g_assert_true (cockpit_notification_get_archived (notification));

  g_assert_false (mark_notification (f, "ntf-does-not-exist", TRUE, &error));
  assert_error (error, COCKPIT_CLIENT_ERROR_NOT_FOUND);
}

/* Errors: one test per code of the contract --------------------------------------- */

/* Starts @kind and checks that it is refused with @code, and that no
 * action was started. */
static void
assert_refused (SimFixture             *f,
                const char             *package_id,
                CockpitEnvironmentKind  env_kind,
                CockpitActionKind       kind,
                const char             *target_version,
                GDateTime              *expires_at,
                CockpitClientError      code,
                const char             *in_message)
{
  g_autoptr(CockpitEnvironment) environment = sim_get_environment (f->client, package_id, env_kind);
  g_autoptr(GListStore) before = sim_list_actions (f->client, package_id, 0, NULL);
  g_autoptr(GListStore) after = NULL;
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GError) error = NULL;

  action = sim_start_action (f->client, environment, kind, target_version, expires_at, NULL, &error);
  g_assert_null (action);
  assert_error (error, code);
  if (in_message != NULL)
    g_assert_nonnull (strstr (error->message, in_message));

  after = sim_list_actions (f->client, package_id, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (after)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (before)));
}

static void
test_error_unauthorized (SimFixture    *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitClient) wrong = cockpit_client_new (f->base, "not-the-token", &error);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CockpitUser) user = NULL;
  g_autoptr(CockpitPackage) package = NULL;

  g_assert_no_error (error);
  cockpit_client_get_me_async (wrong, NULL, api_result_cb, &result);
  api_wait_result (&result);
  user = cockpit_client_get_me_finish (wrong, result, &error);
  g_assert_null (user);
  assert_error (error, COCKPIT_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_null (strstr (error->message, "not-the-token"));
  g_clear_error (&error);

  package = sim_get_package (wrong, "acmeweb", &error);
  g_assert_null (package);
  assert_error (error, COCKPIT_CLIENT_ERROR_UNAUTHORIZED);
}

static void
test_error_not_found (SimFixture    *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitPackage) package = sim_get_package (f->client, "nobody", &error);
  g_autoptr(CockpitEnvironment) environment = sim_get_environment (f->client, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT);
  g_autoptr(CockpitAction) action = NULL;

  g_assert_null (package);
  assert_error (error, COCKPIT_CLIENT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An environment the cockpit does not know. */
  cockpit_environment_set_id (environment, "acmeweb-staging");
  action = sim_start_action (f->client, environment, COCKPIT_ACTION_KIND_UPGRADE, "6.3.21", NULL, NULL, &error);
  g_assert_null (action);
  assert_error (error, COCKPIT_CLIENT_ERROR_NOT_FOUND);
}

static void
test_error_bad_request (SimFixture    *f,
                        gconstpointer  data)
{
  g_autoptr(CockpitEnvironment) environment = sim_get_environment (f->client, "globex", COCKPIT_ENVIRONMENT_KIND_LIVE);
  CockpitUpgradeBackup *backup = cockpit_environment_get_upgrade_backup (environment);
  g_autoptr(GDateTime) earlier = g_date_time_add_hours (cockpit_upgrade_backup_get_expires_at (backup), -1);

  assert_refused (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_ACTION_KIND_UPGRADE,
                  "six point three", NULL, COCKPIT_CLIENT_ERROR_BAD_REQUEST, NULL);
  /* An extension may only move the expiry later. */
  assert_refused (f, "globex", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP,
                  NULL, earlier, COCKPIT_CLIENT_ERROR_BAD_REQUEST, NULL);
}

static void
test_error_package_busy (SimFixture    *f,
                         gconstpointer  data)
{
  g_autoptr(CockpitAction) action = NULL;

  action = start_ok (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_ACTION_KIND_UPGRADE, "6.3.21", NULL);
  assert_refused (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_CREATE_BACKUP,
                  NULL, NULL, COCKPIT_CLIENT_ERROR_PACKAGE_BUSY, NULL);
  assert_refused (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_INTEGRATION, COCKPIT_ACTION_KIND_TEARDOWN,
                  NULL, NULL, COCKPIT_CLIENT_ERROR_PACKAGE_BUSY, NULL);

  /* Free again once it has ended. */
  finish_ok (f, action);
  g_clear_object (&action);
  action = start_ok (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_CREATE_BACKUP, NULL, NULL);
}

static void
test_error_maintenance (SimFixture    *f,
                        gconstpointer  data)
{
  g_autoptr(CockpitPackage) package = NULL;
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GError) error = NULL;

  /* The seed's package in maintenance. */
  assert_refused (f, "initech", COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_ACTION_KIND_UPGRADE,
                  "6.3.21", NULL, COCKPIT_CLIENT_ERROR_MAINTENANCE, NULL);

  /* One put in maintenance by the test control: the cockpit's reason is
   * part of the message. */
  sim_control (f, "/_sim/packages/acmeweb/maintenance", "{\"message\": \"Moving to a new data centre.\"}");
  package = sim_get_package (f->client, "acmeweb", &error);
  g_assert_no_error (error);
  g_assert_true (cockpit_package_is_in_maintenance (package));
  assert_refused (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_CREATE_BACKUP,
                  NULL, NULL, COCKPIT_CLIENT_ERROR_MAINTENANCE, "Moving to a new data centre.");

  sim_control (f, "/_sim/packages/acmeweb/maintenance", "{\"message\": null}");
  action = start_ok (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_CREATE_BACKUP, NULL, NULL);
}

static void
test_error_environment_protected (SimFixture    *f,
                                  gconstpointer  data)
{
  assert_refused (f, "umbrella", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_UPGRADE,
                  "6.2.66", NULL, COCKPIT_CLIENT_ERROR_ENVIRONMENT_PROTECTED, "Live");
  assert_refused (f, "umbrella", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_TEARDOWN,
                  NULL, NULL, COCKPIT_CLIENT_ERROR_ENVIRONMENT_PROTECTED, "Live");
}

static void
test_error_upgrade_backup_exists (SimFixture    *f,
                                  gconstpointer  data)
{
  assert_refused (f, "globex", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_UPGRADE,
                  "6.4.3", NULL, COCKPIT_CLIENT_ERROR_UPGRADE_BACKUP_EXISTS, "before upgrading again");
  assert_refused (f, "globex", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_TEARDOWN,
                  NULL, NULL, COCKPIT_CLIENT_ERROR_UPGRADE_BACKUP_EXISTS, "before tearing Live down");
}

static void
test_error_version_not_available (SimFixture    *f,
                                  gconstpointer  data)
{
  /* Its own version, an older one, and one that was never released. */
  assert_refused (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_UPGRADE,
                  "6.3.18", NULL, COCKPIT_CLIENT_ERROR_VERSION_NOT_AVAILABLE, "Live");
  assert_refused (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_ACTION_KIND_UPGRADE,
                  "6.2.66", NULL, COCKPIT_CLIENT_ERROR_VERSION_NOT_AVAILABLE, "UAT");
  assert_refused (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_ACTION_KIND_UPGRADE,
                  "6.3.99", NULL, COCKPIT_CLIENT_ERROR_VERSION_NOT_AVAILABLE, NULL);
}

static void
test_error_no_upgrade_backup (SimFixture    *f,
                              gconstpointer  data)
{
  assert_refused (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP,
                  NULL, NULL, COCKPIT_CLIENT_ERROR_NO_UPGRADE_BACKUP, NULL);
  assert_refused (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP,
                  NULL, NULL, COCKPIT_CLIENT_ERROR_NO_UPGRADE_BACKUP, NULL);
  assert_refused (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP,
                  NULL, NULL, COCKPIT_CLIENT_ERROR_NO_UPGRADE_BACKUP, NULL);
}

static void
test_error_extension_limit (SimFixture    *f,
                            gconstpointer  data)
{
  g_autoptr(CockpitEnvironment) environment = sim_get_environment (f->client, "globex", COCKPIT_ENVIRONMENT_KIND_LIVE);
  CockpitUpgradeBackup *backup = cockpit_environment_get_upgrade_backup (environment);
  g_autoptr(GDateTime) too_late = g_date_time_add_hours (cockpit_upgrade_backup_get_max_expires_at (backup), 1);

  assert_refused (f, "globex", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP,
                  NULL, too_late, COCKPIT_CLIENT_ERROR_EXTENSION_LIMIT, "Cloud Helpdesk");
}

static void
test_error_not_supported (SimFixture    *f,
                          gconstpointer  data)
{
  assert_refused (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_ACTION_KIND_CREATE_BACKUP,
                  NULL, NULL, COCKPIT_CLIENT_ERROR_NOT_SUPPORTED, NULL);
}

/* Idempotency ------------------------------------------------------------------------ */

static void
test_same_key_twice (SimFixture    *f,
                     gconstpointer  data)
{
  g_autoptr(CockpitEnvironment) environment = sim_get_environment (f->client, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT);
  g_autofree char *key = cockpit_client_new_idempotency_key ();
  g_autoptr(GListStore) before = sim_list_actions (f->client, "acmeweb", 0, NULL);
  g_autoptr(GListStore) after = NULL;
  g_autoptr(CockpitAction) first = NULL;
  g_autoptr(CockpitAction) second = NULL;
  g_autoptr(GError) error = NULL;

  first = sim_start_action (f->client, environment, COCKPIT_ACTION_KIND_UPGRADE, "6.3.21", NULL, key, &error);
  g_assert_no_error (error);
  /* The same intent sent again, as after a lost answer: no busy error,
   * the first answer again. */
  second = sim_start_action (f->client, environment, COCKPIT_ACTION_KIND_UPGRADE, "6.3.21", NULL, key, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cockpit_action_get_id (first), ==, cockpit_action_get_id (second));

  after = sim_list_actions (f->client, "acmeweb", 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (after)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (before)) + 1);
}

static void
test_error_idempotency_mismatch (SimFixture    *f,
                                 gconstpointer  data)
{
  g_autoptr(CockpitEnvironment) environment = sim_get_environment (f->client, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT);
  g_autofree char *key = cockpit_client_new_idempotency_key ();
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GError) error = NULL;
  guint status = 0;

  /* Someone else used the key for an upgrade to 6.3.21 ... */
  answer = sim_raw_request (f, "POST", "/api/v1/packages/acmeweb/environments/acmeweb-uat/upgrade",
                            "{\"target_version\": \"6.3.21\"}", key, &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_ACCEPTED);

  /* ... so the same key for 6.4.3 is refused, and nothing is started. */
  action = sim_start_action (f->client, environment, COCKPIT_ACTION_KIND_UPGRADE, "6.4.3", NULL, key, &error);
  g_assert_null (action);
  assert_error (error, COCKPIT_CLIENT_ERROR_IDEMPOTENCY_MISMATCH);
}

/* Every code of the contract has its own client error. */
static void
test_error_codes_distinct (void)
{
  static const CockpitClientError codes[] = {
    COCKPIT_CLIENT_ERROR_UNAUTHORIZED, COCKPIT_CLIENT_ERROR_NOT_FOUND, COCKPIT_CLIENT_ERROR_BAD_REQUEST,
    COCKPIT_CLIENT_ERROR_PACKAGE_BUSY, COCKPIT_CLIENT_ERROR_MAINTENANCE, COCKPIT_CLIENT_ERROR_ENVIRONMENT_PROTECTED,
    COCKPIT_CLIENT_ERROR_UPGRADE_BACKUP_EXISTS, COCKPIT_CLIENT_ERROR_VERSION_NOT_AVAILABLE,
    COCKPIT_CLIENT_ERROR_NO_UPGRADE_BACKUP, COCKPIT_CLIENT_ERROR_EXTENSION_LIMIT,
    COCKPIT_CLIENT_ERROR_NOT_SUPPORTED, COCKPIT_CLIENT_ERROR_IDEMPOTENCY_MISMATCH,
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (codes); j++)
      g_assert_cmpint (codes[i], !=, codes[j]);
}

/* Which errors prove that the cockpit did not carry out a request: the
 * tracker and the wizard decide with this one answer. */
static void
test_error_rejection (void)
{
  static const struct {
    GQuark   domain;
    int      code;
    gboolean rejection;
  } cases[] = {
    { 0, COCKPIT_CLIENT_ERROR_PACKAGE_BUSY, TRUE },
    { 0, COCKPIT_CLIENT_ERROR_MAINTENANCE, TRUE },
    { 0, COCKPIT_CLIENT_ERROR_UNAUTHORIZED, TRUE },
    { 0, COCKPIT_CLIENT_ERROR_VERSION_NOT_AVAILABLE, TRUE },
    { 0, COCKPIT_CLIENT_ERROR_NETWORK, FALSE },
    { 0, COCKPIT_CLIENT_ERROR_TIMED_OUT, FALSE },
    { 0, COCKPIT_CLIENT_ERROR_SERVER, FALSE },
    { 0, COCKPIT_CLIENT_ERROR_BAD_RESPONSE, FALSE },
    { 0, COCKPIT_CLIENT_ERROR_RESPONSE_TOO_LARGE, FALSE },
    { 0, COCKPIT_CLIENT_ERROR_FAILED, FALSE },
    { 1, G_IO_ERROR_CANCELLED, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (cases[i].domain ? G_IO_ERROR : COCKPIT_CLIENT_ERROR,
                                                     cases[i].code, "x");

      g_assert_cmpint (cockpit_client_error_is_rejection (error), ==, cases[i].rejection);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cockpit/client/" path, SimFixture, TOKEN, sim_fixture_setup, func, sim_fixture_teardown)

  ADD ("me", test_me);
  ADD ("packages", test_packages);
  ADD ("package", test_package);
  ADD ("releases", test_releases);
  ADD ("available-versions", test_available_versions);
  ADD ("actions/every-kind", test_action_kinds);
  ADD ("actions/extend-to-a-time", test_extend_to_a_time);
  ADD ("actions/get", test_get_action);
  ADD ("actions/list", test_list_actions);
  ADD ("activity/pages", test_activity);
  ADD ("activity/filters", test_activity_filters);
  ADD ("activity/end", test_activity_end);
  ADD ("activity/cursor-misuse", test_activity_cursor_misuse);
  ADD ("activity/after-action", test_activity_after_action);
  ADD ("notifications", test_notifications);
  ADD ("error/unauthorized", test_error_unauthorized);
  ADD ("error/not-found", test_error_not_found);
  ADD ("error/bad-request", test_error_bad_request);
  ADD ("error/package-busy", test_error_package_busy);
  ADD ("error/maintenance", test_error_maintenance);
  ADD ("error/environment-protected", test_error_environment_protected);
  ADD ("error/upgrade-backup-exists", test_error_upgrade_backup_exists);
  ADD ("error/version-not-available", test_error_version_not_available);
  ADD ("error/no-upgrade-backup", test_error_no_upgrade_backup);
  ADD ("error/extension-limit", test_error_extension_limit);
  ADD ("error/not-supported", test_error_not_supported);
  ADD ("error/idempotency-mismatch", test_error_idempotency_mismatch);
  ADD ("idempotency/same-key-twice", test_same_key_twice);
  g_test_add_func ("/cockpit/client/error/codes-distinct", test_error_codes_distinct);
  g_test_add_func ("/cockpit/client/error/rejection", test_error_rejection);

#undef ADD

  return g_test_run ();
}
