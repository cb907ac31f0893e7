/* cockpit-sim-engine-events.c: the clock's events: stages ending, actions finishing, backups expiring.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This is the simulator's one event loop, above both the starting of
 * actions (cockpit-sim-engine.c) and the plans' events
 * (cockpit-sim-plans-events.c): it takes the next event of any kind in
 * time order, and tells the plans when an action has ended.
 */
#include "config.h"

#include <string.h>

#include "cockpit-sim-engine-private.h"
#include "cockpit-sim-plans-private.h"
#include "cockpit-stage.h"

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
      _cockpit_sim_plans_action_ended (state, package, action, time);
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
      _cockpit_sim_engine_arm_stage (state, action);
      return;
    }

  action->status = COCKPIT_ACTION_STATUS_SUCCEEDED;
  end_action (package, env, action, time);
  write_success_entry (package, env, action, old_version);
  _cockpit_sim_plans_action_ended (state, package, action, time);
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
  gboolean               plan;       /* the package's upgrade plan is due */
} Event;

static Event
find_next_event (CockpitSimState *state)
{
  Event next = { G_MAXINT64, NULL, NULL, FALSE };

  for (guint i = 0; i < state->packages->len; i++)
    {
      CockpitSimPackage *package = g_ptr_array_index (state->packages, i);

      if (package->running != NULL)
        {
          CockpitSimAction *action = package->running;
          gint64 end = action->stages[action->current].started_at + action->stage_duration;

          if (end < next.time)
            next = (Event) { end, package, NULL, FALSE };
        }
      {
        gint64 due = _cockpit_sim_plans_next_due (package);

        if (due < next.time)
          next = (Event) { due, package, NULL, TRUE };
      }
      for (guint j = 0; j < package->environments->len; j++)
        {
          CockpitSimEnvironment *env = g_ptr_array_index (package->environments, j);

          if (env->upgrade_backup.from_version != NULL &&
              env->upgrade_backup.expires_at < next.time &&
              !backup_is_held (package, env))
            next = (Event) { env->upgrade_backup.expires_at, package, env, FALSE };
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
      if (event.plan)
        _cockpit_sim_plans_run_due (state, event.package, time);
      else if (event.expiring != NULL)
        expire_backup (event.package, event.expiring, time);
      else
        end_stage (state, event.package, event.package->running, time);
      state->processed_until = time;
      changed = TRUE;
    }

  state->processed_until = MAX (state->processed_until, now);
  return changed;
}
