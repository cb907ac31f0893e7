/* bench-sim.c: requests per second of the simulator's heavy answers, beside a trivial server.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The servers run in a thread of their own with its own main context: the
 * simulator with the large seed (50 packages, 100,000 activity entries on
 * pkg01) and, as the baseline, a SoupServer whose one handler answers a
 * fixed small JSON.  The main thread sends a bounded number of requests
 * one after the other over real HTTP on 127.0.0.1 (one kept-alive
 * connection) and prints requests per second for each.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "bench-baseline.h"

#include "cockpit-simulator.h"

#define TOKEN "bench-token"

typedef struct {
  GMutex            lock;
  GCond             cond;
  GMainLoop        *loop;
  char             *sim_url;
  char             *baseline_url;
  double            seed_ms;
  gboolean          ready;
} Servers;

static gpointer
server_thread (gpointer data)
{
  Servers *servers = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(CockpitSimulator) sim = NULL;
  g_autoptr(SoupServer) baseline = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;
  gint64 start;

  g_main_context_push_thread_default (context);

  start = g_get_monotonic_time ();
  sim = cockpit_simulator_new (TOKEN, COCKPIT_SIM_SEED_LARGE, NULL, 20, FALSE, &error);
  if (sim == NULL || !cockpit_simulator_listen (sim, "127.0.0.1", 0, &error))
    g_error ("Cannot start the simulator: %s", error->message);
  servers->seed_ms = (g_get_monotonic_time () - start) / 1000.0;

  baseline = soup_server_new (NULL, NULL);
  soup_server_add_handler (baseline, NULL, bench_baseline_cb, NULL, NULL);
  if (!soup_server_listen_local (baseline, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("Cannot start the baseline server: %s", error->message);
  uris = soup_server_get_uris (baseline);

  g_mutex_lock (&servers->lock);
  servers->loop = g_main_loop_new (context, FALSE);
  servers->sim_url = g_strdup (cockpit_simulator_get_base_url (sim));
  servers->baseline_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  servers->ready = TRUE;
  g_cond_signal (&servers->cond);
  g_mutex_unlock (&servers->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (servers->loop);

  cockpit_simulator_stop (sim);
  soup_server_disconnect (baseline);
  g_main_context_pop_thread_default (context);
  return NULL;
}

static GBytes *
fetch (SoupSession *session,
       const char  *url,
       guint       *status)
{
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(GError) error = NULL;
  GBytes *body;

  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Authorization", "Bearer " TOKEN);
  body = soup_session_send_and_read (session, message, NULL, &error);
  if (body == NULL)
    g_error ("GET %s: %s", url, error->message);
  *status = soup_message_get_status (message);
  return body;
}

/* The cursor of the page @depth pages of @limit down the log of pkg01. */
static char *
cursor_at (SoupSession *session,
           const char  *base,
           guint        limit,
           guint        depth)
{
  char *cursor = NULL;

  for (guint i = 0; i < depth; i++)
    {
      g_autofree char *url = g_strdup_printf ("%s/api/v1/packages/pkg01/activity?limit=%u%s%s",
                                              base, limit, cursor ? "&before=" : "", cursor ? cursor : "");
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GBytes) body = NULL;
      JsonObject *root;
      guint status;

      body = fetch (session, url, &status);
      if (status != 200 ||
          !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        g_error ("GET %s: %u", url, status);
      root = json_node_get_object (json_parser_get_root (parser));
      g_free (cursor);
      cursor = json_object_has_member (root, "next_before") &&
               !json_object_get_null_member (root, "next_before")
               ? g_strdup (json_object_get_string_member (root, "next_before")) : NULL;
      if (cursor == NULL)
        g_error ("The log of pkg01 ended before page %u", depth);
    }
  return cursor;
}

typedef struct {
  const char *name;
  char       *url;
} Case;

static double
run (SoupSession *session,
     Case        *c,
     guint        requests,
     gsize       *size)
{
  gint64 start;

  /* Warm up: the connection, the caches. */
  for (guint i = 0; i < MIN (requests / 10, 50u); i++)
    {
      guint status;
      g_autoptr(GBytes) body = fetch (session, c->url, &status);

      if (status != 200)
        g_error ("GET %s: %u", c->url, status);
      *size = g_bytes_get_size (body);
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < requests; i++)
    {
      guint status;
      g_autoptr(GBytes) body = fetch (session, c->url, &status);

      if (status != 200)
        g_error ("GET %s: %u", c->url, status);
      *size = g_bytes_get_size (body);
    }
  return requests / ((g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *deep = NULL;
  Servers servers = { 0 };
  GThread *thread;
  int requests = 2000;
  double baseline;
  const GOptionEntry entries[] = {
    { "requests", 'n', 0, G_OPTION_ARG_INT, &requests, "Requests per case (default 2000)", "N" },
    { NULL }
  };

  context = g_option_context_new ("- benchmark the cockpit simulator");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-sim: %s\n", error->message);
      return 2;
    }
  requests = CLAMP (requests, 10, 1000000);

  g_mutex_init (&servers.lock);
  g_cond_init (&servers.cond);
  thread = g_thread_new ("servers", server_thread, &servers);
  g_mutex_lock (&servers.lock);
  while (!servers.ready)
    g_cond_wait (&servers.cond, &servers.lock);
  g_mutex_unlock (&servers.lock);

  session = soup_session_new ();
  deep = cursor_at (session, servers.sim_url, 100, 500);

  {
    Case cases[] = {
      { "baseline: fixed small JSON", g_strdup_printf ("%s/", servers.baseline_url) },
      { "GET /api/v1/packages (50)", g_strdup_printf ("%s/api/v1/packages", servers.sim_url) },
      { "activity, first page (100)", g_strdup_printf ("%s/api/v1/packages/pkg01/activity", servers.sim_url) },
      { "activity, page 501 (100)", g_strdup_printf ("%s/api/v1/packages/pkg01/activity?before=%s",
                                                     servers.sim_url, deep) },
      { "activity, type+affects+q (100)",
        g_strdup_printf ("%s/api/v1/packages/pkg01/activity?type=info&affects=live&q=backed", servers.sim_url) },
    };

    g_print ("large seed created in %.0f ms; %d requests per case, one after the other, on 127.0.0.1\n\n",
             servers.seed_ms, requests);
    g_print ("%-34s %10s %12s %10s\n", "case", "req/s", "answer bytes", "vs baseline");
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        gsize size = 0;
        double rate = run (session, &cases[i], (guint) requests, &size);

        if (i == 0)
          baseline = rate;
        g_print ("%-34s %10.0f %12" G_GSIZE_FORMAT " %9.0f%%\n", cases[i].name, rate, size,
                 100.0 * rate / baseline);
        /* For bench/run-all: the first page of the activity log, in
         * milliseconds per request, against the fixed small answer. */
        if (i == 2)
          g_print ("RESULT sim-activity-request %.3f %.3f\n", 1000.0 / rate, 1000.0 / baseline);
        g_free (cases[i].url);
      }
  }

  g_clear_object (&session);
  g_main_loop_quit (servers.loop);
  g_thread_join (thread);
  g_main_loop_unref (servers.loop);
  g_free (servers.sim_url);
  g_free (servers.baseline_url);
  g_mutex_clear (&servers.lock);
  g_cond_clear (&servers.cond);
  return EXIT_SUCCESS;
}
