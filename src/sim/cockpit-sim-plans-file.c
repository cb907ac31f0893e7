/* cockpit-sim-plans-file.c: upgrade plans in the simulator's state file, written and read back checked.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each package of the state file has a "plans" array since v1.1; a state
 * file without it (written before) has no plans.  Times are integers in
 * microseconds, as in the rest of the file, so nothing is lost to rounding.
 */
#include "config.h"

#include <string.h>

#include "cockpit-json.h"
#include "cockpit-sim-plans-private.h"
#include "cockpit-sim-state-private.h"

static void
write_step (JsonBuilder        *builder,
            CockpitSimPlanStep *step)
{
  json_builder_begin_object (builder);
  cockpit_sim_json_add_enum (builder, "environment", COCKPIT_TYPE_ENVIRONMENT_KIND, step->environment);
  cockpit_sim_json_add_string (builder, "status", _cockpit_sim_step_status_string (step->status));
  json_builder_set_member_name (builder, "action_ids");
  json_builder_begin_array (builder);
  for (guint i = 0; i < step->n_actions; i++)
    json_builder_add_string_value (builder, step->action_ids[i]);
  json_builder_end_array (builder);
  _cockpit_sim_json_add_int (builder, "gate_opens_at", step->gate_opens_at);
  cockpit_sim_json_add_string (builder, "approved_by", step->approved_by);
  _cockpit_sim_json_add_int (builder, "due_at", step->due_at);
  cockpit_sim_json_add_string (builder, "due_by", step->due_by);
  json_builder_end_object (builder);
}

void
_cockpit_sim_plans_write (JsonBuilder       *builder,
                          CockpitSimPackage *package)
{
  json_builder_set_member_name (builder, "plans");
  json_builder_begin_array (builder);
  for (guint i = 0; i < package->plans->len; i++)
    {
      CockpitSimPlan *plan = g_ptr_array_index (package->plans, i);

      json_builder_begin_object (builder);
      cockpit_sim_json_add_string (builder, "id", plan->id);
      cockpit_sim_json_add_string (builder, "target_version", plan->target_version);
      cockpit_sim_json_add_bool (builder, "soak", plan->soak);
      _cockpit_sim_json_add_int (builder, "soak_hours", plan->soak_hours);
      _cockpit_sim_json_add_int (builder, "start_at", plan->start_at);
      cockpit_sim_json_add_bool (builder, "back_up_live_first", plan->back_up_live_first);
      cockpit_sim_json_add_string (builder, "status", _cockpit_sim_plan_status_string (plan->status));
      json_builder_set_member_name (builder, "steps");
      json_builder_begin_array (builder);
      for (guint j = 0; j < plan->n_steps; j++)
        write_step (builder, &plan->steps[j]);
      json_builder_end_array (builder);
      cockpit_sim_json_add_string (builder, "created_by", plan->created_by);
      _cockpit_sim_json_add_int (builder, "created_at", plan->created_at);
      _cockpit_sim_json_add_int (builder, "finished_at", plan->finished_at);
      cockpit_sim_json_add_string (builder, "error_code", plan->error_code);
      cockpit_sim_json_add_string (builder, "error_message", plan->error_message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Reading, with the checked readers of cockpit-sim-state-loader.c. */

static void
read_step (CockpitSimLoader             *loader,
           CockpitSimState    *state,
           JsonObject         *object,
           CockpitSimPlanStep *step)
{
  const char *kind = _cockpit_sim_loader_string (loader, object, "environment", FALSE);
  const char *status = _cockpit_sim_loader_string (loader, object, "status", FALSE);
  JsonArray *ids = _cockpit_sim_loader_array (loader, object, "action_ids");
  int value = 0;

  if (loader->error != NULL)
    return;

  if (loader->error == NULL &&
      (!cockpit_enum_from_string (COCKPIT_TYPE_ENVIRONMENT_KIND, kind, &value) ||
       value == COCKPIT_ENVIRONMENT_KIND_NONE))
    _cockpit_sim_loader_fail (loader, "environment", "has an unknown value");
  step->environment = value;
  if (loader->error == NULL && !_cockpit_sim_step_status_parse (status, &step->status))
    _cockpit_sim_loader_fail (loader, "status", "has an unknown value");
  if (loader->error == NULL && json_array_get_length (ids) > G_N_ELEMENTS (step->action_ids))
    _cockpit_sim_loader_fail (loader, "action_ids", "has a wrong length");
  for (guint i = 0; loader->error == NULL && i < json_array_get_length (ids); i++)
    {
      JsonNode *node = json_array_get_element (ids, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          !g_hash_table_contains (state->actions, json_node_get_string (node)))
        {
          _cockpit_sim_loader_fail (loader, "action_ids", "names no action");
          break;
        }
      step->action_ids[step->n_actions++] = g_strdup (json_node_get_string (node));
    }
  step->gate_opens_at = _cockpit_sim_loader_ranged (loader, object, "gate_opens_at", 0, COCKPIT_SIM_MAX_TIME);
  step->approved_by = g_strdup (_cockpit_sim_loader_string (loader, object, "approved_by", TRUE));
  step->due_at = _cockpit_sim_loader_ranged (loader, object, "due_at", 0, COCKPIT_SIM_MAX_TIME);
  step->due_by = g_strdup (_cockpit_sim_loader_string (loader, object, "due_by", TRUE));
}

static CockpitSimPlan *
read_plan (CockpitSimLoader            *loader,
           CockpitSimState   *state,
           CockpitSimPackage *package,
           JsonObject        *object)
{
  g_autoptr(CockpitSimPlan) plan = g_new0 (CockpitSimPlan, 1);
  JsonArray *steps;
  const char *status;

  plan->id = g_strdup (_cockpit_sim_loader_string (loader, object, "id", FALSE));
  plan->package_id = g_strdup (package->id);
  plan->target_version = g_strdup (_cockpit_sim_loader_string (loader, object, "target_version", FALSE));
  plan->soak = _cockpit_sim_loader_bool (loader, object, "soak");
  plan->soak_hours = _cockpit_sim_loader_ranged (loader, object, "soak_hours", 0, 168);
  plan->start_at = _cockpit_sim_loader_ranged (loader, object, "start_at", 0, COCKPIT_SIM_MAX_TIME);
  plan->back_up_live_first = _cockpit_sim_loader_bool (loader, object, "back_up_live_first");
  status = _cockpit_sim_loader_string (loader, object, "status", FALSE);
  if (loader->error == NULL && !_cockpit_sim_plan_status_parse (status, &plan->status))
    _cockpit_sim_loader_fail (loader, "status", "has an unknown value");
  steps = _cockpit_sim_loader_array (loader, object, "steps");
  if (loader->error == NULL &&
      (json_array_get_length (steps) < 1 || json_array_get_length (steps) > COCKPIT_SIM_PLAN_MAX_STEPS))
    _cockpit_sim_loader_fail (loader, "steps", "has a wrong length");
  for (guint i = 0; loader->error == NULL && i < json_array_get_length (steps); i++)
    {
      read_step (loader, state, _cockpit_sim_loader_element (loader, steps, i, "steps"), &plan->steps[i]);
      plan->n_steps = i + 1;
    }
  plan->created_by = g_strdup (_cockpit_sim_loader_string (loader, object, "created_by", FALSE));
  plan->created_at = _cockpit_sim_loader_ranged (loader, object, "created_at", 0, COCKPIT_SIM_MAX_TIME);
  plan->finished_at = _cockpit_sim_loader_ranged (loader, object, "finished_at", 0, COCKPIT_SIM_MAX_TIME);
  plan->error_code = g_strdup (_cockpit_sim_loader_string (loader, object, "error_code", TRUE));
  plan->error_message = g_strdup (_cockpit_sim_loader_string (loader, object, "error_message", TRUE));

  if (loader->error == NULL && !cockpit_version_is_valid (plan->target_version))
    _cockpit_sim_loader_fail (loader, "target_version", "is not a version");
  if (loader->error == NULL && (plan->soak != (plan->soak_hours != 0)))
    _cockpit_sim_loader_fail (loader, "soak_hours", "does not match the gate");
  if (loader->error == NULL && _cockpit_sim_plans_find (state, plan->id, NULL) != NULL)
    _cockpit_sim_loader_fail (loader, "id", "is not unique");
  if (loader->error == NULL && _cockpit_sim_plan_is_active (plan) && _cockpit_sim_plans_active (package) != NULL)
    _cockpit_sim_loader_fail (loader, "status", "is active beside another active plan of the package");
  if (loader->error != NULL)
    return NULL;
  return g_steal_pointer (&plan);
}

gboolean
_cockpit_sim_plans_read (JsonObject         *object,
                         CockpitSimState    *state,
                         CockpitSimPackage  *package,
                         GError            **error)
{
  CockpitSimLoader loader = { NULL };
  JsonArray *plans;

  if (!json_object_has_member (object, "plans"))
    return TRUE;

  plans = _cockpit_sim_loader_array (&loader, object, "plans");
  for (guint i = 0; loader.error == NULL && i < json_array_get_length (plans); i++)
    {
      CockpitSimPlan *plan = read_plan (&loader, state, package, _cockpit_sim_loader_element (&loader, plans, i, "plans"));

      if (plan != NULL)
        g_ptr_array_add (package->plans, plan);
    }
  if (loader.error != NULL)
    {
      g_propagate_error (error, loader.error);
      return FALSE;
    }
  return TRUE;
}
