/* cockpit-fleet-cell.c: one cell of the fleet's table, or one two-line row of its narrow list.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cell shows its row's values as words and follows the row's "changed"
 * signal, so a change of one environment sets the labels of its own cells
 * and nothing else: no rebinding, no other row drawn again.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "cockpit-fleet-cell.h"
#include "cockpit-fleet-words.h"

struct _CockpitFleetCell
{
  GtkWidget parent_instance;

  /* In the table, a cell draws its two lines itself: GTK 4.8's column
   * view makes all 150 rows at once, and a label in a cell was twice the
   * widgets of a plain table.  The narrow list's row is a box of two
   * labels, the second one wrapping.  The icon is made when first needed. */
  GtkWidget       *icon;
  GtkWidget       *box;
  GtkWidget       *title;
  GtkWidget       *subtitle;
  PangoLayout     *layout;
  PangoAttrList   *attributes;
  char            *text;
  int              text_x;
  GtkIconPaintable *warning;        /* the table's attention icon, drawn here */
  PangoFontDescription *font;       /* the layout's font and resolution */
  double           resolution;

  /* What is shown */
  char            *title_text;
  char            *subtitle_text;
  char            *tooltip;         /* made into GTK's tooltip when asked for */

  /* Owned references */
  CockpitFleetRow *row;
  gulong           changed_handler;
  guint            column;
};

G_DEFINE_FINAL_TYPE (CockpitFleetCell, cockpit_fleet_cell, GTK_TYPE_WIDGET)

static guint snapshot_count;

guint
cockpit_fleet_cell_get_snapshot_count (void)
{
  return snapshot_count;
}

/* Drawing the table's cells ------------------------------------------------------ */

static PangoLayout *
ensure_layout (CockpitFleetCell *self)
{
  if (self->layout == NULL)
    {
      PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));

      g_clear_pointer (&self->font, pango_font_description_free);
      self->font = pango_font_description_copy (pango_context_get_font_description (context));
      self->resolution = pango_cairo_context_get_resolution (context);
      self->layout = pango_layout_new (context);
      pango_layout_set_text (self->layout, self->text ? self->text : "", -1);
      pango_layout_set_attributes (self->layout, self->attributes);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
    }
  return self->layout;
}

/* Every cell of the table shows two lines, the second one small, so all
 * the cells of one font are as high: that height is found once per font,
 * and a cell is measured without laying its own text out.  The table
 * measures all its cells as it opens (1,200 in the large seed) and shows
 * a tenth of them; their layouts were a fifth of opening it (callgrind). */
static int
two_lines_height (PangoContext *context)
{
  static PangoFontDescription *font;
  static double resolution;
  static int height;
  const PangoFontDescription *wanted = pango_context_get_font_description (context);
  double wanted_resolution = pango_cairo_context_get_resolution (context);

  if (font == NULL || resolution != wanted_resolution || !pango_font_description_equal (font, wanted))
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      PangoAttrList *attributes = pango_attr_list_new ();
      PangoAttribute *size = pango_attr_scale_new (PANGO_SCALE_SMALL);

      size->start_index = strlen ("Ag\n");
      size->end_index = G_MAXUINT;
      pango_attr_list_insert (attributes, size);
      pango_layout_set_text (layout, "Ag\nAg", -1);
      pango_layout_set_attributes (layout, attributes);
      pango_attr_list_unref (attributes);
      pango_layout_get_pixel_size (layout, NULL, &height);
      g_clear_pointer (&font, pango_font_description_free);
      font = pango_font_description_copy (wanted);
      resolution = wanted_resolution;
    }
  return height;
}

#define ICON_SIZE 16
#define ICON_GAP  6


static void
cockpit_fleet_cell_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  CockpitFleetCell *self = COCKPIT_FLEET_CELL (widget);
  int icon_min = 0, icon_nat = 0, height;

  if (self->box != NULL)
    {
      gtk_widget_measure (self->box, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
      return;
    }

  if (self->warning != NULL)
    icon_min = icon_nat = ICON_SIZE;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* The text ellipsizes in a column of fixed width: it needs room for
       * the icon only, and asks for no more (laying the text out to say
       * how wide it would like to be cost as much as drawing it). */
      *minimum = *natural = self->warning != NULL ? icon_min + ICON_GAP : 0;
    }
  else
    {
      height = two_lines_height (gtk_widget_get_pango_context (widget));
      *minimum = *natural = MAX (height, icon_nat);
    }
}

static void
cockpit_fleet_cell_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  CockpitFleetCell *self = COCKPIT_FLEET_CELL (widget);

  if (self->box != NULL)
    {
      gtk_widget_allocate (self->box, width, height, baseline, NULL);
      return;
    }

  self->text_x = self->warning != NULL ? ICON_SIZE + ICON_GAP : 0;
  pango_layout_set_width (ensure_layout (self), MAX (width - self->text_x, 0) * PANGO_SCALE);
}

static void
cockpit_fleet_cell_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  CockpitFleetCell *self = COCKPIT_FLEET_CELL (widget);
  GdkRGBA color;

  snapshot_count++;
  if (self->box != NULL)
    {
      gtk_widget_snapshot_child (widget, self->box, snapshot);
      return;
    }

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  if (self->warning != NULL)
    {
      /* In the style's warning colour, as libadwaita's .warning would. */
      GdkRGBA colors[4] = { color, color, color, color };

      if (gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "warning_color", &colors[0]))
        colors[2] = colors[0];
      gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (self->warning), snapshot,
                                                ICON_SIZE, ICON_SIZE, colors, G_N_ELEMENTS (colors));
    }
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->text_x, 0));
  gtk_snapshot_append_layout (snapshot, ensure_layout (self), &color);
  gtk_snapshot_restore (snapshot);
}

static void
cockpit_fleet_cell_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  CockpitFleetCell *self = COCKPIT_FLEET_CELL (widget);

  GTK_WIDGET_CLASS (cockpit_fleet_cell_parent_class)->css_changed (widget, change);
  /* When the font changed, the layout is made again from the widget's
   * Pango context when next needed.  Only then: a cell's style changes as
   * it is made and given its classes, and laying its text out again each
   * time doubled the cost of opening the table. */
  if (self->layout != NULL)
    {
      PangoContext *context = gtk_widget_get_pango_context (widget);
      PangoContext *used = pango_layout_get_context (self->layout);

      if (context != used ||
          !pango_font_description_equal (pango_context_get_font_description (context), self->font) ||
          pango_cairo_context_get_resolution (context) != self->resolution)
        {
          g_clear_object (&self->layout);
          gtk_widget_queue_resize (widget);
        }
    }
}

static void
set_label (GtkWidget  *label,
           const char *text)
{
  /* Setting the same text again would still lay the label out anew. */
  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text ? text : "") != 0)
    gtk_label_set_label (GTK_LABEL (label), text ? text : "");
}

static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

/* The tooltip is kept here and given to GTK when it asks for it
 * (query_tooltip): gtk_widget_set_tooltip_text() on a shown cell costs a
 * round trip to the X server, once per cell with a tooltip as the table
 * is made (docs/performance.md).  Screen readers get it as the cell's
 * description, as GTK's own tooltip would give it. */
static void
set_tooltip (CockpitFleetCell *self,
             const char       *tooltip)
{
  if (tooltip != NULL && *tooltip == '\0')
    tooltip = NULL;
  if (g_strcmp0 (self->tooltip, tooltip) == 0)
    return;
  g_free (self->tooltip);
  self->tooltip = g_strdup (tooltip);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), tooltip != NULL);
  if (tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static gboolean
cockpit_fleet_cell_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard,
                                  GtkTooltip *tooltip)
{
  CockpitFleetCell *self = COCKPIT_FLEET_CELL (widget);

  if (self->tooltip == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->tooltip);
  return TRUE;
}

const char *
cockpit_fleet_cell_get_tooltip (CockpitFleetCell *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_CELL (self), NULL);

  return self->tooltip;
}

static void
show_icon (CockpitFleetCell *self,
           gboolean          shown)
{
  /* The table's cell draws the icon itself: a GtkImage in each of a
   * hundred cells was an eighth of opening the table (its style and its
   * icon looked up, measured and drawn as a widget of its own).  Screen
   * readers hear why in the cell's description, the tooltip. */
  if (self->box == NULL)
    {
      if ((self->warning != NULL) == shown)
        return;
      if (shown)
        {
          GtkWidget *widget = GTK_WIDGET (self);
          GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));

          self->warning = gtk_icon_theme_lookup_icon (theme, "dialog-warning-symbolic", NULL, ICON_SIZE,
                                                      gtk_widget_get_scale_factor (widget),
                                                      gtk_widget_get_direction (widget), 0);
        }
      else
        g_clear_object (&self->warning);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      return;
    }

  if (self->icon == NULL && !shown)
    return;
  if (self->icon == NULL)
    {
      self->icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (self->icon, "warning");
      gtk_widget_set_valign (self->icon, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Needs attention"), -1);
      gtk_widget_insert_after (self->icon, self->box ? self->box : GTK_WIDGET (self), NULL);
    }
  if (gtk_widget_get_visible (self->icon) != shown)
    {
      gtk_widget_set_visible (self->icon, shown);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
}

static void
show (CockpitFleetCell *self,
      const char       *title,
      const char       *subtitle,
      gboolean          error,
      gboolean          icon,
      const char       *tooltip)
{
  g_free (self->title_text);
  self->title_text = g_strdup (title);
  g_free (self->subtitle_text);
  self->subtitle_text = subtitle != NULL && *subtitle != '\0' ? g_strdup (subtitle) : NULL;

  if (self->subtitle != NULL)
    {
      /* The narrow list: two labels, the second one wraps. */
      set_label (self->title, title);
      set_label (self->subtitle, self->subtitle_text);
      gtk_widget_set_visible (self->subtitle, self->subtitle_text != NULL);
    }
  else
    {
      /* The table: both lines drawn as one text, the second smaller and
       * dim through attributes; every cell has a second line, empty or
       * not, so that all rows are as high. */
      g_autofree char *text = g_strdup_printf ("%s\n%s", title ? title : "",
                                               self->subtitle_text ? self->subtitle_text : " ");

      if (g_strcmp0 (self->text, text) != 0)
        {
          guint start = (guint) strlen (title ? title : "") + 1;
          PangoAttribute *size = pango_attr_scale_new (PANGO_SCALE_SMALL);
          PangoAttribute *alpha = pango_attr_foreground_alpha_new (65535 * 55 / 100);

          g_free (self->text);
          self->text = g_steal_pointer (&text);
          g_clear_pointer (&self->attributes, pango_attr_list_unref);
          self->attributes = pango_attr_list_new ();
          size->start_index = alpha->start_index = start;
          size->end_index = alpha->end_index = G_MAXUINT;
          pango_attr_list_insert (self->attributes, size);
          pango_attr_list_insert (self->attributes, alpha);
          /* Nothing to say is said quietly: the dash is dimmed here, in
           * the text, rather than by the dim-label class, whose opacity
           * the cells of a reused row did not always show. */
          if (g_strcmp0 (title, "—") == 0)
            {
              PangoAttribute *dim = pango_attr_foreground_alpha_new (65535 * 55 / 100);

              dim->start_index = 0;
              dim->end_index = start - 1;
              pango_attr_list_insert (self->attributes, dim);
            }
          if (self->layout != NULL)
            {
              pango_layout_set_text (self->layout, self->text, -1);
              pango_layout_set_attributes (self->layout, self->attributes);
            }
          /* Two lines in a column of fixed width: the size stays, only
           * this cell is drawn again. */
          gtk_widget_queue_draw (GTK_WIDGET (self));
          gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          self->subtitle_text ? self->text : title ? title : "", -1);
        }
    }
  set_class (self->title ? self->title : GTK_WIDGET (self), "error", error);
  /* Nothing to say is said quietly (the table's cell dims it in its text). */
  if (self->title != NULL)
    set_class (self->title, "dim-label", g_strcmp0 (title, "—") == 0);
  show_icon (self, icon);
  set_tooltip (self, tooltip);
}

static void
update (CockpitFleetCell *self)
{
  g_auto(CockpitFleetWords) words = { NULL, };

  if (self->row == NULL)
    {
      show (self, NULL, NULL, FALSE, FALSE, NULL);
      return;
    }

  cockpit_fleet_words_init (&words, self->row, self->column);
  show (self, words.title, words.subtitle, words.error, words.icon, words.tooltip);
}

/* The object ------------------------------------------------------------------ */

void
cockpit_fleet_cell_set_row (CockpitFleetCell *self,
                            CockpitFleetRow  *row)
{
  g_return_if_fail (COCKPIT_IS_FLEET_CELL (self));
  g_return_if_fail (row == NULL || COCKPIT_IS_FLEET_ROW (row));

  if (self->row == row)
    return;
  if (self->row != NULL)
    g_clear_signal_handler (&self->changed_handler, self->row);
  g_set_object (&self->row, row);
  if (row != NULL)
    self->changed_handler = g_signal_connect_swapped (row, "changed", G_CALLBACK (update), self);
  update (self);
}

CockpitFleetRow *
cockpit_fleet_cell_get_row (CockpitFleetCell *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_CELL (self), NULL);
  return self->row;
}

guint
cockpit_fleet_cell_get_column (CockpitFleetCell *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_CELL (self), 0);
  return self->column;
}

const char *
cockpit_fleet_cell_get_text (CockpitFleetCell *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_CELL (self), NULL);
  return self->title_text ? self->title_text : "";
}

const char *
cockpit_fleet_cell_get_subtitle (CockpitFleetCell *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_CELL (self), NULL);
  return self->subtitle_text;
}

static void
cockpit_fleet_cell_dispose (GObject *object)
{
  CockpitFleetCell *self = COCKPIT_FLEET_CELL (object);

  cockpit_fleet_cell_set_row (self, NULL);
  if (self->box == NULL)
    g_clear_pointer (&self->icon, gtk_widget_unparent);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (cockpit_fleet_cell_parent_class)->dispose (object);
}

static void
cockpit_fleet_cell_finalize (GObject *object)
{
  CockpitFleetCell *self = COCKPIT_FLEET_CELL (object);

  g_free (self->title_text);
  g_free (self->subtitle_text);
  g_free (self->tooltip);
  g_free (self->text);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_object (&self->warning);
  g_clear_pointer (&self->attributes, pango_attr_list_unref);

  G_OBJECT_CLASS (cockpit_fleet_cell_parent_class)->finalize (object);
}

static void
cockpit_fleet_cell_class_init (CockpitFleetCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cockpit_fleet_cell_dispose;
  object_class->finalize = cockpit_fleet_cell_finalize;
  widget_class->snapshot = cockpit_fleet_cell_snapshot;
  widget_class->measure = cockpit_fleet_cell_measure;
  widget_class->query_tooltip = cockpit_fleet_cell_query_tooltip;
  widget_class->size_allocate = cockpit_fleet_cell_size_allocate;
  widget_class->css_changed = cockpit_fleet_cell_css_changed;

  gtk_widget_class_set_css_name (widget_class, "fleetcell");
}

static void
cockpit_fleet_cell_init (CockpitFleetCell *self)
{
}

GtkWidget *
cockpit_fleet_cell_new (guint column)
{
  CockpitFleetCell *self;
  GtkWidget *lines;

  g_return_val_if_fail (column <= COCKPIT_FLEET_CELL_TWO_LINE, NULL);

  self = g_object_new (COCKPIT_TYPE_FLEET_CELL,
                       "accessible-role", column == COCKPIT_FLEET_CELL_TWO_LINE ? GTK_ACCESSIBLE_ROLE_GROUP
                                                                                 : GTK_ACCESSIBLE_ROLE_LABEL,
                       NULL);
  self->column = column;
  if (column != COCKPIT_FLEET_CELL_TWO_LINE)
    return GTK_WIDGET (self);

  /* The narrow list: the name on the first line, the rest below, wrapped
   * rather than widening the row. */
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_margin_bottom (self->box, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (lines, TRUE);
  gtk_box_append (GTK_BOX (self->box), lines);
  self->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (lines), self->title);
  self->subtitle = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (self->subtitle), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (self->subtitle, "dim-label");
  gtk_box_append (GTK_BOX (lines), self->subtitle);
  return GTK_WIDGET (self);
}
