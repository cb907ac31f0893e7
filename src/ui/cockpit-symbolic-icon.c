/* cockpit-symbolic-icon.c: a symbolic icon in its style's colour, for the rows of a list.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a GtkImage of 16 pixels shows, without what a row of a long list
 * does not need: GTK 4.8's GtkImage reads the font's metrics (Pango
 * shapes a sample sentence for them) the first time it is measured and
 * again after every change of its style, to place itself on a baseline.
 * A row of the activity log gets a new style class at each bind, so every
 * row bound while scrolling paid for a sentence shaped.  This widget is
 * always 16 × 16, looks its icon up in the display's icon theme when it
 * draws and draws it in its CSS colour.
 *
 * GTK 4.8 draws a symbolic icon as its image under a colour matrix, which
 * the cairo renderer applies by drawing the image aside and converting it
 * pixel by pixel, for every icon of every frame (5 % of the CPU of
 * scrolling the activity log).  This widget draws each icon in each colour
 * so once, keeps the result with the icon (a few colours per icon), and
 * then draws it as a plain image.
 */
#include "config.h"

#include "cockpit-symbolic-icon.h"

#define ICON_SIZE 16

struct _CockpitSymbolicIcon
{
  GtkWidget         parent_instance;

  char             *icon_name;
  /* The icon as last drawn; dropped when the style or the name changes. */
  GtkIconPaintable *paintable;
};

G_DEFINE_FINAL_TYPE (CockpitSymbolicIcon, cockpit_symbolic_icon, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ICON_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* An icon drawn in a colour, at a size in pixels. */
typedef struct {
  GdkRGBA color;
  int     size;
} Tint;

static guint
tint_hash (gconstpointer data)
{
  const Tint *tint = data;

  return gdk_rgba_hash (&tint->color) ^ (guint) tint->size;
}

static gboolean
tint_equal (gconstpointer a,
            gconstpointer b)
{
  const Tint *tint_a = a, *tint_b = b;

  return tint_a->size == tint_b->size && gdk_rgba_equal (&tint_a->color, &tint_b->color);
}

/* The icon in @color, drawn once by @widget's renderer and kept with the
 * icon: a new icon theme gives new icons, and so new drawings.  NULL when
 * the widget has no renderer. */
static GdkTexture *
tinted_texture (GtkWidget        *widget,
                GtkIconPaintable *paintable,
                const GdkRGBA    *color)
{
  static GQuark quark;
  Tint tint = { *color, ICON_SIZE * gtk_widget_get_scale_factor (widget) };
  gsize stride = (gsize) tint.size * 4;
  GHashTable *drawn;
  GdkTexture *texture;
  GskRenderer *renderer;
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) rendered = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guchar *pixels;

  if (quark == 0)
    quark = g_quark_from_static_string ("cockpit-symbolic-icon-tints");
  drawn = g_object_get_qdata (G_OBJECT (paintable), quark);
  if (drawn == NULL)
    {
      drawn = g_hash_table_new_full (tint_hash, tint_equal, g_free, g_object_unref);
      g_object_set_qdata_full (G_OBJECT (paintable), quark, drawn, (GDestroyNotify) g_hash_table_unref);
    }
  texture = g_hash_table_lookup (drawn, &tint);
  if (texture != NULL)
    return texture;

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  if (renderer == NULL)
    return NULL;
  snapshot = gtk_snapshot_new ();
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (paintable), snapshot, tint.size, tint.size,
                                            (GdkRGBA[4]) { *color, *color, *color, *color }, 4);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return NULL;
  rendered = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, tint.size, tint.size));

  /* Kept in memory: a texture of the GL renderer belongs to its context. */
  pixels = g_malloc (stride * tint.size);
  gdk_texture_download (rendered, pixels, stride);
  bytes = g_bytes_new_take (pixels, stride * tint.size);
  texture = gdk_memory_texture_new (tint.size, tint.size, GDK_MEMORY_DEFAULT, bytes, stride);

  /* A few colours an icon (the styles' and the states'); more means a
   * colour that changes, as in a transition: start again. */
  if (g_hash_table_size (drawn) >= 16)
    g_hash_table_remove_all (drawn);
  g_hash_table_insert (drawn, g_memdup2 (&tint, sizeof tint), texture);
  return texture;
}

GtkWidget *
cockpit_symbolic_icon_new (void)
{
  return g_object_new (COCKPIT_TYPE_SYMBOLIC_ICON, NULL);
}

const char *
cockpit_symbolic_icon_get_icon_name (CockpitSymbolicIcon *self)
{
  g_return_val_if_fail (COCKPIT_IS_SYMBOLIC_ICON (self), NULL);

  return self->icon_name;
}

void
cockpit_symbolic_icon_set_icon_name (CockpitSymbolicIcon *self,
                                     const char          *icon_name)
{
  g_return_if_fail (COCKPIT_IS_SYMBOLIC_ICON (self));

  if (g_strcmp0 (self->icon_name, icon_name) == 0)
    return;

  g_free (self->icon_name);
  self->icon_name = g_strdup (icon_name);
  g_clear_object (&self->paintable);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
}

static void
cockpit_symbolic_icon_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  *minimum = *natural = ICON_SIZE;
}

static void
cockpit_symbolic_icon_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  CockpitSymbolicIcon *self = COCKPIT_SYMBOLIC_ICON (widget);
  GdkTexture *texture;
  GdkRGBA color;
  int x, y;

  if (self->icon_name == NULL)
    return;

  if (self->paintable == NULL)
    {
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));

      self->paintable = gtk_icon_theme_lookup_icon (theme, self->icon_name, NULL, ICON_SIZE,
                                                    gtk_widget_get_scale_factor (widget),
                                                    gtk_widget_get_direction (widget), 0);
    }

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  texture = tinted_texture (widget, self->paintable, &color);
  x = (gtk_widget_get_width (widget) - ICON_SIZE) / 2;
  y = (gtk_widget_get_height (widget) - ICON_SIZE) / 2;
  if (texture != NULL)
    {
      gtk_snapshot_append_texture (snapshot, texture, &GRAPHENE_RECT_INIT (x, y, ICON_SIZE, ICON_SIZE));
      return;
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (self->paintable), snapshot,
                                            ICON_SIZE, ICON_SIZE,
                                            (GdkRGBA[4]) { color, color, color, color }, 4);
  gtk_snapshot_restore (snapshot);
}

/* A new icon theme, scale or direction comes with a change of style. */
static void
cockpit_symbolic_icon_css_changed (GtkWidget         *widget,
                                   GtkCssStyleChange *change)
{
  CockpitSymbolicIcon *self = COCKPIT_SYMBOLIC_ICON (widget);

  GTK_WIDGET_CLASS (cockpit_symbolic_icon_parent_class)->css_changed (widget, change);
  g_clear_object (&self->paintable);
}

static void
cockpit_symbolic_icon_direction_changed (GtkWidget        *widget,
                                         GtkTextDirection  previous)
{
  CockpitSymbolicIcon *self = COCKPIT_SYMBOLIC_ICON (widget);

  GTK_WIDGET_CLASS (cockpit_symbolic_icon_parent_class)->direction_changed (widget, previous);
  g_clear_object (&self->paintable);
  gtk_widget_queue_draw (widget);
}

static void
scale_factor_cb (GtkWidget           *widget,
                 GParamSpec          *pspec,
                 CockpitSymbolicIcon *self)
{
  g_clear_object (&self->paintable);
  gtk_widget_queue_draw (widget);
}

static void
cockpit_symbolic_icon_finalize (GObject *object)
{
  CockpitSymbolicIcon *self = COCKPIT_SYMBOLIC_ICON (object);

  g_clear_object (&self->paintable);
  g_free (self->icon_name);

  G_OBJECT_CLASS (cockpit_symbolic_icon_parent_class)->finalize (object);
}

static void
cockpit_symbolic_icon_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CockpitSymbolicIcon *self = COCKPIT_SYMBOLIC_ICON (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_symbolic_icon_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CockpitSymbolicIcon *self = COCKPIT_SYMBOLIC_ICON (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      cockpit_symbolic_icon_set_icon_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_symbolic_icon_class_init (CockpitSymbolicIconClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cockpit_symbolic_icon_finalize;
  object_class->get_property = cockpit_symbolic_icon_get_property;
  object_class->set_property = cockpit_symbolic_icon_set_property;

  widget_class->measure = cockpit_symbolic_icon_measure;
  widget_class->snapshot = cockpit_symbolic_icon_snapshot;
  widget_class->css_changed = cockpit_symbolic_icon_css_changed;
  widget_class->direction_changed = cockpit_symbolic_icon_direction_changed;

  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Styled and read as an image. */
  gtk_widget_class_set_css_name (widget_class, "image");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cockpit_symbolic_icon_init (CockpitSymbolicIcon *self)
{
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_cb), self);
}
