/* test-helpdesk.c: the helpdesk notifications against the in-process simulator.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo seed has six notifications, newest first: an info (unread),
 * a warning (unread), a warning (read), a critical (unread), an info
 * (read) and a critical (read and archived).
 */
#include "config.h"

#include "cockpit-helpdesk.h"
#include "test-sim-util.h"

#define TOKEN "helpdesk-test-token"

typedef struct {
  SimFixture       sim;
  char            *folder;
  char            *state_path;
  CockpitHelpdesk *helpdesk;
  GPtrArray       *announced;   /* CockpitNotification, from "new-critical" */
  guint            notifies[3];
} Fixture;

static void
new_critical_cb (CockpitHelpdesk     *helpdesk,
                 CockpitNotification *notification,
                 Fixture             *f)
{
  g_assert_true (COCKPIT_IS_NOTIFICATION (notification));
  g_ptr_array_add (f->announced, g_object_ref (notification));
}

static void
notify_cb (CockpitHelpdesk *helpdesk,
           GParamSpec      *pspec,
           Fixture         *f)
{
  if (g_str_equal (pspec->name, "unread-critical"))
    f->notifies[COCKPIT_SEVERITY_CRITICAL]++;
  else if (g_str_equal (pspec->name, "unread-warning"))
    f->notifies[COCKPIT_SEVERITY_WARNING]++;
  else if (g_str_equal (pspec->name, "unread-info"))
    f->notifies[COCKPIT_SEVERITY_INFO]++;
}

static CockpitHelpdesk *
new_helpdesk (Fixture    *f,
              const char *state_path)
{
  CockpitHelpdesk *helpdesk = cockpit_helpdesk_new (f->sim.client, state_path);

  g_signal_connect (helpdesk, "new-critical", G_CALLBACK (new_critical_cb), f);
  g_signal_connect (helpdesk, "notify", G_CALLBACK (notify_cb), f);
  return helpdesk;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sim_fixture_start (&f->sim, TOKEN, NULL);
  f->folder = g_dir_make_tmp ("helpdesk-XXXXXX", &error);
  g_assert_no_error (error);
  /* A folder that does not exist yet: the helpdesk makes it. */
  f->state_path = g_build_filename (f->folder, "state", "helpdesk-seen.json", NULL);
  f->announced = g_ptr_array_new_with_free_func (g_object_unref);
  f->helpdesk = new_helpdesk (f, f->state_path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->helpdesk != NULL)
    g_assert_finalize_object (g_steal_pointer (&f->helpdesk));
  g_clear_pointer (&f->announced, g_ptr_array_unref);
  sim_fixture_stop (&f->sim);
  api_remove_tree (f->folder);
  g_free (f->folder);
  g_free (f->state_path);
}

/* Helpers -------------------------------------------------------------------- */

static void
refresh (CockpitHelpdesk *helpdesk)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  cockpit_helpdesk_refresh_async (helpdesk, NULL, api_result_cb, &result);
  g_assert_true (cockpit_helpdesk_get_loading (helpdesk));
  api_wait_result (&result);
  g_assert_true (cockpit_helpdesk_refresh_finish (helpdesk, result, &error));
  g_assert_no_error (error);
  g_assert_false (cockpit_helpdesk_get_loading (helpdesk));
  g_assert_true (cockpit_helpdesk_get_loaded (helpdesk));
  g_assert_null (cockpit_helpdesk_get_error (helpdesk));
}

static void
assert_unread (CockpitHelpdesk *helpdesk,
               guint            critical,
               guint            warning,
               guint            info)
{
  guint c, w, i;

  g_assert_cmpuint (cockpit_helpdesk_get_unread (helpdesk, COCKPIT_SEVERITY_CRITICAL), ==, critical);
  g_assert_cmpuint (cockpit_helpdesk_get_unread (helpdesk, COCKPIT_SEVERITY_WARNING), ==, warning);
  g_assert_cmpuint (cockpit_helpdesk_get_unread (helpdesk, COCKPIT_SEVERITY_INFO), ==, info);
  g_assert_cmpuint (cockpit_helpdesk_get_unread_total (helpdesk), ==, critical + warning + info);
  g_object_get (helpdesk, "unread-critical", &c, "unread-warning", &w, "unread-info", &i, NULL);
  g_assert_cmpuint (c, ==, critical);
  g_assert_cmpuint (w, ==, warning);
  g_assert_cmpuint (i, ==, info);
}

/* The cockpit's own list, past the helpdesk. */
static GListStore *
server_list (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListStore *list;

  cockpit_client_list_notifications_async (f->sim.client, NULL, api_result_cb, &result);
  api_wait_result (&result);
  list = cockpit_client_list_notifications_finish (f->sim.client, result, &error);
  g_assert_no_error (error);
  return list;
}

static CockpitNotification *
server_find (Fixture    *f,
             const char *id)
{
  g_autoptr(GListStore) list = server_list (f);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(CockpitNotification) notification = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (cockpit_notification_get_id (notification), id) == 0)
        return g_steal_pointer (&notification);
    }
  g_assert_not_reached ();
}

/* The first notification in the list of @severity that is (un)read. */
static CockpitNotification *
find_in_list (CockpitHelpdesk *helpdesk,
              CockpitSeverity  severity,
              gboolean         is_read)
{
  GListModel *list = cockpit_helpdesk_get_notifications (helpdesk);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CockpitNotification) notification = g_list_model_get_item (list, i);

      if (cockpit_notification_get_severity (notification) == severity &&
          cockpit_notification_get_read (notification) == is_read)
        return notification;  /* the list keeps it alive */
    }
  g_assert_not_reached ();
}

static void
items_changed_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

/* Tests ---------------------------------------------------------------------- */

static void
test_create_destroy (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CockpitHelpdesk) helpdesk = cockpit_helpdesk_new (f->sim.client, NULL);
  g_autofree char *expected = g_build_filename (g_get_user_state_dir (), "upgrade-cockpit",
                                                "helpdesk-seen.json", NULL);

  g_assert_true (cockpit_helpdesk_get_client (helpdesk) == f->sim.client);
  g_assert_cmpstr (cockpit_helpdesk_get_state_path (helpdesk), ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_helpdesk_get_notifications (helpdesk)), ==, 0);
  g_assert_true (g_list_model_get_item_type (cockpit_helpdesk_get_notifications (helpdesk)) ==
                 COCKPIT_TYPE_NOTIFICATION);
  assert_unread (helpdesk, 0, 0, 0);
  g_assert_finalize_object (g_steal_pointer (&helpdesk));
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  GListModel *list = cockpit_helpdesk_get_notifications (f->helpdesk);
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_object_unref);
  guint changes = 0;

  refresh (f->helpdesk);

  /* Five of six: the archived one is not listed. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  assert_unread (f->helpdesk, 1, 1, 1);
  for (guint s = 0; s < 3; s++)
    g_assert_cmpuint (f->notifies[s], ==, 1);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      CockpitNotification *notification = g_list_model_get_item (list, i);

      g_assert_false (cockpit_notification_get_archived (notification));
      if (i > 0)
        {
          CockpitNotification *newer = g_ptr_array_index (first, i - 1);

          g_assert_cmpint (g_date_time_compare (cockpit_notification_get_received_at (newer),
                                                cockpit_notification_get_received_at (notification)), >=, 0);
        }
      g_ptr_array_add (first, notification);
    }
  g_assert_cmpstr (cockpit_notification_get_title (g_ptr_array_index (first, 0)), ==,
                   "Maintenance of Initech Intranet");
  g_assert_cmpstr (cockpit_notification_get_package_id (g_ptr_array_index (first, 0)), ==, "initech");

  /* Nothing changed: the same objects, no signal. */
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  refresh (f->helpdesk);
  g_assert_cmpuint (changes, ==, 0);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CockpitNotification) notification = g_list_model_get_item (list, i);

      g_assert_true (notification == g_ptr_array_index (first, i));
    }
  for (guint s = 0; s < 3; s++)
    g_assert_cmpuint (f->notifies[s], ==, 1);
  g_signal_handlers_disconnect_by_data (list, &changes);
}

static void
test_mark_read (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitNotification) on_server = NULL;
  CockpitNotification *warning;
  g_autofree char *id = NULL;

  refresh (f->helpdesk);
  warning = find_in_list (f->helpdesk, COCKPIT_SEVERITY_WARNING, FALSE);
  id = g_strdup (cockpit_notification_get_id (warning));

  cockpit_helpdesk_mark_read_async (f->helpdesk, warning, NULL, api_result_cb, &result);
  /* At once, before the cockpit answers. */
  g_assert_true (cockpit_notification_get_read (warning));
  assert_unread (f->helpdesk, 1, 0, 1);
  g_assert_cmpuint (f->notifies[COCKPIT_SEVERITY_WARNING], ==, 2);

  api_wait_result (&result);
  g_assert_true (cockpit_helpdesk_mark_read_finish (f->helpdesk, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->notifies[COCKPIT_SEVERITY_WARNING], ==, 2);

  on_server = server_find (f, id);
  g_assert_true (cockpit_notification_get_read (on_server));
  refresh (f->helpdesk);
  assert_unread (f->helpdesk, 1, 0, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_helpdesk_get_notifications (f->helpdesk)), ==, 5);

  /* Marking it again does nothing, and succeeds. */
  g_clear_object (&result);
  cockpit_helpdesk_mark_read_async (f->helpdesk, warning, NULL, api_result_cb, &result);
  api_wait_result (&result);
  g_assert_true (cockpit_helpdesk_mark_read_finish (f->helpdesk, result, &error));
  g_assert_cmpuint (f->notifies[COCKPIT_SEVERITY_WARNING], ==, 2);
}

/* A refresh already on its way when a notification is marked read must
 * not make it unread again, whatever order the cockpit answers in. */
static void
test_mark_read_during_refresh (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GAsyncResult) refreshed = NULL;
  g_autoptr(GAsyncResult) marked = NULL;
  g_autoptr(GError) error = NULL;
  CockpitNotification *info;

  refresh (f->helpdesk);
  info = find_in_list (f->helpdesk, COCKPIT_SEVERITY_INFO, FALSE);

  cockpit_helpdesk_refresh_async (f->helpdesk, NULL, api_result_cb, &refreshed);
  cockpit_helpdesk_mark_read_async (f->helpdesk, info, NULL, api_result_cb, &marked);
  api_wait_result (&refreshed);
  api_wait_result (&marked);
  g_assert_true (cockpit_helpdesk_refresh_finish (f->helpdesk, refreshed, &error));
  g_assert_true (cockpit_helpdesk_mark_read_finish (f->helpdesk, marked, &error));
  g_assert_no_error (error);

  g_assert_true (cockpit_notification_get_read (info));
  assert_unread (f->helpdesk, 1, 1, 0);
  refresh (f->helpdesk);
  assert_unread (f->helpdesk, 1, 1, 0);
}

static void
test_mark_read_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CockpitNotification *critical;

  refresh (f->helpdesk);
  critical = find_in_list (f->helpdesk, COCKPIT_SEVERITY_CRITICAL, FALSE);

  /* The cockpit goes away: the change is undone, and said in words. */
  cockpit_client_set_timeouts (f->sim.client, 2, 5);
  cockpit_simulator_stop (f->sim.sim);
  cockpit_helpdesk_mark_read_async (f->helpdesk, critical, NULL, api_result_cb, &result);
  assert_unread (f->helpdesk, 0, 1, 1);
  api_wait_result (&result);
  g_assert_false (cockpit_helpdesk_mark_read_finish (f->helpdesk, result, &error));
  g_assert_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_NETWORK);
  api_assert_plain_message (error, TOKEN);
  g_assert_true (g_str_has_prefix (error->message, "Could not mark “Security update: Magnolia 6.3.21” as read. "));
  g_assert_false (cockpit_notification_get_read (critical));
  assert_unread (f->helpdesk, 1, 1, 1);
  g_assert_cmpuint (f->notifies[COCKPIT_SEVERITY_CRITICAL], ==, 3);
}

static void
test_mark_all_read (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) on_server = NULL;

  refresh (f->helpdesk);
  cockpit_helpdesk_mark_all_read_async (f->helpdesk, NULL, api_result_cb, &result);
  assert_unread (f->helpdesk, 0, 0, 0);
  api_wait_result (&result);
  g_assert_true (cockpit_helpdesk_mark_all_read_finish (f->helpdesk, result, &error));
  g_assert_no_error (error);
  for (guint s = 0; s < 3; s++)
    g_assert_cmpuint (f->notifies[s], ==, 2);

  on_server = server_list (f);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (on_server)); i++)
    {
      g_autoptr(CockpitNotification) notification = g_list_model_get_item (G_LIST_MODEL (on_server), i);

      g_assert_true (cockpit_notification_get_read (notification));
    }
  refresh (f->helpdesk);
  assert_unread (f->helpdesk, 0, 0, 0);

  /* With nothing unread there is nothing to send. */
  g_clear_object (&result);
  cockpit_helpdesk_mark_all_read_async (f->helpdesk, NULL, api_result_cb, &result);
  api_wait_result (&result);
  g_assert_true (cockpit_helpdesk_mark_all_read_finish (f->helpdesk, result, &error));
}

static void
test_mark_all_read_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  refresh (f->helpdesk);
  cockpit_client_set_timeouts (f->sim.client, 2, 5);
  cockpit_simulator_stop (f->sim.sim);
  cockpit_helpdesk_mark_all_read_async (f->helpdesk, NULL, api_result_cb, &result);
  assert_unread (f->helpdesk, 0, 0, 0);
  api_wait_result (&result);
  g_assert_false (cockpit_helpdesk_mark_all_read_finish (f->helpdesk, result, &error));
  api_assert_plain_message (error, TOKEN);
  g_assert_true (g_str_has_prefix (error->message, "Could not mark 3 notifications as read. "));
  assert_unread (f->helpdesk, 1, 1, 1);
}

static void
test_archive (Fixture       *f,
              gconstpointer  data)
{
  GListModel *list = cockpit_helpdesk_get_notifications (f->helpdesk);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitNotification) warning = NULL;
  g_autoptr(CockpitNotification) on_server = NULL;
  g_autoptr(GListStore) server = NULL;
  guint changes = 0;
  guint n_listed = 0;

  refresh (f->helpdesk);
  warning = g_object_ref (find_in_list (f->helpdesk, COCKPIT_SEVERITY_WARNING, FALSE));
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  cockpit_helpdesk_archive_async (f->helpdesk, warning, NULL, api_result_cb, &result);
  /* Gone at once, and no longer counted. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  g_assert_null (cockpit_helpdesk_find (f->helpdesk, cockpit_notification_get_id (warning)));
  g_assert_cmpuint (changes, ==, 1);
  assert_unread (f->helpdesk, 1, 0, 1);
  api_wait_result (&result);
  g_assert_true (cockpit_helpdesk_archive_finish (f->helpdesk, result, &error));
  g_assert_no_error (error);

  /* The cockpit lists it as archived: not among its non-archived ones. */
  on_server = server_find (f, cockpit_notification_get_id (warning));
  g_assert_true (cockpit_notification_get_archived (on_server));
  server = server_list (f);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (server)); i++)
    {
      g_autoptr(CockpitNotification) notification = g_list_model_get_item (G_LIST_MODEL (server), i);

      if (!cockpit_notification_get_archived (notification))
        n_listed++;
    }
  g_assert_cmpuint (n_listed, ==, 4);

  refresh (f->helpdesk);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  g_assert_cmpuint (changes, ==, 1);
  assert_unread (f->helpdesk, 1, 0, 1);
  g_signal_handlers_disconnect_by_data (list, &changes);
}

static void
test_archive_refused (Fixture       *f,
                      gconstpointer  data)
{
  GListModel *list = cockpit_helpdesk_get_notifications (f->helpdesk);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitNotification) second = NULL;
  g_autoptr(CockpitNotification) back = NULL;

  refresh (f->helpdesk);
  second = g_list_model_get_item (list, 1);

  cockpit_client_set_timeouts (f->sim.client, 2, 5);
  cockpit_simulator_stop (f->sim.sim);
  cockpit_helpdesk_archive_async (f->helpdesk, second, NULL, api_result_cb, &result);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  api_wait_result (&result);
  g_assert_false (cockpit_helpdesk_archive_finish (f->helpdesk, result, &error));
  api_assert_plain_message (error, TOKEN);
  g_assert_true (g_str_has_prefix (error->message, "Could not archive “"));

  /* Back where it was. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  back = g_list_model_get_item (list, 1);
  g_assert_true (back == second);
  g_assert_false (cockpit_notification_get_archived (second));
  assert_unread (f->helpdesk, 1, 1, 1);
}

static void
test_refresh_error (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  refresh (f->helpdesk);
  cockpit_client_set_timeouts (f->sim.client, 2, 5);
  cockpit_simulator_stop (f->sim.sim);

  cockpit_helpdesk_refresh_async (f->helpdesk, NULL, api_result_cb, &result);
  api_wait_result (&result);
  g_assert_false (cockpit_helpdesk_refresh_finish (f->helpdesk, result, &error));
  g_assert_nonnull (cockpit_helpdesk_get_error (f->helpdesk));
  g_assert_cmpstr (cockpit_helpdesk_get_error (f->helpdesk), ==, error->message);
  /* What was shown stays. */
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_helpdesk_get_notifications (f->helpdesk)), ==, 5);
  assert_unread (f->helpdesk, 1, 1, 1);

  /* A first refresh that fails has loaded too: the error is the answer. */
  {
    g_autoptr(CockpitHelpdesk) first = cockpit_helpdesk_new (f->sim.client, NULL);

    g_clear_object (&result);
    g_clear_error (&error);
    g_assert_false (cockpit_helpdesk_get_loaded (first));
    cockpit_helpdesk_refresh_async (first, NULL, api_result_cb, &result);
    api_wait_result (&result);
    g_assert_false (cockpit_helpdesk_refresh_finish (first, result, &error));
    g_assert_nonnull (cockpit_helpdesk_get_error (first));
    g_assert_true (cockpit_helpdesk_get_loaded (first));
  }
}

static void
test_new_critical (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CockpitHelpdesk) again = NULL;
  g_autoptr(CockpitHelpdesk) elsewhere = NULL;
  g_autoptr(JsonNode) state = NULL;
  g_autofree char *other_path = g_build_filename (f->folder, "other.json", NULL);
  CockpitNotification *announced;
  JsonObject *cockpits;
  JsonArray *ids;

  /* Only the unread critical one; the read (and archived) one never. */
  refresh (f->helpdesk);
  g_assert_cmpuint (f->announced->len, ==, 1);
  announced = g_ptr_array_index (f->announced, 0);
  g_assert_cmpstr (cockpit_notification_get_title (announced), ==, "Security update: Magnolia 6.3.21");
  g_assert_true (announced == cockpit_helpdesk_find (f->helpdesk, cockpit_notification_get_id (announced)));

  refresh (f->helpdesk);
  g_assert_cmpuint (f->announced->len, ==, 1);

  /* Written down, per cockpit. */
  state = api_read_json_file (f->state_path);
  cockpits = json_object_get_object_member (json_node_get_object (state), "cockpits");
  g_assert_nonnull (cockpits);
  ids = json_object_get_array_member (cockpits, cockpit_client_get_identity (f->sim.client));
  g_assert_nonnull (ids);
  g_assert_cmpuint (json_array_get_length (ids), ==, 2);

  /* After a restart, still once. */
  again = new_helpdesk (f, f->state_path);
  refresh (again);
  g_assert_cmpuint (f->announced->len, ==, 1);
  g_assert_finalize_object (g_steal_pointer (&again));

  /* Another state file has seen nothing. */
  elsewhere = new_helpdesk (f, other_path);
  refresh (elsewhere);
  g_assert_cmpuint (f->announced->len, ==, 2);
  g_assert_finalize_object (g_steal_pointer (&elsewhere));
}

static void
test_new_critical_other_cockpit (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(CockpitHelpdesk) other = NULL;
  g_autoptr(JsonNode) state = NULL;
  JsonObject *cockpits;

  refresh (f->helpdesk);
  g_assert_cmpuint (f->announced->len, ==, 1);

  /* The same ids from another cockpit are other notifications; both
   * cockpits stay in the file. */
  cockpit_client_set_identity (f->sim.client, "another-cockpit");
  other = new_helpdesk (f, f->state_path);
  refresh (other);
  g_assert_cmpuint (f->announced->len, ==, 2);
  g_assert_finalize_object (g_steal_pointer (&other));

  state = api_read_json_file (f->state_path);
  cockpits = json_object_get_object_member (json_node_get_object (state), "cockpits");
  g_assert_true (json_object_has_member (cockpits, "another-cockpit"));
  g_assert_true (json_object_has_member (cockpits, f->sim.base));
}

static void
test_new_critical_read_first (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitHelpdesk) reader = NULL;
  g_autofree char *reader_path = g_build_filename (f->folder, "reader.json", NULL);

  /* Read elsewhere before this helpdesk ever saw it. */
  reader = cockpit_helpdesk_new (f->sim.client, reader_path);
  refresh (reader);
  cockpit_helpdesk_mark_all_read_async (reader, NULL, api_result_cb, &result);
  api_wait_result (&result);
  g_assert_true (cockpit_helpdesk_mark_all_read_finish (reader, result, &error));
  g_clear_object (&result);  /* it holds the helpdesk */
  g_assert_finalize_object (g_steal_pointer (&reader));

  refresh (f->helpdesk);
  g_assert_cmpuint (f->announced->len, ==, 0);
}

static void
test_damaged_state (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->state_path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (f->state_path, "{\"cockpits\": [1, 2", -1, &error);
  g_assert_no_error (error);

  refresh (f->helpdesk);
  g_assert_cmpuint (f->announced->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_helpdesk_get_notifications (f->helpdesk)), ==, 5);
  /* Written anew, as JSON. */
  json_node_unref (api_read_json_file (f->state_path));
}

static gboolean
helpdesk_idle (gpointer data)
{
  return !cockpit_helpdesk_get_loading (data);
}

/* A refresh that ends cancelled stays silent and must not keep the
 * helpdesk loading, which would swallow every later refresh; one asked
 * for meanwhile still runs.  (The session had this bug; see
 * test-session.c.) */
static void
test_refresh_cancelled (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  cockpit_helpdesk_refresh_async (f->helpdesk, cancellable, api_result_cb, &result);
  g_cancellable_cancel (cancellable);
  api_wait_result (&result);
  g_assert_false (cockpit_helpdesk_refresh_finish (f->helpdesk, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (cockpit_helpdesk_get_loading (f->helpdesk));
  g_assert_null (cockpit_helpdesk_get_error (f->helpdesk));
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_helpdesk_get_notifications (f->helpdesk)), ==, 0);
  /* Nothing was answered: an empty list still says nothing. */
  g_assert_false (cockpit_helpdesk_get_loaded (f->helpdesk));

  /* Cancelled again, with a background refresh asked for meanwhile. */
  g_clear_object (&result);
  g_clear_error (&error);
  g_cancellable_reset (cancellable);
  cockpit_helpdesk_refresh_async (f->helpdesk, cancellable, api_result_cb, &result);
  cockpit_helpdesk_refresh (f->helpdesk);
  g_cancellable_cancel (cancellable);
  api_wait_result (&result);
  g_assert_false (cockpit_helpdesk_refresh_finish (f->helpdesk, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  api_wait_until (helpdesk_idle, f->helpdesk);
  g_assert_null (cockpit_helpdesk_get_error (f->helpdesk));
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_helpdesk_get_notifications (f->helpdesk)), ==, 5);
  assert_unread (f->helpdesk, 1, 1, 1);

  /* And the next plain refresh is not swallowed. */
  refresh (f->helpdesk);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cockpit/helpdesk/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create-destroy", test_create_destroy);
  ADD ("counts", test_counts);
  ADD ("mark-read", test_mark_read);
  ADD ("mark-read/during-refresh", test_mark_read_during_refresh);
  ADD ("mark-read/refused", test_mark_read_refused);
  ADD ("mark-all-read", test_mark_all_read);
  ADD ("mark-all-read/refused", test_mark_all_read_refused);
  ADD ("archive", test_archive);
  ADD ("archive/refused", test_archive_refused);
  ADD ("refresh/error", test_refresh_error);
  ADD ("refresh/cancelled", test_refresh_cancelled);
  ADD ("new-critical", test_new_critical);
  ADD ("new-critical/other-cockpit", test_new_critical_other_cockpit);
  ADD ("new-critical/read-first", test_new_critical_read_first);
  ADD ("new-critical/damaged-state", test_damaged_state);
#undef ADD

  return g_test_run ();
}
