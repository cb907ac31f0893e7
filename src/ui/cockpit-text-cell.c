/* cockpit-text-cell.c: one line of text, shortened with "…" to the width it is given, measured once per text.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The activity log's table has a hundred rows of four texts each: GTK 4.8
 * makes a widget for every row of its model up to 200, seen or not.  A
 * GtkLabel that shortens its text, once allocated, copies its layout and
 * lays the copy out again at each measure its size cache does not hold;
 * the table's labels were measured about ten times each in an opening,
 * a quarter of its instructions (docs/performance.md).  This cell lays its
 * text out once to measure it, keeps the sizes until the text or its font
 * changes, and lays it out again to draw only when the text does not fit.
 * It looks like a label (its CSS name is "label", its colour and font the
 * label's) and is one for assistive technologies.
 */
#include "config.h"

#include <math.h>

#include "cockpit-text-cell.h"

struct _CockpitTextCell
{
  GtkWidget    parent_instance;

  char        *text;
  PangoLayout *layout;
  guint        context_serial;  /* of the widget's Pango context, when measured */
  gboolean     measured;
  int          min_width;       /* the ellipsis alone, for the context of now */
  gboolean     min_width_known;
  int          natural_width;   /* the whole text */
  int          height;
  int          baseline;
  int          laid_out_width;  /* in pixels; -1: the whole text */
};

G_DEFINE_FINAL_TYPE (CockpitTextCell, cockpit_text_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The layout, and its sizes for the text and font of now. */
static void
ensure_measured (CockpitTextCell *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  guint serial = pango_context_get_serial (context);
  g_autoptr(PangoLayout) ellipsis = NULL;
  PangoRectangle logical;

  /* A widget keeps its Pango context, but a new one would need a new layout. */
  if (self->layout != NULL && pango_layout_get_context (self->layout) != context)
    g_clear_object (&self->layout);

  if (self->layout == NULL)
    {
      self->min_width_known = FALSE;
      self->layout = pango_layout_new (context);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      pango_layout_set_text (self->layout, self->text ? self->text : "", -1);
      self->measured = FALSE;
    }
  else if (serial != self->context_serial)
    {
      /* Another font, direction or scale. */
      pango_layout_context_changed (self->layout);
      self->measured = FALSE;
      self->min_width_known = FALSE;
    }
  self->context_serial = serial;
  if (self->measured)
    return;

  pango_layout_set_width (self->layout, -1);
  self->laid_out_width = -1;
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);
  self->natural_width = logical.width;
  self->height = logical.height;
  self->baseline = pango_layout_get_baseline (self->layout) / PANGO_SCALE;

  /* The ellipsis depends on the font only, not on the text. */
  if (!self->min_width_known)
    {
      ellipsis = pango_layout_new (context);
      pango_layout_set_text (ellipsis, "…", -1);
      pango_layout_get_pixel_extents (ellipsis, NULL, &logical);
      self->min_width = logical.width;
      self->min_width_known = TRUE;
    }
  self->measured = TRUE;
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

  ensure_measured (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN (self->min_width, self->natural_width);
      *natural = self->natural_width;
    }
  else
    {
      *minimum = *natural = self->height;
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

  ensure_measured (self);
  /* Laid out again only when the whole text does not fit. */
  wanted = self->natural_width <= width ? -1 : width;
  if (wanted != self->laid_out_width)
    {
      pango_layout_set_width (self->layout, wanted < 0 ? -1 : wanted * PANGO_SCALE);
      self->laid_out_width = wanted;
    }
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);

  /* At the start of the line, as a label with xalign 0, and in the middle
   * of the height. */
  x = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL && wanted < 0 ? width - logical.width : 0;
  y = floorf ((height - self->height) / 2.0f);

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
  self->measured = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text ? text : "", -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
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
