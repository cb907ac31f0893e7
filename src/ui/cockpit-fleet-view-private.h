/* cockpit-fleet-view-private.h: what the rooms of All Environments share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cockpit-fleet-view.c: the table and the narrow list, filters, search,
 * live updates, planning several packages; cockpit-fleet-view-export.c:
 * the view as shown saved as CSV.
 */
#pragma once

#include "cockpit-fleet-view.h"

G_BEGIN_DECLS

typedef enum {
  FILTER_ALL,
  FILTER_ATTENTION,
  FILTER_RUNNING,
  FILTER_MAINTENANCE,
} FilterMode;


struct _CockpitFleetView
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget            *toolbar;
  GtkWidget            *controls_box;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *filter_dropdown;
  GtkButton            *plan_button;
  GtkStack             *view_stack;
  GtkColumnView        *column_view;
  GtkListView          *list_view;
  AdwStatusPage        *empty_status;

  /* Owned references */
  CockpitSession       *session;
  CockpitFleetModel    *model;
  GtkFilterListModel   *filter_model;
  GtkSortListModel     *sort_model;
  GtkMultiSelection    *selection;
  GHashTable           *selected_rows;  /* CockpitFleetRow, owned: the selection to restore */
  GtkStringFilter      *search_filter;
  GtkCustomFilter      *mode_filter;
  GCancellable         *cancellable;
  GtkNativeDialog      *chooser;
  GtkWindow            *plan_dialog;    /* weak */

  FilterMode            mode;
  gboolean              narrow;
  gboolean              exporting;       /* "exporting": set by -export.c, which notifies */
  gboolean              restoring;
};

void _cockpit_fleet_view_class_init_export  (GtkWidgetClass   *widget_class);

G_END_DECLS
