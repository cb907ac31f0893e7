/* cockpit-client-errors.c: the client's errors in words a project manager can act on.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "cockpit-client-request-private.h"

/* An error answer of the contract is a few hundred bytes; a larger one is
 * not parsed on the main thread, and its status speaks for it. */
#define MAX_ERROR_BODY       (64 * 1024)

static const char *
environment_label (Request *request)
{
  if (request->environment == NULL)
    return _("The environment");
  return cockpit_environment_kind_get_label (cockpit_environment_get_kind (request->environment));
}

static const struct {
  const char         *code;
  CockpitClientError  error;
} contract_codes[] = {
  { "unauthorized", COCKPIT_CLIENT_ERROR_UNAUTHORIZED },
  { "not_found", COCKPIT_CLIENT_ERROR_NOT_FOUND },
  { "bad_request", COCKPIT_CLIENT_ERROR_BAD_REQUEST },
  { "package_busy", COCKPIT_CLIENT_ERROR_PACKAGE_BUSY },
  { "maintenance", COCKPIT_CLIENT_ERROR_MAINTENANCE },
  { "environment_protected", COCKPIT_CLIENT_ERROR_ENVIRONMENT_PROTECTED },
  { "upgrade_backup_exists", COCKPIT_CLIENT_ERROR_UPGRADE_BACKUP_EXISTS },
  { "version_not_available", COCKPIT_CLIENT_ERROR_VERSION_NOT_AVAILABLE },
  { "no_upgrade_backup", COCKPIT_CLIENT_ERROR_NO_UPGRADE_BACKUP },
  { "extension_limit", COCKPIT_CLIENT_ERROR_EXTENSION_LIMIT },
  { "not_supported", COCKPIT_CLIENT_ERROR_NOT_SUPPORTED },
  { "idempotency_mismatch", COCKPIT_CLIENT_ERROR_IDEMPOTENCY_MISMATCH },
  { "payload_too_large", COCKPIT_CLIENT_ERROR_PAYLOAD_TOO_LARGE },
  { "rate_limited", COCKPIT_CLIENT_ERROR_RATE_LIMITED },
  { "plan_exists", COCKPIT_CLIENT_ERROR_PLAN_EXISTS },
  { "not_waiting", COCKPIT_CLIENT_ERROR_NOT_WAITING },
  { "plan_finished", COCKPIT_CLIENT_ERROR_PLAN_FINISHED },
};

/* The sentence for a refused plan call, where it differs from an
 * action's: a plan names several environments, and its codes are its own. */
static char *
describe_plan_error (CockpitClientError code)
{
  switch (code)
    {
    case COCKPIT_CLIENT_ERROR_NOT_FOUND:
      return g_strdup (_("The cockpit does not know this package or plan. Reload, then try again."));
    case COCKPIT_CLIENT_ERROR_ENVIRONMENT_PROTECTED:
      return g_strdup (_("An environment of the plan is protected, so it can't be upgraded. Leave it out of the plan, or ask the Cloud Helpdesk to lift the protection."));
    case COCKPIT_CLIENT_ERROR_UPGRADE_BACKUP_EXISTS:
      return g_strdup (_("Live still has an upgrade backup. Leave Live out of the plan, or delete the backup first."));
    case COCKPIT_CLIENT_ERROR_VERSION_NOT_AVAILABLE:
      return g_strdup (_("This version is not newer than every environment of the plan. Leave out the environments that already run it, or pick another version."));
    case COCKPIT_CLIENT_ERROR_PLAN_EXISTS:
      return g_strdup (_("This package already has an upgrade plan. Cancel it, or wait until it has ended."));
    case COCKPIT_CLIENT_ERROR_NOT_WAITING:
      return g_strdup (_("No environment of the plan is waiting for an approval any more. Reload to see where the plan is."));
    case COCKPIT_CLIENT_ERROR_PLAN_FINISHED:
      return g_strdup (_("The plan has already ended. Reload to see how it ended."));
    default:
      return NULL;
    }
}

static CockpitClientError
error_from_status (guint status)
{
  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
    case SOUP_STATUS_FORBIDDEN:
      return COCKPIT_CLIENT_ERROR_UNAUTHORIZED;
    case SOUP_STATUS_NOT_FOUND:
      return COCKPIT_CLIENT_ERROR_NOT_FOUND;
    case SOUP_STATUS_BAD_REQUEST:
      return COCKPIT_CLIENT_ERROR_BAD_REQUEST;
    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:
      return COCKPIT_CLIENT_ERROR_PAYLOAD_TOO_LARGE;
    case 429:
      return COCKPIT_CLIENT_ERROR_RATE_LIMITED;
    default:
      if (status >= 500)
        return COCKPIT_CLIENT_ERROR_SERVER;
      return COCKPIT_CLIENT_ERROR_FAILED;
    }
}

/* The sentence for an error the cockpit answered with.  @server_message
 * is the cockpit's own text, used where it adds something. */
static char *
describe_error (Request            *request,
                CockpitClientError  code,
                const char         *server_message)
{
  char *plan_text = request->is_plan ? describe_plan_error (code) : NULL;

  if (plan_text != NULL)
    return plan_text;

  switch (code)
    {
    case COCKPIT_CLIENT_ERROR_UNAUTHORIZED:
      return g_strdup (_("The cockpit did not accept the API token. Check the token, or create a new one in the cockpit, then sign in again."));
    case COCKPIT_CLIENT_ERROR_NOT_FOUND:
      return g_strdup (_("The cockpit does not know this package, environment or action. Reload, then try again."));
    case COCKPIT_CLIENT_ERROR_BAD_REQUEST:
      if (server_message != NULL && *server_message != '\0')
        return g_strdup_printf (_("The cockpit did not accept the request: %s"), server_message);
      return g_strdup (_("The cockpit did not accept the request. Reload, then try again."));
    case COCKPIT_CLIENT_ERROR_PACKAGE_BUSY:
      return g_strdup (_("Another action is running on this package. Wait until it has finished, then try again."));
    case COCKPIT_CLIENT_ERROR_MAINTENANCE:
      if (server_message != NULL && *server_message != '\0')
        return g_strdup_printf (_("The package is in maintenance and can only be viewed: %s"), server_message);
      return g_strdup (_("The package is in maintenance and can only be viewed. Try again when the maintenance has ended."));
    case COCKPIT_CLIENT_ERROR_ENVIRONMENT_PROTECTED:
      return g_strdup_printf (_("%s is protected, so it can't be changed. Ask the Cloud Helpdesk to lift the protection."),
                              environment_label (request));
    case COCKPIT_CLIENT_ERROR_UPGRADE_BACKUP_EXISTS:
      {
        CockpitUpgradeBackup *backup = request->environment ? cockpit_environment_get_upgrade_backup (request->environment) : NULL;
        g_autofree char *when = backup ? cockpit_format_date_time (cockpit_upgrade_backup_get_expires_at (backup), COCKPIT_DATE_SHORT) : NULL;
        gboolean teardown = request->is_action && request->action_kind == COCKPIT_ACTION_KIND_TEARDOWN;

        if (when != NULL && teardown)
          return g_strdup_printf (_("Live still has an upgrade backup. Delete it or wait until %s before tearing Live down."), when);
        if (when != NULL)
          return g_strdup_printf (_("Live still has an upgrade backup. Delete it or wait until %s before upgrading again."), when);
        if (teardown)
          return g_strdup (_("Live still has an upgrade backup. Delete it or wait until it is removed before tearing Live down."));
        return g_strdup (_("Live still has an upgrade backup. Delete it or wait until it is removed before upgrading again."));
      }
    case COCKPIT_CLIENT_ERROR_VERSION_NOT_AVAILABLE:
      return g_strdup_printf (_("This version can't be installed on %s. Reload the list of versions and pick another."),
                              environment_label (request));
    case COCKPIT_CLIENT_ERROR_NO_UPGRADE_BACKUP:
      return g_strdup (_("Live has no upgrade backup any more; it may have been removed automatically. Reload to see the current state."));
    case COCKPIT_CLIENT_ERROR_EXTENSION_LIMIT:
      return g_strdup (_("The upgrade backup can't be kept longer than 5 days after it was made. For a longer time, contact the Cloud Helpdesk."));
    case COCKPIT_CLIENT_ERROR_NOT_SUPPORTED:
      return g_strdup (_("Manual backups can be made of Live only."));
    case COCKPIT_CLIENT_ERROR_IDEMPOTENCY_MISMATCH:
      return g_strdup (_("The cockpit has seen this request before with other details, so it did nothing. Start the action again."));
    case COCKPIT_CLIENT_ERROR_PAYLOAD_TOO_LARGE:
      return g_strdup (_("The request was too large for the cockpit."));
    case COCKPIT_CLIENT_ERROR_RATE_LIMITED:
      return g_strdup (_("The cockpit is handling too many requests right now. Try again in a minute."));
    case COCKPIT_CLIENT_ERROR_SERVER:
      return g_strdup (_("The cockpit had an internal problem. Try again in a few minutes; if it keeps happening, contact the Cloud Helpdesk."));
    case COCKPIT_CLIENT_ERROR_FAILED:
    default:
      if (server_message != NULL && *server_message != '\0')
        return g_strdup_printf (_("The cockpit refused the request: %s"), server_message);
      return g_strdup (_("The cockpit refused the request."));
    }
}

GError *
_cockpit_client_error_from_answer (Request *request,
                                   guint    status,
                                   GBytes  *body)
{
  g_autoptr(JsonNode) root = NULL;
  CockpitClientError code = error_from_status (status);
  const char *server_code = NULL;
  g_autofree char *server_message = NULL;
  g_autofree char *text = NULL;

  /* The error JSON is optional: a proxy in between may answer in HTML. */
  if (body != NULL && g_bytes_get_size (body) > 0 && g_bytes_get_size (body) <= MAX_ERROR_BODY)
    root = cockpit_json_parse (g_bytes_get_data (body, NULL), (gssize) g_bytes_get_size (body), NULL);

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonNode *error = json_object_get_member (json_node_get_object (root), "error");

      if (error != NULL && JSON_NODE_HOLDS_OBJECT (error))
        {
          JsonObject *object = json_node_get_object (error);
          JsonNode *code_node = json_object_get_member (object, "code");
          JsonNode *message_node = json_object_get_member (object, "message");

          if (code_node != NULL && JSON_NODE_HOLDS_VALUE (code_node) &&
              json_node_get_value_type (code_node) == G_TYPE_STRING)
            server_code = json_node_get_string (code_node);
          if (message_node != NULL && JSON_NODE_HOLDS_VALUE (message_node) &&
              json_node_get_value_type (message_node) == G_TYPE_STRING)
            server_message = cockpit_text_limit (json_node_get_string (message_node),
                                                 COCKPIT_TEXT_MAX_MESSAGE);
        }
    }

  for (guint i = 0; server_code != NULL && i < G_N_ELEMENTS (contract_codes); i++)
    if (g_strcmp0 (server_code, contract_codes[i].code) == 0)
      code = contract_codes[i].error;

  text = describe_error (request, code, server_message);
  return g_error_new_literal (COCKPIT_CLIENT_ERROR, code, text);
}

GError *
_cockpit_client_error_from_transport (Request      *request,
                                      const GError *error)
{
  g_autofree char *host = g_strdup (g_uri_get_host (request->uri));

  if (request->timed_out)
    return g_error_new (COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_TIMED_OUT,
                        _("The cockpit at %s took too long to answer. Check your connection and try again."), host);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (error->domain == G_TLS_ERROR)
    return g_error_new (COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_TLS,
                        _("The connection to %s is not secure: its certificate could not be verified. Check the cockpit address; if it is right, ask your IT department about the certificate."),
                        host);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_TIMED_OUT,
                        _("The cockpit at %s took too long to answer. Check your connection and try again."), host);

  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new (COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_NETWORK,
                        _("%s could not be found. Check the cockpit address and your internet connection."), host);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
    return g_error_new (COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_NETWORK,
                        _("The connection to %s broke off before the answer was complete. Try again."), host);

  if (error->domain == SOUP_SESSION_ERROR)
    return g_error_new (COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_BAD_RESPONSE,
                        _("The server at %s did not answer like a cockpit. Check the cockpit address."), host);

  /* A cockpit on this computer (the simulator, a tunnel) is not behind
   * the internet connection: what is missing is the program. */
  if (_cockpit_client_host_is_loopback (host))
    {
      int port = g_uri_get_port (request->uri);
      g_autofree char *where = port > 0 ? g_strdup_printf ("%s:%d", host, port) : g_strdup (host);

      return g_error_new (COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_NETWORK,
                          _("Nothing answers at %s on this computer. Check that the cockpit there is running, then try again."),
                          where);
    }

  return g_error_new (COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_NETWORK,
                      _("The cockpit at %s can't be reached. Check your internet connection and try again."), host);
}
