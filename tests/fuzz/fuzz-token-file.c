/* fuzz-token-file.c: a libFuzzer target for the token file of `cockpit-sim --token-file`.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is the file's content.  cockpit_sim_read_token_file() must
 * read a token or refuse the file with an error in valid UTF-8.  A token
 * it reads must be one a client can send, "Authorization: Bearer TOKEN":
 * not empty, no white space around it, no control characters, so that a
 * simulator started with it answers that request with 200 and refuses
 * the token with a byte more.
 *
 * Build and run it with build-aux/run-fuzz.sh.
 */
#include "config.h"

#include <libsoup/soup.h>

#include "cockpit-sim-private.h"
#include "cockpit-simulator.h"
#include "fuzz-util.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_logging ();
  return 0;
}

static guint
get_me (CockpitSimulator *simulator,
        const char       *token)
{
  g_autoptr(SoupMessageHeaders) request_headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(SoupMessageHeaders) response_headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
  g_autofree char *answer = NULL;

  soup_message_headers_append (request_headers, "Authorization", authorization);
  return cockpit_simulator_handle_request (simulator, "GET", "/api/v1/me", NULL, request_headers,
                                           NULL, response_headers, &answer);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = g_build_filename (fuzz_scratch_dir (), "token", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *longer = NULL;
  g_autoptr(CockpitSimulator) simulator = NULL;

  fuzz_write_file (path, data, size);
  token = cockpit_sim_read_token_file (path, &error);
  if (token == NULL)
    {
      g_assert (error != NULL);
      if (!g_utf8_validate (error->message, -1, NULL))
        g_error ("the error is not valid UTF-8: %s", error->message);
      return 0;
    }
  g_assert_no_error (error);

  if (*token == '\0')
    return 0;   /* cockpit-sim refuses an empty token itself */
  if (g_ascii_isspace (token[0]) || g_ascii_isspace (token[strlen (token) - 1]))
    g_error ("the token keeps white space around it");
  for (const char *p = token; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      g_error ("the token holds the control character 0x%02x", (guchar) *p);
  if (memchr (data, '\0', size) != NULL)
    g_error ("the file holds a NUL byte, and only the token before it was read");

  simulator = cockpit_simulator_new (token, COCKPIT_SIM_SEED_EMPTY, NULL, 60, FALSE, &error);
  g_assert_no_error (error);
  if (get_me (simulator, token) != 200)
    g_error ("the token read from the file is refused");
  longer = g_strconcat (token, "x", NULL);
  if (get_me (simulator, longer) != 401)
    g_error ("a token with a byte more is taken");
  return 0;
}
