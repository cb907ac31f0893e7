/* cockpit-refresh-queue-private.h: one refresh at a time, and the automatic refresh.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session and the helpdesk each load their data again in the
 * background, on a timer and whenever something changed.  Both run one
 * such refresh at a time and run a refresh asked for meanwhile once, after
 * the last on its way ended.  A CockpitRefreshQueue, a field of its owner,
 * keeps that count and that timer; the owner keeps its own "loading"
 * property and starts its own refreshes.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  guint    running;   /* refreshes on their way */
  gboolean asked;     /* a background refresh asked for while they ran */
  guint    timer_id;  /* the automatic refresh */
} CockpitRefreshQueue;

gboolean  _cockpit_refresh_queue_ask        (CockpitRefreshQueue *queue);
gboolean  _cockpit_refresh_queue_start      (CockpitRefreshQueue *queue);
gboolean  _cockpit_refresh_queue_end        (CockpitRefreshQueue *queue);
gboolean  _cockpit_refresh_queue_take_asked (CockpitRefreshQueue *queue);
void      _cockpit_refresh_queue_set_timer  (CockpitRefreshQueue *queue,
                                             guint                seconds,
                                             GSourceFunc          refresh,
                                             gpointer             owner);
void      _cockpit_refresh_queue_clear      (CockpitRefreshQueue *queue);
void      _cockpit_refresh_queue_log_cb     (GObject             *object,
                                             GAsyncResult        *result,
                                             gpointer             user_data);

G_END_DECLS
