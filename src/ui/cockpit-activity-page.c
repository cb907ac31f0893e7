/* cockpit-activity-page.c: the activity log of a package, filtered and searched on the server, page by page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Filters and search go to the server: each change loads the first page
 * again.  Each such reset starts a new generation with its own
 * GCancellable, so an answer for an older filter is dropped even when it
 * arrives after the cancel.  Until the new filter's first page comes, the
 * old rows stay, dimmed and out of reach of the pointer, and are then
 * replaced in one splice: emptying the list first tore every row down,
 * showed the loading page for a frame and made the rows again.  Further
 * pages load as the list nears its bottom and go into the list
 * SLICE_ROWS a frame; only what has been loaded is in the model, and the
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

#include "cockpit-activity-page-private.h"
#include "cockpit-widget-util.h"

G_DEFINE_FINAL_TYPE (CockpitActivityPage, cockpit_activity_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_PACKAGE_ID,
  PROP_SETTINGS,
  PROP_LOADING,
  PROP_EXPORTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_more   (CockpitActivityPage *self);
static void queue_check (CockpitActivityPage *self);

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
    cockpit_status_page_set_description_text (self->error_page, self->error->message);

  /* The status pages get their icons as they are shown: GTK loaded them
   * while their pages were hidden, and at 128 px they exist only as SVG,
   * which GTK renders with librsvg in a thread: 22 M instructions of
   * every opening of the page (docs/performance.md). */
  if (g_str_equal (page, "error"))
    adw_status_page_set_icon_name (self->error_page, "network-error-symbolic");
  if (g_str_equal (page, "empty"))
    adw_status_page_set_icon_name (self->empty_page, has_filter (self) ? "edit-find-symbolic"
                                                                       : "document-open-recent-symbolic");

  if (has_filter (self))
    {
      adw_status_page_set_title (self->empty_page, _("No Entries Match the Filter"));
      cockpit_status_page_set_description_text (self->empty_page,
                                                _("Try other words, another type or another environment."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Activity"));
      cockpit_status_page_set_description_text (self->empty_page,
                                                _("Upgrades, backups and other changes of this package will be listed here."));
    }
  gtk_widget_set_visible (self->clear_button, has_filter (self));

  /* The previous filter's rows, until the new one's answer replaces them,
   * are dimmed and cannot be clicked.  Opacity and can-target restyle no
   * row, where insensitivity would restyle every cell twice. */
  gtk_widget_set_opacity (GTK_WIDGET (self->scroller), self->stale ? 0.4 : 1.0);
  gtk_widget_set_can_target (GTK_WIDGET (self->scroller), !self->stale);

  /* Below a list that is already there: more on its way, or why not. */
  footer_error = self->error != NULL && n_items > 0;
  gtk_widget_set_visible (self->footer, n_items > 0 && !self->stale && (self->loading || footer_error));
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
stop_slicing (CockpitActivityPage *self)
{
  if (self->slice_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->slice_id);
  self->slice_id = 0;
  g_ptr_array_set_size (self->pending, 0);
}

/* One slice of the pending rows a frame, at the frame clock's update,
 * so that the rows of one slice are all that is made before a layout. */
static gboolean
add_slice_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  CockpitActivityPage *self = user_data;
  guint n = MIN (SLICE_ROWS, self->pending->len);

  g_list_store_splice (self->entries, g_list_model_get_n_items (G_LIST_MODEL (self->entries)), 0,
                       self->pending->pdata, n);
  g_ptr_array_remove_range (self->pending, 0, n);
  if (self->pending->len > 0)
    return G_SOURCE_CONTINUE;

  self->slice_id = 0;
  update_view (self);
  queue_check (self);
  return G_SOURCE_REMOVE;
}

/* A first page replaces whatever is shown at once, in one splice (the
 * previous filter's rows, if any); a further page is appended slice by
 * slice. */
static void
add_page (CockpitActivityPage *self,
          GListModel          *page)
{
  guint n_items = g_list_model_get_n_items (page);
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (items, g_list_model_get_item (page, i));

  if (self->stale || n_shown == 0)
    {
      self->stale = FALSE;
      g_list_store_splice (self->entries, 0, n_shown, items->pdata, n_items);
      return;
    }

  g_ptr_array_extend_and_steal (self->pending, g_steal_pointer (&items));
  if (self->slice_id == 0 && self->pending->len > 0)
    self->slice_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view), add_slice_cb, self, NULL);
}

static gboolean
check_more_cb (gpointer user_data)
{
  CockpitActivityPage *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double page_size = gtk_adjustment_get_page_size (adjustment);
  double left;

  self->check_id = 0;

  /* Not laid out yet: the adjustment will change when it is.  Half a
   * page still to go into the list: asked again as more goes in. */
  if (page_size <= 0 || self->pending->len > PAGE_SIZE / 2)
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
      /* The previous filter's rows must not pass for this one's. */
      if (self->stale)
        {
          self->stale = FALSE;
          g_list_store_remove_all (self->entries);
        }
      self->error = g_steal_pointer (&error);
      update_view (self);
      return;
    }

  add_page (self, G_LIST_MODEL (page));
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

/* Loads the first page of the current filter, which will replace the
 * rows shown. */
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
  stop_slicing (self);
  self->stale = g_list_model_get_n_items (G_LIST_MODEL (self->entries)) > 0;
  /* The details of an old row close, and the new answer shows from its
   * top, as when the rows went at once.  Scrolled now, while the rows
   * shown are laid out: GTK 4.8 cannot scroll a list to rows just
   * spliced in, before they have been. */
  if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (self->stale)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
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

/* Selection */

static void
selection_changed_cb (CockpitActivityPage *self)
{
  if (!self->disposed)
    _cockpit_activity_page_update_details (self);
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
      stop_slicing (self);
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
  g_clear_pointer (&self->pending, g_ptr_array_unref);
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
    case PROP_EXPORTING:
      g_value_set_boolean (value, self->exporting);
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
  /* An export is being written (cockpit-activity-export.c sets it); the
   * page follows it to disable "activity.export" meanwhile. */
  properties[PROP_EXPORTING] =
    g_param_spec_boolean ("exporting", NULL, NULL, FALSE,
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
  gtk_widget_class_bind_template_child_full (widget_class, "export_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "close_details_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dropdown_changed_cb);
  _cockpit_activity_page_class_init_cells (widget_class);
  _cockpit_activity_page_class_init_export (widget_class);

  gtk_widget_class_install_action (widget_class, "activity.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "activity.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "activity.close-details", NULL, close_details_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "activity.close-details", NULL);
}

/* The tooltips of the template's children (cockpit-widget-util.c says
 * why they are not in the .ui file). */
static const char * const template_tooltips[] = {
  "type_dropdown", N_("Type of entry"),
  "affects_dropdown", N_("Environment the entry affects"),
  "utc_button", N_("Show times in UTC instead of local time"),
  "export_button", N_("Save the entries of this filter as a CSV file"),
  "close_details_button", N_("Close the details"),
  NULL
};

static void
cockpit_activity_page_init (CockpitActivityPage *self)
{
  GtkAdjustment *adjustment;

  self->type = -1;
  self->affects = COCKPIT_ENVIRONMENT_KIND_NONE;
  self->entries = g_list_store_new (COCKPIT_TYPE_ACTIVITY_ENTRY);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  self->export_cancellable = g_cancellable_new ();
  self->on_labels = g_hash_table_new (NULL, NULL);

  /* The template's handlers run while it is built: the filter is ready,
   * and syncing keeps them from acting before the page is. */
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  cockpit_widget_set_template_tooltips (GTK_WIDGET (self), COCKPIT_TYPE_ACTIVITY_PAGE, template_tooltips);
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
  g_signal_connect (self, "notify::exporting", G_CALLBACK (update_view), NULL);
  update_view (self);
}
