/* cockpit-upgrade-version-row.c: one version on the upgrade wizard's second page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A check box to choose the version, its number and release date, "LTS"
 * for a long-term support release, and a button that opens its release
 * notes.  The wizard puts the rows' check boxes in one group and follows
 * "active" to know the version chosen.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-upgrade-version-row.h"
#include "cockpit-widget-util.h"

struct _CockpitUpgradeVersionRow
{
  AdwActionRow    parent_instance;

  /* Template widgets */
  GtkCheckButton *check;
  GtkWidget      *lts_pill;
  GtkWidget      *notes_button;

  /* Owned references */
  CockpitRelease *release;
};

G_DEFINE_FINAL_TYPE (CockpitUpgradeVersionRow, cockpit_upgrade_version_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_RELEASE,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
cockpit_upgrade_version_row_new (CockpitRelease *release)
{
  g_return_val_if_fail (COCKPIT_IS_RELEASE (release), NULL);

  return g_object_new (COCKPIT_TYPE_UPGRADE_VERSION_ROW, "release", release, NULL);
}

CockpitRelease *
cockpit_upgrade_version_row_get_release (CockpitUpgradeVersionRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_UPGRADE_VERSION_ROW (self), NULL);

  return self->release;
}

void
cockpit_upgrade_version_row_set_group (CockpitUpgradeVersionRow *self,
                                       CockpitUpgradeVersionRow *group)
{
  g_return_if_fail (COCKPIT_IS_UPGRADE_VERSION_ROW (self));
  g_return_if_fail (group == NULL || COCKPIT_IS_UPGRADE_VERSION_ROW (group));

  gtk_check_button_set_group (self->check, group != NULL ? group->check : NULL);
}

gboolean
cockpit_upgrade_version_row_get_active (CockpitUpgradeVersionRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_UPGRADE_VERSION_ROW (self), FALSE);

  return gtk_check_button_get_active (self->check);
}

void
cockpit_upgrade_version_row_set_active (CockpitUpgradeVersionRow *self,
                                        gboolean                  active)
{
  g_return_if_fail (COCKPIT_IS_UPGRADE_VERSION_ROW (self));

  /* The check box notifies only a real change, and "active" follows it. */
  gtk_check_button_set_active (self->check, active);
}

static char *
format_release_date (CockpitRelease *release)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;

  if (cockpit_release_get_released_at (release) == NULL)
    return NULL;

  local = g_date_time_to_local (cockpit_release_get_released_at (release));
  /* Translators: a release date, see g_date_time_format() */
  date = g_date_time_format (local, _("%-d %B %Y"));
  /* Translators: "Released 19 February 2026" */
  return g_strdup_printf (_("Released %s"), date);
}

static void
check_active_cb (CockpitUpgradeVersionRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
cockpit_upgrade_version_row_constructed (GObject *object)
{
  CockpitUpgradeVersionRow *self = COCKPIT_UPGRADE_VERSION_ROW (object);
  AdwActionRow *row = ADW_ACTION_ROW (self);
  g_autofree char *released = NULL;
  const char *url;

  G_OBJECT_CLASS (cockpit_upgrade_version_row_parent_class)->constructed (object);

  g_return_if_fail (self->release != NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), cockpit_release_get_version (self->release));
  released = format_release_date (self->release);
  if (released != NULL)
    adw_action_row_set_subtitle (row, released);

  /* Removed rather than hidden: a row without suffixes has no room kept
   * for them. */
  if (!cockpit_release_get_lts (self->release))
    adw_action_row_remove (row, self->lts_pill);

  url = cockpit_release_get_release_notes_url (self->release);
  if (url != NULL)
    {
      gtk_link_button_set_uri (GTK_LINK_BUTTON (self->notes_button), url);
      cockpit_widget_set_tooltip_text (self->notes_button, url);
    }
  else
    adw_action_row_remove (row, self->notes_button);
}

static void
cockpit_upgrade_version_row_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  CockpitUpgradeVersionRow *self = COCKPIT_UPGRADE_VERSION_ROW (object);

  switch (prop_id)
    {
    case PROP_RELEASE:
      g_value_set_object (value, self->release);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, cockpit_upgrade_version_row_get_active (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_upgrade_version_row_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  CockpitUpgradeVersionRow *self = COCKPIT_UPGRADE_VERSION_ROW (object);

  switch (prop_id)
    {
    case PROP_RELEASE:
      self->release = g_value_dup_object (value);
      break;
    case PROP_ACTIVE:
      cockpit_upgrade_version_row_set_active (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_upgrade_version_row_dispose (GObject *object)
{
  CockpitUpgradeVersionRow *self = COCKPIT_UPGRADE_VERSION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCKPIT_TYPE_UPGRADE_VERSION_ROW);
  g_clear_object (&self->release);

  G_OBJECT_CLASS (cockpit_upgrade_version_row_parent_class)->dispose (object);
}

static void
cockpit_upgrade_version_row_class_init (CockpitUpgradeVersionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cockpit_upgrade_version_row_constructed;
  object_class->get_property = cockpit_upgrade_version_row_get_property;
  object_class->set_property = cockpit_upgrade_version_row_set_property;
  object_class->dispose = cockpit_upgrade_version_row_dispose;

  /* The version shown. */
  properties[PROP_RELEASE] =
    g_param_spec_object ("release", NULL, NULL, COCKPIT_TYPE_RELEASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Whether it is the one chosen: its check box is ticked. */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cockpit-upgrade-version-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeVersionRow, check);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeVersionRow, lts_pill);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeVersionRow, notes_button);
  gtk_widget_class_bind_template_callback (widget_class, check_active_cb);
}

/* The tooltips of the template's children (cockpit-widget-util.c says
 * why they are not in the .ui file). */
static const char * const template_tooltips[] = {
  "lts_pill", N_("Long-term support release"),
  NULL
};

static void
cockpit_upgrade_version_row_init (CockpitUpgradeVersionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cockpit_widget_set_template_tooltips (GTK_WIDGET (self), COCKPIT_TYPE_UPGRADE_VERSION_ROW, template_tooltips);
  /* GtkLinkButton draws itself as underlined text; the template makes
   * it a flat button. */
  gtk_widget_remove_css_class (self->notes_button, "link");
}
