/* test-window.c: the application and its main window, driven against the simulator under Xvfb.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One application for the whole run, as in real life: the tests follow
 * each other like a project manager's afternoon — a wrong token, the
 * right one, the overview, an upgrade that succeeds, one that fails, the
 * window closed while an upgrade runs, signing out.
 */
#include "config.h"


#include "cockpit-activity-page.h"
#include "cockpit-application.h"
#include "cockpit-environment-card.h"
#include "cockpit-fleet-view.h"
#include "cockpit-flow-diagram.h"
#include "cockpit-helpdesk-button.h"
#include "cockpit-preferences.h"
#include "cockpit-secret-store.h"
#include "cockpit-simulator.h"
#include "cockpit-window-private.h"
#include "test-session-util.h"
#include "test-app-util.h"
#include "test-server-util.h"

#define TOKEN "window-test-token-5f0c2a"
#define STAGE_SECONDS 60

static TestSession        session;
static CockpitSimulator  *sim;
static CockpitApplication *app;

static CockpitSession *
current_session (void)
{
  return cockpit_application_get_session (app);
}

static CockpitEnvironmentCard *
card (CockpitEnvironmentKind kind)
{
  GtkWidget *widget = cockpit_package_page_get_card (test_app_package_page (app), kind);

  g_assert_true (COCKPIT_IS_ENVIRONMENT_CARD (widget));
  return COCKPIT_ENVIRONMENT_CARD (widget);
}

/* Starts an upgrade the way the wizard does, through the tracker. */
static CockpitAction *
start_upgrade (const char             *package_id,
               CockpitEnvironmentKind  kind)
{
  CockpitActionTracker *tracker = cockpit_session_get_tracker (current_session ());
  CockpitPackage *package = cockpit_session_find_package (current_session (), package_id);
  CockpitEnvironment *env = cockpit_package_get_environment (package, kind);
  g_autoptr(GListStore) offered = cockpit_rules_offered_versions (env, cockpit_session_get_releases (current_session ()));
  g_autoptr(CockpitRelease) newest = g_list_model_get_item (G_LIST_MODEL (offered), 0);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CockpitAction *action;

  cockpit_action_tracker_start_async (tracker, env, COCKPIT_ACTION_KIND_UPGRADE,
                                      cockpit_release_get_version (newest), NULL, NULL,
                                      test_app_store_result_cb, &result);
  WAIT_FOR (result != NULL);
  action = cockpit_action_tracker_start_finish (tracker, result, &error);
  g_assert_no_error (error);
  return action;
}

static void
test_sign_in_page (void)
{
  g_application_activate (G_APPLICATION (app));
  WAIT_FOR (gtk_application_get_active_window (GTK_APPLICATION (app)) != NULL);

  g_assert_cmpstr (cockpit_window_get_page_name (test_app_window (app)), ==, "sign-in");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (test_app_window (app))), ==, "Upgrade Cockpit");
  g_assert_null (cockpit_window_get_sign_in_error (test_app_window (app)));
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (app)), "window-sign-in");
}

/* The sign-in page, left alone, draws nothing: the loading page's
 * spinner, hidden, kept the frame clock running before. */
static void
test_idle_no_frames (void)
{
  g_assert_cmpstr (cockpit_window_get_page_name (test_app_window (app)), ==, "sign-in");
  g_assert_cmpuint (test_app_count_idle_frames (GTK_WIDGET (test_app_window (app)), 1000), ==, 0);
}

static void
try_sign_in (const char *url,
             const char *token)
{
  cockpit_window_set_sign_in_text (test_app_window (app), url, token);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test_app_window (app)), "win.sign-in", NULL));
  WAIT_FOR (cockpit_window_get_sign_in_error (test_app_window (app)) != NULL || current_session () != NULL);
}

static void
test_sign_in_errors (void)
{
  static const struct {
    const char *url;
    const char *token;
    const char *message;
  } cases[] = {
    { NULL, "not-the-token", "did not accept the API token" },
    { "http://cockpit.example.com", "x", "http://" },
    { "ftp://cockpit.example.com", "x", "is not a cockpit address" },
    /* Nothing listens on port 9 here: what is missing is a program on
     * this computer, not the internet connection. */
    { "http://127.0.0.1:9", "x", "Nothing answers at 127.0.0.1:9 on this computer" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *url = cases[i].url ? cases[i].url : cockpit_simulator_get_base_url (sim);

      g_test_message ("sign in to %s", url);
      try_sign_in (url, cases[i].token);
      g_assert_null (current_session ());
      g_assert_nonnull (strstr (cockpit_window_get_sign_in_error (test_app_window (app)), cases[i].message));
      /* Words, not codes. */
      g_assert_null (strstr (cockpit_window_get_sign_in_error (test_app_window (app)), "401"));
      if (i == 0)
        cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (app)), "window-sign-in-error");
      if (i == G_N_ELEMENTS (cases) - 1)
        cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (app)), "window-sign-in-unreachable");
    }
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  char **token = user_data;
  g_autoptr(GError) error = NULL;

  *token = cockpit_secret_store_lookup_finish (COCKPIT_SECRET_STORE (object), result, &error);
  g_assert_no_error (error);
  if (*token == NULL)
    *token = g_strdup ("");
}

static char *
keyring_token (void)
{
  g_autoptr(CockpitSecretStore) store = cockpit_secret_store_new ();
  char *token = NULL;

  cockpit_secret_store_lookup_async (store, cockpit_simulator_get_base_url (sim), NULL, NULL, lookup_cb, &token);
  WAIT_FOR (token != NULL);
  return token;
}

static void
test_sign_in_good (void)
{
  g_autofree char *url = NULL;
  g_autofree char *stored = NULL;

  try_sign_in (cockpit_simulator_get_base_url (sim), TOKEN);
  g_assert_nonnull (current_session ());
  WAIT_FOR (g_strcmp0 (cockpit_window_get_page_name (test_app_window (app)), "packages") == 0);

  /* The token went to the keyring, the address to the settings. */
  stored = keyring_token ();
  g_assert_cmpstr (stored, ==, TOKEN);
  url = g_settings_get_string (cockpit_application_get_settings (app), "cockpit-url");
  g_assert_cmpstr (url, ==, cockpit_simulator_get_base_url (sim));

  cockpit_action_tracker_set_intervals (cockpit_session_get_tracker (current_session ()), 20, 200);
}

/* Another window of the app, @width x @height, with its packages listed
 * and drawn. */
static CockpitWindow *
open_window (int width,
             int height)
{
  CockpitWindow *window = _cockpit_application_add_window (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (cockpit_window_get_package_row (window, 1) != NULL);
  cockpit_test_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static void
test_overview (void)
{
  GListModel *packages = cockpit_session_get_packages (current_session ());

  WAIT_FOR (!cockpit_session_get_loading (current_session ()) && g_list_model_get_n_items (packages) >= 4);
  WAIT_FOR (g_list_model_get_n_items (cockpit_session_get_releases (current_session ())) > 0);

  /* All Environments is made when first shown, not with the window. */
  g_assert_null (test_app_window (app)->fleet_view);
  g_assert_null (adw_bin_get_child (test_app_window (app)->fleet_bin));

  /* The helpdesk's unread notifications are counted in the header. */
  WAIT_FOR (cockpit_application_get_helpdesk (app) != NULL &&
            cockpit_helpdesk_get_unread_total (cockpit_application_get_helpdesk (app)) > 0);

  test_app_show_package (test_app_window (app), "acmeweb");
  g_assert_null (cockpit_environment_card_get_blocked_reason (card (COCKPIT_ENVIRONMENT_KIND_LIVE)));
  g_assert_null (cockpit_environment_card_get_blocked_reason (card (COCKPIT_ENVIRONMENT_KIND_INTEGRATION)));
  g_assert_nonnull (strstr (cockpit_flow_diagram_get_description (COCKPIT_FLOW_DIAGRAM (cockpit_package_page_get_flow_diagram (test_app_package_page (app)))),
                            "Plan"));
  gtk_window_set_default_size (GTK_WINDOW (test_app_window (app)), 1280, 900);
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (app)), "window-overview");

  /* All Environments makes its rows when it is first shown, not with the
   * session: the start showed one package only. */
  g_assert_false (cockpit_fleet_view_get_following (cockpit_window_get_fleet_view (test_app_window (app))));
  cockpit_window_show_fleet (test_app_window (app));
  WAIT_FOR (cockpit_fleet_view_get_following (cockpit_window_get_fleet_view (test_app_window (app))));
  WAIT_FOR (g_list_model_get_n_items (cockpit_fleet_view_get_rows (cockpit_window_get_fleet_view (test_app_window (app)))) >=
            g_list_model_get_n_items (packages));

  /* Each reason an environment can't be upgraded, in words. */
  test_app_show_package (test_app_window (app), "globex");
  g_assert_nonnull (strstr (cockpit_environment_card_get_blocked_reason (card (COCKPIT_ENVIRONMENT_KIND_LIVE)),
                            "upgrade backup"));
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (app)), "window-upgrade-backup");

  test_app_show_package (test_app_window (app), "initech");
  g_assert_nonnull (strstr (cockpit_environment_card_get_blocked_reason (card (COCKPIT_ENVIRONMENT_KIND_UAT)),
                            "maintenance"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (test_app_package_page (app)), "win.upgrade", NULL) &&
                  cockpit_package_page_get_wizard (test_app_package_page (app)) != NULL);
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (app)), "window-maintenance");

  test_app_show_package (test_app_window (app), "umbrella");
  g_assert_nonnull (strstr (cockpit_environment_card_get_blocked_reason (card (COCKPIT_ENVIRONMENT_KIND_LIVE)),
                            "protected"));
  g_assert_nonnull (strstr (cockpit_environment_card_get_blocked_reason (card (COCKPIT_ENVIRONMENT_KIND_INTEGRATION)),
                            "not set up"));

  /* A narrow window folds to one column.  A window of its own: GTK 4.8
   * narrows a shown window to a smaller default size but does not widen
   * it again, and the tests after this one need the wide window. */
  {
    CockpitWindow *narrow = open_window (420, 800);

    WAIT_FOR (cockpit_window_get_folded (narrow));
    test_app_show_package (narrow, "umbrella");
    WAIT_FOR (cockpit_window_get_showing_content (narrow));
    cockpit_test_save_screenshots (GTK_WIDGET (narrow), "window-narrow");
    gtk_window_destroy (GTK_WINDOW (narrow));
  }
  g_assert_false (cockpit_window_get_folded (test_app_window (app)));
}

static void
test_activity_log (void)
{
  GtkWidget *activity;

  test_app_show_package (test_app_window (app), "acmeweb");
  activity = cockpit_window_show_activity (test_app_window (app), TRUE);
  g_assert_true (COCKPIT_IS_ACTIVITY_PAGE (activity));
  WAIT_FOR (g_list_model_get_n_items (cockpit_activity_page_get_entries (COCKPIT_ACTIVITY_PAGE (activity))) > 0);
  /* Beside the list, as at 1280 px: the narrow screenshot before left the
   * window 410 px wide, and this one caught the list mid-unfold. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (test_app_window (app))), >=, 1000);
  g_assert_false (cockpit_window_get_folded (test_app_window (app)));
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (app)), "window-activity-log");

  /* Another package shows its own log. */
  test_app_show_package (test_app_window (app), "globex");
  g_assert_true (cockpit_window_show_activity (test_app_window (app), TRUE) != activity);

  cockpit_window_show_activity (test_app_window (app), FALSE);
  g_assert_cmpstr (cockpit_window_get_page_name (test_app_window (app)), ==, "packages");
}

static void
test_shortcuts (void)
{
  GtkShortcutsWindow *overlay;

  /* Built when first asked for, not with the window. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (test_app_window (app))));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (test_app_window (app)), "show-help-overlay"));
  g_action_group_activate_action (G_ACTION_GROUP (test_app_window (app)), "show-help-overlay", NULL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (test_app_window (app)));
  g_assert_nonnull (overlay);
  WAIT_FOR (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  cockpit_test_save_screenshots (GTK_WIDGET (overlay), "shortcuts");
  gtk_window_close (GTK_WINDOW (overlay));
}

/* A narrow window folds the list and the package into one page: the list
 * takes the whole width, a row opens its package, Back returns.  Before,
 * the list stayed 300 px wide and centred, and no row could be opened. */
static void
test_narrow (void)
{
  CockpitWindow *narrow = open_window (600, 700);
  GtkWidget *row;
  CockpitPackagePage *narrow_page = cockpit_window_get_package_page (narrow);

  g_assert_true (cockpit_window_get_folded (narrow));
  g_assert_false (cockpit_window_get_showing_content (narrow));
  g_assert_cmpint (gtk_widget_get_width (cockpit_window_get_sidebar (narrow)), >=, 560);
  cockpit_test_save_screenshots (GTK_WIDGET (narrow), "window-narrow-list");

  /* A click selects the row and activates it; Enter activates it. */
  row = cockpit_window_get_package_row (narrow, 1);
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));
  gtk_widget_activate (row);
  WAIT_FOR (cockpit_window_get_showing_content (narrow));
  g_assert_cmpstr (cockpit_package_get_id (cockpit_package_page_get_package (narrow_page)), ==, "globex");
  cockpit_test_wait_for_draw (GTK_WIDGET (narrow));
  cockpit_test_save_screenshots (GTK_WIDGET (narrow), "window-narrow-package");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (narrow), "win.back", NULL));
  WAIT_FOR (!cockpit_window_get_showing_content (narrow));

  gtk_window_destroy (GTK_WINDOW (narrow));
}

static int
min_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* The first widget of @type under @root, depth first. */
static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_widget (child, type)) != NULL)
        return found;
    }
  return NULL;
}

/* From 360 px (GNOME's phone width) up: what is ours fits, Refresh and
 * the activity log move into a menu, the backup card stacks its buttons.
 * Screenshots at 360, 600, 800 and 1280 px. */
static void
test_widths (void)
{
  static const int widths[] = { 360, 600, 800, 1280 };
  CockpitWindow *sized = _cockpit_application_add_window (app);
  CockpitPackagePage *sized_page = cockpit_window_get_package_page (sized);
  GtkWidget *header;
  GtkWidget *flow;
  int flow_min;

  gtk_window_set_default_size (GTK_WINDOW (sized), 360, 760);
  gtk_window_present (GTK_WINDOW (sized));
  WAIT_FOR (cockpit_window_get_package_row (sized, 1) != NULL);
  cockpit_window_show_package (sized, "globex");
  WAIT_FOR (cockpit_package_page_get_package (sized_page) != NULL &&
            g_strcmp0 (cockpit_package_get_id (cockpit_package_page_get_package (sized_page)), "globex") == 0);
  cockpit_test_wait_for_draw (GTK_WIDGET (sized));
  g_assert_true (cockpit_window_get_folded (sized));

  /* Each part of ours fits 360 px: the header bar with the window's
   * buttons, the cards inside the page's 12 px margins. */
  header = gtk_widget_get_first_child (cockpit_window_get_content (sized));
  g_assert_true (ADW_IS_HEADER_BAR (header));
  g_test_message ("at 360 px: header bar %d, backup card %d, environment card %d px at least",
                  min_width (header), min_width (cockpit_package_page_get_backup_card (sized_page)),
                  min_width (cockpit_package_page_get_card (sized_page, COCKPIT_ENVIRONMENT_KIND_LIVE)));
  g_assert_cmpint (min_width (header), <=, 360);
  g_assert_cmpint (min_width (cockpit_package_page_get_backup_card (sized_page)), <=, 360 - 24);
  g_assert_cmpint (min_width (cockpit_package_page_get_card (sized_page, COCKPIT_ENVIRONMENT_KIND_LIVE)), <=, 360 - 24);

  /* The flow diagram fits too. */
  flow = cockpit_package_page_get_flow_diagram (sized_page);
  flow_min = min_width (flow);
  g_test_message ("at 360 px: flow diagram %d px at least, window %d px at least, %d px wide",
                  flow_min, min_width (GTK_WIDGET (sized)), gtk_widget_get_width (GTK_WIDGET (sized)));
  g_assert_cmpint (flow_min, <=, 360 - 48);
  /* The window opens as wide as asked: it opened at 452 px when GTK sized
   * it before the leaflet folded (and did not shrink it by itself). */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (sized)), ==, 360);
  /* Asked again, as a window manager does when the person narrows it. */
  gtk_window_set_default_size (GTK_WINDOW (sized), 360, 760);
  cockpit_test_wait_for_draw (GTK_WIDGET (sized));
  g_test_message ("asked again: %d px wide", gtk_widget_get_width (GTK_WIDGET (sized)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (sized)), ==, 360);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *name = g_strdup_printf ("window-%d-package", widths[i]);

      gtk_window_set_default_size (GTK_WINDOW (sized), widths[i], 760);
      cockpit_test_wait_for_draw (GTK_WIDGET (sized));
      cockpit_test_save_screenshots (GTK_WIDGET (sized), name);
    }

  /* Folded: the package list, then the activity log from the menu. */
  gtk_window_set_default_size (GTK_WINDOW (sized), 360, 760);
  cockpit_test_wait_for_draw (GTK_WIDGET (sized));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sized), "header.activity", NULL));
  WAIT_FOR (g_strcmp0 (cockpit_window_get_page_name (sized), "packages") == 0 &&
            cockpit_window_show_activity (sized, TRUE) != NULL);
  cockpit_test_wait_for_draw (GTK_WIDGET (sized));
  /* Its filters and its table scroll sideways; it needed 561 px. */
  g_test_message ("at 360 px: activity log %d px at least",
                  min_width (cockpit_window_show_activity (sized, TRUE)));
  g_assert_cmpint (min_width (cockpit_window_show_activity (sized, TRUE)), <=, 360);
  cockpit_test_save_screenshots (GTK_WIDGET (sized), "window-360-activity");
  cockpit_window_show_activity (sized, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sized), "win.back", NULL));
  WAIT_FOR (!cockpit_window_get_showing_content (sized));
  cockpit_test_wait_for_draw (GTK_WIDGET (sized));
  cockpit_test_save_screenshots (GTK_WIDGET (sized), "window-360-list");

  /* The helpdesk's list at 360 px, looked at.  Its content fits: it
   * asked for 386 px while its stack measured the page not shown (the
   * empty one) at its least height, where the text does not wrap. */
  {
    CockpitHelpdeskButton *helpdesk = COCKPIT_HELPDESK_BUTTON (find_widget (GTK_WIDGET (sized),
                                                                           COCKPIT_TYPE_HELPDESK_BUTTON));
    GtkPopover *popover;

    g_assert_nonnull (helpdesk);
    popover = cockpit_helpdesk_button_get_popover (helpdesk);
    cockpit_helpdesk_button_popup (helpdesk);
    WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (popover)));
    WAIT_FOR (gtk_widget_get_width (gtk_popover_get_child (popover)) > 0);
    /* Placed at the size of its rows, made as it opens, not grown after. */
    {
      int natural_height;

      gtk_widget_measure (gtk_popover_get_child (popover), GTK_ORIENTATION_VERTICAL,
                          gtk_widget_get_width (gtk_popover_get_child (popover)), NULL, &natural_height, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_height (gtk_popover_get_child (popover)), >=, natural_height);
    }
    g_test_message ("at 360 px: helpdesk list %d px at least, %d px wide", min_width (gtk_popover_get_child (popover)),
                    gtk_widget_get_width (gtk_popover_get_child (popover)));
    g_assert_cmpint (min_width (gtk_popover_get_child (popover)), <=, 360 - 2 * 12);
    /* The popover takes its content's natural width: that fits too. */
    g_assert_cmpint (gtk_widget_get_width (gtk_popover_get_child (popover)), <=, 360 - 2 * 12);
    g_assert_cmpint (gtk_widget_get_width (gtk_popover_get_child (popover)), >=, 280);
    cockpit_test_save_screenshots (gtk_popover_get_child (popover), "window-360-helpdesk");
    gtk_popover_popdown (popover);
  }

  /* The preferences at 360 px. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    CockpitPreferences *preferences = cockpit_preferences_new (GTK_WINDOW (sized), settings);

    gtk_window_set_default_size (GTK_WINDOW (preferences), 360, 640);
    gtk_window_present (GTK_WINDOW (preferences));
    cockpit_test_wait_for_draw (GTK_WIDGET (preferences));
    g_test_message ("at 360 px: preferences %d px at least, %d px wide",
                    min_width (GTK_WIDGET (preferences)), gtk_widget_get_width (GTK_WIDGET (preferences)));
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (preferences)), ==, 360);
    cockpit_test_save_screenshots (GTK_WIDGET (preferences), "preferences-360");
    gtk_window_destroy (GTK_WINDOW (preferences));
  }

  gtk_window_destroy (GTK_WINDOW (sized));
}

static void
test_wizard_opens (void)
{
  GtkWindow *wizard;

  test_app_show_package (test_app_window (app), "acmeweb");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card (COCKPIT_ENVIRONMENT_KIND_INTEGRATION)),
                                             "win.upgrade-integration", NULL));
  wizard = cockpit_package_page_get_wizard (test_app_package_page (app));
  g_assert_nonnull (wizard);
  g_assert_true (gtk_window_get_transient_for (wizard) == GTK_WINDOW (test_app_window (app)));
  cockpit_test_wait_for_draw (GTK_WIDGET (wizard));
  gtk_window_destroy (wizard);
}

static gboolean
flow_says (const char *text)
{
  GtkWidget *flow = cockpit_package_page_get_flow_diagram (test_app_package_page (app));
  const char *description = cockpit_flow_diagram_get_description (COCKPIT_FLOW_DIAGRAM (flow));

  return description != NULL && strstr (description, text) != NULL;
}

static void
test_upgrade_succeeds (void)
{
  g_autoptr(CockpitAction) action = NULL;
  CockpitActionTracker *tracker = cockpit_session_get_tracker (current_session ());
  TestNotification *n;
  g_autoptr(GVariant) buttons = NULL;
  const char *target = NULL;
  g_autofree char *expected_title = NULL;

  test_app_show_package (test_app_window (app), "acmeweb");
  action = start_upgrade ("acmeweb", COCKPIT_ENVIRONMENT_KIND_INTEGRATION);
  expected_title = g_strdup_printf ("Integration upgraded to %s", cockpit_action_get_target_version (action));

  WAIT_FOR (flow_says ("Create replica"));
  /* Another action on the package is refused while this one runs. */
  g_assert_nonnull (cockpit_environment_card_get_blocked_reason (card (COCKPIT_ENVIRONMENT_KIND_LIVE)));

  cockpit_simulator_advance_clock (sim, 2 * STAGE_SECONDS + 10);
  WAIT_FOR (flow_says ("Verify replica"));
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (app)), "window-upgrade-running");

  cockpit_simulator_advance_clock (sim, 4 * STAGE_SECONDS);
  WAIT_FOR (g_list_model_get_n_items (cockpit_action_tracker_get_actions (tracker)) == 0);
  WAIT_FOR (test_session_last_notification (&session, "action-") != NULL);

  n = test_session_last_notification (&session, "action-");
  g_assert_cmpstr (n->app_id, ==, APP_ID);
  g_assert_cmpstr (test_notification_get (n, "title"), ==, expected_title);
  g_assert_nonnull (strstr (test_notification_get (n, "body"), "Acme Corporation Website"));
  /* A click opens the package; no button repeats that. */
  g_assert_cmpstr (test_notification_get (n, "default-action"), ==, "app.open-package");
  g_assert_true (g_variant_lookup (n->data, "default-action-target", "&s", &target));
  g_assert_cmpstr (target, ==, "acmeweb");
  g_assert_false (g_variant_lookup (n->data, "buttons", "@aa{sv}", &buttons) &&
                  g_variant_n_children (buttons) > 0);

  WAIT_FOR (flow_says ("finished"));
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (app)), "window-upgrade-done");
}

static void
test_upgrade_fails (void)
{
  g_autoptr(CockpitAction) action = NULL;
  CockpitActionTracker *tracker = cockpit_session_get_tracker (current_session ());
  TestNotification *n;
  guint before = session.notifications->len;

  test_app_show_package (test_app_window (app), "acmeweb");
  test_app_sim_control (sim, TOKEN, "/_sim/fail-next", "{\"stage\": \"verify_replica\"}");
  action = start_upgrade ("acmeweb", COCKPIT_ENVIRONMENT_KIND_UAT);

  cockpit_simulator_advance_clock (sim, 5 * STAGE_SECONDS);
  WAIT_FOR (g_list_model_get_n_items (cockpit_action_tracker_get_actions (tracker)) == 0);
  WAIT_FOR (session.notifications->len > before);

  n = test_session_last_notification (&session, "action-");
  g_assert_cmpstr (test_notification_get (n, "title"), ==, "Upgrade of UAT failed");
  g_assert_nonnull (strstr (test_notification_get (n, "body"), "Acme Corporation Website: "));
  g_assert_cmpstr (test_notification_get (n, "priority"), ==, "high");

  WAIT_FOR (flow_says ("Failed"));
  g_assert_true (flow_says ("Verify replica"));
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (app)), "window-upgrade-failed");
}

static void
test_close_while_running (void)
{
  g_autoptr(CockpitAction) action = NULL;
  CockpitActionTracker *tracker = cockpit_session_get_tracker (current_session ());

  test_app_show_package (test_app_window (app), "acmeweb");
  action = start_upgrade ("acmeweb", COCKPIT_ENVIRONMENT_KIND_LIVE);

  /* The window goes; the application, the session and the action stay. */
  gtk_window_close (GTK_WINDOW (test_app_window (app)));
  WAIT_FOR (gtk_application_get_active_window (GTK_APPLICATION (app)) == NULL);
  g_assert_nonnull (current_session ());
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_action_tracker_get_actions (tracker)), ==, 1);
  WAIT_FOR (test_session_last_notification (&session, "background") != NULL);
  g_assert_cmpstr (test_notification_get (test_session_last_notification (&session, "background"), "title"), ==,
                   "Upgrade Cockpit keeps running");

  /* Starting the app again brings the window back with the progress. */
  cockpit_simulator_advance_clock (sim, STAGE_SECONDS + 10);
  g_application_activate (G_APPLICATION (app));
  WAIT_FOR (gtk_application_get_active_window (GTK_APPLICATION (app)) != NULL);

  /* Closing it again is not announced again: the app says so once. */
  gtk_window_close (GTK_WINDOW (test_app_window (app)));
  WAIT_FOR (gtk_application_get_active_window (GTK_APPLICATION (app)) == NULL);
  g_application_activate (G_APPLICATION (app));
  WAIT_FOR (gtk_application_get_active_window (GTK_APPLICATION (app)) != NULL);
  {
    guint n_background = 0;

    for (guint i = 0; i < session.notifications->len; i++)
      if (g_str_equal (((TestNotification *) g_ptr_array_index (session.notifications, i))->id, "background"))
        n_background++;
    g_assert_cmpuint (n_background, ==, 1);
  }
  test_app_show_package (test_app_window (app), "acmeweb");
  WAIT_FOR (flow_says ("Deploy"));
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (app)), "window-reopened");

  g_assert_false (g_ptr_array_find_with_equal_func (session.withdrawn, "background", g_str_equal, NULL));
  cockpit_simulator_advance_clock (sim, 5 * STAGE_SECONDS);
  WAIT_FOR (g_list_model_get_n_items (cockpit_action_tracker_get_actions (tracker)) == 0);
  /* "Keeps running" is withdrawn once nothing runs any more. */
  WAIT_FOR (g_ptr_array_find_with_equal_func (session.withdrawn, "background", g_str_equal, NULL));
  WAIT_FOR (cockpit_environment_card_get_blocked_reason (card (COCKPIT_ENVIRONMENT_KIND_LIVE)) != NULL &&
            strstr (cockpit_environment_card_get_blocked_reason (card (COCKPIT_ENVIRONMENT_KIND_LIVE)), "upgrade backup"));
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (app)), "window-live-backup");
}

static void
test_offline (void)
{
  /* The cockpit goes away: the window keeps what it had and says so. */
  cockpit_simulator_stop (sim);
  gtk_widget_activate_action (GTK_WIDGET (test_app_window (app)), "win.refresh", NULL);
  WAIT_FOR (cockpit_session_get_offline (current_session ()));
  WAIT_FOR (cockpit_window_get_status_text (test_app_window (app)) != NULL);
  g_assert_nonnull (strstr (cockpit_window_get_status_text (test_app_window (app)), "Offline"));
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_session_get_packages (current_session ())), >=, 4);
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (app)), "window-offline");
}

static gboolean
keyring_is_empty (void)
{
  g_autofree char *stored = keyring_token ();

  return *stored == '\0';
}

static void
test_sign_out (void)
{
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "sign-out"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-out", NULL);
  WAIT_FOR (g_strcmp0 (cockpit_window_get_page_name (test_app_window (app)), "sign-in") == 0);
  g_assert_null (current_session ());

  /* The sign-in page, asked for 360 px: its screenshot, looked at.  It
   * needed 462 px while the window's stack also measured the pages not
   * shown. */
  {
    int width = gtk_widget_get_width (GTK_WIDGET (test_app_window (app)));
    int height = gtk_widget_get_height (GTK_WIDGET (test_app_window (app)));

    gtk_window_set_default_size (GTK_WINDOW (test_app_window (app)), 360, 760);
    cockpit_test_wait_for_draw (GTK_WIDGET (test_app_window (app)));
    g_test_message ("the sign-in page at 360 px: %d px at least, %d px wide",
                    min_width (GTK_WIDGET (test_app_window (app))), gtk_widget_get_width (GTK_WIDGET (test_app_window (app))));
    g_assert_cmpint (min_width (GTK_WIDGET (test_app_window (app))), <=, 360);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (test_app_window (app))), <=, 360);
    cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (app)), "window-360-sign-in");
    gtk_window_set_default_size (GTK_WINDOW (test_app_window (app)), width, height);
    cockpit_test_wait_for_draw (GTK_WIDGET (test_app_window (app)));
  }

  /* The token is cleared from the keyring in the background. */
  WAIT_FOR (keyring_is_empty ());
}

static void
test_first_answer (void)
{
  g_autoptr(GSocketService) silent = g_socket_service_new ();
  g_autoptr(GPtrArray) connections = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CockpitClient) client = NULL;
  g_autoptr(CockpitSession) waiting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = test_server_listen_silent (silent, connections);
  gint64 until;

  /* Signed in, the first answer not in: the loading page, never "No
   * Packages" (which said that the cockpit had none). */
  client = cockpit_client_new (url, TOKEN, &error);
  g_assert_no_error (error);
  waiting = cockpit_session_new (client, NULL, NULL);
  cockpit_application_set_session (app, waiting);
  WAIT_FOR (connections->len > 0);
  until = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    {
      g_assert_cmpstr (cockpit_window_get_page_name (test_app_window (app)), ==, "loading");
      g_main_context_iteration (NULL, FALSE);
    }
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (app)), "window-first-answer");

  /* The cockpit goes away before answering: the packages page, saying so. */
  g_socket_service_stop (silent);
  g_socket_listener_close (G_SOCKET_LISTENER (silent));
  for (guint i = 0; i < connections->len; i++)
    g_io_stream_close (connections->pdata[i], NULL, NULL);
  WAIT_FOR (g_strcmp0 (cockpit_window_get_page_name (test_app_window (app)), "loading") != 0);
  g_assert_cmpstr (cockpit_window_get_page_name (test_app_window (app)), ==, "empty");
  WAIT_FOR (cockpit_window_get_status_text (test_app_window (app)) != NULL);
  cockpit_application_set_session (app, NULL);
}

static void
test_token_revoked (void)
{
  g_autoptr(CockpitSimulator) cockpit = NULL;
  g_autoptr(CockpitClient) client = NULL;
  g_autoptr(CockpitSession) revoked = NULL;
  g_autoptr(GError) error = NULL;

  /* A saved token that the cockpit no longer accepts: back to signing in,
   * with the reason.  (A cockpit of its own: the offline test stopped
   * the first one.) */
  cockpit = cockpit_simulator_new (TOKEN, COCKPIT_SIM_SEED_DEMO, NULL, STAGE_SECONDS, FALSE, &error);
  g_assert_no_error (error);
  cockpit_simulator_listen (cockpit, "127.0.0.1", 0, &error);
  g_assert_no_error (error);
  client = cockpit_client_new (cockpit_simulator_get_base_url (cockpit), "a-token-that-was-revoked", &error);
  g_assert_no_error (error);
  revoked = cockpit_session_new (client, NULL, NULL);
  cockpit_application_set_session (app, revoked);
  WAIT_FOR (current_session () == NULL);
  WAIT_FOR (g_strcmp0 (cockpit_window_get_page_name (test_app_window (app)), "sign-in") == 0);
  g_assert_nonnull (strstr (cockpit_window_get_sign_in_error (test_app_window (app)), "no longer accepts"));
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (app)), "window-token-revoked");
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  /* The tests follow each other as one story, in the order added. */
  test_session_start (&session, TRUE);

  /* Long stages: the tests move the simulated clock themselves. */
  sim = test_app_new_simulator (TOKEN, COCKPIT_SIM_SEED_DEMO, STAGE_SECONDS, TRUE);
  app = test_app_new_application ();

  g_test_add_func ("/cockpit/window/sign-in-page", test_sign_in_page);
  g_test_add_func ("/cockpit/window/idle-no-frames", test_idle_no_frames);
  g_test_add_func ("/cockpit/window/sign-in-errors", test_sign_in_errors);
  g_test_add_func ("/cockpit/window/sign-in-good", test_sign_in_good);
  g_test_add_func ("/cockpit/window/overview", test_overview);
  g_test_add_func ("/cockpit/window/activity-log", test_activity_log);
  g_test_add_func ("/cockpit/window/shortcuts", test_shortcuts);
  g_test_add_func ("/cockpit/window/narrow", test_narrow);
  g_test_add_func ("/cockpit/window/widths", test_widths);
  g_test_add_func ("/cockpit/window/wizard-opens", test_wizard_opens);
  g_test_add_func ("/cockpit/window/upgrade-succeeds", test_upgrade_succeeds);
  g_test_add_func ("/cockpit/window/upgrade-fails", test_upgrade_fails);
  g_test_add_func ("/cockpit/window/close-while-running", test_close_while_running);
  g_test_add_func ("/cockpit/window/offline", test_offline);
  g_test_add_func ("/cockpit/window/sign-out", test_sign_out);
  g_test_add_func ("/cockpit/window/first-answer", test_first_answer);
  g_test_add_func ("/cockpit/window/token-revoked", test_token_revoked);

  result = g_test_run ();

  g_clear_object (&app);
  g_clear_object (&sim);
  test_session_stop (&session);
  return result;
}
