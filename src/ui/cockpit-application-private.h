/* cockpit-application-private.h: the application's internals, for its files and for tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-application.h"
#include "cockpit-backup-reminder.h"
#include "cockpit-background.h"
#include "cockpit-demo.h"
#include "cockpit-helpdesk.h"
#include "cockpit-secret-store.h"
#include "cockpit-window.h"

G_BEGIN_DECLS

/* The clock the upgrade backup reminders and the views count with; NULL
 * for the real time.  Tests pass the simulator's.  Applies to the current
 * session and its reminder, and to those of later sessions. */
void                   cockpit_application_set_clock           (CockpitApplication *self,
                                                                CockpitClockFunc    func,
                                                                gpointer            data,
                                                                GDestroyNotify      destroy);

/* The demo cockpit while in demo mode, or NULL. */
CockpitDemo           *cockpit_application_get_demo_cockpit    (CockpitApplication *self);

/* The upgrade backup reminder of the signed-in session, or NULL. */
CockpitBackupReminder *cockpit_application_get_backup_reminder (CockpitApplication *self);

/* Between the application's files, which call one another one way only,
 * from the top down:
 *   cockpit-application.c          the object: start-up, activation, the
 *                                  command line, shut-down
 *   cockpit-application-actions.c  the app.* actions
 *   -demo-actions.c                the Demo menu's actions
 *   -windows.c                     its windows, bound to its state
 *   -notices.c                     what it says on the desktop
 *   -service.c                     the service at log-in, in the background
 *   -sign-in.c                     signing in and out
 *   -demo.c                        demo mode
 *   -session.c                     the session it owns and the properties
 *                                  that tell of it
 * A lower room tells a higher one of a change through those properties,
 * never by calling it. */

struct _CockpitApplication
{
  AdwApplication parent_instance;

  GSettings          *settings;
  CockpitSecretStore *secrets;
  CockpitSession     *session;
  char               *sign_in_error;
  /* The demo cockpit while in demo mode, else NULL */
  CockpitDemo        *demo;
  gboolean            demo_requested;
  gboolean            busy;
  gboolean            started;
  gboolean            held;
  gboolean            service;        /* started hidden, at log-in */
  gboolean            service_held;
  gboolean            told_background;
  gboolean            asked_background;
  gboolean            fonts_warmed;   /* for the first window, once */
  CockpitBackground  *background;
  GCancellable       *background_cancellable;
  GSettings          *desktop_interface;   /* NULL without gsettings-desktop-schemas */

  /* Upgrade backup reminders, and the packages whose reminder is shown */
  CockpitBackupReminder *reminder;
  GHashTable            *reminded;
  /* The helpdesk notices announced on the desktop, by id */
  GHashTable            *announced;
  /* A plan approved from a notification before the session was there */
  char                  *pending_approval;
  /* The plans whose approval is asked on the desktop now, by id */
  GHashTable            *asking;

  /* Helpdesk notifications of the session: kept here, not in the window,
   * so that new critical ones are announced with the window closed. */
  CockpitHelpdesk       *helpdesk;
  guint                  helpdesk_first_refresh_id;
  CockpitClockFunc       clock;
  gpointer               clock_data;
  GDestroyNotify         clock_destroy;
};

/* cockpit-application-session.c: the properties and ::session-ready,
 * installed by cockpit_application_class_init(); their setters, which
 * notify. */
void _cockpit_application_class_init_session (GObjectClass *object_class);
void _cockpit_application_set_sign_in_error (CockpitApplication *self,
                                             const char         *message);
void _cockpit_application_set_busy (CockpitApplication *self,
                                    gboolean            busy);
void _cockpit_application_notify_demo (CockpitApplication *self);
void _cockpit_application_drop_session (CockpitApplication *self);
void _cockpit_application_stop_backup_reminder (CockpitApplication *self);

/* cockpit-application-demo.c */
gboolean _cockpit_application_start_demo (CockpitApplication  *self,
                                          GError             **error);
void _cockpit_application_stop_demo (CockpitApplication *self);

/* cockpit-application-sign-in.c */
void _cockpit_application_start_signing_in (CockpitApplication *self);
void _cockpit_application_sign_out_action_cb (GSimpleAction *action,
                                              GVariant      *parameter,
                                              gpointer       user_data);

/* cockpit-application-service.c */
void _cockpit_application_start_service (CockpitApplication *self);
void _cockpit_application_update_service_hold (CockpitApplication *self);

/* cockpit-application-notices.c: follows each new session from then on. */
void _cockpit_application_notices_init (CockpitApplication *self);
void _cockpit_application_approve_plan_action_cb (GSimpleAction *action,
                                                  GVariant      *parameter,
                                                  gpointer      user_data);

/* cockpit-application-windows.c: a new window, bound to the application's
 * state; the active window, made (and signed in by itself) when there is
 * none. */
CockpitWindow *_cockpit_application_add_window (CockpitApplication *self);
CockpitWindow *_cockpit_application_ensure_window (CockpitApplication *self);

/* cockpit-application-demo-actions.c */
void _cockpit_application_add_demo_actions (CockpitApplication *self);

/* cockpit-application-actions.c */
void _cockpit_application_add_actions (CockpitApplication *self);

G_END_DECLS
