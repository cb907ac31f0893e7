/* cockpit-package-page-private.h: what the files of the package page share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cockpit-package-page.c is the page: the package's name and state, its
 * environments' cards, the answer of what can be done, and what each user
 * action opens; cockpit-package-page-flow.c the flow diagram and its
 * heading, following the running action, the last one or the plan;
 * cockpit-package-page-confirm.c the question asked before an action and
 * its start, and the tear-down; cockpit-package-page-backups.c the backups
 * of Live: a manual backup, and keeping, restoring or deleting the upgrade
 * backup; cockpit-package-page-plans.c the upgrade plan: its dialog,
 * approving a step, cancelling it; cockpit-package-page-availability.c
 * what they all ask: what can be done now.  They say their outcome in the
 * window's toast with cockpit_widget_show_toast().
 *
 * Calls go one way: the page calls its parts, the parts call
 * -availability.c (and the backups the question of -confirm.c), and
 * -availability.c calls none of them.
 *
 * Callbacks of what changes something hold the page weakly
 * (cockpit-async.h): the change goes on without the page.
 */
#pragma once

#include "cockpit-backup-card.h"
#include "cockpit-flow-diagram.h"
#include "cockpit-package-page.h"
#include "cockpit-plan-card.h"

G_BEGIN_DECLS

struct _CockpitPackagePage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget          *scroller;
  GtkLabel           *name_label;
  GtkLabel           *status_label;
  GtkWidget          *maintenance_box;
  GtkLabel           *maintenance_label;
  GtkFlowBox         *environments_box;
  GtkLabel           *flow_heading;
  CockpitFlowDiagram *flow_diagram;
  GtkLabel           *plan_sequence_label;
  CockpitBackupCard  *backup_card;
  CockpitPlanCard    *plan_card;
  GtkWidget          *upgrade_button;
  GtkWidget          *plan_button;

  /* Owned references */
  CockpitSession     *session;
  CockpitPackage     *package;
  CockpitAction      *last_action;   /* the last upgrade that ended here */
  GtkWindow          *wizard;        /* weak */
  GtkWindow          *plan_dialog;   /* weak */
  AdwMessageDialog   *dialog;        /* weak: the confirmation open now */
  CockpitAvailability *availability; /* what can be done now, from the window */
};

/* cockpit-package-page-availability.c */
/* What can be done now, for the package shown; empty without one. */
CockpitAvailability *_cockpit_package_page_dup_availability (CockpitPackagePage     *self);

/* cockpit-package-page-flow.c */
/* Shows the running action, the last one, the plan or the next
 * upgrade in the flow diagram, with its heading. */
void                 _cockpit_package_page_update_flow      (CockpitPackagePage     *self);

/* cockpit-package-page-confirm.c */
/* Asks before an action of @kind on @environment; "confirm" checks
 * @action again and starts it.  @appearance marks a destructive one. */
AdwMessageDialog    *_cockpit_package_page_confirm          (CockpitPackagePage     *self,
                                                             CockpitUserAction       action,
                                                             CockpitEnvironment     *environment,
                                                             CockpitActionKind       kind,
                                                             const char             *heading,
                                                             const char             *body,
                                                             const char             *confirm_label,
                                                             AdwResponseAppearance   appearance);
void                 _cockpit_package_page_tear_down        (CockpitPackagePage     *self,
                                                             CockpitEnvironmentKind  kind);

/* cockpit-package-page-backups.c */
void                 _cockpit_package_page_back_up_live     (CockpitPackagePage     *self);
void                 _cockpit_package_page_extend_backup    (CockpitPackagePage     *self);
void                 _cockpit_package_page_restore_backup   (CockpitPackagePage     *self);
void                 _cockpit_package_page_delete_backup    (CockpitPackagePage     *self);

/* cockpit-package-page-plans.c */
void                 _cockpit_package_page_open_plan_dialog (CockpitPackagePage     *self);
void                 _cockpit_package_page_approve_plan     (CockpitPackagePage     *self);
void                 _cockpit_package_page_cancel_plan      (CockpitPackagePage     *self);

G_END_DECLS
