/* test-json.c: the strict JSON decoder, the list envelope and updating in place.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-model-util.h"

/* Valid pieces of the contract, small enough to build malformed texts
 * from by string concatenation. */
#define TS "\"2026-11-26T09:30:00Z\""
#define USER(name, email, role) \
  "{\"name\": " name ", \"email\": " email ", \"role\": " role "}"
#define BACKUP(created_at) \
  "{\"id\": \"bak-1\", \"created_at\": " created_at ", \"magnolia_version\": \"6.3.18\"}"
#define UPGRADE_BACKUP(expires_at, extended) \
  "{\"from_version\": \"6.3.18\", \"to_version\": \"6.3.21\", \"created_at\": " TS "," \
  " \"expires_at\": " expires_at ", \"max_expires_at\": " TS ", \"extended\": " extended "}"
#define UPGRADE_BACKUP_OK UPGRADE_BACKUP ("\"2026-11-28T09:30:00Z\"", "false")
#define ENVIRONMENT(id, kind, upgrade_backup, backup) \
  "{\"id\": " id ", \"package_id\": \"acmeweb\", \"kind\": " kind ", \"name\": \"Env\"," \
  " \"magnolia_version\": \"6.3.18\", \"bundle\": null, \"state\": \"running\", \"url\": null," \
  " \"protected\": false, \"last_upgraded_at\": null, \"upgrade_backup\": " upgrade_backup "," \
  " \"latest_manual_backup\": " backup "}"
#define LIVE ENVIRONMENT ("\"acmeweb-live\"", "\"live\"", UPGRADE_BACKUP_OK, "null")
#define UAT ENVIRONMENT ("\"acmeweb-uat\"", "\"uat\"", "null", "null")
#define INTEGRATION ENVIRONMENT ("\"acmeweb-int\"", "\"integration\"", "null", "null")
#define STAGE(name, status) \
  "{\"name\": " name ", \"status\": " status ", \"started_at\": null, \"finished_at\": null}"
#define STAGES_OK \
  STAGE ("\"create_replica\"", "\"done\"") ", " STAGE ("\"deploy_version\"", "\"running\"") ", " \
  STAGE ("\"verify_replica\"", "\"pending\"")
#define ACTION(params, stages, progress, error) \
  "{\"id\": \"act-1\", \"package_id\": \"acmeweb\", \"environment_id\": \"acmeweb-uat\"," \
  " \"kind\": \"upgrade\", \"params\": " params ", \"status\": \"running\"," \
  " \"stage\": \"deploy_version\", \"stages\": " stages ", \"progress\": " progress "," \
  " \"requested_by\": \"Alex Example\", \"created_at\": " TS ", \"finished_at\": null," \
  " \"error\": " error "}"
#define ACTION_OK ACTION ("{\"target_version\": \"6.3.21\"}", "[" STAGES_OK "]", "0.4", "null")
#define PACKAGE(action, environments) \
  "{\"id\": \"acmeweb\", \"name\": \"Acme\", \"status\": \"ok\", \"status_text\": \"All good\"," \
  " \"maintenance_message\": null, \"running_action\": " action ", \"environments\": " environments "," \
  " \"active_plan\": null}"
#define PACKAGE_OK PACKAGE (ACTION_OK, "[" LIVE ", " UAT ", " INTEGRATION "]")

typedef struct {
  const char        *text;
  gssize             length;  /* -1: up to the NUL */
  GType            (*get_type) (void);
  CockpitModelError  code;
  const char        *message;  /* a substring of the error message */
} MalformedCase;

#define MISSING  COCKPIT_MODEL_ERROR_MISSING_FIELD
#define WRONG    COCKPIT_MODEL_ERROR_WRONG_TYPE
#define UNKNOWN  COCKPIT_MODEL_ERROR_UNKNOWN_VALUE
#define INVALID  COCKPIT_MODEL_ERROR_INVALID_VALUE
#define NOT_JSON COCKPIT_MODEL_ERROR_INVALID_JSON

/* A text with NUL bytes inside, and its whole length. */
#define WITH_LENGTH(text) text, sizeof (text) - 1

static const MalformedCase malformed_cases[] = {
  /* Not JSON at all. */
  { "{\"name\": \"Alex\"", -1, cockpit_user_get_type, NOT_JSON, "not valid JSON" },
  { "{\"name\": \"Alex\",}", -1, cockpit_user_get_type, NOT_JSON, "not valid JSON" },
  { "{\"a\": 1} trailing", -1, cockpit_user_get_type, NOT_JSON, "not valid JSON" },
  { "", -1, cockpit_user_get_type, NOT_JSON, "empty" },
  { " \n\t ", -1, cockpit_user_get_type, NOT_JSON, "empty" },
  { WITH_LENGTH ("{\"name\": \"Al\0ex\"}"), cockpit_user_get_type, NOT_JSON, "NUL" },
  { WITH_LENGTH ("{}\0"), cockpit_user_get_type, NOT_JSON, "NUL" },
  /* A second value after the first: json-glib 1.6 takes the last and
   * leaks the others. */
  { "[][]", -1, cockpit_user_get_type, NOT_JSON, "a second value" },
  { "1{}", -1, cockpit_user_get_type, NOT_JSON, "a second value" },
  { "{\"name\": \"Alex\"} {\"name\": \"Sam\"}", -1, cockpit_user_get_type, NOT_JSON,
    "a second value" },
  { "\"a\"\"b\"", -1, cockpit_user_get_type, NOT_JSON, "a second value" },
  { "true\nnull", -1, cockpit_user_get_type, NOT_JSON, "a second value" },
  /* A \u escape without four hex digits: json-glib 1.6 takes "\uzz" for
   * "zz" and leaks on some of the others. */
  { USER ("\"\\uzz\"", "\"a@example.com\"", "\"owner\""), -1,
    cockpit_user_get_type, NOT_JSON, "without four hex digits" },
  { USER ("\"\\ud83\"", "\"a@example.com\"", "\"owner\""), -1,
    cockpit_user_get_type, NOT_JSON, "without four hex digits" },
  { "{\"name\": \"\\u00", -1, cockpit_user_get_type, NOT_JSON, "without four hex digits" },
  /* Escapes JSON does not have: json-glib 1.6 takes "\z" for "z" and
   * "\666" for the byte 0xB6, which is not UTF-8. */
  { USER ("\"\\z\"", "\"a@example.com\"", "\"owner\""), -1,
    cockpit_user_get_type, NOT_JSON, "an escape that JSON does not have" },
  { USER ("\"\\666\"", "\"a@example.com\"", "\"owner\""), -1,
    cockpit_user_get_type, NOT_JSON, "an escape that JSON does not have" },
  { "{\".fll\\z\\666{\": 1}", -1, cockpit_user_get_type, NOT_JSON, "an escape" },
  /* Bytes that are not UTF-8 in the text: json-glib refuses it whole, and
   * every message here is checked to be valid UTF-8. */
  { "{\"na\xb6me\" \"Alex\"}", -1, cockpit_user_get_type, NOT_JSON, "not valid JSON" },
  /* Half a surrogate pair: json-glib 1.6 leaks its buffer on the first
   * (the sanitizer run's leak check sees it) and makes invalid UTF-8 of
   * the others, so they never reach it. */
  { USER ("\"\\ud83d\\u0041\"", "\"a@example.com\"", "\"owner\""), -1,
    cockpit_user_get_type, NOT_JSON, "half of a surrogate pair" },
  { USER ("\"A\\ud83d\"", "\"a@example.com\"", "\"owner\""), -1,
    cockpit_user_get_type, NOT_JSON, "half of a surrogate pair" },
  { USER ("\"\\ud83dx\"", "\"a@example.com\"", "\"owner\""), -1,
    cockpit_user_get_type, NOT_JSON, "half of a surrogate pair" },
  { USER ("\"\\ude00\"", "\"a@example.com\"", "\"owner\""), -1,
    cockpit_user_get_type, NOT_JSON, "half of a surrogate pair" },
  { USER ("\"\\ud83d\\ud83d\"", "\"a@example.com\"", "\"owner\""), -1,
    cockpit_user_get_type, NOT_JSON, "half of a surrogate pair" },
  /* What json-glib 1.6 takes and JSON has not: 'single-quoted' strings,
   * comments, hex numbers.  A quote inside one of them is not where a
   * string starts, so the escapes of the string after it went unchecked
   * and the half pair there leaked (found by fuzz-client-answer). */
  { "{'\"': \"\\ud83d\\ud\"}", -1, cockpit_user_get_type, NOT_JSON, "outside a string" },
  { "{/* \" */ \"name\": \"\\ud83d\"}", -1, cockpit_user_get_type, NOT_JSON, "outside a string" },
  { "{\"name\": \"Alex\"} // \"", -1, cockpit_user_get_type, NOT_JSON, "outside a string" },
  { "{\"name\": $1F}", -1, cockpit_user_get_type, NOT_JSON, "outside a string" },
  { "{\"name\": _}", -1, cockpit_user_get_type, NOT_JSON, "outside a string" },
  { "{\"name\": \xc3\xa9}", -1, cockpit_user_get_type, NOT_JSON, "outside a string" },
  /* Numbers and words JSON does not write: json-glib 1.6 reads 0x1F as
   * 31 and 017 as 15. */
  { "{\"name\": 0x1F}", -1, cockpit_user_get_type, NOT_JSON, "a number or word" },
  { "{\"name\": 017}", -1, cockpit_user_get_type, NOT_JSON, "a number or word" },
  { "{\"name\": [1., .5, -]}", -1, cockpit_user_get_type, NOT_JSON, "a number or word" },
  { "{\"name\": 1e}", -1, cockpit_user_get_type, NOT_JSON, "a number or word" },
  { "{\"name\": True}", -1, cockpit_user_get_type, NOT_JSON, "a number or word" },

  /* JSON, but not an object at the top. */
  { "[" USER ("\"Alex\"", "\"a@example.com\"", "\"owner\"") "]", -1,
    cockpit_user_get_type, WRONG, "(top level)" },
  { "\"Alex\"", -1, cockpit_user_get_type, WRONG, "(top level)" },
  { "42", -1, cockpit_user_get_type, WRONG, "(top level)" },
  { "null", -1, cockpit_user_get_type, WRONG, "(top level)" },

  /* Required members missing or null. */
  { "{}", -1, cockpit_package_get_type, MISSING, "“id” is missing" },
  { "{\"name\": \"Alex\", \"role\": \"owner\"}", -1, cockpit_user_get_type, MISSING, "“email”" },
  { USER ("\"Alex\"", "\"a@example.com\"", "null"), -1, cockpit_user_get_type, MISSING,
    "“role” must not be null" },
  { ACTION ("null", "[]", "0.0", "null"), -1, cockpit_action_get_type, MISSING, "“params”" },
  { PACKAGE ("null", "null"), -1, cockpit_package_get_type, MISSING, "“environments”" },
  { ACTION ("{}", "[]", "0.0", "{\"message\": \"Oops\"}"), -1, cockpit_action_get_type, MISSING,
    "“error.code” is missing" },

  /* Wrong JSON types. */
  { UPGRADE_BACKUP ("\"2026-11-28T09:30:00Z\"", "\"yes\""), -1, cockpit_upgrade_backup_get_type,
    WRONG, "“extended” should be true or false but is a string" },
  { UPGRADE_BACKUP ("\"2026-11-28T09:30:00Z\"", "0"), -1, cockpit_upgrade_backup_get_type,
    WRONG, "“extended”" },
  { USER ("42", "\"a@example.com\"", "\"owner\""), -1, cockpit_user_get_type, WRONG,
    "“name” should be a string but is a number" },
  { USER ("\"Alex\"", "{}", "\"owner\""), -1, cockpit_user_get_type, WRONG,
    "“email” should be a string but is an object" },
  { USER ("\"Alex\"", "\"a@example.com\"", "true"), -1, cockpit_user_get_type, WRONG, "“role”" },
  { ENVIRONMENT ("\"e\"", "\"live\"", "[]", "null"), -1, cockpit_environment_get_type, WRONG,
    "“upgrade_backup” should be an object but is an array" },
  { ACTION ("{}", "[]", "\"0.5\"", "null"), -1, cockpit_action_get_type, WRONG,
    "“progress” should be a number but is a string" },
  { ACTION ("{}", "[]", "true", "null"), -1, cockpit_action_get_type, WRONG, "“progress”" },
  { ACTION ("[]", "[]", "0.0", "null"), -1, cockpit_action_get_type, WRONG,
    "“params” should be an object but is an array" },
  { ACTION ("\"target_version=6.3.21\"", "[]", "0.0", "null"), -1, cockpit_action_get_type,
    WRONG, "“params”" },
  { ACTION ("{}", "{}", "0.0", "null"), -1, cockpit_action_get_type, WRONG,
    "“stages” should be an array but is an object" },
  { ACTION ("{}", "[\"create_replica\"]", "0.0", "null"), -1, cockpit_action_get_type, WRONG,
    "“stages[0]” should be an object but is a string" },
  { BACKUP ("1764149400"), -1, cockpit_backup_get_type, WRONG,
    "“created_at” should be a time but is a number" },

  /* Unknown enum strings, "none" among them. */
  { USER ("\"Alex\"", "\"a@example.com\"", "\"admin\""), -1, cockpit_user_get_type, UNKNOWN,
    "“role” has an unknown value “admin”" },
  { USER ("\"Alex\"", "\"a@example.com\"", "\"Owner\""), -1, cockpit_user_get_type, UNKNOWN,
    "“role”" },
  { PACKAGE ("null", "[" ENVIRONMENT ("\"e\"", "\"none\"", "null", "null") "]"), -1,
    cockpit_package_get_type, UNKNOWN, "“environments[0].kind” has an unknown value “none”" },
  { PACKAGE ("null", "[" LIVE ", " ENVIRONMENT ("\"e\"", "\"staging\"", "null", "null") "]"), -1,
    cockpit_package_get_type, UNKNOWN, "“environments[1].kind”" },
  { ACTION ("{}", "[" STAGES_OK ", " STAGE ("\"switch_traffic\"", "\"paused\"") "]", "0.0", "null"),
    -1, cockpit_action_get_type, UNKNOWN, "“stages[3].status” has an unknown value “paused”" },
  { ACTION ("{}", "[" STAGE ("\"create_replica\"", "\"done\"") ", "
            STAGE ("\"deploy_version\"", "\"done\"") ", "
            STAGE ("\"verify_replica\"", "\"exploded\"") "]", "0.0", "null"),
    -1, cockpit_action_get_type, UNKNOWN, "“stages[2].status”" },
  { ACTION ("{}", "[" STAGE ("\"none\"", "\"done\"") "]", "0.0", "null"), -1,
    cockpit_action_get_type, UNKNOWN, "“stages[0].name”" },

  /* Times that are not RFC 3339 with a zone. */
  { BACKUP ("\"2026-11-26T09:30:00\""), -1, cockpit_backup_get_type, INVALID,
    "“created_at” is not a time in RFC 3339 format: “2026-11-26T09:30:00”" },
  { BACKUP ("\"2026-11-26\""), -1, cockpit_backup_get_type, INVALID, "“created_at”" },
  { BACKUP ("\"2026-13-01T00:00:00Z\""), -1, cockpit_backup_get_type, INVALID, "“created_at”" },
  { BACKUP ("\"2026-W48-4\""), -1, cockpit_backup_get_type, INVALID, "2026-W48-4" },
  { BACKUP ("\"2026-W48-4T09:30:00Z\""), -1, cockpit_backup_get_type, INVALID, "“created_at”" },
  { BACKUP ("\"2026-11-26 09:30:00Z\""), -1, cockpit_backup_get_type, INVALID, "“created_at”" },
  { BACKUP ("\"2026-11-26T09:30Z\""), -1, cockpit_backup_get_type, INVALID, "“created_at”" },
  { BACKUP ("\"2026-11-26T09:30:00+0100\""), -1, cockpit_backup_get_type, INVALID,
    "“created_at”" },
  { BACKUP ("\"2026-11-26T25:00:00Z\""), -1, cockpit_backup_get_type, INVALID, "“created_at”" },
  { BACKUP ("\"2026-02-30T09:30:00Z\""), -1, cockpit_backup_get_type, INVALID, "“created_at”" },
  { BACKUP ("\"\""), -1, cockpit_backup_get_type, INVALID, "“created_at”" },
  { ENVIRONMENT ("\"e\"", "\"live\"", UPGRADE_BACKUP ("\"2026-11-28\"", "false"), "null"), -1,
    cockpit_environment_get_type, INVALID, "“upgrade_backup.expires_at”" },

  /* Numbers outside the property's range. */
  { ACTION ("{}", "[]", "1.5", "null"), -1, cockpit_action_get_type, INVALID,
    "“progress” is out of range" },
  { ACTION ("{}", "[]", "-0.1", "null"), -1, cockpit_action_get_type, INVALID, "“progress”" },
  { ACTION ("{}", "[]", "2", "null"), -1, cockpit_action_get_type, INVALID, "“progress”" },
  { ACTION ("{}", "[]", "1e400", "null"), -1, cockpit_action_get_type, INVALID, "“progress”" },

  /* Errors deep inside lists and nested objects. */
  { PACKAGE ("null", "[" UAT ", " ENVIRONMENT ("\"e\"", "\"live\"",
             UPGRADE_BACKUP ("\"tomorrow\"", "false"), "null") "]"), -1,
    cockpit_package_get_type, INVALID, "“environments[1].upgrade_backup.expires_at”" },
  { PACKAGE ("null", "[" UAT ", " INTEGRATION ", " ENVIRONMENT ("\"e\"", "\"live\"", "null",
             BACKUP ("\"2026-11-26T09:30:00\"")) "]"), -1,
    cockpit_package_get_type, INVALID, "“environments[2].latest_manual_backup.created_at”" },
  { PACKAGE ("null", "[" UAT ", " ENVIRONMENT ("\"e\"", "\"live\"",
             UPGRADE_BACKUP (TS, "\"no\""), "null") "]"), -1,
    cockpit_package_get_type, WRONG, "“environments[1].upgrade_backup.extended”" },
  { PACKAGE (ACTION ("{}", "[" STAGES_OK ", " STAGE ("\"switch_traffic\"", "null") "]", "0.5",
                     "null"), "[]"), -1,
    cockpit_package_get_type, MISSING, "“running_action.stages[3].status” must not be null" },
  { PACKAGE (ACTION ("{}", "[]", "1.01", "null"), "[" LIVE "]"), -1,
    cockpit_package_get_type, INVALID, "“running_action.progress” is out of range" },
  { PACKAGE (ACTION ("{}", "[]", "0.5", "{\"code\": 409, \"message\": \"Busy\"}"), "[]"), -1,
    cockpit_package_get_type, WRONG, "“running_action.error.code”" },
};

static void
test_malformed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (malformed_cases); i++)
    {
      const MalformedCase *c = &malformed_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GObject) object = NULL;

      g_autofree char *shown = g_strescape (c->text, NULL);

      g_test_message ("case %u: %s", i, shown);
      node = cockpit_json_parse (c->text, c->length, &error);
      if (node != NULL)
        {
          g_assert_no_error (error);
          object = cockpit_json_decode (c->get_type (), node, &error);
        }

      g_assert_null (object);
      g_assert_error (error, COCKPIT_MODEL_ERROR, (int) c->code);
      g_test_message ("message: %s", error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (strstr (error->message, c->message) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message, c->message);
    }
}

static void
test_parse_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  /* A length shorter than the text stops there. */
  node = cockpit_json_parse ("{\"a\": 1} and more", 8, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_clear_pointer (&node, json_node_unref);

  node = cockpit_json_parse (" \n{}\n", -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_clear_pointer (&node, json_node_unref);

  /* A whole surrogate pair is one character; an escaped backslash before
   * a "u" is no escape. */
  node = cockpit_json_parse ("{\"a\": \"\\ud83d\\ude00 \\\\ud83d\"}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "a"), ==,
                   "\xf0\x9f\x98\x80 \\ud83d");
  g_clear_pointer (&node, json_node_unref);

  /* One value at the top, with space around it, whatever its kind. */
  node = cockpit_json_parse (" 12.5e3 ", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (json_node_get_double (node), ==, 12500);
  g_clear_pointer (&node, json_node_unref);

  /* Every form of number JSON has, and the three literals, inside. */
  node = cockpit_json_parse ("[0, -0, 7, -12, 0.5, -3.25, 1e3, 2E+2, 5e-1, 1.5E-2, true, false, null]",
                             -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 13);
  g_assert_cmpfloat (json_array_get_double_element (json_node_get_array (node), 9), ==, 0.015);
  g_clear_pointer (&node, json_node_unref);

  node = cockpit_json_parse ("\"[{\\\"}]\"\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (node), ==, "[{\"}]");
  g_clear_pointer (&node, json_node_unref);

  node = cockpit_json_parse (NULL, -1, &error);
  g_assert_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_INVALID_JSON);
  g_assert_null (node);
}

static void
test_extra_members (void)
{
  static const char *text =
    PACKAGE ("null", "[" ENVIRONMENT ("\"acmeweb-live\"", "\"live\"",
             "{\"from_version\": \"6.3.18\", \"to_version\": \"6.3.21\", \"created_at\": " TS ","
             " \"expires_at\": " TS ", \"max_expires_at\": " TS ", \"extended\": false,"
             " \"restore_eta\": 300, \"notes\": [1, 2, {\"x\": null}]}", "null") "]");
  g_autofree char *with_extra = NULL;
  g_autoptr(CockpitPackage) package = NULL;
  CockpitEnvironment *live;

  /* Members the contract does not know, of any JSON type, at any depth. */
  with_extra = g_strconcat ("{\"future_field\": {\"deep\": [true]}, \"tags\": null,",
                            text + 1, NULL);
  package = model_decode (COCKPIT_TYPE_PACKAGE, with_extra);
  live = cockpit_package_find_environment (package, "acmeweb-live");
  g_assert_nonnull (live);
  g_assert_cmpstr (cockpit_upgrade_backup_get_to_version (cockpit_environment_get_upgrade_backup (live)),
                   ==, "6.3.21");

  /* They are not written back. */
  model_assert_same_members (package, text);
}

static void
test_member_list (void)
{
  static const struct {
    const char        *text;
    CockpitModelError  code;
    const char        *message;
  } bad[] = {
    { "{\"items\": []}", COCKPIT_MODEL_ERROR_MISSING_FIELD, "“packages” is missing" },
    { "{\"packages\": null}", COCKPIT_MODEL_ERROR_WRONG_TYPE, "“packages” should be an array" },
    { "{\"packages\": " PACKAGE_OK "}", COCKPIT_MODEL_ERROR_WRONG_TYPE, "“packages”" },
    { "[" PACKAGE_OK "]", COCKPIT_MODEL_ERROR_WRONG_TYPE, "(top level)" },
    { "{\"packages\": [" PACKAGE_OK ", 7]}", COCKPIT_MODEL_ERROR_WRONG_TYPE,
      "“packages[1]” should be an object but is a number" },
    { "{\"packages\": [" PACKAGE ("null", "[" ENVIRONMENT ("\"e\"", "\"qa\"", "null", "null") "]")
      "]}", COCKPIT_MODEL_ERROR_UNKNOWN_VALUE, "“packages[0].environments[0].kind”" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GListStore) packages = NULL;
  g_autoptr(CockpitPackage) package = NULL;

  node = model_parse ("{\"packages\": [" PACKAGE_OK ", " PACKAGE ("null", "[]") "], \"next\": null}");
  packages = cockpit_json_decode_member_list (COCKPIT_TYPE_PACKAGE, node, "packages", &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (packages)) == COCKPIT_TYPE_PACKAGE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (packages)), ==, 2);
  package = g_list_model_get_item (G_LIST_MODEL (packages), 0);
  g_assert_cmpstr (cockpit_package_get_id (package), ==, "acmeweb");
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_package_get_environments (package)), ==, 3);
  g_clear_object (&packages);
  g_clear_pointer (&node, json_node_unref);

  node = model_parse ("{\"packages\": []}");
  packages = cockpit_json_decode_member_list (COCKPIT_TYPE_PACKAGE, node, "packages", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (packages)), ==, 0);
  g_clear_object (&packages);
  g_clear_pointer (&node, json_node_unref);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("case %u: %s", i, bad[i].text);
      node = model_parse (bad[i].text);
      packages = cockpit_json_decode_member_list (COCKPIT_TYPE_PACKAGE, node, "packages", &error);
      g_assert_null (packages);
      g_assert_error (error, COCKPIT_MODEL_ERROR, (int) bad[i].code);
      if (strstr (error->message, bad[i].message) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message, bad[i].message);
      g_clear_error (&error);
      g_clear_pointer (&node, json_node_unref);
    }
}

static void
test_decode_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = model_parse ("[" STAGES_OK "]");
  g_autoptr(GListStore) stages = NULL;
  g_autoptr(JsonNode) encoded = NULL;

  stages = cockpit_json_decode_list (COCKPIT_TYPE_STAGE, node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (stages)), ==, 3);
  encoded = cockpit_json_encode_list (G_LIST_MODEL (stages));
  g_assert_true (json_node_equal (node, encoded));
  g_clear_object (&stages);
  g_clear_pointer (&node, json_node_unref);

  node = model_parse ("[" STAGE ("\"create_replica\"", "\"done\"") ", {}]");
  stages = cockpit_json_decode_list (COCKPIT_TYPE_STAGE, node, &error);
  g_assert_null (stages);
  g_assert_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_MISSING_FIELD);
  g_assert_nonnull (strstr (error->message, "“[1].name”"));
}

/* Updating in place: every notify and items-changed of a whole tree of
 * objects is recorded as "label:what", the label being the object's id
 * or, for objects without one, its type. */

static char *
object_label (GObject *object)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), "id");
  char *id = NULL;

  if (pspec != NULL)
    g_object_get (object, "id", &id, NULL);
  return id != NULL ? id : g_strdup (G_OBJECT_TYPE_NAME (object));
}

static void
record_notify_cb (GObject    *object,
                  GParamSpec *pspec,
                  GPtrArray  *log)
{
  g_autofree char *label = object_label (object);

  g_ptr_array_add (log, g_strdup_printf ("%s:%s", label, pspec->name));
}

static void
record_items_changed_cb (GListModel *list,
                         guint       position,
                         guint       removed,
                         guint       added,
                         GPtrArray  *log)
{
  g_ptr_array_add (log, g_strdup_printf ("%s:items-changed(%u,%u,%u)",
                                         (const char *) g_object_get_data (G_OBJECT (list), "label"),
                                         position, removed, added));
}

static void
watch_tree (GObject   *object,
            GPtrArray *log)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_signal_connect (object, "notify", G_CALLBACK (record_notify_cb), log);

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspecs[i]);
      g_autoptr(GObject) child = NULL;

      if (!G_TYPE_IS_OBJECT (type) && !g_type_is_a (type, G_TYPE_LIST_MODEL))
        continue;
      g_object_get (object, pspecs[i]->name, &child, NULL);
      if (child == NULL)
        continue;

      if (G_IS_LIST_MODEL (child))
        {
          g_autofree char *owner = object_label (object);
          guint n = g_list_model_get_n_items (G_LIST_MODEL (child));

          g_object_set_data_full (child, "label",
                                  g_strdup_printf ("%s.%s", owner, pspecs[i]->name), g_free);
          g_signal_connect (child, "items-changed", G_CALLBACK (record_items_changed_cb), log);
          for (guint j = 0; j < n; j++)
            {
              g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (child), j);
              watch_tree (item, log);
            }
        }
      else
        watch_tree (child, log);
    }
}

static void
assert_log (GPtrArray          *log,
            const char * const *expected)
{
  g_autofree char *joined = NULL;
  guint n = g_strv_length ((char **) expected);

  g_ptr_array_add (log, NULL);
  joined = g_strjoinv (", ", (char **) log->pdata);
  g_ptr_array_remove_index (log, log->len - 1);
  g_test_message ("log: %s", joined);

  g_assert_cmpuint (log->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (g_ptr_array_find_with_equal_func (log, expected[i], g_str_equal, NULL));
}

typedef struct {
  GPtrArray      *log;
  CockpitPackage *target;
  CockpitPackage *source;
} UpdateFixture;

static void
update_setup (UpdateFixture *fixture,
              gconstpointer  data)
{
  fixture->log = g_ptr_array_new_with_free_func (g_free);
  fixture->target = model_decode (COCKPIT_TYPE_PACKAGE, PACKAGE_OK);
  fixture->source = model_decode (COCKPIT_TYPE_PACKAGE, PACKAGE_OK);
  watch_tree (G_OBJECT (fixture->target), fixture->log);
}

static void
update_teardown (UpdateFixture *fixture,
                 gconstpointer  data)
{
  g_assert_finalize_object (fixture->target);
  g_clear_object (&fixture->source);
  g_clear_pointer (&fixture->log, g_ptr_array_unref);
}

static void
test_update_equal (UpdateFixture *fixture,
                   gconstpointer  data)
{
  static const char * const expected[] = { NULL };
  g_autoptr(JsonNode) before = cockpit_json_encode (fixture->target);
  g_autoptr(JsonNode) after = NULL;

  cockpit_json_update (fixture->target, fixture->source);
  assert_log (fixture->log, expected);

  after = cockpit_json_encode (fixture->target);
  g_assert_true (json_node_equal (before, after));

  /* Updating from itself changes nothing either. */
  cockpit_json_update (fixture->target, fixture->target);
  assert_log (fixture->log, expected);
}

static void
test_update_one_version (UpdateFixture *fixture,
                         gconstpointer  data)
{
  static const char * const expected[] = { "acmeweb-uat:magnolia-version", NULL };
  CockpitEnvironment *uat = cockpit_package_find_environment (fixture->target, "acmeweb-uat");
  g_autoptr(GListModel) environments = g_object_ref (cockpit_package_get_environments (fixture->target));

  cockpit_environment_set_magnolia_version (cockpit_package_find_environment (fixture->source,
                                                                              "acmeweb-uat"),
                                            "6.3.21");
  cockpit_json_update (fixture->target, fixture->source);
  assert_log (fixture->log, expected);

  /* The same objects, updated in place. */
  g_assert_true (cockpit_package_get_environments (fixture->target) == environments);
  g_assert_true (cockpit_package_find_environment (fixture->target, "acmeweb-uat") == uat);
  g_assert_cmpstr (cockpit_environment_get_magnolia_version (uat), ==, "6.3.21");
}

static void
test_update_nested (UpdateFixture *fixture,
                    gconstpointer  data)
{
  static const char * const expected[] = {
    "CockpitUpgradeBackup:extended",
    "CockpitUpgradeBackup:expires-at",
    "CockpitStage:status",
    "act-1:progress",
    "act-1:stage",
    "acmeweb-uat:upgrade-backup",
    NULL
  };
  CockpitEnvironment *live = cockpit_package_find_environment (fixture->source, "acmeweb-live");
  CockpitUpgradeBackup *backup = cockpit_environment_get_upgrade_backup (live);
  CockpitAction *action = cockpit_package_get_running_action (fixture->source);
  CockpitStage *stage = cockpit_action_get_stage_by_name (action, COCKPIT_STAGE_DEPLOY_VERSION);
  CockpitUpgradeBackup *target_backup =
    cockpit_environment_get_upgrade_backup (cockpit_package_find_environment (fixture->target,
                                                                              "acmeweb-live"));
  g_autoptr(CockpitUpgradeBackup) new_backup = cockpit_upgrade_backup_new ();
  g_autoptr(GDateTime) later = model_time ("2026-11-30T09:30:00Z");

  /* An object without an id is updated in place; a stage too. */
  cockpit_upgrade_backup_set_extended (backup, TRUE);
  cockpit_upgrade_backup_set_expires_at (backup, later);
  cockpit_stage_set_status (stage, COCKPIT_STAGE_STATUS_DONE);
  cockpit_action_set_stage (action, COCKPIT_STAGE_VERIFY_REPLICA);
  cockpit_action_set_progress (action, 0.6);
  /* An object where there was none is set. */
  cockpit_environment_set_upgrade_backup (cockpit_package_find_environment (fixture->source,
                                                                            "acmeweb-uat"),
                                          new_backup);

  cockpit_json_update (fixture->target, fixture->source);
  assert_log (fixture->log, expected);
  g_assert_true (cockpit_upgrade_backup_get_extended (target_backup));
}

static void
test_update_replace_list (UpdateFixture *fixture,
                          gconstpointer  data)
{
  static const char * const expected[] = {
    "acmeweb.environments:items-changed(0,3,3)",
    NULL
  };
  g_autoptr(GListModel) environments = g_object_ref (cockpit_package_get_environments (fixture->target));
  g_autoptr(CockpitEnvironment) old_live = g_list_model_get_item (environments, 0);
  GListModel *source_environments = cockpit_package_get_environments (fixture->source);
  g_autoptr(CockpitEnvironment) new_first = g_list_model_get_item (source_environments, 0);

  /* The same number of items, but one of another id. */
  cockpit_environment_set_id (new_first, "acmeweb-new");

  cockpit_json_update (fixture->target, fixture->source);
  assert_log (fixture->log, expected);

  /* The package keeps its list, whose items are now the new ones. */
  g_assert_true (cockpit_package_get_environments (fixture->target) == environments);
  g_assert_nonnull (cockpit_package_find_environment (fixture->target, "acmeweb-new"));
  g_assert_true (cockpit_package_get_environment (fixture->target,
                                                  COCKPIT_ENVIRONMENT_KIND_LIVE) != old_live);
}

static void
test_update_shorter_list (UpdateFixture *fixture,
                          gconstpointer  data)
{
  static const char * const expected[] = {
    "acmeweb.environments:items-changed(0,3,2)",
    "act-1.stages:items-changed(0,3,0)",
    NULL
  };
  CockpitAction *action = cockpit_package_get_running_action (fixture->source);

  g_list_store_remove (G_LIST_STORE (cockpit_package_get_environments (fixture->source)), 2);
  g_list_store_remove_all (G_LIST_STORE (cockpit_action_get_stages (action)));

  cockpit_json_update (fixture->target, fixture->source);
  assert_log (fixture->log, expected);
  g_assert_null (cockpit_package_get_environment (fixture->target,
                                                  COCKPIT_ENVIRONMENT_KIND_INTEGRATION));
}

static void
test_update_other_action (UpdateFixture *fixture,
                          gconstpointer  data)
{
  static const char * const expected[] = {
    "acmeweb:running-action",
    "acmeweb:status",
    NULL
  };
  g_autoptr(CockpitAction) action = model_decode (COCKPIT_TYPE_ACTION, ACTION_OK);

  /* Another action is another object, not the old one changed. */
  cockpit_action_set_id (action, "act-2");
  cockpit_package_set_running_action (fixture->source, action);
  cockpit_package_set_status (fixture->source, COCKPIT_PACKAGE_STATUS_MAINTENANCE);

  cockpit_json_update (fixture->target, fixture->source);
  assert_log (fixture->log, expected);
  g_assert_cmpstr (cockpit_action_get_id (cockpit_package_get_running_action (fixture->target)),
                   ==, "act-2");

  /* And no action at all. */
  g_ptr_array_set_size (fixture->log, 0);
  cockpit_package_set_running_action (fixture->source, NULL);
  cockpit_json_update (fixture->target, fixture->source);
  g_assert_cmpuint (fixture->log->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->log, 0), ==, "acmeweb:running-action");
  g_assert_null (cockpit_package_get_running_action (fixture->target));
}

/* Texts from a cockpit --------------------------------------------------------- */

#define NOTIFICATION \
  "{\"id\": \"ntf-1\", \"severity\": \"critical\", \"title\": \"Title\", \"body\": \"Body\"," \
  " \"package_id\": null, \"received_at\": " TS ", \"read\": false, \"archived\": false}"
#define ENTRY \
  "{\"id\": \"ent-1\", \"at\": " TS ", \"type\": \"info\", \"activity\": \"Done.\"," \
  " \"affects\": \"live\", \"by\": \"Alex Example\", \"started_at\": null," \
  " \"finished_at\": null, \"bundle\": \"magnolia-dx-core\", \"action_id\": null}"
#define RELEASE \
  "{\"version\": \"6.3.21\", \"branch\": \"6.3\", \"lts\": true, \"released_at\": " TS "," \
  " \"release_notes_url\": \"https://docs.example/6.3.21\"}"

typedef struct {
  const char  *json;
  GType      (*get_type) (void);
  const char  *object;     /* the dotted path of the member's object, "" at the top */
  const char  *member;
  const char  *property;   /* of the object decoded, "" for the member's own object */
  gsize        limit;      /* in characters; 0 for an exact value, which is refused */
} TextCase;

static const TextCase text_cases[] = {
  { USER ("\"A\"", "\"a@example.com\"", "\"owner\""), cockpit_user_get_type, "", "name", "name",
    COCKPIT_TEXT_MAX_NAME },
  { USER ("\"A\"", "\"a@example.com\"", "\"owner\""), cockpit_user_get_type, "", "email", "email",
    COCKPIT_TEXT_MAX_NAME },
  { PACKAGE_OK, cockpit_package_get_type, "", "name", "name", COCKPIT_TEXT_MAX_NAME },
  { PACKAGE_OK, cockpit_package_get_type, "", "status_text", "status-text", COCKPIT_TEXT_MAX_MESSAGE },
  { PACKAGE_OK, cockpit_package_get_type, "", "maintenance_message", "maintenance-message",
    COCKPIT_TEXT_MAX_MESSAGE },
  { UAT, cockpit_environment_get_type, "", "name", "name", COCKPIT_TEXT_MAX_NAME },
  { UAT, cockpit_environment_get_type, "", "bundle", "bundle", COCKPIT_TEXT_MAX_NAME },
  { ACTION_OK, cockpit_action_get_type, "", "requested_by", "requested-by", COCKPIT_TEXT_MAX_NAME },
  { "{\"code\": \"failed\", \"message\": \"Oops\"}", cockpit_action_error_get_type, "", "message",
    "message", COCKPIT_TEXT_MAX_MESSAGE },
  { NOTIFICATION, cockpit_notification_get_type, "", "title", "title", COCKPIT_TEXT_MAX_NAME },
  { NOTIFICATION, cockpit_notification_get_type, "", "body", "body", COCKPIT_TEXT_MAX_BODY },
  { ENTRY, cockpit_activity_entry_get_type, "", "activity", "activity", COCKPIT_TEXT_MAX_MESSAGE },
  { ENTRY, cockpit_activity_entry_get_type, "", "by", "by", COCKPIT_TEXT_MAX_NAME },
  { ENTRY, cockpit_activity_entry_get_type, "", "bundle", "bundle", COCKPIT_TEXT_MAX_NAME },

  /* Exact values: cut, they would be other values, so they are refused. */
  { PACKAGE_OK, cockpit_package_get_type, "", "id", NULL, 0 },
  { PACKAGE_OK, cockpit_package_get_type, "environments.1", "magnolia_version", NULL, 0 },
  { PACKAGE_OK, cockpit_package_get_type, "running_action.params", "target_version", NULL, 0 },
  { RELEASE, cockpit_release_get_type, "", "release_notes_url", NULL, 0 },
  { RELEASE, cockpit_release_get_type, "", "version", NULL, 0 },
  { "{\"code\": \"failed\", \"message\": \"Oops\"}", cockpit_action_error_get_type, "", "code", NULL, 0 },
  { NOTIFICATION, cockpit_notification_get_type, "", "id", NULL, 0 },
  { ENTRY, cockpit_activity_entry_get_type, "", "id", NULL, 0 },
};

/* @count characters of a text that mixes one-, two-, three- and four-byte
 * characters, so that a cut by bytes would land inside one. */
static char *
mixed_text (gsize count)
{
  static const char *pieces[] = { "a", "é", "€", "😀" };
  GString *text = g_string_new (NULL);

  for (gsize i = 0; i < count; i++)
    g_string_append (text, pieces[i % G_N_ELEMENTS (pieces)]);
  return g_string_free (text, FALSE);
}

static gpointer
decode_with (const TextCase  *c,
              const char      *value,
              GError         **error)
{
  g_autoptr(JsonNode) root = cockpit_json_parse (c->json, -1, NULL);

  g_assert_nonnull (root);
  json_object_set_string_member (model_object_at (root, c->object), c->member, value);
  return cockpit_json_decode (c->get_type (), root, error);
}

static void
test_text_limits (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_cases); i++)
    {
      const TextCase *c = &text_cases[i];

      g_test_message ("%s.%s", g_type_name (c->get_type ()), c->member);

      if (c->limit == 0)
        {
          g_autofree char *longest = g_strnfill (COCKPIT_TEXT_MAX_EXACT, 'x');
          g_autofree char *longer = g_strnfill (COCKPIT_TEXT_MAX_EXACT + 1, 'x');
          g_autoptr(GObject) kept = NULL;
          g_autoptr(GObject) refused = NULL;
          g_autoptr(GError) error = NULL;

          kept = decode_with (c, longest, &error);
          g_assert_no_error (error);
          g_assert_nonnull (kept);
          refused = decode_with (c, longer, &error);
          g_assert_null (refused);
          g_assert_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_INVALID_VALUE);
          /* Free-form parameters are refused as a whole. */
          g_assert_nonnull (strstr (error->message, g_str_has_suffix (c->object, "params") ? "params" : c->member));
          /* The message does not repeat the value. */
          g_assert_cmpuint (strlen (error->message), <, 200);
          continue;
        }

      /* Up to the limit, the text is kept whole; beyond, it is cut at a
       * character boundary and ends in an ellipsis, whatever the length. */
      for (guint j = 0; j < 4; j++)
        {
          gsize lengths[] = { c->limit, c->limit + 1, c->limit + 3, 3 * 1024 * 1024 };
          g_autofree char *text = mixed_text (lengths[j]);
          g_autoptr(GObject) object = NULL;
          g_autoptr(GError) error = NULL;
          g_autofree char *got = NULL;

          object = decode_with (c, text, &error);
          g_assert_no_error (error);
          g_object_get (object, c->property, &got, NULL);
          g_assert_true (g_utf8_validate (got, -1, NULL));
          g_assert_cmpuint (g_utf8_strlen (got, -1), ==, c->limit);
          if (lengths[j] == c->limit)
            g_assert_cmpstr (got, ==, text);
          else
            {
              g_assert_true (g_str_has_suffix (got, "…"));
              g_assert_cmpint (strncmp (got, text, strlen (got) - strlen ("…")), ==, 0);
            }
        }
    }
}

static void
test_text_limit_function (void)
{
  g_autofree char *whole = cockpit_text_limit ("Live", 4);
  g_autofree char *cut = cockpit_text_limit ("Live environment", 5);
  g_autofree char *wide = cockpit_text_limit ("😀😀😀", 2);
  g_autofree char *broken = cockpit_text_limit ("ab\xf0", 10);
  g_autofree char *broken_cut = cockpit_text_limit ("ab\xf0\x9f", 2);
  g_autofree char *nothing = cockpit_text_limit ("", 0);

  g_assert_null (cockpit_text_limit (NULL, 10));
  g_assert_cmpstr (whole, ==, "Live");
  g_assert_cmpstr (cut, ==, "Live…");
  g_assert_cmpstr (wide, ==, "😀…");
  /* Invalid UTF-8 is repaired, never walked over. */
  g_assert_true (g_utf8_validate (broken, -1, NULL));
  g_assert_true (g_str_has_prefix (broken, "ab"));
  g_assert_cmpstr (broken_cut, ==, "a…");
  g_assert_cmpstr (nothing, ==, "");
}

/* A hostile value is not repeated whole in an error message, which may be
 * logged. */
static void
test_error_quotes_short (void)
{
  g_autofree char *value = g_strnfill (1024 * 1024, 'z');
  g_autofree char *role = g_strdup_printf ("\"%s\"", value);
  g_autofree char *user = g_strdup_printf ("{\"name\": \"A\", \"email\": \"a@b\", \"role\": %s}", role);
  g_autofree char *backup = g_strdup_printf ("{\"id\": \"b\", \"created_at\": %s, \"magnolia_version\": \"1\"}", role);
  g_autoptr(JsonNode) user_root = cockpit_json_parse (user, -1, NULL);
  g_autoptr(JsonNode) backup_root = cockpit_json_parse (backup, -1, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (cockpit_json_decode (COCKPIT_TYPE_USER, user_root, &error));
  g_assert_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_UNKNOWN_VALUE);
  g_assert_cmpuint (strlen (error->message), <, 300);
  g_clear_error (&error);
  g_assert_null (cockpit_json_decode (COCKPIT_TYPE_BACKUP, backup_root, &error));
  g_assert_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_INVALID_VALUE);
  g_assert_cmpuint (strlen (error->message), <, 300);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/model/json/malformed", test_malformed);
  g_test_add_func ("/cockpit/model/json/parse-valid", test_parse_valid);
  g_test_add_func ("/cockpit/model/json/extra-members", test_extra_members);
  g_test_add_func ("/cockpit/model/json/member-list", test_member_list);
  g_test_add_func ("/cockpit/model/json/decode-list", test_decode_list);
  g_test_add_func ("/cockpit/model/json/text-limits", test_text_limits);
  g_test_add_func ("/cockpit/model/json/text-limit-function", test_text_limit_function);
  g_test_add_func ("/cockpit/model/json/error-quotes-short", test_error_quotes_short);
  g_test_add ("/cockpit/model/json/update/equal", UpdateFixture, NULL,
              update_setup, test_update_equal, update_teardown);
  g_test_add ("/cockpit/model/json/update/one-version", UpdateFixture, NULL,
              update_setup, test_update_one_version, update_teardown);
  g_test_add ("/cockpit/model/json/update/nested", UpdateFixture, NULL,
              update_setup, test_update_nested, update_teardown);
  g_test_add ("/cockpit/model/json/update/replace-list", UpdateFixture, NULL,
              update_setup, test_update_replace_list, update_teardown);
  g_test_add ("/cockpit/model/json/update/shorter-list", UpdateFixture, NULL,
              update_setup, test_update_shorter_list, update_teardown);
  g_test_add ("/cockpit/model/json/update/other-action", UpdateFixture, NULL,
              update_setup, test_update_other_action, update_teardown);

  return g_test_run ();
}
