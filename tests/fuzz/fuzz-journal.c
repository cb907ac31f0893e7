/* fuzz-journal.c: a libFuzzer target for the action tracker's journal file.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is a journal (actions.json).  The tracker reads it as at a
 * start (cockpit_action_tracker_read_journal()): what is whole is kept,
 * a damaged journal is set aside and written again with what could be
 * read.  That new journal must read back whole, with the same entries,
 * and not be set aside again.
 *
 * Build and run it with build-aux/run-fuzz.sh.
 */
#include "config.h"

#include "cockpit-action-tracker-private.h"
#include "cockpit-client.h"
#include "fuzz-util.h"

static CockpitActionTracker *tracker;
static char *journal;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(CockpitClient) client = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_init_logging ();
  /* Nothing is sent: the address only names the cockpit, as in the
   * journal's entries. */
  client = cockpit_client_new ("http://127.0.0.1:8080", "fuzz-token", &error);
  g_assert_no_error (error);
  journal = g_build_filename (fuzz_scratch_dir (), "actions.json", NULL);
  tracker = cockpit_action_tracker_new (client, journal);
  return 0;
}

static guint
count_files (void)
{
  g_autoptr(GDir) dir = g_dir_open (fuzz_scratch_dir (), 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  guint n_others = 0;
  guint n_others_again = 0;
  guint n, again;

  fuzz_write_file (journal, data, size);
  n = cockpit_action_tracker_read_journal (tracker, &n_others);

  /* Only the journal is left, maybe rewritten: set the copy aside. */
  fuzz_clean_scratch ("actions.json");
  again = cockpit_action_tracker_read_journal (tracker, &n_others_again);
  if (again != n || n_others_again != n_others)
    g_error ("the journal read %u + %u entries, and %u + %u once written again",
             n, n_others, again, n_others_again);
  if (count_files () > 1)
    g_error ("the journal written again was set aside as damaged");

  fuzz_clean_scratch (NULL);
  return 0;
}
