/* test-sim-process.c: the cockpit-sim command as a process: its command line, signals, kill -9 and restarts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test runs the real executable (COCKPIT_SIM, or ../src/sim/cockpit-sim
 * next to this test's build folder) with a state file in a temporary
 * folder, and talks to it over real HTTP on 127.0.0.1.
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>

#include "sim-test-util.h"

#define TOKEN "process-token-0b8e1d"
#define ENV(p, k) "/api/v1/packages/" p "/environments/" p "-" k
#define STAGE 60

typedef struct {
  GSubprocess      *process;
  GDataInputStream *out;
  char             *base;
} Sim;

typedef struct {
  SimTest  t;                /* for the session and the temporary folder */
  char    *state;
  Sim      sim;
} ProcessTest;

static char *
sim_executable (void)
{
  const char *path = g_getenv ("COCKPIT_SIM");

  if (path != NULL)
    return g_strdup (path);
  return g_test_build_filename (G_TEST_BUILT, "..", "src", "sim", "cockpit-sim", NULL);
}

/* Starts cockpit-sim with @args (NULL-terminated) and reads its first line. */
static gboolean
sim_spawn (Sim         *sim,
           const char  *first,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, sim_executable ());
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  sim->process = g_subprocess_newv ((const char * const *) argv->pdata,
                                    G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                    &error);
  g_assert_no_error (error);
  sim->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (sim->process));
  line = g_data_input_stream_read_line_utf8 (sim->out, NULL, NULL, &error);
  g_assert_no_error (error);
  if (line == NULL)
    return FALSE;

  g_assert_true (g_str_has_prefix (line, "listening on http://127.0.0.1:"));
  sim->base = g_strdup (line + strlen ("listening on "));
  return TRUE;
}

/* Waits for the process to end; returns everything it wrote after the first line. */
static char *
sim_wait (Sim  *sim,
          int  *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) output = g_string_new (NULL);
  g_autofree char *err = NULL;
  char *line;
  gsize length;

  while ((line = g_data_input_stream_read_line_utf8 (sim->out, NULL, NULL, &error)) != NULL)
    {
      g_string_append_printf (output, "%s\n", line);
      g_free (line);
    }
  g_assert_no_error (error);
  err = g_malloc0 (65536);
  if (g_input_stream_read_all (g_subprocess_get_stderr_pipe (sim->process), err, 65535, &length, NULL, &error))
    g_string_append_len (output, err, length);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_wait (sim->process, NULL, &error));
  g_assert_no_error (error);
  *status = g_subprocess_get_status (sim->process);
  g_clear_object (&sim->out);
  g_clear_object (&sim->process);
  g_clear_pointer (&sim->base, g_free);
  return g_string_free (g_steal_pointer (&output), FALSE);
}

static void
sim_kill (Sim *sim)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_force_exit (sim->process);
  g_assert_true (g_subprocess_wait (sim->process, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (sim->process));
  g_assert_cmpint (g_subprocess_get_term_sig (sim->process), ==, SIGKILL);
  g_clear_object (&sim->out);
  g_clear_object (&sim->process);
  g_clear_pointer (&sim->base, g_free);
}

/* Sends SIGTERM (or SIGINT) and checks for a clean exit that never
 * printed the token. */
static void
sim_terminate (Sim *sim,
               int  signal_number)
{
  g_autofree char *output = NULL;
  int status;

  g_subprocess_send_signal (sim->process, signal_number);
  output = sim_wait (sim, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_null (strstr (output, TOKEN));
}

static void
setup (ProcessTest   *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->t.dir = g_dir_make_tmp ("cockpit-sim-process-XXXXXX", &error);
  g_assert_no_error (error);
  f->t.session = soup_session_new ();
  f->state = sim_test_path (&f->t, "state.json");
}

static void
teardown (ProcessTest   *f,
          gconstpointer  data)
{
  if (f->sim.process != NULL)
    sim_kill (&f->sim);
  g_clear_pointer (&f->state, g_free);
  g_clear_pointer (&f->t.base, g_free);
  sim_test_teardown (&f->t, NULL);
}

static void
start (ProcessTest *f)
{
  g_assert_true (sim_spawn (&f->sim, "--token", TOKEN, "--state", f->state, "--test-controls",
                            "--stage-seconds", "60", NULL));
  /* A new session: no connection to the previous process is reused. */
  g_clear_object (&f->t.session);
  f->t.session = soup_session_new ();
  g_free (f->t.base);
  f->t.base = g_strdup (f->sim.base);

  /* A new state is saved once the start is over, when the simulator is
   * first idle: within moments of its answering. */
  for (int i = 0; i < 500 && !g_file_test (f->state, G_FILE_TEST_IS_REGULAR); i++)
    g_usleep (10 * 1000);
}

static SimAnswer *
request (ProcessTest *f,
         const char  *method,
         const char  *path,
         const char  *body,
         const char  *key)
{
  g_autoptr(GBytes) bytes = body ? g_bytes_new (body, strlen (body)) : NULL;

  return sim_request_to (f->t.session, f->t.base, method, path, TOKEN, bytes, key);
}

static JsonNode *
get (ProcessTest *f,
     const char  *path)
{
  g_autoptr(SimAnswer) answer = request (f, "GET", path, NULL, NULL);

  g_assert_cmpuint (answer->status, ==, 200);
  return json_node_ref (answer->json);
}

static void
advance (ProcessTest *f,
         gint64       seconds)
{
  g_autofree char *body = g_strdup_printf ("{\"advance_seconds\": %" G_GINT64_FORMAT "}", seconds);
  g_autoptr(SimAnswer) answer = request (f, "POST", "/_sim/clock", body, NULL);

  g_assert_cmpuint (answer->status, ==, 200);
}

static void
test_command_line (ProcessTest   *f,
                   gconstpointer  data)
{
  g_autofree char *token_file = sim_test_path (&f->t, "token");
  g_autoptr(SimAnswer) me = NULL;
  g_autoptr(SimAnswer) denied = NULL;
  g_autoptr(SimAnswer) no_controls = NULL;
  g_autofree char *output = NULL;
  int status;

  /* No token: an error, and no server. */
  g_assert_false (sim_spawn (&f->sim, NULL));
  output = sim_wait (&f->sim, &status);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (output, "--token"));
  g_clear_pointer (&output, g_free);

  g_assert_false (sim_spawn (&f->sim, "--token", TOKEN, "--seed", "huge", NULL));
  output = sim_wait (&f->sim, &status);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_clear_pointer (&output, g_free);

  /* A token file with a NUL byte or a second line is refused: before,
   * the token was cut at the NUL unseen, or kept a line break no client
   * can send (found by fuzz-token-file). */
  {
    static const struct { const char *text; gsize length; } bad[] = {
      { TOKEN "\0rest\n", sizeof TOKEN + 5 },
      { TOKEN "\nsecond line\n", sizeof TOKEN + 12 },
      { TOKEN "\x1b[0m", sizeof TOKEN + 3 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_assert_true (g_file_set_contents (token_file, bad[i].text, (gssize) bad[i].length, NULL));
        g_assert_false (sim_spawn (&f->sim, "--token-file", token_file, "--seed", "empty", NULL));
        output = sim_wait (&f->sim, &status);
        g_assert_false (g_spawn_check_wait_status (status, NULL));
        g_assert_nonnull (strstr (output, "token file"));
        g_clear_pointer (&output, g_free);
      }
  }

  /* The token from a file; in memory; no test controls. */
  g_assert_true (g_file_set_contents (token_file, TOKEN "\n", -1, NULL));
  g_assert_true (sim_spawn (&f->sim, "--token-file", token_file, "--seed", "empty", "--port", "0",
                            "--address", "127.0.0.1", NULL));
  f->t.base = g_strdup (f->sim.base);
  me = request (f, "GET", "/api/v1/me", NULL, NULL);
  g_assert_cmpuint (me->status, ==, 200);
  denied = sim_request_to (f->t.session, f->t.base, "GET", "/api/v1/me", "nope", NULL, NULL);
  sim_assert_error (denied, 401, "unauthorized");
  no_controls = request (f, "GET", "/_sim/clock", NULL, NULL);
  sim_assert_error (no_controls, 404, "not_found");
  sim_terminate (&f->sim, SIGINT);
  g_assert_false (g_file_test (f->state, G_FILE_TEST_EXISTS));
}

/* SIGTERM ends it cleanly, and a restart has everything back: the clock,
 * changes, the running action, idempotency records. */
static void
test_clean_restart (ProcessTest   *f,
                    gconstpointer  data)
{
  g_autoptr(SimAnswer) started = NULL;
  g_autoptr(SimAnswer) read = NULL;
  g_autoptr(SimAnswer) replay = NULL;
  g_autoptr(JsonNode) clock = NULL;
  g_autoptr(JsonNode) action = NULL;
  g_autoptr(JsonNode) notifications = NULL;
  g_autoptr(JsonNode) package = NULL;
  g_autofree char *action_path = NULL;

  start (f);
  g_assert_true (g_file_test (f->state, G_FILE_TEST_IS_REGULAR));
  advance (f, 1000);
  read = request (f, "POST", "/api/v1/notifications/ntf-1/read", NULL, NULL);
  g_assert_cmpuint (read->status, ==, 204);
  started = request (f, "POST", ENV ("acmeweb", "uat") "/upgrade", "{\"target_version\": \"6.3.21\"}", "k-1");
  g_assert_cmpuint (started->status, ==, 202);
  action_path = g_strconcat ("/api/v1/actions/", sim_json_string (started->json, "id"), NULL);
  advance (f, STAGE + 10);
  sim_terminate (&f->sim, SIGTERM);

  start (f);
  clock = get (f, "/_sim/clock");
  g_assert_cmpint (sim_json_int (clock, "offset_seconds"), ==, 1000 + STAGE + 10);
  notifications = get (f, "/api/v1/notifications");
  g_assert_cmpstr (sim_json_string (notifications, "notifications.0.id"), ==, "ntf-1");
  g_assert_true (sim_json_bool (notifications, "notifications.0.read"));

  action = get (f, action_path);
  g_assert_cmpstr (sim_json_string (action, "status"), ==, "running");
  g_assert_cmpstr (sim_json_string (action, "stage"), ==, "deploy_version");
  replay = request (f, "POST", ENV ("acmeweb", "uat") "/upgrade", "{\"target_version\": \"6.3.21\"}", "k-1");
  g_assert_cmpuint (replay->status, ==, 202);
  g_assert_true (g_bytes_equal (replay->body, started->body));

  advance (f, 4 * STAGE);
  g_clear_pointer (&action, json_node_unref);
  action = get (f, action_path);
  g_assert_cmpstr (sim_json_string (action, "status"), ==, "succeeded");
  package = get (f, "/api/v1/packages/acmeweb");
  g_assert_cmpstr (sim_json_string (sim_package_environment (package, "uat"), "magnolia_version"), ==, "6.3.21");
  sim_terminate (&f->sim, SIGTERM);
}

/* kill -9 right after an action was acknowledged loses nothing, and the
 * action goes on from where the clock says it is. */
static void
test_kill_during_action (ProcessTest   *f,
                         gconstpointer  data)
{
  g_autoptr(SimAnswer) started = NULL;
  g_autoptr(JsonNode) action = NULL;
  g_autoptr(JsonNode) done = NULL;
  g_autoptr(JsonNode) package = NULL;
  g_autoptr(JsonNode) activity = NULL;
  g_autofree char *action_path = NULL;
  guint upgraded = 0;

  start (f);
  started = request (f, "POST", ENV ("acmeweb", "live") "/upgrade", "{\"target_version\": \"6.3.21\"}", NULL);
  g_assert_cmpuint (started->status, ==, 202);
  action_path = g_strconcat ("/api/v1/actions/", sim_json_string (started->json, "id"), NULL);
  sim_kill (&f->sim);

  start (f);
  action = get (f, action_path);
  g_assert_cmpstr (sim_json_string (action, "status"), ==, "running");
  g_assert_cmpstr (sim_json_string (action, "created_at"), ==, sim_json_string (started->json, "created_at"));
  package = get (f, "/api/v1/packages/acmeweb");
  g_assert_cmpstr (sim_json_string (package, "running_action.id"), ==, sim_json_string (started->json, "id"));
  g_assert_cmpstr (sim_json_string (sim_package_environment (package, "live"), "state"), ==, "upgrading");

  /* Killed again in the middle of it. */
  advance (f, 2 * STAGE + 10);
  sim_kill (&f->sim);
  start (f);
  g_clear_pointer (&action, json_node_unref);
  action = get (f, action_path);
  g_assert_cmpstr (sim_json_string (action, "stage"), ==, "verify_replica");

  advance (f, 3 * STAGE);
  done = get (f, action_path);
  g_assert_cmpstr (sim_json_string (done, "status"), ==, "succeeded");
  g_clear_pointer (&package, json_node_unref);
  package = get (f, "/api/v1/packages/acmeweb");
  g_assert_cmpstr (sim_json_string (sim_package_environment (package, "live"), "magnolia_version"), ==, "6.3.21");
  g_assert_false (sim_json_is_null (sim_package_environment (package, "live"), "upgrade_backup"));

  /* One entry for it, not one per start. */
  activity = get (f, "/api/v1/packages/acmeweb/activity?q=upgraded%20to%206.3.21&affects=live");
  for (guint i = 0; i < sim_json_length (activity, "entries"); i++)
    {
      g_autofree char *path = g_strdup_printf ("entries.%u.action_id", i);

      if (!sim_json_is_null (activity, path) &&
          g_str_equal (sim_json_string (activity, path), sim_json_string (started->json, "id")))
        upgraded++;
    }
  g_assert_cmpuint (upgraded, ==, 1);
  sim_terminate (&f->sim, SIGTERM);
}

/* The clock runs while the simulator is down: what fell due meanwhile is
 * carried out at start, at its own time. */
static void
test_due_while_down (ProcessTest   *f,
                     gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(JsonNode) action = NULL;
  g_autoptr(SimAnswer) started = NULL;
  g_autofree char *action_path = NULL;
  g_autofree char *text = NULL;
  JsonObject *root;
  gsize length;

  start (f);
  started = request (f, "POST", ENV ("acmeweb", "live") "/backups", NULL, NULL);
  g_assert_cmpuint (started->status, ==, 202);
  action_path = g_strconcat ("/api/v1/actions/", sim_json_string (started->json, "id"), NULL);
  sim_terminate (&f->sim, SIGTERM);

  /* An hour passes while it is down: moved in the state file's clock. */
  g_assert_true (g_file_get_contents (f->state, &contents, &length, NULL));
  state = json_from_string (contents, NULL);
  g_assert_nonnull (state);
  root = json_node_get_object (state);
  json_object_set_int_member (root, "clock_offset",
                              json_object_get_int_member (root, "clock_offset") + G_GINT64_CONSTANT (3600000000));
  text = json_to_string (state, FALSE);
  g_assert_true (g_file_set_contents (f->state, text, -1, NULL));

  start (f);
  action = get (f, action_path);
  g_assert_cmpstr (sim_json_string (action, "status"), ==, "succeeded");
  g_assert_cmpint (sim_json_time (action, "finished_at"), ==, sim_json_time (action, "created_at") + STAGE);
  sim_terminate (&f->sim, SIGTERM);
}

static void
test_damaged_state (ProcessTest   *f,
                    gconstpointer  data)
{
  g_autofree char *output = NULL;
  g_autofree char *contents = NULL;
  int status;

  g_assert_true (g_file_set_contents (f->state, "not a state file", -1, NULL));
  g_assert_false (sim_spawn (&f->sim, "--token", TOKEN, "--state", f->state, NULL));
  output = sim_wait (&f->sim, &status);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (output, "damaged"));
  g_assert_true (g_file_get_contents (f->state, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "not a state file");
}

/* SIGTERM sent the moment the "listening on" line is read ends the
 * simulator cleanly, every time: its handlers are in place before it says
 * it listens. */
static void
test_sigterm_at_once (ProcessTest   *f,
                      gconstpointer  data)
{
  for (guint i = 0; i < 20; i++)
    {
      start (f);
      sim_terminate (&f->sim, SIGTERM);
    }
}

/* kill -9 during a save leaves the temporary file of the atomic replace
 * beside the state file; the next start removes such files, and only
 * those. */
static void
test_stale_temp_files (ProcessTest   *f,
                       gconstpointer  data)
{
  g_autofree char *stale = g_strconcat (f->state, ".Q7zK2p", NULL);
  g_autofree char *other = g_strconcat (f->state, ".backup", NULL);
  g_autofree char *unrelated = sim_test_path (&f->t, "notes.Q7zK2p");

  start (f);
  sim_terminate (&f->sim, SIGTERM);

  g_assert_true (g_file_set_contents (stale, "{\"format\"", -1, NULL));
  g_assert_true (g_file_set_contents (other, "kept", -1, NULL));
  g_assert_true (g_file_set_contents (unrelated, "kept", -1, NULL));
  start (f);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (unrelated, G_FILE_TEST_EXISTS));
  sim_terminate (&f->sim, SIGTERM);
  g_remove (other);
  g_remove (unrelated);
}

/* Two simulators never share a state file: a second one, in another
 * process or in this one, is refused in words that name the holder, and
 * the file is free again once the first has ended. */
static void
test_state_locked (ProcessTest   *f,
                   gconstpointer  data)
{
  g_autoptr(CockpitSimulator) second = NULL;
  g_autoptr(CockpitSimulator) third = NULL;
  g_autoptr(CockpitSimulator) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pid = NULL;
  g_autofree char *output = NULL;
  g_autofree char *before = NULL;
  g_autofree char *contents = NULL;
  Sim other = { 0 };
  int status;

  start (f);
  pid = g_strdup_printf ("process %s", g_subprocess_get_identifier (f->sim.process));
  g_assert_true (g_file_get_contents (f->state, &before, NULL, NULL));

  second = cockpit_simulator_new (TOKEN, COCKPIT_SIM_SEED_EMPTY, f->state, 1, FALSE, &error);
  g_assert_null (second);
  g_assert_error (error, COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE_IN_USE);
  g_assert_nonnull (strstr (error->message, "in use by another simulator"));
  g_assert_nonnull (strstr (error->message, pid));
  g_clear_error (&error);

  /* Another process is refused too, and says why. */
  g_assert_false (sim_spawn (&other, "--token", TOKEN, "--state", f->state, NULL));
  output = sim_wait (&other, &status);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (output, "in use by another simulator"));

  /* Nothing was written by those that were refused. */
  g_assert_true (g_file_get_contents (f->state, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, before);

  sim_terminate (&f->sim, SIGTERM);
  after = cockpit_simulator_new (TOKEN, COCKPIT_SIM_SEED_EMPTY, f->state, 1, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (after);

  /* Within one process the lock holds as well. */
  third = cockpit_simulator_new (TOKEN, COCKPIT_SIM_SEED_EMPTY, f->state, 1, FALSE, &error);
  g_assert_null (third);
  g_assert_error (error, COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE_IN_USE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cockpit/sim/process/" path, ProcessTest, NULL, setup, func, teardown)

  ADD ("command-line", test_command_line);
  ADD ("clean-restart", test_clean_restart);
  ADD ("kill-during-action", test_kill_during_action);
  ADD ("due-while-down", test_due_while_down);
  ADD ("damaged-state", test_damaged_state);
  ADD ("state-locked", test_state_locked);
  ADD ("sigterm-at-once", test_sigterm_at_once);
  ADD ("stale-temp-files", test_stale_temp_files);

#undef ADD

  return g_test_run ();
}
