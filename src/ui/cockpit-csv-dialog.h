/* cockpit-csv-dialog.h: the file chooser that saves a view as CSV.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkNativeDialog *cockpit_csv_dialog_new (GtkWidget  *for_widget,
                                         const char *title,
                                         const char *file_name);

G_END_DECLS
