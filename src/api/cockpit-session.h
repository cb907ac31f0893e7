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

/* Upgrade plans.  The session keeps, for each package, the plan to show:
 * its active plan, or else the last plan this session saw end (fetched
 * when it left the package's active_plan), and says what happened. */
typedef enum {
  COCKPIT_PLAN_EVENT_APPROVAL_NEEDED,  /* a step waits for the user's approval */
  COCKPIT_PLAN_EVENT_STEP_STARTED,     /* the cockpit started a step by itself (a soak gate, the start time) */
  COCKPIT_PLAN_EVENT_SUCCEEDED,
  COCKPIT_PLAN_EVENT_FAILED,
  COCKPIT_PLAN_EVENT_CANCELLED,
} CockpitPlanEvent;

/* Signals:
 *   "plan-changed" (CockpitPackage *package): the plan to show for the
 *     package changed (a new one, a step moved on, it ended).
 *   "plan-event" (CockpitPackage *package, CockpitPlan *plan,
 *     CockpitPlanEvent event): something to tell the user, once per
 *     plan and step.  APPROVAL_NEEDED is also said for a plan found
 *     waiting by the first load, so that an app started at log-in tells
 *     of a gate that opened while it was not running. */

/* Transfer none; NULL when there is no plan to show. */
CockpitPlan          *cockpit_session_get_plan        (CockpitSession      *self,
                                                       CockpitPackage      *package);
/* The active or last seen plan with that id, or NULL.  Transfer none. */
CockpitPlan          *cockpit_session_find_plan       (CockpitSession      *self,
                                                       const char          *plan_id);
/* Each updates the package's plan from the answer at once, and refreshes. */
void                  cockpit_session_create_plan_async (CockpitSession           *self,
                                                         CockpitPackage           *package,
                                                         const CockpitPlanRequest *request,
                                                         const char               *idempotency_key,
                                                         GCancellable             *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
void                  cockpit_session_approve_plan_async (CockpitSession     *self,
                                                          const char         *plan_id,
                                                          GCancellable       *cancellable,
                                                          GAsyncReadyCallback callback,
                                                          gpointer            user_data);
void                  cockpit_session_cancel_plan_async (CockpitSession      *self,
                                                         const char          *plan_id,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
/* Finishes any of the three plan calls above. */
CockpitPlan          *cockpit_session_plan_finish     (CockpitSession      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Refreshes on its own every @seconds (0: never). */
void                  cockpit_session_set_auto_refresh (CockpitSession     *self,
                                                        guint               seconds);

G_END_DECLS
