/* cockpit-notification.c: a message from the helpdesk.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-json.h"
#include "cockpit-notification.h"

struct _CockpitNotification
{
  GObject parent_instance;

  char            *id;
  CockpitSeverity  severity;
  char            *title;
  char            *body;
  char            *package_id;
  GDateTime       *received_at;
  gboolean         is_read;
  gboolean         archived;
};

G_DEFINE_FINAL_TYPE (CockpitNotification, cockpit_notification, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SEVERITY,
  PROP_TITLE,
  PROP_BODY,
  PROP_PACKAGE_ID,
  PROP_RECEIVED_AT,
  PROP_READ,
  PROP_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CockpitField fields[] = {
  { "id", COCKPIT_FIELD_EXACT },
  { "severity" },
  { "title" },
  { "body", COCKPIT_FIELD_BODY },
  { "package-id", COCKPIT_FIELD_NULLABLE | COCKPIT_FIELD_EXACT },
  { "received-at" },
  { "read" },
  { "archived" },
};

CockpitNotification *
cockpit_notification_new (void)
{
  return g_object_new (COCKPIT_TYPE_NOTIFICATION, NULL);
}

static void
cockpit_notification_finalize (GObject *object)
{
  CockpitNotification *self = (CockpitNotification *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->package_id, g_free);
  g_clear_pointer (&self->received_at, g_date_time_unref);

  G_OBJECT_CLASS (cockpit_notification_parent_class)->finalize (object);
}

static void
cockpit_notification_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CockpitNotification *self = COCKPIT_NOTIFICATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_PACKAGE_ID:
      g_value_set_string (value, self->package_id);
      break;
    case PROP_RECEIVED_AT:
      g_value_set_boxed (value, self->received_at);
      break;
    case PROP_READ:
      g_value_set_boolean (value, self->is_read);
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_notification_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CockpitNotification *self = COCKPIT_NOTIFICATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      cockpit_notification_set_id (self, g_value_get_string (value));
      break;
    case PROP_SEVERITY:
      cockpit_notification_set_severity (self, g_value_get_enum (value));
      break;
    case PROP_TITLE:
      cockpit_notification_set_title (self, g_value_get_string (value));
      break;
    case PROP_BODY:
      cockpit_notification_set_body (self, g_value_get_string (value));
      break;
    case PROP_PACKAGE_ID:
      cockpit_notification_set_package_id (self, g_value_get_string (value));
      break;
    case PROP_RECEIVED_AT:
      cockpit_notification_set_received_at (self, g_value_get_boxed (value));
      break;
    case PROP_READ:
      cockpit_notification_set_read (self, g_value_get_boolean (value));
      break;
    case PROP_ARCHIVED:
      cockpit_notification_set_archived (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_notification_class_init (CockpitNotificationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cockpit_notification_finalize;
  object_class->get_property = cockpit_notification_get_property;
  object_class->set_property = cockpit_notification_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL, COCKPIT_TYPE_SEVERITY,
                       COCKPIT_SEVERITY_CRITICAL, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL, flags);
  properties[PROP_PACKAGE_ID] =
    g_param_spec_string ("package-id", NULL, NULL, NULL, flags);
  properties[PROP_RECEIVED_AT] =
    g_param_spec_boxed ("received-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_READ] =
    g_param_spec_boolean ("read", NULL, NULL, FALSE, flags);
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  cockpit_json_class_install_fields (object_class, fields, G_N_ELEMENTS (fields));
}

static void
cockpit_notification_init (CockpitNotification *self)
{
}

const char *
cockpit_notification_get_id (CockpitNotification *self)
{
  g_return_val_if_fail (COCKPIT_IS_NOTIFICATION (self), NULL);
  return self->id;
}

void
cockpit_notification_set_id (CockpitNotification *self,
                             const char          *id)
{
  g_return_if_fail (COCKPIT_IS_NOTIFICATION (self));
  if (cockpit_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

CockpitSeverity
cockpit_notification_get_severity (CockpitNotification *self)
{
  g_return_val_if_fail (COCKPIT_IS_NOTIFICATION (self), COCKPIT_SEVERITY_CRITICAL);
  return self->severity;
}

void
cockpit_notification_set_severity (CockpitNotification *self,
                                   CockpitSeverity      severity)
{
  g_return_if_fail (COCKPIT_IS_NOTIFICATION (self));
  if (self->severity == severity)
    return;
  self->severity = severity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEVERITY]);
}

const char *
cockpit_notification_get_title (CockpitNotification *self)
{
  g_return_val_if_fail (COCKPIT_IS_NOTIFICATION (self), NULL);
  return self->title;
}

void
cockpit_notification_set_title (CockpitNotification *self,
                                const char          *title)
{
  g_return_if_fail (COCKPIT_IS_NOTIFICATION (self));
  if (cockpit_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
cockpit_notification_get_body (CockpitNotification *self)
{
  g_return_val_if_fail (COCKPIT_IS_NOTIFICATION (self), NULL);
  return self->body;
}

void
cockpit_notification_set_body (CockpitNotification *self,
                               const char          *body)
{
  g_return_if_fail (COCKPIT_IS_NOTIFICATION (self));
  if (cockpit_set_string (&self->body, body))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

const char *
cockpit_notification_get_package_id (CockpitNotification *self)
{
  g_return_val_if_fail (COCKPIT_IS_NOTIFICATION (self), NULL);
  return self->package_id;
}

void
cockpit_notification_set_package_id (CockpitNotification *self,
                                     const char          *package_id)
{
  g_return_if_fail (COCKPIT_IS_NOTIFICATION (self));
  if (cockpit_set_string (&self->package_id, package_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACKAGE_ID]);
}

GDateTime *
cockpit_notification_get_received_at (CockpitNotification *self)
{
  g_return_val_if_fail (COCKPIT_IS_NOTIFICATION (self), NULL);
  return self->received_at;
}

void
cockpit_notification_set_received_at (CockpitNotification *self,
                                      GDateTime           *received_at)
{
  g_return_if_fail (COCKPIT_IS_NOTIFICATION (self));
  if (cockpit_set_date_time (&self->received_at, received_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIVED_AT]);
}

gboolean
cockpit_notification_get_read (CockpitNotification *self)
{
  g_return_val_if_fail (COCKPIT_IS_NOTIFICATION (self), FALSE);
  return self->is_read;
}

void
cockpit_notification_set_read (CockpitNotification *self,
                               gboolean             is_read)
{
  g_return_if_fail (COCKPIT_IS_NOTIFICATION (self));
  is_read = !!is_read;
  if (self->is_read == is_read)
    return;
  self->is_read = is_read;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ]);
}

gboolean
cockpit_notification_get_archived (CockpitNotification *self)
{
  g_return_val_if_fail (COCKPIT_IS_NOTIFICATION (self), FALSE);
  return self->archived;
}

void
cockpit_notification_set_archived (CockpitNotification *self,
                                   gboolean             archived)
{
  g_return_if_fail (COCKPIT_IS_NOTIFICATION (self));
  archived = !!archived;
  if (self->archived == archived)
    return;
  self->archived = archived;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
}
