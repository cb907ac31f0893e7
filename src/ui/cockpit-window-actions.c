/* cockpit-window-actions.c: every user action of the main window, and the one function that enables them.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each thing a user can ask of a package (upgrade an environment, back up
 * Live, tear an environment down, extend, restore or delete the upgrade
 * backup) is a window action, "win." and the name of its
 * CockpitUserAction.  Buttons, notification buttons and shortcuts all go
 * through them, so what a disabled action forbids cannot be done another
 * way.  _cockpit_window_actions_update() enables them from the model's one
 * answer, CockpitAvailability, whenever the package, its environments,
 * its action, the releases or the clock change, as GNOME Text Editor's
 * _editor_window_actions_update() does.
 */
#include "config.h"

#include <string.h>

#include "cockpit-activity-page.h"
#include "cockpit-package-page.h"
#include "cockpit-window-private.h"

/* What the window watches so that the answer follows the data. */
typedef struct {
  CockpitSession *session;
  CockpitPackage *package;
  GPtrArray      *environments;
} Watched;

static GQuark
watched_quark (void)
{
  return g_quark_from_static_string ("cockpit-window-actions-watched");
}

static void
inputs_changed_cb (CockpitWindow *self)
{
  _cockpit_window_actions_update (self);
}

static void
environments_changed_cb (CockpitWindow *self)
{
  _cockpit_window_actions_update (self);
}

static void
unwatch (CockpitWindow *self,
         Watched       *watched)
{
  if (watched->session != NULL)
    {
      g_signal_handlers_disconnect_by_func (cockpit_session_get_tracker (watched->session), inputs_changed_cb, self);
      g_signal_handlers_disconnect_by_func (cockpit_session_get_releases (watched->session), inputs_changed_cb, self);
      g_signal_handlers_disconnect_by_func (watched->session, inputs_changed_cb, self);
    }
  if (watched->package != NULL)
    {
      g_signal_handlers_disconnect_by_func (watched->package, inputs_changed_cb, self);
      g_signal_handlers_disconnect_by_func (cockpit_package_get_environments (watched->package),
                                            environments_changed_cb, self);
    }
  for (guint i = 0; i < watched->environments->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (watched->environments, i), inputs_changed_cb, self);

  g_ptr_array_set_size (watched->environments, 0);
  g_clear_object (&watched->session);
  g_clear_object (&watched->package);
}

static void
watched_free (gpointer data)
{
  Watched *watched = data;

  g_clear_object (&watched->session);
  g_clear_object (&watched->package);
  g_ptr_array_unref (watched->environments);
  g_free (watched);
}

static Watched *
get_watched (CockpitWindow *self)
{
  Watched *watched = g_object_get_qdata (G_OBJECT (self), watched_quark ());

  if (watched == NULL)
    {
      watched = g_new0 (Watched, 1);
      watched->environments = g_ptr_array_new_with_free_func (g_object_unref);
      g_object_set_qdata_full (G_OBJECT (self), watched_quark (), watched, watched_free);
    }
  return watched;
}

/* Follows the package shown, its environments, the action tracker, the
 * releases; the window's minute timer stands for the clock. */
static void
watch (CockpitWindow  *self,
       CockpitSession *session,
       CockpitPackage *package)
{
  Watched *watched = get_watched (self);
  GListModel *environments;
  guint n;

  if (package != NULL && watched->package == package && watched->session == session &&
      watched->environments->len == g_list_model_get_n_items (cockpit_package_get_environments (package)))
    return;

  unwatch (self, watched);
  if (session == NULL)
    return;

  watched->session = g_object_ref (session);
  g_signal_connect_object (cockpit_session_get_tracker (session), "action-started",
                           G_CALLBACK (inputs_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cockpit_session_get_tracker (session), "action-updated",
                           G_CALLBACK (inputs_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cockpit_session_get_tracker (session), "action-finished",
                           G_CALLBACK (inputs_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cockpit_session_get_tracker (session), "action-not-started",
                           G_CALLBACK (inputs_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cockpit_session_get_releases (session), "items-changed",
                           G_CALLBACK (inputs_changed_cb), self, G_CONNECT_SWAPPED);
  /* A plan moved on: approve and cancel follow it. */
  g_signal_connect_object (session, "plan-changed", G_CALLBACK (inputs_changed_cb), self, G_CONNECT_SWAPPED);

  if (package == NULL)
    return;

  watched->package = g_object_ref (package);
  g_signal_connect_object (package, "notify", G_CALLBACK (inputs_changed_cb), self, G_CONNECT_SWAPPED);
  environments = cockpit_package_get_environments (package);
  g_signal_connect_object (environments, "items-changed", G_CALLBACK (environments_changed_cb), self,
                           G_CONNECT_SWAPPED);
  n = g_list_model_get_n_items (environments);
  for (guint i = 0; i < n; i++)
    {
      CockpitEnvironment *environment = g_list_model_get_item (environments, i);

      g_signal_connect_object (environment, "notify", G_CALLBACK (inputs_changed_cb), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (watched->environments, environment);
    }
}

/* The one place that decides which user actions are enabled: from the
 * model's answer for the package shown, as of now.  The page shows the
 * reasons of the same answer next to its controls. */
void
_cockpit_window_actions_update (CockpitWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  CockpitPackagePage *page;
  g_autoptr(CockpitAvailability) availability = NULL;

  g_return_if_fail (COCKPIT_IS_WINDOW (self));

  page = cockpit_window_get_package_page (self);
  if (page == NULL)
    return;

  availability = cockpit_package_page_dup_availability (page);
  /* A window being closed has left its application already. */
  watch (self, app != NULL ? cockpit_application_get_session (COCKPIT_APPLICATION (app)) : NULL,
         cockpit_package_page_get_package (page));

  for (guint i = 0; i < COCKPIT_N_USER_ACTIONS; i++)
    {
      g_autofree char *name = g_strconcat ("win.", cockpit_user_action_get_name (i), NULL);

      gtk_widget_action_set_enabled (GTK_WIDGET (self), name, cockpit_availability_get_allowed (availability, i));
    }

  cockpit_package_page_set_availability (page, availability);
}

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
  page = cockpit_window_get_package_page (self);
  availability = cockpit_package_page_dup_availability (page);
  if (!cockpit_availability_get_allowed (availability, action))
    {
      cockpit_window_show_toast (self, cockpit_availability_get_reason (availability, action));
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
  CockpitPackage *package = cockpit_package_page_get_package (cockpit_window_get_package_page (self));
  GtkWidget *activity;
  GObject *entry;

  /* In the fleet, Ctrl+F searches its packages. */
  if (cockpit_window_get_showing_fleet (self))
    {
      if (cockpit_window_get_folded (self))
        gtk_widget_activate_action (widget, "win.show-fleet", NULL);
      cockpit_fleet_view_focus_search (cockpit_window_get_fleet_view (self));
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

void
_cockpit_window_actions_dispose (CockpitWindow *self)
{
  Watched *watched = g_object_get_qdata (G_OBJECT (self), watched_quark ());

  if (watched != NULL)
    unwatch (self, watched);
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
   * them all (resources/gtk/help-overlay.ui). */
  gtk_widget_class_install_action (widget_class, "win.search-activity", NULL, search_activity_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search-activity", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}
