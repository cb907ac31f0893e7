/* cockpit-window-actions.c: every user action of the main window, and the one function that enables them.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each thing a user can ask of a package (upgrade an environment, back up
 * Live, tear an environment down, extend, restore or delete the upgrade
 * backup) is a window action, "win." and the name of its
 * CockpitUserAction.  Buttons, notification buttons and shortcuts all go
 * through them, so what a disabled action forbids cannot be done another
 * way.  cockpit-window-availability.c enables them.
 */
#include "config.h"

#include <string.h>

#include "cockpit-activity-page.h"
#include "cockpit-package-page.h"
#include "cockpit-widget-util.h"
#include "cockpit-window-private.h"

/* Asks the model once more, since the clock may have moved on since the
 * actions were enabled, and a notification's button names a package
 * that may not be the one shown. */
void
_cockpit_window_actions_activate (CockpitWindow     *self,
                                  CockpitUserAction  action)
{
  CockpitPackagePage *page;
  g_autoptr(CockpitAvailability) availability = NULL;

  g_return_if_fail (COCKPIT_IS_WINDOW (self));
  g_return_if_fail (action < COCKPIT_N_USER_ACTIONS);

  _cockpit_window_actions_update (self);
  page = self->package_page;
  if (page == NULL)
    return;
  availability = cockpit_package_page_dup_availability (page);
  if (!cockpit_availability_get_allowed (availability, action))
    {
      cockpit_widget_show_toast (GTK_WIDGET (self), cockpit_availability_get_reason (availability, action));
      return;
    }

  cockpit_package_page_run (page, action);
}

static void
user_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CockpitUserAction action = cockpit_user_action_from_name (action_name + strlen ("win."));

  _cockpit_window_actions_activate (COCKPIT_WINDOW (widget), action);
}

/* Ctrl+F: the package's activity log, with the focus in its search. */
static void
search_activity_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CockpitWindow *self = COCKPIT_WINDOW (widget);
  CockpitPackage *package = self->package_page != NULL ? cockpit_package_page_get_package (self->package_page) : NULL;
  GtkWidget *activity;
  GObject *entry;

  /* In the fleet, Ctrl+F searches its packages. */
  if (self->showing_fleet)
    {
      if (adw_leaflet_get_folded (self->leaflet))
        gtk_widget_activate_action (widget, "win.show-fleet", NULL);
      cockpit_fleet_view_focus_search (self->fleet_view);
      return;
    }
  if (package == NULL)
    return;

  /* Folded, the list may be what is shown: open the package first. */
  cockpit_window_show_package (self, cockpit_package_get_id (package));
  activity = cockpit_window_show_activity (self, TRUE);
  if (activity == NULL)
    return;
  entry = gtk_widget_get_template_child (activity, COCKPIT_TYPE_ACTIVITY_PAGE, "search_entry");
  if (GTK_IS_WIDGET (entry))
    gtk_widget_grab_focus (GTK_WIDGET (entry));
}

/* The shortcuts window, built when first asked for.  Under the name
 * GtkApplication looks for (gtk/help-overlay.ui) it was built with every
 * window, though few users ever open it: 27 M instructions, 3 % of a
 * start.  The window's own "show-help-overlay" action keeps GTK from
 * adding its own when the window is given to the application window. */
static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplicationWindow *window = user_data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "/ui/cockpit-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

void
_cockpit_window_actions_init (CockpitWindow *self)
{
  g_autoptr(GSimpleAction) help_overlay = g_simple_action_new ("show-help-overlay", NULL);

  g_signal_connect_object (help_overlay, "activate", G_CALLBACK (show_help_overlay_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (help_overlay));
}

void
_cockpit_window_class_actions_init (CockpitWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  for (guint i = 0; i < COCKPIT_N_USER_ACTIONS; i++)
    {
      g_autofree char *name = g_strconcat ("win.", cockpit_user_action_get_name (i), NULL);

      gtk_widget_class_install_action (widget_class, name, NULL, user_action_cb);
    }

  /* The shortcuts of GNOME's guidelines that are the window's; Ctrl+Q,
   * F5 and Ctrl+? are the application's.  The shortcuts window lists
   * them all (resources/ui/cockpit-shortcuts-window.ui). */
  gtk_widget_class_install_action (widget_class, "win.search-activity", NULL, search_activity_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search-activity", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}
