/* cockpit-client-calls.c: the typed calls of the cockpit API, one _async/_finish pair each.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-client.h"
#include "cockpit-client-request-private.h"

static char *
escape (const char *segment)
{
  return g_uri_escape_string (segment, NULL, FALSE);
}

static char *
environment_path (CockpitEnvironment *environment,
                  const char         *rest)
{
  g_autofree char *package = escape (cockpit_environment_get_package_id (environment));
  g_autofree char *id = escape (cockpit_environment_get_id (environment));

  return g_strdup_printf ("/api/v1/packages/%s/environments/%s%s", package, id, rest);
}

/* Reading calls ------------------------------------------------------------ */

/* Reads the one object of @type at /api/v1/@collection/@id. */
static void
get_object (CockpitClient       *self,
            GType                type,
            const char          *collection,
            const char          *id,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data,
            gpointer             source_tag)
{
  Request template = { .decode = DECODE_OBJECT, .type = type };
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (id != NULL);

  escaped = escape (id);
  path = g_strdup_printf ("/api/v1/%s/%s", collection, escaped);
  _cockpit_client_start_request (self, "GET", path, NULL, NULL, &template,
                                 cancellable, callback, user_data, source_tag);
}

void
cockpit_client_get_me_async (CockpitClient       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Request template = { .decode = DECODE_OBJECT, .type = COCKPIT_TYPE_USER };

  g_return_if_fail (COCKPIT_IS_CLIENT (self));

  _cockpit_client_start_request (self, "GET", "/api/v1/me", NULL, NULL, &template,
                                 cancellable, callback, user_data, cockpit_client_get_me_async);
}

CockpitUser *
cockpit_client_get_me_finish (CockpitClient  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  return _cockpit_client_finish_pointer (self, result, cockpit_client_get_me_async, error);
}

void
cockpit_client_list_packages_async (CockpitClient       *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Request template = { .decode = DECODE_LIST, .type = COCKPIT_TYPE_PACKAGE, .member = "packages" };

  g_return_if_fail (COCKPIT_IS_CLIENT (self));

  _cockpit_client_start_request (self, "GET", "/api/v1/packages", NULL, NULL, &template,
                                 cancellable, callback, user_data, cockpit_client_list_packages_async);
}

GListStore *
cockpit_client_list_packages_finish (CockpitClient  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  return _cockpit_client_finish_pointer (self, result, cockpit_client_list_packages_async, error);
}

void
cockpit_client_get_package_async (CockpitClient       *self,
                                  const char          *package_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  get_object (self, COCKPIT_TYPE_PACKAGE, "packages", package_id,
              cancellable, callback, user_data, cockpit_client_get_package_async);
}

CockpitPackage *
cockpit_client_get_package_finish (CockpitClient  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  return _cockpit_client_finish_pointer (self, result, cockpit_client_get_package_async, error);
}

void
cockpit_client_list_releases_async (CockpitClient       *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Request template = { .decode = DECODE_LIST, .type = COCKPIT_TYPE_RELEASE, .member = "releases" };

  g_return_if_fail (COCKPIT_IS_CLIENT (self));

  _cockpit_client_start_request (self, "GET", "/api/v1/releases", NULL, NULL, &template,
                                 cancellable, callback, user_data, cockpit_client_list_releases_async);
}

GListStore *
cockpit_client_list_releases_finish (CockpitClient  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  return _cockpit_client_finish_pointer (self, result, cockpit_client_list_releases_async, error);
}

void
cockpit_client_list_available_versions_async (CockpitClient       *self,
                                              CockpitEnvironment  *environment,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  Request template = { .decode = DECODE_LIST, .type = COCKPIT_TYPE_RELEASE, .member = "versions",
                       .environment = environment };
  g_autofree char *path = NULL;

  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (environment));

  path = environment_path (environment, "/available-versions");
  _cockpit_client_start_request (self, "GET", path, NULL, NULL, &template,
                                 cancellable, callback, user_data, cockpit_client_list_available_versions_async);
}

GListStore *
cockpit_client_list_available_versions_finish (CockpitClient  *self,
                                               GAsyncResult   *result,
                                               GError        **error)
{
  return _cockpit_client_finish_pointer (self, result, cockpit_client_list_available_versions_async, error);
}

void
cockpit_client_get_action_async (CockpitClient       *self,
                                 const char          *action_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  get_object (self, COCKPIT_TYPE_ACTION, "actions", action_id,
              cancellable, callback, user_data, cockpit_client_get_action_async);
}

CockpitAction *
cockpit_client_get_action_finish (CockpitClient  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  return _cockpit_client_finish_pointer (self, result, cockpit_client_get_action_async, error);
}

void
cockpit_client_list_actions_async (CockpitClient       *self,
                                   const char          *package_id,
                                   guint                limit,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Request template = { .decode = DECODE_LIST, .type = COCKPIT_TYPE_ACTION, .member = "actions" };
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (package_id != NULL);

  id = escape (package_id);
  if (limit > 0)
    path = g_strdup_printf ("/api/v1/packages/%s/actions?limit=%u", id, limit);
  else
    path = g_strdup_printf ("/api/v1/packages/%s/actions", id);
  _cockpit_client_start_request (self, "GET", path, NULL, NULL, &template,
                                 cancellable, callback, user_data, cockpit_client_list_actions_async);
}

GListStore *
cockpit_client_list_actions_finish (CockpitClient  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  return _cockpit_client_finish_pointer (self, result, cockpit_client_list_actions_async, error);
}

static void
append_query (GString    *path,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  g_string_append_c (path, strchr (path->str, '?') ? '&' : '?');
  g_string_append_printf (path, "%s=%s", name, escaped);
}

void
cockpit_client_list_activity_async (CockpitClient              *self,
                                    const char                 *package_id,
                                    const CockpitActivityQuery *query,
                                    GCancellable               *cancellable,
                                    GAsyncReadyCallback         callback,
                                    gpointer                    user_data)
{
  Request template = { .decode = DECODE_ACTIVITY, .type = COCKPIT_TYPE_ACTIVITY_ENTRY, .member = "entries" };
  g_autofree char *id = NULL;
  g_autoptr(GString) path = NULL;

  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (package_id != NULL);

  id = escape (package_id);
  path = g_string_new (NULL);
  g_string_printf (path, "/api/v1/packages/%s/activity", id);
  if (query != NULL)
    {
      if (query->limit > 0)
        {
          char limit[16];
          g_snprintf (limit, sizeof limit, "%u", query->limit);
          append_query (path, "limit", limit);
        }
      if (query->before != NULL)
        append_query (path, "before", query->before);
      if (query->type >= 0)
        append_query (path, "type", cockpit_enum_to_string (COCKPIT_TYPE_ENTRY_TYPE, query->type));
      if (query->affects != COCKPIT_ENVIRONMENT_KIND_NONE)
        append_query (path, "affects", cockpit_enum_to_string (COCKPIT_TYPE_ENVIRONMENT_KIND, query->affects));
      if (query->query != NULL && *query->query != '\0')
        append_query (path, "q", query->query);
    }

  _cockpit_client_start_request (self, "GET", path->str, NULL, NULL, &template,
                                 cancellable, callback, user_data, cockpit_client_list_activity_async);
}

GListStore *
cockpit_client_list_activity_finish (CockpitClient  *self,
                                     GAsyncResult   *result,
                                     char          **next_before,
                                     GError        **error)
{
  GListStore *entries = _cockpit_client_finish_pointer (self, result, cockpit_client_list_activity_async, error);

  if (next_before != NULL)
    *next_before = entries ? g_strdup (g_object_get_data (G_OBJECT (entries), "cockpit-next-before")) : NULL;
  return entries;
}

void
cockpit_client_list_notifications_async (CockpitClient       *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  Request template = { .decode = DECODE_LIST, .type = COCKPIT_TYPE_NOTIFICATION, .member = "notifications" };

  g_return_if_fail (COCKPIT_IS_CLIENT (self));

  _cockpit_client_start_request (self, "GET", "/api/v1/notifications", NULL, NULL, &template,
                                 cancellable, callback, user_data, cockpit_client_list_notifications_async);
}

GListStore *
cockpit_client_list_notifications_finish (CockpitClient  *self,
                                          GAsyncResult   *result,
                                          GError        **error)
{
  return _cockpit_client_finish_pointer (self, result, cockpit_client_list_notifications_async, error);
}

static void
notification_request (CockpitClient       *self,
                      const char          *notification_id,
                      const char          *verb,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  Request template = { .decode = DECODE_NONE };
  g_autofree char *id = escape (notification_id);
  g_autofree char *path = g_strdup_printf ("/api/v1/notifications/%s/%s", id, verb);
  g_autofree char *key = cockpit_client_new_idempotency_key ();

  /* Marking read or archived twice does no harm, so a key made here is
   * enough to allow a retry. */
  _cockpit_client_start_request (self, "POST", path, NULL, key, &template,
                                 cancellable, callback, user_data, cockpit_client_notification_finish);
}

void
cockpit_client_mark_notification_read_async (CockpitClient       *self,
                                             const char          *notification_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (notification_id != NULL);

  notification_request (self, notification_id, "read", cancellable, callback, user_data);
}

void
cockpit_client_archive_notification_async (CockpitClient       *self,
                                           const char          *notification_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (notification_id != NULL);

  notification_request (self, notification_id, "archive", cancellable, callback, user_data);
}

gboolean
cockpit_client_notification_finish (CockpitClient  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (COCKPIT_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Actions ------------------------------------------------------------------ */

/* What each kind of action sends, and where below its environment. */
static const struct {
  CockpitActionKind  kind;
  const char        *method;
  const char        *rest;
} action_routes[] = {
  { COCKPIT_ACTION_KIND_UPGRADE, "POST", "/upgrade" },
  { COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP, "POST", "/upgrade-backup/extend" },
  { COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP, "DELETE", "/upgrade-backup" },
  { COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP, "POST", "/upgrade-backup/restore" },
  { COCKPIT_ACTION_KIND_CREATE_BACKUP, "POST", "/backups" },
  { COCKPIT_ACTION_KIND_TEARDOWN, "DELETE", "" },
};

/* Starts an action of @kind on @environment.  The checks every action
 * call makes on its arguments are here, once. */
static void
start_action (CockpitClient       *self,
              CockpitEnvironment  *environment,
              CockpitActionKind    kind,
              JsonNode            *body,
              const char          *idempotency_key,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  Request template = { .decode = DECODE_OBJECT, .type = COCKPIT_TYPE_ACTION,
                       .environment = environment, .is_action = TRUE, .action_kind = kind };
  g_autofree char *path = NULL;
  guint i;

  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (environment));
  g_return_if_fail (idempotency_key != NULL);

  for (i = 0; i < G_N_ELEMENTS (action_routes); i++)
    if (action_routes[i].kind == kind)
      break;
  g_assert (i < G_N_ELEMENTS (action_routes));

  path = environment_path (environment, action_routes[i].rest);
  _cockpit_client_start_request (self, action_routes[i].method, path, body, idempotency_key,
                                 &template, cancellable, callback, user_data,
                                 cockpit_client_start_action_finish);
}

static JsonNode *
object_node (const char *member,
             const char *value)
{
  JsonObject *object = json_object_new ();
  JsonNode *node;

  if (member != NULL)
    json_object_set_string_member (object, member, value);
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

void
cockpit_client_upgrade_async (CockpitClient       *self,
                              CockpitEnvironment  *environment,
                              const char          *target_version,
                              const char          *idempotency_key,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (target_version != NULL);

  body = object_node ("target_version", target_version);
  start_action (self, environment, COCKPIT_ACTION_KIND_UPGRADE, body, idempotency_key,
                cancellable, callback, user_data);
}

void
cockpit_client_extend_upgrade_backup_async (CockpitClient       *self,
                                            CockpitEnvironment  *environment,
                                            GDateTime           *expires_at,
                                            const char          *idempotency_key,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *when = NULL;

  if (expires_at != NULL)
    when = cockpit_date_time_format (expires_at);
  body = object_node (when ? "expires_at" : NULL, when);
  start_action (self, environment, COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP, body,
                idempotency_key, cancellable, callback, user_data);
}

void
cockpit_client_delete_upgrade_backup_async (CockpitClient       *self,
                                            CockpitEnvironment  *environment,
                                            const char          *idempotency_key,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  start_action (self, environment, COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP, NULL, idempotency_key,
                cancellable, callback, user_data);
}

void
cockpit_client_restore_upgrade_backup_async (CockpitClient       *self,
                                             CockpitEnvironment  *environment,
                                             const char          *idempotency_key,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  start_action (self, environment, COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP, NULL, idempotency_key,
                cancellable, callback, user_data);
}

void
cockpit_client_create_backup_async (CockpitClient       *self,
                                    CockpitEnvironment  *environment,
                                    const char          *idempotency_key,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  start_action (self, environment, COCKPIT_ACTION_KIND_CREATE_BACKUP, NULL, idempotency_key,
                cancellable, callback, user_data);
}

void
cockpit_client_teardown_async (CockpitClient       *self,
                               CockpitEnvironment  *environment,
                               const char          *idempotency_key,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  start_action (self, environment, COCKPIT_ACTION_KIND_TEARDOWN, NULL, idempotency_key,
                cancellable, callback, user_data);
}

CockpitAction *
cockpit_client_start_action_finish (CockpitClient  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  return _cockpit_client_finish_pointer (self, result, cockpit_client_start_action_finish, error);
}
