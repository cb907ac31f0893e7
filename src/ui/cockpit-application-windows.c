/* cockpit-application-windows.c: the application's windows, bound to its state.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window shows what the application's properties say (the session, the
 * helpdesk, the sign-in error, busy, demo mode): they are bound to the
 * window's own, so the window never asks the application.  A window asks
 * to sign in with its ::sign-in signal and is told the answer; closed
 * while an action runs, it lets the application say once that it goes on
 * in the background.
 */
#include "config.h"

#include "cockpit-application-private.h"
#include "cockpit-font-warmup.h"
#include "cockpit-window.h"

static void
signed_in_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GWeakRef *window_ref = user_data;
  g_autoptr(CockpitWindow) window = g_weak_ref_get (window_ref);
  g_autoptr(GError) error = NULL;

  cockpit_application_sign_in_finish (COCKPIT_APPLICATION (object), result, &error);
  g_weak_ref_clear (window_ref);
  g_free (window_ref);
  /* The answer goes on with the application; a window closed meanwhile
   * is not told. */
  if (window != NULL)
    cockpit_window_sign_in_done (window, error);
}

static void
window_sign_in_cb (CockpitWindow      *window,
                   const char         *url,
                   const char         *token,
                   CockpitApplication *self)
{
  GWeakRef *window_ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (window_ref, window);
  cockpit_application_sign_in_async (self, url, token, NULL, signed_in_cb, window_ref);
}

static gboolean
window_close_request_cb (CockpitWindow      *window,
                         CockpitApplication *self)
{
  /* The application holds itself while an action runs; say so once. */
  if (self->session != NULL &&
      g_list_model_get_n_items (cockpit_action_tracker_get_actions (cockpit_session_get_tracker (self->session))) > 0)
    cockpit_application_window_closed_while_busy (self);
  return FALSE;
}

CockpitWindow *
_cockpit_application_add_window (CockpitApplication *self)
{
  static const char *const bound[] = { "session", "helpdesk", "sign-in-error", "busy", "demo" };
  CockpitFontWarmup *warmup = NULL;
  CockpitWindow *window;

  /* The first window's fonts are opened on another core while it is made
   * and shows its first frame (cockpit-font-warmup.c). */
  if (!self->fonts_warmed)
    {
      self->fonts_warmed = TRUE;
      warmup = cockpit_font_warmup_start ();
    }
  window = cockpit_window_new (GTK_APPLICATION (self), self->settings);
  cockpit_font_warmup_use_in_window (warmup, GTK_WINDOW (window));

  for (guint i = 0; i < G_N_ELEMENTS (bound); i++)
    g_object_bind_property (self, bound[i], window, bound[i], G_BINDING_SYNC_CREATE);
  g_signal_connect_object (window, "sign-in", G_CALLBACK (window_sign_in_cb), self, 0);
  g_signal_connect_object (window, "close-request", G_CALLBACK (window_close_request_cb), self, 0);
  return window;
}

CockpitWindow *
_cockpit_application_ensure_window (CockpitApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (COCKPIT_IS_WINDOW (window))
    return COCKPIT_WINDOW (window);
  window = GTK_WINDOW (_cockpit_application_add_window (self));
  _cockpit_application_start_signing_in (self);
  return COCKPIT_WINDOW (window);
}
