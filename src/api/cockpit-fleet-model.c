/* cockpit-fleet-model.c: every environment of every package, as one flat list for the fleet.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session updates its packages and environments in place.  Each row
 * watches its package, its environment, the package's running action and
 * the environment's upgrade backup; when one of them notifies, the row
 * reads them again and, only if something shown changed, the model says
 * items-changed (position, 1, 1) for that row with the same object.  GTK's
 * sort and filter models then place that one row again, and the list
 * keeps its widgets, its selection and its scroll position.
 */
#include "config.h"

#include "cockpit-fleet-model.h"

typedef struct {
  CockpitFleetModel    *model;     /* unowned */
  CockpitFleetRow      *row;
  guint                 position;
  gulong                package_handler;
  gulong                environment_handler;
  CockpitAction        *action;
  gulong                action_handler;
  CockpitUpgradeBackup *backup;
  gulong                backup_handler;
  CockpitPlan          *plan;
  gulong                plan_handler;
  CockpitPlanStep      *step;
  gulong                step_handler;
} Watch;

/* A package whose list of environments is watched. */
typedef struct {
  CockpitPackage *package;
  GListModel     *environments;
  gulong          list_handler;
  gulong          notify_handler;
} PackageWatch;

struct _CockpitFleetModel
{
  GObject parent_instance;

  /* Owned references */
  GListModel              *packages;
  GListModel              *releases;
  CockpitSession          *session;
  GPtrArray               *watches;           /* Watch, in list order */
  GPtrArray               *package_watches;   /* PackageWatch */
  GHashTable              *last_actions;      /* environment id -> CockpitAction */
  guint                    rebuild_id;
  CockpitClient           *client;            /* for the last action of each package */
  GHashTable              *asked;             /* package ids whose last action was asked for */
  GCancellable            *cancellable;

  CockpitFleetAnnounceFunc announce_func;
  gpointer                 announce_data;

  /* The clock */
  CockpitSessionClockFunc  clock_func;
  gpointer                 clock_data;
  GDestroyNotify           clock_destroy;
};

static void cockpit_fleet_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CockpitFleetModel, cockpit_fleet_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cockpit_fleet_model_list_model_init))

static void rebuild (CockpitFleetModel *self);

/* GListModel ------------------------------------------------------------------ */

static GType
cockpit_fleet_model_get_item_type (GListModel *list)
{
  return COCKPIT_TYPE_FLEET_ROW;
}

static guint
cockpit_fleet_model_get_n_items (GListModel *list)
{
  return COCKPIT_FLEET_MODEL (list)->watches->len;
}

static gpointer
cockpit_fleet_model_get_item (GListModel *list,
                              guint       position)
{
  CockpitFleetModel *self = COCKPIT_FLEET_MODEL (list);
  Watch *watch;

  if (position >= self->watches->len)
    return NULL;
  watch = g_ptr_array_index (self->watches, position);
  return g_object_ref (watch->row);
}

static void
cockpit_fleet_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cockpit_fleet_model_get_item_type;
  iface->get_n_items = cockpit_fleet_model_get_n_items;
  iface->get_item = cockpit_fleet_model_get_item;
}

/* Rows ------------------------------------------------------------------------ */

static GDateTime *
dup_now (CockpitFleetModel *self)
{
  if (self->clock_func != NULL)
    return self->clock_func (self->clock_data);
  return g_date_time_new_now_utc ();
}

static void watched_changed_cb (Watch *watch);

/* Follows the running action and the upgrade backup the row shows now. */
static void
rewire (Watch *watch)
{
  CockpitPackage *package = cockpit_fleet_row_get_package (watch->row);
  CockpitEnvironment *environment = cockpit_fleet_row_get_environment (watch->row);
  CockpitAction *action = cockpit_package_get_running_action (package);
  CockpitUpgradeBackup *backup = cockpit_environment_get_upgrade_backup (environment);
  CockpitPlan *plan = cockpit_package_get_active_plan (package);
  CockpitPlanStep *step = plan ? cockpit_plan_get_step (plan, cockpit_environment_get_kind (environment)) : NULL;

  if (action != watch->action)
    {
      if (watch->action != NULL)
        g_clear_signal_handler (&watch->action_handler, watch->action);
      g_set_object (&watch->action, action);
      if (action != NULL)
        watch->action_handler = g_signal_connect_swapped (action, "notify", G_CALLBACK (watched_changed_cb), watch);
    }
  if (backup != watch->backup)
    {
      if (watch->backup != NULL)
        g_clear_signal_handler (&watch->backup_handler, watch->backup);
      g_set_object (&watch->backup, backup);
      if (backup != NULL)
        watch->backup_handler = g_signal_connect_swapped (backup, "notify", G_CALLBACK (watched_changed_cb), watch);
    }
  /* A plan and its steps are updated in place from refresh to refresh. */
  if (plan != watch->plan)
    {
      if (watch->plan != NULL)
        g_clear_signal_handler (&watch->plan_handler, watch->plan);
      g_set_object (&watch->plan, plan);
      if (plan != NULL)
        watch->plan_handler = g_signal_connect_swapped (plan, "notify", G_CALLBACK (watched_changed_cb), watch);
    }
  if (step != watch->step)
    {
      if (watch->step != NULL)
        g_clear_signal_handler (&watch->step_handler, watch->step);
      g_set_object (&watch->step, step);
      if (step != NULL)
        watch->step_handler = g_signal_connect_swapped (step, "notify", G_CALLBACK (watched_changed_cb), watch);
    }
}

static gboolean
update_row (CockpitFleetModel *self,
            Watch             *watch,
            GDateTime         *now)
{
  CockpitEnvironment *environment = cockpit_fleet_row_get_environment (watch->row);
  CockpitAction *last = g_hash_table_lookup (self->last_actions, cockpit_environment_get_id (environment));

  rewire (watch);
  return cockpit_fleet_row_update (watch->row, self->releases, now, last);
}

/* The row changed: it has told its cells; the lists above hear of it
 * when their order or filter may no longer hold. */
static void
announce (CockpitFleetModel *self,
          Watch             *watch)
{
  if (self->announce_func == NULL || self->announce_func (self, watch->row, self->announce_data))
    g_list_model_items_changed (G_LIST_MODEL (self), watch->position, 1, 1);
}

static void
watched_changed_cb (Watch *watch)
{
  CockpitFleetModel *self = watch->model;
  g_autoptr(GDateTime) now = dup_now (self);

  if (update_row (self, watch, now))
    announce (self, watch);
}

void
cockpit_fleet_model_set_announce_func (CockpitFleetModel        *self,
                                       CockpitFleetAnnounceFunc  func,
                                       gpointer                  data)
{
  g_return_if_fail (COCKPIT_IS_FLEET_MODEL (self));

  self->announce_func = func;
  self->announce_data = data;
}

static gboolean
rebuild_cb (gpointer data)
{
  CockpitFleetModel *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* From a signal of a package: rebuilt once the package has said all it
 * has to say, not from inside its emission (whose handlers it replaces). */
static void
queue_rebuild (CockpitFleetModel *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_cb, self, NULL);
}

static void
package_notify_cb (Watch      *watch,
                   GParamSpec *pspec)
{
  /* A new list of environments is a new set of rows. */
  if (g_strcmp0 (pspec->name, "environments") == 0)
    queue_rebuild (watch->model);
  else
    watched_changed_cb (watch);
}

static void
watch_free (Watch *watch)
{
  g_clear_signal_handler (&watch->package_handler, cockpit_fleet_row_get_package (watch->row));
  g_clear_signal_handler (&watch->environment_handler, cockpit_fleet_row_get_environment (watch->row));
  if (watch->action != NULL)
    g_clear_signal_handler (&watch->action_handler, watch->action);
  if (watch->backup != NULL)
    g_clear_signal_handler (&watch->backup_handler, watch->backup);
  if (watch->plan != NULL)
    g_clear_signal_handler (&watch->plan_handler, watch->plan);
  if (watch->step != NULL)
    g_clear_signal_handler (&watch->step_handler, watch->step);
  g_clear_object (&watch->action);
  g_clear_object (&watch->backup);
  g_clear_object (&watch->plan);
  g_clear_object (&watch->step);
  g_clear_object (&watch->row);
  g_free (watch);
}

static void
package_watch_free (PackageWatch *watch)
{
  g_clear_signal_handler (&watch->list_handler, watch->environments);
  g_clear_object (&watch->environments);
  g_clear_object (&watch->package);
  g_free (watch);
}

static void
environments_changed_cb (CockpitFleetModel *self)
{
  queue_rebuild (self);
}

/* The rows again, from the packages as they are now.  A row whose
 * environment is still there keeps its object, so a selection stays. */
static void
rebuild (CockpitFleetModel *self)
{
  g_autoptr(GHashTable) old_rows = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_autoptr(GPtrArray) old = self->watches;
  g_autoptr(GDateTime) now = dup_now (self);
  guint n_packages = self->packages ? g_list_model_get_n_items (self->packages) : 0;
  guint removed = old->len;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  for (guint i = 0; i < old->len; i++)
    {
      Watch *watch = g_ptr_array_index (old, i);

      g_hash_table_insert (old_rows, cockpit_fleet_row_get_environment (watch->row), g_object_ref (watch->row));
    }
  g_ptr_array_set_size (self->package_watches, 0);
  self->watches = g_ptr_array_new_with_free_func ((GDestroyNotify) watch_free);

  for (guint p = 0; p < n_packages; p++)
    {
      g_autoptr(CockpitPackage) package = g_list_model_get_item (self->packages, p);
      GListModel *environments = cockpit_package_get_environments (package);
      guint n_environments = g_list_model_get_n_items (environments);
      PackageWatch *package_watch = g_new0 (PackageWatch, 1);

      package_watch->package = g_object_ref (package);
      package_watch->environments = g_object_ref (environments);
      package_watch->list_handler = g_signal_connect_swapped (environments, "items-changed",
                                                              G_CALLBACK (environments_changed_cb), self);
      g_ptr_array_add (self->package_watches, package_watch);

      for (guint e = 0; e < n_environments; e++)
        {
          g_autoptr(CockpitEnvironment) environment = g_list_model_get_item (environments, e);
          CockpitFleetRow *row = g_hash_table_lookup (old_rows, environment);
          Watch *watch = g_new0 (Watch, 1);

          /* Only a row of the same package: an environment object does not
           * move between packages, but be sure. */
          if (row != NULL && cockpit_fleet_row_get_package (row) == package)
            watch->row = g_object_ref (row);
          else
            watch->row = cockpit_fleet_row_new (package, environment);
          watch->model = self;
          watch->position = self->watches->len;
          watch->package_handler = g_signal_connect_swapped (package, "notify", G_CALLBACK (package_notify_cb), watch);
          watch->environment_handler = g_signal_connect_swapped (environment, "notify",
                                                                 G_CALLBACK (watched_changed_cb), watch);
          update_row (self, watch, now);
          g_ptr_array_add (self->watches, watch);
        }
    }

  /* Handlers of the old watches go before anyone looks at the new rows. */
  g_clear_pointer (&old, g_ptr_array_unref);
  if (removed > 0 || self->watches->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->watches->len);
}

/* The last action of each package, once per package: "the last action
 * failed" holds across a restart, not only for actions this app saw end. */
static void
last_action_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(CockpitFleetModel) self = g_weak_ref_get (weak);
  g_autoptr(GListStore) actions = NULL;
  g_autoptr(CockpitAction) action = NULL;
  const char *environment_id;

  g_weak_ref_clear (weak);
  g_free (weak);

  /* Not known: the row simply does not say so, as before. */
  actions = cockpit_client_list_actions_finish (COCKPIT_CLIENT (source), result, NULL);
  if (actions == NULL || self == NULL || g_cancellable_is_cancelled (self->cancellable) ||
      g_list_model_get_n_items (G_LIST_MODEL (actions)) == 0)
    return;

  action = g_list_model_get_item (G_LIST_MODEL (actions), 0);
  environment_id = cockpit_action_get_environment_id (action);
  /* A running one is the package's running action; one the tracker
   * reported meanwhile is newer. */
  if (cockpit_action_is_running (action) || environment_id == NULL ||
      g_hash_table_contains (self->last_actions, environment_id))
    return;
  cockpit_fleet_model_action_finished (self, action);
}

static void
ask_last_actions (CockpitFleetModel *self)
{
  guint n;

  if (self->client == NULL)
    return;
  n = g_list_model_get_n_items (self->packages);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CockpitPackage) package = g_list_model_get_item (self->packages, i);
      const char *id = cockpit_package_get_id (package);

      if (id == NULL || g_hash_table_contains (self->asked, id))
        continue;
      GWeakRef *weak = g_new0 (GWeakRef, 1);

      g_hash_table_add (self->asked, g_strdup (id));
      /* A request in flight does not keep the model (and its watches of
       * the session) alive once its view has let it go. */
      g_weak_ref_init (weak, self);
      cockpit_client_list_actions_async (self->client, id, 1, self->cancellable, last_action_cb, weak);
    }
}

static void
packages_changed_cb (CockpitFleetModel *self)
{
  rebuild (self);
  ask_last_actions (self);
}

void
cockpit_fleet_model_tick (CockpitFleetModel *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (COCKPIT_IS_FLEET_MODEL (self));

  now = dup_now (self);
  for (guint i = 0; i < self->watches->len; i++)
    {
      Watch *watch = g_ptr_array_index (self->watches, i);

      if (update_row (self, watch, now))
        announce (self, watch);
    }
}

static void
releases_changed_cb (CockpitFleetModel *self)
{
  cockpit_fleet_model_tick (self);
}

CockpitFleetRow *
cockpit_fleet_model_find (CockpitFleetModel *self,
                          const char        *environment_id,
                          guint             *position)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_MODEL (self), NULL);

  for (guint i = 0; i < self->watches->len; i++)
    {
      Watch *watch = g_ptr_array_index (self->watches, i);

      if (g_strcmp0 (cockpit_environment_get_id (cockpit_fleet_row_get_environment (watch->row)),
                     environment_id) == 0)
        {
          if (position != NULL)
            *position = i;
          return watch->row;
        }
    }
  return NULL;
}

void
cockpit_fleet_model_action_finished (CockpitFleetModel *self,
                                     CockpitAction     *action)
{
  const char *environment_id;
  guint position;
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (COCKPIT_IS_FLEET_MODEL (self));
  g_return_if_fail (COCKPIT_IS_ACTION (action));

  environment_id = cockpit_action_get_environment_id (action);
  if (environment_id == NULL)
    return;
  g_hash_table_replace (self->last_actions, g_strdup (environment_id), g_object_ref (action));

  if (cockpit_fleet_model_find (self, environment_id, &position) == NULL)
    return;
  now = dup_now (self);
  if (update_row (self, g_ptr_array_index (self->watches, position), now))
    announce (self, g_ptr_array_index (self->watches, position));
}

void
cockpit_fleet_model_set_clock (CockpitFleetModel       *self,
                               CockpitSessionClockFunc  func,
                               gpointer                 data,
                               GDestroyNotify           destroy)
{
  g_return_if_fail (COCKPIT_IS_FLEET_MODEL (self));

  if (self->clock_destroy != NULL)
    self->clock_destroy (self->clock_data);
  self->clock_func = func;
  self->clock_data = data;
  self->clock_destroy = destroy;
  cockpit_fleet_model_tick (self);
}

/* The object ------------------------------------------------------------------ */

static void
cockpit_fleet_model_dispose (GObject *object)
{
  CockpitFleetModel *self = COCKPIT_FLEET_MODEL (object);

  if (self->packages != NULL)
    g_signal_handlers_disconnect_by_data (self->packages, self);
  if (self->releases != NULL)
    g_signal_handlers_disconnect_by_data (self->releases, self);
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_ptr_array_set_size (self->watches, 0);
  g_ptr_array_set_size (self->package_watches, 0);
  if (self->clock_destroy != NULL)
    self->clock_destroy (self->clock_data);
  self->clock_destroy = NULL;
  self->clock_func = NULL;
  g_clear_object (&self->packages);
  g_clear_object (&self->releases);
  g_clear_object (&self->session);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (cockpit_fleet_model_parent_class)->dispose (object);
}

static void
cockpit_fleet_model_finalize (GObject *object)
{
  CockpitFleetModel *self = COCKPIT_FLEET_MODEL (object);

  g_clear_pointer (&self->watches, g_ptr_array_unref);
  g_clear_pointer (&self->package_watches, g_ptr_array_unref);
  g_clear_pointer (&self->last_actions, g_hash_table_unref);
  g_clear_pointer (&self->asked, g_hash_table_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cockpit_fleet_model_parent_class)->finalize (object);
}

static void
cockpit_fleet_model_class_init (CockpitFleetModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cockpit_fleet_model_dispose;
  object_class->finalize = cockpit_fleet_model_finalize;
}

static void
cockpit_fleet_model_init (CockpitFleetModel *self)
{
  self->watches = g_ptr_array_new_with_free_func ((GDestroyNotify) watch_free);
  self->package_watches = g_ptr_array_new_with_free_func ((GDestroyNotify) package_watch_free);
  self->last_actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->asked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}

CockpitFleetModel *
cockpit_fleet_model_new (GListModel *packages,
                         GListModel *releases)
{
  CockpitFleetModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (packages), NULL);
  g_return_val_if_fail (releases == NULL || G_IS_LIST_MODEL (releases), NULL);

  self = g_object_new (COCKPIT_TYPE_FLEET_MODEL, NULL);
  self->packages = g_object_ref (packages);
  self->releases = releases ? g_object_ref (releases) : NULL;
  g_signal_connect_swapped (packages, "items-changed", G_CALLBACK (packages_changed_cb), self);
  if (releases != NULL)
    g_signal_connect_swapped (releases, "items-changed", G_CALLBACK (releases_changed_cb), self);
  rebuild (self);
  return self;
}

static GDateTime *
session_now (gpointer data)
{
  return cockpit_session_dup_now (data);
}

static void
action_finished_cb (CockpitActionTracker *tracker,
                    CockpitAction        *action,
                    CockpitFleetModel    *self)
{
  cockpit_fleet_model_action_finished (self, action);
}

CockpitFleetModel *
cockpit_fleet_model_new_for_session (CockpitSession *session)
{
  CockpitFleetModel *self;

  g_return_val_if_fail (COCKPIT_IS_SESSION (session), NULL);

  self = cockpit_fleet_model_new (cockpit_session_get_packages (session),
                                  cockpit_session_get_releases (session));
  self->session = g_object_ref (session);
  /* The session outlives no model of its own; a plain pointer will do. */
  cockpit_fleet_model_set_clock (self, session_now, session, NULL);
  g_signal_connect_object (cockpit_session_get_tracker (session), "action-finished",
                           G_CALLBACK (action_finished_cb), self, 0);
  self->client = g_object_ref (cockpit_session_get_client (session));
  ask_last_actions (self);
  return self;
}
