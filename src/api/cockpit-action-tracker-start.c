/* cockpit-action-tracker-start.c: starting an intent, alone or with the upgrade that follows a backup.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The top of the tracker's files: an intent is journalled, sent, and
 * handed to the following of cockpit-action-tracker.c once it is
 * answered.  The upgrade that follows a backup is started there, when
 * the backup ends.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cockpit-action-tracker-entry-private.h"

static void
start_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CockpitActionTracker *self = g_task_get_source_object (task);
  const char *key = g_task_get_task_data (task);
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GError) error = NULL;
  Entry *entry;

  if (self->hook != NULL)
    self->hook (self, "before-answer", self->hook_data);

  action = cockpit_client_start_action_finish (COCKPIT_CLIENT (object), result, &error);
  entry = _cockpit_tracker_find_entry (self, key);
  if (entry == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The tracker was closed");
      return;
    }
  entry->busy = FALSE;

  if (action != NULL)
    {
      _cockpit_tracker_adopt_action (self, entry, action);
      g_task_return_pointer (task, g_object_ref (action), g_object_unref);
      return;
    }

  if (cockpit_client_error_is_rejection (error))
    {
      _cockpit_tracker_remove_entry (self, entry);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The answer never came, or came garbled: the action may or may not
   * have started.  Find out from the package's actions. */
  _cockpit_tracker_schedule (self, entry, self->first_ms);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_new_error (task, error->domain, error->code,
                             _("%s The app keeps checking whether the action started and will tell you."),
                             error->message);
}

static void
start_intent (CockpitActionTracker  *self,
              CockpitEnvironment    *environment,
              CockpitActionKind      kind,
              const char            *target_version,
              GDateTime             *expires_at,
              CockpitIntentFollowup *then,
              GCancellable          *cancellable,
              GAsyncReadyCallback    callback,
              gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  Entry *entry;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cockpit_action_tracker_start_async);

  /* One action at a time per package; a double click ends here. */
  if (cockpit_action_tracker_is_busy (self, cockpit_environment_get_package_id (environment)))
    {
      g_task_return_new_error (task, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_PACKAGE_BUSY,
                               _("An action is already running on this package. Wait until it has finished."));
      g_clear_pointer (&then, cockpit_intent_followup_free);
      return;
    }

  entry = g_new0 (Entry, 1);
  entry->intent.key = cockpit_client_new_idempotency_key ();
  entry->intent.cockpit = g_strdup (cockpit_client_get_identity (self->client));
  entry->intent.package_id = g_strdup (cockpit_environment_get_package_id (environment));
  entry->intent.environment_id = g_strdup (cockpit_environment_get_id (environment));
  entry->intent.kind = kind;
  entry->intent.target_version = g_strdup (target_version);
  entry->intent.expires_at = expires_at != NULL ? g_date_time_ref (expires_at) : NULL;
  entry->intent.then = g_steal_pointer (&then);
  entry->intent.started_at = g_date_time_new_now_utc ();
  entry->busy = TRUE;
  g_ptr_array_add (self->entries, entry);

  /* Written down before it is sent, so that a crash cannot lose it; what
   * cannot be written down is not sent. */
  if (!_cockpit_tracker_save_journal (self, NULL))
    {
      g_ptr_array_remove (self->entries, entry);
      g_task_return_error (task, _cockpit_journal_error (self));
      return;
    }
  g_task_set_task_data (task, g_strdup (entry->intent.key), g_free);

  if (self->hook != NULL)
    self->hook (self, "after-journal", self->hook_data);

  _cockpit_tracker_send_entry (self, entry, environment, cancellable, start_cb, g_steal_pointer (&task));
}

void
cockpit_action_tracker_start_async (CockpitActionTracker *self,
                                    CockpitEnvironment   *environment,
                                    CockpitActionKind     kind,
                                    const char           *target_version,
                                    GDateTime            *expires_at,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_return_if_fail (COCKPIT_IS_ACTION_TRACKER (self));
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (environment));
  g_return_if_fail (kind != COCKPIT_ACTION_KIND_UPGRADE || target_version != NULL);

  start_intent (self, environment, kind, target_version, expires_at, NULL,
                cancellable, callback, user_data);
}

void
cockpit_action_tracker_start_backup_then_upgrade_async (CockpitActionTracker *self,
                                                        CockpitEnvironment   *live,
                                                        const char           *target_version,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data)
{
  CockpitIntentFollowup *then;

  g_return_if_fail (COCKPIT_IS_ACTION_TRACKER (self));
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (live));
  g_return_if_fail (target_version != NULL);

  then = g_new0 (CockpitIntentFollowup, 1);
  then->kind = COCKPIT_ACTION_KIND_UPGRADE;
  then->environment_kind = cockpit_environment_get_kind (live);
  then->target_version = g_strdup (target_version);
  start_intent (self, live, COCKPIT_ACTION_KIND_CREATE_BACKUP, NULL, NULL, then,
                cancellable, callback, user_data);
}

CockpitAction *
cockpit_action_tracker_start_finish (CockpitActionTracker  *self,
                                     GAsyncResult          *result,
                                     GError               **error)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION_TRACKER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
