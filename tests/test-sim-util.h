/* test-sim-util.h: the in-process simulator as a test fixture, and raw requests to it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only, like test-api-util.h.  The simulator serves the demo seed
 * on 127.0.0.1 with a free port, in memory, with its test controls on and
 * stages long enough (a minute) that nothing moves unless a test moves
 * the simulated clock.
 */
#pragma once

#include <libsoup/soup.h>

#include "cockpit-simulator.h"
#include "test-api-util.h"

#define SIM_STAGE_SECONDS 60.0

typedef struct {
  CockpitSimulator *sim;
  CockpitClient    *client;
  SoupSession      *raw;
  char             *base;
  const char       *token;
} SimFixture;

static inline void
sim_fixture_start (SimFixture *f,
                   const char *token,
                   const char *state_path)
{
  g_autoptr(GError) error = NULL;

  f->token = token;
  f->sim = cockpit_simulator_new (token, COCKPIT_SIM_SEED_DEMO, state_path, SIM_STAGE_SECONDS, TRUE, &error);
  g_assert_no_error (error);
  cockpit_simulator_listen (f->sim, "127.0.0.1", 0, &error);
  g_assert_no_error (error);
  f->base = g_strdup (cockpit_simulator_get_base_url (f->sim));
  g_assert_true (g_str_has_prefix (f->base, "http://127.0.0.1:"));

  f->client = cockpit_client_new (f->base, token, &error);
  g_assert_no_error (error);
  cockpit_client_set_retry_delay (f->client, 10, 50);
  f->raw = soup_session_new ();
}

static inline void
sim_fixture_stop (SimFixture *f)
{
  /* The client first: nothing the test did may keep it alive once the
   * calls it cancelled have ended. */
  api_assert_finalize_soon (g_steal_pointer (&f->client));
  g_clear_object (&f->raw);
  cockpit_simulator_stop (f->sim);
  g_clear_object (&f->sim);
  g_clear_pointer (&f->base, g_free);
}

/* Sends a request past the client, with @token (NULL: the right one) and
 * @key (NULL: none).  Returns the body; *@status gets the HTTP status. */
static inline GBytes *
sim_raw_request (SimFixture *f,
                 const char *method,
                 const char *path,
                 const char *body,
                 const char *key,
                 guint      *status)
{
  g_autofree char *url = g_strconcat (f->base, path, NULL);
  g_autofree char *authorization = g_strdup_printf ("Bearer %s", f->token);
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  GBytes *answer;

  g_assert_nonnull (message);
  headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (headers, "Authorization", authorization);
  if (key != NULL)
    soup_message_headers_replace (headers, "Idempotency-Key", key);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }

  soup_session_send_and_read_async (f->raw, message, G_PRIORITY_DEFAULT, NULL, api_result_cb, &result);
  api_wait_result (&result);
  answer = soup_session_send_and_read_finish (f->raw, result, &error);
  g_assert_no_error (error);
  if (status != NULL)
    *status = soup_message_get_status (message);
  return answer;
}

/* A test control that must succeed: POST @path with @body. */
static inline void
sim_control (SimFixture *f,
             const char *path,
             const char *body)
{
  g_autoptr(GBytes) answer = NULL;
  guint status = 0;

  answer = sim_raw_request (f, "POST", path, body, NULL, &status);
  if (status != SOUP_STATUS_OK)
    g_error ("POST %s %s: %u %.*s", path, body, status,
             (int) g_bytes_get_size (answer), (const char *) g_bytes_get_data (answer, NULL));
}

/* Synchronous wrappers of the client's calls, for short tests. */

static inline CockpitPackage *
sim_get_package (CockpitClient  *client,
                 const char     *package_id,
                 GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cockpit_client_get_package_async (client, package_id, NULL, api_result_cb, &result);
  api_wait_result (&result);
  return cockpit_client_get_package_finish (client, result, error);
}

/* The environment @kind of @package_id, as the cockpit has it now. */
static inline CockpitEnvironment *
sim_get_environment (CockpitClient          *client,
                     const char             *package_id,
                     CockpitEnvironmentKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitPackage) package = sim_get_package (client, package_id, &error);
  CockpitEnvironment *environment;

  g_assert_no_error (error);
  environment = cockpit_package_get_environment (package, kind);
  g_assert_nonnull (environment);
  return g_object_ref (environment);
}

static inline CockpitAction *
sim_get_action (CockpitClient  *client,
                const char     *action_id,
                GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cockpit_client_get_action_async (client, action_id, NULL, api_result_cb, &result);
  api_wait_result (&result);
  return cockpit_client_get_action_finish (client, result, error);
}

static inline GListStore *
sim_list_actions (CockpitClient  *client,
                  const char     *package_id,
                  guint           limit,
                  GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cockpit_client_list_actions_async (client, package_id, limit, NULL, api_result_cb, &result);
  api_wait_result (&result);
  return cockpit_client_list_actions_finish (client, result, error);
}

/* Starts an action of @kind through the client's own call for it. */
static inline CockpitAction *
sim_start_action (CockpitClient       *client,
                  CockpitEnvironment  *environment,
                  CockpitActionKind    kind,
                  const char          *target_version,
                  GDateTime           *expires_at,
                  const char          *key,
                  GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *own_key = key ? NULL : cockpit_client_new_idempotency_key ();

  if (key == NULL)
    key = own_key;

  switch (kind)
    {
    case COCKPIT_ACTION_KIND_UPGRADE:
      cockpit_client_upgrade_async (client, environment, target_version, key, NULL, api_result_cb, &result);
      break;
    case COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP:
      cockpit_client_extend_upgrade_backup_async (client, environment, expires_at, key, NULL, api_result_cb, &result);
      break;
    case COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP:
      cockpit_client_delete_upgrade_backup_async (client, environment, key, NULL, api_result_cb, &result);
      break;
    case COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP:
      cockpit_client_restore_upgrade_backup_async (client, environment, key, NULL, api_result_cb, &result);
      break;
    case COCKPIT_ACTION_KIND_CREATE_BACKUP:
      cockpit_client_create_backup_async (client, environment, key, NULL, api_result_cb, &result);
      break;
    case COCKPIT_ACTION_KIND_TEARDOWN:
      cockpit_client_teardown_async (client, environment, key, NULL, api_result_cb, &result);
      break;
    default:
      g_assert_not_reached ();
    }
  api_wait_result (&result);
  return cockpit_client_start_action_finish (client, result, error);
}
