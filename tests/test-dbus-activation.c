/* test-dbus-activation.c: the app is started by D-Bus, as a click on a notification does after it has exited.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desktop entry says DBusActivatable=true and the build installs a
 * D-Bus service file.  This test checks the service file the build made,
 * gives a private bus a copy that starts the built app, and asks the bus
 * to run one of the app's actions while no instance runs: the bus must
 * start `upgrade-cockpit --gapplication-service`, which must take its
 * name and run the action.
 */
#include "config.h"

#include <string.h>

#include "test-session-util.h"

static TestSession session;

static void
test_activate_action (void)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup ("/" APP_ID);

  g_strdelimit (path, ".", '/');
  g_assert_false (test_session_name_has_owner (APP_ID));

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  /* "quit": started for it, the app ends right after it. */
  reply = g_dbus_connection_call_sync (bus, APP_ID, path, "org.freedesktop.Application", "ActivateAction",
                                       g_variant_new ("(sava{sv})", "quit", NULL, NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 20000, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reply);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *built = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "data", APP_ID ".service", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *service = NULL;
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *exec = NULL;
  const char *binary = g_getenv ("COCKPIT_APP");
  int result;

  g_test_init (&argc, &argv, NULL);

  /* The service file the build made names the app and starts it as a
   * service. */
  g_assert_true (g_key_file_load_from_file (file, built, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  name = g_key_file_get_string (file, "D-BUS Service", "Name", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, APP_ID);
  exec = g_key_file_get_string (file, "D-BUS Service", "Exec", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (exec, "/upgrade-cockpit --gapplication-service"));

  /* The same, starting the built app, with the display the bus daemon
   * does not pass on. */
  g_assert_nonnull (binary);
  session.service_dir = g_dir_make_tmp ("cockpit-services-XXXXXX", &error);
  g_assert_no_error (error);
  g_key_file_set_string (file, "D-BUS Service", "Exec",
                         (copy = g_strdup_printf ("/usr/bin/env DISPLAY=%s %s --gapplication-service",
                                                  g_getenv ("DISPLAY") ? g_getenv ("DISPLAY") : ":0", binary)));
  service = g_build_filename (session.service_dir, APP_ID ".service", NULL);
  g_assert_true (g_key_file_save_to_file (file, service, &error));
  g_assert_no_error (error);

  test_session_start (&session, FALSE);
  g_test_add_func ("/cockpit/dbus-activation/activate-action", test_activate_action);
  result = g_test_run ();
  test_session_stop (&session);

  g_unlink (service);
  g_rmdir (session.service_dir);
  g_free (session.service_dir);
  return result;
}
