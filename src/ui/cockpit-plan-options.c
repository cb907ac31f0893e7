/* cockpit-plan-options.c: the gate, the start, the backup of Live and the checklist of a plan, shared by both plan dialogs.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan for one package (CockpitPlanDialog) and plans for several
 * (CockpitFleetPlanDialog) ask the same questions after the version and
 * the environments: what happens between environments, when the plan
 * starts (now, or a date and time shown in local time and UTC), whether
 * Live is backed up first, and the checklist.  This widget asks them once;
 * the dialog says what happens and what the first two items of the
 * checklist are, and reads the answers into its CockpitPlanRequest.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-plan-options.h"
#include "cockpit-upgrade-texts.h"
#include "cockpit-widget-util.h"

#define N_CHECKS 4

struct _CockpitPlanOptions
{
  GtkBox parent_instance;

  /* Template widgets */
  GtkWidget         *gate_group;
  GtkCheckButton    *approval_check;
  GtkCheckButton    *soak_check;
  GtkSpinButton     *soak_spin;
  GtkCheckButton    *now_check;
  GtkCheckButton    *later_check;
  AdwActionRow      *when_row;
  GtkCalendar       *calendar;
  GtkSpinButton     *hour_spin;
  GtkSpinButton     *minute_spin;
  GtkWidget         *backup_group;
  GtkSwitch         *backup_switch;
  GtkLabel          *summary_label;
  GtkLabel          *blue_green_label;
  GtkLabel          *previous_label;
  GtkListBox        *checks_box;

  /* State */
  GtkCheckButton    *checks[N_CHECKS];
  AdwActionRow      *check_rows[N_CHECKS];
  char              *confirmed_for;  /* what the ticks were given for */
  gboolean           live_included;
  gboolean           complete;
  guint              quiet;          /* > 0 while the dialog sets things itself */
};

G_DEFINE_FINAL_TYPE (CockpitPlanOptions, cockpit_plan_options, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CHECKLIST_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The date and time of the calendar and the spin buttons, in UTC,
 * whether or not "At a date and time" is chosen. */
static GDateTime *
dup_chosen_time (CockpitPlanOptions *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) local = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                      g_date_time_get_day_of_month (day),
                                                      gtk_spin_button_get_value_as_int (self->hour_spin),
                                                      gtk_spin_button_get_value_as_int (self->minute_spin), 0);

  return local != NULL ? g_date_time_to_utc (local) : NULL;
}

/* "Sunday 6 December 2026 at 06:00 (2026-12-06 06:00 UTC)" */
static char *
format_start (GDateTime *start)
{
  g_autofree char *local = cockpit_format_date_time (start, COCKPIT_DATE_LONG);
  g_autofree char *utc = cockpit_format_date_time (start, COCKPIT_DATE_UTC);

  /* Translators: a time in local time, then the same in UTC */
  return g_strdup_printf (_("%s (%s)"), local, utc);
}

static gboolean
all_checked (CockpitPlanOptions *self)
{
  for (guint i = 0; i < N_CHECKS; i++)
    if (!gtk_check_button_get_active (self->checks[i]))
      return FALSE;
  return TRUE;
}

static void
update_complete (CockpitPlanOptions *self)
{
  gboolean complete = all_checked (self);

  if (complete == self->complete)
    return;
  self->complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST_COMPLETE]);
}

/* The start, as it will be written in the plan: local time and UTC. */
static void
update_when (CockpitPlanOptions *self)
{
  g_autoptr(GDateTime) start = dup_chosen_time (self);
  g_autofree char *when = start != NULL ? format_start (start) : NULL;

  adw_action_row_set_subtitle (self->when_row, when != NULL ? when : "");
}

static void
inputs_changed_cb (CockpitPlanOptions *self)
{
  update_when (self);
  update_complete (self);
  if (self->quiet == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

GDateTime *
cockpit_plan_options_dup_start (CockpitPlanOptions *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN_OPTIONS (self), NULL);

  if (!gtk_check_button_get_active (self->later_check))
    return NULL;
  return dup_chosen_time (self);
}

void
cockpit_plan_options_fill_request (CockpitPlanOptions *self,
                                   CockpitPlanRequest *request)
{
  g_return_if_fail (COCKPIT_IS_PLAN_OPTIONS (self));
  g_return_if_fail (request != NULL);

  request->gate = gtk_check_button_get_active (self->soak_check) ? COCKPIT_PLAN_GATE_SOAK : COCKPIT_PLAN_GATE_APPROVAL;
  request->soak_hours = request->gate == COCKPIT_PLAN_GATE_SOAK
                        ? (guint) gtk_spin_button_get_value_as_int (self->soak_spin) : 0;
  g_clear_pointer (&request->start_at, g_date_time_unref);
  request->start_at = cockpit_plan_options_dup_start (self);
  request->back_up_live_first = self->live_included && gtk_switch_get_active (self->backup_switch);
}

void
cockpit_plan_options_set_start (CockpitPlanOptions *self,
                                GDateTime          *start)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (COCKPIT_IS_PLAN_OPTIONS (self));
  g_return_if_fail (start != NULL);

  local = g_date_time_to_local (start);
  self->quiet++;
  gtk_calendar_select_day (self->calendar, local);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));
  gtk_check_button_set_active (self->later_check, TRUE);
  self->quiet--;
  inputs_changed_cb (self);
}

void
cockpit_plan_options_set_default_day (CockpitPlanOptions *self,
                                      GDateTime          *now)
{
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (COCKPIT_IS_PLAN_OPTIONS (self));
  g_return_if_fail (now != NULL);

  /* A maintenance window begins by default tomorrow at 06:00, local time
   * (the hour is the template's). */
  tomorrow = g_date_time_add_days (now, 1);
  local = g_date_time_to_local (tomorrow);
  self->quiet++;
  gtk_calendar_select_day (self->calendar, local);
  self->quiet--;
  inputs_changed_cb (self);
}

void
cockpit_plan_options_set_show_gate (CockpitPlanOptions *self,
                                    gboolean            show_gate)
{
  g_return_if_fail (COCKPIT_IS_PLAN_OPTIONS (self));

  gtk_widget_set_visible (self->gate_group, show_gate);
}

void
cockpit_plan_options_set_live_included (CockpitPlanOptions *self,
                                        gboolean            live_included)
{
  g_return_if_fail (COCKPIT_IS_PLAN_OPTIONS (self));

  self->live_included = !!live_included;
  gtk_widget_set_visible (self->backup_group, self->live_included);
}

static void
set_text (GtkLabel   *label,
          const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

void
cockpit_plan_options_set_texts (CockpitPlanOptions *self,
                                const char         *summary,
                                const char         *blue_green,
                                const char         *previous)
{
  g_return_if_fail (COCKPIT_IS_PLAN_OPTIONS (self));

  set_text (self->summary_label, summary);
  set_text (self->blue_green_label, blue_green);
  set_text (self->previous_label, previous);
}

void
cockpit_plan_options_set_checklist (CockpitPlanOptions *self,
                                    const char         *notes,
                                    const char         *tested,
                                    const char         *confirmed_for)
{
  g_return_if_fail (COCKPIT_IS_PLAN_OPTIONS (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->check_rows[0]), notes != NULL ? notes : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->check_rows[1]), tested != NULL ? tested : "");
  /* The ticks confirm what they say: another choice is confirmed again. */
  if (g_strcmp0 (confirmed_for, self->confirmed_for) != 0)
    {
      self->quiet++;
      for (guint i = 0; i < N_CHECKS; i++)
        gtk_check_button_set_active (self->checks[i], FALSE);
      self->quiet--;
      g_free (self->confirmed_for);
      self->confirmed_for = g_strdup (confirmed_for);
      update_complete (self);
    }
}

gboolean
cockpit_plan_options_get_checklist_complete (CockpitPlanOptions *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN_OPTIONS (self), FALSE);

  return self->complete;
}

GtkWidget *
cockpit_plan_options_new (void)
{
  return g_object_new (COCKPIT_TYPE_PLAN_OPTIONS, NULL);
}

static GtkWidget *
create_check_row (CockpitPlanOptions  *self,
                  const char          *title,
                  GtkCheckButton     **check_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (title != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_signal_connect_object (check, "toggled", G_CALLBACK (inputs_changed_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  /* One stop of Tab a row: the check box, named after the row. */
  gtk_widget_set_focusable (row, FALSE);
  *check_out = GTK_CHECK_BUTTON (check);
  return row;
}

static void
cockpit_plan_options_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CockpitPlanOptions *self = COCKPIT_PLAN_OPTIONS (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_plan_options_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), COCKPIT_TYPE_PLAN_OPTIONS);

  G_OBJECT_CLASS (cockpit_plan_options_parent_class)->dispose (object);
}

static void
cockpit_plan_options_finalize (GObject *object)
{
  CockpitPlanOptions *self = COCKPIT_PLAN_OPTIONS (object);

  g_clear_pointer (&self->confirmed_for, g_free);

  G_OBJECT_CLASS (cockpit_plan_options_parent_class)->finalize (object);
}

static void
cockpit_plan_options_class_init (CockpitPlanOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cockpit_plan_options_get_property;
  object_class->dispose = cockpit_plan_options_dispose;
  object_class->finalize = cockpit_plan_options_finalize;

  properties[PROP_CHECKLIST_COMPLETE] =
    g_param_spec_boolean ("checklist-complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cockpit-plan-options.ui");
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanOptions, gate_group);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanOptions, approval_check);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanOptions, soak_check);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanOptions, soak_spin);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanOptions, now_check);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanOptions, later_check);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanOptions, when_row);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanOptions, calendar);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanOptions, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanOptions, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanOptions, backup_group);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanOptions, backup_switch);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanOptions, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanOptions, blue_green_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanOptions, previous_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanOptions, checks_box);
  gtk_widget_class_bind_template_child_full (widget_class, "date_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, inputs_changed_cb);
  gtk_widget_class_set_css_name (widget_class, "plan-options");
}

/* The tooltips of the template's children (cockpit-widget-util.c says
 * why they are not in the .ui file). */
static const char * const template_tooltips[] = {
  "date_button", N_("Choose the date and time"),
  NULL
};

static void
cockpit_plan_options_init (CockpitPlanOptions *self)
{
  const char * const *common = cockpit_upgrade_text_common_checks ();

  self->quiet++;
  gtk_widget_init_template (GTK_WIDGET (self));
  cockpit_widget_set_template_tooltips (GTK_WIDGET (self), COCKPIT_TYPE_PLAN_OPTIONS, template_tooltips);
  for (guint i = 0; i < N_CHECKS; i++)
    {
      GtkWidget *row = create_check_row (self, i >= 2 ? common[i - 2] : NULL, &self->checks[i]);

      self->check_rows[i] = ADW_ACTION_ROW (row);
      gtk_list_box_append (self->checks_box, row);
    }
  self->live_included = TRUE;
  update_when (self);
  self->quiet--;
}
