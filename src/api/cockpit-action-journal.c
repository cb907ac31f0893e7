/* cockpit-action-journal.c: the tracker's journal file: written durably, read back, kept if damaged.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cockpit-action-tracker-entry-private.h"

/* Finds the items of the "entries" array that are whole in a journal
 * that is not valid JSON as a whole, such as one cut short: each object
 * directly inside the array is parsed on its own. */
static GPtrArray *
salvage_items (const char *contents,
               gsize       length)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  const char *entries = g_strstr_len (contents, (gssize) length, "\"entries\"");
  gboolean in_string = FALSE;
  guint depth = 0;
  gsize item_start = 0;
  gsize i;

  if (entries == NULL)
    return items;
  i = (gsize) (entries - contents) + strlen ("\"entries\"");
  while (i < length && contents[i] != '[')
    i++;

  for (i++; i < length; i++)
    {
      char c = contents[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (depth++ == 0)
            item_start = i;
        }
      else if (c == '}' || c == ']')
        {
          if (depth == 0)
            break;   /* the end of the entries */
          if (--depth == 0 && c == '}')
            {
              JsonNode *item = cockpit_json_parse (contents + item_start, (gssize) (i + 1 - item_start), NULL);

              if (item != NULL)
                g_ptr_array_add (items, item);
            }
        }
    }

  return items;
}

/* Writes the journal: first to a temporary file beside it, made durable,
 * then renamed over the old one, so that a crash leaves either the old or
 * the new journal (and at worst a temporary file, removed at the next
 * resume).  The file is tiny and written only when an action starts or
 * ends. */
static gboolean
journal_write (CockpitActionTracker  *self,
               JsonArray             *others,
               GPtrArray             *entries,
               GError               **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;
  g_autofree char *temp = NULL;
  gsize length, written = 0;
  int fd, saved;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; others != NULL && i < json_array_get_length (others); i++)
    json_builder_add_value (builder, json_node_copy (json_array_get_element (others, i)));
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (entry != NULL)
        json_builder_add_value (builder, cockpit_intent_to_json (&entry->intent));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  length = strlen (text);

  dir = g_path_get_dirname (self->journal_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Could not make the folder %s: %s", dir, g_strerror (saved));
      return FALSE;
    }

  temp = g_strconcat (self->journal_path, ".tmp-XXXXXX", NULL);
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Could not create %s: %s", temp, g_strerror (saved));
      return FALSE;
    }

  while (written < length)
    {
      ssize_t n = write (fd, text + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      written += (gsize) n;
    }
  saved = written < length ? (errno != 0 ? errno : EIO) : 0;
  if (saved == 0 && fsync (fd) != 0)
    saved = errno;
  if (close (fd) != 0 && saved == 0)
    saved = errno;

  if (saved == 0 && self->hook != NULL)
    self->hook (self, "journal-save", self->hook_data);

  if (saved == 0 && g_rename (temp, self->journal_path) != 0)
    saved = errno;
  if (saved != 0)
    {
      g_unlink (temp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Could not write %s: %s", self->journal_path, g_strerror (saved));
      return FALSE;
    }

  /* The rename itself must survive a power cut too. */
  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  return TRUE;
}

/* Keeps a damaged journal under another name and writes a new one with
 * the entries that could be read.  Returns the sentence that says so, and
 * the copy's path in @aside; NULL when the journal could not be set aside
 * (it stays where the next read finds it, and is told of then). */
static char *
journal_set_aside (CockpitActionTracker  *self,
                   const char            *contents,
                   gsize                  length,
                   GPtrArray             *entries,
                   JsonArray             *others,
                   char                 **aside_out)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *aside = NULL;
  char *message;
  g_autoptr(GError) error = NULL;
  guint n = entries->len + json_array_get_length (others);

  aside = g_strdup_printf ("%s.damaged-%s", self->journal_path, stamp);
  for (guint i = 2; g_file_test (aside, G_FILE_TEST_EXISTS); i++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.damaged-%s-%u", self->journal_path, stamp, i);
    }

  /* A copy, not a rename: if the new journal cannot be written, the old
   * one stays where the next start looks for it. */
  if (!g_file_set_contents_full (aside, contents, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &error))
    {
      g_message ("Could not keep the damaged action journal as %s: %s", aside, error->message);
      return NULL;
    }
  if (!journal_write (self, others, entries, &error))
    {
      g_message ("Could not replace the damaged action journal: %s", error->message);
      g_unlink (aside);
      return NULL;
    }
  g_message ("The action journal %s was damaged; it was kept as %s, and %u entries could be read",
             self->journal_path, aside, n);

  if (n == 0)
    message = g_strdup_printf (_("The list of actions this app follows on this computer was damaged, and nothing could be read from it. It was kept as %s. If you started an action shortly before, look at its package's activity to see how it went."),
                               aside);
  else
    message = g_strdup_printf (ngettext ("The list of actions this app follows on this computer was damaged. It was kept as %s, and the app goes on following the %u action it could read from it. If you started another action shortly before, look at its package's activity to see how it went.",
                                         "The list of actions this app follows on this computer was damaged. It was kept as %s, and the app goes on following the %u actions it could read from it. If you started another action shortly before, look at its package's activity to see how it went.",
                                         n),
                               aside, n);

  *aside_out = g_steal_pointer (&aside);
  return message;
}

/* Reads the journal's entries; those of other cockpits go to @others.  A
 * damaged journal is set aside, keeping what can be read, and @damage
 * and @aside get what the tracker tells of it. */
GPtrArray *
_cockpit_journal_read (CockpitActionTracker  *self,
                       JsonArray            **others,
                       char                 **damage,
                       char                 **aside)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) _cockpit_tracker_entry_free);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  gboolean damaged = FALSE;
  JsonNode *list;
  gsize length;

  *others = json_array_new ();
  *damage = NULL;
  *aside = NULL;

  if (!g_file_get_contents (self->journal_path, &contents, &length, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_message ("Could not read the action journal: %s", error->message);
      return g_steal_pointer (&entries);
    }

  root = cockpit_json_parse (contents, (gssize) length, NULL);
  list = root && JSON_NODE_HOLDS_OBJECT (root) ? json_object_get_member (json_node_get_object (root), "entries") : NULL;
  if (list != NULL && JSON_NODE_HOLDS_ARRAY (list))
    {
      JsonArray *array = json_node_get_array (list);

      items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
      for (guint i = 0; i < json_array_get_length (array); i++)
        g_ptr_array_add (items, json_node_ref (json_array_get_element (array, i)));
    }
  else
    {
      damaged = TRUE;
      items = salvage_items (contents, length);
    }

  for (guint i = 0; i < items->len; i++)
    {
      JsonNode *item = g_ptr_array_index (items, i);
      CockpitIntent intent;
      Entry *entry;

      if (!cockpit_intent_from_json (item, &intent))
        {
          damaged = TRUE;
          continue;
        }
      if (g_strcmp0 (intent.cockpit, cockpit_client_get_identity (self->client)) != 0)
        {
          json_array_add_element (*others, json_node_copy (item));
          cockpit_intent_clear (&intent);
          continue;
        }
      entry = g_new0 (Entry, 1);
      entry->intent = intent;
      g_ptr_array_add (entries, entry);
    }

  if (damaged)
    *damage = journal_set_aside (self, contents, length, entries, *others, aside);

  return g_steal_pointer (&entries);
}

/* Writes this cockpit's entries into the journal, keeping those of others;
 * a damaged journal found on the way is told of as by a read.  A failure
 * is logged, and returned for those who must not go on. */
gboolean
_cockpit_journal_save (CockpitActionTracker  *self,
                       char                 **damage,
                       char                 **aside,
                       GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonArray) others = NULL;
  g_autoptr(GPtrArray) old = _cockpit_journal_read (self, &others, damage, aside);

  if (!journal_write (self, others, self->entries, &local_error))
    {
      g_message ("Could not write the action journal: %s", local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* The error of a start that was refused because the journal could not be
 * written. */
GError *
_cockpit_journal_error (CockpitActionTracker *self)
{
  g_autofree char *dir = g_path_get_dirname (self->journal_path);

  return g_error_new (COCKPIT_ACTION_TRACKER_ERROR, COCKPIT_ACTION_TRACKER_ERROR_JOURNAL,
                      _("The action was not started: this app could not note it down in the folder %s. It does that first, so that it can follow the action to its end even if the app is closed. Check that the disk is not full and that the folder can be written to, then try again."),
                      dir);
}

/* Removes the temporary files that a crash during a save left beside the
 * journal. */
void
_cockpit_journal_clean_up (CockpitActionTracker *self)
{
  g_autofree char *dir = g_path_get_dirname (self->journal_path);
  g_autofree char *base = g_path_get_basename (self->journal_path);
  g_autofree char *prefix = g_strconcat (base, ".tmp-", NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      if (g_str_has_prefix (name, prefix) && strlen (name) == strlen (prefix) + 6)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);

          g_debug ("Removing %s, left by a save that did not finish", path);
          g_unlink (path);
        }
    }
}
