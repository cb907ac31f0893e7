/* cockpit-sim-state-private.h: what the simulator's data files share: JSON helpers, plans, the loader.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cockpit-sim-state.h"

G_BEGIN_DECLS

/* Each sets the member @name of the object being built; a NULL string
 * and a time of 0 are written as null. */
void cockpit_sim_json_add_string (JsonBuilder *builder,
                                  const char  *name,
                                  const char  *value);
void cockpit_sim_json_add_enum   (JsonBuilder *builder,
                                  const char  *name,
                                  GType        type,
                                  int          value);
void cockpit_sim_json_add_bool   (JsonBuilder *builder,
                                  const char  *name,
                                  gboolean     value);
void cockpit_sim_json_add_time   (JsonBuilder *builder,
                                  const char  *name,
                                  gint64       time);

/* The members the answers and the state file write alike; the state file
 * writes times as integers (microseconds), the answers as RFC 3339
 * (cockpit-sim-state-json.c). */
void _cockpit_sim_json_add_upgrade_backup (JsonBuilder                   *builder,
                                           const CockpitSimUpgradeBackup *backup,
                                           gboolean                       times_as_int);
void _cockpit_sim_json_add_stage          (JsonBuilder                   *builder,
                                           const CockpitSimStage         *stage,
                                           gboolean                       times_as_int);

/* Upgrade plans: the names of the contract for their statuses, and the
 * Plan as JSON (cockpit-sim-state-json.c) */
const char     *_cockpit_sim_plan_status_string   (CockpitSimPlanStatus  status);
const char     *_cockpit_sim_step_status_string   (CockpitSimStepStatus  status);
gboolean        _cockpit_sim_plan_status_parse    (const char           *text,
                                                   CockpitSimPlanStatus *status);
gboolean        _cockpit_sim_step_status_parse    (const char           *text,
                                                   CockpitSimStepStatus *status);
JsonNode       *_cockpit_sim_plan_to_json         (CockpitSimPlan       *plan);

/* Upgrade plans in the data (cockpit-sim-state.c).  Whether the plan is
 * scheduled, running or waiting. */
gboolean        _cockpit_sim_plan_is_active       (CockpitSimPlan       *plan);
/* The package's plan that is scheduled, running or waiting, or NULL. */
CockpitSimPlan *_cockpit_sim_plans_active         (CockpitSimPackage    *package);
/* The plan @id and its package, or NULL. */
CockpitSimPlan *_cockpit_sim_plans_find           (CockpitSimState      *state,
                                                   const char           *id,
                                                   CockpitSimPackage   **package_out);

/* The state file (cockpit-sim-state-loader.c).  Reading keeps the first
 * problem in the loader, and every later read returns a default, so the
 * readers read straight through and check once at the end.  Every number
 * is checked against the range it can take, so a damaged or hostile file
 * is refused in words instead of overflowing later. */

/* 9999-12-31T23:59:59Z, the last second GDateTime holds, in µs. */
#define COCKPIT_SIM_MAX_TIME  (G_GINT64_CONSTANT (253402300799) * G_USEC_PER_SEC)

typedef struct {
  GError *error;
} CockpitSimLoader;

void        _cockpit_sim_json_add_int      (JsonBuilder      *builder,
                                            const char       *name,
                                            gint64            value);
void        _cockpit_sim_loader_fail       (CockpitSimLoader *loader,
                                            const char       *name,
                                            const char       *problem);
JsonNode   *_cockpit_sim_loader_member     (CockpitSimLoader *loader,
                                            JsonObject       *object,
                                            const char       *name);
const char *_cockpit_sim_loader_string     (CockpitSimLoader *loader,
                                            JsonObject       *object,
                                            const char       *name,
                                            gboolean          nullable);
gint64      _cockpit_sim_loader_int        (CockpitSimLoader *loader,
                                            JsonObject       *object,
                                            const char       *name);
gint64      _cockpit_sim_loader_ranged     (CockpitSimLoader *loader,
                                            JsonObject       *object,
                                            const char       *name,
                                            gint64            min,
                                            gint64            max);
/* A point in time in µs since 1970, or 0 for "none". */
gint64      _cockpit_sim_loader_time       (CockpitSimLoader *loader,
                                            JsonObject       *object,
                                            const char       *name);
gboolean    _cockpit_sim_loader_bool       (CockpitSimLoader *loader,
                                            JsonObject       *object,
                                            const char       *name);
int         _cockpit_sim_loader_enum       (CockpitSimLoader *loader,
                                            JsonObject       *object,
                                            const char       *name,
                                            GType             type,
                                            gboolean          nullable);
JsonArray  *_cockpit_sim_loader_array      (CockpitSimLoader *loader,
                                            JsonObject       *object,
                                            const char       *name);
guint       _cockpit_sim_loader_length     (JsonArray        *array);
JsonObject *_cockpit_sim_loader_element    (CockpitSimLoader *loader,
                                            JsonArray        *array,
                                            guint             index,
                                            const char       *name);

G_END_DECLS
