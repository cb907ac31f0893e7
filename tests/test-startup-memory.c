/* test-startup-memory.c: what a start of the app loads that it does not show.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A demo start used to load librsvg (6.4 MiB of PSS, docs/performance.md)
 * to draw two big icons, the app's on the sign-in page and folder-symbolic
 * on the "No Packages" page, that exist only as SVG at their sizes and
 * were looked up while their pages were hidden.  This test runs in a
 * process of its own so that nothing else has loaded it before.
 *
 * Neither start makes the sign-in page, which it does not show.  A demo
 * start draws its window, on the loading page, before the demo answers and
 * before the packages page is made.
 *
 * A signed-in start also showed the "No Packages" page (and loaded
 * librsvg for its icon) while its first answer was on its way, and kept
 * the images of its frames in the heap once freed, 8 MiB: the window now
 * waits on its loading page, and the application keeps big blocks out of
 * the heap (docs/performance.md).
 *
 * A start that waits on a slow cockpit turns the loading page's spinner,
 * whose icon in the theme is SVG only: style.css gives every spinner the
 * app's own icon, a symbolic PNG in the resources.
 */
#include "config.h"

#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cockpit-application.h"
#include "cockpit-secret-store.h"
#include "cockpit-simulator.h"
#include "cockpit-window.h"
#include "test-app-util.h"
#include "test-server-util.h"

#define TOKEN "startup-memory-token"

static TestSession session;

static gboolean
check_cb (gpointer user_data)
{
  CockpitApplication *application = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (!test_app_shows_packages (application, FALSE))
    return G_SOURCE_CONTINUE;

  /* A few frames of the packages shown. */
  g_assert_false (cockpit_test_svg_loaded (GTK_WIDGET (active)));
  /* The sign-in page, never shown, was not made: its password row alone
   * is a few milliseconds of a start. */
  g_assert_null (cockpit_test_find_descendant (GTK_WIDGET (active), ADW_TYPE_PASSWORD_ENTRY_ROW, NULL));

  g_application_quit (G_APPLICATION (application));
  return G_SOURCE_REMOVE;
}

/* A big block is a mapping of its own, given back when freed.  glibc's
 * default raises its mmap threshold to the size of the biggest block
 * freed (up to 32 MiB), and takes the blocks below it from the heap,
 * where they stayed once freed: the frames' images, 8 MiB of a signed-in
 * start's 22 MiB heap.  A block of 30 MiB freed, then one of 20 MiB,
 * more than the heap has free, shows which policy is in force. */
static void
check_big_blocks_mapped (void)
{
#ifdef __GLIBC__
  struct mallinfo2 before, after;
  /* volatile, or the compiler drops a malloc () freed unused. */
  char *volatile block;

  block = malloc (30 * 1024 * 1024);
  block[0] = 1;
  free (block);
  before = mallinfo2 ();
  block = malloc (20 * 1024 * 1024);
  block[0] = 1;
  after = mallinfo2 ();
  g_assert_cmpuint (after.hblks, ==, before.hblks + 1);
  free (block);
#endif
}

static gboolean
big_blocks_cb (gpointer user_data)
{
  CockpitApplication *application = user_data;

  if (gtk_application_get_active_window (GTK_APPLICATION (application)) == NULL)
    return G_SOURCE_CONTINUE;

  check_big_blocks_mapped ();
  g_application_quit (G_APPLICATION (application));
  return G_SOURCE_REMOVE;
}

/* What the window showed in its first frame. */
typedef struct {
  gboolean painted;
  char    *page;
  guint    n_packages;
  gboolean packages_page_made;
} FirstFrame;

static FirstFrame first_frame;

static void
first_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  CockpitSession *cockpit = cockpit_application_get_session (COCKPIT_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));

  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, window);
  if (first_frame.painted)
    return;
  first_frame.painted = TRUE;
  first_frame.page = g_strdup (cockpit_window_get_page_name (COCKPIT_WINDOW (window)));
  first_frame.n_packages = cockpit != NULL ? g_list_model_get_n_items (cockpit_session_get_packages (cockpit)) : 0;
  first_frame.packages_page_made = cockpit_test_find_descendant (window, ADW_TYPE_LEAFLET, NULL) != NULL;
  cockpit_test_save_screenshot (window, "startup-demo-first-frame");
}

static void
first_realize_cb (GtkWidget *window)
{
  g_signal_connect (gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window))),
                    "after-paint", G_CALLBACK (first_paint_cb), window);
}

static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window)
{
  /* At each realize: a window may be realized again, with a new surface. */
  g_signal_connect (window, "realize", G_CALLBACK (first_realize_cb), NULL);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    first_realize_cb (GTK_WIDGET (window));
}

static gboolean
shown_cb (gpointer user_data)
{
  CockpitApplication *application = user_data;

  if (!first_frame.painted || !test_app_shows_packages (application, FALSE))
    return G_SOURCE_CONTINUE;

  g_application_quit (G_APPLICATION (application));
  return G_SOURCE_REMOVE;
}

/* Runs the app with @args, "--demo" or nothing, and @until every 50 ms
 * until it quits the app. */
static void
run_app (const char  *args,
         GSourceFunc  until)
{
  g_autoptr(CockpitApplication) application = cockpit_application_new ();
  char *argv[] = { (char *) "upgrade-cockpit", (char *) args, NULL };

  g_signal_connect (application, "window-added", G_CALLBACK (window_added_cb), NULL);
  g_timeout_add (50, until, application);
  g_assert_cmpint (g_application_run (G_APPLICATION (application), args != NULL ? 2 : 1, argv), ==, 0);
}

/* Once the application has started, big blocks are mappings of their own. */
static void
test_big_blocks_mapped (void)
{
  if (!cockpit_test_in_own_process ())
    return;
  run_app ("--demo", big_blocks_cb);
}

/* upgrade-cockpit --demo shows its packages without the SVG loader. */
static void
test_demo_no_svg (void)
{
  if (!cockpit_test_in_own_process ())
    return;
  g_assert_false (cockpit_test_maps_contain ("librsvg"));
  run_app ("--demo", check_cb);
}

/* upgrade-cockpit --demo shows its window first, on its loading page, and
 * its packages, and the page that shows them, in a later frame.  The demo
 * cockpit answers at once, from this process: started before that frame,
 * its answers and the package page they make were all handled before it,
 * and the window showed only once the whole page was laid out
 * (docs/performance.md). */
static void
test_demo_window_first (void)
{
  if (!cockpit_test_in_own_process ())
    return;
  run_app ("--demo", shown_cb);
  g_assert_true (first_frame.painted);
  g_assert_cmpstr (first_frame.page, ==, "loading");
  g_assert_cmpuint (first_frame.n_packages, ==, 0);
  /* Nor was the packages page made for it: it was most of the window's
   * template, built and styled before the first frame. */
  g_assert_false (first_frame.packages_page_made);
  g_free (first_frame.page);
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cockpit_secret_store_store_finish (COCKPIT_SECRET_STORE (object), result, &error));
  *(gboolean *) user_data = TRUE;
}

/* The app's next start signs in to @url: the cockpit's address in its
 * settings, the token in the keyring. */
static void
sign_in_to (const char *url)
{
  g_autoptr(CockpitSecretStore) store = cockpit_secret_store_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  gboolean stored = FALSE;

  cockpit_secret_store_store_async (store, url, "Alex Example", TOKEN, NULL, stored_cb, &stored);
  while (!stored)
    g_main_context_iteration (NULL, TRUE);
  g_settings_set_string (settings, "cockpit-url", url);
}

/* Signed in (its token in the keyring): the start shows the loading page
 * at once, not the sign-in page, and did load librsvg for the sign-in
 * page's big icon as that page faded out. */
static void
test_signed_in_no_svg (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitSimulator) sim = NULL;

  if (!cockpit_test_in_own_process ())
    return;
  sim = cockpit_simulator_new (TOKEN, COCKPIT_SIM_SEED_DEMO, NULL, 600, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (cockpit_simulator_listen (sim, "127.0.0.1", 0, &error));
  sign_in_to (cockpit_simulator_get_base_url (sim));

  g_assert_false (cockpit_test_maps_contain ("librsvg"));
  run_app (NULL, check_cb);
}

static gboolean
waiting_cb (gpointer user_data)
{
  CockpitApplication *application = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (application));
  CockpitSession *cockpit = cockpit_application_get_session (application);

  if (active == NULL || cockpit == NULL)
    return G_SOURCE_CONTINUE;

  for (int i = 0; i < 5; i++)
    cockpit_test_wait_for_draw (GTK_WIDGET (active));
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_session_get_packages (cockpit)), ==, 0);
  g_assert_null (cockpit_session_get_error (cockpit));
  g_assert_cmpstr (cockpit_window_get_page_name (COCKPIT_WINDOW (active)), ==, "loading");

  g_application_quit (G_APPLICATION (application));
  return G_SOURCE_REMOVE;
}

/* Runs the app signed in to a cockpit that takes the connection and
 * never answers, until @until says so. */
static void
run_app_on_silent_cockpit (GSourceFunc until)
{
  g_autoptr(GSocketService) silent = g_socket_service_new ();
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *url = test_server_listen_silent (silent, held);

  sign_in_to (url);
  g_assert_false (cockpit_test_maps_contain ("librsvg"));
  run_app (NULL, until);
}

/* Signed in to a cockpit that has not answered yet: the loading page, not
 * "No Packages" (untrue, and its icon is SVG only), until it answers. */
static void
test_signed_in_waits (void)
{
  if (!cockpit_test_in_own_process ())
    return;
  run_app_on_silent_cockpit (waiting_cb);
}

static gboolean
spinning_cb (gpointer user_data)
{
  CockpitApplication *application = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (application));
  GtkWidget *spinner = active != NULL ? cockpit_test_find_shown (GTK_WIDGET (active), GTK_TYPE_SPINNER, NULL) : NULL;

  /* The loading page's spinner turns once loading has lasted a while. */
  if (spinner == NULL || !gtk_spinner_get_spinning (GTK_SPINNER (spinner)))
    return G_SOURCE_CONTINUE;

  g_assert_cmpstr (cockpit_window_get_page_name (COCKPIT_WINDOW (active)), ==, "loading");
  /* Frames of it turning; cockpit_test_svg_loaded() would wait for the
   * main loop to have nothing left to do, which it never has while the
   * spinner turns. */
  for (int i = 0; i < 5; i++)
    cockpit_test_wait_for_draw (GTK_WIDGET (active));
  cockpit_test_save_screenshot (GTK_WIDGET (active), "startup-loading-spinner");
  g_assert_false (cockpit_test_maps_contain ("librsvg"));
  g_assert_false (cockpit_test_maps_contain ("libpixbufloader-svg"));

  g_application_quit (G_APPLICATION (application));
  return G_SOURCE_REMOVE;
}

/* A cockpit slow to answer: the loading page's spinner turns, drawn from
 * the app's own icon, without the SVG loader the theme's spinner icon
 * needs (6.4 MiB, docs/performance.md). */
static void
test_signed_in_slow_no_svg (void)
{
  if (!cockpit_test_in_own_process ())
    return;
  run_app_on_silent_cockpit (spinning_cb);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  /* A subprocess of a test uses its parent's session (the environment). */
  if (!g_test_subprocess ())
    test_session_start (&session, TRUE);
  g_setenv ("COCKPIT_DEMO_STAGE_SECONDS", "600", TRUE);

  g_test_add_func ("/cockpit/startup-memory/demo-no-svg", test_demo_no_svg);
  g_test_add_func ("/cockpit/startup-memory/demo-window-first", test_demo_window_first);
  g_test_add_func ("/cockpit/startup-memory/signed-in-no-svg", test_signed_in_no_svg);
  g_test_add_func ("/cockpit/startup-memory/signed-in-waits", test_signed_in_waits);
  g_test_add_func ("/cockpit/startup-memory/signed-in-slow-no-svg", test_signed_in_slow_no_svg);
  g_test_add_func ("/cockpit/startup-memory/big-blocks-mapped", test_big_blocks_mapped);

  result = g_test_run ();
  if (!g_test_subprocess ())
    test_session_stop (&session);
  return result;
}
