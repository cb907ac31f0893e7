/* test-upgrade-wizard.c: the upgrade wizard driven against the in-process simulator, with screenshots.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cockpit-action-tracker.h"
#include "cockpit-rules.h"
#include "cockpit-upgrade-wizard.h"
#include "test-sim-util.h"
#include "test-server-util.h"
#include "test-ui-util.h"

#define TOKEN "wizard-test-token"
#define LONG_NAME "Acme Corporation International Holdings: Global Multi-Brand Customer " \
                  "Experience Website and Partner Portal for Europe, the Middle East and Africa"

typedef struct {
  SimFixture            sim;
  CockpitActionTracker *tracker;
  char                 *folder;
  GListStore           *releases;
  GDateTime            *now;
  CockpitPackage       *package;
  CockpitUpgradeWizard *wizard;
  guint                 started;        /* the wizard's "action-started" */
  guint                 not_started;    /* the tracker's "action-not-started" for upgrades */
  char                 *not_started_message;
} Fixture;

/* Set-up and helpers ---------------------------------------------------------- */

static Fixture *current;   /* for the conditions of api_wait_until() */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;

  current = f;
  sim_fixture_start (&f->sim, TOKEN, NULL);
  f->folder = g_dir_make_tmp ("upgrade-wizard-XXXXXX", &error);
  g_assert_no_error (error);
  journal = g_build_filename (f->folder, "actions.json", NULL);
  f->tracker = cockpit_action_tracker_new (f->sim.client, journal);
  cockpit_action_tracker_set_intervals (f->tracker, 10, 50);

  cockpit_client_list_releases_async (f->sim.client, NULL, api_result_cb, &result);
  api_wait_result (&result);
  f->releases = cockpit_client_list_releases_finish (f->sim.client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->releases)), >, 0);

  f->now = cockpit_simulator_get_now (f->sim.sim);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static gboolean
pointer_unset (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
close_wizard (Fixture *f)
{
  if (f->wizard == NULL)
    return;

  gtk_window_destroy (GTK_WINDOW (f->wizard));
  /* Nothing the wizard started may keep it alive once closed: a request
   * still out is cancelled and lets go of it when it comes back. */
  api_wait_until (pointer_unset, &f->wizard);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_wizard (f);
  g_clear_object (&f->package);
  g_assert_finalize_object (g_steal_pointer (&f->tracker));
  /* Let the cancelled requests of the tracker come back. */
  api_spin (50);
  sim_fixture_stop (&f->sim);
  g_clear_object (&f->releases);
  g_clear_pointer (&f->now, g_date_time_unref);
  g_clear_pointer (&f->not_started_message, g_free);
  api_remove_tree (f->folder);
  g_clear_pointer (&f->folder, g_free);
}

static void
wizard_action_started_cb (CockpitUpgradeWizard *wizard,
                          CockpitAction        *action,
                          Fixture              *f)
{
  g_assert_true (COCKPIT_IS_ACTION (action));
  f->started++;
}

static void
tracker_not_started_cb (CockpitActionTracker *tracker,
                        const char           *package_id,
                        const char           *environment_id,
                        CockpitActionKind     kind,
                        const char           *message,
                        Fixture              *f)
{
  if (kind != COCKPIT_ACTION_KIND_UPGRADE)
    return;
  f->not_started++;
  g_free (f->not_started_message);
  f->not_started_message = g_strdup (message);
}

static gpointer
child (Fixture    *f,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (f->wizard), COCKPIT_TYPE_UPGRADE_WIZARD, name);

  g_assert_nonnull (object);
  return object;
}

static void
open_wizard (Fixture    *f,
             const char *package_id,
             const char *name)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->package);
  f->package = sim_get_package (f->sim.client, package_id, &error);
  g_assert_no_error (error);
  if (name != NULL)
    cockpit_package_set_name (f->package, name);

  f->wizard = cockpit_upgrade_wizard_new (NULL, f->tracker, f->package, G_LIST_MODEL (f->releases), f->now);
  g_object_add_weak_pointer (G_OBJECT (f->wizard), (gpointer *) &f->wizard);
  g_signal_connect (f->wizard, "action-started", G_CALLBACK (wizard_action_started_cb), f);
  gtk_window_present (GTK_WINDOW (f->wizard));
  cockpit_test_wait_for_draw (GTK_WIDGET (f->wizard));
}

static const char *
page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (child (f, "stack"));
}

static const char *
versions_state (Fixture *f)
{
  return gtk_stack_get_visible_child_name (child (f, "versions_stack"));
}

typedef struct {
  Fixture    *f;
  const char *page;
  const char *state;
} PageWait;

static gboolean
on_page (gpointer data)
{
  PageWait *wait = data;

  return g_strcmp0 (page (wait->f), wait->page) == 0 &&
         (wait->state == NULL || g_strcmp0 (versions_state (wait->f), wait->state) == 0);
}

static void
wait_for_page (Fixture    *f,
               const char *name,
               const char *state)
{
  PageWait wait = { f, name, state };

  api_wait_until (on_page, &wait);
}

static gboolean
transitions_done (gpointer data)
{
  Fixture *f = data;

  return !gtk_stack_get_transition_running (child (f, "stack")) &&
         !gtk_stack_get_transition_running (child (f, "versions_stack"));
}

/* Saves the window in the light and the dark style, once the pages have
 * stopped sliding. */
static void
screenshot (Fixture    *f,
            const char *name)
{
  g_autofree char *file = g_strdup_printf ("upgrade-wizard-%s", name);

  api_wait_until (transitions_done, f);
  cockpit_test_save_screenshots (GTK_WIDGET (f->wizard), file);
}

static AdwActionRow *
row_at (Fixture    *f,
        const char *list,
        int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (child (f, list), index);

  g_assert_nonnull (row);
  return ADW_ACTION_ROW (row);
}

static guint
n_rows (Fixture    *f,
        const char *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (child (f, list), n) != NULL)
    n++;
  return n;
}

static const char *
row_title (AdwActionRow *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static void
choose_environment (Fixture    *f,
                    const char *label)
{
  guint n = n_rows (f, "environment_list");

  for (guint i = 0; i < n; i++)
    {
      AdwActionRow *row = row_at (f, "environment_list", i);

      if (g_strcmp0 (row_title (row), label) == 0)
        {
          g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (row)));
          gtk_widget_activate (GTK_WIDGET (row));
          wait_for_page (f, "versions", "list");
          return;
        }
    }
  g_assert_not_reached ();
}

static gboolean
action_enabled (Fixture    *f,
                const char *button)
{
  cockpit_test_wait_for_draw (GTK_WIDGET (f->wizard));
  return gtk_widget_get_sensitive (child (f, button));
}

static void
choose_version (Fixture    *f,
                const char *version)
{
  guint n = n_rows (f, "version_list");

  for (guint i = 0; i < n; i++)
    {
      AdwActionRow *row = row_at (f, "version_list", i);

      if (g_strcmp0 (row_title (row), version) == 0)
        {
          GtkWidget *check = adw_action_row_get_activatable_widget (row);

          g_assert_true (GTK_IS_CHECK_BUTTON (check));
          gtk_widget_activate (GTK_WIDGET (row));
          g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
          return;
        }
    }
  g_assert_not_reached ();
}

static void
go_to_consequences (Fixture    *f,
                    const char *package_id,
                    const char *environment,
                    const char *version)
{
  open_wizard (f, package_id, NULL);
  choose_environment (f, environment);
  g_assert_false (action_enabled (f, "next_button"));
  choose_version (f, version);
  g_assert_true (action_enabled (f, "next_button"));
  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.next", NULL);
  wait_for_page (f, "consequences", NULL);
}

static void
tick_checklist (Fixture *f)
{
  const char *checks[] = { "check_notes", "check_tested", "check_templates", "check_definitions" };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_assert_false (action_enabled (f, "install_button"));
      gtk_check_button_set_active (child (f, checks[i]), TRUE);
    }
  g_assert_true (action_enabled (f, "install_button"));
}

static gboolean
started_title_is (gpointer data)
{
  return g_strcmp0 (adw_status_page_get_title (child (current, "started_page")), data) == 0;
}

static GListStore *
list_actions (Fixture    *f,
              const char *package_id)
{
  g_autoptr(GError) error = NULL;
  GListStore *actions = sim_list_actions (f->sim.client, package_id, 100, &error);

  g_assert_no_error (error);
  return actions;
}

/* Counts the actions of @kind on @environment_id, and returns the newest. */
static guint
count_actions (Fixture            *f,
               const char         *package_id,
               const char         *environment_id,
               CockpitActionKind   kind,
               CockpitAction     **newest)
{
  g_autoptr(GListStore) actions = list_actions (f, package_id);
  guint count = 0;

  if (newest != NULL)
    *newest = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (actions)); i++)
    {
      g_autoptr(CockpitAction) action = g_list_model_get_item (G_LIST_MODEL (actions), i);

      if (cockpit_action_get_kind (action) != kind ||
          g_strcmp0 (cockpit_action_get_environment_id (action), environment_id) != 0)
        continue;
      if (count++ == 0 && newest != NULL)
        *newest = g_object_ref (action);
    }
  return count;
}

static const char *
environment_id (Fixture                *f,
                CockpitEnvironmentKind  kind)
{
  return cockpit_environment_get_id (cockpit_package_get_environment (f->package, kind));
}

/* The tests ------------------------------------------------------------------- */

static void
test_create_destroy (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitPackage) package = sim_get_package (f->sim.client, "acmeweb", &error);
  CockpitUpgradeWizard *wizard;

  g_assert_no_error (error);
  wizard = cockpit_upgrade_wizard_new (NULL, f->tracker, package, G_LIST_MODEL (f->releases), NULL);
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &wizard);
  g_assert_true (COCKPIT_IS_UPGRADE_WIZARD (wizard));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (wizard)));
  gtk_window_destroy (GTK_WINDOW (wizard));
  api_spin (10);
  g_assert_null (wizard);
  /* The wizard let go of the package. */
  g_assert_cmpuint (G_OBJECT (package)->ref_count, ==, 1);
}

static void
test_environments (Fixture       *f,
                   gconstpointer  data)
{
  const char *order[] = { "Integration", "UAT", "Live" };
  const char *versions[] = { "Magnolia 6.3.21", "Magnolia 6.3.19", "Magnolia 6.3.18" };
  GtkWidget *recommended;

  open_wizard (f, "acmeweb", NULL);
  g_assert_cmpstr (page (f), ==, "environment");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->wizard)), ==, "Change the Magnolia Version");
  g_assert_false (gtk_widget_get_visible (child (f, "back_button")));
  g_assert_false (gtk_widget_get_visible (child (f, "install_button")));
  g_assert_true (gtk_widget_get_visible (child (f, "cancel_button")));

  /* The recommended order, each with its version; all can be upgraded. */
  g_assert_cmpuint (n_rows (f, "environment_list"), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      AdwActionRow *row = row_at (f, "environment_list", i);

      g_assert_cmpstr (row_title (row), ==, order[i]);
      g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, versions[i]);
      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (row)));
      g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
    }

  /* "Recommended first" on Integration only. */
  recommended = cockpit_test_find_descendant (GTK_WIDGET (row_at (f, "environment_list", 0)), GTK_TYPE_LABEL, "recommended-pill");
  g_assert_nonnull (recommended);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (recommended)), ==, "Recommended first");
  g_assert_null (cockpit_test_find_descendant (GTK_WIDGET (row_at (f, "environment_list", 1)), GTK_TYPE_LABEL, "recommended-pill"));
  screenshot (f, "environment");
}

typedef struct {
  const char *package_id;
  const char *kind;          /* a row title */
  gboolean    sensitive;
  const char *reason;        /* in the subtitle */
} BlockCase;

static const BlockCase block_cases[] = {
  { "globex", "Integration", FALSE, "already runs the newest version available" },
  { "globex", "UAT", TRUE, NULL },
  { "globex", "Live", FALSE, "Live still has an upgrade backup, so it can't be upgraded again" },
  { "initech", "Integration", FALSE, "The package is in maintenance." },
  { "initech", "UAT", FALSE, "The package is in maintenance." },
  { "initech", "Live", FALSE, "The package is in maintenance." },
  { "umbrella", "Integration", FALSE, "Integration is not set up." },
  { "umbrella", "UAT", TRUE, "Magnolia 6.2.42-sp2" },
  { "umbrella", "UAT", TRUE, NULL },
  { "umbrella", "Live", FALSE, "Live is protected. Ask the Cloud Helpdesk" },
};

static void
assert_row (Fixture         *f,
            const BlockCase *c)
{
  guint n = n_rows (f, "environment_list");

  for (guint i = 0; i < n; i++)
    {
      AdwActionRow *row = row_at (f, "environment_list", i);
      const char *subtitle = adw_action_row_get_subtitle (row);

      if (g_strcmp0 (row_title (row), c->kind) != 0)
        continue;

      g_test_message ("%s %s: %s", c->package_id, c->kind, subtitle);
      g_assert_cmpint (gtk_widget_get_sensitive (GTK_WIDGET (row)), ==, c->sensitive);
      if (c->reason != NULL)
        g_assert_nonnull (strstr (subtitle, c->reason));
      return;
    }
  g_assert_not_reached ();
}

static void
test_blocked (Fixture       *f,
              gconstpointer  data)
{
  const char *shown = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (block_cases); i++)
    {
      if (g_strcmp0 (shown, block_cases[i].package_id) != 0)
        {
          close_wizard (f);
          open_wizard (f, block_cases[i].package_id, NULL);
          shown = block_cases[i].package_id;
          screenshot (f, block_cases[i].package_id);

          /* Maintenance is said once, in full, above the list. */
          g_assert_cmpint (gtk_widget_get_visible (child (f, "package_notice")), ==,
                           g_str_equal (shown, "initech"));
          if (g_str_equal (shown, "initech"))
            g_assert_nonnull (strstr (gtk_label_get_label (child (f, "package_notice_label")),
                                      "moving to a new data centre"));
        }
      assert_row (f, &block_cases[i]);
    }

  /* Clicking an insensitive row goes nowhere. */
  gtk_widget_activate (GTK_WIDGET (row_at (f, "environment_list", 2)));
  api_spin (20);
  g_assert_cmpstr (page (f), ==, "environment");
}

static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(CockpitEnvironment) live = sim_get_environment (f->sim.client, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GError) error = NULL;

  /* An action this app started, which the package data does not show yet. */
  open_wizard (f, "acmeweb", NULL);
  cockpit_action_tracker_start_async (f->tracker, live, COCKPIT_ACTION_KIND_CREATE_BACKUP, NULL, NULL,
                                      NULL, api_result_cb, &result);
  api_wait_result (&result);
  action = cockpit_action_tracker_start_finish (f->tracker, result, &error);
  g_assert_no_error (error);

  /* The open wizard heard of it. */
  for (guint i = 0; i < 3; i++)
    {
      AdwActionRow *row = row_at (f, "environment_list", i);

      g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (row)));
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "Another action is running on this package"));
    }
  screenshot (f, "busy");

  /* Once it is done, the environments are free again. */
  cockpit_simulator_advance_clock (f->sim.sim, 120);
  while (cockpit_action_tracker_is_busy (f->tracker, "acmeweb"))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (row_at (f, "environment_list", 0))));
}

static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *previous = NULL;
  guint n;

  open_wizard (f, "acmeweb", NULL);
  choose_environment (f, "UAT");
  g_assert_true (gtk_widget_get_visible (child (f, "back_button")));
  g_assert_true (gtk_widget_get_visible (child (f, "next_button")));
  g_assert_false (action_enabled (f, "next_button"));

  /* Newer than 6.3.19, newest first, each with its date and notes. */
  n = n_rows (f, "version_list");
  g_assert_cmpuint (n, >, 2);
  for (guint i = 0; i < n; i++)
    {
      AdwActionRow *row = row_at (f, "version_list", i);
      const char *version = row_title (row);
      GtkWidget *link = cockpit_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_LINK_BUTTON, NULL);

      g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), "Released "));
      if (previous != NULL)
        g_assert_cmpint (cockpit_version_compare_strings (version, previous, NULL), <, 0);
      g_assert_cmpint (cockpit_version_compare_strings (version, "6.3.19", NULL), >, 0);
      g_assert_nonnull (link);
      g_assert_true (g_str_has_prefix (gtk_link_button_get_uri (GTK_LINK_BUTTON (link)), "https://"));
      if (g_strcmp0 (version, "6.3.21") == 0)
        g_assert_nonnull (cockpit_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_LABEL, "lts-pill"));
      if (g_str_has_prefix (version, "6.4."))
        g_assert_null (cockpit_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_LABEL, "lts-pill"));

      g_free (previous);
      previous = g_strdup (version);
    }
  screenshot (f, "versions");

  /* One choice at a time. */
  choose_version (f, "6.3.21");
  choose_version (f, "6.4.3");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (row_at (f, "version_list", n - 1)))));
  g_assert_true (action_enabled (f, "next_button"));
  screenshot (f, "versions-chosen");

  /* Back to the environments, and on again. */
  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.back", NULL);
  wait_for_page (f, "environment", NULL);
  choose_environment (f, "Integration");
  g_assert_false (action_enabled (f, "next_button"));
}

/* Choosing a version loads no SVG icon.  The versions' status pages
 * (error, blocked, none newer) and the last page have 128 px icons that
 * exist only as SVG, and GTK loaded them with librsvg, in a thread, at
 * every opening, for pages not shown.  In a process of its own, which
 * has loaded no SVG before. */
static void
test_no_svg (Fixture       *f,
             gconstpointer  data)
{
  if (!cockpit_test_in_own_process ())
    return;

  open_wizard (f, "acmeweb", NULL);
  choose_environment (f, "UAT");
  wait_for_page (f, "versions", "list");

  g_assert_false (cockpit_test_svg_loaded (GTK_WIDGET (f->wizard)));
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  open_wizard (f, "globex", NULL);
  cockpit_upgrade_wizard_select_environment (f->wizard, COCKPIT_ENVIRONMENT_KIND_INTEGRATION);
  wait_for_page (f, "versions", "empty");
  g_assert_cmpstr (adw_status_page_get_title (child (f, "versions_empty_page")), ==, "No Newer Version");
  g_assert_cmpstr (adw_status_page_get_icon_name (child (f, "versions_empty_page")), ==, "emblem-ok-symbolic");
  g_assert_cmpstr (adw_status_page_get_description (child (f, "versions_empty_page")), ==,
                   "Integration already runs the newest version available.");
  g_assert_false (action_enabled (f, "next_button"));
  screenshot (f, "empty");
}

static void
test_blocked_from_card (Fixture       *f,
                        gconstpointer  data)
{
  open_wizard (f, "globex", NULL);
  cockpit_upgrade_wizard_select_environment (f->wizard, COCKPIT_ENVIRONMENT_KIND_LIVE);
  wait_for_page (f, "versions", "blocked");
  g_assert_cmpstr (adw_status_page_get_title (child (f, "versions_blocked_page")), ==, "Live Can't Be Upgraded Now");
  g_assert_cmpstr (adw_status_page_get_icon_name (child (f, "versions_blocked_page")), ==, "action-unavailable-symbolic");
  g_assert_nonnull (strstr (adw_status_page_get_description (child (f, "versions_blocked_page")), "upgrade backup"));
  screenshot (f, "blocked");
}

static void
test_error_and_retry (Fixture       *f,
                      gconstpointer  data)
{
  CockpitEnvironment *integration;

  open_wizard (f, "acmeweb", NULL);
  integration = cockpit_package_get_environment (f->package, COCKPIT_ENVIRONMENT_KIND_INTEGRATION);

  /* The cockpit does not know this environment (any more). */
  cockpit_environment_set_id (integration, "acmeweb-gone");
  cockpit_upgrade_wizard_select_environment (f->wizard, COCKPIT_ENVIRONMENT_KIND_INTEGRATION);
  wait_for_page (f, "versions", "error");
  g_test_message ("error: %s", adw_status_page_get_description (child (f, "versions_error_page")));
  g_assert_cmpuint (strlen (adw_status_page_get_description (child (f, "versions_error_page"))), >, 10);
  g_assert_cmpstr (adw_status_page_get_icon_name (child (f, "versions_error_page")), ==, "network-error-symbolic");
  screenshot (f, "error");

  cockpit_environment_set_id (integration, "acmeweb-integration");
  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.retry", NULL);
  wait_for_page (f, "versions", "list");
}

static void
test_loading (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CockpitClient) client = NULL;
  g_autoptr(CockpitActionTracker) tracker = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *journal = g_build_filename (f->folder, "silent.json", NULL);

  /* A server that accepts connections and never answers. */
  url = test_server_listen_silent (service, held);
  client = cockpit_client_new (url, TOKEN, &error);
  g_assert_no_error (error);
  tracker = cockpit_action_tracker_new (client, journal);

  g_clear_object (&f->package);
  f->package = sim_get_package (f->sim.client, "acmeweb", &error);
  g_assert_no_error (error);
  f->wizard = cockpit_upgrade_wizard_new (NULL, tracker, f->package, G_LIST_MODEL (f->releases), f->now);
  g_object_add_weak_pointer (G_OBJECT (f->wizard), (gpointer *) &f->wizard);
  gtk_window_present (GTK_WINDOW (f->wizard));
  cockpit_upgrade_wizard_select_environment (f->wizard, COCKPIT_ENVIRONMENT_KIND_LIVE);
  cockpit_test_wait_for_draw (GTK_WIDGET (f->wizard));
  g_assert_cmpstr (versions_state (f), ==, "loading");
  screenshot (f, "loading");

  /* Closing cancels the request. */
  close_wizard (f);
  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
}

static void
test_install_integration (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CockpitAction) upgrade = NULL;

  go_to_consequences (f, "acmeweb", "Integration", "6.4.3");
  g_assert_true (gtk_widget_get_visible (child (f, "install_button")));
  g_assert_false (gtk_widget_get_visible (child (f, "next_button")));
  g_assert_cmpstr (gtk_label_get_label (child (f, "consequences_title")), ==, "Upgrade Integration to 6.4.3");
  g_assert_nonnull (strstr (gtk_label_get_label (child (f, "blue_green_label")),
                            "A replica of Integration is created on 6.4.3 and checked before traffic is switched to it"));
  g_assert_false (gtk_widget_get_visible (child (f, "order_box")));
  g_assert_false (gtk_widget_get_visible (child (f, "backup_group")));
  g_assert_cmpstr (adw_preferences_row_get_title (child (f, "check_notes_row")), ==,
                   "I have read the release notes of 6.4.3");
  screenshot (f, "consequences-integration");

  tick_checklist (f);

  /* A double click starts one upgrade. */
  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.install", NULL);
  g_assert_false (gtk_widget_get_sensitive (child (f, "install_button")));
  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.install", NULL);
  gtk_widget_activate (child (f, "install_button"));
  wait_for_page (f, "started", NULL);
  g_assert_cmpuint (f->started, ==, 1);
  g_assert_cmpstr (adw_status_page_get_title (child (f, "started_page")), ==, "Upgrade Started");
  g_assert_cmpstr (adw_status_page_get_icon_name (child (f, "started_page")), ==, "emblem-ok-symbolic");
  g_assert_nonnull (strstr (adw_status_page_get_description (child (f, "started_page")),
                            "You can close this window. The upgrade goes on in the background and you&apos;ll be notified when it ends."));
  g_assert_false (gtk_widget_get_visible (child (f, "cancel_button")));
  screenshot (f, "started");

  api_spin (100);
  g_assert_cmpuint (count_actions (f, "acmeweb", environment_id (f, COCKPIT_ENVIRONMENT_KIND_INTEGRATION),
                                   COCKPIT_ACTION_KIND_UPGRADE, &upgrade), ==, 1);
  g_assert_cmpstr (cockpit_action_get_target_version (upgrade), ==, "6.4.3");
  g_assert_cmpuint (f->started, ==, 1);

  /* Left open, the page follows the upgrade to its end. */
  cockpit_simulator_advance_clock (f->sim.sim, 3600);
  api_wait_until (started_title_is, (gpointer) "Upgrade Finished");
  g_assert_cmpstr (adw_status_page_get_description (child (f, "started_page")), ==,
                   "Integration now runs Magnolia 6.4.3.");
  g_assert_cmpstr (adw_status_page_get_icon_name (child (f, "started_page")), ==, "emblem-ok-symbolic");
  screenshot (f, "finished");
}

static void
test_install_fails (Fixture       *f,
                    gconstpointer  data)
{
  go_to_consequences (f, "acmeweb", "Integration", "6.4.3");
  sim_control (&f->sim, "/_sim/fail-next", "{\"stage\": \"verify_replica\"}");
  tick_checklist (f);
  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.install", NULL);
  wait_for_page (f, "started", NULL);
  g_assert_cmpstr (adw_status_page_get_title (child (f, "started_page")), ==, "Upgrade Started");

  cockpit_simulator_advance_clock (f->sim.sim, 3600);
  api_wait_until (started_title_is, (gpointer) "Upgrade Failed");
  /* In the cockpit's words, which say what became of Integration. */
  g_assert_nonnull (strstr (adw_status_page_get_description (child (f, "started_page")),
                            "did not pass its health check"));
  g_assert_cmpstr (adw_status_page_get_icon_name (child (f, "started_page")), ==, "dialog-error-symbolic");
  screenshot (f, "failed");
}

/* The checklist follows the situation: it never asks to confirm a test
 * that the warning above it says can't have happened.  Acme runs 6.3.18
 * on Live, 6.3.19 on UAT and 6.3.21 on Integration. */
static void
test_checklist (Fixture       *f,
                gconstpointer  data)
{
  static const struct {
    const char *environment;
    const char *version;
    gboolean    order_warning;
    const char *tested;
  } cases[] = {
    { "Integration", "6.4.3", FALSE, "I will test this version on Integration before upgrading UAT and Live" },
    { "UAT", "6.3.21", FALSE, "I have tested this version on Integration" },
    { "UAT", "6.4.3", TRUE,
      "I know that Integration is still on 6.3.21, so this version has not been tested there, and I want to upgrade UAT anyway" },
    { "Live", "6.3.19", FALSE, "I have tested this version on Integration and UAT" },
    { "Live", "6.3.21", TRUE,
      "I know that UAT is still on 6.3.19, so this version has not been tested there, and I want to upgrade Live anyway" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s to %s", cases[i].environment, cases[i].version);
      close_wizard (f);
      go_to_consequences (f, "acmeweb", cases[i].environment, cases[i].version);
      g_assert_cmpint (gtk_widget_get_visible (child (f, "order_box")), ==, cases[i].order_warning);
      g_assert_cmpstr (adw_preferences_row_get_title (child (f, "check_tested_row")), ==, cases[i].tested);
    }
  screenshot (f, "consequences-acknowledge-order");
}

static void
test_install_live_backup_first (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(CockpitAction) backup = NULL;
  g_autoptr(CockpitAction) upgrade = NULL;
  const char *live_id;
  guint backups_before;

  go_to_consequences (f, "acmeweb", "Live", "6.3.21");
  live_id = environment_id (f, COCKPIT_ENVIRONMENT_KIND_LIVE);
  backups_before = count_actions (f, "acmeweb", live_id, COCKPIT_ACTION_KIND_CREATE_BACKUP, NULL);
  g_signal_connect (f->tracker, "action-not-started", G_CALLBACK (tracker_not_started_cb), f);

  /* Live: the upgrade backup, UAT still behind, and the backup switch on. */
  g_assert_nonnull (strstr (gtk_label_get_label (child (f, "previous_label")),
                            "kept as an upgrade backup for 48 hours"));
  g_assert_true (gtk_widget_get_visible (child (f, "order_box")));
  g_assert_cmpstr (gtk_label_get_label (child (f, "order_label")), ==,
                   "UAT is still on 6.3.19. We recommend upgrading and testing UAT on 6.3.21 before Live.");
  g_assert_true (gtk_widget_get_visible (child (f, "backup_group")));
  g_assert_true (gtk_switch_get_active (child (f, "backup_switch")));
  g_assert_cmpstr (adw_preferences_row_get_title (child (f, "check_tested_row")), ==,
                   "I know that UAT is still on 6.3.19, so this version has not been tested there, and I want to upgrade Live anyway");
  screenshot (f, "consequences-live");

  tick_checklist (f);
  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.install", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.install", NULL);
  wait_for_page (f, "started", NULL);
  g_assert_cmpstr (adw_status_page_get_title (child (f, "started_page")), ==, "Backup Started");
  g_assert_cmpuint (f->started, ==, 1);
  screenshot (f, "started-backup");

  /* The backup runs, no upgrade yet; the wizard goes away. */
  g_assert_cmpuint (count_actions (f, "acmeweb", live_id, COCKPIT_ACTION_KIND_CREATE_BACKUP, &backup), ==, backups_before + 1);
  g_assert_cmpint (cockpit_action_get_status (backup), ==, COCKPIT_ACTION_STATUS_RUNNING);
  g_assert_cmpuint (count_actions (f, "acmeweb", live_id, COCKPIT_ACTION_KIND_UPGRADE, NULL), ==, 0);
  close_wizard (f);

  /* The backup ends; the upgrade follows by itself. */
  cockpit_simulator_advance_clock (f->sim.sim, 120);
  while (count_actions (f, "acmeweb", live_id, COCKPIT_ACTION_KIND_UPGRADE, NULL) == 0)
    api_spin (20);
  api_spin (100);

  g_clear_object (&backup);
  g_assert_cmpuint (count_actions (f, "acmeweb", live_id, COCKPIT_ACTION_KIND_CREATE_BACKUP, &backup), ==, backups_before + 1);
  g_assert_cmpuint (count_actions (f, "acmeweb", live_id, COCKPIT_ACTION_KIND_UPGRADE, &upgrade), ==, 1);
  g_assert_cmpint (cockpit_action_get_status (backup), ==, COCKPIT_ACTION_STATUS_SUCCEEDED);
  g_assert_cmpstr (cockpit_action_get_target_version (upgrade), ==, "6.3.21");
  g_assert_cmpint (g_date_time_compare (cockpit_action_get_finished_at (backup),
                                        cockpit_action_get_created_at (upgrade)), <=, 0);
  g_assert_cmpuint (f->not_started, ==, 0);
}

static void
test_install_live_backup_fails (Fixture       *f,
                                gconstpointer  data)
{
  const char *live_id;

  go_to_consequences (f, "acmeweb", "Live", "6.3.21");
  live_id = environment_id (f, COCKPIT_ENVIRONMENT_KIND_LIVE);
  g_signal_connect (f->tracker, "action-not-started", G_CALLBACK (tracker_not_started_cb), f);
  sim_control (&f->sim, "/_sim/fail-next", "{\"stage\": \"create_backup\"}");

  tick_checklist (f);
  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.install", NULL);
  wait_for_page (f, "started", NULL);

  /* The backup fails: no upgrade, and the app hears why. */
  cockpit_simulator_advance_clock (f->sim.sim, 120);
  api_wait_until (api_counter_positive, &f->not_started);
  g_assert_cmpstr (f->not_started_message, ==,
                   "The upgrade of Live to 6.3.21 was not started because the backup of Live failed.");
  g_assert_cmpstr (adw_status_page_get_title (child (f, "started_page")), ==, "Upgrade Not Started");
  screenshot (f, "not-started");
  api_spin (100);
  g_assert_cmpuint (count_actions (f, "acmeweb", live_id, COCKPIT_ACTION_KIND_UPGRADE, NULL), ==, 0);
  g_assert_cmpuint (f->not_started, ==, 1);
}

/* The switch turns off at the end of its animation. */
static gboolean
switch_off (gpointer data)
{
  return !gtk_switch_get_active (data);
}

static void
test_install_live_no_backup (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(CockpitAction) upgrade = NULL;
  const char *live_id;
  guint backups_before;

  go_to_consequences (f, "acmeweb", "Live", "6.3.21");
  live_id = environment_id (f, COCKPIT_ENVIRONMENT_KIND_LIVE);
  backups_before = count_actions (f, "acmeweb", live_id, COCKPIT_ACTION_KIND_CREATE_BACKUP, NULL);

  /* The switch row toggles the switch. */
  gtk_widget_activate (gtk_widget_get_ancestor (child (f, "backup_switch"), ADW_TYPE_ACTION_ROW));
  api_wait_until (switch_off, child (f, "backup_switch"));

  tick_checklist (f);
  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.install", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.install", NULL);
  wait_for_page (f, "started", NULL);
  g_assert_cmpstr (adw_status_page_get_title (child (f, "started_page")), ==, "Upgrade Started");

  api_spin (100);
  g_assert_cmpuint (count_actions (f, "acmeweb", live_id, COCKPIT_ACTION_KIND_UPGRADE, &upgrade), ==, 1);
  g_assert_cmpstr (cockpit_action_get_target_version (upgrade), ==, "6.3.21");
  g_assert_cmpuint (count_actions (f, "acmeweb", live_id, COCKPIT_ACTION_KIND_CREATE_BACKUP, NULL), ==, backups_before);
  g_assert_cmpuint (f->started, ==, 1);
}

static void
test_install_rejected (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CockpitEnvironment) live = NULL;
  g_autoptr(CockpitAction) other = NULL;
  g_autoptr(GError) error = NULL;
  const char *message;

  go_to_consequences (f, "acmeweb", "UAT", "6.3.21");
  g_assert_cmpstr (adw_preferences_row_get_title (child (f, "check_tested_row")), ==,
                   "I have tested this version on Integration");
  tick_checklist (f);

  /* Someone else started an action meanwhile, from the web cockpit. */
  live = sim_get_environment (f->sim.client, "acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE);
  other = sim_start_action (f->sim.client, live, COCKPIT_ACTION_KIND_CREATE_BACKUP, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.install", NULL);
  while (gtk_widget_get_visible (child (f, "install_spinner")))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (page (f), ==, "consequences");
  g_assert_true (gtk_widget_get_visible (child (f, "error_label")));
  message = gtk_label_get_label (child (f, "error_label"));
  g_test_message ("error: %s", message);
  g_assert_cmpuint (strlen (message), >, 10);
  g_assert_cmpuint (f->started, ==, 0);
  /* Install is offered again: the app itself runs nothing on the package. */
  g_assert_true (action_enabled (f, "install_button"));
  screenshot (f, "consequences-error");
}

static void
test_long_name (Fixture       *f,
                gconstpointer  data)
{
  open_wizard (f, "acmeweb", LONG_NAME);
  screenshot (f, "long-environment");
  choose_environment (f, "Live");
  screenshot (f, "long-versions");
  choose_version (f, "6.3.21");
  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.next", NULL);
  wait_for_page (f, "consequences", NULL);
  screenshot (f, "long-consequences");

  /* Narrow: everything wraps rather than widening the window. */
  gtk_window_set_default_size (GTK_WINDOW (f->wizard), 360, 640);
  cockpit_test_wait_for_draw (GTK_WIDGET (f->wizard));
  screenshot (f, "narrow-consequences");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  cockpit_test_use_app_style ();

#define ADD(path, func) \
  g_test_add ("/cockpit/upgrade-wizard/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create-destroy", test_create_destroy);
  ADD ("environments", test_environments);
  ADD ("environments/blocked", test_blocked);
  ADD ("environments/busy", test_busy);
  ADD ("versions", test_versions);
  ADD ("versions/loading", test_loading);
  ADD ("versions/empty", test_empty);
  ADD ("versions/no-svg", test_no_svg);
  ADD ("versions/blocked", test_blocked_from_card);
  ADD ("versions/error", test_error_and_retry);
  ADD ("checklist", test_checklist);
  ADD ("install/integration", test_install_integration);
  ADD ("install/fails", test_install_fails);
  ADD ("install/live/backup-first", test_install_live_backup_first);
  ADD ("install/live/backup-fails", test_install_live_backup_fails);
  ADD ("install/live/no-backup", test_install_live_no_backup);
  ADD ("install/rejected", test_install_rejected);
  ADD ("long-name", test_long_name);
#undef ADD

  return g_test_run ();
}
