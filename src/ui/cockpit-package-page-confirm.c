/* cockpit-package-page-confirm.c: the package page's question before an action, and its start.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An action that changes an environment is asked for first in a message
 * dialog; its "confirm" checks again that it is still allowed, starts it
 * through the action tracker, and says in a toast that it started or why
 * not.  Tearing an environment down asks for its name to be typed too.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-a11y.h"
#include "cockpit-async.h"
#include "cockpit-package-page-private.h"
#include "cockpit-widget-util.h"

static void
action_started_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CockpitPackagePage) self = cockpit_weak_steal (user_data);
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(GError) error = NULL;

  /* The tracker follows the action whether the page is still there or not. */
  action = cockpit_action_tracker_start_finish (COCKPIT_ACTION_TRACKER (object), result, &error);
  if (self == NULL)
    return;
  if (action == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cockpit_widget_show_toast (GTK_WIDGET (self), error->message);
  else if (action != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("%s started. You will be notified when it ends."),
                                               cockpit_action_kind_get_label (cockpit_action_get_kind (action)));
      cockpit_widget_show_toast (GTK_WIDGET (self), text);
    }
}

typedef struct {
  CockpitPackagePage *self;
  CockpitEnvironment *environment;
  CockpitActionKind   kind;
  CockpitUserAction   action;
} Confirmation;

static void
confirmation_free (gpointer  data,
                   GClosure *closure)
{
  Confirmation *confirmation = data;

  g_object_unref (confirmation->self);
  g_object_unref (confirmation->environment);
  g_free (confirmation);
}

static void
confirmation_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          Confirmation     *confirmation)
{
  CockpitPackagePage *self = confirmation->self;

  g_autoptr(CockpitAvailability) availability = NULL;

  if (g_strcmp0 (response, "confirm") != 0 || self->session == NULL || self->package == NULL)
    return;

  /* Allowed when the question was asked is not enough: another action
   * may have started, or the backup may have gone, while it was open. */
  availability = _cockpit_package_page_dup_availability (self);
  if (!cockpit_availability_get_allowed (availability, confirmation->action))
    {
      cockpit_widget_show_toast (GTK_WIDGET (self), cockpit_availability_get_reason (availability, confirmation->action));
      return;
    }

  cockpit_action_tracker_start_async (cockpit_session_get_tracker (self->session),
                                      confirmation->environment, confirmation->kind,
                                      NULL, NULL, NULL, action_started_cb, cockpit_weak_new (self));
}

/* Asks before an action; "confirm" starts it.  @appearance marks a
 * destructive one. */
AdwMessageDialog *
_cockpit_package_page_confirm (CockpitPackagePage      *self,
                               CockpitUserAction        action,
                               CockpitEnvironment      *environment,
                               CockpitActionKind        kind,
                               const char              *heading,
                               const char              *body,
                               const char              *confirm_label,
                               AdwResponseAppearance    appearance)
{
  GtkWidget *dialog;
  Confirmation *confirmation;

  dialog = adw_message_dialog_new (cockpit_widget_get_window (GTK_WIDGET (self)), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "confirm", confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm", appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           appearance == ADW_RESPONSE_DESTRUCTIVE ? "cancel" : "confirm");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  confirmation = g_new0 (Confirmation, 1);
  confirmation->self = g_object_ref (self);
  confirmation->environment = g_object_ref (environment);
  confirmation->kind = kind;
  confirmation->action = action;
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirmation_response_cb),
                         confirmation, confirmation_free, 0);

  g_set_weak_pointer (&self->dialog, ADW_MESSAGE_DIALOG (dialog));
  cockpit_a11y_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
free_name (gpointer  data,
           GClosure *closure)
{
  g_free (data);
}

/* @wanted: the name to type, the entry's handler's own copy. */
static void
teardown_entry_changed_cb (GtkEditable *entry,
                           const char  *wanted)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (gtk_widget_get_root (GTK_WIDGET (entry)));

  adw_message_dialog_set_response_enabled (dialog, "confirm",
                                           g_strcmp0 (gtk_editable_get_text (entry), wanted) == 0);
}

void
_cockpit_package_page_tear_down (CockpitPackagePage     *self,
                                 CockpitEnvironmentKind  kind)
{
  CockpitEnvironment *env;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  const char *label;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (self->package == NULL)
    return;
  env = cockpit_package_get_environment (self->package, kind);
  if (env == NULL)
    return;

  label = cockpit_environment_kind_get_label (cockpit_environment_get_kind (env));
  heading = g_strdup_printf (_("Tear Down %s?"), label);
  /* Translators: the first %s is an environment, the last one its name to type */
  body = g_strdup_printf (_("%s (Magnolia %s) is destroyed, and nothing is backed up first. Its content, its configuration and its address %s are lost for good.\n\nType “%s” to confirm."),
                          label,
                          cockpit_environment_get_magnolia_version (env) ? cockpit_environment_get_magnolia_version (env) : "?",
                          cockpit_environment_get_url (env) ? cockpit_environment_get_url (env) : "",
                          label);
  dialog = _cockpit_package_page_confirm (self, cockpit_user_action_tear_down_of (kind), env, COCKPIT_ACTION_KIND_TEARDOWN, heading, body, _("_Tear Down"), ADW_RESPONSE_DESTRUCTIVE);

  /* Typing the name makes the tear-down a decision, not a slip. */
  entry = gtk_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name of the environment"), -1);
  g_signal_connect_data (entry, "changed", G_CALLBACK (teardown_entry_changed_cb),
                         g_strdup (label), free_name, 0);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_set_response_enabled (dialog, "confirm", FALSE);
}

