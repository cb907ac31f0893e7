/* cockpit-activity-export.c: the activity log exported as CSV, from a file chooser.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-activity-csv.h"
#include "cockpit-activity-page-private.h"
#include "cockpit-csv-dialog.h"
#include "cockpit-widget-util.h"

/* CSV export: cockpit-activity-csv.c writes what is loaded and the rest. */

/* The page follows "exporting" to disable its action while we write. */
static void
set_exporting (CockpitActivityPage *self,
               gboolean             exporting)
{
  if (self->exporting == exporting)
    return;
  self->exporting = exporting;
  g_object_notify (G_OBJECT (self), "exporting");
}

static void
export_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (cockpit_activity_csv_export_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cockpit_activity_page_export_async (CockpitActivityPage *self,
                                    GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  CockpitActivityQuery filter = { .type = -1 };
  g_autoptr(GPtrArray) entries = NULL;
  GTask *task;
  guint n_items;

  g_return_if_fail (COCKPIT_IS_ACTIVITY_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cockpit_activity_page_export_async);

  /* What is loaded already (in the list, and still to go into it), then
   * the rest from where the list stands.  Rows of the previous filter,
   * shown until this one's first page comes, are none of it. */
  n_items = self->stale ? 0 : g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  entries = g_ptr_array_new_full (n_items + self->pending->len, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (entries, g_list_model_get_item (G_LIST_MODEL (self->entries), i));
  for (guint i = 0; i < self->pending->len; i++)
    g_ptr_array_add (entries, g_object_ref (g_ptr_array_index (self->pending, i)));
  filter.type = self->type;
  filter.affects = self->affects;
  filter.query = self->query;
  cockpit_activity_csv_export_async (self->client, self->package_id, &filter, entries,
                                     self->at_end, self->cursor, file, cancellable, export_cb, task);
}

gboolean
cockpit_activity_page_export_finish (CockpitActivityPage  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  g_return_val_if_fail (COCKPIT_IS_ACTIVITY_PAGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cockpit_activity_page_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CockpitActivityPage *self = COCKPIT_ACTIVITY_PAGE (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (!cockpit_activity_page_export_finish (self, result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->disposed)
    return;

  set_exporting (self, FALSE);

  name = g_file_get_basename (file);
  if (error != NULL)
    text = g_strdup_printf (_("Could not export the activity log. %s"), error->message);
  else
    /* Translators: %s is a file name. */
    text = g_strdup_printf (_("Activity log saved as “%s”"), name);
  toast = cockpit_toast_new_text (text);
  adw_toast_set_timeout (toast, error != NULL ? 0 : 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
chooser_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     CockpitActivityPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (file == NULL || self->disposed)
    return;

  set_exporting (self, TRUE);
  cockpit_activity_page_export_async (self, file, self->export_cancellable, export_done_cb,
                                      g_object_ref (file));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CockpitActivityPage *self = COCKPIT_ACTIVITY_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  g_autofree char *package = g_strdup (self->package_id ? self->package_id : "package");

  if (self->chooser != NULL || self->exporting)
    return;

  /* Only letters, digits and dashes of the id reach the file name. */
  g_strcanon (package, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", '-');
  /* Translators: the suggested file name of an export; %s are the
   * package's code and the date. */
  name = g_strdup_printf (_("activity-%s-%s.csv"), package, day);

  self->chooser = cockpit_csv_dialog_new (widget, _("Export Activity Log"), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (self->chooser);
}

void
_cockpit_activity_page_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "activity.export", NULL, export_action);
}
