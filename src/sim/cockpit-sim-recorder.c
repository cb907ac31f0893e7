/* cockpit-sim-recorder.c: writes every request and answer a server exchanges into a JSON Lines file, for the conformance check.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is read by build-aux/check-cockpit-api.py, which checks each
 * exchange against docs/cockpit-api.yaml.  The token never goes in.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cockpit-sim-recorder.h"

typedef struct {
  char  *path;
  int    fd;                  /* -1 until the first exchange */
  gboolean failed;
} Recorder;

/* The headers the contract speaks of, in the case the recording uses. */
static const char * const request_headers[] = {
  "content-type", "idempotency-key", "accept",
};
static const char * const response_headers[] = {
  "content-type", "location", "allow", "retry-after", "www-authenticate",
  "idempotency-replayed", "cache-control",
};

static void
recorder_free (gpointer data)
{
  Recorder *recorder = data;

  if (recorder->fd >= 0)
    close (recorder->fd);
  g_free (recorder->path);
  g_free (recorder);
}

/* JSON holds UTF-8 only; a client may send any bytes in a path or a
 * header, which the recording shows as U+FFFD. */
static void
add_text (JsonBuilder *builder,
          const char  *name,
          const char  *text)
{
  json_builder_set_member_name (builder, name);
  if (text == NULL)
    json_builder_add_null_value (builder);
  else if (g_utf8_validate (text, -1, NULL))
    json_builder_add_string_value (builder, text);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      json_builder_add_string_value (builder, valid);
    }
}

static void
add_headers (JsonBuilder        *builder,
             SoupMessageHeaders *headers,
             const char * const *names,
             gsize               n_names)
{
  json_builder_begin_object (builder);
  for (gsize i = 0; i < n_names; i++)
    {
      const char *value = soup_message_headers_get_list (headers, names[i]);

      if (value != NULL)
        add_text (builder, names[i], value);
    }
  json_builder_end_object (builder);
}

/* A body as text when it is UTF-8, else as base64 under another name. */
static void
add_body (JsonBuilder *builder,
          const char  *name,
          GBytes      *bytes)
{
  gsize length = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &length) : NULL;
  g_autofree char *base64_name = NULL;
  g_autofree char *base64 = NULL;

  json_builder_set_member_name (builder, name);
  if (data == NULL || length == 0)
    {
      json_builder_add_null_value (builder);
      return;
    }
  if (g_utf8_validate_len (data, length, NULL))
    {
      g_autofree char *text = g_strndup (data, length);

      json_builder_add_string_value (builder, text);
      return;
    }
  json_builder_add_null_value (builder);
  base64_name = g_strconcat (name, "_base64", NULL);
  base64 = g_base64_encode ((const guchar *) data, length);
  json_builder_set_member_name (builder, base64_name);
  json_builder_add_string_value (builder, base64);
}

char *
cockpit_sim_recorder_format (SoupServerMessage *msg)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) request_body = NULL;
  g_autoptr(GBytes) response_body = NULL;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  const char *content_type = soup_message_headers_get_content_type (response, NULL);
  const char *authorization = soup_message_headers_get_one (request, "Authorization");
  GUri *uri = soup_server_message_get_uri (msg);
  SoupMessageBody *body;

  g_return_val_if_fail (SOUP_IS_SERVER_MESSAGE (msg), NULL);

  json_builder_begin_object (builder);
  add_text (builder, "method", method);
  add_text (builder, "path", uri != NULL ? g_uri_get_path (uri) : "");
  add_text (builder, "query", uri != NULL ? g_uri_get_query (uri) : NULL);

  /* Whether a token was sent, and its scheme; never the token. */
  if (authorization != NULL)
    {
      g_autofree char *scheme = g_strndup (authorization, strcspn (authorization, " "));

      add_text (builder, "authorization", scheme);
    }
  else
    add_text (builder, "authorization", NULL);

  json_builder_set_member_name (builder, "request_headers");
  add_headers (builder, request, request_headers, G_N_ELEMENTS (request_headers));
  /* A body refused as it arrived (too large, no token) was not kept. */
  body = soup_server_message_get_request_body (msg);
  json_builder_set_member_name (builder, "request_body_kept");
  json_builder_add_boolean_value (builder, soup_message_body_get_accumulate (body));
  if (soup_message_body_get_accumulate (body))
    request_body = soup_message_body_flatten (body);
  add_body (builder, "request_body", request_body);

  json_builder_set_member_name (builder, "status");
  json_builder_add_int_value (builder, soup_server_message_get_status (msg));
  json_builder_set_member_name (builder, "response_headers");
  add_headers (builder, response, response_headers, G_N_ELEMENTS (response_headers));

  /* What crossed the wire: nothing after HEAD; a JSON body as its text,
   * any other only by its length (the served document). */
  body = soup_server_message_get_response_body (msg);
  json_builder_set_member_name (builder, "response_body_length");
  json_builder_add_int_value (builder, g_str_equal (method, "HEAD") ? 0 : body->length);
  if (!g_str_equal (method, "HEAD") && g_strcmp0 (content_type, "application/json") == 0 &&
      soup_message_body_get_accumulate (body))
    response_body = soup_message_body_flatten (body);
  add_body (builder, "response_body", response_body);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
request_finished_cb (SoupServer        *server,
                     SoupServerMessage *msg,
                     gpointer           user_data)
{
  Recorder *recorder = user_data;
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  gsize length;

  if (recorder->failed)
    return;
  if (recorder->fd < 0)
    {
      recorder->fd = g_open (recorder->path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
      if (recorder->fd < 0)
        {
          /* Said once; the server goes on serving. */
          g_printerr ("cockpit-sim: cannot record into %s: %s\n", recorder->path, g_strerror (errno));
          recorder->failed = TRUE;
          return;
        }
    }

  text = cockpit_sim_recorder_format (msg);
  line = g_strconcat (text, "\n", NULL);
  length = strlen (line);
  /* One write a line, appended: readers never see half a line from us. */
  if (write (recorder->fd, line, length) != (gssize) length)
    {
      g_printerr ("cockpit-sim: cannot record into %s: %s\n", recorder->path, g_strerror (errno));
      recorder->failed = TRUE;
    }
}

void
cockpit_sim_recorder_attach (SoupServer *server,
                             const char *path)
{
  Recorder *recorder;

  g_return_if_fail (SOUP_IS_SERVER (server));
  g_return_if_fail (path != NULL);

  recorder = g_new0 (Recorder, 1);
  recorder->path = g_strdup (path);
  recorder->fd = -1;
  g_object_set_data_full (G_OBJECT (server), "cockpit-sim-recorder", recorder, recorder_free);
  g_signal_connect (server, "request-finished", G_CALLBACK (request_finished_cb), recorder);
}

void
cockpit_sim_recorder_attach_from_environment (SoupServer *server)
{
  static gint counter;
  const char *folder = g_getenv (COCKPIT_SIM_RECORD_ENV);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (folder == NULL || *folder == '\0')
    return;
  /* A file for each server of each process: tests run several at once. */
  name = g_strdup_printf ("exchanges-%d-%d.jsonl", (int) getpid (), g_atomic_int_add (&counter, 1));
  path = g_build_filename (folder, name, NULL);
  cockpit_sim_recorder_attach (server, path);
}
