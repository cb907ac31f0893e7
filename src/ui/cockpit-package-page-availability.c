/* cockpit-package-page-availability.c: what can be done now on the package the page shows, for all the page's parts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The flow diagram, the questions before an action and the plan calls
 * all ask what the rules allow as of now.  The answer is made here, below
 * them and below the page itself (cockpit-package-page.c), which calls
 * into the parts: they never call back up into it.  They say their
 * outcome with cockpit_widget_show_toast(), which asks the window through
 * its "win.show-toast" action.
 */
#include "config.h"

#include "cockpit-package-page-private.h"

/* The one answer for the package shown, as of now: the rules over the
 * package, the action this app follows on it, the releases and the clock. */
CockpitAvailability *
_cockpit_package_page_dup_availability (CockpitPackagePage *self)
{
  g_autoptr(GDateTime) now = NULL;
  GListModel *releases;
  gboolean busy;

  if (self->package == NULL || self->session == NULL)
    return cockpit_availability_new_empty ();

  now = cockpit_session_dup_now (self->session);
  releases = cockpit_session_get_releases (self->session);
  busy = cockpit_action_tracker_is_busy (cockpit_session_get_tracker (self->session),
                                         cockpit_package_get_id (self->package));
  return cockpit_availability_new (self->package, g_list_model_get_n_items (releases) > 0 ? releases : NULL,
                                   busy, now);
}
