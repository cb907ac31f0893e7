/* cockpit-helpdesk-list-private.h: what the helpdesk's pieces share: its fields and its list.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cockpit-helpdesk.c is the object, its counts, its list and its
 * refreshes; cockpit-helpdesk-changes.c marks read and archives;
 * cockpit-helpdesk-seen.c keeps the critical ids already announced.
 */
#pragma once

#include "cockpit-helpdesk.h"
#include "cockpit-helpdesk-private.h"
#include "cockpit-refresh-queue-private.h"

G_BEGIN_DECLS

/* The value of a pending change that the cockpit has not confirmed yet. */
#define IN_FLIGHT G_MAXUINT

#define N_SEVERITIES 3

struct _CockpitHelpdesk
{
  GObject parent_instance;

  /* Owned references */
  CockpitClient *client;
  char          *state_path;
  GListStore    *notifications;
  GCancellable  *cancellable;

  /* Changes sent by us: id → IN_FLIGHT, or the refresh serial at the
   * time the cockpit confirmed them. */
  GHashTable    *reads;
  GHashTable    *archives;

  /* The ids of the critical notifications already seen; NULL until the
   * state file is read. */
  GHashTable    *seen;

  guint          unread[N_SEVERITIES];
  char          *error;
  gboolean       loading;
  gboolean       loaded;       /* a refresh has ended: the list is the cockpit's */
  guint          refresh_serial;

  /* One refresh at a time, and the automatic refresh */
  CockpitRefreshQueue refreshes;
};

/* The list and its counts (cockpit-helpdesk.c) */
void      _cockpit_helpdesk_update_counts      (CockpitHelpdesk     *self);
gboolean  _cockpit_helpdesk_find_position      (CockpitHelpdesk     *self,
                                                CockpitNotification *notification,
                                                guint               *position);
/* Puts a notification back where it belongs after an archive failed. */
void      _cockpit_helpdesk_insert_sorted      (CockpitHelpdesk     *self,
                                                CockpitNotification *notification);
/* What every _finish of the helpdesk does: its tasks end in a boolean. */
gboolean  _cockpit_helpdesk_finish             (CockpitHelpdesk     *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* The ids announced (cockpit-helpdesk-seen.c) */
char     *_cockpit_helpdesk_default_state_path (void);
/* Reads the state file once, when the ids are first needed. */
void      _cockpit_helpdesk_ensure_seen        (CockpitHelpdesk     *self);
void      _cockpit_helpdesk_save_seen          (CockpitHelpdesk     *self);

G_END_DECLS
