/* cockpit-package-page-backups.c: the package page's questions on the backups of Live.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A manual backup replaces the last one; the upgrade backup, kept for a
 * while after Live was upgraded, may be kept longer, rolled back to or
 * deleted.  Each question says what it means for Live, with dates.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-package-page-private.h"

static CockpitEnvironment *
live_with_backup (CockpitPackagePage    *self,
                  CockpitUpgradeBackup **backup)
{
  g_autoptr(GDateTime) now = NULL;
  CockpitEnvironment *live;

  if (self->package == NULL || self->session == NULL)
    return NULL;
  live = cockpit_package_get_environment (self->package, COCKPIT_ENVIRONMENT_KIND_LIVE);
  if (live == NULL)
    return NULL;
  now = cockpit_session_dup_now (self->session);
  *backup = cockpit_rules_live_upgrade_backup (live, now);
  return *backup != NULL ? live : NULL;
}

void
_cockpit_package_page_extend_backup (CockpitPackagePage *self)
{
  CockpitUpgradeBackup *backup = NULL;
  CockpitEnvironment *live = live_with_backup (self, &backup);
  g_autoptr(GDateTime) limit = NULL;
  g_autofree char *until = NULL;
  g_autofree char *now_until = NULL;
  g_autofree char *body = NULL;

  if (live == NULL)
    return;

  limit = cockpit_rules_upgrade_backup_limit (backup);
  until = cockpit_format_date_time (limit, COCKPIT_DATE_LONG);
  now_until = cockpit_format_date_time (cockpit_upgrade_backup_get_expires_at (backup), COCKPIT_DATE_LONG);
  body = g_strdup_printf (_("The upgrade backup of Live will be kept until %s, 5 days after it was made, instead of being removed on %s.\n\nTo keep it longer than that, contact the Cloud Helpdesk."),
                          until, now_until);
  _cockpit_package_page_confirm (self, COCKPIT_USER_ACTION_EXTEND_UPGRADE_BACKUP, live, COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP,
                                 _("Keep the Upgrade Backup Longer?"), body, _("_Extend to 5 Days"), ADW_RESPONSE_SUGGESTED);
}

void
_cockpit_package_page_delete_backup (CockpitPackagePage *self)
{
  CockpitUpgradeBackup *backup = NULL;
  CockpitEnvironment *live = live_with_backup (self, &backup);
  g_autofree char *body = NULL;

  if (live == NULL)
    return;

  body = g_strdup_printf (_("Live can then no longer be rolled back to Magnolia %s.\n\nOnce the backup is deleted, Live can be upgraded again or torn down."),
                          cockpit_upgrade_backup_get_from_version (backup));
  _cockpit_package_page_confirm (self, COCKPIT_USER_ACTION_DELETE_UPGRADE_BACKUP, live, COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP,
                                 _("Delete the Upgrade Backup?"), body, _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
}

void
_cockpit_package_page_restore_backup (CockpitPackagePage *self)
{
  CockpitUpgradeBackup *backup = NULL;
  CockpitEnvironment *live = live_with_backup (self, &backup);
  g_autofree char *heading = NULL;
  g_autofree char *since = NULL;
  g_autofree char *body = NULL;

  if (live == NULL)
    return;

  since = cockpit_format_date_time (cockpit_upgrade_backup_get_created_at (backup), COCKPIT_DATE_LONG);
  heading = g_strdup_printf (_("Roll Live Back to %s?"), cockpit_upgrade_backup_get_from_version (backup));
  body = g_strdup_printf (_("Live goes back to the installation it had before the upgrade to %s.\n\nContent edited on Live since the upgrade on %s may be lost. The upgrade backup is used up by the restore."),
                          cockpit_upgrade_backup_get_to_version (backup), since);
  _cockpit_package_page_confirm (self, COCKPIT_USER_ACTION_RESTORE_UPGRADE_BACKUP, live, COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP,
                                 heading, body, _("_Restore"), ADW_RESPONSE_DESTRUCTIVE);
}

void
_cockpit_package_page_back_up_live (CockpitPackagePage *self)
{
  CockpitEnvironment *live;
  CockpitBackup *latest;
  g_autofree char *body = NULL;

  if (self->package == NULL)
    return;
  live = cockpit_package_get_environment (self->package, COCKPIT_ENVIRONMENT_KIND_LIVE);
  if (live == NULL)
    return;

  latest = cockpit_environment_get_latest_manual_backup (live);
  if (latest != NULL)
    {
      g_autofree char *when = cockpit_format_date_time (cockpit_backup_get_created_at (latest), COCKPIT_DATE_LONG);
      body = g_strdup_printf (_("A snapshot of the content and configuration of Live is made. Only the newest manual backup is kept, so it replaces the one made on %s."),
                              when);
    }
  else
    body = g_strdup (_("A snapshot of the content and configuration of Live is made."));

  _cockpit_package_page_confirm (self, COCKPIT_USER_ACTION_BACK_UP_LIVE, live, COCKPIT_ACTION_KIND_CREATE_BACKUP,
                                 _("Back Up Live Now?"), body, _("_Back Up"), ADW_RESPONSE_SUGGESTED);
}

