/* cockpit-session.c: one signed-in cockpit: its data, kept fresh and cached.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session owns the client and the action tracker of one cockpit,
 * and the lists the window shows.  A refresh asks for the user, the
 * packages and the releases at once and merges the answers into the
 * existing objects, so that only what changed notifies.  After each good
 * refresh the data (never the token) is written to a cache file, from
 * which the next start-up fills the window before the network answers:
 * once the main loop has nothing else to do (so after what the refresh
 * changed is on screen), and on a worker thread (cockpit-file-writer.c).
 * The session owns the follower of the packages' plans
 * (cockpit-session-plans.c), tells it of each refresh, and emits what it
 * says as the session's own signals.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cockpit-file-writer-private.h"
#include "cockpit-refresh-queue-private.h"
#include "cockpit-session-private.h"

struct _CockpitSession
{
  GObject parent_instance;

  CockpitClient        *client;
  CockpitActionTracker *tracker;
  CockpitFileWriter    *cache;
  guint                 save_cache_id;

  GListStore           *packages;
  GListStore           *releases;
  CockpitUser          *user;
  GDateTime            *updated_at;
  char                 *error;
  gboolean              offline;
  gboolean              unauthorized;
  gboolean              loading;
  gboolean              from_cache;
  CockpitRefreshQueue   refreshes;

  GCancellable         *cancellable;
  CockpitSessionPlans  *plans;

  CockpitSessionClockFunc clock;
  gpointer                clock_data;
  GDestroyNotify          clock_destroy;
};

G_DEFINE_FINAL_TYPE (CockpitSession, cockpit_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_USER,
  PROP_OFFLINE,
  PROP_UNAUTHORIZED,
  PROP_LOADING,
  PROP_UPDATED_AT,
  PROP_ERROR,
  PROP_FROM_CACHE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_PLAN_CHANGED,
  SIGNAL_PLAN_EVENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_boolean (CockpitSession *self,
             gboolean       *field,
             gboolean        value,
             guint           prop)
{
  value = !!value;
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_error (CockpitSession *self,
           const char     *error)
{
  if (cockpit_set_string (&self->error, error))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_updated_at (CockpitSession *self,
                GDateTime      *time)
{
  if (cockpit_set_date_time (&self->updated_at, time))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

static void
set_user (CockpitSession *self,
          CockpitUser    *user)
{
  if (self->user != NULL && user != NULL)
    cockpit_json_update (self->user, user);
  else if (g_set_object (&self->user, user))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

/* Merging -------------------------------------------------------------------- */

typedef const char *(*KeyFunc) (gpointer item);

static const char *
package_key (gpointer item)
{
  return cockpit_package_get_id (item);
}

static const char *
release_key (gpointer item)
{
  return cockpit_release_get_version (item);
}

/* Makes @store hold the items of @fresh in its order, reusing (and
 * updating in place) the objects it already has with the same key. */
static void
merge_list (GListStore *store,
            GListModel *fresh,
            KeyFunc     key)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint n_new = g_list_model_get_n_items (fresh);
  g_autoptr(GHashTable) existing = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean same_order = n_old == n_new;

  for (guint i = 0; i < n_old; i++)
    {
      GObject *item = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_hash_table_insert (existing, (gpointer) key (item), item);
      g_object_unref (item);  /* the store keeps it alive */
    }

  for (guint i = 0; i < n_new; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (fresh, i);
      GObject *old = g_hash_table_lookup (existing, key (item));

      if (old != NULL)
        {
          cockpit_json_update (old, item);
          g_ptr_array_add (items, g_object_ref (old));
        }
      else
        g_ptr_array_add (items, g_object_ref (item));

      if (same_order)
        {
          g_autoptr(GObject) at = g_list_model_get_item (G_LIST_MODEL (store), i);
          same_order = at == g_ptr_array_index (items, i);
        }
    }

  if (!same_order)
    g_list_store_splice (store, 0, n_old, items->pdata, items->len);
}

/* The cache ------------------------------------------------------------------ */

static gboolean
save_cache_cb (gpointer user_data)
{
  CockpitSession *self = user_data;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *saved_at = cockpit_date_time_format (self->updated_at);
  g_autoptr(GBytes) contents = NULL;
  char *text;

  self->save_cache_id = 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cockpit");
  json_builder_add_string_value (builder, cockpit_client_get_base_url (self->client));
  json_builder_set_member_name (builder, "saved_at");
  json_builder_add_string_value (builder, saved_at);
  json_builder_set_member_name (builder, "user");
  if (self->user != NULL)
    json_builder_add_value (builder, cockpit_json_encode (self->user));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "packages");
  json_builder_add_value (builder, cockpit_json_encode_list (G_LIST_MODEL (self->packages)));
  json_builder_set_member_name (builder, "releases");
  json_builder_add_value (builder, cockpit_json_encode_list (G_LIST_MODEL (self->releases)));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  contents = g_bytes_new_take (text, strlen (text));
  cockpit_file_writer_write (self->cache, contents);
  return G_SOURCE_REMOVE;
}

/* After a good refresh: the data as it is when the main loop is idle. */
static void
save_cache (CockpitSession *self)
{
  if (self->save_cache_id == 0)
    self->save_cache_id = g_idle_add_full (G_PRIORITY_LOW, save_cache_cb, self, NULL);
}

gboolean
_cockpit_session_get_saving_cache (CockpitSession *self)
{
  g_return_val_if_fail (COCKPIT_IS_SESSION (self), FALSE);

  return self->save_cache_id != 0 || cockpit_file_writer_get_busy (self->cache);
}

gboolean
cockpit_session_load_cache (CockpitSession *self)
{
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GListStore) packages = NULL;
  g_autoptr(GListStore) releases = NULL;
  g_autoptr(GDateTime) saved_at = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  JsonNode *saved;
  JsonNode *user;
  gsize length;

  g_return_val_if_fail (COCKPIT_IS_SESSION (self), FALSE);

  if (!g_file_get_contents (cockpit_file_writer_get_path (self->cache), &contents, &length, NULL))
    return FALSE;

  root = cockpit_json_parse (contents, (gssize) length, &error);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);

  packages = cockpit_json_decode_member_list (COCKPIT_TYPE_PACKAGE, root, "packages", NULL);
  releases = cockpit_json_decode_member_list (COCKPIT_TYPE_RELEASE, root, "releases", NULL);
  saved = json_object_get_member (object, "saved_at");
  if (saved != NULL && JSON_NODE_HOLDS_VALUE (saved) && json_node_get_value_type (saved) == G_TYPE_STRING)
    saved_at = cockpit_date_time_parse (json_node_get_string (saved));
  if (packages == NULL || releases == NULL || saved_at == NULL)
    {
      g_debug ("Ignoring a damaged cache file");
      return FALSE;
    }

  user = json_object_get_member (object, "user");
  if (user != NULL && JSON_NODE_HOLDS_OBJECT (user))
    {
      g_autoptr(CockpitUser) cached_user = cockpit_json_decode (COCKPIT_TYPE_USER, user, NULL);
      if (cached_user != NULL)
        set_user (self, cached_user);
    }

  /* The releases first, as refresh_part_done() merges them. */
  merge_list (self->releases, G_LIST_MODEL (releases), release_key);
  merge_list (self->packages, G_LIST_MODEL (packages), package_key);
  set_updated_at (self, saved_at);
  set_boolean (self, &self->from_cache, TRUE, PROP_FROM_CACHE);
  return TRUE;
}

/* Refreshing ----------------------------------------------------------------- */

typedef struct {
  guint        pending;
  CockpitUser *user;
  GListStore  *packages;
  GListStore  *releases;
  GError      *error;
} Refresh;

static void
refresh_free (Refresh *refresh)
{
  g_clear_object (&refresh->user);
  g_clear_object (&refresh->packages);
  g_clear_object (&refresh->releases);
  g_clear_error (&refresh->error);
  g_free (refresh);
}

static gboolean
is_offline_error (const GError *error)
{
  return g_error_matches (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_NETWORK) ||
         g_error_matches (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_TIMED_OUT);
}

/* One refresh less on its way: the session stops loading with the last. */
static void
refresh_ended (CockpitSession *self)
{
  if (_cockpit_refresh_queue_end (&self->refreshes))
    set_boolean (self, &self->loading, FALSE, PROP_LOADING);
}

/* Runs the refresh asked for while others were on their way, once the
 * last of them ended, however it ended. */
static void
run_queued_refresh (CockpitSession *self)
{
  if (_cockpit_refresh_queue_take_asked (&self->refreshes) &&
      !g_cancellable_is_cancelled (self->cancellable))
    cockpit_session_refresh (self);
}

static void
refresh_part_done (GTask  *task,
                   GError *error)
{
  /* The task may hold the last reference to the session. */
  g_autoptr(CockpitSession) self = g_object_ref (g_task_get_source_object (task));
  Refresh *refresh = g_task_get_task_data (task);

  if (error != NULL && refresh->error == NULL)
    refresh->error = error;
  else if (error != NULL)
    g_error_free (error);

  if (--refresh->pending > 0)
    {
      g_object_unref (task);
      return;
    }

  /* A cancelled refresh changes nothing and stays silent, but it has
   * ended: it must neither keep the session loading nor swallow the
   * refreshes asked for meanwhile. */
  if (g_error_matches (refresh->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      refresh_ended (self);
      g_task_return_error (task, g_steal_pointer (&refresh->error));
      g_object_unref (task);
      run_queued_refresh (self);
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));

  if (refresh->user != NULL)
    set_user (self, refresh->user);
  /* The releases first: whoever shows a package as it comes judges it
   * against them, and would otherwise show it once without them and
   * again with them (on a first refresh the package page's cards were
   * made and then all updated once more, docs/performance.md). */
  if (refresh->releases != NULL)
    merge_list (self->releases, G_LIST_MODEL (refresh->releases), release_key);
  if (refresh->packages != NULL)
    merge_list (self->packages, G_LIST_MODEL (refresh->packages), package_key);

  refresh_ended (self);
  set_boolean (self, &self->offline, refresh->error != NULL && is_offline_error (refresh->error), PROP_OFFLINE);
  set_boolean (self, &self->unauthorized,
               g_error_matches (refresh->error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_UNAUTHORIZED),
               PROP_UNAUTHORIZED);
  set_error (self, refresh->error ? refresh->error->message : NULL);

  if (refresh->error == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      set_updated_at (self, now);
      set_boolean (self, &self->from_cache, FALSE, PROP_FROM_CACHE);
      save_cache (self);
    }
  if (refresh->packages != NULL && self->plans != NULL)
    {
      g_autoptr(GDateTime) now = cockpit_session_dup_now (self);

      _cockpit_session_plans_refreshed (self->plans, now);
    }

  g_object_thaw_notify (G_OBJECT (self));

  if (refresh->error != NULL)
    g_task_return_error (task, g_steal_pointer (&refresh->error));
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);

  run_queued_refresh (self);
}

static void
me_cb (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  GTask *task = user_data;
  Refresh *refresh = g_task_get_task_data (task);
  GError *error = NULL;

  refresh->user = cockpit_client_get_me_finish (COCKPIT_CLIENT (object), result, &error);
  refresh_part_done (task, error);
}

static void
packages_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  Refresh *refresh = g_task_get_task_data (task);
  GError *error = NULL;

  refresh->packages = cockpit_client_list_packages_finish (COCKPIT_CLIENT (object), result, &error);
  refresh_part_done (task, error);
}

static void
releases_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  Refresh *refresh = g_task_get_task_data (task);
  GError *error = NULL;

  refresh->releases = cockpit_client_list_releases_finish (COCKPIT_CLIENT (object), result, &error);
  refresh_part_done (task, error);
}

void
cockpit_session_refresh_async (CockpitSession      *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  Refresh *refresh;

  g_return_if_fail (COCKPIT_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cockpit_session_refresh_async);
  refresh = g_new0 (Refresh, 1);
  refresh->pending = 3;
  g_task_set_task_data (task, refresh, (GDestroyNotify) refresh_free);

  if (_cockpit_refresh_queue_start (&self->refreshes))
    set_boolean (self, &self->loading, TRUE, PROP_LOADING);

  /* Three requests at once; each callback holds one reference. */
  cockpit_client_get_me_async (self->client, cancellable, me_cb, g_object_ref (task));
  cockpit_client_list_packages_async (self->client, cancellable, packages_cb, g_object_ref (task));
  cockpit_client_list_releases_async (self->client, cancellable, releases_cb, task);
}

gboolean
cockpit_session_refresh_finish (CockpitSession  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (COCKPIT_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
cockpit_session_refresh (CockpitSession *self)
{
  g_return_if_fail (COCKPIT_IS_SESSION (self));

  /* One refresh at a time; a request meanwhile runs once afterwards. */
  if (_cockpit_refresh_queue_ask (&self->refreshes))
    cockpit_session_refresh_async (self, self->cancellable, _cockpit_refresh_queue_log_cb, NULL);
}

static gboolean
auto_refresh_cb (gpointer user_data)
{
  cockpit_session_refresh (user_data);
  return G_SOURCE_CONTINUE;
}

void
cockpit_session_set_auto_refresh (CockpitSession *self,
                                  guint           seconds)
{
  g_return_if_fail (COCKPIT_IS_SESSION (self));

  _cockpit_refresh_queue_set_timer (&self->refreshes, seconds, auto_refresh_cb, self);
}

static void
action_changed_cb (CockpitActionTracker *tracker,
                   CockpitAction        *action,
                   CockpitSession       *self)
{
  /* A new stage or an end changes the environments: load them again. */
  cockpit_session_refresh (self);
}

static void
plan_changed_cb (CockpitSessionPlans *plans,
                 CockpitPackage      *package,
                 CockpitSession      *self)
{
  g_signal_emit (self, signals[SIGNAL_PLAN_CHANGED], 0, package);
}

static void
plan_event_cb (CockpitSessionPlans *plans,
               CockpitPackage      *package,
               CockpitPlan         *plan,
               int                  event,
               CockpitSession      *self)
{
  g_signal_emit (self, signals[SIGNAL_PLAN_EVENT], 0, package, plan, event);
}

/* The object ----------------------------------------------------------------- */

CockpitSession *
cockpit_session_new (CockpitClient *client,
                     const char    *journal_path,
                     const char    *cache_dir)
{
  CockpitSession *self;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (COCKPIT_IS_CLIENT (client), NULL);

  self = g_object_new (COCKPIT_TYPE_SESSION, NULL);
  self->client = g_object_ref (client);
  self->tracker = cockpit_action_tracker_new (client, journal_path);

  /* One cache file per cockpit, named by a hash of its identity (its
   * address, or "demo" for the demo whose port changes every run). */
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, cockpit_client_get_identity (client), -1);
  name = g_strdup_printf ("cockpit-%.16s.json", hash);
  if (cache_dir != NULL)
    path = g_build_filename (cache_dir, name, NULL);
  else
    path = g_build_filename (g_get_user_cache_dir (), "upgrade-cockpit", name, NULL);
  self->cache = cockpit_file_writer_new (path, 0600);

  g_signal_connect_object (self->tracker, "action-started", G_CALLBACK (action_changed_cb), self, 0);
  g_signal_connect_object (self->tracker, "stage-changed", G_CALLBACK (action_changed_cb), self, 0);
  g_signal_connect_object (self->tracker, "action-finished", G_CALLBACK (action_changed_cb), self, 0);

  self->plans = _cockpit_session_plans_new (client, G_LIST_MODEL (self->packages));
  g_signal_connect_object (self->plans, "plan-changed", G_CALLBACK (plan_changed_cb), self, 0);
  g_signal_connect_object (self->plans, "plan-event", G_CALLBACK (plan_event_cb), self, 0);
  g_signal_connect_object (self->plans, "refresh-due", G_CALLBACK (cockpit_session_refresh), self,
                           G_CONNECT_SWAPPED);

  return self;
}

CockpitClient *
cockpit_session_get_client (CockpitSession *self)
{
  g_return_val_if_fail (COCKPIT_IS_SESSION (self), NULL);
  return self->client;
}

CockpitActionTracker *
cockpit_session_get_tracker (CockpitSession *self)
{
  g_return_val_if_fail (COCKPIT_IS_SESSION (self), NULL);
  return self->tracker;
}

GListModel *
cockpit_session_get_packages (CockpitSession *self)
{
  g_return_val_if_fail (COCKPIT_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->packages);
}

GListModel *
cockpit_session_get_releases (CockpitSession *self)
{
  g_return_val_if_fail (COCKPIT_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->releases);
}

CockpitPackage *
cockpit_session_find_package (CockpitSession *self,
                              const char     *package_id)
{
  g_return_val_if_fail (COCKPIT_IS_SESSION (self), NULL);

  return cockpit_package_list_find (G_LIST_MODEL (self->packages), package_id, NULL);
}

CockpitUser *
cockpit_session_get_user (CockpitSession *self)
{
  g_return_val_if_fail (COCKPIT_IS_SESSION (self), NULL);
  return self->user;
}

gboolean
cockpit_session_get_offline (CockpitSession *self)
{
  g_return_val_if_fail (COCKPIT_IS_SESSION (self), FALSE);
  return self->offline;
}

gboolean
cockpit_session_get_unauthorized (CockpitSession *self)
{
  g_return_val_if_fail (COCKPIT_IS_SESSION (self), FALSE);
  return self->unauthorized;
}

gboolean
cockpit_session_get_loading (CockpitSession *self)
{
  g_return_val_if_fail (COCKPIT_IS_SESSION (self), FALSE);
  return self->loading;
}

GDateTime *
cockpit_session_get_updated_at (CockpitSession *self)
{
  g_return_val_if_fail (COCKPIT_IS_SESSION (self), NULL);
  return self->updated_at;
}

const char *
cockpit_session_get_error (CockpitSession *self)
{
  g_return_val_if_fail (COCKPIT_IS_SESSION (self), NULL);
  return self->error;
}

gboolean
cockpit_session_get_from_cache (CockpitSession *self)
{
  g_return_val_if_fail (COCKPIT_IS_SESSION (self), FALSE);
  return self->from_cache;
}

GDateTime *
cockpit_session_dup_now (CockpitSession *self)
{
  g_return_val_if_fail (COCKPIT_IS_SESSION (self), NULL);

  if (self->clock != NULL)
    return self->clock (self->clock_data);
  return g_date_time_new_now_utc ();
}

void
cockpit_session_set_clock (CockpitSession          *self,
                           CockpitSessionClockFunc  func,
                           gpointer                 data,
                           GDestroyNotify           destroy)
{
  g_return_if_fail (COCKPIT_IS_SESSION (self));

  if (self->clock_destroy != NULL)
    self->clock_destroy (self->clock_data);
  self->clock = func;
  self->clock_data = data;
  self->clock_destroy = destroy;
}

static void
cockpit_session_dispose (GObject *object)
{
  CockpitSession *self = (CockpitSession *) object;

  cockpit_session_set_clock (self, NULL, NULL, NULL);

  /* A refresh's data not saved yet is saved now, on the writer's thread. */
  if (self->save_cache_id != 0)
    {
      g_source_remove (self->save_cache_id);
      save_cache_cb (self);
    }

  g_cancellable_cancel (self->cancellable);
  _cockpit_refresh_queue_clear (&self->refreshes);
  g_clear_object (&self->plans);
  g_clear_object (&self->tracker);

  G_OBJECT_CLASS (cockpit_session_parent_class)->dispose (object);
}

static void
cockpit_session_finalize (GObject *object)
{
  CockpitSession *self = (CockpitSession *) object;

  g_clear_object (&self->client);
  g_clear_object (&self->packages);
  g_clear_object (&self->releases);
  g_clear_object (&self->user);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_clear_pointer (&self->error, g_free);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (cockpit_session_parent_class)->finalize (object);
}

static void
cockpit_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CockpitSession *self = COCKPIT_SESSION (object);

  switch (prop_id)
    {
    case PROP_USER:
      g_value_set_object (value, self->user);
      break;
    case PROP_OFFLINE:
      g_value_set_boolean (value, self->offline);
      break;
    case PROP_UNAUTHORIZED:
      g_value_set_boolean (value, self->unauthorized);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_UPDATED_AT:
      g_value_set_boxed (value, self->updated_at);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_FROM_CACHE:
      g_value_set_boolean (value, self->from_cache);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_session_class_init (CockpitSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cockpit_session_dispose;
  object_class->finalize = cockpit_session_finalize;
  object_class->get_property = cockpit_session_get_property;

  properties[PROP_USER] = g_param_spec_object ("user", NULL, NULL, COCKPIT_TYPE_USER, flags);
  properties[PROP_OFFLINE] = g_param_spec_boolean ("offline", NULL, NULL, FALSE, flags);
  properties[PROP_UNAUTHORIZED] = g_param_spec_boolean ("unauthorized", NULL, NULL, FALSE, flags);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, flags);
  properties[PROP_UPDATED_AT] = g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, flags);
  properties[PROP_FROM_CACHE] = g_param_spec_boolean ("from-cache", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_PLAN_CHANGED] =
    g_signal_new ("plan-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, COCKPIT_TYPE_PACKAGE);
  signals[SIGNAL_PLAN_EVENT] =
    g_signal_new ("plan-event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  COCKPIT_TYPE_PACKAGE, COCKPIT_TYPE_PLAN, G_TYPE_INT);
}

static void
cockpit_session_init (CockpitSession *self)
{
  self->packages = g_list_store_new (COCKPIT_TYPE_PACKAGE);
  self->releases = g_list_store_new (COCKPIT_TYPE_RELEASE);
  self->cancellable = g_cancellable_new ();
}

CockpitSessionPlans *
_cockpit_session_get_plans (CockpitSession *self)
{
  return self->plans;
}
