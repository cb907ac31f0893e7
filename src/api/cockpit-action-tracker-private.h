/* cockpit-action-tracker-private.h: hooks into the action tracker for crash tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-action-tracker.h"

G_BEGIN_DECLS

/* Called at named points of the tracker's work, so that a test driver can
 * stop the process exactly there (kill -9 itself):
 *
 *   "journal-save"   a new journal is written to its temporary file, not
 *                    yet renamed over the old one
 *   "after-journal"  an intent is journalled, its request not yet sent
 *   "before-answer"  the answer to a start request has come, and is not
 *                    yet handled
 */
typedef void (*CockpitActionTrackerHook) (CockpitActionTracker *self,
                                          const char           *point,
                                          gpointer              user_data);

void cockpit_action_tracker_set_hook (CockpitActionTracker     *self,
                                      CockpitActionTrackerHook  hook,
                                      gpointer                  user_data);

/* Reads the journal as the tracker does at resume, setting a damaged one
 * aside, and returns how many of its entries are this cockpit's; those
 * of other cockpits are counted in @n_others.  Nothing is followed. */
guint cockpit_action_tracker_read_journal (CockpitActionTracker *self,
                                           guint                *n_others);

G_END_DECLS
