/* cockpit-refresh-queue.c: one refresh at a time, and the automatic refresh.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the session and the helpdesk share about refreshing in the
 * background: how many refreshes are on their way, whether one more was
 * asked for meanwhile, the timer of the automatic refresh, and the
 * callback of a refresh nobody waits for.
 */
#include "config.h"

#include "cockpit-refresh-queue-private.h"

/* A background refresh is wanted.  TRUE when it may start now; otherwise
 * it is remembered and runs once after the refreshes on their way. */
gboolean
_cockpit_refresh_queue_ask (CockpitRefreshQueue *queue)
{
  if (queue->running > 0)
    {
      queue->asked = TRUE;
      return FALSE;
    }
  return TRUE;
}

/* A refresh starts.  TRUE when it is the first on its way: the owner
 * starts loading. */
gboolean
_cockpit_refresh_queue_start (CockpitRefreshQueue *queue)
{
  return queue->running++ == 0;
}

/* A refresh ended, however it ended.  TRUE when it was the last on its
 * way: the owner stops loading. */
gboolean
_cockpit_refresh_queue_end (CockpitRefreshQueue *queue)
{
  g_assert (queue->running > 0);

  return --queue->running == 0;
}

/* TRUE, once, when the last refresh has ended and another was asked for
 * meanwhile: the owner runs it now. */
gboolean
_cockpit_refresh_queue_take_asked (CockpitRefreshQueue *queue)
{
  if (queue->running > 0 || !queue->asked)
    return FALSE;
  queue->asked = FALSE;
  return TRUE;
}

/* Calls @refresh with @owner every @seconds, or never for 0. */
void
_cockpit_refresh_queue_set_timer (CockpitRefreshQueue *queue,
                                  guint                seconds,
                                  GSourceFunc          refresh,
                                  gpointer             owner)
{
  g_clear_handle_id (&queue->timer_id, g_source_remove);
  if (seconds > 0)
    queue->timer_id = g_timeout_add_seconds (seconds, refresh, owner);
}

/* Stops the timer; the owner calls it when it is disposed. */
void
_cockpit_refresh_queue_clear (CockpitRefreshQueue *queue)
{
  g_clear_handle_id (&queue->timer_id, g_source_remove);
}

/* Ends a background refresh, a GTask of a boolean that nobody waits for:
 * its failure is already shown by the owner's properties. */
void
_cockpit_refresh_queue_log_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_debug ("%s refresh failed: %s", G_OBJECT_TYPE_NAME (object), error->message);
}
