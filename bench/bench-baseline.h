/* bench-baseline.h: the plain SoupServer that the simulator's benchmarks measure against.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* The baseline's one answer, whatever is asked: a user as GET /me
 * returns it, as a SoupServerCallback. */
void bench_baseline_cb (SoupServer        *server,
                        SoupServerMessage *msg,
                        const char        *path,
                        GHashTable        *query,
                        gpointer           user_data);

G_END_DECLS
