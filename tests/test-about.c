/* test-about.c: the About window says who, where, what changed and what the app runs with, and no secret.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cockpit-about.h"
#include "test-app-util.h"
#include "test-session-util.h"

/* The release notes come from the metainfo in the resources: the newest
 * release, as AdwAboutWindow's markup, on one line. */
static void
test_release_notes_from_metainfo (void)
{
  g_autoptr(GBytes) metainfo = g_resources_lookup_data (RESOURCE_PATH "/metainfo.xml", 0, NULL);
  g_autofree char *version = NULL;
  g_autofree char *notes = NULL;

  g_assert_nonnull (metainfo);
  notes = cockpit_about_parse_release_notes (g_bytes_get_data (metainfo, NULL), &version);
  g_assert_nonnull (notes);
  g_test_message ("%s: %s", version, notes);
  g_assert_cmpstr (version, ==, PACKAGE_VERSION);
  g_assert_true (g_str_has_prefix (notes, "<p>The first release of Upgrade Cockpit.</p><ul><li>"));
  g_assert_true (g_str_has_suffix (notes, "</li></ul>"));
  g_assert_null (strchr (notes, '\n'));
  g_assert_null (strstr (notes, "  "));
  g_assert_null (strstr (notes, "> "));
  g_assert_null (strstr (notes, " <"));
}

static void
test_release_notes_parsing (void)
{
  static const char *two_releases =
    "<component><name>X</name><description><p>Not this one</p></description>"
    "<releases>"
    "  <release version=\"2.0\" date=\"2027-01-01\">\n"
    "    <description>\n"
    "      <p>Faster &amp; <em>safer</em>\n      upgrades &lt;now&gt;.</p>\n"
    "      <ol><li>One</li><li> Two </li></ol>\n"
    "    </description>\n"
    "  </release>\n"
    "  <release version=\"1.0\"><description><p>Old</p></description></release>"
    "</releases></component>";
  g_autofree char *version = NULL;
  g_autofree char *notes = cockpit_about_parse_release_notes (two_releases, &version);
  g_autofree char *none_version = NULL;
  g_autofree char *none = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *bare = NULL;

  g_assert_cmpstr (version, ==, "2.0");
  g_assert_cmpstr (notes, ==, "<p>Faster &amp; <em>safer</em> upgrades &lt;now&gt;.</p><ol><li>One</li><li>Two</li></ol>");

  /* No release with a description, a broken file: no notes, no version. */
  none = cockpit_about_parse_release_notes ("<component><releases><release version=\"1\"/></releases></component>",
                                            &none_version);
  g_assert_null (none);
  g_assert_null (none_version);
  broken = cockpit_about_parse_release_notes ("<component><releases><release version=\"1\"><description><p>x",
                                              NULL);
  g_assert_null (broken);
  bare = cockpit_about_parse_release_notes ("", NULL);
  g_assert_null (bare);
}

/* What a bug report needs, and no secret of the cockpit's address. */
static void
test_debug_info (void)
{
  g_autofree char *signed_in = cockpit_about_debug_info ("https://alex:s3cret@cockpit.example.com:8443/base/?token=abc#frag");
  g_autofree char *demo = cockpit_about_debug_info ("demo");
  g_autofree char *none = cockpit_about_debug_info (NULL);
  g_autofree char *gtk = g_strdup_printf ("GTK %u.%u.%u", gtk_get_major_version (), gtk_get_minor_version (),
                                          gtk_get_micro_version ());

  g_test_message ("%s", signed_in);
  g_assert_true (g_str_has_prefix (signed_in, "Upgrade Cockpit " PACKAGE_VERSION));
  g_assert_nonnull (strstr (signed_in, gtk));
  g_assert_nonnull (strstr (signed_in, "\nlibadwaita 1."));
  g_assert_nonnull (strstr (signed_in, "\nlibsoup 3."));
  g_assert_nonnull (strstr (signed_in, "\nGLib 2."));
  g_assert_nonnull (strstr (signed_in, "Cockpit: https://cockpit.example.com:8443/base/\n"));
  g_assert_null (strstr (signed_in, "s3cret"));
  g_assert_null (strstr (signed_in, "alex"));
  g_assert_null (strstr (signed_in, "token"));
  g_assert_null (strstr (signed_in, "frag"));

  g_assert_nonnull (strstr (demo, "Cockpit: the built-in demo cockpit\n"));
  g_assert_nonnull (strstr (none, "Cockpit: not signed in\n"));
}

/* The window itself, as a person opens it. */
static void
test_window (void)
{
  GtkWindow *window = cockpit_about_window_new (NULL, "https://cockpit.example.com");
  AdwAboutWindow *about = ADW_ABOUT_WINDOW (window);

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* What GtkApplication does for the app: its icon comes from the resources. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_PATH "/icons");
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()), APP_ID));
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Upgrade Cockpit");
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APP_ID);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_developer_name (about), ==, "The Upgrade Cockpit Contributors");
  g_assert_true (g_str_has_prefix (adw_about_window_get_website (about), "https://"));
  g_assert_true (g_str_has_suffix (adw_about_window_get_issue_url (about), "/issues"));
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_nonnull (strstr (adw_about_window_get_copyright (about), "Upgrade Cockpit Contributors"));
  g_assert_cmpstr (adw_about_window_get_release_notes_version (about), ==, PACKAGE_VERSION);
  g_assert_true (g_str_has_prefix (adw_about_window_get_release_notes (about), "<p>"));
  g_assert_nonnull (strstr (adw_about_window_get_debug_info (about), "Cockpit: https://cockpit.example.com"));
  /* In English nobody is credited for a translation. */
  g_assert_null (adw_about_window_get_translator_credits (about));

  gtk_window_present (window);
  cockpit_test_wait_for_draw (GTK_WIDGET (window));
  cockpit_test_save_screenshots (GTK_WIDGET (window), "about");
  gtk_window_destroy (window);
}

/* The app's About action opens the window with the cockpit it is signed
 * in to in the debug information. */
static TestSession desktop;

static void
test_app_action (void)
{
  TestApp t = { 0 };
  g_autofree char *expected = NULL;
  AdwAboutWindow *about = NULL;
  GListModel *toplevels;

  test_app_start (&t, &desktop, "about-token", 60);
  expected = g_strdup_printf ("Cockpit: %s", cockpit_simulator_get_base_url (t.sim));

  g_action_group_activate_action (G_ACTION_GROUP (t.app), "about", NULL);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && about == NULL; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (window))
        about = ADW_ABOUT_WINDOW (window);
    }
  g_assert_nonnull (about);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (about)));
  g_test_message ("%s", adw_about_window_get_debug_info (about));
  g_assert_nonnull (strstr (adw_about_window_get_debug_info (about), expected));
  g_assert_null (strstr (adw_about_window_get_debug_info (about), "about-token"));
  g_assert_true (g_str_has_prefix (adw_about_window_get_release_notes (about), "<p>"));

  gtk_window_destroy (GTK_WINDOW (about));
  test_app_stop (&t);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  /* A D-Bus session and a home of the test's own, for the application. */
  test_session_start (&desktop, FALSE);
  adw_init ();

  g_test_add_func ("/cockpit/about/release-notes/metainfo", test_release_notes_from_metainfo);
  g_test_add_func ("/cockpit/about/release-notes/parsing", test_release_notes_parsing);
  g_test_add_func ("/cockpit/about/debug-info", test_debug_info);
  g_test_add_func ("/cockpit/about/window", test_window);
  g_test_add_func ("/cockpit/about/app-action", test_app_action);

  result = g_test_run ();
  test_session_stop (&desktop);
  return result;
}
