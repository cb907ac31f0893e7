/* cockpit-upgrade-wizard-private.h: what the files of the upgrade wizard share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cockpit-upgrade-wizard.c is the window: its pages' navigation (Back,
 * Next, the default button, the focus, Enter) and the object;
 * cockpit-upgrade-wizard-choice.c the first two pages, which environment
 * and which version; cockpit-upgrade-wizard-checklist.c the third, the
 * consequences the user confirms; cockpit-upgrade-wizard-install.c what
 * Install does: start the upgrade, or the backup of Live before it, say
 * what the cockpit answered ("action-started"), and follow the upgrade
 * on the last page; cockpit-upgrade-wizard-state.c what they all ask:
 * the page shown, what the choices allow, and the actions enabled.
 *
 * Calls go one way: the window calls the pages, the pages call -state.c
 * (and Install the checklist's error line), and -state.c calls none.
 *
 * Callbacks of asynchronous calls hold the wizard weakly (cockpit-async.h):
 * a reference would keep a closed wizard from being disposed, and so from
 * cancelling what it waits for.
 */
#pragma once

#include "cockpit-model.h"
#include "cockpit-upgrade-version-row.h"
#include "cockpit-upgrade-wizard.h"

G_BEGIN_DECLS

struct _CockpitUpgradeWizard
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *cancel_button;
  GtkWidget            *back_button;
  GtkWidget            *next_button;
  GtkWidget            *install_button;
  GtkSpinner           *install_spinner;
  GtkStack             *stack;
  GtkLabel             *environment_description;
  GtkWidget            *package_notice;
  GtkLabel             *package_notice_label;
  GtkListBox           *environment_list;
  GtkStack             *versions_stack;
  GtkSpinner           *versions_spinner;
  AdwStatusPage        *versions_error_page;
  AdwStatusPage        *versions_blocked_page;
  AdwStatusPage        *versions_empty_page;
  GtkLabel             *versions_description;
  GtkListBox           *version_list;
  GtkScrolledWindow    *consequences_scroller;
  GtkLabel             *consequences_title;
  GtkLabel             *blue_green_label;
  GtkLabel             *previous_label;
  GtkWidget            *order_box;
  GtkLabel             *order_label;
  GtkWidget            *backup_group;
  GtkSwitch            *backup_switch;
  AdwActionRow         *check_notes_row;
  AdwActionRow         *check_tested_row;
  GtkCheckButton       *check_notes;
  GtkCheckButton       *check_tested;
  GtkCheckButton       *check_templates;
  GtkCheckButton       *check_definitions;
  GtkLabel             *error_label;
  AdwStatusPage        *started_page;
  GtkWidget            *close_button;

  /* Owned references */
  CockpitActionTracker *tracker;
  CockpitPackage       *package;
  GListModel           *releases;
  GDateTime            *now;            /* NULL: the current time */
  GCancellable         *cancellable;    /* of the versions being loaded */
  GListStore           *environments;   /* shown on the first page */
  GListStore           *versions;       /* offered for the chosen environment */
  CockpitEnvironment   *environment;    /* the chosen one */
  CockpitRelease       *release;        /* the chosen one */
  char                 *confirmed_for;  /* "environment id/version" the checklist is for */
  char                 *upgrade_id;     /* the upgrade started, followed to its end */
  char                 *from_version;   /* what the environment ran before it */

  /* State */
  CockpitUpgradeVersionRow *version_group; /* the first row of the version list */
  gboolean              installing;     /* Install was pressed, no answer yet */
  gboolean              waiting_for_upgrade; /* backed up first; the upgrade should follow */
  gboolean              followup_connected;
};

static inline const char *
_cockpit_upgrade_wizard_environment_label (CockpitEnvironment *environment)
{
  return cockpit_environment_kind_get_label (cockpit_environment_get_kind (environment));
}

static inline gboolean
_cockpit_upgrade_wizard_is_live (CockpitEnvironment *environment)
{
  return cockpit_environment_get_kind (environment) == COCKPIT_ENVIRONMENT_KIND_LIVE;
}

/* cockpit-upgrade-wizard-state.c: what the pages ask. */
/* The name of the page shown: "environment", "versions", "consequences"
 * or "started"; "" before there is one. */
const char         *_cockpit_upgrade_wizard_get_page             (CockpitUpgradeWizard *self);
void                _cockpit_upgrade_wizard_focus_first_choice   (CockpitUpgradeWizard *self);
/* Whether @environment can be upgraded now, with the reason in words. */
CockpitBlockReason  _cockpit_upgrade_wizard_check_environment    (CockpitUpgradeWizard  *self,
                                                                  CockpitEnvironment    *environment,
                                                                  char                 **message);
/* Whether the four ticks of the checklist are set. */
gboolean            _cockpit_upgrade_wizard_all_checked          (CockpitUpgradeWizard *self);
/* Enables Back, Next and Install from the page shown and the choices. */
void                _cockpit_upgrade_wizard_update_actions       (CockpitUpgradeWizard *self);

/* cockpit-upgrade-wizard-choice.c: pages 1 and 2. */
void                _cockpit_upgrade_wizard_refresh_environments (CockpitUpgradeWizard *self);
/* Shows the versions page for @environment and loads its versions. */
void                _cockpit_upgrade_wizard_choose_environment   (CockpitUpgradeWizard *self,
                                                                  CockpitEnvironment   *environment);
/* Binds the two lists to their stores, once the wizard is set up. */
void                _cockpit_upgrade_wizard_init_choice          (CockpitUpgradeWizard *self);

/* cockpit-upgrade-wizard-checklist.c: page 3. */
/* Fills the consequences of the environment and version chosen; the
 * ticks are kept as long as the choice stays the same. */
void                _cockpit_upgrade_wizard_fill_consequences    (CockpitUpgradeWizard *self);
/* Shows @message under the page's title; NULL hides it. */
void                _cockpit_upgrade_wizard_show_error           (CockpitUpgradeWizard *self,
                                                                  const char           *message);

/* cockpit-upgrade-wizard-install.c: Install and the last page. */
/* Follows the upgrade started to its end while the wizard is open. */
void                _cockpit_upgrade_wizard_init_install         (CockpitUpgradeWizard *self);

/* Each part binds its template callbacks and installs its actions;
 * Install makes the signal "action-started", which it emits. */
void                _cockpit_upgrade_wizard_class_init_choice    (GtkWidgetClass *widget_class);
void                _cockpit_upgrade_wizard_class_init_checklist (GtkWidgetClass *widget_class);
void                _cockpit_upgrade_wizard_class_init_install   (GtkWidgetClass *widget_class);

G_END_DECLS
