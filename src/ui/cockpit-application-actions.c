/* cockpit-application-actions.c: the application's actions (app.*) and their shortcuts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the menus, the notifications and `gapplication action` can ask of
 * the application: about, preferences, quit, sign out, open a package,
 * extend an upgrade backup, show the helpdesk, approve a plan.  The Demo
 * menu's actions are in cockpit-application-demo.c.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-about.h"
#include "cockpit-application-private.h"
#include "cockpit-preferences.h"
#include "cockpit-window.h"

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CockpitApplication *self = user_data;
  const char *url = NULL;

  /* The cockpit the app talks to, for the debug information: the demo's
   * own address changes each run and says nothing. */
  if (self->demo != NULL)
    url = "demo";
  else if (self->session != NULL)
    url = cockpit_client_get_base_url (cockpit_session_get_client (self->session));
  gtk_window_present (cockpit_about_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)), url));
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CockpitApplication *self = user_data;
  CockpitPreferences *preferences;

  preferences = cockpit_preferences_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         self->settings);
  cockpit_preferences_set_background (preferences, self->background);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
open_package_action_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  CockpitApplication *self = user_data;
  CockpitWindow *window = _cockpit_application_ensure_window (self);

  cockpit_window_show_package (window, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (window));
}

/* Opens the package, and the window asks to confirm the extension. */
static void
extend_backup_action_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  CockpitApplication *self = user_data;
  CockpitWindow *window = _cockpit_application_ensure_window (self);
  const char *package_id = g_variant_get_string (parameter, NULL);

  cockpit_window_show_package (window, package_id);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.extend-backup", "s", package_id);
}

/* From a helpdesk notification: the window, with its helpdesk popover
 * open when the window offers "win.show-helpdesk". */
static void
show_helpdesk_action_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  CockpitApplication *self = user_data;
  CockpitWindow *window = _cockpit_application_ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-helpdesk", NULL);
}

static const GActionEntry app_actions[] = {
  { "about", about_action_cb },
  { "preferences", preferences_action_cb },
  { "quit", quit_action_cb },
  { "sign-out", _cockpit_application_sign_out_action_cb },
  { "open-package", open_package_action_cb, "s" },
  { "show-helpdesk", show_helpdesk_action_cb },
  { "extend-backup", extend_backup_action_cb, "s" },
  { "approve-plan", _cockpit_application_approve_plan_action_cb, "s" },
};

void
_cockpit_application_add_actions (CockpitApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *refresh_accels[] = { "<Control>r", "F5", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.refresh", refresh_accels);
  /* GtkApplication sets this one only for a gtk/help-overlay.ui of its own. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", shortcuts_accels);
}
