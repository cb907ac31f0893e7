/* test-plan-json.h: upgrade plans and actions as contract JSON, for the model's tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-model.h"

/* Actions as the contract sends them. */
#define STAGE(name, status) \
  "{\"name\": \"" name "\", \"status\": \"" status "\", \"started_at\": null, \"finished_at\": null}"
#define ACTION(kind, params, status, stage, stages, progress, error) \
  "{\"id\": \"act-7\", \"package_id\": \"acmeweb\", \"environment_id\": \"acmeweb-live\"," \
  " \"kind\": \"" kind "\", \"params\": " params ", \"status\": \"" status "\"," \
  " \"stage\": " stage ", \"stages\": [" stages "], \"progress\": " progress "," \
  " \"requested_by\": \"Alex Example\", \"created_at\": \"2026-11-26T09:30:00Z\"," \
  " \"finished_at\": null, \"error\": " error "}"
#define TARGET "{\"target_version\": \"6.3.21\", \"from_version\": \"6.3.18\"}"

/* An upgrade of Live to 6.3.21 in its third stage of five, half done. */
#define RUNNING_ACTION_JSON \
  ACTION ("upgrade", TARGET, "running", "\"verify_replica\"", \
          STAGE ("create_replica", "done") "," STAGE ("deploy_version", "done") "," \
          STAGE ("verify_replica", "running") "," STAGE ("switch_traffic", "pending") "," \
          STAGE ("keep_backup", "pending"), \
          "0.5", "null")

/* A plan of acme over Integration, UAT and Live with an approval gate:
 * Integration done, UAT @uat_status, Live pending. */
static inline char *
plan_json (const char *plan_status,
           const char *uat_status)
{
  return g_strdup_printf (
    "{\"id\": \"plan-1\", \"package_id\": \"acme\", \"target_version\": \"6.4.3\", "
    "\"gate\": \"approval\", \"soak_hours\": null, \"start_at\": null, "
    "\"back_up_live_first\": true, \"status\": \"%s\", "
    "\"steps\": ["
    "{\"environment\": \"integration\", \"status\": \"done\", \"action_ids\": [\"act-1\"], "
    "\"gate_opens_at\": null, \"approved_by\": null}, "
    "{\"environment\": \"uat\", \"status\": \"%s\", \"action_ids\": [], "
    "\"gate_opens_at\": null, \"approved_by\": null}, "
    "{\"environment\": \"live\", \"status\": \"pending\", \"action_ids\": [], "
    "\"gate_opens_at\": null, \"approved_by\": null}], "
    "\"created_by\": \"Alex Example\", \"created_at\": \"2026-11-26T10:00:00Z\", "
    "\"finished_at\": null, \"error\": null}",
    plan_status, uat_status);
}

static inline CockpitPlan *
make_plan (const char *plan_status,
           const char *uat_status)
{
  g_autofree char *json = plan_json (plan_status, uat_status);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  CockpitPlan *plan;

  node = cockpit_json_parse (json, -1, &error);
  g_assert_no_error (error);
  plan = cockpit_json_decode (COCKPIT_TYPE_PLAN, node, &error);
  g_assert_no_error (error);
  return plan;
}
