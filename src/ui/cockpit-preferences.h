/* cockpit-preferences.h: the preferences window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cockpit-background.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_PREFERENCES (cockpit_preferences_get_type ())

G_DECLARE_FINAL_TYPE (CockpitPreferences, cockpit_preferences, COCKPIT, PREFERENCES, AdwPreferencesWindow)

CockpitPreferences *cockpit_preferences_new (GtkWindow *parent,
                                             GSettings *settings);
void                cockpit_preferences_set_background (CockpitPreferences *self,
                                                        CockpitBackground  *background);

G_END_DECLS
