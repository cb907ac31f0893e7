/* test-secret-store.c: the keyring layer against a real gnome-keyring-daemon on a private bus.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * main() starts a private D-Bus session (GTestDBus, whose configuration has
 * no service folders, so nothing is auto-activated) and, on it, a
 * gnome-keyring-daemon with only its secrets component.  HOME and the XDG
 * folders point into a fresh temporary folder, so no real keyring is ever
 * touched, and the outer session bus (CI runs us under dbus-run-session) is
 * never used.  The daemon reads the login password on stdin; with --unlock
 * it creates the "login" keyring, unlocked, and makes it the "default" alias.
 *
 * libsecret keeps one SecretService per process, so the cases that need a
 * different bus (no Secret Service at all, a locked keyring) run in
 * subprocesses with a keyring of their own.
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cockpit-secret-store.h"

#define SECRET_SERVICE_NAME "org.freedesktop.secrets"
#define LOGIN_PASSWORD      "test"
#define WAIT_SECONDS        30

/* Distinctive, so that finding it anywhere is never a coincidence. */
#define TOKEN       "tok-3f9c2a71e8b54d06-secret"
#define OTHER_TOKEN "tok-b81d5e0c47a93f12-secret"

#define URL       "https://cockpit.example.com"
#define OTHER_URL "https://cockpit.example.org"

/* A private bus, optionally with a keyring daemon on it */

typedef struct
{
  char        *dir;
  GTestDBus   *bus;
  GSubprocess *daemon;
} TestKeyring;

static TestKeyring *shared_keyring;

static gboolean
wake_cb (gpointer user_data)
{
  /* Only here so that a blocking iteration wakes up to check the clock. */
  return G_SOURCE_CONTINUE;
}

/* Spins the main context until *@done is TRUE, failing after WAIT_SECONDS
 * so that a hang (say, a prompt nobody answers) fails the test quickly. */
static void
wait_until (gboolean *done)
{
  gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_cb, NULL);

  while (!*done)
    {
      if (g_get_monotonic_time () > end)
        g_error ("Waited more than %d s for the keyring", WAIT_SECONDS);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}

/* libsecret is called asynchronously here too, on the main context that
 * the store uses: its _sync calls run a private main context of their own. */
typedef struct
{
  gboolean      done;
  GAsyncResult *result;
} Wait;

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  g_assert_false (wait->done);
  wait->result = g_object_ref (result);
  wait->done = TRUE;
}

static GAsyncResult *
wait_result (Wait *wait)
{
  wait_until (&wait->done);
  return wait->result;
}

/* The default collection, through the process's SecretService. */
static SecretCollection *
get_default_collection (SecretService **service_out)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  SecretCollection *collection;
  Wait wait = { 0 }, wait2 = { 0 };

  secret_service_get (SECRET_SERVICE_NONE, NULL, result_cb, &wait);
  result = wait_result (&wait);
  service = secret_service_get_finish (result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  secret_collection_for_alias (service, SECRET_COLLECTION_DEFAULT, SECRET_COLLECTION_NONE,
                               NULL, result_cb, &wait2);
  result = wait_result (&wait2);
  collection = secret_collection_for_alias_finish (result, &error);
  g_assert_no_error (error);

  if (service_out != NULL)
    *service_out = g_steal_pointer (&service);

  return collection;
}

static void
name_appeared_cb (GDBusConnection *connection,
                  const char      *name,
                  const char      *owner,
                  gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
              !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }

  g_rmdir (path);
}

static void
start_daemon (TestKeyring *keyring)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  GOutputStream *input;
  gboolean appeared = FALSE;
  guint watch;

  /* The launcher copies the environment now, with the private bus and the
   * temporary folders already in it. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  /* The daemon is not under test: a harmless warning of its own must not
   * abort it, and its debug output would only bury ours. */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");
  keyring->daemon = g_subprocess_launcher_spawn (launcher, &error,
                                                 "gnome-keyring-daemon",
                                                 "--foreground",
                                                 "--components=secrets",
                                                 "--unlock",
                                                 NULL);
  g_assert_no_error (error);

  /* --unlock reads the login password up to the end of its input. */
  input = g_subprocess_get_stdin_pipe (keyring->daemon);
  g_output_stream_write_all (input, LOGIN_PASSWORD "\n", strlen (LOGIN_PASSWORD "\n"),
                             NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (input, NULL, &error);
  g_assert_no_error (error);

  watch = g_bus_watch_name (G_BUS_TYPE_SESSION, SECRET_SERVICE_NAME,
                            G_BUS_NAME_WATCHER_FLAGS_NONE,
                            name_appeared_cb, NULL, &appeared, NULL);
  wait_until (&appeared);
  g_bus_unwatch_name (watch);
}

/* The store writes to SECRET_COLLECTION_DEFAULT and never creates a
 * collection itself (gnome-keyring would prompt for a password), so the
 * alias must exist.  gnome-keyring-daemon --unlock points it at "login". */
static void
assert_default_collection (void)
{
  g_autoptr(SecretCollection) collection = get_default_collection (NULL);

  g_assert_nonnull (collection);
  g_assert_cmpstr (g_dbus_proxy_get_object_path (G_DBUS_PROXY (collection)), ==,
                   "/org/freedesktop/secrets/collection/login");
  g_assert_false (secret_collection_get_locked (collection));
}

static TestKeyring *
test_keyring_start (gboolean with_daemon)
{
  TestKeyring *keyring = g_new0 (TestKeyring, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  keyring->dir = g_dir_make_tmp ("test-secret-store-XXXXXX", &error);
  g_assert_no_error (error);
  data = g_build_filename (keyring->dir, "data", NULL);
  g_assert_cmpint (g_mkdir (data, 0700), ==, 0);

  g_setenv ("HOME", keyring->dir, TRUE);
  g_setenv ("XDG_RUNTIME_DIR", keyring->dir, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", data, TRUE);
  g_setenv ("XDG_CACHE_HOME", data, TRUE);
  /* Keep the daemon from looking for a display or a session manager. */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_unsetenv ("GNOME_KEYRING_CONTROL");
  g_unsetenv ("SSH_AUTH_SOCK");

  /* Sets DBUS_SESSION_BUS_ADDRESS, for us and for the daemon. */
  keyring->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (keyring->bus);

  if (with_daemon)
    {
      start_daemon (keyring);
      assert_default_collection ();
    }

  return keyring;
}

static void
test_keyring_stop (TestKeyring *keyring)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) connection = NULL;

  secret_service_disconnect ();

  if (keyring->daemon != NULL)
    {
      g_subprocess_send_signal (keyring->daemon, SIGTERM);
      g_subprocess_wait (keyring->daemon, NULL, &error);
      g_assert_no_error (error);
      g_clear_object (&keyring->daemon);
    }

  /* g_test_dbus_down() waits until the session bus connection is
   * finalized, but libsecret 0.20.5 keeps a reference to it for good once
   * a process has made two secret_password_*() calls (seen with two plain
   * secret_password_lookup() calls and no code of ours).  Disposing of the
   * connection here, as g_test_dbus_down() would, closes it and drops it as
   * the process's session bus, so the wait has nothing to wait for. */
  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_set_exit_on_close (connection, FALSE);
  g_object_run_dispose (G_OBJECT (connection));
  g_clear_object (&connection);

  g_test_dbus_down (keyring->bus);
  g_clear_object (&keyring->bus);

  remove_tree (keyring->dir);
  g_free (keyring->dir);
  g_free (keyring);
}

/* Synchronous wrappers, so the tests read top to bottom */

static gboolean
store_token (CockpitSecretStore  *store,
             const char          *url,
             const char          *user,
             const char          *token,
             GCancellable        *cancellable,
             GError             **error)
{
  Wait wait = { 0 };
  gboolean ret;

  cockpit_secret_store_store_async (store, url, user, token, cancellable, result_cb, &wait);
  wait_until (&wait.done);
  ret = cockpit_secret_store_store_finish (store, wait.result, error);
  g_object_unref (wait.result);

  return ret;
}

static char *
lookup_token (CockpitSecretStore  *store,
              const char          *url,
              const char          *user,
              GCancellable        *cancellable,
              GError             **error)
{
  Wait wait = { 0 };
  char *ret;

  cockpit_secret_store_lookup_async (store, url, user, cancellable, result_cb, &wait);
  wait_until (&wait.done);
  ret = cockpit_secret_store_lookup_finish (store, wait.result, error);
  g_object_unref (wait.result);

  return ret;
}

static gboolean
clear_token (CockpitSecretStore  *store,
             const char          *url,
             const char          *user,
             GCancellable        *cancellable,
             GError             **error)
{
  Wait wait = { 0 };
  gboolean ret;

  cockpit_secret_store_clear_async (store, url, user, cancellable, result_cb, &wait);
  wait_until (&wait.done);
  ret = cockpit_secret_store_clear_finish (store, wait.result, error);
  g_object_unref (wait.result);

  return ret;
}

static void
assert_token (CockpitSecretStore *store,
              const char         *url,
              const char         *user,
              const char         *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitSecretToken) token = NULL;

  token = lookup_token (store, url, user, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, expected);
}

static void
assert_stored (CockpitSecretStore *store,
               const char         *url,
               const char         *user,
               const char         *token)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = store_token (store, url, user, token, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
assert_cleared (CockpitSecretStore *store,
                const char         *url,
                const char         *user)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = clear_token (store, url, user, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

/* Every item of our schema, locked or not, straight from libsecret. */
static GList *
find_items (const char *url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  Wait wait = { 0 };
  GList *items;

  if (url != NULL)
    secret_password_search (cockpit_secret_store_get_schema (), SECRET_SEARCH_ALL,
                            NULL, result_cb, &wait, "cockpit-url", url, NULL);
  else
    secret_password_search (cockpit_secret_store_get_schema (), SECRET_SEARCH_ALL,
                            NULL, result_cb, &wait, NULL);
  result = wait_result (&wait);
  items = secret_password_search_finish (result, &error);
  g_assert_no_error (error);

  return items;
}

static void
assert_plain_message (const GError *error)
{
  /* A sentence for people: no D-Bus names, no error codes, no token. */
  g_assert_nonnull (error->message);
  g_assert_true (g_ascii_isupper (error->message[0]));
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_null (strstr (error->message, "org.freedesktop"));
  g_assert_null (strstr (error->message, "GDBus"));
  g_assert_null (strstr (error->message, TOKEN));
}

/* Fixture: a store on the shared keyring, emptied after each test */

typedef struct
{
  CockpitSecretStore *store;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autolist(GObject) items = find_items (NULL);

  g_assert_null (items);
  f->store = cockpit_secret_store_new ();
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  Wait wait = { 0 };

  g_assert_finalize_object (f->store);

  /* Matching on the schema alone removes every item a test left. */
  secret_password_clear (cockpit_secret_store_get_schema (), NULL, result_cb, &wait, NULL);
  result = wait_result (&wait);
  secret_password_clear_finish (result, &error);
  g_assert_no_error (error);
}

/* Tests */

static void
test_create_destroy (void)
{
  CockpitSecretStore *store = cockpit_secret_store_new ();

  g_assert_true (COCKPIT_IS_SECRET_STORE (store));
  g_assert_finalize_object (store);
}

static void
test_schema (void)
{
  const SecretSchema *schema = cockpit_secret_store_get_schema ();

  g_assert_cmpstr (schema->name, ==, "io.github.upgradecockpit.UpgradeCockpit.Token");
  g_assert_cmpstr (schema->attributes[0].name, ==, "cockpit-url");
  g_assert_cmpint (schema->attributes[0].type, ==, SECRET_SCHEMA_ATTRIBUTE_STRING);
  g_assert_cmpstr (schema->attributes[1].name, ==, "user");
  g_assert_cmpint (schema->attributes[1].type, ==, SECRET_SCHEMA_ATTRIBUTE_STRING);
  g_assert_null (schema->attributes[2].name);
}

static void
test_store_lookup (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autolist(GObject) items = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  SecretItem *item;

  assert_stored (f->store, URL, "alice", TOKEN);
  assert_token (f->store, URL, "alice", TOKEN);

  /* One item, in the login keyring, labelled and tagged as documented. */
  items = find_items (URL);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  item = items->data;
  g_assert_true (g_str_has_prefix (g_dbus_proxy_get_object_path (G_DBUS_PROXY (item)),
                                   "/org/freedesktop/secrets/collection/login/"));
  g_assert_cmpstr (secret_item_get_label (item), ==, "Upgrade Cockpit token for " URL);
  attributes = secret_item_get_attributes (item);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "cockpit-url"), ==, URL);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "user"), ==, "alice");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "xdg:schema"), ==,
                   "io.github.upgradecockpit.UpgradeCockpit.Token");
}

static void
test_lookup_missing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* An empty keyring. */
  assert_token (f->store, URL, "alice", NULL);
  assert_token (f->store, URL, NULL, NULL);

  assert_stored (f->store, URL, "alice", TOKEN);

  assert_token (f->store, OTHER_URL, "alice", NULL);
  assert_token (f->store, OTHER_URL, NULL, NULL);
  assert_token (f->store, URL, "bob", NULL);
  assert_token (f->store, URL, "", NULL);
}

static void
test_unknown_user (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Before sign-in the user is not known: NULL and "" are the same. */
  assert_stored (f->store, URL, NULL, TOKEN);
  assert_token (f->store, URL, "", TOKEN);
  assert_token (f->store, URL, "alice", NULL);

  assert_stored (f->store, URL, "", OTHER_TOKEN);
  assert_token (f->store, URL, "", OTHER_TOKEN);
}

static void
test_any_user (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  assert_stored (f->store, URL, "alice", TOKEN);
  assert_token (f->store, URL, NULL, TOKEN);
}

static void
test_replace (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autolist(GObject) items = NULL;

  assert_stored (f->store, URL, "alice", TOKEN);
  assert_stored (f->store, URL, "alice", OTHER_TOKEN);

  assert_token (f->store, URL, "alice", OTHER_TOKEN);
  items = find_items (URL);
  g_assert_cmpuint (g_list_length (items), ==, 1);
}

static void
test_clear (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autolist(GObject) items = NULL;

  assert_stored (f->store, URL, "alice", TOKEN);
  assert_cleared (f->store, URL, "alice");

  assert_token (f->store, URL, "alice", NULL);
  items = find_items (URL);
  g_assert_null (items);

  /* Clearing what is not there is no error. */
  assert_cleared (f->store, URL, "alice");
}

static void
test_clear_users (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const users[] = { "", "alice", "bob" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      assert_stored (f->store, URL, users[i], TOKEN);
    }
  assert_stored (f->store, OTHER_URL, "alice", OTHER_TOKEN);

  /* One user of one URL. */
  assert_cleared (f->store, URL, "alice");
  assert_token (f->store, URL, "alice", NULL);
  assert_token (f->store, URL, "bob", TOKEN);
  assert_token (f->store, URL, "", TOKEN);

  /* Every user of one URL; the other URL keeps its token. */
  assert_cleared (f->store, URL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    assert_token (f->store, URL, users[i], NULL);
  assert_token (f->store, OTHER_URL, "alice", OTHER_TOKEN);
}

static void
test_urls_apart (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  assert_stored (f->store, URL, "alice", TOKEN);
  assert_stored (f->store, OTHER_URL, "alice", OTHER_TOKEN);

  assert_token (f->store, URL, "alice", TOKEN);
  assert_token (f->store, OTHER_URL, "alice", OTHER_TOKEN);

  assert_cleared (f->store, OTHER_URL, "alice");
  assert_token (f->store, URL, "alice", TOKEN);
  assert_token (f->store, OTHER_URL, "alice", NULL);
}

static void
test_cancelled_before (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitSecretToken) token = NULL;

  g_cancellable_cancel (cancellable);

  g_assert_false (store_token (f->store, URL, "alice", TOKEN, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  token = lookup_token (f->store, URL, "alice", cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (token);
  g_clear_error (&error);

  g_assert_false (clear_token (f->store, URL, "alice", cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Nothing was stored. */
  assert_token (f->store, URL, "alice", NULL);
}

static void
test_cancelled_during (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  assert_stored (f->store, URL, "alice", TOKEN);

  /* Cancelled while the call is on its way: each step of each operation. */
  for (guint step = 0; step < 4; step++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(CockpitSecretToken) token = NULL;
      Wait store_wait = { 0 }, lookup_wait = { 0 }, clear_wait = { 0 };

      cockpit_secret_store_store_async (f->store, URL, "alice", OTHER_TOKEN, cancellable,
                                        result_cb, &store_wait);
      cockpit_secret_store_lookup_async (f->store, URL, "alice", cancellable,
                                         result_cb, &lookup_wait);
      cockpit_secret_store_clear_async (f->store, OTHER_URL, "alice", cancellable,
                                        result_cb, &clear_wait);
      for (guint i = 0; i < step; i++)
        g_main_context_iteration (NULL, FALSE);
      g_cancellable_cancel (cancellable);

      wait_until (&store_wait.done);
      wait_until (&lookup_wait.done);
      wait_until (&clear_wait.done);

      g_assert_false (cockpit_secret_store_store_finish (f->store, store_wait.result, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      token = cockpit_secret_store_lookup_finish (f->store, lookup_wait.result, &error);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_null (token);
      g_clear_error (&error);
      g_assert_false (cockpit_secret_store_clear_finish (f->store, clear_wait.result, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);

      g_object_unref (store_wait.result);
      g_object_unref (lookup_wait.result);
      g_object_unref (clear_wait.result);
    }
}

/* The log: every field of every message.  Subprocesses run with
 * G_MESSAGES_DEBUG=all from their start (see main()) and keep every
 * message they log here. */

static GPtrArray *captured;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  if (captured != NULL)
    {
      GString *line = g_string_new (NULL);

      for (gsize i = 0; i < n_fields; i++)
        {
          g_string_append_printf (line, "%s=", fields[i].key);
          if (fields[i].length < 0)
            g_string_append (line, fields[i].value);
          else
            g_string_append_len (line, fields[i].value, fields[i].length);
          g_string_append_c (line, ' ');
        }
      g_ptr_array_add (captured, g_string_free (line, FALSE));
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* Checks that no message so far holds a token, and that one holds
 * @expected, which proves the messages of interest were seen at all. */
static void
assert_log_clean (const char *expected)
{
  gboolean seen = FALSE;

  g_assert_nonnull (captured);

  for (guint i = 0; i < captured->len; i++)
    {
      const char *line = g_ptr_array_index (captured, i);

      g_assert_null (strstr (line, TOKEN));
      g_assert_null (strstr (line, OTHER_TOKEN));
      seen |= strstr (line, expected) != NULL;
    }

  g_assert_true (seen);
  g_test_message ("%u log messages checked", captured->len);
}

static void lock_default_collection (void);

static void
test_no_token_in_log (void)
{
  if (g_test_subprocess ())
    {
      TestKeyring *keyring = test_keyring_start (TRUE);
      g_autoptr(CockpitSecretStore) store = cockpit_secret_store_new ();
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (g_getenv ("G_MESSAGES_DEBUG"), ==, "all");

      /* Every path a token takes: saved, read, replaced, cancelled, removed. */
      assert_stored (store, URL, "alice", TOKEN);
      assert_token (store, URL, "alice", TOKEN);
      assert_stored (store, URL, "alice", OTHER_TOKEN);
      assert_token (store, URL, NULL, OTHER_TOKEN);
      g_cancellable_cancel (cancellable);
      g_assert_false (store_token (store, URL, "alice", TOKEN, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      assert_cleared (store, URL, "alice");
      assert_stored (store, URL, "alice", TOKEN);

      /* And the error paths, where the store logs what went wrong. */
      lock_default_collection ();
      g_assert_null (lookup_token (store, URL, "alice", NULL, &error));
      g_assert_error (error, COCKPIT_SECRET_ERROR, COCKPIT_SECRET_ERROR_LOCKED);
      g_clear_error (&error);
      g_assert_false (store_token (store, URL, "alice", OTHER_TOKEN, NULL, &error));
      g_assert_error (error, COCKPIT_SECRET_ERROR, COCKPIT_SECRET_ERROR_LOCKED);
      g_clear_error (&error);

      g_clear_object (&store);
      test_keyring_stop (keyring);

      assert_log_clean ("Keyring error");
      return;
    }

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* The files: the keyring on disk is encrypted, and nothing else is written */

static gboolean
bytes_contain (const char *haystack,
               gsize       length,
               const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (haystack + i, needle, needle_length) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
tree_contains (const char *path,
               const char *needle)
{
  GDir *dir;
  const char *name;
  gboolean found = FALSE;

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return FALSE;

  while (!found && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        found = tree_contains (child, needle);
      else if (g_file_test (child, G_FILE_TEST_IS_REGULAR) &&
               g_file_get_contents (child, &contents, &length, NULL))
        found = bytes_contain (contents, length, needle);
    }
  g_dir_close (dir);

  return found;
}

static void
test_no_token_on_disk (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *keyring_file = NULL;

  assert_stored (f->store, URL, "alice", TOKEN);
  assert_token (f->store, URL, "alice", TOKEN);

  /* The daemon has written the login keyring by now, encrypted. */
  keyring_file = g_build_filename (shared_keyring->dir, "data", "keyrings", "login.keyring",
                                   NULL);
  g_assert_true (g_file_test (keyring_file, G_FILE_TEST_IS_REGULAR));
  g_assert_false (tree_contains (shared_keyring->dir, TOKEN));
}

/* No Secret Service: a bus without a keyring daemon, in a subprocess */

static void
test_no_service (void)
{
  if (g_test_subprocess ())
    {
      TestKeyring *keyring = test_keyring_start (FALSE);
      g_autoptr(CockpitSecretStore) store = cockpit_secret_store_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(CockpitSecretToken) token = NULL;

      g_assert_false (store_token (store, URL, "alice", TOKEN, NULL, &error));
      g_assert_error (error, COCKPIT_SECRET_ERROR, COCKPIT_SECRET_ERROR_NO_SERVICE);
      g_assert_cmpstr (error->message, ==,
                       "No keyring is available, so the token can't be saved. Install and "
                       "start a keyring service such as GNOME Keyring, then try again.");
      assert_plain_message (error);
      g_clear_error (&error);

      token = lookup_token (store, URL, "alice", NULL, &error);
      g_assert_error (error, COCKPIT_SECRET_ERROR, COCKPIT_SECRET_ERROR_NO_SERVICE);
      g_assert_null (token);
      assert_plain_message (error);
      g_clear_error (&error);

      g_assert_false (clear_token (store, URL, NULL, NULL, &error));
      g_assert_error (error, COCKPIT_SECRET_ERROR, COCKPIT_SECRET_ERROR_NO_SERVICE);
      assert_plain_message (error);
      g_clear_error (&error);

      g_clear_object (&store);
      test_keyring_stop (keyring);
      return;
    }

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* No session bus at all: the address points nowhere */

static void
test_no_bus (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(CockpitSecretStore) store = cockpit_secret_store_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("test-secret-store-XXXXXX", NULL);
      g_autofree char *address = g_strdup_printf ("unix:path=%s/no-such-bus", dir);

      g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);

      g_assert_false (store_token (store, URL, "alice", TOKEN, NULL, &error));
      g_assert_error (error, COCKPIT_SECRET_ERROR, COCKPIT_SECRET_ERROR_NO_SERVICE);
      assert_plain_message (error);

      g_rmdir (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A locked keyring whose unlock prompt cannot be answered, in a subprocess */

static void
lock_default_collection (void)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = get_default_collection (&service);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autolist(GDBusProxy) locked = NULL;
  Wait wait = { 0 };
  GList *objects;

  objects = g_list_append (NULL, collection);
  secret_service_lock (service, objects, NULL, result_cb, &wait);
  g_list_free (objects);
  result = wait_result (&wait);
  g_assert_cmpint (secret_service_lock_finish (service, result, &locked, &error), ==, 1);
  g_assert_no_error (error);
}

static void
test_locked (void)
{
  if (g_test_subprocess ())
    {
      TestKeyring *keyring = test_keyring_start (TRUE);
      g_autoptr(CockpitSecretStore) store = cockpit_secret_store_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(CockpitSecretToken) token = NULL;
      g_autolist(GObject) items = NULL;

      assert_stored (store, URL, "alice", TOKEN);
      lock_default_collection ();

      /* There is no prompter on the private bus, so gnome-keyring's unlock
       * prompt fails at once, as if the user had dismissed it. */
      token = lookup_token (store, URL, "alice", NULL, &error);
      g_assert_error (error, COCKPIT_SECRET_ERROR, COCKPIT_SECRET_ERROR_LOCKED);
      g_assert_cmpstr (error->message, ==,
                       "The keyring is locked. Unlock it when asked, then try again.");
      g_assert_null (token);
      g_clear_error (&error);

      g_assert_false (store_token (store, URL, "alice", OTHER_TOKEN, NULL, &error));
      g_assert_error (error, COCKPIT_SECRET_ERROR, COCKPIT_SECRET_ERROR_LOCKED);
      assert_plain_message (error);
      g_clear_error (&error);

      /* A token that cannot be removed is reported, not silently kept. */
      g_assert_false (clear_token (store, URL, NULL, NULL, &error));
      g_assert_error (error, COCKPIT_SECRET_ERROR, COCKPIT_SECRET_ERROR_LOCKED);
      assert_plain_message (error);
      g_clear_error (&error);
      items = find_items (URL);
      g_assert_cmpuint (g_list_length (items), ==, 1);
      g_clear_list (&items, g_object_unref);

      /* Nothing stored for this URL is not the same as locked. */
      token = lookup_token (store, OTHER_URL, "alice", NULL, &error);
      g_assert_no_error (error);
      g_assert_null (token);

      g_clear_object (&store);
      test_keyring_stop (keyring);
      return;
    }

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  /* Set once for the whole run: GLib allows only one writer per process. */
  g_log_set_writer_func (capture_writer, NULL, NULL);

  g_test_add_func ("/cockpit/secret-store/create-destroy", test_create_destroy);
  g_test_add_func ("/cockpit/secret-store/schema", test_schema);
  g_test_add ("/cockpit/secret-store/store-lookup", Fixture, NULL,
              setup, test_store_lookup, teardown);
  g_test_add ("/cockpit/secret-store/lookup-missing", Fixture, NULL,
              setup, test_lookup_missing, teardown);
  g_test_add ("/cockpit/secret-store/unknown-user", Fixture, NULL,
              setup, test_unknown_user, teardown);
  g_test_add ("/cockpit/secret-store/any-user", Fixture, NULL,
              setup, test_any_user, teardown);
  g_test_add ("/cockpit/secret-store/replace", Fixture, NULL,
              setup, test_replace, teardown);
  g_test_add ("/cockpit/secret-store/clear", Fixture, NULL,
              setup, test_clear, teardown);
  g_test_add ("/cockpit/secret-store/clear/users", Fixture, NULL,
              setup, test_clear_users, teardown);
  g_test_add ("/cockpit/secret-store/urls-apart", Fixture, NULL,
              setup, test_urls_apart, teardown);
  g_test_add ("/cockpit/secret-store/cancelled/before", Fixture, NULL,
              setup, test_cancelled_before, teardown);
  g_test_add ("/cockpit/secret-store/cancelled/during", Fixture, NULL,
              setup, test_cancelled_during, teardown);
  g_test_add_func ("/cockpit/secret-store/no-token-in-log", test_no_token_in_log);
  g_test_add ("/cockpit/secret-store/no-token-on-disk", Fixture, NULL,
              setup, test_no_token_on_disk, teardown);
  g_test_add_func ("/cockpit/secret-store/error/no-service", test_no_service);
  g_test_add_func ("/cockpit/secret-store/error/no-bus", test_no_bus);
  g_test_add_func ("/cockpit/secret-store/error/locked", test_locked);

  /* A subprocess runs one test and brings its own bus, or none.  It logs
   * every debug message, as G_MESSAGES_DEBUG=all does from the start of a
   * program: set here, before any thread exists. */
  if (g_test_subprocess ())
    {
      g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
      captured = g_ptr_array_new_with_free_func (g_free);
      ret = g_test_run ();
      g_clear_pointer (&captured, g_ptr_array_unref);
      return ret;
    }

  shared_keyring = test_keyring_start (TRUE);
  ret = g_test_run ();
  test_keyring_stop (shared_keyring);

  return ret;
}
