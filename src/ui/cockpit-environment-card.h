/* cockpit-environment-card.h: a card with the state of one environment.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cockpit-session.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_ENVIRONMENT_CARD (cockpit_environment_card_get_type ())

G_DECLARE_FINAL_TYPE (CockpitEnvironmentCard, cockpit_environment_card, COCKPIT, ENVIRONMENT_CARD, GtkWidget)

GtkWidget          *cockpit_environment_card_new             (CockpitSession         *session,
                                                              CockpitPackage         *package,
                                                              CockpitEnvironment     *environment);
CockpitEnvironment *cockpit_environment_card_get_environment (CockpitEnvironmentCard *self);
/* Shows the reasons of the window's answer to what can be done now. */
void                cockpit_environment_card_set_availability (CockpitEnvironmentCard *self,
                                                               CockpitAvailability    *availability);
/* Shows the state again, e.g. once a minute for the time left. */
void                cockpit_environment_card_update          (CockpitEnvironmentCard *self);
/* The reason the Upgrade button is off, or NULL when it is on (tests). */
const char         *cockpit_environment_card_get_blocked_reason (CockpitEnvironmentCard *self);

/* Why the environment can't be torn down now, or NULL (tests). */
const char         *cockpit_environment_card_get_teardown_reason (CockpitEnvironmentCard *self);

G_END_DECLS
