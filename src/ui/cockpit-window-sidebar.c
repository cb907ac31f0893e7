/* cockpit-window-sidebar.c: the main window's sidebar and what it opens.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar holds "All Environments" (the fleet) above the list of
 * packages.  Selecting one shows it in the content pane: the fleet, a
 * package's page, or its activity log when the header's toggle asks for
 * it.  The first screen is the fleet when there are more than a few
 * packages, else the package asked for (a notification's), the one shown
 * before, or the one of the last run.  Tab leaves the lists rather than
 * selecting the next row.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-a11y.h"
#include "cockpit-activity-page.h"
#include "cockpit-package-row.h"
#include "cockpit-window-private.h"

/* The package list ------------------------------------------------------------- */

GtkWidget *
_cockpit_window_create_package_row (gpointer item,
                                    gpointer user_data)
{
  return cockpit_package_row_new (item, COCKPIT_WINDOW (user_data)->session);
}

static CockpitPackage *
find_package (CockpitWindow *self,
              const char    *package_id,
              guint         *position)
{
  GListModel *packages;
  g_autoptr(CockpitPackage) first = NULL;

  if (self->session == NULL)
    return NULL;

  packages = cockpit_session_get_packages (self->session);
  if (package_id != NULL)
    return cockpit_package_list_find (packages, package_id, position);

  /* No package asked for: the first. */
  first = g_list_model_get_item (packages, 0);
  if (first != NULL && position != NULL)
    *position = 0;
  return first;  /* the list keeps it alive */
}

/* The activity log of the package shown, made when first asked for and
 * again when the package changes. */
static void
update_activity (CockpitWindow *self)
{
  CockpitPackage *package = cockpit_package_page_get_package (self->package_page);
  GtkWidget *page = adw_bin_get_child (self->activity_bin);
  gboolean wanted = gtk_toggle_button_get_active (self->activity_button) && package != NULL && self->session != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->activity_button), package != NULL && !self->showing_fleet);
  if (self->showing_fleet)
    return;

  if (!wanted)
    {
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "activity") == 0)
        gtk_stack_set_visible_child_name (self->content_stack, package ? "package" : "empty");
      return;
    }

  if (page == NULL || g_strcmp0 (self->activity_package_id, cockpit_package_get_id (package)) != 0)
    {
      page = cockpit_activity_page_new (cockpit_session_get_client (self->session),
                                        cockpit_package_get_id (package),
                                        self->settings);
      cockpit_set_string (&self->activity_package_id, cockpit_package_get_id (package));
      adw_bin_set_child (self->activity_bin, page);
      cockpit_a11y_name_buttons (page);
    }
  gtk_stack_set_visible_child_name (self->content_stack, "activity");
}

static void
activity_toggled_cb (CockpitWindow *self)
{
  update_activity (self);
}

static void
select_package (CockpitWindow *self,
                const char    *package_id)
{
  CockpitPackage *package;
  guint position = 0;

  package = find_package (self, package_id, &position);
  if (package == NULL)
    package = find_package (self, NULL, &position);

  if (package == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      cockpit_package_page_set_package (self->package_page, NULL);
      adw_window_title_set_title (self->content_title, "");
      _cockpit_window_actions_update (self);
      return;
    }

  self->showing_fleet = FALSE;
  gtk_list_box_unselect_all (self->fleet_list);
  gtk_list_box_select_row (self->package_list, gtk_list_box_get_row_at_index (self->package_list, (int) position));
  gtk_stack_set_visible_child_name (self->content_stack, "package");
  cockpit_package_page_set_package (self->package_page, package);
  adw_window_title_set_title (self->content_title, cockpit_package_get_name (package));
  update_activity (self);
  _cockpit_window_actions_update (self);
}

void
cockpit_window_show_package (CockpitWindow *self,
                             const char    *package_id)
{
  g_return_if_fail (COCKPIT_IS_WINDOW (self));

  /* Before the packages are loaded, remember which one to show. */
  g_free (self->wanted_package);
  self->wanted_package = g_strdup (package_id);
  if (find_package (self, package_id, NULL) != NULL)
    {
      select_package (self, package_id);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
    }
}

static void
fleet_open_package_cb (CockpitWindow *self,
                       const char    *package_id)
{
  cockpit_window_show_package (self, package_id);
}

/* All Environments is made when first shown: its table, filters and
 * narrow list were 12 M instructions of every start's window template
 * (and their styles at the first frame), for a page a start does not show. */
static CockpitFleetView *
ensure_fleet_view (CockpitWindow *self)
{
  if (self->fleet_view == NULL && self->leaflet != NULL)
    {
      self->fleet_view = COCKPIT_FLEET_VIEW (cockpit_fleet_view_new ());
      g_signal_connect_object (self->fleet_view, "open-package", G_CALLBACK (fleet_open_package_cb),
                               self, G_CONNECT_SWAPPED);
      cockpit_fleet_view_set_narrow (self->fleet_view, adw_leaflet_get_folded (self->leaflet));
      cockpit_fleet_view_set_session (self->fleet_view, self->session);
      adw_bin_set_child (self->fleet_bin, GTK_WIDGET (self->fleet_view));
      cockpit_a11y_name_buttons (GTK_WIDGET (self->fleet_view));
    }
  return self->fleet_view;
}

/* The fleet: every environment of every package, in the content pane. */
void
cockpit_window_show_fleet (CockpitWindow *self)
{
  g_return_if_fail (COCKPIT_IS_WINDOW (self));

  /* Nothing to show before the window has a session. */
  if (ensure_fleet_view (self) == NULL)
    return;
  self->showing_fleet = TRUE;
  g_clear_pointer (&self->wanted_package, g_free);
  gtk_list_box_unselect_all (self->package_list);
  if (gtk_list_box_get_selected_row (self->fleet_list) == NULL)
    gtk_list_box_select_row (self->fleet_list, gtk_list_box_get_row_at_index (self->fleet_list, 0));
  gtk_toggle_button_set_active (self->activity_button, FALSE);
  gtk_stack_set_visible_child_name (self->content_stack, "fleet");
  adw_window_title_set_title (self->content_title, _("All Environments"));
  update_activity (self);
  _cockpit_window_actions_update (self);
}

gboolean
cockpit_window_get_showing_fleet (CockpitWindow *self)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), FALSE);

  return self->showing_fleet;
}

CockpitFleetView *
cockpit_window_get_fleet_view (CockpitWindow *self)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), NULL);

  return ensure_fleet_view (self);
}

static void
fleet_selected_cb (CockpitWindow *self,
                   GtkListBoxRow *row,
                   GtkListBox    *list)
{
  if (row != NULL && !self->showing_fleet)
    cockpit_window_show_fleet (self);
}

static void
show_fleet_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CockpitWindow *self = COCKPIT_WINDOW (widget);

  if (self->session == NULL)
    return;
  cockpit_window_show_fleet (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
package_selected_cb (CockpitWindow *self,
                     GtkListBoxRow *row,
                     GtkListBox    *list)
{
  const char *id;
  CockpitPackage *package;

  if (row == NULL)
    return;

  id = cockpit_package_get_id (cockpit_package_row_get_package (COCKPIT_PACKAGE_ROW (row)));
  package = find_package (self, id, NULL);
  if (package == NULL)
    return;

  self->showing_fleet = FALSE;
  gtk_list_box_unselect_all (self->fleet_list);
  gtk_stack_set_visible_child_name (self->content_stack, "package");
  cockpit_package_page_set_package (self->package_page, package);
  adw_window_title_set_title (self->content_title, cockpit_package_get_name (package));
  update_activity (self);
  _cockpit_window_actions_update (self);
  g_settings_set_string (self->settings, "last-package", id);
}

/* Tab leaves the list: GtkListBox would move to the next row and select
 * it, which opens another package.  The arrow keys still go from row to
 * row.  Forward goes to the package beside the list (or, folded, round to
 * the header bar), backward to the controls above the list. */
static gboolean
package_list_key_cb (CockpitWindow         *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
  GtkDirectionType direction;

  if (keyval == GDK_KEY_ISO_Left_Tab ||
      ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && (state & GDK_SHIFT_MASK) != 0))
    direction = GTK_DIR_TAB_BACKWARD;
  else if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = GTK_DIR_TAB_FORWARD;
  else
    return FALSE;
  /* Ctrl+Tab is GTK's own way out of a widget that takes Tab. */
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  if (direction == GTK_DIR_TAB_FORWARD)
    {
      if ((!adw_leaflet_get_folded (self->leaflet) || adw_leaflet_get_visible_child (self->leaflet) == self->content) &&
          gtk_widget_child_focus (self->content, direction))
        return TRUE;
      return gtk_widget_child_focus (header, direction);
    }

  if (gtk_revealer_get_reveal_child (self->offline_revealer) &&
      gtk_widget_child_focus (GTK_WIDGET (self->offline_revealer), direction))
    return TRUE;
  return gtk_widget_child_focus (header, direction);
}

static void
package_activated_cb (CockpitWindow *self,
                      GtkListBoxRow *row,
                      GtkListBox    *list)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
_cockpit_window_packages_changed_cb (GListModel    *packages,
                                     guint          position,
                                     guint          removed,
                                     guint          added,
                                     CockpitWindow *self)
{
  const char *current = NULL;
  g_autofree char *last = NULL;
  CockpitPackage *shown = cockpit_package_page_get_package (self->package_page);

  /* More than a few packages: the fleet is the first screen, unless a
   * package was asked for (a notification's). */
  if (!self->first_screen_chosen && g_list_model_get_n_items (packages) > 0)
    {
      self->first_screen_chosen = TRUE;
      if (g_list_model_get_n_items (packages) > COCKPIT_WINDOW_FLEET_FIRST &&
          (self->wanted_package == NULL || find_package (self, self->wanted_package, NULL) == NULL))
        {
          cockpit_window_show_fleet (self);
          return;
        }
    }
  if (self->showing_fleet)
    return;

  if (self->wanted_package != NULL && find_package (self, self->wanted_package, NULL) != NULL)
    current = self->wanted_package;
  else if (shown != NULL)
    current = cockpit_package_get_id (shown);
  else
    {
      last = g_settings_get_string (self->settings, "last-package");
      current = last;
    }

  select_package (self, current);
}

GtkWidget *
cockpit_window_show_activity (CockpitWindow *self,
                              gboolean       show)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), NULL);

  if (self->activity_button == NULL)
    return NULL;
  gtk_toggle_button_set_active (self->activity_button, show);
  return show ? adw_bin_get_child (self->activity_bin) : NULL;
}

GtkWidget *
cockpit_window_get_package_row (CockpitWindow *self,
                                guint          index)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), NULL);

  if (self->package_list == NULL)
    return NULL;
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->package_list, index));
}

void
_cockpit_window_class_sidebar_init (CockpitWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.show-fleet", NULL, show_fleet_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.show-fleet", NULL);
}

void
_cockpit_window_sidebar_add_callbacks (GtkBuilderCScope *scope)
{
  gtk_builder_cscope_add_callback_symbol (scope, "activity_toggled_cb", G_CALLBACK (activity_toggled_cb));
  gtk_builder_cscope_add_callback_symbol (scope, "package_selected_cb", G_CALLBACK (package_selected_cb));
  gtk_builder_cscope_add_callback_symbol (scope, "package_activated_cb", G_CALLBACK (package_activated_cb));
  gtk_builder_cscope_add_callback_symbol (scope, "fleet_selected_cb", G_CALLBACK (fleet_selected_cb));
}

void
_cockpit_window_sidebar_init (CockpitWindow *self)
{
  GtkEventController *keys;

  /* Before the list box sees the key. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (package_list_key_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->package_list), keys);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (package_list_key_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->fleet_list), keys);
}
