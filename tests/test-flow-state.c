/* test-flow-state.c: what the flow diagram shows, worked out without a display.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-model-util.h"
#include "test-plan-json.h"

/* No list of stages: the statuses follow from the current stage. */
static const char running_unlisted_json[] =
  ACTION ("upgrade", TARGET, "running", "\"deploy_version\"", "", "0.3", "null");

static const char failed_unlisted_json[] =
  ACTION ("upgrade", TARGET, "failed", "\"verify_replica\"", "", "0.6",
          "{\"code\": \"verify_failed\", \"message\": \"The replica did not start.\"}");

static const char failed_no_message_json[] =
  ACTION ("upgrade", "{\"target_version\": \"6.3.21\"}", "failed", "\"create_replica\"", "",
          "0.1", "null");

static const char succeeded_json[] =
  ACTION ("upgrade", TARGET, "succeeded", "null",
          STAGE ("create_replica", "done") "," STAGE ("deploy_version", "done") ","
          STAGE ("verify_replica", "done") "," STAGE ("switch_traffic", "done") ","
          STAGE ("keep_backup", "done"),
          "0.9", "null");

static const char teardown_json[] =
  ACTION ("teardown", "{}", "succeeded", "null", STAGE ("teardown", "done"), "1.0", "null");

static const char backup_json[] =
  ACTION ("create_backup", "{}", "running", "\"create_backup\"",
          STAGE ("create_backup", "running"), "0.3", "null");

#define D COCKPIT_STAGE_STATUS_DONE
#define R COCKPIT_STAGE_STATUS_RUNNING
#define P COCKPIT_STAGE_STATUS_PENDING
#define F COCKPIT_STAGE_STATUS_FAILED
#define S COCKPIT_STAGE_STATUS_SKIPPED

typedef struct {
  const char             *name;
  const char             *json;          /* NULL: a plan */
  CockpitEnvironmentKind  kind;
  const char             *env_version;   /* NULL: no environment */
  gboolean                env_set_up;
  const char             *plan_to;
  CockpitFlowMode         mode;
  gboolean                upgrade;
  guint                   n_steps;
  CockpitStageStatus      statuses[COCKPIT_FLOW_MAX_STEPS];
  int                     current;
  gboolean                on_green;
  const char             *from_text;
  const char             *to_text;       /* NULL: none */
  const char             *description;   /* its start */
  const char             *note;          /* in the failure note, or NULL: none */
} FlowCase;

static const FlowCase cases[] = {
  { "plan-live", NULL, COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18", TRUE, "6.3.21",
    COCKPIT_FLOW_MODE_PLAN, TRUE, 5, { P, P, P, P, P }, -1, FALSE, "6.3.18", "6.3.21",
    "Plan: upgrade of Live from 6.3.18 to 6.3.21 in 5 stages: ", NULL },
  { "plan-nothing-newer", NULL, COCKPIT_ENVIRONMENT_KIND_UAT, "6.3.18", TRUE, NULL,
    COCKPIT_FLOW_MODE_PLAN, TRUE, 5, { P, P, P, P, P }, -1, FALSE, "6.3.18", "No newer version",
    "Plan: upgrade of UAT from 6.3.18 to a newer version", NULL },
  { "plan-no-environment", NULL, COCKPIT_ENVIRONMENT_KIND_LIVE, NULL, FALSE, NULL,
    COCKPIT_FLOW_MODE_PLAN, TRUE, 5, { P, P, P, P, P }, -1, FALSE,
    "Current version", "Newer version", "Plan: upgrade of Live from its current version", NULL },
  { "plan-not-set-up", NULL, COCKPIT_ENVIRONMENT_KIND_UAT, NULL, FALSE, "6.3.21",
    COCKPIT_FLOW_MODE_PLAN, TRUE, 5, { P, P, P, P, P }, -1, FALSE, "Not set up", "6.3.21",
    "Plan: ", NULL },
  { "running", RUNNING_ACTION_JSON, COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18", TRUE, NULL,
    COCKPIT_FLOW_MODE_RUNNING, TRUE, 5, { D, D, R, P, P }, 2, FALSE, "6.3.18", "6.3.21",
    "Upgrade of Live to 6.3.21: stage 3 of 5, Verify replica, 50 % done", NULL },
  { "running-unlisted", running_unlisted_json, COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18", TRUE, NULL,
    COCKPIT_FLOW_MODE_RUNNING, TRUE, 5, { D, R, P, P, P }, 1, FALSE, "6.3.18", "6.3.21",
    "Upgrade of Live to 6.3.21: stage 2 of 5, Deploy", NULL },
  { "failed-unlisted", failed_unlisted_json, COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18", TRUE, NULL,
    COCKPIT_FLOW_MODE_FAILED, TRUE, 5, { D, D, F, S, S }, 2, FALSE, "6.3.18", "6.3.21",
    "Failed at Verify replica: The replica did not start. (traffic not switched",
    "Traffic was never switched: Live stays on 6.3.18." },
  { "failed-no-message", failed_no_message_json, COCKPIT_ENVIRONMENT_KIND_UAT, NULL, FALSE, NULL,
    COCKPIT_FLOW_MODE_FAILED, TRUE, 5, { F, S, S, S, S }, 0, FALSE,
    "Version not known", "6.3.21", "Failed at Create replica: no reason given",
    "stays on its current version" },
  { "succeeded", succeeded_json, COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.21", TRUE, NULL,
    COCKPIT_FLOW_MODE_SUCCEEDED, TRUE, 5, { D, D, D, D, D }, -1, TRUE, "6.3.18", "6.3.21",
    "Upgrade finished: Live now runs 6.3.21", NULL },
  { "teardown", teardown_json, COCKPIT_ENVIRONMENT_KIND_UAT, NULL, FALSE, NULL,
    COCKPIT_FLOW_MODE_SUCCEEDED, FALSE, 1, { D }, -1, FALSE, "Torn down", NULL,
    "Tear down on UAT finished", NULL },
  { "backup", backup_json, COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18", TRUE, NULL,
    COCKPIT_FLOW_MODE_RUNNING, FALSE, 1, { R }, 0, FALSE, "6.3.18", NULL,
    "Back up on Live: 30 % done", NULL },
};

static CockpitEnvironment *
make_environment (const FlowCase *flow_case)
{
  CockpitEnvironment *env = cockpit_environment_new ();

  cockpit_environment_set_kind (env, flow_case->kind);
  cockpit_environment_set_magnolia_version (env, flow_case->env_version);
  cockpit_environment_set_state (env, flow_case->env_set_up
                                      ? COCKPIT_ENVIRONMENT_STATE_RUNNING
                                      : COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP);
  return env;
}

static void
test_case (gconstpointer data)
{
  const FlowCase *flow_case = data;
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(CockpitEnvironment) env = NULL;
  g_autofree char *description = NULL;
  g_autofree char *note = NULL;
  CockpitFlowState state;

  if (flow_case->json != NULL)
    action = model_decode (COCKPIT_TYPE_ACTION, flow_case->json);
  /* A plan without a version and not set up stands for no environment at
   * all only in the case that says so. */
  if (flow_case->env_version != NULL || !g_str_equal (flow_case->name, "plan-no-environment"))
    env = make_environment (flow_case);

  cockpit_flow_state_init (&state, action, env, flow_case->kind, flow_case->plan_to,
                           action != NULL ? cockpit_action_get_progress (action) : 0.0);

  g_assert_cmpint (state.mode, ==, flow_case->mode);
  g_assert_cmpint (state.upgrade, ==, flow_case->upgrade);
  g_assert_cmpuint (state.n_steps, ==, flow_case->n_steps);
  for (guint i = 0; i < state.n_steps; i++)
    {
      g_assert_cmpint (state.steps[i].status, ==, flow_case->statuses[i]);
      g_assert_cmpstr (state.steps[i].label, ==, cockpit_stage_name_get_label (state.steps[i].name));
    }
  g_assert_cmpint (state.current, ==, flow_case->current);
  g_assert_cmpint (cockpit_flow_state_traffic_on_green (&state), ==, flow_case->on_green);
  g_assert_cmpstr (state.from_text, ==, flow_case->from_text);
  g_assert_cmpstr (state.to_text, ==, flow_case->to_text);

  description = cockpit_flow_state_describe (&state);
  if (!g_str_has_prefix (description, flow_case->description))
    g_error ("“%s” does not start with “%s”", description, flow_case->description);

  note = cockpit_flow_state_get_failure_note (&state);
  if (flow_case->note == NULL)
    g_assert_null (note);
  else if (note == NULL || strstr (note, flow_case->note) == NULL)
    g_error ("the note “%s” does not contain “%s”", note, flow_case->note);
}

/* A succeeded action is drawn complete whatever its last poll said; a
 * running one at the progress the diagram gives, which steps split. */
static void
test_progress (void)
{
  g_autoptr(CockpitAction) running = model_decode (COCKPIT_TYPE_ACTION, RUNNING_ACTION_JSON);
  g_autoptr(CockpitAction) succeeded = model_decode (COCKPIT_TYPE_ACTION, succeeded_json);
  CockpitFlowState state;

  cockpit_flow_state_init (&state, succeeded, NULL, COCKPIT_ENVIRONMENT_KIND_LIVE, NULL, 0.2);
  g_assert_cmpfloat (state.progress, ==, 1.0);

  cockpit_flow_state_init (&state, running, NULL, COCKPIT_ENVIRONMENT_KIND_LIVE, NULL, 0.5);
  g_assert_cmpfloat_with_epsilon (cockpit_flow_state_step_progress (&state, 0), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (cockpit_flow_state_step_progress (&state, 2), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (cockpit_flow_state_step_progress (&state, 4), 0.0, 1e-9);
}

/* The failure's text: the action's message, or plain words without one. */
static void
test_failure (void)
{
  g_autoptr(CockpitAction) failed = model_decode (COCKPIT_TYPE_ACTION, failed_unlisted_json);
  g_autoptr(CockpitAction) bare = model_decode (COCKPIT_TYPE_ACTION, failed_no_message_json);
  CockpitFlowState state;

  cockpit_flow_state_init (&state, failed, NULL, COCKPIT_ENVIRONMENT_KIND_LIVE, NULL, 0.6);
  g_assert_cmpstr (cockpit_flow_state_get_failure (&state), ==, "The replica did not start.");
  cockpit_flow_state_init (&state, bare, NULL, COCKPIT_ENVIRONMENT_KIND_LIVE, NULL, 0.1);
  g_assert_cmpstr (cockpit_flow_state_get_failure (&state), ==, "The upgrade failed.");
}

/* The layout key, which decides when the diagram measures again, moves
 * with a stage's status and not with the progress. */
static void
test_layout_key (void)
{
  g_autoptr(CockpitAction) action = model_decode (COCKPIT_TYPE_ACTION, RUNNING_ACTION_JSON);
  g_autofree char *first = NULL;
  g_autofree char *after_progress = NULL;
  g_autofree char *after_stage = NULL;
  CockpitFlowState state;

  cockpit_flow_state_init (&state, action, NULL, COCKPIT_ENVIRONMENT_KIND_LIVE, NULL, 0.5);
  first = cockpit_flow_state_get_layout_key (&state);
  cockpit_action_set_progress (action, 0.55);
  cockpit_flow_state_init (&state, action, NULL, COCKPIT_ENVIRONMENT_KIND_LIVE, NULL, 0.55);
  after_progress = cockpit_flow_state_get_layout_key (&state);
  g_assert_cmpstr (first, ==, after_progress);

  cockpit_stage_set_status (cockpit_action_get_stage_by_name (action, COCKPIT_STAGE_VERIFY_REPLICA),
                            COCKPIT_STAGE_STATUS_DONE);
  cockpit_flow_state_init (&state, action, NULL, COCKPIT_ENVIRONMENT_KIND_LIVE, NULL, 0.55);
  after_stage = cockpit_flow_state_get_layout_key (&state);
  g_assert_cmpstr (first, !=, after_stage);
}

/* A plan is its environments in sequence, each where it stands, with
 * the one the plan is at marked. */
static void
test_sequence (void)
{
  static const struct {
    const char *plan_status;
    const char *uat_status;
    CockpitStageStatus uat;
    gboolean waiting;
    int current;
    const char *description;
    const char *markup;
  } plan_cases[] = {
    { "waiting", "waiting", COCKPIT_STAGE_STATUS_PENDING, TRUE, 1,
      "Integration: done. UAT: waiting at its gate. Live: not started.",
      "✓ Integration  →  <b>● UAT</b>  →  Live" },
    { "running", "running", COCKPIT_STAGE_STATUS_RUNNING, FALSE, 1,
      "Integration: done. UAT: upgrading. Live: not started.",
      "✓ Integration  →  <b>● UAT</b>  →  Live" },
    /* (the fixture leaves Live pending, which the model then takes for the step the plan is at) */
    { "failed", "failed", COCKPIT_STAGE_STATUS_FAILED, FALSE, -2,
      "Integration: done. UAT: failed. Live: not started.",
      "✓ Integration  →  ✗ UAT  →  Live" },
    { "cancelled", "cancelled", COCKPIT_STAGE_STATUS_SKIPPED, FALSE, -2,
      "Integration: done. UAT: not upgraded. Live: not started.",
      "✓ Integration  →  <s>UAT</s>  →  Live" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (plan_cases); i++)
    {
      g_autoptr(CockpitPlan) plan = make_plan (plan_cases[i].plan_status, plan_cases[i].uat_status);
      CockpitFlowSequence sequence;
      g_autofree char *description = NULL;
      g_autofree char *markup = NULL;

      cockpit_flow_sequence_init (&sequence, plan);
      g_assert_cmpuint (sequence.n_steps, ==, 3);
      g_assert_cmpint (sequence.steps[0].kind, ==, COCKPIT_ENVIRONMENT_KIND_INTEGRATION);
      g_assert_cmpint (sequence.steps[0].status, ==, COCKPIT_STAGE_STATUS_DONE);
      g_assert_cmpint (sequence.steps[1].kind, ==, COCKPIT_ENVIRONMENT_KIND_UAT);
      g_assert_cmpint (sequence.steps[1].status, ==, plan_cases[i].uat);
      g_assert_cmpint (sequence.steps[1].waiting, ==, plan_cases[i].waiting);
      g_assert_cmpint (sequence.steps[2].status, ==, COCKPIT_STAGE_STATUS_PENDING);
      if (plan_cases[i].current >= -1)
        g_assert_cmpint (sequence.current, ==, plan_cases[i].current);
      g_assert_cmpint (sequence.finished, ==, !cockpit_plan_is_active (plan));
      description = cockpit_flow_sequence_describe (&sequence);
      g_assert_cmpstr (description, ==, plan_cases[i].description);
      markup = cockpit_flow_sequence_to_markup (&sequence);
      g_assert_cmpstr (markup, ==, plan_cases[i].markup);
    }
}

/* No plan: nothing in sequence. */
static void
test_sequence_none (void)
{
  CockpitFlowSequence sequence;
  g_autofree char *description = NULL;

  cockpit_flow_sequence_init (&sequence, NULL);
  g_assert_cmpuint (sequence.n_steps, ==, 0);
  g_assert_cmpint (sequence.current, ==, -1);
  description = cockpit_flow_sequence_describe (&sequence);
  g_assert_cmpstr (description, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/flow-state/progress", test_progress);
  g_test_add_func ("/cockpit/flow-state/failure", test_failure);
  g_test_add_func ("/cockpit/flow-state/layout-key", test_layout_key);
  g_test_add_func ("/cockpit/flow-state/sequence", test_sequence);
  g_test_add_func ("/cockpit/flow-state/sequence/none", test_sequence_none);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cockpit/flow-state/case/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  return g_test_run ();
}
