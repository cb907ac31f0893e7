/* cockpit-demo.c: the demo mode: the built-in simulator and what the Demo menu does to it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Demo menu never fakes what the window shows: skipping ahead moves
 * the simulator's own clock, a failure is armed in the simulator, and a
 * reset puts the simulator back to its seed.  The window then shows what
 * the demo cockpit answers, as it would for a real one.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>

#include <glib/gstdio.h>

#include "cockpit-demo.h"

struct _CockpitDemo
{
  GObject           parent_instance;

  CockpitSimulator *simulator;
  char             *token;
  char             *journal_path;
  double            realistic_seconds;
  gboolean          fast;
};

G_DEFINE_FINAL_TYPE (CockpitDemo, cockpit_demo, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FAST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CockpitDemo *
cockpit_demo_new (const char  *data_dir,
                  const char  *state_dir,
                  GError     **error)
{
  g_autoptr(CockpitDemo) self = g_object_new (COCKPIT_TYPE_DEMO, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = g_build_filename (data_dir ? data_dir : g_get_user_data_dir (), "upgrade-cockpit", NULL);
  g_autofree char *state = g_build_filename (dir, "demo-state.json", NULL);
  const char *stage_env = g_getenv ("COCKPIT_DEMO_STAGE_SECONDS");

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Tests and screenshots may ask for another pace. */
  if (stage_env != NULL && g_ascii_strtod (stage_env, NULL) > 0)
    self->realistic_seconds = g_ascii_strtod (stage_env, NULL);

  self->token = g_uuid_string_random ();
  self->journal_path = g_build_filename (state_dir ? state_dir : g_get_user_state_dir (),
                                         "upgrade-cockpit", "demo-actions.json", NULL);
  g_mkdir_with_parents (dir, 0700);

  self->simulator = cockpit_simulator_new (self->token, COCKPIT_SIM_SEED_DEMO, state,
                                           self->realistic_seconds, FALSE, &local_error);
  if (self->simulator != NULL)
    cockpit_simulator_listen (self->simulator, "127.0.0.1", 0, &local_error);

  if (g_error_matches (local_error, COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE_IN_USE))
    {
      g_set_error (error, COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE_IN_USE,
                   _("Another demo is already running on this computer and uses the demo’s saved state (%s). Close it, or use that one."),
                   state);
      return NULL;
    }
  if (local_error != NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("The demo cockpit could not start: %s"), local_error->message);
      return NULL;
    }

  return g_steal_pointer (&self);
}

CockpitSimulator *
cockpit_demo_get_simulator (CockpitDemo *self)
{
  g_return_val_if_fail (COCKPIT_IS_DEMO (self), NULL);

  return self->simulator;
}

CockpitSession *
cockpit_demo_create_session (CockpitDemo *self)
{
  g_autoptr(CockpitClient) client = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (COCKPIT_IS_DEMO (self), NULL);

  client = cockpit_client_new (cockpit_simulator_get_base_url (self->simulator), self->token, &error);
  /* A loopback address the simulator made itself is always valid. */
  g_assert_no_error (error);
  /* Its port changes every run; the journal and the cache must not. */
  cockpit_client_set_identity (client, "demo");
  return cockpit_session_new (client, self->journal_path, NULL);
}

GDateTime *
cockpit_demo_get_now (gpointer self)
{
  g_return_val_if_fail (COCKPIT_IS_DEMO (self), NULL);

  return cockpit_simulator_get_now (COCKPIT_DEMO (self)->simulator);
}

gboolean
cockpit_demo_get_fast (CockpitDemo *self)
{
  g_return_val_if_fail (COCKPIT_IS_DEMO (self), FALSE);

  return self->fast;
}

void
cockpit_demo_set_fast (CockpitDemo *self,
                       gboolean     fast)
{
  g_return_if_fail (COCKPIT_IS_DEMO (self));

  fast = !!fast;
  if (self->fast == fast)
    return;

  self->fast = fast;
  cockpit_simulator_set_stage_seconds (self->simulator,
                                       fast ? COCKPIT_DEMO_FAST_STAGE_SECONDS : self->realistic_seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAST]);
}

void
cockpit_demo_skip_ahead (CockpitDemo *self,
                         gint64       seconds)
{
  g_return_if_fail (COCKPIT_IS_DEMO (self));
  g_return_if_fail (seconds > 0);

  cockpit_simulator_advance_clock (self->simulator, seconds);
}

void
cockpit_demo_fail_next (CockpitDemo      *self,
                        CockpitStageName  stage)
{
  g_return_if_fail (COCKPIT_IS_DEMO (self));

  cockpit_simulator_fail_next (self->simulator, stage);
}

gboolean
cockpit_demo_reset (CockpitDemo  *self,
                    GError      **error)
{
  g_return_val_if_fail (COCKPIT_IS_DEMO (self), FALSE);

  /* The journal only lists actions of the state that is going away. */
  if (g_unlink (self->journal_path) != 0 && errno != ENOENT)
    g_debug ("Could not remove the demo's action journal %s: %s", self->journal_path, g_strerror (errno));
  return cockpit_simulator_reset (self->simulator, error);
}

static void
cockpit_demo_dispose (GObject *object)
{
  CockpitDemo *self = COCKPIT_DEMO (object);

  if (self->simulator != NULL)
    cockpit_simulator_stop (self->simulator);
  g_clear_object (&self->simulator);

  G_OBJECT_CLASS (cockpit_demo_parent_class)->dispose (object);
}

static void
cockpit_demo_finalize (GObject *object)
{
  CockpitDemo *self = COCKPIT_DEMO (object);

  g_free (self->token);
  g_free (self->journal_path);

  G_OBJECT_CLASS (cockpit_demo_parent_class)->finalize (object);
}

static void
cockpit_demo_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CockpitDemo *self = COCKPIT_DEMO (object);

  switch (prop_id)
    {
    case PROP_FAST:
      g_value_set_boolean (value, self->fast);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_demo_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CockpitDemo *self = COCKPIT_DEMO (object);

  switch (prop_id)
    {
    case PROP_FAST:
      cockpit_demo_set_fast (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_demo_class_init (CockpitDemoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cockpit_demo_dispose;
  object_class->finalize = cockpit_demo_finalize;
  object_class->get_property = cockpit_demo_get_property;
  object_class->set_property = cockpit_demo_set_property;

  properties[PROP_FAST] =
    g_param_spec_boolean ("fast", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cockpit_demo_init (CockpitDemo *self)
{
  self->realistic_seconds = COCKPIT_DEMO_REALISTIC_STAGE_SECONDS;
}
