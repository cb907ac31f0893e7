/* cockpit-sim-state-loader.c: checked reading of the simulator's state file, and its one integer writer.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by cockpit-sim-state-file.c and cockpit-sim-plans-file.c.
 */
#include "config.h"

#include "cockpit-json.h"
#include "cockpit-simulator.h"
#include "cockpit-sim-state-private.h"

void
_cockpit_sim_json_add_int (JsonBuilder *builder,
                           const char  *name,
                           gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* Reading.  The first problem is kept in the loader and
 * every later read returns a default, so the code reads straight through
 * and checks once at the end. */

void
_cockpit_sim_loader_fail (CockpitSimLoader     *loader,
             const char *name,
             const char *problem)
{
  if (loader->error == NULL)
    loader->error = g_error_new (COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE,
                                 "The state file is damaged: “%s” %s", name, problem);
}

JsonNode *
_cockpit_sim_loader_member (CockpitSimLoader     *loader,
           JsonObject *object,
           const char *name)
{
  JsonNode *node;

  if (loader->error != NULL || object == NULL)
    return NULL;
  node = json_object_get_member (object, name);
  if (node == NULL)
    _cockpit_sim_loader_fail (loader, name, "is missing");
  return node;
}

const char *
_cockpit_sim_loader_string (CockpitSimLoader     *loader,
           JsonObject *object,
           const char *name,
           gboolean    nullable)
{
  JsonNode *node = _cockpit_sim_loader_member (loader, object, name);

  if (node == NULL)
    return NULL;
  if (nullable && JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      _cockpit_sim_loader_fail (loader, name, "is not a string");
      return NULL;
    }
  return json_node_get_string (node);
}

gint64
_cockpit_sim_loader_int (CockpitSimLoader     *loader,
        JsonObject *object,
        const char *name)
{
  JsonNode *node = _cockpit_sim_loader_member (loader, object, name);

  if (node == NULL)
    return 0;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      _cockpit_sim_loader_fail (loader, name, "is not an integer");
      return 0;
    }
  return json_node_get_int (node);
}

/* Every number of the state file is checked against the range it can
 * take, so that a hostile or damaged file is refused in words instead of
 * overflowing later, when the clock is added to the real time. */


gint64
_cockpit_sim_loader_ranged (CockpitSimLoader     *loader,
           JsonObject *object,
           const char *name,
           gint64      min,
           gint64      max)
{
  gint64 value = _cockpit_sim_loader_int (loader, object, name);

  if (loader->error != NULL)
    return 0;
  if (value < min || value > max)
    {
      _cockpit_sim_loader_fail (loader, name, "is out of range");
      return 0;
    }
  return value;
}

/* A point in time in µs since 1970, or 0 for "none". */
gint64
_cockpit_sim_loader_time (CockpitSimLoader     *loader,
         JsonObject *object,
         const char *name)
{
  return _cockpit_sim_loader_ranged (loader, object, name, 0, COCKPIT_SIM_MAX_TIME);
}

gboolean
_cockpit_sim_loader_bool (CockpitSimLoader     *loader,
         JsonObject *object,
         const char *name)
{
  JsonNode *node = _cockpit_sim_loader_member (loader, object, name);

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      _cockpit_sim_loader_fail (loader, name, "is not a boolean");
      return FALSE;
    }
  return json_node_get_boolean (node);
}

int
_cockpit_sim_loader_enum (CockpitSimLoader     *loader,
         JsonObject *object,
         const char *name,
         GType       type,
         gboolean    nullable)
{
  const char *text = _cockpit_sim_loader_string (loader, object, name, nullable);
  int value = 0;

  if (text == NULL)
    return 0;
  if (!cockpit_enum_from_string (type, text, &value))
    _cockpit_sim_loader_fail (loader, name, "has an unknown value");
  return value;
}

JsonArray *
_cockpit_sim_loader_array (CockpitSimLoader     *loader,
          JsonObject *object,
          const char *name)
{
  JsonNode *node = _cockpit_sim_loader_member (loader, object, name);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _cockpit_sim_loader_fail (loader, name, "is not an array");
      return NULL;
    }
  return json_node_get_array (node);
}

guint
_cockpit_sim_loader_length (JsonArray *array)
{
  return array != NULL ? json_array_get_length (array) : 0;
}

JsonObject *
_cockpit_sim_loader_element (CockpitSimLoader     *loader,
            JsonArray  *array,
            guint       index,
            const char *name)
{
  JsonNode *node;

  if (loader->error != NULL)
    return NULL;
  node = json_array_get_element (array, index);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _cockpit_sim_loader_fail (loader, name, "holds something that is not an object");
      return NULL;
    }
  return json_node_get_object (node);
}

