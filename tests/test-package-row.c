/* test-package-row.c: one package in the sidebar: its name and status, and its marks as the package changes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cockpit-package-row.h"
#include "test-plan-json.h"
#include "test-ui-util.h"

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
  g_assert_cmpstr (cockpit_package_row_get_title (COCKPIT_PACKAGE_ROW (row)), ==, "City Power & Light");
  g_assert_cmpstr (cockpit_package_row_get_subtitle (COCKPIT_PACKAGE_ROW (row)), ==, "All good");
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_false (cockpit_package_row_get_in_maintenance (COCKPIT_PACKAGE_ROW (row)));
  g_assert_false (cockpit_package_row_get_awaiting_approval (COCKPIT_PACKAGE_ROW (row)));

  /* A refresh puts the package in maintenance: the row marks it. */
  cockpit_package_set_status_text (fresh, "Maintenance until 14:00");
  cockpit_json_update (package, fresh);
  g_assert_true (cockpit_package_row_get_in_maintenance (COCKPIT_PACKAGE_ROW (row)));
  g_assert_cmpstr (cockpit_package_row_get_subtitle (COCKPIT_PACKAGE_ROW (row)), ==, "Maintenance until 14:00");

  /* No status, no empty line under the name. */
  cockpit_package_set_status_text (package, "");
  g_assert_false (gtk_widget_get_visible (cockpit_test_find_descendant (row, GTK_TYPE_LABEL, "subtitle")));
  cockpit_package_set_status_text (package, "Back");
  g_assert_true (gtk_widget_get_visible (cockpit_test_find_descendant (row, GTK_TYPE_LABEL, "subtitle")));

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

/* In a sidebar: a long name and a long status each take two lines at
 * most, end in "…", and leave the marks their room. */
static void
test_long_name (void)
{
  g_autoptr(CockpitPackage) package =
    make_package ("Hamburg-Altona Regional Transport Authority Passenger Information Portal", "maintenance");
  g_autoptr(CockpitPackage) acme = make_package ("Acme", "ok");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row;
  GtkWidget *title, *subtitle, *mark;
  graphene_rect_t title_bounds, mark_bounds;

  cockpit_package_set_status_text (package, "In maintenance mode until the migration to the new data centre is over: view only.");
  row = cockpit_package_row_new (package, NULL);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_list_box_append (GTK_LIST_BOX (list), cockpit_package_row_new (acme, NULL));
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 200);
  gtk_window_present (GTK_WINDOW (window));
  cockpit_test_wait_for_draw (row);

  title = cockpit_test_find_descendant (row, GTK_TYPE_LABEL, "title");
  subtitle = cockpit_test_find_descendant (row, GTK_TYPE_LABEL, "subtitle");
  g_assert_nonnull (title);
  g_assert_nonnull (subtitle);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (title))), ==, 2);
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (title))));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (subtitle))), ==, 2);
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (subtitle))));
  /* The text ends before the maintenance mark begins. */
  g_assert_true (cockpit_package_row_get_in_maintenance (COCKPIT_PACKAGE_ROW (row)));
  mark = cockpit_test_find_descendant (row, GTK_TYPE_IMAGE, NULL);
  g_assert_nonnull (mark);
  g_assert_true (gtk_widget_get_mapped (mark));
  g_assert_true (gtk_widget_compute_bounds (title, row, &title_bounds));
  g_assert_true (gtk_widget_compute_bounds (mark, row, &mark_bounds));
  g_assert_cmpfloat (title_bounds.origin.x + title_bounds.size.width, <=, mark_bounds.origin.x);
  g_assert_true (gtk_widget_compute_bounds (subtitle, row, &title_bounds));
  g_assert_cmpfloat (title_bounds.origin.x + title_bounds.size.width, <=, mark_bounds.origin.x);

  cockpit_test_save_screenshots (window, "package-row-long-name");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/cockpit/package-row/shows", test_shows);
  g_test_add_func ("/cockpit/package-row/plan-mark", test_plan_mark);
  g_test_add_func ("/cockpit/package-row/long-name", test_long_name);

  return g_test_run ();
}
