/* test-upgrade-environment-row.c: one environment on the upgrade wizard's first page: what it shows, upgradable or not.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cockpit-upgrade-environment-row.h"
#include "test-ui-util.h"

static CockpitEnvironment *
make_environment (CockpitEnvironmentKind  kind,
                  const char             *version)
{
  CockpitEnvironment *environment = cockpit_environment_new ();

  cockpit_environment_set_id (environment, "env-1");
  cockpit_environment_set_kind (environment, kind);
  cockpit_environment_set_magnolia_version (environment, version);
  return environment;
}

/* The arrow of a row that can be upgraded (the row has an image of its
 * own, for an icon it does not show). */
static gboolean
has_arrow (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if ((GTK_IS_IMAGE (c) && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (c)), "go-next-symbolic") == 0) ||
        has_arrow (c))
      return TRUE;
  return FALSE;
}

static void
test_create_destroy (void)
{
  g_autoptr(CockpitEnvironment) environment = make_environment (COCKPIT_ENVIRONMENT_KIND_UAT, "6.3.19");
  GtkWidget *row = g_object_ref_sink (cockpit_upgrade_environment_row_new (environment, "Busy."));
  g_autoptr(CockpitEnvironment) shown = NULL;
  g_autofree char *reason = NULL;

  g_assert_true (COCKPIT_IS_UPGRADE_ENVIRONMENT_ROW (row));
  g_assert_true (cockpit_upgrade_environment_row_get_environment (COCKPIT_UPGRADE_ENVIRONMENT_ROW (row)) == environment);
  g_assert_cmpstr (cockpit_upgrade_environment_row_get_reason (COCKPIT_UPGRADE_ENVIRONMENT_ROW (row)), ==, "Busy.");
  g_object_get (row, "environment", &shown, "reason", &reason, NULL);
  g_assert_true (shown == environment);
  g_assert_cmpstr (reason, ==, "Busy.");
  g_assert_finalize_object (row);
}

/* One that can be upgraded: its version, an arrow, activatable; only
 * Integration says it is the one to start with. */
static void
test_upgradable (void)
{
  g_autoptr(CockpitEnvironment) integration = make_environment (COCKPIT_ENVIRONMENT_KIND_INTEGRATION, "6.3.21");
  g_autoptr(CockpitEnvironment) live = make_environment (COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18");
  GtkWidget *first = g_object_ref_sink (cockpit_upgrade_environment_row_new (integration, NULL));
  GtkWidget *last = g_object_ref_sink (cockpit_upgrade_environment_row_new (live, NULL));
  GtkWidget *pill;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "Integration");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)), ==, "Magnolia 6.3.21");
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (first)));
  g_assert_true (gtk_widget_get_sensitive (first));
  g_assert_false (gtk_widget_has_css_class (first, "blocked"));
  pill = cockpit_test_find_descendant (first, GTK_TYPE_LABEL, "recommended-pill");
  g_assert_nonnull (pill);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pill)), ==, "Recommended first");
  g_assert_true (has_arrow (first));

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (last)), ==, "Live");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (last)), ==, "Magnolia 6.3.18");
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (last)));
  g_assert_null (cockpit_test_find_descendant (last, GTK_TYPE_LABEL, "recommended-pill"));
  g_assert_true (has_arrow (last));

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), first);
  gtk_list_box_append (GTK_LIST_BOX (list), last);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_set_default_size (GTK_WINDOW (window), 500, -1);
  gtk_window_present (GTK_WINDOW (window));
  cockpit_test_wait_for_draw (list);
  cockpit_test_save_screenshot (list, "upgrade-environment-rows");
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (first);
  g_assert_finalize_object (last);
}

/* One that can't: insensitive, why under its version, nothing beside. */
static void
test_blocked (void)
{
  static const char *why = "Integration already runs the newest version available.";
  g_autoptr(CockpitEnvironment) integration = make_environment (COCKPIT_ENVIRONMENT_KIND_INTEGRATION, "6.4.3");
  g_autoptr(CockpitEnvironment) torn_down = make_environment (COCKPIT_ENVIRONMENT_KIND_UAT, NULL);
  GtkWidget *row = g_object_ref_sink (cockpit_upgrade_environment_row_new (integration, why));
  GtkWidget *bare = g_object_ref_sink (cockpit_upgrade_environment_row_new (torn_down, "UAT is not set up."));
  g_autofree char *expected = g_strdup_printf ("Magnolia 6.4.3\n%s", why);

  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, expected);
  g_assert_false (gtk_widget_get_sensitive (row));
  g_assert_true (gtk_widget_has_css_class (row, "blocked"));
  g_assert_null (cockpit_test_find_descendant (row, GTK_TYPE_LABEL, "recommended-pill"));
  g_assert_false (has_arrow (row));

  /* Without a version, the reason alone. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (bare)), ==, "UAT is not set up.");
  g_assert_false (gtk_widget_get_sensitive (bare));

  g_assert_finalize_object (row);
  g_assert_finalize_object (bare);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/cockpit/upgrade-environment-row/create-destroy", test_create_destroy);
  g_test_add_func ("/cockpit/upgrade-environment-row/upgradable", test_upgradable);
  g_test_add_func ("/cockpit/upgrade-environment-row/blocked", test_blocked);

  return g_test_run ();
}
