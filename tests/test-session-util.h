/* test-session-util.h: a private desktop session for tests: folders, D-Bus, keyring, notifications.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only, like test-api-util.h.  test_session_start() points HOME and
 * the XDG folders at a fresh temporary folder, starts a private D-Bus
 * session bus (GTestDBus), a real gnome-keyring-daemon on it with an
 * unlocked login keyring, and a fake notification server that owns
 * org.gtk.Notifications (the name GApplication's notification backend
 * looks for) and records every notification it is sent.
 */
#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>

typedef struct {
  char   *app_id;
  char   *id;
  GVariant *data;   /* a{sv}: title, body, buttons, default-action, ... */
} TestNotification;

typedef struct {
  GTestDBus       *bus;
  GDBusConnection *server;   /* the fake notification server's own connection */
  char        *dir;
  GSubprocess *keyring;
  guint        owner_id;
  guint        object_id;
  GPtrArray   *notifications;  /* TestNotification, in order */
  GPtrArray   *withdrawn;      /* the ids of notifications withdrawn, in order */
  char        *service_dir;    /* set before starting: D-Bus services the bus may start */
} TestSession;

static inline void
test_notification_free (TestNotification *n)
{
  g_free (n->app_id);
  g_free (n->id);
  g_clear_pointer (&n->data, g_variant_unref);
  g_free (n);
}

/* The title, body or other string member of a notification. */
static inline const char *
test_notification_get (TestNotification *n,
                       const char       *key)
{
  const char *value = NULL;

  g_variant_lookup (n->data, key, "&s", &value);
  return value;
}

/* The last notification sent whose id starts with @id_prefix, or NULL. */
static inline TestNotification *
test_session_last_notification (TestSession *session,
                                const char  *id_prefix)
{
  for (guint i = session->notifications->len; i > 0; i--)
    {
      TestNotification *n = g_ptr_array_index (session->notifications, i - 1);

      if (g_str_has_prefix (n->id, id_prefix))
        return n;
    }
  return NULL;
}

/* How many notifications were sent whose id starts with @id_prefix. */
static inline guint
test_session_count_notifications (TestSession *session,
                                  const char  *id_prefix)
{
  guint count = 0;

  for (guint i = 0; i < session->notifications->len; i++)
    {
      TestNotification *n = g_ptr_array_index (session->notifications, i);

      if (g_str_has_prefix (n->id, id_prefix))
        count++;
    }
  return count;
}

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.gtk.Notifications'>"
  "    <method name='AddNotification'>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/>"
  "    </method>"
  "    <method name='RemoveNotification'>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static inline void
test_session_method_cb (GDBusConnection       *connection,
                        const char            *sender,
                        const char            *path,
                        const char            *interface,
                        const char            *method,
                        GVariant              *parameters,
                        GDBusMethodInvocation *invocation,
                        gpointer               user_data)
{
  TestSession *session = user_data;

  if (g_strcmp0 (method, "AddNotification") == 0)
    {
      TestNotification *n = g_new0 (TestNotification, 1);

      g_variant_get (parameters, "(ss@a{sv})", &n->app_id, &n->id, &n->data);
      g_ptr_array_add (session->notifications, n);
    }
  else if (g_strcmp0 (method, "RemoveNotification") == 0)
    {
      const char *id = NULL;

      g_variant_get (parameters, "(&s&s)", NULL, &id);
      g_ptr_array_add (session->withdrawn, g_strdup (id));
    }
  g_dbus_method_invocation_return_value (invocation, NULL);
}

/* The server has a connection of its own, so that the app under test
 * talks to it over the bus as it would to a real notification server. */
static inline void
test_session_start_notifications (TestSession *session)
{
  static const GDBusInterfaceVTable vtable = { test_session_method_cb, NULL, NULL };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  g_autoptr(GError) error = NULL;

  session->server = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (session->bus),
                                                            G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                            G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                            NULL, NULL, &error);
  g_assert_no_error (error);
  session->object_id = g_dbus_connection_register_object (session->server, "/org/gtk/Notifications",
                                                          info->interfaces[0], &vtable,
                                                          session, NULL, &error);
  g_assert_no_error (error);
  session->owner_id = g_bus_own_name_on_connection (session->server, "org.gtk.Notifications",
                                                    G_BUS_NAME_OWNER_FLAGS_NONE,
                                                    NULL, NULL, NULL, NULL);
}

static inline gboolean
test_session_name_has_owner (const char *name)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

static inline void
test_session_wait_for_name (const char *name)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  while (!test_session_name_has_owner (name))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (50 * 1000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}

static inline void
test_session_start (TestSession *session,
                    gboolean     with_keyring)
{
  g_autoptr(GError) error = NULL;
  static const char *subdirs[][2] = {
    { "HOME", "home" },
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_DATA_HOME", "data" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_STATE_HOME", "state" },
    { "XDG_RUNTIME_DIR", "runtime" },
  };

  session->dir = g_dir_make_tmp ("cockpit-test-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (subdirs); i++)
    {
      g_autofree char *path = g_build_filename (session->dir, subdirs[i][1], NULL);
      g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      g_setenv (subdirs[i][0], path, TRUE);
    }

  {
    /* GTestDBus unsets DISPLAY against X11 autolaunching; GTK needs it. */
    g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

    session->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
    if (session->service_dir != NULL)
      g_test_dbus_add_service_dir (session->bus, session->service_dir);
    g_test_dbus_up (session->bus);
    if (display != NULL)
      g_setenv ("DISPLAY", display, TRUE);
  }

  session->notifications = g_ptr_array_new_with_free_func ((GDestroyNotify) test_notification_free);
  session->withdrawn = g_ptr_array_new_with_free_func (g_free);
  test_session_start_notifications (session);
  test_session_wait_for_name ("org.gtk.Notifications");

  if (with_keyring)
    {
      g_autoptr(GSubprocessLauncher) launcher = NULL;
      g_autoptr(GBytes) password = g_bytes_new_static ("test\n", 5);

      /* --unlock reads the password of the login keyring, which it
       * creates and makes the default collection. */
      launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                            G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                            G_SUBPROCESS_FLAGS_STDERR_SILENCE);
      session->keyring = g_subprocess_launcher_spawn (launcher, &error, "gnome-keyring-daemon", "--foreground",
                                                      "--components=secrets", "--unlock", NULL);
      g_assert_no_error (error);
      g_output_stream_write_bytes (g_subprocess_get_stdin_pipe (session->keyring), password, NULL, &error);
      g_assert_no_error (error);
      g_output_stream_close (g_subprocess_get_stdin_pipe (session->keyring), NULL, NULL);
      test_session_wait_for_name ("org.freedesktop.secrets");
    }
}

static inline void
test_session_stop (TestSession *session)
{
  if (session->keyring != NULL)
    {
      g_subprocess_force_exit (session->keyring);
      g_subprocess_wait (session->keyring, NULL, NULL);
      g_clear_object (&session->keyring);
    }
  g_bus_unown_name (session->owner_id);
  g_dbus_connection_unregister_object (session->server, session->object_id);
  g_dbus_connection_close_sync (session->server, NULL, NULL);
  g_clear_object (&session->server);
  g_clear_pointer (&session->notifications, g_ptr_array_unref);
  g_clear_pointer (&session->withdrawn, g_ptr_array_unref);
  /* Stop, not down, and no unref (which would call down): objects of the
   * app under test may still hold the bus connection as the process ends. */
  g_test_dbus_stop (session->bus);
  g_free (session->dir);
}
