/* cockpit-application-demo-actions.c: the Demo menu's actions.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Try the Demo" (app.start-demo, also `upgrade-cockpit --demo` while the
 * app runs) and the Demo menu: stage speed, skip ahead, fail the next
 * action, reset.  The menu's actions are enabled only in demo mode; they
 * follow the application's "demo" property.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-a11y.h"
#include "cockpit-application-private.h"
#include "cockpit-window.h"

/* The Demo menu's actions are there only in demo mode. */
static void
update_demo_actions (CockpitApplication *self)
{
  static const char *const names[] = {
    "demo-stage-speed", "demo-skip-ahead", "demo-fail-next", "demo-reset",
  };
  GAction *speed;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), names[i]);

      if (action != NULL)
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->demo != NULL);
    }

  speed = g_action_map_lookup_action (G_ACTION_MAP (self), "demo-stage-speed");
  if (speed != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (speed),
                               g_variant_new_string (self->demo && cockpit_demo_get_fast (self->demo)
                                                     ? "fast" : "realistic"));
}

/* The Demo menu's actions ------------------------------------------------------ */

/* "Try the Demo" on the sign-in page, and `upgrade-cockpit --demo` while
 * the app runs already. */
static void
start_demo_action_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  CockpitApplication *self = user_data;
  CockpitWindow *window = _cockpit_application_ensure_window (self);
  g_autoptr(GError) error = NULL;

  /* Whatever the window was about to sign in to by itself, the demo wins. */
  self->started = TRUE;
  gtk_window_present (GTK_WINDOW (window));

  if (self->demo != NULL)
    return;
  if (self->session != NULL)
    {
      /* A real cockpit's actions are being followed: never switch away
       * from them unasked. */
      cockpit_window_show_toast (window, _("You are signed in to a cockpit. Sign out first to try the demo."));
      return;
    }

  _cockpit_application_set_sign_in_error (self, NULL);
  if (!_cockpit_application_start_demo (self, &error))
    _cockpit_application_set_sign_in_error (self, error->message);
}

static void
demo_stage_speed_action_cb (GSimpleAction *action,
                            GVariant      *state,
                            gpointer       user_data)
{
  CockpitApplication *self = user_data;

  if (self->demo == NULL)
    return;
  cockpit_demo_set_fast (self->demo, g_str_equal (g_variant_get_string (state, NULL), "fast"));
  update_demo_actions (self);
}

static void
demo_skip_ahead_action_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  CockpitApplication *self = user_data;
  gint64 seconds = g_variant_get_int64 (parameter);

  if (self->demo == NULL || seconds <= 0 || seconds > 365 * 24 * 3600)
    return;

  cockpit_demo_skip_ahead (self->demo, seconds);
  /* What fell due meanwhile (stage ends, removals) shows after a refresh;
   * the reminder checks again once the refresh is in. */
  if (self->session != NULL)
    cockpit_session_refresh (self->session);
  if (self->helpdesk != NULL)
    cockpit_helpdesk_refresh (self->helpdesk);
}

static void
demo_fail_next_action_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  CockpitApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  int stage;

  if (self->demo == NULL ||
      !cockpit_enum_from_string (COCKPIT_TYPE_STAGE_NAME, g_variant_get_string (parameter, NULL), &stage) ||
      stage == COCKPIT_STAGE_NONE)
    return;

  cockpit_demo_fail_next (self->demo, stage);
  if (COCKPIT_IS_WINDOW (window))
    cockpit_window_show_toast (COCKPIT_WINDOW (window), _("The next action will fail at this stage."));
}

static void
demo_reset_response_cb (AdwMessageDialog   *dialog,
                        const char         *response,
                        CockpitApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitSession) session = NULL;
  GtkWindow *window;

  if (!g_str_equal (response, "reset") || self->demo == NULL)
    return;

  /* The session goes first, so that nothing follows actions of the state
   * that is going away. */
  cockpit_application_set_session (self, NULL);
  if (!cockpit_demo_reset (self->demo, &error))
    g_debug ("Could not save the reset demo: %s", error->message);
  session = cockpit_demo_create_session (self->demo);
  cockpit_application_set_session (self, session);

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (COCKPIT_IS_WINDOW (window))
    cockpit_window_show_toast (COCKPIT_WINDOW (window), _("The demo was reset"));
}

static void
demo_reset_action_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  CockpitApplication *self = user_data;
  GtkWindow *window = GTK_WINDOW (_cockpit_application_ensure_window (self));
  GtkWidget *dialog;

  if (self->demo == NULL)
    return;

  dialog = adw_message_dialog_new (window, _("Reset the Demo?"),
                                   _("The demo’s packages, actions, upgrade backups and activity log go back "
                                     "to how they were at the start. Nothing outside the demo is touched."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (demo_reset_response_cb), self, 0);
  cockpit_a11y_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry demo_actions[] = {
  { "start-demo", start_demo_action_cb },
  { "demo-stage-speed", NULL, "s", "'realistic'", demo_stage_speed_action_cb },
  { "demo-skip-ahead", demo_skip_ahead_action_cb, "x" },
  { "demo-fail-next", demo_fail_next_action_cb, "s" },
  { "demo-reset", demo_reset_action_cb },
};

void
_cockpit_application_add_demo_actions (CockpitApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), demo_actions,
                                   G_N_ELEMENTS (demo_actions), self);
  g_signal_connect (self, "notify::demo", G_CALLBACK (update_demo_actions), NULL);
  update_demo_actions (self);
}
