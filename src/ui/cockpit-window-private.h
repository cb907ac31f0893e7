/* cockpit-window-private.h: what tests may reach inside the main window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-fleet-view.h"
#include "cockpit-package-page.h"
#include "cockpit-window.h"

G_BEGIN_DECLS

void                cockpit_window_set_sign_in_text   (CockpitWindow *self,
                                                       const char    *url,
                                                       const char    *token);
/* The inline sign-in error, or NULL while none is shown. */
const char         *cockpit_window_get_sign_in_error  (CockpitWindow *self);
CockpitPackagePage *cockpit_window_get_package_page   (CockpitWindow *self);
/* The offline or error bar's text, or NULL while hidden. */
const char         *cockpit_window_get_status_text    (CockpitWindow *self);

/* Narrow windows: whether the list and the package are folded into one
 * page, whether the package (not the list) is shown, a row of the list,
 * and the list's side. */
gboolean            cockpit_window_get_folded         (CockpitWindow *self);
gboolean            cockpit_window_get_showing_content (CockpitWindow *self);
GtkWidget          *cockpit_window_get_package_row    (CockpitWindow *self,
                                                       guint          index);
GtkWidget          *cockpit_window_get_sidebar        (CockpitWindow *self);
GtkWidget          *cockpit_window_get_content        (CockpitWindow *self);

/* The primary menu, with its Demo section in demo mode. */
GMenuModel         *cockpit_window_get_main_menu      (CockpitWindow *self);
/* The clock moved (the minute timer; tests that move the clock). */
void                cockpit_window_tick               (CockpitWindow *self);
/* The text of the last toast shown, or NULL. */
const char         *cockpit_window_get_last_toast     (CockpitWindow *self);

/* Shows (or hides) the activity log of the package shown; returns its page. */
GtkWidget          *cockpit_window_show_activity      (CockpitWindow *self,
                                                       gboolean       show);

/* The fleet (every environment of every package): the first screen when
 * the session has more than COCKPIT_WINDOW_FLEET_FIRST packages, and
 * always reachable from the top of the sidebar and by Alt+Home. */
#define COCKPIT_WINDOW_FLEET_FIRST 5
void                cockpit_window_show_fleet         (CockpitWindow *self);
gboolean            cockpit_window_get_showing_fleet  (CockpitWindow *self);
CockpitFleetView   *cockpit_window_get_fleet_view     (CockpitWindow *self);

/* cockpit-window-actions.c: the user actions, "win." and the name of a
 * CockpitUserAction, and the one function that enables them. */
void                _cockpit_window_class_actions_init (CockpitWindowClass *klass);
void                _cockpit_window_actions_update     (CockpitWindow      *self);
/* Does @action for the package shown if the model allows it now, or
 * says why not in a toast. */
void                _cockpit_window_actions_activate   (CockpitWindow      *self,
                                                        CockpitUserAction   action);
void                _cockpit_window_actions_dispose    (CockpitWindow      *self);

G_END_DECLS
