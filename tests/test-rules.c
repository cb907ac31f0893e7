/* test-rules.c: table-driven tests of the domain's rules.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cockpit-model.h"

#include "test-package-spec.h"

static GDateTime *
now_plus (const char *base,
          GTimeSpan   delta)
{
  g_autoptr(GDateTime) time = cockpit_date_time_parse (base);
  return g_date_time_add (time, delta);
}

#define READY { NULL, FALSE, { "6.3.18" }, { "6.3.18" }, { "6.3.18" } }

static void
test_offered_versions (void)
{
  g_autoptr(GListStore) releases = make_releases ();
  static const struct {
    const char *current;
    const char *expected;
  } cases[] = {
    { "6.3.18", "6.4.3 6.4.2 6.3.21 6.3.19" },
    { "6.2.42", "6.4.3 6.4.2 6.3.21 6.3.19 6.3.18 6.2.66 6.2.42-sp1" },
    { "6.2.42-sp1", "6.4.3 6.4.2 6.3.21 6.3.19 6.3.18 6.2.66" },
    { "6.4.3", "" },
    { "7.0.0", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PackageSpec spec = READY;
      g_autoptr(CockpitPackage) package = NULL;
      g_autoptr(GListStore) offered = NULL;
      g_autoptr(GString) got = g_string_new (NULL);

      spec.uat.version = cases[i].current;
      package = make_package (&spec);
      offered = cockpit_rules_offered_versions (cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_UAT),
                                                G_LIST_MODEL (releases));
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (offered)); j++)
        {
          g_autoptr(CockpitRelease) release = g_list_model_get_item (G_LIST_MODEL (offered), j);
          g_string_append_printf (got, "%s%s", j ? " " : "", cockpit_release_get_version (release));
        }
      g_assert_cmpstr (got->str, ==, cases[i].expected);
    }
}

static void
test_check_upgrade (void)
{
  g_autoptr(GListStore) releases = make_releases ();
  g_autoptr(GListStore) nothing = g_list_store_new (COCKPIT_TYPE_RELEASE);
  static const struct {
    const char *name;
    PackageSpec spec;
    CockpitEnvironmentKind kind;
    gboolean nothing_newer;
    CockpitBlockReason expected;
    const char *message_part;
  } cases[] = {
    { "ready live", READY, COCKPIT_ENVIRONMENT_KIND_LIVE, FALSE, COCKPIT_BLOCK_NONE, NULL },
    { "ready integration", READY, COCKPIT_ENVIRONMENT_KIND_INTEGRATION, FALSE, COCKPIT_BLOCK_NONE, NULL },
    { "maintenance", { "Database migration", FALSE, { "6.3.18" }, { "6.3.18" }, { "6.3.18" } },
      COCKPIT_ENVIRONMENT_KIND_UAT, FALSE, COCKPIT_BLOCK_MAINTENANCE, "Database migration" },
    { "maintenance beats busy", { "x", TRUE, { "6.3.18" }, { "6.3.18" }, { "6.3.18" } },
      COCKPIT_ENVIRONMENT_KIND_UAT, FALSE, COCKPIT_BLOCK_MAINTENANCE, "maintenance" },
    { "busy", { NULL, TRUE, { "6.3.18" }, { "6.3.18" }, { "6.3.18" } },
      COCKPIT_ENVIRONMENT_KIND_LIVE, FALSE, COCKPIT_BLOCK_PACKAGE_BUSY, "Another action" },
    { "busy beats protected", { NULL, TRUE, { "6.3.18", TRUE }, { "6.3.18" }, { "6.3.18" } },
      COCKPIT_ENVIRONMENT_KIND_LIVE, FALSE, COCKPIT_BLOCK_PACKAGE_BUSY, NULL },
    { "not set up", { NULL, FALSE, { "6.3.18" }, { "6.3.18" }, { NULL } },
      COCKPIT_ENVIRONMENT_KIND_INTEGRATION, FALSE, COCKPIT_BLOCK_NOT_SET_UP, "Integration" },
    { "protected", { NULL, FALSE, { "6.3.18", TRUE }, { "6.3.18" }, { "6.3.18" } },
      COCKPIT_ENVIRONMENT_KIND_LIVE, FALSE, COCKPIT_BLOCK_PROTECTED, "protected" },
    { "backup exists", { NULL, FALSE, { "6.3.21", FALSE, "2026-11-25T12:00:00Z", "2026-11-27T12:00:00Z" }, { "6.3.18" }, { "6.3.18" } },
      COCKPIT_ENVIRONMENT_KIND_LIVE, FALSE, COCKPIT_BLOCK_UPGRADE_BACKUP_EXISTS, "Fri 27 Nov, 12:00" },
    { "protected beats backup", { NULL, FALSE, { "6.3.21", TRUE, "2026-11-25T12:00:00Z", "2026-11-27T12:00:00Z" }, { "6.3.18" }, { "6.3.18" } },
      COCKPIT_ENVIRONMENT_KIND_LIVE, FALSE, COCKPIT_BLOCK_PROTECTED, NULL },
    { "backup past its removal time", { NULL, FALSE, { "6.3.21", FALSE, "2026-11-24T12:00:00Z", "2026-11-26T12:00:00Z" }, { "6.3.18" }, { "6.3.18" } },
      COCKPIT_ENVIRONMENT_KIND_LIVE, FALSE, COCKPIT_BLOCK_NONE, NULL },
    { "backup one second left", { NULL, FALSE, { "6.3.21", FALSE, "2026-11-24T12:00:01Z", "2026-11-26T12:00:01Z" }, { "6.3.18" }, { "6.3.18" } },
      COCKPIT_ENVIRONMENT_KIND_LIVE, FALSE, COCKPIT_BLOCK_UPGRADE_BACKUP_EXISTS, NULL },
    { "backup does not block uat", { NULL, FALSE, { "6.3.21", FALSE, "2026-11-25T12:00:00Z", "2026-11-27T12:00:00Z" }, { "6.3.18" }, { "6.3.18" } },
      COCKPIT_ENVIRONMENT_KIND_UAT, FALSE, COCKPIT_BLOCK_NONE, NULL },
    { "nothing newer", READY, COCKPIT_ENVIRONMENT_KIND_UAT, TRUE, COCKPIT_BLOCK_NOTHING_NEWER, "newest version" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CockpitPackage) package = make_package (&cases[i].spec);
      g_autoptr(GDateTime) now = cockpit_date_time_parse (NOW);
      CockpitEnvironment *env = cockpit_package_get_environment (package, cases[i].kind);
      g_autoptr(GListStore) offered = NULL;
      g_autofree char *message = NULL;
      CockpitBlockReason reason;

      g_test_message ("case: %s", cases[i].name);
      offered = cases[i].nothing_newer ? g_object_ref (nothing)
                                       : cockpit_rules_offered_versions (env, G_LIST_MODEL (releases));
      reason = cockpit_rules_check_upgrade (package, env, G_LIST_MODEL (offered), now, &message);
      g_assert_cmpint (reason, ==, cases[i].expected);
      if (reason == COCKPIT_BLOCK_NONE)
        g_assert_null (message);
      else
        g_assert_nonnull (message);
      if (cases[i].message_part != NULL)
        g_assert_nonnull (strstr (message, cases[i].message_part));

      /* Without a list of offered versions, "nothing newer" is not judged. */
      reason = cockpit_rules_check_upgrade (package, env, NULL, now, NULL);
      if (cases[i].expected == COCKPIT_BLOCK_NOTHING_NEWER)
        g_assert_cmpint (reason, ==, COCKPIT_BLOCK_NONE);
      else
        g_assert_cmpint (reason, ==, cases[i].expected);
    }
}

static void
test_check_teardown (void)
{
  static const struct {
    const char *name;
    PackageSpec spec;
    CockpitEnvironmentKind kind;
    CockpitBlockReason expected;
  } cases[] = {
    { "ready uat", READY, COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_BLOCK_NONE },
    { "ready live", READY, COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_BLOCK_NONE },
    { "maintenance", { "m", FALSE, { "6.3.18" }, { "6.3.18" }, { "6.3.18" } },
      COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_BLOCK_MAINTENANCE },
    { "busy", { NULL, TRUE, { "6.3.18" }, { "6.3.18" }, { "6.3.18" } },
      COCKPIT_ENVIRONMENT_KIND_INTEGRATION, COCKPIT_BLOCK_PACKAGE_BUSY },
    { "already torn down", { NULL, FALSE, { "6.3.18" }, { NULL }, { "6.3.18" } },
      COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_BLOCK_NOT_SET_UP },
    { "protected", { NULL, FALSE, { "6.3.18" }, { "6.3.18", TRUE }, { "6.3.18" } },
      COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_BLOCK_PROTECTED },
    { "live with backup", { NULL, FALSE, { "6.3.21", FALSE, "2026-11-25T12:00:00Z", "2026-11-27T12:00:00Z" }, { "6.3.18" }, { "6.3.18" } },
      COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_BLOCK_UPGRADE_BACKUP_EXISTS },
    { "live with expired backup", { NULL, FALSE, { "6.3.21", FALSE, "2026-11-20T12:00:00Z", "2026-11-22T12:00:00Z" }, { "6.3.18" }, { "6.3.18" } },
      COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_BLOCK_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CockpitPackage) package = make_package (&cases[i].spec);
      g_autoptr(GDateTime) now = cockpit_date_time_parse (NOW);
      g_autofree char *message = NULL;
      CockpitBlockReason reason;

      g_test_message ("case: %s", cases[i].name);
      reason = cockpit_rules_check_teardown (package, cockpit_package_get_environment (package, cases[i].kind),
                                             now, &message);
      g_assert_cmpint (reason, ==, cases[i].expected);
      g_assert_true ((reason == COCKPIT_BLOCK_NONE) == (message == NULL));
    }
}

static void
test_check_backup_actions (void)
{
  PackageSpec with_backup = { NULL, FALSE, { "6.3.21", FALSE, "2026-11-25T12:00:00Z", "2026-11-27T12:00:00Z" }, { "6.3.18" }, { "6.3.18" } };
  PackageSpec ready = READY;
  g_autoptr(CockpitPackage) package = make_package (&with_backup);
  g_autoptr(CockpitPackage) plain = make_package (&ready);
  g_autoptr(GDateTime) now = cockpit_date_time_parse (NOW);
  CockpitEnvironment *live = cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_LIVE);
  CockpitEnvironment *uat = cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_UAT);
  g_autofree char *message = NULL;

  g_assert_cmpint (cockpit_rules_check_upgrade_backup_action (package, live, now, NULL), ==, COCKPIT_BLOCK_NONE);
  g_assert_cmpint (cockpit_rules_check_extend (package, live, now, NULL), ==, COCKPIT_BLOCK_NONE);
  g_assert_cmpint (cockpit_rules_check_upgrade_backup_action (plain, cockpit_package_get_environment (plain, COCKPIT_ENVIRONMENT_KIND_LIVE), now, &message),
                   ==, COCKPIT_BLOCK_NO_UPGRADE_BACKUP);
  g_assert_nonnull (message);

  g_assert_cmpint (cockpit_rules_check_manual_backup (package, live, NULL), ==, COCKPIT_BLOCK_NONE);
  g_assert_cmpint (cockpit_rules_check_manual_backup (package, uat, NULL), ==, COCKPIT_BLOCK_NOT_LIVE);
}

/* The 48 hour and 5 day edges of an upgrade backup made at noon on the 24th. */
static void
test_upgrade_backup_times (void)
{
  static const struct {
    const char *expires;
    GTimeSpan   since_creation;
    GTimeSpan   expected_left;
    gboolean    can_extend;
    const char *text;
  } cases[] = {
    { "2026-11-26T12:00:00Z", 0, 48 * G_TIME_SPAN_HOUR, TRUE, "2 days 0 h" },
    { "2026-11-26T12:00:00Z", 16 * G_TIME_SPAN_HOUR + 48 * G_TIME_SPAN_MINUTE,
      31 * G_TIME_SPAN_HOUR + 12 * G_TIME_SPAN_MINUTE, TRUE, "31 h 12 min" },
    { "2026-11-26T12:00:00Z", 48 * G_TIME_SPAN_HOUR - G_TIME_SPAN_SECOND, G_TIME_SPAN_SECOND, TRUE, "less than a minute" },
    { "2026-11-26T12:00:00Z", 48 * G_TIME_SPAN_HOUR - 5 * G_TIME_SPAN_MINUTE, 5 * G_TIME_SPAN_MINUTE, TRUE, "5 min" },
    { "2026-11-26T12:00:00Z", 48 * G_TIME_SPAN_HOUR, 0, FALSE, "less than a minute" },
    { "2026-11-26T12:00:00Z", 49 * G_TIME_SPAN_HOUR, 0, FALSE, "less than a minute" },
    /* Extended to the maximum: 5 days after creation. */
    { "2026-11-29T12:00:00Z", 48 * G_TIME_SPAN_HOUR, 72 * G_TIME_SPAN_HOUR, FALSE, "3 days 0 h" },
    { "2026-11-29T12:00:00Z", 5 * G_TIME_SPAN_DAY - G_TIME_SPAN_SECOND, G_TIME_SPAN_SECOND, FALSE, "less than a minute" },
    { "2026-11-29T12:00:00Z", 5 * G_TIME_SPAN_DAY, 0, FALSE, "less than a minute" },
    /* Extended part of the way: can go further. */
    { "2026-11-28T12:00:00Z", 3 * G_TIME_SPAN_DAY, G_TIME_SPAN_DAY, TRUE, "24 h 0 min" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CockpitUpgradeBackup) backup = g_object_new (COCKPIT_TYPE_UPGRADE_BACKUP, NULL);
      g_autoptr(GDateTime) created = cockpit_date_time_parse ("2026-11-24T12:00:00Z");
      g_autoptr(GDateTime) expires = cockpit_date_time_parse (cases[i].expires);
      g_autoptr(GDateTime) now = g_date_time_add (created, cases[i].since_creation);
      g_autoptr(GDateTime) limit = NULL;
      g_autofree char *limit_text = NULL;
      g_autofree char *text = NULL;
      GTimeSpan left;
      double fraction;

      g_test_message ("case %u", i);
      cockpit_upgrade_backup_set_created_at (backup, created);
      cockpit_upgrade_backup_set_expires_at (backup, expires);

      left = cockpit_rules_upgrade_backup_time_left (backup, now);
      g_assert_cmpint (left, ==, cases[i].expected_left);
      g_assert_cmpint (cockpit_rules_upgrade_backup_can_extend (backup, now), ==, cases[i].can_extend);
      text = cockpit_format_time_span (left);
      g_assert_cmpstr (text, ==, cases[i].text);

      fraction = cockpit_rules_upgrade_backup_fraction_left (backup, now);
      g_assert_cmpfloat (fraction, >=, 0.0);
      g_assert_cmpfloat (fraction, <=, 1.0);
      g_assert_cmpfloat_with_epsilon (fraction,
                                      (double) cases[i].expected_left /
                                      (double) g_date_time_difference (expires, created), 1e-9);

      limit = cockpit_rules_upgrade_backup_limit (backup);
      limit_text = cockpit_date_time_format (limit);
      g_assert_cmpstr (limit_text, ==, "2026-11-29T12:00:00Z");
    }
}

static void
test_order_warning (void)
{
  static const struct {
    const char *name;
    PackageSpec spec;
    CockpitEnvironmentKind kind;
    const char *target;
    CockpitOrderWarning expected;
    const char *message;
  } cases[] = {
    { "integration never warns", READY, COCKPIT_ENVIRONMENT_KIND_INTEGRATION, "6.3.21", COCKPIT_ORDER_OK, NULL },
    { "uat before integration", READY, COCKPIT_ENVIRONMENT_KIND_UAT, "6.3.21", COCKPIT_ORDER_INTEGRATION_BEHIND,
      "Integration is still on 6.3.18. We recommend upgrading and testing Integration on 6.3.21 before UAT." },
    { "uat after integration", { NULL, FALSE, { "6.3.18" }, { "6.3.18" }, { "6.3.21" } },
      COCKPIT_ENVIRONMENT_KIND_UAT, "6.3.21", COCKPIT_ORDER_OK, NULL },
    { "integration already newer", { NULL, FALSE, { "6.3.18" }, { "6.3.18" }, { "6.4.3" } },
      COCKPIT_ENVIRONMENT_KIND_UAT, "6.3.21", COCKPIT_ORDER_OK, NULL },
    { "live before uat", { NULL, FALSE, { "6.3.18" }, { "6.3.19" }, { "6.3.21" } },
      COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.21", COCKPIT_ORDER_UAT_BEHIND,
      "UAT is still on 6.3.19. We recommend upgrading and testing UAT on 6.3.21 before Live." },
    { "live after uat", { NULL, FALSE, { "6.3.18" }, { "6.3.21" }, { "6.3.18" } },
      COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.21", COCKPIT_ORDER_OK, NULL },
    { "service pack counts", { NULL, FALSE, { "6.2.42" }, { "6.2.42" }, { "6.2.42" } },
      COCKPIT_ENVIRONMENT_KIND_LIVE, "6.2.42-sp1", COCKPIT_ORDER_UAT_BEHIND, NULL },
    { "uat not set up", { NULL, FALSE, { "6.3.18" }, { NULL }, { "6.3.18" } },
      COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.21", COCKPIT_ORDER_OK, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CockpitPackage) package = make_package (&cases[i].spec);
      g_autofree char *message = NULL;
      CockpitOrderWarning warning;

      g_test_message ("case: %s", cases[i].name);
      warning = cockpit_rules_order_warning (package, cases[i].kind, cases[i].target, &message);
      g_assert_cmpint (warning, ==, cases[i].expected);
      g_assert_true ((warning == COCKPIT_ORDER_OK) == (message == NULL));
      if (cases[i].message != NULL)
        g_assert_cmpstr (message, ==, cases[i].message);
    }
}

/* The latest LTS in make_releases() is 6.3.21 of 2026-10-01 12:00 UTC;
 * its deadline is 2026-11-30 12:00 UTC. */
static void
test_lts_status (void)
{
  static const struct {
    const char     *version;
    const char     *now;
    GTimeSpan       delta;
    CockpitLtsState expected;
    int             days;
    const char     *message;
  } cases[] = {
    { "6.3.21", NOW, 0, COCKPIT_LTS_ON_TIME, 0, "On the latest LTS release, 6.3.21." },
    { "6.4.3", NOW, 0, COCKPIT_LTS_ON_TIME, 0, NULL },
    { "6.3.18", "2026-10-01T12:00:00Z", 0, COCKPIT_LTS_DUE, 60, "Upgrade to LTS 6.3.21 due in 60 days." },
    { "6.3.18", NOW, 0, COCKPIT_LTS_DUE, 4, "Upgrade to LTS 6.3.21 due in 4 days." },
    { "6.3.18", "2026-11-30T12:00:00Z", -G_TIME_SPAN_SECOND, COCKPIT_LTS_DUE, 1, "Upgrade to LTS 6.3.21 due in 1 day." },
    { "6.3.18", "2026-11-29T12:00:00Z", 0, COCKPIT_LTS_DUE, 1, NULL },
    { "6.3.18", "2026-11-29T12:00:00Z", -G_TIME_SPAN_SECOND, COCKPIT_LTS_DUE, 2, NULL },
    { "6.3.18", "2026-11-30T12:00:00Z", 0, COCKPIT_LTS_OVERDUE, 0, "Upgrade to LTS 6.3.21 overdue since today." },
    { "6.3.18", "2026-12-01T12:00:00Z", -G_TIME_SPAN_SECOND, COCKPIT_LTS_OVERDUE, 0, NULL },
    { "6.3.18", "2026-12-01T12:00:00Z", 0, COCKPIT_LTS_OVERDUE, 1, "Upgrade to LTS 6.3.21 overdue by 1 day." },
    { "6.2.66", "2027-01-30T12:00:00Z", 0, COCKPIT_LTS_OVERDUE, 61, "Upgrade to LTS 6.3.21 overdue by 61 days." },
    { NULL, NOW, 0, COCKPIT_LTS_NOT_APPLICABLE, 0, NULL },
  };
  g_autoptr(GListStore) releases = make_releases ();
  g_autoptr(GListStore) no_lts = g_list_store_new (COCKPIT_TYPE_RELEASE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PackageSpec spec = READY;
      g_autoptr(CockpitPackage) package = NULL;
      g_autoptr(GDateTime) now = now_plus (cases[i].now, cases[i].delta);
      g_autofree char *message = NULL;
      CockpitRelease *latest = NULL;
      CockpitEnvironment *env;
      CockpitLtsState state;
      int days = -1;

      g_test_message ("case %u", i);
      spec.live.version = cases[i].version;
      package = make_package (&spec);
      env = cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_LIVE);
      state = cockpit_rules_lts_status (env, G_LIST_MODEL (releases), now, &latest, &days, &message);
      g_assert_cmpint (state, ==, cases[i].expected);
      g_assert_cmpint (days, ==, cases[i].days);
      if (cases[i].message != NULL)
        g_assert_cmpstr (message, ==, cases[i].message);
      if (state == COCKPIT_LTS_NOT_APPLICABLE)
        g_assert_null (message);
      else
        g_assert_cmpstr (cockpit_release_get_version (latest), ==, "6.3.21");

      /* No LTS release known: nothing to say. */
      g_clear_pointer (&message, g_free);
      state = cockpit_rules_lts_status (env, G_LIST_MODEL (no_lts), now, &latest, &days, &message);
      g_assert_cmpint (state, ==, COCKPIT_LTS_NOT_APPLICABLE);
      g_assert_null (latest);
      g_assert_null (message);
    }
}

/* What the card says: a version past the latest LTS release that is not
 * LTS itself is not "on the latest LTS release". */
static void
test_lts_summary (void)
{
  static const struct {
    const char     *version;
    CockpitLtsState expected;
    const char     *message;
  } cases[] = {
    { "6.3.21", COCKPIT_LTS_ON_TIME, "On the latest LTS release, 6.3.21." },
    { "6.4.3", COCKPIT_LTS_NEWER_NOT_LTS, "On 6.4.3, which is not an LTS release. The latest LTS release is 6.3.21." },
    { "6.4.2", COCKPIT_LTS_NEWER_NOT_LTS, "On 6.4.2, which is not an LTS release. The latest LTS release is 6.3.21." },
    /* Not a known release, so not known to be LTS. */
    { "6.5.0", COCKPIT_LTS_NEWER_NOT_LTS, "On 6.5.0, which is not an LTS release. The latest LTS release is 6.3.21." },
    { "6.3.18", COCKPIT_LTS_DUE, "Upgrade to LTS 6.3.21 due in 4 days." },
    { NULL, COCKPIT_LTS_NOT_APPLICABLE, NULL },
  };
  g_autoptr(GListStore) releases = make_releases ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PackageSpec spec = READY;
      g_autoptr(CockpitPackage) package = NULL;
      g_autoptr(GDateTime) now = now_plus (NOW, 0);
      g_autofree char *message = NULL;
      CockpitEnvironment *env;

      g_test_message ("case %u", i);
      spec.live.version = cases[i].version;
      package = make_package (&spec);
      env = cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_LIVE);
      g_assert_cmpint (cockpit_rules_lts_summary (env, G_LIST_MODEL (releases), now, &message),
                       ==, cases[i].expected);
      g_assert_cmpstr (message, ==, cases[i].message);
      g_assert_cmpint (cockpit_rules_lts_summary (env, G_LIST_MODEL (releases), now, NULL),
                       ==, cases[i].expected);
    }
}

static void
test_format_date_time (void)
{
  g_autoptr(GDateTime) time = cockpit_date_time_parse ("2026-11-27T14:05:00Z");
  g_autofree char *short_text = cockpit_format_date_time (time, COCKPIT_DATE_SHORT);
  g_autofree char *year_text = cockpit_format_date_time (time, COCKPIT_DATE_WITH_YEAR);
  g_autofree char *long_text = cockpit_format_date_time (time, COCKPIT_DATE_LONG);

  /* The tests run with TZ=UTC, so local time is UTC here. */
  g_assert_cmpstr (short_text, ==, "Fri 27 Nov, 14:05");
  g_assert_cmpstr (year_text, ==, "Fri 27 Nov 2026, 14:05");
  g_assert_cmpstr (long_text, ==, "Friday 27 November 2026 at 14:05");

  /* The desktop's 12-hour clock. */
  cockpit_format_set_12_hour (TRUE);
  {
    g_autoptr(GDateTime) morning = cockpit_date_time_parse ("2026-11-27T09:30:00Z");
    g_autofree char *short_12 = cockpit_format_date_time (time, COCKPIT_DATE_SHORT);
    g_autofree char *year_12 = cockpit_format_date_time (time, COCKPIT_DATE_WITH_YEAR);
    g_autofree char *long_12 = cockpit_format_date_time (time, COCKPIT_DATE_LONG);
    g_autofree char *morning_12 = cockpit_format_date_time (morning, COCKPIT_DATE_SHORT);

    g_assert_cmpstr (short_12, ==, "Fri 27 Nov, 2:05 PM");
    g_assert_cmpstr (year_12, ==, "Fri 27 Nov 2026, 2:05 PM");
    g_assert_cmpstr (long_12, ==, "Friday 27 November 2026 at 2:05 PM");
    g_assert_cmpstr (morning_12, ==, "Fri 27 Nov, 9:30 AM");
  }
  cockpit_format_set_12_hour (FALSE);
}

/* UTC whatever zone the time is in, and whatever the local zone is. */
static void
test_format_date_time_utc (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("+05:30");
  g_autoptr(GDateTime) time = g_date_time_new (zone, 2026, 11, 27, 19, 35, 0);
  g_autofree char *utc_text = cockpit_format_date_time (time, COCKPIT_DATE_UTC);

  g_assert_cmpstr (utc_text, ==, "2026-11-27 14:05 UTC");
}

static void
test_labels (void)
{
  g_assert_cmpstr (cockpit_environment_kind_get_label (COCKPIT_ENVIRONMENT_KIND_LIVE), ==, "Live");
  g_assert_cmpstr (cockpit_environment_kind_get_label (COCKPIT_ENVIRONMENT_KIND_UAT), ==, "UAT");
  g_assert_cmpstr (cockpit_environment_kind_get_label (COCKPIT_ENVIRONMENT_KIND_INTEGRATION), ==, "Integration");
  g_assert_cmpstr (cockpit_stage_name_get_label (COCKPIT_STAGE_VERIFY_REPLICA), ==, "Verify replica");
  g_assert_cmpstr (cockpit_environment_state_get_label (COCKPIT_ENVIRONMENT_STATE_BACKING_UP), ==, "Backing up");
  g_assert_cmpstr (cockpit_action_kind_get_label (COCKPIT_ACTION_KIND_TEARDOWN), ==, "Tear down");

  /* Every value of each enum has a label. */
  for (int i = COCKPIT_STAGE_CREATE_REPLICA; i <= COCKPIT_STAGE_TEARDOWN; i++)
    g_assert_cmpstr (cockpit_stage_name_get_label (i), !=, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/rules/offered-versions", test_offered_versions);
  g_test_add_func ("/cockpit/rules/upgrade", test_check_upgrade);
  g_test_add_func ("/cockpit/rules/teardown", test_check_teardown);
  g_test_add_func ("/cockpit/rules/backup-actions", test_check_backup_actions);
  g_test_add_func ("/cockpit/rules/upgrade-backup-times", test_upgrade_backup_times);
  g_test_add_func ("/cockpit/rules/order-warning", test_order_warning);
  g_test_add_func ("/cockpit/rules/lts-status", test_lts_status);
  g_test_add_func ("/cockpit/rules/lts-summary", test_lts_summary);
  g_test_add_func ("/cockpit/rules/labels", test_labels);
  g_test_add_func ("/cockpit/rules/format-date-time", test_format_date_time);
  g_test_add_func ("/cockpit/rules/format-date-time/utc", test_format_date_time_utc);

  return g_test_run ();
}
