/* cockpit-activity-entry.h: one line of a package's activity log.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cockpit-rules.h"
#include "cockpit-types.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_ACTIVITY_ENTRY (cockpit_activity_entry_get_type ())

G_DECLARE_FINAL_TYPE (CockpitActivityEntry, cockpit_activity_entry, COCKPIT, ACTIVITY_ENTRY, GObject)

CockpitActivityEntry   *cockpit_activity_entry_new             (void);
const char             *cockpit_activity_entry_get_id          (CockpitActivityEntry   *self);
void                    cockpit_activity_entry_set_id          (CockpitActivityEntry   *self,
                                                                const char             *id);
GDateTime              *cockpit_activity_entry_get_at          (CockpitActivityEntry   *self);
void                    cockpit_activity_entry_set_at          (CockpitActivityEntry   *self,
                                                                GDateTime              *at);
/* The "type" property: cockpit_activity_entry_get_type() is the GType. */
CockpitEntryType        cockpit_activity_entry_get_entry_type  (CockpitActivityEntry   *self);
void                    cockpit_activity_entry_set_entry_type  (CockpitActivityEntry   *self,
                                                                CockpitEntryType        entry_type);
const char             *cockpit_activity_entry_get_activity    (CockpitActivityEntry   *self);
void                    cockpit_activity_entry_set_activity    (CockpitActivityEntry   *self,
                                                                const char             *activity);
CockpitEnvironmentKind  cockpit_activity_entry_get_affects     (CockpitActivityEntry   *self);
void                    cockpit_activity_entry_set_affects     (CockpitActivityEntry   *self,
                                                                CockpitEnvironmentKind  affects);
const char             *cockpit_activity_entry_get_by          (CockpitActivityEntry   *self);
void                    cockpit_activity_entry_set_by          (CockpitActivityEntry   *self,
                                                                const char             *by);
GDateTime              *cockpit_activity_entry_get_started_at  (CockpitActivityEntry   *self);
void                    cockpit_activity_entry_set_started_at  (CockpitActivityEntry   *self,
                                                                GDateTime              *started_at);
GDateTime              *cockpit_activity_entry_get_finished_at (CockpitActivityEntry   *self);
void                    cockpit_activity_entry_set_finished_at (CockpitActivityEntry   *self,
                                                                GDateTime              *finished_at);
const char             *cockpit_activity_entry_get_bundle      (CockpitActivityEntry   *self);
void                    cockpit_activity_entry_set_bundle      (CockpitActivityEntry   *self,
                                                                const char             *bundle);
const char             *cockpit_activity_entry_get_action_id   (CockpitActivityEntry   *self);
void                    cockpit_activity_entry_set_action_id   (CockpitActivityEntry   *self,
                                                                const char             *action_id);

/* The activity as the app shows it: the cockpit's sentence with every
 * RFC 3339 time in it written by cockpit_format_date_time(). */
char                   *cockpit_activity_entry_dup_display_activity (CockpitActivityEntry *self);

/* @text with every RFC 3339 time in it ("2026-12-07T09:15:00Z") replaced
 * by cockpit_format_date_time() in @style; for texts a cockpit writes. */
char                   *cockpit_format_date_times_in_text      (const char             *text,
                                                                CockpitDateStyle        style);

G_END_DECLS
