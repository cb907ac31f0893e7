/* cockpit-action-error.h: why an action failed, as the server tells it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cockpit-types.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_ACTION_ERROR (cockpit_action_error_get_type ())

G_DECLARE_FINAL_TYPE (CockpitActionError, cockpit_action_error, COCKPIT, ACTION_ERROR, GObject)

CockpitActionError *cockpit_action_error_new         (void);
const char         *cockpit_action_error_get_code    (CockpitActionError *self);
void                cockpit_action_error_set_code    (CockpitActionError *self,
                                                      const char         *code);
const char         *cockpit_action_error_get_message (CockpitActionError *self);
void                cockpit_action_error_set_message (CockpitActionError *self,
                                                      const char         *message);

G_END_DECLS
