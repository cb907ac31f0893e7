/* cockpit-client.c: the cockpit client object: its address, token and settings.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One request goes through these steps, all on the caller's main context:
 * send → read the body in chunks (capped) → follow a same-origin redirect
 * ourselves → on a retryable failure wait and send again → decode the JSON
 * in a worker thread into model objects.  An overall deadline cancels the
 * whole call, so a server that drips bytes cannot hang it.  The steps are
 * in cockpit-client-transport.c, the calls in cockpit-client-calls.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "cockpit-client.h"
#include "cockpit-client-request-private.h"

#define DEFAULT_IO_TIMEOUT   30
#define DEFAULT_DEADLINE     60
#define DEFAULT_RETRY_FIRST  1000
#define DEFAULT_RETRY_MAX    20000

G_DEFINE_QUARK (cockpit-client-error-quark, cockpit_client_error)

G_DEFINE_FINAL_TYPE (CockpitClient, cockpit_client, G_TYPE_OBJECT)

static void
cockpit_client_finalize (GObject *object)
{
  CockpitClient *self = (CockpitClient *) object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->identity, g_free);
  if (self->token != NULL)
    {
      /* Leave no copy of the token in freed memory. */
      memset (self->token, 0, strlen (self->token));
      g_clear_pointer (&self->token, g_free);
    }

  G_OBJECT_CLASS (cockpit_client_parent_class)->finalize (object);
}

static void
cockpit_client_class_init (CockpitClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cockpit_client_finalize;
}

static void
cockpit_client_init (CockpitClient *self)
{
  /* Redirects are followed by us (see handle_redirect), never by libsoup,
   * which may forward the Authorization header to another host. */
  self->session = soup_session_new_with_options ("timeout", DEFAULT_IO_TIMEOUT,
                                                 "idle-timeout", 60,
                                                 "user-agent", "upgrade-cockpit/" PACKAGE_VERSION " ",
                                                 NULL);
  self->deadline = DEFAULT_DEADLINE;
  self->retry_first_ms = DEFAULT_RETRY_FIRST;
  self->retry_max_ms = DEFAULT_RETRY_MAX;
}

gboolean
_cockpit_client_host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *bare = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  /* GUri keeps the brackets of an IPv6 literal off, but be lenient. */
  bare = g_strdup (host);
  if (bare[0] == '[')
    {
      memmove (bare, bare + 1, strlen (bare));
      if (bare[0] != '\0' && bare[strlen (bare) - 1] == ']')
        bare[strlen (bare) - 1] = '\0';
    }
  address = g_inet_address_new_from_string (bare);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

gboolean
cockpit_client_check_url (const char  *base_url,
                          GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (base_url != NULL)
    uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);

  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_INVALID_URL,
                   _("“%s” is not a cockpit address. Enter an address that starts with https://."),
                   base_url ? base_url : "");
      return FALSE;
    }

  if (g_uri_get_userinfo (uri) != NULL || g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_INVALID_URL,
                   _("The cockpit address must not contain a user name, a query or a fragment."));
      return FALSE;
    }

  if (g_ascii_strcasecmp (scheme, "http") == 0 && !_cockpit_client_host_is_loopback (g_uri_get_host (uri)))
    {
      g_set_error (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_INSECURE_URL,
                   _("The address uses http://, which would send the token unprotected. Use https:// for %s."),
                   g_uri_get_host (uri));
      return FALSE;
    }

  return TRUE;
}

CockpitClient *
cockpit_client_new (const char  *base_url,
                    const char  *token,
                    GError     **error)
{
  g_autoptr(CockpitClient) self = NULL;
  g_autoptr(GUri) uri = NULL;
  gsize len;

  g_return_val_if_fail (token != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!cockpit_client_check_url (base_url, error))
    return NULL;

  self = g_object_new (COCKPIT_TYPE_CLIENT, NULL);
  self->base_url = g_strdup (base_url);
  len = strlen (self->base_url);
  while (len > 0 && self->base_url[len - 1] == '/')
    self->base_url[--len] = '\0';
  self->token = g_strdup (token);

  /* A cockpit on this computer (the demo's, a simulator) is reached
   * directly: a system proxy for it would carry the token over plain
   * http:// off the computer, and asking for one loads the proxy
   * modules (libproxy) at the first request.  Redirects stay within the
   * cockpit's origin, so no request of this client goes elsewhere. */
  uri = g_uri_parse (self->base_url, G_URI_FLAGS_NONE, NULL);
  if (uri != NULL && _cockpit_client_host_is_loopback (g_uri_get_host (uri)))
    soup_session_set_proxy_resolver (self->session, NULL);

  return g_steal_pointer (&self);
}

const char *
cockpit_client_get_base_url (CockpitClient *self)
{
  g_return_val_if_fail (COCKPIT_IS_CLIENT (self), NULL);

  return self->base_url;
}

const char *
cockpit_client_get_identity (CockpitClient *self)
{
  g_return_val_if_fail (COCKPIT_IS_CLIENT (self), NULL);

  return self->identity != NULL ? self->identity : self->base_url;
}

void
cockpit_client_set_identity (CockpitClient *self,
                             const char    *identity)
{
  g_return_if_fail (COCKPIT_IS_CLIENT (self));

  g_free (self->identity);
  self->identity = g_strdup (identity);
}

void
cockpit_client_set_timeouts (CockpitClient *self,
                             guint          io_timeout_seconds,
                             guint          deadline_seconds)
{
  g_return_if_fail (COCKPIT_IS_CLIENT (self));

  g_object_set (self->session, "timeout", io_timeout_seconds, NULL);
  self->deadline = deadline_seconds;
}

void
cockpit_client_set_retry_delay (CockpitClient *self,
                                guint          first_delay_ms,
                                guint          max_delay_ms)
{
  g_return_if_fail (COCKPIT_IS_CLIENT (self));

  self->retry_first_ms = first_delay_ms;
  self->retry_max_ms = MAX (max_delay_ms, first_delay_ms);
}

void
cockpit_client_set_tls_database (CockpitClient *self,
                                 GTlsDatabase  *database)
{
  g_return_if_fail (COCKPIT_IS_CLIENT (self));

  soup_session_set_tls_database (self->session, database);
}

char *
cockpit_client_new_idempotency_key (void)
{
  return g_uuid_string_random ();
}

gboolean
cockpit_client_error_is_rejection (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  if (error->domain != COCKPIT_CLIENT_ERROR)
    return FALSE;

  switch (error->code)
    {
    case COCKPIT_CLIENT_ERROR_NETWORK:
    case COCKPIT_CLIENT_ERROR_TIMED_OUT:
    case COCKPIT_CLIENT_ERROR_SERVER:
    case COCKPIT_CLIENT_ERROR_BAD_RESPONSE:
    case COCKPIT_CLIENT_ERROR_RESPONSE_TOO_LARGE:
    case COCKPIT_CLIENT_ERROR_FAILED:
      return FALSE;
    default:
      return TRUE;
    }
}
