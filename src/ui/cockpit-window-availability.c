/* cockpit-window-availability.c: the one function that enables the main window's user actions.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each thing a user can ask of a package is a window action, "win." and
 * the name of its CockpitUserAction (cockpit-window-actions.c).
 * _cockpit_window_actions_update() enables them from the model's one
 * answer, CockpitAvailability, whenever the package, its environments,
 * its action, the releases or the clock change, as GNOME Text Editor's
 * _editor_window_actions_update() does; the package page shows the
 * reasons of the same answer next to its controls.
 */
#include "config.h"

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
  CockpitPackagePage *page;
  g_autoptr(CockpitAvailability) availability = NULL;

  g_return_if_fail (COCKPIT_IS_WINDOW (self));

  /* No packages page yet (no session): nothing to act on. */
  page = self->package_page;
  if (page != NULL)
    {
      availability = cockpit_package_page_dup_availability (page);
      watch (self, self->session, cockpit_package_page_get_package (page));
    }

  for (guint i = 0; i < COCKPIT_N_USER_ACTIONS; i++)
    {
      g_autofree char *name = g_strconcat ("win.", cockpit_user_action_get_name (i), NULL);

      gtk_widget_action_set_enabled (GTK_WIDGET (self), name,
                                     availability != NULL && cockpit_availability_get_allowed (availability, i));
    }

  if (page != NULL)
    cockpit_package_page_set_availability (page, availability);
}

void
_cockpit_window_actions_dispose (CockpitWindow *self)
{
  Watched *watched = g_object_get_qdata (G_OBJECT (self), watched_quark ());

  if (watched != NULL)
    unwatch (self, watched);
}
