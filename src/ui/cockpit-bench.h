/* cockpit-bench.h: opt-in start-up timing for bench/bench-startup, off unless COCKPIT_BENCH_T0 is set.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-application.h"

G_BEGIN_DECLS

/* Only called when the environment variable COCKPIT_BENCH_T0 holds a
 * g_get_monotonic_time() taken by the benchmark just before it started
 * the app.  Prints to stdout, one line each, in microseconds since then:
 *   visible <us>   at the first frame of @window,
 *   data <us>      at the first frame drawn once the packages are loaded
 *                  and the package page shows one,
 *   rss <KiB>      the resident set size right after that frame,
 * then quits @app. */
void cockpit_bench_watch_window (GtkWindow          *window,
                                 CockpitApplication *app);

G_END_DECLS
