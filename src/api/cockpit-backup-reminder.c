/* cockpit-backup-reminder.c: says once per upgrade backup that its automatic removal is near.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reminder follows the session's packages, their Live environments
 * and those environments' upgrade backups.  Each change plans again: a
 * backup whose reminder time has come is reminded of at once, and one
 * timer waits for the earliest reminder still to come.  The timer waits
 * an hour at most and then looks again, so that a change of the system
 * clock or a suspended laptop cannot make it miss its time by much.
 *
 * A backup is known by its package and its creation time, which an
 * extension does not change: so a backup is reminded of once, even when
 * it is extended afterwards.  Those keys are kept in a small state file.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cockpit-backup-reminder.h"
#include "cockpit-backup-reminder-private.h"

/* The longest a timer waits before the reminder looks at the clock again. */
#define MAX_WAIT_SECONDS   3600
/* Keys of backups created longer ago than this are dropped: a backup is
 * kept 5 days at most. */
#define KEEP_KEYS          (6 * G_TIME_SPAN_DAY)
#define DEFAULT_HOURS      6
#define MAX_HOURS          47

struct _CockpitBackupReminder
{
  GObject parent_instance;

  /* Owned references */
  CockpitSession   *session;
  GPtrArray        *watched;      /* objects whose changes plan again */
  GHashTable       *reminded;     /* key → GDateTime, the backup's creation */
  GDateTime        *next_at;
  char             *state_path;

  CockpitClockFunc  clock;
  gpointer          clock_data;
  GDestroyNotify    clock_destroy;

  guint             hours;
  guint             timeout_id;
  guint             plan_id;
};

G_DEFINE_FINAL_TYPE (CockpitBackupReminder, cockpit_backup_reminder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_HOURS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REMIND,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void plan_soon (CockpitBackupReminder *self);

static GDateTime *
dup_now (CockpitBackupReminder *self)
{
  if (self->clock != NULL)
    return self->clock (self->clock_data);
  return g_date_time_new_now_utc ();
}

static char *
make_key (const char *package_id,
          GDateTime  *created_at)
{
  g_autofree char *created = cockpit_date_time_format (created_at);

  return g_strdup_printf ("%s@%s", package_id, created);
}

/* The state file ------------------------------------------------------------- */

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Adds the keys of the state file to those known; a file that is missing
 * or unreadable only means that nothing was reminded of yet. */
static void
load_state (CockpitBackupReminder *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  JsonArray *entries;

  /* Through cockpit_json_parse(), never json-glib's parser alone: the
   * file may be damaged, and json-glib 1.6 leaks on some damage. */
  if (!g_file_get_contents (self->state_path, &contents, &length, &error) ||
      (root = cockpit_json_parse (contents, (gssize) length, &error)) == NULL)
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("Ignoring the reminder state %s: %s", self->state_path, error->message);
      return;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "reminded") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "reminded")))
    {
      g_debug ("Ignoring the reminder state %s: not a list of reminders", self->state_path);
      return;
    }

  entries = json_object_get_array_member (json_node_get_object (root), "reminded");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *node = json_array_get_element (entries, i);
      JsonObject *entry;
      const char *package_id;
      g_autoptr(GDateTime) created_at = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      entry = json_node_get_object (node);
      package_id = get_string_member (entry, "package_id");
      created_at = cockpit_date_time_parse (get_string_member (entry, "created_at"));
      if (package_id == NULL || created_at == NULL)
        continue;

      g_hash_table_replace (self->reminded, make_key (package_id, created_at), g_date_time_ref (created_at));
    }
}

/* Writes the keys, merged with those another instance may have written,
 * without the ones too old to matter. */
static void
save_state (CockpitBackupReminder *self,
            GDateTime             *now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) oldest = g_date_time_add (now, -KEEP_KEYS);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (self->state_path);
  g_autofree char *text = NULL;
  GHashTableIter iter;
  gpointer key, value;

  load_state (self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "reminded");
  json_builder_begin_array (builder);

  g_hash_table_iter_init (&iter, self->reminded);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *created = NULL;
      g_autofree char *package_id = NULL;
      const char *at;

      if (g_date_time_compare (value, oldest) < 0)
        {
          g_hash_table_iter_remove (&iter);
          continue;
        }

      created = cockpit_date_time_format (value);
      /* Dates have no "@", so the last one ends the package's id. */
      at = strrchr (key, '@');
      g_assert (at != NULL);
      package_id = g_strndup (key, at - (const char *) key);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "package_id");
      json_builder_add_string_value (builder, package_id);
      json_builder_set_member_name (builder, "created_at");
      json_builder_add_string_value (builder, created);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_warning ("Could not create %s: %s", dir, g_strerror (saved_errno));
      return;
    }

  /* Written whole or not at all, readable by the user only. */
  if (!g_file_set_contents_full (self->state_path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_warning ("Could not save the reminder state: %s", error->message);
}

/* Watching the packages ------------------------------------------------------ */

static void
unwatch_all (CockpitBackupReminder *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
watch (CockpitBackupReminder *self,
       gpointer               object,
       const char            *signal)
{
  g_signal_connect_swapped (object, signal, G_CALLBACK (plan_soon), self);
  g_ptr_array_add (self->watched, g_object_ref (object));
}

/* Follows what can move a reminder: the packages and their Live
 * environments coming and going, a backup coming, going or being
 * extended, an action on the backup starting or ending. */
static void
watch_packages (CockpitBackupReminder *self)
{
  GListModel *packages = cockpit_session_get_packages (self->session);
  guint n = g_list_model_get_n_items (packages);

  unwatch_all (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CockpitPackage) package = g_list_model_get_item (packages, i);
      GListModel *environments = cockpit_package_get_environments (package);
      CockpitEnvironment *live;
      CockpitUpgradeBackup *backup;

      watch (self, package, "notify::running-action");
      if (environments != NULL)
        watch (self, environments, "items-changed");

      live = cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_LIVE);
      if (live == NULL)
        continue;
      watch (self, live, "notify::upgrade-backup");

      backup = cockpit_environment_get_upgrade_backup (live);
      if (backup != NULL)
        watch (self, backup, "notify::expires-at");
    }
}

/* Planning ------------------------------------------------------------------- */

/* While an action on the backup runs, the backup is about to be extended,
 * deleted or restored: a reminder to extend it would only confuse. */
static gboolean
backup_action_running (CockpitPackage *package)
{
  CockpitAction *action = cockpit_package_get_running_action (package);

  if (action == NULL)
    return FALSE;

  switch (cockpit_action_get_kind (action))
    {
    case COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP:
    case COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP:
    case COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP:
      return TRUE;
    case COCKPIT_ACTION_KIND_UPGRADE:
    case COCKPIT_ACTION_KIND_CREATE_BACKUP:
    case COCKPIT_ACTION_KIND_TEARDOWN:
    default:
      return FALSE;
    }
}

typedef struct {
  CockpitPackage       *package;
  CockpitEnvironment   *live;
  CockpitUpgradeBackup *backup;
} Due;

static void
due_free (Due *due)
{
  g_object_unref (due->package);
  g_object_unref (due->live);
  g_object_unref (due->backup);
  g_free (due);
}

static gboolean timeout_cb (gpointer user_data);

static void
set_next_at (CockpitBackupReminder *self,
             GDateTime             *next_at,
             GDateTime             *now)
{
  GTimeSpan wait;
  guint seconds;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_pointer (&self->next_at, g_date_time_unref);
  if (next_at == NULL)
    return;

  self->next_at = g_date_time_ref (next_at);
  wait = g_date_time_difference (next_at, now);
  seconds = (guint) CLAMP ((wait + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND, 1, MAX_WAIT_SECONDS);
  self->timeout_id = g_timeout_add_seconds (seconds, timeout_cb, self);
  g_source_set_name_by_id (self->timeout_id, "[cockpit] backup reminder");
}

static void
evaluate (CockpitBackupReminder *self)
{
  g_autoptr(GDateTime) now = dup_now (self);
  g_autoptr(GDateTime) next_at = NULL;
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func ((GDestroyNotify) due_free);
  GListModel *packages = cockpit_session_get_packages (self->session);
  guint n = g_list_model_get_n_items (packages);
  gboolean reloaded = FALSE;
  /* Data from the cache may list a backup deleted since: wait for the
   * cockpit's word before reminding, but plan meanwhile. */
  gboolean stale = cockpit_session_get_from_cache (self->session);

  for (guint i = 0; i < n && self->hours > 0; i++)
    {
      g_autoptr(CockpitPackage) package = g_list_model_get_item (packages, i);
      g_autoptr(GDateTime) remind_at = NULL;
      g_autofree char *key = NULL;
      CockpitEnvironment *live;
      CockpitUpgradeBackup *backup;
      GDateTime *created_at, *expires_at;
      Due *item;

      live = cockpit_package_get_environment (package, COCKPIT_ENVIRONMENT_KIND_LIVE);
      if (live == NULL)
        continue;
      /* NULL too once the backup's removal time has passed. */
      backup = cockpit_rules_live_upgrade_backup (live, now);
      if (backup == NULL || backup_action_running (package))
        continue;
      created_at = cockpit_upgrade_backup_get_created_at (backup);
      expires_at = cockpit_upgrade_backup_get_expires_at (backup);
      if (created_at == NULL || expires_at == NULL)
        continue;

      key = make_key (cockpit_package_get_id (package), created_at);
      if (g_hash_table_contains (self->reminded, key))
        continue;

      remind_at = g_date_time_add (expires_at, -(GTimeSpan) self->hours * G_TIME_SPAN_HOUR);
      if (g_date_time_compare (now, remind_at) < 0)
        {
          if (next_at == NULL || g_date_time_compare (remind_at, next_at) < 0)
            {
              g_clear_pointer (&next_at, g_date_time_unref);
              next_at = g_date_time_ref (remind_at);
            }
          continue;
        }
      if (stale)
        continue;

      /* Another instance of the app may have reminded already. */
      if (!reloaded)
        {
          load_state (self);
          reloaded = TRUE;
          if (g_hash_table_contains (self->reminded, key))
            continue;
        }

      g_hash_table_replace (self->reminded, g_steal_pointer (&key), g_date_time_ref (created_at));
      item = g_new0 (Due, 1);
      item->package = g_object_ref (package);
      item->live = g_object_ref (live);
      item->backup = g_object_ref (backup);
      g_ptr_array_add (due, item);
    }

  /* Recorded before anyone hears of it: a handler that checks again
   * must not remind twice. */
  if (due->len > 0)
    save_state (self, now);

  set_next_at (self, next_at, now);

  for (guint i = 0; i < due->len; i++)
    {
      Due *item = g_ptr_array_index (due, i);

      g_signal_emit (self, signals[REMIND], 0, item->package, item->live, item->backup);
    }
}

static gboolean
timeout_cb (gpointer user_data)
{
  CockpitBackupReminder *self = user_data;

  self->timeout_id = 0;
  evaluate (self);
  return G_SOURCE_REMOVE;
}

static void
plan_now (CockpitBackupReminder *self)
{
  g_autoptr(CockpitBackupReminder) hold = g_object_ref (self);

  g_clear_handle_id (&self->plan_id, g_source_remove);
  watch_packages (self);
  evaluate (self);
}

static gboolean
plan_cb (gpointer user_data)
{
  CockpitBackupReminder *self = user_data;

  self->plan_id = 0;
  plan_now (self);
  return G_SOURCE_REMOVE;
}

/* Changes come in bursts while a refresh merges its data: plan once,
 * when the burst is over. */
static void
plan_soon (CockpitBackupReminder *self)
{
  if (self->plan_id != 0)
    return;
  self->plan_id = g_idle_add (plan_cb, self);
  g_source_set_name_by_id (self->plan_id, "[cockpit] plan backup reminders");
}

/* The object ----------------------------------------------------------------- */

CockpitBackupReminder *
cockpit_backup_reminder_new (CockpitSession *session,
                             const char     *state_path)
{
  CockpitBackupReminder *self;

  g_return_val_if_fail (COCKPIT_IS_SESSION (session), NULL);

  self = g_object_new (COCKPIT_TYPE_BACKUP_REMINDER, "session", session, NULL);
  if (state_path != NULL)
    self->state_path = g_strdup (state_path);
  else
    self->state_path = g_build_filename (g_get_user_state_dir (), "upgrade-cockpit", "reminders.json", NULL);
  load_state (self);

  g_signal_connect_object (cockpit_session_get_packages (session), "items-changed",
                           G_CALLBACK (plan_soon), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::from-cache",
                           G_CALLBACK (plan_soon), self, G_CONNECT_SWAPPED);
  plan_soon (self);

  return self;
}

CockpitSession *
cockpit_backup_reminder_get_session (CockpitBackupReminder *self)
{
  g_return_val_if_fail (COCKPIT_IS_BACKUP_REMINDER (self), NULL);

  return self->session;
}

guint
cockpit_backup_reminder_get_hours (CockpitBackupReminder *self)
{
  g_return_val_if_fail (COCKPIT_IS_BACKUP_REMINDER (self), 0);

  return self->hours;
}

void
cockpit_backup_reminder_set_hours (CockpitBackupReminder *self,
                                   guint                  hours)
{
  g_return_if_fail (COCKPIT_IS_BACKUP_REMINDER (self));
  g_return_if_fail (hours <= MAX_HOURS);

  if (self->hours == hours)
    return;

  self->hours = hours;
  plan_soon (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOURS]);
}

void
cockpit_backup_reminder_set_clock (CockpitBackupReminder *self,
                                   CockpitClockFunc       func,
                                   gpointer               data,
                                   GDestroyNotify         destroy)
{
  g_return_if_fail (COCKPIT_IS_BACKUP_REMINDER (self));

  if (self->clock_destroy != NULL)
    self->clock_destroy (self->clock_data);
  self->clock = func;
  self->clock_data = data;
  self->clock_destroy = destroy;
  plan_soon (self);
}

void
cockpit_backup_reminder_check (CockpitBackupReminder *self)
{
  g_return_if_fail (COCKPIT_IS_BACKUP_REMINDER (self));

  plan_now (self);
}

GDateTime *
cockpit_backup_reminder_get_next_at (CockpitBackupReminder *self)
{
  g_return_val_if_fail (COCKPIT_IS_BACKUP_REMINDER (self), NULL);

  return self->next_at;
}

static void
cockpit_backup_reminder_dispose (GObject *object)
{
  CockpitBackupReminder *self = COCKPIT_BACKUP_REMINDER (object);

  g_clear_handle_id (&self->plan_id, g_source_remove);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  unwatch_all (self);
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (cockpit_session_get_packages (self->session), self);
      g_signal_handlers_disconnect_by_data (self->session, self);
    }
  g_clear_object (&self->session);
  if (self->clock_destroy != NULL)
    self->clock_destroy (self->clock_data);
  self->clock = NULL;
  self->clock_data = NULL;
  self->clock_destroy = NULL;

  G_OBJECT_CLASS (cockpit_backup_reminder_parent_class)->dispose (object);
}

static void
cockpit_backup_reminder_finalize (GObject *object)
{
  CockpitBackupReminder *self = COCKPIT_BACKUP_REMINDER (object);

  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->reminded, g_hash_table_unref);
  g_clear_pointer (&self->next_at, g_date_time_unref);
  g_clear_pointer (&self->state_path, g_free);

  G_OBJECT_CLASS (cockpit_backup_reminder_parent_class)->finalize (object);
}

static void
cockpit_backup_reminder_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CockpitBackupReminder *self = COCKPIT_BACKUP_REMINDER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_HOURS:
      g_value_set_uint (value, self->hours);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_backup_reminder_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CockpitBackupReminder *self = COCKPIT_BACKUP_REMINDER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_HOURS:
      cockpit_backup_reminder_set_hours (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_backup_reminder_class_init (CockpitBackupReminderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cockpit_backup_reminder_dispose;
  object_class->finalize = cockpit_backup_reminder_finalize;
  object_class->get_property = cockpit_backup_reminder_get_property;
  object_class->set_property = cockpit_backup_reminder_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, COCKPIT_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOURS] =
    g_param_spec_uint ("hours", NULL, NULL, 0, MAX_HOURS, DEFAULT_HOURS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CockpitBackupReminder::remind:
   * @package: the package
   * @live: its Live environment
   * @backup: the upgrade backup whose removal is near
   *
   * Emitted once per backup, when its removal is "hours" away or less.
   */
  signals[REMIND] =
    g_signal_new ("remind",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  COCKPIT_TYPE_PACKAGE,
                  COCKPIT_TYPE_ENVIRONMENT,
                  COCKPIT_TYPE_UPGRADE_BACKUP);
}

static void
cockpit_backup_reminder_init (CockpitBackupReminder *self)
{
  self->hours = DEFAULT_HOURS;
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->reminded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_date_time_unref);
}

guint
cockpit_backup_reminder_reload_state (CockpitBackupReminder *self)
{
  g_return_val_if_fail (COCKPIT_IS_BACKUP_REMINDER (self), 0);

  g_hash_table_remove_all (self->reminded);
  load_state (self);
  return g_hash_table_size (self->reminded);
}
