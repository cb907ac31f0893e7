/* cockpit-activity-cells.c: how an activity entry looks: the table's cells and the details pane.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-activity-page-private.h"
#include "cockpit-symbolic-icon.h"
#include "cockpit-text-cell.h"
#include "cockpit-widget-util.h"

/* Texts */


static const char *
type_icon_name (CockpitEntryType type)
{
  switch (type)
    {
    case COCKPIT_ENTRY_TYPE_WARNING:
      return "dialog-warning-symbolic";
    case COCKPIT_ENTRY_TYPE_ERROR:
      return "dialog-error-symbolic";
    case COCKPIT_ENTRY_TYPE_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
type_css_class (CockpitEntryType type)
{
  switch (type)
    {
    case COCKPIT_ENTRY_TYPE_WARNING:
      return "warning";
    case COCKPIT_ENTRY_TYPE_ERROR:
      return "error";
    case COCKPIT_ENTRY_TYPE_INFO:
    default:
      return "info";
    }
}

static const char *
type_label (CockpitEntryType type)
{
  switch (type)
    {
    case COCKPIT_ENTRY_TYPE_WARNING:
      return _("Warning");
    case COCKPIT_ENTRY_TYPE_ERROR:
      return _("Error");
    case COCKPIT_ENTRY_TYPE_INFO:
    default:
      return _("Info");
    }
}

static const char *
affects_label (CockpitEnvironmentKind kind)
{
  /* An entry about the whole package affects no one environment. */
  return kind == COCKPIT_ENVIRONMENT_KIND_NONE ? "—" : cockpit_environment_kind_get_label (kind);
}

static char *
format_time (GDateTime *time,
             gboolean   utc)
{
  if (time == NULL)
    return g_strdup ("—");

  /* In the user's time zone, like every other date of the app, or in UTC
   * to compare with the cockpit's. */
  return cockpit_format_date_time (time, utc ? COCKPIT_DATE_UTC : COCKPIT_DATE_WITH_YEAR);
}

static gboolean
show_utc (CockpitActivityPage *self)
{
  return gtk_toggle_button_get_active (self->utc_button);
}

/* Cells
 *
 * Each cell's tooltip is made when the pointer rests on the cell
 * (::query-tooltip), not set when a row is bound: in GTK 4.8,
 * gtk_widget_set_tooltip_text() on a shown widget asks the display where
 * the pointer is, one round trip to the X server per cell, and binding a
 * page of 100 rows set 400 of them (docs/performance.md). */

static gboolean
show_tooltip (GtkTooltip *tooltip,
              char       *text)
{
  g_autofree char *owned = text;

  if (owned == NULL || *owned == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, owned);
  return TRUE;
}

static CockpitActivityPage *
page_of (GtkWidget *cell)
{
  return COCKPIT_ACTIVITY_PAGE (gtk_widget_get_ancestor (cell, COCKPIT_TYPE_ACTIVITY_PAGE));
}

static gboolean
type_tooltip_cb (GtkWidget   *image,
                 int          x,
                 int          y,
                 gboolean     keyboard,
                 GtkTooltip  *tooltip,
                 GtkListItem *item)
{
  CockpitActivityEntry *entry = gtk_list_item_get_item (item);

  return entry != NULL &&
         show_tooltip (tooltip, g_strdup (type_label (cockpit_activity_entry_get_entry_type (entry))));
}

static gboolean
activity_tooltip_cb (GtkWidget   *label,
                     int          x,
                     int          y,
                     gboolean     keyboard,
                     GtkTooltip  *tooltip,
                     GtkListItem *item)
{
  CockpitActivityEntry *entry = gtk_list_item_get_item (item);

  /* The whole text, also in the details. */
  return entry != NULL && show_tooltip (tooltip, cockpit_activity_entry_dup_display_activity (entry));
}

static gboolean
by_tooltip_cb (GtkWidget   *label,
               int          x,
               int          y,
               gboolean     keyboard,
               GtkTooltip  *tooltip,
               GtkListItem *item)
{
  CockpitActivityEntry *entry = gtk_list_item_get_item (item);

  return entry != NULL && show_tooltip (tooltip, g_strdup (cockpit_activity_entry_get_by (entry)));
}

static gboolean
on_tooltip_cb (GtkWidget   *label,
               int          x,
               int          y,
               gboolean     keyboard,
               GtkTooltip  *tooltip,
               GtkListItem *item)
{
  CockpitActivityEntry *entry = gtk_list_item_get_item (item);
  CockpitActivityPage *self = page_of (label);

  /* The time in the other of local time and UTC. */
  return entry != NULL && self != NULL &&
         show_tooltip (tooltip, format_time (cockpit_activity_entry_get_at (entry), !show_utc (self)));
}

static void
set_cell_tooltip (GtkListItem *item,
                  GtkWidget   *cell,
                  GCallback    query_cb)
{
  gtk_widget_set_has_tooltip (cell, TRUE);
  g_signal_connect_object (cell, "query-tooltip", query_cb, item, 0);
}

static void
type_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CockpitActivityPage      *self)
{
  GtkWidget *image = cockpit_symbolic_icon_new ();

  /* Under the start of the column's title, like the texts. */
  gtk_widget_set_halign (image, GTK_ALIGN_START);
  gtk_widget_add_css_class (image, "type-icon");
  set_cell_tooltip (item, image, G_CALLBACK (type_tooltip_cb));
  gtk_list_item_set_child (item, image);
}

static void
type_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CockpitActivityPage      *self)
{
  CockpitActivityEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *image = gtk_list_item_get_child (item);
  CockpitEntryType type = cockpit_activity_entry_get_entry_type (entry);
  const char *classes[] = { "type-icon", type_css_class (type), NULL };

  cockpit_symbolic_icon_set_icon_name (COCKPIT_SYMBOLIC_ICON (image), type_icon_name (type));
  gtk_widget_set_css_classes (image, classes);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, type_label (type),
                                  -1);
}

/* Not a GtkLabel: see cockpit-text-cell.c. */
static GtkWidget *
new_text_cell (void)
{
  return cockpit_text_cell_new ();
}

static void
set_cell_text (GtkListItem *item,
               const char  *text)
{
  cockpit_text_cell_set_text (COCKPIT_TEXT_CELL (gtk_list_item_get_child (item)), text);
}

/* A text cell in @item; with @query_cb, its tooltip made when asked. */
static void
add_text_cell (GtkListItem *item,
               GCallback    query_cb)
{
  GtkWidget *label = new_text_cell ();

  if (query_cb != NULL)
    set_cell_tooltip (item, label, query_cb);
  gtk_list_item_set_child (item, label);
}

static void
text_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CockpitActivityPage      *self)
{
  add_text_cell (item, NULL);
}

static void
activity_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   CockpitActivityPage      *self)
{
  add_text_cell (item, G_CALLBACK (activity_tooltip_cb));
}

static void
by_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CockpitActivityPage      *self)
{
  add_text_cell (item, G_CALLBACK (by_tooltip_cb));
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CockpitActivityPage      *self)
{
  add_text_cell (item, G_CALLBACK (on_tooltip_cb));
}

static void
activity_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  CockpitActivityPage      *self)
{
  CockpitActivityEntry *entry = gtk_list_item_get_item (item);
  g_autofree char *activity = cockpit_activity_entry_dup_display_activity (entry);

  set_cell_text (item, activity);
}

static void
affects_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 CockpitActivityPage      *self)
{
  CockpitActivityEntry *entry = gtk_list_item_get_item (item);

  set_cell_text (item, affects_label (cockpit_activity_entry_get_affects (entry)));
}

static void
by_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            CockpitActivityPage      *self)
{
  CockpitActivityEntry *entry = gtk_list_item_get_item (item);

  set_cell_text (item, cockpit_activity_entry_get_by (entry));
}

static void
update_on_cell (CockpitActivityPage *self,
                GtkListItem         *item)
{
  CockpitActivityEntry *entry = gtk_list_item_get_item (item);
  g_autofree char *shown = NULL;

  if (entry == NULL || gtk_list_item_get_child (item) == NULL)
    return;
  shown = format_time (cockpit_activity_entry_get_at (entry), show_utc (self));
  set_cell_text (item, shown);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            CockpitActivityPage      *self)
{
  /* Remembered, so that the UTC toggle can change the shown cells. */
  g_hash_table_add (self->on_labels, item);
  update_on_cell (self, item);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CockpitActivityPage      *self)
{
  g_hash_table_remove (self->on_labels, item);
}

/* Details */

static void
set_value (GtkLabel   *label,
           const char *value)
{
  gboolean known = value != NULL && *value != '\0';

  /* Shortened in a narrow window, whole in the tooltip. */
  gtk_label_set_text (label, known ? value : "—");
  cockpit_widget_set_tooltip_text (GTK_WIDGET (label), known ? value : NULL);
}

/* GTK 4.8's revealer measures its child even when it is hidden (and then
 * counts it as nothing): the pane, a dozen labels, was measured in every
 * layout of the page.  So it is hidden from the template on, shown as it
 * is revealed and hidden again once it has slid away. */
static void
details_revealed_cb (CockpitActivityPage *self)
{
  if (!gtk_revealer_get_reveal_child (self->details_revealer) &&
      !gtk_revealer_get_child_revealed (self->details_revealer))
    gtk_widget_set_visible (gtk_revealer_get_child (self->details_revealer), FALSE);
}

void
_cockpit_activity_page_update_details (CockpitActivityPage *self)
{
  /* No details of the previous filter's rows, shown until the new
   * filter's first page replaces them. */
  CockpitActivityEntry *entry = self->stale ? NULL : gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *started = NULL;
  g_autofree char *finished = NULL;
  g_autofree char *activity = NULL;
  CockpitEntryType type;
  const char *classes[] = { "type-icon", NULL, NULL };

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.close-details", entry != NULL);
  if (entry != NULL)
    gtk_widget_set_visible (gtk_revealer_get_child (self->details_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->details_revealer, entry != NULL);
  if (entry == NULL)
    return;

  type = cockpit_activity_entry_get_entry_type (entry);
  classes[1] = type_css_class (type);
  gtk_image_set_from_icon_name (self->details_icon, type_icon_name (type));
  gtk_widget_set_css_classes (GTK_WIDGET (self->details_icon), classes);
  cockpit_widget_set_tooltip_text (GTK_WIDGET (self->details_icon), type_label (type));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->details_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, type_label (type),
                                  -1);

  started = format_time (cockpit_activity_entry_get_started_at (entry), show_utc (self));
  finished = format_time (cockpit_activity_entry_get_finished_at (entry), show_utc (self));
  activity = cockpit_activity_entry_dup_display_activity (entry);
  set_value (self->details_activity, activity);
  set_value (self->details_started, started);
  set_value (self->details_finished, finished);
  set_value (self->details_bundle, cockpit_activity_entry_get_bundle (entry));
  set_value (self->details_action_id, cockpit_activity_entry_get_action_id (entry));
}

static void
row_activated_cb (GtkColumnView       *column_view,
                  guint                position,
                  CockpitActivityPage *self)
{
  if (self->stale)
    return;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  _cockpit_activity_page_update_details (self);
}

static void
utc_toggled_cb (GtkToggleButton     *button,
                GParamSpec          *pspec,
                CockpitActivityPage *self)
{
  GHashTableIter iter;
  gpointer item;

  if (self->disposed || self->on_labels == NULL)
    return;

  g_hash_table_iter_init (&iter, self->on_labels);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_on_cell (self, item);
  if (self->selection != NULL)
    _cockpit_activity_page_update_details (self);
}

void
_cockpit_activity_page_class_init_cells (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, utc_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, activity_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, by_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, activity_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, affects_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, by_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_revealed_cb);
}
