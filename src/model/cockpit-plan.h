/* cockpit-plan.h: an upgrade plan: several environments of a package, one after the other, with gates.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cockpit runs a plan (contract v1.1, docs/cockpit-api.md "Upgrade
 * plans"); the app reads it, asks for one with a CockpitPlanRequest, and
 * approves or cancels it.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cockpit-types.h"

G_BEGIN_DECLS

/* The longest soak gate and the farthest start of a plan, as the contract says. */
#define COCKPIT_PLAN_SOAK_HOURS_MIN   1
#define COCKPIT_PLAN_SOAK_HOURS_MAX   168
#define COCKPIT_PLAN_START_MAX_AHEAD  (30 * G_TIME_SPAN_DAY)

#define COCKPIT_TYPE_PLAN (cockpit_plan_get_type ())

G_DECLARE_FINAL_TYPE (CockpitPlan, cockpit_plan, COCKPIT, PLAN, GObject)

CockpitPlan         *cockpit_plan_new                     (void);
const char          *cockpit_plan_get_id                  (CockpitPlan        *self);
void                 cockpit_plan_set_id                  (CockpitPlan        *self,
                                                           const char         *id);
const char          *cockpit_plan_get_package_id          (CockpitPlan        *self);
void                 cockpit_plan_set_package_id          (CockpitPlan        *self,
                                                           const char         *package_id);
const char          *cockpit_plan_get_target_version      (CockpitPlan        *self);
void                 cockpit_plan_set_target_version      (CockpitPlan        *self,
                                                           const char         *target_version);
CockpitPlanGate      cockpit_plan_get_gate                (CockpitPlan        *self);
void                 cockpit_plan_set_gate                (CockpitPlan        *self,
                                                           CockpitPlanGate     gate);
/* 0 when the gate is not a soak gate (JSON null). */
guint                cockpit_plan_get_soak_hours          (CockpitPlan        *self);
void                 cockpit_plan_set_soak_hours          (CockpitPlan        *self,
                                                           guint               soak_hours);
/* NULL: the plan started when it was created. */
GDateTime           *cockpit_plan_get_start_at            (CockpitPlan        *self);
void                 cockpit_plan_set_start_at            (CockpitPlan        *self,
                                                           GDateTime          *start_at);
gboolean             cockpit_plan_get_back_up_live_first  (CockpitPlan        *self);
void                 cockpit_plan_set_back_up_live_first  (CockpitPlan        *self,
                                                           gboolean            back_up_live_first);
CockpitPlanStatus    cockpit_plan_get_status              (CockpitPlan        *self);
void                 cockpit_plan_set_status              (CockpitPlan        *self,
                                                           CockpitPlanStatus   status);
/* Always a list of CockpitPlanStep in the plan's order, empty rather than NULL. */
GListModel          *cockpit_plan_get_steps               (CockpitPlan        *self);
void                 cockpit_plan_set_steps               (CockpitPlan        *self,
                                                           GListModel         *steps);
const char          *cockpit_plan_get_created_by          (CockpitPlan        *self);
void                 cockpit_plan_set_created_by          (CockpitPlan        *self,
                                                           const char         *created_by);
GDateTime           *cockpit_plan_get_created_at          (CockpitPlan        *self);
void                 cockpit_plan_set_created_at          (CockpitPlan        *self,
                                                           GDateTime          *created_at);
GDateTime           *cockpit_plan_get_finished_at         (CockpitPlan        *self);
void                 cockpit_plan_set_finished_at         (CockpitPlan        *self,
                                                           GDateTime          *finished_at);
/* Why the plan failed: the failed action's error, or the rule a due step broke. */
CockpitActionError  *cockpit_plan_get_error               (CockpitPlan        *self);
void                 cockpit_plan_set_error               (CockpitPlan        *self,
                                                           CockpitActionError *plan_error);

/* Scheduled, running or waiting: the package's active plan. */
gboolean             cockpit_plan_is_active               (CockpitPlan        *self);
/* Transfer none; NULL when the plan has no step for that environment. */
CockpitPlanStep     *cockpit_plan_get_step                (CockpitPlan        *self,
                                                           CockpitEnvironmentKind kind);
/* The step the plan is at: the running or waiting one, else the first
 * pending one, else (a finished plan) the failed one or the last one.
 * Transfer none; NULL for a plan without steps. */
CockpitPlanStep     *cockpit_plan_get_current_step        (CockpitPlan        *self);
/* The step waiting for the user's approval, or NULL: only with an
 * approval gate, while the plan waits. */
CockpitPlanStep     *cockpit_plan_get_step_awaiting_approval (CockpitPlan     *self);
/* The list of environment kinds, in the plan's order. */
guint                cockpit_plan_get_environments        (CockpitPlan        *self,
                                                           CockpitEnvironmentKind kinds[3]);

/* What the app asks for: the body of POST /packages/{p}/plans. */
typedef struct {
  char                   *target_version;
  CockpitEnvironmentKind  environments[3];
  guint                   n_environments;
  CockpitPlanGate         gate;
  guint                   soak_hours;        /* only for COCKPIT_PLAN_GATE_SOAK */
  GDateTime              *start_at;          /* NULL: now */
  gboolean                back_up_live_first;
} CockpitPlanRequest;

void                 cockpit_plan_request_clear           (CockpitPlanRequest *request);
/* The request as the contract's JSON object. */
JsonNode            *cockpit_plan_request_to_json         (const CockpitPlanRequest *request);
/* The contract's form rules (the 400 ones): environments one to three
 * kinds, no repeats, in the order Integration, UAT, Live; soak hours 1 to
 * 168 only with a soak gate; a start not before @now and at most 30 days
 * ahead.  FALSE with a sentence for people in @message. */
gboolean             cockpit_plan_request_check           (const CockpitPlanRequest *request,
                                                           GDateTime          *now,
                                                           char              **message);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CockpitPlanRequest, cockpit_plan_request_clear)

G_END_DECLS
