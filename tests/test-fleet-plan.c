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
 *
 * Before that, the choices the dialog shares with the one-package dialog
 * (CockpitPlanOptions): "Create Plans" waits for the checklist; a start
 * that has passed is refused in words with nothing sent; and the start,
 * the gate and the backup of Live chosen reach every plan the cockpit
 * makes, read back from it (those plans are then cancelled, so that the
 * packages can be planned again).  The dialog is saved at 1280 and 360 px,
 * with packages of long names and the list of those left out.
 */
#include "config.h"

#include <string.h>

#include "cockpit-application-private.h"
#include "cockpit-fleet-plan-dialog.h"
#include "cockpit-fleet-plan-row.h"
#include "cockpit-fleet-view.h"
#include "cockpit-json.h"
#include "cockpit-plan-options.h"
#include "cockpit-simulator.h"
#include "cockpit-window-private.h"
#include "test-app-util.h"

#define TOKEN "fleet-plan-test-token-41c7"
#define STAGE_SECONDS 60

static TestSession         session;
static TestApp             t;

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

/* The dialog ---------------------------------------------------------------------- */

/* A widget of the dialog's template, or of its CockpitPlanOptions (the
 * gate, the start, the backup of Live and the checklist). */
static gpointer
dialog_child (CockpitFleetPlanDialog *dialog,
              const char             *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), COCKPIT_TYPE_FLEET_PLAN_DIALOG, name);

  if (child == NULL)
    {
      GObject *options = gtk_widget_get_template_child (GTK_WIDGET (dialog), COCKPIT_TYPE_FLEET_PLAN_DIALOG,
                                                        "options");

      g_assert_nonnull (options);
      child = gtk_widget_get_template_child (GTK_WIDGET (options), COCKPIT_TYPE_PLAN_OPTIONS, name);
    }
  if (child == NULL)
    g_error ("The dialog has no %s", name);
  return child;
}

static CockpitPlanOptions *
options_of (CockpitFleetPlanDialog *dialog)
{
  return COCKPIT_PLAN_OPTIONS (dialog_child (dialog, "options"));
}

static gboolean
can_create (CockpitFleetPlanDialog *dialog)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (dialog_child (dialog, "create_button")));
}

/* Ticks the first @n items of the checklist as a person does, by
 * activating their rows. */
static void
tick_checklist_n (CockpitFleetPlanDialog *dialog,
                  guint                   n)
{
  cockpit_test_tick_checklist (dialog_child (dialog, "checks_box"), n);
}

static void
tick_checklist (CockpitFleetPlanDialog *dialog)
{
  tick_checklist_n (dialog, 4);
  WAIT_FOR (can_create (dialog));
}

static GtkWidget *
app_window (void)
{
  GtkWidget *window;

  g_application_activate (G_APPLICATION (t.app));
  WAIT_FOR ((window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (t.app)))) != NULL);
  WAIT_FOR (g_list_model_get_n_items (cockpit_session_get_packages (t.session)) >= 5);
  WAIT_FOR (g_list_model_get_n_items (cockpit_session_get_releases (t.session)) > 0);
  return window;
}

/* The dialog over the packages of @ids (or @extra ones), presented. */
static CockpitFleetPlanDialog *
open_dialog (const char * const *ids,
             CockpitPackage     *extra1,
             CockpitPackage     *extra2)
{
  g_autoptr(GListStore) chosen = g_list_store_new (COCKPIT_TYPE_PACKAGE);
  CockpitFleetPlanDialog *dialog;
  GtkWidget *window = app_window ();

  for (guint i = 0; ids[i] != NULL; i++)
    g_list_store_append (chosen, test_app_package (&t, ids[i]));
  if (extra1 != NULL)
    g_list_store_append (chosen, extra1);
  if (extra2 != NULL)
    g_list_store_append (chosen, extra2);
  dialog = cockpit_fleet_plan_dialog_new (GTK_WINDOW (window), t.session, G_LIST_MODEL (chosen));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, 1400);
  gtk_window_present (GTK_WINDOW (dialog));
  cockpit_test_wait_for_draw (GTK_WIDGET (dialog));
  return dialog;
}

/* A copy of @id's package under another id and a long name: the same
 * environments, so the same rules.  It is never sent. */
static CockpitPackage *
long_named_copy (const char *id,
                 const char *name)
{
  g_autoptr(JsonNode) node = cockpit_json_encode (test_app_package (&t, id));
  g_autoptr(GError) error = NULL;
  CockpitPackage *copy = cockpit_json_decode (COCKPIT_TYPE_PACKAGE, node, &error);
  g_autofree char *copy_id = g_strdup_printf ("%s-copy", id);

  g_assert_no_error (error);
  cockpit_package_set_id (copy, copy_id);
  cockpit_package_set_name (copy, name);
  return copy;
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
  g_autofree char *globex_plan_id = g_strdup (cockpit_plan_get_id (cockpit_package_get_active_plan (test_app_package (&t, "globex"))));
  CockpitFleetPlanDialog *dialog;
  CockpitPlan *acme_plan;
  const char *text = NULL;
  gboolean finished = FALSE;

  g_assert_true (gtk_widget_activate_action (window, "win.show-fleet", NULL));
  WAIT_FOR (g_list_model_get_n_items (cockpit_fleet_view_get_rows (fleet)) >= 15);
  select_packages (fleet, ids);
  packages = cockpit_fleet_view_dup_selected_packages (fleet);
  g_assert_cmpuint (g_list_model_get_n_items (packages), ==, 3);
  cockpit_test_save_screenshots (window, "fleet-plan-selection");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fleet), "fleet.plan", NULL));
  WAIT_FOR (cockpit_fleet_view_get_plan_dialog (fleet) != NULL);
  dialog = COCKPIT_FLEET_PLAN_DIALOG (cockpit_fleet_view_get_plan_dialog (fleet));
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &finished);
  cockpit_test_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_cmpint (state_of (dialog, "acmeweb", NULL), ==, COCKPIT_FLEET_PLAN_ALLOWED);
  g_assert_cmpint (state_of (dialog, "globex", &text), ==, COCKPIT_FLEET_PLAN_REFUSED);
  test_app_assert_contains (text, "already has an upgrade plan");
  g_assert_cmpint (state_of (dialog, "initech", &text), ==, COCKPIT_FLEET_PLAN_REFUSED);
  test_app_assert_contains (text, "in maintenance");

  tick_checklist (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "fleet-plan.create", NULL));
  WAIT_FOR (finished);
  g_assert_cmpint (state_of (dialog, "acmeweb", NULL), ==, COCKPIT_FLEET_PLAN_CREATED);
  cockpit_session_refresh (t.session);
  WAIT_FOR (!cockpit_session_get_loading (t.session));
  acme_plan = cockpit_package_get_active_plan (test_app_package (&t, "acmeweb"));
  g_assert_nonnull (acme_plan);
  g_assert_true (cockpit_plan_is_active (acme_plan));
  g_assert_cmpstr (cockpit_plan_get_target_version (acme_plan), ==, cockpit_fleet_plan_dialog_get_version (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_plan_get_steps (acme_plan)), ==, 3);
  g_assert_cmpstr (cockpit_plan_get_id (cockpit_package_get_active_plan (test_app_package (&t, "globex"))), ==, globex_plan_id);
  g_assert_null (cockpit_package_get_active_plan (test_app_package (&t, "initech")));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A package's row says its state in words, and what it is given below. */
static void
test_row (void)
{
  static const struct {
    CockpitFleetPlanState  state;
    const char            *words;
  } cases[] = {
    { COCKPIT_FLEET_PLAN_ALLOWED, "Will be planned" },
    { COCKPIT_FLEET_PLAN_REFUSED, "Cannot be planned" },
    { COCKPIT_FLEET_PLAN_SENDING, "Sending…" },
    { COCKPIT_FLEET_PLAN_CREATED, "Created" },
    { COCKPIT_FLEET_PLAN_FAILED, "Refused" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWidget *row = g_object_ref_sink (cockpit_fleet_plan_row_new ("Acme Corporation Website", cases[i].state,
                                                                      "Integration, UAT, Live → 6.4.3"));

      g_assert_cmpstr (cockpit_fleet_plan_row_get_state_text (COCKPIT_FLEET_PLAN_ROW (row)), ==, cases[i].words);
      g_assert_true (gtk_widget_has_css_class (row, "fleet-plan-row"));
      g_assert_finalize_object (row);
    }
}

/* The dialog at 1280 and at 360 px, light and dark: packages of long
 * names, some left out with the reason; at 360 px nothing is wider than
 * the window (the scroller never scrolls sideways, so it would be cut). */
static void
test_screens (void)
{
  static const char * const ids[] = { "acmeweb", "globex", "initech", "umbrella", NULL };
  g_autoptr(CockpitPackage) long_allowed = NULL;
  g_autoptr(CockpitPackage) long_refused = NULL;
  CockpitFleetPlanDialog *dialog;
  GtkAdjustment *adjustment;
  int minimum = 0;

  app_window ();
  WAIT_FOR (cockpit_session_get_plan (t.session, test_app_package (&t, "globex")) != NULL);
  long_allowed = long_named_copy ("acmeweb", "Hamburg-Altona Regional Transport Authority Passenger Information Portal");
  long_refused = long_named_copy ("initech", "Initech Intergalactic Customer Self-Service and Knowledge Base (Staging Mirror)");
  dialog = open_dialog (ids, long_allowed, long_refused);
  adjustment = gtk_scrolled_window_get_vadjustment (dialog_child (dialog, "scroller"));

  g_assert_cmpint (state_of (dialog, "acmeweb-copy", NULL), ==, COCKPIT_FLEET_PLAN_ALLOWED);
  g_assert_cmpint (state_of (dialog, "initech-copy", NULL), ==, COCKPIT_FLEET_PLAN_REFUSED);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1280, 1000);
  cockpit_test_wait_for_draw (GTK_WIDGET (dialog));
  /* The test's screen is 1280 px wide: GTK keeps the window and its
   * shadow on it, a few pixels narrower. */
  g_test_message ("wide: %d px", gtk_widget_get_width (GTK_WIDGET (dialog)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), >=, 1260);
  cockpit_test_save_screenshots (GTK_WIDGET (dialog), "fleet-plan-dialog-1280");
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  cockpit_test_save_screenshots (GTK_WIDGET (dialog), "fleet-plan-dialog-1280-checklist");
  gtk_adjustment_set_value (adjustment, 0);

  gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("several-package plan dialog: %d px at least", minimum);
  g_assert_cmpint (minimum, <=, 360);
  /* Asked twice, as a window manager does (see test-window.c). */
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 1600);
  cockpit_test_wait_for_draw (GTK_WIDGET (dialog));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 1600);
  cockpit_test_wait_for_draw (GTK_WIDGET (dialog));
  g_test_message ("narrow: %d px", gtk_widget_get_width (GTK_WIDGET (dialog)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, 360);
  {
    GtkWidget *scroller = dialog_child (dialog, "scroller");
    GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
    int content_minimum = 0;

    gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &content_minimum, NULL, NULL, NULL);
    g_test_message ("its content: %d px at least, in %d px", content_minimum, gtk_widget_get_width (scroller));
    g_assert_cmpint (content_minimum, <=, gtk_widget_get_width (scroller));
  }
  /* Page by page, as the screen is shorter than the dialog. */
  for (guint page = 1; page <= 6; page++)
    {
      g_autofree char *name = page == 1 ? g_strdup ("fleet-plan-dialog-360")
                                        : g_strdup_printf ("fleet-plan-dialog-360-%u", page);
      double step = gtk_adjustment_get_page_size (adjustment) * 0.9;
      double bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      /* The page before showed the bottom already. */
      if (page > 1 && (page - 2) * step >= bottom)
        break;
      gtk_adjustment_set_value (adjustment, MIN ((page - 1) * step, bottom));
      cockpit_test_save_screenshots (GTK_WIDGET (dialog), name);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* "Create Plans" waits for every item of the checklist, and the ticks
 * confirm the choices they were given for: another gate is confirmed
 * again. */
static void
test_checklist (void)
{
  static const char * const ids[] = { "acmeweb", "umbrella", NULL };
  CockpitFleetPlanDialog *dialog = open_dialog (ids, NULL, NULL);

  g_assert_cmpint (state_of (dialog, "acmeweb", NULL), ==, COCKPIT_FLEET_PLAN_ALLOWED);
  g_assert_cmpint (state_of (dialog, "umbrella", NULL), ==, COCKPIT_FLEET_PLAN_ALLOWED);
  g_assert_false (can_create (dialog));
  tick_checklist_n (dialog, 3);
  cockpit_test_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_false (can_create (dialog));
  /* The action itself does nothing while the checklist is not complete. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "fleet-plan.create", NULL);
  g_assert_cmpint (state_of (dialog, "acmeweb", NULL), ==, COCKPIT_FLEET_PLAN_ALLOWED);
  g_assert_cmpint (state_of (dialog, "umbrella", NULL), ==, COCKPIT_FLEET_PLAN_ALLOWED);

  tick_checklist (dialog);
  g_assert_true (can_create (dialog));
  g_assert_true (cockpit_plan_options_get_checklist_complete (options_of (dialog)));
  /* A soak gate instead of the approval: the testing item says another
   * thing, so every item is to be ticked again. */
  gtk_check_button_set_active (dialog_child (dialog, "soak_check"), TRUE);
  g_assert_false (can_create (dialog));
  g_assert_false (cockpit_plan_options_get_checklist_complete (options_of (dialog)));
  tick_checklist (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A start that has passed, or one more than 30 days ahead: the model's
 * rule says so above everything, nothing is sent, and the dialog can
 * still be corrected. */
static void
test_past_start (void)
{
  static const char * const ids[] = { "acmeweb", "umbrella", NULL };
  CockpitFleetPlanDialog *dialog = open_dialog (ids, NULL, NULL);
  g_autoptr(GDateTime) now = cockpit_simulator_get_now (t.sim);
  g_autoptr(GDateTime) past = g_date_time_add_hours (now, -3);
  gboolean finished = FALSE;

  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &finished);
  cockpit_plan_options_set_start (options_of (dialog), past);
  tick_checklist (dialog);
  g_assert_null (cockpit_fleet_plan_dialog_get_error (dialog));
  tick_checklist (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "fleet-plan.create", NULL));
  test_app_assert_contains (cockpit_fleet_plan_dialog_get_error (dialog), "start time has passed");
  g_test_message ("refused: %s", cockpit_fleet_plan_dialog_get_error (dialog));
  g_assert_cmpint (state_of (dialog, "acmeweb", NULL), ==, COCKPIT_FLEET_PLAN_ALLOWED);
  g_assert_cmpint (state_of (dialog, "umbrella", NULL), ==, COCKPIT_FLEET_PLAN_ALLOWED);
  cockpit_test_save_screenshots (GTK_WIDGET (dialog), "fleet-plan-dialog-past-start");

  /* Too far ahead is refused the same way. */
  {
    g_autoptr(GDateTime) far = g_date_time_add_days (now, 40);

    cockpit_plan_options_set_start (options_of (dialog), far);
    tick_checklist (dialog);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "fleet-plan.create", NULL));
    test_app_assert_contains (cockpit_fleet_plan_dialog_get_error (dialog), "30 days");
    g_assert_cmpint (state_of (dialog, "acmeweb", NULL), ==, COCKPIT_FLEET_PLAN_ALLOWED);
  }

  /* Nothing reached the cockpit. */
  test_app_refresh (&t);
  g_assert_false (finished);
  g_assert_null (cockpit_package_get_active_plan (test_app_package (&t, "acmeweb")));
  g_assert_null (cockpit_package_get_active_plan (test_app_package (&t, "umbrella")));
  g_assert_true (can_create (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
cancelled_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitPlan) plan = cockpit_client_plan_finish (COCKPIT_CLIENT (source), result, &error);

  g_assert_no_error (error);
  g_assert_cmpint (cockpit_plan_get_status (plan), ==, COCKPIT_PLAN_STATUS_CANCELLED);
  *done = TRUE;
}

/* The start two days ahead, a soak gate of 36 hours and the backup of
 * Live reach every plan: Acme's three environments with all of them,
 * Umbrella's UAT alone (Live protected) with the same start, no gate to
 * wait at and no backup of a Live it does not upgrade.  Read back from
 * the cockpit, then cancelled. */
static void
test_start_gate_backup (void)
{
  static const char * const ids[] = { "acmeweb", "umbrella", "globex", NULL };
  static const char * const planned[] = { "acmeweb", "umbrella", NULL };
  CockpitFleetPlanDialog *dialog = open_dialog (ids, NULL, NULL);
  g_autoptr(GDateTime) now = cockpit_simulator_get_now (t.sim);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 2);
  g_autoptr(CockpitClient) other = NULL;
  g_autoptr(GError) error = NULL;
  gint64 expected;
  gboolean finished = FALSE;
  const char *text = NULL;

  /* The dialog asks in whole minutes. */
  expected = g_date_time_to_unix (later) - g_date_time_get_second (later);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &finished);
  gtk_check_button_set_active (dialog_child (dialog, "soak_check"), TRUE);
  gtk_spin_button_set_value (dialog_child (dialog, "soak_spin"), 36);
  gtk_switch_set_active (dialog_child (dialog, "backup_switch"), TRUE);
  cockpit_plan_options_set_start (options_of (dialog), later);
  test_app_assert_contains (adw_action_row_get_subtitle (dialog_child (dialog, "when_row")), "UTC");
  test_app_assert_contains (gtk_label_get_label (dialog_child (dialog, "summary_label")), "The plans start on");
  test_app_assert_contains (gtk_label_get_label (dialog_child (dialog, "summary_label")), "36 hours");
  tick_checklist (dialog);
  tick_checklist (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "fleet-plan.create", NULL));
  WAIT_FOR (finished);
  g_assert_null (cockpit_fleet_plan_dialog_get_error (dialog));
  g_assert_cmpint (state_of (dialog, "acmeweb", &text), ==, COCKPIT_FLEET_PLAN_CREATED);
  test_app_assert_contains (text, "starts at its time");
  g_assert_cmpint (state_of (dialog, "umbrella", NULL), ==, COCKPIT_FLEET_PLAN_CREATED);
  g_assert_cmpint (state_of (dialog, "globex", NULL), ==, COCKPIT_FLEET_PLAN_REFUSED);
  cockpit_test_save_screenshots (GTK_WIDGET (dialog), "fleet-plan-dialog-scheduled");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* What the cockpit made, as it says it now. */
  test_app_refresh (&t);
  for (guint i = 0; planned[i] != NULL; i++)
    {
      CockpitPlan *plan = cockpit_package_get_active_plan (test_app_package (&t, planned[i]));
      gboolean acme = g_str_equal (planned[i], "acmeweb");

      g_assert_nonnull (plan);
      g_assert_cmpint (cockpit_plan_get_status (plan), ==, COCKPIT_PLAN_STATUS_SCHEDULED);
      g_assert_nonnull (cockpit_plan_get_start_at (plan));
      g_assert_cmpint (g_date_time_to_unix (cockpit_plan_get_start_at (plan)), ==, expected);
      g_assert_cmpuint (g_list_model_get_n_items (cockpit_plan_get_steps (plan)), ==, acme ? 3 : 1);
      g_assert_cmpint (cockpit_plan_get_gate (plan), ==, acme ? COCKPIT_PLAN_GATE_SOAK : COCKPIT_PLAN_GATE_APPROVAL);
      g_assert_cmpuint (cockpit_plan_get_soak_hours (plan), ==, acme ? 36 : 0);
      g_assert_cmpint (cockpit_plan_get_back_up_live_first (plan), ==, acme);
    }

  /* Cancelled, so that the packages can be planned again. */
  other = cockpit_client_new (cockpit_simulator_get_base_url (t.sim), TOKEN, &error);
  g_assert_no_error (error);
  for (guint i = 0; planned[i] != NULL; i++)
    {
      CockpitPlan *plan = cockpit_package_get_active_plan (test_app_package (&t, planned[i]));
      g_autofree char *key = g_strdup_printf ("fleet-plan-test-cancel-%s", planned[i]);
      gboolean done = FALSE;

      cockpit_client_cancel_plan_async (other, cockpit_plan_get_id (plan), key, NULL, cancelled_cb, &done);
      WAIT_FOR (done);
    }
  test_app_refresh (&t);
  g_assert_null (cockpit_package_get_active_plan (test_app_package (&t, "acmeweb")));
  g_assert_null (cockpit_package_get_active_plan (test_app_package (&t, "umbrella")));
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
  WAIT_FOR (g_list_model_get_n_items (cockpit_session_get_packages (t.session)) >= 5);
  WAIT_FOR (g_list_model_get_n_items (cockpit_session_get_releases (t.session)) > 0);
  WAIT_FOR (cockpit_session_get_plan (t.session, test_app_package (&t, "globex")) != NULL);
  g_assert_null (cockpit_package_get_active_plan (test_app_package (&t, "acmeweb")));
  g_assert_null (cockpit_package_get_active_plan (test_app_package (&t, "initech")));
  g_assert_null (cockpit_package_get_active_plan (test_app_package (&t, "umbrella")));
  globex_plan_id = g_strdup (cockpit_plan_get_id (cockpit_package_get_active_plan (test_app_package (&t, "globex"))));

  g_list_store_append (chosen, test_app_package (&t, "acmeweb"));
  g_list_store_append (chosen, test_app_package (&t, "globex"));
  g_list_store_append (chosen, test_app_package (&t, "initech"));
  g_list_store_append (chosen, test_app_package (&t, "umbrella"));
  /* The same package twice is planned once. */
  g_list_store_append (chosen, test_app_package (&t, "acmeweb"));
  dialog = cockpit_fleet_plan_dialog_new (GTK_WINDOW (window), t.session, G_LIST_MODEL (chosen));
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &finished);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, 900);
  gtk_window_present (GTK_WINDOW (dialog));
  cockpit_test_wait_for_draw (GTK_WIDGET (dialog));

  /* Before anything is sent: the reasons, from the model's rules. */
  g_assert_cmpint (state_of (dialog, "acmeweb", &text), ==, COCKPIT_FLEET_PLAN_ALLOWED);
  test_app_assert_contains (text, "Integration, UAT, Live → ");
  g_assert_cmpint (state_of (dialog, "globex", &text), ==, COCKPIT_FLEET_PLAN_REFUSED);
  test_app_assert_contains (text, "already has an upgrade plan");
  g_assert_cmpint (state_of (dialog, "initech", &text), ==, COCKPIT_FLEET_PLAN_REFUSED);
  test_app_assert_contains (text, "in maintenance");
  /* Umbrella: planned without its protected Live, which is said. */
  g_assert_cmpint (state_of (dialog, "umbrella", &text), ==, COCKPIT_FLEET_PLAN_ALLOWED);
  test_app_assert_contains (text, "Left out: ");
  test_app_assert_contains (text, "Live is protected");
  g_assert_true (strstr (text, "Live →") == NULL && strstr (text, "Live, ") == NULL);
  g_assert_cmpstr (cockpit_fleet_plan_dialog_get_idempotency_key (dialog, "acmeweb"), !=,
                   cockpit_fleet_plan_dialog_get_idempotency_key (dialog, "umbrella"));
  cockpit_test_save_screenshots (GTK_WIDGET (dialog), "fleet-plan-dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));

  plan_from_fleet (window);
  acme_plan_id = g_strdup (cockpit_plan_get_id (cockpit_package_get_active_plan (test_app_package (&t, "acmeweb"))));

  /* Again, now that Acme has its plan, and this time someone else plans
   * Umbrella first: the app does not know, the cockpit refuses. */
  finished = FALSE;
  dialog = cockpit_fleet_plan_dialog_new (GTK_WINDOW (window), t.session, G_LIST_MODEL (chosen));
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

  tick_checklist (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "fleet-plan.create", NULL));
  WAIT_FOR (finished);
  g_assert_cmpint (state_of (dialog, "acmeweb", &text), ==, COCKPIT_FLEET_PLAN_REFUSED);
  g_assert_cmpint (state_of (dialog, "umbrella", &text), ==, COCKPIT_FLEET_PLAN_FAILED);
  g_assert_cmpstr (text, !=, "");
  g_test_message ("Umbrella refused: %s", text);
  g_assert_cmpint (state_of (dialog, "globex", NULL), ==, COCKPIT_FLEET_PLAN_REFUSED);
  g_assert_cmpint (state_of (dialog, "initech", NULL), ==, COCKPIT_FLEET_PLAN_REFUSED);
  cockpit_test_save_screenshots (GTK_WIDGET (dialog), "fleet-plan-dialog-done");

  /* The cockpit has Acme's plan; Globex keeps its own, Initech has none,
   * Umbrella has only the other client's. */
  cockpit_session_refresh (t.session);
  WAIT_FOR (!cockpit_session_get_loading (t.session));
  /* Acme keeps the one plan made from the fleet. */
  g_assert_cmpstr (cockpit_plan_get_id (cockpit_package_get_active_plan (test_app_package (&t, "acmeweb"))), ==, acme_plan_id);
  g_assert_cmpstr (cockpit_plan_get_id (cockpit_package_get_active_plan (test_app_package (&t, "globex"))), ==, globex_plan_id);
  g_assert_null (cockpit_package_get_active_plan (test_app_package (&t, "initech")));
  g_assert_cmpstr (cockpit_plan_get_id (cockpit_package_get_active_plan (test_app_package (&t, "umbrella"))), ==,
                   cockpit_plan_get_id (umbrella_plan));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  test_app_start_story (&t, &session, TOKEN, STAGE_SECONDS);

  g_test_add_func ("/cockpit/fleet-plan/0-row", test_row);
  g_test_add_func ("/cockpit/fleet-plan/0-screens", test_screens);
  g_test_add_func ("/cockpit/fleet-plan/1-checklist", test_checklist);
  g_test_add_func ("/cockpit/fleet-plan/2-past-start", test_past_start);
  g_test_add_func ("/cockpit/fleet-plan/3-start-gate-backup", test_start_gate_backup);
  g_test_add_func ("/cockpit/fleet-plan/4-mixed", test_mixed);

  return test_app_run_story (&t, &session);
}
