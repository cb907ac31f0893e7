/* cockpit-enums.c: GTypes of the model's enumerations, nicks as in the contract.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-types.h"

G_DEFINE_QUARK (cockpit-model-error-quark, cockpit_model_error)

/* Registers an enum type once; the nicks are the strings of the contract,
 * written by hand because glib-mkenums would turn "_" into "-". */
#define COCKPIT_DEFINE_ENUM(func, Name, ...)                                  \
GType                                                                         \
func (void)                                                                   \
{                                                                             \
  static gsize type_id = 0;                                                   \
  static const GEnumValue values[] = { __VA_ARGS__, { 0, NULL, NULL } };      \
  if (g_once_init_enter (&type_id))                                           \
    g_once_init_leave (&type_id, g_enum_register_static (Name, values));      \
  return type_id;                                                             \
}

#define V(value, nick) { value, #value, nick }

COCKPIT_DEFINE_ENUM (cockpit_environment_kind_get_type, "CockpitEnvironmentKind",
  V (COCKPIT_ENVIRONMENT_KIND_NONE, "none"),
  V (COCKPIT_ENVIRONMENT_KIND_LIVE, "live"),
  V (COCKPIT_ENVIRONMENT_KIND_UAT, "uat"),
  V (COCKPIT_ENVIRONMENT_KIND_INTEGRATION, "integration"))

COCKPIT_DEFINE_ENUM (cockpit_environment_state_get_type, "CockpitEnvironmentState",
  V (COCKPIT_ENVIRONMENT_STATE_RUNNING, "running"),
  V (COCKPIT_ENVIRONMENT_STATE_UPGRADING, "upgrading"),
  V (COCKPIT_ENVIRONMENT_STATE_RESTORING, "restoring"),
  V (COCKPIT_ENVIRONMENT_STATE_BACKING_UP, "backing_up"),
  V (COCKPIT_ENVIRONMENT_STATE_TEARING_DOWN, "tearing_down"),
  V (COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP, "not_set_up"))

COCKPIT_DEFINE_ENUM (cockpit_package_status_get_type, "CockpitPackageStatus",
  V (COCKPIT_PACKAGE_STATUS_OK, "ok"),
  V (COCKPIT_PACKAGE_STATUS_MAINTENANCE, "maintenance"))

COCKPIT_DEFINE_ENUM (cockpit_role_get_type, "CockpitRole",
  V (COCKPIT_ROLE_OWNER, "owner"),
  V (COCKPIT_ROLE_DEVELOPER, "developer"))

COCKPIT_DEFINE_ENUM (cockpit_action_kind_get_type, "CockpitActionKind",
  V (COCKPIT_ACTION_KIND_UPGRADE, "upgrade"),
  V (COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP, "extend_upgrade_backup"),
  V (COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP, "delete_upgrade_backup"),
  V (COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP, "restore_upgrade_backup"),
  V (COCKPIT_ACTION_KIND_CREATE_BACKUP, "create_backup"),
  V (COCKPIT_ACTION_KIND_TEARDOWN, "teardown"))

COCKPIT_DEFINE_ENUM (cockpit_action_status_get_type, "CockpitActionStatus",
  V (COCKPIT_ACTION_STATUS_RUNNING, "running"),
  V (COCKPIT_ACTION_STATUS_SUCCEEDED, "succeeded"),
  V (COCKPIT_ACTION_STATUS_FAILED, "failed"))

COCKPIT_DEFINE_ENUM (cockpit_stage_name_get_type, "CockpitStageName",
  V (COCKPIT_STAGE_NONE, "none"),
  V (COCKPIT_STAGE_CREATE_REPLICA, "create_replica"),
  V (COCKPIT_STAGE_DEPLOY_VERSION, "deploy_version"),
  V (COCKPIT_STAGE_VERIFY_REPLICA, "verify_replica"),
  V (COCKPIT_STAGE_SWITCH_TRAFFIC, "switch_traffic"),
  V (COCKPIT_STAGE_KEEP_BACKUP, "keep_backup"),
  V (COCKPIT_STAGE_RETIRE_OLD, "retire_old"),
  V (COCKPIT_STAGE_EXTEND_UPGRADE_BACKUP, "extend_upgrade_backup"),
  V (COCKPIT_STAGE_DELETE_UPGRADE_BACKUP, "delete_upgrade_backup"),
  V (COCKPIT_STAGE_RESTORE_UPGRADE_BACKUP, "restore_upgrade_backup"),
  V (COCKPIT_STAGE_CREATE_BACKUP, "create_backup"),
  V (COCKPIT_STAGE_TEARDOWN, "teardown"))

COCKPIT_DEFINE_ENUM (cockpit_stage_status_get_type, "CockpitStageStatus",
  V (COCKPIT_STAGE_STATUS_PENDING, "pending"),
  V (COCKPIT_STAGE_STATUS_RUNNING, "running"),
  V (COCKPIT_STAGE_STATUS_DONE, "done"),
  V (COCKPIT_STAGE_STATUS_FAILED, "failed"),
  V (COCKPIT_STAGE_STATUS_SKIPPED, "skipped"))

COCKPIT_DEFINE_ENUM (cockpit_entry_type_get_type, "CockpitEntryType",
  V (COCKPIT_ENTRY_TYPE_INFO, "info"),
  V (COCKPIT_ENTRY_TYPE_WARNING, "warning"),
  V (COCKPIT_ENTRY_TYPE_ERROR, "error"))

COCKPIT_DEFINE_ENUM (cockpit_severity_get_type, "CockpitSeverity",
  V (COCKPIT_SEVERITY_CRITICAL, "critical"),
  V (COCKPIT_SEVERITY_WARNING, "warning"),
  V (COCKPIT_SEVERITY_INFO, "info"))

COCKPIT_DEFINE_ENUM (cockpit_plan_gate_get_type, "CockpitPlanGate",
  V (COCKPIT_PLAN_GATE_APPROVAL, "approval"),
  V (COCKPIT_PLAN_GATE_SOAK, "soak"))

COCKPIT_DEFINE_ENUM (cockpit_plan_status_get_type, "CockpitPlanStatus",
  V (COCKPIT_PLAN_STATUS_SCHEDULED, "scheduled"),
  V (COCKPIT_PLAN_STATUS_RUNNING, "running"),
  V (COCKPIT_PLAN_STATUS_WAITING, "waiting"),
  V (COCKPIT_PLAN_STATUS_SUCCEEDED, "succeeded"),
  V (COCKPIT_PLAN_STATUS_FAILED, "failed"),
  V (COCKPIT_PLAN_STATUS_CANCELLED, "cancelled"))

COCKPIT_DEFINE_ENUM (cockpit_plan_step_status_get_type, "CockpitPlanStepStatus",
  V (COCKPIT_PLAN_STEP_STATUS_PENDING, "pending"),
  V (COCKPIT_PLAN_STEP_STATUS_RUNNING, "running"),
  V (COCKPIT_PLAN_STEP_STATUS_WAITING, "waiting"),
  V (COCKPIT_PLAN_STEP_STATUS_DONE, "done"),
  V (COCKPIT_PLAN_STEP_STATUS_FAILED, "failed"),
  V (COCKPIT_PLAN_STEP_STATUS_SKIPPED, "skipped"),
  V (COCKPIT_PLAN_STEP_STATUS_CANCELLED, "cancelled"))

#undef V

/* A value is a sentinel when it is 0 and its nick is "none"; such values
 * stand for JSON null and are never read from or written as a string. */
static gboolean
is_sentinel (const GEnumValue *value)
{
  return value->value == 0 && g_strcmp0 (value->value_nick, "none") == 0;
}

const char *
cockpit_enum_to_string (GType enum_type,
                        int   value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *found;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  klass = g_type_class_ref (enum_type);
  found = g_enum_get_value (klass, value);
  if (found == NULL || is_sentinel (found))
    return NULL;
  return found->value_nick;
}

gboolean
cockpit_enum_from_string (GType       enum_type,
                          const char *text,
                          int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *found;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);

  if (text == NULL)
    return FALSE;
  klass = g_type_class_ref (enum_type);
  found = g_enum_get_value_by_nick (klass, text);
  if (found == NULL || is_sentinel (found))
    return FALSE;
  if (value != NULL)
    *value = found->value;
  return TRUE;
}
