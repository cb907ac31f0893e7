/* test-text-cell.c: one line of text shortened with "…", drawn as a label, its size its font's and not its text's.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cockpit-text-cell.h"
#include "test-ui-util.h"

#define SHORT_TEXT "Live"
#define LONG_TEXT "Failed to upgrade the LIVE environment to 6.3.21. The replica did not pass its health check."

/* A label set up as the activity log's cells were before. */
static GtkWidget *
plain_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  return label;
}

static GtkWidget *
text_cell (const char *text)
{
  GtkWidget *cell = cockpit_text_cell_new ();

  cockpit_text_cell_set_text (COCKPIT_TEXT_CELL (cell), text);
  return cell;
}

/* A window @width wide with @a above @b, each as wide as the window. */
static GtkWindow *
show_pair (GtkWidget *a,
           GtkWidget *b,
           int        width)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_box_append (GTK_BOX (box), a);
  gtk_box_append (GTK_BOX (box), b);
  gtk_window_set_child (window, box);
  gtk_window_set_default_size (window, width, 200);
  gtk_window_present (window);
  WAIT_FOR (gtk_widget_get_mapped (b) && gtk_widget_get_width (b) > 0);
  cockpit_test_wait_for_draw (GTK_WIDGET (window));
  return window;
}

/* @widget drawn alone, as RGBA bytes. */
static GBytes *
pixels_of (GtkWidget *widget,
           int       *stride)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GdkRGBA white = { 1, 1, 1, 1 };
  gsize stride_size;
  GBytes *bytes;

  /* Snapshotted as its parent would, on a white ground. */
  gtk_snapshot_append_color (snapshot, &white, &GRAPHENE_RECT_INIT (0, 0, width, height));
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  stride_size = (gsize) width * 4;
  {
    guchar *data = g_malloc (stride_size * height);

    gdk_texture_download (texture, data, stride_size);
    bytes = g_bytes_new_take (data, stride_size * height);
  }
  *stride = (int) stride_size;
  return bytes;
}

static void
assert_drawn_alike (GtkWidget *label,
                    GtkWidget *cell)
{
  int label_stride, cell_stride;
  g_autoptr(GBytes) label_pixels = pixels_of (label, &label_stride);
  g_autoptr(GBytes) cell_pixels = pixels_of (cell, &cell_stride);

  g_assert_cmpint (gtk_widget_get_width (label), ==, gtk_widget_get_width (cell));
  g_assert_cmpint (gtk_widget_get_height (label), ==, gtk_widget_get_height (cell));
  g_assert_true (g_bytes_equal (label_pixels, cell_pixels));
}

/* One line high, as a label; as wide as the ellipsis, whatever the text:
 * the column gives the width. */
static void
test_sizes (void)
{
  const char *texts[] = { SHORT_TEXT, LONG_TEXT, "" };
  GtkWidget *ellipsis = g_object_ref_sink (plain_label ("…"));
  int ellipsis_width;

  gtk_widget_measure (ellipsis, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &ellipsis_width, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GtkWidget *label = g_object_ref_sink (plain_label (texts[i]));
      GtkWidget *cell = g_object_ref_sink (text_cell (texts[i]));
      int label_min, label_nat, cell_min, cell_nat;

      g_test_message ("\"%s\"", texts[i]);
      gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &cell_min, &cell_nat, NULL, NULL);
      g_assert_cmpint (cell_min, ==, ellipsis_width);
      g_assert_cmpint (cell_nat, ==, ellipsis_width);
      gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, 100, &label_min, &label_nat, NULL, NULL);
      gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, 100, &cell_min, &cell_nat, NULL, NULL);
      g_assert_cmpint (cell_min, ==, label_min);
      g_assert_cmpint (cell_nat, ==, label_nat);

      g_object_unref (label);
      g_object_unref (cell);
    }
  g_object_unref (ellipsis);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* A new text only redraws the cell: in a GtkColumnView a cell asking for
 * a new size makes its column measure all its cells and the window
 * measure itself, at every frame of a scroll. */
static void
test_new_text_keeps_size (void)
{
  GtkWidget *label = plain_label (SHORT_TEXT);
  GtkWidget *cell = text_cell (SHORT_TEXT);
  GtkWindow *window = show_pair (label, cell, 400);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  guint computed = 0;

  g_signal_connect_swapped (surface, "compute-size", G_CALLBACK (count_cb), &computed);
  cockpit_text_cell_set_text (COCKPIT_TEXT_CELL (cell), LONG_TEXT);
  cockpit_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (computed, ==, 0);
  g_assert_true (gtk_widget_get_visible (cell));

  /* And it was drawn with it, shortened. */
  gtk_label_set_text (GTK_LABEL (label), LONG_TEXT);
  cockpit_test_wait_for_draw (GTK_WIDGET (window));
  assert_drawn_alike (label, cell);

  gtk_window_destroy (window);
}

/* Pixel for pixel the label, whole or shortened with "…", in both styles
 * and both directions. */
static void
test_drawn_as_label (void)
{
  static const struct { const char *text; int width; } cases[] = {
    { SHORT_TEXT, 300 },
    { LONG_TEXT, 700 },
    { LONG_TEXT, 240 },
    { LONG_TEXT, 140 },
  };
  AdwStyleManager *styles = adw_style_manager_get_default ();

  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (styles, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          GtkWidget *label = plain_label (cases[i].text);
          GtkWidget *cell = text_cell (cases[i].text);
          GtkWindow *window = show_pair (label, cell, cases[i].width);

          g_test_message ("%s, %d px, %s", cases[i].text, cases[i].width, dark ? "dark" : "light");
          assert_drawn_alike (label, cell);
          if (i == 2)
            cockpit_test_save_screenshot (GTK_WIDGET (window), dark ? "text-cell-dark" : "text-cell-light");
          gtk_window_destroy (window);
        }
    }
  adw_style_manager_set_color_scheme (styles, ADW_COLOR_SCHEME_DEFAULT);

  /* Right to left, where a label with xalign 0 starts at the right. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWidget *label = plain_label (cases[i].text);
      GtkWidget *cell = text_cell (cases[i].text);
      GtkWindow *window;

      gtk_widget_set_direction (label, GTK_TEXT_DIR_RTL);
      gtk_widget_set_direction (cell, GTK_TEXT_DIR_RTL);
      window = show_pair (label, cell, cases[i].width);
      g_test_message ("%s, %d px, right to left", cases[i].text, cases[i].width);
      assert_drawn_alike (label, cell);
      gtk_window_destroy (window);
    }
}

/* A new text is drawn; a larger font is measured anew. */
static void
test_follows_text_and_font (void)
{
  GtkWidget *label = plain_label (SHORT_TEXT);
  GtkWidget *cell = text_cell (SHORT_TEXT);
  GtkWindow *window = show_pair (label, cell, 400);
  int before, after, height_before, height_after;
  int label_height;
  guint notified = 0;

  g_signal_connect_swapped (cell, "notify::text", G_CALLBACK (count_cb), &notified);
  gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &before, NULL, NULL);
  cockpit_text_cell_set_text (COCKPIT_TEXT_CELL (cell), LONG_TEXT);
  cockpit_text_cell_set_text (COCKPIT_TEXT_CELL (cell), LONG_TEXT);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (cockpit_text_cell_get_text (COCKPIT_TEXT_CELL (cell)), ==, LONG_TEXT);
  gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &after, NULL, NULL);
  g_assert_cmpint (after, ==, before);

  /* A larger font through the style, as a theme's or a setting's. */
  gtk_label_set_text (GTK_LABEL (label), LONG_TEXT);
  cockpit_test_wait_for_draw (GTK_WIDGET (window));
  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, -1, &height_before, NULL, NULL, NULL);
  gtk_widget_add_css_class (label, "title-1");
  gtk_widget_add_css_class (cell, "title-1");
  cockpit_test_wait_for_draw (GTK_WIDGET (window));
  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, -1, &height_after, NULL, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, &label_height, NULL, NULL, NULL);
  g_assert_cmpint (height_after, >, height_before);
  g_assert_cmpint (height_after, ==, label_height);
  gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &after, NULL, NULL);
  g_assert_cmpint (after, >, before);
  assert_drawn_alike (label, cell);

  gtk_window_destroy (window);
}

/* A label to assistive technologies, named by its text. */
static void
test_accessible (void)
{
  GtkWidget *cell = g_object_ref_sink (text_cell (SHORT_TEXT));

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (cell)), ==, GTK_ACCESSIBLE_ROLE_LABEL);
  g_assert_cmpstr (gtk_widget_get_css_name (cell), ==, "label");
  g_object_unref (cell);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/cockpit/text-cell/sizes", test_sizes);
  g_test_add_func ("/cockpit/text-cell/drawn-as-label", test_drawn_as_label);
  g_test_add_func ("/cockpit/text-cell/follows-text-and-font", test_follows_text_and_font);
  g_test_add_func ("/cockpit/text-cell/new-text-keeps-size", test_new_text_keeps_size);
  g_test_add_func ("/cockpit/text-cell/accessible", test_accessible);

  return g_test_run ();
}
