/* cockpit-fleet-row.h: one environment of the fleet, with what the fleet shows of it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-model.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_FLEET_ROW (cockpit_fleet_row_get_type ())

G_DECLARE_FINAL_TYPE (CockpitFleetRow, cockpit_fleet_row, COCKPIT, FLEET_ROW, GObject)

/* Why a row needs attention; a row may have several reasons. */
typedef enum {
  COCKPIT_FLEET_ATTENTION_NONE   = 0,
  COCKPIT_FLEET_ATTENTION_LTS    = 1 << 0,  /* LTS overdue, or due within 14 days */
  COCKPIT_FLEET_ATTENTION_BACKUP = 1 << 1,  /* the upgrade backup goes within 24 h */
  COCKPIT_FLEET_ATTENTION_FAILED = 1 << 2,  /* the last action on it failed */
  COCKPIT_FLEET_ATTENTION_PLAN   = 1 << 3,  /* its plan step waits for approval */
} CockpitFleetAttention;

/* The edges of "needs attention". */
#define COCKPIT_FLEET_LTS_DAYS     14
#define COCKPIT_FLEET_BACKUP_HOURS (24 * G_TIME_SPAN_HOUR)

/* Made by CockpitFleetModel; the values below are those of the last
 * cockpit_fleet_row_update(). */
CockpitFleetRow       *cockpit_fleet_row_new                    (CockpitPackage     *package,
                                                                 CockpitEnvironment *environment);
CockpitPackage        *cockpit_fleet_row_get_package            (CockpitFleetRow    *self);
CockpitEnvironment    *cockpit_fleet_row_get_environment        (CockpitFleetRow    *self);

const char            *cockpit_fleet_row_get_package_name       (CockpitFleetRow    *self);
CockpitEnvironmentKind cockpit_fleet_row_get_kind               (CockpitFleetRow    *self);
/* NULL when the environment is not set up. */
const char            *cockpit_fleet_row_get_version            (CockpitFleetRow    *self);
CockpitLtsState        cockpit_fleet_row_get_lts_state          (CockpitFleetRow    *self);
/* Days left while due, days past while overdue, else 0. */
int                    cockpit_fleet_row_get_lts_days           (CockpitFleetRow    *self);
/* The LTS upgrade deadline while due or overdue, else NULL. */
GDateTime             *cockpit_fleet_row_get_lts_deadline       (CockpitFleetRow    *self);
const char            *cockpit_fleet_row_get_lts_version        (CockpitFleetRow    *self);
/* When the upgrade backup is removed, or NULL when there is none. */
GDateTime             *cockpit_fleet_row_get_backup_removed_at  (CockpitFleetRow    *self);
/* Time left before the removal, in whole minutes; -1 without a backup. */
GTimeSpan              cockpit_fleet_row_get_backup_time_left   (CockpitFleetRow    *self);
/* The package's running action when it runs on this environment, else NULL. */
CockpitAction         *cockpit_fleet_row_get_action             (CockpitFleetRow    *self);
CockpitStageName       cockpit_fleet_row_get_stage              (CockpitFleetRow    *self);
/* 1-based number of the running stage and how many there are, 0 when none. */
guint                  cockpit_fleet_row_get_stage_number       (CockpitFleetRow    *self);
guint                  cockpit_fleet_row_get_n_stages           (CockpitFleetRow    *self);
GDateTime             *cockpit_fleet_row_get_last_upgraded_at   (CockpitFleetRow    *self);
CockpitEnvironmentState cockpit_fleet_row_get_state             (CockpitFleetRow    *self);
gboolean               cockpit_fleet_row_get_in_maintenance     (CockpitFleetRow    *self);
gboolean               cockpit_fleet_row_get_running            (CockpitFleetRow    *self);
/* The last action that ended on this environment, as far as known, or NULL. */
CockpitAction         *cockpit_fleet_row_get_last_action        (CockpitFleetRow    *self);
/* The step of the package's active plan for this environment, or NULL;
 * its status as of the last update. */
CockpitPlan           *cockpit_fleet_row_get_plan               (CockpitFleetRow    *self);
CockpitPlanStep       *cockpit_fleet_row_get_plan_step          (CockpitFleetRow    *self);
CockpitPlanStepStatus  cockpit_fleet_row_get_plan_step_status   (CockpitFleetRow    *self);
/* The plan's status while it is scheduled, running or waiting. */
CockpitPlanStatus      cockpit_fleet_row_get_plan_status        (CockpitFleetRow    *self);
CockpitFleetAttention  cockpit_fleet_row_get_attention          (CockpitFleetRow    *self);

/* Reads the package and environment again, counting with @now and the
 * releases (for LTS); @last_action: the last action known to have ended
 * on the environment, or NULL.  Returns TRUE, and emits "changed", when
 * anything the fleet shows changed. */
gboolean               cockpit_fleet_row_update                 (CockpitFleetRow    *self,
                                                                 GListModel         *releases,
                                                                 GDateTime          *now,
                                                                 CockpitAction      *last_action);

/* -1, 0 or 1, for sorting by a column: the package name, environment kind
 * (Live, UAT, Integration), version (by its numbers), LTS urgency
 * (overdue first), backup time left (soonest first, none last), running
 * stage (then plan steps), last upgrade (oldest first, never last), state (as the
 * contract orders them). */
typedef enum {
  COCKPIT_FLEET_COLUMN_PACKAGE,
  COCKPIT_FLEET_COLUMN_ENVIRONMENT,
  COCKPIT_FLEET_COLUMN_VERSION,
  COCKPIT_FLEET_COLUMN_LTS,
  COCKPIT_FLEET_COLUMN_BACKUP,
  COCKPIT_FLEET_COLUMN_ACTION,
  COCKPIT_FLEET_COLUMN_LAST_UPGRADE,
  COCKPIT_FLEET_COLUMN_STATE,
  COCKPIT_FLEET_N_COLUMNS,
} CockpitFleetColumn;

int                    cockpit_fleet_row_compare                (CockpitFleetRow    *a,
                                                                 CockpitFleetRow    *b,
                                                                 CockpitFleetColumn  column);

G_END_DECLS
