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
session_loading_cb (CockpitSession *session_,
                    GParamSpec     *pspec,
                    GString        *events)
{
  g_string_append (events, cockpit_session_get_loading (session_) ? "packages+ " : "packages- ");
}

static void
helpdesk_loading_cb (CockpitHelpdesk *helpdesk,
                     GParamSpec      *pspec,
                     GString         *events)
{
  g_string_append (events, cockpit_helpdesk_get_loading (helpdesk) ? "helpdesk+ " : "helpdesk- ");
}

/* Connected after the application's own handler of the same signal. */
static void
drop_session_cb (gboolean       *dropped,
                 GParamSpec     *pspec,
                 CockpitSession *session_)
{
  if (cockpit_session_get_loading (session_) || *dropped)
    return;
  cockpit_application_set_session (t.app, NULL);
  *dropped = TRUE;
}

static gboolean
set_true_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* A session set loads its packages first and the helpdesk's notifications
 * once they are in: the packages are what the window opens for. */
static void
test_helpdesk_after_packages (void)
{
  g_autofree char *journal = g_build_filename (session.dir, "state", "journal-second.json", NULL);
  g_autoptr(CockpitSession) second = cockpit_session_new (cockpit_session_get_client (t.session), journal, NULL);
  g_autoptr(GString) events = g_string_new (NULL);
  CockpitHelpdesk *helpdesk;

  cockpit_application_set_session (t.app, second);
  helpdesk = cockpit_application_get_helpdesk (t.app);
  g_assert_true (cockpit_session_get_loading (second));
  g_assert_false (cockpit_helpdesk_get_loading (helpdesk));
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_helpdesk_get_notifications (helpdesk)), ==, 0);

  g_signal_connect (second, "notify::loading", G_CALLBACK (session_loading_cb), events);
  g_signal_connect (helpdesk, "notify::loading", G_CALLBACK (helpdesk_loading_cb), events);
  WAIT_FOR (g_str_has_suffix (events->str, "helpdesk- "));
  g_assert_cmpstr (events->str, ==, "packages- helpdesk+ helpdesk- ");
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_helpdesk_get_notifications (helpdesk)), >, 0);
  g_signal_handlers_disconnect_by_data (second, events);
  g_signal_handlers_disconnect_by_data (helpdesk, events);

  /* A session dropped as its packages come in leaves no helpdesk refresh
   * behind (it would run without a helpdesk). */
  {
    g_autoptr(CockpitSession) third = cockpit_session_new (cockpit_session_get_client (t.session), journal, NULL);
    gboolean dropped = FALSE;
    gboolean after_low_idles = FALSE;

    cockpit_application_set_session (t.app, third);
    g_signal_connect_swapped (third, "notify::loading", G_CALLBACK (drop_session_cb), &dropped);
    WAIT_FOR (dropped);
    g_assert_null (cockpit_application_get_helpdesk (t.app));
    g_idle_add_full (G_PRIORITY_LOW + 1, set_true_cb, &after_low_idles, NULL);
    WAIT_FOR (after_low_idles);
  }
  cockpit_application_set_session (t.app, t.session);
  WAIT_FOR (!cockpit_session_get_loading (t.session));
}

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
  g_test_add_func ("/cockpit/application/helpdesk-after-packages", test_helpdesk_after_packages);
  result = g_test_run ();

  test_app_stop (&t);
  test_session_stop (&session);
  return result;
}
