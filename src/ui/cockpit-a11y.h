/* cockpit-a11y.h: accessible names GTK 4.8 does not compute well by itself.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void cockpit_a11y_name_buttons       (GtkWidget *root);
void cockpit_a11y_fix_library_widget (GtkWidget *root);
void cockpit_a11y_follow_stack       (GtkStack  *stack);

G_END_DECLS
