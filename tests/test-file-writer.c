/* test-file-writer.c: a file written off the main thread, one write at a time, ending with the newest contents.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>

#include "cockpit-file-writer-private.h"
#include "test-api-util.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cockpit-file-writer-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  api_remove_tree (f->dir);
  g_free (f->dir);
}

static gboolean
not_busy (gpointer data)
{
  return !cockpit_file_writer_get_busy (data);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The file and the folders it needs are made, the user's alone; the main
 * loop goes on while the worker writes. */
static void
test_write (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "new", "folder", "cache.json", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(CockpitFileWriter) writer = cockpit_file_writer_new (path, 0600);
  g_autoptr(GBytes) contents = g_bytes_new_static ("{\"a\": 1}", 8);
  g_autofree char *text = NULL;
  struct stat st;
  guint notified = 0;

  g_assert_cmpstr (cockpit_file_writer_get_path (writer), ==, path);
  g_assert_false (cockpit_file_writer_get_busy (writer));
  g_signal_connect (writer, "notify::busy", G_CALLBACK (count_cb), &notified);

  cockpit_file_writer_write (writer, contents);
  /* Written on a worker: the result comes back through the main loop. */
  g_assert_true (cockpit_file_writer_get_busy (writer));
  g_assert_cmpuint (notified, ==, 1);
  api_wait_until (not_busy, writer);
  g_assert_cmpuint (notified, ==, 2);

  text = read_text (path);
  g_assert_cmpstr (text, ==, "{\"a\": 1}");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

/* Writes given while one runs wait for it; only the newest of them is
 * written after it, and the file ends with it. */
static void
test_newest_wins (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "cache.json", NULL);
  g_autoptr(CockpitFileWriter) writer = cockpit_file_writer_new (path, 0600);
  g_autofree char *text = NULL;
  guint notified = 0;

  g_signal_connect (writer, "notify::busy", G_CALLBACK (count_cb), &notified);
  for (int i = 0; i < 50; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i);
      g_autoptr(GBytes) contents = g_bytes_new (number, strlen (number));

      cockpit_file_writer_write (writer, contents);
    }
  api_wait_until (not_busy, writer);
  /* Busy once, from the first write to the end of the last. */
  g_assert_cmpuint (notified, ==, 2);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "49");

  /* And again once idle. */
  {
    g_autoptr(GBytes) contents = g_bytes_new_static ("again", 5);

    cockpit_file_writer_write (writer, contents);
  }
  api_wait_until (not_busy, writer);
  g_clear_pointer (&text, g_free);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "again");
  g_assert_cmpuint (notified, ==, 4);
}

/* A file that cannot be written ends the write all the same (the reason
 * goes to the debug log): the writer is not left busy, and writes on. */
static void
test_failure (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (f->dir, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "cache.json", NULL);
  g_autoptr(CockpitFileWriter) writer = cockpit_file_writer_new (path, 0600);
  g_autoptr(GBytes) contents = g_bytes_new_static ("x", 1);

  g_assert_true (g_file_set_contents (blocker, "a file", -1, NULL));
  cockpit_file_writer_write (writer, contents);
  api_wait_until (not_busy, writer);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  cockpit_file_writer_write (writer, contents);
  cockpit_file_writer_write (writer, contents);
  api_wait_until (not_busy, writer);
}

/* A writer dropped while it writes finishes the write first. */
static void
test_dropped_while_writing (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "cache.json", NULL);
  CockpitFileWriter *writer = cockpit_file_writer_new (path, 0600);
  g_autoptr(GBytes) contents = g_bytes_new_static ("last words", 10);
  g_autofree char *text = NULL;

  cockpit_file_writer_write (writer, contents);
  g_object_add_weak_pointer (G_OBJECT (writer), (gpointer *) &writer);
  g_object_unref (writer);
  g_assert_nonnull (writer);
  api_wait_until (api_pointer_unset, &writer);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "last words");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cockpit/api/file-writer/write", Fixture, NULL, fixture_setup, test_write, fixture_teardown);
  g_test_add ("/cockpit/api/file-writer/newest-wins", Fixture, NULL, fixture_setup, test_newest_wins, fixture_teardown);
  g_test_add ("/cockpit/api/file-writer/failure", Fixture, NULL, fixture_setup, test_failure, fixture_teardown);
  g_test_add ("/cockpit/api/file-writer/dropped-while-writing", Fixture, NULL, fixture_setup,
              test_dropped_while_writing, fixture_teardown);

  return g_test_run ();
}
