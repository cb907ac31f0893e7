/* cockpit-helpdesk-button.c: the header bar button with the unread helpdesk notifications and their popover.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The button shows one coloured pill per severity with unread
 * notifications, or a bell when there are none.  Its popover lists the
 * helpdesk's notifications, bound to the helpdesk's model through a sort
 * model: each row follows its notification object, which the helpdesk
 * updates in place.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-async.h"
#include "cockpit-clamp.h"
#include "cockpit-helpdesk-button.h"
#include "cockpit-helpdesk-row.h"
#include "cockpit-widget-util.h"

struct _CockpitHelpdeskButton
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkMenuButton *menu_button;
  GtkStack      *indicator;
  GtkLabel      *pills[3];
  GtkLabel      *widest[3];
  GtkPopover    *popover;
  GtkWidget     *popover_box;
  CockpitClamp  *popover_clamp;
  GtkWidget     *mark_all_button;
  GtkWidget     *error_box;
  GtkLabel      *error_label;
  GtkStack      *stack;
  GtkLabel      *empty_title;
  GtkWidget     *empty_description;
  GtkListBox    *list_box;

  /* Owned references */
  CockpitHelpdesk    *helpdesk;
  GListModel         *packages;
  GtkSorter          *sorter;
  GtkSortListModel   *sorted;   /* the helpdesk's list in the order shown */
  gboolean            rows_stale;  /* rows to make at the popover's next show */
  char            *summary;
  char            *error;
  gboolean         error_is_load;
};

G_DEFINE_FINAL_TYPE (CockpitHelpdeskButton, cockpit_helpdesk_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HELPDESK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows -------------------------------------------------------------------------- */

static const char *
package_name (CockpitHelpdeskButton *self,
              const char            *package_id)
{
  CockpitPackage *package;

  if (package_id == NULL)
    return _("All packages");

  package = self->packages ? cockpit_package_list_find (self->packages, package_id, NULL) : NULL;
  return package ? cockpit_package_get_name (package) : package_id;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  CockpitHelpdeskButton *self = user_data;
  CockpitNotification *notification = item;

  return cockpit_helpdesk_row_new (notification,
                                   package_name (self, cockpit_notification_get_package_id (notification)));
}

/* State ------------------------------------------------------------------------- */

static void
set_error (CockpitHelpdeskButton *self,
           const char            *message,
           gboolean               is_load)
{
  cockpit_set_string (&self->error, message);
  self->error_is_load = message != NULL && is_load;
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
}

static void
update_stack (CockpitHelpdeskButton *self)
{
  GListModel *list = self->helpdesk ? cockpit_helpdesk_get_notifications (self->helpdesk) : NULL;
  gboolean empty = list == NULL || g_list_model_get_n_items (list) == 0;
  /* Before the helpdesk has answered once, an empty list says nothing:
   * "No notifications" would be a fact nobody knows yet. */
  gboolean waiting = empty && self->helpdesk != NULL && !cockpit_helpdesk_get_loaded (self->helpdesk);

  gtk_label_set_text (self->empty_title, waiting ? _("Loading notifications…") : _("No notifications"));
  gtk_widget_set_visible (self->empty_description, !waiting);
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

/* "2 critical, 1 warning and 3 info notifications unread" */
static char *
make_summary (const guint counts[3])
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  guint total = counts[0] + counts[1] + counts[2];

  if (total == 0)
    return g_strdup (_("No unread notifications"));

  /* Each count through ngettext: in many languages the word after it
   * changes with the number. */
  if (counts[COCKPIT_SEVERITY_CRITICAL] > 0)
    /* Translators: a part of "2 critical, 1 warning and 3 info notifications unread" */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u critical", "%u critical", counts[COCKPIT_SEVERITY_CRITICAL]),
                                             counts[COCKPIT_SEVERITY_CRITICAL]));
  if (counts[COCKPIT_SEVERITY_WARNING] > 0)
    /* Translators: a part of "2 critical, 1 warning and 3 info notifications unread" */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u warning", "%u warning", counts[COCKPIT_SEVERITY_WARNING]),
                                             counts[COCKPIT_SEVERITY_WARNING]));
  if (counts[COCKPIT_SEVERITY_INFO] > 0)
    /* Translators: a part of "2 critical, 1 warning and 3 info notifications unread" */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u info", "%u info", counts[COCKPIT_SEVERITY_INFO]),
                                             counts[COCKPIT_SEVERITY_INFO]));

  if (parts->len == 1)
    joined = g_strdup (g_ptr_array_index (parts, 0));
  else if (parts->len == 2)
    /* Translators: "2 critical and 1 warning" */
    joined = g_strdup_printf (_("%s and %s"), (char *) g_ptr_array_index (parts, 0),
                              (char *) g_ptr_array_index (parts, 1));
  else
    /* Translators: "2 critical, 1 warning and 3 info" */
    joined = g_strdup_printf (_("%s, %s and %s"), (char *) g_ptr_array_index (parts, 0),
                              (char *) g_ptr_array_index (parts, 1), (char *) g_ptr_array_index (parts, 2));

  /* Translators: %s is "2 critical, 1 warning and 3 info" */
  return g_strdup_printf (ngettext ("%s notification unread", "%s notifications unread", total), joined);
}

/* A count as a pill shows it: at most three characters, so that the
 * pills never need more room than the indicator keeps for them. */
static char *
format_count (guint count)
{
  if (count > 99)
    /* Translators: an unread count on a small pill, for more than 99 */
    return g_strdup (_("99+"));
  return g_strdup_printf ("%u", count);
}

static void
update_counts (CockpitHelpdeskButton *self)
{
  guint counts[3] = { 0, };
  gboolean any = FALSE;

  for (guint s = 0; s < 3 && self->helpdesk != NULL; s++)
    counts[s] = cockpit_helpdesk_get_unread (self->helpdesk, s);

  for (guint s = 0; s < 3; s++)
    {
      g_autofree char *text = format_count (counts[s]);

      gtk_label_set_text (self->pills[s], text);
      gtk_widget_set_visible (GTK_WIDGET (self->pills[s]), counts[s] > 0);
      any |= counts[s] > 0;
    }
  gtk_stack_set_visible_child_name (self->indicator, any ? "counts" : "none");

  g_free (self->summary);
  self->summary = make_summary (counts);
  cockpit_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), self->summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->summary,
                                  -1);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "helpdesk.mark-all-read", any);
}

static void
unread_changed_cb (CockpitHelpdeskButton *self)
{
  update_counts (self);
}

static void
items_changed_cb (CockpitHelpdeskButton *self)
{
  update_stack (self);
}

static void
helpdesk_error_cb (CockpitHelpdeskButton *self)
{
  const char *error = cockpit_helpdesk_get_error (self->helpdesk);

  if (error != NULL)
    {
      /* Translators: %s says why, in a sentence */
      g_autofree char *message = g_strdup_printf (_("The notifications could not be loaded. %s"), error);

      set_error (self, message, TRUE);
    }
  else if (self->error_is_load)
    set_error (self, NULL, FALSE);
}

/* What needs attention first: unread before read, then critical before
 * warning before information, then the newest first. */
static int
compare_notifications_cb (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  CockpitNotification *na = (CockpitNotification *) a;
  CockpitNotification *nb = (CockpitNotification *) b;
  gboolean read_a = cockpit_notification_get_read (na);
  gboolean read_b = cockpit_notification_get_read (nb);
  CockpitSeverity severity_a = MIN (cockpit_notification_get_severity (na), COCKPIT_SEVERITY_INFO);
  CockpitSeverity severity_b = MIN (cockpit_notification_get_severity (nb), COCKPIT_SEVERITY_INFO);
  GDateTime *time_a = cockpit_notification_get_received_at (na);
  GDateTime *time_b = cockpit_notification_get_received_at (nb);

  if (read_a != read_b)
    return read_a ? 1 : -1;
  if (severity_a != severity_b)
    return severity_a < severity_b ? -1 : 1;
  if (time_a == NULL || time_b == NULL)
    return (time_a == NULL) - (time_b == NULL);
  return g_date_time_compare (time_b, time_a);
}

/* The rows are made while the popover is shown, and again when it next
 * shows if the list or the names changed meanwhile: a start made all the
 * rows twice (the notifications came, then the packages' names) for a
 * popover most starts never open, 23 M instructions of a demo start. */
static void
bind_list (CockpitHelpdeskButton *self)
{
  GListModel *list = self->helpdesk ? cockpit_helpdesk_get_notifications (self->helpdesk) : NULL;
  gboolean shown = gtk_widget_get_visible (GTK_WIDGET (self->popover));

  gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->sorted);
  self->rows_stale = !shown;
  if (!shown)
    return;
  if (list != NULL)
    self->sorted = gtk_sort_list_model_new (g_object_ref (list), g_object_ref (self->sorter));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->sorted), create_row_cb, self, NULL);
}

static void
packages_changed_cb (CockpitHelpdeskButton *self)
{
  /* Names come and go rarely: making the rows again is simplest. */
  bind_list (self);
}

static void
popover_show_cb (CockpitHelpdeskButton *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GtkListBoxRow *widget;

  /* GTK placed the popover at the size it had without them: place it
   * again before it is drawn, or it would grow in front of the user. */
  if (self->rows_stale)
    {
      bind_list (self);
      gtk_popover_present (self->popover);
    }

  /* The sort model does not watch its items: sort again for what was
   * read meanwhile.  While the popover is open, a row marked read stays
   * where it is, so that the rows under the pointer do not move. */
  gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);

  /* "5 minutes ago" moves on while the popover is closed. */
  for (guint i = 0; (widget = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    cockpit_helpdesk_row_update_time (COCKPIT_HELPDESK_ROW (widget), now);
}

/* Actions ----------------------------------------------------------------------- */

static void
change_done (CockpitHelpdeskButton *self,
             gboolean               ok,
             GError                *error)
{
  /* Gone, or disposed while still referenced elsewhere: nothing to show. */
  if (self == NULL || self->error_label == NULL)
    return;
  if (!ok && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_error (self, error->message, FALSE);
}

static void
mark_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CockpitHelpdeskButton) self = cockpit_weak_steal (user_data);
  g_autoptr(GError) error = NULL;
  gboolean ok = cockpit_helpdesk_mark_read_finish (COCKPIT_HELPDESK (object), result, &error);

  change_done (self, ok, error);
}

static void
mark_all_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CockpitHelpdeskButton) self = cockpit_weak_steal (user_data);
  g_autoptr(GError) error = NULL;
  gboolean ok = cockpit_helpdesk_mark_all_read_finish (COCKPIT_HELPDESK (object), result, &error);

  change_done (self, ok, error);
}

static void
archive_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CockpitHelpdeskButton) self = cockpit_weak_steal (user_data);
  g_autoptr(GError) error = NULL;
  gboolean ok = cockpit_helpdesk_archive_finish (COCKPIT_HELPDESK (object), result, &error);

  change_done (self, ok, error);
}

/* The requests get no cancellable: once sent, a change is followed to
 * its end (or undone) by the helpdesk even when the window closes
 * meanwhile; the callbacks hold the button weakly (cockpit-async.h). */

static void
mark_read_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CockpitHelpdeskButton *self = COCKPIT_HELPDESK_BUTTON (widget);
  CockpitNotification *notification;

  if (self->helpdesk == NULL)
    return;
  notification = cockpit_helpdesk_find (self->helpdesk, g_variant_get_string (parameter, NULL));
  if (notification == NULL)
    return;
  set_error (self, NULL, FALSE);
  cockpit_helpdesk_mark_read_async (self->helpdesk, notification, NULL, mark_read_cb, cockpit_weak_new (self));
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CockpitHelpdeskButton *self = COCKPIT_HELPDESK_BUTTON (widget);
  CockpitNotification *notification;

  if (self->helpdesk == NULL)
    return;
  notification = cockpit_helpdesk_find (self->helpdesk, g_variant_get_string (parameter, NULL));
  if (notification == NULL)
    return;
  set_error (self, NULL, FALSE);
  cockpit_helpdesk_archive_async (self->helpdesk, notification, NULL, archive_cb, cockpit_weak_new (self));
}

static void
mark_all_read_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CockpitHelpdeskButton *self = COCKPIT_HELPDESK_BUTTON (widget);

  if (self->helpdesk == NULL)
    return;
  set_error (self, NULL, FALSE);
  cockpit_helpdesk_mark_all_read_async (self->helpdesk, NULL, mark_all_read_cb, cockpit_weak_new (self));
}

static void
dismiss_error_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  set_error (COCKPIT_HELPDESK_BUTTON (widget), NULL, FALSE);
}

/* Public ------------------------------------------------------------------------ */

GtkWidget *
cockpit_helpdesk_button_new (void)
{
  return g_object_new (COCKPIT_TYPE_HELPDESK_BUTTON, NULL);
}

CockpitHelpdesk *
cockpit_helpdesk_button_get_helpdesk (CockpitHelpdeskButton *self)
{
  g_return_val_if_fail (COCKPIT_IS_HELPDESK_BUTTON (self), NULL);
  return self->helpdesk;
}

void
cockpit_helpdesk_button_set_helpdesk (CockpitHelpdeskButton *self,
                                      CockpitHelpdesk       *helpdesk)
{
  g_return_if_fail (COCKPIT_IS_HELPDESK_BUTTON (self));
  g_return_if_fail (helpdesk == NULL || COCKPIT_IS_HELPDESK (helpdesk));

  if (self->helpdesk == helpdesk)
    return;

  if (self->helpdesk != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->helpdesk, self);
      g_signal_handlers_disconnect_by_data (cockpit_helpdesk_get_notifications (self->helpdesk), self);
    }
  g_set_object (&self->helpdesk, helpdesk);
  set_error (self, NULL, FALSE);

  if (helpdesk != NULL)
    {
      g_signal_connect_object (helpdesk, "notify::unread-critical", G_CALLBACK (unread_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (helpdesk, "notify::unread-warning", G_CALLBACK (unread_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (helpdesk, "notify::unread-info", G_CALLBACK (unread_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (helpdesk, "notify::error", G_CALLBACK (helpdesk_error_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (helpdesk, "notify::loaded", G_CALLBACK (update_stack),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (cockpit_helpdesk_get_notifications (helpdesk), "items-changed",
                               G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
      if (cockpit_helpdesk_get_error (helpdesk) != NULL)
        helpdesk_error_cb (self);
    }

  bind_list (self);
  update_stack (self);
  update_counts (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), helpdesk != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELPDESK]);
}

void
cockpit_helpdesk_button_set_packages (CockpitHelpdeskButton *self,
                                      GListModel            *packages)
{
  g_return_if_fail (COCKPIT_IS_HELPDESK_BUTTON (self));
  g_return_if_fail (packages == NULL || G_IS_LIST_MODEL (packages));

  if (self->packages == packages)
    return;
  if (self->packages != NULL)
    g_signal_handlers_disconnect_by_data (self->packages, self);
  g_set_object (&self->packages, packages);
  if (packages != NULL)
    g_signal_connect_object (packages, "items-changed", G_CALLBACK (packages_changed_cb),
                             self, G_CONNECT_SWAPPED);
  bind_list (self);
}

/* In a narrow window the button is as wide as the counts it shows, not
 * as wide as three pills of "99+", and the list fits a phone's width. */
void
cockpit_helpdesk_button_set_compact (CockpitHelpdeskButton *self,
                                     gboolean               compact)
{
  g_return_if_fail (COCKPIT_IS_HELPDESK_BUTTON (self));

  gtk_stack_set_hhomogeneous (self->indicator, !compact);
  gtk_widget_set_size_request (self->popover_box, compact ? 300 : 400, -1);
  cockpit_clamp_set_maximum_size (self->popover_clamp, compact ? 300 : 400);
  cockpit_clamp_set_tightening_threshold (self->popover_clamp, compact ? 300 : 400);
}

void
cockpit_helpdesk_button_popup (CockpitHelpdeskButton *self)
{
  g_return_if_fail (COCKPIT_IS_HELPDESK_BUTTON (self));
  gtk_menu_button_popup (self->menu_button);
}

const char *
cockpit_helpdesk_button_get_summary (CockpitHelpdeskButton *self)
{
  g_return_val_if_fail (COCKPIT_IS_HELPDESK_BUTTON (self), NULL);
  return self->summary;
}

const char *
cockpit_helpdesk_button_get_error (CockpitHelpdeskButton *self)
{
  g_return_val_if_fail (COCKPIT_IS_HELPDESK_BUTTON (self), NULL);
  return self->error;
}

GtkPopover *
cockpit_helpdesk_button_get_popover (CockpitHelpdeskButton *self)
{
  g_return_val_if_fail (COCKPIT_IS_HELPDESK_BUTTON (self), NULL);
  return self->popover;
}

GtkListBox *
cockpit_helpdesk_button_get_list_box (CockpitHelpdeskButton *self)
{
  g_return_val_if_fail (COCKPIT_IS_HELPDESK_BUTTON (self), NULL);
  return self->list_box;
}

GtkWidget *
cockpit_helpdesk_button_get_pill (CockpitHelpdeskButton *self,
                                  CockpitSeverity        severity)
{
  g_return_val_if_fail (COCKPIT_IS_HELPDESK_BUTTON (self), NULL);
  g_return_val_if_fail (severity <= COCKPIT_SEVERITY_INFO, NULL);
  return GTK_WIDGET (self->pills[severity]);
}

void
cockpit_helpdesk_notify_critical (GApplication        *app,
                                  CockpitNotification *notification)
{
  g_autoptr(GNotification) desktop = NULL;
  g_autofree char *id = NULL;

  g_return_if_fail (G_IS_APPLICATION (app));
  g_return_if_fail (COCKPIT_IS_NOTIFICATION (notification));

  desktop = g_notification_new (cockpit_notification_get_title (notification));
  g_notification_set_body (desktop, cockpit_notification_get_body (notification));
  /* Critical helpdesk messages (outages, security updates) must not be
   * missed; urgent is for what needs a reaction within seconds (the GNOME
   * HIG), so high.  A click opens the helpdesk; no button repeats that. */
  g_notification_set_priority (desktop, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action (desktop, "app.show-helpdesk");

  /* One id per helpdesk notification: sent again, it replaces itself. */
  id = g_strdup_printf ("helpdesk-%s", cockpit_notification_get_id (notification));
  g_application_send_notification (app, id, desktop);
}

/* The object -------------------------------------------------------------------- */

static void
cockpit_helpdesk_button_dispose (GObject *object)
{
  CockpitHelpdeskButton *self = COCKPIT_HELPDESK_BUTTON (object);

  if (self->helpdesk != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->helpdesk, self);
      g_signal_handlers_disconnect_by_data (cockpit_helpdesk_get_notifications (self->helpdesk), self);
    }
  if (self->packages != NULL)
    g_signal_handlers_disconnect_by_data (self->packages, self);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCKPIT_TYPE_HELPDESK_BUTTON);
  g_clear_object (&self->sorted);
  g_clear_object (&self->sorter);
  g_clear_object (&self->helpdesk);
  g_clear_object (&self->packages);

  G_OBJECT_CLASS (cockpit_helpdesk_button_parent_class)->dispose (object);
}

static void
cockpit_helpdesk_button_finalize (GObject *object)
{
  CockpitHelpdeskButton *self = COCKPIT_HELPDESK_BUTTON (object);

  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (cockpit_helpdesk_button_parent_class)->finalize (object);
}

static void
cockpit_helpdesk_button_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CockpitHelpdeskButton *self = COCKPIT_HELPDESK_BUTTON (object);

  switch (prop_id)
    {
    case PROP_HELPDESK:
      g_value_set_object (value, self->helpdesk);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_helpdesk_button_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CockpitHelpdeskButton *self = COCKPIT_HELPDESK_BUTTON (object);

  switch (prop_id)
    {
    case PROP_HELPDESK:
      cockpit_helpdesk_button_set_helpdesk (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_helpdesk_button_class_init (CockpitHelpdeskButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cockpit_helpdesk_button_dispose;
  object_class->finalize = cockpit_helpdesk_button_finalize;
  object_class->get_property = cockpit_helpdesk_button_get_property;
  object_class->set_property = cockpit_helpdesk_button_set_property;

  properties[PROP_HELPDESK] =
    g_param_spec_object ("helpdesk", NULL, NULL, COCKPIT_TYPE_HELPDESK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "helpdeskbutton");
  g_type_ensure (COCKPIT_TYPE_CLAMP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cockpit-helpdesk-button.ui");
  gtk_widget_class_bind_template_child (widget_class, CockpitHelpdeskButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitHelpdeskButton, indicator);
  gtk_widget_class_bind_template_child_full (widget_class, "critical_pill", FALSE,
                                             G_STRUCT_OFFSET (CockpitHelpdeskButton, pills[COCKPIT_SEVERITY_CRITICAL]));
  gtk_widget_class_bind_template_child_full (widget_class, "warning_pill", FALSE,
                                             G_STRUCT_OFFSET (CockpitHelpdeskButton, pills[COCKPIT_SEVERITY_WARNING]));
  gtk_widget_class_bind_template_child_full (widget_class, "info_pill", FALSE,
                                             G_STRUCT_OFFSET (CockpitHelpdeskButton, pills[COCKPIT_SEVERITY_INFO]));
  gtk_widget_class_bind_template_child_full (widget_class, "critical_widest", FALSE,
                                             G_STRUCT_OFFSET (CockpitHelpdeskButton, widest[COCKPIT_SEVERITY_CRITICAL]));
  gtk_widget_class_bind_template_child_full (widget_class, "warning_widest", FALSE,
                                             G_STRUCT_OFFSET (CockpitHelpdeskButton, widest[COCKPIT_SEVERITY_WARNING]));
  gtk_widget_class_bind_template_child_full (widget_class, "info_widest", FALSE,
                                             G_STRUCT_OFFSET (CockpitHelpdeskButton, widest[COCKPIT_SEVERITY_INFO]));
  gtk_widget_class_bind_template_child (widget_class, CockpitHelpdeskButton, popover);
  gtk_widget_class_bind_template_child (widget_class, CockpitHelpdeskButton, popover_box);
  gtk_widget_class_bind_template_child (widget_class, CockpitHelpdeskButton, popover_clamp);
  gtk_widget_class_bind_template_child (widget_class, CockpitHelpdeskButton, mark_all_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitHelpdeskButton, error_box);
  gtk_widget_class_bind_template_child (widget_class, CockpitHelpdeskButton, error_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitHelpdeskButton, stack);
  gtk_widget_class_bind_template_child (widget_class, CockpitHelpdeskButton, empty_title);
  gtk_widget_class_bind_template_child (widget_class, CockpitHelpdeskButton, empty_description);
  gtk_widget_class_bind_template_child (widget_class, CockpitHelpdeskButton, list_box);
  gtk_widget_class_bind_template_child_full (widget_class, "dismiss_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);

  gtk_widget_class_install_action (widget_class, "helpdesk.mark-read", "s", mark_read_action);
  gtk_widget_class_install_action (widget_class, "helpdesk.archive", "s", archive_action);
  gtk_widget_class_install_action (widget_class, "helpdesk.mark-all-read", NULL, mark_all_read_action);
  gtk_widget_class_install_action (widget_class, "helpdesk.dismiss-error", NULL, dismiss_error_action);
}

/* The tooltips of the template's children (cockpit-widget-util.c says
 * why they are not in the .ui file). */
static const char * const template_tooltips[] = {
  "dismiss_button", N_("Dismiss"),
  NULL
};

static void
cockpit_helpdesk_button_init (CockpitHelpdeskButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cockpit_widget_set_template_tooltips (GTK_WIDGET (self), COCKPIT_TYPE_HELPDESK_BUTTON, template_tooltips);
  self->sorter = GTK_SORTER (gtk_custom_sorter_new (compare_notifications_cb, NULL, NULL));
  for (guint s = 0; s < G_N_ELEMENTS (self->widest); s++)
    {
      g_autofree char *widest = format_count (G_MAXUINT);

      gtk_label_set_text (self->widest[s], widest);
    }
  update_stack (self);
  update_counts (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), FALSE);
}
