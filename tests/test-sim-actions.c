/* test-sim-actions.c: the simulator's actions, their rejections and idempotency, over real HTTP.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo seed: acmeweb (Live 6.3.18, UAT 6.3.19, Integration 6.3.21,
 * ready), globex (Live 6.3.21 with an upgrade backup, 30 h left), initech
 * (in maintenance), umbrella (Live protected, Integration torn down).
 * Stages take SIM_TEST_STAGE_SECONDS; only the test moves the clock.
 */
#include "config.h"

#include <string.h>

#include "sim-test-util.h"

#define ENV(p, k) "/api/v1/packages/" p "/environments/" p "-" k
#define STAGE SIM_TEST_STAGE_SECONDS
#define HOUR  3600
#define DAY   (24 * HOUR)

/* Helpers */

static JsonNode *
get_action (SimTest    *f,
            JsonNode   *action)
{
  g_autofree char *path = g_strconcat ("/api/v1/actions/", sim_json_string (action, "id"), NULL);

  return sim_get (f, path);
}

static JsonNode *
newest_entry (SimTest    *f,
              const char *package_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/packages/%s/activity?limit=1", package_id);
  g_autoptr(JsonNode) page = sim_get (f, path);

  g_assert_cmpuint (sim_json_length (page, "entries"), ==, 1);
  return json_node_copy (sim_json (page, "entries.0"));
}

static guint
count_entries (SimTest    *f,
               const char *package_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/packages/%s/activity?limit=1000", package_id);
  g_autoptr(JsonNode) page = sim_get (f, path);

  g_assert_true (sim_json_is_null (page, "next_before"));
  return sim_json_length (page, "entries");
}

static void
assert_stage (JsonNode   *action,
              guint       index,
              const char *name,
              const char *status)
{
  g_autofree char *name_path = g_strdup_printf ("stages.%u.name", index);
  g_autofree char *status_path = g_strdup_printf ("stages.%u.status", index);

  g_assert_cmpstr (sim_json_string (action, name_path), ==, name);
  g_assert_cmpstr (sim_json_string (action, status_path), ==, status);
}

static void
assert_rejected (SimTest    *f,
                 const char *method,
                 const char *path,
                 const char *body,
                 guint       status,
                 const char *code)
{
  g_autoptr(SimAnswer) answer = sim_request (f, method, path, body, NULL);

  g_test_message ("%s %s %s → %u %s", method, path, body ? body : "", status, code);
  sim_assert_error (answer, status, code);
}

static void
set_maintenance (SimTest    *f,
                 const char *package_id,
                 const char *message)
{
  g_autofree char *path = g_strdup_printf ("/_sim/packages/%s/maintenance", package_id);
  g_autofree char *body = NULL;
  g_autoptr(SimAnswer) answer = NULL;

  if (message != NULL)
    body = g_strdup_printf ("{\"message\": \"%s\"}", message);
  else
    body = g_strdup ("{\"message\": null}");
  answer = sim_request (f, "POST", path, body, NULL);
  g_assert_cmpuint (answer->status, ==, SOUP_STATUS_OK);
  g_assert_cmpstr (sim_json_string (answer->json, "status"), ==, message ? "maintenance" : "ok");
}

static void
fail_next (SimTest    *f,
           const char *stage)
{
  g_autofree char *body = g_strdup_printf ("{\"stage\": \"%s\"}", stage);
  g_autoptr(SimAnswer) answer = sim_request (f, "POST", "/_sim/fail-next", body, NULL);

  g_assert_cmpuint (answer->status, ==, SOUP_STATUS_OK);
}

/* Upgrades acmeweb's Live to 6.3.21 and waits until it is done; returns
 * the finished action. */
static JsonNode *
upgrade_acme_live (SimTest *f)
{
  g_autoptr(JsonNode) action = sim_start (f, "POST", ENV ("acmeweb", "live") "/upgrade",
                                          "{\"target_version\": \"6.3.21\"}");

  sim_advance (f, 5 * STAGE);
  return get_action (f, action);
}

/* Upgrades */

static void
test_upgrade_live (SimTest       *f,
                   gconstpointer  data)
{
  static const char *const names[] = {
    "create_replica", "deploy_version", "verify_replica", "switch_traffic", "keep_backup",
  };
  g_autoptr(JsonNode) action = NULL;
  g_autoptr(JsonNode) now = NULL;
  g_autoptr(JsonNode) env = NULL;
  g_autoptr(JsonNode) package = NULL;
  g_autoptr(JsonNode) entry = NULL;
  gint64 created;

  action = sim_start (f, "POST", ENV ("acmeweb", "live") "/upgrade", "{\"target_version\": \"6.3.21\"}");
  g_assert_cmpstr (sim_json_string (action, "kind"), ==, "upgrade");
  g_assert_cmpstr (sim_json_string (action, "package_id"), ==, "acmeweb");
  g_assert_cmpstr (sim_json_string (action, "environment_id"), ==, "acmeweb-live");
  g_assert_cmpstr (sim_json_string (action, "params.target_version"), ==, "6.3.21");
  g_assert_cmpstr (sim_json_string (action, "requested_by"), ==, "Alex Example");
  g_assert_cmpstr (sim_json_string (action, "stage"), ==, "create_replica");
  g_assert_true (sim_json_is_null (action, "finished_at"));
  g_assert_true (sim_json_is_null (action, "error"));
  g_assert_cmpuint (sim_json_length (action, "stages"), ==, 5);
  for (guint i = 0; i < 5; i++)
    assert_stage (action, i, names[i], i == 0 ? "running" : "pending");
  g_assert_cmpfloat (sim_json_double (action, "progress"), >=, 0.0);
  g_assert_cmpfloat (sim_json_double (action, "progress"), <, 0.2);
  created = sim_json_time (action, "created_at");
  g_assert_cmpint (sim_json_time (action, "stages.0.started_at"), ==, created);

  /* While it runs, the environment says so and the package shows it. */
  package = sim_get (f, "/api/v1/packages/acmeweb");
  g_assert_cmpstr (sim_json_string (package, "running_action.id"), ==, sim_json_string (action, "id"));
  g_assert_cmpstr (sim_json_string (sim_package_environment (package, "live"), "state"), ==, "upgrading");
  g_assert_cmpstr (sim_json_string (sim_package_environment (package, "uat"), "state"), ==, "running");

  /* The stages follow each other, one per STAGE seconds. */
  for (guint i = 1; i < 5; i++)
    {
      g_autoptr(JsonNode) step = NULL;
      g_autofree char *path = g_strdup_printf ("stages.%u.finished_at", i - 1);

      sim_advance (f, STAGE);
      step = get_action (f, action);
      g_assert_cmpstr (sim_json_string (step, "status"), ==, "running");
      g_assert_cmpstr (sim_json_string (step, "stage"), ==, names[i]);
      assert_stage (step, i - 1, names[i - 1], "done");
      assert_stage (step, i, names[i], "running");
      g_assert_cmpint (sim_json_time (step, path), ==, created + i * STAGE);
      g_assert_cmpfloat (sim_json_double (step, "progress"), >=, i / 5.0);
      g_assert_cmpfloat (sim_json_double (step, "progress"), <, (i + 1) / 5.0);

      /* Traffic moves to the new version when switch_traffic ends. */
      g_clear_pointer (&env, json_node_unref);
      env = sim_get_environment_json (f, "acmeweb", "live");
      g_assert_cmpstr (sim_json_string (env, "magnolia_version"), ==, i < 4 ? "6.3.18" : "6.3.21");
      g_assert_cmpstr (sim_json_string (env, "state"), ==, "upgrading");
    }

  sim_advance (f, STAGE);
  now = get_action (f, action);
  g_assert_cmpstr (sim_json_string (now, "status"), ==, "succeeded");
  g_assert_true (sim_json_is_null (now, "stage"));
  g_assert_cmpfloat (sim_json_double (now, "progress"), ==, 1.0);
  g_assert_cmpint (sim_json_time (now, "finished_at"), ==, created + 5 * STAGE);
  for (guint i = 0; i < 5; i++)
    assert_stage (now, i, names[i], "done");

  g_clear_pointer (&env, json_node_unref);
  env = sim_get_environment_json (f, "acmeweb", "live");
  g_assert_cmpstr (sim_json_string (env, "state"), ==, "running");
  g_assert_cmpstr (sim_json_string (env, "magnolia_version"), ==, "6.3.21");
  g_assert_cmpstr (sim_json_string (env, "bundle"), ==, "magnolia-dx-core-cloud-webapp-6.3.21");
  g_assert_cmpstr (sim_json_string (env, "upgrade_backup.from_version"), ==, "6.3.18");
  g_assert_cmpstr (sim_json_string (env, "upgrade_backup.to_version"), ==, "6.3.21");
  g_assert_cmpint (sim_json_time (env, "upgrade_backup.created_at"), ==, created + 5 * STAGE);
  g_assert_cmpint (sim_json_time (env, "upgrade_backup.expires_at"), ==, created + 5 * STAGE + 48 * HOUR);
  g_assert_cmpint (sim_json_time (env, "upgrade_backup.max_expires_at"), ==, created + 5 * STAGE + 5 * DAY);
  g_assert_false (sim_json_bool (env, "upgrade_backup.extended"));
  g_assert_false (sim_json_is_null (env, "last_upgraded_at"));

  g_clear_pointer (&package, json_node_unref);
  package = sim_get (f, "/api/v1/packages/acmeweb");
  g_assert_true (sim_json_is_null (package, "running_action"));

  entry = newest_entry (f, "acmeweb");
  g_assert_cmpstr (sim_json_string (entry, "activity"), ==, "LIVE environment has been upgraded to 6.3.21.");
  g_assert_cmpstr (sim_json_string (entry, "type"), ==, "info");
  g_assert_cmpstr (sim_json_string (entry, "affects"), ==, "live");
  g_assert_cmpstr (sim_json_string (entry, "by"), ==, "Alex Example");
  g_assert_cmpstr (sim_json_string (entry, "bundle"), ==, "magnolia-dx-core-cloud-webapp-6.3.21");
  g_assert_cmpstr (sim_json_string (entry, "action_id"), ==, sim_json_string (action, "id"));
  g_assert_cmpint (sim_json_time (entry, "started_at"), ==, created);
  g_assert_cmpint (sim_json_time (entry, "finished_at"), ==, created + 5 * STAGE);
}

static void
test_upgrade_others (SimTest       *f,
                     gconstpointer  data)
{
  static const struct {
    const char *path;
    const char *kind;
    const char *target;
    const char *text;
  } cases[] = {
    { ENV ("acmeweb", "uat") "/upgrade", "uat", "6.3.21", "UAT environment has been upgraded to 6.3.21." },
    { ENV ("acmeweb", "integration") "/upgrade", "integration", "6.4.3",
      "INTEGRATION environment has been upgraded to 6.4.3." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"target_version\": \"%s\"}", cases[i].target);
      g_autoptr(JsonNode) action = sim_start (f, "POST", cases[i].path, body);
      g_autoptr(JsonNode) done = NULL;
      g_autoptr(JsonNode) env = NULL;
      g_autoptr(JsonNode) entry = NULL;

      assert_stage (action, 4, "retire_old", "pending");
      sim_advance (f, 5 * STAGE);
      done = get_action (f, action);
      g_assert_cmpstr (sim_json_string (done, "status"), ==, "succeeded");
      assert_stage (done, 4, "retire_old", "done");

      env = sim_get_environment_json (f, "acmeweb", cases[i].kind);
      g_assert_cmpstr (sim_json_string (env, "magnolia_version"), ==, cases[i].target);
      g_assert_cmpstr (sim_json_string (env, "state"), ==, "running");
      g_assert_true (sim_json_is_null (env, "upgrade_backup"));

      entry = newest_entry (f, "acmeweb");
      g_assert_cmpstr (sim_json_string (entry, "activity"), ==, cases[i].text);
      g_assert_cmpstr (sim_json_string (entry, "affects"), ==, cases[i].kind);
    }
}

static void
test_upgrade_progress (SimTest       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) action = sim_start (f, "POST", ENV ("acmeweb", "uat") "/upgrade",
                                          "{\"target_version\": \"6.4.0\"}");
  g_autoptr(JsonNode) half = NULL;
  g_autoptr(JsonNode) later = NULL;

  /* Half of the first stage: a tenth of the whole, and a bit more as
   * real time passes. */
  sim_advance (f, STAGE / 2);
  half = get_action (f, action);
  g_assert_cmpstr (sim_json_string (half, "stage"), ==, "create_replica");
  g_assert_cmpfloat (sim_json_double (half, "progress"), >=, 0.1);
  g_assert_cmpfloat (sim_json_double (half, "progress"), <, 0.2);

  sim_advance (f, 2 * STAGE);
  later = get_action (f, action);
  g_assert_cmpstr (sim_json_string (later, "stage"), ==, "verify_replica");
  g_assert_cmpfloat (sim_json_double (later, "progress"), >=, 0.5);
  g_assert_cmpfloat (sim_json_double (later, "progress"), <, 0.6);
}

static void
test_upgrade_fail_verify (SimTest       *f,
                          gconstpointer  data)
{
  g_autoptr(JsonNode) action = NULL;
  g_autoptr(JsonNode) failed = NULL;
  g_autoptr(JsonNode) env = NULL;
  g_autoptr(JsonNode) entry = NULL;
  g_autoptr(JsonNode) again = NULL;
  const char *message;

  fail_next (f, "verify_replica");
  action = sim_start (f, "POST", ENV ("acmeweb", "live") "/upgrade", "{\"target_version\": \"6.3.21\"}");
  sim_advance (f, 5 * STAGE);
  failed = get_action (f, action);

  g_assert_cmpstr (sim_json_string (failed, "status"), ==, "failed");
  g_assert_cmpstr (sim_json_string (failed, "stage"), ==, "verify_replica");
  assert_stage (failed, 0, "create_replica", "done");
  assert_stage (failed, 1, "deploy_version", "done");
  assert_stage (failed, 2, "verify_replica", "failed");
  assert_stage (failed, 3, "switch_traffic", "skipped");
  assert_stage (failed, 4, "keep_backup", "skipped");
  g_assert_true (sim_json_is_null (failed, "stages.3.started_at"));
  g_assert_cmpint (sim_json_time (failed, "finished_at"), ==,
                   sim_json_time (failed, "created_at") + 3 * STAGE);
  g_assert_cmpfloat (sim_json_double (failed, "progress"), <, 1.0);
  g_assert_cmpstr (sim_json_string (failed, "error.code"), ==, "verification_failed");
  message = sim_json_string (failed, "error.message");
  g_assert_nonnull (strstr (message, "health check"));
  g_assert_nonnull (strstr (message, "Live still runs 6.3.18"));
  g_assert_nonnull (strstr (message, "Cloud Helpdesk"));

  /* Nothing was switched. */
  env = sim_get_environment_json (f, "acmeweb", "live");
  g_assert_cmpstr (sim_json_string (env, "magnolia_version"), ==, "6.3.18");
  g_assert_cmpstr (sim_json_string (env, "state"), ==, "running");
  g_assert_true (sim_json_is_null (env, "upgrade_backup"));

  entry = newest_entry (f, "acmeweb");
  g_assert_cmpstr (sim_json_string (entry, "type"), ==, "error");
  g_assert_true (g_str_has_prefix (sim_json_string (entry, "activity"),
                                   "Failed to upgrade the LIVE environment to 6.3.21. "));
  g_assert_nonnull (strstr (sim_json_string (entry, "activity"), message));
  g_assert_cmpstr (sim_json_string (entry, "action_id"), ==, sim_json_string (action, "id"));

  /* The failure was used up: the next try succeeds. */
  g_clear_pointer (&action, json_node_unref);
  again = upgrade_acme_live (f);
  g_assert_cmpstr (sim_json_string (again, "status"), ==, "succeeded");
}

/* A failure armed for one kind's stage waits for an action that reaches it. */
static void
test_fail_other_stages (SimTest       *f,
                        gconstpointer  data)
{
  g_autoptr(JsonNode) backup = NULL;
  g_autoptr(JsonNode) upgrade = NULL;
  g_autoptr(JsonNode) env = NULL;
  g_autoptr(JsonNode) entry = NULL;

  fail_next (f, "keep_backup");
  fail_next (f, "create_backup");

  /* The backup fails... */
  backup = sim_start (f, "POST", ENV ("acmeweb", "live") "/backups", NULL);
  sim_advance (f, STAGE);
  g_clear_pointer (&backup, json_node_unref);
  backup = sim_get (f, "/api/v1/packages/acmeweb/actions?limit=1");
  g_assert_cmpstr (sim_json_string (backup, "actions.0.status"), ==, "failed");
  g_assert_cmpstr (sim_json_string (backup, "actions.0.error.code"), ==, "backup_failed");
  entry = newest_entry (f, "acmeweb");
  g_assert_true (g_str_has_prefix (sim_json_string (entry, "activity"),
                                   "Failed to back up the LIVE environment. "));

  /* ...and the upgrade switches, but keeps no backup. */
  upgrade = upgrade_acme_live (f);
  g_assert_cmpstr (sim_json_string (upgrade, "status"), ==, "failed");
  g_assert_cmpstr (sim_json_string (upgrade, "stage"), ==, "keep_backup");
  assert_stage (upgrade, 3, "switch_traffic", "done");
  env = sim_get_environment_json (f, "acmeweb", "live");
  g_assert_cmpstr (sim_json_string (env, "magnolia_version"), ==, "6.3.21");
  g_assert_true (sim_json_is_null (env, "upgrade_backup"));
}

/* Manual backups */

static void
test_backup_create (SimTest       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) action = sim_start (f, "POST", ENV ("acmeweb", "live") "/backups", NULL);
  g_autoptr(JsonNode) env = NULL;
  g_autoptr(JsonNode) entry = NULL;
  g_autoptr(JsonNode) done = NULL;

  g_assert_cmpstr (sim_json_string (action, "kind"), ==, "create_backup");
  g_assert_cmpuint (sim_json_length (action, "stages"), ==, 1);
  assert_stage (action, 0, "create_backup", "running");
  env = sim_get_environment_json (f, "acmeweb", "live");
  g_assert_cmpstr (sim_json_string (env, "state"), ==, "backing_up");
  g_assert_cmpstr (sim_json_string (env, "latest_manual_backup.id"), ==, "bkp-acmeweb-1");

  sim_advance (f, STAGE);
  done = get_action (f, action);
  g_assert_cmpstr (sim_json_string (done, "status"), ==, "succeeded");
  g_clear_pointer (&env, json_node_unref);
  env = sim_get_environment_json (f, "acmeweb", "live");
  g_assert_cmpstr (sim_json_string (env, "state"), ==, "running");
  g_assert_cmpstr (sim_json_string (env, "latest_manual_backup.id"), !=, "bkp-acmeweb-1");
  g_assert_cmpstr (sim_json_string (env, "latest_manual_backup.magnolia_version"), ==, "6.3.18");
  g_assert_cmpint (sim_json_time (env, "latest_manual_backup.created_at"), ==,
                   sim_json_time (done, "finished_at"));

  entry = newest_entry (f, "acmeweb");
  g_assert_cmpstr (sim_json_string (entry, "activity"), ==, "LIVE environment has been backed up successfully.");
  g_assert_cmpstr (sim_json_string (entry, "bundle"), ==, "magnolia-dx-core-cloud-webapp-6.3.18");

  /* Live only. */
  assert_rejected (f, "POST", ENV ("acmeweb", "uat") "/backups", NULL, 422, "not_supported");
  assert_rejected (f, "POST", ENV ("acmeweb", "integration") "/backups", "{}", 422, "not_supported");
}

/* The upgrade backup */

static void
test_extend_max (SimTest       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) before = sim_get_environment_json (f, "globex", "live");
  g_autoptr(JsonNode) action = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) entry = NULL;
  gint64 max = sim_json_time (before, "upgrade_backup.max_expires_at");

  g_assert_false (sim_json_bool (before, "upgrade_backup.extended"));
  g_assert_cmpint (max, ==, sim_json_time (before, "upgrade_backup.created_at") + 5 * DAY);

  action = sim_start (f, "POST", ENV ("globex", "live") "/upgrade-backup/extend", "{}");
  g_assert_cmpstr (sim_json_string (action, "kind"), ==, "extend_upgrade_backup");
  g_assert_cmpint (sim_json_time (action, "params.expires_at"), ==, max);
  assert_stage (action, 0, "extend_upgrade_backup", "running");
  sim_advance (f, STAGE);

  after = sim_get_environment_json (f, "globex", "live");
  g_assert_cmpint (sim_json_time (after, "upgrade_backup.expires_at"), ==, max);
  g_assert_true (sim_json_bool (after, "upgrade_backup.extended"));
  entry = newest_entry (f, "globex");
  g_assert_true (g_str_has_prefix (sim_json_string (entry, "activity"),
                                   "The upgrade backup of the LIVE environment has been extended until "));
}

static void
test_extend_to_time (SimTest       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) before = sim_get_environment_json (f, "globex", "live");
  g_autoptr(GDateTime) wanted = NULL;
  g_autoptr(JsonNode) action = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;
  gint64 expires = sim_json_time (before, "upgrade_backup.expires_at");

  wanted = g_date_time_new_from_unix_utc (expires + 20 * HOUR);
  text = g_date_time_format (wanted, "%Y-%m-%dT%H:%M:%SZ");
  body = g_strdup_printf ("{\"expires_at\": \"%s\"}", text);
  action = sim_start (f, "POST", ENV ("globex", "live") "/upgrade-backup/extend", body);
  sim_advance (f, STAGE);
  after = sim_get_environment_json (f, "globex", "live");
  g_assert_cmpint (sim_json_time (after, "upgrade_backup.expires_at"), ==, expires + 20 * HOUR);

  /* The current expiry itself is no error; earlier is. */
  g_clear_pointer (&body, g_free);
  body = g_strdup_printf ("{\"expires_at\": \"%s\"}", text);
  g_clear_pointer (&action, json_node_unref);
  action = sim_start (f, "POST", ENV ("globex", "live") "/upgrade-backup/extend", body);
  sim_advance (f, STAGE);
}

static void
test_extend_rejections (SimTest       *f,
                        gconstpointer  data)
{
  g_autoptr(JsonNode) env = sim_get_environment_json (f, "globex", "live");
  gint64 expires = sim_json_time (env, "upgrade_backup.expires_at");
  gint64 max = sim_json_time (env, "upgrade_backup.max_expires_at");
  g_autoptr(GDateTime) earlier = g_date_time_new_from_unix_utc (expires - 60);
  g_autoptr(GDateTime) beyond = g_date_time_new_from_unix_utc (max + 1);
  g_autofree char *earlier_text = g_date_time_format (earlier, "{\"expires_at\": \"%Y-%m-%dT%H:%M:%SZ\"}");
  g_autofree char *beyond_text = g_date_time_format (beyond, "{\"expires_at\": \"%Y-%m-%dT%H:%M:%SZ\"}");
  const char *path = ENV ("globex", "live") "/upgrade-backup/extend";
  g_autoptr(JsonNode) after = NULL;

  assert_rejected (f, "POST", path, earlier_text, 400, "bad_request");
  assert_rejected (f, "POST", path, beyond_text, 422, "extension_limit");
  assert_rejected (f, "POST", path, "{\"expires_at\": 5}", 400, "bad_request");
  assert_rejected (f, "POST", path, "{\"expires_at\": \"next week\"}", 400, "bad_request");
  assert_rejected (f, "POST", path, "{\"expires_at\": \"2026-11-26\"}", 400, "bad_request");
  assert_rejected (f, "POST", path, "{", 400, "bad_request");
  assert_rejected (f, "POST", path, "[]", 400, "bad_request");

  /* The message of the limit sends people to the helpdesk. */
  {
    g_autoptr(SimAnswer) answer = sim_request (f, "POST", path, beyond_text, NULL);

    g_assert_nonnull (strstr (sim_json_string (answer->json, "error.message"), "Helpdesk"));
  }

  /* Nothing changed. */
  after = sim_get_environment_json (f, "globex", "live");
  g_assert_cmpint (sim_json_time (after, "upgrade_backup.expires_at"), ==, expires);
}

static void
test_expiry_48h (SimTest       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) action = upgrade_acme_live (f);
  g_autoptr(JsonNode) env = sim_get_environment_json (f, "acmeweb", "live");
  g_autoptr(JsonNode) still = NULL;
  g_autoptr(JsonNode) gone = NULL;
  g_autoptr(JsonNode) entry = NULL;
  gint64 expires = sim_json_time (env, "upgrade_backup.expires_at");
  guint entries = count_entries (f, "acmeweb");

  g_assert_cmpint (expires, ==, sim_json_time (env, "upgrade_backup.created_at") + 48 * HOUR);

  /* A minute before the expiry it is there; two minutes later it is gone. */
  sim_advance (f, expires - sim_now (f) - 60);
  still = sim_get_environment_json (f, "acmeweb", "live");
  g_assert_false (sim_json_is_null (still, "upgrade_backup"));
  sim_advance (f, 120);
  gone = sim_get_environment_json (f, "acmeweb", "live");
  g_assert_true (sim_json_is_null (gone, "upgrade_backup"));
  g_assert_cmpstr (sim_json_string (gone, "magnolia_version"), ==, "6.3.21");

  /* Removed by System, with one entry, at the expiry time. */
  g_assert_cmpuint (count_entries (f, "acmeweb"), ==, entries + 1);
  entry = newest_entry (f, "acmeweb");
  g_assert_cmpstr (sim_json_string (entry, "by"), ==, "System");
  g_assert_true (sim_json_is_null (entry, "action_id"));
  g_assert_cmpstr (sim_json_string (entry, "affects"), ==, "live");
  g_assert_nonnull (strstr (sim_json_string (entry, "activity"), "expired"));
  g_assert_cmpint (sim_json_time (entry, "at"), ==, expires);

  /* Live can be upgraded again. */
  g_clear_pointer (&action, json_node_unref);
  action = sim_start (f, "POST", ENV ("acmeweb", "live") "/upgrade", "{\"target_version\": \"6.4.3\"}");
}

static void
test_expiry_extended (SimTest       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) upgrade = upgrade_acme_live (f);
  g_autoptr(JsonNode) extend = NULL;
  g_autoptr(JsonNode) env = NULL;
  g_autoptr(JsonNode) later = NULL;
  g_autoptr(JsonNode) entry = NULL;
  gint64 created, max;

  extend = sim_start (f, "POST", ENV ("acmeweb", "live") "/upgrade-backup/extend", "{}");
  sim_advance (f, STAGE);
  env = sim_get_environment_json (f, "acmeweb", "live");
  created = sim_json_time (env, "upgrade_backup.created_at");
  max = sim_json_time (env, "upgrade_backup.max_expires_at");
  g_assert_cmpint (max, ==, created + 5 * DAY);
  g_assert_cmpint (sim_json_time (env, "upgrade_backup.expires_at"), ==, max);

  /* Past 48 hours it stays... */
  sim_advance (f, created + 48 * HOUR + HOUR - sim_now (f));
  later = sim_get_environment_json (f, "acmeweb", "live");
  g_assert_false (sim_json_is_null (later, "upgrade_backup"));

  /* ...until 5 days after its creation. */
  sim_advance (f, max - sim_now (f) - 60);
  g_clear_pointer (&later, json_node_unref);
  later = sim_get_environment_json (f, "acmeweb", "live");
  g_assert_false (sim_json_is_null (later, "upgrade_backup"));
  sim_advance (f, 120);
  g_clear_pointer (&later, json_node_unref);
  later = sim_get_environment_json (f, "acmeweb", "live");
  g_assert_true (sim_json_is_null (later, "upgrade_backup"));
  entry = newest_entry (f, "acmeweb");
  g_assert_cmpstr (sim_json_string (entry, "by"), ==, "System");
  g_assert_cmpint (sim_json_time (entry, "at"), ==, max);
}

/* An expiry that falls while an action on the backup runs waits for it. */
static void
test_expiry_during_action (SimTest       *f,
                           gconstpointer  data)
{
  g_autoptr(JsonNode) env = sim_get_environment_json (f, "globex", "live");
  g_autoptr(JsonNode) action = NULL;
  g_autoptr(JsonNode) after = NULL;
  gint64 expires = sim_json_time (env, "upgrade_backup.expires_at");

  /* Half a stage before the expiry, an extension starts: it wins. */
  sim_advance (f, expires - sim_now (f) - STAGE / 2);
  action = sim_start (f, "POST", ENV ("globex", "live") "/upgrade-backup/extend", "{}");
  sim_advance (f, STAGE);
  after = sim_get_environment_json (f, "globex", "live");
  g_assert_false (sim_json_is_null (after, "upgrade_backup"));
  g_assert_true (sim_json_bool (after, "upgrade_backup.extended"));
}

static void
test_delete (SimTest       *f,
             gconstpointer  data)
{
  g_autoptr(JsonNode) action = sim_start (f, "DELETE", ENV ("globex", "live") "/upgrade-backup", NULL);
  g_autoptr(JsonNode) during = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) entry = NULL;

  g_assert_cmpstr (sim_json_string (action, "kind"), ==, "delete_upgrade_backup");
  assert_stage (action, 0, "delete_upgrade_backup", "running");
  during = sim_get_environment_json (f, "globex", "live");
  g_assert_false (sim_json_is_null (during, "upgrade_backup"));

  sim_advance (f, STAGE);
  after = sim_get_environment_json (f, "globex", "live");
  g_assert_true (sim_json_is_null (after, "upgrade_backup"));
  g_assert_cmpstr (sim_json_string (after, "magnolia_version"), ==, "6.3.21");
  entry = newest_entry (f, "globex");
  g_assert_cmpstr (sim_json_string (entry, "activity"), ==,
                   "The upgrade backup of the LIVE environment has been deleted.");

  /* Gone is gone. */
  assert_rejected (f, "DELETE", ENV ("globex", "live") "/upgrade-backup", NULL, 404, "no_upgrade_backup");
}

static void
test_restore (SimTest       *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) upgrade = upgrade_acme_live (f);
  g_autoptr(JsonNode) action = NULL;
  g_autoptr(JsonNode) during = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) entry = NULL;
  g_autoptr(JsonNode) again = NULL;

  action = sim_start (f, "POST", ENV ("acmeweb", "live") "/upgrade-backup/restore", NULL);
  g_assert_cmpstr (sim_json_string (action, "kind"), ==, "restore_upgrade_backup");
  assert_stage (action, 0, "restore_upgrade_backup", "running");
  during = sim_get_environment_json (f, "acmeweb", "live");
  g_assert_cmpstr (sim_json_string (during, "state"), ==, "restoring");

  sim_advance (f, STAGE);
  after = sim_get_environment_json (f, "acmeweb", "live");
  g_assert_cmpstr (sim_json_string (after, "state"), ==, "running");
  g_assert_cmpstr (sim_json_string (after, "magnolia_version"), ==, "6.3.18");
  g_assert_cmpstr (sim_json_string (after, "bundle"), ==, "magnolia-dx-core-cloud-webapp-6.3.18");
  g_assert_true (sim_json_is_null (after, "upgrade_backup"));
  entry = newest_entry (f, "acmeweb");
  g_assert_cmpstr (sim_json_string (entry, "activity"), ==,
                   "LIVE environment has been restored to 6.3.18 from its upgrade backup.");

  /* The backup is consumed: Live can be upgraded again. */
  assert_rejected (f, "POST", ENV ("acmeweb", "live") "/upgrade-backup/restore", NULL, 404, "no_upgrade_backup");
  again = sim_start (f, "POST", ENV ("acmeweb", "live") "/upgrade", "{\"target_version\": \"6.3.20\"}");
}

static void
test_no_upgrade_backup (SimTest       *f,
                        gconstpointer  data)
{
  static const struct {
    const char *method;
    const char *path;
  } cases[] = {
    { "POST", ENV ("acmeweb", "live") "/upgrade-backup/extend" },
    { "DELETE", ENV ("acmeweb", "live") "/upgrade-backup" },
    { "POST", ENV ("acmeweb", "live") "/upgrade-backup/restore" },
    { "POST", ENV ("acmeweb", "uat") "/upgrade-backup/extend" },
    { "DELETE", ENV ("globex", "uat") "/upgrade-backup" },
    { "POST", ENV ("globex", "integration") "/upgrade-backup/restore" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_rejected (f, cases[i].method, cases[i].path, "{}", 404, "no_upgrade_backup");
}

/* Teardown */

static void
test_teardown (SimTest       *f,
               gconstpointer  data)
{
  g_autoptr(JsonNode) action = sim_start (f, "DELETE", ENV ("acmeweb", "integration"), NULL);
  g_autoptr(JsonNode) during = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) entry = NULL;
  g_autoptr(JsonNode) versions = NULL;

  g_assert_cmpstr (sim_json_string (action, "kind"), ==, "teardown");
  assert_stage (action, 0, "teardown", "running");
  during = sim_get_environment_json (f, "acmeweb", "integration");
  g_assert_cmpstr (sim_json_string (during, "state"), ==, "tearing_down");

  sim_advance (f, STAGE);
  after = sim_get_environment_json (f, "acmeweb", "integration");
  g_assert_cmpstr (sim_json_string (after, "state"), ==, "not_set_up");
  g_assert_true (sim_json_is_null (after, "magnolia_version"));
  g_assert_true (sim_json_is_null (after, "bundle"));
  g_assert_true (sim_json_is_null (after, "url"));
  entry = newest_entry (f, "acmeweb");
  g_assert_cmpstr (sim_json_string (entry, "activity"), ==, "INTEGRATION environment has been torn down.");
  g_assert_cmpstr (sim_json_string (entry, "bundle"), ==, "magnolia-dx-core-cloud-webapp-6.3.21");

  /* A torn-down environment has nothing to offer or to tear down. */
  versions = sim_get (f, ENV ("acmeweb", "integration") "/available-versions");
  g_assert_cmpuint (sim_json_length (versions, "versions"), ==, 0);
  assert_rejected (f, "POST", ENV ("acmeweb", "integration") "/upgrade",
                   "{\"target_version\": \"6.4.3\"}", 422, "version_not_available");
  assert_rejected (f, "DELETE", ENV ("acmeweb", "integration"), NULL, 422, "not_supported");
}

static void
test_teardown_rejections (SimTest       *f,
                          gconstpointer  data)
{
  assert_rejected (f, "DELETE", ENV ("globex", "live"), NULL, 409, "upgrade_backup_exists");
  assert_rejected (f, "DELETE", ENV ("umbrella", "live"), NULL, 409, "environment_protected");
  assert_rejected (f, "DELETE", ENV ("initech", "uat"), NULL, 409, "maintenance");
  assert_rejected (f, "DELETE", ENV ("umbrella", "integration"), NULL, 422, "not_supported");
}

/* Rejections */

static void
test_reject_busy (SimTest       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) action = sim_start (f, "POST", ENV ("acmeweb", "uat") "/upgrade",
                                          "{\"target_version\": \"6.3.21\"}");
  g_autoptr(JsonNode) other = NULL;
  g_autoptr(JsonNode) after = NULL;

  assert_rejected (f, "POST", ENV ("acmeweb", "live") "/upgrade", "{\"target_version\": \"6.3.21\"}",
                   409, "package_busy");
  assert_rejected (f, "POST", ENV ("acmeweb", "uat") "/upgrade", "{\"target_version\": \"6.3.21\"}",
                   409, "package_busy");
  assert_rejected (f, "POST", ENV ("acmeweb", "live") "/backups", NULL, 409, "package_busy");
  assert_rejected (f, "DELETE", ENV ("acmeweb", "integration"), NULL, 409, "package_busy");

  /* Another package is not affected. */
  other = sim_start (f, "POST", ENV ("globex", "live") "/upgrade-backup/extend", "{}");

  /* Once it is done, the package is free again. */
  sim_advance (f, 5 * STAGE);
  after = sim_start (f, "POST", ENV ("acmeweb", "live") "/backups", NULL);
}

static void
test_reject_maintenance (SimTest       *f,
                         gconstpointer  data)
{
  static const struct {
    const char *method;
    const char *path;
    const char *body;
  } cases[] = {
    { "POST", ENV ("initech", "live") "/upgrade", "{\"target_version\": \"6.3.21\"}" },
    { "POST", ENV ("initech", "live") "/backups", NULL },
    { "DELETE", ENV ("initech", "integration"), NULL },
  };
  g_autoptr(JsonNode) package = sim_get (f, "/api/v1/packages/initech");
  g_autoptr(JsonNode) action = NULL;

  g_assert_cmpstr (sim_json_string (package, "status"), ==, "maintenance");
  g_assert_cmpuint (strlen (sim_json_string (package, "maintenance_message")), >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_rejected (f, cases[i].method, cases[i].path, cases[i].body, 409, "maintenance");

  /* The test control starts and ends maintenance mode. */
  set_maintenance (f, "acmeweb", "Moving to a new data centre.");
  assert_rejected (f, "POST", ENV ("acmeweb", "live") "/backups", NULL, 409, "maintenance");
  g_clear_pointer (&package, json_node_unref);
  package = sim_get (f, "/api/v1/packages/acmeweb");
  g_assert_cmpstr (sim_json_string (package, "maintenance_message"), ==, "Moving to a new data centre.");
  set_maintenance (f, "acmeweb", NULL);
  action = sim_start (f, "POST", ENV ("acmeweb", "live") "/backups", NULL);

  assert_rejected (f, "POST", "/_sim/packages/nope/maintenance", "{\"message\": \"x\"}", 404, "not_found");
  assert_rejected (f, "POST", "/_sim/packages/acmeweb/maintenance", "{\"message\": 5}", 400, "bad_request");
  assert_rejected (f, "POST", "/_sim/packages/acmeweb/maintenance", "{}", 400, "bad_request");
}

static void
test_reject_own_codes (SimTest       *f,
                       gconstpointer  data)
{
  assert_rejected (f, "POST", ENV ("umbrella", "live") "/upgrade", "{\"target_version\": \"6.3.21\"}",
                   409, "environment_protected");
  assert_rejected (f, "POST", ENV ("globex", "live") "/upgrade", "{\"target_version\": \"6.4.3\"}",
                   409, "upgrade_backup_exists");
  assert_rejected (f, "POST", ENV ("acmeweb", "live") "/upgrade", "{\"target_version\": \"6.3.17\"}",
                   422, "version_not_available");
  assert_rejected (f, "POST", ENV ("acmeweb", "live") "/upgrade", "{\"target_version\": \"6.3.18\"}",
                   422, "version_not_available");
  assert_rejected (f, "POST", ENV ("acmeweb", "live") "/upgrade", "{\"target_version\": \"6.9.1\"}",
                   422, "version_not_available");
  assert_rejected (f, "POST", ENV ("globex", "integration") "/upgrade", "{\"target_version\": \"6.4.3\"}",
                   422, "version_not_available");
}

static void
test_reject_bad_request (SimTest       *f,
                         gconstpointer  data)
{
  static const char *const bodies[] = {
    NULL, "", "{", "[]", "null", "\"6.3.21\"", "{}", "{\"target_version\": null}",
    "{\"target_version\": 6.3}", "{\"target_version\": [\"6.3.21\"]}",
    "{\"target_version\": \"banana\"}", "{\"target_version\": \"6.3.21\"", "{\"target_version\": \"6.3.21\"}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    assert_rejected (f, "POST", ENV ("acmeweb", "live") "/upgrade", bodies[i], 400, "bad_request");

  /* Bodies of actions without parameters may be empty or an object. */
  assert_rejected (f, "POST", ENV ("acmeweb", "live") "/backups", "{oops", 400, "bad_request");
  assert_rejected (f, "DELETE", ENV ("acmeweb", "uat"), "[1, 2]", 400, "bad_request");
}

static void
test_reject_not_found (SimTest       *f,
                       gconstpointer  data)
{
  assert_rejected (f, "GET", "/api/v1/packages/nope", NULL, 404, "not_found");
  assert_rejected (f, "GET", "/api/v1/packages/nope/activity", NULL, 404, "not_found");
  assert_rejected (f, "GET", "/api/v1/packages/nope/actions", NULL, 404, "not_found");
  assert_rejected (f, "GET", "/api/v1/actions/act-999999", NULL, 404, "not_found");
  assert_rejected (f, "GET", "/api/v1/packages/acmeweb/environments/nope/available-versions", NULL,
                   404, "not_found");
  assert_rejected (f, "POST", "/api/v1/packages/nope/environments/nope-live/upgrade",
                   "{\"target_version\": \"6.3.21\"}", 404, "not_found");
  /* An environment of another package. */
  assert_rejected (f, "POST", "/api/v1/packages/acmeweb/environments/globex-live/upgrade-backup/extend",
                   "{}", 404, "not_found");
  assert_rejected (f, "DELETE", "/api/v1/packages/acmeweb/environments/acmeweb-staging", NULL,
                   404, "not_found");
}

/* When several rejections apply, the first of 404, 400, maintenance,
 * package_busy, then the action's own codes wins. */
static void
test_reject_order (SimTest       *f,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) busy_acme = NULL;
  g_autoptr(JsonNode) busy_umbrella = NULL;
  g_autoptr(JsonNode) busy_globex = NULL;
  g_autoptr(JsonNode) env = sim_get_environment_json (f, "globex", "live");
  gint64 max = sim_json_time (env, "upgrade_backup.max_expires_at");
  g_autoptr(GDateTime) beyond = g_date_time_new_from_unix_utc (max + DAY);
  g_autofree char *beyond_text = g_date_time_format (beyond, "{\"expires_at\": \"%Y-%m-%dT%H:%M:%SZ\"}");

  /* 404 before 400. */
  assert_rejected (f, "POST", ENV ("nope", "live") "/upgrade", "{", 404, "not_found");
  assert_rejected (f, "POST", ENV ("acmeweb", "live") "/upgrade-backup/extend", "{", 404, "no_upgrade_backup");
  assert_rejected (f, "POST", ENV ("initech", "live") "/upgrade-backup/restore", "{", 404, "no_upgrade_backup");

  /* 400 before maintenance. */
  assert_rejected (f, "POST", ENV ("initech", "live") "/upgrade", "{\"target_version\": 5}", 400, "bad_request");

  /* Maintenance before busy, busy before the own codes. */
  busy_umbrella = sim_start (f, "POST", ENV ("umbrella", "live") "/backups", NULL);
  assert_rejected (f, "POST", ENV ("umbrella", "live") "/upgrade", "{\"target_version\": \"6.3.21\"}",
                   409, "package_busy");
  assert_rejected (f, "DELETE", ENV ("umbrella", "live"), NULL, 409, "package_busy");
  set_maintenance (f, "umbrella", "Maintenance.");
  assert_rejected (f, "POST", ENV ("umbrella", "live") "/upgrade", "{\"target_version\": \"6.3.21\"}",
                   409, "maintenance");
  assert_rejected (f, "POST", ENV ("umbrella", "live") "/upgrade", "{\"target_version\": \"1.0.0\"}",
                   409, "maintenance");

  busy_globex = sim_start (f, "POST", ENV ("globex", "uat") "/upgrade", "{\"target_version\": \"6.4.0\"}");
  assert_rejected (f, "POST", ENV ("globex", "live") "/upgrade", "{\"target_version\": \"6.4.3\"}",
                   409, "package_busy");
  assert_rejected (f, "POST", ENV ("globex", "live") "/upgrade-backup/extend", beyond_text,
                   409, "package_busy");
  assert_rejected (f, "POST", ENV ("globex", "live") "/upgrade-backup/extend",
                   "{\"expires_at\": \"2020-01-01T00:00:00Z\"}", 400, "bad_request");
  assert_rejected (f, "POST", ENV ("globex", "uat") "/backups", NULL, 409, "package_busy");

  busy_acme = sim_start (f, "POST", ENV ("acmeweb", "live") "/backups", NULL);
  assert_rejected (f, "POST", ENV ("acmeweb", "uat") "/upgrade", "{\"target_version\": \"6.0.0\"}",
                   409, "package_busy");
  assert_rejected (f, "POST", ENV ("acmeweb", "uat") "/upgrade", "{\"target_version\": \"x\"}",
                   400, "bad_request");
}

/* Idempotency */

static void
test_idempotency_replay (SimTest       *f,
                         gconstpointer  data)
{
  const char *path = ENV ("acmeweb", "uat") "/upgrade";
  const char *body = "{\"target_version\": \"6.3.21\"}";
  g_autoptr(SimAnswer) first = sim_request (f, "POST", path, body, "key-1");
  g_autoptr(SimAnswer) second = NULL;
  g_autoptr(SimAnswer) third = NULL;
  g_autoptr(JsonNode) actions = NULL;

  g_assert_cmpuint (first->status, ==, 202);
  g_assert_null (soup_message_headers_get_one (first->headers, "Idempotency-Replayed"));

  /* The same answer again, while the action runs and after it ended;
   * nothing new starts. */
  second = sim_request (f, "POST", path, body, "key-1");
  g_assert_cmpuint (second->status, ==, 202);
  g_assert_true (g_bytes_equal (first->body, second->body));
  g_assert_cmpstr (soup_message_headers_get_one (second->headers, "Location"), ==,
                   soup_message_headers_get_one (first->headers, "Location"));
  g_assert_cmpstr (soup_message_headers_get_one (second->headers, "Idempotency-Replayed"), ==, "true");

  sim_advance (f, 5 * STAGE);
  third = sim_request (f, "POST", path, body, "key-1");
  g_assert_cmpuint (third->status, ==, 202);
  g_assert_true (g_bytes_equal (first->body, third->body));

  actions = sim_get (f, "/api/v1/packages/acmeweb/actions");
  g_assert_cmpuint (sim_json_length (actions, "actions"), ==, 1);
  g_assert_cmpstr (sim_json_string (actions, "actions.0.status"), ==, "succeeded");
}

static void
test_idempotency_mismatch (SimTest       *f,
                           gconstpointer  data)
{
  const char *path = ENV ("acmeweb", "uat") "/upgrade";
  g_autoptr(SimAnswer) first = sim_request (f, "POST", path, "{\"target_version\": \"6.3.21\"}", "key-2");
  g_autoptr(SimAnswer) body = NULL;
  g_autoptr(SimAnswer) other_path = NULL;
  g_autoptr(SimAnswer) other_method = NULL;
  g_autoptr(JsonNode) actions = NULL;

  g_assert_cmpuint (first->status, ==, 202);
  body = sim_request (f, "POST", path, "{\"target_version\": \"6.4.0\"}", "key-2");
  sim_assert_error (body, 422, "idempotency_mismatch");
  other_path = sim_request (f, "POST", ENV ("globex", "live") "/backups", NULL, "key-2");
  sim_assert_error (other_path, 422, "idempotency_mismatch");
  other_method = sim_request (f, "DELETE", ENV ("acmeweb", "uat"), NULL, "key-2");
  sim_assert_error (other_method, 422, "idempotency_mismatch");

  /* Nothing started: the one action is the seed's finished upgrade of
   * Integration, the first step of Globex's plan. */
  actions = sim_get (f, "/api/v1/packages/globex/actions");
  g_assert_cmpuint (sim_json_length (actions, "actions"), ==, 1);
  g_assert_cmpstr (sim_json_string (actions, "actions.0.status"), ==, "succeeded");
}

static void
test_idempotency_window (SimTest       *f,
                         gconstpointer  data)
{
  const char *path = ENV ("acmeweb", "live") "/backups";
  g_autoptr(SimAnswer) rejected = NULL;
  g_autoptr(SimAnswer) first = NULL;
  g_autoptr(SimAnswer) later = NULL;
  g_autoptr(SimAnswer) read1 = NULL;
  g_autoptr(SimAnswer) read2 = NULL;
  g_autoptr(JsonNode) busy = NULL;

  /* A rejection is not recorded: the same key works once the package is free. */
  busy = sim_start (f, "POST", ENV ("acmeweb", "uat") "/upgrade", "{\"target_version\": \"6.3.21\"}");
  rejected = sim_request (f, "POST", path, NULL, "key-3");
  sim_assert_error (rejected, 409, "package_busy");
  sim_advance (f, 5 * STAGE);
  first = sim_request (f, "POST", path, NULL, "key-3");
  g_assert_cmpuint (first->status, ==, 202);

  /* After 24 hours the key is forgotten: a new action starts. */
  sim_advance (f, 24 * HOUR + 60);
  later = sim_request (f, "POST", path, NULL, "key-3");
  g_assert_cmpuint (later->status, ==, 202);
  g_assert_false (g_bytes_equal (first->body, later->body));

  /* Answers without a body are replayed too. */
  read1 = sim_request (f, "POST", "/api/v1/notifications/ntf-1/read", NULL, "key-4");
  g_assert_cmpuint (read1->status, ==, 204);
  read2 = sim_request (f, "POST", "/api/v1/notifications/ntf-1/read", NULL, "key-4");
  g_assert_cmpuint (read2->status, ==, 204);
  g_assert_cmpstr (soup_message_headers_get_one (read2->headers, "Idempotency-Replayed"), ==, "true");
}

/* Action lists */

static void
test_actions_list (SimTest       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) page1 = NULL;
  g_autoptr(JsonNode) page2 = NULL;
  g_autofree char *path = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(JsonNode) action = sim_start (f, "POST", ENV ("acmeweb", "live") "/backups", NULL);

      g_ptr_array_add (ids, g_strdup (sim_json_string (action, "id")));
      sim_advance (f, STAGE);
    }

  all = sim_get (f, "/api/v1/packages/acmeweb/actions");
  g_assert_cmpuint (sim_json_length (all, "actions"), ==, 3);
  g_assert_true (sim_json_is_null (all, "next_before"));
  /* Newest first. */
  g_assert_cmpstr (sim_json_string (all, "actions.0.id"), ==, g_ptr_array_index (ids, 2));
  g_assert_cmpstr (sim_json_string (all, "actions.2.id"), ==, g_ptr_array_index (ids, 0));

  page1 = sim_get (f, "/api/v1/packages/acmeweb/actions?limit=2");
  g_assert_cmpuint (sim_json_length (page1, "actions"), ==, 2);
  path = g_strdup_printf ("/api/v1/packages/acmeweb/actions?limit=2&before=%s",
                          sim_json_string (page1, "next_before"));
  page2 = sim_get (f, path);
  g_assert_cmpuint (sim_json_length (page2, "actions"), ==, 1);
  g_assert_cmpstr (sim_json_string (page2, "actions.0.id"), ==, g_ptr_array_index (ids, 0));
  g_assert_true (sim_json_is_null (page2, "next_before"));

  assert_rejected (f, "GET", "/api/v1/packages/acmeweb/actions?limit=0", NULL, 400, "bad_request");
  assert_rejected (f, "GET", "/api/v1/packages/acmeweb/actions?limit=1001", NULL, 400, "bad_request");
  assert_rejected (f, "GET", "/api/v1/packages/globex/actions?before=djEuMS5hYmM=", NULL, 400, "bad_request");
}

/* The clock of the library and of the control agree. */
static void
test_clock (SimTest       *f,
            gconstpointer  data)
{
  g_autoptr(GDateTime) before = cockpit_simulator_get_now (f->sim);
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(JsonNode) clock = NULL;
  gint64 now = sim_now (f);

  g_assert_cmpint (now - g_date_time_to_unix (before), >=, 0);
  g_assert_cmpint (now - g_date_time_to_unix (before), <, 30);

  cockpit_simulator_advance_clock (f->sim, 3 * DAY);
  after = cockpit_simulator_get_now (f->sim);
  g_assert_cmpint (g_date_time_to_unix (after) - g_date_time_to_unix (before), >=, 3 * DAY);
  g_assert_cmpint (g_date_time_to_unix (after) - g_date_time_to_unix (before), <, 3 * DAY + 30);

  clock = sim_get (f, "/_sim/clock");
  g_assert_cmpint (sim_json_int (clock, "offset_seconds"), ==, 3 * DAY);
  /* globex's backup had 30 hours left: the library's advance expired it. */
  {
    g_autoptr(JsonNode) env = sim_get_environment_json (f, "globex", "live");

    g_assert_true (sim_json_is_null (env, "upgrade_backup"));
  }
}

/* The clock control stops at 1,000 years past the real time, the most a
 * state file may hold: before, 101 jumps of ten years left a state file
 * that the next start refused as damaged. */
static void
test_clock_limit (SimTest       *f,
                  gconstpointer  data)
{
  g_autofree char *state = sim_test_path (f, "state.json");
  g_autoptr(GError) error = NULL;
  guint refused = 0;

  sim_test_start (f, COCKPIT_SIM_SEED_EMPTY, state, SIM_TEST_STAGE_SECONDS, TRUE);
  for (guint i = 0; i < 110; i++)
    {
      g_autoptr(SimAnswer) answer = sim_request (f, "POST", "/_sim/clock",
                                                 "{\"advance_seconds\": 315360000}", NULL);

      if (answer->status == 400)
        refused++;
      else
        g_assert_cmpuint (answer->status, ==, 200);
    }
  g_assert_cmpuint (refused, >, 0);

  /* The state it saved loads again. */
  sim_test_start (f, COCKPIT_SIM_SEED_EMPTY, state, SIM_TEST_STAGE_SECONDS, TRUE);
  g_assert_nonnull (f->sim);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cockpit/sim/" path, SimTest, NULL, sim_test_setup, func, sim_test_teardown)

  ADD ("upgrade/live", test_upgrade_live);
  ADD ("upgrade/uat-and-integration", test_upgrade_others);
  ADD ("upgrade/progress", test_upgrade_progress);
  ADD ("upgrade/fail-verify-replica", test_upgrade_fail_verify);
  ADD ("upgrade/fail-other-stages", test_fail_other_stages);
  ADD ("backup/create", test_backup_create);
  ADD ("upgrade-backup/extend-max", test_extend_max);
  ADD ("upgrade-backup/extend-to-time", test_extend_to_time);
  ADD ("upgrade-backup/extend-rejections", test_extend_rejections);
  ADD ("upgrade-backup/expiry-48h", test_expiry_48h);
  ADD ("upgrade-backup/expiry-extended", test_expiry_extended);
  ADD ("upgrade-backup/expiry-during-action", test_expiry_during_action);
  ADD ("upgrade-backup/delete", test_delete);
  ADD ("upgrade-backup/restore", test_restore);
  ADD ("upgrade-backup/none", test_no_upgrade_backup);
  ADD ("teardown/done", test_teardown);
  ADD ("teardown/rejections", test_teardown_rejections);
  ADD ("reject/package-busy", test_reject_busy);
  ADD ("reject/maintenance", test_reject_maintenance);
  ADD ("reject/own-codes", test_reject_own_codes);
  ADD ("reject/bad-request", test_reject_bad_request);
  ADD ("reject/not-found", test_reject_not_found);
  ADD ("reject/order", test_reject_order);
  ADD ("idempotency/replay", test_idempotency_replay);
  ADD ("idempotency/mismatch", test_idempotency_mismatch);
  ADD ("idempotency/window", test_idempotency_window);
  ADD ("actions/list", test_actions_list);
  ADD ("clock", test_clock);
  ADD ("clock-limit", test_clock_limit);

#undef ADD

  return g_test_run ();
}
