/* cockpit-application.h: the Upgrade Cockpit application object.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define COCKPIT_TYPE_APPLICATION (cockpit_application_get_type ())

G_DECLARE_FINAL_TYPE (CockpitApplication, cockpit_application, COCKPIT, APPLICATION, AdwApplication)

CockpitApplication *cockpit_application_new (void);

G_END_DECLS
