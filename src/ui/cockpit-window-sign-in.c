/* cockpit-window-sign-in.c: the main window's sign-in page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cockpit's address and an API token, and win.sign-in, enabled once
 * both are filled in and no sign-in is under way.  The window asks with
 * its ::sign-in signal; the application checks and keeps them and gives
 * its answer with cockpit_window_sign_in_done(); a failure is said under
 * the rows, in the words of the error.  The page itself
 * (CockpitSignInPage) is made the first time it is needed: a signed-in or
 * demo start never shows it.
 */
#include "config.h"

#include "cockpit-window-private.h"

void
_cockpit_window_update_sign_in_action (CockpitWindow *self)
{
  gboolean filled = self->sign_in_page != NULL &&
                    *cockpit_sign_in_page_get_url (self->sign_in_page) != '\0' &&
                    *cockpit_sign_in_page_get_token (self->sign_in_page) != '\0';

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-in", !self->signing_in && filled);
}

static void
activated_cb (CockpitWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.sign-in", NULL);
}

CockpitSignInPage *
_cockpit_window_ensure_sign_in_page (CockpitWindow *self)
{
  g_autofree char *url = NULL;

  if (self->sign_in_page != NULL)
    return self->sign_in_page;

  self->sign_in_page = COCKPIT_SIGN_IN_PAGE (cockpit_sign_in_page_new ());
  /* The address last used, kept in the settings; never the token. */
  url = g_settings_get_string (self->settings, "cockpit-url");
  cockpit_sign_in_page_set_text (self->sign_in_page, url, "");
  cockpit_sign_in_page_set_busy (self->sign_in_page, self->signing_in);
  g_signal_connect_swapped (self->sign_in_page, "changed",
                            G_CALLBACK (_cockpit_window_update_sign_in_action), self);
  g_signal_connect_swapped (self->sign_in_page, "activated", G_CALLBACK (activated_cb), self);
  adw_bin_set_child (self->sign_in_bin, GTK_WIDGET (self->sign_in_page));
  _cockpit_window_update_sign_in_action (self);
  return self->sign_in_page;
}

static void
set_signing_in (CockpitWindow *self,
                gboolean       signing_in)
{
  self->signing_in = signing_in;
  if (self->sign_in_page != NULL)
    cockpit_sign_in_page_set_busy (self->sign_in_page, signing_in);
  /* The rows stay sensitive: making a focused GtkText insensitive makes
   * GTK 4.8 warn about a lost focus-out event. */
  _cockpit_window_update_sign_in_action (self);
}

void
cockpit_window_sign_in_done (CockpitWindow *self,
                             const GError  *error)
{
  CockpitSignInPage *page;

  g_return_if_fail (COCKPIT_IS_WINDOW (self));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The page asked, so it is there. */
  page = self->sign_in_page;
  if (page != NULL)
    {
      cockpit_sign_in_page_set_error (page, error != NULL ? error->message : NULL);
      if (error == NULL)
        cockpit_sign_in_page_clear_token (page);
    }

  set_signing_in (self, FALSE);
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CockpitWindow *self = COCKPIT_WINDOW (widget);
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;

  if (self->signing_in || self->sign_in_page == NULL)
    return;

  set_signing_in (self, TRUE);
  cockpit_sign_in_page_set_error (self->sign_in_page, NULL);
  /* Copies: a handler may change the rows. */
  url = g_strdup (cockpit_sign_in_page_get_url (self->sign_in_page));
  token = g_strdup (cockpit_sign_in_page_get_token (self->sign_in_page));
  g_signal_emit_by_name (self, "sign-in", url, token);
}

void
cockpit_window_set_sign_in_text (CockpitWindow *self,
                                 const char    *url,
                                 const char    *token)
{
  g_return_if_fail (COCKPIT_IS_WINDOW (self));

  cockpit_sign_in_page_set_text (_cockpit_window_ensure_sign_in_page (self), url, token);
}

const char *
cockpit_window_get_sign_in_error (CockpitWindow *self)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), NULL);

  if (self->sign_in_page == NULL)
    return NULL;
  return cockpit_sign_in_page_get_error (self->sign_in_page);
}

void
_cockpit_window_class_sign_in_init (CockpitWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.sign-in", NULL, sign_in_action);

  /* ::sign-in (url, token): the user asks to sign in; the one who handles
   * it answers with cockpit_window_sign_in_done(). */
  g_signal_new ("sign-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}
