/* test-activity-entry.c: one line of the activity log, and its JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-model-util.h"

static const char *sample =
  "{\"id\": \"ent-301\", \"at\": \"2026-11-26T09:42:00Z\", \"type\": \"info\","
  " \"activity\": \"LIVE environment has been upgraded to 6.3.21.\", \"affects\": \"live\","
  " \"by\": \"Alex Example\", \"started_at\": \"2026-11-26T09:30:00Z\","
  " \"finished_at\": \"2026-11-26T09:42:00Z\","
  " \"bundle\": \"magnolia-dx-core-cloud-webapp-6.3.21\", \"action_id\": \"act-42\"}";

/* An expired upgrade backup removed by the system: no action. */
static const char *system_sample =
  "{\"id\": \"ent-302\", \"at\": \"2026-12-01T09:30:00Z\", \"type\": \"warning\","
  " \"activity\": \"The upgrade backup of LIVE has expired and was removed.\", \"affects\": null,"
  " \"by\": \"System\", \"started_at\": null, \"finished_at\": null,"
  " \"bundle\": null, \"action_id\": null}";

static void
test_create (void)
{
  CockpitActivityEntry *entry = cockpit_activity_entry_new ();

  g_assert_cmpint (cockpit_activity_entry_get_entry_type (entry), ==, COCKPIT_ENTRY_TYPE_INFO);
  g_assert_cmpint (cockpit_activity_entry_get_affects (entry), ==, COCKPIT_ENVIRONMENT_KIND_NONE);
  g_assert_null (cockpit_activity_entry_get_action_id (entry));

  cockpit_activity_entry_set_id (entry, "ent-1");
  cockpit_activity_entry_set_activity (entry, "Something happened.");
  cockpit_activity_entry_set_by (entry, "System");
  cockpit_activity_entry_set_affects (entry, COCKPIT_ENVIRONMENT_KIND_UAT);
  g_assert_finalize_object (entry);
}

static void
test_notify_enum (void)
{
  g_autoptr(CockpitActivityEntry) entry = cockpit_activity_entry_new ();
  guint type_count, affects_count;

  model_watch_notify (entry, "type", &type_count);
  model_watch_notify (entry, "affects", &affects_count);
  cockpit_activity_entry_set_entry_type (entry, COCKPIT_ENTRY_TYPE_ERROR);
  cockpit_activity_entry_set_entry_type (entry, COCKPIT_ENTRY_TYPE_ERROR);
  g_assert_cmpuint (type_count, ==, 1);
  cockpit_activity_entry_set_affects (entry, COCKPIT_ENVIRONMENT_KIND_NONE);
  g_assert_cmpuint (affects_count, ==, 0);
  cockpit_activity_entry_set_affects (entry, COCKPIT_ENVIRONMENT_KIND_LIVE);
  cockpit_activity_entry_set_affects (entry, COCKPIT_ENVIRONMENT_KIND_LIVE);
  g_assert_cmpuint (affects_count, ==, 1);
  cockpit_activity_entry_set_affects (entry, COCKPIT_ENVIRONMENT_KIND_NONE);
  g_assert_cmpuint (affects_count, ==, 2);
  g_assert_cmpuint (type_count, ==, 1);
}

static void
test_notify_string (void)
{
  g_autoptr(CockpitActivityEntry) entry = cockpit_activity_entry_new ();
  guint count;

  model_watch_notify (entry, "action-id", &count);
  cockpit_activity_entry_set_action_id (entry, "act-42");
  cockpit_activity_entry_set_action_id (entry, "act-42");
  g_assert_cmpuint (count, ==, 1);
  cockpit_activity_entry_set_action_id (entry, NULL);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_notify_time (void)
{
  g_autoptr(CockpitActivityEntry) entry = cockpit_activity_entry_new ();
  g_autoptr(GDateTime) a = model_time ("2026-11-26T09:30:00Z");
  g_autoptr(GDateTime) b = model_time ("2026-11-26T09:42:00Z");
  guint at_count, started_count;

  model_watch_notify (entry, "at", &at_count);
  model_watch_notify (entry, "started-at", &started_count);
  cockpit_activity_entry_set_at (entry, a);
  cockpit_activity_entry_set_at (entry, a);
  cockpit_activity_entry_set_at (entry, b);
  g_assert_cmpuint (at_count, ==, 2);
  g_assert_cmpuint (started_count, ==, 0);
}

static void
test_notify_all (void)
{
  g_autoptr(CockpitActivityEntry) entry = cockpit_activity_entry_new ();

  model_assert_notify_all (entry);
}

static void
test_decode (void)
{
  g_autoptr(CockpitActivityEntry) entry = model_decode (COCKPIT_TYPE_ACTIVITY_ENTRY, sample);

  g_assert_cmpstr (cockpit_activity_entry_get_id (entry), ==, "ent-301");
  model_assert_time (cockpit_activity_entry_get_at (entry), "2026-11-26T09:42:00Z");
  g_assert_cmpint (cockpit_activity_entry_get_entry_type (entry), ==, COCKPIT_ENTRY_TYPE_INFO);
  g_assert_cmpstr (cockpit_activity_entry_get_activity (entry), ==,
                   "LIVE environment has been upgraded to 6.3.21.");
  g_assert_cmpint (cockpit_activity_entry_get_affects (entry), ==, COCKPIT_ENVIRONMENT_KIND_LIVE);
  g_assert_cmpstr (cockpit_activity_entry_get_by (entry), ==, "Alex Example");
  model_assert_time (cockpit_activity_entry_get_started_at (entry), "2026-11-26T09:30:00Z");
  model_assert_time (cockpit_activity_entry_get_finished_at (entry), "2026-11-26T09:42:00Z");
  g_assert_cmpstr (cockpit_activity_entry_get_bundle (entry), ==,
                   "magnolia-dx-core-cloud-webapp-6.3.21");
  g_assert_cmpstr (cockpit_activity_entry_get_action_id (entry), ==, "act-42");
  model_assert_same_members (entry, sample);
}

static void
test_decode_system (void)
{
  g_autoptr(CockpitActivityEntry) entry = model_decode (COCKPIT_TYPE_ACTIVITY_ENTRY, system_sample);

  g_assert_cmpint (cockpit_activity_entry_get_entry_type (entry), ==, COCKPIT_ENTRY_TYPE_WARNING);
  g_assert_cmpint (cockpit_activity_entry_get_affects (entry), ==, COCKPIT_ENVIRONMENT_KIND_NONE);
  g_assert_cmpstr (cockpit_activity_entry_get_by (entry), ==, "System");
  g_assert_null (cockpit_activity_entry_get_started_at (entry));
  g_assert_null (cockpit_activity_entry_get_finished_at (entry));
  g_assert_null (cockpit_activity_entry_get_bundle (entry));
  g_assert_null (cockpit_activity_entry_get_action_id (entry));
  model_assert_same_members (entry, system_sample);
  model_assert_round_trip (entry);
}

static void
test_round_trip (void)
{
  g_autoptr(CockpitActivityEntry) entry = model_decode (COCKPIT_TYPE_ACTIVITY_ENTRY, sample);
  g_autoptr(JsonNode) node = NULL;

  model_assert_round_trip (entry);

  /* "none" is written as null, never as a string. */
  cockpit_activity_entry_set_affects (entry, COCKPIT_ENVIRONMENT_KIND_NONE);
  node = cockpit_json_encode (entry);
  g_assert_true (json_object_get_null_member (json_node_get_object (node), "affects"));
  model_assert_round_trip (entry);
}

static void
test_nullable (void)
{
  static const char * const nullable[] = {
    "affects", "started_at", "finished_at", "bundle", "action_id", NULL
  };

  model_assert_nullable_members (COCKPIT_TYPE_ACTIVITY_ENTRY, sample, nullable);
}

/* No RFC 3339 time from the cockpit's text reaches the screen as it
 * is: each is written the way the app writes every date (TZ=UTC here). */
static void
test_display_activity (void)
{
  static const struct {
    const char *text;
    const char *shown;
  } cases[] = {
    { "The upgrade backup of the LIVE environment has been extended until 2026-12-07T09:15:00Z.",
      "The upgrade backup of the LIVE environment has been extended until Monday 7 December 2026 at 09:15." },
    /* Another offset, fractions of a second, lower-case letters. */
    { "Kept until 2026-12-07T10:15:00+01:00.", "Kept until Monday 7 December 2026 at 09:15." },
    { "Kept until 2026-12-07T09:15:30.250Z.", "Kept until Monday 7 December 2026 at 09:15." },
    { "Kept until 2026-12-07t09:15:00z.", "Kept until Monday 7 December 2026 at 09:15." },
    /* Two in one text. */
    { "From 2026-11-30T10:00:00Z to 2026-12-07T09:15:00Z.",
      "From Monday 30 November 2026 at 10:00 to Monday 7 December 2026 at 09:15." },
    /* What is not a time stays as it is. */
    { "LIVE environment has been upgraded to 6.3.21.", "LIVE environment has been upgraded to 6.3.21." },
    { "Not a time: 2026-13-45T99:99:99Z.", "Not a time: 2026-13-45T99:99:99Z." },
    { "", "" },
  };
  g_autoptr(GRegex) raw = g_regex_new ("[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}", 0, 0, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CockpitActivityEntry) entry = cockpit_activity_entry_new ();
      g_autofree char *shown = NULL;
      g_autofree char *direct = cockpit_format_date_times_in_text (cases[i].text, COCKPIT_DATE_LONG);

      cockpit_activity_entry_set_activity (entry, cases[i].text);
      shown = cockpit_activity_entry_dup_display_activity (entry);
      g_assert_cmpstr (shown, ==, cases[i].shown);
      g_assert_cmpstr (direct, ==, cases[i].shown);
      /* The text the cockpit sent is kept, for search and export. */
      g_assert_cmpstr (cockpit_activity_entry_get_activity (entry), ==, cases[i].text);
      if (strstr (cases[i].text, "99:99") == NULL)
        g_assert_false (g_regex_match (raw, shown, 0, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/model/activity-entry/create", test_create);
  g_test_add_func ("/cockpit/model/activity-entry/notify/enum", test_notify_enum);
  g_test_add_func ("/cockpit/model/activity-entry/notify/string", test_notify_string);
  g_test_add_func ("/cockpit/model/activity-entry/notify/time", test_notify_time);
  g_test_add_func ("/cockpit/model/activity-entry/notify/all", test_notify_all);
  g_test_add_func ("/cockpit/model/activity-entry/decode", test_decode);
  g_test_add_func ("/cockpit/model/activity-entry/decode-system", test_decode_system);
  g_test_add_func ("/cockpit/model/activity-entry/round-trip", test_round_trip);
  g_test_add_func ("/cockpit/model/activity-entry/nullable", test_nullable);
  g_test_add_func ("/cockpit/model/activity-entry/display-activity", test_display_activity);

  return g_test_run ();
}
