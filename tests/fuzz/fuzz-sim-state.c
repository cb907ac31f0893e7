/* fuzz-sim-state.c: a libFuzzer target for the simulator's state file.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is a state file.  cockpit_sim_state_deserialize() must take
 * it or refuse it with an error, never crash or log a warning.  A state
 * it takes must save and load again to the same text, carry out what
 * falls due on its clock, and, loaded by a simulator as `cockpit-sim
 * --state FILE` does, serve the contract's lists as valid UTF-8 JSON.
 *
 * Build and run it with build-aux/run-fuzz.sh.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "cockpit-json.h"
#include "cockpit-sim-engine.h"
#include "cockpit-sim-private.h"
#include "cockpit-sim-state.h"
#include "cockpit-simulator.h"
#include "fuzz-util.h"

#define TOKEN "fuzz-token"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_logging ();
  return 0;
}

static void
serve (CockpitSimulator *simulator,
       const char       *path)
{
  g_autoptr(SoupMessageHeaders) request_headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(SoupMessageHeaders) response_headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  g_autofree char *answer = NULL;
  guint status;

  soup_message_headers_append (request_headers, "Authorization", "Bearer " TOKEN);
  status = cockpit_simulator_handle_request (simulator, "GET", path, NULL, request_headers,
                                             NULL, response_headers, &answer);
  if (status < 200 || status > 599 || answer == NULL)
    g_error ("GET %s: status %u without a body", path, status);
  fuzz_assert_json (answer, strlen (answer), path);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CockpitSimState) state = NULL;
  g_autoptr(CockpitSimState) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *resaved = NULL;
  g_autofree char *path = NULL;
  gsize saved_length = 0;
  gsize resaved_length = 0;

  state = cockpit_sim_state_deserialize ((const char *) data, size, &error);
  if (state == NULL)
    {
      g_assert (error != NULL);
      if (!g_utf8_validate (error->message, -1, NULL))
        g_error ("the error is not valid UTF-8: %s", error->message);
      return 0;
    }
  g_assert_no_error (error);

  saved = cockpit_sim_state_serialize (state, &saved_length);
  fuzz_assert_json (saved, saved_length, "the saved state");
  again = cockpit_sim_state_deserialize (saved, saved_length, &error);
  if (again == NULL)
    g_error ("a state that loaded does not load once saved: %s", error->message);
  resaved = cockpit_sim_state_serialize (again, &resaved_length);
  if (resaved_length != saved_length || memcmp (saved, resaved, saved_length) != 0)
    g_error ("a state saved, loaded and saved again changed:\n%s\n%s", saved, resaved);

  /* Its clock going on: now, and a year on. */
  cockpit_sim_engine_process_due (again, g_get_real_time ());
  cockpit_sim_engine_process_due (again, g_get_real_time () + G_GINT64_CONSTANT (366) * 24 * 3600 * G_USEC_PER_SEC);

  /* As cockpit-sim --state loads it, and serves it. */
  path = g_build_filename (fuzz_scratch_dir (), "state.json", NULL);
  fuzz_write_file (path, data, size);
  {
    g_autoptr(CockpitSimulator) simulator = cockpit_simulator_new (TOKEN, COCKPIT_SIM_SEED_EMPTY, path,
                                                                   60, TRUE, &error);

    if (simulator == NULL)
      g_error ("a state that loads does not start a simulator: %s", error->message);
    serve (simulator, "/api/v1/me");
    serve (simulator, "/api/v1/packages");
    serve (simulator, "/api/v1/releases");
    serve (simulator, "/api/v1/notifications");
    serve (simulator, "/_sim/clock");
  }
  fuzz_clean_scratch (NULL);
  return 0;
}
