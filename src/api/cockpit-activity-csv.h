/* cockpit-activity-csv.h: the activity log of a package as a CSV file for a spreadsheet.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cockpit-client.h"

G_BEGIN_DECLS

/* The CSV text (RFC 4180, CRLF line ends, UTF-8) of @entries, an array of
 * CockpitActivityEntry: a header row, then one row per entry.  Times are
 * RFC 3339 in UTC, whatever the views show; enums are the contract's
 * names; a free text that a spreadsheet would take for a formula starts
 * with an apostrophe. */
GBytes   *cockpit_activity_csv_build         (GPtrArray                  *entries);

/* Writes @entries (copied) into @file, followed, unless @at_end says they
 * are the whole log (or @client is NULL), by the rest of the log that
 * @filter lets through (its limit and before are not used): fetched page by
 * page with @client from @cursor on, the cursor @entries end at (NULL for
 * the newest entry).  The file is written beside its place and renamed
 * over it, so that a failure leaves no half file. */
void      cockpit_activity_csv_export_async  (CockpitClient              *client,
                                              const char                 *package_id,
                                              const CockpitActivityQuery *filter,
                                              GPtrArray                  *entries,
                                              gboolean                    at_end,
                                              const char                 *cursor,
                                              GFile                      *file,
                                              GCancellable               *cancellable,
                                              GAsyncReadyCallback         callback,
                                              gpointer                    user_data);
gboolean  cockpit_activity_csv_export_finish (GAsyncResult               *result,
                                              GError                    **error);

G_END_DECLS
