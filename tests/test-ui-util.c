/* test-ui-util.c: helpers shared by the widget tests: waiting for a condition or a draw, saving a screenshot (in one style or both), finding a widget, ticking a checklist.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#ifdef COCKPIT_TEST_X11
#include <gdk/x11/gdkx.h>
#endif

#include "cockpit-resources.h"
#include "cockpit-text-cell.h"
#include "test-ui-util.h"

/* Longer than any draw takes, even on a loaded machine under Xvfb. */
#define WAIT_TIMEOUT_SECONDS 20

gboolean
cockpit_test_tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  (*(guint *) user_data)++;
}

void
cockpit_test_count_cb (GObject    *object,
                       GParamSpec *pspec,
                       guint      *count)
{
  (*count)++;
}

guint64
cockpit_test_x11_requests (void)
{
#ifdef COCKPIT_TEST_X11
  GdkDisplay *display = gdk_display_get_default ();

  if (GDK_IS_X11_DISPLAY (display))
    return XNextRequest (gdk_x11_display_get_xdisplay (display));
#endif
  return 0;
}

char *
cockpit_test_find_in_ui_files (const char *needle)
{
  g_auto(GStrv) names = NULL;
  guint files = 0;

  g_assert_nonnull (cockpit_get_resource ());
  names = g_resources_enumerate_children (RESOURCE_PATH "/ui/", 0, NULL);
  g_assert_nonnull (names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_PATH "/ui/", names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *text = NULL;

      if (!g_str_has_suffix (names[i], ".ui"))
        continue;
      bytes = g_resources_lookup_data (path, 0, NULL);
      g_assert_nonnull (bytes);
      text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      files++;
      if (strstr (text, needle) != NULL)
        return g_strdup (names[i]);
    }
  g_assert_cmpuint (files, >, 10);
  return NULL;
}

void
cockpit_test_wait_for_draw (GtkWidget *widget)
{
  gboolean timed_out = FALSE;
  GdkFrameClock *frame_clock;
  guint timeout_id;
  guint paints = 0;
  gulong handler_id;

  g_assert_true (GTK_IS_WIDGET (widget));

  timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!gtk_widget_get_mapped (widget) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);

  /* Two paints: the first may still lay out what changed before this call. */
  frame_clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (frame_clock);
  handler_id = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), &paints);
  while (paints < 2 && !timed_out)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (frame_clock, handler_id);
  g_assert_false (timed_out);

  g_source_remove (timeout_id);
}

void
cockpit_test_save_screenshot (GtkWidget  *widget,
                              const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  GdkRGBA background;
  int width, height;

  g_assert_true (GTK_IS_WIDGET (widget));

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* The widget alone has no background; the window's is what users see. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget),
                                       "window_bg_color", &background))
    gdk_rgba_parse (&background, "#fafafa");
  G_GNUC_END_IGNORE_DEPRECATIONS

  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  paintable = gtk_widget_paintable_new (widget);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_assert_nonnull (renderer);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  folder = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  filename = g_strconcat (name, ".png", NULL);
  path = g_build_filename (folder, filename, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot saved to %s", path);
}

void
cockpit_test_save_screenshots (GtkWidget  *widget,
                               const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = g_strdup_printf ("%s-light", name);
  g_autofree char *dark = g_strdup_printf ("%s-dark", name);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  cockpit_test_wait_for_draw (widget);
  cockpit_test_save_screenshot (widget, light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  cockpit_test_wait_for_draw (widget);
  cockpit_test_save_screenshot (widget, dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
}

gboolean
cockpit_test_in_own_process (void)
{
  if (g_test_subprocess ())
    return TRUE;
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return FALSE;
}

void
cockpit_test_use_app_style (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  /* Naming the resource links it in. */
  g_assert_nonnull (cockpit_get_resource ());
  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display), RESOURCE_PATH "/icons");
}

gboolean
cockpit_test_maps_contain (const char *library)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, library) != NULL;
}

gboolean
cockpit_test_svg_loaded (GtkWidget *widget)
{
  for (int i = 0; i < 5; i++)
    cockpit_test_wait_for_draw (widget);
  g_usleep (200 * 1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return cockpit_test_maps_contain ("librsvg") || cockpit_test_maps_contain ("libpixbufloader-svg");
}

static GtkWidget *
find_below (GtkWidget  *widget,
            GType       type,
            const char *css_class,
            const char *label_text,
            gboolean    mapped_only)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (mapped_only && !gtk_widget_get_mapped (c))
        continue;
      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type) &&
          (css_class == NULL || gtk_widget_has_css_class (c, css_class)) &&
          (label_text == NULL || g_strcmp0 (gtk_label_get_text (GTK_LABEL (c)), label_text) == 0))
        return c;
      /* A table's text cell is a label to the eye and to a screen reader. */
      if (type == GTK_TYPE_LABEL && COCKPIT_IS_TEXT_CELL (c) && css_class == NULL &&
          (label_text == NULL || g_strcmp0 (cockpit_text_cell_get_text (COCKPIT_TEXT_CELL (c)), label_text) == 0))
        return c;
      if ((found = find_below (c, type, css_class, label_text, mapped_only)) != NULL)
        return found;
    }
  return NULL;
}

static guint
count_nodes (GskRenderNode        *node,
             CockpitTestNodeMatch  match)
{
  guint count = match (node) ? 1 : 0;

  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        count += count_nodes (gsk_container_node_get_child (node, i), match);
      break;
    case GSK_TRANSFORM_NODE:
      count += count_nodes (gsk_transform_node_get_child (node), match);
      break;
    case GSK_CLIP_NODE:
      count += count_nodes (gsk_clip_node_get_child (node), match);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      count += count_nodes (gsk_rounded_clip_node_get_child (node), match);
      break;
    case GSK_OPACITY_NODE:
      count += count_nodes (gsk_opacity_node_get_child (node), match);
      break;
    case GSK_COLOR_MATRIX_NODE:
      count += count_nodes (gsk_color_matrix_node_get_child (node), match);
      break;
    case GSK_DEBUG_NODE:
      count += count_nodes (gsk_debug_node_get_child (node), match);
      break;
    case GSK_SHADOW_NODE:
      count += count_nodes (gsk_shadow_node_get_child (node), match);
      break;
    case GSK_BLUR_NODE:
      count += count_nodes (gsk_blur_node_get_child (node), match);
      break;
    case GSK_REPEAT_NODE:
      count += count_nodes (gsk_repeat_node_get_child (node), match);
      break;
    case GSK_BLEND_NODE:
      count += count_nodes (gsk_blend_node_get_bottom_child (node), match);
      count += count_nodes (gsk_blend_node_get_top_child (node), match);
      break;
    case GSK_CROSS_FADE_NODE:
      count += count_nodes (gsk_cross_fade_node_get_start_child (node), match);
      count += count_nodes (gsk_cross_fade_node_get_end_child (node), match);
      break;
    default:
      break;
    }
  return count;
}

guint
cockpit_test_count_render_nodes (GtkWidget           *widget,
                                 CockpitTestNodeMatch match)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  g_return_val_if_fail (gtk_widget_get_parent (widget) != NULL, 0);

  gtk_widget_snapshot_child (gtk_widget_get_parent (widget), widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  return node != NULL ? count_nodes (node, match) : 0;
}

gboolean
cockpit_test_is_mixed_border (GskRenderNode *node)
{
  const GdkRGBA *colors;

  if (gsk_render_node_get_node_type (node) != GSK_BORDER_NODE)
    return FALSE;
  colors = gsk_border_node_get_colors (node);
  return !gdk_rgba_equal (&colors[0], &colors[1]) ||
         !gdk_rgba_equal (&colors[0], &colors[2]) ||
         !gdk_rgba_equal (&colors[0], &colors[3]);
}

GtkWidget *
cockpit_test_find_descendant (GtkWidget  *widget,
                              GType       type,
                              const char *css_class)
{
  return find_below (widget, type, css_class, NULL, FALSE);
}

GtkWidget *
cockpit_test_find_shown (GtkWidget  *widget,
                         GType       type,
                         const char *css_class)
{
  return find_below (widget, type, css_class, NULL, TRUE);
}

GtkWidget *
cockpit_test_find_label (GtkWidget  *widget,
                         const char *text,
                         gboolean    mapped_only)
{
  return find_below (widget, GTK_TYPE_LABEL, NULL, text, mapped_only);
}

void
cockpit_test_tick_checklist (GtkListBox *checks,
                             guint       n)
{
  g_assert_true (GTK_IS_LIST_BOX (checks));

  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (checks, i);
      GtkWidget *check;

      g_assert_nonnull (row);
      check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
      g_assert_true (GTK_IS_CHECK_BUTTON (check));
      if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        gtk_widget_activate (GTK_WIDGET (row));
      g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    }
}
