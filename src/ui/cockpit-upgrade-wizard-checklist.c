/* cockpit-upgrade-wizard-checklist.c: the upgrade wizard's page 3, the consequences confirmed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the upgrade does (blue/green, the version kept), a warning when it
 * breaks the recommended order, the backup of Live first, and the four
 * ticks without which Install stays disabled.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-rules.h"
#include "cockpit-upgrade-texts.h"
#include "cockpit-upgrade-wizard-private.h"

static void
check_toggled_cb (CockpitUpgradeWizard *self)
{
  _cockpit_upgrade_wizard_update_actions (self);
}

void
_cockpit_upgrade_wizard_show_error (CockpitUpgradeWizard *self,
                                    const char           *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

void
_cockpit_upgrade_wizard_fill_consequences (CockpitUpgradeWizard *self)
{
  const char *env = _cockpit_upgrade_wizard_environment_label (self->environment);
  const char *current = cockpit_environment_get_magnolia_version (self->environment);
  const char *target = cockpit_release_get_version (self->release);
  g_autofree char *title = NULL;
  g_autofree char *blue_green = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *tested = NULL;
  g_autofree char *order = NULL;
  g_autofree char *confirmed_for = NULL;
  CockpitOrderWarning warning;

  /* Translators: "Upgrade Live to 6.3.21" */
  title = g_strdup_printf (_("Upgrade %s to %s"), env, target);
  gtk_label_set_label (self->consequences_title, title);

  blue_green = cockpit_upgrade_text_blue_green (env, target, current);
  gtk_label_set_label (self->blue_green_label, blue_green);

  gtk_label_set_label (self->previous_label,
                       cockpit_upgrade_text_previous (cockpit_environment_get_kind (self->environment)));

  warning = cockpit_rules_order_warning (self->package, cockpit_environment_get_kind (self->environment),
                                         target, &order);
  if (warning != COCKPIT_ORDER_OK)
    gtk_label_set_label (self->order_label, order);
  gtk_widget_set_visible (self->order_box, order != NULL);

  gtk_widget_set_visible (self->backup_group, _cockpit_upgrade_wizard_is_live (self->environment));

  notes = cockpit_upgrade_text_read_notes (target);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->check_notes_row), notes);

  tested = cockpit_upgrade_text_tested (self->package, cockpit_environment_get_kind (self->environment), target);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->check_tested_row), tested);

  /* The ticks confirm one version on one environment: another choice
   * must be confirmed again. */
  confirmed_for = g_strdup_printf ("%s/%s", cockpit_environment_get_id (self->environment), target);
  if (g_strcmp0 (confirmed_for, self->confirmed_for) != 0)
    {
      gtk_check_button_set_active (self->check_notes, FALSE);
      gtk_check_button_set_active (self->check_tested, FALSE);
      gtk_check_button_set_active (self->check_templates, FALSE);
      gtk_check_button_set_active (self->check_definitions, FALSE);
      gtk_switch_set_active (self->backup_switch, TRUE);
      g_free (self->confirmed_for);
      self->confirmed_for = g_steal_pointer (&confirmed_for);
    }

  _cockpit_upgrade_wizard_show_error (self, NULL);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->consequences_scroller), 0);
}


void
_cockpit_upgrade_wizard_class_init_checklist (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, check_toggled_cb);
}
