/* cockpit-file-writer-private.h: a file written again and again, off the main thread.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session writes its cache after each good refresh.  Replacing a file
 * that exists flushes it to disk first (g_file_set_contents_full() with
 * G_FILE_SET_CONTENTS_CONSISTENT calls fsync()), which on a laptop's disk
 * can take tens of milliseconds: too long for the main loop, every few
 * minutes.  A CockpitFileWriter writes on a worker thread, one write at a
 * time; contents given while a write runs replace any given before them
 * and are written next, so the file always ends with the newest.  It is
 * for files that can be made again (a cache), not for a record that must
 * be on disk before the app goes on (the action journal writes itself).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define COCKPIT_TYPE_FILE_WRITER (cockpit_file_writer_get_type ())
G_DECLARE_FINAL_TYPE (CockpitFileWriter, cockpit_file_writer, COCKPIT, FILE_WRITER, GObject)

/* @mode is the file's; folders made for it are the user's alone (0700). */
CockpitFileWriter *cockpit_file_writer_new      (const char        *path,
                                                 int                mode);
const char        *cockpit_file_writer_get_path (CockpitFileWriter *self);
void               cockpit_file_writer_write    (CockpitFileWriter *self,
                                                 GBytes            *contents);
/* TRUE from a write until the newest contents are in the file (or could
 * not be written: that is logged, not raised). */
gboolean           cockpit_file_writer_get_busy (CockpitFileWriter *self);

G_END_DECLS
