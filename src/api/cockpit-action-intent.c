/* cockpit-action-intent.c: one intent of the action tracker, typed, and its journal entry.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal is a file, so outside input like any other: every member is
 * checked for its type and length before anything is kept.
 */
#include "config.h"

#include <string.h>

#include "cockpit-json.h"
#include "cockpit-action-intent-private.h"

void
cockpit_intent_followup_free (CockpitIntentFollowup *then)
{
  g_free (then->target_version);
  g_free (then);
}

void
cockpit_intent_clear (CockpitIntent *intent)
{
  g_clear_pointer (&intent->cockpit, g_free);
  g_clear_pointer (&intent->key, g_free);
  g_clear_pointer (&intent->package_id, g_free);
  g_clear_pointer (&intent->environment_id, g_free);
  g_clear_pointer (&intent->target_version, g_free);
  g_clear_pointer (&intent->expires_at, g_date_time_unref);
  g_clear_pointer (&intent->started_at, g_date_time_unref);
  g_clear_pointer (&intent->action_id, g_free);
  g_clear_pointer (&intent->then, cockpit_intent_followup_free);
  memset (intent, 0, sizeof *intent);
}

/* Writing ------------------------------------------------------------------ */

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_params (JsonBuilder *builder,
            const char  *target_version,
            GDateTime   *expires_at)
{
  json_builder_begin_object (builder);
  if (target_version != NULL)
    {
      json_builder_set_member_name (builder, "target_version");
      json_builder_add_string_value (builder, target_version);
    }
  if (expires_at != NULL)
    {
      g_autofree char *text = cockpit_date_time_format (expires_at);

      json_builder_set_member_name (builder, "expires_at");
      json_builder_add_string_value (builder, text);
    }
  json_builder_end_object (builder);
}

JsonNode *
cockpit_intent_params_to_json (const CockpitIntent *intent)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (intent != NULL, NULL);

  add_params (builder, intent->target_version, intent->expires_at);
  return json_builder_get_root (builder);
}

JsonNode *
cockpit_intent_to_json (const CockpitIntent *intent)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *started = NULL;

  g_return_val_if_fail (intent != NULL && intent->started_at != NULL, NULL);

  started = cockpit_date_time_format (intent->started_at);
  json_builder_begin_object (builder);
  add_string_or_null (builder, "cockpit", intent->cockpit);
  add_string_or_null (builder, "idempotency_key", intent->key);
  add_string_or_null (builder, "package_id", intent->package_id);
  add_string_or_null (builder, "environment_id", intent->environment_id);
  add_string_or_null (builder, "kind", cockpit_enum_to_string (COCKPIT_TYPE_ACTION_KIND, intent->kind));
  json_builder_set_member_name (builder, "params");
  add_params (builder, intent->target_version, intent->expires_at);
  add_string_or_null (builder, "started_at", started);
  add_string_or_null (builder, "action_id", intent->action_id);
  json_builder_set_member_name (builder, "then");
  if (intent->then != NULL)
    {
      json_builder_begin_object (builder);
      add_string_or_null (builder, "kind", cockpit_enum_to_string (COCKPIT_TYPE_ACTION_KIND, intent->then->kind));
      add_string_or_null (builder, "environment_kind",
                          cockpit_enum_to_string (COCKPIT_TYPE_ENVIRONMENT_KIND, intent->then->environment_kind));
      json_builder_set_member_name (builder, "params");
      add_params (builder, intent->then->target_version, NULL);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Reading ------------------------------------------------------------------ */

/* A string member, or NULL when it is missing, not a string, or longer
 * than any id, key or version can be. */
static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      strlen (json_node_get_string (node)) > COCKPIT_TEXT_MAX_EXACT)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

/* The follow-up in @then; *@followup stays NULL when it is of an unknown
 * kind.  FALSE when it is an upgrade without its version. */
static gboolean
followup_from_json (JsonObject             *then,
                    CockpitIntentFollowup **followup)
{
  int kind;
  int environment_kind = COCKPIT_ENVIRONMENT_KIND_NONE;
  const char *target_version;

  *followup = NULL;
  if (then == NULL || !cockpit_enum_from_string (COCKPIT_TYPE_ACTION_KIND, string_member (then, "kind"), &kind))
    return TRUE;
  target_version = string_member (object_member (then, "params"), "target_version");
  if (kind == COCKPIT_ACTION_KIND_UPGRADE && target_version == NULL)
    return FALSE;
  /* Only the wording of messages depends on it. */
  cockpit_enum_from_string (COCKPIT_TYPE_ENVIRONMENT_KIND, string_member (then, "environment_kind"),
                            &environment_kind);

  *followup = g_new0 (CockpitIntentFollowup, 1);
  (*followup)->kind = kind;
  (*followup)->environment_kind = environment_kind;
  (*followup)->target_version = g_strdup (target_version);
  return TRUE;
}

gboolean
cockpit_intent_from_json (JsonNode      *node,
                          CockpitIntent *intent)
{
  g_autoptr(GDateTime) started = NULL;
  g_autoptr(GDateTime) expires = NULL;
  CockpitIntentFollowup *then = NULL;
  JsonObject *object;
  JsonObject *params;
  const char *expires_text;
  const char *target_version;
  int kind;

  g_return_val_if_fail (node != NULL && intent != NULL, FALSE);

  memset (intent, 0, sizeof *intent);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  object = json_node_get_object (node);
  params = object_member (object, "params");
  started = cockpit_date_time_parse (string_member (object, "started_at"));

  if (string_member (object, "cockpit") == NULL || string_member (object, "idempotency_key") == NULL ||
      string_member (object, "package_id") == NULL || string_member (object, "environment_id") == NULL ||
      !cockpit_enum_from_string (COCKPIT_TYPE_ACTION_KIND, string_member (object, "kind"), &kind) ||
      params == NULL || started == NULL)
    return FALSE;

  /* An upgrade cannot be sent again without its version, and an
   * extension must not be sent with another end than was asked for. */
  target_version = string_member (params, "target_version");
  if (kind == COCKPIT_ACTION_KIND_UPGRADE && target_version == NULL)
    return FALSE;
  expires_text = string_member (params, "expires_at");
  if (json_object_has_member (params, "expires_at") &&
      !JSON_NODE_HOLDS_NULL (json_object_get_member (params, "expires_at")) &&
      (expires_text == NULL || (expires = cockpit_date_time_parse (expires_text)) == NULL))
    return FALSE;
  if (!followup_from_json (object_member (object, "then"), &then))
    return FALSE;

  intent->cockpit = g_strdup (string_member (object, "cockpit"));
  intent->key = g_strdup (string_member (object, "idempotency_key"));
  intent->package_id = g_strdup (string_member (object, "package_id"));
  intent->environment_id = g_strdup (string_member (object, "environment_id"));
  intent->kind = kind;
  intent->target_version = g_strdup (target_version);
  intent->expires_at = g_steal_pointer (&expires);
  intent->started_at = g_steal_pointer (&started);
  intent->action_id = g_strdup (string_member (object, "action_id"));
  intent->then = then;
  return TRUE;
}
