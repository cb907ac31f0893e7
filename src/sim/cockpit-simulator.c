/* cockpit-simulator.c: an HTTP server that plays a cockpit backend: the object, its state file and lock.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The top of the simulator: it loads the state, makes the server and
 * answers the public calls.  How a request is answered is in
 * cockpit-sim-router.c; the answers are in cockpit-sim-handlers.c and
 * cockpit-sim-controls.c; the clock, its timer and the saving of the
 * state, which the router uses too, are in cockpit-sim-clock.c.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <libsoup/soup.h>

#include "cockpit-sim-document.h"
#include "cockpit-sim-engine.h"
#include "cockpit-sim-listener.h"
#include "cockpit-sim-recorder.h"
#include "cockpit-sim-seed.h"
#include "cockpit-sim-state.h"
#include "cockpit-simulator.h"
#include "cockpit-sim-private.h"
#include "cockpit-sim-request-private.h"

G_DEFINE_FINAL_TYPE (CockpitSimulator, cockpit_simulator, G_TYPE_OBJECT)

gboolean
cockpit_sim_seed_from_string (const char     *text,
                              CockpitSimSeed *seed)
{
  static const char *const names[] = { "demo", "large", "empty" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_strcmp0 (text, names[i]) == 0)
        {
          if (seed != NULL)
            *seed = (CockpitSimSeed) i;
          return TRUE;
        }
    }
  return FALSE;
}

/* A new state's first saving, once the start is over */

static gboolean
first_save_cb (gpointer user_data)
{
  CockpitSimulator *self = user_data;
  g_autoptr(GError) error = NULL;

  /* Nothing is lost when this fails: the next change saves again. */
  if (!_cockpit_simulator_save_state (self, &error))
    g_debug ("Could not save the simulator state: %s", error->message);
  return G_SOURCE_REMOVE;
}

/* GObject */

static void
cockpit_simulator_dispose (GObject *object)
{
  CockpitSimulator *self = COCKPIT_SIMULATOR (object);

  cockpit_simulator_stop (self);
  g_clear_object (&self->listener);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (cockpit_simulator_parent_class)->dispose (object);
}

static void
cockpit_simulator_finalize (GObject *object)
{
  CockpitSimulator *self = COCKPIT_SIMULATOR (object);

  g_clear_pointer (&self->state, cockpit_sim_state_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  /* Closing the descriptor releases the lock. */
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_free (self->state_path);
  g_free (self->base_url);

  G_OBJECT_CLASS (cockpit_simulator_parent_class)->finalize (object);
}

static void
cockpit_simulator_class_init (CockpitSimulatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cockpit_simulator_dispose;
  object_class->finalize = cockpit_simulator_finalize;
}

static void
cockpit_simulator_init (CockpitSimulator *self)
{
  self->lock_fd = -1;
}

/* Takes the lock of @path for this simulator.  flock() locks belong to the
 * open file, so a second simulator in the same process is refused too,
 * which fcntl() locks would not do.  The holder writes its process id into
 * the lock file, so the refusal can name it. */
static gboolean
lock_state_file (CockpitSimulator  *self,
                 const char        *path,
                 GError           **error)
{
  g_autofree char *lock_path = g_strconcat (path, ".lock", NULL);
  g_autofree char *pid = NULL;
  int fd;

  fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE,
                   "%s: %s", lock_path, g_strerror (saved_errno));
      return FALSE;
    }

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;
      char holder[32] = "";
      gssize n = read (fd, holder, sizeof holder - 1);

      close (fd);
      if (saved_errno != EWOULDBLOCK)
        {
          g_set_error (error, COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE,
                       "%s: %s", lock_path, g_strerror (saved_errno));
          return FALSE;
        }
      holder[MAX (n, 0)] = '\0';
      g_strstrip (holder);
      g_set_error (error, COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE_IN_USE,
                   "The state file %s is in use by another simulator (process %s); "
                   "stop that one first, or give this one a state file of its own.",
                   path, *holder != '\0' ? holder : "unknown");
      return FALSE;
    }

  pid = g_strdup_printf ("%d\n", (int) getpid ());
  if (ftruncate (fd, 0) != 0 || write (fd, pid, strlen (pid)) < 0)
    g_debug ("Could not write the process id into %s", lock_path);
  self->lock_fd = fd;
  return TRUE;
}

/* g_file_set_contents() writes "<path>.XXXXXX" and renames it over the
 * state file; a kill -9 between the two leaves it behind.  With the lock
 * held, any such file is stale. */
static void
remove_stale_temp_files (const char *path)
{
  g_autofree char *dir_name = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDir) dir = g_dir_open (dir_name, 0, NULL);
  gsize base_length = strlen (base);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean temp = strlen (name) == base_length + 7 &&
                      strncmp (name, base, base_length) == 0 &&
                      name[base_length] == '.';

      gboolean random_looking = FALSE;

      for (gsize i = base_length + 1; temp && name[i] != '\0'; i++)
        {
          temp = g_ascii_isalnum (name[i]);
          random_looking |= !g_ascii_islower (name[i]);
        }
      /* A word such as "backup" is somebody's copy, not ours (this keeps
       * about one stale file in 200, which the next save's rename
       * does not need anyway). */
      if (temp && random_looking)
        {
          g_autofree char *stale = g_build_filename (dir_name, name, NULL);

          if (g_unlink (stale) != 0)
            g_debug ("Could not remove %s: %s", stale, g_strerror (errno));
        }
    }
}

static CockpitSimState *
load_state (const char      *path,
            CockpitSimSeed   seed,
            gboolean        *created,
            GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  CockpitSimState *state;
  gsize length;

  *created = FALSE;
  if (path != NULL && g_file_get_contents (path, &data, &length, &local_error))
    {
      state = cockpit_sim_state_deserialize (data, length, error);
      if (state == NULL)
        g_prefix_error (error, "%s: ", path);
      return state;
    }
  if (local_error != NULL && !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_set_error (error, COCKPIT_SIM_ERROR, COCKPIT_SIM_ERROR_STATE_FILE,
                   "%s", local_error->message);
      return NULL;
    }

  state = cockpit_sim_state_new ();
  cockpit_sim_seed_fill (state, seed, g_get_real_time () / G_USEC_PER_SEC * G_USEC_PER_SEC);
  *created = TRUE;
  return state;
}

CockpitSimulator *
cockpit_simulator_new (const char      *token,
                       CockpitSimSeed   seed,
                       const char      *state_path,
                       double           stage_seconds,
                       gboolean         test_controls,
                       GError         **error)
{
  g_autoptr(CockpitSimulator) self = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  gsize length = sizeof self->token_digest;
  gboolean created;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (token == NULL || *token == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "The token must not be empty");
      return NULL;
    }
  if (!isfinite (stage_seconds) || stage_seconds < 0 || stage_seconds > 30 * 24 * 3600)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "The stage duration must be from 0 to 30 days");
      return NULL;
    }

  self = g_object_new (COCKPIT_TYPE_SIMULATOR, NULL);
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) token, -1);
  g_checksum_get_digest (checksum, self->token_digest, &length);
  self->state_path = g_strdup (state_path);
  self->seed = seed;
  self->stage_duration = (gint64) llround (stage_seconds * G_USEC_PER_SEC);
  self->test_controls = test_controls;
  self->context = g_main_context_ref_thread_default ();

  if (state_path != NULL && !lock_state_file (self, state_path, error))
    return NULL;
  if (state_path != NULL)
    remove_stale_temp_files (state_path);
  self->state = load_state (state_path, seed, &created, error);
  if (self->state == NULL)
    return NULL;
  self->state->stage_duration = self->stage_duration;

  /* Catch up with what fell due while the simulator was not running. */
  if (cockpit_sim_engine_process_due (self->state, _cockpit_simulator_now (self)) &&
      !_cockpit_simulator_save_state (self, error))
    return NULL;

  /* A new state is the seed: saved once the start is over, not during it
   * (a durable write, about 30 M instructions and an fsync, was the most
   * of the demo's start-up in the simulator; docs/performance.md).  Until
   * then a crash loses only a seed that is made again. */
  else if (created && state_path != NULL)
    {
      self->first_save = g_idle_source_new ();
      g_source_set_priority (self->first_save, G_PRIORITY_LOW);
      g_source_set_callback (self->first_save, first_save_cb, self, NULL);
      g_source_attach (self->first_save, self->context);
    }

  self->server = _cockpit_sim_router_new_server (self);
  cockpit_sim_document_serve (self->server);
  cockpit_sim_recorder_attach_from_environment (self->server);
  _cockpit_simulator_reschedule (self);

  return g_steal_pointer (&self);
}

gboolean
cockpit_simulator_listen (CockpitSimulator  *self,
                          const char        *address,
                          guint              port,
                          GError           **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autofree char *host = NULL;

  g_return_val_if_fail (COCKPIT_IS_SIMULATOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (!self->stopped, FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);

  if (address == NULL)
    address = "127.0.0.1";
  inet = g_inet_address_new_from_string (address);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not an IP address", address);
      return FALSE;
    }
  /* Our own accept loop, not soup_server_listen(): see cockpit-sim-listener.c. */
  self->listener = cockpit_sim_listener_new (self->server);
  if (!cockpit_sim_listener_listen (self->listener, inet, port, error))
    {
      g_clear_object (&self->listener);
      return FALSE;
    }
  self->port = cockpit_sim_listener_get_port (self->listener);

  host = g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6
         ? g_strdup_printf ("[%s]", address) : g_strdup (address);
  g_free (self->base_url);
  self->base_url = g_strdup_printf ("http://%s:%u", host, self->port);
  return TRUE;
}

const char *
cockpit_simulator_get_base_url (CockpitSimulator *self)
{
  g_return_val_if_fail (COCKPIT_IS_SIMULATOR (self), NULL);

  return self->base_url;
}

CockpitSimListener *
cockpit_simulator_get_listener (CockpitSimulator *self)
{
  g_return_val_if_fail (COCKPIT_IS_SIMULATOR (self), NULL);

  return self->listener;
}

guint
cockpit_simulator_get_port (CockpitSimulator *self)
{
  g_return_val_if_fail (COCKPIT_IS_SIMULATOR (self), 0);

  return self->port;
}

void
cockpit_simulator_advance_clock (CockpitSimulator *self,
                                 gint64            seconds)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (COCKPIT_IS_SIMULATOR (self));
  g_return_if_fail (seconds >= 0);

  /* Never further than a state file may hold (see cockpit-sim-state.h). */
  self->state->clock_offset = MIN (self->state->clock_offset + MIN (seconds, COCKPIT_SIM_MAX_CLOCK_OFFSET / G_USEC_PER_SEC) * G_USEC_PER_SEC,
                                   COCKPIT_SIM_MAX_CLOCK_OFFSET);
  cockpit_sim_engine_process_due (self->state, _cockpit_simulator_now (self));
  if (!_cockpit_simulator_save_state (self, &error))
    g_debug ("Could not save the simulator state: %s", error->message);
  _cockpit_simulator_reschedule (self);
}

GDateTime *
cockpit_simulator_get_now (CockpitSimulator *self)
{
  gint64 now;

  g_return_val_if_fail (COCKPIT_IS_SIMULATOR (self), NULL);

  now = _cockpit_simulator_now (self);
  return g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
}

double
cockpit_simulator_get_stage_seconds (CockpitSimulator *self)
{
  g_return_val_if_fail (COCKPIT_IS_SIMULATOR (self), 0);

  return (double) self->stage_duration / G_USEC_PER_SEC;
}

void
cockpit_simulator_set_stage_seconds (CockpitSimulator *self,
                                     double            seconds)
{
  g_return_if_fail (COCKPIT_IS_SIMULATOR (self));
  g_return_if_fail (isfinite (seconds) && seconds >= 0 && seconds <= 30 * 24 * 3600);

  self->stage_duration = (gint64) llround (seconds * G_USEC_PER_SEC);
  self->state->stage_duration = self->stage_duration;
}

void
cockpit_simulator_fail_next (CockpitSimulator *self,
                             CockpitStageName  stage)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (COCKPIT_IS_SIMULATOR (self));
  g_return_if_fail (stage != COCKPIT_STAGE_NONE);

  g_array_append_val (self->state->fail_next, stage);
  if (!_cockpit_simulator_save_state (self, &error))
    g_debug ("Could not save the simulator state: %s", error->message);
}

gboolean
cockpit_simulator_reset (CockpitSimulator  *self,
                         GError           **error)
{
  CockpitSimState *fresh;

  g_return_val_if_fail (COCKPIT_IS_SIMULATOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  fresh = cockpit_sim_state_new ();
  cockpit_sim_seed_fill (fresh, self->seed, g_get_real_time () / G_USEC_PER_SEC * G_USEC_PER_SEC);
  fresh->next_action = MAX (fresh->next_action, self->state->next_action);
  fresh->next_plan = MAX (fresh->next_plan, self->state->next_plan);
  fresh->stage_duration = self->stage_duration;
  cockpit_sim_state_free (self->state);
  self->state = fresh;
  _cockpit_simulator_reschedule (self);
  return _cockpit_simulator_save_state (self, error);
}

void
cockpit_simulator_stop (CockpitSimulator *self)
{
  g_return_if_fail (COCKPIT_IS_SIMULATOR (self));

  /* A state never saved yet is saved now: the next start goes on from it. */
  if (self->first_save != NULL && !self->stopped)
    {
      g_autoptr(GError) error = NULL;

      if (!_cockpit_simulator_save_state (self, &error))
        g_debug ("Could not save the simulator state: %s", error->message);
    }
  self->stopped = TRUE;
  _cockpit_simulator_reschedule (self);
  if (self->listener != NULL)
    cockpit_sim_listener_stop (self->listener);
  if (self->server != NULL)
    soup_server_disconnect (self->server);
}

char *
cockpit_sim_read_token_file (const char  *path,
                             GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  /* The token goes into a header as it is: a NUL byte would cut it short
   * unseen, and a control character (a second line) could never be sent,
   * so the simulator would refuse every client. */
  if (memchr (contents, '\0', length) != NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "The token file holds a NUL byte; it must hold the token alone");
      return NULL;
    }
  g_strstrip (contents);
  for (const char *p = contents; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      {
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                     "The token file holds a control character or more than one line; "
                     "it must hold the token alone");
        return NULL;
      }
  return g_strdup (contents);
}
