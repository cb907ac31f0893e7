/* main.c: the entry point of Upgrade Cockpit.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CockpitApplication) app = NULL;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cockpit_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
