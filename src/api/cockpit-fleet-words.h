/* cockpit-fleet-words.h: what a row of All Environments says, column by column, in words.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-fleet-row.h"

G_BEGIN_DECLS

/* The narrow list's two-line row rather than one column. */
#define COCKPIT_FLEET_TWO_LINE COCKPIT_FLEET_N_COLUMNS

typedef struct {
  char     *title;     /* "—" when there is nothing to say */
  char     *subtitle;  /* the second line, or NULL */
  char     *tooltip;   /* the reasons it needs attention, a time in words, or NULL */
  gboolean  error;     /* said as a problem */
  gboolean  icon;      /* with the attention icon */
} CockpitFleetWords;

/* Fills @words for @row in @column, a CockpitFleetColumn or
 * COCKPIT_FLEET_TWO_LINE. */
void cockpit_fleet_words_init  (CockpitFleetWords *words,
                                CockpitFleetRow   *row,
                                guint              column);
void cockpit_fleet_words_clear (CockpitFleetWords *words);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CockpitFleetWords, cockpit_fleet_words_clear)

G_END_DECLS
