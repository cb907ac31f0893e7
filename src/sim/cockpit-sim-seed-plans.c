/* cockpit-sim-seed-plans.c: the demo seed's upgrade plans (v1.1), placed into the packages' history.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like the rest of the demo seed, everything follows from the time the
 * state is created: the same time gives the same plans.
 */
#include "config.h"

#include <string.h>

#include "cockpit-sim-plans-private.h"
#include "cockpit-stage.h"

#define MINUTE (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)

/* Adds an entry at its place in time (after every entry of the same
 * time or earlier), since the seed writes into a history that goes on
 * after it. */
static void
insert_entry (CockpitSimPackage      *package,
              CockpitEnvironmentKind  affects,
              gint64                  time,
              const char             *by,
              const char             *action_id,
              const char             *text)
{
  CockpitSimEntry *entry;
  guint position = 0;

  while (position < package->activity->len &&
         ((CockpitSimEntry *) g_ptr_array_index (package->activity, position))->at <= time)
    position++;
  entry = cockpit_sim_package_add_entry (package, COCKPIT_ENTRY_TYPE_INFO, affects, time, time,
                                         text, by, NULL, action_id);
  g_ptr_array_steal_index (package->activity, package->activity->len - 1);
  g_ptr_array_insert (package->activity, position, entry);
  for (guint i = position; i < package->activity->len; i++)
    ((CockpitSimEntry *) g_ptr_array_index (package->activity, i))->number = i + 1;
}

static CockpitSimPlan *
new_plan (CockpitSimState                *state,
          CockpitSimPackage              *package,
          const char                     *target_version,
          const CockpitEnvironmentKind   *kinds,
          guint                           n_kinds,
          const char                     *by,
          gint64                          created_at)
{
  CockpitSimPlan *plan = g_new0 (CockpitSimPlan, 1);

  plan->id = g_strdup_printf ("plan-%06u", state->next_plan++);
  plan->package_id = g_strdup (package->id);
  plan->target_version = g_strdup (target_version);
  plan->n_steps = n_kinds;
  for (guint i = 0; i < n_kinds; i++)
    {
      plan->steps[i].environment = kinds[i];
      plan->steps[i].status = COCKPIT_SIM_STEP_PENDING;
    }
  plan->created_by = g_strdup (by);
  plan->created_at = created_at;
  g_ptr_array_add (package->plans, plan);
  return plan;
}

/* Globex: a plan to 6.4.3 over Integration and UAT with approvals.  Its
 * Integration step is the upgrade to 6.4.3 the history already has: that
 * entry gets its action, and the plan was created as it started. */
static void
seed_globex (CockpitSimState   *state,
             CockpitSimPackage *package)
{
  static const CockpitEnvironmentKind kinds[] = {
    COCKPIT_ENVIRONMENT_KIND_INTEGRATION, COCKPIT_ENVIRONMENT_KIND_UAT,
  };
  CockpitSimEnvironment *env = cockpit_sim_package_find_kind (package, COCKPIT_ENVIRONMENT_KIND_INTEGRATION);
  const CockpitStageName *names;
  CockpitSimEntry *entry = NULL;
  CockpitSimAction *action;
  CockpitSimPlan *plan;

  for (guint i = package->activity->len; entry == NULL && i > 0; i--)
    {
      CockpitSimEntry *candidate = g_ptr_array_index (package->activity, i - 1);

      if (candidate->affects == COCKPIT_ENVIRONMENT_KIND_INTEGRATION &&
          g_str_equal (candidate->activity, "INTEGRATION environment has been upgraded to 6.4.3."))
        entry = candidate;
    }
  g_assert (entry != NULL && env != NULL);

  action = g_new0 (CockpitSimAction, 1);
  action->id = g_strdup_printf ("act-%06u", state->next_action++);
  action->package_id = g_strdup (package->id);
  action->environment_id = g_strdup (env->id);
  action->kind = COCKPIT_ACTION_KIND_UPGRADE;
  action->target_version = g_strdup ("6.4.3");
  action->from_version = g_strdup ("6.4.2");
  action->status = COCKPIT_ACTION_STATUS_SUCCEEDED;
  action->fail_stage = -1;
  action->requested_by = g_strdup (entry->by);
  action->created_at = entry->started_at;
  action->finished_at = entry->finished_at;
  names = cockpit_stage_plan (COCKPIT_ACTION_KIND_UPGRADE, env->kind, &action->n_stages);
  action->stage_duration = (entry->finished_at - entry->started_at) / action->n_stages;
  action->current = action->n_stages - 1;
  for (guint i = 0; i < action->n_stages; i++)
    {
      action->stages[i].name = names[i];
      action->stages[i].status = COCKPIT_STAGE_STATUS_DONE;
      action->stages[i].started_at = action->created_at + i * action->stage_duration;
      action->stages[i].finished_at = i + 1 < action->n_stages
                                      ? action->created_at + (i + 1) * action->stage_duration
                                      : action->finished_at;
    }
  cockpit_sim_state_add_action (state, action);
  entry->action_id = g_strdup (action->id);

  plan = new_plan (state, package, "6.4.3", kinds, G_N_ELEMENTS (kinds), entry->by, action->created_at);
  plan->status = COCKPIT_SIM_PLAN_WAITING;
  plan->steps[0].status = COCKPIT_SIM_STEP_DONE;
  plan->steps[0].n_actions = 1;
  plan->steps[0].action_ids[0] = g_strdup (action->id);
  plan->steps[1].status = COCKPIT_SIM_STEP_WAITING;

  insert_entry (package, COCKPIT_ENVIRONMENT_KIND_NONE, plan->created_at, plan->created_by, NULL,
                "An upgrade plan to 6.4.3 has been created for INTEGRATION and UAT, each environment "
                "after an approval, starting now.");
  insert_entry (package, COCKPIT_ENVIRONMENT_KIND_INTEGRATION, plan->created_at, plan->created_by,
                action->id, "The upgrade plan to 6.4.3 has started upgrading the INTEGRATION environment.");
}

/* The first Sunday 06:00 UTC after @now. */
static gint64
next_sunday_morning (gint64 now)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  g_autoptr(GDateTime) day = g_date_time_new_utc (g_date_time_get_year (time), g_date_time_get_month (time),
                                                  g_date_time_get_day_of_month (time), 6, 0, 0);
  gint64 start = g_date_time_to_unix (day) * G_USEC_PER_SEC;

  start += (7 - g_date_time_get_day_of_week (day)) % 7 * COCKPIT_SIM_DAY;
  if (start <= now)
    start += 7 * COCKPIT_SIM_DAY;
  return start;
}

/* Hooli: Live to 6.3.21 on the next Sunday morning, backed up first, a
 * scheduled upgrade asked for three hours ago. */
static void
seed_hooli (CockpitSimState   *state,
            CockpitSimPackage *package,
            gint64             now)
{
  static const CockpitEnvironmentKind kinds[] = { COCKPIT_ENVIRONMENT_KIND_LIVE };
  gint64 created_at = now - now % MINUTE - 3 * COCKPIT_SIM_HOUR;
  CockpitSimPlan *plan;
  g_autofree char *start = NULL;
  g_autofree char *text = NULL;

  plan = new_plan (state, package, "6.3.21", kinds, G_N_ELEMENTS (kinds), COCKPIT_SIM_USER_NAME, created_at);
  plan->status = COCKPIT_SIM_PLAN_SCHEDULED;
  plan->start_at = next_sunday_morning (now);
  plan->back_up_live_first = TRUE;

  start = cockpit_sim_format_time (plan->start_at);
  text = g_strdup_printf ("An upgrade plan to 6.3.21 has been created for LIVE, starting at %s. "
                          "LIVE is backed up first.", start);
  insert_entry (package, COCKPIT_ENVIRONMENT_KIND_NONE, created_at, plan->created_by, NULL, text);
}

void
_cockpit_sim_seed_plans (CockpitSimState *state,
                         gint64           now)
{
  CockpitSimPackage *globex = cockpit_sim_state_find_package (state, "globex");
  CockpitSimPackage *hooli = cockpit_sim_state_find_package (state, "hooli");

  g_return_if_fail (globex != NULL && hooli != NULL);

  seed_globex (state, globex);
  seed_hooli (state, hooli, now);
}
