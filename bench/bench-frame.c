/* bench-frame.c: what the benchmarks of a widget on screen share: waiting for a painted frame, windows, medians.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <adwaita.h>

#include "bench-frame.h"
#include "cockpit-resources.h"

gboolean
bench_init_display (const char *program)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  if (!gtk_init_check ())
    {
      g_printerr ("%s needs a display; run it under xvfb-run -a\n", program);
      return FALSE;
    }
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_assert (cockpit_get_resource () != NULL);
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  return TRUE;
}

CockpitClient *
bench_start_simulator (const char        *token,
                       CockpitSimulator **sim)
{
  g_autoptr(GError) error = NULL;
  CockpitClient *client;

  *sim = cockpit_simulator_new (token, COCKPIT_SIM_SEED_LARGE, NULL, 60, FALSE, &error);
  if (*sim == NULL || !cockpit_simulator_listen (*sim, "127.0.0.1", 0, &error))
    g_error ("Simulator: %s", error->message);
  client = cockpit_client_new (cockpit_simulator_get_base_url (*sim), token, &error);
  if (client == NULL)
    g_error ("Client: %s", error->message);
  return client;
}

typedef struct {
  BenchReadyFunc ready;
  gpointer       data;
  gint64         painted_at;
} Watch;

static void
after_paint_cb (GdkFrameClock *clock,
                Watch         *watch)
{
  if (watch->painted_at == 0 && watch->ready (watch->data))
    watch->painted_at = g_get_monotonic_time ();
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gint64
bench_wait_for_frame (GtkWidget      *widget,
                      BenchReadyFunc  ready,
                      gpointer        data)
{
  Watch watch = { ready, data, 0 };
  GdkFrameClock *clock = NULL;
  gulong handler = 0;
  gint64 deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  guint tick = g_timeout_add (50, tick_cb, NULL);

  while (watch.painted_at == 0)
    {
      if (clock == NULL && gtk_widget_get_mapped (widget))
        {
          clock = gtk_widget_get_frame_clock (widget);
          handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &watch);
        }
      if (g_get_monotonic_time () > deadline)
        g_error ("No frame with the rows in a minute");
      g_main_context_iteration (NULL, TRUE);
    }

  g_signal_handler_disconnect (clock, handler);
  g_source_remove (tick);
  return watch.painted_at;
}

gboolean
bench_always_ready (gpointer data)
{
  return TRUE;
}

void
bench_wait_for_finalize (gpointer object)
{
  gpointer weak = object;

  g_object_add_weak_pointer (weak, &weak);
  g_object_unref (object);
  while (weak != NULL)
    g_main_context_iteration (NULL, TRUE);
}

GtkWindow *
bench_new_window (GtkWidget *child,
                  int        width,
                  int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  g_object_ref (window);
  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  return window;
}

void
bench_close_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  bench_wait_for_finalize (window);
}

void
bench_label_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

void
bench_sort (GArray *times)
{
  qsort (times->data, times->len, sizeof (double), compare_doubles);
}

void
bench_summarize (GArray *times,
                 double *median,
                 double *p90)
{
  guint n = times->len;
  double *values = (double *) times->data;

  bench_sort (times);
  *median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  /* Nearest rank. */
  *p90 = values[MAX ((guint) ((0.9 * n) + 0.999999), 1) - 1];
}
