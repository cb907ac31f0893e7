/* cockpit-fleet-view.h: every environment of every package in one table, what needs attention first.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cockpit-fleet-model.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_FLEET_VIEW (cockpit_fleet_view_get_type ())

G_DECLARE_FINAL_TYPE (CockpitFleetView, cockpit_fleet_view, COCKPIT, FLEET_VIEW, GtkWidget)

/* What the filter lets through: the "filter" property and the
 * "fleet.filter" action take these names. */
#define COCKPIT_FLEET_FILTER_ALL         "all"
#define COCKPIT_FLEET_FILTER_ATTENTION   "attention"
#define COCKPIT_FLEET_FILTER_RUNNING     "running"
#define COCKPIT_FLEET_FILTER_MAINTENANCE "maintenance"

GtkWidget          *cockpit_fleet_view_new            (void);
void                cockpit_fleet_view_set_session    (CockpitFleetView    *self,
                                                       CockpitSession      *session);
/* The clock moved: countdowns and deadlines. */
void                cockpit_fleet_view_tick           (CockpitFleetView    *self);
/* Narrow windows: two-line rows instead of the table's columns. */
void                cockpit_fleet_view_set_narrow     (CockpitFleetView    *self,
                                                       gboolean             narrow);
gboolean            cockpit_fleet_view_get_narrow     (CockpitFleetView    *self);
const char         *cockpit_fleet_view_get_filter     (CockpitFleetView    *self);
void                cockpit_fleet_view_set_filter     (CockpitFleetView    *self,
                                                       const char          *filter);
/* Puts the focus in the search field (Ctrl+F). */
void                cockpit_fleet_view_focus_search   (CockpitFleetView    *self);

/* The rows as shown: filtered and sorted (CockpitFleetRow). */
GListModel         *cockpit_fleet_view_get_rows       (CockpitFleetView    *self);
gboolean            cockpit_fleet_view_get_following  (CockpitFleetView    *self);
/* Rows of several packages may be selected ("fleet.plan" plans them). */
GtkSelectionModel  *cockpit_fleet_view_get_selection  (CockpitFleetView    *self);
/* The packages of the selected rows, in the order shown (CockpitPackage). */
GListModel         *cockpit_fleet_view_dup_selected_packages (CockpitFleetView *self);
/* The "Plan an Upgrade…" dialog opened by "fleet.plan", or NULL (tests). */
GtkWidget          *cockpit_fleet_view_get_plan_dialog (CockpitFleetView   *self);
GtkColumnView      *cockpit_fleet_view_get_column_view (CockpitFleetView   *self);
GtkListView        *cockpit_fleet_view_get_list_view  (CockpitFleetView    *self);
GtkEditable        *cockpit_fleet_view_get_search_entry (CockpitFleetView  *self);

/* Writes the rows as shown into @file as CSV. */
void                cockpit_fleet_view_export_async   (CockpitFleetView    *self,
                                                       GFile               *file,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean            cockpit_fleet_view_export_finish  (CockpitFleetView    *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS
