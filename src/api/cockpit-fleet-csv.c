/* cockpit-fleet-csv.c: the fleet as shown (filtered and sorted) as a CSV file for a spreadsheet.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cockpit-csv.h"
#include "cockpit-fleet-csv.h"

static const char *
lts_name (CockpitLtsState state)
{
  switch (state)
    {
    case COCKPIT_LTS_ON_TIME:
      return "on_time";
    case COCKPIT_LTS_DUE:
      return "due";
    case COCKPIT_LTS_OVERDUE:
      return "overdue";
    case COCKPIT_LTS_NEWER_NOT_LTS:
      return "newer_not_lts";
    case COCKPIT_LTS_NOT_APPLICABLE:
    default:
      return "";
    }
}

GBytes *
cockpit_fleet_csv_build (GListModel *rows)
{
  GString *csv;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (rows), NULL);

  csv = g_string_new ("package_id,package,environment,magnolia_version,lts_status,lts_version,"
                      "lts_deadline,upgrade_backup_removed_at,running_action,stage,plan_id,plan_step,"
                      "last_upgraded_at,state,maintenance,needs_attention\r\n");

  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CockpitFleetRow) row = g_list_model_get_item (rows, i);
      CockpitAction *action = cockpit_fleet_row_get_action (row);
      CockpitFleetAttention attention = cockpit_fleet_row_get_attention (row);
      g_autoptr(GString) reasons = g_string_new (NULL);

      if (attention & COCKPIT_FLEET_ATTENTION_LTS)
        g_string_append (reasons, "lts;");
      if (attention & COCKPIT_FLEET_ATTENTION_BACKUP)
        g_string_append (reasons, "upgrade_backup;");
      if (attention & COCKPIT_FLEET_ATTENTION_FAILED)
        g_string_append (reasons, "failed;");
      if (attention & COCKPIT_FLEET_ATTENTION_PLAN)
        g_string_append (reasons, "plan_approval;");
      if (reasons->len > 0)
        g_string_truncate (reasons, reasons->len - 1);

      cockpit_csv_append_field (csv, cockpit_package_get_id (cockpit_fleet_row_get_package (row)), TRUE);
      cockpit_csv_append_field (csv, cockpit_fleet_row_get_package_name (row), TRUE);
      cockpit_csv_append_field (csv, cockpit_enum_to_string (COCKPIT_TYPE_ENVIRONMENT_KIND, cockpit_fleet_row_get_kind (row)), FALSE);
      cockpit_csv_append_field (csv, cockpit_fleet_row_get_version (row), TRUE);
      cockpit_csv_append_field (csv, lts_name (cockpit_fleet_row_get_lts_state (row)), FALSE);
      cockpit_csv_append_field (csv, cockpit_fleet_row_get_lts_version (row), TRUE);
      cockpit_csv_append_time (csv, cockpit_fleet_row_get_lts_deadline (row));
      cockpit_csv_append_time (csv, cockpit_fleet_row_get_backup_removed_at (row));
      cockpit_csv_append_field (csv, action ? cockpit_enum_to_string (COCKPIT_TYPE_ACTION_KIND, cockpit_action_get_kind (action)) : NULL, FALSE);
      cockpit_csv_append_field (csv, action ? cockpit_enum_to_string (COCKPIT_TYPE_STAGE_NAME, cockpit_fleet_row_get_stage (row)) : NULL, FALSE);
      cockpit_csv_append_field (csv, cockpit_fleet_row_get_plan (row) ? cockpit_plan_get_id (cockpit_fleet_row_get_plan (row)) : NULL, TRUE);
      cockpit_csv_append_field (csv, cockpit_fleet_row_get_plan_step (row)
                         ? cockpit_enum_to_string (COCKPIT_TYPE_PLAN_STEP_STATUS, cockpit_fleet_row_get_plan_step_status (row))
                         : NULL, FALSE);
      cockpit_csv_append_time (csv, cockpit_fleet_row_get_last_upgraded_at (row));
      cockpit_csv_append_field (csv, cockpit_enum_to_string (COCKPIT_TYPE_ENVIRONMENT_STATE, cockpit_fleet_row_get_state (row)), FALSE);
      cockpit_csv_append_field (csv, cockpit_fleet_row_get_in_maintenance (row) ? "true" : "false", FALSE);
      cockpit_csv_append_field (csv, reasons->str, FALSE);
      g_string_append (csv, "\r\n");
    }
  return g_string_free_to_bytes (csv);
}

static void
replaced_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
cockpit_fleet_csv_write_async (GListModel          *rows,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GBytes) bytes = NULL;
  GTask *task;

  g_return_if_fail (G_IS_LIST_MODEL (rows));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cockpit_fleet_csv_write_async);
  /* Built now: the view may change while the file is written. */
  bytes = cockpit_fleet_csv_build (rows);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, replaced_cb, task);
}

gboolean
cockpit_fleet_csv_write_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cockpit_fleet_csv_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
