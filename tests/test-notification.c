/* test-notification.c: a message from the helpdesk, and its JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-model-util.h"

static const char *sample =
  "{\"id\": \"ntf-17\", \"severity\": \"warning\", \"title\": \"Planned maintenance\","
  " \"body\": \"Live will be read-only on Saturday from 06:00 to 08:00 UTC.\","
  " \"package_id\": \"acmeweb\", \"received_at\": \"2026-11-25T16:00:00Z\","
  " \"read\": true, \"archived\": false}";

static void
test_create (void)
{
  CockpitNotification *notification = cockpit_notification_new ();

  g_assert_null (cockpit_notification_get_id (notification));
  g_assert_cmpint (cockpit_notification_get_severity (notification), ==, COCKPIT_SEVERITY_CRITICAL);
  g_assert_false (cockpit_notification_get_read (notification));
  g_assert_false (cockpit_notification_get_archived (notification));

  cockpit_notification_set_id (notification, "ntf-1");
  cockpit_notification_set_title (notification, "Title");
  cockpit_notification_set_body (notification, "Body");
  cockpit_notification_set_package_id (notification, "acmeweb");
  g_assert_finalize_object (notification);
}

static void
test_notify_bool (void)
{
  g_autoptr(CockpitNotification) notification = cockpit_notification_new ();
  guint read_count, archived_count;

  model_watch_notify (notification, "read", &read_count);
  model_watch_notify (notification, "archived", &archived_count);
  cockpit_notification_set_read (notification, TRUE);
  cockpit_notification_set_read (notification, TRUE);
  g_assert_cmpuint (read_count, ==, 1);
  g_assert_cmpuint (archived_count, ==, 0);
  cockpit_notification_set_archived (notification, TRUE);
  g_assert_cmpuint (archived_count, ==, 1);
  g_object_set (notification, "read", FALSE, "archived", FALSE, NULL);
  g_assert_cmpuint (read_count, ==, 2);
  g_assert_cmpuint (archived_count, ==, 2);
}

static void
test_notify_enum (void)
{
  g_autoptr(CockpitNotification) notification = cockpit_notification_new ();
  guint count;

  model_watch_notify (notification, "severity", &count);
  cockpit_notification_set_severity (notification, COCKPIT_SEVERITY_CRITICAL);
  g_assert_cmpuint (count, ==, 0);
  cockpit_notification_set_severity (notification, COCKPIT_SEVERITY_INFO);
  cockpit_notification_set_severity (notification, COCKPIT_SEVERITY_INFO);
  g_assert_cmpuint (count, ==, 1);
}

static void
test_notify_string (void)
{
  g_autoptr(CockpitNotification) notification = cockpit_notification_new ();
  guint count;

  model_watch_notify (notification, "package-id", &count);
  cockpit_notification_set_package_id (notification, NULL);
  g_assert_cmpuint (count, ==, 0);
  cockpit_notification_set_package_id (notification, "acmeweb");
  cockpit_notification_set_package_id (notification, "acmeweb");
  g_assert_cmpuint (count, ==, 1);
}

static void
test_notify_time (void)
{
  g_autoptr(CockpitNotification) notification = cockpit_notification_new ();
  g_autoptr(GDateTime) a = model_time ("2026-11-25T16:00:00Z");
  guint count;

  model_watch_notify (notification, "received-at", &count);
  cockpit_notification_set_received_at (notification, a);
  cockpit_notification_set_received_at (notification, a);
  g_assert_cmpuint (count, ==, 1);
}

static void
test_notify_all (void)
{
  g_autoptr(CockpitNotification) notification = cockpit_notification_new ();

  model_assert_notify_all (notification);
}

static void
test_decode (void)
{
  g_autoptr(CockpitNotification) notification = model_decode (COCKPIT_TYPE_NOTIFICATION, sample);

  g_assert_cmpstr (cockpit_notification_get_id (notification), ==, "ntf-17");
  g_assert_cmpint (cockpit_notification_get_severity (notification), ==, COCKPIT_SEVERITY_WARNING);
  g_assert_cmpstr (cockpit_notification_get_title (notification), ==, "Planned maintenance");
  g_assert_cmpstr (cockpit_notification_get_body (notification), ==,
                   "Live will be read-only on Saturday from 06:00 to 08:00 UTC.");
  g_assert_cmpstr (cockpit_notification_get_package_id (notification), ==, "acmeweb");
  model_assert_time (cockpit_notification_get_received_at (notification), "2026-11-25T16:00:00Z");
  g_assert_true (cockpit_notification_get_read (notification));
  g_assert_false (cockpit_notification_get_archived (notification));
  model_assert_same_members (notification, sample);
}

static void
test_round_trip (void)
{
  g_autoptr(CockpitNotification) notification = model_decode (COCKPIT_TYPE_NOTIFICATION, sample);

  model_assert_round_trip (notification);
  cockpit_notification_set_package_id (notification, NULL);
  cockpit_notification_set_archived (notification, TRUE);
  cockpit_notification_set_severity (notification, COCKPIT_SEVERITY_CRITICAL);
  model_assert_round_trip (notification);
}

static void
test_nullable (void)
{
  static const char * const nullable[] = { "package_id", NULL };

  model_assert_nullable_members (COCKPIT_TYPE_NOTIFICATION, sample, nullable);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/model/notification/create", test_create);
  g_test_add_func ("/cockpit/model/notification/notify/bool", test_notify_bool);
  g_test_add_func ("/cockpit/model/notification/notify/enum", test_notify_enum);
  g_test_add_func ("/cockpit/model/notification/notify/string", test_notify_string);
  g_test_add_func ("/cockpit/model/notification/notify/time", test_notify_time);
  g_test_add_func ("/cockpit/model/notification/notify/all", test_notify_all);
  g_test_add_func ("/cockpit/model/notification/decode", test_decode);
  g_test_add_func ("/cockpit/model/notification/round-trip", test_round_trip);
  g_test_add_func ("/cockpit/model/notification/nullable", test_nullable);

  return g_test_run ();
}
