/* cockpit-version.c: parsing and ordering Magnolia version numbers.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cockpit-version.h"

/* No real Magnolia number comes near this; it keeps sums far from overflow. */
#define MAX_PART 99999

/* Reads one decimal number without sign or leading zeros (except "0"). */
static gboolean
read_number (const char **cursor,
             guint       *out)
{
  const char *p = *cursor;
  guint value = 0;
  gsize digits = 0;

  while (g_ascii_isdigit (*p))
    {
      if (digits == 1 && value == 0)
        return FALSE;
      value = value * 10 + (guint) (*p - '0');
      if (value > MAX_PART)
        return FALSE;
      digits++;
      p++;
    }

  if (digits == 0)
    return FALSE;

  *cursor = p;
  *out = value;
  return TRUE;
}

gboolean
cockpit_version_parse (const char      *text,
                       CockpitVersion  *version,
                       GError         **error)
{
  CockpitVersion parsed = { 0, };
  const char *p = text;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    goto invalid;

  if (!read_number (&p, &parsed.major) || *p++ != '.' ||
      !read_number (&p, &parsed.minor) || *p++ != '.' ||
      !read_number (&p, &parsed.patch))
    goto invalid;

  if (*p == '-')
    {
      p++;
      if (g_ascii_strncasecmp (p, "sp", 2) != 0)
        goto invalid;
      p += 2;
      if (!read_number (&p, &parsed.service_pack) || parsed.service_pack == 0)
        goto invalid;
    }

  if (*p != '\0')
    goto invalid;

  if (version != NULL)
    *version = parsed;
  return TRUE;

invalid:
  g_set_error (error, COCKPIT_MODEL_ERROR, COCKPIT_MODEL_ERROR_INVALID_VERSION,
               "“%s” is not a Magnolia version (expected a number such as 6.3.21 or 6.2.42-sp1)",
               text ? text : "(null)");
  return FALSE;
}

static int
compare_part (guint a,
              guint b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

int
cockpit_version_compare (const CockpitVersion *a,
                         const CockpitVersion *b)
{
  int result;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  if ((result = compare_part (a->major, b->major)) != 0 ||
      (result = compare_part (a->minor, b->minor)) != 0 ||
      (result = compare_part (a->patch, b->patch)) != 0)
    return result;
  return compare_part (a->service_pack, b->service_pack);
}

char *
cockpit_version_to_string (const CockpitVersion *version)
{
  g_return_val_if_fail (version != NULL, NULL);

  if (version->service_pack > 0)
    return g_strdup_printf ("%u.%u.%u-sp%u", version->major, version->minor,
                            version->patch, version->service_pack);
  return g_strdup_printf ("%u.%u.%u", version->major, version->minor, version->patch);
}

char *
cockpit_version_branch (const CockpitVersion *version)
{
  g_return_val_if_fail (version != NULL, NULL);

  return g_strdup_printf ("%u.%u", version->major, version->minor);
}

int
cockpit_version_compare_strings (const char  *a,
                                 const char  *b,
                                 GError     **error)
{
  CockpitVersion va, vb;

  if (!cockpit_version_parse (a, &va, error) ||
      !cockpit_version_parse (b, &vb, error))
    return 0;
  return cockpit_version_compare (&va, &vb);
}

gboolean
cockpit_version_is_valid (const char *text)
{
  return cockpit_version_parse (text, NULL, NULL);
}
