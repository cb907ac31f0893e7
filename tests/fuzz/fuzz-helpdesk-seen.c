/* fuzz-helpdesk-seen.c: a libFuzzer target for the helpdesk's state file.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is a helpdesk-seen.json: the critical notifications each
 * cockpit has announced.  The helpdesk reads it as at its first refresh
 * (cockpit_helpdesk_reload_seen()); it must take what it can and ignore
 * the rest, never crash or warn.
 *
 * Build and run it with build-aux/run-fuzz.sh.
 */
#include "config.h"

#include "cockpit-client.h"
#include "cockpit-helpdesk-private.h"
#include "fuzz-util.h"

static CockpitHelpdesk *helpdesk;
static char *state;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(CockpitClient) client = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_init_logging ();
  client = cockpit_client_new ("http://127.0.0.1:8080", "fuzz-token", &error);
  g_assert_no_error (error);
  state = g_build_filename (fuzz_scratch_dir (), "helpdesk-seen.json", NULL);
  helpdesk = cockpit_helpdesk_new (client, state);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_write_file (state, data, size);
  cockpit_helpdesk_reload_seen (helpdesk);
  return 0;
}
