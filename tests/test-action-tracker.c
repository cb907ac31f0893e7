/* test-action-tracker.c: following actions to their end, across restarts, against the real simulator.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stages take a simulated minute, so nothing moves until a test moves the
 * simulator's clock; the tracker polls every 20 to 100 ms.  Each test has
 * a journal of its own in a temporary folder.
 */
#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "cockpit-action-tracker.h"
#include "test-sim-util.h"
#include "test-server-util.h"

#define TOKEN "tracker-token-3b8e51aa07"

typedef struct {
  SimFixture            sim;
  char                 *dir;
  char                 *journal;
  CockpitActionTracker *tracker;

  /* What the tracker's signals said */
  guint                 started;
  guint                 updated;
  guint                 finished;
  guint                 not_started;
  GArray               *stages;        /* CockpitStageName, one per stage-changed */
  CockpitAction        *last_started;
  CockpitAction        *last_finished;
  char                 *not_started_package;
  char                 *not_started_environment;
  CockpitActionKind     not_started_kind;
  char                 *not_started_message;
} Fixture;

static void
action_started_cb (CockpitActionTracker *tracker,
                   CockpitAction        *action,
                   Fixture              *f)
{
  f->started++;
  g_set_object (&f->last_started, action);
}

static void
action_updated_cb (CockpitActionTracker *tracker,
                   CockpitAction        *action,
                   Fixture              *f)
{
  f->updated++;
}

static void
stage_changed_cb (CockpitActionTracker *tracker,
                  CockpitAction        *action,
                  Fixture              *f)
{
  CockpitStageName stage = cockpit_action_get_stage (action);

  g_test_message ("stage-changed: %s", stage ? cockpit_enum_to_string (COCKPIT_TYPE_STAGE_NAME, stage) : "none");
  g_array_append_val (f->stages, stage);
}

static void
action_finished_cb (CockpitActionTracker *tracker,
                    CockpitAction        *action,
                    Fixture              *f)
{
  f->finished++;
  g_set_object (&f->last_finished, action);
}

static void
action_not_started_cb (CockpitActionTracker *tracker,
                       const char           *package_id,
                       const char           *environment_id,
                       CockpitActionKind     kind,
                       const char           *message,
                       Fixture              *f)
{
  f->not_started++;
  g_free (f->not_started_package);
  f->not_started_package = g_strdup (package_id);
  g_free (f->not_started_environment);
  f->not_started_environment = g_strdup (environment_id);
  f->not_started_kind = kind;
  g_free (f->not_started_message);
  f->not_started_message = g_strdup (message);
}

/* A tracker on the fixture's journal, its signals recorded. */
static CockpitActionTracker *
new_tracker (Fixture *f)
{
  CockpitActionTracker *tracker = cockpit_action_tracker_new (f->sim.client, f->journal);

  cockpit_action_tracker_set_intervals (tracker, 20, 100);
  g_signal_connect (tracker, "action-started", G_CALLBACK (action_started_cb), f);
  g_signal_connect (tracker, "action-updated", G_CALLBACK (action_updated_cb), f);
  g_signal_connect (tracker, "stage-changed", G_CALLBACK (stage_changed_cb), f);
  g_signal_connect (tracker, "action-finished", G_CALLBACK (action_finished_cb), f);
  g_signal_connect (tracker, "action-not-started", G_CALLBACK (action_not_started_cb), f);
  return tracker;
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sim_fixture_start (&f->sim, TOKEN, NULL);
  /* "404" in the name: messages that name the folder must not be taken
   * for status codes by api_assert_plain_message() (a random name did). */
  f->dir = g_dir_make_tmp ("cockpit-tracker-404-XXXXXX", &error);
  g_assert_no_error (error);
  /* A folder that does not exist yet: the tracker makes it. */
  f->journal = g_build_filename (f->dir, "state", "upgrade-cockpit", "actions.json", NULL);
  f->stages = g_array_new (FALSE, FALSE, sizeof (CockpitStageName));
  f->tracker = new_tracker (f);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  if (f->tracker != NULL)
    g_assert_finalize_object (g_steal_pointer (&f->tracker));
  g_clear_object (&f->last_started);
  g_clear_object (&f->last_finished);
  g_clear_pointer (&f->stages, g_array_unref);
  g_clear_pointer (&f->not_started_package, g_free);
  g_clear_pointer (&f->not_started_environment, g_free);
  g_clear_pointer (&f->not_started_message, g_free);
  sim_fixture_stop (&f->sim);
  api_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->journal, g_free);
}

/* Starts @kind through the tracker and waits for its answer. */
static CockpitAction *
tracker_start (Fixture                *f,
               const char             *package_id,
               CockpitEnvironmentKind  env_kind,
               CockpitActionKind       kind,
               const char             *target_version,
               GError                **error)
{
  g_autoptr(CockpitEnvironment) environment = sim_get_environment (f->sim.client, package_id, env_kind);
  g_autoptr(GAsyncResult) result = NULL;

  cockpit_action_tracker_start_async (f->tracker, environment, kind, target_version, NULL, NULL,
                                      api_result_cb, &result);
  api_wait_result (&result);
  return cockpit_action_tracker_start_finish (f->tracker, result, error);
}

/* The journal's entries, checking on the way that the file is JSON and
 * private to the user. */
static JsonArray *
journal_entries (Fixture *f)
{
  g_autoptr(JsonNode) root = api_read_json_file (f->journal);
  g_autofree char *dir = g_path_get_dirname (f->journal);
  JsonNode *entries;
  struct stat info;

  g_assert_cmpint (g_stat (f->journal, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  entries = json_object_get_member (json_node_get_object (root), "entries");
  g_assert_nonnull (entries);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (entries));
  return json_array_ref (json_node_get_array (entries));
}

static guint
count_actions (Fixture    *f,
               const char *package_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) actions = sim_list_actions (f->sim.client, package_id, 0, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (actions));
}

/* Moves the simulated clock one stage on and waits until the tracker
 * has reported the change. */
typedef struct {
  GArray *array;
  guint   length;
} Growth;

static gboolean
array_grew (gpointer data)
{
  Growth *growth = data;

  return growth->array->len > growth->length;
}

static void
next_stage (Fixture *f)
{
  Growth growth = { f->stages, f->stages->len };

  cockpit_simulator_advance_clock (f->sim.sim, (gint64) SIM_STAGE_SECONDS);
  api_wait_until (array_grew, &growth);
}

/* Forgets what the signals said, for a new tracker. */
static void
reset_record (Fixture *f)
{
  f->started = f->updated = f->finished = f->not_started = 0;
  g_array_set_size (f->stages, 0);
  g_clear_object (&f->last_started);
  g_clear_object (&f->last_finished);
}

static void
wait_finished (Fixture *f)
{
  api_wait_until (api_counter_positive, &f->finished);
}

/* Writes a journal by hand, as an earlier run of the app would have. */
static void
write_journal (Fixture    *f,
               const char *entries)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (f->journal);
  g_autofree char *text = g_strdup_printf ("{\"version\": 1, \"entries\": [%s]}", entries);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents_full (f->journal, text, -1, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
}

static char *
journal_entry (Fixture    *f,
               const char *package_id,
               const char *environment_id,
               const char *kind,
               const char *params,
               const char *action_id)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *started = cockpit_date_time_format (now);
  g_autofree char *key = cockpit_client_new_idempotency_key ();
  g_autofree char *action = action_id ? g_strdup_printf ("\"%s\"", action_id) : g_strdup ("null");

  return g_strdup_printf ("{\"cockpit\": \"%s\", \"idempotency_key\": \"%s\", \"package_id\": \"%s\","
                          " \"environment_id\": \"%s\", \"kind\": \"%s\", \"params\": %s,"
                          " \"started_at\": \"%s\", \"action_id\": %s}",
                          cockpit_client_get_base_url (f->sim.client), key, package_id, environment_id,
                          kind, params, started, action);
}

/* Tests ------------------------------------------------------------------------ */

static void
test_create_destroy (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *default_path = NULL;
  CockpitActionTracker *tracker;

  g_assert_true (cockpit_action_tracker_get_client (f->tracker) == f->sim.client);
  g_assert_cmpstr (cockpit_action_tracker_get_journal_path (f->tracker), ==, f->journal);
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_action_tracker_get_actions (f->tracker)), ==, 0);
  g_assert_false (cockpit_action_tracker_is_busy (f->tracker, "acmeweb"));
  g_assert_null (cockpit_action_tracker_find_for_package (f->tracker, "acmeweb"));

  /* Resuming without a journal does nothing and writes nothing. */
  cockpit_action_tracker_resume (f->tracker);
  api_spin (100);
  g_assert_false (g_file_test (f->journal, G_FILE_TEST_EXISTS));

  tracker = cockpit_action_tracker_new (f->sim.client, NULL);
  default_path = g_build_filename (g_get_user_state_dir (), "upgrade-cockpit", "actions.json", NULL);
  g_assert_cmpstr (cockpit_action_tracker_get_journal_path (tracker), ==, default_path);
  g_assert_finalize_object (tracker);
}

static void
test_success (Fixture       *f,
              gconstpointer  data)
{
  static const CockpitStageName expected[] = {
    COCKPIT_STAGE_DEPLOY_VERSION, COCKPIT_STAGE_VERIFY_REPLICA, COCKPIT_STAGE_SWITCH_TRAFFIC,
    COCKPIT_STAGE_RETIRE_OLD, COCKPIT_STAGE_NONE,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(JsonArray) entries = NULL;
  g_autoptr(CockpitEnvironment) environment = NULL;

  action = tracker_start (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_ACTION_KIND_UPGRADE, "6.3.21", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cockpit_action_get_stage (action), ==, COCKPIT_STAGE_CREATE_REPLICA);
  g_assert_cmpuint (f->started, ==, 1);
  g_assert_cmpstr (cockpit_action_get_id (f->last_started), ==, cockpit_action_get_id (action));
  g_assert_true (cockpit_action_tracker_is_busy (f->tracker, "acmeweb"));
  g_assert_false (cockpit_action_tracker_is_busy (f->tracker, "globex"));
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_action_tracker_get_actions (f->tracker)), ==, 1);
  g_assert_cmpstr (cockpit_action_get_id (cockpit_action_tracker_find_for_package (f->tracker, "acmeweb")), ==,
                   cockpit_action_get_id (action));

  /* While it runs, the journal knows the action. */
  entries = journal_entries (f);
  g_assert_cmpuint (json_array_get_length (entries), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 0), "action_id"), ==,
                   cockpit_action_get_id (action));
  g_clear_pointer (&entries, json_array_unref);

  /* One stage-changed for every stage, in order, then the end. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpuint (f->finished, ==, 0);
      next_stage (f);
      g_assert_cmpuint (f->stages->len, ==, i + 1);
      g_assert_cmpint (g_array_index (f->stages, CockpitStageName, i), ==, expected[i]);
    }
  wait_finished (f);

  g_assert_cmpuint (f->finished, ==, 1);
  g_assert_cmpuint (f->started, ==, 1);
  g_assert_cmpuint (f->updated, >=, G_N_ELEMENTS (expected));
  g_assert_cmpstr (cockpit_action_get_id (f->last_finished), ==, cockpit_action_get_id (action));
  g_assert_cmpint (cockpit_action_get_status (f->last_finished), ==, COCKPIT_ACTION_STATUS_SUCCEEDED);
  g_assert_cmpfloat (cockpit_action_get_progress (f->last_finished), ==, 1.0);
  g_assert_false (cockpit_action_tracker_is_busy (f->tracker, "acmeweb"));
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_action_tracker_get_actions (f->tracker)), ==, 0);

  environment = sim_get_environment (f->sim.client, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT);
  g_assert_cmpstr (cockpit_environment_get_magnolia_version (environment), ==, "6.3.21");

  /* Nothing left to follow. */
  entries = journal_entries (f);
  g_assert_cmpuint (json_array_get_length (entries), ==, 0);

  /* No more polling once it ended. */
  {
    guint updated = f->updated;

    api_spin (300);
    g_assert_cmpuint (f->updated, ==, updated);
  }
}

static void
test_failure (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(CockpitEnvironment) environment = NULL;
  GListModel *stages;

  sim_control (&f->sim, "/_sim/fail-next", "{\"stage\": \"verify_replica\"}");
  action = tracker_start (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_ACTION_KIND_UPGRADE, "6.3.21", &error);
  g_assert_no_error (error);

  next_stage (f);
  next_stage (f);
  g_assert_cmpint (g_array_index (f->stages, CockpitStageName, 1), ==, COCKPIT_STAGE_VERIFY_REPLICA);
  /* The verification fails at its end. */
  cockpit_simulator_advance_clock (f->sim.sim, (gint64) SIM_STAGE_SECONDS);
  wait_finished (f);

  g_assert_cmpuint (f->finished, ==, 1);
  g_assert_cmpint (cockpit_action_get_status (f->last_finished), ==, COCKPIT_ACTION_STATUS_FAILED);
  g_assert_cmpint (cockpit_action_get_stage (f->last_finished), ==, COCKPIT_STAGE_VERIFY_REPLICA);
  g_assert_nonnull (cockpit_action_get_error (f->last_finished));
  g_assert_nonnull (cockpit_action_get_finished_at (f->last_finished));

  stages = cockpit_action_get_stages (f->last_finished);
  g_assert_cmpint (cockpit_stage_get_status (cockpit_action_get_stage_by_name (f->last_finished, COCKPIT_STAGE_CREATE_REPLICA)), ==,
                   COCKPIT_STAGE_STATUS_DONE);
  g_assert_cmpint (cockpit_stage_get_status (cockpit_action_get_stage_by_name (f->last_finished, COCKPIT_STAGE_VERIFY_REPLICA)), ==,
                   COCKPIT_STAGE_STATUS_FAILED);
  g_assert_cmpint (cockpit_stage_get_status (cockpit_action_get_stage_by_name (f->last_finished, COCKPIT_STAGE_SWITCH_TRAFFIC)), ==,
                   COCKPIT_STAGE_STATUS_SKIPPED);
  g_assert_cmpint (cockpit_stage_get_status (cockpit_action_get_stage_by_name (f->last_finished, COCKPIT_STAGE_RETIRE_OLD)), ==,
                   COCKPIT_STAGE_STATUS_SKIPPED);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 5);

  /* The environment stays on its old version; the package is free. */
  environment = sim_get_environment (f->sim.client, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT);
  g_assert_cmpstr (cockpit_environment_get_magnolia_version (environment), ==, "6.3.19");
  g_assert_false (cockpit_action_tracker_is_busy (f->tracker, "acmeweb"));
  {
    g_autoptr(JsonArray) entries = journal_entries (f);

    g_assert_cmpuint (json_array_get_length (entries), ==, 0);
  }
}

static void
test_destroyed_mid_action (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitAction) action = NULL;
  g_autofree char *id = NULL;

  action = tracker_start (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_ACTION_KIND_UPGRADE, "6.3.21", &error);
  g_assert_no_error (error);
  id = g_strdup (cockpit_action_get_id (action));
  next_stage (f);

  /* Closed while polls are scheduled or on their way: it goes at once,
   * and its journal stays. */
  api_spin (30);
  g_assert_finalize_object (g_steal_pointer (&f->tracker));
  api_spin (300);
  {
    g_autoptr(JsonArray) entries = journal_entries (f);

    g_assert_cmpuint (json_array_get_length (entries), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 0), "action_id"), ==, id);
  }

  /* The next run picks it up where it was and follows it to the end. */
  reset_record (f);
  f->tracker = new_tracker (f);
  cockpit_action_tracker_resume (f->tracker);
  g_assert_true (cockpit_action_tracker_is_busy (f->tracker, "acmeweb"));
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_action_tracker_get_actions (f->tracker)), ==, 1);
  /* The first poll fills in the placeholder: at deploy_version. */
  api_wait_until (api_counter_positive, &f->updated);
  g_assert_cmpint (cockpit_action_get_stage (cockpit_action_tracker_find_for_package (f->tracker, "acmeweb")), ==,
                   COCKPIT_STAGE_DEPLOY_VERSION);

  next_stage (f);
  cockpit_simulator_advance_clock (f->sim.sim, 600);
  wait_finished (f);
  g_assert_cmpuint (f->finished, ==, 1);
  g_assert_cmpstr (cockpit_action_get_id (f->last_finished), ==, id);
  g_assert_cmpint (cockpit_action_get_status (f->last_finished), ==, COCKPIT_ACTION_STATUS_SUCCEEDED);
  {
    g_autoptr(JsonArray) entries = journal_entries (f);

    g_assert_cmpuint (json_array_get_length (entries), ==, 0);
  }
}

static void
test_ended_while_closed (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitAction) action = NULL;
  g_autofree char *id = NULL;

  action = tracker_start (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_CREATE_BACKUP, NULL, &error);
  g_assert_no_error (error);
  id = g_strdup (cockpit_action_get_id (action));
  g_assert_finalize_object (g_steal_pointer (&f->tracker));

  /* The action ends while the app is closed ... */
  cockpit_simulator_advance_clock (f->sim.sim, 600);
  api_spin (200);
  g_assert_cmpuint (f->finished, ==, 0);

  /* ... and the next run reports it once it has looked. */
  reset_record (f);
  f->tracker = new_tracker (f);
  cockpit_action_tracker_resume (f->tracker);
  g_assert_cmpuint (f->finished, ==, 0);
  wait_finished (f);
  g_assert_cmpuint (f->finished, ==, 1);
  g_assert_cmpstr (cockpit_action_get_id (f->last_finished), ==, id);
  g_assert_cmpint (cockpit_action_get_status (f->last_finished), ==, COCKPIT_ACTION_STATUS_SUCCEEDED);
  g_assert_cmpint (cockpit_action_get_kind (f->last_finished), ==, COCKPIT_ACTION_KIND_CREATE_BACKUP);
  g_assert_false (cockpit_action_tracker_is_busy (f->tracker, "acmeweb"));
  {
    g_autoptr(JsonArray) entries = journal_entries (f);

    g_assert_cmpuint (json_array_get_length (entries), ==, 0);
  }
}


/* A network monitor the test switches by hand. */
#define TEST_TYPE_FAKE_MONITOR (test_fake_monitor_get_type ())
G_DECLARE_FINAL_TYPE (TestFakeMonitor, test_fake_monitor, TEST, FAKE_MONITOR, GObject)

struct _TestFakeMonitor
{
  GObject  parent_instance;
  gboolean available;
};

static void
test_fake_monitor_iface_init (GNetworkMonitorInterface *iface)
{
}

static gboolean
test_fake_monitor_initable_init (GInitable     *initable,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  return TRUE;
}

static void
test_fake_monitor_initable_iface_init (GInitableIface *iface)
{
  iface->init = test_fake_monitor_initable_init;
}

/* GNetworkMonitor requires GInitable. */
G_DEFINE_FINAL_TYPE_WITH_CODE (TestFakeMonitor, test_fake_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, test_fake_monitor_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, test_fake_monitor_iface_init))

static void
test_fake_monitor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TestFakeMonitor *self = TEST_FAKE_MONITOR (object);

  switch (prop_id)
    {
    case 1:
      g_value_set_boolean (value, self->available);
      break;
    case 2:
      g_value_set_boolean (value, FALSE);
      break;
    case 3:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_fake_monitor_class_init (TestFakeMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_fake_monitor_get_property;
  g_object_class_override_property (object_class, 1, "network-available");
  g_object_class_override_property (object_class, 2, "network-metered");
  g_object_class_override_property (object_class, 3, "connectivity");
}

static void
test_fake_monitor_init (TestFakeMonitor *self)
{
  self->available = TRUE;
}

static void
test_fake_monitor_set_available (TestFakeMonitor *self,
                                 gboolean         available)
{
  self->available = available;
  g_object_notify (G_OBJECT (self), "network-available");
  g_signal_emit_by_name (self, "network-changed", available);
}

/* While the network is down the tracker does not poll, and never calls
 * the action failed; when it returns, it looks at once. */
static void
test_network_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(TestFakeMonitor) monitor = g_object_new (TEST_TYPE_FAKE_MONITOR, NULL);
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GError) error = NULL;
  guint updated;

  cockpit_action_tracker_set_network_monitor (f->tracker, G_NETWORK_MONITOR (monitor), TRUE);
  action = tracker_start (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_CREATE_BACKUP, NULL, &error);
  g_assert_no_error (error);

  test_fake_monitor_set_available (monitor, FALSE);
  api_spin (200);
  updated = f->updated;
  cockpit_simulator_advance_clock (f->sim.sim, 600);
  api_spin (500);
  g_assert_cmpuint (f->updated, ==, updated);
  g_assert_cmpuint (f->finished, ==, 0);
  g_assert_true (cockpit_action_tracker_is_busy (f->tracker, "acmeweb"));

  test_fake_monitor_set_available (monitor, TRUE);
  wait_finished (f);
  g_assert_cmpint (cockpit_action_get_status (f->last_finished), ==, COCKPIT_ACTION_STATUS_SUCCEEDED);
}

static gboolean
not_busy (gpointer data)
{
  Fixture *f = data;

  return !cockpit_action_tracker_is_busy (f->tracker, "acmeweb");
}

static gboolean
upgrade_started (gpointer data)
{
  Fixture *f = data;

  return f->last_started != NULL && cockpit_action_get_kind (f->last_started) == COCKPIT_ACTION_KIND_UPGRADE;
}

/* "Back up Live first": the upgrade follows the backup even when the app
 * was closed in between, because both steps are in the journal. */
static void
test_backup_then_upgrade_across_restart (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(CockpitEnvironment) live = sim_get_environment (f->sim.client, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CockpitAction) backup = NULL;
  g_autoptr(CockpitEnvironment) after = NULL;
  g_autoptr(GError) error = NULL;

  cockpit_action_tracker_start_backup_then_upgrade_async (f->tracker, live, "6.3.21", NULL, api_result_cb, &result);
  backup = cockpit_action_tracker_start_finish (f->tracker, api_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cockpit_action_get_kind (backup), ==, COCKPIT_ACTION_KIND_CREATE_BACKUP);
  {
    g_autoptr(JsonArray) entries = journal_entries (f);
    JsonObject *entry = json_array_get_object_element (entries, 0);

    g_assert_cmpuint (json_array_get_length (entries), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "then"), "kind"), ==, "upgrade");
  }

  /* Closed while the backup runs; it ends meanwhile.  (The result, a
   * GTask, holds the tracker until it goes.) */
  g_clear_object (&result);
  api_spin (30);
  g_assert_finalize_object (g_steal_pointer (&f->tracker));
  cockpit_simulator_advance_clock (f->sim.sim, 600);

  reset_record (f);
  f->tracker = new_tracker (f);
  cockpit_action_tracker_resume (f->tracker);
  api_wait_until (upgrade_started, f);
  g_assert_cmpstr (cockpit_action_get_target_version (f->last_started), ==, "6.3.21");
  g_assert_cmpuint (f->not_started, ==, 0);

  cockpit_simulator_advance_clock (f->sim.sim, 3600);
  api_wait_until (not_busy, f);
  after = sim_get_environment (f->sim.client, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE);
  g_assert_cmpstr (cockpit_environment_get_magnolia_version (after), ==, "6.3.21");
  g_assert_nonnull (cockpit_environment_get_latest_manual_backup (after));
  {
    g_autoptr(JsonArray) entries = journal_entries (f);

    g_assert_cmpuint (json_array_get_length (entries), ==, 0);
  }
}

/* A failed backup: no upgrade, and the reason. */
static void
test_backup_failed_no_upgrade (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(CockpitEnvironment) live = sim_get_environment (f->sim.client, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CockpitAction) backup = NULL;
  g_autoptr(CockpitEnvironment) after = NULL;
  g_autoptr(GError) error = NULL;

  sim_control (&f->sim, "/_sim/fail-next", "{\"stage\": \"create_backup\"}");
  cockpit_action_tracker_start_backup_then_upgrade_async (f->tracker, live, "6.3.21", NULL, api_result_cb, &result);
  backup = cockpit_action_tracker_start_finish (f->tracker, api_wait_result (&result), &error);
  g_assert_no_error (error);

  cockpit_simulator_advance_clock (f->sim.sim, 600);
  api_wait_until (api_counter_positive, &f->not_started);
  g_assert_cmpint (f->not_started_kind, ==, COCKPIT_ACTION_KIND_UPGRADE);
  g_assert_nonnull (strstr (f->not_started_message, "backup of Live failed"));
  api_wait_until (not_busy, f);
  after = sim_get_environment (f->sim.client, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE);
  g_assert_cmpstr (cockpit_environment_get_magnolia_version (after), ==, "6.3.18");
}

static void
test_double_start (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CockpitEnvironment) uat = sim_get_environment (f->sim.client, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT);
  g_autoptr(CockpitEnvironment) live = sim_get_environment (f->sim.client, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE);
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GAsyncResult) third = NULL;
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(CockpitAction) refused = NULL;
  g_autoptr(GError) error = NULL;
  guint before = count_actions (f, "acmeweb");

  /* A double click: the second start comes before the first answer. */
  cockpit_action_tracker_start_async (f->tracker, uat, COCKPIT_ACTION_KIND_UPGRADE, "6.3.21", NULL, NULL,
                                      api_result_cb, &first);
  cockpit_action_tracker_start_async (f->tracker, uat, COCKPIT_ACTION_KIND_UPGRADE, "6.3.21", NULL, NULL,
                                      api_result_cb, &second);
  /* The refusal needs no answer from the cockpit. */
  api_wait_result (&second);
  refused = cockpit_action_tracker_start_finish (f->tracker, second, &error);
  g_assert_null (refused);
  g_assert_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_PACKAGE_BUSY);
  api_assert_plain_message (error, TOKEN);
  g_clear_error (&error);

  api_wait_result (&first);
  action = cockpit_action_tracker_start_finish (f->tracker, first, &error);
  g_assert_no_error (error);

  /* Another environment of the same package is busy too. */
  cockpit_action_tracker_start_async (f->tracker, live, COCKPIT_ACTION_KIND_CREATE_BACKUP, NULL, NULL, NULL,
                                      api_result_cb, &third);
  api_wait_result (&third);
  g_clear_object (&refused);
  refused = cockpit_action_tracker_start_finish (f->tracker, third, &error);
  g_assert_null (refused);
  g_assert_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_PACKAGE_BUSY);

  /* The cockpit saw one action, and the journal holds one. */
  g_assert_cmpuint (count_actions (f, "acmeweb"), ==, before + 1);
  g_assert_cmpuint (f->started, ==, 1);
  {
    g_autoptr(JsonArray) entries = journal_entries (f);

    g_assert_cmpuint (json_array_get_length (entries), ==, 1);
  }
}

static void
test_rejected (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitAction) action = NULL;

  /* A definite no from the cockpit: nothing is followed or kept. */
  action = tracker_start (f, "umbrella", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_UPGRADE, "6.2.66", &error);
  g_assert_null (action);
  g_assert_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_ENVIRONMENT_PROTECTED);
  api_assert_plain_message (error, TOKEN);
  g_assert_false (cockpit_action_tracker_is_busy (f->tracker, "umbrella"));
  g_assert_cmpuint (f->started, ==, 0);
  {
    g_autoptr(JsonArray) entries = journal_entries (f);

    g_assert_cmpuint (json_array_get_length (entries), ==, 0);
  }
}

static void
test_unanswered_adopted (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *key = cockpit_client_new_idempotency_key ();
  g_autofree char *entry = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;
  guint status = 0;

  /* The request reached the cockpit and started an action, but the app
   * was gone before the answer came: only the intent is in the journal. */
  answer = sim_raw_request (&f->sim, "POST", "/api/v1/packages/acmeweb/environments/acmeweb-uat/upgrade",
                            "{\"target_version\": \"6.3.21\"}", key, &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_ACCEPTED);
  root = cockpit_json_parse (g_bytes_get_data (answer, NULL), (gssize) g_bytes_get_size (answer), &error);
  g_assert_no_error (error);
  id = json_object_get_string_member (json_node_get_object (root), "id");

  entry = journal_entry (f, "acmeweb", "acmeweb-uat", "upgrade", "{\"target_version\": \"6.3.21\"}", NULL);
  write_journal (f, entry);

  cockpit_action_tracker_resume (f->tracker);
  g_assert_true (cockpit_action_tracker_is_busy (f->tracker, "acmeweb"));
  api_wait_until (api_counter_positive, &f->started);

  /* Found, not started again. */
  g_assert_cmpstr (cockpit_action_get_id (f->last_started), ==, id);
  g_assert_cmpuint (f->not_started, ==, 0);
  g_assert_cmpuint (count_actions (f, "acmeweb"), ==, 1);
  {
    g_autoptr(JsonArray) entries = journal_entries (f);

    g_assert_cmpuint (json_array_get_length (entries), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 0), "action_id"), ==, id);
  }

  cockpit_simulator_advance_clock (f->sim.sim, 600);
  wait_finished (f);
  g_assert_cmpstr (cockpit_action_get_id (f->last_finished), ==, id);
  g_assert_cmpint (cockpit_action_get_status (f->last_finished), ==, COCKPIT_ACTION_STATUS_SUCCEEDED);
}

static void
test_unanswered_not_started (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *entry = journal_entry (f, "acmeweb", "acmeweb-live", "create_backup", "{}", NULL);

  /* The request never reached the cockpit. */
  write_journal (f, entry);
  cockpit_action_tracker_resume (f->tracker);
  api_wait_until (api_counter_positive, &f->not_started);

  g_assert_cmpuint (f->started, ==, 0);
  g_assert_cmpstr (f->not_started_package, ==, "acmeweb");
  g_assert_cmpstr (f->not_started_environment, ==, "acmeweb-live");
  g_assert_cmpint (f->not_started_kind, ==, COCKPIT_ACTION_KIND_CREATE_BACKUP);
  g_assert_nonnull (f->not_started_message);
  g_assert_false (cockpit_action_tracker_is_busy (f->tracker, "acmeweb"));
  g_assert_cmpuint (count_actions (f, "acmeweb"), ==, 0);
  {
    g_autoptr(JsonArray) entries = journal_entries (f);

    g_assert_cmpuint (json_array_get_length (entries), ==, 0);
  }
}

static void
test_unknown_action (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *entry = journal_entry (f, "acmeweb", "acmeweb-live", "create_backup", "{}", "act-does-not-exist");

  /* The cockpit has forgotten an action the journal still follows. */
  write_journal (f, entry);
  cockpit_action_tracker_resume (f->tracker);
  api_wait_until (api_counter_positive, &f->not_started);
  g_assert_cmpuint (f->finished, ==, 0);
  g_assert_false (cockpit_action_tracker_is_busy (f->tracker, "acmeweb"));
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_action_tracker_get_actions (f->tracker)), ==, 0);
}

static void
test_journal_before_post (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CockpitEnvironment) environment = sim_get_environment (f->sim.client, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(JsonArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *entry;
  guint before = count_actions (f, "acmeweb");

  g_assert_false (g_file_test (f->journal, G_FILE_TEST_EXISTS));
  cockpit_action_tracker_start_async (f->tracker, environment, COCKPIT_ACTION_KIND_UPGRADE, "6.3.21", NULL, NULL,
                                      api_result_cb, &result);

  /* The simulator runs on this thread's main context, which has not run
   * since: the POST cannot have been handled, yet the intent is written.
   * (Reading the journal does not run the main context.) */
  entries = journal_entries (f);
  g_assert_cmpuint (json_array_get_length (entries), ==, 1);
  entry = json_array_get_object_element (entries, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "package_id"), ==, "acmeweb");
  g_assert_cmpstr (json_object_get_string_member (entry, "environment_id"), ==, "acmeweb-uat");
  g_assert_cmpstr (json_object_get_string_member (entry, "kind"), ==, "upgrade");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "params"), "target_version"), ==, "6.3.21");
  g_assert_true (json_object_get_null_member (entry, "action_id"));
  g_assert_cmpuint (strlen (json_object_get_string_member (entry, "idempotency_key")), >, 0);
  g_clear_pointer (&entries, json_array_unref);

  api_wait_result (&result);
  action = cockpit_action_tracker_start_finish (f->tracker, result, &error);
  g_assert_no_error (error);
  entries = journal_entries (f);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 0), "action_id"), ==,
                   cockpit_action_get_id (action));
  g_assert_cmpuint (count_actions (f, "acmeweb"), ==, before + 1);
}

/* A cockpit of our own that looks at the journal when the POST arrives. */
typedef struct {
  const char *journal;
  gboolean    checked;
  gboolean    intent_found;
} JournalHook;

static void
hook_server_cb (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  static const char *action_json =
    "{\"id\": \"act-hook\", \"package_id\": \"acmeweb\", \"environment_id\": \"acmeweb-uat\","
    " \"kind\": \"upgrade\", \"params\": {\"target_version\": \"6.3.21\"}, \"status\": \"running\","
    " \"stage\": \"create_replica\", \"stages\": [], \"progress\": 0, \"requested_by\": \"Alex Example\","
    " \"created_at\": \"2026-11-26T09:30:00Z\", \"finished_at\": null, \"error\": null}";
  JournalHook *hook = user_data;
  const char *key = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Idempotency-Key");

  if (g_str_equal (soup_server_message_get_method (msg), "POST"))
    {
      g_autofree char *contents = NULL;

      hook->checked = TRUE;
      hook->intent_found = key != NULL &&
                           g_file_get_contents (hook->journal, &contents, NULL, NULL) &&
                           strstr (contents, key) != NULL;
      soup_server_message_set_status (msg, SOUP_STATUS_ACCEPTED, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, action_json, strlen (action_json));
    }
  else
    {
      /* Polls: still running. */
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, action_json, strlen (action_json));
    }
}

static void
test_journal_before_post_hook (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(CockpitEnvironment) environment = sim_get_environment (f->sim.client, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT);
  g_autoptr(CockpitClient) client = NULL;
  g_autoptr(CockpitActionTracker) tracker = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  JournalHook hook = { f->journal, FALSE, FALSE };

  soup_server_add_handler (server, NULL, hook_server_cb, &hook, NULL);
  base = test_server_listen_local (server, NULL);

  client = cockpit_client_new (base, TOKEN, &error);
  g_assert_no_error (error);
  tracker = cockpit_action_tracker_new (client, f->journal);
  cockpit_action_tracker_set_intervals (tracker, 20, 100);
  cockpit_action_tracker_start_async (tracker, environment, COCKPIT_ACTION_KIND_UPGRADE, "6.3.21", NULL, NULL,
                                      api_result_cb, &result);
  api_wait_result (&result);
  action = cockpit_action_tracker_start_finish (tracker, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cockpit_action_get_id (action), ==, "act-hook");

  g_assert_true (hook.checked);
  g_assert_true (hook.intent_found);

  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&tracker));
  soup_server_disconnect (server);
}

static void
test_damaged_journal (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->journal);
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitAction) action = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (f->journal, "{\"entries\": [{\"cockpit\": 5}, 7, [[[", -1, &error);
  g_assert_no_error (error);

  /* A damaged journal is set aside, with no warning, and replaced. */
  cockpit_action_tracker_resume (f->tracker);
  api_spin (100);
  g_assert_cmpuint (f->started + f->not_started + f->finished, ==, 0);

  action = tracker_start (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_CREATE_BACKUP, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(JsonArray) entries = journal_entries (f);

    g_assert_cmpuint (json_array_get_length (entries), ==, 1);
  }
}

/* The journal cannot be written (its folder's path is a file): nothing is
 * sent, and the start fails in words. */
static void
test_journal_unwritable (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->journal);
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = g_path_get_dirname (dir);
  guint before = count_actions (f, "acmeweb");

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (dir, "not a folder", -1, NULL));

  action = tracker_start (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_ACTION_KIND_UPGRADE, "6.3.21", &error);
  g_assert_null (action);
  g_assert_error (error, COCKPIT_ACTION_TRACKER_ERROR, COCKPIT_ACTION_TRACKER_ERROR_JOURNAL);
  api_assert_plain_message (error, TOKEN);
  g_assert_nonnull (strstr (error->message, "not started"));
  g_assert_nonnull (strstr (error->message, dir));

  /* The cockpit never heard of it, and the package is free. */
  api_spin (100);
  g_assert_cmpuint (count_actions (f, "acmeweb"), ==, before);
  g_assert_false (cockpit_action_tracker_is_busy (f->tracker, "acmeweb"));
  g_assert_cmpuint (f->started + f->not_started + f->finished, ==, 0);

  /* Once the folder can be made, the same start works. */
  g_assert_cmpint (g_unlink (dir), ==, 0);
  g_clear_error (&error);
  action = tracker_start (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_ACTION_KIND_UPGRADE, "6.3.21", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_actions (f, "acmeweb"), ==, before + 1);
}

static void
journal_damaged_cb (CockpitActionTracker *tracker,
                    const char           *message,
                    const char           *aside,
                    GPtrArray            *said)
{
  g_ptr_array_add (said, g_strdup (message));
  g_ptr_array_add (said, g_strdup (aside));
}

/* A journal cut short, with one whole entry: the file is kept under
 * another name, the entry is followed to its end, and the person is told
 * once. */
static void
test_journal_damaged_kept (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) said = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) said_again = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = g_path_get_dirname (f->journal);
  g_autofree char *key = cockpit_client_new_idempotency_key ();
  g_autofree char *whole = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitActionTracker) again = NULL;
  g_autofree char *id = NULL;
  guint status = 0;

  answer = sim_raw_request (&f->sim, "POST", "/api/v1/packages/acmeweb/environments/acmeweb-uat/upgrade",
                            "{\"target_version\": \"6.3.21\"}", key, &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_ACCEPTED);
  root = cockpit_json_parse (g_bytes_get_data (answer, NULL), (gssize) g_bytes_get_size (answer), &error);
  g_assert_no_error (error);
  id = g_strdup (json_object_get_string_member (json_node_get_object (root), "id"));

  /* One whole entry, then one cut off in the middle, as a full disk would. */
  whole = journal_entry (f, "acmeweb", "acmeweb-uat", "upgrade", "{\"target_version\": \"6.3.21\"}", id);
  cut = journal_entry (f, "acmeweb", "acmeweb-live", "create_backup", "{}", NULL);
  cut[strlen (cut) / 2] = '\0';
  damaged = g_strdup_printf ("{\"version\": 1, \"entries\": [%s, %s", whole, cut);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (f->journal, damaged, -1, NULL));

  g_signal_connect (f->tracker, "journal-damaged", G_CALLBACK (journal_damaged_cb), said);
  g_assert_null (cockpit_action_tracker_get_journal_problem (f->tracker));
  cockpit_action_tracker_resume (f->tracker);

  /* Told once, in words, naming the copy, which holds the file as it was. */
  g_assert_cmpuint (said->len, ==, 2);
  g_test_message ("%s", (char *) said->pdata[0]);
  g_assert_nonnull (strstr (said->pdata[0], "damaged"));
  g_assert_nonnull (strstr (said->pdata[0], said->pdata[1]));
  g_assert_nonnull (strstr (said->pdata[0], "1 action "));
  g_assert_cmpstr (cockpit_action_tracker_get_journal_problem (f->tracker), ==, said->pdata[0]);
  g_assert_true (g_str_has_prefix (said->pdata[1], f->journal));
  g_assert_nonnull (strstr (said->pdata[1], ".damaged-"));
  g_assert_true (g_file_get_contents (said->pdata[1], &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, damaged);

  /* The new journal holds the entry that could be read. */
  {
    g_autoptr(JsonArray) entries = journal_entries (f);

    g_assert_cmpuint (json_array_get_length (entries), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 0), "action_id"), ==, id);
  }

  /* The entry is followed to its end, and the next save says nothing more. */
  cockpit_simulator_advance_clock (f->sim.sim, 600);
  wait_finished (f);
  g_assert_cmpstr (cockpit_action_get_id (f->last_finished), ==, id);
  g_assert_cmpuint (f->finished, ==, 1);
  g_assert_cmpuint (said->len, ==, 2);

  /* Nor does the next start of the app. */
  again = new_tracker (f);
  g_signal_connect (again, "journal-damaged", G_CALLBACK (journal_damaged_cb), said_again);
  cockpit_action_tracker_resume (again);
  api_spin (100);
  g_assert_cmpuint (said_again->len, ==, 0);
  g_assert_null (cockpit_action_tracker_get_journal_problem (again));
  g_assert_finalize_object (g_steal_pointer (&again));
}

/* A crash during a save leaves a temporary file beside the journal; the
 * next start removes it and nothing else. */
static void
test_journal_temp_files_removed (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->journal);
  g_autofree char *temp = g_strconcat (f->journal, ".tmp-Ab3dE9", NULL);
  g_autofree char *other = g_strconcat (f->journal, ".tmp-notours", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (temp, "{\"version\": 1, \"entr", -1, NULL));
  g_assert_true (g_file_set_contents (other, "x", -1, NULL));
  cockpit_action_tracker_resume (f->tracker);
  g_assert_false (g_file_test (temp, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
}

static void
test_other_cockpits_kept (Fixture       *f,
                          gconstpointer  data)
{
  const char *other =
    "{\"cockpit\": \"https://cockpit.example.com\", \"idempotency_key\": \"k-other\","
    " \"package_id\": \"acmeweb\", \"environment_id\": \"acmeweb-uat\", \"kind\": \"upgrade\","
    " \"params\": {\"target_version\": \"6.3.21\"}, \"started_at\": \"2026-11-26T09:30:00Z\","
    " \"action_id\": \"act-elsewhere\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(JsonArray) entries = NULL;
  gboolean found = FALSE;

  /* The same package id on another cockpit is another package. */
  write_journal (f, other);
  cockpit_action_tracker_resume (f->tracker);
  g_assert_false (cockpit_action_tracker_is_busy (f->tracker, "acmeweb"));

  action = tracker_start (f, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ACTION_KIND_CREATE_BACKUP, NULL, &error);
  g_assert_no_error (error);
  cockpit_simulator_advance_clock (f->sim.sim, 600);
  wait_finished (f);

  /* Our entry came and went; the other cockpit's stayed. */
  entries = journal_entries (f);
  g_assert_cmpuint (json_array_get_length (entries), ==, 1);
  found = g_strcmp0 (json_object_get_string_member (json_array_get_object_element (entries, 0), "idempotency_key"),
                     "k-other") == 0;
  g_assert_true (found);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cockpit/action-tracker/" path, Fixture, NULL, setup, func, teardown)

  ADD ("create-destroy", test_create_destroy);
  ADD ("success", test_success);
  ADD ("failure", test_failure);
  ADD ("rejected", test_rejected);
  ADD ("destroyed-mid-action", test_destroyed_mid_action);
  ADD ("ended-while-closed", test_ended_while_closed);
  ADD ("backup-then-upgrade-across-restart", test_backup_then_upgrade_across_restart);
  ADD ("backup-failed-no-upgrade", test_backup_failed_no_upgrade);
  ADD ("network-down", test_network_down);
  ADD ("double-start", test_double_start);
  ADD ("unanswered/adopted", test_unanswered_adopted);
  ADD ("unanswered/not-started", test_unanswered_not_started);
  ADD ("unknown-action", test_unknown_action);
  ADD ("journal/before-post", test_journal_before_post);
  ADD ("journal/before-post-hook", test_journal_before_post_hook);
  ADD ("journal/damaged", test_damaged_journal);
  ADD ("journal/unwritable", test_journal_unwritable);
  ADD ("journal/damaged-kept", test_journal_damaged_kept);
  ADD ("journal/temp-files-removed", test_journal_temp_files_removed);
  ADD ("journal/other-cockpits", test_other_cockpits_kept);

#undef ADD

  return g_test_run ();
}
