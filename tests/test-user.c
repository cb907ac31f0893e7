/* test-user.c: the person signed in, and its JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-model-util.h"

static const char *sample =
  "{\"name\": \"Alex Example\", \"email\": \"alex@example.com\", \"role\": \"developer\"}";

static void
test_create (void)
{
  CockpitUser *user = cockpit_user_new ();

  g_assert_null (cockpit_user_get_name (user));
  g_assert_null (cockpit_user_get_email (user));
  g_assert_cmpint (cockpit_user_get_role (user), ==, COCKPIT_ROLE_OWNER);

  cockpit_user_set_name (user, "Alex Example");
  cockpit_user_set_email (user, "alex@example.com");
  cockpit_user_set_role (user, COCKPIT_ROLE_DEVELOPER);
  g_assert_finalize_object (user);
}

static void
test_notify_string (void)
{
  g_autoptr(CockpitUser) user = cockpit_user_new ();
  g_autofree char *same = g_strdup ("Alex Example");
  guint count;

  model_watch_notify (user, "name", &count);
  cockpit_user_set_name (user, "Alex Example");
  g_assert_cmpuint (count, ==, 1);
  cockpit_user_set_name (user, same);
  g_assert_cmpuint (count, ==, 1);
  cockpit_user_set_name (user, "Sam Example");
  g_assert_cmpuint (count, ==, 2);
  cockpit_user_set_name (user, NULL);
  g_assert_cmpuint (count, ==, 3);
  cockpit_user_set_name (user, NULL);
  g_assert_cmpuint (count, ==, 3);
  g_assert_null (cockpit_user_get_name (user));
}

static void
test_notify_enum (void)
{
  g_autoptr(CockpitUser) user = cockpit_user_new ();
  guint count;

  model_watch_notify (user, "role", &count);
  cockpit_user_set_role (user, COCKPIT_ROLE_OWNER);
  g_assert_cmpuint (count, ==, 0);
  cockpit_user_set_role (user, COCKPIT_ROLE_DEVELOPER);
  g_assert_cmpuint (count, ==, 1);
  g_object_set (user, "role", COCKPIT_ROLE_DEVELOPER, NULL);
  g_assert_cmpuint (count, ==, 1);
  g_object_set (user, "role", COCKPIT_ROLE_OWNER, NULL);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_notify_all (void)
{
  g_autoptr(CockpitUser) user = cockpit_user_new ();

  model_assert_notify_all (user);
}

static void
test_decode (void)
{
  g_autoptr(CockpitUser) user = model_decode (COCKPIT_TYPE_USER, sample);

  g_assert_cmpstr (cockpit_user_get_name (user), ==, "Alex Example");
  g_assert_cmpstr (cockpit_user_get_email (user), ==, "alex@example.com");
  g_assert_cmpint (cockpit_user_get_role (user), ==, COCKPIT_ROLE_DEVELOPER);
  model_assert_same_members (user, sample);
}

static void
test_round_trip (void)
{
  g_autoptr(CockpitUser) user = model_decode (COCKPIT_TYPE_USER, sample);

  model_assert_round_trip (user);
  cockpit_user_set_role (user, COCKPIT_ROLE_OWNER);
  model_assert_round_trip (user);
}

static void
test_nullable (void)
{
  static const char * const nullable[] = { NULL };

  model_assert_nullable_members (COCKPIT_TYPE_USER, sample, nullable);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/model/user/create", test_create);
  g_test_add_func ("/cockpit/model/user/notify/string", test_notify_string);
  g_test_add_func ("/cockpit/model/user/notify/enum", test_notify_enum);
  g_test_add_func ("/cockpit/model/user/notify/all", test_notify_all);
  g_test_add_func ("/cockpit/model/user/decode", test_decode);
  g_test_add_func ("/cockpit/model/user/round-trip", test_round_trip);
  g_test_add_func ("/cockpit/model/user/nullable", test_nullable);

  return g_test_run ();
}
