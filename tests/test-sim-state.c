/* test-sim-state.c: the simulator's state file as hostile input: every number is range-checked when loaded.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A state file is written by a real simulator (with one action in it),
 * then one number at a time is set to a hostile value; loading it must
 * fail with an error that names the field, and must never overflow later
 * (run this test under UBSan to see what it guards against).
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sim-test-util.h"
#include "test-model-util.h"

#define ENV(p, k) "/api/v1/packages/" p "/environments/" p "-" k

typedef struct {
  const char *object;   /* dotted path to the object, "" for the top level */
  const char *member;
  gint64      value;
} Case;

static const Case cases[] = {
  { "", "clock_offset", G_MAXINT64 },
  { "", "clock_offset", -G_MAXINT64 },
  { "", "clock_offset", G_GINT64_CONSTANT (1001) * 366 * 24 * 3600 * G_USEC_PER_SEC },
  { "", "processed_until", G_MAXINT64 },
  { "", "processed_until", -1 },
  { "", "next_action", G_GINT64_CONSTANT (1) << 40 },
  { "releases.0", "released_at", G_MAXINT64 },
  { "notifications.0", "received_at", G_MININT64 },
  { "packages.0.actions.0", "created_at", G_MAXINT64 },
  { "packages.0.actions.0", "stage_duration", -1 },
  { "packages.0.actions.0", "stage_duration", G_MAXINT64 },
  { "packages.0.actions.0", "current", -1 },
  { "packages.0.actions.0", "fail_stage", G_MAXINT64 },
  { "packages.0.actions.0.stages.0", "started_at", G_MAXINT64 },
  { "packages.0.activity.0", "at", -5 },
  { "idempotency.0", "status", G_MAXINT64 },
  { "idempotency.0", "at", G_MAXINT64 },
};

static void
test_hostile_numbers (SimTest       *f,
                      gconstpointer  data)
{
  g_autofree char *state = sim_test_path (f, "state.json");
  g_autofree char *original = NULL;
  g_autoptr(SimAnswer) started = NULL;
  g_autoptr(SimAnswer) key = NULL;

  /* A real state file, with an action, an idempotency record and activity. */
  sim_test_start (f, COCKPIT_SIM_SEED_DEMO, state, SIM_TEST_STAGE_SECONDS, TRUE);
  started = sim_request (f, "POST", ENV ("acmeweb", "uat") "/upgrade",
                         "{\"target_version\": \"6.3.21\"}", "state-key-1");
  g_assert_cmpuint (started->status, ==, 202);
  sim_test_stop (f);
  g_assert_true (g_file_get_contents (state, &original, NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = json_from_string (original, NULL);
      g_autoptr(CockpitSimulator) sim = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      JsonObject *object;

      g_test_message ("%s.%s = %" G_GINT64_FORMAT, cases[i].object, cases[i].member, cases[i].value);
      object = model_object_at (root, cases[i].object);
      g_assert_true (json_object_has_member (object, cases[i].member));
      json_object_set_int_member (object, cases[i].member, cases[i].value);
      text = json_to_string (root, FALSE);
      g_assert_true (g_file_set_contents (state, text, -1, NULL));

      sim = cockpit_simulator_new (SIM_TEST_TOKEN, COCKPIT_SIM_SEED_DEMO, state, SIM_TEST_STAGE_SECONDS,
                                   TRUE, &error);
      g_assert_null (sim);
      g_assert_error (error, COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE);
      g_assert_nonnull (strstr (error->message, cases[i].member));
      g_assert_nonnull (strstr (error->message, "out of range"));
    }

  /* The file as it was loads again: the checks refuse only what is wrong. */
  g_assert_true (g_file_set_contents (state, original, -1, NULL));
  sim_test_start (f, COCKPIT_SIM_SEED_DEMO, state, SIM_TEST_STAGE_SECONDS, TRUE);
  key = sim_request (f, "POST", ENV ("acmeweb", "uat") "/upgrade",
                     "{\"target_version\": \"6.3.21\"}", "state-key-1");
  g_assert_cmpuint (key->status, ==, 202);
  g_assert_true (g_bytes_equal (key->body, started->body));
}

/* A new state is written once the simulator is first idle, not while it
 * starts (in the demo, the start of the app); stopped before that, it is
 * written as it stops.  Either way the next start goes on from it. */
static void
test_first_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sim-first-save-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (dir, "state.json", NULL);
  g_autofree char *lock = g_strconcat (state, ".lock", NULL);
  g_autoptr(GError) error = NULL;
  CockpitSimulator *sim;

  for (int stop_first = 0; stop_first <= 1; stop_first++)
    {
      sim = cockpit_simulator_new (SIM_TEST_TOKEN, COCKPIT_SIM_SEED_DEMO, state, SIM_TEST_STAGE_SECONDS,
                                   FALSE, &error);
      g_assert_no_error (error);
      g_assert_false (g_file_test (state, G_FILE_TEST_EXISTS));

      if (stop_first)
        cockpit_simulator_stop (sim);
      else
        while (!g_file_test (state, G_FILE_TEST_EXISTS))
          g_main_context_iteration (NULL, TRUE);
      g_assert_true (g_file_test (state, G_FILE_TEST_IS_REGULAR));
      g_object_unref (sim);

      /* And it loads. */
      sim = cockpit_simulator_new (SIM_TEST_TOKEN, COCKPIT_SIM_SEED_DEMO, state, SIM_TEST_STAGE_SECONDS,
                                   FALSE, &error);
      g_assert_no_error (error);
      g_object_unref (sim);
      g_assert_cmpint (g_unlink (state), ==, 0);
    }
  g_unlink (lock);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cockpit/sim/state/hostile-numbers", SimTest, NULL,
              sim_test_setup, test_hostile_numbers, sim_test_teardown);
  g_test_add_func ("/cockpit/sim/state/first-save", test_first_save);

  return g_test_run ();
}
