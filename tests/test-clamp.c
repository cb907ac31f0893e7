/* test-clamp.c: CockpitClamp sizes its child as AdwClamp does, and restyles nothing.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cockpit-clamp.h"
#include "test-ui-util.h"

#define TEXT "Upgrade several environments one after the other, or at a chosen time, " \
             "with a maintenance window that the cockpit keeps for each of them."

static GtkWidget *
wrapping_label (void)
{
  GtkWidget *label = gtk_label_new (TEXT);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

typedef struct {
  int maximum;
  int threshold;
} Limits;

/* The same child in each, measured and allocated at every width from a
 * narrow phone's to a wide screen's: the same sizes and the same place,
 * so that a page in one looks as it did in the other. */
static void
test_sizes_as_adw_clamp (void)
{
  static const Limits limits[] = { { 1100, 800 }, { 600, 400 }, { 560, 400 }, { 480, 480 }, { 300, 300 }, { 200, 600 } };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *ours = cockpit_clamp_new ();
  GtkWidget *theirs = adw_clamp_new ();
  GtkWidget *our_child = wrapping_label ();
  GtkWidget *their_child = wrapping_label ();

  adw_bin_set_child (ADW_BIN (ours), our_child);
  adw_clamp_set_child (ADW_CLAMP (theirs), their_child);
  gtk_box_append (GTK_BOX (box), ours);
  gtk_box_append (GTK_BOX (box), theirs);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  cockpit_test_wait_for_draw (window);

  for (guint l = 0; l < G_N_ELEMENTS (limits); l++)
    {
      int our_min, our_nat, their_min, their_nat;

      cockpit_clamp_set_maximum_size (COCKPIT_CLAMP (ours), limits[l].maximum);
      cockpit_clamp_set_tightening_threshold (COCKPIT_CLAMP (ours), limits[l].threshold);
      adw_clamp_set_maximum_size (ADW_CLAMP (theirs), limits[l].maximum);
      adw_clamp_set_tightening_threshold (ADW_CLAMP (theirs), limits[l].threshold);

      gtk_widget_measure (ours, GTK_ORIENTATION_HORIZONTAL, -1, &our_min, &our_nat, NULL, NULL);
      gtk_widget_measure (theirs, GTK_ORIENTATION_HORIZONTAL, -1, &their_min, &their_nat, NULL, NULL);
      g_assert_cmpint (our_min, ==, their_min);
      g_assert_cmpint (our_nat, ==, their_nat);

      for (int width = our_min; width <= 2000; width += 7)
        {
          int our_height, their_height;
          graphene_rect_t our_bounds, their_bounds;

          gtk_widget_measure (ours, GTK_ORIENTATION_VERTICAL, width, &our_height, NULL, NULL, NULL);
          gtk_widget_measure (theirs, GTK_ORIENTATION_VERTICAL, width, &their_height, NULL, NULL, NULL);
          g_assert_cmpint (our_height, ==, their_height);

          gtk_widget_allocate (ours, width, our_height, -1, NULL);
          gtk_widget_allocate (theirs, width, their_height, -1, NULL);
          g_assert_true (gtk_widget_compute_bounds (our_child, ours, &our_bounds));
          g_assert_true (gtk_widget_compute_bounds (their_child, theirs, &their_bounds));
          if (!graphene_rect_equal (&our_bounds, &their_bounds))
            g_error ("maximum %d, threshold %d, width %d: the child at %g, %g wide, AdwClamp's at %g, %g wide",
                     limits[l].maximum, limits[l].threshold, width,
                     our_bounds.origin.x, our_bounds.size.width, their_bounds.origin.x, their_bounds.size.width);
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Allocating the clamp changes no style class of its child: AdwClamp
 * gives it .small, .medium or .large, and that restyles every widget
 * under it, a whole page as it first shows (docs/performance.md). */
static void
test_no_style_class (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *clamp = cockpit_clamp_new ();
  GtkWidget *child = wrapping_label ();
  guint changes = 0;

  adw_bin_set_child (ADW_BIN (clamp), child);
  g_signal_connect (child, "notify::css-classes", G_CALLBACK (cockpit_test_count_cb), &changes);
  gtk_window_set_child (GTK_WINDOW (window), clamp);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 300);
  gtk_window_present (GTK_WINDOW (window));
  cockpit_test_wait_for_draw (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 300);
  cockpit_test_wait_for_draw (window);

  g_assert_cmpuint (changes, ==, 0);
  g_assert_false (gtk_widget_has_css_class (child, "large"));
  g_assert_false (gtk_widget_has_css_class (child, "small"));
  g_assert_cmpstr (gtk_widget_get_css_name (clamp), ==, "clamp");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* No page uses AdwClamp and its restyling. */
static void
test_no_adw_clamp_in_ui_files (void)
{
  g_autofree char *file = cockpit_test_find_in_ui_files ("\"AdwClamp\"");

  if (file != NULL)
    g_error ("%s uses AdwClamp; use CockpitClamp", file);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/cockpit/clamp/sizes-as-adw-clamp", test_sizes_as_adw_clamp);
  g_test_add_func ("/cockpit/clamp/no-style-class", test_no_style_class);
  g_test_add_func ("/cockpit/clamp/no-adw-clamp-in-ui-files", test_no_adw_clamp_in_ui_files);

  return g_test_run ();
}
