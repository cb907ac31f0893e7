/* cockpit-sim-reply.c: the simulator's answers: JSON, error answers, the contract's error codes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsoup/soup.h>

#include "cockpit-sim-request-private.h"

G_DEFINE_QUARK (cockpit-sim-error-quark, cockpit_sim_error)

static const struct {
  guint       status;
  const char *code;
} error_codes[] = {
  [COCKPIT_SIM_ERROR_BAD_REQUEST] = { 400, "bad_request" },
  [COCKPIT_SIM_ERROR_UNAUTHORIZED] = { 401, "unauthorized" },
  [COCKPIT_SIM_ERROR_NOT_FOUND] = { 404, "not_found" },
  [COCKPIT_SIM_ERROR_NO_UPGRADE_BACKUP] = { 404, "no_upgrade_backup" },
  [COCKPIT_SIM_ERROR_METHOD_NOT_ALLOWED] = { 405, "method_not_allowed" },
  [COCKPIT_SIM_ERROR_MAINTENANCE] = { 409, "maintenance" },
  [COCKPIT_SIM_ERROR_PACKAGE_BUSY] = { 409, "package_busy" },
  [COCKPIT_SIM_ERROR_ENVIRONMENT_PROTECTED] = { 409, "environment_protected" },
  [COCKPIT_SIM_ERROR_UPGRADE_BACKUP_EXISTS] = { 409, "upgrade_backup_exists" },
  [COCKPIT_SIM_ERROR_PAYLOAD_TOO_LARGE] = { 413, "payload_too_large" },
  [COCKPIT_SIM_ERROR_VERSION_NOT_AVAILABLE] = { 422, "version_not_available" },
  [COCKPIT_SIM_ERROR_EXTENSION_LIMIT] = { 422, "extension_limit" },
  [COCKPIT_SIM_ERROR_NOT_SUPPORTED] = { 422, "not_supported" },
  [COCKPIT_SIM_ERROR_IDEMPOTENCY_MISMATCH] = { 422, "idempotency_mismatch" },
  [COCKPIT_SIM_ERROR_INTERNAL] = { 500, "internal_error" },
  [COCKPIT_SIM_ERROR_STATE_FILE] = { 500, "internal_error" },
  [COCKPIT_SIM_ERROR_STATE_FILE_IN_USE] = { 500, "internal_error" },
  [COCKPIT_SIM_ERROR_PLAN_EXISTS] = { 409, "plan_exists" },
  [COCKPIT_SIM_ERROR_NOT_WAITING] = { 409, "not_waiting" },
  [COCKPIT_SIM_ERROR_PLAN_FINISHED] = { 409, "plan_finished" },
};

const char *
cockpit_sim_error_code_string (CockpitSimError code)
{
  if ((guint) code >= G_N_ELEMENTS (error_codes))
    return "internal_error";
  return error_codes[code].code;
}

guint
cockpit_sim_error_http_status (CockpitSimError code)
{
  if ((guint) code >= G_N_ELEMENTS (error_codes))
    return 500;
  return error_codes[code].status;
}

void
_cockpit_sim_request_clear (Request *req)
{
  g_clear_pointer (&req->answer, g_free);
  g_clear_pointer (&req->location, g_free);
  g_clear_pointer (&req->allow, g_free);
  g_clear_pointer (&req->body, g_bytes_unref);
}

void
_cockpit_sim_reply_json (Request  *req,
                         guint     status,
                         JsonNode *node)
{
  g_autoptr(JsonNode) owned = node;

  req->status = status;
  g_clear_pointer (&req->answer, g_free);
  req->answer = json_to_string (owned, FALSE);
}

void
_cockpit_sim_reply_list (Request    *req,
                         const char *member,
                         JsonArray  *array)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_array_member (object, member, array);
  json_node_set_object (node, object);
  _cockpit_sim_reply_json (req, SOUP_STATUS_OK, node);
}

JsonNode *
_cockpit_sim_error_node (CockpitSimError  code,
                         const char      *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, cockpit_sim_error_code_string (code));
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

void
_cockpit_sim_reply_error (Request         *req,
                          CockpitSimError  code,
                          const char      *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  _cockpit_sim_reply_json (req, cockpit_sim_error_http_status (code), _cockpit_sim_error_node (code, message));
}

void
_cockpit_sim_reply_gerror (Request *req,
                           GError  *error)
{
  if (error->domain == COCKPIT_SIM_ERROR)
    _cockpit_sim_reply_error (req, error->code, "%s", error->message);
  else
    _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_INTERNAL, "%s", error->message);
}

const char *
_cockpit_sim_query_get (Request    *req,
                        const char *name)
{
  return req->query != NULL ? g_hash_table_lookup (req->query, name) : NULL;
}

CockpitSimPackage *
_cockpit_sim_lookup_package (Request *req)
{
  CockpitSimPackage *package = cockpit_sim_state_find_package (req->self->state, req->args[0]);

  if (package == NULL)
    _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_NOT_FOUND, "There is no package “%s”.", req->args[0]);
  return package;
}

CockpitSimEnvironment *
_cockpit_sim_lookup_environment (Request            *req,
                                 CockpitSimPackage **package_out)
{
  CockpitSimPackage *package = _cockpit_sim_lookup_package (req);
  CockpitSimEnvironment *env;

  if (package == NULL)
    return NULL;
  env = cockpit_sim_package_find_environment (package, req->args[1]);
  if (env == NULL)
    _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_NOT_FOUND, "The package “%s” has no environment “%s”.",
                              package->id, req->args[1]);
  *package_out = package;
  return env;
}
