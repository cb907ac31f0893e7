/* cockpit-package-page.c: the page of one package: environments, flow, upgrade.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-environment-card.h"
#include "cockpit-flow-diagram.h"
#include "cockpit-package-page.h"
#include "cockpit-upgrade-wizard.h"

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

  /* Owned references */
  CockpitSession     *session;
  CockpitPackage     *package;
  CockpitAction      *last_action;   /* the last upgrade that ended here */
  GtkWindow          *wizard;        /* weak */
};

G_DEFINE_FINAL_TYPE (CockpitPackagePage, cockpit_package_page, GTK_TYPE_WIDGET)

static GtkWidget *
create_card (gpointer item,
             gpointer user_data)
{
  CockpitPackagePage *self = user_data;

  return cockpit_environment_card_new (self->session, self->package, item);
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
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GListModel *releases = cockpit_session_get_releases (self->session);
  CockpitEnvironment *fallback = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      CockpitEnvironment *env = cockpit_package_get_environment (self->package, order[i]);
      g_autoptr(GListStore) offered = NULL;

      if (env == NULL)
        continue;
      if (fallback == NULL)
        fallback = env;

      offered = cockpit_rules_offered_versions (env, releases);
      if (cockpit_rules_check_upgrade (self->package, env, G_LIST_MODEL (offered), now, NULL) == COCKPIT_BLOCK_NONE)
        {
          *offered_out = g_steal_pointer (&offered);
          return env;
        }
    }

  if (fallback != NULL)
    *offered_out = cockpit_rules_offered_versions (fallback, releases);
  return fallback;
}

static void
update_flow (CockpitPackagePage *self)
{
  CockpitAction *action = running_action (self);
  CockpitEnvironment *env;
  g_autofree char *heading = NULL;

  if (action == NULL && self->last_action != NULL)
    action = self->last_action;

  if (action != NULL)
    {
      env = cockpit_package_find_environment (self->package, cockpit_action_get_environment_id (action));
      cockpit_flow_diagram_set_action (self->flow_diagram, action,
                                       env ? cockpit_environment_get_kind (env) : COCKPIT_ENVIRONMENT_KIND_LIVE,
                                       env ? cockpit_environment_get_magnolia_version (env) : NULL);
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
          cockpit_flow_diagram_set_plan (self->flow_diagram, cockpit_environment_get_kind (env),
                                         cockpit_environment_get_magnolia_version (env),
                                         newest ? cockpit_release_get_version (newest) : NULL);
          /* Translators: "How an upgrade of Integration works" */
          heading = g_strdup_printf (_("How an upgrade of %s works"),
                                     cockpit_environment_kind_get_label (cockpit_environment_get_kind (env)));
        }
      else
        {
          cockpit_flow_diagram_set_plan (self->flow_diagram, COCKPIT_ENVIRONMENT_KIND_LIVE, NULL, NULL);
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
  gtk_label_set_text (self->status_label, cockpit_package_get_status_text (self->package));
  gtk_widget_set_visible (GTK_WIDGET (self->status_label),
                          cockpit_package_get_status_text (self->package) != NULL &&
                          *cockpit_package_get_status_text (self->package) != '\0');

  maintenance = cockpit_package_is_in_maintenance (self->package);
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

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.upgrade", !maintenance);
  update_flow (self);
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

  if (self->session == NULL || self->package == NULL)
    return;

  wizard = cockpit_upgrade_wizard_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       cockpit_session_get_tracker (self->session),
                                       self->package,
                                       cockpit_session_get_releases (self->session),
                                       NULL);
  if (kind != COCKPIT_ENVIRONMENT_KIND_NONE)
    cockpit_upgrade_wizard_select_environment (wizard, kind);

  g_set_weak_pointer (&self->wizard, GTK_WINDOW (wizard));
  gtk_window_present (GTK_WINDOW (wizard));
}

static void
upgrade_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_wizard (COCKPIT_PACKAGE_PAGE (widget), COCKPIT_ENVIRONMENT_KIND_NONE);
}

static void
upgrade_environment_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  open_wizard (COCKPIT_PACKAGE_PAGE (widget), g_variant_get_int32 (parameter));
}

static void
disconnect_package (CockpitPackagePage *self)
{
  if (self->package != NULL)
    g_signal_handlers_disconnect_by_data (self->package, self);
  gtk_flow_box_bind_model (self->environments_box, NULL, NULL, NULL, NULL);
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

  gtk_widget_class_install_action (widget_class, "page.upgrade", NULL, upgrade_action);
  gtk_widget_class_install_action (widget_class, "page.upgrade-environment", "i", upgrade_environment_action);
}

static void
cockpit_package_page_init (CockpitPackagePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
