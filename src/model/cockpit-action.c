/* cockpit-action.c: a change running or done on an environment: an upgrade, a backup, ...
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-action-error.h"
#include "cockpit-action.h"
#include "cockpit-json.h"
#include "cockpit-stage.h"

struct _CockpitAction
{
  GObject parent_instance;

  char                *id;
  char                *package_id;
  char                *environment_id;
  CockpitActionKind    kind;
  JsonNode            *params;
  CockpitActionStatus  status;
  CockpitStageName     stage;
  GListStore          *stages;
  double               progress;
  char                *requested_by;
  GDateTime           *created_at;
  GDateTime           *finished_at;
  CockpitActionError  *action_error;
};

G_DEFINE_FINAL_TYPE (CockpitAction, cockpit_action, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PACKAGE_ID,
  PROP_ENVIRONMENT_ID,
  PROP_KIND,
  PROP_PARAMS,
  PROP_STATUS,
  PROP_STAGE,
  PROP_STAGES,
  PROP_PROGRESS,
  PROP_REQUESTED_BY,
  PROP_CREATED_AT,
  PROP_FINISHED_AT,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The table lists every property in order, so a field's index is its
 * PROP_ id minus one; item types are set in class_init, as a GType is
 * not a constant. */
static CockpitField fields[] = {
  { "id", COCKPIT_FIELD_EXACT },
  { "package-id", COCKPIT_FIELD_EXACT },
  { "environment-id", COCKPIT_FIELD_EXACT },
  { "kind" },
  { "params" },
  { "status" },
  { "stage", COCKPIT_FIELD_NULLABLE },
  { "stages" },
  { "progress" },
  { "requested-by" },
  { "created-at" },
  { "finished-at", COCKPIT_FIELD_NULLABLE },
  { "error", COCKPIT_FIELD_NULLABLE },
};

CockpitAction *
cockpit_action_new (void)
{
  return g_object_new (COCKPIT_TYPE_ACTION, NULL);
}

static void
cockpit_action_finalize (GObject *object)
{
  CockpitAction *self = (CockpitAction *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->package_id, g_free);
  g_clear_pointer (&self->environment_id, g_free);
  g_clear_pointer (&self->params, json_node_unref);
  g_clear_object (&self->stages);
  g_clear_pointer (&self->requested_by, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->finished_at, g_date_time_unref);
  g_clear_object (&self->action_error);

  G_OBJECT_CLASS (cockpit_action_parent_class)->finalize (object);
}

static void
cockpit_action_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CockpitAction *self = COCKPIT_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_PACKAGE_ID:
      g_value_set_string (value, self->package_id);
      break;
    case PROP_ENVIRONMENT_ID:
      g_value_set_string (value, self->environment_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_PARAMS:
      g_value_set_boxed (value, self->params);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;
    case PROP_STAGES:
      g_value_set_object (value, self->stages);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_REQUESTED_BY:
      g_value_set_string (value, self->requested_by);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    case PROP_FINISHED_AT:
      g_value_set_boxed (value, self->finished_at);
      break;
    case PROP_ERROR:
      g_value_set_object (value, self->action_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_action_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CockpitAction *self = COCKPIT_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      cockpit_action_set_id (self, g_value_get_string (value));
      break;
    case PROP_PACKAGE_ID:
      cockpit_action_set_package_id (self, g_value_get_string (value));
      break;
    case PROP_ENVIRONMENT_ID:
      cockpit_action_set_environment_id (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      cockpit_action_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_PARAMS:
      cockpit_action_set_params (self, g_value_get_boxed (value));
      break;
    case PROP_STATUS:
      cockpit_action_set_status (self, g_value_get_enum (value));
      break;
    case PROP_STAGE:
      cockpit_action_set_stage (self, g_value_get_enum (value));
      break;
    case PROP_STAGES:
      cockpit_action_set_stages (self, g_value_get_object (value));
      break;
    case PROP_PROGRESS:
      cockpit_action_set_progress (self, g_value_get_double (value));
      break;
    case PROP_REQUESTED_BY:
      cockpit_action_set_requested_by (self, g_value_get_string (value));
      break;
    case PROP_CREATED_AT:
      cockpit_action_set_created_at (self, g_value_get_boxed (value));
      break;
    case PROP_FINISHED_AT:
      cockpit_action_set_finished_at (self, g_value_get_boxed (value));
      break;
    case PROP_ERROR:
      cockpit_action_set_error (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_action_class_init (CockpitActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cockpit_action_finalize;
  object_class->get_property = cockpit_action_get_property;
  object_class->set_property = cockpit_action_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_PACKAGE_ID] =
    g_param_spec_string ("package-id", NULL, NULL, NULL, flags);
  properties[PROP_ENVIRONMENT_ID] =
    g_param_spec_string ("environment-id", NULL, NULL, NULL, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, COCKPIT_TYPE_ACTION_KIND,
                       COCKPIT_ACTION_KIND_UPGRADE, flags);
  properties[PROP_PARAMS] =
    g_param_spec_boxed ("params", NULL, NULL, JSON_TYPE_NODE, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, COCKPIT_TYPE_ACTION_STATUS,
                       COCKPIT_ACTION_STATUS_RUNNING, flags);
  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL, COCKPIT_TYPE_STAGE_NAME,
                       COCKPIT_STAGE_NONE, flags);
  properties[PROP_STAGES] =
    g_param_spec_object ("stages", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0, flags);
  properties[PROP_REQUESTED_BY] =
    g_param_spec_string ("requested-by", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_FINISHED_AT] =
    g_param_spec_boxed ("finished-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_ERROR] =
    g_param_spec_object ("error", NULL, NULL, COCKPIT_TYPE_ACTION_ERROR, flags);

  fields[PROP_STAGES - 1].item_type = COCKPIT_TYPE_STAGE;
  g_object_class_install_properties (object_class, N_PROPS, properties);
  cockpit_json_class_install_fields (object_class, fields, G_N_ELEMENTS (fields));
}

static void
cockpit_action_init (CockpitAction *self)
{
  self->stages = g_list_store_new (COCKPIT_TYPE_STAGE);
}

const char *
cockpit_action_get_id (CockpitAction *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION (self), NULL);
  return self->id;
}

void
cockpit_action_set_id (CockpitAction *self,
                       const char    *id)
{
  g_return_if_fail (COCKPIT_IS_ACTION (self));
  if (cockpit_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
cockpit_action_get_package_id (CockpitAction *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION (self), NULL);
  return self->package_id;
}

void
cockpit_action_set_package_id (CockpitAction *self,
                               const char    *package_id)
{
  g_return_if_fail (COCKPIT_IS_ACTION (self));
  if (cockpit_set_string (&self->package_id, package_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACKAGE_ID]);
}

const char *
cockpit_action_get_environment_id (CockpitAction *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION (self), NULL);
  return self->environment_id;
}

void
cockpit_action_set_environment_id (CockpitAction *self,
                                   const char    *environment_id)
{
  g_return_if_fail (COCKPIT_IS_ACTION (self));
  if (cockpit_set_string (&self->environment_id, environment_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENVIRONMENT_ID]);
}

CockpitActionKind
cockpit_action_get_kind (CockpitAction *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION (self), COCKPIT_ACTION_KIND_UPGRADE);
  return self->kind;
}

void
cockpit_action_set_kind (CockpitAction     *self,
                         CockpitActionKind  kind)
{
  g_return_if_fail (COCKPIT_IS_ACTION (self));
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

JsonNode *
cockpit_action_get_params (CockpitAction *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION (self), NULL);
  return self->params;
}

void
cockpit_action_set_params (CockpitAction *self,
                           JsonNode      *params)
{
  g_return_if_fail (COCKPIT_IS_ACTION (self));
  g_return_if_fail (params == NULL || JSON_NODE_HOLDS_OBJECT (params));
  if (self->params == params ||
      (self->params != NULL && params != NULL && json_node_equal (self->params, params)))
    return;
  g_clear_pointer (&self->params, json_node_unref);
  if (params != NULL)
    self->params = json_node_copy (params);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARAMS]);
}

CockpitActionStatus
cockpit_action_get_status (CockpitAction *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION (self), COCKPIT_ACTION_STATUS_RUNNING);
  return self->status;
}

void
cockpit_action_set_status (CockpitAction       *self,
                           CockpitActionStatus  status)
{
  g_return_if_fail (COCKPIT_IS_ACTION (self));
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

CockpitStageName
cockpit_action_get_stage (CockpitAction *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION (self), COCKPIT_STAGE_NONE);
  return self->stage;
}

void
cockpit_action_set_stage (CockpitAction    *self,
                          CockpitStageName  stage)
{
  g_return_if_fail (COCKPIT_IS_ACTION (self));
  if (self->stage == stage)
    return;
  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

GListModel *
cockpit_action_get_stages (CockpitAction *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION (self), NULL);
  return G_LIST_MODEL (self->stages);
}

void
cockpit_action_set_stages (CockpitAction *self,
                           GListModel    *stages)
{
  g_return_if_fail (COCKPIT_IS_ACTION (self));
  g_return_if_fail (stages == NULL || G_IS_LIST_MODEL (stages));
  g_return_if_fail (stages == NULL ||
                    g_type_is_a (g_list_model_get_item_type (stages), COCKPIT_TYPE_STAGE));
  if (cockpit_set_list (&self->stages, stages, COCKPIT_TYPE_STAGE))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGES]);
}

double
cockpit_action_get_progress (CockpitAction *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION (self), 0.0);
  return self->progress;
}

void
cockpit_action_set_progress (CockpitAction *self,
                             double         progress)
{
  g_return_if_fail (COCKPIT_IS_ACTION (self));
  /* The range is that of the property, so that g_object_set() agrees. */
  progress = CLAMP (progress, 0.0, 1.0);
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

const char *
cockpit_action_get_requested_by (CockpitAction *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION (self), NULL);
  return self->requested_by;
}

void
cockpit_action_set_requested_by (CockpitAction *self,
                                 const char    *requested_by)
{
  g_return_if_fail (COCKPIT_IS_ACTION (self));
  if (cockpit_set_string (&self->requested_by, requested_by))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUESTED_BY]);
}

GDateTime *
cockpit_action_get_created_at (CockpitAction *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION (self), NULL);
  return self->created_at;
}

void
cockpit_action_set_created_at (CockpitAction *self,
                               GDateTime     *created_at)
{
  g_return_if_fail (COCKPIT_IS_ACTION (self));
  if (cockpit_set_date_time (&self->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

GDateTime *
cockpit_action_get_finished_at (CockpitAction *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION (self), NULL);
  return self->finished_at;
}

void
cockpit_action_set_finished_at (CockpitAction *self,
                                GDateTime     *finished_at)
{
  g_return_if_fail (COCKPIT_IS_ACTION (self));
  if (cockpit_set_date_time (&self->finished_at, finished_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED_AT]);
}

CockpitActionError *
cockpit_action_get_error (CockpitAction *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION (self), NULL);
  return self->action_error;
}

void
cockpit_action_set_error (CockpitAction      *self,
                          CockpitActionError *action_error)
{
  g_return_if_fail (COCKPIT_IS_ACTION (self));
  g_return_if_fail (action_error == NULL || COCKPIT_IS_ACTION_ERROR (action_error));
  if (cockpit_set_object (&self->action_error, action_error))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

gboolean
cockpit_action_is_running (CockpitAction *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION (self), FALSE);
  return self->status == COCKPIT_ACTION_STATUS_RUNNING;
}

/* A string member of "params".  "params" is free-form, so the member is
 * read only when it is there and is a string. */
static const char *
get_string_param (CockpitAction *self,
                  const char    *name)
{
  JsonNode *member;

  if (self->params == NULL || !JSON_NODE_HOLDS_OBJECT (self->params))
    return NULL;
  member = json_object_get_member (json_node_get_object (self->params), name);
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (member);
}

/* The version an upgrade goes to. */
const char *
cockpit_action_get_target_version (CockpitAction *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION (self), NULL);

  return get_string_param (self, "target_version");
}

const char *
cockpit_action_get_from_version (CockpitAction *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION (self), NULL);

  return get_string_param (self, "from_version");
}

CockpitStage *
cockpit_action_get_stage_by_name (CockpitAction    *self,
                                  CockpitStageName  name)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION (self), NULL);

  return cockpit_list_find (G_LIST_MODEL (self->stages), "name", name);
}
