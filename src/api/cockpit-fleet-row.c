/* cockpit-fleet-row.c: one environment of the fleet, with what the fleet shows of it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-fleet-row.h"

struct _CockpitFleetRow
{
  GObject parent_instance;

  /* Owned references */
  CockpitPackage          *package;
  CockpitEnvironment      *environment;

  /* What the fleet shows, as of the last update */
  char                    *package_name;
  char                    *version;
  CockpitLtsState          lts_state;
  int                      lts_days;
  GDateTime               *lts_deadline;
  char                    *lts_version;
  GDateTime               *backup_removed_at;
  GTimeSpan                backup_time_left;
  CockpitAction           *action;
  CockpitStageName         stage;
  guint                    stage_number;
  guint                    n_stages;
  GDateTime               *last_upgraded_at;
  CockpitEnvironmentState  state;
  gboolean                 in_maintenance;
  CockpitAction           *last_action;
  CockpitActionStatus      last_action_status;
  CockpitPlan             *plan;
  CockpitPlanStep         *plan_step;
  CockpitPlanStepStatus    plan_step_status;
  CockpitPlanStatus        plan_status;
  CockpitFleetAttention    attention;
};

G_DEFINE_FINAL_TYPE (CockpitFleetRow, cockpit_fleet_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PACKAGE_NAME,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
cockpit_fleet_row_finalize (GObject *object)
{
  CockpitFleetRow *self = COCKPIT_FLEET_ROW (object);

  g_clear_object (&self->package);
  g_clear_object (&self->environment);
  g_clear_pointer (&self->package_name, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->lts_deadline, g_date_time_unref);
  g_clear_pointer (&self->lts_version, g_free);
  g_clear_pointer (&self->backup_removed_at, g_date_time_unref);
  g_clear_object (&self->action);
  g_clear_pointer (&self->last_upgraded_at, g_date_time_unref);
  g_clear_object (&self->last_action);
  g_clear_object (&self->plan);
  g_clear_object (&self->plan_step);

  G_OBJECT_CLASS (cockpit_fleet_row_parent_class)->finalize (object);
}

static void
cockpit_fleet_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CockpitFleetRow *self = COCKPIT_FLEET_ROW (object);

  switch (prop_id)
    {
    case PROP_PACKAGE_NAME:
      g_value_set_string (value, self->package_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_fleet_row_class_init (CockpitFleetRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cockpit_fleet_row_finalize;
  object_class->get_property = cockpit_fleet_row_get_property;

  /* For GTK's string filter, which looks the name up as a property. */
  properties[PROP_PACKAGE_NAME] =
    g_param_spec_string ("package-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Something the fleet shows of this row changed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cockpit_fleet_row_init (CockpitFleetRow *self)
{
  self->backup_time_left = -1;
}

CockpitFleetRow *
cockpit_fleet_row_new (CockpitPackage     *package,
                       CockpitEnvironment *environment)
{
  CockpitFleetRow *self;

  g_return_val_if_fail (COCKPIT_IS_PACKAGE (package), NULL);
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (environment), NULL);

  self = g_object_new (COCKPIT_TYPE_FLEET_ROW, NULL);
  self->package = g_object_ref (package);
  self->environment = g_object_ref (environment);
  return self;
}

static gboolean
same_time (GDateTime *a,
           GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b);
}

static gboolean
set_time (GDateTime **field,
          GDateTime  *value)
{
  if (same_time (*field, value))
    return FALSE;
  g_clear_pointer (field, g_date_time_unref);
  *field = value ? g_date_time_ref (value) : NULL;
  return TRUE;
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

#define SET_VALUE(field, value) \
  G_STMT_START { if ((field) != (value)) { (field) = (value); changed = TRUE; } } G_STMT_END

/* The running stage's place among the action's stages, or in the plan of
 * its kind when the action lists none. */
static void
find_stage (CockpitAction          *action,
            CockpitEnvironmentKind  kind,
            guint                  *number,
            guint                  *n_stages)
{
  CockpitStageName stage = cockpit_action_get_stage (action);
  GListModel *stages = cockpit_action_get_stages (action);
  guint n = g_list_model_get_n_items (stages);

  *number = 0;
  *n_stages = n;
  if (n > 0)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CockpitStage) item = g_list_model_get_item (stages, i);

          if (cockpit_stage_get_name (item) == stage)
            *number = i + 1;
        }
      return;
    }

  {
    const CockpitStageName *plan = cockpit_stage_plan (cockpit_action_get_kind (action), kind, n_stages);

    for (guint i = 0; i < *n_stages; i++)
      if (plan[i] == stage)
        *number = i + 1;
  }
}

gboolean
cockpit_fleet_row_update (CockpitFleetRow *self,
                          GListModel      *releases,
                          GDateTime       *now,
                          CockpitAction   *last_action)
{
  CockpitEnvironment *env;
  CockpitAction *running;
  CockpitAction *action = NULL;
  CockpitUpgradeBackup *backup;
  CockpitRelease *latest = NULL;
  CockpitLtsState lts = COCKPIT_LTS_NOT_APPLICABLE;
  CockpitFleetAttention attention = COCKPIT_FLEET_ATTENTION_NONE;
  g_autoptr(GDateTime) deadline = NULL;
  GDateTime *removed_at = NULL;
  GTimeSpan left = -1;
  CockpitStageName stage = COCKPIT_STAGE_NONE;
  guint stage_number = 0, n_stages = 0;
  int days = 0;
  gboolean changed = FALSE;
  gboolean set_up;

  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), FALSE);
  g_return_val_if_fail (releases == NULL || G_IS_LIST_MODEL (releases), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (last_action == NULL || COCKPIT_IS_ACTION (last_action), FALSE);

  env = self->environment;
  set_up = cockpit_environment_get_state (env) != COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP;

  if (set_string (&self->package_name, cockpit_package_get_name (self->package)))
    {
      changed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACKAGE_NAME]);
    }
  changed |= set_string (&self->version, set_up ? cockpit_environment_get_magnolia_version (env) : NULL);

  if (releases != NULL)
    lts = cockpit_rules_lts_status (env, releases, now, &latest, &days, NULL);
  if ((lts == COCKPIT_LTS_DUE || lts == COCKPIT_LTS_OVERDUE) && latest != NULL)
    deadline = g_date_time_add (cockpit_release_get_released_at (latest), COCKPIT_LTS_DEADLINE);
  SET_VALUE (self->lts_state, lts);
  SET_VALUE (self->lts_days, days);
  changed |= set_time (&self->lts_deadline, deadline);
  changed |= set_string (&self->lts_version, latest ? cockpit_release_get_version (latest) : NULL);
  if (lts == COCKPIT_LTS_OVERDUE || (lts == COCKPIT_LTS_DUE && days <= COCKPIT_FLEET_LTS_DAYS))
    attention |= COCKPIT_FLEET_ATTENTION_LTS;

  backup = cockpit_rules_live_upgrade_backup (env, now);
  if (backup != NULL)
    {
      removed_at = cockpit_upgrade_backup_get_expires_at (backup);
      left = cockpit_rules_upgrade_backup_time_left (backup, now);
      /* Shown to the minute: a row changes once a minute, not on every look. */
      left = MAX (left, 0) / G_TIME_SPAN_MINUTE * G_TIME_SPAN_MINUTE;
      if (left < COCKPIT_FLEET_BACKUP_HOURS)
        attention |= COCKPIT_FLEET_ATTENTION_BACKUP;
    }
  changed |= set_time (&self->backup_removed_at, removed_at);
  SET_VALUE (self->backup_time_left, left);

  running = cockpit_package_get_running_action (self->package);
  if (running != NULL && cockpit_action_is_running (running) &&
      g_strcmp0 (cockpit_action_get_environment_id (running), cockpit_environment_get_id (env)) == 0)
    {
      action = running;
      stage = cockpit_action_get_stage (running);
      find_stage (running, cockpit_environment_get_kind (env), &stage_number, &n_stages);
    }
  changed |= cockpit_set_object (&self->action, action);
  SET_VALUE (self->stage, stage);
  SET_VALUE (self->stage_number, stage_number);
  SET_VALUE (self->n_stages, n_stages);

  changed |= set_time (&self->last_upgraded_at, cockpit_environment_get_last_upgraded_at (env));
  SET_VALUE (self->state, cockpit_environment_get_state (env));
  SET_VALUE (self->in_maintenance, cockpit_package_is_in_maintenance (self->package));

  changed |= cockpit_set_object (&self->last_action, last_action);
  if (last_action != NULL)
    SET_VALUE (self->last_action_status, cockpit_action_get_status (last_action));
  if (last_action != NULL && action == NULL &&
      cockpit_action_get_status (last_action) == COCKPIT_ACTION_STATUS_FAILED)
    attention |= COCKPIT_FLEET_ATTENTION_FAILED;

  /* The package's active plan, and its step for this environment. */
  {
    CockpitPlan *plan = cockpit_package_get_active_plan (self->package);
    CockpitPlanStep *step = NULL;

    if (plan != NULL && cockpit_plan_is_active (plan))
      step = cockpit_plan_get_step (plan, cockpit_environment_get_kind (env));
    if (step == NULL)
      plan = NULL;
    changed |= cockpit_set_object (&self->plan, plan);
    changed |= cockpit_set_object (&self->plan_step, step);
    SET_VALUE (self->plan_step_status, step ? cockpit_plan_step_get_status (step) : COCKPIT_PLAN_STEP_STATUS_PENDING);
    SET_VALUE (self->plan_status, plan ? cockpit_plan_get_status (plan) : COCKPIT_PLAN_STATUS_SCHEDULED);
    if (step != NULL && cockpit_plan_get_step_awaiting_approval (plan) == step)
      attention |= COCKPIT_FLEET_ATTENTION_PLAN;
  }

  SET_VALUE (self->attention, attention);

  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
  return changed;
}

#undef SET_VALUE

CockpitPackage *
cockpit_fleet_row_get_package (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), NULL);
  return self->package;
}

CockpitEnvironment *
cockpit_fleet_row_get_environment (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), NULL);
  return self->environment;
}

const char *
cockpit_fleet_row_get_package_name (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), NULL);
  return self->package_name ? self->package_name : cockpit_package_get_name (self->package);
}

CockpitEnvironmentKind
cockpit_fleet_row_get_kind (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), COCKPIT_ENVIRONMENT_KIND_NONE);
  return cockpit_environment_get_kind (self->environment);
}

const char *
cockpit_fleet_row_get_version (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), NULL);
  return self->version;
}

CockpitLtsState
cockpit_fleet_row_get_lts_state (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), COCKPIT_LTS_NOT_APPLICABLE);
  return self->lts_state;
}

int
cockpit_fleet_row_get_lts_days (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), 0);
  return self->lts_days;
}

GDateTime *
cockpit_fleet_row_get_lts_deadline (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), NULL);
  return self->lts_deadline;
}

const char *
cockpit_fleet_row_get_lts_version (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), NULL);
  return self->lts_version;
}

GDateTime *
cockpit_fleet_row_get_backup_removed_at (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), NULL);
  return self->backup_removed_at;
}

GTimeSpan
cockpit_fleet_row_get_backup_time_left (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), -1);
  return self->backup_time_left;
}

CockpitAction *
cockpit_fleet_row_get_action (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), NULL);
  return self->action;
}

CockpitStageName
cockpit_fleet_row_get_stage (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), COCKPIT_STAGE_NONE);
  return self->stage;
}

guint
cockpit_fleet_row_get_stage_number (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), 0);
  return self->stage_number;
}

guint
cockpit_fleet_row_get_n_stages (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), 0);
  return self->n_stages;
}

GDateTime *
cockpit_fleet_row_get_last_upgraded_at (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), NULL);
  return self->last_upgraded_at;
}

CockpitEnvironmentState
cockpit_fleet_row_get_state (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), COCKPIT_ENVIRONMENT_STATE_RUNNING);
  return self->state;
}

gboolean
cockpit_fleet_row_get_in_maintenance (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), FALSE);
  return self->in_maintenance;
}

gboolean
cockpit_fleet_row_get_running (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), FALSE);
  return self->action != NULL;
}

CockpitAction *
cockpit_fleet_row_get_last_action (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), NULL);
  return self->last_action;
}

CockpitPlan *
cockpit_fleet_row_get_plan (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), NULL);
  return self->plan;
}

CockpitPlanStep *
cockpit_fleet_row_get_plan_step (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), NULL);
  return self->plan_step;
}

CockpitPlanStepStatus
cockpit_fleet_row_get_plan_step_status (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), COCKPIT_PLAN_STEP_STATUS_PENDING);
  return self->plan_step_status;
}

CockpitPlanStatus
cockpit_fleet_row_get_plan_status (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), COCKPIT_PLAN_STATUS_SCHEDULED);
  return self->plan_status;
}

CockpitFleetAttention
cockpit_fleet_row_get_attention (CockpitFleetRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (self), COCKPIT_FLEET_ATTENTION_NONE);
  return self->attention;
}

/* Sorting ------------------------------------------------------------------- */

static int
compare_int (gint64 a,
             gint64 b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

/* Missing values last, whatever the order. */
static int
compare_time (GDateTime *a,
              GDateTime *b)
{
  if (a == NULL || b == NULL)
    return compare_int (a == NULL, b == NULL);
  return g_date_time_compare (a, b);
}

/* Overdue (longest first), due (soonest first), then the rest. */
static gint64
lts_urgency (CockpitFleetRow *self)
{
  switch (self->lts_state)
    {
    case COCKPIT_LTS_OVERDUE:
      return -100000 - self->lts_days;
    case COCKPIT_LTS_DUE:
      return self->lts_days;
    case COCKPIT_LTS_NEWER_NOT_LTS:
    case COCKPIT_LTS_ON_TIME:
      return 100000;
    case COCKPIT_LTS_NOT_APPLICABLE:
    default:
      return 200000;
    }
}

static int
kind_order (CockpitEnvironmentKind kind)
{
  switch (kind)
    {
    case COCKPIT_ENVIRONMENT_KIND_LIVE:
      return 0;
    case COCKPIT_ENVIRONMENT_KIND_UAT:
      return 1;
    case COCKPIT_ENVIRONMENT_KIND_INTEGRATION:
      return 2;
    case COCKPIT_ENVIRONMENT_KIND_NONE:
    default:
      return 3;
    }
}

int
cockpit_fleet_row_compare (CockpitFleetRow    *a,
                           CockpitFleetRow    *b,
                           CockpitFleetColumn  column)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (a), 0);
  g_return_val_if_fail (COCKPIT_IS_FLEET_ROW (b), 0);

  switch (column)
    {
    case COCKPIT_FLEET_COLUMN_PACKAGE:
      {
        g_autofree char *ka = g_utf8_collate_key (cockpit_fleet_row_get_package_name (a), -1);
        g_autofree char *kb = g_utf8_collate_key (cockpit_fleet_row_get_package_name (b), -1);
        int r = strcmp (ka, kb);

        return r < 0 ? -1 : r > 0 ? 1 : 0;
      }
    case COCKPIT_FLEET_COLUMN_ENVIRONMENT:
      return compare_int (kind_order (cockpit_fleet_row_get_kind (a)), kind_order (cockpit_fleet_row_get_kind (b)));
    case COCKPIT_FLEET_COLUMN_VERSION:
      {
        CockpitVersion va, vb;
        gboolean pa = a->version != NULL && cockpit_version_parse (a->version, &va, NULL);
        gboolean pb = b->version != NULL && cockpit_version_parse (b->version, &vb, NULL);

        if (!pa || !pb)
          return compare_int (!pa, !pb);
        return CLAMP (cockpit_version_compare (&va, &vb), -1, 1);
      }
    case COCKPIT_FLEET_COLUMN_LTS:
      return compare_int (lts_urgency (a), lts_urgency (b));
    case COCKPIT_FLEET_COLUMN_BACKUP:
      if (a->backup_time_left < 0 || b->backup_time_left < 0)
        return compare_int (a->backup_time_left < 0, b->backup_time_left < 0);
      return compare_int (a->backup_time_left, b->backup_time_left);
    case COCKPIT_FLEET_COLUMN_ACTION:
      /* Running ones first, furthest along first; then plan steps. */
      if (a->action == NULL || b->action == NULL)
        {
          if (a->action != NULL || b->action != NULL)
            return compare_int (a->action == NULL, b->action == NULL);
          return compare_int (a->plan_step == NULL, b->plan_step == NULL);
        }
      return compare_int (b->stage_number, a->stage_number);
    case COCKPIT_FLEET_COLUMN_LAST_UPGRADE:
      return compare_time (a->last_upgraded_at, b->last_upgraded_at);
    case COCKPIT_FLEET_COLUMN_STATE:
      return compare_int (a->state, b->state);
    case COCKPIT_FLEET_N_COLUMNS:
    default:
      g_return_val_if_reached (0);
    }
}
