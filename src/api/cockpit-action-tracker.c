/* cockpit-action-tracker.c: follows every running action until it ends, across restarts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every user intent becomes an entry in a journal file before anything is
 * sent: its idempotency key, package, environment, kind and parameters.
 * Once the cockpit confirms the action, the entry gets the action's id,
 * and the tracker polls the action until it ends.  When the app starts
 * again, cockpit_action_tracker_resume() reads the journal and picks up
 * where it stopped.  An intent whose answer never came is resolved by
 * looking at the package's actions, never by sending it blindly again.
 * When a backup ends, the upgrade journalled to follow it is started
 * here too.  Starting an intent (cockpit-action-tracker-start.c) builds
 * on this file; this one uses the journal file (cockpit-action-journal.c)
 * and the entries (cockpit-action-tracker-entry.c), never the starting.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cockpit-action-tracker-entry-private.h"

#define DEFAULT_FIRST_MS  1000
#define DEFAULT_MAX_MS    10000
/* How far the cockpit's clock may be behind ours when we look for an
 * action that an unanswered request may have started. */
#define CLOCK_SKEW        (10 * G_TIME_SPAN_MINUTE)

G_DEFINE_FINAL_TYPE (CockpitActionTracker, cockpit_action_tracker, G_TYPE_OBJECT)
G_DEFINE_QUARK (cockpit-action-tracker-error-quark, cockpit_action_tracker_error)

enum {
  PROP_0,
  PROP_JOURNAL_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTION_STARTED,
  ACTION_UPDATED,
  STAGE_CHANGED,
  ACTION_FINISHED,
  ACTION_NOT_STARTED,
  JOURNAL_DAMAGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The journal ---------------------------------------------------------------- */

/* Keeps @message as the journal problem and emits "journal-damaged"; a
 * NULL @message (the journal was whole) says nothing. */
static void
report_damage (CockpitActionTracker *self,
               const char           *message,
               const char           *aside)
{
  if (message == NULL)
    return;

  g_free (self->journal_problem);
  self->journal_problem = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL_PROBLEM]);
  g_signal_emit (self, signals[JOURNAL_DAMAGED], 0, message, aside);
}

gboolean
_cockpit_tracker_save_journal (CockpitActionTracker  *self,
                               GError               **error)
{
  g_autofree char *damage = NULL;
  g_autofree char *aside = NULL;
  gboolean saved = _cockpit_journal_save (self, &damage, &aside, error);

  report_damage (self, damage, aside);
  return saved;
}

/* Reads the journal and tells of a damaged one. */
static GPtrArray *
read_journal (CockpitActionTracker  *self,
              JsonArray            **others)
{
  g_autofree char *damage = NULL;
  g_autofree char *aside = NULL;
  GPtrArray *entries = _cockpit_journal_read (self, others, &damage, &aside);

  report_damage (self, damage, aside);
  return entries;
}

/* Following ------------------------------------------------------------------ */

void
_cockpit_tracker_remove_entry (CockpitActionTracker *self,
                               Entry                *entry)
{
  guint position;

  if (entry->action != NULL &&
      g_list_store_find (self->actions, entry->action, &position))
    g_list_store_remove (self->actions, position);
  g_ptr_array_remove (self->entries, entry);
  _cockpit_tracker_save_journal (self, NULL);
}

static gboolean
network_is_down (CockpitActionTracker *self)
{
  /* A cockpit on this machine needs no network. */
  return !self->loopback && !g_network_monitor_get_network_available (self->monitor);
}

void
_cockpit_tracker_adopt_action (CockpitActionTracker *self,
                               Entry                *entry,
                               CockpitAction        *action)
{
  g_free (entry->intent.action_id);
  entry->intent.action_id = g_strdup (cockpit_action_get_id (action));
  g_set_object (&entry->action, action);
  g_list_store_append (self->actions, action);
  /* The action runs whether or not this is written down; if not, it is
   * followed until the app closes. */
  _cockpit_tracker_save_journal (self, NULL);

  g_signal_emit (self, signals[ACTION_STARTED], 0, action);

  entry->interval_ms = self->first_ms;
  _cockpit_tracker_schedule (self, entry, entry->interval_ms);
}

/* Removes @entry, whose intent never started an action, and says so. */
static void
not_started (CockpitActionTracker *self,
             Entry                *entry,
             const char           *message)
{
  g_autofree char *package_id = g_strdup (entry->intent.package_id);
  g_autofree char *environment_id = g_strdup (entry->intent.environment_id);
  CockpitActionKind kind = entry->intent.kind;

  _cockpit_tracker_remove_entry (self, entry);
  g_signal_emit (self, signals[ACTION_NOT_STARTED], 0, package_id, environment_id, kind, message);
}

/* Follow-ups ----------------------------------------------------------------- */

void
_cockpit_tracker_send_entry (CockpitActionTracker *self,
                             Entry                *entry,
                             CockpitEnvironment   *environment,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  const CockpitIntent *intent = &entry->intent;

  entry->busy = TRUE;

  switch (intent->kind)
    {
    case COCKPIT_ACTION_KIND_UPGRADE:
      cockpit_client_upgrade_async (self->client, environment, intent->target_version, intent->key,
                                    cancellable, callback, user_data);
      break;
    case COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP:
      cockpit_client_extend_upgrade_backup_async (self->client, environment, intent->expires_at, intent->key,
                                                  cancellable, callback, user_data);
      break;
    case COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP:
      cockpit_client_delete_upgrade_backup_async (self->client, environment, intent->key,
                                                  cancellable, callback, user_data);
      break;
    case COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP:
      cockpit_client_restore_upgrade_backup_async (self->client, environment, intent->key,
                                                   cancellable, callback, user_data);
      break;
    case COCKPIT_ACTION_KIND_CREATE_BACKUP:
      cockpit_client_create_backup_async (self->client, environment, intent->key,
                                          cancellable, callback, user_data);
      break;
    case COCKPIT_ACTION_KIND_TEARDOWN:
    default:
      cockpit_client_teardown_async (self->client, environment, intent->key,
                                     cancellable, callback, user_data);
      break;
    }
}

/* The backup has succeeded, but the upgrade to follow it could not be
 * started, for @reason. */
static void
followup_refused (CockpitActionTracker *self,
                  Entry                *next,
                  const char           *reason)
{
  g_autofree char *message = g_strdup_printf (_("The backup of Live has succeeded, but the upgrade could not be started: %s"),
                                              reason);

  not_started (self, next, message);
}

static void
followup_sent_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(CockpitActionTracker) self = NULL;
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GError) error = NULL;
  Entry *entry;

  action = cockpit_client_start_action_finish (COCKPIT_CLIENT (object), result, &error);
  if (!_cockpit_tracker_call_resolve (call, &self, &entry))
    return;
  entry->busy = FALSE;

  if (action != NULL)
    _cockpit_tracker_adopt_action (self, entry, action);
  else if (cockpit_client_error_is_rejection (error))
    followup_refused (self, entry, error->message);
  else
    _cockpit_tracker_schedule (self, entry, self->first_ms);
}

/* The action of @entry has ended: starts what was to follow it, or says
 * why it will not happen. */
static void
start_followup (CockpitActionTracker *self,
                Entry                *entry,
                CockpitAction        *action)
{
  const CockpitIntentFollowup *then = entry->intent.then;
  g_autoptr(CockpitEnvironment) environment = cockpit_environment_new ();
  Entry *next;

  next = g_new0 (Entry, 1);
  next->intent.key = cockpit_client_new_idempotency_key ();
  next->intent.cockpit = g_strdup (entry->intent.cockpit);
  next->intent.package_id = g_strdup (entry->intent.package_id);
  next->intent.environment_id = g_strdup (entry->intent.environment_id);
  next->intent.kind = then->kind;
  next->intent.target_version = g_strdup (then->target_version);
  next->intent.started_at = g_date_time_new_now_utc ();
  g_ptr_array_add (self->entries, next);

  if (cockpit_action_get_status (action) != COCKPIT_ACTION_STATUS_SUCCEEDED)
    {
      g_autofree char *message = NULL;

      /* Translators: "The upgrade of Live to 6.3.21 was not started because the backup of Live failed." */
      message = g_strdup_printf (_("The upgrade of %s to %s was not started because the backup of Live failed."),
                                 cockpit_environment_kind_get_label (then->environment_kind),
                                 then->target_version);
      not_started (self, next, message);
      return;
    }

  if (!_cockpit_tracker_save_journal (self, NULL))
    {
      g_autoptr(GError) error = _cockpit_journal_error (self);

      followup_refused (self, next, error->message);
      return;
    }

  /* The environment as the client needs it: ids, and the kind for the
   * wording of errors. */
  cockpit_environment_set_id (environment, next->intent.environment_id);
  cockpit_environment_set_package_id (environment, next->intent.package_id);
  cockpit_environment_set_kind (environment, then->environment_kind);
  _cockpit_tracker_send_entry (self, next, environment, self->cancellable, followup_sent_cb, _cockpit_tracker_call_new (self, next));
}

static void
finish_entry (CockpitActionTracker *self,
              Entry                *entry)
{
  g_autoptr(CockpitAction) action = g_object_ref (entry->action);

  /* What follows is written down before this entry goes, so that a
   * crash in between loses neither. */
  if (entry->intent.then != NULL)
    start_followup (self, entry, action);

  _cockpit_tracker_remove_entry (self, entry);
  g_signal_emit (self, signals[ACTION_FINISHED], 0, action);
}

static void
poll_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(CockpitActionTracker) self = NULL;
  g_autoptr(CockpitAction) fresh = NULL;
  g_autoptr(GError) error = NULL;
  CockpitStageName old_stage;
  Entry *entry;

  fresh = cockpit_client_get_action_finish (COCKPIT_CLIENT (object), result, &error);
  if (!_cockpit_tracker_call_resolve (call, &self, &entry))
    return;
  entry->busy = FALSE;

  if (fresh == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_NOT_FOUND))
        {
          not_started (self, entry, _("The cockpit no longer knows this action. Reload the package to see its current state."));
          return;
        }

      /* A failed poll says nothing about the action: try again later,
       * and never call the action failed because of it. */
      g_debug ("Polling action %s failed: %s", entry->intent.action_id, error->message);
      _cockpit_tracker_schedule (self, entry, self->max_ms);
      return;
    }

  old_stage = cockpit_action_get_stage (entry->action);
  cockpit_json_update (entry->action, fresh);
  g_signal_emit (self, signals[ACTION_UPDATED], 0, entry->action);
  if (cockpit_action_get_stage (entry->action) != old_stage)
    g_signal_emit (self, signals[STAGE_CHANGED], 0, entry->action);

  if (!cockpit_action_is_running (entry->action))
    {
      finish_entry (self, entry);
      return;
    }

  entry->interval_ms = MIN (entry->interval_ms * 3 / 2, self->max_ms);
  _cockpit_tracker_schedule (self, entry, entry->interval_ms);
}

static gboolean
matches_intent (Entry         *entry,
                CockpitAction *action)
{
  g_autoptr(GDateTime) earliest = g_date_time_add (entry->intent.started_at, -CLOCK_SKEW);

  return cockpit_action_get_kind (action) == entry->intent.kind &&
         g_strcmp0 (cockpit_action_get_environment_id (action), entry->intent.environment_id) == 0 &&
         g_date_time_compare (cockpit_action_get_created_at (action), earliest) >= 0;
}

static gboolean
is_followed (CockpitActionTracker *self,
             const char           *action_id)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (entry->intent.action_id, action_id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
resolve_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(CockpitActionTracker) self = NULL;
  g_autoptr(GListStore) actions = NULL;
  g_autoptr(GError) error = NULL;
  Entry *entry;

  actions = cockpit_client_list_actions_finish (COCKPIT_CLIENT (object), result, &error);
  if (!_cockpit_tracker_call_resolve (call, &self, &entry))
    return;
  entry->busy = FALSE;

  if (actions == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _cockpit_tracker_schedule (self, entry, self->max_ms);
      return;
    }

  /* Newest first: the newest matching action not followed already is
   * the one our request started. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (actions)); i++)
    {
      g_autoptr(CockpitAction) action = g_list_model_get_item (G_LIST_MODEL (actions), i);

      if (matches_intent (entry, action) && !is_followed (self, cockpit_action_get_id (action)))
        {
          _cockpit_tracker_adopt_action (self, entry, action);
          return;
        }
    }

  not_started (self, entry, _("The cockpit never received the request, so nothing was started. Start it again if you still want it."));
}

static gboolean
timeout_cb (gpointer user_data)
{
  Call *call = user_data;
  g_autoptr(CockpitActionTracker) self = NULL;
  Entry *entry;

  if (!_cockpit_tracker_call_resolve (call, &self, &entry))
    return G_SOURCE_REMOVE;

  entry->timeout_id = 0;

  if (network_is_down (self))
    {
      entry->waiting = TRUE;
      return G_SOURCE_REMOVE;
    }

  entry->busy = TRUE;
  if (entry->intent.action_id != NULL)
    cockpit_client_get_action_async (self->client, entry->intent.action_id, self->cancellable,
                                     poll_cb, _cockpit_tracker_call_new (self, entry));
  else
    cockpit_client_list_actions_async (self->client, entry->intent.package_id, 50, self->cancellable,
                                       resolve_cb, _cockpit_tracker_call_new (self, entry));
  return G_SOURCE_REMOVE;
}

void
_cockpit_tracker_schedule (CockpitActionTracker *self,
                           Entry                *entry,
                           guint                 delay_ms)
{
  g_clear_handle_id (&entry->timeout_id, g_source_remove);
  entry->waiting = FALSE;
  entry->timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT, delay_ms, timeout_cb,
                                          _cockpit_tracker_call_new (self, entry), (GDestroyNotify) _cockpit_tracker_call_free);
}

static void
network_changed_cb (GNetworkMonitor      *monitor,
                    gboolean              available,
                    CockpitActionTracker *self)
{
  if (network_is_down (self))
    return;

  /* Back online: look at once at everything that waited. */
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry->waiting && !entry->busy)
        _cockpit_tracker_schedule (self, entry, 0);
    }
}

/* The object ----------------------------------------------------------------- */

void
cockpit_action_tracker_resume (CockpitActionTracker *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  JsonArray *others = NULL;

  g_return_if_fail (COCKPIT_IS_ACTION_TRACKER (self));

  _cockpit_journal_clean_up (self);
  entries = read_journal (self, &others);
  json_array_unref (others);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (_cockpit_tracker_find_entry (self, entry->intent.key) != NULL)
        continue;

      /* Moved to self->entries; the slot is left NULL, which entry_free()
       * accepts when @entries goes. */
      g_ptr_array_index (entries, i) = NULL;
      g_ptr_array_add (self->entries, entry);

      if (entry->intent.action_id != NULL)
        {
          /* A placeholder until the first poll fills it in. */
          entry->action = cockpit_action_new ();
          cockpit_action_set_id (entry->action, entry->intent.action_id);
          cockpit_action_set_package_id (entry->action, entry->intent.package_id);
          cockpit_action_set_environment_id (entry->action, entry->intent.environment_id);
          cockpit_action_set_kind (entry->action, entry->intent.kind);
          g_autoptr(JsonNode) params = cockpit_intent_params_to_json (&entry->intent);

          cockpit_action_set_params (entry->action, params);
          cockpit_action_set_created_at (entry->action, entry->intent.started_at);
          g_list_store_append (self->actions, entry->action);
        }
      entry->interval_ms = self->first_ms;
      _cockpit_tracker_schedule (self, entry, 0);
    }
}

const char *
cockpit_action_tracker_get_journal_problem (CockpitActionTracker *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION_TRACKER (self), NULL);

  return self->journal_problem;
}

void
cockpit_action_tracker_set_hook (CockpitActionTracker     *self,
                                 CockpitActionTrackerHook  hook,
                                 gpointer                  user_data)
{
  g_return_if_fail (COCKPIT_IS_ACTION_TRACKER (self));

  self->hook = hook;
  self->hook_data = user_data;
}

GListModel *
cockpit_action_tracker_get_actions (CockpitActionTracker *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION_TRACKER (self), NULL);

  return G_LIST_MODEL (self->actions);
}

CockpitAction *
cockpit_action_tracker_find_for_package (CockpitActionTracker *self,
                                         const char           *package_id)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION_TRACKER (self), NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry->action != NULL && g_strcmp0 (entry->intent.package_id, package_id) == 0)
        return entry->action;
    }
  return NULL;
}

gboolean
cockpit_action_tracker_is_busy (CockpitActionTracker *self,
                                const char           *package_id)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION_TRACKER (self), FALSE);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (entry->intent.package_id, package_id) == 0)
        return TRUE;
    }
  return FALSE;
}

CockpitClient *
cockpit_action_tracker_get_client (CockpitActionTracker *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION_TRACKER (self), NULL);

  return self->client;
}

const char *
cockpit_action_tracker_get_journal_path (CockpitActionTracker *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION_TRACKER (self), NULL);

  return self->journal_path;
}

void
cockpit_action_tracker_set_network_monitor (CockpitActionTracker *self,
                                            GNetworkMonitor      *monitor,
                                            gboolean              even_for_loopback)
{
  g_return_if_fail (COCKPIT_IS_ACTION_TRACKER (self));
  g_return_if_fail (G_IS_NETWORK_MONITOR (monitor));

  g_clear_signal_handler (&self->monitor_handler, self->monitor);
  g_set_object (&self->monitor, monitor);
  self->monitor_handler = g_signal_connect (self->monitor, "network-changed",
                                            G_CALLBACK (network_changed_cb), self);
  if (even_for_loopback)
    self->loopback = FALSE;
}

void
cockpit_action_tracker_set_intervals (CockpitActionTracker *self,
                                      guint                 first_ms,
                                      guint                 max_ms)
{
  g_return_if_fail (COCKPIT_IS_ACTION_TRACKER (self));

  self->first_ms = first_ms;
  self->max_ms = MAX (max_ms, first_ms);
}

CockpitActionTracker *
cockpit_action_tracker_new (CockpitClient *client,
                            const char    *journal_path)
{
  CockpitActionTracker *self;
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (COCKPIT_IS_CLIENT (client), NULL);

  self = g_object_new (COCKPIT_TYPE_ACTION_TRACKER, NULL);
  self->client = g_object_ref (client);
  if (journal_path != NULL)
    self->journal_path = g_strdup (journal_path);
  else
    self->journal_path = g_build_filename (g_get_user_state_dir (), "upgrade-cockpit", "actions.json", NULL);

  uri = g_uri_parse (cockpit_client_get_base_url (client), G_URI_FLAGS_NONE, NULL);
  if (uri != NULL)
    {
      g_autoptr(GInetAddress) address = g_inet_address_new_from_string (g_uri_get_host (uri));
      self->loopback = g_ascii_strcasecmp (g_uri_get_host (uri), "localhost") == 0 ||
                       (address != NULL && g_inet_address_get_is_loopback (address));
    }

  return self;
}

static void
cockpit_action_tracker_dispose (GObject *object)
{
  CockpitActionTracker *self = (CockpitActionTracker *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_signal_handler (&self->monitor_handler, self->monitor);
  g_clear_object (&self->monitor);
  if (self->entries != NULL)
    g_ptr_array_set_size (self->entries, 0);
  if (self->actions != NULL)
    g_list_store_remove_all (self->actions);

  G_OBJECT_CLASS (cockpit_action_tracker_parent_class)->dispose (object);
}

static void
cockpit_action_tracker_finalize (GObject *object)
{
  CockpitActionTracker *self = (CockpitActionTracker *) object;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->actions);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->journal_path, g_free);
  g_clear_pointer (&self->journal_problem, g_free);

  G_OBJECT_CLASS (cockpit_action_tracker_parent_class)->finalize (object);
}

static void
cockpit_action_tracker_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CockpitActionTracker *self = COCKPIT_ACTION_TRACKER (object);

  switch (prop_id)
    {
    case PROP_JOURNAL_PROBLEM:
      g_value_set_string (value, self->journal_problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_action_tracker_class_init (CockpitActionTrackerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cockpit_action_tracker_dispose;
  object_class->finalize = cockpit_action_tracker_finalize;
  object_class->get_property = cockpit_action_tracker_get_property;

  /* NULL, or the sentence saying that the journal was damaged and set aside. */
  properties[PROP_JOURNAL_PROBLEM] =
    g_param_spec_string ("journal-problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CockpitActionTracker::action-started:
   * The cockpit confirmed an action, or one was found that an unanswered
   * request had started.
   */
  signals[ACTION_STARTED] =
    g_signal_new ("action-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, COCKPIT_TYPE_ACTION);
  /* After every poll; progress and stage are in the action. */
  signals[ACTION_UPDATED] =
    g_signal_new ("action-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, COCKPIT_TYPE_ACTION);
  signals[STAGE_CHANGED] =
    g_signal_new ("stage-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, COCKPIT_TYPE_ACTION);
  /* The action succeeded or failed: see its status and error. */
  signals[ACTION_FINISHED] =
    g_signal_new ("action-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, COCKPIT_TYPE_ACTION);
  /* An intent that turned out never to have started an action:
   * package id, environment id, kind, and a sentence for people. */
  signals[ACTION_NOT_STARTED] =
    g_signal_new ("action-not-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_STRING, G_TYPE_STRING, COCKPIT_TYPE_ACTION_KIND, G_TYPE_STRING);
  /* The journal was damaged: it was kept under another name and a new one
   * written with what could be read.  Emitted once per damaged file, with
   * a sentence for people and the path of the copy. */
  signals[JOURNAL_DAMAGED] =
    g_signal_new ("journal-damaged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
cockpit_action_tracker_init (CockpitActionTracker *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) _cockpit_tracker_entry_free);
  self->actions = g_list_store_new (COCKPIT_TYPE_ACTION);
  self->cancellable = g_cancellable_new ();
  self->first_ms = DEFAULT_FIRST_MS;
  self->max_ms = DEFAULT_MAX_MS;
  self->monitor = g_object_ref (g_network_monitor_get_default ());
  self->monitor_handler = g_signal_connect (self->monitor, "network-changed",
                                            G_CALLBACK (network_changed_cb), self);
}

guint
cockpit_action_tracker_read_journal (CockpitActionTracker *self,
                                     guint                *n_others)
{
  g_autoptr(JsonArray) others = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (COCKPIT_IS_ACTION_TRACKER (self), 0);

  entries = read_journal (self, &others);
  *n_others = json_array_get_length (others);
  return entries->len;
}
