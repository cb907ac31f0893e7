/* cockpit-backup.c: a manual backup of an environment.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-backup.h"
#include "cockpit-json.h"

struct _CockpitBackup
{
  GObject parent_instance;

  char      *id;
  GDateTime *created_at;
  char      *magnolia_version;
};

G_DEFINE_FINAL_TYPE (CockpitBackup, cockpit_backup, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED_AT,
  PROP_MAGNOLIA_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CockpitField fields[] = {
  { "id", COCKPIT_FIELD_EXACT },
  { "created-at" },
  { "magnolia-version", COCKPIT_FIELD_EXACT },
};

CockpitBackup *
cockpit_backup_new (void)
{
  return g_object_new (COCKPIT_TYPE_BACKUP, NULL);
}

static void
cockpit_backup_finalize (GObject *object)
{
  CockpitBackup *self = (CockpitBackup *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->magnolia_version, g_free);

  G_OBJECT_CLASS (cockpit_backup_parent_class)->finalize (object);
}

static void
cockpit_backup_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CockpitBackup *self = COCKPIT_BACKUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    case PROP_MAGNOLIA_VERSION:
      g_value_set_string (value, self->magnolia_version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_backup_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CockpitBackup *self = COCKPIT_BACKUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      cockpit_backup_set_id (self, g_value_get_string (value));
      break;
    case PROP_CREATED_AT:
      cockpit_backup_set_created_at (self, g_value_get_boxed (value));
      break;
    case PROP_MAGNOLIA_VERSION:
      cockpit_backup_set_magnolia_version (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_backup_class_init (CockpitBackupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cockpit_backup_finalize;
  object_class->get_property = cockpit_backup_get_property;
  object_class->set_property = cockpit_backup_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_MAGNOLIA_VERSION] =
    g_param_spec_string ("magnolia-version", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  cockpit_json_class_install_fields (object_class, fields, G_N_ELEMENTS (fields));
}

static void
cockpit_backup_init (CockpitBackup *self)
{
}

const char *
cockpit_backup_get_id (CockpitBackup *self)
{
  g_return_val_if_fail (COCKPIT_IS_BACKUP (self), NULL);
  return self->id;
}

void
cockpit_backup_set_id (CockpitBackup *self,
                       const char    *id)
{
  g_return_if_fail (COCKPIT_IS_BACKUP (self));
  if (cockpit_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

GDateTime *
cockpit_backup_get_created_at (CockpitBackup *self)
{
  g_return_val_if_fail (COCKPIT_IS_BACKUP (self), NULL);
  return self->created_at;
}

void
cockpit_backup_set_created_at (CockpitBackup *self,
                               GDateTime     *created_at)
{
  g_return_if_fail (COCKPIT_IS_BACKUP (self));
  if (cockpit_set_date_time (&self->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

const char *
cockpit_backup_get_magnolia_version (CockpitBackup *self)
{
  g_return_val_if_fail (COCKPIT_IS_BACKUP (self), NULL);
  return self->magnolia_version;
}

void
cockpit_backup_set_magnolia_version (CockpitBackup *self,
                                     const char    *magnolia_version)
{
  g_return_if_fail (COCKPIT_IS_BACKUP (self));
  if (cockpit_set_string (&self->magnolia_version, magnolia_version))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAGNOLIA_VERSION]);
}
