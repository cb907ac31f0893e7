/* test-demo.c: `upgrade-cockpit --demo` starts the built-in simulator and signs in by itself.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-application.h"
#include "cockpit-window-private.h"
#include "test-session-util.h"
#include "test-ui-util.h"

static TestSession session;
static gboolean    checked;

static gboolean
check_cb (gpointer user_data)
{
  CockpitApplication *app = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  CockpitSession *cockpit = cockpit_application_get_session (app);

  /* GTK is up once the application has started. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  if (window == NULL || cockpit == NULL ||
      g_list_model_get_n_items (cockpit_session_get_packages (cockpit)) == 0 ||
      g_list_model_get_n_items (cockpit_session_get_releases (cockpit)) == 0)
    return G_SOURCE_CONTINUE;

  g_assert_true (cockpit_application_get_demo (app));
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Upgrade Cockpit");
  g_assert_cmpstr (cockpit_window_get_page_name (COCKPIT_WINDOW (window)), ==, "packages");

  /* The demo cockpit runs on loopback, never anywhere else. */
  g_assert_true (g_str_has_prefix (cockpit_client_get_base_url (cockpit_session_get_client (cockpit)),
                                   "http://127.0.0.1:"));

  gtk_window_set_default_size (window, 1280, 860);
  cockpit_test_wait_for_draw (GTK_WIDGET (window));
  cockpit_test_save_screenshot (GTK_WIDGET (window), "demo-overview");

  checked = TRUE;
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static void
test_demo (void)
{
  g_autoptr(CockpitApplication) app = cockpit_application_new ();
  char *argv[] = { (char *) "upgrade-cockpit", (char *) "--demo", NULL };
  g_autofree char *state = NULL;
  int status;

  g_timeout_add (50, check_cb, app);
  status = g_application_run (G_APPLICATION (app), 2, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (checked);

  /* Its state is kept in the user's data folder for the next run. */
  state = g_build_filename (g_get_user_data_dir (), "upgrade-cockpit", "demo-state.json", NULL);
  g_assert_true (g_file_test (state, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  test_session_start (&session, FALSE);

  g_test_add_func ("/cockpit/demo/starts", test_demo);
  result = g_test_run ();

  test_session_stop (&session);
  return result;
}
