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

/* The value of the four hex digits at @p, or -1 when they are not four
 * hex digits. */
static int
hex4 (const char *p)
{
  int value = 0;

  for (int k = 0; k < 4; k++)
    {
      int digit = g_ascii_xdigit_value (p[k]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* Why the escape at @data[@i] (the backslash) is bad, or NULL: one that
 * JSON does not have, a \u escape with fewer than four hex digits, or
 * half of a surrogate pair (a high surrogate not followed by a \u escape
 * of a low one, or a low surrogate on its own).  json-glib 1.6 takes
 * "\z" for "z" and "\666" for the byte 0xB6 (not UTF-8), "\uzz" for
 * "zz", turns a lone surrogate into invalid UTF-8, and leaks its string
 * buffer on some of these (152 bytes an answer, found by
 * fuzz-client-answer); such text never reaches it.  A character follows
 * the backslash; *@i is left on the escape's last character. */
static const char *
why_bad_escape (const char *data,
                gsize       length,
                gsize      *i)
{
  int value;

  if (data[*i + 1] != 'u')
    {
      *i += 1;
      if (strchr ("\"\\/bfnrt", data[*i]) == NULL || data[*i] == '\0')
        return "an escape that JSON does not have";
      return NULL;
    }
  if (*i + 6 > length || (value = hex4 (data + *i + 2)) < 0)
    return "a \\u escape without four hex digits";
  *i += 5;
  if (value >= 0xDC00 && value <= 0xDFFF)
    return "a \\u escape is half of a surrogate pair";
  if (value < 0xD800 || value > 0xDBFF)
    return NULL;
  if (*i + 7 > length || data[*i + 1] != '\\' || data[*i + 2] != 'u')
    return "a \\u escape is half of a surrogate pair";
  value = hex4 (data + *i + 3);
  if (value < 0xDC00 || value > 0xDFFF)
    return "a \\u escape is half of a surrogate pair";
  *i += 6;
  return NULL;
}

/* Whether @c is part of a number or a literal (true, false, null) as this
 * scan reads them: letters, digits, "+", "-" and ".". */
static gboolean
is_token_char (char c)
{
  return g_ascii_isalnum (c) || c == '+' || c == '-' || c == '.';
}

/* Whether the @length bytes at @p are a literal or a number as JSON
 * writes them: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static gboolean
is_json_token (const char *p,
               gsize       length)
{
  const char *end = p + length;

  if ((length == 4 && memcmp (p, "true", 4) == 0) ||
      (length == 5 && memcmp (p, "false", 5) == 0) ||
      (length == 4 && memcmp (p, "null", 4) == 0))
    return TRUE;

  if (p < end && *p == '-')
    p++;
  if (p < end && *p == '0')
    p++;
  else if (p < end && *p >= '1' && *p <= '9')
    while (p < end && g_ascii_isdigit (*p))
      p++;
  else
    return FALSE;
  if (p < end && *p == '.')
    {
      if (++p == end || !g_ascii_isdigit (*p))
        return FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      if (++p < end && (*p == '+' || *p == '-'))
        p++;
      if (p == end || !g_ascii_isdigit (*p))
        return FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  return p == end;
}

/* Why json-glib must not see @data, or NULL:
 * - arrays and objects nesting deeper than MAX_DEPTH (brackets in strings
 *   aside);
 * - an escape JSON does not have, a \u escape without four hex digits,
 *   or half of a surrogate pair;
 * - a second value after the first at the top: json-glib 1.6 takes "[][]"
 *   or "1{}" as valid, keeps the last value and leaks the others;
 * - outside strings, a character JSON has not there, or a number or word
 *   that is not JSON's.  json-glib 1.6 also reads 'single-quoted' strings
 *   and comments, so a quote inside one of those was not where this scan
 *   saw a string start, and a half surrogate pair in the string after it
 *   went unchecked and leaked 152 bytes (found by fuzz-client-answer); it
 *   also reads 0x1F and $1F as 31, and 017 as 15.
 * Other malformed text (a missing comma, say) is left to the parser. */
static const char *
why_not_parsed (const char *data,
                gsize       length)
{
  gboolean in_string = FALSE;
  gboolean top_done = FALSE;    /* the value at the top has ended */
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\' && i + 1 < length)
            {
              const char *why = why_bad_escape (data, length, &i);

              if (why != NULL)
                return why;
            }
          else if (c == '"')
            {
              in_string = FALSE;
              top_done = depth == 0;
            }
          continue;
        }

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':')
        continue;   /* the parser reports a stray separator */

      if (c == ']' || c == '}')
        {
          if (depth > 0)
            top_done = --depth == 0;
          continue;   /* at the top, the parser reports a stray one */
        }

      /* A value begins here: a string, an array, an object, a number or
       * a literal. */
      if (c != '"' && c != '[' && c != '{' && !is_token_char (c))
        return "a character that JSON does not have outside a string";
      if (depth == 0 && top_done)
        return "a second value follows the first";

      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            return "arrays and objects nest deeper than " G_STRINGIFY (MAX_DEPTH) " levels";
        }
      else
        {
          gsize start = i;

          while (i + 1 < length && is_token_char (data[i + 1]))
            i++;
          if (!is_json_token (data + start, i + 1 - start))
            return "a number or word that JSON does not have";
          top_done = depth == 0;
        }
    }

  return NULL;
}

JsonNode *
cockpit_json_parse (const char  *data,
                    gssize       length,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *why;
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

  if ((why = why_not_parsed (data, (gsize) length)) != NULL)
    {
      g_set_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_INVALID_JSON,
                   "The data is not valid JSON: %s", why);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib quotes the text it stumbled on, whatever its bytes. */
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_INVALID_JSON,
                   "The data is not valid JSON: %s", message);
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
