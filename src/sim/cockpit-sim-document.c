/* cockpit-sim-document.c: serves the contract, docs/cockpit-api.yaml, at /api/v1/openapi.yaml.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "cockpit-sim-document.h"
#include "cockpit-sim-resources.h"

#define DOCUMENT_RESOURCE "/io/github/upgradecockpit/UpgradeCockpit/sim/cockpit-api.yaml"

GBytes *
cockpit_sim_document_get_bytes (void)
{
  /* Looked up in the resource itself, not the global table: in a static
   * library nothing else keeps the resource's constructor linked in. */
  return g_resource_lookup_data (cockpit_sim_get_resource (), DOCUMENT_RESOURCE,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

static void
set_error (SoupServerMessage *msg,
           guint              status,
           const char        *code,
           const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text, strlen (text));
}

/* Everything is decided on the headers: the body, if any, is not read. */
static void
early_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  const char *method = soup_server_message_get_method (msg);
  GUri *uri = soup_server_message_get_uri (msg);

  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);

  /* libsoup hands this handler the paths below the document too. */
  if (uri == NULL || !g_str_equal (g_uri_get_path (uri), COCKPIT_SIM_DOCUMENT_PATH))
    {
      set_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", "There is nothing at this path.");
      return;
    }
  if (!g_str_equal (method, "GET") && !g_str_equal (method, "HEAD"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Allow", "GET, HEAD");
      set_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
                 "The API document takes GET and HEAD only.");
    }
}

static void
document_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  g_autoptr(GBytes) bytes = cockpit_sim_document_get_bytes ();
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  /* HEAD: libsoup sends the headers only. */
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-cache");
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/yaml", SOUP_MEMORY_COPY, data, length);
}

void
cockpit_sim_document_serve (SoupServer *server)
{
  g_return_if_fail (SOUP_IS_SERVER (server));

  soup_server_add_early_handler (server, COCKPIT_SIM_DOCUMENT_PATH, early_cb, NULL, NULL);
  soup_server_add_handler (server, COCKPIT_SIM_DOCUMENT_PATH, document_cb, NULL, NULL);
}
