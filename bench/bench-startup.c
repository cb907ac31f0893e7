/* bench-startup.c: start-up time to a visible window and to data on screen, and RSS, of the app beside an empty libadwaita window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts, one after the other, the baseline `bench-empty-window` (an
 * AdwApplicationWindow with only a header bar) and the real
 * `upgrade-cockpit --demo`, each --runs times after --warmup unmeasured
 * starts of each.  Both get COCKPIT_BENCH_T0, the g_get_monotonic_time()
 * taken just before the spawn (CLOCK_MONOTONIC is shared by all
 * processes), and print back on stdout:
 *   visible <us>   first frame of the window
 *   data <us>      first frame with the packages listed and one shown
 *                  (the app only)
 *   rss <KiB>      VmRSS right after the last of those frames
 *   pss <KiB>      PSS 2 s after the window showed
 * The app is run as bench-app-probe: the same main() over the same
 * libraries, watched through public API (see bench-app-probe.c).
 * then quit.  Every start gets fresh, empty XDG data, state, cache and
 * config folders, GSETTINGS_BACKEND=memory and the build's schemas, so the
 * demo starts from nothing each time.  The app is then started a second
 * time with the same folders: its demo state is kept, and so is its
 * session cache, which is named after the cockpit's identity ("demo" for
 * the demo, whose port changes each time).
 *
 * What is not the app's stays warm, as on a desktop: all starts share one
 * Mesa shader cache (MESA_SHADER_CACHE_DIR), which the warm-up starts
 * fill, and one private D-Bus session bus (GTestDBus), started before the
 * first one, so that its start is not counted and nothing on the
 * desktop's bus is touched.  GSK_RENDERER is passed on as it is.
 *
 * With --signed-in, the app is started signed in to a cockpit instead of
 * in demo mode, as a user's app is: the cockpit's address in its settings
 * (a key file), its token in a real gnome-keyring-daemon on the private
 * bus, and the cockpit a simulator of the demo seed served by this
 * process over HTTP on 127.0.0.1, so that the app's process holds no
 * simulator.  Its figures are printed as the *-signed-in results.
 *
 * Needs a display: run it under `xvfb-run -a`.  Without one it exits
 * with 77, which meson counts as skipped.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cockpit-secret-store.h"
#include "cockpit-simulator.h"

#define SIGNED_IN_TOKEN "bench-startup-token"

#ifndef APP_PATH
#error "APP_PATH must be defined by the build"
#endif
#ifndef BASELINE_PATH
#error "BASELINE_PATH must be defined by the build"
#endif
#ifndef SCHEMA_DIR
#error "SCHEMA_DIR must be defined by the build"
#endif

typedef struct {
  double visible_ms;
  double data_ms;     /* < 0 when not reported */
  double rss_mib;
  double pss_mib;     /* < 0 when not reported */
  double uss_mib;
} Sample;

typedef struct {
  GArray *visible;
  GArray *data;
  GArray *rss;
  GArray *pss;
  GArray *uss;
  guint   failures;
} Series;

static int       opt_runs = 10;
static int       opt_warmup = 1;
static int       opt_timeout = 60;
static gboolean  opt_verbose;
static char     *opt_app;
static char     *opt_baseline;
static gboolean  opt_signed_in;
static char     *cockpit_url;      /* --signed-in: the simulator's address */

/* Running one program ---------------------------------------------------------- */

typedef struct {
  gboolean  done;
  gboolean  timed_out;
  char     *out;
  char     *err;
  GError   *error;
} Run;

static void
communicate_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Run *run = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &run->out, &run->err, &run->error);
  run->done = TRUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  GSubprocess *process = user_data;
  Run *run = g_object_get_data (G_OBJECT (process), "run");

  run->timed_out = TRUE;
  g_subprocess_force_exit (process);
  return G_SOURCE_REMOVE;
}

static gboolean
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  return g_rmdir (path) == 0;
}

static gboolean
parse_output (const char  *out,
              Sample      *sample,
              GError     **error)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  gboolean have_visible = FALSE;
  gboolean have_rss = FALSE;

  sample->data_ms = -1;
  sample->pss_mib = -1;
  sample->uss_mib = -1;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "visible "))
        {
          sample->visible_ms = g_ascii_strtod (line + 8, NULL) / 1000.0;
          have_visible = TRUE;
        }
      else if (g_str_has_prefix (line, "data "))
        sample->data_ms = g_ascii_strtod (line + 5, NULL) / 1000.0;
      else if (g_str_has_prefix (line, "uss "))
        sample->uss_mib = g_ascii_strtod (line + 4, NULL) / 1024.0;
      else if (g_str_has_prefix (line, "pss "))
        sample->pss_mib = g_ascii_strtod (line + 4, NULL) / 1024.0;
      else if (g_str_has_prefix (line, "rss "))
        {
          sample->rss_mib = g_ascii_strtod (line + 4, NULL) / 1024.0;
          have_rss = sample->rss_mib > 0;
        }
    }

  if (!have_visible || !have_rss)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no visible/rss lines in its output");
      return FALSE;
    }
  return TRUE;
}

/* Starts @argv with its XDG folders in @dir and waits for it to report
 * and quit. */
static gboolean
run_once (const char *const  *argv,
          const char         *dir,
          gboolean            want_data,
          Sample             *sample,
          GError            **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *t0_text = NULL;
  static const char *const folders[][2] = {
    { "XDG_DATA_HOME", "data" },
    { "XDG_STATE_HOME", "state" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_CONFIG_HOME", "config" },
  };
  Run run = { 0 };
  guint timeout_id;
  gboolean ok = FALSE;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *path = g_build_filename (dir, folders[i][1], NULL);

      g_mkdir (path, 0700);
      g_subprocess_launcher_setenv (launcher, folders[i][0], path, TRUE);
    }
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", SCHEMA_DIR, TRUE);
  if (cockpit_url != NULL)
    {
      /* The memory backend is not shared between processes: the address
       * goes in a key file, where a user's settings would be. */
      g_autofree char *folder = g_build_filename (dir, "config", "glib-2.0", "settings", NULL);
      g_autofree char *keyfile = g_build_filename (folder, "keyfile", NULL);
      g_autofree char *contents = g_strdup_printf ("[io/github/upgradecockpit/UpgradeCockpit]\n"
                                                   "cockpit-url='%s'\n", cockpit_url);

      if (g_mkdir_with_parents (folder, 0700) != 0 || !g_file_set_contents (keyfile, contents, -1, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", folder, g_strerror (errno));
          return FALSE;
        }
      g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
    }
  else
    g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);

  /* A shared build folder may be relinking the program just now. */
  for (int attempt = 0; process == NULL; attempt++)
    {
      g_autoptr(GError) spawn_error = NULL;

      g_free (t0_text);
      t0_text = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
      g_subprocess_launcher_setenv (launcher, "COCKPIT_BENCH_T0", t0_text, TRUE);
      process = g_subprocess_launcher_spawnv (launcher, argv, &spawn_error);
      if (process == NULL && attempt == 4)
        {
          g_propagate_error (error, g_steal_pointer (&spawn_error));
          goto out;
        }
      if (process == NULL)
        g_usleep (G_USEC_PER_SEC);
    }

  g_object_set_data (G_OBJECT (process), "run", &run);
  timeout_id = g_timeout_add_seconds (opt_timeout, timeout_cb, process);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicate_cb, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  if (!run.timed_out)
    g_source_remove (timeout_id);
  g_subprocess_wait (process, NULL, NULL);

  if (run.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&run.error));
      goto out;
    }
  if (opt_verbose && run.err != NULL && *run.err != '\0')
    g_printerr ("%s", run.err);

  if (run.timed_out)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "%s did not report within %d s%s%s",
                 argv[0], opt_timeout, run.err && *run.err ? ":\n" : "", run.err ? run.err : "");
  else if (!g_subprocess_get_successful (process))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s failed%s%s",
                 argv[0], run.err && *run.err ? ":\n" : "", run.err ? run.err : "");
  else if (parse_output (run.out, sample, error))
    {
      if (want_data && sample->data_ms < 0)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s reported no data line", argv[0]);
      else
        ok = TRUE;
    }

out:
  g_free (run.out);
  g_free (run.err);
  g_clear_error (&run.error);
  return ok;
}

/* Figures ---------------------------------------------------------------------- */

static Series *
series_new (void)
{
  Series *series = g_new0 (Series, 1);

  series->visible = g_array_new (FALSE, FALSE, sizeof (double));
  series->data = g_array_new (FALSE, FALSE, sizeof (double));
  series->rss = g_array_new (FALSE, FALSE, sizeof (double));
  series->pss = g_array_new (FALSE, FALSE, sizeof (double));
  series->uss = g_array_new (FALSE, FALSE, sizeof (double));
  return series;
}

static void
series_free (Series *series)
{
  g_array_unref (series->visible);
  g_array_unref (series->data);
  g_array_unref (series->rss);
  g_array_unref (series->pss);
  g_array_unref (series->uss);
  g_free (series);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* @q in [0, 1]; the median of an even count is the mean of the middle
 * two, other quantiles are by nearest rank.  NaN when empty. */
static double
quantile (GArray *values,
          double  q)
{
  g_autoptr(GArray) sorted = NULL;
  guint n = values->len;
  guint rank;

  if (n == 0)
    return NAN;

  sorted = g_array_copy (values);
  g_array_sort (sorted, compare_doubles);
  if (q == 0.5 && n % 2 == 0)
    return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;

  rank = (guint) ceil (q * n);
  rank = CLAMP (rank, 1, n);
  return g_array_index (sorted, double, rank - 1);
}

static void
format_value (char   *buffer,
              gsize   size,
              double  value,
              int     digits)
{
  if (isnan (value))
    g_strlcpy (buffer, "n/a", size);
  else
    g_snprintf (buffer, size, "%.*f", digits, value);
}

static void
print_row (const char *label,
           Series     *baseline,
           Series     *app,
           Series     *second,
           GArray   *(*field) (Series *series),
           double      q)
{
  double b = quantile (field (baseline), q);
  double a = quantile (field (app), q);
  char bs[32], as[32], rs[32], ss[32];

  format_value (bs, sizeof bs, b, 1);
  format_value (as, sizeof as, a, 1);
  format_value (rs, sizeof rs, b > 0 ? a / b : NAN, 2);
  format_value (ss, sizeof ss, quantile (field (second), q), 1);
  printf ("%-28s %9s %9s %13s %15s\n", label, bs, as, rs, ss);
}

static GArray *field_visible (Series *series) { return series->visible; }
static GArray *field_data    (Series *series) { return series->data; }
static GArray *field_rss     (Series *series) { return series->rss; }
static GArray *field_pss     (Series *series) { return series->pss; }
static GArray *field_uss     (Series *series) { return series->uss; }

static void
add_sample (Series *series,
            Sample *sample)
{
  g_array_append_val (series->visible, sample->visible_ms);
  if (sample->data_ms >= 0)
    g_array_append_val (series->data, sample->data_ms);
  g_array_append_val (series->rss, sample->rss_mib);
  if (sample->pss_mib >= 0)
    g_array_append_val (series->pss, sample->pss_mib);
  if (sample->uss_mib >= 0)
    g_array_append_val (series->uss, sample->uss_mib);
}

/* Signed in: a keyring and a cockpit -------------------------------------------- */

static gboolean
name_has_owner (const char *name)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner", g_variant_new ("(s)", name),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* A gnome-keyring-daemon on the private bus, its login keyring made and
 * unlocked with a password, in a folder of its own. */
static gboolean
start_keyring (GSubprocess **keyring,
               char        **dir,
               GError      **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GBytes) password = g_bytes_new_static ("bench\n", 6);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  *dir = g_dir_make_tmp ("bench-startup-keyring-XXXXXX", error);
  if (*dir == NULL)
    return FALSE;
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "HOME", *dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", *dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", *dir, TRUE);
  *keyring = g_subprocess_launcher_spawn (launcher, error, "gnome-keyring-daemon", "--foreground",
                                          "--components=secrets", "--unlock", NULL);
  if (*keyring == NULL ||
      !g_output_stream_write_all (g_subprocess_get_stdin_pipe (*keyring), g_bytes_get_data (password, NULL),
                                  g_bytes_get_size (password), NULL, NULL, error) ||
      !g_output_stream_close (g_subprocess_get_stdin_pipe (*keyring), NULL, error))
    return FALSE;
  while (!name_has_owner ("org.freedesktop.secrets"))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "gnome-keyring-daemon did not start");
          return FALSE;
        }
      g_usleep (20 * 1000);
    }
  return TRUE;
}

typedef struct {
  gboolean  done;
  GError   *error;
} Stored;

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Stored *stored = user_data;

  cockpit_secret_store_store_finish (COCKPIT_SECRET_STORE (object), result, &stored->error);
  stored->done = TRUE;
}

/* The demo seed served over HTTP by this process, its token kept in the
 * keyring for its address as the app's sign-in page would keep it. */
static CockpitSimulator *
start_cockpit (GError **error)
{
  g_autoptr(CockpitSimulator) sim = NULL;
  g_autoptr(CockpitSecretStore) store = NULL;
  Stored stored = { FALSE, NULL };

  sim = cockpit_simulator_new (SIGNED_IN_TOKEN, COCKPIT_SIM_SEED_DEMO, NULL, 600, FALSE, error);
  if (sim == NULL || !cockpit_simulator_listen (sim, "127.0.0.1", 0, error))
    return NULL;
  store = cockpit_secret_store_new ();
  cockpit_secret_store_store_async (store, cockpit_simulator_get_base_url (sim), "Alex Example",
                                    SIGNED_IN_TOKEN, NULL, stored_cb, &stored);
  while (!stored.done)
    g_main_context_iteration (NULL, TRUE);
  if (stored.error != NULL)
    {
      g_propagate_error (error, stored.error);
      return NULL;
    }
  return g_steal_pointer (&sim);
}

/* Main ------------------------------------------------------------------------- */

int
main (int   argc,
      char *argv[])
{
  static const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &opt_runs, "Measured starts of each program (default 10)", "N" },
    { "warmup", 'w', 0, G_OPTION_ARG_INT, &opt_warmup, "Unmeasured starts of each first (default 1)", "N" },
    { "timeout", 't', 0, G_OPTION_ARG_INT, &opt_timeout, "Seconds a start may take (default 60)", "S" },
    { "app", 0, 0, G_OPTION_ARG_FILENAME, &opt_app, "The upgrade-cockpit executable", "PATH" },
    { "baseline", 0, 0, G_OPTION_ARG_FILENAME, &opt_baseline, "The bench-empty-window executable", "PATH" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose, "Print every start and the programs' stderr", NULL },
    { "signed-in", 0, 0, G_OPTION_ARG_NONE, &opt_signed_in, "Start the app signed in to a cockpit, not in demo mode", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- start-up of Upgrade Cockpit beside an empty window");
  g_autoptr(GError) error = NULL;
  g_autoptr(GTestDBus) bus = NULL;
  g_autoptr(GSubprocess) keyring = NULL;
  g_autofree char *keyring_dir = NULL;
  g_autoptr(CockpitSimulator) sim = NULL;
  g_autofree char *display = NULL;
  g_autofree char *shader_cache = NULL;
  char ratio[32];
  Series *baseline, *app, *second;
  const char *baseline_argv[2] = { NULL, NULL };
  const char *app_argv[3] = { NULL, "--demo", NULL };
  int status = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-startup: %s\n", error->message);
      return 2;
    }
  if (opt_runs < 1 || opt_warmup < 0 || opt_timeout < 1)
    {
      g_printerr ("bench-startup: --runs and --timeout must be at least 1, --warmup at least 0\n");
      return 2;
    }
  baseline_argv[0] = opt_baseline ? opt_baseline : BASELINE_PATH;
  app_argv[0] = opt_app ? opt_app : APP_PATH;

  display = g_strdup (g_getenv ("DISPLAY"));
  if (display == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-startup: no display; run it under `xvfb-run -a`\n");
      return 77;
    }

  /* One private session bus for every start; GTestDBus unsets DISPLAY
   * against X11 autolaunching, GTK needs it back. */
  if (g_find_program_in_path ("dbus-daemon") != NULL)
    {
      bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_test_dbus_up (bus);
      if (display != NULL)
        g_setenv ("DISPLAY", display, TRUE);
    }
  else
    g_printerr ("bench-startup: no dbus-daemon, the programs use the session bus they find\n");

  if (opt_signed_in)
    {
      if (bus == NULL || !start_keyring (&keyring, &keyring_dir, &error) ||
          (sim = start_cockpit (&error)) == NULL)
        {
          g_printerr ("bench-startup: --signed-in: %s\n", error ? error->message : "needs dbus-daemon");
          return 1;
        }
      cockpit_url = g_strdup (cockpit_simulator_get_base_url (sim));
      app_argv[1] = NULL;
    }

  shader_cache = g_dir_make_tmp ("bench-startup-mesa-XXXXXX", &error);
  if (shader_cache == NULL)
    {
      g_printerr ("bench-startup: %s\n", error->message);
      return 1;
    }
  g_setenv ("MESA_SHADER_CACHE_DIR", shader_cache, TRUE);

  baseline = series_new ();
  app = series_new ();
  second = series_new ();

  for (int i = -opt_warmup; i < opt_runs; i++)
    {
      /* Alternate which goes first, so that neither always follows the
       * other.  The app's second start follows its first. */
      for (int k = 0; k < 2; k++)
        {
          gboolean is_app = (k == 0) == ((i & 1) != 0);
          g_autofree char *dir = g_dir_make_tmp ("bench-startup-XXXXXX", &error);

          if (dir == NULL)
            {
              g_printerr ("bench-startup: %s\n", error->message);
              return 1;
            }

          for (int start = 0; start < (is_app ? 2 : 1); start++)
            {
              Series *series = !is_app ? baseline : start == 0 ? app : second;
              const char *name = !is_app ? "baseline" : start == 0 ? "app" : "app 2nd";
              Sample sample = { 0 };
              g_autoptr(GError) run_error = NULL;

              if (!run_once (is_app ? app_argv : baseline_argv, dir, is_app, &sample, &run_error))
                {
                  g_printerr ("bench-startup: %s\n", run_error->message);
                  series->failures++;
                  break;
                }
              if (opt_verbose)
                printf ("%s%-8s visible %7.1f ms  data %7.1f ms  rss %6.1f MiB  pss %6.1f MiB\n",
                        i < 0 ? "(warm-up) " : "", name,
                        sample.visible_ms, sample.data_ms, sample.rss_mib, sample.pss_mib);
              if (i >= 0)
                add_sample (series, &sample);
            }
          remove_tree (dir);
        }
    }

  printf ("\nStart-up of %s beside an empty libadwaita window\n",
          opt_signed_in ? "`upgrade-cockpit` signed in to a cockpit (a simulator outside the app's process)"
                        : "`upgrade-cockpit --demo`");
  printf ("%d measured starts of each after %d warm-up, alternating; fresh XDG folders each start\n\n",
          opt_runs, opt_warmup);
  printf ("%-28s %9s %9s %13s %15s\n", "", "baseline", "app", "app/baseline", "app 2nd start");
  print_row ("visible window, median (ms)", baseline, app, second, field_visible, 0.5);
  print_row ("visible window, p90 (ms)", baseline, app, second, field_visible, 0.9);
  print_row ("data on screen, median (ms)", baseline, app, second, field_data, 0.5);
  print_row ("data on screen, p90 (ms)", baseline, app, second, field_data, 0.9);
  print_row ("RSS, median (MiB)", baseline, app, second, field_rss, 0.5);
  print_row ("RSS, p90 (MiB)", baseline, app, second, field_rss, 0.9);
  print_row ("PSS at 2 s, median (MiB)", baseline, app, second, field_pss, 0.5);
  print_row ("USS at 2 s, median (MiB)", baseline, app, second, field_uss, 0.5);
  format_value (ratio, sizeof ratio, quantile (app->data, 0.5) / quantile (baseline->visible, 0.5), 2);
  printf ("\nData on screen, median, over the baseline's visible window: %s\n", ratio);
  printf ("RSS is VmRSS right after the baseline's first frame and the app's data frame.\n");
  printf ("GSK_RENDERER=%s\n", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "(GTK's choice)");

  /* For bench/run-all: figure, app, baseline (medians). */
  {
    const char *suffix = opt_signed_in ? "-signed-in" : "";

    printf ("\nRESULT startup-visible%s %.1f %.1f\n", suffix,
            quantile (app->visible, 0.5), quantile (baseline->visible, 0.5));
    printf ("RESULT startup-data%s %.1f %.1f\n", suffix,
            quantile (app->data, 0.5), quantile (baseline->visible, 0.5));
    printf ("RESULT pss-%s %.1f %.1f\n", opt_signed_in ? "signed-in" : "demo",
            quantile (app->pss, 0.5), quantile (baseline->pss, 0.5));
    printf ("RESULT uss-%s %.1f %.1f\n", opt_signed_in ? "signed-in" : "demo",
            quantile (app->uss, 0.5), quantile (baseline->uss, 0.5));
  }

  if (baseline->failures > 0 || app->failures > 0 || second->failures > 0)
    {
      printf ("\nFailed starts: baseline %u, app %u, app 2nd start %u\n",
              baseline->failures, app->failures, second->failures);
      status = 1;
    }

  series_free (baseline);
  series_free (app);
  series_free (second);
  remove_tree (shader_cache);
  if (sim != NULL)
    cockpit_simulator_stop (sim);
  if (keyring != NULL)
    {
      g_subprocess_force_exit (keyring);
      g_subprocess_wait (keyring, NULL, NULL);
      remove_tree (keyring_dir);
    }
  if (bus != NULL)
    g_test_dbus_down (bus);
  return status;
}
