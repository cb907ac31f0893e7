/* cockpit-text-cell.c: one line of text, shortened with "…" to the width it is given; its size does not depend on its text.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The activity log's table has a hundred rows of four texts each: GTK 4.8
 * makes a widget for every row of its model up to 200, seen or not.  A
 * GtkLabel that shortens its text, once allocated, copies its layout and
 * lays the copy out again at each measure its size cache does not hold;
 * the table's labels were measured about ten times each in an opening,
 * a quarter of its instructions (docs/performance.md).
 *
 * This cell's size is that of its font, not of its text: one line high,
 * and as wide as the ellipsis, at least and by nature; the column gives
 * it its width.  So a new text, as a scrolled row is bound to another
 * entry, only redraws the cell: in GTK 4.8 a cell of a GtkColumnView that
 * asks for a new size makes its column measure every cell it has, up to
 * 200, and the window measure itself again, at every frame of a scroll.
 * The text is laid out when the cell is drawn, once per text, and again
 * only when it does not fit.  It looks like a label (its CSS name is
 * "label", its colour and font the label's) and is one for assistive
 * technologies.
 */
#include "config.h"

#include <math.h>

#include "cockpit-text-cell.h"

struct _CockpitTextCell
{
  GtkWidget    parent_instance;

  char        *text;
  PangoLayout *layout;          /* the text, made when drawn */
  gboolean     text_measured;
  guint        text_serial;     /* of the widget's Pango context, when the text was measured */
  int          text_width;      /* the whole text, in pixels */
  int          laid_out_width;  /* in pixels; -1: the whole text */
  guint        font_serial;     /* of the widget's Pango context, when the font was measured; 0: not yet */
  int          ellipsis_width;
  int          line_height;
  int          baseline;
};

G_DEFINE_FINAL_TYPE (CockpitTextCell, cockpit_text_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sizes of the font of now: the ellipsis's width, a line's height
 * and baseline.  Measured again when the font, direction or scale
 * changes (the context's serial), never for a new text. */
static void
ensure_font_measured (CockpitTextCell *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  guint serial = pango_context_get_serial (context);
  g_autoptr(PangoLayout) ellipsis = NULL;
  PangoRectangle logical;

  /* Pango's serials start above 0. */
  if (serial == self->font_serial)
    return;

  ellipsis = pango_layout_new (context);
  pango_layout_set_text (ellipsis, "…", -1);
  pango_layout_get_pixel_extents (ellipsis, NULL, &logical);
  self->ellipsis_width = logical.width;
  self->line_height = logical.height;
  self->baseline = pango_layout_get_baseline (ellipsis) / PANGO_SCALE;
  self->font_serial = serial;
}

/* The layout of the text, and the text's whole width, for the font of now. */
static void
ensure_text_measured (CockpitTextCell *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  guint serial = pango_context_get_serial (context);
  PangoRectangle logical;

  /* A widget keeps its Pango context, but a new one would need a new layout. */
  if (self->layout != NULL && pango_layout_get_context (self->layout) != context)
    g_clear_object (&self->layout);

  if (self->layout == NULL)
    {
      self->layout = pango_layout_new (context);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      pango_layout_set_text (self->layout, self->text ? self->text : "", -1);
      self->text_measured = FALSE;
    }
  else if (serial != self->text_serial)
    {
      /* Another font, direction or scale. */
      pango_layout_context_changed (self->layout);
      self->text_measured = FALSE;
    }
  self->text_serial = serial;
  if (self->text_measured)
    return;

  pango_layout_set_width (self->layout, -1);
  self->laid_out_width = -1;
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);
  self->text_width = logical.width;
  self->text_measured = TRUE;
}

static void
cockpit_text_cell_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  CockpitTextCell *self = COCKPIT_TEXT_CELL (widget);

  ensure_font_measured (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = self->ellipsis_width;
    }
  else
    {
      *minimum = *natural = self->line_height;
      *minimum_baseline = *natural_baseline = self->baseline;
    }
}

static void
cockpit_text_cell_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  CockpitTextCell *self = COCKPIT_TEXT_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int wanted;
  PangoRectangle logical;
  GdkRGBA color;
  float x, y;

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;

  ensure_text_measured (self);
  /* Laid out again only when the whole text does not fit. */
  wanted = self->text_width <= width ? -1 : width;
  if (wanted != self->laid_out_width)
    {
      pango_layout_set_width (self->layout, wanted < 0 ? -1 : wanted * PANGO_SCALE);
      self->laid_out_width = wanted;
    }
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);

  /* At the start of the line, as a label with xalign 0, and in the middle
   * of the height. */
  x = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL && wanted < 0 ? width - logical.width : 0;
  y = floorf ((height - logical.height) / 2.0f);

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  /* gtk_widget_get_color() is GTK 4.10's. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - logical.x, y));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

const char *
cockpit_text_cell_get_text (CockpitTextCell *self)
{
  g_return_val_if_fail (COCKPIT_IS_TEXT_CELL (self), NULL);

  return self->text ? self->text : "";
}

void
cockpit_text_cell_set_text (CockpitTextCell *self,
                            const char      *text)
{
  g_return_if_fail (COCKPIT_IS_TEXT_CELL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text ? text : "", -1);
  self->text_measured = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text ? text : "", -1);
  /* Its size is its font's: only drawn again. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

GtkWidget *
cockpit_text_cell_new (void)
{
  return g_object_new (COCKPIT_TYPE_TEXT_CELL, NULL);
}

static void
cockpit_text_cell_finalize (GObject *object)
{
  CockpitTextCell *self = (CockpitTextCell *) object;

  g_clear_object (&self->layout);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (cockpit_text_cell_parent_class)->finalize (object);
}

static void
cockpit_text_cell_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CockpitTextCell *self = COCKPIT_TEXT_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, cockpit_text_cell_get_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_text_cell_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CockpitTextCell *self = COCKPIT_TEXT_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      cockpit_text_cell_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_text_cell_class_init (CockpitTextCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cockpit_text_cell_finalize;
  object_class->get_property = cockpit_text_cell_get_property;
  object_class->set_property = cockpit_text_cell_set_property;

  widget_class->measure = cockpit_text_cell_measure;
  widget_class->snapshot = cockpit_text_cell_snapshot;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Styled as a label, by the theme's rules for labels. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
cockpit_text_cell_init (CockpitTextCell *self)
{
  self->laid_out_width = -1;
}
