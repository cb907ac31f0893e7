/* cockpit-session-plan-calls.c: the session's upgrade plans: the plan to show, and the plan calls.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The top of the session's files: what the window asks of a package's
 * plan comes from the session's follower (cockpit-session-plans.c), and
 * the answer to a create, approve or cancel call is handed to it, so
 * that it shows at once, before the refresh that follows.
 */
#include "config.h"

#include "cockpit-session-private.h"

CockpitPlan *
cockpit_session_get_plan (CockpitSession *self,
                          CockpitPackage *package)
{
  g_return_val_if_fail (COCKPIT_IS_SESSION (self), NULL);
  g_return_val_if_fail (COCKPIT_IS_PACKAGE (package), NULL);

  if (_cockpit_session_get_plans (self) == NULL)
    return NULL;
  return _cockpit_session_plans_get (_cockpit_session_get_plans (self), package);
}

CockpitPlan *
cockpit_session_find_plan (CockpitSession *self,
                           const char     *plan_id)
{
  g_return_val_if_fail (COCKPIT_IS_SESSION (self), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);

  if (_cockpit_session_get_plans (self) == NULL)
    return NULL;
  return _cockpit_session_plans_find (_cockpit_session_get_plans (self), plan_id);
}

typedef struct {
  char *package_id;
  char *idempotency_key;
} PlanCall;

static void
plan_call_free (PlanCall *call)
{
  g_free (call->package_id);
  g_free (call->idempotency_key);
  g_free (call);
}

static void
plan_call_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CockpitSession *self = g_task_get_source_object (task);
  PlanCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitPlan) plan = cockpit_client_plan_finish (COCKPIT_CLIENT (object), result, &error);
  CockpitPackage *package;

  if (plan == NULL)
    {
      /* A refusal may mean the data shown is old: load it again. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cockpit_session_refresh (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  package = cockpit_session_find_package (self, cockpit_plan_get_package_id (plan));
  if (package == NULL && call->package_id != NULL)
    package = cockpit_session_find_package (self, call->package_id);
  if (package != NULL && _cockpit_session_get_plans (self) != NULL)
    _cockpit_session_plans_answered (_cockpit_session_get_plans (self), package, plan);
  cockpit_session_refresh (self);
  g_task_return_pointer (task, g_steal_pointer (&plan), g_object_unref);
}

static GTask *
plan_task (CockpitSession      *self,
           const char          *package_id,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  PlanCall *call = g_new0 (PlanCall, 1);

  g_task_set_source_tag (task, cockpit_session_plan_finish);
  call->package_id = g_strdup (package_id);
  /* One key per call: a retry after a lost answer is the same request. */
  call->idempotency_key = cockpit_client_new_idempotency_key ();
  g_task_set_task_data (task, call, (GDestroyNotify) plan_call_free);
  return task;
}

void
cockpit_session_create_plan_async (CockpitSession           *self,
                                   CockpitPackage           *package,
                                   const CockpitPlanRequest *request,
                                   const char               *idempotency_key,
                                   GCancellable             *cancellable,
                                   GAsyncReadyCallback       callback,
                                   gpointer                  user_data)
{
  GTask *task;

  g_return_if_fail (COCKPIT_IS_SESSION (self));
  g_return_if_fail (COCKPIT_IS_PACKAGE (package));
  g_return_if_fail (request != NULL);
  g_return_if_fail (idempotency_key != NULL);

  task = plan_task (self, cockpit_package_get_id (package), cancellable, callback, user_data);
  cockpit_client_create_plan_async (cockpit_session_get_client (self), cockpit_package_get_id (package), request,
                                    idempotency_key, cancellable, plan_call_cb, task);
}

/* The client's approve or cancel call. */
typedef void (*PlanVerbCall) (CockpitClient       *client,
                              const char          *plan_id,
                              const char          *idempotency_key,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);

/* Approves or cancels a plan known by its id.  When the session knows the
 * plan, its package is where the answer goes should the answer name no
 * package the session knows. */
static void
plan_verb (CockpitSession      *self,
           const char          *plan_id,
           PlanVerbCall         call,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  CockpitPlan *plan;
  PlanCall *data;
  GTask *task;

  g_return_if_fail (COCKPIT_IS_SESSION (self));
  g_return_if_fail (plan_id != NULL);

  plan = cockpit_session_find_plan (self, plan_id);
  task = plan_task (self, plan ? cockpit_plan_get_package_id (plan) : NULL, cancellable, callback, user_data);
  data = g_task_get_task_data (task);
  call (cockpit_session_get_client (self), plan_id, data->idempotency_key,
        cancellable, plan_call_cb, task);
}

void
cockpit_session_approve_plan_async (CockpitSession      *self,
                                    const char          *plan_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  plan_verb (self, plan_id, cockpit_client_approve_plan_async, cancellable, callback, user_data);
}

void
cockpit_session_cancel_plan_async (CockpitSession      *self,
                                   const char          *plan_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  plan_verb (self, plan_id, cockpit_client_cancel_plan_async, cancellable, callback, user_data);
}

CockpitPlan *
cockpit_session_plan_finish (CockpitSession  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (COCKPIT_IS_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cockpit_session_plan_finish, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
