/* cockpit-activity-csv.c: the activity log of a package as a CSV file for a spreadsheet.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export takes what the page has loaded, fetches the rest page by
 * page, builds the CSV text and writes it beside the file before renaming
 * it into place.
 */
#include "config.h"

#include <string.h>

#include "cockpit-csv.h"
#include "cockpit-activity-csv.h"

#define EXPORT_PAGE_SIZE  1000

typedef struct {
  CockpitClient          *client;
  char                   *package_id;
  int                     type;
  CockpitEnvironmentKind  affects;
  char                   *query;
  char                   *cursor;
  GPtrArray              *entries;
  GFile                  *file;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->client);
  g_free (export->package_id);
  g_free (export->query);
  g_free (export->cursor);
  g_clear_pointer (&export->entries, g_ptr_array_unref);
  g_clear_object (&export->file);
  g_free (export);
}

GBytes *
cockpit_activity_csv_build (GPtrArray *entries)
{
  GString *csv;

  g_return_val_if_fail (entries != NULL, NULL);

  csv = g_string_new ("at,type,activity,affects,by,started,finished,bundle,action_id\r\n");

  for (guint i = 0; i < entries->len; i++)
    {
      CockpitActivityEntry *entry = g_ptr_array_index (entries, i);

      cockpit_csv_append_time (csv, cockpit_activity_entry_get_at (entry));
      cockpit_csv_append_field (csv, cockpit_enum_to_string (COCKPIT_TYPE_ENTRY_TYPE,
                                               cockpit_activity_entry_get_entry_type (entry)), FALSE);
      cockpit_csv_append_field (csv, cockpit_activity_entry_get_activity (entry), TRUE);
      cockpit_csv_append_field (csv, cockpit_enum_to_string (COCKPIT_TYPE_ENVIRONMENT_KIND,
                                               cockpit_activity_entry_get_affects (entry)), FALSE);
      cockpit_csv_append_field (csv, cockpit_activity_entry_get_by (entry), TRUE);
      cockpit_csv_append_time (csv, cockpit_activity_entry_get_started_at (entry));
      cockpit_csv_append_time (csv, cockpit_activity_entry_get_finished_at (entry));
      cockpit_csv_append_field (csv, cockpit_activity_entry_get_bundle (entry), TRUE);
      cockpit_csv_append_field (csv, cockpit_activity_entry_get_action_id (entry), TRUE);
      g_string_append (csv, "\r\n");
    }
  return g_string_free_to_bytes (csv);
}

static void
export_moved_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_move_finish (G_FILE (source), result, &error))
    {
      g_file_delete_async (G_FILE (source), G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      if (!g_file_equal (G_FILE (source), export->file))
        g_file_delete_async (G_FILE (source), G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_file_equal (G_FILE (source), export->file))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* A rename in the same folder: the file appears whole or not at all. */
  g_file_move_async (G_FILE (source), export->file, G_FILE_COPY_OVERWRITE, G_PRIORITY_DEFAULT,
                     cancellable, NULL, NULL, export_moved_cb, g_steal_pointer (&task));
}

static void
export_write (GTask *task)
{
  Export *export = g_task_get_task_data (task);
  g_autoptr(GBytes) csv = cockpit_activity_csv_build (export->entries);
  g_autoptr(GFile) parent = g_file_get_parent (export->file);
  g_autoptr(GFile) temporary = NULL;

  /* Written next to the file, then renamed over it, so that a failure
   * half-way leaves no half file, even when there was none before. */
  if (parent != NULL)
    {
      g_autofree char *base = g_file_get_basename (export->file);
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());

      temporary = g_file_get_child (parent, name);
    }
  else
    temporary = g_object_ref (export->file);

  g_file_replace_contents_bytes_async (temporary, csv, NULL, FALSE, G_FILE_CREATE_NONE,
                                       g_task_get_cancellable (task), export_written_cb, task);
}

static void export_fetch (GTask *task);

static void
export_page_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  g_autoptr(GListStore) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  guint n_items;

  page = cockpit_client_list_activity_finish (COCKPIT_CLIENT (source), result, &next, &error);
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (page));
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (export->entries, g_list_model_get_item (G_LIST_MODEL (page), i));
  g_free (export->cursor);
  export->cursor = g_steal_pointer (&next);

  if (export->cursor != NULL)
    export_fetch (g_steal_pointer (&task));
  else
    export_write (g_steal_pointer (&task));
}

static void
export_fetch (GTask *task)
{
  Export *export = g_task_get_task_data (task);
  CockpitActivityQuery query = {
    .limit = EXPORT_PAGE_SIZE,
    .before = export->cursor,
    .type = export->type,
    .affects = export->affects,
    .query = export->query,
  };

  cockpit_client_list_activity_async (export->client, export->package_id, &query,
                                      g_task_get_cancellable (task), export_page_cb, task);
}

void
cockpit_activity_csv_export_async (CockpitClient              *client,
                                   const char                 *package_id,
                                   const CockpitActivityQuery *filter,
                                   GPtrArray                  *entries,
                                   gboolean                    at_end,
                                   const char                 *cursor,
                                   GFile                      *file,
                                   GCancellable               *cancellable,
                                   GAsyncReadyCallback         callback,
                                   gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  Export *export;

  g_return_if_fail (client == NULL || COCKPIT_IS_CLIENT (client));
  g_return_if_fail (client == NULL || at_end || package_id != NULL);
  g_return_if_fail (entries != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cockpit_activity_csv_export_async);

  export = g_new0 (Export, 1);
  export->client = client ? g_object_ref (client) : NULL;
  export->package_id = g_strdup (package_id);
  export->type = filter ? filter->type : -1;
  export->affects = filter ? filter->affects : COCKPIT_ENVIRONMENT_KIND_NONE;
  export->query = g_strdup (filter ? filter->query : NULL);
  export->cursor = g_strdup (cursor);
  export->entries = g_ptr_array_new_full (entries->len, g_object_unref);
  export->file = g_object_ref (file);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (export->entries, g_object_ref (g_ptr_array_index (entries, i)));
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);

  if (at_end || export->client == NULL)
    export_write (g_steal_pointer (&task));
  else
    export_fetch (g_steal_pointer (&task));
}

gboolean
cockpit_activity_csv_export_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cockpit_activity_csv_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
