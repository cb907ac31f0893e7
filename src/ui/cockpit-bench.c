/* cockpit-bench.c: opt-in start-up timing for bench/bench-startup, off unless COCKPIT_BENCH_T0 is set.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CLOCK_MONOTONIC (g_get_monotonic_time) is shared by all processes, so
 * the benchmark passes its own reading taken just before it spawned the
 * app and the app prints how long after that each frame was drawn.  The
 * frames are seen through the "after-paint" signal of the window's
 * GdkFrameClock; nothing here runs, nor is connected, without the
 * variable.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cockpit-bench.h"
#include "cockpit-window-private.h"

typedef struct {
  GtkWindow          *window;  /* owns this */
  CockpitApplication *app;
  GdkFrameClock      *clock;
  gulong              after_paint_id;
  gint64              t0;
  gboolean            visible_done;
  gboolean            data_done;
} Bench;

static void
bench_free (Bench *bench)
{
  if (bench->clock != NULL && bench->after_paint_id != 0)
    g_signal_handler_disconnect (bench->clock, bench->after_paint_id);
  g_clear_object (&bench->clock);
  g_free (bench);
}

static long
read_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "\nVmRSS:");
  return line != NULL ? strtol (line + strlen ("\nVmRSS:"), NULL, 10) : -1;
}

/* The packages are loaded and the package page shows one of them. */
static gboolean
data_shown (Bench *bench)
{
  CockpitSession *session = cockpit_application_get_session (bench->app);
  CockpitWindow *window = COCKPIT_WINDOW (bench->window);

  return session != NULL &&
         g_list_model_get_n_items (cockpit_session_get_packages (session)) > 0 &&
         g_strcmp0 (cockpit_window_get_page_name (window), "packages") == 0 &&
         cockpit_package_page_get_package (cockpit_window_get_package_page (window)) != NULL;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  gint64 elapsed = g_get_monotonic_time () - bench->t0;

  if (!bench->visible_done)
    {
      bench->visible_done = TRUE;
      printf ("visible %" G_GINT64_FORMAT "\n", elapsed);
    }

  /* The data only changes outside a frame, so when it is there now it
   * was there when this frame was drawn. */
  if (!bench->data_done && data_shown (bench))
    {
      bench->data_done = TRUE;
      printf ("data %" G_GINT64_FORMAT "\n", elapsed);
      printf ("rss %ld\n", read_rss_kib ());
      g_signal_handler_disconnect (clock, bench->after_paint_id);
      bench->after_paint_id = 0;
      g_idle_add_full (G_PRIORITY_DEFAULT, quit_cb, g_object_ref (bench->app), g_object_unref);
    }
  fflush (stdout);
}

static void
realize_cb (GtkWidget *widget,
            Bench     *bench)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (widget)));

  if (bench->data_done || clock == bench->clock)
    return;
  if (bench->clock != NULL && bench->after_paint_id != 0)
    g_signal_handler_disconnect (bench->clock, bench->after_paint_id);
  g_set_object (&bench->clock, clock);
  bench->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), bench);
}

void
cockpit_bench_watch_window (GtkWindow          *window,
                            CockpitApplication *app)
{
  const char *t0 = g_getenv ("COCKPIT_BENCH_T0");
  Bench *bench;

  g_return_if_fail (COCKPIT_IS_WINDOW (window));
  g_return_if_fail (COCKPIT_IS_APPLICATION (app));

  if (t0 == NULL)
    return;

  bench = g_new0 (Bench, 1);
  bench->window = window;
  bench->app = app;
  bench->t0 = g_ascii_strtoll (t0, NULL, 10);
  g_object_set_data_full (G_OBJECT (window), "cockpit-bench", bench, (GDestroyNotify) bench_free);

  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), bench);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    realize_cb (GTK_WIDGET (window), bench);
}
