/* test-service.c: started as at log-in (--gapplication-service), the app follows what needs it, with no window, and then ends.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built app runs as a separate process on the test's private bus,
 * with a keyring, and talks to a simulator of the demo seed served by
 * this process.
 */
#include "config.h"

#include <signal.h>

#include "cockpit-secret-store.h"
#include "test-app-util.h"

#define TOKEN "service-token"

static TestSession desktop;
static CockpitSimulator *sim;

static void
exited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *(gboolean *) user_data = TRUE;
}

/* The built app, started as at log-in, with the settings in a key file of
 * the test's home (the memory backend is not shared between processes). */
static GSubprocess *
start_service (const char *cockpit_url,
               gboolean   *exited)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autofree char *folder = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (folder, "keyfile", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocess *app;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  contents = g_strdup_printf ("[io/github/upgradecockpit/UpgradeCockpit]\ncockpit-url='%s'\n", cockpit_url);
  g_assert_true (g_file_set_contents (keyfile, contents, -1, NULL));
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);

  *exited = FALSE;
  app = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("COCKPIT_APP"), "--gapplication-service", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (app, NULL, exited_cb, exited);
  return app;
}

/* Started at log-in with nothing to follow (not signed in), the app ends
 * by itself, without a window. */
static void
test_service_nothing_to_do (void)
{
  g_autoptr(GSubprocess) app = NULL;
  gboolean exited;

  app = start_service ("", &exited);
  WAIT_FOR (exited);
  g_assert_true (g_subprocess_get_if_exited (app));
  g_assert_cmpint (g_subprocess_get_exit_status (app), ==, 0);
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cockpit_secret_store_store_finish (COCKPIT_SECRET_STORE (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* Signed in (a token in the keyring), with an upgrade backup whose
 * reminder is still to come: the app started at log-in signs in by itself
 * and stays, with no window, so that it can send the reminder. */
static void
test_service_stays_for_reminder (void)
{
  g_autoptr(CockpitSecretStore) store = cockpit_secret_store_new ();
  g_autoptr(GSubprocess) app = NULL;
  const char *url = cockpit_simulator_get_base_url (sim);
  gboolean stored = FALSE;
  gboolean exited;
  gint64 until;

  cockpit_secret_store_store_async (store, url, "Alex Example", TOKEN, NULL, stored_cb, &stored);
  WAIT_FOR (stored);

  app = start_service (url, &exited);
  WAIT_FOR (test_session_name_has_owner (APP_ID));
  /* Longer than the app lingers once nothing needs it. */
  until = g_get_monotonic_time () + 15 * G_TIME_SPAN_SECOND;
  WAIT_FOR (exited || g_get_monotonic_time () > until);
  g_assert_false (exited);
  g_assert_true (test_session_name_has_owner (APP_ID));

  g_subprocess_send_signal (app, SIGTERM);
  WAIT_FOR (exited);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  test_session_start (&desktop, TRUE);

  /* Stages of ten minutes: nothing moves unless the clock does. */
  sim = test_app_new_simulator (TOKEN, COCKPIT_SIM_SEED_DEMO, 600, TRUE);

  g_test_add_func ("/cockpit/service/nothing-to-do", test_service_nothing_to_do);
  g_test_add_func ("/cockpit/service/stays-for-reminder", test_service_stays_for_reminder);

  result = g_test_run ();
  g_clear_object (&sim);
  test_session_stop (&desktop);
  return result;
}
