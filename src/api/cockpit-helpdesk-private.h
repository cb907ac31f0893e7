/* cockpit-helpdesk-private.h: the helpdesk's state file, read on demand for fuzzers and tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-helpdesk.h"

G_BEGIN_DECLS

/* Forgets the announcements seen so far and reads them again from the
 * state file, as the first refresh does; returns how many this cockpit
 * has seen. */
guint cockpit_helpdesk_reload_seen (CockpitHelpdesk *self);

G_END_DECLS
