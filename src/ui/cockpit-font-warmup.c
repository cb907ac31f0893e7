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
 * the main thread takes the font map only once the thread has opened
 * them, and the thread leaves Pango alone from then on: at the window's
 * first frame, before the demo or the session start building the
 * page.  From then on the window and every later one use it
 * (pango_cairo_font_map_set_default() sets the main thread's default),
 * and the page finds its fonts open.  The thread runs at the idle
 * priority, so it only uses a core nobody else wants and never delays the
 * first frame; if the fonts are not open by then, it gets a normal
 * priority and the main thread waits for them, which costs no more than
 * opening the fonts itself.
 *
 * Once the fonts are handed over, the thread goes on, still at the idle
 * priority, to draw the glyphs of a sample alphabet in each of them once:
 * cairo keeps a glyph's image (rasterised by FreeType, hinted, which on
 * the demo's page was a third of the main thread's time to paint its
 * data frame), so the page finds most of its glyphs drawn.  It touches
 * only cairo's scaled fonts then, which cairo locks while it draws; the
 * main thread never waits for this part as a whole.
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

/* The glyphs of the sample in one font, drawn once the fonts are handed
 * over: only cairo objects, which may be shared between threads. */
typedef struct {
  cairo_scaled_font_t *font;
  GArray              *glyphs;       /* of unsigned long, the sample's order */
} FontGlyphs;

/* Shared by the main thread and the thread (an atomic reference each):
 * the fonts are the main thread's once fonts_done is set, the glyphs
 * stay the thread's. */
struct _CockpitFontWarmup
{
  pthread_t             thread;
  gboolean              running;     /* the main thread's: not yet detached */

  GMutex                lock;
  GCond                 cond;
  gboolean              fonts_done;  /* under lock */
  gboolean              fonts_taken; /* under lock: the first frame is drawn */
  gboolean              glyphs_done; /* under lock */
  guint                 n_glyphs;    /* under lock, once glyphs_done */

  /* Read on the main thread before the thread starts, then only read by it */
  PangoFontDescription *body;
  double                body_px;     /* unrounded, as GTK derives sizes from it */
  double                resolution;
  cairo_font_options_t *options;     /* NULL when GTK set none */
  gboolean              round_glyph_positions;
  PangoLanguage        *language;

  /* Made by the thread; the main thread's once fonts_done is set */
  PangoFontMap         *font_map;
  GPtrArray            *fonts;

  /* The thread's: the glyphs it draws after the handover */
  GPtrArray            *glyph_fonts; /* of FontGlyphs */

  /* The window whose first frame it waits for */
  GtkWindow            *window;
  GdkFrameClock        *clock;
  gulong                first_frame_id;
};

static void window_gone_cb (gpointer  data,
                            GObject  *where_the_window_was);

/* The sample alphabet whose glyphs are drawn in every font: the letters
 * and digits most used first (a glyph drawn by the time the page paints
 * is a glyph the main thread does not draw), then the rest of ASCII and
 * the punctuation of the app's own words. */
static const char glyph_sample[] =
  " eaoitnrslcudpmhgbfywkvxzjq0123456789.:-/"
  "LUIAPCDSTEMNROBGHWFVKJYXZQ,()'\"%+&!?#;*=_[]<>@|~^`{}$\\"
  "\u2026\u2192\u2014\u201c\u201d\u2019\u00d7";

static GQuark
warmup_quark (void)
{
  return g_quark_from_static_string ("cockpit-font-warmup");
}

static GQuark
fonts_quark (void)
{
  return g_quark_from_static_string ("cockpit-font-warmup-fonts");
}

static void
font_glyphs_free (FontGlyphs *font_glyphs)
{
  cairo_scaled_font_destroy (font_glyphs->font);
  g_array_unref (font_glyphs->glyphs);
  g_free (font_glyphs);
}

static void
warmup_clear (CockpitFontWarmup *self)
{
  g_clear_pointer (&self->body, pango_font_description_free);
  g_clear_pointer (&self->options, cairo_font_options_destroy);
  g_clear_object (&self->font_map);
  g_clear_pointer (&self->fonts, g_ptr_array_unref);
  g_clear_pointer (&self->glyph_fonts, g_ptr_array_unref);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
}

static void
warmup_release (CockpitFontWarmup *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) warmup_clear);
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

/* Keeps the glyphs @layout's text is shaped to, font by font. */
static void
add_glyphs_of (GPtrArray   *glyph_fonts,
               PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      cairo_scaled_font_t *font;
      FontGlyphs *font_glyphs = NULL;

      if (run == NULL)
        continue;
      font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font));
      if (font == NULL || cairo_scaled_font_status (font) != CAIRO_STATUS_SUCCESS)
        continue;
      for (guint i = 0; i < glyph_fonts->len && font_glyphs == NULL; i++)
        if (((FontGlyphs *) glyph_fonts->pdata[i])->font == font)
          font_glyphs = glyph_fonts->pdata[i];
      if (font_glyphs == NULL)
        {
          font_glyphs = g_new0 (FontGlyphs, 1);
          font_glyphs->font = cairo_scaled_font_reference (font);
          font_glyphs->glyphs = g_array_new (FALSE, FALSE, sizeof (unsigned long));
          g_ptr_array_add (glyph_fonts, font_glyphs);
        }
      for (int i = 0; i < run->glyphs->num_glyphs; i++)
        {
          PangoGlyph glyph = run->glyphs->glyphs[i].glyph;
          unsigned long index = glyph;

          if (glyph != PANGO_GLYPH_EMPTY && (glyph & PANGO_GLYPH_UNKNOWN_FLAG) == 0)
            g_array_append_val (font_glyphs->glyphs, index);
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
}

/* Opens the fonts of the list in a font map of its own, and shapes the
 * sample in each. */
static void
open_fonts (CockpitFontWarmup *self)
{
  PangoContext *context;

  self->font_map = pango_cairo_font_map_new ();
  self->fonts = g_ptr_array_new_with_free_func (g_object_unref);
  self->glyph_fonts = g_ptr_array_new_with_free_func ((GDestroyNotify) font_glyphs_free);
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
      g_autoptr(PangoLayout) sample = NULL;

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

      /* The glyphs to draw later; Pango's cache of their sizes fills too. */
      sample = pango_layout_new (context);
      pango_layout_set_text (sample, glyph_sample, -1);
      pango_layout_get_size (sample, NULL, NULL);
      add_glyphs_of (self->glyph_fonts, sample);
    }
  g_object_unref (context);
}

/* Draws each glyph once, so that cairo keeps its image.  A font at a
 * time, its glyphs' sizes asked for all at once before any is drawn,
 * then drawn a few at a time: FreeType keeps one size of a face set, and
 * cairo measures a glyph at another size than it draws it, so going from
 * one to the other for each glyph would run the font's hinting program
 * again every time, several times the work.  cairo locks the font for
 * each call, so a main thread drawing the same font waits at most for a
 * few glyphs. */
#define GLYPHS_AT_ONCE 16

static guint
draw_glyphs (GPtrArray *glyph_fonts)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 128, 128);
  cairo_t *cr = cairo_create (surface);
  guint n_drawn = 0;

  for (guint f = 0; f < glyph_fonts->len; f++)
    {
      FontGlyphs *font_glyphs = glyph_fonts->pdata[f];
      guint n_glyphs = font_glyphs->glyphs->len;
      g_autofree cairo_glyph_t *glyphs = NULL;
      cairo_text_extents_t extents;

      /* A run of characters no font has. */
      if (n_glyphs == 0)
        continue;
      glyphs = g_new (cairo_glyph_t, n_glyphs);
      for (guint i = 0; i < n_glyphs; i++)
        {
          glyphs[i].index = g_array_index (font_glyphs->glyphs, unsigned long, i);
          /* Well inside the surface, or cairo draws nothing. */
          glyphs[i].x = 32;
          glyphs[i].y = 64;
        }
      cairo_scaled_font_glyph_extents (font_glyphs->font, glyphs, (int) n_glyphs, &extents);
      cairo_set_scaled_font (cr, font_glyphs->font);
      for (guint i = 0; i < n_glyphs; i += GLYPHS_AT_ONCE)
        cairo_show_glyphs (cr, glyphs + i, (int) MIN (GLYPHS_AT_ONCE, n_glyphs - i));
      n_drawn += n_glyphs;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return n_drawn;
}

static void
set_idle_priority (pthread_t thread,
                   gboolean  idle)
{
#ifdef SCHED_IDLE
  struct sched_param priority = { 0 };

  pthread_setschedparam (thread, idle ? SCHED_IDLE : SCHED_OTHER, &priority);
#endif
}

static void *
warm_up_thread (void *data)
{
  CockpitFontWarmup *self = data;
  GPtrArray *glyph_fonts;
  guint n_glyphs;

  open_fonts (self);
  glyph_fonts = g_steal_pointer (&self->glyph_fonts);

  /* The glyphs only once the main thread has taken the fonts: its first
   * frame draws text too, and a glyph drawn here in the meantime, of the
   * same face at another size, would make FreeType set that face's size
   * and run its hinting program again for the main thread's next one. */
  g_mutex_lock (&self->lock);
  self->fonts_done = TRUE;
  g_cond_broadcast (&self->cond);
  while (!self->fonts_taken)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);

  /* The main thread may have raised the priority to wait for the fonts;
   * nobody waits for the glyphs. */
  set_idle_priority (pthread_self (), TRUE);
  n_glyphs = draw_glyphs (glyph_fonts);
  g_ptr_array_unref (glyph_fonts);

  g_mutex_lock (&self->lock);
  self->glyphs_done = TRUE;
  self->n_glyphs = n_glyphs;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);

  warmup_release (self);
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

  self = g_atomic_rc_box_new0 (CockpitFontWarmup);
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->body = pango_font_description_copy (pango_context_get_font_description (context));
  self->resolution = pango_cairo_context_get_resolution (context);
  self->body_px = body_size_px (self->body, self->resolution);
  if (pango_cairo_context_get_font_options (context) != NULL)
    self->options = cairo_font_options_copy (pango_cairo_context_get_font_options (context));
  self->round_glyph_positions = pango_context_get_round_glyph_positions (context);
  self->language = pango_context_get_language (context);
  g_object_unref (context);

  /* One reference for the thread, one for the main thread. */
  g_atomic_rc_box_acquire (self);
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
      warmup_release (self);
      warmup_release (self);
      return NULL;
    }
  self->running = TRUE;
  return self;
}

/* Waits for the fonts, giving the thread a normal priority if they are
 * not ready; the thread then goes on with the glyphs by itself. */
static void
wait_for_fonts (CockpitFontWarmup *self)
{
  if (!self->running)
    return;
  g_mutex_lock (&self->lock);
  if (!self->fonts_done)
    set_idle_priority (self->thread, FALSE);
  while (!self->fonts_done)
    g_cond_wait (&self->cond, &self->lock);
  self->fonts_taken = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
  pthread_detach (self->thread);
  self->running = FALSE;
}

/* Takes the fonts and hands over the main thread's reference. */
static void
use_font_map (CockpitFontWarmup *self,
              GtkWindow         *window)
{
  g_autoptr(PangoFontMap) font_map = NULL;

  wait_for_fonts (self);
  font_map = g_steal_pointer (&self->font_map);
  /* The fonts and the warm-up stay with the font map, for the tests'
   * questions; Pango's objects are the main thread's from now on. */
  g_object_set_qdata_full (G_OBJECT (font_map), fonts_quark (),
                           g_steal_pointer (&self->fonts), (GDestroyNotify) g_ptr_array_unref);
  g_object_set_qdata_full (G_OBJECT (font_map), warmup_quark (), self, (GDestroyNotify) warmup_release);
  pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (font_map));
  /* The few widgets of the first frame move to it as well. */
  if (window != NULL)
    gtk_widget_set_font_map (GTK_WIDGET (window), font_map);
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
}

static void
first_frame_cb (GdkFrameClock     *clock,
                CockpitFontWarmup *self)
{
  GtkWindow *window = self->window;

  stop_waiting (self);
  use_font_map (self, window);
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

/**
 * cockpit_font_warmup_wait_for_glyphs:
 *
 * Waits until the thread that opened the fonts of @font_map has drawn its
 * glyphs.  For the tests.
 *
 * Returns: how many glyphs it drew, 0 for a font map it did not make
 */
guint
cockpit_font_warmup_wait_for_glyphs (PangoFontMap *font_map)
{
  CockpitFontWarmup *self = g_object_get_qdata (G_OBJECT (font_map), warmup_quark ());
  guint n_glyphs;

  if (self == NULL)
    return 0;
  g_mutex_lock (&self->lock);
  while (!self->glyphs_done)
    g_cond_wait (&self->cond, &self->lock);
  n_glyphs = self->n_glyphs;
  g_mutex_unlock (&self->lock);
  return n_glyphs;
}
