/* cockpit-notification.h: a message from the helpdesk.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cockpit-types.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_NOTIFICATION (cockpit_notification_get_type ())

G_DECLARE_FINAL_TYPE (CockpitNotification, cockpit_notification, COCKPIT, NOTIFICATION, GObject)

CockpitNotification *cockpit_notification_new             (void);
const char          *cockpit_notification_get_id          (CockpitNotification *self);
void                 cockpit_notification_set_id          (CockpitNotification *self,
                                                           const char          *id);
CockpitSeverity      cockpit_notification_get_severity    (CockpitNotification *self);
void                 cockpit_notification_set_severity    (CockpitNotification *self,
                                                           CockpitSeverity      severity);
const char          *cockpit_notification_get_title       (CockpitNotification *self);
void                 cockpit_notification_set_title       (CockpitNotification *self,
                                                           const char          *title);
const char          *cockpit_notification_get_body        (CockpitNotification *self);
void                 cockpit_notification_set_body        (CockpitNotification *self,
                                                           const char          *body);
const char          *cockpit_notification_get_package_id  (CockpitNotification *self);
void                 cockpit_notification_set_package_id  (CockpitNotification *self,
                                                           const char          *package_id);
GDateTime           *cockpit_notification_get_received_at (CockpitNotification *self);
void                 cockpit_notification_set_received_at (CockpitNotification *self,
                                                           GDateTime           *received_at);
gboolean             cockpit_notification_get_read        (CockpitNotification *self);
void                 cockpit_notification_set_read        (CockpitNotification *self,
                                                           gboolean             is_read);
gboolean             cockpit_notification_get_archived    (CockpitNotification *self);
void                 cockpit_notification_set_archived    (CockpitNotification *self,
                                                           gboolean             archived);

G_END_DECLS
