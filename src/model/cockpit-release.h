/* cockpit-release.h: a Magnolia version that can be installed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cockpit-types.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_RELEASE (cockpit_release_get_type ())

G_DECLARE_FINAL_TYPE (CockpitRelease, cockpit_release, COCKPIT, RELEASE, GObject)

CockpitRelease *cockpit_release_new                   (const char     *version,
                                                       gboolean        lts,
                                                       GDateTime      *released_at);
const char     *cockpit_release_get_version           (CockpitRelease *self);
void            cockpit_release_set_version           (CockpitRelease *self,
                                                       const char     *version);
const char     *cockpit_release_get_branch            (CockpitRelease *self);
void            cockpit_release_set_branch            (CockpitRelease *self,
                                                       const char     *branch);
gboolean        cockpit_release_get_lts               (CockpitRelease *self);
void            cockpit_release_set_lts               (CockpitRelease *self,
                                                       gboolean        lts);
GDateTime      *cockpit_release_get_released_at       (CockpitRelease *self);
void            cockpit_release_set_released_at       (CockpitRelease *self,
                                                       GDateTime      *released_at);
const char     *cockpit_release_get_release_notes_url (CockpitRelease *self);
void            cockpit_release_set_release_notes_url (CockpitRelease *self,
                                                       const char     *url);

G_END_DECLS
