/* test-plans.c: upgrade plans in the app, as one story: the dialog, the card, the diagram, the gates and their notifications.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application is signed in to an in-process simulator of the demo
 * seed and counts with its clock; time passes only when the test moves
 * that clock.  Each plan is made through the "Plan an Upgrade…" dialog
 * of the package page and followed on its card, and the fake
 * notification server records what the desktop is told.  The states of
 * the card and the dialog are saved as screenshots (light and dark, at
 * normal width and at 360 px) in build/tests/screenshots.
 */
#include "config.h"

#include <string.h>

#include "cockpit-application-private.h"
#include "cockpit-plan-card.h"
#include "cockpit-plan-dialog.h"
#include "cockpit-plan-options.h"
#include "cockpit-simulator.h"
#include "cockpit-widget-util.h"
#include "cockpit-window-private.h"
#include "test-app-util.h"

#define TOKEN "plans-test-token-8d1f"
#define STAGE_SECONDS 60
/* Long enough for any step, a Live backup and its upgrade included. */
#define STEP_SECONDS (10 * STAGE_SECONDS)
/* Past an upgrade backup's 48 hours, so that Live can be planned again. */
#define BACKUP_GONE_SECONDS (49 * 3600)

static TestSession         session;
static TestApp             t;

static CockpitPlanCard *
card (void)
{
  return COCKPIT_PLAN_CARD (cockpit_package_page_get_plan_card (test_app_package_page (t.app)));
}

static CockpitPlan *
plan_of (const char *id)
{
  return cockpit_session_get_plan (t.session, test_app_package (&t, id));
}

static void
show_package (const char *id)
{
  if (gtk_application_get_active_window (GTK_APPLICATION (t.app)) == NULL)
    {
      g_application_activate (G_APPLICATION (t.app));
      WAIT_FOR (gtk_application_get_active_window (GTK_APPLICATION (t.app)) != NULL);
      gtk_window_set_default_size (GTK_WINDOW (test_app_window (t.app)), 1100, 1000);
    }
  test_app_show_package (test_app_window (t.app), id);
  test_app_refresh (&t);
}

/* Refreshes until the plan shown for @id has @status. */
static void
wait_plan_status (const char        *id,
                  CockpitPlanStatus  status)
{
  gint64 end = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  while (plan_of (id) == NULL || cockpit_plan_get_status (plan_of (id)) != status)
    {
      if (g_get_monotonic_time () > end)
        g_error ("The plan of %s never became %s", id, cockpit_enum_to_string (COCKPIT_TYPE_PLAN_STATUS, status));
      test_app_refresh (&t);
    }
}

/* Whether the window's action (win.@name) is allowed by the one answer
 * the window enables its actions from; the plan button and the card's
 * buttons follow it. */
static gboolean
enabled (const char *name)
{
  CockpitUserAction action = cockpit_user_action_from_name (name);
  GObject *button = gtk_widget_get_template_child (GTK_WIDGET (test_app_package_page (t.app)), COCKPIT_TYPE_PACKAGE_PAGE, "plan_button");
  gboolean allowed;

  g_assert_cmpint (action, <, COCKPIT_N_USER_ACTIONS);
  _cockpit_window_actions_update (test_app_window (t.app));
  allowed = cockpit_availability_get_allowed (cockpit_package_page_get_availability (test_app_package_page (t.app)), action);
  if (action == COCKPIT_USER_ACTION_PLAN_UPGRADE)
    g_assert_cmpint (gtk_widget_get_sensitive (GTK_WIDGET (button)), ==, allowed);
  return allowed;
}

/* Notifications ------------------------------------------------------------------ */

static TestNotification *
last_notification (const char *id)
{
  for (guint i = session.notifications->len; i > 0; i--)
    {
      TestNotification *n = g_ptr_array_index (session.notifications, i - 1);

      if (g_strcmp0 (n->id, id) == 0)
        return n;
    }
  return NULL;
}

static char *
plan_notification_id (CockpitPlan *plan)
{
  return g_strdup_printf ("plan-%s", cockpit_plan_get_id (plan));
}

static gboolean
notified (const char *id,
          const char *title)
{
  TestNotification *n = last_notification (id);

  return n != NULL && g_strcmp0 (test_notification_get (n, "title"), title) == 0;
}

/* The Approve button of a gate's notification: app.approve-plan with
 * the plan's id. */
static void
assert_approve_button (TestNotification *n,
                       const char       *plan_id)
{
  g_autoptr(GVariant) buttons = g_variant_lookup_value (n->data, "buttons", G_VARIANT_TYPE ("aa{sv}"));
  g_autoptr(GVariant) button = NULL;
  g_autoptr(GVariant) target = NULL;
  const char *text = NULL;

  g_assert_nonnull (buttons);
  g_assert_cmpuint (g_variant_n_children (buttons), ==, 1);
  button = g_variant_get_child_value (buttons, 0);
  g_assert_true (g_variant_lookup (button, "label", "&s", &text));
  g_assert_cmpstr (text, ==, "Approve");
  g_assert_true (g_variant_lookup (button, "action", "&s", &text));
  g_assert_cmpstr (text, ==, "app.approve-plan");
  target = g_variant_lookup_value (button, "target", NULL);
  g_assert_nonnull (target);
  while (g_variant_is_of_type (target, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *inner = g_variant_get_variant (target);

      g_variant_unref (target);
      target = inner;
    }
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, plan_id);
}

/* Screenshots ------------------------------------------------------------------- */

/* The card in both styles, at the window's width and at 360 px, where
 * it must fit. */
static void
shoot_card (const char *state)
{
  g_autofree char *name = g_strdup_printf ("plan-card-%s", state);
  g_autofree char *narrow = g_strdup_printf ("plan-card-%s-360", state);
  GtkWidget *widget = GTK_WIDGET (card ());
  int minimum = 0;

  g_assert_true (gtk_widget_get_visible (widget));
  cockpit_test_save_screenshots (widget, name);

  /* Asked twice, as a window manager does: GTK sizes the window before
   * the leaflet folds (see test-window.c). */
  gtk_window_set_default_size (GTK_WINDOW (test_app_window (t.app)), 360, 1000);
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_window (t.app)));
  gtk_window_set_default_size (GTK_WINDOW (test_app_window (t.app)), 360, 1000);
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_window (t.app)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (test_app_window (t.app))), ==, 360);
  cockpit_window_show_package (test_app_window (t.app), cockpit_package_get_id (cockpit_package_page_get_package (test_app_package_page (t.app))));
  cockpit_test_wait_for_draw (widget);
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("plan card (%s) at 360 px: %d px at least", state, minimum);
  g_assert_cmpint (minimum, <=, 360 - 24);
  cockpit_test_save_screenshots (widget, narrow);
  gtk_window_set_default_size (GTK_WINDOW (test_app_window (t.app)), 1100, 1000);
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_window (t.app)));
  cockpit_window_show_package (test_app_window (t.app), cockpit_package_get_id (cockpit_package_page_get_package (test_app_package_page (t.app))));
  cockpit_test_wait_for_draw (widget);
}

/* The dialog ---------------------------------------------------------------------- */

/* A widget of the dialog's template, or of its CockpitPlanOptions (the
 * gate, the start, the backup and the checklist). */
static gpointer
dialog_child (CockpitPlanDialog *dialog,
              const char        *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), COCKPIT_TYPE_PLAN_DIALOG, name);

  if (child == NULL)
    child = gtk_widget_get_template_child (cockpit_plan_dialog_get_options (dialog), COCKPIT_TYPE_PLAN_OPTIONS, name);

  g_assert_nonnull (child);
  return child;
}

static CockpitPlanDialog *
open_dialog (void)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test_app_package_page (t.app)), "win.plan-upgrade", NULL));
  WAIT_FOR ((dialog = cockpit_package_page_get_plan_dialog (test_app_package_page (t.app))) != NULL);
  gtk_window_set_default_size (dialog, 600, 1400);
  cockpit_test_wait_for_draw (GTK_WIDGET (dialog));
  return COCKPIT_PLAN_DIALOG (dialog);
}

static void
choose_version (CockpitPlanDialog *dialog,
                const char        *version)
{
  GtkDropDown *dropdown = dialog_child (dialog, "version_dropdown");
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), version))
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  g_error ("Version %s is not offered", version);
}

/* Ticks the four items of the checklist as a person does. */
static void
tick_checklist (CockpitPlanDialog *dialog)
{
  cockpit_test_tick_checklist (dialog_child (dialog, "checks_box"), 4);
}

static gboolean
can_create (CockpitPlanDialog *dialog)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (dialog_child (dialog, "create_button")));
}

/* Creates the plan the dialog is set for and waits for its card. */
static CockpitPlan *
create (CockpitPlanDialog *dialog,
        const char        *package_id)
{
  GtkWindow *weak = GTK_WINDOW (dialog);

  tick_checklist (dialog);
  WAIT_FOR (can_create (dialog));
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "plan.create", NULL));
  WAIT_FOR (weak == NULL);
  WAIT_FOR (plan_of (package_id) != NULL && cockpit_plan_is_active (plan_of (package_id)));
  WAIT_FOR (cockpit_plan_card_get_plan (card ()) == plan_of (package_id));
  return plan_of (package_id);
}

static void
set_check (CockpitPlanDialog *dialog,
           const char        *name,
           gboolean           active)
{
  gtk_check_button_set_active (dialog_child (dialog, name), active);
}

/* The sidebar's mark of @id's row: shown while its plan waits for the
 * user's approval. */
static gboolean
mark_shown (const char *id)
{
  GListModel *packages = cockpit_session_get_packages (t.session);

  for (guint i = 0; i < g_list_model_get_n_items (packages); i++)
    {
      g_autoptr(CockpitPackage) item = g_list_model_get_item (packages, i);
      GtkWidget *row;

      if (g_strcmp0 (cockpit_package_get_id (item), id) != 0)
        continue;
      row = cockpit_window_get_package_row (test_app_window (t.app), i);
      g_assert_nonnull (row);
      for (GtkWidget *w = row; w != NULL; )
        {
          /* Depth first through the row's widgets. */
          if (GTK_IS_IMAGE (w) &&
              g_strcmp0 (cockpit_widget_get_tooltip_text (w), "An upgrade plan waits for your approval") == 0)
            return gtk_widget_get_visible (w);
          if (gtk_widget_get_first_child (w) != NULL)
            w = gtk_widget_get_first_child (w);
          else
            {
              while (w != row && gtk_widget_get_next_sibling (w) == NULL)
                w = gtk_widget_get_parent (w);
              w = w == row ? NULL : gtk_widget_get_next_sibling (w);
            }
        }
      g_error ("The row of %s has no mark", id);
    }
  g_error ("No row for %s", id);
  return FALSE;
}

/* The demo: Globex's plan waits for the approval of UAT, which the app
 * tells as soon as it has loaded the packages, and marks in the sidebar;
 * Hooli's Live upgrade is scheduled for Sunday morning. */
static void
test_seed (void)
{
  CockpitPlan *plan;
  g_autofree char *notification_id = NULL;

  g_application_activate (G_APPLICATION (t.app));
  WAIT_FOR (gtk_application_get_active_window (GTK_APPLICATION (t.app)) != NULL);
  gtk_window_set_default_size (GTK_WINDOW (test_app_window (t.app)), 1100, 1000);
  WAIT_FOR (g_list_model_get_n_items (cockpit_session_get_packages (t.session)) >= 5);
  WAIT_FOR (g_list_model_get_n_items (cockpit_session_get_releases (t.session)) > 0);
  WAIT_FOR (plan_of ("globex") != NULL);

  plan = plan_of ("globex");
  g_assert_nonnull (cockpit_plan_get_step_awaiting_approval (plan));
  notification_id = plan_notification_id (plan);
  WAIT_FOR (notified (notification_id, "UAT of Globex Online Shop is ready for your approval"));
  assert_approve_button (last_notification (notification_id), cockpit_plan_get_id (plan));
  WAIT_FOR (mark_shown ("globex"));
  g_assert_false (mark_shown ("acmeweb"));
  g_assert_false (mark_shown ("hooli"));

  show_package ("globex");
  g_assert_true (enabled ("approve-plan"));
  g_assert_false (enabled ("plan-upgrade"));
  g_assert_cmpstr (cockpit_plan_card_get_status_text (card ()), ==, "UAT is ready for your approval.");
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (t.app)), "plan-window-globex");

  show_package ("hooli");
  g_assert_cmpint (cockpit_plan_get_status (plan_of ("hooli")), ==, COCKPIT_PLAN_STATUS_SCHEDULED);
  test_app_assert_contains (cockpit_plan_card_get_status_text (card ()), "Scheduled: starts on Sunday");
  test_app_assert_contains (cockpit_plan_card_get_status_text (card ()), "06:00 UTC");
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_window (t.app)), "plan-window-hooli");
}

/* Umbrella: Live is protected and Integration torn down, so only UAT can
 * be planned; the others are shown unticked, insensitive, with the reason. */
static void
test_dialog_blocked (void)
{
  CockpitPlanDialog *dialog;
  g_auto(CockpitPlanRequest) request = { 0 };

  g_application_activate (G_APPLICATION (t.app));
  WAIT_FOR (gtk_application_get_active_window (GTK_APPLICATION (t.app)) != NULL);
  gtk_window_set_default_size (GTK_WINDOW (test_app_window (t.app)), 1100, 1000);
  WAIT_FOR (g_list_model_get_n_items (cockpit_session_get_packages (t.session)) >= 4);
  WAIT_FOR (g_list_model_get_n_items (cockpit_session_get_releases (t.session)) > 0);

  show_package ("umbrella");
  dialog = open_dialog ();
  g_assert_false (gtk_check_button_get_active (dialog_child (dialog, "integration_check")));
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "integration_row")));
  g_assert_cmpstr (adw_action_row_get_subtitle (dialog_child (dialog, "integration_row")), !=, "");
  g_assert_false (gtk_check_button_get_active (dialog_child (dialog, "live_check")));
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "live_row")));
  test_app_assert_contains (adw_action_row_get_subtitle (dialog_child (dialog, "live_row")), "protected");
  g_assert_true (gtk_check_button_get_active (dialog_child (dialog, "uat_check")));
  g_assert_true (gtk_widget_get_sensitive (dialog_child (dialog, "uat_row")));

  /* One environment: no gate to choose, and no backup of Live. */
  g_assert_true (cockpit_plan_dialog_get_request (dialog, &request));
  g_assert_cmpuint (request.n_environments, ==, 1);
  g_assert_cmpint (request.environments[0], ==, COCKPIT_ENVIRONMENT_KIND_UAT);
  g_assert_false (request.back_up_live_first);
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "gate_group")));
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "backup_group")));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Acme: the three environments by default, in order; the gate, the start
 * in local time and UTC, the checklist; a start in the past is refused by
 * the model's check before anything is sent. */
static void
test_dialog (void)
{
  CockpitPlanDialog *dialog;
  g_auto(CockpitPlanRequest) request = { 0 };
  g_autoptr(GDateTime) now = cockpit_simulator_get_now (t.sim);
  g_autoptr(GDateTime) past = g_date_time_add_hours (now, -3);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 2);
  g_autofree char *key = NULL;
  const char *subtitle;
  int minimum = 0;

  show_package ("acmeweb");
  g_assert_null (plan_of ("acmeweb"));
  dialog = open_dialog ();
  key = g_strdup (cockpit_plan_dialog_get_idempotency_key (dialog));
  g_assert_nonnull (key);

  g_assert_true (cockpit_plan_dialog_get_request (dialog, &request));
  g_assert_cmpuint (request.n_environments, ==, 3);
  g_assert_cmpint (request.environments[0], ==, COCKPIT_ENVIRONMENT_KIND_INTEGRATION);
  g_assert_cmpint (request.environments[1], ==, COCKPIT_ENVIRONMENT_KIND_UAT);
  g_assert_cmpint (request.environments[2], ==, COCKPIT_ENVIRONMENT_KIND_LIVE);
  g_assert_cmpint (request.gate, ==, COCKPIT_PLAN_GATE_APPROVAL);
  g_assert_null (request.start_at);
  g_assert_true (request.back_up_live_first);
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "gate_group")));
  /* Nothing is sent before the checklist is ticked. */
  g_assert_false (can_create (dialog));
  /* Enter creates the plan once it can be: the primary button is the default. */
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) ==
                 GTK_WIDGET (dialog_child (dialog, "create_button")));
  cockpit_plan_request_clear (&request);

  /* A soak gate of 36 hours, a start in two days. */
  set_check (dialog, "soak_check", TRUE);
  gtk_spin_button_set_value (dialog_child (dialog, "soak_spin"), 36);
  cockpit_plan_dialog_set_start (dialog, later);
  g_assert_true (cockpit_plan_dialog_get_request (dialog, &request));
  g_assert_cmpint (request.gate, ==, COCKPIT_PLAN_GATE_SOAK);
  g_assert_cmpuint (request.soak_hours, ==, 36);
  g_assert_nonnull (request.start_at);
  g_assert_cmpint (g_date_time_get_hour (request.start_at), ==, g_date_time_get_hour (later));
  subtitle = adw_action_row_get_subtitle (dialog_child (dialog, "when_row"));
  test_app_assert_contains (subtitle, "UTC");
  test_app_assert_contains (gtk_label_get_label (dialog_child (dialog, "summary_label")), "36 hours");
  cockpit_plan_request_clear (&request);

  gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("plan dialog: %d px at least", minimum);
  g_assert_cmpint (minimum, <=, 360);
  cockpit_test_save_screenshots (GTK_WIDGET (dialog), "plan-dialog");
  /* Its lower half: what happens, the backup of Live, the checklist. */
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (dialog_child (dialog, "scroller"));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    cockpit_test_save_screenshots (GTK_WIDGET (dialog), "plan-dialog-checklist");
    gtk_adjustment_set_value (adjustment, 0);
  }
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 1600);
  cockpit_test_wait_for_draw (GTK_WIDGET (dialog));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 1600);
  cockpit_test_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, 360);
  cockpit_test_save_screenshots (GTK_WIDGET (dialog), "plan-dialog-360");

  /* The ticks confirm what they say: another soak time, which the
   * testing item names, must be confirmed again. */
  tick_checklist (dialog);
  WAIT_FOR (can_create (dialog));
  gtk_spin_button_set_value (dialog_child (dialog, "soak_spin"), 48);
  g_assert_false (can_create (dialog));

  /* A start that has passed: the model's check says so, nothing is sent. */
  cockpit_plan_dialog_set_start (dialog, past);
  tick_checklist (dialog);
  WAIT_FOR (can_create (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "plan.create", NULL));
  g_assert_nonnull (cockpit_plan_dialog_get_error (dialog));
  g_test_message ("refused: %s", cockpit_plan_dialog_get_error (dialog));
  test_app_refresh (&t);
  g_assert_null (plan_of ("acmeweb"));
  g_assert_cmpstr (cockpit_plan_dialog_get_idempotency_key (dialog), ==, key);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Integration, UAT and Live with an approval at each gate; Live is
 * approved from the notification with no window open. */
static void
test_approval (void)
{
  CockpitPlanDialog *dialog;
  CockpitPlan *plan;
  g_autofree char *plan_id = NULL;
  g_autofree char *notification_id = NULL;
  g_autofree char *key = NULL;
  TestNotification *n;

  show_package ("acmeweb");
  dialog = open_dialog ();
  choose_version (dialog, "6.4.1");

  /* Refused by the cockpit (maintenance began meanwhile): said in the
   * client's words, no plan; once it has ended, the same request goes
   * again with the same key and is accepted. */
  key = g_strdup (cockpit_plan_dialog_get_idempotency_key (dialog));
  test_app_sim_control (t.sim, TOKEN, "/_sim/packages/acmeweb/maintenance",
                        "{\"message\": \"The database is being moved.\"}");
  tick_checklist (dialog);
  WAIT_FOR (can_create (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "plan.create", NULL));
  WAIT_FOR (cockpit_plan_dialog_get_error (dialog) != NULL);
  g_test_message ("refused by the cockpit: %s", cockpit_plan_dialog_get_error (dialog));
  g_assert_null (strstr (cockpit_plan_dialog_get_error (dialog), "409"));
  g_assert_null (strstr (cockpit_plan_dialog_get_error (dialog), "maintenance\""));
  cockpit_test_save_screenshots (GTK_WIDGET (dialog), "plan-dialog-refused");
  test_app_sim_control (t.sim, TOKEN, "/_sim/packages/acmeweb/maintenance", "{\"message\": null}");
  WAIT_FOR (can_create (dialog));
  g_assert_cmpstr (cockpit_plan_dialog_get_idempotency_key (dialog), ==, key);

  plan = create (dialog, "acmeweb");
  plan_id = g_strdup (cockpit_plan_get_id (plan));
  notification_id = plan_notification_id (plan);
  g_assert_cmpint (cockpit_plan_get_gate (plan), ==, COCKPIT_PLAN_GATE_APPROVAL);
  wait_plan_status ("acmeweb", COCKPIT_PLAN_STATUS_RUNNING);
  test_app_assert_contains (cockpit_plan_card_get_status_text (card ()), "Integration");
  g_assert_true (gtk_widget_get_visible (cockpit_package_page_get_flow_diagram (test_app_package_page (t.app))));
  shoot_card ("running");
  cockpit_test_save_screenshots (gtk_widget_get_parent (cockpit_package_page_get_flow_diagram (test_app_package_page (t.app))), "plan-diagram");

  /* Integration done: UAT waits for the approval. */
  test_app_advance (&t, STEP_SECONDS);
  wait_plan_status ("acmeweb", COCKPIT_PLAN_STATUS_WAITING);
  plan = plan_of ("acmeweb");
  g_assert_nonnull (cockpit_plan_get_step_awaiting_approval (plan));
  g_assert_cmpstr (cockpit_plan_card_get_status_text (card ()), ==, "UAT is ready for your approval.");
  WAIT_FOR (notified (notification_id, "UAT of Acme Corporation Website is ready for your approval"));
  n = last_notification (notification_id);
  assert_approve_button (n, plan_id);
  WAIT_FOR (mark_shown ("acmeweb"));
  g_assert_true (enabled ("approve-plan"));
  g_assert_true (enabled ("cancel-plan"));
  g_assert_false (enabled ("plan-upgrade"));
  shoot_card ("waiting-approval");
  cockpit_test_save_screenshots (gtk_widget_get_parent (cockpit_package_page_get_flow_diagram (test_app_package_page (t.app))), "plan-diagram-waiting");

  /* Approve UAT on the card: the question leaves the desktop. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test_app_package_page (t.app)), "win.approve-plan", NULL));
  wait_plan_status ("acmeweb", COCKPIT_PLAN_STATUS_RUNNING);
  WAIT_FOR (g_ptr_array_find_with_equal_func (session.withdrawn, notification_id, g_str_equal, NULL));
  g_ptr_array_set_size (session.withdrawn, 0);
  WAIT_FOR (!mark_shown ("acmeweb"));
  g_assert_cmpint (cockpit_plan_step_get_status (cockpit_plan_get_step (plan_of ("acmeweb"), COCKPIT_ENVIRONMENT_KIND_UAT)),
                   ==, COCKPIT_PLAN_STEP_STATUS_RUNNING);
  g_assert_false (enabled ("approve-plan"));

  /* UAT done: Live waits.  Approved from the notification, no window open. */
  test_app_advance (&t, STEP_SECONDS);
  wait_plan_status ("acmeweb", COCKPIT_PLAN_STATUS_WAITING);
  WAIT_FOR (notified (notification_id, "Live of Acme Corporation Website is ready for your approval"));
  gtk_window_destroy (GTK_WINDOW (test_app_window (t.app)));
  WAIT_FOR (gtk_application_get_active_window (GTK_APPLICATION (t.app)) == NULL);
  g_assert_false (g_ptr_array_find_with_equal_func (session.withdrawn, notification_id, g_str_equal, NULL));
  g_action_group_activate_action (G_ACTION_GROUP (t.app), "approve-plan", g_variant_new_string (plan_id));
  WAIT_FOR (cockpit_plan_get_status (plan_of ("acmeweb")) == COCKPIT_PLAN_STATUS_RUNNING);
  g_assert_cmpstr (cockpit_plan_step_get_approved_by (cockpit_plan_get_step (plan_of ("acmeweb"), COCKPIT_ENVIRONMENT_KIND_LIVE)),
                   !=, NULL);
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (t.app)));
  WAIT_FOR (g_ptr_array_find_with_equal_func (session.withdrawn, notification_id, g_str_equal, NULL));

  /* Live (its backup, then its upgrade) done: the plan has succeeded. */
  test_app_advance (&t, STEP_SECONDS);
  wait_plan_status ("acmeweb", COCKPIT_PLAN_STATUS_SUCCEEDED);
  WAIT_FOR (notified (notification_id, "Upgrade plan of Acme Corporation Website done"));
  test_app_assert_contains (test_notification_get (last_notification (notification_id), "body"), "6.4.1");
  for (int kind = COCKPIT_ENVIRONMENT_KIND_INTEGRATION; kind <= COCKPIT_ENVIRONMENT_KIND_LIVE; kind++)
    if (cockpit_package_get_environment (test_app_package (&t, "acmeweb"), kind) != NULL)
      g_assert_cmpstr (cockpit_environment_get_magnolia_version (cockpit_package_get_environment (test_app_package (&t, "acmeweb"), kind)),
                       ==, "6.4.1");
  show_package ("acmeweb");
  test_app_assert_contains (cockpit_plan_card_get_status_text (card ()), "every environment of the plan is on 6.4.1");
  shoot_card ("succeeded");
  test_app_advance (&t, BACKUP_GONE_SECONDS);
}

/* A soak gate of one hour: the next environment starts by itself once
 * the clock has passed it. */
static void
test_soak (void)
{
  CockpitPlanDialog *dialog;
  CockpitPlan *plan;
  CockpitPlanStep *uat;
  g_autofree char *step_text = NULL;
  g_autofree char *notification_id = NULL;

  show_package ("acmeweb");
  dialog = open_dialog ();
  choose_version (dialog, "6.4.2");
  set_check (dialog, "soak_check", TRUE);
  gtk_spin_button_set_value (dialog_child (dialog, "soak_spin"), 1);
  plan = create (dialog, "acmeweb");
  notification_id = plan_notification_id (plan);
  g_assert_cmpint (cockpit_plan_get_gate (plan), ==, COCKPIT_PLAN_GATE_SOAK);
  g_assert_cmpuint (cockpit_plan_get_soak_hours (plan), ==, 1);

  test_app_advance (&t, STEP_SECONDS);
  wait_plan_status ("acmeweb", COCKPIT_PLAN_STATUS_WAITING);
  plan = plan_of ("acmeweb");
  uat = cockpit_plan_get_step (plan, COCKPIT_ENVIRONMENT_KIND_UAT);
  g_assert_nonnull (cockpit_plan_step_get_gate_opens_at (uat));
  g_assert_null (cockpit_plan_get_step_awaiting_approval (plan));
  g_assert_false (enabled ("approve-plan"));
  step_text = cockpit_plan_card_dup_step_text (card (), COCKPIT_ENVIRONMENT_KIND_UAT);
  test_app_assert_contains (step_text, "Starts by itself on");
  shoot_card ("waiting-soak");

  /* The clock passes the gate: UAT starts by itself, and the desktop is told. */
  {
    g_autoptr(GDateTime) now = cockpit_simulator_get_now (t.sim);

    test_app_advance (&t, g_date_time_difference (cockpit_plan_step_get_gate_opens_at (uat), now) / G_TIME_SPAN_SECOND + 10);
  }
  wait_plan_status ("acmeweb", COCKPIT_PLAN_STATUS_RUNNING);
  g_assert_cmpint (cockpit_plan_step_get_status (cockpit_plan_get_step (plan_of ("acmeweb"), COCKPIT_ENVIRONMENT_KIND_UAT)),
                   ==, COCKPIT_PLAN_STEP_STATUS_RUNNING);
  WAIT_FOR (notified (notification_id, "Upgrade of UAT of Acme Corporation Website started"));

  test_app_advance (&t, STEP_SECONDS);
  wait_plan_status ("acmeweb", COCKPIT_PLAN_STATUS_WAITING);
  test_app_advance (&t, 3600 + 60);
  test_app_advance (&t, STEP_SECONDS);
  wait_plan_status ("acmeweb", COCKPIT_PLAN_STATUS_SUCCEEDED);
  test_app_advance (&t, BACKUP_GONE_SECONDS);
}

/* The upgrade of UAT fails: the plan fails, Live is never upgraded. */
static void
test_failure (void)
{
  CockpitPlanDialog *dialog;
  CockpitPlan *plan;
  g_autofree char *notification_id = NULL;
  const char *live_before;

  show_package ("acmeweb");
  live_before = cockpit_environment_get_magnolia_version (cockpit_package_get_environment (test_app_package (&t, "acmeweb"),
                                                                                          COCKPIT_ENVIRONMENT_KIND_LIVE));
  g_assert_cmpstr (live_before, ==, "6.4.2");
  dialog = open_dialog ();
  choose_version (dialog, "6.4.3");
  plan = create (dialog, "acmeweb");
  notification_id = plan_notification_id (plan);
  test_app_advance (&t, STEP_SECONDS);
  wait_plan_status ("acmeweb", COCKPIT_PLAN_STATUS_WAITING);

  test_app_sim_control (t.sim, TOKEN, "/_sim/fail-next", "{\"stage\": \"verify_replica\"}");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test_app_package_page (t.app)), "win.approve-plan", NULL));
  wait_plan_status ("acmeweb", COCKPIT_PLAN_STATUS_RUNNING);
  test_app_advance (&t, STEP_SECONDS);
  wait_plan_status ("acmeweb", COCKPIT_PLAN_STATUS_FAILED);
  plan = plan_of ("acmeweb");
  g_assert_nonnull (cockpit_plan_get_error (plan));
  g_assert_cmpint (cockpit_plan_step_get_status (cockpit_plan_get_step (plan, COCKPIT_ENVIRONMENT_KIND_UAT)),
                   ==, COCKPIT_PLAN_STEP_STATUS_FAILED);
  g_assert_cmpint (cockpit_plan_step_get_status (cockpit_plan_get_step (plan, COCKPIT_ENVIRONMENT_KIND_LIVE)),
                   ==, COCKPIT_PLAN_STEP_STATUS_SKIPPED);
  {
    g_autofree char *live_text = cockpit_plan_card_dup_step_text (card (), COCKPIT_ENVIRONMENT_KIND_LIVE);

    g_assert_cmpstr (live_text, ==, "Not upgraded: the plan stopped at the failure");
  }
  WAIT_FOR (notified (notification_id, "Upgrade plan of Acme Corporation Website failed"));
  test_app_assert_contains (test_notification_get (last_notification (notification_id), "body"), "Nothing after it was upgraded.");
  test_app_assert_contains (cockpit_plan_card_get_status_text (card ()), "The upgrade of UAT failed");
  g_assert_false (enabled ("cancel-plan"));
  g_assert_true (enabled ("plan-upgrade"));
  shoot_card ("failed");

  /* Time goes by; Live stays where it was. */
  test_app_advance (&t, 10 * STEP_SECONDS);
  g_assert_cmpstr (cockpit_environment_get_magnolia_version (cockpit_package_get_environment (test_app_package (&t, "acmeweb"),
                                                                                             COCKPIT_ENVIRONMENT_KIND_LIVE)),
                   ==, "6.4.2");
}

/* Cancelled while Live waits for its approval, after a confirmation. */
static void
test_cancel (void)
{
  CockpitPlanDialog *dialog;
  CockpitPlan *plan;
  AdwMessageDialog *question;
  g_autofree char *notification_id = NULL;

  show_package ("acmeweb");
  dialog = open_dialog ();
  choose_version (dialog, "6.4.3");
  /* Integration is on 6.4.3 already: it cannot be planned for it. */
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "integration_row")));
  plan = create (dialog, "acmeweb");
  notification_id = plan_notification_id (plan);
  g_assert_cmpuint (g_list_model_get_n_items (cockpit_plan_get_steps (plan)), ==, 2);
  test_app_advance (&t, STEP_SECONDS);
  wait_plan_status ("acmeweb", COCKPIT_PLAN_STATUS_WAITING);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test_app_package_page (t.app)), "win.cancel-plan", NULL));
  WAIT_FOR ((question = cockpit_package_page_get_dialog (test_app_package_page (t.app))) != NULL);
  /* Keeping it does nothing. */
  adw_message_dialog_response (question, "cancel");
  gtk_window_destroy (GTK_WINDOW (question));
  test_app_refresh (&t);
  g_assert_cmpint (cockpit_plan_get_status (plan_of ("acmeweb")), ==, COCKPIT_PLAN_STATUS_WAITING);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test_app_package_page (t.app)), "win.cancel-plan", NULL));
  WAIT_FOR ((question = cockpit_package_page_get_dialog (test_app_package_page (t.app))) != NULL);
  adw_message_dialog_response (question, "confirm");
  gtk_window_destroy (GTK_WINDOW (question));
  wait_plan_status ("acmeweb", COCKPIT_PLAN_STATUS_CANCELLED);
  g_assert_cmpint (cockpit_plan_step_get_status (cockpit_plan_get_step (plan_of ("acmeweb"), COCKPIT_ENVIRONMENT_KIND_LIVE)),
                   ==, COCKPIT_PLAN_STEP_STATUS_CANCELLED);
  /* Cancelled by the user's own hand: a toast says it, and the question
   * on the desktop, no longer asked, is withdrawn. */
  WAIT_FOR (g_strcmp0 (cockpit_window_get_last_toast (test_app_window (t.app)), "Upgrade plan cancelled.") == 0);
  WAIT_FOR (g_ptr_array_find_with_equal_func (session.withdrawn, notification_id, g_str_equal, NULL));
  test_app_assert_contains (cockpit_plan_card_get_status_text (card ()), "Cancelled on");
  shoot_card ("cancelled");
  test_app_advance (&t, BACKUP_GONE_SECONDS);
}

/* A scheduled upgrade: Live alone, at a time two days ahead. */
static void
test_scheduled (void)
{
  CockpitPlanDialog *dialog;
  CockpitPlan *plan;
  g_autoptr(GDateTime) now = cockpit_simulator_get_now (t.sim);
  g_autoptr(GDateTime) start = g_date_time_add_days (now, 2);
  g_autofree char *notification_id = NULL;
  g_autofree char *step_text = NULL;

  show_package ("acmeweb");
  dialog = open_dialog ();
  choose_version (dialog, "6.4.3");
  set_check (dialog, "uat_check", FALSE);
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "gate_group")));
  cockpit_plan_dialog_set_start (dialog, start);
  plan = create (dialog, "acmeweb");
  notification_id = plan_notification_id (plan);
  g_assert_cmpint (cockpit_plan_get_status (plan), ==, COCKPIT_PLAN_STATUS_SCHEDULED);
  g_assert_nonnull (cockpit_plan_get_start_at (plan));
  test_app_assert_contains (cockpit_plan_card_get_status_text (card ()), "Scheduled: starts on");
  test_app_assert_contains (cockpit_plan_card_get_status_text (card ()), "UTC");
  step_text = cockpit_plan_card_dup_step_text (card (), COCKPIT_ENVIRONMENT_KIND_LIVE);
  test_app_assert_contains (step_text, "Starts on");
  g_assert_true (enabled ("cancel-plan"));
  shoot_card ("scheduled");

  /* Not a minute early. */
  test_app_advance (&t, 2 * 24 * 3600 - 600);
  g_assert_cmpint (cockpit_plan_get_status (plan_of ("acmeweb")), ==, COCKPIT_PLAN_STATUS_SCHEDULED);
  {
    g_autoptr(GDateTime) before = cockpit_simulator_get_now (t.sim);

    test_app_advance (&t, g_date_time_difference (cockpit_plan_get_start_at (plan_of ("acmeweb")), before) / G_TIME_SPAN_SECOND + 10);
  }
  wait_plan_status ("acmeweb", COCKPIT_PLAN_STATUS_RUNNING);
  WAIT_FOR (notified (notification_id, "Upgrade of Live of Acme Corporation Website started"));
  test_app_advance (&t, STEP_SECONDS);
  wait_plan_status ("acmeweb", COCKPIT_PLAN_STATUS_SUCCEEDED);
  g_assert_cmpstr (cockpit_environment_get_magnolia_version (cockpit_package_get_environment (test_app_package (&t, "acmeweb"),
                                                                                             COCKPIT_ENVIRONMENT_KIND_LIVE)),
                   ==, "6.4.3");
}

/* "Approve" clicked while the app is not signed in yet (D-Bus started it
 * for the click): the approval waits for the session, then is sent. */
static void
test_approve_before_sign_in (void)
{
  g_autofree char *plan_id = NULL;

  test_app_refresh (&t);
  g_assert_nonnull (plan_of ("globex"));
  g_assert_nonnull (cockpit_plan_get_step_awaiting_approval (plan_of ("globex")));
  plan_id = g_strdup (cockpit_plan_get_id (plan_of ("globex")));

  while (gtk_application_get_active_window (GTK_APPLICATION (t.app)) != NULL)
    gtk_window_destroy (gtk_application_get_active_window (GTK_APPLICATION (t.app)));
  g_object_ref (t.session);
  cockpit_application_set_session (t.app, NULL);
  g_action_group_activate_action (G_ACTION_GROUP (t.app), "approve-plan", g_variant_new_string (plan_id));
  test_app_refresh (&t);
  g_assert_cmpint (cockpit_plan_get_status (plan_of ("globex")), ==, COCKPIT_PLAN_STATUS_WAITING);

  cockpit_application_set_session (t.app, t.session);
  g_object_unref (t.session);
  WAIT_FOR (cockpit_plan_get_status (cockpit_session_find_plan (t.session, plan_id)) == COCKPIT_PLAN_STATUS_RUNNING);
  g_assert_nonnull (cockpit_plan_step_get_approved_by (cockpit_plan_get_step (plan_of ("globex"), COCKPIT_ENVIRONMENT_KIND_UAT)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The tests follow each other as one story, in the order added. */
  test_app_start_story (&t, &session, TOKEN, STAGE_SECONDS);

  g_test_add_func ("/cockpit/plans/0-seed", test_seed);
  g_test_add_func ("/cockpit/plans/1-dialog-blocked", test_dialog_blocked);
  g_test_add_func ("/cockpit/plans/2-dialog-choices", test_dialog);
  g_test_add_func ("/cockpit/plans/3-approval", test_approval);
  g_test_add_func ("/cockpit/plans/4-soak", test_soak);
  g_test_add_func ("/cockpit/plans/5-failure", test_failure);
  g_test_add_func ("/cockpit/plans/6-cancel", test_cancel);
  g_test_add_func ("/cockpit/plans/7-scheduled", test_scheduled);
  g_test_add_func ("/cockpit/plans/8-approve-before-sign-in", test_approve_before_sign_in);

  return test_app_run_story (&t, &session);
}
