/* cockpit-client-private.h: what the client makes of one answer, for fuzzers and tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "cockpit-client.h"

G_BEGIN_DECLS

/* What a request expects in a successful answer. */
typedef enum {
  COCKPIT_CLIENT_EXPECT_NOTHING,
  COCKPIT_CLIENT_EXPECT_OBJECT,    /* an object of the given type */
  COCKPIT_CLIENT_EXPECT_LIST,      /* {"<member>": [...]} of the given type */
  COCKPIT_CLIENT_EXPECT_ACTIVITY,  /* a list with "next_before" */
} CockpitClientExpect;

typedef enum {
  COCKPIT_CLIENT_OUTCOME_REDIRECT,  /* followed: *redirect is where the request goes next */
  COCKPIT_CLIENT_OUTCOME_ERROR,     /* *error; *retry_after_ms is how long Retry-After asks to
                                     * wait, in ms, -1 when it is absent or unreadable */
  COCKPIT_CLIENT_OUTCOME_RESULT,    /* *result, the decoded object (NULL when none is expected) */
} CockpitClientOutcome;

/* Runs a whole answer (@status, @headers, @body) to a request for
 * @request_url through the same steps the client takes once the body is
 * in: redirects and their origin, error answers in words, Retry-After,
 * the content type and the decoding.  @environment (nullable) and
 * @action_kind only change the wording of errors. */
CockpitClientOutcome cockpit_client_handle_answer (const char          *request_url,
                                                   const char          *method,
                                                   guint                status,
                                                   SoupMessageHeaders  *headers,
                                                   GBytes              *body,
                                                   CockpitClientExpect  expect,
                                                   GType                type,
                                                   const char          *member,
                                                   CockpitEnvironment  *environment,
                                                   int                  action_kind,
                                                   GUri               **redirect,
                                                   gint64              *retry_after_ms,
                                                   GObject            **result,
                                                   GError             **error);

G_END_DECLS
