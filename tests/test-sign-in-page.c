/* test-sign-in-page.c: the main window's sign-in page: its rows, its error, its spinner, its icon.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cockpit-sign-in-page.h"
#include "test-ui-util.h"

static void
count_cb (GObject *page,
          guint   *count)
{
  (*count)++;
}

static GtkWidget *
child (GtkWidget  *page,
       const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (page, COCKPIT_TYPE_SIGN_IN_PAGE, name));
}

/* What is typed is what the window reads, and each edit says so. */
static void
test_rows (void)
{
  GtkWidget *page = g_object_ref_sink (cockpit_sign_in_page_new ());
  guint changed = 0, activated = 0;

  g_signal_connect (page, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (page, "activated", G_CALLBACK (count_cb), &activated);
  g_assert_cmpstr (cockpit_sign_in_page_get_url (COCKPIT_SIGN_IN_PAGE (page)), ==, "");
  g_assert_cmpstr (cockpit_sign_in_page_get_token (COCKPIT_SIGN_IN_PAGE (page)), ==, "");

  cockpit_sign_in_page_set_text (COCKPIT_SIGN_IN_PAGE (page), "https://cockpit.example.com", "secret");
  g_assert_cmpstr (cockpit_sign_in_page_get_url (COCKPIT_SIGN_IN_PAGE (page)), ==, "https://cockpit.example.com");
  g_assert_cmpstr (cockpit_sign_in_page_get_token (COCKPIT_SIGN_IN_PAGE (page)), ==, "secret");
  g_assert_cmpuint (changed, ==, 2);

  changed = 0;
  gtk_editable_set_text (GTK_EDITABLE (child (page, "url_row")), "https://other.example.com");
  g_assert_cmpuint (changed, >, 0);
  g_assert_cmpstr (cockpit_sign_in_page_get_url (COCKPIT_SIGN_IN_PAGE (page)), ==, "https://other.example.com");

  cockpit_sign_in_page_clear_token (COCKPIT_SIGN_IN_PAGE (page));
  g_assert_cmpstr (cockpit_sign_in_page_get_token (COCKPIT_SIGN_IN_PAGE (page)), ==, "");
  g_assert_cmpstr (cockpit_sign_in_page_get_url (COCKPIT_SIGN_IN_PAGE (page)), ==, "https://other.example.com");

  g_signal_emit_by_name (child (page, "token_row"), "entry-activated");
  g_assert_cmpuint (activated, ==, 1);

  cockpit_sign_in_page_set_text (COCKPIT_SIGN_IN_PAGE (page), NULL, NULL);
  g_assert_cmpstr (cockpit_sign_in_page_get_url (COCKPIT_SIGN_IN_PAGE (page)), ==, "");
  g_object_unref (page);
}

/* An error is said under the rows until it is taken away; busy, the
 * button spins. */
static void
test_error_and_busy (void)
{
  GtkWidget *page = g_object_ref_sink (cockpit_sign_in_page_new ());
  GtkWidget *spinner = child (page, "spinner");

  g_assert_null (cockpit_sign_in_page_get_error (COCKPIT_SIGN_IN_PAGE (page)));
  cockpit_sign_in_page_set_error (COCKPIT_SIGN_IN_PAGE (page), "The cockpit did not answer.");
  g_assert_cmpstr (cockpit_sign_in_page_get_error (COCKPIT_SIGN_IN_PAGE (page)), ==, "The cockpit did not answer.");
  g_assert_true (gtk_widget_get_visible (child (page, "error_label")));
  cockpit_sign_in_page_set_error (COCKPIT_SIGN_IN_PAGE (page), NULL);
  g_assert_null (cockpit_sign_in_page_get_error (COCKPIT_SIGN_IN_PAGE (page)));

  g_assert_false (gtk_widget_get_visible (spinner));
  cockpit_sign_in_page_set_busy (COCKPIT_SIGN_IN_PAGE (page), TRUE);
  g_assert_true (gtk_widget_get_visible (spinner));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  cockpit_sign_in_page_set_busy (COCKPIT_SIGN_IN_PAGE (page), FALSE);
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_object_unref (page);
}

/* The app's big icon, SVG only, is looked up once the page is on
 * screen, not when it is made. */
static void
test_icon_when_shown (void)
{
  GtkWidget *page = cockpit_sign_in_page_new ();
  GtkImage *icon = GTK_IMAGE (child (page, "icon"));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_child (window, page);
  g_assert_cmpint (gtk_image_get_storage_type (icon), ==, GTK_IMAGE_EMPTY);
  gtk_window_set_default_size (window, 600, 700);
  gtk_window_present (window);
  cockpit_test_wait_for_draw (page);
  g_assert_cmpint (gtk_image_get_storage_type (icon), ==, GTK_IMAGE_ICON_NAME);
  g_assert_cmpstr (gtk_image_get_icon_name (icon), ==, APP_ID);
  cockpit_test_save_screenshot (page, "sign-in-page");
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/cockpit/sign-in-page/rows", test_rows);
  g_test_add_func ("/cockpit/sign-in-page/error-and-busy", test_error_and_busy);
  g_test_add_func ("/cockpit/sign-in-page/icon-when-shown", test_icon_when_shown);

  return g_test_run ();
}
