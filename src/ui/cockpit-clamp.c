/* cockpit-clamp.c: a bin that keeps its child's width to a maximum, as AdwClamp does, without restyling it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libadwaita 1.2's AdwClamp gives its child a style class for its width
 * (.small, .medium, .large) each time it is allocated.  The first
 * allocation of a page adds one, after the page was measured, so every
 * widget under the clamp was styled twice: the classes of an ancestor
 * can change what a selector matches, and GTK restyles the whole subtree.
 * On a demo start that was about 12.6 M instructions of the data frame's
 * 190 M (docs/performance.md, session 17).  The app's style uses none of
 * those classes, so this clamp sets none; its sizes are AdwClamp's, in
 * the horizontal orientation, the only one the app uses:
 *
 * - its natural width grows from the tightening threshold (or the child's
 *   minimum, if larger) towards the maximum along an eased curve;
 * - given a width, it gives the child all of it up to that threshold,
 *   then eases towards the maximum, and centres the child.
 *
 * Its child, expansion and disposal are AdwBin's.
 */
#include "config.h"

#include <math.h>

#include "cockpit-clamp.h"

/* The tangent of an ease-out cubic at its start, as libadwaita's. */
#define EASE_OUT_TAN_CUBIC 3

struct _CockpitClamp
{
  AdwBin parent_instance;

  int    maximum_size;
  int    tightening_threshold;
};

G_DEFINE_FINAL_TYPE (CockpitClamp, cockpit_clamp, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MAXIMUM_SIZE,
  PROP_TIGHTENING_THRESHOLD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
lerp (double a,
      double b,
      double t)
{
  return a * (1.0 - t) + b * t;
}

static double
ease_out_cubic (double t)
{
  double p = t - 1;

  return p * p * p + 1;
}

/* The child is never given less than this, nor eased towards more than
 * @max. */
static int
lower_bound (CockpitClamp *self,
             int           child_minimum,
             int          *max)
{
  int lower = MAX (MIN (self->tightening_threshold, self->maximum_size), child_minimum);

  *max = MAX (lower, self->maximum_size);
  return lower;
}

/* The clamp's natural width for a child of these widths. */
static int
clamp_width (CockpitClamp *self,
             int           child_minimum,
             int           child_natural)
{
  int max;
  int lower = lower_bound (self, child_minimum, &max);
  int upper = lower + EASE_OUT_TAN_CUBIC * (max - lower);
  double progress;

  if (child_natural <= lower)
    progress = 0;
  else if (child_natural >= max)
    progress = 1;
  else
    progress = 1 + cbrt ((double) (child_natural - lower) / (max - lower) - 1);

  return ceil (lerp (lower, upper, progress));
}

/* The child's width in a clamp @width wide, or its natural one (at most
 * the maximum) when @width is -1. */
static int
child_width (CockpitClamp *self,
             GtkWidget    *child,
             int           width)
{
  int minimum = 0, natural = 0, max, lower, upper;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  lower = lower_bound (self, minimum, &max);
  upper = lower + EASE_OUT_TAN_CUBIC * (max - lower);

  if (width < 0)
    return MIN (natural, max);
  if (width <= lower)
    return width;
  if (width >= upper)
    return max;
  return lerp (lower, max, ease_out_cubic ((double) (width - lower) / (upper - lower)));
}

static void
cockpit_clamp_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  CockpitClamp *self = COCKPIT_CLAMP (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (self));

  if (child == NULL || !gtk_widget_should_layout (child))
    return;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (child, orientation, for_size, minimum, natural,
                          minimum_baseline, natural_baseline);
      *natural = clamp_width (self, *minimum, *natural);
    }
  else
    gtk_widget_measure (child, orientation, child_width (self, child, for_size), minimum, natural,
                        minimum_baseline, natural_baseline);
}

static void
cockpit_clamp_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  CockpitClamp *self = COCKPIT_CLAMP (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (self));
  GtkAllocation allocation = { 0, 0, 0, height };

  if (child == NULL || !gtk_widget_should_layout (child))
    return;

  allocation.width = child_width (self, child, width);
  allocation.x = (width - allocation.width) / 2;
  gtk_widget_size_allocate (child, &allocation, baseline);
}

static GtkSizeRequestMode
cockpit_clamp_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

GtkWidget *
cockpit_clamp_new (void)
{
  return g_object_new (COCKPIT_TYPE_CLAMP, NULL);
}

int
cockpit_clamp_get_maximum_size (CockpitClamp *self)
{
  g_return_val_if_fail (COCKPIT_IS_CLAMP (self), 0);

  return self->maximum_size;
}

void
cockpit_clamp_set_maximum_size (CockpitClamp *self,
                                int           maximum_size)
{
  g_return_if_fail (COCKPIT_IS_CLAMP (self));

  if (self->maximum_size == maximum_size)
    return;
  self->maximum_size = maximum_size;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAXIMUM_SIZE]);
}

int
cockpit_clamp_get_tightening_threshold (CockpitClamp *self)
{
  g_return_val_if_fail (COCKPIT_IS_CLAMP (self), 0);

  return self->tightening_threshold;
}

void
cockpit_clamp_set_tightening_threshold (CockpitClamp *self,
                                        int           tightening_threshold)
{
  g_return_if_fail (COCKPIT_IS_CLAMP (self));

  if (self->tightening_threshold == tightening_threshold)
    return;
  self->tightening_threshold = tightening_threshold;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIGHTENING_THRESHOLD]);
}

static void
cockpit_clamp_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CockpitClamp *self = COCKPIT_CLAMP (object);

  switch (prop_id)
    {
    case PROP_MAXIMUM_SIZE:
      g_value_set_int (value, self->maximum_size);
      break;
    case PROP_TIGHTENING_THRESHOLD:
      g_value_set_int (value, self->tightening_threshold);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_clamp_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CockpitClamp *self = COCKPIT_CLAMP (object);

  switch (prop_id)
    {
    case PROP_MAXIMUM_SIZE:
      cockpit_clamp_set_maximum_size (self, g_value_get_int (value));
      break;
    case PROP_TIGHTENING_THRESHOLD:
      cockpit_clamp_set_tightening_threshold (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_clamp_class_init (CockpitClampClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cockpit_clamp_get_property;
  object_class->set_property = cockpit_clamp_set_property;

  widget_class->measure = cockpit_clamp_measure;
  widget_class->size_allocate = cockpit_clamp_size_allocate;
  widget_class->get_request_mode = cockpit_clamp_get_request_mode;

  /* AdwClamp's defaults. */
  properties[PROP_MAXIMUM_SIZE] =
    g_param_spec_int ("maximum-size", NULL, NULL,
                      0, G_MAXINT, 600,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TIGHTENING_THRESHOLD] =
    g_param_spec_int ("tightening-threshold", NULL, NULL,
                      0, G_MAXINT, 400,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "clamp");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cockpit_clamp_init (CockpitClamp *self)
{
  /* Sized by the vfuncs above, not by AdwBin's GtkBinLayout. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  self->maximum_size = 600;
  self->tightening_threshold = 400;
}
