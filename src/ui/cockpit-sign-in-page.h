/* cockpit-sign-in-page.h: the main window's sign-in page: the cockpit's address, an API token, and the demo.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define COCKPIT_TYPE_SIGN_IN_PAGE (cockpit_sign_in_page_get_type ())

G_DECLARE_FINAL_TYPE (CockpitSignInPage, cockpit_sign_in_page, COCKPIT, SIGN_IN_PAGE, AdwBin)

/* Signals: ::changed (the address or the token was edited), ::activated
 * (Enter in the token's row).  Its "Sign In" button activates
 * win.sign-in, "Try the Demo" app.start-demo. */
GtkWidget  *cockpit_sign_in_page_new       (void);
const char *cockpit_sign_in_page_get_url   (CockpitSignInPage *self);
const char *cockpit_sign_in_page_get_token (CockpitSignInPage *self);
void        cockpit_sign_in_page_set_text  (CockpitSignInPage *self,
                                            const char        *url,
                                            const char        *token);
/* After a sign-in: the address stays, the token goes. */
void        cockpit_sign_in_page_clear_token (CockpitSignInPage *self);
/* The error said under the rows, or NULL for none. */
void        cockpit_sign_in_page_set_error (CockpitSignInPage *self,
                                            const char        *message);
const char *cockpit_sign_in_page_get_error (CockpitSignInPage *self);
/* A sign-in is under way: the button spins. */
void        cockpit_sign_in_page_set_busy  (CockpitSignInPage *self,
                                            gboolean           busy);

G_END_DECLS
