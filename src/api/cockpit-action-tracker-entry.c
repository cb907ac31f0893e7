/* cockpit-action-tracker-entry.c: the tracker's entries, and the calls that find theirs again.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lowest of the tracker's files: an entry is one intent being
 * followed, and a call is what an answer needs to find its entry again,
 * if the tracker and the entry still exist.  The journal, the following
 * and the starting of actions all build on these, and they call nothing
 * of the tracker's.
 */
#include "config.h"

#include "cockpit-action-tracker-entry-private.h"

void
_cockpit_tracker_entry_free (Entry *entry)
{
  if (entry == NULL)
    return;

  g_clear_handle_id (&entry->timeout_id, g_source_remove);
  cockpit_intent_clear (&entry->intent);
  g_clear_object (&entry->action);
  g_free (entry);
}

Entry *
_cockpit_tracker_find_entry (CockpitActionTracker *self,
                             const char           *key)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (entry->intent.key, key) == 0)
        return entry;
    }
  return NULL;
}

Call *
_cockpit_tracker_call_new (CockpitActionTracker *self,
                           Entry                *entry)
{
  Call *call = g_new0 (Call, 1);

  g_weak_ref_init (&call->tracker, self);
  call->key = g_strdup (entry->intent.key);
  return call;
}

void
_cockpit_tracker_call_free (Call *call)
{
  g_weak_ref_clear (&call->tracker);
  g_free (call->key);
  g_free (call);
}

gboolean
_cockpit_tracker_call_resolve (Call                  *call,
                               CockpitActionTracker **self,
                               Entry                **entry)
{
  *self = g_weak_ref_get (&call->tracker);
  if (*self == NULL)
    return FALSE;
  *entry = _cockpit_tracker_find_entry (*self, call->key);
  if (*entry == NULL)
    {
      g_clear_object (self);
      return FALSE;
    }
  return TRUE;
}
