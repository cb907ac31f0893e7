/* sim-test-util.c: a simulator fixture and real HTTP requests, for the simulator's tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cockpit-json.h"
#include "sim-test-util.h"

void
sim_answer_free (SimAnswer *answer)
{
  if (answer == NULL)
    return;
  g_clear_pointer (&answer->headers, soup_message_headers_unref);
  g_clear_pointer (&answer->body, g_bytes_unref);
  g_clear_pointer (&answer->json, json_node_unref);
  g_free (answer);
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

void
sim_wait_flag (gboolean *flag)
{
  gint64 end = g_get_monotonic_time () + SIM_TEST_WAIT_SECONDS * G_USEC_PER_SEC;
  guint wake = g_timeout_add (100, wake_cb, NULL);

  while (!*flag)
    {
      if (g_get_monotonic_time () > end)
        g_error ("Waited more than %d s for an answer", SIM_TEST_WAIT_SECONDS);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

static gboolean
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return g_remove (path) == 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  return g_rmdir (path) == 0;
}

void
sim_test_start_with_token (SimTest        *f,
                           const char     *token,
                           CockpitSimSeed  seed,
                           const char     *state_path,
                           double          stage_seconds,
                           gboolean        test_controls)
{
  g_autoptr(GError) error = NULL;

  sim_test_stop (f);
  f->token = token;
  f->sim = cockpit_simulator_new (token, seed, state_path, stage_seconds,
                                  test_controls, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->sim);
  cockpit_simulator_listen (f->sim, "127.0.0.1", 0, &error);
  g_assert_no_error (error);
  f->base = g_strdup (cockpit_simulator_get_base_url (f->sim));
  g_assert_true (g_str_has_prefix (f->base, "http://127.0.0.1:"));
  if (f->session == NULL)
    f->session = soup_session_new ();
}

void
sim_test_start (SimTest        *f,
                CockpitSimSeed  seed,
                const char     *state_path,
                double          stage_seconds,
                gboolean        test_controls)
{
  sim_test_start_with_token (f, SIM_TEST_TOKEN, seed, state_path, stage_seconds, test_controls);
}

void
sim_test_stop (SimTest *f)
{
  if (f->sim == NULL)
    return;
  /* A new session, so that no kept-alive connection outlives the server. */
  g_clear_object (&f->session);
  cockpit_simulator_stop (f->sim);
  /* Let the server see its connections close. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (g_steal_pointer (&f->sim));
  g_clear_pointer (&f->base, g_free);
}

void
sim_test_setup (SimTest       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cockpit-sim-test-XXXXXX", &error);
  g_assert_no_error (error);
  sim_test_start (f, COCKPIT_SIM_SEED_DEMO, NULL, SIM_TEST_STAGE_SECONDS, TRUE);
}

void
sim_test_teardown (SimTest       *f,
                   gconstpointer  data)
{
  sim_test_stop (f);
  g_clear_object (&f->session);
  if (f->dir != NULL)
    g_assert_true (remove_tree (f->dir));
  g_clear_pointer (&f->dir, g_free);
}

char *
sim_test_path (SimTest    *f,
               const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

char *
sim_test_make_dir (SimTest    *f,
                   const char *name)
{
  char *path = sim_test_path (f, name);

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  return path;
}

typedef struct {
  GBytes  *body;
  GError  *error;
  gboolean done;
} Pending;

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Pending *pending = user_data;

  pending->body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &pending->error);
  pending->done = TRUE;
}

static SimAnswer *
send_request (SoupSession *session,
              const char  *base,
              const char  *method,
              const char  *path,
              const char  *authorization,
              GBytes      *body,
              const char  *key)
{
  g_autofree char *url = g_strconcat (base, path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  SoupMessageHeaders *headers;
  SimAnswer *answer;
  Pending pending = { NULL, NULL, FALSE };
  const char *content_type;

  g_assert_nonnull (message);
  headers = soup_message_get_request_headers (message);
  if (authorization != NULL)
    soup_message_headers_replace (headers, "Authorization", authorization);
  if (key != NULL)
    soup_message_headers_replace (headers, "Idempotency-Key", key);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (message, "application/json", body);

  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL, sent_cb, &pending);
  sim_wait_flag (&pending.done);
  g_assert_no_error (pending.error);

  answer = g_new0 (SimAnswer, 1);
  answer->status = soup_message_get_status (message);
  answer->headers = soup_message_headers_ref (soup_message_get_response_headers (message));
  answer->body = pending.body;
  content_type = soup_message_headers_get_content_type (answer->headers, NULL);
  if (g_bytes_get_size (answer->body) > 0)
    {
      /* Every answer with a body is JSON, and says so. */
      g_assert_cmpstr (content_type, ==, "application/json");
      answer->json = cockpit_json_parse (g_bytes_get_data (answer->body, NULL),
                                         g_bytes_get_size (answer->body), NULL);
      g_assert_nonnull (answer->json);
    }
  return answer;
}

SimAnswer *
sim_request_to (SoupSession *session,
                const char  *base,
                const char  *method,
                const char  *path,
                const char  *token,
                GBytes      *body,
                const char  *key)
{
  g_autofree char *authorization = token ? g_strconcat ("Bearer ", token, NULL) : NULL;

  return send_request (session, base, method, path, authorization, body, key);
}

SimAnswer *
sim_request_authorization (SimTest    *f,
                           const char *method,
                           const char *path,
                           const char *authorization)
{
  return send_request (f->session, f->base, method, path, authorization, NULL, NULL);
}

SimAnswer *
sim_request (SimTest    *f,
             const char *method,
             const char *path,
             const char *body,
             const char *key)
{
  g_autoptr(GBytes) bytes = body ? g_bytes_new (body, strlen (body)) : NULL;

  return sim_request_to (f->session, f->base, method, path, f->token, bytes, key);
}

static void
fail_answer (const char *method,
             const char *path,
             SimAnswer  *answer,
             guint       expected)
{
  g_error ("%s %s: expected %u, got %u: %.*s", method, path, expected, answer->status,
           (int) g_bytes_get_size (answer->body), (const char *) g_bytes_get_data (answer->body, NULL));
}

JsonNode *
sim_get (SimTest    *f,
         const char *path)
{
  g_autoptr(SimAnswer) answer = sim_request (f, "GET", path, NULL, NULL);

  if (answer->status != SOUP_STATUS_OK || answer->json == NULL)
    fail_answer ("GET", path, answer, SOUP_STATUS_OK);
  return json_node_ref (answer->json);
}

JsonNode *
sim_start (SimTest    *f,
           const char *method,
           const char *path,
           const char *body)
{
  g_autoptr(SimAnswer) answer = sim_request (f, method, path, body, NULL);
  g_autofree char *location = NULL;

  if (answer->status != SOUP_STATUS_ACCEPTED || answer->json == NULL)
    fail_answer (method, path, answer, SOUP_STATUS_ACCEPTED);
  location = g_strconcat ("/api/v1/actions/", sim_json_string (answer->json, "id"), NULL);
  g_assert_cmpstr (soup_message_headers_get_one (answer->headers, "Location"), ==, location);
  g_assert_cmpstr (sim_json_string (answer->json, "status"), ==, "running");
  return json_node_ref (answer->json);
}

void
sim_assert_error (SimAnswer  *answer,
                  guint       status,
                  const char *code)
{
  if (answer->status != status || answer->json == NULL ||
      g_strcmp0 (sim_json_string (answer->json, "error.code"), code) != 0)
    g_error ("expected %u %s, got %u: %.*s", status, code, answer->status,
             (int) g_bytes_get_size (answer->body), (const char *) g_bytes_get_data (answer->body, NULL));
  g_assert_cmpuint (strlen (sim_json_string (answer->json, "error.message")), >, 0);
}

void
sim_advance (SimTest *f,
             gint64   seconds)
{
  g_autofree char *body = g_strdup_printf ("{\"advance_seconds\": %" G_GINT64_FORMAT "}", seconds);
  g_autoptr(SimAnswer) answer = sim_request (f, "POST", "/_sim/clock", body, NULL);

  if (answer->status != SOUP_STATUS_OK)
    fail_answer ("POST", "/_sim/clock", answer, SOUP_STATUS_OK);
}

gint64
sim_now (SimTest *f)
{
  g_autoptr(JsonNode) clock = sim_get (f, "/_sim/clock");

  return sim_json_time (clock, "now");
}

JsonNode *
sim_json (JsonNode   *node,
          const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);

  for (guint i = 0; parts[i] != NULL && node != NULL; i++)
    {
      if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          guint64 index;

          if (!g_ascii_string_to_unsigned (parts[i], 10, 0, G_MAXUINT, &index, NULL) ||
              index >= json_array_get_length (array))
            return NULL;
          node = json_array_get_element (array, (guint) index);
        }
      else
        return NULL;
    }
  return node;
}

static JsonNode *
sim_json_value (JsonNode   *node,
                const char *path,
                GType       type)
{
  JsonNode *found = sim_json (node, path);

  if (found == NULL || !JSON_NODE_HOLDS_VALUE (found) ||
      (json_node_get_value_type (found) != type &&
       !(type == G_TYPE_DOUBLE && json_node_get_value_type (found) == G_TYPE_INT64)))
    {
      g_autofree char *text = json_to_string (node, FALSE);

      g_error ("“%s” is not a %s in %s", path, g_type_name (type), text);
    }
  return found;
}

const char *
sim_json_string (JsonNode   *node,
                 const char *path)
{
  return json_node_get_string (sim_json_value (node, path, G_TYPE_STRING));
}

gint64
sim_json_int (JsonNode   *node,
              const char *path)
{
  return json_node_get_int (sim_json_value (node, path, G_TYPE_INT64));
}

double
sim_json_double (JsonNode   *node,
                 const char *path)
{
  return json_node_get_double (sim_json_value (node, path, G_TYPE_DOUBLE));
}

gboolean
sim_json_bool (JsonNode   *node,
               const char *path)
{
  return json_node_get_boolean (sim_json_value (node, path, G_TYPE_BOOLEAN));
}

gboolean
sim_json_is_null (JsonNode   *node,
                  const char *path)
{
  JsonNode *found = sim_json (node, path);

  g_assert_nonnull (found);
  return JSON_NODE_HOLDS_NULL (found);
}

guint
sim_json_length (JsonNode   *node,
                 const char *path)
{
  JsonNode *found = path ? sim_json (node, path) : node;

  g_assert_nonnull (found);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (found));
  return json_array_get_length (json_node_get_array (found));
}

gint64
sim_json_time (JsonNode   *node,
               const char *path)
{
  g_autoptr(GDateTime) time = cockpit_date_time_parse (sim_json_string (node, path));

  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

JsonNode *
sim_package_environment (JsonNode   *package,
                         const char *kind)
{
  guint n = sim_json_length (package, "environments");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("environments.%u", i);
      JsonNode *env = sim_json (package, path);

      if (g_str_equal (sim_json_string (env, "kind"), kind))
        return env;
    }
  g_error ("The package has no %s environment", kind);
}

JsonNode *
sim_get_environment_json (SimTest    *f,
                          const char *package_id,
                          const char *kind)
{
  g_autofree char *path = g_strconcat ("/api/v1/packages/", package_id, NULL);
  g_autoptr(JsonNode) package = sim_get (f, path);

  return json_node_copy (sim_package_environment (package, kind));
}
