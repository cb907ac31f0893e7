/* cockpit-simulator.h: an HTTP server that plays a cockpit backend, for demos and tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cockpit-sim-listener.h"
#include "cockpit-types.h"

G_BEGIN_DECLS

/* The data a simulator starts with when it has no state file yet. */
typedef enum {
  COCKPIT_SIM_SEED_DEMO,
  COCKPIT_SIM_SEED_LARGE,
  COCKPIT_SIM_SEED_EMPTY,
} CockpitSimSeed;

/* Errors of the simulator.  Most are the contract's error answers: the
 * code's nick is the JSON "code", see cockpit_sim_error_code_string(). */
#define COCKPIT_SIM_ERROR (cockpit_sim_error_quark ())
GQuark cockpit_sim_error_quark (void);

typedef enum {
  COCKPIT_SIM_ERROR_BAD_REQUEST,            /* 400 bad_request */
  COCKPIT_SIM_ERROR_UNAUTHORIZED,           /* 401 unauthorized */
  COCKPIT_SIM_ERROR_NOT_FOUND,              /* 404 not_found */
  COCKPIT_SIM_ERROR_NO_UPGRADE_BACKUP,      /* 404 no_upgrade_backup */
  COCKPIT_SIM_ERROR_METHOD_NOT_ALLOWED,     /* 405 method_not_allowed */
  COCKPIT_SIM_ERROR_MAINTENANCE,            /* 409 maintenance */
  COCKPIT_SIM_ERROR_PACKAGE_BUSY,           /* 409 package_busy */
  COCKPIT_SIM_ERROR_ENVIRONMENT_PROTECTED,  /* 409 environment_protected */
  COCKPIT_SIM_ERROR_UPGRADE_BACKUP_EXISTS,  /* 409 upgrade_backup_exists */
  COCKPIT_SIM_ERROR_PAYLOAD_TOO_LARGE,      /* 413 payload_too_large */
  COCKPIT_SIM_ERROR_VERSION_NOT_AVAILABLE,  /* 422 version_not_available */
  COCKPIT_SIM_ERROR_EXTENSION_LIMIT,        /* 422 extension_limit */
  COCKPIT_SIM_ERROR_NOT_SUPPORTED,          /* 422 not_supported */
  COCKPIT_SIM_ERROR_IDEMPOTENCY_MISMATCH,   /* 422 idempotency_mismatch */
  COCKPIT_SIM_ERROR_INTERNAL,               /* 500 internal_error */
  COCKPIT_SIM_ERROR_STATE_FILE,             /* the state file cannot be read or written */
  COCKPIT_SIM_ERROR_STATE_FILE_IN_USE,      /* another simulator holds the state file */
  COCKPIT_SIM_ERROR_PLAN_EXISTS,            /* 409 plan_exists (v1.1) */
  COCKPIT_SIM_ERROR_NOT_WAITING,            /* 409 not_waiting (v1.1) */
  COCKPIT_SIM_ERROR_PLAN_FINISHED,          /* 409 plan_finished (v1.1) */
} CockpitSimError;

const char *cockpit_sim_error_code_string (CockpitSimError code);
guint       cockpit_sim_error_http_status (CockpitSimError code);

gboolean    cockpit_sim_seed_from_string  (const char     *text,
                                           CockpitSimSeed *seed);

#define COCKPIT_TYPE_SIMULATOR (cockpit_simulator_get_type ())

G_DECLARE_FINAL_TYPE (CockpitSimulator, cockpit_simulator, COCKPIT, SIMULATOR, GObject)

/* Creates a simulator.  With @state_path, the state is loaded from that
 * file, or created there from @seed when the file is missing; without it,
 * the state lives in memory only.  The server and its timers run on the
 * thread-default main context of the calling thread.
 *
 * Two simulators never share a state file: the first holds a lock on
 * "@state_path.lock" until it is finalized, and a second one fails with
 * COCKPIT_SIM_ERROR_STATE_FILE_IN_USE, naming the process that holds it. */
CockpitSimulator *cockpit_simulator_new            (const char        *token,
                                                    CockpitSimSeed     seed,
                                                    const char        *state_path,
                                                    double             stage_seconds,
                                                    gboolean           test_controls,
                                                    GError           **error);
/* Listens on @address ("127.0.0.1") and @port; port 0 picks a free one. */
gboolean          cockpit_simulator_listen         (CockpitSimulator  *self,
                                                    const char        *address,
                                                    guint              port,
                                                    GError           **error);
/* "http://127.0.0.1:PORT", or NULL before listening. */
const char       *cockpit_simulator_get_base_url   (CockpitSimulator  *self);
guint             cockpit_simulator_get_port       (CockpitSimulator  *self);
/* Its connections, for tests and benchmarks; NULL before listening. */
CockpitSimListener *cockpit_simulator_get_listener (CockpitSimulator  *self);
/* Moves the simulated clock forward and carries out, in order, all that
 * falls due meanwhile (stage ends, expiries). */
void              cockpit_simulator_advance_clock  (CockpitSimulator  *self,
                                                    gint64             seconds);
/* The simulated time, in UTC.  Free with g_date_time_unref(). */
GDateTime        *cockpit_simulator_get_now        (CockpitSimulator  *self);
/* How long each stage of an action started from now on takes.  Actions
 * already running keep their pace. */
double            cockpit_simulator_get_stage_seconds (CockpitSimulator *self);
void              cockpit_simulator_set_stage_seconds (CockpitSimulator *self,
                                                       double            seconds);
/* Arms @stage: the next action that reaches it fails there, as the test
 * control POST /_sim/fail-next does. */
void              cockpit_simulator_fail_next      (CockpitSimulator  *self,
                                                    CockpitStageName   stage);
/* Starts over from the seed the simulator was created with, at the real
 * time, and saves that.  Action ids keep counting up, so an id a client
 * still follows never names a new action. */
gboolean          cockpit_simulator_reset          (CockpitSimulator  *self,
                                                    GError           **error);
/* Stops listening and stops the timers; the state file is up to date. */
void              cockpit_simulator_stop           (CockpitSimulator  *self);

G_END_DECLS
