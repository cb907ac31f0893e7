/* bench-baseline.c: the plain SoupServer that the simulator's benchmarks measure against.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "bench-baseline.h"

void
bench_baseline_cb (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  static const char answer[] = "{\"name\":\"Alex Example\",\"email\":\"alex@example.com\",\"role\":\"owner\"}";

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, answer, strlen (answer));
}
