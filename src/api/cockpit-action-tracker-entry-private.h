/* cockpit-action-tracker-entry-private.h: what the tracker's pieces share: fields, entries, journal.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From the bottom up, each file calling only those below it:
 * cockpit-action-intent.c is an intent as the journal keeps it,
 * cockpit-action-tracker-entry.c the entries and the calls that find
 * theirs again, cockpit-action-journal.c the journal file (it tells of a
 * damaged journal by what it returns), cockpit-action-tracker.c the
 * object, its signals and the following of actions with their follow-ups,
 * and cockpit-action-tracker-start.c the starting of intents.
 */
#pragma once

#include "cockpit-action-intent-private.h"
#include "cockpit-action-tracker-private.h"

G_BEGIN_DECLS

struct _CockpitActionTracker
{
  GObject parent_instance;

  CockpitClient   *client;
  char            *journal_path;
  GPtrArray       *entries;     /* Entry */
  GListStore      *actions;     /* CockpitAction being followed */
  GCancellable    *cancellable;
  GNetworkMonitor *monitor;         /* owned */
  gulong           monitor_handler;
  gboolean         loopback;
  guint            first_ms;
  guint            max_ms;
  char            *journal_problem;  /* for people, once the journal was damaged */

  /* For crash tests */
  CockpitActionTrackerHook hook;
  gpointer                 hook_data;
};

/* An intent being followed. */
typedef struct {
  CockpitIntent      intent;      /* what the journal keeps */
  CockpitAction     *action;
  guint              timeout_id;
  guint              interval_ms;
  gboolean           busy;        /* a request for this entry is out */
  gboolean           waiting;     /* paused while the network is down */
} Entry;

/* What a callback needs to find its entry again, if both still exist. */
typedef struct {
  GWeakRef  tracker;
  char     *key;
} Call;

/* Entries and calls (cockpit-action-tracker-entry.c) */
void      _cockpit_tracker_entry_free     (Entry                 *entry);
Entry    *_cockpit_tracker_find_entry     (CockpitActionTracker  *self,
                                           const char            *key);
Call     *_cockpit_tracker_call_new       (CockpitActionTracker  *self,
                                           Entry                 *entry);
void      _cockpit_tracker_call_free      (Call                  *call);
/* Returns the tracker and entry of a call, or FALSE when either is gone. */
gboolean  _cockpit_tracker_call_resolve   (Call                  *call,
                                           CockpitActionTracker **self,
                                           Entry                **entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, _cockpit_tracker_call_free)

/* The journal (cockpit-action-journal.c).  A damaged journal is set aside
 * by a read, or by the read a save begins with; @damage then gets the
 * sentence for people that the tracker tells, @aside the copy's path,
 * and both are NULL otherwise. */
GPtrArray *_cockpit_journal_read          (CockpitActionTracker  *self,
                                           JsonArray            **others,
                                           char                 **damage,
                                           char                 **aside);
gboolean   _cockpit_journal_save          (CockpitActionTracker  *self,
                                           char                 **damage,
                                           char                 **aside,
                                           GError               **error);
GError    *_cockpit_journal_error         (CockpitActionTracker  *self);
void       _cockpit_journal_clean_up      (CockpitActionTracker  *self);

/* Following (cockpit-action-tracker.c) */
/* Saves the journal, telling of a damaged one found on the way. */
gboolean  _cockpit_tracker_save_journal   (CockpitActionTracker  *self,
                                           GError               **error);
/* Sends the request of @entry, with the parameters it was journalled with. */
void      _cockpit_tracker_send_entry     (CockpitActionTracker  *self,
                                           Entry                 *entry,
                                           CockpitEnvironment    *environment,
                                           GCancellable          *cancellable,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data);
void      _cockpit_tracker_schedule       (CockpitActionTracker  *self,
                                           Entry                 *entry,
                                           guint                  delay_ms);
void      _cockpit_tracker_adopt_action   (CockpitActionTracker  *self,
                                           Entry                 *entry,
                                           CockpitAction         *action);
void      _cockpit_tracker_remove_entry   (CockpitActionTracker  *self,
                                           Entry                 *entry);

G_END_DECLS
