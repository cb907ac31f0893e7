/* cockpit-action-error.c: why an action failed, as the server tells it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-action-error.h"
#include "cockpit-json.h"

struct _CockpitActionError
{
  GObject parent_instance;

  char *code;
  char *message;
};

G_DEFINE_FINAL_TYPE (CockpitActionError, cockpit_action_error, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CockpitField fields[] = {
  { "code", COCKPIT_FIELD_EXACT },
  { "message", COCKPIT_FIELD_MESSAGE },
};

CockpitActionError *
cockpit_action_error_new (void)
{
  return g_object_new (COCKPIT_TYPE_ACTION_ERROR, NULL);
}

static void
cockpit_action_error_finalize (GObject *object)
{
  CockpitActionError *self = (CockpitActionError *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (cockpit_action_error_parent_class)->finalize (object);
}

static void
cockpit_action_error_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CockpitActionError *self = COCKPIT_ACTION_ERROR (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_action_error_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CockpitActionError *self = COCKPIT_ACTION_ERROR (object);

  switch (prop_id)
    {
    case PROP_CODE:
      cockpit_action_error_set_code (self, g_value_get_string (value));
      break;
    case PROP_MESSAGE:
      cockpit_action_error_set_message (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_action_error_class_init (CockpitActionErrorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cockpit_action_error_finalize;
  object_class->get_property = cockpit_action_error_get_property;
  object_class->set_property = cockpit_action_error_set_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  cockpit_json_class_install_fields (object_class, fields, G_N_ELEMENTS (fields));
}

static void
cockpit_action_error_init (CockpitActionError *self)
{
}

const char *
cockpit_action_error_get_code (CockpitActionError *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION_ERROR (self), NULL);
  return self->code;
}

void
cockpit_action_error_set_code (CockpitActionError *self,
                               const char         *code)
{
  g_return_if_fail (COCKPIT_IS_ACTION_ERROR (self));
  if (cockpit_set_string (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

const char *
cockpit_action_error_get_message (CockpitActionError *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTION_ERROR (self), NULL);
  return self->message;
}

void
cockpit_action_error_set_message (CockpitActionError *self,
                                  const char         *message)
{
  g_return_if_fail (COCKPIT_IS_ACTION_ERROR (self));
  if (cockpit_set_string (&self->message, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}
