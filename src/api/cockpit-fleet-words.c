/* cockpit-fleet-words.c: what a row of All Environments says, column by column, in words.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table's cells, the narrow list's two-line rows and their tooltips
 * say the same things the same way; this is where they are written, with
 * no display needed (tests/test-fleet-words.c).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cockpit-fleet-words.h"

static char *
lts_text (CockpitFleetRow *row)
{
  int days = cockpit_fleet_row_get_lts_days (row);

  switch (cockpit_fleet_row_get_lts_state (row))
    {
    case COCKPIT_LTS_ON_TIME:
      return g_strdup (_("On the latest LTS"));
    case COCKPIT_LTS_NEWER_NOT_LTS:
      return g_strdup (_("Newer than the latest LTS"));
    case COCKPIT_LTS_DUE:
      return g_strdup_printf (ngettext ("LTS due in %d day", "LTS due in %d days", days), days);
    case COCKPIT_LTS_OVERDUE:
      if (days == 0)
        return g_strdup (_("LTS overdue since today"));
      return g_strdup_printf (ngettext ("LTS overdue by %d day", "LTS overdue by %d days", days), days);
    case COCKPIT_LTS_NOT_APPLICABLE:
    default:
      return NULL;
    }
}

static char *
lts_deadline_text (CockpitFleetRow *row)
{
  g_autofree char *when = NULL;

  if (cockpit_fleet_row_get_lts_deadline (row) == NULL)
    return NULL;
  when = cockpit_format_date_time (cockpit_fleet_row_get_lts_deadline (row), COCKPIT_DATE_WITH_YEAR);
  /* Translators: the LTS upgrade deadline; %s is a date and time. */
  return g_strdup_printf (_("By %s"), when);
}

static char *
backup_text (CockpitFleetRow *row)
{
  GTimeSpan left = cockpit_fleet_row_get_backup_time_left (row);
  g_autofree char *span = NULL;

  if (left < 0)
    return NULL;
  span = cockpit_format_time_span (left);
  /* Translators: how long the upgrade backup is still kept. */
  return g_strdup_printf (_("%s left"), span);
}

static char *
action_text (CockpitFleetRow *row)
{
  CockpitAction *action = cockpit_fleet_row_get_action (row);
  const char *target;

  if (action == NULL)
    return NULL;
  target = cockpit_action_get_target_version (action);
  if (cockpit_action_get_kind (action) == COCKPIT_ACTION_KIND_UPGRADE && target != NULL)
    /* Translators: a running upgrade; %s is the version it goes to. */
    return g_strdup_printf (_("Upgrading to %s"), target);
  return g_strdup (cockpit_action_kind_get_label (cockpit_action_get_kind (action)));
}

static char *
stage_text (CockpitFleetRow *row)
{
  guint number = cockpit_fleet_row_get_stage_number (row);
  guint n = cockpit_fleet_row_get_n_stages (row);
  CockpitStageName stage = cockpit_fleet_row_get_stage (row);

  if (cockpit_fleet_row_get_action (row) == NULL || stage == COCKPIT_STAGE_NONE)
    return NULL;
  if (number == 0 || n < 2)
    return g_strdup (cockpit_stage_name_get_label (stage));
  /* Translators: a running stage; "Verify replica, stage 3 of 5". */
  return g_strdup_printf (_("%s, stage %u of %u"), cockpit_stage_name_get_label (stage), number, n);
}

/* The step of the package's plan for this environment, when no action
 * runs on it: "Plan to 6.4.3" and where the step stands. */
static char *
plan_text (CockpitFleetRow *row)
{
  CockpitPlan *plan = cockpit_fleet_row_get_plan (row);

  if (plan == NULL || cockpit_fleet_row_get_action (row) != NULL)
    return NULL;
  /* Translators: a plan's step on the fleet; %s is the version it goes to. */
  return g_strdup_printf (_("Plan to %s"), cockpit_plan_get_target_version (plan));
}

static char *
plan_step_text (CockpitFleetRow *row)
{
  CockpitPlan *plan = cockpit_fleet_row_get_plan (row);
  CockpitPlanStep *step = cockpit_fleet_row_get_plan_step (row);
  g_autofree char *when = NULL;

  if (plan == NULL || step == NULL)
    return NULL;

  switch (cockpit_fleet_row_get_plan_step_status (row))
    {
    case COCKPIT_PLAN_STEP_STATUS_PENDING:
      if (cockpit_fleet_row_get_plan_status (row) == COCKPIT_PLAN_STATUS_SCHEDULED &&
          cockpit_plan_get_start_at (plan) != NULL)
        {
          when = cockpit_format_date_time (cockpit_plan_get_start_at (plan), COCKPIT_DATE_SHORT);
          /* Translators: %s is a date and time. */
          return g_strdup_printf (_("Scheduled for %s"), when);
        }
      return g_strdup (_("Waiting for its turn"));
    case COCKPIT_PLAN_STEP_STATUS_RUNNING:
      return g_strdup (_("Upgrading"));
    case COCKPIT_PLAN_STEP_STATUS_WAITING:
      if (cockpit_plan_get_gate (plan) == COCKPIT_PLAN_GATE_APPROVAL)
        return g_strdup (_("Waiting for approval"));
      if (cockpit_plan_step_get_gate_opens_at (step) != NULL)
        {
          when = cockpit_format_date_time (cockpit_plan_step_get_gate_opens_at (step), COCKPIT_DATE_SHORT);
          /* Translators: a soak gate; %s is a date and time. */
          return g_strdup_printf (_("Starts on %s"), when);
        }
      return g_strdup (_("Waiting"));
    case COCKPIT_PLAN_STEP_STATUS_DONE:
      return g_strdup (_("Done"));
    case COCKPIT_PLAN_STEP_STATUS_FAILED:
      return g_strdup (_("Failed"));
    case COCKPIT_PLAN_STEP_STATUS_SKIPPED:
      return g_strdup (_("Skipped"));
    case COCKPIT_PLAN_STEP_STATUS_CANCELLED:
    default:
      return g_strdup (_("Cancelled"));
    }
}

static gboolean
last_failed (CockpitFleetRow *row)
{
  return (cockpit_fleet_row_get_attention (row) & COCKPIT_FLEET_ATTENTION_FAILED) != 0;
}

static char *
attention_text (CockpitFleetRow *row)
{
  CockpitFleetAttention attention = cockpit_fleet_row_get_attention (row);
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);

  if (attention == COCKPIT_FLEET_ATTENTION_NONE)
    return NULL;
  if (attention & COCKPIT_FLEET_ATTENTION_LTS)
    g_ptr_array_add (reasons, lts_text (row));
  if (attention & COCKPIT_FLEET_ATTENTION_BACKUP)
    g_ptr_array_add (reasons, g_strdup (_("The upgrade backup is removed within 24 hours")));
  if (attention & COCKPIT_FLEET_ATTENTION_FAILED)
    g_ptr_array_add (reasons, g_strdup (_("The last action failed")));
  if (attention & COCKPIT_FLEET_ATTENTION_PLAN)
    g_ptr_array_add (reasons, g_strdup (_("A plan waits for your approval to upgrade it")));
  g_ptr_array_add (reasons, NULL);
  return g_strjoinv ("\n", (char **) reasons->pdata);
}

/* The narrow list's second line: what the columns would say, in words,
 * leaving out what is in order. */
static char *
two_line_subtitle (CockpitFleetRow *row)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  CockpitLtsState lts = cockpit_fleet_row_get_lts_state (row);
  g_autofree char *backup = backup_text (row);
  g_autofree char *action = action_text (row);
  g_autofree char *stage = stage_text (row);
  g_autofree char *plan = plan_text (row);
  g_autofree char *plan_step = plan_step_text (row);

  if (cockpit_fleet_row_get_version (row) != NULL)
    g_ptr_array_add (parts, g_strdup (cockpit_fleet_row_get_version (row)));
  else
    g_ptr_array_add (parts, g_strdup (cockpit_environment_state_get_label (cockpit_fleet_row_get_state (row))));
  if (lts == COCKPIT_LTS_DUE || lts == COCKPIT_LTS_OVERDUE)
    g_ptr_array_add (parts, lts_text (row));
  if (backup != NULL)
    /* Translators: %s is "31 h 12 min left". */
    g_ptr_array_add (parts, g_strdup_printf (_("Upgrade backup: %s"), backup));
  if (action != NULL)
    g_ptr_array_add (parts, stage ? g_strdup_printf ("%s: %s", action, stage) : g_strdup (action));
  else if (plan != NULL)
    g_ptr_array_add (parts, plan_step ? g_strdup_printf ("%s: %s", plan, plan_step) : g_strdup (plan));
  else if (last_failed (row))
    g_ptr_array_add (parts, g_strdup (_("Last action failed")));
  if (cockpit_fleet_row_get_in_maintenance (row))
    g_ptr_array_add (parts, g_strdup (_("In maintenance")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

void
cockpit_fleet_words_init (CockpitFleetWords *words,
                          CockpitFleetRow   *row,
                          guint              column)
{
  g_return_if_fail (words != NULL);
  g_return_if_fail (COCKPIT_IS_FLEET_ROW (row));
  g_return_if_fail (column <= COCKPIT_FLEET_TWO_LINE);

  memset (words, 0, sizeof *words);
  switch (column)
    {
    case COCKPIT_FLEET_COLUMN_PACKAGE:
      words->title = g_strdup (cockpit_fleet_row_get_package_name (row));
      words->tooltip = attention_text (row);
      words->icon = words->tooltip != NULL;
      break;
    case COCKPIT_FLEET_COLUMN_ENVIRONMENT:
      words->title = g_strdup (cockpit_environment_kind_get_label (cockpit_fleet_row_get_kind (row)));
      break;
    case COCKPIT_FLEET_COLUMN_VERSION:
      words->title = g_strdup (cockpit_fleet_row_get_version (row) ? cockpit_fleet_row_get_version (row) : "—");
      break;
    case COCKPIT_FLEET_COLUMN_LTS:
      words->title = lts_text (row);
      if (words->title == NULL)
        words->title = g_strdup ("—");
      words->subtitle = lts_deadline_text (row);
      words->error = cockpit_fleet_row_get_lts_state (row) == COCKPIT_LTS_OVERDUE;
      break;
    case COCKPIT_FLEET_COLUMN_BACKUP:
      words->title = backup_text (row);
      if (words->title == NULL)
        words->title = g_strdup ("—");
      else
        {
          g_autofree char *when = cockpit_format_date_time (cockpit_fleet_row_get_backup_removed_at (row),
                                                            COCKPIT_DATE_SHORT);

          /* Translators: when the upgrade backup is removed; %s is a date and time. */
          words->tooltip = g_strdup_printf (_("Removed on %s"), when);
        }
      words->error = (cockpit_fleet_row_get_attention (row) & COCKPIT_FLEET_ATTENTION_BACKUP) != 0;
      break;
    case COCKPIT_FLEET_COLUMN_ACTION:
      words->title = action_text (row);
      words->subtitle = stage_text (row);
      if (words->title == NULL && cockpit_fleet_row_get_plan (row) != NULL)
        {
          words->title = plan_text (row);
          words->subtitle = plan_step_text (row);
          words->error = cockpit_fleet_row_get_plan_step_status (row) == COCKPIT_PLAN_STEP_STATUS_FAILED;
        }
      else if (words->title == NULL && last_failed (row))
        {
          words->title = g_strdup (_("Last action failed"));
          words->subtitle = g_strdup (cockpit_action_kind_get_label (cockpit_action_get_kind (cockpit_fleet_row_get_last_action (row))));
          words->error = TRUE;
        }
      if (words->title == NULL)
        words->title = g_strdup ("—");
      break;
    case COCKPIT_FLEET_COLUMN_LAST_UPGRADE:
      if (cockpit_fleet_row_get_last_upgraded_at (row) != NULL)
        words->title = cockpit_format_date_time (cockpit_fleet_row_get_last_upgraded_at (row), COCKPIT_DATE_WITH_YEAR);
      else
        words->title = g_strdup (_("Never"));
      break;
    case COCKPIT_FLEET_COLUMN_STATE:
      words->title = g_strdup (cockpit_environment_state_get_label (cockpit_fleet_row_get_state (row)));
      if (cockpit_fleet_row_get_in_maintenance (row))
        words->subtitle = g_strdup (_("In maintenance"));
      break;
    case COCKPIT_FLEET_TWO_LINE:
    default:
      /* Translators: the narrow list's first line: package and environment. */
      words->title = g_strdup_printf (_("%s · %s"), cockpit_fleet_row_get_package_name (row),
                                      cockpit_environment_kind_get_label (cockpit_fleet_row_get_kind (row)));
      words->subtitle = two_line_subtitle (row);
      words->tooltip = attention_text (row);
      words->icon = words->tooltip != NULL;
      break;
    }

}

void
cockpit_fleet_words_clear (CockpitFleetWords *words)
{
  g_clear_pointer (&words->title, g_free);
  g_clear_pointer (&words->subtitle, g_free);
  g_clear_pointer (&words->tooltip, g_free);
  words->error = words->icon = FALSE;
}
