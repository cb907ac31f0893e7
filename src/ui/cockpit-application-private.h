/* cockpit-application-private.h: the application's internals, for tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-application.h"
#include "cockpit-backup-reminder.h"
#include "cockpit-demo.h"

G_BEGIN_DECLS

/* The clock the upgrade backup reminders and the views count with; NULL
 * for the real time.  Tests pass the simulator's.  Applies to the current
 * session and its reminder, and to those of later sessions. */
void                   cockpit_application_set_clock           (CockpitApplication *self,
                                                                CockpitClockFunc    func,
                                                                gpointer            data,
                                                                GDestroyNotify      destroy);

/* The demo cockpit while in demo mode, or NULL. */
CockpitDemo           *cockpit_application_get_demo_cockpit    (CockpitApplication *self);

/* The upgrade backup reminder of the signed-in session, or NULL. */
CockpitBackupReminder *cockpit_application_get_backup_reminder (CockpitApplication *self);

G_END_DECLS
