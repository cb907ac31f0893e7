/* cockpit-text-cell.h: one line of text, shortened with "…" to the width it is given; its size does not depend on its text.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COCKPIT_TYPE_TEXT_CELL (cockpit_text_cell_get_type ())
G_DECLARE_FINAL_TYPE (CockpitTextCell, cockpit_text_cell, COCKPIT, TEXT_CELL, GtkWidget)

GtkWidget  *cockpit_text_cell_new      (void);
const char *cockpit_text_cell_get_text (CockpitTextCell *self);
void        cockpit_text_cell_set_text (CockpitTextCell *self,
                                        const char      *text);

G_END_DECLS
