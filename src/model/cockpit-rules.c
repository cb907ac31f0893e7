/* cockpit-rules.c: the domain's rules as pure functions.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cockpit-action.h"
#include "cockpit-environment.h"
#include "cockpit-package.h"
#include "cockpit-release.h"
#include "cockpit-rules.h"
#include "cockpit-rules-private.h"
#include "cockpit-upgrade-backup.h"
#include "cockpit-version.h"

const char *
cockpit_environment_kind_get_label (CockpitEnvironmentKind kind)
{
  switch (kind)
    {
    case COCKPIT_ENVIRONMENT_KIND_LIVE:
      return _("Live");
    case COCKPIT_ENVIRONMENT_KIND_UAT:
      return _("UAT");
    case COCKPIT_ENVIRONMENT_KIND_INTEGRATION:
      return _("Integration");
    case COCKPIT_ENVIRONMENT_KIND_NONE:
    default:
      return _("Unknown environment");
    }
}

const char *
cockpit_stage_name_get_label (CockpitStageName stage)
{
  switch (stage)
    {
    case COCKPIT_STAGE_CREATE_REPLICA:
      return _("Create replica");
    case COCKPIT_STAGE_DEPLOY_VERSION:
      return _("Deploy version");
    case COCKPIT_STAGE_VERIFY_REPLICA:
      return _("Verify replica");
    case COCKPIT_STAGE_SWITCH_TRAFFIC:
      return _("Switch traffic");
    case COCKPIT_STAGE_KEEP_BACKUP:
      return _("Keep upgrade backup");
    case COCKPIT_STAGE_RETIRE_OLD:
      return _("Retire old installation");
    case COCKPIT_STAGE_EXTEND_UPGRADE_BACKUP:
      return _("Extend upgrade backup");
    case COCKPIT_STAGE_DELETE_UPGRADE_BACKUP:
      return _("Delete upgrade backup");
    case COCKPIT_STAGE_RESTORE_UPGRADE_BACKUP:
      return _("Restore upgrade backup");
    case COCKPIT_STAGE_CREATE_BACKUP:
      return _("Back up");
    case COCKPIT_STAGE_TEARDOWN:
      return _("Tear down");
    case COCKPIT_STAGE_NONE:
    default:
      return "";
    }
}

const char *
cockpit_environment_state_get_label (CockpitEnvironmentState state)
{
  switch (state)
    {
    case COCKPIT_ENVIRONMENT_STATE_RUNNING:
      return _("Running");
    case COCKPIT_ENVIRONMENT_STATE_UPGRADING:
      return _("Upgrading");
    case COCKPIT_ENVIRONMENT_STATE_RESTORING:
      return _("Restoring");
    case COCKPIT_ENVIRONMENT_STATE_BACKING_UP:
      return _("Backing up");
    case COCKPIT_ENVIRONMENT_STATE_TEARING_DOWN:
      return _("Tearing down");
    case COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP:
    default:
      return _("Not set up");
    }
}

const char *
cockpit_action_kind_get_label (CockpitActionKind kind)
{
  switch (kind)
    {
    case COCKPIT_ACTION_KIND_UPGRADE:
      return _("Upgrade");
    case COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP:
      return _("Extend upgrade backup");
    case COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP:
      return _("Delete upgrade backup");
    case COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP:
      return _("Restore upgrade backup");
    case COCKPIT_ACTION_KIND_CREATE_BACKUP:
      return _("Back up Live");
    case COCKPIT_ACTION_KIND_TEARDOWN:
    default:
      return _("Tear down");
    }
}

/* The desktop's choice (org.gnome.desktop.interface clock-format), which
 * the UI passes on; 24-hour until it does. */
static gboolean twelve_hour;

void
cockpit_format_set_12_hour (gboolean twelve)
{
  twelve_hour = twelve;
}

gboolean
cockpit_format_get_12_hour (void)
{
  return twelve_hour;
}

char *
cockpit_format_date_time (GDateTime        *time,
                          CockpitDateStyle  style)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  if (style == COCKPIT_DATE_UTC)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

      return g_date_time_format (utc, "%Y-%m-%d %H:%M UTC");
    }

  local = g_date_time_to_local (time);
  switch (style)
    {
    case COCKPIT_DATE_WITH_YEAR:
      return g_date_time_format (local, twelve_hour
                                 /* Translators: a date and a 12-hour time, see g_date_time_format() */
                                 ? _("%a %-d %b %Y, %-l:%M %p")
                                 /* Translators: a date and time, see g_date_time_format() */
                                 : _("%a %-d %b %Y, %H:%M"));
    case COCKPIT_DATE_LONG:
      return g_date_time_format (local, twelve_hour
                                 /* Translators: a date and a 12-hour time in a sentence, see g_date_time_format() */
                                 ? _("%A %-d %B %Y at %-l:%M %p")
                                 /* Translators: a date and time in a sentence, see g_date_time_format() */
                                 : _("%A %-d %B %Y at %H:%M"));
    case COCKPIT_DATE_SHORT:
    default:
      return g_date_time_format (local, twelve_hour
                                 /* Translators: a short date and a 12-hour time, see g_date_time_format() */
                                 ? _("%a %-d %b, %-l:%M %p")
                                 /* Translators: a short date and time, see g_date_time_format() */
                                 : _("%a %-d %b, %H:%M"));
    }
}

static char *
format_moment (GDateTime *time)
{
  return cockpit_format_date_time (time, COCKPIT_DATE_SHORT);
}

static void
set_message (char       **message,
             char        *text)
{
  if (message != NULL)
    *message = text;
  else
    g_free (text);
}

gboolean
cockpit_rules_package_is_busy (CockpitPackage *package)
{
  CockpitAction *action;

  g_return_val_if_fail (COCKPIT_IS_PACKAGE (package), FALSE);

  action = cockpit_package_get_running_action (package);
  return action != NULL && cockpit_action_is_running (action);
}

CockpitUpgradeBackup *
cockpit_rules_live_upgrade_backup (CockpitEnvironment *environment,
                                   GDateTime          *now)
{
  CockpitUpgradeBackup *backup;

  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (environment), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  backup = cockpit_environment_get_upgrade_backup (environment);
  if (backup == NULL)
    return NULL;

  /* Data loaded a while ago may still list a backup the cockpit has
   * removed since; past its removal time it no longer counts. */
  if (g_date_time_compare (now, cockpit_upgrade_backup_get_expires_at (backup)) >= 0)
    return NULL;

  return backup;
}

static int
compare_releases_newest_first (gconstpointer a,
                               gconstpointer b,
                               gpointer      user_data)
{
  CockpitRelease *ra = *(CockpitRelease **) a;
  CockpitRelease *rb = *(CockpitRelease **) b;

  return -cockpit_version_compare_strings (cockpit_release_get_version (ra),
                                           cockpit_release_get_version (rb), NULL);
}

GListStore *
cockpit_rules_offered_versions (CockpitEnvironment *environment,
                                GListModel         *releases)
{
  g_autoptr(GPtrArray) newer = NULL;
  GListStore *store;
  CockpitVersion current;
  guint n;

  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (environment), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (releases), NULL);

  store = g_list_store_new (COCKPIT_TYPE_RELEASE);
  if (!cockpit_version_parse (cockpit_environment_get_magnolia_version (environment), &current, NULL))
    return store;

  newer = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (releases);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CockpitRelease) release = g_list_model_get_item (releases, i);
      CockpitVersion version;

      if (cockpit_version_parse (cockpit_release_get_version (release), &version, NULL) &&
          cockpit_version_compare (&version, &current) > 0)
        g_ptr_array_add (newer, g_steal_pointer (&release));
    }

  g_ptr_array_sort_with_data (newer, compare_releases_newest_first, NULL);
  g_list_store_splice (store, 0, 0, newer->pdata, newer->len);
  return store;
}

/* The checks every action shares, in the contract's order: maintenance
 * first, then another running action. */
CockpitBlockReason
cockpit_rules_check_package (CockpitPackage  *package,
                             gboolean         busy,
                             char           **message)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE (package), COCKPIT_BLOCK_NONE);

  if (cockpit_package_is_in_maintenance (package))
    {
      const char *why = cockpit_package_get_maintenance_message (package);

      if (why != NULL && *why != '\0')
        set_message (message, g_strdup_printf (_("The package is in maintenance and can only be viewed: %s"), why));
      else
        set_message (message, g_strdup (_("The package is in maintenance and can only be viewed. Try again when the maintenance has ended.")));
      return COCKPIT_BLOCK_MAINTENANCE;
    }

  if (busy || cockpit_rules_package_is_busy (package))
    {
      set_message (message, g_strdup (_("Another action is running on this package. Wait until it has finished.")));
      return COCKPIT_BLOCK_PACKAGE_BUSY;
    }

  set_message (message, NULL);
  return COCKPIT_BLOCK_NONE;
}

static CockpitBlockReason
check_package (CockpitPackage  *package,
               char           **message)
{
  return cockpit_rules_check_package (package, FALSE, message);
}

static gboolean
is_set_up (CockpitEnvironment *environment)
{
  return cockpit_environment_get_state (environment) != COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP;
}

static CockpitBlockReason
block_not_set_up (CockpitEnvironment  *environment,
                  char               **message)
{
  set_message (message, g_strdup_printf (_("%s is not set up."),
                                         cockpit_environment_kind_get_label (cockpit_environment_get_kind (environment))));
  return COCKPIT_BLOCK_NOT_SET_UP;
}

static CockpitBlockReason
block_backup_exists (CockpitUpgradeBackup  *backup,
                     const char            *what,
                     char                 **message)
{
  g_autofree char *when = format_moment (cockpit_upgrade_backup_get_expires_at (backup));

  /* Translators: the first %s is an action such as "upgraded again", the second a time */
  set_message (message, g_strdup_printf (_("Live still has an upgrade backup, so it can't be %s. Delete the backup, or wait until it is removed on %s."),
                                         what, when));
  return COCKPIT_BLOCK_UPGRADE_BACKUP_EXISTS;
}

/* For cockpit-rules-plan.c: the same words for the same reasons. */
void
_cockpit_rules_set_message (char **message,
                            char  *text)
{
  set_message (message, text);
}

CockpitBlockReason
_cockpit_rules_block_not_set_up (CockpitEnvironment  *environment,
                                 char               **message)
{
  return block_not_set_up (environment, message);
}

CockpitBlockReason
_cockpit_rules_block_backup_exists (CockpitUpgradeBackup  *backup,
                                    const char            *what,
                                    char                 **message)
{
  return block_backup_exists (backup, what, message);
}

CockpitBlockReason
cockpit_rules_check_upgrade (CockpitPackage      *package,
                             CockpitEnvironment  *environment,
                             GListModel          *offered,
                             GDateTime           *now,
                             char               **message)
{
  CockpitUpgradeBackup *backup;
  CockpitBlockReason reason;

  g_return_val_if_fail (COCKPIT_IS_PACKAGE (package), COCKPIT_BLOCK_NONE);
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (environment), COCKPIT_BLOCK_NONE);
  g_return_val_if_fail (offered == NULL || G_IS_LIST_MODEL (offered), COCKPIT_BLOCK_NONE);
  g_return_val_if_fail (now != NULL, COCKPIT_BLOCK_NONE);

  if ((reason = check_package (package, message)) != COCKPIT_BLOCK_NONE)
    return reason;

  if (!is_set_up (environment))
    return block_not_set_up (environment, message);

  if (cockpit_environment_get_protected (environment))
    {
      set_message (message, g_strdup_printf (_("%s is protected. Ask the Cloud Helpdesk to lift the protection before upgrading it."),
                                             cockpit_environment_kind_get_label (cockpit_environment_get_kind (environment))));
      return COCKPIT_BLOCK_PROTECTED;
    }

  backup = cockpit_rules_live_upgrade_backup (environment, now);
  if (backup != NULL)
    return block_backup_exists (backup, _("upgraded again"), message);

  if (offered != NULL && g_list_model_get_n_items (offered) == 0)
    {
      set_message (message, g_strdup_printf (_("%s already runs the newest version available."),
                                             cockpit_environment_kind_get_label (cockpit_environment_get_kind (environment))));
      return COCKPIT_BLOCK_NOTHING_NEWER;
    }

  set_message (message, NULL);
  return COCKPIT_BLOCK_NONE;
}

CockpitBlockReason
cockpit_rules_check_teardown (CockpitPackage      *package,
                              CockpitEnvironment  *environment,
                              GDateTime           *now,
                              char               **message)
{
  CockpitUpgradeBackup *backup;
  CockpitBlockReason reason;

  g_return_val_if_fail (COCKPIT_IS_PACKAGE (package), COCKPIT_BLOCK_NONE);
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (environment), COCKPIT_BLOCK_NONE);
  g_return_val_if_fail (now != NULL, COCKPIT_BLOCK_NONE);

  if ((reason = check_package (package, message)) != COCKPIT_BLOCK_NONE)
    return reason;

  if (!is_set_up (environment))
    return block_not_set_up (environment, message);

  backup = cockpit_rules_live_upgrade_backup (environment, now);
  if (backup != NULL)
    return block_backup_exists (backup, _("torn down"), message);

  if (cockpit_environment_get_protected (environment))
    {
      set_message (message, g_strdup_printf (_("%s is protected against tear-down. Ask the Cloud Helpdesk to lift the protection first."),
                                             cockpit_environment_kind_get_label (cockpit_environment_get_kind (environment))));
      return COCKPIT_BLOCK_PROTECTED;
    }

  set_message (message, NULL);
  return COCKPIT_BLOCK_NONE;
}

CockpitBlockReason
cockpit_rules_check_manual_backup (CockpitPackage      *package,
                                   CockpitEnvironment  *environment,
                                   char               **message)
{
  CockpitBlockReason reason;

  g_return_val_if_fail (COCKPIT_IS_PACKAGE (package), COCKPIT_BLOCK_NONE);
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (environment), COCKPIT_BLOCK_NONE);

  if ((reason = check_package (package, message)) != COCKPIT_BLOCK_NONE)
    return reason;

  if (cockpit_environment_get_kind (environment) != COCKPIT_ENVIRONMENT_KIND_LIVE)
    {
      set_message (message, g_strdup (_("Manual backups are made of Live only.")));
      return COCKPIT_BLOCK_NOT_LIVE;
    }

  if (!is_set_up (environment))
    return block_not_set_up (environment, message);

  set_message (message, NULL);
  return COCKPIT_BLOCK_NONE;
}

CockpitBlockReason
cockpit_rules_check_upgrade_backup_action (CockpitPackage      *package,
                                           CockpitEnvironment  *environment,
                                           GDateTime           *now,
                                           char               **message)
{
  CockpitBlockReason reason;

  g_return_val_if_fail (COCKPIT_IS_PACKAGE (package), COCKPIT_BLOCK_NONE);
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (environment), COCKPIT_BLOCK_NONE);
  g_return_val_if_fail (now != NULL, COCKPIT_BLOCK_NONE);

  if ((reason = check_package (package, message)) != COCKPIT_BLOCK_NONE)
    return reason;

  if (cockpit_rules_live_upgrade_backup (environment, now) == NULL)
    {
      set_message (message, g_strdup (_("There is no upgrade backup of Live any more.")));
      return COCKPIT_BLOCK_NO_UPGRADE_BACKUP;
    }

  set_message (message, NULL);
  return COCKPIT_BLOCK_NONE;
}

CockpitBlockReason
cockpit_rules_check_extend (CockpitPackage      *package,
                            CockpitEnvironment  *environment,
                            GDateTime           *now,
                            char               **message)
{
  CockpitUpgradeBackup *backup;
  CockpitBlockReason reason;

  reason = cockpit_rules_check_upgrade_backup_action (package, environment, now, message);
  if (reason != COCKPIT_BLOCK_NONE)
    return reason;

  backup = cockpit_environment_get_upgrade_backup (environment);
  if (!cockpit_rules_upgrade_backup_can_extend (backup, now))
    {
      set_message (message, g_strdup (_("The upgrade backup is already kept for the longest time possible, 5 days from when it was made. For longer, contact the Cloud Helpdesk.")));
      return COCKPIT_BLOCK_EXTENSION_LIMIT;
    }

  set_message (message, NULL);
  return COCKPIT_BLOCK_NONE;
}

CockpitOrderWarning
cockpit_rules_order_warning (CockpitPackage          *package,
                             CockpitEnvironmentKind   kind,
                             const char              *target_version,
                             char                   **message)
{
  CockpitEnvironmentKind lower_kind;
  CockpitEnvironment *lower;
  const char *lower_version;
  CockpitVersion target, version;
  CockpitOrderWarning warning;

  g_return_val_if_fail (COCKPIT_IS_PACKAGE (package), COCKPIT_ORDER_OK);

  switch (kind)
    {
    case COCKPIT_ENVIRONMENT_KIND_UAT:
      lower_kind = COCKPIT_ENVIRONMENT_KIND_INTEGRATION;
      warning = COCKPIT_ORDER_INTEGRATION_BEHIND;
      break;
    case COCKPIT_ENVIRONMENT_KIND_LIVE:
      lower_kind = COCKPIT_ENVIRONMENT_KIND_UAT;
      warning = COCKPIT_ORDER_UAT_BEHIND;
      break;
    case COCKPIT_ENVIRONMENT_KIND_INTEGRATION:
    case COCKPIT_ENVIRONMENT_KIND_NONE:
    default:
      set_message (message, NULL);
      return COCKPIT_ORDER_OK;
    }

  /* Our rule: only an environment that exists, is set up and runs an
   * older version than the target is "behind"; one that runs the target
   * or something newer has had the chance to be tested. */
  lower = cockpit_package_get_environment (package, lower_kind);
  lower_version = lower != NULL ? cockpit_environment_get_magnolia_version (lower) : NULL;
  if (lower == NULL || !is_set_up (lower) ||
      !cockpit_version_parse (target_version, &target, NULL) ||
      !cockpit_version_parse (lower_version, &version, NULL) ||
      cockpit_version_compare (&version, &target) >= 0)
    {
      set_message (message, NULL);
      return COCKPIT_ORDER_OK;
    }

  /* Translators: "UAT is still on 6.3.18. We recommend upgrading and testing UAT on 6.3.21 before Live." */
  set_message (message, g_strdup_printf (_("%s is still on %s. We recommend upgrading and testing %s on %s before %s."),
                                         cockpit_environment_kind_get_label (lower_kind), lower_version,
                                         cockpit_environment_kind_get_label (lower_kind), target_version,
                                         cockpit_environment_kind_get_label (kind)));
  return warning;
}

GDateTime *
cockpit_rules_upgrade_backup_limit (CockpitUpgradeBackup *backup)
{
  g_return_val_if_fail (COCKPIT_IS_UPGRADE_BACKUP (backup), NULL);

  return g_date_time_add (cockpit_upgrade_backup_get_created_at (backup),
                          COCKPIT_UPGRADE_BACKUP_MAX_KEPT);
}

GTimeSpan
cockpit_rules_upgrade_backup_time_left (CockpitUpgradeBackup *backup,
                                        GDateTime            *now)
{
  GTimeSpan left;

  g_return_val_if_fail (COCKPIT_IS_UPGRADE_BACKUP (backup), 0);
  g_return_val_if_fail (now != NULL, 0);

  left = g_date_time_difference (cockpit_upgrade_backup_get_expires_at (backup), now);
  return MAX (left, 0);
}

double
cockpit_rules_upgrade_backup_fraction_left (CockpitUpgradeBackup *backup,
                                            GDateTime            *now)
{
  GTimeSpan span;

  g_return_val_if_fail (COCKPIT_IS_UPGRADE_BACKUP (backup), 0.0);

  span = g_date_time_difference (cockpit_upgrade_backup_get_expires_at (backup),
                                 cockpit_upgrade_backup_get_created_at (backup));
  if (span <= 0)
    return 0.0;
  return CLAMP ((double) cockpit_rules_upgrade_backup_time_left (backup, now) / (double) span, 0.0, 1.0);
}

gboolean
cockpit_rules_upgrade_backup_can_extend (CockpitUpgradeBackup *backup,
                                         GDateTime            *now)
{
  g_autoptr(GDateTime) limit = NULL;
  GDateTime *expires_at;

  g_return_val_if_fail (COCKPIT_IS_UPGRADE_BACKUP (backup), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  expires_at = cockpit_upgrade_backup_get_expires_at (backup);
  limit = cockpit_rules_upgrade_backup_limit (backup);

  /* Gone already, or kept until the limit already. */
  return g_date_time_compare (now, expires_at) < 0 &&
         g_date_time_compare (expires_at, limit) < 0;
}

char *
cockpit_format_time_span (GTimeSpan span)
{
  gint64 minutes = MAX (span, 0) / G_TIME_SPAN_MINUTE;
  gint64 hours = minutes / 60;
  gint64 days = hours / 24;

  if (minutes < 1)
    return g_strdup (_("less than a minute"));
  if (hours < 1)
    return g_strdup_printf (_("%d min"), (int) minutes);
  if (hours < 48)
    {
      /* Translators: hours and minutes, "31 h 12 min" */
      return g_strdup_printf (_("%d h %d min"), (int) hours, (int) (minutes % 60));
    }

  /* Translators: days and hours, "3 days 4 h" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day %d h", "%d days %d h", (gulong) days),
                          (int) days, (int) (hours % 24));
}

CockpitLtsState
cockpit_rules_lts_status (CockpitEnvironment  *environment,
                          GListModel          *releases,
                          GDateTime           *now,
                          CockpitRelease     **latest_lts,
                          int                 *days,
                          char               **message)
{
  g_autoptr(GDateTime) deadline = NULL;
  CockpitRelease *latest = NULL;
  CockpitVersion latest_version = { 0, }, current;
  GTimeSpan left;
  guint n;

  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (environment), COCKPIT_LTS_NOT_APPLICABLE);
  g_return_val_if_fail (G_IS_LIST_MODEL (releases), COCKPIT_LTS_NOT_APPLICABLE);
  g_return_val_if_fail (now != NULL, COCKPIT_LTS_NOT_APPLICABLE);

  if (latest_lts != NULL)
    *latest_lts = NULL;
  if (days != NULL)
    *days = 0;
  set_message (message, NULL);

  /* The latest LTS release is the highest LTS version; release dates are
   * not in version order across branches. */
  n = g_list_model_get_n_items (releases);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CockpitRelease) release = g_list_model_get_item (releases, i);
      CockpitVersion version;

      if (cockpit_release_get_lts (release) &&
          cockpit_release_get_released_at (release) != NULL &&
          cockpit_version_parse (cockpit_release_get_version (release), &version, NULL) &&
          (latest == NULL || cockpit_version_compare (&version, &latest_version) > 0))
        {
          latest = release;
          latest_version = version;
        }
    }

  if (latest == NULL || !is_set_up (environment) ||
      !cockpit_version_parse (cockpit_environment_get_magnolia_version (environment), &current, NULL))
    return COCKPIT_LTS_NOT_APPLICABLE;

  if (latest_lts != NULL)
    *latest_lts = latest;

  if (cockpit_version_compare (&current, &latest_version) >= 0)
    {
      set_message (message, g_strdup_printf (_("On the latest LTS release, %s."), cockpit_release_get_version (latest)));
      return COCKPIT_LTS_ON_TIME;
    }

  deadline = g_date_time_add (cockpit_release_get_released_at (latest), COCKPIT_LTS_DEADLINE);
  left = g_date_time_difference (deadline, now);

  if (left > 0)
    {
      /* Round up: one second before the deadline is still "due in 1 day". */
      int n_days = (int) ((left + G_TIME_SPAN_DAY - 1) / G_TIME_SPAN_DAY);

      if (days != NULL)
        *days = n_days;
      set_message (message, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "Upgrade to LTS %s due in %d day.",
                                                          "Upgrade to LTS %s due in %d days.",
                                                          (gulong) n_days),
                                             cockpit_release_get_version (latest), n_days));
      return COCKPIT_LTS_DUE;
    }
  else
    {
      int n_days = (int) (-left / G_TIME_SPAN_DAY);

      if (days != NULL)
        *days = n_days;
      if (n_days == 0)
        set_message (message, g_strdup_printf (_("Upgrade to LTS %s overdue since today."),
                                               cockpit_release_get_version (latest)));
      else
        set_message (message, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Upgrade to LTS %s overdue by %d day.",
                                                            "Upgrade to LTS %s overdue by %d days.",
                                                            (gulong) n_days),
                                               cockpit_release_get_version (latest), n_days));
      return COCKPIT_LTS_OVERDUE;
    }
}

/* Whether @releases lists @version as an LTS release. */
static gboolean
is_lts_release (GListModel *releases,
                const char *version)
{
  guint n = g_list_model_get_n_items (releases);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CockpitRelease) release = g_list_model_get_item (releases, i);

      if (cockpit_release_get_lts (release) &&
          cockpit_version_compare_strings (cockpit_release_get_version (release), version, NULL) == 0)
        return TRUE;
    }
  return FALSE;
}

CockpitLtsState
cockpit_rules_lts_summary (CockpitEnvironment  *environment,
                           GListModel          *releases,
                           GDateTime           *now,
                           char               **message)
{
  g_autofree char *text = NULL;
  CockpitRelease *latest = NULL;
  CockpitLtsState state;
  const char *version;

  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (environment), COCKPIT_LTS_NOT_APPLICABLE);
  g_return_val_if_fail (G_IS_LIST_MODEL (releases), COCKPIT_LTS_NOT_APPLICABLE);
  g_return_val_if_fail (now != NULL, COCKPIT_LTS_NOT_APPLICABLE);

  state = cockpit_rules_lts_status (environment, releases, now, &latest, NULL, &text);
  version = cockpit_environment_get_magnolia_version (environment);

  /* "On time" means at or past the latest LTS version; past it, the
   * version may be a release of a newer branch that is not LTS. */
  if (state == COCKPIT_LTS_ON_TIME && !is_lts_release (releases, version))
    {
      g_free (text);
      /* Translators: "On 6.4.3, which is not an LTS release. The latest LTS release is 6.3.21." */
      text = g_strdup_printf (_("On %s, which is not an LTS release. The latest LTS release is %s."),
                              version, cockpit_release_get_version (latest));
      state = COCKPIT_LTS_NEWER_NOT_LTS;
    }

  set_message (message, g_steal_pointer (&text));
  return state;
}
