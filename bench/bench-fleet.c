/* bench-fleet.c: the fleet on screen against a plain local GtkColumnView, and what one change redraws.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs a display: xvfb-run -a build/bench/bench-fleet [--runs N]
 *
 * The simulator serves its large seed (50 packages, 150 environments)
 * from this process; a session loads it once.  Then, each N times after
 * one warm-up run:
 *
 *   open    from creating the fleet view (and its window, 1280 x 800) to
 *           the first frame painted with its 150 rows: the fleet model
 *           over the session's packages, the filter and sort models, the
 *           eight columns of CockpitFleetCell;
 *   base    the same with a plain GtkColumnView of eight GtkLabel columns
 *           over a local GListStore of 150 rows of ready-made strings.
 *
 * And with the fleet on screen, what a change of one environment draws:
 * its version is set as a refresh would (in place), a frame is awaited,
 * and the snapshots of the cells drawn are counted; the same row then
 * announced with items-changed, as a model that always announces would,
 * shows what GTK 4.8 draws then.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "cockpit-fleet-cell.h"
#include "cockpit-fleet-view.h"
#include "bench-frame.h"
#include "cockpit-resources.h"
#include "cockpit-simulator.h"

#define TOKEN "bench-fleet-token"
#define N_ROWS 150

/* The fleet */

static gboolean
fleet_ready (gpointer data)
{
  CockpitFleetView *view = data;

  return g_list_model_get_n_items (cockpit_fleet_view_get_rows (view)) == N_ROWS &&
         gtk_widget_get_mapped (GTK_WIDGET (cockpit_fleet_view_get_column_view (view)));
}

static double
fleet_open (CockpitSession *session)
{
  gint64 start = g_get_monotonic_time ();
  GtkWidget *view = cockpit_fleet_view_new ();
  GtkWindow *window;
  gint64 end;

  cockpit_fleet_view_set_session (COCKPIT_FLEET_VIEW (view), session);
  window = bench_new_window (view, 1280, 800);
  end = bench_wait_for_frame (view, fleet_ready, view);
  bench_close_window (window);
  return (end - start) / 1000.0;
}

/* The baseline: eight label columns over local strings */

static char *cells[N_ROWS][COCKPIT_FLEET_N_COLUMNS];

static void
label_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  column)
{
  GtkStringObject *row = gtk_list_item_get_item (item);
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (row), NULL, 10);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), cells[index][GPOINTER_TO_UINT (column)]);
}

static GtkWidget *
baseline_view (GListModel *rows)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  GtkSingleSelection *selection = gtk_single_selection_new (g_object_ref (rows));
  GtkWidget *scroller = gtk_scrolled_window_new ();

  for (guint i = 0; i < COCKPIT_FLEET_N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (bench_label_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (label_bind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new ("Column", factory);
      gtk_column_view_column_set_expand (column, i == 0);
      gtk_column_view_append_column (view, column);
      g_object_unref (column);
    }
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (view));
  gtk_widget_set_vexpand (scroller, TRUE);
  return scroller;
}

/* The texts of the fleet's rows as the baseline's local data. */
static void
fill_cells (CockpitSession *session)
{
  g_autoptr(CockpitFleetModel) model = cockpit_fleet_model_new_for_session (session);

  g_assert (g_list_model_get_n_items (G_LIST_MODEL (model)) == N_ROWS);
  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autoptr(CockpitFleetRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);

      for (guint c = 0; c < COCKPIT_FLEET_N_COLUMNS; c++)
        {
          GtkWidget *cell = g_object_ref_sink (cockpit_fleet_cell_new (c));

          cockpit_fleet_cell_set_row (COCKPIT_FLEET_CELL (cell), row);
          cells[i][c] = g_strdup (cockpit_fleet_cell_get_text (COCKPIT_FLEET_CELL (cell)));
          g_object_unref (cell);
        }
    }
}

/* Figures */

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
collect_cells (GtkWidget *widget,
               GPtrArray *found)
{
  if (COCKPIT_IS_FLEET_CELL (widget))
    {
      if (gtk_widget_get_mapped (widget))
        g_ptr_array_add (found, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_cells (child, found);
}

int
main (int   argc,
      char *argv[])
{
  int runs = 10;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Timed runs of each measurement (10)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the fleet");
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitSimulator) sim = NULL;
  g_autoptr(CockpitClient) client = NULL;
  g_autoptr(CockpitSession) session = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GArray) fleet_opens = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) base_opens = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *journal = NULL;
  double fleet_median, fleet_p90, base_median, base_p90;
  guint drawn, announced, visible_cells;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1)
    {
      g_printerr ("%s\n", error ? error->message : "--runs must be at least 1");
      return 2;
    }
  if (!bench_init_display ("bench-fleet"))
    return 77;
  client = bench_start_simulator (TOKEN, &sim);
  dir = g_dir_make_tmp ("bench-fleet-XXXXXX", &error);
  g_assert (dir != NULL);
  journal = g_build_filename (dir, "actions.json", NULL);
  session = cockpit_session_new (client, journal, dir);
  cockpit_session_refresh_async (session, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!cockpit_session_refresh_finish (session, result, &error))
    g_error ("Refresh: %s", error->message);
  fill_cells (session);

  /* On screen: one warm-up run each, not counted. */
  for (int i = 0; i <= runs; i++)
    {
      double fleet_ms = fleet_open (session);
      g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
      GtkWidget *view;
      GtkWindow *window;
      gint64 start, end;

      start = g_get_monotonic_time ();
      for (guint r = 0; r < N_ROWS; r++)
        {
          char index[8];

          g_snprintf (index, sizeof index, "%u", r);
          gtk_string_list_append (rows, index);
        }
      view = baseline_view (G_LIST_MODEL (rows));
      window = bench_new_window (view, 1280, 800);
      end = bench_wait_for_frame (view, bench_always_ready, NULL);
      bench_close_window (window);

      if (i > 0)
        {
          double base_ms = (end - start) / 1000.0;

          g_array_append_val (fleet_opens, fleet_ms);
          g_array_append_val (base_opens, base_ms);
        }
    }

  /* One environment changes, on screen. */
  {
    GtkWidget *view = cockpit_fleet_view_new ();
    GtkWindow *window;
    GListModel *shown;
    GListModel *base;
    g_autoptr(GPtrArray) on_screen = g_ptr_array_new ();
    g_autoptr(CockpitFleetRow) row = NULL;
    guint before, position = 0;

    cockpit_fleet_view_set_session (COCKPIT_FLEET_VIEW (view), session);
    window = bench_new_window (view, 1280, 800);
    bench_wait_for_frame (view, fleet_ready, view);
    collect_cells (view, on_screen);
    visible_cells = on_screen->len;
    shown = cockpit_fleet_view_get_rows (COCKPIT_FLEET_VIEW (view));
    row = g_list_model_get_item (shown, 4);

    before = cockpit_fleet_cell_get_snapshot_count ();
    cockpit_environment_set_magnolia_version (cockpit_fleet_row_get_environment (row), "6.4.3");
    bench_wait_for_frame (view, bench_always_ready, NULL);
    drawn = cockpit_fleet_cell_get_snapshot_count () - before;

    base = gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (
             gtk_sort_list_model_get_model (GTK_SORT_LIST_MODEL (shown))));
    cockpit_fleet_model_find (COCKPIT_FLEET_MODEL (base),
                              cockpit_environment_get_id (cockpit_fleet_row_get_environment (row)), &position);
    before = cockpit_fleet_cell_get_snapshot_count ();
    g_list_model_items_changed (base, position, 1, 1);
    bench_wait_for_frame (view, bench_always_ready, NULL);
    announced = cockpit_fleet_cell_get_snapshot_count () - before;
    bench_close_window (window);
  }

  bench_summarize (fleet_opens, &fleet_median, &fleet_p90);
  bench_summarize (base_opens, &base_median, &base_p90);
  g_print ("The fleet, %d runs, large seed (50 packages, %d environments), 1280 x 800; milliseconds\n",
           runs, N_ROWS);
  g_print ("%-8s %10s %10s   %10s %10s   %10s\n", "", "fleet", "", "baseline", "", "ratio");
  g_print ("%-8s %10s %10s   %10s %10s   %10s\n", "", "median", "p90", "median", "p90", "of medians");
  g_print ("%-8s %10.1f %10.1f   %10.1f %10.1f   %10.2f\n", "open",
           fleet_median, fleet_p90, base_median, base_p90, fleet_median / base_median);
  g_print ("One environment changed: %u cells drawn again (%u a row, %u cells on screen);\n"
           "the same row announced with items-changed: %u cells\n",
           drawn, COCKPIT_FLEET_N_COLUMNS, visible_cells, announced);
  /* For bench/run-all: figure, fleet, baseline. */
  g_print ("RESULT fleet-open %.1f %.1f\n", fleet_median, base_median);
  g_print ("RESULT fleet-redraw-cells %u %u\n", drawn, visible_cells);

  cockpit_simulator_stop (sim);
  g_unlink (journal);
  return 0;
}
