/* test-activity-csv.c: the activity log as CSV: the text of each field, and the export to a file.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cockpit-activity-csv.h"
#include "test-sim-util.h"

#define HEADER "at,type,activity,affects,by,started,finished,bundle,action_id\r\n"

static CockpitActivityEntry *
entry_new (GDateTime  *at,
           const char *activity,
           const char *by)
{
  CockpitActivityEntry *entry = cockpit_activity_entry_new ();

  cockpit_activity_entry_set_id (entry, "e-1");
  cockpit_activity_entry_set_at (entry, at);
  cockpit_activity_entry_set_entry_type (entry, COCKPIT_ENTRY_TYPE_INFO);
  cockpit_activity_entry_set_activity (entry, activity);
  cockpit_activity_entry_set_affects (entry, COCKPIT_ENVIRONMENT_KIND_LIVE);
  cockpit_activity_entry_set_by (entry, by);
  return entry;
}

/* The CSV of @entries as a string. */
static char *
build (CockpitActivityEntry *first,
       ...)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = NULL;
  va_list args;

  va_start (args, first);
  for (CockpitActivityEntry *entry = first; entry != NULL; entry = va_arg (args, CockpitActivityEntry *))
    g_ptr_array_add (entries, entry);
  va_end (args);

  bytes = cockpit_activity_csv_build (entries);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_header_only (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = cockpit_activity_csv_build (entries);

  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), HEADER, strlen (HEADER));
}

/* A whole row: every column in its place, times in UTC, enums as the
 * contract names them, empty fields for what is not set. */
static void
test_row (void)
{
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 3, 1, 10, 5, 9);
  g_autoptr(GDateTime) started = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  CockpitActivityEntry *entry = entry_new (at, "Upgrade started", "Dana Scully");
  g_autofree char *csv = NULL;

  cockpit_activity_entry_set_started_at (entry, started);
  cockpit_activity_entry_set_bundle (entry, "6.3.21");
  cockpit_activity_entry_set_action_id (entry, "act-7");
  csv = build (entry, NULL);
  g_assert_cmpstr (csv, ==,
                   HEADER
                   "2026-03-01T10:05:09Z,info,Upgrade started,live,Dana Scully,2026-03-01T09:00:00Z,,6.3.21,act-7\r\n");
}

/* Times are written in UTC whatever zone they come in, so that a file
 * means the same on every computer. */
static void
test_utc_not_local (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("+05:30");
  g_autoptr(GDateTime) at = g_date_time_new (zone, 2026, 3, 1, 0, 15, 0);
  g_autofree char *csv = NULL;

  g_assert_nonnull (zone);
  csv = build (entry_new (at, "Backup made", "cockpit"), NULL);
  g_assert_cmpstr (csv, ==, HEADER "2026-02-28T18:45:00Z,info,Backup made,live,cockpit,,,,\r\n");
}

static const struct {
  const char *name;
  const char *activity;
  const char *field;   /* as the activity column must read */
} fields[] = {
  { "plain", "Upgrade started", "Upgrade started" },
  { "comma", "Live, UAT and Integration", "\"Live, UAT and Integration\"" },
  { "quote", "The \"big\" upgrade", "\"The \"\"big\"\" upgrade\"" },
  { "newline", "First line\nsecond line", "\"First line\nsecond line\"" },
  { "carriage return", "a\r\nb", "\"a\r\nb\"" },
  { "non-ASCII", "Sauvegarde créée — Größe 3 GB ✓", "Sauvegarde créée — Größe 3 GB ✓" },
  { "formula =", "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"" },
  { "formula +", "+1", "\"'+1\"" },
  { "formula -", "-1", "\"'-1\"" },
  { "formula @", "@SUM(A1)", "\"'@SUM(A1)\"" },
  { "formula tab", "\tx", "\"'\tx\"" },
  { "empty", "", "" },
};

static void
test_fields (void)
{
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 3, 1, 10, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *csv = build (entry_new (at, fields[i].activity, "Fox"), NULL);
      g_autofree char *expected = g_strdup_printf (HEADER "2026-03-01T10:00:00Z,info,%s,live,Fox,,,,\r\n",
                                                   fields[i].field);

      g_test_message ("%s", fields[i].name);
      g_assert_cmpstr (csv, ==, expected);
    }
}

/* Rows follow each other in the order given, each ended by CRLF. */
static void
test_rows_in_order (void)
{
  g_autoptr(GDateTime) first = g_date_time_new_utc (2026, 3, 2, 8, 0, 0);
  g_autoptr(GDateTime) second = g_date_time_new_utc (2026, 3, 1, 8, 0, 0);
  g_autofree char *csv = build (entry_new (first, "B", "x"), entry_new (second, "A", "y"), NULL);

  g_assert_cmpstr (csv, ==,
                   HEADER
                   "2026-03-02T08:00:00Z,info,B,live,x,,,,\r\n"
                   "2026-03-01T08:00:00Z,info,A,live,y,,,,\r\n");
}

/* Exporting ------------------------------------------------------------------ */

static char *
export (CockpitClient  *client,
        GPtrArray      *entries,
        gboolean        at_end,
        const char     *cursor,
        const char     *path,
        GError        **error)
{
  CockpitActivityQuery filter = { .type = -1, .affects = COCKPIT_ENVIRONMENT_KIND_NONE };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  char *contents = NULL;

  cockpit_activity_csv_export_async (client, "acmeweb", &filter, entries, at_end, cursor, file,
                                     NULL, api_result_cb, &result);
  api_wait_result (&result);
  if (!cockpit_activity_csv_export_finish (result, error))
    return NULL;
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* With nothing to fetch, the file is what cockpit_activity_csv_build()
 * makes, and no temporary file is left beside it. */
static void
test_export_written (void)
{
  g_autofree char *dir = g_dir_make_tmp ("activity-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "log.csv", NULL);
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 3, 1, 10, 0, 0);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) folder = NULL;
  g_autofree char *contents = NULL;
  const char *name;
  guint n_files = 0;

  g_ptr_array_add (entries, entry_new (at, "One, two", "Fox"));
  expected = cockpit_activity_csv_build (entries);
  contents = export (NULL, entries, FALSE, NULL, path, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, strlen (contents), g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  folder = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_assert_cmpstr (name, ==, "log.csv");
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_export_missing_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("activity-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "missing", "log.csv", NULL);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  contents = export (NULL, entries, TRUE, NULL, path, &error);
  g_assert_null (contents);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_rmdir (dir);
}

/* Going on from a page already loaded gives the same file as fetching
 * the whole log from the start, across more than one page. */
static void
test_export_fetched (SimFixture    *f,
                     gconstpointer  data)
{
  CockpitActivityQuery query = { .limit = 7, .type = -1, .affects = COCKPIT_ENVIRONMENT_KIND_NONE };
  g_autofree char *dir = g_dir_make_tmp ("activity-csv-XXXXXX", NULL);
  g_autofree char *from_start_path = g_build_filename (dir, "all.csv", NULL);
  g_autofree char *going_on_path = g_build_filename (dir, "rest.csv", NULL);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *from_start = NULL;
  g_autofree char *going_on = NULL;
  g_auto(GStrv) rows = NULL;

  page = sim_list_activity (f->client, "acmeweb", &query, &cursor, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cursor);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (page)); i++)
    g_ptr_array_add (loaded, g_list_model_get_item (G_LIST_MODEL (page), i));

  from_start = export (f->client, none, FALSE, NULL, from_start_path, &error);
  g_assert_no_error (error);
  going_on = export (f->client, loaded, FALSE, cursor, going_on_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (going_on, ==, from_start);

  /* The demo's log is longer than one page of the list. */
  rows = g_strsplit (from_start, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (rows), >, 100);
  g_assert_true (g_str_has_prefix (from_start, HEADER));

  g_unlink (from_start_path);
  g_unlink (going_on_path);
  g_rmdir (dir);
}

static void
sim_setup (SimFixture    *f,
           gconstpointer  data)
{
  sim_fixture_start (f, "csv-token", NULL);
}

static void
sim_teardown (SimFixture    *f,
              gconstpointer  data)
{
  sim_fixture_stop (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/activity-csv/header-only", test_header_only);
  g_test_add_func ("/cockpit/activity-csv/row", test_row);
  g_test_add_func ("/cockpit/activity-csv/utc-not-local", test_utc_not_local);
  g_test_add_func ("/cockpit/activity-csv/fields", test_fields);
  g_test_add_func ("/cockpit/activity-csv/rows-in-order", test_rows_in_order);
  g_test_add_func ("/cockpit/activity-csv/export/written", test_export_written);
  g_test_add_func ("/cockpit/activity-csv/export/missing-folder", test_export_missing_folder);
  g_test_add ("/cockpit/activity-csv/export/fetched", SimFixture, NULL,
              sim_setup, test_export_fetched, sim_teardown);

  return g_test_run ();
}
