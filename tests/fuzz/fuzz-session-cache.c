/* fuzz-session-cache.c: a libFuzzer target for the session's cache file.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is a cache file (cockpit-HASH.json in the cache folder).  A
 * new session loads it with cockpit_session_load_cache(), which must take
 * it or ignore it, never crash or warn; what it takes must encode as
 * valid JSON.
 *
 * Build and run it with build-aux/run-fuzz.sh.
 */
#include "config.h"

#include "cockpit-client.h"
#include "cockpit-model.h"
#include "cockpit-session.h"
#include "fuzz-util.h"

static CockpitClient *client;
static char *cache;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;

  fuzz_init_logging ();
  client = cockpit_client_new ("http://127.0.0.1:8080", "fuzz-token", &error);
  g_assert_no_error (error);
  /* As cockpit_session_new() names it. */
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, cockpit_client_get_identity (client), -1);
  name = g_strdup_printf ("cockpit-%.16s.json", hash);
  cache = g_build_filename (fuzz_scratch_dir (), name, NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *journal = g_build_filename (fuzz_scratch_dir (), "actions.json", NULL);
  g_autoptr(CockpitSession) session = NULL;

  fuzz_write_file (cache, data, size);
  session = cockpit_session_new (client, journal, fuzz_scratch_dir ());
  if (cockpit_session_load_cache (session))
    {
      g_autoptr(JsonNode) packages = cockpit_json_encode_list (cockpit_session_get_packages (session));
      g_autoptr(JsonNode) releases = cockpit_json_encode_list (cockpit_session_get_releases (session));
      g_autofree char *packages_text = cockpit_json_to_string (packages, FALSE);
      g_autofree char *releases_text = cockpit_json_to_string (releases, FALSE);

      g_assert (cockpit_session_get_from_cache (session));
      g_assert (cockpit_session_get_updated_at (session) != NULL);
      fuzz_assert_json (packages_text, strlen (packages_text), "the cached packages");
      fuzz_assert_json (releases_text, strlen (releases_text), "the cached releases");
    }
  return 0;
}
