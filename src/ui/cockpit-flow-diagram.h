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
/* What an upgrade of @kind from @from_version to @to_version (either may
 * be NULL: "newer version") will do. */
void           cockpit_flow_diagram_set_plan        (CockpitFlowDiagram     *self,
                                                     CockpitEnvironmentKind  kind,
                                                     const char             *from_version,
                                                     const char             *to_version);
/* Follows @action (an upgrade; NULL returns to the plan) and redraws on
 * its notify::progress / stage / status / stages; keeps a ref; disconnects
 * signals when replaced or disposed.  For non-upgrade kinds (one stage
 * named after the kind) draws a simple single-step flow. */
void           cockpit_flow_diagram_set_action      (CockpitFlowDiagram     *self,
                                                     CockpitAction          *action,
                                                     CockpitEnvironmentKind  kind,
                                                     const char             *from_version);
CockpitAction *cockpit_flow_diagram_get_action      (CockpitFlowDiagram     *self);
/* The accessible description currently set (for tests). */
const char    *cockpit_flow_diagram_get_description (CockpitFlowDiagram     *self);

G_END_DECLS
