/* cockpit-stage.c: one step of an action and how far it got.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-json.h"
#include "cockpit-stage.h"

struct _CockpitStage
{
  GObject parent_instance;

  CockpitStageName    name;
  CockpitStageStatus  status;
  GDateTime          *started_at;
  GDateTime          *finished_at;
};

G_DEFINE_FINAL_TYPE (CockpitStage, cockpit_stage, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_STATUS,
  PROP_STARTED_AT,
  PROP_FINISHED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The one stage plan of each action kind; the simulator runs it, and the
 * views draw and count it. */
static const CockpitStageName live_upgrade_plan[] = {
  COCKPIT_STAGE_CREATE_REPLICA, COCKPIT_STAGE_DEPLOY_VERSION, COCKPIT_STAGE_VERIFY_REPLICA,
  COCKPIT_STAGE_SWITCH_TRAFFIC, COCKPIT_STAGE_KEEP_BACKUP,
};
static const CockpitStageName other_upgrade_plan[] = {
  COCKPIT_STAGE_CREATE_REPLICA, COCKPIT_STAGE_DEPLOY_VERSION, COCKPIT_STAGE_VERIFY_REPLICA,
  COCKPIT_STAGE_SWITCH_TRAFFIC, COCKPIT_STAGE_RETIRE_OLD,
};
static const CockpitStageName extend_plan[] = { COCKPIT_STAGE_EXTEND_UPGRADE_BACKUP };
static const CockpitStageName delete_plan[] = { COCKPIT_STAGE_DELETE_UPGRADE_BACKUP };
static const CockpitStageName restore_plan[] = { COCKPIT_STAGE_RESTORE_UPGRADE_BACKUP };
static const CockpitStageName backup_plan[] = { COCKPIT_STAGE_CREATE_BACKUP };
static const CockpitStageName teardown_plan[] = { COCKPIT_STAGE_TEARDOWN };

G_STATIC_ASSERT (G_N_ELEMENTS (live_upgrade_plan) == COCKPIT_STAGE_PLAN_MAX);
G_STATIC_ASSERT (G_N_ELEMENTS (other_upgrade_plan) == COCKPIT_STAGE_PLAN_MAX);

#define PLAN(array) (*n_stages = G_N_ELEMENTS (array), array)

const CockpitStageName *
cockpit_stage_plan (CockpitActionKind       kind,
                    CockpitEnvironmentKind  environment_kind,
                    guint                  *n_stages)
{
  g_return_val_if_fail (n_stages != NULL, NULL);

  switch (kind)
    {
    case COCKPIT_ACTION_KIND_UPGRADE:
      if (environment_kind == COCKPIT_ENVIRONMENT_KIND_LIVE)
        return PLAN (live_upgrade_plan);
      return PLAN (other_upgrade_plan);
    case COCKPIT_ACTION_KIND_EXTEND_UPGRADE_BACKUP:
      return PLAN (extend_plan);
    case COCKPIT_ACTION_KIND_DELETE_UPGRADE_BACKUP:
      return PLAN (delete_plan);
    case COCKPIT_ACTION_KIND_RESTORE_UPGRADE_BACKUP:
      return PLAN (restore_plan);
    case COCKPIT_ACTION_KIND_CREATE_BACKUP:
      return PLAN (backup_plan);
    case COCKPIT_ACTION_KIND_TEARDOWN:
      return PLAN (teardown_plan);
    default:
      g_return_val_if_reached ((*n_stages = 0, NULL));
    }
}

#undef PLAN

static const CockpitField fields[] = {
  { "name" },
  { "status" },
  { "started-at", COCKPIT_FIELD_NULLABLE },
  { "finished-at", COCKPIT_FIELD_NULLABLE },
};

CockpitStage *
cockpit_stage_new (void)
{
  return g_object_new (COCKPIT_TYPE_STAGE, NULL);
}

static void
cockpit_stage_finalize (GObject *object)
{
  CockpitStage *self = (CockpitStage *) object;

  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_clear_pointer (&self->finished_at, g_date_time_unref);

  G_OBJECT_CLASS (cockpit_stage_parent_class)->finalize (object);
}

static void
cockpit_stage_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CockpitStage *self = COCKPIT_STAGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_enum (value, self->name);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_STARTED_AT:
      g_value_set_boxed (value, self->started_at);
      break;
    case PROP_FINISHED_AT:
      g_value_set_boxed (value, self->finished_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_stage_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CockpitStage *self = COCKPIT_STAGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      cockpit_stage_set_name (self, g_value_get_enum (value));
      break;
    case PROP_STATUS:
      cockpit_stage_set_status (self, g_value_get_enum (value));
      break;
    case PROP_STARTED_AT:
      cockpit_stage_set_started_at (self, g_value_get_boxed (value));
      break;
    case PROP_FINISHED_AT:
      cockpit_stage_set_finished_at (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_stage_class_init (CockpitStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cockpit_stage_finalize;
  object_class->get_property = cockpit_stage_get_property;
  object_class->set_property = cockpit_stage_set_property;

  properties[PROP_NAME] =
    g_param_spec_enum ("name", NULL, NULL, COCKPIT_TYPE_STAGE_NAME,
                       COCKPIT_STAGE_NONE, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, COCKPIT_TYPE_STAGE_STATUS,
                       COCKPIT_STAGE_STATUS_PENDING, flags);
  properties[PROP_STARTED_AT] =
    g_param_spec_boxed ("started-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_FINISHED_AT] =
    g_param_spec_boxed ("finished-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  cockpit_json_class_install_fields (object_class, fields, G_N_ELEMENTS (fields));
}

static void
cockpit_stage_init (CockpitStage *self)
{
}

CockpitStageName
cockpit_stage_get_name (CockpitStage *self)
{
  g_return_val_if_fail (COCKPIT_IS_STAGE (self), COCKPIT_STAGE_NONE);
  return self->name;
}

void
cockpit_stage_set_name (CockpitStage     *self,
                        CockpitStageName  name)
{
  g_return_if_fail (COCKPIT_IS_STAGE (self));
  if (self->name == name)
    return;
  self->name = name;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

CockpitStageStatus
cockpit_stage_get_status (CockpitStage *self)
{
  g_return_val_if_fail (COCKPIT_IS_STAGE (self), COCKPIT_STAGE_STATUS_PENDING);
  return self->status;
}

void
cockpit_stage_set_status (CockpitStage       *self,
                          CockpitStageStatus  status)
{
  g_return_if_fail (COCKPIT_IS_STAGE (self));
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

GDateTime *
cockpit_stage_get_started_at (CockpitStage *self)
{
  g_return_val_if_fail (COCKPIT_IS_STAGE (self), NULL);
  return self->started_at;
}

void
cockpit_stage_set_started_at (CockpitStage *self,
                              GDateTime    *started_at)
{
  g_return_if_fail (COCKPIT_IS_STAGE (self));
  if (cockpit_set_date_time (&self->started_at, started_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED_AT]);
}

GDateTime *
cockpit_stage_get_finished_at (CockpitStage *self)
{
  g_return_val_if_fail (COCKPIT_IS_STAGE (self), NULL);
  return self->finished_at;
}

void
cockpit_stage_set_finished_at (CockpitStage *self,
                               GDateTime    *finished_at)
{
  g_return_if_fail (COCKPIT_IS_STAGE (self));
  if (cockpit_set_date_time (&self->finished_at, finished_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED_AT]);
}
