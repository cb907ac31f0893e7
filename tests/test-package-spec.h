/* test-package-spec.h: a package described by the few facts the rules look at, as contract JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only, shared by test-rules.c and test-availability.c:
 * make_package() turns a PackageSpec into contract JSON and decodes it, so
 * the tests go through the same path as real data.
 */
#pragma once

#include "cockpit-model.h"

typedef struct {
  const char *version;   /* NULL: not set up */
  gboolean    protected;
  const char *backup;    /* Live only: created_at of an upgrade backup */
  const char *expires;   /* its expires_at */
  gboolean    absent;    /* the package has no such environment */
} EnvSpec;

typedef struct {
  const char *maintenance;  /* NULL: not in maintenance */
  gboolean    busy;
  EnvSpec     live;
  EnvSpec     uat;
  EnvSpec     integration;
} PackageSpec;

#define NOW "2026-11-26T12:00:00Z"

static inline char *
env_json (const char    *kind,
          const EnvSpec *spec)
{
  g_autofree char *backup = NULL;
  g_autofree char *version = NULL;

  if (spec->backup != NULL)
    {
      g_autoptr(GDateTime) created = cockpit_date_time_parse (spec->backup);
      g_autoptr(GDateTime) max = g_date_time_add_days (created, 5);
      g_autofree char *max_text = cockpit_date_time_format (max);

      backup = g_strdup_printf ("{\"from_version\": \"6.3.18\", \"to_version\": \"%s\", "
                                "\"created_at\": \"%s\", \"expires_at\": \"%s\", "
                                "\"max_expires_at\": \"%s\", \"extended\": false}",
                                spec->version, spec->backup, spec->expires, max_text);
    }

  version = spec->version ? g_strdup_printf ("\"%s\"", spec->version) : g_strdup ("null");

  return g_strdup_printf ("{\"id\": \"acme-%s\", \"package_id\": \"acme\", \"kind\": \"%s\", "
                          "\"name\": \"%s\", \"magnolia_version\": %s, \"bundle\": null, "
                          "\"state\": \"%s\", \"url\": null, \"protected\": %s, "
                          "\"last_upgraded_at\": null, \"upgrade_backup\": %s, "
                          "\"latest_manual_backup\": null}",
                          kind, kind, kind, version,
                          spec->version ? "running" : "not_set_up",
                          spec->protected ? "true" : "false",
                          backup ? backup : "null");
}

static inline CockpitPackage *
make_package (const PackageSpec *spec)
{
  g_autofree char *live = env_json ("live", &spec->live);
  g_autofree char *uat = env_json ("uat", &spec->uat);
  g_autofree char *integration = env_json ("integration", &spec->integration);
  g_autoptr(GPtrArray) environments = g_ptr_array_new ();
  g_autofree char *list = NULL;
  g_autofree char *maintenance = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  CockpitPackage *package;
  const char *action =
    "{\"id\": \"act-1\", \"package_id\": \"acme\", \"environment_id\": \"acme-uat\", "
    "\"kind\": \"upgrade\", \"params\": {\"target_version\": \"6.3.21\"}, "
    "\"status\": \"running\", \"stage\": \"deploy_version\", \"stages\": [], "
    "\"progress\": 0.3, \"requested_by\": \"Alex Example\", "
    "\"created_at\": \"2026-11-26T11:50:00Z\", \"finished_at\": null, \"error\": null}";

  if (!spec->live.absent)
    g_ptr_array_add (environments, live);
  if (!spec->uat.absent)
    g_ptr_array_add (environments, uat);
  if (!spec->integration.absent)
    g_ptr_array_add (environments, integration);
  g_ptr_array_add (environments, NULL);
  list = g_strjoinv (", ", (char **) environments->pdata);

  maintenance = spec->maintenance ? g_strdup_printf ("\"%s\"", spec->maintenance) : g_strdup ("null");
  json = g_strdup_printf ("{\"id\": \"acme\", \"name\": \"Acme Corporation Website\", "
                          "\"status\": \"%s\", \"status_text\": \"\", "
                          "\"maintenance_message\": %s, \"running_action\": %s, "
                          "\"environments\": [%s]}",
                          spec->maintenance ? "maintenance" : "ok", maintenance,
                          spec->busy ? action : "null", list);

  node = cockpit_json_parse (json, -1, &error);
  g_assert_no_error (error);
  package = cockpit_json_decode (COCKPIT_TYPE_PACKAGE, node, &error);
  g_assert_no_error (error);
  return package;
}

/* The releases the tests offer: LTS and not, old and new, one unparsable. */
static inline GListStore *
make_releases (void)
{
  static const struct {
    const char *version;
    gboolean lts;
    const char *date;
  } releases[] = {
    { "6.2.66", TRUE, "2025-10-20T09:00:00Z" },
    { "6.3.18", TRUE, "2025-11-27T09:00:00Z" },
    { "6.3.19", TRUE, "2026-01-13T09:00:00Z" },
    { "6.3.21", TRUE, "2026-10-01T12:00:00Z" },
    { "6.4.2", FALSE, "2026-01-26T09:00:00Z" },
    { "6.4.3", FALSE, "2026-11-20T09:00:00Z" },
    { "6.2.42-sp1", TRUE, "2024-01-10T09:00:00Z" },
    { "not-a-version", FALSE, "2026-01-01T00:00:00Z" },
  };
  GListStore *store = g_list_store_new (COCKPIT_TYPE_RELEASE);

  for (guint i = 0; i < G_N_ELEMENTS (releases); i++)
    {
      g_autoptr(GDateTime) date = cockpit_date_time_parse (releases[i].date);
      g_autoptr(CockpitRelease) release = cockpit_release_new (releases[i].version, releases[i].lts, date);
      g_list_store_append (store, release);
    }
  return store;
}
