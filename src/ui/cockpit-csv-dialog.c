/* cockpit-csv-dialog.c: the file chooser that saves a view as CSV.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The activity log and All Environments export the same way: a modal
 * "save" chooser over the window, showing CSV files, with a suggested
 * name.  The caller connects to ::response and shows it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-csv-dialog.h"

/**
 * cockpit_csv_dialog_new:
 * @for_widget: the widget whose window the chooser is modal to
 * @title: the chooser's title, in the user's words ("Export Activity Log")
 * @file_name: the suggested file name, ending in ".csv"
 *
 * Returns: (transfer full): a file chooser, not shown yet
 */
GtkNativeDialog *
cockpit_csv_dialog_new (GtkWidget  *for_widget,
                        const char *title,
                        const char *file_name)
{
  GtkRoot *root = gtk_widget_get_root (for_widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  return GTK_NATIVE_DIALOG (chooser);
}
