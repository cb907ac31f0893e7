/* cockpit-window.c: the main window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-window.h"

struct _CockpitWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (CockpitWindow, cockpit_window, ADW_TYPE_APPLICATION_WINDOW)

CockpitWindow *
cockpit_window_new (CockpitApplication *app)
{
  return g_object_new (COCKPIT_TYPE_WINDOW, "application", app, NULL);
}

static void
cockpit_window_class_init (CockpitWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cockpit-window.ui");
}

static void
cockpit_window_init (CockpitWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
