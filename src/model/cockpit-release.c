/* cockpit-release.c: a Magnolia version that can be installed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cockpit-json.h"
#include "cockpit-release.h"
#include "cockpit-version.h"

struct _CockpitRelease
{
  GObject parent_instance;

  char      *version;
  char      *branch;
  gboolean   lts;
  GDateTime *released_at;
  char      *release_notes_url;
};

G_DEFINE_FINAL_TYPE (CockpitRelease, cockpit_release, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VERSION,
  PROP_BRANCH,
  PROP_LTS,
  PROP_RELEASED_AT,
  PROP_RELEASE_NOTES_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CockpitField fields[] = {
  { "version", COCKPIT_FIELD_EXACT },
  { "branch", COCKPIT_FIELD_EXACT },
  { "lts" },
  { "released-at" },
  { "release-notes-url", COCKPIT_FIELD_NULLABLE | COCKPIT_FIELD_EXACT },
};

CockpitRelease *
cockpit_release_new (const char *version,
                     gboolean    lts,
                     GDateTime  *released_at)
{
  CockpitVersion parsed;
  g_autofree char *branch = NULL;

  if (cockpit_version_parse (version, &parsed, NULL))
    branch = cockpit_version_branch (&parsed);

  return g_object_new (COCKPIT_TYPE_RELEASE,
                       "version", version,
                       "branch", branch,
                       "lts", lts,
                       "released-at", released_at,
                       NULL);
}

static void
cockpit_release_finalize (GObject *object)
{
  CockpitRelease *self = (CockpitRelease *) object;

  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->branch, g_free);
  g_clear_pointer (&self->released_at, g_date_time_unref);
  g_clear_pointer (&self->release_notes_url, g_free);

  G_OBJECT_CLASS (cockpit_release_parent_class)->finalize (object);
}

static void
cockpit_release_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CockpitRelease *self = COCKPIT_RELEASE (object);

  switch (prop_id)
    {
    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;
    case PROP_BRANCH:
      g_value_set_string (value, self->branch);
      break;
    case PROP_LTS:
      g_value_set_boolean (value, self->lts);
      break;
    case PROP_RELEASED_AT:
      g_value_set_boxed (value, self->released_at);
      break;
    case PROP_RELEASE_NOTES_URL:
      g_value_set_string (value, self->release_notes_url);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_release_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CockpitRelease *self = COCKPIT_RELEASE (object);

  switch (prop_id)
    {
    case PROP_VERSION:
      cockpit_release_set_version (self, g_value_get_string (value));
      break;
    case PROP_BRANCH:
      cockpit_release_set_branch (self, g_value_get_string (value));
      break;
    case PROP_LTS:
      cockpit_release_set_lts (self, g_value_get_boolean (value));
      break;
    case PROP_RELEASED_AT:
      cockpit_release_set_released_at (self, g_value_get_boxed (value));
      break;
    case PROP_RELEASE_NOTES_URL:
      cockpit_release_set_release_notes_url (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_release_class_init (CockpitReleaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cockpit_release_finalize;
  object_class->get_property = cockpit_release_get_property;
  object_class->set_property = cockpit_release_set_property;

  properties[PROP_VERSION] =
    g_param_spec_string ("version", NULL, NULL, NULL, flags);
  properties[PROP_BRANCH] =
    g_param_spec_string ("branch", NULL, NULL, NULL, flags);
  properties[PROP_LTS] =
    g_param_spec_boolean ("lts", NULL, NULL, FALSE, flags);
  properties[PROP_RELEASED_AT] =
    g_param_spec_boxed ("released-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_RELEASE_NOTES_URL] =
    g_param_spec_string ("release-notes-url", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  cockpit_json_class_install_fields (object_class, fields, G_N_ELEMENTS (fields));
}

static void
cockpit_release_init (CockpitRelease *self)
{
}

const char *
cockpit_release_get_version (CockpitRelease *self)
{
  g_return_val_if_fail (COCKPIT_IS_RELEASE (self), NULL);
  return self->version;
}

void
cockpit_release_set_version (CockpitRelease *self,
                             const char     *version)
{
  g_return_if_fail (COCKPIT_IS_RELEASE (self));
  if (cockpit_set_string (&self->version, version))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

const char *
cockpit_release_get_branch (CockpitRelease *self)
{
  g_return_val_if_fail (COCKPIT_IS_RELEASE (self), NULL);
  return self->branch;
}

void
cockpit_release_set_branch (CockpitRelease *self,
                            const char     *branch)
{
  g_return_if_fail (COCKPIT_IS_RELEASE (self));
  if (cockpit_set_string (&self->branch, branch))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRANCH]);
}

gboolean
cockpit_release_get_lts (CockpitRelease *self)
{
  g_return_val_if_fail (COCKPIT_IS_RELEASE (self), FALSE);
  return self->lts;
}

void
cockpit_release_set_lts (CockpitRelease *self,
                         gboolean        lts)
{
  g_return_if_fail (COCKPIT_IS_RELEASE (self));
  lts = !!lts;
  if (self->lts == lts)
    return;
  self->lts = lts;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LTS]);
}

GDateTime *
cockpit_release_get_released_at (CockpitRelease *self)
{
  g_return_val_if_fail (COCKPIT_IS_RELEASE (self), NULL);
  return self->released_at;
}

void
cockpit_release_set_released_at (CockpitRelease *self,
                                 GDateTime      *released_at)
{
  g_return_if_fail (COCKPIT_IS_RELEASE (self));
  if (cockpit_set_date_time (&self->released_at, released_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELEASED_AT]);
}

const char *
cockpit_release_get_release_notes_url (CockpitRelease *self)
{
  g_return_val_if_fail (COCKPIT_IS_RELEASE (self), NULL);
  return self->release_notes_url;
}

void
cockpit_release_set_release_notes_url (CockpitRelease *self,
                                       const char     *url)
{
  g_return_if_fail (COCKPIT_IS_RELEASE (self));
  if (cockpit_set_string (&self->release_notes_url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELEASE_NOTES_URL]);
}
