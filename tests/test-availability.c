/* test-availability.c: table-driven tests of the one answer to "what can be done now, and why not".
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cockpit-model.h"

#include "test-package-spec.h"
#include "test-plan-json.h"


/* One letter per user action, in the order of CockpitUserAction:
 * wizard, upgrade Integration, UAT, Live, back up Live, tear down
 * Integration, UAT, Live, extend, restore, delete, plan an upgrade,
 * approve the plan, cancel it.  "y" allowed; else the block: m
 * maintenance, b busy, n not set up, p protected, u upgrade backup
 * exists, w nothing newer, x no upgrade backup, l extension limit, a no
 * such environment, e a plan exists, q no step waits, o no plan. */
static CockpitBlockReason
block_of (char letter)
{
  switch (letter)
    {
    case 'y': return COCKPIT_BLOCK_NONE;
    case 'm': return COCKPIT_BLOCK_MAINTENANCE;
    case 'b': return COCKPIT_BLOCK_PACKAGE_BUSY;
    case 'n': return COCKPIT_BLOCK_NOT_SET_UP;
    case 'p': return COCKPIT_BLOCK_PROTECTED;
    case 'u': return COCKPIT_BLOCK_UPGRADE_BACKUP_EXISTS;
    case 'w': return COCKPIT_BLOCK_NOTHING_NEWER;
    case 'x': return COCKPIT_BLOCK_NO_UPGRADE_BACKUP;
    case 'l': return COCKPIT_BLOCK_EXTENSION_LIMIT;
    case 'a': return COCKPIT_BLOCK_NO_ENVIRONMENT;
    case 'e': return COCKPIT_BLOCK_PLAN_EXISTS;
    case 'q': return COCKPIT_BLOCK_NOT_WAITING;
    case 'o': return COCKPIT_BLOCK_NO_PLAN;
    default: g_assert_not_reached ();
    }
}

#define BACKUP_FRESH { "6.3.21", FALSE, "2026-11-25T12:00:00Z", "2026-11-27T12:00:00Z" }
#define BACKUP_AT_LIMIT { "6.3.21", FALSE, "2026-11-22T12:00:00Z", "2026-11-27T12:00:00Z" }
#define BACKUP_GONE { "6.3.21", FALSE, "2026-11-24T12:00:00Z", "2026-11-26T12:00:00Z" }

static void
test_table (void)
{
  g_autoptr(GListStore) releases = make_releases ();
  static const struct {
    const char *name;
    PackageSpec spec;
    gboolean    app_busy;
    gboolean    no_releases;
    const char *expected;   /* see block_of () */
    const char *reason_part;
  } cases[] = {
    { "idle", { NULL, FALSE, { "6.3.18" }, { "6.3.18" }, { "6.3.18" } }, FALSE, FALSE,
      "yyyyyyyyxxxyoo", "no upgrade backup" },
    { "maintenance", { "Moving data centre", FALSE, { "6.3.18" }, { "6.3.18" }, { "6.3.18" } }, FALSE, FALSE,
      "mmmmmmmmmmmmoo", "Moving data centre" },
    { "maintenance beats busy", { "Moving", TRUE, { "6.3.18" }, { "6.3.18" }, { "6.3.18" } }, TRUE, FALSE,
      "mmmmmmmmmmmmoo", "maintenance" },
    { "running action listed", { NULL, TRUE, { "6.3.18" }, { "6.3.18" }, { "6.3.18" } }, FALSE, FALSE,
      "bbbbbbbbbbbyoo", "Another action" },
    { "started by this app, not listed yet", { NULL, FALSE, { "6.3.18" }, { "6.3.18" }, { "6.3.18" } }, TRUE, FALSE,
      "bbbbbbbbbbbyoo", "Another action" },
    /* Point 2: while another action runs, the upgrade backup's buttons are off too. */
    { "busy with a backup", { NULL, FALSE, BACKUP_FRESH, { "6.3.18" }, { "6.3.18" } }, TRUE, FALSE,
      "bbbbbbbbbbbyoo", "Wait until it has finished" },
    { "backup extendable", { NULL, FALSE, BACKUP_FRESH, { "6.3.18" }, { "6.3.18" } }, FALSE, FALSE,
      "yyyuyyyuyyyyoo", "upgrade backup" },
    { "backup not extendable", { NULL, FALSE, BACKUP_AT_LIMIT, { "6.3.18" }, { "6.3.18" } }, FALSE, FALSE,
      "yyyuyyyulyyyoo", "5 days" },
    { "backup past its removal", { NULL, FALSE, BACKUP_GONE, { "6.3.18" }, { "6.3.18" } }, FALSE, FALSE,
      "yyyyyyyyxxxyoo", "no upgrade backup" },
    { "protected live", { NULL, FALSE, { "6.3.18", TRUE }, { "6.3.18" }, { "6.3.18" } }, FALSE, FALSE,
      "yyypyyypxxxyoo", "protected" },
    { "integration not set up", { NULL, FALSE, { "6.3.18" }, { "6.3.18" }, { NULL } }, FALSE, FALSE,
      "ynyyynyyxxxyoo", "not set up" },
    { "no uat", { NULL, FALSE, { "6.3.18" }, { "6.3.18", FALSE, NULL, NULL, TRUE }, { "6.3.18" } }, FALSE, FALSE,
      "yyayyyayxxxyoo", "no UAT environment" },
    { "all on the newest", { NULL, FALSE, { "6.4.3" }, { "6.4.3" }, { "6.4.3" } }, FALSE, FALSE,
      "wwwwyyyyxxxwoo", "newest" },
    { "releases not known yet", { NULL, FALSE, { "6.4.3" }, { "6.4.3" }, { "6.4.3" } }, FALSE, TRUE,
      "yyyyyyyyxxxyoo", NULL },
    { "everything torn down", { NULL, FALSE, { NULL }, { NULL }, { NULL } }, FALSE, FALSE,
      "wnnnnnnnxxxwoo", "not set up" },
  };
  g_autoptr(GDateTime) now = cockpit_date_time_parse (NOW);

  g_assert_cmpuint (strlen (cases[0].expected), ==, COCKPIT_N_USER_ACTIONS);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CockpitPackage) package = make_package (&cases[i].spec);
      g_autoptr(CockpitAvailability) availability = NULL;
      gboolean reason_found = cases[i].reason_part == NULL;

      g_test_message ("case: %s", cases[i].name);
      availability = cockpit_availability_new (package, cases[i].no_releases ? NULL : G_LIST_MODEL (releases),
                                               cases[i].app_busy, now);
      g_assert_true (cockpit_availability_get_package (availability) == package);

      for (guint a = 0; a < COCKPIT_N_USER_ACTIONS; a++)
        {
          CockpitBlockReason expected = block_of (cases[i].expected[a]);
          const char *reason = cockpit_availability_get_reason (availability, a);

          if (cockpit_availability_get_block (availability, a) != expected)
            g_error ("%s: %s is %d, expected %d (%s)", cases[i].name, cockpit_user_action_get_name (a),
                     cockpit_availability_get_block (availability, a), expected, reason);
          g_assert_cmpint (cockpit_availability_get_allowed (availability, a), ==, expected == COCKPIT_BLOCK_NONE);

          /* A reason in words exactly when the action is not allowed. */
          if (expected == COCKPIT_BLOCK_NONE)
            g_assert_null (reason);
          else
            {
              g_assert_nonnull (reason);
              g_assert_cmpstr (reason, !=, "");
              if (cases[i].reason_part != NULL && strstr (reason, cases[i].reason_part) != NULL)
                reason_found = TRUE;
            }
        }
      if (!reason_found)
        g_error ("%s: no reason says \"%s\"", cases[i].name, cases[i].reason_part);
    }
}

/* The clock alone changes the answer: at 48 hours the backup is gone. */
static void
test_clock (void)
{
  PackageSpec spec = { NULL, FALSE, BACKUP_FRESH, { "6.3.18" }, { "6.3.18" } };
  g_autoptr(CockpitPackage) package = make_package (&spec);
  g_autoptr(GListStore) releases = make_releases ();
  g_autoptr(GDateTime) before = cockpit_date_time_parse ("2026-11-27T11:59:59Z");
  g_autoptr(GDateTime) after = cockpit_date_time_parse ("2026-11-27T12:00:00Z");
  g_autoptr(CockpitAvailability) a = cockpit_availability_new (package, G_LIST_MODEL (releases), FALSE, before);
  g_autoptr(CockpitAvailability) b = cockpit_availability_new (package, G_LIST_MODEL (releases), FALSE, after);

  g_assert_true (cockpit_availability_get_allowed (a, COCKPIT_USER_ACTION_DELETE_UPGRADE_BACKUP));
  g_assert_false (cockpit_availability_get_allowed (a, COCKPIT_USER_ACTION_UPGRADE_LIVE));
  g_assert_false (cockpit_availability_get_allowed (b, COCKPIT_USER_ACTION_DELETE_UPGRADE_BACKUP));
  g_assert_true (cockpit_availability_get_allowed (b, COCKPIT_USER_ACTION_UPGRADE_LIVE));
}

/* Plans follow their own rules: a running action does not block making
 * one, an active plan does, and approve waits for an approval gate. */
static void
test_plans (void)
{
  static const PackageSpec idle = { NULL, FALSE, { "6.3.18" }, { "6.3.18" }, { "6.3.18" } };
  static const PackageSpec busy = { NULL, TRUE, { "6.3.18" }, { "6.3.18" }, { "6.3.18" } };
  static const PackageSpec maintenance = { "Moving", FALSE, { "6.3.18" }, { "6.3.18" }, { "6.3.18" } };
  g_autoptr(GListStore) releases = make_releases ();
  g_autoptr(GDateTime) now = cockpit_date_time_parse (NOW);
  static const struct {
    const char *name;
    const PackageSpec *spec;
    const char *plan_status;  /* NULL: no plan */
    const char *uat_status;
    const char *expected;     /* plan an upgrade, approve, cancel */
  } cases[] = {
    { "no plan", &idle, NULL, NULL, "yoo" },
    { "no plan, busy", &busy, NULL, NULL, "yoo" },
    { "waiting for approval", &idle, "waiting", "waiting", "eyy" },
    { "waiting, busy with another action", &busy, "waiting", "waiting", "eyy" },
    { "running", &idle, "running", "running", "eqy" },
    { "scheduled", &idle, "scheduled", "pending", "eqy" },
    { "in maintenance, waiting", &maintenance, "waiting", "waiting", "myy" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CockpitPackage) package = make_package (cases[i].spec);
      g_autoptr(CockpitAvailability) availability = NULL;
      static const CockpitUserAction actions[] = {
        COCKPIT_USER_ACTION_PLAN_UPGRADE, COCKPIT_USER_ACTION_APPROVE_PLAN, COCKPIT_USER_ACTION_CANCEL_PLAN,
      };

      g_test_message ("case: %s", cases[i].name);
      if (cases[i].plan_status != NULL)
        {
          g_autoptr(CockpitPlan) plan = make_plan (cases[i].plan_status, cases[i].uat_status);
          cockpit_package_set_active_plan (package, plan);
        }
      availability = cockpit_availability_new (package, G_LIST_MODEL (releases), FALSE, now);
      for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
        {
          CockpitBlockReason expected = block_of (cases[i].expected[a]);

          if (cockpit_availability_get_block (availability, actions[a]) != expected)
            g_error ("%s: %s is %d, expected %d (%s)", cases[i].name, cockpit_user_action_get_name (actions[a]),
                     cockpit_availability_get_block (availability, actions[a]), expected,
                     cockpit_availability_get_reason (availability, actions[a]));
          g_assert_true ((cockpit_availability_get_reason (availability, actions[a]) == NULL) ==
                         (expected == COCKPIT_BLOCK_NONE));
        }
    }

  /* A soak gate waits for the clock, not for the user. */
  {
    g_autoptr(CockpitPackage) package = make_package (&idle);
    g_autoptr(CockpitPlan) plan = make_plan ("waiting", "waiting");
    g_autoptr(CockpitAvailability) availability = NULL;

    cockpit_plan_set_gate (plan, COCKPIT_PLAN_GATE_SOAK);
    cockpit_plan_set_soak_hours (plan, 24);
    cockpit_package_set_active_plan (package, plan);
    availability = cockpit_availability_new (package, G_LIST_MODEL (releases), FALSE, now);
    g_assert_cmpint (cockpit_availability_get_block (availability, COCKPIT_USER_ACTION_APPROVE_PLAN), ==,
                     COCKPIT_BLOCK_NOT_WAITING);
    g_assert_true (cockpit_availability_get_allowed (availability, COCKPIT_USER_ACTION_CANCEL_PLAN));
  }
}

static void
test_names (void)
{
  for (guint a = 0; a < COCKPIT_N_USER_ACTIONS; a++)
    {
      const char *name = cockpit_user_action_get_name (a);

      g_assert_nonnull (name);
      g_assert_cmpuint (cockpit_user_action_from_name (name), ==, a);
    }
  g_assert_cmpuint (cockpit_user_action_from_name ("nonsense"), ==, COCKPIT_N_USER_ACTIONS);
  g_assert_cmpuint (cockpit_user_action_upgrade_of (COCKPIT_ENVIRONMENT_KIND_UAT), ==, COCKPIT_USER_ACTION_UPGRADE_UAT);
  g_assert_cmpuint (cockpit_user_action_tear_down_of (COCKPIT_ENVIRONMENT_KIND_INTEGRATION), ==,
                    COCKPIT_USER_ACTION_TEAR_DOWN_INTEGRATION);
  g_assert_cmpint (cockpit_user_action_get_environment_kind (COCKPIT_USER_ACTION_RESTORE_UPGRADE_BACKUP), ==,
                   COCKPIT_ENVIRONMENT_KIND_LIVE);
}

static void
test_create_destroy (void)
{
  PackageSpec spec = { NULL, FALSE, { "6.3.18" }, { "6.3.18" }, { "6.3.18" } };
  CockpitPackage *package = make_package (&spec);
  g_autoptr(GDateTime) now = cockpit_date_time_parse (NOW);
  CockpitAvailability *availability = cockpit_availability_new (package, NULL, FALSE, now);
  CockpitAvailability *empty = cockpit_availability_new_empty ();

  for (guint a = 0; a < COCKPIT_N_USER_ACTIONS; a++)
    {
      g_assert_false (cockpit_availability_get_allowed (empty, a));
      g_assert_nonnull (cockpit_availability_get_reason (empty, a));
    }
  g_assert_finalize_object (availability);
  g_assert_finalize_object (empty);
  g_assert_finalize_object (package);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/availability/create-destroy", test_create_destroy);
  g_test_add_func ("/cockpit/availability/names", test_names);
  g_test_add_func ("/cockpit/availability/table", test_table);
  g_test_add_func ("/cockpit/availability/clock", test_clock);
  g_test_add_func ("/cockpit/availability/plans", test_plans);

  return g_test_run ();
}
