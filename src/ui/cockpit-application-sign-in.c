/* cockpit-application-sign-in.c: signing in to a cockpit, and out.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signing in with a URL and an API token typed on the sign-in page (the
 * token is checked with the cockpit, then kept in the keyring), signing
 * in by itself at start (to the demo when asked, else with the token kept
 * for the cockpit used last), and signing out (app.sign-out).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-application-private.h"

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
  /* When the demo was started meanwhile, it stays. */
  if (self->session == NULL && token == NULL)
    {
      /* No token kept: the sign-in page asks for one.  A keyring that
       * is missing or stays locked is said in words there. */
      if (error != NULL)
        _cockpit_application_set_sign_in_error (self, error->message);
    }
  else if (self->session == NULL)
    {
      client = cockpit_client_new (url, token, &error);
      if (client == NULL)
        _cockpit_application_set_sign_in_error (self, error->message);
      else
        {
          session = cockpit_session_new (client, NULL, NULL);
          cockpit_application_set_session (self, session);
        }
    }
  if (token != NULL)
    cockpit_secret_store_free_token (token);
  /* Busy ends once what the lookup led to is in place: in between, the
   * window would choose its sign-in page for nothing, and make it. */
  _cockpit_application_set_busy (self, FALSE);
}

static void
sign_out_cleared_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CockpitApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!cockpit_secret_store_clear_finish (COCKPIT_SECRET_STORE (object), result, &error))
    _cockpit_application_set_sign_in_error (self, error->message);
}

void
_cockpit_application_sign_out_action_cb (GSimpleAction *action,
                                         GVariant      *parameter,
                                         gpointer       user_data)
{
  CockpitApplication *self = user_data;
  g_autofree char *url = g_settings_get_string (self->settings, "cockpit-url");

  /* Signing out of the demo stops it and goes back to the sign-in page. */
  if (self->demo != NULL)
    {
      _cockpit_application_stop_demo (self);
      return;
    }
  if (self->session == NULL)
    return;

  /* The address stays filled in on the sign-in page; the token goes. */
  cockpit_secret_store_clear_async (self->secrets, url, NULL, NULL, sign_out_cleared_cb, g_object_ref (self));
  cockpit_application_set_session (self, NULL);
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

      if (!_cockpit_application_start_demo (self, &error))
        _cockpit_application_set_sign_in_error (self, error->message);
    }
  else
    {
      g_autofree char *url = g_settings_get_string (self->settings, "cockpit-url");

      if (*url != '\0' && self->session == NULL)
        {
          _cockpit_application_set_busy (self, TRUE);
          cockpit_secret_store_lookup_async (self->secrets, url, NULL, NULL, auto_sign_in_cb, g_object_ref (self));
        }
    }
}
