/* test-app-util.h: helpers for tests that drive the whole application.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only, like test-api-util.h: counting a window's idle frames,
 * the simulator's test controls over HTTP, and the application signed in
 * to a simulator with what the window tests ask of it (its window and
 * package page, a package shown, a refresh, the simulator's clock moved).
 * WAIT_FOR and screenshots come from test-ui-util.h.
 */
#pragma once

#include <adwaita.h>
#include <libsoup/soup.h>
#include <string.h>

#include "cockpit-application-private.h"
#include "cockpit-simulator.h"
#include "cockpit-window-private.h"
#include "test-session-util.h"
#include "test-ui-util.h"

static inline void
test_app_store_result_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static inline void
test_app_frame_cb (GdkFrameClock *clock,
                   guint         *frames)
{
  (*frames)++;
}

/* How many frames @widget's window draws in @ms milliseconds once it has
 * settled, with animations on as on a desktop.  An idle window draws
 * none: a frame clock that keeps ticking drains a laptop's battery. */
static inline guint
test_app_count_idle_frames (GtkWidget *widget,
                            guint      ms)
{
  GtkSettings *settings = gtk_settings_get_default ();
  GdkFrameClock *clock;
  gboolean animations;
  guint frames = 0;
  gulong handler;
  gint64 end;

  g_object_get (settings, "gtk-enable-animations", &animations, NULL);
  /* A text cursor blinks (and fades) for ten seconds after the last key,
   * then stops: that is GTK's own, and not what is counted here. */
  g_object_set (settings, "gtk-enable-animations", TRUE, "gtk-cursor-blink", FALSE, NULL);
  cockpit_test_wait_for_draw (widget);

  /* Let what may legitimately move (a transition after the change of
   * setting) come to rest. */
  end = g_get_monotonic_time () + 600 * 1000;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (test_app_frame_cb), &frames);
  end = g_get_monotonic_time () + (gint64) ms * 1000;
  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_signal_handler_disconnect (clock, handler);

  g_object_set (settings, "gtk-enable-animations", animations, NULL);
  return frames;
}

/* A POST to the simulator's test controls.  The simulator serves on this
 * thread's main context, so the request must be asynchronous. */
static inline void
test_app_sim_control (CockpitSimulator *sim,
                      const char       *token,
                      const char       *path,
                      const char       *json)
{
  g_autoptr(SoupSession) soup = soup_session_new ();
  g_autofree char *url = g_strconcat (cockpit_simulator_get_base_url (sim), path, NULL);
  g_autofree char *authorization = g_strdup_printf ("Bearer %s", token);
  g_autoptr(SoupMessage) message = soup_message_new ("POST", url);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", authorization);
  soup_message_set_request_body_from_bytes (message, "application/json", body);
  soup_session_send_and_read_async (soup, message, G_PRIORITY_DEFAULT, NULL, test_app_store_result_cb, &result);
  WAIT_FOR (result != NULL);
  answer = soup_session_send_and_read_finish (soup, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), <, 300);
}

/* A simulator of @seed that listens on a free port of 127.0.0.1, with
 * its test controls if @test_controls. */
static inline CockpitSimulator *
test_app_new_simulator (const char     *token,
                        CockpitSimSeed  seed,
                        double          stage_seconds,
                        gboolean        test_controls)
{
  g_autoptr(CockpitSimulator) sim = NULL;
  g_autoptr(GError) error = NULL;

  sim = cockpit_simulator_new (token, seed, NULL, stage_seconds, test_controls, &error);
  g_assert_no_error (error);
  cockpit_simulator_listen (sim, "127.0.0.1", 0, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&sim);
}

/* A new application, registered on the session bus, with animations off:
 * screenshots show pages, not transitions between them. */
static inline CockpitApplication *
test_app_new_application (void)
{
  g_autoptr(CockpitApplication) app = cockpit_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  return g_steal_pointer (&app);
}

/* The application signed in to an in-process simulator of the demo seed,
 * without the sign-in page and the keyring, counting with the simulator's
 * clock: for tests of what comes after signing in. */
typedef struct {
  CockpitSimulator   *sim;
  CockpitApplication *app;
  CockpitSession     *session;
} TestApp;

static inline GDateTime *
test_app_sim_now (gpointer data)
{
  return cockpit_simulator_get_now (data);
}

/* As test_app_start(), on a simulator of @seed. */
static inline void
test_app_start_seed (TestApp        *t,
                     TestSession    *desktop,
                     const char     *token,
                     CockpitSimSeed  seed,
                     double          stage_seconds)
{
  g_autoptr(CockpitClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;

  t->sim = test_app_new_simulator (token, seed, stage_seconds, TRUE);
  t->app = test_app_new_application ();
  client = cockpit_client_new (cockpit_simulator_get_base_url (t->sim), token, &error);
  g_assert_no_error (error);
  journal = g_build_filename (desktop->dir, "state", "journal.json", NULL);
  t->session = cockpit_session_new (client, journal, NULL);
  cockpit_action_tracker_set_intervals (cockpit_session_get_tracker (t->session), 20, 100);
  cockpit_application_set_clock (t->app, test_app_sim_now, g_object_ref (t->sim), g_object_unref);
  cockpit_application_set_session (t->app, t->session);
}

static inline void
test_app_start (TestApp     *t,
                TestSession *desktop,
                const char  *token,
                double       stage_seconds)
{
  test_app_start_seed (t, desktop, token, COCKPIT_SIM_SEED_DEMO, stage_seconds);
}

static inline void
test_app_stop (TestApp *t)
{
  g_clear_object (&t->session);
  g_clear_object (&t->app);
  g_clear_object (&t->sim);
}

/* A private desktop session without keyring and the application of
 * test_app_start() in it, shared by all the tests of the program (which
 * then follow each other as one story, in the order added). */
static inline void
test_app_start_story (TestApp     *t,
                      TestSession *desktop,
                      const char  *token,
                      double       stage_seconds)
{
  test_session_start (desktop, FALSE);
  test_app_start (t, desktop, token, stage_seconds);
}

/* Runs the tests added, then stops what test_app_start_story() started;
 * returns what g_test_run() does. */
static inline int
test_app_run_story (TestApp     *t,
                    TestSession *desktop)
{
  int result = g_test_run ();

  test_app_stop (t);
  test_session_stop (desktop);
  return result;
}

/* Whether @app shows its packages page with the packages, as a start
 * that signs in (the demo's) ends; with @releases too when TRUE. */
static inline gboolean
test_app_shows_packages (CockpitApplication *app,
                         gboolean            releases)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
  CockpitSession *cockpit = cockpit_application_get_session (app);

  return COCKPIT_IS_WINDOW (active) && cockpit != NULL &&
         g_list_model_get_n_items (cockpit_session_get_packages (cockpit)) > 0 &&
         (!releases || g_list_model_get_n_items (cockpit_session_get_releases (cockpit)) > 0) &&
         g_strcmp0 (cockpit_window_get_page_name (COCKPIT_WINDOW (active)), "packages") == 0;
}

/* The window @app shows; there must be one. */
static inline CockpitWindow *
test_app_window (CockpitApplication *app)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (COCKPIT_IS_WINDOW (active));
  return COCKPIT_WINDOW (active);
}

/* The CockpitWindow of @app even while a dialog is the active window (as
 * when a screen reader or the keyboard is in it); of several, the one
 * focused least recently. */
static inline CockpitWindow *
test_app_main_window (CockpitApplication *app)
{
  GtkWindow *found = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (COCKPIT_IS_WINDOW (l->data))
      found = l->data;
  g_assert_nonnull (found);
  return COCKPIT_WINDOW (found);
}

static inline CockpitPackagePage *
test_app_package_page (CockpitApplication *app)
{
  return cockpit_window_get_package_page (test_app_window (app));
}

/* The package @id of the session; there must be one. */
static inline CockpitPackage *
test_app_package (TestApp    *t,
                  const char *id)
{
  CockpitPackage *found = cockpit_session_find_package (t->session, id);

  g_assert_nonnull (found);
  return found;
}

/* Reloads the session from the simulator and waits for it, then lets the
 * window, if one is open, count with the simulator's new time. */
static inline void
test_app_refresh (TestApp *t)
{
  cockpit_session_refresh (t->session);
  WAIT_FOR (!cockpit_session_get_loading (t->session));
  if (gtk_application_get_active_window (GTK_APPLICATION (t->app)) != NULL)
    cockpit_window_tick (test_app_window (t->app));
}

/* Moves the simulator's clock by @seconds, then test_app_refresh(). */
static inline void
test_app_advance (TestApp *t,
                  gint64   seconds)
{
  cockpit_simulator_advance_clock (t->sim, seconds);
  test_app_refresh (t);
}

/* Shows the package @id in @window and waits until its page does. */
static inline void
test_app_show_package (CockpitWindow *window,
                       const char    *id)
{
  CockpitPackagePage *page = cockpit_window_get_package_page (window);

  cockpit_window_show_package (window, id);
  WAIT_FOR (cockpit_package_page_get_package (page) != NULL &&
            g_strcmp0 (cockpit_package_get_id (cockpit_package_page_get_package (page)), id) == 0);
}

/* Fails unless @text says @part. */
static inline void
test_app_assert_contains (const char *text,
                          const char *part)
{
  g_assert_nonnull (text);
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not say “%s”", text, part);
}
