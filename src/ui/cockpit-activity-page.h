/* cockpit-activity-page.h: the activity log of a package, filtered and searched on the server, page by page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cockpit-client.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_ACTIVITY_PAGE (cockpit_activity_page_get_type ())

G_DECLARE_FINAL_TYPE (CockpitActivityPage, cockpit_activity_page, COCKPIT, ACTIVITY_PAGE, GtkWidget)

/* @settings: NULL, or the application's settings, whose "show-utc" key
 * the UTC toggle follows. */
GtkWidget  *cockpit_activity_page_new           (CockpitClient          *client,
                                                 const char             *package_id,
                                                 GSettings              *settings);
/* The entries loaded so far for the current filter (GListModel of
 * CockpitActivityEntry), newest first. */
GListModel *cockpit_activity_page_get_entries   (CockpitActivityPage    *self);
/* Sets the filters as the user would, without waiting for the typing
 * delay: @type -1 for all, @affects NONE for all, @query NULL or "" for
 * none. */
void        cockpit_activity_page_set_filter    (CockpitActivityPage    *self,
                                                 int                     type,
                                                 CockpitEnvironmentKind  affects,
                                                 const char             *query);
/* The "loading" property: TRUE while a page is on its way. */
gboolean    cockpit_activity_page_get_loading   (CockpitActivityPage    *self);
/* Writes what the current filter shows, all pages (loading the rest
 * first), to @file as CSV; the file is replaced atomically. */
void        cockpit_activity_page_export_async  (CockpitActivityPage    *self,
                                                 GFile                  *file,
                                                 GCancellable           *cancellable,
                                                 GAsyncReadyCallback     callback,
                                                 gpointer                user_data);
gboolean    cockpit_activity_page_export_finish (CockpitActivityPage    *self,
                                                 GAsyncResult           *result,
                                                 GError                **error);

G_END_DECLS
