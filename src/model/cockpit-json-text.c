/* cockpit-json-text.c: JSON text in and out (depth-limited), RFC 3339 times, cutting long texts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cockpit-json.h"

char *
cockpit_text_limit (const char *text,
                    gsize       max_chars)
{
  g_autofree char *valid = NULL;
  const char *end;
  gsize n;

  if (text == NULL)
    return NULL;

  /* Walking characters needs valid UTF-8: a broken sequence at the end
   * would otherwise step over the terminating NUL. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (end = text, n = 0; *end != '\0' && n < max_chars; n++)
    end = g_utf8_next_char (end);
  if (*end == '\0')
    return g_strdup (text);

  /* One character gives way to the ellipsis, so that the whole has
   * @max_chars characters. */
  if (max_chars > 0)
    end = g_utf8_prev_char (end);
  {
    GString *cut = g_string_new_len (text, end - text);

    g_string_append (cut, "…");
    return g_string_free (cut, FALSE);
  }
}

/* Deeper than any answer of the contract, far below what json-glib's
 * recursive parser survives: it overflows the stack somewhere below a
 * hundred thousand open brackets, so one hostile answer could crash the app. */
#define MAX_DEPTH 128

/* TRUE when arrays and objects nest deeper than MAX_DEPTH, brackets in
 * strings aside.  Malformed text is left to the parser to report. */
static gboolean
nests_too_deep (const char *data,
                gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            return TRUE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return FALSE;
}

JsonNode *
cockpit_json_parse (const char  *data,
                    gssize       length,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";
  if (length < 0)
    length = (gssize) strlen (data);

  /* Embedded NULs are never valid JSON text. */
  if (memchr (data, '\0', (gsize) length) != NULL)
    {
      g_set_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_INVALID_JSON,
                   "The data is not valid JSON: it contains a NUL byte");
      return NULL;
    }

  if (nests_too_deep (data, (gsize) length))
    {
      g_set_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_INVALID_JSON,
                   "The data is not valid JSON: arrays and objects nest deeper than %d levels",
                   MAX_DEPTH);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_INVALID_JSON,
                   "The data is not valid JSON: %s", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_INVALID_JSON,
                   "The data is empty where JSON was expected");
      return NULL;
    }

  return json_node_ref (root);
}

char *
cockpit_json_to_string (JsonNode *node,
                        gboolean  pretty)
{
  g_return_val_if_fail (node != NULL, NULL);

  return json_to_string (node, pretty);
}

static gboolean
digits_at (const char *text,
           gsize       start,
           gsize       count)
{
  for (gsize i = start; i < start + count; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

GDateTime *
cockpit_date_time_parse (const char *text)
{
  gsize len, i = 19;

  if (text == NULL)
    return NULL;

  /* RFC 3339: 2026-11-26T09:30:00[.123](Z|+01:00).  GLib's ISO 8601
   * parser accepts more forms than that (week dates, no seconds), so
   * check the shape first. */
  len = strlen (text);
  if (len < 20 ||
      !digits_at (text, 0, 4) || text[4] != '-' || !digits_at (text, 5, 2) || text[7] != '-' ||
      !digits_at (text, 8, 2) || (text[10] != 'T' && text[10] != 't') ||
      !digits_at (text, 11, 2) || text[13] != ':' || !digits_at (text, 14, 2) ||
      text[16] != ':' || !digits_at (text, 17, 2))
    return NULL;

  if (text[i] == '.')
    {
      i++;
      if (!g_ascii_isdigit (text[i]))
        return NULL;
      while (g_ascii_isdigit (text[i]))
        i++;
    }

  if (text[i] == 'Z' || text[i] == 'z')
    {
      if (text[i + 1] != '\0')
        return NULL;
    }
  else if (text[i] == '+' || text[i] == '-')
    {
      if (strlen (text + i) != 6 || !digits_at (text, i + 1, 2) || text[i + 3] != ':' ||
          !digits_at (text, i + 4, 2))
        return NULL;
    }
  else
    return NULL;

  {
    g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (text, NULL);
    g_autoptr(GDateTime) utc = time ? g_date_time_to_utc (time) : NULL;

    /* A time such as 0001-01-01T00:30:00+01:00 falls outside what
     * GDateTime holds once in UTC, and could not be written back. */
    if (utc == NULL)
      return NULL;
    return g_steal_pointer (&time);
  }
}

char *
cockpit_date_time_format (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  utc = g_date_time_to_utc (time);
  g_return_val_if_fail (utc != NULL, NULL);

  /* Not g_date_time_format(): its %Y does not pad years before 1000. */
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc));
}
