/* test-symbolic-icon.c: a symbolic icon in its style's colour, for the rows of a list.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cockpit-symbolic-icon.h"
#include "test-ui-util.h"

/* @widget's drawing, premultiplied B, G, R, A, width * 4 bytes a row. */
static guint8 *
pixels_of (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  guint8 *pixels = g_malloc0 ((gsize) width * height * 4);
  graphene_point_t origin;

  /* Where the widget is in its parent, as the parent draws it. */
  g_assert_true (gtk_widget_compute_point (widget, gtk_widget_get_parent (widget),
                                           &GRAPHENE_POINT_INIT (0, 0), &origin));
  gtk_widget_snapshot_child (gtk_widget_get_parent (widget), widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, NULL, NULL));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (origin.x, origin.y, width, height));
  gsk_renderer_unrealize (renderer);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  return pixels;
}

/* The colour of the pixel at the middle of @widget's drawing. */
static void
centre_colour (GtkWidget *widget,
               guint8     rgb[3])
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autofree guint8 *pixels = pixels_of (widget);
  gsize stride = (gsize) width * 4;
  guint8 *pixel;

  /* A row of pixels through the middle: the first one drawn. */
  for (int x = 0; x < width; x++)
    {
      pixel = pixels + (height / 2) * stride + x * 4;
      /* GDK_MEMORY_DEFAULT is premultiplied B, G, R, A on little-endian. */
      if (pixel[3] > 200)
        {
          rgb[0] = pixel[2] * 255 / pixel[3];
          rgb[1] = pixel[1] * 255 / pixel[3];
          rgb[2] = pixel[0] * 255 / pixel[3];
          return;
        }
    }
  g_error ("no opaque pixel across the middle of the icon");
}

static GtkWidget *
show_icon (const char *icon_name,
           const char *css)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *icon = cockpit_symbolic_icon_new ();
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  cockpit_symbolic_icon_set_icon_name (COCKPIT_SYMBOLIC_ICON (icon), icon_name);
  gtk_widget_set_halign (icon, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_window_set_child (GTK_WINDOW (window), icon);
  gtk_window_present (GTK_WINDOW (window));
  cockpit_test_wait_for_draw (icon);
  return icon;
}

/* 16 × 16 whatever the font, drawn in the colour its style gives it,
 * which follows a new style class at once. */
static void
test_draws_in_style_colour (void)
{
  GtkWidget *icon = show_icon ("dialog-error-symbolic",
                               "image.red { color: rgb(255, 0, 0); } image.blue { color: rgb(0, 0, 255); }");
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (icon));
  guint8 rgb[3];
  int minimum, natural;

  g_assert_cmpstr (cockpit_symbolic_icon_get_icon_name (COCKPIT_SYMBOLIC_ICON (icon)), ==, "dialog-error-symbolic");
  gtk_widget_measure (icon, GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 16);
  g_assert_cmpint (natural, ==, 16);
  g_assert_cmpint (gtk_widget_get_width (icon), ==, 16);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (icon)), ==, GTK_ACCESSIBLE_ROLE_IMG);

  gtk_widget_add_css_class (icon, "red");
  cockpit_test_wait_for_draw (icon);
  centre_colour (icon, rgb);
  g_assert_cmpuint (rgb[0], >, 200);
  g_assert_cmpuint (rgb[2], <, 50);

  gtk_widget_set_css_classes (icon, (const char *[]) { "blue", NULL });
  cockpit_test_wait_for_draw (icon);
  centre_colour (icon, rgb);
  g_assert_cmpuint (rgb[0], <, 50);
  g_assert_cmpuint (rgb[2], >, 200);

  /* Another icon, and none. */
  cockpit_symbolic_icon_set_icon_name (COCKPIT_SYMBOLIC_ICON (icon), "dialog-warning-symbolic");
  g_object_set (icon, "icon-name", NULL, NULL);
  g_assert_null (cockpit_symbolic_icon_get_icon_name (COCKPIT_SYMBOLIC_ICON (icon)));
  cockpit_test_wait_for_draw (icon);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_colour_matrix (GskRenderNode *node)
{
  return gsk_render_node_get_node_type (node) == GSK_COLOR_MATRIX_NODE;
}

/* Pixel for pixel what a GtkImage of the icon at 16 pixels shows, in
 * both styles' colours and in a changed one; drawn as a plain image, not
 * under a colour matrix, which the cairo renderer applies pixel by pixel
 * at every frame. */
static void
test_drawn_as_image (void)
{
  static const char *const names[] = { "dialog-information-symbolic", "dialog-warning-symbolic", "dialog-error-symbolic" };
  static const char *const classes[] = { "tinted-a", "tinted-b" };
  GtkWidget *icon = show_icon (names[0],
                               "image.tinted-a { color: rgb(53, 132, 228); } image.tinted-b { color: rgba(205, 147, 9, 0.8); }");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (icon));
  GtkWidget *image = gtk_image_new ();

  g_object_ref (icon);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), image);
  g_object_unref (icon);
  gtk_image_set_pixel_size (GTK_IMAGE (image), 16);
  gtk_widget_set_valign (image, GTK_ALIGN_CENTER);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
      {
        g_autofree guint8 *icon_pixels = NULL;
        g_autofree guint8 *image_pixels = NULL;

        g_test_message ("%s, %s", names[i], classes[c]);
        cockpit_symbolic_icon_set_icon_name (COCKPIT_SYMBOLIC_ICON (icon), names[i]);
        gtk_image_set_from_icon_name (GTK_IMAGE (image), names[i]);
        gtk_widget_set_css_classes (icon, (const char *[]) { classes[c], NULL });
        gtk_widget_set_css_classes (image, (const char *[]) { classes[c], NULL });
        cockpit_test_wait_for_draw (window);
        g_assert_cmpint (gtk_widget_get_width (image), ==, 16);
        g_assert_cmpint (gtk_widget_get_height (image), ==, 16);
        icon_pixels = pixels_of (icon);
        image_pixels = pixels_of (image);
        g_assert_cmpmem (icon_pixels, 16 * 16 * 4, image_pixels, 16 * 16 * 4);
        g_assert_cmpuint (cockpit_test_count_render_nodes (icon, is_colour_matrix), ==, 0);
      }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/cockpit/symbolic-icon/draws-in-style-colour", test_draws_in_style_colour);
  g_test_add_func ("/cockpit/symbolic-icon/drawn-as-image", test_drawn_as_image);

  return g_test_run ();
}
