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

/* 9999-12-31T23:59:59Z in µs, the last second a state file may hold. */
#define MAX_TIME  (G_GINT64_CONSTANT (253402300799) * G_USEC_PER_SEC)

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

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
  add_int (builder, "gate_opens_at", step->gate_opens_at);
  cockpit_sim_json_add_string (builder, "approved_by", step->approved_by);
  add_int (builder, "due_at", step->due_at);
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
      add_int (builder, "soak_hours", plan->soak_hours);
      add_int (builder, "start_at", plan->start_at);
      cockpit_sim_json_add_bool (builder, "back_up_live_first", plan->back_up_live_first);
      cockpit_sim_json_add_string (builder, "status", _cockpit_sim_plan_status_string (plan->status));
      json_builder_set_member_name (builder, "steps");
      json_builder_begin_array (builder);
      for (guint j = 0; j < plan->n_steps; j++)
        write_step (builder, &plan->steps[j]);
      json_builder_end_array (builder);
      cockpit_sim_json_add_string (builder, "created_by", plan->created_by);
      add_int (builder, "created_at", plan->created_at);
      add_int (builder, "finished_at", plan->finished_at);
      cockpit_sim_json_add_string (builder, "error_code", plan->error_code);
      cockpit_sim_json_add_string (builder, "error_message", plan->error_message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Reading: the first problem is kept and every later read returns a
 * default, as in cockpit-sim-state-file.c. */

typedef struct {
  GError *error;
} Loader;

static void
fail (Loader     *loader,
      const char *name,
      const char *problem)
{
  if (loader->error == NULL)
    loader->error = g_error_new (COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE,
                                 "The state file is damaged: “%s” %s", name, problem);
}

static JsonNode *
member (Loader     *loader,
        JsonObject *object,
        const char *name)
{
  JsonNode *node;

  if (loader->error != NULL || object == NULL)
    return NULL;
  node = json_object_get_member (object, name);
  if (node == NULL)
    fail (loader, name, "is missing");
  return node;
}

static const char *
read_string (Loader     *loader,
             JsonObject *object,
             const char *name,
             gboolean    nullable)
{
  JsonNode *node = member (loader, object, name);

  if (node == NULL || (nullable && JSON_NODE_HOLDS_NULL (node)))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      fail (loader, name, "is not a string");
      return NULL;
    }
  return json_node_get_string (node);
}

static gint64
read_ranged (Loader     *loader,
             JsonObject *object,
             const char *name,
             gint64      min,
             gint64      max)
{
  JsonNode *node = member (loader, object, name);
  gint64 value;

  if (node == NULL)
    return 0;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      fail (loader, name, "is not an integer");
      return 0;
    }
  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      fail (loader, name, "is out of range");
      return 0;
    }
  return value;
}

static gboolean
read_bool (Loader     *loader,
           JsonObject *object,
           const char *name)
{
  JsonNode *node = member (loader, object, name);

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      fail (loader, name, "is not a boolean");
      return FALSE;
    }
  return json_node_get_boolean (node);
}

static JsonArray *
read_array (Loader     *loader,
            JsonObject *object,
            const char *name)
{
  JsonNode *node = member (loader, object, name);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (loader, name, "is not an array");
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
element (Loader     *loader,
         JsonArray  *array,
         guint       index,
         const char *name)
{
  JsonNode *node;

  if (loader->error != NULL)
    return NULL;
  node = json_array_get_element (array, index);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (loader, name, "holds something that is not an object");
      return NULL;
    }
  return json_node_get_object (node);
}

static void
read_step (Loader             *loader,
           CockpitSimState    *state,
           JsonObject         *object,
           CockpitSimPlanStep *step)
{
  const char *kind = read_string (loader, object, "environment", FALSE);
  const char *status = read_string (loader, object, "status", FALSE);
  JsonArray *ids = read_array (loader, object, "action_ids");
  int value = 0;

  if (loader->error != NULL)
    return;

  if (loader->error == NULL &&
      (!cockpit_enum_from_string (COCKPIT_TYPE_ENVIRONMENT_KIND, kind, &value) ||
       value == COCKPIT_ENVIRONMENT_KIND_NONE))
    fail (loader, "environment", "has an unknown value");
  step->environment = value;
  if (loader->error == NULL && !_cockpit_sim_step_status_parse (status, &step->status))
    fail (loader, "status", "has an unknown value");
  if (loader->error == NULL && json_array_get_length (ids) > G_N_ELEMENTS (step->action_ids))
    fail (loader, "action_ids", "has a wrong length");
  for (guint i = 0; loader->error == NULL && i < json_array_get_length (ids); i++)
    {
      JsonNode *node = json_array_get_element (ids, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          !g_hash_table_contains (state->actions, json_node_get_string (node)))
        {
          fail (loader, "action_ids", "names no action");
          break;
        }
      step->action_ids[step->n_actions++] = g_strdup (json_node_get_string (node));
    }
  step->gate_opens_at = read_ranged (loader, object, "gate_opens_at", 0, MAX_TIME);
  step->approved_by = g_strdup (read_string (loader, object, "approved_by", TRUE));
  step->due_at = read_ranged (loader, object, "due_at", 0, MAX_TIME);
  step->due_by = g_strdup (read_string (loader, object, "due_by", TRUE));
}

static CockpitSimPlan *
read_plan (Loader            *loader,
           CockpitSimState   *state,
           CockpitSimPackage *package,
           JsonObject        *object)
{
  g_autoptr(CockpitSimPlan) plan = g_new0 (CockpitSimPlan, 1);
  JsonArray *steps;
  const char *status;

  plan->id = g_strdup (read_string (loader, object, "id", FALSE));
  plan->package_id = g_strdup (package->id);
  plan->target_version = g_strdup (read_string (loader, object, "target_version", FALSE));
  plan->soak = read_bool (loader, object, "soak");
  plan->soak_hours = read_ranged (loader, object, "soak_hours", 0, 168);
  plan->start_at = read_ranged (loader, object, "start_at", 0, MAX_TIME);
  plan->back_up_live_first = read_bool (loader, object, "back_up_live_first");
  status = read_string (loader, object, "status", FALSE);
  if (loader->error == NULL && !_cockpit_sim_plan_status_parse (status, &plan->status))
    fail (loader, "status", "has an unknown value");
  steps = read_array (loader, object, "steps");
  if (loader->error == NULL &&
      (json_array_get_length (steps) < 1 || json_array_get_length (steps) > COCKPIT_SIM_PLAN_MAX_STEPS))
    fail (loader, "steps", "has a wrong length");
  for (guint i = 0; loader->error == NULL && i < json_array_get_length (steps); i++)
    {
      read_step (loader, state, element (loader, steps, i, "steps"), &plan->steps[i]);
      plan->n_steps = i + 1;
    }
  plan->created_by = g_strdup (read_string (loader, object, "created_by", FALSE));
  plan->created_at = read_ranged (loader, object, "created_at", 0, MAX_TIME);
  plan->finished_at = read_ranged (loader, object, "finished_at", 0, MAX_TIME);
  plan->error_code = g_strdup (read_string (loader, object, "error_code", TRUE));
  plan->error_message = g_strdup (read_string (loader, object, "error_message", TRUE));

  if (loader->error == NULL && !cockpit_version_is_valid (plan->target_version))
    fail (loader, "target_version", "is not a version");
  if (loader->error == NULL && (plan->soak != (plan->soak_hours != 0)))
    fail (loader, "soak_hours", "does not match the gate");
  if (loader->error == NULL && _cockpit_sim_plans_find (state, plan->id, NULL) != NULL)
    fail (loader, "id", "is not unique");
  if (loader->error == NULL && _cockpit_sim_plan_is_active (plan) && _cockpit_sim_plans_active (package) != NULL)
    fail (loader, "status", "is active beside another active plan of the package");
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
  Loader loader = { NULL };
  JsonArray *plans;

  if (!json_object_has_member (object, "plans"))
    return TRUE;

  plans = read_array (&loader, object, "plans");
  for (guint i = 0; loader.error == NULL && i < json_array_get_length (plans); i++)
    {
      CockpitSimPlan *plan = read_plan (&loader, state, package, element (&loader, plans, i, "plans"));

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
