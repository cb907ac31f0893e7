/* test-width-bin.c: a bin whose width does not depend on its height.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "cockpit-width-bin.h"

/* A widget whose height follows its width, as a wrapping label's, that
 * notes each width-for-height question it is asked. */
#define TEST_TYPE_FLOWING (test_flowing_get_type ())
G_DECLARE_FINAL_TYPE (TestFlowing, test_flowing, TEST, FLOWING, GtkWidget)

struct _TestFlowing
{
  GtkWidget parent_instance;

  guint     width_for_height; /* HORIZONTAL with a height given */
  guint     height_for_width; /* VERTICAL with a width given */
  int       last_width;
};

G_DEFINE_FINAL_TYPE (TestFlowing, test_flowing, GTK_TYPE_WIDGET)

/* 20,000 square pixels of "text", at least 50 wide. */
#define AREA 20000
#define NARROWEST 50
#define ONE_LINE 400

static void
test_flowing_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  TestFlowing *self = TEST_FLOWING (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      if (for_size >= 0)
        self->width_for_height++;
      *minimum = NARROWEST;
      *natural = for_size > 0 ? CLAMP (AREA / for_size, NARROWEST, ONE_LINE) : ONE_LINE;
    }
  else
    {
      if (for_size >= 0)
        {
          self->height_for_width++;
          self->last_width = for_size;
        }
      *minimum = *natural = AREA / MAX (for_size > 0 ? for_size : ONE_LINE, NARROWEST);
    }
}

static GtkSizeRequestMode
test_flowing_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
test_flowing_class_init (TestFlowingClass *klass)
{
  GTK_WIDGET_CLASS (klass)->measure = test_flowing_measure;
  GTK_WIDGET_CLASS (klass)->get_request_mode = test_flowing_get_request_mode;
}

static void
test_flowing_init (TestFlowing *self)
{
}

/* A horizontal box, as a row's header: @child, then a button. */
static GtkWidget *
make_row (GtkWidget *child)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_hexpand (child, TRUE);
  gtk_box_append (GTK_BOX (box), child);
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_label ("Upgrade…"));
  return g_object_ref_sink (box);
}

/* Lays @box out at a few widths, as a window being resized does. */
static void
lay_out (GtkWidget *box)
{
  static const int widths[] = { 300, 420, 640, 333 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      int minimum, natural;

      gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, widths[i], &minimum, &natural, NULL, NULL);
      gtk_widget_allocate (box, widths[i], natural, -1, NULL);
    }
}

/* A horizontal box asks each child its width at the box's height; a
 * child in a bin is never asked that, and its height still follows the
 * width it gets. */
static void
test_width_for_any_height (void)
{
  TestFlowing *bare = g_object_new (TEST_TYPE_FLOWING, NULL);
  TestFlowing *inside = g_object_new (TEST_TYPE_FLOWING, NULL);
  GtkWidget *bin = cockpit_width_bin_new ();
  g_autoptr(GtkWidget) bare_row = make_row (GTK_WIDGET (bare));
  g_autoptr(GtkWidget) bin_row = NULL;

  cockpit_width_bin_set_child (COCKPIT_WIDTH_BIN (bin), GTK_WIDGET (inside));
  bin_row = make_row (bin);

  /* What GTK 4.8 does without the bin: the question the bin spares. */
  lay_out (bare_row);
  g_assert_cmpuint (bare->width_for_height, >, 0);

  lay_out (bin_row);
  g_assert_cmpuint (inside->width_for_height, ==, 0);
  g_assert_cmpuint (inside->height_for_width, >, 0);
  /* The last layout's width went to the child, less the button's. */
  g_assert_cmpint (inside->last_width, ==, gtk_widget_get_width (bin));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (inside)), ==, gtk_widget_get_width (bin));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (inside)), ==, gtk_widget_get_height (bin));
  g_assert_cmpint (gtk_widget_get_request_mode (bin), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);
}

/* With a real wrapping label: the bin's width at any height is the
 * label's own, its height at a width the label's at that width. */
static void
test_label (void)
{
  GtkWidget *label = gtk_label_new ("Upgrade to LTS 6.3.21 due in 20 days.");
  g_autoptr(GtkWidget) bin = g_object_ref_sink (cockpit_width_bin_new ());
  int minimum, natural, bin_minimum, bin_natural;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  cockpit_width_bin_set_child (COCKPIT_WIDTH_BIN (bin), label);
  g_assert_true (cockpit_width_bin_get_child (COCKPIT_WIDTH_BIN (bin)) == label);

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, 200, &bin_minimum, &bin_natural, NULL, NULL);
  g_assert_cmpint (bin_minimum, ==, minimum);
  g_assert_cmpint (bin_natural, ==, natural);

  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, minimum, &minimum, &natural, NULL, NULL);
  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, bin_minimum, &bin_minimum, &bin_natural, NULL, NULL);
  g_assert_cmpint (bin_minimum, ==, minimum);
  g_assert_cmpint (bin_natural, ==, natural);
}

/* A new child takes the place of the old one; the bin's end is its child's. */
static void
test_child (void)
{
  g_autoptr(GtkWidget) bin = g_object_ref_sink (cockpit_width_bin_new ());
  g_autoptr(GtkWidget) first = g_object_ref (gtk_label_new ("Live"));
  GtkWidget *second = gtk_label_new ("UAT");
  GtkWidget *child = NULL;
  int minimum = -1, natural = -1;

  g_assert_null (cockpit_width_bin_get_child (COCKPIT_WIDTH_BIN (bin)));
  g_assert_cmpint (gtk_widget_get_request_mode (bin), ==, GTK_SIZE_REQUEST_CONSTANT_SIZE);
  gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (natural, ==, 0);

  g_object_set (bin, "child", first, NULL);
  g_assert_true (gtk_widget_get_parent (first) == bin);
  /* It expands where its child does, as a box would. */
  g_assert_false (gtk_widget_compute_expand (bin, GTK_ORIENTATION_HORIZONTAL));
  gtk_widget_set_hexpand (first, TRUE);
  g_assert_true (gtk_widget_compute_expand (bin, GTK_ORIENTATION_HORIZONTAL));
  g_assert_false (gtk_widget_compute_expand (bin, GTK_ORIENTATION_VERTICAL));
  cockpit_width_bin_set_child (COCKPIT_WIDTH_BIN (bin), second);
  g_assert_null (gtk_widget_get_parent (first));
  g_object_get (bin, "child", &child, NULL);
  g_assert_true (child == second);
  g_object_unref (child);

  g_object_add_weak_pointer (G_OBJECT (second), (gpointer *) &second);
  g_clear_object (&bin);
  g_assert_null (second);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cockpit/width-bin/width-for-any-height", test_width_for_any_height);
  g_test_add_func ("/cockpit/width-bin/label", test_label);
  g_test_add_func ("/cockpit/width-bin/child", test_child);

  return g_test_run ();
}
