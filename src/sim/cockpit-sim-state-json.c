/* cockpit-sim-state-json.c: the simulator's data as the contract's JSON answers show it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cockpit-json.h"
#include "cockpit-sim-state.h"
#include "cockpit-sim-state-private.h"

void
cockpit_sim_json_add_time (JsonBuilder *builder,
                           const char  *name,
                           gint64       time)
{
  json_builder_set_member_name (builder, name);
  if (time == 0)
    json_builder_add_null_value (builder);
  else
    {
      g_autofree char *text = cockpit_sim_format_time (time);

      json_builder_add_string_value (builder, text);
    }
}

void
cockpit_sim_json_add_string (JsonBuilder *builder,
                             const char  *name,
                             const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

void
cockpit_sim_json_add_enum (JsonBuilder *builder,
                           const char  *name,
                           GType        type,
                           int          value)
{
  cockpit_sim_json_add_string (builder, name, cockpit_enum_to_string (type, value));
}

void
cockpit_sim_json_add_bool (JsonBuilder *builder,
                           const char  *name,
                           gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

/* What the answers and the state file share */

static void
add_time_as (JsonBuilder *builder,
             const char  *name,
             gint64       time,
             gboolean     as_int)
{
  if (as_int)
    _cockpit_sim_json_add_int (builder, name, time);
  else
    cockpit_sim_json_add_time (builder, name, time);
}

void
_cockpit_sim_json_add_upgrade_backup (JsonBuilder                   *builder,
                                      const CockpitSimUpgradeBackup *backup,
                                      gboolean                       times_as_int)
{
  json_builder_set_member_name (builder, "upgrade_backup");
  if (backup->from_version == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  cockpit_sim_json_add_string (builder, "from_version", backup->from_version);
  cockpit_sim_json_add_string (builder, "to_version", backup->to_version);
  add_time_as (builder, "created_at", backup->created_at, times_as_int);
  add_time_as (builder, "expires_at", backup->expires_at, times_as_int);
  add_time_as (builder, "max_expires_at", backup->max_expires_at, times_as_int);
  cockpit_sim_json_add_bool (builder, "extended", backup->extended);
  json_builder_end_object (builder);
}

void
_cockpit_sim_json_add_stage (JsonBuilder           *builder,
                             const CockpitSimStage *stage,
                             gboolean               times_as_int)
{
  json_builder_begin_object (builder);
  cockpit_sim_json_add_enum (builder, "name", COCKPIT_TYPE_STAGE_NAME, stage->name);
  cockpit_sim_json_add_enum (builder, "status", COCKPIT_TYPE_STAGE_STATUS, stage->status);
  add_time_as (builder, "started_at", stage->started_at, times_as_int);
  add_time_as (builder, "finished_at", stage->finished_at, times_as_int);
  json_builder_end_object (builder);
}

/* Upgrade plans: the names of the contract, and the Plan */

static const char *const plan_statuses[] = {
  "scheduled", "running", "waiting", "succeeded", "failed", "cancelled",
};

static const char *const step_statuses[] = {
  "pending", "running", "waiting", "done", "failed", "skipped", "cancelled",
};

const char *
_cockpit_sim_plan_status_string (CockpitSimPlanStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (plan_statuses), NULL);
  return plan_statuses[status];
}

const char *
_cockpit_sim_step_status_string (CockpitSimStepStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (step_statuses), NULL);
  return step_statuses[status];
}

gboolean
_cockpit_sim_plan_status_parse (const char           *text,
                                CockpitSimPlanStatus *status)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (plan_statuses); i++)
    if (g_str_equal (text, plan_statuses[i]))
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
_cockpit_sim_step_status_parse (const char           *text,
                                CockpitSimStepStatus *status)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (step_statuses); i++)
    if (g_str_equal (text, step_statuses[i]))
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

JsonNode *
_cockpit_sim_plan_to_json (CockpitSimPlan *plan)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  cockpit_sim_json_add_string (builder, "id", plan->id);
  cockpit_sim_json_add_string (builder, "package_id", plan->package_id);
  cockpit_sim_json_add_string (builder, "target_version", plan->target_version);
  cockpit_sim_json_add_string (builder, "gate", plan->soak ? "soak" : "approval");
  json_builder_set_member_name (builder, "soak_hours");
  if (plan->soak_hours == 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, plan->soak_hours);
  cockpit_sim_json_add_time (builder, "start_at", plan->start_at);
  cockpit_sim_json_add_bool (builder, "back_up_live_first", plan->back_up_live_first);
  cockpit_sim_json_add_string (builder, "status", _cockpit_sim_plan_status_string (plan->status));
  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plan->n_steps; i++)
    {
      CockpitSimPlanStep *step = &plan->steps[i];

      json_builder_begin_object (builder);
      cockpit_sim_json_add_enum (builder, "environment", COCKPIT_TYPE_ENVIRONMENT_KIND, step->environment);
      cockpit_sim_json_add_string (builder, "status", _cockpit_sim_step_status_string (step->status));
      json_builder_set_member_name (builder, "action_ids");
      json_builder_begin_array (builder);
      for (guint j = 0; j < step->n_actions; j++)
        json_builder_add_string_value (builder, step->action_ids[j]);
      json_builder_end_array (builder);
      cockpit_sim_json_add_time (builder, "gate_opens_at", step->gate_opens_at);
      cockpit_sim_json_add_string (builder, "approved_by", step->approved_by);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  cockpit_sim_json_add_string (builder, "created_by", plan->created_by);
  cockpit_sim_json_add_time (builder, "created_at", plan->created_at);
  cockpit_sim_json_add_time (builder, "finished_at", plan->finished_at);
  json_builder_set_member_name (builder, "error");
  if (plan->error_code == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      cockpit_sim_json_add_string (builder, "code", plan->error_code);
      cockpit_sim_json_add_string (builder, "message", plan->error_message);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static char *
describe_running (CockpitSimPackage *package)
{
  CockpitSimAction *action = package->running;
  CockpitSimEnvironment *env = cockpit_sim_package_find_environment (package, action->environment_id);
  const char *name = cockpit_sim_kind_name (env ? env->kind : COCKPIT_ENVIRONMENT_KIND_NONE);

  switch (action->kind)
    {
    case COCKPIT_ACTION_KIND_UPGRADE:
      return g_strdup_printf ("Upgrading %s to %s (stage %u of %u).", name,
                              action->target_version, action->current + 1, action->n_stages);
    case COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP:
      return g_strdup_printf ("Extending the upgrade backup of %s.", name);
    case COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP:
      return g_strdup_printf ("Deleting the upgrade backup of %s.", name);
    case COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP:
      return g_strdup_printf ("Restoring %s from its upgrade backup.", name);
    case COCKPIT_ACTION_KIND_CREATE_BACKUP:
      return g_strdup_printf ("Backing up %s.", name);
    case COCKPIT_ACTION_KIND_TEARDOWN:
      return g_strdup_printf ("Tearing down %s.", name);
    default:
      return g_strdup ("Working.");
    }
}

JsonNode *
cockpit_sim_package_to_json (CockpitSimPackage *package,
                             gint64             now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *status_text = NULL;

  if (package->maintenance_message != NULL)
    status_text = g_strdup ("In maintenance mode: view only.");
  else if (package->running != NULL)
    status_text = describe_running (package);
  else
    status_text = g_strdup ("All environments are in order.");

  json_builder_begin_object (builder);
  cockpit_sim_json_add_string (builder, "id", package->id);
  cockpit_sim_json_add_string (builder, "name", package->name);
  cockpit_sim_json_add_enum (builder, "status", COCKPIT_TYPE_PACKAGE_STATUS,
                             package->maintenance_message ? COCKPIT_PACKAGE_STATUS_MAINTENANCE
                                                          : COCKPIT_PACKAGE_STATUS_OK);
  cockpit_sim_json_add_string (builder, "status_text", status_text);
  cockpit_sim_json_add_string (builder, "maintenance_message", package->maintenance_message);
  json_builder_set_member_name (builder, "running_action");
  if (package->running == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_value (builder, cockpit_sim_action_to_json (package->running, now));
  json_builder_set_member_name (builder, "environments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < package->environments->len; i++)
    json_builder_add_value (builder,
                            cockpit_sim_environment_to_json (package,
                                                             g_ptr_array_index (package->environments, i)));
  json_builder_end_array (builder);
  /* v1.1: the plan that is scheduled, running or waiting. */
  json_builder_set_member_name (builder, "active_plan");
  if (_cockpit_sim_plans_active (package) == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_value (builder, _cockpit_sim_plan_to_json (_cockpit_sim_plans_active (package)));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
cockpit_sim_environment_to_json (CockpitSimPackage     *package,
                                 CockpitSimEnvironment *env)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *bundle = cockpit_sim_bundle_name (env->version);

  json_builder_begin_object (builder);
  cockpit_sim_json_add_string (builder, "id", env->id);
  cockpit_sim_json_add_string (builder, "package_id", package->id);
  cockpit_sim_json_add_enum (builder, "kind", COCKPIT_TYPE_ENVIRONMENT_KIND, env->kind);
  cockpit_sim_json_add_string (builder, "name", cockpit_sim_kind_name (env->kind));
  cockpit_sim_json_add_string (builder, "magnolia_version", env->version);
  cockpit_sim_json_add_string (builder, "bundle", bundle);
  cockpit_sim_json_add_enum (builder, "state", COCKPIT_TYPE_ENVIRONMENT_STATE, env->state);
  cockpit_sim_json_add_string (builder, "url", env->url);
  cockpit_sim_json_add_bool (builder, "protected", env->protected_);
  cockpit_sim_json_add_time (builder, "last_upgraded_at", env->last_upgraded_at);

  _cockpit_sim_json_add_upgrade_backup (builder, &env->upgrade_backup, FALSE);

  json_builder_set_member_name (builder, "latest_manual_backup");
  if (env->backup_id == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      cockpit_sim_json_add_string (builder, "id", env->backup_id);
      cockpit_sim_json_add_time (builder, "created_at", env->backup_created_at);
      cockpit_sim_json_add_string (builder, "magnolia_version", env->backup_version);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

double
cockpit_sim_action_get_progress (CockpitSimAction *action,
                                 gint64            now)
{
  double done;

  if (action->n_stages == 0 || action->status == COCKPIT_ACTION_STATUS_SUCCEEDED)
    return 1.0;

  done = action->current;
  if (action->status == COCKPIT_ACTION_STATUS_RUNNING && action->stage_duration > 0)
    {
      gint64 elapsed = now - action->stages[action->current].started_at;

      done += CLAMP ((double) elapsed / (double) action->stage_duration, 0.0, 1.0);
    }
  return CLAMP (done / action->n_stages, 0.0, 1.0);
}

JsonNode *
cockpit_sim_action_to_json (CockpitSimAction *action,
                            gint64            now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  cockpit_sim_json_add_string (builder, "id", action->id);
  cockpit_sim_json_add_string (builder, "package_id", action->package_id);
  cockpit_sim_json_add_string (builder, "environment_id", action->environment_id);
  cockpit_sim_json_add_enum (builder, "kind", COCKPIT_TYPE_ACTION_KIND, action->kind);

  json_builder_set_member_name (builder, "params");
  json_builder_begin_object (builder);
  if (action->kind == COCKPIT_ACTION_KIND_UPGRADE)
    {
      cockpit_sim_json_add_string (builder, "target_version", action->target_version);
      cockpit_sim_json_add_string (builder, "from_version", action->from_version);
    }
  else if (action->kind == COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP)
    cockpit_sim_json_add_time (builder, "expires_at", action->expires_at);
  else if (action->kind == COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP)
    cockpit_sim_json_add_string (builder, "from_version", action->from_version);
  json_builder_end_object (builder);

  cockpit_sim_json_add_enum (builder, "status", COCKPIT_TYPE_ACTION_STATUS, action->status);
  json_builder_set_member_name (builder, "stage");
  if (action->status == COCKPIT_ACTION_STATUS_SUCCEEDED)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder,
                                   cockpit_enum_to_string (COCKPIT_TYPE_STAGE_NAME,
                                                           action->stages[action->current].name));

  json_builder_set_member_name (builder, "stages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < action->n_stages; i++)
    _cockpit_sim_json_add_stage (builder, &action->stages[i], FALSE);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "progress");
  json_builder_add_double_value (builder, cockpit_sim_action_get_progress (action, now));
  cockpit_sim_json_add_string (builder, "requested_by", action->requested_by);
  cockpit_sim_json_add_time (builder, "created_at", action->created_at);
  cockpit_sim_json_add_time (builder, "finished_at", action->finished_at);

  json_builder_set_member_name (builder, "error");
  if (action->error_code == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      cockpit_sim_json_add_string (builder, "code", action->error_code);
      cockpit_sim_json_add_string (builder, "message", action->error_message);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
cockpit_sim_release_to_json (CockpitSimRelease *release)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *branch = cockpit_version_branch (&release->parsed);

  json_builder_begin_object (builder);
  cockpit_sim_json_add_string (builder, "version", release->version);
  cockpit_sim_json_add_string (builder, "branch", branch);
  cockpit_sim_json_add_bool (builder, "lts", release->lts);
  cockpit_sim_json_add_time (builder, "released_at", release->released_at);
  cockpit_sim_json_add_string (builder, "release_notes_url", release->release_notes_url);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
cockpit_sim_entry_to_json (CockpitSimPackage *package,
                           CockpitSimEntry   *entry)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *id = g_strdup_printf ("ent-%s-%u", package->id, entry->number);

  json_builder_begin_object (builder);
  cockpit_sim_json_add_string (builder, "id", id);
  cockpit_sim_json_add_time (builder, "at", entry->at);
  cockpit_sim_json_add_enum (builder, "type", COCKPIT_TYPE_ENTRY_TYPE, entry->type);
  cockpit_sim_json_add_string (builder, "activity", entry->activity);
  cockpit_sim_json_add_enum (builder, "affects", COCKPIT_TYPE_ENVIRONMENT_KIND, entry->affects);
  cockpit_sim_json_add_string (builder, "by", entry->by);
  cockpit_sim_json_add_time (builder, "started_at", entry->started_at);
  cockpit_sim_json_add_time (builder, "finished_at", entry->finished_at);
  cockpit_sim_json_add_string (builder, "bundle", entry->bundle);
  cockpit_sim_json_add_string (builder, "action_id", entry->action_id);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
cockpit_sim_notification_to_json (CockpitSimNotification *notification)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  cockpit_sim_json_add_string (builder, "id", notification->id);
  cockpit_sim_json_add_enum (builder, "severity", COCKPIT_TYPE_SEVERITY, notification->severity);
  cockpit_sim_json_add_string (builder, "title", notification->title);
  cockpit_sim_json_add_string (builder, "body", notification->body);
  cockpit_sim_json_add_string (builder, "package_id", notification->package_id);
  cockpit_sim_json_add_time (builder, "received_at", notification->received_at);
  cockpit_sim_json_add_bool (builder, "read", notification->read);
  cockpit_sim_json_add_bool (builder, "archived", notification->archived);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
