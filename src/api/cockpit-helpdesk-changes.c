/* cockpit-helpdesk-changes.c: marking notifications read, archiving them; undone if refused.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cockpit-helpdesk-list-private.h"

/* The client's sentence, after one that names what failed. */
static GError *
explain (const GError *error,
         const char   *what)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  /* Translators: the first %s says what failed, the second why. */
  return g_error_new (error->domain, error->code, _("%s %s"), what, error->message);
}

static void
confirm (CockpitHelpdesk *self,
         GHashTable      *changes,
         const char      *id)
{
  g_hash_table_insert (changes, g_strdup (id), GUINT_TO_POINTER (self->refresh_serial));
}

/* The task of one change of @notification, listed in @changes as in
 * flight; NULL, the task ended at once, when the change is @done already. */
static GTask *
change_task_new (CockpitHelpdesk     *self,
                 CockpitNotification *notification,
                 GHashTable          *changes,
                 gboolean             done,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data,
                 gpointer             source_tag)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_object_ref (notification), g_object_unref);

  if (done)
    {
      g_task_return_boolean (task, TRUE);
      return NULL;
    }

  g_hash_table_insert (changes, g_strdup (cockpit_notification_get_id (notification)),
                       GUINT_TO_POINTER (IN_FLIGHT));
  return g_steal_pointer (&task);
}

/* Reads the cockpit's answer to the change in @task.  TRUE, the task
 * ended, when it was confirmed; otherwise the change leaves @changes and
 * the caller undoes it, then calls return_refused(). */
static gboolean
change_confirmed (GTask         *task,
                  GHashTable    *changes,
                  GObject       *client,
                  GAsyncResult  *result,
                  GError       **error)
{
  CockpitHelpdesk *self = g_task_get_source_object (task);
  CockpitNotification *notification = g_task_get_task_data (task);
  const char *id = cockpit_notification_get_id (notification);

  if (cockpit_client_notification_finish (COCKPIT_CLIENT (client), result, error))
    {
      confirm (self, changes, id);
      g_task_return_boolean (task, TRUE);
      return TRUE;
    }

  g_hash_table_remove (changes, id);
  return FALSE;
}

/* Ends @task with @error after a sentence, made of @format, that says
 * what failed; the counts follow the undone change. */
static void return_refused (GTask        *task,
                            const GError *error,
                            const char   *format,
                            ...) G_GNUC_PRINTF (3, 4);

static void
return_refused (GTask        *task,
                const GError *error,
                const char   *format,
                ...)
{
  g_autofree char *what = NULL;
  va_list args;

  _cockpit_helpdesk_update_counts (g_task_get_source_object (task));
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_task_return_error (task, explain (error, what));
}

static void
mark_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CockpitHelpdesk *self = g_task_get_source_object (task);
  CockpitNotification *notification = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (change_confirmed (task, self->reads, object, result, &error))
    return;

  cockpit_notification_set_read (notification, FALSE);
  return_refused (task, error, _("Could not mark “%s” as read."),
                  cockpit_notification_get_title (notification));
}

void
cockpit_helpdesk_mark_read_async (CockpitHelpdesk     *self,
                                  CockpitNotification *notification,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *id;

  g_return_if_fail (COCKPIT_IS_HELPDESK (self));
  g_return_if_fail (COCKPIT_IS_NOTIFICATION (notification));
  g_return_if_fail (cockpit_notification_get_id (notification) != NULL);

  task = change_task_new (self, notification, self->reads,
                          cockpit_notification_get_read (notification),
                          cancellable, callback, user_data, cockpit_helpdesk_mark_read_async);
  if (task == NULL)
    return;

  id = cockpit_notification_get_id (notification);
  cockpit_notification_set_read (notification, TRUE);
  _cockpit_helpdesk_update_counts (self);
  cockpit_client_mark_notification_read_async (self->client, id, cancellable,
                                               mark_read_cb, g_steal_pointer (&task));
}

gboolean
cockpit_helpdesk_mark_read_finish (CockpitHelpdesk  *self,
                                   GAsyncResult     *result,
                                   GError          **error)
{
  return _cockpit_helpdesk_finish (self, result, error);
}

typedef struct {
  guint   pending;
  guint   failed;
  GError *error;   /* the first failure */
} MarkAll;

static void
mark_all_free (MarkAll *mark_all)
{
  g_clear_error (&mark_all->error);
  g_free (mark_all);
}

typedef struct {
  GTask               *task;
  CockpitNotification *notification;
} MarkOne;

static void
mark_one_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  MarkOne *one = user_data;
  g_autoptr(GTask) task = one->task;
  g_autoptr(CockpitNotification) notification = one->notification;
  CockpitHelpdesk *self = g_task_get_source_object (task);
  MarkAll *mark_all = g_task_get_task_data (task);
  const char *id = cockpit_notification_get_id (notification);
  GError *error = NULL;

  g_free (one);

  if (cockpit_client_notification_finish (COCKPIT_CLIENT (object), result, &error))
    confirm (self, self->reads, id);
  else
    {
      g_hash_table_remove (self->reads, id);
      cockpit_notification_set_read (notification, FALSE);
      _cockpit_helpdesk_update_counts (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        mark_all->failed++;
      /* Keep the first failure, or one that says more than "cancelled". */
      if (mark_all->error == NULL ||
          (g_error_matches (mark_all->error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
           !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)))
        {
          g_clear_error (&mark_all->error);
          mark_all->error = error;
        }
      else
        g_error_free (error);
    }

  if (--mark_all->pending > 0)
    return;

  if (mark_all->error == NULL)
    g_task_return_boolean (task, TRUE);
  else if (mark_all->failed == 0)
    g_task_return_error (task, g_steal_pointer (&mark_all->error));
  else
    {
      g_autofree char *what = NULL;

      what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Could not mark %u notification as read.",
                                           "Could not mark %u notifications as read.",
                                           mark_all->failed),
                              mark_all->failed);
      g_task_return_error (task, explain (mark_all->error, what));
    }
}

void
cockpit_helpdesk_mark_all_read_async (CockpitHelpdesk     *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GListModel *list;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) unread = g_ptr_array_new_with_free_func (g_object_unref);
  MarkAll *mark_all;

  g_return_if_fail (COCKPIT_IS_HELPDESK (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cockpit_helpdesk_mark_all_read_async);
  mark_all = g_new0 (MarkAll, 1);
  g_task_set_task_data (task, mark_all, (GDestroyNotify) mark_all_free);

  list = G_LIST_MODEL (self->notifications);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      CockpitNotification *notification = g_list_model_get_item (list, i);

      if (!cockpit_notification_get_read (notification))
        g_ptr_array_add (unread, notification);
      else
        g_object_unref (notification);
    }

  if (unread->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* All at once in the list, then one request each. */
  mark_all->pending = unread->len;
  for (guint i = 0; i < unread->len; i++)
    {
      CockpitNotification *notification = g_ptr_array_index (unread, i);

      g_hash_table_insert (self->reads, g_strdup (cockpit_notification_get_id (notification)),
                           GUINT_TO_POINTER (IN_FLIGHT));
      cockpit_notification_set_read (notification, TRUE);
    }
  _cockpit_helpdesk_update_counts (self);

  for (guint i = 0; i < unread->len; i++)
    {
      MarkOne *one = g_new0 (MarkOne, 1);

      one->task = g_object_ref (task);
      one->notification = g_object_ref (g_ptr_array_index (unread, i));
      cockpit_client_mark_notification_read_async (self->client, cockpit_notification_get_id (one->notification),
                                                   cancellable, mark_one_cb, one);
    }
}

gboolean
cockpit_helpdesk_mark_all_read_finish (CockpitHelpdesk  *self,
                                       GAsyncResult     *result,
                                       GError          **error)
{
  return _cockpit_helpdesk_finish (self, result, error);
}

static void
archive_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CockpitHelpdesk *self = g_task_get_source_object (task);
  CockpitNotification *notification = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  guint position;

  if (change_confirmed (task, self->archives, object, result, &error))
    return;

  cockpit_notification_set_archived (notification, FALSE);
  if (!_cockpit_helpdesk_find_position (self, notification, &position))
    _cockpit_helpdesk_insert_sorted (self, notification);
  return_refused (task, error, _("Could not archive “%s”."),
                  cockpit_notification_get_title (notification));
}

void
cockpit_helpdesk_archive_async (CockpitHelpdesk     *self,
                                CockpitNotification *notification,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *id;
  guint position;

  g_return_if_fail (COCKPIT_IS_HELPDESK (self));
  g_return_if_fail (COCKPIT_IS_NOTIFICATION (notification));
  g_return_if_fail (cockpit_notification_get_id (notification) != NULL);

  task = change_task_new (self, notification, self->archives,
                          cockpit_notification_get_archived (notification),
                          cancellable, callback, user_data, cockpit_helpdesk_archive_async);
  if (task == NULL)
    return;

  id = cockpit_notification_get_id (notification);
  cockpit_notification_set_archived (notification, TRUE);
  if (_cockpit_helpdesk_find_position (self, notification, &position))
    g_list_store_remove (self->notifications, position);
  _cockpit_helpdesk_update_counts (self);
  cockpit_client_archive_notification_async (self->client, id, cancellable,
                                             archive_cb, g_steal_pointer (&task));
}

gboolean
cockpit_helpdesk_archive_finish (CockpitHelpdesk  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  return _cockpit_helpdesk_finish (self, result, error);
}
