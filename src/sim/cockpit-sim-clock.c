/* cockpit-sim-clock.c: the simulator's clock, the timer of its next event, and the saving of its state.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What both the object (cockpit-simulator.c) and the router
 * (cockpit-sim-router.c) do after the state has changed: read the
 * simulated time, write the state file, and set the timer for the next
 * event of the engine.  They work on the fields of CockpitSimulator
 * only, so this sits below both and calls nothing but the engine and
 * the data.
 */
#include "config.h"

#include "cockpit-sim-engine.h"
#include "cockpit-sim-state.h"
#include "cockpit-sim-request-private.h"

/* The clock */

gint64
_cockpit_simulator_now (CockpitSimulator *self)
{
  return g_get_real_time () + self->state->clock_offset;
}

/* Times that are recorded (an action's start) are whole seconds, as the
 * answers show them. */
gint64
_cockpit_simulator_now_seconds (CockpitSimulator *self)
{
  gint64 now = _cockpit_simulator_now (self);

  return now - now % G_USEC_PER_SEC;
}

static gboolean
timer_cb (gpointer user_data)
{
  CockpitSimulator *self = user_data;

  g_clear_pointer (&self->timer, g_source_unref);
  if (cockpit_sim_engine_process_due (self->state, _cockpit_simulator_now (self)))
    {
      g_autoptr(GError) error = NULL;

      /* Nothing is lost when this fails: the events follow from the clock
       * and are carried out again after a restart. */
      if (!_cockpit_simulator_save_state (self, &error))
        g_debug ("Could not save the simulator state: %s", error->message);
    }
  _cockpit_simulator_reschedule (self);
  return G_SOURCE_REMOVE;
}

void
_cockpit_simulator_reschedule (CockpitSimulator *self)
{
  gint64 next, delay;

  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }
  if (self->stopped)
    return;

  next = cockpit_sim_engine_next_due (self->state);
  if (next == G_MAXINT64)
    return;

  /* Rounded up so that the event is due when the timer fires; at most an
   * hour, so that a change of the system clock is caught up with. */
  delay = next - _cockpit_simulator_now (self);
  delay = delay <= 0 ? 0 : MIN ((delay + 999) / 1000, 3600 * 1000);
  self->timer = g_timeout_source_new ((guint) delay);
  g_source_set_callback (self->timer, timer_cb, self, NULL);
  g_source_attach (self->timer, self->context);
}

/* The state file */

static void
cancel_first_save (CockpitSimulator *self)
{
  if (self->first_save != NULL)
    {
      g_source_destroy (self->first_save);
      g_clear_pointer (&self->first_save, g_source_unref);
    }
}

gboolean
_cockpit_simulator_save_state (CockpitSimulator  *self,
                               GError           **error)
{
  g_autofree char *data = NULL;
  gsize length;

  cancel_first_save (self);
  if (self->state_path == NULL)
    return TRUE;

  data = cockpit_sim_state_serialize (self->state, &length);
  return g_file_set_contents_full (self->state_path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}
