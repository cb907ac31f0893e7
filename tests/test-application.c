/* test-application.c: what the application says by itself about the state it starts from.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application signs in to an in-process simulator (test-app-util.h)
 * with a journal of followed actions that was damaged before it started:
 * it must say so once, as a desktop notification in words, and still
 * sign in.
 */
#include "config.h"

#include <string.h>

#include "test-app-util.h"

#define TOKEN "application-test-token-8d41"

static TestSession session;

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

static guint
count_notifications (const char *id)
{
  guint n = 0;

  for (guint i = 0; i < session.notifications->len; i++)
    if (g_str_equal (((TestNotification *) g_ptr_array_index (session.notifications, i))->id, id))
      n++;
  return n;
}

static void
test_journal_damaged (void)
{
  g_autofree char *dir = g_build_filename (session.dir, "state", NULL);
  g_autofree char *journal = g_build_filename (dir, "journal.json", NULL);
  TestApp t = { 0 };
  TestNotification *n;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (journal, "{\"format\": 1, \"entries\": [{\"cock", -1, NULL));

  test_app_start (&t, &session, TOKEN, 60);
  WAIT_FOR (find_notification ("journal-damaged") != NULL);
  n = find_notification ("journal-damaged");
  g_assert_cmpstr (test_notification_get (n, "title"), ==, "Some followed actions could not be read");
  g_assert_nonnull (strstr (test_notification_get (n, "body"), "was damaged"));
  g_assert_cmpuint (count_notifications ("journal-damaged"), ==, 1);

  /* And the app goes on: the packages are there. */
  WAIT_FOR (g_list_model_get_n_items (cockpit_session_get_packages (t.session)) > 0);
  test_app_stop (&t);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  test_session_start (&session, FALSE);

  g_test_add_func ("/cockpit/application/journal-damaged", test_journal_damaged);
  result = g_test_run ();

  test_session_stop (&session);
  return result;
}
