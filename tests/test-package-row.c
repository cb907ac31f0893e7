/* test-package-row.c: one package in the sidebar: its name and status, and its marks as the package changes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cockpit-package-row.h"
#include "test-plan-json.h"

static CockpitPackage *
make_package (const char *name,
              const char *status)
{
  g_autofree char *json = g_strdup_printf ("{\"id\": \"acme\", \"name\": \"%s\", \"status\": \"%s\", "
                                           "\"status_text\": \"All good\", \"maintenance_message\": null, "
                                           "\"running_action\": null, \"environments\": []}",
                                           name, status);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  CockpitPackage *package;

  node = cockpit_json_parse (json, -1, &error);
  g_assert_no_error (error);
  package = cockpit_json_decode (COCKPIT_TYPE_PACKAGE, node, &error);
  g_assert_no_error (error);
  return package;
}

/* The name is text, not markup, and both lines follow the package. */
static void
test_shows (void)
{
  g_autoptr(CockpitPackage) package = make_package ("City Power & Light", "ok");
  g_autoptr(CockpitPackage) fresh = make_package ("City Power & Light", "maintenance");
  GtkWidget *row = g_object_ref_sink (cockpit_package_row_new (package, NULL));

  g_assert_true (cockpit_package_row_get_package (COCKPIT_PACKAGE_ROW (row)) == package);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "City Power & Light");
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "All good");
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_false (cockpit_package_row_get_in_maintenance (COCKPIT_PACKAGE_ROW (row)));
  g_assert_false (cockpit_package_row_get_awaiting_approval (COCKPIT_PACKAGE_ROW (row)));

  /* A refresh puts the package in maintenance: the row marks it. */
  cockpit_package_set_status_text (fresh, "Maintenance until 14:00");
  cockpit_json_update (package, fresh);
  g_assert_true (cockpit_package_row_get_in_maintenance (COCKPIT_PACKAGE_ROW (row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Maintenance until 14:00");

  g_object_unref (row);
}

/* Marked while a plan waits for an approval, and no longer once it moved on. */
static void
test_plan_mark (void)
{
  g_autoptr(CockpitPackage) package = make_package ("Acme", "ok");
  g_autoptr(CockpitPlan) waiting = make_plan ("waiting", "waiting");
  g_autoptr(CockpitPlan) running = make_plan ("running", "running");
  GtkWidget *row;

  cockpit_package_set_active_plan (package, waiting);
  row = g_object_ref_sink (cockpit_package_row_new (package, NULL));
  g_assert_true (cockpit_package_row_get_awaiting_approval (COCKPIT_PACKAGE_ROW (row)));

  cockpit_package_set_active_plan (package, running);
  g_assert_false (cockpit_package_row_get_awaiting_approval (COCKPIT_PACKAGE_ROW (row)));

  cockpit_package_set_active_plan (package, NULL);
  g_assert_false (cockpit_package_row_get_awaiting_approval (COCKPIT_PACKAGE_ROW (row)));

  g_object_unref (row);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/cockpit/package-row/shows", test_shows);
  g_test_add_func ("/cockpit/package-row/plan-mark", test_plan_mark);

  return g_test_run ();
}
