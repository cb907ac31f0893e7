/* cockpit-plan.c: an upgrade plan: several environments of a package, one after the other, with gates.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-action-error.h"
#include "cockpit-json.h"
#include "cockpit-plan.h"
#include "cockpit-plan-step.h"
#include "cockpit-rules.h"
#include "cockpit-version.h"

#include <string.h>
#include <glib/gi18n-lib.h>

struct _CockpitPlan
{
  GObject             parent_instance;

  char               *id;
  char               *package_id;
  char               *target_version;
  CockpitPlanGate     gate;
  guint               soak_hours;
  GDateTime          *start_at;
  gboolean            back_up_live_first;
  CockpitPlanStatus   status;
  GListStore         *steps;
  char               *created_by;
  GDateTime          *created_at;
  GDateTime          *finished_at;
  CockpitActionError *plan_error;
};

G_DEFINE_FINAL_TYPE (CockpitPlan, cockpit_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PACKAGE_ID,
  PROP_TARGET_VERSION,
  PROP_GATE,
  PROP_SOAK_HOURS,
  PROP_START_AT,
  PROP_BACK_UP_LIVE_FIRST,
  PROP_STATUS,
  PROP_STEPS,
  PROP_CREATED_BY,
  PROP_CREATED_AT,
  PROP_FINISHED_AT,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Every property in order, so a field's index is its PROP_ id minus one. */
static CockpitField fields[] = {
  { "id", COCKPIT_FIELD_EXACT },
  { "package-id", COCKPIT_FIELD_EXACT },
  { "target-version", COCKPIT_FIELD_EXACT },
  { "gate" },
  { "soak-hours", COCKPIT_FIELD_NULLABLE },
  { "start-at", COCKPIT_FIELD_NULLABLE },
  { "back-up-live-first" },
  { "status" },
  { "steps" },
  { "created-by" },
  { "created-at" },
  { "finished-at", COCKPIT_FIELD_NULLABLE },
  { "error", COCKPIT_FIELD_NULLABLE },
};

CockpitPlan *
cockpit_plan_new (void)
{
  return g_object_new (COCKPIT_TYPE_PLAN, NULL);
}

static void
cockpit_plan_finalize (GObject *object)
{
  CockpitPlan *self = (CockpitPlan *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->package_id, g_free);
  g_clear_pointer (&self->target_version, g_free);
  g_clear_pointer (&self->start_at, g_date_time_unref);
  g_clear_object (&self->steps);
  g_clear_pointer (&self->created_by, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->finished_at, g_date_time_unref);
  g_clear_object (&self->plan_error);

  G_OBJECT_CLASS (cockpit_plan_parent_class)->finalize (object);
}

static void
cockpit_plan_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CockpitPlan *self = COCKPIT_PLAN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_PACKAGE_ID:
      g_value_set_string (value, self->package_id);
      break;
    case PROP_TARGET_VERSION:
      g_value_set_string (value, self->target_version);
      break;
    case PROP_GATE:
      g_value_set_enum (value, self->gate);
      break;
    case PROP_SOAK_HOURS:
      g_value_set_uint (value, self->soak_hours);
      break;
    case PROP_START_AT:
      g_value_set_boxed (value, self->start_at);
      break;
    case PROP_BACK_UP_LIVE_FIRST:
      g_value_set_boolean (value, self->back_up_live_first);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_STEPS:
      g_value_set_object (value, self->steps);
      break;
    case PROP_CREATED_BY:
      g_value_set_string (value, self->created_by);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    case PROP_FINISHED_AT:
      g_value_set_boxed (value, self->finished_at);
      break;
    case PROP_ERROR:
      g_value_set_object (value, self->plan_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_plan_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CockpitPlan *self = COCKPIT_PLAN (object);

  switch (prop_id)
    {
    case PROP_ID:
      cockpit_plan_set_id (self, g_value_get_string (value));
      break;
    case PROP_PACKAGE_ID:
      cockpit_plan_set_package_id (self, g_value_get_string (value));
      break;
    case PROP_TARGET_VERSION:
      cockpit_plan_set_target_version (self, g_value_get_string (value));
      break;
    case PROP_GATE:
      cockpit_plan_set_gate (self, g_value_get_enum (value));
      break;
    case PROP_SOAK_HOURS:
      cockpit_plan_set_soak_hours (self, g_value_get_uint (value));
      break;
    case PROP_START_AT:
      cockpit_plan_set_start_at (self, g_value_get_boxed (value));
      break;
    case PROP_BACK_UP_LIVE_FIRST:
      cockpit_plan_set_back_up_live_first (self, g_value_get_boolean (value));
      break;
    case PROP_STATUS:
      cockpit_plan_set_status (self, g_value_get_enum (value));
      break;
    case PROP_STEPS:
      cockpit_plan_set_steps (self, g_value_get_object (value));
      break;
    case PROP_CREATED_BY:
      cockpit_plan_set_created_by (self, g_value_get_string (value));
      break;
    case PROP_CREATED_AT:
      cockpit_plan_set_created_at (self, g_value_get_boxed (value));
      break;
    case PROP_FINISHED_AT:
      cockpit_plan_set_finished_at (self, g_value_get_boxed (value));
      break;
    case PROP_ERROR:
      cockpit_plan_set_error (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_plan_class_init (CockpitPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cockpit_plan_finalize;
  object_class->get_property = cockpit_plan_get_property;
  object_class->set_property = cockpit_plan_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_PACKAGE_ID] =
    g_param_spec_string ("package-id", NULL, NULL, NULL, flags);
  properties[PROP_TARGET_VERSION] =
    g_param_spec_string ("target-version", NULL, NULL, NULL, flags);
  properties[PROP_GATE] =
    g_param_spec_enum ("gate", NULL, NULL, COCKPIT_TYPE_PLAN_GATE,
                       COCKPIT_PLAN_GATE_APPROVAL, flags);
  properties[PROP_SOAK_HOURS] =
    g_param_spec_uint ("soak-hours", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_START_AT] =
    g_param_spec_boxed ("start-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_BACK_UP_LIVE_FIRST] =
    g_param_spec_boolean ("back-up-live-first", NULL, NULL, FALSE, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, COCKPIT_TYPE_PLAN_STATUS,
                       COCKPIT_PLAN_STATUS_SCHEDULED, flags);
  properties[PROP_STEPS] =
    g_param_spec_object ("steps", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_CREATED_BY] =
    g_param_spec_string ("created-by", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_FINISHED_AT] =
    g_param_spec_boxed ("finished-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_ERROR] =
    g_param_spec_object ("error", NULL, NULL, COCKPIT_TYPE_ACTION_ERROR, flags);

  fields[PROP_STEPS - 1].item_type = COCKPIT_TYPE_PLAN_STEP;
  g_object_class_install_properties (object_class, N_PROPS, properties);
  cockpit_json_class_install_fields (object_class, fields, G_N_ELEMENTS (fields));
}

static void
cockpit_plan_init (CockpitPlan *self)
{
  self->steps = g_list_store_new (COCKPIT_TYPE_PLAN_STEP);
}

const char *
cockpit_plan_get_id (CockpitPlan *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN (self), NULL);
  return self->id;
}

void
cockpit_plan_set_id (CockpitPlan *self,
                    const char *id)
{
  g_return_if_fail (COCKPIT_IS_PLAN (self));
  if (cockpit_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
cockpit_plan_get_package_id (CockpitPlan *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN (self), NULL);
  return self->package_id;
}

void
cockpit_plan_set_package_id (CockpitPlan *self,
                            const char *package_id)
{
  g_return_if_fail (COCKPIT_IS_PLAN (self));
  if (cockpit_set_string (&self->package_id, package_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACKAGE_ID]);
}

const char *
cockpit_plan_get_target_version (CockpitPlan *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN (self), NULL);
  return self->target_version;
}

void
cockpit_plan_set_target_version (CockpitPlan *self,
                                const char *target_version)
{
  g_return_if_fail (COCKPIT_IS_PLAN (self));
  if (cockpit_set_string (&self->target_version, target_version))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_VERSION]);
}

CockpitPlanGate
cockpit_plan_get_gate (CockpitPlan *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN (self), 0);
  return self->gate;
}

void
cockpit_plan_set_gate (CockpitPlan *self,
                      CockpitPlanGate gate)
{
  g_return_if_fail (COCKPIT_IS_PLAN (self));
  if (self->gate == gate)
    return;
  self->gate = gate;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GATE]);
}

guint
cockpit_plan_get_soak_hours (CockpitPlan *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN (self), 0);
  return self->soak_hours;
}

void
cockpit_plan_set_soak_hours (CockpitPlan *self,
                            guint soak_hours)
{
  g_return_if_fail (COCKPIT_IS_PLAN (self));
  if (self->soak_hours == soak_hours)
    return;
  self->soak_hours = soak_hours;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOAK_HOURS]);
}

GDateTime *
cockpit_plan_get_start_at (CockpitPlan *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN (self), NULL);
  return self->start_at;
}

void
cockpit_plan_set_start_at (CockpitPlan *self,
                          GDateTime *start_at)
{
  g_return_if_fail (COCKPIT_IS_PLAN (self));
  if (cockpit_set_date_time (&self->start_at, start_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_AT]);
}

gboolean
cockpit_plan_get_back_up_live_first (CockpitPlan *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN (self), 0);
  return self->back_up_live_first;
}

void
cockpit_plan_set_back_up_live_first (CockpitPlan *self,
                                    gboolean back_up_live_first)
{
  g_return_if_fail (COCKPIT_IS_PLAN (self));
  back_up_live_first = !!back_up_live_first;
  if (self->back_up_live_first == back_up_live_first)
    return;
  self->back_up_live_first = back_up_live_first;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACK_UP_LIVE_FIRST]);
}

CockpitPlanStatus
cockpit_plan_get_status (CockpitPlan *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN (self), 0);
  return self->status;
}

void
cockpit_plan_set_status (CockpitPlan *self,
                        CockpitPlanStatus status)
{
  g_return_if_fail (COCKPIT_IS_PLAN (self));
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

GListModel *
cockpit_plan_get_steps (CockpitPlan *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->steps);
}

void
cockpit_plan_set_steps (CockpitPlan *self,
                      GListModel  *steps)
{
  g_return_if_fail (COCKPIT_IS_PLAN (self));
  if (cockpit_set_list (&self->steps, steps, COCKPIT_TYPE_PLAN_STEP))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEPS]);
}

const char *
cockpit_plan_get_created_by (CockpitPlan *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN (self), NULL);
  return self->created_by;
}

void
cockpit_plan_set_created_by (CockpitPlan *self,
                            const char *created_by)
{
  g_return_if_fail (COCKPIT_IS_PLAN (self));
  if (cockpit_set_string (&self->created_by, created_by))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_BY]);
}

GDateTime *
cockpit_plan_get_created_at (CockpitPlan *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN (self), NULL);
  return self->created_at;
}

void
cockpit_plan_set_created_at (CockpitPlan *self,
                            GDateTime *created_at)
{
  g_return_if_fail (COCKPIT_IS_PLAN (self));
  if (cockpit_set_date_time (&self->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

GDateTime *
cockpit_plan_get_finished_at (CockpitPlan *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN (self), NULL);
  return self->finished_at;
}

void
cockpit_plan_set_finished_at (CockpitPlan *self,
                             GDateTime *finished_at)
{
  g_return_if_fail (COCKPIT_IS_PLAN (self));
  if (cockpit_set_date_time (&self->finished_at, finished_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED_AT]);
}

CockpitActionError *
cockpit_plan_get_error (CockpitPlan *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN (self), NULL);
  return self->plan_error;
}

void
cockpit_plan_set_error (CockpitPlan *self,
                       CockpitActionError *plan_error)
{
  g_return_if_fail (COCKPIT_IS_PLAN (self));
  if (cockpit_set_object (&self->plan_error, plan_error))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

gboolean
cockpit_plan_is_active (CockpitPlan *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN (self), FALSE);
  return self->status == COCKPIT_PLAN_STATUS_SCHEDULED ||
         self->status == COCKPIT_PLAN_STATUS_RUNNING ||
         self->status == COCKPIT_PLAN_STATUS_WAITING;
}

CockpitPlanStep *
cockpit_plan_get_step (CockpitPlan            *self,
                       CockpitEnvironmentKind  kind)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN (self), NULL);

  return cockpit_list_find (G_LIST_MODEL (self->steps), "environment", kind);
}

static CockpitPlanStep *
find_step (CockpitPlan           *self,
           CockpitPlanStepStatus  status)
{
  return cockpit_list_find (G_LIST_MODEL (self->steps), "status", status);
}

CockpitPlanStep *
cockpit_plan_get_current_step (CockpitPlan *self)
{
  static const CockpitPlanStepStatus order[] = {
    COCKPIT_PLAN_STEP_STATUS_RUNNING,
    COCKPIT_PLAN_STEP_STATUS_WAITING,
    COCKPIT_PLAN_STEP_STATUS_PENDING,
    COCKPIT_PLAN_STEP_STATUS_FAILED,
  };
  guint n;

  g_return_val_if_fail (COCKPIT_IS_PLAN (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      CockpitPlanStep *step = find_step (self, order[i]);

      if (step != NULL)
        return step;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->steps));
  if (n == 0)
    return NULL;
  {
    g_autoptr(CockpitPlanStep) last = g_list_model_get_item (G_LIST_MODEL (self->steps), n - 1);
    return last;
  }
}

CockpitPlanStep *
cockpit_plan_get_step_awaiting_approval (CockpitPlan *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN (self), NULL);

  if (self->status != COCKPIT_PLAN_STATUS_WAITING || self->gate != COCKPIT_PLAN_GATE_APPROVAL)
    return NULL;
  return find_step (self, COCKPIT_PLAN_STEP_STATUS_WAITING);
}

guint
cockpit_plan_get_environments (CockpitPlan            *self,
                               CockpitEnvironmentKind  kinds[3])
{
  guint n, count = 0;

  g_return_val_if_fail (COCKPIT_IS_PLAN (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->steps));
  for (guint i = 0; i < n && count < 3; i++)
    {
      g_autoptr(CockpitPlanStep) step = g_list_model_get_item (G_LIST_MODEL (self->steps), i);
      kinds[count++] = cockpit_plan_step_get_environment (step);
    }
  return count;
}

void
cockpit_plan_request_clear (CockpitPlanRequest *request)
{
  g_clear_pointer (&request->target_version, g_free);
  g_clear_pointer (&request->start_at, g_date_time_unref);
  memset (request, 0, sizeof *request);
}

JsonNode *
cockpit_plan_request_to_json (const CockpitPlanRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (request != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "target_version");
  json_builder_add_string_value (builder, request->target_version);
  json_builder_set_member_name (builder, "environments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < request->n_environments && i < 3; i++)
    json_builder_add_string_value (builder,
                                   cockpit_enum_to_string (COCKPIT_TYPE_ENVIRONMENT_KIND,
                                                           request->environments[i]));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "gate");
  json_builder_add_string_value (builder, cockpit_enum_to_string (COCKPIT_TYPE_PLAN_GATE,
                                                                  request->gate));
  if (request->gate == COCKPIT_PLAN_GATE_SOAK)
    {
      json_builder_set_member_name (builder, "soak_hours");
      json_builder_add_int_value (builder, request->soak_hours);
    }
  json_builder_set_member_name (builder, "start_at");
  if (request->start_at != NULL)
    {
      g_autofree char *text = cockpit_date_time_format (request->start_at);
      json_builder_add_string_value (builder, text);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "back_up_live_first");
  json_builder_add_boolean_value (builder, request->back_up_live_first);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
fail_with (char       **message,
           const char  *text)
{
  if (message != NULL)
    *message = g_strdup (text);
  return FALSE;
}

gboolean
cockpit_plan_request_check (const CockpitPlanRequest  *request,
                            GDateTime                 *now,
                            char                     **message)
{
  int last_rank = -1;

  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (request->target_version == NULL || !cockpit_version_is_valid (request->target_version))
    return fail_with (message, _("Choose the version to upgrade to."));

  if (request->n_environments == 0)
    return fail_with (message, _("Choose at least one environment."));
  if (request->n_environments > 3)
    return fail_with (message, _("A plan has at most three environments."));
  for (guint i = 0; i < request->n_environments; i++)
    {
      int rank = cockpit_environment_kind_get_order (request->environments[i]);

      if (rank < 0)
        return fail_with (message, _("Choose at least one environment."));
      if (rank <= last_rank)
        return fail_with (message, _("The environments must come in the recommended order: "
                                     "Integration, then UAT, then Live, each once."));
      last_rank = rank;
    }

  if (request->gate == COCKPIT_PLAN_GATE_SOAK &&
      (request->soak_hours < COCKPIT_PLAN_SOAK_HOURS_MIN ||
       request->soak_hours > COCKPIT_PLAN_SOAK_HOURS_MAX))
    return fail_with (message, _("The time to wait between environments must be "
                                 "from 1 hour to 7 days (168 hours)."));

  if (request->start_at != NULL)
    {
      GTimeSpan ahead = g_date_time_difference (request->start_at, now);

      /* The contract compares in whole seconds. */
      if (ahead <= -G_TIME_SPAN_SECOND)
        return fail_with (message, _("The start time has passed. Choose a later time, or start now."));
      if (ahead > COCKPIT_PLAN_START_MAX_AHEAD)
        return fail_with (message, _("A plan can start at most 30 days ahead."));
    }

  return TRUE;
}
