/* test-version.c: parsing and ordering Magnolia version numbers.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cockpit-version.h"

static void
test_parse_valid (void)
{
  static const struct {
    const char *text;
    CockpitVersion expected;
    const char *canonical;
  } cases[] = {
    { "6.3.21", { 6, 3, 21, 0 }, "6.3.21" },
    { "6.2.42-sp1", { 6, 2, 42, 1 }, "6.2.42-sp1" },
    { "6.2.42-SP2", { 6, 2, 42, 2 }, "6.2.42-sp2" },
    { "0.0.0", { 0, 0, 0, 0 }, "0.0.0" },
    { "6.4.0", { 6, 4, 0, 0 }, "6.4.0" },
    { "10.20.30", { 10, 20, 30, 0 }, "10.20.30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      CockpitVersion v;

      g_assert_true (cockpit_version_parse (cases[i].text, &v, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (v.major, ==, cases[i].expected.major);
      g_assert_cmpuint (v.minor, ==, cases[i].expected.minor);
      g_assert_cmpuint (v.patch, ==, cases[i].expected.patch);
      g_assert_cmpuint (v.service_pack, ==, cases[i].expected.service_pack);
      text = cockpit_version_to_string (&v);
      g_assert_cmpstr (text, ==, cases[i].canonical);
    }
}

static void
test_parse_junk (void)
{
  static const char *junk[] = {
    "", "6", "6.3", "6.3.", ".3.21", "6..21", "6.3.21.", "6.3.21.1", "v6.3.21",
    "6.3.21-", "6.3.21-sp", "6.3.21-sp0", "6.3.21-rc1", "6.3.21 ", " 6.3.21",
    "6.3.x", "-6.3.21", "+6.3.21", "06.3.21", "6.3.021", "6.3.21-sp01",
    "999999.0.0", "6.3.21sp1", "6,3,21", "６.3.21", "6.3.21\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (junk); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("junk: “%s”", junk[i]);
      g_assert_false (cockpit_version_parse (junk[i], NULL, &error));
      g_assert_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_INVALID_VERSION);
      g_assert_nonnull (strstr (error->message, junk[i]));
      g_assert_false (cockpit_version_is_valid (junk[i]));
    }

  g_assert_false (cockpit_version_is_valid (NULL));
}

static void
test_compare (void)
{
  static const struct {
    const char *a;
    const char *b;
    int expected;
  } cases[] = {
    { "6.3.21", "6.3.21", 0 },
    { "6.2.42", "6.2.42-sp1", -1 },
    { "6.2.42-sp1", "6.2.43", -1 },
    { "6.2.42-sp1", "6.2.42-sp2", -1 },
    { "6.2.42-sp1", "6.2.42-SP1", 0 },
    { "6.3.9", "6.3.10", -1 },
    { "6.3.21", "6.4.0", -1 },
    { "6.10.0", "6.9.99", 1 },
    { "7.0.0", "6.99.99", 1 },
    { "6.2.66", "6.3.0", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      int forward = cockpit_version_compare_strings (cases[i].a, cases[i].b, &error);
      int backward = cockpit_version_compare_strings (cases[i].b, cases[i].a, &error);

      g_assert_no_error (error);
      g_assert_cmpint (forward, ==, cases[i].expected);
      g_assert_cmpint (backward, ==, -cases[i].expected);
    }
}

static void
test_compare_junk (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cockpit_version_compare_strings ("6.3.21", "latest", &error), ==, 0);
  g_assert_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_INVALID_VERSION);
}

static void
test_branch (void)
{
  CockpitVersion v;
  g_autofree char *branch = NULL;

  g_assert_true (cockpit_version_parse ("6.2.42-sp1", &v, NULL));
  branch = cockpit_version_branch (&v);
  g_assert_cmpstr (branch, ==, "6.2");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/version/parse/valid", test_parse_valid);
  g_test_add_func ("/cockpit/version/parse/junk", test_parse_junk);
  g_test_add_func ("/cockpit/version/compare", test_compare);
  g_test_add_func ("/cockpit/version/compare/junk", test_compare_junk);
  g_test_add_func ("/cockpit/version/branch", test_branch);

  return g_test_run ();
}
