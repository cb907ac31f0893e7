/* cockpit-application-session.c: the application's state: the session it owns, and what it says of it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lowest of the application's rooms: the signed-in session with the
 * helpdesk and the clock that go with it, and the properties that tell
 * of them ("session", "helpdesk", "sign-in-error", "busy", "demo").  It
 * calls none of the other rooms: they follow these properties (the
 * desktop notices, the service's hold, the windows, the Demo menu).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-application-private.h"

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SIGN_IN_ERROR,
  PROP_BUSY,
  PROP_DEMO,
  PROP_HELPDESK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_cockpit_application_set_sign_in_error (CockpitApplication *self,
                                        const char         *message)
{
  if (cockpit_set_string (&self->sign_in_error, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGN_IN_ERROR]);
}

void
_cockpit_application_set_busy (CockpitApplication *self,
                               gboolean            busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
cockpit_application_get_busy (CockpitApplication *self)
{
  g_return_val_if_fail (COCKPIT_IS_APPLICATION (self), FALSE);

  return self->busy;
}

/* Demo mode began or ended (cockpit-application-demo.c). */
void
_cockpit_application_notify_demo (CockpitApplication *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);
}

/* Sessions --------------------------------------------------------------------- */

static void
session_unauthorized_cb (CockpitSession     *session,
                         GParamSpec         *pspec,
                         CockpitApplication *self)
{
  if (!cockpit_session_get_unauthorized (session) || session != self->session)
    return;

  /* The token was revoked or has expired: back to the sign-in page, with
   * the address filled in and the reason said.  Actions the cockpit runs
   * go on there; they are followed again after signing in. */
  _cockpit_application_set_sign_in_error (self, _("The cockpit no longer accepts the saved API token; it may have been revoked or have expired. Create a new token in the cockpit and sign in again."));
  cockpit_application_set_session (self, NULL);
}

CockpitSession *
cockpit_application_get_session (CockpitApplication *self)
{
  g_return_val_if_fail (COCKPIT_IS_APPLICATION (self), NULL);

  return self->session;
}

void
_cockpit_application_drop_session (CockpitApplication *self)
{
  CockpitActionTracker *tracker;

  if (self->session == NULL)
    return;

  tracker = cockpit_session_get_tracker (self->session);
  g_signal_handlers_disconnect_by_data (self->session, self);
  g_signal_handlers_disconnect_by_data (tracker, self);
  g_signal_handlers_disconnect_by_data (cockpit_action_tracker_get_actions (tracker), self);
  if (self->held)
    {
      self->held = FALSE;
      g_application_release (G_APPLICATION (self));
    }
  _cockpit_application_stop_backup_reminder (self);
  g_clear_handle_id (&self->helpdesk_first_refresh_id, g_source_remove);
  if (self->helpdesk != NULL)
    {
      cockpit_helpdesk_set_auto_refresh (self->helpdesk, 0);
      g_signal_handlers_disconnect_by_data (self->helpdesk, self);
      g_clear_object (&self->helpdesk);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELPDESK]);
    }
  g_clear_object (&self->session);
}

CockpitHelpdesk *
cockpit_application_get_helpdesk (CockpitApplication *self)
{
  g_return_val_if_fail (COCKPIT_IS_APPLICATION (self), NULL);

  return self->helpdesk;
}

static gboolean
first_helpdesk_refresh_cb (gpointer user_data)
{
  CockpitApplication *self = user_data;

  self->helpdesk_first_refresh_id = 0;
  cockpit_helpdesk_refresh (self->helpdesk);
  return G_SOURCE_REMOVE;
}

/* The helpdesk's notifications load once the session's first refresh has
 * ended, after the frame that shows it: they are a badge on a button, the
 * packages are what the window opens for, and an answer read and shown
 * before the packages' came at their cost (docs/performance.md). */
static void
refresh_helpdesk_after_session (CockpitApplication *self)
{
  if (cockpit_session_get_loading (self->session))
    return;
  g_signal_handlers_disconnect_by_func (self->session, refresh_helpdesk_after_session, self);
  self->helpdesk_first_refresh_id = g_idle_add_full (G_PRIORITY_LOW, first_helpdesk_refresh_cb, self, NULL);
}

void
cockpit_application_set_session (CockpitApplication *self,
                                 CockpitSession     *session)
{
  g_return_if_fail (COCKPIT_IS_APPLICATION (self));
  g_return_if_fail (session == NULL || COCKPIT_IS_SESSION (session));

  if (self->session == session)
    return;

  _cockpit_application_drop_session (self);

  if (session == NULL)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
      return;
    }

  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify::unauthorized", G_CALLBACK (session_unauthorized_cb), self, 0);
  if (self->clock != NULL)
    cockpit_session_set_clock (session, (CockpitSessionClockFunc) self->clock, self->clock_data, NULL);
  self->helpdesk = cockpit_helpdesk_new (cockpit_session_get_client (session), NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELPDESK]);

  /* Told before anything is loaded, so that those who follow the session
   * (the desktop notices, the windows) hear all it says from the start:
   * a damaged journal, actions that ended while the app was closed. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);

  cockpit_helpdesk_set_auto_refresh (self->helpdesk, 60);
  cockpit_session_load_cache (session);
  cockpit_session_refresh (session);
  cockpit_session_set_auto_refresh (session, 60);
  g_signal_connect_object (session, "notify::loading", G_CALLBACK (refresh_helpdesk_after_session),
                           self, G_CONNECT_SWAPPED);
  refresh_helpdesk_after_session (self);
  cockpit_action_tracker_resume (cockpit_session_get_tracker (session));
  if (!cockpit_session_get_unauthorized (session))
    _cockpit_application_set_sign_in_error (self, NULL);
  g_signal_emit_by_name (self, "session-ready");
}

gboolean
cockpit_application_get_demo (CockpitApplication *self)
{
  g_return_val_if_fail (COCKPIT_IS_APPLICATION (self), FALSE);

  return self->demo != NULL;
}

CockpitDemo *
cockpit_application_get_demo_cockpit (CockpitApplication *self)
{
  g_return_val_if_fail (COCKPIT_IS_APPLICATION (self), NULL);

  return self->demo;
}

GSettings *
cockpit_application_get_settings (CockpitApplication *self)
{
  g_return_val_if_fail (COCKPIT_IS_APPLICATION (self), NULL);

  return self->settings;
}

const char *
cockpit_application_get_sign_in_error (CockpitApplication *self)
{
  g_return_val_if_fail (COCKPIT_IS_APPLICATION (self), NULL);

  return self->sign_in_error;
}

void
_cockpit_application_stop_backup_reminder (CockpitApplication *self)
{
  if (self->reminder == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->reminder, self);
  if (self->settings != NULL)
    g_settings_unbind (self->reminder, "hours");
  g_clear_object (&self->reminder);
}

CockpitBackupReminder *
cockpit_application_get_backup_reminder (CockpitApplication *self)
{
  g_return_val_if_fail (COCKPIT_IS_APPLICATION (self), NULL);

  return self->reminder;
}

void
cockpit_application_set_clock (CockpitApplication *self,
                               CockpitClockFunc    func,
                               gpointer            data,
                               GDestroyNotify      destroy)
{
  g_return_if_fail (COCKPIT_IS_APPLICATION (self));

  /* The reminder and the session borrow the clock; the application owns
   * its data. */
  if (self->reminder != NULL)
    cockpit_backup_reminder_set_clock (self->reminder, func, data, NULL);
  if (self->session != NULL)
    cockpit_session_set_clock (self->session, (CockpitSessionClockFunc) func, data, NULL);
  if (self->clock_destroy != NULL)
    self->clock_destroy (self->clock_data);
  self->clock = func;
  self->clock_data = data;
  self->clock_destroy = destroy;
}

/* Helpdesk notices ---------------------------------------------------------------- */

/* The properties ---------------------------------------------------------------- */

static void
get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CockpitApplication *self = COCKPIT_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_SIGN_IN_ERROR:
      g_value_set_string (value, self->sign_in_error);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_HELPDESK:
      g_value_set_object (value, self->helpdesk);
      break;
    case PROP_DEMO:
      g_value_set_boolean (value, self->demo != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
_cockpit_application_class_init_session (GObjectClass *object_class)
{
  object_class->get_property = get_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, COCKPIT_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIGN_IN_ERROR] =
    g_param_spec_string ("sign-in-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HELPDESK] =
    g_param_spec_object ("helpdesk", NULL, NULL, COCKPIT_TYPE_HELPDESK,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* ::session-ready: a new session has loaded what it had and started to
   * refresh; what waited for a session (an approval asked from a
   * notification before signing in) goes on now. */
  g_signal_new ("session-ready", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 0);
}
