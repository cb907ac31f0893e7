/* test-upgrade-backup.c: the copy kept after an upgrade, and its JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-model-util.h"

static const char *sample =
  "{\"from_version\": \"6.3.18\", \"to_version\": \"6.3.21\","
  " \"created_at\": \"2026-11-26T09:30:00Z\", \"expires_at\": \"2026-11-28T09:30:00Z\","
  " \"max_expires_at\": \"2026-12-01T09:30:00Z\", \"extended\": true}";

static void
test_create (void)
{
  CockpitUpgradeBackup *backup = cockpit_upgrade_backup_new ();
  g_autoptr(GDateTime) created = model_time ("2026-11-26T09:30:00Z");

  g_assert_null (cockpit_upgrade_backup_get_from_version (backup));
  g_assert_null (cockpit_upgrade_backup_get_expires_at (backup));
  g_assert_false (cockpit_upgrade_backup_get_extended (backup));

  cockpit_upgrade_backup_set_from_version (backup, "6.3.18");
  cockpit_upgrade_backup_set_to_version (backup, "6.3.21");
  cockpit_upgrade_backup_set_created_at (backup, created);
  cockpit_upgrade_backup_set_expires_at (backup, created);
  cockpit_upgrade_backup_set_max_expires_at (backup, created);
  cockpit_upgrade_backup_set_extended (backup, TRUE);
  g_assert_finalize_object (backup);
}

static void
test_notify_time (void)
{
  g_autoptr(CockpitUpgradeBackup) backup = cockpit_upgrade_backup_new ();
  g_autoptr(GDateTime) utc = model_time ("2026-11-28T09:30:00Z");
  g_autoptr(GDateTime) paris = model_time ("2026-11-28T10:30:00+01:00");
  g_autoptr(GDateTime) later = model_time ("2026-11-29T09:30:00Z");
  guint count;

  model_watch_notify (backup, "expires-at", &count);
  cockpit_upgrade_backup_set_expires_at (backup, NULL);
  g_assert_cmpuint (count, ==, 0);
  cockpit_upgrade_backup_set_expires_at (backup, utc);
  g_assert_cmpuint (count, ==, 1);
  cockpit_upgrade_backup_set_expires_at (backup, utc);
  g_assert_cmpuint (count, ==, 1);
  /* The same instant in another zone is no change. */
  cockpit_upgrade_backup_set_expires_at (backup, paris);
  g_assert_cmpuint (count, ==, 1);
  cockpit_upgrade_backup_set_expires_at (backup, later);
  g_assert_cmpuint (count, ==, 2);
  g_assert_true (cockpit_upgrade_backup_get_expires_at (backup) == later);
  cockpit_upgrade_backup_set_expires_at (backup, NULL);
  g_assert_cmpuint (count, ==, 3);
}

static void
test_notify_bool (void)
{
  g_autoptr(CockpitUpgradeBackup) backup = cockpit_upgrade_backup_new ();
  guint count;

  model_watch_notify (backup, "extended", &count);
  cockpit_upgrade_backup_set_extended (backup, FALSE);
  g_assert_cmpuint (count, ==, 0);
  cockpit_upgrade_backup_set_extended (backup, TRUE);
  g_assert_cmpuint (count, ==, 1);
  /* Any non-zero value is TRUE. */
  cockpit_upgrade_backup_set_extended (backup, 42);
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (cockpit_upgrade_backup_get_extended (backup) == TRUE);
  cockpit_upgrade_backup_set_extended (backup, FALSE);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_notify_string (void)
{
  g_autoptr(CockpitUpgradeBackup) backup = cockpit_upgrade_backup_new ();
  guint count;

  model_watch_notify (backup, "to-version", &count);
  cockpit_upgrade_backup_set_to_version (backup, "6.3.21");
  cockpit_upgrade_backup_set_to_version (backup, "6.3.21");
  g_assert_cmpuint (count, ==, 1);
  cockpit_upgrade_backup_set_to_version (backup, "6.3.22");
  g_assert_cmpuint (count, ==, 2);
}

static void
test_notify_all (void)
{
  g_autoptr(CockpitUpgradeBackup) backup = cockpit_upgrade_backup_new ();

  model_assert_notify_all (backup);
}

static void
test_decode (void)
{
  g_autoptr(CockpitUpgradeBackup) backup = model_decode (COCKPIT_TYPE_UPGRADE_BACKUP, sample);

  g_assert_cmpstr (cockpit_upgrade_backup_get_from_version (backup), ==, "6.3.18");
  g_assert_cmpstr (cockpit_upgrade_backup_get_to_version (backup), ==, "6.3.21");
  model_assert_time (cockpit_upgrade_backup_get_created_at (backup), "2026-11-26T09:30:00Z");
  model_assert_time (cockpit_upgrade_backup_get_expires_at (backup), "2026-11-28T09:30:00Z");
  model_assert_time (cockpit_upgrade_backup_get_max_expires_at (backup), "2026-12-01T09:30:00Z");
  g_assert_true (cockpit_upgrade_backup_get_extended (backup));
  model_assert_same_members (backup, sample);
}

static void
test_round_trip (void)
{
  g_autoptr(CockpitUpgradeBackup) backup = model_decode (COCKPIT_TYPE_UPGRADE_BACKUP, sample);

  model_assert_round_trip (backup);
  cockpit_upgrade_backup_set_extended (backup, FALSE);
  model_assert_round_trip (backup);
}

static void
test_nullable (void)
{
  static const char * const nullable[] = { NULL };

  model_assert_nullable_members (COCKPIT_TYPE_UPGRADE_BACKUP, sample, nullable);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/model/upgrade-backup/create", test_create);
  g_test_add_func ("/cockpit/model/upgrade-backup/notify/time", test_notify_time);
  g_test_add_func ("/cockpit/model/upgrade-backup/notify/bool", test_notify_bool);
  g_test_add_func ("/cockpit/model/upgrade-backup/notify/string", test_notify_string);
  g_test_add_func ("/cockpit/model/upgrade-backup/notify/all", test_notify_all);
  g_test_add_func ("/cockpit/model/upgrade-backup/decode", test_decode);
  g_test_add_func ("/cockpit/model/upgrade-backup/round-trip", test_round_trip);
  g_test_add_func ("/cockpit/model/upgrade-backup/nullable", test_nullable);

  return g_test_run ();
}
