/* cockpit-client-plans.c: the upgrade plan calls of the cockpit API (contract v1.1).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-client.h"
#include "cockpit-client-request-private.h"

static char *
plan_path (const char *plan_id,
           const char *rest)
{
  g_autofree char *id = g_uri_escape_string (plan_id, NULL, FALSE);

  return g_strdup_printf ("/api/v1/plans/%s%s", id, rest);
}

/* Every plan call answers with the plan, and its errors are worded as a
 * plan's. */
static void
send_plan_request (CockpitClient       *self,
                   const char          *method,
                   const char          *path,
                   JsonNode            *body,
                   const char          *idempotency_key,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  Request template = { .decode = DECODE_OBJECT, .type = COCKPIT_TYPE_PLAN, .is_plan = TRUE };

  _cockpit_client_start_request (self, method, path, body, idempotency_key, &template,
                                 cancellable, callback, user_data, cockpit_client_plan_finish);
}

void
cockpit_client_create_plan_async (CockpitClient            *self,
                                  const char               *package_id,
                                  const CockpitPlanRequest *plan_request,
                                  const char               *idempotency_key,
                                  GCancellable             *cancellable,
                                  GAsyncReadyCallback       callback,
                                  gpointer                  user_data)
{
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (package_id != NULL);
  g_return_if_fail (plan_request != NULL);
  g_return_if_fail (idempotency_key != NULL);

  id = g_uri_escape_string (package_id, NULL, FALSE);
  path = g_strdup_printf ("/api/v1/packages/%s/plans", id);
  body = cockpit_plan_request_to_json (plan_request);
  send_plan_request (self, "POST", path, body, idempotency_key, cancellable, callback, user_data);
}

void
cockpit_client_get_plan_async (CockpitClient       *self,
                               const char          *plan_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (plan_id != NULL);

  path = plan_path (plan_id, "");
  send_plan_request (self, "GET", path, NULL, NULL, cancellable, callback, user_data);
}

/* Approve and cancel take no body; the key lets a lost answer be asked
 * again without a second approval meeting "not waiting". */
static void
plan_verb (CockpitClient       *self,
           const char          *plan_id,
           const char          *verb,
           const char          *idempotency_key,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (plan_id != NULL);
  g_return_if_fail (idempotency_key != NULL);

  path = plan_path (plan_id, verb);
  send_plan_request (self, "POST", path, NULL, idempotency_key, cancellable, callback, user_data);
}

void
cockpit_client_approve_plan_async (CockpitClient       *self,
                                   const char          *plan_id,
                                   const char          *idempotency_key,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  plan_verb (self, plan_id, "/approve", idempotency_key, cancellable, callback, user_data);
}

void
cockpit_client_cancel_plan_async (CockpitClient       *self,
                                  const char          *plan_id,
                                  const char          *idempotency_key,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  plan_verb (self, plan_id, "/cancel", idempotency_key, cancellable, callback, user_data);
}

CockpitPlan *
cockpit_client_plan_finish (CockpitClient  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  return _cockpit_client_finish_pointer (self, result, cockpit_client_plan_finish, error);
}

void
cockpit_client_list_plans_async (CockpitClient       *self,
                                 const char          *package_id,
                                 guint                limit,
                                 const char          *before,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  /* The list's envelope has a cursor like the activity log's. */
  Request template = { .decode = DECODE_ACTIVITY, .type = COCKPIT_TYPE_PLAN, .member = "plans",
                       .is_plan = TRUE };
  g_autofree char *id = NULL;
  g_autoptr(GString) path = NULL;

  g_return_if_fail (COCKPIT_IS_CLIENT (self));
  g_return_if_fail (package_id != NULL);

  id = g_uri_escape_string (package_id, NULL, FALSE);
  path = g_string_new (NULL);
  g_string_printf (path, "/api/v1/packages/%s/plans", id);
  if (limit > 0)
    g_string_append_printf (path, "?limit=%u", limit);
  if (before != NULL)
    {
      g_autofree char *cursor = g_uri_escape_string (before, NULL, FALSE);

      g_string_append_printf (path, "%sbefore=%s", limit > 0 ? "&" : "?", cursor);
    }
  _cockpit_client_start_request (self, "GET", path->str, NULL, NULL, &template,
                                 cancellable, callback, user_data, cockpit_client_list_plans_async);
}

GListStore *
cockpit_client_list_plans_finish (CockpitClient  *self,
                                  GAsyncResult   *result,
                                  char          **next_before,
                                  GError        **error)
{
  GListStore *plans = _cockpit_client_finish_pointer (self, result, cockpit_client_list_plans_async, error);

  if (next_before != NULL)
    *next_before = plans ? g_strdup (g_object_get_data (G_OBJECT (plans), "cockpit-next-before")) : NULL;
  return plans;
}
