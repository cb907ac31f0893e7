/* cockpit-sim-state.c: the simulator's data, its JSON answers and its state file.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cockpit-json.h"
#include "cockpit-sim-state.h"

#define STATE_FORMAT "upgrade-cockpit-simulator-state"
#define STATE_FORMAT_VERSION 1

/* Construction and destruction */

static void
release_free (gpointer data)
{
  CockpitSimRelease *release = data;

  g_free (release->version);
  g_free (release->release_notes_url);
  g_free (release);
}

static void
upgrade_backup_clear (CockpitSimUpgradeBackup *backup)
{
  g_clear_pointer (&backup->from_version, g_free);
  g_clear_pointer (&backup->to_version, g_free);
  backup->created_at = backup->expires_at = backup->max_expires_at = 0;
  backup->extended = FALSE;
}

static void
environment_free (gpointer data)
{
  CockpitSimEnvironment *env = data;

  g_free (env->id);
  g_free (env->version);
  g_free (env->url);
  upgrade_backup_clear (&env->upgrade_backup);
  g_free (env->backup_id);
  g_free (env->backup_version);
  g_free (env);
}

void
cockpit_sim_action_free (CockpitSimAction *action)
{
  if (action == NULL)
    return;

  g_free (action->id);
  g_free (action->package_id);
  g_free (action->environment_id);
  g_free (action->target_version);
  g_free (action->from_version);
  g_free (action->requested_by);
  g_free (action->error_code);
  g_free (action->error_message);
  g_free (action);
}

static void
entry_free (gpointer data)
{
  CockpitSimEntry *entry = data;

  g_free (entry->activity);
  g_free (entry->action_id);
  g_free (entry->folded);
  g_free (entry);
}

static void
package_free (gpointer data)
{
  CockpitSimPackage *package = data;

  g_free (package->id);
  g_free (package->name);
  g_free (package->maintenance_message);
  g_ptr_array_unref (package->environments);
  g_ptr_array_unref (package->actions);
  g_ptr_array_unref (package->activity);
  g_free (package);
}

static void
notification_free (gpointer data)
{
  CockpitSimNotification *notification = data;

  g_free (notification->id);
  g_free (notification->title);
  g_free (notification->body);
  g_free (notification->package_id);
  g_free (notification);
}

void
cockpit_sim_idempotency_record_free (CockpitSimIdempotencyRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->key);
  g_free (record->fingerprint);
  g_free (record->location);
  g_free (record->body);
  g_free (record);
}

CockpitSimState *
cockpit_sim_state_new (void)
{
  CockpitSimState *state = g_new0 (CockpitSimState, 1);

  state->next_action = 1;
  state->releases = g_ptr_array_new_with_free_func (release_free);
  state->packages = g_ptr_array_new_with_free_func (package_free);
  state->actions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) cockpit_sim_action_free);
  state->notifications = g_ptr_array_new_with_free_func (notification_free);
  state->fail_next = g_array_new (FALSE, FALSE, sizeof (CockpitStageName));
  state->idempotency = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) cockpit_sim_idempotency_record_free);
  return state;
}

void
cockpit_sim_state_free (CockpitSimState *state)
{
  if (state == NULL)
    return;

  /* Packages borrow the actions, so they go first. */
  g_ptr_array_unref (state->packages);
  g_hash_table_unref (state->actions);
  g_ptr_array_unref (state->releases);
  g_ptr_array_unref (state->notifications);
  g_array_unref (state->fail_next);
  g_hash_table_unref (state->idempotency);
  g_free (state);
}

CockpitSimRelease *
cockpit_sim_state_add_release (CockpitSimState *state,
                               const char      *version,
                               gboolean         lts,
                               gint64           released_at)
{
  CockpitSimRelease *release;
  CockpitVersion parsed;
  g_autofree char *branch = NULL;

  if (!cockpit_version_parse (version, &parsed, NULL))
    g_return_val_if_reached (NULL);

  branch = cockpit_version_branch (&parsed);
  release = g_new0 (CockpitSimRelease, 1);
  release->version = g_strdup (version);
  release->parsed = parsed;
  release->lts = lts;
  release->released_at = released_at;
  release->release_notes_url =
    g_strdup_printf ("https://docs.magnolia-cms.com/product-docs/%s/releases/release-notes-for-magnolia-cms-%s/",
                     branch, version);
  g_ptr_array_add (state->releases, release);
  return release;
}

static int
compare_releases (gconstpointer a,
                  gconstpointer b)
{
  const CockpitSimRelease *ra = *(const CockpitSimRelease **) a;
  const CockpitSimRelease *rb = *(const CockpitSimRelease **) b;

  return -cockpit_version_compare (&ra->parsed, &rb->parsed);
}

void
cockpit_sim_state_sort_releases (CockpitSimState *state)
{
  g_ptr_array_sort (state->releases, compare_releases);
}

CockpitSimPackage *
cockpit_sim_state_add_package (CockpitSimState *state,
                               const char      *id,
                               const char      *name)
{
  CockpitSimPackage *package = g_new0 (CockpitSimPackage, 1);

  package->id = g_strdup (id);
  package->name = g_strdup (name);
  package->environments = g_ptr_array_new_with_free_func (environment_free);
  package->actions = g_ptr_array_new ();
  package->activity = g_ptr_array_new_with_free_func (entry_free);
  g_ptr_array_add (state->packages, package);
  return package;
}

CockpitSimEnvironment *
cockpit_sim_package_add_environment (CockpitSimPackage     *package,
                                     CockpitEnvironmentKind kind,
                                     const char            *version,
                                     const char            *url)
{
  CockpitSimEnvironment *env = g_new0 (CockpitSimEnvironment, 1);

  env->id = g_strdup_printf ("%s-%s", package->id,
                             cockpit_enum_to_string (COCKPIT_TYPE_ENVIRONMENT_KIND, kind));
  env->kind = kind;
  env->version = g_strdup (version);
  env->url = version != NULL ? g_strdup (url) : NULL;
  env->state = version != NULL ? COCKPIT_ENVIRONMENT_STATE_RUNNING
                               : COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP;
  g_ptr_array_add (package->environments, env);
  return env;
}

CockpitSimEntry *
cockpit_sim_package_add_entry (CockpitSimPackage     *package,
                               CockpitEntryType       type,
                               CockpitEnvironmentKind affects,
                               gint64                 started_at,
                               gint64                 finished_at,
                               const char            *activity,
                               const char            *by,
                               const char            *bundle,
                               const char            *action_id)
{
  CockpitSimEntry *entry = g_new0 (CockpitSimEntry, 1);

  entry->number = package->activity->len + 1;
  entry->type = type;
  entry->affects = affects;
  entry->at = finished_at;
  entry->started_at = started_at;
  entry->finished_at = finished_at;
  entry->activity = g_strdup (activity);
  entry->by = g_intern_string (by);
  entry->bundle = g_intern_string (bundle);
  entry->action_id = g_strdup (action_id);
  g_ptr_array_add (package->activity, entry);
  return entry;
}

CockpitSimNotification *
cockpit_sim_state_add_notification (CockpitSimState *state,
                                    CockpitSeverity  severity,
                                    const char      *title,
                                    const char      *body,
                                    const char      *package_id,
                                    gint64           received_at,
                                    gboolean         read,
                                    gboolean         archived)
{
  CockpitSimNotification *notification = g_new0 (CockpitSimNotification, 1);

  notification->id = g_strdup_printf ("ntf-%u", state->notifications->len + 1);
  notification->severity = severity;
  notification->title = g_strdup (title);
  notification->body = g_strdup (body);
  notification->package_id = g_strdup (package_id);
  notification->received_at = received_at;
  notification->read = read;
  notification->archived = archived;
  g_ptr_array_add (state->notifications, notification);
  return notification;
}

void
cockpit_sim_state_add_action (CockpitSimState  *state,
                              CockpitSimAction *action)
{
  CockpitSimPackage *package = cockpit_sim_state_find_package (state, action->package_id);

  g_return_if_fail (package != NULL);

  g_hash_table_insert (state->actions, action->id, action);
  g_ptr_array_add (package->actions, action);
  if (action->status == COCKPIT_ACTION_STATUS_RUNNING)
    package->running = action;
}

/* Look-ups */

CockpitSimPackage *
cockpit_sim_state_find_package (CockpitSimState *state,
                                const char      *id)
{
  for (guint i = 0; i < state->packages->len; i++)
    {
      CockpitSimPackage *package = g_ptr_array_index (state->packages, i);

      if (g_strcmp0 (package->id, id) == 0)
        return package;
    }
  return NULL;
}

CockpitSimEnvironment *
cockpit_sim_package_find_environment (CockpitSimPackage *package,
                                      const char        *id)
{
  for (guint i = 0; i < package->environments->len; i++)
    {
      CockpitSimEnvironment *env = g_ptr_array_index (package->environments, i);

      if (g_strcmp0 (env->id, id) == 0)
        return env;
    }
  return NULL;
}

CockpitSimEnvironment *
cockpit_sim_package_find_kind (CockpitSimPackage     *package,
                               CockpitEnvironmentKind kind)
{
  for (guint i = 0; i < package->environments->len; i++)
    {
      CockpitSimEnvironment *env = g_ptr_array_index (package->environments, i);

      if (env->kind == kind)
        return env;
    }
  return NULL;
}

CockpitSimRelease *
cockpit_sim_state_find_release (CockpitSimState *state,
                                const char      *version)
{
  for (guint i = 0; i < state->releases->len; i++)
    {
      CockpitSimRelease *release = g_ptr_array_index (state->releases, i);

      if (g_strcmp0 (release->version, version) == 0)
        return release;
    }
  return NULL;
}

CockpitSimNotification *
cockpit_sim_state_find_notification (CockpitSimState *state,
                                     const char      *id)
{
  for (guint i = 0; i < state->notifications->len; i++)
    {
      CockpitSimNotification *notification = g_ptr_array_index (state->notifications, i);

      if (g_strcmp0 (notification->id, id) == 0)
        return notification;
    }
  return NULL;
}

const char *
cockpit_sim_entry_get_folded (CockpitSimEntry *entry)
{
  if (entry->folded == NULL)
    {
      g_autofree char *text = g_strconcat (entry->activity, "\n", entry->by, "\n",
                                           entry->bundle ? entry->bundle : "", NULL);

      entry->folded = g_utf8_casefold (text, -1);
    }
  return entry->folded;
}

/* Texts */

const char *
cockpit_sim_kind_name (CockpitEnvironmentKind kind)
{
  switch (kind)
    {
    case COCKPIT_ENVIRONMENT_KIND_LIVE:
      return "Live";
    case COCKPIT_ENVIRONMENT_KIND_UAT:
      return "UAT";
    case COCKPIT_ENVIRONMENT_KIND_INTEGRATION:
      return "Integration";
    case COCKPIT_ENVIRONMENT_KIND_NONE:
    default:
      return "";
    }
}

const char *
cockpit_sim_kind_upper (CockpitEnvironmentKind kind)
{
  switch (kind)
    {
    case COCKPIT_ENVIRONMENT_KIND_LIVE:
      return "LIVE";
    case COCKPIT_ENVIRONMENT_KIND_UAT:
      return "UAT";
    case COCKPIT_ENVIRONMENT_KIND_INTEGRATION:
      return "INTEGRATION";
    case COCKPIT_ENVIRONMENT_KIND_NONE:
    default:
      return "";
    }
}

char *
cockpit_sim_bundle_name (const char *version)
{
  if (version == NULL)
    return NULL;
  return g_strconcat ("magnolia-dx-core-cloud-webapp-", version, NULL);
}

char *
cockpit_sim_format_time (gint64 time)
{
  g_autoptr(GDateTime) dt = NULL;
  gint64 seconds = time / G_USEC_PER_SEC;

  if (time < 0 && time % G_USEC_PER_SEC != 0)
    seconds--;
  dt = g_date_time_new_from_unix_utc (seconds);
  if (dt == NULL)
    return g_strdup ("1970-01-01T00:00:00Z");
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

/* The contract's JSON */

static void
add_time (JsonBuilder *builder,
          const char  *name,
          gint64       time)
{
  json_builder_set_member_name (builder, name);
  if (time == 0)
    json_builder_add_null_value (builder);
  else
    {
      g_autofree char *text = cockpit_sim_format_time (time);

      json_builder_add_string_value (builder, text);
    }
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_enum (JsonBuilder *builder,
          const char  *name,
          GType        type,
          int          value)
{
  add_string (builder, name, cockpit_enum_to_string (type, value));
}

static void
add_bool (JsonBuilder *builder,
          const char  *name,
          gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

static char *
describe_running (CockpitSimPackage *package)
{
  CockpitSimAction *action = package->running;
  CockpitSimEnvironment *env = cockpit_sim_package_find_environment (package, action->environment_id);
  const char *name = cockpit_sim_kind_name (env ? env->kind : COCKPIT_ENVIRONMENT_KIND_NONE);

  switch (action->kind)
    {
    case COCKPIT_ACTION_KIND_UPGRADE:
      return g_strdup_printf ("Upgrading %s to %s (stage %u of %u).", name,
                              action->target_version, action->current + 1, action->n_stages);
    case COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP:
      return g_strdup_printf ("Extending the upgrade backup of %s.", name);
    case COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP:
      return g_strdup_printf ("Deleting the upgrade backup of %s.", name);
    case COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP:
      return g_strdup_printf ("Restoring %s from its upgrade backup.", name);
    case COCKPIT_ACTION_KIND_CREATE_BACKUP:
      return g_strdup_printf ("Backing up %s.", name);
    case COCKPIT_ACTION_KIND_TEARDOWN:
      return g_strdup_printf ("Tearing down %s.", name);
    default:
      return g_strdup ("Working.");
    }
}

JsonNode *
cockpit_sim_package_to_json (CockpitSimPackage *package,
                             gint64             now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *status_text = NULL;

  if (package->maintenance_message != NULL)
    status_text = g_strdup ("In maintenance mode: view only.");
  else if (package->running != NULL)
    status_text = describe_running (package);
  else
    status_text = g_strdup ("All environments are in order.");

  json_builder_begin_object (builder);
  add_string (builder, "id", package->id);
  add_string (builder, "name", package->name);
  add_enum (builder, "status", COCKPIT_TYPE_PACKAGE_STATUS,
            package->maintenance_message ? COCKPIT_PACKAGE_STATUS_MAINTENANCE
                                         : COCKPIT_PACKAGE_STATUS_OK);
  add_string (builder, "status_text", status_text);
  add_string (builder, "maintenance_message", package->maintenance_message);
  json_builder_set_member_name (builder, "running_action");
  if (package->running == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_value (builder, cockpit_sim_action_to_json (package->running, now));
  json_builder_set_member_name (builder, "environments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < package->environments->len; i++)
    json_builder_add_value (builder,
                            cockpit_sim_environment_to_json (package,
                                                             g_ptr_array_index (package->environments, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
cockpit_sim_environment_to_json (CockpitSimPackage     *package,
                                 CockpitSimEnvironment *env)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *bundle = cockpit_sim_bundle_name (env->version);

  json_builder_begin_object (builder);
  add_string (builder, "id", env->id);
  add_string (builder, "package_id", package->id);
  add_enum (builder, "kind", COCKPIT_TYPE_ENVIRONMENT_KIND, env->kind);
  add_string (builder, "name", cockpit_sim_kind_name (env->kind));
  add_string (builder, "magnolia_version", env->version);
  add_string (builder, "bundle", bundle);
  add_enum (builder, "state", COCKPIT_TYPE_ENVIRONMENT_STATE, env->state);
  add_string (builder, "url", env->url);
  add_bool (builder, "protected", env->protected_);
  add_time (builder, "last_upgraded_at", env->last_upgraded_at);

  json_builder_set_member_name (builder, "upgrade_backup");
  if (env->upgrade_backup.from_version == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      add_string (builder, "from_version", env->upgrade_backup.from_version);
      add_string (builder, "to_version", env->upgrade_backup.to_version);
      add_time (builder, "created_at", env->upgrade_backup.created_at);
      add_time (builder, "expires_at", env->upgrade_backup.expires_at);
      add_time (builder, "max_expires_at", env->upgrade_backup.max_expires_at);
      add_bool (builder, "extended", env->upgrade_backup.extended);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "latest_manual_backup");
  if (env->backup_id == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      add_string (builder, "id", env->backup_id);
      add_time (builder, "created_at", env->backup_created_at);
      add_string (builder, "magnolia_version", env->backup_version);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

double
cockpit_sim_action_get_progress (CockpitSimAction *action,
                                 gint64            now)
{
  double done;

  if (action->n_stages == 0 || action->status == COCKPIT_ACTION_STATUS_SUCCEEDED)
    return 1.0;

  done = action->current;
  if (action->status == COCKPIT_ACTION_STATUS_RUNNING && action->stage_duration > 0)
    {
      gint64 elapsed = now - action->stages[action->current].started_at;

      done += CLAMP ((double) elapsed / (double) action->stage_duration, 0.0, 1.0);
    }
  return CLAMP (done / action->n_stages, 0.0, 1.0);
}

JsonNode *
cockpit_sim_action_to_json (CockpitSimAction *action,
                            gint64            now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  add_string (builder, "id", action->id);
  add_string (builder, "package_id", action->package_id);
  add_string (builder, "environment_id", action->environment_id);
  add_enum (builder, "kind", COCKPIT_TYPE_ACTION_KIND, action->kind);

  json_builder_set_member_name (builder, "params");
  json_builder_begin_object (builder);
  if (action->kind == COCKPIT_ACTION_KIND_UPGRADE)
    {
      add_string (builder, "target_version", action->target_version);
      add_string (builder, "from_version", action->from_version);
    }
  else if (action->kind == COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP)
    add_time (builder, "expires_at", action->expires_at);
  else if (action->kind == COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP)
    add_string (builder, "from_version", action->from_version);
  json_builder_end_object (builder);

  add_enum (builder, "status", COCKPIT_TYPE_ACTION_STATUS, action->status);
  json_builder_set_member_name (builder, "stage");
  if (action->status == COCKPIT_ACTION_STATUS_SUCCEEDED)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder,
                                   cockpit_enum_to_string (COCKPIT_TYPE_STAGE_NAME,
                                                           action->stages[action->current].name));

  json_builder_set_member_name (builder, "stages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < action->n_stages; i++)
    {
      const CockpitSimStage *stage = &action->stages[i];

      json_builder_begin_object (builder);
      add_enum (builder, "name", COCKPIT_TYPE_STAGE_NAME, stage->name);
      add_enum (builder, "status", COCKPIT_TYPE_STAGE_STATUS, stage->status);
      add_time (builder, "started_at", stage->started_at);
      add_time (builder, "finished_at", stage->finished_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "progress");
  json_builder_add_double_value (builder, cockpit_sim_action_get_progress (action, now));
  add_string (builder, "requested_by", action->requested_by);
  add_time (builder, "created_at", action->created_at);
  add_time (builder, "finished_at", action->finished_at);

  json_builder_set_member_name (builder, "error");
  if (action->error_code == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      add_string (builder, "code", action->error_code);
      add_string (builder, "message", action->error_message);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
cockpit_sim_release_to_json (CockpitSimRelease *release)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *branch = cockpit_version_branch (&release->parsed);

  json_builder_begin_object (builder);
  add_string (builder, "version", release->version);
  add_string (builder, "branch", branch);
  add_bool (builder, "lts", release->lts);
  add_time (builder, "released_at", release->released_at);
  add_string (builder, "release_notes_url", release->release_notes_url);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
cockpit_sim_entry_to_json (CockpitSimPackage *package,
                           CockpitSimEntry   *entry)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *id = g_strdup_printf ("ent-%s-%u", package->id, entry->number);

  json_builder_begin_object (builder);
  add_string (builder, "id", id);
  add_time (builder, "at", entry->at);
  add_enum (builder, "type", COCKPIT_TYPE_ENTRY_TYPE, entry->type);
  add_string (builder, "activity", entry->activity);
  add_enum (builder, "affects", COCKPIT_TYPE_ENVIRONMENT_KIND, entry->affects);
  add_string (builder, "by", entry->by);
  add_time (builder, "started_at", entry->started_at);
  add_time (builder, "finished_at", entry->finished_at);
  add_string (builder, "bundle", entry->bundle);
  add_string (builder, "action_id", entry->action_id);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
cockpit_sim_notification_to_json (CockpitSimNotification *notification)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  add_string (builder, "id", notification->id);
  add_enum (builder, "severity", COCKPIT_TYPE_SEVERITY, notification->severity);
  add_string (builder, "title", notification->title);
  add_string (builder, "body", notification->body);
  add_string (builder, "package_id", notification->package_id);
  add_time (builder, "received_at", notification->received_at);
  add_bool (builder, "read", notification->read);
  add_bool (builder, "archived", notification->archived);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The state file.  Times are integers (microseconds), so that nothing is
 * lost to rounding; enums are the contract's strings. */

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
write_environment (JsonBuilder           *builder,
                   CockpitSimEnvironment *env)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", env->id);
  add_enum (builder, "kind", COCKPIT_TYPE_ENVIRONMENT_KIND, env->kind);
  add_enum (builder, "state", COCKPIT_TYPE_ENVIRONMENT_STATE, env->state);
  add_string (builder, "version", env->version);
  add_string (builder, "url", env->url);
  add_bool (builder, "protected", env->protected_);
  add_int (builder, "last_upgraded_at", env->last_upgraded_at);
  json_builder_set_member_name (builder, "upgrade_backup");
  if (env->upgrade_backup.from_version == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      add_string (builder, "from_version", env->upgrade_backup.from_version);
      add_string (builder, "to_version", env->upgrade_backup.to_version);
      add_int (builder, "created_at", env->upgrade_backup.created_at);
      add_int (builder, "expires_at", env->upgrade_backup.expires_at);
      add_int (builder, "max_expires_at", env->upgrade_backup.max_expires_at);
      add_bool (builder, "extended", env->upgrade_backup.extended);
      json_builder_end_object (builder);
    }
  add_string (builder, "backup_id", env->backup_id);
  add_int (builder, "backup_created_at", env->backup_created_at);
  add_string (builder, "backup_version", env->backup_version);
  json_builder_end_object (builder);
}

static void
write_action (JsonBuilder      *builder,
              CockpitSimAction *action)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", action->id);
  add_string (builder, "package_id", action->package_id);
  add_string (builder, "environment_id", action->environment_id);
  add_enum (builder, "kind", COCKPIT_TYPE_ACTION_KIND, action->kind);
  add_string (builder, "target_version", action->target_version);
  add_string (builder, "from_version", action->from_version);
  add_int (builder, "expires_at", action->expires_at);
  add_enum (builder, "status", COCKPIT_TYPE_ACTION_STATUS, action->status);
  add_int (builder, "current", action->current);
  add_int (builder, "stage_duration", action->stage_duration);
  add_int (builder, "fail_stage", action->fail_stage);
  add_string (builder, "requested_by", action->requested_by);
  add_int (builder, "created_at", action->created_at);
  add_int (builder, "finished_at", action->finished_at);
  add_string (builder, "error_code", action->error_code);
  add_string (builder, "error_message", action->error_message);
  json_builder_set_member_name (builder, "stages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < action->n_stages; i++)
    {
      json_builder_begin_object (builder);
      add_enum (builder, "name", COCKPIT_TYPE_STAGE_NAME, action->stages[i].name);
      add_enum (builder, "status", COCKPIT_TYPE_STAGE_STATUS, action->stages[i].status);
      add_int (builder, "started_at", action->stages[i].started_at);
      add_int (builder, "finished_at", action->stages[i].finished_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
write_entry (JsonBuilder     *builder,
             CockpitSimEntry *entry)
{
  json_builder_begin_object (builder);
  add_enum (builder, "type", COCKPIT_TYPE_ENTRY_TYPE, entry->type);
  add_enum (builder, "affects", COCKPIT_TYPE_ENVIRONMENT_KIND, entry->affects);
  add_int (builder, "at", entry->at);
  add_int (builder, "started_at", entry->started_at);
  add_int (builder, "finished_at", entry->finished_at);
  add_string (builder, "activity", entry->activity);
  add_string (builder, "by", entry->by);
  add_string (builder, "bundle", entry->bundle);
  add_string (builder, "action_id", entry->action_id);
  json_builder_end_object (builder);
}

char *
cockpit_sim_state_serialize (CockpitSimState *state,
                             gsize           *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GHashTableIter iter;
  gpointer value;

  json_builder_begin_object (builder);
  add_string (builder, "format", STATE_FORMAT);
  add_int (builder, "format_version", STATE_FORMAT_VERSION);
  add_int (builder, "clock_offset", state->clock_offset);
  add_int (builder, "processed_until", state->processed_until);
  add_int (builder, "next_action", state->next_action);

  json_builder_set_member_name (builder, "releases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < state->releases->len; i++)
    {
      CockpitSimRelease *release = g_ptr_array_index (state->releases, i);

      json_builder_begin_object (builder);
      add_string (builder, "version", release->version);
      add_bool (builder, "lts", release->lts);
      add_int (builder, "released_at", release->released_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "packages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < state->packages->len; i++)
    {
      CockpitSimPackage *package = g_ptr_array_index (state->packages, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", package->id);
      add_string (builder, "name", package->name);
      add_string (builder, "maintenance_message", package->maintenance_message);
      json_builder_set_member_name (builder, "environments");
      json_builder_begin_array (builder);
      for (guint j = 0; j < package->environments->len; j++)
        write_environment (builder, g_ptr_array_index (package->environments, j));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "actions");
      json_builder_begin_array (builder);
      for (guint j = 0; j < package->actions->len; j++)
        write_action (builder, g_ptr_array_index (package->actions, j));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "activity");
      json_builder_begin_array (builder);
      for (guint j = 0; j < package->activity->len; j++)
        write_entry (builder, g_ptr_array_index (package->activity, j));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "notifications");
  json_builder_begin_array (builder);
  for (guint i = 0; i < state->notifications->len; i++)
    {
      CockpitSimNotification *n = g_ptr_array_index (state->notifications, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", n->id);
      add_enum (builder, "severity", COCKPIT_TYPE_SEVERITY, n->severity);
      add_string (builder, "title", n->title);
      add_string (builder, "body", n->body);
      add_string (builder, "package_id", n->package_id);
      add_int (builder, "received_at", n->received_at);
      add_bool (builder, "read", n->read);
      add_bool (builder, "archived", n->archived);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "fail_next");
  json_builder_begin_array (builder);
  for (guint i = 0; i < state->fail_next->len; i++)
    json_builder_add_string_value (builder,
                                   cockpit_enum_to_string (COCKPIT_TYPE_STAGE_NAME,
                                                           g_array_index (state->fail_next, CockpitStageName, i)));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "idempotency");
  json_builder_begin_array (builder);
  g_hash_table_iter_init (&iter, state->idempotency);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CockpitSimIdempotencyRecord *record = value;

      json_builder_begin_object (builder);
      add_string (builder, "key", record->key);
      add_string (builder, "fingerprint", record->fingerprint);
      add_int (builder, "at", record->at);
      add_int (builder, "status", record->status);
      add_string (builder, "location", record->location);
      add_string (builder, "body", record->body);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, length);
}

/* Reading the state file.  The first problem is kept in the loader and
 * every later read returns a default, so the code reads straight through
 * and checks once at the end. */

typedef struct {
  GError *error;
} Loader;

static void
loader_fail (Loader     *loader,
             const char *name,
             const char *problem)
{
  if (loader->error == NULL)
    loader->error = g_error_new (COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE,
                                 "The state file is damaged: “%s” %s", name, problem);
}

static JsonNode *
ld_member (Loader     *loader,
           JsonObject *object,
           const char *name)
{
  JsonNode *node;

  if (loader->error != NULL || object == NULL)
    return NULL;
  node = json_object_get_member (object, name);
  if (node == NULL)
    loader_fail (loader, name, "is missing");
  return node;
}

static const char *
ld_string (Loader     *loader,
           JsonObject *object,
           const char *name,
           gboolean    nullable)
{
  JsonNode *node = ld_member (loader, object, name);

  if (node == NULL)
    return NULL;
  if (nullable && JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      loader_fail (loader, name, "is not a string");
      return NULL;
    }
  return json_node_get_string (node);
}

static gint64
ld_int (Loader     *loader,
        JsonObject *object,
        const char *name)
{
  JsonNode *node = ld_member (loader, object, name);

  if (node == NULL)
    return 0;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      loader_fail (loader, name, "is not an integer");
      return 0;
    }
  return json_node_get_int (node);
}

/* Every number of the state file is checked against the range it can
 * take, so that a hostile or damaged file is refused in words instead of
 * overflowing later, when the clock is added to the real time. */

/* 9999-12-31T23:59:59Z, the last second GDateTime holds, in µs. */
#define MAX_TIME  (G_GINT64_CONSTANT (253402300799) * G_USEC_PER_SEC)
/* The simulated clock may run up to a thousand years ahead of (or behind)
 * the real time: far more than any test or demo moves it, far less than
 * what could overflow. */
#define MAX_CLOCK_OFFSET  COCKPIT_SIM_MAX_CLOCK_OFFSET
/* A stage of a simulated action lasts at most a year. */
#define MAX_STAGE_DURATION  (G_GINT64_CONSTANT (366) * 24 * 3600 * G_USEC_PER_SEC)

static gint64
ld_ranged (Loader     *loader,
           JsonObject *object,
           const char *name,
           gint64      min,
           gint64      max)
{
  gint64 value = ld_int (loader, object, name);

  if (loader->error != NULL)
    return 0;
  if (value < min || value > max)
    {
      loader_fail (loader, name, "is out of range");
      return 0;
    }
  return value;
}

/* A point in time in µs since 1970, or 0 for "none". */
static gint64
ld_time (Loader     *loader,
         JsonObject *object,
         const char *name)
{
  return ld_ranged (loader, object, name, 0, MAX_TIME);
}

static gboolean
ld_bool (Loader     *loader,
         JsonObject *object,
         const char *name)
{
  JsonNode *node = ld_member (loader, object, name);

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      loader_fail (loader, name, "is not a boolean");
      return FALSE;
    }
  return json_node_get_boolean (node);
}

static int
ld_enum (Loader     *loader,
         JsonObject *object,
         const char *name,
         GType       type,
         gboolean    nullable)
{
  const char *text = ld_string (loader, object, name, nullable);
  int value = 0;

  if (text == NULL)
    return 0;
  if (!cockpit_enum_from_string (type, text, &value))
    loader_fail (loader, name, "has an unknown value");
  return value;
}

static JsonArray *
ld_array (Loader     *loader,
          JsonObject *object,
          const char *name)
{
  JsonNode *node = ld_member (loader, object, name);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      loader_fail (loader, name, "is not an array");
      return NULL;
    }
  return json_node_get_array (node);
}

static guint
ld_length (JsonArray *array)
{
  return array != NULL ? json_array_get_length (array) : 0;
}

static JsonObject *
ld_element (Loader     *loader,
            JsonArray  *array,
            guint       index,
            const char *name)
{
  JsonNode *node;

  if (loader->error != NULL)
    return NULL;
  node = json_array_get_element (array, index);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      loader_fail (loader, name, "holds something that is not an object");
      return NULL;
    }
  return json_node_get_object (node);
}

static void
read_environment (Loader            *loader,
                  CockpitSimPackage *package,
                  JsonObject        *object)
{
  CockpitSimEnvironment *env;
  JsonNode *backup;
  CockpitEnvironmentKind kind;

  kind = ld_enum (loader, object, "kind", COCKPIT_TYPE_ENVIRONMENT_KIND, FALSE);
  if (loader->error != NULL)
    return;

  env = cockpit_sim_package_add_environment (package, kind, NULL, NULL);
  g_free (env->id);
  env->id = g_strdup (ld_string (loader, object, "id", FALSE));
  env->state = ld_enum (loader, object, "state", COCKPIT_TYPE_ENVIRONMENT_STATE, FALSE);
  env->version = g_strdup (ld_string (loader, object, "version", TRUE));
  env->url = g_strdup (ld_string (loader, object, "url", TRUE));
  env->protected_ = ld_bool (loader, object, "protected");
  env->last_upgraded_at = ld_time (loader, object, "last_upgraded_at");
  backup = ld_member (loader, object, "upgrade_backup");
  if (backup != NULL && JSON_NODE_HOLDS_OBJECT (backup))
    {
      JsonObject *b = json_node_get_object (backup);

      env->upgrade_backup.from_version = g_strdup (ld_string (loader, b, "from_version", FALSE));
      env->upgrade_backup.to_version = g_strdup (ld_string (loader, b, "to_version", FALSE));
      env->upgrade_backup.created_at = ld_time (loader, b, "created_at");
      env->upgrade_backup.expires_at = ld_time (loader, b, "expires_at");
      env->upgrade_backup.max_expires_at = ld_time (loader, b, "max_expires_at");
      env->upgrade_backup.extended = ld_bool (loader, b, "extended");
    }
  else if (backup != NULL && !JSON_NODE_HOLDS_NULL (backup))
    loader_fail (loader, "upgrade_backup", "is not an object");
  env->backup_id = g_strdup (ld_string (loader, object, "backup_id", TRUE));
  env->backup_created_at = ld_time (loader, object, "backup_created_at");
  env->backup_version = g_strdup (ld_string (loader, object, "backup_version", TRUE));
  if (loader->error == NULL && env->id == NULL)
    loader_fail (loader, "id", "is missing");
}

static void
read_action (Loader          *loader,
             CockpitSimState *state,
             JsonObject      *object)
{
  CockpitSimAction *action = g_new0 (CockpitSimAction, 1);
  JsonArray *stages;

  action->id = g_strdup (ld_string (loader, object, "id", FALSE));
  action->package_id = g_strdup (ld_string (loader, object, "package_id", FALSE));
  action->environment_id = g_strdup (ld_string (loader, object, "environment_id", FALSE));
  action->kind = ld_enum (loader, object, "kind", COCKPIT_TYPE_ACTION_KIND, FALSE);
  action->target_version = g_strdup (ld_string (loader, object, "target_version", TRUE));
  action->from_version = g_strdup (ld_string (loader, object, "from_version", TRUE));
  action->expires_at = ld_time (loader, object, "expires_at");
  action->status = ld_enum (loader, object, "status", COCKPIT_TYPE_ACTION_STATUS, FALSE);
  action->current = ld_ranged (loader, object, "current", 0, COCKPIT_SIM_MAX_STAGES - 1);
  action->stage_duration = ld_ranged (loader, object, "stage_duration", 0, MAX_STAGE_DURATION);
  action->fail_stage = ld_ranged (loader, object, "fail_stage", -1, COCKPIT_SIM_MAX_STAGES - 1);
  action->requested_by = g_strdup (ld_string (loader, object, "requested_by", FALSE));
  action->created_at = ld_time (loader, object, "created_at");
  action->finished_at = ld_time (loader, object, "finished_at");
  action->error_code = g_strdup (ld_string (loader, object, "error_code", TRUE));
  action->error_message = g_strdup (ld_string (loader, object, "error_message", TRUE));
  stages = ld_array (loader, object, "stages");
  if (ld_length (stages) > COCKPIT_SIM_MAX_STAGES || (loader->error == NULL && ld_length (stages) == 0))
    loader_fail (loader, "stages", "has a wrong length");
  for (guint i = 0; loader->error == NULL && i < ld_length (stages); i++)
    {
      JsonObject *s = ld_element (loader, stages, i, "stages");

      action->stages[i].name = ld_enum (loader, s, "name", COCKPIT_TYPE_STAGE_NAME, FALSE);
      action->stages[i].status = ld_enum (loader, s, "status", COCKPIT_TYPE_STAGE_STATUS, FALSE);
      action->stages[i].started_at = ld_time (loader, s, "started_at");
      action->stages[i].finished_at = ld_time (loader, s, "finished_at");
      action->n_stages = i + 1;
    }
  if (loader->error == NULL && action->current >= action->n_stages)
    loader_fail (loader, "current", "is out of range");
  if (loader->error == NULL)
    {
      CockpitSimPackage *package = cockpit_sim_state_find_package (state, action->package_id);

      if (package == NULL)
        loader_fail (loader, "package_id", "names no package");
      else if (cockpit_sim_package_find_environment (package, action->environment_id) == NULL)
        loader_fail (loader, "environment_id", "names no environment of the package");
      else if (action->status == COCKPIT_ACTION_STATUS_RUNNING && package->running != NULL)
        loader_fail (loader, "status", "is running beside another running action");
    }
  if (loader->error == NULL && g_hash_table_contains (state->actions, action->id))
    loader_fail (loader, "id", "is not unique");
  if (loader->error != NULL)
    {
      cockpit_sim_action_free (action);
      return;
    }
  cockpit_sim_state_add_action (state, action);
}

static void
read_entry (Loader            *loader,
            CockpitSimPackage *package,
            JsonObject        *object)
{
  CockpitEntryType type;
  CockpitEnvironmentKind affects;
  gint64 started_at, finished_at, at;
  const char *activity, *by, *bundle, *action_id;
  CockpitSimEntry *entry;

  type = ld_enum (loader, object, "type", COCKPIT_TYPE_ENTRY_TYPE, FALSE);
  affects = ld_enum (loader, object, "affects", COCKPIT_TYPE_ENVIRONMENT_KIND, TRUE);
  at = ld_time (loader, object, "at");
  started_at = ld_time (loader, object, "started_at");
  finished_at = ld_time (loader, object, "finished_at");
  activity = ld_string (loader, object, "activity", FALSE);
  by = ld_string (loader, object, "by", FALSE);
  bundle = ld_string (loader, object, "bundle", TRUE);
  action_id = ld_string (loader, object, "action_id", TRUE);
  if (loader->error != NULL)
    return;
  entry = cockpit_sim_package_add_entry (package, type, affects, started_at, finished_at,
                                         activity, by, bundle, action_id);
  entry->at = at;
}

CockpitSimState *
cockpit_sim_state_deserialize (const char  *data,
                               gsize        length,
                               GError     **error)
{
  g_autoptr(CockpitSimState) state = cockpit_sim_state_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  Loader loader = { NULL };
  JsonObject *object;
  JsonArray *array;

  root = cockpit_json_parse (data, length, &local_error);
  if (root == NULL)
    {
      g_set_error (error, COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE,
                   "The state file is damaged: %s", local_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE,
                   "The state file is damaged: it does not hold a JSON object");
      return NULL;
    }
  object = json_node_get_object (root);
  if (g_strcmp0 (ld_string (&loader, object, "format", FALSE), STATE_FORMAT) != 0 ||
      ld_int (&loader, object, "format_version") != STATE_FORMAT_VERSION)
    {
      g_clear_error (&loader.error);
      g_set_error (error, COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE,
                   "The file is not a state file of this simulator version");
      return NULL;
    }

  state->clock_offset = ld_ranged (&loader, object, "clock_offset", -MAX_CLOCK_OFFSET, MAX_CLOCK_OFFSET);
  state->processed_until = ld_ranged (&loader, object, "processed_until", 0, MAX_TIME);
  state->next_action = ld_ranged (&loader, object, "next_action", 0, G_MAXUINT);

  array = ld_array (&loader, object, "releases");
  for (guint i = 0; i < ld_length (array); i++)
    {
      JsonObject *r = ld_element (&loader, array, i, "releases");
      const char *version = ld_string (&loader, r, "version", FALSE);
      gboolean lts = ld_bool (&loader, r, "lts");
      gint64 released_at = ld_time (&loader, r, "released_at");

      if (loader.error == NULL && !cockpit_version_is_valid (version))
        loader_fail (&loader, "version", "is not a version");
      if (loader.error != NULL)
        break;
      cockpit_sim_state_add_release (state, version, lts, released_at);
    }
  cockpit_sim_state_sort_releases (state);

  array = ld_array (&loader, object, "packages");
  for (guint i = 0; i < ld_length (array) && loader.error == NULL; i++)
    {
      JsonObject *p = ld_element (&loader, array, i, "packages");
      const char *id = ld_string (&loader, p, "id", FALSE);
      const char *name = ld_string (&loader, p, "name", FALSE);
      CockpitSimPackage *package;
      JsonArray *list;

      if (loader.error == NULL && cockpit_sim_state_find_package (state, id) != NULL)
        loader_fail (&loader, "id", "is not unique");
      if (loader.error != NULL)
        break;
      package = cockpit_sim_state_add_package (state, id, name);
      package->maintenance_message = g_strdup (ld_string (&loader, p, "maintenance_message", TRUE));
      list = ld_array (&loader, p, "environments");
      for (guint j = 0; j < ld_length (list) && loader.error == NULL; j++)
        read_environment (&loader, package, ld_element (&loader, list, j, "environments"));
      list = ld_array (&loader, p, "actions");
      for (guint j = 0; j < ld_length (list) && loader.error == NULL; j++)
        read_action (&loader, state, ld_element (&loader, list, j, "actions"));
      list = ld_array (&loader, p, "activity");
      for (guint j = 0; j < ld_length (list) && loader.error == NULL; j++)
        read_entry (&loader, package, ld_element (&loader, list, j, "activity"));
    }

  array = ld_array (&loader, object, "notifications");
  for (guint i = 0; i < ld_length (array) && loader.error == NULL; i++)
    {
      JsonObject *n = ld_element (&loader, array, i, "notifications");
      CockpitSimNotification *notification;

      notification = cockpit_sim_state_add_notification (state,
                                                         ld_enum (&loader, n, "severity", COCKPIT_TYPE_SEVERITY, FALSE),
                                                         ld_string (&loader, n, "title", FALSE),
                                                         ld_string (&loader, n, "body", FALSE),
                                                         ld_string (&loader, n, "package_id", TRUE),
                                                         ld_time (&loader, n, "received_at"),
                                                         ld_bool (&loader, n, "read"),
                                                         ld_bool (&loader, n, "archived"));
      g_free (notification->id);
      notification->id = g_strdup (ld_string (&loader, n, "id", FALSE));
    }

  array = ld_array (&loader, object, "fail_next");
  for (guint i = 0; i < ld_length (array) && loader.error == NULL; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      int stage;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          !cockpit_enum_from_string (COCKPIT_TYPE_STAGE_NAME, json_node_get_string (node), &stage))
        loader_fail (&loader, "fail_next", "holds something that is not a stage");
      else
        g_array_append_val (state->fail_next, stage);
    }

  array = ld_array (&loader, object, "idempotency");
  for (guint i = 0; i < ld_length (array) && loader.error == NULL; i++)
    {
      JsonObject *r = ld_element (&loader, array, i, "idempotency");
      CockpitSimIdempotencyRecord *record = g_new0 (CockpitSimIdempotencyRecord, 1);

      record->key = g_strdup (ld_string (&loader, r, "key", FALSE));
      record->fingerprint = g_strdup (ld_string (&loader, r, "fingerprint", FALSE));
      record->at = ld_time (&loader, r, "at");
      record->status = ld_ranged (&loader, r, "status", 100, 599);
      record->location = g_strdup (ld_string (&loader, r, "location", TRUE));
      record->body = g_strdup (ld_string (&loader, r, "body", TRUE));
      if (loader.error != NULL)
        {
          cockpit_sim_idempotency_record_free (record);
          break;
        }
      g_hash_table_replace (state->idempotency, record->key, record);
    }

  if (loader.error != NULL)
    {
      g_propagate_error (error, loader.error);
      return NULL;
    }
  if (state->next_action == 0)
    state->next_action = 1;
  return g_steal_pointer (&state);
}
