/* cockpit-sim-plans.c: upgrade plans (v1.1): the rules of create, approve and cancel.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan starts no action by itself when it is asked for: it makes its
 * first step due (now, or at its start_at) and the events of
 * cockpit-sim-plans-events.c start the actions, on the simulated clock.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cockpit-json.h"
#include "cockpit-rules.h"
#include "cockpit-sim-engine.h"
#include "cockpit-sim-plans-private.h"
#include "cockpit-sim-state-private.h"

#define MAX_START_AHEAD  (30 * COCKPIT_SIM_DAY)
#define MAX_SOAK_HOURS   168

/* Creating a plan */

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* The request, read and checked: everything that is a 400. */
typedef struct {
  const char             *target_version;
  CockpitEnvironmentKind  kinds[COCKPIT_SIM_PLAN_MAX_STEPS];
  guint                   n_kinds;
  gboolean                soak;
  guint                   soak_hours;
  gint64                  start_at;
  gboolean                back_up_live_first;
} PlanRequest;

static gboolean
read_environments (JsonNode     *member,
                   PlanRequest  *request,
                   GError      **error)
{
  JsonArray *array;
  guint length;

  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member) ||
      (length = json_array_get_length (array = json_node_get_array (member))) < 1 ||
      length > COCKPIT_SIM_PLAN_MAX_STEPS)
    return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
                      "“environments” must list one to three environment kinds, such as "
                      "[\"integration\", \"uat\", \"live\"].");

  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      int kind = COCKPIT_ENVIRONMENT_KIND_NONE;

      if (!is_string (element) ||
          !cockpit_enum_from_string (COCKPIT_TYPE_ENVIRONMENT_KIND, json_node_get_string (element), &kind) ||
          cockpit_environment_kind_get_order (kind) < 0)
        return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
                          "“environments” may only hold “integration”, “uat” and “live”.");
      if (i > 0 && cockpit_environment_kind_get_order (kind) <= cockpit_environment_kind_get_order (request->kinds[i - 1]))
        return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
                          "“environments” must list each environment once, in the order "
                          "integration, uat, live.");
      request->kinds[i] = kind;
    }
  request->n_kinds = length;
  return TRUE;
}

static gboolean
read_request (JsonObject   *object,
              gint64        now,
              PlanRequest  *request,
              GError      **error)
{
  JsonNode *member;
  const char *gate;

  member = json_object_get_member (object, "target_version");
  if (!is_string (member) || !cockpit_version_is_valid (json_node_get_string (member)))
    return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
                      "“target_version” must be a version string such as “6.3.21”.");
  request->target_version = json_node_get_string (member);

  if (!read_environments (json_object_get_member (object, "environments"), request, error))
    return FALSE;

  member = json_object_get_member (object, "gate");
  gate = is_string (member) ? json_node_get_string (member) : NULL;
  if (g_strcmp0 (gate, "approval") != 0 && g_strcmp0 (gate, "soak") != 0)
    return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
                      "“gate” must be “approval” or “soak”.");
  request->soak = g_str_equal (gate, "soak");

  member = json_object_get_member (object, "soak_hours");
  if (request->soak)
    {
      double hours = 0;

      if (member != NULL && JSON_NODE_HOLDS_VALUE (member) &&
          (json_node_get_value_type (member) == G_TYPE_INT64 ||
           json_node_get_value_type (member) == G_TYPE_DOUBLE))
        hours = json_node_get_double (member);
      /* A whole number, though JSON may write it as 24.0. */
      if (hours != floor (hours) || hours < 1 || hours > MAX_SOAK_HOURS)
        return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
                          "With “gate”: “soak”, “soak_hours” must be a whole number of hours "
                          "from 1 to %d.", MAX_SOAK_HOURS);
      request->soak_hours = (guint) hours;
    }
  else if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
                      "“soak_hours” is only for “gate”: “soak”; leave it out with an approval gate.");

  member = json_object_get_member (object, "start_at");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      g_autoptr(GDateTime) time = NULL;
      gint64 start;

      if (is_string (member))
        time = cockpit_date_time_parse (json_node_get_string (member));
      if (time == NULL)
        return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
                          "“start_at” must be a time in RFC 3339 format with its time zone, "
                          "such as “2026-11-29T06:00:00Z”.");
      /* Whole seconds, as the answers show times. */
      start = g_date_time_to_unix (time) * G_USEC_PER_SEC;
      if (start < now)
        return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
                          "“start_at” is in the past; choose a time from now on, or null to start now.");
      if (start > now + MAX_START_AHEAD)
        return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
                          "“start_at” is more than 30 days ahead; a plan can start at most 30 days from now.");
      request->start_at = start;
    }

  member = json_object_get_member (object, "back_up_live_first");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_BOOLEAN)
        return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
                          "“back_up_live_first” must be true or false.");
      request->back_up_live_first = json_node_get_boolean (member);
    }
  return TRUE;
}

/* The rejections after the 400s, in the contract's order. */
static gboolean
check_package (CockpitSimState    *state,
               CockpitSimPackage  *package,
               PlanRequest        *request,
               GError            **error)
{
  CockpitSimRelease *release = cockpit_sim_state_find_release (state, request->target_version);
  CockpitSimPlan *active = _cockpit_sim_plans_active (package);

  if (package->maintenance_message != NULL)
    return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_MAINTENANCE,
                      "“%s” is in maintenance mode and can only be viewed until the maintenance ends: %s",
                      package->name, package->maintenance_message);
  if (active != NULL)
    return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_PLAN_EXISTS,
                      "“%s” already has an upgrade plan to %s (%s). Cancel it, or wait until it "
                      "has finished, before you plan another.", package->name,
                      active->target_version, _cockpit_sim_plan_status_string (active->status));

  for (guint i = 0; i < request->n_kinds; i++)
    {
      CockpitSimEnvironment *env = cockpit_sim_package_find_kind (package, request->kinds[i]);

      if (env != NULL && env->protected_)
        return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_ENVIRONMENT_PROTECTED,
                          "The %s environment is protected, so it cannot be upgraded. "
                          "Ask the Cloud Helpdesk to lift the protection first.",
                          cockpit_sim_kind_name (env->kind));
    }
  for (guint i = 0; i < request->n_kinds; i++)
    {
      CockpitSimEnvironment *env = cockpit_sim_package_find_kind (package, request->kinds[i]);

      if (env != NULL && env->kind == COCKPIT_ENVIRONMENT_KIND_LIVE &&
          env->upgrade_backup.from_version != NULL)
        {
          g_autofree char *expires = cockpit_sim_format_time (env->upgrade_backup.expires_at);

          return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_UPGRADE_BACKUP_EXISTS,
                            "The Live environment still has the upgrade backup of its last upgrade "
                            "(%s, kept until %s), so it cannot be upgraded again. Delete or restore "
                            "the backup first.", env->upgrade_backup.from_version, expires);
        }
    }
  for (guint i = 0; i < request->n_kinds; i++)
    {
      CockpitSimEnvironment *env = cockpit_sim_package_find_kind (package, request->kinds[i]);
      const char *name = cockpit_sim_kind_name (request->kinds[i]);

      if (env == NULL || env->version == NULL)
        return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_VERSION_NOT_AVAILABLE,
                          "The %s environment is not set up, so no version is available for it.", name);
      if (!cockpit_sim_engine_is_available (state, env, release))
        return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_VERSION_NOT_AVAILABLE,
                          "Magnolia %s is not available for the %s environment, which runs %s. "
                          "Choose one of the versions listed as available.",
                          request->target_version, name, env->version);
    }
  return TRUE;
}

/* "INTEGRATION, UAT and LIVE" */
static char *
list_kinds (CockpitSimPlan *plan)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < plan->n_steps; i++)
    {
      if (i > 0)
        g_string_append (text, i + 1 == plan->n_steps ? " and " : ", ");
      g_string_append (text, cockpit_sim_kind_upper (plan->steps[i].environment));
    }
  return g_string_free (text, FALSE);
}

static void
write_creation_entry (CockpitSimPackage *package,
                      CockpitSimPlan    *plan)
{
  g_autofree char *kinds = list_kinds (plan);
  g_autofree char *gate = NULL;
  g_autofree char *start = NULL;
  g_autofree char *start_at = cockpit_sim_format_time (plan->start_at);
  gboolean live = plan->steps[plan->n_steps - 1].environment == COCKPIT_ENVIRONMENT_KIND_LIVE;

  if (plan->n_steps == 1)
    gate = g_strdup ("");
  else if (plan->soak)
    gate = g_strdup_printf (", each environment %u %s after the one before", plan->soak_hours,
                            plan->soak_hours == 1 ? "hour" : "hours");
  else
    gate = g_strdup (", each environment after an approval");
  start = plan->start_at != 0 ? g_strdup_printf (", starting at %s", start_at)
                              : g_strdup (", starting now");

  _cockpit_sim_plans_add_entry (package, COCKPIT_ENTRY_TYPE_INFO, COCKPIT_ENVIRONMENT_KIND_NONE,
                                plan->created_at, plan->created_by, NULL,
                                "An upgrade plan to %s has been created for %s%s%s.%s",
                                plan->target_version, kinds, gate, start,
                                live && plan->back_up_live_first ? " LIVE is backed up first." : "");
}

CockpitSimPlan *
_cockpit_sim_plans_create (CockpitSimState    *state,
                           CockpitSimPackage  *package,
                           GBytes             *body,
                           gint64              now,
                           const char         *by,
                           GError            **error)
{
  g_autoptr(JsonNode) root = NULL;
  PlanRequest request = { NULL, };
  CockpitSimPlan *plan;

  root = cockpit_sim_engine_parse_body (body, TRUE, error);
  if (root == NULL)
    return NULL;
  if (!read_request (json_node_get_object (root), now, &request, error) ||
      !check_package (state, package, &request, error))
    return NULL;

  plan = g_new0 (CockpitSimPlan, 1);
  plan->id = g_strdup_printf ("plan-%06u", state->next_plan++);
  plan->package_id = g_strdup (package->id);
  plan->target_version = g_strdup (request.target_version);
  plan->soak = request.soak;
  plan->soak_hours = request.soak_hours;
  plan->start_at = request.start_at;
  plan->back_up_live_first = request.back_up_live_first;
  plan->status = COCKPIT_SIM_PLAN_SCHEDULED;
  plan->n_steps = request.n_kinds;
  for (guint i = 0; i < request.n_kinds; i++)
    {
      plan->steps[i].environment = request.kinds[i];
      plan->steps[i].status = COCKPIT_SIM_STEP_PENDING;
    }
  plan->created_by = g_strdup (by);
  plan->created_at = now;
  g_ptr_array_add (package->plans, plan);

  write_creation_entry (package, plan);
  if (plan->start_at == 0)
    _cockpit_sim_plans_start (state, package, plan, now, by);
  return plan;
}

/* Approve and cancel */

gboolean
_cockpit_sim_plans_approve (CockpitSimState    *state,
                            CockpitSimPackage  *package,
                            CockpitSimPlan     *plan,
                            gint64              now,
                            const char         *by,
                            GError            **error)
{
  CockpitSimPlanStep *step = NULL;

  for (guint i = 0; plan->status == COCKPIT_SIM_PLAN_WAITING && !plan->soak && i < plan->n_steps; i++)
    if (plan->steps[i].status == COCKPIT_SIM_STEP_WAITING)
      step = &plan->steps[i];

  if (step == NULL)
    return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_NOT_WAITING,
                      "The upgrade plan to %s has no environment waiting for an approval (it is %s).",
                      plan->target_version, _cockpit_sim_plan_status_string (plan->status));

  g_free (step->approved_by);
  step->approved_by = g_strdup (by);
  _cockpit_sim_plans_add_entry (package, COCKPIT_ENTRY_TYPE_INFO, step->environment, now, by, NULL,
                                "The upgrade of the %s environment to %s has been approved.",
                                cockpit_sim_kind_upper (step->environment), plan->target_version);
  step->status = COCKPIT_SIM_STEP_PENDING;
  step->due_at = now;
  g_free (step->due_by);
  step->due_by = g_strdup (by);
  plan->status = COCKPIT_SIM_PLAN_RUNNING;
  _cockpit_sim_plans_run_due (state, package, now);
  return TRUE;
}

gboolean
_cockpit_sim_plans_cancel (CockpitSimPackage  *package,
                           CockpitSimPlan     *plan,
                           gint64              now,
                           const char         *by,
                           GError            **error)
{
  if (!_cockpit_sim_plan_is_active (plan))
    {
      g_autofree char *finished = cockpit_sim_format_time (plan->finished_at);

      return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_PLAN_FINISHED,
                        "The upgrade plan to %s has already finished (%s at %s).",
                        plan->target_version, _cockpit_sim_plan_status_string (plan->status), finished);
    }

  /* A running action is not interrupted: its step stays running and ends
   * with it.  A step between its backup and its upgrade has no action
   * running, so it is cancelled too: its upgrade never starts. */
  for (guint i = 0; i < plan->n_steps; i++)
    {
      CockpitSimPlanStep *step = &plan->steps[i];
      gboolean idle = step->status == COCKPIT_SIM_STEP_RUNNING && step->due_at != 0;

      if (step->status == COCKPIT_SIM_STEP_PENDING || step->status == COCKPIT_SIM_STEP_WAITING || idle)
        step->status = COCKPIT_SIM_STEP_CANCELLED;
      step->due_at = 0;
    }
  plan->status = COCKPIT_SIM_PLAN_CANCELLED;
  plan->finished_at = now;
  _cockpit_sim_plans_add_entry (package, COCKPIT_ENTRY_TYPE_INFO, COCKPIT_ENVIRONMENT_KIND_NONE, now, by,
                                NULL, "The upgrade plan to %s has been cancelled.", plan->target_version);
  return TRUE;
}
