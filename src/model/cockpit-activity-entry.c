/* cockpit-activity-entry.c: one line of a package's activity log.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-activity-entry.h"
#include "cockpit-json.h"

struct _CockpitActivityEntry
{
  GObject parent_instance;

  char                   *id;
  GDateTime              *at;
  CockpitEntryType        entry_type;
  char                   *activity;
  CockpitEnvironmentKind  affects;
  char                   *by;
  GDateTime              *started_at;
  GDateTime              *finished_at;
  char                   *bundle;
  char                   *action_id;
};

G_DEFINE_FINAL_TYPE (CockpitActivityEntry, cockpit_activity_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AT,
  PROP_TYPE,
  PROP_ACTIVITY,
  PROP_AFFECTS,
  PROP_BY,
  PROP_STARTED_AT,
  PROP_FINISHED_AT,
  PROP_BUNDLE,
  PROP_ACTION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CockpitField fields[] = {
  { "id", COCKPIT_FIELD_EXACT },
  { "at" },
  { "type" },
  { "activity", COCKPIT_FIELD_MESSAGE },
  { "affects", COCKPIT_FIELD_NULLABLE },
  { "by" },
  { "started-at", COCKPIT_FIELD_NULLABLE },
  { "finished-at", COCKPIT_FIELD_NULLABLE },
  { "bundle", COCKPIT_FIELD_NULLABLE },
  { "action-id", COCKPIT_FIELD_NULLABLE | COCKPIT_FIELD_EXACT },
};

/* Times in the cockpit's texts ------------------------------------------------ */

/* RFC 3339 date-time; cockpit_date_time_parse() checks the details. */
#define RFC3339_PATTERN \
  "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})"

static gboolean
replace_time_cb (const GMatchInfo *match,
                 GString          *result,
                 gpointer          user_data)
{
  CockpitDateStyle style = GPOINTER_TO_INT (user_data);
  g_autofree char *found = g_match_info_fetch (match, 0);
  /* RFC 3339 allows "t" and "z"; the parser takes the usual capitals. */
  g_autofree char *upper = g_ascii_strup (found, -1);
  g_autoptr(GDateTime) time = cockpit_date_time_parse (upper);

  if (time != NULL)
    {
      g_autofree char *shown = cockpit_format_date_time (time, style);

      g_string_append (result, shown);
    }
  else
    g_string_append (result, found);
  return FALSE;
}

char *
cockpit_format_date_times_in_text (const char       *text,
                                   CockpitDateStyle  style)
{
  static GRegex *regex;
  g_autoptr(GError) error = NULL;
  char *result;

  if (text == NULL)
    return NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new (RFC3339_PATTERN, G_REGEX_OPTIMIZE, 0, NULL));

  result = g_regex_replace_eval (regex, text, -1, 0, 0, replace_time_cb, GINT_TO_POINTER (style), &error);
  if (result == NULL)
    {
      /* Only for text that is not UTF-8, which the JSON parser refuses. */
      g_debug ("Could not look for times in a text: %s", error->message);
      return g_strdup (text);
    }
  return result;
}

char *
cockpit_activity_entry_dup_display_activity (CockpitActivityEntry *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTIVITY_ENTRY (self), NULL);

  /* The contract's texts carry times as the cockpit wrote them ("has
   * been extended until 2026-11-30T10:00:00Z."); shown, they read like
   * every other date of the app, in the user's time zone. */
  return cockpit_format_date_times_in_text (self->activity, COCKPIT_DATE_LONG);
}

/* The object ------------------------------------------------------------------ */

CockpitActivityEntry *
cockpit_activity_entry_new (void)
{
  return g_object_new (COCKPIT_TYPE_ACTIVITY_ENTRY, NULL);
}

static void
cockpit_activity_entry_finalize (GObject *object)
{
  CockpitActivityEntry *self = (CockpitActivityEntry *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->at, g_date_time_unref);
  g_clear_pointer (&self->activity, g_free);
  g_clear_pointer (&self->by, g_free);
  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_clear_pointer (&self->finished_at, g_date_time_unref);
  g_clear_pointer (&self->bundle, g_free);
  g_clear_pointer (&self->action_id, g_free);

  G_OBJECT_CLASS (cockpit_activity_entry_parent_class)->finalize (object);
}

static void
cockpit_activity_entry_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CockpitActivityEntry *self = COCKPIT_ACTIVITY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_AT:
      g_value_set_boxed (value, self->at);
      break;
    case PROP_TYPE:
      g_value_set_enum (value, self->entry_type);
      break;
    case PROP_ACTIVITY:
      g_value_set_string (value, self->activity);
      break;
    case PROP_AFFECTS:
      g_value_set_enum (value, self->affects);
      break;
    case PROP_BY:
      g_value_set_string (value, self->by);
      break;
    case PROP_STARTED_AT:
      g_value_set_boxed (value, self->started_at);
      break;
    case PROP_FINISHED_AT:
      g_value_set_boxed (value, self->finished_at);
      break;
    case PROP_BUNDLE:
      g_value_set_string (value, self->bundle);
      break;
    case PROP_ACTION_ID:
      g_value_set_string (value, self->action_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_activity_entry_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CockpitActivityEntry *self = COCKPIT_ACTIVITY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      cockpit_activity_entry_set_id (self, g_value_get_string (value));
      break;
    case PROP_AT:
      cockpit_activity_entry_set_at (self, g_value_get_boxed (value));
      break;
    case PROP_TYPE:
      cockpit_activity_entry_set_entry_type (self, g_value_get_enum (value));
      break;
    case PROP_ACTIVITY:
      cockpit_activity_entry_set_activity (self, g_value_get_string (value));
      break;
    case PROP_AFFECTS:
      cockpit_activity_entry_set_affects (self, g_value_get_enum (value));
      break;
    case PROP_BY:
      cockpit_activity_entry_set_by (self, g_value_get_string (value));
      break;
    case PROP_STARTED_AT:
      cockpit_activity_entry_set_started_at (self, g_value_get_boxed (value));
      break;
    case PROP_FINISHED_AT:
      cockpit_activity_entry_set_finished_at (self, g_value_get_boxed (value));
      break;
    case PROP_BUNDLE:
      cockpit_activity_entry_set_bundle (self, g_value_get_string (value));
      break;
    case PROP_ACTION_ID:
      cockpit_activity_entry_set_action_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_activity_entry_class_init (CockpitActivityEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cockpit_activity_entry_finalize;
  object_class->get_property = cockpit_activity_entry_get_property;
  object_class->set_property = cockpit_activity_entry_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_AT] =
    g_param_spec_boxed ("at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_TYPE] =
    g_param_spec_enum ("type", NULL, NULL, COCKPIT_TYPE_ENTRY_TYPE,
                       COCKPIT_ENTRY_TYPE_INFO, flags);
  properties[PROP_ACTIVITY] =
    g_param_spec_string ("activity", NULL, NULL, NULL, flags);
  properties[PROP_AFFECTS] =
    g_param_spec_enum ("affects", NULL, NULL, COCKPIT_TYPE_ENVIRONMENT_KIND,
                       COCKPIT_ENVIRONMENT_KIND_NONE, flags);
  properties[PROP_BY] =
    g_param_spec_string ("by", NULL, NULL, NULL, flags);
  properties[PROP_STARTED_AT] =
    g_param_spec_boxed ("started-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_FINISHED_AT] =
    g_param_spec_boxed ("finished-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_BUNDLE] =
    g_param_spec_string ("bundle", NULL, NULL, NULL, flags);
  properties[PROP_ACTION_ID] =
    g_param_spec_string ("action-id", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  cockpit_json_class_install_fields (object_class, fields, G_N_ELEMENTS (fields));
}

static void
cockpit_activity_entry_init (CockpitActivityEntry *self)
{
}

const char *
cockpit_activity_entry_get_id (CockpitActivityEntry *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTIVITY_ENTRY (self), NULL);
  return self->id;
}

void
cockpit_activity_entry_set_id (CockpitActivityEntry *self,
                               const char           *id)
{
  g_return_if_fail (COCKPIT_IS_ACTIVITY_ENTRY (self));
  if (cockpit_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

GDateTime *
cockpit_activity_entry_get_at (CockpitActivityEntry *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTIVITY_ENTRY (self), NULL);
  return self->at;
}

void
cockpit_activity_entry_set_at (CockpitActivityEntry *self,
                               GDateTime            *at)
{
  g_return_if_fail (COCKPIT_IS_ACTIVITY_ENTRY (self));
  if (cockpit_set_date_time (&self->at, at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT]);
}

CockpitEntryType
cockpit_activity_entry_get_entry_type (CockpitActivityEntry *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTIVITY_ENTRY (self), COCKPIT_ENTRY_TYPE_INFO);
  return self->entry_type;
}

void
cockpit_activity_entry_set_entry_type (CockpitActivityEntry *self,
                                       CockpitEntryType      entry_type)
{
  g_return_if_fail (COCKPIT_IS_ACTIVITY_ENTRY (self));
  if (self->entry_type == entry_type)
    return;
  self->entry_type = entry_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPE]);
}

const char *
cockpit_activity_entry_get_activity (CockpitActivityEntry *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTIVITY_ENTRY (self), NULL);
  return self->activity;
}

void
cockpit_activity_entry_set_activity (CockpitActivityEntry *self,
                                     const char           *activity)
{
  g_return_if_fail (COCKPIT_IS_ACTIVITY_ENTRY (self));
  if (cockpit_set_string (&self->activity, activity))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVITY]);
}

CockpitEnvironmentKind
cockpit_activity_entry_get_affects (CockpitActivityEntry *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTIVITY_ENTRY (self), COCKPIT_ENVIRONMENT_KIND_NONE);
  return self->affects;
}

void
cockpit_activity_entry_set_affects (CockpitActivityEntry   *self,
                                    CockpitEnvironmentKind  affects)
{
  g_return_if_fail (COCKPIT_IS_ACTIVITY_ENTRY (self));
  if (self->affects == affects)
    return;
  self->affects = affects;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AFFECTS]);
}

const char *
cockpit_activity_entry_get_by (CockpitActivityEntry *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTIVITY_ENTRY (self), NULL);
  return self->by;
}

void
cockpit_activity_entry_set_by (CockpitActivityEntry *self,
                               const char           *by)
{
  g_return_if_fail (COCKPIT_IS_ACTIVITY_ENTRY (self));
  if (cockpit_set_string (&self->by, by))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BY]);
}

GDateTime *
cockpit_activity_entry_get_started_at (CockpitActivityEntry *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTIVITY_ENTRY (self), NULL);
  return self->started_at;
}

void
cockpit_activity_entry_set_started_at (CockpitActivityEntry *self,
                                       GDateTime            *started_at)
{
  g_return_if_fail (COCKPIT_IS_ACTIVITY_ENTRY (self));
  if (cockpit_set_date_time (&self->started_at, started_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED_AT]);
}

GDateTime *
cockpit_activity_entry_get_finished_at (CockpitActivityEntry *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTIVITY_ENTRY (self), NULL);
  return self->finished_at;
}

void
cockpit_activity_entry_set_finished_at (CockpitActivityEntry *self,
                                        GDateTime            *finished_at)
{
  g_return_if_fail (COCKPIT_IS_ACTIVITY_ENTRY (self));
  if (cockpit_set_date_time (&self->finished_at, finished_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED_AT]);
}

const char *
cockpit_activity_entry_get_bundle (CockpitActivityEntry *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTIVITY_ENTRY (self), NULL);
  return self->bundle;
}

void
cockpit_activity_entry_set_bundle (CockpitActivityEntry *self,
                                   const char           *bundle)
{
  g_return_if_fail (COCKPIT_IS_ACTIVITY_ENTRY (self));
  if (cockpit_set_string (&self->bundle, bundle))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUNDLE]);
}

const char *
cockpit_activity_entry_get_action_id (CockpitActivityEntry *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTIVITY_ENTRY (self), NULL);
  return self->action_id;
}

void
cockpit_activity_entry_set_action_id (CockpitActivityEntry *self,
                                      const char           *action_id)
{
  g_return_if_fail (COCKPIT_IS_ACTIVITY_ENTRY (self));
  if (cockpit_set_string (&self->action_id, action_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION_ID]);
}
