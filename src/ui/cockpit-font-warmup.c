/* cockpit-font-warmup.c: the fonts of the first page opened on another core while the window starts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every size and weight of text a window shows for the first time is a
 * font Pango has to find and open: fontconfig's matching and sorting, a
 * cairo face, a HarfBuzz font and the font's metrics (Pango shapes a
 * sample sentence for each).  A demo's package page shows nine fonts its
 * first frame did not use, 26 M instructions of the main thread between
 * the first frame and the data on screen (docs/performance.md).  That
 * work does not need the window, only the font settings, and the second
 * core is idle while GTK starts.
 *
 * So, before the first window is made, a thread opens those fonts in a
 * font map of its own, with the settings GTK gives a label's Pango
 * context.  Pango's objects must not be used by two threads at once, so
 * the main thread takes the font map only once the thread is done: at the
 * window's first frame, before the demo or the session start building the
 * page.  From then on the window and every later one use it
 * (pango_cairo_font_map_set_default() sets the main thread's default),
 * and the page finds its fonts open.  The thread runs at the idle
 * priority, so it only uses a core nobody else wants and never delays the
 * first frame; if it is not done by then, it gets a normal priority and
 * the main thread waits for it, which costs no more than opening the
 * fonts itself.
 *
 * The list below is what the package page shows: libadwaita's sizes in
 * points, and sizes relative to the body text.  A font that is not in it
 * is opened when needed, as before; test-font-warmup checks that the
 * page's labels use no other font and that every font here is used.
 */
#define _GNU_SOURCE
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <pango/pangocairo.h>

#include "cockpit-font-warmup.h"

/* How a size is derived, as GTK and Pango derive it: the font found has
 * to be the one asked for to the Pango unit. */
typedef enum {
  CSS_TIMES_BODY,    /* CSS relative to the body's ("smaller"): GTK scales
                      * the unrounded size, then rounds */
  CSS_POINTS,        /* CSS points, which GTK scales by the resolution
                      * (the text scaling) and rounds */
  PANGO_TIMES_BODY,  /* a Pango scale attribute on body text: the rounded
                      * size scaled, cut to a Pango unit */
} SizeKind;

typedef struct {
  PangoWeight weight;
  SizeKind    kind;
  double      size;
} WarmFont;

static const WarmFont warm_fonts[] = {
  { PANGO_WEIGHT_BOLD,      CSS_TIMES_BODY,   1.0 },      /* the window's title, bold text */
  { PANGO_WEIGHT_NORMAL,    CSS_TIMES_BODY,   1.0 },      /* body text */
  { PANGO_WEIGHT_NORMAL,    CSS_TIMES_BODY,   1 / 1.2 },  /* smaller: a window title's subtitle */
  { PANGO_WEIGHT_BOLD,      CSS_TIMES_BODY,   1 / 1.2 },  /* smaller and bold: the state pills */
  { PANGO_WEIGHT_NORMAL,    CSS_POINTS,       9 },        /* .caption, the flow diagram's captions */
  { PANGO_WEIGHT_BOLD,      CSS_POINTS,       11 },       /* .heading */
  { PANGO_WEIGHT_BOLD,      CSS_POINTS,       15 },       /* .title-3 */
  { PANGO_WEIGHT_ULTRABOLD, CSS_POINTS,       15 },       /* .title-2 */
  { PANGO_WEIGHT_ULTRABOLD, CSS_POINTS,       20 },       /* .title-1 */
  { PANGO_WEIGHT_BOLD,      PANGO_TIMES_BODY, 1.3 },      /* the flow diagram's versions */
};

struct _CockpitFontWarmup
{
  pthread_t             thread;
  gboolean              running;
  int                   done;        /* atomic: set by the thread at its end */

  /* Read on the main thread before the thread starts, then only read by it */
  PangoFontDescription *body;
  double                body_px;     /* unrounded, as GTK derives sizes from it */
  double                resolution;
  cairo_font_options_t *options;     /* NULL when GTK set none */
  gboolean              round_glyph_positions;
  PangoLanguage        *language;

  /* Made by the thread; the main thread's once it is joined */
  PangoFontMap         *font_map;
  GPtrArray            *fonts;

  /* The window whose first frame it waits for */
  GtkWindow            *window;
  GdkFrameClock        *clock;
  gulong                first_frame_id;
};

static void window_gone_cb (gpointer  data,
                            GObject  *where_the_window_was);

static GQuark
fonts_quark (void)
{
  return g_quark_from_static_string ("cockpit-font-warmup-fonts");
}

static void
cockpit_font_warmup_free (CockpitFontWarmup *self)
{
  g_clear_pointer (&self->body, pango_font_description_free);
  g_clear_pointer (&self->options, cairo_font_options_destroy);
  g_clear_object (&self->font_map);
  g_clear_pointer (&self->fonts, g_ptr_array_unref);
  g_free (self);
}

/* The body text's size in pixels as GTK computes it from gtk-font-name
 * (gtk_css_font_size_get_default_px()), before it is rounded to a Pango
 * unit in the font description: GTK derives "smaller" from this value. */
static double
body_size_px (const PangoFontDescription *body,
              double                      resolution)
{
  g_autofree char *name = NULL;
  PangoFontDescription *setting;
  double rounded = pango_font_description_get_size (body) / (double) PANGO_SCALE;
  double px = rounded;

  g_object_get (gtk_settings_get_default (), "gtk-font-name", &name, NULL);
  setting = name != NULL ? pango_font_description_from_string (name) : NULL;
  if (setting != NULL && pango_font_description_get_size (setting) > 0)
    {
      double size = pango_font_description_get_size (setting) / (double) PANGO_SCALE;

      px = pango_font_description_get_size_is_absolute (setting) ? size : size * resolution / 72.0;
      /* Another source of the size (a theme's CSS): keep the rounded one. */
      if (fabs (px - rounded) * PANGO_SCALE > 0.5)
        px = rounded;
    }
  g_clear_pointer (&setting, pango_font_description_free);
  return px;
}

static void
add_fonts_of (GPtrArray   *fonts,
              PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run != NULL && !g_ptr_array_find (fonts, run->item->analysis.font, NULL))
        g_ptr_array_add (fonts, g_object_ref (run->item->analysis.font));
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
}

static void *
warm_up_thread (void *data)
{
  CockpitFontWarmup *self = data;
  PangoContext *context;

  self->font_map = pango_cairo_font_map_new ();
  self->fonts = g_ptr_array_new_with_free_func (g_object_unref);
  context = pango_font_map_create_context (self->font_map);
  /* What GTK sets on a widget's context (gtk_widget_update_pango_context()):
   * a font is looked up by these as well as by its description. */
  if (self->options != NULL)
    pango_cairo_context_set_font_options (context, self->options);
  pango_cairo_context_set_resolution (context, self->resolution);
  pango_context_set_round_glyph_positions (context, self->round_glyph_positions);
  pango_context_set_language (context, self->language);

  for (guint i = 0; i < G_N_ELEMENTS (warm_fonts); i++)
    {
      const WarmFont *warm = &warm_fonts[i];
      g_autoptr(PangoFontDescription) font = pango_font_description_copy (self->body);
      g_autoptr(PangoLayout) layout = NULL;

      pango_font_description_set_weight (font, warm->weight);
      switch (warm->kind)
        {
        case CSS_TIMES_BODY:
          /* gtk_css_style_get_pango_font() */
          pango_font_description_set_absolute_size (font, round (self->body_px * warm->size * PANGO_SCALE));
          break;
        case CSS_POINTS:
          pango_font_description_set_absolute_size (font, round (warm->size * self->resolution / 72.0 * PANGO_SCALE));
          break;
        case PANGO_TIMES_BODY:
          /* pango_attr_iterator_get_font() */
          pango_font_description_set_absolute_size (font, warm->size * pango_font_description_get_size (self->body));
          break;
        default:
          g_assert_not_reached ();
        }
      pango_context_set_font_description (context, font);
      layout = pango_layout_new (context);
      /* Laying out a line asks for the font's metrics, for its height. */
      pango_layout_set_text (layout, "Live 1.0", -1);
      pango_layout_get_size (layout, NULL, NULL);
      add_fonts_of (self->fonts, layout);
    }
  g_object_unref (context);

  g_atomic_int_set (&self->done, TRUE);
  return NULL;
}

/**
 * cockpit_font_warmup_start:
 *
 * Starts opening the fonts of the first page on a thread, with the
 * display's font settings.  Call it on the main thread, once GTK has
 * started and before the first window is made, then hand the result to
 * cockpit_font_warmup_use_in_window().
 *
 * Returns: (transfer full) (nullable): the warm-up, or %NULL when no
 * thread could be made (the fonts are then opened when needed).
 */
CockpitFontWarmup *
cockpit_font_warmup_start (void)
{
  CockpitFontWarmup *self;
  g_autoptr(GtkWidget) label = NULL;
  PangoContext *context;
  pthread_attr_t attributes;
  int failed;

  g_return_val_if_fail (gdk_display_get_default () != NULL, NULL);

  /* A label's context, as GTK makes the window's: the body font from the
   * settings and the theme, the font options, the resolution. */
  label = g_object_ref_sink (gtk_label_new (NULL));
  context = gtk_widget_create_pango_context (label);

  self = g_new0 (CockpitFontWarmup, 1);
  self->body = pango_font_description_copy (pango_context_get_font_description (context));
  self->resolution = pango_cairo_context_get_resolution (context);
  self->body_px = body_size_px (self->body, self->resolution);
  if (pango_cairo_context_get_font_options (context) != NULL)
    self->options = cairo_font_options_copy (pango_cairo_context_get_font_options (context));
  self->round_glyph_positions = pango_context_get_round_glyph_positions (context);
  self->language = pango_context_get_language (context);
  g_object_unref (context);

  pthread_attr_init (&attributes);
#ifdef SCHED_IDLE
  {
    struct sched_param priority = { 0 };

    pthread_attr_setinheritsched (&attributes, PTHREAD_EXPLICIT_SCHED);
    pthread_attr_setschedpolicy (&attributes, SCHED_IDLE);
    pthread_attr_setschedparam (&attributes, &priority);
  }
#endif
  failed = pthread_create (&self->thread, &attributes, warm_up_thread, self);
#ifdef SCHED_IDLE
  /* Where an idle priority is not allowed, a normal one. */
  if (failed != 0)
    {
      pthread_attr_setinheritsched (&attributes, PTHREAD_INHERIT_SCHED);
      failed = pthread_create (&self->thread, &attributes, warm_up_thread, self);
    }
#endif
  pthread_attr_destroy (&attributes);

  if (failed != 0)
    {
      g_debug ("No thread to open the fonts on: %s", g_strerror (failed));
      cockpit_font_warmup_free (self);
      return NULL;
    }
  self->running = TRUE;
  return self;
}

/* Waits for the thread; it gets a normal priority if it is not done. */
static void
join (CockpitFontWarmup *self)
{
  if (!self->running)
    return;
#ifdef SCHED_IDLE
  if (!g_atomic_int_get (&self->done))
    {
      struct sched_param priority = { 0 };

      pthread_setschedparam (self->thread, SCHED_OTHER, &priority);
    }
#endif
  pthread_join (self->thread, NULL);
  self->running = FALSE;
}

static void
use_font_map (CockpitFontWarmup *self,
              GtkWindow         *window)
{
  join (self);
  g_object_set_qdata_full (G_OBJECT (self->font_map), fonts_quark (),
                           g_steal_pointer (&self->fonts), (GDestroyNotify) g_ptr_array_unref);
  pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (self->font_map));
  /* The few widgets of the first frame move to it as well. */
  if (window != NULL)
    gtk_widget_set_font_map (GTK_WIDGET (window), self->font_map);
}

static void
stop_waiting (CockpitFontWarmup *self)
{
  if (self->clock != NULL)
    g_clear_signal_handler (&self->first_frame_id, self->clock);
  g_clear_object (&self->clock);
  if (self->window != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->window, self);
      g_object_weak_unref (G_OBJECT (self->window), window_gone_cb, self);
      self->window = NULL;
    }
}

/* Closed before its first frame: later windows still use the fonts. */
static void
window_gone_cb (gpointer  data,
                GObject  *where_the_window_was)
{
  CockpitFontWarmup *self = data;

  self->window = NULL;
  stop_waiting (self);
  use_font_map (self, NULL);
  cockpit_font_warmup_free (self);
}

static void
first_frame_cb (GdkFrameClock     *clock,
                CockpitFontWarmup *self)
{
  GtkWindow *window = self->window;

  stop_waiting (self);
  use_font_map (self, window);
  cockpit_font_warmup_free (self);
}

static void
window_realize_cb (GtkWindow         *window,
                   CockpitFontWarmup *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  g_signal_handlers_disconnect_by_func (window, window_realize_cb, self);
  /* Connected as the window is realized, before anything that waits for
   * its first frame to build a page. */
  self->clock = g_object_ref (gdk_surface_get_frame_clock (surface));
  self->first_frame_id = g_signal_connect (self->clock, "after-paint", G_CALLBACK (first_frame_cb), self);
}

/**
 * cockpit_font_warmup_use_in_window:
 * @warmup: (transfer full) (nullable): from cockpit_font_warmup_start()
 * @window: the first window, not yet shown
 *
 * Once @window has drawn its first frame, waits for the fonts (they are
 * usually ready by then) and makes their font map the one of @window and
 * the main thread's default.
 */
void
cockpit_font_warmup_use_in_window (CockpitFontWarmup *warmup,
                                   GtkWindow         *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (!gtk_widget_get_realized (GTK_WIDGET (window)));

  if (warmup == NULL)
    return;
  warmup->window = window;
  g_object_weak_ref (G_OBJECT (window), window_gone_cb, warmup);
  g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), warmup);
}

/**
 * cockpit_font_warmup_has_font:
 *
 * Whether @font is one the warm-up opened in @font_map.  For the tests.
 */
gboolean
cockpit_font_warmup_has_font (PangoFontMap *font_map,
                              PangoFont    *font)
{
  GPtrArray *fonts = g_object_get_qdata (G_OBJECT (font_map), fonts_quark ());

  return fonts != NULL && g_ptr_array_find (fonts, font, NULL);
}

/**
 * cockpit_font_warmup_get_n_fonts:
 *
 * How many fonts the warm-up opened in @font_map: 0 for a font map it did
 * not make.  For the tests.
 */
guint
cockpit_font_warmup_get_n_fonts (PangoFontMap *font_map)
{
  GPtrArray *fonts = g_object_get_qdata (G_OBJECT (font_map), fonts_quark ());

  return fonts != NULL ? fonts->len : 0;
}
