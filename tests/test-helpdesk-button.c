/* test-helpdesk-button.c: the helpdesk button, its popover and desktop notifications, under Xvfb against the simulator.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One story, in the order added: the counts on the button, the list in
 * the popover, the desktop notification of a new critical one (sent only
 * once), marking read, archiving, a very long notification, marking all
 * read, and at last a cockpit that has gone away.
 */
#include "config.h"

#include <string.h>

#include "cockpit-application.h"
#include "cockpit-helpdesk-button.h"
#include "cockpit-widget-util.h"
#include "test-session-util.h"
#include "test-sim-util.h"
#include "test-app-util.h"

#define TOKEN "helpdesk-button-test-token"
#define LONG_TITLE "Planned maintenance of the eu-central-1 region, including the database clusters, " \
                   "the content delivery network and the authoring instances of every package"
#define LONG_BODY "Between 22:00 and 02:00 UTC the hosting platform of all packages in eu-central-1 moves " \
                  "to new hardware. Public sites stay online; authoring may be slow for up to ten minutes " \
                  "at a time. Please do not start upgrades, restores or tear-downs during the window. " \
                  "Details: https://status.example.com/incidents/2026-11-26-eu-central-1-platform-migration"

static TestSession            session;
static SimFixture             sim;
static CockpitApplication    *app;
static CockpitHelpdesk       *helpdesk;
static GtkWindow             *window;
static GtkWidget             *header_bar;
static CockpitHelpdeskButton *button;
static char                  *folder;

static void
refresh (CockpitHelpdesk *desk)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  cockpit_helpdesk_refresh_async (desk, NULL, api_result_cb, &result);
  WAIT_FOR (result != NULL);
  cockpit_helpdesk_refresh_finish (desk, result, &error);
  g_assert_no_error (error);
}

/* Whether the cockpit of @client has @id read (or archived). */
static gboolean
server_of_has (CockpitClient *client,
               const char    *id,
               const char    *property)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GError) error = NULL;

  cockpit_client_list_notifications_async (client, NULL, api_result_cb, &result);
  WAIT_FOR (result != NULL);
  list = cockpit_client_list_notifications_finish (client, result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(CockpitNotification) notification = g_list_model_get_item (G_LIST_MODEL (list), i);
      gboolean value = FALSE;

      if (g_strcmp0 (cockpit_notification_get_id (notification), id) != 0)
        continue;
      g_object_get (notification, property, &value, NULL);
      return value;
    }
  g_assert_not_reached ();
}

/* Whether the cockpit itself has @id read (or archived). */
static gboolean
server_has (const char *id,
            const char *property)
{
  return server_of_has (sim.client, id, property);
}

static gboolean
all_read_on_server (void)
{
  GListModel *list = cockpit_helpdesk_get_notifications (helpdesk);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CockpitNotification) notification = g_list_model_get_item (list, i);

      if (!server_has (cockpit_notification_get_id (notification), "read"))
        return FALSE;
    }
  return TRUE;
}

/* The package names, as the window passes its session's packages. */
static void
set_packages (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListStore) packages = NULL;
  g_autoptr(GError) error = NULL;

  cockpit_client_list_packages_async (sim.client, NULL, api_result_cb, &result);
  WAIT_FOR (result != NULL);
  packages = cockpit_client_list_packages_finish (sim.client, result, &error);
  g_assert_no_error (error);
  cockpit_helpdesk_button_set_packages (button, G_LIST_MODEL (packages));
}

static guint
n_rows (void)
{
  GtkListBox *list_box = cockpit_helpdesk_button_get_list_box (button);
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list_box, n) != NULL)
    n++;
  return n;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *action_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action_name) == 0)
        return child;
      if ((found = find_button (child, action_name)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  return cockpit_test_find_label (root, text, FALSE);
}

static GtkWidget *
row_at (guint index)
{
  return GTK_WIDGET (gtk_list_box_get_row_at_index (cockpit_helpdesk_button_get_list_box (button), index));
}

/* The index of the row that shows @notification, found by its title. */
static guint
index_of_row (CockpitNotification *notification)
{
  for (guint i = 0; i < n_rows (); i++)
    if (find_label (row_at (i), cockpit_notification_get_title (notification)) != NULL)
      return i;
  g_assert_not_reached ();
}

/* The notification that row @index shows. */
static CockpitNotification *
notification_of_row (guint index)
{
  GListModel *list = cockpit_helpdesk_get_notifications (helpdesk);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CockpitNotification) notification = g_list_model_get_item (list, i);

      if (find_label (row_at (index), cockpit_notification_get_title (notification)) != NULL)
        return notification;  /* the list keeps it alive */
    }
  g_assert_not_reached ();
}

/* The row of the first notification of @severity that is (un)read. */
static GtkWidget *
row_of (CockpitSeverity      severity,
        gboolean             is_read,
        CockpitNotification **notification_out)
{
  GListModel *list = cockpit_helpdesk_get_notifications (helpdesk);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CockpitNotification) notification = g_list_model_get_item (list, i);

      if (cockpit_notification_get_severity (notification) == severity &&
          cockpit_notification_get_read (notification) == is_read)
        {
          *notification_out = notification;  /* the list keeps it alive */
          return row_at (index_of_row (notification));
        }
    }
  g_assert_not_reached ();
}

/* Unread before read, then critical, warning, info, then newest first. */
static void
assert_attention_order (void)
{
  g_assert_cmpuint (n_rows (), ==, g_list_model_get_n_items (cockpit_helpdesk_get_notifications (helpdesk)));
  for (guint i = 1; i < n_rows (); i++)
    {
      CockpitNotification *a = notification_of_row (i - 1);
      CockpitNotification *b = notification_of_row (i);
      gboolean read_a = cockpit_notification_get_read (a);
      gboolean read_b = cockpit_notification_get_read (b);

      g_test_message ("row %u: %s", i - 1, cockpit_notification_get_title (a));
      g_assert_cmpint (read_a, <=, read_b);
      if (read_a != read_b)
        continue;
      g_assert_cmpint (cockpit_notification_get_severity (a), <=, cockpit_notification_get_severity (b));
      if (cockpit_notification_get_severity (a) != cockpit_notification_get_severity (b))
        continue;
      g_assert_cmpint (g_date_time_compare (cockpit_notification_get_received_at (a),
                                            cockpit_notification_get_received_at (b)), >=, 0);
    }
}

static void
assert_pill (CockpitSeverity  severity,
             const char      *text)
{
  GtkWidget *pill = cockpit_helpdesk_button_get_pill (button, severity);

  if (text == NULL)
    g_assert_false (gtk_widget_get_visible (pill));
  else
    {
      g_assert_true (gtk_widget_get_visible (pill));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (pill)), ==, text);
    }
}

static GtkWidget *
popover_child (void)
{
  return gtk_popover_get_child (cockpit_helpdesk_button_get_popover (button));
}

static void
open_popover (void)
{
  cockpit_helpdesk_button_popup (button);
  WAIT_FOR (gtk_widget_get_mapped (popover_child ()));
  cockpit_test_wait_for_draw (popover_child ());
}

/* Tests ---------------------------------------------------------------------- */

static void
test_create_destroy (void)
{
  GtkWidget *lonely = g_object_ref_sink (cockpit_helpdesk_button_new ());
  g_autoptr(CockpitHelpdesk) desk = cockpit_helpdesk_new (sim.client, NULL);

  g_assert_cmpstr (cockpit_helpdesk_button_get_summary (COCKPIT_HELPDESK_BUTTON (lonely)), ==,
                   "No unread notifications");
  cockpit_helpdesk_button_set_helpdesk (COCKPIT_HELPDESK_BUTTON (lonely), desk);
  g_assert_true (cockpit_helpdesk_button_get_helpdesk (COCKPIT_HELPDESK_BUTTON (lonely)) == desk);
  cockpit_helpdesk_button_set_helpdesk (COCKPIT_HELPDESK_BUTTON (lonely), NULL);
  cockpit_helpdesk_button_set_helpdesk (COCKPIT_HELPDESK_BUTTON (lonely), desk);
  g_assert_finalize_object (lonely);
  g_assert_finalize_object (g_steal_pointer (&desk));
}

/* A change asked for from the button goes on when the button goes, and
 * does not keep it alive meanwhile (cockpit-async.h): the button took a
 * strong reference until the answer came. */
static void
test_change_outlives_button (void)
{
  SimFixture own = { 0, };
  CockpitHelpdesk *desk;
  GtkWidget *lonely = g_object_ref_sink (cockpit_helpdesk_button_new ());
  GListModel *notifications;
  g_autofree char *id = NULL;

  /* A cockpit of its own: the other tests count the shared one's. */
  sim_fixture_start (&own, "helpdesk-own-token-4e2a", NULL);
  desk = cockpit_helpdesk_new (own.client, NULL);
  refresh (desk);
  notifications = cockpit_helpdesk_get_notifications (desk);
  for (guint i = 0; id == NULL && i < g_list_model_get_n_items (notifications); i++)
    {
      g_autoptr(CockpitNotification) notification = g_list_model_get_item (notifications, i);

      if (!cockpit_notification_get_archived (notification))
        id = g_strdup (cockpit_notification_get_id (notification));
    }
  g_assert_nonnull (id);
  g_assert_false (server_of_has (own.client, id, "archived"));

  cockpit_helpdesk_button_set_helpdesk (COCKPIT_HELPDESK_BUTTON (lonely), desk);
  g_assert_true (gtk_widget_activate_action (lonely, "helpdesk.archive", "s", id));
  cockpit_helpdesk_button_set_helpdesk (COCKPIT_HELPDESK_BUTTON (lonely), NULL);
  g_assert_finalize_object (lonely);

  WAIT_FOR (server_of_has (own.client, id, "archived"));
  g_assert_finalize_object (desk);
  sim_fixture_stop (&own);
}

static void
test_pills (void)
{
  GtkWidget *menu_button;

  /* No helpdesk yet: the bell. */
  gtk_window_present (window);
  cockpit_test_wait_for_draw (header_bar);
  assert_pill (COCKPIT_SEVERITY_CRITICAL, NULL);
  assert_pill (COCKPIT_SEVERITY_WARNING, NULL);
  assert_pill (COCKPIT_SEVERITY_INFO, NULL);
  cockpit_test_save_screenshots (header_bar, "helpdesk-button-empty");

  cockpit_helpdesk_button_set_helpdesk (button, helpdesk);
  refresh (helpdesk);
  set_packages ();
  assert_pill (COCKPIT_SEVERITY_CRITICAL, "1");
  assert_pill (COCKPIT_SEVERITY_WARNING, "1");
  assert_pill (COCKPIT_SEVERITY_INFO, "1");
  g_assert_cmpstr (cockpit_helpdesk_button_get_summary (button), ==,
                   "1 critical, 1 warning and 1 info notifications unread");
  menu_button = gtk_widget_get_first_child (GTK_WIDGET (button));
  g_assert_true (GTK_IS_MENU_BUTTON (menu_button));
  g_assert_cmpstr (cockpit_widget_get_tooltip_text (menu_button), ==, cockpit_helpdesk_button_get_summary (button));
  cockpit_test_save_screenshots (header_bar, "helpdesk-button");
}

static void
test_popover (void)
{
  GListModel *list = cockpit_helpdesk_get_notifications (helpdesk);

  /* No rows for a popover never opened (a start made them twice). */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  g_assert_cmpuint (n_rows (), ==, 0);

  open_popover ();
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  g_assert_cmpuint (n_rows (), ==, 5);
  for (guint i = 0; i < n_rows (); i++)
    {
      g_autoptr(CockpitNotification) notification = g_list_model_get_item (list, i);

      g_assert_false (cockpit_notification_get_archived (notification));
    }
  g_assert_null (cockpit_helpdesk_button_get_error (button));

  /* A row: title (bold while unread), package name, relative time with
   * the moment in its tooltip. */
  {
    CockpitNotification *info = NULL;
    GtkWidget *row = row_of (COCKPIT_SEVERITY_INFO, FALSE, &info);
    GtkWidget *title = find_label (row, "Maintenance of Initech Intranet");
    GtkWidget *time = find_label (row, "1 hour ago");

    g_assert_nonnull (title);
    g_assert_true (gtk_widget_has_css_class (title, "unread"));
    g_assert_nonnull (find_label (row, "Initech Intranet"));
    g_assert_nonnull (time);
    g_assert_nonnull (cockpit_widget_get_tooltip_text (time));
    g_assert_nonnull (find_button (row, "helpdesk.mark-read"));
    g_assert_nonnull (find_button (row, "helpdesk.archive"));
  }
  {
    CockpitNotification *info = NULL;
    GtkWidget *row = row_of (COCKPIT_SEVERITY_INFO, TRUE, &info);
    GtkWidget *title = find_label (row, "Magnolia 6.4.3 is available");

    g_assert_nonnull (title);
    g_assert_false (gtk_widget_has_css_class (title, "unread"));
    g_assert_nonnull (find_label (row, "All packages"));
    g_assert_false (gtk_widget_get_visible (find_button (row, "helpdesk.mark-read")));
  }
  cockpit_test_save_screenshots (popover_child (), "helpdesk-popover");
}

/* What needs attention comes first: the unread critical notice on top,
 * however old, and what was read at the bottom. */
static void
test_order (void)
{
  CockpitNotification *first = notification_of_row (0);
  CockpitNotification *last = notification_of_row (n_rows () - 1);

  g_assert_cmpint (cockpit_notification_get_severity (first), ==, COCKPIT_SEVERITY_CRITICAL);
  g_assert_false (cockpit_notification_get_read (first));
  g_assert_true (cockpit_notification_get_read (last));
  assert_attention_order ();
}

static void
test_notify_critical (void)
{
  CockpitNotification *critical = NULL;
  TestNotification *sent;
  g_autofree char *id = NULL;
  g_autoptr(GVariant) buttons = NULL;

  row_of (COCKPIT_SEVERITY_CRITICAL, FALSE, &critical);
  id = g_strdup_printf ("helpdesk-%s", cockpit_notification_get_id (critical));

  cockpit_helpdesk_notify_critical (G_APPLICATION (app), critical);
  WAIT_FOR (test_session_last_notification (&session, id) != NULL);
  sent = test_session_last_notification (&session, id);
  g_assert_cmpstr (sent->id, ==, id);
  g_assert_cmpstr (test_notification_get (sent, "title"), ==, "Security update: Magnolia 6.3.21");
  g_assert_cmpstr (test_notification_get (sent, "body"), ==, cockpit_notification_get_body (critical));
  g_assert_cmpstr (test_notification_get (sent, "priority"), ==, "high");
  g_assert_cmpstr (test_notification_get (sent, "default-action"), ==, "app.show-helpdesk");

  /* A click opens the helpdesk: no button that only does the same. */
  buttons = g_variant_lookup_value (sent->data, "buttons", G_VARIANT_TYPE ("aa{sv}"));
  g_assert_true (buttons == NULL || g_variant_n_children (buttons) == 0);

  /* The application offers the action the notification names. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "show-helpdesk"));
}

static void
test_new_critical_once (void)
{
  g_autofree char *state = g_build_filename (folder, "seen.json", NULL);
  guint before = test_session_count_notifications (&session, "helpdesk-");
  CockpitHelpdesk *desk;

  /* The way the application wires it. */
  desk = cockpit_helpdesk_new (sim.client, state);
  g_signal_connect_object (desk, "new-critical", G_CALLBACK (cockpit_helpdesk_notify_critical),
                           app, G_CONNECT_SWAPPED);
  refresh (desk);
  WAIT_FOR (test_session_count_notifications (&session, "helpdesk-") == before + 1);
  refresh (desk);
  g_assert_finalize_object (desk);

  /* After a restart, on the same state file: nothing new. */
  desk = cockpit_helpdesk_new (sim.client, state);
  g_signal_connect_object (desk, "new-critical", G_CALLBACK (cockpit_helpdesk_notify_critical),
                           app, G_CONNECT_SWAPPED);
  refresh (desk);
  g_assert_finalize_object (desk);

  /* Give a stray notification time to arrive before counting. */
  {
    gint64 end = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;

    WAIT_FOR (g_get_monotonic_time () > end);
  }
  g_assert_cmpuint (test_session_count_notifications (&session, "helpdesk-"), ==, before + 1);
}

static void
test_mark_read (void)
{
  CockpitNotification *warning = NULL;
  GtkWidget *row = row_of (COCKPIT_SEVERITY_WARNING, FALSE, &warning);
  GtkWidget *read_button = find_button (row, "helpdesk.mark-read");
  g_autofree char *id = g_strdup (cockpit_notification_get_id (warning));

  guint index = index_of_row (warning);

  g_assert_nonnull (read_button);
  g_assert_true (gtk_widget_get_visible (read_button));
  g_assert_true (gtk_widget_has_css_class (row, "unread"));
  g_signal_emit_by_name (read_button, "clicked");

  /* At once on the button, then on the cockpit. */
  assert_pill (COCKPIT_SEVERITY_WARNING, NULL);
  g_assert_cmpstr (cockpit_helpdesk_button_get_summary (button), ==,
                   "1 critical and 1 info notifications unread");
  /* While the popover is open the row stays where it was clicked. */
  g_assert_cmpuint (index_of_row (warning), ==, index);
  row = row_at (index);
  g_assert_false (gtk_widget_get_visible (find_button (row, "helpdesk.mark-read")));
  g_assert_false (gtk_widget_has_css_class (row, "unread"));
  WAIT_FOR (server_has (id, "read"));
  g_assert_null (cockpit_helpdesk_button_get_error (button));
  g_assert_cmpuint (n_rows (), ==, 5);

  /* Opened again, it goes down among the read ones. */
  gtk_popover_popdown (cockpit_helpdesk_button_get_popover (button));
  open_popover ();
  g_assert_cmpuint (index_of_row (warning), >, index);
  assert_attention_order ();
}

static void
test_archive (void)
{
  CockpitNotification *info = NULL;
  GtkWidget *row = row_of (COCKPIT_SEVERITY_INFO, FALSE, &info);
  GtkWidget *archive_button = find_button (row, "helpdesk.archive");
  g_autofree char *id = g_strdup (cockpit_notification_get_id (info));

  g_assert_nonnull (archive_button);
  g_signal_emit_by_name (archive_button, "clicked");
  g_assert_cmpuint (n_rows (), ==, 4);
  assert_pill (COCKPIT_SEVERITY_INFO, NULL);
  g_assert_cmpstr (cockpit_helpdesk_button_get_summary (button), ==, "1 critical notification unread");
  WAIT_FOR (server_has (id, "archived"));
  g_assert_null (cockpit_helpdesk_find (helpdesk, id));
  g_assert_null (cockpit_helpdesk_button_get_error (button));

  refresh (helpdesk);
  g_assert_cmpuint (n_rows (), ==, 4);
  cockpit_test_save_screenshots (popover_child (), "helpdesk-popover-after-changes");
}

static void
test_long_text (void)
{
  g_autoptr(CockpitNotification) first = g_list_model_get_item (cockpit_helpdesk_get_notifications (helpdesk), 0);
  g_autofree char *title = g_strdup (cockpit_notification_get_title (first));
  g_autofree char *body = g_strdup (cockpit_notification_get_body (first));
  GtkWidget *child = popover_child ();
  int width;

  /* The row follows its object. */
  cockpit_notification_set_title (first, LONG_TITLE);
  cockpit_notification_set_body (first, LONG_BODY);
  cockpit_test_wait_for_draw (child);
  width = gtk_widget_get_width (child);
  /* Wraps rather than growing. */
  g_assert_cmpint (width, <, 600);
  cockpit_test_save_screenshots (child, "helpdesk-popover-long");

  cockpit_notification_set_title (first, title);
  cockpit_notification_set_body (first, body);
}

static void
test_mark_all_read (void)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (button), "helpdesk.mark-all-read", NULL));
  assert_pill (COCKPIT_SEVERITY_CRITICAL, NULL);
  assert_pill (COCKPIT_SEVERITY_WARNING, NULL);
  assert_pill (COCKPIT_SEVERITY_INFO, NULL);
  g_assert_cmpstr (cockpit_helpdesk_button_get_summary (button), ==, "No unread notifications");
  WAIT_FOR (all_read_on_server ());
  g_assert_null (cockpit_helpdesk_button_get_error (button));
  gtk_popover_popdown (cockpit_helpdesk_button_get_popover (button));
  cockpit_test_save_screenshots (header_bar, "helpdesk-button-all-read");
}

static void
test_refused (void)
{
  g_autoptr(CockpitNotification) first = g_list_model_get_item (cockpit_helpdesk_get_notifications (helpdesk), 0);
  guint before = n_rows ();

  open_popover ();

  /* The cockpit goes away: the row comes back, and the popover says why. */
  cockpit_client_set_timeouts (sim.client, 2, 5);
  cockpit_simulator_stop (sim.sim);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (button), "helpdesk.archive", "s",
                                             cockpit_notification_get_id (first)));
  g_assert_cmpuint (n_rows (), ==, before - 1);
  WAIT_FOR (cockpit_helpdesk_button_get_error (button) != NULL);
  g_assert_cmpuint (n_rows (), ==, before);
  g_assert_true (g_str_has_prefix (cockpit_helpdesk_button_get_error (button), "Could not archive “"));
  g_assert_null (strstr (cockpit_helpdesk_button_get_error (button), "HTTP"));
  cockpit_test_save_screenshots (popover_child (), "helpdesk-popover-error");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (button), "helpdesk.dismiss-error", NULL));
  g_assert_null (cockpit_helpdesk_button_get_error (button));
  gtk_popover_popdown (cockpit_helpdesk_button_get_popover (button));
}

/* A cockpit whose helpdesk has @critical, @warning and @info unread
 * notifications: the demo state of @base with its notifications
 * replaced, served by a simulator of its own. */
static CockpitSimulator *
start_sim_with_counts (const char *base,
                       guint       critical,
                       guint       warning,
                       guint       info)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (folder, "counts-state.json", NULL);
  const guint counts[3] = { critical, warning, info };
  CockpitSimulator *counted;
  JsonObject *root;
  JsonObject *template;
  JsonArray *notifications;
  guint n = 0;

  json_parser_load_from_file (parser, base, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  template = json_array_get_object_element (json_object_get_array_member (root, "notifications"), 0);
  notifications = json_array_new ();
  for (guint s = 0; s < 3; s++)
    for (guint i = 0; i < counts[s]; i++)
      {
        g_autoptr(JsonNode) copy = json_node_new (JSON_NODE_OBJECT);
        JsonObject *object = json_object_new ();
        JsonObjectIter iter;
        const char *member;
        JsonNode *value;
        g_autofree char *id = g_strdup_printf ("ntf-count-%u", ++n);

        json_object_iter_init (&iter, template);
        while (json_object_iter_next (&iter, &member, &value))
          json_object_set_member (object, member, json_node_copy (value));
        json_object_set_string_member (object, "id", id);
        json_object_set_string_member (object, "title", id);
        json_object_set_string_member (object, "severity",
                                       cockpit_enum_to_string (COCKPIT_TYPE_SEVERITY, s));
        json_object_set_boolean_member (object, "read", FALSE);
        json_object_set_boolean_member (object, "archived", FALSE);
        json_node_take_object (copy, object);
        json_array_add_element (notifications, json_node_copy (copy));
      }
  json_object_set_array_member (root, "notifications", notifications);
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);

  counted = cockpit_simulator_new (TOKEN, COCKPIT_SIM_SEED_DEMO, path, SIM_STAGE_SECONDS, TRUE, &error);
  g_assert_no_error (error);
  cockpit_simulator_listen (counted, "127.0.0.1", 0, &error);
  g_assert_no_error (error);
  return counted;
}

/* The demo state, written to a file to edit. */
static char *
write_demo_state (void)
{
  char *base = g_build_filename (folder, "demo-state.json", NULL);
  CockpitSimulator *seeded;
  g_autoptr(GError) error = NULL;

  seeded = cockpit_simulator_new (TOKEN, COCKPIT_SIM_SEED_DEMO, base, SIM_STAGE_SECONDS, TRUE, &error);
  g_assert_no_error (error);
  cockpit_simulator_stop (seeded);
  g_assert_finalize_object (seeded);
  return base;
}

static void
test_empty (void)
{
  g_autofree char *base = write_demo_state ();
  CockpitSimulator *quiet = start_sim_with_counts (base, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  CockpitClient *client = cockpit_client_new (cockpit_simulator_get_base_url (quiet), TOKEN, &error);
  CockpitHelpdesk *empty;

  /* Before the helpdesk has answered once, its empty list says nothing. */
  g_assert_no_error (error);
  empty = cockpit_helpdesk_new (client, NULL);
  g_assert_false (cockpit_helpdesk_get_loaded (empty));
  cockpit_helpdesk_button_set_helpdesk (button, empty);
  open_popover ();
  g_assert_cmpuint (n_rows (), ==, 0);
  g_assert_true (gtk_widget_is_drawable (find_label (popover_child (), "Loading notifications…")));
  g_assert_null (find_label (popover_child (), "No notifications"));
  g_assert_false (gtk_widget_is_drawable (find_label (popover_child (), "Messages from the Magnolia helpdesk appear here.")));
  cockpit_test_save_screenshots (popover_child (), "helpdesk-popover-loading");

  /* Its answer, no notifications, shows as it comes: the empty state. */
  refresh (empty);
  g_assert_true (cockpit_helpdesk_get_loaded (empty));
  cockpit_test_wait_for_draw (popover_child ());
  g_assert_cmpuint (n_rows (), ==, 0);
  g_assert_null (find_label (popover_child (), "Loading notifications…"));
  g_assert_true (gtk_widget_is_drawable (find_label (popover_child (), "No notifications")));
  g_assert_true (gtk_widget_is_drawable (find_label (popover_child (), "Messages from the Magnolia helpdesk appear here.")));
  cockpit_test_save_screenshots (popover_child (), "helpdesk-popover-empty");
  gtk_popover_popdown (cockpit_helpdesk_button_get_popover (button));

  cockpit_helpdesk_button_set_helpdesk (button, NULL);
  g_assert_finalize_object (empty);
  g_assert_finalize_object (client);
  cockpit_simulator_stop (quiet);
  g_assert_finalize_object (quiet);
}

/* The header bar's icons must not move when the counts change: the
 * button keeps one width for no unread notification, for any count up
 * to 99 and for more ("99+"). */
static void
test_stable_width (void)
{
  static const struct {
    guint       counts[3];
    const char *pills[3];
    const char *screenshot;
  } cases[] = {
    { { 1, 0, 0 }, { "1", NULL, NULL }, "helpdesk-button-one" },
    { { 1, 1, 1 }, { "1", "1", "1" }, NULL },
    { { 0, 12, 3 }, { NULL, "12", "3" }, NULL },
    { { 99, 99, 99 }, { "99", "99", "99" }, NULL },
    { { 100, 250, 0 }, { "99+", "99+", NULL }, NULL },
    { { 120, 105, 101 }, { "99+", "99+", "99+" }, "helpdesk-button-many" },
    { { 0, 0, 0 }, { NULL, NULL, NULL }, NULL },
  };
  g_autofree char *base = write_demo_state ();
  g_autoptr(GError) error = NULL;
  int width;

  cockpit_helpdesk_button_set_helpdesk (button, NULL);
  gtk_window_present (window);
  cockpit_test_wait_for_draw (header_bar);
  width = gtk_widget_get_width (GTK_WIDGET (button));
  g_assert_cmpint (width, >, 0);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      CockpitSimulator *counted = start_sim_with_counts (base, cases[c].counts[0], cases[c].counts[1],
                                                         cases[c].counts[2]);
      CockpitClient *client = cockpit_client_new (cockpit_simulator_get_base_url (counted), TOKEN, &error);
      CockpitHelpdesk *desk;

      g_assert_no_error (error);
      desk = cockpit_helpdesk_new (client, NULL);
      refresh (desk);
      cockpit_helpdesk_button_set_helpdesk (button, desk);
      cockpit_test_wait_for_draw (header_bar);

      for (guint s = 0; s < 3; s++)
        assert_pill (s, cases[c].pills[s]);
      g_test_message ("%u/%u/%u unread: %d px", cases[c].counts[0], cases[c].counts[1], cases[c].counts[2],
                      gtk_widget_get_width (GTK_WIDGET (button)));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (button)), ==, width);
      if (cases[c].screenshot != NULL)
        cockpit_test_save_screenshots (header_bar, cases[c].screenshot);

      cockpit_helpdesk_button_set_helpdesk (button, NULL);
      g_assert_finalize_object (desk);
      g_assert_finalize_object (client);
      cockpit_simulator_stop (counted);
      g_assert_finalize_object (counted);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);
  test_session_start (&session, FALSE);
  sim_fixture_start (&sim, TOKEN, NULL);
  folder = g_dir_make_tmp ("helpdesk-button-XXXXXX", &error);
  g_assert_no_error (error);

  /* The application loads style.css and sends the notifications. */
  app = test_app_new_application ();

  {
    g_autofree char *state = g_build_filename (folder, "helpdesk-seen.json", NULL);

    helpdesk = cockpit_helpdesk_new (sim.client, state);
  }
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 520, 120);
  header_bar = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header_bar), adw_window_title_new ("Acme Corporation Website", NULL));
  button = COCKPIT_HELPDESK_BUTTON (cockpit_helpdesk_button_new ());
  adw_header_bar_pack_end (ADW_HEADER_BAR (header_bar), GTK_WIDGET (button));
  gtk_window_set_titlebar (window, header_bar);
  gtk_window_set_child (window, adw_status_page_new ());

  g_test_add_func ("/cockpit/helpdesk-button/create-destroy", test_create_destroy);
  g_test_add_func ("/cockpit/helpdesk-button/pills", test_pills);
  g_test_add_func ("/cockpit/helpdesk-button/popover", test_popover);
  g_test_add_func ("/cockpit/helpdesk-button/order", test_order);
  g_test_add_func ("/cockpit/helpdesk-button/notify-critical", test_notify_critical);
  g_test_add_func ("/cockpit/helpdesk-button/new-critical-once", test_new_critical_once);
  g_test_add_func ("/cockpit/helpdesk-button/mark-read", test_mark_read);
  g_test_add_func ("/cockpit/helpdesk-button/archive", test_archive);
  g_test_add_func ("/cockpit/helpdesk-button/long-text", test_long_text);
  g_test_add_func ("/cockpit/helpdesk-button/mark-all-read", test_mark_all_read);
  g_test_add_func ("/cockpit/helpdesk-button/refused", test_refused);
  g_test_add_func ("/cockpit/helpdesk-button/empty", test_empty);
  g_test_add_func ("/cockpit/helpdesk-button/stable-width", test_stable_width);
  g_test_add_func ("/cockpit/helpdesk-button/change-outlives-button", test_change_outlives_button);

  result = g_test_run ();

  gtk_window_destroy (window);
  g_assert_finalize_object (g_steal_pointer (&helpdesk));
  g_clear_object (&app);
  sim_fixture_stop (&sim);
  api_remove_tree (folder);
  g_free (folder);
  test_session_stop (&session);
  return result;
}
