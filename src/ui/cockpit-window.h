/* cockpit-window.h: the main window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-application.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_WINDOW (cockpit_window_get_type ())

G_DECLARE_FINAL_TYPE (CockpitWindow, cockpit_window, COCKPIT, WINDOW, AdwApplicationWindow)

CockpitWindow *cockpit_window_new           (CockpitApplication *app);
void           cockpit_window_show_toast    (CockpitWindow      *self,
                                             const char         *text);
/* Shows the page of a package, by id. */
void           cockpit_window_show_package  (CockpitWindow      *self,
                                             const char         *package_id);
/* The name of the page shown: "sign-in", "loading", "packages" or "empty". */
const char    *cockpit_window_get_page_name (CockpitWindow      *self);

G_END_DECLS
