/* cockpit-width-bin.c: a bin whose width does not depend on its height.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A horizontal GtkBox of GTK 4.8 asks each child for its width at the
 * height the box was given.  A wrapping GtkLabel answers that question
 * with a binary search: a dozen layouts of its text, each shaped anew,
 * at every new height.  Text that wraps flows from its width, not the
 * other way round, so this bin answers with its child's width for any
 * height, which GTK measures once and keeps until the child changes.
 * Heights still follow the width given (height-for-width).
 */
#include "config.h"

#include "cockpit-width-bin.h"

struct _CockpitWidthBin
{
  GtkWidget  parent_instance;

  GtkWidget *child;
};

G_DEFINE_FINAL_TYPE (CockpitWidthBin, cockpit_width_bin, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
cockpit_width_bin_new (void)
{
  return g_object_new (COCKPIT_TYPE_WIDTH_BIN, NULL);
}

GtkWidget *
cockpit_width_bin_get_child (CockpitWidthBin *self)
{
  g_return_val_if_fail (COCKPIT_IS_WIDTH_BIN (self), NULL);

  return self->child;
}

void
cockpit_width_bin_set_child (CockpitWidthBin *self,
                             GtkWidget       *child)
{
  g_return_if_fail (COCKPIT_IS_WIDTH_BIN (self));
  g_return_if_fail (child == NULL || gtk_widget_get_parent (child) == NULL);

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

static void
cockpit_width_bin_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  CockpitWidthBin *self = COCKPIT_WIDTH_BIN (widget);

  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    return;
  gtk_widget_measure (self->child, orientation,
                      orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
cockpit_width_bin_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  CockpitWidthBin *self = COCKPIT_WIDTH_BIN (widget);

  if (self->child != NULL && gtk_widget_should_layout (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

/* It expands where its child does, as a box would. */
static void
cockpit_width_bin_compute_expand (GtkWidget *widget,
                                  gboolean  *hexpand,
                                  gboolean  *vexpand)
{
  CockpitWidthBin *self = COCKPIT_WIDTH_BIN (widget);

  *hexpand = self->child != NULL && gtk_widget_compute_expand (self->child, GTK_ORIENTATION_HORIZONTAL);
  *vexpand = self->child != NULL && gtk_widget_compute_expand (self->child, GTK_ORIENTATION_VERTICAL);
}

static GtkSizeRequestMode
cockpit_width_bin_get_request_mode (GtkWidget *widget)
{
  CockpitWidthBin *self = COCKPIT_WIDTH_BIN (widget);

  return self->child != NULL ? gtk_widget_get_request_mode (self->child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
cockpit_width_bin_dispose (GObject *object)
{
  CockpitWidthBin *self = COCKPIT_WIDTH_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (cockpit_width_bin_parent_class)->dispose (object);
}

static void
cockpit_width_bin_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CockpitWidthBin *self = COCKPIT_WIDTH_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_width_bin_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CockpitWidthBin *self = COCKPIT_WIDTH_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      cockpit_width_bin_set_child (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_width_bin_class_init (CockpitWidthBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cockpit_width_bin_dispose;
  object_class->get_property = cockpit_width_bin_get_property;
  object_class->set_property = cockpit_width_bin_set_property;

  widget_class->measure = cockpit_width_bin_measure;
  widget_class->size_allocate = cockpit_width_bin_size_allocate;
  widget_class->get_request_mode = cockpit_width_bin_get_request_mode;
  widget_class->compute_expand = cockpit_width_bin_compute_expand;
  /* A box to the style: libadwaita's rows style "row > box.header >
   * box.title", and a row's title box is one of these. */
  gtk_widget_class_set_css_name (widget_class, "box");

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cockpit_width_bin_init (CockpitWidthBin *self)
{
}
