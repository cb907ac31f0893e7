/* test-backup-reminder.c: the upgrade backup reminder, against the in-process simulator.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulator's demo seed has one Live upgrade backup, globex's, with
 * about 30 hours left.  The reminder counts with the simulator's clock,
 * or with a fake one where a test needs exact times.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "cockpit-backup-reminder.h"
#include "cockpit-session-private.h"
#include "test-sim-util.h"

#define TOKEN "backup-reminder-test-token-81d2"

typedef struct {
  SimFixture             sim;
  CockpitSession        *session;
  CockpitBackupReminder *reminder;
  char                  *dir;
  char                  *state_path;
  GPtrArray             *reminded;   /* package ids, in order */
  GDateTime             *fake_now;   /* when set, the time the clock says */
  GTimeSpan              offset;     /* else, when set, the real time + this */
} Fixture;

static GDateTime *
fixture_now (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GDateTime) real = NULL;

  if (f->fake_now != NULL)
    return g_date_time_ref (f->fake_now);
  if (f->offset != 0)
    {
      real = g_date_time_new_now_utc ();
      return g_date_time_add (real, f->offset);
    }
  return cockpit_simulator_get_now (f->sim.sim);
}

static void
refresh (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  cockpit_session_refresh_async (f->session, NULL, api_result_cb, &result);
  api_wait_result (&result);
  g_assert_true (cockpit_session_refresh_finish (f->session, result, &error));
  g_assert_no_error (error);
}

static void
advance (Fixture *f,
         gint64   seconds)
{
  cockpit_simulator_advance_clock (f->sim.sim, seconds);
  refresh (f);
}

static CockpitEnvironment *
globex_live (Fixture *f)
{
  CockpitPackage *package = cockpit_session_find_package (f->session, "globex");

  g_assert_nonnull (package);
  return cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_LIVE);
}

static CockpitUpgradeBackup *
globex_backup (Fixture *f)
{
  CockpitUpgradeBackup *backup = cockpit_environment_get_upgrade_backup (globex_live (f));

  g_assert_nonnull (backup);
  return backup;
}

/* When globex's backup is due to be reminded of, at @hours. */
static GDateTime *
globex_remind_at (Fixture *f,
                  guint    hours)
{
  return g_date_time_add (cockpit_upgrade_backup_get_expires_at (globex_backup (f)),
                          -(GTimeSpan) hours * G_TIME_SPAN_HOUR);
}

static void
remind_cb (CockpitBackupReminder *reminder,
           CockpitPackage        *package,
           CockpitEnvironment    *live,
           CockpitUpgradeBackup  *backup,
           Fixture               *f)
{
  g_assert_true (COCKPIT_IS_PACKAGE (package));
  g_assert_true (COCKPIT_IS_ENVIRONMENT (live));
  g_assert_cmpint (cockpit_environment_get_kind (live), ==, COCKPIT_ENVIRONMENT_KIND_LIVE);
  g_assert_true (cockpit_environment_get_upgrade_backup (live) == backup);
  g_ptr_array_add (f->reminded, g_strdup (cockpit_package_get_id (package)));
}

static CockpitBackupReminder *
new_reminder (Fixture    *f,
              const char *state_path,
              guint       hours)
{
  CockpitBackupReminder *reminder = cockpit_backup_reminder_new (f->session, state_path);

  cockpit_backup_reminder_set_clock (reminder, fixture_now, f, NULL);
  cockpit_backup_reminder_set_hours (reminder, hours);
  g_signal_connect (reminder, "remind", G_CALLBACK (remind_cb), f);
  return reminder;
}

/* Each test is about globex's backup.  The demo seed gives Hooli a Live
 * upgrade on the next Sunday at 06:00 UTC; a test that moves the clock
 * on by days made it run and make a backup of its own, depending on the
 * day of the week the test ran ("globex hooli" reminded on a Friday, a
 * reminder still due on a Sunday morning).  Cancelled, it leaves the
 * clock to the test. */
static void
cancel_hooli_plan (Fixture *f)
{
  CockpitPackage *hooli = cockpit_session_find_package (f->session, "hooli");
  CockpitPlan *plan = hooli != NULL ? cockpit_session_get_plan (f->session, hooli) : NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CockpitPlan) cancelled = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (plan);
  cockpit_session_cancel_plan_async (f->session, cockpit_plan_get_id (plan), NULL, api_result_cb, &result);
  api_wait_result (&result);
  cancelled = cockpit_session_plan_finish (f->session, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cancelled);
  /* What the cancel asks for next, answered. */
  refresh (f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *cache = NULL;

  f->dir = g_dir_make_tmp ("cockpit-reminder-XXXXXX", &error);
  g_assert_no_error (error);
  /* In a folder that does not exist yet: the reminder makes it. */
  f->state_path = g_build_filename (f->dir, "state", "reminders.json", NULL);
  journal = g_build_filename (f->dir, "journal.json", NULL);
  cache = g_build_filename (f->dir, "cache", NULL);
  f->reminded = g_ptr_array_new_with_free_func (g_free);

  sim_fixture_start (&f->sim, TOKEN, NULL);
  f->session = cockpit_session_new (f->sim.client, journal, cache);
  refresh (f);
  cancel_hooli_plan (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->reminder != NULL)
    g_assert_finalize_object (g_steal_pointer (&f->reminder));
  g_assert_finalize_object (g_steal_pointer (&f->session));
  sim_fixture_stop (&f->sim);
  g_clear_pointer (&f->fake_now, g_date_time_unref);
  g_clear_pointer (&f->reminded, g_ptr_array_unref);
  api_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->state_path);
}

static void
assert_reminded (Fixture    *f,
                 const char *ids)
{
  g_autofree char *joined = NULL;

  g_ptr_array_add (f->reminded, NULL);
  joined = g_strjoinv (" ", (char **) f->reminded->pdata);
  g_ptr_array_remove_index (f->reminded, f->reminded->len - 1);
  g_assert_cmpstr (joined, ==, ids);
}

static void
assert_same_time (GDateTime *a,
                  GDateTime *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  if (!g_date_time_equal (a, b))
    {
      g_autofree char *ta = cockpit_date_time_format (a);
      g_autofree char *tb = cockpit_date_time_format (b);

      g_error ("%s is not %s", ta, tb);
    }
}

static void
test_create_destroy (Fixture       *f,
                     gconstpointer  data)
{
  CockpitBackupReminder *reminder = cockpit_backup_reminder_new (f->session, f->state_path);

  g_assert_true (cockpit_backup_reminder_get_session (reminder) == f->session);
  g_assert_cmpuint (cockpit_backup_reminder_get_hours (reminder), ==, 6);
  cockpit_backup_reminder_set_clock (reminder, fixture_now, f, NULL);
  cockpit_backup_reminder_check (reminder);
  g_assert_finalize_object (reminder);
}

static void
count_cb (gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
test_hours_property (Fixture       *f,
                     gconstpointer  data)
{
  guint notified = 0;
  guint hours = 0;

  f->reminder = cockpit_backup_reminder_new (f->session, f->state_path);
  g_signal_connect_swapped (f->reminder, "notify::hours", G_CALLBACK (count_cb), &notified);

  cockpit_backup_reminder_set_hours (f->reminder, 6);
  g_assert_cmpuint (notified, ==, 0);
  cockpit_backup_reminder_set_hours (f->reminder, 12);
  g_assert_cmpuint (notified, ==, 1);
  g_object_set (f->reminder, "hours", 12, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_object_set (f->reminder, "hours", 0, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_object_get (f->reminder, "hours", &hours, NULL);
  g_assert_cmpuint (hours, ==, 0);
}

/* The story: nothing at 30 hours left, one reminder at 5 hours left,
 * never a second one, not even after a restart. */
static void
test_once (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GDateTime) remind_at = globex_remind_at (f, 6);
  g_autofree char *other_state = g_build_filename (f->dir, "other", "reminders.json", NULL);
  GStatBuf st;

  f->reminder = new_reminder (f, f->state_path, 6);
  cockpit_backup_reminder_check (f->reminder);
  assert_reminded (f, "");
  assert_same_time (cockpit_backup_reminder_get_next_at (f->reminder), remind_at);
  g_assert_false (g_file_test (f->state_path, G_FILE_TEST_EXISTS));

  advance (f, 25 * 3600);
  cockpit_backup_reminder_check (f->reminder);
  assert_reminded (f, "globex");
  g_assert_null (cockpit_backup_reminder_get_next_at (f->reminder));

  cockpit_backup_reminder_check (f->reminder);
  refresh (f);
  cockpit_backup_reminder_check (f->reminder);
  assert_reminded (f, "globex");

  /* Kept for the user only. */
  g_assert_cmpint (g_stat (f->state_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A restart reads what was reminded of. */
  g_assert_finalize_object (g_steal_pointer (&f->reminder));
  f->reminder = new_reminder (f, f->state_path, 6);
  cockpit_backup_reminder_check (f->reminder);
  api_spin (50);
  assert_reminded (f, "globex");
  g_assert_finalize_object (g_steal_pointer (&f->reminder));

  /* Without that state, it would remind again. */
  f->reminder = new_reminder (f, other_state, 6);
  cockpit_backup_reminder_check (f->reminder);
  assert_reminded (f, "globex globex");
}

static void
test_off (Fixture       *f,
          gconstpointer  data)
{
  f->reminder = new_reminder (f, f->state_path, 0);
  cockpit_backup_reminder_check (f->reminder);
  g_assert_null (cockpit_backup_reminder_get_next_at (f->reminder));

  advance (f, 25 * 3600);
  cockpit_backup_reminder_check (f->reminder);
  api_spin (50);
  assert_reminded (f, "");
  g_assert_null (cockpit_backup_reminder_get_next_at (f->reminder));
  g_assert_false (g_file_test (f->state_path, G_FILE_TEST_EXISTS));

  /* Turned on again, it catches up. */
  cockpit_backup_reminder_set_hours (f->reminder, 6);
  cockpit_backup_reminder_check (f->reminder);
  assert_reminded (f, "globex");
}

/* Exactly at expires_at − hours it reminds; a second before, it does not. */
static void
test_edge (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GDateTime) remind_at = globex_remind_at (f, 6);

  f->fake_now = g_date_time_add_seconds (remind_at, -1);
  f->reminder = new_reminder (f, f->state_path, 6);
  cockpit_backup_reminder_check (f->reminder);
  assert_reminded (f, "");
  assert_same_time (cockpit_backup_reminder_get_next_at (f->reminder), remind_at);

  g_clear_pointer (&f->fake_now, g_date_time_unref);
  f->fake_now = g_date_time_ref (remind_at);
  cockpit_backup_reminder_check (f->reminder);
  assert_reminded (f, "globex");
}

/* A backup past its removal time is gone, even when the data shown still
 * lists it; so is one the cockpit removed. */
static void
test_expired (Fixture       *f,
              gconstpointer  data)
{
  GDateTime *expires_at = cockpit_upgrade_backup_get_expires_at (globex_backup (f));

  f->fake_now = g_date_time_ref (expires_at);
  f->reminder = new_reminder (f, f->state_path, 6);
  cockpit_backup_reminder_check (f->reminder);
  assert_reminded (f, "");
  g_assert_null (cockpit_backup_reminder_get_next_at (f->reminder));

  g_clear_pointer (&f->fake_now, g_date_time_unref);
  f->fake_now = g_date_time_add_hours (expires_at, 1);
  cockpit_backup_reminder_check (f->reminder);
  assert_reminded (f, "");

  g_clear_pointer (&f->fake_now, g_date_time_unref);
  advance (f, 31 * 3600);
  g_assert_null (cockpit_environment_get_upgrade_backup (globex_live (f)));
  cockpit_backup_reminder_check (f->reminder);
  assert_reminded (f, "");
  g_assert_null (cockpit_backup_reminder_get_next_at (f->reminder));
}

static void
extend_globex (Fixture *f)
{
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GError) error = NULL;

  action = sim_start_action (f->sim.client, globex_live (f), COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP,
                             NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* One stage of SIM_STAGE_SECONDS. */
  advance (f, (gint64) SIM_STAGE_SECONDS + 1);
  g_assert_true (cockpit_upgrade_backup_get_extended (globex_backup (f)));
}

static gboolean
next_at_is (gpointer data)
{
  gpointer *args = data;
  GDateTime *next_at = cockpit_backup_reminder_get_next_at (args[0]);

  return next_at != NULL && g_date_time_equal (next_at, args[1]);
}

/* An extension moves the reminder, by itself, with no check. */
static void
test_extension_moves (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) remind_at = globex_remind_at (f, 6);
  g_autoptr(GDateTime) moved = NULL;
  gpointer args[2];

  f->reminder = new_reminder (f, f->state_path, 6);
  cockpit_backup_reminder_check (f->reminder);
  assert_same_time (cockpit_backup_reminder_get_next_at (f->reminder), remind_at);

  extend_globex (f);
  moved = g_date_time_add (cockpit_upgrade_backup_get_max_expires_at (globex_backup (f)), -6 * G_TIME_SPAN_HOUR);
  args[0] = f->reminder;
  args[1] = moved;
  api_wait_until (next_at_is, args);

  /* Where the old reminder was due, nothing happens now. */
  advance (f, 25 * 3600);
  cockpit_backup_reminder_check (f->reminder);
  assert_reminded (f, "");
  assert_same_time (cockpit_backup_reminder_get_next_at (f->reminder), moved);
}

/* Extended after its reminder, the same backup is not reminded of again. */
static void
test_extended_after_reminder (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GDateTime) moved = NULL;
  g_autoptr(GDateTime) now = NULL;

  f->reminder = new_reminder (f, f->state_path, 6);
  advance (f, 25 * 3600);
  cockpit_backup_reminder_check (f->reminder);
  assert_reminded (f, "globex");

  extend_globex (f);
  cockpit_backup_reminder_check (f->reminder);
  g_assert_null (cockpit_backup_reminder_get_next_at (f->reminder));

  moved = g_date_time_add (cockpit_upgrade_backup_get_max_expires_at (globex_backup (f)), -5 * G_TIME_SPAN_HOUR);
  now = cockpit_simulator_get_now (f->sim.sim);
  advance (f, g_date_time_difference (moved, now) / G_TIME_SPAN_SECOND);
  g_assert_nonnull (cockpit_environment_get_upgrade_backup (globex_live (f)));
  cockpit_backup_reminder_check (f->reminder);
  assert_reminded (f, "globex");
}

static gboolean
reminded_any (gpointer data)
{
  Fixture *f = data;

  return f->reminded->len > 0;
}

/* With no check, the timer reminds when the time comes. */
static void
test_timer (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GDateTime) remind_at = globex_remind_at (f, 6);
  g_autoptr(GDateTime) real_now = g_date_time_new_now_utc ();

  /* The clock runs in real time, one and a half seconds short of it. */
  f->offset = g_date_time_difference (remind_at, real_now) - 1500 * G_TIME_SPAN_MILLISECOND;
  f->reminder = new_reminder (f, f->state_path, 6);
  cockpit_backup_reminder_check (f->reminder);
  assert_reminded (f, "");
  assert_same_time (cockpit_backup_reminder_get_next_at (f->reminder), remind_at);

  api_wait_until (reminded_any, f);
  assert_reminded (f, "globex");
  g_assert_null (cockpit_backup_reminder_get_next_at (f->reminder));
}

/* Data from the cache may be stale: the reminder waits for a refresh. */
static gboolean
not_saving_cache (gpointer data)
{
  return !_cockpit_session_get_saving_cache (data);
}

static void
test_from_cache (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *journal = g_build_filename (f->dir, "journal-2.json", NULL);
  g_autofree char *cache = g_build_filename (f->dir, "cache", NULL);
  CockpitSession *first;

  /* The cache now lists globex's backup, due for its reminder. */
  advance (f, 25 * 3600);
  api_wait_until (not_saving_cache, f->session);
  first = g_steal_pointer (&f->session);
  f->session = cockpit_session_new (f->sim.client, journal, cache);
  g_assert_true (cockpit_session_load_cache (f->session));
  g_assert_true (cockpit_session_get_from_cache (f->session));

  f->reminder = new_reminder (f, f->state_path, 6);
  cockpit_backup_reminder_check (f->reminder);
  api_spin (50);
  assert_reminded (f, "");

  /* Once the cockpit confirms it, the reminder comes by itself. */
  cockpit_session_refresh (f->session);
  api_wait_until (reminded_any, f);
  assert_reminded (f, "globex");

  g_assert_finalize_object (g_steal_pointer (&f->reminder));
  g_assert_finalize_object (first);
}

static void
write_state (Fixture    *f,
             const char *text)
{
  g_autofree char *dir = g_path_get_dirname (f->state_path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (f->state_path, text, -1, &error);
  g_assert_no_error (error);
}

/* Keys of backups older than 6 days go; younger ones stay. */
static void
test_prune (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GDateTime) now = cockpit_simulator_get_now (f->sim.sim);
  g_autoptr(GDateTime) old = g_date_time_add_days (now, -7);
  g_autoptr(GDateTime) young = g_date_time_add_days (now, -2);
  g_autofree char *old_text = cockpit_date_time_format (old);
  g_autofree char *young_text = cockpit_date_time_format (young);
  g_autofree char *state = NULL;
  g_autofree char *contents = NULL;

  state = g_strdup_printf ("{\"reminded\": ["
                           "{\"package_id\": \"gone\", \"created_at\": \"%s\"},"
                           "{\"package_id\": \"other\", \"created_at\": \"%s\"},"
                           "{\"package_id\": 7, \"created_at\": []},"
                           "\"junk\"]}", old_text, young_text);
  write_state (f, state);

  f->reminder = new_reminder (f, f->state_path, 6);
  advance (f, 25 * 3600);
  cockpit_backup_reminder_check (f->reminder);
  assert_reminded (f, "globex");

  g_assert_true (g_file_get_contents (f->state_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"globex\""));
  g_assert_nonnull (strstr (contents, "\"other\""));
  g_assert_null (strstr (contents, "\"gone\""));
  g_assert_null (strstr (contents, "junk"));
}

/* A damaged state file is as good as none, and gets written anew. */
static void
test_damaged_state (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;

  write_state (f, "{\"reminded\": [ not json");

  f->reminder = new_reminder (f, f->state_path, 6);
  advance (f, 25 * 3600);
  cockpit_backup_reminder_check (f->reminder);
  assert_reminded (f, "globex");

  node = api_read_json_file (f->state_path);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cockpit/backup-reminder/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create-destroy", test_create_destroy);
  ADD ("hours-property", test_hours_property);
  ADD ("once", test_once);
  ADD ("off", test_off);
  ADD ("edge", test_edge);
  ADD ("expired", test_expired);
  ADD ("extension-moves", test_extension_moves);
  ADD ("extended-after-reminder", test_extended_after_reminder);
  ADD ("timer", test_timer);
  ADD ("from-cache", test_from_cache);
  ADD ("prune", test_prune);
  ADD ("damaged-state", test_damaged_state);

#undef ADD

  return g_test_run ();
}
