/* bench-mark.h: points in a probe's run that `bench/count-instructions` splits its count at.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * callgrind's --dump-before=FUNCTION writes the count so far each time
 * FUNCTION is entered; these do nothing else.  They are not inlined, and
 * each touches a volatile in its own way, so that the compiler keeps the
 * call and does not fold the two into one function.
 */
#pragma once

#include <glib.h>

static volatile int bench_mark_sink;

/* The first frame of the window is painted. */
G_GNUC_NO_INLINE G_GNUC_UNUSED static void
bench_mark_visible (void)
{
  bench_mark_sink++;
}

/* The first frame with the data in it is painted (the app only). */
G_GNUC_NO_INLINE G_GNUC_UNUSED static void
bench_mark_data (void)
{
  bench_mark_sink += 2;
}
