/* cockpit-flow-state.h: what the upgrade flow diagram shows, worked out from a plan or an action.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure data: which stage is where, done, running or failed, which
 * installation the visitors reach, and the versions on either side.  The
 * diagram (src/ui/cockpit-flow-diagram.c) lays it out and draws it; this
 * unit needs no display and is tested on its own (tests/test-flow-state.c).
 */
#pragma once

#include <glib.h>

#include "cockpit-types.h"

G_BEGIN_DECLS

#define COCKPIT_FLOW_MAX_STEPS 5

typedef enum {
  COCKPIT_FLOW_MODE_PLAN,
  COCKPIT_FLOW_MODE_RUNNING,
  COCKPIT_FLOW_MODE_SUCCEEDED,
  COCKPIT_FLOW_MODE_FAILED,
} CockpitFlowMode;

typedef struct {
  CockpitStageName    name;
  CockpitStageStatus  status;
  const char         *label;
} CockpitFlowStep;

/* The texts belong to the action, the environment, the caller's
 * @plan_to_version and gettext: the state lives no longer than they. */
typedef struct {
  CockpitFlowMode         mode;
  gboolean                upgrade;
  CockpitEnvironmentKind  kind;
  const char             *from_version;
  const char             *to_version;
  const char             *from_text;      /* what the installations show */
  const char             *to_text;        /* NULL: nothing */
  guint                   n_steps;
  CockpitFlowStep         steps[COCKPIT_FLOW_MAX_STEPS];
  int                     current;        /* running or failed step, or -1 */
  double                  progress;       /* of the whole action, as drawn */
  const char             *error_message;
} CockpitFlowState;

/* Fills @state from the plan of an upgrade of @environment (NULL: of no
 * environment in particular) of @kind to @plan_to_version, or from
 * @action when it is not NULL.  @progress is the progress to draw (the
 * diagram eases it); a succeeded action is drawn at 1. */
void                cockpit_flow_state_init              (CockpitFlowState       *state,
                                                          CockpitAction          *action,
                                                          CockpitEnvironment     *environment,
                                                          CockpitEnvironmentKind  kind,
                                                          const char             *plan_to_version,
                                                          double                  progress);
CockpitStageStatus  cockpit_flow_state_get_status        (const CockpitFlowState *state,
                                                          CockpitStageName        name);
/* Whether the visitors reach the replica: the traffic was switched. */
gboolean            cockpit_flow_state_traffic_on_green  (const CockpitFlowState *state);
/* How far the step at @index got, from the progress of the whole action. */
double              cockpit_flow_state_step_progress     (const CockpitFlowState *state,
                                                          guint                   index);
/* The accessible description: the stage, the versions, the progress. */
char               *cockpit_flow_state_describe          (const CockpitFlowState *state);
/* The error shown below a failed flow (never NULL), and the note that
 * the visitors were not moved (NULL when there is none to give). */
const char         *cockpit_flow_state_get_failure       (const CockpitFlowState *state);
char               *cockpit_flow_state_get_failure_note  (const CockpitFlowState *state);
/* A key that changes when the drawing's height may: the texts and the
 * stages' statuses, not the progress. */
char               *cockpit_flow_state_get_layout_key    (const CockpitFlowState *state);

/* An upgrade plan on the diagram: its environments in sequence, each
 * pending, running (or waiting at its gate), done, failed or skipped;
 * the current one's stages are those of the state above. */
typedef struct {
  CockpitEnvironmentKind  kind;
  CockpitStageStatus      status;
  gboolean                waiting;        /* at its gate */
} CockpitFlowPlanStep;

typedef struct {
  guint                   n_steps;
  CockpitFlowPlanStep     steps[3];
  int                     current;        /* the step the plan is at, or -1 */
  gboolean                finished;
} CockpitFlowSequence;

/* Fills @sequence from @plan (NULL: no plan, no steps). */
void                cockpit_flow_sequence_init           (CockpitFlowSequence    *sequence,
                                                          CockpitPlan            *plan);
/* "Integration: done. UAT: waiting. Live: not started.", for screen readers. */
char               *cockpit_flow_sequence_describe       (const CockpitFlowSequence *sequence);
/* The sequence as Pango markup: "✓ Integration → <b>UAT</b> → Live". */
char               *cockpit_flow_sequence_to_markup      (const CockpitFlowSequence *sequence);

G_END_DECLS
