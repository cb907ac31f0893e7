/* bench-app-probe.c: the app as upgrade-cockpit runs it, with its start-up watched from outside through public API.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-startup starts this program instead of `upgrade-cockpit`: it is
 * the same main() over the same static libraries, plus a watcher that
 * uses only what any program could: GtkApplication::window-added, the
 * window's GdkFrameClock::after-paint, the session's list of packages,
 * the window's page name and the CockpitPackagePage found in its widget
 * tree.  The app itself carries no benchmark code (it used to, in
 * src/ui/cockpit-bench.c, which made a circle application -> window ->
 * bench -> application; docs/performance.md says why this way).
 *
 * With COCKPIT_BENCH_T0 set to a g_get_monotonic_time() taken by the
 * benchmark just before the spawn (CLOCK_MONOTONIC is shared by all
 * processes), it prints on stdout, one line each:
 *   visible <us>   the first frame of the window,
 *   data <us>      the first frame with the packages loaded and one
 *                  package's page shown,
 *   rss <KiB>      VmRSS right after that frame,
 *   pss <KiB>      the PSS of the process (the demo's simulator runs in
 *                  it) 2 s after the window showed, or at the data frame
 *                  when that came later,
 *   uss <KiB>      at the same time, its private pages (Private_Clean +
 *                  Private_Dirty): PSS moves with what other processes
 *                  on the machine map, this does not,
 * then quits.  Without the variable it is the app and nothing more.
 *
 * For bench-idle: with COCKPIT_BENCH_STAY set it stays open after that;
 * with COCKPIT_BENCH_UPGRADE set too it starts, once the data is on
 * screen, an upgrade of the first environment of the package shown that
 * is offered one (through the session's action tracker, as the wizard
 * does) and prints "upgrading <environment id>", then "pulsing" once the
 * package page's flow diagram animates it, and "upgrade-ended" when it
 * ends.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "bench-mark.h"
#include "cockpit-action-tracker.h"
#include "cockpit-application.h"
#include "cockpit-flow-diagram.h"
#include "cockpit-package-page.h"
#include "cockpit-session.h"
#include "cockpit-window.h"

#define PSS_DELAY_US (2 * G_USEC_PER_SEC)

typedef struct {
  CockpitApplication *app;
  GtkWindow          *window;
  GdkFrameClock      *clock;
  gulong              after_paint_id;
  gint64              t0;
  gint64              visible_at;
  gboolean            data_done;
} Probe;

/* The value in KiB of the line starting with @key in the /proc file @path. */
static long
read_proc_kib (const char *path,
               const char *key)
{
  g_autofree char *text = NULL;
  g_autofree char *needle = g_strconcat ("\n", key, NULL);
  const char *line;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return -1;
  if (g_str_has_prefix (text, key))
    return strtol (text + strlen (key), NULL, 10);
  line = strstr (text, needle);
  return line != NULL ? strtol (line + strlen (needle), NULL, 10) : -1;
}

static CockpitPackagePage *
find_package_page (GtkWidget *widget)
{
  if (COCKPIT_IS_PACKAGE_PAGE (widget))
    return COCKPIT_PACKAGE_PAGE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      CockpitPackagePage *page = find_package_page (child);

      if (page != NULL)
        return page;
    }
  return NULL;
}

/* The packages are loaded and the package page shows one of them. */
static gboolean
data_shown (Probe *probe)
{
  CockpitSession *session = cockpit_application_get_session (probe->app);
  CockpitPackagePage *page;

  if (session == NULL || g_list_model_get_n_items (cockpit_session_get_packages (session)) == 0 ||
      g_strcmp0 (cockpit_window_get_page_name (COCKPIT_WINDOW (probe->window)), "packages") != 0)
    return FALSE;
  page = find_package_page (GTK_WIDGET (probe->window));
  return page != NULL && gtk_widget_get_mapped (GTK_WIDGET (page)) &&
         cockpit_package_page_get_package (page) != NULL;
}

static void
upgrade_status_cb (CockpitAction *action)
{
  if (cockpit_action_is_running (action))
    return;
  printf ("upgrade-ended\n");
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (action, upgrade_status_cb, NULL);
}

static void
upgrade_started_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitAction) action = NULL;

  action = cockpit_action_tracker_start_finish (COCKPIT_ACTION_TRACKER (object), result, &error);
  if (action == NULL)
    {
      g_printerr ("bench-app-probe: the upgrade did not start: %s\n", error->message);
      exit (1);
    }
  /* bench-idle checks that it ran for all the time measured. */
  g_signal_connect (g_object_ref (action), "notify::status", G_CALLBACK (upgrade_status_cb), NULL);
}

static gboolean
watch_pulse_cb (gpointer user_data)
{
  Probe *probe = user_data;
  CockpitPackagePage *page = find_package_page (GTK_WIDGET (probe->window));
  GtkWidget *diagram = page != NULL ? cockpit_package_page_get_flow_diagram (page) : NULL;

  if (diagram == NULL || !cockpit_flow_diagram_get_pulsing (COCKPIT_FLOW_DIAGRAM (diagram)))
    return G_SOURCE_CONTINUE;
  printf ("pulsing\n");
  fflush (stdout);
  return G_SOURCE_REMOVE;
}

/* Starts an upgrade of the first environment of the package shown that
 * is offered one. */
static void
start_upgrade (Probe *probe)
{
  CockpitSession *session = cockpit_application_get_session (probe->app);
  CockpitPackagePage *page = find_package_page (GTK_WIDGET (probe->window));
  GListModel *environments = cockpit_package_get_environments (cockpit_package_page_get_package (page));

  for (guint i = 0; i < g_list_model_get_n_items (environments); i++)
    {
      g_autoptr(CockpitEnvironment) env = g_list_model_get_item (environments, i);
      g_autoptr(GListStore) offered = cockpit_rules_offered_versions (env, cockpit_session_get_releases (session));
      g_autoptr(CockpitRelease) newest = NULL;

      if (g_list_model_get_n_items (G_LIST_MODEL (offered)) == 0)
        continue;
      newest = g_list_model_get_item (G_LIST_MODEL (offered), 0);
      printf ("upgrading %s\n", cockpit_environment_get_id (env));
      fflush (stdout);
      cockpit_action_tracker_start_async (cockpit_session_get_tracker (session), env,
                                          COCKPIT_ACTION_KIND_UPGRADE,
                                          cockpit_release_get_version (newest), NULL, NULL,
                                          upgrade_started_cb, probe);
      /* Checked every half second only until it pulses. */
      g_timeout_add (500, watch_pulse_cb, probe);
      return;
    }
  g_printerr ("bench-app-probe: no environment of the package shown is offered an upgrade\n");
  exit (1);
}

static gboolean
pss_cb (gpointer user_data)
{
  Probe *probe = user_data;

  printf ("pss %ld\n", read_proc_kib ("/proc/self/smaps_rollup", "Pss:"));
  /* What is the process's alone, whatever other processes map too. */
  printf ("uss %ld\n", read_proc_kib ("/proc/self/smaps_rollup", "Private_Clean:") +
                        read_proc_kib ("/proc/self/smaps_rollup", "Private_Dirty:"));
  fflush (stdout);
  if (g_getenv ("COCKPIT_BENCH_UPGRADE") != NULL)
    start_upgrade (probe);
  if (g_getenv ("COCKPIT_BENCH_STAY") == NULL)
    g_application_quit (G_APPLICATION (probe->app));
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Probe         *probe)
{
  gint64 now = g_get_monotonic_time ();

  if (probe->visible_at == 0)
    {
      probe->visible_at = now;
      bench_mark_visible ();
      printf ("visible %" G_GINT64_FORMAT "\n", now - probe->t0);
    }

  /* The data only changes outside a frame, so when it is there now it
   * was there when this frame was drawn. */
  if (!probe->data_done && data_shown (probe))
    {
      gint64 pss_at = probe->visible_at + PSS_DELAY_US;

      probe->data_done = TRUE;
      bench_mark_data ();
      printf ("data %" G_GINT64_FORMAT "\n", now - probe->t0);
      printf ("rss %ld\n", read_proc_kib ("/proc/self/status", "VmRSS:"));
      g_signal_handler_disconnect (clock, probe->after_paint_id);
      probe->after_paint_id = 0;
      g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) (MAX (0, pss_at - now) / 1000),
                          pss_cb, probe, NULL);
    }
  fflush (stdout);
}

static void
realize_cb (GtkWidget *widget,
            Probe     *probe)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (widget)));

  if (probe->data_done || clock == probe->clock)
    return;
  if (probe->clock != NULL && probe->after_paint_id != 0)
    g_signal_handler_disconnect (probe->clock, probe->after_paint_id);
  g_set_object (&probe->clock, clock);
  probe->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), probe);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 Probe          *probe)
{
  if (probe->window != NULL || !COCKPIT_IS_WINDOW (window))
    return;
  probe->window = window;
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), probe);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    realize_cb (GTK_WIDGET (window), probe);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CockpitApplication) app = NULL;
  const char *t0 = g_getenv ("COCKPIT_BENCH_T0");
  Probe probe = { 0 };
  int status;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cockpit_application_new ();
  if (t0 != NULL)
    {
      probe.app = app;
      probe.t0 = g_ascii_strtoll (t0, NULL, 10);
      g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &probe);
    }
  status = g_application_run (G_APPLICATION (app), argc, argv);
  if (probe.clock != NULL && probe.after_paint_id != 0)
    g_signal_handler_disconnect (probe.clock, probe.after_paint_id);
  g_clear_object (&probe.clock);
  return status;
}
