/* test-portal-util.h: a fake Background portal on the test's private bus, which records what it is asked.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only, like test-session-util.h.  It answers RequestBackground as
 * xdg-desktop-portal does: the call returns the path of a Request object
 * made of the caller's name and its handle_token, and the answer comes as
 * that object's Response signal.  The test chooses the answer.
 */
#pragma once

#include "test-session-util.h"

typedef enum {
  TEST_PORTAL_GRANT,    /* background (and autostart, when asked) allowed */
  TEST_PORTAL_DENY,     /* the person said no */
  TEST_PORTAL_CLOSE,    /* the person closed the question (response 1) */
} TestPortalAnswer;

typedef struct {
  GDBusConnection  *connection;
  guint             owner_id;
  guint             object_id;
  TestPortalAnswer  answer;
  GPtrArray        *requests;   /* GVariant a{sv}: the options of each request */
} TestPortal;

static const char test_portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Background'>"
  "    <method name='RequestBackground'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "</node>";

typedef struct {
  GDBusConnection *connection;
  char            *sender;
  char            *path;
  guint            response;
  gboolean         background;
  gboolean         autostart;
} TestPortalResponse;

static gboolean
test_portal_respond_cb (gpointer data)
{
  TestPortalResponse *r = data;
  GVariantBuilder results;

  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&results, "{sv}", "background", g_variant_new_boolean (r->background));
  g_variant_builder_add (&results, "{sv}", "autostart", g_variant_new_boolean (r->autostart));
  g_dbus_connection_emit_signal (r->connection, r->sender, r->path, "org.freedesktop.portal.Request", "Response",
                                 g_variant_new ("(ua{sv})", r->response, &results), NULL);
  g_object_unref (r->connection);
  g_free (r->sender);
  g_free (r->path);
  g_free (r);
  return G_SOURCE_REMOVE;
}

static inline void
test_portal_method_cb (GDBusConnection       *connection,
                       const char            *sender,
                       const char            *path,
                       const char            *interface,
                       const char            *method,
                       GVariant              *parameters,
                       GDBusMethodInvocation *invocation,
                       gpointer               user_data)
{
  TestPortal *portal = user_data;
  g_autoptr(GVariant) options = NULL;
  g_autofree char *escaped = NULL;
  const char *token = "t";
  gboolean autostart = FALSE;
  TestPortalResponse *r;

  g_variant_get (parameters, "(&s@a{sv})", NULL, &options);
  g_ptr_array_add (portal->requests, g_variant_ref (options));
  g_variant_lookup (options, "handle_token", "&s", &token);
  g_variant_lookup (options, "autostart", "b", &autostart);

  /* ":1.42" becomes "1_42", as the portal documentation says. */
  escaped = g_strdup (sender + 1);
  g_strdelimit (escaped, ".", '_');

  r = g_new0 (TestPortalResponse, 1);
  r->connection = g_object_ref (connection);
  r->sender = g_strdup (sender);
  r->path = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", escaped, token);
  r->response = portal->answer == TEST_PORTAL_CLOSE ? 1 : 0;
  r->background = portal->answer == TEST_PORTAL_GRANT;
  r->autostart = portal->answer == TEST_PORTAL_GRANT && autostart;
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", r->path));
  /* The answer comes after the call returned, as from a real portal. */
  g_idle_add (test_portal_respond_cb, r);
}

static inline GVariant *
test_portal_get_property_cb (GDBusConnection  *connection,
                             const char       *sender,
                             const char       *path,
                             const char       *interface,
                             const char       *property,
                             GError          **error,
                             gpointer          user_data)
{
  return g_variant_new_uint32 (1);
}

/* Starts the portal on @session's bus with its own connection, and waits
 * until it owns its name. */
static inline void
test_portal_start (TestPortal       *portal,
                   TestSession      *session,
                   TestPortalAnswer  answer)
{
  static const GDBusInterfaceVTable vtable = { test_portal_method_cb, test_portal_get_property_cb, NULL };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (test_portal_xml, NULL);
  g_autoptr(GError) error = NULL;

  portal->answer = answer;
  portal->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  portal->connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (session->bus),
                                                               G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                               G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                               NULL, NULL, &error);
  g_assert_no_error (error);
  portal->object_id = g_dbus_connection_register_object (portal->connection, "/org/freedesktop/portal/desktop",
                                                         info->interfaces[0], &vtable, portal, NULL, &error);
  g_assert_no_error (error);
  portal->owner_id = g_bus_own_name_on_connection (portal->connection, "org.freedesktop.portal.Desktop",
                                                   G_BUS_NAME_OWNER_FLAGS_NONE, NULL, NULL, NULL, NULL);
  test_session_wait_for_name ("org.freedesktop.portal.Desktop");
}

static inline void
test_portal_stop (TestPortal *portal)
{
  g_bus_unown_name (portal->owner_id);
  g_dbus_connection_unregister_object (portal->connection, portal->object_id);
  g_dbus_connection_close_sync (portal->connection, NULL, NULL);
  g_clear_object (&portal->connection);
  g_clear_pointer (&portal->requests, g_ptr_array_unref);
  while (test_session_name_has_owner ("org.freedesktop.portal.Desktop"))
    g_main_context_iteration (NULL, FALSE);
}

/* The options of the last request, or NULL. */
static inline GVariant *
test_portal_last_request (TestPortal *portal)
{
  if (portal->requests == NULL || portal->requests->len == 0)
    return NULL;
  return g_ptr_array_index (portal->requests, portal->requests->len - 1);
}
