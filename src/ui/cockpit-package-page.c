/* cockpit-package-page.c: the page of one package: environments, flow, upgrade.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-a11y.h"
#include "cockpit-async.h"
#include "cockpit-backup-card.h"
#include "cockpit-environment-card.h"
#include "cockpit-flow-diagram.h"
#include "cockpit-package-page.h"
#include "cockpit-plan-card.h"
#include "cockpit-plan-dialog.h"
#include "cockpit-upgrade-wizard.h"
#include "cockpit-window.h"

struct _CockpitPackagePage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget          *scroller;
  GtkLabel           *name_label;
  GtkLabel           *status_label;
  GtkWidget          *maintenance_box;
  GtkLabel           *maintenance_label;
  GtkFlowBox         *environments_box;
  GtkLabel           *flow_heading;
  CockpitFlowDiagram *flow_diagram;
  GtkLabel           *plan_sequence_label;
  CockpitBackupCard  *backup_card;
  CockpitPlanCard    *plan_card;
  GtkWidget          *upgrade_button;
  GtkWidget          *plan_button;

  /* Owned references */
  CockpitSession     *session;
  CockpitPackage     *package;
  CockpitAction      *last_action;   /* the last upgrade that ended here */
  GtkWindow          *wizard;        /* weak */
  GtkWindow          *plan_dialog;   /* weak */
  AdwMessageDialog   *dialog;        /* weak: the confirmation open now */
  CockpitAvailability *availability; /* what can be done now, from the window */
};

G_DEFINE_FINAL_TYPE (CockpitPackagePage, cockpit_package_page, GTK_TYPE_WIDGET)

static GtkWidget *
create_card (gpointer item,
             gpointer user_data)
{
  CockpitPackagePage *self = user_data;

  GtkWidget *card = cockpit_environment_card_new (self->session, self->package, item);
  GtkWidget *child = gtk_flow_box_child_new ();
  CockpitEnvironmentKind kind = cockpit_environment_get_kind (item);

  if (self->availability != NULL)
    cockpit_environment_card_set_availability (COCKPIT_ENVIRONMENT_CARD (card), self->availability);
  /* The flow box's cell takes the focus on its way to the card's buttons:
   * a screen reader says the environment's name there, not the cell's type. */
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), card);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cockpit_environment_kind_get_label (kind),
                                  -1);
  return child;
}

static CockpitAction *
running_action (CockpitPackagePage *self)
{
  CockpitActionTracker *tracker = cockpit_session_get_tracker (self->session);
  CockpitAction *action = cockpit_action_tracker_find_for_package (tracker, cockpit_package_get_id (self->package));

  if (action == NULL || !cockpit_action_is_running (action))
    action = cockpit_package_get_running_action (self->package);
  if (action != NULL && !cockpit_action_is_running (action))
    action = NULL;
  return action;
}

/* The environment an upgrade would best go to next: the first in the
 * recommended order that can be upgraded now. */
static CockpitEnvironment *
next_environment (CockpitPackagePage  *self,
                  GListStore         **offered_out)
{
  static const CockpitEnvironmentKind order[] = {
    COCKPIT_ENVIRONMENT_KIND_INTEGRATION,
    COCKPIT_ENVIRONMENT_KIND_UAT,
    COCKPIT_ENVIRONMENT_KIND_LIVE,
  };
  g_autoptr(CockpitAvailability) availability = cockpit_package_page_dup_availability (self);
  GListModel *releases = cockpit_session_get_releases (self->session);
  CockpitEnvironment *fallback = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      CockpitEnvironment *env = cockpit_package_get_environment (self->package, order[i]);
      g_autoptr(GListStore) offered = NULL;

      /* A torn-down environment has no version to upgrade from. */
      if (env == NULL ||
          cockpit_environment_get_state (env) == COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP)
        continue;
      if (fallback == NULL)
        fallback = env;

      offered = cockpit_rules_offered_versions (env, releases);
      if (cockpit_availability_get_allowed (availability, cockpit_user_action_upgrade_of (order[i])))
        {
          *offered_out = g_steal_pointer (&offered);
          return env;
        }
    }

  if (fallback != NULL)
    *offered_out = cockpit_rules_offered_versions (fallback, releases);
  return fallback;
}

/* A plan is shown as its environments in sequence above the diagram,
 * which follows the current one's upgrade, live while it runs. */
static gboolean
update_plan_flow (CockpitPackagePage *self,
                  CockpitAction      *action)
{
  CockpitPlan *plan = cockpit_session_get_plan (self->session, self->package);
  CockpitFlowSequence sequence;
  CockpitPlanStep *current;
  CockpitEnvironment *env;
  g_autofree char *markup = NULL;
  g_autofree char *description = NULL;
  g_autofree char *heading = NULL;

  cockpit_flow_sequence_init (&sequence, plan);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_sequence_label), plan != NULL);
  if (plan == NULL)
    return FALSE;

  markup = cockpit_flow_sequence_to_markup (&sequence);
  description = cockpit_flow_sequence_describe (&sequence);
  gtk_label_set_markup (self->plan_sequence_label, markup);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->plan_sequence_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);

  /* An action of another kind (a manual backup) is shown as usual. */
  if (!cockpit_plan_is_active (plan) ||
      (action != NULL && cockpit_action_get_kind (action) != COCKPIT_ACTION_KIND_UPGRADE &&
       cockpit_action_get_kind (action) != COCKPIT_ACTION_KIND_CREATE_BACKUP))
    return FALSE;

  current = cockpit_plan_get_current_step (plan);
  env = current ? cockpit_package_get_environment (self->package, cockpit_plan_step_get_environment (current)) : NULL;
  if (action != NULL && cockpit_action_is_running (action))
    cockpit_flow_diagram_set_action (self->flow_diagram, action,
                                     cockpit_package_find_environment (self->package, cockpit_action_get_environment_id (action)));
  else
    cockpit_flow_diagram_set_plan (self->flow_diagram, env, cockpit_plan_get_target_version (plan));
  /* Translators: "Upgrade plan to 6.4.3: UAT" */
  heading = g_strdup_printf (_("Upgrade plan to %s: %s"), cockpit_plan_get_target_version (plan),
                             env ? cockpit_environment_kind_get_label (cockpit_environment_get_kind (env)) : "");
  gtk_label_set_text (self->flow_heading, heading);
  return TRUE;
}

static void
update_flow (CockpitPackagePage *self)
{
  CockpitAction *action = running_action (self);
  CockpitEnvironment *env;
  g_autofree char *heading = NULL;

  if (update_plan_flow (self, action))
    return;

  if (action == NULL && self->last_action != NULL)
    action = self->last_action;

  if (action != NULL)
    {
      /* The versions come from the action itself, not from the
       * environment, which may have moved on since it ended. */
      env = cockpit_package_find_environment (self->package, cockpit_action_get_environment_id (action));
      cockpit_flow_diagram_set_action (self->flow_diagram, action, env);
      if (cockpit_action_get_kind (action) == COCKPIT_ACTION_KIND_UPGRADE)
        /* Translators: "Upgrade of Live to 6.3.21" */
        heading = g_strdup_printf (_("Upgrade of %s to %s"),
                                   env ? cockpit_environment_kind_get_label (cockpit_environment_get_kind (env)) : "",
                                   cockpit_action_get_target_version (action));
      else
        heading = g_strdup (cockpit_action_kind_get_label (cockpit_action_get_kind (action)));
    }
  else
    {
      g_autoptr(GListStore) offered = NULL;
      g_autoptr(CockpitRelease) newest = NULL;

      env = next_environment (self, &offered);
      if (offered != NULL && g_list_model_get_n_items (G_LIST_MODEL (offered)) > 0)
        newest = g_list_model_get_item (G_LIST_MODEL (offered), 0);

      if (env != NULL)
        {
          cockpit_flow_diagram_set_plan (self->flow_diagram, env,
                                         newest ? cockpit_release_get_version (newest) : NULL);
          /* Translators: "How an upgrade of Integration works" */
          heading = g_strdup_printf (_("How an upgrade of %s works"),
                                     cockpit_environment_kind_get_label (cockpit_environment_get_kind (env)));
        }
      else
        {
          cockpit_flow_diagram_set_plan (self->flow_diagram, NULL, NULL);
          heading = g_strdup (_("How an upgrade works"));
        }
    }

  gtk_label_set_text (self->flow_heading, heading);
}

static void
update (CockpitPackagePage *self)
{
  gboolean maintenance;

  if (self->package == NULL || self->session == NULL)
    return;

  gtk_label_set_text (self->name_label, cockpit_package_get_name (self->package));
  /* In maintenance the banner below says it once, with the reason; the
   * cockpit's status text would only say it again. */
  maintenance = cockpit_package_is_in_maintenance (self->package);
  gtk_label_set_text (self->status_label, cockpit_package_get_status_text (self->package));
  gtk_widget_set_visible (GTK_WIDGET (self->status_label),
                          !maintenance &&
                          cockpit_package_get_status_text (self->package) != NULL &&
                          *cockpit_package_get_status_text (self->package) != '\0');

  gtk_widget_set_visible (self->maintenance_box, maintenance);
  if (maintenance)
    {
      const char *why = cockpit_package_get_maintenance_message (self->package);
      g_autofree char *text = NULL;

      if (why != NULL && *why != '\0')
        text = g_strdup_printf (_("In maintenance: %s You can look at the package, but not change it until the maintenance has ended."), why);
      else
        text = g_strdup (_("In maintenance. You can look at the package, but not change it until the maintenance has ended."));
      gtk_label_set_text (self->maintenance_label, text);
    }

  cockpit_backup_card_set_environment (self->backup_card, self->session,
                                       cockpit_package_get_environment (self->package, COCKPIT_ENVIRONMENT_KIND_LIVE));
  update_flow (self);
}

/* Confirmations ---------------------------------------------------------------- */

static void
show_toast (CockpitPackagePage *self,
            const char         *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (COCKPIT_IS_WINDOW (root))
    cockpit_window_show_toast (COCKPIT_WINDOW (root), text);
}

static void
action_started_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CockpitPackagePage) self = cockpit_weak_steal (user_data);
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GError) error = NULL;

  /* The tracker follows the action whether the page is still there or not. */
  action = cockpit_action_tracker_start_finish (COCKPIT_ACTION_TRACKER (object), result, &error);
  if (self == NULL)
    return;
  if (action == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_toast (self, error->message);
  else if (action != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("%s started. You will be notified when it ends."),
                                               cockpit_action_kind_get_label (cockpit_action_get_kind (action)));
      show_toast (self, text);
    }
}

typedef struct {
  CockpitPackagePage *self;
  CockpitEnvironment *environment;
  CockpitActionKind   kind;
  CockpitUserAction   action;
} Confirmation;

static void
confirmation_free (gpointer  data,
                   GClosure *closure)
{
  Confirmation *confirmation = data;

  g_object_unref (confirmation->self);
  g_object_unref (confirmation->environment);
  g_free (confirmation);
}

static void
confirmation_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          Confirmation     *confirmation)
{
  CockpitPackagePage *self = confirmation->self;

  g_autoptr(CockpitAvailability) availability = NULL;

  if (g_strcmp0 (response, "confirm") != 0 || self->session == NULL || self->package == NULL)
    return;

  /* Allowed when the question was asked is not enough: another action
   * may have started, or the backup may have gone, while it was open. */
  availability = cockpit_package_page_dup_availability (self);
  if (!cockpit_availability_get_allowed (availability, confirmation->action))
    {
      show_toast (self, cockpit_availability_get_reason (availability, confirmation->action));
      return;
    }

  cockpit_action_tracker_start_async (cockpit_session_get_tracker (self->session),
                                      confirmation->environment, confirmation->kind,
                                      NULL, NULL, NULL, action_started_cb, cockpit_weak_new (self));
}

/* Asks before an action; "confirm" starts it.  @appearance marks a
 * destructive one. */
static AdwMessageDialog *
confirm (CockpitPackagePage      *self,
         CockpitUserAction        action,
         CockpitEnvironment      *environment,
         CockpitActionKind        kind,
         const char              *heading,
         const char              *body,
         const char              *confirm_label,
         AdwResponseAppearance    appearance)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  Confirmation *confirmation;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "confirm", confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm", appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           appearance == ADW_RESPONSE_DESTRUCTIVE ? "cancel" : "confirm");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  confirmation = g_new0 (Confirmation, 1);
  confirmation->self = g_object_ref (self);
  confirmation->environment = g_object_ref (environment);
  confirmation->kind = kind;
  confirmation->action = action;
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirmation_response_cb),
                         confirmation, confirmation_free, 0);

  g_set_weak_pointer (&self->dialog, ADW_MESSAGE_DIALOG (dialog));
  cockpit_a11y_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

static CockpitEnvironment *
live_with_backup (CockpitPackagePage    *self,
                  CockpitUpgradeBackup **backup)
{
  g_autoptr(GDateTime) now = NULL;
  CockpitEnvironment *live;

  if (self->package == NULL || self->session == NULL)
    return NULL;
  live = cockpit_package_get_environment (self->package, COCKPIT_ENVIRONMENT_KIND_LIVE);
  if (live == NULL)
    return NULL;
  now = cockpit_session_dup_now (self->session);
  *backup = cockpit_rules_live_upgrade_backup (live, now);
  return *backup != NULL ? live : NULL;
}

static void
extend_backup (CockpitPackagePage *self)
{
  CockpitUpgradeBackup *backup = NULL;
  CockpitEnvironment *live = live_with_backup (self, &backup);
  g_autoptr(GDateTime) limit = NULL;
  g_autofree char *until = NULL;
  g_autofree char *now_until = NULL;
  g_autofree char *body = NULL;

  if (live == NULL)
    return;

  limit = cockpit_rules_upgrade_backup_limit (backup);
  until = cockpit_format_date_time (limit, COCKPIT_DATE_LONG);
  now_until = cockpit_format_date_time (cockpit_upgrade_backup_get_expires_at (backup), COCKPIT_DATE_LONG);
  body = g_strdup_printf (_("The upgrade backup of Live will be kept until %s, 5 days after it was made, instead of being removed on %s.\n\nTo keep it longer than that, contact the Cloud Helpdesk."),
                          until, now_until);
  confirm (self, COCKPIT_USER_ACTION_EXTEND_UPGRADE_BACKUP, live, COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP,
           _("Keep the Upgrade Backup Longer?"), body, _("_Extend to 5 Days"), ADW_RESPONSE_SUGGESTED);
}

static void
delete_backup (CockpitPackagePage *self)
{
  CockpitUpgradeBackup *backup = NULL;
  CockpitEnvironment *live = live_with_backup (self, &backup);
  g_autofree char *body = NULL;

  if (live == NULL)
    return;

  body = g_strdup_printf (_("Live can then no longer be rolled back to Magnolia %s.\n\nOnce the backup is deleted, Live can be upgraded again or torn down."),
                          cockpit_upgrade_backup_get_from_version (backup));
  confirm (self, COCKPIT_USER_ACTION_DELETE_UPGRADE_BACKUP, live, COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP,
           _("Delete the Upgrade Backup?"), body, _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
}

static void
restore_backup (CockpitPackagePage *self)
{
  CockpitUpgradeBackup *backup = NULL;
  CockpitEnvironment *live = live_with_backup (self, &backup);
  g_autofree char *heading = NULL;
  g_autofree char *since = NULL;
  g_autofree char *body = NULL;

  if (live == NULL)
    return;

  since = cockpit_format_date_time (cockpit_upgrade_backup_get_created_at (backup), COCKPIT_DATE_LONG);
  heading = g_strdup_printf (_("Roll Live Back to %s?"), cockpit_upgrade_backup_get_from_version (backup));
  body = g_strdup_printf (_("Live goes back to the installation it had before the upgrade to %s.\n\nContent edited on Live since the upgrade on %s may be lost. The upgrade backup is used up by the restore."),
                          cockpit_upgrade_backup_get_to_version (backup), since);
  confirm (self, COCKPIT_USER_ACTION_RESTORE_UPGRADE_BACKUP, live, COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP,
           heading, body, _("_Restore"), ADW_RESPONSE_DESTRUCTIVE);
}

static void
manual_backup (CockpitPackagePage *self)
{
  CockpitEnvironment *live;
  CockpitBackup *latest;
  g_autofree char *body = NULL;

  if (self->package == NULL)
    return;
  live = cockpit_package_get_environment (self->package, COCKPIT_ENVIRONMENT_KIND_LIVE);
  if (live == NULL)
    return;

  latest = cockpit_environment_get_latest_manual_backup (live);
  if (latest != NULL)
    {
      g_autofree char *when = cockpit_format_date_time (cockpit_backup_get_created_at (latest), COCKPIT_DATE_LONG);
      body = g_strdup_printf (_("A snapshot of the content and configuration of Live is made. Only the newest manual backup is kept, so it replaces the one made on %s."),
                              when);
    }
  else
    body = g_strdup (_("A snapshot of the content and configuration of Live is made."));

  confirm (self, COCKPIT_USER_ACTION_BACK_UP_LIVE, live, COCKPIT_ACTION_KIND_CREATE_BACKUP,
           _("Back Up Live Now?"), body, _("_Back Up"), ADW_RESPONSE_SUGGESTED);
}

static void
teardown_entry_changed_cb (GtkEditable      *entry,
                           AdwMessageDialog *dialog)
{
  const char *wanted = g_object_get_data (G_OBJECT (dialog), "confirm-name");

  adw_message_dialog_set_response_enabled (dialog, "confirm",
                                           g_strcmp0 (gtk_editable_get_text (entry), wanted) == 0);
}

static void
teardown (CockpitPackagePage     *self,
          CockpitEnvironmentKind  kind)
{
  CockpitEnvironment *env;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  const char *label;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (self->package == NULL)
    return;
  env = cockpit_package_get_environment (self->package, kind);
  if (env == NULL)
    return;

  label = cockpit_environment_kind_get_label (cockpit_environment_get_kind (env));
  heading = g_strdup_printf (_("Tear Down %s?"), label);
  /* Translators: the first %s is an environment, the last one its name to type */
  body = g_strdup_printf (_("%s (Magnolia %s) is destroyed, and nothing is backed up first. Its content, its configuration and its address %s are lost for good.\n\nType “%s” to confirm."),
                          label,
                          cockpit_environment_get_magnolia_version (env) ? cockpit_environment_get_magnolia_version (env) : "?",
                          cockpit_environment_get_url (env) ? cockpit_environment_get_url (env) : "",
                          label);
  dialog = confirm (self, cockpit_user_action_tear_down_of (kind), env, COCKPIT_ACTION_KIND_TEARDOWN, heading, body, _("_Tear Down"), ADW_RESPONSE_DESTRUCTIVE);

  /* Typing the name makes the tear-down a decision, not a slip. */
  entry = gtk_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name of the environment"), -1);
  g_object_set_data_full (G_OBJECT (dialog), "confirm-name", g_strdup (label), g_free);
  g_signal_connect_object (entry, "changed", G_CALLBACK (teardown_entry_changed_cb), dialog, 0);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_set_response_enabled (dialog, "confirm", FALSE);
}

static void
action_finished_cb (CockpitActionTracker *tracker,
                    CockpitAction        *action,
                    CockpitPackagePage   *self)
{
  /* Keep showing how it ended, a failure above all, until the next one. */
  if (self->package != NULL &&
      g_strcmp0 (cockpit_action_get_package_id (action), cockpit_package_get_id (self->package)) == 0)
    g_set_object (&self->last_action, action);
  update (self);
}

static void
changed_cb (CockpitPackagePage *self)
{
  update (self);
}

static void
open_wizard (CockpitPackagePage     *self,
             CockpitEnvironmentKind  kind)
{
  CockpitUpgradeWizard *wizard;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GDateTime) now = NULL;

  if (self->session == NULL || self->package == NULL)
    return;

  now = cockpit_session_dup_now (self->session);
  wizard = cockpit_upgrade_wizard_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       cockpit_session_get_tracker (self->session),
                                       self->package,
                                       cockpit_session_get_releases (self->session),
                                       now);
  if (kind != COCKPIT_ENVIRONMENT_KIND_NONE)
    cockpit_upgrade_wizard_select_environment (wizard, kind);

  g_set_weak_pointer (&self->wizard, GTK_WINDOW (wizard));
  gtk_window_present (GTK_WINDOW (wizard));
}

/* Upgrade plans ----------------------------------------------------------------- */

static void
open_plan_dialog (CockpitPackagePage *self)
{
  CockpitPlanDialog *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->session == NULL || self->package == NULL)
    return;

  dialog = cockpit_plan_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->session, self->package);
  g_set_weak_pointer (&self->plan_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
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
    show_toast (self, error->message);
  else if (plan != NULL && done != NULL)
    show_toast (self, done);
}

static void
approve_plan (CockpitPackagePage *self)
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

static void
cancel_plan_response_cb (AdwMessageDialog   *dialog,
                         const char         *response,
                         CockpitPackagePage *self)
{
  const char *plan_id = g_object_get_data (G_OBJECT (dialog), "plan-id");
  g_autoptr(CockpitAvailability) availability = NULL;

  if (g_strcmp0 (response, "confirm") != 0 || self->session == NULL || self->package == NULL)
    return;

  /* The plan may have moved on while the question was open. */
  availability = cockpit_package_page_dup_availability (self);
  if (!cockpit_availability_get_allowed (availability, COCKPIT_USER_ACTION_CANCEL_PLAN))
    {
      show_toast (self, cockpit_availability_get_reason (availability, COCKPIT_USER_ACTION_CANCEL_PLAN));
      return;
    }
  cockpit_session_cancel_plan_async (self->session, plan_id, NULL, plan_answered_cb,
                                     plan_call_new (self, g_strdup (_("Upgrade plan cancelled."))));
}

static void
cancel_plan (CockpitPackagePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  CockpitPlan *plan;
  CockpitPlanStep *current;
  GtkWidget *dialog;
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

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Cancel the Upgrade Plan?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep the Plan"),
                                    "confirm", _("_Cancel Plan"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "plan-id", g_strdup (cockpit_plan_get_id (plan)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_plan_response_cb), self, 0);
  g_set_weak_pointer (&self->dialog, ADW_MESSAGE_DIALOG (dialog));
  cockpit_a11y_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Does what a user action asks for: asks the question, or opens the
 * wizard.  The window calls it for its actions, once they are allowed. */
void
cockpit_package_page_run (CockpitPackagePage *self,
                          CockpitUserAction   action)
{
  g_return_if_fail (COCKPIT_IS_PACKAGE_PAGE (self));

  switch (action)
    {
    case COCKPIT_USER_ACTION_UPGRADE:
    case COCKPIT_USER_ACTION_UPGRADE_INTEGRATION:
    case COCKPIT_USER_ACTION_UPGRADE_UAT:
    case COCKPIT_USER_ACTION_UPGRADE_LIVE:
      open_wizard (self, cockpit_user_action_get_environment_kind (action));
      break;
    case COCKPIT_USER_ACTION_BACK_UP_LIVE:
      manual_backup (self);
      break;
    case COCKPIT_USER_ACTION_TEAR_DOWN_INTEGRATION:
    case COCKPIT_USER_ACTION_TEAR_DOWN_UAT:
    case COCKPIT_USER_ACTION_TEAR_DOWN_LIVE:
      teardown (self, cockpit_user_action_get_environment_kind (action));
      break;
    case COCKPIT_USER_ACTION_EXTEND_UPGRADE_BACKUP:
      extend_backup (self);
      break;
    case COCKPIT_USER_ACTION_RESTORE_UPGRADE_BACKUP:
      restore_backup (self);
      break;
    case COCKPIT_USER_ACTION_DELETE_UPGRADE_BACKUP:
      delete_backup (self);
      break;
    case COCKPIT_USER_ACTION_PLAN_UPGRADE:
      open_plan_dialog (self);
      break;
    case COCKPIT_USER_ACTION_APPROVE_PLAN:
      approve_plan (self);
      break;
    case COCKPIT_USER_ACTION_CANCEL_PLAN:
      cancel_plan (self);
      break;
    case COCKPIT_N_USER_ACTIONS:
    default:
      g_return_if_reached ();
    }
}

/* The one answer for the package shown, as of now: the rules over the
 * package, the action this app follows on it, the releases and the clock. */
CockpitAvailability *
cockpit_package_page_dup_availability (CockpitPackagePage *self)
{
  g_autoptr(GDateTime) now = NULL;
  GListModel *releases;
  gboolean busy;

  g_return_val_if_fail (COCKPIT_IS_PACKAGE_PAGE (self), NULL);

  if (self->package == NULL || self->session == NULL)
    return cockpit_availability_new_empty ();

  now = cockpit_session_dup_now (self->session);
  releases = cockpit_session_get_releases (self->session);
  busy = cockpit_action_tracker_is_busy (cockpit_session_get_tracker (self->session),
                                         cockpit_package_get_id (self->package));
  return cockpit_availability_new (self->package, g_list_model_get_n_items (releases) > 0 ? releases : NULL,
                                   busy, now);
}

/* Shows why what can't be done can't, next to each control.  The
 * window enables the actions themselves from the same answer. */
void
cockpit_package_page_set_availability (CockpitPackagePage  *self,
                                       CockpitAvailability *availability)
{
  const char *reason;

  g_return_if_fail (COCKPIT_IS_PACKAGE_PAGE (self));
  g_return_if_fail (COCKPIT_IS_AVAILABILITY (availability));

  g_set_object (&self->availability, availability);

  reason = cockpit_availability_get_reason (availability, COCKPIT_USER_ACTION_UPGRADE);
  gtk_widget_set_tooltip_text (self->upgrade_button,
                               reason != NULL ? reason : _("Change the Magnolia version of an environment"));
  reason = cockpit_availability_get_reason (availability, COCKPIT_USER_ACTION_PLAN_UPGRADE);
  gtk_widget_set_tooltip_text (self->plan_button,
                               reason != NULL ? reason : _("Upgrade several environments one after the other, or at a chosen time"));
  cockpit_backup_card_set_availability (self->backup_card, availability);
  cockpit_plan_card_set_availability (self->plan_card, availability);
  for (int i = 0; ; i++)
    {
      GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->environments_box, i);

      if (child == NULL)
        break;
      if (COCKPIT_IS_ENVIRONMENT_CARD (gtk_flow_box_child_get_child (child)))
        cockpit_environment_card_set_availability (COCKPIT_ENVIRONMENT_CARD (gtk_flow_box_child_get_child (child)),
                                                   availability);
    }
}

CockpitAvailability *
cockpit_package_page_get_availability (CockpitPackagePage *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE_PAGE (self), NULL);

  return self->availability;
}

static void
disconnect_package (CockpitPackagePage *self)
{
  if (self->package != NULL)
    g_signal_handlers_disconnect_by_data (self->package, self);
  gtk_flow_box_bind_model (self->environments_box, NULL, NULL, NULL, NULL);
  cockpit_plan_card_set_package (self->plan_card, NULL, NULL);
  g_clear_object (&self->package);
  g_clear_object (&self->last_action);
}

void
cockpit_package_page_set_session (CockpitPackagePage *self,
                                  CockpitSession     *session)
{
  g_return_if_fail (COCKPIT_IS_PACKAGE_PAGE (self));

  if (self->session == session)
    return;

  disconnect_package (self);
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (cockpit_session_get_tracker (self->session), self);
      g_signal_handlers_disconnect_by_data (cockpit_session_get_releases (self->session), self);
      g_signal_handlers_disconnect_by_data (self->session, self);
    }

  g_set_object (&self->session, session);

  if (session != NULL)
    {
      CockpitActionTracker *tracker = cockpit_session_get_tracker (session);

      g_signal_connect_object (tracker, "action-started", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (tracker, "stage-changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (tracker, "action-finished", G_CALLBACK (action_finished_cb), self, 0);
      g_signal_connect_object (cockpit_session_get_releases (session), "items-changed",
                               G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "plan-changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
    }
}

void
cockpit_package_page_set_package (CockpitPackagePage *self,
                                  CockpitPackage     *package)
{
  g_return_if_fail (COCKPIT_IS_PACKAGE_PAGE (self));
  g_return_if_fail (package == NULL || self->session != NULL);

  if (self->package == package)
    return;

  disconnect_package (self);
  if (package == NULL)
    return;

  self->package = g_object_ref (package);
  g_signal_connect_object (package, "notify", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  gtk_flow_box_bind_model (self->environments_box, cockpit_package_get_environments (package),
                           create_card, self, NULL);
  cockpit_plan_card_set_package (self->plan_card, self->session, package);
  update (self);
}

CockpitPackage *
cockpit_package_page_get_package (CockpitPackagePage *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE_PAGE (self), NULL);

  return self->package;
}

GtkWindow *
cockpit_package_page_get_wizard (CockpitPackagePage *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE_PAGE (self), NULL);

  return self->wizard;
}

GtkWidget *
cockpit_package_page_get_card (CockpitPackagePage     *self,
                               CockpitEnvironmentKind  kind)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE_PAGE (self), NULL);

  for (int i = 0; ; i++)
    {
      GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->environments_box, i);
      GtkWidget *card;

      if (child == NULL)
        return NULL;
      card = gtk_flow_box_child_get_child (child);
      if (COCKPIT_IS_ENVIRONMENT_CARD (card) &&
          cockpit_environment_get_kind (cockpit_environment_card_get_environment (COCKPIT_ENVIRONMENT_CARD (card))) == kind)
        return card;
    }
}

AdwMessageDialog *
cockpit_package_page_get_dialog (CockpitPackagePage *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE_PAGE (self), NULL);

  return self->dialog;
}

GtkWindow *
cockpit_package_page_get_plan_dialog (CockpitPackagePage *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE_PAGE (self), NULL);

  return self->plan_dialog;
}

GtkWidget *
cockpit_package_page_get_plan_card (CockpitPackagePage *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE_PAGE (self), NULL);

  return GTK_WIDGET (self->plan_card);
}

GtkWidget *
cockpit_package_page_get_backup_card (CockpitPackagePage *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE_PAGE (self), NULL);

  return GTK_WIDGET (self->backup_card);
}

/* Shows the time left again; the window calls it once a minute. */
void
cockpit_package_page_tick (CockpitPackagePage *self)
{
  g_return_if_fail (COCKPIT_IS_PACKAGE_PAGE (self));

  if (self->package == NULL)
    return;

  cockpit_backup_card_update (self->backup_card);
  cockpit_plan_card_update (self->plan_card);
  for (int i = 0; ; i++)
    {
      GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->environments_box, i);

      if (child == NULL)
        break;
      if (COCKPIT_IS_ENVIRONMENT_CARD (gtk_flow_box_child_get_child (child)))
        cockpit_environment_card_update (COCKPIT_ENVIRONMENT_CARD (gtk_flow_box_child_get_child (child)));
    }
}

GtkWidget *
cockpit_package_page_get_flow_diagram (CockpitPackagePage *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE_PAGE (self), NULL);

  return GTK_WIDGET (self->flow_diagram);
}

static void
cockpit_package_page_dispose (GObject *object)
{
  CockpitPackagePage *self = COCKPIT_PACKAGE_PAGE (object);

  cockpit_package_page_set_session (self, NULL);
  g_clear_weak_pointer (&self->wizard);
  g_clear_weak_pointer (&self->plan_dialog);
  g_clear_weak_pointer (&self->dialog);
  g_clear_object (&self->availability);
  gtk_widget_dispose_template (GTK_WIDGET (self), COCKPIT_TYPE_PACKAGE_PAGE);

  G_OBJECT_CLASS (cockpit_package_page_parent_class)->dispose (object);
}

static void
cockpit_package_page_class_init (CockpitPackagePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cockpit_package_page_dispose;

  g_type_ensure (COCKPIT_TYPE_FLOW_DIAGRAM);
  g_type_ensure (COCKPIT_TYPE_BACKUP_CARD);
  g_type_ensure (COCKPIT_TYPE_PLAN_CARD);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cockpit-package-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CockpitPackagePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CockpitPackagePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitPackagePage, status_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitPackagePage, maintenance_box);
  gtk_widget_class_bind_template_child (widget_class, CockpitPackagePage, maintenance_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitPackagePage, environments_box);
  gtk_widget_class_bind_template_child (widget_class, CockpitPackagePage, flow_heading);
  gtk_widget_class_bind_template_child (widget_class, CockpitPackagePage, flow_diagram);
  gtk_widget_class_bind_template_child (widget_class, CockpitPackagePage, plan_sequence_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitPackagePage, backup_card);
  gtk_widget_class_bind_template_child (widget_class, CockpitPackagePage, plan_card);
  gtk_widget_class_bind_template_child (widget_class, CockpitPackagePage, upgrade_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitPackagePage, plan_button);

}

static void
cockpit_package_page_init (CockpitPackagePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cockpit_a11y_name_buttons (GTK_WIDGET (self));
}

void
cockpit_package_page_set_narrow (CockpitPackagePage *self,
                                 gboolean            narrow)
{
  g_return_if_fail (COCKPIT_IS_PACKAGE_PAGE (self));

  cockpit_backup_card_set_narrow (self->backup_card, narrow);
}
