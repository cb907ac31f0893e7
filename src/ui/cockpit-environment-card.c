/* cockpit-environment-card.c: a card with the state of one environment.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-a11y.h"
#include "cockpit-environment-card.h"
#include "cockpit-widget-util.h"

struct _CockpitEnvironmentCard
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget      *box;
  GtkLabel       *kind_label;
  GtkWidget      *protected_icon;
  GtkLabel       *state_label;
  GtkLabel       *version_label;
  GtkLabel       *bundle_label;
  GtkWidget      *last_upgrade_title;
  GtkLabel       *last_upgrade_label;
  GtkWidget      *lts_title;
  GtkLabel       *lts_label;
  GtkWidget      *action_box;
  GtkLabel       *action_label;
  GtkProgressBar *action_progress;
  GtkWidget      *backup_box;
  GtkLabel       *backup_label;
  GtkLabel       *manual_backup_label;
  GtkLabel       *blocked_label;
  GtkWidget      *upgrade_button;
  GtkWidget      *backup_button;
  GtkWidget      *teardown_button;

  /* Owned references */
  CockpitSession     *session;
  CockpitPackage     *package;
  CockpitEnvironment *environment;
  CockpitAvailability *availability;  /* from the window */
  char               *blocked_reason;
  char               *teardown_reason;
};

G_DEFINE_FINAL_TYPE (CockpitEnvironmentCard, cockpit_environment_card, GTK_TYPE_WIDGET)

static const char * const state_classes[] = { "running", "busy", "not-set-up", NULL };
static const char * const lts_classes[] = { "success", "warning", "error", NULL };

/* The action running on this environment: the tracker's copy is the
 * freshest, the package's the one the cockpit listed last. */
static CockpitAction *
running_action (CockpitEnvironmentCard *self)
{
  CockpitActionTracker *tracker = cockpit_session_get_tracker (self->session);
  CockpitAction *action = cockpit_action_tracker_find_for_package (tracker, cockpit_package_get_id (self->package));

  if (action == NULL || !cockpit_action_is_running (action))
    action = cockpit_package_get_running_action (self->package);
  if (action == NULL || !cockpit_action_is_running (action) ||
      g_strcmp0 (cockpit_action_get_environment_id (action), cockpit_environment_get_id (self->environment)) != 0)
    return NULL;
  return action;
}

static void
update_action (CockpitEnvironmentCard *self)
{
  CockpitAction *action = running_action (self);
  g_autofree char *text = NULL;
  guint n_stages, index = 0;

  gtk_widget_set_visible (self->action_box, action != NULL);
  if (action == NULL)
    return;

  n_stages = g_list_model_get_n_items (cockpit_action_get_stages (action));
  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(CockpitStage) stage = g_list_model_get_item (cockpit_action_get_stages (action), i);
      if (cockpit_stage_get_name (stage) == cockpit_action_get_stage (action))
        index = i + 1;
    }

  if (cockpit_action_get_kind (action) == COCKPIT_ACTION_KIND_UPGRADE && index > 0)
    /* Translators: "Upgrading to 6.3.21: Verify replica (stage 3 of 5)" */
    text = g_strdup_printf (_("Upgrading to %s: %s (stage %u of %u)"),
                            cockpit_action_get_target_version (action),
                            cockpit_stage_name_get_label (cockpit_action_get_stage (action)),
                            index, n_stages);
  else if (cockpit_action_get_kind (action) == COCKPIT_ACTION_KIND_UPGRADE)
    text = g_strdup_printf (_("Upgrading to %s"), cockpit_action_get_target_version (action));
  else
    text = g_strdup_printf (_("%s in progress"), cockpit_action_kind_get_label (cockpit_action_get_kind (action)));

  gtk_label_set_text (self->action_label, text);
  gtk_progress_bar_set_fraction (self->action_progress, cockpit_action_get_progress (action));
}

/* Reasons the page says once (the maintenance banner, the page's status
 * and the flow diagram of the running action) or the card's own heading
 * ("Not set up") says already: not repeated under the buttons, where
 * they stay as the tooltip. */
static gboolean
said_elsewhere (CockpitBlockReason block)
{
  return block == COCKPIT_BLOCK_MAINTENANCE ||
         block == COCKPIT_BLOCK_PACKAGE_BUSY ||
         block == COCKPIT_BLOCK_NOT_SET_UP;
}

/* Why the upgrade is off, under the buttons; the window's actions
 * enable the buttons from the same answer. */
static void
update_blocked (CockpitEnvironmentCard *self)
{
  CockpitUserAction upgrade = cockpit_user_action_upgrade_of (cockpit_environment_get_kind (self->environment));
  CockpitBlockReason block = COCKPIT_BLOCK_NONE;
  const char *reason = NULL;

  if (self->availability != NULL)
    reason = cockpit_availability_get_reason (self->availability, upgrade);

  g_free (self->blocked_reason);
  self->blocked_reason = g_strdup (reason);

  /* Maintenance concerns the whole package: the page says so once, and
   * the card keeps the reason for the button's tooltip. */
  if (self->availability != NULL)
    block = cockpit_availability_get_block (self->availability, upgrade);
  cockpit_widget_set_tooltip_text (self->upgrade_button, self->blocked_reason);
  gtk_label_set_text (self->blocked_label, self->blocked_reason ? self->blocked_reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->blocked_label),
                          self->blocked_reason != NULL && !said_elsewhere (block));
}

/* Manual backup and tear-down: the reason is the tooltip of a button
 * that is off. */
static void
update_other_actions (CockpitEnvironmentCard *self)
{
  gboolean live = cockpit_environment_get_kind (self->environment) == COCKPIT_ENVIRONMENT_KIND_LIVE;
  CockpitUserAction teardown = cockpit_user_action_tear_down_of (cockpit_environment_get_kind (self->environment));
  CockpitBackup *manual = cockpit_environment_get_latest_manual_backup (self->environment);
  const char *backup_reason = NULL;
  const char *teardown_reason = NULL;

  if (self->availability != NULL)
    {
      backup_reason = cockpit_availability_get_reason (self->availability, COCKPIT_USER_ACTION_BACK_UP_LIVE);
      teardown_reason = cockpit_availability_get_reason (self->availability, teardown);
    }

  gtk_widget_set_visible (self->backup_button, live);
  gtk_widget_set_visible (GTK_WIDGET (self->manual_backup_label), live);
  if (live)
    {
      g_autofree char *text = NULL;

      if (manual != NULL)
        {
          g_autofree char *when = cockpit_format_date_time (cockpit_backup_get_created_at (manual), COCKPIT_DATE_WITH_YEAR);
          /* Translators: "Latest manual backup: Tue 24 Nov 2026, 14:12, of 6.3.18" */
          text = g_strdup_printf (_("Latest manual backup: %s, of %s"), when,
                                  cockpit_backup_get_magnolia_version (manual));
        }
      else
        text = g_strdup (_("No manual backup yet"));
      gtk_label_set_text (self->manual_backup_label, text);

      cockpit_widget_set_tooltip_text (self->backup_button,
                                   backup_reason ? backup_reason : _("Make a backup of Live's content and configuration"));
    }

  cockpit_widget_set_tooltip_text (self->teardown_button, teardown_reason ? teardown_reason : _("Tear Down…"));

  g_free (self->teardown_reason);
  self->teardown_reason = g_strdup (teardown_reason);
}

/* The window's answer to what can be done now: the card shows its reasons. */
void
cockpit_environment_card_set_availability (CockpitEnvironmentCard *self,
                                           CockpitAvailability    *availability)
{
  g_return_if_fail (COCKPIT_IS_ENVIRONMENT_CARD (self));
  g_return_if_fail (COCKPIT_IS_AVAILABILITY (availability));

  g_set_object (&self->availability, availability);
  update_blocked (self);
  update_other_actions (self);
}

void
cockpit_environment_card_update (CockpitEnvironmentCard *self)
{
  CockpitEnvironment *env;
  CockpitEnvironmentState state;
  CockpitUpgradeBackup *backup;
  CockpitLtsState lts;
  g_autoptr(GDateTime) now = cockpit_session_dup_now (self->session);
  g_autofree char *version = NULL;
  g_autofree char *lts_text = NULL;
  const char *state_class;
  gboolean set_up;

  g_return_if_fail (COCKPIT_IS_ENVIRONMENT_CARD (self));

  env = self->environment;
  state = cockpit_environment_get_state (env);

  gtk_label_set_text (self->kind_label, cockpit_environment_kind_get_label (cockpit_environment_get_kind (env)));
  gtk_widget_set_visible (self->protected_icon, cockpit_environment_get_protected (env));

  gtk_label_set_text (self->state_label, cockpit_environment_state_get_label (state));
  state_class = state == COCKPIT_ENVIRONMENT_STATE_RUNNING ? "running"
              : state == COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP ? "not-set-up" : "busy";
  cockpit_widget_set_class_of (GTK_WIDGET (self->state_label), state_classes, state_class);

  if (cockpit_environment_get_magnolia_version (env) != NULL)
    version = g_strdup_printf (_("Magnolia %s"), cockpit_environment_get_magnolia_version (env));
  else
    version = g_strdup (_("Not set up"));
  gtk_label_set_text (self->version_label, version);
  gtk_label_set_text (self->bundle_label, cockpit_environment_get_bundle (env) ? cockpit_environment_get_bundle (env) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->bundle_label), cockpit_environment_get_bundle (env) != NULL);

  /* A torn-down environment has no installation: neither the date of
   * its last upgrade nor an LTS status applies to it. */
  set_up = state != COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP;
  gtk_widget_set_visible (self->last_upgrade_title, set_up);
  gtk_widget_set_visible (GTK_WIDGET (self->last_upgrade_label), set_up);
  gtk_widget_set_visible (self->lts_title, set_up);
  gtk_widget_set_visible (GTK_WIDGET (self->lts_label), set_up);

  if (cockpit_environment_get_last_upgraded_at (env) != NULL)
    {
      g_autofree char *when = cockpit_format_date_time (cockpit_environment_get_last_upgraded_at (env), COCKPIT_DATE_WITH_YEAR);
      gtk_label_set_text (self->last_upgrade_label, when);
    }
  else
    gtk_label_set_text (self->last_upgrade_label, _("Never"));

  lts = cockpit_rules_lts_summary (env, cockpit_session_get_releases (self->session), now, &lts_text);
  gtk_label_set_text (self->lts_label, lts_text ? lts_text : _("Not known yet"));
  cockpit_widget_set_class_of (GTK_WIDGET (self->lts_label), lts_classes,
                       lts == COCKPIT_LTS_ON_TIME ? "success" :
                       lts == COCKPIT_LTS_DUE ? "warning" :
                       lts == COCKPIT_LTS_OVERDUE ? "error" : NULL);

  backup = cockpit_rules_live_upgrade_backup (env, now);
  gtk_widget_set_visible (self->backup_box, backup != NULL);
  if (backup != NULL)
    {
      g_autofree char *until = cockpit_format_date_time (cockpit_upgrade_backup_get_expires_at (backup), COCKPIT_DATE_WITH_YEAR);
      g_autofree char *left = cockpit_format_time_span (cockpit_rules_upgrade_backup_time_left (backup, now));
      g_autofree char *text = NULL;

      /* Translators: "Upgrade backup of 6.3.18 kept until Fri 28 Nov 2026, 14:00 (removed in 31 h 12 min)." */
      text = g_strdup_printf (_("Upgrade backup of %s kept until %s (removed in %s)."),
                              cockpit_upgrade_backup_get_from_version (backup), until, left);
      gtk_label_set_text (self->backup_label, text);
    }

  update_action (self);
  update_blocked (self);
  update_other_actions (self);
}

const char *
cockpit_environment_card_get_teardown_reason (CockpitEnvironmentCard *self)
{
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT_CARD (self), NULL);

  return self->teardown_reason;
}

const char *
cockpit_environment_card_get_blocked_reason (CockpitEnvironmentCard *self)
{
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT_CARD (self), NULL);

  return self->blocked_reason;
}

CockpitEnvironment *
cockpit_environment_card_get_environment (CockpitEnvironmentCard *self)
{
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT_CARD (self), NULL);

  return self->environment;
}

static void
changed_cb (CockpitEnvironmentCard *self)
{
  cockpit_environment_card_update (self);
}

GtkWidget *
cockpit_environment_card_new (CockpitSession     *session,
                              CockpitPackage     *package,
                              CockpitEnvironment *environment)
{
  CockpitEnvironmentCard *self;
  CockpitActionTracker *tracker;
  CockpitEnvironmentKind kind;
  g_autofree char *upgrade = NULL;
  g_autofree char *teardown = NULL;

  g_return_val_if_fail (COCKPIT_IS_SESSION (session), NULL);
  g_return_val_if_fail (COCKPIT_IS_PACKAGE (package), NULL);
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (environment), NULL);

  self = g_object_new (COCKPIT_TYPE_ENVIRONMENT_CARD, NULL);
  self->session = g_object_ref (session);
  self->package = g_object_ref (package);
  self->environment = g_object_ref (environment);

  /* The window's actions, one per environment kind, enable the buttons. */
  kind = cockpit_environment_get_kind (environment);
  upgrade = g_strconcat ("win.", cockpit_user_action_get_name (cockpit_user_action_upgrade_of (kind)), NULL);
  teardown = g_strconcat ("win.", cockpit_user_action_get_name (cockpit_user_action_tear_down_of (kind)), NULL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->upgrade_button), upgrade);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->teardown_button), teardown);
  /* Manual backups are of Live only; the other cards hide the button. */
  if (kind == COCKPIT_ENVIRONMENT_KIND_LIVE)
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self->backup_button), "win.back-up-live");

  tracker = cockpit_session_get_tracker (session);
  g_signal_connect_object (environment, "notify", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (package, "notify", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (tracker, "action-started", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (tracker, "action-updated", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (tracker, "action-finished", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cockpit_session_get_releases (session), "items-changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);

  cockpit_environment_card_update (self);
  return GTK_WIDGET (self);
}

static void
cockpit_environment_card_dispose (GObject *object)
{
  CockpitEnvironmentCard *self = COCKPIT_ENVIRONMENT_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCKPIT_TYPE_ENVIRONMENT_CARD);
  g_clear_object (&self->session);
  g_clear_object (&self->package);
  g_clear_object (&self->environment);
  g_clear_object (&self->availability);

  G_OBJECT_CLASS (cockpit_environment_card_parent_class)->dispose (object);
}

static void
cockpit_environment_card_finalize (GObject *object)
{
  CockpitEnvironmentCard *self = COCKPIT_ENVIRONMENT_CARD (object);

  g_clear_pointer (&self->blocked_reason, g_free);
  g_clear_pointer (&self->teardown_reason, g_free);

  G_OBJECT_CLASS (cockpit_environment_card_parent_class)->finalize (object);
}

static void
cockpit_environment_card_class_init (CockpitEnvironmentCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cockpit_environment_card_dispose;
  object_class->finalize = cockpit_environment_card_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "environmentcard");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cockpit-environment-card.ui");
  gtk_widget_class_bind_template_child (widget_class, CockpitEnvironmentCard, box);
  gtk_widget_class_bind_template_child (widget_class, CockpitEnvironmentCard, kind_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitEnvironmentCard, protected_icon);
  gtk_widget_class_bind_template_child (widget_class, CockpitEnvironmentCard, state_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitEnvironmentCard, version_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitEnvironmentCard, bundle_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitEnvironmentCard, last_upgrade_title);
  gtk_widget_class_bind_template_child (widget_class, CockpitEnvironmentCard, last_upgrade_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitEnvironmentCard, lts_title);
  gtk_widget_class_bind_template_child (widget_class, CockpitEnvironmentCard, lts_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitEnvironmentCard, action_box);
  gtk_widget_class_bind_template_child (widget_class, CockpitEnvironmentCard, action_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitEnvironmentCard, action_progress);
  gtk_widget_class_bind_template_child (widget_class, CockpitEnvironmentCard, backup_box);
  gtk_widget_class_bind_template_child (widget_class, CockpitEnvironmentCard, backup_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitEnvironmentCard, manual_backup_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitEnvironmentCard, blocked_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitEnvironmentCard, upgrade_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitEnvironmentCard, backup_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitEnvironmentCard, teardown_button);
}

/* The tooltips of the template's children (cockpit-widget-util.c says
 * why they are not in the .ui file). */
static const char * const template_tooltips[] = {
  "protected_icon", N_("Protected: can't be upgraded or torn down"),
  NULL
};

static void
cockpit_environment_card_init (CockpitEnvironmentCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cockpit_widget_set_template_tooltips (GTK_WIDGET (self), COCKPIT_TYPE_ENVIRONMENT_CARD, template_tooltips);
  cockpit_a11y_name_buttons (GTK_WIDGET (self));
}
