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

/* A row's subtitle of two lines at most: whatever height a box offers
 * it, its natural width is that of its one line, found without a search
 * of widths (GTK 4.8 made about 18 layouts of the text for it). */
static void
test_unwrap_natural_widths (void)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *subtitle;
  int one_line, natural, minimum;

  g_object_ref_sink (row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Acme Corporation Website");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "Upgrade to LTS 6.3.21 due in 21 days.");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  subtitle = cockpit_test_find_descendant (row, GTK_TYPE_LABEL, "subtitle");
  g_assert_nonnull (subtitle);

  cockpit_widget_unwrap_natural_widths (row);

  gtk_widget_measure (subtitle, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &one_line, NULL, NULL);
  /* Tall enough for a word a line: the search found the longest word. */
  gtk_widget_measure (subtitle, GTK_ORIENTATION_HORIZONTAL, 500, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (natural, ==, one_line);
  g_assert_cmpint (minimum, <, natural);

  g_object_unref (row);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/cockpit/widget-util/tooltip-only-on-change", test_tooltip_only_on_change);
  g_test_add_func ("/cockpit/widget-util/unwrap-natural-widths", test_unwrap_natural_widths);

  return g_test_run ();
}
