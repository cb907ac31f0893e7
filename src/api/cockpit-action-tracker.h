/* cockpit-action-tracker.h: follows every running action until it ends, across restarts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-client.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_ACTION_TRACKER (cockpit_action_tracker_get_type ())

#define COCKPIT_ACTION_TRACKER_ERROR (cockpit_action_tracker_error_quark ())

typedef enum {
  /* The journal could not be written, so the action was not started. */
  COCKPIT_ACTION_TRACKER_ERROR_JOURNAL,
} CockpitActionTrackerError;

GQuark cockpit_action_tracker_error_quark (void);

G_DECLARE_FINAL_TYPE (CockpitActionTracker, cockpit_action_tracker, COCKPIT, ACTION_TRACKER, GObject)

/* @journal_path: where in-flight actions are written down; NULL for
 * $XDG_STATE_HOME/upgrade-cockpit/actions.json. */
CockpitActionTracker *cockpit_action_tracker_new          (CockpitClient         *client,
                                                           const char            *journal_path);
CockpitClient        *cockpit_action_tracker_get_client   (CockpitActionTracker  *self);
const char           *cockpit_action_tracker_get_journal_path (CockpitActionTracker *self);

/* Reads the journal and follows again every action it lists, reporting
 * those that ended while the app was closed.  Call once, after
 * connecting to the signals. */
void                  cockpit_action_tracker_resume       (CockpitActionTracker  *self);

/* NULL, or the sentence for people saying that the journal was damaged
 * and set aside (also given once by the "journal-damaged" signal). */
const char           *cockpit_action_tracker_get_journal_problem (CockpitActionTracker *self);

/* The actions being followed, as CockpitAction objects kept up to date. */
GListModel           *cockpit_action_tracker_get_actions  (CockpitActionTracker  *self);
CockpitAction        *cockpit_action_tracker_find_for_package (CockpitActionTracker *self,
                                                               const char           *package_id);
/* TRUE while an action of the package is being started or followed. */
gboolean              cockpit_action_tracker_is_busy      (CockpitActionTracker  *self,
                                                           const char            *package_id);

/* Starts one action for one user intent: the intent gets one
 * idempotency key and is journalled before it is sent, so it is neither
 * lost nor started twice.  A second start for a package that is busy
 * fails at once with COCKPIT_CLIENT_ERROR_PACKAGE_BUSY.
 * @target_version is for upgrades, @expires_at for extensions (NULL:
 * the longest possible).  When the journal cannot be written, nothing is
 * sent and the start fails with COCKPIT_ACTION_TRACKER_ERROR_JOURNAL, in
 * words for people. */
void                  cockpit_action_tracker_start_async  (CockpitActionTracker  *self,
                                                           CockpitEnvironment    *environment,
                                                           CockpitActionKind      kind,
                                                           const char            *target_version,
                                                           GDateTime             *expires_at,
                                                           GCancellable          *cancellable,
                                                           GAsyncReadyCallback    callback,
                                                           gpointer               user_data);
CockpitAction        *cockpit_action_tracker_start_finish (CockpitActionTracker  *self,
                                                           GAsyncResult          *result,
                                                           GError               **error);

/* Backs up @live, then — only when the backup succeeded — upgrades it to
 * @target_version.  Both steps are journalled, so the upgrade follows
 * even if the app was closed or crashed meanwhile.  Finishes with
 * cockpit_action_tracker_start_finish(), giving the backup action; the
 * upgrade shows up through "action-started", or "action-not-started"
 * with the reason when it will not happen. */
void                  cockpit_action_tracker_start_backup_then_upgrade_async (CockpitActionTracker *self,
                                                                              CockpitEnvironment   *live,
                                                                              const char           *target_version,
                                                                              GCancellable         *cancellable,
                                                                              GAsyncReadyCallback   callback,
                                                                              gpointer              user_data);

/* The network monitor that pauses polling while the network is down
 * (the default one unless set).  A cockpit on this machine is polled
 * regardless, unless @even_for_loopback (tests). */
void                  cockpit_action_tracker_set_network_monitor (CockpitActionTracker *self,
                                                                  GNetworkMonitor      *monitor,
                                                                  gboolean              even_for_loopback);

/* Polling intervals, for tests: first poll after @first_ms, then ×1.5
 * up to @max_ms. */
void                  cockpit_action_tracker_set_intervals (CockpitActionTracker *self,
                                                            guint                 first_ms,
                                                            guint                 max_ms);

G_END_DECLS
