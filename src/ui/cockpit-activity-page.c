/* cockpit-activity-page.c: the activity log of a package, filtered and searched on the server, page by page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Filters and search go to the server: each change empties the list and
 * loads the first page again.  Each such reset starts a new generation
 * with its own GCancellable, so an answer for an older filter is dropped
 * even when it arrives after the cancel.  Further pages load as the list
 * nears its bottom; only what has been loaded is in the model, and the
 * GtkColumnView recycles its rows, so a log of 100,000 entries stays as
 * light as one of a hundred.
 *
 * GtkColumnView of GTK 4.8 has no expandable rows.  Rather than a
 * GtkTreeListModel with a fake "details" child per entry (which would
 * make every column deal with two kinds of rows), the selected entry's
 * details show in a pane that slides up below the list: the whole text,
 * started, finished, bundle and action id, all selectable.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cockpit-activity-page.h"
#include "cockpit-activity-csv.h"

/* Entries per page while scrolling. */
#define PAGE_SIZE         100
/* The next page is loaded when less than this much, or less than one
 * screen, is left below what is shown. */
#define PRELOAD_PIXELS    600.0

struct _CockpitActivityPage
{
  GtkWidget               parent_instance;

  /* Template widgets */
  GtkWidget              *content;
  AdwToastOverlay        *toast_overlay;
  GtkSearchEntry         *search_entry;
  GtkDropDown            *type_dropdown;
  GtkDropDown            *affects_dropdown;
  GtkToggleButton        *utc_button;
  GtkStack               *stack;
  GtkScrolledWindow      *scroller;
  GtkColumnView          *column_view;
  GtkWidget              *footer;
  GtkSpinner             *footer_spinner;
  GtkLabel               *footer_label;
  GtkWidget              *footer_retry;
  GtkSpinner             *loading_spinner;
  AdwStatusPage          *empty_page;
  GtkWidget              *clear_button;
  AdwStatusPage          *error_page;
  GtkRevealer            *details_revealer;
  GtkImage               *details_icon;
  GtkLabel               *details_activity;
  GtkLabel               *details_started;
  GtkLabel               *details_finished;
  GtkLabel               *details_bundle;
  GtkLabel               *details_action_id;

  /* Owned references */
  CockpitClient          *client;
  char                   *package_id;
  GSettings              *settings;
  GListStore             *entries;
  GtkSingleSelection     *selection;
  GCancellable           *cancellable;         /* the current filter's requests */
  GCancellable           *export_cancellable;
  GtkNativeDialog        *chooser;
  GHashTable             *on_labels;           /* GtkListItem of the On column, bound */

  /* The filter shown, and how far it is loaded */
  int                     type;
  CockpitEnvironmentKind  affects;
  char                   *query;
  guint                   generation;
  char                   *cursor;
  GError                 *error;
  gboolean                loading;
  gboolean                at_end;

  /* State */
  gboolean                exporting;
  gboolean                syncing;             /* set_filter() moves the widgets */
  gboolean                disposed;
  guint                   check_id;
};

G_DEFINE_FINAL_TYPE (CockpitActivityPage, cockpit_activity_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_PACKAGE_ID,
  PROP_SETTINGS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_more (CockpitActivityPage *self);

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

static gboolean
has_filter (CockpitActivityPage *self)
{
  return self->type >= 0 || self->affects != COCKPIT_ENVIRONMENT_KIND_NONE || self->query != NULL;
}

/* The search text as it goes to the server: no surrounding spaces, and
 * NULL rather than empty. */
static char *
normalize_query (const char *query)
{
  g_autofree char *copy = g_strstrip (g_strdup (query ? query : ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

/* The view */

static void
set_loading (CockpitActivityPage *self,
             gboolean             loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
update_view (CockpitActivityPage *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  const char *page;
  gboolean footer_error;

  if (self->disposed)
    return;

  if (n_items > 0)
    page = "list";
  else if (self->error != NULL)
    page = "error";
  else if (!self->at_end)
    page = "loading";
  else
    page = "empty";

  if (self->error != NULL)
    adw_status_page_set_description (self->error_page, self->error->message);

  if (has_filter (self))
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Entries Match the Filter"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try other words, another type or another environment."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "document-open-recent-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Activity"));
      adw_status_page_set_description (self->empty_page,
                                       _("Upgrades, backups and other changes of this package will be listed here."));
    }
  gtk_widget_set_visible (self->clear_button, has_filter (self));

  /* Below a list that is already there: more on its way, or why not. */
  footer_error = self->error != NULL && n_items > 0;
  gtk_widget_set_visible (self->footer, n_items > 0 && (self->loading || footer_error));
  gtk_widget_set_visible (GTK_WIDGET (self->footer_spinner), !footer_error);
  gtk_spinner_set_spinning (self->footer_spinner, n_items > 0 && self->loading);
  gtk_widget_set_visible (self->footer_retry, footer_error);
  if (footer_error)
    {
      g_autofree char *text = g_strdup_printf (_("Could not load more entries. %s"), self->error->message);

      gtk_label_set_text (self->footer_label, text);
    }
  else
    gtk_label_set_text (self->footer_label, _("Loading more entries…"));

  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (page, "loading"));
  gtk_stack_set_visible_child_name (self->stack, page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.retry", self->error != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.clear-filters", has_filter (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.export", !self->exporting);
}

/* Loading */

typedef struct {
  GWeakRef      self;
  GCancellable *cancellable;
  guint         generation;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_weak_ref_clear (&data->self);
  g_clear_object (&data->cancellable);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static void
append_page (CockpitActivityPage *self,
             GListModel          *page)
{
  guint n_items = g_list_model_get_n_items (page);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (items, g_list_model_get_item (page, i));
  g_list_store_splice (self->entries, g_list_model_get_n_items (G_LIST_MODEL (self->entries)), 0,
                       items->pdata, n_items);
}

static gboolean
check_more_cb (gpointer user_data)
{
  CockpitActivityPage *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double page_size = gtk_adjustment_get_page_size (adjustment);
  double left;

  self->check_id = 0;

  /* Not laid out yet: the adjustment will change when it is. */
  if (page_size <= 0)
    return G_SOURCE_REMOVE;

  left = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_value (adjustment) - page_size;
  if (left < MAX (page_size, PRELOAD_PIXELS))
    load_more (self);
  return G_SOURCE_REMOVE;
}

/* Checks after the layout has settled, never in the middle of it: the
 * adjustment changes while the list is allocated. */
static void
queue_check (CockpitActivityPage *self)
{
  if (self->check_id == 0 && !self->disposed)
    self->check_id = g_idle_add (check_more_cb, self);
}

static void
adjustment_changed_cb (GtkAdjustment       *adjustment,
                       CockpitActivityPage *self)
{
  queue_check (self);
}

static void
page_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(CockpitActivityPage) self = g_weak_ref_get (&data->self);
  g_autoptr(GListStore) page = NULL;
  g_autofree char *next = NULL;
  g_autoptr(GError) error = NULL;

  page = cockpit_client_list_activity_finish (COCKPIT_CLIENT (source), result, &next, &error);

  /* Gone, cancelled, or an answer for a filter no longer shown. */
  if (self == NULL || g_cancellable_is_cancelled (data->cancellable) ||
      data->generation != self->generation || self->disposed)
    return;

  set_loading (self, FALSE);
  if (page == NULL)
    {
      self->error = g_steal_pointer (&error);
      update_view (self);
      return;
    }

  append_page (self, G_LIST_MODEL (page));
  g_free (self->cursor);
  self->cursor = g_steal_pointer (&next);
  self->at_end = self->cursor == NULL;
  update_view (self);
  queue_check (self);
}

static void
request_page (CockpitActivityPage *self)
{
  CockpitActivityQuery query = {
    .limit = PAGE_SIZE,
    .before = self->cursor,
    .type = self->type,
    .affects = self->affects,
    .query = self->query,
  };
  LoadData *data = g_new0 (LoadData, 1);

  g_weak_ref_init (&data->self, self);
  data->cancellable = g_object_ref (self->cancellable);
  data->generation = self->generation;

  set_loading (self, TRUE);
  cockpit_client_list_activity_async (self->client, self->package_id, &query, self->cancellable,
                                      page_loaded_cb, data);
  update_view (self);
}

static void
load_more (CockpitActivityPage *self)
{
  if (self->loading || self->at_end || self->error != NULL || self->client == NULL || self->disposed)
    return;
  request_page (self);
}

/* Empties the list and loads the first page of the current filter. */
static void
reset (CockpitActivityPage *self)
{
  if (self->client == NULL || self->disposed)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;

  g_clear_pointer (&self->cursor, g_free);
  g_clear_error (&self->error);
  self->at_end = FALSE;
  g_list_store_remove_all (self->entries);
  request_page (self);
}

static void
apply_filter (CockpitActivityPage    *self,
              int                     type,
              CockpitEnvironmentKind  affects,
              const char             *query)
{
  g_autofree char *normal = normalize_query (query);

  if (type == self->type && affects == self->affects && g_strcmp0 (normal, self->query) == 0)
    return;

  self->type = type;
  self->affects = affects;
  g_free (self->query);
  self->query = g_steal_pointer (&normal);
  reset (self);
}

static void
apply_widgets (CockpitActivityPage *self)
{
  guint type = gtk_drop_down_get_selected (self->type_dropdown);
  guint affects = gtk_drop_down_get_selected (self->affects_dropdown);

  if (self->syncing || self->disposed)
    return;

  /* The drop-downs list "All" first, then the enumerations in order. */
  apply_filter (self,
                type >= 1 && type <= 3 ? (int) type - 1 : -1,
                affects >= 1 && affects <= 3 ? (CockpitEnvironmentKind) affects : COCKPIT_ENVIRONMENT_KIND_NONE,
                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_changed_cb (GtkSearchEntry      *entry,
                   CockpitActivityPage *self)
{
  apply_widgets (self);
}

static void
dropdown_changed_cb (GObject             *object,
                     GParamSpec          *pspec,
                     CockpitActivityPage *self)
{
  apply_widgets (self);
}

/* Cells */

static void
type_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CockpitActivityPage      *self)
{
  GtkWidget *image = gtk_image_new ();

  /* Under the start of the column's title, like the texts. */
  gtk_widget_set_halign (image, GTK_ALIGN_START);
  gtk_widget_add_css_class (image, "type-icon");
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

  gtk_image_set_from_icon_name (GTK_IMAGE (image), type_icon_name (type));
  gtk_widget_set_css_classes (image, classes);
  gtk_widget_set_tooltip_text (image, type_label (type));
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, type_label (type),
                                  -1);
}

static void
text_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CockpitActivityPage      *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
activity_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  CockpitActivityPage      *self)
{
  CockpitActivityEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *activity = cockpit_activity_entry_dup_display_activity (entry);

  /* The whole text is in the tooltip and in the details. */
  gtk_label_set_text (GTK_LABEL (label), activity);
  gtk_widget_set_tooltip_text (label, activity);
}

static void
affects_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 CockpitActivityPage      *self)
{
  CockpitActivityEntry *entry = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      affects_label (cockpit_activity_entry_get_affects (entry)));
}

static void
by_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            CockpitActivityPage      *self)
{
  CockpitActivityEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), cockpit_activity_entry_get_by (entry));
  gtk_widget_set_tooltip_text (label, cockpit_activity_entry_get_by (entry));
}

static void
update_on_cell (CockpitActivityPage *self,
                GtkListItem         *item)
{
  CockpitActivityEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *shown = NULL;
  g_autofree char *other = NULL;

  if (entry == NULL || label == NULL)
    return;
  shown = format_time (cockpit_activity_entry_get_at (entry), show_utc (self));
  other = format_time (cockpit_activity_entry_get_at (entry), !show_utc (self));
  gtk_label_set_text (GTK_LABEL (label), shown);
  gtk_widget_set_tooltip_text (label, other);
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
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), known ? value : NULL);
}

static void
update_details (CockpitActivityPage *self)
{
  CockpitActivityEntry *entry = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *started = NULL;
  g_autofree char *finished = NULL;
  g_autofree char *activity = NULL;
  CockpitEntryType type;
  const char *classes[] = { "type-icon", NULL, NULL };

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.close-details", entry != NULL);
  gtk_revealer_set_reveal_child (self->details_revealer, entry != NULL);
  if (entry == NULL)
    return;

  type = cockpit_activity_entry_get_entry_type (entry);
  classes[1] = type_css_class (type);
  gtk_image_set_from_icon_name (self->details_icon, type_icon_name (type));
  gtk_widget_set_css_classes (GTK_WIDGET (self->details_icon), classes);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->details_icon), type_label (type));
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
selection_changed_cb (CockpitActivityPage *self)
{
  if (!self->disposed)
    update_details (self);
}

static void
row_activated_cb (GtkColumnView       *column_view,
                  guint                position,
                  CockpitActivityPage *self)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  update_details (self);
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
    update_details (self);
}

/* CSV export: cockpit-activity-csv.c writes what is loaded and the rest. */

static void
export_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (cockpit_activity_csv_export_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cockpit_activity_page_export_async (CockpitActivityPage *self,
                                    GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  CockpitActivityQuery filter = { .type = -1 };
  g_autoptr(GPtrArray) entries = NULL;
  GTask *task;
  guint n_items;

  g_return_if_fail (COCKPIT_IS_ACTIVITY_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cockpit_activity_page_export_async);

  /* What is loaded already, then the rest from where the list stands. */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  entries = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (entries, g_list_model_get_item (G_LIST_MODEL (self->entries), i));
  filter.type = self->type;
  filter.affects = self->affects;
  filter.query = self->query;
  cockpit_activity_csv_export_async (self->client, self->package_id, &filter, entries,
                                     self->at_end, self->cursor, file, cancellable, export_cb, task);
}

gboolean
cockpit_activity_page_export_finish (CockpitActivityPage  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  g_return_val_if_fail (COCKPIT_IS_ACTIVITY_PAGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cockpit_activity_page_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CockpitActivityPage *self = COCKPIT_ACTIVITY_PAGE (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (!cockpit_activity_page_export_finish (self, result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->disposed)
    return;

  self->exporting = FALSE;
  update_view (self);

  name = g_file_get_basename (file);
  if (error != NULL)
    text = g_strdup_printf (_("Could not export the activity log. %s"), error->message);
  else
    /* Translators: %s is a file name. */
    text = g_strdup_printf (_("Activity log saved as “%s”"), name);
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, error != NULL ? 0 : 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
chooser_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     CockpitActivityPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (file == NULL || self->disposed)
    return;

  self->exporting = TRUE;
  update_view (self);
  cockpit_activity_page_export_async (self, file, self->export_cancellable, export_done_cb,
                                      g_object_ref (file));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CockpitActivityPage *self = COCKPIT_ACTIVITY_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  g_autofree char *package = g_strdup (self->package_id ? self->package_id : "package");
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL || self->exporting)
    return;

  /* Only letters, digits and dashes of the id reach the file name. */
  g_strcanon (package, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", '-');
  /* Translators: the suggested file name of an export; %s are the
   * package's code and the date. */
  name = g_strdup_printf (_("activity-%s-%s.csv"), package, day);

  chooser = gtk_file_chooser_native_new (_("Export Activity Log"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (self->chooser);
}

/* Actions */

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CockpitActivityPage *self = COCKPIT_ACTIVITY_PAGE (widget);

  /* Carries on from the page that failed. */
  g_clear_error (&self->error);
  load_more (self);
  update_view (self);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  cockpit_activity_page_set_filter (COCKPIT_ACTIVITY_PAGE (widget), -1, COCKPIT_ENVIRONMENT_KIND_NONE, NULL);
}

static void
close_details_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CockpitActivityPage *self = COCKPIT_ACTIVITY_PAGE (widget);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/* Public API */

GtkWidget *
cockpit_activity_page_new (CockpitClient *client,
                           const char    *package_id,
                           GSettings     *settings)
{
  g_return_val_if_fail (COCKPIT_IS_CLIENT (client), NULL);
  g_return_val_if_fail (package_id != NULL, NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (COCKPIT_TYPE_ACTIVITY_PAGE,
                       "client", client,
                       "package-id", package_id,
                       "settings", settings,
                       NULL);
}

GListModel *
cockpit_activity_page_get_entries (CockpitActivityPage *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTIVITY_PAGE (self), NULL);

  return G_LIST_MODEL (self->entries);
}

void
cockpit_activity_page_set_filter (CockpitActivityPage    *self,
                                  int                     type,
                                  CockpitEnvironmentKind  affects,
                                  const char             *query)
{
  g_return_if_fail (COCKPIT_IS_ACTIVITY_PAGE (self));
  g_return_if_fail (type >= -1 && type <= COCKPIT_ENTRY_TYPE_ERROR);
  g_return_if_fail (affects >= COCKPIT_ENVIRONMENT_KIND_NONE && affects <= COCKPIT_ENVIRONMENT_KIND_INTEGRATION);

  /* The widgets show the filter; it applies at once, without the delay
   * of typing. */
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->type_dropdown, (guint) (type + 1));
  gtk_drop_down_set_selected (self->affects_dropdown, (guint) affects);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), query ? query : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query ? query : "");
  self->syncing = FALSE;

  apply_filter (self, type, affects, query);
}

gboolean
cockpit_activity_page_get_loading (CockpitActivityPage *self)
{
  g_return_val_if_fail (COCKPIT_IS_ACTIVITY_PAGE (self), FALSE);

  return self->loading;
}

/* GObject */

static void
cockpit_activity_page_constructed (GObject *object)
{
  CockpitActivityPage *self = COCKPIT_ACTIVITY_PAGE (object);

  G_OBJECT_CLASS (cockpit_activity_page_parent_class)->constructed (object);

  if (self->settings != NULL)
    g_settings_bind (self->settings, "show-utc", self->utc_button, "active", G_SETTINGS_BIND_DEFAULT);

  reset (self);
}

static void
cockpit_activity_page_dispose (GObject *object)
{
  CockpitActivityPage *self = COCKPIT_ACTIVITY_PAGE (object);

  if (!self->disposed)
    {
      self->disposed = TRUE;
      g_cancellable_cancel (self->cancellable);
      g_cancellable_cancel (self->export_cancellable);
      if (self->chooser != NULL)
        gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
      if (self->settings != NULL)
        g_settings_unbind (self->utc_button, "active");
      g_signal_handlers_disconnect_by_data (gtk_scrolled_window_get_vadjustment (self->scroller), self);
      g_signal_handlers_disconnect_by_data (self->selection, self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), COCKPIT_TYPE_ACTIVITY_PAGE);
  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_object (&self->selection);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cockpit_activity_page_parent_class)->dispose (object);
}

static void
cockpit_activity_page_finalize (GObject *object)
{
  CockpitActivityPage *self = COCKPIT_ACTIVITY_PAGE (object);

  g_clear_object (&self->entries);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_pointer (&self->on_labels, g_hash_table_unref);
  g_free (self->package_id);
  g_free (self->query);
  g_free (self->cursor);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (cockpit_activity_page_parent_class)->finalize (object);
}

static void
cockpit_activity_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CockpitActivityPage *self = COCKPIT_ACTIVITY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_PACKAGE_ID:
      g_value_set_string (value, self->package_id);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_activity_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CockpitActivityPage *self = COCKPIT_ACTIVITY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_PACKAGE_ID:
      self->package_id = g_value_dup_string (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_activity_page_class_init (CockpitActivityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cockpit_activity_page_constructed;
  object_class->dispose = cockpit_activity_page_dispose;
  object_class->finalize = cockpit_activity_page_finalize;
  object_class->get_property = cockpit_activity_page_get_property;
  object_class->set_property = cockpit_activity_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, COCKPIT_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PACKAGE_ID] =
    g_param_spec_string ("package-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "activitypage");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cockpit-activity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, content);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, affects_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, utc_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, footer);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, footer_spinner);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, footer_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, footer_retry);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, details_revealer);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, details_icon);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, details_activity);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, details_started);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, details_finished);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, details_bundle);
  gtk_widget_class_bind_template_child (widget_class, CockpitActivityPage, details_action_id);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dropdown_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, utc_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, activity_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, affects_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, by_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unbind_cb);

  gtk_widget_class_install_action (widget_class, "activity.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "activity.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "activity.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "activity.close-details", NULL, close_details_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "activity.close-details", NULL);
}

static void
cockpit_activity_page_init (CockpitActivityPage *self)
{
  GtkAdjustment *adjustment;

  self->type = -1;
  self->affects = COCKPIT_ENVIRONMENT_KIND_NONE;
  self->entries = g_list_store_new (COCKPIT_TYPE_ACTIVITY_ENTRY);
  self->cancellable = g_cancellable_new ();
  self->export_cancellable = g_cancellable_new ();
  self->on_labels = g_hash_table_new (NULL, NULL);

  /* The template's handlers run while it is built: the filter is ready,
   * and syncing keeps them from acting before the page is. */
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing = FALSE;

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->entries)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self);
  g_signal_connect (adjustment, "changed", G_CALLBACK (adjustment_changed_cb), self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.close-details", FALSE);
  update_view (self);
}
