/* test-action.c: an action on an environment, its stages, and its JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-model-util.h"

/* An upgrade of Live that failed while verifying the replica. */
static const char *sample =
  "{\"id\": \"act-42\", \"package_id\": \"acmeweb\", \"environment_id\": \"acmeweb-live\","
  " \"kind\": \"upgrade\", \"params\": {\"target_version\": \"6.3.21\"},"
  " \"status\": \"failed\", \"stage\": \"verify_replica\","
  " \"stages\": ["
  "  {\"name\": \"create_replica\", \"status\": \"done\","
  "   \"started_at\": \"2026-11-26T09:30:00Z\", \"finished_at\": \"2026-11-26T09:32:00Z\"},"
  "  {\"name\": \"deploy_version\", \"status\": \"done\","
  "   \"started_at\": \"2026-11-26T09:32:00Z\", \"finished_at\": \"2026-11-26T09:36:00Z\"},"
  "  {\"name\": \"verify_replica\", \"status\": \"failed\","
  "   \"started_at\": \"2026-11-26T09:36:00Z\", \"finished_at\": \"2026-11-26T09:38:00Z\"},"
  "  {\"name\": \"switch_traffic\", \"status\": \"skipped\", \"started_at\": null, \"finished_at\": null},"
  "  {\"name\": \"keep_backup\", \"status\": \"skipped\", \"started_at\": null, \"finished_at\": null}"
  " ],"
  " \"progress\": 0.6, \"requested_by\": \"Alex Example\","
  " \"created_at\": \"2026-11-26T09:30:00Z\", \"finished_at\": \"2026-11-26T09:38:00Z\","
  " \"error\": {\"code\": \"verify_failed\", \"message\": \"The new version did not start.\"}}";

/* A backup of Live, still running. */
static const char *running_sample =
  "{\"id\": \"act-43\", \"package_id\": \"acmeweb\", \"environment_id\": \"acmeweb-live\","
  " \"kind\": \"create_backup\", \"params\": {}, \"status\": \"running\","
  " \"stage\": \"create_backup\","
  " \"stages\": [{\"name\": \"create_backup\", \"status\": \"running\","
  "   \"started_at\": \"2026-11-26T10:00:00Z\", \"finished_at\": null}],"
  " \"progress\": 0, \"requested_by\": \"Alex Example\","
  " \"created_at\": \"2026-11-26T10:00:00Z\", \"finished_at\": null, \"error\": null}";

/* A list model that is not a GListStore, as a filter or sort model is. */
#define TEST_TYPE_ARRAY_MODEL (test_array_model_get_type ())
G_DECLARE_FINAL_TYPE (TestArrayModel, test_array_model, TEST, ARRAY_MODEL, GObject)

struct _TestArrayModel
{
  GObject    parent_instance;
  GPtrArray *items;
};

static GType
test_array_model_get_item_type (GListModel *model)
{
  return COCKPIT_TYPE_STAGE;
}

static guint
test_array_model_get_n_items (GListModel *model)
{
  return TEST_ARRAY_MODEL (model)->items->len;
}

static gpointer
test_array_model_get_item (GListModel *model,
                           guint       position)
{
  TestArrayModel *self = TEST_ARRAY_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
test_array_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = test_array_model_get_item_type;
  iface->get_n_items = test_array_model_get_n_items;
  iface->get_item = test_array_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TestArrayModel, test_array_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      test_array_model_iface_init))

static void
test_array_model_finalize (GObject *object)
{
  g_clear_pointer (&TEST_ARRAY_MODEL (object)->items, g_ptr_array_unref);
  G_OBJECT_CLASS (test_array_model_parent_class)->finalize (object);
}

static void
test_array_model_class_init (TestArrayModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_array_model_finalize;
}

static void
test_array_model_init (TestArrayModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

static CockpitStage *
stage_new (CockpitStageName   name,
           CockpitStageStatus status)
{
  CockpitStage *stage = cockpit_stage_new ();

  cockpit_stage_set_name (stage, name);
  cockpit_stage_set_status (stage, status);
  return stage;
}

static void
test_create (void)
{
  CockpitAction *action = cockpit_action_new ();
  g_autoptr(CockpitActionError) error = cockpit_action_error_new ();
  g_autoptr(JsonNode) params = model_parse ("{\"target_version\": \"6.3.21\"}");
  g_autoptr(CockpitStage) stage = stage_new (COCKPIT_STAGE_CREATE_REPLICA,
                                             COCKPIT_STAGE_STATUS_RUNNING);
  GListModel *stages;

  stages = cockpit_action_get_stages (action);
  g_assert_true (G_IS_LIST_STORE (stages));
  g_assert_true (g_list_model_get_item_type (stages) == COCKPIT_TYPE_STAGE);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 0);
  g_assert_null (cockpit_action_get_params (action));
  g_assert_cmpint (cockpit_action_get_stage (action), ==, COCKPIT_STAGE_NONE);
  g_assert_cmpfloat (cockpit_action_get_progress (action), ==, 0.0);
  g_assert_null (cockpit_action_get_error (action));
  g_assert_true (cockpit_action_is_running (action));

  cockpit_action_set_id (action, "act-1");
  cockpit_action_set_params (action, params);
  cockpit_action_set_error (action, error);
  g_list_store_append (G_LIST_STORE (stages), stage);
  g_assert_finalize_object (action);

  /* The action let go of what it held. */
  g_assert_finalize_object (g_steal_pointer (&stage));
  g_assert_finalize_object (g_steal_pointer (&error));
}

static void
test_notify_string (void)
{
  g_autoptr(CockpitAction) action = cockpit_action_new ();
  guint count;

  model_watch_notify (action, "requested-by", &count);
  cockpit_action_set_requested_by (action, "Alex Example");
  cockpit_action_set_requested_by (action, "Alex Example");
  g_assert_cmpuint (count, ==, 1);
}

static void
test_notify_enum (void)
{
  g_autoptr(CockpitAction) action = cockpit_action_new ();
  guint status_count, stage_count;

  model_watch_notify (action, "status", &status_count);
  model_watch_notify (action, "stage", &stage_count);
  cockpit_action_set_stage (action, COCKPIT_STAGE_CREATE_REPLICA);
  cockpit_action_set_stage (action, COCKPIT_STAGE_CREATE_REPLICA);
  g_assert_cmpuint (stage_count, ==, 1);
  cockpit_action_set_status (action, COCKPIT_ACTION_STATUS_SUCCEEDED);
  cockpit_action_set_stage (action, COCKPIT_STAGE_NONE);
  g_assert_cmpuint (status_count, ==, 1);
  g_assert_cmpuint (stage_count, ==, 2);
  g_assert_false (cockpit_action_is_running (action));
}

static void
test_notify_double (void)
{
  g_autoptr(CockpitAction) action = cockpit_action_new ();
  guint count;

  model_watch_notify (action, "progress", &count);
  cockpit_action_set_progress (action, 0.0);
  g_assert_cmpuint (count, ==, 0);
  cockpit_action_set_progress (action, 0.5);
  cockpit_action_set_progress (action, 0.5);
  g_assert_cmpuint (count, ==, 1);
  g_object_set (action, "progress", 0.75, NULL);
  g_assert_cmpuint (count, ==, 2);

  /* The setter clamps to the property's range. */
  cockpit_action_set_progress (action, 1.5);
  g_assert_cmpfloat (cockpit_action_get_progress (action), ==, 1.0);
  g_assert_cmpuint (count, ==, 3);
  cockpit_action_set_progress (action, 2.0);
  g_assert_cmpuint (count, ==, 3);
  cockpit_action_set_progress (action, -0.1);
  g_assert_cmpfloat (cockpit_action_get_progress (action), ==, 0.0);
  g_assert_cmpuint (count, ==, 4);
}

static void
test_notify_json (void)
{
  g_autoptr(CockpitAction) action = cockpit_action_new ();
  g_autoptr(JsonNode) a = model_parse ("{\"target_version\": \"6.3.21\"}");
  g_autoptr(JsonNode) a_again = model_parse ("{ \"target_version\" : \"6.3.21\" }");
  g_autoptr(JsonNode) b = model_parse ("{\"target_version\": \"6.3.22\"}");
  guint count;

  model_watch_notify (action, "params", &count);
  cockpit_action_set_params (action, NULL);
  g_assert_cmpuint (count, ==, 0);
  cockpit_action_set_params (action, a);
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (json_node_equal (cockpit_action_get_params (action), a));
  cockpit_action_set_params (action, a_again);
  cockpit_action_set_params (action, cockpit_action_get_params (action));
  g_assert_cmpuint (count, ==, 1);
  cockpit_action_set_params (action, b);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpstr (cockpit_action_get_target_version (action), ==, "6.3.22");
  cockpit_action_set_params (action, NULL);
  g_assert_cmpuint (count, ==, 3);
  g_assert_null (cockpit_action_get_target_version (action));
}

static void
test_notify_time (void)
{
  g_autoptr(CockpitAction) action = cockpit_action_new ();
  g_autoptr(GDateTime) a = model_time ("2026-11-26T09:38:00Z");
  guint count;

  model_watch_notify (action, "finished-at", &count);
  cockpit_action_set_finished_at (action, a);
  cockpit_action_set_finished_at (action, a);
  g_assert_cmpuint (count, ==, 1);
}

static void
test_notify_object (void)
{
  g_autoptr(CockpitAction) action = cockpit_action_new ();
  g_autoptr(CockpitActionError) error = cockpit_action_error_new ();
  guint count;

  model_watch_notify (action, "error", &count);
  cockpit_action_set_error (action, error);
  cockpit_action_set_error (action, error);
  g_assert_cmpuint (count, ==, 1);
  cockpit_action_set_error (action, NULL);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_notify_list (void)
{
  g_autoptr(CockpitAction) action = cockpit_action_new ();
  g_autoptr(GListStore) store = g_list_store_new (COCKPIT_TYPE_STAGE);
  g_autoptr(TestArrayModel) plain = g_object_new (TEST_TYPE_ARRAY_MODEL, NULL);
  g_autoptr(CockpitStage) stage = stage_new (COCKPIT_STAGE_TEARDOWN, COCKPIT_STAGE_STATUS_DONE);
  g_autoptr(GListModel) before = NULL;
  guint count;

  model_watch_notify (action, "stages", &count);

  /* A GListStore of stages is held as it is. */
  g_list_store_append (store, stage);
  cockpit_action_set_stages (action, G_LIST_MODEL (store));
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (cockpit_action_get_stages (action) == G_LIST_MODEL (store));
  cockpit_action_set_stages (action, G_LIST_MODEL (store));
  g_assert_cmpuint (count, ==, 1);

  /* NULL is an empty list, never no list. */
  cockpit_action_set_stages (action, NULL);
  g_assert_cmpuint (count, ==, 2);
  g_assert_true (G_IS_LIST_STORE (cockpit_action_get_stages (action)));
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_action_get_stages (action)), ==, 0);

  /* Another kind of list is copied into a store of stages. */
  g_ptr_array_add (plain->items, g_object_ref (stage));
  before = g_object_ref (cockpit_action_get_stages (action));
  g_object_set (action, "stages", plain, NULL);
  g_assert_cmpuint (count, ==, 3);
  g_assert_true (cockpit_action_get_stages (action) != before);
  g_assert_true (cockpit_action_get_stages (action) != G_LIST_MODEL (plain));
  g_assert_true (g_list_model_get_item_type (cockpit_action_get_stages (action)) ==
                 COCKPIT_TYPE_STAGE);
  g_assert_true (cockpit_action_get_stage_by_name (action, COCKPIT_STAGE_TEARDOWN) == stage);
}

static void
test_stages_wrong_type (void)
{
  g_autoptr(CockpitAction) action = cockpit_action_new ();
  g_autoptr(GListStore) store = g_list_store_new (COCKPIT_TYPE_ACTION_ERROR);
  GListModel *before = cockpit_action_get_stages (action);

  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*COCKPIT_TYPE_STAGE*");
  cockpit_action_set_stages (action, G_LIST_MODEL (store));
  g_test_assert_expected_messages ();
  g_assert_true (cockpit_action_get_stages (action) == before);
}

static void
test_notify_all (void)
{
  g_autoptr(CockpitAction) action = cockpit_action_new ();

  model_assert_notify_all (action);
}

static void
assert_stage (CockpitAction      *action,
              guint               position,
              CockpitStageName    name,
              CockpitStageStatus  status,
              const char         *started_at,
              const char         *finished_at)
{
  g_autoptr(CockpitStage) stage = g_list_model_get_item (cockpit_action_get_stages (action),
                                                         position);

  g_assert_nonnull (stage);
  g_assert_cmpint (cockpit_stage_get_name (stage), ==, name);
  g_assert_cmpint (cockpit_stage_get_status (stage), ==, status);
  if (started_at != NULL)
    model_assert_time (cockpit_stage_get_started_at (stage), started_at);
  else
    g_assert_null (cockpit_stage_get_started_at (stage));
  if (finished_at != NULL)
    model_assert_time (cockpit_stage_get_finished_at (stage), finished_at);
  else
    g_assert_null (cockpit_stage_get_finished_at (stage));
  g_assert_true (cockpit_action_get_stage_by_name (action, name) == stage);
}

static void
test_decode (void)
{
  g_autoptr(CockpitAction) action = model_decode (COCKPIT_TYPE_ACTION, sample);
  CockpitActionError *error;
  JsonNode *params;

  g_assert_cmpstr (cockpit_action_get_id (action), ==, "act-42");
  g_assert_cmpstr (cockpit_action_get_package_id (action), ==, "acmeweb");
  g_assert_cmpstr (cockpit_action_get_environment_id (action), ==, "acmeweb-live");
  g_assert_cmpint (cockpit_action_get_kind (action), ==, COCKPIT_ACTION_KIND_UPGRADE);
  params = cockpit_action_get_params (action);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (params));
  g_assert_cmpuint (json_object_get_size (json_node_get_object (params)), ==, 1);
  g_assert_cmpstr (cockpit_action_get_target_version (action), ==, "6.3.21");
  g_assert_cmpint (cockpit_action_get_status (action), ==, COCKPIT_ACTION_STATUS_FAILED);
  g_assert_false (cockpit_action_is_running (action));
  g_assert_cmpint (cockpit_action_get_stage (action), ==, COCKPIT_STAGE_VERIFY_REPLICA);
  g_assert_cmpfloat_with_epsilon (cockpit_action_get_progress (action), 0.6, 1e-9);
  g_assert_cmpstr (cockpit_action_get_requested_by (action), ==, "Alex Example");
  model_assert_time (cockpit_action_get_created_at (action), "2026-11-26T09:30:00Z");
  model_assert_time (cockpit_action_get_finished_at (action), "2026-11-26T09:38:00Z");

  error = cockpit_action_get_error (action);
  g_assert_true (COCKPIT_IS_ACTION_ERROR (error));
  g_assert_cmpstr (cockpit_action_error_get_code (error), ==, "verify_failed");
  g_assert_cmpstr (cockpit_action_error_get_message (error), ==, "The new version did not start.");

  g_assert_cmpuint (g_list_model_get_n_items (cockpit_action_get_stages (action)), ==, 5);
  g_assert_true (G_IS_LIST_STORE (cockpit_action_get_stages (action)));
  assert_stage (action, 0, COCKPIT_STAGE_CREATE_REPLICA, COCKPIT_STAGE_STATUS_DONE,
                "2026-11-26T09:30:00Z", "2026-11-26T09:32:00Z");
  assert_stage (action, 1, COCKPIT_STAGE_DEPLOY_VERSION, COCKPIT_STAGE_STATUS_DONE,
                "2026-11-26T09:32:00Z", "2026-11-26T09:36:00Z");
  assert_stage (action, 2, COCKPIT_STAGE_VERIFY_REPLICA, COCKPIT_STAGE_STATUS_FAILED,
                "2026-11-26T09:36:00Z", "2026-11-26T09:38:00Z");
  assert_stage (action, 3, COCKPIT_STAGE_SWITCH_TRAFFIC, COCKPIT_STAGE_STATUS_SKIPPED, NULL, NULL);
  assert_stage (action, 4, COCKPIT_STAGE_KEEP_BACKUP, COCKPIT_STAGE_STATUS_SKIPPED, NULL, NULL);
  g_assert_null (cockpit_action_get_stage_by_name (action, COCKPIT_STAGE_RETIRE_OLD));
  g_assert_null (cockpit_action_get_stage_by_name (action, COCKPIT_STAGE_NONE));

  model_assert_same_members (action, sample);
}

static void
test_decode_running (void)
{
  g_autoptr(CockpitAction) action = model_decode (COCKPIT_TYPE_ACTION, running_sample);

  g_assert_cmpint (cockpit_action_get_kind (action), ==, COCKPIT_ACTION_KIND_CREATE_BACKUP);
  g_assert_true (cockpit_action_is_running (action));
  g_assert_null (cockpit_action_get_target_version (action));
  g_assert_cmpint (cockpit_action_get_stage (action), ==, COCKPIT_STAGE_CREATE_BACKUP);
  /* A whole number is a number too. */
  g_assert_cmpfloat (cockpit_action_get_progress (action), ==, 0.0);
  g_assert_null (cockpit_action_get_finished_at (action));
  g_assert_null (cockpit_action_get_error (action));
  assert_stage (action, 0, COCKPIT_STAGE_CREATE_BACKUP, COCKPIT_STAGE_STATUS_RUNNING,
                "2026-11-26T10:00:00Z", NULL);
  model_assert_same_members (action, running_sample);
  model_assert_round_trip (action);
}

static void
test_target_version (void)
{
  static const struct {
    const char *params;
    const char *expected;
  } cases[] = {
    { "{\"target_version\": \"6.3.21\"}", "6.3.21" },
    { "{\"target_version\": \"6.2.42-sp1\", \"other\": 1}", "6.2.42-sp1" },
    { "{}", NULL },
    { "{\"expires_at\": \"2026-12-01T09:30:00Z\"}", NULL },
    { "{\"target_version\": null}", NULL },
    { "{\"target_version\": 6}", NULL },
    { "{\"target_version\": 6.3}", NULL },
    { "{\"target_version\": true}", NULL },
    { "{\"target_version\": [\"6.3.21\"]}", NULL },
    { "{\"target_version\": {\"version\": \"6.3.21\"}}", NULL },
  };
  g_autoptr(CockpitAction) action = cockpit_action_new ();

  g_assert_null (cockpit_action_get_target_version (action));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) params = model_parse (cases[i].params);

      g_test_message ("params: %s", cases[i].params);
      cockpit_action_set_params (action, params);
      g_assert_cmpstr (cockpit_action_get_target_version (action), ==, cases[i].expected);
    }
}

static void
test_from_version (void)
{
  static const struct {
    const char *params;
    const char *expected;
  } cases[] = {
    { "{\"target_version\": \"6.3.21\", \"from_version\": \"6.3.19\"}", "6.3.19" },
    { "{\"from_version\": \"6.3.18\"}", "6.3.18" },
    { "{\"target_version\": \"6.3.21\"}", NULL },
    { "{}", NULL },
    { "{\"from_version\": null}", NULL },
    { "{\"from_version\": 6.3}", NULL },
    { "{\"from_version\": [\"6.3.19\"]}", NULL },
  };
  g_autoptr(CockpitAction) action = cockpit_action_new ();

  g_assert_null (cockpit_action_get_from_version (action));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) params = model_parse (cases[i].params);

      g_test_message ("params: %s", cases[i].params);
      cockpit_action_set_params (action, params);
      g_assert_cmpstr (cockpit_action_get_from_version (action), ==, cases[i].expected);
    }
}

static void
test_round_trip (void)
{
  g_autoptr(CockpitAction) action = model_decode (COCKPIT_TYPE_ACTION, sample);
  g_autoptr(JsonNode) node = NULL;

  model_assert_round_trip (action);

  /* A finished action has no stage: null, not "none". */
  cockpit_action_set_stage (action, COCKPIT_STAGE_NONE);
  cockpit_action_set_error (action, NULL);
  cockpit_action_set_progress (action, 1.0);
  node = cockpit_json_encode (action);
  g_assert_true (json_object_get_null_member (json_node_get_object (node), "stage"));
  g_assert_true (json_object_get_null_member (json_node_get_object (node), "error"));
  model_assert_round_trip (action);
}

static void
test_nullable (void)
{
  static const char * const nullable[] = { "stage", "finished_at", "error", NULL };

  model_assert_nullable_members (COCKPIT_TYPE_ACTION, sample, nullable);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/model/action/create", test_create);
  g_test_add_func ("/cockpit/model/action/notify/string", test_notify_string);
  g_test_add_func ("/cockpit/model/action/notify/enum", test_notify_enum);
  g_test_add_func ("/cockpit/model/action/notify/double", test_notify_double);
  g_test_add_func ("/cockpit/model/action/notify/json", test_notify_json);
  g_test_add_func ("/cockpit/model/action/notify/time", test_notify_time);
  g_test_add_func ("/cockpit/model/action/notify/object", test_notify_object);
  g_test_add_func ("/cockpit/model/action/notify/list", test_notify_list);
  g_test_add_func ("/cockpit/model/action/notify/all", test_notify_all);
  g_test_add_func ("/cockpit/model/action/stages-wrong-type", test_stages_wrong_type);
  g_test_add_func ("/cockpit/model/action/decode", test_decode);
  g_test_add_func ("/cockpit/model/action/decode-running", test_decode_running);
  g_test_add_func ("/cockpit/model/action/target-version", test_target_version);
  g_test_add_func ("/cockpit/model/action/from-version", test_from_version);
  g_test_add_func ("/cockpit/model/action/round-trip", test_round_trip);
  g_test_add_func ("/cockpit/model/action/nullable", test_nullable);

  return g_test_run ();
}
