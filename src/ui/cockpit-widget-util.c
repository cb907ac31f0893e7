/* cockpit-widget-util.c: small things every widget of the app does the same way.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-widget-util.h"

/**
 * cockpit_widget_set_tooltip_text:
 * @widget: a widget
 * @text: (nullable): the tooltip, or %NULL for none
 *
 * Sets @widget's tooltip (and so its accessible description) when it
 * differs from the one it has.  In GTK 4.8, gtk_widget_set_tooltip_text()
 * on a shown widget asks the display where the pointer is, in case a
 * tooltip is on screen: one round trip to the X server each time, even
 * for the same text.  The cards set their buttons' reasons each time the
 * availability is computed, which a start did 188 times
 * (docs/performance.md).
 */
void
cockpit_widget_set_tooltip_text (GtkWidget  *widget,
                                 const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

AdwToast *
cockpit_toast_new_text (const char *text)
{
  g_autofree char *markup = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  markup = g_markup_escape_text (text, -1);
  return adw_toast_new (markup);
}

void
cockpit_status_page_set_description_text (AdwStatusPage *page,
                                          const char    *text)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (ADW_IS_STATUS_PAGE (page));

  if (text != NULL)
    markup = g_markup_escape_text (text, -1);
  adw_status_page_set_description (page, markup);
}

void
cockpit_widget_show_toast (GtkWidget  *widget,
                           const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL);

  gtk_widget_activate_action (widget, "win.show-toast", "s", text);
}

/**
 * cockpit_widget_get_window:
 * @widget: a widget
 *
 * Returns: (nullable) (transfer none): the window @widget is shown in,
 *   to be the parent of a dialog it opens; %NULL when it is in none (a
 *   widget a test shows alone)
 */
GtkWindow *
cockpit_widget_get_window (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/**
 * cockpit_widget_present_dialog:
 * @slot: where a widget keeps the dialog it opened, as a weak pointer
 * @dialog: the dialog just made
 *
 * Presents @dialog and keeps it in @slot, which the dialog clears when it
 * goes.  A dialog @slot kept before is closed first: a widget has one
 * dialog of a kind open at a time.  The package page's "Plan an Upgrade…"
 * and All Environments' plan of several packages open theirs so.
 */
void
cockpit_widget_present_dialog (GtkWindow **slot,
                               GtkWindow  *dialog)
{
  g_return_if_fail (slot != NULL);
  g_return_if_fail (GTK_IS_WINDOW (dialog));

  if (*slot != NULL && *slot != dialog)
    gtk_window_destroy (*slot);
  g_set_weak_pointer (slot, dialog);
  gtk_window_present (dialog);
}
