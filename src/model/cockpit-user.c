/* cockpit-user.c: the person signed in to the cockpit.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-json.h"
#include "cockpit-user.h"

struct _CockpitUser
{
  GObject parent_instance;

  char        *name;
  char        *email;
  CockpitRole  role;
};

G_DEFINE_FINAL_TYPE (CockpitUser, cockpit_user, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_EMAIL,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CockpitField fields[] = {
  { "name" },
  { "email" },
  { "role" },
};

CockpitUser *
cockpit_user_new (void)
{
  return g_object_new (COCKPIT_TYPE_USER, NULL);
}

static void
cockpit_user_finalize (GObject *object)
{
  CockpitUser *self = (CockpitUser *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);

  G_OBJECT_CLASS (cockpit_user_parent_class)->finalize (object);
}

static void
cockpit_user_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CockpitUser *self = COCKPIT_USER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_user_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CockpitUser *self = COCKPIT_USER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      cockpit_user_set_name (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      cockpit_user_set_email (self, g_value_get_string (value));
      break;
    case PROP_ROLE:
      cockpit_user_set_role (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_user_class_init (CockpitUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cockpit_user_finalize;
  object_class->get_property = cockpit_user_get_property;
  object_class->set_property = cockpit_user_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, COCKPIT_TYPE_ROLE,
                       COCKPIT_ROLE_OWNER, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  cockpit_json_class_install_fields (object_class, fields, G_N_ELEMENTS (fields));
}

static void
cockpit_user_init (CockpitUser *self)
{
}

const char *
cockpit_user_get_name (CockpitUser *self)
{
  g_return_val_if_fail (COCKPIT_IS_USER (self), NULL);
  return self->name;
}

void
cockpit_user_set_name (CockpitUser *self,
                       const char  *name)
{
  g_return_if_fail (COCKPIT_IS_USER (self));
  if (cockpit_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
cockpit_user_get_email (CockpitUser *self)
{
  g_return_val_if_fail (COCKPIT_IS_USER (self), NULL);
  return self->email;
}

void
cockpit_user_set_email (CockpitUser *self,
                        const char  *email)
{
  g_return_if_fail (COCKPIT_IS_USER (self));
  if (cockpit_set_string (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

CockpitRole
cockpit_user_get_role (CockpitUser *self)
{
  g_return_val_if_fail (COCKPIT_IS_USER (self), COCKPIT_ROLE_OWNER);
  return self->role;
}

void
cockpit_user_set_role (CockpitUser *self,
                       CockpitRole  role)
{
  g_return_if_fail (COCKPIT_IS_USER (self));
  if (self->role == role)
    return;
  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}
