/* cockpit-window.h: the main window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-application.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_WINDOW (cockpit_window_get_type ())

G_DECLARE_FINAL_TYPE (CockpitWindow, cockpit_window, COCKPIT, WINDOW, AdwApplicationWindow)

CockpitWindow *cockpit_window_new (CockpitApplication *app);

G_END_DECLS
