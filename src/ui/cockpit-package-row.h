/* cockpit-package-row.h: one package in the main window's sidebar.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cockpit-session.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_PACKAGE_ROW (cockpit_package_row_get_type ())

G_DECLARE_FINAL_TYPE (CockpitPackageRow, cockpit_package_row, COCKPIT, PACKAGE_ROW, GtkListBoxRow)

/* @session (may be NULL) tells of the package's upgrade plan as it moves. */
GtkWidget      *cockpit_package_row_new                 (CockpitPackage    *package,
                                                         CockpitSession    *session);
CockpitPackage *cockpit_package_row_get_package         (CockpitPackageRow *self);
/* What the row shows: the package's name and its status. */
const char     *cockpit_package_row_get_title           (CockpitPackageRow *self);
const char     *cockpit_package_row_get_subtitle        (CockpitPackageRow *self);
/* Whether the row shows its marks: in maintenance, a plan waits for
 * approval (tests). */
gboolean        cockpit_package_row_get_in_maintenance  (CockpitPackageRow *self);
gboolean        cockpit_package_row_get_awaiting_approval (CockpitPackageRow *self);

G_END_DECLS
