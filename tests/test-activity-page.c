/* test-activity-page.c: the activity log page against the simulator, page by page, with filters, export and screenshots.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulator runs in this process, on this thread's main context; the
 * page talks to it over HTTP like to a real cockpit.  The large seed's
 * first package has 100,000 entries; a demo seed whose state file the
 * test edits brings long texts, a comma and quotes, and a package with
 * no activity at all.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cockpit-activity-page.h"
#include "cockpit-symbolic-icon.h"
#include "cockpit-simulator.h"
#include "cockpit-text-cell.h"
#include "cockpit-widget-util.h"
#include "test-server-util.h"
#include "test-ui-util.h"

#define TOKEN "activity-page-test-token-7d1c"

/* Texts the edited demo state puts into acmeweb's newest entries. */
#define QUOTED_TEXT "Upgrade of \"Live\" to 6.3.21, as planned, was \"rolled back\""
#define QUOTED_BY   "Doe, Jane"
#define LONG_BY     "Maximilian Alexander von Hohenzollern-Sigmaringen"
/* A text with a time in it, as the contract's texts have. */
#define TIMED_TEXT  "The upgrade backup of the LIVE environment has been extended until 2026-12-07T09:15:00Z."
#define TIMED_SHOWN "The upgrade backup of the LIVE environment has been extended until Monday 7 December 2026 at 09:15."
#define LONG_TEXT \
  "Failed to upgrade the LIVE environment to 6.3.21. The replica did not pass its health check: " \
  "the site returned errors on 17 of 20 test pages, among them /en/products/industrial-equipment/" \
  "hydraulic-presses-and-accessories/replacement-parts-catalogue-2026 and the checkout. Nothing was " \
  "switched; Live still runs 6.3.18. Try again, or contact the Cloud Helpdesk with the action id if " \
  "it fails again."

typedef enum {
  SEED_LARGE,
  SEED_EDITED_DEMO,
} Seed;

typedef struct {
  char                *folder;
  CockpitSimulator    *sim;
  CockpitClient       *client;
  GSettings           *settings;
  GtkWindow           *window;
  CockpitActivityPage *page;
} Fixture;

/* Edits of the demo state */

static JsonObject *
find_package (JsonObject *root,
              const char *id)
{
  JsonArray *packages = json_object_get_array_member (root, "packages");

  for (guint i = 0; i < json_array_get_length (packages); i++)
    {
      JsonObject *package = json_array_get_object_element (packages, i);

      if (g_strcmp0 (json_object_get_string_member (package, "id"), id) == 0)
        return package;
    }
  g_assert_not_reached ();
}

static void
edit_state (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *acme, *umbrella;
  JsonArray *activity;
  guint n;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  /* acmeweb's log is oldest first: its newest three entries get long
   * texts, and a comma and quotes in the activity and in the name. */
  acme = find_package (root, "acmeweb");
  activity = json_object_get_array_member (acme, "activity");
  n = json_array_get_length (activity);
  g_assert_cmpuint (n, >, 200);
  json_object_set_string_member (json_array_get_object_element (activity, n - 1), "activity", QUOTED_TEXT);
  json_object_set_string_member (json_array_get_object_element (activity, n - 1), "by", QUOTED_BY);
  json_object_set_string_member (json_array_get_object_element (activity, n - 2), "activity", LONG_TEXT);
  json_object_set_string_member (json_array_get_object_element (activity, n - 2), "by", LONG_BY);
  json_object_set_string_member (json_array_get_object_element (activity, n - 3), "activity",
                                 "=HYPERLINK(\"https://example.com\") looks like a formula");
  json_object_set_string_member (json_array_get_object_element (activity, n - 4), "activity", TIMED_TEXT);

  /* umbrella has nothing to show. */
  umbrella = find_package (root, "umbrella");
  json_object_set_array_member (umbrella, "activity", json_array_new ());

  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  Seed seed = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;

  f->folder = g_dir_make_tmp ("test-activity-page-XXXXXX", &error);
  g_assert_no_error (error);

  if (seed == SEED_LARGE)
    f->sim = cockpit_simulator_new (TOKEN, COCKPIT_SIM_SEED_LARGE, NULL, 60, TRUE, &error);
  else
    {
      g_autofree char *path = g_build_filename (f->folder, "state.json", NULL);

      /* Made from the seed, edited, then loaded again. */
      f->sim = cockpit_simulator_new (TOKEN, COCKPIT_SIM_SEED_DEMO, path, 60, TRUE, &error);
      g_assert_no_error (error);
      cockpit_simulator_stop (f->sim);
      g_clear_object (&f->sim);
      edit_state (path);
      f->sim = cockpit_simulator_new (TOKEN, COCKPIT_SIM_SEED_DEMO, path, 60, TRUE, &error);
    }
  g_assert_no_error (error);
  cockpit_simulator_listen (f->sim, "127.0.0.1", 0, &error);
  g_assert_no_error (error);

  f->client = cockpit_client_new (cockpit_simulator_get_base_url (f->sim), TOKEN, &error);
  g_assert_no_error (error);
  cockpit_client_set_retry_delay (f->client, 10, 50);
  cockpit_client_set_timeouts (f->client, 5, 10);

  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "show-utc");
}

static void
fixture_open (Fixture    *f,
              const char *package_id)
{
  f->page = COCKPIT_ACTIVITY_PAGE (cockpit_activity_page_new (f->client, package_id, f->settings));
  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);

  f->window = GTK_WINDOW (gtk_window_new ());
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_set_default_size (f->window, 1100, 700);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);

  /* Nothing can have come back yet. */
  g_assert_true (cockpit_activity_page_get_loading (f->page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (f->page), COCKPIT_TYPE_ACTIVITY_PAGE, "stack"))), ==, "loading");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  CockpitClient *client = f->client;

  if (f->window != NULL)
    gtk_window_destroy (f->window);
  WAIT_FOR (f->window == NULL && f->page == NULL);

  /* Requests cancelled with the page let go of the client soon after. */
  g_object_add_weak_pointer (G_OBJECT (client), (gpointer *) &f->client);
  g_object_unref (client);
  WAIT_FOR (f->client == NULL);

  cockpit_simulator_stop (f->sim);
  g_assert_finalize_object (g_steal_pointer (&f->sim));
  g_clear_object (&f->settings);

  {
    g_autoptr(GDir) dir = g_dir_open (f->folder, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (f->folder, name, NULL);

        g_assert_cmpint (g_unlink (path), ==, 0);
      }
  }
  g_assert_cmpint (g_rmdir (f->folder), ==, 0);
  g_free (f->folder);
}

/* Helpers */

static GtkWidget *
child (Fixture    *f,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (f->page), COCKPIT_TYPE_ACTIVITY_PAGE, name);

  g_assert_true (GTK_IS_WIDGET (object));
  return GTK_WIDGET (object);
}

static const char *
stack_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (f, "stack")));
}

static guint
n_entries (Fixture *f)
{
  return g_list_model_get_n_items (cockpit_activity_page_get_entries (f->page));
}

static CockpitActivityEntry *
entry_at (Fixture *f,
          guint    position)
{
  g_autoptr(CockpitActivityEntry) entry = g_list_model_get_item (cockpit_activity_page_get_entries (f->page), position);

  /* The page's model keeps its own reference. */
  return entry;
}

static void
wait_loaded (Fixture *f)
{
  WAIT_FOR (!cockpit_activity_page_get_loading (f->page));
  cockpit_test_wait_for_draw (GTK_WIDGET (f->page));
}

static void
screenshot_both (Fixture    *f,
                 const char *name)
{
  g_autofree char *file = g_strdup_printf ("activity-%s", name);

  cockpit_test_save_screenshots (GTK_WIDGET (f->page), file);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  return cockpit_test_find_label (root, text, TRUE);
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  return find_label (root, text) != NULL;
}

/* A mapped label whose text or tooltip holds an RFC 3339 time, or NULL. */
static const char *
find_raw_time (GtkWidget *root,
               GRegex    *raw)
{
  if ((GTK_IS_LABEL (root) || COCKPIT_IS_TEXT_CELL (root)) && gtk_widget_get_mapped (root))
    {
      const char *text = GTK_IS_LABEL (root) ? gtk_label_get_text (GTK_LABEL (root))
                                             : cockpit_text_cell_get_text (COCKPIT_TEXT_CELL (root));
      const char *tooltip = cockpit_widget_get_tooltip_text (root);

      if (g_regex_match (raw, text, 0, NULL))
        return text;
      if (tooltip != NULL && g_regex_match (raw, tooltip, 0, NULL))
        return tooltip;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      const char *found = find_raw_time (c, raw);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
check_newest_first (Fixture *f)
{
  for (guint i = 1; i < n_entries (f); i++)
    g_assert_cmpint (g_date_time_compare (cockpit_activity_entry_get_at (entry_at (f, i - 1)),
                                          cockpit_activity_entry_get_at (entry_at (f, i))), >=, 0);
}

static void
scroll_to_bottom (Fixture *f)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child (f, "scroller")));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment));
}

/* The whole of a filter, straight from the client, for comparison. */
static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GPtrArray *
fetch_all (Fixture                *f,
           const char             *package_id,
           int                     type,
           CockpitEnvironmentKind  affects,
           const char             *text)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *cursor = NULL;

  do
    {
      CockpitActivityQuery query = { 1000, cursor, type, affects, text };
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GListStore) page = NULL;
      g_autoptr(GError) error = NULL;
      char *next = NULL;

      cockpit_client_list_activity_async (f->client, package_id, &query, NULL, store_result_cb, &result);
      WAIT_FOR (result != NULL);
      page = cockpit_client_list_activity_finish (f->client, result, &next, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (page)); i++)
        g_ptr_array_add (all, g_list_model_get_item (G_LIST_MODEL (page), i));
      g_free (cursor);
      cursor = next;
    }
  while (cursor != NULL);

  return all;
}

/* RFC 4180, strictly: CRLF after every record, quotes only around a
 * whole field, doubled inside it. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE, was_quoted = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p += 2;
            }
          else if (*p == '"')
            {
              quoted = FALSE;
              p++;
              g_assert_true (*p == ',' || (*p == '\r' && p[1] == '\n'));
            }
          else
            g_string_append_c (field, *p++);
          continue;
        }

      if (*p == '"')
        {
          g_assert_cmpuint (field->len, ==, 0);
          g_assert_false (was_quoted);
          quoted = was_quoted = TRUE;
          p++;
        }
      else if (*p == ',' || (*p == '\r' && p[1] == '\n'))
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          was_quoted = FALSE;
          if (*p == '\r')
            {
              g_ptr_array_add (fields, NULL);
              g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
              p += 2;
            }
          else
            p++;
        }
      else
        {
          /* Line breaks and quotes only inside quotes. */
          g_assert_true (*p != '\r' && *p != '\n' && *p != '"');
          g_string_append_c (field, *p++);
        }
    }

  g_assert_false (quoted);
  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (fields->len, ==, 0);
  return rows;
}

static char *
iso (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static GPtrArray *
export (Fixture     *f,
        const char  *name,
        GError     **error)
{
  g_autofree char *path = g_build_filename (f->folder, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) read_error = NULL;
  gsize length;

  cockpit_activity_page_export_async (f->page, file, NULL, store_result_cb, &result);
  WAIT_FOR (result != NULL);
  if (!cockpit_activity_page_export_finish (f->page, result, error))
    return NULL;

  g_file_get_contents (path, &contents, &length, &read_error);
  g_assert_no_error (read_error);
  g_assert_cmpuint (strlen (contents), ==, length);
  g_assert_true (g_utf8_validate (contents, -1, NULL));
  return parse_csv (contents);
}

static void
check_csv (GPtrArray *rows,
           GPtrArray *entries)
{
  const char *const header[] = { "at", "type", "activity", "affects", "by", "started", "finished",
                                 "bundle", "action_id", NULL };

  g_assert_cmpuint (rows->len, ==, entries->len + 1);
  g_assert_cmpstrv (g_ptr_array_index (rows, 0), header);

  for (guint i = 0; i < entries->len; i++)
    {
      CockpitActivityEntry *entry = g_ptr_array_index (entries, i);
      char **row = g_ptr_array_index (rows, i + 1);
      g_autofree char *at = iso (cockpit_activity_entry_get_at (entry));
      g_autofree char *started = iso (cockpit_activity_entry_get_started_at (entry));
      const char *activity = cockpit_activity_entry_get_activity (entry);
      const char *affects = cockpit_enum_to_string (COCKPIT_TYPE_ENVIRONMENT_KIND,
                                                    cockpit_activity_entry_get_affects (entry));

      g_assert_cmpuint (g_strv_length (row), ==, 9);
      g_assert_cmpstr (row[0], ==, at);
      g_assert_cmpstr (row[1], ==, cockpit_enum_to_string (COCKPIT_TYPE_ENTRY_TYPE,
                                                           cockpit_activity_entry_get_entry_type (entry)));
      if (activity[0] == '=')
        {
          /* Defused for spreadsheets, otherwise the same. */
          g_assert_cmpint (row[2][0], ==, '\'');
          g_assert_cmpstr (row[2] + 1, ==, activity);
        }
      else
        g_assert_cmpstr (row[2], ==, activity);
      g_assert_cmpstr (row[3], ==, affects ? affects : "");
      g_assert_cmpstr (row[4], ==, cockpit_activity_entry_get_by (entry));
      g_assert_cmpstr (row[5], ==, started);
      g_assert_cmpstr (row[7], ==, cockpit_activity_entry_get_bundle (entry) ?: "");
      g_assert_cmpstr (row[8], ==, cockpit_activity_entry_get_action_id (entry) ?: "");
    }
}

/* Tests */

static void
test_create_destroy (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *page = cockpit_activity_page_new (f->client, "pkg01", NULL);

  /* Destroyed while its first page is on its way. */
  g_object_ref_sink (page);
  g_assert_true (cockpit_activity_page_get_loading (COCKPIT_ACTIVITY_PAGE (page)));
  g_assert_finalize_object (page);
}

static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) now = cockpit_simulator_get_now (f->sim);

  fixture_open (f, "pkg01");
  wait_loaded (f);

  /* One page, newest first; the newest entry is an hour old. */
  g_assert_cmpuint (n_entries (f), ==, 100);
  g_assert_cmpstr (stack_page (f), ==, "list");
  check_newest_first (f);
  g_assert_cmpint (g_date_time_difference (now, cockpit_activity_entry_get_at (entry_at (f, 0))), >=,
                   G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_difference (now, cockpit_activity_entry_get_at (entry_at (f, 0))), <,
                   2 * G_TIME_SPAN_HOUR);
  g_assert_false (gtk_widget_get_visible (child (f, "footer")));
  g_assert_true (has_label (child (f, "column_view"), cockpit_activity_entry_get_activity (entry_at (f, 0))));
  screenshot_both (f, "list");

  /* Nothing more loads by itself. */
  for (int i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (cockpit_activity_page_get_loading (f->page));
  g_assert_cmpuint (n_entries (f), ==, 100);

  /* Scrolled to the bottom, the next page follows, in order. */
  scroll_to_bottom (f);
  WAIT_FOR (n_entries (f) == 200);
  wait_loaded (f);
  check_newest_first (f);
  for (guint i = 0; i < n_entries (f); i++)
    g_assert_true (g_hash_table_add (ids, (gpointer) cockpit_activity_entry_get_id (entry_at (f, i))));

  scroll_to_bottom (f);
  WAIT_FOR (n_entries (f) == 300);
  wait_loaded (f);
  check_newest_first (f);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* Whether the rows shown are the previous filter's, waiting for the new
 * one's answer: dimmed, out of the pointer's reach, no footer. */
static gboolean
rows_dimmed (Fixture *f)
{
  GtkWidget *scroller = child (f, "scroller");

  return gtk_widget_get_opacity (scroller) < 1.0 && !gtk_widget_get_can_target (scroller) &&
         !gtk_widget_get_visible (child (f, "footer"));
}

/* What the list's changes add, per change and per frame drawn. */
typedef struct {
  guint changes;
  guint max_added;
  guint max_removed;
  guint added_since_paint;
  guint max_added_per_frame;
} Changes;

static void
changes_items_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->changes++;
  changes->max_added = MAX (changes->max_added, added);
  changes->max_removed = MAX (changes->max_removed, removed);
  changes->added_since_paint += added;
  changes->max_added_per_frame = MAX (changes->max_added_per_frame, changes->added_since_paint);
}

static void
changes_paint_cb (GdkFrameClock *clock,
                  Changes       *changes)
{
  changes->added_since_paint = 0;
}

static void
check_all (Fixture                *f,
           int                     type,
           CockpitEnvironmentKind  affects,
           const char             *text)
{
  g_autofree char *folded = text ? g_utf8_casefold (text, -1) : NULL;

  g_assert_cmpuint (n_entries (f), >, 0);
  for (guint i = 0; i < n_entries (f); i++)
    {
      CockpitActivityEntry *entry = entry_at (f, i);

      if (type >= 0)
        g_assert_cmpint (cockpit_activity_entry_get_entry_type (entry), ==, type);
      if (affects != COCKPIT_ENVIRONMENT_KIND_NONE)
        g_assert_cmpint (cockpit_activity_entry_get_affects (entry), ==, affects);
      if (folded != NULL)
        {
          g_autofree char *haystack = g_strconcat (cockpit_activity_entry_get_activity (entry), "\n",
                                                   cockpit_activity_entry_get_by (entry), "\n",
                                                   cockpit_activity_entry_get_bundle (entry) ?: "", NULL);
          g_autofree char *folded_haystack = g_utf8_casefold (haystack, -1);

          g_assert_nonnull (strstr (folded_haystack, folded));
        }
    }
  check_newest_first (f);
}

/* A page after the first goes into the list 10 rows a frame: GTK 4.8
 * makes the widgets of rows appended near the view at once, and a whole
 * page's made in one frame dropped a frame while scrolling.  The first
 * page comes whole, and a filter changed while a page goes in drops the
 * rest of it. */
static void
test_slices (Fixture       *f,
             gconstpointer  data)
{
  GListModel *entries;
  GdkFrameClock *clock;
  Changes first = { 0, }, more = { 0, };

  fixture_open (f, "pkg01");
  entries = cockpit_activity_page_get_entries (f->page);
  g_signal_connect (entries, "items-changed", G_CALLBACK (changes_items_cb), &first);
  wait_loaded (f);
  g_signal_handlers_disconnect_by_func (entries, changes_items_cb, &first);
  g_assert_cmpuint (first.changes, ==, 1);
  g_assert_cmpuint (first.max_added, ==, 100);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->page));
  g_signal_connect (clock, "after-paint", G_CALLBACK (changes_paint_cb), &more);
  g_signal_connect (entries, "items-changed", G_CALLBACK (changes_items_cb), &more);
  scroll_to_bottom (f);
  WAIT_FOR (n_entries (f) == 200);
  wait_loaded (f);
  g_assert_cmpuint (more.changes, ==, 10);
  g_assert_cmpuint (more.max_added, ==, 10);
  g_assert_cmpuint (more.max_added_per_frame, <=, 10);
  g_assert_cmpuint (n_entries (f), ==, 200);
  check_newest_first (f);

  /* A filter in the middle of a page going in. */
  scroll_to_bottom (f);
  WAIT_FOR (n_entries (f) > 200);
  g_assert_cmpuint (n_entries (f), <, 300);
  cockpit_activity_page_set_filter (f->page, COCKPIT_ENTRY_TYPE_ERROR, COCKPIT_ENVIRONMENT_KIND_NONE, NULL);
  wait_loaded (f);
  for (int i = 0; i < 5; i++)
    cockpit_test_wait_for_draw (GTK_WIDGET (f->page));
  g_assert_cmpuint (n_entries (f), ==, 100);
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child (f, "scroller")))), ==, 0);
  check_all (f, COCKPIT_ENTRY_TYPE_ERROR, COCKPIT_ENVIRONMENT_KIND_NONE, NULL);
  g_signal_handlers_disconnect_by_func (clock, changes_paint_cb, &more);
  g_signal_handlers_disconnect_by_func (entries, changes_items_cb, &more);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *first_id = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  GtkDropDown *type_dropdown;
  guint notified = 0;
  Changes changes = { 0, };

  fixture_open (f, "pkg01");
  wait_loaded (f);
  first_id = g_strdup (cockpit_activity_entry_get_id (entry_at (f, 0)));

  /* Errors only: fewer than all, every one an error.  Until they come,
   * the rows of before stay, dimmed and out of reach, and the answer
   * replaces them in one change: emptying the list first tore every row
   * down and showed the loading page for a frame. */
  g_assert_false (rows_dimmed (f));
  g_signal_connect (cockpit_activity_page_get_entries (f->page), "items-changed",
                    G_CALLBACK (changes_items_cb), &changes);
  cockpit_activity_page_set_filter (f->page, COCKPIT_ENTRY_TYPE_ERROR, COCKPIT_ENVIRONMENT_KIND_NONE, NULL);
  g_assert_true (cockpit_activity_page_get_loading (f->page));
  g_assert_cmpuint (changes.changes, ==, 0);
  g_assert_cmpstr (stack_page (f), ==, "list");
  g_assert_true (rows_dimmed (f));
  wait_loaded (f);
  g_signal_handlers_disconnect_by_func (cockpit_activity_page_get_entries (f->page), changes_items_cb, &changes);
  g_assert_cmpuint (changes.changes, ==, 1);
  g_assert_cmpuint (changes.max_removed, ==, 100);
  g_assert_cmpuint (changes.max_added, ==, 100);
  g_assert_false (rows_dimmed (f));
  g_assert_cmpuint (n_entries (f), ==, 100);
  check_all (f, COCKPIT_ENTRY_TYPE_ERROR, COCKPIT_ENVIRONMENT_KIND_NONE, NULL);
  errors = fetch_all (f, "pkg01", COCKPIT_ENTRY_TYPE_ERROR, COCKPIT_ENVIRONMENT_KIND_NONE, NULL);
  g_assert_cmpuint (errors->len, >, 1000);
  g_assert_cmpuint (errors->len, <, 100000 / 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (child (f, "type_dropdown"))), ==, 3);
  screenshot_both (f, "filtered");

  /* Environment, then text on each field it looks in. */
  cockpit_activity_page_set_filter (f->page, -1, COCKPIT_ENVIRONMENT_KIND_LIVE, NULL);
  wait_loaded (f);
  check_all (f, -1, COCKPIT_ENVIRONMENT_KIND_LIVE, NULL);

  cockpit_activity_page_set_filter (f->page, -1, COCKPIT_ENVIRONMENT_KIND_NONE, "ANSWERED SLOWLY");
  wait_loaded (f);
  check_all (f, -1, COCKPIT_ENVIRONMENT_KIND_NONE, "answered slowly");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "search_entry"))), ==, "ANSWERED SLOWLY");

  cockpit_activity_page_set_filter (f->page, -1, COCKPIT_ENVIRONMENT_KIND_NONE, "webapp-6.4.3");
  wait_loaded (f);
  check_all (f, -1, COCKPIT_ENVIRONMENT_KIND_NONE, "webapp-6.4.3");

  cockpit_activity_page_set_filter (f->page, -1, COCKPIT_ENVIRONMENT_KIND_NONE, "system");
  wait_loaded (f);
  check_all (f, -1, COCKPIT_ENVIRONMENT_KIND_NONE, "system");

  /* Combined. */
  cockpit_activity_page_set_filter (f->page, COCKPIT_ENTRY_TYPE_INFO, COCKPIT_ENVIRONMENT_KIND_LIVE, "Backed Up");
  wait_loaded (f);
  check_all (f, COCKPIT_ENTRY_TYPE_INFO, COCKPIT_ENVIRONMENT_KIND_LIVE, "backed up");
  cockpit_activity_page_set_filter (f->page, COCKPIT_ENTRY_TYPE_ERROR, COCKPIT_ENVIRONMENT_KIND_UAT, "replica");
  wait_loaded (f);
  check_all (f, COCKPIT_ENTRY_TYPE_ERROR, COCKPIT_ENVIRONMENT_KIND_UAT, "replica");

  /* A later filter wins over one still on its way; "loading" changes
   * once each way. */
  g_signal_connect_swapped (f->page, "notify::loading", G_CALLBACK (count_cb), &notified);
  cockpit_activity_page_set_filter (f->page, COCKPIT_ENTRY_TYPE_ERROR, COCKPIT_ENVIRONMENT_KIND_NONE, NULL);
  cockpit_activity_page_set_filter (f->page, COCKPIT_ENTRY_TYPE_WARNING, COCKPIT_ENVIRONMENT_KIND_NONE, NULL);
  g_assert_cmpuint (notified, ==, 1);
  wait_loaded (f);
  g_assert_cmpuint (notified, ==, 2);
  cockpit_activity_page_set_filter (f->page, COCKPIT_ENTRY_TYPE_WARNING, COCKPIT_ENVIRONMENT_KIND_NONE, "");
  g_assert_cmpuint (notified, ==, 2);
  g_signal_handlers_disconnect_by_func (f->page, count_cb, &notified);
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (n_entries (f), ==, 100);
  check_all (f, COCKPIT_ENTRY_TYPE_WARNING, COCKPIT_ENVIRONMENT_KIND_NONE, NULL);

  /* A page past the first keeps the filter. */
  scroll_to_bottom (f);
  WAIT_FOR (n_entries (f) == 200);
  wait_loaded (f);
  check_all (f, COCKPIT_ENTRY_TYPE_WARNING, COCKPIT_ENVIRONMENT_KIND_NONE, NULL);

  /* Cleared: the first page as at the start. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "activity.clear-filters", NULL);
  wait_loaded (f);
  g_assert_cmpuint (n_entries (f), ==, 100);
  g_assert_cmpstr (cockpit_activity_entry_get_id (entry_at (f, 0)), ==, first_id);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (child (f, "type_dropdown"))), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "search_entry"))), ==, "");

  /* As the user: a drop-down applies at once ... */
  type_dropdown = GTK_DROP_DOWN (child (f, "type_dropdown"));
  gtk_drop_down_set_selected (type_dropdown, 2);
  g_assert_true (cockpit_activity_page_get_loading (f->page));
  wait_loaded (f);
  check_all (f, COCKPIT_ENTRY_TYPE_WARNING, COCKPIT_ENVIRONMENT_KIND_NONE, NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (f, "affects_dropdown")), 1);
  wait_loaded (f);
  check_all (f, COCKPIT_ENTRY_TYPE_WARNING, COCKPIT_ENVIRONMENT_KIND_LIVE, NULL);

  /* ... typing only once it pauses. */
  gtk_editable_set_text (GTK_EDITABLE (child (f, "search_entry")), "slow");
  gtk_editable_set_text (GTK_EDITABLE (child (f, "search_entry")), "slowly");
  g_assert_false (cockpit_activity_page_get_loading (f->page));
  WAIT_FOR (cockpit_activity_page_get_loading (f->page));
  wait_loaded (f);
  check_all (f, COCKPIT_ENTRY_TYPE_WARNING, COCKPIT_ENVIRONMENT_KIND_LIVE, "slowly");
}

static void
test_no_match (Fixture       *f,
               gconstpointer  data)
{
  AdwStatusPage *status;

  fixture_open (f, "pkg01");
  wait_loaded (f);

  cockpit_activity_page_set_filter (f->page, -1, COCKPIT_ENVIRONMENT_KIND_NONE, "no such text anywhere");
  wait_loaded (f);
  g_assert_cmpuint (n_entries (f), ==, 0);
  g_assert_cmpstr (stack_page (f), ==, "empty");
  status = ADW_STATUS_PAGE (child (f, "empty_page"));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Entries Match the Filter");
  g_assert_cmpstr (adw_status_page_get_icon_name (status), ==, "edit-find-symbolic");
  g_assert_true (gtk_widget_get_visible (child (f, "clear_button")));
  screenshot_both (f, "no-match");

  gtk_widget_activate_action (GTK_WIDGET (f->page), "activity.clear-filters", NULL);
  wait_loaded (f);
  g_assert_cmpuint (n_entries (f), ==, 100);
  g_assert_cmpstr (stack_page (f), ==, "list");
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  fixture_open (f, "umbrella");
  wait_loaded (f);
  g_assert_cmpuint (n_entries (f), ==, 0);
  g_assert_cmpstr (stack_page (f), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (child (f, "empty_page"))), ==, "No Activity");
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (child (f, "empty_page"))), ==,
                   "document-open-recent-symbolic");
  g_assert_false (gtk_widget_get_visible (child (f, "clear_button")));
  screenshot_both (f, "empty");
}

/* A page with entries loads no SVG icon.  Its status pages' 128 px
 * icons exist only as SVG, and GTK loaded them (with librsvg, in a
 * thread) for pages not shown: 22 M instructions of every opening.  In
 * a process of its own, which has loaded no SVG before. */
static void
test_no_svg (Fixture       *f,
             gconstpointer  data)
{
  if (!cockpit_test_in_own_process ())
    return;

  fixture_open (f, "pkg01");
  wait_loaded (f);
  g_assert_cmpstr (stack_page (f), ==, "list");

  g_assert_false (cockpit_test_svg_loaded (GTK_WIDGET (f->page)));
}

/* The table's rows draw no border of mixed colours: libadwaita's cells
 * have an invisible one that cost 7.6 % of the CPU of a scroll. */
static void
test_no_mixed_borders (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *column_view;

  fixture_open (f, "pkg01");
  wait_loaded (f);
  cockpit_test_wait_for_draw (GTK_WIDGET (f->page));
  column_view = cockpit_test_find_shown (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW, NULL);
  g_assert_nonnull (column_view);
  g_assert_cmpuint (cockpit_test_count_render_nodes (column_view, cockpit_test_is_mixed_border), ==, 0);
}

/* Asks @cell for its tooltip as GTK does when the pointer rests on it. */
static gboolean
query_tooltip (GtkWidget *cell)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (cell, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  return shown;
}

/* Each cell has its tooltip (the type, the whole activity, who, the time
 * in the other zone), made when it is asked for: a tooltip set on every
 * bound cell was a round trip to the X server each (docs/performance.md). */
static void
test_cell_tooltips (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *column_view;
  CockpitActivityEntry *entry;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *local_text = NULL;
  g_autofree char *activity = NULL;
  GtkWidget *cells[4];

  fixture_open (f, "pkg01");
  wait_loaded (f);
  cockpit_test_wait_for_draw (GTK_WIDGET (f->page));
  column_view = child (f, "column_view");
  entry = entry_at (f, 0);
  local = g_date_time_to_local (cockpit_activity_entry_get_at (entry));
  local_text = g_date_time_format (local, "%a %-d %b %Y, %H:%M");
  activity = cockpit_activity_entry_dup_display_activity (entry);

  cells[0] = cockpit_test_find_shown (column_view, COCKPIT_TYPE_SYMBOLIC_ICON, "type-icon");
  cells[1] = find_label (column_view, activity);
  cells[2] = find_label (column_view, cockpit_activity_entry_get_by (entry));
  cells[3] = find_label (column_view, local_text);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_assert_nonnull (cells[i]);
      g_assert_true (gtk_widget_get_has_tooltip (cells[i]));
      g_assert_null (gtk_widget_get_tooltip_text (cells[i]));
      g_assert_true (query_tooltip (cells[i]));
    }

}

static void
test_utc (Fixture       *f,
          gconstpointer  data)
{
  GtkWidget *column_view;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *local_text = NULL;
  g_autofree char *utc_text = NULL;
  GtkToggleButton *toggle;

  fixture_open (f, "pkg01");
  wait_loaded (f);
  column_view = child (f, "column_view");
  toggle = GTK_TOGGLE_BUTTON (child (f, "utc_button"));

  local = g_date_time_to_local (cockpit_activity_entry_get_at (entry_at (f, 0)));
  utc = g_date_time_to_utc (cockpit_activity_entry_get_at (entry_at (f, 0)));
  local_text = g_date_time_format (local, "%a %-d %b %Y, %H:%M");
  utc_text = g_date_time_format (utc, "%Y-%m-%d %H:%M UTC");

  g_assert_false (gtk_toggle_button_get_active (toggle));
  g_assert_true (has_label (column_view, local_text));
  g_assert_false (has_label (column_view, utc_text));

  /* The toggle follows the setting, and the column the toggle. */
  g_settings_set_boolean (f->settings, "show-utc", TRUE);
  g_assert_true (gtk_toggle_button_get_active (toggle));
  cockpit_test_wait_for_draw (GTK_WIDGET (f->page));
  g_assert_true (has_label (column_view, utc_text));
  g_assert_false (has_label (column_view, local_text));
  screenshot_both (f, "utc");

  /* And the setting the toggle. */
  gtk_toggle_button_set_active (toggle, FALSE);
  g_assert_false (g_settings_get_boolean (f->settings, "show-utc"));
  cockpit_test_wait_for_draw (GTK_WIDGET (f->page));
  g_assert_true (has_label (column_view, local_text));

  /* Rows that scroll into view later are right too. */
  g_settings_set_boolean (f->settings, "show-utc", TRUE);
  scroll_to_bottom (f);
  WAIT_FOR (n_entries (f) == 200);
  wait_loaded (f);
  scroll_to_bottom (f);
  cockpit_test_wait_for_draw (GTK_WIDGET (f->page));
  {
    g_autoptr(GDateTime) last = g_date_time_to_utc (cockpit_activity_entry_get_at (entry_at (f, 199)));
    g_autofree char *last_text = g_date_time_format (last, "%Y-%m-%d %H:%M UTC");

    g_assert_true (has_label (column_view, last_text));
  }
}

static void
test_details (Fixture       *f,
              gconstpointer  data)
{
  GtkSelectionModel *selection;
  GtkRevealer *revealer;
  GtkWidget *pane;
  CockpitActivityEntry *entry;

  fixture_open (f, "acmeweb");
  wait_loaded (f);
  revealer = GTK_REVEALER (child (f, "details_revealer"));
  pane = gtk_revealer_get_child (revealer);
  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (child (f, "column_view")));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  /* Not shown, so not there to measure: a hidden revealer measures a
   * child that is visible in every layout of the page. */
  g_assert_false (gtk_widget_get_visible (pane));

  /* The newest entry: a comma and quotes, and no action id. */
  entry = entry_at (f, 0);
  g_assert_cmpstr (cockpit_activity_entry_get_activity (entry), ==, QUOTED_TEXT);
  gtk_selection_model_select_item (selection, 0, TRUE);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (gtk_widget_get_visible (pane));
  cockpit_test_wait_for_draw (GTK_WIDGET (f->page));
  WAIT_FOR (gtk_revealer_get_child_revealed (revealer));
  g_assert_true (gtk_widget_get_mapped (pane));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f, "details_activity"))), ==, QUOTED_TEXT);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f, "details_bundle"))), ==,
                   cockpit_activity_entry_get_bundle (entry));
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (child (f, "details_bundle"))));
  screenshot_both (f, "details");
  /* The list makes room; the window keeps its size. */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->window)), ==, 700);

  /* The long one. */
  gtk_selection_model_select_item (selection, 1, TRUE);
  cockpit_test_wait_for_draw (GTK_WIDGET (f->page));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f, "details_activity"))), ==, LONG_TEXT);
  screenshot_both (f, "details-long");
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->window)), ==, 700);

  /* More pages keep the selection. */
  scroll_to_bottom (f);
  WAIT_FOR (n_entries (f) == 200);
  wait_loaded (f);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==, 1);

  /* Closed from its button; hidden once it has slid away. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "activity.close-details", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  WAIT_FOR (!gtk_revealer_get_child_revealed (revealer));
  g_assert_false (gtk_widget_get_visible (pane));

  /* Activating a row opens it again; a new filter closes it. */
  g_signal_emit_by_name (child (f, "column_view"), "activate", 5);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (gtk_widget_get_visible (pane));
  cockpit_activity_page_set_filter (f->page, COCKPIT_ENTRY_TYPE_ERROR, COCKPIT_ENVIRONMENT_KIND_NONE, NULL);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  wait_loaded (f);
}

/* The cockpit writes times into its texts in RFC 3339; the page shows
 * them the way the app shows every date, in the list and the details. */
static void
test_times_in_text (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GRegex) raw = g_regex_new ("[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}", 0, 0, NULL);
  GtkSelectionModel *selection;

  fixture_open (f, "acmeweb");
  wait_loaded (f);
  g_assert_cmpstr (cockpit_activity_entry_get_activity (entry_at (f, 3)), ==, TIMED_TEXT);
  g_assert_true (has_label (child (f, "column_view"), TIMED_SHOWN));
  g_assert_null (find_raw_time (GTK_WIDGET (f->page), raw));

  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (child (f, "column_view")));
  gtk_selection_model_select_item (selection, 3, TRUE);
  cockpit_test_wait_for_draw (GTK_WIDGET (f->page));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f, "details_activity"))), ==, TIMED_SHOWN);
  g_assert_null (find_raw_time (GTK_WIDGET (f->page), raw));
  screenshot_both (f, "times-in-text");

  /* The search still finds what the cockpit wrote. */
  cockpit_activity_page_set_filter (f->page, -1, COCKPIT_ENVIRONMENT_KIND_NONE, "2026-12-07T09:15");
  wait_loaded (f);
  g_assert_cmpuint (n_entries (f), ==, 1);
  g_assert_true (has_label (child (f, "column_view"), TIMED_SHOWN));
}

static void
test_long_texts (Fixture       *f,
                 gconstpointer  data)
{
  fixture_open (f, "acmeweb");
  wait_loaded (f);
  g_assert_cmpstr (cockpit_activity_entry_get_activity (entry_at (f, 1)), ==, LONG_TEXT);
  g_assert_cmpstr (cockpit_activity_entry_get_by (entry_at (f, 1)), ==, LONG_BY);
  screenshot_both (f, "long");

  /* Narrow: the activity column gives way, nothing spills. */
  gtk_window_set_default_size (f->window, 720, 560);
  cockpit_test_wait_for_draw (GTK_WIDGET (f->page));
  screenshot_both (f, "narrow");
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) error_rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;

  fixture_open (f, "acmeweb");
  wait_loaded (f);
  g_assert_cmpuint (n_entries (f), ==, 100);

  /* The whole log, though only a page of it is loaded. */
  all = fetch_all (f, "acmeweb", -1, COCKPIT_ENVIRONMENT_KIND_NONE, NULL);
  g_assert_cmpuint (all->len, >, 200);
  rows = export (f, "all.csv", &error);
  g_assert_no_error (error);
  check_csv (rows, all);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[2], ==, QUOTED_TEXT);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[4], ==, QUOTED_BY);

  /* On disk, as RFC 4180 has it. */
  path = g_build_filename (f->folder, "all.csv", NULL);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "at,type,activity,affects,by,started,finished,bundle,action_id\r\n"));
  g_assert_nonnull (strstr (contents, ",\"Upgrade of \"\"Live\"\" to 6.3.21, as planned, was \"\"rolled back\"\"\","));
  g_assert_nonnull (strstr (contents, ",\"Doe, Jane\","));
  g_assert_nonnull (strstr (contents, ",\"'=HYPERLINK(\"\"https://example.com\"\") looks like a formula\","));

  /* A filter loaded to its end: what is shown, replacing the file. */
  cockpit_activity_page_set_filter (f->page, COCKPIT_ENTRY_TYPE_ERROR, COCKPIT_ENVIRONMENT_KIND_NONE, NULL);
  wait_loaded (f);
  errors = fetch_all (f, "acmeweb", COCKPIT_ENTRY_TYPE_ERROR, COCKPIT_ENVIRONMENT_KIND_NONE, NULL);
  g_assert_cmpuint (errors->len, ==, n_entries (f));
  error_rows = export (f, "all.csv", &error);
  g_assert_no_error (error);
  check_csv (error_rows, errors);

  /* Into a folder that is not there: an error, and no file. */
  g_assert_null (export (f, "missing/errors.csv", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static GtkWidget *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

/* The button's way: a file chooser that suggests a name; cancelled, it
 * writes nothing and can be opened again.  (Accepting goes through the
 * file chooser's own checks, which a test cannot drive on GTK 4.8; what
 * follows is cockpit_activity_page_export_async(), tested above.) */
static void
test_export_dialog (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("activity-acmeweb-%s.csv", day);
  g_autofree char *current = NULL;
  GtkWidget *chooser;

  fixture_open (f, "acmeweb");
  wait_loaded (f);

  for (int i = 0; i < 2; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "activity.export", NULL));
      WAIT_FOR ((chooser = find_file_chooser ()) != NULL);
      g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
      current = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
      g_assert_cmpstr (current, ==, name);
      g_clear_pointer (&current, g_free);
      g_assert_true (gtk_window_get_modal (GTK_WINDOW (chooser)));
      g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (chooser)) == f->window);

      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
      WAIT_FOR (find_file_chooser () == NULL);
    }
}

static void
test_export_large (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  fixture_open (f, "pkg01");
  wait_loaded (f);

  /* Thousands of entries: many pages the list never loaded. */
  cockpit_activity_page_set_filter (f->page, COCKPIT_ENTRY_TYPE_WARNING, COCKPIT_ENVIRONMENT_KIND_LIVE, NULL);
  wait_loaded (f);
  scroll_to_bottom (f);
  WAIT_FOR (n_entries (f) == 200);
  wait_loaded (f);

  all = fetch_all (f, "pkg01", COCKPIT_ENTRY_TYPE_WARNING, COCKPIT_ENVIRONMENT_KIND_LIVE, NULL);
  g_assert_cmpuint (all->len, >, 5000);
  rows = export (f, "warnings.csv", &error);
  g_assert_no_error (error);
  check_csv (rows, all);

  /* The list itself stays as it was. */
  g_assert_cmpuint (n_entries (f), ==, 200);

  /* While a page goes into the list, the export has each of its rows,
   * in and not yet in, once. */
  scroll_to_bottom (f);
  WAIT_FOR (n_entries (f) > 200);
  g_assert_cmpuint (n_entries (f), <, 300);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = export (f, "warnings-again.csv", &error);
  g_assert_no_error (error);
  check_csv (rows, all);

  /* Right after a change of filter, the rows still shown (the previous
   * filter's) are none of the export. */
  cockpit_activity_page_set_filter (f->page, COCKPIT_ENTRY_TYPE_ERROR, COCKPIT_ENVIRONMENT_KIND_UAT, NULL);
  g_assert_true (rows_dimmed (f));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = export (f, "errors.csv", &error);
  g_assert_no_error (error);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = fetch_all (f, "pkg01", COCKPIT_ENTRY_TYPE_ERROR, COCKPIT_ENVIRONMENT_KIND_UAT, NULL);
  check_csv (rows, all);
}

static void
test_loading (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  /* A cockpit that takes its time. */
  url = test_server_listen_silent (service, held);
  g_object_unref (f->client);
  f->client = cockpit_client_new (url, TOKEN, &error);
  g_assert_no_error (error);

  fixture_open (f, "pkg01");
  WAIT_FOR (held->len > 0);
  cockpit_test_wait_for_draw (GTK_WIDGET (f->page));
  g_assert_true (cockpit_activity_page_get_loading (f->page));
  g_assert_cmpstr (stack_page (f), ==, "loading");
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (child (f, "loading_spinner"))));
  screenshot_both (f, "loading");

  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
}

static void
test_error (Fixture       *f,
            gconstpointer  data)
{
  AdwStatusPage *status;
  g_autoptr(GError) error = NULL;

  fixture_open (f, "pkg01");
  wait_loaded (f);
  g_assert_cmpuint (n_entries (f), ==, 100);
  cockpit_simulator_stop (f->sim);

  /* The next page fails below the list, with Retry. */
  scroll_to_bottom (f);
  WAIT_FOR (cockpit_activity_page_get_loading (f->page));
  wait_loaded (f);
  g_assert_cmpuint (n_entries (f), ==, 100);
  g_assert_cmpstr (stack_page (f), ==, "list");
  g_assert_true (gtk_widget_get_visible (child (f, "footer")));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child (f, "footer_label"))),
                                   "Could not load more entries."));
  screenshot_both (f, "more-error");

  /* Retry tries again, and fails again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "activity.retry", NULL));
  g_assert_true (cockpit_activity_page_get_loading (f->page));
  wait_loaded (f);
  g_assert_true (gtk_widget_get_visible (child (f, "footer")));

  /* A new filter fails in full: the rows of the filter before, dimmed
   * while it loaded, are gone. */
  cockpit_activity_page_set_filter (f->page, COCKPIT_ENTRY_TYPE_ERROR, COCKPIT_ENVIRONMENT_KIND_NONE, NULL);
  g_assert_true (rows_dimmed (f));
  wait_loaded (f);
  g_assert_cmpuint (n_entries (f), ==, 0);
  g_assert_cmpstr (stack_page (f), ==, "error");
  g_assert_false (rows_dimmed (f));
  status = ADW_STATUS_PAGE (child (f, "error_page"));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "Could Not Load the Activity Log");
  g_assert_cmpstr (adw_status_page_get_icon_name (status), ==, "network-error-symbolic");
  g_assert_nonnull (adw_status_page_get_description (status));
  g_assert_cmpuint (strlen (adw_status_page_get_description (status)), >, 10);
  screenshot_both (f, "error");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "activity.retry", NULL));
  g_assert_true (cockpit_activity_page_get_loading (f->page));
  g_assert_cmpstr (stack_page (f), ==, "loading");
  wait_loaded (f);
  g_assert_cmpstr (stack_page (f), ==, "error");

  /* Exporting says why it cannot. */
  g_assert_null (export (f, "failed.csv", &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  cockpit_test_use_app_style ();

#define ADD(path, seed, func) \
  g_test_add ("/cockpit/activity-page/" path, Fixture, GINT_TO_POINTER (seed), fixture_set_up, func, fixture_tear_down)
  ADD ("create-destroy", SEED_LARGE, test_create_destroy);
  ADD ("loading", SEED_LARGE, test_loading);
  ADD ("pages", SEED_LARGE, test_pages);
  ADD ("slices", SEED_LARGE, test_slices);
  ADD ("filters", SEED_LARGE, test_filters);
  ADD ("no-match", SEED_LARGE, test_no_match);
  ADD ("no-svg", SEED_LARGE, test_no_svg);
  ADD ("empty", SEED_EDITED_DEMO, test_empty);
  ADD ("utc", SEED_LARGE, test_utc);
  ADD ("cell-tooltips", SEED_LARGE, test_cell_tooltips);
  ADD ("no-mixed-borders", SEED_LARGE, test_no_mixed_borders);
  ADD ("details", SEED_EDITED_DEMO, test_details);
  ADD ("long-texts", SEED_EDITED_DEMO, test_long_texts);
  ADD ("times-in-text", SEED_EDITED_DEMO, test_times_in_text);
  ADD ("export", SEED_EDITED_DEMO, test_export);
  ADD ("export-large", SEED_LARGE, test_export_large);
  ADD ("export-dialog", SEED_EDITED_DEMO, test_export_dialog);
  ADD ("error", SEED_LARGE, test_error);
#undef ADD

  return g_test_run ();
}
