/* cockpit-action-intent-private.h: one intent of the action tracker, typed, and its journal entry.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cockpit-types.h"

G_BEGIN_DECLS

/* What is started on the same environment once an intent's action has
 * succeeded ("back up Live first, then upgrade"). */
typedef struct {
  CockpitActionKind       kind;
  CockpitEnvironmentKind  environment_kind;  /* for the wording of messages */
  char                   *target_version;    /* an upgrade's version */
} CockpitIntentFollowup;

/* An action someone asked for, as the journal keeps it: enough to send
 * the same request again after a restart, and to recognise its action. */
typedef struct {
  char                  *cockpit;         /* the identity of the cockpit */
  char                  *key;             /* the idempotency key */
  char                  *package_id;
  char                  *environment_id;
  CockpitActionKind      kind;
  char                  *target_version;  /* an upgrade's version, else NULL */
  GDateTime             *expires_at;      /* an extension's new end, NULL for the cockpit's default */
  GDateTime             *started_at;
  char                  *action_id;       /* NULL until the cockpit confirmed it */
  CockpitIntentFollowup *then;            /* or NULL */
} CockpitIntent;

void      cockpit_intent_followup_free  (CockpitIntentFollowup *then);
void      cockpit_intent_clear          (CockpitIntent         *intent);

/* The intent's journal entry, and back.  cockpit_intent_from_json()
 * fills @intent and returns TRUE, or leaves it empty and returns FALSE
 * when the entry cannot be read: a required member missing or of the
 * wrong type, a string longer than COCKPIT_TEXT_MAX_EXACT bytes, an
 * unknown kind, a time that does not parse, or an upgrade (or a
 * follow-up upgrade) without its version.  A follow-up of an unknown
 * kind is left out, as the journals of older versions may hold one. */
JsonNode *cockpit_intent_to_json        (const CockpitIntent *intent);
gboolean  cockpit_intent_from_json      (JsonNode            *node,
                                         CockpitIntent       *intent);

/* The action's parameters as the cockpit lists them ({"target_version"}
 * or {"expires_at"}), for an action known only from the journal. */
JsonNode *cockpit_intent_params_to_json (const CockpitIntent *intent);

G_END_DECLS
