/* cockpit-sim-state-private.h: JSON helpers shared by the simulator's answers and its state file.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Each sets the member @name of the object being built; a NULL string
 * and a time of 0 are written as null. */
void cockpit_sim_json_add_string (JsonBuilder *builder,
                                  const char  *name,
                                  const char  *value);
void cockpit_sim_json_add_enum   (JsonBuilder *builder,
                                  const char  *name,
                                  GType        type,
                                  int          value);
void cockpit_sim_json_add_bool   (JsonBuilder *builder,
                                  const char  *name,
                                  gboolean     value);
void cockpit_sim_json_add_time   (JsonBuilder *builder,
                                  const char  *name,
                                  gint64       time);

G_END_DECLS
