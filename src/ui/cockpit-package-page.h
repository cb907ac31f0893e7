/* cockpit-package-page.h: the page of one package: environments, flow, upgrade.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cockpit-session.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_PACKAGE_PAGE (cockpit_package_page_get_type ())

G_DECLARE_FINAL_TYPE (CockpitPackagePage, cockpit_package_page, COCKPIT, PACKAGE_PAGE, GtkWidget)

void            cockpit_package_page_set_session (CockpitPackagePage *self,
                                                  CockpitSession     *session);
void            cockpit_package_page_set_package (CockpitPackagePage *self,
                                                  CockpitPackage     *package);
CockpitPackage *cockpit_package_page_get_package (CockpitPackagePage *self);
/* The wizard opened last from this page, if still open (tests). */
GtkWindow      *cockpit_package_page_get_wizard  (CockpitPackagePage *self);
/* The card of an environment kind (tests). */
GtkWidget      *cockpit_package_page_get_card    (CockpitPackagePage      *self,
                                                  CockpitEnvironmentKind   kind);
GtkWidget      *cockpit_package_page_get_flow_diagram (CockpitPackagePage *self);
GtkWidget      *cockpit_package_page_get_backup_card  (CockpitPackagePage *self);
/* The plan dialog opened last from this page, if still open, and the plan card (tests). */
GtkWindow      *cockpit_package_page_get_plan_dialog  (CockpitPackagePage *self);
GtkWidget      *cockpit_package_page_get_plan_card    (CockpitPackagePage *self);
/* The confirmation open now, if any (tests). */
AdwMessageDialog *cockpit_package_page_get_dialog     (CockpitPackagePage *self);
/* What can be done with the package shown now, and why not: made anew
 * on each call.  An empty answer while no package is shown. */
CockpitAvailability *cockpit_package_page_dup_availability (CockpitPackagePage  *self);
/* Shows the reasons of @availability next to the controls. */
void            cockpit_package_page_set_availability (CockpitPackagePage  *self,
                                                       CockpitAvailability *availability);
/* The answer shown now, or NULL before the first (tests). */
CockpitAvailability *cockpit_package_page_get_availability (CockpitPackagePage *self);
/* Asks for, or starts, what @action stands for; the caller has checked
 * that it is allowed, and the confirmation checks again. */
void            cockpit_package_page_run              (CockpitPackagePage  *self,
                                                       CockpitUserAction    action);
/* Shows the time left again; the window calls it once a minute. */
void            cockpit_package_page_tick             (CockpitPackagePage *self);
/* Narrow (a folded window, down to 360 px): the cards stack their buttons. */
void            cockpit_package_page_set_narrow       (CockpitPackagePage *self,
                                                       gboolean            narrow);

G_END_DECLS
