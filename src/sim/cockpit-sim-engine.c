/* cockpit-sim-engine.c: the rules of actions, and the simulated clock's events.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is a function of the simulated clock: an action's stage
 * i runs from created_at + i·d to created_at + (i+1)·d, and an event is
 * carried out with its own due time, whenever the simulator gets to it.
 * So a restart, a slow timer or a clock jump gives the same history.
 */
#include "config.h"

#include <string.h>

#include "cockpit-json.h"
#include "cockpit-sim-engine.h"
#include "cockpit-stage.h"

#define UPGRADE_BACKUP_KEPT   (48 * COCKPIT_SIM_HOUR)
#define UPGRADE_BACKUP_MAX    (5 * COCKPIT_SIM_DAY)

G_STATIC_ASSERT (COCKPIT_SIM_MAX_STAGES >= COCKPIT_STAGE_PLAN_MAX);

static gboolean
set_error (GError          **error,
           CockpitSimError   code,
           const char       *format,
           ...) G_GNUC_PRINTF (3, 4);

static gboolean
set_error (GError          **error,
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
        set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
                   "The request needs a JSON object as its body.");
      return NULL;
    }

  root = cockpit_json_parse (data, length, &local_error);
  if (root == NULL)
    {
      set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST, "%s", local_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
                 "The body must be a JSON object.");
      return NULL;
    }
  return g_steal_pointer (&root);
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
    return set_error (error, COCKPIT_SIM_ERROR_MAINTENANCE,
                      "“%s” is in maintenance mode and can only be viewed until the maintenance ends: %s",
                      package->name, package->maintenance_message);
  if (package->running != NULL)
    {
      g_autofree char *what = describe_action (package, package->running);

      return set_error (error, COCKPIT_SIM_ERROR_PACKAGE_BUSY,
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
    return set_error (error, COCKPIT_SIM_ERROR_NO_UPGRADE_BACKUP,
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

      return set_error (error, COCKPIT_SIM_ERROR_UPGRADE_BACKUP_EXISTS,
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
    return set_error (error, COCKPIT_SIM_ERROR_ENVIRONMENT_PROTECTED,
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
    return set_error (error, COCKPIT_SIM_ERROR_NOT_SUPPORTED,
                      "The %s environment is not set up.", cockpit_sim_kind_name (env->kind));
  return TRUE;
}

/* Arms a stage that has just started when the fail-next control asked
 * for it: the stage then fails at its end. */
static void
arm_stage (CockpitSimState  *state,
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

  switch (kind)
    {
    case COCKPIT_ACTION_KIND_UPGRADE:
      env->state = COCKPIT_ENVIRONMENT_STATE_UPGRADING;
      break;
    case COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP:
      env->state = COCKPIT_ENVIRONMENT_STATE_RESTORING;
      break;
    case COCKPIT_ACTION_KIND_CREATE_BACKUP:
      env->state = COCKPIT_ENVIRONMENT_STATE_BACKING_UP;
      break;
    case COCKPIT_ACTION_KIND_TEARDOWN:
      env->state = COCKPIT_ENVIRONMENT_STATE_TEARING_DOWN;
      break;
    case COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP:
    case COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP:
    default:
      break;
    }

  cockpit_sim_state_add_action (state, action);
  arm_stage (state, action);
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
      set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
                 "“target_version” must be a version string such as “6.3.21”.");
      return NULL;
    }
  target = json_node_get_string (member);
  if (!cockpit_version_is_valid (target))
    {
      set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
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
      set_error (error, COCKPIT_SIM_ERROR_VERSION_NOT_AVAILABLE,
                 "The %s environment is not set up, so no version is available for it.",
                 cockpit_sim_kind_name (env->kind));
      return NULL;
    }
  if (!cockpit_sim_engine_is_available (state, env, release))
    {
      set_error (error, COCKPIT_SIM_ERROR_VERSION_NOT_AVAILABLE,
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
  g_autoptr(GError) local_error = NULL;
  CockpitSimAction *action;
  gint64 expires_at;
  JsonNode *member = NULL;

  if (!check_upgrade_backup (env, error))
    return NULL;

  root = cockpit_sim_engine_parse_body (body, FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
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
          set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
                     "“expires_at” must be a time in RFC 3339 format, such as “2026-11-26T09:30:00Z”.");
          return NULL;
        }
      /* Compared in whole seconds, as the answers show times. */
      expires_at = g_date_time_to_unix (time) * G_USEC_PER_SEC;
      if (expires_at / G_USEC_PER_SEC < backup->expires_at / G_USEC_PER_SEC)
        {
          current = cockpit_sim_format_time (backup->expires_at);
          set_error (error, COCKPIT_SIM_ERROR_BAD_REQUEST,
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

      set_error (error, COCKPIT_SIM_ERROR_EXTENSION_LIMIT,
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
  g_autoptr(GError) local_error = NULL;
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

  root = cockpit_sim_engine_parse_body (body, FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!check_package_free (package, error))
    return NULL;

  switch (kind)
    {
    case COCKPIT_ACTION_KIND_CREATE_BACKUP:
      if (env->kind != COCKPIT_ENVIRONMENT_KIND_LIVE)
        {
          set_error (error, COCKPIT_SIM_ERROR_NOT_SUPPORTED,
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

/* Finishing actions */

static void
write_entry (CockpitSimPackage     *package,
             CockpitSimEnvironment *env,
             CockpitSimAction      *action,
             CockpitEntryType       type,
             const char            *text,
             const char            *version)
{
  g_autofree char *bundle = cockpit_sim_bundle_name (version);

  cockpit_sim_package_add_entry (package, type, env->kind, action->created_at,
                                 action->finished_at, text, action->requested_by,
                                 bundle, action->id);
}

static void
write_success_entry (CockpitSimPackage     *package,
                     CockpitSimEnvironment *env,
                     CockpitSimAction      *action,
                     const char            *old_version)
{
  const char *upper = cockpit_sim_kind_upper (env->kind);
  g_autofree char *text = NULL;
  const char *version = env->version;

  switch (action->kind)
    {
    case COCKPIT_ACTION_KIND_UPGRADE:
      text = g_strdup_printf ("%s environment has been upgraded to %s.", upper, action->target_version);
      break;
    case COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP:
      {
        g_autofree char *until = cockpit_sim_format_time (action->expires_at);

        text = g_strdup_printf ("The upgrade backup of the %s environment has been extended until %s.",
                                upper, until);
        break;
      }
    case COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP:
      text = g_strdup_printf ("The upgrade backup of the %s environment has been deleted.", upper);
      break;
    case COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP:
      text = g_strdup_printf ("%s environment has been restored to %s from its upgrade backup.",
                              upper, env->version);
      break;
    case COCKPIT_ACTION_KIND_CREATE_BACKUP:
      text = g_strdup_printf ("%s environment has been backed up successfully.", upper);
      break;
    case COCKPIT_ACTION_KIND_TEARDOWN:
      text = g_strdup_printf ("%s environment has been torn down.", upper);
      version = old_version;
      break;
    default:
      g_assert_not_reached ();
    }
  write_entry (package, env, action, COCKPIT_ENTRY_TYPE_INFO, text, version);
}

static void
write_failure_entry (CockpitSimPackage     *package,
                     CockpitSimEnvironment *env,
                     CockpitSimAction      *action)
{
  const char *upper = cockpit_sim_kind_upper (env->kind);
  g_autofree char *what = NULL;
  g_autofree char *text = NULL;
  const char *version = env->version;

  switch (action->kind)
    {
    case COCKPIT_ACTION_KIND_UPGRADE:
      what = g_strdup_printf ("Failed to upgrade the %s environment to %s.", upper, action->target_version);
      version = action->target_version;
      break;
    case COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP:
      what = g_strdup_printf ("Failed to extend the upgrade backup of the %s environment.", upper);
      break;
    case COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP:
      what = g_strdup_printf ("Failed to delete the upgrade backup of the %s environment.", upper);
      break;
    case COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP:
      what = g_strdup_printf ("Failed to restore the %s environment from its upgrade backup.", upper);
      break;
    case COCKPIT_ACTION_KIND_CREATE_BACKUP:
      what = g_strdup_printf ("Failed to back up the %s environment.", upper);
      break;
    case COCKPIT_ACTION_KIND_TEARDOWN:
      what = g_strdup_printf ("Failed to tear down the %s environment.", upper);
      break;
    default:
      g_assert_not_reached ();
    }
  text = g_strconcat (what, " ", action->error_message, NULL);
  write_entry (package, env, action, COCKPIT_ENTRY_TYPE_ERROR, text, version);
}

/* The error of a stage that fails: a code and a message that tells a
 * person what happened, what state things are in, and what to do. */
static void
set_failure (CockpitSimAction      *action,
             CockpitSimEnvironment *env)
{
  const char *name = cockpit_sim_kind_name (env->kind);
  g_autofree char *expires = cockpit_sim_format_time (env->upgrade_backup.expires_at);
  const char *code;
  char *message;

  switch (action->stages[action->current].name)
    {
    case COCKPIT_STAGE_CREATE_REPLICA:
      code = "replica_not_created";
      message = g_strdup_printf ("The replica could not be created: the cloud region has no free "
                                 "capacity at the moment. Nothing was switched; %s still runs %s. "
                                 "Try again in an hour, or contact the Cloud Helpdesk if it fails again.",
                                 name, action->from_version);
      break;
    case COCKPIT_STAGE_DEPLOY_VERSION:
      code = "deployment_failed";
      message = g_strdup_printf ("Magnolia %s could not be deployed to the replica: the web "
                                 "application did not start within 15 minutes. Nothing was switched; "
                                 "%s still runs %s. Check that your custom modules support %s, then "
                                 "try again, or contact the Cloud Helpdesk.",
                                 action->target_version, name, action->from_version,
                                 action->target_version);
      break;
    case COCKPIT_STAGE_VERIFY_REPLICA:
      code = "verification_failed";
      message = g_strdup_printf ("The replica did not pass its health check: the site returned "
                                 "errors on 3 of 20 test pages. Nothing was switched; %s still runs %s. "
                                 "Try again, or contact the Cloud Helpdesk if it fails again.",
                                 name, action->from_version);
      break;
    case COCKPIT_STAGE_SWITCH_TRAFFIC:
      code = "switch_failed";
      message = g_strdup_printf ("Traffic could not be switched to the replica, so it was switched "
                                 "back: %s still runs %s. Try again, or contact the Cloud Helpdesk "
                                 "if it fails again.", name, action->from_version);
      break;
    case COCKPIT_STAGE_KEEP_BACKUP:
      code = "backup_not_kept";
      message = g_strdup_printf ("%s now runs %s, but the previous installation could not be kept "
                                 "as an upgrade backup, so there is none to restore. Make a manual "
                                 "backup now, and contact the Cloud Helpdesk if you need the "
                                 "previous installation.", name, action->target_version);
      break;
    case COCKPIT_STAGE_RETIRE_OLD:
      code = "retire_failed";
      message = g_strdup_printf ("%s now runs %s, but the previous installation could not be "
                                 "retired; the Cloud Helpdesk will remove it. Nothing else is "
                                 "needed from you.", name, action->target_version);
      break;
    case COCKPIT_STAGE_EXTEND_UPGRADE_BACKUP:
      code = "extension_failed";
      message = g_strdup_printf ("The upgrade backup could not be extended because the backup "
                                 "service did not answer. It still expires at %s. Try again, or "
                                 "contact the Cloud Helpdesk if it fails again.", expires);
      break;
    case COCKPIT_STAGE_DELETE_UPGRADE_BACKUP:
      code = "deletion_failed";
      message = g_strdup_printf ("The upgrade backup could not be deleted because the backup "
                                 "service did not answer. It is still there and expires at %s. "
                                 "Try again later.", expires);
      break;
    case COCKPIT_STAGE_RESTORE_UPGRADE_BACKUP:
      code = "restore_failed";
      message = g_strdup_printf ("%s could not be restored: the upgrade backup did not pass its "
                                 "integrity check. %s still runs %s and the backup is kept. Contact "
                                 "the Cloud Helpdesk before you try again.", name, name, env->version);
      break;
    case COCKPIT_STAGE_CREATE_BACKUP:
      code = "backup_failed";
      message = g_strdup_printf ("The backup of %s could not be completed because the storage "
                                 "service did not answer in time. The previous backup is kept. Try "
                                 "again, or contact the Cloud Helpdesk if it fails again.", name);
      break;
    case COCKPIT_STAGE_TEARDOWN:
      code = "teardown_failed";
      message = g_strdup_printf ("%s could not be torn down because some of its resources are still "
                                 "in use. It still runs %s. Try again later, or contact the Cloud "
                                 "Helpdesk.", name, env->version);
      break;
    case COCKPIT_STAGE_NONE:
    default:
      g_assert_not_reached ();
    }
  action->error_code = g_strdup (code);
  action->error_message = message;
}

static void
end_action (CockpitSimPackage     *package,
            CockpitSimEnvironment *env,
            CockpitSimAction      *action,
            gint64                 time)
{
  action->finished_at = time;
  package->running = NULL;
  env->state = env->version != NULL ? COCKPIT_ENVIRONMENT_STATE_RUNNING
                                    : COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP;
}

static void
fail_action (CockpitSimPackage     *package,
             CockpitSimEnvironment *env,
             CockpitSimAction      *action,
             gint64                 time)
{
  CockpitSimStage *stage = &action->stages[action->current];

  stage->status = COCKPIT_STAGE_STATUS_FAILED;
  stage->finished_at = time;
  for (guint i = action->current + 1; i < action->n_stages; i++)
    action->stages[i].status = COCKPIT_STAGE_STATUS_SKIPPED;
  action->status = COCKPIT_ACTION_STATUS_FAILED;
  set_failure (action, env);
  end_action (package, env, action, time);
  write_failure_entry (package, env, action);
}

static void
clear_upgrade_backup (CockpitSimUpgradeBackup *backup)
{
  g_clear_pointer (&backup->from_version, g_free);
  g_clear_pointer (&backup->to_version, g_free);
  backup->created_at = backup->expires_at = backup->max_expires_at = 0;
  backup->extended = FALSE;
}

/* What the end of a stage changes. */
static void
apply_stage (CockpitSimState       *state,
             CockpitSimEnvironment *env,
             CockpitSimAction      *action,
             gint64                 time)
{
  CockpitSimUpgradeBackup *backup = &env->upgrade_backup;

  switch (action->stages[action->current].name)
    {
    case COCKPIT_STAGE_SWITCH_TRAFFIC:
      g_free (env->version);
      env->version = g_strdup (action->target_version);
      env->last_upgraded_at = time;
      break;

    case COCKPIT_STAGE_KEEP_BACKUP:
      g_free (backup->from_version);
      g_free (backup->to_version);
      backup->from_version = g_strdup (action->from_version);
      backup->to_version = g_strdup (action->target_version);
      backup->created_at = time;
      backup->expires_at = time + UPGRADE_BACKUP_KEPT;
      backup->max_expires_at = time + UPGRADE_BACKUP_MAX;
      backup->extended = FALSE;
      break;

    case COCKPIT_STAGE_EXTEND_UPGRADE_BACKUP:
      if (backup->from_version != NULL)
        {
          backup->extended = backup->extended || action->expires_at > backup->expires_at;
          backup->expires_at = MAX (backup->expires_at, action->expires_at);
        }
      break;

    case COCKPIT_STAGE_DELETE_UPGRADE_BACKUP:
      clear_upgrade_backup (backup);
      break;

    case COCKPIT_STAGE_RESTORE_UPGRADE_BACKUP:
      if (backup->from_version != NULL)
        {
          g_free (env->version);
          env->version = g_strdup (backup->from_version);
        }
      clear_upgrade_backup (backup);
      break;

    case COCKPIT_STAGE_CREATE_BACKUP:
      g_free (env->backup_id);
      g_free (env->backup_version);
      env->backup_id = g_strdup_printf ("bkp-%s", action->id + strlen ("act-"));
      env->backup_created_at = time;
      env->backup_version = g_strdup (env->version);
      break;

    case COCKPIT_STAGE_TEARDOWN:
      g_clear_pointer (&env->version, g_free);
      g_clear_pointer (&env->url, g_free);
      g_clear_pointer (&env->backup_id, g_free);
      g_clear_pointer (&env->backup_version, g_free);
      env->backup_created_at = 0;
      break;

    case COCKPIT_STAGE_CREATE_REPLICA:
    case COCKPIT_STAGE_DEPLOY_VERSION:
    case COCKPIT_STAGE_VERIFY_REPLICA:
    case COCKPIT_STAGE_RETIRE_OLD:
    case COCKPIT_STAGE_NONE:
    default:
      break;
    }
}

static void
end_stage (CockpitSimState   *state,
           CockpitSimPackage *package,
           CockpitSimAction  *action,
           gint64             time)
{
  CockpitSimEnvironment *env = cockpit_sim_package_find_environment (package, action->environment_id);
  CockpitSimStage *stage = &action->stages[action->current];
  g_autofree char *old_version = NULL;

  g_assert (env != NULL);

  if (action->fail_stage == (int) action->current)
    {
      fail_action (package, env, action, time);
      return;
    }

  old_version = g_strdup (env->version);
  stage->status = COCKPIT_STAGE_STATUS_DONE;
  stage->finished_at = time;
  apply_stage (state, env, action, time);

  if (action->current + 1 < action->n_stages)
    {
      action->current++;
      action->stages[action->current].status = COCKPIT_STAGE_STATUS_RUNNING;
      action->stages[action->current].started_at = time;
      arm_stage (state, action);
      return;
    }

  action->status = COCKPIT_ACTION_STATUS_SUCCEEDED;
  end_action (package, env, action, time);
  write_success_entry (package, env, action, old_version);
}

static void
expire_backup (CockpitSimPackage     *package,
               CockpitSimEnvironment *env,
               gint64                 time)
{
  CockpitSimUpgradeBackup *backup = &env->upgrade_backup;
  g_autofree char *bundle = cockpit_sim_bundle_name (backup->from_version);
  g_autofree char *text = NULL;

  text = g_strdup_printf ("The upgrade backup of the %s environment (%s) has expired and has been removed.",
                          cockpit_sim_kind_upper (env->kind), backup->from_version);
  cockpit_sim_package_add_entry (package, COCKPIT_ENTRY_TYPE_INFO, env->kind, time, time,
                                 text, COCKPIT_SIM_SYSTEM, bundle, NULL);
  clear_upgrade_backup (backup);
}

/* An upgrade backup does not expire while an action on it runs: the
 * action decides its fate, and a failed one lets it expire at its end. */
static gboolean
backup_is_held (CockpitSimPackage     *package,
                CockpitSimEnvironment *env)
{
  CockpitSimAction *running = package->running;

  if (running == NULL || g_strcmp0 (running->environment_id, env->id) != 0)
    return FALSE;
  return running->kind == COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP ||
         running->kind == COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP ||
         running->kind == COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP;
}

typedef struct {
  gint64                 time;
  CockpitSimPackage     *package;
  CockpitSimEnvironment *expiring;   /* NULL: the running action's stage ends */
} Event;

static Event
find_next_event (CockpitSimState *state)
{
  Event next = { G_MAXINT64, NULL, NULL };

  for (guint i = 0; i < state->packages->len; i++)
    {
      CockpitSimPackage *package = g_ptr_array_index (state->packages, i);

      if (package->running != NULL)
        {
          CockpitSimAction *action = package->running;
          gint64 end = action->stages[action->current].started_at + action->stage_duration;

          if (end < next.time)
            next = (Event) { end, package, NULL };
        }
      for (guint j = 0; j < package->environments->len; j++)
        {
          CockpitSimEnvironment *env = g_ptr_array_index (package->environments, j);

          if (env->upgrade_backup.from_version != NULL &&
              env->upgrade_backup.expires_at < next.time &&
              !backup_is_held (package, env))
            next = (Event) { env->upgrade_backup.expires_at, package, env };
        }
    }
  return next;
}

gint64
cockpit_sim_engine_next_due (CockpitSimState *state)
{
  g_return_val_if_fail (state != NULL, G_MAXINT64);

  return find_next_event (state).time;
}

gboolean
cockpit_sim_engine_process_due (CockpitSimState *state,
                                gint64           now)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (state != NULL, FALSE);

  for (;;)
    {
      Event event = find_next_event (state);
      gint64 time;

      if (event.time > now)
        break;

      /* An event held back (see backup_is_held()) is carried out when it
       * is released, so that the log stays in time order. */
      time = MAX (event.time, state->processed_until);
      if (event.expiring != NULL)
        expire_backup (event.package, event.expiring, time);
      else
        end_stage (state, event.package, event.package->running, time);
      state->processed_until = time;
      changed = TRUE;
    }

  state->processed_until = MAX (state->processed_until, now);
  return changed;
}
