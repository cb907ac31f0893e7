/* test-widget-util.c: the small things every widget of the app does the same way.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cockpit-widget-util.h"
#include "test-ui-util.h"

/* A tooltip costs no round trip to the X server.  In GTK 4.8,
 * gtk_widget_set_tooltip_text() on a widget that is not hidden asks the
 * server where the pointer is, three round trips, even for a widget on no
 * screen; the first data frame of a start set about 60 tooltips so.  The
 * app's tooltip asks only when the widget is on screen and the tooltip
 * changes, where GTK has to show the new one at once. */
static void
test_tooltip_no_round_trip (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *shown = gtk_button_new_with_label ("Upgrade…");
  GtkWidget *not_shown = gtk_button_new_with_label ("Back Up…");
  GtkWidget *gtk_own = gtk_button_new_with_label ("Delete");
  guint64 before;

  gtk_window_set_child (GTK_WINDOW (window), shown);
  gtk_window_present (GTK_WINDOW (window));
  cockpit_test_wait_for_draw (window);
  g_object_ref_sink (not_shown);
  g_object_ref_sink (gtk_own);
  if (cockpit_test_x11_requests () == 0)
    {
      g_test_skip ("not an X display");
      goto out;
    }

  /* What the helper is for: GTK's own, on a widget on no screen. */
  before = cockpit_test_x11_requests ();
  gtk_widget_set_tooltip_text (gtk_own, "Delete the upgrade backup");
  g_test_message ("gtk_widget_set_tooltip_text(): %" G_GUINT64_FORMAT " requests",
                  cockpit_test_x11_requests () - before);
  g_assert_cmpuint (cockpit_test_x11_requests (), >, before);

  /* Not on screen: no request, however often it changes. */
  before = cockpit_test_x11_requests ();
  cockpit_widget_set_tooltip_text (not_shown, "Another action is running");
  cockpit_widget_set_tooltip_text (not_shown, "Live is in maintenance");
  cockpit_widget_set_tooltip_text (not_shown, NULL);
  cockpit_widget_set_tooltip_text (not_shown, "Live is in maintenance");
  g_assert_cmpuint (cockpit_test_x11_requests (), ==, before);

  /* On screen: a change is shown at once, the same text again sends
   * nothing. */
  cockpit_widget_set_tooltip_text (shown, "Another action is running");
  g_assert_cmpuint (cockpit_test_x11_requests (), >, before);
  before = cockpit_test_x11_requests ();
  cockpit_widget_set_tooltip_text (shown, "Another action is running");
  g_assert_cmpuint (cockpit_test_x11_requests (), ==, before);

out:
  g_object_unref (not_shown);
  g_object_unref (gtk_own);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The tooltip is the widget's, as GTK's own would be: it shows when GTK
 * asks for it, none and "" are none, and only the app's is set. */
static void
test_tooltip_text (void)
{
  GtkWidget *button = g_object_ref_sink (gtk_button_new_with_label ("Upgrade…"));
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_assert_false (gtk_widget_get_has_tooltip (button));
  g_assert_null (cockpit_widget_get_tooltip_text (button));

  cockpit_widget_set_tooltip_text (button, "Live is in maintenance");
  g_assert_true (gtk_widget_get_has_tooltip (button));
  g_assert_cmpstr (cockpit_widget_get_tooltip_text (button), ==, "Live is in maintenance");
  g_assert_null (gtk_widget_get_tooltip_text (button));
  g_signal_emit_by_name (button, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  g_assert_true (shown);

  cockpit_widget_set_tooltip_text (button, "Another action is running");
  g_assert_cmpstr (cockpit_widget_get_tooltip_text (button), ==, "Another action is running");

  /* None, and an empty text is none too. */
  cockpit_widget_set_tooltip_text (button, NULL);
  g_assert_false (gtk_widget_get_has_tooltip (button));
  g_assert_null (cockpit_widget_get_tooltip_text (button));
  shown = TRUE;
  g_signal_emit_by_name (button, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  g_assert_false (shown);
  cockpit_widget_set_tooltip_text (button, "Upgrade Live");
  cockpit_widget_set_tooltip_text (button, "");
  g_assert_null (cockpit_widget_get_tooltip_text (button));
  g_assert_false (gtk_widget_get_has_tooltip (button));

  g_object_unref (button);
}

/* No .ui file gives a widget GTK's own tooltip, which GtkBuilder sets
 * with three round trips to the X server each (see above): each is set in
 * code, with cockpit_widget_set_tooltip_text(). */
static void
test_no_tooltip_in_ui_files (void)
{
  g_autofree char *text = cockpit_test_find_in_ui_files ("\"tooltip-text\"");
  g_autofree char *markup = cockpit_test_find_in_ui_files ("\"tooltip-markup\"");

  if (text != NULL || markup != NULL)
    g_error ("%s sets a tooltip; set it in code with cockpit_widget_set_tooltip_text()", text ? text : markup);
}

/* One class of a set, and only a class that changes is touched: taking
 * the kept class off and putting it back restyled the widget. */
static void
test_class_of (void)
{
  static const char * const classes[] = { "success", "warning", "error", NULL };
  GtkWidget *label = g_object_ref_sink (gtk_label_new ("Upgrade to LTS 6.3.21 due in 20 days."));
  guint changes = 0;

  g_signal_connect (label, "notify::css-classes", G_CALLBACK (cockpit_test_count_cb), &changes);
  cockpit_widget_set_class_of (label, classes, "warning");
  g_assert_true (gtk_widget_has_css_class (label, "warning"));
  g_assert_cmpuint (changes, ==, 1);

  /* The same again: nothing. */
  cockpit_widget_set_class_of (label, classes, "warning");
  g_assert_cmpuint (changes, ==, 1);

  /* Another: one off, one on. */
  cockpit_widget_set_class_of (label, classes, "error");
  g_assert_false (gtk_widget_has_css_class (label, "warning"));
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  g_assert_cmpuint (changes, ==, 3);

  /* None of them; a class outside the set stays. */
  gtk_widget_add_css_class (label, "dim-label");
  changes = 0;
  cockpit_widget_set_class_of (label, classes, NULL);
  g_assert_false (gtk_widget_has_css_class (label, "error"));
  g_assert_true (gtk_widget_has_css_class (label, "dim-label"));
  g_assert_cmpuint (changes, ==, 1);

  g_object_unref (label);
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

  g_test_add_func ("/cockpit/widget-util/tooltip-no-round-trip", test_tooltip_no_round_trip);
  g_test_add_func ("/cockpit/widget-util/tooltip-text", test_tooltip_text);
  g_test_add_func ("/cockpit/widget-util/no-tooltip-in-ui-files", test_no_tooltip_in_ui_files);
  g_test_add_func ("/cockpit/widget-util/class-of", test_class_of);
  g_test_add_func ("/cockpit/widget-util/text-not-markup", test_text_not_markup);

  return g_test_run ();
}
