/* cockpit-sim-plans-handlers.c: the simulator's answers to the upgrade plan calls (v1.1), and their routes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsoup/soup.h>

#include "cockpit-sim-plans-private.h"
#include "cockpit-sim-request-private.h"

static void
handle_create (Request *req)
{
  CockpitSimulator *self = req->self;
  CockpitSimPackage *package = _cockpit_sim_lookup_package (req);
  g_autoptr(GError) error = NULL;
  CockpitSimPlan *plan;

  if (package == NULL)
    return;

  plan = _cockpit_sim_plans_create (self->state, package, req->body, _cockpit_simulator_now_seconds (self),
                                    COCKPIT_SIM_USER_NAME, &error);
  if (plan == NULL)
    {
      _cockpit_sim_reply_gerror (req, error);
      return;
    }

  req->changed = TRUE;
  req->location = g_strdup_printf ("/api/v1/plans/%s", plan->id);
  _cockpit_sim_reply_json (req, SOUP_STATUS_CREATED, _cockpit_sim_plan_to_json (plan));
}

static void
handle_list (Request *req)
{
  CockpitSimPackage *package = _cockpit_sim_lookup_package (req);
  g_autofree char *hash = NULL;
  g_autofree char *next = NULL;
  JsonArray *array;
  guint limit, position, i;

  if (package == NULL || !_cockpit_sim_parse_limit (req, &limit))
    return;
  hash = _cockpit_sim_cursor_hash ("plans", package->id, "");
  if (!_cockpit_sim_cursor_decode (req, hash, package->plans->len, &position))
    return;

  array = json_array_new ();
  for (i = position; i > 0 && json_array_get_length (array) < limit; i--)
    json_array_add_element (array, _cockpit_sim_plan_to_json (g_ptr_array_index (package->plans, i - 1)));
  if (i > 0)
    next = _cockpit_sim_cursor_encode (i, hash);
  _cockpit_sim_reply_page (req, "plans", array, next);
}

/* The plan the path names; NULL after replying 404. */
static CockpitSimPlan *
lookup_plan (Request            *req,
             CockpitSimPackage **package_out)
{
  CockpitSimPlan *plan = _cockpit_sim_plans_find (req->self->state, req->args[0], package_out);

  if (plan == NULL)
    _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_NOT_FOUND, "There is no upgrade plan “%s”.", req->args[0]);
  return plan;
}

static void
handle_get (Request *req)
{
  CockpitSimPlan *plan = lookup_plan (req, NULL);

  if (plan != NULL)
    _cockpit_sim_reply_json (req, SOUP_STATUS_OK, _cockpit_sim_plan_to_json (plan));
}

/* Approve (arg 0) and cancel (arg 1) take no body: the contract declares
 * none for them, unlike the v1 requests without parameters, which take
 * an empty body or any JSON object. */
static void
handle_change (Request *req)
{
  CockpitSimulator *self = req->self;
  CockpitSimPackage *package = NULL;
  CockpitSimPlan *plan = lookup_plan (req, &package);
  g_autoptr(GError) error = NULL;
  gint64 now = _cockpit_simulator_now_seconds (self);
  gboolean done;

  if (plan == NULL)
    return;
  if (req->body != NULL && g_bytes_get_size (req->body) > 0)
    {
      _cockpit_sim_reply_error (req, COCKPIT_SIM_ERROR_BAD_REQUEST,
                                "Approving or cancelling a plan takes no request body.");
      return;
    }

  if (req->route_arg == 0)
    done = _cockpit_sim_plans_approve (self->state, package, plan, now, COCKPIT_SIM_USER_NAME, &error);
  else
    done = _cockpit_sim_plans_cancel (package, plan, now, COCKPIT_SIM_USER_NAME, &error);
  if (!done)
    {
      _cockpit_sim_reply_gerror (req, error);
      return;
    }

  req->changed = TRUE;
  _cockpit_sim_reply_json (req, SOUP_STATUS_OK, _cockpit_sim_plan_to_json (plan));
}

const Route _cockpit_sim_plan_routes[] = {
  { "POST", "/api/v1/packages/*/plans", handle_create, 0, FALSE },
  { "GET", "/api/v1/packages/*/plans", handle_list, 0, FALSE },
  { "GET", "/api/v1/plans/*", handle_get, 0, FALSE },
  { "POST", "/api/v1/plans/*/approve", handle_change, 0, FALSE },
  { "POST", "/api/v1/plans/*/cancel", handle_change, 1, FALSE },
  { NULL },
};
