/* cockpit-helpdesk-row.c: one helpdesk notification in the helpdesk's list.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row shows its notification's severity, title, time, package and
 * body, and follows the notification as the helpdesk updates it in
 * place: read, it loses its "Mark as Read" button and its bold title.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-helpdesk-row.h"
#include "cockpit-widget-util.h"

struct _CockpitHelpdeskRow
{
  GtkListBoxRow parent_instance;

  /* Template widgets */
  GtkImage  *icon;
  GtkLabel  *title;
  GtkLabel  *time;
  GtkLabel  *package;
  GtkLabel  *body;
  GtkWidget *read_button;
  GtkWidget *archive_button;

  /* Owned references */
  CockpitNotification *notification;
};

G_DEFINE_FINAL_TYPE (CockpitHelpdeskRow, cockpit_helpdesk_row, GTK_TYPE_LIST_BOX_ROW)

static const struct {
  const char *icon_name;
  const char *css_class;
} severity_styles[] = {
  [COCKPIT_SEVERITY_CRITICAL] = { "dialog-error-symbolic", "error" },
  [COCKPIT_SEVERITY_WARNING] = { "dialog-warning-symbolic", "warning" },
  [COCKPIT_SEVERITY_INFO] = { "dialog-information-symbolic", "accent" },
};
static const char * const severity_classes[] = { "error", "warning", "accent", NULL };

static const char *
severity_label (CockpitSeverity severity)
{
  switch (severity)
    {
    case COCKPIT_SEVERITY_CRITICAL:
      return _("Critical");
    case COCKPIT_SEVERITY_WARNING:
      return _("Warning");
    case COCKPIT_SEVERITY_INFO:
    default:
      return _("Information");
    }
}

static char *
format_relative (GDateTime *time,
                 GDateTime *now)
{
  GTimeSpan span = g_date_time_difference (now, time);
  gint64 minutes = span / G_TIME_SPAN_MINUTE;
  gint64 hours = span / G_TIME_SPAN_HOUR;
  gint64 days = span / G_TIME_SPAN_DAY;

  if (minutes < 1)
    return g_strdup (_("Just now"));
  if (hours < 1)
    return g_strdup_printf (ngettext ("%d minute ago", "%d minutes ago", (gulong) minutes), (int) minutes);
  if (days < 1)
    return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", (gulong) hours), (int) hours);
  if (days < 31)
    return g_strdup_printf (ngettext ("%d day ago", "%d days ago", (gulong) days), (int) days);

  {
    g_autoptr(GDateTime) local = g_date_time_to_local (time);

    /* Translators: a date, see g_date_time_format() */
    return g_date_time_format (local, _("%-d %b %Y"));
  }
}

void
cockpit_helpdesk_row_update_time (CockpitHelpdeskRow *self,
                                  GDateTime          *now)
{
  GDateTime *received;
  g_autofree char *relative = NULL;
  g_autofree char *moment = NULL;

  g_return_if_fail (COCKPIT_IS_HELPDESK_ROW (self));
  g_return_if_fail (now != NULL);

  received = cockpit_notification_get_received_at (self->notification);
  if (received == NULL)
    {
      gtk_label_set_text (self->time, "");
      return;
    }
  relative = format_relative (received, now);
  moment = cockpit_format_date_time (received, COCKPIT_DATE_WITH_YEAR);
  gtk_label_set_text (self->time, relative);
  cockpit_widget_set_tooltip_text (GTK_WIDGET (self->time), moment);
}

static void
update (CockpitHelpdeskRow *self)
{
  CockpitNotification *notification = self->notification;
  CockpitSeverity severity = cockpit_notification_get_severity (notification);
  gboolean unread = !cockpit_notification_get_read (notification);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *accessible = NULL;

  if (severity > COCKPIT_SEVERITY_INFO)
    severity = COCKPIT_SEVERITY_INFO;

  gtk_image_set_from_icon_name (self->icon, severity_styles[severity].icon_name);
  cockpit_widget_set_class_of (GTK_WIDGET (self->icon), severity_classes, severity_styles[severity].css_class);
  cockpit_widget_set_tooltip_text (GTK_WIDGET (self->icon), severity_label (severity));

  gtk_label_set_text (self->title, cockpit_notification_get_title (notification));
  gtk_label_set_text (self->body, cockpit_notification_get_body (notification));
  cockpit_helpdesk_row_update_time (self, now);

  if (unread)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "unread");
      gtk_widget_add_css_class (GTK_WIDGET (self->title), "unread");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "unread");
      gtk_widget_remove_css_class (GTK_WIDGET (self->title), "unread");
    }
  gtk_widget_set_visible (self->read_button, unread);

  accessible = unread
    /* Translators: "Critical, unread: Security update: Magnolia 6.3.21" */
    ? g_strdup_printf (_("%s, unread: %s"), severity_label (severity), cockpit_notification_get_title (notification))
    : g_strdup_printf (_("%s: %s"), severity_label (severity), cockpit_notification_get_title (notification));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

GtkWidget *
cockpit_helpdesk_row_new (CockpitNotification *notification,
                          const char          *package_name)
{
  CockpitHelpdeskRow *self;
  const char *id;

  g_return_val_if_fail (COCKPIT_IS_NOTIFICATION (notification), NULL);

  self = g_object_new (COCKPIT_TYPE_HELPDESK_ROW, NULL);
  self->notification = g_object_ref (notification);
  id = cockpit_notification_get_id (notification);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->read_button), "s", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->archive_button), "s", id);
  gtk_label_set_text (self->package, package_name);

  update (self);
  g_signal_connect_object (notification, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

CockpitNotification *
cockpit_helpdesk_row_get_notification (CockpitHelpdeskRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_HELPDESK_ROW (self), NULL);
  return self->notification;
}

static void
cockpit_helpdesk_row_dispose (GObject *object)
{
  CockpitHelpdeskRow *self = COCKPIT_HELPDESK_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCKPIT_TYPE_HELPDESK_ROW);
  g_clear_object (&self->notification);

  G_OBJECT_CLASS (cockpit_helpdesk_row_parent_class)->dispose (object);
}

static void
cockpit_helpdesk_row_class_init (CockpitHelpdeskRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cockpit_helpdesk_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cockpit-helpdesk-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CockpitHelpdeskRow, icon);
  gtk_widget_class_bind_template_child (widget_class, CockpitHelpdeskRow, title);
  gtk_widget_class_bind_template_child (widget_class, CockpitHelpdeskRow, time);
  gtk_widget_class_bind_template_child (widget_class, CockpitHelpdeskRow, package);
  gtk_widget_class_bind_template_child (widget_class, CockpitHelpdeskRow, body);
  gtk_widget_class_bind_template_child (widget_class, CockpitHelpdeskRow, read_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitHelpdeskRow, archive_button);
}

static void
cockpit_helpdesk_row_init (CockpitHelpdeskRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
