/* cockpit-backup-reminder.h: says once per upgrade backup that its automatic removal is near.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-session.h"

G_BEGIN_DECLS

/* Returns the current time, in UTC (transfer full). */
typedef GDateTime *(*CockpitClockFunc) (gpointer data);

#define COCKPIT_TYPE_BACKUP_REMINDER (cockpit_backup_reminder_get_type ())

G_DECLARE_FINAL_TYPE (CockpitBackupReminder, cockpit_backup_reminder, COCKPIT, BACKUP_REMINDER, GObject)

/* Follows the upgrade backups of @session's packages and emits "remind"
 * (package, Live environment, backup) once per backup, "hours" before its
 * removal.  The backups reminded of are kept in @state_path (NULL:
 * $XDG_STATE_HOME/upgrade-cockpit/reminders.json), so that a restart
 * does not remind again. */
CockpitBackupReminder *cockpit_backup_reminder_new         (CockpitSession        *session,
                                                            const char            *state_path);
CockpitSession        *cockpit_backup_reminder_get_session (CockpitBackupReminder *self);

/* How many hours before the removal to remind; 0 turns reminders off. */
guint                  cockpit_backup_reminder_get_hours   (CockpitBackupReminder *self);
void                   cockpit_backup_reminder_set_hours   (CockpitBackupReminder *self,
                                                            guint                  hours);

/* The clock to count with; NULL for the real time. */
void                   cockpit_backup_reminder_set_clock   (CockpitBackupReminder *self,
                                                            CockpitClockFunc       func,
                                                            gpointer               data,
                                                            GDestroyNotify         destroy);

/* Reminds now of every backup that is due, and plans the next reminder. */
void                   cockpit_backup_reminder_check       (CockpitBackupReminder *self);

/* When the next reminder is due, as of the last check, or NULL when
 * none is planned. */
GDateTime             *cockpit_backup_reminder_get_next_at (CockpitBackupReminder *self);

G_END_DECLS
