/* cockpit-window-sign-in.c: the main window's sign-in page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cockpit's address and an API token, and win.sign-in, enabled once
 * both are filled in and no sign-in is under way.  The window asks with
 * its ::sign-in signal; the application checks and keeps them and gives
 * its answer with cockpit_window_sign_in_done(); a failure is said under
 * the rows, in the words of the error.
 */
#include "config.h"

#include "cockpit-window-private.h"

void
_cockpit_window_update_sign_in_action (CockpitWindow *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->token_row));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-in",
                                 !self->signing_in && *url != '\0' && *token != '\0');
}

static void
sign_in_changed_cb (CockpitWindow *self)
{
  _cockpit_window_update_sign_in_action (self);
}

static void
set_signing_in (CockpitWindow *self,
                gboolean       signing_in)
{
  self->signing_in = signing_in;
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_spinner), signing_in);
  gtk_spinner_set_spinning (self->sign_in_spinner, signing_in);
  /* The rows stay sensitive: making a focused GtkText insensitive makes
   * GTK 4.8 warn about a lost focus-out event. */
  _cockpit_window_update_sign_in_action (self);
}

void
cockpit_window_sign_in_done (CockpitWindow *self,
                             const GError  *error)
{
  g_return_if_fail (COCKPIT_IS_WINDOW (self));

  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_label_set_text (self->sign_in_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->sign_in_error), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->sign_in_error), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->token_row), "");
    }

  set_signing_in (self, FALSE);
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CockpitWindow *self = COCKPIT_WINDOW (widget);

  if (self->signing_in)
    return;

  set_signing_in (self, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_error), FALSE);
  g_signal_emit_by_name (self, "sign-in",
                         gtk_editable_get_text (GTK_EDITABLE (self->url_row)),
                         gtk_editable_get_text (GTK_EDITABLE (self->token_row)));
}

static void
sign_in_activated_cb (CockpitWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.sign-in", NULL);
}

void
cockpit_window_set_sign_in_text (CockpitWindow *self,
                                 const char    *url,
                                 const char    *token)
{
  g_return_if_fail (COCKPIT_IS_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), token);
}

const char *
cockpit_window_get_sign_in_error (CockpitWindow *self)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->sign_in_error)))
    return NULL;
  return gtk_label_get_text (self->sign_in_error);
}

void
_cockpit_window_class_sign_in_init (CockpitWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, sign_in_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.sign-in", NULL, sign_in_action);

  /* ::sign-in (url, token): the user asks to sign in; the one who handles
   * it answers with cockpit_window_sign_in_done(). */
  g_signal_new ("sign-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}
