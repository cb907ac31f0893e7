/* cockpit-secret-store.h: the cockpit API token, kept in the user's keyring.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

/* Errors from the keyring, each with a message a project manager can act
 * on.  A call cancelled through its GCancellable fails with
 * G_IO_ERROR_CANCELLED instead. */
#define COCKPIT_SECRET_ERROR (cockpit_secret_error_quark ())
GQuark cockpit_secret_error_quark (void);

typedef enum {
  COCKPIT_SECRET_ERROR_NO_SERVICE,
  COCKPIT_SECRET_ERROR_LOCKED,
  COCKPIT_SECRET_ERROR_FAILED,
} CockpitSecretError;

/* A token returned by cockpit_secret_store_lookup_finish(), to be freed
 * with cockpit_secret_store_free_token() so the memory is wiped:
 * g_autoptr(CockpitSecretToken) token = cockpit_secret_store_lookup_finish (...); */
typedef char CockpitSecretToken;

#define COCKPIT_TYPE_SECRET_STORE (cockpit_secret_store_get_type ())

G_DECLARE_FINAL_TYPE (CockpitSecretStore, cockpit_secret_store, COCKPIT, SECRET_STORE, GObject)

const SecretSchema *cockpit_secret_store_get_schema    (void);
CockpitSecretStore *cockpit_secret_store_new           (void);

void                cockpit_secret_store_store_async   (CockpitSecretStore  *self,
                                                        const char          *cockpit_url,
                                                        const char          *user,
                                                        const char          *token,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean            cockpit_secret_store_store_finish  (CockpitSecretStore  *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

void                cockpit_secret_store_lookup_async  (CockpitSecretStore  *self,
                                                        const char          *cockpit_url,
                                                        const char          *user,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
char               *cockpit_secret_store_lookup_finish (CockpitSecretStore  *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

void                cockpit_secret_store_clear_async   (CockpitSecretStore  *self,
                                                        const char          *cockpit_url,
                                                        const char          *user,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean            cockpit_secret_store_clear_finish  (CockpitSecretStore  *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

void                cockpit_secret_store_free_token    (char *token);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CockpitSecretToken, cockpit_secret_store_free_token)

G_END_DECLS
