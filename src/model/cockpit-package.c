/* cockpit-package.c: a customer's project, with its environments and its running action.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-action.h"
#include "cockpit-environment.h"
#include "cockpit-json.h"
#include "cockpit-package.h"
#include "cockpit-plan.h"

struct _CockpitPackage
{
  GObject parent_instance;

  char                 *id;
  char                 *name;
  CockpitPackageStatus  status;
  char                 *status_text;
  char                 *maintenance_message;
  CockpitAction        *running_action;
  GListStore           *environments;
  CockpitPlan          *active_plan;
};

G_DEFINE_FINAL_TYPE (CockpitPackage, cockpit_package, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_STATUS,
  PROP_STATUS_TEXT,
  PROP_MAINTENANCE_MESSAGE,
  PROP_RUNNING_ACTION,
  PROP_ENVIRONMENTS,
  PROP_ACTIVE_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The table lists every property in order, so a field's index is its
 * PROP_ id minus one; item types are set in class_init, as a GType is
 * not a constant. */
static CockpitField fields[] = {
  { "id", COCKPIT_FIELD_EXACT },
  { "name" },
  { "status" },
  { "status-text", COCKPIT_FIELD_MESSAGE },
  { "maintenance-message", COCKPIT_FIELD_NULLABLE | COCKPIT_FIELD_MESSAGE },
  { "running-action", COCKPIT_FIELD_NULLABLE },
  { "environments" },
  /* v1.1; a v1 cockpit leaves it out */
  { "active-plan", COCKPIT_FIELD_NULLABLE },
};

CockpitPackage *
cockpit_package_new (void)
{
  return g_object_new (COCKPIT_TYPE_PACKAGE, NULL);
}

static void
cockpit_package_finalize (GObject *object)
{
  CockpitPackage *self = (CockpitPackage *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->status_text, g_free);
  g_clear_pointer (&self->maintenance_message, g_free);
  g_clear_object (&self->running_action);
  g_clear_object (&self->active_plan);
  g_clear_object (&self->environments);

  G_OBJECT_CLASS (cockpit_package_parent_class)->finalize (object);
}

static void
cockpit_package_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CockpitPackage *self = COCKPIT_PACKAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_STATUS_TEXT:
      g_value_set_string (value, self->status_text);
      break;
    case PROP_MAINTENANCE_MESSAGE:
      g_value_set_string (value, self->maintenance_message);
      break;
    case PROP_RUNNING_ACTION:
      g_value_set_object (value, self->running_action);
      break;
    case PROP_ENVIRONMENTS:
      g_value_set_object (value, self->environments);
      break;
    case PROP_ACTIVE_PLAN:
      g_value_set_object (value, self->active_plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_package_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CockpitPackage *self = COCKPIT_PACKAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      cockpit_package_set_id (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      cockpit_package_set_name (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      cockpit_package_set_status (self, g_value_get_enum (value));
      break;
    case PROP_STATUS_TEXT:
      cockpit_package_set_status_text (self, g_value_get_string (value));
      break;
    case PROP_MAINTENANCE_MESSAGE:
      cockpit_package_set_maintenance_message (self, g_value_get_string (value));
      break;
    case PROP_RUNNING_ACTION:
      cockpit_package_set_running_action (self, g_value_get_object (value));
      break;
    case PROP_ENVIRONMENTS:
      cockpit_package_set_environments (self, g_value_get_object (value));
      break;
    case PROP_ACTIVE_PLAN:
      cockpit_package_set_active_plan (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_package_class_init (CockpitPackageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cockpit_package_finalize;
  object_class->get_property = cockpit_package_get_property;
  object_class->set_property = cockpit_package_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, COCKPIT_TYPE_PACKAGE_STATUS,
                       COCKPIT_PACKAGE_STATUS_OK, flags);
  properties[PROP_STATUS_TEXT] =
    g_param_spec_string ("status-text", NULL, NULL, NULL, flags);
  properties[PROP_MAINTENANCE_MESSAGE] =
    g_param_spec_string ("maintenance-message", NULL, NULL, NULL, flags);
  properties[PROP_RUNNING_ACTION] =
    g_param_spec_object ("running-action", NULL, NULL, COCKPIT_TYPE_ACTION, flags);
  properties[PROP_ENVIRONMENTS] =
    g_param_spec_object ("environments", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_ACTIVE_PLAN] =
    g_param_spec_object ("active-plan", NULL, NULL, COCKPIT_TYPE_PLAN, flags);

  fields[PROP_ENVIRONMENTS - 1].item_type = COCKPIT_TYPE_ENVIRONMENT;
  g_object_class_install_properties (object_class, N_PROPS, properties);
  cockpit_json_class_install_fields (object_class, fields, G_N_ELEMENTS (fields));
}

static void
cockpit_package_init (CockpitPackage *self)
{
  self->environments = g_list_store_new (COCKPIT_TYPE_ENVIRONMENT);
}

const char *
cockpit_package_get_id (CockpitPackage *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE (self), NULL);
  return self->id;
}

void
cockpit_package_set_id (CockpitPackage *self,
                        const char     *id)
{
  g_return_if_fail (COCKPIT_IS_PACKAGE (self));
  if (cockpit_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
cockpit_package_get_name (CockpitPackage *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE (self), NULL);
  return self->name;
}

void
cockpit_package_set_name (CockpitPackage *self,
                          const char     *name)
{
  g_return_if_fail (COCKPIT_IS_PACKAGE (self));
  if (cockpit_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

CockpitPackageStatus
cockpit_package_get_status (CockpitPackage *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE (self), COCKPIT_PACKAGE_STATUS_OK);
  return self->status;
}

void
cockpit_package_set_status (CockpitPackage       *self,
                            CockpitPackageStatus  status)
{
  g_return_if_fail (COCKPIT_IS_PACKAGE (self));
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
cockpit_package_get_status_text (CockpitPackage *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE (self), NULL);
  return self->status_text;
}

void
cockpit_package_set_status_text (CockpitPackage *self,
                                 const char     *status_text)
{
  g_return_if_fail (COCKPIT_IS_PACKAGE (self));
  if (cockpit_set_string (&self->status_text, status_text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_TEXT]);
}

const char *
cockpit_package_get_maintenance_message (CockpitPackage *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE (self), NULL);
  return self->maintenance_message;
}

void
cockpit_package_set_maintenance_message (CockpitPackage *self,
                                         const char     *maintenance_message)
{
  g_return_if_fail (COCKPIT_IS_PACKAGE (self));
  if (cockpit_set_string (&self->maintenance_message, maintenance_message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAINTENANCE_MESSAGE]);
}

CockpitAction *
cockpit_package_get_running_action (CockpitPackage *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE (self), NULL);
  return self->running_action;
}

void
cockpit_package_set_running_action (CockpitPackage *self,
                                    CockpitAction  *running_action)
{
  g_return_if_fail (COCKPIT_IS_PACKAGE (self));
  g_return_if_fail (running_action == NULL || COCKPIT_IS_ACTION (running_action));
  if (cockpit_set_object (&self->running_action, running_action))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING_ACTION]);
}

CockpitPlan *
cockpit_package_get_active_plan (CockpitPackage *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE (self), NULL);
  return self->active_plan;
}

void
cockpit_package_set_active_plan (CockpitPackage *self,
                                 CockpitPlan    *active_plan)
{
  g_return_if_fail (COCKPIT_IS_PACKAGE (self));
  g_return_if_fail (active_plan == NULL || COCKPIT_IS_PLAN (active_plan));
  if (cockpit_set_object (&self->active_plan, active_plan))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE_PLAN]);
}

GListModel *
cockpit_package_get_environments (CockpitPackage *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE (self), NULL);
  return G_LIST_MODEL (self->environments);
}

void
cockpit_package_set_environments (CockpitPackage *self,
                                  GListModel     *environments)
{
  g_return_if_fail (COCKPIT_IS_PACKAGE (self));
  g_return_if_fail (environments == NULL || G_IS_LIST_MODEL (environments));
  g_return_if_fail (environments == NULL ||
                    g_type_is_a (g_list_model_get_item_type (environments), COCKPIT_TYPE_ENVIRONMENT));
  if (cockpit_set_list (&self->environments, environments, COCKPIT_TYPE_ENVIRONMENT))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENVIRONMENTS]);
}

CockpitEnvironment *
cockpit_package_get_environment (CockpitPackage         *self,
                                 CockpitEnvironmentKind  kind)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE (self), NULL);

  return cockpit_list_find (G_LIST_MODEL (self->environments), "kind", kind);
}

CockpitEnvironment *
cockpit_package_find_environment (CockpitPackage *self,
                                  const char     *id)
{
  guint n;

  g_return_val_if_fail (COCKPIT_IS_PACKAGE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->environments));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CockpitEnvironment) environment =
        g_list_model_get_item (G_LIST_MODEL (self->environments), i);

      if (g_strcmp0 (cockpit_environment_get_id (environment), id) == 0)
        return environment;
    }
  return NULL;
}

gboolean
cockpit_package_is_in_maintenance (CockpitPackage *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE (self), FALSE);
  return self->status == COCKPIT_PACKAGE_STATUS_MAINTENANCE;
}

CockpitPackage *
cockpit_package_list_find (GListModel *packages,
                           const char *id,
                           guint      *position)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (packages), NULL);

  n = g_list_model_get_n_items (packages);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CockpitPackage) package = g_list_model_get_item (packages, i);

      if (g_strcmp0 (package->id, id) == 0)
        {
          if (position != NULL)
            *position = i;
          return package;  /* the list keeps it alive */
        }
    }
  return NULL;
}
