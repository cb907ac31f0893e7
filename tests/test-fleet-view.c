/* test-fleet-view.c: the fleet, every environment of the large seed in one table, under Xvfb.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One application on the simulator's large seed (50 packages, 150
 * environments) for the whole run: the fleet as the first screen, sorting
 * by each column, each filter, the search, live updates that keep the
 * selection and the scroll position and redraw one row, the CSV export,
 * 360 px and the keyboard.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "cockpit-application.h"
#include "cockpit-fleet-cell.h"
#include "cockpit-fleet-csv.h"
#include "cockpit-fleet-view.h"
#include "cockpit-simulator.h"
#include "cockpit-window-private.h"
#include "test-app-util.h"

#define TOKEN "fleet-test-token-8d1e"
#define STAGE_SECONDS 600

static TestSession session;
static TestApp     t;

static CockpitFleetView *
fleet (void)
{
  return cockpit_window_get_fleet_view (test_app_window (t.app));
}

static GListModel *
rows (void)
{
  return cockpit_fleet_view_get_rows (fleet ());
}

static CockpitFleetRow *
row_at (guint position)
{
  g_autoptr(CockpitFleetRow) row = g_list_model_get_item (rows (), position);

  g_assert_nonnull (row);
  return row;  /* the model keeps it */
}

static void
collect_cells (GtkWidget *widget,
               GPtrArray *cells)
{
  if (COCKPIT_IS_FLEET_CELL (widget))
    {
      g_ptr_array_add (cells, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_cells (child, cells);
}

/* The cell of @row in @column (or its two-line row), or NULL when the
 * row has no widget now. */
static CockpitFleetCell *
find_cell (GtkWidget       *view,
           CockpitFleetRow *row,
           guint            column)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  collect_cells (view, cells);
  for (guint i = 0; i < cells->len; i++)
    {
      CockpitFleetCell *cell = g_ptr_array_index (cells, i);

      if (cockpit_fleet_cell_get_row (cell) == row && cockpit_fleet_cell_get_column (cell) == column)
        return cell;
    }
  return NULL;
}

static guint
find_position (CockpitFleetRow *row)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows ()); i++)
    if (row_at (i) == row)
      return i;
  g_assert_not_reached ();
}

static GtkAdjustment *
table_vadjustment (void)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (cockpit_fleet_view_get_column_view (fleet ())));
}

static void
refresh (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  cockpit_session_refresh_async (t.session, NULL, test_app_store_result_cb, &result);
  WAIT_FOR (result != NULL);
  g_assert_true (cockpit_session_refresh_finish (t.session, result, &error));
  g_assert_no_error (error);
}

static void
test_first_screen (void)
{
  g_application_activate (G_APPLICATION (t.app));
  WAIT_FOR (gtk_application_get_active_window (GTK_APPLICATION (t.app)) != NULL);
  gtk_window_set_default_size (GTK_WINDOW (test_app_window (t.app)), 1280, 800);
  WAIT_FOR (g_list_model_get_n_items (cockpit_session_get_packages (t.session)) == 50);
  WAIT_FOR (cockpit_window_get_showing_fleet (test_app_window (t.app)));
  WAIT_FOR (g_list_model_get_n_items (rows ()) == 150);
  g_assert_cmpstr (cockpit_window_get_page_name (test_app_window (t.app)), ==, "packages");
  g_assert_false (cockpit_fleet_view_get_narrow (fleet ()));
  /* Mapped once the page that shows it is (a frame after it is chosen:
   * asserted at once, it failed about one run in six). */
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (cockpit_fleet_view_get_column_view (fleet ()))));

  /* Unsorted, what needs attention comes first. */
  {
    gboolean seen_ok = FALSE;

    for (guint i = 0; i < 150; i++)
      {
        gboolean attention = cockpit_fleet_row_get_attention (row_at (i)) != COCKPIT_FLEET_ATTENTION_NONE;

        g_assert_false (attention && seen_ok);
        seen_ok |= !attention;
      }
  }
  /* No invisible border of mixed colours, which cairo fills pixel by
   * pixel (resources/style.css). */
  g_assert_cmpuint (cockpit_test_count_render_nodes (GTK_WIDGET (cockpit_fleet_view_get_column_view (fleet ())),
                                                     cockpit_test_is_mixed_border), ==, 0);
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (t.app)), "fleet-1280");
}

/* The sort arrows shown in the column view's header: GTK 4.8 draws one
 * with a "sort-indicator" node, "ascending" or "descending". */
static guint
count_sort_arrows (GtkWidget *widget)
{
  guint n = 0;

  if (g_str_equal (gtk_widget_get_css_name (widget), "sort-indicator") &&
      (gtk_widget_has_css_class (widget, "ascending") || gtk_widget_has_css_class (widget, "descending")))
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_sort_arrows (child);
  return n;
}

static gboolean
sorted_by (guint column,
           int   direction)
{
  guint n = g_list_model_get_n_items (rows ());

  for (guint i = 1; i < n; i++)
    if (cockpit_fleet_row_compare (row_at (i - 1), row_at (i), column) * direction > 0)
      return FALSE;
  return TRUE;
}

/* Each column sorts both ways by its own order, through the column
 * view's sorter. */
static void
test_sort (void)
{
  GtkColumnView *view = cockpit_fleet_view_get_column_view (fleet ());
  GListModel *columns = gtk_column_view_get_columns (view);

  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, COCKPIT_FLEET_N_COLUMNS);
  for (guint c = 0; c < COCKPIT_FLEET_N_COLUMNS; c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);

      gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
      g_assert_true (sorted_by (c, 1));
      gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
      g_assert_true (sorted_by (c, -1));
      /* The large seed's rows differ in these columns, so the descending
       * order is not also ascending: the check proves something. */
      if (c <= COCKPIT_FLEET_COLUMN_LTS)
        g_assert_false (sorted_by (c, 1));
      else if (sorted_by (c, 1))
        g_test_message ("column %u: all rows equal in the large seed", c);
    }

  {
    g_autoptr(GtkColumnViewColumn) package = g_list_model_get_item (columns, COCKPIT_FLEET_COLUMN_PACKAGE);

    gtk_column_view_sort_by_column (view, package, GTK_SORT_ASCENDING);
    g_assert_cmpstr (cockpit_fleet_row_get_package_name (row_at (0)), ==, "Adatum Health Website");
    /* One arrow, on the column sorted by: GTK 4.8 left the arrows of the
     * columns sorted by before. */
    g_assert_cmpuint (count_sort_arrows (GTK_WIDGET (view)), ==, 1);
    g_assert_cmpstr (cockpit_fleet_row_get_package_name (row_at (149)), ==, "Woodgrove Pharma Website");
  }
}

static void
test_search (void)
{
  GtkEditable *entry = cockpit_fleet_view_get_search_entry (fleet ());

  gtk_editable_set_text (entry, "WOODGROVE");
  WAIT_FOR (g_list_model_get_n_items (rows ()) == 6);
  for (guint i = 0; i < 6; i++)
    g_assert_nonnull (strstr (cockpit_fleet_row_get_package_name (row_at (i)), "Woodgrove"));

  gtk_editable_set_text (entry, "no such package");
  WAIT_FOR (g_list_model_get_n_items (rows ()) == 0);
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_window (t.app)));
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (t.app)), "fleet-no-match");

  gtk_editable_set_text (entry, "");
  WAIT_FOR (g_list_model_get_n_items (rows ()) == 150);
}

/* Needs attention by the rules themselves, not by the row's own answer. */
static gboolean
needs_attention (CockpitFleetRow *row)
{
  CockpitEnvironment *env = cockpit_fleet_row_get_environment (row);
  g_autoptr(GDateTime) now = cockpit_session_dup_now (t.session);
  CockpitUpgradeBackup *backup = cockpit_rules_live_upgrade_backup (env, now);
  CockpitAction *last = cockpit_fleet_row_get_last_action (row);
  int days = 0;
  CockpitLtsState lts = cockpit_rules_lts_status (env, cockpit_session_get_releases (t.session), now,
                                                  NULL, &days, NULL);

  CockpitPlan *plan = cockpit_package_get_active_plan (cockpit_fleet_row_get_package (row));
  CockpitPlanStep *waiting = plan ? cockpit_plan_get_step_awaiting_approval (plan) : NULL;

  if (waiting != NULL && cockpit_plan_step_get_environment (waiting) == cockpit_environment_get_kind (env))
    return TRUE;
  return lts == COCKPIT_LTS_OVERDUE || (lts == COCKPIT_LTS_DUE && days <= 14) ||
         (backup != NULL && cockpit_rules_upgrade_backup_time_left (backup, now) < 24 * G_TIME_SPAN_HOUR) ||
         (last != NULL && cockpit_action_get_status (last) == COCKPIT_ACTION_STATUS_FAILED &&
          !cockpit_fleet_row_get_running (row));
}

static guint
count_all (gboolean (*check) (CockpitFleetRow *row))
{
  g_autoptr(CockpitFleetModel) all = cockpit_fleet_model_new_for_session (t.session);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(CockpitFleetRow) row = g_list_model_get_item (G_LIST_MODEL (all), i);

      n += check (row);
    }
  return n;
}

static gboolean
in_maintenance (CockpitFleetRow *row)
{
  return cockpit_package_is_in_maintenance (cockpit_fleet_row_get_package (row));
}

static void
test_filters (void)
{
  GtkWidget *view = GTK_WIDGET (fleet ());
  guint n;

  /* Needs attention: the large seed's LTS upgrades are due in more than
   * 14 days; the clock moves to 10 days before the first deadline. */
  {
    int days = G_MAXINT;

    for (guint i = 0; i < 150; i++)
      if (cockpit_fleet_row_get_lts_state (row_at (i)) == COCKPIT_LTS_DUE)
        days = MIN (days, cockpit_fleet_row_get_lts_days (row_at (i)));
    g_assert_cmpint (days, !=, G_MAXINT);
    g_test_message ("the first LTS deadline is in %d days", days);
    g_assert_cmpuint (count_all (needs_attention), ==, 0);
    g_assert_true (gtk_widget_activate_action (view, "fleet.filter", "s", COCKPIT_FLEET_FILTER_ATTENTION));
    WAIT_FOR (g_list_model_get_n_items (rows ()) == 0);
    if (days > 10)
      cockpit_simulator_advance_clock (t.sim, (gint64) (days - 10) * 24 * 3600);
    cockpit_window_tick (test_app_window (t.app));
  }
  n = count_all (needs_attention);
  g_test_message ("%u of 150 environments need attention", n);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, 150);
  g_assert_true (gtk_widget_activate_action (view, "fleet.filter", "s", COCKPIT_FLEET_FILTER_ATTENTION));
  g_assert_cmpstr (cockpit_fleet_view_get_filter (fleet ()), ==, "attention");
  WAIT_FOR (g_list_model_get_n_items (rows ()) == n);
  for (guint i = 0; i < n; i++)
    g_assert_true (needs_attention (row_at (i)));

  /* A row that needs attention says why in a tooltip, given to GTK when
   * it asks (set on every cell, it was a round trip to the X server each). */
  {
    CockpitFleetCell *with_tooltip = NULL;
    g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
    gboolean shown = FALSE;

    WAIT_FOR (find_cell (view, row_at (0), COCKPIT_FLEET_COLUMN_STATE) != NULL);
    for (guint c = 0; c < COCKPIT_FLEET_N_COLUMNS && with_tooltip == NULL; c++)
      {
        CockpitFleetCell *cell = find_cell (view, row_at (0), c);

        if (cell != NULL && cockpit_fleet_cell_get_tooltip (cell) != NULL)
          with_tooltip = cell;
      }
    g_assert_nonnull (with_tooltip);
    g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (with_tooltip)));
    g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (with_tooltip)));
    g_signal_emit_by_name (with_tooltip, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
    g_assert_true (shown);
    cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (t.app)), "fleet-attention");
  }

  /* In maintenance: one package put there on the simulator. */
  test_app_sim_control (t.sim, TOKEN, "/_sim/packages/pkg07/maintenance", "{\"message\": \"Moving data centre.\"}");
  refresh ();
  g_assert_true (gtk_widget_activate_action (view, "fleet.filter", "s", COCKPIT_FLEET_FILTER_MAINTENANCE));
  n = count_all (in_maintenance);
  g_assert_cmpuint (n, ==, 3);
  WAIT_FOR (g_list_model_get_n_items (rows ()) == 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (cockpit_package_get_id (cockpit_fleet_row_get_package (row_at (i))), ==, "pkg07");
  {
    CockpitFleetCell *cell = find_cell (view, row_at (0), COCKPIT_FLEET_COLUMN_STATE);

    g_assert_nonnull (cell);
    g_assert_cmpstr (cockpit_fleet_cell_get_subtitle (cell), ==, "In maintenance");
  }
  test_app_sim_control (t.sim, TOKEN, "/_sim/packages/pkg07/maintenance", "{\"message\": null}");
  refresh ();
  WAIT_FOR (g_list_model_get_n_items (rows ()) == 0);

  /* Running: none yet. */
  g_assert_true (gtk_widget_activate_action (view, "fleet.filter", "s", COCKPIT_FLEET_FILTER_RUNNING));
  WAIT_FOR (g_list_model_get_n_items (rows ()) == 0);

  g_assert_true (gtk_widget_activate_action (view, "fleet.filter", "s", COCKPIT_FLEET_FILTER_ALL));
  WAIT_FOR (g_list_model_get_n_items (rows ()) == 150);
}

static void
row_changed_cb (CockpitFleetRow *row,
                GHashTable      *changed)
{
  g_hash_table_add (changed, row);
}

/* An upgrade runs on a row in the middle of the sorted table: its cells
 * say so and follow its stages; the row stays selected, the table stays
 * where it was scrolled, and only the rows that changed are drawn again. */
static void
test_live_updates (void)
{
  GtkColumnView *view = cockpit_fleet_view_get_column_view (fleet ());
  GtkSelectionModel *selection = cockpit_fleet_view_get_selection (fleet ());
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) package_column = g_list_model_get_item (columns, COCKPIT_FLEET_COLUMN_PACKAGE);
  g_autoptr(GHashTable) changed = g_hash_table_new (NULL, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GListStore) offered = NULL;
  g_autoptr(CockpitRelease) newest = NULL;
  CockpitActionTracker *tracker = cockpit_session_get_tracker (t.session);
  CockpitFleetRow *row;
  CockpitFleetCell *cell;
  GtkAdjustment *adjustment;
  double scrolled;
  guint position, snapshots;

  gtk_column_view_sort_by_column (view, package_column, GTK_SORT_ASCENDING);
  /* A UAT in the middle of the table: the 61st row. */
  position = 61;
  row = row_at (position);
  g_assert_cmpint (cockpit_fleet_row_get_kind (row), ==, COCKPIT_ENVIRONMENT_KIND_UAT);
  gtk_selection_model_select_item (selection, position, TRUE);

  adjustment = table_vadjustment ();
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_window (t.app)));
  WAIT_FOR (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * position / 150.0 - 200);
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_window (t.app)));
  WAIT_FOR (find_cell (GTK_WIDGET (view), row, COCKPIT_FLEET_COLUMN_ACTION) != NULL);
  scrolled = gtk_adjustment_get_value (adjustment);
  cell = find_cell (GTK_WIDGET (view), row, COCKPIT_FLEET_COLUMN_ACTION);
  g_assert_cmpstr (cockpit_fleet_cell_get_text (cell), ==, "—");

  for (guint i = 0; i < 150; i++)
    g_signal_connect (row_at (i), "changed", G_CALLBACK (row_changed_cb), changed);
  snapshots = cockpit_fleet_cell_get_snapshot_count ();
  /* The upgrade, failing at the verification of the replica. */
  test_app_sim_control (t.sim, TOKEN, "/_sim/fail-next", "{\"stage\": \"verify_replica\"}");
  offered = cockpit_rules_offered_versions (cockpit_fleet_row_get_environment (row), cockpit_session_get_releases (t.session));
  newest = g_list_model_get_item (G_LIST_MODEL (offered), 0);
  cockpit_action_tracker_start_async (tracker, cockpit_fleet_row_get_environment (row), COCKPIT_ACTION_KIND_UPGRADE,
                                      cockpit_release_get_version (newest), NULL, NULL,
                                      test_app_store_result_cb, &result);
  WAIT_FOR (result != NULL);
  action = cockpit_action_tracker_start_finish (tracker, result, &error);
  g_assert_no_error (error);
  refresh ();
  WAIT_FOR (cockpit_fleet_row_get_running (row));
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_window (t.app)));

  g_assert_true (find_cell (GTK_WIDGET (view), row, COCKPIT_FLEET_COLUMN_ACTION) == cell);
  g_assert_true (g_str_has_prefix (cockpit_fleet_cell_get_text (cell), "Upgrading to "));
  g_assert_cmpstr (cockpit_fleet_cell_get_subtitle (cell), ==, "Create replica, stage 1 of 5");
  g_assert_true (gtk_selection_model_is_selected (selection, position));
  g_assert_true (gtk_selection_model_is_selected (selection, find_position (row)));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, scrolled);
  g_test_message ("an upgrade started: %u rows changed, %u cells drawn again",
                  g_hash_table_size (changed), cockpit_fleet_cell_get_snapshot_count () - snapshots);
  g_assert_true (g_hash_table_contains (changed, row));
  /* The cells of the rows that changed, not the table's hundreds. */
  g_assert_cmpuint (cockpit_fleet_cell_get_snapshot_count () - snapshots, <=,
                    COCKPIT_FLEET_N_COLUMNS * g_hash_table_size (changed));
  g_assert_cmpuint (g_hash_table_size (changed), <=, 3);
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (t.app)), "fleet-running");

  /* The running filter shows it alone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fleet ()), "fleet.filter", "s", COCKPIT_FLEET_FILTER_RUNNING));
  WAIT_FOR (g_list_model_get_n_items (rows ()) == 1);
  g_assert_true (row_at (0) == row);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fleet ()), "fleet.filter", "s", COCKPIT_FLEET_FILTER_ALL));
  WAIT_FOR (g_list_model_get_n_items (rows ()) == 150);
  /* A search that hides the row, then none: GtkMultiSelection forgets a
   * row that leaves the list, the view selects it again when it is back. */
  gtk_editable_set_text (cockpit_fleet_view_get_search_entry (fleet ()), "no such package");
  WAIT_FOR (g_list_model_get_n_items (rows ()) == 0);
  gtk_editable_set_text (cockpit_fleet_view_get_search_entry (fleet ()), "");
  WAIT_FOR (g_list_model_get_n_items (rows ()) == 150);
  /* Back where it was: the row is selected again, and scrolled to. */
  position = find_position (row);
  g_assert_true (gtk_selection_model_is_selected (selection, position));
  {
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);

    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
  }
  gtk_selection_model_select_item (selection, position, TRUE);
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_window (t.app)));
  gtk_adjustment_set_value (adjustment, scrolled);
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_window (t.app)));
  WAIT_FOR (find_cell (GTK_WIDGET (view), row, COCKPIT_FLEET_COLUMN_ACTION) != NULL);
  cell = find_cell (GTK_WIDGET (view), row, COCKPIT_FLEET_COLUMN_ACTION);
  scrolled = gtk_adjustment_get_value (adjustment);

  /* The next stage. */
  cockpit_simulator_advance_clock (t.sim, STAGE_SECONDS);
  refresh ();
  WAIT_FOR (cockpit_fleet_row_get_stage_number (row) == 2);
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_window (t.app)));
  g_assert_cmpstr (cockpit_fleet_cell_get_subtitle (cell), ==, "Deploy version, stage 2 of 5");
  g_assert_true (gtk_selection_model_is_selected (selection, find_position (row)));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, scrolled);

  /* It fails at the end of the verification: the row needs attention
   * and says why. */
  cockpit_simulator_advance_clock (t.sim, 2 * STAGE_SECONDS);
  WAIT_FOR (cockpit_action_get_status (action) == COCKPIT_ACTION_STATUS_FAILED);
  refresh ();
  WAIT_FOR (cockpit_fleet_row_get_attention (row) & COCKPIT_FLEET_ATTENTION_FAILED);
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_window (t.app)));
  g_assert_cmpstr (cockpit_fleet_cell_get_text (cell), ==, "Last action failed");
  g_assert_true (gtk_selection_model_is_selected (selection, find_position (row)));
  g_assert_true (gtk_selection_model_is_selected (selection, position));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fleet ()), "fleet.filter", "s", COCKPIT_FLEET_FILTER_ATTENTION));
  WAIT_FOR (find_position (row) < g_list_model_get_n_items (rows ()));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fleet ()), "fleet.filter", "s", COCKPIT_FLEET_FILTER_ALL));
  WAIT_FOR (g_list_model_get_n_items (rows ()) == 150);

  for (guint i = 0; i < 150; i++)
    g_signal_handlers_disconnect_by_func (row_at (i), row_changed_cb, changed);

  /* As after a restart: a new model, which has not seen the action end,
   * learns it from the package's last action. */
  {
    g_autoptr(CockpitFleetModel) fresh = cockpit_fleet_model_new_for_session (t.session);
    CockpitFleetRow *again = cockpit_fleet_model_find (fresh, cockpit_environment_get_id (cockpit_fleet_row_get_environment (row)), NULL);

    g_assert_nonnull (again);
    g_assert_false (cockpit_fleet_row_get_attention (again) & COCKPIT_FLEET_ATTENTION_FAILED);
    WAIT_FOR (cockpit_fleet_row_get_attention (again) & COCKPIT_FLEET_ATTENTION_FAILED);
    g_assert_cmpstr (cockpit_action_get_id (cockpit_fleet_row_get_last_action (again)), ==, cockpit_action_get_id (action));
  }
}

static CockpitFleetRow *
find_row (CockpitEnvironment *env)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows ()); i++)
    if (cockpit_fleet_row_get_environment (row_at (i)) == env)
      return row_at (i);
  return NULL;
}

/* A plan waiting for approval to upgrade UAT: the row says so in the
 * Running Action column and needs attention.  Set on the package object
 * as a refresh would (the simulator of this branch has no plans yet). */
static void
test_plan_step (void)
{
  CockpitPackage *package = cockpit_session_find_package (t.session, "pkg03");
  CockpitEnvironment *uat = cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_UAT);
  g_autoptr(CockpitPlan) plan = cockpit_plan_new ();
  g_autoptr(GListStore) steps = g_list_store_new (COCKPIT_TYPE_PLAN_STEP);
  g_autoptr(CockpitPlanStep) first = cockpit_plan_step_new ();
  g_autoptr(CockpitPlanStep) second = cockpit_plan_step_new ();
  CockpitFleetCell *cell;
  CockpitFleetRow *row;

  cockpit_plan_set_id (plan, "plan-fleet");
  cockpit_plan_set_package_id (plan, "pkg03");
  cockpit_plan_set_target_version (plan, "6.4.3");
  cockpit_plan_set_gate (plan, COCKPIT_PLAN_GATE_APPROVAL);
  cockpit_plan_set_status (plan, COCKPIT_PLAN_STATUS_WAITING);
  cockpit_plan_step_set_environment (first, COCKPIT_ENVIRONMENT_KIND_INTEGRATION);
  cockpit_plan_step_set_status (first, COCKPIT_PLAN_STEP_STATUS_DONE);
  cockpit_plan_step_set_environment (second, COCKPIT_ENVIRONMENT_KIND_UAT);
  cockpit_plan_step_set_status (second, COCKPIT_PLAN_STEP_STATUS_WAITING);
  g_list_store_append (steps, first);
  g_list_store_append (steps, second);
  cockpit_plan_set_steps (plan, G_LIST_MODEL (steps));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fleet ()), "fleet.filter", "s", COCKPIT_FLEET_FILTER_ATTENTION));
  cockpit_package_set_active_plan (package, plan);
  WAIT_FOR (find_row (uat) != NULL);
  row = find_row (uat);
  g_assert_true (cockpit_fleet_row_get_attention (row) & COCKPIT_FLEET_ATTENTION_PLAN);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fleet ()), "fleet.filter", "s", COCKPIT_FLEET_FILTER_ALL));
  gtk_selection_model_select_item (cockpit_fleet_view_get_selection (fleet ()), find_position (row), TRUE);
  {
    GtkAdjustment *adjustment = table_vadjustment ();

    cockpit_test_wait_for_draw (GTK_WIDGET (test_app_window (t.app)));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * find_position (row) / 150.0 - 200);
  }
  WAIT_FOR (find_cell (GTK_WIDGET (fleet ()), row, COCKPIT_FLEET_COLUMN_ACTION) != NULL);
  cell = find_cell (GTK_WIDGET (fleet ()), row, COCKPIT_FLEET_COLUMN_ACTION);
  g_assert_cmpstr (cockpit_fleet_cell_get_text (cell), ==, "Plan to 6.4.3");
  g_assert_cmpstr (cockpit_fleet_cell_get_subtitle (cell), ==, "Waiting for approval");
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_window (t.app)));
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (t.app)), "fleet-plan");

  /* Approved: no longer waiting for anyone. */
  cockpit_plan_step_set_status (second, COCKPIT_PLAN_STEP_STATUS_RUNNING);
  cockpit_plan_set_status (plan, COCKPIT_PLAN_STATUS_RUNNING);
  g_assert_false (cockpit_fleet_row_get_attention (row) & COCKPIT_FLEET_ATTENTION_PLAN);
  g_assert_cmpstr (cockpit_fleet_cell_get_subtitle (cell), ==, "Upgrading");
  cockpit_package_set_active_plan (package, NULL);
  g_assert_cmpstr (cockpit_fleet_cell_get_text (cell), !=, "Plan to 6.4.3");
}

/* The export is the view as shown: filtered and sorted. */
static void
test_export (void)
{
  GtkColumnView *view = cockpit_fleet_view_get_column_view (fleet ());
  g_autoptr(GtkColumnViewColumn) lts = g_list_model_get_item (gtk_column_view_get_columns (view), COCKPIT_FLEET_COLUMN_LTS);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fleet-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "fleet.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n;

  g_assert_no_error (error);
  gtk_column_view_sort_by_column (view, lts, GTK_SORT_ASCENDING);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fleet ()), "fleet.filter", "s", COCKPIT_FLEET_FILTER_ATTENTION));
  n = g_list_model_get_n_items (rows ());
  g_assert_cmpuint (n, >, 1);

  cockpit_fleet_view_export_async (fleet (), file, NULL, test_app_store_result_cb, &result);
  WAIT_FOR (result != NULL);
  g_assert_true (cockpit_fleet_view_export_finish (fleet (), result, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  expected = cockpit_fleet_csv_build (rows ());
  g_assert_cmpstr (contents, ==, g_bytes_get_data (expected, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n + 2);  /* header, rows, the empty end */
  /* The most urgent first, and only rows that need attention. */
  g_assert_true (g_str_has_prefix (lines[1], cockpit_package_get_id (cockpit_fleet_row_get_package (row_at (0)))));
  for (guint i = 1; i <= n; i++)
    g_assert_false (g_str_has_suffix (lines[i], ","));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fleet ()), "fleet.filter", "s", COCKPIT_FLEET_FILTER_ALL));
  g_unlink (path);
  g_rmdir (dir);
}

static void
assert_no_wider (GtkWidget *widget,
                 int        width)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      if (gtk_widget_get_width (child) > width)
        {
          int min = 0;

          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
          for (GtkWidget *w = gtk_widget_get_first_child (child); w; w = gtk_widget_get_next_sibling (w))
            {
              int m = 0;

              gtk_widget_measure (w, GTK_ORIENTATION_HORIZONTAL, -1, &m, NULL, NULL, NULL);
              g_test_message ("  child %s (%s) needs %d", G_OBJECT_TYPE_NAME (w), gtk_widget_get_name (w), m);
            }
          g_error ("%s is %d px wide, needs %d", G_OBJECT_TYPE_NAME (child), gtk_widget_get_width (child), min);
        }
      assert_no_wider (child, width);
    }
}

/* At 360 px the table folds into two-line rows, and nothing is wider. */
static void
test_narrow (void)
{
  GtkListView *list = cockpit_fleet_view_get_list_view (fleet ());
  CockpitFleetCell *cell;

  gtk_window_set_default_size (GTK_WINDOW (test_app_window (t.app)), 360, 700);
  WAIT_FOR (cockpit_window_get_folded (test_app_window (t.app)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test_app_window (t.app)), "win.show-fleet", NULL));
  WAIT_FOR (cockpit_window_get_showing_content (test_app_window (t.app)));
  WAIT_FOR (cockpit_fleet_view_get_narrow (fleet ()));
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_window (t.app)));
  /* Asked again once folded, as a window manager does. */
  gtk_window_set_default_size (GTK_WINDOW (test_app_window (t.app)), 360, 700);
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_window (t.app)));

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (cockpit_fleet_view_get_column_view (fleet ()))));
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (t.app)), "fleet-360");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (test_app_window (t.app))), ==, 360);
  /* The header bar above the fleet fits too (its title, the fleet's
   * menu and the helpdesk's button). */
  {
    GtkWidget *header = gtk_widget_get_first_child (cockpit_window_get_content (test_app_window (t.app)));
    int minimum = 0;

    g_assert_true (ADW_IS_HEADER_BAR (header));
    gtk_widget_measure (header, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_test_message ("at 360 px: the fleet's header bar %d px at least", minimum);
    g_assert_cmpint (minimum, <=, 360);
  }
  /* The fleet and everything in it. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fleet ())), <=, 360);
  assert_no_wider (GTK_WIDGET (fleet ()), 360);

  cell = find_cell (GTK_WIDGET (list), row_at (0), COCKPIT_FLEET_CELL_TWO_LINE);
  g_assert_nonnull (cell);
  g_assert_nonnull (strstr (cockpit_fleet_cell_get_text (cell), cockpit_fleet_row_get_package_name (row_at (0))));
  g_assert_nonnull (cockpit_fleet_cell_get_subtitle (cell));

  gtk_window_set_default_size (GTK_WINDOW (test_app_window (t.app)), 1280, 800);
  WAIT_FOR (!cockpit_window_get_folded (test_app_window (t.app)));
  WAIT_FOR (!cockpit_fleet_view_get_narrow (fleet ()));
}

/* Ctrl+F searches the fleet; Tab reaches the table; Enter on a row opens
 * its package; Alt+Home comes back. */
static void
test_keyboard (void)
{
  GtkWidget *view = GTK_WIDGET (cockpit_fleet_view_get_column_view (fleet ()));
  GtkWidget *search = GTK_WIDGET (cockpit_fleet_view_get_search_entry (fleet ()));
  GtkWidget *focus;
  CockpitFleetRow *row;
  gboolean in_table = FALSE;

  g_assert_true (cockpit_window_get_showing_fleet (test_app_window (t.app)));
  gtk_window_present (GTK_WINDOW (test_app_window (t.app)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test_app_window (t.app)), "win.search-activity", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (test_app_window (t.app)));
  g_assert_nonnull (focus);
  g_assert_true (focus == search || gtk_widget_is_ancestor (focus, search));

  for (guint i = 0; i < 10 && !in_table; i++)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (test_app_window (t.app)), GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (test_app_window (t.app)));
      in_table = focus != NULL && (focus == view || gtk_widget_is_ancestor (focus, view));
    }
  g_assert_true (in_table);

  /* Enter on a row is the list's "list.activate-item" on it. */
  row = row_at (3);
  g_assert_true (gtk_widget_activate_action (focus, "list.activate-item", "u", 3));
  WAIT_FOR (!cockpit_window_get_showing_fleet (test_app_window (t.app)));
  g_assert_cmpstr (cockpit_window_get_page_name (test_app_window (t.app)), ==, "packages");
  g_assert_true (cockpit_package_page_get_package (test_app_package_page (t.app)) ==
                 cockpit_fleet_row_get_package (row));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test_app_window (t.app)), "win.show-fleet", NULL));
  g_assert_true (cockpit_window_get_showing_fleet (test_app_window (t.app)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The tests follow each other as one story, in the order added. */
  test_session_start (&session, FALSE);
  test_app_start_seed (&t, &session, TOKEN, COCKPIT_SIM_SEED_LARGE, STAGE_SECONDS);

  g_test_add_func ("/cockpit/fleet/first-screen", test_first_screen);
  g_test_add_func ("/cockpit/fleet/sort", test_sort);
  g_test_add_func ("/cockpit/fleet/search", test_search);
  g_test_add_func ("/cockpit/fleet/filters", test_filters);
  g_test_add_func ("/cockpit/fleet/live-updates", test_live_updates);
  g_test_add_func ("/cockpit/fleet/plan-step", test_plan_step);
  g_test_add_func ("/cockpit/fleet/export", test_export);
  g_test_add_func ("/cockpit/fleet/narrow", test_narrow);
  g_test_add_func ("/cockpit/fleet/keyboard", test_keyboard);

  return test_app_run_story (&t, &session);
}
