/* cockpit-package-page.c: the page of one package: environments, flow, upgrade.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This file is the page itself: the package's name, status and
 * maintenance, its environments' cards, what can be done now (the
 * availability the window hands it), and what each user action opens.
 * The flow diagram, the questions before an action, the backups of Live
 * and the upgrade plan are in cockpit-package-page-flow.c, -confirm.c,
 * -backups.c and -plans.c, below it; what they all ask (what can be done
 * now) is in -availability.c, below them.
 * They share cockpit-package-page-private.h.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-a11y.h"
#include "cockpit-clamp.h"
#include "cockpit-environment-card.h"
#include "cockpit-package-page-private.h"
#include "cockpit-width-bin.h"
#include "cockpit-upgrade-wizard.h"
#include "cockpit-widget-util.h"

/* The buttons' tooltips when nothing keeps them from being used. */
#define UPGRADE_TOOLTIP N_("Change the Magnolia version of an environment")
#define PLAN_TOOLTIP    N_("Upgrade several environments one after the other, or at a chosen time")

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
  _cockpit_package_page_update_flow (self);
}

/* What the page opens ------------------------------------------------------- */

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
  g_autoptr(GDateTime) now = NULL;

  if (self->session == NULL || self->package == NULL)
    return;

  now = cockpit_session_dup_now (self->session);
  wizard = cockpit_upgrade_wizard_new (cockpit_widget_get_window (GTK_WIDGET (self)),
                                       cockpit_session_get_tracker (self->session),
                                       self->package,
                                       cockpit_session_get_releases (self->session),
                                       now);
  if (kind != COCKPIT_ENVIRONMENT_KIND_NONE)
    cockpit_upgrade_wizard_select_environment (wizard, kind);

  g_set_weak_pointer (&self->wizard, GTK_WINDOW (wizard));
  gtk_window_present (GTK_WINDOW (wizard));
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
      _cockpit_package_page_back_up_live (self);
      break;
    case COCKPIT_USER_ACTION_TEAR_DOWN_INTEGRATION:
    case COCKPIT_USER_ACTION_TEAR_DOWN_UAT:
    case COCKPIT_USER_ACTION_TEAR_DOWN_LIVE:
      _cockpit_package_page_tear_down (self, cockpit_user_action_get_environment_kind (action));
      break;
    case COCKPIT_USER_ACTION_EXTEND_UPGRADE_BACKUP:
      _cockpit_package_page_extend_backup (self);
      break;
    case COCKPIT_USER_ACTION_RESTORE_UPGRADE_BACKUP:
      _cockpit_package_page_restore_backup (self);
      break;
    case COCKPIT_USER_ACTION_DELETE_UPGRADE_BACKUP:
      _cockpit_package_page_delete_backup (self);
      break;
    case COCKPIT_USER_ACTION_PLAN_UPGRADE:
      _cockpit_package_page_open_plan_dialog (self);
      break;
    case COCKPIT_USER_ACTION_APPROVE_PLAN:
      _cockpit_package_page_approve_plan (self);
      break;
    case COCKPIT_USER_ACTION_CANCEL_PLAN:
      _cockpit_package_page_cancel_plan (self);
      break;
    case COCKPIT_N_USER_ACTIONS:
    default:
      g_return_if_reached ();
    }
}

/* The one answer for the package shown, as of now (-availability.c). */
CockpitAvailability *
cockpit_package_page_dup_availability (CockpitPackagePage *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE_PAGE (self), NULL);

  return _cockpit_package_page_dup_availability (self);
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
  cockpit_widget_set_tooltip_text (self->upgrade_button,
                               reason != NULL ? reason : _(UPGRADE_TOOLTIP));
  reason = cockpit_availability_get_reason (availability, COCKPIT_USER_ACTION_PLAN_UPGRADE);
  cockpit_widget_set_tooltip_text (self->plan_button,
                               reason != NULL ? reason : _(PLAN_TOOLTIP));
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
  g_type_ensure (COCKPIT_TYPE_WIDTH_BIN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (COCKPIT_TYPE_CLAMP);
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

/* The tooltips of the template's children (cockpit-widget-util.c says
 * why they are not in the .ui file). */
static const char * const template_tooltips[] = {
  "upgrade_button", UPGRADE_TOOLTIP,
  "plan_button", PLAN_TOOLTIP,
  NULL
};

static void
cockpit_package_page_init (CockpitPackagePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cockpit_widget_set_template_tooltips (GTK_WIDGET (self), COCKPIT_TYPE_PACKAGE_PAGE, template_tooltips);
  cockpit_a11y_name_buttons (GTK_WIDGET (self));
}

void
cockpit_package_page_set_narrow (CockpitPackagePage *self,
                                 gboolean            narrow)
{
  g_return_if_fail (COCKPIT_IS_PACKAGE_PAGE (self));

  cockpit_backup_card_set_narrow (self->backup_card, narrow);
}
