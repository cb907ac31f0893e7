/* cockpit-client.h: every call of the cockpit API, asynchronous, over libsoup.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cockpit-model.h"

G_BEGIN_DECLS

#define COCKPIT_CLIENT_ERROR (cockpit_client_error_quark ())
GQuark cockpit_client_error_quark (void);

/* One code for every error code of the contract, and for what can go
 * wrong on the way.  Each error's message is a sentence for people. */
typedef enum {
  COCKPIT_CLIENT_ERROR_FAILED,
  COCKPIT_CLIENT_ERROR_UNAUTHORIZED,
  COCKPIT_CLIENT_ERROR_NETWORK,
  COCKPIT_CLIENT_ERROR_TIMED_OUT,
  COCKPIT_CLIENT_ERROR_TLS,
  COCKPIT_CLIENT_ERROR_SERVER,
  COCKPIT_CLIENT_ERROR_BAD_RESPONSE,
  COCKPIT_CLIENT_ERROR_RESPONSE_TOO_LARGE,
  COCKPIT_CLIENT_ERROR_INSECURE_URL,
  COCKPIT_CLIENT_ERROR_INVALID_URL,
  COCKPIT_CLIENT_ERROR_REDIRECT_REFUSED,
  COCKPIT_CLIENT_ERROR_RATE_LIMITED,
  COCKPIT_CLIENT_ERROR_NOT_FOUND,
  COCKPIT_CLIENT_ERROR_BAD_REQUEST,
  COCKPIT_CLIENT_ERROR_PACKAGE_BUSY,
  COCKPIT_CLIENT_ERROR_MAINTENANCE,
  COCKPIT_CLIENT_ERROR_ENVIRONMENT_PROTECTED,
  COCKPIT_CLIENT_ERROR_UPGRADE_BACKUP_EXISTS,
  COCKPIT_CLIENT_ERROR_VERSION_NOT_AVAILABLE,
  COCKPIT_CLIENT_ERROR_NO_UPGRADE_BACKUP,
  COCKPIT_CLIENT_ERROR_EXTENSION_LIMIT,
  COCKPIT_CLIENT_ERROR_NOT_SUPPORTED,
  COCKPIT_CLIENT_ERROR_IDEMPOTENCY_MISMATCH,
  COCKPIT_CLIENT_ERROR_PAYLOAD_TOO_LARGE,
  COCKPIT_CLIENT_ERROR_PLAN_EXISTS,
  COCKPIT_CLIENT_ERROR_NOT_WAITING,
  COCKPIT_CLIENT_ERROR_PLAN_FINISHED,
} CockpitClientError;

/* The largest answer we accept, after decompression. */
#define COCKPIT_CLIENT_MAX_BODY (16 * 1024 * 1024)

#define COCKPIT_TYPE_CLIENT (cockpit_client_get_type ())

G_DECLARE_FINAL_TYPE (CockpitClient, cockpit_client, COCKPIT, CLIENT, GObject)

/* TRUE when @error proves that the cockpit did not carry out the request
 * (it refused it), FALSE when it may have (the answer was lost, late or
 * unreadable), so a start that failed so must be looked after, not
 * retried as new. */
gboolean cockpit_client_error_is_rejection (const GError *error);

/* Fails with COCKPIT_CLIENT_ERROR_INSECURE_URL for http:// to a host
 * that is not loopback, and INVALID_URL for anything that is not an
 * http(s) URL. */
CockpitClient *cockpit_client_new                  (const char     *base_url,
                                                    const char     *token,
                                                    GError        **error);
const char    *cockpit_client_get_base_url         (CockpitClient  *self);
/* What names this cockpit in files the app writes (the action journal):
 * the base URL unless set, e.g. "demo" for the demo cockpit whose port
 * changes from run to run. */
const char    *cockpit_client_get_identity         (CockpitClient  *self);
void           cockpit_client_set_identity         (CockpitClient  *self,
                                                    const char     *identity);

/* Tuning, mostly for tests: the I/O timeout (seconds without progress),
 * the overall deadline of one request, and the first retry delay. */
void           cockpit_client_set_timeouts         (CockpitClient  *self,
                                                    guint           io_timeout_seconds,
                                                    guint           deadline_seconds);
void           cockpit_client_set_retry_delay      (CockpitClient  *self,
                                                    guint           first_delay_ms,
                                                    guint           max_delay_ms);
/* Trusts @database's certificates (tests with their own CA). */
void           cockpit_client_set_tls_database     (CockpitClient  *self,
                                                    GTlsDatabase   *database);

/* A new idempotency key: one per user intent, made once and reused when
 * the same intent is sent again. */
char          *cockpit_client_new_idempotency_key  (void);

/* Checks that a URL may be used for a cockpit, without a network call. */
gboolean       cockpit_client_check_url            (const char     *base_url,
                                                    GError        **error);

/* Every call below follows the same pattern: an _async function with a
 * GCancellable and a _finish function that returns a new reference to
 * model objects, or NULL and a COCKPIT_CLIENT_ERROR. */

void           cockpit_client_get_me_async         (CockpitClient        *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
CockpitUser   *cockpit_client_get_me_finish        (CockpitClient        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void           cockpit_client_list_packages_async  (CockpitClient        *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GListStore    *cockpit_client_list_packages_finish (CockpitClient        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void           cockpit_client_get_package_async    (CockpitClient        *self,
                                                    const char           *package_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
CockpitPackage *cockpit_client_get_package_finish  (CockpitClient        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void           cockpit_client_list_releases_async  (CockpitClient        *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GListStore    *cockpit_client_list_releases_finish (CockpitClient        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void           cockpit_client_list_available_versions_async  (CockpitClient       *self,
                                                              CockpitEnvironment  *environment,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
GListStore    *cockpit_client_list_available_versions_finish (CockpitClient       *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);

/* Actions.  Each starts an action on the cockpit and returns it. */

void           cockpit_client_upgrade_async        (CockpitClient        *self,
                                                    CockpitEnvironment   *environment,
                                                    const char           *target_version,
                                                    const char           *idempotency_key,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
/* @expires_at: NULL for the longest extension possible. */
void           cockpit_client_extend_upgrade_backup_async (CockpitClient        *self,
                                                           CockpitEnvironment   *environment,
                                                           GDateTime            *expires_at,
                                                           const char           *idempotency_key,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
void           cockpit_client_delete_upgrade_backup_async (CockpitClient        *self,
                                                           CockpitEnvironment   *environment,
                                                           const char           *idempotency_key,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
void           cockpit_client_restore_upgrade_backup_async (CockpitClient       *self,
                                                            CockpitEnvironment  *environment,
                                                            const char          *idempotency_key,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
void           cockpit_client_create_backup_async  (CockpitClient        *self,
                                                    CockpitEnvironment   *environment,
                                                    const char           *idempotency_key,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
void           cockpit_client_teardown_async       (CockpitClient        *self,
                                                    CockpitEnvironment   *environment,
                                                    const char           *idempotency_key,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
/* Finishes any of the six action calls above. */
CockpitAction *cockpit_client_start_action_finish  (CockpitClient        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* Upgrade plans (contract v1.1).  None of these starts an action by
 * itself; each answers the plan as it is after the call. */
void           cockpit_client_create_plan_async    (CockpitClient            *self,
                                                    const char               *package_id,
                                                    const CockpitPlanRequest *request,
                                                    const char               *idempotency_key,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
void           cockpit_client_get_plan_async       (CockpitClient            *self,
                                                    const char               *plan_id,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
void           cockpit_client_approve_plan_async   (CockpitClient            *self,
                                                    const char               *plan_id,
                                                    const char               *idempotency_key,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
void           cockpit_client_cancel_plan_async    (CockpitClient            *self,
                                                    const char               *plan_id,
                                                    const char               *idempotency_key,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
/* Finishes any of the four plan calls above. */
CockpitPlan   *cockpit_client_plan_finish          (CockpitClient            *self,
                                                    GAsyncResult             *result,
                                                    GError                  **error);
/* The package's plans, newest first; @before: a cursor from an earlier
 * page, or NULL for the first. */
void           cockpit_client_list_plans_async     (CockpitClient            *self,
                                                    const char               *package_id,
                                                    guint                     limit,
                                                    const char               *before,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
/* @next_before: the cursor of the next page, NULL on the last page. */
GListStore    *cockpit_client_list_plans_finish    (CockpitClient            *self,
                                                    GAsyncResult             *result,
                                                    char                    **next_before,
                                                    GError                  **error);

void           cockpit_client_get_action_async     (CockpitClient        *self,
                                                    const char           *action_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
CockpitAction *cockpit_client_get_action_finish    (CockpitClient        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void           cockpit_client_list_actions_async   (CockpitClient        *self,
                                                    const char           *package_id,
                                                    guint                 limit,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GListStore    *cockpit_client_list_actions_finish  (CockpitClient        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* One page of the activity log.  Filters may be NULL / NONE / -1. */
typedef struct {
  guint                   limit;    /* 0: the server's default */
  const char             *before;   /* cursor from the previous page */
  int                     type;     /* a CockpitEntryType, or -1 for all */
  CockpitEnvironmentKind  affects;  /* NONE for all */
  const char             *query;    /* text to look for */
} CockpitActivityQuery;

void           cockpit_client_list_activity_async  (CockpitClient              *self,
                                                    const char                 *package_id,
                                                    const CockpitActivityQuery *query,
                                                    GCancellable               *cancellable,
                                                    GAsyncReadyCallback         callback,
                                                    gpointer                    user_data);
/* @next_before: the cursor of the next page, or NULL at the end. */
GListStore    *cockpit_client_list_activity_finish (CockpitClient        *self,
                                                    GAsyncResult         *result,
                                                    char                **next_before,
                                                    GError              **error);

void           cockpit_client_list_notifications_async  (CockpitClient        *self,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
GListStore    *cockpit_client_list_notifications_finish (CockpitClient        *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

void           cockpit_client_mark_notification_read_async (CockpitClient        *self,
                                                            const char           *notification_id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void           cockpit_client_archive_notification_async   (CockpitClient        *self,
                                                            const char           *notification_id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean       cockpit_client_notification_finish          (CockpitClient        *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

G_END_DECLS
