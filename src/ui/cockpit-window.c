/* cockpit-window.c: the main window: sign-in, the packages, a package's page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This file holds the window itself: its template, the packages page
 * (built when the window first has a session), its toasts, its size
 * and how it lays itself out narrow, the minute timer while it is shown,
 * a few small actions, and what tests may ask of it.  The rest lives in
 * rooms sharing cockpit-window-private.h: cockpit-window-session.c (what
 * it shows of the application's state), -sign-in.c (the sign-in page),
 * -sidebar.c (the sidebar and what it opens) and -actions.c (the user's
 * actions on a package, and the one function that enables them).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-a11y.h"
#include "cockpit-widget-util.h"
#include "cockpit-width-bin.h"
#include "cockpit-window-private.h"

G_DEFINE_FINAL_TYPE (CockpitWindow, cockpit_window, ADW_TYPE_APPLICATION_WINDOW)

/* What the application says of its state: it binds its own properties to
 * these, so the window never asks it. */
enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_SESSION,
  PROP_HELPDESK,
  PROP_SIGN_IN_ERROR,
  PROP_BUSY,
  PROP_DEMO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The packages page (resources/ui/cockpit-window-packages.ui): the
 * widgets of it that the window's files use, by their ids in the file. */
static const struct {
  const char *id;
  gsize       offset;
} packages_page_widgets[] = {
#define WIDGET(name) { #name, G_STRUCT_OFFSET (CockpitWindow, name) }
  WIDGET (leaflet), WIDGET (sidebar_clamp), WIDGET (sidebar), WIDGET (content),
  WIDGET (package_list), WIDGET (offline_revealer), WIDGET (offline_label),
  WIDGET (sidebar_title), WIDGET (content_title), WIDGET (demo_badge),
  WIDGET (content_stack), WIDGET (empty_status), WIDGET (package_page),
  WIDGET (helpdesk_button), WIDGET (activity_button), WIDGET (refresh_button),
  WIDGET (header_menu_button), WIDGET (activity_bin), WIDGET (main_menu_button),
  WIDGET (fleet_list), WIDGET (fleet_bin),
#undef WIDGET
};

/* The tooltips of the packages page, by ids in its file
 * (cockpit-widget-util.c says why they are not in the file). */
static const char * const packages_page_tooltips[] = {
  "main_menu_button", N_("Main Menu"),
  "back_button", N_("Back"),
  "demo_badge", N_("This is the built-in demo cockpit, not a real one. Nothing you do here changes a real website."),
  "activity_button", N_("Activity Log"),
  "header_menu_button", N_("More"),
  "refresh_button", N_("Refresh"),
  NULL
};

static void ensure_packages_page (CockpitWindow *self);

void
cockpit_window_show_toast (CockpitWindow *self,
                           const char    *text)
{
  g_return_if_fail (COCKPIT_IS_WINDOW (self));

  g_free (self->last_toast);
  self->last_toast = g_strdup (text);
  adw_toast_overlay_add_toast (self->toast_overlay, cockpit_toast_new_text (text));
}

const char *
cockpit_window_get_last_toast (CockpitWindow *self)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), NULL);

  return self->last_toast;
}

const char *
cockpit_window_get_page_name (CockpitWindow *self)
{
  const char *name;

  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), NULL);

  name = gtk_stack_get_visible_child_name (self->main_stack);
  if (g_strcmp0 (name, "packages") == 0 && self->content_stack != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "empty") == 0)
    return "empty";
  return name;
}

/* Narrow windows --------------------------------------------------------------- */

/* Side by side, the clamp caps the list's width; folded, the list is the
 * whole window and takes its width. */
static void
apply_folded (CockpitWindow *self,
              gboolean       folded)
{
  int size = folded ? G_MAXINT / 2 : 300;

  cockpit_clamp_set_maximum_size (self->sidebar_clamp, size);
  cockpit_clamp_set_tightening_threshold (self->sidebar_clamp, size);

  /* Down to 360 px (a phone): Refresh and the activity log move into a
   * menu, the helpdesk's button takes only the room its counts need,
   * and the page stacks what it would put side by side. */
  gtk_widget_set_visible (self->refresh_button, !folded);
  gtk_widget_set_visible (GTK_WIDGET (self->activity_button), !folded);
  gtk_widget_set_visible (self->header_menu_button, folded);
  /* Its popover only while it is shown: a hidden menu button's menu
   * kept a side by side window drawing frames while idle. */
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->header_menu_button), folded ? self->header_menu : NULL);
  cockpit_helpdesk_button_set_compact (self->helpdesk_button, folded);
  cockpit_package_page_set_narrow (self->package_page, folded);
  if (self->fleet_view != NULL)
    cockpit_fleet_view_set_narrow (self->fleet_view, folded);
}

static void
folded_cb (CockpitWindow *self)
{
  apply_folded (self, adw_leaflet_get_folded (self->leaflet));
}

/* Below this width the leaflet always folds (it folded at 452 px). */
#define SURELY_FOLDED_WIDTH 440

/* Folds the packages page at once when the window's size says it will
 * fold: see cockpit_window_realize(). */
static void
fold_if_surely_narrow (CockpitWindow *self)
{
  int width = 0, height = 0;

  /* (GTK 4.8 needs both pointers.) */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (self->leaflet != NULL && width > 0 && width < SURELY_FOLDED_WIDTH && !adw_leaflet_get_folded (self->leaflet))
    apply_folded (self, TRUE);
}

/* Opened narrow, the window is sized (as it is realized) before the
 * leaflet knows it folds, so it took the width of the page side by side
 * (452 px) and kept it: lay the page out narrow first. */
static void
cockpit_window_realize (GtkWidget *widget)
{
  fold_if_surely_narrow (COCKPIT_WINDOW (widget));

  GTK_WIDGET_CLASS (cockpit_window_parent_class)->realize (widget);
}

/* Actions ---------------------------------------------------------------------- */

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CockpitWindow *self = COCKPIT_WINDOW (widget);

  if (self->session != NULL)
    cockpit_session_refresh (self->session);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CockpitWindow *self = COCKPIT_WINDOW (widget);

  if (self->leaflet != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_helpdesk_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CockpitWindow *self = COCKPIT_WINDOW (widget);

  if (self->session != NULL)
    cockpit_helpdesk_button_popup (self->helpdesk_button);
}

/* Toasts of the widgets inside, which do not know the window
 * (cockpit_widget_show_toast()). */
static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  cockpit_window_show_toast (COCKPIT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
extend_backup_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CockpitWindow *self = COCKPIT_WINDOW (widget);

  /* From the reminder's "Extend to 5 Days" button: the package, then its question,
   * if the extension is still allowed. */
  cockpit_window_show_package (self, g_variant_get_string (parameter, NULL));
  _cockpit_window_actions_activate (self, COCKPIT_USER_ACTION_EXTEND_UPGRADE_BACKUP);
}

/* The clock -------------------------------------------------------------------- */

/* The clock moved: the countdowns, and what can be done now. */
void
cockpit_window_tick (CockpitWindow *self)
{
  g_return_if_fail (COCKPIT_IS_WINDOW (self));

  if (self->package_page != NULL)
    cockpit_package_page_tick (self->package_page);
  if (self->fleet_view != NULL)
    cockpit_fleet_view_tick (self->fleet_view);
  _cockpit_window_actions_update (self);
}

/* One timer per window, not per widget, and only while it is shown:
 * countdowns move once a minute. */
static gboolean
minute_cb (gpointer user_data)
{
  CockpitWindow *self = user_data;

  cockpit_window_tick (self);
  return G_SOURCE_CONTINUE;
}

static void
cockpit_window_map (GtkWidget *widget)
{
  CockpitWindow *self = COCKPIT_WINDOW (widget);

  /* The page waits for the window to be shown, which may have a session
   * by then; chosen before the stack is mapped, it does not fade in. */
  _cockpit_window_update_page (self);
  GTK_WIDGET_CLASS (cockpit_window_parent_class)->map (widget);

  cockpit_window_tick (self);
  if (self->minute_id == 0)
    self->minute_id = g_timeout_add_seconds (60, minute_cb, self);
}

static void
cockpit_window_unmap (GtkWidget *widget)
{
  CockpitWindow *self = COCKPIT_WINDOW (widget);

  g_clear_handle_id (&self->minute_id, g_source_remove);
  g_clear_handle_id (&self->spin_id, g_source_remove);

  GTK_WIDGET_CLASS (cockpit_window_parent_class)->unmap (widget);
}

/* The window ------------------------------------------------------------------- */

static gboolean
cockpit_window_close_request (GtkWindow *window)
{
  CockpitWindow *self = COCKPIT_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (cockpit_window_parent_class)->close_request (window);
}

static void
cockpit_window_constructed (GObject *object)
{
  CockpitWindow *self = COCKPIT_WINDOW (object);

  G_OBJECT_CLASS (cockpit_window_parent_class)->constructed (object);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  _cockpit_window_update_page (self);
  _cockpit_window_update_sign_in_action (self);
}

static void
cockpit_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CockpitWindow *self = COCKPIT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_HELPDESK:
      g_value_set_object (value, self->helpdesk);
      break;
    case PROP_SIGN_IN_ERROR:
      g_value_set_string (value, self->app_sign_in_error);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_DEMO:
      g_value_set_boolean (value, self->demo);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CockpitWindow *self = COCKPIT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      return;
    case PROP_SESSION:
      if (g_value_get_object (value) != NULL)
        ensure_packages_page (self);
      _cockpit_window_set_session (self, g_value_get_object (value));
      break;
    case PROP_HELPDESK:
      if (!g_set_object (&self->helpdesk, g_value_get_object (value)))
        return;
      if (self->helpdesk_button != NULL)
        cockpit_helpdesk_button_set_helpdesk (self->helpdesk_button, self->session ? self->helpdesk : NULL);
      break;
    case PROP_SIGN_IN_ERROR:
      if (!cockpit_set_string (&self->app_sign_in_error, g_value_get_string (value)))
        return;
      break;
    case PROP_BUSY:
      if (self->busy == g_value_get_boolean (value))
        return;
      self->busy = g_value_get_boolean (value);
      break;
    case PROP_DEMO:
      if (self->demo == g_value_get_boolean (value))
        return;
      self->demo = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_object_notify_by_pspec (object, pspec);
  _cockpit_window_update_page (self);
}

static void
cockpit_window_dispose (GObject *object)
{
  CockpitWindow *self = COCKPIT_WINDOW (object);

  g_clear_handle_id (&self->minute_id, g_source_remove);
  g_clear_handle_id (&self->spin_id, g_source_remove);
  _cockpit_window_set_session (self, NULL);
  _cockpit_window_actions_dispose (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCKPIT_TYPE_WINDOW);
  /* They went with the template's packages_bin. */
  for (guint i = 0; i < G_N_ELEMENTS (packages_page_widgets); i++)
    G_STRUCT_MEMBER (gpointer, self, packages_page_widgets[i].offset) = NULL;

  G_OBJECT_CLASS (cockpit_window_parent_class)->dispose (object);
}

static void
cockpit_window_finalize (GObject *object)
{
  CockpitWindow *self = COCKPIT_WINDOW (object);

  g_clear_object (&self->demo_main_menu);
  g_clear_object (&self->settings);
  g_clear_object (&self->helpdesk);
  g_clear_pointer (&self->app_sign_in_error, g_free);
  g_clear_pointer (&self->wanted_package, g_free);
  g_clear_pointer (&self->activity_package_id, g_free);
  g_clear_pointer (&self->last_toast, g_free);

  G_OBJECT_CLASS (cockpit_window_parent_class)->finalize (object);
}

static void
cockpit_window_class_init (CockpitWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cockpit_window_dispose;
  object_class->finalize = cockpit_window_finalize;
  object_class->constructed = cockpit_window_constructed;
  object_class->get_property = cockpit_window_get_property;
  object_class->set_property = cockpit_window_set_property;
  window_class->close_request = cockpit_window_close_request;
  widget_class->realize = cockpit_window_realize;
  widget_class->map = cockpit_window_map;
  widget_class->unmap = cockpit_window_unmap;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, COCKPIT_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HELPDESK] =
    g_param_spec_object ("helpdesk", NULL, NULL, COCKPIT_TYPE_HELPDESK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIGN_IN_ERROR] =
    g_param_spec_string ("sign-in-error", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (COCKPIT_TYPE_PACKAGE_PAGE);
  g_type_ensure (COCKPIT_TYPE_HELPDESK_BUTTON);
  g_type_ensure (COCKPIT_TYPE_FLEET_VIEW);
  g_type_ensure (COCKPIT_TYPE_CLAMP);
  g_type_ensure (COCKPIT_TYPE_WIDTH_BIN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cockpit-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, sign_in_bin);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, packages_bin);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, header_menu);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, main_menu);
  gtk_widget_class_bind_template_child (widget_class, CockpitWindow, demo_menu);

  _cockpit_window_class_sign_in_init (klass);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.extend-backup", "s", extend_backup_action);
  gtk_widget_class_install_action (widget_class, "win.show-helpdesk", NULL, show_helpdesk_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  _cockpit_window_class_sidebar_init (klass);
  _cockpit_window_class_actions_init (klass);
}

/* The big icon of the "No Packages" page is set once it is on screen for
 * a frame: a hidden stack page is measured all the same, and the empty
 * page is mapped for a moment while the first package is selected;
 * looking up an icon that only exists as SVG at that size
 * (folder-symbolic at 128 px) loaded librsvg, 6.5 MiB, into every start,
 * for a page a signed-in or demo start never shows (docs/performance.md).
 * The sign-in page's icon is its own (cockpit-sign-in-page.c). */
static gboolean
set_big_icons_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  CockpitWindow *self = COCKPIT_WINDOW (gtk_widget_get_root (widget));

  /* Mapped is not enough: a page a crossfade is leaving is mapped until
   * the fade ends. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->empty_status)) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "empty") == 0)
    adw_status_page_set_icon_name (self->empty_status, "folder-symbolic");
  return G_SOURCE_REMOVE;
}

static void
icon_shown_cb (GtkWidget *widget)
{
  gtk_widget_add_tick_callback (widget, set_big_icons_cb, NULL, NULL);
}

/* The packages page ------------------------------------------------------------ */

/* The sidebar, the package's page and the rest of the packages page are
 * built when the window first has a session, from their own file
 * (resources/ui/cockpit-window-packages.ui): in the template, they were
 * most of a start's window, built and styled before its first frame, the
 * loading page (docs/performance.md).  Until then the functions that
 * follow the application's state leave them alone. */
static void
ensure_packages_page (CockpitWindow *self)
{
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSimpleActionGroup) header_actions = NULL;
  g_autoptr(GPropertyAction) activity = NULL;

  if (self->leaflet != NULL)
    return;

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "folded_cb", G_CALLBACK (folded_cb));
  _cockpit_window_sidebar_add_callbacks (GTK_BUILDER_CSCOPE (scope));
  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  /* Swapped handlers get the window, and bindings find it by its name, as
   * in a template. */
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  gtk_builder_expose_object (builder, "CockpitWindow", G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, RESOURCE_PATH "/ui/cockpit-window-packages.ui", &error))
    g_error ("The window's packages page could not be built: %s", error->message);
  for (guint i = 0; i < G_N_ELEMENTS (packages_page_widgets); i++)
    {
      GObject *widget = gtk_builder_get_object (builder, packages_page_widgets[i].id);

      g_assert (GTK_IS_WIDGET (widget));
      G_STRUCT_MEMBER (gpointer, self, packages_page_widgets[i].offset) = widget;
    }
  for (guint i = 0; packages_page_tooltips[i] != NULL; i += 2)
    cockpit_widget_set_tooltip_text (GTK_WIDGET (gtk_builder_get_object (builder, packages_page_tooltips[i])),
                                     _(packages_page_tooltips[i + 1]));
  adw_bin_set_child (self->packages_bin, GTK_WIDGET (self->leaflet));

  gtk_menu_button_set_create_popup_func (self->main_menu_button, _cockpit_window_create_main_menu_cb, self, NULL);
  g_signal_connect (self->empty_status, "map", G_CALLBACK (icon_shown_cb), NULL);
  /* And when its page is chosen while it is still mapped, mid-fade. */
  g_signal_connect_swapped (self->content_stack, "notify::visible-child-name",
                            G_CALLBACK (icon_shown_cb), self->empty_status);
  cockpit_a11y_name_buttons (GTK_WIDGET (self->leaflet));
  cockpit_a11y_follow_stack (self->content_stack);

  /* The menu's check item for the activity log is its toggle button. */
  header_actions = g_simple_action_group_new ();
  activity = g_property_action_new ("activity", self->activity_button, "active");
  g_action_map_add_action (G_ACTION_MAP (header_actions), G_ACTION (activity));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "header", G_ACTION_GROUP (header_actions));

  _cockpit_window_sidebar_init (self);

  /* Built in a window already sized narrow. */
  fold_if_surely_narrow (self);
}

static void
cockpit_window_init (CockpitWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _cockpit_window_actions_init (self);
  cockpit_a11y_name_buttons (GTK_WIDGET (self));
  cockpit_a11y_follow_stack (self->main_stack);
}

CockpitWindow *
cockpit_window_new (GtkApplication *app,
                    GSettings      *settings)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (COCKPIT_TYPE_WINDOW, "application", app, "settings", settings, NULL);
}

CockpitPackagePage *
cockpit_window_get_package_page (CockpitWindow *self)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), NULL);

  return self->package_page;
}

gboolean
cockpit_window_get_folded (CockpitWindow *self)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), FALSE);

  return self->leaflet != NULL && adw_leaflet_get_folded (self->leaflet);
}

gboolean
cockpit_window_get_showing_content (CockpitWindow *self)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), FALSE);

  return self->leaflet != NULL && adw_leaflet_get_visible_child (self->leaflet) == self->content;
}

GtkWidget *
cockpit_window_get_sidebar (CockpitWindow *self)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), NULL);

  return self->sidebar;
}

GtkWidget *
cockpit_window_get_content (CockpitWindow *self)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), NULL);

  return self->content;
}

GMenuModel *
cockpit_window_get_main_menu (CockpitWindow *self)
{
  g_return_val_if_fail (COCKPIT_IS_WINDOW (self), NULL);

  return _cockpit_window_get_wanted_main_menu (self);
}
