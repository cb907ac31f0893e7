/* test-sim-plans.c: the simulator's upgrade plans (v1.1): every rule and code, over real HTTP.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo seed: acmeweb (Live 6.3.18, UAT 6.3.19, Integration 6.3.21,
 * ready), globex (Live 6.3.21 with an upgrade backup; a plan to 6.4.3
 * whose UAT waits for an approval), initech (in maintenance), umbrella
 * (Live protected, Integration torn down), hooli (Live 6.3.19, a Live
 * upgrade to 6.3.21 scheduled for the next Sunday 06:00 UTC).  Stages take
 * SIM_TEST_STAGE_SECONDS; only the test moves the clock.
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include "sim-test-util.h"

#define ENV(p, k) "/api/v1/packages/" p "/environments/" p "-" k
#define STAGE    SIM_TEST_STAGE_SECONDS
#define UPGRADE  (5 * STAGE)          /* an upgrade's five stages */
#define HOUR     3600
#define DAY      (24 * HOUR)

#define ALL_THREE "\"environments\": [\"integration\", \"uat\", \"live\"]"

/* Helpers */

static JsonNode *
create_plan (SimTest    *f,
             const char *package_id,
             const char *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/packages/%s/plans", package_id);
  g_autoptr(SimAnswer) answer = sim_request (f, "POST", path, body, NULL);
  g_autofree char *location = NULL;

  if (answer->status != 201)
    g_error ("POST %s %s: %u %.*s", path, body, answer->status,
             (int) g_bytes_get_size (answer->body), (const char *) g_bytes_get_data (answer->body, NULL));
  location = g_strconcat ("/api/v1/plans/", sim_json_string (answer->json, "id"), NULL);
  g_assert_cmpstr (soup_message_headers_get_one (answer->headers, "Location"), ==, location);
  return json_node_ref (answer->json);
}

static SimAnswer *
plan_request (SimTest    *f,
              const char *method,
              JsonNode   *plan,
              const char *suffix)
{
  g_autofree char *path = g_strconcat ("/api/v1/plans/", sim_json_string (plan, "id"), suffix, NULL);

  return sim_request (f, method, path, NULL, NULL);
}

static JsonNode *
get_plan (SimTest  *f,
          JsonNode *plan)
{
  g_autofree char *path = g_strconcat ("/api/v1/plans/", sim_json_string (plan, "id"), NULL);

  return sim_get (f, path);
}

/* Approve or cancel, which must answer 200 with the Plan. */
static JsonNode *
change_plan (SimTest    *f,
             JsonNode   *plan,
             const char *what)
{
  g_autofree char *suffix = g_strconcat ("/", what, NULL);
  g_autoptr(SimAnswer) answer = plan_request (f, "POST", plan, suffix);

  g_assert_cmpuint (answer->status, ==, 200);
  return json_node_ref (answer->json);
}

static JsonNode *
get_action (SimTest    *f,
            const char *id)
{
  g_autofree char *path = g_strconcat ("/api/v1/actions/", id, NULL);

  return sim_get (f, path);
}

static JsonNode *
get_package (SimTest    *f,
             const char *package_id)
{
  g_autofree char *path = g_strconcat ("/api/v1/packages/", package_id, NULL);

  return sim_get (f, path);
}

static guint
count_actions (SimTest    *f,
               const char *package_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/packages/%s/actions?limit=1000", package_id);
  g_autoptr(JsonNode) page = sim_get (f, path);

  return sim_json_length (page, "actions");
}

/* The newest entry whose text starts with @start, as a copy; fails when
 * there is none among the newest 100. */
static JsonNode *
find_entry (SimTest    *f,
            const char *package_id,
            const char *start)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/packages/%s/activity", package_id);
  g_autoptr(JsonNode) page = sim_get (f, path);

  for (guint i = 0; i < sim_json_length (page, "entries"); i++)
    {
      g_autofree char *text_path = g_strdup_printf ("entries.%u.activity", i);
      g_autofree char *entry_path = g_strdup_printf ("entries.%u", i);

      if (g_str_has_prefix (sim_json_string (page, text_path), start))
        return json_node_copy (sim_json (page, entry_path));
    }
  g_error ("No activity entry of %s starts with “%s”", package_id, start);
  return NULL;
}

static gboolean
has_entry (SimTest    *f,
           const char *package_id,
           const char *start)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/packages/%s/activity", package_id);
  g_autoptr(JsonNode) page = sim_get (f, path);

  for (guint i = 0; i < sim_json_length (page, "entries"); i++)
    {
      g_autofree char *text_path = g_strdup_printf ("entries.%u.activity", i);

      if (g_str_has_prefix (sim_json_string (page, text_path), start))
        return TRUE;
    }
  return FALSE;
}

static void
assert_entry (SimTest    *f,
              const char *package_id,
              const char *start,
              const char *type,
              const char *by)
{
  g_autoptr(JsonNode) entry = find_entry (f, package_id, start);

  g_assert_cmpstr (sim_json_string (entry, "type"), ==, type);
  g_assert_cmpstr (sim_json_string (entry, "by"), ==, by);
}

static void
assert_step (JsonNode   *plan,
             guint       index,
             const char *environment,
             const char *status,
             guint       n_actions)
{
  g_autofree char *prefix = g_strdup_printf ("steps.%u", index);
  JsonNode *step = sim_json (plan, prefix);

  g_assert_nonnull (step);
  g_assert_cmpstr (sim_json_string (step, "environment"), ==, environment);
  g_assert_cmpstr (sim_json_string (step, "status"), ==, status);
  g_assert_cmpuint (sim_json_length (step, "action_ids"), ==, n_actions);
}

static const char *
step_action (JsonNode *plan,
             guint     step,
             guint     index)
{
  g_autofree char *path = g_strdup_printf ("steps.%u.action_ids.%u", step, index);

  return sim_json_string (plan, path);
}

static char *
format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

static void
cancel_active (SimTest    *f,
               const char *package_id)
{
  g_autoptr(JsonNode) package = get_package (f, package_id);
  g_autoptr(JsonNode) cancelled = change_plan (f, sim_json (package, "active_plan"), "cancel");

  g_assert_cmpstr (sim_json_string (cancelled, "status"), ==, "cancelled");
}

/* Creating, reading, active_plan */

static void
test_create (SimTest       *f,
             gconstpointer  data)
{
  g_autoptr(JsonNode) plan = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) action = NULL;
  g_autoptr(JsonNode) package = NULL;
  g_autoptr(JsonNode) packages = NULL;
  gint64 now = sim_now (f);

  plan = create_plan (f, "acmeweb", "{\"target_version\": \"6.4.3\", " ALL_THREE ", \"gate\": \"approval\"}");
  g_assert_true (g_str_has_prefix (sim_json_string (plan, "id"), "plan-"));
  g_assert_cmpstr (sim_json_string (plan, "package_id"), ==, "acmeweb");
  g_assert_cmpstr (sim_json_string (plan, "target_version"), ==, "6.4.3");
  g_assert_cmpstr (sim_json_string (plan, "gate"), ==, "approval");
  g_assert_true (sim_json_is_null (plan, "soak_hours"));
  g_assert_true (sim_json_is_null (plan, "start_at"));
  g_assert_false (sim_json_bool (plan, "back_up_live_first"));
  g_assert_cmpstr (sim_json_string (plan, "created_by"), ==, "Alex Example");
  g_assert_cmpint (ABS (sim_json_time (plan, "created_at") - now), <=, 2);
  g_assert_true (sim_json_is_null (plan, "finished_at"));
  g_assert_true (sim_json_is_null (plan, "error"));

  /* Starting now: the first step runs at once; the others are pending. */
  g_assert_cmpstr (sim_json_string (plan, "status"), ==, "running");
  g_assert_cmpuint (sim_json_length (plan, "steps"), ==, 3);
  assert_step (plan, 0, "integration", "running", 1);
  assert_step (plan, 1, "uat", "pending", 0);
  assert_step (plan, 2, "live", "pending", 0);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *gate = g_strdup_printf ("steps.%u.gate_opens_at", i);
      g_autofree char *approved = g_strdup_printf ("steps.%u.approved_by", i);

      g_assert_true (sim_json_is_null (plan, gate));
      g_assert_true (sim_json_is_null (plan, approved));
    }

  /* Its action is an ordinary upgrade, requested by the plan's creator. */
  action = get_action (f, step_action (plan, 0, 0));
  g_assert_cmpstr (sim_json_string (action, "kind"), ==, "upgrade");
  g_assert_cmpstr (sim_json_string (action, "environment_id"), ==, "acmeweb-integration");
  g_assert_cmpstr (sim_json_string (action, "params.target_version"), ==, "6.4.3");
  g_assert_cmpstr (sim_json_string (action, "requested_by"), ==, "Alex Example");
  g_assert_cmpstr (sim_json_string (action, "created_at"), ==, sim_json_string (plan, "created_at"));

  again = get_plan (f, plan);
  g_assert_cmpstr (sim_json_string (again, "status"), ==, "running");
  package = get_package (f, "acmeweb");
  g_assert_cmpstr (sim_json_string (package, "active_plan.id"), ==, sim_json_string (plan, "id"));
  g_assert_cmpstr (sim_json_string (package, "running_action.id"), ==, step_action (plan, 0, 0));
  packages = sim_get (f, "/api/v1/packages");
  g_assert_cmpstr (sim_json_string (packages, "packages.0.active_plan.id"), ==, sim_json_string (plan, "id"));
  g_assert_true (sim_json_is_null (packages, "packages.2.active_plan"));      /* initech */

  assert_entry (f, "acmeweb", "An upgrade plan to 6.4.3 has been created for INTEGRATION, UAT and LIVE",
                "info", "Alex Example");
  assert_entry (f, "acmeweb", "The upgrade plan to 6.4.3 has started upgrading the INTEGRATION",
                "info", "Alex Example");
}

/* Rejections */

static void
assert_create_error (SimTest    *f,
                     const char *package_id,
                     const char *body,
                     guint       status,
                     const char *code)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/packages/%s/plans", package_id);
  g_autoptr(SimAnswer) answer = sim_request (f, "POST", path, body, NULL);

  if (answer->status != status)
    g_error ("POST %s %s: %u, not %u", path, body ? body : "(none)", answer->status, status);
  sim_assert_error (answer, status, code);
}

static void
test_bad_requests (SimTest       *f,
                   gconstpointer  data)
{
  gint64 now = sim_now (f);
  g_autofree char *past = format_time (now - 60);
  g_autofree char *too_far = format_time (now + 30 * DAY + HOUR);
  g_autofree char *no_zone = NULL;
  const char *const cases[] = {
    NULL,
    "",
    "[]",
    "{nope",
    "{\"environments\": [\"live\"], \"gate\": \"approval\"}",
    "{\"target_version\": 6, \"environments\": [\"live\"], \"gate\": \"approval\"}",
    "{\"target_version\": \"six\", \"environments\": [\"live\"], \"gate\": \"approval\"}",
    "{\"target_version\": \"6.4.3\", \"gate\": \"approval\"}",
    "{\"target_version\": \"6.4.3\", \"environments\": [], \"gate\": \"approval\"}",
    "{\"target_version\": \"6.4.3\", \"environments\": \"live\", \"gate\": \"approval\"}",
    "{\"target_version\": \"6.4.3\", \"environments\": [\"live\", \"live\"], \"gate\": \"approval\"}",
    "{\"target_version\": \"6.4.3\", \"environments\": [\"live\", \"uat\"], \"gate\": \"approval\"}",
    "{\"target_version\": \"6.4.3\", \"environments\": [\"uat\", \"integration\"], \"gate\": \"approval\"}",
    "{\"target_version\": \"6.4.3\", \"environments\": [\"production\"], \"gate\": \"approval\"}",
    "{\"target_version\": \"6.4.3\", \"environments\": [\"integration\", \"uat\", \"live\", \"live\"], \"gate\": \"approval\"}",
    "{\"target_version\": \"6.4.3\", \"environments\": [\"live\"]}",
    "{\"target_version\": \"6.4.3\", \"environments\": [\"live\"], \"gate\": \"later\"}",
    "{\"target_version\": \"6.4.3\", \"environments\": [\"live\"], \"gate\": \"soak\"}",
    "{\"target_version\": \"6.4.3\", \"environments\": [\"live\"], \"gate\": \"soak\", \"soak_hours\": null}",
    "{\"target_version\": \"6.4.3\", \"environments\": [\"live\"], \"gate\": \"soak\", \"soak_hours\": 0}",
    "{\"target_version\": \"6.4.3\", \"environments\": [\"live\"], \"gate\": \"soak\", \"soak_hours\": 169}",
    "{\"target_version\": \"6.4.3\", \"environments\": [\"live\"], \"gate\": \"soak\", \"soak_hours\": 1.5}",
    "{\"target_version\": \"6.4.3\", \"environments\": [\"live\"], \"gate\": \"soak\", \"soak_hours\": \"24\"}",
    "{\"target_version\": \"6.4.3\", \"environments\": [\"live\"], \"gate\": \"approval\", \"soak_hours\": 24}",
    "{\"target_version\": \"6.4.3\", \"environments\": [\"live\"], \"gate\": \"approval\", \"start_at\": 5}",
    "{\"target_version\": \"6.4.3\", \"environments\": [\"live\"], \"gate\": \"approval\", \"start_at\": \"tomorrow\"}",
    "{\"target_version\": \"6.4.3\", \"environments\": [\"live\"], \"gate\": \"approval\", \"back_up_live_first\": \"yes\"}",
  };
  g_autofree char *past_body = g_strdup_printf ("{\"target_version\": \"6.4.3\", \"environments\": [\"live\"], "
                                                "\"gate\": \"approval\", \"start_at\": \"%s\"}", past);
  g_autofree char *far_body = g_strdup_printf ("{\"target_version\": \"6.4.3\", \"environments\": [\"live\"], "
                                               "\"gate\": \"approval\", \"start_at\": \"%s\"}", too_far);
  g_autofree char *zone_body = NULL;

  /* A time without its zone: the format of the others without the "Z". */
  no_zone = format_time (now + DAY);
  no_zone[strlen (no_zone) - 1] = '\0';
  zone_body = g_strdup_printf ("{\"target_version\": \"6.4.3\", \"environments\": [\"live\"], "
                               "\"gate\": \"approval\", \"start_at\": \"%s\"}", no_zone);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_create_error (f, "acmeweb", cases[i], 400, "bad_request");
  assert_create_error (f, "acmeweb", past_body, 400, "bad_request");
  assert_create_error (f, "acmeweb", far_body, 400, "bad_request");
  assert_create_error (f, "acmeweb", zone_body, 400, "bad_request");

  /* Nothing was created by any of them. */
  g_autoptr(JsonNode) list = sim_get (f, "/api/v1/packages/acmeweb/plans");
  g_assert_cmpuint (sim_json_length (list, "plans"), ==, 0);
}

/* The edges that are allowed: soak_hours 1 and 168, a start_at 30 days
 * ahead with another time zone, approval with "soak_hours": null. */
static void
test_allowed_edges (SimTest       *f,
                    gconstpointer  data)
{
  gint64 now = sim_now (f);
  g_autoptr(GDateTime) far = g_date_time_new_from_unix_utc (now + 30 * DAY - HOUR);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (2 * HOUR);
  g_autoptr(GDateTime) far_local = g_date_time_to_timezone (far, zone);
  g_autofree char *far_text = g_date_time_format (far_local, "%Y-%m-%dT%H:%M:%S+02:00");
  g_autofree char *body = g_strdup_printf ("{\"target_version\": \"6.4.3\", \"environments\": [\"live\"], "
                                           "\"gate\": \"soak\", \"soak_hours\": 168, \"start_at\": \"%s\"}",
                                           far_text);
  g_autoptr(JsonNode) plan = create_plan (f, "acmeweb", body);
  g_autoptr(JsonNode) cancelled = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) third = NULL;
  g_autoptr(JsonNode) done = NULL;

  g_assert_cmpint (sim_json_time (plan, "start_at"), ==, now + 30 * DAY - HOUR);
  g_assert_cmpstr (sim_json_string (plan, "status"), ==, "scheduled");
  g_assert_cmpint (sim_json_int (plan, "soak_hours"), ==, 168);
  /* A scheduled plan cancelled: its steps too, and nothing ever starts. */
  cancelled = change_plan (f, plan, "cancel");
  g_assert_cmpstr (sim_json_string (cancelled, "status"), ==, "cancelled");
  assert_step (cancelled, 0, "live", "cancelled", 0);

  second = create_plan (f, "acmeweb", "{\"target_version\": \"6.4.3\", \"environments\": [\"live\"], "
                                      "\"gate\": \"soak\", \"soak_hours\": 1}");
  g_assert_cmpint (sim_json_int (second, "soak_hours"), ==, 1);
  done = change_plan (f, second, "cancel");
  sim_advance (f, UPGRADE);

  third = create_plan (f, "acmeweb", "{\"target_version\": \"6.4.3\", \"environments\": [\"uat\"], "
                                     "\"gate\": \"approval\", \"soak_hours\": null, \"start_at\": null, "
                                     "\"back_up_live_first\": false}");
  g_assert_true (sim_json_is_null (third, "soak_hours"));
}

static void
test_not_found (SimTest       *f,
                gconstpointer  data)
{
  g_autoptr(SimAnswer) get = sim_request (f, "GET", "/api/v1/plans/plan-999999", NULL, NULL);
  g_autoptr(SimAnswer) approve = sim_request (f, "POST", "/api/v1/plans/plan-999999/approve", NULL, NULL);
  g_autoptr(SimAnswer) cancel = sim_request (f, "POST", "/api/v1/plans/plan-999999/cancel", NULL, NULL);
  g_autoptr(SimAnswer) list = sim_request (f, "GET", "/api/v1/packages/nope/plans", NULL, NULL);
  g_autoptr(SimAnswer) method = sim_request (f, "DELETE", "/api/v1/plans/plan-000001", NULL, NULL);

  sim_assert_error (get, 404, "not_found");
  sim_assert_error (approve, 404, "not_found");
  sim_assert_error (cancel, 404, "not_found");
  sim_assert_error (list, 404, "not_found");
  assert_create_error (f, "nope", "{\"target_version\": \"6.4.3\", \"environments\": [\"live\"], "
                                  "\"gate\": \"approval\"}", 404, "not_found");
  sim_assert_error (method, 405, "method_not_allowed");
  g_assert_cmpstr (soup_message_headers_get_one (method->headers, "Allow"), ==, "GET");
}

static void
test_codes (SimTest       *f,
            gconstpointer  data)
{
  g_autoptr(JsonNode) plan = NULL;
  g_autoptr(JsonNode) globex = NULL;
  g_autoptr(JsonNode) cancelled = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SimAnswer) answer = NULL;

  /* maintenance: initech */
  assert_create_error (f, "initech", "{\"target_version\": \"6.4.3\", \"environments\": [\"live\"], "
                                     "\"gate\": \"approval\"}", 409, "maintenance");
  /* plan_exists: a second plan while the first runs, and globex's waiting one */
  plan = create_plan (f, "acmeweb", "{\"target_version\": \"6.4.3\", \"environments\": [\"uat\"], "
                                    "\"gate\": \"approval\"}");
  assert_create_error (f, "acmeweb", "{\"target_version\": \"6.4.3\", \"environments\": [\"live\"], "
                                     "\"gate\": \"approval\"}", 409, "plan_exists");
  assert_create_error (f, "globex", "{\"target_version\": \"6.4.3\", \"environments\": [\"uat\"], "
                                    "\"gate\": \"approval\"}", 409, "plan_exists");
  /* environment_protected: umbrella's Live */
  assert_create_error (f, "umbrella", "{\"target_version\": \"6.3.21\", \"environments\": [\"uat\", \"live\"], "
                                      "\"gate\": \"approval\"}", 409, "environment_protected");
  /* upgrade_backup_exists: globex's Live, once its plan is cancelled */
  globex = get_package (f, "globex");
  path = g_strconcat ("/api/v1/plans/", sim_json_string (globex, "active_plan.id"), "/cancel", NULL);
  answer = sim_request (f, "POST", path, NULL, NULL);
  g_assert_cmpuint (answer->status, ==, 200);
  assert_create_error (f, "globex", "{\"target_version\": \"6.4.3\", \"environments\": [\"live\"], "
                                    "\"gate\": \"approval\"}", 409, "upgrade_backup_exists");
  /* version_not_available: not newer, unknown, not set up */
  assert_create_error (f, "globex", "{\"target_version\": \"6.3.21\", \"environments\": [\"uat\"], "
                                    "\"gate\": \"approval\"}", 422, "version_not_available");
  assert_create_error (f, "globex", "{\"target_version\": \"6.9.9\", \"environments\": [\"uat\"], "
                                    "\"gate\": \"approval\"}", 422, "version_not_available");
  assert_create_error (f, "umbrella", "{\"target_version\": \"6.3.21\", \"environments\": [\"integration\"], "
                                      "\"gate\": \"approval\"}", 422, "version_not_available");
  cancelled = change_plan (f, plan, "cancel");
}

/* The message of version_not_available names the environment. */
static void
test_version_message (SimTest       *f,
                      gconstpointer  data)
{
  g_autoptr(SimAnswer) answer = sim_request (f, "POST", "/api/v1/packages/acmeweb/plans",
                                             "{\"target_version\": \"6.3.21\", " ALL_THREE ", "
                                             "\"gate\": \"approval\"}", NULL);

  sim_assert_error (answer, 422, "version_not_available");
  g_assert_nonnull (strstr (sim_json_string (answer->json, "error.message"), "Integration"));
}

/* One package that breaks every rule at once, made better one rule at a
 * time: each answer is the first code of the contract's order. */
static void
test_order (SimTest       *f,
            gconstpointer  data)
{
  const char *bad = "{\"target_version\": \"6.3.21\", " ALL_THREE ", \"gate\": \"approval\", \"soak_hours\": 3}";
  const char *all = "{\"target_version\": \"6.2.42-sp2\", " ALL_THREE ", \"gate\": \"approval\"}";
  const char *two = "{\"target_version\": \"6.2.42-sp2\", \"environments\": [\"integration\", \"uat\"], "
                    "\"gate\": \"approval\"}";
  g_autoptr(JsonNode) existing = NULL;
  g_autoptr(JsonNode) cancelled = NULL;
  g_autoptr(SimAnswer) on = NULL;
  g_autoptr(SimAnswer) off = NULL;

  /* umbrella: Live protected, Integration torn down, everything on
   * 6.2.42-sp2 (so the version is not newer); a plan and maintenance. */
  existing = create_plan (f, "umbrella", "{\"target_version\": \"6.3.21\", \"environments\": [\"uat\"], "
                                         "\"gate\": \"approval\"}");
  on = sim_request (f, "POST", "/_sim/packages/umbrella/maintenance", "{\"message\": \"Moving.\"}", NULL);
  g_assert_cmpuint (on->status, ==, 200);

  assert_create_error (f, "nope", bad, 404, "not_found");
  assert_create_error (f, "umbrella", bad, 400, "bad_request");
  assert_create_error (f, "umbrella", all, 409, "maintenance");
  off = sim_request (f, "POST", "/_sim/packages/umbrella/maintenance", "{\"message\": null}", NULL);
  g_assert_cmpuint (off->status, ==, 200);
  assert_create_error (f, "umbrella", all, 409, "plan_exists");
  cancelled = change_plan (f, existing, "cancel");
  assert_create_error (f, "umbrella", all, 409, "environment_protected");
  assert_create_error (f, "umbrella", two, 422, "version_not_available");

  /* upgrade_backup_exists before version_not_available: globex's UAT is
   * on 6.3.21 already, and its Live has an upgrade backup. */
  g_clear_pointer (&existing, json_node_unref);
  existing = get_package (f, "globex");
  {
    g_autofree char *path = g_strconcat ("/api/v1/plans/", sim_json_string (existing, "active_plan.id"),
                                         "/cancel", NULL);
    g_autoptr(SimAnswer) answer = sim_request (f, "POST", path, NULL, NULL);

    g_assert_cmpuint (answer->status, ==, 200);
  }
  assert_create_error (f, "globex", "{\"target_version\": \"6.3.21\", \"environments\": [\"uat\", \"live\"], "
                                    "\"gate\": \"approval\"}", 409, "upgrade_backup_exists");
}

/* Gates */

static void
test_approval_three (SimTest       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) plan = create_plan (f, "acmeweb", "{\"target_version\": \"6.4.3\", " ALL_THREE ", "
                                                        "\"gate\": \"approval\"}");
  g_autoptr(JsonNode) waiting = NULL;
  g_autoptr(JsonNode) approved = NULL;
  g_autoptr(JsonNode) waiting_live = NULL;
  g_autoptr(JsonNode) approved_live = NULL;
  g_autoptr(JsonNode) done = NULL;
  g_autoptr(JsonNode) package = NULL;
  g_autoptr(JsonNode) uat_action = NULL;
  g_autoptr(JsonNode) live_action = NULL;

  sim_advance (f, UPGRADE);
  waiting = get_plan (f, plan);
  g_assert_cmpstr (sim_json_string (waiting, "status"), ==, "waiting");
  assert_step (waiting, 0, "integration", "done", 1);
  assert_step (waiting, 1, "uat", "waiting", 0);
  assert_step (waiting, 2, "live", "pending", 0);
  g_assert_true (sim_json_is_null (waiting, "steps.1.gate_opens_at"));
  package = get_package (f, "acmeweb");
  g_assert_cmpstr (sim_json_string (package, "active_plan.status"), ==, "waiting");
  g_assert_true (sim_json_is_null (package, "running_action"));

  /* Waiting for ever: the clock alone does not open an approval gate. */
  sim_advance (f, 10 * DAY);
  g_clear_pointer (&waiting, json_node_unref);
  waiting = get_plan (f, plan);
  assert_step (waiting, 1, "uat", "waiting", 0);

  approved = change_plan (f, plan, "approve");
  g_assert_cmpstr (sim_json_string (approved, "status"), ==, "running");
  assert_step (approved, 1, "uat", "running", 1);
  g_assert_cmpstr (sim_json_string (approved, "steps.1.approved_by"), ==, "Alex Example");
  g_assert_true (sim_json_is_null (approved, "steps.0.approved_by"));
  assert_step (approved, 2, "live", "pending", 0);
  uat_action = get_action (f, step_action (approved, 1, 0));
  g_assert_cmpstr (sim_json_string (uat_action, "status"), ==, "running");
  g_assert_cmpstr (sim_json_string (uat_action, "requested_by"), ==, "Alex Example");
  assert_entry (f, "acmeweb", "The upgrade of the UAT environment to 6.4.3 has been approved.", "info",
                "Alex Example");
  assert_entry (f, "acmeweb", "The upgrade plan to 6.4.3 has started upgrading the UAT", "info", "Alex Example");

  sim_advance (f, UPGRADE);
  waiting_live = get_plan (f, plan);
  g_assert_cmpstr (sim_json_string (waiting_live, "status"), ==, "waiting");
  assert_step (waiting_live, 1, "uat", "done", 1);
  assert_step (waiting_live, 2, "live", "waiting", 0);

  approved_live = change_plan (f, plan, "approve");
  assert_step (approved_live, 2, "live", "running", 1);
  g_assert_cmpstr (sim_json_string (approved_live, "steps.2.approved_by"), ==, "Alex Example");
  sim_advance (f, UPGRADE);

  done = get_plan (f, plan);
  g_assert_cmpstr (sim_json_string (done, "status"), ==, "succeeded");
  assert_step (done, 2, "live", "done", 1);
  live_action = get_action (f, step_action (done, 2, 0));
  g_assert_cmpstr (sim_json_string (done, "finished_at"), ==, sim_json_string (live_action, "finished_at"));
  g_assert_true (sim_json_is_null (done, "error"));
  g_clear_pointer (&package, json_node_unref);
  package = get_package (f, "acmeweb");
  g_assert_true (sim_json_is_null (package, "active_plan"));
  for (guint i = 0; i < 3; i++)
    {
      const char *kinds[] = { "live", "uat", "integration" };

      g_assert_cmpstr (sim_json_string (sim_package_environment (package, kinds[i]), "magnolia_version"), ==, "6.4.3");
    }
  assert_entry (f, "acmeweb", "The upgrade plan to 6.4.3 has been completed.", "info", "System");
}

/* A soak gate opens at the previous step's end + soak_hours; one big move
 * of the clock that passes it, and the next step, and the next gate,
 * starts each step at its own moment of simulated time. */
static void
test_soak (SimTest       *f,
           gconstpointer  data)
{
  g_autoptr(JsonNode) plan = create_plan (f, "acmeweb", "{\"target_version\": \"6.4.3\", " ALL_THREE ", "
                                                        "\"gate\": \"soak\", \"soak_hours\": 24}");
  g_autoptr(JsonNode) waiting = NULL;
  g_autoptr(JsonNode) still = NULL;
  g_autoptr(JsonNode) done = NULL;
  g_autoptr(JsonNode) integration = NULL;
  g_autoptr(JsonNode) uat = NULL;
  g_autoptr(JsonNode) live = NULL;
  g_autoptr(SimAnswer) approve = NULL;
  g_autoptr(JsonNode) opened = NULL;

  g_assert_cmpint (sim_json_int (plan, "soak_hours"), ==, 24);
  sim_advance (f, UPGRADE);
  waiting = get_plan (f, plan);
  integration = get_action (f, step_action (waiting, 0, 0));
  g_assert_cmpstr (sim_json_string (waiting, "status"), ==, "waiting");
  assert_step (waiting, 1, "uat", "waiting", 0);
  g_assert_cmpint (sim_json_time (waiting, "steps.1.gate_opens_at"), ==,
                   sim_json_time (integration, "finished_at") + 24 * HOUR);
  g_assert_true (sim_json_is_null (waiting, "steps.2.gate_opens_at"));

  /* A soak gate is not an approval. */
  approve = plan_request (f, "POST", plan, "/approve");
  sim_assert_error (approve, 409, "not_waiting");

  sim_advance (f, 23 * HOUR);
  still = get_plan (f, plan);
  assert_step (still, 1, "uat", "waiting", 0);

  /* One move across the UAT gate, the UAT upgrade, the Live gate and the
   * Live upgrade. */
  sim_advance (f, 3 * DAY);
  done = get_plan (f, plan);
  g_assert_cmpstr (sim_json_string (done, "status"), ==, "succeeded");
  uat = get_action (f, step_action (done, 1, 0));
  live = get_action (f, step_action (done, 2, 0));
  g_assert_cmpint (sim_json_time (uat, "created_at"), ==, sim_json_time (done, "steps.1.gate_opens_at"));
  g_assert_cmpint (sim_json_time (done, "steps.2.gate_opens_at"), ==, sim_json_time (uat, "finished_at") + 24 * HOUR);
  g_assert_cmpint (sim_json_time (live, "created_at"), ==, sim_json_time (done, "steps.2.gate_opens_at"));
  g_assert_cmpint (sim_json_time (live, "finished_at"), ==, sim_json_time (live, "created_at") + UPGRADE);
  g_assert_cmpstr (sim_json_string (done, "finished_at"), ==, sim_json_string (live, "finished_at"));
  g_assert_true (sim_json_is_null (done, "steps.1.approved_by"));

  opened = find_entry (f, "acmeweb", "The soak time of 24 hours has passed: the upgrade of the UAT");
  g_assert_cmpstr (sim_json_string (opened, "by"), ==, "System");
  g_assert_cmpint (sim_json_time (opened, "at"), ==, sim_json_time (done, "steps.1.gate_opens_at"));
  assert_entry (f, "acmeweb", "The upgrade plan to 6.4.3 has started upgrading the LIVE", "info", "System");
}

/* A scheduled upgrade: one environment and a start_at. */
static void
test_scheduled (SimTest       *f,
                gconstpointer  data)
{
  gint64 now = sim_now (f);
  g_autofree char *start = format_time (now + DAY + 17);
  g_autofree char *body = g_strdup_printf ("{\"target_version\": \"6.3.21\", \"environments\": [\"live\"], "
                                           "\"gate\": \"approval\", \"start_at\": \"%s\"}", start);
  g_autoptr(JsonNode) plan = create_plan (f, "acmeweb", body);
  g_autoptr(JsonNode) later = NULL;
  g_autoptr(JsonNode) started = NULL;
  g_autoptr(JsonNode) action = NULL;
  g_autoptr(JsonNode) package = NULL;
  g_autoptr(SimAnswer) approve = NULL;

  g_assert_cmpstr (sim_json_string (plan, "status"), ==, "scheduled");
  g_assert_cmpstr (sim_json_string (plan, "start_at"), ==, start);
  assert_step (plan, 0, "live", "pending", 0);
  g_assert_cmpuint (count_actions (f, "acmeweb"), ==, 0);
  package = get_package (f, "acmeweb");
  g_assert_cmpstr (sim_json_string (package, "active_plan.status"), ==, "scheduled");
  approve = plan_request (f, "POST", plan, "/approve");
  sim_assert_error (approve, 409, "not_waiting");
  assert_entry (f, "acmeweb", "An upgrade plan to 6.3.21 has been created for LIVE, starting at", "info",
                "Alex Example");

  sim_advance (f, DAY - HOUR);
  later = get_plan (f, plan);
  g_assert_cmpstr (sim_json_string (later, "status"), ==, "scheduled");

  /* Passed in one move: it starts at its time, not at the clock's. */
  sim_advance (f, 2 * HOUR);
  started = get_plan (f, plan);
  g_assert_cmpstr (sim_json_string (started, "status"), ==, "succeeded");
  action = get_action (f, step_action (started, 0, 0));
  g_assert_cmpstr (sim_json_string (action, "created_at"), ==, start);
  g_assert_cmpstr (sim_json_string (action, "requested_by"), ==, "Alex Example");
  assert_entry (f, "acmeweb", "The upgrade plan to 6.3.21 has started upgrading the LIVE", "info", "System");
}

/* Failures, cancels */

static void
test_failure_in_uat (SimTest       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) plan = create_plan (f, "acmeweb", "{\"target_version\": \"6.4.3\", " ALL_THREE ", "
                                                        "\"gate\": \"approval\"}");
  g_autoptr(SimAnswer) armed = NULL;
  g_autoptr(JsonNode) approved = NULL;
  g_autoptr(JsonNode) failed = NULL;
  g_autoptr(JsonNode) action = NULL;
  g_autoptr(JsonNode) package = NULL;
  g_autoptr(JsonNode) entry = NULL;
  g_autoptr(SimAnswer) approve = NULL;
  g_autoptr(SimAnswer) cancel = NULL;

  /* Hooli's scheduled upgrade would take the armed failure if it started
   * first (it may, on a Sunday morning). */
  cancel_active (f, "hooli");
  sim_advance (f, UPGRADE);
  armed = sim_request (f, "POST", "/_sim/fail-next", "{\"stage\": \"verify_replica\"}", NULL);
  g_assert_cmpuint (armed->status, ==, 200);
  approved = change_plan (f, plan, "approve");
  sim_advance (f, 10 * DAY);

  failed = get_plan (f, plan);
  action = get_action (f, step_action (failed, 1, 0));
  g_assert_cmpstr (sim_json_string (action, "status"), ==, "failed");
  g_assert_cmpstr (sim_json_string (failed, "status"), ==, "failed");
  assert_step (failed, 0, "integration", "done", 1);
  assert_step (failed, 1, "uat", "failed", 1);
  assert_step (failed, 2, "live", "skipped", 0);
  g_assert_cmpstr (sim_json_string (failed, "error.code"), ==, "verification_failed");
  g_assert_cmpstr (sim_json_string (failed, "error.message"), ==, sim_json_string (action, "error.message"));
  g_assert_cmpstr (sim_json_string (failed, "finished_at"), ==, sim_json_string (action, "finished_at"));

  package = get_package (f, "acmeweb");
  g_assert_true (sim_json_is_null (package, "active_plan"));
  g_assert_cmpstr (sim_json_string (sim_package_environment (package, "live"), "magnolia_version"), ==, "6.3.18");
  g_assert_cmpstr (sim_json_string (sim_package_environment (package, "uat"), "magnolia_version"), ==, "6.3.19");
  g_assert_cmpuint (count_actions (f, "acmeweb"), ==, 2);

  /* The plan's own entry, besides the action's. */
  entry = find_entry (f, "acmeweb", "The upgrade plan to 6.4.3 has failed at the UAT environment.");
  g_assert_cmpstr (sim_json_string (entry, "type"), ==, "error");
  g_assert_cmpstr (sim_json_string (entry, "by"), ==, "System");
  assert_entry (f, "acmeweb", "Failed to upgrade the UAT environment to 6.4.3.", "error", "Alex Example");

  approve = plan_request (f, "POST", plan, "/approve");
  sim_assert_error (approve, 409, "not_waiting");
  cancel = plan_request (f, "POST", plan, "/cancel");
  sim_assert_error (cancel, 409, "plan_finished");
}

static void
test_cancel_waiting (SimTest       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) plan = create_plan (f, "acmeweb", "{\"target_version\": \"6.4.3\", " ALL_THREE ", "
                                                        "\"gate\": \"soak\", \"soak_hours\": 2}");
  g_autoptr(JsonNode) cancelled = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) package = NULL;
  g_autoptr(SimAnswer) again = NULL;
  gint64 now;

  sim_advance (f, UPGRADE);
  now = sim_now (f);
  cancelled = change_plan (f, plan, "cancel");
  g_assert_cmpstr (sim_json_string (cancelled, "status"), ==, "cancelled");
  g_assert_cmpint (ABS (sim_json_time (cancelled, "finished_at") - now), <=, 2);
  assert_step (cancelled, 0, "integration", "done", 1);
  assert_step (cancelled, 1, "uat", "cancelled", 0);
  assert_step (cancelled, 2, "live", "cancelled", 0);
  package = get_package (f, "acmeweb");
  g_assert_true (sim_json_is_null (package, "active_plan"));
  assert_entry (f, "acmeweb", "The upgrade plan to 6.4.3 has been cancelled.", "info", "Alex Example");

  /* The gate's time passes: nothing starts. */
  sim_advance (f, DAY);
  after = get_plan (f, plan);
  g_assert_cmpstr (sim_json_string (after, "status"), ==, "cancelled");
  g_assert_cmpuint (count_actions (f, "acmeweb"), ==, 1);
  g_assert_false (has_entry (f, "acmeweb", "The soak time of 2 hours has passed"));
  g_assert_false (has_entry (f, "acmeweb", "The upgrade plan to 6.4.3 has started upgrading the UAT"));

  again = plan_request (f, "POST", plan, "/cancel");
  sim_assert_error (again, 409, "plan_finished");
}

/* A running action is not interrupted; nothing after it starts. */
static void
test_cancel_running (SimTest       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) plan = create_plan (f, "acmeweb", "{\"target_version\": \"6.4.3\", " ALL_THREE ", "
                                                        "\"gate\": \"soak\", \"soak_hours\": 1}");
  g_autoptr(JsonNode) cancelled = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) package = NULL;

  sim_advance (f, 2 * STAGE);
  cancelled = change_plan (f, plan, "cancel");
  g_assert_cmpstr (sim_json_string (cancelled, "status"), ==, "cancelled");
  assert_step (cancelled, 0, "integration", "running", 1);
  assert_step (cancelled, 1, "uat", "cancelled", 0);
  package = get_package (f, "acmeweb");
  g_assert_true (sim_json_is_null (package, "active_plan"));
  g_assert_cmpstr (sim_json_string (package, "running_action.id"), ==, step_action (plan, 0, 0));

  sim_advance (f, DAY);
  after = get_plan (f, plan);
  g_assert_cmpstr (sim_json_string (after, "status"), ==, "cancelled");
  assert_step (after, 0, "integration", "done", 1);
  g_assert_cmpuint (count_actions (f, "acmeweb"), ==, 1);
  g_clear_pointer (&package, json_node_unref);
  package = get_package (f, "acmeweb");
  g_assert_cmpstr (sim_json_string (sim_package_environment (package, "integration"), "magnolia_version"), ==, "6.4.3");
  g_assert_cmpstr (sim_json_string (sim_package_environment (package, "uat"), "magnolia_version"), ==, "6.3.19");
}

/* For Live, not the upgrade after a running backup. */
static void
test_cancel_during_backup (SimTest       *f,
                           gconstpointer  data)
{
  g_autoptr(JsonNode) plan = create_plan (f, "acmeweb", "{\"target_version\": \"6.3.21\", \"environments\": [\"live\"], "
                                                        "\"gate\": \"approval\", \"back_up_live_first\": true}");
  g_autoptr(JsonNode) cancelled = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) backup = NULL;
  g_autoptr(JsonNode) package = NULL;

  assert_step (plan, 0, "live", "running", 1);
  cancelled = change_plan (f, plan, "cancel");
  assert_step (cancelled, 0, "live", "running", 1);
  sim_advance (f, DAY);
  after = get_plan (f, plan);
  assert_step (after, 0, "live", "done", 1);
  backup = get_action (f, step_action (after, 0, 0));
  g_assert_cmpstr (sim_json_string (backup, "kind"), ==, "create_backup");
  g_assert_cmpstr (sim_json_string (backup, "status"), ==, "succeeded");
  g_assert_cmpuint (count_actions (f, "acmeweb"), ==, 1);
  package = get_package (f, "acmeweb");
  g_assert_cmpstr (sim_json_string (sim_package_environment (package, "live"), "magnolia_version"), ==, "6.3.18");
}

static void
test_not_waiting (SimTest       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) plan = create_plan (f, "acmeweb", "{\"target_version\": \"6.4.3\", \"environments\": "
                                                        "[\"integration\", \"uat\"], \"gate\": \"approval\"}");
  g_autoptr(SimAnswer) running = plan_request (f, "POST", plan, "/approve");
  g_autoptr(JsonNode) approved = NULL;
  g_autoptr(SimAnswer) twice = NULL;

  sim_assert_error (running, 409, "not_waiting");
  sim_advance (f, UPGRADE);
  approved = change_plan (f, plan, "approve");
  twice = plan_request (f, "POST", plan, "/approve");
  sim_assert_error (twice, 409, "not_waiting");
}

/* Approve and cancel take no body: any body at all is a 400. */
static void
test_no_body (SimTest       *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) plan = create_plan (f, "acmeweb", "{\"target_version\": \"6.4.3\", \"environments\": "
                                                        "[\"uat\"], \"gate\": \"approval\"}");
  g_autofree char *path = g_strconcat ("/api/v1/plans/", sim_json_string (plan, "id"), "/cancel", NULL);
  g_autofree char *approve_path = g_strconcat ("/api/v1/plans/", sim_json_string (plan, "id"), "/approve", NULL);
  g_autoptr(SimAnswer) array = sim_request (f, "POST", path, "[1]", NULL);
  g_autoptr(SimAnswer) object = sim_request (f, "POST", path, "{}", NULL);
  g_autoptr(SimAnswer) approve = sim_request (f, "POST", approve_path, "{}", NULL);
  g_autoptr(JsonNode) still = get_plan (f, plan);
  g_autoptr(JsonNode) cancelled = NULL;

  sim_assert_error (array, 400, "bad_request");
  sim_assert_error (object, 400, "bad_request");
  sim_assert_error (approve, 400, "bad_request");
  g_assert_cmpstr (sim_json_string (still, "status"), ==, "running");
  cancelled = change_plan (f, plan, "cancel");
  g_assert_cmpstr (sim_json_string (cancelled, "status"), ==, "cancelled");
}

/* Steps decided when due */

/* A step whose environment is already on the target when it is due is
 * skipped; a skipped step counts as done, so the next waits for its gate. */
static void
test_skipped (SimTest       *f,
              gconstpointer  data)
{
  gint64 now = sim_now (f);
  g_autofree char *start = format_time (now + HOUR);
  g_autofree char *body = g_strdup_printf ("{\"target_version\": \"6.3.21\", \"environments\": [\"uat\", \"live\"], "
                                           "\"gate\": \"approval\", \"start_at\": \"%s\"}", start);
  g_autoptr(JsonNode) plan = create_plan (f, "acmeweb", body);
  g_autoptr(JsonNode) manual = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) skipped = NULL;
  g_autoptr(JsonNode) live_manual = NULL;
  g_autoptr(JsonNode) approved = NULL;
  g_autoptr(JsonNode) entry = NULL;

  /* UAT reaches 6.3.21 by hand before the plan starts. */
  manual = sim_start (f, "POST", ENV ("acmeweb", "uat") "/upgrade", "{\"target_version\": \"6.3.21\"}");
  sim_advance (f, 2 * HOUR);
  after = get_plan (f, plan);
  assert_step (after, 0, "uat", "skipped", 0);
  assert_step (after, 1, "live", "waiting", 0);
  g_assert_cmpstr (sim_json_string (after, "status"), ==, "waiting");
  entry = find_entry (f, "acmeweb", "The UAT environment already runs 6.3.21, so the upgrade plan to 6.3.21 skips it.");
  g_assert_cmpstr (sim_json_string (entry, "by"), ==, "System");
  g_assert_cmpint (sim_json_time (entry, "at"), ==, now + HOUR);

  /* Live too, by hand, while the plan waits: approving skips it, and the
   * plan has succeeded. */
  live_manual = sim_start (f, "POST", ENV ("acmeweb", "live") "/upgrade", "{\"target_version\": \"6.3.21\"}");
  sim_advance (f, UPGRADE);
  approved = change_plan (f, plan, "approve");
  assert_step (approved, 1, "live", "skipped", 0);
  g_assert_cmpstr (sim_json_string (approved, "status"), ==, "succeeded");
  g_assert_cmpstr (sim_json_string (approved, "steps.1.approved_by"), ==, "Alex Example");
  skipped = find_entry (f, "acmeweb", "The LIVE environment already runs 6.3.21");
  g_assert_cmpstr (sim_json_string (skipped, "by"), ==, "Alex Example");
}

static void
test_back_up_live_first (SimTest       *f,
                         gconstpointer  data)
{
  g_autoptr(JsonNode) plan = create_plan (f, "acmeweb", "{\"target_version\": \"6.3.21\", \"environments\": [\"live\"], "
                                                        "\"gate\": \"approval\", \"back_up_live_first\": true}");
  g_autoptr(JsonNode) backup = NULL;
  g_autoptr(JsonNode) during = NULL;
  g_autoptr(JsonNode) done = NULL;
  g_autoptr(JsonNode) upgrade = NULL;

  g_assert_true (sim_json_bool (plan, "back_up_live_first"));
  assert_step (plan, 0, "live", "running", 1);
  backup = get_action (f, step_action (plan, 0, 0));
  g_assert_cmpstr (sim_json_string (backup, "kind"), ==, "create_backup");
  g_assert_cmpstr (sim_json_string (backup, "requested_by"), ==, "Alex Example");
  assert_entry (f, "acmeweb", "The upgrade plan to 6.3.21 has started on the LIVE environment, with a backup first.",
                "info", "Alex Example");

  sim_advance (f, STAGE + 1);
  during = get_plan (f, plan);
  assert_step (during, 0, "live", "running", 2);
  g_assert_cmpstr (sim_json_string (during, "status"), ==, "running");

  sim_advance (f, UPGRADE);
  done = get_plan (f, plan);
  g_assert_cmpstr (sim_json_string (done, "status"), ==, "succeeded");
  assert_step (done, 0, "live", "done", 2);
  g_assert_cmpstr (step_action (done, 0, 0), ==, sim_json_string (backup, "id"));
  g_clear_pointer (&backup, json_node_unref);
  backup = get_action (f, step_action (done, 0, 0));
  upgrade = get_action (f, step_action (done, 0, 1));
  g_assert_cmpstr (sim_json_string (upgrade, "kind"), ==, "upgrade");
  g_assert_cmpstr (sim_json_string (upgrade, "created_at"), ==, sim_json_string (backup, "finished_at"));
  g_assert_cmpstr (sim_json_string (upgrade, "requested_by"), ==, "Alex Example");
}

/* A failed backup fails Live's step and the plan; its upgrade never starts. */
static void
test_backup_fails (SimTest       *f,
                   gconstpointer  data)
{
  g_autoptr(SimAnswer) armed = NULL;
  g_autoptr(JsonNode) plan = NULL;
  g_autoptr(JsonNode) failed = NULL;
  g_autoptr(JsonNode) package = NULL;

  cancel_active (f, "hooli");
  armed = sim_request (f, "POST", "/_sim/fail-next", "{\"stage\": \"create_backup\"}", NULL);
  g_assert_cmpuint (armed->status, ==, 200);
  plan = create_plan (f, "acmeweb", "{\"target_version\": \"6.3.21\", \"environments\": [\"uat\", \"live\"], "
                                    "\"gate\": \"soak\", \"soak_hours\": 1, \"back_up_live_first\": true}");
  sim_advance (f, 2 * DAY);
  failed = get_plan (f, plan);
  g_assert_cmpstr (sim_json_string (failed, "status"), ==, "failed");
  assert_step (failed, 0, "uat", "done", 1);
  assert_step (failed, 1, "live", "failed", 1);
  g_assert_cmpstr (sim_json_string (failed, "error.code"), ==, "backup_failed");
  g_assert_cmpuint (count_actions (f, "acmeweb"), ==, 2);
  package = get_package (f, "acmeweb");
  g_assert_cmpstr (sim_json_string (sim_package_environment (package, "live"), "magnolia_version"), ==, "6.3.18");
  assert_entry (f, "acmeweb", "The upgrade plan to 6.3.21 has failed at the LIVE environment. The backup of Live",
                "error", "System");
}

/* While the package is busy, the due step stays pending (the plan
 * running) and starts the moment the other action ends. */
static void
test_busy_pending (SimTest       *f,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) backup = sim_start (f, "POST", ENV ("acmeweb", "live") "/backups", NULL);
  g_autoptr(JsonNode) plan = create_plan (f, "acmeweb", "{\"target_version\": \"6.4.3\", \"environments\": "
                                                        "[\"integration\"], \"gate\": \"approval\"}");
  g_autoptr(JsonNode) started = NULL;
  g_autoptr(JsonNode) done_backup = NULL;
  g_autoptr(JsonNode) action = NULL;

  g_assert_cmpstr (sim_json_string (plan, "status"), ==, "running");
  assert_step (plan, 0, "integration", "pending", 0);
  sim_advance (f, 2 * STAGE);
  started = get_plan (f, plan);
  assert_step (started, 0, "integration", "running", 1);
  done_backup = get_action (f, sim_json_string (backup, "id"));
  action = get_action (f, step_action (started, 0, 0));
  g_assert_cmpstr (sim_json_string (action, "created_at"), ==, sim_json_string (done_backup, "finished_at"));
}

/* A step due in maintenance waits like a busy one, and starts when the
 * maintenance ends. */
static void
test_maintenance_pending (SimTest       *f,
                          gconstpointer  data)
{
  g_autoptr(JsonNode) plan = create_plan (f, "acmeweb", "{\"target_version\": \"6.4.3\", \"environments\": "
                                                        "[\"integration\", \"uat\"], \"gate\": \"soak\", "
                                                        "\"soak_hours\": 1}");
  g_autoptr(SimAnswer) on = NULL;
  g_autoptr(SimAnswer) off = NULL;
  g_autoptr(JsonNode) pending = NULL;
  g_autoptr(JsonNode) started = NULL;
  g_autoptr(JsonNode) action = NULL;

  sim_advance (f, UPGRADE);
  on = sim_request (f, "POST", "/_sim/packages/acmeweb/maintenance", "{\"message\": \"Moving.\"}", NULL);
  g_assert_cmpuint (on->status, ==, 200);
  sim_advance (f, 2 * HOUR);
  pending = get_plan (f, plan);
  g_assert_cmpstr (sim_json_string (pending, "status"), ==, "running");
  assert_step (pending, 1, "uat", "pending", 0);
  assert_entry (f, "acmeweb", "The soak time of 1 hour has passed", "info", "System");

  off = sim_request (f, "POST", "/_sim/packages/acmeweb/maintenance", "{\"message\": null}", NULL);
  g_assert_cmpuint (off->status, ==, 200);
  g_assert_cmpstr (sim_json_string (off->json, "active_plan.steps.1.status"), ==, "running");
  started = get_plan (f, plan);
  assert_step (started, 1, "uat", "running", 1);
  action = get_action (f, step_action (started, 1, 0));
  g_assert_cmpstr (sim_json_string (action, "status"), ==, "running");
}

/* A step due while its environment is not set up, or (Live) has an
 * upgrade backup, fails the plan with that code and starts nothing. */
static void
test_due_refused (SimTest       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) plan = create_plan (f, "acmeweb", "{\"target_version\": \"6.4.3\", \"environments\": "
                                                        "[\"integration\", \"uat\"], \"gate\": \"approval\"}");
  g_autoptr(JsonNode) teardown = NULL;
  g_autoptr(JsonNode) failed = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) manual = NULL;
  g_autoptr(JsonNode) failed_live = NULL;
  guint actions;

  sim_advance (f, UPGRADE);
  teardown = sim_start (f, "DELETE", ENV ("acmeweb", "uat"), NULL);
  sim_advance (f, STAGE);
  actions = count_actions (f, "acmeweb");
  failed = change_plan (f, plan, "approve");
  g_assert_cmpstr (sim_json_string (failed, "status"), ==, "failed");
  assert_step (failed, 1, "uat", "failed", 0);
  g_assert_cmpstr (sim_json_string (failed, "error.code"), ==, "version_not_available");
  g_assert_cmpuint (count_actions (f, "acmeweb"), ==, actions);
  assert_entry (f, "acmeweb", "The upgrade plan to 6.4.3 has failed at the UAT environment.", "error",
                "Alex Example");

  /* Live with an upgrade backup made by hand before the plan's start. */
  {
    g_autofree char *start = format_time (sim_now (f) + HOUR);
    g_autofree char *body = g_strdup_printf ("{\"target_version\": \"6.4.3\", \"environments\": [\"live\"], "
                                             "\"gate\": \"approval\", \"start_at\": \"%s\"}", start);

    second = create_plan (f, "acmeweb", body);
  }
  actions = count_actions (f, "acmeweb");
  manual = sim_start (f, "POST", ENV ("acmeweb", "live") "/upgrade", "{\"target_version\": \"6.3.21\"}");
  sim_advance (f, 2 * HOUR);
  failed_live = get_plan (f, second);
  g_assert_cmpstr (sim_json_string (failed_live, "status"), ==, "failed");
  assert_step (failed_live, 0, "live", "failed", 0);
  g_assert_cmpuint (count_actions (f, "acmeweb"), ==, actions + 1);
  g_assert_cmpstr (sim_json_string (failed_live, "error.code"), ==, "upgrade_backup_exists");
  assert_entry (f, "acmeweb", "The upgrade plan to 6.4.3 has failed at the LIVE environment.", "error", "System");
}

/* Protection cannot change through the contract: the state file makes
 * UAT protected while the plan waits for its approval. */
static void
test_due_protected (SimTest       *f,
                    gconstpointer  data)
{
  g_autofree char *state = sim_test_path (f, "state.json");
  g_autoptr(JsonNode) plan = NULL;
  g_autoptr(JsonNode) failed = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonArray *packages;
  guint actions;

  sim_test_start (f, COCKPIT_SIM_SEED_DEMO, state, STAGE, TRUE);
  plan = create_plan (f, "acmeweb", "{\"target_version\": \"6.4.3\", \"environments\": "
                                    "[\"integration\", \"uat\"], \"gate\": \"approval\"}");
  sim_advance (f, UPGRADE);
  sim_test_stop (f);

  json_parser_load_from_file (parser, state, &error);
  g_assert_no_error (error);
  packages = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "packages");
  for (guint i = 0; i < json_array_get_length (packages); i++)
    {
      JsonObject *package = json_array_get_object_element (packages, i);
      JsonArray *envs = json_object_get_array_member (package, "environments");

      for (guint j = 0; j < json_array_get_length (envs); j++)
        {
          JsonObject *env = json_array_get_object_element (envs, j);

          if (g_str_equal (json_object_get_string_member (env, "id"), "acmeweb-uat"))
            json_object_set_boolean_member (env, "protected", TRUE);
        }
    }
  {
    g_autoptr(JsonGenerator) generator = json_generator_new ();

    json_generator_set_root (generator, json_parser_get_root (parser));
    text = json_generator_to_data (generator, NULL);
  }
  g_file_set_contents (state, text, -1, &error);
  g_assert_no_error (error);

  sim_test_start (f, COCKPIT_SIM_SEED_DEMO, state, STAGE, TRUE);
  actions = count_actions (f, "acmeweb");
  failed = change_plan (f, plan, "approve");
  g_assert_cmpstr (sim_json_string (failed, "status"), ==, "failed");
  assert_step (failed, 1, "uat", "failed", 0);
  g_assert_cmpstr (sim_json_string (failed, "error.code"), ==, "environment_protected");
  g_assert_cmpuint (count_actions (f, "acmeweb"), ==, actions);
}

/* The list, idempotency */

static void
test_list (SimTest       *f,
           gconstpointer  data)
{
  const char *body = "{\"target_version\": \"6.4.3\", \"environments\": [\"uat\"], \"gate\": \"approval\", "
                     "\"start_at\": \"%s\"}";
  g_autofree char *start = format_time (sim_now (f) + DAY);
  g_autofree char *filled = g_strdup_printf (body, start);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) third = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) actions = NULL;
  g_autofree char *other_path = NULL;
  g_autoptr(SimAnswer) other = NULL;
  g_autoptr(SimAnswer) broken = NULL;
  g_autoptr(SimAnswer) limit = NULL;
  g_autoptr(SimAnswer) other_package = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(JsonNode) plan = create_plan (f, "acmeweb", filled);
      g_autoptr(JsonNode) cancelled = change_plan (f, plan, "cancel");

      g_ptr_array_add (ids, g_strdup (sim_json_string (plan, "id")));
    }

  first = sim_get (f, "/api/v1/packages/acmeweb/plans?limit=2");
  g_assert_cmpuint (sim_json_length (first, "plans"), ==, 2);
  g_assert_cmpstr (sim_json_string (first, "plans.0.id"), ==, g_ptr_array_index (ids, 2));
  g_assert_cmpstr (sim_json_string (first, "plans.1.id"), ==, g_ptr_array_index (ids, 1));
  g_assert_false (sim_json_is_null (first, "next_before"));
  path = g_strdup_printf ("/api/v1/packages/acmeweb/plans?limit=2&before=%s", sim_json_string (first, "next_before"));
  second = sim_get (f, path);
  g_assert_cmpuint (sim_json_length (second, "plans"), ==, 1);
  g_assert_cmpstr (sim_json_string (second, "plans.0.id"), ==, g_ptr_array_index (ids, 0));
  g_assert_true (sim_json_is_null (second, "next_before"));
  third = sim_get (f, "/api/v1/packages/acmeweb/plans");
  g_assert_cmpuint (sim_json_length (third, "plans"), ==, 3);
  g_assert_true (sim_json_is_null (third, "next_before"));

  /* A cursor of another list, of another package, or not made here. */
  actions = sim_get (f, "/api/v1/packages/acmeweb/activity?limit=1");
  {
    g_autofree char *activity_path = g_strdup_printf ("/api/v1/packages/acmeweb/plans?before=%s",
                                                      sim_json_string (actions, "next_before"));
    g_autoptr(SimAnswer) activity = sim_request (f, "GET", activity_path, NULL, NULL);

    sim_assert_error (activity, 400, "bad_request");
  }
  other_path = g_strdup_printf ("/api/v1/packages/globex/plans?before=%s", sim_json_string (first, "next_before"));
  other = sim_request (f, "GET", other_path, NULL, NULL);
  sim_assert_error (other, 400, "bad_request");
  broken = sim_request (f, "GET", "/api/v1/packages/acmeweb/plans?before=nonsense!", NULL, NULL);
  sim_assert_error (broken, 400, "bad_request");
  limit = sim_request (f, "GET", "/api/v1/packages/acmeweb/plans?limit=0", NULL, NULL);
  sim_assert_error (limit, 400, "bad_request");
  other_package = sim_request (f, "GET", "/api/v1/packages/nope/plans", NULL, NULL);
  sim_assert_error (other_package, 404, "not_found");
}

static void
test_idempotent_create (SimTest       *f,
                        gconstpointer  data)
{
  const char *body = "{\"target_version\": \"6.4.3\", \"environments\": [\"uat\"], \"gate\": \"approval\"}";
  g_autoptr(SimAnswer) first = sim_request (f, "POST", "/api/v1/packages/acmeweb/plans", body, "plan-key-1");
  g_autoptr(SimAnswer) replay = NULL;
  g_autoptr(SimAnswer) mismatch = NULL;
  g_autoptr(JsonNode) list = NULL;

  g_assert_cmpuint (first->status, ==, 201);
  replay = sim_request (f, "POST", "/api/v1/packages/acmeweb/plans", body, "plan-key-1");
  g_assert_cmpuint (replay->status, ==, 201);
  g_assert_cmpstr (soup_message_headers_get_one (replay->headers, "Idempotency-Replayed"), ==, "true");
  g_assert_cmpstr (soup_message_headers_get_one (replay->headers, "Location"), ==,
                   soup_message_headers_get_one (first->headers, "Location"));
  g_assert_true (g_bytes_equal (replay->body, first->body));
  list = sim_get (f, "/api/v1/packages/acmeweb/plans");
  g_assert_cmpuint (sim_json_length (list, "plans"), ==, 1);
  g_assert_cmpuint (count_actions (f, "acmeweb"), ==, 1);

  mismatch = sim_request (f, "POST", "/api/v1/packages/acmeweb/plans",
                          "{\"target_version\": \"6.4.3\", \"environments\": [\"live\"], \"gate\": \"approval\"}",
                          "plan-key-1");
  sim_assert_error (mismatch, 422, "idempotency_mismatch");
}

/* Approve and cancel with a key: the same request again is the first
 * answer again, not a second approval or a 409. */
static void
test_idempotent_changes (SimTest       *f,
                         gconstpointer  data)
{
  g_autoptr(JsonNode) plan = create_plan (f, "acmeweb", "{\"target_version\": \"6.4.3\", \"environments\": "
                                                        "[\"integration\", \"uat\"], \"gate\": \"approval\"}");
  g_autofree char *approve = g_strconcat ("/api/v1/plans/", sim_json_string (plan, "id"), "/approve", NULL);
  g_autofree char *cancel = g_strconcat ("/api/v1/plans/", sim_json_string (plan, "id"), "/cancel", NULL);
  g_autoptr(SimAnswer) first = NULL;
  g_autoptr(SimAnswer) again = NULL;
  g_autoptr(SimAnswer) cancelled = NULL;
  g_autoptr(SimAnswer) cancelled_again = NULL;
  g_autoptr(SimAnswer) other = NULL;

  sim_advance (f, UPGRADE);
  first = sim_request (f, "POST", approve, NULL, "approve-key");
  g_assert_cmpuint (first->status, ==, 200);
  again = sim_request (f, "POST", approve, NULL, "approve-key");
  g_assert_cmpuint (again->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (again->headers, "Idempotency-Replayed"), ==, "true");
  g_assert_true (g_bytes_equal (again->body, first->body));
  g_assert_cmpuint (count_actions (f, "acmeweb"), ==, 2);

  cancelled = sim_request (f, "POST", cancel, NULL, "cancel-key");
  g_assert_cmpuint (cancelled->status, ==, 200);
  cancelled_again = sim_request (f, "POST", cancel, NULL, "cancel-key");
  g_assert_cmpuint (cancelled_again->status, ==, 200);
  g_assert_true (g_bytes_equal (cancelled_again->body, cancelled->body));
  other = sim_request (f, "POST", cancel, NULL, "another-key");
  sim_assert_error (other, 409, "plan_finished");
}

/* Durability */

static void
test_restart (SimTest       *f,
              gconstpointer  data)
{
  g_autofree char *state = sim_test_path (f, "state.json");
  g_autoptr(JsonNode) plan = NULL;
  g_autoptr(JsonNode) waiting = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) done = NULL;

  sim_test_start (f, COCKPIT_SIM_SEED_DEMO, state, STAGE, TRUE);
  plan = create_plan (f, "acmeweb", "{\"target_version\": \"6.4.3\", \"environments\": [\"integration\", \"uat\"], "
                                    "\"gate\": \"soak\", \"soak_hours\": 3}");
  sim_advance (f, UPGRADE);
  waiting = get_plan (f, plan);
  sim_test_stop (f);

  sim_test_start (f, COCKPIT_SIM_SEED_DEMO, state, STAGE, TRUE);
  after = get_plan (f, plan);
  g_assert_true (json_node_equal (after, waiting));
  sim_advance (f, 4 * HOUR);
  done = get_plan (f, plan);
  g_assert_cmpstr (sim_json_string (done, "status"), ==, "succeeded");
}

/* A state file written before plans (no "plans", no "next_plan") loads,
 * and its packages have none. */
static void
test_old_state_file (SimTest       *f,
                     gconstpointer  data)
{
  g_autofree char *state = sim_test_path (f, "state.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) package = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) plan = NULL;
  JsonObject *root;
  JsonArray *packages;

  sim_test_start (f, COCKPIT_SIM_SEED_DEMO, state, STAGE, TRUE);
  sim_test_stop (f);
  json_parser_load_from_file (parser, state, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (root, "next_plan"));
  json_object_remove_member (root, "next_plan");
  packages = json_object_get_array_member (root, "packages");
  for (guint i = 0; i < json_array_get_length (packages); i++)
    {
      JsonObject *p = json_array_get_object_element (packages, i);

      g_assert_true (json_object_has_member (p, "plans"));
      json_object_remove_member (p, "plans");
    }
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  g_file_set_contents (state, text, -1, &error);
  g_assert_no_error (error);

  sim_test_start (f, COCKPIT_SIM_SEED_DEMO, state, STAGE, TRUE);
  package = get_package (f, "globex");
  g_assert_true (sim_json_is_null (package, "active_plan"));
  list = sim_get (f, "/api/v1/packages/hooli/plans");
  g_assert_cmpuint (sim_json_length (list, "plans"), ==, 0);
  plan = create_plan (f, "acmeweb", "{\"target_version\": \"6.4.3\", \"environments\": [\"uat\"], \"gate\": \"approval\"}");
  g_assert_cmpstr (sim_json_string (plan, "id"), ==, "plan-000001");
}

/* kill -9 right after the 201: the plan is there after a restart, and
 * goes on from where the clock says it is. */
static void
test_kill_9 (SimTest       *f,
             gconstpointer  data)
{
  g_autofree char *state = sim_test_path (f, "state.json");
  g_autofree char *executable = g_test_build_filename (G_TEST_BUILT, "..", "src", "sim", "cockpit-sim", NULL);
  g_autoptr(JsonNode) plan = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) done = NULL;

  sim_test_stop (f);
  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GDataInputStream) out = NULL;
      g_autofree char *line = NULL;

      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, executable, "--token", SIM_TEST_TOKEN,
                                  "--state", state, "--test-controls", "--stage-seconds", "60", NULL);
      g_assert_no_error (error);
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
      line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (line, "listening on "));
      g_free (f->base);
      f->base = g_strdup (line + strlen ("listening on "));
      g_clear_object (&f->session);
      f->session = soup_session_new ();

      if (round == 0)
        plan = create_plan (f, "acmeweb", "{\"target_version\": \"6.4.3\", \"environments\": [\"integration\", \"uat\"], "
                                          "\"gate\": \"approval\"}");
      else if (round == 1)
        {
          after = get_plan (f, plan);
          assert_step (after, 0, "integration", "running", 1);
          sim_advance (f, UPGRADE);
          g_clear_pointer (&after, json_node_unref);
          after = change_plan (f, plan, "approve");
          assert_step (after, 1, "uat", "running", 1);
        }
      else
        {
          sim_advance (f, UPGRADE);
          done = get_plan (f, plan);
          g_assert_cmpstr (sim_json_string (done, "status"), ==, "succeeded");
          g_assert_cmpstr (sim_json_string (done, "steps.1.approved_by"), ==, "Alex Example");
        }

      g_subprocess_force_exit (process);
      g_assert_true (g_subprocess_wait (process, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
    }
  g_clear_pointer (&f->base, g_free);
}

/* The seeds */

static void
test_seed_demo (SimTest       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) hooli = get_package (f, "hooli");
  g_autoptr(JsonNode) globex = get_package (f, "globex");
  g_autoptr(JsonNode) integration = NULL;
  g_autoptr(JsonNode) entry = NULL;
  g_autoptr(JsonNode) approved = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *start_text = NULL;
  gint64 now = sim_now (f);
  JsonNode *plan;

  /* hooli: Live 6.3.19 to 6.3.21 on the next Sunday 06:00 UTC. */
  g_assert_cmpstr (sim_json_string (hooli, "name"), ==, "Hooli Careers Site");
  g_assert_cmpstr (sim_json_string (sim_package_environment (hooli, "live"), "magnolia_version"), ==, "6.3.19");
  g_assert_cmpstr (sim_json_string (sim_package_environment (hooli, "uat"), "magnolia_version"), ==, "6.3.21");
  g_assert_cmpstr (sim_json_string (sim_package_environment (hooli, "integration"), "magnolia_version"), ==, "6.3.21");
  g_assert_true (sim_json_is_null (sim_package_environment (hooli, "live"), "upgrade_backup"));
  plan = sim_json (hooli, "active_plan");
  g_assert_cmpstr (sim_json_string (plan, "status"), ==, "scheduled");
  g_assert_cmpstr (sim_json_string (plan, "target_version"), ==, "6.3.21");
  g_assert_true (sim_json_bool (plan, "back_up_live_first"));
  assert_step (plan, 0, "live", "pending", 0);
  g_assert_cmpuint (sim_json_length (plan, "steps"), ==, 1);
  start = g_date_time_new_from_unix_utc (sim_json_time (plan, "start_at"));
  g_assert_cmpint (g_date_time_get_day_of_week (start), ==, 7);
  g_assert_cmpint (g_date_time_get_hour (start), ==, 6);
  g_assert_cmpint (g_date_time_get_minute (start), ==, 0);
  g_assert_cmpint (sim_json_time (plan, "start_at"), >, now);
  g_assert_cmpint (sim_json_time (plan, "start_at"), <=, now + 7 * DAY);
  g_assert_cmpint (sim_json_time (plan, "created_at"), <, now);
  start_text = g_strdup (sim_json_string (plan, "start_at"));
  assert_entry (f, "hooli", "An upgrade plan to 6.3.21 has been created for LIVE, starting at", "info", "Alex Example");

  /* globex: Integration done (its upgrade in the history), UAT waiting. */
  plan = sim_json (globex, "active_plan");
  g_assert_cmpstr (sim_json_string (plan, "status"), ==, "waiting");
  g_assert_cmpstr (sim_json_string (plan, "target_version"), ==, "6.4.3");
  g_assert_cmpstr (sim_json_string (plan, "gate"), ==, "approval");
  assert_step (plan, 0, "integration", "done", 1);
  assert_step (plan, 1, "uat", "waiting", 0);
  integration = get_action (f, step_action (plan, 0, 0));
  g_assert_cmpstr (sim_json_string (integration, "status"), ==, "succeeded");
  g_assert_cmpstr (sim_json_string (integration, "params.target_version"), ==, "6.4.3");
  g_assert_cmpstr (sim_json_string (integration, "environment_id"), ==, "globex-integration");
  g_assert_cmpstr (sim_json_string (integration, "requested_by"), ==, sim_json_string (plan, "created_by"));
  g_assert_cmpstr (sim_json_string (integration, "created_at"), ==, sim_json_string (plan, "created_at"));
  g_assert_cmpstr (sim_json_string (sim_package_environment (globex, "integration"), "magnolia_version"), ==, "6.4.3");
  {
    g_autoptr(JsonNode) page = sim_get (f, "/api/v1/packages/globex/activity?limit=1000&q=INTEGRATION%20environment%20has%20been%20upgraded%20to%206.4.3");
    gboolean linked = FALSE;

    for (guint i = 0; i < sim_json_length (page, "entries"); i++)
      {
        g_autofree char *path = g_strdup_printf ("entries.%u.action_id", i);

        linked = linked || (!sim_json_is_null (page, path) &&
                            g_str_equal (sim_json_string (page, path), sim_json_string (integration, "id")));
      }
    g_assert_true (linked);
  }
  {
    g_autoptr(JsonNode) page = sim_get (f, "/api/v1/packages/globex/activity?limit=1000&q=upgrade%20plan%20to%206.4.3");

    g_assert_cmpuint (sim_json_length (page, "entries"), ==, 2);
  }

  /* Approving the demo's plan starts UAT. */
  {
    g_autofree char *path = g_strconcat ("/api/v1/plans/", sim_json_string (plan, "id"), "/approve", NULL);
    g_autoptr(SimAnswer) answer = sim_request (f, "POST", path, NULL, NULL);

    g_assert_cmpuint (answer->status, ==, 200);
    assert_step (answer->json, 1, "uat", "running", 1);
  }

  /* The scheduled upgrade starts at its time: the backup, then Live. */
  sim_advance (f, sim_json_time (sim_json (hooli, "active_plan"), "start_at") - now + UPGRADE + STAGE + 60);
  g_clear_pointer (&hooli, json_node_unref);
  hooli = sim_get (f, "/api/v1/packages/hooli/plans");
  g_assert_cmpstr (sim_json_string (hooli, "plans.0.status"), ==, "succeeded");
  assert_step (sim_json (hooli, "plans.0"), 0, "live", "done", 2);
  entry = get_action (f, step_action (sim_json (hooli, "plans.0"), 0, 0));
  g_assert_cmpstr (sim_json_string (entry, "kind"), ==, "create_backup");
  g_assert_cmpstr (sim_json_string (entry, "created_at"), ==, start_text);
}

static void
test_seed_others (SimTest       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) packages = NULL;

  sim_test_start (f, COCKPIT_SIM_SEED_LARGE, NULL, STAGE, TRUE);
  packages = sim_get (f, "/api/v1/packages");
  for (guint i = 0; i < sim_json_length (packages, "packages"); i++)
    {
      g_autofree char *path = g_strdup_printf ("packages.%u.active_plan", i);

      g_assert_true (sim_json_is_null (packages, path));
    }
  {
    g_autoptr(JsonNode) list = sim_get (f, "/api/v1/packages/pkg01/plans");

    g_assert_cmpuint (sim_json_length (list, "plans"), ==, 0);
  }
  sim_test_start (f, COCKPIT_SIM_SEED_EMPTY, NULL, STAGE, TRUE);
  g_clear_pointer (&packages, json_node_unref);
  packages = sim_get (f, "/api/v1/packages");
  g_assert_cmpuint (sim_json_length (packages, "packages"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cockpit/sim/plans/" path, SimTest, NULL, sim_test_setup, func, sim_test_teardown)

  ADD ("create", test_create);
  ADD ("reject/bad-request", test_bad_requests);
  ADD ("reject/allowed-edges", test_allowed_edges);
  ADD ("reject/not-found", test_not_found);
  ADD ("reject/codes", test_codes);
  ADD ("reject/version-message", test_version_message);
  ADD ("reject/order", test_order);
  ADD ("gate/approval-three", test_approval_three);
  ADD ("gate/soak", test_soak);
  ADD ("scheduled", test_scheduled);
  ADD ("failure-in-uat", test_failure_in_uat);
  ADD ("cancel/waiting", test_cancel_waiting);
  ADD ("cancel/running", test_cancel_running);
  ADD ("cancel/during-backup", test_cancel_during_backup);
  ADD ("approve/not-waiting", test_not_waiting);
  ADD ("no-body", test_no_body);
  ADD ("due/skipped", test_skipped);
  ADD ("due/back-up-live-first", test_back_up_live_first);
  ADD ("due/backup-fails", test_backup_fails);
  ADD ("due/busy", test_busy_pending);
  ADD ("due/maintenance", test_maintenance_pending);
  ADD ("due/refused", test_due_refused);
  ADD ("due/protected", test_due_protected);
  ADD ("list", test_list);
  ADD ("idempotency/create", test_idempotent_create);
  ADD ("idempotency/approve-cancel", test_idempotent_changes);
  ADD ("durability/restart", test_restart);
  ADD ("durability/old-state-file", test_old_state_file);
  ADD ("durability/kill-9", test_kill_9);
  ADD ("seed/demo", test_seed_demo);
  ADD ("seed/large-and-empty", test_seed_others);

#undef ADD

  return g_test_run ();
}
