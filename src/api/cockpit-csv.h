/* cockpit-csv.h: fields of a CSV file for a spreadsheet (RFC 4180), written safely.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the exports of the activity log and of the fleet.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends one field to the line being built in @line (a comma first
 * unless it starts the line): quoted when it holds a comma, a quote or a
 * line break, with quotes doubled.  @free_text: a text from a server or
 * another user; one a spreadsheet would take for a formula (=, +, -, @)
 * gets a leading apostrophe, so that opening the file runs nothing. */
void cockpit_csv_append_field (GString    *line,
                               const char *text,
                               gboolean    free_text);
/* A time as the contract writes it, RFC 3339 in UTC, or an empty field. */
void cockpit_csv_append_time  (GString    *line,
                               GDateTime  *time);

G_END_DECLS
