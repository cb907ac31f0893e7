/* cockpit-upgrade-backup.c: the copy of an environment kept after an upgrade.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-json.h"
#include "cockpit-upgrade-backup.h"

struct _CockpitUpgradeBackup
{
  GObject parent_instance;

  char      *from_version;
  char      *to_version;
  GDateTime *created_at;
  GDateTime *expires_at;
  GDateTime *max_expires_at;
  gboolean   extended;
};

G_DEFINE_FINAL_TYPE (CockpitUpgradeBackup, cockpit_upgrade_backup, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FROM_VERSION,
  PROP_TO_VERSION,
  PROP_CREATED_AT,
  PROP_EXPIRES_AT,
  PROP_MAX_EXPIRES_AT,
  PROP_EXTENDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CockpitField fields[] = {
  { "from-version", COCKPIT_FIELD_EXACT },
  { "to-version", COCKPIT_FIELD_EXACT },
  { "created-at" },
  { "expires-at" },
  { "max-expires-at" },
  { "extended" },
};

CockpitUpgradeBackup *
cockpit_upgrade_backup_new (void)
{
  return g_object_new (COCKPIT_TYPE_UPGRADE_BACKUP, NULL);
}

static void
cockpit_upgrade_backup_finalize (GObject *object)
{
  CockpitUpgradeBackup *self = (CockpitUpgradeBackup *) object;

  g_clear_pointer (&self->from_version, g_free);
  g_clear_pointer (&self->to_version, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->expires_at, g_date_time_unref);
  g_clear_pointer (&self->max_expires_at, g_date_time_unref);

  G_OBJECT_CLASS (cockpit_upgrade_backup_parent_class)->finalize (object);
}

static void
cockpit_upgrade_backup_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CockpitUpgradeBackup *self = COCKPIT_UPGRADE_BACKUP (object);

  switch (prop_id)
    {
    case PROP_FROM_VERSION:
      g_value_set_string (value, self->from_version);
      break;
    case PROP_TO_VERSION:
      g_value_set_string (value, self->to_version);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    case PROP_EXPIRES_AT:
      g_value_set_boxed (value, self->expires_at);
      break;
    case PROP_MAX_EXPIRES_AT:
      g_value_set_boxed (value, self->max_expires_at);
      break;
    case PROP_EXTENDED:
      g_value_set_boolean (value, self->extended);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_upgrade_backup_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CockpitUpgradeBackup *self = COCKPIT_UPGRADE_BACKUP (object);

  switch (prop_id)
    {
    case PROP_FROM_VERSION:
      cockpit_upgrade_backup_set_from_version (self, g_value_get_string (value));
      break;
    case PROP_TO_VERSION:
      cockpit_upgrade_backup_set_to_version (self, g_value_get_string (value));
      break;
    case PROP_CREATED_AT:
      cockpit_upgrade_backup_set_created_at (self, g_value_get_boxed (value));
      break;
    case PROP_EXPIRES_AT:
      cockpit_upgrade_backup_set_expires_at (self, g_value_get_boxed (value));
      break;
    case PROP_MAX_EXPIRES_AT:
      cockpit_upgrade_backup_set_max_expires_at (self, g_value_get_boxed (value));
      break;
    case PROP_EXTENDED:
      cockpit_upgrade_backup_set_extended (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_upgrade_backup_class_init (CockpitUpgradeBackupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cockpit_upgrade_backup_finalize;
  object_class->get_property = cockpit_upgrade_backup_get_property;
  object_class->set_property = cockpit_upgrade_backup_set_property;

  properties[PROP_FROM_VERSION] =
    g_param_spec_string ("from-version", NULL, NULL, NULL, flags);
  properties[PROP_TO_VERSION] =
    g_param_spec_string ("to-version", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_EXPIRES_AT] =
    g_param_spec_boxed ("expires-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_MAX_EXPIRES_AT] =
    g_param_spec_boxed ("max-expires-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_EXTENDED] =
    g_param_spec_boolean ("extended", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  cockpit_json_class_install_fields (object_class, fields, G_N_ELEMENTS (fields));
}

static void
cockpit_upgrade_backup_init (CockpitUpgradeBackup *self)
{
}

const char *
cockpit_upgrade_backup_get_from_version (CockpitUpgradeBackup *self)
{
  g_return_val_if_fail (COCKPIT_IS_UPGRADE_BACKUP (self), NULL);
  return self->from_version;
}

void
cockpit_upgrade_backup_set_from_version (CockpitUpgradeBackup *self,
                                         const char           *from_version)
{
  g_return_if_fail (COCKPIT_IS_UPGRADE_BACKUP (self));
  if (cockpit_set_string (&self->from_version, from_version))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_VERSION]);
}

const char *
cockpit_upgrade_backup_get_to_version (CockpitUpgradeBackup *self)
{
  g_return_val_if_fail (COCKPIT_IS_UPGRADE_BACKUP (self), NULL);
  return self->to_version;
}

void
cockpit_upgrade_backup_set_to_version (CockpitUpgradeBackup *self,
                                       const char           *to_version)
{
  g_return_if_fail (COCKPIT_IS_UPGRADE_BACKUP (self));
  if (cockpit_set_string (&self->to_version, to_version))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO_VERSION]);
}

GDateTime *
cockpit_upgrade_backup_get_created_at (CockpitUpgradeBackup *self)
{
  g_return_val_if_fail (COCKPIT_IS_UPGRADE_BACKUP (self), NULL);
  return self->created_at;
}

void
cockpit_upgrade_backup_set_created_at (CockpitUpgradeBackup *self,
                                       GDateTime            *created_at)
{
  g_return_if_fail (COCKPIT_IS_UPGRADE_BACKUP (self));
  if (cockpit_set_date_time (&self->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

GDateTime *
cockpit_upgrade_backup_get_expires_at (CockpitUpgradeBackup *self)
{
  g_return_val_if_fail (COCKPIT_IS_UPGRADE_BACKUP (self), NULL);
  return self->expires_at;
}

void
cockpit_upgrade_backup_set_expires_at (CockpitUpgradeBackup *self,
                                       GDateTime            *expires_at)
{
  g_return_if_fail (COCKPIT_IS_UPGRADE_BACKUP (self));
  if (cockpit_set_date_time (&self->expires_at, expires_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPIRES_AT]);
}

GDateTime *
cockpit_upgrade_backup_get_max_expires_at (CockpitUpgradeBackup *self)
{
  g_return_val_if_fail (COCKPIT_IS_UPGRADE_BACKUP (self), NULL);
  return self->max_expires_at;
}

void
cockpit_upgrade_backup_set_max_expires_at (CockpitUpgradeBackup *self,
                                           GDateTime            *max_expires_at)
{
  g_return_if_fail (COCKPIT_IS_UPGRADE_BACKUP (self));
  if (cockpit_set_date_time (&self->max_expires_at, max_expires_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_EXPIRES_AT]);
}

gboolean
cockpit_upgrade_backup_get_extended (CockpitUpgradeBackup *self)
{
  g_return_val_if_fail (COCKPIT_IS_UPGRADE_BACKUP (self), FALSE);
  return self->extended;
}

void
cockpit_upgrade_backup_set_extended (CockpitUpgradeBackup *self,
                                     gboolean              extended)
{
  g_return_if_fail (COCKPIT_IS_UPGRADE_BACKUP (self));
  extended = !!extended;
  if (self->extended == extended)
    return;
  self->extended = extended;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTENDED]);
}
