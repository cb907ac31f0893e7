/* cockpit-application.c: the Upgrade Cockpit application object.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application owns the signed-in session, so that an action keeps
 * being followed after its window is closed: while the tracker follows an
 * action, the application holds itself alive, and activating it again
 * brings a window back with the action's progress.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-a11y.h"
#include "cockpit-application.h"
#include "cockpit-about.h"
#include "cockpit-background.h"
#include "cockpit-application-private.h"
#include "cockpit-demo.h"
#include "cockpit-helpdesk-button.h"
#include "cockpit-preferences.h"
#include "cockpit-secret-store.h"
#include "cockpit-simulator.h"
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

static void
set_sign_in_error (CockpitApplication *self,
                   const char         *message)
{
  if (cockpit_set_string (&self->sign_in_error, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGN_IN_ERROR]);
}

/* How long the app started as a service stays once nothing needs it. */
#define SERVICE_LINGER_MS 10000

/* Started hidden at log-in (--gapplication-service), to send the reminders
 * of upgrade backups with no window open: the app stays while it signs
 * in, until the packages are first loaded, and while a reminder is still
 * to come; then it ends by itself (a running action holds it anyway). */
/* Whether a plan will move on by the clock (a start time, a running
 * step, a soak gate): its next gate is to be told.  A plan that waits
 * for an approval has been told already. */
static gboolean
plan_to_follow (CockpitApplication *self)
{
  GListModel *packages;

  if (self->session == NULL)
    return FALSE;
  packages = cockpit_session_get_packages (self->session);
  for (guint i = 0; i < g_list_model_get_n_items (packages); i++)
    {
      g_autoptr(CockpitPackage) package = g_list_model_get_item (packages, i);
      CockpitPlan *plan = cockpit_package_get_active_plan (package);

      if (plan != NULL && cockpit_plan_get_step_awaiting_approval (plan) == NULL)
        return TRUE;
    }
  return FALSE;
}

void
_cockpit_application_update_service_hold (CockpitApplication *self)
{
  gboolean needed;

  if (!self->service)
    return;

  needed = self->busy ||
           (self->session != NULL && cockpit_session_get_updated_at (self->session) == NULL) ||
           (self->reminder != NULL && cockpit_backup_reminder_get_next_at (self->reminder) != NULL) ||
           plan_to_follow (self);
  if (needed && !self->service_held)
    {
      g_application_hold (G_APPLICATION (self));
      self->service_held = TRUE;
    }
  else if (!needed && self->service_held)
    {
      self->service_held = FALSE;
      g_application_release (G_APPLICATION (self));
    }
}

static void
set_busy (CockpitApplication *self,
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
  set_sign_in_error (self, _("The cockpit no longer accepts the saved API token; it may have been revoked or have expired. Create a new token in the cockpit and sign in again."));
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
        set_sign_in_error (self, NULL);
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

/* The Demo menu's actions are there only in demo mode. */
static void
update_demo_actions (CockpitApplication *self)
{
  static const char *const names[] = {
    "demo-stage-speed", "demo-skip-ahead", "demo-fail-next", "demo-reset",
  };
  GAction *speed;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), names[i]);

      if (action != NULL)
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->demo != NULL);
    }

  speed = g_action_map_lookup_action (G_ACTION_MAP (self), "demo-stage-speed");
  if (speed != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (speed),
                               g_variant_new_string (self->demo && cockpit_demo_get_fast (self->demo)
                                                     ? "fast" : "realistic"));
}

/* Signs in to the demo cockpit, starting it first when needed.  The
 * views count with its clock, so that skipping ahead moves them too. */
static gboolean
start_demo (CockpitApplication  *self,
            GError             **error)
{
  g_autoptr(CockpitSession) session = NULL;

  if (self->demo == NULL)
    {
      self->demo = cockpit_demo_new (NULL, NULL, error);
      if (self->demo == NULL)
        return FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);
    }

  cockpit_application_set_clock (self, cockpit_demo_get_now, g_object_ref (self->demo), g_object_unref);
  session = cockpit_demo_create_session (self->demo);
  cockpit_application_set_session (self, session);
  update_demo_actions (self);
  return TRUE;
}

/* Leaves demo mode: the simulator stops and its state file is free. */
static void
stop_demo (CockpitApplication *self)
{
  if (self->demo == NULL)
    return;

  cockpit_application_set_session (self, NULL);
  cockpit_application_set_clock (self, NULL, NULL, NULL);
  g_clear_object (&self->demo);
  update_demo_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);
}

typedef struct {
  char *url;
  char *token;
  CockpitClient *client;
} SignIn;

static void
sign_in_free (SignIn *sign_in)
{
  g_free (sign_in->url);
  if (sign_in->token != NULL)
    cockpit_secret_store_free_token (sign_in->token);
  g_clear_object (&sign_in->client);
  g_free (sign_in);
}

static void
sign_in_stored_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CockpitApplication *self = g_task_get_source_object (task);
  SignIn *sign_in = g_task_get_task_data (task);
  g_autoptr(CockpitSession) session = NULL;
  GError *error = NULL;

  /* No keyring, no sign-in: the token is never kept anywhere else. */
  if (!cockpit_secret_store_store_finish (COCKPIT_SECRET_STORE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_settings_set_string (self->settings, "cockpit-url", sign_in->url);
  session = cockpit_session_new (sign_in->client, NULL, NULL);
  cockpit_application_set_session (self, session);
  g_task_return_boolean (task, TRUE);
}

static void
sign_in_me_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CockpitApplication *self = g_task_get_source_object (task);
  SignIn *sign_in = g_task_get_task_data (task);
  g_autoptr(CockpitUser) user = NULL;
  GError *error = NULL;

  user = cockpit_client_get_me_finish (COCKPIT_CLIENT (object), result, &error);
  if (user == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  cockpit_secret_store_store_async (self->secrets, sign_in->url, cockpit_user_get_email (user), sign_in->token,
                                    g_task_get_cancellable (task), sign_in_stored_cb, g_object_ref (task));
}

void
cockpit_application_sign_in_async (CockpitApplication  *self,
                                   const char          *url,
                                   const char          *token,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SignIn *sign_in;
  GError *error = NULL;

  g_return_if_fail (COCKPIT_IS_APPLICATION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cockpit_application_sign_in_async);

  if (token == NULL || *g_strstrip (g_strdup (token)) == '\0')
    {
      g_task_return_new_error (task, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_UNAUTHORIZED,
                               _("Enter the API token you created in the cockpit."));
      return;
    }

  sign_in = g_new0 (SignIn, 1);
  sign_in->url = g_strstrip (g_strdup (url ? url : ""));
  sign_in->token = g_strstrip (g_strdup (token));
  g_task_set_task_data (task, sign_in, (GDestroyNotify) sign_in_free);

  sign_in->client = cockpit_client_new (sign_in->url, sign_in->token, &error);
  if (sign_in->client == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Check the token with the cockpit before keeping it. */
  cockpit_client_get_me_async (sign_in->client, cancellable, sign_in_me_cb, g_steal_pointer (&task));
}

gboolean
cockpit_application_sign_in_finish (CockpitApplication  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (COCKPIT_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
auto_sign_in_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CockpitApplication) self = user_data;
  g_autoptr(CockpitClient) client = NULL;
  g_autoptr(CockpitSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_settings_get_string (self->settings, "cockpit-url");
  char *token;

  token = cockpit_secret_store_lookup_finish (COCKPIT_SECRET_STORE (object), result, &error);
  set_busy (self, FALSE);
  /* The demo was started meanwhile: it stays. */
  if (self->session != NULL)
    {
      if (token != NULL)
        cockpit_secret_store_free_token (token);
      return;
    }
  if (token == NULL)
    {
      /* No token kept: the sign-in page asks for one.  A keyring that
       * is missing or stays locked is said in words there. */
      if (error != NULL)
        set_sign_in_error (self, error->message);
      return;
    }

  client = cockpit_client_new (url, token, &error);
  cockpit_secret_store_free_token (token);
  if (client == NULL)
    {
      set_sign_in_error (self, error->message);
      return;
    }

  session = cockpit_session_new (client, NULL, NULL);
  cockpit_application_set_session (self, session);
}

static void
sign_out_cleared_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CockpitApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!cockpit_secret_store_clear_finish (COCKPIT_SECRET_STORE (object), result, &error))
    set_sign_in_error (self, error->message);
}

static void
sign_out_action_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CockpitApplication *self = user_data;
  g_autofree char *url = g_settings_get_string (self->settings, "cockpit-url");

  /* Signing out of the demo stops it and goes back to the sign-in page. */
  if (self->demo != NULL)
    {
      stop_demo (self);
      return;
    }
  if (self->session == NULL)
    return;

  /* The address stays filled in on the sign-in page; the token goes. */
  cockpit_secret_store_clear_async (self->secrets, url, NULL, NULL, sign_out_cleared_cb, g_object_ref (self));
  cockpit_application_set_session (self, NULL);
}

/* Application ------------------------------------------------------------------ */

static CockpitWindow *
ensure_window (CockpitApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (COCKPIT_IS_WINDOW (window))
    return COCKPIT_WINDOW (window);
  window = GTK_WINDOW (cockpit_window_new (self));
  _cockpit_application_start_signing_in (self);
  return COCKPIT_WINDOW (window);
}

/* Signs in by itself, once: to the demo when asked, else with the token
 * kept for the cockpit used last.  Also when the app was started by D-Bus
 * for an action (a click on a notification) rather than activated. */
void
_cockpit_application_start_signing_in (CockpitApplication *self)
{
  if (self->started)
    return;
  self->started = TRUE;

  if (self->demo_requested)
    {
      g_autoptr(GError) error = NULL;

      if (!start_demo (self, &error))
        set_sign_in_error (self, error->message);
    }
  else
    {
      g_autofree char *url = g_settings_get_string (self->settings, "cockpit-url");

      if (*url != '\0' && self->session == NULL)
        {
          set_busy (self, TRUE);
          cockpit_secret_store_lookup_async (self->secrets, url, NULL, NULL, auto_sign_in_cb, g_object_ref (self));
        }
    }
}

static void
cockpit_application_activate (GApplication *app)
{
  CockpitApplication *self = COCKPIT_APPLICATION (app);
  CockpitWindow *window = ensure_window (self);

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
  CockpitWindow *window = ensure_window (self);

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
  CockpitWindow *window = ensure_window (self);
  const char *package_id = g_variant_get_string (parameter, NULL);

  cockpit_window_show_package (window, package_id);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.extend-backup", "s", package_id);
}

/* Demo ------------------------------------------------------------------------- */

/* "Try the Demo" on the sign-in page, and `upgrade-cockpit --demo` while
 * the app runs already. */
static void
start_demo_action_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  CockpitApplication *self = user_data;
  CockpitWindow *window = ensure_window (self);
  g_autoptr(GError) error = NULL;

  /* Whatever the window was about to sign in to by itself, the demo wins. */
  self->started = TRUE;
  gtk_window_present (GTK_WINDOW (window));

  if (self->demo != NULL)
    return;
  if (self->session != NULL)
    {
      /* A real cockpit's actions are being followed: never switch away
       * from them unasked. */
      cockpit_window_show_toast (window, _("You are signed in to a cockpit. Sign out first to try the demo."));
      return;
    }

  set_sign_in_error (self, NULL);
  if (!start_demo (self, &error))
    set_sign_in_error (self, error->message);
}

static void
demo_stage_speed_action_cb (GSimpleAction *action,
                            GVariant      *state,
                            gpointer       user_data)
{
  CockpitApplication *self = user_data;

  if (self->demo == NULL)
    return;
  cockpit_demo_set_fast (self->demo, g_str_equal (g_variant_get_string (state, NULL), "fast"));
  update_demo_actions (self);
}

static void
demo_skip_ahead_action_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  CockpitApplication *self = user_data;
  gint64 seconds = g_variant_get_int64 (parameter);

  if (self->demo == NULL || seconds <= 0 || seconds > 365 * 24 * 3600)
    return;

  cockpit_demo_skip_ahead (self->demo, seconds);
  /* What fell due meanwhile (stage ends, removals) shows after a refresh;
   * the reminder checks again once the refresh is in. */
  if (self->session != NULL)
    cockpit_session_refresh (self->session);
  if (self->helpdesk != NULL)
    cockpit_helpdesk_refresh (self->helpdesk);
}

static void
demo_fail_next_action_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  CockpitApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  int stage;

  if (self->demo == NULL ||
      !cockpit_enum_from_string (COCKPIT_TYPE_STAGE_NAME, g_variant_get_string (parameter, NULL), &stage) ||
      stage == COCKPIT_STAGE_NONE)
    return;

  cockpit_demo_fail_next (self->demo, stage);
  if (COCKPIT_IS_WINDOW (window))
    cockpit_window_show_toast (COCKPIT_WINDOW (window), _("The next action will fail at this stage."));
}

static void
demo_reset_response_cb (AdwMessageDialog   *dialog,
                        const char         *response,
                        CockpitApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitSession) session = NULL;
  GtkWindow *window;

  if (!g_str_equal (response, "reset") || self->demo == NULL)
    return;

  /* The session goes first, so that nothing follows actions of the state
   * that is going away. */
  cockpit_application_set_session (self, NULL);
  if (!cockpit_demo_reset (self->demo, &error))
    g_debug ("Could not save the reset demo: %s", error->message);
  session = cockpit_demo_create_session (self->demo);
  cockpit_application_set_session (self, session);

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (COCKPIT_IS_WINDOW (window))
    cockpit_window_show_toast (COCKPIT_WINDOW (window), _("The demo was reset"));
}

static void
demo_reset_action_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  CockpitApplication *self = user_data;
  GtkWindow *window = GTK_WINDOW (ensure_window (self));
  GtkWidget *dialog;

  if (self->demo == NULL)
    return;

  dialog = adw_message_dialog_new (window, _("Reset the Demo?"),
                                   _("The demo’s packages, actions, upgrade backups and activity log go back "
                                     "to how they were at the start. Nothing outside the demo is touched."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (demo_reset_response_cb), self, 0);
  cockpit_a11y_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* From a helpdesk notification: the window, with its helpdesk popover
 * open when the window offers "win.show-helpdesk". */
static void
show_helpdesk_action_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  CockpitApplication *self = user_data;
  CockpitWindow *window = ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-helpdesk", NULL);
}

static const GActionEntry app_actions[] = {
  { "about", about_action_cb },
  { "preferences", preferences_action_cb },
  { "quit", quit_action_cb },
  { "sign-out", sign_out_action_cb },
  { "open-package", open_package_action_cb, "s" },
  { "show-helpdesk", show_helpdesk_action_cb },
  { "extend-backup", extend_backup_action_cb, "s" },
  { "approve-plan", _cockpit_application_approve_plan_action_cb, "s" },
  { "start-demo", start_demo_action_cb },
  { "demo-stage-speed", NULL, "s", "'realistic'", demo_stage_speed_action_cb },
  { "demo-skip-ahead", demo_skip_ahead_action_cb, "x" },
  { "demo-fail-next", demo_fail_next_action_cb, "s" },
  { "demo-reset", demo_reset_action_cb },
};

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
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *refresh_accels[] = { "<Control>r", "F5", NULL };

  G_APPLICATION_CLASS (cockpit_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  self->secrets = cockpit_secret_store_new ();
  follow_clock_format (self);

  /* Started by D-Bus or at log-in: no window unless one is asked for, but
   * signed in at once, so that reminders and actions are followed. */
  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    {
      self->service = TRUE;
      g_application_set_inactivity_timeout (app, SERVICE_LINGER_MS);
      _cockpit_application_start_signing_in (self);
      _cockpit_application_update_service_hold (self);
    }

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.refresh", refresh_accels);
  update_demo_actions (self);
}

static void
cockpit_application_shutdown (GApplication *app)
{
  CockpitApplication *self = COCKPIT_APPLICATION (app);

  drop_session (self);
  stop_demo (self);

  G_APPLICATION_CLASS (cockpit_application_parent_class)->shutdown (app);
}

static void
background_answer_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(CockpitApplication) self = user_data;
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GError) error = NULL;
  CockpitBackgroundAnswer answer;

  answer = cockpit_background_request_finish (COCKPIT_BACKGROUND (object), result, NULL, &error);
  if (error != NULL)
    return;
  /* The desktop shows the app among those running in the background:
   * nothing more to say.  Nothing to say either once the action ended. */
  if (answer == COCKPIT_BACKGROUND_ALLOWED || !self->held)
    return;

  /* No portal, or not allowed: the person is told by the app itself. */
  self->told_background = TRUE;
  notification = g_notification_new (_("Upgrade Cockpit keeps running"));
  if (answer == COCKPIT_BACKGROUND_REFUSED)
    g_notification_set_body (notification,
                             _("An action is still running. Your desktop did not allow running in the background, "
                               "so open Upgrade Cockpit again if it is closed: the action goes on at the cockpit."));
  else
    g_notification_set_body (notification, _("An action is still running. You will be notified when it ends."));
  /* No default action: clicking the notification activates the app,
   * which brings the window back with the progress. */
  g_application_send_notification (G_APPLICATION (self), "background", notification);
}

void
cockpit_application_window_closed_while_busy (CockpitApplication *self)
{
  if (self->told_background || self->asked_background)
    return;
  self->asked_background = TRUE;

  /* The desktop is asked first; the start at log-in the person chose in
   * the preferences goes with every question, or it would be taken back. */
  cockpit_background_request_async (self->background, NULL,
                                    _("An action is running on the cockpit; Upgrade Cockpit tells you when it ends."),
                                    g_settings_get_boolean (self->settings, "background-reminders"),
                                    self->background_cancellable, background_answer_cb, g_object_ref (self));
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
