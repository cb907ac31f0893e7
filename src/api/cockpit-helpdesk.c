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
 * Each critical notification is announced once: the ids seen are kept
 * per cockpit in a small JSON file, so a restart announces nothing again.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cockpit-helpdesk.h"
#include "cockpit-helpdesk-private.h"

/* The value of a pending change that the cockpit has not confirmed yet. */
#define IN_FLIGHT G_MAXUINT

#define N_SEVERITIES 3

struct _CockpitHelpdesk
{
  GObject parent_instance;

  /* Owned references */
  CockpitClient *client;
  char          *state_path;
  GListStore    *notifications;
  GCancellable  *cancellable;

  /* Changes sent by us: id → IN_FLIGHT, or the refresh serial at the
   * time the cockpit confirmed them. */
  GHashTable    *reads;
  GHashTable    *archives;

  /* The ids of the critical notifications already seen; NULL until the
   * state file is read. */
  GHashTable    *seen;

  guint          unread[N_SEVERITIES];
  char          *error;
  gboolean       loading;
  gboolean       refresh_again;
  guint          refresh_serial;
  guint          auto_refresh_id;
};

G_DEFINE_FINAL_TYPE (CockpitHelpdesk, cockpit_helpdesk, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_UNREAD_CRITICAL,
  PROP_UNREAD_WARNING,
  PROP_UNREAD_INFO,
  PROP_LOADING,
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

static void
update_counts (CockpitHelpdesk *self)
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
set_error (CockpitHelpdesk *self,
           const char      *error)
{
  if (cockpit_set_string (&self->error, error))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* The list ---------------------------------------------------------------------- */

static gboolean
find_position (CockpitHelpdesk     *self,
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

/* Puts a notification back where it belongs after an archive failed. */
static void
insert_sorted (CockpitHelpdesk     *self,
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

/* The state file ---------------------------------------------------------------- */

static char *
default_state_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "upgrade-cockpit", "helpdesk-seen.json", NULL);
}

/* The file's object that maps each cockpit to the ids it has announced,
 * or NULL when there is no usable file. */
static JsonNode *
read_state_file (CockpitHelpdesk *self)
{
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonNode *cockpits;
  gsize length;

  if (!g_file_get_contents (self->state_path, &contents, &length, NULL))
    return NULL;
  root = cockpit_json_parse (contents, (gssize) length, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_debug ("Ignoring a damaged helpdesk state file");
      return NULL;
    }
  cockpits = json_object_get_member (json_node_get_object (root), "cockpits");
  if (cockpits == NULL || !JSON_NODE_HOLDS_OBJECT (cockpits))
    return NULL;
  return json_node_copy (cockpits);
}

static void
add_ids (GHashTable *set,
         JsonNode   *cockpits,
         const char *identity)
{
  JsonNode *ids;
  JsonArray *array;

  if (cockpits == NULL)
    return;
  ids = json_object_get_member (json_node_get_object (cockpits), identity);
  if (ids == NULL || !JSON_NODE_HOLDS_ARRAY (ids))
    return;
  array = json_node_get_array (ids);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_hash_table_add (set, g_strdup (json_node_get_string (element)));
    }
}

static void
ensure_seen (CockpitHelpdesk *self)
{
  g_autoptr(JsonNode) cockpits = NULL;

  if (self->seen != NULL)
    return;
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cockpits = read_state_file (self);
  add_ids (self->seen, cockpits, cockpit_client_get_identity (self->client));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Writes the ids seen, atomically, keeping what another instance of the
 * app wrote for other cockpits (and for this one) meanwhile. */
static void
save_seen (CockpitHelpdesk *self)
{
  g_autoptr(JsonNode) cockpits = read_state_file (self);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = g_path_get_dirname (self->state_path);
  const char *identity = cockpit_client_get_identity (self->client);
  GHashTableIter iter;
  gpointer id;

  add_ids (self->seen, cockpits, identity);
  ids = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->seen);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_ptr_array_add (ids, id);
  g_ptr_array_sort (ids, compare_strings);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "cockpits");
  json_builder_begin_object (builder);
  if (cockpits != NULL)
    {
      JsonObjectIter members;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&members, json_node_get_object (cockpits));
      while (json_object_iter_next (&members, &name, &value))
        if (g_strcmp0 (name, identity) != 0)
          {
            json_builder_set_member_name (builder, name);
            json_builder_add_value (builder, json_node_copy (value));
          }
    }
  json_builder_set_member_name (builder, identity);
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (ids, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (self->state_path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_debug ("Could not write the helpdesk state: %s", error ? error->message : g_strerror (errno));
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

  ensure_seen (self);

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
  update_counts (self);

  if (seen_changed)
    save_seen (self);

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
  set_loading (self, FALSE);

  if (fresh == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_error (self, error->message);
      g_task_return_error (task, error);
    }
  else
    {
      set_error (self, NULL);
      announce = merge (self, G_LIST_MODEL (fresh), serial);
      for (guint i = 0; i < announce->len; i++)
        g_signal_emit (self, signals[NEW_CRITICAL], 0, g_ptr_array_index (announce, i));
      g_task_return_boolean (task, TRUE);
    }

  if (self->refresh_again)
    {
      self->refresh_again = FALSE;
      cockpit_helpdesk_refresh (self);
    }
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
  set_loading (self, TRUE);
  cockpit_client_list_notifications_async (self->client, cancellable, refresh_cb, task);
}

gboolean
cockpit_helpdesk_refresh_finish (CockpitHelpdesk  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (COCKPIT_IS_HELPDESK (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
background_refresh_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!cockpit_helpdesk_refresh_finish (COCKPIT_HELPDESK (object), result, &error))
    g_debug ("Helpdesk refresh failed: %s", error->message);
}

void
cockpit_helpdesk_refresh (CockpitHelpdesk *self)
{
  g_return_if_fail (COCKPIT_IS_HELPDESK (self));

  if (self->loading)
    {
      self->refresh_again = TRUE;
      return;
    }
  cockpit_helpdesk_refresh_async (self, self->cancellable, background_refresh_cb, NULL);
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

  g_clear_handle_id (&self->auto_refresh_id, g_source_remove);
  if (seconds > 0)
    self->auto_refresh_id = g_timeout_add_seconds (seconds, auto_refresh_cb, self);
}

/* Changes ----------------------------------------------------------------------- */

/* The client's sentence, after one that names what failed. */
static GError *
explain (const GError *error,
         const char   *what)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  /* Translators: the first %s says what failed, the second why. */
  return g_error_new (error->domain, error->code, _("%s %s"), what, error->message);
}

static void
confirm (CockpitHelpdesk *self,
         GHashTable      *changes,
         const char      *id)
{
  g_hash_table_insert (changes, g_strdup (id), GUINT_TO_POINTER (self->refresh_serial));
}

static void
mark_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CockpitHelpdesk *self = g_task_get_source_object (task);
  CockpitNotification *notification = g_task_get_task_data (task);
  const char *id = cockpit_notification_get_id (notification);
  g_autoptr(GError) error = NULL;

  if (cockpit_client_notification_finish (COCKPIT_CLIENT (object), result, &error))
    {
      confirm (self, self->reads, id);
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_hash_table_remove (self->reads, id);
  cockpit_notification_set_read (notification, FALSE);
  update_counts (self);
  {
    g_autofree char *what = g_strdup_printf (_("Could not mark “%s” as read."),
                                             cockpit_notification_get_title (notification));
    g_task_return_error (task, explain (error, what));
  }
}

void
cockpit_helpdesk_mark_read_async (CockpitHelpdesk     *self,
                                  CockpitNotification *notification,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *id;

  g_return_if_fail (COCKPIT_IS_HELPDESK (self));
  g_return_if_fail (COCKPIT_IS_NOTIFICATION (notification));
  g_return_if_fail (cockpit_notification_get_id (notification) != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cockpit_helpdesk_mark_read_async);
  g_task_set_task_data (task, g_object_ref (notification), g_object_unref);

  if (cockpit_notification_get_read (notification))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  id = cockpit_notification_get_id (notification);
  g_hash_table_insert (self->reads, g_strdup (id), GUINT_TO_POINTER (IN_FLIGHT));
  cockpit_notification_set_read (notification, TRUE);
  update_counts (self);
  cockpit_client_mark_notification_read_async (self->client, id, cancellable,
                                               mark_read_cb, g_steal_pointer (&task));
}

gboolean
cockpit_helpdesk_mark_read_finish (CockpitHelpdesk  *self,
                                   GAsyncResult     *result,
                                   GError          **error)
{
  g_return_val_if_fail (COCKPIT_IS_HELPDESK (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct {
  guint   pending;
  guint   failed;
  GError *error;   /* the first failure */
} MarkAll;

static void
mark_all_free (MarkAll *mark_all)
{
  g_clear_error (&mark_all->error);
  g_free (mark_all);
}

typedef struct {
  GTask               *task;
  CockpitNotification *notification;
} MarkOne;

static void
mark_one_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  MarkOne *one = user_data;
  g_autoptr(GTask) task = one->task;
  g_autoptr(CockpitNotification) notification = one->notification;
  CockpitHelpdesk *self = g_task_get_source_object (task);
  MarkAll *mark_all = g_task_get_task_data (task);
  const char *id = cockpit_notification_get_id (notification);
  GError *error = NULL;

  g_free (one);

  if (cockpit_client_notification_finish (COCKPIT_CLIENT (object), result, &error))
    confirm (self, self->reads, id);
  else
    {
      g_hash_table_remove (self->reads, id);
      cockpit_notification_set_read (notification, FALSE);
      update_counts (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        mark_all->failed++;
      /* Keep the first failure, or one that says more than "cancelled". */
      if (mark_all->error == NULL ||
          (g_error_matches (mark_all->error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
           !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)))
        {
          g_clear_error (&mark_all->error);
          mark_all->error = error;
        }
      else
        g_error_free (error);
    }

  if (--mark_all->pending > 0)
    return;

  if (mark_all->error == NULL)
    g_task_return_boolean (task, TRUE);
  else if (mark_all->failed == 0)
    g_task_return_error (task, g_steal_pointer (&mark_all->error));
  else
    {
      g_autofree char *what = NULL;

      what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Could not mark %u notification as read.",
                                           "Could not mark %u notifications as read.",
                                           mark_all->failed),
                              mark_all->failed);
      g_task_return_error (task, explain (mark_all->error, what));
    }
}

void
cockpit_helpdesk_mark_all_read_async (CockpitHelpdesk     *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GListModel *list;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) unread = g_ptr_array_new_with_free_func (g_object_unref);
  MarkAll *mark_all;

  g_return_if_fail (COCKPIT_IS_HELPDESK (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cockpit_helpdesk_mark_all_read_async);
  mark_all = g_new0 (MarkAll, 1);
  g_task_set_task_data (task, mark_all, (GDestroyNotify) mark_all_free);

  list = G_LIST_MODEL (self->notifications);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      CockpitNotification *notification = g_list_model_get_item (list, i);

      if (!cockpit_notification_get_read (notification))
        g_ptr_array_add (unread, notification);
      else
        g_object_unref (notification);
    }

  if (unread->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* All at once in the list, then one request each. */
  mark_all->pending = unread->len;
  for (guint i = 0; i < unread->len; i++)
    {
      CockpitNotification *notification = g_ptr_array_index (unread, i);

      g_hash_table_insert (self->reads, g_strdup (cockpit_notification_get_id (notification)),
                           GUINT_TO_POINTER (IN_FLIGHT));
      cockpit_notification_set_read (notification, TRUE);
    }
  update_counts (self);

  for (guint i = 0; i < unread->len; i++)
    {
      MarkOne *one = g_new0 (MarkOne, 1);

      one->task = g_object_ref (task);
      one->notification = g_object_ref (g_ptr_array_index (unread, i));
      cockpit_client_mark_notification_read_async (self->client, cockpit_notification_get_id (one->notification),
                                                   cancellable, mark_one_cb, one);
    }
}

gboolean
cockpit_helpdesk_mark_all_read_finish (CockpitHelpdesk  *self,
                                       GAsyncResult     *result,
                                       GError          **error)
{
  g_return_val_if_fail (COCKPIT_IS_HELPDESK (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
archive_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CockpitHelpdesk *self = g_task_get_source_object (task);
  CockpitNotification *notification = g_task_get_task_data (task);
  const char *id = cockpit_notification_get_id (notification);
  g_autoptr(GError) error = NULL;
  guint position;

  if (cockpit_client_notification_finish (COCKPIT_CLIENT (object), result, &error))
    {
      confirm (self, self->archives, id);
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_hash_table_remove (self->archives, id);
  cockpit_notification_set_archived (notification, FALSE);
  if (!find_position (self, notification, &position))
    insert_sorted (self, notification);
  update_counts (self);
  {
    g_autofree char *what = g_strdup_printf (_("Could not archive “%s”."),
                                             cockpit_notification_get_title (notification));
    g_task_return_error (task, explain (error, what));
  }
}

void
cockpit_helpdesk_archive_async (CockpitHelpdesk     *self,
                                CockpitNotification *notification,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *id;
  guint position;

  g_return_if_fail (COCKPIT_IS_HELPDESK (self));
  g_return_if_fail (COCKPIT_IS_NOTIFICATION (notification));
  g_return_if_fail (cockpit_notification_get_id (notification) != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cockpit_helpdesk_archive_async);
  g_task_set_task_data (task, g_object_ref (notification), g_object_unref);

  if (cockpit_notification_get_archived (notification))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  id = cockpit_notification_get_id (notification);
  g_hash_table_insert (self->archives, g_strdup (id), GUINT_TO_POINTER (IN_FLIGHT));
  cockpit_notification_set_archived (notification, TRUE);
  if (find_position (self, notification, &position))
    g_list_store_remove (self->notifications, position);
  update_counts (self);
  cockpit_client_archive_notification_async (self->client, id, cancellable,
                                             archive_cb, g_steal_pointer (&task));
}

gboolean
cockpit_helpdesk_archive_finish (CockpitHelpdesk  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (COCKPIT_IS_HELPDESK (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The object -------------------------------------------------------------------- */

CockpitHelpdesk *
cockpit_helpdesk_new (CockpitClient *client,
                      const char    *state_path)
{
  CockpitHelpdesk *self;

  g_return_val_if_fail (COCKPIT_IS_CLIENT (client), NULL);

  self = g_object_new (COCKPIT_TYPE_HELPDESK, "client", client, NULL);
  self->state_path = state_path ? g_strdup (state_path) : default_state_path ();
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
  g_clear_handle_id (&self->auto_refresh_id, g_source_remove);

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

guint
cockpit_helpdesk_reload_seen (CockpitHelpdesk *self)
{
  g_return_val_if_fail (COCKPIT_IS_HELPDESK (self), 0);

  g_clear_pointer (&self->seen, g_hash_table_unref);
  ensure_seen (self);
  return g_hash_table_size (self->seen);
}
