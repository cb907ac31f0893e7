/* cockpit-environment.c: one environment of a package: Live, UAT or Integration.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-backup.h"
#include "cockpit-environment.h"
#include "cockpit-json.h"
#include "cockpit-upgrade-backup.h"

struct _CockpitEnvironment
{
  GObject parent_instance;

  char                    *id;
  char                    *package_id;
  CockpitEnvironmentKind   kind;
  char                    *name;
  char                    *magnolia_version;
  char                    *bundle;
  CockpitEnvironmentState  state;
  char                    *url;
  gboolean                 is_protected;
  GDateTime               *last_upgraded_at;
  CockpitUpgradeBackup    *upgrade_backup;
  CockpitBackup           *latest_manual_backup;
};

G_DEFINE_FINAL_TYPE (CockpitEnvironment, cockpit_environment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PACKAGE_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_MAGNOLIA_VERSION,
  PROP_BUNDLE,
  PROP_STATE,
  PROP_URL,
  PROP_PROTECTED,
  PROP_LAST_UPGRADED_AT,
  PROP_UPGRADE_BACKUP,
  PROP_LATEST_MANUAL_BACKUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CockpitField fields[] = {
  { "id", COCKPIT_FIELD_EXACT },
  { "package-id", COCKPIT_FIELD_EXACT },
  { "kind" },
  { "name" },
  { "magnolia-version", COCKPIT_FIELD_NULLABLE | COCKPIT_FIELD_EXACT },
  { "bundle", COCKPIT_FIELD_NULLABLE },
  { "state" },
  { "url", COCKPIT_FIELD_NULLABLE | COCKPIT_FIELD_EXACT },
  { "protected" },
  { "last-upgraded-at", COCKPIT_FIELD_NULLABLE },
  { "upgrade-backup", COCKPIT_FIELD_NULLABLE },
  { "latest-manual-backup", COCKPIT_FIELD_NULLABLE },
};

CockpitEnvironment *
cockpit_environment_new (void)
{
  return g_object_new (COCKPIT_TYPE_ENVIRONMENT, NULL);
}

static void
cockpit_environment_finalize (GObject *object)
{
  CockpitEnvironment *self = (CockpitEnvironment *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->package_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->magnolia_version, g_free);
  g_clear_pointer (&self->bundle, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->last_upgraded_at, g_date_time_unref);
  g_clear_object (&self->upgrade_backup);
  g_clear_object (&self->latest_manual_backup);

  G_OBJECT_CLASS (cockpit_environment_parent_class)->finalize (object);
}

static void
cockpit_environment_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CockpitEnvironment *self = COCKPIT_ENVIRONMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_PACKAGE_ID:
      g_value_set_string (value, self->package_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_MAGNOLIA_VERSION:
      g_value_set_string (value, self->magnolia_version);
      break;
    case PROP_BUNDLE:
      g_value_set_string (value, self->bundle);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_PROTECTED:
      g_value_set_boolean (value, self->is_protected);
      break;
    case PROP_LAST_UPGRADED_AT:
      g_value_set_boxed (value, self->last_upgraded_at);
      break;
    case PROP_UPGRADE_BACKUP:
      g_value_set_object (value, self->upgrade_backup);
      break;
    case PROP_LATEST_MANUAL_BACKUP:
      g_value_set_object (value, self->latest_manual_backup);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_environment_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CockpitEnvironment *self = COCKPIT_ENVIRONMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      cockpit_environment_set_id (self, g_value_get_string (value));
      break;
    case PROP_PACKAGE_ID:
      cockpit_environment_set_package_id (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      cockpit_environment_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_NAME:
      cockpit_environment_set_name (self, g_value_get_string (value));
      break;
    case PROP_MAGNOLIA_VERSION:
      cockpit_environment_set_magnolia_version (self, g_value_get_string (value));
      break;
    case PROP_BUNDLE:
      cockpit_environment_set_bundle (self, g_value_get_string (value));
      break;
    case PROP_STATE:
      cockpit_environment_set_state (self, g_value_get_enum (value));
      break;
    case PROP_URL:
      cockpit_environment_set_url (self, g_value_get_string (value));
      break;
    case PROP_PROTECTED:
      cockpit_environment_set_protected (self, g_value_get_boolean (value));
      break;
    case PROP_LAST_UPGRADED_AT:
      cockpit_environment_set_last_upgraded_at (self, g_value_get_boxed (value));
      break;
    case PROP_UPGRADE_BACKUP:
      cockpit_environment_set_upgrade_backup (self, g_value_get_object (value));
      break;
    case PROP_LATEST_MANUAL_BACKUP:
      cockpit_environment_set_latest_manual_backup (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_environment_class_init (CockpitEnvironmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cockpit_environment_finalize;
  object_class->get_property = cockpit_environment_get_property;
  object_class->set_property = cockpit_environment_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_PACKAGE_ID] =
    g_param_spec_string ("package-id", NULL, NULL, NULL, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, COCKPIT_TYPE_ENVIRONMENT_KIND,
                       COCKPIT_ENVIRONMENT_KIND_NONE, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_MAGNOLIA_VERSION] =
    g_param_spec_string ("magnolia-version", NULL, NULL, NULL, flags);
  properties[PROP_BUNDLE] =
    g_param_spec_string ("bundle", NULL, NULL, NULL, flags);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, COCKPIT_TYPE_ENVIRONMENT_STATE,
                       COCKPIT_ENVIRONMENT_STATE_RUNNING, flags);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_PROTECTED] =
    g_param_spec_boolean ("protected", NULL, NULL, FALSE, flags);
  properties[PROP_LAST_UPGRADED_AT] =
    g_param_spec_boxed ("last-upgraded-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_UPGRADE_BACKUP] =
    g_param_spec_object ("upgrade-backup", NULL, NULL, COCKPIT_TYPE_UPGRADE_BACKUP, flags);
  properties[PROP_LATEST_MANUAL_BACKUP] =
    g_param_spec_object ("latest-manual-backup", NULL, NULL, COCKPIT_TYPE_BACKUP, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  cockpit_json_class_install_fields (object_class, fields, G_N_ELEMENTS (fields));
}

static void
cockpit_environment_init (CockpitEnvironment *self)
{
}

const char *
cockpit_environment_get_id (CockpitEnvironment *self)
{
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (self), NULL);
  return self->id;
}

void
cockpit_environment_set_id (CockpitEnvironment *self,
                            const char         *id)
{
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (self));
  if (cockpit_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
cockpit_environment_get_package_id (CockpitEnvironment *self)
{
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (self), NULL);
  return self->package_id;
}

void
cockpit_environment_set_package_id (CockpitEnvironment *self,
                                    const char         *package_id)
{
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (self));
  if (cockpit_set_string (&self->package_id, package_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACKAGE_ID]);
}

CockpitEnvironmentKind
cockpit_environment_get_kind (CockpitEnvironment *self)
{
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (self), COCKPIT_ENVIRONMENT_KIND_NONE);
  return self->kind;
}

void
cockpit_environment_set_kind (CockpitEnvironment     *self,
                              CockpitEnvironmentKind  kind)
{
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (self));
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
cockpit_environment_get_name (CockpitEnvironment *self)
{
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (self), NULL);
  return self->name;
}

void
cockpit_environment_set_name (CockpitEnvironment *self,
                              const char         *name)
{
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (self));
  if (cockpit_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
cockpit_environment_get_magnolia_version (CockpitEnvironment *self)
{
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (self), NULL);
  return self->magnolia_version;
}

void
cockpit_environment_set_magnolia_version (CockpitEnvironment *self,
                                          const char         *magnolia_version)
{
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (self));
  if (cockpit_set_string (&self->magnolia_version, magnolia_version))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAGNOLIA_VERSION]);
}

const char *
cockpit_environment_get_bundle (CockpitEnvironment *self)
{
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (self), NULL);
  return self->bundle;
}

void
cockpit_environment_set_bundle (CockpitEnvironment *self,
                                const char         *bundle)
{
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (self));
  if (cockpit_set_string (&self->bundle, bundle))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUNDLE]);
}

CockpitEnvironmentState
cockpit_environment_get_state (CockpitEnvironment *self)
{
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (self), COCKPIT_ENVIRONMENT_STATE_RUNNING);
  return self->state;
}

void
cockpit_environment_set_state (CockpitEnvironment      *self,
                               CockpitEnvironmentState  state)
{
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (self));
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

const char *
cockpit_environment_get_url (CockpitEnvironment *self)
{
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (self), NULL);
  return self->url;
}

void
cockpit_environment_set_url (CockpitEnvironment *self,
                             const char         *url)
{
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (self));
  if (cockpit_set_string (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

gboolean
cockpit_environment_get_protected (CockpitEnvironment *self)
{
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (self), FALSE);
  return self->is_protected;
}

void
cockpit_environment_set_protected (CockpitEnvironment *self,
                                   gboolean            is_protected)
{
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (self));
  is_protected = !!is_protected;
  if (self->is_protected == is_protected)
    return;
  self->is_protected = is_protected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROTECTED]);
}

GDateTime *
cockpit_environment_get_last_upgraded_at (CockpitEnvironment *self)
{
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (self), NULL);
  return self->last_upgraded_at;
}

void
cockpit_environment_set_last_upgraded_at (CockpitEnvironment *self,
                                          GDateTime          *last_upgraded_at)
{
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (self));
  if (cockpit_set_date_time (&self->last_upgraded_at, last_upgraded_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_UPGRADED_AT]);
}

CockpitUpgradeBackup *
cockpit_environment_get_upgrade_backup (CockpitEnvironment *self)
{
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (self), NULL);
  return self->upgrade_backup;
}

void
cockpit_environment_set_upgrade_backup (CockpitEnvironment   *self,
                                        CockpitUpgradeBackup *upgrade_backup)
{
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (self));
  g_return_if_fail (upgrade_backup == NULL || COCKPIT_IS_UPGRADE_BACKUP (upgrade_backup));
  if (cockpit_set_object (&self->upgrade_backup, upgrade_backup))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPGRADE_BACKUP]);
}

CockpitBackup *
cockpit_environment_get_latest_manual_backup (CockpitEnvironment *self)
{
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (self), NULL);
  return self->latest_manual_backup;
}

void
cockpit_environment_set_latest_manual_backup (CockpitEnvironment *self,
                                              CockpitBackup      *latest_manual_backup)
{
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT (self));
  g_return_if_fail (latest_manual_backup == NULL || COCKPIT_IS_BACKUP (latest_manual_backup));
  if (cockpit_set_object (&self->latest_manual_backup, latest_manual_backup))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATEST_MANUAL_BACKUP]);
}
