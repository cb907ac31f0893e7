/* cockpit-demo.h: the demo mode: the built-in simulator and what the Demo menu does to it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-session.h"
#include "cockpit-simulator.h"

G_BEGIN_DECLS

/* Stage durations of the Demo menu's two speeds. */
#define COCKPIT_DEMO_REALISTIC_STAGE_SECONDS 20.0
#define COCKPIT_DEMO_FAST_STAGE_SECONDS       2.0

#define COCKPIT_TYPE_DEMO (cockpit_demo_get_type ())

G_DECLARE_FINAL_TYPE (CockpitDemo, cockpit_demo, COCKPIT, DEMO, GObject)

/* Starts the demo cockpit on a free loopback port with a fresh random
 * token.  Its state is kept in @data_dir (NULL: the user's data folder),
 * its action journal in @state_dir (NULL: the user's state folder).
 * Fails when another demo holds the state file. */
CockpitDemo      *cockpit_demo_new            (const char   *data_dir,
                                               const char   *state_dir,
                                               GError      **error);
CockpitSimulator *cockpit_demo_get_simulator  (CockpitDemo  *self);
/* A new session signed in to the demo cockpit. */
CockpitSession   *cockpit_demo_create_session (CockpitDemo  *self);

/* The demo cockpit's clock, as a CockpitClockFunc: the views count with
 * it, so skipping ahead moves countdowns too. */
GDateTime        *cockpit_demo_get_now        (gpointer      self);

/* Fast (2 s) or realistic (20 s) stages, for actions started from now on. */
gboolean          cockpit_demo_get_fast       (CockpitDemo  *self);
void              cockpit_demo_set_fast       (CockpitDemo  *self,
                                               gboolean      fast);

/* Moves the demo cockpit's clock forward; what falls due meanwhile
 * happens, in order. */
void              cockpit_demo_skip_ahead     (CockpitDemo  *self,
                                               gint64        seconds);
/* The next action that reaches @stage fails there. */
void              cockpit_demo_fail_next      (CockpitDemo  *self,
                                               CockpitStageName stage);
/* Back to the seed.  Call with no session of the demo open: the action
 * journal of the demo is emptied as well. */
gboolean          cockpit_demo_reset          (CockpitDemo  *self,
                                               GError      **error);

G_END_DECLS
