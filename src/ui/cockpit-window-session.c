/* cockpit-window-session.c: what the main window shows of the application's state.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application signs in and out and binds its state to the window's
 * properties; the window follows them: the sign-in
 * page, the loading page or the packages, the session's lists bound to
 * the sidebar, the package page, the fleet and the helpdesk, the bar that
 * says the cockpit is offline or what went wrong, the signed-in user, and
 * in demo mode the badge and the Demo section of the main menu.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-helpdesk-button.h"
#include "cockpit-window-private.h"

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

/* The session and the page shown ----------------------------------------------- */

/* Whether the session has anything to show: packages (from the cockpit
 * or its cache), or the end of its first load, good or bad. */
static gboolean
session_has_answered (CockpitSession *session)
{
  return cockpit_session_get_updated_at (session) != NULL ||
         cockpit_session_get_error (session) != NULL ||
         cockpit_session_get_offline (session) ||
         cockpit_session_get_unauthorized (session) ||
         g_list_model_get_n_items (cockpit_session_get_packages (session)) > 0;
}

static void
session_answered_cb (CockpitWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "loading") == 0)
    _cockpit_window_update_page (self);
}

static void
session_updated_cb (CockpitWindow *self)
{
  cockpit_package_page_tick (self->package_page);
  if (self->fleet_view != NULL)
    cockpit_fleet_view_tick (self->fleet_view);
}

void
_cockpit_window_set_session (CockpitWindow  *self,
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
  /* No session has been shown yet, so nothing is to be taken away. */
  if (self->leaflet == NULL)
    {
      g_return_if_fail (session == NULL);
      return;
    }
  self->first_screen_chosen = FALSE;
  self->showing_fleet = FALSE;
  gtk_list_box_unselect_all (self->fleet_list);
  cockpit_package_page_set_session (self->package_page, session);
  if (self->fleet_view != NULL)
    cockpit_fleet_view_set_session (self->fleet_view, session);
  _cockpit_window_actions_update (self);
  cockpit_helpdesk_button_set_helpdesk (self->helpdesk_button, session ? self->helpdesk : NULL);
  cockpit_helpdesk_button_set_packages (self->helpdesk_button,
                                        session ? cockpit_session_get_packages (session) : NULL);

  if (session != NULL)
    {
      GListModel *packages = cockpit_session_get_packages (session);

      gtk_list_box_bind_model (self->package_list, packages, _cockpit_window_create_package_row, self, NULL);
      g_signal_connect_object (packages, "items-changed", G_CALLBACK (_cockpit_window_packages_changed_cb), self, G_CONNECT_AFTER);
      g_signal_connect_object (session, "notify::offline", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::error", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::from-cache", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::updated-at", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
      /* Countdowns count again with fresh data: the clock may have moved
       * by more than the minute timer knows (a demo's skip ahead). */
      g_signal_connect_object (session, "notify::updated-at", G_CALLBACK (session_updated_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::user", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::updated-at", G_CALLBACK (session_answered_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::error", G_CALLBACK (session_answered_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::offline", G_CALLBACK (session_answered_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::unauthorized", G_CALLBACK (session_answered_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (packages, "items-changed", G_CALLBACK (session_answered_cb), self, G_CONNECT_SWAPPED);
      _cockpit_window_packages_changed_cb (packages, 0, 0, 0, self);
      update_status (self);
    }
}

/* In demo mode the main menu has a Demo section as its second one.  The
 * menu button gets a whole other model rather than a section added and
 * removed: GTK 4.8's popover menu keeps the pages of removed submenus. */
GMenuModel *
_cockpit_window_get_wanted_main_menu (CockpitWindow *self)
{
  if (self->demo)
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
      return self->demo_main_menu;
    }
  return self->main_menu;
}

/* A menu button builds its popover, every item of it, when it gets a
 * model: the main menu's was built with the window, then again for the
 * demo's model, in every demo start (16 M instructions).  It gets its
 * model as it first opens, and a new one only once it has one. */
static void
update_demo_menu (CockpitWindow *self)
{
  GMenuModel *shown = self->main_menu_button != NULL ? gtk_menu_button_get_menu_model (self->main_menu_button) : NULL;
  GMenuModel *wanted = _cockpit_window_get_wanted_main_menu (self);

  if (shown != NULL && shown != wanted)
    gtk_menu_button_set_menu_model (self->main_menu_button, wanted);
}

void
_cockpit_window_create_main_menu_cb (GtkMenuButton *button,
                                     gpointer       user_data)
{
  CockpitWindow *self = COCKPIT_WINDOW (user_data);

  gtk_menu_button_set_menu_model (button, _cockpit_window_get_wanted_main_menu (self));
}

static gboolean
spin_later_cb (gpointer user_data)
{
  CockpitWindow *self = user_data;

  self->spin_id = 0;
  gtk_spinner_set_spinning (self->loading_spinner, TRUE);
  return G_SOURCE_REMOVE;
}

/* The loading page spins only when loading takes a while: the keyring
 * answers a signed-in start in a moment, and a spinner shown for it would
 * only flash (and load librsvg, 6.4 MiB, for its 32 px icon, which exists
 * only as SVG; docs/performance.md). */
static void
set_loading_spinner (CockpitWindow *self,
                     gboolean       loading)
{
  if (!loading)
    {
      g_clear_handle_id (&self->spin_id, g_source_remove);
      gtk_spinner_set_spinning (self->loading_spinner, FALSE);
    }
  else if (self->spin_id == 0 && !gtk_spinner_get_spinning (self->loading_spinner))
    self->spin_id = g_timeout_add (LOADING_SPINNER_DELAY_MS, spin_later_cb, self);
}

void
_cockpit_window_update_page (CockpitWindow *self)
{
  CockpitSession *session = self->session;
  const char *error = self->app_sign_in_error;

  update_demo_menu (self);

  if (session != NULL && !session_has_answered (session))
    {
      /* Signed in, the first answer not in yet: "No Packages" would be
       * a wrong fact, and laying the packages page out twice (empty,
       * then full) cost a demo start 150 of its 1,459 text layouts. */
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
      set_loading_spinner (self, TRUE);
      return;
    }

  if (session != NULL)
    {
      /* From a loading page shown too briefly to spin, no crossfade: it
       * would only fade an empty page out, in 17 frames that are each a
       * whole window's image (2.7 MiB with the cairo renderer). */
      gboolean from_blank = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "loading") == 0 &&
                            !gtk_spinner_get_spinning (self->loading_spinner);

      gtk_stack_set_visible_child_full (self->main_stack, "packages",
                                        from_blank ? GTK_STACK_TRANSITION_TYPE_NONE
                                                   : gtk_stack_get_transition_type (self->main_stack));
      set_loading_spinner (self, FALSE);
      return;
    }

  if (self->busy && error == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "loading");
  else if (error == NULL && !gtk_widget_get_visible (GTK_WIDGET (self)))
    /* Not shown yet: a demo or signed-in start gives the window its
     * session (or its keyring lookup) before showing it and never needs
     * the sign-in page, so it is not made before the window is shown
     * (docs/performance.md). */
    return;
  else
    {
      CockpitSignInPage *page = _cockpit_window_ensure_sign_in_page (self);

      if (error != NULL)
        cockpit_sign_in_page_set_error (page, error);
      gtk_stack_set_visible_child_name (self->main_stack, "sign-in");
    }
  set_loading_spinner (self, g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "loading"));
}

const char *
cockpit_window_get_status_text (CockpitWindow *self)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->offline_revealer))
    return NULL;
  return gtk_label_get_text (self->offline_label);
}
