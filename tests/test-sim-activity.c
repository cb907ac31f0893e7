/* test-sim-activity.c: the simulator's activity log: pages, filters and cursors, over real HTTP.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sim-test-util.h"

#define ENV(p, k) "/api/v1/packages/" p "/environments/" p "-" k

/* Every entry of @package_id that @query selects, paged @limit at a time;
 * checks the pages' order and cursors on the way. */
static GPtrArray *
collect (SimTest    *f,
         const char *package_id,
         const char *query,
         guint       limit,
         guint      *n_pages)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *cursor = NULL;
  gint64 previous_at = G_MAXINT64;

  *n_pages = 0;
  do
    {
      g_autofree char *escaped = cursor ? g_uri_escape_string (cursor, NULL, TRUE) : NULL;
      g_autofree char *path = g_strdup_printf ("/api/v1/packages/%s/activity?limit=%u%s%s%s%s",
                                               package_id, limit, query ? "&" : "", query ? query : "",
                                               cursor ? "&before=" : "", cursor ? escaped : "");
      g_autoptr(JsonNode) page = sim_get (f, path);
      guint n = sim_json_length (page, "entries");

      g_assert_cmpuint (n, <=, limit);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *prefix = g_strdup_printf ("entries.%u", i);
          JsonNode *entry = sim_json (page, prefix);
          gint64 at = sim_json_time (entry, "at");

          /* Newest first. */
          g_assert_cmpint (at, <=, previous_at);
          previous_at = at;
          g_ptr_array_add (ids, g_strdup (sim_json_string (entry, "id")));
        }

      g_clear_pointer (&cursor, g_free);
      if (!sim_json_is_null (page, "next_before"))
        {
          /* A page with a next page is full. */
          g_assert_cmpuint (n, ==, limit);
          cursor = g_strdup (sim_json_string (page, "next_before"));
        }
      (*n_pages)++;
    }
  while (cursor != NULL);

  return ids;
}

static void
assert_unique (GPtrArray *ids)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < ids->len; i++)
    g_assert_true (g_hash_table_add (seen, g_ptr_array_index (ids, i)));
}

static void
test_pages (SimTest       *f,
            gconstpointer  data)
{
  g_autoptr(JsonNode) all = sim_get (f, "/api/v1/packages/acmeweb/activity?limit=1000");
  g_autoptr(JsonNode) first = sim_get (f, "/api/v1/packages/acmeweb/activity");
  g_autoptr(GPtrArray) ids = NULL;
  guint total = sim_json_length (all, "entries");
  guint n_pages;

  g_assert_true (sim_json_is_null (all, "next_before"));
  g_assert_cmpuint (total, >=, 200);

  /* 100 by default. */
  g_assert_cmpuint (sim_json_length (first, "entries"), ==, 100);
  g_assert_false (sim_json_is_null (first, "next_before"));

  /* Pages of 37 give all, once each, in the same order as one big page. */
  ids = collect (f, "acmeweb", NULL, 37, &n_pages);
  g_assert_cmpuint (ids->len, ==, total);
  g_assert_cmpuint (n_pages, ==, (total + 36) / 37);
  assert_unique (ids);
  for (guint i = 0; i < total; i++)
    {
      g_autofree char *path = g_strdup_printf ("entries.%u.id", i);

      g_assert_cmpstr (g_ptr_array_index (ids, i), ==, sim_json_string (all, path));
    }

  /* A page size that divides the total: the last page ends the list. */
  {
    g_autoptr(GPtrArray) exact = collect (f, "globex", NULL, 1, &n_pages);
    g_autoptr(JsonNode) globex = sim_get (f, "/api/v1/packages/globex/activity?limit=1000");

    g_assert_cmpuint (exact->len, ==, sim_json_length (globex, "entries"));
    g_assert_cmpuint (n_pages, ==, exact->len);
  }
}

static void
test_limit (SimTest       *f,
            gconstpointer  data)
{
  static const char *const bad[] = { "0", "1001", "-1", "abc", "", "1.5", "10x", "99999999999999999999" };
  g_autoptr(JsonNode) one = sim_get (f, "/api/v1/packages/acmeweb/activity?limit=1");
  g_autoptr(JsonNode) max = sim_get (f, "/api/v1/packages/acmeweb/activity?limit=1000");

  g_assert_cmpuint (sim_json_length (one, "entries"), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/packages/acmeweb/activity?limit=%s", bad[i]);
      g_autoptr(SimAnswer) answer = sim_request (f, "GET", path, NULL, NULL);

      g_test_message ("limit=%s", bad[i]);
      sim_assert_error (answer, 400, "bad_request");
    }
}

static void
check_filter (SimTest    *f,
              const char *query,
              gboolean  (*matches) (JsonNode *entry, gconstpointer data),
              gconstpointer data,
              guint       limit)
{
  g_autoptr(JsonNode) all = sim_get (f, "/api/v1/packages/acmeweb/activity?limit=1000");
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GPtrArray) ids = NULL;
  guint n_pages;

  for (guint i = 0; i < sim_json_length (all, "entries"); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("entries.%u", i);
      JsonNode *entry = sim_json (all, prefix);

      if (matches (entry, data))
        g_ptr_array_add (expected, (gpointer) sim_json_string (entry, "id"));
    }

  ids = collect (f, "acmeweb", query, limit, &n_pages);
  g_test_message ("%s: %u entries", query, ids->len);
  g_assert_cmpuint (ids->len, ==, expected->len);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpstr (g_ptr_array_index (ids, i), ==, g_ptr_array_index (expected, i));
}

static gboolean
member_is (JsonNode      *entry,
           gconstpointer  data)
{
  const char *const *pair = data;

  return !sim_json_is_null (entry, pair[0]) && g_str_equal (sim_json_string (entry, pair[0]), pair[1]);
}

static gboolean
contains_folded (JsonNode      *entry,
                 gconstpointer  data)
{
  static const char *const fields[] = { "activity", "by", "bundle" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *folded = NULL;

      if (sim_json_is_null (entry, fields[i]))
        continue;
      folded = g_utf8_casefold (sim_json_string (entry, fields[i]), -1);
      if (strstr (folded, data) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
info_live_upgraded (JsonNode      *entry,
                    gconstpointer  data)
{
  return g_str_equal (sim_json_string (entry, "type"), "info") &&
         !sim_json_is_null (entry, "affects") &&
         g_str_equal (sim_json_string (entry, "affects"), "live") &&
         contains_folded (entry, "upgraded");
}

static gboolean
nothing (JsonNode      *entry,
         gconstpointer  data)
{
  return FALSE;
}

static void
test_filters (SimTest       *f,
              gconstpointer  data)
{
  static const char *const error[] = { "type", "error" };
  static const char *const warning[] = { "type", "warning" };
  static const char *const uat[] = { "affects", "uat" };
  static const char *const live[] = { "affects", "live" };

  check_filter (f, "type=error", member_is, error, 3);
  check_filter (f, "type=warning", member_is, warning, 5);
  check_filter (f, "affects=uat", member_is, uat, 4);
  check_filter (f, "affects=live", member_is, live, 50);
  check_filter (f, "q=BACKED%20UP", contains_folded, "backed up", 40);
  check_filter (f, "q=system", contains_folded, "system", 100);
  check_filter (f, "q=webapp-6.3.19", contains_folded, "webapp-6.3.19", 7);
  check_filter (f, "q=Sam%20Rivera", contains_folded, "sam rivera", 7);
  check_filter (f, "type=info&affects=live&q=Upgraded", info_live_upgraded, NULL, 2);
  check_filter (f, "q=no%20such%20text%20anywhere", nothing, NULL, 10);
  check_filter (f, "q=", contains_folded, "", 1000);
}

static void
test_filter_values (SimTest       *f,
                    gconstpointer  data)
{
  static const char *const bad[] = {
    "type=fatal", "type=", "type=INFO", "affects=staging", "affects=none", "affects=",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/packages/acmeweb/activity?%s", bad[i]);
      g_autoptr(SimAnswer) answer = sim_request (f, "GET", path, NULL, NULL);

      g_test_message ("%s", bad[i]);
      sim_assert_error (answer, 400, "bad_request");
    }
}

static void
test_cursor_misuse (SimTest       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) page = sim_get (f, "/api/v1/packages/acmeweb/activity?limit=5&type=info");
  g_autofree char *cursor = g_uri_escape_string (sim_json_string (page, "next_before"), NULL, TRUE);
  g_autofree char *forged = NULL;
  g_autofree char *forged_escaped = NULL;
  const char *queries[] = {
    "type=error", "", "type=info&affects=live", "type=info&q=x", "affects=live",
  };

  /* With its own filter, the cursor works, whatever the limit. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/packages/acmeweb/activity?type=info&limit=7&before=%s", cursor);
    g_autoptr(JsonNode) next = sim_get (f, path);

    g_assert_cmpuint (sim_json_length (next, "entries"), ==, 7);
  }

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/packages/acmeweb/activity?%s&before=%s", queries[i], cursor);
      g_autoptr(SimAnswer) answer = sim_request (f, "GET", path, NULL, NULL);

      g_test_message ("%s", path);
      sim_assert_error (answer, 400, "bad_request");
    }

  /* Another package's log, or the action list, or nonsense. */
  {
    g_autofree char *other = g_strdup_printf ("/api/v1/packages/globex/activity?type=info&before=%s", cursor);
    g_autofree char *actions = g_strdup_printf ("/api/v1/packages/acmeweb/actions?before=%s", cursor);
    g_autoptr(SimAnswer) a = sim_request (f, "GET", other, NULL, NULL);
    g_autoptr(SimAnswer) b = sim_request (f, "GET", actions, NULL, NULL);
    g_autoptr(SimAnswer) c = sim_request (f, "GET", "/api/v1/packages/acmeweb/activity?before=***", NULL, NULL);
    g_autoptr(SimAnswer) d = sim_request (f, "GET", "/api/v1/packages/acmeweb/activity?before=bm9wZQ==", NULL, NULL);
    g_autoptr(SimAnswer) e = sim_request (f, "GET", "/api/v1/packages/acmeweb/activity?before=", NULL, NULL);

    sim_assert_error (a, 400, "bad_request");
    sim_assert_error (b, 400, "bad_request");
    sim_assert_error (c, 400, "bad_request");
    sim_assert_error (d, 400, "bad_request");
    sim_assert_error (e, 400, "bad_request");
  }

  /* A position past the end of the log is not accepted either. */
  {
    g_autofree guchar *decoded = NULL;
    g_auto(GStrv) parts = NULL;
    g_autofree char *text = NULL;
    g_autofree char *path = NULL;
    g_autoptr(SimAnswer) answer = NULL;
    gsize size;

    g_autoptr(GString) padded = g_string_new (sim_json_string (page, "next_before"));

    /* URL-safe base64 without padding. */
    g_strdelimit (padded->str, "-", '+');
    g_strdelimit (padded->str, "_", '/');
    while (padded->len % 4 != 0)
      g_string_append_c (padded, '=');
    decoded = g_base64_decode (padded->str, &size);
    text = g_strndup ((const char *) decoded, size);
    parts = g_strsplit (text, ".", -1);
    g_assert_cmpuint (g_strv_length (parts), ==, 3);
    g_free (text);
    text = g_strdup_printf ("%s.999999.%s", parts[0], parts[2]);
    forged = g_base64_encode ((const guchar *) text, strlen (text));
    g_strdelimit (forged, "+", '-');
    g_strdelimit (forged, "/", '_');
    g_strdelimit (forged, "=", '\0');
    forged_escaped = g_uri_escape_string (forged, NULL, TRUE);
    path = g_strdup_printf ("/api/v1/packages/acmeweb/activity?type=info&before=%s", forged_escaped);
    answer = sim_request (f, "GET", path, NULL, NULL);
    sim_assert_error (answer, 400, "bad_request");
  }
}

/* New entries go on top: a cursor taken before them still continues
 * exactly where its page ended. */
static void
test_cursor_stable (SimTest       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) all = sim_get (f, "/api/v1/packages/acmeweb/activity?limit=20");
  g_autoptr(JsonNode) first = sim_get (f, "/api/v1/packages/acmeweb/activity?limit=10");
  g_autoptr(JsonNode) action = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) top = NULL;
  g_autofree char *cursor = g_uri_escape_string (sim_json_string (first, "next_before"), NULL, TRUE);
  g_autofree char *path = g_strdup_printf ("/api/v1/packages/acmeweb/activity?limit=10&before=%s", cursor);

  action = sim_start (f, "POST", ENV ("acmeweb", "live") "/backups", NULL);
  sim_advance (f, SIM_TEST_STAGE_SECONDS);

  second = sim_get (f, path);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *a = g_strdup_printf ("entries.%u.id", i);
      g_autofree char *b = g_strdup_printf ("entries.%u.id", i + 10);

      g_assert_cmpstr (sim_json_string (second, a), ==, sim_json_string (all, b));
    }

  top = sim_get (f, "/api/v1/packages/acmeweb/activity?limit=1");
  g_assert_cmpstr (sim_json_string (top, "entries.0.action_id"), ==, sim_json_string (action, "id"));
}

/* Paging through 100,000 entries stays fast: each page costs its size,
 * not the log's. */
static void
test_large (SimTest       *f,
            gconstpointer  data)
{
  g_autofree char *cursor = NULL;
  gint64 start;
  guint n = 0;

  sim_test_start (f, COCKPIT_SIM_SEED_LARGE, NULL, 20, FALSE);

  start = g_get_monotonic_time ();
  for (guint page = 0; page < 50; page++)
    {
      g_autofree char *escaped = cursor ? g_uri_escape_string (cursor, NULL, TRUE) : NULL;
      g_autofree char *path = g_strdup_printf ("/api/v1/packages/pkg01/activity?limit=1000%s%s",
                                               cursor ? "&before=" : "", cursor ? escaped : "");
      g_autoptr(JsonNode) json = sim_get (f, path);

      n += sim_json_length (json, "entries");
      g_clear_pointer (&cursor, g_free);
      cursor = g_strdup (sim_json_string (json, "next_before"));
    }
  g_test_message ("50 pages of 1000: %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (n, ==, 50000);

  /* A filter that matches nothing scans the whole log once. */
  {
    g_autoptr(JsonNode) none = sim_get (f, "/api/v1/packages/pkg01/activity?q=nothing%20like%20this");

    g_assert_cmpuint (sim_json_length (none, "entries"), ==, 0);
    g_assert_true (sim_json_is_null (none, "next_before"));
  }
  {
    g_autoptr(JsonNode) errors = sim_get (f, "/api/v1/packages/pkg01/activity?type=error&affects=uat&limit=10");

    g_assert_cmpuint (sim_json_length (errors, "entries"), ==, 10);
    g_assert_cmpstr (sim_json_string (errors, "entries.9.type"), ==, "error");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cockpit/sim/activity/" path, SimTest, NULL, sim_test_setup, func, sim_test_teardown)

  ADD ("pages", test_pages);
  ADD ("limit", test_limit);
  ADD ("filters", test_filters);
  ADD ("filter-values", test_filter_values);
  ADD ("cursor-misuse", test_cursor_misuse);
  ADD ("cursor-stable", test_cursor_stable);
  ADD ("large", test_large);

#undef ADD

  return g_test_run ();
}
