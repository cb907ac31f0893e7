/* test-plan.c: upgrade plans read from the contract's JSON, what they say, and the request the app sends.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cockpit-model.h"

#include "test-package-spec.h"
#include "test-plan-json.h"

static void
test_decode (void)
{
  g_autoptr(CockpitPlan) plan = make_plan ("waiting", "waiting");
  GListModel *steps = cockpit_plan_get_steps (plan);
  g_autoptr(CockpitPlanStep) first = g_list_model_get_item (steps, 0);
  CockpitEnvironmentKind kinds[3];

  g_assert_cmpstr (cockpit_plan_get_id (plan), ==, "plan-1");
  g_assert_cmpstr (cockpit_plan_get_package_id (plan), ==, "acme");
  g_assert_cmpstr (cockpit_plan_get_target_version (plan), ==, "6.4.3");
  g_assert_cmpint (cockpit_plan_get_gate (plan), ==, COCKPIT_PLAN_GATE_APPROVAL);
  g_assert_cmpuint (cockpit_plan_get_soak_hours (plan), ==, 0);
  g_assert_null (cockpit_plan_get_start_at (plan));
  g_assert_true (cockpit_plan_get_back_up_live_first (plan));
  g_assert_cmpint (cockpit_plan_get_status (plan), ==, COCKPIT_PLAN_STATUS_WAITING);
  g_assert_cmpstr (cockpit_plan_get_created_by (plan), ==, "Alex Example");
  g_assert_nonnull (cockpit_plan_get_created_at (plan));
  g_assert_null (cockpit_plan_get_finished_at (plan));
  g_assert_null (cockpit_plan_get_error (plan));
  g_assert_true (cockpit_plan_is_active (plan));

  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 3);
  g_assert_cmpint (cockpit_plan_step_get_environment (first), ==, COCKPIT_ENVIRONMENT_KIND_INTEGRATION);
  g_assert_cmpint (cockpit_plan_step_get_status (first), ==, COCKPIT_PLAN_STEP_STATUS_DONE);
  g_assert_true (cockpit_plan_step_is_done (first));
  g_assert_cmpuint (g_strv_length ((char **) cockpit_plan_step_get_action_ids (first)), ==, 1);
  g_assert_cmpstr (cockpit_plan_step_get_last_action_id (first), ==, "act-1");

  g_assert_cmpuint (cockpit_plan_get_environments (plan, kinds), ==, 3);
  g_assert_cmpint (kinds[0], ==, COCKPIT_ENVIRONMENT_KIND_INTEGRATION);
  g_assert_cmpint (kinds[1], ==, COCKPIT_ENVIRONMENT_KIND_UAT);
  g_assert_cmpint (kinds[2], ==, COCKPIT_ENVIRONMENT_KIND_LIVE);

  /* The UAT step waits for an approval, and is where the plan is. */
  g_assert_true (cockpit_plan_get_step_awaiting_approval (plan) ==
                 cockpit_plan_get_step (plan, COCKPIT_ENVIRONMENT_KIND_UAT));
  g_assert_true (cockpit_plan_get_current_step (plan) ==
                 cockpit_plan_get_step (plan, COCKPIT_ENVIRONMENT_KIND_UAT));
  g_assert_null (cockpit_plan_step_get_last_action_id (cockpit_plan_get_step (plan, COCKPIT_ENVIRONMENT_KIND_UAT)));
}

/* Where a plan stands, for each state. */
static void
test_states (void)
{
  static const struct {
    const char *plan_status;
    const char *uat_status;
    gboolean    active;
    gboolean    awaiting;
    CockpitEnvironmentKind current;
  } cases[] = {
    { "scheduled", "pending", TRUE, FALSE, COCKPIT_ENVIRONMENT_KIND_UAT },
    { "running", "running", TRUE, FALSE, COCKPIT_ENVIRONMENT_KIND_UAT },
    { "waiting", "waiting", TRUE, TRUE, COCKPIT_ENVIRONMENT_KIND_UAT },
    { "failed", "failed", FALSE, FALSE, COCKPIT_ENVIRONMENT_KIND_UAT },
    { "cancelled", "cancelled", FALSE, FALSE, COCKPIT_ENVIRONMENT_KIND_LIVE },
    { "succeeded", "done", FALSE, FALSE, COCKPIT_ENVIRONMENT_KIND_LIVE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CockpitPlan) plan = make_plan (cases[i].plan_status, cases[i].uat_status);
      CockpitPlanStep *live = cockpit_plan_get_step (plan, COCKPIT_ENVIRONMENT_KIND_LIVE);

      g_test_message ("case: %s", cases[i].plan_status);
      if (cases[i].plan_status[0] == 'c')
        cockpit_plan_step_set_status (live, COCKPIT_PLAN_STEP_STATUS_CANCELLED);
      else if (cases[i].plan_status[0] == 's' && cases[i].plan_status[1] == 'u')
        cockpit_plan_step_set_status (live, COCKPIT_PLAN_STEP_STATUS_DONE);
      else if (cases[i].plan_status[0] == 'f')
        cockpit_plan_step_set_status (live, COCKPIT_PLAN_STEP_STATUS_SKIPPED);

      g_assert_cmpint (cockpit_plan_is_active (plan), ==, cases[i].active);
      g_assert_cmpint (cockpit_plan_get_step_awaiting_approval (plan) != NULL, ==, cases[i].awaiting);
      g_assert_cmpint (cockpit_plan_step_get_environment (cockpit_plan_get_current_step (plan)), ==,
                       cases[i].current);
    }

  /* A soak gate never waits for the user. */
  {
    g_autoptr(CockpitPlan) plan = make_plan ("waiting", "waiting");

    cockpit_plan_set_gate (plan, COCKPIT_PLAN_GATE_SOAK);
    g_assert_null (cockpit_plan_get_step_awaiting_approval (plan));
  }
}

/* Decoding is strict about plans as about everything else. */
static void
test_malformed (void)
{
  static const struct {
    const char *from;
    const char *to;
    const char *message;
  } cases[] = {
    { "\"environment\": \"uat\"", "\"environment\": \"staging\"", "steps[1].environment" },
    { "\"action_ids\": [\"act-1\"]", "\"action_ids\": \"act-1\"", "steps[0].action_ids" },
    { "\"action_ids\": [\"act-1\"]", "\"action_ids\": [1]", "steps[0].action_ids[0]" },
    { "\"gate\": \"approval\"", "\"gate\": \"vote\"", "gate" },
    { "\"soak_hours\": null", "\"soak_hours\": \"24\"", "soak_hours" },
    { "\"start_at\": null", "\"start_at\": \"tomorrow\"", "start_at" },
    { "\"status\": \"waiting\"", "\"status\": \"paused\"", "status" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = plan_json ("waiting", "waiting");
      g_autoptr(GString) text = g_string_new (json);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CockpitPlan) plan = NULL;

      g_assert_cmpuint (g_string_replace (text, cases[i].from, cases[i].to, 1), ==, 1);
      node = cockpit_json_parse (text->str, -1, &error);
      g_assert_no_error (error);
      plan = cockpit_json_decode (COCKPIT_TYPE_PLAN, node, &error);
      g_assert_null (plan);
      g_assert_error (error, COCKPIT_MODEL_ERROR, error->code);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("%s: \"%s\" does not name %s", cases[i].to, error->message, cases[i].message);
    }
}

/* A package of a v1 cockpit has no active_plan; one of v1.1 may have
 * one, and a refresh updates it in place. */
static void
test_package (void)
{
  const char *v1 =
    "{\"id\": \"acme\", \"name\": \"Acme\", \"status\": \"ok\", \"status_text\": \"All good\", "
    "\"maintenance_message\": null, \"running_action\": null, \"environments\": []}";
  g_autofree char *plan = plan_json ("waiting", "waiting");
  g_autofree char *v11 = g_strdup_printf ("{\"id\": \"acme\", \"name\": \"Acme\", \"status\": \"ok\", "
                                          "\"status_text\": \"All good\", \"maintenance_message\": null, "
                                          "\"running_action\": null, \"environments\": [], "
                                          "\"active_plan\": %s}", plan);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitPackage) old = NULL;
  g_autoptr(CockpitPackage) fresh = NULL;
  g_autoptr(CockpitPlan) held = NULL;
  g_autoptr(JsonNode) encoded = NULL;
  g_autofree char *encoded_text = NULL;

  node = cockpit_json_parse (v1, -1, &error);
  g_assert_no_error (error);
  old = cockpit_json_decode (COCKPIT_TYPE_PACKAGE, node, &error);
  g_assert_no_error (error);
  g_assert_null (cockpit_package_get_active_plan (old));

  g_clear_pointer (&node, json_node_unref);
  node = cockpit_json_parse (v11, -1, &error);
  g_assert_no_error (error);
  fresh = cockpit_json_decode (COCKPIT_TYPE_PACKAGE, node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cockpit_package_get_active_plan (fresh));

  cockpit_json_update (old, fresh);
  held = g_object_ref (cockpit_package_get_active_plan (old));
  g_assert_cmpstr (cockpit_plan_get_id (held), ==, "plan-1");

  /* The same plan, one step further: the object stays, its step changes. */
  cockpit_plan_step_set_status (cockpit_plan_get_step (cockpit_package_get_active_plan (fresh),
                                                       COCKPIT_ENVIRONMENT_KIND_UAT),
                                COCKPIT_PLAN_STEP_STATUS_RUNNING);
  cockpit_json_update (old, fresh);
  g_assert_true (cockpit_package_get_active_plan (old) == held);
  g_assert_cmpint (cockpit_plan_step_get_status (cockpit_plan_get_step (held, COCKPIT_ENVIRONMENT_KIND_UAT)), ==,
                   COCKPIT_PLAN_STEP_STATUS_RUNNING);

  /* Written back as the contract's JSON (the cache), read again alike. */
  encoded = cockpit_json_encode (old);
  encoded_text = cockpit_json_to_string (encoded, FALSE);
  g_assert_nonnull (strstr (encoded_text, "\"action_ids\":[\"act-1\"]"));
  {
    g_autoptr(CockpitPackage) again = cockpit_json_decode (COCKPIT_TYPE_PACKAGE, encoded, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cockpit_plan_get_target_version (cockpit_package_get_active_plan (again)), ==, "6.4.3");
  }

  /* The plan ends: the package has none. */
  cockpit_package_set_active_plan (fresh, NULL);
  cockpit_json_update (old, fresh);
  g_assert_null (cockpit_package_get_active_plan (old));
}

static void
test_request (void)
{
  g_autoptr(GDateTime) now = cockpit_date_time_parse ("2026-11-26T12:00:00Z");
  g_auto(CockpitPlanRequest) request = {
    .target_version = g_strdup ("6.4.3"),
    .environments = { COCKPIT_ENVIRONMENT_KIND_INTEGRATION, COCKPIT_ENVIRONMENT_KIND_UAT,
                      COCKPIT_ENVIRONMENT_KIND_LIVE },
    .n_environments = 3,
    .gate = COCKPIT_PLAN_GATE_SOAK,
    .soak_hours = 24,
    .start_at = cockpit_date_time_parse ("2026-11-29T06:00:00Z"),
    .back_up_live_first = TRUE,
  };
  g_autoptr(JsonNode) node = cockpit_plan_request_to_json (&request);
  g_autofree char *text = cockpit_json_to_string (node, FALSE);
  g_autofree char *message = NULL;

  g_assert_cmpstr (text, ==,
                   "{\"target_version\":\"6.4.3\",\"environments\":[\"integration\",\"uat\",\"live\"],"
                   "\"gate\":\"soak\",\"soak_hours\":24,\"start_at\":\"2026-11-29T06:00:00Z\","
                   "\"back_up_live_first\":true}");
  g_assert_true (cockpit_plan_request_check (&request, now, &message));
  g_assert_null (message);

  /* An approval gate sends no soak hours. */
  request.gate = COCKPIT_PLAN_GATE_APPROVAL;
  g_clear_pointer (&request.start_at, g_date_time_unref);
  {
    g_autoptr(JsonNode) approval = cockpit_plan_request_to_json (&request);
    g_autofree char *approval_text = cockpit_json_to_string (approval, FALSE);

    g_assert_null (strstr (approval_text, "soak_hours"));
    g_assert_nonnull (strstr (approval_text, "\"start_at\":null"));
  }
}

/* The form rules of the contract (its 400 answers), each said in words. */
static void
test_request_check (void)
{
  g_autoptr(GDateTime) now = cockpit_date_time_parse ("2026-11-26T12:00:00Z");
  static const struct {
    const char *name;
    const char *version;
    CockpitEnvironmentKind environments[3];
    guint       n;
    CockpitPlanGate gate;
    guint       soak_hours;
    const char *start_at;
    gboolean    ok;
    const char *message_part;
  } cases[] = {
    { "all three", "6.4.3", { 3, 2, 1 }, 3, COCKPIT_PLAN_GATE_APPROVAL, 0, NULL, TRUE, NULL },
    { "Live alone at a time", "6.4.3", { 1 }, 1, COCKPIT_PLAN_GATE_APPROVAL, 0, "2026-12-26T12:00:00Z", TRUE, NULL },
    { "no version", NULL, { 3 }, 1, COCKPIT_PLAN_GATE_APPROVAL, 0, NULL, FALSE, "version" },
    { "not a version", "latest", { 3 }, 1, COCKPIT_PLAN_GATE_APPROVAL, 0, NULL, FALSE, "version" },
    { "no environment", "6.4.3", { 0 }, 0, COCKPIT_PLAN_GATE_APPROVAL, 0, NULL, FALSE, "at least one" },
    { "wrong order", "6.4.3", { 1, 2 }, 2, COCKPIT_PLAN_GATE_APPROVAL, 0, NULL, FALSE, "order" },
    { "twice", "6.4.3", { 2, 2 }, 2, COCKPIT_PLAN_GATE_APPROVAL, 0, NULL, FALSE, "order" },
    { "soak of 0 hours", "6.4.3", { 3, 2 }, 2, COCKPIT_PLAN_GATE_SOAK, 0, NULL, FALSE, "168" },
    { "soak of 169 hours", "6.4.3", { 3, 2 }, 2, COCKPIT_PLAN_GATE_SOAK, 169, NULL, FALSE, "168" },
    { "soak of 168 hours", "6.4.3", { 3, 2 }, 2, COCKPIT_PLAN_GATE_SOAK, 168, NULL, TRUE, NULL },
    { "start in the past", "6.4.3", { 1 }, 1, COCKPIT_PLAN_GATE_APPROVAL, 0, "2026-11-26T11:59:58Z", FALSE, "passed" },
    { "start now", "6.4.3", { 1 }, 1, COCKPIT_PLAN_GATE_APPROVAL, 0, "2026-11-26T12:00:00Z", TRUE, NULL },
    { "start in 30 days", "6.4.3", { 1 }, 1, COCKPIT_PLAN_GATE_APPROVAL, 0, "2026-12-26T12:00:00Z", TRUE, NULL },
    { "start in 30 days and a second", "6.4.3", { 1 }, 1, COCKPIT_PLAN_GATE_APPROVAL, 0, "2026-12-26T12:00:01Z", FALSE, "30 days" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CockpitPlanRequest) request = {
        .target_version = g_strdup (cases[i].version),
        .n_environments = cases[i].n,
        .gate = cases[i].gate,
        .soak_hours = cases[i].soak_hours,
        .start_at = cases[i].start_at ? cockpit_date_time_parse (cases[i].start_at) : NULL,
      };
      g_autofree char *message = NULL;
      gboolean ok;

      memcpy (request.environments, cases[i].environments, sizeof request.environments);
      g_test_message ("case: %s", cases[i].name);
      ok = cockpit_plan_request_check (&request, now, &message);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        g_assert_null (message);
      else if (message == NULL || strstr (message, cases[i].message_part) == NULL)
        g_error ("%s: \"%s\" does not say \"%s\"", cases[i].name, message, cases[i].message_part);
    }
}

static void
assert_says (const char *message,
             const char *part)
{
  if (part != NULL && (message == NULL || strstr (message, part) == NULL))
    g_error ("\"%s\" does not say \"%s\"", message, part);
}

/* Which environments a plan may include, and why not, in words. */
static void
test_environment_rules (void)
{
  static const PackageSpec spec = {
    NULL, TRUE,
    { "6.3.21", FALSE, "2026-11-25T12:00:00Z", "2026-11-27T12:00:00Z" },
    { "6.3.18", TRUE },
    { NULL },
  };
  static const PackageSpec plain = { NULL, FALSE, { "6.3.18" }, { "6.4.3" }, { "6.3.18" } };
  g_autoptr(CockpitPackage) package = make_package (&spec);
  g_autoptr(CockpitPackage) other = make_package (&plain);
  g_autoptr(GDateTime) now = cockpit_date_time_parse (NOW);
  g_autoptr(GDateTime) later = cockpit_date_time_parse ("2026-11-27T12:00:00Z");
  g_autofree char *message = NULL;
  CockpitEnvironment *live = cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_LIVE);

#define CHECK(pkg, kind, target, when, expected, part)                                               \
  G_STMT_START {                                                                                    \
    g_clear_pointer (&message, g_free);                                                             \
    g_assert_cmpint (cockpit_rules_check_plan_environment (pkg, cockpit_package_get_environment (pkg, kind), \
                                                           target, NULL, when, &message), ==, expected); \
    assert_says (message, part);                                                                    \
  } G_STMT_END

  /* The package runs an action (busy): a plan may still include its
   * environments; the rules of each environment still hold. */
  CHECK (package, COCKPIT_ENVIRONMENT_KIND_LIVE, "6.4.3", now, COCKPIT_BLOCK_UPGRADE_BACKUP_EXISTS, "upgrade backup");
  CHECK (package, COCKPIT_ENVIRONMENT_KIND_UAT, "6.4.3", now, COCKPIT_BLOCK_PROTECTED, "protected");
  CHECK (package, COCKPIT_ENVIRONMENT_KIND_INTEGRATION, "6.4.3", now, COCKPIT_BLOCK_NOT_SET_UP, "not set up");
  /* At the backup's removal, Live may be planned again. */
  g_assert_cmpint (cockpit_rules_check_plan_environment (package, live, "6.4.3", NULL, later, NULL), ==,
                   COCKPIT_BLOCK_NONE);
  /* The version must be newer than the environment's. */
  CHECK (other, COCKPIT_ENVIRONMENT_KIND_UAT, "6.4.3", now, COCKPIT_BLOCK_NOTHING_NEWER, "already runs 6.4.3");
  CHECK (other, COCKPIT_ENVIRONMENT_KIND_UAT, "6.4.2", now, COCKPIT_BLOCK_NOTHING_NEWER, "already runs 6.4.3");
  CHECK (other, COCKPIT_ENVIRONMENT_KIND_LIVE, "6.4.3", now, COCKPIT_BLOCK_NONE, NULL);
  g_assert_null (message);
#undef CHECK

  /* A package whose every environment is blocked can't have a plan. */
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (cockpit_rules_check_plan (package, NULL, now, &message), ==, COCKPIT_BLOCK_NOTHING_NEWER);
  g_assert_nonnull (message);
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (cockpit_rules_check_plan (package, NULL, later, &message), ==, COCKPIT_BLOCK_NONE);
  g_assert_null (message);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/plan/decode", test_decode);
  g_test_add_func ("/cockpit/plan/states", test_states);
  g_test_add_func ("/cockpit/plan/malformed", test_malformed);
  g_test_add_func ("/cockpit/plan/package", test_package);
  g_test_add_func ("/cockpit/plan/request", test_request);
  g_test_add_func ("/cockpit/plan/request-check", test_request_check);
  g_test_add_func ("/cockpit/plan/environment-rules", test_environment_rules);

  return g_test_run ();
}
