/* fuzz-sim-request.c: a libFuzzer target for the simulator's request handling.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An input is one or more HTTP requests as they come over the wire,
 * separated by a line "~~~".  Each request's head goes through libsoup's
 * own parser (soup_headers_parse_request()), its target through the URI
 * parsing of libsoup's server, and then method, path, query, headers and
 * body through the simulator's checks, router, idempotency keys, handlers
 * and engine (cockpit_simulator_handle_request(), the code its server
 * runs).  Requests without an Authorization header get the right token,
 * so that the fuzzer reaches the handlers; the test controls (/_sim/) are
 * on, so it moves the clock too.  Each input starts from a fresh
 * simulator, so that a crash replays from its input alone, on a state
 * file: a small demo state (tests/fuzz/corpus/sim-state/demo.json; the
 * whole demo seed takes ten times as long to make), saved after every
 * change as `cockpit-sim --state` does.
 *
 * Every answer must be valid UTF-8 JSON, an object, with an "error"
 * object of a "code" and a "message" when it is an error, and a status
 * from 200 to 599; every header of the answer must be valid UTF-8.
 *
 * Build and run it with build-aux/run-fuzz.sh.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "cockpit-json.h"
#include "cockpit-sim-private.h"
#include "cockpit-simulator.h"
#include "fuzz-util.h"

#define TOKEN        "fuzz-token"
#define MAX_REQUESTS 16

static char *seed_state;
static gsize seed_state_length;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *path = g_build_filename (FUZZ_CORPUS_DIR, "sim-state", "demo.json", NULL);
  g_autoptr(GError) error = NULL;

  fuzz_init_logging ();
  if (!g_file_get_contents (path, &seed_state, &seed_state_length, &error))
    g_error ("%s", error->message);
  return 0;
}

static void
check_header_cb (const char *name,
                 const char *value,
                 gpointer    user_data)
{
  if (!g_utf8_validate (value, -1, NULL))
    g_error ("the answer's header %s is not valid UTF-8", name);
}

static void
check_answer (guint               status,
              const char         *answer,
              SoupMessageHeaders *headers)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  if (status < 200 || status > 599)
    g_error ("the simulator answered with status %u", status);
  soup_message_headers_foreach (headers, check_header_cb, NULL);
  if (answer == NULL)
    return;

  fuzz_assert_json (answer, strlen (answer), "the answer");
  root = cockpit_json_parse (answer, -1, NULL);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    g_error ("the answer is not a JSON object: %s", answer);
  object = json_node_get_object (root);
  if (status >= 400)
    {
      JsonObject *error = json_object_get_object_member (object, "error");

      if (error == NULL ||
          json_node_get_value_type (json_object_get_member (error, "code")) != G_TYPE_STRING ||
          json_node_get_value_type (json_object_get_member (error, "message")) != G_TYPE_STRING)
        g_error ("the error answer %u has no error code and message: %s", status, answer);
    }
}

/* One request: its head as libsoup's server parses it, then the rest as
 * the simulator's handler sees it. */
static void
run_request (CockpitSimulator *simulator,
             const char       *data,
             gsize             size)
{
  g_autoptr(SoupMessageHeaders) request_headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(SoupMessageHeaders) response_headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  g_autofree char *method = NULL;
  g_autofree char *target = NULL;
  g_autofree char *url = NULL;
  g_autofree char *answer = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GBytes) body = NULL;
  const char *end;
  gsize head_length;
  gsize body_start;
  SoupHTTPVersion version;
  guint status;

  /* The head ends at the first blank line; without one, all is head. */
  end = fuzz_find (data, size, "\r\n\r\n");
  if (end != NULL)
    {
      head_length = (gsize) (end - data) + 2;
      body_start = head_length + 2;
    }
  else
    {
      end = fuzz_find (data, size, "\n\n");
      head_length = end != NULL ? (gsize) (end - data) + 1 : size;
      body_start = end != NULL ? head_length + 1 : size;
    }

  status = soup_headers_parse_request (data, (int) head_length, request_headers,
                                       &method, &target, &version);
  if (status != SOUP_STATUS_OK)
    return;   /* libsoup answers that itself */

  /* As libsoup's server makes the request's URI. */
  if (*target == '/')
    url = g_strconcat ("http://127.0.0.1:8080", target, NULL);
  else
    url = g_strdup (target);
  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
    return;   /* a 400 from libsoup */

  if (soup_message_headers_get_one (request_headers, "Authorization") == NULL)
    soup_message_headers_append (request_headers, "Authorization", "Bearer " TOKEN);

  body = g_bytes_new (data + body_start, size - body_start);
  status = cockpit_simulator_handle_request (simulator, method,
                                             *g_uri_get_path (uri) != '\0' ? g_uri_get_path (uri) : "/",
                                             g_uri_get_query (uri),
                                             request_headers, body, response_headers, &answer);
  check_answer (status, answer, response_headers);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *state = g_build_filename (fuzz_scratch_dir (), "state.json", NULL);
  g_autoptr(CockpitSimulator) simulator = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = (const char *) data;
  gsize start = 0;

  fuzz_write_file (state, (const uint8_t *) seed_state, seed_state_length);
  simulator = cockpit_simulator_new (TOKEN, COCKPIT_SIM_SEED_DEMO, state, 60, TRUE, &error);
  g_assert_no_error (error);

  for (guint n = 0; n < MAX_REQUESTS && start <= size; n++)
    {
      const char *separator = fuzz_find (text + start, size - start, "\n~~~\n");
      gsize length = separator != NULL ? (gsize) (separator - (text + start)) : size - start;

      run_request (simulator, text + start, length);
      if (separator == NULL)
        break;
      start += length + strlen ("\n~~~\n");
    }

  g_clear_object (&simulator);
  fuzz_clean_scratch (NULL);
  return 0;
}
