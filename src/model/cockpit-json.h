/* cockpit-json.h: strict JSON reading and writing of model objects.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each model type describes its JSON fields once, in a table of
 * CockpitField, and registers it with cockpit_json_class_install_fields().
 * A field's JSON member has the name of the object's property, with "-"
 * written as "_"; its JSON type follows from the property's type:
 *
 *   string          JSON string, of limited length (see CockpitFieldFlags)
 *   boolean         JSON true / false
 *   double          JSON number
 *   int, int64      JSON integer
 *   GDateTime       RFC 3339 string with a time zone
 *   enum            JSON string, one of the enum's nicks
 *   JsonNode        any JSON object (free-form data such as "params")
 *   GObject type    nested object, decoded with that type's table
 *   GListModel      JSON array whose items are decoded as item_type
 *
 * Decoding is strict: a missing required member, a wrong JSON type or an
 * unknown enum string is a COCKPIT_MODEL_ERROR whose message names the
 * field by its path ("environments[1].upgrade_backup.expires_at").  Extra
 * members are ignored.  Decoding never logs a warning or critical.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cockpit-types.h"

G_BEGIN_DECLS

/* Every text a cockpit sends has a length limit, so that a hostile or
 * broken server cannot make the app lay out megabytes of text.  Text for
 * people is cut at a character boundary and ends in "…"; a value used as
 * it is (an id, a code, a version, an address) cannot be cut without
 * becoming another value, so a longer one is an error instead.  Lengths
 * of text are in characters, those of exact values in bytes. */
#define COCKPIT_TEXT_MAX_NAME     200   /* names, titles, a person, a bundle */
#define COCKPIT_TEXT_MAX_MESSAGE  1000  /* error, maintenance and activity messages */
#define COCKPIT_TEXT_MAX_BODY     4000  /* the body of a helpdesk notification */
#define COCKPIT_TEXT_MAX_EXACT    2048  /* ids, codes, versions, addresses, in bytes */

typedef enum {
  COCKPIT_FIELD_REQUIRED = 0,
  /* The member may be null or missing; the property keeps its default. */
  COCKPIT_FIELD_NULLABLE = 1 << 0,
  /* String fields are short text for people (a name) unless marked: */
  /* used as it is: longer than COCKPIT_TEXT_MAX_EXACT bytes is an error */
  COCKPIT_FIELD_EXACT    = 1 << 1,
  /* a message, cut at COCKPIT_TEXT_MAX_MESSAGE characters */
  COCKPIT_FIELD_MESSAGE  = 1 << 2,
  /* a body of text, cut at COCKPIT_TEXT_MAX_BODY characters */
  COCKPIT_FIELD_BODY     = 1 << 3,
} CockpitFieldFlags;

typedef struct {
  const char        *name;       /* property name, e.g. "magnolia-version" */
  CockpitFieldFlags  flags;
  GType              item_type;  /* for GListModel properties only */
} CockpitField;

void        cockpit_json_class_install_fields (GObjectClass        *klass,
                                               const CockpitField  *fields,
                                               guint                n_fields);

gpointer    cockpit_json_decode              (GType                type,
                                              JsonNode            *node,
                                              GError             **error);
GListStore *cockpit_json_decode_list         (GType                item_type,
                                              JsonNode            *node,
                                              GError             **error);
JsonNode   *cockpit_json_encode              (gpointer             object);
JsonNode   *cockpit_json_encode_list         (GListModel          *list);

/* Parses text into a JSON tree; an empty or malformed text is an error. */
JsonNode   *cockpit_json_parse               (const char          *data,
                                              gssize               length,
                                              GError             **error);
char       *cockpit_json_to_string           (JsonNode            *node,
                                              gboolean             pretty);

/* Decodes the array in member @member of the object @node, as a
 * GListStore of @item_type: the envelope of list answers such as
 * {"packages": [...]}. */
GListStore *cockpit_json_decode_member_list  (GType                item_type,
                                              JsonNode            *node,
                                              const char          *member,
                                              GError             **error);

/* Copies every JSON field of @source into @target, so that @target
 * notifies only for what really changed.  Nested objects are updated in
 * place when both sides have one of the same type; lists keep their items
 * when they hold the same number, and are replaced otherwise. */
void        cockpit_json_update              (gpointer             target,
                                              gpointer             source);

/* Setters for model types: each returns TRUE when the value changed, so
 * that the caller notifies only on a real change. */
gboolean    cockpit_set_string               (char               **field,
                                              const char          *value);
gboolean    cockpit_set_date_time            (GDateTime          **field,
                                              GDateTime           *value);
gboolean    cockpit_set_object               (gpointer             field,
                                              gpointer             value);
/* Holds @value in *@field as a GListStore of @item_type: the store itself
 * when it is one, else a copy of its items; NULL gives an empty store. */
gboolean    cockpit_set_list                 (GListStore         **field,
                                              GListModel          *value,
                                              GType                item_type);
/* The first item of @list whose integer or enum property @property is
 * @value, or NULL.  The list keeps its reference: the item lives as long
 * as it stays in the list. */
gpointer    cockpit_list_find                (GListModel          *list,
                                              const char          *property,
                                              int                  value);

/* A copy of @text of at most @max_chars characters: a longer text is cut
 * at a character boundary and ends in "…".  Invalid UTF-8 is repaired
 * first.  NULL gives NULL. */
char       *cockpit_text_limit               (const char          *text,
                                              gsize                max_chars);

/* Parses an RFC 3339 timestamp that carries a time zone, as in the contract. */
GDateTime  *cockpit_date_time_parse          (const char          *text);
/* Formats a time as RFC 3339 in UTC, "2026-11-26T09:30:00Z". */
char       *cockpit_date_time_format         (GDateTime           *time);

G_END_DECLS
