/* test-backup.c: a manual backup, and its JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-model-util.h"

static const char *sample =
  "{\"id\": \"bak-20261126-1\", \"created_at\": \"2026-11-26T09:30:00Z\","
  " \"magnolia_version\": \"6.3.18\"}";

static void
test_create (void)
{
  CockpitBackup *backup = cockpit_backup_new ();
  g_autoptr(GDateTime) created = model_time ("2026-11-26T09:30:00Z");

  g_assert_null (cockpit_backup_get_id (backup));
  g_assert_null (cockpit_backup_get_created_at (backup));
  g_assert_null (cockpit_backup_get_magnolia_version (backup));

  cockpit_backup_set_id (backup, "bak-1");
  cockpit_backup_set_created_at (backup, created);
  cockpit_backup_set_magnolia_version (backup, "6.3.18");
  g_assert_finalize_object (backup);
}

static void
test_notify_string (void)
{
  g_autoptr(CockpitBackup) backup = cockpit_backup_new ();
  guint count;

  model_watch_notify (backup, "magnolia-version", &count);
  cockpit_backup_set_magnolia_version (backup, "6.3.18");
  g_assert_cmpuint (count, ==, 1);
  cockpit_backup_set_magnolia_version (backup, "6.3.18");
  g_assert_cmpuint (count, ==, 1);
  g_object_set (backup, "magnolia-version", "6.3.21", NULL);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_notify_time (void)
{
  g_autoptr(CockpitBackup) backup = cockpit_backup_new ();
  g_autoptr(GDateTime) a = model_time ("2026-11-26T09:30:00Z");
  g_autoptr(GDateTime) a_again = model_time ("2026-11-26T09:30:00.000Z");
  g_autoptr(GDateTime) b = model_time ("2026-11-26T09:30:01Z");
  guint count;

  model_watch_notify (backup, "created-at", &count);
  cockpit_backup_set_created_at (backup, a);
  cockpit_backup_set_created_at (backup, a_again);
  g_assert_cmpuint (count, ==, 1);
  cockpit_backup_set_created_at (backup, b);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_notify_all (void)
{
  g_autoptr(CockpitBackup) backup = cockpit_backup_new ();

  model_assert_notify_all (backup);
}

static void
test_decode (void)
{
  g_autoptr(CockpitBackup) backup = model_decode (COCKPIT_TYPE_BACKUP, sample);

  g_assert_cmpstr (cockpit_backup_get_id (backup), ==, "bak-20261126-1");
  model_assert_time (cockpit_backup_get_created_at (backup), "2026-11-26T09:30:00Z");
  g_assert_cmpstr (cockpit_backup_get_magnolia_version (backup), ==, "6.3.18");
  model_assert_same_members (backup, sample);
}

static void
test_round_trip (void)
{
  g_autoptr(CockpitBackup) backup = model_decode (COCKPIT_TYPE_BACKUP, sample);

  model_assert_round_trip (backup);
}

static void
test_nullable (void)
{
  static const char * const nullable[] = { NULL };

  model_assert_nullable_members (COCKPIT_TYPE_BACKUP, sample, nullable);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/model/backup/create", test_create);
  g_test_add_func ("/cockpit/model/backup/notify/string", test_notify_string);
  g_test_add_func ("/cockpit/model/backup/notify/time", test_notify_time);
  g_test_add_func ("/cockpit/model/backup/notify/all", test_notify_all);
  g_test_add_func ("/cockpit/model/backup/decode", test_decode);
  g_test_add_func ("/cockpit/model/backup/round-trip", test_round_trip);
  g_test_add_func ("/cockpit/model/backup/nullable", test_nullable);

  return g_test_run ();
}
