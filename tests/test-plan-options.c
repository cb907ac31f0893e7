/* test-plan-options.c: the gate, the start, the backup of Live and the checklist that both plan dialogs share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CockpitPlanOptions alone, in a window: what it puts in a request for
 * each choice, the checklist and what its ticks confirm, the start in
 * local time and UTC, and its one property and signal.  The dialogs'
 * own tests (test-plans.c, test-fleet-plan.c) follow the same choices to
 * the plans the simulator makes.
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "cockpit-plan-options.h"
#include "test-ui-util.h"

static gpointer
child (CockpitPlanOptions *options,
       const char         *name)
{
  GObject *found = gtk_widget_get_template_child (GTK_WIDGET (options), COCKPIT_TYPE_PLAN_OPTIONS, name);

  g_assert_nonnull (found);
  return found;
}

static void
count_cb (GObject *object,
          gpointer data,
          guint   *count)
{
  (*count)++;
}

static void
changed_cb (CockpitPlanOptions *options,
            guint              *count)
{
  (*count)++;
}

static void
tick (CockpitPlanOptions *options,
      guint               n)
{
  GtkListBox *checks = child (options, "checks_box");

  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (checks, i);

      g_assert_nonnull (row);
      gtk_widget_activate (GTK_WIDGET (row));
    }
}

static void
test_create_destroy (void)
{
  GtkWidget *options = cockpit_plan_options_new ();

  g_object_ref_sink (options);
  g_assert_true (COCKPIT_IS_PLAN_OPTIONS (options));
  g_assert_false (cockpit_plan_options_get_checklist_complete (COCKPIT_PLAN_OPTIONS (options)));
  g_assert_finalize_object (options);
}

/* The defaults, then each choice as it goes into the request. */
static void
test_request (void)
{
  CockpitPlanOptions *options = COCKPIT_PLAN_OPTIONS (g_object_ref_sink (cockpit_plan_options_new ()));
  g_auto(CockpitPlanRequest) request = { 0 };
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 12, 6, 6, 30, 0);

  cockpit_plan_options_fill_request (options, &request);
  g_assert_cmpint (request.gate, ==, COCKPIT_PLAN_GATE_APPROVAL);
  g_assert_cmpuint (request.soak_hours, ==, 0);
  g_assert_null (request.start_at);
  g_assert_true (request.back_up_live_first);

  gtk_check_button_set_active (child (options, "soak_check"), TRUE);
  gtk_spin_button_set_value (child (options, "soak_spin"), 36);
  cockpit_plan_options_set_start (options, start);
  gtk_switch_set_active (child (options, "backup_switch"), FALSE);
  cockpit_plan_options_fill_request (options, &request);
  g_assert_cmpint (request.gate, ==, COCKPIT_PLAN_GATE_SOAK);
  g_assert_cmpuint (request.soak_hours, ==, 36);
  g_assert_nonnull (request.start_at);
  g_assert_true (g_date_time_equal (request.start_at, start));
  g_assert_false (request.back_up_live_first);

  /* The backup is asked for only while Live is upgraded. */
  gtk_switch_set_active (child (options, "backup_switch"), TRUE);
  cockpit_plan_options_set_live_included (options, FALSE);
  g_assert_false (gtk_widget_get_visible (child (options, "backup_group")));
  cockpit_plan_options_fill_request (options, &request);
  g_assert_false (request.back_up_live_first);
  cockpit_plan_options_set_live_included (options, TRUE);
  cockpit_plan_options_fill_request (options, &request);
  g_assert_true (request.back_up_live_first);

  /* "Now" again: no start. */
  gtk_check_button_set_active (child (options, "now_check"), TRUE);
  cockpit_plan_options_fill_request (options, &request);
  g_assert_null (request.start_at);
  g_assert_null (cockpit_plan_options_dup_start (options));

  cockpit_plan_options_set_show_gate (options, FALSE);
  g_assert_false (gtk_widget_get_visible (child (options, "gate_group")));
  g_assert_finalize_object (options);
}

/* The start in local time and UTC (the tests run with TZ=UTC, so this
 * one sets Berlin's zone, an hour ahead in winter); the day offered by
 * default is tomorrow. */
static void
test_start (void)
{
  CockpitPlanOptions *options = COCKPIT_PLAN_OPTIONS (g_object_ref_sink (cockpit_plan_options_new ()));
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 2, 22, 0, 0);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 12, 6, 6, 30, 0);
  g_autoptr(GDateTime) chosen = NULL;
  GtkCalendar *calendar = child (options, "calendar");
  const char *subtitle;

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  cockpit_plan_options_set_default_day (options, now);
  {
    g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);

    g_assert_cmpint (g_date_time_get_day_of_month (day), ==, 3);
  }
  g_assert_false (gtk_widget_get_sensitive (child (options, "when_row")));
  cockpit_plan_options_set_start (options, start);
  g_assert_true (gtk_widget_get_sensitive (child (options, "when_row")));
  subtitle = adw_action_row_get_subtitle (child (options, "when_row"));
  g_test_message ("starts: %s", subtitle);
  g_assert_nonnull (strstr (subtitle, "at 07:30 ("));
  g_assert_nonnull (strstr (subtitle, "2026-12-06 06:30 UTC"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (options, "hour_spin")), ==, 7);
  chosen = cockpit_plan_options_dup_start (options);
  g_assert_true (g_date_time_equal (chosen, start));
  g_setenv ("TZ", "UTC", TRUE);
  g_assert_finalize_object (options);
}

/* Every item ticked, and only then; another choice to confirm unticks
 * them all; "checklist-complete" is notified once per real change, and
 * "changed" once per tick. */
static void
test_checklist (void)
{
  CockpitPlanOptions *options = COCKPIT_PLAN_OPTIONS (g_object_ref_sink (cockpit_plan_options_new ()));
  GtkListBox *checks = child (options, "checks_box");
  GtkWidget *window = gtk_window_new ();
  guint notified = 0;
  guint changed = 0;

  /* Rows are activated as a person does, in a window. */
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (options));
  gtk_window_present (GTK_WINDOW (window));

  cockpit_plan_options_set_checklist (options, "I have read the release notes of 6.4.3",
                                      "I have tested this version on Integration", "6.4.3/a");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (checks, 0))),
                   ==, "I have read the release notes of 6.4.3");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (checks, 3))),
                   ==, "I have checked the Definitions app for deprecated definitions");
  g_assert_null (gtk_list_box_get_row_at_index (checks, 4));
  g_signal_connect (options, "notify::checklist-complete", G_CALLBACK (count_cb), &notified);
  g_signal_connect (options, "changed", G_CALLBACK (changed_cb), &changed);

  tick (options, 3);
  g_assert_false (cockpit_plan_options_get_checklist_complete (options));
  g_assert_cmpuint (notified, ==, 0);
  g_assert_cmpuint (changed, ==, 3);
  tick (options, 4);   /* the first three again: unticked, then ticked below */
  g_assert_false (cockpit_plan_options_get_checklist_complete (options));
  tick (options, 3);
  g_assert_true (cockpit_plan_options_get_checklist_complete (options));
  g_assert_cmpuint (notified, ==, 1);

  /* The same choices: the ticks stay. */
  cockpit_plan_options_set_checklist (options, "I have read the release notes of 6.4.3",
                                      "I have tested this version on Integration", "6.4.3/a");
  g_assert_true (cockpit_plan_options_get_checklist_complete (options));
  g_assert_cmpuint (notified, ==, 1);

  /* Another version: every item again, said once. */
  changed = 0;
  cockpit_plan_options_set_checklist (options, "I have read the release notes of 6.4.1",
                                      "I have tested this version on Integration", "6.4.1/a");
  g_assert_false (cockpit_plan_options_get_checklist_complete (options));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (changed, ==, 0);
  for (guint i = 0; i < 4; i++)
    {
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (checks, i)));

      g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (options);
}

/* "What Happens": a text given as NULL is hidden. */
static void
test_texts (void)
{
  CockpitPlanOptions *options = COCKPIT_PLAN_OPTIONS (g_object_ref_sink (cockpit_plan_options_new ()));
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (options));
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 1400);
  cockpit_plan_options_set_texts (options, "Two packages get a plan each.", NULL, "The previous installation is kept.");
  g_assert_cmpstr (gtk_label_get_label (child (options, "summary_label")), ==, "Two packages get a plan each.");
  g_assert_false (gtk_widget_get_visible (child (options, "blue_green_label")));
  g_assert_true (gtk_widget_get_visible (child (options, "previous_label")));
  gtk_window_present (GTK_WINDOW (window));
  cockpit_test_wait_for_draw (window);
  cockpit_test_save_screenshot (window, "plan-options");
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (options);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/cockpit/plan-options/create-destroy", test_create_destroy);
  g_test_add_func ("/cockpit/plan-options/request", test_request);
  g_test_add_func ("/cockpit/plan-options/start", test_start);
  g_test_add_func ("/cockpit/plan-options/checklist", test_checklist);
  g_test_add_func ("/cockpit/plan-options/texts", test_texts);

  return g_test_run ();
}
