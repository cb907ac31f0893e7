/* test-helpdesk-row.c: one helpdesk notification in the list: what it shows, and that it follows its notification.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "cockpit-helpdesk-row.h"
#include "test-ui-util.h"

static CockpitNotification *
make_notification (CockpitSeverity  severity,
                   const char      *received_at,
                   gboolean         read)
{
  CockpitNotification *notification = cockpit_notification_new ();
  g_autoptr(GDateTime) received = cockpit_date_time_parse (received_at);

  cockpit_notification_set_id (notification, "n-1");
  cockpit_notification_set_severity (notification, severity);
  cockpit_notification_set_title (notification, "LTS upgrade deadline for Acme Corporation Website");
  cockpit_notification_set_body (notification, "Magnolia 6.3.21 is the latest LTS release.");
  cockpit_notification_set_received_at (notification, received);
  cockpit_notification_set_read (notification, read);
  return notification;
}

/* The labels of @widget's tree, in order, joined by "|". */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (out, "%s|", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *action)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_shows (void)
{
  g_autoptr(CockpitNotification) notification = make_notification (COCKPIT_SEVERITY_WARNING, "2026-11-30T10:00:00Z", FALSE);
  GtkWidget *row = g_object_ref_sink (cockpit_helpdesk_row_new (notification, "Acme Corporation Website"));
  g_autoptr(GString) labels = g_string_new (NULL);
  GtkWidget *read = find_button (row, "helpdesk.mark-read");
  GtkWidget *archive = find_button (row, "helpdesk.archive");
  GtkWidget *window = gtk_window_new ();

  g_assert_true (cockpit_helpdesk_row_get_notification (COCKPIT_HELPDESK_ROW (row)) == notification);
  collect_labels (row, labels);
  /* Title, time, package under the title, then the body. */
  g_assert_true (g_str_has_prefix (labels->str, "LTS upgrade deadline for Acme Corporation Website|"));
  g_assert_nonnull (strstr (labels->str, "|Acme Corporation Website|Magnolia 6.3.21 is the latest LTS release.|"));
  g_assert_true (gtk_widget_has_css_class (row, "unread"));

  /* The buttons name the notification they act on. */
  g_assert_nonnull (read);
  g_assert_nonnull (archive);
  g_assert_true (gtk_widget_get_visible (read));
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (read)), NULL), ==, "n-1");
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (archive)), NULL), ==, "n-1");

  /* Read elsewhere: the row follows, without its "Mark as Read". */
  cockpit_notification_set_read (notification, TRUE);
  g_assert_false (gtk_widget_get_visible (read));
  g_assert_false (gtk_widget_has_css_class (row, "unread"));

  /* At 300 px, the width of the list in a narrow window, looked at. */
  gtk_widget_set_size_request (window, 300, -1);
  {
    GtkWidget *list = gtk_list_box_new ();

    gtk_list_box_append (GTK_LIST_BOX (list), row);
    gtk_window_set_child (GTK_WINDOW (window), list);
  }
  gtk_window_present (GTK_WINDOW (window));
  cockpit_test_wait_for_draw (row);
  cockpit_test_save_screenshot (row, "helpdesk-row-300");
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (row);
}

/* "5 minutes ago" as of a given moment; a date after a month. */
static void
test_time (void)
{
  static const struct {
    const char *now;
    const char *expected;
  } cases[] = {
    { "2026-11-30T10:00:30Z", "Just now" },
    { "2026-11-30T10:05:00Z", "5 minutes ago" },
    { "2026-11-30T11:00:00Z", "1 hour ago" },
    { "2026-12-02T10:00:00Z", "2 days ago" },
    { "2027-01-15T10:00:00Z", "30 Nov 2026" },
  };
  g_autoptr(CockpitNotification) notification = make_notification (COCKPIT_SEVERITY_INFO, "2026-11-30T10:00:00Z", TRUE);
  GtkWidget *row = g_object_ref_sink (cockpit_helpdesk_row_new (notification, "All packages"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = cockpit_date_time_parse (cases[i].now);
      g_autoptr(GString) labels = g_string_new (NULL);
      g_autofree char *needle = g_strdup_printf ("|%s|", cases[i].expected);

      cockpit_helpdesk_row_update_time (COCKPIT_HELPDESK_ROW (row), now);
      collect_labels (row, labels);
      if (strstr (labels->str, needle) == NULL)
        g_error ("at %s: \"%s\" does not say \"%s\"", cases[i].now, labels->str, cases[i].expected);
    }
  g_object_unref (row);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/cockpit/helpdesk-row/shows", test_shows);
  g_test_add_func ("/cockpit/helpdesk-row/time", test_time);

  return g_test_run ();
}
