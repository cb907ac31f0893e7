/* cockpit-sim-request-private.h: what the simulator's pieces share: fields, a request, answers.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cockpit-simulator.c is the object (state file, lock, public calls)
 * and makes the server; cockpit-sim-router.c takes a request from the
 * server to its handler (token, size, route, idempotency key, save);
 * cockpit-sim-handlers.c answers the calls of the contract and
 * cockpit-sim-controls.c the test controls; cockpit-sim-reply.c makes
 * the answers and the error codes.  Below them all, cockpit-sim-clock.c
 * keeps the simulated clock, its timer and the saving of the state.
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "cockpit-sim-listener.h"
#include "cockpit-sim-state.h"
#include "cockpit-simulator.h"

G_BEGIN_DECLS

struct _CockpitSimulator
{
  GObject          parent_instance;

  /* Settings */
  guint8           token_digest[32];
  char            *state_path;
  CockpitSimSeed   seed;
  gint64           stage_duration;
  gboolean         test_controls;

  /* Owned */
  CockpitSimState *state;
  SoupServer      *server;
  CockpitSimListener *listener;
  GMainContext    *context;
  GSource         *timer;
  GSource         *first_save;         /* a new state's first saving, when idle */
  char            *base_url;
  guint            port;
  gboolean         stopped;
  int              lock_fd;            /* holds "<state_path>.lock", or -1 */
};

typedef struct {
  CockpitSimulator  *self;
  const char        *method;
  const char        *encoded_path; /* the path as sent, escapes and all */
  const char        *raw_query;    /* the query as sent, or NULL */
  SoupMessageHeaders *request_headers;
  SoupMessageHeaders *response_headers;
  const char        *args[2];      /* the path's variable parts */
  int                route_arg;
  GHashTable        *query;
  GBytes            *body;
  gint64             now;

  /* The answer */
  guint              status;
  char              *answer;       /* JSON text, or NULL for no body */
  char              *location;
  char              *allow;
  gboolean           changed;      /* the state must be saved first */
} Request;

typedef void (*Handler) (Request *req);

typedef struct {
  const char *method;        /* NULL ends a table */
  const char *pattern;       /* "*" matches one path segment */
  Handler     handler;
  int         arg;
  gboolean    test_control;
} Route;

/* The routes, in the order they are tried (cockpit-sim-handlers.c,
 * cockpit-sim-plans-handlers.c, cockpit-sim-controls.c). */
extern const Route _cockpit_sim_contract_routes[];
extern const Route _cockpit_sim_plan_routes[];
extern const Route _cockpit_sim_control_routes[];

/* The clock, its timer and the saving of the state (cockpit-sim-clock.c) */
gint64      _cockpit_simulator_now           (CockpitSimulator  *self);
gint64      _cockpit_simulator_now_seconds   (CockpitSimulator  *self);
gboolean    _cockpit_simulator_save_state    (CockpitSimulator  *self,
                                              GError           **error);
void        _cockpit_simulator_reschedule    (CockpitSimulator  *self);

/* The server (cockpit-sim-router.c) */
SoupServer *_cockpit_sim_router_new_server   (CockpitSimulator  *self);

/* Answers (cockpit-sim-reply.c) */
void        _cockpit_sim_request_clear       (Request           *req);
JsonNode   *_cockpit_sim_error_node          (CockpitSimError    code,
                                              const char        *message);
void        _cockpit_sim_reply_json          (Request           *req,
                                              guint              status,
                                              JsonNode          *node);
void        _cockpit_sim_reply_list          (Request           *req,
                                              const char        *member,
                                              JsonArray         *array);
void        _cockpit_sim_reply_error         (Request           *req,
                                              CockpitSimError    code,
                                              const char        *format,
                                              ...) G_GNUC_PRINTF (3, 4);
void        _cockpit_sim_reply_gerror        (Request           *req,
                                              GError            *error);
const char *_cockpit_sim_query_get           (Request           *req,
                                              const char        *name);

/* Lists a page at a time (cockpit-sim-handlers.c): "limit" (FALSE after
 * replying 400), and cursors made for one list of one package and one
 * filter, "before" read into the position it points at (the list's
 * length without it). */
gboolean    _cockpit_sim_parse_limit         (Request           *req,
                                              guint             *limit);
char       *_cockpit_sim_cursor_hash         (const char        *list,
                                              const char        *package_id,
                                              const char        *filter);
char       *_cockpit_sim_cursor_encode       (guint              position,
                                              const char        *hash);
gboolean    _cockpit_sim_cursor_decode       (Request           *req,
                                              const char        *hash,
                                              guint              length,
                                              guint             *position);
void        _cockpit_sim_reply_page          (Request           *req,
                                              const char        *member,
                                              JsonArray         *array,
                                              const char        *next_before);
/* A page of @items (the package's, oldest first) newest first, in the
 * member @member, which also names the list for its cursors. */
typedef JsonNode *(*CockpitSimToJson) (gpointer item,
                                       gpointer data);
void        _cockpit_sim_reply_newest_first  (Request           *req,
                                              CockpitSimPackage *package,
                                              const char        *member,
                                              GPtrArray         *items,
                                              CockpitSimToJson   to_json,
                                              gpointer           data);

/* The package, or the environment, the path names; NULL after replying
 * 404 when there is none. */
CockpitSimPackage     *_cockpit_sim_lookup_package     (Request            *req);
CockpitSimEnvironment *_cockpit_sim_lookup_environment (Request            *req,
                                                        CockpitSimPackage **package_out);

G_END_DECLS
