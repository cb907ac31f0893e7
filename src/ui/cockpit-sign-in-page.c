/* cockpit-sign-in-page.c: the main window's sign-in page: the cockpit's address, an API token, and the demo.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view: the window keeps what a sign-in does (cockpit-window-sign-in.c)
 * and makes this page the first time it shows it, so that a signed-in or
 * demo start, which never shows it, does not build its rows, whose
 * password entry alone is a few milliseconds of a start
 * (docs/performance.md).
 */
#include "config.h"

#include "cockpit-clamp.h"
#include "cockpit-sign-in-page.h"
#include "cockpit-a11y.h"

struct _CockpitSignInPage
{
  AdwBin               parent_instance;

  GtkImage            *icon;
  AdwEntryRow         *url_row;
  AdwPasswordEntryRow *token_row;
  GtkLabel            *error_label;
  GtkSpinner          *spinner;
};

G_DEFINE_FINAL_TYPE (CockpitSignInPage, cockpit_sign_in_page, ADW_TYPE_BIN)

enum {
  SIGNAL_CHANGED,
  SIGNAL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
cockpit_sign_in_page_new (void)
{
  return g_object_new (COCKPIT_TYPE_SIGN_IN_PAGE, NULL);
}

const char *
cockpit_sign_in_page_get_url (CockpitSignInPage *self)
{
  g_return_val_if_fail (COCKPIT_IS_SIGN_IN_PAGE (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->url_row));
}

const char *
cockpit_sign_in_page_get_token (CockpitSignInPage *self)
{
  g_return_val_if_fail (COCKPIT_IS_SIGN_IN_PAGE (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->token_row));
}

void
cockpit_sign_in_page_set_text (CockpitSignInPage *self,
                               const char        *url,
                               const char        *token)
{
  g_return_if_fail (COCKPIT_IS_SIGN_IN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url ? url : "");
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), token ? token : "");
}

void
cockpit_sign_in_page_clear_token (CockpitSignInPage *self)
{
  g_return_if_fail (COCKPIT_IS_SIGN_IN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->token_row), "");
}

void
cockpit_sign_in_page_set_error (CockpitSignInPage *self,
                                const char        *message)
{
  g_return_if_fail (COCKPIT_IS_SIGN_IN_PAGE (self));

  if (message != NULL)
    gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

const char *
cockpit_sign_in_page_get_error (CockpitSignInPage *self)
{
  g_return_val_if_fail (COCKPIT_IS_SIGN_IN_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

void
cockpit_sign_in_page_set_busy (CockpitSignInPage *self,
                               gboolean           busy)
{
  g_return_if_fail (COCKPIT_IS_SIGN_IN_PAGE (self));

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
changed_cb (CockpitSignInPage *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
activated_cb (CockpitSignInPage *self)
{
  g_signal_emit (self, signals[SIGNAL_ACTIVATED], 0);
}

/* The app's icon exists only as SVG at 96 px: it is looked up, and
 * librsvg loaded, when the page is on screen, not when it is made. */
static void
cockpit_sign_in_page_map (GtkWidget *widget)
{
  CockpitSignInPage *self = COCKPIT_SIGN_IN_PAGE (widget);

  GTK_WIDGET_CLASS (cockpit_sign_in_page_parent_class)->map (widget);
  if (gtk_image_get_storage_type (self->icon) == GTK_IMAGE_EMPTY)
    gtk_image_set_from_icon_name (self->icon, APP_ID);
}

static void
cockpit_sign_in_page_class_init (CockpitSignInPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = cockpit_sign_in_page_map;

  g_type_ensure (COCKPIT_TYPE_CLAMP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cockpit-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CockpitSignInPage, icon);
  gtk_widget_class_bind_template_child (widget_class, CockpitSignInPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, CockpitSignInPage, token_row);
  gtk_widget_class_bind_template_child (widget_class, CockpitSignInPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitSignInPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cockpit_sign_in_page_init (CockpitSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cockpit_a11y_name_buttons (GTK_WIDGET (self));
  /* The rows' edit icons are decoration; the button that shows the
   * token has a tooltip only. */
  cockpit_a11y_fix_library_widget (GTK_WIDGET (self->url_row));
  cockpit_a11y_fix_library_widget (GTK_WIDGET (self->token_row));
}
