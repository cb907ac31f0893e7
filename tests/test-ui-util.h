/* test-ui-util.h: helpers shared by the widget tests: waiting for a draw, saving a screenshot.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Iterates the main context until @widget is mapped and its frame clock
 * has painted a frame drawn after this call. */
void cockpit_test_wait_for_draw     (GtkWidget  *widget);

/* Renders @widget on the window's background colour and saves it as
 * $G_TEST_BUILDDIR/screenshots/@name.png. */
void cockpit_test_save_screenshot   (GtkWidget  *widget,
                                     const char *name);

G_END_DECLS
