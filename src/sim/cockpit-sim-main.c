/* cockpit-sim-main.c: the cockpit-sim command, a simulated cockpit server.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib-unix.h>

#include "cockpit-sim-private.h"
#include "cockpit-sim-proxy.h"
#include "cockpit-sim-recorder.h"
#include "cockpit-simulator.h"

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CockpitSimulator) simulator = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token_file = NULL;
  g_autofree char *address = NULL;
  g_autofree char *state_path = NULL;
  g_autofree char *seed_name = NULL;
  g_autofree char *record = NULL;
  g_autofree char *proxy_to = NULL;
  g_autoptr(CockpitSimProxy) proxy = NULL;
  double stage_seconds = 20;
  gboolean test_controls = FALSE;
  CockpitSimSeed seed = COCKPIT_SIM_SEED_DEMO;
  int port = 0;
  guint sigterm, sigint;
  const GOptionEntry entries[] = {
    { "token", 0, 0, G_OPTION_ARG_STRING, &token, "The bearer token clients must send", "TOKEN" },
    { "token-file", 0, 0, G_OPTION_ARG_FILENAME, &token_file, "Read the token from FILE", "FILE" },
    { "port", 0, 0, G_OPTION_ARG_INT, &port, "The port to listen on; 0 (the default) picks a free one", "N" },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, "The address to listen on (default 127.0.0.1)", "ADDRESS" },
    { "state", 0, 0, G_OPTION_ARG_FILENAME, &state_path, "Keep the whole state in FILE", "FILE" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_name, "The data to start with: demo (default), large or empty", "SEED" },
    { "stage-seconds", 0, 0, G_OPTION_ARG_DOUBLE, &stage_seconds, "How long each stage of an action takes (default 20)", "S" },
    { "test-controls", 0, 0, G_OPTION_ARG_NONE, &test_controls, "Serve the /_sim/ test controls", NULL },
    { "record", 0, 0, G_OPTION_ARG_FILENAME, &record, "Record every request and answer into a new file in FOLDER", "FOLDER" },
    { "proxy-to", 0, 0, G_OPTION_ARG_STRING, &proxy_to, "Simulate nothing: pass every request on to the cockpit at URL (to record it)", "URL" },
    { NULL }
  };

  context = g_option_context_new ("- a simulated Magnolia Cloud cockpit");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (context,
                                    "Serves the Cockpit API v1 described in docs/cockpit-api.md.\n"
                                    "The first line on stdout is: listening on URL");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("cockpit-sim: %s\n", error->message);
      return 2;
    }

  if (token_file != NULL)
    {
      g_free (token);
      token = cockpit_sim_read_token_file (token_file, &error);
      if (token == NULL)
        {
          g_printerr ("cockpit-sim: cannot read the token file: %s\n", error->message);
          return 2;
        }
    }
  if ((token == NULL || *token == '\0') && proxy_to == NULL)
    {
      g_printerr ("cockpit-sim: --token or --token-file is required\n");
      return 2;
    }
  if (seed_name != NULL && !cockpit_sim_seed_from_string (seed_name, &seed))
    {
      g_printerr ("cockpit-sim: unknown seed \"%s\"; use demo, large or empty\n", seed_name);
      return 2;
    }
  if (port < 0 || port > 65535)
    {
      g_printerr ("cockpit-sim: the port must be from 0 to 65535\n");
      return 2;
    }

  /* The library records when the variable names a folder. */
  if (record != NULL)
    g_setenv (COCKPIT_SIM_RECORD_ENV, record, TRUE);

  /* The proxy passes the client's token on; it needs none of its own. */
  if (proxy_to != NULL)
    {
      proxy = cockpit_sim_proxy_new (proxy_to, &error);
      if (proxy == NULL ||
          !cockpit_sim_proxy_listen (proxy, address ? address : "127.0.0.1", (guint) port, &error))
        {
          g_printerr ("cockpit-sim: %s\n", error->message);
          return 1;
        }
    }
  else
    {
      simulator = cockpit_simulator_new (token, seed, state_path, stage_seconds, test_controls, &error);
      if (simulator == NULL ||
          !cockpit_simulator_listen (simulator, address ? address : "127.0.0.1", (guint) port, &error))
        {
          g_printerr ("cockpit-sim: %s\n", error->message);
          return 1;
        }
    }

  /* The handlers first: whoever reads the line below may send SIGTERM at
   * once, and it must end the simulator cleanly, not kill it. */
  loop = g_main_loop_new (NULL, FALSE);
  sigterm = g_unix_signal_add (SIGTERM, quit_cb, loop);
  sigint = g_unix_signal_add (SIGINT, quit_cb, loop);

  g_print ("listening on %s\n", simulator != NULL ? cockpit_simulator_get_base_url (simulator)
                                                  : cockpit_sim_proxy_get_base_url (proxy));
  fflush (stdout);

  g_main_loop_run (loop);
  g_source_remove (sigterm);
  g_source_remove (sigint);

  /* Every change was saved before it was answered, so stopping is all. */
  if (simulator != NULL)
    cockpit_simulator_stop (simulator);
  return EXIT_SUCCESS;
}
