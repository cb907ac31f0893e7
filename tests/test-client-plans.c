/* test-client-plans.c: the upgrade plan calls of the client, and their errors, against the real simulator.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo seed (docs/cockpit-api.md, "Seeds"): acmeweb has no plan
 * (Live 6.3.18, UAT 6.3.19, Integration 6.3.21); globex has a plan to
 * 6.4.3 over Integration and UAT whose UAT step waits for an approval;
 * hooli has a Live upgrade scheduled for next Sunday; initech is in
 * maintenance; umbrella's Live is protected.
 */
#include "config.h"

#include "test-sim-util.h"

#define TOKEN "client-plans-token-3a9f"
#define FINISH_SECONDS 600

static void
request_init (CockpitPlanRequest     *request,
              const char             *version,
              CockpitEnvironmentKind  first,
              ...)
{
  va_list args;
  CockpitEnvironmentKind kind = first;

  memset (request, 0, sizeof *request);
  request->target_version = g_strdup (version);
  va_start (args, first);
  while (kind != COCKPIT_ENVIRONMENT_KIND_NONE && request->n_environments < 3)
    {
      request->environments[request->n_environments++] = kind;
      kind = va_arg (args, CockpitEnvironmentKind);
    }
  va_end (args);
}

static CockpitPlan *
create_plan (SimFixture               *f,
             const char               *package_id,
             const CockpitPlanRequest *request,
             const char               *key,
             GError                  **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *own_key = key ? NULL : cockpit_client_new_idempotency_key ();

  cockpit_client_create_plan_async (f->client, package_id, request, key ? key : own_key,
                                    NULL, api_result_cb, &result);
  api_wait_result (&result);
  return cockpit_client_plan_finish (f->client, result, error);
}

typedef enum { GET, APPROVE, CANCEL } Verb;

static CockpitPlan *
plan_call (SimFixture  *f,
           Verb         verb,
           const char  *plan_id,
           GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *key = cockpit_client_new_idempotency_key ();

  if (verb == GET)
    cockpit_client_get_plan_async (f->client, plan_id, NULL, api_result_cb, &result);
  else if (verb == APPROVE)
    cockpit_client_approve_plan_async (f->client, plan_id, key, NULL, api_result_cb, &result);
  else
    cockpit_client_cancel_plan_async (f->client, plan_id, key, NULL, api_result_cb, &result);
  api_wait_result (&result);
  return cockpit_client_plan_finish (f->client, result, error);
}

static GListStore *
list_plans (SimFixture  *f,
            const char  *package_id,
            guint        limit,
            const char  *before,
            char       **next_before,
            GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cockpit_client_list_plans_async (f->client, package_id, limit, before, NULL, api_result_cb, &result);
  api_wait_result (&result);
  return cockpit_client_list_plans_finish (f->client, result, next_before, error);
}

static void
assert_error (const GError       *error,
              CockpitClientError  code)
{
  g_assert_error (error, COCKPIT_CLIENT_ERROR, (gint) code);
  api_assert_plain_message (error, TOKEN);
}

static CockpitPlan *
active_plan_of (SimFixture *f,
                const char *package_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitPackage) package = sim_get_package (f->client, package_id, &error);
  CockpitPlan *plan;

  g_assert_no_error (error);
  plan = cockpit_package_get_active_plan (package);
  return plan ? g_object_ref (plan) : NULL;
}

/* Creating a plan answers it, running at once; reading it and the
 * package say the same. */
static void
test_create (SimFixture    *f,
             gconstpointer  data)
{
  g_auto(CockpitPlanRequest) request;
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitPlan) plan = NULL;
  g_autoptr(CockpitPlan) again = NULL;
  g_autoptr(CockpitPlan) active = NULL;
  CockpitPlanStep *integration;

  request_init (&request, "6.4.3", COCKPIT_ENVIRONMENT_KIND_INTEGRATION, COCKPIT_ENVIRONMENT_KIND_UAT,
                COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ENVIRONMENT_KIND_NONE);
  request.back_up_live_first = TRUE;
  plan = create_plan (f, "acmeweb", &request, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (g_str_has_prefix (cockpit_plan_get_id (plan), "plan-"));
  g_assert_cmpstr (cockpit_plan_get_package_id (plan), ==, "acmeweb");
  g_assert_cmpstr (cockpit_plan_get_target_version (plan), ==, "6.4.3");
  g_assert_cmpint (cockpit_plan_get_gate (plan), ==, COCKPIT_PLAN_GATE_APPROVAL);
  g_assert_cmpuint (cockpit_plan_get_soak_hours (plan), ==, 0);
  g_assert_null (cockpit_plan_get_start_at (plan));
  g_assert_true (cockpit_plan_get_back_up_live_first (plan));
  g_assert_cmpint (cockpit_plan_get_status (plan), ==, COCKPIT_PLAN_STATUS_RUNNING);
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_plan_get_steps (plan)), ==, 3);
  integration = cockpit_plan_get_step (plan, COCKPIT_ENVIRONMENT_KIND_INTEGRATION);
  g_assert_cmpint (cockpit_plan_step_get_status (integration), ==, COCKPIT_PLAN_STEP_STATUS_RUNNING);
  g_assert_nonnull (cockpit_plan_step_get_last_action_id (integration));
  g_assert_cmpstr (cockpit_plan_get_created_by (plan), ==, "Alex Example");

  again = plan_call (f, GET, cockpit_plan_get_id (plan), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cockpit_plan_get_id (again), ==, cockpit_plan_get_id (plan));

  active = active_plan_of (f, "acmeweb");
  g_assert_nonnull (active);
  g_assert_cmpstr (cockpit_plan_get_id (active), ==, cockpit_plan_get_id (plan));
}

/* A soak gate and a start time go to the cockpit as asked. */
static void
test_create_soak_and_start (SimFixture    *f,
                            gconstpointer  data)
{
  g_auto(CockpitPlanRequest) request;
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitPlan) plan = NULL;
  g_autoptr(GDateTime) now = cockpit_simulator_get_now (f->sim);
  g_autoptr(GDateTime) start = g_date_time_add_days (now, 2);
  g_autoptr(GDateTime) start_whole = g_date_time_add_seconds (start, -g_date_time_get_seconds (start) +
                                                              (double) g_date_time_get_second (start));

  request_init (&request, "6.4.3", COCKPIT_ENVIRONMENT_KIND_INTEGRATION, COCKPIT_ENVIRONMENT_KIND_UAT,
                COCKPIT_ENVIRONMENT_KIND_NONE);
  request.gate = COCKPIT_PLAN_GATE_SOAK;
  request.soak_hours = 24;
  request.start_at = g_date_time_ref (start_whole);
  plan = create_plan (f, "acmeweb", &request, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (cockpit_plan_get_gate (plan), ==, COCKPIT_PLAN_GATE_SOAK);
  g_assert_cmpuint (cockpit_plan_get_soak_hours (plan), ==, 24);
  g_assert_cmpint (cockpit_plan_get_status (plan), ==, COCKPIT_PLAN_STATUS_SCHEDULED);
  g_assert_nonnull (cockpit_plan_get_start_at (plan));
  g_assert_cmpint (g_date_time_to_unix (cockpit_plan_get_start_at (plan)), ==, g_date_time_to_unix (start_whole));
}

/* The seed's plan waits for an approval of UAT: approving it starts
 * UAT, and says who approved; a second approval meets "not waiting". */
static void
test_approve (SimFixture    *f,
              gconstpointer  data)
{
  g_autoptr(CockpitPlan) seeded = active_plan_of (f, "globex");
  g_autoptr(CockpitPlan) approved = NULL;
  g_autoptr(CockpitPlan) twice = NULL;
  g_autoptr(GError) error = NULL;
  CockpitPlanStep *uat;

  g_assert_nonnull (seeded);
  g_assert_nonnull (cockpit_plan_get_step_awaiting_approval (seeded));
  approved = plan_call (f, APPROVE, cockpit_plan_get_id (seeded), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cockpit_plan_get_status (approved), ==, COCKPIT_PLAN_STATUS_RUNNING);
  uat = cockpit_plan_get_step (approved, COCKPIT_ENVIRONMENT_KIND_UAT);
  g_assert_cmpstr (cockpit_plan_step_get_approved_by (uat), ==, "Alex Example");
  g_assert_cmpint (cockpit_plan_step_get_status (uat), ==, COCKPIT_PLAN_STEP_STATUS_RUNNING);

  twice = plan_call (f, APPROVE, cockpit_plan_get_id (seeded), &error);
  g_assert_null (twice);
  assert_error (error, COCKPIT_CLIENT_ERROR_NOT_WAITING);
  g_assert_nonnull (strstr (error->message, "waiting"));
}

/* Cancelling the scheduled upgrade ends it at once; a second cancel
 * meets "finished". */
static void
test_cancel (SimFixture    *f,
             gconstpointer  data)
{
  g_autoptr(CockpitPlan) scheduled = active_plan_of (f, "hooli");
  g_autoptr(CockpitPlan) cancelled = NULL;
  g_autoptr(CockpitPlan) twice = NULL;
  g_autoptr(CockpitPlan) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (scheduled);
  g_assert_cmpint (cockpit_plan_get_status (scheduled), ==, COCKPIT_PLAN_STATUS_SCHEDULED);
  cancelled = plan_call (f, CANCEL, cockpit_plan_get_id (scheduled), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cockpit_plan_get_status (cancelled), ==, COCKPIT_PLAN_STATUS_CANCELLED);
  g_assert_nonnull (cockpit_plan_get_finished_at (cancelled));
  g_assert_false (cockpit_plan_is_active (cancelled));

  after = active_plan_of (f, "hooli");
  g_assert_null (after);

  twice = plan_call (f, CANCEL, cockpit_plan_get_id (scheduled), &error);
  g_assert_null (twice);
  assert_error (error, COCKPIT_CLIENT_ERROR_PLAN_FINISHED);
}

/* The list is newest first, a page at a time. */
static void
test_list (SimFixture    *f,
           gconstpointer  data)
{
  g_auto(CockpitPlanRequest) request;
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitPlan) first = NULL;
  g_autoptr(CockpitPlan) cancelled = NULL;
  g_autoptr(CockpitPlan) second = NULL;
  g_autoptr(GListStore) page = NULL;
  g_autoptr(GListStore) rest = NULL;
  g_autoptr(CockpitPlan) newest = NULL;
  g_autoptr(CockpitPlan) older = NULL;
  g_autofree char *next = NULL;
  g_autofree char *end = NULL;

  request_init (&request, "6.4.3", COCKPIT_ENVIRONMENT_KIND_INTEGRATION, COCKPIT_ENVIRONMENT_KIND_NONE);
  first = create_plan (f, "acmeweb", &request, NULL, &error);
  g_assert_no_error (error);
  cancelled = plan_call (f, CANCEL, cockpit_plan_get_id (first), &error);
  g_assert_no_error (error);
  /* The first plan's Integration upgrade still runs; a plan may be made
   * meanwhile, its step waits. */
  g_clear_pointer (&request.target_version, g_free);
  request.target_version = g_strdup ("6.4.2");
  second = create_plan (f, "acmeweb", &request, NULL, &error);
  g_assert_no_error (error);

  page = list_plans (f, "acmeweb", 1, NULL, &next, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page)), ==, 1);
  newest = g_list_model_get_item (G_LIST_MODEL (page), 0);
  g_assert_cmpstr (cockpit_plan_get_id (newest), ==, cockpit_plan_get_id (second));
  g_assert_nonnull (next);

  rest = list_plans (f, "acmeweb", 10, next, &end, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rest)), ==, 1);
  older = g_list_model_get_item (G_LIST_MODEL (rest), 0);
  g_assert_cmpstr (cockpit_plan_get_id (older), ==, cockpit_plan_get_id (first));
  g_assert_cmpint (cockpit_plan_get_status (older), ==, COCKPIT_PLAN_STATUS_CANCELLED);
  g_assert_null (end);
}

/* Every code a plan call can meet, each in words for a plan. */
static void
test_errors (SimFixture    *f,
             gconstpointer  data)
{
  g_auto(CockpitPlanRequest) request;
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitPlan) plan = NULL;

  request_init (&request, "6.4.3", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ENVIRONMENT_KIND_NONE);

  plan = create_plan (f, "nosuchpackage", &request, NULL, &error);
  g_assert_null (plan);
  assert_error (error, COCKPIT_CLIENT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "plan"));
  g_clear_error (&error);

  plan = plan_call (f, GET, "plan-nosuchplan", &error);
  g_assert_null (plan);
  assert_error (error, COCKPIT_CLIENT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  plan = create_plan (f, "initech", &request, NULL, &error);
  g_assert_null (plan);
  assert_error (error, COCKPIT_CLIENT_ERROR_MAINTENANCE);
  g_clear_error (&error);

  plan = create_plan (f, "globex", &request, NULL, &error);
  g_assert_null (plan);
  assert_error (error, COCKPIT_CLIENT_ERROR_PLAN_EXISTS);
  g_assert_nonnull (strstr (error->message, "already has an upgrade plan"));
  g_clear_error (&error);

  plan = create_plan (f, "umbrella", &request, NULL, &error);
  g_assert_null (plan);
  assert_error (error, COCKPIT_CLIENT_ERROR_ENVIRONMENT_PROTECTED);
  g_assert_nonnull (strstr (error->message, "Leave it out of the plan"));
  g_clear_error (&error);

  /* Integration already runs 6.3.21. */
  request.environments[0] = COCKPIT_ENVIRONMENT_KIND_INTEGRATION;
  g_clear_pointer (&request.target_version, g_free);
  request.target_version = g_strdup ("6.3.21");
  plan = create_plan (f, "acmeweb", &request, NULL, &error);
  g_assert_null (plan);
  assert_error (error, COCKPIT_CLIENT_ERROR_VERSION_NOT_AVAILABLE);
  g_clear_error (&error);

  /* The form rules are the cockpit's too: a soak gate of 0 hours. */
  request.gate = COCKPIT_PLAN_GATE_SOAK;
  request.soak_hours = 0;
  plan = create_plan (f, "acmeweb", &request, NULL, &error);
  g_assert_null (plan);
  assert_error (error, COCKPIT_CLIENT_ERROR_BAD_REQUEST);
  g_clear_error (&error);
}

/* Live with an upgrade backup can't be in a plan. */
static void
test_error_upgrade_backup (SimFixture    *f,
                           gconstpointer  data)
{
  g_auto(CockpitPlanRequest) request;
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitPlan) plan = NULL;
  g_autoptr(CockpitEnvironment) live = sim_get_environment (f->client, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE);
  g_autoptr(CockpitAction) upgrade = NULL;

  upgrade = sim_start_action (f->client, live, COCKPIT_ACTION_KIND_UPGRADE, "6.3.21", NULL, "plans-upgrade-1", &error);
  g_assert_no_error (error);
  cockpit_simulator_advance_clock (f->sim, FINISH_SECONDS);

  request_init (&request, "6.4.3", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ENVIRONMENT_KIND_NONE);
  plan = create_plan (f, "acmeweb", &request, NULL, &error);
  g_assert_null (plan);
  assert_error (error, COCKPIT_CLIENT_ERROR_UPGRADE_BACKUP_EXISTS);
  g_assert_nonnull (strstr (error->message, "Leave Live out of the plan"));
}

/* The same key twice makes one plan: a lost answer asked again. */
static void
test_idempotent (SimFixture    *f,
                 gconstpointer  data)
{
  g_auto(CockpitPlanRequest) request;
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitPlan) first = NULL;
  g_autoptr(CockpitPlan) again = NULL;
  g_autoptr(GListStore) plans = NULL;

  request_init (&request, "6.4.3", COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_ENVIRONMENT_KIND_NONE);
  first = create_plan (f, "acmeweb", &request, "plan-key-1", &error);
  g_assert_no_error (error);
  again = create_plan (f, "acmeweb", &request, "plan-key-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cockpit_plan_get_id (again), ==, cockpit_plan_get_id (first));

  plans = list_plans (f, "acmeweb", 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plans)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cockpit/client/plans/" path, SimFixture, TOKEN, sim_fixture_setup, func, sim_fixture_teardown)

  ADD ("create", test_create);
  ADD ("create/soak-and-start", test_create_soak_and_start);
  ADD ("approve", test_approve);
  ADD ("cancel", test_cancel);
  ADD ("list", test_list);
  ADD ("errors", test_errors);
  ADD ("errors/upgrade-backup", test_error_upgrade_backup);
  ADD ("idempotent", test_idempotent);

#undef ADD

  return g_test_run ();
}
