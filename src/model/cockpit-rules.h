/* cockpit-rules.h: the domain's rules as pure functions.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each check answers with a reason code, COCKPIT_BLOCK_NONE when the
 * answer is yes, and optionally a sentence for people saying why not and
 * what to do.  Time always comes in as @now, so that the rules can be
 * tested at the 48 hour, 5 day and 60 day edges.
 */
#pragma once

#include <gio/gio.h>

#include "cockpit-types.h"

G_BEGIN_DECLS

/* How long an upgrade backup is kept, the longest self-service
 * extension counted from its creation, and the LTS upgrade deadline. */
#define COCKPIT_UPGRADE_BACKUP_KEPT        (48 * G_TIME_SPAN_HOUR)
#define COCKPIT_UPGRADE_BACKUP_MAX_KEPT    (5 * G_TIME_SPAN_DAY)
#define COCKPIT_LTS_DEADLINE               (60 * G_TIME_SPAN_DAY)

typedef enum {
  COCKPIT_BLOCK_NONE,
  COCKPIT_BLOCK_MAINTENANCE,
  COCKPIT_BLOCK_PACKAGE_BUSY,
  COCKPIT_BLOCK_NOT_SET_UP,
  COCKPIT_BLOCK_PROTECTED,
  COCKPIT_BLOCK_UPGRADE_BACKUP_EXISTS,
  COCKPIT_BLOCK_NOTHING_NEWER,
  COCKPIT_BLOCK_NOT_LIVE,
  COCKPIT_BLOCK_NO_UPGRADE_BACKUP,
  COCKPIT_BLOCK_EXTENSION_LIMIT,
  COCKPIT_BLOCK_NO_ENVIRONMENT,
  COCKPIT_BLOCK_PLAN_EXISTS,      /* a plan is scheduled, running or waiting */
  COCKPIT_BLOCK_NOT_WAITING,      /* no step waits for an approval */
  COCKPIT_BLOCK_NO_PLAN,          /* nothing to cancel */
} CockpitBlockReason;

typedef enum {
  COCKPIT_ORDER_OK,
  COCKPIT_ORDER_INTEGRATION_BEHIND,
  COCKPIT_ORDER_UAT_BEHIND,
} CockpitOrderWarning;

typedef enum {
  COCKPIT_LTS_NOT_APPLICABLE,
  COCKPIT_LTS_ON_TIME,
  COCKPIT_LTS_DUE,
  COCKPIT_LTS_OVERDUE,
  COCKPIT_LTS_NEWER_NOT_LTS,  /* only from cockpit_rules_lts_summary() */
} CockpitLtsState;

/* "Live", "UAT", "Integration". */
const char          *cockpit_environment_kind_get_label       (CockpitEnvironmentKind  kind);

/* "Verify replica", "Keep upgrade backup", ... */
const char          *cockpit_stage_name_get_label             (CockpitStageName        stage);
/* "Running", "Upgrading", "Not set up", ... */
const char          *cockpit_environment_state_get_label      (CockpitEnvironmentState state);
/* "Upgrade", "Extend upgrade backup", ... */
const char          *cockpit_action_kind_get_label            (CockpitActionKind       kind);

/* TRUE while the package runs an action. */
gboolean             cockpit_rules_package_is_busy            (CockpitPackage         *package);

/* The upgrade backup of @environment that still exists at @now, or NULL. */
CockpitUpgradeBackup *cockpit_rules_live_upgrade_backup       (CockpitEnvironment     *environment,
                                                               GDateTime              *now);

/* The checks every action shares: maintenance first, then another
 * running action.  @busy: the app itself knows of one (the package's own
 * running action counts without it). */
CockpitBlockReason   cockpit_rules_check_package              (CockpitPackage         *package,
                                                               gboolean                busy,
                                                               char                  **message);

/* Releases of @releases newer than the environment's version, highest
 * first.  Entries whose version does not parse are left out. */
GListStore          *cockpit_rules_offered_versions           (CockpitEnvironment     *environment,
                                                               GListModel             *releases);

/* @offered: the versions offered for this environment, or NULL when not
 * known yet (then "nothing newer" is not checked). */
CockpitBlockReason   cockpit_rules_check_upgrade              (CockpitPackage         *package,
                                                               CockpitEnvironment     *environment,
                                                               GListModel             *offered,
                                                               GDateTime              *now,
                                                               char                  **message);

/* Whether a plan may include @environment (contract v1.1): it is set up,
 * not protected, (Live) has no upgrade backup, and @target_version (NULL:
 * any version) is newer than its version.  @offered as for
 * cockpit_rules_check_upgrade().  A busy package does not block a plan. */
CockpitBlockReason   cockpit_rules_check_plan_environment     (CockpitPackage         *package,
                                                               CockpitEnvironment     *environment,
                                                               const char             *target_version,
                                                               GListModel             *offered,
                                                               GDateTime              *now,
                                                               char                  **message);

/* Whether a new plan may be made for @package: no maintenance, no active
 * plan, and at least one environment a plan may include. */
CockpitBlockReason   cockpit_rules_check_plan                 (CockpitPackage         *package,
                                                               GListModel             *releases,
                                                               GDateTime              *now,
                                                               char                  **message);

CockpitBlockReason   cockpit_rules_check_teardown             (CockpitPackage         *package,
                                                               CockpitEnvironment     *environment,
                                                               GDateTime              *now,
                                                               char                  **message);

CockpitBlockReason   cockpit_rules_check_manual_backup        (CockpitPackage         *package,
                                                               CockpitEnvironment     *environment,
                                                               char                  **message);

/* For deleting or restoring the upgrade backup. */
CockpitBlockReason   cockpit_rules_check_upgrade_backup_action (CockpitPackage        *package,
                                                               CockpitEnvironment     *environment,
                                                               GDateTime              *now,
                                                               char                  **message);

CockpitBlockReason   cockpit_rules_check_extend               (CockpitPackage         *package,
                                                               CockpitEnvironment     *environment,
                                                               GDateTime              *now,
                                                               char                  **message);

/* The recommended order: Integration, then UAT, then Live. */
CockpitOrderWarning  cockpit_rules_order_warning              (CockpitPackage         *package,
                                                               CockpitEnvironmentKind  kind,
                                                               const char             *target_version,
                                                               char                  **message);

/* Upgrade backup times.  The limit is 5 days after creation. */
GDateTime           *cockpit_rules_upgrade_backup_limit       (CockpitUpgradeBackup   *backup);
GTimeSpan            cockpit_rules_upgrade_backup_time_left   (CockpitUpgradeBackup   *backup,
                                                               GDateTime              *now);
/* Time left as a share of the backup's current span, 0.0 to 1.0. */
double               cockpit_rules_upgrade_backup_fraction_left (CockpitUpgradeBackup *backup,
                                                               GDateTime              *now);
gboolean             cockpit_rules_upgrade_backup_can_extend  (CockpitUpgradeBackup   *backup,
                                                               GDateTime              *now);

typedef enum {
  COCKPIT_DATE_SHORT,      /* "Fri 27 Nov, 14:05" */
  COCKPIT_DATE_WITH_YEAR,  /* "Fri 27 Nov 2026, 14:05" */
  COCKPIT_DATE_LONG,       /* "Friday 27 November 2026 at 14:05", in sentences */
  COCKPIT_DATE_UTC,        /* "2026-11-27 14:05 UTC", where people compare with the cockpit */
} CockpitDateStyle;

/* A time as people read it, in the local time zone (in UTC for
 * COCKPIT_DATE_UTC), with the clock of cockpit_format_set_12_hour()
 * (24-hour by default).  The one formatter of times for people; times for
 * files and the contract are cockpit_date_time_format()'s. */
char                *cockpit_format_date_time                 (GDateTime              *time,
                                                               CockpitDateStyle        style);
void                 cockpit_format_set_12_hour               (gboolean                twelve);
gboolean             cockpit_format_get_12_hour               (void);

/* "31 h 12 min", "3 days 4 h", "less than a minute". */
char                *cockpit_format_time_span                 (GTimeSpan               span);

/* LTS status: on the latest LTS release, or due / overdue by @days
 * counted from the LTS release date + 60 days.  @latest_lts (transfer
 * none) is the latest LTS release, when there is one. */
CockpitLtsState      cockpit_rules_lts_status                 (CockpitEnvironment     *environment,
                                                               GListModel             *releases,
                                                               GDateTime              *now,
                                                               CockpitRelease        **latest_lts,
                                                               int                    *days,
                                                               char                  **message);

/* The LTS status as it is shown for @environment: that of
 * cockpit_rules_lts_status(), except that a version newer than the
 * latest LTS release which is not an LTS release itself (6.4.3 when the
 * latest LTS is 6.3.21) is COCKPIT_LTS_NEWER_NOT_LTS, with a message
 * saying so, rather than "on the latest LTS release". */
CockpitLtsState      cockpit_rules_lts_summary                (CockpitEnvironment     *environment,
                                                               GListModel             *releases,
                                                               GDateTime              *now,
                                                               char                  **message);

G_END_DECLS
