/* test-startup-memory.c: what a start of the app loads that it does not show.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A demo start used to load librsvg (6.4 MiB of PSS, docs/performance.md)
 * to draw two big icons, the app's on the sign-in page and folder-symbolic
 * on the "No Packages" page, that exist only as SVG at their sizes and
 * were looked up while their pages were hidden.  This test runs in a
 * process of its own so that nothing else has loaded it before.
 */
#include "config.h"

#include <string.h>

#include "cockpit-application.h"
#include "cockpit-window.h"
#include "test-session-util.h"
#include "test-ui-util.h"

static TestSession session;

static gboolean
maps_contain (const char *library)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, library) != NULL;
}

static gboolean
check_cb (gpointer user_data)
{
  CockpitApplication *application = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (application));
  CockpitSession *cockpit = cockpit_application_get_session (application);

  if (active == NULL || cockpit == NULL ||
      g_list_model_get_n_items (cockpit_session_get_packages (cockpit)) == 0 ||
      g_strcmp0 (cockpit_window_get_page_name (COCKPIT_WINDOW (active)), "packages") != 0)
    return G_SOURCE_CONTINUE;

  /* A few frames of the packages shown, and time for GTK's icon loader
   * threads to have done what they were asked. */
  for (int i = 0; i < 5; i++)
    cockpit_test_wait_for_draw (GTK_WIDGET (active));
  g_usleep (200 * 1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_false (maps_contain ("librsvg"));
  g_assert_false (maps_contain ("libpixbufloader-svg"));

  g_application_quit (G_APPLICATION (application));
  return G_SOURCE_REMOVE;
}

/* upgrade-cockpit --demo shows its packages without the SVG loader. */
static void
test_demo_no_svg (void)
{
  g_autoptr(CockpitApplication) application = cockpit_application_new ();
  char *argv[] = { (char *) "upgrade-cockpit", (char *) "--demo", NULL };

  g_assert_false (maps_contain ("librsvg"));
  g_timeout_add (50, check_cb, application);
  g_assert_cmpint (g_application_run (G_APPLICATION (application), 2, argv), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  test_session_start (&session, FALSE);
  g_setenv ("COCKPIT_DEMO_STAGE_SECONDS", "600", TRUE);

  g_test_add_func ("/cockpit/startup-memory/demo-no-svg", test_demo_no_svg);

  result = g_test_run ();
  test_session_stop (&session);
  return result;
}
