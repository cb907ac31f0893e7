/* cockpit-json-private.h: what the pieces of the JSON mapping share: the field table of a type.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cockpit-json.c installs the tables and decodes, cockpit-json-encode.c
 * encodes, cockpit-json-update.c copies a fresh object into an old one,
 * and cockpit-json-text.c reads and writes the text (JSON, times, limits).
 */
#pragma once

#include "cockpit-json.h"

G_BEGIN_DECLS

typedef struct {
  const CockpitField *fields;
  char              **members;   /* JSON member names, "-" written as "_" */
  GParamSpec        **pspecs;
  guint               n_fields;
} FieldTable;

/* The fields of @type or of its nearest ancestor that has some, or NULL. */
const FieldTable *_cockpit_json_lookup_table (GType type);

G_END_DECLS
