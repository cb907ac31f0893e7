/* a11y-walker.c: reads an application's accessibility tree over AT-SPI, as a screen reader does.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: a11y-walker PID
 *
 * Finds the application of process PID among the desktop's applications
 * on the accessibility bus and prints one line per accessible object:
 *
 *   DEPTH <tab> ROLE <tab> FLAGS <tab> NAME <tab> DESCRIPTION
 *
 * FLAGS holds "s" when the object is on screen (and every ancestor), "f" when it can take the keyboard focus and "a" when it has
 * actions.  NAME and DESCRIPTION are what Orca says, escaped with
 * g_strescape().  test-a11y
 * runs this in a process of its own: libatspi's calls block, and the
 * application answers them from its main loop.
 */
#include <atspi/atspi.h>
#include <stdio.h>
#include <stdlib.h>

/* libatspi 2.46 declares no cleanup functions. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiAccessible, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiStateSet, g_object_unref)

/* Deep enough for any real window; guards against a cycle. */
#define MAX_DEPTH 64

/* GTK 4.8 says "showing" of windows only; any other object is on screen
 * when it has a size (a page of a stack that is not shown has none).  An
 * object without a place of its own (a stack page) is where its parent is. */
static gboolean
is_on_screen (AtspiAccessible *node,
              AtspiStateSet   *states)
{
  AtspiComponent *component;
  AtspiRect *rect;
  gboolean on_screen;

  if (states != NULL && atspi_state_set_contains (states, ATSPI_STATE_SHOWING))
    return TRUE;

  component = atspi_accessible_get_component_iface (node);
  if (component == NULL)
    return TRUE;
  rect = atspi_component_get_extents (component, ATSPI_COORD_TYPE_WINDOW, NULL);
  on_screen = rect == NULL || (rect->width > 0 && rect->height > 0);
  g_free (rect);
  g_object_unref (component);
  return on_screen;
}

static void
walk (AtspiAccessible *node,
      guint            depth,
      gboolean         parent_showing)
{
  g_autoptr(AtspiStateSet) states = NULL;
  g_autofree char *role = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *escaped_description = NULL;
  g_autoptr(GError) error = NULL;
  gboolean showing;
  gboolean focusable;
  gboolean actions = FALSE;
  AtspiAction *action;
  int n;

  if (depth > MAX_DEPTH)
    return;

  role = atspi_accessible_get_role_name (node, &error);
  if (error != NULL)
    {
      /* The object went away while we read it: what a screen reader
       * meets too, and no reason to stop. */
      g_printerr ("a11y-walker: %s\n", error->message);
      return;
    }
  name = atspi_accessible_get_name (node, NULL);
  description = atspi_accessible_get_description (node, NULL);
  states = atspi_accessible_get_state_set (node);
  showing = parent_showing && (depth == 0 || is_on_screen (node, states));
  focusable = states != NULL && atspi_state_set_contains (states, ATSPI_STATE_FOCUSABLE);
  action = atspi_accessible_get_action_iface (node);
  if (action != NULL)
    {
      actions = atspi_action_get_n_actions (action, NULL) > 0;
      g_object_unref (action);
    }

  escaped = g_strescape (name != NULL ? name : "", NULL);
  escaped_description = g_strescape (description != NULL ? description : "", NULL);
  printf ("%u\t%s\t%s%s%s\t%s\t%s\n", depth, role,
          showing ? "s" : "", focusable ? "f" : "", actions ? "a" : "",
          escaped, escaped_description);

  n = atspi_accessible_get_child_count (node, NULL);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) child = atspi_accessible_get_child_at_index (node, i, NULL);

      if (child != NULL)
        walk (child, depth + 1, showing);
    }
}

static AtspiAccessible *
find_application (guint pid)
{
  g_autoptr(AtspiAccessible) desktop = atspi_get_desktop (0);
  int n = atspi_accessible_get_child_count (desktop, NULL);

  for (int i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) app = atspi_accessible_get_child_at_index (desktop, i, NULL);

      if (app != NULL && atspi_accessible_get_process_id (app, NULL) == pid)
        return g_steal_pointer (&app);
    }
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtspiAccessible) app = NULL;
  guint pid;

  if (argc != 2)
    {
      g_printerr ("Usage: %s PID\n", argv[0]);
      return 2;
    }
  pid = (guint) g_ascii_strtoull (argv[1], NULL, 10);

  if (atspi_init () < 0)
    {
      g_printerr ("a11y-walker: no accessibility bus\n");
      return 1;
    }

  /* The application registers with the registry when its first window
   * is made; give it a few seconds. */
  for (int tries = 0; tries < 100 && app == NULL; tries++)
    {
      app = find_application (pid);
      if (app == NULL)
        g_usleep (100 * 1000);
    }
  if (app == NULL)
    {
      g_printerr ("a11y-walker: process %u has no application on the accessibility bus\n", pid);
      return 1;
    }

  walk (app, 0, TRUE);
  fflush (stdout);
  return 0;
}
