/* bench-activity.c: time to the first page of the activity log on screen, against a plain local GtkColumnView.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs a display: xvfb-run -a build/bench/bench-activity [--runs N]
 *
 * The simulator serves its large seed (100,000 entries on pkg01) from
 * this process, on this main loop, so each figure holds the request, the
 * simulator's filtering and JSON, the client's parsing and the page's
 * work.  Two things are timed, each N times after one warm-up run:
 *
 *   open    from creating the page (and its window) to the first frame
 *           painted with the first page of rows in it;
 *   filter  from cockpit_activity_page_set_filter(), which applies at
 *           once (the typing delay is the search entry's, not the
 *           page's), to the first frame painted with the new first page.
 *
 * The baseline does the same with a GtkColumnView of the same five
 * columns over a local GListStore of 100 entries: a new window with it,
 * and the store's 100 entries replaced.  The difference is what the
 * network, the server and the parsing cost.
 *
 * --scroll also scrolls the whole log, 100,000 entries, to its end, a
 * steady step a frame, the page loading its pages on the way, against the
 * baseline's view over 100,000 local rows; it prints the frame times and
 * the frames dropped (over 1.5 frames of 60 Hz), and the CPU time each
 * frame took and the frames over budget by it.  --phases prints where
 * each opening's time goes: the page made, the window shown, the first
 * frame, the rows in, the frame with them, the CPU time to each, and the
 * frames drawn before the rows.
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "cockpit-activity-page.h"
#include "bench-frame.h"
#include "cockpit-resources.h"
#include "cockpit-simulator.h"

#define TOKEN      "bench-activity-token"
#define PACKAGE_ID "pkg01"
#define PAGE_ROWS  100
#define TOTAL_ENTRIES 100000

/* The page */

static gboolean
page_ready (gpointer data)
{
  CockpitActivityPage *page = data;
  GObject *stack = gtk_widget_get_template_child (GTK_WIDGET (page), COCKPIT_TYPE_ACTIVITY_PAGE, "stack");

  return !cockpit_activity_page_get_loading (page) &&
         g_list_model_get_n_items (cockpit_activity_page_get_entries (page)) > 0 &&
         g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "list") == 0;
}

/* --phases: where the time to the first page goes. */
static gboolean opt_phases;
static gboolean opt_scroll;

typedef struct {
  gint64 start;
  gint64 first_paint;
  gint64 rows_at;
  double cpu_start;
  double cpu_first_paint;
  double cpu_rows;
  guint  frames_before_rows;
} Phases;

/* This process's CPU time so far, ms: less moved by a busy machine than
 * the wall clock. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static void
phase_paint_cb (GdkFrameClock *clock,
                Phases        *phases)
{
  if (phases->rows_at == 0)
    phases->frames_before_rows++;
  if (phases->first_paint == 0)
    {
      phases->first_paint = g_get_monotonic_time ();
      phases->cpu_first_paint = cpu_ms ();
    }
}

static void
phase_rows_cb (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               Phases     *phases)
{
  if (phases->rows_at == 0 && added > 0)
    {
      phases->rows_at = g_get_monotonic_time ();
      phases->cpu_rows = cpu_ms ();
    }
}

static void
phase_map_cb (GtkWidget *widget,
              Phases    *phases)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (phase_paint_cb), phases);
}

/* Not inlined, so that callgrind's --toggle-collect can name it. */
G_GNUC_NO_INLINE static double
page_open (CockpitClient *client)
{
  gint64 start = g_get_monotonic_time ();
  GtkWidget *page = cockpit_activity_page_new (client, PACKAGE_ID, NULL);
  Phases phases = { start, 0, 0, cpu_ms (), 0, 0, 0 };
  gint64 created = g_get_monotonic_time ();
  GtkWindow *window;
  gint64 presented, end;

  g_signal_connect (cockpit_activity_page_get_entries (COCKPIT_ACTIVITY_PAGE (page)), "items-changed",
                    G_CALLBACK (phase_rows_cb), &phases);
  g_signal_connect (page, "map", G_CALLBACK (phase_map_cb), &phases);
  window = bench_new_window (page, 1100, 700);
  presented = g_get_monotonic_time ();
  end = bench_wait_for_frame (page, page_ready, page);
  if (opt_phases)
    g_printerr ("open: created %.1f, presented %.1f, first frame %.1f, rows %.1f, frame with rows %.1f ms; "
                "CPU to first frame %.1f, to rows %.1f, to the end %.1f ms; %u frames drawn before the rows\n",
                (created - start) / 1000.0, (presented - start) / 1000.0,
                (phases.first_paint - start) / 1000.0, (phases.rows_at - start) / 1000.0,
                (end - start) / 1000.0,
                phases.cpu_first_paint - phases.cpu_start, phases.cpu_rows - phases.cpu_start,
                cpu_ms () - phases.cpu_start, phases.frames_before_rows);
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (page), &phases);
  g_signal_handlers_disconnect_by_data (cockpit_activity_page_get_entries (COCKPIT_ACTIVITY_PAGE (page)), &phases);

  g_assert (g_list_model_get_n_items (cockpit_activity_page_get_entries (COCKPIT_ACTIVITY_PAGE (page))) == PAGE_ROWS);
  bench_close_window (window);
  return (end - start) / 1000.0;
}

typedef struct {
  int                     type;
  CockpitEnvironmentKind  affects;
  const char             *query;
} Filter;

/* Each differs from the one before, so that each is a real change. */
static const Filter filters[] = {
  { COCKPIT_ENTRY_TYPE_ERROR, COCKPIT_ENVIRONMENT_KIND_NONE, NULL },
  { -1, COCKPIT_ENVIRONMENT_KIND_LIVE, NULL },
  { -1, COCKPIT_ENVIRONMENT_KIND_NONE, "answered slowly" },
  { COCKPIT_ENTRY_TYPE_INFO, COCKPIT_ENVIRONMENT_KIND_UAT, NULL },
  { -1, COCKPIT_ENVIRONMENT_KIND_NONE, NULL },
};

static double
page_filter (CockpitActivityPage *page,
             guint                run)
{
  const Filter *filter = &filters[run % G_N_ELEMENTS (filters)];
  gint64 start = g_get_monotonic_time ();

  cockpit_activity_page_set_filter (page, filter->type, filter->affects, filter->query);
  return (bench_wait_for_frame (GTK_WIDGET (page), page_ready, page) - start) / 1000.0;
}

/* The baseline: the same columns, a local store */

static void
image_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  gtk_list_item_set_child (item, gtk_image_new ());
}

static void
image_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  CockpitActivityEntry *entry = gtk_list_item_get_item (item);
  static const char *const icons[] = {
    "dialog-information-symbolic", "dialog-warning-symbolic", "dialog-error-symbolic",
  };

  gtk_image_set_from_icon_name (GTK_IMAGE (gtk_list_item_get_child (item)),
                                icons[cockpit_activity_entry_get_entry_type (entry)]);
}

static void
label_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  column)
{
  CockpitActivityEntry *entry = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  switch (GPOINTER_TO_INT (column))
    {
    case 0:
      gtk_label_set_text (label, cockpit_activity_entry_get_activity (entry));
      break;
    case 1:
      gtk_label_set_text (label, cockpit_environment_kind_get_label (cockpit_activity_entry_get_affects (entry)));
      break;
    case 2:
      gtk_label_set_text (label, cockpit_activity_entry_get_by (entry));
      break;
    default:
      text = g_date_time_format (cockpit_activity_entry_get_at (entry), "%a %-d %b %Y, %H:%M");
      gtk_label_set_text (label, text);
      break;
    }
}

static GtkWidget *
baseline_view (GListStore *store)
{
  static const char *const titles[] = { "Type", "Activity", "Affects", "By", "On" };
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  GtkNoSelection *selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (store)));
  GtkWidget *scroller = gtk_scrolled_window_new ();

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      if (i == 0)
        {
          g_signal_connect (factory, "setup", G_CALLBACK (image_setup_cb), NULL);
          g_signal_connect (factory, "bind", G_CALLBACK (image_bind_cb), NULL);
        }
      else
        {
          g_signal_connect (factory, "setup", G_CALLBACK (bench_label_setup_cb), NULL);
          g_signal_connect (factory, "bind", G_CALLBACK (label_bind_cb), GINT_TO_POINTER (i - 1));
        }
      column = gtk_column_view_column_new (titles[i], factory);
      gtk_column_view_column_set_expand (column, i == 1);
      gtk_column_view_append_column (view, column);
      g_object_unref (column);
    }
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (view));
  return scroller;
}

/* The baseline's opening: a new window with the plain view over @rows, to
 * its first frame. */
G_GNUC_NO_INLINE static double
baseline_open (GPtrArray *rows)
{
  g_autoptr(GListStore) store = g_list_store_new (COCKPIT_TYPE_ACTIVITY_ENTRY);
  GtkWidget *view;
  GtkWindow *window;
  gint64 start, end;
  double cpu_start = cpu_ms ();

  start = g_get_monotonic_time ();
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  view = baseline_view (store);
  window = bench_new_window (view, 1100, 700);
  end = bench_wait_for_frame (view, bench_always_ready, NULL);
  if (opt_phases)
    g_printerr ("baseline open: frame %.1f ms, CPU %.1f ms\n", (end - start) / 1000.0, cpu_ms () - cpu_start);
  bench_close_window (window);
  return (end - start) / 1000.0;
}

static double
baseline_filter (GtkWidget  *view,
                 GListStore *store,
                 GPtrArray  *rows)
{
  gint64 start = g_get_monotonic_time ();

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), rows->pdata, rows->len);
  return (bench_wait_for_frame (view, bench_always_ready, NULL) - start) / 1000.0;
}

/* Figures */

static void
print_row (const char *what,
           GArray     *page,
           GArray     *baseline)
{
  double page_median, page_p90, base_median, base_p90;

  bench_summarize (page, &page_median, &page_p90);
  bench_summarize (baseline, &base_median, &base_p90);
  g_print ("%-8s %10.1f %10.1f   %10.1f %10.1f   %+10.1f\n",
           what, page_median, page_p90, base_median, base_p90, page_median - base_median);
  /* For bench/run-all: figure, page, baseline (medians). */
  g_print ("RESULT activity-%s %.1f %.1f\n", what, page_median, base_median);
}

/* Fetches the first page once, as rows for the baseline. */
/* Scrolling to the end: a fast, steady fling, one step a frame, through
 * the whole log.  The page loads its pages on the way; the baseline has
 * all its rows from the start.  Each frame's time is the time from one
 * frame's tick to the next; over FRAME_BUDGET_US * 1.5 counts as a
 * dropped frame (the frame clock of Xvfb ticks at 60 Hz).  The process's
 * CPU time over the same span is kept beside it: on a shared machine a
 * frame is also late when another process had the CPU, and the plain
 * view drops frames so too (docs/performance.md). */

#define SCROLL_STEP_PX   1000
#define FRAME_BUDGET_US  16667
#define DROPPED_MS       (FRAME_BUDGET_US * 1.5 / 1000.0)

typedef struct {
  GtkAdjustment *adjustment;
  BenchReadyFunc      all_loaded;
  gpointer       data;
  GArray        *frame_ms;
  GArray        *cpu_ms;
  double         last_cpu;
  gint64         last_tick;
  gint64         started;
  gint64         ended;
} Scroll;

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  Scroll *scroll = user_data;
  gint64 now = g_get_monotonic_time ();
  double upper = gtk_adjustment_get_upper (scroll->adjustment);
  double page_size = gtk_adjustment_get_page_size (scroll->adjustment);
  double value = gtk_adjustment_get_value (scroll->adjustment);

  if (scroll->last_tick != 0)
    {
      double ms = (now - scroll->last_tick) / 1000.0;
      double cpu = cpu_ms () - scroll->last_cpu;

      g_array_append_val (scroll->frame_ms, ms);
      g_array_append_val (scroll->cpu_ms, cpu);
    }
  else
    scroll->started = now;
  scroll->last_tick = now;
  scroll->last_cpu = cpu_ms ();

  if (value >= upper - page_size - 0.5 && scroll->all_loaded (scroll->data))
    {
      scroll->ended = now;
      return G_SOURCE_REMOVE;
    }
  gtk_adjustment_set_value (scroll->adjustment, MIN (value + SCROLL_STEP_PX, upper - page_size));
  return G_SOURCE_CONTINUE;
}

/* Scrolls @scroller to the end; returns the frame times, in ms. */
static GArray *
scroll_to_end (GtkWidget *scroller,
               BenchReadyFunc  all_loaded,
               gpointer   data,
               GArray   **cpu_ms,
               double    *seconds)
{
  Scroll scroll = { 0, };

  scroll.adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  scroll.all_loaded = all_loaded;
  scroll.data = data;
  scroll.frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  scroll.cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  gtk_widget_add_tick_callback (scroller, scroll_tick_cb, &scroll, NULL);
  while (scroll.ended == 0)
    g_main_context_iteration (NULL, TRUE);
  *seconds = (scroll.ended - scroll.started) / (double) G_USEC_PER_SEC;
  *cpu_ms = scroll.cpu_ms;
  return scroll.frame_ms;
}

static gboolean
page_all_loaded (gpointer data)
{
  CockpitActivityPage *page = data;

  return !cockpit_activity_page_get_loading (page) &&
         g_list_model_get_n_items (cockpit_activity_page_get_entries (page)) >= TOTAL_ENTRIES;
}

/* How many of @values are over @limit. */
static guint
count_over (GArray *values,
            double  limit)
{
  guint over = 0;

  for (guint i = 0; i < values->len; i++)
    over += g_array_index (values, double, i) > limit;
  return over;
}

static void
print_scroll (const char *what,
              GArray     *frames,
              double      limit,
              double      seconds)
{
  GArray *sorted = g_array_copy (frames);
  double *values;
  guint n = sorted->len;

  bench_sort (sorted);
  values = (double *) sorted->data;
  g_print ("%-9s %7u %8.1f %8.1f %8.1f %8.1f %8u %8.1f\n", what, n,
           values[n / 2], values[MIN (n - 1, (guint) (0.95 * n))], values[MIN (n - 1, (guint) (0.99 * n))],
           values[n - 1], count_over (frames, limit), seconds);
  g_array_unref (sorted);
}

/* Each dropped frame on stderr: which frame of the run, its time and the
 * process's CPU time over it, so that one can tell a first frame, a page
 * coming in or another process's turn from each other. */
static void
print_dropped (const char *what,
               GArray     *frames,
               GArray     *cpu)
{
  for (guint i = 0; i < frames->len; i++)
    if (g_array_index (frames, double, i) > DROPPED_MS)
      g_printerr ("%s: frame %u of %u dropped: %.1f ms, CPU %.1f ms\n", what, i + 1, frames->len,
                  g_array_index (frames, double, i), g_array_index (cpu, double, i));
}

static void
measure_scroll (CockpitClient *client,
                GPtrArray     *rows)
{
  g_autoptr(GArray) page_frames = NULL;
  g_autoptr(GArray) base_frames = NULL;
  g_autoptr(GArray) page_cpu = NULL;
  g_autoptr(GArray) base_cpu = NULL;
  g_autoptr(GListStore) store = g_list_store_new (COCKPIT_TYPE_ACTIVITY_ENTRY);
  double page_seconds, base_seconds;
  GtkWidget *page = cockpit_activity_page_new (client, PACKAGE_ID, NULL);
  GtkWindow *window = bench_new_window (page, 1100, 700);
  GtkWidget *view;

  bench_wait_for_frame (page, page_ready, page);
  page_frames = scroll_to_end (GTK_WIDGET (gtk_widget_get_template_child (page, COCKPIT_TYPE_ACTIVITY_PAGE, "scroller")),
                               page_all_loaded, page, &page_cpu, &page_seconds);
  bench_close_window (window);

  /* The same number of rows, all local. */
  for (guint i = 0; i < TOTAL_ENTRIES / rows->len; i++)
    g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0, rows->pdata, rows->len);
  view = baseline_view (store);
  window = bench_new_window (view, 1100, 700);
  bench_wait_for_frame (view, bench_always_ready, NULL);
  base_frames = scroll_to_end (view, bench_always_ready, NULL, &base_cpu, &base_seconds);
  bench_close_window (window);

  g_print ("\nScrolling to the end of %d entries, %d px a frame; frame times in ms, "
           "dropped: over %.1f ms\n", TOTAL_ENTRIES, SCROLL_STEP_PX, DROPPED_MS);
  g_print ("%-9s %7s %8s %8s %8s %8s %8s %8s\n", "", "frames", "median", "p95", "p99", "max", "dropped", "seconds");
  print_scroll ("page", page_frames, DROPPED_MS, page_seconds);
  print_scroll ("baseline", base_frames, DROPPED_MS, base_seconds);
  print_dropped ("page", page_frames, page_cpu);
  print_dropped ("baseline", base_frames, base_cpu);
  g_print ("RESULT activity-scroll-dropped %u %u\n",
           count_over (page_frames, DROPPED_MS), count_over (base_frames, DROPPED_MS));

  /* The process's own work a frame, which another process's turn on
   * the CPU does not lengthen: over a frame's budget, the frame was late
   * whatever else ran. */
  g_print ("\nThe same frames in CPU time of this process, ms; over budget: over %.1f ms\n",
           FRAME_BUDGET_US / 1000.0);
  g_print ("%-9s %7s %8s %8s %8s %8s %8s %8s\n", "", "frames", "median", "p95", "p99", "max", "over", "seconds");
  print_scroll ("page", page_cpu, FRAME_BUDGET_US / 1000.0, page_seconds);
  print_scroll ("baseline", base_cpu, FRAME_BUDGET_US / 1000.0, base_seconds);
  g_print ("RESULT activity-scroll-cpu-over %u %u\n",
           count_over (page_cpu, FRAME_BUDGET_US / 1000.0), count_over (base_cpu, FRAME_BUDGET_US / 1000.0));
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GPtrArray *
fetch_rows (CockpitClient *client,
            int            type)
{
  CockpitActivityQuery query = { PAGE_ROWS, NULL, type, COCKPIT_ENVIRONMENT_KIND_NONE, NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListStore) page = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  cockpit_client_list_activity_async (client, PACKAGE_ID, &query, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  page = cockpit_client_list_activity_finish (client, result, NULL, &error);
  if (page == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (page)); i++)
    g_ptr_array_add (rows, g_list_model_get_item (G_LIST_MODEL (page), i));
  g_assert (rows->len == PAGE_ROWS);
  return rows;
}

int
main (int   argc,
      char *argv[])
{
  int runs = 10;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Timed runs of each measurement (10)", "N" },
    { "phases", 0, 0, G_OPTION_ARG_NONE, &opt_phases, "Print where each opening's time goes", NULL },
    { "scroll", 0, 0, G_OPTION_ARG_NONE, &opt_scroll, "Also scroll the whole log to its end and report frame times", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the activity log page");
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitSimulator) sim = NULL;
  g_autoptr(CockpitClient) client = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) other_rows = NULL;
  g_autoptr(GArray) page_opens = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) base_opens = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) page_filters = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) base_filters = g_array_new (FALSE, FALSE, sizeof (double));

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1)
    {
      g_printerr ("%s\n", error ? error->message : "--runs must be at least 1");
      return 2;
    }
  if (!bench_init_display ("bench-activity"))
    return 77;
  client = bench_start_simulator (TOKEN, &sim);

  rows = fetch_rows (client, -1);
  if (opt_phases)
    for (int i = 0; i < 5; i++)
      {
        gint64 t = g_get_monotonic_time ();
        double c = cpu_ms ();
        g_autoptr(GPtrArray) again = fetch_rows (client, -1);

        g_printerr ("first page alone: %.1f ms, CPU %.1f ms\n", (g_get_monotonic_time () - t) / 1000.0, cpu_ms () - c);
      }
  other_rows = fetch_rows (client, COCKPIT_ENTRY_TYPE_ERROR);

  /* Opening: one warm-up run each, not counted. */
  for (int i = 0; i <= runs; i++)
    {
      double page_ms = page_open (client);
      double base_ms = baseline_open (rows);

      if (i > 0)
        {
          g_array_append_val (page_opens, page_ms);
          g_array_append_val (base_opens, base_ms);
        }
    }

  /* Filtering, in one window each. */
  {
    GtkWidget *page = cockpit_activity_page_new (client, PACKAGE_ID, NULL);
    GtkWindow *page_window = bench_new_window (page, 1100, 700);
    g_autoptr(GListStore) store = g_list_store_new (COCKPIT_TYPE_ACTIVITY_ENTRY);
    GtkWidget *view;
    GtkWindow *base_window;

    bench_wait_for_frame (page, page_ready, page);
    g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
    view = baseline_view (store);
    base_window = bench_new_window (view, 1100, 700);
    bench_wait_for_frame (view, bench_always_ready, NULL);

    for (int i = 0; i <= runs; i++)
      {
        double page_ms = page_filter (COCKPIT_ACTIVITY_PAGE (page), (guint) i);
        double base_ms = baseline_filter (view, store, i % 2 ? rows : other_rows);

        if (i > 0)
          {
            g_array_append_val (page_filters, page_ms);
            g_array_append_val (base_filters, base_ms);
          }
      }

    bench_close_window (page_window);
    bench_close_window (base_window);
  }

  g_print ("Activity log, %d runs, large seed (100,000 entries), pages of %d rows; milliseconds\n",
           runs, PAGE_ROWS);
  g_print ("%-8s %10s %10s   %10s %10s   %10s\n", "", "page", "", "baseline", "", "difference");
  g_print ("%-8s %10s %10s   %10s %10s   %10s\n", "", "median", "p90", "median", "p90", "of medians");
  print_row ("open", page_opens, base_opens);
  print_row ("filter", page_filters, base_filters);

  if (opt_scroll)
    measure_scroll (client, rows);

  cockpit_simulator_stop (sim);
  return 0;
}
