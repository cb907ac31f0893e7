/* cockpit-helpdesk-button.h: the header bar button with the unread helpdesk notifications and their popover.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cockpit-helpdesk.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_HELPDESK_BUTTON (cockpit_helpdesk_button_get_type ())

G_DECLARE_FINAL_TYPE (CockpitHelpdeskButton, cockpit_helpdesk_button, COCKPIT, HELPDESK_BUTTON, GtkWidget)

GtkWidget       *cockpit_helpdesk_button_new          (void);
CockpitHelpdesk *cockpit_helpdesk_button_get_helpdesk (CockpitHelpdeskButton *self);
/* @helpdesk: NULL shows nothing (signed out). */
void             cockpit_helpdesk_button_set_helpdesk (CockpitHelpdeskButton *self,
                                                       CockpitHelpdesk       *helpdesk);
/* The packages (CockpitPackage) whose names the rows show instead of
 * their ids, such as cockpit_session_get_packages(); may be NULL. */
void             cockpit_helpdesk_button_set_packages (CockpitHelpdeskButton *self,
                                                       GListModel            *packages);
/* Narrow: no room kept for the widest counts, a narrower list. */
void             cockpit_helpdesk_button_set_compact  (CockpitHelpdeskButton *self,
                                                       gboolean               compact);
/* Opens the popover with the list. */
void             cockpit_helpdesk_button_popup        (CockpitHelpdeskButton *self);

/* What the button says to screen readers and in its tooltip:
 * "2 critical, 1 warning and 3 info notifications unread". */
const char      *cockpit_helpdesk_button_get_summary  (CockpitHelpdeskButton *self);
/* The sentence shown in the popover after a failure, or NULL (tests). */
const char      *cockpit_helpdesk_button_get_error    (CockpitHelpdeskButton *self);
/* Parts, for tests and screenshots. */
GtkPopover      *cockpit_helpdesk_button_get_popover  (CockpitHelpdeskButton *self);
GtkListBox      *cockpit_helpdesk_button_get_list_box (CockpitHelpdeskButton *self);
GtkWidget       *cockpit_helpdesk_button_get_pill     (CockpitHelpdeskButton *self,
                                                       CockpitSeverity        severity);

/* Tells the desktop about a new critical notification: a GNotification
 * with the id "helpdesk-<id>" whose click (and "Open" button) activates
 * "app.show-helpdesk".  Fits the "new-critical" signal of
 * CockpitHelpdesk connected with G_CONNECT_SWAPPED and @app as data. */
void             cockpit_helpdesk_notify_critical     (GApplication          *app,
                                                       CockpitNotification   *notification);

G_END_DECLS
