/* cockpit-sim-plans-events.c: what the clock and the ends of actions make an upgrade plan do.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan's events are carried out by the engine's event loop
 * (cockpit-sim-engine-events.c, which calls in here) in time order
 * together with stage ends and expiries, each at its own time: a
 * start_at, a soak gate opening, and a step that is due and may start
 * because the package has become free.  So a step the clock starts
 * starts at that moment of simulated time even when one move of the
 * clock passes it, and the steps after it follow from there.
 */
#include "config.h"

#include <string.h>

#include "cockpit-sim-engine-private.h"
#include "cockpit-sim-plans-private.h"

void
_cockpit_sim_plans_add_entry (CockpitSimPackage     *package,
                              CockpitEntryType       type,
                              CockpitEnvironmentKind affects,
                              gint64                 time,
                              const char            *by,
                              const char            *action_id,
                              const char            *format,
                              ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  cockpit_sim_package_add_entry (package, type, affects, time, time, text,
                                 by != NULL ? by : COCKPIT_SIM_SYSTEM, NULL, action_id);
}

/* The step that is pending, running or waiting, or NULL. */
static CockpitSimPlanStep *
current_step (CockpitSimPlan *plan,
              guint          *index)
{
  for (guint i = 0; i < plan->n_steps; i++)
    {
      CockpitSimPlanStep *step = &plan->steps[i];

      if (step->status == COCKPIT_SIM_STEP_PENDING ||
          step->status == COCKPIT_SIM_STEP_RUNNING ||
          step->status == COCKPIT_SIM_STEP_WAITING)
        {
          if (index != NULL)
            *index = i;
          return step;
        }
    }
  return NULL;
}

static void
make_due (CockpitSimPlanStep *step,
          gint64              time,
          const char         *by)
{
  step->due_at = time;
  g_free (step->due_by);
  step->due_by = g_strdup (by);
}

static void
clear_due (CockpitSimPlanStep *step)
{
  step->due_at = 0;
  g_clear_pointer (&step->due_by, g_free);
}

/* After a step is done or skipped at @time: the next one waits for its
 * gate, or the plan has succeeded. */
static void
step_finished (CockpitSimPackage *package,
               CockpitSimPlan    *plan,
               guint              index,
               gint64             time)
{
  CockpitSimPlanStep *next;

  if (index + 1 == plan->n_steps)
    {
      plan->status = COCKPIT_SIM_PLAN_SUCCEEDED;
      plan->finished_at = time;
      _cockpit_sim_plans_add_entry (package, COCKPIT_ENTRY_TYPE_INFO, COCKPIT_ENVIRONMENT_KIND_NONE,
                                    time, COCKPIT_SIM_SYSTEM, NULL,
                                    "The upgrade plan to %s has been completed.", plan->target_version);
      return;
    }

  next = &plan->steps[index + 1];
  next->status = COCKPIT_SIM_STEP_WAITING;
  if (plan->soak)
    next->gate_opens_at = time + (gint64) plan->soak_hours * COCKPIT_SIM_HOUR;
  plan->status = COCKPIT_SIM_PLAN_WAITING;
}

/* The step fails, and the plan with it; the steps after it are skipped. */
static void
fail_plan (CockpitSimPackage *package,
           CockpitSimPlan    *plan,
           guint              index,
           gint64             time,
           const char        *by,
           const char        *code,
           const char        *message,
           const char        *action_id)
{
  CockpitSimPlanStep *step = &plan->steps[index];

  step->status = COCKPIT_SIM_STEP_FAILED;
  for (guint i = index + 1; i < plan->n_steps; i++)
    plan->steps[i].status = COCKPIT_SIM_STEP_SKIPPED;
  plan->status = COCKPIT_SIM_PLAN_FAILED;
  plan->finished_at = time;
  g_free (plan->error_code);
  g_free (plan->error_message);
  plan->error_code = g_strdup (code);
  plan->error_message = g_strdup (message);
  _cockpit_sim_plans_add_entry (package, COCKPIT_ENTRY_TYPE_ERROR, step->environment, time, by, action_id,
                                "The upgrade plan to %s has failed at the %s environment. %s",
                                plan->target_version, cockpit_sim_kind_upper (step->environment), message);
  /* Only now: @by may be the step's due_by. */
  clear_due (step);
}

/* Why the step's environment cannot be upgraded now, as a rejection of
 * a manual upgrade would say it; FALSE when it can. */
static gboolean
step_refused (CockpitSimEnvironment  *env,
              CockpitSimPlanStep     *step,
              const char            **code,
              char                  **message)
{
  const char *name = cockpit_sim_kind_name (step->environment);

  if (env != NULL && env->protected_)
    {
      *code = "environment_protected";
      *message = g_strdup_printf ("The %s environment is protected, so it cannot be upgraded. "
                                  "Ask the Cloud Helpdesk to lift the protection, then plan the "
                                  "upgrade again.", name);
      return TRUE;
    }
  if (env != NULL && env->kind == COCKPIT_ENVIRONMENT_KIND_LIVE && env->upgrade_backup.from_version != NULL)
    {
      *code = "upgrade_backup_exists";
      *message = g_strdup_printf ("The %s environment still has the upgrade backup of its last "
                                  "upgrade (%s), so it cannot be upgraded again. Delete or restore "
                                  "the backup, then plan the upgrade again.", name,
                                  env->upgrade_backup.from_version);
      return TRUE;
    }
  if (env == NULL || env->version == NULL)
    {
      *code = "version_not_available";
      *message = g_strdup_printf ("The %s environment is not set up, so it cannot be upgraded.", name);
      return TRUE;
    }
  return FALSE;
}

/* The due step at @time: skipped, left pending while the package is
 * busy or in maintenance, failed, or started.  TRUE when it moved on. */
static gboolean
try_start (CockpitSimState   *state,
           CockpitSimPackage *package,
           CockpitSimPlan    *plan,
           guint              index,
           gint64             time)
{
  CockpitSimPlanStep *step = &plan->steps[index];
  CockpitSimEnvironment *env = cockpit_sim_package_find_kind (package, step->environment);
  const char *upper = cockpit_sim_kind_upper (step->environment);
  g_autofree char *message = NULL;
  CockpitSimAction *action;
  CockpitActionKind kind = COCKPIT_ACTION_KIND_UPGRADE;
  const char *code;

  if (step->n_actions == 0 && env != NULL && env->version != NULL &&
      cockpit_version_compare_strings (env->version, plan->target_version, NULL) >= 0)
    {
      step->status = COCKPIT_SIM_STEP_SKIPPED;
      _cockpit_sim_plans_add_entry (package, COCKPIT_ENTRY_TYPE_INFO, step->environment, time,
                                    step->due_by, NULL,
                                    "The %s environment already runs %s, so the upgrade plan to %s "
                                    "skips it.", upper, env->version, plan->target_version);
      clear_due (step);
      step_finished (package, plan, index, time);
      return TRUE;
    }

  /* Due while busy or in maintenance: it waits, and starts when free. */
  if (package->running != NULL || package->maintenance_message != NULL)
    {
      if (step->status == COCKPIT_SIM_STEP_WAITING)
        step->status = COCKPIT_SIM_STEP_PENDING;
      plan->status = COCKPIT_SIM_PLAN_RUNNING;
      return FALSE;
    }

  if (step_refused (env, step, &code, &message))
    {
      fail_plan (package, plan, index, time, step->due_by, code, message, NULL);
      return TRUE;
    }

  if (step->n_actions == 0 && env->kind == COCKPIT_ENVIRONMENT_KIND_LIVE && plan->back_up_live_first)
    kind = COCKPIT_ACTION_KIND_CREATE_BACKUP;
  action = _cockpit_sim_engine_start_for_plan (state, package, env, kind, plan->target_version,
                                               plan->created_by, time);
  step->action_ids[step->n_actions++] = g_strdup (action->id);
  step->status = COCKPIT_SIM_STEP_RUNNING;
  plan->status = COCKPIT_SIM_PLAN_RUNNING;

  /* The upgrade after a backup belongs to the step's start. */
  if (step->due_by != NULL)
    _cockpit_sim_plans_add_entry (package, COCKPIT_ENTRY_TYPE_INFO, step->environment, time,
                                  step->due_by, action->id,
                                  kind == COCKPIT_ACTION_KIND_CREATE_BACKUP
                                  ? "The upgrade plan to %s has started on the %s environment, "
                                    "with a backup first."
                                  : "The upgrade plan to %s has started upgrading the %s environment.",
                                  plan->target_version, upper);
  clear_due (step);
  return TRUE;
}

void
_cockpit_sim_plans_start (CockpitSimState   *state,
                          CockpitSimPackage *package,
                          CockpitSimPlan    *plan,
                          gint64             time,
                          const char        *by)
{
  plan->status = COCKPIT_SIM_PLAN_RUNNING;
  make_due (&plan->steps[0], time, by);
  _cockpit_sim_plans_run_due (state, package, time);
}

void
_cockpit_sim_plans_run_due (CockpitSimState   *state,
                            CockpitSimPackage *package,
                            gint64             time)
{
  CockpitSimPlan *plan = _cockpit_sim_plans_active (package);
  gboolean moved = TRUE;

  while (plan != NULL && _cockpit_sim_plan_is_active (plan) && moved)
    {
      CockpitSimPlanStep *step;
      guint index = 0;

      moved = FALSE;
      if (plan->status == COCKPIT_SIM_PLAN_SCHEDULED)
        {
          if (plan->start_at > time)
            return;
          plan->status = COCKPIT_SIM_PLAN_RUNNING;
          make_due (&plan->steps[0], time, COCKPIT_SIM_SYSTEM);
        }

      step = current_step (plan, &index);
      if (step == NULL)
        return;

      if (step->status == COCKPIT_SIM_STEP_WAITING)
        {
          if (!plan->soak || step->gate_opens_at > time)
            return;
          _cockpit_sim_plans_add_entry (package, COCKPIT_ENTRY_TYPE_INFO, step->environment, time,
                                        COCKPIT_SIM_SYSTEM, NULL,
                                        "The soak time of %u %s has passed: the upgrade of the %s "
                                        "environment to %s can start.", plan->soak_hours,
                                        plan->soak_hours == 1 ? "hour" : "hours",
                                        cockpit_sim_kind_upper (step->environment), plan->target_version);
          step->status = COCKPIT_SIM_STEP_PENDING;
          plan->status = COCKPIT_SIM_PLAN_RUNNING;
          make_due (step, time, COCKPIT_SIM_SYSTEM);
        }

      if (step->due_at == 0 || step->due_at > time)
        return;
      moved = try_start (state, package, plan, index, time);
    }
}

gint64
_cockpit_sim_plans_next_due (CockpitSimPackage *package)
{
  CockpitSimPlan *plan = _cockpit_sim_plans_active (package);
  CockpitSimPlanStep *step;

  if (plan == NULL)
    return G_MAXINT64;
  if (plan->status == COCKPIT_SIM_PLAN_SCHEDULED)
    return plan->start_at;

  step = current_step (plan, NULL);
  if (step == NULL)
    return G_MAXINT64;
  if (step->status == COCKPIT_SIM_STEP_WAITING)
    return plan->soak ? step->gate_opens_at : G_MAXINT64;
  if (step->due_at != 0 && package->running == NULL && package->maintenance_message == NULL)
    return step->due_at;
  return G_MAXINT64;
}

void
_cockpit_sim_plans_action_ended (CockpitSimState   *state,
                                 CockpitSimPackage *package,
                                 CockpitSimAction  *action,
                                 gint64             time)
{
  for (guint i = package->plans->len; i > 0; i--)
    {
      CockpitSimPlan *plan = g_ptr_array_index (package->plans, i - 1);

      for (guint j = 0; j < plan->n_steps; j++)
        {
          CockpitSimPlanStep *step = &plan->steps[j];
          gboolean active = _cockpit_sim_plan_is_active (plan);

          if (step->status != COCKPIT_SIM_STEP_RUNNING || step->n_actions == 0 ||
              g_strcmp0 (step->action_ids[step->n_actions - 1], action->id) != 0)
            continue;

          if (action->status == COCKPIT_ACTION_STATUS_FAILED)
            {
              if (active)
                fail_plan (package, plan, j, time, COCKPIT_SIM_SYSTEM, action->error_code,
                           action->error_message, action->id);
              else
                step->status = COCKPIT_SIM_STEP_FAILED;
            }
          else if (action->kind == COCKPIT_ACTION_KIND_CREATE_BACKUP && active)
            make_due (step, time, NULL);     /* the upgrade starts as soon as it may */
          else
            {
              step->status = COCKPIT_SIM_STEP_DONE;
              if (active)
                step_finished (package, plan, j, time);
            }
          return;
        }
    }
}
