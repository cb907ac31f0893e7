/* test-sim-recorder.c: with COCKPIT_SIM_RECORD set, the simulator writes every exchange into a JSON Lines file, and never the token.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cockpit-sim-listener.h"
#include "cockpit-sim-recorder.h"
#include "sim-test-util.h"

typedef struct {
  SimTest  sim;
  char    *record_dir;
} RecordTest;

static void
record_setup (RecordTest    *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sim_test_setup (&f->sim, data);
  f->record_dir = sim_test_make_dir (&f->sim, "record");
  /* The simulator reads the variable when it is made: a new one. */
  g_setenv (COCKPIT_SIM_RECORD_ENV, f->record_dir, TRUE);
  sim_test_start (&f->sim, COCKPIT_SIM_SEED_DEMO, NULL, SIM_TEST_STAGE_SECONDS, TRUE);
  g_unsetenv (COCKPIT_SIM_RECORD_ENV);
}

static void
record_teardown (RecordTest    *f,
                 gconstpointer  data)
{
  sim_test_teardown (&f->sim, data);
  g_clear_pointer (&f->record_dir, g_free);
}

/* The files in @dir. */
static GPtrArray *
list_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (files, g_build_filename (dir, name, NULL));
  return files;
}

/* The recording's one file, its text into @text, its lines parsed. */
static GPtrArray *
read_recording (RecordTest  *f,
                char       **text)
{
  g_autoptr(GPtrArray) files = list_files (f->record_dir);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *exchanges = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  g_assert_cmpuint (files->len, ==, 1);
  g_assert_true (g_str_has_suffix (files->pdata[0], ".jsonl"));
  g_file_get_contents (files->pdata[0], text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (*text, "\n"));
  lines = g_strsplit (*text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      JsonNode *node = json_from_string (lines[i], &error);

      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      g_ptr_array_add (exchanges, node);
    }
  return exchanges;
}

static JsonObject *
exchange (GPtrArray *exchanges,
          guint      i)
{
  g_assert_cmpuint (i, <, exchanges->len);
  return json_node_get_object (exchanges->pdata[i]);
}

static const char *
header (JsonObject *object,
        const char *member,
        const char *name)
{
  JsonObject *headers = json_object_get_object_member (object, member);

  return json_object_has_member (headers, name) ? json_object_get_string_member (headers, name) : NULL;
}

/* Each exchange in order: the request as sent, the answer as answered. */
static void
test_recorder_exchanges (RecordTest    *f,
                         gconstpointer  data)
{
  const char *upgrade = "/api/v1/packages/acmeweb/environments/acmeweb-uat/upgrade";
  const char *request_body = "{\"target_version\":\"6.3.21\"}";
  g_autoptr(GPtrArray) exchanges = NULL;
  g_autofree char *text = NULL;
  g_autofree char *location = NULL;
  g_autoptr(JsonNode) answer_json = NULL;
  JsonObject *object;

  sim_answer_free (sim_request (&f->sim, "GET", "/api/v1/me", NULL, NULL));
  {
    g_autoptr(SimAnswer) answer = sim_request (&f->sim, "POST", upgrade, request_body, "key-1");

    g_assert_cmpuint (answer->status, ==, 202);
    location = g_strdup (soup_message_headers_get_one (answer->headers, "Location"));
    answer_json = json_node_ref (answer->json);
  }
  sim_answer_free (sim_request (&f->sim, "GET", "/api/v1/packages/acmeweb/activity?limit=2&type=info",
                                 NULL, NULL));
  sim_answer_free (sim_request (&f->sim, "HEAD", "/api/v1/releases", NULL, NULL));

  exchanges = read_recording (f, &text);
  g_assert_cmpuint (exchanges->len, ==, 4);

  object = exchange (exchanges, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "method"), ==, "GET");
  g_assert_cmpstr (json_object_get_string_member (object, "path"), ==, "/api/v1/me");
  g_assert_true (json_object_get_null_member (object, "query"));
  g_assert_cmpstr (json_object_get_string_member (object, "authorization"), ==, "Bearer");
  g_assert_cmpint (json_object_get_int_member (object, "status"), ==, 200);
  g_assert_cmpstr (header (object, "response_headers", "content-type"), ==, "application/json");
  g_assert_nonnull (strstr (json_object_get_string_member (object, "response_body"), "\"role\""));

  object = exchange (exchanges, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "method"), ==, "POST");
  g_assert_cmpstr (json_object_get_string_member (object, "path"), ==, upgrade);
  g_assert_cmpstr (header (object, "request_headers", "idempotency-key"), ==, "key-1");
  g_assert_cmpstr (json_object_get_string_member (object, "request_body"), ==, request_body);
  g_assert_cmpint (json_object_get_int_member (object, "status"), ==, 202);
  g_assert_cmpstr (header (object, "response_headers", "location"), ==, location);
  {
    g_autoptr(JsonNode) recorded = json_from_string (json_object_get_string_member (object, "response_body"), NULL);

    g_assert_true (json_node_equal (recorded, answer_json));
  }

  object = exchange (exchanges, 2);
  g_assert_cmpstr (json_object_get_string_member (object, "path"), ==, "/api/v1/packages/acmeweb/activity");
  g_assert_cmpstr (json_object_get_string_member (object, "query"), ==, "limit=2&type=info");

  /* Nothing crossed the wire after HEAD. */
  object = exchange (exchanges, 3);
  g_assert_cmpstr (json_object_get_string_member (object, "method"), ==, "HEAD");
  g_assert_cmpint (json_object_get_int_member (object, "status"), ==, 200);
  g_assert_true (json_object_get_null_member (object, "response_body"));

  g_assert_null (strstr (text, SIM_TEST_TOKEN));
}

/* Refused requests are recorded too, without their token, right or wrong. */
static void
test_recorder_refused (RecordTest    *f,
                       gconstpointer  data)
{
  const char *wrong = "wrong-token-9d1e";
  g_autoptr(GPtrArray) exchanges = NULL;
  g_autofree char *text = NULL;
  g_autofree char *big = g_malloc (2 * 1024 * 1024);
  JsonObject *object;

  sim_answer_free (sim_request_to (f->sim.session, f->sim.base, "GET", "/api/v1/me", wrong, NULL, NULL));
  memset (big, ' ', 2 * 1024 * 1024);
  {
    g_autoptr(GBytes) body = g_bytes_new_take (g_steal_pointer (&big), 2 * 1024 * 1024);

    sim_answer_free (sim_request_to (f->sim.session, f->sim.base, "POST",
                                      "/api/v1/packages/acmeweb/environments/acmeweb-live/backups",
                                      SIM_TEST_TOKEN, body, NULL));
  }

  exchanges = read_recording (f, &text);
  g_assert_cmpuint (exchanges->len, ==, 2);
  object = exchange (exchanges, 0);
  g_assert_cmpint (json_object_get_int_member (object, "status"), ==, 401);
  g_assert_cmpstr (json_object_get_string_member (object, "authorization"), ==, "Bearer");
  g_assert_cmpstr (header (object, "response_headers", "www-authenticate"), ==, "Bearer");
  object = exchange (exchanges, 1);
  g_assert_cmpint (json_object_get_int_member (object, "status"), ==, 413);
  g_assert_false (json_object_get_boolean_member (object, "request_body_kept"));
  g_assert_true (json_object_get_null_member (object, "request_body"));
  g_assert_nonnull (strstr (json_object_get_string_member (object, "response_body"), "payload_too_large"));

  g_assert_null (strstr (text, SIM_TEST_TOKEN));
  g_assert_null (strstr (text, wrong));
}

/* Off by default: nothing is written anywhere. */
static void
test_recorder_off (RecordTest    *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) files = NULL;

  sim_test_start (&f->sim, COCKPIT_SIM_SEED_DEMO, NULL, SIM_TEST_STAGE_SECONDS, TRUE);
  sim_answer_free (sim_request (&f->sim, "GET", "/api/v1/me", NULL, NULL));
  files = list_files (f->record_dir);
  g_assert_cmpuint (files->len, ==, 0);
}

/* A recording that cannot be written does not stop the serving. */
static void
test_recorder_unwritable (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(CockpitSimListener) listener = cockpit_sim_listener_new (server);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GError) error = NULL;
  g_autoptr(SimAnswer) answer = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *base = NULL;

  cockpit_sim_recorder_attach (server, "/nonexistent-folder/exchanges.jsonl");
  cockpit_sim_listener_listen (listener, loopback, 0, &error);
  g_assert_no_error (error);
  base = g_strdup_printf ("http://127.0.0.1:%u", cockpit_sim_listener_get_port (listener));

  /* No handler: libsoup answers 404 itself; twice, to pass the failure. */
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&answer, sim_answer_free);
      answer = sim_request_to (session, base, "GET", "/x", NULL, NULL, NULL);
      g_assert_cmpuint (answer->status, ==, 404);
    }
  g_clear_object (&session);
  cockpit_sim_listener_stop (listener);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cockpit/sim/recorder/exchanges", RecordTest, NULL, record_setup, test_recorder_exchanges,
              record_teardown);
  g_test_add ("/cockpit/sim/recorder/refused", RecordTest, NULL, record_setup, test_recorder_refused,
              record_teardown);
  g_test_add ("/cockpit/sim/recorder/off", RecordTest, NULL, record_setup, test_recorder_off,
              record_teardown);
  g_test_add_func ("/cockpit/sim/recorder/unwritable", test_recorder_unwritable);

  return g_test_run ();
}
