/* bench-sim-load.c: the cockpit-sim process under hostile load, beside a plain SoupServer.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts the real cockpit-sim executable (demo seed) on 127.0.0.1 and puts
 * it through three bounded loads with plain sockets, loopback only:
 *
 *   churn      100,000 connections opened and closed: a quarter ask and
 *              read the answer, a quarter only connect and hang up, a
 *              quarter ask and hang up without reading, a quarter send
 *              half a request line and hang up;
 *   half-open  1,000 connections held that never finish their request
 *              line, while an ordinary client asks every 25 ms for 12 s;
 *   concurrent 500 clients at once, each asking 20 times.
 *
 * Before and after each load it prints the server's open descriptors
 * (/proc/PID/fd) and RSS (VmRSS of /proc/PID/status), and the latency
 * percentiles of the ordinary requests.  An ordinary request is
 * "GET /api/v1/me" with the token, on a new connection, with a 1 s limit
 * to connect and 5 s for the answer; one that fails counts as failed.
 *
 * The baseline is a trivial SoupServer (one handler, a fixed small JSON)
 * in a process of its own, this program started with --baseline-server,
 * started afresh for each load since libsoup 3.2 alone does not recover
 * from them.  A load gives up on a server after 20 failures in a row (a client
 * of the crowd after 3).
 * The servers get a soft limit of 1,024 descriptors, as on a desktop; this
 * program raises its own to the hard limit.
 *
 * Run it with `meson test -C build --benchmark sim-load -v` or by hand:
 * build/bench/bench-sim-load [--connections N] [--half-open N] [--clients N].
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib-unix.h>
#include <libsoup/soup.h>

#include "bench-baseline.h"

#define TOKEN            "bench-token"
#define REQUEST          "GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " TOKEN "\r\n\r\n"
#define HALF_REQUEST     "GET /api/v1/me HTTP/1.1\r\n"
#define SERVER_FDS_LIMIT 1024
#define CONNECT_MS       1000
#define ANSWER_MS        5000
#define GIVE_UP_AFTER    20      /* failures in a row */
#define CHURN_THREADS    4
#define REQUESTS_PER_CLIENT 20

/* Servers ------------------------------------------------------------------ */

typedef struct {
  const char *name;
  GPid        pid;
  guint       port;
} Server;

static char *self_path;

static void
child_setup (gpointer user_data)
{
  struct rlimit limit;

  /* A server gets the soft limit of a desktop session, not ours. */
  if (getrlimit (RLIMIT_NOFILE, &limit) == 0)
    {
      limit.rlim_cur = MIN (limit.rlim_max, (rlim_t) SERVER_FDS_LIMIT);
      setrlimit (RLIMIT_NOFILE, &limit);
    }
}

static void
server_start (Server   *server,
              gboolean  baseline)
{
  const char *sim_argv[] = { SIM_PATH, "--token", TOKEN, "--seed", "demo", "--port", "0", NULL };
  const char *baseline_argv[] = { self_path, "--baseline-server", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *line = NULL;
  const char *colon;
  int out;

  server->name = baseline ? "baseline" : "simulator";
  if (!g_spawn_async_with_pipes (NULL, (char **) (baseline ? baseline_argv : sim_argv), NULL,
                                 G_SPAWN_DO_NOT_REAP_CHILD, child_setup, NULL,
                                 &server->pid, NULL, &out, NULL, &error))
    g_error ("Cannot start the %s: %s", server->name, error->message);

  channel = g_io_channel_unix_new (out);
  g_io_channel_set_close_on_unref (channel, TRUE);
  if (g_io_channel_read_line (channel, &line, NULL, NULL, &error) != G_IO_STATUS_NORMAL ||
      !g_str_has_prefix (line, "listening on http://127.0.0.1:"))
    g_error ("The %s did not start: %s", server->name, line ? line : error ? error->message : "no output");
  colon = strrchr (line, ':');
  server->port = (guint) g_ascii_strtoull (colon + 1, NULL, 10);
}

static void
server_stop (Server *server)
{
  int status;

  kill (server->pid, SIGTERM);
  waitpid (server->pid, &status, 0);
  g_spawn_close_pid (server->pid);
}

static guint
server_fds (Server *server)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/fd", server->pid);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static double
server_rss_mib (Server *server)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", server->pid);
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents (path, &contents, NULL, NULL) ||
      (line = strstr (contents, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10) / 1024.0;
}

/* The baseline server ---------------------------------------------------------- */

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static int
run_baseline_server (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  soup_server_add_handler (server, NULL, bench_baseline_cb, NULL, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("Cannot listen: %s", error->message);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  uris = soup_server_get_uris (server);
  g_print ("listening on http://127.0.0.1:%d\n", g_uri_get_port (uris->data));
  fflush (stdout);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_main_loop_run (loop);
  return EXIT_SUCCESS;
}

/* Clients ------------------------------------------------------------------- */

/* A connection to @port on 127.0.0.1, or -1 when it is not made within
 * CONNECT_MS.  Non-blocking; the helpers below wait with poll(). */
static int
client_connect (guint port)
{
  struct sockaddr_in address = { 0 };
  struct pollfd pfd;
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  int error = 0;
  socklen_t length = sizeof error;

  if (fd < 0)
    return -1;
  address.sin_family = AF_INET;
  address.sin_port = htons (port);
  address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  if (connect (fd, (struct sockaddr *) &address, sizeof address) != 0 && errno != EINPROGRESS)
    {
      close (fd);
      return -1;
    }
  pfd = (struct pollfd) { fd, POLLOUT, 0 };
  if (poll (&pfd, 1, CONNECT_MS) != 1 ||
      getsockopt (fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0 || error != 0)
    {
      close (fd);
      return -1;
    }
  return fd;
}

static gboolean
client_send (int         fd,
             const char *text)
{
  gsize length = strlen (text);
  gsize sent = 0;

  while (sent < length)
    {
      struct pollfd pfd = { fd, POLLOUT, 0 };
      gssize n;

      if (poll (&pfd, 1, ANSWER_MS) != 1)
        return FALSE;
      n = send (fd, text + sent, length - sent, MSG_NOSIGNAL);
      if (n < 0 && errno != EAGAIN)
        return FALSE;
      if (n > 0)
        sent += (gsize) n;
    }
  return TRUE;
}

/* Reads one answer: its head, then Content-Length bytes of body.  Returns
 * the status, or 0 when it fails or takes longer than ANSWER_MS. */
static guint
client_read_answer (int fd)
{
  g_autoptr(GString) answer = g_string_new (NULL);
  gint64 end = g_get_monotonic_time () + ANSWER_MS * 1000;
  gssize body_at = -1;
  gsize content_length = 0;
  char buffer[8192];

  for (;;)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      int left = (int) ((end - g_get_monotonic_time ()) / 1000);
      gssize n;

      if (left <= 0 || poll (&pfd, 1, left) != 1)
        return 0;
      n = recv (fd, buffer, sizeof buffer, 0);
      if (n == 0 || (n < 0 && errno != EAGAIN))
        return 0;
      if (n < 0)
        continue;
      g_string_append_len (answer, buffer, n);

      if (body_at < 0)
        {
          const char *head_end = strstr (answer->str, "\r\n\r\n");
          const char *field;

          if (head_end == NULL)
            continue;
          body_at = head_end + 4 - answer->str;
          field = g_strstr_len (answer->str, body_at, "\nContent-Length:");
          if (field == NULL)
            field = g_strstr_len (answer->str, body_at, "\ncontent-length:");
          if (field != NULL)
            content_length = g_ascii_strtoull (field + strlen ("\nContent-Length:"), NULL, 10);
        }
      if (answer->len >= (gsize) body_at + content_length)
        break;
    }

  if (!g_str_has_prefix (answer->str, "HTTP/1.1 ") && !g_str_has_prefix (answer->str, "HTTP/1.0 "))
    return 0;
  return (guint) g_ascii_strtoull (answer->str + 9, NULL, 10);
}

/* One ordinary request on a new connection: its latency in µs, or -1 when
 * it failed or was not a 200. */
static gint64
ordinary_request (guint port)
{
  gint64 start = g_get_monotonic_time ();
  int fd = client_connect (port);
  guint status = 0;

  if (fd < 0)
    return -1;
  if (client_send (fd, REQUEST))
    status = client_read_answer (fd);
  close (fd);
  return status == 200 ? g_get_monotonic_time () - start : -1;
}

/* Latencies ------------------------------------------------------------------ */

typedef struct {
  GMutex  lock;
  GArray *samples;    /* gint64, µs */
  guint   failed;
} Latencies;

static void
latencies_init (Latencies *l)
{
  g_mutex_init (&l->lock);
  l->samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  l->failed = 0;
}

static void
latencies_clear (Latencies *l)
{
  g_array_unref (l->samples);
  g_mutex_clear (&l->lock);
}

static void
latencies_add (Latencies *l,
               gint64     us)
{
  g_mutex_lock (&l->lock);
  if (us < 0)
    l->failed++;
  else
    g_array_append_val (l->samples, us);
  g_mutex_unlock (&l->lock);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
percentile_ms (Latencies *l,
               double     p)
{
  guint n = l->samples->len;
  guint i;

  if (n == 0)
    return -1;
  i = (guint) MIN ((double) n - 1, p / 100.0 * n);
  return g_array_index (l->samples, gint64, i) / 1000.0;
}

/* Results -------------------------------------------------------------------- */

typedef struct {
  guint     fds_before, fds_after;
  double    rss_before, rss_after;
  guint     done, failed;
  gboolean  gave_up;
  guint     closed_by_server;   /* half-open: held connections the server closed */
  double    seconds;
  Latencies latencies;
} Result;

static void
result_measure (Result   *r,
                Server   *server,
                gboolean  after)
{
  if (after)
    {
      r->fds_after = server_fds (server);
      r->rss_after = server_rss_mib (server);
    }
  else
    {
      r->fds_before = server_fds (server);
      r->rss_before = server_rss_mib (server);
    }
}

static char *
format_latency (Result *r,
                double  p)
{
  g_array_sort (r->latencies.samples, compare_gint64);
  if (r->latencies.samples->len == 0)
    return g_strdup ("n/a");
  return g_strdup_printf ("%.1f", p < 0 ? g_array_index (r->latencies.samples, gint64,
                                                         r->latencies.samples->len - 1) / 1000.0
                                        : percentile_ms (&r->latencies, p));
}

static void
print_row (const char *label,
           char       *sim,
           char       *baseline)
{
  g_print ("  %-34s %22s %22s\n", label, sim, baseline);
  g_free (sim);
  g_free (baseline);
}

static void
print_results (const char *title,
               Result     *sim,
               Result     *baseline,
               const char *done_label)
{
  static const struct { const char *label; double p; } percentiles[] = {
    { "latency p50 (ms)", 50 }, { "latency p90 (ms)", 90 }, { "latency p99 (ms)", 99 },
    { "latency max (ms)", -1 },
  };

  g_print ("\n%s\n", title);
  g_print ("  %-34s %22s %22s\n", "", "simulator", "baseline");
  print_row (done_label,
             g_strdup_printf ("%u / %u", sim->done, sim->failed),
             g_strdup_printf ("%u / %u%s", baseline->done, baseline->failed,
                              baseline->gave_up ? " (gave up)" : ""));
  print_row ("open descriptors before -> after",
             g_strdup_printf ("%u -> %u", sim->fds_before, sim->fds_after),
             g_strdup_printf ("%u -> %u", baseline->fds_before, baseline->fds_after));
  print_row ("RSS before -> after (MiB)",
             g_strdup_printf ("%.1f -> %.1f", sim->rss_before, sim->rss_after),
             g_strdup_printf ("%.1f -> %.1f", baseline->rss_before, baseline->rss_after));
  print_row ("ordinary requests answered / failed",
             g_strdup_printf ("%u / %u", sim->latencies.samples->len, sim->latencies.failed),
             g_strdup_printf ("%u / %u", baseline->latencies.samples->len, baseline->latencies.failed));
  for (guint i = 0; i < G_N_ELEMENTS (percentiles); i++)
    print_row (percentiles[i].label, format_latency (sim, percentiles[i].p),
               format_latency (baseline, percentiles[i].p));
  print_row ("time (s)", g_strdup_printf ("%.1f", sim->seconds), g_strdup_printf ("%.1f", baseline->seconds));
}

/* Churn: connections opened and closed ---------------------------------------------- */

typedef struct {
  Server *server;
  Result *result;
  guint   total;
  gint    next;           /* atomic: the next connection's number */
  gint    failed_in_row;  /* atomic */
} Churn;

static gpointer
churn_thread (gpointer data)
{
  Churn *churn = data;

  for (;;)
    {
      guint i = (guint) g_atomic_int_add (&churn->next, 1);
      gboolean ok = TRUE;
      int fd;

      if (i >= churn->total || g_atomic_int_get (&churn->failed_in_row) >= GIVE_UP_AFTER)
        break;

      switch (i % 4)
        {
        case 0:   /* asks and reads the answer */
          {
            gint64 us = ordinary_request (churn->server->port);

            latencies_add (&churn->result->latencies, us);
            ok = us >= 0;
          }
          break;
        case 1:   /* connects and hangs up */
          fd = client_connect (churn->server->port);
          ok = fd >= 0;
          if (fd >= 0)
            close (fd);
          break;
        case 2:   /* asks and hangs up without reading */
          fd = client_connect (churn->server->port);
          ok = fd >= 0 && client_send (fd, REQUEST);
          if (fd >= 0)
            close (fd);
          break;
        default:  /* sends half a request line and hangs up */
          fd = client_connect (churn->server->port);
          ok = fd >= 0 && client_send (fd, "GET /api/v1/m");
          if (fd >= 0)
            close (fd);
          break;
        }

      if (ok)
        {
          g_atomic_int_set (&churn->failed_in_row, 0);
          g_atomic_int_inc ((gint *) &churn->result->done);
        }
      else
        {
          g_atomic_int_inc (&churn->failed_in_row);
          g_atomic_int_inc ((gint *) &churn->result->failed);
        }
    }
  return NULL;
}

static void
run_churn (Server *server,
           Result *result,
           guint   total)
{
  Churn churn = { server, result, total, 0, 0 };
  GThread *threads[CHURN_THREADS];
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < CHURN_THREADS; i++)
    threads[i] = g_thread_new ("churn", churn_thread, &churn);
  for (guint i = 0; i < CHURN_THREADS; i++)
    g_thread_join (threads[i]);
  result->gave_up = churn.failed_in_row >= GIVE_UP_AFTER;
  result->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* Half-open: requests that never end ------------------------------------------------ */

static void
run_half_open (Server *server,
               Result *result,
               guint   total)
{
  g_autoptr(GArray) fds = g_array_new (FALSE, FALSE, sizeof (int));
  gint64 start = g_get_monotonic_time ();
  guint in_row = 0;

  for (guint i = 0; i < total && in_row < GIVE_UP_AFTER; i++)
    {
      int fd = client_connect (server->port);

      if (fd >= 0 && client_send (fd, HALF_REQUEST))
        {
          g_array_append_val (fds, fd);
          result->done++;
          in_row = 0;
        }
      else
        {
          if (fd >= 0)
            close (fd);
          result->failed++;
          in_row++;
        }
    }
  result->gave_up = in_row >= GIVE_UP_AFTER;

  /* An ordinary client asks every 25 ms for 12 s while they are held:
   * longer than the simulator's header timeout (10 s). */
  in_row = 0;
  for (guint i = 0; i < 480 && in_row < GIVE_UP_AFTER; i++)
    {
      gint64 us = ordinary_request (server->port);

      latencies_add (&result->latencies, us);
      in_row = us < 0 ? in_row + 1 : 0;
      g_usleep (25 * 1000);
    }
  result->gave_up |= in_row >= GIVE_UP_AFTER;

  /* How many of those held the server has closed meanwhile. */
  for (guint i = 0; i < fds->len; i++)
    {
      int fd = g_array_index (fds, int, i);
      char byte;
      gssize n = recv (fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);

      if (n == 0 || (n < 0 && errno == ECONNRESET))
        result->closed_by_server++;
      close (fd);
    }
  result->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* Concurrent clients ---------------------------------------------------------------- */

typedef struct {
  Server  *server;
  Result  *result;
  GMutex   lock;
  GCond    cond;
  gboolean go;
} Crowd;

static void *
client_thread (void *data)
{
  Crowd *crowd = data;

  /* All start together. */
  g_mutex_lock (&crowd->lock);
  while (!crowd->go)
    g_cond_wait (&crowd->cond, &crowd->lock);
  g_mutex_unlock (&crowd->lock);

  for (guint i = 0, in_row = 0; i < REQUESTS_PER_CLIENT && in_row < 3; i++)
    {
      gint64 us = ordinary_request (crowd->server->port);

      latencies_add (&crowd->result->latencies, us);
      if (us >= 0)
        g_atomic_int_inc ((gint *) &crowd->result->done);
      else
        g_atomic_int_inc ((gint *) &crowd->result->failed);
      in_row = us < 0 ? in_row + 1 : 0;
    }
  return NULL;
}

static void
run_concurrent (Server *server,
                Result *result,
                guint   clients)
{
  Crowd crowd = { server, result };
  g_autofree pthread_t *threads = g_new0 (pthread_t, clients);
  pthread_attr_t attr;
  gint64 start;

  g_mutex_init (&crowd.lock);
  g_cond_init (&crowd.cond);
  pthread_attr_init (&attr);
  pthread_attr_setstacksize (&attr, 256 * 1024);
  for (guint i = 0; i < clients; i++)
    if (pthread_create (&threads[i], &attr, client_thread, &crowd) != 0)
      g_error ("Cannot start client thread %u", i);
  pthread_attr_destroy (&attr);

  start = g_get_monotonic_time ();
  g_mutex_lock (&crowd.lock);
  crowd.go = TRUE;
  g_cond_broadcast (&crowd.cond);
  g_mutex_unlock (&crowd.lock);
  for (guint i = 0; i < clients; i++)
    pthread_join (threads[i], NULL);
  result->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_mutex_clear (&crowd.lock);
  g_cond_clear (&crowd.cond);
}

/* Main ------------------------------------------------------------------------ */

/* Waits until the server's descriptors are back to @fds, at most @seconds:
 * the simulator closes a silent connection after its header timeout. */
static double
settle (Server *server,
        guint   fds,
        guint   seconds)
{
  gint64 start = g_get_monotonic_time ();

  while (server_fds (server) > fds && g_get_monotonic_time () - start < seconds * G_USEC_PER_SEC)
    g_usleep (100 * 1000);
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static void
warm_up (Server *server)
{
  for (guint i = 0; i < 20; i++)
    if (ordinary_request (server->port) < 0)
      g_error ("The %s does not answer", server->name);
}

typedef enum {
  LOAD_CHURN,
  LOAD_HALF_OPEN,
  LOAD_CONCURRENT,
} Load;

static void
run_load (Load    load,
          Server *server,
          Result *result,
          guint   amount)
{
  switch (load)
    {
    case LOAD_CHURN:
      run_churn (server, result, amount);
      break;
    case LOAD_HALF_OPEN:
      run_half_open (server, result, amount);
      break;
    case LOAD_CONCURRENT:
      run_concurrent (server, result, amount);
      break;
    default:
      g_assert_not_reached ();
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gboolean baseline_server = FALSE;
  int connections = 100000;
  int half_open = 1000;
  int clients = 500;
  struct rlimit limit;
  Server sim;
  guint sim_fds_start;
  double sim_rss_start;
  const GOptionEntry entries[] = {
    { "connections", 0, 0, G_OPTION_ARG_INT, &connections, "Connections opened and closed (default 100000)", "N" },
    { "half-open", 0, 0, G_OPTION_ARG_INT, &half_open, "Half-open connections held (default 1000)", "N" },
    { "clients", 0, 0, G_OPTION_ARG_INT, &clients, "Concurrent clients (default 500)", "N" },
    { "baseline-server", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &baseline_server, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new ("- the cockpit simulator under hostile load");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-sim-load: %s\n", error->message);
      return 2;
    }
  if (baseline_server)
    return run_baseline_server ();

  connections = CLAMP (connections, 4, 1000000);
  half_open = CLAMP (half_open, 1, 10000);
  clients = CLAMP (clients, 1, 2000);
  self_path = g_file_read_link ("/proc/self/exe", NULL);
  signal (SIGPIPE, SIG_IGN);

  /* Ours to the hard limit: a thousand held connections and five hundred
   * clients are ours to hold. */
  if (getrlimit (RLIMIT_NOFILE, &limit) == 0)
    {
      limit.rlim_cur = limit.rlim_max;
      setrlimit (RLIMIT_NOFILE, &limit);
    }
  if ((rlim_t) half_open + 64 > limit.rlim_cur || (rlim_t) clients + 64 > limit.rlim_cur)
    g_printerr ("bench-sim-load: only %lu descriptors; expect failures of our own\n",
                (unsigned long) limit.rlim_cur);

  g_print ("cockpit-sim (demo seed) and a plain SoupServer, each with a soft limit of %d descriptors,\n"
           "on 127.0.0.1; ordinary request: GET /api/v1/me on a new connection.  The simulator\n"
           "runs through all three loads in one process; the baseline starts afresh for each.\n",
           SERVER_FDS_LIMIT);

  server_start (&sim, FALSE);
  warm_up (&sim);
  sim_fds_start = server_fds (&sim);
  sim_rss_start = server_rss_mib (&sim);

  {
    static const struct {
      Load        load;
      const char *title;
      const char *done_label;
    } loads[] = {
      { LOAD_CHURN, "churn: %d connections opened and closed (4 threads)", "connections made / failed" },
      { LOAD_HALF_OPEN, "half-open: %d connections held, request line never finished",
        "half-open held / failed" },
      { LOAD_CONCURRENT, "concurrent: %d clients at once, 20 requests each", "requests answered / failed" },
    };
    const int amounts[] = { connections, half_open, clients };

    for (guint i = 0; i < G_N_ELEMENTS (loads); i++)
      {
        Result results[2] = { 0 };
        g_autofree char *title = g_strdup_printf (loads[i].title, amounts[i]);

        for (guint s = 0; s < 2; s++)
          {
            Server baseline;
            Server *server = s == 0 ? &sim : &baseline;

            if (s == 1)
              {
                server_start (&baseline, TRUE);
                warm_up (&baseline);
              }
            latencies_init (&results[s].latencies);
            result_measure (&results[s], server, FALSE);
            run_load (loads[i].load, server, &results[s], (guint) amounts[i]);
            /* What the load leaves behind once the server had time to
             * close what timed out (the simulator's header timeout is
             * 10 s, its idle timeout 5 s; the baseline has none). */
            settle (server, results[s].fds_before, s == 0 ? 12 : 3);
            result_measure (&results[s], server, TRUE);
            if (s == 1)
              server_stop (&baseline);
          }
        print_results (title, &results[0], &results[1], loads[i].done_label);
        if (loads[i].load == LOAD_HALF_OPEN)
          g_print ("  %-34s %22u %22u\n", "held ones the server closed", results[0].closed_by_server,
                   results[1].closed_by_server);
        latencies_clear (&results[0].latencies);
        latencies_clear (&results[1].latencies);
      }
  }

  /* After everything: is the simulator as it was, and quick? */
  {
    Result after = { 0 };
    g_autofree char *p50 = NULL, *p99 = NULL, *max = NULL;

    latencies_init (&after.latencies);
    for (guint i = 0; i < 200; i++)
      latencies_add (&after.latencies, ordinary_request (sim.port));
    p50 = format_latency (&after, 50);
    p99 = format_latency (&after, 99);
    max = format_latency (&after, -1);
    g_print ("\nsimulator after all loads: %u descriptors (%u at the start), RSS %.1f MiB (%.1f at the start);\n"
             "200 ordinary requests: %u failed, p50 %s ms, p99 %s ms, max %s ms\n",
             server_fds (&sim), sim_fds_start, server_rss_mib (&sim), sim_rss_start,
             after.latencies.failed, p50, p99, max);
    latencies_clear (&after.latencies);
  }

  server_stop (&sim);
  g_free (self_path);
  return EXIT_SUCCESS;
}
