/* cockpit-about.h: the About window, with the release notes and the debug information.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An About window for @parent (may be NULL).  @cockpit_url is the address
 * of the cockpit the app is signed in to (NULL: none; "demo" for the
 * built-in one); only its scheme, host, port and path reach the debug
 * information, never a user, password or query. */
GtkWindow *cockpit_about_window_new (GtkWindow  *parent,
                                     const char *cockpit_url);

/* The description of the newest release in @metainfo (the text of an
 * AppStream file), as the markup AdwAboutWindow takes for its release
 * notes; *@version gets that release's version.  NULL when @metainfo has
 * no release with a description. */
char *cockpit_about_parse_release_notes (const char  *metainfo,
                                         char       **version);

/* The debug information shown by the About window. */
char *cockpit_about_debug_info (const char *cockpit_url);

G_END_DECLS
