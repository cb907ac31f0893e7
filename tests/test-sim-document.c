/* test-sim-document.c: the simulator serves the contract, docs/cockpit-api.yaml, at /api/v1/openapi.yaml.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cockpit-sim-document.h"
#include "sim-test-util.h"

static GBytes *
read_source_document (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "docs", "cockpit-api.yaml", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

typedef struct {
  GBytes   *body;
  gboolean  done;
} Fetch;

static void
fetch_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(GError) error = NULL;

  fetch->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
  fetch->done = TRUE;
}

/* A request without a token that may answer something else than JSON;
 * the answer's status and headers stay in @msg. */
static GBytes *
fetch (SimTest     *f,
       SoupMessage *msg)
{
  Fetch result = { NULL, FALSE };

  soup_session_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, NULL, fetch_cb, &result);
  sim_wait_flag (&result.done);
  return result.body;
}

static SoupMessage *
document_message (SimTest    *f,
                  const char *method)
{
  g_autofree char *url = g_strconcat (f->base, COCKPIT_SIM_DOCUMENT_PATH, NULL);

  return soup_message_new (method, url);
}

/* The built-in document is the one in docs/, byte for byte. */
static void
test_document_built_in (void)
{
  g_autoptr(GBytes) built_in = cockpit_sim_document_get_bytes ();
  g_autoptr(GBytes) source = read_source_document ();

  g_assert_nonnull (built_in);
  g_assert_true (g_bytes_equal (built_in, source));
  g_assert_true (g_str_has_prefix (g_bytes_get_data (built_in, NULL), "# cockpit-api.yaml"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (built_in, NULL),
                                  g_bytes_get_size (built_in), "\nopenapi: 3.1.0\n"));
}

/* Served without the token, as YAML, so that any tool can read it. */
static void
test_document_get (SimTest       *f,
                   gconstpointer  data)
{
  g_autoptr(SoupMessage) msg = document_message (f, "GET");
  g_autoptr(GBytes) body = fetch (f, msg);
  g_autoptr(GBytes) source = read_source_document ();
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);

  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (headers, NULL), ==, "application/yaml");
  g_assert_true (g_bytes_equal (body, source));
}

static void
test_document_head (SimTest       *f,
                    gconstpointer  data)
{
  g_autoptr(SoupMessage) msg = document_message (f, "HEAD");
  g_autoptr(GBytes) body = fetch (f, msg);
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);

  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (headers, NULL), ==, "application/yaml");
  g_assert_cmpuint (g_bytes_get_size (body), ==, 0);
}

/* Other methods get the contract's 405, with the methods it takes. */
static void
test_document_method_not_allowed (SimTest       *f,
                                  gconstpointer  data)
{
  g_autoptr(SimAnswer) answer = sim_request (f, "POST", COCKPIT_SIM_DOCUMENT_PATH, "{}", NULL);
  JsonObject *error;

  g_assert_cmpuint (answer->status, ==, 405);
  g_assert_cmpstr (soup_message_headers_get_one (answer->headers, "Allow"), ==, "GET, HEAD");
  g_assert_nonnull (answer->json);
  error = json_object_get_object_member (json_node_get_object (answer->json), "error");
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, "method_not_allowed");
}

/* libsoup hands the handler the paths below the document too: they are
 * not the document. */
static void
test_document_below (SimTest       *f,
                     gconstpointer  data)
{
  g_autoptr(SimAnswer) answer = sim_request (f, "GET", COCKPIT_SIM_DOCUMENT_PATH "/paths", NULL, NULL);
  JsonObject *error;

  g_assert_cmpuint (answer->status, ==, 404);
  g_assert_nonnull (answer->json);
  error = json_object_get_object_member (json_node_get_object (answer->json), "error");
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, "not_found");
}

/* The rest of the API still wants the token. */
static void
test_document_token_elsewhere (SimTest       *f,
                               gconstpointer  data)
{
  g_autoptr(SimAnswer) answer = sim_request_to (f->session, f->base, "GET", "/api/v1/openapi.json",
                                                NULL, NULL, NULL);

  g_assert_cmpuint (answer->status, ==, 401);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/sim/document/built-in", test_document_built_in);
  g_test_add ("/cockpit/sim/document/get", SimTest, NULL, sim_test_setup, test_document_get, sim_test_teardown);
  g_test_add ("/cockpit/sim/document/head", SimTest, NULL, sim_test_setup, test_document_head, sim_test_teardown);
  g_test_add ("/cockpit/sim/document/method-not-allowed", SimTest, NULL, sim_test_setup,
              test_document_method_not_allowed, sim_test_teardown);
  g_test_add ("/cockpit/sim/document/below", SimTest, NULL, sim_test_setup, test_document_below, sim_test_teardown);
  g_test_add ("/cockpit/sim/document/token-elsewhere", SimTest, NULL, sim_test_setup,
              test_document_token_elsewhere, sim_test_teardown);

  return g_test_run ();
}
