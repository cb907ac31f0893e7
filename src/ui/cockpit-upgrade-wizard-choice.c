/* cockpit-upgrade-wizard-choice.c: the upgrade wizard's pages 1 and 2, environment and version.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first page lists the package's environments in the recommended
 * order, each with the model's answer whether it can be upgraded now; the
 * second asks the cockpit which versions the chosen one may go to, and
 * shows them with their release dates, LTS and release notes, or why
 * there are none.  The rows are CockpitUpgradeEnvironmentRow and
 * CockpitUpgradeVersionRow; this file gives them what the rules say.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-async.h"
#include "cockpit-rules.h"
#include "cockpit-upgrade-environment-row.h"
#include "cockpit-upgrade-wizard-private.h"

/* Integration first: the recommended order, which the first page shows. */
static const CockpitEnvironmentKind kinds_in_order[] = {
  COCKPIT_ENVIRONMENT_KIND_INTEGRATION,
  COCKPIT_ENVIRONMENT_KIND_UAT,
  COCKPIT_ENVIRONMENT_KIND_LIVE,
};

/* Page 1: the environment ----------------------------------------------------- */

static GtkWidget *
create_environment_row (gpointer item,
                        gpointer user_data)
{
  CockpitUpgradeWizard *self = user_data;
  CockpitEnvironment *environment = item;
  g_autofree char *reason = NULL;
  CockpitBlockReason block;

  block = _cockpit_upgrade_wizard_check_environment (self, environment, &reason);
  if (block == COCKPIT_BLOCK_NONE)
    g_clear_pointer (&reason, g_free);
  /* The maintenance message is long and the same for every row: the
   * notice above the list shows it once. */
  else if (block == COCKPIT_BLOCK_MAINTENANCE)
    {
      g_free (reason);
      reason = g_strdup (_("The package is in maintenance."));
    }

  return cockpit_upgrade_environment_row_new (environment, reason);
}

void
_cockpit_upgrade_wizard_refresh_environments (CockpitUpgradeWizard *self)
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
    maintenance = _cockpit_upgrade_wizard_check_environment (self, g_ptr_array_index (environments, 0), &message) == COCKPIT_BLOCK_MAINTENANCE;
  if (maintenance)
    gtk_label_set_label (self->package_notice_label, message);
  gtk_widget_set_visible (self->package_notice, maintenance);
}

/* Page 2: the version --------------------------------------------------------- */

static void
version_active_cb (CockpitUpgradeWizard     *self,
                   GParamSpec               *pspec,
                   CockpitUpgradeVersionRow *row)
{
  if (!cockpit_upgrade_version_row_get_active (row))
    return;

  g_set_object (&self->release, cockpit_upgrade_version_row_get_release (row));
  _cockpit_upgrade_wizard_update_actions (self);
}

static GtkWidget *
create_version_row (gpointer item,
                    gpointer user_data)
{
  CockpitUpgradeWizard *self = user_data;
  CockpitUpgradeVersionRow *row = COCKPIT_UPGRADE_VERSION_ROW (cockpit_upgrade_version_row_new (item));

  /* One group, so that choosing a version unchooses the others. */
  if (self->version_group != NULL)
    cockpit_upgrade_version_row_set_group (row, self->version_group);
  else
    self->version_group = row;
  g_signal_connect_object (row, "notify::active", G_CALLBACK (version_active_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (row);
}

/* The status pages get their icons as they are shown: GTK loaded all
 * three while their pages were hidden, at every opening of the wizard,
 * and at 128 px they exist only as SVG, which GTK renders with librsvg
 * (docs/performance.md). */
static void
set_status_icon (CockpitUpgradeWizard *self,
                 const char           *state)
{
  if (g_str_equal (state, "error"))
    adw_status_page_set_icon_name (self->versions_error_page, "network-error-symbolic");
  else if (g_str_equal (state, "blocked"))
    adw_status_page_set_icon_name (self->versions_blocked_page, "action-unavailable-symbolic");
  else if (g_str_equal (state, "empty"))
    adw_status_page_set_icon_name (self->versions_empty_page, "emblem-ok-symbolic");
}

static void
show_versions_state (CockpitUpgradeWizard *self,
                     const char           *state)
{
  gboolean loading = g_strcmp0 (state, "loading") == 0;

  set_status_icon (self, state);
  gtk_stack_set_visible_child_name (self->versions_stack, state);
  gtk_spinner_set_spinning (self->versions_spinner, loading);
  _cockpit_upgrade_wizard_update_actions (self);
  if (g_str_equal (_cockpit_upgrade_wizard_get_page (self), "versions"))
    _cockpit_upgrade_wizard_focus_first_choice (self);
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
                                     _cockpit_upgrade_wizard_environment_label (self->environment));
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

void
_cockpit_upgrade_wizard_choose_environment (CockpitUpgradeWizard *self,
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
                                 _cockpit_upgrade_wizard_environment_label (environment),
                                 cockpit_environment_get_magnolia_version (environment));
  gtk_label_set_label (self->versions_description, description);

  gtk_stack_set_visible_child_name (self->stack, "versions");

  /* "Nothing newer" is for the cockpit to say: our releases may be old. */
  block = _cockpit_upgrade_wizard_check_environment (self, environment, &reason);
  if (block != COCKPIT_BLOCK_NONE && block != COCKPIT_BLOCK_NOTHING_NEWER)
    {
      g_autofree char *title = NULL;
      g_autofree char *escaped = g_markup_escape_text (reason, -1);

      /* Translators: "Live Can't Be Upgraded Now" */
      title = g_strdup_printf (_("%s Can't Be Upgraded Now"), _cockpit_upgrade_wizard_environment_label (environment));
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
  if (COCKPIT_IS_UPGRADE_ENVIRONMENT_ROW (row))
    _cockpit_upgrade_wizard_choose_environment (self,
                                                cockpit_upgrade_environment_row_get_environment (COCKPIT_UPGRADE_ENVIRONMENT_ROW (row)));
}

void
_cockpit_upgrade_wizard_init_choice (CockpitUpgradeWizard *self)
{
  gtk_list_box_bind_model (self->environment_list, G_LIST_MODEL (self->environments),
                           create_environment_row, self, NULL);
  gtk_list_box_bind_model (self->version_list, G_LIST_MODEL (self->versions),
                           create_version_row, self, NULL);
}

void
_cockpit_upgrade_wizard_class_init_choice (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, environment_row_activated_cb);
}
