/* cockpit-preferences.c: the preferences window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every choice is a GSettings key.  The reminder is one key,
 * "backup-reminder-hours", where 0 means off; the window shows it as a
 * switch and a number of hours, and remembers the hours while the switch
 * is off.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-preferences.h"

#define DEFAULT_REMINDER_HOURS 6

struct _CockpitPreferences
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  GtkSwitch     *reminder_switch;
  GtkWidget     *hours_row;
  GtkSpinButton *hours_spin;
  GtkSwitch     *utc_switch;

  /* Owned references */
  GSettings     *settings;
  gboolean       updating;
};

G_DEFINE_FINAL_TYPE (CockpitPreferences, cockpit_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static void
load_reminder (CockpitPreferences *self)
{
  int hours = g_settings_get_int (self->settings, "backup-reminder-hours");

  self->updating = TRUE;
  gtk_switch_set_active (self->reminder_switch, hours > 0);
  if (hours > 0)
    gtk_spin_button_set_value (self->hours_spin, hours);
  gtk_widget_set_sensitive (self->hours_row, hours > 0);
  self->updating = FALSE;
}

static void
reminder_switch_cb (CockpitPreferences *self)
{
  gboolean on = gtk_switch_get_active (self->reminder_switch);

  if (self->updating)
    return;

  gtk_widget_set_sensitive (self->hours_row, on);
  g_settings_set_int (self->settings, "backup-reminder-hours",
                      on ? gtk_spin_button_get_value_as_int (self->hours_spin) : 0);
}

static void
hours_changed_cb (CockpitPreferences *self)
{
  if (self->updating || !gtk_switch_get_active (self->reminder_switch))
    return;

  g_settings_set_int (self->settings, "backup-reminder-hours", gtk_spin_button_get_value_as_int (self->hours_spin));
}

static void
cockpit_preferences_dispose (GObject *object)
{
  CockpitPreferences *self = COCKPIT_PREFERENCES (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), COCKPIT_TYPE_PREFERENCES);

  G_OBJECT_CLASS (cockpit_preferences_parent_class)->dispose (object);
}

static void
cockpit_preferences_class_init (CockpitPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cockpit_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cockpit-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, CockpitPreferences, reminder_switch);
  gtk_widget_class_bind_template_child (widget_class, CockpitPreferences, hours_row);
  gtk_widget_class_bind_template_child (widget_class, CockpitPreferences, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, CockpitPreferences, utc_switch);
  gtk_widget_class_bind_template_callback (widget_class, reminder_switch_cb);
  gtk_widget_class_bind_template_callback (widget_class, hours_changed_cb);
}

static void
cockpit_preferences_init (CockpitPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_spin_button_set_value (self->hours_spin, DEFAULT_REMINDER_HOURS);
}

CockpitPreferences *
cockpit_preferences_new (GtkWindow *parent,
                         GSettings *settings)
{
  CockpitPreferences *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (COCKPIT_TYPE_PREFERENCES, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind (settings, "show-utc", self->utc_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::backup-reminder-hours", G_CALLBACK (load_reminder),
                           self, G_CONNECT_SWAPPED);
  load_reminder (self);

  return self;
}
