/* bench-frame.h: what the benchmarks of a widget on screen share: waiting for a painted frame, windows, medians.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*BenchReadyFunc) (gpointer data);

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

/* Sorts @times, doubles, from the least. */
void       bench_sort              (GArray         *times);
/* The median and the 90th percentile (nearest rank) of @times, doubles
 * (sorted in place). */
void       bench_summarize         (GArray         *times,
                                    double         *median,
                                    double         *p90);

G_END_DECLS
