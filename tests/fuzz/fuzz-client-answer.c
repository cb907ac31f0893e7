/* fuzz-client-answer.c: a libFuzzer target for what the client makes of a cockpit's answer.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An input is one byte that picks the request (what it expects, GET or
 * POST, an action or not), then an HTTP response as it comes over the
 * wire: its head goes through libsoup's own parser
 * (soup_headers_parse_response()), and status, headers and body through
 * cockpit_client_handle_answer(), the client's steps once an answer is
 * in: redirects (Location), error bodies in words, Retry-After, the
 * Content-Type and the decoding.
 *
 * A redirect must stay on the request's origin; an error's message must
 * be valid UTF-8 of a bounded length, whatever the cockpit's text; a
 * Retry-After is at most a day; what decodes must encode as valid JSON.
 *
 * Build and run it with build-aux/run-fuzz.sh.
 */
#include "config.h"

#include <libsoup/soup.h>

#include "cockpit-client-private.h"
#include "cockpit-model.h"
#include "fuzz-util.h"

#define REQUEST_URL "http://127.0.0.1:8080/api/v1/packages/acmeweb"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_logging ();
  return 0;
}

typedef struct {
  CockpitClientExpect expect;
  GType             (*type) (void);
  const char         *member;
} Expectation;

static const Expectation expectations[] = {
  { COCKPIT_CLIENT_EXPECT_NOTHING, NULL, NULL },
  { COCKPIT_CLIENT_EXPECT_OBJECT, cockpit_user_get_type, NULL },
  { COCKPIT_CLIENT_EXPECT_OBJECT, cockpit_package_get_type, NULL },
  { COCKPIT_CLIENT_EXPECT_OBJECT, cockpit_action_get_type, NULL },
  { COCKPIT_CLIENT_EXPECT_LIST, cockpit_package_get_type, "packages" },
  { COCKPIT_CLIENT_EXPECT_LIST, cockpit_release_get_type, "releases" },
  { COCKPIT_CLIENT_EXPECT_LIST, cockpit_release_get_type, "versions" },
  { COCKPIT_CLIENT_EXPECT_LIST, cockpit_action_get_type, "actions" },
  { COCKPIT_CLIENT_EXPECT_LIST, cockpit_notification_get_type, "notifications" },
  { COCKPIT_CLIENT_EXPECT_ACTIVITY, cockpit_activity_entry_get_type, "entries" },
};

static void
check_object (GObject *object)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  if (G_IS_LIST_MODEL (object))
    node = cockpit_json_encode_list (G_LIST_MODEL (object));
  else
    node = cockpit_json_encode (object);
  text = cockpit_json_to_string (node, FALSE);
  fuzz_assert_json (text, strlen (text), "what the answer decoded to");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  g_autoptr(GUri) redirect = NULL;
  g_autoptr(GObject) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *reason = NULL;
  const Expectation *expectation;
  const char *text;
  const char *end;
  gsize head_length;
  gsize body_start;
  SoupHTTPVersion version;
  guint status;
  gint64 retry_after_ms;
  CockpitClientOutcome outcome;

  if (size < 1)
    return 0;
  expectation = &expectations[data[0] % G_N_ELEMENTS (expectations)];
  text = (const char *) data + 1;
  size--;

  end = fuzz_find (text, size, "\r\n\r\n");
  if (end == NULL)
    return 0;
  head_length = (gsize) (end - text) + 2;
  body_start = head_length + 2;
  if (!soup_headers_parse_response (text, (int) head_length, headers, &version, &status, &reason))
    return 0;   /* the session fails such an answer itself */

  body = g_bytes_new (text + body_start, size - body_start);
  outcome = cockpit_client_handle_answer (REQUEST_URL, data[0] & 0x80 ? "POST" : "GET", status, headers, body,
                                          expectation->expect,
                                          expectation->type ? expectation->type () : G_TYPE_NONE,
                                          expectation->member, NULL,
                                          data[0] & 0x40 ? COCKPIT_ACTION_KIND_TEARDOWN : -1,
                                          &redirect, &retry_after_ms, &result, &error);

  switch (outcome)
    {
    case COCKPIT_CLIENT_OUTCOME_REDIRECT:
      g_assert (redirect != NULL && error == NULL && result == NULL);
      if (g_strcmp0 (g_uri_get_scheme (redirect), "http") != 0 ||
          g_strcmp0 (g_uri_get_host (redirect), "127.0.0.1") != 0 ||
          g_uri_get_port (redirect) != 8080)
        {
          g_autofree char *target = g_uri_to_string (redirect);

          g_error ("a redirect leaves the cockpit: %s", target);
        }
      break;
    case COCKPIT_CLIENT_OUTCOME_ERROR:
      g_assert (error != NULL && error->domain == COCKPIT_CLIENT_ERROR && result == NULL);
      if (!g_utf8_validate (error->message, -1, NULL))
        g_error ("the error's message is not valid UTF-8");
      /* The cockpit's own text is cut at COCKPIT_TEXT_MAX_MESSAGE
       * characters; the app's sentence around it is short. */
      if (g_utf8_strlen (error->message, -1) > COCKPIT_TEXT_MAX_MESSAGE + 300)
        g_error ("the error's message has %ld characters", g_utf8_strlen (error->message, -1));
      if (retry_after_ms < -1 || retry_after_ms > G_GINT64_CONSTANT (24) * 3600 * 1000)
        g_error ("Retry-After of %" G_GINT64_FORMAT " ms", retry_after_ms);
      break;
    case COCKPIT_CLIENT_OUTCOME_RESULT:
      g_assert (error == NULL);
      g_assert ((result == NULL) == (expectation->expect == COCKPIT_CLIENT_EXPECT_NOTHING));
      if (result != NULL)
        check_object (result);
      break;
    default:
      g_assert_not_reached ();
    }
  return 0;
}
