/* cockpit-plan-card.c: the upgrade plan of a package, its steps, gates and buttons, on the package page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card shows the plan the session keeps for the package: the active
 * one, or the last one seen to end, so that a success, a failure (with
 * the cockpit's message and what to do) or a cancel stays in sight.  Its
 * buttons are the window's actions win.approve-plan and win.cancel-plan,
 * which the window enables from the one availability answer.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-a11y.h"
#include "cockpit-plan-card.h"
#include "cockpit-widget-util.h"

struct _CockpitPlanCard
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget      *box;
  GtkImage       *status_icon;
  GtkLabel       *title_label;
  GtkLabel       *status_label;
  GtkListBox     *steps_list;
  GtkLabel       *gate_label;
  GtkLabel       *error_label;
  GtkLabel       *advice_label;
  GtkWidget      *button_box;
  GtkWidget      *approve_button;
  GtkWidget      *cancel_button;

  /* Owned references */
  CockpitSession *session;
  CockpitPackage *package;
  CockpitPlan    *plan;
};

G_DEFINE_FINAL_TYPE (CockpitPlanCard, cockpit_plan_card, GTK_TYPE_WIDGET)

static char *
format_local (GDateTime *time)
{
  return cockpit_format_date_time (time, COCKPIT_DATE_LONG);
}

/* The step after @step in the plan, or NULL. */
static CockpitPlanStep *
next_step (CockpitPlan     *plan,
           CockpitPlanStep *step)
{
  GListModel *steps = cockpit_plan_get_steps (plan);
  guint n = g_list_model_get_n_items (steps);

  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr(CockpitPlanStep) item = g_list_model_get_item (steps, i);

      if (item == step)
        return g_list_model_get_item (steps, i + 1);
    }
  return NULL;
}

static int
step_index (CockpitPlan     *plan,
            CockpitPlanStep *step)
{
  GListModel *steps = cockpit_plan_get_steps (plan);
  guint n = g_list_model_get_n_items (steps);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CockpitPlanStep) item = g_list_model_get_item (steps, i);

      if (item == step)
        return (int) i;
    }
  return -1;
}

static const char *
step_icon_name (CockpitPlanStepStatus status)
{
  switch (status)
    {
    case COCKPIT_PLAN_STEP_STATUS_RUNNING:
      return "emblem-synchronizing-symbolic";
    case COCKPIT_PLAN_STEP_STATUS_WAITING:
      return "alarm-symbolic";
    case COCKPIT_PLAN_STEP_STATUS_DONE:
      return "emblem-ok-symbolic";
    case COCKPIT_PLAN_STEP_STATUS_FAILED:
      return "dialog-error-symbolic";
    case COCKPIT_PLAN_STEP_STATUS_SKIPPED:
      return "media-skip-forward-symbolic";
    case COCKPIT_PLAN_STEP_STATUS_CANCELLED:
      return "process-stop-symbolic";
    case COCKPIT_PLAN_STEP_STATUS_PENDING:
    default:
      return "content-loading-symbolic";
    }
}

static const char *
step_css_class (CockpitPlanStepStatus status)
{
  return cockpit_enum_to_string (COCKPIT_TYPE_PLAN_STEP_STATUS, status);
}

/* What a step is doing or did, in words. */
static char *
describe_step (CockpitPlan     *plan,
               CockpitPlanStep *step)
{
  const char *approved_by = cockpit_plan_step_get_approved_by (step);
  const char *target = cockpit_plan_get_target_version (plan);
  GListModel *steps = cockpit_plan_get_steps (plan);
  g_autoptr(CockpitPlanStep) first = g_list_model_get_n_items (steps) > 0 ? g_list_model_get_item (steps, 0) : NULL;

  switch (cockpit_plan_step_get_status (step))
    {
    case COCKPIT_PLAN_STEP_STATUS_RUNNING:
      if (cockpit_plan_step_get_environment (step) == COCKPIT_ENVIRONMENT_KIND_LIVE &&
          cockpit_plan_get_back_up_live_first (plan) &&
          g_strv_length ((char **) cockpit_plan_step_get_action_ids (step)) < 2)
        return g_strdup (_("Backing up Live, then upgrading"));
      /* Translators: "Upgrading to 6.4.3 now" */
      return g_strdup_printf (_("Upgrading to %s now"), target);
    case COCKPIT_PLAN_STEP_STATUS_WAITING:
      if (cockpit_plan_get_gate (plan) == COCKPIT_PLAN_GATE_APPROVAL)
        return g_strdup (_("Waiting for your approval"));
      if (cockpit_plan_step_get_gate_opens_at (step) != NULL)
        {
          g_autofree char *when = format_local (cockpit_plan_step_get_gate_opens_at (step));

          /* Translators: "Starts by itself on Friday 4 December 2026 at 14:05" */
          return g_strdup_printf (_("Starts by itself on %s"), when);
        }
      return g_strdup (_("Waiting for the soak time to pass"));
    case COCKPIT_PLAN_STEP_STATUS_DONE:
      if (approved_by != NULL)
        /* Translators: "Upgraded to 6.4.3; approved by Dana Scully" */
        return g_strdup_printf (_("Upgraded to %s; approved by %s"), target, approved_by);
      /* Translators: "Upgraded to 6.4.3" */
      return g_strdup_printf (_("Upgraded to %s"), target);
    case COCKPIT_PLAN_STEP_STATUS_FAILED:
      return g_strdup (_("Failed"));
    case COCKPIT_PLAN_STEP_STATUS_SKIPPED:
      /* After a failure, the steps that follow are skipped too, but for
       * another reason than a version already there. */
      if (cockpit_plan_get_status (plan) == COCKPIT_PLAN_STATUS_FAILED &&
          step_index (plan, step) > step_index (plan, cockpit_plan_get_current_step (plan)))
        return g_strdup (_("Not upgraded: the plan stopped at the failure"));
      return g_strdup (_("Skipped: already on this version or newer"));
    case COCKPIT_PLAN_STEP_STATUS_CANCELLED:
      return g_strdup (_("Cancelled: not started"));
    case COCKPIT_PLAN_STEP_STATUS_PENDING:
    default:
      if (step == first && cockpit_plan_get_status (plan) == COCKPIT_PLAN_STATUS_SCHEDULED &&
          cockpit_plan_get_start_at (plan) != NULL)
        {
          g_autofree char *when = format_local (cockpit_plan_get_start_at (plan));

          /* Translators: "Starts on Sunday 6 December 2026 at 06:00" */
          return g_strdup_printf (_("Starts on %s"), when);
        }
      if (step == first && cockpit_plan_get_status (plan) == COCKPIT_PLAN_STATUS_RUNNING)
        return g_strdup (_("Starts when the package's running action has ended"));
      return g_strdup (_("Not started yet"));
    }
}

static GtkWidget *
create_step_row (gpointer item,
                 gpointer user_data)
{
  CockpitPlanCard *self = user_data;
  CockpitPlanStep *step = item;
  CockpitPlanStepStatus status = cockpit_plan_step_get_status (step);
  g_autofree char *subtitle = describe_step (self->plan, step);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (step_icon_name (status));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 cockpit_environment_kind_get_label (cockpit_plan_step_get_environment (step)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set (row, "subtitle-lines", 0, NULL);
  gtk_widget_add_css_class (icon, "step-icon");
  gtk_widget_add_css_class (icon, step_css_class (status));
  /* The words say it all; the icon is for the eye. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
set_icon (CockpitPlanCard *self,
          const char      *icon_name,
          const char      *css_class)
{
  static const char * const classes[] = { "waiting", "succeeded", "failed", NULL };

  gtk_image_set_from_icon_name (self->status_icon, icon_name);
  cockpit_widget_set_class_of (GTK_WIDGET (self->status_icon), classes, css_class);
}

/* The next gate: which environment waits for what, and until when. */
static char *
describe_gate (CockpitPlan *plan)
{
  CockpitPlanStep *current = cockpit_plan_get_current_step (plan);
  g_autoptr(CockpitPlanStep) next = NULL;
  const char *label;

  if (current == NULL || !cockpit_plan_is_active (plan))
    return NULL;

  if (cockpit_plan_step_get_status (current) == COCKPIT_PLAN_STEP_STATUS_WAITING)
    {
      label = cockpit_environment_kind_get_label (cockpit_plan_step_get_environment (current));
      if (cockpit_plan_get_gate (plan) == COCKPIT_PLAN_GATE_APPROVAL)
        /* Translators: "Next: UAT starts when you approve it." */
        return g_strdup_printf (_("Next: %s starts when you approve it."), label);
      if (cockpit_plan_step_get_gate_opens_at (current) != NULL)
        {
          g_autofree char *when = format_local (cockpit_plan_step_get_gate_opens_at (current));
          g_autofree char *utc = cockpit_format_date_time (cockpit_plan_step_get_gate_opens_at (current), COCKPIT_DATE_UTC);

          /* Translators: "Next: UAT starts by itself on Friday 4 December 2026 at 14:05 (2026-12-04 14:05 UTC), after the soak time." */
          return g_strdup_printf (_("Next: %s starts by itself on %s (%s), after the soak time."), label, when, utc);
        }
      return NULL;
    }

  next = next_step (plan, current);
  if (next == NULL)
    return NULL;
  label = cockpit_environment_kind_get_label (cockpit_plan_step_get_environment (next));
  if (cockpit_plan_get_gate (plan) == COCKPIT_PLAN_GATE_APPROVAL)
    /* Translators: "Next gate: after Integration, UAT waits for your approval." */
    return g_strdup_printf (_("Next gate: after %s, %s waits for your approval."),
                            cockpit_environment_kind_get_label (cockpit_plan_step_get_environment (current)), label);
  return g_strdup_printf (ngettext ("Next gate: %s starts by itself %u hour after %s has been upgraded.",
                                    "Next gate: %s starts by itself %u hours after %s has been upgraded.",
                                    cockpit_plan_get_soak_hours (plan)),
                          label, cockpit_plan_get_soak_hours (plan),
                          cockpit_environment_kind_get_label (cockpit_plan_step_get_environment (current)));
}

void
cockpit_plan_card_update (CockpitPlanCard *self)
{
  CockpitPlan *plan = NULL;
  CockpitPlanStep *awaiting;
  CockpitPlanStep *current;
  CockpitActionError *error;
  g_autofree char *title = NULL;
  g_autofree char *status = NULL;
  g_autofree char *gate = NULL;
  g_autofree char *approve = NULL;
  const char *current_label = NULL;

  g_return_if_fail (COCKPIT_IS_PLAN_CARD (self));

  if (self->session != NULL && self->package != NULL)
    plan = cockpit_session_get_plan (self->session, self->package);
  g_set_object (&self->plan, plan);
  gtk_widget_set_visible (GTK_WIDGET (self), plan != NULL);
  if (plan == NULL)
    {
      gtk_list_box_bind_model (self->steps_list, NULL, NULL, NULL, NULL);
      return;
    }

  current = cockpit_plan_get_current_step (plan);
  if (current != NULL)
    current_label = cockpit_environment_kind_get_label (cockpit_plan_step_get_environment (current));
  awaiting = cockpit_plan_get_step_awaiting_approval (plan);

  /* Translators: "Upgrade Plan to 6.4.3" */
  title = g_strdup_printf (_("Upgrade Plan to %s"), cockpit_plan_get_target_version (plan));
  gtk_label_set_label (self->title_label, title);

  switch (cockpit_plan_get_status (plan))
    {
    case COCKPIT_PLAN_STATUS_SCHEDULED:
      {
        g_autofree char *when = cockpit_plan_get_start_at (plan) ? format_local (cockpit_plan_get_start_at (plan)) : g_strdup ("");
        g_autofree char *utc = cockpit_plan_get_start_at (plan) ? cockpit_format_date_time (cockpit_plan_get_start_at (plan), COCKPIT_DATE_UTC) : g_strdup ("");

        /* Translators: "Scheduled: starts on Sunday 6 December 2026 at 06:00 (2026-12-06 06:00 UTC)." */
        status = g_strdup_printf (_("Scheduled: starts on %s (%s)."), when, utc);
        set_icon (self, "x-office-calendar-symbolic", NULL);
      }
      break;
    case COCKPIT_PLAN_STATUS_RUNNING:
      /* Translators: "Running: UAT is being upgraded." */
      status = g_strdup_printf (_("Running: %s is being upgraded."), current_label ? current_label : "");
      set_icon (self, "emblem-synchronizing-symbolic", NULL);
      break;
    case COCKPIT_PLAN_STATUS_WAITING:
      if (awaiting != NULL)
        /* Translators: "UAT is ready for your approval." */
        status = g_strdup_printf (_("%s is ready for your approval."), current_label ? current_label : "");
      else
        /* Translators: "Waiting: UAT starts when the soak time has passed." */
        status = g_strdup_printf (_("Waiting: %s starts when the soak time has passed."), current_label ? current_label : "");
      set_icon (self, "alarm-symbolic", "waiting");
      break;
    case COCKPIT_PLAN_STATUS_SUCCEEDED:
      {
        g_autofree char *when = cockpit_plan_get_finished_at (plan) ? format_local (cockpit_plan_get_finished_at (plan)) : g_strdup ("");

        /* Translators: "Done on Friday 4 December 2026 at 14:05: every environment of the plan is on 6.4.3." */
        status = g_strdup_printf (_("Done on %s: every environment of the plan is on %s."), when,
                                  cockpit_plan_get_target_version (plan));
        set_icon (self, "emblem-ok-symbolic", "succeeded");
      }
      break;
    case COCKPIT_PLAN_STATUS_FAILED:
      /* Translators: "The upgrade of UAT failed; nothing after it was upgraded." */
      status = g_strdup_printf (_("The upgrade of %s failed; nothing after it was upgraded."), current_label ? current_label : "");
      set_icon (self, "dialog-error-symbolic", "failed");
      break;
    case COCKPIT_PLAN_STATUS_CANCELLED:
    default:
      {
        g_autofree char *when = cockpit_plan_get_finished_at (plan) ? format_local (cockpit_plan_get_finished_at (plan)) : g_strdup ("");

        /* Translators: "Cancelled on Friday 4 December 2026 at 14:05; nothing after that was started." */
        status = g_strdup_printf (_("Cancelled on %s; nothing after that was started."), when);
        set_icon (self, "process-stop-symbolic", NULL);
      }
      break;
    }
  gtk_label_set_label (self->status_label, status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->box), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status, -1);

  /* The rows are made anew: a step's words depend on the whole plan. */
  gtk_list_box_bind_model (self->steps_list, cockpit_plan_get_steps (plan), create_step_row, self, NULL);

  gate = describe_gate (plan);
  gtk_label_set_label (self->gate_label, gate != NULL ? gate : "");
  gtk_widget_set_visible (GTK_WIDGET (self->gate_label), gate != NULL);

  error = cockpit_plan_get_status (plan) == COCKPIT_PLAN_STATUS_FAILED ? cockpit_plan_get_error (plan) : NULL;
  gtk_label_set_label (self->error_label, error != NULL ? cockpit_action_error_get_message (error) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->advice_label),
                          cockpit_plan_get_status (plan) == COCKPIT_PLAN_STATUS_FAILED);
  gtk_label_set_label (self->advice_label,
                       _("The environments before it keep their new version. Look at the activity log for what happened, fix the cause, then upgrade the rest with a new plan or with Change Version."));

  if (awaiting != NULL)
    /* Translators: the button that lets the plan go on: "Approve UAT" */
    approve = g_strdup_printf (_("_Approve %s"),
                               cockpit_environment_kind_get_label (cockpit_plan_step_get_environment (awaiting)));
  gtk_button_set_label (GTK_BUTTON (self->approve_button), approve != NULL ? approve : "");
  /* The button has its label only now: named after it, without the
   * mnemonic, and followed from then on. */
  cockpit_a11y_name_buttons (self->approve_button);
  gtk_widget_set_visible (self->approve_button, awaiting != NULL);
  gtk_widget_set_visible (self->cancel_button, cockpit_plan_is_active (plan));
  gtk_widget_set_visible (self->button_box, cockpit_plan_is_active (plan));
}

/* Shows why approving or cancelling can't be done now, on the buttons
 * themselves; the window enables them from the same answer. */
void
cockpit_plan_card_set_availability (CockpitPlanCard     *self,
                                    CockpitAvailability *availability)
{
  const char *reason;

  g_return_if_fail (COCKPIT_IS_PLAN_CARD (self));
  g_return_if_fail (COCKPIT_IS_AVAILABILITY (availability));

  reason = cockpit_availability_get_reason (availability, COCKPIT_USER_ACTION_APPROVE_PLAN);
  cockpit_widget_set_tooltip_text (self->approve_button,
                               reason != NULL ? reason : _("Let the plan upgrade the next environment now"));
  reason = cockpit_availability_get_reason (availability, COCKPIT_USER_ACTION_CANCEL_PLAN);
  cockpit_widget_set_tooltip_text (self->cancel_button,
                               reason != NULL ? reason : _("Stop the plan: nothing after the running step starts"));
}

static void
plan_changed_cb (CockpitSession  *session,
                 CockpitPackage  *package,
                 CockpitPlanCard *self)
{
  if (package == self->package)
    cockpit_plan_card_update (self);
}

void
cockpit_plan_card_set_package (CockpitPlanCard *self,
                               CockpitSession  *session,
                               CockpitPackage  *package)
{
  g_return_if_fail (COCKPIT_IS_PLAN_CARD (self));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->package != NULL)
    g_signal_handlers_disconnect_by_data (self->package, self);
  g_set_object (&self->session, session);
  g_set_object (&self->package, package);
  if (session != NULL)
    g_signal_connect_object (session, "plan-changed", G_CALLBACK (plan_changed_cb), self, 0);
  if (package != NULL)
    g_signal_connect_object (package, "notify::active-plan", G_CALLBACK (cockpit_plan_card_update), self,
                             G_CONNECT_SWAPPED);
  cockpit_plan_card_update (self);
}

CockpitPlan *
cockpit_plan_card_get_plan (CockpitPlanCard *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN_CARD (self), NULL);

  return self->plan;
}

const char *
cockpit_plan_card_get_status_text (CockpitPlanCard *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN_CARD (self), NULL);

  return gtk_label_get_label (self->status_label);
}

char *
cockpit_plan_card_dup_step_text (CockpitPlanCard        *self,
                                 CockpitEnvironmentKind  kind)
{
  CockpitPlanStep *step;

  g_return_val_if_fail (COCKPIT_IS_PLAN_CARD (self), NULL);

  if (self->plan == NULL || (step = cockpit_plan_get_step (self->plan, kind)) == NULL)
    return NULL;
  return describe_step (self->plan, step);
}

GtkWidget *
cockpit_plan_card_new (void)
{
  return g_object_new (COCKPIT_TYPE_PLAN_CARD, NULL);
}

static void
cockpit_plan_card_dispose (GObject *object)
{
  CockpitPlanCard *self = COCKPIT_PLAN_CARD (object);

  cockpit_plan_card_set_package (self, NULL, NULL);
  g_clear_object (&self->plan);
  gtk_widget_dispose_template (GTK_WIDGET (self), COCKPIT_TYPE_PLAN_CARD);

  G_OBJECT_CLASS (cockpit_plan_card_parent_class)->dispose (object);
}

static void
cockpit_plan_card_class_init (CockpitPlanCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cockpit_plan_card_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "plancard");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cockpit-plan-card.ui");
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanCard, box);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanCard, status_icon);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanCard, status_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanCard, steps_list);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanCard, gate_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanCard, error_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanCard, advice_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanCard, button_box);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanCard, approve_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanCard, cancel_button);
}

static void
cockpit_plan_card_init (CockpitPlanCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  cockpit_a11y_name_buttons (GTK_WIDGET (self));
}
