/* test-session.c: the session refreshes in place, caches without the token and knows when it is offline.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-session-private.h"
#include "test-sim-util.h"

#define TOKEN "session-test-token-9d1e"

typedef struct {
  SimFixture sim;
  char      *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cockpit-session-XXXXXX", &error);
  g_assert_no_error (error);
  sim_fixture_start (&f->sim, TOKEN, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sim_fixture_stop (&f->sim);
  g_free (f->dir);
}

static CockpitSession *
new_session (Fixture *f)
{
  g_autofree char *journal = g_build_filename (f->dir, "journal.json", NULL);

  return cockpit_session_new (f->sim.client, journal, f->dir);
}

static gboolean
not_loading (gpointer data)
{
  return !cockpit_session_get_loading (data);
}

static void
refresh (CockpitSession *session)
{
  cockpit_session_refresh (session);
  api_wait_until (not_loading, session);
}

static void
count_cb (gpointer  object,
          gpointer  pspec,
          guint    *count)
{
  (*count)++;
}

static void
test_refresh_in_place (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CockpitSession) session = new_session (f);
  g_autoptr(CockpitPackage) acme = NULL;
  GListModel *packages = cockpit_session_get_packages (session);
  guint notified = 0, items_changed = 0;

  refresh (session);
  g_assert_null (cockpit_session_get_error (session));
  g_assert_false (cockpit_session_get_offline (session));
  g_assert_nonnull (cockpit_session_get_user (session));
  g_assert_nonnull (cockpit_session_get_updated_at (session));
  g_assert_cmpuint (g_list_model_get_n_items (packages), >=, 4);
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_session_get_releases (session)), >, 10);

  /* A second refresh with nothing new keeps the same objects and
   * notifies nothing on them. */
  acme = g_object_ref (cockpit_session_find_package (session, "acmeweb"));
  g_signal_connect (acme, "notify", G_CALLBACK (count_cb), &notified);
  g_signal_connect_swapped (packages, "items-changed", G_CALLBACK (count_cb), &items_changed);
  refresh (session);
  g_assert_true (cockpit_session_find_package (session, "acmeweb") == acme);
  g_assert_cmpuint (items_changed, ==, 0);
  g_assert_cmpuint (notified, ==, 0);

  /* A change on the cockpit notifies the object that changed. */
  sim_control (&f->sim, "/_sim/packages/acmeweb/maintenance", "{\"message\": \"Moving data centre.\"}");
  refresh (session);
  g_assert_true (cockpit_session_find_package (session, "acmeweb") == acme);
  g_assert_cmpuint (notified, >, 0);
  g_assert_true (cockpit_package_is_in_maintenance (acme));
  g_assert_cmpuint (items_changed, ==, 0);
}

static gboolean
not_saving_cache (gpointer data)
{
  return !_cockpit_session_get_saving_cache (data);
}

static void
releases_when_packages_cb (GListModel *packages,
                           guint       position,
                           guint       removed,
                           guint       added,
                           gpointer    user_data)
{
  CockpitSession *session = user_data;
  guint *releases_then = g_object_get_data (G_OBJECT (session), "releases-then");

  *releases_then = g_list_model_get_n_items (cockpit_session_get_releases (session));
}

/* Whoever shows the packages as they come judges them against the
 * releases already there: a first refresh merges the releases first, so
 * that nothing is shown once without them and again with them. */
static void
test_releases_before_packages (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(CockpitSession) session = new_session (f);
  guint releases_then = G_MAXUINT;

  g_object_set_data (G_OBJECT (session), "releases-then", &releases_then);
  g_signal_connect (cockpit_session_get_packages (session), "items-changed",
                    G_CALLBACK (releases_when_packages_cb), session);
  refresh (session);
  g_assert_cmpuint (releases_then, !=, G_MAXUINT);
  g_assert_cmpuint (releases_then, ==, g_list_model_get_n_items (cockpit_session_get_releases (session)));
  g_assert_cmpuint (releases_then, >, 10);

  /* And so does a start from the cache that refresh left. */
  api_wait_until (not_saving_cache, session);
  g_clear_object (&session);
  session = new_session (f);
  releases_then = G_MAXUINT;
  g_object_set_data (G_OBJECT (session), "releases-then", &releases_then);
  g_signal_connect (cockpit_session_get_packages (session), "items-changed",
                    G_CALLBACK (releases_when_packages_cb), session);
  g_assert_true (cockpit_session_load_cache (session));
  g_assert_cmpuint (releases_then, >, 10);
  g_assert_cmpuint (releases_then, ==, g_list_model_get_n_items (cockpit_session_get_releases (session)));
}

static void
refreshed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CockpitSession *session = COCKPIT_SESSION (object);
  const char *path = g_object_get_data (object, "cache-path");
  gboolean *done = user_data;

  g_assert_true (cockpit_session_refresh_finish (session, result, NULL));
  /* Not written yet: the main loop first handles what else is ready,
   * drawing what the refresh changed among it. */
  g_assert_true (_cockpit_session_get_saving_cache (session));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  *done = TRUE;
}

/* A refresh's data is written once nothing else waits in the main loop,
 * and on a worker thread; the next one overwrites it. */
static void
test_cache_written_later (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CockpitSession) session = new_session (f);
  g_autoptr(GDir) dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *name;
  gboolean done = FALSE;

  /* The file's name is the session's business: found after a first save. */
  refresh (session);
  api_wait_until (not_saving_cache, session);
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "cockpit-"))
      path = g_build_filename (f->dir, name, NULL);
  g_assert_nonnull (path);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_cmpint (g_unlink (path), ==, 0);

  g_object_set_data_full (G_OBJECT (session), "cache-path", g_strdup (path), g_free);
  sim_control (&f->sim, "/_sim/packages/acmeweb/maintenance", "{\"message\": \"Moving data centre.\"}");
  cockpit_session_refresh_async (session, NULL, refreshed_cb, &done);
  api_wait_until (api_flag_set, &done);
  api_wait_until (not_saving_cache, session);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_null (strstr (before, "Moving data centre."));
  g_assert_nonnull (strstr (after, "Moving data centre."));
}

static void
test_cache (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CockpitSession) first = new_session (f);
  g_autoptr(CockpitSession) second = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  g_assert_false (cockpit_session_load_cache (first));
  refresh (first);
  api_wait_until (not_saving_cache, first);

  /* The cache holds the data, never the token. */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_null (strstr (contents, TOKEN));
      if (g_str_has_prefix (name, "cockpit-"))
        {
          g_assert_nonnull (strstr (contents, "Acme Corporation Website"));
          n_files++;
        }
    }
  g_assert_cmpuint (n_files, ==, 1);

  /* The next start fills at once from it, before any request. */
  second = new_session (f);
  g_assert_true (cockpit_session_load_cache (second));
  g_assert_true (cockpit_session_get_from_cache (second));
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_session_get_packages (second)), ==,
                    g_list_model_get_n_items (cockpit_session_get_packages (first)));
  g_assert_nonnull (cockpit_session_find_package (second, "globex"));
  g_assert_cmpstr (cockpit_user_get_name (cockpit_session_get_user (second)), ==,
                   cockpit_user_get_name (cockpit_session_get_user (first)));

  refresh (second);
  g_assert_false (cockpit_session_get_from_cache (second));
}

static void
test_offline (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CockpitSession) session = new_session (f);
  guint n;

  refresh (session);
  n = g_list_model_get_n_items (cockpit_session_get_packages (session));

  /* The cockpit goes away: what was loaded stays, and the session says
   * it is offline, in words. */
  cockpit_simulator_stop (f->sim.sim);
  refresh (session);
  g_assert_true (cockpit_session_get_offline (session));
  g_assert_nonnull (cockpit_session_get_error (session));
  g_assert_null (strstr (cockpit_session_get_error (session), "http"));
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_session_get_packages (session)), ==, n);
}

static gboolean
updated (gpointer data)
{
  return cockpit_session_get_updated_at (data) != NULL && !cockpit_session_get_loading (data);
}

/* Spins the main context until @condition holds, for at most @seconds;
 * FALSE when it never did, so that a hang fails the test at once. */
static gboolean
wait_at_most (gboolean (*condition) (gpointer data),
              gpointer   data,
              guint      seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, api_wake_cb, NULL);

  while (!condition (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return condition (data);
}

static void
cancelled_refresh (CockpitSession *session,
                   gboolean        queue_another)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  cockpit_session_refresh_async (session, cancellable, api_result_cb, &result);
  g_assert_true (cockpit_session_get_loading (session));
  /* Asked for meanwhile (F5, the timer, a finished action): it waits
   * for the running refresh. */
  if (queue_another)
    cockpit_session_refresh (session);
  g_cancellable_cancel (cancellable);
  api_wait_result (&result);
  g_assert_false (cockpit_session_refresh_finish (session, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* A refresh that ends cancelled (its caller went away) must not leave
 * the session "loading": every later refresh would be swallowed as a
 * repeat of it, and the window would show stale data for good. */
static void
test_refresh_cancelled (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CockpitSession) session = new_session (f);
  guint error_notifies = 0;

  g_signal_connect (session, "notify::error", G_CALLBACK (count_cb), &error_notifies);

  cancelled_refresh (session, FALSE);
  g_assert_false (cockpit_session_get_loading (session));
  g_assert_null (cockpit_session_get_updated_at (session));
  /* A cancelled refresh stays silent. */
  g_assert_null (cockpit_session_get_error (session));
  g_assert_cmpuint (error_notifies, ==, 0);

  /* A refresh asked for afterwards is not swallowed. */
  cockpit_session_refresh (session);
  g_assert_true (wait_at_most (updated, session, 30));
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_session_get_packages (session)), >=, 4);

  /* One asked for while the cancelled one ran runs once it ended, and
   * brings what changed meanwhile. */
  sim_control (&f->sim, "/_sim/packages/acmeweb/maintenance", "{\"message\": \"Moving data centre.\"}");
  cancelled_refresh (session, TRUE);
  g_assert_true (wait_at_most (not_loading, session, 30));
  g_assert_true (cockpit_package_is_in_maintenance (cockpit_session_find_package (session, "acmeweb")));
  g_assert_null (cockpit_session_get_error (session));
  g_assert_cmpuint (error_notifies, ==, 0);
}

/* A refresh that fails says why, in the "error" property, whether it
 * was asked for with a callback or in the background. */
static void
test_refresh_error (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitClient) wrong = cockpit_client_new (f->sim.base, "not-the-token", &error);
  g_autofree char *journal = g_build_filename (f->dir, "journal-wrong.json", NULL);
  g_autoptr(CockpitSession) session = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  guint error_notifies = 0;

  g_assert_no_error (error);
  session = cockpit_session_new (wrong, journal, f->dir);
  g_signal_connect (session, "notify::error", G_CALLBACK (count_cb), &error_notifies);

  cockpit_session_refresh_async (session, NULL, api_result_cb, &result);
  api_wait_result (&result);
  g_assert_false (cockpit_session_refresh_finish (session, result, &error));
  g_assert_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_false (cockpit_session_get_loading (session));
  g_assert_true (cockpit_session_get_unauthorized (session));
  g_assert_cmpstr (cockpit_session_get_error (session), ==, error->message);
  api_assert_plain_message (error, "not-the-token");
  g_assert_cmpuint (error_notifies, ==, 1);

  /* The background refresh reports the same way. */
  cockpit_session_refresh (session);
  g_assert_true (cockpit_session_get_loading (session));
  api_wait_until (not_loading, session);
  g_assert_nonnull (cockpit_session_get_error (session));
  g_assert_cmpuint (error_notifies, ==, 1);

  /* The result holds the session. */
  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&session));
}

static void
test_clock (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CockpitSession) session = new_session (f);
  g_autoptr(GDateTime) real = NULL;
  g_autoptr(GDateTime) simulated = NULL;

  real = cockpit_session_dup_now (session);
  g_assert_nonnull (real);

  cockpit_simulator_advance_clock (f->sim.sim, 3600);
  cockpit_session_set_clock (session, (CockpitSessionClockFunc) cockpit_simulator_get_now, f->sim.sim, NULL);
  simulated = cockpit_session_dup_now (session);
  /* The simulator counts whole seconds. */
  g_assert_cmpint (g_date_time_difference (simulated, real), >=, 3599 * G_TIME_SPAN_SECOND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cockpit/session/refresh-in-place", Fixture, NULL, fixture_setup, test_refresh_in_place, fixture_teardown);
  g_test_add ("/cockpit/session/releases-before-packages", Fixture, NULL, fixture_setup, test_releases_before_packages, fixture_teardown);
  g_test_add ("/cockpit/session/cache", Fixture, NULL, fixture_setup, test_cache, fixture_teardown);
  g_test_add ("/cockpit/session/cache-written-later", Fixture, NULL, fixture_setup, test_cache_written_later,
              fixture_teardown);
  g_test_add ("/cockpit/session/offline", Fixture, NULL, fixture_setup, test_offline, fixture_teardown);
  g_test_add ("/cockpit/session/refresh-cancelled", Fixture, NULL, fixture_setup, test_refresh_cancelled, fixture_teardown);
  g_test_add ("/cockpit/session/refresh-error", Fixture, NULL, fixture_setup, test_refresh_error, fixture_teardown);
  g_test_add ("/cockpit/session/clock", Fixture, NULL, fixture_setup, test_clock, fixture_teardown);

  return g_test_run ();
}
