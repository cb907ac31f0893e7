/* test-sim-listener.c: the simulator keeps serving when clients hang up, never finish or come all at once.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test runs the simulator in-process and plays hostile clients with
 * plain sockets on 127.0.0.1: many that hang up, many that never finish
 * their request, many that connect at once.  What is checked is what a
 * later client sees (an answer) and what the process keeps (its open
 * descriptors, counted in /proc/self/fd).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "sim-test-util.h"

#define REQUEST "GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " SIM_TEST_TOKEN "\r\n\r\n"
#define HALF_REQUEST "GET /api/v1/me HTTP/1.1\r\n"

static guint
count_descriptors (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* A non-blocking client socket, connecting to @port. */
static int
client_connect (guint port)
{
  struct sockaddr_in address = { 0 };
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);

  g_assert_cmpint (fd, >=, 0);
  address.sin_family = AF_INET;
  address.sin_port = htons (port);
  address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  if (connect (fd, (struct sockaddr *) &address, sizeof address) != 0)
    g_assert_cmpint (errno, ==, EINPROGRESS);
  return fd;
}

/* Waits (spinning the main context, where the simulator runs) until @fd
 * is writable, then sends @text. */
static void
client_send (int         fd,
             const char *text)
{
  gint64 end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  struct pollfd pfd = { fd, POLLOUT, 0 };

  while (poll (&pfd, 1, 0) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_cmpint (send (fd, text, strlen (text), MSG_NOSIGNAL), ==, (gssize) strlen (text));
}

/* Reads what the server sends until it closes or 10 s pass. */
static char *
client_read_answer (int fd)
{
  g_autoptr(GString) answer = g_string_new (NULL);
  gint64 end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  char buffer[4096];

  while (g_get_monotonic_time () < end)
    {
      gssize n = recv (fd, buffer, sizeof buffer, 0);

      if (n > 0)
        {
          g_string_append_len (answer, buffer, n);
          /* One answer with a body is enough to know it is served. */
          if (strstr (answer->str, "\r\n\r\n") != NULL && strstr (answer->str, "}") != NULL)
            break;
        }
      else if (n == 0)
        break;
      else
        g_assert_cmpint (errno, ==, EAGAIN);
      g_main_context_iteration (NULL, FALSE);
    }
  return g_string_free (g_steal_pointer (&answer), FALSE);
}

static void
assert_serves (SimTest *f)
{
  int fd = client_connect (cockpit_simulator_get_port (f->sim));
  g_autofree char *answer = NULL;

  client_send (fd, REQUEST);
  answer = client_read_answer (fd);
  close (fd);
  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 200"));
}

static CockpitSimListener *
listener (SimTest *f)
{
  return cockpit_simulator_get_listener (f->sim);
}

/* 600 clients ask, get their answer and hang up: the simulator keeps no
 * descriptor of theirs and serves the next one. */
static void
test_clients_hang_up (SimTest       *f,
                      gconstpointer  data)
{
  guint before;

  assert_serves (f);
  spin (50);
  before = count_descriptors ();

  for (guint i = 0; i < 600; i++)
    {
      int fd = client_connect (cockpit_simulator_get_port (f->sim));
      g_autofree char *answer = NULL;

      client_send (fd, REQUEST);
      answer = client_read_answer (fd);
      g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 200"));
      close (fd);
    }

  spin (100);
  g_assert_cmpuint (cockpit_sim_listener_get_n_connections (listener (f)), ==, 0);
  g_assert_cmpuint (count_descriptors (), <=, before);
  assert_serves (f);
}

/* Clients that connect and never finish their request are closed after
 * the header timeout; while they crowd in, others are still served. */
static void
test_half_open (SimTest       *f,
                gconstpointer  data)
{
  g_autoptr(GArray) fds = g_array_new (FALSE, FALSE, sizeof (int));
  guint before;
  gint64 started;

  cockpit_sim_listener_set_limits (listener (f), 50, 400, 400);
  assert_serves (f);
  spin (50);
  before = count_descriptors ();

  /* Four times as many as allowed: the oldest make room for the newest. */
  for (guint i = 0; i < 200; i++)
    {
      int fd = client_connect (cockpit_simulator_get_port (f->sim));

      client_send (fd, HALF_REQUEST);
      g_array_append_val (fds, fd);
    }
  spin (50);
  g_assert_cmpuint (cockpit_sim_listener_get_n_connections (listener (f)), <=, 50);

  /* A client that finishes its request is served meanwhile. */
  assert_serves (f);

  /* After the header timeout, none is left on the simulator's side. */
  started = g_get_monotonic_time ();
  while (cockpit_sim_listener_get_n_connections (listener (f)) > 0)
    {
      g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_TIME_SPAN_SECOND);
      spin (20);
    }
  for (guint i = 0; i < fds->len; i++)
    close (g_array_index (fds, int, i));
  spin (50);
  g_assert_cmpuint (count_descriptors (), <=, before);
  assert_serves (f);
}

/* A client that connects and says nothing is closed too. */
static void
test_silent (SimTest       *f,
             gconstpointer  data)
{
  int fd;
  char byte;
  gint64 started = g_get_monotonic_time ();

  cockpit_sim_listener_set_limits (listener (f), 50, 300, 300);
  fd = client_connect (cockpit_simulator_get_port (f->sim));
  spin (50);
  g_assert_cmpuint (cockpit_sim_listener_get_n_connections (listener (f)), ==, 1);

  /* The server closes it: the client reads the end of the stream. */
  while (recv (fd, &byte, 1, 0) != 0)
    {
      g_assert_cmpint (errno, ==, EAGAIN);
      g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_TIME_SPAN_SECOND);
      spin (20);
    }
  close (fd);
  g_assert_cmpuint (cockpit_sim_listener_get_n_connections (listener (f)), ==, 0);
}

/* 300 clients connect while the simulator is busy (its main context does
 * not run): the backlog holds them all, and each is answered once it runs
 * again.  A backlog of 10 would leave most waiting for SYN retries. */
static gpointer
connect_many_thread (gpointer data)
{
  guint port = GPOINTER_TO_UINT (data);
  GArray *fds = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < 300; i++)
    {
      int fd = client_connect (port);
      struct pollfd pfd = { fd, POLLOUT, 0 };

      /* The kernel completes the handshake from the backlog. */
      if (poll (&pfd, 1, 2000) != 1)
        {
          close (fd);
          break;
        }
      g_array_append_val (fds, fd);
    }
  return fds;
}

static void
test_backlog (SimTest       *f,
              gconstpointer  data)
{
  GThread *thread;
  g_autoptr(GArray) fds = NULL;

  thread = g_thread_new ("clients", connect_many_thread,
                         GUINT_TO_POINTER (cockpit_simulator_get_port (f->sim)));
  fds = g_thread_join (thread);
  g_assert_cmpuint (fds->len, ==, 300);

  for (guint i = 0; i < fds->len; i++)
    {
      int fd = g_array_index (fds, int, i);
      g_autofree char *answer = NULL;

      client_send (fd, REQUEST);
      answer = client_read_answer (fd);
      g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 200"));
      close (fd);
    }
}

/* An idle simulator sets no timer: the sweep only runs while connections
 * are open. */
static void
test_idle_no_timer (SimTest       *f,
                    gconstpointer  data)
{
  assert_serves (f);
  spin (100);
  g_assert_cmpuint (cockpit_sim_listener_get_n_connections (listener (f)), ==, 0);
  /* Nothing is ready to run, and nothing will be. */
  g_assert_false (g_main_context_pending (NULL));
  g_assert_false (g_main_context_iteration (NULL, FALSE));
}

/* A method that is not UTF-8 (libsoup takes any bytes up to the space)
 * is named in the 405's message: the body must stay valid UTF-8 JSON.
 * Found by fuzz-sim-request; the message quoted the bytes as they came. */
static void
test_hostile_method (SimTest       *f,
                     gconstpointer  data)
{
  int fd = client_connect (cockpit_simulator_get_port (f->sim));
  g_autofree char *answer = NULL;
  const char *body;

  client_send (fd, "\xff\xfe /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                   "Authorization: Bearer " SIM_TEST_TOKEN "\r\nConnection: close\r\n\r\n");
  answer = client_read_answer (fd);
  close (fd);

  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 405"));
  body = strstr (answer, "\r\n\r\n");
  g_assert_nonnull (body);
  body += 4;
  g_assert_true (g_utf8_validate (body, -1, NULL));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) root = json_from_string (body, &error);

    g_assert_no_error (error);
    g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cockpit/sim/listener/" path, SimTest, NULL, sim_test_setup, func, sim_test_teardown)

  ADD ("clients-hang-up", test_clients_hang_up);
  ADD ("half-open", test_half_open);
  ADD ("silent", test_silent);
  ADD ("backlog", test_backlog);
  ADD ("idle-no-timer", test_idle_no_timer);
  ADD ("hostile-method", test_hostile_method);

#undef ADD

  return g_test_run ();
}
