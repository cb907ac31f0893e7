/* cockpit-sim-state.h: the simulator's data, its JSON answers and its state file.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain structs rather than GObjects: the large seed holds 100,000
 * activity entries, which must be cheap to create, page through and save.
 * All times are microseconds since the Unix epoch on the simulated clock;
 * 0 stands for null.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cockpit-simulator.h"
#include "cockpit-types.h"
#include "cockpit-version.h"

G_BEGIN_DECLS

#define COCKPIT_SIM_USER_NAME   "Alex Example"
#define COCKPIT_SIM_USER_EMAIL  "alex@example.com"
#define COCKPIT_SIM_SYSTEM      "System"
#define COCKPIT_SIM_MAX_STAGES  5

#define COCKPIT_SIM_HOUR (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)
#define COCKPIT_SIM_DAY  (24 * COCKPIT_SIM_HOUR)

typedef struct {
  char           *version;
  CockpitVersion  parsed;
  gboolean        lts;
  gint64          released_at;
  char           *release_notes_url;
} CockpitSimRelease;

typedef struct {
  char    *from_version;   /* NULL: there is no upgrade backup */
  char    *to_version;
  gint64   created_at;
  gint64   expires_at;
  gint64   max_expires_at;
  gboolean extended;
} CockpitSimUpgradeBackup;

typedef struct {
  char                    *id;
  CockpitEnvironmentKind   kind;
  CockpitEnvironmentState  state;
  char                    *version;      /* NULL when not set up */
  char                    *url;          /* NULL when not set up */
  gboolean                 protected_;
  gint64                   last_upgraded_at;
  CockpitSimUpgradeBackup  upgrade_backup;
  /* The newest manual backup; backup_id NULL when there is none. */
  char                    *backup_id;
  gint64                   backup_created_at;
  char                    *backup_version;
} CockpitSimEnvironment;

typedef struct {
  CockpitStageName   name;
  CockpitStageStatus status;
  gint64             started_at;
  gint64             finished_at;
} CockpitSimStage;

typedef struct {
  char               *id;
  char               *package_id;
  char               *environment_id;
  CockpitActionKind   kind;
  /* Parameters: the upgrade's target and the version it started from,
   * and the new expiry of an extension. */
  char               *target_version;
  char               *from_version;
  gint64              expires_at;
  CockpitActionStatus status;
  guint               n_stages;
  guint               current;         /* the running stage, or the failed one */
  CockpitSimStage     stages[COCKPIT_SIM_MAX_STAGES];
  gint64              stage_duration;  /* fixed when the action starts */
  int                 fail_stage;      /* index armed by fail-next, or -1 */
  char               *requested_by;
  gint64              created_at;
  gint64              finished_at;
  char               *error_code;
  char               *error_message;
} CockpitSimAction;

typedef struct {
  guint                  number;       /* 1-based position in the package's log */
  CockpitEntryType       type;
  CockpitEnvironmentKind affects;      /* NONE: null */
  gint64                 at;
  gint64                 started_at;
  gint64                 finished_at;
  char                  *activity;
  const char            *by;           /* interned */
  const char            *bundle;       /* interned, or NULL */
  char                  *action_id;
  char                  *folded;       /* lazily: case-folded text that q searches */
} CockpitSimEntry;

/* Upgrade plans (v1.1); their engine is cockpit-sim-plans.c. */
typedef enum {
  COCKPIT_SIM_PLAN_SCHEDULED,
  COCKPIT_SIM_PLAN_RUNNING,
  COCKPIT_SIM_PLAN_WAITING,
  COCKPIT_SIM_PLAN_SUCCEEDED,
  COCKPIT_SIM_PLAN_FAILED,
  COCKPIT_SIM_PLAN_CANCELLED,
} CockpitSimPlanStatus;

typedef enum {
  COCKPIT_SIM_STEP_PENDING,
  COCKPIT_SIM_STEP_RUNNING,
  COCKPIT_SIM_STEP_WAITING,
  COCKPIT_SIM_STEP_DONE,
  COCKPIT_SIM_STEP_FAILED,
  COCKPIT_SIM_STEP_SKIPPED,
  COCKPIT_SIM_STEP_CANCELLED,
} CockpitSimStepStatus;

#define COCKPIT_SIM_PLAN_MAX_STEPS  3

typedef struct {
  CockpitEnvironmentKind environment;
  CockpitSimStepStatus   status;
  guint                  n_actions;
  char                  *action_ids[2];   /* the backup of Live first, then the upgrade */
  gint64                 gate_opens_at;   /* soak gates only */
  char                  *approved_by;
  /* Not in the contract: when the step's next action is due to start
   * (0: not due), and who made it due, for the activity log (NULL: no
   * entry, as for the upgrade after a backup). */
  gint64                 due_at;
  char                  *due_by;
} CockpitSimPlanStep;

typedef struct {
  char                 *id;
  char                 *package_id;
  char                 *target_version;
  gboolean              soak;             /* the gate: soak, else approval */
  guint                 soak_hours;       /* 0: null */
  gint64                start_at;
  gboolean              back_up_live_first;
  CockpitSimPlanStatus  status;
  guint                 n_steps;
  CockpitSimPlanStep    steps[COCKPIT_SIM_PLAN_MAX_STEPS];
  char                 *created_by;
  gint64                created_at;
  gint64                finished_at;
  char                 *error_code;
  char                 *error_message;
} CockpitSimPlan;

typedef struct {
  char       *id;
  char       *name;
  char       *maintenance_message;     /* NULL: not in maintenance */
  GPtrArray  *environments;            /* CockpitSimEnvironment, owned */
  GPtrArray  *actions;                 /* CockpitSimAction, borrowed, oldest first */
  GPtrArray  *activity;                /* CockpitSimEntry, owned, oldest first */
  CockpitSimAction *running;           /* borrowed, or NULL */
  GPtrArray  *plans;                   /* CockpitSimPlan, owned, oldest first */
} CockpitSimPackage;

typedef struct {
  char            *id;
  CockpitSeverity  severity;
  char            *title;
  char            *body;
  char            *package_id;
  gint64           received_at;
  gboolean         read;
  gboolean         archived;
} CockpitSimNotification;

/* The first answer to a request with an Idempotency-Key. */
typedef struct {
  char   *key;
  char   *fingerprint;
  gint64  at;
  guint   status;
  char   *location;
  char   *body;                          /* NULL: no body */
} CockpitSimIdempotencyRecord;

typedef struct {
  gint64       clock_offset;             /* added to the real time, at most COCKPIT_SIM_MAX_CLOCK_OFFSET */
  gint64       processed_until;          /* events up to here are carried out */
  guint        next_action;
  GPtrArray   *releases;                 /* CockpitSimRelease, highest version first */
  GPtrArray   *packages;                 /* CockpitSimPackage */
  GHashTable  *actions;                  /* id → CockpitSimAction, owned */
  GPtrArray   *notifications;            /* CockpitSimNotification, newest first */
  GArray      *fail_next;                /* CockpitStageName, armed by the test control */
  GHashTable  *idempotency;              /* key → CockpitSimIdempotencyRecord */
  guint        next_plan;
  /* Not saved: the simulator's stage duration, for the actions that
   * plans start on the clock's events. */
  gint64       stage_duration;
} CockpitSimState;

/* How far the simulated clock may be from the real time: a state file
 * with more is refused as damaged, so the clock never goes further. */
#define COCKPIT_SIM_MAX_CLOCK_OFFSET (G_GINT64_CONSTANT (1000) * 366 * 24 * 3600 * G_USEC_PER_SEC)

CockpitSimState        *cockpit_sim_state_new              (void);
void                    cockpit_sim_state_free             (CockpitSimState *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CockpitSimState, cockpit_sim_state_free)

/* Construction, used by the seeds and the engine. */
CockpitSimRelease      *cockpit_sim_state_add_release      (CockpitSimState *state,
                                                            const char      *version,
                                                            gboolean         lts,
                                                            gint64           released_at);
void                    cockpit_sim_state_sort_releases    (CockpitSimState *state);
CockpitSimPackage      *cockpit_sim_state_add_package      (CockpitSimState *state,
                                                            const char      *id,
                                                            const char      *name);
CockpitSimEnvironment  *cockpit_sim_package_add_environment (CockpitSimPackage     *package,
                                                             CockpitEnvironmentKind kind,
                                                             const char            *version,
                                                             const char            *url);
CockpitSimEntry        *cockpit_sim_package_add_entry      (CockpitSimPackage     *package,
                                                            CockpitEntryType       type,
                                                            CockpitEnvironmentKind affects,
                                                            gint64                 started_at,
                                                            gint64                 finished_at,
                                                            const char            *activity,
                                                            const char            *by,
                                                            const char            *bundle,
                                                            const char            *action_id);
CockpitSimNotification *cockpit_sim_state_add_notification (CockpitSimState *state,
                                                            CockpitSeverity  severity,
                                                            const char      *title,
                                                            const char      *body,
                                                            const char      *package_id,
                                                            gint64           received_at,
                                                            gboolean         read,
                                                            gboolean         archived);
void                    cockpit_sim_state_add_action       (CockpitSimState  *state,
                                                            CockpitSimAction *action);
void                    cockpit_sim_action_free            (CockpitSimAction *action);
void                    cockpit_sim_idempotency_record_free (CockpitSimIdempotencyRecord *record);
void                    cockpit_sim_plan_free              (CockpitSimPlan   *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CockpitSimPlan, cockpit_sim_plan_free)

/* Look-ups; NULL when there is none. */
CockpitSimPackage      *cockpit_sim_state_find_package     (CockpitSimState   *state,
                                                            const char        *id);
CockpitSimEnvironment  *cockpit_sim_package_find_environment (CockpitSimPackage *package,
                                                              const char        *id);
CockpitSimEnvironment  *cockpit_sim_package_find_kind      (CockpitSimPackage *package,
                                                            CockpitEnvironmentKind kind);
CockpitSimRelease      *cockpit_sim_state_find_release     (CockpitSimState   *state,
                                                            const char        *version);
CockpitSimNotification *cockpit_sim_state_find_notification (CockpitSimState  *state,
                                                             const char       *id);
/* The case-folded text an entry's q filter searches. */
const char             *cockpit_sim_entry_get_folded       (CockpitSimEntry   *entry);

/* Names for texts: "Live" and "LIVE". */
const char             *cockpit_sim_kind_name              (CockpitEnvironmentKind kind);
const char             *cockpit_sim_kind_upper             (CockpitEnvironmentKind kind);
char                   *cockpit_sim_bundle_name            (const char        *version);
char                   *cockpit_sim_format_time            (gint64             time);

/* The contract's JSON objects.  @now is the simulated time, for progress. */
JsonNode               *cockpit_sim_package_to_json        (CockpitSimPackage      *package,
                                                            gint64                  now);
JsonNode               *cockpit_sim_environment_to_json    (CockpitSimPackage      *package,
                                                            CockpitSimEnvironment  *env);
JsonNode               *cockpit_sim_action_to_json         (CockpitSimAction       *action,
                                                            gint64                  now);
JsonNode               *cockpit_sim_release_to_json        (CockpitSimRelease      *release);
JsonNode               *cockpit_sim_entry_to_json          (CockpitSimPackage      *package,
                                                            CockpitSimEntry        *entry);
JsonNode               *cockpit_sim_notification_to_json   (CockpitSimNotification *notification);
double                  cockpit_sim_action_get_progress    (CockpitSimAction       *action,
                                                            gint64                  now);

/* The state file: the whole state as JSON. */
char                   *cockpit_sim_state_serialize        (CockpitSimState  *state,
                                                            gsize            *length);
CockpitSimState        *cockpit_sim_state_deserialize      (const char       *data,
                                                            gsize             length,
                                                            GError          **error);

G_END_DECLS
