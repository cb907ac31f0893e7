/* test-tracker-crash.c: kill -9 of the app's action tracker at each point of its work, then a restart.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real tracker runs in tracker-driver, a process of its own, against
 * a cockpit-sim process over real HTTP on 127.0.0.1.  The driver kills
 * itself with SIGKILL at the point COCKPIT_CRASH_AT names; then it is
 * started again on the same journal, and must follow the action to its
 * end and report it exactly once, and the simulator must have started it
 * at most once.
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#define TOKEN "crash-token-8d2f4e61"

typedef struct {
  char             *dir;
  char             *journal;
  GSubprocess      *sim;
  GDataInputStream *sim_out;
  char             *base;
  SoupSession      *session;
  GString          *said;     /* every line of every run of the driver */
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sim = g_test_build_filename (G_TEST_BUILT, "..", "src", "sim", "cockpit-sim", NULL);
  g_autofree char *state = NULL;
  g_autofree char *line = NULL;

  f->dir = g_dir_make_tmp ("cockpit-tracker-crash-XXXXXX", &error);
  g_assert_no_error (error);
  f->journal = g_build_filename (f->dir, "state", "actions.json", NULL);
  state = g_build_filename (f->dir, "sim-state.json", NULL);
  f->said = g_string_new (NULL);

  f->sim = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             sim, "--token", TOKEN, "--state", state, "--test-controls",
                             "--stage-seconds", "60", NULL);
  g_assert_no_error (error);
  f->sim_out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (f->sim));
  line = g_data_input_stream_read_line_utf8 (f->sim_out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "listening on "));
  f->base = g_strdup (line + strlen ("listening on "));
  f->session = soup_session_new ();
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_subprocess_send_signal (f->sim, SIGTERM);
  g_assert_true (g_subprocess_wait (f->sim, NULL, NULL));
  g_clear_object (&f->sim_out);
  g_clear_object (&f->sim);
  g_clear_object (&f->session);
  remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->journal, g_free);
  g_clear_pointer (&f->base, g_free);
  g_string_free (f->said, TRUE);
}

/* A request to the simulator; returns its JSON answer. */
static JsonNode *
sim_request (Fixture    *f,
             const char *method,
             const char *path,
             const char *body)
{
  g_autofree char *url = g_strconcat (f->base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *authorization = g_strdup_printf ("Bearer %s", TOKEN);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  answer = soup_session_send_and_read (f->session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  return json_from_string (g_bytes_get_data (answer, NULL), &error);
}

static void
advance (Fixture *f,
         guint    seconds)
{
  g_autofree char *body = g_strdup_printf ("{\"advance_seconds\": %u}", seconds);
  g_autoptr(JsonNode) clock = sim_request (f, "POST", "/_sim/clock", body);
}

/* The upgrades of acmeweb's UAT that the simulator has started. */
static guint
count_upgrades (Fixture *f)
{
  g_autoptr(JsonNode) root = sim_request (f, "GET", "/api/v1/packages/acmeweb/actions", NULL);
  JsonArray *actions = json_object_get_array_member (json_node_get_object (root), "actions");
  guint count = 0;

  for (guint i = 0; i < json_array_get_length (actions); i++)
    {
      JsonObject *action = json_array_get_object_element (actions, i);

      if (g_str_equal (json_object_get_string_member (action, "kind"), "upgrade") &&
          g_str_equal (json_object_get_string_member (action, "environment_id"), "acmeweb-uat"))
        count++;
    }
  return count;
}

typedef struct {
  GSubprocess      *process;
  GDataInputStream *out;
} Driver;

static Driver *
driver_spawn (Fixture    *f,
              const char *crash_at,
              gboolean    start)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autofree char *driver = g_test_build_filename (G_TEST_BUILT, "tracker-driver", NULL);
  g_autoptr(GError) error = NULL;
  Driver *self = g_new0 (Driver, 1);

  if (crash_at != NULL)
    g_subprocess_launcher_setenv (launcher, "COCKPIT_CRASH_AT", crash_at, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "COCKPIT_CRASH_AT");
  self->process = g_subprocess_launcher_spawn (launcher, &error, driver, f->base, TOKEN, f->journal,
                                               start ? "start" : NULL, NULL);
  g_assert_no_error (error);
  self->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  return self;
}

/* The driver's next line, kept in f->said; NULL at its end. */
static char *
driver_line (Fixture *f,
             Driver  *self)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (self->out, NULL, NULL, &error);

  g_assert_no_error (error);
  if (line != NULL)
    {
      g_test_message ("driver: %s", line);
      g_string_append_printf (f->said, "%s\n", line);
    }
  return line;
}

/* Reads lines until one starts with @prefix; returns it. */
static char *
driver_wait_for (Fixture    *f,
                 Driver     *self,
                 const char *prefix)
{
  char *line;

  while ((line = driver_line (f, self)) != NULL)
    {
      if (g_str_has_prefix (line, prefix))
        return line;
      g_free (line);
    }
  g_error ("The driver ended before it said “%s”", prefix);
}

/* Reads to the end and checks how the driver ended: killed by SIGKILL, or
 * done. */
static void
driver_end (Fixture  *f,
            Driver   *self,
            gboolean  killed)
{
  g_autoptr(GError) error = NULL;
  char *line;

  while ((line = driver_line (f, self)) != NULL)
    g_free (line);
  g_assert_true (g_subprocess_wait (self->process, NULL, &error));
  g_assert_no_error (error);
  if (killed)
    {
      g_assert_true (g_subprocess_get_if_signaled (self->process));
      g_assert_cmpint (g_subprocess_get_term_sig (self->process), ==, SIGKILL);
    }
  else
    {
      g_assert_true (g_subprocess_get_if_exited (self->process));
      g_assert_cmpint (g_subprocess_get_exit_status (self->process), ==, 0);
    }
  g_clear_object (&self->out);
  g_clear_object (&self->process);
  g_free (self);
}

static guint
count_lines (Fixture    *f,
             const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (f->said->str, "\n", -1);
  guint count = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      count++;
  return count;
}

/* No temporary file is left beside the journal. */
static void
assert_no_temp_files (Fixture *f)
{
  g_autofree char *dir = g_path_get_dirname (f->journal);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    g_assert_false (g_str_has_prefix (name, "actions.json.tmp-"));
}

/* Restarts the driver after the crash and lets the action end. */
static void
restart_and_finish (Fixture *f)
{
  Driver *again = driver_spawn (f, NULL, FALSE);

  advance (f, 600);
  driver_end (f, again, FALSE);
}

/* The journal is written, the request not sent: after the restart, the
 * tracker finds that nothing was started, says so once, and sends nothing. */
static void
test_after_journal (Fixture       *f,
                    gconstpointer  data)
{
  driver_end (f, driver_spawn (f, "after-journal", TRUE), TRUE);
  g_assert_true (g_file_test (f->journal, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_upgrades (f), ==, 0);

  restart_and_finish (f);
  g_assert_cmpuint (count_lines (f, "not-started acmeweb acmeweb-uat"), ==, 1);
  g_assert_cmpuint (count_lines (f, "started "), ==, 0);
  g_assert_cmpuint (count_lines (f, "finished "), ==, 0);
  g_assert_cmpuint (count_upgrades (f), ==, 0);
}

/* The cockpit started the action, the answer never reached the tracker:
 * after the restart the action is found, not started again, followed to
 * its end and reported once. */
static void
test_before_answer (Fixture       *f,
                    gconstpointer  data)
{
  driver_end (f, driver_spawn (f, "before-answer", TRUE), TRUE);
  g_assert_cmpuint (count_upgrades (f), ==, 1);

  restart_and_finish (f);
  g_assert_cmpuint (count_lines (f, "started "), ==, 1);
  g_assert_cmpuint (count_lines (f, "finished "), ==, 1);
  g_assert_cmpuint (count_lines (f, "not-started "), ==, 0);
  g_assert_cmpuint (count_upgrades (f), ==, 1);
}

/* Killed while the action runs, after its first progress. */
static void
test_mid_action (Fixture       *f,
                 gconstpointer  data)
{
  Driver *driver = driver_spawn (f, "mid-action", TRUE);
  g_autofree char *ok = driver_wait_for (f, driver, "start-ok ");
  g_autofree char *finished = NULL;

  advance (f, 70);
  driver_end (f, driver, TRUE);
  g_assert_cmpuint (count_lines (f, "crashing at mid-action"), ==, 1);

  restart_and_finish (f);
  finished = g_strdup_printf ("finished %s succeeded", ok + strlen ("start-ok "));
  g_assert_cmpuint (count_lines (f, finished), ==, 1);
  g_assert_cmpuint (count_lines (f, "finished "), ==, 1);
  g_assert_cmpuint (count_upgrades (f), ==, 1);
}

/* Killed while the journal is saved: the second save writes the action's
 * id after the answer, the third removes the entry at its end.  Either
 * way the old journal holds, the temporary file goes, the action is
 * reported once. */
static void
test_during_save (Fixture       *f,
                  gconstpointer  data)
{
  const char *point = data;
  Driver *driver = driver_spawn (f, point, TRUE);

  if (g_str_equal (point, "journal-save:3"))
    {
      g_autofree char *ok = driver_wait_for (f, driver, "start-ok ");

      advance (f, 600);
    }
  driver_end (f, driver, TRUE);
  g_assert_cmpuint (count_upgrades (f), ==, 1);
  g_assert_cmpuint (count_lines (f, "finished "), ==, 0);

  restart_and_finish (f);
  assert_no_temp_files (f);
  g_assert_cmpuint (count_lines (f, "finished "), ==, 1);
  g_assert_cmpuint (count_lines (f, "not-started "), ==, 0);
  g_assert_cmpuint (count_upgrades (f), ==, 1);
}

/* The first save, of the intent itself: nothing was sent, and nothing is
 * in the journal, so there is nothing to report. */
static void
test_during_first_save (Fixture       *f,
                        gconstpointer  data)
{
  driver_end (f, driver_spawn (f, "journal-save:1", TRUE), TRUE);
  g_assert_cmpuint (count_upgrades (f), ==, 0);

  restart_and_finish (f);
  assert_no_temp_files (f);
  g_assert_cmpuint (count_lines (f, "started "), ==, 0);
  g_assert_cmpuint (count_lines (f, "finished "), ==, 0);
  g_assert_cmpuint (count_upgrades (f), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) \
  g_test_add ("/cockpit/tracker-crash/" path, Fixture, data, setup, func, teardown)

  ADD ("after-journal", NULL, test_after_journal);
  ADD ("before-answer", NULL, test_before_answer);
  ADD ("mid-action", NULL, test_mid_action);
  ADD ("during-save/intent", NULL, test_during_first_save);
  ADD ("during-save/action-id", "journal-save:2", test_during_save);
  ADD ("during-save/end", "journal-save:3", test_during_save);

#undef ADD

  return g_test_run ();
}
