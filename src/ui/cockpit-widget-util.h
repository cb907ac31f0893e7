/* cockpit-widget-util.h: small things every widget of the app does the same way.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A widget's tooltip, kept by the app: in GTK 4.8 setting GTK's own is
 * three round trips to the X server (cockpit-widget-util.c).  No .ui file
 * sets "tooltip-text"; tests/test-widget-util.c checks that. */
void        cockpit_widget_set_tooltip_text (GtkWidget  *widget,
                                             const char *text);
const char *cockpit_widget_get_tooltip_text (GtkWidget  *widget);
void        cockpit_widget_set_template_tooltips (GtkWidget          *widget,
                                                  GType               template_type,
                                                  const char * const *tooltips);
void        cockpit_widget_set_class_of     (GtkWidget          *widget,
                                             const char * const *classes,
                                             const char         *wanted);
/* Shows @text in a toast of the window @widget is in ("win.show-toast"),
 * without knowing that window; nothing when it has none. */
void       cockpit_widget_show_toast       (GtkWidget  *widget,
                                            const char *text);
GtkWindow *cockpit_widget_get_window       (GtkWidget  *widget);
void       cockpit_widget_present_dialog   (GtkWindow **slot,
                                            GtkWindow  *dialog);

/* libadwaita 1.2 reads a toast's title, a status page's description and
 * a row's title and subtitle as Pango markup: a cockpit's message or a
 * file name with "&" or "<" in it showed nothing, with a warning.  These
 * show @text as it is. */
AdwToast  *cockpit_toast_new_text          (const char *text);
void       cockpit_status_page_set_description_text (AdwStatusPage *page,
                                                     const char    *text);

G_END_DECLS
