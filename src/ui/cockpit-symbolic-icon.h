/* cockpit-symbolic-icon.h: a symbolic icon in its style's colour, for the rows of a list.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COCKPIT_TYPE_SYMBOLIC_ICON (cockpit_symbolic_icon_get_type ())
G_DECLARE_FINAL_TYPE (CockpitSymbolicIcon, cockpit_symbolic_icon, COCKPIT, SYMBOLIC_ICON, GtkWidget)

GtkWidget  *cockpit_symbolic_icon_new           (void);
const char *cockpit_symbolic_icon_get_icon_name (CockpitSymbolicIcon *self);
void        cockpit_symbolic_icon_set_icon_name (CockpitSymbolicIcon *self,
                                                 const char          *icon_name);

G_END_DECLS
