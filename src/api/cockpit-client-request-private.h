/* cockpit-client-request-private.h: what the client's pieces share: fields, a request in flight.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cockpit-client.c is the object and its settings, cockpit-client-errors.c
 * the wording of errors, cockpit-client-transport.c the engine that sends a
 * request (deadline, retries, redirects, reading, decoding) and
 * cockpit-client-calls.c the typed calls of the API built on it.
 */
#pragma once

#include <libsoup/soup.h>

#include "cockpit-client.h"

G_BEGIN_DECLS

struct _CockpitClient
{
  GObject parent_instance;

  SoupSession *session;
  char        *base_url;   /* without a trailing "/" */
  char        *identity;
  char        *token;
  guint        deadline;
  guint        retry_first_ms;
  guint        retry_max_ms;
};

typedef enum {
  DECODE_NONE,
  DECODE_OBJECT,
  DECODE_LIST,
  DECODE_ACTIVITY,
} DecodeKind;

typedef struct {
  /* What to send */
  char               *method;
  char               *path;        /* with its query, for the debug log */
  GUri               *uri;
  GBytes             *body;
  char               *idempotency_key;

  /* What to make of the answer */
  DecodeKind          decode;
  GType               type;
  const char         *member;
  CockpitActionKind   action_kind;
  gboolean            is_action;
  gboolean            is_plan;      /* a plan call (contract v1.1), for the wording of errors */
  CockpitEnvironment *environment;  /* for the wording of errors */

  /* Progress */
  guint               attempt;
  guint               redirects;
  SoupMessage        *message;
  GInputStream       *stream;
  GByteArray         *buffer;
  GCancellable       *cancellable;  /* ours: cancelled by the deadline or the caller */
  GCancellable       *caller_cancellable;
  gulong              caller_handler;
  guint               deadline_id;
  guint               retry_id;
  guint               retry_cancel_id;  /* ends the wait for a retry early */
  gboolean            timed_out;
} Request;

/* The object (cockpit-client.c) */

/* "localhost" or a loopback address: this computer. */
gboolean  _cockpit_client_host_is_loopback     (const char   *host);

/* Errors in words (cockpit-client-errors.c) */
GError   *_cockpit_client_error_from_answer    (Request      *request,
                                                guint         status,
                                                GBytes       *body);
GError   *_cockpit_client_error_from_transport (Request      *request,
                                                const GError *error);

/* Sending (cockpit-client-transport.c) */

/* Starts a request.  @path is below the base URL and already escaped;
 * @template says what to make of the answer. */
void      _cockpit_client_start_request        (CockpitClient       *self,
                                                const char          *method,
                                                const char          *path,
                                                JsonNode            *body,
                                                const char          *idempotency_key,
                                                Request             *template,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data,
                                                gpointer             source_tag);
gpointer  _cockpit_client_finish_pointer       (CockpitClient       *self,
                                                GAsyncResult        *result,
                                                gpointer             source_tag,
                                                GError             **error);

G_END_DECLS
