/* test-app-util.h: helpers for tests that drive the whole application.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only, like test-api-util.h: waiting on the main loop for a
 * condition, screenshots in both styles, and the simulator's test
 * controls over HTTP.
 */
#pragma once

#include <adwaita.h>
#include <libsoup/soup.h>
#include <string.h>

#include "cockpit-application-private.h"
#include "cockpit-simulator.h"
#include "test-session-util.h"
#include "test-ui-util.h"

static inline gboolean
test_app_tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @expr holds; fails after 30 seconds. */
#define WAIT_FOR(expr)                                                     \
  G_STMT_START {                                                           \
    gint64 end_ = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;       \
    guint tick_ = g_timeout_add (20, test_app_tick_cb, NULL);              \
    while (!(expr))                                                        \
      {                                                                    \
        if (g_get_monotonic_time () > end_)                                \
          g_error ("Timed out waiting for %s", #expr);                     \
        g_main_context_iteration (NULL, TRUE);                             \
      }                                                                    \
    g_source_remove (tick_);                                               \
  } G_STMT_END

static inline void
test_app_store_result_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Saves @name-light.png and @name-dark.png of @widget. */
static inline void
test_app_screenshot_both (GtkWidget  *widget,
                          const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = g_strdup_printf ("%s-light", name);
  g_autofree char *dark = g_strdup_printf ("%s-dark", name);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  cockpit_test_wait_for_draw (widget);
  cockpit_test_save_screenshot (widget, light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  cockpit_test_wait_for_draw (widget);
  cockpit_test_save_screenshot (widget, dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
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

static inline void
test_app_start (TestApp     *t,
                TestSession *desktop,
                const char  *token,
                double       stage_seconds)
{
  g_autoptr(CockpitClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;

  t->sim = cockpit_simulator_new (token, COCKPIT_SIM_SEED_DEMO, NULL, stage_seconds, TRUE, &error);
  g_assert_no_error (error);
  cockpit_simulator_listen (t->sim, "127.0.0.1", 0, &error);
  g_assert_no_error (error);

  t->app = cockpit_application_new ();
  g_application_register (G_APPLICATION (t->app), NULL, &error);
  g_assert_no_error (error);
  /* Screenshots show pages, not transitions between them. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  client = cockpit_client_new (cockpit_simulator_get_base_url (t->sim), token, &error);
  g_assert_no_error (error);
  journal = g_build_filename (desktop->dir, "state", "journal.json", NULL);
  t->session = cockpit_session_new (client, journal, NULL);
  cockpit_action_tracker_set_intervals (cockpit_session_get_tracker (t->session), 20, 100);
  cockpit_application_set_clock (t->app, test_app_sim_now, g_object_ref (t->sim), g_object_unref);
  cockpit_application_set_session (t->app, t->session);
}

static inline void
test_app_stop (TestApp *t)
{
  g_clear_object (&t->session);
  g_clear_object (&t->app);
  g_clear_object (&t->sim);
}
