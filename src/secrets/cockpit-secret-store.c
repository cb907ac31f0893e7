/* cockpit-secret-store.c: the cockpit API token, kept in the user's keyring.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The token lives only in the user's keyring (GNOME Keyring, KWallet, ...)
 * through libsecret; there is no plaintext fallback, and the token is never
 * written to a file or a log line.
 *
 * In a Flatpak sandbox libsecret chooses its file backend by itself: the
 * items are kept encrypted in the app's own data folder with a key that the
 * Secret portal (org.freedesktop.portal.Secret) hands out, so neither this
 * code nor the manifest (no --talk-name=org.freedesktop.secrets) needs
 * anything extra.  Without the portal, libsecret falls back to the Secret
 * Service, which the sandbox hides, and callers get NO_SERVICE.  Outside a
 * sandbox it talks to the Secret Service on the session bus.  That is why
 * only the secret_password_*() calls, which go through libsecret's backend
 * choice, are used here, never SecretService directly.
 */
#define G_LOG_DOMAIN "cockpit-secrets"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cockpit-secret-store.h"

G_DEFINE_QUARK (cockpit-secret-error-quark, cockpit_secret_error)

struct _CockpitSecretStore
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (CockpitSecretStore, cockpit_secret_store, G_TYPE_OBJECT)

static const SecretSchema token_schema = {
  "io.github.upgradecockpit.UpgradeCockpit.Token",
  SECRET_SCHEMA_NONE,
  {
    { "cockpit-url", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

typedef enum {
  OPERATION_STORE,
  OPERATION_LOOKUP,
  OPERATION_CLEAR,
} Operation;

/* What one call needs across its steps.  The token is held only as a
 * SecretValue, which libsecret keeps in memory that is never swapped out
 * and wipes when it is freed. */
typedef struct
{
  Operation    operation;
  GHashTable  *attributes;
  char        *label;
  SecretValue *value;
} Request;

static void
request_free (Request *request)
{
  g_clear_pointer (&request->attributes, g_hash_table_unref);
  g_clear_pointer (&request->label, g_free);
  g_clear_pointer (&request->value, secret_value_unref);
  g_free (request);
}

static gboolean
is_no_service_error (const GError *error)
{
  if (error->domain == G_DBUS_ERROR)
    {
      switch (error->code)
        {
        case G_DBUS_ERROR_SERVICE_UNKNOWN:
        case G_DBUS_ERROR_NAME_HAS_NO_OWNER:
        case G_DBUS_ERROR_NO_SERVER:
        case G_DBUS_ERROR_DISCONNECTED:
        case G_DBUS_ERROR_SPAWN_EXEC_FAILED:
        case G_DBUS_ERROR_SPAWN_FORK_FAILED:
        case G_DBUS_ERROR_SPAWN_CHILD_EXITED:
        case G_DBUS_ERROR_SPAWN_CHILD_SIGNALED:
        case G_DBUS_ERROR_SPAWN_FAILED:
        case G_DBUS_ERROR_SPAWN_SETUP_FAILED:
        case G_DBUS_ERROR_SPAWN_CONFIG_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND:
        case G_DBUS_ERROR_SPAWN_PERMISSIONS_INVALID:
        case G_DBUS_ERROR_SPAWN_FILE_INVALID:
        case G_DBUS_ERROR_SPAWN_NO_MEMORY:
          return TRUE;
        default:
          return FALSE;
        }
    }

  /* The session bus itself is missing or went away. */
  if (error->domain == G_IO_ERROR)
    {
      switch (error->code)
        {
        case G_IO_ERROR_NOT_FOUND:
        case G_IO_ERROR_CONNECTION_REFUSED:
        case G_IO_ERROR_CLOSED:
        case G_IO_ERROR_BROKEN_PIPE:
        case G_IO_ERROR_NOT_CONNECTED:
          return TRUE;
        default:
          return FALSE;
        }
    }

  return FALSE;
}

static GError *
error_new (CockpitSecretError code,
           Operation          operation)
{
  const char *message = NULL;

  switch (code)
    {
    case COCKPIT_SECRET_ERROR_NO_SERVICE:
      switch (operation)
        {
        case OPERATION_STORE:
          message = _("No keyring is available, so the token can't be saved. Install and "
                      "start a keyring service such as GNOME Keyring, then try again.");
          break;
        case OPERATION_LOOKUP:
          message = _("No keyring is available, so the saved token can't be read. Install "
                      "and start a keyring service such as GNOME Keyring, then try again.");
          break;
        case OPERATION_CLEAR:
          message = _("No keyring is available, so the saved token can't be removed. "
                      "Install and start a keyring service such as GNOME Keyring, then try "
                      "again.");
          break;
        default:
          g_assert_not_reached ();
        }
      break;

    case COCKPIT_SECRET_ERROR_LOCKED:
      message = _("The keyring is locked. Unlock it when asked, then try again.");
      break;

    case COCKPIT_SECRET_ERROR_FAILED:
      switch (operation)
        {
        case OPERATION_STORE:
          message = _("The keyring couldn't save the token. Try again; if it keeps "
                      "happening, log out and back in to restart the keyring.");
          break;
        case OPERATION_LOOKUP:
          message = _("The keyring couldn't read the saved token. Try again; if it keeps "
                      "happening, log out and back in to restart the keyring.");
          break;
        case OPERATION_CLEAR:
          message = _("The keyring couldn't remove the saved token. Try again; if it keeps "
                      "happening, log out and back in to restart the keyring.");
          break;
        default:
          g_assert_not_reached ();
        }
      break;

    default:
      g_assert_not_reached ();
    }

  return g_error_new_literal (COCKPIT_SECRET_ERROR, code, message);
}

/* Ends @task with @error (which it takes) in the words of COCKPIT_SECRET_ERROR.
 * Only our own cancellation stays G_IO_ERROR_CANCELLED: libsecret reports a
 * dismissed unlock prompt as cancelled too, and for the user that means the
 * keyring stayed locked. */
static void
return_error (GTask  *task,
              GError *error)
{
  Request *request = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  CockpitSecretError code;

  g_assert (error != NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    code = COCKPIT_SECRET_ERROR_LOCKED;
  else if (is_no_service_error (error))
    code = COCKPIT_SECRET_ERROR_NO_SERVICE;
  else
    code = COCKPIT_SECRET_ERROR_FAILED;

  /* Errors from libsecret and D-Bus name objects and services, never the
   * secret itself, so the original is safe to keep for debugging. */
  g_debug ("Keyring error: %s (%s %d)",
           error->message, g_quark_to_string (error->domain), error->code);

  g_task_return_error (task, error_new (code, request->operation));
  g_error_free (error);
}

/* Starts one call of @operation: makes its task and, once the session bus
 * is there, goes on in @bus_callback.  A @token (for a store) is copied
 * into protected memory at once.  Before each call, make sure there is a
 * session bus at all: without one GDBus fails with generic errors that we
 * could not tell apart. */
static void
request_begin (CockpitSecretStore  *self,
               Operation            operation,
               const char          *cockpit_url,
               const char          *user,
               const char          *token,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag,
               GAsyncReadyCallback  bus_callback)
{
  GTask *task;
  Request *request;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  request = g_new0 (Request, 1);
  request->operation = operation;
  request->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (request->attributes, (gpointer) "cockpit-url", g_strdup (cockpit_url));

  /* Without a user, lookups and clears match the URL's tokens for any user. */
  if (user != NULL)
    g_hash_table_insert (request->attributes, (gpointer) "user", g_strdup (user));

  if (token != NULL)
    {
      request->label = g_strdup_printf (_("Upgrade Cockpit token for %s"), cockpit_url);
      request->value = secret_value_new (token, -1, "text/plain");
    }

  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  g_bus_get (G_BUS_TYPE_SESSION, cancellable, bus_callback, task);
}

/* Searches for the request's items with @flags, then goes on in @callback. */
static void
request_search (GTask               *task,
                SecretSearchFlags    flags,
                GAsyncReadyCallback  callback)
{
  Request *request = g_task_get_task_data (task);

  secret_password_searchv (&token_schema,
                           request->attributes,
                           flags,
                           g_task_get_cancellable (task),
                           callback,
                           g_object_ref (task));
}

/* The checks every _finish makes on @result. */
static gboolean
request_result_is_valid (CockpitSecretStore *self,
                         GAsyncResult       *result,
                         gpointer            source_tag)
{
  return COCKPIT_IS_SECRET_STORE (self) &&
         g_task_is_valid (result, self) &&
         g_task_get_source_tag (G_TASK (result)) == source_tag;
}

static gboolean
request_check_bus (GTask        *task,
                   GAsyncResult *result)
{
  Request *request = g_task_get_task_data (task);
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  connection = g_bus_get_finish (result, &error);
  if (connection != NULL)
    return TRUE;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return FALSE;
    }

  g_debug ("No session bus: %s", error->message);
  g_task_return_error (task, error_new (COCKPIT_SECRET_ERROR_NO_SERVICE, request->operation));
  return FALSE;
}

/* Store */

static void
store_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
store_bus_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);

  if (!request_check_bus (task, result))
    return;

  /* Attributes that match an existing item replace its secret, so storing
   * again for the same URL and user keeps one item. */
  secret_password_storev_binary (&token_schema,
                                 request->attributes,
                                 SECRET_COLLECTION_DEFAULT,
                                 request->label,
                                 request->value,
                                 g_task_get_cancellable (task),
                                 store_done_cb,
                                 g_object_ref (task));
}

/**
 * cockpit_secret_store_store_async:
 * @self: a #CockpitSecretStore
 * @cockpit_url: the cockpit the token is for
 * @user: (nullable): the user the token belongs to, or "" (or %NULL) when
 *   not known yet
 * @token: the token; it is copied into protected memory at once
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the token is stored
 * @user_data: data for @callback
 *
 * Saves @token in the default keyring collection, replacing the token saved
 * before for the same URL and user.
 */
void
cockpit_secret_store_store_async (CockpitSecretStore  *self,
                                  const char          *cockpit_url,
                                  const char          *user,
                                  const char          *token,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (COCKPIT_IS_SECRET_STORE (self));
  g_return_if_fail (cockpit_url != NULL);
  g_return_if_fail (token != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request_begin (self, OPERATION_STORE, cockpit_url, user ? user : "", token,
                 cancellable, callback, user_data,
                 cockpit_secret_store_store_async, store_bus_cb);
}

gboolean
cockpit_secret_store_store_finish (CockpitSecretStore  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  g_return_val_if_fail (request_result_is_valid (self, result, cockpit_secret_store_store_async),
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Lookup */

/* Finishes a search that must find nothing: matching items that are still
 * there are in a locked collection (the unlock prompt was dismissed, or
 * could not be shown).  FALSE when @task got an error for that. */
static gboolean
search_found_nothing (GTask        *task,
                      GAsyncResult *result)
{
  GList *items;
  GError *error = NULL;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      return_error (task, error);
      return FALSE;
    }
  if (items != NULL)
    {
      g_list_free_full (items, g_object_unref);
      return_error (task, g_error_new_literal (SECRET_ERROR, SECRET_ERROR_IS_LOCKED,
                                               "Matching items stayed locked"));
      return FALSE;
    }
  return TRUE;
}

static void
lookup_locked_check_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  /* What lookup could not read was locked, or there is no token. */
  if (search_found_nothing (task, result))
    g_task_return_pointer (task, NULL, NULL);
}

static void
lookup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *token;

  token = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      return_error (task, error);
      return;
    }

  if (token != NULL)
    {
      g_task_return_pointer (task, token, (GDestroyNotify) secret_password_free);
      return;
    }

  /* libsecret answers "nothing" both when there is no token and when the
   * user dismissed the unlock prompt.  A search that does not unlock tells
   * the two apart, without prompting again. */
  request_search (task, SECRET_SEARCH_ALL, lookup_locked_check_cb);
}

static void
lookup_bus_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);

  if (!request_check_bus (task, result))
    return;

  secret_password_lookupv (&token_schema,
                           request->attributes,
                           g_task_get_cancellable (task),
                           lookup_done_cb,
                           g_object_ref (task));
}

/**
 * cockpit_secret_store_lookup_async:
 * @self: a #CockpitSecretStore
 * @cockpit_url: the cockpit the token is for
 * @user: (nullable): the user the token belongs to, "" for a token saved
 *   before the user was known, or %NULL for a token of any user
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the lookup is done
 * @user_data: data for @callback
 *
 * Reads the saved token, asking the user to unlock the keyring if needed.
 */
void
cockpit_secret_store_lookup_async (CockpitSecretStore  *self,
                                   const char          *cockpit_url,
                                   const char          *user,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (COCKPIT_IS_SECRET_STORE (self));
  g_return_if_fail (cockpit_url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request_begin (self, OPERATION_LOOKUP, cockpit_url, user, NULL,
                 cancellable, callback, user_data,
                 cockpit_secret_store_lookup_async, lookup_bus_cb);
}

/**
 * cockpit_secret_store_lookup_finish:
 * @self: a #CockpitSecretStore
 * @result: the #GAsyncResult passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the token, to be freed with
 *   cockpit_secret_store_free_token(), or %NULL without an error when no
 *   token is saved
 */
char *
cockpit_secret_store_lookup_finish (CockpitSecretStore  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (request_result_is_valid (self, result, cockpit_secret_store_lookup_async),
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Clear
 *
 * libsecret removes only unlocked items, so a clear first searches with
 * SECRET_SEARCH_UNLOCK (which prompts only when a matching item is locked),
 * then removes, then checks that nothing is left: a token that survives a
 * sign-out must not go unnoticed. */

static void
clear_verify_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  if (search_found_nothing (task, result))
    g_task_return_boolean (task, TRUE);
}

static void
clear_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error only means there was nothing to remove. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    {
      return_error (task, error);
      return;
    }

  request_search (task, SECRET_SEARCH_ALL, clear_verify_cb);
}

static void
clear_unlocked_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  GError *error = NULL;
  GList *items;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      return_error (task, error);
      return;
    }
  g_list_free_full (items, g_object_unref);

  secret_password_clearv (&token_schema,
                          request->attributes,
                          g_task_get_cancellable (task),
                          clear_done_cb,
                          g_object_ref (task));
}

static void
clear_bus_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  if (!request_check_bus (task, result))
    return;

  request_search (task, SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK, clear_unlocked_cb);
}

/**
 * cockpit_secret_store_clear_async:
 * @self: a #CockpitSecretStore
 * @cockpit_url: the cockpit the token is for
 * @user: (nullable): the user whose token to remove, or %NULL to remove
 *   every token saved for @cockpit_url
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the tokens are removed
 * @user_data: data for @callback
 *
 * Removes saved tokens.  Removing a token that is not there succeeds.
 */
void
cockpit_secret_store_clear_async (CockpitSecretStore  *self,
                                  const char          *cockpit_url,
                                  const char          *user,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (COCKPIT_IS_SECRET_STORE (self));
  g_return_if_fail (cockpit_url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request_begin (self, OPERATION_CLEAR, cockpit_url, user, NULL,
                 cancellable, callback, user_data,
                 cockpit_secret_store_clear_async, clear_bus_cb);
}

gboolean
cockpit_secret_store_clear_finish (CockpitSecretStore  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  g_return_val_if_fail (request_result_is_valid (self, result, cockpit_secret_store_clear_async),
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * cockpit_secret_store_free_token:
 * @token: (nullable): a token from cockpit_secret_store_lookup_finish()
 *
 * Wipes the token's memory and frees it.
 */
void
cockpit_secret_store_free_token (char *token)
{
  secret_password_free (token);
}

/**
 * cockpit_secret_store_get_schema:
 *
 * Returns: the libsecret schema of the saved tokens
 */
const SecretSchema *
cockpit_secret_store_get_schema (void)
{
  return &token_schema;
}

CockpitSecretStore *
cockpit_secret_store_new (void)
{
  return g_object_new (COCKPIT_TYPE_SECRET_STORE, NULL);
}

static void
cockpit_secret_store_class_init (CockpitSecretStoreClass *klass)
{
}

static void
cockpit_secret_store_init (CockpitSecretStore *self)
{
}
