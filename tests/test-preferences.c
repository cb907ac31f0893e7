/* test-preferences.c: the preferences window writes and follows the settings.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-preferences.h"
#include "test-app-util.h"

/* The @n-th widget of @type under @root, depth first. */
static GtkWidget *
find_nth (GtkWidget *root,
          GType      type,
          guint     *n)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && (*n)-- == 0)
        return child;
      if ((found = find_nth (child, type, n)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_by_type (GtkWidget *root,
              GType      type,
              guint      index)
{
  return find_nth (root, type, &index);
}

static void
test_reminder_and_utc (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CockpitPreferences *preferences;
  GtkSwitch *reminder, *utc;
  GtkSpinButton *hours;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  preferences = cockpit_preferences_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (preferences));
  cockpit_test_wait_for_draw (GTK_WIDGET (preferences));

  reminder = GTK_SWITCH (find_by_type (GTK_WIDGET (preferences), GTK_TYPE_SWITCH, 0));
  hours = GTK_SPIN_BUTTON (find_by_type (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON, 0));
  g_assert_nonnull (reminder);
  g_assert_nonnull (hours);

  /* The default: a reminder 6 hours before removal. */
  g_assert_true (gtk_switch_get_active (reminder));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (hours), ==, 6);
  cockpit_test_save_screenshots (GTK_WIDGET (preferences), "preferences");

  gtk_spin_button_set_value (hours, 12);
  g_assert_cmpint (g_settings_get_int (settings, "backup-reminder-hours"), ==, 12);

  /* Off is 0; on again brings back the hours chosen. */
  gtk_switch_set_active (reminder, FALSE);
  g_assert_cmpint (g_settings_get_int (settings, "backup-reminder-hours"), ==, 0);
  gtk_switch_set_active (reminder, TRUE);
  g_assert_cmpint (g_settings_get_int (settings, "backup-reminder-hours"), ==, 12);

  /* A change made elsewhere shows here. */
  g_settings_set_int (settings, "backup-reminder-hours", 0);
  g_assert_false (gtk_switch_get_active (reminder));
  g_settings_set_int (settings, "backup-reminder-hours", 3);
  g_assert_true (gtk_switch_get_active (reminder));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (hours), ==, 3);

  /* The UTC switch is the setting. */
  /* The second switch is the start at log-in, tested with a portal in test-background. */
  utc = GTK_SWITCH (find_by_type (GTK_WIDGET (preferences), GTK_TYPE_SWITCH, 2));
  g_assert_nonnull (utc);
  g_assert_false (g_settings_get_boolean (settings, "show-utc"));
  gtk_switch_set_active (utc, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "show-utc"));

  gtk_window_destroy (GTK_WINDOW (preferences));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/cockpit/preferences/reminder-and-utc", test_reminder_and_utc);

  return g_test_run ();
}
