/* test-font-warmup.c: the first page's fonts, opened on another thread while the window starts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The warm-up is right when the text GTK lays out finds its fonts already
 * open: the very PangoFont objects the thread made, which Pango only hands
 * out again when the description and every setting of the context that a
 * font is looked up by (font options, resolution) are the same.  So the
 * tests compare fonts by identity, in the demo's first window as the app
 * starts it and in a window of every text style the list names, with
 * other font settings than the default.
 */
#define _GNU_SOURCE
#include "config.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <adwaita.h>
#include <pango/pangocairo.h>

#include "cockpit-application.h"
#include "cockpit-flow-diagram-private.h"
#include "cockpit-font-warmup.h"
#include "cockpit-session.h"
#include "cockpit-window.h"
#include "test-app-util.h"

static TestSession session;

/* FreeType's FT_Load_Glyph(), which cairo calls to measure a glyph and to
 * draw it the first time, counted on the main thread.  The test program
 * exports it (tests/meson.build), so libcairo's calls come here first. */
typedef int (*LoadGlyphFunc) (void *face, unsigned int glyph_index, int32_t load_flags);

static pthread_t main_thread;
static int main_thread_glyph_loads;

int FT_Load_Glyph (void *face, unsigned int glyph_index, int32_t load_flags);

int
FT_Load_Glyph (void         *face,
               unsigned int  glyph_index,
               int32_t       load_flags)
{
  static LoadGlyphFunc load_glyph;

  if (load_glyph == NULL)
    load_glyph = (LoadGlyphFunc) dlsym (RTLD_NEXT, "FT_Load_Glyph");
  if (pthread_equal (pthread_self (), main_thread))
    g_atomic_int_inc (&main_thread_glyph_loads);
  return load_glyph (face, glyph_index, load_flags);
}

static void
collect_layout_fonts (PangoLayout *layout,
                      GPtrArray   *fonts,
                      GString     *names)
{
  PangoLayoutIter *iter;

  if (layout == NULL || *pango_layout_get_text (layout) == '\0')
    return;
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run != NULL && !g_ptr_array_find (fonts, run->item->analysis.font, NULL))
        {
          g_autoptr(PangoFontDescription) font = pango_font_describe_with_absolute_size (run->item->analysis.font);
          g_autofree char *name = pango_font_description_to_string (font);

          g_ptr_array_add (fonts, run->item->analysis.font);
          g_string_append_printf (names, "%s (\"%s\")\n", name, pango_layout_get_text (layout));
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
}

/* Adds the fonts of the text of every drawn label under @widget, and of
 * the flow diagram's, which lays its text out itself. */
static void
collect_text_fonts (GtkWidget *widget,
                    GPtrArray *fonts,
                    GString   *names)
{
  if (!gtk_widget_is_drawable (widget))
    return;

  if (GTK_IS_LABEL (widget))
    collect_layout_fonts (gtk_label_get_layout (GTK_LABEL (widget)), fonts, names);
  if (COCKPIT_IS_FLOW_DIAGRAM (widget))
    {
      const CockpitFlowLayout *layout = &COCKPIT_FLOW_DIAGRAM (widget)->layout;
      PangoLayout *const texts[] = {
        layout->blue_title, layout->blue_version, layout->green_title, layout->green_version,
        layout->fate_text, layout->node_caption, layout->arrow_caption,
      };

      g_assert_true (COCKPIT_FLOW_DIAGRAM (widget)->layout_valid);
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        collect_layout_fonts (texts[i], fonts, names);
      for (guint i = 0; i < COCKPIT_FLOW_MAX_STEPS; i++)
        {
          collect_layout_fonts (layout->step_number[i], fonts, names);
          collect_layout_fonts (layout->step_label[i], fonts, names);
          collect_layout_fonts (layout->step_caption[i], fonts, names);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text_fonts (child, fonts, names);
}

/* Every font the text of @window uses is one the warm-up opened, and
 * every font it opened is used. */
static void
assert_text_uses_warm_fonts (GtkWidget *window)
{
  PangoFontMap *font_map = gtk_widget_get_font_map (window);
  g_autoptr(GPtrArray) fonts = g_ptr_array_new ();
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_nonnull (font_map);
  g_assert_true (font_map == pango_cairo_font_map_get_default ());
  g_assert_cmpuint (cockpit_font_warmup_get_n_fonts (font_map), >, 0);

  collect_text_fonts (window, fonts, names);
  g_test_message ("The fonts of the text:\n%s", names->str);
  for (guint i = 0; i < fonts->len; i++)
    {
      if (!cockpit_font_warmup_has_font (font_map, fonts->pdata[i]))
        {
          g_autoptr(PangoFontDescription) font = pango_font_describe_with_absolute_size (fonts->pdata[i]);
          g_autofree char *name = pango_font_description_to_string (font);

          g_error ("%s was not opened by the warm-up; add it to cockpit-font-warmup.c's list", name);
        }
    }
  g_test_message ("The warm-up opened %u fonts", cockpit_font_warmup_get_n_fonts (font_map));
  /* Nothing opened for nothing: the list is not longer than the page. */
  g_assert_cmpuint (cockpit_font_warmup_get_n_fonts (font_map), ==, fonts->len);
}

/* The demo as `upgrade-cockpit --demo` starts it: its package page with
 * the data, as the benchmarks time it. */
static gboolean
check_demo_cb (gpointer user_data)
{
  CockpitApplication *application = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (!test_app_shows_packages (application, TRUE))
    return G_SOURCE_CONTINUE;

  cockpit_test_wait_for_draw (GTK_WIDGET (window));
  assert_text_uses_warm_fonts (GTK_WIDGET (window));
  g_application_quit (G_APPLICATION (application));
  return G_SOURCE_REMOVE;
}

static void
test_demo_first_page (void)
{
  g_autoptr(CockpitApplication) application = cockpit_application_new ();
  char *argv[] = { (char *) "upgrade-cockpit", (char *) "--demo", NULL };

  g_timeout_add (50, check_demo_cb, application);
  g_assert_cmpint (g_application_run (G_APPLICATION (application), 2, argv), ==, 0);
}

static void
count_frame_cb (GdkFrameClock *clock,
                guint         *frames)
{
  (*frames)++;
}

static void
present_and_wait (GtkWidget *window)
{
  guint frames = 0;

  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (count_frame_cb), &frames);
  WAIT_FOR (frames > 0);
  cockpit_test_wait_for_draw (window);
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (window), count_frame_cb, &frames);
}

/* Font settings other than the test session's and than every other test
 * here: the fonts, and so the glyphs cairo keeps, are new ones. */
static GtkCssProvider *
use_font_settings (const char *font_name,
                   int         dpi,
                   const char *hint_style)
{
  GtkCssProvider *provider = gtk_css_provider_new ();

  g_object_set (gtk_settings_get_default (),
                "gtk-font-name", font_name,
                "gtk-xft-dpi", dpi * 1024,
                "gtk-xft-antialias", 1,
                "gtk-xft-hinting", 1,
                "gtk-xft-hintstyle", hint_style,
                "gtk-xft-rgba", "rgb",
                NULL);
  /* As the app's state pills: smaller and bold. */
  gtk_css_provider_load_from_data (provider, ".test-smaller-bold { font-size: smaller; font-weight: bold; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  return provider;
}

static void
reset_font_settings (GtkCssProvider *provider)
{
  GtkSettings *settings = gtk_settings_get_default ();

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider));
  g_object_unref (provider);
  gtk_settings_reset_property (settings, "gtk-font-name");
  gtk_settings_reset_property (settings, "gtk-xft-dpi");
  gtk_settings_reset_property (settings, "gtk-xft-antialias");
  gtk_settings_reset_property (settings, "gtk-xft-hinting");
  gtk_settings_reset_property (settings, "gtk-xft-hintstyle");
  gtk_settings_reset_property (settings, "gtk-xft-rgba");
}

/* A window with a label of each text style of the list. */
static GtkWidget *
new_styles_window (void)
{
  static const char *const classes[] = { NULL, "caption", "heading", "title-1", "title-2", "title-3" };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      GtkWidget *label = gtk_label_new ("Live 6.2.45");

      if (classes[i] != NULL)
        gtk_widget_add_css_class (label, classes[i]);
      gtk_box_append (GTK_BOX (box), label);
    }
  {
    GtkWidget *label = gtk_label_new ("Smaller, bold");

    gtk_widget_add_css_class (label, "test-smaller-bold");
    gtk_box_append (GTK_BOX (box), label);
  }
  {
    /* As the flow diagram's versions: 1.3 times the body's size, bold. */
    GtkWidget *label = gtk_label_new ("6.3.21");
    g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

    pango_attr_list_insert (attributes, pango_attr_scale_new (1.3));
    pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
    gtk_label_set_attributes (GTK_LABEL (label), attributes);
    gtk_box_append (GTK_BOX (box), label);
  }
  gtk_window_set_titlebar (GTK_WINDOW (window), adw_header_bar_new ());
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (gtk_window_get_titlebar (GTK_WINDOW (window))),
                                   adw_window_title_new ("Upgrade Cockpit", "Subtitle"));
  gtk_window_set_child (GTK_WINDOW (window), box);
  return window;
}

/* Other font settings than the test session's: a larger text scale (the
 * resolution), another body size and other font options.  The warm-up
 * reads them as GTK does, so the labels still find their fonts open. */
static void
test_other_settings (void)
{
  GtkCssProvider *provider = use_font_settings ("Sans 11", 120, "hintfull");
  CockpitFontWarmup *warmup;
  GtkWidget *window;

  warmup = cockpit_font_warmup_start ();
  g_assert_nonnull (warmup);
  window = new_styles_window ();
  cockpit_font_warmup_use_in_window (warmup, GTK_WINDOW (window));
  /* From its first frame on, the window's text uses the fonts opened. */
  present_and_wait (window);
  assert_text_uses_warm_fonts (window);
  gtk_window_destroy (GTK_WINDOW (window));

  reset_font_settings (provider);
}

/* After the fonts, the thread draws the glyphs of its sample in each: a
 * window whose text is made of them then draws without loading a glyph
 * on the main thread, neither to measure its text nor to paint it. */
static void
test_glyphs_drawn (void)
{
  GtkCssProvider *provider = use_font_settings ("Sans 10", 110, "hintmedium");
  CockpitFontWarmup *warmup = cockpit_font_warmup_start ();
  GtkWidget *first = gtk_window_new ();
  GtkWidget *window;
  guint n_glyphs;
  int loads_before;

  /* A first window without text, as the app's loading page: the fonts
   * are handed over at its first frame. */
  g_assert_nonnull (warmup);
  gtk_window_set_titlebar (GTK_WINDOW (first), gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
  cockpit_font_warmup_use_in_window (warmup, GTK_WINDOW (first));
  present_and_wait (first);
  g_assert_cmpuint (cockpit_font_warmup_get_n_fonts (pango_cairo_font_map_get_default ()), >, 0);

  n_glyphs = cockpit_font_warmup_wait_for_glyphs (pango_cairo_font_map_get_default ());
  g_test_message ("The warm-up drew %u glyphs", n_glyphs);
  /* The sample's glyphs in the ten fonts of the list. */
  g_assert_cmpuint (n_glyphs, >=, 10 * 90);

  loads_before = g_atomic_int_get (&main_thread_glyph_loads);
  window = new_styles_window ();
  present_and_wait (window);
  g_assert_cmpint (g_atomic_int_get (&main_thread_glyph_loads) - loads_before, ==, 0);

  /* And a glyph not in the sample is loaded, as before: the count works. */
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (gtk_window_get_child (GTK_WINDOW (window)))),
                      "\u00c5ngstr\u00f6m");
  cockpit_test_wait_for_draw (window);
  g_assert_cmpint (g_atomic_int_get (&main_thread_glyph_loads) - loads_before, >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (first));
  reset_font_settings (provider);
}

/* A first window closed before it showed: the fonts opened are still
 * taken, for the next window. */
static void
test_window_closed_first (void)
{
  CockpitFontWarmup *warmup = cockpit_font_warmup_start ();
  GtkWidget *window = gtk_window_new ();
  g_autoptr(PangoFontMap) before = g_object_ref (pango_cairo_font_map_get_default ());

  g_assert_nonnull (warmup);
  cockpit_font_warmup_use_in_window (warmup, GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));

  g_assert_true (pango_cairo_font_map_get_default () != before);
  g_assert_cmpuint (cockpit_font_warmup_get_n_fonts (pango_cairo_font_map_get_default ()), >, 0);
  /* A font map the warm-up did not make has none of its fonts. */
  {
    g_autoptr(PangoFontMap) other = pango_cairo_font_map_new ();

    g_assert_cmpuint (cockpit_font_warmup_get_n_fonts (other), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  main_thread = pthread_self ();
  test_session_start (&session, FALSE);
  gtk_init ();
  adw_init ();
  /* The demo's stages are long unless a test makes them fast. */
  g_setenv ("COCKPIT_DEMO_STAGE_SECONDS", "600", TRUE);

  g_test_add_func ("/cockpit/font-warmup/demo-first-page", test_demo_first_page);
  g_test_add_func ("/cockpit/font-warmup/other-settings", test_other_settings);
  g_test_add_func ("/cockpit/font-warmup/glyphs-drawn", test_glyphs_drawn);
  g_test_add_func ("/cockpit/font-warmup/window-closed-first", test_window_closed_first);

  result = g_test_run ();

  test_session_stop (&session);
  return result;
}
