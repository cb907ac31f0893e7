/* cockpit-sim-engine.c: the rules of actions: which may start, and how they start.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is a function of the simulated clock: an action's stage
 * i runs from created_at + i·d to created_at + (i+1)·d, and an event is
 * carried out with its own due time, whenever the simulator gets to it.
 * So a restart, a slow timer or a clock jump gives the same history.
 * The events themselves are carried out in cockpit-sim-engine-events.c.
 */
#include "config.h"

#include <string.h>

#include "cockpit-json.h"
#include "cockpit-sim-engine-private.h"
#include "cockpit-stage.h"

G_STATIC_ASSERT (COCKPIT_SIM_MAX_STAGES >= COCKPIT_STAGE_PLAN_MAX);

gboolean
_cockpit_sim_set_error (GError          **error,
                        CockpitSimError   code,
                        const char       *format,
                        ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (COCKPIT_SIM_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

JsonNode *
cockpit_sim_engine_parse_body (GBytes    *body,
                               gboolean   required,
                               GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *data = NULL;
  gsize length = 0;

  if (body != NULL)
    data = g_bytes_get_data (body, &length);

  if (length == 0)
    {
      if (required)
        _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
                   "The request needs a JSON object as its body.");
      return NULL;
    }

  root = cockpit_json_parse (data, length, &local_error);
  if (root == NULL)
    {
      _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST, "%s", local_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
                 "The body must be a JSON object.");
      return NULL;
    }
  return g_steal_pointer (&root);
}

/* Parses a body that may be empty into @root (NULL when it is).  FALSE,
 * with @error set, only when there is a body and it is not an object. */
static gboolean
parse_optional_body (GBytes     *body,
                     JsonNode  **root,
                     GError    **error)
{
  GError *local_error = NULL;

  *root = cockpit_sim_engine_parse_body (body, FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
cockpit_sim_engine_is_available (CockpitSimState       *state,
                                 CockpitSimEnvironment *env,
                                 CockpitSimRelease     *release)
{
  CockpitVersion current;

  if (env->version == NULL || release == NULL)
    return FALSE;
  if (!cockpit_version_parse (env->version, &current, NULL))
    return FALSE;
  return cockpit_version_compare (&release->parsed, &current) > 0;
}

static char *
describe_action (CockpitSimPackage *package,
                 CockpitSimAction  *action)
{
  CockpitSimEnvironment *env = cockpit_sim_package_find_environment (package, action->environment_id);
  const char *name = cockpit_sim_kind_name (env->kind);

  switch (action->kind)
    {
    case COCKPIT_ACTION_KIND_UPGRADE:
      return g_strdup_printf ("the upgrade of %s to %s", name, action->target_version);
    case COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP:
      return g_strdup_printf ("the extension of the upgrade backup of %s", name);
    case COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP:
      return g_strdup_printf ("the deletion of the upgrade backup of %s", name);
    case COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP:
      return g_strdup_printf ("the restore of %s from its upgrade backup", name);
    case COCKPIT_ACTION_KIND_CREATE_BACKUP:
      return g_strdup_printf ("a backup of %s", name);
    case COCKPIT_ACTION_KIND_TEARDOWN:
      return g_strdup_printf ("the teardown of %s", name);
    default:
      return g_strdup ("another action");
    }
}

/* The rejections every kind shares, after its 404 and 400 checks. */
static gboolean
check_package_free (CockpitSimPackage  *package,
                    GError            **error)
{
  if (package->maintenance_message != NULL)
    return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_MAINTENANCE,
                      "“%s” is in maintenance mode and can only be viewed until the maintenance ends: %s",
                      package->name, package->maintenance_message);
  if (package->running != NULL)
    {
      g_autofree char *what = describe_action (package, package->running);

      return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_PACKAGE_BUSY,
                        "“%s” is busy with %s. Only one action can run at a time; "
                        "try again when it has finished.", package->name, what);
    }
  return TRUE;
}

static gboolean
check_upgrade_backup (CockpitSimEnvironment  *env,
                      GError                **error)
{
  if (env->upgrade_backup.from_version == NULL)
    return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_NO_UPGRADE_BACKUP,
                      "The %s environment has no upgrade backup.",
                      cockpit_sim_kind_name (env->kind));
  return TRUE;
}

static gboolean
check_not_backed_up (CockpitSimEnvironment  *env,
                     const char             *what,
                     GError                **error)
{
  if (env->upgrade_backup.from_version != NULL)
    {
      g_autofree char *expires = cockpit_sim_format_time (env->upgrade_backup.expires_at);

      return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_UPGRADE_BACKUP_EXISTS,
                        "The %s environment still has the upgrade backup of its last upgrade "
                        "(%s, kept until %s), so it cannot be %s. Delete or restore the "
                        "backup first.", cockpit_sim_kind_name (env->kind),
                        env->upgrade_backup.from_version, expires, what);
    }
  return TRUE;
}

static gboolean
check_not_protected (CockpitSimEnvironment  *env,
                     const char             *what,
                     GError                **error)
{
  if (env->protected_)
    return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_ENVIRONMENT_PROTECTED,
                      "The %s environment is protected, so it cannot be %s. "
                      "Ask the Cloud Helpdesk to lift the protection first.",
                      cockpit_sim_kind_name (env->kind), what);
  return TRUE;
}

static gboolean
check_set_up (CockpitSimEnvironment  *env,
              GError                **error)
{
  if (env->version == NULL)
    return _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_NOT_SUPPORTED,
                      "The %s environment is not set up.", cockpit_sim_kind_name (env->kind));
  return TRUE;
}

void
_cockpit_sim_engine_arm_stage (CockpitSimState  *state,
                               CockpitSimAction *action)
{
  CockpitStageName name = action->stages[action->current].name;

  for (guint i = 0; i < state->fail_next->len; i++)
    {
      if (g_array_index (state->fail_next, CockpitStageName, i) == name)
        {
          g_array_remove_index (state->fail_next, i);
          action->fail_stage = action->current;
          return;
        }
    }
}

/* The state an environment is in while an action of a kind runs; the
 * kinds not listed leave it as it is. */
static const struct {
  CockpitActionKind       kind;
  CockpitEnvironmentState state;
} busy_states[] = {
  { COCKPIT_ACTION_KIND_UPGRADE, COCKPIT_ENVIRONMENT_STATE_UPGRADING },
  { COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP, COCKPIT_ENVIRONMENT_STATE_RESTORING },
  { COCKPIT_ACTION_KIND_CREATE_BACKUP, COCKPIT_ENVIRONMENT_STATE_BACKING_UP },
  { COCKPIT_ACTION_KIND_TEARDOWN, COCKPIT_ENVIRONMENT_STATE_TEARING_DOWN },
};

static CockpitSimAction *
start_action (CockpitSimState       *state,
              CockpitSimPackage     *package,
              CockpitSimEnvironment *env,
              CockpitActionKind      kind,
              gint64                 now,
              gint64                 stage_duration)
{
  CockpitSimAction *action = g_new0 (CockpitSimAction, 1);
  const CockpitStageName *names;

  action->id = g_strdup_printf ("act-%06u", state->next_action++);
  action->package_id = g_strdup (package->id);
  action->environment_id = g_strdup (env->id);
  action->kind = kind;
  action->status = COCKPIT_ACTION_STATUS_RUNNING;
  action->stage_duration = MAX (stage_duration, 0);
  action->fail_stage = -1;
  action->requested_by = g_strdup (COCKPIT_SIM_USER_NAME);
  action->created_at = now;

  /* The model's plan, the same the app draws and counts. */
  names = cockpit_stage_plan (kind, env->kind, &action->n_stages);
  g_assert (action->n_stages > 0 && action->n_stages <= COCKPIT_SIM_MAX_STAGES);
  for (guint i = 0; i < action->n_stages; i++)
    {
      action->stages[i].name = names[i];
      action->stages[i].status = COCKPIT_STAGE_STATUS_PENDING;
    }
  action->stages[0].status = COCKPIT_STAGE_STATUS_RUNNING;
  action->stages[0].started_at = now;

  for (guint i = 0; i < G_N_ELEMENTS (busy_states); i++)
    if (busy_states[i].kind == kind)
      env->state = busy_states[i].state;

  cockpit_sim_state_add_action (state, action);
  _cockpit_sim_engine_arm_stage (state, action);
  return action;
}

static CockpitSimAction *
start_upgrade (CockpitSimState        *state,
               CockpitSimPackage      *package,
               CockpitSimEnvironment  *env,
               GBytes                 *body,
               gint64                  now,
               gint64                  stage_duration,
               GError                **error)
{
  g_autoptr(JsonNode) root = NULL;
  CockpitSimRelease *release;
  CockpitSimAction *action;
  const char *target;
  JsonNode *member;

  root = cockpit_sim_engine_parse_body (body, TRUE, error);
  if (root == NULL)
    return NULL;
  member = json_object_get_member (json_node_get_object (root), "target_version");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING)
    {
      _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
                 "“target_version” must be a version string such as “6.3.21”.");
      return NULL;
    }
  target = json_node_get_string (member);
  if (!cockpit_version_is_valid (target))
    {
      _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
                 "“target_version” is not a Magnolia version: “%s”.", target);
      return NULL;
    }

  if (!check_package_free (package, error) ||
      !check_not_protected (env, "upgraded", error) ||
      !check_not_backed_up (env, "upgraded again", error))
    return NULL;

  release = cockpit_sim_state_find_release (state, target);
  if (env->version == NULL)
    {
      _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_VERSION_NOT_AVAILABLE,
                 "The %s environment is not set up, so no version is available for it.",
                 cockpit_sim_kind_name (env->kind));
      return NULL;
    }
  if (!cockpit_sim_engine_is_available (state, env, release))
    {
      _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_VERSION_NOT_AVAILABLE,
                 "Magnolia %s is not available for the %s environment, which runs %s. "
                 "Choose one of the versions listed as available.",
                 target, cockpit_sim_kind_name (env->kind), env->version);
      return NULL;
    }

  action = start_action (state, package, env, COCKPIT_ACTION_KIND_UPGRADE, now, stage_duration);
  action->target_version = g_strdup (release->version);
  action->from_version = g_strdup (env->version);
  return action;
}

static CockpitSimAction *
start_extend (CockpitSimState        *state,
              CockpitSimPackage      *package,
              CockpitSimEnvironment  *env,
              GBytes                 *body,
              gint64                  now,
              gint64                  stage_duration,
              GError                **error)
{
  CockpitSimUpgradeBackup *backup = &env->upgrade_backup;
  g_autoptr(JsonNode) root = NULL;
  CockpitSimAction *action;
  gint64 expires_at;
  JsonNode *member = NULL;

  if (!check_upgrade_backup (env, error))
    return NULL;

  if (!parse_optional_body (body, &root, error))
    return NULL;
  if (root != NULL)
    member = json_object_get_member (json_node_get_object (root), "expires_at");

  if (member == NULL || JSON_NODE_HOLDS_NULL (member))
    expires_at = backup->max_expires_at;
  else
    {
      g_autoptr(GDateTime) time = NULL;
      g_autofree char *current = NULL;

      if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
        time = cockpit_date_time_parse (json_node_get_string (member));
      if (time == NULL)
        {
          _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
                     "“expires_at” must be a time in RFC 3339 format, such as “2026-11-26T09:30:00Z”.");
          return NULL;
        }
      /* Compared in whole seconds, as the answers show times. */
      expires_at = g_date_time_to_unix (time) * G_USEC_PER_SEC;
      if (expires_at / G_USEC_PER_SEC < backup->expires_at / G_USEC_PER_SEC)
        {
          current = cockpit_sim_format_time (backup->expires_at);
          _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
                     "“expires_at” is earlier than the backup's current expiry, %s; "
                     "an extension can only move it later.", current);
          return NULL;
        }
      expires_at = MAX (expires_at, backup->expires_at);
    }

  if (!check_package_free (package, error))
    return NULL;

  if (expires_at > backup->max_expires_at)
    {
      g_autofree char *max = cockpit_sim_format_time (backup->max_expires_at);

      _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_EXTENSION_LIMIT,
                 "An upgrade backup can be kept for at most 5 days after it was made, that is "
                 "until %s. To keep it longer, ask the Cloud Helpdesk.", max);
      return NULL;
    }

  action = start_action (state, package, env, COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP,
                         now, stage_duration);
  action->expires_at = expires_at;
  return action;
}

CockpitSimAction *
cockpit_sim_engine_start (CockpitSimState        *state,
                          CockpitSimPackage      *package,
                          CockpitSimEnvironment  *env,
                          CockpitActionKind       kind,
                          GBytes                 *body,
                          gint64                  now,
                          gint64                  stage_duration,
                          GError                **error)
{
  g_autoptr(JsonNode) root = NULL;
  CockpitSimAction *action;

  g_return_val_if_fail (state != NULL, NULL);
  g_return_val_if_fail (package != NULL, NULL);
  g_return_val_if_fail (env != NULL, NULL);

  if (kind == COCKPIT_ACTION_KIND_UPGRADE)
    return start_upgrade (state, package, env, body, now, stage_duration, error);
  if (kind == COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP)
    return start_extend (state, package, env, body, now, stage_duration, error);

  /* The other kinds take no parameters: an empty body or any object. */
  if ((kind == COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP ||
       kind == COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP) &&
      !check_upgrade_backup (env, error))
    return NULL;

  if (!parse_optional_body (body, &root, error))
    return NULL;

  if (!check_package_free (package, error))
    return NULL;

  switch (kind)
    {
    case COCKPIT_ACTION_KIND_CREATE_BACKUP:
      if (env->kind != COCKPIT_ENVIRONMENT_KIND_LIVE)
        {
          _cockpit_sim_set_error (error, COCKPIT_SIM_ERROR_NOT_SUPPORTED,
                     "Manual backups can only be made of the Live environment.");
          return NULL;
        }
      if (!check_set_up (env, error))
        return NULL;
      break;

    case COCKPIT_ACTION_KIND_TEARDOWN:
      if (!check_not_backed_up (env, "torn down", error) ||
          !check_not_protected (env, "torn down", error) ||
          !check_set_up (env, error))
        return NULL;
      break;

    case COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP:
    case COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP:
    default:
      break;
    }

  action = start_action (state, package, env, kind, now, stage_duration);
  if (kind == COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP)
    action->from_version = g_strdup (env->upgrade_backup.from_version);
  return action;
}

CockpitSimAction *
_cockpit_sim_engine_start_for_plan (CockpitSimState       *state,
                                    CockpitSimPackage     *package,
                                    CockpitSimEnvironment *env,
                                    CockpitActionKind      kind,
                                    const char            *target_version,
                                    const char            *requested_by,
                                    gint64                 now)
{
  CockpitSimAction *action;

  g_assert (package->running == NULL);

  action = start_action (state, package, env, kind, now, state->stage_duration);
  g_free (action->requested_by);
  action->requested_by = g_strdup (requested_by);
  if (kind == COCKPIT_ACTION_KIND_UPGRADE)
    {
      action->target_version = g_strdup (target_version);
      action->from_version = g_strdup (env->version);
    }
  return action;
}
