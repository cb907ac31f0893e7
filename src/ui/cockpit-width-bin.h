/* cockpit-width-bin.h: a bin whose width does not depend on its height.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COCKPIT_TYPE_WIDTH_BIN (cockpit_width_bin_get_type ())
G_DECLARE_FINAL_TYPE (CockpitWidthBin, cockpit_width_bin, COCKPIT, WIDTH_BIN, GtkWidget)

GtkWidget *cockpit_width_bin_new       (void);
GtkWidget *cockpit_width_bin_get_child (CockpitWidthBin *self);
void       cockpit_width_bin_set_child (CockpitWidthBin *self,
                                        GtkWidget       *child);

G_END_DECLS
