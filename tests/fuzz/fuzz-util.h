/* fuzz-util.h: what the libFuzzer targets share: fatal logs, a scratch folder, files.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only, like the tests' helpers: each target is one program.
 */
#pragma once

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* Warnings and criticals abort, so that the fuzzer reports them like a
 * crash; the rest (debug, messages) is dropped to keep the run quiet. */
static GLogWriterOutput
fuzz_fatal_writer (GLogLevelFlags   log_level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      /* Not g_log_writer_default(): it stops a fatal message with
       * SIGTRAP, which libFuzzer does not catch, so the input is lost. */
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

static inline void
fuzz_init_logging (void)
{
  g_log_set_writer_func (fuzz_fatal_writer, NULL, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

static char *fuzz_scratch;

static void
fuzz_remove_scratch (void)
{
  g_autoptr(GDir) dir = g_dir_open (fuzz_scratch, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fuzz_scratch, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fuzz_scratch);
}

/* A folder of this process's own, in memory when /dev/shm is there, since
 * the targets write a file for every input; removed at exit. */
static inline const char *
fuzz_scratch_dir (void)
{
  if (fuzz_scratch == NULL)
    {
      const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
      g_autofree char *template = g_build_filename (base, "cockpit-fuzz-XXXXXX", NULL);

      fuzz_scratch = g_mkdtemp (g_steal_pointer (&template));
      g_assert (fuzz_scratch != NULL);
      atexit (fuzz_remove_scratch);
    }
  return fuzz_scratch;
}

/* Removes what an input left in the scratch folder, but @keep. */
static inline void
fuzz_clean_scratch (const char *keep)
{
  g_autoptr(GDir) dir = g_dir_open (fuzz_scratch_dir (), 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (keep != NULL && g_str_equal (name, keep))
        continue;
      path = g_build_filename (fuzz_scratch, name, NULL);
      g_unlink (path);
    }
}

static inline void
fuzz_write_file (const char    *path,
                 const uint8_t *data,
                 size_t         size)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, (const char *) data, (gssize) size, &error))
    g_error ("cannot write %s: %s", path, error->message);
}

/* The first @needle in @size bytes of @data, NUL bytes and all. */
static inline const char *
fuzz_find (const char *data,
           gsize       size,
           const char *needle)
{
  gsize length = strlen (needle);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, needle, length) == 0)
      return data + i;
  return NULL;
}

/* Valid UTF-8 that parses as strict JSON (cockpit_json_parse()), or an
 * abort that names @what. */
#define fuzz_assert_json(text, length, what)                                        \
  G_STMT_START {                                                                    \
    g_autoptr(GError) json_error_ = NULL;                                           \
    g_autoptr(JsonNode) json_root_ = NULL;                                          \
                                                                                    \
    if (!g_utf8_validate ((text), (gssize) (length), NULL))                         \
      g_error ("%s is not valid UTF-8", (what));                                    \
    json_root_ = cockpit_json_parse ((text), (gssize) (length), &json_error_);      \
    if (json_root_ == NULL)                                                         \
      g_error ("%s is not JSON: %s", (what), json_error_->message);                 \
  } G_STMT_END
