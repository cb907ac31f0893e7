/* cockpit-upgrade-wizard.c: the wizard that changes the Magnolia version of an environment.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Four pages, as in the vendor's cockpit: choose the environment, choose
 * the version, confirm the consequences, and "started".  The wizard only
 * starts the action; the action tracker follows it, so the window may be
 * closed as soon as Install was pressed.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-a11y.h"
#include "cockpit-model.h"
#include "cockpit-rules.h"
#include "cockpit-async.h"
#include "cockpit-upgrade-texts.h"
#include "cockpit-upgrade-wizard.h"

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
  GtkCheckButton       *version_group;  /* the first check of the version list */
  gboolean              installing;     /* Install was pressed, no answer yet */
  gboolean              waiting_for_upgrade; /* backed up first; the upgrade should follow */
  gboolean              followup_connected;
};

G_DEFINE_FINAL_TYPE (CockpitUpgradeWizard, cockpit_upgrade_wizard, ADW_TYPE_WINDOW)

enum {
  ACTION_STARTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Integration first: the recommended order, which the first page shows. */
static const CockpitEnvironmentKind kinds_in_order[] = {
  COCKPIT_ENVIRONMENT_KIND_INTEGRATION,
  COCKPIT_ENVIRONMENT_KIND_UAT,
  COCKPIT_ENVIRONMENT_KIND_LIVE,
};

static void update_actions      (CockpitUpgradeWizard *self);
static void install_done        (CockpitUpgradeWizard *self,
                                 CockpitAction        *action,
                                 gboolean              backup_first,
                                 const GError         *error);
static void chain_upgrade_began (CockpitUpgradeWizard *self,
                                 CockpitAction        *action);
static void chain_gave_up       (CockpitUpgradeWizard *self,
                                 const char           *message);

/* Callbacks hold the wizard weakly (cockpit-async.h): a reference would
 * keep a closed wizard from being disposed, and so from cancelling what
 * it waits for. */

static GDateTime *
get_now (CockpitUpgradeWizard *self)
{
  return self->now != NULL ? g_date_time_ref (self->now) : g_date_time_new_now_utc ();
}

static const char *
environment_label (CockpitEnvironment *environment)
{
  return cockpit_environment_kind_get_label (cockpit_environment_get_kind (environment));
}

static gboolean
is_live (CockpitEnvironment *environment)
{
  return cockpit_environment_get_kind (environment) == COCKPIT_ENVIRONMENT_KIND_LIVE;
}

/* Errors that prove the cockpit did not start the action.  For the
 * others (no answer, a garbled one) the tracker keeps looking whether
 * it started, and reports it with its own signals. */
/* Backup first, then upgrade --------------------------------------------------
 *
 * With "Back up Live before upgrading", Install asks the tracker for a
 * backup of Live with the upgrade to follow it
 * (cockpit_action_tracker_start_backup_then_upgrade_async).  The tracker
 * journals both steps, so the upgrade follows the backup even when this
 * wizard, or the whole app, was closed meanwhile.  While the wizard is
 * open it listens to the tracker to say how the second step went.
 */

static gboolean
is_our_upgrade (CockpitUpgradeWizard *self,
                const char           *environment_id,
                CockpitActionKind     kind)
{
  return self->waiting_for_upgrade && self->environment != NULL &&
         kind == COCKPIT_ACTION_KIND_UPGRADE &&
         g_strcmp0 (environment_id, cockpit_environment_get_id (self->environment)) == 0;
}

static void
followup_started_cb (CockpitActionTracker *tracker,
                     CockpitAction        *action,
                     CockpitUpgradeWizard *self)
{
  if (!is_our_upgrade (self, cockpit_action_get_environment_id (action), cockpit_action_get_kind (action)))
    return;

  self->waiting_for_upgrade = FALSE;
  chain_upgrade_began (self, action);
}

static void
followup_not_started_cb (CockpitActionTracker *tracker,
                         const char           *package_id,
                         const char           *environment_id,
                         CockpitActionKind     kind,
                         const char           *message,
                         CockpitUpgradeWizard *self)
{
  if (!is_our_upgrade (self, environment_id, kind))
    return;

  self->waiting_for_upgrade = FALSE;
  chain_gave_up (self, message);
}

static void
backup_start_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CockpitUpgradeWizard) self = cockpit_weak_steal (user_data);
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GError) error = NULL;

  action = cockpit_action_tracker_start_finish (COCKPIT_ACTION_TRACKER (object), result, &error);
  if (self == NULL)
    return;

  /* Unless the cockpit refused the backup, the upgrade may still follow. */
  self->waiting_for_upgrade = action != NULL || !cockpit_client_error_is_rejection (error);
  install_done (self, action, TRUE, error);
}

static void
chain_start (CockpitUpgradeWizard *self)
{
  if (!self->followup_connected)
    {
      self->followup_connected = TRUE;
      g_signal_connect_object (self->tracker, "action-started", G_CALLBACK (followup_started_cb), self, 0);
      g_signal_connect_object (self->tracker, "action-not-started", G_CALLBACK (followup_not_started_cb), self, 0);
    }

  /* No cancellable: once asked for, both steps go on without us. */
  cockpit_action_tracker_start_backup_then_upgrade_async (self->tracker, self->environment,
                                                          cockpit_release_get_version (self->release),
                                                          NULL, backup_start_cb, cockpit_weak_new (self));
}

/* Page 1: the environment ----------------------------------------------------- */

/* Whether @environment can be upgraded now, with the reason in words:
 * the model's one answer, with what this app itself has started. */
static CockpitBlockReason
check_environment (CockpitUpgradeWizard  *self,
                   CockpitEnvironment    *environment,
                   char                 **message)
{
  g_autoptr(GDateTime) now = get_now (self);
  g_autoptr(CockpitAvailability) availability = NULL;
  CockpitUserAction action = cockpit_user_action_upgrade_of (cockpit_environment_get_kind (environment));
  gboolean busy = cockpit_action_tracker_is_busy (self->tracker, cockpit_package_get_id (self->package));

  availability = cockpit_availability_new (self->package, self->releases, busy, now);
  *message = g_strdup (cockpit_availability_get_reason (availability, action));
  return cockpit_availability_get_block (availability, action);
}

static GtkWidget *
pill_new (const char *text,
          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "pill-label");
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
create_environment_row (gpointer item,
                        gpointer user_data)
{
  CockpitUpgradeWizard *self = user_data;
  CockpitEnvironment *environment = item;
  g_autofree char *reason = NULL;
  CockpitBlockReason block;
  GtkWidget *row;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), environment_label (environment));
  g_object_set_data (G_OBJECT (row), "environment", environment);

  block = check_environment (self, environment, &reason);
  if (block == COCKPIT_BLOCK_NONE)
    {
      /* Translators: the version an environment runs, "Magnolia 6.3.18" */
      g_autofree char *version = g_strdup_printf (_("Magnolia %s"),
                                                  cockpit_environment_get_magnolia_version (environment));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), version);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (cockpit_environment_get_kind (environment) == COCKPIT_ENVIRONMENT_KIND_INTEGRATION)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill_new (_("Recommended first"), "recommended-pill"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 g_object_new (GTK_TYPE_IMAGE,
                                               "icon-name", "go-next-symbolic",
                                               "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                               NULL));
    }
  else
    {
      g_autofree char *subtitle = NULL;

      /* The maintenance message is long and the same for every row:
       * the notice above the list shows it once. */
      if (block == COCKPIT_BLOCK_MAINTENANCE)
        {
          g_free (reason);
          reason = g_strdup (_("The package is in maintenance."));
        }

      if (cockpit_environment_get_magnolia_version (environment) != NULL)
        /* Translators: "Magnolia 6.3.18", then on a new line why the environment can't be upgraded */
        subtitle = g_strdup_printf (_("Magnolia %s\n%s"), cockpit_environment_get_magnolia_version (environment), reason);
      else
        subtitle = g_strdup (reason);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (row, "blocked");
      gtk_widget_set_sensitive (row, FALSE);
    }

  return row;
}

static void
refresh_environments (CockpitUpgradeWizard *self)
{
  g_autoptr(GPtrArray) environments = g_ptr_array_new ();
  g_autofree char *message = NULL;
  gboolean maintenance = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kinds_in_order); i++)
    {
      CockpitEnvironment *environment = cockpit_package_get_environment (self->package, kinds_in_order[i]);

      if (environment != NULL)
        g_ptr_array_add (environments, environment);
    }

  g_list_store_splice (self->environments, 0, g_list_model_get_n_items (G_LIST_MODEL (self->environments)),
                       environments->pdata, environments->len);

  /* Maintenance blocks the whole package: said once, above the list. */
  if (environments->len > 0)
    maintenance = check_environment (self, g_ptr_array_index (environments, 0), &message) == COCKPIT_BLOCK_MAINTENANCE;
  if (maintenance)
    gtk_label_set_label (self->package_notice_label, message);
  gtk_widget_set_visible (self->package_notice, maintenance);
}

/* Page 2: the version --------------------------------------------------------- */

static void
version_toggled_cb (CockpitUpgradeWizard *self,
                    GtkCheckButton       *check)
{
  if (!gtk_check_button_get_active (check))
    return;

  g_set_object (&self->release, g_object_get_data (G_OBJECT (check), "release"));
  update_actions (self);
}

static char *
format_release_date (CockpitRelease *release)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;

  if (cockpit_release_get_released_at (release) == NULL)
    return NULL;

  local = g_date_time_to_local (cockpit_release_get_released_at (release));
  /* Translators: a release date, see g_date_time_format() */
  date = g_date_time_format (local, _("%-d %B %Y"));
  /* Translators: "Released 19 February 2026" */
  return g_strdup_printf (_("Released %s"), date);
}

static GtkWidget *
create_version_row (gpointer item,
                    gpointer user_data)
{
  CockpitUpgradeWizard *self = user_data;
  CockpitRelease *release = item;
  g_autofree char *released = format_release_date (release);
  const char *url = cockpit_release_get_release_notes_url (release);
  GtkWidget *row, *check;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cockpit_release_get_version (release));
  if (released != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), released);

  /* One group, so that choosing a version unchooses the others. */
  check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (self->version_group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->version_group);
  else
    self->version_group = GTK_CHECK_BUTTON (check);
  g_object_set_data_full (G_OBJECT (check), "release", g_object_ref (release), g_object_unref);
  g_signal_connect_object (check, "toggled", G_CALLBACK (version_toggled_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  /* One stop of Tab a row: the check box, which Space ticks and Enter
   * follows with Next, the wizard's default. */
  gtk_widget_set_focusable (row, FALSE);

  if (cockpit_release_get_lts (release))
    {
      GtkWidget *pill = pill_new (_("LTS"), "lts-pill");

      gtk_widget_set_tooltip_text (pill, _("Long-term support release"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
    }

  if (url != NULL)
    {
      GtkWidget *link = gtk_link_button_new_with_label (url, _("Release notes"));

      /* A flat button rather than underlined text, which looks out of
       * place in a row; it still opens the notes in the browser. */
      gtk_widget_remove_css_class (link, "link");
      gtk_widget_add_css_class (link, "flat");
      gtk_widget_set_tooltip_text (link, url);
      gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), link);
    }

  return row;
}

static const char *
current_page (CockpitUpgradeWizard *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  return name != NULL ? name : "";
}

/* Each page starts with the focus on its first choice (an environment,
 * a version, the backup switch, Close), not on Cancel. */
static void
focus_first_choice (CockpitUpgradeWizard *self)
{
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_child_focus (GTK_WIDGET (self->stack), GTK_DIR_TAB_FORWARD);
}

static void
show_versions_state (CockpitUpgradeWizard *self,
                     const char           *state)
{
  gboolean loading = g_strcmp0 (state, "loading") == 0;

  gtk_stack_set_visible_child_name (self->versions_stack, state);
  gtk_spinner_set_spinning (self->versions_spinner, loading);
  update_actions (self);
  if (g_str_equal (current_page (self), "versions"))
    focus_first_choice (self);
}

static void
versions_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CockpitUpgradeWizard) self = cockpit_weak_steal (user_data);
  g_autoptr(GListStore) versions = NULL;
  g_autoptr(GError) error = NULL;

  versions = cockpit_client_list_available_versions_finish (COCKPIT_CLIENT (object), result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (versions == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->versions_error_page, escaped);
      show_versions_state (self, "error");
      return;
    }

  self->version_group = NULL;
  g_clear_object (&self->release);
  g_list_store_splice (self->versions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->versions)),
                       NULL, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (versions)); i++)
    {
      g_autoptr(CockpitRelease) release = g_list_model_get_item (G_LIST_MODEL (versions), i);
      g_list_store_append (self->versions, release);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->versions)) == 0)
    {
      g_autofree char *description = NULL;

      /* Translators: "Live already runs the newest version available." */
      description = g_strdup_printf (_("%s already runs the newest version available."),
                                     environment_label (self->environment));
      adw_status_page_set_description (self->versions_empty_page, description);
      show_versions_state (self, "empty");
      return;
    }

  show_versions_state (self, "list");
}

static void
load_versions (CockpitUpgradeWizard *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  show_versions_state (self, "loading");
  cockpit_client_list_available_versions_async (cockpit_action_tracker_get_client (self->tracker),
                                                self->environment, self->cancellable,
                                                versions_loaded_cb, cockpit_weak_new (self));
}

static void
choose_environment (CockpitUpgradeWizard *self,
                    CockpitEnvironment   *environment)
{
  g_autofree char *reason = NULL;
  g_autofree char *description = NULL;
  CockpitBlockReason block;

  g_set_object (&self->environment, environment);
  g_clear_object (&self->release);
  self->version_group = NULL;
  g_list_store_remove_all (self->versions);

  /* Translators: "Live runs Magnolia 6.3.18. Read the release notes before you choose." */
  description = g_strdup_printf (_("%s runs Magnolia %s. Read the release notes of a version before you choose it."),
                                 environment_label (environment),
                                 cockpit_environment_get_magnolia_version (environment));
  gtk_label_set_label (self->versions_description, description);

  gtk_stack_set_visible_child_name (self->stack, "versions");

  /* "Nothing newer" is for the cockpit to say: our releases may be old. */
  block = check_environment (self, environment, &reason);
  if (block != COCKPIT_BLOCK_NONE && block != COCKPIT_BLOCK_NOTHING_NEWER)
    {
      g_autofree char *title = NULL;
      g_autofree char *escaped = g_markup_escape_text (reason, -1);

      /* Translators: "Live Can't Be Upgraded Now" */
      title = g_strdup_printf (_("%s Can't Be Upgraded Now"), environment_label (environment));
      adw_status_page_set_title (self->versions_blocked_page, title);
      adw_status_page_set_description (self->versions_blocked_page, escaped);
      show_versions_state (self, "blocked");
      return;
    }

  load_versions (self);
}

static void
environment_row_activated_cb (CockpitUpgradeWizard *self,
                              GtkListBoxRow        *row)
{
  CockpitEnvironment *environment = g_object_get_data (G_OBJECT (row), "environment");

  if (environment != NULL)
    choose_environment (self, environment);
}

/* Page 3: the consequences ---------------------------------------------------- */

static gboolean
all_checked (CockpitUpgradeWizard *self)
{
  return gtk_check_button_get_active (self->check_notes) &&
         gtk_check_button_get_active (self->check_tested) &&
         gtk_check_button_get_active (self->check_templates) &&
         gtk_check_button_get_active (self->check_definitions);
}

static void
check_toggled_cb (CockpitUpgradeWizard *self)
{
  update_actions (self);
}

static void
show_error (CockpitUpgradeWizard *self,
            const char           *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
fill_consequences (CockpitUpgradeWizard *self)
{
  const char *env = environment_label (self->environment);
  const char *current = cockpit_environment_get_magnolia_version (self->environment);
  const char *target = cockpit_release_get_version (self->release);
  g_autofree char *title = NULL;
  g_autofree char *blue_green = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *tested = NULL;
  g_autofree char *order = NULL;
  g_autofree char *confirmed_for = NULL;
  CockpitOrderWarning warning;

  /* Translators: "Upgrade Live to 6.3.21" */
  title = g_strdup_printf (_("Upgrade %s to %s"), env, target);
  gtk_label_set_label (self->consequences_title, title);

  blue_green = cockpit_upgrade_text_blue_green (env, target, current);
  gtk_label_set_label (self->blue_green_label, blue_green);

  gtk_label_set_label (self->previous_label,
                       cockpit_upgrade_text_previous (cockpit_environment_get_kind (self->environment)));

  warning = cockpit_rules_order_warning (self->package, cockpit_environment_get_kind (self->environment),
                                         target, &order);
  if (warning != COCKPIT_ORDER_OK)
    gtk_label_set_label (self->order_label, order);
  gtk_widget_set_visible (self->order_box, order != NULL);

  gtk_widget_set_visible (self->backup_group, is_live (self->environment));

  notes = cockpit_upgrade_text_read_notes (target);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->check_notes_row), notes);

  tested = cockpit_upgrade_text_tested (self->package, cockpit_environment_get_kind (self->environment), target);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->check_tested_row), tested);

  /* The ticks confirm one version on one environment: another choice
   * must be confirmed again. */
  confirmed_for = g_strdup_printf ("%s/%s", cockpit_environment_get_id (self->environment), target);
  if (g_strcmp0 (confirmed_for, self->confirmed_for) != 0)
    {
      gtk_check_button_set_active (self->check_notes, FALSE);
      gtk_check_button_set_active (self->check_tested, FALSE);
      gtk_check_button_set_active (self->check_templates, FALSE);
      gtk_check_button_set_active (self->check_definitions, FALSE);
      gtk_switch_set_active (self->backup_switch, TRUE);
      g_free (self->confirmed_for);
      self->confirmed_for = g_steal_pointer (&confirmed_for);
    }

  show_error (self, NULL);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->consequences_scroller), 0);
}

/* Installing ------------------------------------------------------------------ */

static void
set_started_page (CockpitUpgradeWizard *self,
                  const char           *icon_name,
                  const char           *title,
                  const char           *description)
{
  g_autofree char *escaped = g_markup_escape_text (description, -1);

  adw_status_page_set_icon_name (self->started_page, icon_name);
  adw_status_page_set_title (self->started_page, title);
  adw_status_page_set_description (self->started_page, escaped);
}

/* While the wizard stays open, its last page follows the upgrade to its
 * end (the tracker's "action-finished"), instead of saying "started" for
 * ever. */
static void
follow_upgrade (CockpitUpgradeWizard *self,
                CockpitAction        *action)
{
  g_free (self->upgrade_id);
  self->upgrade_id = g_strdup (cockpit_action_get_id (action));
  g_free (self->from_version);
  self->from_version = g_strdup (cockpit_environment_get_magnolia_version (self->environment));
}

static void
action_finished_cb (CockpitActionTracker *tracker,
                    CockpitAction        *action,
                    CockpitUpgradeWizard *self)
{
  const char *env;
  const char *target = cockpit_action_get_target_version (action);
  g_autofree char *description = NULL;

  if (self->upgrade_id == NULL || g_strcmp0 (cockpit_action_get_id (action), self->upgrade_id) != 0)
    return;

  env = environment_label (self->environment);
  if (cockpit_action_get_status (action) == COCKPIT_ACTION_STATUS_SUCCEEDED)
    {
      /* Translators: "Live now runs Magnolia 6.3.21." */
      description = g_strdup_printf (_("%s now runs Magnolia %s."), env, target);
      set_started_page (self, "emblem-ok-symbolic", _("Upgrade Finished"), description);
    }
  else
    {
      CockpitActionError *error = cockpit_action_get_error (action);
      const char *why = error != NULL ? cockpit_action_error_get_message (error) : NULL;

      /* The cockpit's reason says what became of the environment; without
       * one, blue/green means traffic was never switched. */
      if (why != NULL && *why != '\0')
        description = g_strdup (why);
      else
        /* Translators: "Live stays on Magnolia 6.3.19." */
        description = g_strdup_printf (_("%s stays on Magnolia %s."), env, self->from_version);
      set_started_page (self, "dialog-error-symbolic", _("Upgrade Failed"), description);
    }
  g_clear_pointer (&self->upgrade_id, g_free);
}

static void
install_done (CockpitUpgradeWizard *self,
              CockpitAction        *action,
              gboolean              backup_first,
              const GError         *error)
{
  const char *target = cockpit_release_get_version (self->release);
  g_autofree char *description = NULL;

  self->installing = FALSE;
  gtk_spinner_set_spinning (self->install_spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->install_spinner), FALSE);

  if (action == NULL)
    {
      /* The error sits under the title, near the Install button. */
      show_error (self, error->message);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->consequences_scroller), 0);
      update_actions (self);
      return;
    }

  if (backup_first)
    {
      /* Translators: "Live is being backed up. The upgrade to 6.3.21 starts …" */
      description = g_strdup_printf (_("Live is being backed up. The upgrade to %s starts as soon as the backup has succeeded.\n\nYou can close this window. The backup and the upgrade go on in the background and you'll be notified when they end."),
                                     target);
      set_started_page (self, "emblem-ok-symbolic", _("Backup Started"), description);
    }
  else
    {
      /* Translators: "Live is being upgraded to 6.3.21." */
      description = g_strdup_printf (_("%s is being upgraded to %s.\n\nYou can close this window. The upgrade goes on in the background and you'll be notified when it ends."),
                                     environment_label (self->environment), target);
      set_started_page (self, "emblem-ok-symbolic", _("Upgrade Started"), description);
      follow_upgrade (self, action);
    }

  gtk_stack_set_visible_child_name (self->stack, "started");
  g_signal_emit (self, signals[ACTION_STARTED], 0, action);
}

/* The chain started the upgrade after the backup, while we are open. */
static void
chain_upgrade_began (CockpitUpgradeWizard *self,
                     CockpitAction        *action)
{
  g_autofree char *description = NULL;

  /* Translators: "The backup of Live has succeeded and Live is being upgraded to 6.3.21." */
  description = g_strdup_printf (_("The backup of Live has succeeded and Live is being upgraded to %s.\n\nYou can close this window. The upgrade goes on in the background and you'll be notified when it ends."),
                                 cockpit_action_get_target_version (action));
  set_started_page (self, "emblem-ok-symbolic", _("Upgrade Started"), description);
  follow_upgrade (self, action);
  g_signal_emit (self, signals[ACTION_STARTED], 0, action);
}

static void
chain_gave_up (CockpitUpgradeWizard *self,
               const char           *message)
{
  set_started_page (self, "dialog-error-symbolic", _("Upgrade Not Started"), message);
}

static void
install_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CockpitUpgradeWizard) self = cockpit_weak_steal (user_data);
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GError) error = NULL;

  action = cockpit_action_tracker_start_finish (COCKPIT_ACTION_TRACKER (object), result, &error);

  /* Closed meanwhile: the tracker follows the action, and reports it. */
  if (self == NULL)
    return;

  install_done (self, action, FALSE, error);
}

static void
install_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CockpitUpgradeWizard *self = COCKPIT_UPGRADE_WIZARD (widget);

  /* The flag stops a second activation before the action is disabled. */
  if (self->installing || self->environment == NULL || self->release == NULL || !all_checked (self))
    return;

  self->installing = TRUE;
  show_error (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->install_spinner), TRUE);
  gtk_spinner_set_spinning (self->install_spinner, TRUE);
  update_actions (self);

  if (is_live (self->environment) && gtk_switch_get_active (self->backup_switch))
    {
      chain_start (self);
      return;
    }

  /* No cancellable: once asked for, the upgrade goes on without us. */
  cockpit_action_tracker_start_async (self->tracker, self->environment, COCKPIT_ACTION_KIND_UPGRADE,
                                      cockpit_release_get_version (self->release), NULL, NULL,
                                      install_cb, cockpit_weak_new (self));
}

/* Navigation ------------------------------------------------------------------ */

static void
update_actions (CockpitUpgradeWizard *self)
{
  const char *page = current_page (self);
  gboolean on_versions = g_str_equal (page, "versions");
  gboolean on_consequences = g_str_equal (page, "consequences");
  gboolean allowed = FALSE;

  /* The template shows its first page before we have a tracker. */
  if (self->tracker == NULL)
    return;

  /* Install asks the model too; "nothing newer" is for the cockpit to
   * say, since it offered the version chosen. */
  if (self->environment != NULL)
    {
      g_autofree char *reason = NULL;
      CockpitBlockReason block = check_environment (self, self->environment, &reason);

      allowed = block == COCKPIT_BLOCK_NONE || block == COCKPIT_BLOCK_NOTHING_NEWER;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back",
                                 (on_versions || on_consequences) && !self->installing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 on_versions && self->release != NULL &&
                                 g_strcmp0 (gtk_stack_get_visible_child_name (self->versions_stack), "list") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.install",
                                 on_consequences && !self->installing && allowed && all_checked (self));
}

static void
page_changed_cb (CockpitUpgradeWizard *self)
{
  const char *page = current_page (self);
  gboolean on_versions = g_str_equal (page, "versions");
  gboolean on_consequences = g_str_equal (page, "consequences");
  GtkWidget *default_widget = NULL;

  /* The template shows its first page before the wizard is set up. */
  if (self->tracker == NULL)
    return;

  gtk_widget_set_visible (self->cancel_button, !g_str_equal (page, "started"));
  gtk_widget_set_visible (self->back_button, on_versions || on_consequences);
  gtk_widget_set_visible (self->next_button, on_versions);
  gtk_widget_set_visible (self->install_button, on_consequences);

  if (on_versions)
    default_widget = self->next_button;
  else if (on_consequences)
    default_widget = self->install_button;
  else if (g_str_equal (page, "started"))
    default_widget = self->close_button;
  gtk_window_set_default_widget (GTK_WINDOW (self), default_widget);
  focus_first_choice (self);

  update_actions (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CockpitUpgradeWizard *self = COCKPIT_UPGRADE_WIZARD (widget);
  const char *page = current_page (self);

  if (g_str_equal (page, "consequences"))
    {
      gtk_stack_set_visible_child_name (self->stack, "versions");
    }
  else if (g_str_equal (page, "versions"))
    {
      g_cancellable_cancel (self->cancellable);
      refresh_environments (self);
      gtk_stack_set_visible_child_name (self->stack, "environment");
    }
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CockpitUpgradeWizard *self = COCKPIT_UPGRADE_WIZARD (widget);

  if (self->environment == NULL || self->release == NULL)
    return;

  fill_consequences (self);
  gtk_stack_set_visible_child_name (self->stack, "consequences");
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CockpitUpgradeWizard *self = COCKPIT_UPGRADE_WIZARD (widget);

  if (self->environment != NULL)
    choose_environment (self, self->environment);
}

/* Another action started or ended: what can be upgraded may have changed. */
static void
tracker_changed_cb (CockpitUpgradeWizard *self)
{
  if (g_str_equal (current_page (self), "environment"))
    refresh_environments (self);
  update_actions (self);
}

/* The object ------------------------------------------------------------------ */

CockpitUpgradeWizard *
cockpit_upgrade_wizard_new (GtkWindow            *parent,
                            CockpitActionTracker *tracker,
                            CockpitPackage       *package,
                            GListModel           *releases,
                            GDateTime            *now)
{
  CockpitUpgradeWizard *self;
  g_autofree char *description = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (COCKPIT_IS_ACTION_TRACKER (tracker), NULL);
  g_return_val_if_fail (COCKPIT_IS_PACKAGE (package), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (releases), NULL);

  self = g_object_new (COCKPIT_TYPE_UPGRADE_WIZARD,
                       "transient-for", parent,
                       NULL);
  self->tracker = g_object_ref (tracker);
  self->package = g_object_ref (package);
  self->releases = g_object_ref (releases);
  self->now = now != NULL ? g_date_time_ref (now) : NULL;

  adw_window_title_set_subtitle (self->window_title, cockpit_package_get_name (package));
  /* Translators: the package's name */
  description = g_strdup_printf (_("Which environment of %s do you want to upgrade? We recommend Integration first, then UAT, and Live last, with testing in between."),
                                 cockpit_package_get_name (package));
  gtk_label_set_label (self->environment_description, description);

  g_signal_connect_object (tracker, "action-started", G_CALLBACK (tracker_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (tracker, "action-finished", G_CALLBACK (tracker_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (tracker, "action-finished", G_CALLBACK (action_finished_cb), self, 0);

  gtk_list_box_bind_model (self->environment_list, G_LIST_MODEL (self->environments),
                           create_environment_row, self, NULL);
  gtk_list_box_bind_model (self->version_list, G_LIST_MODEL (self->versions),
                           create_version_row, self, NULL);
  refresh_environments (self);
  page_changed_cb (self);

  return self;
}

void
cockpit_upgrade_wizard_select_environment (CockpitUpgradeWizard   *self,
                                           CockpitEnvironmentKind  kind)
{
  CockpitEnvironment *environment;

  g_return_if_fail (COCKPIT_IS_UPGRADE_WIZARD (self));
  g_return_if_fail (self->package != NULL);

  environment = cockpit_package_get_environment (self->package, kind);
  g_return_if_fail (environment != NULL);

  choose_environment (self, environment);
}

static void
cockpit_upgrade_wizard_dispose (GObject *object)
{
  CockpitUpgradeWizard *self = (CockpitUpgradeWizard *) object;

  g_cancellable_cancel (self->cancellable);
  /* The rows point back at us. */
  if (self->environment_list != NULL)
    gtk_list_box_bind_model (self->environment_list, NULL, NULL, NULL, NULL);
  if (self->version_list != NULL)
    gtk_list_box_bind_model (self->version_list, NULL, NULL, NULL, NULL);
  self->version_group = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), COCKPIT_TYPE_UPGRADE_WIZARD);

  G_OBJECT_CLASS (cockpit_upgrade_wizard_parent_class)->dispose (object);
}

static void
cockpit_upgrade_wizard_finalize (GObject *object)
{
  CockpitUpgradeWizard *self = (CockpitUpgradeWizard *) object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->tracker);
  g_clear_object (&self->package);
  g_clear_object (&self->releases);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_object (&self->environments);
  g_clear_object (&self->versions);
  g_clear_object (&self->environment);
  g_clear_object (&self->release);
  g_clear_pointer (&self->confirmed_for, g_free);
  g_clear_pointer (&self->upgrade_id, g_free);
  g_clear_pointer (&self->from_version, g_free);

  G_OBJECT_CLASS (cockpit_upgrade_wizard_parent_class)->finalize (object);
}

/* Enter on a version or an item of the checklist is Next or Install,
 * the page's default: a check box would take Enter for itself (Space
 * ticks it). */
static gboolean
key_pressed_cb (CockpitUpgradeWizard  *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *default_widget = gtk_window_get_default_widget (GTK_WINDOW (self));

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  if (!GTK_IS_CHECK_BUTTON (focus) && !GTK_IS_SWITCH (focus))
    return FALSE;
  if (default_widget == NULL || !gtk_widget_is_sensitive (default_widget))
    return FALSE;

  return gtk_widget_activate (default_widget);
}

/* A window that is shown puts the focus on its first control, Cancel:
 * the first choice of the page is where a person starts. */
static void
cockpit_upgrade_wizard_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cockpit_upgrade_wizard_parent_class)->map (widget);
  focus_first_choice (COCKPIT_UPGRADE_WIZARD (widget));
}

static void
cockpit_upgrade_wizard_class_init (CockpitUpgradeWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cockpit_upgrade_wizard_dispose;
  object_class->finalize = cockpit_upgrade_wizard_finalize;
  widget_class->map = cockpit_upgrade_wizard_map;

  /**
   * CockpitUpgradeWizard::action-started:
   * The cockpit confirmed the action that Install asked for: the upgrade,
   * or the backup of Live that comes first, and then the upgrade that
   * follows it if the wizard is still open.
   */
  signals[ACTION_STARTED] =
    g_signal_new ("action-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, COCKPIT_TYPE_ACTION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cockpit-upgrade-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, install_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, install_spinner);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, environment_description);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, package_notice);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, package_notice_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, environment_list);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, versions_stack);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, versions_spinner);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, versions_error_page);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, versions_blocked_page);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, versions_empty_page);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, versions_description);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, version_list);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, consequences_scroller);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, consequences_title);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, blue_green_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, previous_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, order_box);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, order_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, backup_group);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, backup_switch);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, check_notes_row);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, check_tested_row);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, check_notes);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, check_tested);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, check_templates);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, check_definitions);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, error_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, started_page);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeWizard, close_button);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, environment_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_toggled_cb);

  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.install", NULL, install_action);
  gtk_widget_class_install_action (widget_class, "wizard.retry", NULL, retry_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cockpit_upgrade_wizard_init (CockpitUpgradeWizard *self)
{
  GtkEventController *keys;

  self->environments = g_list_store_new (COCKPIT_TYPE_ENVIRONMENT);
  self->versions = g_list_store_new (COCKPIT_TYPE_RELEASE);

  gtk_widget_init_template (GTK_WIDGET (self));
  cockpit_a11y_name_buttons (GTK_WIDGET (self));
  cockpit_a11y_follow_stack (self->stack);
  cockpit_a11y_follow_stack (self->versions_stack);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
