/* test-sim-api.c: the simulator's reading endpoints, seeds and HTTP edge cases, over real HTTP.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cockpit-version.h"
#include "sim-test-util.h"

#define ENV(p, k) "/api/v1/packages/" p "/environments/" p "-" k
#define DAY (24 * 3600)

static SimAnswer *
request_bytes (SimTest    *f,
               const char *method,
               const char *path,
               const char *token,
               const char *body,
               gsize       length)
{
  g_autoptr(GBytes) bytes = body ? g_bytes_new (body, length) : NULL;

  return sim_request_to (f->session, f->base, method, path, token, bytes, NULL);
}

/* Life cycle */

static void
test_create_destroy (void)
{
  g_autoptr(GError) error = NULL;
  CockpitSimulator *sim;

  sim = cockpit_simulator_new ("token", COCKPIT_SIM_SEED_EMPTY, NULL, 1, FALSE, &error);
  g_assert_no_error (error);
  g_assert_null (cockpit_simulator_get_base_url (sim));
  g_assert_true (cockpit_simulator_listen (sim, "127.0.0.1", 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cockpit_simulator_get_port (sim), >, 0);
  cockpit_simulator_stop (sim);
  g_assert_finalize_object (sim);

  /* Without stopping first, too. */
  sim = cockpit_simulator_new ("token", COCKPIT_SIM_SEED_DEMO, NULL, 20, TRUE, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (sim);
}

static void
test_new_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cockpit-sim-test-XXXXXX", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.json", NULL);
  g_autofree char *contents = NULL;
  CockpitSimulator *sim;

  g_assert_null (cockpit_simulator_new ("", COCKPIT_SIM_SEED_DEMO, NULL, 20, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (cockpit_simulator_new ("t", COCKPIT_SIM_SEED_DEMO, NULL, -1, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* A damaged state file is an error, and is left alone. */
  g_assert_true (g_file_set_contents (damaged, "{\"format\": 1", -1, NULL));
  g_assert_null (cockpit_simulator_new ("t", COCKPIT_SIM_SEED_DEMO, damaged, 20, FALSE, &error));
  g_assert_error (error, COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (damaged, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "{\"format\": 1");

  /* A bad address. */
  sim = cockpit_simulator_new ("t", COCKPIT_SIM_SEED_EMPTY, NULL, 20, FALSE, &error);
  g_assert_false (cockpit_simulator_listen (sim, "localhost.invalid", 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_finalize_object (sim);

  g_assert_cmpint (g_remove (damaged), ==, 0);
  /* The lock file stays: removing it when done would let two later
   * simulators lock two different files of the same name. */
  {
    g_autofree char *lock = g_strconcat (damaged, ".lock", NULL);

    g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
    g_assert_cmpint (g_remove (lock), ==, 0);
  }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Authorization */

static void
test_unauthorized (SimTest       *f,
                   gconstpointer  data)
{
  static const char *const paths[] = {
    "/api/v1/me", "/api/v1/packages", "/api/v1/packages/acmeweb", "/api/v1/nothing-here",
    "/_sim/clock", "/", ENV ("acmeweb", "live") "/upgrade",
  };
  static const char *const tokens[] = {
    NULL, "", "wrong", SIM_TEST_TOKEN "x", "sim-test-token-5f2c8", "SIM-TEST-TOKEN-5F2C81",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    for (guint j = 0; j < G_N_ELEMENTS (tokens); j++)
      {
        g_autoptr(GBytes) body = g_bytes_new_static ("{\"target_version\": \"6.3.21\"}", 28);
        g_autoptr(SimAnswer) get = sim_request_to (f->session, f->base, "GET", paths[i], tokens[j], NULL, NULL);
        g_autoptr(SimAnswer) post = sim_request_to (f->session, f->base, "POST", paths[i], tokens[j], body, NULL);

        sim_assert_error (get, 401, "unauthorized");
        sim_assert_error (post, 401, "unauthorized");
        g_assert_cmpstr (soup_message_headers_get_one (get->headers, "WWW-Authenticate"), ==, "Bearer");
      }

  /* The token must come as "Bearer TOKEN" (the scheme in any case). */
  {
    static const char *const headers[] = {
      SIM_TEST_TOKEN, "Basic " SIM_TEST_TOKEN, "Bearer" SIM_TEST_TOKEN, "Bearer",
      "Bearer " SIM_TEST_TOKEN " x", "Token " SIM_TEST_TOKEN,
    };
    static const char *const good[] = { "bearer " SIM_TEST_TOKEN, "BEARER  " SIM_TEST_TOKEN };
    g_autoptr(JsonNode) actions = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
      {
        g_autoptr(SimAnswer) answer = sim_request_authorization (f, "POST", ENV ("acmeweb", "live") "/backups",
                                                                 headers[i]);

        sim_assert_error (answer, 401, "unauthorized");
      }
    actions = sim_get (f, "/api/v1/packages/acmeweb/actions");
    g_assert_cmpuint (sim_json_length (actions, "actions"), ==, 0);
    for (guint i = 0; i < G_N_ELEMENTS (good); i++)
      {
        g_autoptr(SimAnswer) answer = sim_request_authorization (f, "GET", "/api/v1/me", good[i]);

        g_assert_cmpuint (answer->status, ==, 200);
      }
  }
}

/* Routing */

static void
test_not_found (SimTest       *f,
                gconstpointer  data)
{
  static const char *const paths[] = {
    "/", "/api", "/api/v1", "/api/v1/", "/api/v1/packages/", "/api/v2/packages",
    "/api/v1/packages/acmeweb/environments", "/api/v1/packages/acmeweb/x",
    ENV ("acmeweb", "live") "/upgrade/now", "/api/v1/packages//environments//upgrade",
    "/_sim/nothing",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(SimAnswer) answer = sim_request (f, "GET", paths[i], NULL, NULL);

      g_test_message ("GET %s", paths[i]);
      sim_assert_error (answer, 404, "not_found");
    }
}

/* Hostile paths: bytes that are not UTF-8, an escaped "/" inside an id,
 * control characters.  Each is a 404 whose body is valid UTF-8 JSON, and
 * an escaped "/" never reaches another route. */
static void
test_hostile_paths (SimTest       *f,
                    gconstpointer  data)
{
  static const char *const paths[] = {
    "/api/v1/packages/%FF%FE",
    "/api/v1/packages/%C3%28",
    "/api/v1/packages/acmeweb%2Factions",
    "/api/v1/packages/acmeweb%2factivity",
    "/api/v1/packages/acme%00web",
    "/api/v1/packages/acme%0Aweb",
    "/api/v1/actions/act-000001%2F..%2F..",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(SimAnswer) answer = sim_request (f, "GET", paths[i], NULL, NULL);
      gsize length = 0;
      const char *body = g_bytes_get_data (answer->body, &length);

      g_test_message ("GET %s", paths[i]);
      g_assert_true (g_utf8_validate (body, length, NULL));
      sim_assert_error (answer, 404, "not_found");
    }

  /* The id itself, escaped where it need not be, is still found. */
  {
    g_autoptr(SimAnswer) answer = sim_request (f, "GET", "/api/v1/packages/acme%77eb", NULL, NULL);

    g_assert_cmpuint (answer->status, ==, 200);
  }
}

static void
test_method_not_allowed (SimTest       *f,
                         gconstpointer  data)
{
  static const struct {
    const char *method;
    const char *path;
    const char *allow;
  } cases[] = {
    { "PUT", "/api/v1/me", "GET" },
    { "DELETE", "/api/v1/packages", "GET" },
    { "POST", "/api/v1/packages/acmeweb", "GET" },
    { "GET", ENV ("acmeweb", "live") "/upgrade", "POST" },
    { "PUT", ENV ("acmeweb", "live"), "DELETE" },
    { "GET", ENV ("acmeweb", "live") "/upgrade-backup", "DELETE" },
    { "PATCH", ENV ("acmeweb", "live") "/upgrade-backup/extend", "POST" },
    { "GET", "/api/v1/notifications/ntf-1/read", "POST" },
    { "POST", "/api/v1/releases", "GET" },
    { "DELETE", "/_sim/clock", "GET, POST" },
    { "GET", "/_sim/fail-next", "POST" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SimAnswer) answer = sim_request (f, cases[i].method, cases[i].path, NULL, NULL);

      g_test_message ("%s %s", cases[i].method, cases[i].path);
      sim_assert_error (answer, 405, "method_not_allowed");
      g_assert_cmpstr (soup_message_headers_get_one (answer->headers, "Allow"), ==, cases[i].allow);
    }
}

static void
test_head (SimTest       *f,
           gconstpointer  data)
{
  g_autoptr(SimAnswer) answer = sim_request (f, "HEAD", "/api/v1/me", NULL, NULL);

  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_cmpuint (g_bytes_get_size (answer->body), ==, 0);
}

/* Bad input */

static void
test_payload_too_large (SimTest       *f,
                        gconstpointer  data)
{
  gsize size = 1024 * 1024;
  g_autofree char *big = g_malloc (size + 2);
  g_autoptr(SimAnswer) too_large = NULL;
  g_autoptr(SimAnswer) just_right = NULL;
  g_autoptr(SimAnswer) after = NULL;
  const char *head = "{\"target_version\": \"6.3.21\", \"padding\": \"";

  /* Exactly 1 MiB of valid JSON is accepted... */
  memset (big, 'x', size + 2);
  memcpy (big, head, strlen (head));
  memcpy (big + size - 2, "\"}", 2);
  just_right = request_bytes (f, "POST", ENV ("acmeweb", "uat") "/upgrade", SIM_TEST_TOKEN, big, size);
  g_assert_cmpuint (just_right->status, ==, 202);

  /* ...one byte more is not, whatever the request. */
  memcpy (big + size - 1, "\"}", 2);
  too_large = request_bytes (f, "POST", ENV ("acmeweb", "live") "/upgrade", SIM_TEST_TOKEN, big, size + 1);
  sim_assert_error (too_large, 413, "payload_too_large");
  g_clear_pointer (&too_large, sim_answer_free);
  too_large = request_bytes (f, "POST", "/nothing/here", SIM_TEST_TOKEN, big, size + 1);
  sim_assert_error (too_large, 413, "payload_too_large");

  /* The server is still there. */
  after = sim_request (f, "GET", "/api/v1/me", NULL, NULL);
  g_assert_cmpuint (after->status, ==, 200);
}

static void
test_malformed (SimTest       *f,
                gconstpointer  data)
{
  static const struct {
    const char *path;
    const char *body;
  } cases[] = {
    { "/_sim/clock", "{" },
    { "/_sim/clock", "" },
    { "/_sim/clock", "{\"advance_seconds\": -5}" },
    { "/_sim/clock", "{\"advance_seconds\": \"5\"}" },
    { "/_sim/clock", "{\"advance_seconds\": null}" },
    { "/_sim/clock", "{\"advance_seconds\": 1e300}" },
    { "/_sim/fail-next", "{\"stage\": \"lunch\"}" },
    { "/_sim/fail-next", "{\"stage\": 3}" },
    { "/_sim/fail-next", "{\"stage\": \"none\"}" },
    { "/api/v1/notifications/ntf-1/read", "{]" },
    { ENV ("acmeweb", "live") "/upgrade", "\xff\xfe{}" },
    { ENV ("acmeweb", "live") "/upgrade", "{\"target_version\": \"6.3.21\"} trailing" },
  };
  g_autoptr(SimAnswer) nul = NULL;
  g_autoptr(SimAnswer) after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SimAnswer) answer = sim_request (f, "POST", cases[i].path, cases[i].body, NULL);
      g_autofree char *shown = g_strescape (cases[i].body, NULL);

      g_test_message ("POST %s %s", cases[i].path, shown);
      sim_assert_error (answer, 400, "bad_request");
    }

  nul = request_bytes (f, "POST", ENV ("acmeweb", "live") "/upgrade", SIM_TEST_TOKEN,
                       "{\"target_version\": \"6.3.21\"}\0", 29);
  sim_assert_error (nul, 400, "bad_request");

  after = sim_request (f, "GET", "/api/v1/packages/acmeweb/actions", NULL, NULL);
  g_assert_cmpuint (after->status, ==, 200);
  g_assert_cmpuint (sim_json_length (after->json, "actions"), ==, 0);
}

static void
test_test_controls_off (SimTest       *f,
                        gconstpointer  data)
{
  static const struct {
    const char *method;
    const char *path;
  } cases[] = {
    { "GET", "/_sim/clock" },
    { "POST", "/_sim/clock" },
    { "POST", "/_sim/fail-next" },
    { "POST", "/_sim/packages/acmeweb/maintenance" },
  };

  sim_test_start (f, COCKPIT_SIM_SEED_DEMO, NULL, 20, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SimAnswer) answer = sim_request (f, cases[i].method, cases[i].path, "{}", NULL);

      sim_assert_error (answer, 404, "not_found");
    }
}

/* Reading */

static void
test_me (SimTest       *f,
         gconstpointer  data)
{
  g_autoptr(JsonNode) me = sim_get (f, "/api/v1/me");

  g_assert_cmpstr (sim_json_string (me, "name"), ==, "Alex Example");
  g_assert_cmpstr (sim_json_string (me, "email"), ==, "alex@example.com");
  g_assert_cmpstr (sim_json_string (me, "role"), ==, "owner");
}

static guint
count_newer (JsonNode   *releases,
             const char *version)
{
  guint n = 0;

  for (guint i = 0; i < sim_json_length (releases, "releases"); i++)
    {
      g_autofree char *path = g_strdup_printf ("releases.%u.version", i);

      if (cockpit_version_compare_strings (sim_json_string (releases, path), version, NULL) > 0)
        n++;
    }
  return n;
}

static void
test_releases (SimTest       *f,
               gconstpointer  data)
{
  g_autoptr(JsonNode) releases = sim_get (f, "/api/v1/releases");
  static const char *const expected[] = {
    "6.2.0", "6.2.42", "6.2.42-sp1", "6.2.42-sp2", "6.2.66", "6.3.0", "6.3.18", "6.3.19",
    "6.3.20", "6.3.21", "6.4.0", "6.4.1", "6.4.2", "6.4.3",
  };
  guint n = sim_json_length (releases, "releases");
  gint64 now = sim_now (f);
  gint64 lts_release = 0;
  const char *newest_lts = NULL;

  g_assert_cmpuint (n, >=, 67 + 22 + 4);
  g_assert_cmpstr (sim_json_string (releases, "releases.0.version"), ==, "6.4.3");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("releases.%u", i);
      JsonNode *release = sim_json (releases, prefix);
      const char *version = sim_json_string (release, "version");
      g_autofree char *branch = g_strndup (version, 3);

      /* Highest first, each with its branch, a date in the past and notes. */
      if (i > 0)
        {
          g_autofree char *previous = g_strdup_printf ("releases.%u.version", i - 1);

          g_assert_cmpint (cockpit_version_compare_strings (sim_json_string (releases, previous), version, NULL), >, 0);
        }
      g_assert_cmpstr (sim_json_string (release, "branch"), ==, branch);
      g_assert_cmpint (sim_json_bool (release, "lts"), ==, !g_str_equal (branch, "6.4"));
      g_assert_cmpint (sim_json_time (release, "released_at"), <, now);
      g_assert_true (g_str_has_prefix (sim_json_string (release, "release_notes_url"), "https://"));
      if (sim_json_bool (release, "lts") && sim_json_time (release, "released_at") > lts_release)
        {
          lts_release = sim_json_time (release, "released_at");
          newest_lts = version;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < n && !found; j++)
        {
          g_autofree char *path = g_strdup_printf ("releases.%u.version", j);

          found = g_str_equal (sim_json_string (releases, path), expected[i]);
        }
      g_assert_true (found);
    }

  /* The latest LTS release is about 40 days old: its 60-day deadline is near. */
  g_assert_cmpstr (newest_lts, ==, "6.3.21");
  g_assert_cmpint (now - lts_release, >, 39 * DAY);
  g_assert_cmpint (now - lts_release, <, 41 * DAY);
}

static void
test_packages (SimTest       *f,
               gconstpointer  data)
{
  g_autoptr(JsonNode) packages = sim_get (f, "/api/v1/packages");
  g_autoptr(JsonNode) releases = sim_get (f, "/api/v1/releases");
  JsonNode *acme, *globex, *initech;
  gboolean some_protected = FALSE;
  gint64 now = sim_now (f);
  gint64 left;

  /* The fifth, hooli, with its scheduled upgrade, is checked in test-sim-plans.c. */
  g_assert_cmpuint (sim_json_length (packages, "packages"), ==, 5);
  acme = sim_json (packages, "packages.0");
  globex = sim_json (packages, "packages.1");
  initech = sim_json (packages, "packages.2");

  /* acmeweb: ready to upgrade. */
  g_assert_cmpstr (sim_json_string (acme, "id"), ==, "acmeweb");
  g_assert_cmpstr (sim_json_string (acme, "name"), ==, "Acme Corporation Website");
  g_assert_cmpstr (sim_json_string (acme, "status"), ==, "ok");
  g_assert_true (sim_json_is_null (acme, "running_action"));
  g_assert_true (sim_json_is_null (acme, "maintenance_message"));
  g_assert_cmpuint (sim_json_length (acme, "environments"), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("environments.%u", i);
      JsonNode *env = sim_json (acme, prefix);

      g_assert_false (sim_json_bool (env, "protected"));
      g_assert_true (sim_json_is_null (env, "upgrade_backup"));
      g_assert_cmpstr (sim_json_string (env, "state"), ==, "running");
      g_assert_cmpuint (count_newer (releases, sim_json_string (env, "magnolia_version")), >=, 2);
      g_assert_cmpstr (sim_json_string (env, "package_id"), ==, "acmeweb");
      g_assert_true (g_str_has_suffix (sim_json_string (env, "bundle"), sim_json_string (env, "magnolia_version")));
    }
  g_assert_cmpstr (sim_json_string (sim_package_environment (acme, "live"), "name"), ==, "Live");
  g_assert_cmpstr (sim_json_string (sim_package_environment (acme, "uat"), "name"), ==, "UAT");
  g_assert_cmpstr (sim_json_string (sim_package_environment (acme, "integration"), "name"), ==, "Integration");

  /* globex: an upgrade backup with about 30 hours left. */
  left = sim_json_time (sim_package_environment (globex, "live"), "upgrade_backup.expires_at") - now;
  g_assert_cmpint (left, >, 29 * 3600);
  g_assert_cmpint (left, <=, 30 * 3600);

  /* initech: in maintenance. */
  g_assert_cmpstr (sim_json_string (initech, "status"), ==, "maintenance");
  g_assert_nonnull (sim_json_string (initech, "maintenance_message"));

  for (guint p = 0; p < 4; p++)
    for (guint e = 0; e < 3; e++)
      {
        g_autofree char *path = g_strdup_printf ("packages.%u.environments.%u.protected", p, e);

        some_protected |= sim_json_bool (packages, path);
      }
  g_assert_true (some_protected);

  /* One package by id is the same as in the list. */
  {
    g_autoptr(JsonNode) one = sim_get (f, "/api/v1/packages/globex");

    g_assert_true (json_node_equal (one, globex));
  }
}

static void
test_available_versions (SimTest       *f,
                         gconstpointer  data)
{
  g_autoptr(JsonNode) live = sim_get (f, ENV ("acmeweb", "live") "/available-versions");
  g_autoptr(JsonNode) integration = sim_get (f, ENV ("globex", "integration") "/available-versions");
  g_autoptr(JsonNode) old = sim_get (f, ENV ("umbrella", "live") "/available-versions");
  guint n = sim_json_length (live, "versions");

  /* Newer than 6.3.18, highest first. */
  g_assert_cmpuint (n, ==, 3 + 4);
  g_assert_cmpstr (sim_json_string (live, "versions.0.version"), ==, "6.4.3");
  g_assert_cmpstr (sim_json_string (live, "versions.6.version"), ==, "6.3.19");
  g_assert_cmpuint (sim_json_length (integration, "versions"), ==, 0);

  /* 6.2.42-sp2: the 6.2.43 and later and all of 6.3 and 6.4 are newer. */
  for (guint i = 0; i < sim_json_length (old, "versions"); i++)
    {
      g_autofree char *path = g_strdup_printf ("versions.%u.version", i);

      g_assert_cmpint (cockpit_version_compare_strings (sim_json_string (old, path), "6.2.42-sp2", NULL), >, 0);
    }
  g_assert_cmpstr (sim_json_string (old, "versions.0.version"), ==, "6.4.3");
}

static void
test_notifications (SimTest       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) list = sim_get (f, "/api/v1/notifications");
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(SimAnswer) read = NULL;
  g_autoptr(SimAnswer) archive = NULL;
  g_autoptr(SimAnswer) missing = NULL;
  guint n = sim_json_length (list, "notifications");
  gboolean severities[3] = { FALSE, FALSE, FALSE };
  guint n_read = 0, n_archived = 0;
  const char *unread = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("notifications.%u", i);
      JsonNode *item = sim_json (list, prefix);
      const char *severity = sim_json_string (item, "severity");

      severities[0] |= g_str_equal (severity, "critical");
      severities[1] |= g_str_equal (severity, "warning");
      severities[2] |= g_str_equal (severity, "info");
      n_read += sim_json_bool (item, "read");
      n_archived += sim_json_bool (item, "archived");
      if (!sim_json_bool (item, "read") && unread == NULL)
        unread = sim_json_string (item, "id");
      g_assert_cmpuint (strlen (sim_json_string (item, "title")), >, 0);
      g_assert_cmpuint (strlen (sim_json_string (item, "body")), >, 0);
      sim_json_time (item, "received_at");
      if (i > 0)
        {
          g_autofree char *previous = g_strdup_printf ("notifications.%u.received_at", i - 1);

          g_assert_cmpint (sim_json_time (list, previous), >=, sim_json_time (item, "received_at"));
        }
    }
  g_assert_true (severities[0] && severities[1] && severities[2]);
  g_assert_cmpuint (n_read, >, 0);
  g_assert_cmpuint (n_read, <, n);
  g_assert_cmpuint (n_archived, ==, 1);
  g_assert_nonnull (unread);

  {
    g_autofree char *read_path = g_strdup_printf ("/api/v1/notifications/%s/read", unread);
    g_autofree char *archive_path = g_strdup_printf ("/api/v1/notifications/%s/archive", unread);

    read = sim_request (f, "POST", read_path, NULL, NULL);
    archive = sim_request (f, "POST", archive_path, NULL, NULL);
  }
  g_assert_cmpuint (read->status, ==, 204);
  g_assert_cmpuint (g_bytes_get_size (read->body), ==, 0);
  g_assert_cmpuint (archive->status, ==, 204);

  after = sim_get (f, "/api/v1/notifications");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("notifications.%u", i);
      JsonNode *item = sim_json (after, prefix);

      if (g_str_equal (sim_json_string (item, "id"), unread))
        {
          g_assert_true (sim_json_bool (item, "read"));
          g_assert_true (sim_json_bool (item, "archived"));
        }
    }

  missing = sim_request (f, "POST", "/api/v1/notifications/ntf-999/read", NULL, NULL);
  sim_assert_error (missing, 404, "not_found");
}

/* Seeds */

static void
test_seed_demo_activity (SimTest       *f,
                         gconstpointer  data)
{
  g_autoptr(JsonNode) page = sim_get (f, "/api/v1/packages/acmeweb/activity?limit=1000");
  guint n = sim_json_length (page, "entries");
  guint types[3] = { 0, 0, 0 };
  guint system = 0;
  gint64 now = sim_now (f);

  g_assert_cmpuint (n, >=, 200);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("entries.%u", i);
      JsonNode *entry = sim_json (page, prefix);
      const char *type = sim_json_string (entry, "type");

      types[0] += g_str_equal (type, "info");
      types[1] += g_str_equal (type, "warning");
      types[2] += g_str_equal (type, "error");
      system += g_str_equal (sim_json_string (entry, "by"), "System");
      g_assert_cmpint (sim_json_time (entry, "at"), <=, now);
      g_assert_cmpint (sim_json_time (entry, "started_at"), <=, sim_json_time (entry, "finished_at"));
    }
  g_assert_cmpuint (types[0], >, 0);
  g_assert_cmpuint (types[1], >, 0);
  g_assert_cmpuint (types[2], >, 0);
  g_assert_cmpuint (system, >, 0);
  g_assert_cmpuint (system, <, n);
  /* Spread over months. */
  g_assert_cmpint (now - sim_json_time (page, "entries.199.at"), >, 60 * DAY);

  /* Every package's log is newest first, and in the past. */
  for (guint p = 0; p < 4; p++)
    {
      static const char *const ids[] = { "acmeweb", "globex", "initech", "umbrella" };
      g_autofree char *path = g_strdup_printf ("/api/v1/packages/%s/activity?limit=1000", ids[p]);
      g_autoptr(JsonNode) log = sim_get (f, path);
      gint64 previous = now;

      g_assert_cmpuint (sim_json_length (log, "entries"), >, 10);
      for (guint i = 0; i < sim_json_length (log, "entries"); i++)
        {
          g_autofree char *at = g_strdup_printf ("entries.%u.at", i);

          g_assert_cmpint (sim_json_time (log, at), <=, previous);
          previous = sim_json_time (log, at);
        }
    }
}

/* The demo seed is deterministic: two simulators started in the same second agree. */
static void
test_seed_deterministic (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SimAnswer) a = NULL;
  g_autoptr(SimAnswer) b = NULL;
  CockpitSimulator *one = NULL, *two = NULL;
  gboolean same_second = FALSE;

  for (guint attempt = 0; attempt < 5 && !same_second; attempt++)
    {
      g_autoptr(GDateTime) t1 = NULL;
      g_autoptr(GDateTime) t2 = NULL;

      g_clear_object (&one);
      g_clear_object (&two);
      one = cockpit_simulator_new ("t", COCKPIT_SIM_SEED_DEMO, NULL, 20, FALSE, &error);
      two = cockpit_simulator_new ("t", COCKPIT_SIM_SEED_DEMO, NULL, 20, FALSE, &error);
      g_assert_no_error (error);
      t1 = cockpit_simulator_get_now (one);
      t2 = cockpit_simulator_get_now (two);
      same_second = g_date_time_equal (t1, t2);
    }
  if (!same_second)
    {
      g_clear_object (&one);
      g_clear_object (&two);
      g_test_skip ("The clock kept ticking over between the two simulators");
      return;
    }

  g_assert_true (cockpit_simulator_listen (one, "127.0.0.1", 0, &error));
  g_assert_true (cockpit_simulator_listen (two, "127.0.0.1", 0, &error));
  a = sim_request_to (session, cockpit_simulator_get_base_url (one), "GET",
                      "/api/v1/packages/acmeweb/activity?limit=1000", "t", NULL, NULL);
  b = sim_request_to (session, cockpit_simulator_get_base_url (two), "GET",
                      "/api/v1/packages/acmeweb/activity?limit=1000", "t", NULL, NULL);
  g_assert_true (g_bytes_equal (a->body, b->body));
  g_clear_object (&session);
  g_assert_finalize_object (one);
  g_assert_finalize_object (two);
}

static void
test_seed_empty (SimTest       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) packages = NULL;
  g_autoptr(JsonNode) releases = NULL;

  sim_test_start (f, COCKPIT_SIM_SEED_EMPTY, NULL, 20, TRUE);
  packages = sim_get (f, "/api/v1/packages");
  g_assert_cmpuint (sim_json_length (packages, "packages"), ==, 0);
  releases = sim_get (f, "/api/v1/releases");
  g_assert_cmpuint (sim_json_length (releases, "releases"), >, 0);
}

static void
test_seed_large (SimTest       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) packages = NULL;
  g_autoptr(JsonNode) newest = NULL;
  gint64 start = g_get_monotonic_time ();

  sim_test_start (f, COCKPIT_SIM_SEED_LARGE, NULL, 20, FALSE);
  g_test_message ("large seed: %.0f ms", (g_get_monotonic_time () - start) / 1000.0);

  packages = sim_get (f, "/api/v1/packages");
  g_assert_cmpuint (sim_json_length (packages, "packages"), ==, 50);
  newest = sim_get (f, "/api/v1/packages/pkg01/activity?limit=1");
  g_assert_cmpstr (sim_json_string (newest, "entries.0.id"), ==, "ent-pkg01-100000");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cockpit/sim/api/" path, SimTest, NULL, sim_test_setup, func, sim_test_teardown)

  g_test_add_func ("/cockpit/sim/api/create-destroy", test_create_destroy);
  g_test_add_func ("/cockpit/sim/api/new-errors", test_new_errors);
  ADD ("unauthorized", test_unauthorized);
  ADD ("not-found", test_not_found);
  ADD ("hostile-paths", test_hostile_paths);
  ADD ("method-not-allowed", test_method_not_allowed);
  ADD ("head", test_head);
  ADD ("payload-too-large", test_payload_too_large);
  ADD ("malformed", test_malformed);
  ADD ("test-controls-off", test_test_controls_off);
  ADD ("me", test_me);
  ADD ("releases", test_releases);
  ADD ("packages", test_packages);
  ADD ("available-versions", test_available_versions);
  ADD ("notifications", test_notifications);
  ADD ("seed/demo-activity", test_seed_demo_activity);
  g_test_add_func ("/cockpit/sim/api/seed/deterministic", test_seed_deterministic);
  ADD ("seed/empty", test_seed_empty);
  ADD ("seed/large", test_seed_large);

#undef ADD

  return g_test_run ();
}
