/* test-fleet-util.h: the fleet's tests' packages, releases and clock: a model of two packages, five rows.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only, so that each test stays one executable built from one file.
 */
#pragma once

#include "cockpit-fleet-model.h"
#include "test-model-util.h"

/* The clock of these tests: 2026-11-20 12:00 UTC.  The latest LTS,
 * 6.3.21, came out on 2026-10-01, so its deadline is 2026-11-30 00:00:
 * 10 days (rounded up) away. */
#define NOW "2026-11-20T12:00:00Z"

typedef struct {
  GListStore        *packages;
  GListStore        *releases;
  CockpitFleetModel *model;
  GDateTime         *now;
  GArray            *changes;   /* guint triples: position, removed, added */
} Fixture;

static inline GDateTime *
fixture_now (gpointer data)
{
  Fixture *f = data;

  return g_date_time_ref (f->now);
}

static inline CockpitEnvironment *
environment_new (const char             *package_id,
                 CockpitEnvironmentKind  kind,
                 const char             *version)
{
  CockpitEnvironment *env = cockpit_environment_new ();
  g_autofree char *id = g_strdup_printf ("%s-%s", package_id,
                                         cockpit_enum_to_string (COCKPIT_TYPE_ENVIRONMENT_KIND, kind));

  cockpit_environment_set_id (env, id);
  cockpit_environment_set_package_id (env, package_id);
  cockpit_environment_set_kind (env, kind);
  cockpit_environment_set_name (env, cockpit_environment_kind_get_label (kind));
  cockpit_environment_set_magnolia_version (env, version);
  cockpit_environment_set_state (env, COCKPIT_ENVIRONMENT_STATE_RUNNING);
  return env;
}

/* A package with Live, UAT and Integration (or only the first @n). */
static inline CockpitPackage *
package_new (const char *id,
             const char *name,
             guint       n,
             const char *live_version)
{
  static const CockpitEnvironmentKind kinds[] = {
    COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_ENVIRONMENT_KIND_INTEGRATION,
  };
  CockpitPackage *package = cockpit_package_new ();
  g_autoptr(GListStore) envs = g_list_store_new (COCKPIT_TYPE_ENVIRONMENT);

  cockpit_package_set_id (package, id);
  cockpit_package_set_name (package, name);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CockpitEnvironment) env = environment_new (id, kinds[i], i == 0 ? live_version : "6.3.21");

      g_list_store_append (envs, env);
    }
  cockpit_package_set_environments (package, G_LIST_MODEL (envs));
  return package;
}

static inline void
changed_cb (GListModel *model,
            guint       position,
            guint       removed,
            guint       added,
            Fixture    *f)
{
  guint triple[3] = { position, removed, added };

  g_array_append_vals (f->changes, triple, 3);
}

static inline void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CockpitRelease) lts = cockpit_release_new (NULL, FALSE, NULL);
  g_autoptr(CockpitRelease) newer = cockpit_release_new (NULL, FALSE, NULL);
  g_autoptr(GDateTime) lts_at = model_time ("2026-10-01T00:00:00Z");
  g_autoptr(CockpitPackage) acme = package_new ("acme", "Acme Website", 3, "6.3.18");
  g_autoptr(CockpitPackage) beta = package_new ("beta", "Beta Shop", 2, "6.3.21");

  f->now = model_time (NOW);
  f->releases = g_list_store_new (COCKPIT_TYPE_RELEASE);
  cockpit_release_set_version (newer, "6.4.3");
  cockpit_release_set_branch (newer, "6.4");
  cockpit_release_set_released_at (newer, lts_at);
  g_list_store_append (f->releases, newer);
  cockpit_release_set_version (lts, "6.3.21");
  cockpit_release_set_branch (lts, "6.3");
  cockpit_release_set_lts (lts, TRUE);
  cockpit_release_set_released_at (lts, lts_at);
  g_list_store_append (f->releases, lts);

  f->packages = g_list_store_new (COCKPIT_TYPE_PACKAGE);
  g_list_store_append (f->packages, acme);
  g_list_store_append (f->packages, beta);

  f->model = cockpit_fleet_model_new (G_LIST_MODEL (f->packages), G_LIST_MODEL (f->releases));
  cockpit_fleet_model_set_clock (f->model, fixture_now, f, NULL);
  f->changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect (f->model, "items-changed", G_CALLBACK (changed_cb), f);
}

static inline void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->model);
  g_clear_object (&f->packages);
  g_clear_object (&f->releases);
  g_clear_pointer (&f->now, g_date_time_unref);
  g_array_unref (f->changes);
}

static inline CockpitFleetRow *
row_at (Fixture *f,
        guint    position)
{
  g_autoptr(CockpitFleetRow) row = g_list_model_get_item (G_LIST_MODEL (f->model), position);

  g_assert_nonnull (row);
  return row;  /* the model keeps it */
}

static inline CockpitEnvironment *
env_at (Fixture *f,
        guint    position)
{
  return cockpit_fleet_row_get_environment (row_at (f, position));
}

static inline void
assert_changes (Fixture     *f,
                const guint *expected,
                guint        n_triples)
{
  g_assert_cmpuint (f->changes->len, ==, n_triples * 3);
  for (guint i = 0; i < n_triples * 3; i++)
    g_assert_cmpuint (g_array_index (f->changes, guint, i), ==, expected[i]);
  g_array_set_size (f->changes, 0);
}

static inline CockpitAction *
action_new (const char          *environment_id,
            CockpitActionStatus  status,
            CockpitStageName     stage)
{
  CockpitAction *action = cockpit_action_new ();

  cockpit_action_set_id (action, "act-1");
  cockpit_action_set_package_id (action, "acme");
  cockpit_action_set_environment_id (action, environment_id);
  cockpit_action_set_kind (action, COCKPIT_ACTION_KIND_UPGRADE);
  cockpit_action_set_status (action, status);
  cockpit_action_set_stage (action, stage);
  return action;
}

/* A plan of @package_id to 6.4.3 with an approval gate: Integration done,
 * UAT waiting for approval, Live pending; the plan waits. */
static inline CockpitPlan *
waiting_plan_new (const char *package_id)
{
  static const CockpitEnvironmentKind kinds[] = {
    COCKPIT_ENVIRONMENT_KIND_INTEGRATION, COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_ENVIRONMENT_KIND_LIVE,
  };
  static const CockpitPlanStepStatus statuses[] = {
    COCKPIT_PLAN_STEP_STATUS_DONE, COCKPIT_PLAN_STEP_STATUS_WAITING, COCKPIT_PLAN_STEP_STATUS_PENDING,
  };
  CockpitPlan *plan = cockpit_plan_new ();
  g_autoptr(GListStore) steps = g_list_store_new (COCKPIT_TYPE_PLAN_STEP);

  cockpit_plan_set_id (plan, "plan-1");
  cockpit_plan_set_package_id (plan, package_id);
  cockpit_plan_set_target_version (plan, "6.4.3");
  cockpit_plan_set_gate (plan, COCKPIT_PLAN_GATE_APPROVAL);
  cockpit_plan_set_status (plan, COCKPIT_PLAN_STATUS_WAITING);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(CockpitPlanStep) step = cockpit_plan_step_new ();

      cockpit_plan_step_set_environment (step, kinds[i]);
      cockpit_plan_step_set_status (step, statuses[i]);
      g_list_store_append (steps, step);
    }
  cockpit_plan_set_steps (plan, G_LIST_MODEL (steps));
  return plan;
}
