/* bench-empty-window.c: the baseline of bench-startup, an empty libadwaita window that reports its first frame.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwApplication presents an AdwApplicationWindow holding only an
 * AdwHeaderBar, at the app's default size.  At the first frame after the
 * window is mapped (the "after-paint" signal of its GdkFrameClock) it
 * prints, in microseconds since the g_get_monotonic_time() reading the
 * benchmark passed in COCKPIT_BENCH_T0, and its resident set size:
 *   visible <us>
 *   rss <KiB>
 * and 2 s later its proportional set size (PSS, /proc/self/smaps_rollup),
 *   pss <KiB>
 *   uss <KiB>     (its private pages, which other processes do not move)
 * then quits; with COCKPIT_BENCH_STAY set it stays open instead (for
 * bench-idle).  It is started the way the app is, NON_UNIQUE like
 * `upgrade-cockpit --demo`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>

#include "bench-mark.h"

static gint64 t0;

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

static long
read_rollup_kib (const char *key)
{
  g_autofree char *rollup = NULL;
  g_autofree char *needle = g_strconcat ("\n", key, NULL);
  const char *line;

  if (!g_file_get_contents ("/proc/self/smaps_rollup", &rollup, NULL, NULL))
    return -1;
  line = strstr (rollup, needle);
  return line != NULL ? strtol (line + strlen (needle), NULL, 10) : -1;
}

static gboolean
quit_cb (gpointer user_data)
{
  printf ("pss %ld\n", read_rollup_kib ("Pss:"));
  printf ("uss %ld\n", read_rollup_kib ("Private_Clean:") + read_rollup_kib ("Private_Dirty:"));
  fflush (stdout);
  if (g_getenv ("COCKPIT_BENCH_STAY") == NULL)
    g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  gint64 elapsed = g_get_monotonic_time () - t0;

  bench_mark_visible ();
  printf ("visible %" G_GINT64_FORMAT "\n", elapsed);
  printf ("rss %ld\n", read_rss_kib ());
  fflush (stdout);

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  g_timeout_add_full (G_PRIORITY_DEFAULT, 2000, quit_cb,
                   g_object_ref (gtk_window_get_application (window)), g_object_unref);
}

static void
realize_cb (GtkWidget *widget)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (widget)));

  g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), widget, 0);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Empty");
  /* The app's default size, from its GSettings schema. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);

  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  const char *env = g_getenv ("COCKPIT_BENCH_T0");

  t0 = env != NULL ? g_ascii_strtoll (env, NULL, 10) : g_get_monotonic_time ();

  app = adw_application_new ("io.github.upgradecockpit.BenchEmptyWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
