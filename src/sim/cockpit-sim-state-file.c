/* cockpit-sim-state-file.c: the simulator's state file, written and read back range-checked.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cockpit-json.h"
#include "cockpit-sim-plans-private.h"
#include "cockpit-sim-state.h"
#include "cockpit-sim-state-private.h"

#define STATE_FORMAT "upgrade-cockpit-simulator-state"
#define STATE_FORMAT_VERSION 1

/* The state file.  Times are integers (microseconds), so that nothing is
 * lost to rounding; enums are the contract's strings. */

static void
write_environment (JsonBuilder           *builder,
                   CockpitSimEnvironment *env)
{
  json_builder_begin_object (builder);
  cockpit_sim_json_add_string (builder, "id", env->id);
  cockpit_sim_json_add_enum (builder, "kind", COCKPIT_TYPE_ENVIRONMENT_KIND, env->kind);
  cockpit_sim_json_add_enum (builder, "state", COCKPIT_TYPE_ENVIRONMENT_STATE, env->state);
  cockpit_sim_json_add_string (builder, "version", env->version);
  cockpit_sim_json_add_string (builder, "url", env->url);
  cockpit_sim_json_add_bool (builder, "protected", env->protected_);
  _cockpit_sim_json_add_int (builder, "last_upgraded_at", env->last_upgraded_at);
  _cockpit_sim_json_add_upgrade_backup (builder, &env->upgrade_backup, TRUE);
  cockpit_sim_json_add_string (builder, "backup_id", env->backup_id);
  _cockpit_sim_json_add_int (builder, "backup_created_at", env->backup_created_at);
  cockpit_sim_json_add_string (builder, "backup_version", env->backup_version);
  json_builder_end_object (builder);
}

static void
write_action (JsonBuilder      *builder,
              CockpitSimAction *action)
{
  json_builder_begin_object (builder);
  cockpit_sim_json_add_string (builder, "id", action->id);
  cockpit_sim_json_add_string (builder, "package_id", action->package_id);
  cockpit_sim_json_add_string (builder, "environment_id", action->environment_id);
  cockpit_sim_json_add_enum (builder, "kind", COCKPIT_TYPE_ACTION_KIND, action->kind);
  cockpit_sim_json_add_string (builder, "target_version", action->target_version);
  cockpit_sim_json_add_string (builder, "from_version", action->from_version);
  _cockpit_sim_json_add_int (builder, "expires_at", action->expires_at);
  cockpit_sim_json_add_enum (builder, "status", COCKPIT_TYPE_ACTION_STATUS, action->status);
  _cockpit_sim_json_add_int (builder, "current", action->current);
  _cockpit_sim_json_add_int (builder, "stage_duration", action->stage_duration);
  _cockpit_sim_json_add_int (builder, "fail_stage", action->fail_stage);
  cockpit_sim_json_add_string (builder, "requested_by", action->requested_by);
  _cockpit_sim_json_add_int (builder, "created_at", action->created_at);
  _cockpit_sim_json_add_int (builder, "finished_at", action->finished_at);
  cockpit_sim_json_add_string (builder, "error_code", action->error_code);
  cockpit_sim_json_add_string (builder, "error_message", action->error_message);
  json_builder_set_member_name (builder, "stages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < action->n_stages; i++)
    _cockpit_sim_json_add_stage (builder, &action->stages[i], TRUE);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
write_entry (JsonBuilder     *builder,
             CockpitSimEntry *entry)
{
  json_builder_begin_object (builder);
  cockpit_sim_json_add_enum (builder, "type", COCKPIT_TYPE_ENTRY_TYPE, entry->type);
  cockpit_sim_json_add_enum (builder, "affects", COCKPIT_TYPE_ENVIRONMENT_KIND, entry->affects);
  _cockpit_sim_json_add_int (builder, "at", entry->at);
  _cockpit_sim_json_add_int (builder, "started_at", entry->started_at);
  _cockpit_sim_json_add_int (builder, "finished_at", entry->finished_at);
  cockpit_sim_json_add_string (builder, "activity", entry->activity);
  cockpit_sim_json_add_string (builder, "by", entry->by);
  cockpit_sim_json_add_string (builder, "bundle", entry->bundle);
  cockpit_sim_json_add_string (builder, "action_id", entry->action_id);
  json_builder_end_object (builder);
}

char *
cockpit_sim_state_serialize (CockpitSimState *state,
                             gsize           *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GHashTableIter iter;
  gpointer value;

  json_builder_begin_object (builder);
  cockpit_sim_json_add_string (builder, "format", STATE_FORMAT);
  _cockpit_sim_json_add_int (builder, "format_version", STATE_FORMAT_VERSION);
  _cockpit_sim_json_add_int (builder, "clock_offset", state->clock_offset);
  _cockpit_sim_json_add_int (builder, "processed_until", state->processed_until);
  _cockpit_sim_json_add_int (builder, "next_action", state->next_action);
  _cockpit_sim_json_add_int (builder, "next_plan", state->next_plan);

  json_builder_set_member_name (builder, "releases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < state->releases->len; i++)
    {
      CockpitSimRelease *release = g_ptr_array_index (state->releases, i);

      json_builder_begin_object (builder);
      cockpit_sim_json_add_string (builder, "version", release->version);
      cockpit_sim_json_add_bool (builder, "lts", release->lts);
      _cockpit_sim_json_add_int (builder, "released_at", release->released_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "packages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < state->packages->len; i++)
    {
      CockpitSimPackage *package = g_ptr_array_index (state->packages, i);

      json_builder_begin_object (builder);
      cockpit_sim_json_add_string (builder, "id", package->id);
      cockpit_sim_json_add_string (builder, "name", package->name);
      cockpit_sim_json_add_string (builder, "maintenance_message", package->maintenance_message);
      json_builder_set_member_name (builder, "environments");
      json_builder_begin_array (builder);
      for (guint j = 0; j < package->environments->len; j++)
        write_environment (builder, g_ptr_array_index (package->environments, j));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "actions");
      json_builder_begin_array (builder);
      for (guint j = 0; j < package->actions->len; j++)
        write_action (builder, g_ptr_array_index (package->actions, j));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "activity");
      json_builder_begin_array (builder);
      for (guint j = 0; j < package->activity->len; j++)
        write_entry (builder, g_ptr_array_index (package->activity, j));
      json_builder_end_array (builder);
      _cockpit_sim_plans_write (builder, package);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "notifications");
  json_builder_begin_array (builder);
  for (guint i = 0; i < state->notifications->len; i++)
    {
      CockpitSimNotification *n = g_ptr_array_index (state->notifications, i);

      json_builder_begin_object (builder);
      cockpit_sim_json_add_string (builder, "id", n->id);
      cockpit_sim_json_add_enum (builder, "severity", COCKPIT_TYPE_SEVERITY, n->severity);
      cockpit_sim_json_add_string (builder, "title", n->title);
      cockpit_sim_json_add_string (builder, "body", n->body);
      cockpit_sim_json_add_string (builder, "package_id", n->package_id);
      _cockpit_sim_json_add_int (builder, "received_at", n->received_at);
      cockpit_sim_json_add_bool (builder, "read", n->read);
      cockpit_sim_json_add_bool (builder, "archived", n->archived);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "fail_next");
  json_builder_begin_array (builder);
  for (guint i = 0; i < state->fail_next->len; i++)
    json_builder_add_string_value (builder,
                                   cockpit_enum_to_string (COCKPIT_TYPE_STAGE_NAME,
                                                           g_array_index (state->fail_next, CockpitStageName, i)));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "idempotency");
  json_builder_begin_array (builder);
  g_hash_table_iter_init (&iter, state->idempotency);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CockpitSimIdempotencyRecord *record = value;

      json_builder_begin_object (builder);
      cockpit_sim_json_add_string (builder, "key", record->key);
      cockpit_sim_json_add_string (builder, "fingerprint", record->fingerprint);
      _cockpit_sim_json_add_int (builder, "at", record->at);
      _cockpit_sim_json_add_int (builder, "status", record->status);
      cockpit_sim_json_add_string (builder, "location", record->location);
      cockpit_sim_json_add_string (builder, "body", record->body);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, length);
}

/* Reading the state file: the checked readers of cockpit-sim-state-loader.c. */

/* The simulated clock may run up to a thousand years ahead of (or behind)
 * the real time: far more than any test or demo moves it, far less than
 * what could overflow. */
#define MAX_CLOCK_OFFSET  COCKPIT_SIM_MAX_CLOCK_OFFSET
/* A stage of a simulated action lasts at most a year. */
#define MAX_STAGE_DURATION  (G_GINT64_CONSTANT (366) * 24 * 3600 * G_USEC_PER_SEC)

static void
read_environment (CockpitSimLoader            *loader,
                  CockpitSimPackage *package,
                  JsonObject        *object)
{
  CockpitSimEnvironment *env;
  JsonNode *backup;
  CockpitEnvironmentKind kind;

  kind = _cockpit_sim_loader_enum (loader, object, "kind", COCKPIT_TYPE_ENVIRONMENT_KIND, FALSE);
  if (loader->error != NULL)
    return;

  env = cockpit_sim_package_add_environment (package, kind, NULL, NULL);
  g_free (env->id);
  env->id = g_strdup (_cockpit_sim_loader_string (loader, object, "id", FALSE));
  env->state = _cockpit_sim_loader_enum (loader, object, "state", COCKPIT_TYPE_ENVIRONMENT_STATE, FALSE);
  env->version = g_strdup (_cockpit_sim_loader_string (loader, object, "version", TRUE));
  env->url = g_strdup (_cockpit_sim_loader_string (loader, object, "url", TRUE));
  env->protected_ = _cockpit_sim_loader_bool (loader, object, "protected");
  env->last_upgraded_at = _cockpit_sim_loader_time (loader, object, "last_upgraded_at");
  backup = _cockpit_sim_loader_member (loader, object, "upgrade_backup");
  if (backup != NULL && JSON_NODE_HOLDS_OBJECT (backup))
    {
      JsonObject *b = json_node_get_object (backup);

      env->upgrade_backup.from_version = g_strdup (_cockpit_sim_loader_string (loader, b, "from_version", FALSE));
      env->upgrade_backup.to_version = g_strdup (_cockpit_sim_loader_string (loader, b, "to_version", FALSE));
      env->upgrade_backup.created_at = _cockpit_sim_loader_time (loader, b, "created_at");
      env->upgrade_backup.expires_at = _cockpit_sim_loader_time (loader, b, "expires_at");
      env->upgrade_backup.max_expires_at = _cockpit_sim_loader_time (loader, b, "max_expires_at");
      env->upgrade_backup.extended = _cockpit_sim_loader_bool (loader, b, "extended");
    }
  else if (backup != NULL && !JSON_NODE_HOLDS_NULL (backup))
    _cockpit_sim_loader_fail (loader, "upgrade_backup", "is not an object");
  env->backup_id = g_strdup (_cockpit_sim_loader_string (loader, object, "backup_id", TRUE));
  env->backup_created_at = _cockpit_sim_loader_time (loader, object, "backup_created_at");
  env->backup_version = g_strdup (_cockpit_sim_loader_string (loader, object, "backup_version", TRUE));
  if (loader->error == NULL && env->id == NULL)
    _cockpit_sim_loader_fail (loader, "id", "is missing");
}

static void
read_action (CockpitSimLoader          *loader,
             CockpitSimState *state,
             JsonObject      *object)
{
  CockpitSimAction *action = g_new0 (CockpitSimAction, 1);
  JsonArray *stages;

  action->id = g_strdup (_cockpit_sim_loader_string (loader, object, "id", FALSE));
  action->package_id = g_strdup (_cockpit_sim_loader_string (loader, object, "package_id", FALSE));
  action->environment_id = g_strdup (_cockpit_sim_loader_string (loader, object, "environment_id", FALSE));
  action->kind = _cockpit_sim_loader_enum (loader, object, "kind", COCKPIT_TYPE_ACTION_KIND, FALSE);
  action->target_version = g_strdup (_cockpit_sim_loader_string (loader, object, "target_version", TRUE));
  action->from_version = g_strdup (_cockpit_sim_loader_string (loader, object, "from_version", TRUE));
  action->expires_at = _cockpit_sim_loader_time (loader, object, "expires_at");
  action->status = _cockpit_sim_loader_enum (loader, object, "status", COCKPIT_TYPE_ACTION_STATUS, FALSE);
  action->current = _cockpit_sim_loader_ranged (loader, object, "current", 0, COCKPIT_SIM_MAX_STAGES - 1);
  action->stage_duration = _cockpit_sim_loader_ranged (loader, object, "stage_duration", 0, MAX_STAGE_DURATION);
  action->fail_stage = _cockpit_sim_loader_ranged (loader, object, "fail_stage", -1, COCKPIT_SIM_MAX_STAGES - 1);
  action->requested_by = g_strdup (_cockpit_sim_loader_string (loader, object, "requested_by", FALSE));
  action->created_at = _cockpit_sim_loader_time (loader, object, "created_at");
  action->finished_at = _cockpit_sim_loader_time (loader, object, "finished_at");
  action->error_code = g_strdup (_cockpit_sim_loader_string (loader, object, "error_code", TRUE));
  action->error_message = g_strdup (_cockpit_sim_loader_string (loader, object, "error_message", TRUE));
  stages = _cockpit_sim_loader_array (loader, object, "stages");
  if (_cockpit_sim_loader_length (stages) > COCKPIT_SIM_MAX_STAGES || (loader->error == NULL && _cockpit_sim_loader_length (stages) == 0))
    _cockpit_sim_loader_fail (loader, "stages", "has a wrong length");
  for (guint i = 0; loader->error == NULL && i < _cockpit_sim_loader_length (stages); i++)
    {
      JsonObject *s = _cockpit_sim_loader_element (loader, stages, i, "stages");

      action->stages[i].name = _cockpit_sim_loader_enum (loader, s, "name", COCKPIT_TYPE_STAGE_NAME, FALSE);
      action->stages[i].status = _cockpit_sim_loader_enum (loader, s, "status", COCKPIT_TYPE_STAGE_STATUS, FALSE);
      action->stages[i].started_at = _cockpit_sim_loader_time (loader, s, "started_at");
      action->stages[i].finished_at = _cockpit_sim_loader_time (loader, s, "finished_at");
      action->n_stages = i + 1;
    }
  if (loader->error == NULL && action->current >= action->n_stages)
    _cockpit_sim_loader_fail (loader, "current", "is out of range");
  if (loader->error == NULL)
    {
      CockpitSimPackage *package = cockpit_sim_state_find_package (state, action->package_id);

      if (package == NULL)
        _cockpit_sim_loader_fail (loader, "package_id", "names no package");
      else if (cockpit_sim_package_find_environment (package, action->environment_id) == NULL)
        _cockpit_sim_loader_fail (loader, "environment_id", "names no environment of the package");
      else if (action->status == COCKPIT_ACTION_STATUS_RUNNING && package->running != NULL)
        _cockpit_sim_loader_fail (loader, "status", "is running beside another running action");
    }
  if (loader->error == NULL && g_hash_table_contains (state->actions, action->id))
    _cockpit_sim_loader_fail (loader, "id", "is not unique");
  if (loader->error != NULL)
    {
      cockpit_sim_action_free (action);
      return;
    }
  cockpit_sim_state_add_action (state, action);
}

static void
read_entry (CockpitSimLoader            *loader,
            CockpitSimPackage *package,
            JsonObject        *object)
{
  CockpitEntryType type;
  CockpitEnvironmentKind affects;
  gint64 started_at, finished_at, at;
  const char *activity, *by, *bundle, *action_id;
  CockpitSimEntry *entry;

  type = _cockpit_sim_loader_enum (loader, object, "type", COCKPIT_TYPE_ENTRY_TYPE, FALSE);
  affects = _cockpit_sim_loader_enum (loader, object, "affects", COCKPIT_TYPE_ENVIRONMENT_KIND, TRUE);
  at = _cockpit_sim_loader_time (loader, object, "at");
  started_at = _cockpit_sim_loader_time (loader, object, "started_at");
  finished_at = _cockpit_sim_loader_time (loader, object, "finished_at");
  activity = _cockpit_sim_loader_string (loader, object, "activity", FALSE);
  by = _cockpit_sim_loader_string (loader, object, "by", FALSE);
  bundle = _cockpit_sim_loader_string (loader, object, "bundle", TRUE);
  action_id = _cockpit_sim_loader_string (loader, object, "action_id", TRUE);
  if (loader->error != NULL)
    return;
  entry = cockpit_sim_package_add_entry (package, type, affects, started_at, finished_at,
                                         activity, by, bundle, action_id);
  entry->at = at;
}

CockpitSimState *
cockpit_sim_state_deserialize (const char  *data,
                               gsize        length,
                               GError     **error)
{
  g_autoptr(CockpitSimState) state = cockpit_sim_state_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  CockpitSimLoader loader = { NULL };
  JsonObject *object;
  JsonArray *array;

  root = cockpit_json_parse (data, length, &local_error);
  if (root == NULL)
    {
      g_set_error (error, COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE,
                   "The state file is damaged: %s", local_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE,
                   "The state file is damaged: it does not hold a JSON object");
      return NULL;
    }
  object = json_node_get_object (root);
  if (g_strcmp0 (_cockpit_sim_loader_string (&loader, object, "format", FALSE), STATE_FORMAT) != 0 ||
      _cockpit_sim_loader_int (&loader, object, "format_version") != STATE_FORMAT_VERSION)
    {
      g_clear_error (&loader.error);
      g_set_error (error, COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE,
                   "The file is not a state file of this simulator version");
      return NULL;
    }

  state->clock_offset = _cockpit_sim_loader_ranged (&loader, object, "clock_offset", -MAX_CLOCK_OFFSET, MAX_CLOCK_OFFSET);
  state->processed_until = _cockpit_sim_loader_ranged (&loader, object, "processed_until", 0, COCKPIT_SIM_MAX_TIME);
  state->next_action = _cockpit_sim_loader_ranged (&loader, object, "next_action", 0, G_MAXUINT);
  /* Since v1.1; older state files have no plans. */
  if (json_object_has_member (object, "next_plan"))
    state->next_plan = _cockpit_sim_loader_ranged (&loader, object, "next_plan", 1, G_MAXUINT);

  array = _cockpit_sim_loader_array (&loader, object, "releases");
  for (guint i = 0; i < _cockpit_sim_loader_length (array); i++)
    {
      JsonObject *r = _cockpit_sim_loader_element (&loader, array, i, "releases");
      const char *version = _cockpit_sim_loader_string (&loader, r, "version", FALSE);
      gboolean lts = _cockpit_sim_loader_bool (&loader, r, "lts");
      gint64 released_at = _cockpit_sim_loader_time (&loader, r, "released_at");

      if (loader.error == NULL && !cockpit_version_is_valid (version))
        _cockpit_sim_loader_fail (&loader, "version", "is not a version");
      if (loader.error != NULL)
        break;
      cockpit_sim_state_add_release (state, version, lts, released_at);
    }
  cockpit_sim_state_sort_releases (state);

  array = _cockpit_sim_loader_array (&loader, object, "packages");
  for (guint i = 0; i < _cockpit_sim_loader_length (array) && loader.error == NULL; i++)
    {
      JsonObject *p = _cockpit_sim_loader_element (&loader, array, i, "packages");
      const char *id = _cockpit_sim_loader_string (&loader, p, "id", FALSE);
      const char *name = _cockpit_sim_loader_string (&loader, p, "name", FALSE);
      CockpitSimPackage *package;
      JsonArray *list;

      if (loader.error == NULL && cockpit_sim_state_find_package (state, id) != NULL)
        _cockpit_sim_loader_fail (&loader, "id", "is not unique");
      if (loader.error != NULL)
        break;
      package = cockpit_sim_state_add_package (state, id, name);
      package->maintenance_message = g_strdup (_cockpit_sim_loader_string (&loader, p, "maintenance_message", TRUE));
      list = _cockpit_sim_loader_array (&loader, p, "environments");
      for (guint j = 0; j < _cockpit_sim_loader_length (list) && loader.error == NULL; j++)
        read_environment (&loader, package, _cockpit_sim_loader_element (&loader, list, j, "environments"));
      list = _cockpit_sim_loader_array (&loader, p, "actions");
      for (guint j = 0; j < _cockpit_sim_loader_length (list) && loader.error == NULL; j++)
        read_action (&loader, state, _cockpit_sim_loader_element (&loader, list, j, "actions"));
      list = _cockpit_sim_loader_array (&loader, p, "activity");
      for (guint j = 0; j < _cockpit_sim_loader_length (list) && loader.error == NULL; j++)
        read_entry (&loader, package, _cockpit_sim_loader_element (&loader, list, j, "activity"));
      if (loader.error == NULL)
        _cockpit_sim_plans_read (p, state, package, &loader.error);
    }

  array = _cockpit_sim_loader_array (&loader, object, "notifications");
  for (guint i = 0; i < _cockpit_sim_loader_length (array) && loader.error == NULL; i++)
    {
      JsonObject *n = _cockpit_sim_loader_element (&loader, array, i, "notifications");
      CockpitSimNotification *notification;

      notification = cockpit_sim_state_add_notification (state,
                                                         _cockpit_sim_loader_enum (&loader, n, "severity", COCKPIT_TYPE_SEVERITY, FALSE),
                                                         _cockpit_sim_loader_string (&loader, n, "title", FALSE),
                                                         _cockpit_sim_loader_string (&loader, n, "body", FALSE),
                                                         _cockpit_sim_loader_string (&loader, n, "package_id", TRUE),
                                                         _cockpit_sim_loader_time (&loader, n, "received_at"),
                                                         _cockpit_sim_loader_bool (&loader, n, "read"),
                                                         _cockpit_sim_loader_bool (&loader, n, "archived"));
      g_free (notification->id);
      notification->id = g_strdup (_cockpit_sim_loader_string (&loader, n, "id", FALSE));
    }

  array = _cockpit_sim_loader_array (&loader, object, "fail_next");
  for (guint i = 0; i < _cockpit_sim_loader_length (array) && loader.error == NULL; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      int stage;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          !cockpit_enum_from_string (COCKPIT_TYPE_STAGE_NAME, json_node_get_string (node), &stage))
        _cockpit_sim_loader_fail (&loader, "fail_next", "holds something that is not a stage");
      else
        g_array_append_val (state->fail_next, stage);
    }

  array = _cockpit_sim_loader_array (&loader, object, "idempotency");
  for (guint i = 0; i < _cockpit_sim_loader_length (array) && loader.error == NULL; i++)
    {
      JsonObject *r = _cockpit_sim_loader_element (&loader, array, i, "idempotency");
      CockpitSimIdempotencyRecord *record = g_new0 (CockpitSimIdempotencyRecord, 1);

      record->key = g_strdup (_cockpit_sim_loader_string (&loader, r, "key", FALSE));
      record->fingerprint = g_strdup (_cockpit_sim_loader_string (&loader, r, "fingerprint", FALSE));
      record->at = _cockpit_sim_loader_time (&loader, r, "at");
      record->status = _cockpit_sim_loader_ranged (&loader, r, "status", 100, 599);
      record->location = g_strdup (_cockpit_sim_loader_string (&loader, r, "location", TRUE));
      record->body = g_strdup (_cockpit_sim_loader_string (&loader, r, "body", TRUE));
      if (loader.error != NULL)
        {
          cockpit_sim_idempotency_record_free (record);
          break;
        }
      g_hash_table_replace (state->idempotency, record->key, record);
    }

  if (loader.error != NULL)
    {
      g_propagate_error (error, loader.error);
      return NULL;
    }
  if (state->next_action == 0)
    state->next_action = 1;
  return g_steal_pointer (&state);
}
