/* cockpit-flow-diagram.h: a drawing of the blue/green upgrade flow and how far it got.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cockpit-model.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_FLOW_DIAGRAM (cockpit_flow_diagram_get_type ())

G_DECLARE_FINAL_TYPE (CockpitFlowDiagram, cockpit_flow_diagram, COCKPIT, FLOW_DIAGRAM, GtkWidget)

GtkWidget     *cockpit_flow_diagram_new             (void);
/* What an upgrade of @environment (NULL: of no environment in particular)
 * to @to_version (NULL when nothing newer is offered) will do.  The
 * current version is the environment's, followed through its notify. */
void           cockpit_flow_diagram_set_plan        (CockpitFlowDiagram     *self,
                                                     CockpitEnvironment     *environment,
                                                     const char             *to_version);
/* Follows @action (NULL returns to a plan of @environment) and redraws on
 * its notify::progress / stage / status / stages; keeps a ref; disconnects
 * signals when replaced or disposed.  An upgrade shows the versions its
 * params name (from_version, target_version); the other kinds (one stage
 * named after the kind) show @environment as it is, followed through its
 * notify, in a simple single-step flow. */
void           cockpit_flow_diagram_set_action      (CockpitFlowDiagram     *self,
                                                     CockpitAction          *action,
                                                     CockpitEnvironment     *environment);
CockpitEnvironment *cockpit_flow_diagram_get_environment (CockpitFlowDiagram *self);
CockpitAction *cockpit_flow_diagram_get_action      (CockpitFlowDiagram     *self);
/* The accessible description currently set (for tests). */
const char    *cockpit_flow_diagram_get_description (CockpitFlowDiagram     *self);
/* What the current installation and the replica show (the versions, or
 * words when there is none to show), as drawn; the replica's is NULL
 * when it is not drawn (for tests). */
const char    *cockpit_flow_diagram_get_from_text   (CockpitFlowDiagram     *self);
const char    *cockpit_flow_diagram_get_to_text     (CockpitFlowDiagram     *self);

/* Whether the running stage pulses, and the progress as drawn, which
 * eases towards the action's (for tests). */
gboolean       cockpit_flow_diagram_get_pulsing     (CockpitFlowDiagram     *self);
double         cockpit_flow_diagram_get_shown_progress (CockpitFlowDiagram  *self);

G_END_DECLS
