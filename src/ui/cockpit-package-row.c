/* cockpit-package-row.c: one package in the main window's sidebar.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The package's name and status, a mark while it is in maintenance and
 * one while its upgrade plan waits for the user's approval.  The row
 * follows the package (and the session's word on its plan) for as long
 * as it lives; the list makes a new row for a new package.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-package-row.h"
#include "cockpit-width-bin.h"
#include "cockpit-widget-util.h"

struct _CockpitPackageRow
{
  GtkListBoxRow   parent_instance;

  /* Template widgets */
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkWidget      *maintenance_icon;
  GtkWidget      *plan_mark;

  CockpitPackage *package;
  CockpitSession *session;
};

G_DEFINE_FINAL_TYPE (CockpitPackageRow, cockpit_package_row, GTK_TYPE_LIST_BOX_ROW)

static void
update_marks (CockpitPackageRow *self)
{
  CockpitPlan *plan = NULL;

  gtk_widget_set_visible (self->maintenance_icon, cockpit_package_is_in_maintenance (self->package));

  /* The session knows of a plan as it moves, the package of the one
   * active when it was loaded. */
  if (self->session != NULL)
    plan = cockpit_session_get_plan (self->session, self->package);
  if (plan == NULL)
    plan = cockpit_package_get_active_plan (self->package);
  gtk_widget_set_visible (self->plan_mark, plan != NULL && cockpit_plan_get_step_awaiting_approval (plan) != NULL);
}

static void
plan_changed_cb (CockpitSession    *session,
                 CockpitPackage    *package,
                 CockpitPackageRow *self)
{
  if (package == self->package)
    update_marks (self);
}

/* A status to say shows its line; none leaves no empty line. */
static gboolean
text_to_visible (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_boolean (to, text != NULL && *text != '\0');
  return TRUE;
}

GtkWidget *
cockpit_package_row_new (CockpitPackage *package,
                         CockpitSession *session)
{
  CockpitPackageRow *self;

  g_return_val_if_fail (COCKPIT_IS_PACKAGE (package), NULL);
  g_return_val_if_fail (session == NULL || COCKPIT_IS_SESSION (session), NULL);

  self = g_object_new (COCKPIT_TYPE_PACKAGE_ROW, NULL);
  self->package = g_object_ref (package);
  g_object_bind_property (package, "name", self->title_label, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (package, "status-text", self->subtitle_label, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (package, "status-text", self->subtitle_label, "visible", G_BINDING_SYNC_CREATE,
                               text_to_visible, NULL, NULL, NULL);
  g_signal_connect_object (package, "notify", G_CALLBACK (update_marks), self, G_CONNECT_SWAPPED);
  if (session != NULL)
    {
      self->session = g_object_ref (session);
      g_signal_connect_object (session, "plan-changed", G_CALLBACK (plan_changed_cb), self, 0);
    }
  update_marks (self);
  return GTK_WIDGET (self);
}

const char *
cockpit_package_row_get_title (CockpitPackageRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE_ROW (self), NULL);

  return gtk_label_get_text (self->title_label);
}

const char *
cockpit_package_row_get_subtitle (CockpitPackageRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE_ROW (self), NULL);

  return gtk_label_get_text (self->subtitle_label);
}

CockpitPackage *
cockpit_package_row_get_package (CockpitPackageRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE_ROW (self), NULL);

  return self->package;
}

gboolean
cockpit_package_row_get_in_maintenance (CockpitPackageRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE_ROW (self), FALSE);

  return gtk_widget_get_visible (self->maintenance_icon);
}

gboolean
cockpit_package_row_get_awaiting_approval (CockpitPackageRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_PACKAGE_ROW (self), FALSE);

  return gtk_widget_get_visible (self->plan_mark);
}

static void
cockpit_package_row_dispose (GObject *object)
{
  CockpitPackageRow *self = COCKPIT_PACKAGE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCKPIT_TYPE_PACKAGE_ROW);
  g_clear_object (&self->package);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (cockpit_package_row_parent_class)->dispose (object);
}

static void
cockpit_package_row_class_init (CockpitPackageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cockpit_package_row_dispose;

  g_type_ensure (COCKPIT_TYPE_WIDTH_BIN);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cockpit-package-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CockpitPackageRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitPackageRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitPackageRow, maintenance_icon);
  gtk_widget_class_bind_template_child (widget_class, CockpitPackageRow, plan_mark);
}

/* The tooltips of the template's children (cockpit-widget-util.c says
 * why they are not in the .ui file). */
static const char * const template_tooltips[] = {
  "maintenance_icon", N_("In maintenance"),
  "plan_mark", N_("An upgrade plan waits for your approval"),
  NULL
};

static void
cockpit_package_row_init (CockpitPackageRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cockpit_widget_set_template_tooltips (GTK_WIDGET (self), COCKPIT_TYPE_PACKAGE_ROW, template_tooltips);
  /* Read as one: the name, then the status. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->subtitle_label, NULL,
                                  -1);
}
