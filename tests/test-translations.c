/* test-translations.c: the app in German and French: the catalogs load, buttons keep their whole words, and each screen is saved as a picture.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run once per language of po/LINGUAS, with LANGUAGE set by meson; the
 * catalogs come from the build folder.  German words are long: no button
 * or window title of the overview, the wizard, the upgrade backup card or
 * the activity log may cut its text short.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cockpit-about.h"
#include "cockpit-activity-page.h"
#include "cockpit-window-private.h"
#include "cockpit-preferences.h"
#include "test-app-util.h"

#define TOKEN "translations-token"
#define STAGE_SECONDS 600.0

static TestSession session;
static TestApp t;
static const char *language;

static void
show_package (const char *id)
{
  test_app_show_package (test_app_window (t.app), id);
  cockpit_window_tick (test_app_window (t.app));
}

static void
screenshot (GtkWidget  *widget,
            const char *screen)
{
  g_autofree char *name = g_strdup_printf ("translation-%s-%s", language, screen);

  cockpit_test_wait_for_draw (widget);
  cockpit_test_save_screenshot (widget, name);
}

/* Every label of a button or of a window's title under @root that is
 * mapped and cut short. */
static void
collect_cut_buttons (GtkWidget *root,
                     GPtrArray *cut)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          (gtk_widget_get_ancestor (child, GTK_TYPE_BUTTON) != NULL ||
           gtk_widget_get_ancestor (child, ADW_TYPE_WINDOW_TITLE) != NULL) &&
          pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (child))))
        g_ptr_array_add (cut, g_strdup (gtk_label_get_text (GTK_LABEL (child))));
      collect_cut_buttons (child, cut);
    }
}

static void
assert_no_cut_buttons (GtkWidget  *root,
                       const char *screen)
{
  g_autoptr(GPtrArray) cut = g_ptr_array_new_with_free_func (g_free);

  collect_cut_buttons (root, cut);
  for (guint i = 0; i < cut->len; i++)
    g_test_message ("%s: a button or title cut short: \"%s\"", screen, (char *) g_ptr_array_index (cut, i));
  g_assert_cmpuint (cut->len, ==, 0);
}

/* The catalog of the language is the one in use. */
static void
test_catalog (void)
{
  g_test_message ("LANGUAGE=%s: \"Preferences\" reads \"%s\"", language, _("Preferences"));
  g_assert_cmpstr (_("Preferences"), !=, "Preferences");
  g_assert_cmpstr (_("Extend to 5 Days"), !=, "Extend to 5 Days");
}

static void
test_screens (void)
{
  GtkWindow *wizard;
  GtkWidget *activity;
  CockpitPreferences *preferences;
  GtkWindow *about;

  g_application_activate (G_APPLICATION (t.app));
  WAIT_FOR (gtk_application_get_active_window (GTK_APPLICATION (t.app)) != NULL);
  WAIT_FOR (g_list_model_get_n_items (cockpit_session_get_packages (t.session)) >= 4);
  gtk_window_set_default_size (GTK_WINDOW (test_app_window (t.app)), 1280, 900);

  show_package ("acmeweb");
  screenshot (GTK_WIDGET (test_app_window (t.app)), "overview");
  assert_no_cut_buttons (GTK_WIDGET (test_app_window (t.app)), "overview");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test_app_window (t.app)), "win.upgrade-uat", NULL));
  wizard = cockpit_package_page_get_wizard (test_app_package_page (t.app));
  g_assert_nonnull (wizard);
  screenshot (GTK_WIDGET (wizard), "wizard");
  assert_no_cut_buttons (GTK_WIDGET (wizard), "wizard");
  gtk_window_destroy (wizard);

  /* Globex: Live with an upgrade backup, its countdown and its buttons. */
  show_package ("globex");
  screenshot (GTK_WIDGET (test_app_window (t.app)), "upgrade-backup");
  assert_no_cut_buttons (GTK_WIDGET (test_app_window (t.app)), "upgrade-backup");

  activity = cockpit_window_show_activity (test_app_window (t.app), TRUE);
  WAIT_FOR (g_list_model_get_n_items (cockpit_activity_page_get_entries (COCKPIT_ACTIVITY_PAGE (activity))) > 0 &&
            !cockpit_activity_page_get_loading (COCKPIT_ACTIVITY_PAGE (activity)));
  screenshot (GTK_WIDGET (test_app_window (t.app)), "activity-log");
  assert_no_cut_buttons (GTK_WIDGET (test_app_window (t.app)), "activity-log");
  cockpit_window_show_activity (test_app_window (t.app), FALSE);

  /* Narrow: the list of packages, then a package. */
  gtk_window_set_default_size (GTK_WINDOW (test_app_window (t.app)), 600, 900);
  show_package ("acmeweb");
  screenshot (GTK_WIDGET (test_app_window (t.app)), "narrow");

  preferences = cockpit_preferences_new (GTK_WINDOW (test_app_window (t.app)), g_settings_new (APP_ID));
  gtk_window_present (GTK_WINDOW (preferences));
  screenshot (GTK_WIDGET (preferences), "preferences");
  gtk_window_destroy (GTK_WINDOW (preferences));

  about = cockpit_about_window_new (GTK_WINDOW (test_app_window (t.app)), "demo");
  gtk_window_present (about);
  screenshot (GTK_WIDGET (about), "about");
  gtk_window_destroy (about);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *catalogs = NULL;

  language = g_getenv ("LANGUAGE");
  g_assert_nonnull (language);
  /* The tests run in C.UTF-8, where gettext still follows LANGUAGE. */
  setlocale (LC_ALL, "");
  catalogs = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, catalogs);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  test_app_start_story (&t, &session, TOKEN, STAGE_SECONDS);

  g_test_add_func ("/cockpit/translations/catalog", test_catalog);
  g_test_add_func ("/cockpit/translations/screens", test_screens);

  return test_app_run_story (&t, &session);
}
