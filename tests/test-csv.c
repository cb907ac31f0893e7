/* test-csv.c: the fields of a CSV file, quoted as RFC 4180 says and safe to open in a spreadsheet.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-csv.h"
#include "cockpit-model.h"

static void
test_fields (void)
{
  static const struct {
    const char *text;
    gboolean    free_text;
    const char *expected;
  } cases[] = {
    { "plain", TRUE, "plain" },
    { NULL, FALSE, "" },
    { "a,b", FALSE, "\"a,b\"" },
    { "say \"hi\"", TRUE, "\"say \"\"hi\"\"\"" },
    { "two\nlines", TRUE, "\"two\nlines\"" },
    { "=SUM(A1)", TRUE, "\"'=SUM(A1)\"" },
    { "+1", TRUE, "\"'+1\"" },
    { "-1", FALSE, "-1" },
    { "@cmd", TRUE, "\"'@cmd\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      cockpit_csv_append_field (line, cases[i].text, cases[i].free_text);
      g_assert_cmpstr (line->str, ==, cases[i].expected);
    }
}

/* Commas between fields, none after a line's end. */
static void
test_line (void)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GDateTime) time = cockpit_date_time_parse ("2026-11-26T09:30:00+01:00");

  cockpit_csv_append_field (line, "acmeweb", FALSE);
  cockpit_csv_append_time (line, time);
  cockpit_csv_append_time (line, NULL);
  g_string_append_c (line, '\n');
  cockpit_csv_append_field (line, "next", FALSE);
  g_assert_cmpstr (line->str, ==, "acmeweb,2026-11-26T08:30:00Z,\nnext");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/csv/fields", test_fields);
  g_test_add_func ("/cockpit/csv/line", test_line);

  return g_test_run ();
}
