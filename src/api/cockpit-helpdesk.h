/* cockpit-helpdesk.h: the helpdesk notifications of one cockpit, kept fresh, with unread counts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-client.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_HELPDESK (cockpit_helpdesk_get_type ())

G_DECLARE_FINAL_TYPE (CockpitHelpdesk, cockpit_helpdesk, COCKPIT, HELPDESK, GObject)

/* @state_path: where the ids of the critical notifications already
 * announced are kept; NULL for
 * $XDG_STATE_HOME/upgrade-cockpit/helpdesk-seen.json. */
CockpitHelpdesk *cockpit_helpdesk_new                (CockpitClient        *client,
                                                      const char           *state_path);
CockpitClient   *cockpit_helpdesk_get_client         (CockpitHelpdesk      *self);
const char      *cockpit_helpdesk_get_state_path     (CockpitHelpdesk      *self);

/* The notifications that are not archived, as CockpitNotification
 * objects, newest first.  The list and its objects stay the same across
 * refreshes: they are updated in place, so views bound to them stay
 * bound. */
GListModel      *cockpit_helpdesk_get_notifications  (CockpitHelpdesk      *self);
/* The notification with @id in the list, or NULL. */
CockpitNotification *cockpit_helpdesk_find           (CockpitHelpdesk      *self,
                                                      const char           *id);

/* How many notifications of @severity in the list are unread; also the
 * properties "unread-critical", "unread-warning" and "unread-info". */
guint            cockpit_helpdesk_get_unread         (CockpitHelpdesk      *self,
                                                      CockpitSeverity       severity);
guint            cockpit_helpdesk_get_unread_total   (CockpitHelpdesk      *self);

gboolean         cockpit_helpdesk_get_loading        (CockpitHelpdesk      *self);
/* Whether a refresh has ended, with the list or with an error: before,
 * an empty list says nothing.  Also the property "loaded". */
gboolean         cockpit_helpdesk_get_loaded         (CockpitHelpdesk      *self);
/* The sentence of the last refresh error, or NULL. */
const char      *cockpit_helpdesk_get_error          (CockpitHelpdesk      *self);

/* Loads the notifications again.  Critical unread notifications seen
 * for the first time are announced with "new-critical" afterwards. */
void             cockpit_helpdesk_refresh_async      (CockpitHelpdesk      *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean         cockpit_helpdesk_refresh_finish     (CockpitHelpdesk      *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
/* Refreshes in the background; errors only go to the "error" property.
 * A refresh asked for while one runs runs once afterwards. */
void             cockpit_helpdesk_refresh            (CockpitHelpdesk      *self);
/* Refreshes on its own every @seconds (0: never). */
void             cockpit_helpdesk_set_auto_refresh   (CockpitHelpdesk      *self,
                                                      guint                 seconds);

/* The three changes below show in the list at once; when the cockpit
 * refuses, they are undone and the finish returns the error, whose
 * message says in words what failed. */
void             cockpit_helpdesk_mark_read_async    (CockpitHelpdesk      *self,
                                                      CockpitNotification  *notification,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean         cockpit_helpdesk_mark_read_finish   (CockpitHelpdesk      *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* Marks every unread notification of the list as read. */
void             cockpit_helpdesk_mark_all_read_async  (CockpitHelpdesk    *self,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
gboolean         cockpit_helpdesk_mark_all_read_finish (CockpitHelpdesk    *self,
                                                        GAsyncResult       *result,
                                                        GError            **error);

/* Removes the notification from the list and archives it. */
void             cockpit_helpdesk_archive_async      (CockpitHelpdesk      *self,
                                                      CockpitNotification  *notification,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean         cockpit_helpdesk_archive_finish     (CockpitHelpdesk      *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
