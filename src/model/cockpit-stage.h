/* cockpit-stage.h: one step of an action and how far it got.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cockpit-types.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_STAGE (cockpit_stage_get_type ())

G_DECLARE_FINAL_TYPE (CockpitStage, cockpit_stage, COCKPIT, STAGE, GObject)

CockpitStage       *cockpit_stage_new             (void);
CockpitStageName    cockpit_stage_get_name        (CockpitStage       *self);
void                cockpit_stage_set_name        (CockpitStage       *self,
                                                   CockpitStageName    name);
CockpitStageStatus  cockpit_stage_get_status      (CockpitStage       *self);
void                cockpit_stage_set_status      (CockpitStage       *self,
                                                   CockpitStageStatus  status);
GDateTime          *cockpit_stage_get_started_at  (CockpitStage       *self);
void                cockpit_stage_set_started_at  (CockpitStage       *self,
                                                   GDateTime          *started_at);
GDateTime          *cockpit_stage_get_finished_at (CockpitStage       *self);
void                cockpit_stage_set_finished_at (CockpitStage       *self,
                                                   GDateTime          *finished_at);

G_END_DECLS
