/* cockpit-activity-page-private.h: what the files of the activity page share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cockpit-activity-page.c is the page: its filter, its pages of entries
 * and its states; cockpit-activity-cells.c how an entry looks, in the
 * table's cells and in the details pane; cockpit-activity-export.c the
 * export as CSV.
 */
#pragma once

#include "cockpit-activity-page.h"

G_BEGIN_DECLS

/* Entries per page while scrolling. */
#define PAGE_SIZE         100
/* The next page is loaded when less than this much, or less than one
 * screen, is left below what is shown. */
#define PRELOAD_PIXELS    600.0
/* A page after the first goes into the list this many rows a frame:
 * GTK 4.8 makes the widgets of rows appended near the view at once, and
 * the 100 rows of a whole page took two frames to make.  Ten, not 20:
 * with the rows a fast scroll makes, 20 more often overran a frame
 * (bench-activity --scroll: 542 frames over 25 ms of 5,326 with 20, 134
 * of 10,114 with 10; the end is reached in 173 s instead of 100). */
#define SLICE_ROWS        10

struct _CockpitActivityPage
{
  GtkWidget               parent_instance;

  /* Template widgets */
  GtkWidget              *content;
  AdwToastOverlay        *toast_overlay;
  GtkSearchEntry         *search_entry;
  GtkDropDown            *type_dropdown;
  GtkDropDown            *affects_dropdown;
  GtkToggleButton        *utc_button;
  GtkStack               *stack;
  GtkScrolledWindow      *scroller;
  GtkColumnView          *column_view;
  GtkWidget              *footer;
  GtkSpinner             *footer_spinner;
  GtkLabel               *footer_label;
  GtkWidget              *footer_retry;
  GtkSpinner             *loading_spinner;
  AdwStatusPage          *empty_page;
  GtkWidget              *clear_button;
  AdwStatusPage          *error_page;
  GtkRevealer            *details_revealer;
  GtkImage               *details_icon;
  GtkLabel               *details_activity;
  GtkLabel               *details_started;
  GtkLabel               *details_finished;
  GtkLabel               *details_bundle;
  GtkLabel               *details_action_id;

  /* Owned references */
  CockpitClient          *client;
  char                   *package_id;
  GSettings              *settings;
  GListStore             *entries;
  GtkSingleSelection     *selection;
  GCancellable           *cancellable;         /* the current filter's requests */
  GCancellable           *export_cancellable;
  GtkNativeDialog        *chooser;
  GHashTable             *on_labels;           /* GtkListItem of the On column, bound */

  /* The filter shown, and how far it is loaded */
  int                     type;
  CockpitEnvironmentKind  affects;
  char                   *query;
  guint                   generation;
  char                   *cursor;
  GError                 *error;
  gboolean                loading;
  gboolean                at_end;
  gboolean                stale;               /* the rows are the previous filter's, until its answer */
  GPtrArray              *pending;             /* received, not yet in the list: SLICE_ROWS a frame */
  guint                   slice_id;            /* the column view's tick callback adding them */

  /* State */
  gboolean                exporting;           /* "exporting": set by -export.c, which notifies */
  gboolean                syncing;             /* set_filter() moves the widgets */
  gboolean                disposed;
  guint                   check_id;
};

/* The details pane from the selected entry. */
void _cockpit_activity_page_update_details     (CockpitActivityPage *self);

/* Each part binds its template callbacks and installs its actions. */
void _cockpit_activity_page_class_init_cells   (GtkWidgetClass      *widget_class);
void _cockpit_activity_page_class_init_export  (GtkWidgetClass      *widget_class);

G_END_DECLS
