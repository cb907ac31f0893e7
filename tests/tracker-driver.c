/* tracker-driver.c: the real action tracker in a process of its own, which can kill -9 itself at a named point.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: tracker-driver BASE-URL TOKEN JOURNAL [start]
 *
 * Resumes the journal, and with "start" starts one upgrade of acmeweb's UAT
 * to 6.3.21, then follows everything until nothing is left.  Every signal
 * of the tracker is printed as one line on stdout:
 *
 *   start-ok ID | start-failed MESSAGE
 *   started ID | finished ID STATUS | not-started PACKAGE ENVIRONMENT
 *
 * COCKPIT_CRASH_AT names where it raises SIGKILL: a point of the tracker
 * ("after-journal", "before-answer", "journal-save" or "journal-save:N" for
 * the Nth save), or "mid-action" (the first update of a running action
 * that has made progress).  Exits 0 when nothing is left to follow, 3
 * after a minute without getting there.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cockpit-action-tracker-private.h"

typedef struct {
  GMainLoop            *loop;
  CockpitActionTracker *tracker;
  const char           *crash_at;
  guint                 saves;
  gboolean              starting;
  gboolean              timed_out;
} Driver;

static void
say (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  putchar ('\n');
  fflush (stdout);
}

static void
crash_if (Driver     *self,
          const char *point)
{
  if (self->crash_at == NULL)
    return;

  if (g_str_equal (point, "journal-save"))
    {
      self->saves++;
      if (g_str_has_prefix (self->crash_at, "journal-save:"))
        {
          if (g_ascii_strtoull (self->crash_at + strlen ("journal-save:"), NULL, 10) != self->saves)
            return;
        }
      else if (!g_str_equal (self->crash_at, "journal-save"))
        return;
    }
  else if (!g_str_equal (self->crash_at, point))
    return;

  say ("crashing at %s", point);
  raise (SIGKILL);
}

static void
hook_cb (CockpitActionTracker *tracker,
         const char           *point,
         gpointer              user_data)
{
  crash_if (user_data, point);
}

static void
started_cb (CockpitActionTracker *tracker,
            CockpitAction        *action,
            Driver               *self)
{
  say ("started %s", cockpit_action_get_id (action));
}

static void
updated_cb (CockpitActionTracker *tracker,
            CockpitAction        *action,
            Driver               *self)
{
  if (cockpit_action_is_running (action) && cockpit_action_get_progress (action) > 0)
    crash_if (self, "mid-action");
}

static void
finished_cb (CockpitActionTracker *tracker,
             CockpitAction        *action,
             Driver               *self)
{
  say ("finished %s %s", cockpit_action_get_id (action),
       cockpit_enum_to_string (COCKPIT_TYPE_ACTION_STATUS, cockpit_action_get_status (action)));
}

static void
not_started_cb (CockpitActionTracker *tracker,
                const char           *package_id,
                const char           *environment_id,
                CockpitActionKind     kind,
                const char           *message,
                Driver               *self)
{
  say ("not-started %s %s", package_id, environment_id);
}

static void
start_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Driver *self = user_data;
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GError) error = NULL;

  action = cockpit_action_tracker_start_finish (self->tracker, result, &error);
  if (action != NULL)
    say ("start-ok %s", cockpit_action_get_id (action));
  else
    say ("start-failed %s", error->message);
  self->starting = FALSE;
}

static void
package_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Driver *self = user_data;
  g_autoptr(CockpitPackage) package = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *environments;

  package = cockpit_client_get_package_finish (COCKPIT_CLIENT (object), result, &error);
  if (package == NULL)
    {
      say ("start-failed %s", error->message);
      self->starting = FALSE;
      return;
    }

  environments = cockpit_package_get_environments (package);
  for (guint i = 0; i < g_list_model_get_n_items (environments); i++)
    {
      g_autoptr(CockpitEnvironment) environment = g_list_model_get_item (environments, i);

      if (cockpit_environment_get_kind (environment) == COCKPIT_ENVIRONMENT_KIND_UAT)
        {
          cockpit_action_tracker_start_async (self->tracker, environment, COCKPIT_ACTION_KIND_UPGRADE,
                                              "6.3.21", NULL, NULL, start_cb, self);
          return;
        }
    }
  say ("start-failed no UAT");
  self->starting = FALSE;
}

static gboolean
check_done_cb (gpointer user_data)
{
  Driver *self = user_data;

  if (!self->starting && !cockpit_action_tracker_is_busy (self->tracker, "acmeweb"))
    {
      g_main_loop_quit (self->loop);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  Driver *self = user_data;

  self->timed_out = TRUE;
  g_main_loop_quit (self->loop);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CockpitClient) client = NULL;
  g_autoptr(CockpitActionTracker) tracker = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  Driver self = { 0 };

  if (argc < 4)
    {
      g_printerr ("Usage: tracker-driver BASE-URL TOKEN JOURNAL [start]\n");
      return 2;
    }

  client = cockpit_client_new (argv[1], argv[2], &error);
  if (client == NULL)
    {
      g_printerr ("tracker-driver: %s\n", error->message);
      return 2;
    }
  tracker = cockpit_action_tracker_new (client, argv[3]);
  loop = g_main_loop_new (NULL, FALSE);

  self.loop = loop;
  self.tracker = tracker;
  self.crash_at = g_getenv ("COCKPIT_CRASH_AT");
  cockpit_action_tracker_set_intervals (tracker, 20, 100);
  cockpit_action_tracker_set_hook (tracker, hook_cb, &self);
  g_signal_connect (tracker, "action-started", G_CALLBACK (started_cb), &self);
  g_signal_connect (tracker, "action-updated", G_CALLBACK (updated_cb), &self);
  g_signal_connect (tracker, "action-finished", G_CALLBACK (finished_cb), &self);
  g_signal_connect (tracker, "action-not-started", G_CALLBACK (not_started_cb), &self);

  cockpit_action_tracker_resume (tracker);
  if (argc > 4 && g_str_equal (argv[4], "start"))
    {
      self.starting = TRUE;
      cockpit_client_get_package_async (client, "acmeweb", NULL, package_cb, &self);
    }

  g_timeout_add (20, check_done_cb, &self);
  g_timeout_add_seconds (60, timeout_cb, &self);
  g_main_loop_run (loop);

  say ("done");
  return self.timed_out ? 3 : 0;
}
