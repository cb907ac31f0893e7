/* cockpit-background.c: asks the desktop's Background portal to let the app run, and start, with its window closed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On GNOME the Background portal is how an app says that it goes on with
 * no window: the desktop shows it among the apps running in the
 * background (and, in a sandbox, does not stop it), and it is also how an
 * app asks to be started at log-in.  The portal may be missing (another
 * desktop, a minimal session): that is an answer of its own, so the app
 * can fall back to telling the person itself.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libportal/portal.h>
#include <libportal-gtk4/portal-gtk4.h>

#include "cockpit-background.h"

struct _CockpitBackground {
  GObject    parent_instance;

  XdpPortal *portal;
};

G_DEFINE_FINAL_TYPE (CockpitBackground, cockpit_background, G_TYPE_OBJECT)

static const char * const autostart_commandline[] = { "upgrade-cockpit", "--gapplication-service", NULL };

const char * const *
cockpit_background_autostart_commandline (void)
{
  return autostart_commandline;
}

CockpitBackground *
cockpit_background_new (void)
{
  return g_object_new (COCKPIT_TYPE_BACKGROUND, NULL);
}

static gboolean
portal_is_missing (const GError *error)
{
  return g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_INTERFACE) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_FAILED);
}

static void
request_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);
  gboolean granted;

  granted = xdp_portal_request_background_finish (XDP_PORTAL (object), result, &error);
  if (cancellable != NULL && g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      return;
    }

  if (granted)
    g_task_return_int (task, COCKPIT_BACKGROUND_ALLOWED);
  else if (error != NULL && portal_is_missing (error))
    {
      g_debug ("No Background portal: %s", error->message);
      g_task_return_int (task, COCKPIT_BACKGROUND_UNAVAILABLE);
    }
  else
    {
      /* Said no, closed the question, or the portal failed: for the
       * person, all are a no. */
      if (error != NULL)
        g_debug ("Background portal: %s", error->message);
      g_task_return_int (task, COCKPIT_BACKGROUND_REFUSED);
    }
}

void
cockpit_background_request_async (CockpitBackground   *self,
                                  GtkWindow           *parent,
                                  const char          *reason,
                                  gboolean             autostart,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) commandline = NULL;
  XdpParent *xdp_parent = NULL;
  g_autofree char *reason_copy = g_strdup (reason);

  g_return_if_fail (COCKPIT_IS_BACKGROUND (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cockpit_background_request_async);

  /* Without a session bus there is no portal to ask. */
  if (g_application_get_default () == NULL ||
      g_application_get_dbus_connection (g_application_get_default ()) == NULL)
    {
      g_task_return_int (task, COCKPIT_BACKGROUND_UNAVAILABLE);
      return;
    }

  if (self->portal == NULL)
    self->portal = xdp_portal_new ();

  commandline = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; autostart_commandline[i] != NULL; i++)
    g_ptr_array_add (commandline, g_strdup (autostart_commandline[i]));

  if (parent != NULL && gtk_widget_get_realized (GTK_WIDGET (parent)))
    xdp_parent = xdp_parent_new_gtk (parent);

  xdp_portal_request_background (self->portal, xdp_parent, reason_copy, commandline,
                                 autostart ? XDP_BACKGROUND_FLAG_AUTOSTART : XDP_BACKGROUND_FLAG_NONE,
                                 cancellable, request_cb, g_steal_pointer (&task));
  g_clear_pointer (&xdp_parent, xdp_parent_free);
}

CockpitBackgroundAnswer
cockpit_background_request_finish (CockpitBackground  *self,
                                   GAsyncResult       *result,
                                   char              **explanation,
                                   GError            **error)
{
  CockpitBackgroundAnswer answer;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (COCKPIT_IS_BACKGROUND (self), COCKPIT_BACKGROUND_REFUSED);
  g_return_val_if_fail (g_task_is_valid (result, self), COCKPIT_BACKGROUND_REFUSED);

  answer = (CockpitBackgroundAnswer) g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      if (explanation != NULL)
        *explanation = NULL;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return COCKPIT_BACKGROUND_REFUSED;
    }

  if (explanation != NULL)
    {
      switch (answer)
        {
        case COCKPIT_BACKGROUND_ALLOWED:
          *explanation = NULL;
          break;
        case COCKPIT_BACKGROUND_REFUSED:
          *explanation = g_strdup (_("Your desktop did not allow Upgrade Cockpit to run in the background. "
                                     "You can allow it in the Settings app, under Apps."));
          break;
        case COCKPIT_BACKGROUND_UNAVAILABLE:
        default:
          *explanation = g_strdup (_("Your desktop offers no way for apps to run in the background "
                                     "(its Background portal is missing)."));
          break;
        }
    }
  return answer;
}

static void
cockpit_background_dispose (GObject *object)
{
  CockpitBackground *self = (CockpitBackground *) object;

  g_clear_object (&self->portal);

  G_OBJECT_CLASS (cockpit_background_parent_class)->dispose (object);
}

static void
cockpit_background_class_init (CockpitBackgroundClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cockpit_background_dispose;
}

static void
cockpit_background_init (CockpitBackground *self)
{
}
