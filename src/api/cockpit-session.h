/* cockpit-session.h: one signed-in cockpit: its data, kept fresh and cached.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-action-tracker.h"
#include "cockpit-client.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_SESSION (cockpit_session_get_type ())

G_DECLARE_FINAL_TYPE (CockpitSession, cockpit_session, COCKPIT, SESSION, GObject)

/* @journal_path and @cache_dir may be NULL for the user's state and
 * cache folders. */
CockpitSession       *cockpit_session_new             (CockpitClient   *client,
                                                       const char      *journal_path,
                                                       const char      *cache_dir);
CockpitClient        *cockpit_session_get_client      (CockpitSession  *self);
CockpitActionTracker *cockpit_session_get_tracker     (CockpitSession  *self);

/* The packages (CockpitPackage) and releases (CockpitRelease).  The
 * lists and their objects stay the same across refreshes: they are
 * updated in place, so views bound to them stay bound. */
GListModel           *cockpit_session_get_packages    (CockpitSession  *self);
GListModel           *cockpit_session_get_releases    (CockpitSession  *self);
CockpitPackage       *cockpit_session_find_package    (CockpitSession  *self,
                                                       const char      *package_id);
CockpitUser          *cockpit_session_get_user        (CockpitSession  *self);

/* TRUE after the last refresh failed for want of a connection: what is
 * shown comes from the cache or an earlier refresh. */
gboolean              cockpit_session_get_offline     (CockpitSession  *self);
/* TRUE after the cockpit refused the token: it was revoked or expired. */
gboolean              cockpit_session_get_unauthorized (CockpitSession *self);
gboolean              cockpit_session_get_loading     (CockpitSession  *self);
/* When the data shown was loaded from the cockpit, or NULL. */
GDateTime            *cockpit_session_get_updated_at  (CockpitSession  *self);
/* The sentence of the last refresh error, or NULL. */
const char           *cockpit_session_get_error       (CockpitSession  *self);
gboolean              cockpit_session_get_from_cache  (CockpitSession  *self);

/* Fills the lists from the cache written by an earlier refresh, at once;
 * returns FALSE when there is none. */
gboolean              cockpit_session_load_cache      (CockpitSession  *self);

/* Loads everything again from the cockpit.  The finish reports the
 * error, which is also kept in the "error" property. */
void                  cockpit_session_refresh_async   (CockpitSession      *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean              cockpit_session_refresh_finish  (CockpitSession      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
/* Refreshes in the background; errors only go to the properties. */
void                  cockpit_session_refresh         (CockpitSession      *self);

/* The time the views count with (countdowns, what may be done now):
 * the real time, unless a test sets the cockpit's simulated clock. */
typedef GDateTime *(*CockpitSessionClockFunc) (gpointer data);

GDateTime            *cockpit_session_dup_now         (CockpitSession          *self);
void                  cockpit_session_set_clock       (CockpitSession          *self,
                                                       CockpitSessionClockFunc  func,
                                                       gpointer                 data,
                                                       GDestroyNotify           destroy);

/* Refreshes on its own every @seconds (0: never). */
void                  cockpit_session_set_auto_refresh (CockpitSession     *self,
                                                        guint               seconds);

G_END_DECLS
