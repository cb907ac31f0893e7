/* cockpit-application.h: the Upgrade Cockpit application object.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cockpit-helpdesk.h"
#include "cockpit-session.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_APPLICATION (cockpit_application_get_type ())

G_DECLARE_FINAL_TYPE (CockpitApplication, cockpit_application, COCKPIT, APPLICATION, AdwApplication)

CockpitApplication *cockpit_application_new            (void);

/* The signed-in cockpit, or NULL while signed out. */
CockpitSession     *cockpit_application_get_session    (CockpitApplication *self);
/* Makes @session the signed-in cockpit: loads its cache, refreshes it,
 * resumes its actions.  Tests use it with their own simulator. */
void                cockpit_application_set_session    (CockpitApplication *self,
                                                        CockpitSession     *session);
gboolean            cockpit_application_get_demo       (CockpitApplication *self);
/* The helpdesk notifications of the session, or NULL while signed out. */
CockpitHelpdesk    *cockpit_application_get_helpdesk   (CockpitApplication *self);
GSettings          *cockpit_application_get_settings   (CockpitApplication *self);

/* Checks @url and @token with the cockpit, stores the token in the
 * keyring and the URL in the settings, then signs in. */
void                cockpit_application_sign_in_async  (CockpitApplication  *self,
                                                        const char          *url,
                                                        const char          *token,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean            cockpit_application_sign_in_finish (CockpitApplication  *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* The sentence shown on the sign-in page after an automatic sign-in
 * failed, or NULL. */
const char         *cockpit_application_get_sign_in_error (CockpitApplication *self);

/* TRUE while signing in by itself: looking up the token, starting the
 * demo cockpit. */
gboolean            cockpit_application_get_busy       (CockpitApplication *self);

/* Says once per run that the app goes on in the background. */
void                cockpit_application_window_closed_while_busy (CockpitApplication *self);

/* Sends the desktop notification for an action that ended. */
void                cockpit_application_notify_action  (CockpitApplication *self,
                                                        CockpitAction      *action);

/* The title and body of the notification for @action. */
void                cockpit_application_describe_action (CockpitApplication *self,
                                                         CockpitAction      *action,
                                                         char              **title,
                                                         char              **body);

G_END_DECLS
