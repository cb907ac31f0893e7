/* cockpit-fleet-view-export.c: All Environments as shown (filtered, sorted) saved as CSV.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-csv-dialog.h"
#include "cockpit-fleet-csv.h"
#include "cockpit-fleet-view-private.h"
#include "cockpit-widget-util.h"

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (cockpit_fleet_csv_write_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cockpit_fleet_view_export_async (CockpitFleetView    *self,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (COCKPIT_IS_FLEET_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cockpit_fleet_view_export_async);
  /* The view as shown: filtered and sorted. */
  cockpit_fleet_csv_write_async (G_LIST_MODEL (self->sort_model), file, cancellable, written_cb, task);
}

gboolean
cockpit_fleet_view_export_finish (CockpitFleetView  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_VIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The view follows "exporting" to disable its action while we write. */
static void
set_exporting (CockpitFleetView *self,
               gboolean          exporting)
{
  if (self->exporting == exporting)
    return;
  self->exporting = exporting;
  g_object_notify (G_OBJECT (self), "exporting");
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CockpitFleetView *self = COCKPIT_FLEET_VIEW (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;

  if (!cockpit_fleet_view_export_finish (self, result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_exporting (self, FALSE);
  if (error != NULL)
    text = g_strdup_printf (_("Could not export the environments. %s"), error->message);
  else
    /* Translators: %s is a file name. */
    text = g_strdup_printf (_("Environments saved as “%s”"), name);
  cockpit_widget_show_toast (GTK_WIDGET (self), text);
}

static void
chooser_response_cb (GtkNativeDialog  *chooser,
                     int               response,
                     CockpitFleetView *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  set_exporting (self, TRUE);
  cockpit_fleet_view_export_async (self, file, self->cancellable, export_done_cb, g_object_ref (file));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CockpitFleetView *self = COCKPIT_FLEET_VIEW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->exporting)
    return;

  /* Translators: the suggested file name of the export; %s is the date. */
  name = g_strdup_printf (_("environments-%s.csv"), day);
  self->chooser = cockpit_csv_dialog_new (widget, _("Export Environments"), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (self->chooser);
}

void
_cockpit_fleet_view_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "fleet.export", NULL, export_action);
}
