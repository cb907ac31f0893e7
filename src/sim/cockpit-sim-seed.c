/* cockpit-sim-seed.c: the data a new simulator starts with.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The release history is Magnolia's real one (see docs/cockpit-api.md),
 * shifted so that 6.3.21, the latest LTS release, came out
 * COCKPIT_SIM_LTS_AGE_DAYS days ago.  Everything else is placed relative
 * to now and drawn from a GRand with a fixed seed, so that the same seed
 * and the same now give the same data.
 */
#include "config.h"

#include <string.h>

#include "cockpit-sim-plans-private.h"
#include "cockpit-sim-seed.h"

#define MINUTE (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)
#define HOUR   COCKPIT_SIM_HOUR
#define DAY    COCKPIT_SIM_DAY

static const char *const people[] = {
  COCKPIT_SIM_USER_NAME, "Sam Rivera", "Priya Natarajan", "Jonas Weber",
};

/* Releases */

static gint64
real_date (int year,
           int month,
           int day)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, 10, 0, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

static void
add_branch (CockpitSimState *state,
            const char      *branch,
            gboolean         lts,
            guint            first,
            guint            last,
            gint64           first_date,
            gint64           last_date,
            gint64           shift)
{
  for (guint patch = first; patch <= last; patch++)
    {
      g_autofree char *version = g_strdup_printf ("%s.%u", branch, patch);
      /* Whole days between the known dates, spread evenly. */
      gint64 days = (last_date - first_date) / DAY;
      gint64 date = first_date;

      if (last > first)
        date += (days * (patch - first) / (last - first)) * DAY;
      cockpit_sim_state_add_release (state, version, lts, date + shift);
    }
}

static void
add_releases (CockpitSimState *state,
              gint64           now)
{
  gint64 today = now - now % DAY;
  gint64 shift = today - COCKPIT_SIM_LTS_AGE_DAYS * DAY + 10 * HOUR - real_date (2026, 2, 19);
  static const struct {
    const char *version;
    guint after;   /* days after the release it serves */
  } service_packs[] = {
    { "6.2.42-sp1", 8 }, { "6.2.42-sp2", 19 }, { "6.2.55-sp1", 9 }, { "6.2.63-sp1", 11 },
  };

  /* 6.2: LTS, monthly from 2020-03-27 up to 6.2.66 in October 2025. */
  add_branch (state, "6.2", TRUE, 0, 66, real_date (2020, 3, 27), real_date (2025, 10, 14), shift);
  for (guint i = 0; i < G_N_ELEMENTS (service_packs); i++)
    {
      g_autofree char *base = g_strndup (service_packs[i].version,
                                         strchr (service_packs[i].version, '-') - service_packs[i].version);

      cockpit_sim_state_sort_releases (state);
      cockpit_sim_state_add_release (state, service_packs[i].version, TRUE,
                                     cockpit_sim_state_find_release (state, base)->released_at +
                                     service_packs[i].after * DAY);
    }

  /* 6.3: LTS, 6.3.0 on 2024-09-04 to 6.3.18 on 2025-11-27, then the known dates. */
  add_branch (state, "6.3", TRUE, 0, 18, real_date (2024, 9, 4), real_date (2025, 11, 27), shift);
  add_branch (state, "6.3", TRUE, 19, 19, real_date (2026, 1, 13), 0, shift);
  add_branch (state, "6.3", TRUE, 20, 20, real_date (2026, 2, 3), 0, shift);
  add_branch (state, "6.3", TRUE, 21, 21, real_date (2026, 2, 19), 0, shift);

  /* 6.4: not LTS. */
  add_branch (state, "6.4", FALSE, 0, 0, real_date (2025, 11, 12), 0, shift);
  add_branch (state, "6.4", FALSE, 1, 1, real_date (2025, 12, 11), 0, shift);
  add_branch (state, "6.4", FALSE, 2, 2, real_date (2026, 1, 26), 0, shift);
  add_branch (state, "6.4", FALSE, 3, 3, real_date (2026, 2, 24), 0, shift);

  cockpit_sim_state_sort_releases (state);
}

static gint64
released (CockpitSimState *state,
          const char      *version)
{
  CockpitSimRelease *release = cockpit_sim_state_find_release (state, version);

  g_assert (release != NULL);
  return release->released_at;
}

/* The releases of @version's branch up to @version, oldest first. */
static GPtrArray *
branch_releases_up_to (CockpitSimState *state,
                       const char      *version)
{
  GPtrArray *list = g_ptr_array_new ();
  CockpitVersion target;

  if (!cockpit_version_parse (version, &target, NULL))
    g_assert_not_reached ();
  for (guint i = state->releases->len; i > 0; i--)
    {
      CockpitSimRelease *release = g_ptr_array_index (state->releases, i - 1);

      if (release->parsed.major == target.major && release->parsed.minor == target.minor &&
          cockpit_version_compare (&release->parsed, &target) <= 0)
        g_ptr_array_add (list, release);
    }
  return list;
}

/* Activity history.  Events are collected, sorted by time and then
 * appended, since the log is kept in time order. */

typedef struct {
  gint64                 at;
  gint64                 started_at;
  CockpitEntryType       type;
  CockpitEnvironmentKind affects;
  char                  *text;
  const char            *by;
  const char            *version;     /* for the bundle; interned */
} Event;

static void
event_clear (gpointer data)
{
  Event *event = data;

  g_free (event->text);
}

static void
add_event (GArray                *events,
           gint64                 started_at,
           gint64                 at,
           CockpitEntryType       type,
           CockpitEnvironmentKind affects,
           const char            *by,
           const char            *version,
           char                  *text)
{
  Event event = { at, started_at, type, affects, text, by, g_intern_string (version) };

  g_array_append_val (events, event);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *ea = a, *eb = b;

  return (ea->at > eb->at) - (ea->at < eb->at);
}

static void
append_events (CockpitSimPackage *package,
               GArray            *events)
{
  g_array_sort (events, compare_events);
  for (guint i = 0; i < events->len; i++)
    {
      Event *event = &g_array_index (events, Event, i);
      g_autofree char *bundle = NULL;

      bundle = event->version ? g_strconcat ("magnolia-dx-core-cloud-webapp-", event->version, NULL)
                              : NULL;
      cockpit_sim_package_add_entry (package, event->type, event->affects, event->started_at,
                                     event->at, event->text, event->by, bundle, NULL);
    }
}

typedef struct {
  CockpitSimState   *state;
  CockpitSimPackage *package;
  GRand             *rand;
  GArray            *events;
  gint64             now;
  gint64             since;
} History;

static const char *
pick_person (History *history)
{
  return people[g_rand_int_range (history->rand, 0, G_N_ELEMENTS (people))];
}

/* The upgrades that brought @env to its version: one per release of its
 * branch published in the window, @lag days after the release. */
static void
history_upgrades (History               *history,
                  CockpitSimEnvironment *env,
                  int                    lag_days,
                  gboolean               one_failure)
{
  g_autoptr(GPtrArray) releases = branch_releases_up_to (history->state, env->version);
  const char *upper = cockpit_sim_kind_upper (env->kind);
  gboolean failed = !one_failure;

  for (guint i = 1; i < releases->len; i++)
    {
      CockpitSimRelease *release = g_ptr_array_index (releases, i);
      CockpitSimRelease *previous = g_ptr_array_index (releases, i - 1);
      gint64 at = release->released_at + lag_days * DAY + g_rand_int_range (history->rand, 1, 8) * HOUR;
      const char *by = pick_person (history);

      if (i + 1 == releases->len)
        env->last_upgraded_at = MIN (at, history->now - DAY);
      if (at < history->since || at > history->now - HOUR)
        continue;

      if (!failed)
        {
          gint64 failed_at = at - DAY;

          add_event (history->events, failed_at - 35 * MINUTE, failed_at, COCKPIT_ENTRY_TYPE_ERROR,
                     env->kind, by, release->version,
                     g_strdup_printf ("Failed to upgrade the %s environment to %s. The replica did not "
                                      "pass its health check: the site returned errors on 3 of 20 test "
                                      "pages. Nothing was switched; %s still runs %s. Try again, or "
                                      "contact the Cloud Helpdesk if it fails again.",
                                      upper, release->version, cockpit_sim_kind_name (env->kind),
                                      previous->version));
          failed = TRUE;
        }

      add_event (history->events, at - 48 * MINUTE, at, COCKPIT_ENTRY_TYPE_INFO, env->kind, by,
                 release->version,
                 g_strdup_printf ("%s environment has been upgraded to %s.", upper, release->version));

      if (env->kind == COCKPIT_ENVIRONMENT_KIND_LIVE)
        {
          /* The usual routine: a manual backup first, the upgrade backup after. */
          add_event (history->events, at - 3 * HOUR - 12 * MINUTE, at - 3 * HOUR, COCKPIT_ENTRY_TYPE_INFO,
                     env->kind, by, previous->version,
                     g_strdup_printf ("%s environment has been backed up successfully.", upper));
          if (at + 48 * HOUR < history->now)
            {
              add_event (history->events, at + 42 * HOUR, at + 42 * HOUR, COCKPIT_ENTRY_TYPE_WARNING,
                         env->kind, COCKPIT_SIM_SYSTEM, previous->version,
                         g_strdup_printf ("The upgrade backup of the %s environment (%s) will be removed "
                                          "in 6 hours.", upper, previous->version));
              add_event (history->events, at + 48 * HOUR, at + 48 * HOUR, COCKPIT_ENTRY_TYPE_INFO,
                         env->kind, COCKPIT_SIM_SYSTEM, previous->version,
                         g_strdup_printf ("The upgrade backup of the %s environment (%s) has expired and "
                                          "has been removed.", upper, previous->version));
            }
        }
    }
}

static const char *
version_at (GPtrArray *releases,
            gint64     time,
            int        lag_days)
{
  const char *version = NULL;

  for (guint i = 0; i < releases->len; i++)
    {
      CockpitSimRelease *release = g_ptr_array_index (releases, i);

      if (release->released_at + lag_days * DAY <= time)
        version = release->version;
    }
  return version;
}

/* Nightly backups of Live by System, with the odd failure, and now and
 * then a warning about slow answers. */
static void
history_nightly (History               *history,
                 CockpitSimEnvironment *live,
                 int                    lag_days)
{
  g_autoptr(GPtrArray) releases = branch_releases_up_to (history->state, live->version);
  gint64 day = history->since - history->since % DAY + DAY;

  for (; day < history->now; day += DAY)
    {
      gint64 start = day + 2 * HOUR;
      gint64 end = start + g_rand_int_range (history->rand, 6, 25) * MINUTE;
      guint dice = g_rand_int_range (history->rand, 0, 100);
      const char *version = version_at (releases, day, lag_days);

      /* Tonight's backup only once it has finished. */
      if (end >= history->now)
        break;

      if (version == NULL)
        version = live->version;

      if (dice < 4)
        add_event (history->events, start, end, COCKPIT_ENTRY_TYPE_ERROR, live->kind, COCKPIT_SIM_SYSTEM,
                   version,
                   g_strdup ("Failed to back up the LIVE environment. The storage service did not answer "
                             "in time; the previous backup is kept. The next nightly backup will try "
                             "again."));
      else
        add_event (history->events, start, end, COCKPIT_ENTRY_TYPE_INFO, live->kind, COCKPIT_SIM_SYSTEM,
                   version, g_strdup ("LIVE environment has been backed up successfully."));

      if (dice >= 94 && day + 20 * HOUR < history->now)
        {
          gint64 at = day + g_rand_int_range (history->rand, 8, 20) * HOUR;

          add_event (history->events, at - 20 * MINUTE, at, COCKPIT_ENTRY_TYPE_WARNING, live->kind,
                     COCKPIT_SIM_SYSTEM, version,
                     g_strdup_printf ("The LIVE environment answered slowly: response times were above "
                                      "3 seconds for %d minutes.", g_rand_int_range (history->rand, 10, 40)));
        }
    }
}

static CockpitSimPackage *
demo_package (CockpitSimState *state,
              const char      *id,
              const char      *name,
              const char      *domain,
              const char      *live,
              const char      *uat,
              const char      *integration)
{
  CockpitSimPackage *package = cockpit_sim_state_add_package (state, id, name);
  g_autofree char *live_url = g_strdup_printf ("https://www.%s", domain);
  g_autofree char *uat_url = g_strdup_printf ("https://uat.%s", domain);
  g_autofree char *integration_url = g_strdup_printf ("https://integration.%s", domain);

  cockpit_sim_package_add_environment (package, COCKPIT_ENVIRONMENT_KIND_LIVE, live, live_url);
  cockpit_sim_package_add_environment (package, COCKPIT_ENVIRONMENT_KIND_UAT, uat, uat_url);
  cockpit_sim_package_add_environment (package, COCKPIT_ENVIRONMENT_KIND_INTEGRATION,
                                       integration, integration_url);
  return package;
}

static void
demo_history (CockpitSimState   *state,
              CockpitSimPackage *package,
              guint32            seed,
              int                days,
              gboolean           one_failure,
              GArray            *extra)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (Event));
  CockpitSimEnvironment *live = cockpit_sim_package_find_kind (package, COCKPIT_ENVIRONMENT_KIND_LIVE);
  static const int lags[] = { 0, 13, 6, 2 };   /* by kind: Live, UAT, Integration */
  History history = { state, package, rand, events, 0, 0 };

  g_array_set_clear_func (events, event_clear);
  history.now = state->processed_until;
  history.since = history.now - days * DAY;

  for (guint i = 0; i < package->environments->len; i++)
    {
      CockpitSimEnvironment *env = g_ptr_array_index (package->environments, i);

      if (env->version != NULL)
        history_upgrades (&history, env, lags[env->kind],
                          one_failure && env->kind == COCKPIT_ENVIRONMENT_KIND_UAT);
    }

  history_nightly (&history, live, lags[COCKPIT_ENVIRONMENT_KIND_LIVE]);

  for (guint i = 0; extra != NULL && i < extra->len; i++)
    {
      Event *event = &g_array_index (extra, Event, i);

      g_array_append_val (events, *event);
      event->text = NULL;
    }
  append_events (package, events);
}

static void
seed_demo (CockpitSimState *state,
           gint64           now)
{
  CockpitSimPackage *acme, *globex, *initech, *umbrella, *hooli;
  CockpitSimEnvironment *env;
  g_autoptr(GArray) extra = g_array_new (FALSE, TRUE, sizeof (Event));
  gint64 lts_deadline;

  g_array_set_clear_func (extra, event_clear);

  /* Ready to upgrade: nothing protected, no upgrade backup, newer
   * versions for each environment, and an LTS deadline coming up. */
  acme = demo_package (state, "acmeweb", "Acme Corporation Website", "acme-corp.example",
                       "6.3.18", "6.3.19", "6.3.21");
  env = cockpit_sim_package_find_kind (acme, COCKPIT_ENVIRONMENT_KIND_LIVE);
  env->backup_id = g_strdup ("bkp-acmeweb-1");
  env->backup_created_at = now - now % DAY - 3 * DAY + 14 * HOUR + 12 * MINUTE;
  env->backup_version = g_strdup (env->version);
  add_event (extra, env->backup_created_at - 9 * MINUTE, env->backup_created_at,
             COCKPIT_ENTRY_TYPE_INFO, COCKPIT_ENVIRONMENT_KIND_LIVE, "Sam Rivera", env->version,
             g_strdup ("LIVE environment has been backed up successfully."));
  demo_history (state, acme, 1001, 200, TRUE, extra);

  /* Live upgraded 18 hours ago: its upgrade backup has 30 hours left. */
  globex = demo_package (state, "globex", "Globex Online Shop", "globex-shop.example",
                         "6.3.19", "6.3.21", "6.4.3");
  env = cockpit_sim_package_find_kind (globex, COCKPIT_ENVIRONMENT_KIND_LIVE);
  {
    gint64 at = now - 18 * HOUR;
    g_autoptr(GArray) more = g_array_new (FALSE, TRUE, sizeof (Event));

    /* The history leads up to 6.3.19; the last upgrade is added to it. */
    g_array_set_clear_func (more, event_clear);
    add_event (more, at - 52 * MINUTE, at, COCKPIT_ENTRY_TYPE_INFO, COCKPIT_ENVIRONMENT_KIND_LIVE,
               "Priya Natarajan", "6.3.21", g_strdup ("LIVE environment has been upgraded to 6.3.21."));
    demo_history (state, globex, 2002, 120, FALSE, more);

    g_free (env->version);
    env->version = g_strdup ("6.3.21");
    env->last_upgraded_at = at;
    env->upgrade_backup.from_version = g_strdup ("6.3.19");
    env->upgrade_backup.to_version = g_strdup ("6.3.21");
    env->upgrade_backup.created_at = at;
    env->upgrade_backup.expires_at = at + 48 * HOUR;
    env->upgrade_backup.max_expires_at = at + 5 * DAY;
  }

  /* In maintenance mode: view only. */
  initech = demo_package (state, "initech", "Initech Intranet", "intranet.initech.example",
                          "6.2.66", "6.2.66", "6.3.21");
  initech->maintenance_message =
    g_strdup ("The hosting platform of this package is moving to a new data centre. "
              "The package is view-only until the move is finished, in about two hours.");
  demo_history (state, initech, 3003, 90, FALSE, NULL);

  /* Live protected, Integration torn down. */
  umbrella = demo_package (state, "umbrella", "Umbrella Research Portal", "umbrella-research.example",
                           "6.2.42-sp2", "6.2.42-sp2", "6.2.42-sp2");
  cockpit_sim_package_find_kind (umbrella, COCKPIT_ENVIRONMENT_KIND_LIVE)->protected_ = TRUE;
  demo_history (state, umbrella, 4004, 60, FALSE, NULL);
  env = cockpit_sim_package_find_kind (umbrella, COCKPIT_ENVIRONMENT_KIND_INTEGRATION);
  {
    /* Older than the newest entries, so it goes in place, not at the end. */
    gint64 at = now - 20 * DAY + 11 * HOUR;
    CockpitSimEntry *entry;
    guint position = 0;

    while (position < umbrella->activity->len &&
           ((CockpitSimEntry *) g_ptr_array_index (umbrella->activity, position))->at < at)
      position++;
    entry = cockpit_sim_package_add_entry (umbrella, COCKPIT_ENTRY_TYPE_INFO,
                                           COCKPIT_ENVIRONMENT_KIND_INTEGRATION, at - 14 * MINUTE, at,
                                           "INTEGRATION environment has been torn down.",
                                           "Jonas Weber", "magnolia-dx-core-cloud-webapp-6.2.42-sp2", NULL);
    g_ptr_array_steal_index (umbrella->activity, umbrella->activity->len - 1);
    g_ptr_array_insert (umbrella->activity, position, entry);
    for (guint i = 0; i < umbrella->activity->len; i++)
      ((CockpitSimEntry *) g_ptr_array_index (umbrella->activity, i))->number = i + 1;
  }
  g_clear_pointer (&env->version, g_free);
  g_clear_pointer (&env->url, g_free);
  env->state = COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP;

  /* A Live upgrade scheduled for the next Sunday morning (v1.1), and
   * Globex's plan waiting for the approval of UAT: see
   * cockpit-sim-seed-plans.c. */
  hooli = demo_package (state, "hooli", "Hooli Careers Site", "careers.hooli.example",
                        "6.3.19", "6.3.21", "6.3.21");
  demo_history (state, hooli, 5005, 90, FALSE, NULL);
  _cockpit_sim_seed_plans (state, now);

  /* Helpdesk notifications of each severity, some read, one archived. */
  lts_deadline = released (state, "6.3.21") + 60 * DAY;
  {
    g_autofree char *deadline = cockpit_sim_format_time (lts_deadline);
    g_autofree char *deadline_day = g_strndup (deadline, 10);
    g_autofree char *body = g_strdup_printf ("The Live environment of Acme Corporation Website runs 6.3.18. "
                                             "Magnolia 6.3.21 is the latest LTS release; please install it "
                                             "by %s, 60 days after its release.", deadline_day);

    cockpit_sim_state_add_notification (state, COCKPIT_SEVERITY_CRITICAL,
                                        "Outage of the eu-central-1 region",
                                        "Environments in eu-central-1 did not answer for 25 minutes. "
                                        "The outage has been resolved; no data was lost.",
                                        NULL, now - 45 * DAY, TRUE, TRUE);
    cockpit_sim_state_add_notification (state, COCKPIT_SEVERITY_INFO,
                                        "Magnolia 6.4.3 is available",
                                        "Magnolia 6.4.3 fixes 14 issues. Read the release notes before "
                                        "you upgrade.", NULL, released (state, "6.4.3") + 2 * HOUR,
                                        TRUE, FALSE);
    cockpit_sim_state_add_notification (state, COCKPIT_SEVERITY_CRITICAL,
                                        "Security update: Magnolia 6.3.21",
                                        "Magnolia 6.3.21 fixes a cross-site scripting vulnerability in "
                                        "the page editor. Upgrade environments on 6.3 to 6.3.21 as soon "
                                        "as possible.", NULL, released (state, "6.3.21") + 3 * HOUR,
                                        FALSE, FALSE);
    cockpit_sim_state_add_notification (state, COCKPIT_SEVERITY_WARNING,
                                        "Nightly backup of Acme Corporation Website failed",
                                        "Last night's backup of the Live environment did not complete; "
                                        "the previous backup is kept. No action is needed unless it "
                                        "fails again.", "acmeweb", now - 12 * DAY, TRUE, FALSE);
    cockpit_sim_state_add_notification (state, COCKPIT_SEVERITY_WARNING,
                                        "LTS upgrade deadline for Acme Corporation Website",
                                        body, "acmeweb", now - 2 * DAY, FALSE, FALSE);
    cockpit_sim_state_add_notification (state, COCKPIT_SEVERITY_INFO,
                                        "Maintenance of Initech Intranet",
                                        "We are moving the hosting platform of Initech Intranet to a new "
                                        "data centre. The package is view-only meanwhile, for about two "
                                        "hours.", "initech", now - HOUR, FALSE, FALSE);
  }
}

/* The large seed: 50 packages, 100,000 activity entries on the first
 * (the one the benchmark pages through) and 100 on each of the others. */
static void
seed_large (CockpitSimState *state,
            gint64           now)
{
  static const char *const companies[] = {
    "Northwind Traders", "Contoso", "Fabrikam", "Tailspin Toys", "Wide World Importers",
    "Adventure Works", "Litware", "Proseware", "Lucerne Publishing", "Margie's Travel",
    "Blue Yonder Airlines", "Coho Winery", "Graphic Design Institute", "Humongous Insurance",
    "Southridge Video", "Trey Research", "Wingtip Toys", "Woodgrove Bank", "Alpine Ski House",
    "Bellows College", "Best For You Organics", "City Power & Light", "Consolidated Messenger",
    "Datum Corporation", "Fourth Coffee", "Lamna Healthcare", "Liberty's Delightful Sinful Bakery",
    "Munson's Pickles and Preserves", "Nod Publishers", "Olympic Games Fan Club", "Relecloud",
    "School of Fine Art", "Tasmanian Traders", "VanArsdel", "Wingtip Outfitters", "Woodgrove Pharma",
    "Adatum Health", "Cronus Bikes", "Datum Logistics", "Fabrikam Residences", "Greenway Energy",
    "Helvetic Rail", "Ironclad Insurance", "Juniper Books", "Kestrel Aviation", "Lakeside Clinics",
    "Meridian Hotels", "Nordlicht Media", "Orbit Telecom", "Pinnacle Sports",
  };
  static const char *const versions[] = { "6.2.66", "6.3.18", "6.3.19", "6.3.20", "6.3.21", "6.4.2" };
  static const char *const texts[] = {
    "LIVE environment has been backed up successfully.",
    "UAT environment has been upgraded to 6.3.21.",
    "INTEGRATION environment has been upgraded to 6.4.3.",
    "The upgrade backup of the LIVE environment (6.3.19) has expired and has been removed.",
    "LIVE environment has been upgraded to 6.3.21.",
    "The LIVE environment answered slowly: response times were above 3 seconds for 20 minutes.",
    "Failed to upgrade the UAT environment to 6.4.3. The replica did not pass its health check.",
    "The upgrade backup of the LIVE environment has been extended until 2026-01-01T00:00:00Z.",
  };
  static const CockpitEntryType types[] = {
    COCKPIT_ENTRY_TYPE_INFO, COCKPIT_ENTRY_TYPE_INFO, COCKPIT_ENTRY_TYPE_INFO, COCKPIT_ENTRY_TYPE_INFO,
    COCKPIT_ENTRY_TYPE_INFO, COCKPIT_ENTRY_TYPE_WARNING, COCKPIT_ENTRY_TYPE_ERROR, COCKPIT_ENTRY_TYPE_INFO,
  };
  static const CockpitEnvironmentKind affects[] = {
    COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_ENVIRONMENT_KIND_INTEGRATION,
    COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ENVIRONMENT_KIND_LIVE, COCKPIT_ENVIRONMENT_KIND_LIVE,
    COCKPIT_ENVIRONMENT_KIND_UAT, COCKPIT_ENVIRONMENT_KIND_LIVE,
  };
  const char *bundles[G_N_ELEMENTS (texts)];

  G_STATIC_ASSERT (G_N_ELEMENTS (companies) == 50);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *v = i == 2 ? "6.4.3" : i == 3 ? "6.3.19" : "6.3.21";
      g_autofree char *bundle = g_strconcat ("magnolia-dx-core-cloud-webapp-", v, NULL);

      bundles[i] = g_intern_string (bundle);
    }

  for (guint p = 0; p < G_N_ELEMENTS (companies); p++)
    {
      g_autofree char *id = g_strdup_printf ("pkg%02u", p + 1);
      g_autofree char *name = g_strdup_printf ("%s Website", companies[p]);
      g_autofree char *domain = g_strdup_printf ("pkg%02u.example", p + 1);
      CockpitSimPackage *package;
      guint n_entries = p == 0 ? 100000 : 100;
      /* Ten minutes apart, ending an hour ago. */
      gint64 first = now - HOUR - (gint64) n_entries * 10 * MINUTE;

      package = demo_package (state, id, name, domain, versions[p % G_N_ELEMENTS (versions)],
                              versions[(p + 2) % G_N_ELEMENTS (versions)], "6.4.3");
      g_ptr_array_set_size (package->activity, 0);
      for (guint i = 0; i < n_entries; i++)
        {
          guint k = (i * 7 + i / 13) % G_N_ELEMENTS (texts);
          CockpitSimEntry *entry = g_new0 (CockpitSimEntry, 1);
          gint64 at = first + (gint64) i * 10 * MINUTE;

          entry->number = i + 1;
          entry->type = types[k];
          entry->affects = affects[k];
          entry->at = entry->finished_at = at;
          entry->started_at = at - 5 * MINUTE;
          entry->activity = g_strdup (texts[k]);
          entry->by = i % 3 == 0 ? COCKPIT_SIM_SYSTEM : people[i % G_N_ELEMENTS (people)];
          entry->by = g_intern_static_string (entry->by);
          entry->bundle = bundles[k];
          g_ptr_array_add (package->activity, entry);
        }
    }

  cockpit_sim_state_add_notification (state, COCKPIT_SEVERITY_INFO, "Magnolia 6.4.3 is available",
                                      "Magnolia 6.4.3 fixes 14 issues.", NULL,
                                      released (state, "6.4.3"), FALSE, FALSE);
}

static int
compare_notifications (gconstpointer a,
                       gconstpointer b)
{
  const CockpitSimNotification *na = *(const CockpitSimNotification **) a;
  const CockpitSimNotification *nb = *(const CockpitSimNotification **) b;

  return (na->received_at < nb->received_at) - (na->received_at > nb->received_at);
}

void
cockpit_sim_seed_fill (CockpitSimState *state,
                       CockpitSimSeed   seed,
                       gint64           now)
{
  g_return_if_fail (state != NULL);
  g_return_if_fail (state->packages->len == 0);

  state->processed_until = now;
  add_releases (state, now);

  switch (seed)
    {
    case COCKPIT_SIM_SEED_DEMO:
      seed_demo (state, now);
      break;
    case COCKPIT_SIM_SEED_LARGE:
      seed_large (state, now);
      break;
    case COCKPIT_SIM_SEED_EMPTY:
    default:
      break;
    }

  /* Newest first, numbered in that order. */
  g_ptr_array_sort (state->notifications, compare_notifications);
  for (guint i = 0; i < state->notifications->len; i++)
    {
      CockpitSimNotification *notification = g_ptr_array_index (state->notifications, i);

      g_free (notification->id);
      notification->id = g_strdup_printf ("ntf-%u", i + 1);
    }
}
