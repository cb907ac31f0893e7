/* cockpit-upgrade-environment-row.c: one environment on the upgrade wizard's first page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row names the environment and says the version it runs.  One that
 * can be upgraded now is activatable, with an arrow, and Integration says
 * it is the one to start with; one that can't is insensitive, and says
 * why under its version.  The wizard asks the rules and gives the row
 * their reason; the row only shows it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cockpit-upgrade-environment-row.h"

struct _CockpitUpgradeEnvironmentRow
{
  AdwActionRow        parent_instance;

  /* Template widgets */
  GtkWidget          *recommended_pill;
  GtkWidget          *next_icon;

  /* Owned references */
  CockpitEnvironment *environment;
  char               *reason;
};

G_DEFINE_FINAL_TYPE (CockpitUpgradeEnvironmentRow, cockpit_upgrade_environment_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ENVIRONMENT,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
cockpit_upgrade_environment_row_new (CockpitEnvironment *environment,
                                     const char         *reason)
{
  g_return_val_if_fail (COCKPIT_IS_ENVIRONMENT (environment), NULL);

  return g_object_new (COCKPIT_TYPE_UPGRADE_ENVIRONMENT_ROW,
                       "environment", environment,
                       "reason", reason,
                       NULL);
}

CockpitEnvironment *
cockpit_upgrade_environment_row_get_environment (CockpitUpgradeEnvironmentRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_UPGRADE_ENVIRONMENT_ROW (self), NULL);

  return self->environment;
}

const char *
cockpit_upgrade_environment_row_get_reason (CockpitUpgradeEnvironmentRow *self)
{
  g_return_val_if_fail (COCKPIT_IS_UPGRADE_ENVIRONMENT_ROW (self), NULL);

  return self->reason;
}

static void
cockpit_upgrade_environment_row_constructed (GObject *object)
{
  CockpitUpgradeEnvironmentRow *self = COCKPIT_UPGRADE_ENVIRONMENT_ROW (object);
  AdwActionRow *row = ADW_ACTION_ROW (self);
  CockpitEnvironmentKind kind;
  const char *version;
  g_autofree char *subtitle = NULL;

  G_OBJECT_CLASS (cockpit_upgrade_environment_row_parent_class)->constructed (object);

  g_return_if_fail (self->environment != NULL);

  kind = cockpit_environment_get_kind (self->environment);
  version = cockpit_environment_get_magnolia_version (self->environment);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), cockpit_environment_kind_get_label (kind));

  if (self->reason == NULL)
    {
      /* Translators: the version an environment runs, "Magnolia 6.3.18" */
      subtitle = g_strdup_printf (_("Magnolia %s"), version);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
      if (kind != COCKPIT_ENVIRONMENT_KIND_INTEGRATION)
        adw_action_row_remove (row, self->recommended_pill);
    }
  else
    {
      if (version != NULL)
        /* Translators: "Magnolia 6.3.18", then on a new line why the environment can't be upgraded */
        subtitle = g_strdup_printf (_("Magnolia %s\n%s"), version, self->reason);
      else
        subtitle = g_strdup (self->reason);
      /* Removed rather than hidden: a row without suffixes has no room
       * kept for them. */
      adw_action_row_remove (row, self->recommended_pill);
      adw_action_row_remove (row, self->next_icon);
      gtk_widget_add_css_class (GTK_WIDGET (self), "blocked");
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
    }
  adw_action_row_set_subtitle (row, subtitle);
}

static void
cockpit_upgrade_environment_row_get_property (GObject    *object,
                                              guint       prop_id,
                                              GValue     *value,
                                              GParamSpec *pspec)
{
  CockpitUpgradeEnvironmentRow *self = COCKPIT_UPGRADE_ENVIRONMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_ENVIRONMENT:
      g_value_set_object (value, self->environment);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_upgrade_environment_row_set_property (GObject      *object,
                                              guint         prop_id,
                                              const GValue *value,
                                              GParamSpec   *pspec)
{
  CockpitUpgradeEnvironmentRow *self = COCKPIT_UPGRADE_ENVIRONMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_ENVIRONMENT:
      self->environment = g_value_dup_object (value);
      break;
    case PROP_REASON:
      self->reason = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_upgrade_environment_row_dispose (GObject *object)
{
  CockpitUpgradeEnvironmentRow *self = COCKPIT_UPGRADE_ENVIRONMENT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCKPIT_TYPE_UPGRADE_ENVIRONMENT_ROW);
  g_clear_object (&self->environment);

  G_OBJECT_CLASS (cockpit_upgrade_environment_row_parent_class)->dispose (object);
}

static void
cockpit_upgrade_environment_row_finalize (GObject *object)
{
  CockpitUpgradeEnvironmentRow *self = COCKPIT_UPGRADE_ENVIRONMENT_ROW (object);

  g_free (self->reason);

  G_OBJECT_CLASS (cockpit_upgrade_environment_row_parent_class)->finalize (object);
}

static void
cockpit_upgrade_environment_row_class_init (CockpitUpgradeEnvironmentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cockpit_upgrade_environment_row_constructed;
  object_class->get_property = cockpit_upgrade_environment_row_get_property;
  object_class->set_property = cockpit_upgrade_environment_row_set_property;
  object_class->dispose = cockpit_upgrade_environment_row_dispose;
  object_class->finalize = cockpit_upgrade_environment_row_finalize;

  /* The environment shown. */
  properties[PROP_ENVIRONMENT] =
    g_param_spec_object ("environment", NULL, NULL, COCKPIT_TYPE_ENVIRONMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Why it can't be upgraded now; NULL when it can. */
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cockpit-upgrade-environment-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeEnvironmentRow, recommended_pill);
  gtk_widget_class_bind_template_child (widget_class, CockpitUpgradeEnvironmentRow, next_icon);
}

static void
cockpit_upgrade_environment_row_init (CockpitUpgradeEnvironmentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
