/* test-sim-proxy.c: cockpit-sim --proxy-to passes requests and answers on unchanged, and records them without the token.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cockpit-sim-proxy.h"
#include "cockpit-sim-recorder.h"
#include "sim-test-util.h"

typedef struct {
  SimTest          sim;
  CockpitSimProxy *proxy;
  char            *record_dir;
} ProxyTest;

static void
proxy_setup (ProxyTest     *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sim_test_setup (&f->sim, data);
  f->record_dir = sim_test_make_dir (&f->sim, "record");
  g_setenv (COCKPIT_SIM_RECORD_ENV, f->record_dir, TRUE);
  f->proxy = cockpit_sim_proxy_new (f->sim.base, &error);
  g_unsetenv (COCKPIT_SIM_RECORD_ENV);
  g_assert_no_error (error);
  cockpit_sim_proxy_listen (f->proxy, "127.0.0.1", 0, &error);
  g_assert_no_error (error);
}

static void
proxy_teardown (ProxyTest     *f,
                gconstpointer  data)
{
  g_clear_object (&f->proxy);
  sim_test_teardown (&f->sim, data);
  g_clear_pointer (&f->record_dir, g_free);
}

static char *
read_recording (ProxyTest *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->record_dir, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *name;
  char *text = NULL;

  g_assert_nonnull (dir);
  name = g_dir_read_name (dir);
  g_assert_nonnull (name);
  g_assert_null (g_dir_read_name (dir));
  path = g_build_filename (f->record_dir, name, NULL);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The answers through the proxy are the simulator's. */
static void
test_proxy_passes (ProxyTest     *f,
                   gconstpointer  data)
{
  const char *base = cockpit_sim_proxy_get_base_url (f->proxy);
  const char *upgrade = "/api/v1/packages/acmeweb/environments/acmeweb-uat/upgrade";
  g_autoptr(GBytes) body = g_bytes_new_static ("{\"target_version\":\"6.3.21\"}", 27);
  g_autoptr(SimAnswer) me = NULL;
  g_autoptr(SimAnswer) direct = NULL;
  g_autoptr(SimAnswer) accepted = NULL;
  g_autoptr(SimAnswer) refused = NULL;
  g_autoptr(SimAnswer) page = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_str_has_prefix (base, "http://127.0.0.1:"));
  g_assert_cmpstr (base, !=, f->sim.base);

  me = sim_request_to (f->sim.session, base, "GET", "/api/v1/me", SIM_TEST_TOKEN, NULL, NULL);
  direct = sim_request_to (f->sim.session, f->sim.base, "GET", "/api/v1/me", SIM_TEST_TOKEN, NULL, NULL);
  g_assert_cmpuint (me->status, ==, 200);
  g_assert_true (g_bytes_equal (me->body, direct->body));

  accepted = sim_request_to (f->sim.session, base, "POST", upgrade, SIM_TEST_TOKEN, body, "key-7");
  g_assert_cmpuint (accepted->status, ==, 202);
  g_assert_true (g_str_has_prefix (soup_message_headers_get_one (accepted->headers, "Location"),
                                   "/api/v1/actions/"));

  /* The token is the upstream's to check; its refusal comes back whole. */
  refused = sim_request_to (f->sim.session, base, "GET", "/api/v1/me", "not-the-token", NULL, NULL);
  g_assert_cmpuint (refused->status, ==, 401);
  g_assert_cmpstr (soup_message_headers_get_one (refused->headers, "WWW-Authenticate"), ==, "Bearer");

  /* The query goes on as sent. */
  page = sim_request_to (f->sim.session, base, "GET", "/api/v1/packages/acmeweb/activity?limit=1&type=info",
                         SIM_TEST_TOKEN, NULL, NULL);
  g_assert_cmpuint (page->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (page->json),
                                                                         "entries")), ==, 1);

  text = read_recording (f);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);   /* four and the last line's end */
  g_assert_nonnull (strstr (lines[1], "\"idempotency-key\":\"key-7\""));
  g_assert_nonnull (strstr (lines[1], "\"status\":202"));
  g_assert_nonnull (strstr (lines[2], "\"status\":401"));
  g_assert_nonnull (strstr (lines[3], "\"query\":\"limit=1&type=info\""));
  g_assert_null (strstr (text, SIM_TEST_TOKEN));
  g_assert_null (strstr (text, "not-the-token"));
}

/* A server that cannot be reached is a 502, which no operation declares:
 * the checker reports it rather than taking it for the cockpit's answer. */
static void
test_proxy_unreachable (ProxyTest     *f,
                        gconstpointer  data)
{
  g_autoptr(CockpitSimProxy) proxy = NULL;
  g_autoptr(SimAnswer) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *upstream = g_strdup (f->sim.base);

  sim_test_stop (&f->sim);
  f->sim.session = soup_session_new ();
  proxy = cockpit_sim_proxy_new (upstream, &error);
  g_assert_no_error (error);
  cockpit_sim_proxy_listen (proxy, "127.0.0.1", 0, &error);
  g_assert_no_error (error);
  answer = sim_request_to (f->sim.session, cockpit_sim_proxy_get_base_url (proxy), "GET", "/api/v1/me",
                           SIM_TEST_TOKEN, NULL, NULL);
  g_assert_cmpuint (answer->status, ==, 502);
}

static void
test_proxy_bad_url (void)
{
  const char *bad[] = { "ftp://example.com", "https://example.com/api/v1", "not a url", "http://" };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CockpitSimProxy) proxy = cockpit_sim_proxy_new (bad[i], &error);

      g_assert_null (proxy);
      g_assert_nonnull (error);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cockpit/sim/proxy/passes", ProxyTest, NULL, proxy_setup, test_proxy_passes, proxy_teardown);
  g_test_add ("/cockpit/sim/proxy/unreachable", ProxyTest, NULL, proxy_setup, test_proxy_unreachable,
              proxy_teardown);
  g_test_add_func ("/cockpit/sim/proxy/bad-url", test_proxy_bad_url);

  return g_test_run ();
}
