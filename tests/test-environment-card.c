/* test-environment-card.c: what the environment cards and the package page show, against the simulator.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checks read the texts on screen, the labels that are mapped, so
 * that a text copied into a widget and left there is caught.  The demo
 * seed has every case: Globex's Integration on 6.4.3 (not LTS),
 * Umbrella's Integration torn down, Initech in maintenance.
 */
#include "config.h"

#include "cockpit-application.h"
#include "cockpit-environment-card.h"
#include "cockpit-flow-diagram.h"
#include "cockpit-widget-util.h"
#include "cockpit-window-private.h"
#include "test-app-util.h"
#include "test-session-util.h"

#define TOKEN "environment-card-test-token-31c9"
#define STAGE_SECONDS 60

static TestSession         session;
static TestApp             t;

static GtkWidget *
card (CockpitEnvironmentKind kind)
{
  GtkWidget *widget = cockpit_package_page_get_card (test_app_package_page (t.app), kind);

  g_assert_true (COCKPIT_IS_ENVIRONMENT_CARD (widget));
  return widget;
}

static void
show_package (const char *id)
{
  if (gtk_application_get_active_window (GTK_APPLICATION (t.app)) == NULL)
    {
      g_application_activate (G_APPLICATION (t.app));
      WAIT_FOR (gtk_application_get_active_window (GTK_APPLICATION (t.app)) != NULL);
      WAIT_FOR (g_list_model_get_n_items (cockpit_session_get_packages (t.session)) >= 4);
      gtk_window_set_default_size (GTK_WINDOW (test_app_window (t.app)), 1280, 1000);
    }
  test_app_show_package (test_app_window (t.app), id);
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_package_page (t.app)));
}

/* The texts of the labels of @widget that are on screen, one a line. */
static void
collect_texts (GtkWidget *widget,
               GString   *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static char *
texts_of (GtkWidget *widget)
{
  GString *texts = g_string_new (NULL);

  collect_texts (widget, texts);
  return g_string_free (texts, FALSE);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Globex's Integration runs 6.4.3, newer than the latest LTS release
 * 6.3.21 but not LTS itself. */
static void
test_lts_not_lts (void)
{
  g_autofree char *texts = NULL;

  show_package ("globex");
  texts = texts_of (card (COCKPIT_ENVIRONMENT_KIND_INTEGRATION));
  g_test_message ("%s", texts);
  g_assert_nonnull (strstr (texts, "Magnolia 6.4.3"));
  g_assert_null (strstr (texts, "On the latest LTS release"));
  g_assert_nonnull (strstr (texts, "On 6.4.3, which is not an LTS release. The latest LTS release is 6.3.21."));

  /* UAT on 6.3.21 is on the latest LTS release. */
  g_free (texts);
  texts = texts_of (card (COCKPIT_ENVIRONMENT_KIND_UAT));
  g_assert_nonnull (strstr (texts, "On the latest LTS release, 6.3.21."));
  cockpit_test_save_screenshots (card (COCKPIT_ENVIRONMENT_KIND_INTEGRATION), "environment-card-not-lts");
}

/* Umbrella's Integration was torn down: no upgrade date, no LTS status. */
static void
test_torn_down (void)
{
  g_autofree char *texts = NULL;

  show_package ("umbrella");
  texts = texts_of (card (COCKPIT_ENVIRONMENT_KIND_INTEGRATION));
  g_test_message ("%s", texts);
  g_assert_nonnull (strstr (texts, "Not set up"));
  /* Said by the heading; not once more in a sentence below it. */
  g_assert_null (strstr (texts, "is not set up"));
  g_assert_null (strstr (texts, "Last upgrade"));
  g_assert_null (strstr (texts, "LTS"));
  cockpit_test_save_screenshots (card (COCKPIT_ENVIRONMENT_KIND_INTEGRATION), "environment-card-torn-down");

  /* Live still says when it was last upgraded. */
  g_free (texts);
  texts = texts_of (card (COCKPIT_ENVIRONMENT_KIND_LIVE));
  g_assert_nonnull (strstr (texts, "Last upgrade"));
}

/* Initech is in maintenance: its message is on the page once, not on
 * every card. */
static void
test_maintenance_once (void)
{
  CockpitPackage *package;
  g_autofree char *texts = NULL;
  const char *message;

  show_package ("initech");
  package = cockpit_package_page_get_package (test_app_package_page (t.app));
  message = cockpit_package_get_maintenance_message (package);
  g_assert_nonnull (message);
  g_assert_cmpstr (message, !=, "");

  texts = texts_of (GTK_WIDGET (test_app_package_page (t.app)));
  g_test_message ("%s", texts);
  g_assert_cmpuint (count (texts, message), ==, 1);
  g_assert_cmpuint (count (texts, "In maintenance"), ==, 1);

  /* The cards still can't start anything, and say why where asked. */
  g_assert_nonnull (strstr (cockpit_environment_card_get_blocked_reason (COCKPIT_ENVIRONMENT_CARD (card (COCKPIT_ENVIRONMENT_KIND_LIVE))),
                            "maintenance"));
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (t.app)), "package-page-maintenance");
}

/* While a Live upgrade keeps its backup, the card and the diagram name
 * that stage the same way, in the model's words. */
static void
test_same_stage_label (void)
{
  CockpitActionTracker *tracker = cockpit_session_get_tracker (t.session);
  CockpitEnvironment *live;
  g_autoptr(GListStore) offered = NULL;
  g_autoptr(CockpitRelease) newest = NULL;
  CockpitFlowDiagram *diagram;
  const char *label = cockpit_stage_name_get_label (COCKPIT_STAGE_KEEP_BACKUP);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitAction) action = NULL;
  g_autofree char *texts = NULL;

  show_package ("acmeweb");
  live = cockpit_package_get_environment (cockpit_package_page_get_package (test_app_package_page (t.app)),
                                          COCKPIT_ENVIRONMENT_KIND_LIVE);
  offered = cockpit_rules_offered_versions (live, cockpit_session_get_releases (t.session));
  newest = g_list_model_get_item (G_LIST_MODEL (offered), 0);
  cockpit_action_tracker_start_async (tracker, live, COCKPIT_ACTION_KIND_UPGRADE,
                                      cockpit_release_get_version (newest), NULL, NULL,
                                      test_app_store_result_cb, &result);
  WAIT_FOR (result != NULL);
  action = cockpit_action_tracker_start_finish (tracker, result, &error);
  g_assert_no_error (error);

  /* Into the last stage, keep_backup. */
  cockpit_simulator_advance_clock (t.sim, 4 * STAGE_SECONDS + 1);
  WAIT_FOR (cockpit_action_get_stage (action) == COCKPIT_STAGE_KEEP_BACKUP);
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_package_page (t.app)));

  texts = texts_of (card (COCKPIT_ENVIRONMENT_KIND_LIVE));
  g_test_message ("%s", texts);
  g_assert_nonnull (strstr (texts, label));
  diagram = COCKPIT_FLOW_DIAGRAM (cockpit_package_page_get_flow_diagram (test_app_package_page (t.app)));
  g_test_message ("%s", cockpit_flow_diagram_get_description (diagram));
  g_assert_nonnull (strstr (cockpit_flow_diagram_get_description (diagram), label));
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (t.app)), "environment-card-keep-backup");

  /* That another action runs is said by the page and the diagram, not
   * again on every card: the cards keep it for their buttons' tooltips. */
  g_free (texts);
  texts = texts_of (GTK_WIDGET (test_app_package_page (t.app)));
  g_assert_cmpuint (count (texts, "Another action is running"), <=, 1);
  g_assert_nonnull (strstr (cockpit_environment_card_get_blocked_reason (COCKPIT_ENVIRONMENT_CARD (card (COCKPIT_ENVIRONMENT_KIND_UAT))),
                            "Another action is running"));

  cockpit_simulator_advance_clock (t.sim, STAGE_SECONDS + 1);
  WAIT_FOR (!cockpit_action_is_running (action));
}

/* Making a card sends nothing to the X server.  In GTK 4.8 each tooltip
 * set on a widget that is not hidden, by its .ui file or in code, asked
 * the server where the pointer is (three round trips, each a wait while
 * the server draws): a start's first data frame made three cards and
 * waited so about 30 times for them (docs/performance.md). */
static void
test_no_x_requests (void)
{
  CockpitPackage *package;
  GListModel *environments;
  guint64 before;

  show_package ("acmeweb");
  if (cockpit_test_x11_requests () == 0)
    {
      g_test_skip ("not an X display");
      return;
    }
  package = cockpit_package_page_get_package (test_app_package_page (t.app));
  environments = cockpit_package_get_environments (package);
  g_assert_cmpuint (g_list_model_get_n_items (environments), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (environments); i++)
    {
      g_autoptr(CockpitEnvironment) environment = g_list_model_get_item (environments, i);
      GtkWidget *widget;

      before = cockpit_test_x11_requests ();
      widget = g_object_ref_sink (cockpit_environment_card_new (t.session, package, environment));
      g_test_message ("%s: %" G_GUINT64_FORMAT " requests", cockpit_environment_get_id (environment),
                      cockpit_test_x11_requests () - before);
      g_assert_cmpuint (cockpit_test_x11_requests (), ==, before);
      /* The tooltips are there all the same. */
      g_assert_nonnull (cockpit_widget_get_tooltip_text (GTK_WIDGET (gtk_widget_get_template_child (widget, COCKPIT_TYPE_ENVIRONMENT_CARD,
                                                                                                    "teardown_button"))));
      g_object_unref (widget);
    }
}

/* An update that changes nothing changes no style class: each change
 * restyles the widget, and the cards are updated at every refresh.  The
 * state pill's class was taken off and put back each time. */
static void
test_update_keeps_classes (void)
{
  CockpitPackage *package;
  g_autoptr(CockpitEnvironment) environment = NULL;
  GtkWidget *widget;
  GObject *state_label, *lts_label;
  guint changes = 0;

  show_package ("acmeweb");
  package = cockpit_package_page_get_package (test_app_package_page (t.app));
  environment = g_list_model_get_item (cockpit_package_get_environments (package), 0);
  widget = g_object_ref_sink (cockpit_environment_card_new (t.session, package, environment));
  state_label = gtk_widget_get_template_child (widget, COCKPIT_TYPE_ENVIRONMENT_CARD, "state_label");
  lts_label = gtk_widget_get_template_child (widget, COCKPIT_TYPE_ENVIRONMENT_CARD, "lts_label");
  g_auto(GStrv) state_before = gtk_widget_get_css_classes (GTK_WIDGET (state_label));
  g_auto(GStrv) lts_before = gtk_widget_get_css_classes (GTK_WIDGET (lts_label));
  g_auto(GStrv) state_after = NULL;
  g_auto(GStrv) lts_after = NULL;

  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (state_label), "running"));
  g_signal_connect (state_label, "notify::css-classes", G_CALLBACK (cockpit_test_count_cb), &changes);
  g_signal_connect (lts_label, "notify::css-classes", G_CALLBACK (cockpit_test_count_cb), &changes);
  cockpit_environment_card_update (COCKPIT_ENVIRONMENT_CARD (widget));
  cockpit_environment_card_update (COCKPIT_ENVIRONMENT_CARD (widget));
  g_assert_cmpuint (changes, ==, 0);
  state_after = gtk_widget_get_css_classes (GTK_WIDGET (state_label));
  lts_after = gtk_widget_get_css_classes (GTK_WIDGET (lts_label));
  g_assert_true (g_strv_equal ((const char * const *) state_before, (const char * const *) state_after));
  g_assert_true (g_strv_equal ((const char * const *) lts_before, (const char * const *) lts_after));
  g_object_unref (widget);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  test_app_start_story (&t, &session, TOKEN, STAGE_SECONDS);

  g_test_add_func ("/cockpit/environment-card/lts-not-lts", test_lts_not_lts);
  g_test_add_func ("/cockpit/environment-card/torn-down", test_torn_down);
  g_test_add_func ("/cockpit/environment-card/maintenance-once", test_maintenance_once);
  g_test_add_func ("/cockpit/environment-card/same-stage-label", test_same_stage_label);
  g_test_add_func ("/cockpit/environment-card/no-x-requests", test_no_x_requests);
  g_test_add_func ("/cockpit/environment-card/update-keeps-classes", test_update_keeps_classes);

  return test_app_run_story (&t, &session);
}
