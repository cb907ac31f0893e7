/* cockpit-application.c: the Upgrade Cockpit application object.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application owns the signed-in session, so that an action keeps
 * being followed after its window is closed: while the tracker follows an
 * action, the application holds itself alive, and activating it again
 * brings a window back with the action's progress.
 *
 * This file holds the object itself: its properties, its sessions, its
 * windows and its life cycle (start-up, activation, the command line,
 * shut-down).  The rest lives in rooms sharing
 * cockpit-application-private.h: cockpit-application-sign-in.c (signing
 * in and out), -demo.c (demo mode and its menu), -service.c (the service
 * at log-in, and going on in the background), -actions.c (the app.*
 * actions) and -notices.c (what it says on the desktop).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-application-private.h"
#include "cockpit-window.h"

G_DEFINE_FINAL_TYPE (CockpitApplication, cockpit_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SIGN_IN_ERROR,
  PROP_BUSY,
  PROP_DEMO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CockpitApplication *
cockpit_application_new (void)
{
  return g_object_new (COCKPIT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

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
  _cockpit_application_update_service_hold (self);
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

static void
drop_session (CockpitApplication *self)
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
  if (self->helpdesk != NULL)
    {
      cockpit_helpdesk_set_auto_refresh (self->helpdesk, 0);
      g_signal_handlers_disconnect_by_data (self->helpdesk, self);
      g_clear_object (&self->helpdesk);
    }
  g_clear_object (&self->session);
}

CockpitHelpdesk *
cockpit_application_get_helpdesk (CockpitApplication *self)
{
  g_return_val_if_fail (COCKPIT_IS_APPLICATION (self), NULL);

  return self->helpdesk;
}

void
cockpit_application_set_session (CockpitApplication *self,
                                 CockpitSession     *session)
{
  CockpitActionTracker *tracker;

  g_return_if_fail (COCKPIT_IS_APPLICATION (self));
  g_return_if_fail (session == NULL || COCKPIT_IS_SESSION (session));

  if (self->session == session)
    return;

  drop_session (self);

  if (session != NULL)
    {
      self->session = g_object_ref (session);
      g_signal_connect_object (session, "notify::unauthorized", G_CALLBACK (session_unauthorized_cb), self, 0);
      if (self->clock != NULL)
        cockpit_session_set_clock (session, (CockpitSessionClockFunc) self->clock, self->clock_data, NULL);
      _cockpit_application_start_backup_reminder (self);

      self->helpdesk = cockpit_helpdesk_new (cockpit_session_get_client (session), NULL);
      g_signal_connect_object (self->helpdesk, "new-critical", G_CALLBACK (_cockpit_application_helpdesk_new_critical_cb), self, 0);
      g_signal_connect_object (self->helpdesk, "notify::unread-critical", G_CALLBACK (_cockpit_application_withdraw_read_helpdesk),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (cockpit_helpdesk_get_notifications (self->helpdesk), "items-changed",
                               G_CALLBACK (_cockpit_application_withdraw_read_helpdesk), self, G_CONNECT_SWAPPED);
      cockpit_helpdesk_refresh (self->helpdesk);
      cockpit_helpdesk_set_auto_refresh (self->helpdesk, 60);

      tracker = cockpit_session_get_tracker (session);
      g_signal_connect_object (tracker, "action-finished", G_CALLBACK (_cockpit_application_action_finished_cb), self, 0);
      g_signal_connect_object (tracker, "action-not-started", G_CALLBACK (_cockpit_application_action_not_started_cb), self, 0);
      g_signal_connect_object (tracker, "journal-damaged", G_CALLBACK (_cockpit_application_journal_damaged_cb), self, 0);
      g_signal_connect_object (cockpit_action_tracker_get_actions (tracker), "items-changed",
                               G_CALLBACK (_cockpit_application_actions_changed_cb), self, 0);

      g_signal_connect_object (session, "plan-event", G_CALLBACK (_cockpit_application_plan_event_cb), self, 0);
      g_signal_connect_object (session, "plan-changed", G_CALLBACK (_cockpit_application_plan_changed_cb), self, 0);

      cockpit_session_load_cache (session);
      cockpit_session_refresh (session);
      cockpit_session_set_auto_refresh (session, 60);
      cockpit_action_tracker_resume (tracker);
      if (!cockpit_session_get_unauthorized (session))
        _cockpit_application_set_sign_in_error (self, NULL);
      if (self->pending_approval != NULL)
        {
          g_autofree char *plan_id = g_steal_pointer (&self->pending_approval);

          _cockpit_application_approve_plan (self, plan_id);
        }
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
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

/* Windows ---------------------------------------------------------------------- */

CockpitWindow *
_cockpit_application_ensure_window (CockpitApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (COCKPIT_IS_WINDOW (window))
    return COCKPIT_WINDOW (window);
  window = GTK_WINDOW (cockpit_window_new (self));
  _cockpit_application_start_signing_in (self);
  return COCKPIT_WINDOW (window);
}

/* Life cycle ------------------------------------------------------------------- */

static void
cockpit_application_activate (GApplication *app)
{
  CockpitApplication *self = COCKPIT_APPLICATION (app);
  CockpitWindow *window = _cockpit_application_ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));
  _cockpit_application_start_signing_in (self);
}

static int
cockpit_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  CockpitApplication *self = COCKPIT_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "upgrade-cockpit", PACKAGE_VERSION);
      return 0;
    }

  self->demo_requested = g_variant_dict_contains (options, "demo");

  /* One application, one demo: when the app already runs, it is asked to
   * show its demo instead, and this process ends. */
  if (self->demo_requested)
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        {
          GDBusConnection *bus = g_application_get_dbus_connection (app);

          g_action_group_activate_action (G_ACTION_GROUP (app), "start-demo", NULL);
          if (bus != NULL)
            g_dbus_connection_flush_sync (bus, NULL, NULL);
          return 0;
        }
    }

  return -1;
}

/* Times follow the desktop's 12/24-hour setting, when it has one. */
static void
clock_format_changed_cb (GSettings          *desktop_interface,
                         const char         *key,
                         CockpitApplication *self)
{
  g_autofree char *format = g_settings_get_string (desktop_interface, "clock-format");

  cockpit_format_set_12_hour (g_str_equal (format, "12h"));
}

static void
follow_clock_format (CockpitApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "clock-format"))
    return;

  self->desktop_interface = g_settings_new_full (schema, NULL, NULL);
  g_signal_connect_object (self->desktop_interface, "changed::clock-format",
                           G_CALLBACK (clock_format_changed_cb), self, 0);
  clock_format_changed_cb (self->desktop_interface, "clock-format", self);
}

static void
cockpit_application_startup (GApplication *app)
{
  CockpitApplication *self = COCKPIT_APPLICATION (app);

  G_APPLICATION_CLASS (cockpit_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  self->secrets = cockpit_secret_store_new ();
  follow_clock_format (self);

  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    _cockpit_application_start_service (self);

  _cockpit_application_add_actions (self);
  _cockpit_application_add_demo_actions (self);
}

static void
cockpit_application_shutdown (GApplication *app)
{
  CockpitApplication *self = COCKPIT_APPLICATION (app);

  drop_session (self);
  _cockpit_application_stop_demo (self);

  G_APPLICATION_CLASS (cockpit_application_parent_class)->shutdown (app);
}

static void
cockpit_application_dispose (GObject *object)
{
  CockpitApplication *self = COCKPIT_APPLICATION (object);

  drop_session (self);
  cockpit_application_set_clock (self, NULL, NULL, NULL);
  g_cancellable_cancel (self->background_cancellable);
  g_clear_object (&self->background_cancellable);
  g_clear_object (&self->background);
  g_clear_object (&self->desktop_interface);
  g_clear_object (&self->demo);
  g_clear_object (&self->secrets);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cockpit_application_parent_class)->dispose (object);
}

static void
cockpit_application_finalize (GObject *object)
{
  CockpitApplication *self = COCKPIT_APPLICATION (object);

  g_clear_pointer (&self->sign_in_error, g_free);
  g_clear_pointer (&self->reminded, g_hash_table_unref);
  g_clear_pointer (&self->announced, g_hash_table_unref);
  g_clear_pointer (&self->pending_approval, g_free);
  g_clear_pointer (&self->asking, g_hash_table_unref);

  G_OBJECT_CLASS (cockpit_application_parent_class)->finalize (object);
}

static void
cockpit_application_get_property (GObject    *object,
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
    case PROP_DEMO:
      g_value_set_boolean (value, self->demo != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_application_class_init (CockpitApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cockpit_application_dispose;
  object_class->finalize = cockpit_application_finalize;
  object_class->get_property = cockpit_application_get_property;

  app_class->activate = cockpit_application_activate;
  app_class->startup = cockpit_application_startup;
  app_class->shutdown = cockpit_application_shutdown;
  app_class->handle_local_options = cockpit_application_handle_local_options;

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
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cockpit_application_init (CockpitApplication *self)
{
  static const GOptionEntry options[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Start with the built-in demo cockpit"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  self->reminded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->announced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->asking = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->background = cockpit_background_new ();
  self->background_cancellable = g_cancellable_new ();
}
