/* cockpit-flow-state.c: what the upgrade flow diagram shows, worked out from a plan or an action.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cockpit-action.h"
#include "cockpit-action-error.h"
#include "cockpit-environment.h"
#include "cockpit-flow-state.h"
#include "cockpit-plan.h"
#include "cockpit-plan-step.h"
#include "cockpit-rules.h"
#include "cockpit-stage.h"

/* State */

/* What the installations show: the versions an upgrade went from and to
 * (the action's params), the environment's own version for an action
 * that changes none, and words rather than a made-up version when there
 * is none to show.  Only a plan without an environment, which explains
 * how an upgrade works, says "Current version" and "Newer version". */
static void
flow_state_init_texts (CockpitFlowState   *state,
                       CockpitAction      *action,
                       CockpitEnvironment *env)
{
  gboolean set_up = env != NULL &&
                    cockpit_environment_get_state (env) != COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP;

  if (!state->upgrade)
    {
      if (set_up && state->from_version != NULL)
        state->from_text = state->from_version;
      else if (env != NULL && !set_up)
        state->from_text = cockpit_action_get_kind (action) == COCKPIT_ACTION_KIND_TEARDOWN &&
                           state->mode == COCKPIT_FLOW_MODE_SUCCEEDED
                           ? _("Torn down") : _("Not set up");
      else
        state->from_text = _("Version not known");
      state->to_text = NULL;
      return;
    }

  if (action == NULL && env == NULL)
    {
      state->from_text = _("Current version");
      state->to_text = state->to_version != NULL ? state->to_version : _("Newer version");
      return;
    }

  if (state->from_version != NULL)
    state->from_text = state->from_version;
  else if (action == NULL && !set_up)
    state->from_text = _("Not set up");
  else
    state->from_text = _("Version not known");

  if (state->to_version != NULL)
    state->to_text = state->to_version;
  else if (action == NULL)
    state->to_text = _("No newer version");
  else
    state->to_text = _("Version not known");
}

/* Fills @state from the plan, or from the action when there is one.  The
 * stages are the action's own list, or the model's plan for its kind
 * when it lists none; a stage's status comes from the action's list, or
 * when missing there, follows from the action's current stage. */
void
cockpit_flow_state_init (CockpitFlowState       *state,
                         CockpitAction          *action,
                         CockpitEnvironment     *environment,
                         CockpitEnvironmentKind  kind,
                         const char             *plan_to_version,
                         double                  progress)
{
  CockpitStageName names[COCKPIT_FLOW_MAX_STEPS];
  CockpitStageName current_name = COCKPIT_STAGE_NONE;
  CockpitActionStatus status = COCKPIT_ACTION_STATUS_RUNNING;
  CockpitActionKind action_kind = COCKPIT_ACTION_KIND_UPGRADE;
  GListModel *stages = NULL;
  gboolean past_current = FALSE;
  guint n_listed = 0;

  memset (state, 0, sizeof *state);
  state->kind = kind;
  state->current = -1;
  state->mode = COCKPIT_FLOW_MODE_PLAN;

  if (action != NULL)
    {
      CockpitActionError *action_error = cockpit_action_get_error (action);

      action_kind = cockpit_action_get_kind (action);
      status = cockpit_action_get_status (action);
      current_name = cockpit_action_get_stage (action);
      stages = cockpit_action_get_stages (action);
      state->progress = status == COCKPIT_ACTION_STATUS_SUCCEEDED ? 1.0 : progress;
      if (action_error != NULL)
        state->error_message = cockpit_action_error_get_message (action_error);

      /* An upgrade carries where it started and where it goes; any other
       * action keeps the version, so the environment's is the true one. */
      if (action_kind == COCKPIT_ACTION_KIND_UPGRADE)
        {
          state->from_version = cockpit_action_get_from_version (action);
          state->to_version = cockpit_action_get_target_version (action);
        }
      else if (environment != NULL)
        state->from_version = cockpit_environment_get_magnolia_version (environment);

      switch (status)
        {
        case COCKPIT_ACTION_STATUS_SUCCEEDED:
          state->mode = COCKPIT_FLOW_MODE_SUCCEEDED;
          break;
        case COCKPIT_ACTION_STATUS_FAILED:
          state->mode = COCKPIT_FLOW_MODE_FAILED;
          break;
        case COCKPIT_ACTION_STATUS_RUNNING:
        default:
          state->mode = COCKPIT_FLOW_MODE_RUNNING;
          break;
        }
    }
  else
    {
      if (environment != NULL)
        state->from_version = cockpit_environment_get_magnolia_version (environment);
      state->to_version = plan_to_version;
    }
  state->upgrade = action_kind == COCKPIT_ACTION_KIND_UPGRADE;

  if (stages != NULL)
    n_listed = g_list_model_get_n_items (stages);
  if (n_listed > 0 && n_listed <= COCKPIT_FLOW_MAX_STEPS)
    {
      for (guint i = 0; i < n_listed; i++)
        {
          g_autoptr(CockpitStage) stage = g_list_model_get_item (stages, i);

          names[i] = cockpit_stage_get_name (stage);
        }
      state->n_steps = n_listed;
    }
  else
    {
      const CockpitStageName *plan = cockpit_stage_plan (action_kind, state->kind, &state->n_steps);

      g_assert (state->n_steps <= COCKPIT_FLOW_MAX_STEPS);
      memcpy (names, plan, state->n_steps * sizeof *names);
    }

  for (guint i = 0; i < state->n_steps; i++)
    {
      CockpitFlowStep *step = &state->steps[i];
      CockpitStage *stage = NULL;

      step->name = names[i];
      step->label = cockpit_stage_name_get_label (names[i]);
      step->status = COCKPIT_STAGE_STATUS_PENDING;

      if (action == NULL)
        continue;

      stage = cockpit_action_get_stage_by_name (action, names[i]);
      if (stage != NULL)
        step->status = cockpit_stage_get_status (stage);
      else if (status == COCKPIT_ACTION_STATUS_SUCCEEDED)
        step->status = COCKPIT_STAGE_STATUS_DONE;
      else if (names[i] == current_name)
        step->status = status == COCKPIT_ACTION_STATUS_FAILED
                       ? COCKPIT_STAGE_STATUS_FAILED
                       : COCKPIT_STAGE_STATUS_RUNNING;
      else if (current_name != COCKPIT_STAGE_NONE && !past_current)
        step->status = COCKPIT_STAGE_STATUS_DONE;
      else if (status == COCKPIT_ACTION_STATUS_FAILED)
        step->status = COCKPIT_STAGE_STATUS_SKIPPED;

      if (names[i] == current_name)
        past_current = TRUE;

      if (state->current < 0 &&
          (step->status == COCKPIT_STAGE_STATUS_RUNNING ||
           step->status == COCKPIT_STAGE_STATUS_FAILED))
        state->current = i;
    }

  flow_state_init_texts (state, action, environment);
}

CockpitStageStatus
cockpit_flow_state_get_status (const CockpitFlowState *state,
                               CockpitStageName        name)
{
  for (guint i = 0; i < state->n_steps; i++)
    if (state->steps[i].name == name)
      return state->steps[i].status;
  return COCKPIT_STAGE_STATUS_PENDING;
}

gboolean
cockpit_flow_state_traffic_on_green (const CockpitFlowState *state)
{
  return state->upgrade &&
         cockpit_flow_state_get_status (state, COCKPIT_STAGE_SWITCH_TRAFFIC) == COCKPIT_STAGE_STATUS_DONE;
}

double
cockpit_flow_state_step_progress (const CockpitFlowState *state,
                                  guint                   index)
{
  return CLAMP (state->progress * state->n_steps - index, 0.0, 1.0);
}

char *
cockpit_flow_state_describe (const CockpitFlowState *state)
{
  const char *kind = cockpit_environment_kind_get_label (state->kind);
  const char *to_version = state->to_version != NULL ? state->to_version : _("a newer version");
  int percent = (int) round (state->progress * 100.0);

  switch (state->mode)
    {
    case COCKPIT_FLOW_MODE_PLAN:
      {
        g_autoptr(GString) steps = g_string_new (NULL);
        const char *from_version = state->from_version != NULL
                                   ? state->from_version : _("its current version");

        for (guint i = 0; i < state->n_steps; i++)
          {
            if (i > 0)
              g_string_append (steps, ", ");
            g_string_append (steps, state->steps[i].label);
          }
        /* Translators: the plan of an upgrade: the environment, the two
         * versions, the number of stages and the stages' names. */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Plan: upgrade of %s from %s to %s in %u stage: %s",
                                             "Plan: upgrade of %s from %s to %s in %u stages: %s",
                                             state->n_steps),
                                kind, from_version, to_version, state->n_steps, steps->str);
      }

    case COCKPIT_FLOW_MODE_RUNNING:
      if (!state->upgrade)
        /* Translators: a stage such as "Back up", the environment, a percentage. */
        return g_strdup_printf (_("%s on %s: %d %% done"),
                                state->steps[0].label, kind, percent);
      if (state->current < 0)
        /* Translators: the environment, the version and a percentage. */
        return g_strdup_printf (_("Upgrade of %s to %s: %d %% done"), kind, to_version, percent);
      /* Translators: the environment, the version, the stage's number, the
       * number of stages, the stage's name and a percentage. */
      return g_strdup_printf (_("Upgrade of %s to %s: stage %d of %u, %s, %d %% done"),
                              kind, to_version, state->current + 1, state->n_steps,
                              state->steps[state->current].label, percent);

    case COCKPIT_FLOW_MODE_SUCCEEDED:
      if (!state->upgrade)
        /* Translators: a stage such as "Back up", then the environment. */
        return g_strdup_printf (_("%s on %s finished"), state->steps[0].label, kind);
      /* Translators: the environment and the version it now runs. */
      return g_strdup_printf (_("Upgrade finished: %s now runs %s"), kind, to_version);

    case COCKPIT_FLOW_MODE_FAILED:
    default:
      {
        const char *message = state->error_message != NULL
                              ? state->error_message : _("no reason given");

        g_autofree char *failed = NULL;

        if (state->current < 0)
          /* Translators: the error message. */
          failed = g_strdup_printf (_("Failed: %s"), message);
        else
          /* Translators: the name of the stage that failed and the error message. */
          failed = g_strdup_printf (_("Failed at %s: %s"), state->steps[state->current].label, message);
        /* What matters most after a failed upgrade: the site was not touched. */
        if (state->upgrade && !cockpit_flow_state_traffic_on_green (state))
          /* Translators: a failure, as above, then the environment. */
          return g_strdup_printf (_("%s (traffic not switched: visitors still reach the previous installation of %s)"),
                                  failed, kind);
        return g_steal_pointer (&failed);
      }
    }
}

const char *
cockpit_flow_state_get_failure (const CockpitFlowState *state)
{
  g_return_val_if_fail (state != NULL, NULL);

  if (state->error_message != NULL)
    return state->error_message;
  return state->upgrade ? _("The upgrade failed.") : _("The action failed.");
}

char *
cockpit_flow_state_get_failure_note (const CockpitFlowState *state)
{
  const char *kind;

  g_return_val_if_fail (state != NULL, NULL);

  if (state->mode != COCKPIT_FLOW_MODE_FAILED || !state->upgrade ||
      cockpit_flow_state_traffic_on_green (state))
    return NULL;

  kind = cockpit_environment_kind_get_label (state->kind);
  if (state->from_version != NULL)
    /* Translators: the environment and the version it keeps running. */
    return g_strdup_printf (_("Traffic was never switched: %s stays on %s."),
                            kind, state->from_version);
  /* Translators: the environment. */
  return g_strdup_printf (_("Traffic was never switched: %s stays on its current version."),
                          kind);
}

char *
cockpit_flow_state_get_layout_key (const CockpitFlowState *state)
{
  GString *key = g_string_new (NULL);

  g_return_val_if_fail (state != NULL, NULL);

  g_string_append_printf (key, "%d %d %d %s %s", state->mode, state->upgrade, state->kind,
                          state->from_text != NULL ? state->from_text : "",
                          state->to_text != NULL ? state->to_text : "");
  for (guint i = 0; i < state->n_steps; i++)
    g_string_append_printf (key, " %d:%d", state->steps[i].name, state->steps[i].status);
  return g_string_free (key, FALSE);
}

/* Plans */

void
cockpit_flow_sequence_init (CockpitFlowSequence *sequence,
                            CockpitPlan         *plan)
{
  GListModel *steps;
  CockpitPlanStep *current;
  guint n;

  g_return_if_fail (sequence != NULL);

  memset (sequence, 0, sizeof *sequence);
  sequence->current = -1;
  if (plan == NULL)
    return;

  steps = cockpit_plan_get_steps (plan);
  current = cockpit_plan_get_current_step (plan);
  n = MIN (g_list_model_get_n_items (steps), G_N_ELEMENTS (sequence->steps));
  sequence->finished = !cockpit_plan_is_active (plan);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CockpitPlanStep) step = g_list_model_get_item (steps, i);
      CockpitFlowPlanStep *out = &sequence->steps[sequence->n_steps++];

      out->kind = cockpit_plan_step_get_environment (step);
      switch (cockpit_plan_step_get_status (step))
        {
        case COCKPIT_PLAN_STEP_STATUS_RUNNING:
          out->status = COCKPIT_STAGE_STATUS_RUNNING;
          break;
        case COCKPIT_PLAN_STEP_STATUS_WAITING:
          out->status = COCKPIT_STAGE_STATUS_PENDING;
          out->waiting = TRUE;
          break;
        case COCKPIT_PLAN_STEP_STATUS_DONE:
          out->status = COCKPIT_STAGE_STATUS_DONE;
          break;
        case COCKPIT_PLAN_STEP_STATUS_FAILED:
          out->status = COCKPIT_STAGE_STATUS_FAILED;
          break;
        case COCKPIT_PLAN_STEP_STATUS_SKIPPED:
        case COCKPIT_PLAN_STEP_STATUS_CANCELLED:
          out->status = COCKPIT_STAGE_STATUS_SKIPPED;
          break;
        case COCKPIT_PLAN_STEP_STATUS_PENDING:
        default:
          out->status = COCKPIT_STAGE_STATUS_PENDING;
          break;
        }
      if (step == current)
        sequence->current = (int) i;
    }
}

static const char *
sequence_step_words (const CockpitFlowPlanStep *step)
{
  if (step->waiting)
    return _("waiting at its gate");
  switch (step->status)
    {
    case COCKPIT_STAGE_STATUS_RUNNING:
      return _("upgrading");
    case COCKPIT_STAGE_STATUS_DONE:
      return _("done");
    case COCKPIT_STAGE_STATUS_FAILED:
      return _("failed");
    case COCKPIT_STAGE_STATUS_SKIPPED:
      return _("not upgraded");
    case COCKPIT_STAGE_STATUS_PENDING:
    default:
      return _("not started");
    }
}

char *
cockpit_flow_sequence_describe (const CockpitFlowSequence *sequence)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (sequence != NULL, NULL);

  for (guint i = 0; i < sequence->n_steps; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      /* Translators: one environment of an upgrade plan and where it stands: "UAT: waiting at its gate." */
      g_string_append_printf (text, _("%s: %s."), cockpit_environment_kind_get_label (sequence->steps[i].kind),
                              sequence_step_words (&sequence->steps[i]));
    }
  return g_string_free (text, FALSE);
}

char *
cockpit_flow_sequence_to_markup (const CockpitFlowSequence *sequence)
{
  GString *markup = g_string_new (NULL);

  g_return_val_if_fail (sequence != NULL, NULL);

  for (guint i = 0; i < sequence->n_steps; i++)
    {
      const CockpitFlowPlanStep *step = &sequence->steps[i];
      g_autofree char *label = g_markup_escape_text (cockpit_environment_kind_get_label (step->kind), -1);
      const char *mark = "";

      if (i > 0)
        g_string_append (markup, "  →  ");
      if (step->status == COCKPIT_STAGE_STATUS_DONE)
        mark = "✓ ";
      else if (step->status == COCKPIT_STAGE_STATUS_FAILED)
        mark = "✗ ";
      else if (step->status == COCKPIT_STAGE_STATUS_RUNNING || step->waiting)
        mark = "● ";
      if ((int) i == sequence->current && !sequence->finished)
        g_string_append_printf (markup, "<b>%s%s</b>", mark, label);
      else if (step->status == COCKPIT_STAGE_STATUS_SKIPPED)
        g_string_append_printf (markup, "<s>%s</s>", label);
      else
        g_string_append_printf (markup, "%s%s", mark, label);
    }
  return g_string_free (markup, FALSE);
}
