/* test-sign-in-no-keyring.c: without a keyring, signing in fails in words and keeps the token nowhere.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-application.h"
#include "cockpit-window-private.h"
#include "test-app-util.h"
#include "test-session-util.h"

#define TOKEN "no-keyring-token-31c7"

static TestSession session;

/* Fails when any file under @path holds @needle. */
static void
assert_not_in_files (const char *path,
                     const char *needle)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        assert_not_in_files (child, needle);
      else if (g_file_get_contents (child, &contents, NULL, NULL))
        g_assert_null (strstr (contents, needle));
    }
}

static void
test_no_keyring (void)
{
  g_autoptr(CockpitSimulator) sim = NULL;
  g_autoptr(CockpitApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  CockpitWindow *window;
  const char *message;

  sim = test_app_new_simulator (TOKEN, COCKPIT_SIM_SEED_DEMO, 60, FALSE);
  app = test_app_new_application ();
  g_application_activate (G_APPLICATION (app));
  WAIT_FOR (gtk_application_get_active_window (GTK_APPLICATION (app)) != NULL);
  window = COCKPIT_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  /* The token is right, but there is nowhere safe to keep it. */
  cockpit_window_set_sign_in_text (window, cockpit_simulator_get_base_url (sim), TOKEN);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-in", NULL);
  WAIT_FOR (cockpit_window_get_sign_in_error (window) != NULL);

  message = cockpit_window_get_sign_in_error (window);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "keyring"));
  g_assert_null (cockpit_application_get_session (app));
  g_assert_cmpstr (cockpit_window_get_page_name (window), ==, "sign-in");

  /* No plaintext fallback: not in the settings, not in any file. */
  url = g_settings_get_string (cockpit_application_get_settings (app), "cockpit-url");
  g_assert_cmpstr (url, ==, "");
  assert_not_in_files (session.dir, TOKEN);

  cockpit_test_save_screenshots (GTK_WIDGET (window), "window-sign-in-no-keyring");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  test_session_start (&session, FALSE);

  g_test_add_func ("/cockpit/sign-in/no-keyring", test_no_keyring);
  result = g_test_run ();

  test_session_stop (&session);
  return result;
}
