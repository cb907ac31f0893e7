/* cockpit-fleet-model.h: every environment of every package, as one flat list for the fleet.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-fleet-row.h"
#include "cockpit-session.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_FLEET_MODEL (cockpit_fleet_model_get_type ())

G_DECLARE_FINAL_TYPE (CockpitFleetModel, cockpit_fleet_model, COCKPIT, FLEET_MODEL, GObject)

/* A GListModel of CockpitFleetRow: the environments of @packages (a list
 * of CockpitPackage) in their order.  The model follows the packages,
 * their environments, running actions and upgrade backups as they are
 * updated in place: a row whose shown values change emits "changed", and
 * is announced alone, as items-changed (position, 1, 1) with the same row
 * object, so sort and filter models look at that row only and a selection
 * stays on it. */
CockpitFleetModel *cockpit_fleet_model_new             (GListModel              *packages,
                                                        GListModel              *releases);
/* The same, for the session's packages, releases and clock, with the
 * actions its tracker sees end, and the last action of each package asked
 * of the cockpit once (GET /packages/{p}/actions?limit=1), so that "the
 * last action failed" holds across a restart. */
CockpitFleetModel *cockpit_fleet_model_new_for_session (CockpitSession          *session);

/* The time rows count with (LTS, upgrade backups): the real time unless set. */
void               cockpit_fleet_model_set_clock       (CockpitFleetModel       *self,
                                                        CockpitSessionClockFunc  func,
                                                        gpointer                 data,
                                                        GDestroyNotify           destroy);
/* The clock moved: every row is looked at again; only changed ones are
 * announced. */
void               cockpit_fleet_model_tick            (CockpitFleetModel       *self);
/* An action ended (the tracker's "action-finished"): the last action of
 * its environment, for "the last action failed". */
void               cockpit_fleet_model_action_finished (CockpitFleetModel       *self,
                                                        CockpitAction           *action);
/* Whether a changed row is to be announced as items-changed: a list
 * whose sorting and filtering the row's change leaves as they are need
 * not hear of it (GTK 4.8's list views draw every row again on any
 * items-changed).  Without one, every changed row is announced. */
typedef gboolean (*CockpitFleetAnnounceFunc) (CockpitFleetModel *model,
                                              CockpitFleetRow   *row,
                                              gpointer           data);

void               cockpit_fleet_model_set_announce_func (CockpitFleetModel        *self,
                                                          CockpitFleetAnnounceFunc  func,
                                                          gpointer                  data);

/* Transfer none; NULL when no row has that environment. */
CockpitFleetRow   *cockpit_fleet_model_find            (CockpitFleetModel       *self,
                                                        const char              *environment_id,
                                                        guint                   *position);

G_END_DECLS
