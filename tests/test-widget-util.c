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

/* A toast's title and a status page's description are Pango markup in
 * libadwaita 1.2: a cockpit's message with "&" in it showed nothing, with
 * a warning (fatal here), and one with tags showed without them. */
static void
test_text_not_markup (void)
{
  const char *text = "Smith & Sons <b>Intranet</b> &amp; <broken";
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *page = adw_status_page_new ();
  const char *description;
  GtkWidget *toast;

  adw_status_page_set_title (ADW_STATUS_PAGE (page), "Could Not Load the Activity Log");
  cockpit_status_page_set_description_text (ADW_STATUS_PAGE (page), text);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), cockpit_toast_new_text (text));
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 400);
  gtk_window_present (GTK_WINDOW (window));
  cockpit_test_wait_for_draw (window);

  /* Both show the text as it is: the status page, and the toast beside
   * it in the overlay. */
  toast = gtk_widget_get_last_child (overlay);
  g_assert_true (toast != page);
  g_assert_nonnull (cockpit_test_find_label (page, text, TRUE));
  g_assert_nonnull (cockpit_test_find_label (toast, text, TRUE));
  cockpit_test_save_screenshots (window, "text-not-markup");

  /* None takes the description away. */
  cockpit_status_page_set_description_text (ADW_STATUS_PAGE (page), NULL);
  description = adw_status_page_get_description (ADW_STATUS_PAGE (page));
  g_assert_true (description == NULL || *description == '\0');

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/cockpit/widget-util/tooltip-only-on-change", test_tooltip_only_on_change);
  g_test_add_func ("/cockpit/widget-util/text-not-markup", test_text_not_markup);

  return g_test_run ();
}
