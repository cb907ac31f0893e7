/* cockpit-file-writer.c: a file written again and again, off the main thread.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See cockpit-file-writer-private.h.  At most one worker writes the file
 * at a time; its task holds a reference to the writer, so a writer
 * dropped meanwhile lives until its last write ended.
 */
#include "config.h"

#include <errno.h>

#include <glib/gstdio.h>

#include "cockpit-file-writer-private.h"

struct _CockpitFileWriter
{
  GObject  parent_instance;

  char    *path;
  int      mode;
  GBytes  *next;     /* given while a write ran, written after it */
  gboolean writing;
};

G_DEFINE_FINAL_TYPE (CockpitFileWriter, cockpit_file_writer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  char   *path;
  int     mode;
  GBytes *contents;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_bytes_unref (job->contents);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autofree char *dir = g_path_get_dirname (job->path);
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (job->contents, &length);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               "%s: %s", dir, g_strerror (saved_errno));
      return;
    }
  if (!g_file_set_contents_full (job->path, data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, job->mode, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void start_write (CockpitFileWriter *self,
                         GBytes            *contents);

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  CockpitFileWriter *self = COCKPIT_FILE_WRITER (object);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_debug ("Could not write %s: %s", self->path, error->message);

  if (self->next != NULL)
    {
      g_autoptr(GBytes) next = g_steal_pointer (&self->next);

      start_write (self, next);
      return;
    }
  self->writing = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
start_write (CockpitFileWriter *self,
             GBytes            *contents)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, written_cb, NULL);
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (self->path);
  job->mode = self->mode;
  job->contents = g_bytes_ref (contents);
  g_task_set_source_tag (task, start_write);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, write_thread);
}

void
cockpit_file_writer_write (CockpitFileWriter *self,
                           GBytes            *contents)
{
  g_return_if_fail (COCKPIT_IS_FILE_WRITER (self));
  g_return_if_fail (contents != NULL);

  if (self->writing)
    {
      g_clear_pointer (&self->next, g_bytes_unref);
      self->next = g_bytes_ref (contents);
      return;
    }
  self->writing = TRUE;
  start_write (self, contents);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
cockpit_file_writer_get_busy (CockpitFileWriter *self)
{
  g_return_val_if_fail (COCKPIT_IS_FILE_WRITER (self), FALSE);

  return self->writing;
}

const char *
cockpit_file_writer_get_path (CockpitFileWriter *self)
{
  g_return_val_if_fail (COCKPIT_IS_FILE_WRITER (self), NULL);

  return self->path;
}

CockpitFileWriter *
cockpit_file_writer_new (const char *path,
                         int         mode)
{
  CockpitFileWriter *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (COCKPIT_TYPE_FILE_WRITER, NULL);
  self->path = g_strdup (path);
  self->mode = mode;
  return self;
}

static void
cockpit_file_writer_finalize (GObject *object)
{
  CockpitFileWriter *self = (CockpitFileWriter *) object;

  g_clear_pointer (&self->next, g_bytes_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (cockpit_file_writer_parent_class)->finalize (object);
}

static void
cockpit_file_writer_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CockpitFileWriter *self = COCKPIT_FILE_WRITER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->writing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_file_writer_class_init (CockpitFileWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cockpit_file_writer_finalize;
  object_class->get_property = cockpit_file_writer_get_property;

  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cockpit_file_writer_init (CockpitFileWriter *self)
{
}
