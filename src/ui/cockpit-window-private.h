/* cockpit-window-private.h: what tests may reach inside the main window, and what its files share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-clamp.h"
#include "cockpit-fleet-view.h"
#include "cockpit-helpdesk-button.h"
#include "cockpit-package-page.h"
#include "cockpit-sign-in-page.h"
#include "cockpit-window.h"

/* How long loading lasts before the loading page shows a spinner. */
#define LOADING_SPINNER_DELAY_MS 800

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

/* Between the window's files: cockpit-window.c (the window, its size and
 * narrow layout, the minute timer), cockpit-window-session.c (what it
 * shows of the application's state), cockpit-window-sign-in.c (the
 * sign-in page), cockpit-window-sidebar.c (the sidebar and what it opens)
 * and cockpit-window-actions.c (the user's actions on a package). */

struct _CockpitWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *main_stack;
  AdwBin              *sign_in_bin;
  CockpitSignInPage   *sign_in_page;  /* NULL until the sign-in page is first shown */
  GtkSpinner          *loading_spinner;
  AdwBin              *packages_bin;
  /* The packages page (resources/ui/cockpit-window-packages.ui): all NULL
   * until the window first has a session. */
  AdwLeaflet          *leaflet;
  CockpitClamp        *sidebar_clamp;
  GtkWidget           *sidebar;
  GtkWidget           *content;
  GtkListBox          *package_list;
  GtkRevealer         *offline_revealer;
  GtkLabel            *offline_label;
  AdwWindowTitle      *sidebar_title;
  AdwWindowTitle      *content_title;
  GtkWidget           *demo_badge;
  GtkStack            *content_stack;
  AdwStatusPage       *empty_status;
  CockpitPackagePage  *package_page;
  CockpitHelpdeskButton *helpdesk_button;
  GtkToggleButton     *activity_button;
  GtkWidget           *refresh_button;
  GtkWidget           *header_menu_button;
  GMenuModel          *header_menu;
  AdwBin              *activity_bin;
  GtkMenuButton       *main_menu_button;
  GMenuModel          *main_menu;
  GMenuModel          *demo_menu;
  GtkListBox          *fleet_list;
  AdwBin              *fleet_bin;
  CockpitFleetView    *fleet_view;   /* NULL until All Environments is first shown */

  /* Owned references */
  CockpitSession      *session;
  /* What the application says of its state (the window's properties) */
  GSettings           *settings;
  CockpitHelpdesk     *helpdesk;
  char                *app_sign_in_error;
  gboolean             busy;
  gboolean             demo;
  char                *wanted_package;
  char                *activity_package_id;  /* whose activity log the page shows */
  GMenuModel          *demo_main_menu;
  gboolean             signing_in;
  guint                minute_id;
  guint                spin_id;         /* the loading spinner, once loading is slow */
  char                *last_toast;     /* for tests */
  gboolean             showing_fleet;
  gboolean             first_screen_chosen;
};

/* The window's files call one another one way only, from the top down:
 * cockpit-window.c (the object) uses them all; -session.c uses the
 * sidebar and the availability; -actions.c uses the sidebar and the
 * availability; -sidebar.c uses the availability; -availability.c and
 * -sign-in.c use none. */

/* cockpit-window-session.c: follows the session, sign-in error, busy
 * state and demo mode the application gives the window. */
void                _cockpit_window_update_page        (CockpitWindow      *self);
void                _cockpit_window_set_session        (CockpitWindow      *self,
                                                        CockpitSession     *session);
/* The main menu the window shows: with its Demo section in demo mode. */
GMenuModel         *_cockpit_window_get_wanted_main_menu (CockpitWindow    *self);
/* The main menu button's GtkMenuButtonCreatePopupFunc. */
void                _cockpit_window_create_main_menu_cb (GtkMenuButton     *button,
                                                        gpointer           user_data);

/* Each room's _cockpit_window_class_*_init() binds its template callbacks
 * and installs its actions; cockpit_window_class_init() calls them.  The
 * packages page is not in the template: until the window first has a
 * session its widgets are NULL, and what follows the application's state
 * (the helpdesk, the demo's menu, the clock, the actions) skips them. */

/* cockpit-window-sign-in.c */
void                _cockpit_window_class_sign_in_init (CockpitWindowClass *klass);
void                _cockpit_window_update_sign_in_action (CockpitWindow   *self);
/* Makes the sign-in page if it is not made yet. */
CockpitSignInPage  *_cockpit_window_ensure_sign_in_page (CockpitWindow     *self);

/* cockpit-window-sidebar.c: the list's rows, and what to show when the
 * packages change. */
void                _cockpit_window_class_sidebar_init (CockpitWindowClass *klass);
void                _cockpit_window_sidebar_init       (CockpitWindow      *self);
/* The handlers the packages page's file names that are the sidebar's. */
void                _cockpit_window_sidebar_add_callbacks (GtkBuilderCScope *scope);
GtkWidget          *_cockpit_window_create_package_row (gpointer            item,
                                                        gpointer            user_data);
void                _cockpit_window_packages_changed_cb (GListModel        *packages,
                                                         guint              position,
                                                         guint              removed,
                                                         guint              added,
                                                         CockpitWindow     *self);

/* cockpit-window-availability.c: the one function that enables the user
 * actions ("win." and the name of a CockpitUserAction) from the model's
 * answer for the package shown. */
void                _cockpit_window_actions_update     (CockpitWindow      *self);
void                _cockpit_window_actions_dispose    (CockpitWindow      *self);

/* cockpit-window-actions.c: the user actions themselves. */
void                _cockpit_window_class_actions_init (CockpitWindowClass *klass);
void                _cockpit_window_actions_init       (CockpitWindow      *self);
/* Does @action for the package shown if the model allows it now, or
 * says why not in a toast. */
void                _cockpit_window_actions_activate   (CockpitWindow      *self,
                                                        CockpitUserAction   action);

G_END_DECLS
