/* cockpit-fleet-view.c: every environment of every package in one table, what needs attention first.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows are CockpitFleetModel's, filtered by a GtkFilterListModel (the
 * search over package names, a GtkStringFilter, and the Show filter) and
 * sorted by a GtkSortListModel (the column chosen, then the rows that need
 * attention first).  The model announces a changed row alone, so both
 * place that row again and the selection and the scroll position stay.
 * Wide, a GtkColumnView shows the columns; narrow, a GtkListView shows the
 * same selection as two-line rows.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-fleet-cell.h"
#include "cockpit-fleet-plan-dialog.h"
#include "cockpit-fleet-view-private.h"
#include "cockpit-widget-util.h"

static const char *const filter_names[] = {
  COCKPIT_FLEET_FILTER_ALL,
  COCKPIT_FLEET_FILTER_ATTENTION,
  COCKPIT_FLEET_FILTER_RUNNING,
  COCKPIT_FLEET_FILTER_MAINTENANCE,
};

G_DEFINE_FINAL_TYPE (CockpitFleetView, cockpit_fleet_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FILTER,
  PROP_NARROW,
  PROP_EXPORTING,
  N_PROPS
};

enum {
  OPEN_PACKAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Columns ---------------------------------------------------------------------- */

/* The widths add up, with the cells' padding, to the room a 1280 px
 * window leaves beside the sidebar (about 960 px): every column is on
 * screen without scrolling sideways, and longer texts end in "…" (the
 * whole text is in the narrow list, the tooltip and the CSV). */
static const struct {
  const char *title;
  int         width;
} columns[COCKPIT_FLEET_N_COLUMNS] = {
  [COCKPIT_FLEET_COLUMN_PACKAGE]      = { N_("Package"), 110 },
  [COCKPIT_FLEET_COLUMN_ENVIRONMENT]  = { N_("Environment"), 95 },
  [COCKPIT_FLEET_COLUMN_VERSION]      = { N_("Magnolia Version"), 125 },
  [COCKPIT_FLEET_COLUMN_LTS]          = { N_("LTS"), 155 },
  [COCKPIT_FLEET_COLUMN_BACKUP]       = { N_("Upgrade Backup"), 120 },
  [COCKPIT_FLEET_COLUMN_ACTION]       = { N_("Running Action"), 115 },
  [COCKPIT_FLEET_COLUMN_LAST_UPGRADE] = { N_("Last Upgrade"), 105 },
  [COCKPIT_FLEET_COLUMN_STATE]        = { N_("State"), 80 },
};

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  column)
{
  gtk_list_item_set_child (item, cockpit_fleet_cell_new (GPOINTER_TO_UINT (column)));
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  column)
{
  cockpit_fleet_cell_set_row (COCKPIT_FLEET_CELL (gtk_list_item_get_child (item)),
                              gtk_list_item_get_item (item));
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  column)
{
  cockpit_fleet_cell_set_row (COCKPIT_FLEET_CELL (gtk_list_item_get_child (item)), NULL);
}

static GtkListItemFactory *
cell_factory_new (guint column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (column));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), GUINT_TO_POINTER (column));
  return factory;
}

static int
compare_column_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      column)
{
  return cockpit_fleet_row_compare ((CockpitFleetRow *) a, (CockpitFleetRow *) b, GPOINTER_TO_UINT (column));
}

/* With no column chosen, and between equal ones: what needs attention first. */
static int
compare_attention_cb (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  gboolean aa = cockpit_fleet_row_get_attention ((CockpitFleetRow *) a) != COCKPIT_FLEET_ATTENTION_NONE;
  gboolean ab = cockpit_fleet_row_get_attention ((CockpitFleetRow *) b) != COCKPIT_FLEET_ATTENTION_NONE;

  return aa == ab ? GTK_ORDERING_EQUAL : aa ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
}

/* GTK 4.8 redraws a column's sort arrow only when that column's own sort
 * changes, so the column sorted by before kept its arrow: each title is
 * told again (a title set anew updates its arrow) when the sort changes. */
static void
sort_changed_cb (CockpitFleetView *self)
{
  GListModel *shown = gtk_column_view_get_columns (self->column_view);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (shown, i);
      g_autofree char *title = g_strdup (gtk_column_view_column_get_title (column));

      gtk_column_view_column_set_title (column, NULL);
      gtk_column_view_column_set_title (column, title);
    }
}

static void
add_columns (CockpitFleetView *self)
{
  for (guint i = 0; i < COCKPIT_FLEET_N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = cell_factory_new (i);
      g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (_(columns[i].title), g_steal_pointer (&factory));
      g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (compare_column_cb, GUINT_TO_POINTER (i), NULL);

      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      gtk_column_view_column_set_resizable (column, TRUE);
      /* A fixed width: a changed cell lays out its own row, never the
       * whole column. */
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_expand (column, i == COCKPIT_FLEET_COLUMN_PACKAGE);
      gtk_column_view_append_column (self->column_view, column);
    }
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sort_changed_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

/* Filtering ------------------------------------------------------------------- */

static gboolean
mode_filter_cb (gpointer item,
                gpointer user_data)
{
  CockpitFleetView *self = user_data;
  CockpitFleetRow *row = item;

  switch (self->mode)
    {
    case FILTER_ATTENTION:
      return cockpit_fleet_row_get_attention (row) != COCKPIT_FLEET_ATTENTION_NONE;
    case FILTER_RUNNING:
      return cockpit_fleet_row_get_running (row);
    case FILTER_MAINTENANCE:
      return cockpit_fleet_row_get_in_maintenance (row);
    case FILTER_ALL:
    default:
      return TRUE;
    }
}

static void
update_view (CockpitFleetView *self)
{
  const char *page;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) == 0 && self->model != NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    page = "empty";
  else
    page = self->narrow ? "list" : "table";
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), page) != 0)
    gtk_stack_set_visible_child_name (self->view_stack, page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fleet.export", self->model != NULL && !self->exporting);
}

/* The packages of the rows selected, in the order shown, each once. */
static GListStore *
selected_packages (CockpitFleetView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GListStore *packages = g_list_store_new (COCKPIT_TYPE_PACKAGE);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(CockpitFleetRow) row = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);
      CockpitPackage *package = row != NULL ? cockpit_fleet_row_get_package (row) : NULL;

      if (package != NULL && g_hash_table_add (seen, package))
        g_list_store_append (packages, package);
    }
  return packages;
}

static void
update_plan_action (CockpitFleetView *self)
{
  g_autoptr(GListStore) packages = selected_packages (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fleet.plan",
                                 self->session != NULL && g_list_model_get_n_items (G_LIST_MODEL (packages)) > 0);
}

/* The selection as the user made it: what a row that is announced again
 * (removed and added back by the sort model) gets back, since
 * GtkMultiSelection forgets it. */
static void
selection_changed_cb (CockpitFleetView *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  if (!self->restoring)
    {
      selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
      g_hash_table_remove_all (self->selected_rows);
      for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
           more = gtk_bitset_iter_next (&iter, &position))
        {
          CockpitFleetRow *row = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

          if (row != NULL)
            g_hash_table_add (self->selected_rows, row);
        }
    }
  update_plan_action (self);
}

static void
rows_changed_cb (CockpitFleetView *self,
                 guint             position,
                 guint             removed,
                 guint             added)
{
  self->restoring = TRUE;
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(CockpitFleetRow) row = g_list_model_get_item (G_LIST_MODEL (self->sort_model), i);

      if (row != NULL && g_hash_table_contains (self->selected_rows, row) &&
          !gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), i))
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, FALSE);
    }
  self->restoring = FALSE;
  update_plan_action (self);
  update_view (self);
}

static void
set_mode (CockpitFleetView *self,
          FilterMode        mode)
{
  GtkFilterChange change;

  if (self->mode == mode)
    return;

  if (self->mode == FILTER_ALL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (mode == FILTER_ALL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;
  self->mode = mode;
  gtk_filter_changed (GTK_FILTER (self->mode_filter), change);
  if (gtk_drop_down_get_selected (self->filter_dropdown) != (guint) mode)
    gtk_drop_down_set_selected (self->filter_dropdown, mode);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
  update_view (self);
}

static void
filter_selected_cb (CockpitFleetView *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);

  if (selected < G_N_ELEMENTS (filter_names))
    set_mode (self, selected);
}

static void
search_changed_cb (CockpitFleetView *self)
{
  gtk_string_filter_set_search (self->search_filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

const char *
cockpit_fleet_view_get_filter (CockpitFleetView *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_VIEW (self), NULL);
  return filter_names[self->mode];
}

void
cockpit_fleet_view_set_filter (CockpitFleetView *self,
                               const char       *filter)
{
  g_return_if_fail (COCKPIT_IS_FLEET_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (filter_names); i++)
    if (g_strcmp0 (filter, filter_names[i]) == 0)
      {
        set_mode (self, i);
        return;
      }
  g_warning ("No such fleet filter: %s", filter);
}

/* Live updates ------------------------------------------------------------------ */

/* A row changed: its cells have redrawn themselves.  The filter and sort
 * models hear of it only when the row no longer sits where it should:
 * when it now passes the filter or no longer does, or is out of order
 * with a neighbour.  Otherwise the list is left alone, since any
 * items-changed makes GTK 4.8's list views draw every row again. */
static gboolean
announce_cb (CockpitFleetModel *model,
             CockpitFleetRow   *row,
             gpointer           user_data)
{
  CockpitFleetView *self = user_data;
  GListModel *shown = G_LIST_MODEL (self->sort_model);
  GtkSorter *sorter = gtk_sort_list_model_get_sorter (self->sort_model);
  gboolean matches = gtk_filter_match (gtk_filter_list_model_get_filter (self->filter_model), row);
  guint n = g_list_model_get_n_items (shown);
  guint position = G_MAXUINT;

  for (guint i = 0; i < n && position == G_MAXUINT; i++)
    {
      g_autoptr(CockpitFleetRow) item = g_list_model_get_item (shown, i);

      if (item == row)
        position = i;
    }
  if (position == G_MAXUINT)
    return matches;
  if (!matches)
    return TRUE;

  if (position > 0)
    {
      g_autoptr(CockpitFleetRow) before = g_list_model_get_item (shown, position - 1);

      if (gtk_sorter_compare (sorter, before, row) == GTK_ORDERING_LARGER)
        return TRUE;
    }
  if (position + 1 < n)
    {
      g_autoptr(CockpitFleetRow) after = g_list_model_get_item (shown, position + 1);

      if (gtk_sorter_compare (sorter, row, after) == GTK_ORDERING_LARGER)
        return TRUE;
    }
  return FALSE;
}

/* Opening a package ------------------------------------------------------------- */

static void
activate_cb (CockpitFleetView *self,
             guint             position)
{
  g_autoptr(CockpitFleetRow) row = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (row == NULL)
    return;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  g_signal_emit (self, signals[OPEN_PACKAGE], 0,
                 cockpit_package_get_id (cockpit_fleet_row_get_package (row)));
}

/* Planning several packages ----------------------------------------------------- */

static void
plan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CockpitFleetView *self = COCKPIT_FLEET_VIEW (widget);
  g_autoptr(GListStore) packages = selected_packages (self);
  CockpitFleetPlanDialog *dialog;

  if (self->session == NULL || g_list_model_get_n_items (G_LIST_MODEL (packages)) == 0)
    return;
  dialog = cockpit_fleet_plan_dialog_new (cockpit_widget_get_window (widget), self->session, G_LIST_MODEL (packages));
  cockpit_widget_present_dialog (&self->plan_dialog, GTK_WINDOW (dialog));
}

/* Public ------------------------------------------------------------------------ */

/* The rows are made when the view is first on screen, not with the
 * session: a start that shows one package does not follow every
 * environment of every package for a table nobody looks at, nor ask each
 * package for its last action (docs/performance.md). */
static void
ensure_model (CockpitFleetView *self)
{
  if (self->model != NULL || self->session == NULL)
    return;
  self->model = cockpit_fleet_model_new_for_session (self->session);
  cockpit_fleet_model_set_announce_func (self->model, announce_cb, self);
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->model));
  update_plan_action (self);
  update_view (self);
}

static void
cockpit_fleet_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cockpit_fleet_view_parent_class)->map (widget);
  ensure_model (COCKPIT_FLEET_VIEW (widget));
}

gboolean
cockpit_fleet_view_get_following (CockpitFleetView *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_VIEW (self), FALSE);

  return self->model != NULL;
}

void
cockpit_fleet_view_set_session (CockpitFleetView *self,
                                CockpitSession   *session)
{
  g_return_if_fail (COCKPIT_IS_FLEET_VIEW (self));
  g_return_if_fail (session == NULL || COCKPIT_IS_SESSION (session));

  if (self->session == session)
    return;

  g_set_object (&self->session, session);
  if (self->model != NULL)
    cockpit_fleet_model_set_announce_func (self->model, NULL, NULL);
  g_clear_object (&self->model);
  gtk_filter_list_model_set_model (self->filter_model, NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_model (self);
  update_plan_action (self);
  update_view (self);
}

void
cockpit_fleet_view_tick (CockpitFleetView *self)
{
  g_return_if_fail (COCKPIT_IS_FLEET_VIEW (self));

  if (self->model != NULL)
    cockpit_fleet_model_tick (self->model);
}

void
cockpit_fleet_view_set_narrow (CockpitFleetView *self,
                               gboolean          narrow)
{
  g_return_if_fail (COCKPIT_IS_FLEET_VIEW (self));

  narrow = !!narrow;
  if (self->narrow == narrow)
    return;
  self->narrow = narrow;
  /* Narrow, the search takes a line and the controls the next. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->toolbar),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->filter_dropdown), narrow);
  /* At 360 px the button keeps its icon; its name stays in the tooltip. */
  if (narrow)
    gtk_button_set_icon_name (self->plan_button, "appointment-new-symbolic");
  else
    gtk_button_set_label (self->plan_button, _("Plan an Upgrade…"));
  update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
}

gboolean
cockpit_fleet_view_get_narrow (CockpitFleetView *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_VIEW (self), FALSE);
  return self->narrow;
}

void
cockpit_fleet_view_focus_search (CockpitFleetView *self)
{
  g_return_if_fail (COCKPIT_IS_FLEET_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GListModel *
cockpit_fleet_view_get_rows (CockpitFleetView *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_VIEW (self), NULL);
  return G_LIST_MODEL (self->sort_model);
}

GtkWidget *
cockpit_fleet_view_get_plan_dialog (CockpitFleetView *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_VIEW (self), NULL);

  return GTK_WIDGET (self->plan_dialog);
}

GListModel *
cockpit_fleet_view_dup_selected_packages (CockpitFleetView *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_VIEW (self), NULL);

  return G_LIST_MODEL (selected_packages (self));
}

GtkSelectionModel *
cockpit_fleet_view_get_selection (CockpitFleetView *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_VIEW (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

GtkColumnView *
cockpit_fleet_view_get_column_view (CockpitFleetView *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_VIEW (self), NULL);
  return self->column_view;
}

GtkListView *
cockpit_fleet_view_get_list_view (CockpitFleetView *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_VIEW (self), NULL);
  return self->list_view;
}

GtkEditable *
cockpit_fleet_view_get_search_entry (CockpitFleetView *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_VIEW (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

/* The object --------------------------------------------------------------------- */

static void
empty_shown_cb (AdwStatusPage *page)
{
  /* Set once shown: a big icon looked up on a page never shown would
   * load the SVG loader for nothing (docs/performance.md). */
  adw_status_page_set_icon_name (page, "edit-find-symbolic");
}

static void
cockpit_fleet_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CockpitFleetView *self = COCKPIT_FLEET_VIEW (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_string (value, cockpit_fleet_view_get_filter (self));
      break;
    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;
    case PROP_EXPORTING:
      g_value_set_boolean (value, self->exporting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_fleet_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CockpitFleetView *self = COCKPIT_FLEET_VIEW (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      cockpit_fleet_view_set_filter (self, g_value_get_string (value));
      break;
    case PROP_NARROW:
      cockpit_fleet_view_set_narrow (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_fleet_view_dispose (GObject *object)
{
  CockpitFleetView *self = COCKPIT_FLEET_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  if (self->sort_model != NULL)
    g_signal_handlers_disconnect_by_data (self->sort_model, self);
  if (self->model != NULL)
    cockpit_fleet_model_set_announce_func (self->model, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COCKPIT_TYPE_FLEET_VIEW);
  g_clear_weak_pointer (&self->plan_dialog);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->selected_rows, g_hash_table_unref);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->mode_filter);
  g_clear_object (&self->model);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (cockpit_fleet_view_parent_class)->dispose (object);
}

static void
cockpit_fleet_view_finalize (GObject *object)
{
  CockpitFleetView *self = COCKPIT_FLEET_VIEW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cockpit_fleet_view_parent_class)->finalize (object);
}

static void
cockpit_fleet_view_class_init (CockpitFleetViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cockpit_fleet_view_dispose;
  object_class->finalize = cockpit_fleet_view_finalize;
  object_class->get_property = cockpit_fleet_view_get_property;
  object_class->set_property = cockpit_fleet_view_set_property;
  widget_class->map = cockpit_fleet_view_map;

  properties[PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL, COCKPIT_FLEET_FILTER_ALL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* An export is being written (cockpit-fleet-view-export.c sets it); the
   * view follows it to disable "fleet.export" meanwhile. */
  properties[PROP_EXPORTING] =
    g_param_spec_boolean ("exporting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The package of an activated row is to be opened. */
  signals[OPEN_PACKAGE] = g_signal_new ("open-package", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cockpit-fleet-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetView, controls_box);
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetView, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetView, plan_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetView, list_view);
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetView, empty_status);
  gtk_widget_class_bind_template_child_full (widget_class, "export_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  gtk_widget_class_install_property_action (widget_class, "fleet.filter", "filter");
  _cockpit_fleet_view_class_init_export (widget_class);
  gtk_widget_class_install_action (widget_class, "fleet.plan", NULL, plan_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fleetview");
}

/* The tooltips of the template's children (cockpit-widget-util.c says
 * why they are not in the .ui file). */
static const char * const template_tooltips[] = {
  "filter_dropdown", N_("Show"),
  "plan_button", N_("Plan an Upgrade of the Selected Packages…"),
  "export_button", N_("Export as CSV…"),
  NULL
};

static void
cockpit_fleet_view_init (CockpitFleetView *self)
{
  g_autoptr(GtkListItemFactory) row_factory = cell_factory_new (COCKPIT_FLEET_CELL_TWO_LINE);
  g_autoptr(GtkCustomSorter) attention = NULL;
  GtkMultiSorter *sorter;
  GtkEveryFilter *filter;

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  cockpit_widget_set_template_tooltips (GTK_WIDGET (self), COCKPIT_TYPE_FLEET_VIEW, template_tooltips);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  add_columns (self);

  /* Search over package names, with GTK's own string filter. */
  self->search_filter = gtk_string_filter_new (gtk_property_expression_new (COCKPIT_TYPE_FLEET_ROW, NULL,
                                                                            "package-name"));
  gtk_string_filter_set_match_mode (self->search_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->search_filter, TRUE);
  self->mode_filter = gtk_custom_filter_new (mode_filter_cb, self, NULL);
  filter = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter), g_object_ref (GTK_FILTER (self->search_filter)));
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter), g_object_ref (GTK_FILTER (self->mode_filter)));
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));

  /* The column chosen, then what needs attention first. */
  sorter = gtk_multi_sorter_new ();
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  attention = gtk_custom_sorter_new (compare_attention_cb, NULL, NULL);
  gtk_multi_sorter_append (sorter, GTK_SORTER (g_steal_pointer (&attention)));
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filter_model)), GTK_SORTER (sorter));

  /* Rows of several packages can be selected, to plan them at once. */
  self->selected_rows = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->sort_model)));
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_factory (self->list_view, row_factory);
  g_signal_connect_swapped (self->sort_model, "items-changed", G_CALLBACK (rows_changed_cb), self);
  g_signal_connect (self->empty_status, "map", G_CALLBACK (empty_shown_cb), NULL);
  g_signal_connect (self, "notify::exporting", G_CALLBACK (update_view), NULL);
  update_plan_action (self);
  update_view (self);
}

GtkWidget *
cockpit_fleet_view_new (void)
{
  return g_object_new (COCKPIT_TYPE_FLEET_VIEW, NULL);
}
