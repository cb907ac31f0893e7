/* test-stage.c: one step of an action, and its JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-model-util.h"

static const char *sample =
  "{\"name\": \"verify_replica\", \"status\": \"failed\","
  " \"started_at\": \"2026-11-26T09:31:00Z\", \"finished_at\": \"2026-11-26T09:35:30Z\"}";

static void
test_create (void)
{
  CockpitStage *stage = cockpit_stage_new ();
  g_autoptr(GDateTime) started = model_time ("2026-11-26T09:31:00Z");

  g_assert_cmpint (cockpit_stage_get_name (stage), ==, COCKPIT_STAGE_NONE);
  g_assert_cmpint (cockpit_stage_get_status (stage), ==, COCKPIT_STAGE_STATUS_PENDING);
  g_assert_null (cockpit_stage_get_started_at (stage));
  g_assert_null (cockpit_stage_get_finished_at (stage));

  cockpit_stage_set_name (stage, COCKPIT_STAGE_CREATE_REPLICA);
  cockpit_stage_set_status (stage, COCKPIT_STAGE_STATUS_RUNNING);
  cockpit_stage_set_started_at (stage, started);
  g_assert_finalize_object (stage);
}

static void
test_notify_enum (void)
{
  g_autoptr(CockpitStage) stage = cockpit_stage_new ();
  guint count;

  model_watch_notify (stage, "status", &count);
  cockpit_stage_set_status (stage, COCKPIT_STAGE_STATUS_PENDING);
  g_assert_cmpuint (count, ==, 0);
  cockpit_stage_set_status (stage, COCKPIT_STAGE_STATUS_RUNNING);
  g_assert_cmpuint (count, ==, 1);
  cockpit_stage_set_status (stage, COCKPIT_STAGE_STATUS_RUNNING);
  g_assert_cmpuint (count, ==, 1);
  cockpit_stage_set_status (stage, COCKPIT_STAGE_STATUS_DONE);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_notify_time (void)
{
  g_autoptr(CockpitStage) stage = cockpit_stage_new ();
  g_autoptr(GDateTime) finished = model_time ("2026-11-26T09:35:30Z");
  guint count;

  model_watch_notify (stage, "finished-at", &count);
  cockpit_stage_set_finished_at (stage, finished);
  g_assert_cmpuint (count, ==, 1);
  g_object_set (stage, "finished-at", finished, NULL);
  g_assert_cmpuint (count, ==, 1);
  g_object_set (stage, "finished-at", NULL, NULL);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_notify_all (void)
{
  g_autoptr(CockpitStage) stage = cockpit_stage_new ();

  model_assert_notify_all (stage);
}

static void
test_decode (void)
{
  g_autoptr(CockpitStage) stage = model_decode (COCKPIT_TYPE_STAGE, sample);

  g_assert_cmpint (cockpit_stage_get_name (stage), ==, COCKPIT_STAGE_VERIFY_REPLICA);
  g_assert_cmpint (cockpit_stage_get_status (stage), ==, COCKPIT_STAGE_STATUS_FAILED);
  model_assert_time (cockpit_stage_get_started_at (stage), "2026-11-26T09:31:00Z");
  model_assert_time (cockpit_stage_get_finished_at (stage), "2026-11-26T09:35:30Z");
  model_assert_same_members (stage, sample);
}

static void
test_decode_every_name (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (COCKPIT_TYPE_STAGE_NAME);

  /* Every stage the contract names decodes, and "none" does not. */
  for (guint i = 0; i < klass->n_values; i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"name\": \"%s\", \"status\": \"pending\"}",
                                               klass->values[i].value_nick);
      g_autoptr(JsonNode) node = model_parse (text);
      g_autoptr(GError) error = NULL;
      g_autoptr(CockpitStage) stage = cockpit_json_decode (COCKPIT_TYPE_STAGE, node, &error);

      if (klass->values[i].value == COCKPIT_STAGE_NONE)
        {
          g_assert_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_UNKNOWN_VALUE);
          g_assert_null (stage);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpint (cockpit_stage_get_name (stage), ==, klass->values[i].value);
          model_assert_round_trip (stage);
        }
    }
}

static void
test_round_trip (void)
{
  g_autoptr(CockpitStage) stage = model_decode (COCKPIT_TYPE_STAGE, sample);

  model_assert_round_trip (stage);
  cockpit_stage_set_finished_at (stage, NULL);
  model_assert_round_trip (stage);
}

static void
test_nullable (void)
{
  static const char * const nullable[] = { "started_at", "finished_at", NULL };

  model_assert_nullable_members (COCKPIT_TYPE_STAGE, sample, nullable);
}

/* The plan of every action kind on every kind of environment, as the
 * contract lists it. */
static void
test_plan (void)
{
  static const struct {
    CockpitActionKind       kind;
    CockpitEnvironmentKind  environment_kind;
    CockpitStageName        stages[COCKPIT_STAGE_PLAN_MAX + 1];
  } cases[] = {
    { COCKPIT_ACTION_KIND_UPGRADE, COCKPIT_ENVIRONMENT_KIND_LIVE,
      { COCKPIT_STAGE_CREATE_REPLICA, COCKPIT_STAGE_DEPLOY_VERSION, COCKPIT_STAGE_VERIFY_REPLICA,
        COCKPIT_STAGE_SWITCH_TRAFFIC, COCKPIT_STAGE_KEEP_BACKUP } },
    { COCKPIT_ACTION_KIND_UPGRADE, COCKPIT_ENVIRONMENT_KIND_UAT,
      { COCKPIT_STAGE_CREATE_REPLICA, COCKPIT_STAGE_DEPLOY_VERSION, COCKPIT_STAGE_VERIFY_REPLICA,
        COCKPIT_STAGE_SWITCH_TRAFFIC, COCKPIT_STAGE_RETIRE_OLD } },
    { COCKPIT_ACTION_KIND_UPGRADE, COCKPIT_ENVIRONMENT_KIND_INTEGRATION,
      { COCKPIT_STAGE_CREATE_REPLICA, COCKPIT_STAGE_DEPLOY_VERSION, COCKPIT_STAGE_VERIFY_REPLICA,
        COCKPIT_STAGE_SWITCH_TRAFFIC, COCKPIT_STAGE_RETIRE_OLD } },
    { COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP, COCKPIT_ENVIRONMENT_KIND_LIVE,
      { COCKPIT_STAGE_EXTEND_UPGRADE_BACKUP } },
    { COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP, COCKPIT_ENVIRONMENT_KIND_LIVE,
      { COCKPIT_STAGE_DELETE_UPGRADE_BACKUP } },
    { COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP, COCKPIT_ENVIRONMENT_KIND_LIVE,
      { COCKPIT_STAGE_RESTORE_UPGRADE_BACKUP } },
    { COCKPIT_ACTION_KIND_CREATE_BACKUP, COCKPIT_ENVIRONMENT_KIND_LIVE,
      { COCKPIT_STAGE_CREATE_BACKUP } },
    { COCKPIT_ACTION_KIND_TEARDOWN, COCKPIT_ENVIRONMENT_KIND_LIVE,
      { COCKPIT_STAGE_TEARDOWN } },
    { COCKPIT_ACTION_KIND_TEARDOWN, COCKPIT_ENVIRONMENT_KIND_UAT,
      { COCKPIT_STAGE_TEARDOWN } },
  };
  g_autoptr(GEnumClass) kinds = g_type_class_ref (COCKPIT_TYPE_ACTION_KIND);
  guint covered = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CockpitStageName *plan;
      guint n = 0, expected = 0;

      while (cases[i].stages[expected] != COCKPIT_STAGE_NONE)
        expected++;
      plan = cockpit_stage_plan (cases[i].kind, cases[i].environment_kind, &n);
      g_assert_nonnull (plan);
      g_assert_cmpuint (n, ==, expected);
      g_assert_cmpuint (n, <=, COCKPIT_STAGE_PLAN_MAX);
      for (guint j = 0; j < n; j++)
        g_assert_cmpint (plan[j], ==, cases[i].stages[j]);
      covered |= 1u << cases[i].kind;
    }

  /* Every action kind has a plan, checked above. */
  for (guint i = 0; i < kinds->n_values; i++)
    g_assert_true (covered & (1u << kinds->values[i].value));
}

/* Every stage has one label, and no two stages share one; each stage is
 * in the plan of some action kind. */
static void
test_labels (void)
{
  g_autoptr(GEnumClass) names = g_type_class_ref (COCKPIT_TYPE_STAGE_NAME);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (COCKPIT_TYPE_ACTION_KIND);
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < names->n_values; i++)
    {
      CockpitStageName name = names->values[i].value;
      const char *label = cockpit_stage_name_get_label (name);
      gboolean planned = FALSE;

      if (name == COCKPIT_STAGE_NONE)
        continue;
      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
      g_assert_false (g_hash_table_contains (labels, label));
      g_hash_table_add (labels, (gpointer) label);

      for (guint k = 0; k < kinds->n_values && !planned; k++)
        for (CockpitEnvironmentKind env = COCKPIT_ENVIRONMENT_KIND_LIVE;
             env <= COCKPIT_ENVIRONMENT_KIND_INTEGRATION; env++)
          {
            guint n = 0;
            const CockpitStageName *plan = cockpit_stage_plan (kinds->values[k].value, env, &n);

            for (guint j = 0; j < n; j++)
              planned |= plan[j] == name;
          }
      if (!planned)
        g_error ("stage %s is in no plan", names->values[i].value_nick);
    }

  g_assert_cmpstr (cockpit_stage_name_get_label (COCKPIT_STAGE_KEEP_BACKUP), ==, "Keep upgrade backup");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/model/stage/create", test_create);
  g_test_add_func ("/cockpit/model/stage/notify/enum", test_notify_enum);
  g_test_add_func ("/cockpit/model/stage/notify/time", test_notify_time);
  g_test_add_func ("/cockpit/model/stage/notify/all", test_notify_all);
  g_test_add_func ("/cockpit/model/stage/decode", test_decode);
  g_test_add_func ("/cockpit/model/stage/decode-every-name", test_decode_every_name);
  g_test_add_func ("/cockpit/model/stage/round-trip", test_round_trip);
  g_test_add_func ("/cockpit/model/stage/nullable", test_nullable);
  g_test_add_func ("/cockpit/model/stage/plan", test_plan);
  g_test_add_func ("/cockpit/model/stage/labels", test_labels);

  return g_test_run ();
}
