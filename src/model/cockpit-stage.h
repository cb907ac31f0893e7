/* cockpit-stage.h: one step of an action and how far it got.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cockpit-types.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_STAGE (cockpit_stage_get_type ())

G_DECLARE_FINAL_TYPE (CockpitStage, cockpit_stage, COCKPIT, STAGE, GObject)

/* The most stages an action has: those of an upgrade. */
#define COCKPIT_STAGE_PLAN_MAX 5

/* The stages an action of @kind goes through on an environment of
 * @environment_kind, in order, as the contract lists them: an upgrade
 * ends in keep_backup on Live and in retire_old elsewhere; the other
 * kinds have one stage named after the kind.  Transfer none: a static
 * array of *@n_stages names.  Each stage's label is
 * cockpit_stage_name_get_label() (cockpit-rules.h). */
const CockpitStageName *cockpit_stage_plan        (CockpitActionKind       kind,
                                                   CockpitEnvironmentKind  environment_kind,
                                                   guint                  *n_stages);

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
