/* cockpit-types.h: forward declarations, enumerations and the model's error domain.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _CockpitAction          CockpitAction;
typedef struct _CockpitActionError     CockpitActionError;
typedef struct _CockpitActivityEntry   CockpitActivityEntry;
typedef struct _CockpitBackup          CockpitBackup;
typedef struct _CockpitEnvironment     CockpitEnvironment;
typedef struct _CockpitNotification    CockpitNotification;
typedef struct _CockpitPackage         CockpitPackage;
typedef struct _CockpitPlan            CockpitPlan;
typedef struct _CockpitPlanStep        CockpitPlanStep;
typedef struct _CockpitRelease         CockpitRelease;
typedef struct _CockpitStage           CockpitStage;
typedef struct _CockpitUpgradeBackup   CockpitUpgradeBackup;
typedef struct _CockpitUser            CockpitUser;

/* Errors found in data: a bad version string, or JSON that does not match
 * the contract.  The message always names the offending field. */
#define COCKPIT_MODEL_ERROR (cockpit_model_error_quark ())
GQuark cockpit_model_error_quark (void);

typedef enum {
  COCKPIT_MODEL_ERROR_INVALID_JSON,
  COCKPIT_MODEL_ERROR_MISSING_FIELD,
  COCKPIT_MODEL_ERROR_WRONG_TYPE,
  COCKPIT_MODEL_ERROR_UNKNOWN_VALUE,
  COCKPIT_MODEL_ERROR_INVALID_VALUE,
  COCKPIT_MODEL_ERROR_INVALID_VERSION,
} CockpitModelError;

/* Enumerations whose nicks are the contract's JSON strings.  Where a field
 * may be null, value 0 is the "none" sentinel, which JSON can never name. */

typedef enum {
  COCKPIT_ENVIRONMENT_KIND_NONE,
  COCKPIT_ENVIRONMENT_KIND_LIVE,
  COCKPIT_ENVIRONMENT_KIND_UAT,
  COCKPIT_ENVIRONMENT_KIND_INTEGRATION,
} CockpitEnvironmentKind;

typedef enum {
  COCKPIT_ENVIRONMENT_STATE_RUNNING,
  COCKPIT_ENVIRONMENT_STATE_UPGRADING,
  COCKPIT_ENVIRONMENT_STATE_RESTORING,
  COCKPIT_ENVIRONMENT_STATE_BACKING_UP,
  COCKPIT_ENVIRONMENT_STATE_TEARING_DOWN,
  COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP,
} CockpitEnvironmentState;

typedef enum {
  COCKPIT_PACKAGE_STATUS_OK,
  COCKPIT_PACKAGE_STATUS_MAINTENANCE,
} CockpitPackageStatus;

typedef enum {
  COCKPIT_ROLE_OWNER,
  COCKPIT_ROLE_DEVELOPER,
} CockpitRole;

typedef enum {
  COCKPIT_ACTION_KIND_UPGRADE,
  COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP,
  COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP,
  COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP,
  COCKPIT_ACTION_KIND_CREATE_BACKUP,
  COCKPIT_ACTION_KIND_TEARDOWN,
} CockpitActionKind;

typedef enum {
  COCKPIT_ACTION_STATUS_RUNNING,
  COCKPIT_ACTION_STATUS_SUCCEEDED,
  COCKPIT_ACTION_STATUS_FAILED,
} CockpitActionStatus;

/* Upgrade stages in order, then the single stage of each other kind. */
typedef enum {
  COCKPIT_STAGE_NONE,
  COCKPIT_STAGE_CREATE_REPLICA,
  COCKPIT_STAGE_DEPLOY_VERSION,
  COCKPIT_STAGE_VERIFY_REPLICA,
  COCKPIT_STAGE_SWITCH_TRAFFIC,
  COCKPIT_STAGE_KEEP_BACKUP,
  COCKPIT_STAGE_RETIRE_OLD,
  COCKPIT_STAGE_EXTEND_UPGRADE_BACKUP,
  COCKPIT_STAGE_DELETE_UPGRADE_BACKUP,
  COCKPIT_STAGE_RESTORE_UPGRADE_BACKUP,
  COCKPIT_STAGE_CREATE_BACKUP,
  COCKPIT_STAGE_TEARDOWN,
} CockpitStageName;

typedef enum {
  COCKPIT_STAGE_STATUS_PENDING,
  COCKPIT_STAGE_STATUS_RUNNING,
  COCKPIT_STAGE_STATUS_DONE,
  COCKPIT_STAGE_STATUS_FAILED,
  COCKPIT_STAGE_STATUS_SKIPPED,
} CockpitStageStatus;

typedef enum {
  COCKPIT_ENTRY_TYPE_INFO,
  COCKPIT_ENTRY_TYPE_WARNING,
  COCKPIT_ENTRY_TYPE_ERROR,
} CockpitEntryType;

typedef enum {
  COCKPIT_SEVERITY_CRITICAL,
  COCKPIT_SEVERITY_WARNING,
  COCKPIT_SEVERITY_INFO,
} CockpitSeverity;

/* Upgrade plans (contract v1.1). */
typedef enum {
  COCKPIT_PLAN_GATE_APPROVAL,
  COCKPIT_PLAN_GATE_SOAK,
} CockpitPlanGate;

typedef enum {
  COCKPIT_PLAN_STATUS_SCHEDULED,
  COCKPIT_PLAN_STATUS_RUNNING,
  COCKPIT_PLAN_STATUS_WAITING,
  COCKPIT_PLAN_STATUS_SUCCEEDED,
  COCKPIT_PLAN_STATUS_FAILED,
  COCKPIT_PLAN_STATUS_CANCELLED,
} CockpitPlanStatus;

typedef enum {
  COCKPIT_PLAN_STEP_STATUS_PENDING,
  COCKPIT_PLAN_STEP_STATUS_RUNNING,
  COCKPIT_PLAN_STEP_STATUS_WAITING,
  COCKPIT_PLAN_STEP_STATUS_DONE,
  COCKPIT_PLAN_STEP_STATUS_FAILED,
  COCKPIT_PLAN_STEP_STATUS_SKIPPED,
  COCKPIT_PLAN_STEP_STATUS_CANCELLED,
} CockpitPlanStepStatus;

#define COCKPIT_TYPE_ENVIRONMENT_KIND  (cockpit_environment_kind_get_type ())
#define COCKPIT_TYPE_ENVIRONMENT_STATE (cockpit_environment_state_get_type ())
#define COCKPIT_TYPE_PACKAGE_STATUS    (cockpit_package_status_get_type ())
#define COCKPIT_TYPE_ROLE              (cockpit_role_get_type ())
#define COCKPIT_TYPE_ACTION_KIND       (cockpit_action_kind_get_type ())
#define COCKPIT_TYPE_ACTION_STATUS     (cockpit_action_status_get_type ())
#define COCKPIT_TYPE_STAGE_NAME        (cockpit_stage_name_get_type ())
#define COCKPIT_TYPE_STAGE_STATUS      (cockpit_stage_status_get_type ())
#define COCKPIT_TYPE_ENTRY_TYPE        (cockpit_entry_type_get_type ())
#define COCKPIT_TYPE_SEVERITY          (cockpit_severity_get_type ())
#define COCKPIT_TYPE_PLAN_GATE         (cockpit_plan_gate_get_type ())
#define COCKPIT_TYPE_PLAN_STATUS       (cockpit_plan_status_get_type ())
#define COCKPIT_TYPE_PLAN_STEP_STATUS  (cockpit_plan_step_status_get_type ())

GType cockpit_environment_kind_get_type  (void) G_GNUC_CONST;
GType cockpit_environment_state_get_type (void) G_GNUC_CONST;
GType cockpit_package_status_get_type    (void) G_GNUC_CONST;
GType cockpit_role_get_type              (void) G_GNUC_CONST;
GType cockpit_action_kind_get_type       (void) G_GNUC_CONST;
GType cockpit_action_status_get_type     (void) G_GNUC_CONST;
GType cockpit_stage_name_get_type        (void) G_GNUC_CONST;
GType cockpit_stage_status_get_type      (void) G_GNUC_CONST;
GType cockpit_entry_type_get_type        (void) G_GNUC_CONST;
GType cockpit_severity_get_type          (void) G_GNUC_CONST;
GType cockpit_plan_gate_get_type         (void) G_GNUC_CONST;
GType cockpit_plan_status_get_type       (void) G_GNUC_CONST;
GType cockpit_plan_step_status_get_type  (void) G_GNUC_CONST;

/* The JSON string of an enum value ("backing_up"), or NULL for a sentinel. */
const char *cockpit_enum_to_string   (GType enum_type,
                                      int   value);
/* Parses a JSON string; FALSE for unknown strings and for sentinels. */
gboolean    cockpit_enum_from_string (GType       enum_type,
                                      const char *text,
                                      int        *value);

G_END_DECLS
