/* cockpit-widget-util.c: small things every widget of the app does the same way.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-widget-util.h"

/* Tooltips
 *
 * In GTK 4.8, gtk_widget_set_tooltip_text() (and a "tooltip-text" in a
 * .ui file) on a widget that is not hidden asks the X server where the
 * pointer is, in case the widget's tooltip is on screen: three round
 * trips, each a wait while the server is busy drawing.  The first data
 * frame of a start set about 60 tooltips on widgets not yet on screen:
 * about 180 round trips (docs/performance.md, session 17).  So the app
 * keeps each widget's tooltip itself and gives it to GTK when GTK asks
 * for it (::query-tooltip), as the list cells do.  Screen readers get it
 * as the widget's description, as GTK's own tooltip would give it. */

static GQuark
tooltip_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("cockpit-tooltip");
  return quark;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  const char *text = g_object_get_qdata (G_OBJECT (widget), tooltip_quark ());

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * cockpit_widget_set_tooltip_text:
 * @widget: a widget
 * @text: (nullable): the tooltip, or %NULL (or "") for none
 *
 * Gives @widget the tooltip @text, and so its accessible description,
 * without a round trip to the X server.  Nothing happens when @text is
 * the tooltip it has.  Only when @widget is on screen, where its tooltip
 * may be showing, is GTK asked to show the new one at once.
 */
void
cockpit_widget_set_tooltip_text (GtkWidget  *widget,
                                 const char *text)
{
  const char *old;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text != NULL && *text == '\0')
    text = NULL;
  old = g_object_get_qdata (G_OBJECT (widget), tooltip_quark ());
  if (g_strcmp0 (old, text) == 0)
    return;

  if (old == NULL &&
      g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, query_tooltip_cb, NULL) == 0)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_object_set_qdata_full (G_OBJECT (widget), tooltip_quark (), g_strdup (text), g_free);

  gtk_widget_set_has_tooltip (widget, text != NULL);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  if (gtk_widget_get_mapped (widget))
    gtk_widget_trigger_tooltip_query (widget);
}

/**
 * cockpit_widget_get_tooltip_text:
 * @widget: a widget
 *
 * Returns: (nullable): the tooltip cockpit_widget_set_tooltip_text() gave
 *   @widget, or %NULL
 */
const char *
cockpit_widget_get_tooltip_text (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return g_object_get_qdata (G_OBJECT (widget), tooltip_quark ());
}

/**
 * cockpit_widget_set_template_tooltips:
 * @widget: a widget made from a template
 * @template_type: the type whose template names the children
 * @tooltips: pairs of a child's id and its tooltip, marked with N_() and
 *   translated here, ending with %NULL
 *
 * Gives children of @widget's template their tooltips, which the .ui
 * files do not set (see above).  Each child must be bound, if only with
 * gtk_widget_class_bind_template_child_full() and no offset.
 */
void
cockpit_widget_set_template_tooltips (GtkWidget         *widget,
                                      GType              template_type,
                                      const char * const *tooltips)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (guint i = 0; tooltips[i] != NULL; i += 2)
    {
      GObject *child = gtk_widget_get_template_child (widget, template_type, tooltips[i]);

      g_return_if_fail (GTK_IS_WIDGET (child));
      cockpit_widget_set_tooltip_text (GTK_WIDGET (child), _(tooltips[i + 1]));
    }
}

/**
 * cockpit_widget_set_class_of:
 * @widget: a widget
 * @classes: the style classes of which @widget has one at most, ending
 *   with %NULL
 * @wanted: (nullable): the one of @classes it has from now on, or %NULL
 *
 * Gives @widget the style class @wanted and none of the others of
 * @classes, touching only a class that changes: each change restyles the
 * widget, and an update that takes a class off and puts it back (the
 * cards at every refresh) restyled it for nothing.
 */
void
cockpit_widget_set_class_of (GtkWidget          *widget,
                             const char * const *classes,
                             const char         *wanted)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (guint i = 0; classes[i] != NULL; i++)
    if (g_strcmp0 (classes[i], wanted) != 0 && gtk_widget_has_css_class (widget, classes[i]))
      gtk_widget_remove_css_class (widget, classes[i]);
  if (wanted != NULL && !gtk_widget_has_css_class (widget, wanted))
    gtk_widget_add_css_class (widget, wanted);
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
