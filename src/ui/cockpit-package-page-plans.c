/* cockpit-package-page-plans.c: the package page's upgrade plan: dialog, approval, cancelling.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan card shows the plan; its buttons are window actions that land
 * here.  The session makes the plan calls and shows their answer at once;
 * the page only says, in a toast, that the cockpit took them or why not.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-a11y.h"
#include "cockpit-async.h"
#include "cockpit-package-page-private.h"
#include "cockpit-plan-dialog.h"
#include "cockpit-widget-util.h"

void
_cockpit_package_page_open_plan_dialog (CockpitPackagePage *self)
{
  CockpitPlanDialog *dialog;

  if (self->session == NULL || self->package == NULL)
    return;

  dialog = cockpit_plan_dialog_new (cockpit_widget_get_window (GTK_WIDGET (self)), self->session, self->package);
  cockpit_widget_present_dialog (&self->plan_dialog, GTK_WINDOW (dialog));
}

/* What to say once the cockpit has answered a plan call. */
typedef struct {
  gpointer  weak;   /* the page, held weakly (cockpit-async.h) */
  char     *done;
} PlanCall;

static PlanCall *
plan_call_new (CockpitPackagePage *self,
               char               *done)
{
  PlanCall *call = g_new0 (PlanCall, 1);

  call->weak = cockpit_weak_new (self);
  call->done = done;
  return call;
}

static void
plan_answered_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PlanCall *call = user_data;
  g_autoptr(CockpitPackagePage) self = cockpit_weak_steal (call->weak);
  g_autofree char *done = call->done;
  g_autoptr(CockpitPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_free (call);
  plan = cockpit_session_plan_finish (COCKPIT_SESSION (object), result, &error);
  if (self == NULL)
    return;
  if (plan == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cockpit_widget_show_toast (GTK_WIDGET (self), error->message);
  else if (plan != NULL && done != NULL)
    cockpit_widget_show_toast (GTK_WIDGET (self), done);
}

void
_cockpit_package_page_approve_plan (CockpitPackagePage *self)
{
  CockpitPlan *plan;
  CockpitPlanStep *step;
  char *done;

  if (self->session == NULL || self->package == NULL ||
      (plan = cockpit_session_get_plan (self->session, self->package)) == NULL ||
      (step = cockpit_plan_get_step_awaiting_approval (plan)) == NULL)
    return;

  /* Translators: "Approved: the upgrade of UAT starts now." */
  done = g_strdup_printf (_("Approved: the upgrade of %s starts now."),
                          cockpit_environment_kind_get_label (cockpit_plan_step_get_environment (step)));
  cockpit_session_approve_plan_async (self->session, cockpit_plan_get_id (plan), NULL,
                                      plan_answered_cb, plan_call_new (self, done));
}

/* The plan a "Cancel the Upgrade Plan?" question is about, for its
 * answer; the question does not keep the page alive. */
typedef struct {
  GWeakRef  page;
  char     *plan_id;
} PlanCancel;

static void
plan_cancel_free (gpointer  data,
                  GClosure *closure)
{
  PlanCancel *cancel = data;

  g_weak_ref_clear (&cancel->page);
  g_free (cancel->plan_id);
  g_free (cancel);
}

static void
cancel_plan_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         PlanCancel       *cancel)
{
  g_autoptr(CockpitPackagePage) self = g_weak_ref_get (&cancel->page);
  const char *plan_id = cancel->plan_id;
  g_autoptr(CockpitAvailability) availability = NULL;

  if (self == NULL || g_strcmp0 (response, "confirm") != 0 || self->session == NULL || self->package == NULL)
    return;

  /* The plan may have moved on while the question was open. */
  availability = _cockpit_package_page_dup_availability (self);
  if (!cockpit_availability_get_allowed (availability, COCKPIT_USER_ACTION_CANCEL_PLAN))
    {
      cockpit_widget_show_toast (GTK_WIDGET (self), cockpit_availability_get_reason (availability, COCKPIT_USER_ACTION_CANCEL_PLAN));
      return;
    }
  cockpit_session_cancel_plan_async (self->session, plan_id, NULL, plan_answered_cb,
                                     plan_call_new (self, g_strdup (_("Upgrade plan cancelled."))));
}

void
_cockpit_package_page_cancel_plan (CockpitPackagePage *self)
{
  CockpitPlan *plan;
  CockpitPlanStep *current;
  GtkWidget *dialog;
  PlanCancel *cancel;
  g_autofree char *body = NULL;

  if (self->session == NULL || self->package == NULL ||
      (plan = cockpit_session_get_plan (self->session, self->package)) == NULL)
    return;

  current = cockpit_plan_get_current_step (plan);
  if (current != NULL && cockpit_plan_step_get_status (current) == COCKPIT_PLAN_STEP_STATUS_RUNNING)
    /* Translators: "The upgrade of UAT that is running now is not interrupted: it ends, and nothing after it starts." */
    body = g_strdup_printf (_("The upgrade of %s that is running now is not interrupted: it ends, and nothing after it starts. Environments already upgraded keep their new version."),
                            cockpit_environment_kind_get_label (cockpit_plan_step_get_environment (current)));
  else
    body = g_strdup (_("No environment of the plan is upgraded from now on. Environments already upgraded keep their new version."));

  dialog = adw_message_dialog_new (cockpit_widget_get_window (GTK_WIDGET (self)),
                                   _("Cancel the Upgrade Plan?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep the Plan"),
                                    "confirm", _("_Cancel Plan"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  cancel = g_new0 (PlanCancel, 1);
  g_weak_ref_init (&cancel->page, self);
  cancel->plan_id = g_strdup (cockpit_plan_get_id (plan));
  g_signal_connect_data (dialog, "response", G_CALLBACK (cancel_plan_response_cb),
                         cancel, plan_cancel_free, 0);
  g_set_weak_pointer (&self->dialog, ADW_MESSAGE_DIALOG (dialog));
  cockpit_a11y_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

