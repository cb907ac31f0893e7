/* cockpit-plan-step.c: one environment of an upgrade plan, and where it stands.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-json.h"
#include "cockpit-plan-step.h"

struct _CockpitPlanStep
{
  GObject parent_instance;

  CockpitEnvironmentKind  environment;
  CockpitPlanStepStatus   status;
  GStrv                   action_ids;
  GDateTime              *gate_opens_at;
  char                   *approved_by;
};

G_DEFINE_FINAL_TYPE (CockpitPlanStep, cockpit_plan_step, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENVIRONMENT,
  PROP_STATUS,
  PROP_ACTION_IDS,
  PROP_GATE_OPENS_AT,
  PROP_APPROVED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CockpitField fields[] = {
  { "environment" },
  { "status" },
  { "action-ids" },
  { "gate-opens-at", COCKPIT_FIELD_NULLABLE },
  { "approved-by", COCKPIT_FIELD_NULLABLE },
};

CockpitPlanStep *
cockpit_plan_step_new (void)
{
  return g_object_new (COCKPIT_TYPE_PLAN_STEP, NULL);
}

static void
cockpit_plan_step_finalize (GObject *object)
{
  CockpitPlanStep *self = (CockpitPlanStep *) object;

  g_clear_pointer (&self->action_ids, g_strfreev);
  g_clear_pointer (&self->gate_opens_at, g_date_time_unref);
  g_clear_pointer (&self->approved_by, g_free);

  G_OBJECT_CLASS (cockpit_plan_step_parent_class)->finalize (object);
}

static void
cockpit_plan_step_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CockpitPlanStep *self = COCKPIT_PLAN_STEP (object);

  switch (prop_id)
    {
    case PROP_ENVIRONMENT:
      g_value_set_enum (value, self->environment);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_ACTION_IDS:
      g_value_set_boxed (value, self->action_ids);
      break;
    case PROP_GATE_OPENS_AT:
      g_value_set_boxed (value, self->gate_opens_at);
      break;
    case PROP_APPROVED_BY:
      g_value_set_string (value, self->approved_by);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_plan_step_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CockpitPlanStep *self = COCKPIT_PLAN_STEP (object);

  switch (prop_id)
    {
    case PROP_ENVIRONMENT:
      cockpit_plan_step_set_environment (self, g_value_get_enum (value));
      break;
    case PROP_STATUS:
      cockpit_plan_step_set_status (self, g_value_get_enum (value));
      break;
    case PROP_ACTION_IDS:
      cockpit_plan_step_set_action_ids (self, g_value_get_boxed (value));
      break;
    case PROP_GATE_OPENS_AT:
      cockpit_plan_step_set_gate_opens_at (self, g_value_get_boxed (value));
      break;
    case PROP_APPROVED_BY:
      cockpit_plan_step_set_approved_by (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_plan_step_class_init (CockpitPlanStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cockpit_plan_step_finalize;
  object_class->get_property = cockpit_plan_step_get_property;
  object_class->set_property = cockpit_plan_step_set_property;

  properties[PROP_ENVIRONMENT] =
    g_param_spec_enum ("environment", NULL, NULL, COCKPIT_TYPE_ENVIRONMENT_KIND,
                       COCKPIT_ENVIRONMENT_KIND_NONE, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, COCKPIT_TYPE_PLAN_STEP_STATUS,
                       COCKPIT_PLAN_STEP_STATUS_PENDING, flags);
  properties[PROP_ACTION_IDS] =
    g_param_spec_boxed ("action-ids", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_GATE_OPENS_AT] =
    g_param_spec_boxed ("gate-opens-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_APPROVED_BY] =
    g_param_spec_string ("approved-by", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  cockpit_json_class_install_fields (object_class, fields, G_N_ELEMENTS (fields));
}

static void
cockpit_plan_step_init (CockpitPlanStep *self)
{
  self->action_ids = g_new0 (char *, 1);
}

CockpitEnvironmentKind
cockpit_plan_step_get_environment (CockpitPlanStep *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN_STEP (self), COCKPIT_ENVIRONMENT_KIND_NONE);
  return self->environment;
}

void
cockpit_plan_step_set_environment (CockpitPlanStep        *self,
                                   CockpitEnvironmentKind  environment)
{
  g_return_if_fail (COCKPIT_IS_PLAN_STEP (self));
  if (self->environment == environment)
    return;
  self->environment = environment;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENVIRONMENT]);
}

CockpitPlanStepStatus
cockpit_plan_step_get_status (CockpitPlanStep *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN_STEP (self), COCKPIT_PLAN_STEP_STATUS_PENDING);
  return self->status;
}

void
cockpit_plan_step_set_status (CockpitPlanStep       *self,
                              CockpitPlanStepStatus  status)
{
  g_return_if_fail (COCKPIT_IS_PLAN_STEP (self));
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char * const *
cockpit_plan_step_get_action_ids (CockpitPlanStep *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN_STEP (self), NULL);
  return (const char * const *) self->action_ids;
}

void
cockpit_plan_step_set_action_ids (CockpitPlanStep    *self,
                                  const char * const *action_ids)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (COCKPIT_IS_PLAN_STEP (self));
  if (action_ids == NULL)
    action_ids = none;
  if (g_strv_equal ((const char * const *) self->action_ids, action_ids))
    return;
  g_strfreev (self->action_ids);
  self->action_ids = g_strdupv ((char **) action_ids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION_IDS]);
}

const char *
cockpit_plan_step_get_last_action_id (CockpitPlanStep *self)
{
  guint n;

  g_return_val_if_fail (COCKPIT_IS_PLAN_STEP (self), NULL);
  n = g_strv_length (self->action_ids);
  return n > 0 ? self->action_ids[n - 1] : NULL;
}

GDateTime *
cockpit_plan_step_get_gate_opens_at (CockpitPlanStep *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN_STEP (self), NULL);
  return self->gate_opens_at;
}

void
cockpit_plan_step_set_gate_opens_at (CockpitPlanStep *self,
                                     GDateTime       *gate_opens_at)
{
  g_return_if_fail (COCKPIT_IS_PLAN_STEP (self));
  if (cockpit_set_date_time (&self->gate_opens_at, gate_opens_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GATE_OPENS_AT]);
}

const char *
cockpit_plan_step_get_approved_by (CockpitPlanStep *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN_STEP (self), NULL);
  return self->approved_by;
}

void
cockpit_plan_step_set_approved_by (CockpitPlanStep *self,
                                   const char      *approved_by)
{
  g_return_if_fail (COCKPIT_IS_PLAN_STEP (self));
  if (cockpit_set_string (&self->approved_by, approved_by))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPROVED_BY]);
}

gboolean
cockpit_plan_step_is_done (CockpitPlanStep *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN_STEP (self), FALSE);
  return self->status == COCKPIT_PLAN_STEP_STATUS_DONE ||
         self->status == COCKPIT_PLAN_STEP_STATUS_SKIPPED;
}
