/* cockpit-version.h: Magnolia version numbers such as 6.3.21 and 6.2.42-sp1.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-types.h"

G_BEGIN_DECLS

/* A parsed version.  service_pack is 0 for a plain release, so that
 * 6.2.42 < 6.2.42-sp1 < 6.2.42-sp2 < 6.2.43. */
typedef struct {
  guint major;
  guint minor;
  guint patch;
  guint service_pack;
} CockpitVersion;

gboolean  cockpit_version_parse           (const char           *text,
                                           CockpitVersion       *version,
                                           GError              **error);
int       cockpit_version_compare         (const CockpitVersion *a,
                                           const CockpitVersion *b);
char     *cockpit_version_to_string       (const CockpitVersion *version);
char     *cockpit_version_branch          (const CockpitVersion *version);

/* Compares two version strings.  Sets @error and returns 0 when either
 * is not a version. */
int       cockpit_version_compare_strings (const char           *a,
                                           const char           *b,
                                           GError              **error);
gboolean  cockpit_version_is_valid        (const char           *text);

G_END_DECLS
