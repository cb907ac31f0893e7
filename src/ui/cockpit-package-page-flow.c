/* cockpit-package-page-flow.c: the package page's flow diagram and its heading.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diagram follows, in this order: the upgrade plan's current step (its
 * environments in sequence above it), the action running on the package,
 * the last one that ended here, and otherwise how the next upgrade the
 * rules allow would go.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-package-page-private.h"

static CockpitAction *
running_action (CockpitPackagePage *self)
{
  CockpitActionTracker *tracker = cockpit_session_get_tracker (self->session);
  CockpitAction *action = cockpit_action_tracker_find_for_package (tracker, cockpit_package_get_id (self->package));

  if (action == NULL || !cockpit_action_is_running (action))
    action = cockpit_package_get_running_action (self->package);
  if (action != NULL && !cockpit_action_is_running (action))
    action = NULL;
  return action;
}

/* The environment an upgrade would best go to next: the first in the
 * recommended order that can be upgraded now. */
static CockpitEnvironment *
next_environment (CockpitPackagePage  *self,
                  GListStore         **offered_out)
{
  static const CockpitEnvironmentKind order[] = {
    COCKPIT_ENVIRONMENT_KIND_INTEGRATION,
    COCKPIT_ENVIRONMENT_KIND_UAT,
    COCKPIT_ENVIRONMENT_KIND_LIVE,
  };
  g_autoptr(CockpitAvailability) availability = _cockpit_package_page_dup_availability (self);
  GListModel *releases = cockpit_session_get_releases (self->session);
  CockpitEnvironment *fallback = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      CockpitEnvironment *env = cockpit_package_get_environment (self->package, order[i]);
      g_autoptr(GListStore) offered = NULL;

      /* A torn-down environment has no version to upgrade from. */
      if (env == NULL ||
          cockpit_environment_get_state (env) == COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP)
        continue;
      if (fallback == NULL)
        fallback = env;

      offered = cockpit_rules_offered_versions (env, releases);
      if (cockpit_availability_get_allowed (availability, cockpit_user_action_upgrade_of (order[i])))
        {
          *offered_out = g_steal_pointer (&offered);
          return env;
        }
    }

  if (fallback != NULL)
    *offered_out = cockpit_rules_offered_versions (fallback, releases);
  return fallback;
}

/* A plan is shown as its environments in sequence above the diagram,
 * which follows the current one's upgrade, live while it runs. */
static gboolean
update_plan_flow (CockpitPackagePage *self,
                  CockpitAction      *action)
{
  CockpitPlan *plan = cockpit_session_get_plan (self->session, self->package);
  CockpitFlowSequence sequence;
  CockpitPlanStep *current;
  CockpitEnvironment *env;
  g_autofree char *markup = NULL;
  g_autofree char *description = NULL;
  g_autofree char *heading = NULL;

  cockpit_flow_sequence_init (&sequence, plan);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_sequence_label), plan != NULL);
  if (plan == NULL)
    return FALSE;

  markup = cockpit_flow_sequence_to_markup (&sequence);
  description = cockpit_flow_sequence_describe (&sequence);
  gtk_label_set_markup (self->plan_sequence_label, markup);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->plan_sequence_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);

  /* An action of another kind (a manual backup) is shown as usual. */
  if (!cockpit_plan_is_active (plan) ||
      (action != NULL && cockpit_action_get_kind (action) != COCKPIT_ACTION_KIND_UPGRADE &&
       cockpit_action_get_kind (action) != COCKPIT_ACTION_KIND_CREATE_BACKUP))
    return FALSE;

  current = cockpit_plan_get_current_step (plan);
  env = current ? cockpit_package_get_environment (self->package, cockpit_plan_step_get_environment (current)) : NULL;
  if (action != NULL && cockpit_action_is_running (action))
    cockpit_flow_diagram_set_action (self->flow_diagram, action,
                                     cockpit_package_find_environment (self->package, cockpit_action_get_environment_id (action)));
  else
    cockpit_flow_diagram_set_plan (self->flow_diagram, env, cockpit_plan_get_target_version (plan));
  /* Translators: "Upgrade plan to 6.4.3: UAT" */
  heading = g_strdup_printf (_("Upgrade plan to %s: %s"), cockpit_plan_get_target_version (plan),
                             env ? cockpit_environment_kind_get_label (cockpit_environment_get_kind (env)) : "");
  gtk_label_set_text (self->flow_heading, heading);
  return TRUE;
}

void
_cockpit_package_page_update_flow (CockpitPackagePage *self)
{
  CockpitAction *action = running_action (self);
  CockpitEnvironment *env;
  g_autofree char *heading = NULL;

  if (update_plan_flow (self, action))
    return;

  if (action == NULL && self->last_action != NULL)
    action = self->last_action;

  if (action != NULL)
    {
      /* The versions come from the action itself, not from the
       * environment, which may have moved on since it ended. */
      env = cockpit_package_find_environment (self->package, cockpit_action_get_environment_id (action));
      cockpit_flow_diagram_set_action (self->flow_diagram, action, env);
      if (cockpit_action_get_kind (action) == COCKPIT_ACTION_KIND_UPGRADE)
        /* Translators: "Upgrade of Live to 6.3.21" */
        heading = g_strdup_printf (_("Upgrade of %s to %s"),
                                   env ? cockpit_environment_kind_get_label (cockpit_environment_get_kind (env)) : "",
                                   cockpit_action_get_target_version (action));
      else
        heading = g_strdup (cockpit_action_kind_get_label (cockpit_action_get_kind (action)));
    }
  else
    {
      g_autoptr(GListStore) offered = NULL;
      g_autoptr(CockpitRelease) newest = NULL;

      env = next_environment (self, &offered);
      if (offered != NULL && g_list_model_get_n_items (G_LIST_MODEL (offered)) > 0)
        newest = g_list_model_get_item (G_LIST_MODEL (offered), 0);

      if (env != NULL)
        {
          cockpit_flow_diagram_set_plan (self->flow_diagram, env,
                                         newest ? cockpit_release_get_version (newest) : NULL);
          /* Translators: "How an upgrade of Integration works" */
          heading = g_strdup_printf (_("How an upgrade of %s works"),
                                     cockpit_environment_kind_get_label (cockpit_environment_get_kind (env)));
        }
      else
        {
          cockpit_flow_diagram_set_plan (self->flow_diagram, NULL, NULL);
          heading = g_strdup (_("How an upgrade works"));
        }
    }

  gtk_label_set_text (self->flow_heading, heading);
}
