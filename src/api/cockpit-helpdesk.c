/* cockpit-helpdesk.c: the helpdesk notifications of one cockpit, kept fresh, with unread counts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The helpdesk keeps the notifications that are not archived in one list
 * whose objects live as long as their notification: a refresh updates
 * them in place.  Marking read and archiving show at once and are undone
 * if the cockpit refuses.  A refresh that was already on its way when
 * such a change was sent may still report the old state; the change is
 * therefore laid over every answer until a refresh started after the
 * cockpit confirmed it.
 *
 * Marking read and archiving are in cockpit-helpdesk-changes.c, the ids
 * of the critical notifications announced in cockpit-helpdesk-seen.c.
 */
#include "config.h"

#include "cockpit-helpdesk-list-private.h"

G_DEFINE_FINAL_TYPE (CockpitHelpdesk, cockpit_helpdesk, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_UNREAD_CRITICAL,
  PROP_UNREAD_WARNING,
  PROP_UNREAD_INFO,
  PROP_LOADING,
  PROP_LOADED,
  PROP_ERROR,
  N_PROPS
};

enum {
  NEW_CRITICAL,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const guint unread_props[N_SEVERITIES] = {
  [COCKPIT_SEVERITY_CRITICAL] = PROP_UNREAD_CRITICAL,
  [COCKPIT_SEVERITY_WARNING] = PROP_UNREAD_WARNING,
  [COCKPIT_SEVERITY_INFO] = PROP_UNREAD_INFO,
};

/* Counts ------------------------------------------------------------------------ */

void
_cockpit_helpdesk_update_counts (CockpitHelpdesk *self)
{
  GListModel *list = G_LIST_MODEL (self->notifications);
  guint counts[N_SEVERITIES] = { 0, };

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CockpitNotification) notification = g_list_model_get_item (list, i);
      CockpitSeverity severity = cockpit_notification_get_severity (notification);

      if (!cockpit_notification_get_read (notification) && severity < N_SEVERITIES)
        counts[severity]++;
    }

  g_object_freeze_notify (G_OBJECT (self));
  for (guint s = 0; s < N_SEVERITIES; s++)
    if (self->unread[s] != counts[s])
      {
        self->unread[s] = counts[s];
        g_object_notify_by_pspec (G_OBJECT (self), properties[unread_props[s]]);
      }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_loading (CockpitHelpdesk *self,
             gboolean         loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_loaded (CockpitHelpdesk *self)
{
  if (self->loaded)
    return;
  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
set_error (CockpitHelpdesk *self,
           const char      *error)
{
  if (cockpit_set_string (&self->error, error))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* The list ---------------------------------------------------------------------- */

gboolean
_cockpit_helpdesk_find_position (CockpitHelpdesk     *self,
                                 CockpitNotification *notification,
                                 guint               *position)
{
  return g_list_store_find (self->notifications, notification, position);
}

/* Newest first; the cockpit's order where the times are equal. */
static int
compare_newest_first (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  CockpitNotification *na = *(CockpitNotification **) a;
  CockpitNotification *nb = *(CockpitNotification **) b;
  GDateTime *ta = cockpit_notification_get_received_at (na);
  GDateTime *tb = cockpit_notification_get_received_at (nb);

  if (ta == NULL || tb == NULL)
    return (ta == NULL) - (tb == NULL);
  return g_date_time_compare (tb, ta);
}

gboolean
_cockpit_helpdesk_finish (CockpitHelpdesk  *self,
                          GAsyncResult     *result,
                          GError          **error)
{
  g_return_val_if_fail (COCKPIT_IS_HELPDESK (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
_cockpit_helpdesk_insert_sorted (CockpitHelpdesk     *self,
                                 CockpitNotification *notification)
{
  GListModel *list = G_LIST_MODEL (self->notifications);
  guint n = g_list_model_get_n_items (list);
  guint position = n;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CockpitNotification) other = g_list_model_get_item (list, i);

      if (compare_newest_first (&notification, &other, NULL) < 0)
        {
          position = i;
          break;
        }
    }
  g_list_store_insert (self->notifications, position, notification);
}

/* Whether a change of ours still overrides what refresh @serial says. */
static gboolean
change_applies (GHashTable *changes,
                const char *id,
                guint       serial)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (changes, id, NULL, &value))
    return FALSE;
  if (GPOINTER_TO_UINT (value) >= serial)
    return TRUE;
  /* Confirmed before this refresh started: the cockpit knows it now. */
  g_hash_table_remove (changes, id);
  return FALSE;
}

/* Makes the list hold @wanted in its order, with as few changes as
 * possible, so that views keep their rows and scroll position. */
static void
apply_order (CockpitHelpdesk *self,
             GPtrArray       *wanted)
{
  GListModel *list = G_LIST_MODEL (self->notifications);
  g_autoptr(GHashTable) keep = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < wanted->len; i++)
    g_hash_table_add (keep, g_ptr_array_index (wanted, i));

  for (guint i = g_list_model_get_n_items (list); i > 0; i--)
    {
      g_autoptr(CockpitNotification) item = g_list_model_get_item (list, i - 1);

      if (!g_hash_table_contains (keep, item))
        g_list_store_remove (self->notifications, i - 1);
    }

  for (guint i = 0; i < wanted->len; i++)
    {
      CockpitNotification *notification = g_ptr_array_index (wanted, i);
      g_autoptr(CockpitNotification) at = g_list_model_get_item (list, i);
      guint old;

      if (at == notification)
        continue;
      if (g_list_store_find (self->notifications, notification, &old))
        g_list_store_remove (self->notifications, old);
      g_list_store_insert (self->notifications, i, notification);
    }

  g_assert (g_list_model_get_n_items (list) == wanted->len);
}

/* Refreshing -------------------------------------------------------------------- */

/* Merges the cockpit's answer into the list and returns the critical
 * notifications to announce, oldest first. */
static GPtrArray *
merge (CockpitHelpdesk *self,
       GListModel      *fresh,
       guint            serial)
{
  GListModel *list = G_LIST_MODEL (self->notifications);
  g_autoptr(GHashTable) existing = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) wanted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) new_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *announce = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean seen_changed = FALSE;

  _cockpit_helpdesk_ensure_seen (self);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      CockpitNotification *item = g_list_model_get_item (list, i);

      g_hash_table_insert (existing, (gpointer) cockpit_notification_get_id (item), item);
      g_object_unref (item);  /* the store keeps it alive */
    }

  for (guint i = 0; i < g_list_model_get_n_items (fresh); i++)
    {
      g_autoptr(CockpitNotification) item = g_list_model_get_item (fresh, i);
      const char *id = cockpit_notification_get_id (item);
      CockpitNotification *old;

      if (id == NULL)
        continue;
      if (change_applies (self->reads, id, serial))
        cockpit_notification_set_read (item, TRUE);
      if (change_applies (self->archives, id, serial))
        cockpit_notification_set_archived (item, TRUE);

      /* A notification first seen read (or archived) is never announced. */
      if (cockpit_notification_get_severity (item) == COCKPIT_SEVERITY_CRITICAL &&
          !g_hash_table_contains (self->seen, id))
        {
          g_hash_table_add (self->seen, g_strdup (id));
          seen_changed = TRUE;
          if (!cockpit_notification_get_read (item) && !cockpit_notification_get_archived (item))
            g_hash_table_add (new_ids, g_strdup (id));
        }

      if (cockpit_notification_get_archived (item))
        continue;

      old = g_hash_table_lookup (existing, id);
      if (old != NULL)
        {
          cockpit_json_update (old, item);
          g_ptr_array_add (wanted, g_object_ref (old));
        }
      else
        g_ptr_array_add (wanted, g_object_ref (item));
    }

  g_qsort_with_data (wanted->pdata, wanted->len, sizeof (gpointer), compare_newest_first, NULL);
  apply_order (self, wanted);
  _cockpit_helpdesk_update_counts (self);

  if (seen_changed)
    _cockpit_helpdesk_save_seen (self);

  /* The list's objects, oldest first, so the newest is announced last. */
  for (guint i = wanted->len; i > 0; i--)
    {
      CockpitNotification *notification = g_ptr_array_index (wanted, i - 1);

      if (g_hash_table_contains (new_ids, cockpit_notification_get_id (notification)))
        g_ptr_array_add (announce, g_object_ref (notification));
    }

  return announce;
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CockpitHelpdesk *self = g_task_get_source_object (task);
  guint serial = GPOINTER_TO_UINT (g_task_get_task_data (task));
  g_autoptr(GListStore) fresh = NULL;
  g_autoptr(GPtrArray) announce = NULL;
  GError *error = NULL;

  fresh = cockpit_client_list_notifications_finish (COCKPIT_CLIENT (object), result, &error);
  if (_cockpit_refresh_queue_end (&self->refreshes))
    set_loading (self, FALSE);

  if (fresh == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_error (self, error->message);
          set_loaded (self);
        }
      g_task_return_error (task, error);
    }
  else
    {
      set_error (self, NULL);
      announce = merge (self, G_LIST_MODEL (fresh), serial);
      set_loaded (self);
      for (guint i = 0; i < announce->len; i++)
        g_signal_emit (self, signals[NEW_CRITICAL], 0, g_ptr_array_index (announce, i));
      g_task_return_boolean (task, TRUE);
    }

  if (_cockpit_refresh_queue_take_asked (&self->refreshes) &&
      !g_cancellable_is_cancelled (self->cancellable))
    cockpit_helpdesk_refresh (self);
}

void
cockpit_helpdesk_refresh_async (CockpitHelpdesk     *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (COCKPIT_IS_HELPDESK (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cockpit_helpdesk_refresh_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (++self->refresh_serial), NULL);
  if (_cockpit_refresh_queue_start (&self->refreshes))
    set_loading (self, TRUE);
  cockpit_client_list_notifications_async (self->client, cancellable, refresh_cb, task);
}

gboolean
cockpit_helpdesk_refresh_finish (CockpitHelpdesk  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  return _cockpit_helpdesk_finish (self, result, error);
}

void
cockpit_helpdesk_refresh (CockpitHelpdesk *self)
{
  g_return_if_fail (COCKPIT_IS_HELPDESK (self));

  if (_cockpit_refresh_queue_ask (&self->refreshes))
    cockpit_helpdesk_refresh_async (self, self->cancellable, _cockpit_refresh_queue_log_cb, NULL);
}

static gboolean
auto_refresh_cb (gpointer user_data)
{
  cockpit_helpdesk_refresh (user_data);
  return G_SOURCE_CONTINUE;
}

void
cockpit_helpdesk_set_auto_refresh (CockpitHelpdesk *self,
                                   guint            seconds)
{
  g_return_if_fail (COCKPIT_IS_HELPDESK (self));

  _cockpit_refresh_queue_set_timer (&self->refreshes, seconds, auto_refresh_cb, self);
}

/* The object -------------------------------------------------------------------- */

CockpitHelpdesk *
cockpit_helpdesk_new (CockpitClient *client,
                      const char    *state_path)
{
  CockpitHelpdesk *self;

  g_return_val_if_fail (COCKPIT_IS_CLIENT (client), NULL);

  self = g_object_new (COCKPIT_TYPE_HELPDESK, "client", client, NULL);
  self->state_path = state_path ? g_strdup (state_path) : _cockpit_helpdesk_default_state_path ();
  return self;
}

CockpitClient *
cockpit_helpdesk_get_client (CockpitHelpdesk *self)
{
  g_return_val_if_fail (COCKPIT_IS_HELPDESK (self), NULL);
  return self->client;
}

const char *
cockpit_helpdesk_get_state_path (CockpitHelpdesk *self)
{
  g_return_val_if_fail (COCKPIT_IS_HELPDESK (self), NULL);
  return self->state_path;
}

GListModel *
cockpit_helpdesk_get_notifications (CockpitHelpdesk *self)
{
  g_return_val_if_fail (COCKPIT_IS_HELPDESK (self), NULL);
  return G_LIST_MODEL (self->notifications);
}

CockpitNotification *
cockpit_helpdesk_find (CockpitHelpdesk *self,
                       const char      *id)
{
  GListModel *list;

  g_return_val_if_fail (COCKPIT_IS_HELPDESK (self), NULL);

  list = G_LIST_MODEL (self->notifications);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CockpitNotification) notification = g_list_model_get_item (list, i);

      if (g_strcmp0 (cockpit_notification_get_id (notification), id) == 0)
        return notification;  /* the store keeps it alive */
    }
  return NULL;
}

guint
cockpit_helpdesk_get_unread (CockpitHelpdesk *self,
                             CockpitSeverity  severity)
{
  g_return_val_if_fail (COCKPIT_IS_HELPDESK (self), 0);
  g_return_val_if_fail (severity < N_SEVERITIES, 0);
  return self->unread[severity];
}

guint
cockpit_helpdesk_get_unread_total (CockpitHelpdesk *self)
{
  g_return_val_if_fail (COCKPIT_IS_HELPDESK (self), 0);
  return self->unread[0] + self->unread[1] + self->unread[2];
}

gboolean
cockpit_helpdesk_get_loading (CockpitHelpdesk *self)
{
  g_return_val_if_fail (COCKPIT_IS_HELPDESK (self), FALSE);
  return self->loading;
}

gboolean
cockpit_helpdesk_get_loaded (CockpitHelpdesk *self)
{
  g_return_val_if_fail (COCKPIT_IS_HELPDESK (self), FALSE);
  return self->loaded;
}

const char *
cockpit_helpdesk_get_error (CockpitHelpdesk *self)
{
  g_return_val_if_fail (COCKPIT_IS_HELPDESK (self), NULL);
  return self->error;
}

static void
cockpit_helpdesk_dispose (GObject *object)
{
  CockpitHelpdesk *self = (CockpitHelpdesk *) object;

  g_cancellable_cancel (self->cancellable);
  _cockpit_refresh_queue_clear (&self->refreshes);

  G_OBJECT_CLASS (cockpit_helpdesk_parent_class)->dispose (object);
}

static void
cockpit_helpdesk_finalize (GObject *object)
{
  CockpitHelpdesk *self = (CockpitHelpdesk *) object;

  g_clear_object (&self->client);
  g_clear_object (&self->notifications);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->reads, g_hash_table_unref);
  g_clear_pointer (&self->archives, g_hash_table_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->state_path, g_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (cockpit_helpdesk_parent_class)->finalize (object);
}

static void
cockpit_helpdesk_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CockpitHelpdesk *self = COCKPIT_HELPDESK (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_UNREAD_CRITICAL:
      g_value_set_uint (value, self->unread[COCKPIT_SEVERITY_CRITICAL]);
      break;
    case PROP_UNREAD_WARNING:
      g_value_set_uint (value, self->unread[COCKPIT_SEVERITY_WARNING]);
      break;
    case PROP_UNREAD_INFO:
      g_value_set_uint (value, self->unread[COCKPIT_SEVERITY_INFO]);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_helpdesk_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CockpitHelpdesk *self = COCKPIT_HELPDESK (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_helpdesk_class_init (CockpitHelpdeskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cockpit_helpdesk_dispose;
  object_class->finalize = cockpit_helpdesk_finalize;
  object_class->get_property = cockpit_helpdesk_get_property;
  object_class->set_property = cockpit_helpdesk_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, COCKPIT_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNREAD_CRITICAL] =
    g_param_spec_uint ("unread-critical", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_UNREAD_WARNING] =
    g_param_spec_uint ("unread-warning", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_UNREAD_INFO] =
    g_param_spec_uint ("unread-info", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, flags);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE, flags);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CockpitHelpdesk::new-critical:
   * @notification: the CockpitNotification, as held in the list
   *
   * A critical notification that is unread was seen for the first time,
   * ever: once per notification, across restarts.
   */
  signals[NEW_CRITICAL] =
    g_signal_new ("new-critical",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, COCKPIT_TYPE_NOTIFICATION);
}

static void
cockpit_helpdesk_init (CockpitHelpdesk *self)
{
  self->notifications = g_list_store_new (COCKPIT_TYPE_NOTIFICATION);
  self->cancellable = g_cancellable_new ();
  self->reads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->archives = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
