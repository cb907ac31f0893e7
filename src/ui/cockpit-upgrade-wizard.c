/* cockpit-upgrade-wizard.c: the wizard that changes the Magnolia version of an environment.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Four pages, as in the vendor's cockpit: choose the environment, choose
 * the version, confirm the consequences, and "started".  The wizard only
 * starts the action; the action tracker follows it, so the window may be
 * closed as soon as Install was pressed.
 *
 * This file is the window: how its pages follow each other (Back, Next,
 * the default button, the focus, Enter) and the object.  The pages are in
 * cockpit-upgrade-wizard-choice.c, -checklist.c and -install.c, below it;
 * what they all ask (the page shown, what the choices allow, the actions
 * enabled) is in -state.c, below them.  They share
 * cockpit-upgrade-wizard-private.h.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-a11y.h"
#include "cockpit-clamp.h"
#include "cockpit-upgrade-wizard-private.h"
#include "cockpit-widget-util.h"

G_DEFINE_FINAL_TYPE (CockpitUpgradeWizard, cockpit_upgrade_wizard, ADW_TYPE_WINDOW)

/* Navigation ------------------------------------------------------------------ */

static void
page_changed_cb (CockpitUpgradeWizard *self)
{
  const char *page = _cockpit_upgrade_wizard_get_page (self);
  gboolean on_versions = g_str_equal (page, "versions");
  gboolean on_consequences = g_str_equal (page, "consequences");
  GtkWidget *default_widget = NULL;

  /* The template shows its first page before the wizard is set up. */
  if (self->tracker == NULL)
    return;

  gtk_widget_set_visible (self->cancel_button, !g_str_equal (page, "started"));
  gtk_widget_set_visible (self->back_button, on_versions || on_consequences);
  gtk_widget_set_visible (self->next_button, on_versions);
  gtk_widget_set_visible (self->install_button, on_consequences);

  if (on_versions)
    default_widget = self->next_button;
  else if (on_consequences)
    default_widget = self->install_button;
  else if (g_str_equal (page, "started"))
    default_widget = self->close_button;
  gtk_window_set_default_widget (GTK_WINDOW (self), default_widget);
  _cockpit_upgrade_wizard_focus_first_choice (self);

  _cockpit_upgrade_wizard_update_actions (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CockpitUpgradeWizard *self = COCKPIT_UPGRADE_WIZARD (widget);
  const char *page = _cockpit_upgrade_wizard_get_page (self);

  if (g_str_equal (page, "consequences"))
    {
      gtk_stack_set_visible_child_name (self->stack, "versions");
    }
  else if (g_str_equal (page, "versions"))
    {
      g_cancellable_cancel (self->cancellable);
      _cockpit_upgrade_wizard_refresh_environments (self);
      gtk_stack_set_visible_child_name (self->stack, "environment");
    }
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CockpitUpgradeWizard *self = COCKPIT_UPGRADE_WIZARD (widget);

  if (self->environment == NULL || self->release == NULL)
    return;

  _cockpit_upgrade_wizard_fill_consequences (self);
  gtk_stack_set_visible_child_name (self->stack, "consequences");
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CockpitUpgradeWizard *self = COCKPIT_UPGRADE_WIZARD (widget);

  if (self->environment != NULL)
    _cockpit_upgrade_wizard_choose_environment (self, self->environment);
}

/* Another action started or ended: what can be upgraded may have changed. */
static void
tracker_changed_cb (CockpitUpgradeWizard *self)
{
  if (g_str_equal (_cockpit_upgrade_wizard_get_page (self), "environment"))
    _cockpit_upgrade_wizard_refresh_environments (self);
  _cockpit_upgrade_wizard_update_actions (self);
}

/* The object ------------------------------------------------------------------ */

CockpitUpgradeWizard *
cockpit_upgrade_wizard_new (GtkWindow            *parent,
                            CockpitActionTracker *tracker,
                            CockpitPackage       *package,
                            GListModel           *releases,
                            GDateTime            *now)
{
  CockpitUpgradeWizard *self;
  g_autofree char *description = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (COCKPIT_IS_ACTION_TRACKER (tracker), NULL);
  g_return_val_if_fail (COCKPIT_IS_PACKAGE (package), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (releases), NULL);

  self = g_object_new (COCKPIT_TYPE_UPGRADE_WIZARD,
                       "transient-for", parent,
                       NULL);
  self->tracker = g_object_ref (tracker);
  self->package = g_object_ref (package);
  self->releases = g_object_ref (releases);
  self->now = now != NULL ? g_date_time_ref (now) : NULL;

  adw_window_title_set_subtitle (self->window_title, cockpit_package_get_name (package));
  /* Translators: the package's name */
  description = g_strdup_printf (_("Which environment of %s do you want to upgrade? We recommend Integration first, then UAT, and Live last, with testing in between."),
                                 cockpit_package_get_name (package));
  gtk_label_set_label (self->environment_description, description);

  g_signal_connect_object (tracker, "action-started", G_CALLBACK (tracker_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (tracker, "action-finished", G_CALLBACK (tracker_changed_cb), self, G_CONNECT_SWAPPED);
  _cockpit_upgrade_wizard_init_install (self);

  _cockpit_upgrade_wizard_init_choice (self);
  _cockpit_upgrade_wizard_refresh_environments (self);
  page_changed_cb (self);

  return self;
}

void
cockpit_upgrade_wizard_select_environment (CockpitUpgradeWizard   *self,
                                           CockpitEnvironmentKind  kind)
{
  CockpitEnvironment *environment;

  g_return_if_fail (COCKPIT_IS_UPGRADE_WIZARD (self));
  g_return_if_fail (self->package != NULL);

  environment = cockpit_package_get_environment (self->package, kind);
  g_return_if_fail (environment != NULL);

  _cockpit_upgrade_wizard_choose_environment (self, environment);
}

static void
cockpit_upgrade_wizard_dispose (GObject *object)
{
  CockpitUpgradeWizard *self = (CockpitUpgradeWizard *) object;

  g_cancellable_cancel (self->cancellable);
  /* The rows point back at us. */
  if (self->environment_list != NULL)
    gtk_list_box_bind_model (self->environment_list, NULL, NULL, NULL, NULL);
  if (self->version_list != NULL)
    gtk_list_box_bind_model (self->version_list, NULL, NULL, NULL, NULL);
  self->version_group = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), COCKPIT_TYPE_UPGRADE_WIZARD);

  G_OBJECT_CLASS (cockpit_upgrade_wizard_parent_class)->dispose (object);
}

static void
cockpit_upgrade_wizard_finalize (GObject *object)
{
  CockpitUpgradeWizard *self = (CockpitUpgradeWizard *) object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->tracker);
  g_clear_object (&self->package);
  g_clear_object (&self->releases);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_object (&self->environments);
  g_clear_object (&self->versions);
  g_clear_object (&self->environment);
  g_clear_object (&self->release);
  g_clear_pointer (&self->confirmed_for, g_free);
  g_clear_pointer (&self->upgrade_id, g_free);
  g_clear_pointer (&self->from_version, g_free);

  G_OBJECT_CLASS (cockpit_upgrade_wizard_parent_class)->finalize (object);
}

/* Enter on a version or an item of the checklist is Next or Install,
 * the page's default: a check box would take Enter for itself (Space
 * ticks it). */
static gboolean
key_pressed_cb (CockpitUpgradeWizard  *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *default_widget = gtk_window_get_default_widget (GTK_WINDOW (self));

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  if (!GTK_IS_CHECK_BUTTON (focus) && !GTK_IS_SWITCH (focus))
    return FALSE;
  if (default_widget == NULL || !gtk_widget_is_sensitive (default_widget))
    return FALSE;

  return gtk_widget_activate (default_widget);
}

/* A window that is shown puts the focus on its first control, Cancel:
 * the first choice of the page is where a person starts. */
static void
cockpit_upgrade_wizard_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cockpit_upgrade_wizard_parent_class)->map (widget);
  _cockpit_upgrade_wizard_focus_first_choice (COCKPIT_UPGRADE_WIZARD (widget));
}

static void
cockpit_upgrade_wizard_class_init (CockpitUpgradeWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cockpit_upgrade_wizard_dispose;
  object_class->finalize = cockpit_upgrade_wizard_finalize;
  widget_class->map = cockpit_upgrade_wizard_map;

  g_type_ensure (COCKPIT_TYPE_CLAMP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cockpit-upgrade-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, install_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, install_spinner);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, environment_description);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, package_notice);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, package_notice_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, environment_list);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, versions_stack);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, versions_spinner);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, versions_error_page);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, versions_blocked_page);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, versions_empty_page);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, versions_description);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, version_list);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, consequences_scroller);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, consequences_title);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, blue_green_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, previous_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, order_box);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, order_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, backup_group);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, backup_switch);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, check_notes_row);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, check_tested_row);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, check_notes);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, check_tested);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, check_templates);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, check_definitions);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, error_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, started_page);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, close_button);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
  _cockpit_upgrade_wizard_class_init_choice (widget_class);
  _cockpit_upgrade_wizard_class_init_checklist (widget_class);

  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  _cockpit_upgrade_wizard_class_init_install (widget_class);
  gtk_widget_class_install_action (widget_class, "wizard.retry", NULL, retry_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* The tooltips of the template's children (cockpit-widget-util.c says
 * why they are not in the .ui file). */
static const char * const template_tooltips[] = {
  "install_spinner", N_("Asking the cockpit to start…"),
  NULL
};

static void
cockpit_upgrade_wizard_init (CockpitUpgradeWizard *self)
{
  GtkEventController *keys;

  self->environments = g_list_store_new (COCKPIT_TYPE_ENVIRONMENT);
  self->versions = g_list_store_new (COCKPIT_TYPE_RELEASE);

  gtk_widget_init_template (GTK_WIDGET (self));
  cockpit_widget_set_template_tooltips (GTK_WIDGET (self), COCKPIT_TYPE_UPGRADE_WIZARD, template_tooltips);
  cockpit_a11y_name_buttons (GTK_WIDGET (self));
  cockpit_a11y_follow_stack (self->stack);
  cockpit_a11y_follow_stack (self->versions_stack);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
