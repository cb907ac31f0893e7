/* cockpit-user.h: the person signed in to the cockpit.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cockpit-types.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_USER (cockpit_user_get_type ())

G_DECLARE_FINAL_TYPE (CockpitUser, cockpit_user, COCKPIT, USER, GObject)

CockpitUser *cockpit_user_new       (void);
const char  *cockpit_user_get_name  (CockpitUser *self);
void         cockpit_user_set_name  (CockpitUser *self,
                                     const char  *name);
const char  *cockpit_user_get_email (CockpitUser *self);
void         cockpit_user_set_email (CockpitUser *self,
                                     const char  *email);
CockpitRole  cockpit_user_get_role  (CockpitUser *self);
void         cockpit_user_set_role  (CockpitUser *self,
                                     CockpitRole  role);

G_END_DECLS
