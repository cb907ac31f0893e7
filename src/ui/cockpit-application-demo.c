/* cockpit-application-demo.c: demo mode.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In demo mode the application signs in to a simulator it runs itself
 * (CockpitDemo) and counts with its clock.  "Try the Demo" and
 * `upgrade-cockpit --demo` start it; signing out stops it.  The Demo
 * menu's actions are in cockpit-application-demo-actions.c.
 */
#include "config.h"

#include "cockpit-application-private.h"

/* Signs in to the demo cockpit, starting it first when needed.  The
 * views count with its clock, so that skipping ahead moves them too. */
gboolean
_cockpit_application_start_demo (CockpitApplication  *self,
                                 GError             **error)
{
  g_autoptr(CockpitSession) session = NULL;

  if (self->demo == NULL)
    {
      self->demo = cockpit_demo_new (NULL, NULL, error);
      if (self->demo == NULL)
        return FALSE;
      _cockpit_application_notify_demo (self);
    }

  cockpit_application_set_clock (self, cockpit_demo_get_now, g_object_ref (self->demo), g_object_unref);
  session = cockpit_demo_create_session (self->demo);
  cockpit_application_set_session (self, session);
  return TRUE;
}

/* Leaves demo mode: the simulator stops and its state file is free. */
void
_cockpit_application_stop_demo (CockpitApplication *self)
{
  if (self->demo == NULL)
    return;

  cockpit_application_set_session (self, NULL);
  cockpit_application_set_clock (self, NULL, NULL, NULL);
  g_clear_object (&self->demo);
  _cockpit_application_notify_demo (self);
}
