/* fuzz-reminders.c: a libFuzzer target for the backup reminders' state file.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is a reminders.json: the upgrade backups already reminded
 * of.  The reminder reads it as when it is made
 * (cockpit_backup_reminder_reload_state()); it must take what it can and
 * ignore the rest, never crash or warn.
 *
 * Build and run it with build-aux/run-fuzz.sh.
 */
#include "config.h"

#include "cockpit-backup-reminder-private.h"
#include "cockpit-client.h"
#include "cockpit-session.h"
#include "fuzz-util.h"

static CockpitBackupReminder *reminder;
static char *state;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(CockpitClient) client = NULL;
  g_autoptr(CockpitSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;

  fuzz_init_logging ();
  client = cockpit_client_new ("http://127.0.0.1:8080", "fuzz-token", &error);
  g_assert_no_error (error);
  journal = g_build_filename (fuzz_scratch_dir (), "actions.json", NULL);
  session = cockpit_session_new (client, journal, fuzz_scratch_dir ());
  state = g_build_filename (fuzz_scratch_dir (), "reminders.json", NULL);
  reminder = cockpit_backup_reminder_new (session, state);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_write_file (state, data, size);
  cockpit_backup_reminder_reload_state (reminder);
  return 0;
}
