/* test-fleet-plan.c: "Plan an Upgrade…" for several packages of the fleet at once.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application is signed in to an in-process simulator of the demo
 * seed (Globex already has a plan, Initech is in maintenance, Umbrella's
 * Live is protected).  The dialog is opened over Acme, Globex, Initech and
 * Umbrella: the two that cannot be planned are listed with the model's
 * reasons before anything is sent.  Then another client plans Umbrella
 * behind the app's back, so that the cockpit refuses the dialog's plan for
 * it; Acme's plan is created; nothing new is made for the others.  The
 * dialog is saved as screenshots (light and dark) before and after.
 */
#include "config.h"

#include <string.h>

#include "cockpit-application-private.h"
#include "cockpit-fleet-plan-dialog.h"
#include "cockpit-fleet-view.h"
#include "cockpit-simulator.h"
#include "cockpit-window-private.h"
#include "test-app-util.h"

#define TOKEN "fleet-plan-test-token-41c7"
#define STAGE_SECONDS 60

static TestSession         session;
static TestApp             t;
static CockpitSession     *cockpit;

static CockpitPackage *
package (const char *id)
{
  CockpitPackage *found = cockpit_session_find_package (cockpit, id);

  g_assert_nonnull (found);
  return found;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  g_assert_nonnull (text);
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not say “%s”", text, part);
}

static CockpitFleetPlanState
state_of (CockpitFleetPlanDialog  *dialog,
          const char              *id,
          const char             **text)
{
  return cockpit_fleet_plan_dialog_get_state (dialog, id, text);
}

static void
finished_cb (GObject  *dialog,
             gboolean *finished)
{
  *finished = TRUE;
}

static void
created_elsewhere_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  CockpitPlan **slot = user_data;
  g_autoptr(GError) error = NULL;

  *slot = cockpit_client_plan_finish (COCKPIT_CLIENT (source), result, &error);
  g_assert_no_error (error);
}

/* Selects, in the fleet, the rows of the environments of @ids (all of them). */
static void
select_packages (CockpitFleetView   *fleet,
                 const char * const *ids)
{
  GtkSelectionModel *selection = cockpit_fleet_view_get_selection (fleet);
  GListModel *rows = cockpit_fleet_view_get_rows (fleet);

  gtk_selection_model_unselect_all (selection);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(CockpitFleetRow) row = g_list_model_get_item (rows, i);

      if (g_strv_contains (ids, cockpit_package_get_id (cockpit_fleet_row_get_package (row))))
        gtk_selection_model_select_item (selection, i, FALSE);
    }
}

/* From the fleet: rows of Acme, Globex and Initech selected (several rows
 * of one package make one plan); Plan an Upgrade lists Globex and Initech
 * with their reasons, and creates Acme's plan only. */
static void
plan_from_fleet (GtkWidget *window)
{
  static const char * const ids[] = { "acmeweb", "globex", "initech", NULL };
  CockpitFleetView *fleet = cockpit_window_get_fleet_view (COCKPIT_WINDOW (window));
  g_autoptr(GListModel) packages = NULL;
  g_autofree char *globex_plan_id = g_strdup (cockpit_plan_get_id (cockpit_package_get_active_plan (package ("globex"))));
  CockpitFleetPlanDialog *dialog;
  CockpitPlan *acme_plan;
  const char *text = NULL;
  gboolean finished = FALSE;

  g_assert_true (gtk_widget_activate_action (window, "win.show-fleet", NULL));
  WAIT_FOR (g_list_model_get_n_items (cockpit_fleet_view_get_rows (fleet)) >= 15);
  select_packages (fleet, ids);
  packages = cockpit_fleet_view_dup_selected_packages (fleet);
  g_assert_cmpuint (g_list_model_get_n_items (packages), ==, 3);
  test_app_screenshot_both (window, "fleet-plan-selection");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fleet), "fleet.plan", NULL));
  WAIT_FOR (cockpit_fleet_view_get_plan_dialog (fleet) != NULL);
  dialog = COCKPIT_FLEET_PLAN_DIALOG (cockpit_fleet_view_get_plan_dialog (fleet));
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &finished);
  cockpit_test_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_cmpint (state_of (dialog, "acmeweb", NULL), ==, COCKPIT_FLEET_PLAN_ALLOWED);
  g_assert_cmpint (state_of (dialog, "globex", &text), ==, COCKPIT_FLEET_PLAN_REFUSED);
  assert_contains (text, "already has an upgrade plan");
  g_assert_cmpint (state_of (dialog, "initech", &text), ==, COCKPIT_FLEET_PLAN_REFUSED);
  assert_contains (text, "in maintenance");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "fleet-plan.create", NULL));
  WAIT_FOR (finished);
  g_assert_cmpint (state_of (dialog, "acmeweb", NULL), ==, COCKPIT_FLEET_PLAN_CREATED);
  cockpit_session_refresh (cockpit);
  WAIT_FOR (!cockpit_session_get_loading (cockpit));
  acme_plan = cockpit_package_get_active_plan (package ("acmeweb"));
  g_assert_nonnull (acme_plan);
  g_assert_true (cockpit_plan_is_active (acme_plan));
  g_assert_cmpstr (cockpit_plan_get_target_version (acme_plan), ==, cockpit_fleet_plan_dialog_get_version (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_plan_get_steps (acme_plan)), ==, 3);
  g_assert_cmpstr (cockpit_plan_get_id (cockpit_package_get_active_plan (package ("globex"))), ==, globex_plan_id);
  g_assert_null (cockpit_package_get_active_plan (package ("initech")));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_mixed (void)
{
  g_autoptr(GListStore) chosen = g_list_store_new (COCKPIT_TYPE_PACKAGE);
  g_autoptr(CockpitClient) other = NULL;
  g_autoptr(CockpitPlan) umbrella_plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *globex_plan_id = NULL;
  g_auto(CockpitPlanRequest) request = { 0 };
  g_autofree char *acme_plan_id = NULL;
  CockpitFleetPlanDialog *dialog;
  const char *text = NULL;
  const char *version;
  gboolean finished = FALSE;
  GtkWidget *window;

  g_application_activate (G_APPLICATION (t.app));
  WAIT_FOR ((window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (t.app)))) != NULL);
  WAIT_FOR (g_list_model_get_n_items (cockpit_session_get_packages (cockpit)) >= 5);
  WAIT_FOR (g_list_model_get_n_items (cockpit_session_get_releases (cockpit)) > 0);
  WAIT_FOR (cockpit_session_get_plan (cockpit, package ("globex")) != NULL);
  g_assert_null (cockpit_package_get_active_plan (package ("acmeweb")));
  g_assert_null (cockpit_package_get_active_plan (package ("initech")));
  g_assert_null (cockpit_package_get_active_plan (package ("umbrella")));
  globex_plan_id = g_strdup (cockpit_plan_get_id (cockpit_package_get_active_plan (package ("globex"))));

  g_list_store_append (chosen, package ("acmeweb"));
  g_list_store_append (chosen, package ("globex"));
  g_list_store_append (chosen, package ("initech"));
  g_list_store_append (chosen, package ("umbrella"));
  /* The same package twice is planned once. */
  g_list_store_append (chosen, package ("acmeweb"));
  dialog = cockpit_fleet_plan_dialog_new (GTK_WINDOW (window), cockpit, G_LIST_MODEL (chosen));
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &finished);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, 900);
  gtk_window_present (GTK_WINDOW (dialog));
  cockpit_test_wait_for_draw (GTK_WIDGET (dialog));

  /* Before anything is sent: the reasons, from the model's rules. */
  g_assert_cmpint (state_of (dialog, "acmeweb", &text), ==, COCKPIT_FLEET_PLAN_ALLOWED);
  assert_contains (text, "Integration, UAT, Live → ");
  g_assert_cmpint (state_of (dialog, "globex", &text), ==, COCKPIT_FLEET_PLAN_REFUSED);
  assert_contains (text, "already has an upgrade plan");
  g_assert_cmpint (state_of (dialog, "initech", &text), ==, COCKPIT_FLEET_PLAN_REFUSED);
  assert_contains (text, "in maintenance");
  /* Umbrella: planned without its protected Live, which is said. */
  g_assert_cmpint (state_of (dialog, "umbrella", &text), ==, COCKPIT_FLEET_PLAN_ALLOWED);
  assert_contains (text, "Left out: ");
  assert_contains (text, "Live is protected");
  g_assert_true (strstr (text, "Live →") == NULL && strstr (text, "Live, ") == NULL);
  g_assert_cmpstr (cockpit_fleet_plan_dialog_get_idempotency_key (dialog, "acmeweb"), !=,
                   cockpit_fleet_plan_dialog_get_idempotency_key (dialog, "umbrella"));
  test_app_screenshot_both (GTK_WIDGET (dialog), "fleet-plan-dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));

  plan_from_fleet (window);
  acme_plan_id = g_strdup (cockpit_plan_get_id (cockpit_package_get_active_plan (package ("acmeweb"))));

  /* Again, now that Acme has its plan, and this time someone else plans
   * Umbrella first: the app does not know, the cockpit refuses. */
  finished = FALSE;
  dialog = cockpit_fleet_plan_dialog_new (GTK_WINDOW (window), cockpit, G_LIST_MODEL (chosen));
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &finished);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, 900);
  gtk_window_present (GTK_WINDOW (dialog));
  cockpit_test_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_cmpint (state_of (dialog, "umbrella", NULL), ==, COCKPIT_FLEET_PLAN_ALLOWED);
  other = cockpit_client_new (cockpit_simulator_get_base_url (t.sim), TOKEN, &error);
  g_assert_no_error (error);
  version = cockpit_fleet_plan_dialog_get_version (dialog);
  g_assert_nonnull (version);
  request.target_version = g_strdup (version);
  request.environments[0] = COCKPIT_ENVIRONMENT_KIND_UAT;
  request.n_environments = 1;
  request.gate = COCKPIT_PLAN_GATE_APPROVAL;
  cockpit_client_create_plan_async (other, "umbrella", &request, "fleet-plan-test-elsewhere", NULL,
                                    created_elsewhere_cb, &umbrella_plan);
  WAIT_FOR (umbrella_plan != NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "fleet-plan.create", NULL));
  WAIT_FOR (finished);
  g_assert_cmpint (state_of (dialog, "acmeweb", &text), ==, COCKPIT_FLEET_PLAN_REFUSED);
  g_assert_cmpint (state_of (dialog, "umbrella", &text), ==, COCKPIT_FLEET_PLAN_FAILED);
  g_assert_cmpstr (text, !=, "");
  g_test_message ("Umbrella refused: %s", text);
  g_assert_cmpint (state_of (dialog, "globex", NULL), ==, COCKPIT_FLEET_PLAN_REFUSED);
  g_assert_cmpint (state_of (dialog, "initech", NULL), ==, COCKPIT_FLEET_PLAN_REFUSED);
  test_app_screenshot_both (GTK_WIDGET (dialog), "fleet-plan-dialog-done");

  /* The cockpit has Acme's plan; Globex keeps its own, Initech has none,
   * Umbrella has only the other client's. */
  cockpit_session_refresh (cockpit);
  WAIT_FOR (!cockpit_session_get_loading (cockpit));
  /* Acme keeps the one plan made from the fleet. */
  g_assert_cmpstr (cockpit_plan_get_id (cockpit_package_get_active_plan (package ("acmeweb"))), ==, acme_plan_id);
  g_assert_cmpstr (cockpit_plan_get_id (cockpit_package_get_active_plan (package ("globex"))), ==, globex_plan_id);
  g_assert_null (cockpit_package_get_active_plan (package ("initech")));
  g_assert_cmpstr (cockpit_plan_get_id (cockpit_package_get_active_plan (package ("umbrella"))), ==,
                   cockpit_plan_get_id (umbrella_plan));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  test_session_start (&session, FALSE);
  test_app_start (&t, &session, TOKEN, STAGE_SECONDS);
  cockpit = t.session;

  g_test_add_func ("/cockpit/fleet-plan/mixed", test_mixed);

  result = g_test_run ();

  test_app_stop (&t);
  test_session_stop (&session);
  return result;
}
