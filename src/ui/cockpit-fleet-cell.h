/* cockpit-fleet-cell.h: one cell of the fleet's table, or one two-line row of its narrow list.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cockpit-fleet-words.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_FLEET_CELL (cockpit_fleet_cell_get_type ())

G_DECLARE_FINAL_TYPE (CockpitFleetCell, cockpit_fleet_cell, COCKPIT, FLEET_CELL, GtkWidget)

/* The two-line row of the narrow list rather than one column. */
#define COCKPIT_FLEET_CELL_TWO_LINE COCKPIT_FLEET_TWO_LINE

/* @column: a CockpitFleetColumn, or COCKPIT_FLEET_CELL_TWO_LINE. */
GtkWidget       *cockpit_fleet_cell_new                (guint             column);
/* Shows @row (NULL: nothing) and follows its "changed" signal. */
void             cockpit_fleet_cell_set_row            (CockpitFleetCell *self,
                                                        CockpitFleetRow  *row);
CockpitFleetRow *cockpit_fleet_cell_get_row            (CockpitFleetCell *self);
guint            cockpit_fleet_cell_get_column         (CockpitFleetCell *self);
const char      *cockpit_fleet_cell_get_text           (CockpitFleetCell *self);
/* The second line, or NULL when there is none. */
const char      *cockpit_fleet_cell_get_subtitle       (CockpitFleetCell *self);
/* What its tooltip says (the reason it needs attention, the time in
 * words), or NULL. */
const char      *cockpit_fleet_cell_get_tooltip        (CockpitFleetCell *self);

/* How many times cells of any row have been drawn, for the benchmark and
 * the tests that check a change redraws one row. */
guint            cockpit_fleet_cell_get_snapshot_count (void);

G_END_DECLS
