/* cockpit-action.h: a change running or done on an environment: an upgrade, a backup, ...
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cockpit-types.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_ACTION (cockpit_action_get_type ())

G_DECLARE_FINAL_TYPE (CockpitAction, cockpit_action, COCKPIT, ACTION, GObject)

CockpitAction       *cockpit_action_new                (void);
const char          *cockpit_action_get_id             (CockpitAction       *self);
void                 cockpit_action_set_id             (CockpitAction       *self,
                                                        const char          *id);
const char          *cockpit_action_get_package_id     (CockpitAction       *self);
void                 cockpit_action_set_package_id     (CockpitAction       *self,
                                                        const char          *package_id);
const char          *cockpit_action_get_environment_id (CockpitAction       *self);
void                 cockpit_action_set_environment_id (CockpitAction       *self,
                                                        const char          *environment_id);
CockpitActionKind    cockpit_action_get_kind           (CockpitAction       *self);
void                 cockpit_action_set_kind           (CockpitAction       *self,
                                                        CockpitActionKind    kind);
JsonNode            *cockpit_action_get_params         (CockpitAction       *self);
void                 cockpit_action_set_params         (CockpitAction       *self,
                                                        JsonNode            *params);
CockpitActionStatus  cockpit_action_get_status         (CockpitAction       *self);
void                 cockpit_action_set_status         (CockpitAction       *self,
                                                        CockpitActionStatus  status);
CockpitStageName     cockpit_action_get_stage          (CockpitAction       *self);
void                 cockpit_action_set_stage          (CockpitAction       *self,
                                                        CockpitStageName     stage);
/* Always a list of CockpitStage, empty rather than NULL; setting a list
 * that is not a GListStore stores a copy of its items. */
GListModel          *cockpit_action_get_stages         (CockpitAction       *self);
void                 cockpit_action_set_stages         (CockpitAction       *self,
                                                        GListModel          *stages);
/* From 0.0 to 1.0; the setter clamps. */
double               cockpit_action_get_progress       (CockpitAction       *self);
void                 cockpit_action_set_progress       (CockpitAction       *self,
                                                        double               progress);
const char          *cockpit_action_get_requested_by   (CockpitAction       *self);
void                 cockpit_action_set_requested_by   (CockpitAction       *self,
                                                        const char          *requested_by);
GDateTime           *cockpit_action_get_created_at     (CockpitAction       *self);
void                 cockpit_action_set_created_at     (CockpitAction       *self,
                                                        GDateTime           *created_at);
GDateTime           *cockpit_action_get_finished_at    (CockpitAction       *self);
void                 cockpit_action_set_finished_at    (CockpitAction       *self,
                                                        GDateTime           *finished_at);
CockpitActionError  *cockpit_action_get_error          (CockpitAction       *self);
void                 cockpit_action_set_error          (CockpitAction       *self,
                                                        CockpitActionError  *action_error);

gboolean             cockpit_action_is_running         (CockpitAction       *self);
/* "target_version" of the params when it is a string, else NULL. */
const char          *cockpit_action_get_target_version (CockpitAction       *self);
/* "from_version" of the params when it is a string, else NULL: the
 * version an upgrade started from, or the one a restore goes back to
 * (docs/cockpit-api.md, Precisions). */
const char          *cockpit_action_get_from_version   (CockpitAction       *self);
/* Transfer none; NULL when the action has no such stage. */
CockpitStage        *cockpit_action_get_stage_by_name  (CockpitAction       *self,
                                                        CockpitStageName     name);

G_END_DECLS
