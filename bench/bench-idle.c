/* bench-idle.c: CPU of the app and of an empty libadwaita window while nothing happens, and during a running upgrade, with the X server's share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts an X server of its own (Xvfb, so that its CPU time is the
 * programs' alone) and a private D-Bus session bus, then in turn:
 *   baseline   bench-empty-window, left open;
 *   idle       the app in demo mode (bench-app-probe, which is the app's
 *              own main(); see there), on its first screen, a package's
 *              page with its countdowns, left alone;
 *   upgrade    the same, with an upgrade running on the package shown,
 *              its flow diagram animating.
 * Each waits for the program's first frame and then --settle seconds,
 * and reads the user and system CPU time of the program and of the X
 * server (/proc/PID/stat) before and after --seconds seconds.  Every
 * start has fresh, empty XDG folders and GSETTINGS_BACKEND=memory.
 * GSK_RENDERER is passed on as it is (bench/run-all sets cairo).
 *
 * Prints a table and, for bench/run-all, RESULT lines.  Exits with 77
 * when Xvfb is missing.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#ifndef APP_PATH
#error "APP_PATH must be defined by the build"
#endif
#ifndef BASELINE_PATH
#error "BASELINE_PATH must be defined by the build"
#endif
#ifndef SCHEMA_DIR
#error "SCHEMA_DIR must be defined by the build"
#endif

static int opt_seconds = 30;
static int opt_settle = 5;
static int opt_timeout = 60;

/* CPU time of @pid in milliseconds (user + system), or -1. */
static double
cpu_ms (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return -1;
  /* The command may hold spaces: the fields start after its ')'. */
  after = strrchr (text, ')');
  if (after == NULL)
    return -1;
  fields = g_strsplit (after + 2, " ", -1);
  if (g_strv_length (fields) < 13)
    return -1;
  /* utime and stime are fields 14 and 15 of the line, 12 and 13 here. */
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) *
         1000.0 / sysconf (_SC_CLK_TCK);
}

/* Whether @process runs still (not exited, not a zombie). */
static gboolean
is_alive (GSubprocess *process)
{
  const char *id = g_subprocess_get_identifier (process);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char *after;

  if (id == NULL)
    return FALSE;
  path = g_strdup_printf ("/proc/%s/stat", id);
  if (!g_file_get_contents (path, &text, NULL, NULL))
    return FALSE;
  after = strrchr (text, ')');
  return after != NULL && after[1] == ' ' && after[2] != 'Z';
}

/* Waits until the file at @path holds a line starting with @prefix;
 * returns that line, or NULL after --timeout seconds. */
static char *
wait_for_line (const char  *path,
               const char  *prefix,
               GSubprocess *process)
{
  gint64 end = g_get_monotonic_time () + (gint64) opt_timeout * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      g_autofree char *text = NULL;

      if (g_file_get_contents (path, &text, NULL, NULL))
        {
          g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

          for (guint i = 0; lines[i] != NULL; i++)
            if (g_str_has_prefix (lines[i], prefix) && lines[i + 1] != NULL)
              return g_strdup (lines[i]);
        }
      if (process != NULL && !is_alive (process))
        return NULL;
      g_usleep (50 * 1000);
    }
  return NULL;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}

typedef struct {
  const char *name;
  double      program_ms;   /* CPU over the measured time */
  double      x_ms;
  gboolean    ok;
} Figure;

/* Runs @argv on @display until it drew its first frame (and, with
 * @wait_line, printed that line), settles, and measures. */
static void
measure (Figure             *figure,
         const char *const  *argv,
         const char         *display,
         GPid                x_pid,
         gboolean            upgrade,
         const char         *wait_line)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-idle-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *err = g_build_filename (dir, "err", NULL);
  g_autofree char *t0 = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  g_autofree char *line = NULL;
  static const char *const folders[][2] = {
    { "XDG_DATA_HOME", "data" },
    { "XDG_STATE_HOME", "state" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_CONFIG_HOME", "config" },
  };
  GPid pid;
  double p0, x0;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *path = g_build_filename (dir, folders[i][1], NULL);

      g_mkdir (path, 0700);
      g_subprocess_launcher_setenv (launcher, folders[i][0], path, TRUE);
    }
  g_subprocess_launcher_setenv (launcher, "DISPLAY", display, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", SCHEMA_DIR, TRUE);
  g_subprocess_launcher_setenv (launcher, "COCKPIT_BENCH_T0", t0, TRUE);
  g_subprocess_launcher_setenv (launcher, "COCKPIT_BENCH_STAY", "1", TRUE);
  if (upgrade)
    g_subprocess_launcher_setenv (launcher, "COCKPIT_BENCH_UPGRADE", "1", TRUE);
  g_subprocess_launcher_set_stdout_file_path (launcher, out);
  g_subprocess_launcher_set_stderr_file_path (launcher, err);

  figure->ok = FALSE;
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (process == NULL)
    {
      g_printerr ("bench-idle: %s\n", error->message);
      goto out;
    }
  line = wait_for_line (out, wait_line, process);
  if (line == NULL)
    {
      g_autofree char *stderr_text = NULL;

      g_file_get_contents (err, &stderr_text, NULL, NULL);
      g_printerr ("bench-idle: %s: no “%s” line within %d s\n%s", figure->name, wait_line,
                  opt_timeout, stderr_text != NULL ? stderr_text : "");
      goto out;
    }

  g_usleep ((gulong) opt_settle * G_USEC_PER_SEC);
  pid = (GPid) g_ascii_strtoll (g_subprocess_get_identifier (process), NULL, 10);
  p0 = cpu_ms (pid);
  x0 = cpu_ms (x_pid);
  g_usleep ((gulong) opt_seconds * G_USEC_PER_SEC);
  figure->program_ms = cpu_ms (pid) - p0;
  figure->x_ms = cpu_ms (x_pid) - x0;
  figure->ok = is_alive (process) && p0 >= 0 && x0 >= 0;
  if (!figure->ok)
    g_printerr ("bench-idle: %s exited while measured\n", figure->name);
  if (upgrade)
    {
      g_autofree char *text = NULL;

      g_file_get_contents (out, &text, NULL, NULL);
      if (text != NULL && strstr (text, "upgrade-ended") != NULL)
        {
          g_printerr ("bench-idle: the upgrade ended before the measurement did\n");
          figure->ok = FALSE;
        }
    }

out:
  if (process != NULL)
    {
      g_subprocess_send_signal (process, SIGTERM);
      g_subprocess_wait (process, NULL, NULL);
    }
  remove_tree (dir);
}

/* Starts Xvfb on a free display; returns it, or NULL. */
static GSubprocess *
start_x (char **display)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-idle-x-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "display", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  GSubprocess *x;
  g_autofree char *line = NULL;

  g_subprocess_launcher_set_stdout_file_path (launcher, out);
  x = g_subprocess_launcher_spawn (launcher, &error, "Xvfb", "-displayfd", "1", "-nolisten", "tcp",
                                   "-screen", "0", "1280x1024x24", NULL);
  if (x == NULL)
    {
      g_printerr ("bench-idle: no Xvfb: %s\n", error->message);
      return NULL;
    }
  line = wait_for_line (out, "", x);
  g_unlink (out);
  g_rmdir (dir);
  if (line == NULL || *line == '\0')
    {
      g_printerr ("bench-idle: Xvfb gave no display\n");
      g_subprocess_force_exit (x);
      g_object_unref (x);
      return NULL;
    }
  *display = g_strdup_printf (":%s", g_strstrip (line));
  return x;
}

static void
print_row (const Figure *figure)
{
  double per30 = 30.0 / opt_seconds;

  printf ("%-30s %10.0f %10.0f %11.2f %11.2f\n", figure->name,
          figure->program_ms * per30, figure->x_ms * per30,
          100.0 * figure->program_ms / (opt_seconds * 1000.0),
          100.0 * (figure->program_ms + figure->x_ms) / (opt_seconds * 1000.0));
}

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "seconds", 's', 0, G_OPTION_ARG_INT, &opt_seconds, "Seconds measured in each state (30)", "N" },
    { "settle", 0, 0, G_OPTION_ARG_INT, &opt_settle, "Seconds left to settle first (5)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- CPU of Upgrade Cockpit when idle");
  g_autoptr(GError) error = NULL;
  g_autoptr(GTestDBus) bus = NULL;
  g_autoptr(GSubprocess) x = NULL;
  g_autofree char *display = NULL;
  const char *baseline_argv[] = { BASELINE_PATH, NULL };
  const char *app_argv[] = { APP_PATH, "--demo", NULL };
  Figure baseline = { "empty window, idle" };
  Figure idle = { "app, idle (package page)" };
  Figure upgrade = { "app, upgrade running" };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || opt_seconds < 1 || opt_settle < 0)
    {
      g_printerr ("bench-idle: %s\n", error != NULL ? error->message : "bad --seconds or --settle");
      return 2;
    }
  if (g_find_program_in_path ("Xvfb") == NULL)
    {
      g_printerr ("bench-idle: needs Xvfb (package xvfb)\n");
      return 77;
    }

  x = start_x (&display);
  if (x == NULL)
    return 1;
  if (g_find_program_in_path ("dbus-daemon") != NULL)
    {
      bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_test_dbus_up (bus);
    }

  {
    GPid x_pid = (GPid) g_ascii_strtoll (g_subprocess_get_identifier (x), NULL, 10);

    measure (&baseline, baseline_argv, display, x_pid, FALSE, "pss ");
    measure (&idle, app_argv, display, x_pid, FALSE, "pss ");
    measure (&upgrade, app_argv, display, x_pid, TRUE, "pulsing");
  }

  printf ("\nCPU while nothing happens, and during a running upgrade (%d s measured after %d s to settle)\n",
          opt_seconds, opt_settle);
  printf ("GSK_RENDERER=%s\n\n", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "(GTK's choice)");
  printf ("%-30s %10s %10s %11s %11s\n", "", "ms/30 s", "X ms/30 s", "% of a core", "with X (%)");
  print_row (&baseline);
  print_row (&idle);
  print_row (&upgrade);

  /* For bench/run-all: figure, app, baseline. */
  printf ("\nRESULT idle-cpu %.1f %.1f\n", idle.program_ms * 30.0 / opt_seconds,
          baseline.program_ms * 30.0 / opt_seconds);
  printf ("RESULT upgrade-cpu-percent %.2f %.2f\n",
          100.0 * upgrade.program_ms / (opt_seconds * 1000.0),
          100.0 * (upgrade.program_ms + upgrade.x_ms) / (opt_seconds * 1000.0));

  if (bus != NULL)
    g_test_dbus_down (bus);
  g_subprocess_send_signal (x, SIGTERM);
  g_subprocess_wait (x, NULL, NULL);
  return baseline.ok && idle.ok && upgrade.ok ? 0 : 1;
}
