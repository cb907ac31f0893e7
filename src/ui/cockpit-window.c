/* cockpit-window.c: the main window: sign-in, the packages, a package's page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-a11y.h"
#include "cockpit-activity-page.h"
#include "cockpit-fleet-view.h"
#include "cockpit-helpdesk-button.h"
#include "cockpit-package-page.h"
#include "cockpit-plan-card.h"
#include "cockpit-window-private.h"

struct _CockpitWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *main_stack;
  AdwEntryRow         *url_row;
  AdwPasswordEntryRow *token_row;
  GtkLabel            *sign_in_error;
  GtkSpinner          *sign_in_spinner;
  GtkSpinner          *loading_spinner;
  AdwLeaflet          *leaflet;
  AdwClamp            *sidebar_clamp;
  GtkWidget           *sidebar;
  GtkWidget           *content;
  GtkListBox          *package_list;
  GtkRevealer         *offline_revealer;
  GtkLabel            *offline_label;
  AdwWindowTitle      *sidebar_title;
  AdwWindowTitle      *content_title;
  GtkWidget           *demo_badge;
  GtkStack            *content_stack;
  AdwStatusPage       *empty_status;
  GtkImage            *sign_in_icon;
  CockpitPackagePage  *package_page;
  CockpitHelpdeskButton *helpdesk_button;
  GtkToggleButton     *activity_button;
  GtkWidget           *refresh_button;
  GtkWidget           *header_menu_button;
  GMenuModel          *header_menu;
  AdwBin              *activity_bin;
  GtkMenuButton       *main_menu_button;
  GMenuModel          *main_menu;
  GMenuModel          *demo_menu;
  GtkListBox          *fleet_list;
  CockpitFleetView    *fleet_view;

  /* Owned references */
  CockpitSession      *session;
  GCancellable        *cancellable;
  char                *wanted_package;
  GMenuModel          *demo_main_menu;
  gboolean             signing_in;
  guint                minute_id;
  char                *last_toast;     /* for tests */
  gboolean             showing_fleet;
  gboolean             first_screen_chosen;
};

G_DEFINE_FINAL_TYPE (CockpitWindow, cockpit_window, ADW_TYPE_APPLICATION_WINDOW)

static CockpitApplication *
get_app (CockpitWindow *self)
{
  return COCKPIT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

void
cockpit_window_show_toast (CockpitWindow *self,
                           const char    *text)
{
  g_return_if_fail (COCKPIT_IS_WINDOW (self));

  g_free (self->last_toast);
  self->last_toast = g_strdup (text);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

const char *
cockpit_window_get_last_toast (CockpitWindow *self)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), NULL);

  return self->last_toast;
}

const char *
cockpit_window_get_page_name (CockpitWindow *self)
{
  const char *name;

  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), NULL);

  name = gtk_stack_get_visible_child_name (self->main_stack);
  if (g_strcmp0 (name, "packages") == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "empty") == 0)
    return "empty";
  return name;
}

/* The package list ------------------------------------------------------------- */

static GtkWidget *
create_package_row (gpointer item,
                    gpointer user_data)
{
  CockpitPackage *package = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("applications-engineering-symbolic");

  /* Names are text, not markup: "City Power & Light" is a name. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (package, "name", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (package, "status-text", row, "subtitle", G_BINDING_SYNC_CREATE);
  g_object_set (row, "title-lines", 2, "subtitle-lines", 2, NULL);
  gtk_widget_set_visible (icon, cockpit_package_is_in_maintenance (package));
  gtk_widget_set_tooltip_text (icon, _("In maintenance"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("In maintenance"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  /* Marked while its upgrade plan waits for the user's approval. */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             cockpit_plan_mark_new (get_app (user_data) ? cockpit_application_get_session (get_app (user_data)) : NULL,
                                                    package));
  g_object_set_data_full (G_OBJECT (row), "package-id", g_strdup (cockpit_package_get_id (package)), g_free);
  /* Folded, the list is all there is: a click or Enter on a row opens
   * its package, which needs rows that can be activated. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

static CockpitPackage *
find_package (CockpitWindow *self,
              const char    *package_id,
              guint         *position)
{
  GListModel *packages;

  if (self->session == NULL)
    return NULL;

  packages = cockpit_session_get_packages (self->session);
  for (guint i = 0; i < g_list_model_get_n_items (packages); i++)
    {
      g_autoptr(CockpitPackage) package = g_list_model_get_item (packages, i);

      if (package_id == NULL || g_strcmp0 (cockpit_package_get_id (package), package_id) == 0)
        {
          if (position != NULL)
            *position = i;
          return package;  /* the list keeps it alive */
        }
    }
  return NULL;
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

  if (page == NULL ||
      g_strcmp0 (g_object_get_data (G_OBJECT (page), "package-id"), cockpit_package_get_id (package)) != 0)
    {
      page = cockpit_activity_page_new (cockpit_session_get_client (self->session),
                                        cockpit_package_get_id (package),
                                        cockpit_application_get_settings (get_app (self)));
      g_object_set_data_full (G_OBJECT (page), "package-id", g_strdup (cockpit_package_get_id (package)), g_free);
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

/* The fleet: every environment of every package, in the content pane. */
void
cockpit_window_show_fleet (CockpitWindow *self)
{
  g_return_if_fail (COCKPIT_IS_WINDOW (self));

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

  return self->fleet_view;
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
fleet_open_package_cb (CockpitWindow *self,
                       const char    *package_id)
{
  cockpit_window_show_package (self, package_id);
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

  id = g_object_get_data (G_OBJECT (row), "package-id");
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
  g_settings_set_string (cockpit_application_get_settings (get_app (self)), "last-package", id);
}

/* Side by side, the clamp caps the list's width; folded, the list is the
 * whole window and takes its width. */
static void
apply_folded (CockpitWindow *self,
              gboolean       folded)
{
  int size = folded ? G_MAXINT / 2 : 300;

  adw_clamp_set_maximum_size (self->sidebar_clamp, size);
  adw_clamp_set_tightening_threshold (self->sidebar_clamp, size);

  /* Down to 360 px (a phone): Refresh and the activity log move into a
   * menu, the helpdesk's button takes only the room its counts need,
   * and the page stacks what it would put side by side. */
  gtk_widget_set_visible (self->refresh_button, !folded);
  gtk_widget_set_visible (GTK_WIDGET (self->activity_button), !folded);
  gtk_widget_set_visible (self->header_menu_button, folded);
  /* Its popover only while it is shown: a hidden menu button's menu
   * kept a side by side window drawing frames while idle. */
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->header_menu_button), folded ? self->header_menu : NULL);
  cockpit_helpdesk_button_set_compact (self->helpdesk_button, folded);
  cockpit_package_page_set_narrow (self->package_page, folded);
  cockpit_fleet_view_set_narrow (self->fleet_view, folded);
}

static void
folded_cb (CockpitWindow *self)
{
  apply_folded (self, adw_leaflet_get_folded (self->leaflet));
}

/* Below this width the leaflet always folds (it folded at 452 px). */
#define SURELY_FOLDED_WIDTH 440

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
      if ((!adw_leaflet_get_folded (self->leaflet) || cockpit_window_get_showing_content (self)) &&
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

static void
packages_changed_cb (GListModel    *packages,
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
      last = g_settings_get_string (cockpit_application_get_settings (get_app (self)), "last-package");
      current = last;
    }

  select_package (self, current);
}

/* The offline bar and titles --------------------------------------------------- */

static void
update_status (CockpitWindow *self)
{
  GDateTime *updated;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  CockpitUser *user;

  if (self->session == NULL)
    return;

  updated = cockpit_session_get_updated_at (self->session);
  if (updated != NULL)
    {
      when = cockpit_format_date_time (updated, COCKPIT_DATE_SHORT);
    }

  if (cockpit_session_get_offline (self->session))
    text = when ? g_strdup_printf (_("Offline. Showing what was loaded on %s."), when)
                : g_strdup (_("Offline. The cockpit can't be reached."));
  else if (cockpit_session_get_error (self->session) != NULL)
    text = g_strdup (cockpit_session_get_error (self->session));
  else if (cockpit_session_get_from_cache (self->session) && when != NULL)
    text = g_strdup_printf (_("Showing what was loaded on %s. Loading…"), when);

  gtk_label_set_text (self->offline_label, text ? text : "");
  gtk_revealer_set_reveal_child (self->offline_revealer, text != NULL);

  user = cockpit_session_get_user (self->session);
  adw_window_title_set_subtitle (self->sidebar_title, user ? cockpit_user_get_name (user) : "");
}

/* Pages ---------------------------------------------------------------------- */

static void
session_updated_cb (CockpitWindow *self)
{
  cockpit_package_page_tick (self->package_page);
  cockpit_fleet_view_tick (self->fleet_view);
}

static void
set_session (CockpitWindow  *self,
             CockpitSession *session)
{
  if (self->session == session)
    return;

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (cockpit_session_get_packages (self->session), self);
      gtk_list_box_bind_model (self->package_list, NULL, NULL, NULL, NULL);
    }

  g_set_object (&self->session, session);
  self->first_screen_chosen = FALSE;
  self->showing_fleet = FALSE;
  gtk_list_box_unselect_all (self->fleet_list);
  cockpit_package_page_set_session (self->package_page, session);
  cockpit_fleet_view_set_session (self->fleet_view, session);
  _cockpit_window_actions_update (self);
  cockpit_helpdesk_button_set_helpdesk (self->helpdesk_button,
                                        session ? cockpit_application_get_helpdesk (get_app (self)) : NULL);
  cockpit_helpdesk_button_set_packages (self->helpdesk_button,
                                        session ? cockpit_session_get_packages (session) : NULL);

  if (session != NULL)
    {
      GListModel *packages = cockpit_session_get_packages (session);

      gtk_list_box_bind_model (self->package_list, packages, create_package_row, self, NULL);
      g_signal_connect_object (packages, "items-changed", G_CALLBACK (packages_changed_cb), self, G_CONNECT_AFTER);
      g_signal_connect_object (session, "notify::offline", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::error", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::from-cache", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::updated-at", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
      /* Countdowns count again with fresh data: the clock may have moved
       * by more than the minute timer knows (a demo's skip ahead). */
      g_signal_connect_object (session, "notify::updated-at", G_CALLBACK (session_updated_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::user", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
      packages_changed_cb (packages, 0, 0, 0, self);
      update_status (self);
    }
}

/* In demo mode the main menu has a Demo section as its second one.  The
 * menu button gets a whole other model rather than a section added and
 * removed: GTK 4.8's popover menu keeps the pages of removed submenus. */
static void
update_demo_menu (CockpitWindow *self,
                  gboolean       demo)
{
  GMenuModel *wanted = self->main_menu;

  if (demo)
    {
      if (self->demo_main_menu == NULL)
        {
          g_autoptr(GMenuModel) first = g_menu_model_get_item_link (self->main_menu, 0, G_MENU_LINK_SECTION);
          g_autoptr(GMenuModel) second = g_menu_model_get_item_link (self->main_menu, 1, G_MENU_LINK_SECTION);
          GMenu *menu = g_menu_new ();

          g_menu_append_section (menu, NULL, first);
          g_menu_append_section (menu, _("Demo"), self->demo_menu);
          g_menu_append_section (menu, NULL, second);
          self->demo_main_menu = G_MENU_MODEL (menu);
        }
      wanted = self->demo_main_menu;
    }

  if (gtk_menu_button_get_menu_model (self->main_menu_button) != wanted)
    gtk_menu_button_set_menu_model (self->main_menu_button, wanted);
}

static void
update_page (CockpitWindow *self)
{
  CockpitApplication *app = get_app (self);
  CockpitSession *session = cockpit_application_get_session (app);
  const char *error = cockpit_application_get_sign_in_error (app);

  set_session (self, session);

  gtk_widget_set_visible (self->demo_badge, cockpit_application_get_demo (app));
  update_demo_menu (self, cockpit_application_get_demo (app));

  if (session != NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "packages");
      gtk_spinner_set_spinning (self->loading_spinner, FALSE);
      return;
    }

  if (error != NULL)
    {
      gtk_label_set_text (self->sign_in_error, error);
      gtk_widget_set_visible (GTK_WIDGET (self->sign_in_error), TRUE);
    }

  if (cockpit_application_get_busy (app) && error == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "loading");
  else
    gtk_stack_set_visible_child_name (self->main_stack, "sign-in");
  gtk_spinner_set_spinning (self->loading_spinner,
                            g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "loading"));
}

/* Sign-in ---------------------------------------------------------------------- */

static void
update_sign_in_action (CockpitWindow *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->token_row));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-in",
                                 !self->signing_in && *url != '\0' && *token != '\0');
}

static void
sign_in_changed_cb (CockpitWindow *self)
{
  update_sign_in_action (self);
}

static void
set_signing_in (CockpitWindow *self,
                gboolean       signing_in)
{
  self->signing_in = signing_in;
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_spinner), signing_in);
  gtk_spinner_set_spinning (self->sign_in_spinner, signing_in);
  /* The rows stay sensitive: making a focused GtkText insensitive makes
   * GTK 4.8 warn about a lost focus-out event. */
  update_sign_in_action (self);
}

static void
sign_in_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CockpitWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!cockpit_application_sign_in_finish (COCKPIT_APPLICATION (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_label_set_text (self->sign_in_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->sign_in_error), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->sign_in_error), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->token_row), "");
    }

  set_signing_in (self, FALSE);
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CockpitWindow *self = COCKPIT_WINDOW (widget);

  if (self->signing_in)
    return;

  set_signing_in (self, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_error), FALSE);
  cockpit_application_sign_in_async (get_app (self),
                                     gtk_editable_get_text (GTK_EDITABLE (self->url_row)),
                                     gtk_editable_get_text (GTK_EDITABLE (self->token_row)),
                                     self->cancellable, sign_in_cb, g_object_ref (self));
}

static void
sign_in_activated_cb (CockpitWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.sign-in", NULL);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CockpitWindow *self = COCKPIT_WINDOW (widget);

  if (self->session != NULL)
    cockpit_session_refresh (self->session);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CockpitWindow *self = COCKPIT_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_helpdesk_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CockpitWindow *self = COCKPIT_WINDOW (widget);

  if (self->session != NULL)
    cockpit_helpdesk_button_popup (self->helpdesk_button);
}

static void
extend_backup_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CockpitWindow *self = COCKPIT_WINDOW (widget);

  /* From the reminder's "Extend to 5 Days" button: the package, then its question,
   * if the extension is still allowed. */
  cockpit_window_show_package (self, g_variant_get_string (parameter, NULL));
  _cockpit_window_actions_activate (self, COCKPIT_USER_ACTION_EXTEND_UPGRADE_BACKUP);
}

/* The clock moved: the countdowns, and what can be done now. */
void
cockpit_window_tick (CockpitWindow *self)
{
  g_return_if_fail (COCKPIT_IS_WINDOW (self));

  cockpit_package_page_tick (self->package_page);
  cockpit_fleet_view_tick (self->fleet_view);
  _cockpit_window_actions_update (self);
}

/* One timer per window, not per widget, and only while it is shown:
 * countdowns move once a minute. */
static gboolean
minute_cb (gpointer user_data)
{
  CockpitWindow *self = user_data;

  cockpit_window_tick (self);
  return G_SOURCE_CONTINUE;
}

/* Opened narrow, the window is sized (as it is realized) before the
 * leaflet knows it folds, so it took the width of the page side by side
 * (452 px) and kept it: lay the page out narrow first. */
static void
cockpit_window_realize (GtkWidget *widget)
{
  CockpitWindow *self = COCKPIT_WINDOW (widget);
  int width = 0, height = 0;

  /* (GTK 4.8 needs both pointers.) */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && width < SURELY_FOLDED_WIDTH && !adw_leaflet_get_folded (self->leaflet))
    apply_folded (self, TRUE);

  GTK_WIDGET_CLASS (cockpit_window_parent_class)->realize (widget);
}

static void
cockpit_window_map (GtkWidget *widget)
{
  CockpitWindow *self = COCKPIT_WINDOW (widget);

  GTK_WIDGET_CLASS (cockpit_window_parent_class)->map (widget);

  cockpit_window_tick (self);
  if (self->minute_id == 0)
    self->minute_id = g_timeout_add_seconds (60, minute_cb, self);
}

static void
cockpit_window_unmap (GtkWidget *widget)
{
  CockpitWindow *self = COCKPIT_WINDOW (widget);

  g_clear_handle_id (&self->minute_id, g_source_remove);

  GTK_WIDGET_CLASS (cockpit_window_parent_class)->unmap (widget);
}

/* The window ------------------------------------------------------------------- */

static gboolean
cockpit_window_close_request (GtkWindow *window)
{
  CockpitWindow *self = COCKPIT_WINDOW (window);
  GSettings *settings = cockpit_application_get_settings (get_app (self));
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));

  /* The application holds itself while an action runs; say so once. */
  if (self->session != NULL &&
      g_list_model_get_n_items (cockpit_action_tracker_get_actions (cockpit_session_get_tracker (self->session))) > 0)
    cockpit_application_window_closed_while_busy (get_app (self));

  return GTK_WINDOW_CLASS (cockpit_window_parent_class)->close_request (window);
}

/* Runs once the window belongs to the application ("application" is not
 * a construct property, so constructed() is too early). */
static void
setup (CockpitWindow *self)
{
  CockpitApplication *app = get_app (self);
  GSettings *settings = cockpit_application_get_settings (app);
  g_autofree char *url = g_settings_get_string (settings, "cockpit-url");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);

  g_signal_connect_object (app, "notify::session", G_CALLBACK (update_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "notify::sign-in-error", G_CALLBACK (update_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "notify::busy", G_CALLBACK (update_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "notify::demo", G_CALLBACK (update_page), self, G_CONNECT_SWAPPED);
  update_page (self);
  update_sign_in_action (self);
}

static void
cockpit_window_dispose (GObject *object)
{
  CockpitWindow *self = COCKPIT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->minute_id, g_source_remove);
  set_session (self, NULL);
  _cockpit_window_actions_dispose (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCKPIT_TYPE_WINDOW);

  G_OBJECT_CLASS (cockpit_window_parent_class)->dispose (object);
}

static void
cockpit_window_finalize (GObject *object)
{
  CockpitWindow *self = COCKPIT_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->demo_main_menu);
  g_clear_pointer (&self->wanted_package, g_free);
  g_clear_pointer (&self->last_toast, g_free);

  G_OBJECT_CLASS (cockpit_window_parent_class)->finalize (object);
}

static void
cockpit_window_class_init (CockpitWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cockpit_window_dispose;
  object_class->finalize = cockpit_window_finalize;
  window_class->close_request = cockpit_window_close_request;
  widget_class->realize = cockpit_window_realize;
  widget_class->map = cockpit_window_map;
  widget_class->unmap = cockpit_window_unmap;

  g_type_ensure (COCKPIT_TYPE_PACKAGE_PAGE);
  g_type_ensure (COCKPIT_TYPE_HELPDESK_BUTTON);
  g_type_ensure (COCKPIT_TYPE_FLEET_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cockpit-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, url_row);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, token_row);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, sign_in_error);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, sign_in_spinner);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, sidebar_clamp);
  gtk_widget_class_bind_template_callback (widget_class, folded_cb);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, content);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, package_list);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, offline_revealer);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, offline_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, demo_badge);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, empty_status);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, sign_in_icon);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, package_page);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, helpdesk_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, activity_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, header_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, header_menu);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, activity_bin);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, main_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, main_menu);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, demo_menu);
  gtk_widget_class_bind_template_callback (widget_class, activity_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, package_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, package_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, fleet_list);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, fleet_view);
  gtk_widget_class_bind_template_callback (widget_class, fleet_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, fleet_open_package_cb);

  gtk_widget_class_install_action (widget_class, "win.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.extend-backup", "s", extend_backup_action);
  gtk_widget_class_install_action (widget_class, "win.show-helpdesk", NULL, show_helpdesk_action);
  gtk_widget_class_install_action (widget_class, "win.show-fleet", NULL, show_fleet_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.show-fleet", NULL);
  _cockpit_window_class_actions_init (klass);
}

/* The big icons of the sign-in and "No Packages" pages are set once they
 * are on screen for a frame: a hidden stack page is measured all the
 * same, and the empty page is mapped for a moment while the first
 * package is selected; looking up an icon that only exists as SVG at
 * that size (the app's, folder-symbolic at 128 px) loaded librsvg,
 * 6.5 MiB, into every start, for pages a signed-in or demo start never
 * shows (docs/performance.md). */
static gboolean
set_big_icons_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  CockpitWindow *self = COCKPIT_WINDOW (gtk_widget_get_root (widget));

  if (gtk_widget_get_mapped (GTK_WIDGET (self->empty_status)))
    adw_status_page_set_icon_name (self->empty_status, "folder-symbolic");
  if (gtk_widget_get_mapped (GTK_WIDGET (self->sign_in_icon)))
    gtk_image_set_from_icon_name (self->sign_in_icon, APP_ID);
  return G_SOURCE_REMOVE;
}

static void
icon_shown_cb (GtkWidget *widget)
{
  gtk_widget_add_tick_callback (widget, set_big_icons_cb, NULL, NULL);
}

static void
cockpit_window_init (CockpitWindow *self)
{
  GtkEventController *keys;
  g_autoptr(GSimpleActionGroup) header_actions = NULL;
  g_autoptr(GPropertyAction) activity = NULL;

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->empty_status, "map", G_CALLBACK (icon_shown_cb), NULL);
  g_signal_connect (self->sign_in_icon, "map", G_CALLBACK (icon_shown_cb), NULL);
  cockpit_a11y_name_buttons (GTK_WIDGET (self));
  /* The rows' edit icons are decoration; the button that shows the
   * token has a tooltip only. */
  cockpit_a11y_fix_library_widget (GTK_WIDGET (self->url_row));
  cockpit_a11y_fix_library_widget (GTK_WIDGET (self->token_row));
  cockpit_a11y_follow_stack (self->main_stack);
  cockpit_a11y_follow_stack (self->content_stack);

  /* The menu's check item for the activity log is its toggle button. */
  header_actions = g_simple_action_group_new ();
  activity = g_property_action_new ("activity", self->activity_button, "active");
  g_action_map_add_action (G_ACTION_MAP (header_actions), G_ACTION (activity));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "header", G_ACTION_GROUP (header_actions));

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

CockpitWindow *
cockpit_window_new (CockpitApplication *app)
{
  CockpitWindow *self = g_object_new (COCKPIT_TYPE_WINDOW, "application", app, NULL);

  setup (self);
  return self;
}

void
cockpit_window_set_sign_in_text (CockpitWindow *self,
                                 const char    *url,
                                 const char    *token)
{
  g_return_if_fail (COCKPIT_IS_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), token);
}

const char *
cockpit_window_get_sign_in_error (CockpitWindow *self)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->sign_in_error)))
    return NULL;
  return gtk_label_get_text (self->sign_in_error);
}

CockpitPackagePage *
cockpit_window_get_package_page (CockpitWindow *self)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), NULL);

  return self->package_page;
}

GtkWidget *
cockpit_window_show_activity (CockpitWindow *self,
                              gboolean       show)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), NULL);

  gtk_toggle_button_set_active (self->activity_button, show);
  return show ? adw_bin_get_child (self->activity_bin) : NULL;
}

gboolean
cockpit_window_get_folded (CockpitWindow *self)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet);
}

gboolean
cockpit_window_get_showing_content (CockpitWindow *self)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), FALSE);

  return adw_leaflet_get_visible_child (self->leaflet) == self->content;
}

GtkWidget *
cockpit_window_get_package_row (CockpitWindow *self,
                                guint          index)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), NULL);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->package_list, index));
}

GtkWidget *
cockpit_window_get_sidebar (CockpitWindow *self)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), NULL);

  return self->sidebar;
}

GtkWidget *
cockpit_window_get_content (CockpitWindow *self)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), NULL);

  return self->content;
}

GMenuModel *
cockpit_window_get_main_menu (CockpitWindow *self)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), NULL);

  return gtk_menu_button_get_menu_model (self->main_menu_button);
}

const char *
cockpit_window_get_status_text (CockpitWindow *self)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->offline_revealer))
    return NULL;
  return gtk_label_get_text (self->offline_label);
}
