/* test-action-error.c: why an action failed, and its JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-model-util.h"

static const char *sample =
  "{\"code\": \"verify_failed\", \"message\": \"The new version did not start.\"}";

static void
test_create (void)
{
  CockpitActionError *error = cockpit_action_error_new ();

  g_assert_null (cockpit_action_error_get_code (error));
  g_assert_null (cockpit_action_error_get_message (error));
  cockpit_action_error_set_code (error, "verify_failed");
  cockpit_action_error_set_message (error, "The new version did not start.");
  g_assert_finalize_object (error);
}

static void
test_notify_string (void)
{
  g_autoptr(CockpitActionError) error = cockpit_action_error_new ();
  guint code_count, message_count;

  model_watch_notify (error, "code", &code_count);
  model_watch_notify (error, "message", &message_count);
  cockpit_action_error_set_code (error, "verify_failed");
  cockpit_action_error_set_code (error, "verify_failed");
  g_assert_cmpuint (code_count, ==, 1);
  g_assert_cmpuint (message_count, ==, 0);
  cockpit_action_error_set_message (error, "");
  g_assert_cmpuint (message_count, ==, 1);
  /* An empty string is not the same as no string. */
  cockpit_action_error_set_message (error, NULL);
  g_assert_cmpuint (message_count, ==, 2);
  g_assert_cmpuint (code_count, ==, 1);
}

static void
test_notify_all (void)
{
  g_autoptr(CockpitActionError) error = cockpit_action_error_new ();

  model_assert_notify_all (error);
}

static void
test_decode (void)
{
  g_autoptr(CockpitActionError) error = model_decode (COCKPIT_TYPE_ACTION_ERROR, sample);

  g_assert_cmpstr (cockpit_action_error_get_code (error), ==, "verify_failed");
  g_assert_cmpstr (cockpit_action_error_get_message (error), ==, "The new version did not start.");
  model_assert_same_members (error, sample);
}

static void
test_round_trip (void)
{
  g_autoptr(CockpitActionError) error = model_decode (COCKPIT_TYPE_ACTION_ERROR, sample);

  model_assert_round_trip (error);
  cockpit_action_error_set_message (error, "Quotes \" and \\ and ünïcödé survive.");
  model_assert_round_trip (error);
}

static void
test_nullable (void)
{
  static const char * const nullable[] = { NULL };

  model_assert_nullable_members (COCKPIT_TYPE_ACTION_ERROR, sample, nullable);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/model/action-error/create", test_create);
  g_test_add_func ("/cockpit/model/action-error/notify/string", test_notify_string);
  g_test_add_func ("/cockpit/model/action-error/notify/all", test_notify_all);
  g_test_add_func ("/cockpit/model/action-error/decode", test_decode);
  g_test_add_func ("/cockpit/model/action-error/round-trip", test_round_trip);
  g_test_add_func ("/cockpit/model/action-error/nullable", test_nullable);

  return g_test_run ();
}
