/* cockpit-sim-state.c: the simulator's data: its structs, how they are made, found and named.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract's JSON of them is in cockpit-sim-state-json.c, the state
 * file in cockpit-sim-state-file.c.
 */
#include "config.h"

#include <string.h>

#include "cockpit-json.h"
#include "cockpit-sim-state.h"
#include "cockpit-sim-state-private.h"

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
  g_ptr_array_unref (package->plans);
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

void
cockpit_sim_plan_free (CockpitSimPlan *plan)
{
  if (plan == NULL)
    return;

  for (guint i = 0; i < COCKPIT_SIM_PLAN_MAX_STEPS; i++)
    {
      CockpitSimPlanStep *step = &plan->steps[i];

      for (guint j = 0; j < G_N_ELEMENTS (step->action_ids); j++)
        g_free (step->action_ids[j]);
      g_free (step->approved_by);
      g_free (step->due_by);
    }
  g_free (plan->id);
  g_free (plan->package_id);
  g_free (plan->target_version);
  g_free (plan->created_by);
  g_free (plan->error_code);
  g_free (plan->error_message);
  g_free (plan);
}

CockpitSimState *
cockpit_sim_state_new (void)
{
  CockpitSimState *state = g_new0 (CockpitSimState, 1);

  state->next_action = 1;
  state->next_plan = 1;
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
  package->plans = g_ptr_array_new_with_free_func ((GDestroyNotify) cockpit_sim_plan_free);
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

/* Upgrade plans */

gboolean
_cockpit_sim_plan_is_active (CockpitSimPlan *plan)
{
  return plan->status == COCKPIT_SIM_PLAN_SCHEDULED ||
         plan->status == COCKPIT_SIM_PLAN_RUNNING ||
         plan->status == COCKPIT_SIM_PLAN_WAITING;
}

CockpitSimPlan *
_cockpit_sim_plans_active (CockpitSimPackage *package)
{
  for (guint i = package->plans->len; i > 0; i--)
    {
      CockpitSimPlan *plan = g_ptr_array_index (package->plans, i - 1);

      if (_cockpit_sim_plan_is_active (plan))
        return plan;
    }
  return NULL;
}

CockpitSimPlan *
_cockpit_sim_plans_find (CockpitSimState    *state,
                         const char         *id,
                         CockpitSimPackage **package_out)
{
  for (guint i = 0; i < state->packages->len; i++)
    {
      CockpitSimPackage *package = g_ptr_array_index (state->packages, i);

      for (guint j = 0; j < package->plans->len; j++)
        {
          CockpitSimPlan *plan = g_ptr_array_index (package->plans, j);

          if (g_str_equal (plan->id, id))
            {
              if (package_out != NULL)
                *package_out = package;
              return plan;
            }
        }
    }
  return NULL;
}
