/* sim-test-util.h: the one simulator fixture of the tests, with real HTTP requests and JSON look-ups.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulator's own tests use it as it is; test-sim-util.h adds a
 * CockpitClient on top of it for the tests of the layers above.
 *
 * The fixture starts the simulator in-process on 127.0.0.1 with a free
 * port, its test controls on, and stages of SIM_TEST_STAGE_SECONDS: long
 * enough that nothing moves on a slow machine unless a test moves the
 * simulated clock.  Requests go over real HTTP with a SoupSession; the
 * main context is spun until the answer is in.
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "cockpit-simulator.h"

G_BEGIN_DECLS

#define SIM_TEST_TOKEN          "sim-test-token-5f2c81"
#define SIM_TEST_STAGE_SECONDS  60
#define SIM_TEST_WAIT_SECONDS   120

typedef struct {
  CockpitSimulator *sim;
  SoupSession      *session;
  char             *base;       /* "http://127.0.0.1:PORT" */
  char             *dir;        /* a temporary directory, removed at teardown */
  const char       *token;      /* the simulator's token, SIM_TEST_TOKEN by default */
} SimTest;

typedef struct {
  guint               status;
  SoupMessageHeaders *headers;
  GBytes             *body;
  JsonNode           *json;     /* NULL when the body is empty or not JSON */
} SimAnswer;

void        sim_answer_free        (SimAnswer  *answer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SimAnswer, sim_answer_free)

/* Fixture functions for g_test_add(): the demo seed, in memory. */
void        sim_test_setup         (SimTest       *f,
                                    gconstpointer  data);
void        sim_test_teardown      (SimTest       *f,
                                    gconstpointer  data);
/* Starts (another) simulator in @f; stops the one before, if any. */
void        sim_test_start         (SimTest       *f,
                                    CockpitSimSeed seed,
                                    const char    *state_path,
                                    double         stage_seconds,
                                    gboolean       test_controls);
/* The same with another token than SIM_TEST_TOKEN (static, or kept
 * alive by the caller). */
void        sim_test_start_with_token (SimTest       *f,
                                       const char    *token,
                                       CockpitSimSeed seed,
                                       const char    *state_path,
                                       double         stage_seconds,
                                       gboolean       test_controls);
void        sim_test_stop          (SimTest       *f);
char       *sim_test_path          (SimTest       *f,
                                    const char    *name);
/* Makes the folder @name in @f's folder; returns its path. */
char       *sim_test_make_dir      (SimTest       *f,
                                    const char    *name);

/* Spins the main context until *@flag is TRUE; fails after a long while. */
void        sim_wait_flag          (gboolean      *flag);

/* A request to @base.  @token NULL sends no Authorization header; @body
 * NULL sends none; @key NULL sends no Idempotency-Key. */
SimAnswer  *sim_request_to         (SoupSession   *session,
                                    const char    *base,
                                    const char    *method,
                                    const char    *path,
                                    const char    *token,
                                    GBytes        *body,
                                    const char    *key);
/* A request with @authorization as the whole Authorization header. */
SimAnswer  *sim_request_authorization (SimTest    *f,
                                       const char *method,
                                       const char *path,
                                       const char *authorization);
/* A request with the right token. */
SimAnswer  *sim_request            (SimTest       *f,
                                    const char    *method,
                                    const char    *path,
                                    const char    *body,
                                    const char    *key);
/* GET that must answer 200 with JSON; returns the JSON. */
JsonNode   *sim_get                (SimTest       *f,
                                    const char    *path);
/* POST or DELETE that must start an action (202); returns the Action. */
JsonNode   *sim_start              (SimTest       *f,
                                    const char    *method,
                                    const char    *path,
                                    const char    *body);
/* Asserts an error answer: the status, the contract's error JSON with
 * @code, a non-empty message, and the JSON content type. */
void        sim_assert_error       (SimAnswer     *answer,
                                    guint          status,
                                    const char    *code);
/* Moves the simulated clock through the test control. */
void        sim_advance            (SimTest       *f,
                                    gint64         seconds);
/* The simulated time, through GET /_sim/clock, in Unix seconds. */
gint64      sim_now                (SimTest       *f);

/* JSON look-ups by a path such as "environments.0.upgrade_backup.expires_at".
 * sim_json() returns NULL when the path does not exist. */
JsonNode   *sim_json               (JsonNode      *node,
                                    const char    *path);
const char *sim_json_string        (JsonNode      *node,
                                    const char    *path);
gint64      sim_json_int           (JsonNode      *node,
                                    const char    *path);
double      sim_json_double        (JsonNode      *node,
                                    const char    *path);
gboolean    sim_json_bool          (JsonNode      *node,
                                    const char    *path);
gboolean    sim_json_is_null       (JsonNode      *node,
                                    const char    *path);
guint       sim_json_length        (JsonNode      *node,
                                    const char    *path);
/* A timestamp, as Unix seconds. */
gint64      sim_json_time          (JsonNode      *node,
                                    const char    *path);

/* The environment of @kind in a Package object. */
JsonNode   *sim_package_environment (JsonNode     *package,
                                     const char   *kind);
/* GET the package @package_id and return its environment of @kind. */
JsonNode   *sim_get_environment_json (SimTest     *f,
                                      const char  *package_id,
                                      const char  *kind);

G_END_DECLS
