/* cockpit-action-tracker-entry-private.h: what the tracker's pieces share: fields, entries, journal.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cockpit-action-tracker.c is the object and the following of actions,
 * cockpit-action-tracker-start.c the starting of intents and follow-ups,
 * cockpit-action-journal.c the journal file, and cockpit-action-intent.c
 * an intent as the journal keeps it.
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

/* Entries and calls (cockpit-action-tracker.c) */
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

/* Following (cockpit-action-tracker.c) */
void      _cockpit_tracker_schedule       (CockpitActionTracker  *self,
                                           Entry                 *entry,
                                           guint                  delay_ms);
void      _cockpit_tracker_adopt_action   (CockpitActionTracker  *self,
                                           Entry                 *entry,
                                           CockpitAction         *action);
void      _cockpit_tracker_remove_entry   (CockpitActionTracker  *self,
                                           Entry                 *entry);
void      _cockpit_tracker_not_started    (CockpitActionTracker  *self,
                                           Entry                 *entry,
                                           const char            *message);
/* Keeps @message as the journal problem and emits "journal-damaged". */
void      _cockpit_tracker_report_damage  (CockpitActionTracker  *self,
                                           const char            *message,
                                           const char            *aside);

/* Starting (cockpit-action-tracker-start.c) */
void      _cockpit_tracker_start_followup (CockpitActionTracker  *self,
                                           Entry                 *entry,
                                           CockpitAction         *action);

/* The journal (cockpit-action-journal.c) */
GPtrArray *_cockpit_journal_read          (CockpitActionTracker  *self,
                                           JsonArray            **others);
gboolean   _cockpit_journal_save          (CockpitActionTracker  *self,
                                           GError               **error);
GError    *_cockpit_journal_error         (CockpitActionTracker  *self);
void       _cockpit_journal_clean_up      (CockpitActionTracker  *self);

G_END_DECLS
