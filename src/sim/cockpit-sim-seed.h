/* cockpit-sim-seed.h: the data a new simulator starts with.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-sim-state.h"

G_BEGIN_DECLS

/* How many days before today the latest LTS release (6.3.21) is placed:
 * every release date is shifted by the same whole number of days, so a
 * demo always shows an LTS deadline (60 days) that is due soon. */
#define COCKPIT_SIM_LTS_AGE_DAYS 40

/* Fills an empty @state with @seed, with times relative to @now.  The
 * same @seed and @now give the same data. */
void cockpit_sim_seed_fill (CockpitSimState *state,
                            CockpitSimSeed   seed,
                            gint64           now);

G_END_DECLS
