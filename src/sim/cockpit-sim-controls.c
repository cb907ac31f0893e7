/* cockpit-sim-controls.c: the simulator's test controls (clock, failures, maintenance), routed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <libsoup/soup.h>

#include "cockpit-json.h"
#include "cockpit-sim-engine.h"
#include "cockpit-sim-request-private.h"

static void
reply_clock (Request *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *now = cockpit_sim_format_time (_cockpit_simulator_now (req->self));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "now");
  json_builder_add_string_value (builder, now);
  json_builder_set_member_name (builder, "offset_seconds");
  json_builder_add_int_value (builder, req->self->state->clock_offset / G_USEC_PER_SEC);
  json_builder_end_object (builder);
  _cockpit_sim_reply_json (req, SOUP_STATUS_OK, json_builder_get_root (builder));
}

static void
handle_clock_get (Request *req)
{
  reply_clock (req);
}

static void
handle_clock_advance (Request *req)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *member;
  double seconds;

  body = cockpit_sim_engine_parse_body (req->body, TRUE, &error);
  if (body == NULL)
    {
      _cockpit_sim_reply_gerror (req, error);
      return;
    }
  member = json_object_get_member (json_node_get_object (body), "advance_seconds");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      (json_node_get_value_type (member) != G_TYPE_INT64 &&
       json_node_get_value_type (member) != G_TYPE_DOUBLE) ||
      !isfinite (seconds = json_node_get_double (member)) ||
      seconds < 0 || seconds > 10.0 * 365 * 24 * 3600)
    {
      _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_BAD_REQUEST,
                                "“advance_seconds” must be a number of seconds from 0 to ten years; "
                                "the clock only goes forward.");
      return;
    }

  if (req->self->state->clock_offset + (gint64) (seconds * G_USEC_PER_SEC) > COCKPIT_SIM_MAX_CLOCK_OFFSET)
    {
      _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_BAD_REQUEST,
                                "The clock cannot go more than 1,000 years past the real time.");
      return;
    }
  req->self->state->clock_offset += (gint64) (seconds * G_USEC_PER_SEC);
  req->now = _cockpit_simulator_now (req->self);
  cockpit_sim_engine_process_due (req->self->state, req->now);
  req->changed = TRUE;
  reply_clock (req);
}

static void
handle_fail_next (Request *req)
{
  CockpitSimState *state = req->self->state;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  JsonNode *member;
  int stage;

  body = cockpit_sim_engine_parse_body (req->body, TRUE, &error);
  if (body == NULL)
    {
      _cockpit_sim_reply_gerror (req, error);
      return;
    }
  member = json_object_get_member (json_node_get_object (body), "stage");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING ||
      !cockpit_enum_from_string (COCKPIT_TYPE_STAGE_NAME, json_node_get_string (member), &stage))
    {
      _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_BAD_REQUEST,
                                "“stage” must name a stage, such as “verify_replica”.");
      return;
    }

  g_array_append_val (state->fail_next, stage);
  req->changed = TRUE;
  array = json_array_new ();
  for (guint i = 0; i < state->fail_next->len; i++)
    json_array_add_string_element (array, cockpit_enum_to_string (COCKPIT_TYPE_STAGE_NAME,
                                                                  g_array_index (state->fail_next,
                                                                                 CockpitStageName, i)));
  _cockpit_sim_reply_list (req, "fail_next", array);
}

static void
handle_maintenance (Request *req)
{
  CockpitSimPackage *package = _cockpit_sim_lookup_package (req);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *member;

  if (package == NULL)
    return;
  body = cockpit_sim_engine_parse_body (req->body, TRUE, &error);
  if (body == NULL)
    {
      _cockpit_sim_reply_gerror (req, error);
      return;
    }
  member = json_object_get_member (json_node_get_object (body), "message");
  if (member == NULL ||
      !(JSON_NODE_HOLDS_NULL (member) ||
        (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING &&
         *json_node_get_string (member) != '\0')))
    {
      _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_BAD_REQUEST,
                                "“message” must be a text that starts maintenance mode, or null to end it.");
      return;
    }

  g_free (package->maintenance_message);
  package->maintenance_message = JSON_NODE_HOLDS_NULL (member) ? NULL
                                                               : g_strdup (json_node_get_string (member));
  /* A plan's step that waited for the maintenance to end starts now. */
  cockpit_sim_engine_process_due (req->self->state, req->now);
  req->changed = TRUE;
  _cockpit_sim_reply_json (req, SOUP_STATUS_OK, cockpit_sim_package_to_json (package, req->now));
}

const Route _cockpit_sim_control_routes[] = {
  { "GET", "/_sim/clock", handle_clock_get, 0, TRUE },
  { "POST", "/_sim/clock", handle_clock_advance, 0, TRUE },
  { "POST", "/_sim/fail-next", handle_fail_next, 0, TRUE },
  { "POST", "/_sim/packages/*/maintenance", handle_maintenance, 0, TRUE },
  { NULL },
};
