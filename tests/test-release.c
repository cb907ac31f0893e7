/* test-release.c: an installable Magnolia version, and its JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-model-util.h"

static const char *sample =
  "{\"version\": \"6.3.21\", \"branch\": \"6.3\", \"lts\": true,"
  " \"released_at\": \"2026-11-10T12:00:00Z\","
  " \"release_notes_url\": \"https://docs.magnolia-cms.com/release-notes/6.3.21\"}";

static void
test_create (void)
{
  g_autoptr(GDateTime) released = model_time ("2026-11-10T12:00:00Z");
  CockpitRelease *release = cockpit_release_new ("6.2.42-sp1", TRUE, released);

  g_assert_cmpstr (cockpit_release_get_version (release), ==, "6.2.42-sp1");
  g_assert_cmpstr (cockpit_release_get_branch (release), ==, "6.2");
  g_assert_true (cockpit_release_get_lts (release));
  g_assert_true (cockpit_release_get_released_at (release) == released);
  g_assert_null (cockpit_release_get_release_notes_url (release));
  g_assert_finalize_object (release);

  /* A version that does not parse has no branch. */
  release = cockpit_release_new ("next", FALSE, NULL);
  g_assert_null (cockpit_release_get_branch (release));
  g_assert_finalize_object (release);
}

static void
test_notify_string (void)
{
  g_autoptr(CockpitRelease) release = cockpit_release_new ("6.3.21", FALSE, NULL);
  guint count;

  model_watch_notify (release, "version", &count);
  cockpit_release_set_version (release, "6.3.21");
  g_assert_cmpuint (count, ==, 0);
  cockpit_release_set_version (release, "6.3.22");
  g_assert_cmpuint (count, ==, 1);
  cockpit_release_set_version (release, "6.3.22");
  g_assert_cmpuint (count, ==, 1);
}

static void
test_notify_bool (void)
{
  g_autoptr(CockpitRelease) release = cockpit_release_new ("6.3.21", FALSE, NULL);
  guint count;

  model_watch_notify (release, "lts", &count);
  cockpit_release_set_lts (release, FALSE);
  g_assert_cmpuint (count, ==, 0);
  cockpit_release_set_lts (release, TRUE);
  cockpit_release_set_lts (release, 2);
  g_assert_cmpuint (count, ==, 1);
}

static void
test_notify_time (void)
{
  g_autoptr(CockpitRelease) release = cockpit_release_new ("6.3.21", FALSE, NULL);
  g_autoptr(GDateTime) a = model_time ("2026-11-10T12:00:00Z");
  g_autoptr(GDateTime) a_again = model_time ("2026-11-10T07:00:00-05:00");
  guint count;

  model_watch_notify (release, "released-at", &count);
  cockpit_release_set_released_at (release, a);
  cockpit_release_set_released_at (release, a_again);
  g_assert_cmpuint (count, ==, 1);
  cockpit_release_set_released_at (release, NULL);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_notify_all (void)
{
  g_autoptr(CockpitRelease) release = cockpit_release_new ("6.3.21", FALSE, NULL);

  model_assert_notify_all (release);
}

static void
test_decode (void)
{
  g_autoptr(CockpitRelease) release = model_decode (COCKPIT_TYPE_RELEASE, sample);

  g_assert_cmpstr (cockpit_release_get_version (release), ==, "6.3.21");
  g_assert_cmpstr (cockpit_release_get_branch (release), ==, "6.3");
  g_assert_true (cockpit_release_get_lts (release));
  model_assert_time (cockpit_release_get_released_at (release), "2026-11-10T12:00:00Z");
  g_assert_cmpstr (cockpit_release_get_release_notes_url (release), ==,
                   "https://docs.magnolia-cms.com/release-notes/6.3.21");
  model_assert_same_members (release, sample);
}

static void
test_round_trip (void)
{
  g_autoptr(CockpitRelease) release = model_decode (COCKPIT_TYPE_RELEASE, sample);

  model_assert_round_trip (release);
  cockpit_release_set_release_notes_url (release, NULL);
  model_assert_round_trip (release);
}

static void
test_nullable (void)
{
  static const char * const nullable[] = { "release_notes_url", NULL };

  model_assert_nullable_members (COCKPIT_TYPE_RELEASE, sample, nullable);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/model/release/create", test_create);
  g_test_add_func ("/cockpit/model/release/notify/string", test_notify_string);
  g_test_add_func ("/cockpit/model/release/notify/bool", test_notify_bool);
  g_test_add_func ("/cockpit/model/release/notify/time", test_notify_time);
  g_test_add_func ("/cockpit/model/release/notify/all", test_notify_all);
  g_test_add_func ("/cockpit/model/release/decode", test_decode);
  g_test_add_func ("/cockpit/model/release/round-trip", test_round_trip);
  g_test_add_func ("/cockpit/model/release/nullable", test_nullable);

  return g_test_run ();
}
