/* test-action-intent.c: an intent of the action tracker as typed data, and its journal entry.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cockpit-json.h"
#include "cockpit-action-intent-private.h"

/* An entry as the journal has always written it. */
#define ENTRY(kind, params, then)                                        \
  "{\"cockpit\": \"https://cockpit.example\", \"idempotency_key\": \"k-1\"," \
  " \"package_id\": \"acme-web\", \"environment_id\": \"live-1\","       \
  " \"kind\": \"" kind "\", \"params\": " params ","                      \
  " \"started_at\": \"2026-03-01T10:00:00Z\", \"action_id\": null,"      \
  " \"then\": " then "}"

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = cockpit_json_parse (text, -1, &error);

  g_assert_no_error (error);
  return node;
}

static gboolean
read_entry (const char    *text,
            CockpitIntent *intent)
{
  g_autoptr(JsonNode) node = parse (text);

  return cockpit_intent_from_json (node, intent);
}

/* Writes @intent and reads it back: every field comes back as it was. */
static void
assert_round_trip (const CockpitIntent *intent)
{
  g_autoptr(JsonNode) node = cockpit_intent_to_json (intent);
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr(JsonNode) reparsed = parse (text);
  CockpitIntent back;

  g_assert_true (cockpit_intent_from_json (reparsed, &back));
  g_assert_cmpstr (back.cockpit, ==, intent->cockpit);
  g_assert_cmpstr (back.key, ==, intent->key);
  g_assert_cmpstr (back.package_id, ==, intent->package_id);
  g_assert_cmpstr (back.environment_id, ==, intent->environment_id);
  g_assert_cmpint (back.kind, ==, intent->kind);
  g_assert_cmpstr (back.target_version, ==, intent->target_version);
  g_assert_true ((back.expires_at == NULL) == (intent->expires_at == NULL));
  if (intent->expires_at != NULL)
    g_assert_true (g_date_time_equal (back.expires_at, intent->expires_at));
  g_assert_true (g_date_time_equal (back.started_at, intent->started_at));
  g_assert_cmpstr (back.action_id, ==, intent->action_id);
  g_assert_true ((back.then == NULL) == (intent->then == NULL));
  if (intent->then != NULL)
    {
      g_assert_cmpint (back.then->kind, ==, intent->then->kind);
      g_assert_cmpint (back.then->environment_kind, ==, intent->then->environment_kind);
      g_assert_cmpstr (back.then->target_version, ==, intent->then->target_version);
    }
  cockpit_intent_clear (&back);
}

static void
fill (CockpitIntent     *intent,
      CockpitActionKind  kind)
{
  memset (intent, 0, sizeof *intent);
  intent->cockpit = g_strdup ("https://cockpit.example");
  intent->key = g_strdup ("0f8e5a40-1c2b-4d6e-9f00-123456789abc");
  intent->package_id = g_strdup ("acme-web");
  intent->environment_id = g_strdup ("live-1");
  intent->kind = kind;
  intent->started_at = g_date_time_new_utc (2026, 3, 1, 10, 0, 0);
}

static void
test_round_trip_upgrade (void)
{
  CockpitIntent intent;

  fill (&intent, COCKPIT_ACTION_KIND_UPGRADE);
  intent.target_version = g_strdup ("6.3.21");
  intent.action_id = g_strdup ("act-7");
  assert_round_trip (&intent);
  cockpit_intent_clear (&intent);
}

static void
test_round_trip_extend (void)
{
  CockpitIntent intent;

  fill (&intent, COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP);
  intent.expires_at = g_date_time_new_utc (2026, 3, 4, 18, 30, 0);
  assert_round_trip (&intent);
  cockpit_intent_clear (&intent);

  /* No end asked for: the cockpit's default, and it stays so. */
  fill (&intent, COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP);
  assert_round_trip (&intent);
  cockpit_intent_clear (&intent);
}

static void
test_round_trip_followup (void)
{
  CockpitIntent intent;

  fill (&intent, COCKPIT_ACTION_KIND_CREATE_BACKUP);
  intent.then = g_new0 (CockpitIntentFollowup, 1);
  intent.then->kind = COCKPIT_ACTION_KIND_UPGRADE;
  intent.then->environment_kind = COCKPIT_ENVIRONMENT_KIND_LIVE;
  intent.then->target_version = g_strdup ("6.4.0");
  assert_round_trip (&intent);
  cockpit_intent_clear (&intent);
}

/* The parameters as an action known only from the journal shows them. */
static void
test_params (void)
{
  CockpitIntent intent;
  g_autoptr(JsonNode) params = NULL;
  g_autofree char *text = NULL;

  fill (&intent, COCKPIT_ACTION_KIND_UPGRADE);
  intent.target_version = g_strdup ("6.3.21");
  params = cockpit_intent_params_to_json (&intent);
  text = json_to_string (params, FALSE);
  g_assert_cmpstr (text, ==, "{\"target_version\":\"6.3.21\"}");
  cockpit_intent_clear (&intent);
}

/* An entry written by an earlier version of the app reads the same. */
static void
test_read_existing (void)
{
  CockpitIntent intent;

  g_assert_true (read_entry (ENTRY ("create_backup", "{}",
                                    "{\"kind\": \"upgrade\", \"environment_kind\": \"live\","
                                    " \"params\": {\"target_version\": \"6.4.0\"}}"),
                             &intent));
  g_assert_cmpint (intent.kind, ==, COCKPIT_ACTION_KIND_CREATE_BACKUP);
  g_assert_null (intent.target_version);
  g_assert_null (intent.expires_at);
  g_assert_null (intent.action_id);
  g_assert_nonnull (intent.then);
  g_assert_cmpint (intent.then->kind, ==, COCKPIT_ACTION_KIND_UPGRADE);
  g_assert_cmpint (intent.then->environment_kind, ==, COCKPIT_ENVIRONMENT_KIND_LIVE);
  g_assert_cmpstr (intent.then->target_version, ==, "6.4.0");
  cockpit_intent_clear (&intent);

  g_assert_true (read_entry (ENTRY ("extend_upgrade_backup", "{\"expires_at\": \"2026-03-04T18:30:00Z\"}", "null"),
                             &intent));
  g_assert_nonnull (intent.expires_at);
  g_assert_cmpint (g_date_time_get_day_of_month (intent.expires_at), ==, 4);
  g_assert_null (intent.then);
  cockpit_intent_clear (&intent);

  /* A follow-up of a kind this version does not know is left out, as
   * before; the entry itself is still followed. */
  g_assert_true (read_entry (ENTRY ("create_backup", "{}", "{\"kind\": \"replicate\"}"), &intent));
  g_assert_null (intent.then);
  cockpit_intent_clear (&intent);
}

static const struct {
  const char *name;
  const char *text;
} malformed[] = {
  { "not an object", "[1, 2]" },
  { "no cockpit",
    "{\"idempotency_key\": \"k\", \"package_id\": \"p\", \"environment_id\": \"e\", \"kind\": \"teardown\","
    " \"params\": {}, \"started_at\": \"2026-03-01T10:00:00Z\"}" },
  { "unknown kind", ENTRY ("explode", "{}", "null") },
  { "params not an object", ENTRY ("teardown", "[]", "null") },
  { "no params",
    "{\"cockpit\": \"c\", \"idempotency_key\": \"k\", \"package_id\": \"p\", \"environment_id\": \"e\","
    " \"kind\": \"teardown\", \"started_at\": \"2026-03-01T10:00:00Z\"}" },
  { "started_at not a time",
    "{\"cockpit\": \"c\", \"idempotency_key\": \"k\", \"package_id\": \"p\", \"environment_id\": \"e\","
    " \"kind\": \"teardown\", \"params\": {}, \"started_at\": \"yesterday\"}" },
  { "upgrade without its version", ENTRY ("upgrade", "{}", "null") },
  { "upgrade version not a string", ENTRY ("upgrade", "{\"target_version\": 6}", "null") },
  { "expires_at not a time", ENTRY ("extend_upgrade_backup", "{\"expires_at\": \"soon\"}", "null") },
  { "expires_at a number", ENTRY ("extend_upgrade_backup", "{\"expires_at\": 1700000000}", "null") },
  { "follow-up upgrade without its version",
    ENTRY ("create_backup", "{}", "{\"kind\": \"upgrade\", \"environment_kind\": \"live\", \"params\": {}}") },
};

static void
test_malformed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      CockpitIntent intent;

      g_test_message ("%s", malformed[i].name);
      g_assert_false (read_entry (malformed[i].text, &intent));
      /* Nothing is half filled in. */
      g_assert_null (intent.cockpit);
      g_assert_null (intent.key);
      g_assert_null (intent.started_at);
      g_assert_null (intent.then);
    }
}

/* An id longer than any id can be makes the entry unreadable. */
static void
test_malformed_long_string (void)
{
  g_autofree char *long_id = g_strnfill (COCKPIT_TEXT_MAX_EXACT + 1, 'x');
  g_autofree char *text = g_strdup_printf ("{\"cockpit\": \"c\", \"idempotency_key\": \"%s\", \"package_id\": \"p\","
                                           " \"environment_id\": \"e\", \"kind\": \"teardown\", \"params\": {},"
                                           " \"started_at\": \"2026-03-01T10:00:00Z\"}", long_id);
  CockpitIntent intent;

  g_assert_false (read_entry (text, &intent));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/action-intent/round-trip/upgrade", test_round_trip_upgrade);
  g_test_add_func ("/cockpit/action-intent/round-trip/extend", test_round_trip_extend);
  g_test_add_func ("/cockpit/action-intent/round-trip/followup", test_round_trip_followup);
  g_test_add_func ("/cockpit/action-intent/params", test_params);
  g_test_add_func ("/cockpit/action-intent/read-existing", test_read_existing);
  g_test_add_func ("/cockpit/action-intent/malformed", test_malformed);
  g_test_add_func ("/cockpit/action-intent/malformed/long-string", test_malformed_long_string);

  return g_test_run ();
}
