/* bench-frame.h: what the benchmarks of a widget on screen share: waiting for a painted frame, windows, medians.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cockpit-client.h"
#include "cockpit-simulator.h"

G_BEGIN_DECLS

typedef gboolean (*BenchReadyFunc) (gpointer data);

/* GTK and libadwaita with the app's style sheet and no animations; FALSE
 * (said on stderr) without a display. */
gboolean   bench_init_display      (const char     *program);
/* The simulator's large seed served from this process on 127.0.0.1, and
 * a client of it: each figure holds the request, the server and the
 * parsing. */
CockpitClient *bench_start_simulator (const char        *token,
                                      CockpitSimulator **sim);

/* Runs the main loop until a frame of @widget's window is painted while
 * @ready holds; returns the time of that frame (g_get_monotonic_time()).
 * Gives up with an error after a minute. */
gint64     bench_wait_for_frame    (GtkWidget      *widget,
                                    BenchReadyFunc  ready,
                                    gpointer        data);
/* A ready function that is always ready: the first frame painted. */
gboolean   bench_always_ready      (gpointer        data);

/* A window of @width x @height with @child, presented; the caller owns a
 * reference, which bench_close_window() gives back once it is gone. */
GtkWindow *bench_new_window        (GtkWidget      *child,
                                    int             width,
                                    int             height);
void       bench_close_window      (GtkWindow      *window);
/* Drops the caller's reference to @object and runs the main loop until it
 * is finalized. */
void       bench_wait_for_finalize (gpointer        object);

/* The baselines' cells: a label, left-aligned and ellipsized, as the
 * ::setup of a GtkSignalListItemFactory. */
void       bench_label_setup_cb    (GtkSignalListItemFactory *factory,
                                    GtkListItem              *item);

/* Sorts @times, doubles, from the least. */
void       bench_sort              (GArray         *times);
/* The median and the 90th percentile (nearest rank) of @times, doubles
 * (sorted in place). */
void       bench_summarize         (GArray         *times,
                                    double         *median,
                                    double         *p90);

G_END_DECLS
