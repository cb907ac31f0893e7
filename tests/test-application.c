/* test-application.c: what the application says by itself about the state it starts from.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application signs in to an in-process simulator (test-app-util.h)
 * with a journal of followed actions that was damaged before it started:
 * it must say so once, as a desktop notification in words, and still
 * sign in.  And desktop notifications that are no longer true go.
 */
#include "config.h"

#include <string.h>

#include "test-app-util.h"

#define TOKEN "application-test-token-8d41"

static TestSession session;
static TestApp     t;

static TestNotification *
find_notification (const char *id)
{
  for (guint i = 0; i < session.notifications->len; i++)
    {
      TestNotification *n = g_ptr_array_index (session.notifications, i);

      if (g_str_equal (n->id, id))
        return n;
    }
  return NULL;
}

static TestNotification *
find_prefixed (const char *prefix)
{
  for (guint i = 0; i < session.notifications->len; i++)
    {
      TestNotification *n = g_ptr_array_index (session.notifications, i);

      if (g_str_has_prefix (n->id, prefix))
        return n;
    }
  return NULL;
}

static guint
count_notifications (const char *id)
{
  guint n = 0;

  for (guint i = 0; i < session.notifications->len; i++)
    if (g_str_equal (((TestNotification *) g_ptr_array_index (session.notifications, i))->id, id))
      n++;
  return n;
}

/* The journal was damaged before the app started (see main()). */
static void
test_journal_damaged (void)
{
  TestNotification *n;

  WAIT_FOR (find_notification ("journal-damaged") != NULL);
  n = find_notification ("journal-damaged");
  g_assert_cmpstr (test_notification_get (n, "title"), ==, "Some followed actions could not be read");
  g_assert_nonnull (strstr (test_notification_get (n, "body"), "was damaged"));
  g_assert_cmpuint (count_notifications ("journal-damaged"), ==, 1);

  /* And the app goes on: the packages are there. */
  WAIT_FOR (g_list_model_get_n_items (cockpit_session_get_packages (t.session)) > 0);
}

/* A critical helpdesk notice announced on the desktop is withdrawn once
 * it is read: it no longer asks for anything. */
static void
test_helpdesk_withdrawn_when_read (void)
{
  TestNotification *announced = NULL;
  CockpitHelpdesk *helpdesk;
  CockpitNotification *notice;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  WAIT_FOR ((announced = find_prefixed ("helpdesk-")) != NULL);
  g_assert_cmpstr (test_notification_get (announced, "priority"), ==, "high");

  helpdesk = cockpit_application_get_helpdesk (t.app);
  notice = cockpit_helpdesk_find (helpdesk, announced->id + strlen ("helpdesk-"));
  g_assert_nonnull (notice);
  g_assert_false (g_ptr_array_find_with_equal_func (session.withdrawn, announced->id, g_str_equal, NULL));

  cockpit_helpdesk_mark_read_async (helpdesk, notice, NULL, test_app_store_result_cb, &result);
  WAIT_FOR (result != NULL);
  g_assert_true (cockpit_helpdesk_mark_read_finish (helpdesk, result, &error));
  g_assert_no_error (error);
  WAIT_FOR (g_ptr_array_find_with_equal_func (session.withdrawn, announced->id, g_str_equal, NULL));
}

/* Times follow the desktop's 12/24-hour setting, live. */
static void
test_clock_format (void)
{
  g_autoptr(GSettings) desktop = g_settings_new ("org.gnome.desktop.interface");

  g_assert_false (cockpit_format_get_12_hour ());
  g_settings_set_string (desktop, "clock-format", "12h");
  WAIT_FOR (cockpit_format_get_12_hour ());
  g_settings_set_string (desktop, "clock-format", "24h");
  WAIT_FOR (!cockpit_format_get_12_hour ());
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  test_session_start (&session, FALSE);

  /* A journal of followed actions cut off in the middle of an entry. */
  {
    g_autofree char *dir = g_build_filename (session.dir, "state", NULL);
    g_autofree char *journal = g_build_filename (dir, "journal.json", NULL);

    g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
    g_assert_true (g_file_set_contents (journal, "{\"format\": 1, \"entries\": [{\"cock", -1, NULL));
  }
  test_app_start (&t, &session, TOKEN, 60);

  g_test_add_func ("/cockpit/application/journal-damaged", test_journal_damaged);
  g_test_add_func ("/cockpit/application/helpdesk-withdrawn-when-read", test_helpdesk_withdrawn_when_read);
  g_test_add_func ("/cockpit/application/clock-format", test_clock_format);
  result = g_test_run ();

  test_app_stop (&t);
  test_session_stop (&session);
  return result;
}
