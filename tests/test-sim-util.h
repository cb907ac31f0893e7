/* test-sim-util.h: the simulator fixture with a CockpitClient, for the tests of the layers above the simulator.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built on sim-test-util.h, the one simulator fixture (link
 * sim-test-util.c): the simulator serves the demo seed on 127.0.0.1 with a
 * free port, in memory, with its test controls on and stages long enough
 * (a minute) that nothing moves unless a test moves the simulated clock.
 * Header-only otherwise, like test-api-util.h.
 */
#pragma once

#include <libsoup/soup.h>

#include "cockpit-simulator.h"
#include "sim-test-util.h"
#include "test-api-util.h"

#define SIM_STAGE_SECONDS SIM_TEST_STAGE_SECONDS

typedef struct {
  SimTest           test;     /* the simulator and raw HTTP to it */
  CockpitClient    *client;
  /* Borrowed from @test, for short */
  CockpitSimulator *sim;
  const char       *base;
  const char       *token;
} SimFixture;

static inline void
sim_fixture_start (SimFixture *f,
                   const char *token,
                   const char *state_path)
{
  g_autoptr(GError) error = NULL;

  sim_test_start_with_token (&f->test, token, COCKPIT_SIM_SEED_DEMO, state_path, SIM_STAGE_SECONDS, TRUE);
  f->sim = f->test.sim;
  f->base = f->test.base;
  f->token = token;

  f->client = cockpit_client_new (f->base, token, &error);
  g_assert_no_error (error);
  cockpit_client_set_retry_delay (f->client, 10, 50);
}

static inline void
sim_fixture_stop (SimFixture *f)
{
  /* The client first: nothing the test did may keep it alive once the
   * calls it cancelled have ended. */
  api_assert_finalize_soon (g_steal_pointer (&f->client));
  sim_test_stop (&f->test);
  g_clear_object (&f->test.session);
  f->sim = NULL;
  f->base = NULL;
}

/* Fixture functions for g_test_add() with the token as its data: the
 * simulator of the demo seed, in memory, and a client of it. */
static inline void
sim_fixture_setup (SimFixture    *f,
                   gconstpointer  token)
{
  sim_fixture_start (f, token, NULL);
}

static inline void
sim_fixture_teardown (SimFixture    *f,
                      gconstpointer  token)
{
  sim_fixture_stop (f);
}

/* Sends a request past the client, with the right token and @key (NULL:
 * none).  Returns the body; *@status gets the HTTP status. */
static inline GBytes *
sim_raw_request (SimFixture *f,
                 const char *method,
                 const char *path,
                 const char *body,
                 const char *key,
                 guint      *status)
{
  g_autoptr(SimAnswer) answer = sim_request (&f->test, method, path, body, key);

  if (status != NULL)
    *status = answer->status;
  return g_bytes_ref (answer->body);
}

/* A test control that must succeed: POST @path with @body. */
static inline void
sim_control (SimFixture *f,
             const char *path,
             const char *body)
{
  g_autoptr(SimAnswer) answer = sim_request (&f->test, "POST", path, body, NULL);

  if (answer->status != SOUP_STATUS_OK)
    g_error ("POST %s %s: %u %.*s", path, body, answer->status,
             (int) g_bytes_get_size (answer->body), (const char *) g_bytes_get_data (answer->body, NULL));
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

/* One page of @package_id's activity log; *@next_before (nullable) gets
 * the cursor of the next page. */
static inline GListStore *
sim_list_activity (CockpitClient               *client,
                   const char                  *package_id,
                   const CockpitActivityQuery  *query,
                   char                       **next_before,
                   GError                     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cockpit_client_list_activity_async (client, package_id, query, NULL, api_result_cb, &result);
  api_wait_result (&result);
  return cockpit_client_list_activity_finish (client, result, next_before, error);
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
