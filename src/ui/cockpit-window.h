/* cockpit-window.h: the main window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cockpit-helpdesk.h"
#include "cockpit-session.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_WINDOW (cockpit_window_get_type ())

G_DECLARE_FINAL_TYPE (CockpitWindow, cockpit_window, COCKPIT, WINDOW, AdwApplicationWindow)

/* A window of @app, with its size and the cockpit's address kept in
 * @settings.  What it shows of the application's state comes through its
 * properties ("session", "helpdesk", "sign-in-error", "busy", "demo"),
 * which the application binds; it asks to sign in with its ::sign-in
 * signal and is told the answer by cockpit_window_sign_in_done(). */
CockpitWindow *cockpit_window_new           (GtkApplication     *app,
                                             GSettings          *settings);
/* The answer to ::sign-in: NULL when signed in, else the error to show. */
void           cockpit_window_sign_in_done  (CockpitWindow      *self,
                                             const GError       *error);
void           cockpit_window_show_toast    (CockpitWindow      *self,
                                             const char         *text);
/* Shows the page of a package, by id. */
void           cockpit_window_show_package  (CockpitWindow      *self,
                                             const char         *package_id);
/* The name of the page shown: "sign-in", "loading", "packages" or "empty". */
const char    *cockpit_window_get_page_name (CockpitWindow      *self);

G_END_DECLS
