/* cockpit-backup-card.c: the upgrade backup of Live, its countdown and what can be done with it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-a11y.h"
#include "cockpit-backup-card.h"
#include "cockpit-widget-util.h"

struct _CockpitBackupCard
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget      *box;
  GtkLabel       *versions_label;
  GtkLabel       *made_label;
  GtkLabel       *countdown_label;
  GtkLabel       *removal_label;
  GtkProgressBar *time_bar;
  GtkBox         *button_box;
  GtkWidget      *extend_button;
  GtkWidget      *restore_button;
  GtkWidget      *delete_button;
  GtkLabel       *blocked_label;
  GtkLabel       *limit_label;

  /* Owned references */
  CockpitSession     *session;
  CockpitEnvironment *live;
  gboolean            can_extend;
};

G_DEFINE_FINAL_TYPE (CockpitBackupCard, cockpit_backup_card, GTK_TYPE_WIDGET)

void
cockpit_backup_card_update (CockpitBackupCard *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *versions = NULL;
  g_autofree char *made = NULL;
  g_autofree char *made_text = NULL;
  g_autofree char *left = NULL;
  g_autofree char *removal = NULL;
  g_autofree char *removal_text = NULL;
  g_autofree char *removal_utc = NULL;
  CockpitUpgradeBackup *backup = NULL;

  g_return_if_fail (COCKPIT_IS_BACKUP_CARD (self));

  if (self->session != NULL && self->live != NULL)
    {
      now = cockpit_session_dup_now (self->session);
      backup = cockpit_rules_live_upgrade_backup (self->live, now);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), backup != NULL);
  if (backup == NULL)
    return;

  /* Translators: "Magnolia 6.3.19 → 6.3.21": the backup's version, then Live's */
  versions = g_strdup_printf (_("Magnolia %s → %s"),
                              cockpit_upgrade_backup_get_from_version (backup),
                              cockpit_upgrade_backup_get_to_version (backup));
  gtk_label_set_text (self->versions_label, versions);

  made = cockpit_format_date_time (cockpit_upgrade_backup_get_created_at (backup), COCKPIT_DATE_WITH_YEAR);
  made_text = g_strdup_printf (_("Made on %s, when Live was upgraded"), made);
  gtk_label_set_text (self->made_label, made_text);

  left = cockpit_format_time_span (cockpit_rules_upgrade_backup_time_left (backup, now));
  gtk_label_set_text (self->countdown_label, left);

  removal = cockpit_format_date_time (cockpit_upgrade_backup_get_expires_at (backup), COCKPIT_DATE_WITH_YEAR);
  removal_text = g_strdup_printf (_("left until it is removed on %s"), removal);
  removal_utc = cockpit_format_date_time (cockpit_upgrade_backup_get_expires_at (backup), COCKPIT_DATE_UTC);
  gtk_label_set_text (self->removal_label, removal_text);
  cockpit_widget_set_tooltip_text (GTK_WIDGET (self->removal_label), removal_utc);
  cockpit_widget_set_tooltip_text (GTK_WIDGET (self->countdown_label), removal_utc);

  gtk_progress_bar_set_fraction (self->time_bar, cockpit_rules_upgrade_backup_fraction_left (backup, now));

  self->can_extend = cockpit_rules_upgrade_backup_can_extend (backup, now);
  gtk_widget_set_visible (self->extend_button, self->can_extend);
  gtk_widget_set_visible (GTK_WIDGET (self->limit_label), !self->can_extend);
  if (!self->can_extend)
    {
      gtk_label_set_text (self->limit_label,
                          _("Kept for the longest time possible: 5 days after it was made. To keep it longer, contact the Cloud Helpdesk."));
    }
}

void
cockpit_backup_card_set_environment (CockpitBackupCard  *self,
                                     CockpitSession     *session,
                                     CockpitEnvironment *live)
{
  g_return_if_fail (COCKPIT_IS_BACKUP_CARD (self));

  if (self->live != NULL)
    g_signal_handlers_disconnect_by_data (self->live, self);

  g_set_object (&self->session, session);
  g_set_object (&self->live, live);

  if (live != NULL)
    g_signal_connect_object (live, "notify", G_CALLBACK (cockpit_backup_card_update), self, G_CONNECT_SWAPPED);

  cockpit_backup_card_update (self);
}

static void
set_reason (GtkWidget   *button,
            const char  *reason,
            const char  *tooltip)
{
  cockpit_widget_set_tooltip_text (button, reason != NULL ? reason : tooltip);
}

/* The buttons are enabled by the window's actions; the card says why
 * one is off: in its tooltip, and under the buttons while another action
 * holds them all.  The page says the maintenance once, at its top. */
void
cockpit_backup_card_set_availability (CockpitBackupCard   *self,
                                      CockpitAvailability *availability)
{
  const char *extend, *restore, *delete;
  CockpitBlockReason block;

  g_return_if_fail (COCKPIT_IS_BACKUP_CARD (self));
  g_return_if_fail (COCKPIT_IS_AVAILABILITY (availability));

  extend = cockpit_availability_get_reason (availability, COCKPIT_USER_ACTION_EXTEND_UPGRADE_BACKUP);
  restore = cockpit_availability_get_reason (availability, COCKPIT_USER_ACTION_RESTORE_UPGRADE_BACKUP);
  delete = cockpit_availability_get_reason (availability, COCKPIT_USER_ACTION_DELETE_UPGRADE_BACKUP);
  set_reason (self->extend_button, extend, _("Keep the upgrade backup until 5 days after it was made"));
  set_reason (self->restore_button, restore, _("Roll Live back to the version it had before the upgrade"));
  set_reason (self->delete_button, delete, _("Remove the upgrade backup now"));

  block = cockpit_availability_get_block (availability, COCKPIT_USER_ACTION_RESTORE_UPGRADE_BACKUP);
  if (block == COCKPIT_BLOCK_PACKAGE_BUSY)
    gtk_label_set_text (self->blocked_label, restore);
  gtk_widget_set_visible (GTK_WIDGET (self->blocked_label), block == COCKPIT_BLOCK_PACKAGE_BUSY);
}

const char *
cockpit_backup_card_get_countdown (CockpitBackupCard *self)
{
  g_return_val_if_fail (COCKPIT_IS_BACKUP_CARD (self), NULL);

  return gtk_label_get_text (self->countdown_label);
}

gboolean
cockpit_backup_card_get_can_extend (CockpitBackupCard *self)
{
  g_return_val_if_fail (COCKPIT_IS_BACKUP_CARD (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self)) && self->can_extend;
}

static void
cockpit_backup_card_dispose (GObject *object)
{
  CockpitBackupCard *self = COCKPIT_BACKUP_CARD (object);

  cockpit_backup_card_set_environment (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COCKPIT_TYPE_BACKUP_CARD);

  G_OBJECT_CLASS (cockpit_backup_card_parent_class)->dispose (object);
}

static void
cockpit_backup_card_class_init (CockpitBackupCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cockpit_backup_card_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "backupcard");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cockpit-backup-card.ui");
  gtk_widget_class_bind_template_child (widget_class, CockpitBackupCard, box);
  gtk_widget_class_bind_template_child (widget_class, CockpitBackupCard, versions_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitBackupCard, made_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitBackupCard, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitBackupCard, removal_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitBackupCard, time_bar);
  gtk_widget_class_bind_template_child (widget_class, CockpitBackupCard, button_box);
  gtk_widget_class_bind_template_child (widget_class, CockpitBackupCard, extend_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitBackupCard, restore_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitBackupCard, delete_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitBackupCard, blocked_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitBackupCard, limit_label);
}

static void
cockpit_backup_card_init (CockpitBackupCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cockpit_a11y_name_buttons (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* The three buttons side by side need 392 px, more than a phone has. */
void
cockpit_backup_card_set_narrow (CockpitBackupCard *self,
                                gboolean           narrow)
{
  g_return_if_fail (COCKPIT_IS_BACKUP_CARD (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->button_box),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
}
