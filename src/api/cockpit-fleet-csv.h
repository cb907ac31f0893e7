/* cockpit-fleet-csv.h: the fleet as shown (filtered and sorted) as a CSV file for a spreadsheet.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cockpit-fleet-row.h"

G_BEGIN_DECLS

/* The CSV text (RFC 4180, CRLF line ends, UTF-8) of @rows, a list of
 * CockpitFleetRow in the order given: a header row, then one row each.
 * Times are RFC 3339 in UTC, enums the contract's names, as in the
 * activity log's export; a free text a spreadsheet would take for a
 * formula starts with an apostrophe. */
GBytes   *cockpit_fleet_csv_build        (GListModel           *rows);

/* Writes cockpit_fleet_csv_build() of @rows into @file, replacing it
 * whole (written beside it and renamed), so a failure leaves no half file. */
void      cockpit_fleet_csv_write_async  (GListModel           *rows,
                                          GFile                *file,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean  cockpit_fleet_csv_write_finish (GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
