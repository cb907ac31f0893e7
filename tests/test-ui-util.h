/* test-ui-util.h: helpers shared by the widget tests: waiting for a condition or a draw, saving a screenshot (in one style or both), finding a widget, ticking a checklist.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A "notify" handler that adds one to the guint it is given. */
void       cockpit_test_count_cb        (GObject    *object,
                                         GParamSpec *pspec,
                                         guint      *count);

/* Returns G_SOURCE_CONTINUE: a timeout of it wakes the main loop up. */
gboolean   cockpit_test_tick_cb         (gpointer    data);

/* Runs the main loop until @expr holds; fails after 30 seconds. */
#define WAIT_FOR(expr)                                                     \
  G_STMT_START {                                                           \
    gint64 end_ = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;       \
    guint tick_ = g_timeout_add (20, cockpit_test_tick_cb, NULL);          \
    while (!(expr))                                                        \
      {                                                                    \
        if (g_get_monotonic_time () > end_)                                \
          g_error ("Timed out waiting for %s", #expr);                     \
        g_main_context_iteration (NULL, TRUE);                             \
      }                                                                    \
    g_source_remove (tick_);                                               \
  } G_STMT_END

/* Iterates the main context until @widget is mapped and its frame clock
 * has painted a frame drawn after this call. */
void       cockpit_test_wait_for_draw   (GtkWidget  *widget);

/* Gives the display what the application gives its windows and a test
 * has no application for: style.css, and the icons in the resources (the
 * spinner's among them), as GtkApplication adds them for an application
 * with a resource base path. */
void       cockpit_test_use_app_style   (void);

/* Runs the calling test again in a process of its own, and fails if it
 * fails there.  Returns TRUE in that process, where the test goes on, and
 * FALSE in this one once it has passed:
 *   if (!cockpit_test_in_own_process ()) return; */
gboolean   cockpit_test_in_own_process  (void);

/* Whether this process has mapped a file whose path has @library in it. */
gboolean   cockpit_test_maps_contain    (const char *library);

/* Whether this process has loaded the SVG loader (librsvg, 6.5 MiB),
 * once @widget has drawn a few frames and GTK's icon loader threads have
 * had time to do what they were asked.  Meant for a test in a process of
 * its own (g_test_trap_subprocess()). */
gboolean   cockpit_test_svg_loaded      (GtkWidget  *widget);

/* Renders @widget on the window's background colour and saves it as
 * $G_TEST_BUILDDIR/screenshots/@name.png. */
void       cockpit_test_save_screenshot (GtkWidget  *widget,
                                         const char *name);

/* Saves @widget as @name-light.png and @name-dark.png, as
 * cockpit_test_save_screenshot() does, in the light style and then the
 * dark one; leaves the light style on. */
void       cockpit_test_save_screenshots (GtkWidget  *widget,
                                          const char *name);

/* The serial the default display's next request to the X server will
 * have: the difference of two readings is how many requests were sent in
 * between, each round trip among them.  0 when the display is not an X
 * display (or the tests were built without Xlib). */
guint64    cockpit_test_x11_requests    (void);

/* The name of the first .ui file of the app's resources that has
 * @needle in it, or NULL when none has; fails when there are no .ui
 * files to read. */
char      *cockpit_test_find_in_ui_files (const char *needle);

/* How many of the render nodes @widget draws (its snapshot, as its
 * parent takes it) @match says yes to, containers and the nodes that
 * wrap one child or two looked into. */
typedef gboolean (*CockpitTestNodeMatch) (GskRenderNode *node);
guint      cockpit_test_count_render_nodes (GtkWidget           *widget,
                                            CockpitTestNodeMatch match);

/* A CockpitTestNodeMatch: a border whose sides are not all of one colour,
 * which GTK 4.8's cairo renderer fills as a mesh, pixel by pixel. */
gboolean   cockpit_test_is_mixed_border (GskRenderNode *node);

/* The first descendant of @widget of @type, with @css_class if not
 * NULL, depth first; NULL when there is none. */
GtkWidget *cockpit_test_find_descendant (GtkWidget  *widget,
                                         GType       type,
                                         const char *css_class);

/* The same among the descendants that are mapped: an unmapped widget's
 * children are not looked at. */
GtkWidget *cockpit_test_find_shown      (GtkWidget  *widget,
                                         GType       type,
                                         const char *css_class);

/* The first label below @widget whose text is @text, depth first, among
 * the mapped ones if @mapped_only; NULL when there is none. */
GtkWidget *cockpit_test_find_label      (GtkWidget  *widget,
                                         const char *text,
                                         gboolean    mapped_only);

/* Ticks the first @n items of @checks, a checklist of AdwActionRows
 * whose activatable widget is a GtkCheckButton, as a person does: by
 * activating the rows not ticked yet. */
void       cockpit_test_tick_checklist  (GtkListBox *checks,
                                         guint       n);

G_END_DECLS
