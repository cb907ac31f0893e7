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

#include "cockpit-background.h"
#include "cockpit-preferences.h"
#include "cockpit-widget-util.h"

#define DEFAULT_REMINDER_HOURS 6

struct _CockpitPreferences
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  GtkSwitch     *reminder_switch;
  GtkWidget     *hours_row;
  GtkSpinButton *hours_spin;
  GtkSwitch     *utc_switch;
  GtkWidget     *background_row;
  GtkSwitch     *background_switch;

  /* Owned references */
  GSettings         *settings;
  CockpitBackground *background;
  GCancellable      *cancellable;
  char              *background_subtitle;
  gboolean           updating;
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
load_background (CockpitPreferences *self)
{
  self->updating = TRUE;
  gtk_switch_set_active (self->background_switch, g_settings_get_boolean (self->settings, "background-reminders"));
  self->updating = FALSE;
}

static void
background_answer_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(CockpitPreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *explanation = NULL;
  CockpitBackgroundAnswer answer;
  gboolean wanted;

  answer = cockpit_background_request_finish (COCKPIT_BACKGROUND (object), result, &explanation, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (self->background_row, TRUE);
  wanted = gtk_switch_get_active (self->background_switch);
  if (answer == COCKPIT_BACKGROUND_ALLOWED || !wanted)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->background_row), self->background_subtitle);
      /* Turned off, the start at log-in is taken back; with no portal
       * there was none to take back. */
      g_settings_set_boolean (self->settings, "background-reminders", wanted);
      return;
    }

  /* Not allowed: the switch goes back, and the person learns why, under
   * the switch (a toast is too short for the whole sentence). */
  g_settings_set_boolean (self->settings, "background-reminders", FALSE);
  load_background (self);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->background_row), explanation);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    cockpit_toast_new_text (_("Your desktop did not allow it")));
}

static void
background_switch_cb (CockpitPreferences *self)
{
  gboolean on = gtk_switch_get_active (self->background_switch);

  if (self->updating)
    return;

  if (self->background == NULL)
    {
      g_settings_set_boolean (self->settings, "background-reminders", on);
      return;
    }

  /* One question at a time: the row waits for the desktop's answer. */
  gtk_widget_set_sensitive (self->background_row, FALSE);
  cockpit_background_request_async (self->background, GTK_WINDOW (self),
                                    _("To remind you about the upgrade backups of Live while no window is open, "
                                      "Upgrade Cockpit starts when you log in."),
                                    on, self->cancellable, background_answer_cb, g_object_ref (self));
}

/* The desktop is asked through @background when the person turns the
 * start at log-in on or off. */
void
cockpit_preferences_set_background (CockpitPreferences *self,
                                    CockpitBackground  *background)
{
  g_return_if_fail (COCKPIT_IS_PREFERENCES (self));

  g_set_object (&self->background, background);
}

static void
cockpit_preferences_dispose (GObject *object)
{
  CockpitPreferences *self = COCKPIT_PREFERENCES (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->background);
  g_clear_pointer (&self->background_subtitle, g_free);
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
  gtk_widget_class_bind_template_child (widget_class, CockpitPreferences, background_row);
  gtk_widget_class_bind_template_child (widget_class, CockpitPreferences, background_switch);
  gtk_widget_class_bind_template_callback (widget_class, background_switch_cb);
  gtk_widget_class_bind_template_callback (widget_class, reminder_switch_cb);
  gtk_widget_class_bind_template_callback (widget_class, hours_changed_cb);
}

static void
cockpit_preferences_init (CockpitPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->background_subtitle = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (self->background_row)));
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
  g_signal_connect_object (settings, "changed::background-reminders", G_CALLBACK (load_background),
                           self, G_CONNECT_SWAPPED);
  load_background (self);

  return self;
}
