/* cockpit-csv.c: fields of a CSV file for a spreadsheet (RFC 4180), written safely.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cockpit-csv.h"
#include "cockpit-json.h"

void
cockpit_csv_append_field (GString    *line,
                          const char *text,
                          gboolean    free_text)
{
  gboolean formula, quote;

  g_return_if_fail (line != NULL);

  if (text == NULL)
    text = "";
  formula = free_text && text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
  quote = formula || strpbrk (text, ",\"\r\n") != NULL;

  if (line->len > 0 && line->str[line->len - 1] != '\n')
    g_string_append_c (line, ',');
  if (!quote)
    {
      g_string_append (line, text);
      return;
    }

  g_string_append_c (line, '"');
  if (formula)
    g_string_append_c (line, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

void
cockpit_csv_append_time (GString   *line,
                         GDateTime *time)
{
  g_autofree char *text = time != NULL ? cockpit_date_time_format (time) : NULL;

  cockpit_csv_append_field (line, text, FALSE);
}
