/* test-widget-util.c: the small things every widget of the app does the same way.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cockpit-widget-util.h"
#include "test-ui-util.h"

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* A tooltip is only set when it changes: in GTK 4.8 each setting of a
 * shown widget's tooltip is a round trip to the X server, and the cards
 * set the same reasons again at every availability update. */
static void
test_tooltip_only_on_change (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = gtk_button_new_with_label ("Upgrade…");
  guint count = 0;

  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (button, "notify::tooltip-text", G_CALLBACK (count_cb), &count);

  cockpit_widget_set_tooltip_text (button, "Another action is running");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Another action is running");
  g_assert_true (gtk_widget_get_has_tooltip (button));
  g_assert_cmpuint (count, ==, 1);

  cockpit_widget_set_tooltip_text (button, "Another action is running");
  g_assert_cmpuint (count, ==, 1);

  cockpit_widget_set_tooltip_text (button, "Live is in maintenance");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Live is in maintenance");
  g_assert_cmpuint (count, ==, 2);

  /* None, and an empty text is none too. */
  cockpit_widget_set_tooltip_text (button, NULL);
  g_assert_null (gtk_widget_get_tooltip_text (button));
  g_assert_false (gtk_widget_get_has_tooltip (button));
  g_assert_cmpuint (count, ==, 3);
  cockpit_widget_set_tooltip_text (button, "");
  g_assert_cmpuint (count, ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/cockpit/widget-util/tooltip-only-on-change", test_tooltip_only_on_change);

  return g_test_run ();
}
