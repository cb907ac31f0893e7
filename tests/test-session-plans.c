/* test-session-plans.c: the session follows each package's upgrade plan and says what the user should hear of.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Against the real simulator with the demo seed: globex's plan waits for
 * an approval of UAT, hooli has a Live upgrade scheduled for next Sunday,
 * acmeweb has no plan.
 */
#include "config.h"

#include "cockpit-session.h"
#include "test-sim-util.h"

#define TOKEN "session-plans-token-7c21"
#define FINISH_SECONDS 600

typedef struct {
  SimFixture      sim;
  char           *dir;
  CockpitSession *session;
  GPtrArray      *events;    /* "event package plan-status", in order */
  guint           changed;   /* plan-changed signals */
} Fixture;

static void
event_cb (CockpitSession *session,
          CockpitPackage *package,
          CockpitPlan    *plan,
          int             event,
          Fixture        *f)
{
  static const char * const names[] = { "approval-needed", "step-started", "succeeded", "failed", "cancelled" };

  g_assert_cmpint (event, >=, 0);
  g_assert_cmpint (event, <, G_N_ELEMENTS (names));
  g_assert_cmpstr (cockpit_plan_get_package_id (plan), ==, cockpit_package_get_id (package));
  g_ptr_array_add (f->events, g_strdup_printf ("%s %s", names[event], cockpit_package_get_id (package)));
}

static void
changed_cb (CockpitSession *session,
            CockpitPackage *package,
            Fixture        *f)
{
  f->changed++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;

  f->dir = g_dir_make_tmp ("cockpit-session-plans-XXXXXX", &error);
  g_assert_no_error (error);
  sim_fixture_start (&f->sim, TOKEN, NULL);
  journal = g_build_filename (f->dir, "journal.json", NULL);
  f->session = cockpit_session_new (f->sim.client, journal, f->dir);
  cockpit_session_set_clock (f->session, (CockpitSessionClockFunc) cockpit_simulator_get_now, f->sim.sim, NULL);
  f->events = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->session, "plan-event", G_CALLBACK (event_cb), f);
  g_signal_connect (f->session, "plan-changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  api_assert_finalize_soon (g_steal_pointer (&f->session));
  sim_fixture_stop (&f->sim);
  g_ptr_array_unref (f->events);
  api_remove_tree (f->dir);
  g_free (f->dir);
}

static gboolean
not_loading (gpointer data)
{
  return !cockpit_session_get_loading (data);
}

static void
refresh (Fixture *f)
{
  cockpit_session_refresh (f->session);
  api_wait_until (not_loading, f->session);
}

static gboolean
has_event_cb (gpointer data)
{
  gpointer *args = data;
  GPtrArray *events = args[0];

  for (guint i = 0; i < events->len; i++)
    if (g_strcmp0 (g_ptr_array_index (events, i), args[1]) == 0)
      return TRUE;
  return FALSE;
}

static void
wait_event (Fixture    *f,
            const char *event)
{
  gpointer args[] = { f->events, (gpointer) event };

  api_wait_until (has_event_cb, args);
}

static guint
count_event (Fixture    *f,
             const char *event)
{
  guint n = 0;

  for (guint i = 0; i < f->events->len; i++)
    if (g_strcmp0 (g_ptr_array_index (f->events, i), event) == 0)
      n++;
  return n;
}

static CockpitPlan *
call (Fixture    *f,
      const char *verb,
      const char *plan_id,
      GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  if (g_str_equal (verb, "approve"))
    cockpit_session_approve_plan_async (f->session, plan_id, NULL, api_result_cb, &result);
  else
    cockpit_session_cancel_plan_async (f->session, plan_id, NULL, api_result_cb, &result);
  api_wait_result (&result);
  return cockpit_session_plan_finish (f->session, result, error);
}

static CockpitPlan *
create (Fixture                *f,
        const char             *package_id,
        const char             *version,
        CockpitPlanGate         gate,
        guint                   soak_hours,
        CockpitEnvironmentKind  first,
        CockpitEnvironmentKind  second)
{
  g_auto(CockpitPlanRequest) request = {
    .target_version = g_strdup (version),
    .environments = { first, second },
    .n_environments = second != COCKPIT_ENVIRONMENT_KIND_NONE ? 2 : 1,
    .gate = gate,
    .soak_hours = soak_hours,
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = cockpit_client_new_idempotency_key ();
  CockpitPackage *package = cockpit_session_find_package (f->session, package_id);
  CockpitPlan *plan;

  g_assert_nonnull (package);
  cockpit_session_create_plan_async (f->session, package, &request, key, NULL, api_result_cb, &result);
  api_wait_result (&result);
  plan = cockpit_session_plan_finish (f->session, result, &error);
  g_assert_no_error (error);
  /* Shown at once, before any refresh. */
  g_assert_true (cockpit_session_get_plan (f->session, package) == cockpit_package_get_active_plan (package));
  g_assert_cmpstr (cockpit_plan_get_id (cockpit_session_get_plan (f->session, package)), ==,
                   cockpit_plan_get_id (plan));
  api_wait_until (not_loading, f->session);
  return plan;
}

/* The first refresh finds globex waiting: said once, not at every refresh. */
static void
test_approval_needed (Fixture       *f,
                      gconstpointer  data)
{
  CockpitPackage *globex;
  CockpitPlan *plan;

  refresh (f);
  globex = cockpit_session_find_package (f->session, "globex");
  plan = cockpit_session_get_plan (f->session, globex);
  g_assert_nonnull (plan);
  g_assert_nonnull (cockpit_plan_get_step_awaiting_approval (plan));
  g_assert_true (cockpit_session_find_plan (f->session, cockpit_plan_get_id (plan)) == plan);
  g_assert_cmpuint (count_event (f, "approval-needed globex"), ==, 1);
  g_assert_null (cockpit_session_get_plan (f->session, cockpit_session_find_package (f->session, "acmeweb")));

  refresh (f);
  g_assert_cmpuint (count_event (f, "approval-needed globex"), ==, 1);
  g_assert_cmpuint (f->events->len, ==, 1);
}

/* Approving updates the plan shown in place, at once. */
static void
test_approve (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitPlan) answer = NULL;
  CockpitPackage *globex;
  CockpitPlan *shown;
  guint changed;

  refresh (f);
  globex = cockpit_session_find_package (f->session, "globex");
  shown = cockpit_session_get_plan (f->session, globex);
  changed = f->changed;

  answer = call (f, "approve", cockpit_plan_get_id (shown), &error);
  g_assert_no_error (error);
  g_assert_true (cockpit_session_get_plan (f->session, globex) == shown);
  g_assert_cmpint (cockpit_plan_get_status (shown), ==, COCKPIT_PLAN_STATUS_RUNNING);
  g_assert_cmpstr (cockpit_plan_step_get_approved_by (cockpit_plan_get_step (shown, COCKPIT_ENVIRONMENT_KIND_UAT)),
                   ==, "Alex Example");
  g_assert_cmpuint (f->changed, >, changed);

  /* A second approval is refused in words, and changes nothing. */
  g_clear_object (&answer);
  answer = call (f, "approve", cockpit_plan_get_id (shown), &error);
  g_assert_null (answer);
  g_assert_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_NOT_WAITING);
}

/* The user's own cancel: shown as cancelled, and not said to them. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitPlan) answer = NULL;
  CockpitPackage *hooli;
  CockpitPlan *shown;

  refresh (f);
  hooli = cockpit_session_find_package (f->session, "hooli");
  g_assert_nonnull (hooli);
  shown = cockpit_session_get_plan (f->session, hooli);
  g_assert_nonnull (shown);
  g_assert_cmpint (cockpit_plan_get_status (shown), ==, COCKPIT_PLAN_STATUS_SCHEDULED);

  answer = call (f, "cancel", cockpit_plan_get_id (shown), &error);
  g_assert_no_error (error);
  g_assert_null (cockpit_package_get_active_plan (hooli));
  g_assert_cmpint (cockpit_plan_get_status (cockpit_session_get_plan (f->session, hooli)), ==,
                   COCKPIT_PLAN_STATUS_CANCELLED);

  refresh (f);
  api_spin (200);
  g_assert_cmpuint (count_event (f, "cancelled hooli"), ==, 0);
  g_assert_cmpint (cockpit_plan_get_status (cockpit_session_get_plan (f->session, hooli)), ==,
                   COCKPIT_PLAN_STATUS_CANCELLED);
}

/* A plan that ends while the app watches is read and said. */
static void
test_succeeded (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CockpitPlan) plan = NULL;
  CockpitPackage *acmeweb;

  refresh (f);
  plan = create (f, "acmeweb", "6.4.3", COCKPIT_PLAN_GATE_APPROVAL, 0,
                 COCKPIT_ENVIRONMENT_KIND_INTEGRATION, COCKPIT_ENVIRONMENT_KIND_NONE);
  acmeweb = cockpit_session_find_package (f->session, "acmeweb");

  cockpit_simulator_advance_clock (f->sim.sim, FINISH_SECONDS);
  refresh (f);
  wait_event (f, "succeeded acmeweb");
  g_assert_null (cockpit_package_get_active_plan (acmeweb));
  g_assert_cmpint (cockpit_plan_get_status (cockpit_session_get_plan (f->session, acmeweb)), ==,
                   COCKPIT_PLAN_STATUS_SUCCEEDED);
  g_assert_cmpuint (count_event (f, "succeeded acmeweb"), ==, 1);
}

/* A failed step fails the plan, with the action's error. */
static void
test_failed (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CockpitPlan) plan = NULL;
  CockpitPlan *shown;

  refresh (f);
  sim_control (&f->sim, "/_sim/fail-next", "{\"stage\": \"deploy_version\"}");
  plan = create (f, "acmeweb", "6.4.3", COCKPIT_PLAN_GATE_APPROVAL, 0,
                 COCKPIT_ENVIRONMENT_KIND_INTEGRATION, COCKPIT_ENVIRONMENT_KIND_UAT);

  cockpit_simulator_advance_clock (f->sim.sim, FINISH_SECONDS);
  refresh (f);
  wait_event (f, "failed acmeweb");
  shown = cockpit_session_get_plan (f->session, cockpit_session_find_package (f->session, "acmeweb"));
  g_assert_cmpint (cockpit_plan_get_status (shown), ==, COCKPIT_PLAN_STATUS_FAILED);
  g_assert_nonnull (cockpit_plan_get_error (shown));
  g_assert_cmpint (cockpit_plan_step_get_status (cockpit_plan_get_step (shown, COCKPIT_ENVIRONMENT_KIND_UAT)), ==,
                   COCKPIT_PLAN_STEP_STATUS_SKIPPED);
}

/* A soak gate opens by itself: the step the clock started is said. */
static void
test_soak_gate (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CockpitPlan) plan = NULL;
  CockpitPackage *acmeweb;
  CockpitPlan *shown;

  refresh (f);
  plan = create (f, "acmeweb", "6.4.3", COCKPIT_PLAN_GATE_SOAK, 1,
                 COCKPIT_ENVIRONMENT_KIND_INTEGRATION, COCKPIT_ENVIRONMENT_KIND_UAT);
  acmeweb = cockpit_session_find_package (f->session, "acmeweb");

  cockpit_simulator_advance_clock (f->sim.sim, FINISH_SECONDS);
  refresh (f);
  shown = cockpit_session_get_plan (f->session, acmeweb);
  g_assert_cmpint (cockpit_plan_get_status (shown), ==, COCKPIT_PLAN_STATUS_WAITING);
  g_assert_nonnull (cockpit_plan_step_get_gate_opens_at (cockpit_plan_get_step (shown, COCKPIT_ENVIRONMENT_KIND_UAT)));
  /* Waiting for the clock is not waiting for the user. */
  g_assert_cmpuint (count_event (f, "approval-needed acmeweb"), ==, 0);

  /* Just past the gate: UAT runs (its upgrade takes five stages). */
  {
    g_autoptr(GDateTime) now = cockpit_simulator_get_now (f->sim.sim);
    GDateTime *opens = cockpit_plan_step_get_gate_opens_at (cockpit_plan_get_step (shown, COCKPIT_ENVIRONMENT_KIND_UAT));

    cockpit_simulator_advance_clock (f->sim.sim, g_date_time_difference (opens, now) / G_TIME_SPAN_SECOND + 30);
  }
  refresh (f);
  g_assert_cmpint (cockpit_plan_step_get_status (cockpit_plan_get_step (shown, COCKPIT_ENVIRONMENT_KIND_UAT)), ==,
                   COCKPIT_PLAN_STEP_STATUS_RUNNING);
  g_assert_cmpuint (count_event (f, "step-started acmeweb"), ==, 1);
  refresh (f);
  g_assert_cmpuint (count_event (f, "step-started acmeweb"), ==, 1);
}

/* The scheduled Live upgrade starts at its time; the start is said. */
static void
test_scheduled (Fixture       *f,
                gconstpointer  data)
{
  CockpitPackage *hooli;
  CockpitPlan *shown;

  refresh (f);
  hooli = cockpit_session_find_package (f->session, "hooli");
  shown = cockpit_session_get_plan (f->session, hooli);
  g_assert_cmpuint (count_event (f, "step-started hooli"), ==, 0);

  /* Just past its start: Live's backup runs. */
  {
    g_autoptr(GDateTime) now = cockpit_simulator_get_now (f->sim.sim);

    g_assert_nonnull (cockpit_plan_get_start_at (shown));
    cockpit_simulator_advance_clock (f->sim.sim,
                                     g_date_time_difference (cockpit_plan_get_start_at (shown), now) / G_TIME_SPAN_SECOND + 30);
  }
  refresh (f);
  g_assert_true (cockpit_session_get_plan (f->session, hooli) == shown);
  g_assert_cmpint (cockpit_plan_get_status (shown), ==, COCKPIT_PLAN_STATUS_RUNNING);
  g_assert_cmpuint (count_event (f, "step-started hooli"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cockpit/session/plans/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("approval-needed", test_approval_needed);
  ADD ("approve", test_approve);
  ADD ("cancel", test_cancel);
  ADD ("succeeded", test_succeeded);
  ADD ("failed", test_failed);
  ADD ("soak-gate", test_soak_gate);
  ADD ("scheduled", test_scheduled);

#undef ADD

  return g_test_run ();
}
