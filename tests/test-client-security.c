/* test-client-security.c: the API token never reaches a file the app writes, nor a log line, nor a proxy for a cockpit on this computer.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before anything else runs, every XDG folder and HOME point into one
 * temporary folder, all debug messages are switched on, and a log writer
 * keeps every field of every message.  Then the client and the tracker do
 * their usual work, errors and redirects included, and neither the log
 * nor any file under the temporary folder may contain the token.  A
 * proxy resolver of the test's own, GIO's default here, tells whether a
 * client asks for a proxy.
 */
#include "config.h"

#include "cockpit-action-tracker.h"
#include "test-sim-util.h"
#include "test-server-util.h"

#define TOKEN       "sekrit-5d41402abc4b2a76b9719d911017c592"
#define WRONG_TOKEN "wrong-7e2f0c1b9a8d4e3f"

static char    *root;
static guint    proxy_lookups;

/* The proxy resolver GIO gives everyone in this process: it notes each
 * question and answers "no proxy". */
#define TEST_TYPE_PROXY_RESOLVER (test_proxy_resolver_get_type ())
G_DECLARE_FINAL_TYPE (TestProxyResolver, test_proxy_resolver, TEST, PROXY_RESOLVER, GObject)

struct _TestProxyResolver
{
  GObject parent_instance;
};

static void test_proxy_resolver_iface_init (GProxyResolverInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestProxyResolver, test_proxy_resolver, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_PROXY_RESOLVER, test_proxy_resolver_iface_init))

static char **
test_proxy_resolver_lookup (GProxyResolver  *resolver,
                            const char      *uri,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_atomic_int_inc (&proxy_lookups);
  return g_strdupv ((char *[]) { (char *) "direct://", NULL });
}

static void
test_proxy_resolver_lookup_async (GProxyResolver      *resolver,
                                  const char          *uri,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (resolver, cancellable, callback, user_data);

  g_task_return_pointer (task, test_proxy_resolver_lookup (resolver, uri, cancellable, NULL),
                         (GDestroyNotify) g_strfreev);
}

static char **
test_proxy_resolver_lookup_finish (GProxyResolver  *resolver,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
test_proxy_resolver_is_supported (GProxyResolver *resolver)
{
  return TRUE;
}

static void
test_proxy_resolver_iface_init (GProxyResolverInterface *iface)
{
  iface->is_supported = test_proxy_resolver_is_supported;
  iface->lookup = test_proxy_resolver_lookup;
  iface->lookup_async = test_proxy_resolver_lookup_async;
  iface->lookup_finish = test_proxy_resolver_lookup_finish;
}

static void
test_proxy_resolver_class_init (TestProxyResolverClass *klass)
{
}

static void
test_proxy_resolver_init (TestProxyResolver *self)
{
}
static GMutex   log_lock;
static GString *log_text;
static guint    log_count;

/* Keeps every field of every message, from any thread, then writes
 * warnings and worse as usual (which also aborts on a fatal one). */
static GLogWriterOutput
record_writer (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  g_mutex_lock (&log_lock);
  log_count++;
  for (gsize i = 0; i < n_fields; i++)
    {
      g_string_append (log_text, fields[i].key);
      g_string_append_c (log_text, '=');
      if (fields[i].length < 0)
        g_string_append (log_text, fields[i].value);
      else
        g_string_append_len (log_text, fields[i].value, fields[i].length);
      g_string_append_c (log_text, '\n');
    }
  g_mutex_unlock (&log_lock);

  /* GLib writes debug and info messages to stdout, which is the TAP
   * stream here: they are only recorded. */
  if (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static gboolean
log_contains (const char *text)
{
  gboolean found;

  g_mutex_lock (&log_lock);
  found = strstr (log_text->str, text) != NULL;
  g_mutex_unlock (&log_lock);
  return found;
}

/* memmem() without _GNU_SOURCE: files may hold any bytes. */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; n <= length && i <= length - n; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Looks for @needle in every file under @path; returns how many files it read. */
static guint
scan_tree (const char *path,
           const char *needle,
           GPtrArray  *hits)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          n += scan_tree (child, needle, hits);
          continue;
        }
      if (!g_file_get_contents (child, &contents, &length, NULL))
        continue;
      n++;
      if (contains_bytes (contents, length, needle))
        g_ptr_array_add (hits, g_steal_pointer (&child));
    }
  return n;
}

/* A server that redirects: /here within itself, /away to @elsewhere. */
static void
redirect_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  const char *elsewhere = user_data;

  if (g_str_has_prefix (path, "/here/"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_TEMPORARY_REDIRECT, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", "/ok/api/v1/me");
    }
  else if (g_str_has_prefix (path, "/away/"))
    {
      g_autofree char *target = g_strconcat (elsewhere, "/api/v1/me", NULL);

      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, target);
    }
  else if (g_str_has_prefix (path, "/ok/"))
    {
      const char *user = "{\"name\": \"Alex Example\", \"email\": \"alex@example.com\", \"role\": \"owner\"}";

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, user, strlen (user));
    }
  else
    {
      /* An answer that is not JSON, so its detail goes to the debug log. */
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "{\"name\": ", 9);
    }
}

static char *
listen_local (SoupServer *server)
{
  return test_server_listen_local (server, NULL);
}

static void
action_finished_cb (CockpitActionTracker *tracker,
                    CockpitAction        *action,
                    guint                *finished)
{
  (*finished)++;
}

/* Runs the usual calls of a session against the simulator. */
static void
use_simulator (void)
{
  SimFixture f = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitUser) user = NULL;
  g_autoptr(CockpitPackage) missing = NULL;
  g_autoptr(CockpitClient) wrong = NULL;
  g_autoptr(CockpitEnvironment) environment = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CockpitAction) action = NULL;
  CockpitActionTracker *tracker;
  guint finished = 0;

  sim_fixture_start (&f, TOKEN, NULL);

  user = api_get_me (f.client, &error);
  g_assert_no_error (error);

  /* Errors: an unknown package, and a wrong token. */
  missing = sim_get_package (f.client, "nobody", &error);
  g_assert_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_NOT_FOUND);
  g_assert_null (strstr (error->message, TOKEN));
  g_clear_error (&error);

  wrong = cockpit_client_new (f.base, WRONG_TOKEN, &error);
  g_assert_no_error (error);
  g_clear_object (&user);
  user = api_get_me (wrong, &error);
  g_assert_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_null (strstr (error->message, WRONG_TOKEN));
  g_clear_error (&error);
  g_clear_object (&wrong);

  /* An action through the tracker, with its journal in the default place. */
  tracker = cockpit_action_tracker_new (f.client, NULL);
  g_assert_true (g_str_has_prefix (cockpit_action_tracker_get_journal_path (tracker), root));
  cockpit_action_tracker_set_intervals (tracker, 20, 100);
  g_signal_connect (tracker, "action-finished", G_CALLBACK (action_finished_cb), &finished);
  environment = sim_get_environment (f.client, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT);
  cockpit_action_tracker_start_async (tracker, environment, COCKPIT_ACTION_KIND_UPGRADE, "6.3.21", NULL, NULL,
                                      api_result_cb, &result);
  api_wait_result (&result);
  action = cockpit_action_tracker_start_finish (tracker, result, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (cockpit_action_tracker_get_journal_path (tracker), G_FILE_TEST_EXISTS));

  /* While it runs, the journal is written; scan it now too. */
  {
    g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_free);

    g_assert_cmpuint (scan_tree (root, TOKEN, hits), >=, 1);
    g_assert_cmpuint (hits->len, ==, 0);
  }

  cockpit_simulator_advance_clock (f.sim, 600);
  api_wait_until (api_counter_positive, &finished);
  g_clear_object (&result);
  g_assert_finalize_object (tracker);

  sim_fixture_stop (&f);
}

/* Follows a redirect within one server and refuses one to another. */
static void
use_redirects (void)
{
  g_autoptr(SoupServer) other = soup_server_new (NULL, NULL);
  g_autofree char *other_base = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autofree char *base = NULL;
  g_autofree char *url = NULL;
  g_autoptr(CockpitClient) client = NULL;
  g_autoptr(CockpitUser) user = NULL;
  g_autoptr(GError) error = NULL;

  soup_server_add_handler (other, NULL, redirect_cb, NULL, NULL);
  other_base = listen_local (other);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, redirect_cb, other_base, NULL);
  base = listen_local (server);

  url = g_strconcat (base, "/here", NULL);
  client = cockpit_client_new (url, TOKEN, &error);
  g_assert_no_error (error);
  user = api_get_me (client, &error);
  g_assert_no_error (error);
  g_clear_object (&user);
  g_clear_object (&client);

  g_free (url);
  url = g_strconcat (base, "/away", NULL);
  client = cockpit_client_new (url, TOKEN, &error);
  g_assert_no_error (error);
  user = api_get_me (client, &error);
  g_assert_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_REDIRECT_REFUSED);
  g_assert_null (strstr (error->message, TOKEN));
  g_clear_error (&error);
  g_clear_object (&client);

  g_free (url);
  url = g_strconcat (base, "/garbled", NULL);
  client = cockpit_client_new (url, TOKEN, &error);
  g_assert_no_error (error);
  user = api_get_me (client, &error);
  g_assert_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_BAD_RESPONSE);
  g_clear_error (&error);
  g_clear_object (&client);

  soup_server_disconnect (server);
  soup_server_disconnect (other);
}

static void
test_token_nowhere (void)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) wrong_hits = g_ptr_array_new_with_free_func (g_free);
  guint files;

  use_simulator ();
  use_redirects ();

  /* The log saw the calls, with their debug messages ... */
  g_assert_cmpuint (log_count, >, 10);
  g_assert_true (log_contains ("/api/v1/me"));
  g_assert_true (log_contains ("redirected"));
  g_assert_true (log_contains ("does not match the contract"));
  /* ... but never a token. */
  g_assert_false (log_contains (TOKEN));
  g_assert_false (log_contains (WRONG_TOKEN));
  g_assert_false (log_contains ("Bearer"));

  /* Nor does any file the app wrote: the journal is one of them. */
  files = scan_tree (root, TOKEN, hits);
  scan_tree (root, WRONG_TOKEN, wrong_hits);
  g_test_message ("scanned %u files under %s", files, root);
  for (guint i = 0; i < hits->len; i++)
    g_test_message ("token found in %s", (char *) g_ptr_array_index (hits, i));
  g_assert_cmpuint (files, >=, 1);
  g_assert_cmpuint (hits->len, ==, 0);
  g_assert_cmpuint (wrong_hits->len, ==, 0);
}

/* A cockpit on this computer is reached directly: the system's proxy
 * is never asked for it, so the token cannot go through one, and the
 * proxy modules are not loaded for the demo. */
static void
test_no_proxy_for_loopback (void)
{
  SimFixture f = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitUser) user = NULL;

  g_assert_true (TEST_IS_PROXY_RESOLVER (g_proxy_resolver_get_default ()));
  proxy_lookups = 0;

  sim_fixture_start (&f, TOKEN, NULL);
  user = api_get_me (f.client, &error);
  g_assert_no_error (error);
  g_assert_nonnull (user);
  g_assert_cmpuint (g_atomic_int_get (&proxy_lookups), ==, 0);
  sim_fixture_stop (&f);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const variables[] = {
    "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR", "HOME",
  };
  g_autoptr(GError) error = NULL;
  int status;

  /* All of this before any GLib call could log or look up a folder. */
  log_text = g_string_new (NULL);
  g_log_set_writer_func (record_writer, NULL, NULL);
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_log_set_debug_enabled (TRUE);

  root = g_dir_make_tmp ("cockpit-security-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      g_autofree char *dir = g_build_filename (root, variables[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_setenv (variables[i], dir, TRUE);
    }

  /* Before GIO picks its default proxy resolver at the first request
   * (registering the point is GIO's first step too; it is done once). */
  g_unsetenv ("GIO_USE_PROXY_RESOLVER");
  g_io_extension_point_register (G_PROXY_RESOLVER_EXTENSION_POINT_NAME);
  g_io_extension_point_implement (G_PROXY_RESOLVER_EXTENSION_POINT_NAME,
                                  TEST_TYPE_PROXY_RESOLVER, "cockpit-test", 1000);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cockpit/client/security/token-nowhere", test_token_nowhere);
  g_test_add_func ("/cockpit/client/security/no-proxy-for-loopback", test_no_proxy_for_loopback);
  status = g_test_run ();

  api_remove_tree (root);
  g_free (root);
  g_string_free (log_text, TRUE);
  return status;
}
