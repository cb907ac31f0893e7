/* cockpit-a11y.c: accessible names GTK 4.8 does not compute well by itself.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 names a button after its label property and its label child
 * together, the mnemonic included: "_Retry" reads as "_Retry Retry", and
 * a button whose child is a box reads as its type, "GtkButton".  What a
 * person sees is the text of the button's label without the underscore,
 * so that is the name we give it, kept up to date when the text changes.
 * Buttons with only an icon get their names in the .ui files.
 */
#include "config.h"

#include "cockpit-a11y.h"

static GQuark
named_quark (void)
{
  return g_quark_from_static_string ("cockpit-a11y-named");
}

/* The label a button shows, if it has one with a mnemonic; never one of
 * a popover, which is a child of its button too. */
static GtkLabel *
find_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_use_underline (GTK_LABEL (widget)) ? GTK_LABEL (widget) : NULL;
  if (GTK_IS_NATIVE (widget))
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

static void
update_name (GtkWidget *button)
{
  GtkWidget *content = GTK_IS_MENU_BUTTON (button) ? gtk_widget_get_first_child (button) : button;
  GtkLabel *label = content != NULL ? find_label (content) : NULL;

  if (label == NULL)
    return;

  /* The label's text, unlike its label property, has no mnemonic.  GTK
   * names a button by its label property and its labelled-by label
   * together; one name is enough. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (label),
                                  -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static void
label_changed_cb (GObject    *object,
                  GParamSpec *pspec,
                  GtkWidget  *button)
{
  update_name (button);
}

static void
name_button (GtkWidget *button,
             GtkWidget *content)
{
  GtkLabel *label;

  if (g_object_get_qdata (G_OBJECT (button), named_quark ()) != NULL)
    return;

  label = content != NULL ? find_label (content) : NULL;
  if (label == NULL)
    return;

  g_object_set_qdata (G_OBJECT (button), named_quark (), GINT_TO_POINTER (TRUE));
  g_signal_connect_object (label, "notify::label", G_CALLBACK (label_changed_cb), button, G_CONNECT_AFTER);
  /* A button sets its own name again when its label changes. */
  g_signal_connect_object (button, "notify::label", G_CALLBACK (label_changed_cb), button, G_CONNECT_AFTER);
  update_name (button);
}

/**
 * cockpit_a11y_name_buttons:
 * @root: a widget
 *
 * Gives every button under @root (and @root itself) that shows text the
 * name a person reads on it, and the button of a #GtkDropDown the name of
 * its drop-down.  Calling it again on the same widgets does nothing more.
 */
void
cockpit_a11y_name_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  /* A GtkMenuButton shows its label in an inner toggle button; both are
   * read by a screen reader. */
  if (GTK_IS_BUTTON (root))
    name_button (root, root);
  else if (GTK_IS_MENU_BUTTON (root))
    name_button (root, gtk_widget_get_first_child (root));
  else if (GTK_IS_DROP_DOWN (root) && GTK_IS_TOGGLE_BUTTON (gtk_widget_get_first_child (root)))
    {
      /* A drop-down's button is read on its own: it takes the drop-down's
       * name, which its .ui file gives. */
      gtk_accessible_update_relation (GTK_ACCESSIBLE (gtk_widget_get_first_child (root)),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, root, NULL,
                                      -1);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cockpit_a11y_name_buttons (child);
}

static void
tooltip_changed_cb (GtkWidget  *button,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  const char *tooltip = gtk_widget_get_tooltip_text (button);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip != NULL ? tooltip : "",
                                  -1);
}

/**
 * cockpit_a11y_fix_library_widget:
 * @root: a widget made by a library, such as an #AdwPasswordEntryRow
 *
 * Names the buttons under @root that show only an icon after their
 * tooltip, which a person sees when pointing at them, and hides icons
 * without a tooltip from screen readers as the decoration they are.  For
 * widgets the app does not make itself; ours get their names and roles
 * in their .ui files.
 */
void
cockpit_a11y_fix_library_widget (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && find_label (root) == NULL &&
      g_object_get_qdata (G_OBJECT (root), named_quark ()) == NULL)
    {
      g_object_set_qdata (G_OBJECT (root), named_quark (), GINT_TO_POINTER (TRUE));
      g_signal_connect (root, "notify::tooltip-text", G_CALLBACK (tooltip_changed_cb), NULL);
      tooltip_changed_cb (root, NULL, NULL);
    }
  else if (GTK_IS_IMAGE (root) && gtk_widget_get_tooltip_text (root) == NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cockpit_a11y_fix_library_widget (child);
}

static void
visible_child_cb (GtkStack   *stack,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  GtkWidget *visible = gtk_stack_get_visible_child (stack);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, child != visible, -1);
}

/**
 * cockpit_a11y_follow_stack:
 * @stack: a #GtkStack
 *
 * GTK 4.8 shows screen readers every page of a stack, those not shown
 * too: a page shown once and left keeps its place on screen.  This hides
 * all pages but the visible one from them, now and whenever it changes.
 */
void
cockpit_a11y_follow_stack (GtkStack *stack)
{
  g_return_if_fail (GTK_IS_STACK (stack));

  g_signal_connect (stack, "notify::visible-child", G_CALLBACK (visible_child_cb), NULL);
  visible_child_cb (stack, NULL, NULL);
}
