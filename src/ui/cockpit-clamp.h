/* cockpit-clamp.h: a bin that keeps its child's width to a maximum, as AdwClamp does, without restyling it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define COCKPIT_TYPE_CLAMP (cockpit_clamp_get_type ())
/* An AdwBin: its child is adw_bin_set_child()'s, and "child" in a .ui file. */
G_DECLARE_FINAL_TYPE (CockpitClamp, cockpit_clamp, COCKPIT, CLAMP, AdwBin)

GtkWidget *cockpit_clamp_new                    (void);
int        cockpit_clamp_get_maximum_size       (CockpitClamp *self);
void       cockpit_clamp_set_maximum_size       (CockpitClamp *self,
                                                 int           maximum_size);
int        cockpit_clamp_get_tightening_threshold (CockpitClamp *self);
void       cockpit_clamp_set_tightening_threshold (CockpitClamp *self,
                                                   int           tightening_threshold);

G_END_DECLS
