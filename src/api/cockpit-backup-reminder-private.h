/* cockpit-backup-reminder-private.h: the reminders' state file, read on demand for fuzzers and tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-backup-reminder.h"

G_BEGIN_DECLS

/* Forgets the reminders given so far and reads them again from the state
 * file, as a new reminder does; returns how many it holds. */
guint cockpit_backup_reminder_reload_state (CockpitBackupReminder *self);

G_END_DECLS
