/* test-api-util.h: helpers shared by the tests of the cockpit client and action tracker.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only, so that each test stays one executable built from one file.
 * Everything runs on the thread-default main context; the waits below spin
 * it until something happened, with a generous limit so that a hang fails
 * the test instead of the whole suite timing out.
 */
#pragma once

#include <glib/gstdio.h>
#include <string.h>

#include "cockpit-client.h"

/* Long enough for a loaded two-core machine, short enough to notice a hang. */
#define API_WAIT_SECONDS 120

static gboolean
api_wake_cb (gpointer user_data)
{
  /* Only here so that a blocking iteration wakes up to check the clock. */
  return G_SOURCE_CONTINUE;
}

/* Spins the main context until @condition (@data) is TRUE. */
static inline void
api_wait_until (gboolean (*condition) (gpointer data),
                gpointer   data)
{
  gint64 end = g_get_monotonic_time () + API_WAIT_SECONDS * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, api_wake_cb, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("Waited more than %d s for something that never happened", API_WAIT_SECONDS);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

static inline gboolean
api_pointer_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static inline gboolean
api_flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static inline gboolean
api_counter_positive (gpointer data)
{
  return *(guint *) data > 0;
}

/* Spins the main context for @ms milliseconds. */
static inline void
api_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;
  guint wake = g_timeout_add (10, api_wake_cb, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

static inline gboolean
api_pointer_unset (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Drops the last reference of @object and checks that it goes.  A call
 * cancelled on the way (a tracker's poll when the tracker is closed) still
 * holds its source object until its callback has run on the main context,
 * so that context runs first; an object that something really keeps alive
 * is still reported, after API_WAIT_SECONDS. */
static inline void
api_assert_finalize_soon (gpointer object)
{
  gpointer weak = object;

  g_assert_true (G_IS_OBJECT (object));
  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);
  api_wait_until (api_pointer_unset, &weak);
}

/* A GAsyncReadyCallback that keeps the result in the GAsyncResult * that
 * @user_data points to. */
static inline void
api_result_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

/* Waits for the result that api_result_cb() stores in @slot. */
static inline GAsyncResult *
api_wait_result (GAsyncResult **slot)
{
  api_wait_until (api_pointer_set, slot);
  return *slot;
}

/* cockpit_client_get_me_async(), waited for. */
static inline CockpitUser *
api_get_me (CockpitClient  *client,
            GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cockpit_client_get_me_async (client, NULL, api_result_cb, &result);
  api_wait_result (&result);
  return cockpit_client_get_me_finish (client, result, error);
}

/* An error meant for people: a sentence, with no HTTP status, no HTTP
 * jargon and no secret in it. */
static inline void
api_assert_plain_message (const GError *error,
                          const char   *token)
{
  g_autoptr(GRegex) status = NULL;
  g_autoptr(GRegex) paths = NULL;
  g_autofree char *without_paths = NULL;
  const char *message;
  gsize len;

  g_assert_nonnull (error);
  message = error->message;
  g_assert_nonnull (message);
  g_test_message ("error %s %d: %s", g_quark_to_string (error->domain), error->code, message);

  len = strlen (message);
  g_assert_cmpuint (len, >, 10);
  g_assert_true (g_unichar_isupper (g_utf8_get_char (message)));
  g_assert_true (message[len - 1] == '.' || message[len - 1] == '!');
  g_assert_null (strstr (message, "HTTP"));
  g_assert_null (strstr (message, "http"));
  g_assert_null (strstr (message, "Bearer"));
  g_assert_null (strstr (message, "Status"));
  if (token != NULL)
    g_assert_null (strstr (message, token));

  /* No status code such as 404 or 503 standing on its own.  A file path
   * the message names (a folder to check) is left out: the letters of a
   * temporary folder's name, "cockpit-tracker-A404BC", are not a code. */
  paths = g_regex_new ("(^|\\s)/\\S+", 0, 0, NULL);
  without_paths = g_regex_replace_literal (paths, message, -1, 0, " PATH", 0, NULL);
  status = g_regex_new ("(^|[^0-9.:])[1-5][0-9][0-9]([^0-9.:]|$)", 0, 0, NULL);
  g_assert_false (g_regex_match (status, without_paths, 0, NULL));
}

/* Decodes @json as @type, failing the test on any error. */
static inline gpointer
api_decode (GType       type,
            const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = cockpit_json_parse (json, -1, &error);
  gpointer object;

  g_assert_no_error (error);
  object = cockpit_json_decode (type, node, &error);
  g_assert_no_error (error);
  return object;
}

/* Reads a whole file as JSON; fails the test when it is not JSON. */
static inline JsonNode *
api_read_json_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  JsonNode *node;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  node = cockpit_json_parse (contents, (gssize) length, &error);
  g_assert_no_error (error);
  return node;
}

/* Removes a folder and everything in it. */
static inline void
api_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        api_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}
