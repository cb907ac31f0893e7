/* cockpit-fleet-plan-row.c: one package in the several-package "Plan an Upgrade…": its name, whether it is planned, and why.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog makes the rows again from its entries whenever they change
 * (gtk_list_box_bind_model), so a row only shows what it is given.  The
 * state sits beside the name and the reason below both, across the whole
 * row: at 360 px a reason of four lines stays readable.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-fleet-plan-row.h"

struct _CockpitFleetPlanRow
{
  GtkListBoxRow parent_instance;

  /* Template widgets */
  GtkLabel *name_label;
  GtkLabel *state_label;
  GtkLabel *text_label;
};

G_DEFINE_FINAL_TYPE (CockpitFleetPlanRow, cockpit_fleet_plan_row, GTK_TYPE_LIST_BOX_ROW)

GtkWidget *
cockpit_fleet_plan_row_new (const char            *name,
                            CockpitFleetPlanState  state,
                            const char            *text)
{
  CockpitFleetPlanRow *self = g_object_new (COCKPIT_TYPE_FLEET_PLAN_ROW, NULL);
  const char *state_text = NULL;
  const char *css = NULL;

  switch (state)
    {
    case COCKPIT_FLEET_PLAN_ALLOWED:
      state_text = _("Will be planned");
      break;
    case COCKPIT_FLEET_PLAN_REFUSED:
      state_text = _("Cannot be planned");
      css = "warning";
      break;
    case COCKPIT_FLEET_PLAN_SENDING:
      state_text = _("Sending…");
      break;
    case COCKPIT_FLEET_PLAN_CREATED:
      state_text = _("Created");
      css = "success";
      break;
    case COCKPIT_FLEET_PLAN_FAILED:
      state_text = _("Refused");
      css = "error";
      break;
    default:
      g_return_val_if_reached (GTK_WIDGET (self));
    }

  gtk_label_set_label (self->name_label, name != NULL ? name : "");
  gtk_label_set_label (self->state_label, state_text);
  if (css != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->state_label), css);
  gtk_label_set_label (self->text_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), text != NULL && *text != '\0');

  /* A screen reader hears the row as one: the package and what happens
   * to it, then why. */
  {
    /* Translators: a package in the list of "Plan an Upgrade" for several
     * packages, read by a screen reader: "Acme Corporation Website: Will be planned" */
    g_autofree char *accessible = g_strdup_printf (_("%s: %s"), name != NULL ? name : "", state_text);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
    if (text != NULL && *text != '\0')
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  }
  return GTK_WIDGET (self);
}

const char *
cockpit_fleet_plan_row_get_state_text (CockpitFleetPlanRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_PLAN_ROW (self), NULL);

  return gtk_label_get_label (self->state_label);
}

static void
cockpit_fleet_plan_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), COCKPIT_TYPE_FLEET_PLAN_ROW);

  G_OBJECT_CLASS (cockpit_fleet_plan_row_parent_class)->dispose (object);
}

static void
cockpit_fleet_plan_row_class_init (CockpitFleetPlanRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cockpit_fleet_plan_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cockpit-fleet-plan-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetPlanRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetPlanRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetPlanRow, text_label);
  /* Its CSS name stays "row", which boxed lists draw with separators;
   * the template gives it the class "fleet-plan-row". */
}

static void
cockpit_fleet_plan_row_init (CockpitFleetPlanRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
