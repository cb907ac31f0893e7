/* cockpit-action-tracker.c: follows every running action until it ends, across restarts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every user intent becomes an entry in a journal file before anything is
 * sent: its idempotency key, package, environment, kind and parameters.
 * Once the cockpit confirms the action, the entry gets the action's id,
 * and the tracker polls the action until it ends.  When the app starts
 * again, cockpit_action_tracker_resume() reads the journal and picks up
 * where it stopped.  An intent whose answer never came is resolved by
 * looking at the package's actions, never by sending it blindly again.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cockpit-action-tracker-private.h"

#define DEFAULT_FIRST_MS  1000
#define DEFAULT_MAX_MS    10000
/* How far the cockpit's clock may be behind ours when we look for an
 * action that an unanswered request may have started. */
#define CLOCK_SKEW        (10 * G_TIME_SPAN_MINUTE)

struct _CockpitActionTracker
{
  GObject parent_instance;

  CockpitClient   *client;
  char            *journal_path;
  GPtrArray       *entries;     /* Entry */
  GListStore      *actions;     /* CockpitAction being followed */
  GCancellable    *cancellable;
  GNetworkMonitor *monitor;         /* owned */
  gulong           monitor_handler;
  gboolean         loopback;
  guint            first_ms;
  guint            max_ms;
  char            *journal_problem;  /* for people, once the journal was damaged */

  /* For crash tests */
  CockpitActionTrackerHook hook;
  gpointer                 hook_data;
};

G_DEFINE_FINAL_TYPE (CockpitActionTracker, cockpit_action_tracker, G_TYPE_OBJECT)
G_DEFINE_QUARK (cockpit-action-tracker-error-quark, cockpit_action_tracker_error)

enum {
  PROP_0,
  PROP_JOURNAL_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTION_STARTED,
  ACTION_UPDATED,
  STAGE_CHANGED,
  ACTION_FINISHED,
  ACTION_NOT_STARTED,
  JOURNAL_DAMAGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  char              *key;
  char              *cockpit;
  char              *package_id;
  char              *environment_id;
  CockpitActionKind  kind;
  JsonNode          *params;
  GDateTime         *started_at;
  char              *action_id;   /* NULL until the cockpit confirmed it */
  CockpitAction     *action;
  /* An upgrade to start on the same environment once this action has
   * succeeded ("back up Live first"), journalled with the entry:
   * {"kind", "environment_kind", "params"}, or NULL. */
  JsonNode          *then;
  guint              timeout_id;
  guint              interval_ms;
  gboolean           busy;        /* a request for this entry is out */
  gboolean           waiting;     /* paused while the network is down */
} Entry;

/* What a callback needs to find its entry again, if both still exist. */
typedef struct {
  GWeakRef  tracker;
  char     *key;
} Call;

static void schedule (CockpitActionTracker *self,
                      Entry                *entry,
                      guint                 delay_ms);

static void
entry_free (Entry *entry)
{
  if (entry == NULL)
    return;

  g_clear_handle_id (&entry->timeout_id, g_source_remove);
  g_free (entry->key);
  g_free (entry->cockpit);
  g_free (entry->package_id);
  g_free (entry->environment_id);
  g_clear_pointer (&entry->params, json_node_unref);
  g_clear_pointer (&entry->then, json_node_unref);
  g_clear_pointer (&entry->started_at, g_date_time_unref);
  g_free (entry->action_id);
  g_clear_object (&entry->action);
  g_free (entry);
}

static Call *
call_new (CockpitActionTracker *self,
          Entry                *entry)
{
  Call *call = g_new0 (Call, 1);

  g_weak_ref_init (&call->tracker, self);
  call->key = g_strdup (entry->key);
  return call;
}

static void
call_free (Call *call)
{
  g_weak_ref_clear (&call->tracker);
  g_free (call->key);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, call_free)

static Entry *
find_entry (CockpitActionTracker *self,
            const char           *key)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (entry->key, key) == 0)
        return entry;
    }
  return NULL;
}

/* Returns the tracker and entry of a call, or FALSE when either is gone. */
static gboolean
call_resolve (Call                  *call,
              CockpitActionTracker **self,
              Entry                **entry)
{
  *self = g_weak_ref_get (&call->tracker);
  if (*self == NULL)
    return FALSE;
  *entry = find_entry (*self, call->key);
  if (*entry == NULL)
    {
      g_clear_object (self);
      return FALSE;
    }
  return TRUE;
}

/* The journal ---------------------------------------------------------------- */

static JsonNode *
entry_to_json (Entry *entry)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *started = cockpit_date_time_format (entry->started_at);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cockpit");
  json_builder_add_string_value (builder, entry->cockpit);
  json_builder_set_member_name (builder, "idempotency_key");
  json_builder_add_string_value (builder, entry->key);
  json_builder_set_member_name (builder, "package_id");
  json_builder_add_string_value (builder, entry->package_id);
  json_builder_set_member_name (builder, "environment_id");
  json_builder_add_string_value (builder, entry->environment_id);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, cockpit_enum_to_string (COCKPIT_TYPE_ACTION_KIND, entry->kind));
  json_builder_set_member_name (builder, "params");
  json_builder_add_value (builder, json_node_copy (entry->params));
  json_builder_set_member_name (builder, "started_at");
  json_builder_add_string_value (builder, started);
  json_builder_set_member_name (builder, "action_id");
  if (entry->action_id != NULL)
    json_builder_add_string_value (builder, entry->action_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "then");
  if (entry->then != NULL)
    json_builder_add_value (builder, json_node_copy (entry->then));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* A string member, or NULL when it is missing, not a string, or longer
 * than any id, key or version can be (the journal is a file, so outside
 * input like any other). */
static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      strlen (json_node_get_string (node)) > COCKPIT_TEXT_MAX_EXACT)
    return NULL;
  return json_node_get_string (node);
}

static Entry *
entry_from_json (JsonNode *node)
{
  g_autoptr(GDateTime) started = NULL;
  JsonObject *object;
  JsonNode *params;
  Entry *entry;
  int kind;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  params = json_object_get_member (object, "params");
  started = cockpit_date_time_parse (string_member (object, "started_at"));

  if (string_member (object, "cockpit") == NULL || string_member (object, "idempotency_key") == NULL ||
      string_member (object, "package_id") == NULL || string_member (object, "environment_id") == NULL ||
      !cockpit_enum_from_string (COCKPIT_TYPE_ACTION_KIND, string_member (object, "kind"), &kind) ||
      params == NULL || !JSON_NODE_HOLDS_OBJECT (params) || started == NULL)
    return NULL;
  /* An upgrade cannot be sent again without its version. */
  if (kind == COCKPIT_ACTION_KIND_UPGRADE &&
      string_member (json_node_get_object (params), "target_version") == NULL)
    return NULL;

  entry = g_new0 (Entry, 1);
  entry->cockpit = g_strdup (string_member (object, "cockpit"));
  entry->key = g_strdup (string_member (object, "idempotency_key"));
  entry->package_id = g_strdup (string_member (object, "package_id"));
  entry->environment_id = g_strdup (string_member (object, "environment_id"));
  entry->kind = kind;
  entry->params = json_node_copy (params);
  entry->started_at = g_steal_pointer (&started);
  entry->action_id = g_strdup (string_member (object, "action_id"));

  {
    JsonNode *then = json_object_get_member (object, "then");
    int then_kind;

    if (then != NULL && JSON_NODE_HOLDS_OBJECT (then) &&
        cockpit_enum_from_string (COCKPIT_TYPE_ACTION_KIND, string_member (json_node_get_object (then), "kind"), &then_kind))
      entry->then = json_node_copy (then);
  }
  return entry;
}

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
    if (g_ptr_array_index (entries, i) != NULL)
      json_builder_add_value (builder, entry_to_json (g_ptr_array_index (entries, i)));
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

/* Keeps a damaged journal under another name, writes a new one with the
 * entries that could be read, and says so, once. */
static void
journal_set_aside (CockpitActionTracker *self,
                   const char           *contents,
                   gsize                 length,
                   GPtrArray            *entries,
                   JsonArray            *others)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *aside = NULL;
  g_autofree char *message = NULL;
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
      return;
    }
  if (!journal_write (self, others, entries, &error))
    {
      g_message ("Could not replace the damaged action journal: %s", error->message);
      g_unlink (aside);
      return;
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

  g_free (self->journal_problem);
  self->journal_problem = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL_PROBLEM]);
  g_signal_emit (self, signals[JOURNAL_DAMAGED], 0, message, aside);
}

/* Reads the journal's entries; those of other cockpits go to @others.  A
 * damaged journal is set aside, keeping what can be read. */
static GPtrArray *
journal_read (CockpitActionTracker *self,
              JsonArray           **others)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  gboolean damaged = FALSE;
  JsonNode *list;
  gsize length;

  *others = json_array_new ();

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
      Entry *entry = entry_from_json (item);

      if (entry == NULL)
        {
          damaged = TRUE;
          continue;
        }
      if (g_strcmp0 (entry->cockpit, cockpit_client_get_identity (self->client)) != 0)
        {
          json_array_add_element (*others, json_node_copy (item));
          entry_free (entry);
          continue;
        }
      g_ptr_array_add (entries, entry);
    }

  if (damaged)
    journal_set_aside (self, contents, length, entries, *others);

  return g_steal_pointer (&entries);
}

/* Writes this cockpit's entries into the journal, keeping those of others.
 * A failure is logged, and returned for those who must not go on. */
static gboolean
journal_save (CockpitActionTracker  *self,
              GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonArray) others = NULL;
  g_autoptr(GPtrArray) old = journal_read (self, &others);

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
static GError *
journal_error (CockpitActionTracker *self)
{
  g_autofree char *dir = g_path_get_dirname (self->journal_path);

  return g_error_new (COCKPIT_ACTION_TRACKER_ERROR, COCKPIT_ACTION_TRACKER_ERROR_JOURNAL,
                      _("The action was not started: this app could not note it down in the folder %s. It does that first, so that it can follow the action to its end even if the app is closed. Check that the disk is not full and that the folder can be written to, then try again."),
                      dir);
}

/* Removes the temporary files that a crash during a save left beside the
 * journal. */
static void
journal_clean_up (CockpitActionTracker *self)
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

/* Following ------------------------------------------------------------------ */

static void
remove_entry (CockpitActionTracker *self,
              Entry                *entry)
{
  guint position;

  if (entry->action != NULL &&
      g_list_store_find (self->actions, entry->action, &position))
    g_list_store_remove (self->actions, position);
  g_ptr_array_remove (self->entries, entry);
  journal_save (self, NULL);
}

static gboolean
network_is_down (CockpitActionTracker *self)
{
  /* A cockpit on this machine needs no network. */
  return !self->loopback && !g_network_monitor_get_network_available (self->monitor);
}

static void
adopt_action (CockpitActionTracker *self,
              Entry                *entry,
              CockpitAction        *action)
{
  g_free (entry->action_id);
  entry->action_id = g_strdup (cockpit_action_get_id (action));
  g_set_object (&entry->action, action);
  g_list_store_append (self->actions, action);
  /* The action runs whether or not this is written down; if not, it is
   * followed until the app closes. */
  journal_save (self, NULL);

  g_signal_emit (self, signals[ACTION_STARTED], 0, action);

  entry->interval_ms = self->first_ms;
  schedule (self, entry, entry->interval_ms);
}

static void start_followup (CockpitActionTracker *self,
                            Entry                *entry,
                            CockpitAction        *action);

static void
finish_entry (CockpitActionTracker *self,
              Entry                *entry)
{
  g_autoptr(CockpitAction) action = g_object_ref (entry->action);
  g_autoptr(JsonNode) then = entry->then ? json_node_ref (entry->then) : NULL;
  Entry followup = { 0, };

  /* What follows is written down before this entry goes, so that a
   * crash in between loses neither. */
  if (then != NULL)
    {
      followup = *entry;
      followup.then = then;
      start_followup (self, &followup, action);
    }

  remove_entry (self, entry);
  g_signal_emit (self, signals[ACTION_FINISHED], 0, action);
}

static void
not_started (CockpitActionTracker *self,
             Entry                *entry,
             const char           *message)
{
  g_autofree char *package_id = g_strdup (entry->package_id);
  g_autofree char *environment_id = g_strdup (entry->environment_id);
  CockpitActionKind kind = entry->kind;

  remove_entry (self, entry);
  g_signal_emit (self, signals[ACTION_NOT_STARTED], 0, package_id, environment_id, kind, message);
}

static void
poll_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(CockpitActionTracker) self = NULL;
  g_autoptr(CockpitAction) fresh = NULL;
  g_autoptr(GError) error = NULL;
  CockpitStageName old_stage;
  Entry *entry;

  fresh = cockpit_client_get_action_finish (COCKPIT_CLIENT (object), result, &error);
  if (!call_resolve (call, &self, &entry))
    return;
  entry->busy = FALSE;

  if (fresh == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_NOT_FOUND))
        {
          not_started (self, entry, _("The cockpit no longer knows this action. Reload the package to see its current state."));
          return;
        }

      /* A failed poll says nothing about the action: try again later,
       * and never call the action failed because of it. */
      g_debug ("Polling action %s failed: %s", entry->action_id, error->message);
      schedule (self, entry, self->max_ms);
      return;
    }

  old_stage = cockpit_action_get_stage (entry->action);
  cockpit_json_update (entry->action, fresh);
  g_signal_emit (self, signals[ACTION_UPDATED], 0, entry->action);
  if (cockpit_action_get_stage (entry->action) != old_stage)
    g_signal_emit (self, signals[STAGE_CHANGED], 0, entry->action);

  if (!cockpit_action_is_running (entry->action))
    {
      finish_entry (self, entry);
      return;
    }

  entry->interval_ms = MIN (entry->interval_ms * 3 / 2, self->max_ms);
  schedule (self, entry, entry->interval_ms);
}

static gboolean
matches_intent (Entry         *entry,
                CockpitAction *action)
{
  g_autoptr(GDateTime) earliest = g_date_time_add (entry->started_at, -CLOCK_SKEW);

  return cockpit_action_get_kind (action) == entry->kind &&
         g_strcmp0 (cockpit_action_get_environment_id (action), entry->environment_id) == 0 &&
         g_date_time_compare (cockpit_action_get_created_at (action), earliest) >= 0;
}

static gboolean
is_followed (CockpitActionTracker *self,
             const char           *action_id)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (entry->action_id, action_id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
resolve_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(CockpitActionTracker) self = NULL;
  g_autoptr(GListStore) actions = NULL;
  g_autoptr(GError) error = NULL;
  Entry *entry;

  actions = cockpit_client_list_actions_finish (COCKPIT_CLIENT (object), result, &error);
  if (!call_resolve (call, &self, &entry))
    return;
  entry->busy = FALSE;

  if (actions == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        schedule (self, entry, self->max_ms);
      return;
    }

  /* Newest first: the newest matching action not followed already is
   * the one our request started. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (actions)); i++)
    {
      g_autoptr(CockpitAction) action = g_list_model_get_item (G_LIST_MODEL (actions), i);

      if (matches_intent (entry, action) && !is_followed (self, cockpit_action_get_id (action)))
        {
          adopt_action (self, entry, action);
          return;
        }
    }

  not_started (self, entry, _("The cockpit never received the request, so nothing was started. Start it again if you still want it."));
}

static gboolean
timeout_cb (gpointer user_data)
{
  Call *call = user_data;
  g_autoptr(CockpitActionTracker) self = NULL;
  Entry *entry;

  if (!call_resolve (call, &self, &entry))
    return G_SOURCE_REMOVE;

  entry->timeout_id = 0;

  if (network_is_down (self))
    {
      entry->waiting = TRUE;
      return G_SOURCE_REMOVE;
    }

  entry->busy = TRUE;
  if (entry->action_id != NULL)
    cockpit_client_get_action_async (self->client, entry->action_id, self->cancellable,
                                     poll_cb, call_new (self, entry));
  else
    cockpit_client_list_actions_async (self->client, entry->package_id, 50, self->cancellable,
                                       resolve_cb, call_new (self, entry));
  return G_SOURCE_REMOVE;
}

static void
schedule (CockpitActionTracker *self,
          Entry                *entry,
          guint                 delay_ms)
{
  g_clear_handle_id (&entry->timeout_id, g_source_remove);
  entry->waiting = FALSE;
  entry->timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT, delay_ms, timeout_cb,
                                          call_new (self, entry), (GDestroyNotify) call_free);
}

static void
network_changed_cb (GNetworkMonitor      *monitor,
                    gboolean              available,
                    CockpitActionTracker *self)
{
  if (network_is_down (self))
    return;

  /* Back online: look at once at everything that waited. */
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry->waiting && !entry->busy)
        schedule (self, entry, 0);
    }
}

/* Starting ------------------------------------------------------------------- */

/* Sends the request of @entry, with the parameters it was journalled with. */
static void
send_entry (CockpitActionTracker *self,
            Entry                *entry,
            CockpitEnvironment   *environment,
            GCancellable         *cancellable,
            GAsyncReadyCallback   callback,
            gpointer              user_data)
{
  JsonObject *params = json_node_get_object (entry->params);
  const char *target_version = string_member (params, "target_version");
  g_autoptr(GDateTime) expires_at = cockpit_date_time_parse (string_member (params, "expires_at"));

  entry->busy = TRUE;

  switch (entry->kind)
    {
    case COCKPIT_ACTION_KIND_UPGRADE:
      cockpit_client_upgrade_async (self->client, environment, target_version, entry->key,
                                    cancellable, callback, user_data);
      break;
    case COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP:
      cockpit_client_extend_upgrade_backup_async (self->client, environment, expires_at, entry->key,
                                                  cancellable, callback, user_data);
      break;
    case COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP:
      cockpit_client_delete_upgrade_backup_async (self->client, environment, entry->key,
                                                  cancellable, callback, user_data);
      break;
    case COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP:
      cockpit_client_restore_upgrade_backup_async (self->client, environment, entry->key,
                                                   cancellable, callback, user_data);
      break;
    case COCKPIT_ACTION_KIND_CREATE_BACKUP:
      cockpit_client_create_backup_async (self->client, environment, entry->key,
                                          cancellable, callback, user_data);
      break;
    case COCKPIT_ACTION_KIND_TEARDOWN:
    default:
      cockpit_client_teardown_async (self->client, environment, entry->key,
                                     cancellable, callback, user_data);
      break;
    }
}

static void
followup_sent_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(CockpitActionTracker) self = NULL;
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GError) error = NULL;
  Entry *entry;

  action = cockpit_client_start_action_finish (COCKPIT_CLIENT (object), result, &error);
  if (!call_resolve (call, &self, &entry))
    return;
  entry->busy = FALSE;

  if (action != NULL)
    adopt_action (self, entry, action);
  else if (cockpit_client_error_is_rejection (error))
    {
      g_autofree char *message = g_strdup_printf (_("The backup of Live has succeeded, but the upgrade could not be started: %s"),
                                                  error->message);
      not_started (self, entry, message);
    }
  else
    schedule (self, entry, self->first_ms);
}

/* The action of @entry has ended: starts what was to follow it, or says
 * why it will not happen. */
static void
start_followup (CockpitActionTracker *self,
                Entry                *entry,
                CockpitAction        *action)
{
  JsonObject *then = json_node_get_object (entry->then);
  g_autoptr(CockpitEnvironment) environment = cockpit_environment_new ();
  Entry *next;
  int kind = COCKPIT_ACTION_KIND_UPGRADE;
  int environment_kind = COCKPIT_ENVIRONMENT_KIND_NONE;
  JsonNode *params = json_object_get_member (then, "params");

  cockpit_enum_from_string (COCKPIT_TYPE_ACTION_KIND, string_member (then, "kind"), &kind);
  cockpit_enum_from_string (COCKPIT_TYPE_ENVIRONMENT_KIND, string_member (then, "environment_kind"), &environment_kind);

  next = g_new0 (Entry, 1);
  next->key = cockpit_client_new_idempotency_key ();
  next->cockpit = g_strdup (entry->cockpit);
  next->package_id = g_strdup (entry->package_id);
  next->environment_id = g_strdup (entry->environment_id);
  next->kind = kind;
  next->params = params != NULL && JSON_NODE_HOLDS_OBJECT (params) ? json_node_copy (params)
                                                                   : json_node_init_object (json_node_alloc (), json_object_new ());
  next->started_at = g_date_time_new_now_utc ();
  g_ptr_array_add (self->entries, next);

  if (cockpit_action_get_status (action) != COCKPIT_ACTION_STATUS_SUCCEEDED)
    {
      g_autofree char *message = NULL;

      /* Translators: "The upgrade of Live to 6.3.21 was not started because the backup of Live failed." */
      message = g_strdup_printf (_("The upgrade of %s to %s was not started because the backup of Live failed."),
                                 cockpit_environment_kind_get_label (environment_kind),
                                 string_member (json_node_get_object (next->params), "target_version"));
      not_started (self, next, message);
      return;
    }

  if (!journal_save (self, NULL))
    {
      g_autoptr(GError) error = journal_error (self);
      g_autofree char *message = g_strdup_printf (_("The backup of Live has succeeded, but the upgrade could not be started: %s"),
                                                  error->message);

      not_started (self, next, message);
      return;
    }

  /* The environment as the client needs it: ids, and the kind for the
   * wording of errors. */
  cockpit_environment_set_id (environment, next->environment_id);
  cockpit_environment_set_package_id (environment, next->package_id);
  cockpit_environment_set_kind (environment, environment_kind);
  send_entry (self, next, environment, self->cancellable, followup_sent_cb, call_new (self, next));
}

static void
start_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CockpitActionTracker *self = g_task_get_source_object (task);
  const char *key = g_task_get_task_data (task);
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GError) error = NULL;
  Entry *entry;

  if (self->hook != NULL)
    self->hook (self, "before-answer", self->hook_data);

  action = cockpit_client_start_action_finish (COCKPIT_CLIENT (object), result, &error);
  entry = find_entry (self, key);
  if (entry == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The tracker was closed");
      return;
    }
  entry->busy = FALSE;

  if (action != NULL)
    {
      adopt_action (self, entry, action);
      g_task_return_pointer (task, g_object_ref (action), g_object_unref);
      return;
    }

  if (cockpit_client_error_is_rejection (error))
    {
      remove_entry (self, entry);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The answer never came, or came garbled: the action may or may not
   * have started.  Find out from the package's actions. */
  schedule (self, entry, self->first_ms);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_new_error (task, error->domain, error->code,
                             _("%s The app keeps checking whether the action started and will tell you."),
                             error->message);
}

static void
start_intent (CockpitActionTracker *self,
              CockpitEnvironment   *environment,
              CockpitActionKind     kind,
              const char           *target_version,
              GDateTime            *expires_at,
              JsonNode             *then,
              GCancellable         *cancellable,
              GAsyncReadyCallback   callback,
              gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  Entry *entry;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cockpit_action_tracker_start_async);

  /* One action at a time per package; a double click ends here. */
  if (cockpit_action_tracker_is_busy (self, cockpit_environment_get_package_id (environment)))
    {
      g_task_return_new_error (task, COCKPIT_CLIENT_ERROR, COCKPIT_CLIENT_ERROR_PACKAGE_BUSY,
                               _("An action is already running on this package. Wait until it has finished."));
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  if (target_version != NULL)
    {
      json_builder_set_member_name (builder, "target_version");
      json_builder_add_string_value (builder, target_version);
    }
  if (expires_at != NULL)
    {
      g_autofree char *text = cockpit_date_time_format (expires_at);
      json_builder_set_member_name (builder, "expires_at");
      json_builder_add_string_value (builder, text);
    }
  json_builder_end_object (builder);

  entry = g_new0 (Entry, 1);
  entry->key = cockpit_client_new_idempotency_key ();
  entry->cockpit = g_strdup (cockpit_client_get_identity (self->client));
  entry->package_id = g_strdup (cockpit_environment_get_package_id (environment));
  entry->environment_id = g_strdup (cockpit_environment_get_id (environment));
  entry->kind = kind;
  entry->params = json_builder_get_root (builder);
  entry->then = then ? json_node_ref (then) : NULL;
  entry->started_at = g_date_time_new_now_utc ();
  entry->busy = TRUE;
  g_ptr_array_add (self->entries, entry);

  /* Written down before it is sent, so that a crash cannot lose it; what
   * cannot be written down is not sent. */
  if (!journal_save (self, NULL))
    {
      g_ptr_array_remove (self->entries, entry);
      g_task_return_error (task, journal_error (self));
      return;
    }
  g_task_set_task_data (task, g_strdup (entry->key), g_free);

  if (self->hook != NULL)
    self->hook (self, "after-journal", self->hook_data);

  send_entry (self, entry, environment, cancellable, start_cb, g_steal_pointer (&task));
}

void
cockpit_action_tracker_start_async (CockpitActionTracker *self,
                                    CockpitEnvironment   *environment,
                                    CockpitActionKind     kind,
                                    const char           *target_version,
                                    GDateTime            *expires_at,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_return_if_fail (COCKPIT_IS_ACTION_TRACKER (self));
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (environment));
  g_return_if_fail (kind != COCKPIT_ACTION_KIND_UPGRADE || target_version != NULL);

  start_intent (self, environment, kind, target_version, expires_at, NULL,
                cancellable, callback, user_data);
}

void
cockpit_action_tracker_start_backup_then_upgrade_async (CockpitActionTracker *self,
                                                        CockpitEnvironment   *live,
                                                        const char           *target_version,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) then = NULL;

  g_return_if_fail (COCKPIT_IS_ACTION_TRACKER (self));
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (live));
  g_return_if_fail (target_version != NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, cockpit_enum_to_string (COCKPIT_TYPE_ACTION_KIND, COCKPIT_ACTION_KIND_UPGRADE));
  json_builder_set_member_name (builder, "environment_kind");
  json_builder_add_string_value (builder, cockpit_enum_to_string (COCKPIT_TYPE_ENVIRONMENT_KIND,
                                                                  cockpit_environment_get_kind (live)));
  json_builder_set_member_name (builder, "params");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "target_version");
  json_builder_add_string_value (builder, target_version);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  then = json_builder_get_root (builder);

  start_intent (self, live, COCKPIT_ACTION_KIND_CREATE_BACKUP, NULL, NULL, then,
                cancellable, callback, user_data);
}

CockpitAction *
cockpit_action_tracker_start_finish (CockpitActionTracker  *self,
                                     GAsyncResult          *result,
                                     GError               **error)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION_TRACKER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The object ----------------------------------------------------------------- */

void
cockpit_action_tracker_resume (CockpitActionTracker *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  JsonArray *others = NULL;

  g_return_if_fail (COCKPIT_IS_ACTION_TRACKER (self));

  journal_clean_up (self);
  entries = journal_read (self, &others);
  json_array_unref (others);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (find_entry (self, entry->key) != NULL)
        continue;

      /* Moved to self->entries; the slot is left NULL, which entry_free()
       * accepts when @entries goes. */
      g_ptr_array_index (entries, i) = NULL;
      g_ptr_array_add (self->entries, entry);

      if (entry->action_id != NULL)
        {
          /* A placeholder until the first poll fills it in. */
          entry->action = cockpit_action_new ();
          cockpit_action_set_id (entry->action, entry->action_id);
          cockpit_action_set_package_id (entry->action, entry->package_id);
          cockpit_action_set_environment_id (entry->action, entry->environment_id);
          cockpit_action_set_kind (entry->action, entry->kind);
          cockpit_action_set_params (entry->action, entry->params);
          cockpit_action_set_created_at (entry->action, entry->started_at);
          g_list_store_append (self->actions, entry->action);
        }
      entry->interval_ms = self->first_ms;
      schedule (self, entry, 0);
    }
}

const char *
cockpit_action_tracker_get_journal_problem (CockpitActionTracker *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION_TRACKER (self), NULL);

  return self->journal_problem;
}

void
cockpit_action_tracker_set_hook (CockpitActionTracker     *self,
                                 CockpitActionTrackerHook  hook,
                                 gpointer                  user_data)
{
  g_return_if_fail (COCKPIT_IS_ACTION_TRACKER (self));

  self->hook = hook;
  self->hook_data = user_data;
}

GListModel *
cockpit_action_tracker_get_actions (CockpitActionTracker *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION_TRACKER (self), NULL);

  return G_LIST_MODEL (self->actions);
}

CockpitAction *
cockpit_action_tracker_find_for_package (CockpitActionTracker *self,
                                         const char           *package_id)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION_TRACKER (self), NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry->action != NULL && g_strcmp0 (entry->package_id, package_id) == 0)
        return entry->action;
    }
  return NULL;
}

gboolean
cockpit_action_tracker_is_busy (CockpitActionTracker *self,
                                const char           *package_id)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION_TRACKER (self), FALSE);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (entry->package_id, package_id) == 0)
        return TRUE;
    }
  return FALSE;
}

CockpitClient *
cockpit_action_tracker_get_client (CockpitActionTracker *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION_TRACKER (self), NULL);

  return self->client;
}

const char *
cockpit_action_tracker_get_journal_path (CockpitActionTracker *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION_TRACKER (self), NULL);

  return self->journal_path;
}

void
cockpit_action_tracker_set_network_monitor (CockpitActionTracker *self,
                                            GNetworkMonitor      *monitor,
                                            gboolean              even_for_loopback)
{
  g_return_if_fail (COCKPIT_IS_ACTION_TRACKER (self));
  g_return_if_fail (G_IS_NETWORK_MONITOR (monitor));

  g_clear_signal_handler (&self->monitor_handler, self->monitor);
  g_set_object (&self->monitor, monitor);
  self->monitor_handler = g_signal_connect (self->monitor, "network-changed",
                                            G_CALLBACK (network_changed_cb), self);
  if (even_for_loopback)
    self->loopback = FALSE;
}

void
cockpit_action_tracker_set_intervals (CockpitActionTracker *self,
                                      guint                 first_ms,
                                      guint                 max_ms)
{
  g_return_if_fail (COCKPIT_IS_ACTION_TRACKER (self));

  self->first_ms = first_ms;
  self->max_ms = MAX (max_ms, first_ms);
}

CockpitActionTracker *
cockpit_action_tracker_new (CockpitClient *client,
                            const char    *journal_path)
{
  CockpitActionTracker *self;
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (COCKPIT_IS_CLIENT (client), NULL);

  self = g_object_new (COCKPIT_TYPE_ACTION_TRACKER, NULL);
  self->client = g_object_ref (client);
  if (journal_path != NULL)
    self->journal_path = g_strdup (journal_path);
  else
    self->journal_path = g_build_filename (g_get_user_state_dir (), "upgrade-cockpit", "actions.json", NULL);

  uri = g_uri_parse (cockpit_client_get_base_url (client), G_URI_FLAGS_NONE, NULL);
  if (uri != NULL)
    {
      g_autoptr(GInetAddress) address = g_inet_address_new_from_string (g_uri_get_host (uri));
      self->loopback = g_ascii_strcasecmp (g_uri_get_host (uri), "localhost") == 0 ||
                       (address != NULL && g_inet_address_get_is_loopback (address));
    }

  return self;
}

static void
cockpit_action_tracker_dispose (GObject *object)
{
  CockpitActionTracker *self = (CockpitActionTracker *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_signal_handler (&self->monitor_handler, self->monitor);
  g_clear_object (&self->monitor);
  if (self->entries != NULL)
    g_ptr_array_set_size (self->entries, 0);
  if (self->actions != NULL)
    g_list_store_remove_all (self->actions);

  G_OBJECT_CLASS (cockpit_action_tracker_parent_class)->dispose (object);
}

static void
cockpit_action_tracker_finalize (GObject *object)
{
  CockpitActionTracker *self = (CockpitActionTracker *) object;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->actions);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->journal_path, g_free);
  g_clear_pointer (&self->journal_problem, g_free);

  G_OBJECT_CLASS (cockpit_action_tracker_parent_class)->finalize (object);
}

static void
cockpit_action_tracker_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CockpitActionTracker *self = COCKPIT_ACTION_TRACKER (object);

  switch (prop_id)
    {
    case PROP_JOURNAL_PROBLEM:
      g_value_set_string (value, self->journal_problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_action_tracker_class_init (CockpitActionTrackerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cockpit_action_tracker_dispose;
  object_class->finalize = cockpit_action_tracker_finalize;
  object_class->get_property = cockpit_action_tracker_get_property;

  /* NULL, or the sentence saying that the journal was damaged and set aside. */
  properties[PROP_JOURNAL_PROBLEM] =
    g_param_spec_string ("journal-problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CockpitActionTracker::action-started:
   * The cockpit confirmed an action, or one was found that an unanswered
   * request had started.
   */
  signals[ACTION_STARTED] =
    g_signal_new ("action-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, COCKPIT_TYPE_ACTION);
  /* After every poll; progress and stage are in the action. */
  signals[ACTION_UPDATED] =
    g_signal_new ("action-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, COCKPIT_TYPE_ACTION);
  signals[STAGE_CHANGED] =
    g_signal_new ("stage-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, COCKPIT_TYPE_ACTION);
  /* The action succeeded or failed: see its status and error. */
  signals[ACTION_FINISHED] =
    g_signal_new ("action-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, COCKPIT_TYPE_ACTION);
  /* An intent that turned out never to have started an action:
   * package id, environment id, kind, and a sentence for people. */
  signals[ACTION_NOT_STARTED] =
    g_signal_new ("action-not-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_STRING, G_TYPE_STRING, COCKPIT_TYPE_ACTION_KIND, G_TYPE_STRING);
  /* The journal was damaged: it was kept under another name and a new one
   * written with what could be read.  Emitted once per damaged file, with
   * a sentence for people and the path of the copy. */
  signals[JOURNAL_DAMAGED] =
    g_signal_new ("journal-damaged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
cockpit_action_tracker_init (CockpitActionTracker *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->actions = g_list_store_new (COCKPIT_TYPE_ACTION);
  self->cancellable = g_cancellable_new ();
  self->first_ms = DEFAULT_FIRST_MS;
  self->max_ms = DEFAULT_MAX_MS;
  self->monitor = g_object_ref (g_network_monitor_get_default ());
  self->monitor_handler = g_signal_connect (self->monitor, "network-changed",
                                            G_CALLBACK (network_changed_cb), self);
}

guint
cockpit_action_tracker_read_journal (CockpitActionTracker *self,
                                     guint                *n_others)
{
  g_autoptr(JsonArray) others = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (COCKPIT_IS_ACTION_TRACKER (self), 0);

  entries = journal_read (self, &others);
  *n_others = json_array_get_length (others);
  return entries->len;
}
