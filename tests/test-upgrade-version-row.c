/* test-upgrade-version-row.c: one version on the upgrade wizard's second page: what it shows, and one chosen in a group.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cockpit-upgrade-version-row.h"
#include "cockpit-widget-util.h"
#include "test-ui-util.h"

static CockpitRelease *
make_release (const char *version,
              gboolean    lts,
              const char *released_at,
              const char *notes_url)
{
  g_autoptr(GDateTime) released = released_at != NULL ? cockpit_date_time_parse (released_at) : NULL;
  CockpitRelease *release = cockpit_release_new (version, lts, released);

  cockpit_release_set_release_notes_url (release, notes_url);
  return release;
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
test_create_destroy (void)
{
  g_autoptr(CockpitRelease) release = make_release ("6.4.3", FALSE, NULL, NULL);
  GtkWidget *row = g_object_ref_sink (cockpit_upgrade_version_row_new (release));
  g_autoptr(CockpitRelease) shown = NULL;
  gboolean active = TRUE;

  g_assert_true (COCKPIT_IS_UPGRADE_VERSION_ROW (row));
  g_assert_true (cockpit_upgrade_version_row_get_release (COCKPIT_UPGRADE_VERSION_ROW (row)) == release);
  g_object_get (row, "release", &shown, "active", &active, NULL);
  g_assert_true (shown == release);
  g_assert_false (active);
  g_assert_finalize_object (row);
}

/* The version, its date, "LTS" and its notes when it has them. */
static void
test_shows (void)
{
  g_autoptr(CockpitRelease) lts = make_release ("6.3.21", TRUE, "2026-10-24T10:00:00Z",
                                                "https://docs.example.com/6.3.21");
  g_autoptr(CockpitRelease) plain = make_release ("6.4.0", FALSE, NULL, NULL);
  GtkWidget *row = g_object_ref_sink (cockpit_upgrade_version_row_new (lts));
  GtkWidget *bare = g_object_ref_sink (cockpit_upgrade_version_row_new (plain));
  GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
  GtkWidget *pill = cockpit_test_find_descendant (row, GTK_TYPE_LABEL, "lts-pill");
  GtkWidget *link = cockpit_test_find_descendant (row, GTK_TYPE_LINK_BUTTON, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "6.3.21");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Released 24 October 2026");
  /* The check box is the row's one stop of Tab. */
  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  g_assert_false (gtk_widget_get_focusable (row));
  g_assert_nonnull (pill);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pill)), ==, "LTS");
  g_assert_cmpstr (cockpit_widget_get_tooltip_text (pill), ==, "Long-term support release");
  g_assert_nonnull (link);
  g_assert_cmpstr (gtk_link_button_get_uri (GTK_LINK_BUTTON (link)), ==, "https://docs.example.com/6.3.21");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (link)), ==, "Release notes");
  g_assert_true (gtk_widget_has_css_class (link, "flat"));
  g_assert_false (gtk_widget_has_css_class (link, "link"));

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (bare)), ==, "6.4.0");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (bare)), ==, "");
  g_assert_null (cockpit_test_find_descendant (bare, GTK_TYPE_LABEL, "lts-pill"));
  g_assert_null (cockpit_test_find_descendant (bare, GTK_TYPE_LINK_BUTTON, NULL));

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_list_box_append (GTK_LIST_BOX (list), bare);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_set_default_size (GTK_WINDOW (window), 500, -1);
  gtk_window_present (GTK_WINDOW (window));
  cockpit_test_wait_for_draw (list);
  cockpit_test_save_screenshot (list, "upgrade-version-rows");
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (row);
  g_assert_finalize_object (bare);
}

/* In one group, choosing a version unchooses the other; "active" is
 * notified once per real change. */
static void
test_group (void)
{
  g_autoptr(CockpitRelease) newer = make_release ("6.4.3", FALSE, NULL, NULL);
  g_autoptr(CockpitRelease) older = make_release ("6.3.21", TRUE, NULL, NULL);
  GtkWidget *first = g_object_ref_sink (cockpit_upgrade_version_row_new (newer));
  GtkWidget *second = g_object_ref_sink (cockpit_upgrade_version_row_new (older));
  CockpitUpgradeVersionRow *a = COCKPIT_UPGRADE_VERSION_ROW (first);
  CockpitUpgradeVersionRow *b = COCKPIT_UPGRADE_VERSION_ROW (second);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  guint a_notified = 0;
  guint b_notified = 0;

  /* A row is activated through its list, in a window. */
  gtk_list_box_append (GTK_LIST_BOX (list), first);
  gtk_list_box_append (GTK_LIST_BOX (list), second);
  gtk_window_set_child (GTK_WINDOW (window), list);

  cockpit_upgrade_version_row_set_group (b, a);
  g_signal_connect (a, "notify::active", G_CALLBACK (count_cb), &a_notified);
  g_signal_connect (b, "notify::active", G_CALLBACK (count_cb), &b_notified);

  cockpit_upgrade_version_row_set_active (a, TRUE);
  g_assert_true (cockpit_upgrade_version_row_get_active (a));
  g_assert_cmpuint (a_notified, ==, 1);
  cockpit_upgrade_version_row_set_active (a, TRUE);
  g_assert_cmpuint (a_notified, ==, 1);

  /* Chosen as a person does, by activating the row. */
  gtk_widget_activate (second);
  g_assert_true (cockpit_upgrade_version_row_get_active (b));
  g_assert_false (cockpit_upgrade_version_row_get_active (a));
  g_assert_cmpuint (a_notified, ==, 2);
  g_assert_cmpuint (b_notified, ==, 1);

  g_object_set (b, "active", FALSE, NULL);
  g_assert_false (cockpit_upgrade_version_row_get_active (b));
  g_assert_cmpuint (b_notified, ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (first);
  g_assert_finalize_object (second);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/cockpit/upgrade-version-row/create-destroy", test_create_destroy);
  g_test_add_func ("/cockpit/upgrade-version-row/shows", test_shows);
  g_test_add_func ("/cockpit/upgrade-version-row/group", test_group);

  return g_test_run ();
}
