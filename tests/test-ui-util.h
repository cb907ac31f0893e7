/* test-ui-util.h: helpers shared by the widget tests: waiting for a draw, saving a screenshot, finding a widget, ticking a checklist.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Iterates the main context until @widget is mapped and its frame clock
 * has painted a frame drawn after this call. */
void       cockpit_test_wait_for_draw   (GtkWidget  *widget);

/* Renders @widget on the window's background colour and saves it as
 * $G_TEST_BUILDDIR/screenshots/@name.png. */
void       cockpit_test_save_screenshot (GtkWidget  *widget,
                                         const char *name);

/* The first descendant of @widget of @type, with @css_class if not
 * NULL, depth first; NULL when there is none. */
GtkWidget *cockpit_test_find_descendant (GtkWidget  *widget,
                                         GType       type,
                                         const char *css_class);

/* Ticks the first @n items of @checks, a checklist of AdwActionRows
 * whose activatable widget is a GtkCheckButton, as a person does: by
 * activating the rows not ticked yet. */
void       cockpit_test_tick_checklist  (GtkListBox *checks,
                                         guint       n);

G_END_DECLS
